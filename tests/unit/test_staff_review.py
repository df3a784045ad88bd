"""The publication review: de-identified text with each replacement marked, links kept."""

from __future__ import annotations

from rareinfo.web.pages.review import highlighted, review_text

BASE = "https://rareinfo.example"


def test_replacements_are_marked_and_the_text_is_rebuilt() -> None:
    text = "Write to jane@example.com or call 0113 496 0000 about my son."
    review = review_text(text, BASE)
    assert "jane@example.com" not in review.text
    assert "0113 496 0000" not in review.text
    assert review.text.endswith("about my son.")
    marked = [s for s in review.segments if s.kind]
    assert {s.kind for s in marked} >= {"email", "phone"}
    assert "".join(s.text for s in review.segments) == review.text
    assert review.redactions == len(marked)


def test_links_into_the_portal_survive() -> None:
    answer = (f"See [Acute lymphoblastic leukemia]({BASE}/diseases/OMIM:613065/trials) and "
              "[the page](/diseases/ORPHA:513#treatments). Mail me: a.b@example.org")
    review = review_text(answer, BASE)
    assert f"({BASE}/diseases/OMIM:613065/trials)" in review.text
    assert "(/diseases/ORPHA:513#treatments)" in review.text
    assert "a.b@example.org" not in review.text


def test_links_elsewhere_are_not_protected() -> None:
    review = review_text("My blog: [me](https://janes-blog.example/about)", BASE)
    assert "janes-blog.example" not in review.text


def test_highlighting_escapes_everything() -> None:
    review = review_text('<script>alert(1)</script> call 0113 496 0000 "x"', BASE)
    html = str(highlighted(review))
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert '<mark class="redaction" title="phone (was: 0113 496 0000)">' in html
