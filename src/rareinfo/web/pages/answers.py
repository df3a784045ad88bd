"""Published answers as HTML: on disease pages and in the staff console's preview."""

from __future__ import annotations

import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from rareinfo.inquiries import store

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
