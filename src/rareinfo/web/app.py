"""The FastAPI application: HTML pages, the JSON API under /api/v1, static files."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from importlib import resources
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from rareinfo import __version__
from rareinfo.config import load_settings
from rareinfo.kb.live import LiveSnapshot
from rareinfo.kb.queries import KnowledgeBaseMissing
from rareinfo.web import diagnosis, errors
from rareinfo.web.api import routes as api_routes
from rareinfo.web.pages import routes as page_routes


def create_app(database_url: str | None = None) -> FastAPI:
    """Build the application over the knowledge base at ``database_url`` (or the settings)."""
    url = database_url or load_settings().resolved_database_url()
    live = LiveSnapshot(url)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Open the snapshot and build its search index before the first request.
        with suppress(KnowledgeBaseMissing):
            live.get()
        yield

    app = FastAPI(
        title="rareinfo",
        version=__version__,
        summary="Genetic and rare disease information: diseases, symptoms (HPO), search.",
        description=(
            "Every fact carries its source and release. Errors have the body "
            '`{"error": {"status": int, "code": str, "message": str}}`.'
        ),
        docs_url="/docs",
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=lifespan,
    )
    app.state.live = live
    static_dir = Path(str(resources.files("rareinfo.web") / "static"))
    app.mount("/static", StaticFiles(directory=static_dir), name="static")
    app.include_router(api_routes.router)
    app.include_router(diagnosis.api)
    app.include_router(diagnosis.pages)
    app.include_router(page_routes.router)
    app.add_exception_handler(StarletteHTTPException, errors.http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, errors.validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(KnowledgeBaseMissing, errors.missing_kb)  # type: ignore[arg-type]
    app.add_exception_handler(Exception, errors.unexpected_error)

    @app.get("/healthz", include_in_schema=False)
    def health(request: Request) -> Response:
        snapshot = request.app.state.live.get()
        return JSONResponse({"status": "ok", "snapshot": snapshot.key})

    return app
