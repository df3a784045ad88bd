"""GET /api/v1/status and /api/v1/sources: what the live knowledge base holds."""

from __future__ import annotations

from fastapi import APIRouter

from rareinfo.web.api.models.entities import Release, Status, release_of, status_of
from rareinfo.web.deps import SnapshotDep

router = APIRouter(prefix="/api/v1", tags=["status"])


@router.get("/status", response_model=Status)
def status(snapshot: SnapshotDep) -> Status:
    """Sources, releases and counts of the live knowledge base."""
    return status_of(snapshot.kb.status())


@router.get("/sources", response_model=list[Release])
def sources(snapshot: SnapshotDep) -> list[Release]:
    """Every source with its release, licence and attribution."""
    return [release_of(r) for r in snapshot.kb.releases()]
