"""The typed results of a differential diagnosis, each JSON-serialisable via ``to_dict()``."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # results stay importable without NumPy (the CLI's text pages)
    from rareinfo.phenotype.calibration import Certainty


@dataclass(frozen=True, slots=True)
class Term:
    """An HPO term as shown to a person: identifier and label."""

    id: str
    name: str


@dataclass(frozen=True, slots=True)
class MatchedPair:
    """A patient term, the disease term it matched, the ancestor they share, the weight."""

    patient_term: Term
    disease_term: Term | None
    shared_ancestor: Term | None
    frequency: float | None  # of the disease term among patients with the disease
    contribution: float  # in the method's units (log LR for "lr")
    lent_by: Term | None = None  # the entry the feature is borrowed from
    gene: str | None = None  # the gene they share (reason "gene"), or the Mondo class
    lent_because: str | None = None  # "gene", "equivalent" (same Mondo disease), "series"
    # False when the two only meet at a term so general that it explains nothing (see
    # rareinfo.phenotype.model.GENERAL_IC): not shown as a reason
    informative: bool = True


@dataclass(frozen=True, slots=True)
class DiseaseFeature:
    """A disease feature the patient lacks, or one in conflict with the patient."""

    term: Term
    frequency: float
    contribution: float
    patient_term: Term | None = None
    kind: str = "missing"  # missing | excluded-by-patient | excluded-by-disease
    lent_by: Term | None = None  # the entry the feature is borrowed from
    gene: str | None = None  # the gene they share (reason "gene"), or the Mondo class
    lent_because: str | None = None  # "gene", "equivalent" (same Mondo disease), "series"


@dataclass(frozen=True, slots=True)
class RankedDisease:
    """One disease in the ranking, with the reasons for its place."""

    disease_id: str  # source id of the annotated disease: OMIM:..., ORPHA:..., DECIPHER:...
    name: str
    score: float
    rank: int  # 1-based position in the ranking
    tied: int = 0  # other diseases with exactly the same scores (listed in identifier order)
    matches: tuple[MatchedPair, ...] = ()
    missing: tuple[DiseaseFeature, ...] = ()
    conflicts: tuple[DiseaseFeature, ...] = ()
    explained: bool = False  # False when the explanation was not computed (beyond ``explain``)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return asdict(self)


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """A ranked differential diagnosis and what was done with the input terms."""

    method: str
    results: tuple[RankedDisease, ...]
    present: tuple[Term, ...]
    excluded: tuple[Term, ...]
    unknown_terms: tuple[str, ...] = ()
    mapped_terms: dict[str, str] = field(default_factory=dict)  # alt/obsolete id -> current
    notes: tuple[str, ...] = ()
    diseases_ranked: int = 0  # annotated disease entries (OMIM, Orphanet, DECIPHER) ranked
    mode: str = "clinician"  # how absent symptoms were weighed (calibration.Mode)
    certainty: Certainty | None = None  # calibrated on the development cases (lr only)

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict."""
        return asdict(self)
