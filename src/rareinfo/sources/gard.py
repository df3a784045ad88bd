"""GARD (Genetic and Rare Diseases Information Center, NCATS): the GARD disease list.

Three forms of the list are read, recognised by content whatever their names:

- ``site``: the JSON the GARD site serves (``diseases.trimmed.json``: id, name, synonyms,
  diseaseCategories, spanishName);
- ``pyobo``: the TSV export of biopragmatics/obo-db-ingest (``gard.tsv``: identifier, name,
  synonyms; ``gard.synonyms.tsv``: one synonym per row);
- ``ncats``: NCATS' id/name/synonyms JSON (``gard_id`` "GARD:0000001"; UTF-8 with a BOM).

Merge rule, when a directory holds several: every GARD id of any list is yielded once,
as ``GARD:0000522``. Lists are ranked newest first (date in the file name, else the
download's Last-Modified; undated lists rank by form, pyobo > site > ncats). The name is
the newest list's, except that a spelling differing only in case from an older list's
takes the one with more capitals (pyobo sentence-cases: "Smith-magenis syndrome"); older
names become synonyms. Synonyms are the union of all lists, duplicates removed without
regard to case (again keeping the most capitalised spelling: "ALL", not "all").
Categories and the Spanish name come from the newest list that has them (only the site
JSON does). Ids missing from the newest list are still yielded: GARD never reuses an id,
and Mondo still cross-references them.

Synonym scope: GARD does not scope its "other names"; they are EXACT. pyobo writes every
one as ``oboInOwl:hasRelatedSynonym``, the OBO default for an unscoped synonym, so that
predicate is read as EXACT too; an explicit broad or narrow predicate is kept.

Spanish names: the site JSON gives only the slug of the Spanish page
("sindrome-de-microduplicacion-15q133"), not the name. A name rebuilt from it would lack
its accents and capitals ("Sindrome de Marfan"), so none is made: the slug is yielded as
the translation kind ``es-page`` with the Spanish page's own id ("13549/sindrome-de-...";
https://rarediseases.info.nih.gov/espanol/13549/sindrome-de-...), and the page links to
GARD's Spanish page instead. An entry without a ``spanishId`` has no address to link.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from rareinfo.curie import normalize_curie
from rareinfo.records import DiseaseRecord, Problem, Record, SourceRelease, Synonym, SynonymScope
from rareinfo.sources import tabular
from rareinfo.sources.base import DownloadError, SourceInfo, download

NAME = "gard"
SITE_URL = "https://rarediseases.info.nih.gov/assets/diseases.trimmed.json"
EXPORT_URL = "https://w3id.org/biopragmatics/resources/gard"
# (official URL, file name in the cache), the GARD site's own list first.
FILES = (
    (SITE_URL, "diseases.trimmed.json"),
    (f"{EXPORT_URL}/gard.tsv", "gard.tsv"),
    (f"{EXPORT_URL}/gard.synonyms.tsv", "gard.synonyms.tsv"),
)

INFO = SourceInfo(
    name=NAME,
    title="GARD: Genetic and Rare Diseases Information Center (NCATS)",
    homepage="https://rarediseases.info.nih.gov/",
    licence="Public domain (US government work)",
    attribution=(
        "Disease names, synonyms and categories from the Genetic and Rare Diseases "
        "Information Center (GARD), National Center for Advancing Translational Sciences, "
        "NIH; TSV export by biopragmatics/obo-db-ingest."
    ),
    downloads=tuple(url for url, _ in FILES),
    minimum_counts=(("diseases", 5_000),),
    build_order=40,
)

_FORM_RANK = {"pyobo": 2, "pyobo_synonyms": 2, "site": 1, "ncats": 0}
_EXPLICIT_SCOPES: dict[str, SynonymScope] = {
    "oboInOwl:hasBroadSynonym": "BROAD", "oboInOwl:hasNarrowSynonym": "NARROW",
}
_GARD_MAX = 10_000_000  # ids are seven digits
_JSON_DECODER = json.JSONDecoder()
_JSON_GAP = re.compile(r"[\s,]*")
# The translation kind of a Spanish page's address slug (not a name: see the docstring).
SPANISH_PAGE = "es-page"


def fetch(cache_dir: Path, *, base_url: str | None = None) -> Path:
    """Download the GARD list (site JSON and TSV export) into ``cache_dir/gard``."""
    target = cache_dir / NAME
    failures = []
    for url, name in FILES:
        source = f"{base_url.rstrip('/')}/{name}" if base_url else url
        try:
            download(source, target / name)
        except DownloadError as exc:
            failures.append(str(exc))  # one form of the list is enough to build from
    if len(failures) == len(FILES):
        raise DownloadError("; ".join(failures))
    return target


def file_form(path: Path) -> str | None:
    """Which form of the GARD list a file holds ("site", "ncats", "pyobo", ...), by content."""
    head = tabular.sniff(path, 4096)
    first = head.split("\n", 1)[0]
    if head.lstrip().startswith("["):
        if '"gard_id"' in head:
            return "ncats"
        # Other sources serve JSON lists of {"id": n, "name": ...} too: ask for GARD's slug
        # field or a file name that says GARD.
        named = "gard" in path.name.lower() or '"encodedName"' in head
        if named and re.search(r'"id"\s*:\s*\d', head) and '"name"' in head:
            return "site"
    elif first.startswith("identifier\tname") and "gard" in (path.name.lower() + head):
        return "pyobo"
    elif first.startswith("text\tcurie\tname\tpredicate") and "\tgard:" in head:
        return "pyobo_synonyms"
    return None


def locate(directory: Path) -> Path | None:
    """The GARD files in a data directory: ``DIR/gard`` or ``DIR`` itself, else None."""
    return tabular.locate(directory, NAME, file_form)


@dataclass(slots=True)
class _Entry:
    """What one list says about one GARD id."""

    id: str
    where: str
    name: str | None = None
    synonyms: list[Synonym] = field(default_factory=list)
    categories: tuple[str, ...] = ()
    spanish: str | None = None


@dataclass(frozen=True, slots=True)
class _Listing:
    form: str
    path: Path
    version: str | None
    released: date | None


def _listings(path: Path) -> list[_Listing]:
    found = []
    for item in tabular.source_files(path):
        form = file_form(item)
        if form is not None:
            version, released = _list_date(item)
            found.append(_Listing(form, item, version, released))
    # Newest first; the nodes file before its synonyms file, which only adds names.
    return sorted(found, reverse=True, key=lambda listing: (
        listing.released or date.min, _FORM_RANK[listing.form], listing.form == "pyobo"))


def _list_date(path: Path) -> tuple[str | None, date | None]:
    found = tabular.find_date(path.name)
    if found is not None:
        return found
    meta = path.with_name(path.name + ".meta.json")  # written by base.download
    try:
        modified = json.loads(meta.read_text())["last_modified"]
        released = parsedate_to_datetime(modified).date()
    except (OSError, ValueError, KeyError, TypeError):
        return None, None
    return released.isoformat(), released


def release_of(path: Path, listings: list[_Listing] | None = None) -> SourceRelease:
    """The release: the dates of the lists read, newest first ("2025-10-31, 2024-03")."""
    listings = listings if listings is not None else _listings(path)
    versions = list(dict.fromkeys(x.version for x in listings if x.version))
    released = max((x.released for x in listings if x.released), default=None)
    return SourceRelease(NAME, ", ".join(versions) or "unknown", released, str(path))


def read(path: Path) -> Iterator[Record]:
    """Yield the release, problems, then one merged DiseaseRecord per GARD id."""
    listings = _listings(path)
    if not listings:
        raise FileNotFoundError(
            f"no GARD disease list (site JSON, pyobo TSV or NCATS JSON) in {path}; "
            "download one with `rareinfo sync gard` or point --from at a copy"
        )
    yield release_of(path, listings)
    lists: list[dict[str, _Entry]] = []
    for listing in listings:
        entries: dict[str, _Entry] = {}
        for item in _READERS[listing.form](listing.path):
            if isinstance(item, Problem):
                yield item
            else:
                _absorb(entries, item)
        lists.append(entries)
    for entry_id in sorted({entry_id for entries in lists for entry_id in entries}):
        yield _merge([entries[entry_id] for entries in lists if entry_id in entries])


def _absorb(entries: dict[str, _Entry], entry: _Entry) -> None:
    known = entries.get(entry.id)
    if known is None:
        entries[entry.id] = entry
        return
    known.name = known.name or entry.name
    known.synonyms += entry.synonyms
    known.categories = known.categories or entry.categories
    known.spanish = known.spanish or entry.spanish


def _merge(parts: list[_Entry]) -> DiseaseRecord | Problem:
    names = [part.name for part in parts if part.name]
    if not names:
        return Problem(NAME, parts[0].where, f"{parts[0].id} has a synonym but no name")
    name = _best_spelling([n for n in names if n.casefold() == names[0].casefold()])
    earlier_names = [Synonym(n) for n in names]  # the name itself is dropped by _unique
    synonyms = _unique(earlier_names + [s for part in parts for s in part.synonyms], name)
    categories = next((part.categories for part in parts if part.categories), ())
    slug = next((part.spanish for part in parts if part.spanish), None)
    spanish = spanish_slug(slug) if slug else None
    return DiseaseRecord(
        source=NAME, id=parts[0].id, name=name, synonyms=synonyms, categories=categories,
        translations=((SPANISH_PAGE, spanish),) if spanish else (),
    )


def _best_spelling(variants: list[str]) -> str:
    """Among spellings equal but for case, the one with most capitals (first on a tie)."""
    return max(variants, key=lambda text: sum(ch.isupper() for ch in text))


def _unique(synonyms: list[Synonym], name: str) -> tuple[Synonym, ...]:
    groups: dict[str, list[Synonym]] = {}
    for synonym in synonyms:
        groups.setdefault(synonym.text.casefold(), []).append(synonym)
    groups.pop(name.casefold(), None)
    out = []
    for group in groups.values():
        text = _best_spelling([s.text for s in group])
        out.append(Synonym(text, group[0].scope, group[0].type))
    return tuple(out)


def spanish_slug(path: str) -> str | None:
    """``ID/slug`` of GARD's Spanish page, if it names one (see the module docstring)."""
    return path if re.fullmatch(r"[0-9]{1,7}/[0-9a-z-]*[0-9a-z][0-9a-z-]*", path) else None


# --- the three forms --------------------------------------------------------------------------


def gard_id(value: Any) -> str | None:
    """``GARD:0000522`` for 522, "522", "GARD:522" or "gard:0000522"; None if not an id."""
    if isinstance(value, str) and value.strip().isdigit():
        # isdigit() also holds for "²" and runs of thousands of digits, which int()
        # refuses: only a plain number of at most seven digits can be an id.
        text = value.strip().lstrip("0")
        if not text.isascii() or len(text) > len(str(_GARD_MAX)):
            return None
        value = int(text or "0")
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return f"GARD:{value:07d}" if 0 < value < _GARD_MAX else None
    curie = normalize_curie(value) if isinstance(value, str) else None
    if curie is None or not curie.startswith("GARD:") or not int(curie[5:]):
        return None
    return curie


def _read_site(path: Path) -> Iterator[_Entry | Problem]:
    for where, value in _json_entries(path):
        if isinstance(value, Problem):
            yield value
            continue
        entry = _json_entry(value, where, "id", "synonyms")
        if isinstance(entry, _Entry):
            categories = value.get("diseaseCategories") or []
            spanish = value.get("spanishName")
            spanish_id = value.get("spanishId")
            if not _strings(categories) or not isinstance(spanish, str | None):
                entry = Problem(NAME, where, "diseaseCategories or spanishName malformed")
            else:
                entry.categories = tuple(categories)
                # The Spanish page's address is its own id and the slug; without the id
                # there is no address to link to.
                if spanish and isinstance(spanish_id, int) and not isinstance(spanish_id, bool):
                    entry.spanish = f"{spanish_id}/{spanish}"
        yield entry


def _read_ncats(path: Path) -> Iterator[_Entry | Problem]:
    for where, value in _json_entries(path):
        if isinstance(value, Problem):
            yield value
        else:
            yield _json_entry(value, where, "gard_id", "synonyms")


def _json_entry(value: Any, where: str, id_key: str, synonyms_key: str) -> _Entry | Problem:
    if not isinstance(value, dict):
        return Problem(NAME, where, "entry is not a JSON object")
    entry_id = gard_id(value.get(id_key))
    if entry_id is None:
        return Problem(NAME, where, f"missing or malformed {id_key}: {value.get(id_key)!r}")
    name = value.get("name")
    if not isinstance(name, str) or not name.strip():
        return Problem(NAME, where, f"{entry_id} has no name")
    synonyms = value.get(synonyms_key) or []
    if not _strings(synonyms):
        return Problem(NAME, where, f"{entry_id}: {synonyms_key} is not a list of names")
    return _Entry(entry_id, where, name.strip(),
                  [Synonym(s.strip()) for s in synonyms if s.strip()])


def _strings(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _json_entries(path: Path) -> Iterator[tuple[str, Any]]:
    """(location, value) per element of a JSON list, reading past damaged elements."""
    try:
        decoded = tabular.load_text(path)
    except tabular.CORRUPT as exc:
        yield path.name, Problem(NAME, path.name, f"file unreadable (truncated download?): "
                                                  f"{exc}")
        return
    if decoded.bad_line is not None:
        yield f"{path.name}:{decoded.bad_line}", Problem(
            NAME, f"{path.name}:{decoded.bad_line}", "not UTF-8; read as Windows-1252")
    text = decoded.text
    position = _skip_gap(text, 0)
    if not text.startswith("[", position):
        yield path.name, Problem(NAME, f"{path.name}:1", "not a JSON list of diseases")
        return
    index, line, counted = 0, 1, 0
    position += 1
    while True:
        position = _skip_gap(text, position)
        # Count lines incrementally: recounting from the start is quadratic.
        line, counted = line + text.count("\n", counted, position), position
        if position >= len(text) or text[position] == "]":
            if position >= len(text):
                yield path.name, Problem(NAME, f"{path.name}:{line}", "JSON list not closed "
                                         "(file truncated?)")
            return
        index += 1
        try:
            value, position = _JSON_DECODER.raw_decode(text, position)
        except (ValueError, RecursionError) as exc:  # ValueError: a 4,300-digit integer
            where = f"{path.name}:{exc.lineno if isinstance(exc, json.JSONDecodeError) else line}"
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else str(exc)
            yield path.name, Problem(NAME, where, f"entry {index}: invalid JSON: {reason}")
            # Entries hold no nested objects: the next "{" starts the next entry.
            position = text.find("{", position + 1)
            if position < 0:
                return
            continue
        yield f"{path.name}#{index}", value


def _skip_gap(text: str, position: int) -> int:
    """Skip whitespace and commas (a missing or doubled comma is forgiven)."""
    match = _JSON_GAP.match(text, position)
    return match.end() if match else position


def _read_pyobo(path: Path) -> Iterator[_Entry | Problem]:
    for item in tabular.iter_tsv(path):
        if isinstance(item, tabular.Header):
            if not {"identifier", "name"} <= set(item.columns):
                yield Problem(NAME, f"{path.name}:1", "no identifier and name columns")
                return
        elif isinstance(item, tabular.RowError):
            yield Problem(NAME, f"{path.name}:{item.line}", item.message)
        else:
            yield _pyobo_entry(item.values, f"{path.name}:{item.line}")


def _pyobo_entry(values: dict[str, str], where: str) -> _Entry | Problem:
    entry_id = gard_id(values["identifier"])
    if entry_id is None:
        return Problem(NAME, where, f"malformed GARD identifier {values['identifier']!r}")
    name = values["name"].strip()
    if not name:
        return Problem(NAME, where, f"{entry_id} has no name")
    synonyms = [Synonym(s.strip()) for s in values.get("synonyms", "").split("|") if s.strip()]
    return _Entry(entry_id, where, name, synonyms)


def _read_pyobo_synonyms(path: Path) -> Iterator[_Entry | Problem]:
    for item in tabular.iter_tsv(path):
        if isinstance(item, tabular.Header):
            if not {"text", "curie", "predicate"} <= set(item.columns):
                yield Problem(NAME, f"{path.name}:1", "no text, curie and predicate columns")
                return
        elif isinstance(item, tabular.RowError):
            yield Problem(NAME, f"{path.name}:{item.line}", item.message)
        elif (entry := _synonym_entry(item.values, f"{path.name}:{item.line}")) is not None:
            yield entry


def _synonym_entry(values: dict[str, str], where: str) -> _Entry | Problem | None:
    curie, text = values["curie"].strip(), values["text"].strip()
    if curie.startswith("obo:"):
        return None  # pyobo's own root class ("Uncategorized Disease"), not a disease
    entry_id = gard_id(curie)
    if entry_id is None or not text:
        return Problem(NAME, where, f"malformed GARD identifier {curie!r} or empty text")
    predicate = values["predicate"].strip()
    if predicate == "rdfs:label":
        return _Entry(entry_id, where, name=text)
    return _Entry(entry_id, where, synonyms=[Synonym(text, _EXPLICIT_SCOPES.get(predicate,
                                                                               "EXACT"))])


_READERS: dict[str, Callable[[Path], Iterator[_Entry | Problem]]] = {
    "site": _read_site,
    "ncats": _read_ncats,
    "pyobo": _read_pyobo,
    "pyobo_synonyms": _read_pyobo_synonyms,
}
