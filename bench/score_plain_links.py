"""Precision and recall of plain-language document linking against the hand-labelled sample.

Usage: .venv/bin/python bench/score_plain_links.py [--database URL] [--from DIR]
       [--labels FILE] [--half dev|test|test2|...|all] [--unlinked] [--links]

Reads the plain-language documents (``--from``, default ../shared/data/medlineplus), the
identity data of a built knowledge base (``--database``, default the setting) and a
labels file (``--labels``, default ``tests/labels/plain_links.tsv``; any file of the same
columns); links every document with ``rareinfo.kb.plain_links.link_documents`` and
prints, for the labelled documents of the chosen half (a value of the file's ``half``
column, dev by default, or ``all``; a held-out half is scored once), every document's
expected and linked page, then precision and recall per collection and overall, then
how many of all documents were linked per collection and, with ``--unlinked``, every
unlinked document with its reason (``--links``: every linked one with its pages, to
compare two linkers). A document linked to several pages (a list of diseases) is correct
only when every page is expected.
"""

from __future__ import annotations

import argparse
import csv
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import create_engine

from rareinfo.config import Settings
from rareinfo.kb.plain_links import PlainLink, documents_of, identity_of, link_documents
from rareinfo.records import PlainText
from rareinfo.sources import medlineplus

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "labels" / "plain_links.tsv"
DATA = ROOT.parent / "shared" / "data" / "medlineplus"


@dataclass(frozen=True, slots=True)
class Label:
    """One hand-labelled document: the pages it may go to (empty: none)."""

    document_id: str
    collection: str
    focus: str
    expected: frozenset[str]
    relation: str
    half: str


@dataclass(slots=True)
class Tally:
    """Agreement counts of one group of labelled documents."""

    documents: int = 0
    correct: int = 0  # linked to an expected page
    wrong_page: int = 0  # a page was expected, another one linked
    spurious: int = 0  # linked when no page is expected
    missed: int = 0  # a page was expected, none linked
    rightly_unlinked: int = 0

    @property
    def precision(self) -> float:
        """Share of the links made that go to an expected page."""
        return self.correct / max(self.correct + self.wrong_page + self.spurious, 1)

    @property
    def recall(self) -> float:
        """Share of the documents with an expected page that were linked to one."""
        return self.correct / max(self.correct + self.wrong_page + self.missed, 1)


def read_labels(path: Path) -> list[Label]:
    """The labelled documents."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [Label(row["document_id"], row["collection"], row["focus"],
                      frozenset(p for p in row["expected"].split(";") if p),
                      row["relation"], row["half"])
                for row in csv.DictReader(handle, delimiter="\t")]


def score(labels: list[Label], links: dict[str, PlainLink],
          titles: Mapping[str, str]) -> dict[str, Tally]:
    """Tallies per collection and overall ("all"), printing one line per document."""
    tallies: dict[str, Tally] = {}
    for label in labels:
        link = links.get(label.document_id)
        pages = link.pages if link else ()
        page = ";".join(pages) or None
        verdict = _verdict(label.expected, pages)
        for group in (label.collection, "all"):
            tally = tallies.setdefault(group, Tally())
            tally.documents += 1
            if verdict == "correct":
                tally.correct += 1
            elif verdict == "wrong page":
                tally.wrong_page += 1
            elif verdict == "spurious":
                tally.spurious += 1
            elif verdict == "missed":
                tally.missed += 1
            else:
                tally.rightly_unlinked += 1
        rule = link.rule if link else "not read"
        shown = ";".join(sorted(label.expected)) or "-"
        title = " | ".join(titles.get(p, "")[:50] for p in pages)
        print(f"{verdict:17} {label.document_id:28} {label.focus[:44]:44} expected {shown:30}"
              f" linked {page or '-':16} ({rule}) {title}")
    return tallies


def _verdict(expected: frozenset[str], pages: tuple[str, ...]) -> str:
    """A document linked to several pages is correct only when every one is expected."""
    if not pages:
        return "missed" if expected else "rightly unlinked"
    if all(page in expected for page in pages):
        return "correct"
    return "wrong page" if expected else "spurious"


def main() -> None:
    """Score the linker and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default=None,
                        help="database URL of a built knowledge base (default: the setting)")
    parser.add_argument("--from", dest="source", type=Path, default=DATA,
                        help="the plain-language files (default ../shared/data/medlineplus)")
    parser.add_argument("--labels", type=Path, default=LABELS,
                        help="labelled documents, columns as tests/labels/plain_links.tsv")
    parser.add_argument("--half", default="dev",
                        help="the rows of this value of the half column, or all (default dev)")
    parser.add_argument("--links", action="store_true",
                        help="list every linked document with its pages (to compare linkers)")
    parser.add_argument("--unlinked", action="store_true",
                        help="list every unlinked document with its reason")
    args = parser.parse_args()
    if not args.labels.is_file():
        parser.error(f"no labels file {args.labels}")
    try:
        every = read_labels(args.labels)
    except KeyError as missing:
        parser.error(f"{args.labels} lacks the column {missing} (see tests/labels/README.md)")
    labels = [x for x in every if args.half in ("all", x.half)]
    if not labels:
        halves = ", ".join(sorted({x.half for x in every})) or "none"
        parser.error(f"no rows of half {args.half!r} in {args.labels} (halves: {halves}; or all)")
    url = args.database or Settings().resolved_database_url()
    engine = create_engine(url)
    with engine.connect() as conn:
        identity = identity_of(conn)
    engine.dispose()
    documents = documents_of(r for r in medlineplus.read(args.source)
                             if isinstance(r, PlainText))
    links = {link.document_id: link for link in link_documents(documents, identity)}
    print(f"# {len(labels)} labelled documents of {args.labels.name} ({args.half} half), "
          "per document: verdict, id, focus, expected, linked page (rule) and its title")
    tallies = score(labels, links, identity.labels)
    print("\n# per collection: documents, correct, wrong page, spurious, missed, "
          "rightly unlinked, precision, recall")
    for group in sorted(tallies, key=lambda g: (g == "all", g)):
        t = tallies[group]
        print(f"{group:18} {t.documents:4} {t.correct:4} {t.wrong_page:4} {t.spurious:4} "
              f"{t.missed:4} {t.rightly_unlinked:4}   precision {t.precision:.3f}   "
              f"recall {t.recall:.3f}")
    by_collection: Counter[str] = Counter(d.collection for d in documents)
    linked: Counter[str] = Counter(d.collection for d in documents
                                   if links[d.document_id].page_id is not None)
    rules = Counter(link.rule for link in links.values())
    pages = {page for link in links.values() for page in link.pages}
    extra = sum(len(link.also) for link in links.values())
    print("\n# all documents: linked / read, per collection")
    for collection in sorted(by_collection):
        print(f"{collection:18} {linked[collection]:5} / {by_collection[collection]:5}")
    print(f"{'all':18} {sum(linked.values()):5} / {len(documents):5}   pages reached: "
          f"{len(pages)}   by rule: {dict(sorted(rules.items()))}   further pages of lists: "
          f"{extra}")
    if args.unlinked:
        print("\n# unlinked documents and why")
        for document in documents:
            link = links[document.document_id]
            if link.page_id is None:
                print(f"{document.document_id:28} {document.focus[:50]:50} {link.reason}")
    if args.links:
        print("\n# every linked document: id, rule, pages")
        for document in documents:
            link = links[document.document_id]
            if link.pages:
                print(f"{document.document_id:28} {document.focus[:50]:50} {link.rule:8} "
                      f"{';'.join(link.pages)}")


if __name__ == "__main__":
    main()
