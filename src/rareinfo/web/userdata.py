"""The user database of the app: where questions, answers and staff accounts live.

It is upgraded once at startup; when it cannot be opened the portal keeps serving pages
while asking answers 503 with the reason.
"""

from __future__ import annotations

import logging
import secrets
import threading
import time
from collections.abc import Sequence
from pathlib import PurePosixPath

from fastapi import HTTPException
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from rareinfo.config import Settings
from rareinfo.inquiries import db, store
from rareinfo.kb.queries import KnowledgeBase
from rareinfo.web import security
from rareinfo.web.ratelimit import RateLimiter

log = logging.getLogger("rareinfo.web")


class UserData:
    """The user database of one app: upgraded once, its failure reported, never fatal."""

    RETRY = 30.0  # seconds between attempts to open a user database that failed

    def __init__(self, url: str, settings: Settings) -> None:
        self.url = url
        self.settings = settings
        self.error: str | None = None
        self._started = False
        self._failed_at = 0.0
        self._lock = threading.Lock()
        self._version = -1
        self._version_read = 0.0
        self._local_seen = -1
        self._filed: tuple[int, frozenset[str]] | None = None
        # (snapshot key, the filed identifiers read, the pages they lead to)
        self._pages: tuple[str, frozenset[str], frozenset[str]] | None = None
        self._tag = secrets.token_hex(6)
        self.limits = security.Limits.from_settings(settings)
        self.by_address = _limiter(settings.rate_limit_ask_ip_per_hour / 60, 5)
        self.by_email = _limiter(settings.rate_limit_ask_email_per_day / 1440, 3)

    def start(self) -> None:
        """Upgrade the schema once; after a failure, try again at most every RETRY seconds
        (a database server that was down at startup comes back without a restart)."""
        with self._lock:
            if self._started and (self.error is None
                                  or time.monotonic() - self._failed_at < self.RETRY):
                return
            self._started = True
            try:
                db.upgrade(self.url)
            except db.UserDataError as exc:
                self.error, self._failed_at = str(exc), time.monotonic()
                log.error("questions are unavailable: %s", exc)
            else:
                self.error = None

    def engine(self) -> Engine:
        """The engine; HTTP 503 with the reason when the user database is unavailable."""
        self.start()
        if self.error is not None:
            raise HTTPException(503, "Questions cannot be taken or shown right now: the "
                                "user database is unavailable. Please try again later.")
        return db.engine(self.url)

    def version(self) -> int:
        """The publication version, re-read at most once a second (at once after a local
        change), so cached disease pages show a publication immediately."""
        if not self._started or self.error is not None:
            return -1  # (re)connecting is left to requests served in worker threads
        local = store.local_publication_changes()
        now = time.monotonic()
        if local == self._local_seen and now - self._version_read < 1.0:
            return self._version
        try:
            with self.engine().connect() as conn:
                self._version = store.publication_version(conn)
        except (HTTPException, SQLAlchemyError):
            self._version = -1
        self._local_seen, self._version_read = local, now
        return self._version

    def cache_tag(self) -> str:
        """Part of the key of cached disease pages: this database and its publication version
        (several apps in one process, e.g. tests, never share each other's pages)."""
        return f"{self._tag}.{self.version()}"

    def published_disease_ids(self) -> frozenset[str] | None:
        """The disease identifiers some published question is filed under, read once per
        publication version (a pre-rendered page is right for every other disease); None
        when the user database cannot say."""
        version = self.version()
        if version < 0:
            return None
        filed = self._filed
        if filed is not None and filed[0] == version:
            return filed[1]
        try:
            with self.engine().connect() as conn:
                ids = store.published_disease_ids(conn)
        except (HTTPException, SQLAlchemyError):
            return None
        self._filed = (version, ids)
        return ids

    def question_pages(self, kb: KnowledgeBase) -> frozenset[str] | None:
        """The disease pages of ``kb`` that show a published question, read once per
        snapshot and publication version; None when the user database cannot say."""
        filed = self.published_disease_ids()
        if filed is None:
            return None
        known = self._pages
        if known is not None and known[0] == kb.key and known[1] is filed:
            return known[2]
        pages = kb.pages_of(filed) if filed else frozenset()
        self._pages = (kb.key, filed, pages)
        return pages

    def known_question_pages(self, kb: KnowledgeBase) -> frozenset[str] | None:
        """As ``question_pages`` when that is known for this snapshot and the current
        publication version, else None: reads no database but the once-a-second version."""
        version = self.version()
        filed, known = self._filed, self._pages
        if (version < 0 or filed is None or filed[0] != version or known is None
                or known[0] != kb.key or known[1] is not filed[1]):
            return None
        return known[2]

    def published_for(self, disease_ids: Sequence[str]) -> list[store.PublishedQuestion]:
        """The published Q&A of a disease (all its identifiers); empty when unavailable."""
        try:
            with self.engine().connect() as conn:
                found = store.published_for_disease(conn, disease_ids)
        except (HTTPException, SQLAlchemyError) as exc:
            log.warning("published questions unavailable: %s", exc)
            return []
        return found


def _limiter(per_minute: float, burst: int) -> RateLimiter | None:
    return RateLimiter(per_minute, burst) if per_minute > 0 else None



def default_userdata_url(settings: Settings, database_url: str | None) -> str:
    """The user database for an app over ``database_url``.

    The settings decide, except that an app given an explicit SQLite knowledge base (tests,
    ``serve --database``) keeps its user data next to that file rather than in the user's
    data directory; an explicit PostgreSQL knowledge base shares its database.
    """
    if settings.userdata_url or not database_url:
        return settings.resolved_userdata_url()
    if database_url.startswith("sqlite:///"):
        path = database_url.removeprefix("sqlite:///").split("?", 1)[0]
        return f"sqlite:///{PurePosixPath(path).parent / 'userdata.sqlite'}"
    if database_url.startswith("postgresql"):
        return database_url
    return settings.resolved_userdata_url()
