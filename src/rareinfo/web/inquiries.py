"""Asking a question: the public form, the JSON API, and published answers on pages.

The user database is reached through ``UserData`` (``request.app.state.userdata``): it is
upgraded once at startup, and when it cannot be opened the portal keeps serving pages
while asking answers 503 with the reason. Contact details never leave this module: only
the reference goes back to the asker, and only reviewed de-identified texts are shown.

Cross-site request forgery: the form is anonymous (no cookie, no session), so there is
nothing a forged request could act as; it is still refused when the browser says it comes
from another site (``Origin``, else ``Referer``). The JSON API accepts only a JSON body,
which a foreign page cannot send without a CORS preflight, and CORS is not enabled. See
decisions/0007-user-data-and-ask-form.md.
"""

from __future__ import annotations

import logging
import re
import secrets
import threading
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs, quote, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup, escape
from pydantic import BaseModel, Field
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from rareinfo.config import Settings
from rareinfo.inquiries import db, store
from rareinfo.inquiries.tables import ASKER_TYPES
from rareinfo.web import security
from rareinfo.web.api.routes import ERRORS
from rareinfo.web.errors import ErrorBody
from rareinfo.web.lookup import Moved, find_disease, snapshot_of
from rareinfo.web.ratelimit import RateLimiter
from rareinfo.web.templating import render

log = logging.getLogger("rareinfo.web")
pages = APIRouter(include_in_schema=False)
api = APIRouter(prefix="/api/v1", tags=["questions"])

MAX_FORM_BYTES = 64 * 1024
ASKER_LABELS = {"patient": "I have the condition", "family": "A family member or carer",
                "clinician": "A clinician", "researcher": "A researcher", "other": "Other"}
NOT_ADVICE = ("We answer with general information from trusted sources, not medical advice: "
              "we cannot diagnose or recommend treatment for a person. In an emergency call "
              "your local emergency number.")
NO_STORE = {"Cache-Control": "no-store"}


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

    def published_for(self, disease_ids: Sequence[str]) -> list[PublicAnswer]:
        """The published Q&A of a disease (all its identifiers); empty when unavailable."""
        try:
            with self.engine().connect() as conn:
                found = store.published_for_disease(conn, disease_ids)
        except (HTTPException, SQLAlchemyError) as exc:
            log.warning("published questions unavailable: %s", exc)
            return []
        return [PublicAnswer.of(p) for p in found]


def _limiter(per_minute: float, burst: int) -> RateLimiter | None:
    return RateLimiter(per_minute, burst) if per_minute > 0 else None


def userdata_of(request: Request) -> UserData | None:
    """The app's user database, or None for an app built without one."""
    found = getattr(request.app.state, "userdata", None)
    return found if isinstance(found, UserData) else None


def _require_userdata(request: Request) -> UserData:
    found = userdata_of(request)
    if found is None:
        raise HTTPException(503, "Questions are not enabled on this server.")
    return found


# -- published answers --

_LINK = re.compile(r"\[([^\]\n]{1,200})\]\(((?:https?://|/)[^\s)]{1,500})\)"
                   r"|((?:https?://)[^\s<>\"]{1,500}[^\s<>\".,;:!?)])")


def answer_html(text: str) -> Markup:
    """Answer text as safe HTML: paragraphs, and links written as [label](url) or bare URLs."""
    paragraphs = [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return Markup("").join(Markup("<p>{}</p>").format(_linked(p)) for p in paragraphs)


def _linked(paragraph: str) -> Markup:
    out: list[Markup] = []
    last = 0
    for match in _LINK.finditer(paragraph):
        out.append(escape(paragraph[last:match.start()]))
        label, url = (match[1], match[2]) if match[1] else (match[3], match[3])
        external = url.startswith("http")
        out.append(Markup('<a href="{}"{}>{}</a>').format(
            url, Markup(' rel="noopener nofollow"') if external else "", label))
        last = match.end()
    out.append(escape(paragraph[last:]))
    return Markup("<br>").join(Markup("").join(out).split("\n"))


@dataclass(frozen=True, slots=True)
class PublicAnswer:
    """A published question and answer, ready for a page."""

    question: str
    answer: str
    answer_html: Markup
    published_at: str
    disease_id: str | None

    @classmethod
    def of(cls, published: store.PublishedQuestion) -> PublicAnswer:
        """From the store's record."""
        return cls(published.question, published.answer, answer_html(published.answer),
                   published.published_at.date().isoformat(), published.disease_id)


class PublishedAnswer(BaseModel):
    """A published question (de-identified) and its answer."""

    question: str
    answer: str
    published: str = Field(description="date of publication (YYYY-MM-DD)")
    disease: str | None


class QuestionRequest(BaseModel):
    """A question for the information center's specialists."""

    question: str = Field(min_length=store.MIN_QUESTION, max_length=store.MAX_QUESTION)
    email: str = Field(max_length=store.MAX_EMAIL, description="where the answer goes; "
                       "never shown publicly")
    asker_type: Literal["patient", "family", "clinician", "researcher", "other"]
    disease: str | None = Field(default=None, max_length=store.MAX_DISEASE_ID,
                                description="any identifier of the disease, optional")
    consent_publish: bool = Field(default=False, description="may a de-identified version "
                                  "be published with the answer")


class QuestionReceived(BaseModel):
    """The acknowledgement of a question."""

    reference: str
    disease: str | None
    message: str


_RETRY = {"Retry-After": {"description": "seconds until a question is accepted again",
                          "schema": {"type": "integer"}}}
SUBMIT_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    413: {"model": ErrorBody, "description": "Body too large"},
    429: {"model": ErrorBody, "description": "Too many questions from this client or "
          "e-mail address", "headers": _RETRY},
    503: {"model": ErrorBody, "description": "The user database is unavailable"},
}
QUESTIONS_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    301: {"description": "Another identifier of the disease: moved to its primary id"},
    410: {"model": ErrorBody, "description": "A retired identifier"},
    503: {"model": ErrorBody, "description": "The user database is unavailable"},
}


@api.post("/questions", status_code=201, response_model=QuestionReceived,
          responses=SUBMIT_RESPONSES)
async def submit_question(request: Request, body: QuestionRequest) -> QuestionReceived:
    """Send a question; the answer comes by e-mail. Rate-limited per address and client."""
    userdata = _require_userdata(request)
    try:
        disease = _resolve_disease(request, body.disease, None)
        inquiry = await run_in_threadpool(_submit, request, userdata, body.question, body.email,
                                          body.asker_type, disease, body.consent_publish)
    except store.InquiryError as exc:
        raise HTTPException(422, str(exc)) from exc
    except FormProblem as exc:
        raise HTTPException(exc.status, str(exc), headers=exc.headers or None) from exc
    return QuestionReceived(reference=inquiry.reference, disease=disease,
                            message="Thank you. A specialist will answer by e-mail.")


@api.get("/diseases/{identifier:path}/questions", response_model=list[PublishedAnswer],
         responses=QUESTIONS_RESPONSES)
def disease_questions(request: Request, identifier: str) -> Response | list[PublishedAnswer]:
    """The published questions and answers of a disease (de-identified), newest first."""
    found = find_disease(snapshot_of(request), identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/api/v1/diseases/{found.canonical}/questions",
                                status_code=301)
    userdata = _require_userdata(request)
    with userdata.engine().connect() as conn:
        published = store.published_for_disease(
            conn, snapshot_of(request).kb.identifiers_of(found.id))
    return [PublishedAnswer(question=p.question, answer=p.answer,
                            published=p.published_at.date().isoformat(), disease=p.disease_id)
            for p in published]


# -- the form --

class FormProblem(Exception):
    """A field the person has to correct; re-show the form with the message."""

    def __init__(self, message: str, status: int = 422,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


@pages.get("/ask", response_class=HTMLResponse)
def ask_form(request: Request,
             disease: Annotated[str, Query(max_length=200)] = "") -> Response:
    """The general form; ?disease=ID starts it for one disease."""
    chosen = _disease_choice(request, disease[:store.MAX_DISEASE_ID]) if disease else None
    return _form_page(request, {"disease_id": chosen[0] if chosen else "",
                                "disease_name": chosen[1] if chosen else ""})


@pages.get("/diseases/{identifier:path}/ask", response_class=HTMLResponse)
def ask_about_disease(request: Request, identifier: str) -> Response:
    """The form for one disease (any of its identifiers redirects to the primary one)."""
    found = find_disease(snapshot_of(request), identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/diseases/{found.canonical}/ask", status_code=301)
    return _form_page(request, {"disease_id": found.id, "disease_name": found.name})


@pages.post("/ask", response_class=HTMLResponse)
async def ask_submit(request: Request) -> Response:
    """Take a submitted form: stored and redirected to the acknowledgement, or re-shown."""
    fields: dict[str, str] = {}
    try:
        _check_origin(request, _require_userdata(request).settings)
        fields = await _form_fields(request)
        if fields.get("website"):  # the honeypot: people never see this field
            raise FormProblem("This form could not be accepted.", 400)
        userdata = _require_userdata(request)
        disease = _resolve_disease(request, fields.get("disease"), fields.get("disease_name"))
        asker = fields.get("asker_type", "")
        if asker not in ASKER_TYPES:
            raise FormProblem("Please say who is asking.")
        inquiry = await run_in_threadpool(
            _submit, request, userdata, fields.get("question", ""), fields.get("email", ""),
            asker, disease, fields.get("consent") == "yes")
    except (FormProblem, store.InquiryError) as exc:
        status = exc.status if isinstance(exc, FormProblem) else 422
        headers = exc.headers if isinstance(exc, FormProblem) else {}
        return _form_page(request, {**fields, "error": _plain(str(exc))}, status, headers)
    target = f"/ask/received?ref={inquiry.reference}"
    if disease:
        target += f"&disease={quote(disease, safe=':')}"
    return RedirectResponse(target, status_code=303, headers=NO_STORE)


_REFERENCE = re.compile(r"^Q-\d{4}-[A-Z0-9]{8}$")


@pages.get("/ask/received", response_class=HTMLResponse)
def ask_received(request: Request, ref: Annotated[str, Query(max_length=40)] = "",
                 disease: Annotated[str, Query(max_length=200)] = "") -> Response:
    """The acknowledgement with the reference (it shows nothing else of the question)."""
    if not _REFERENCE.match(ref):
        raise HTTPException(404, "There is no question with this reference.")
    chosen = _disease_choice(request, disease[:store.MAX_DISEASE_ID]) if disease else None
    html = render(request, "ask_done.html", {"reference": ref, "disease": chosen})
    return HTMLResponse(html, headers=NO_STORE)


def _form_page(request: Request, values: dict[str, str], status: int = 200,
               headers: dict[str, str] | None = None) -> HTMLResponse:
    html = render(request, "ask.html", {
        "values": values, "asker_labels": ASKER_LABELS, "not_advice": NOT_ADVICE,
        "max_question": store.MAX_QUESTION, "max_email": store.MAX_EMAIL})
    return HTMLResponse(html, status_code=status, headers={**NO_STORE, **(headers or {})})


def _plain(message: str) -> str:
    # Store messages name the field first ("email: ..."); people read a sentence.
    field, sep, rest = message.partition(": ")
    return f"{rest[0].upper()}{rest[1:]}." if sep and field.isidentifier() and rest else message


def _check_origin(request: Request, settings: Settings) -> None:
    origin = request.headers.get("origin")
    source = origin if origin is not None else request.headers.get("referer")
    if source is None:
        return  # not a browser, or one that sends neither: nothing to forge
    netloc = urlsplit(source).netloc.lower()
    allowed = {request.headers.get("host", "").lower(),
               urlsplit(settings.public_base_url).netloc.lower()}
    if source == "null" or netloc not in allowed:
        raise FormProblem("This form was sent from another site and was not accepted.", 403)


async def _form_fields(request: Request) -> dict[str, str]:
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind != "application/x-www-form-urlencoded":
        raise FormProblem("Send the form as application/x-www-form-urlencoded.", 415)
    body = b""
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise FormProblem("The form is too large; the question is at most "
                              f"{store.MAX_QUESTION} characters.", 413)
    try:
        parsed = parse_qs(body.decode("utf-8"), keep_blank_values=True, max_num_fields=20,
                          strict_parsing=False)
    except (UnicodeDecodeError, ValueError) as exc:
        raise FormProblem("The form could not be read.", 400) from exc
    return {key: values[0] for key, values in parsed.items() if values}


def _disease_choice(request: Request, identifier: str) -> tuple[str, str] | None:
    """(primary id, name) of a disease named by any identifier, or None."""
    kb = snapshot_of(request).kb
    resolution = kb.resolve_identifier(identifier.strip())
    if resolution is None or resolution.disease_id is None:
        return None
    disease = kb.disease(resolution.disease_id)
    return (disease.id, disease.name) if disease is not None else None


def _resolve_disease(request: Request, identifier: str | None, name: str | None) -> str | None:
    """The primary id of the disease the person chose, None if none; FormProblem if unknown."""
    identifier, name = (identifier or "").strip(), (name or "").strip()
    if not identifier and not name:
        return None
    wanted = identifier or name
    if len(wanted) > 200:
        raise store.InquiryError("disease: the disease name is too long")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in wanted):
        raise store.InquiryError("disease: the disease name contains control characters")
    chosen = _disease_choice(request, wanted) if len(wanted) <= store.MAX_DISEASE_ID else None
    if chosen is not None:
        return chosen[0]
    if not identifier:
        hits = snapshot_of(request).index.search(name, kind="disease", limit=3)
        exact = [h for h in hits if h.label.casefold() == name.casefold()]
        if exact:
            return exact[0].curie
        if hits:
            names = "; ".join(h.label for h in hits)
            raise store.InquiryError(f"disease: no disease is called “{name}”; did you mean "
                                     f"{names}? Pick one from the list, or leave it empty")
    raise store.InquiryError(f"disease: no disease is known as “{wanted}”; pick one from "
                             "the list, or leave it empty")


def _submit(request: Request, userdata: UserData, question: str, email: str, asker: str,
            disease: str | None, consent: bool) -> store.Inquiry:
    text = store.validate_question(question)
    address = store.normalise_email(email)
    engine = userdata.engine()  # unavailable: 503 before any rate-limit token is spent
    client = security.client_address(request.scope, userdata.limits)
    for limiter, key, what in ((userdata.by_address, client, "from your network"),
                               (userdata.by_email, address, "for this e-mail address")):
        wait = limiter.check(key) if limiter is not None else None
        if wait is not None:
            minutes = max(1, round(wait / 60))
            raise _TooMany(f"Too many questions {what}; please try again in about "
                           f"{minutes} minute{'s' if minutes != 1 else ''}.", wait)
    with engine.begin() as conn:
        return store.submit(conn, question=text, email=address, asker_type=asker,
                            disease_id=disease, consent_publish=consent)


class _TooMany(FormProblem):
    def __init__(self, message: str, wait: float) -> None:
        super().__init__(message, 429, {"Retry-After": str(max(1, round(wait)))})


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
