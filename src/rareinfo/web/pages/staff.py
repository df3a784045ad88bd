"""The specialists' console under /staff: sign-in, the queue, answering and publishing.

Every page needs a signed-in session (``inquiries.auth``); without one a request is sent
to the sign-in page, and nothing of a question is shown. Every POST carries the session's
CSRF token (the sign-in form carries a double-submit token instead, as there is no session
yet). The session cookie is HttpOnly, SameSite=Strict, limited to /staff, and Secure when
the request came over HTTPS (directly or through a trusted proxy). Every change goes
through ``inquiries.store``, which writes the audit log.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.concurrency import run_in_threadpool

from rareinfo.config import Settings
from rareinfo.inquiries import auth, mail, store
from rareinfo.inquiries.deid import MedicalVocabulary, default_vocabulary
from rareinfo.inquiries.deid.medical import vocabulary_of
from rareinfo.inquiries.tables import ASKER_TYPES
from rareinfo.kb.queries import KnowledgeBaseMissing
from rareinfo.service.live import LiveSnapshot
from rareinfo.web import security
from rareinfo.web.deps import LiveDep, MaybeUserDataDep
from rareinfo.web.forms import read_form
from rareinfo.web.pages.answers import answer_html
from rareinfo.web.pages.review import highlighted, review_text
from rareinfo.web.templating import render
from rareinfo.web.userdata import UserData

router = APIRouter(prefix="/staff", include_in_schema=False)

SESSION_COOKIE = "rareinfo_staff"
SIGN_IN_COOKIE = "rareinfo_staff_signin"
COOKIE_PATH = "/staff"
NO_STORE = {"Cache-Control": "no-store", "X-Robots-Tag": "noindex"}
MAX_FORM_BYTES = 128 * 1024
CONFIRMED_WORD = "confirm_word"  # one checkbox per flagged word on the publication form
MAX_FORM_FIELDS = 200  # the publication form carries one field per word to confirm
PAGE_SIZE = 50
AGE_CHOICES = {"": "any age", "1": "older than 1 day", "3": "older than 3 days",
               "7": "older than a week", "30": "older than a month"}
STATUS_CHOICES = {"open": "open (new or claimed)", "new": "new", "claimed": "claimed",
                  "answered": "answered", "closed": "closed", "all": "all"}
# Messages after a successful action, chosen by a fixed key (nothing from the URL is shown).
DONE = {"claimed": "You claimed this question.", "draft": "Draft saved.",
        "sent": "The answer was sent by e-mail.", "closed": "The question is closed.",
        "published": "Published on the disease page.", "unpublished": "Publication withdrawn."}


class SignInRequired(Exception):
    """No live session: the person is sent to sign in and then back to ``next_path``."""

    def __init__(self, next_path: str) -> None:
        super().__init__("sign-in required")
        self.next_path = next_path


async def sign_in_required(request: Request, exc: Exception) -> Response:
    """Redirect to the sign-in page (registered as an exception handler by the app)."""
    target = exc.next_path if isinstance(exc, SignInRequired) else auth.STAFF_HOME
    query = urlencode({"next": auth.safe_next(target)})
    response = RedirectResponse(f"/staff/sign-in?{query}", status_code=303, headers=NO_STORE)
    if request.cookies.get(SESSION_COOKIE):
        response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)
    return response


@dataclass(frozen=True, slots=True)
class Console:
    """A request from a signed-in specialist."""

    userdata: UserData
    session: auth.StaffSession
    live: LiveSnapshot

    @property
    def actor(self) -> str:
        """Who the audit log names: the account's e-mail address."""
        return self.session.account.email

    @property
    def settings(self) -> Settings:
        """The deployment settings."""
        return self.userdata.settings


@dataclass(frozen=True, slots=True)
class Posted:
    """A POST from a signed-in specialist whose CSRF token matched: its form fields."""

    console: Console
    fields: dict[str, str]


def policy(settings: Settings) -> auth.AuthPolicy:
    """The sign-in policy the settings ask for."""
    return auth.AuthPolicy(
        session_lifetime=timedelta(hours=settings.staff_session_hours),
        idle_timeout=timedelta(minutes=settings.staff_idle_minutes),
        account_failures=settings.staff_lockout_failures,
        address_failures=settings.staff_lockout_address_failures,
        lockout=timedelta(minutes=settings.staff_lockout_minutes))


async def staff_userdata(userdata: MaybeUserDataDep) -> UserData:
    """Dependency: the user database; 503 when the console is not enabled on this server."""
    if userdata is None:
        raise HTTPException(503, "The staff console is not enabled on this server.")
    return userdata


StaffDataDep = Annotated[UserData, Depends(staff_userdata)]


_ACTION = re.compile(r"/(?:claim|draft|send|close|publish|unpublish|sign-out)$")


def _here(request: Request) -> str:
    """Where to come back to after signing in: this page, or for a form the page it was on."""
    if request.method not in ("GET", "HEAD"):
        return _ACTION.sub("", request.url.path)
    query = request.url.query
    return request.url.path + (f"?{query}" if query else "")


def _session(request: Request, userdata: UserData, live: LiveSnapshot) -> Console:
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        raise SignInRequired(_here(request))
    with userdata.engine().begin() as conn:
        session = auth.session_for(conn, token, policy(userdata.settings))
    if session is None:
        raise SignInRequired(_here(request))
    return Console(userdata, session, live)


async def signed_in(request: Request, userdata: StaffDataDep, live: LiveDep) -> Console:
    """Dependency: the signed-in specialist, else a redirect to the sign-in page."""
    return await run_in_threadpool(_session, request, userdata, live)


ConsoleDep = Annotated[Console, Depends(signed_in)]


async def posted(request: Request, console: ConsoleDep) -> Posted:
    """Dependency for every console POST: the form, once its CSRF token has matched."""
    fields = await read_form(request, MAX_FORM_BYTES, max_fields=MAX_FORM_FIELDS,
                             multi=frozenset({CONFIRMED_WORD}))
    if not auth.csrf_matches(console.session.csrf_token, fields.get("csrf_token")):
        raise HTTPException(403, "The form's security token is missing or out of date. "
                            "Go back, reload the page and try again.")
    return Posted(console, fields)


PostedDep = Annotated[Posted, Depends(posted)]


def _page(request: Request, template: str, context: dict[str, Any],
          console: Console | None = None, status: int = 200) -> HTMLResponse:
    values = {"staff": console.session.account if console else None,
              "highlighted": highlighted,
              "csrf_token": console.session.csrf_token if console else "", **context}
    return HTMLResponse(render(request, template, values), status_code=status,
                        headers=NO_STORE)


def _redirect(target: str) -> RedirectResponse:
    return RedirectResponse(target, status_code=303, headers=NO_STORE)


# -- signing in and out --

@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_form(request: Request, userdata: StaffDataDep,
                 next: Annotated[str, Query(max_length=2000)] = "") -> Response:
    """The sign-in form (with a fresh double-submit token in a cookie and the form)."""
    return _sign_in_page(request, userdata, auth.safe_next(next), "")


def _sign_in_page(request: Request, userdata: UserData, next_path: str, error: str,
                  email: str = "", status: int = 200) -> HTMLResponse:
    token = secrets.token_urlsafe(32)
    response = _page(request, "staff_sign_in.html", {
        "next": next_path, "error": error, "email": email, "signin_token": token},
        status=status)
    response.set_cookie(SIGN_IN_COOKIE, token, max_age=3600, path=COOKIE_PATH,
                        httponly=True, samesite="strict",
                        secure=security.over_tls(request.scope, userdata.limits))
    return response


@router.post("/sign-in", response_class=HTMLResponse)
async def sign_in(request: Request, userdata: StaffDataDep) -> Response:
    """Check the credentials; a new session (never the one the browser had) on success."""
    fields = await read_form(request, MAX_FORM_BYTES, max_fields=MAX_FORM_FIELDS,
                             multi=frozenset({CONFIRMED_WORD}))
    next_path = auth.safe_next(fields.get("next"))
    email = fields.get("email", "").strip()[:320]
    if not auth.csrf_matches(request.cookies.get(SIGN_IN_COOKIE, ""),
                             fields.get("signin_token")):
        return _sign_in_page(request, userdata, next_path, "The sign-in form had expired; "
                             "please try again.", email, status=403)
    address = security.client_address(request.scope, userdata.limits)
    old_token = request.cookies.get(SESSION_COOKIE)
    outcome = await run_in_threadpool(_sign_in, userdata, email, fields.get("password", ""),
                                      address, old_token)
    if outcome.token is None or outcome.session is None:
        if outcome.locked_until is not None:
            minutes = max(1, round((outcome.locked_until - auth.utcnow()).total_seconds() / 60))
            message = (f"Too many failed sign-ins. Try again in {minutes} minute"
                       f"{'s' if minutes != 1 else ''}.")
            return _sign_in_page(request, userdata, next_path, message, email, status=429)
        return _sign_in_page(request, userdata, next_path,
                             "Wrong e-mail address or password.", email, status=401)
    response = _redirect(next_path)
    # A browser-session cookie (no Max-Age): closing the browser forgets it; the server ends
    # the session anyway after the idle timeout or the lifetime.
    response.set_cookie(SESSION_COOKIE, outcome.token,
                        path=COOKIE_PATH, httponly=True, samesite="strict",
                        secure=security.over_tls(request.scope, userdata.limits))
    response.delete_cookie(SIGN_IN_COOKIE, path=COOKIE_PATH)
    return response


def _sign_in(userdata: UserData, email: str, password: str, address: str,
             old_token: str | None) -> auth.SignInOutcome:
    with userdata.engine().begin() as conn:
        outcome = auth.sign_in(conn, email, password, address, policy(userdata.settings))
        if outcome.session is not None:
            auth.sign_out(conn, old_token)  # whatever session the browser had ends here
            store.record_event(conn, outcome.session.account.email, "signed_in", None, "")
    return outcome


@router.post("/sign-out")
def sign_out(request: Request, form: PostedDep) -> Response:
    """End the session and forget the cookie."""
    with form.console.userdata.engine().begin() as conn:
        auth.sign_out(conn, request.cookies.get(SESSION_COOKIE))
        store.record_event(conn, form.console.actor, "signed_out", None, "")
    response = _redirect("/staff/sign-in")
    response.delete_cookie(SESSION_COOKIE, path=COOKIE_PATH)
    return response


# -- the queue --

@dataclass(frozen=True, slots=True)
class QueueChoice:
    """The queue filters as chosen in the form."""

    status: str = "open"
    disease: str = ""
    asker: str = ""
    age: str = ""
    mine: bool = False
    page: int = 1

    def query(self, page: int) -> str:
        """The query string of this choice, on another page."""
        values = {"status": self.status, "disease": self.disease, "asker": self.asker,
                  "age": self.age, "mine": "1" if self.mine else "",
                  "page": str(page) if page > 1 else ""}
        return urlencode({k: v for k, v in values.items() if v})


@router.get("", response_class=HTMLResponse)
def queue(
    request: Request, console: ConsoleDep,
    status: Annotated[str, Query(max_length=20)] = "open",
    disease: Annotated[str, Query(max_length=80)] = "",
    asker: Annotated[str, Query(max_length=20)] = "",
    age: Annotated[str, Query(max_length=5)] = "",
    mine: Annotated[str, Query(max_length=5)] = "",
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    """Questions waiting for an answer, oldest first, with filters."""
    if status not in STATUS_CHOICES:
        raise HTTPException(422, f"status: one of {', '.join(STATUS_CHOICES)}")
    if asker and asker not in ASKER_TYPES:
        raise HTTPException(422, f"asker: one of {', '.join(ASKER_TYPES)}")
    if age not in AGE_CHOICES:
        raise HTTPException(422, f"age: one of {', '.join(k for k in AGE_CHOICES if k)}")
    choice = QueueChoice(status, disease.strip(), asker, age, mine == "1", page)
    statuses: tuple[str, ...] | None = {"open": ("new", "claimed"), "all": None}.get(
        status, (status,))
    flt = store.QueueFilter(
        statuses=statuses, disease_id=choice.disease or None, asker_type=asker or None,
        min_age_days=int(age) if age else None,
        claimed_by=console.actor if choice.mine else None,
        limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
    with console.userdata.engine().connect() as conn:
        items = store.list_inquiries(conn, flt)
        total = store.count_inquiries(conn, flt)
    now = auth.utcnow()
    return _page(request, "staff_queue.html", {
        "items": items, "total": total, "choice": choice, "now": now,
        "statuses": STATUS_CHOICES, "askers": ASKER_TYPES, "ages": AGE_CHOICES,
        "page_size": PAGE_SIZE,
    }, console)


# -- one question --

def _inquiry_or_404(conn: Any, inquiry_id: int) -> store.Inquiry:
    found = store.get(conn, inquiry_id)
    if found is None:
        raise HTTPException(404, "There is no question with this number.")
    return found


def _disease_name(live: LiveSnapshot, disease_id: str | None) -> str | None:
    """The disease's name for the page, when the knowledge base can say (else None)."""
    if not disease_id:
        return None
    try:
        found = live.get().kb.disease(disease_id)
    except (KnowledgeBaseMissing, SQLAlchemyError):
        return None
    return found.name if found is not None else None


def _question_page(request: Request, console: Console, inquiry_id: int, *,
                   error: str = "", done: str = "", draft: str | None = None,
                   status: int = 200) -> HTMLResponse:
    with console.userdata.engine().connect() as conn:
        found = _inquiry_or_404(conn, inquiry_id)
        events = store.audit_events(conn, inquiry_id=found.id, limit=100)
        public = store.published_question(conn, found.id)
    return _page(request, "staff_question.html", {
        "q": found, "events": events, "public": public,
        "disease_name": _disease_name(console.live, found.disease_id),
        "public_answer": answer_html(public.answer) if public else None,
        "draft": found.answer or "" if draft is None else draft,
        "mine": found.claimed_by == console.actor, "error": error,
        "done": DONE.get(done, ""), "base_url": console.settings.public_base_url.rstrip("/"),
        "can_publish": _publishable(found) is None, "why_not_publish": _publishable(found),
    }, console, status)


def _publishable(found: store.Inquiry) -> str | None:
    if not found.consent_publish:
        return "The asker did not consent to publication."
    if found.purged_at is not None:
        return "The asker's data was deleted."
    if found.status not in ("answered", "closed") or not found.answer:
        return "Publish after the answer has been sent."
    return None


@router.get("/inquiries/{inquiry_id}", response_class=HTMLResponse)
def question(request: Request, console: ConsoleDep, inquiry_id: int,
             done: Annotated[str, Query(max_length=20)] = "") -> Response:
    """One question: its text, contact, draft answer, actions and history."""
    return _question_page(request, console, inquiry_id, done=done)


def _act(request: Request, form: Posted, inquiry_id: int, done: str, action: Any,
         status: int = 409) -> Response:
    """Run a store action in one transaction; re-show the page with the refusal if any."""
    console = form.console
    try:
        with console.userdata.engine().begin() as conn:
            _inquiry_or_404(conn, inquiry_id)
            action(conn)
    except store.InquiryError as exc:
        return _question_page(request, console, inquiry_id, error=str(exc),
                              draft=form.fields.get("answer"), status=status)
    return _redirect(f"/staff/inquiries/{inquiry_id}?done={done}")


@router.post("/inquiries/{inquiry_id}/claim")
def claim(request: Request, form: PostedDep, inquiry_id: int) -> Response:
    """Take the question (from the queue or from a colleague)."""
    return _act(request, form, inquiry_id, "claimed",
                lambda conn: store.claim(conn, inquiry_id, form.console.actor))


def _require_mine(conn: Any, inquiry_id: int, actor: str) -> store.Inquiry:
    found = _inquiry_or_404(conn, inquiry_id)
    if found.status == "claimed" and found.claimed_by != actor:
        raise store.InquiryError(f"{found.claimed_by} has claimed this question; claim it "
                                 "yourself first to take it over.")
    return found


@router.post("/inquiries/{inquiry_id}/draft")
def save_draft(request: Request, form: PostedDep, inquiry_id: int) -> Response:
    """Keep the answer being written."""
    actor = form.console.actor

    def action(conn: Any) -> None:
        _require_mine(conn, inquiry_id, actor)
        store.save_draft(conn, inquiry_id, actor, form.fields.get("answer", ""))

    return _act(request, form, inquiry_id, "draft", action, status=422)


@router.post("/inquiries/{inquiry_id}/send")
def send(request: Request, form: PostedDep, inquiry_id: int) -> Response:
    """Save the answer, e-mail it, then mark the question answered (only if it went out)."""
    console, actor = form.console, form.console.actor
    answer = form.fields.get("answer", "")
    try:
        with console.userdata.engine().begin() as conn:
            _require_mine(conn, inquiry_id, actor)
            found = store.save_draft(conn, inquiry_id, actor, answer)
            if not (found.answer or "").strip():
                raise store.InquiryError("Write the answer before sending it.")
    except store.InquiryError as exc:
        return _question_page(request, console, inquiry_id, error=str(exc), draft=answer,
                              status=422)
    try:
        mail.send_answer(console.settings, found, found.answer or "")
    except mail.MailError as exc:
        with console.userdata.engine().begin() as conn:
            store.record_event(conn, actor, "send_failed", inquiry_id, str(exc)[:500])
        return _question_page(request, console, inquiry_id, status=502,
                              error=f"The answer was NOT sent: {exc}. Your draft is saved; "
                              "try again later.")
    return _act(request, form, inquiry_id, "sent",
                lambda conn: store.mark_answered(conn, inquiry_id, actor, found.answer or ""))


@router.post("/inquiries/{inquiry_id}/close")
def close(request: Request, form: PostedDep, inquiry_id: int) -> Response:
    """Close the question, with an optional reason for the audit log."""
    reason = " ".join(form.fields.get("reason", "").split())[:500]
    return _act(request, form, inquiry_id, "closed",
                lambda conn: store.close(conn, inquiry_id, form.console.actor, reason))


@router.post("/inquiries/{inquiry_id}/unpublish")
def unpublish(request: Request, form: PostedDep, inquiry_id: int) -> Response:
    """Withdraw the public version from the disease page."""
    return _act(request, form, inquiry_id, "unpublished",
                lambda conn: store.unpublish(conn, inquiry_id, form.console.actor))


# -- publication review --

def _vocabulary(console: Console) -> MedicalVocabulary:
    """The serving snapshot's medical names; HPO's by default when none is loaded."""
    try:
        return vocabulary_of(console.live.get().kb)
    except (KnowledgeBaseMissing, SQLAlchemyError):
        return default_vocabulary()


def _review_page(request: Request, console: Console, inquiry_id: int,
                 question_text: str | None = None, answer_text: str | None = None,
                 error: str = "", status: int = 200,
                 confirmed: set[str] | None = None) -> HTMLResponse:
    base = console.settings.public_base_url.rstrip("/")
    with console.userdata.engine().connect() as conn:
        found = _inquiry_or_404(conn, inquiry_id)
    reason = _publishable(found)
    if reason is not None:
        return _question_page(request, console, inquiry_id, error=reason, status=409)
    vocabulary = _vocabulary(console)
    question_review = review_text(found.question or "" if question_text is None
                                  else question_text, base, vocabulary)
    answer_review = review_text(found.answer or "" if answer_text is None else answer_text,
                                base, vocabulary)
    return _page(request, "staff_publish.html", {
        "q": found, "question": question_review, "answer": answer_review, "error": error,
        "answer_preview": answer_html(answer_review.text),
        "flagged": list(dict.fromkeys((*question_review.flagged, *answer_review.flagged))),
        "confirmed": confirmed or set(), "confirm_name": CONFIRMED_WORD,
    }, console, status)


@router.get("/inquiries/{inquiry_id}/publish", response_class=HTMLResponse)
def publish_review(request: Request, console: ConsoleDep, inquiry_id: int) -> Response:
    """The de-identified question and answer, redactions highlighted, editable."""
    return _review_page(request, console, inquiry_id)


@router.post("/inquiries/{inquiry_id}/publish")
def publish(request: Request, form: PostedDep, inquiry_id: int) -> Response:
    """Publish the reviewed texts; if they still look identifying, ask for another look."""
    console = form.console
    question_text = form.fields.get("question", "").strip()
    answer_text = form.fields.get("answer", "").strip()
    base = console.settings.public_base_url.rstrip("/")
    if form.fields.get("confirm") != "yes":
        vocabulary = _vocabulary(console)
        flagged = review_text(question_text, base, vocabulary).redactions + review_text(
            answer_text, base, vocabulary).redactions
        if flagged:
            return _review_page(
                request, console, inquiry_id, question_text, answer_text, status=422,
                error=f"{flagged} more identifying detail{'s' if flagged != 1 else ''} "
                "found in the edited texts (highlighted below). Review them, or tick "
                "“publish as written” if they are not identifying.")
    vocabulary = _vocabulary(console)
    confirmed = set(form.fields.get(CONFIRMED_WORD, "").split("\n"))
    to_confirm = {w for text in (question_text, answer_text)
                  for w in review_text(text, base, vocabulary).flagged}
    if to_confirm - confirmed:
        left = len(to_confirm - confirmed)
        return _review_page(
            request, console, inquiry_id, question_text, answer_text, status=422,
            confirmed=confirmed,
            error=f"{left} word{'s' if left != 1 else ''} could not be classified as medical "
            "or ordinary (marked below). Confirm each one is not identifying, or edit it out.")
    try:
        with console.userdata.engine().begin() as conn:
            _inquiry_or_404(conn, inquiry_id)
            store.publish(conn, inquiry_id, console.actor, question_text, answer_text)
    except store.InquiryError as exc:
        return _review_page(request, console, inquiry_id, question_text, answer_text,
                            error=str(exc), status=409)
    return _redirect(f"/staff/inquiries/{inquiry_id}?done=published")


# -- audit log --

@router.get("/audit", response_class=HTMLResponse)
def audit(request: Request, console: ConsoleDep,
          page: Annotated[int, Query(ge=1, le=10_000)] = 1) -> Response:
    """Who did what, when: newest first."""
    with console.userdata.engine().connect() as conn:
        events = store.audit_events(conn, limit=PAGE_SIZE + 1, offset=(page - 1) * PAGE_SIZE)
        references = store.references_of(conn, {e.inquiry_id for e in events
                                                 if e.inquiry_id is not None})
    return _page(request, "staff_audit.html", {
        "events": events[:PAGE_SIZE], "more": len(events) > PAGE_SIZE, "page": page,
        "references": references}, console)
