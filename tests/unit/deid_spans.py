"""Shared by the de-identification tests: whether a part of a text was redacted."""

from __future__ import annotations

from rareinfo.inquiries.deid import deidentify


def covered(text: str, part: str) -> bool:
    """Is every character of ``part`` (its first occurrence) inside a redaction?"""
    start = text.index(part)
    spans = [(r.start, r.end) for r in deidentify(text).redactions]
    return all(any(s <= i < e for s, e in spans) for i in range(start, start + len(part)))


# Texts whose medical words, onset ages and ordinary words every round of rules
# must leave alone (each was once checked in several rounds' tests; kept here once).
KEPT_BY_EVERY_ROUND: list[tuple[str, str]] = [
    ("Seizures started at 6 months.", "6 months"),
    ("我是妈妈，我是患者家属。", "我是妈妈"),
    ("मेरी बेटी को बुखार है।", "को"),
    ("Her first seizure was at 6 months. Is that early for Dravet syndrome?", "at 6 months"),
    ("Is the Bombay phenotype a problem for transfusions?", "Bombay phenotype"),
    ("Our clinic follows the Toronto protocol for surveillance.", "Toronto protocol"),
    ("Does Guillain-Barré syndrome follow a vaccine?", "Guillain-Barré syndrome"),
    ("Is vigabatrin safe with cannabidiol?", "vigabatrin"),
    ("My son had a seizure at 6 months. He has Bombay phenotype.", "Bombay phenotype"),
    ("He is on the Toronto protocol for Wilson disease.", "Toronto protocol"),
    ("The NDIS wants a report on his progress. Which scales?", "NDIS"),
    ("Can Agent Orange exposure cause porphyria cutanea tarda?", "Agent Orange"),
    # "any hospital in Bangladesh": a generic phrase across a sentence's end is no institution
    ("আমরা খুলনায় থাকি। বাংলাদেশের কোনো হাসপাতালে কি জিন থেরাপি হয়?", "কোনো হাসপাতালে"),
    # an eponymous disease in a reply's "about X's" is no person (round 42)
    ("Thank you for your question about Wilson's disease.", "Wilson's disease"),
]
