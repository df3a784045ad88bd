"""The question store on SQLite and on PostgreSQL: schema, workflow, publication, purge."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, inspect, select

from rareinfo.inquiries import db, store
from rareinfo.inquiries.tables import VERSION_TABLE, audit_log, inquiry, metadata

pytestmark = pytest.mark.integration

# The staff console declares its tables on the same metadata (migration 0002).
importlib.import_module("rareinfo.inquiries.staff_tables")


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        found = f"sqlite:///{tmp_path / 'sub' / 'userdata.sqlite'}"
    else:
        found = request.getfixturevalue("pg_url")
    db.upgrade(found)
    yield found
    db.dispose(found)


@pytest.fixture
def engine(url: str) -> Engine:
    return db.engine(url)


def _ask(engine: Engine, *, email: str = "Parent@Example.org", disease: str | None = "OMIM:1",
         consent: bool = True, asker: str = "family", when: datetime | None = None
         ) -> store.Inquiry:
    with engine.begin() as conn:
        return store.submit(conn, question="Is it inherited? My son Tom Baker (5) has it.",
                            email=email, asker_type=asker, disease_id=disease,
                            consent_publish=consent, now=when)


def test_upgrade_gives_exactly_the_declared_schema(url: str, engine: Engine) -> None:
    assert db.current_revision(url) == db.head_revision()
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"version_table": VERSION_TABLE})
        assert compare_metadata(context, metadata) == []
        assert VERSION_TABLE in inspect(conn).get_table_names()
    assert db.upgrade(url) == db.head_revision()  # idempotent


def test_submit_gives_a_random_reference_and_an_audit_event(engine: Engine) -> None:
    first, second = _ask(engine), _ask(engine)
    assert first.reference.startswith(f"Q-{datetime.now(UTC).year}-")
    assert len(first.reference) == 15 and first.reference != second.reference
    assert first.status == "new" and first.email == "parent@example.org"
    assert first.created_at.tzinfo is not None
    with engine.connect() as conn:
        assert store.get_by_reference(conn, first.reference.lower()) == first
        assert store.get_by_reference(conn, "Q-2026-000001") is None
        events = store.audit_events(conn, first.id)
    assert [(e.actor, e.action) for e in events] == [("asker", "submitted")]
    assert "parent@example.org" not in events[0].detail


@pytest.mark.parametrize(("field", "value", "message"), [
    ("question", "short", "at least"), ("question", "x" * 5001, "at most"),
    ("email", "not-an-address", "email"), ("asker_type", "robot", "asker_type"),
    ("question", "hello\x00world, long enough", "control"),
])
def test_submit_refuses_invalid_input(engine: Engine, field: str, value: str,
                                      message: str) -> None:
    values = {"question": "A question long enough.", "email": "a@b.org",
              "asker_type": "patient", field: value}
    with engine.begin() as conn, pytest.raises(store.InquiryError, match=message):
        store.submit(conn, question=values["question"], email=values["email"],
                     asker_type=values["asker_type"])


def test_workflow_new_claimed_answered_closed(engine: Engine) -> None:
    asked = _ask(engine)
    with engine.begin() as conn:
        with pytest.raises(store.InquiryError, match="it is new"):
            store.mark_answered(conn, asked.id, "ann@staff", "Yes.")
        claimed = store.claim(conn, asked.id, "ann@staff")
        assert claimed.status == "claimed" and claimed.claimed_by == "ann@staff"
        taken = store.claim(conn, asked.id, "bob@staff")
        assert taken.claimed_by == "bob@staff"
        drafted = store.save_draft(conn, asked.id, "bob@staff", "Draft")
        assert drafted.answer == "Draft" and drafted.status == "claimed"
        with pytest.raises(store.InquiryError, match="write the answer"):
            store.mark_answered(conn, asked.id, "bob@staff", "  ")
        answered = store.mark_answered(conn, asked.id, "bob@staff", "It can be, see ...")
        assert answered.status == "answered" and answered.answered_at is not None
        with pytest.raises(store.InquiryError, match="it is answered"):
            store.claim(conn, asked.id, "ann@staff")
        closed = store.close(conn, asked.id, "bob@staff", "answered")
        assert closed.status == "closed" and closed.closed_at is not None
        with pytest.raises(store.InquiryError, match="it is closed"):
            store.close(conn, asked.id, "bob@staff")
        with pytest.raises(store.InquiryNotFound):
            store.claim(conn, 999_999, "ann@staff")
        actions = [(e.actor, e.action, e.detail) for e in store.audit_events(conn, asked.id)]
    assert actions == [
        ("bob@staff", "closed", "answered"),
        ("bob@staff", "answer_sent", "18 characters"),
        ("bob@staff", "draft_saved", "5 characters"),
        ("bob@staff", "claimed", "from ann@staff"),
        ("ann@staff", "claimed", ""),
        ("asker", "submitted", "disease=OMIM:1 asker=family consent=True"),
    ]


def test_queue_filters(engine: Engine) -> None:
    now = datetime.now(UTC)
    old = _ask(engine, when=now - timedelta(days=10), asker="clinician")
    new = _ask(engine, disease="ORPHA:2")
    other = _ask(engine, disease=None, asker="researcher")
    with engine.begin() as conn:
        store.claim(conn, other.id, "ann@staff")

        def ids(**kw: object) -> list[int]:
            return [i.id for i in store.list_inquiries(conn, store.QueueFilter(**kw))]  # type: ignore[arg-type]

        assert ids() == [old.id, new.id, other.id]  # oldest first
        assert ids(statuses=["new"]) == [old.id, new.id]
        assert ids(disease_id="ORPHA:2") == [new.id]
        assert ids(asker_type="clinician") == [old.id]
        assert ids(min_age_days=7) == [old.id]
        assert ids(max_age_days=7) == [new.id, other.id]
        assert ids(claimed_by="ann@staff") == [other.id]
        assert ids(limit=1, offset=1) == [new.id]
        assert store.count_inquiries(conn, store.QueueFilter(limit=1)) == 3
        with pytest.raises(store.InquiryError, match="status"):
            store.list_inquiries(conn, store.QueueFilter(statuses=["nope"]))


def _answered(engine: Engine, consent: bool = True, disease: str = "OMIM:1") -> store.Inquiry:
    asked = _ask(engine, consent=consent, disease=disease)
    with engine.begin() as conn:
        store.claim(conn, asked.id, "ann@staff")
        return store.mark_answered(conn, asked.id, "ann@staff", "Original answer to Tom.")


def test_publish_stores_only_the_reviewed_texts(engine: Engine) -> None:
    answered = _answered(engine)
    with engine.begin() as conn:
        before = store.publication_version(conn)
        published = store.publish(conn, answered.id, "ann@staff", "Is it inherited?",
                                  "It can be.")
        assert store.publication_version(conn) == before + 1
        shown = store.published_for_disease(conn, "OMIM:1")
        assert [(p.question, p.answer) for p in shown] == [("Is it inherited?", "It can be.")]
        assert shown[0].published_at == published.published_at
        assert store.get(conn, answered.id).published  # type: ignore[union-attr]
        store.publish(conn, answered.id, "ann@staff", "Is it inherited?", "Edited.")
        assert [p.answer for p in store.published_for_disease(conn, "OMIM:1")] == ["Edited."]
        assert store.published_for_disease(conn, "OMIM:2") == []
        store.unpublish(conn, answered.id, "ann@staff")
        assert store.published_for_disease(conn, "OMIM:1") == []
        assert store.publication_version(conn) == before + 3
        assert not store.get(conn, answered.id).published  # type: ignore[union-attr]
        with pytest.raises(store.InquiryError, match="not published"):
            store.unpublish(conn, answered.id, "ann@staff")
        actions = [e.action for e in store.audit_events(conn, answered.id)][:3]
    assert actions == ["unpublished", "republished", "published"]


def test_publish_needs_consent_and_an_answer(engine: Engine) -> None:
    refused = _answered(engine, consent=False)
    unanswered = _ask(engine)
    with engine.begin() as conn:
        with pytest.raises(store.InquiryError, match="consent"):
            store.publish(conn, refused.id, "ann@staff", "Q?", "A.")
        with pytest.raises(store.InquiryError, match="it is new"):
            store.publish(conn, unanswered.id, "ann@staff", "Q?", "A.")
        assert store.published_for_disease(conn, "OMIM:1") == []


def test_purge_by_email_keeps_the_published_version(engine: Engine) -> None:
    published = _answered(engine)
    also = _ask(engine, email="PARENT@example.org")
    stranger = _ask(engine, email="someone@else.org")
    with engine.begin() as conn:
        store.publish(conn, published.id, "ann@staff", "Is it inherited?", "It can be.")
        purged = store.purge(conn, "cli", email="parent@EXAMPLE.org")
        assert purged == [published.reference, also.reference]
        for found in (store.get(conn, published.id), store.get(conn, also.id)):
            assert found is not None and found.purged_at is not None
            assert found.email is None and found.question is None and found.answer is None
        assert store.get(conn, stranger.id).email == "someone@else.org"  # type: ignore[union-attr]
        assert [p.question for p in store.published_for_disease(conn, "OMIM:1")] == [
            "Is it inherited?"]
        assert store.purge(conn, "cli", email="parent@example.org") == []
        with pytest.raises(store.InquiryError, match="deleted"):
            store.publish(conn, published.id, "ann@staff", "Edited?", "Edited.")
        rows = conn.execute(select(audit_log.c.detail, audit_log.c.actor)).all()
    assert not any("parent@example.org" in (r.detail + r.actor).lower() for r in rows)


def test_purge_by_reference_and_usage_errors(engine: Engine) -> None:
    asked = _ask(engine)
    with engine.begin() as conn:
        assert store.purge(conn, "cli", reference=asked.reference) == [asked.reference]
        with pytest.raises(store.InquiryNotFound):
            store.purge(conn, "cli", reference="Q-2026-ZZZZZZZZ")
        with pytest.raises(store.InquiryError, match="exactly one"):
            store.purge(conn, "cli")
        with pytest.raises(store.InquiryError, match="email"):
            store.purge(conn, "cli", email="nonsense")
        store.claim(conn, asked.id, "ann@staff")
        with pytest.raises(store.InquiryError, match="deleted"):
            store.mark_answered(conn, asked.id, "ann@staff", "A.")


def test_expire_contacts_older_than_retention(engine: Engine) -> None:
    now = datetime.now(UTC)
    old = _ask(engine, when=now - timedelta(days=400))
    recent = _ask(engine, when=now - timedelta(days=30))
    with engine.begin() as conn:
        assert store.expire_contacts(conn, 365, now=now) == [old.reference]
        assert store.get(conn, old.id).email is None  # type: ignore[union-attr]
        assert store.get(conn, recent.id).email is not None  # type: ignore[union-attr]
        assert store.expire_contacts(conn, 365, now=now) == []
        assert store.audit_events(conn, old.id)[0].actor == store.SYSTEM_ACTOR
        assert conn.execute(select(inquiry.c.purged_at).where(inquiry.c.id == recent.id)
                            ).scalar_one() is None


def test_published_questions_follow_every_identifier_of_the_page(engine: Engine) -> None:
    """A question filed under an identifier that a later build merged into another page."""
    old = _answered(engine, disease="OMIM:1")
    new = _answered(engine, disease="MONDO:9")
    with engine.begin() as conn:
        store.publish(conn, old.id, "ann@staff", "Filed under OMIM:1?", "Yes.")
        store.publish(conn, new.id, "ann@staff", "Filed under MONDO:9?", "Yes.")
        both = store.published_for_disease(conn, ["MONDO:9", "OMIM:1"])
        assert sorted(p.question for p in both) == ["Filed under MONDO:9?",
                                                    "Filed under OMIM:1?"]
        assert [p.question for p in store.published_for_disease(conn, ["MONDO:9"])] == [
            "Filed under MONDO:9?"]
