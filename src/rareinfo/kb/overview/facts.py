"""What counts as one fact of a page: one definition for the overview's threshold and for
its coverage figure (``bench/readability.py``), so that "every page with at least three
facts" means the same thing in both.

A fact is a distinct thing the page states about the condition that the overview can put
in words: a symptom someone has (not a count of nobody, not the disease's own name
without an everyday name), a mode of inheritance, an age of onset, how it runs over time
(not deaths: left to the tables), one prevalence figure (one measure, class and place), a
gene, an FDA orphan product (not one whose only approval was withdrawn), a trial open to
people. A mode stated by two
sources is one fact; ten countries' figures are ten. Where the page sits in a
classification (its parents) is context: written, never counted.
"""

from __future__ import annotations

from rareinfo.kb.models import Disease, PrevalenceFact, Product
from rareinfo.kb.overview.models import OverviewFact
from rareinfo.kb.overview.symptoms import names_itself, said
from rareinfo.kb.overview.words import (
    ANY_AGE,
    NOT_A_MODE,
    PREVALENCE_CLASSES,
    PREVALENCE_MEASURES,
    course_words,
    inheritance_words,
    mode_key,
    onset_words,
)

FactKey = tuple[str, str]
COUNTED = frozenset({"symptom", "inheritance", "onset", "course", "prevalence", "gene",
                     "treatment", "trial"})
RECRUITING = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"})


def prevalence_label(p: PrevalenceFact) -> str:
    """"Point prevalence 1-5 / 10 000 Europe": how the page's table names one figure."""
    return " ".join(x for x in (p.type, p.prevalence_class, p.region) if x)


def usable_prevalence(p: PrevalenceFact) -> bool:
    """A class in words, or a count of reported cases; "Unknown" states nothing."""
    return p.type in PREVALENCE_MEASURES and (
        p.prevalence_class in PREVALENCE_CLASSES or (p.type == "Cases/families"
                                                      and bool(p.value)))


def withdrawn_only(product: Product) -> bool:
    """Every event of the product is an approval FDA withdrew."""
    return all(e.approved and "withdrawn" in (e.approved_indication or "").lower()
               for e in product.events)


def fact_key(f: OverviewFact) -> FactKey | None:
    """The fact a sentence's fact stands for; None for context that is not counted."""
    if f.kind not in COUNTED:
        return None
    if f.kind == "inheritance":
        return f.kind, mode_key(f.label)
    if f.kind in ("onset", "course"):
        return f.kind, f.label.strip().lower()
    if f.kind == "treatment":
        return f.kind, (f.id or f.label).lower()
    if f.kind in ("symptom", "trial"):
        return f.kind, f.id or f.label
    return f.kind, f.label  # prevalence (its label names measure, class and place), gene


def page_facts(d: Disease) -> frozenset[FactKey]:
    """The distinct facts of a page the overview could write from."""
    glossary, onsets, courses = inheritance_words(), onset_words(), course_words()
    keys: set[FactKey] = set()
    keys |= {("symptom", r.id) for r in d.symptoms if said(r) and not names_itself(r, d.name)}
    keys |= {("inheritance", mode_key(t.name)) for t in d.inheritance
             if mode_key(t.name) not in NOT_A_MODE and mode_key(t.name) in glossary}
    keys |= {("onset", t.name.strip().lower()) for t in d.onset
             if t.name.strip().lower() in onsets or t.name.strip().lower() == ANY_AGE}
    keys |= {("course", t.name.strip().lower()) for t in d.clinical_course
             if t.name.strip().lower() in courses}
    keys |= {("prevalence", prevalence_label(p)) for p in d.prevalence if usable_prevalence(p)}
    keys |= {("gene", g.symbol) for g in d.genes}
    keys |= {("treatment", p.generic_name.lower()) for p in d.treatments
             if not withdrawn_only(p)}
    keys |= {("trial", t.nct_id) for t in d.trials if (t.status or "") in RECRUITING}
    return frozenset(keys)


def overview_facts(facts: tuple[OverviewFact, ...]) -> frozenset[FactKey]:
    """The distinct counted facts among a set of sentence facts."""
    return frozenset(k for f in facts if (k := fact_key(f)) is not None)
