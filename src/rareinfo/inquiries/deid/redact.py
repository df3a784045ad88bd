"""The public entry: every detector's spans, merged, replaced by placeholders."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from rareinfo.inquiries.deid.abroad import abroad_spans
from rareinfo.inquiries.deid.bands import age_band
from rareinfo.inquiries.deid.formats import format_spans, kept_formats
from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.institution_forms import (
    institution_form_spans,
    kept_institution_forms,
)
from rareinfo.inquiries.deid.institutions import institution_spans
from rareinfo.inquiries.deid.languages import grown_spans, language_spans
from rareinfo.inquiries.deid.names import name_candidates, nicknames, partners
from rareinfo.inquiries.deid.numeric import age_spans, contact_spans, date_spans, record_spans
from rareinfo.inquiries.deid.organisations import closed_by_place, organisation_spans
from rareinfo.inquiries.deid.patterns import PLACEHOLDER, PUBLIC_ID
from rareinfo.inquiries.deid.places import (
    address_line,
    adjacent_places,
    place_spans,
    propagate_places,
)
from rareinfo.inquiries.deid.probed import clamp_probed
from rareinfo.inquiries.deid.protect import protected_ranges
from rareinfo.inquiries.deid.scripts import script_spans
from rareinfo.inquiries.deid.settings import setting_spans
from rareinfo.inquiries.deid.spread import propagate
from rareinfo.inquiries.deid.subjects import subject_names
from rareinfo.inquiries.deid.tokens import Ranges, Span, same_length_lower, tokenize
from rareinfo.inquiries.deid.unseen import unseen_spans
from rareinfo.inquiries.deid.unseen11 import unseen11_spans
from rareinfo.inquiries.deid.unseen12 import unseen12_spans
from rareinfo.inquiries.deid.unseen13 import after13_spans, unseen13_spans
from rareinfo.inquiries.deid.unseen14 import after14_spans, kept_ranges, unseen14_spans
from rareinfo.inquiries.deid.unseen15 import after15_spans, kept15, unseen15_spans
from rareinfo.inquiries.deid.unseen16 import after16_spans, kept16, unseen16_spans
from rareinfo.inquiries.deid.unseen17 import after17_spans, kept17, unseen17_spans
from rareinfo.inquiries.deid.unseen18 import after18_spans, kept18, unseen18_spans
from rareinfo.inquiries.deid.unseen19 import after19_spans, kept19, unseen19_spans
from rareinfo.inquiries.deid.unseen20 import after20_spans, kept20, unseen20_spans
from rareinfo.inquiries.deid.unseen21 import after21_spans, kept21, unseen21_spans
from rareinfo.inquiries.deid.unseen22 import after22_spans, kept22, unseen22_spans
from rareinfo.inquiries.deid.unseen23 import after23_spans, kept23, unseen23_spans
from rareinfo.inquiries.deid.unseen24 import after24_spans, kept24, unseen24_spans
from rareinfo.inquiries.deid.unseen25 import after25_spans, kept25, unseen25_spans
from rareinfo.inquiries.deid.unseen26 import (
    after26_spans,
    kept26,
    possessive26_spans,
    unseen26_spans,
)
from rareinfo.inquiries.deid.unseen27 import after27_spans, kept27, unseen27_spans
from rareinfo.inquiries.deid.unseen28 import (
    after28_spans,
    kept28,
    service28_spans,
    unseen28_spans,
)
from rareinfo.inquiries.deid.unseen29 import after29_spans, kept29, region29_spans, unseen29_spans
from rareinfo.inquiries.deid.unseen30 import after30_spans, clamp30, unseen30_spans
from rareinfo.inquiries.deid.unseen31 import after31_spans, clamp31, unseen31_spans
from rareinfo.inquiries.deid.unseen32 import after32_spans, clamp32, unseen32_spans
from rareinfo.inquiries.deid.unseen33 import after33_spans, clamp33, unseen33_spans
from rareinfo.inquiries.deid.unseen34 import (
    clamp34,
    surname34_spans,
    unseen34_spans,
)
from rareinfo.inquiries.deid.unseen35 import clamp35, unseen35_spans
from rareinfo.inquiries.deid.unseen36 import after36_spans, clamp36, unseen36_spans
from rareinfo.inquiries.deid.unseen37 import after37_spans, clamp37, personal_url, unseen37_spans
from rareinfo.inquiries.deid.unseen38 import after38_spans, clamp38, unseen38_spans
from rareinfo.inquiries.deid.unseen39 import (
    after39_spans,
    clamp39,
    surname39_spans,
    unseen39_spans,
)
from rareinfo.inquiries.deid.unseen40 import clamp40, surname40_spans, unseen40_spans
from rareinfo.inquiries.deid.unseen41 import clamp41, unseen41_spans
from rareinfo.inquiries.deid.unseen42 import clamp42, unseen42_spans
from rareinfo.inquiries.deid.unseen43 import clamp43, unseen43_spans
from rareinfo.inquiries.deid.unseen44 import clamp44, unseen44_spans
from rareinfo.inquiries.deid.unseen45 import clamp45, unseen45_spans
from rareinfo.inquiries.deid.unseen46 import clamp46, unseen46_spans
from rareinfo.inquiries.deid.unseen47 import unseen47_spans
from rareinfo.inquiries.deid.unseen47b import clamp47
from rareinfo.inquiries.deid.unseen48 import clamp48, unseen48_spans
from rareinfo.inquiries.deid.vocabulary import (
    WORD,
    Lexicon,
    MedicalVocabulary,
    default_vocabulary,
    lexicon,
)
from rareinfo.inquiries.deid.widen import widen

# Higher wins when spans of different kinds overlap and are merged.
_PRIORITY = {
    "email": 9,
    "url": 8,
    "id": 8,
    "record_number": 7,
    "phone": 6,
    "date": 5,
    "age": 4,
    "institution": 3,
    "place": 2,
    "name": 1,
}


@dataclass(frozen=True, slots=True)
class Redaction:
    """One identifying span of the original text and what stands in its place."""

    start: int
    end: int
    kind: str
    original: str
    replacement: str


@dataclass(frozen=True, slots=True)
class Deidentified:
    """The de-identified text and the redactions that produced it, in order of start."""

    text: str
    redactions: tuple[Redaction, ...]


def _spans(lex: Lexicon, text: str) -> list[Span]:
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 20 and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        # WRITTEN IN CAPITALS: read it once in lower case (names after "my son") and once
        # with each word capitalised (towns, hospitals); the lengths do not change
        lower = same_length_lower(text)
        title = WORD.sub(lambda m: m.group()[0] + same_length_lower(m.group()[1:]), text)
        public = Ranges((m.start(), m.end()) for m in PUBLIC_ID.finditer(text))
        spans = _spans_of(lex, lower) + _spans_of(lex, title)
        return [s for s in spans if not public.overlap(s)]
    return _spans_of(lex, text)


def _spans_of(lex: Lexicon, text: str) -> list[Span]:
    tokens = tokenize(text)
    hard_ranges, soft_ranges = protected_ranges(lex, text, tokens)
    hard, soft = Ranges(hard_ranges).overlap, Ranges(soft_ranges).overlap
    fixed = [*contact_spans(text), *record_spans(text), *date_spans(text)]
    names = [
        s for s in name_candidates(lex, text, tokens) if not hard(s) and (s.strong or not soft(s))
    ]
    names += [s for s in subject_names(lex, text, tokens) if not hard(s) and not soft(s)]
    names += [s for s in partners(lex, text, tokens, names) if not hard(s) and not soft(s)]
    names += [s for s in nicknames(lex, text, names) if not hard(s) and not soft(s)]
    names += [
        s for s in propagate(lex, text, tokens, names) if not hard(s) and (s.strong or not soft(s))
    ]
    guessed = [
        *institution_spans(lex, text, tokens),
        *organisation_spans(lex, text),
        *place_spans(lex, text, tokens),
    ]
    guessed = [
        s
        for s in guessed
        if (s.kind == "institution" and s.strong) or (not hard(s) and (s.strong or not soft(s)))
    ]
    for _ in range(2):  # "Parramatta NSW 2150": the state, then its postcode
        guessed += [s for s in adjacent_places(lex, text, tokens, guessed) if not hard(s)]
    guessed += [s for s in address_line(text, tokens, guessed) if not hard(s)]
    guessed += [s for s in propagate_places(text, tokens, guessed) if not hard(s) and not soft(s)]
    guessed += list(_institution_of_place(text, guessed))
    guessed += list(closed_by_place(text, guessed))
    ages = list(age_spans(lex, text, names))
    dates = [s for s in fixed if s.kind == "date"]
    taken = Ranges((s.start, s.end) for s in [*fixed, *ages] if s.kind != "date")
    grown = [
        s
        for s in widen(lex, text, tokens, [*names, *guessed, *dates])
        if not hard(s) and not taken.overlap(s)
    ]
    spans = [*fixed, *names, *guessed, *ages, *grown, *script_spans(text)]
    spans += [s for s in abroad_spans(lex, text) if not hard(s)]
    spans += [s for s in language_spans(lex, text) if not hard(s)]
    spans += [s for s in setting_spans(lex, text) if s.kind == "institution" or not hard(s)]
    for found in (unseen_spans, unseen11_spans, unseen12_spans, unseen13_spans,
                  unseen14_spans, unseen15_spans, unseen16_spans, unseen17_spans,
                  unseen18_spans, unseen19_spans, unseen20_spans, unseen21_spans,
                  unseen22_spans, unseen23_spans, unseen24_spans, unseen25_spans,
                  unseen26_spans, unseen27_spans, unseen28_spans, unseen29_spans,
                  format_spans, unseen30_spans, institution_form_spans, unseen31_spans,
                  unseen32_spans, unseen33_spans, unseen34_spans, unseen35_spans,
                  unseen36_spans, unseen37_spans, unseen38_spans,
                  unseen39_spans, unseen40_spans, unseen41_spans,
                  unseen42_spans, unseen43_spans, unseen44_spans, unseen45_spans,
                  unseen46_spans, unseen47_spans, unseen48_spans):
        spans += [s for s in found(lex, text) if s.kind in ("institution", "id") or not hard(s)]
    spans += [s for s in after13_spans(lex, text, spans) if not hard(s)]
    spans += [s for s in after14_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after15_spans(lex, text, spans) if not hard(s)]
    spans += [s for s in after16_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after17_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += list(after18_spans(lex, text, spans))  # each rule reads its own cue
    spans += [s for s in after19_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after20_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after21_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after22_spans(lex, text, spans) if not hard(s)]
    spans += [s for s in after23_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after24_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after25_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after26_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += list(after27_spans(lex, text, spans))  # each rule reads its own cue
    spans += [s for s in after28_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += list(region29_spans(lex, text))  # reads its own cue past protection
    spans += list(possessive26_spans(lex, text))  # reads its own cue past protection
    spans += list(service28_spans(lex, text))  # reads its own cue past protection
    spans += list(grown_spans(lex, text, spans))
    spans += list(after29_spans(lex, text, spans))  # each rule reads its own cue
    spans += [s for s in after30_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after31_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after32_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += [s for s in after33_spans(lex, text, spans) if s.kind == "institution" or not hard(s)]
    spans += list(surname34_spans(text))  # reads its own cue past protection
    spans += list(surname39_spans(lex, text))  # reads its own cue past protection
    spans += [s for s in after36_spans(lex, text, spans) if not hard(s)]
    spans += [s for s in after37_spans(lex, text, spans) if not hard(s)]
    spans += [s for s in after38_spans(lex, text, spans) if not hard(s)]
    spans += list(after39_spans(lex, text, spans))  # each rule reads its own cue
    spans += list(surname40_spans(lex, text))  # reads its own cue past protection
    fixed_text = Ranges(
        (m.start(), m.end()) for p in (PLACEHOLDER, PUBLIC_ID) for m in p.finditer(text)
    )
    kept = kept_ranges(text)
    for keep in (kept15, kept16, kept17, kept18, kept19, kept20, kept21,
                 kept22, kept23, kept24, kept25, kept26, kept27, kept28, kept29,
                 kept_formats, kept_institution_forms, clamp30, clamp31, clamp32, clamp33,
                 clamp34, clamp35, clamp36, clamp37, clamp38, clamp39, clamp40, clamp41,
                 clamp42, clamp43, clamp44, clamp45, clamp46, clamp47, clamp48, clamp_probed):
        spans = keep(lex, text, spans)  # each round takes back what it knows is no detail
    return [
        s
        for s in spans
        if s.end > s.start
        and (
            not fixed_text.overlap(s)
            or (s.kind == "url" and personal_url(text[s.start : s.end]))  # round 37
        )
        and not any(k_start <= s.start and s.end <= k_end for k_start, k_end in kept)
    ]


_JOINER = gated(r" (?:of|de|da|do|di|del|w|we) ")


def _institution_of_place(text: str, spans: list[Span]) -> Iterator[Span]:
    """An institution "of" a place is one name: "Blue Cross Blue Shield of Wyoming", "Szpital
    Miejski w Rzeszowie"; so are two pieces of one name around "de" ("Ateneo de Manila ...")
    and, since round 36, an institution "de/di/da/do/del" a place ("APAE de Monte Santo"):
    labelled either as one institution or as an institution and a place, one span covers
    both conventions (``clamp36`` joins the pieces later rules split)."""
    places = {s.start: s for s in spans if s.kind == "place"}
    institutions = {s.start: s for s in spans if s.kind == "institution"}
    for span in spans:
        if span.kind != "institution":
            continue
        joiner = _JOINER.match(text, span.end)
        if joiner:
            after = places.get(joiner.end()) or institutions.get(joiner.end())
            if after is not None:
                yield Span(span.start, after.end, "institution", span.strong)


def _merge(text: str, spans: list[Span]) -> list[Span]:
    spans = sorted(spans, key=lambda s: (s.start, -s.end))
    merged: list[Span] = []
    for span in spans:
        if merged:
            prev = merged[-1]
            # "Yuki Tanaka": a given name that is also a town, then a surname
            # "Yuki Tanaka": a given name that is also a town, then a surname; "RCH
            # Melbourne": an institution and its town
            kinds = {prev.kind, span.kind}
            gap = text[prev.end : span.start]
            # ". " joins an initial to a name ("J. Smith"), not two sentences
            joined_names = (gap == " " or (gap == ". " and prev.end - prev.start <= 2)) and (
                ("name" in kinds and kinds <= {"name", "place"})
                or kinds == {"institution", "place"}
                or (kinds == {"place"} and text[prev.end : span.start] == " ")  # "Lima 15072"
            )
            if span.start < prev.end or joined_names:
                kind = prev.kind if _PRIORITY[prev.kind] >= _PRIORITY[span.kind] else span.kind
                strong_name = any(x.kind == "name" and x.strong for x in (prev, span))
                if (joined_names and "name" in kinds) or (
                    strong_name and kinds == {"name", "place"}
                ):
                    kind = "name"
                merged[-1] = Span(prev.start, max(prev.end, span.end), kind)
                continue
        merged.append(span)
    return merged


def _replacement(kind: str, original: str) -> str:
    """ "[kind]", or for an age the band it falls in ("[age: 5-9 years]")."""
    band = age_band(original) if kind == "age" else None
    return f"[age: {band}]" if band else f"[{kind}]"


def deidentify(text: str, vocabulary: MedicalVocabulary | None = None) -> Deidentified:
    """Remove or generalise identifying details in ``text`` (names, ages, dates, places,
    institutions, contact details, record numbers); the words of ``vocabulary`` (by default
    HPO's terms and disease names) are medical and kept."""
    lex = lexicon(vocabulary if vocabulary is not None else default_vocabulary())
    out: list[str] = []
    redactions: list[Redaction] = []
    pos = 0
    for span in _merge(text, _spans(lex, text)):
        replacement = _replacement(span.kind, text[span.start : span.end])
        out.append(text[pos : span.start])
        out.append(replacement)
        redactions.append(
            Redaction(span.start, span.end, span.kind, text[span.start : span.end], replacement)
        )
        pos = span.end
    out.append(text[pos:])
    return Deidentified("".join(out), tuple(redactions))
