"""The API's models keep up with the domain: a field added inside is published or listed."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import BaseModel

from rareinfo.kb import associations as kba
from rareinfo.kb import mappings as kbm
from rareinfo.kb import models as kb
from rareinfo.kb.overview import models as ov
from rareinfo.phenotype import results, text
from rareinfo.records import PlainBlock as RecordPlainBlock
from rareinfo.web.api.models import associations, diagnosis, entities, overview

# Domain dataclass -> the API model built from it.
PAIRS: list[tuple[type, type[BaseModel]]] = [
    (kb.Release, entities.Release), (kb.Identifier, entities.Identifier),
    (kb.TermRef, entities.TermRef), (kb.SourcedTerm, entities.SourcedTerm),
    (kb.SourcedFrequency, entities.SourcedFrequency), (kb.SymptomRow, entities.SymptomRow),
    (kb.Gene, entities.Gene), (kb.Reference, entities.Reference),
    (kb.DiseaseRef, entities.DiseaseRef), (kb.Category, entities.Category),
    (kb.PrevalenceFact, entities.PrevalenceFact), (kb.Treatment, entities.Treatment),
    (kb.Product, entities.Product),
    (kb.Trial, entities.Trial), (kb.ResearchArticle, entities.ResearchArticle),
    (RecordPlainBlock, entities.PlainBlock), (kb.PlainPassage, entities.PlainPassage),
    (kb.PlainSection, entities.PlainSection), (kb.PlainGroup, entities.PlainGroup),
    (kb.EverydaySymptom, entities.EverydaySymptom), (kb.Disease, entities.Disease),
    (kb.DiseaseWithFrequency, entities.DiseaseWithFrequency),
    (kb.PhenotypeSynonym, entities.PhenotypeSynonym), (kb.Phenotype, entities.Phenotype),
    (kb.Status, entities.Status),
    (ov.OverviewFact, overview.OverviewFact), (ov.OverviewSentence, overview.OverviewSentence),
    (ov.BodySystem, overview.BodySystem), (ov.PrevalenceScale, overview.PrevalenceScale),
    (ov.Overview, overview.Overview),
    (results.Term, diagnosis.Term), (results.MatchedPair, diagnosis.MatchedPair),
    (results.DiseaseFeature, diagnosis.DiseaseFeature),
    (results.RankedDisease, diagnosis.RankedDisease), (text.TextMatch, diagnosis.TextMatch),
    (text.Unmatched, diagnosis.Unmatched), (text.FamilyMention, diagnosis.FamilyMention),
    (text.TextMapping, diagnosis.TextMapping), (results.Diagnosis, diagnosis.DiagnoseResponse),
    (kba.FrequencyTerm, associations.FrequencyTerm),
    (kba.PhenotypeAssociation, associations.PhenotypeAssociation),
    (kba.GeneAssociation, associations.GeneAssociation),
    (kba.TrialAssociation, associations.TrialAssociation),
    (kba.TreatmentAssociation, associations.TreatmentAssociation),
    (kbm.Mapping, associations.Mapping), (kbm.Resolved, associations.Resolved),
    (kbm.GeneDisease, associations.GeneDisease), (kbm.GeneEntity, associations.GeneResource),
]
# Domain fields published under another name ("Class.internal": "public"), and domain
# fields deliberately kept out of the API. Both empty today: the names are the same.
PUBLISHED_AS: dict[str, str] = {}
NOT_PUBLISHED: set[str] = set()


@pytest.mark.parametrize(("domain", "public"), PAIRS, ids=[p[1].__name__ for p in PAIRS])
def test_every_domain_field_is_published_or_listed(domain: type,
                                                   public: type[BaseModel]) -> None:
    published = set(public.model_fields)
    for f in dataclasses.fields(domain):
        qualified = f"{domain.__name__}.{f.name}"
        if qualified in NOT_PUBLISHED:
            continue
        name = PUBLISHED_AS.get(qualified, f.name)
        assert name in published, (
            f"{qualified} is not in the API model {public.__name__}: add it there and to "
            "its conversion function, or list it in NOT_PUBLISHED")


def test_the_response_schemas_keep_their_names() -> None:
    # The class names are the schema names of the OpenAPI document clients generate from;
    # they were the domain's names when the API published the dataclasses themselves.
    # documented only since the API has models; GeneEntity: "Gene" is the page's gene row
    renamed = {"Diagnosis": "DiagnoseResponse", "GeneEntity": "GeneResource"}
    for domain, public in PAIRS:
        assert public.__name__ == renamed.get(domain.__name__, domain.__name__)
