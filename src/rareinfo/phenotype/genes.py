"""Features an OMIM disease shares with the Orphanet disorders of the same gene.

OMIM's clinical synopses list a disease's features without frequencies and often
sparsely; Orphanet describes the disorder of a gene as a clinical entity, usually with
more features and frequency classes ("STXBP1 encephalopathy with epilepsy" for OMIM's
"Developmental and epileptic encephalopathy 4", "SATB2-associated syndrome" for "Glass
syndrome"). When an Orphanet disorder and an OMIM disease share a gene, the features the
Orphanet entry lists and the OMIM entry does not are lent to the OMIM entry, weighted by
how surely the two describe the same condition:

    share = 1 / (OMIM diseases of the gene x genes of the Orphanet disorder)

so one gene with one OMIM disease and a one-gene Orphanet disorder lends with share 1,
and a gene behind five OMIM diseases, or an Orphanet group of forty genes, lends almost
nothing. The ranking turns a share into a frequency (``LikelihoodSettings.gene_weight``
x share ** ``gene_power``) for features the OMIM entry does not list itself; explanations
name the Orphanet entry and the gene each lent feature came from.

Orphanet entries named for a gain of copies (a duplication, trisomy or tetrasomy) do not
lend: more copies of a gene need not look like its loss (5q35 microduplication brings
short stature, Sotos syndrome of the same gene NSD1 overgrowth).

Only OMIM entries borrow: Orphanet entries are already the richer description, and
lending OMIM's features to them would make each Orphanet disorder a near copy of the
OMIM disease, so the same condition would fill two places of the ranking. The gene
links are HPO's own (genes_to_phenotype.txt of the same release). Measured on the
development cases in decisions/0003-diagnosis-ranking.md.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from numpy.typing import NDArray

from rareinfo.phenotype.matrices import DiseaseAnnotations, Float32Array, IntArray
from rareinfo.phenotype.ontology import PHENOTYPIC_ABNORMALITY, Ontology

if TYPE_CHECKING:
    import scipy.sparse as sp

    from rareinfo.phenotype.mondo_links import LendingLink
    from rareinfo.records import GeneAssociation

BORROWER = "OMIM:"  # entries that borrow
LENDER = "ORPHA:"  # entries that lend
GAIN_OF_COPIES = re.compile(r"duplication|trisomy|tetrasomy", re.IGNORECASE)  # never lend
REASONS = ("gene", "equivalent", "series")  # why an entry lends (mondo_links for the others)


@dataclass(frozen=True, slots=True)
class GeneNeighbours:
    """Per (OMIM disease, term) it does not list: the best share, the lender and the gene."""

    share: sp.csr_matrix  # diseases x terms, float32 in (0, 1]
    lender: IntArray  # per stored entry of ``share`` (canonical order): lending disease row
    # Per stored entry, as codes: a few hundred thousand strings would make a stored model
    # slow to read (half of its unpickling), a few thousand distinct ones are not.
    gene_code: NDArray[np.int32]  # the gene symbol they share, or the Mondo class: in names
    reason_code: NDArray[np.int8]  # in REASONS
    names: tuple[str, ...]  # the gene symbols and Mondo classes, each once

    @classmethod
    def empty(cls, shape: tuple[int, int]) -> GeneNeighbours:
        """No lending at all (no gene links given)."""
        import scipy.sparse as sp  # only to build: a stored model is read without SciPy

        return cls(sp.csr_matrix(shape, dtype=np.float32), np.zeros(0, dtype=np.int64),
                   np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int8), ())

    def gene(self, entry: int) -> str:
        """The gene symbol or Mondo class of a stored entry of ``share``."""
        return self.names[int(self.gene_code[entry])]

    def reason(self, entry: int) -> str:
        """Why a stored entry of ``share`` is lent: "gene", "equivalent" or "series"."""
        return REASONS[int(self.reason_code[entry])]

    def source_of(self, disease: int, term: int) -> tuple[int, str, str] | None:
        """(lending disease row, gene or Mondo class, reason) of a lent feature, or None."""
        start, end = self.share.indptr[disease], self.share.indptr[disease + 1]
        columns = self.share.indices[start:end]
        at = int(np.searchsorted(columns, term))
        if at < len(columns) and columns[at] == term:
            entry = int(start) + at
            return int(self.lender[entry]), self.gene(entry), self.reason(entry)
        return None

    def frequencies(self, weight: float, power: float, floor: float) -> sp.csr_matrix:
        """Lent features as fractions ``weight * share ** power``; those below ``floor`` go."""
        lent = self.share.astype(np.float32, copy=True)
        lent.data = (weight * np.power(lent.data.astype(np.float64), power)).astype(np.float32)
        lent.data[lent.data < floor] = 0.0
        lent.eliminate_zeros()
        return lent


def gene_neighbours(
    ontology: Ontology, diseases: DiseaseAnnotations, genes: Iterable[GeneAssociation],
    links: Iterable[LendingLink] = (),
) -> GeneNeighbours:
    """What each OMIM disease may borrow from the Orphanet disorders sharing its genes,
    and through ``links`` (``rareinfo.phenotype.mondo_links``) from Mondo equivalents and
    the other entries of its phenotypic series."""
    import scipy.sparse as sp  # only to build: a stored model is read without SciPy

    row = {disease: i for i, disease in enumerate(diseases.ids)}
    genes_of: dict[int, set[str]] = defaultdict(set)
    for link in genes:
        if link.disease_id in row:
            genes_of[row[link.disease_id]].add(link.symbol or link.gene_id)
    borrowers_of: dict[str, list[int]] = defaultdict(list)
    lenders_of: dict[str, list[int]] = defaultdict(list)
    for disease, symbols in genes_of.items():
        kind = diseases.ids[disease]
        for symbol in symbols:
            if kind.startswith(BORROWER):
                borrowers_of[symbol].append(disease)
            elif kind.startswith(LENDER) and not GAIN_OF_COPIES.search(diseases.names[disease]):
                lenders_of[symbol].append(disease)
    # (borrower, lender) -> best share over the genes they have in common
    best: dict[tuple[int, int], tuple[float, str, str]] = {}
    for symbol in sorted(set(borrowers_of) & set(lenders_of)):
        borrowers = borrowers_of[symbol]
        for lender in lenders_of[symbol]:
            share = 1.0 / (len(borrowers) * len(genes_of[lender]))
            for borrower in borrowers:
                key = (borrower, lender)
                if key not in best or share > best[key][0]:
                    best[key] = (share, symbol, "gene")
    for through in links:
        if through.borrower not in row or through.lender not in row:
            continue
        if GAIN_OF_COPIES.search(diseases.names[row[through.lender]]):
            continue
        key = (row[through.borrower], row[through.lender])
        if key not in best or through.share > best[key][0]:
            best[key] = (through.share, through.via, through.reason)
    frequency, negated = diseases.frequency, diseases.negated
    phenotypic = ontology.subtree_mask(PHENOTYPIC_ABNORMALITY)
    lent: dict[tuple[int, int], tuple[float, int, str, str]] = {}
    # sorted: on equal shares the first lender (by identifier) wins, whatever the input order
    for (borrower, lender), (share, symbol, reason) in sorted(best.items()):
        have = {  # every term the borrower states itself, NOT annotations included
            *frequency.indices[frequency.indptr[borrower]:frequency.indptr[borrower + 1]].tolist(),
            *negated.indices[negated.indptr[borrower]:negated.indptr[borrower + 1]].tolist(),
        }
        start, end = frequency.indptr[lender], frequency.indptr[lender + 1]
        for term in frequency.indices[start:end].tolist():
            if not phenotypic[term] or term in have:
                continue
            key = (borrower, term)
            if key not in lent or share > lent[key][0]:
                lent[key] = (share, lender, symbol, reason)
    if not lent:
        return GeneNeighbours.empty(diseases.frequency.shape)
    ordered = sorted(lent.items())
    rows = np.fromiter((b for (b, _), _ in ordered), dtype=np.int64, count=len(ordered))
    cols = np.fromiter((t for (_, t), _ in ordered), dtype=np.int64, count=len(ordered))
    values: Float32Array = np.fromiter((v[0] for _, v in ordered), dtype=np.float32,
                                       count=len(ordered))
    share = sp.csr_matrix((values, (rows, cols)), shape=diseases.frequency.shape)
    share.sort_indices()  # already in (row, column) order, so entries stay aligned
    codes: dict[str, int] = {}
    return GeneNeighbours(
        share,
        np.fromiter((v[1] for _, v in ordered), dtype=np.int64, count=len(ordered)),
        np.fromiter((codes.setdefault(v[2], len(codes)) for _, v in ordered), dtype=np.int32,
                    count=len(ordered)),
        np.fromiter((REASONS.index(v[3]) for _, v in ordered), dtype=np.int8,
                    count=len(ordered)),
        tuple(codes),
    )
