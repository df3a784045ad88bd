"""Questions over the JSON API: sending one, and the published answers of a disease.

The API accepts only a JSON body, which a foreign page cannot send without a CORS
preflight, and CORS is not enabled (decisions/0007-user-data-and-ask-form.md).
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, HTTPException, Path, Request
from fastapi.responses import RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from rareinfo.inquiries import store
from rareinfo.web import security
from rareinfo.web.api.models.questions import (
    PublishedAnswer,
    QuestionReceived,
    QuestionRequest,
    published_answer_of,
)
from rareinfo.web.api.responses import ERRORS, UNAVAILABLE_USERDATA
from rareinfo.web.asking import FormProblem, resolve_disease, submit
from rareinfo.web.deps import LiveDep, SnapshotDep, UserDataDep
from rareinfo.web.errors import ErrorBody
from rareinfo.web.lookup import Moved, find_disease

router = APIRouter(prefix="/api/v1", tags=["questions"])
# Sub-paths of /api/v1/diseases/{identifier:path}: registered before its catch-all.
disease_subpaths = APIRouter(prefix="/api/v1", tags=["questions"])


_RETRY = {"Retry-After": {"description": "seconds until a question is accepted again",
                          "schema": {"type": "integer"}}}
SUBMIT_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    413: {"model": ErrorBody, "description": "Body too large"},
    429: {"model": ErrorBody, "description": "Too many questions from this client or "
          "e-mail address", "headers": _RETRY},
    503: UNAVAILABLE_USERDATA,
}
QUESTIONS_RESPONSES: dict[int | str, dict[str, Any]] = {
    **ERRORS,
    301: {"description": "Another identifier of the disease: moved to its primary id"},
    410: {"model": ErrorBody, "description": "A retired identifier"},
    503: UNAVAILABLE_USERDATA,
}


@router.post("/questions", status_code=201, response_model=QuestionReceived,
             responses=SUBMIT_RESPONSES)
async def submit_question(request: Request, userdata: UserDataDep, live: LiveDep,
                          body: QuestionRequest) -> QuestionReceived:
    """Send a question; the answer comes by e-mail. Rate-limited per address and client."""
    client = security.client_address(request.scope, userdata.limits)
    try:
        disease = resolve_disease(live, body.disease, None)
        inquiry = await run_in_threadpool(submit, userdata, client, body.question, body.email,
                                          body.asker_type, disease, body.consent_publish)
    except store.InquiryError as exc:
        raise HTTPException(422, str(exc)) from exc
    except FormProblem as exc:
        raise HTTPException(exc.status, str(exc), headers=exc.headers or None) from exc
    return QuestionReceived(reference=inquiry.reference, disease=disease,
                            message="Thank you. A specialist will answer by e-mail.")


@disease_subpaths.get("/diseases/{identifier:path}/questions",
                      response_model=list[PublishedAnswer], responses=QUESTIONS_RESPONSES)
def disease_questions(snapshot: SnapshotDep, userdata: UserDataDep,
                      identifier: Annotated[str, Path(
                          description="Any identifier of the disease; any but the primary "
                                      "one answers 301 to the primary one's questions",
                          examples=["MONDO:0007947"])],
                      ) -> Response | list[PublishedAnswer]:
    """The published questions and answers of a disease (de-identified), newest first."""
    found = find_disease(snapshot, identifier)
    if isinstance(found, Moved):
        return RedirectResponse(f"/api/v1/diseases/{found.canonical}/questions",
                                status_code=301)
    with userdata.engine().connect() as conn:
        published = store.published_for_disease(conn, snapshot.kb.identifiers_of(found.id))
    return [published_answer_of(p) for p in published]
