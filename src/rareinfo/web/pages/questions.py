"""The public ask form: asking in general or about one disease, and the acknowledgement.

Cross-site request forgery: the form is anonymous (no cookie, no session), so there is
nothing a forged request could act as; it is still refused when the browser says it comes
from another site (``Origin``, else ``Referer``). See
decisions/0007-user-data-and-ask-form.md.
"""

from __future__ import annotations

import re
from typing import Annotated
from urllib.parse import quote, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from rareinfo.config import Settings
from rareinfo.inquiries import store
from rareinfo.inquiries.tables import ASKER_TYPES
from rareinfo.web import security
from rareinfo.web.asking import FormProblem, disease_choice, resolve_disease, submit
from rareinfo.web.deps import LiveDep, SettingsDep, SnapshotDep, UserDataDep
from rareinfo.web.forms import FormUnreadable, read_form
from rareinfo.web.lookup import Moved, find_disease
from rareinfo.web.templating import render

router = APIRouter(include_in_schema=False)
# Sub-paths of /diseases/{identifier:path}: registered before its catch-all.
disease_subpaths = APIRouter(include_in_schema=False)

MAX_FORM_BYTES = 64 * 1024
ASKER_LABELS = {"patient": "I have the condition", "family": "A family member or carer",
                "clinician": "A clinician", "researcher": "A researcher", "other": "Other"}
NOT_ADVICE = ("We answer with general information from trusted sources, not medical advice: "
              "we cannot diagnose or recommend treatment for a person. In an emergency call "
              "your local emergency number.")
NO_STORE = {"Cache-Control": "no-store"}
_REFERENCE = re.compile(r"^Q-\d{4}-[A-Z0-9]{8}$")


@router.get("/ask", response_class=HTMLResponse)
def ask_form(request: Request, live: LiveDep,
             disease: Annotated[str, Query(max_length=200)] = "") -> Response:
    """The general form; ?disease=ID starts it for one disease."""
    chosen = (disease_choice(live.get(), disease[:store.MAX_DISEASE_ID])
              if disease else None)
    return _form_page(request, {"disease_id": chosen[0] if chosen else "",
                                "disease_name": chosen[1] if chosen else ""})


@disease_subpaths.get("/diseases/{identifier:path}/ask", response_class=HTMLResponse)
def ask_about_disease(request: Request, snapshot: SnapshotDep, identifier: str) -> Response:
    """The form for one disease (any of its identifiers redirects to the primary one)."""
    found = find_disease(snapshot, identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/diseases/{found.canonical}/ask", status_code=301)
    return _form_page(request, {"disease_id": found.id, "disease_name": found.name})


@router.post("/ask", response_class=HTMLResponse)
async def ask_submit(request: Request, userdata: UserDataDep, settings: SettingsDep,
                     live: LiveDep) -> Response:
    """Take a submitted form: stored and redirected to the acknowledgement, or re-shown."""
    fields: dict[str, str] = {}
    try:
        _check_origin(request, settings)
        fields = await read_form(request, MAX_FORM_BYTES, too_large=(
            f"The form is too large; the question is at most {store.MAX_QUESTION} characters."))
        if fields.get("website"):  # the honeypot: people never see this field
            raise FormProblem("This form could not be accepted.", 400)
        disease = resolve_disease(live, fields.get("disease"), fields.get("disease_name"))
        asker = fields.get("asker_type", "")
        if asker not in ASKER_TYPES:
            raise FormProblem("Please say who is asking.")
        client = security.client_address(request.scope, userdata.limits)
        inquiry = await run_in_threadpool(
            submit, userdata, client, fields.get("question", ""), fields.get("email", ""),
            asker, disease, fields.get("consent") == "yes")
    except FormUnreadable as exc:
        return _form_page(request, {**fields, "error": str(exc.detail)}, exc.status_code)
    except (FormProblem, store.InquiryError) as exc:
        status = exc.status if isinstance(exc, FormProblem) else 422
        headers = exc.headers if isinstance(exc, FormProblem) else {}
        return _form_page(request, {**fields, "error": _plain(str(exc))}, status, headers)
    target = f"/ask/received?ref={inquiry.reference}"
    if disease:
        target += f"&disease={quote(disease, safe=':')}"
    return RedirectResponse(target, status_code=303, headers=NO_STORE)


@router.get("/ask/received", response_class=HTMLResponse)
def ask_received(request: Request, live: LiveDep,
                 ref: Annotated[str, Query(max_length=40)] = "",
                 disease: Annotated[str, Query(max_length=200)] = "") -> Response:
    """The acknowledgement with the reference (it shows nothing else of the question)."""
    if not _REFERENCE.match(ref):
        raise HTTPException(404, "There is no question with this reference.")
    chosen = (disease_choice(live.get(), disease[:store.MAX_DISEASE_ID])
              if disease else None)
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
