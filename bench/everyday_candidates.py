"""Candidate everyday phrases for tests/labels/everyday_phrases.tsv, drawn from MedQuAD.

The plain-language answers of GHR, GARD and MedlinePlus often give a lay wording followed
by the medical term in brackets: "weak muscle tone (hypotonia)". This script prints each
such pair whose bracketed term is exactly an HPO term name or exact synonym, with that
term: the label comes from the source's own medical term, not from our vocabulary.
Every candidate was then read by hand (phrase trimmed, wrong pairs dropped).

    .venv/bin/python bench/everyday_candidates.py > candidates.tsv
"""

from __future__ import annotations

import argparse
import re
import sys
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

from rareinfo.phenotype.text import key_of
from rareinfo.records import PhenotypeTerm
from rareinfo.sources import hpo

MEDQUAD = Path("../shared/data/medlineplus/medquad_GARD_GHR_MPlusTopics_QA.tar.gz")
_PAIR = re.compile(r"([A-Za-z][A-Za-z ,'-]{3,80}?) \(([a-z][a-z -]{3,50})\)")
# Words that open the clause a lay wording sits in; the wording starts after the last one.
_OPENERS = re.compile(
    r".*\b(?:include|includes|including|have|has|had|with|such as|causes?|cause|called|"
    r"develop|develops|experience|show|shows|by|and|or|also|are|is|may|often|usually|"
    r"typically|can|a|an|the|of)\s", re.IGNORECASE)


def answers(archive: Path) -> Iterator[tuple[str, str, str]]:
    """(source, document id, answer text) of every "information" or "symptoms" answer."""
    with tarfile.open(archive) as tar:
        for member in tar:
            handle = tar.extractfile(member) if member.isfile() else None
            if handle is None or not member.name.endswith(".xml"):
                continue
            root = ET.fromstring(handle.read())
            for pair in root.iter("QAPair"):
                question = pair.find("Question")
                if question is not None and question.get("qtype") in ("information",
                                                                        "symptoms"):
                    yield root.get("source", ""), root.get("id", ""), pair.findtext("Answer") or ""


def lay_wording(before: str) -> str:
    """The words just before the bracket, after the last clause opener."""
    clause = re.split(r"[.;:,]", before)[-1].strip()
    trimmed = _OPENERS.sub("", clause + " ").strip()
    return trimmed or clause


def main() -> None:
    """Print candidate pairs as TSV."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--archive", type=Path, default=MEDQUAD)
    args = parser.parse_args()
    terms: dict[tuple[str, ...], PhenotypeTerm] = {}
    for record in hpo.read_ontology(hpo.default_location() / "hp.obo"):
        if isinstance(record, PhenotypeTerm) and not record.obsolete:
            for text in (record.name, *(s.text for s in record.synonyms if s.scope == "EXACT")):
                terms.setdefault(key_of(text), record)
    out = sys.stdout
    out.write("source\tdocument\tphrase\tmedical\thpo_id\thpo_name\n")
    for source, document, answer in answers(args.archive):
        for match in _PAIR.finditer(answer):
            term = terms.get(key_of(match.group(2)))
            if term is None:
                continue
            phrase = lay_wording(match.group(1))
            if key_of(phrase) == key_of(match.group(2)):
                continue
            out.write(f"{source}\t{document}\t{phrase}\t{match.group(2)}\t{term.id}\t"
                      f"{term.name}\n")


if __name__ == "__main__":
    main()
