"""How common a condition is, in words: Orphanet's classes and counts of reported cases.

One measure leads (the whole world first, then Europe, then one country) and a second
follows; after each, the other places' figures for that measure in one sentence (the
same, or the range they span).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rareinfo.kb.models import PrevalenceFact
from rareinfo.kb.overview.facts import prevalence_label, usable_prevalence
from rareinfo.kb.overview.models import OverviewFact, OverviewSentence, PrevalenceScale
from rareinfo.kb.overview.phrases import cap
from rareinfo.kb.overview.words import PREVALENCE_CLASSES, PREVALENCE_MEASURES

MEASURES_WRITTEN = 2
_THE = frozenset({"United States", "United Kingdom", "Netherlands", "Czech Republic",
                  "Philippines", "United Arab Emirates"})
_CLASS_ORDER = tuple(reversed(PREVALENCE_CLASSES))  # rarest first


def _rank(p: PrevalenceFact) -> tuple[int, int]:
    # the whole world, else Europe (Orphanet's home ground), else one country
    area = 0 if p.region == "Worldwide" else 1 if p.region == "Europe" else 2
    return (area, PREVALENCE_MEASURES.index(p.type))


def _fact(p: PrevalenceFact, release: Mapping[str, str]) -> OverviewFact:
    return OverviewFact("prevalence", prevalence_label(p), None, p.validation, p.source,
                        release.get(p.source))


def _where(p: PrevalenceFact) -> str:
    region = p.region if p.region and p.region != "Worldwide" else None
    return f"In {'the ' if region in _THE else ''}{region}, " if region else ""


def _count_sentence(best: PrevalenceFact, release: Mapping[str, str]) -> OverviewSentence:
    count = int(best.value or 0)
    unit = ("family" if count == 1 else "families") if (
        best.qualification or "").startswith("Famil") else (
        "person" if count == 1 else "people")
    what = "one" if count == 1 else f"{count:,}"
    return OverviewSentence("prevalence", f"{_where(best)}Medical reports describe "
                            f"{what} {unit} with it.", (_fact(best, release),))


def _class_text(p: PrevalenceFact) -> str:
    words = PREVALENCE_CLASSES[str(p.prevalence_class)][2]
    text = {
        "Point prevalence": f"{words} people have it.",
        "Prevalence at birth": f"{words} babies are born with it.",
        "Annual incidence": f"each year, {words} people are found to have it.",
        "Lifetime Prevalence": f"{words} people have it at some time in their life.",
    }[p.type]
    return f"{_where(p)}{text}" if _where(p) else cap(text)


def _others_sentence(best: PrevalenceFact, rows: Sequence[PrevalenceFact],
                     release: Mapping[str, str]) -> OverviewSentence | None:
    """The other places' figures for the same measure: the same range, or their span."""
    others = [p for p in rows if p.type == best.type and p is not best
              and prevalence_label(p) != prevalence_label(best)]
    if not others:
        return None
    classes = sorted({str(p.prevalence_class) for p in others}, key=_CLASS_ORDER.index)
    n = len(others)
    figures = "The figure from one other place is" if n == 1 else \
        f"Figures from {n} other places are"
    if classes == [best.prevalence_class]:
        text = f"{figures} the same."
    elif len(classes) == 1:
        text = f"{figures} {PREVALENCE_CLASSES[classes[0]][2]}."
    else:
        text = (f"Figures from {n} other places range from {PREVALENCE_CLASSES[classes[0]][2]}"
                f" to {PREVALENCE_CLASSES[classes[-1]][2]}.")
    return OverviewSentence("prevalence", text, tuple(_fact(p, release) for p in others))


def prevalence_sentences(rows: Sequence[PrevalenceFact], release: Mapping[str, str]
                         ) -> tuple[PrevalenceScale | None, list[OverviewSentence]]:
    """The scale picture of the leading figure and the sentences, each with its figures."""
    usable = [p for p in rows if usable_prevalence(p)]
    if not usable:
        return None, []
    # a class of how many people beats a count of reported cases
    classed = [p for p in usable if p.prevalence_class in PREVALENCE_CLASSES]
    if not classed:
        return None, [_count_sentence(min(usable, key=_rank), release)]
    best = min(classed, key=_rank)
    low, high, words = PREVALENCE_CLASSES[str(best.prevalence_class)]
    out: list[OverviewSentence] = []
    measures = sorted({p.type for p in classed} - {best.type}, key=PREVALENCE_MEASURES.index)
    for measure in [best.type, *measures][:MEASURES_WRITTEN]:
        lead = min((p for p in classed if p.type == measure), key=_rank)
        out.append(OverviewSentence("prevalence", _class_text(lead), (_fact(lead, release),)))
        if others := _others_sentence(lead, classed, release):
            out.append(others)
    return PrevalenceScale(low, high, f"{words} people", best.type), out
