"""The build use case: sources into a new snapshot, with everything derived from it."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from rareinfo.kb.build import BuildSummary, Derivation, Progress, SourceRun, build
from rareinfo.search.entries import write_search_entries
from rareinfo.service.search_store import search_index_writer


def build_snapshot(url: str, runs: Iterable[SourceRun], *, progress: Progress | None = None,
                   enforce_minimums: bool = True,
                   derive: Sequence[Derivation] = ()) -> BuildSummary:
    """Load the sources into a new snapshot with what is derived from it, then swap it in.

    Derived: the search entries, the stored search index (SQLite) and the stored
    diagnosis model; ``derive`` adds what the layers above derive into the snapshot (the
    web's pre-rendered pages: rareinfo.web.prerender.render_pages, asked for by
    ``rareinfo build --prerender``).
    """
    # Imported here: NumPy and SciPy load only in processes that build or diagnose.
    from rareinfo.service.model_store import diagnosis_model_writer

    return build(url, runs, progress=progress, enforce_minimums=enforce_minimums,
                 derive=(write_search_entries, search_index_writer(url),
                         diagnosis_model_writer(url), *derive))
