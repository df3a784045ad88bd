"""The interactive API documentation (Swagger UI), served from the installed package.

Swagger UI's script and style come from the ``fastapi-offline`` package (pinned in
pyproject.toml), mounted under ``/static/apidocs``; the page starts it from our own
``/static/apidocs.js``. No CDN and no inline script, so ``/docs`` works with no network
and carries the same Content-Security-Policy as every other page.
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from fastapi import APIRouter
from fastapi.responses import HTMLResponse

router = APIRouter(include_in_schema=False)

ASSETS_PREFIX = "/static/apidocs"

PAGE = """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>rareinfo API · rareinfo</title>
<link rel="stylesheet" href="{assets}/swagger-ui.css">
<script src="{assets}/swagger-ui-bundle.js" defer></script>
<script src="/static/apidocs.js" defer></script>
</head>
<body>
<p><a href="/">rareinfo</a> · JSON API · <a href="{openapi}">OpenAPI document</a></p>
<div id="swagger-ui" data-openapi="{openapi}"></div>
</body>
</html>
"""


def assets_directory() -> Path:
    """Where the installed Swagger UI files are (the ``fastapi-offline`` package)."""
    return Path(str(resources.files("fastapi_offline") / "static"))


def docs_page(openapi_url: str) -> str:
    """The documentation page, pointing Swagger UI at the OpenAPI document."""
    return PAGE.format(assets=ASSETS_PREFIX, openapi=openapi_url)


@router.get("/docs", response_class=HTMLResponse)
def api_docs() -> HTMLResponse:
    """Swagger UI over the JSON API's OpenAPI document."""
    return HTMLResponse(docs_page("/api/v1/openapi.json"))
