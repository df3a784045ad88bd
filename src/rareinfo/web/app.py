"""The FastAPI application: HTML pages, the JSON API under /api/v1, static files."""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager, suppress
from importlib import resources
from pathlib import Path

import anyio.to_thread
import psycopg
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from sqlalchemy.exc import DBAPIError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from rareinfo import __version__
from rareinfo.config import Settings, load_settings
from rareinfo.kb.queries import KnowledgeBaseMissing
from rareinfo.service.live import LiveSnapshot
from rareinfo.web import errors, openapi, security
from rareinfo.web.crossorigin import ApiCors, HeadAsGet
from rareinfo.web.fastpath import PageFastPath
from rareinfo.web.httpcache import HttpCacheMiddleware
from rareinfo.web.pages import apidocs, staff
from rareinfo.web.routes import include_routes
from rareinfo.web.userdata import UserData, default_userdata_url

GZIP_MINIMUM = 1024  # bytes; smaller bodies gain less than the headers and CPU cost


def _warm_model(live: LiveSnapshot) -> None:
    with suppress(Exception):  # a failure here shows again, properly, on first use
        live.get().model()


def create_app(database_url: str | None = None, settings: Settings | None = None,
               userdata_url: str | None = None) -> FastAPI:
    """Build the application over the knowledge base at ``database_url`` (or the settings)."""
    settings = settings or load_settings()
    url = database_url or settings.resolved_database_url()
    live = LiveSnapshot(url)
    userdata = UserData(userdata_url or default_userdata_url(settings, database_url), settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        # Request handlers are CPU-bound Python: more threads than this only fight over
        # the GIL and starve the event loop, which shows as multi-second tail latencies
        # under many concurrent clients (bench/load.py). Database waits are short.
        anyio.to_thread.current_default_thread_limiter().total_tokens = (
            settings.worker_threads)
        # Open the snapshot and build its search index before the first request.
        # A database that is down at start is not fatal: requests answer 503 until it is up.
        with suppress(KnowledgeBaseMissing, DBAPIError, psycopg.Error):
            live.get()
            if settings.warm_diagnosis_model:
                # Build the diagnosis model now, beside the first requests, rather than
                # during the first person's symptom check (a few seconds).
                threading.Thread(target=_warm_model, args=(live,), daemon=True,
                                 name="warm-diagnosis-model").start()
        # Schema upgrades of the user data; a failure is logged and asking answers 503.
        await run_in_threadpool(userdata.start)
        yield

    app = FastAPI(
        title="rareinfo",
        version=__version__,
        summary="Genetic and rare disease information: diseases, symptoms (HPO), search.",
        description=(
            "Every fact carries its source and release. Errors have the body "
            '`{"error": {"status": int, "code": str, "message": str}}`.'
        ),
        docs_url=None,  # web/pages/apidocs.py serves /docs from the installed package
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
        lifespan=lifespan,
        generate_unique_id_function=openapi.operation_id,
    )
    openapi.install(app, license_name="Apache-2.0")

    @app.get("/openapi.json", include_in_schema=False)
    async def openapi_document() -> dict[str, object]:
        """The same OpenAPI document at the address tools look for first."""
        return app.openapi()

    app.state.live = live
    app.state.userdata = userdata
    app.state.settings = settings
    static_dir = Path(str(resources.files("rareinfo.web") / "static"))
    # Before /static, which would otherwise take these paths.
    app.mount(apidocs.ASSETS_PREFIX, StaticFiles(directory=apidocs.assets_directory()),
              name="apidocs")
    app.mount("/static", StaticFiles(directory=static_dir), name="static")
    include_routes(app)
    app.add_exception_handler(StarletteHTTPException, errors.http_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, errors.validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(KnowledgeBaseMissing, errors.missing_kb)  # type: ignore[arg-type]
    app.add_exception_handler(staff.SignInRequired, staff.sign_in_required)
    app.add_exception_handler(DBAPIError, errors.database_error)
    app.add_exception_handler(psycopg.Error, errors.database_error)
    errors.document_errors(app)
    app.add_exception_handler(Exception, errors.unexpected_error)
    # Innermost first: pages at hand are sent before routing, with every header below;
    # the caching headers (and 304s) get the security headers too, and compression is
    # outermost so the docs' CSP is computed over the plain body.
    app.add_middleware(PageFastPath, live=live, userdata=userdata)
    app.add_middleware(HttpCacheMiddleware)
    app.add_middleware(security.SecurityMiddleware,
                       limits=security.Limits.from_settings(settings))
    # Compression outside the security headers (the docs' CSP is computed over the plain
    # body) and inside HEAD handling (a HEAD answer has no body to compress).
    app.add_middleware(GZipMiddleware, minimum_size=GZIP_MINIMUM, compresslevel=6)
    # Outermost: a preflight is answered before limits apply, and HEAD becomes GET for all.
    app.add_middleware(ApiCors, origins=settings.cors_origins)
    app.add_middleware(HeadAsGet)

    return app
