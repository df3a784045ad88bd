"""Taking a question, shared by the ask form and the JSON API.

Contact details never leave here and ``inquiries.store``: only the reference goes back to
the asker. See decisions/0007-user-data-and-ask-form.md.
"""

from __future__ import annotations

import unicodedata

from rareinfo.inquiries import store
from rareinfo.service.live import LiveSnapshot, Snapshot
from rareinfo.web.userdata import UserData


class FormProblem(Exception):
    """A field the person has to correct; re-show the form with the message."""

    def __init__(self, message: str, status: int = 422,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.headers = headers or {}


class TooManyQuestions(FormProblem):
    """A rate limit on asking was reached: 429 with the seconds to wait."""

    def __init__(self, message: str, wait: float) -> None:
        super().__init__(message, 429, {"Retry-After": str(max(1, round(wait)))})


def disease_choice(snapshot: Snapshot, identifier: str) -> tuple[str, str] | None:
    """(primary id, name) of a disease named by any identifier, or None."""
    kb = snapshot.kb
    resolution = kb.resolve_identifier(identifier.strip())
    if resolution is None or resolution.disease_id is None:
        return None
    disease = kb.disease(resolution.disease_id)
    return (disease.id, disease.name) if disease is not None else None


def resolve_disease(live: LiveSnapshot, identifier: str | None,
                    name: str | None) -> str | None:
    """The primary id of the disease the person chose, None if none; InquiryError if unknown.

    The knowledge base is opened only when a disease was given: a question without one is
    taken even while the knowledge base is unavailable.
    """
    identifier, name = (identifier or "").strip(), (name or "").strip()
    if not identifier and not name:
        return None
    wanted = identifier or name
    if len(wanted) > 200:
        raise store.InquiryError("disease: the disease name is too long")
    if any(unicodedata.category(ch) in ("Cc", "Cs", "Co", "Cn") for ch in wanted):
        raise store.InquiryError("disease: the disease name contains control characters")
    snapshot = live.get()
    chosen = disease_choice(snapshot, wanted) if len(wanted) <= store.MAX_DISEASE_ID else None
    if chosen is not None:
        return chosen[0]
    if not identifier:
        hits = snapshot.index.search(name, kind="disease", limit=3)
        exact = [h for h in hits if h.label.casefold() == name.casefold()]
        if exact:
            return exact[0].curie
        if hits:
            names = "; ".join(h.label for h in hits)
            raise store.InquiryError(f"disease: no disease is called “{name}”; did you mean "
                                     f"{names}? Pick one from the list, or leave it empty")
    raise store.InquiryError(f"disease: no disease is known as “{wanted}”; pick one from "
                             "the list, or leave it empty")


def submit(userdata: UserData, client: str, question: str, email: str, asker: str,
           disease: str | None, consent: bool) -> store.Inquiry:
    """Store a question after the rate limits per client address and per e-mail address."""
    text = store.validate_question(question)
    address = store.normalise_email(email)
    engine = userdata.engine()  # unavailable: 503 before any rate-limit token is spent
    for limiter, key, what in ((userdata.by_address, client, "from your network"),
                               (userdata.by_email, address, "for this e-mail address")):
        wait = limiter.check(key) if limiter is not None else None
        if wait is not None:
            minutes = max(1, round(wait / 60))
            raise TooManyQuestions(f"Too many questions {what}; please try again in about "
                                   f"{minutes} minute{'s' if minutes != 1 else ''}.", wait)
    with engine.begin() as conn:
        return store.submit(conn, question=text, email=address, asker_type=asker,
                            disease_id=disease, consent_publish=consent)
