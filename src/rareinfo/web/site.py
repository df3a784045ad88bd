"""A static copy of every disease and phenotype page and its JSON, for any static host.

Pages are the app's own (read from the snapshot's pre-rendered pages, or rendered now), with links
between pages made relative so the copy works from any folder of any host; links to what
only the app answers (search, symptom checker, asking) stay absolute, for a CDN that
sends those paths to the app servers. ``about.html`` carries every source's attribution.
"""

from __future__ import annotations

import html
import re
import shutil
from collections.abc import Callable
from importlib import resources
from pathlib import Path

from sqlalchemy import func, select

from rareinfo.kb import schema
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.web.cache import HTML
from rareinfo.web.prerender import stored_or_rendered
from rareinfo.web.templating import render

# href="/diseases/ID" or "/phenotypes/ID" (with an optional #fragment), not a sub-path.
_PAGE_LINK = re.compile(r'(href|src)="/(diseases|phenotypes)/([^"#?/]+)(#[^"]*)?"')
_STATIC_LINK = re.compile(r'(href|src)="/static/([^"]+)"')
_ICON_LINK = re.compile(r'href="/(favicon\.(?:ico|svg))"')  # served from static/ in the copy
_ABOUT_LINK = re.compile(r'href="/about"')
_HOME_LINK = re.compile(r'href="/"')


def file_name(identifier: str) -> str:
    """The file of a page: colons become underscores (a colon reads as a URL scheme)."""
    return identifier.replace(":", "_")


def relative_links(body: str, depth: int) -> str:
    """Links between exported pages made relative for a page ``depth`` folders deep."""
    up = "../" * depth
    body = _PAGE_LINK.sub(lambda m: f'{m[1]}="{up}{m[2]}/{file_name(m[3])}.html'
                          f'{m[4] or ""}"', body)
    body = _STATIC_LINK.sub(lambda m: f'{m[1]}="{up}static/{m[2]}"', body)
    body = _ICON_LINK.sub(lambda m: f'href="{up}static/{m[1]}"', body)
    body = _ABOUT_LINK.sub(f'href="{up}about.html"', body)
    return _HOME_LINK.sub(f'href="{up}index.html"', body)


def write_site(kb: KnowledgeBase, out: Path, report: Callable[[int, int], None]) -> int:
    """Write the static copy into ``out``; returns the number of pages (HTML and JSON)."""
    for folder in ("diseases", "phenotypes", "api/v1/diseases", "api/v1/phenotypes"):
        (out / folder).mkdir(parents=True, exist_ok=True)
    static = Path(str(resources.files("rareinfo.web") / "static"))
    shutil.copytree(static, out / "static", dirs_exist_ok=True)
    with kb.engine.connect() as conn:
        diseases = [(str(row.id), str(row.name)) for row in conn.execute(
            select(schema.disease.c.id, schema.disease.c.name)
            .order_by(schema.disease.c.name))]
        phenotypes = int(conn.execute(select(func.count()).select_from(schema.phenotype))
                         .scalar_one())
    total = 2 * (len(diseases) + phenotypes)
    done = 0
    for address, media_type, body in stored_or_rendered(kb):
        kind, identifier = address.rsplit("/", 2)[-2:]
        if media_type == HTML:
            text = relative_links(body.decode(), 1)
            (out / kind / f"{file_name(identifier)}.html").write_text(text, encoding="utf-8")
        else:
            (out / "api/v1" / kind / f"{file_name(identifier)}.json").write_bytes(body)
        done += 1
        if done % 500 == 0:
            report(done, max(total, done))
    about = render(None, "about.html", {"status": kb.status()})
    (out / "about.html").write_text(relative_links(about, 0), encoding="utf-8")
    (out / "index.html").write_text(_index(diseases), encoding="utf-8")
    report(done, done)
    return done


def _index(diseases: list[tuple[str, str]]) -> str:
    items = "\n".join(
        f'<li><a href="diseases/{html.escape(file_name(disease_id))}.html">'
        f"{html.escape(name)}</a> <small>{html.escape(disease_id)}</small></li>"
        for disease_id, name in diseases)
    return ("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<title>rareinfo: every disease</title>"
            "<link rel=\"stylesheet\" href=\"static/style.css\"></head><body><main>"
            "<h1>rareinfo: every disease</h1>"
            "<p>A static copy of the rareinfo knowledge base. "
            "<a href=\"about.html\">Sources, releases, licences and attribution</a>. "
            "Each page's JSON is at <code>api/v1/diseases/ID.json</code>.</p>"
            f"<ul class=\"all-diseases\">\n{items}\n</ul></main></body></html>\n")
