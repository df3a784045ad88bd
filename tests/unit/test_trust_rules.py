"""The rules that keep a page trustworthy, each on a tiny hand-made case (decisions/0020)."""

from __future__ import annotations

from rareinfo.kb.disease_page import frequency_band, gene_phrase, one_row_per_mode
from rareinfo.kb.hierarchy import LOOP, Edge, cycles, judge
from rareinfo.kb.models import SourcedTerm
from rareinfo.kb.names import SourceName, fold_name, one_letter_apart, other_names
from rareinfo.link import Names, Statement, resolve
from rareinfo.normalize import normalize

ALL, CLL, NHL, LEUK = "MONDO:0004967", "MONDO:0004948", "MONDO:0018908", "MONDO:0005059"


def names(curie: str, name: str, *synonyms: str,
          source: str = "orphanet") -> tuple[str, Names]:
    keys = frozenset(normalize(n) for n in (name, *synonyms))
    return curie, Names(name, normalize(name), keys, frozenset({source}))


# -- identity: by name --------------------------------------------------------------------

def test_gard_entry_no_mondo_term_references_joins_the_one_page_of_its_name() -> None:
    identity = resolve(
        ["ORPHA:357", "GARD:0006507", "GARD:0000001"],
        [Statement("mondo", "MONDO:0007745", "ORPHA:357", "exact")],
        names=dict([names("ORPHA:357", "Gilbert syndrome", "Gilbert-Meulengracht syndrome"),
                    names("GARD:0006507", "Gilbert syndrome"),
                    names("GARD:0000001", "Unknown elsewhere")]))
    assert identity.primary_of["GARD:0006507"] == "MONDO:0007745"
    assert identity.primary_of["GARD:0000001"] == "GARD:0000001"  # no page has its name
    (match,) = identity.name_matches
    assert (match.curie, match.page, match.name) == (
        "GARD:0006507", "MONDO:0007745", "Gilbert syndrome")


def test_name_shared_by_two_pages_joins_neither_and_synonyms_count() -> None:
    identity = resolve(
        ["ORPHA:1", "ORPHA:2", "ORPHA:3", "GARD:0000010", "GARD:0000011"],
        [],
        names=dict([names("ORPHA:1", "Twin syndrome"), names("ORPHA:2", "Twin syndrome"),
                    names("ORPHA:3", "Long name syndrome", "LN syndrome"),
                    names("GARD:0000010", "Twin syndrome"),
                    names("GARD:0000011", "LN Syndrome")]))
    assert identity.primary_of["GARD:0000010"] == "GARD:0000010"  # two pages: a guess
    assert identity.primary_of["GARD:0000011"] == "ORPHA:3"  # an exact synonym of one page


def test_gard_entry_mondo_references_never_joins_by_name() -> None:
    identity = resolve(
        ["ORPHA:357", "GARD:0006507", "ORPHA:9"],
        [Statement("mondo", "MONDO:0007745", "ORPHA:357", "exact"),
         Statement("mondo", "MONDO:1", "GARD:0006507", "xref"),
         Statement("mondo", "MONDO:2", "GARD:0006507", "xref")],  # two terms: stays alone
        names=dict([names("ORPHA:357", "Gilbert syndrome"),
                    names("GARD:0006507", "Gilbert syndrome")]))
    # Mondo cross-references it (ambiguously): Mondo's word stands, no name guess.
    assert identity.primary_of["GARD:0006507"] == "GARD:0006507"
    assert identity.name_matches == []


def test_unmapped_ids_join_by_name_but_never_make_two_orphanet_entities_one() -> None:
    identity = resolve(
        ["ORPHA:3451", "ORPHA:1", "ORPHA:2", "ORPHA:5", "ORPHA:707786", "GARD:0000984"],
        [Statement("mondo", "MONDO:0018097", "ORPHA:2", "exact"),
         Statement("mondo", "MONDO:5", "ORPHA:5", "exact"),
         Statement("mondo", "MONDO:0000984", "GARD:0000984", "xref")],
        names=dict([names("ORPHA:2", "Infantile epileptic spasms syndrome"),
                    names("ORPHA:3451", "Infantile epileptic spasms syndrome", source="hpo"),
                    names("ORPHA:5", "Rare thing"), names("ORPHA:1", "Rare thing"),
                    names("GARD:0000984", "Thalassemia", source="gard"),
                    names("ORPHA:707786", "Thalassemia")]))
    # An ORPHA id only HPO still annotates is no Orphanet entity: it joins.
    assert identity.primary_of["ORPHA:3451"] == "MONDO:0018097"
    assert identity.primary_of["ORPHA:1"] == "ORPHA:1"  # two Orphanet entities: apart
    # An Orphanet entity newer than Mondo's release joins the one page of its name.
    assert identity.primary_of["ORPHA:707786"] == "MONDO:0000984"


def test_lone_entries_join_the_mapped_page_before_each_other() -> None:
    identity = resolve(
        ["ORPHA:821", "DECIPHER:17", "GARD:0015048", "GARD:1", "HPO_ONLY:1"],
        [Statement("mondo", "MONDO:0019349", "ORPHA:821", "exact")],
        names=dict([names("ORPHA:821", "Sotos syndrome"),
                    names("DECIPHER:17", "Sotos syndrome", source="hpo"),
                    names("GARD:0015048", "Sotos syndrome", source="gard"),
                    names("GARD:1", "Lonely syndrome", source="gard"),
                    names("HPO_ONLY:1", "Lonely syndrome", source="hpo")]))
    assert identity.primary_of["DECIPHER:17"] == "MONDO:0019349"
    assert identity.primary_of["GARD:0015048"] == "MONDO:0019349"
    assert identity.primary_of["GARD:1"] == identity.primary_of["HPO_ONLY:1"]  # each other


def test_two_entries_only_hpo_describes_stay_apart() -> None:
    identity = resolve(["OMIM:154700", "ORPHA:558"], [], names=dict([
        names("OMIM:154700", "Marfan syndrome", source="hpo"),
        names("ORPHA:558", "Marfan syndrome", source="hpo")]))
    assert identity.primary_of["OMIM:154700"] != identity.primary_of["ORPHA:558"]


# -- hierarchy ------------------------------------------------------------------------------

def test_edge_a_more_trusted_classification_contradicts_is_disputed() -> None:
    edges = [Edge(ALL, NHL, "orphanet", "classification parent"),
             Edge(CLL, LEUK, "orphanet", "classification parent"),
             Edge(NHL, LEUK, "orphanet", "classification parent"),
             Edge(CLL, ALL, "mondo", "rdfs:subClassOf")]  # Mondo's rare-subset edge
    shown, disputed = judge(edges)
    assert Edge(CLL, ALL, "mondo", "rdfs:subClassOf") not in shown
    assert [(d.edge.child, d.edge.parent, d.reason) for d in disputed] == [
        (CLL, ALL, "orphanet classifies it elsewhere")]


def test_edge_is_kept_where_the_other_source_agrees_or_is_silent() -> None:
    edges = [Edge(CLL, LEUK, "orphanet", "classification parent"),
             Edge(CLL, NHL, "mondo", "rdfs:subClassOf"),  # Orphanet does not know NHL
             Edge("MONDO:9", ALL, "mondo", "rdfs:subClassOf"),  # Orphanet does not classify
             Edge(ALL, LEUK, "orphanet", "classification parent"),
             Edge(ALL, LEUK, "mondo", "rdfs:subClassOf")]
    shown, disputed = judge(edges)
    assert disputed == [] and len(shown) == 5


def test_a_cross_reference_edge_against_the_classification_is_disputed() -> None:
    # Uhl anomaly "part of" ARVD1 by an Orphanet NTBT cross-reference, classified elsewhere.
    uhl, arvd1, cardio = "MONDO:0018084", "MONDO:0007152", "MONDO:0016343"
    edges = [Edge(uhl, cardio, "orphanet", "classification parent"),
             Edge(arvd1, cardio, "orphanet", "classification parent"),
             Edge(uhl, arvd1, "orphanet", "NTBT")]
    shown, disputed = judge(edges)
    assert [d.edge.relation for d in disputed] == ["NTBT"] and len(shown) == 2


def test_no_pair_is_both_parent_and_child() -> None:
    mfs, mfs2 = "MONDO:0007947", "MONDO:0012427"
    edges = [Edge(mfs2, mfs, "orphanet", "classification parent"),
             Edge(mfs, mfs2, "orphanet", "NTBT"),  # on the loop, the cross-reference gives way
             Edge("A", "B", "orphanet", "classification parent"),
             Edge("B", "A", "orphanet", "classification parent")]  # one view's own loop
    shown, disputed = judge(edges)
    assert shown == [Edge(mfs2, mfs, "orphanet", "classification parent")]
    assert {(d.edge.child, d.reason) for d in disputed} == {
        (mfs, LOOP), ("A", LOOP), ("B", LOOP)}


def test_cycles_finds_loops_longer_than_two() -> None:
    assert cycles({("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")}) == [["a", "b", "c"]]


# -- inheritance and onset ------------------------------------------------------------------

def test_one_row_per_mode_with_every_source_and_no_empty_modes_beside_one() -> None:
    rows = one_row_per_mode([
        SourcedTerm("HP:0000006", "Autosomal dominant inheritance", "hpo"),
        SourcedTerm("HP:0000006", "Autosomal dominant", "orphanet"),
        SourcedTerm("HP:0003745", "Sporadic", "hpo"),
        SourcedTerm("", "Not applicable", "orphanet"),
        SourcedTerm("", "Unknown", "orphanet")])
    assert [(r.name, r.sources) for r in rows] == [
        ("Autosomal dominant inheritance", ("hpo", "orphanet")), ("Sporadic", ("hpo",))]
    alone = one_row_per_mode([SourcedTerm("", "Unknown", "orphanet")])
    assert [r.name for r in alone] == ["Unknown"]  # all a source says: kept


# -- frequencies ----------------------------------------------------------------------------

def test_frequency_bands_tell_disagreement_from_agreement() -> None:
    assert frequency_band(1 / 58) != frequency_band(0.545)  # 2% (1 of 58) vs Frequent
    assert frequency_band(1.0) == frequency_band(0.895)  # 9 of 9 vs Very frequent
    assert frequency_band(0.0) == "excluded"


# -- names ----------------------------------------------------------------------------------

def test_fold_name_folds_case_punctuation_british_spelling_and_qualifiers() -> None:
    assert len({fold_name(n) for n in (
        "Acute lymphoblastic leukemia", "acute lymphoblastic leukaemia (disease)",
        "acute lymphoblastic leukemia (all)", "ALL - acute lymphoblastic leukemia",
        "Leukemia, acute lymphoblastic", "acute lymphoblastic leukaemia, disease")}) == 1
    assert fold_name("Behçet's disease") == fold_name("Behcet disease")
    assert fold_name("Deafness, type 2") != fold_name("Deafness, type 3")


def test_other_names_one_per_folded_name_without_typos_or_broader_terms() -> None:
    listed = other_names("Acute lymphoblastic leukemia", [
        SourceName("ALL", "orphanet"),
        SourceName("Precursor lymphoid neoplasm", "orphanet"),
        SourceName("Acute lymphocytic leukemia", "orphanet"),
        SourceName("acute lymphoblastic leukaemia (disease)", "gard"),
        SourceName("acute lymphocytic leukaemia", "gard"),
        SourceName("precursor lymphoblastic leukemia", "gard"),
        SourceName("precursor lymphoblastic leukaemia", "gard"),
        SourceName("precursor lymphoblasic leukemia", "gard"),
        SourceName("behet's syndrome", "gard"), SourceName("Behçet's syndrome", "gard"),
        SourceName("Non-Hodgkin lymphoma", "gard")],
        other_pages={fold_name("Non-Hodgkin lymphoma")})
    assert listed == ("ALL", "Acute lymphocytic leukemia", "Precursor lymphoblastic leukemia",
                      "Behçet's syndrome")


def test_one_letter_apart() -> None:
    assert one_letter_apart("precursor lymphoblasic", "precursor lymphoblastic")
    assert not one_letter_apart("type 1", "type 12")  # a digit is not a typo
    assert not one_letter_apart("mfs", "mfs1")


# -- text -----------------------------------------------------------------------------------

def test_gene_association_phrase_is_completed() -> None:
    assert gene_phrase("Disease-causing germline mutation(s) in", "Marfan syndrome") == (
        "Disease-causing germline mutation(s) in Marfan syndrome")
    assert gene_phrase("Role in the phenotype of", "X") == "Role in the phenotype of X"
    assert gene_phrase("candidate gene", "X") == "candidate gene"
    assert gene_phrase(None, "X") is None
