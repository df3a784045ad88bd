"""Questions: what a client sends, the acknowledgement, and published answers."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from rareinfo.inquiries import store
from rareinfo.inquiries.store import PublishedQuestion


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


class PublishedAnswer(BaseModel):
    """A published question (de-identified) and its answer."""

    question: str
    answer: str
    published: str = Field(description="date of publication (YYYY-MM-DD)")
    disease: str | None


class QuestionReceived(BaseModel):
    """The acknowledgement of a question."""

    reference: str
    disease: str | None
    message: str


def published_answer_of(p: PublishedQuestion) -> PublishedAnswer:
    """A published question and answer."""
    return PublishedAnswer(question=p.question, answer=p.answer,
                           published=p.published_at.date().isoformat(), disease=p.disease_id)
