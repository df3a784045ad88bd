"""The rules of ``deidentify`` against general de-identification libraries, on the same labels.

Usage (the libraries are not dependencies of rareinfo: install them beside it in an
environment of their own, which then runs this script):

    python3.11 -m venv /tmp/libs && /tmp/libs/bin/pip install -e . presidio-analyzer scrubadub
    RAREINFO_DATA_DIR=DIR /tmp/libs/bin/python bench/deid_libraries.py --vocabulary kb \\
        tests/labels/deid_test1*.jsonl

For each labelled file it prints, per kind of span and in all, the span recall of the rules,
of each library, and of the rules together with each library (a span counts as found when
every character of it lies inside something removed, as in ``bench/deid.py``), and the share
of medical words each keeps. Figures are given per file, since each set was scored once
against the rules frozen before it and the later ones are development data; what a library
finds does not depend on our rounds, so every file is unseen text for it.

Libraries, as they install from PyPI here (no model downloads: this machine reaches only the
package registries):
- ``presidio``: Microsoft Presidio's analyzer with its pattern recognizers (e-mail, phone,
  URL, dates, credit cards, IBAN, US/UK/AU/IN/... ids) on a blank spaCy English pipeline. Its
  person, place and organisation recognizer needs a trained spaCy model, which its authors
  publish only outside PyPI, so names, places and institutions are not found.
- ``scrubadub``: its default detectors (e-mail, phone, URL, credentials, Twitter handles,
  credit cards, social security numbers).
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path

from rareinfo.inquiries.deid import KINDS, MedicalVocabulary, deidentify

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.deid import _TOKEN, Question, is_medical, load

Ranges = list[tuple[int, int]]
Detector = Callable[[str], Ranges]


def rules(vocabulary: MedicalVocabulary | None) -> Detector:
    """What ``deidentify`` removes."""

    def detect(text: str) -> Ranges:
        return [(r.start, r.end) for r in deidentify(text, vocabulary).redactions]

    return detect


def presidio() -> Detector:
    """Presidio's pattern recognizers (every result, whatever its score)."""
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    for logger in ("presidio-analyzer", "tldextract"):  # no public-suffix download here
        logging.getLogger(logger).setLevel(logging.CRITICAL)

    class Blank(SpacyNlpEngine):  # type: ignore[misc]
        """A blank English pipeline: tokens for the recognizers, no trained model."""

        def load(self) -> None:
            self.nlp = {"en": spacy.blank("en")}

    engine = Blank(models=[{"lang_code": "en", "model_name": "blank"}])
    engine.load()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])

    def detect(text: str) -> Ranges:
        return [(r.start, r.end) for r in analyzer.analyze(text, language="en")]

    return detect


def scrubadub() -> Detector:
    """scrubadub's default detectors."""
    import scrubadub as sd

    scrubber = sd.Scrubber()

    def detect(text: str) -> Ranges:
        return [(f.beg, f.end) for f in scrubber.iter_filth(text)]

    return detect


LIBRARIES: dict[str, Callable[[], Detector]] = {"presidio": presidio, "scrubadub": scrubadub}


def tally(questions: Iterable[Question], detect: Detector) -> dict[str, float]:
    """Span recall in all and per kind, and medical words kept."""
    spans: Counter[str] = Counter()
    found: Counter[str] = Counter()
    medical = kept = 0
    for q in questions:
        covered = [False] * (len(q.text) + 1)
        for start, end in detect(q.text):
            for i in range(start, end):
                covered[i] = True
        inside = [False] * (len(q.text) + 1)
        for s in q.spans:
            hit = all(covered[s.start : s.end])
            for key in ("all", s.kind):
                spans[key] += 1
                found[key] += hit
            for i in range(s.start, s.end):
                inside[i] = True
        for m in _TOKEN.finditer(q.text):
            if any(inside[m.start() : m.end()]) or not is_medical(m.group()):
                continue
            medical += 1
            kept += not any(covered[m.start() : m.end()])
    out = {key: found[key] / spans[key] for key in ("all", *KINDS) if spans[key]}
    out["medical kept"] = kept / max(medical, 1)
    out["spans"] = spans["all"]
    return out


def union(*detectors: Detector) -> Detector:
    """Everything any of the detectors removes."""
    return lambda text: [r for d in detectors for r in d(text)]


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("labels", nargs="+", type=Path, help="labelled .jsonl files")
    parser.add_argument("--vocabulary", choices=("hpo", "kb"), default="hpo")
    parser.add_argument(
        "--library", action="append", choices=sorted(LIBRARIES), help="default: every one"
    )
    args = parser.parse_args(argv)
    vocabulary = None
    if args.vocabulary == "kb":
        from rareinfo.config import load_settings
        from rareinfo.inquiries.deid.medical import vocabulary_of
        from rareinfo.kb.queries import KnowledgeBase

        vocabulary = vocabulary_of(KnowledgeBase(load_settings().resolved_database_url()))
    ours = rules(vocabulary)
    detectors: dict[str, Detector] = {"rules": ours}
    for name in args.library or sorted(LIBRARIES):
        try:
            library = LIBRARIES[name]()
        except ImportError as exc:
            print(
                f"error: {name} is not installed here ({exc.name}); see the usage above",
                file=sys.stderr,
            )
            return 2
        detectors[name] = library
        detectors[f"rules + {name}"] = union(ours, library)
    for path in args.labels:
        if not path.is_file():
            print(f"error: no labelled file {path}", file=sys.stderr)
            return 2
        questions = load(path)
        rows = {name: tally(questions, detect) for name, detect in detectors.items()}
        kinds = [k for k in ("all", *KINDS) if k in rows["rules"]]
        print(f"\n{path.name}: {len(questions)} questions, {rows['rules']['spans']:.0f} spans")
        heads = (k.replace("_number", "").replace(" kept", "") for k in (*kinds, "medical kept"))
        print(f"{'':22}" + "".join(f"{head:>12}" for head in heads))
        for name, row in rows.items():
            cells = "".join(f"{row[k]:>12.3f}" for k in (*kinds, "medical kept"))
            print(f"{name:22}{cells}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
