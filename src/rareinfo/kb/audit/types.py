"""The audit's defect classes and what one finding is."""

from __future__ import annotations

from dataclasses import dataclass

CLASSES: dict[str, str] = {
    "duplicate page names": "a page whose normalised name equals another page's, unless "
                            "Mondo keeps the two apart",
    "names Mondo keeps apart": "two pages of distinct Mondo terms whose names the sources "
                               "write alike",
    "parent and child": "two pages each listed as the other's parent group",
    "hierarchy cycles": "pages on a loop of parent groups longer than two",
    "contradicted parents": "a parent group shown as fact while another source's "
                            "classification puts the disease elsewhere",
    "repeated products": "the same drug product in more than one treatment entry of a page",
    "folded duplicate names": "other names equal after folding case, punctuation, accents, "
                              "British spelling and qualifier suffixes",
    "repeated modes": "inheritance or onset stated in more than one row for the same mode, "
                      "or 'Not applicable'/'Unknown' beside a mode",
    "silent frequency disagreement": "a symptom whose sources give frequencies in different "
                                     "bands without the row saying so",
    "damaged text": "replacement characters, mojibake, lost characters, dangling fragments "
                    "or Spanish names without their accents",
    "damaged source text": "text a source cut off or left with an unclosed bracket, shown "
                           "as the source gives it",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One defect: a sort key (page id first) and a line saying what is wrong."""

    key: str
    text: str
