"""``rareinfo serve``: the portal and the JSON API, building the knowledge base if needed."""

from __future__ import annotations

from typing import Annotated

import typer

from rareinfo.cli.common import EXIT_NO_KB, DatabaseOption, fail, out, settings_and_url


def serve_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
    database: DatabaseOption = None,
) -> None:
    """Serve the portal and the JSON API; builds the knowledge base first if there is none."""
    import os

    import uvicorn

    from rareinfo.cli.build import run_build
    from rareinfo.kb.queries import KnowledgeBase, KnowledgeBaseMissing, KnowledgeBaseUnavailable
    from rareinfo.service import plan as pipeline

    settings, url = settings_and_url(database)
    problem = None
    try:
        KnowledgeBase(url).close()
    except KnowledgeBaseUnavailable as exc:
        fail(str(exc), EXIT_NO_KB)
    except KnowledgeBaseMissing as exc:
        problem = str(exc)
    if problem is not None:
        out.print(f"{problem}\nBuilding it now from the sources this machine has ...")
        run_build(url, pipeline.plan(None, settings.resolved_cache_dir()))
    os.environ["RAREINFO_DATABASE_URL"] = url
    os.environ.setdefault("RAREINFO_WARM_DIAGNOSIS_MODEL", "1")
    out.print(f"Serving on http://{host}:{port} (API docs at http://{host}:{port}/docs)")
    uvicorn.run("rareinfo.web.app:create_app", factory=True, host=host, port=port,
                workers=workers, log_level="warning", access_log=False,
                proxy_headers=False)  # web/security.py decides whom to believe
