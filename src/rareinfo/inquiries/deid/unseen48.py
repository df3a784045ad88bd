"""Round 48's institutions. A church after "my/our church" ("our church Christ the King"), an
agency or insurer an id is held with ("member ID with <Insurer> is", "case number with <State>
DCS"), an employer in brackets ("her employer (<Name> in <Town>)"), a family support service or
parents' group by its name ("<Name> Family Support"), a university by a short name ("at <Town>
uni"), a hospital written in lower case after the staff who work there or a correction ("the
doctors at <name>... no sorry", "dr <name> at <name> said", "the neuro at <name> medical says")
and "the hospital is <name>".

``clamp48`` takes back what these rules would read into an ordinary place of care: a match that
is only a common place word ("the doctors at home said")."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen44 import NAME_WORD, NOT_A_NAME
from rareinfo.inquiries.deid.vocabulary import Lexicon, wordset

_S = r"[^\S\n]+"
_JOINED = rf"{NAME_WORD}(?:{_S}(?:the{_S}|of{_S}|de{_S})?{NAME_WORD}){{0,3}}"

_CHURCH = gated(rf"\b(?:[Mm]y|[Oo]ur|[Tt]heir|[Hh]is|[Hh]er)\s+church,?\s+({_JOINED})")
_HELD_WITH = gated(
    r"\b(?:case|member|policy|account|reference|claim|patient)\s+(?:number|ID|id|no\.?|#)\s+"
    rf"(?:with|at|from)\s+((?:{NAME_WORD}|[A-Z]{{2,6}})(?:{_S}(?:{NAME_WORD}|[A-Z]{{2,6}})){{0,2}})"
    r"(?=\s+(?:is|was|are)\b|[,.;:])"
)
_EMPLOYER_BRACKET = gated(
    rf"\b(?:employer|company|work|workplace|job)\s+\(({_JOINED})(?=\s+in\s|\s*[),])"
)
_SUPPORT = gated(
    rf"\b((?:{NAME_WORD}{_S}){{1,2}}(?:Family{_S}Support|Support{_S}Group|Parents['’]?{_S}Group"
    rf"|Carers['’]?{_S}(?:Group|Network)|Family{_S}Network))\b"
)
_SHORT_UNI = gated(rf"\b(?:at|to|from|attends?)\s+({NAME_WORD})(?={_S}uni\b)")
_STAFF_AT_LOWER = gated(
    r"\b(?:doctors?|dr\s+[a-z]+|neuro|neurologists?|consultants?|team|nurses?|specialists?"
    r"|surgeons?|paediatrician|pediatrician|sorry)\s+at\s+"
    r"([a-z]{2,}(?:\s+[a-z]{3,})?)"
    r"(?=\s*(?:\.\.\.|…)|\s+(?:said|says|told|tells|wants?|thinks?)\b|\s+in\s+[a-z]{3,})"
)
_HOSPITAL_IS = gated(
    r"\b(?:hospital|clinic)\s+(?:is|was)\s+([a-z]{4,}|[A-Z][a-z]{3,})(?=\s+(?:is|was|in)\b|[.,;])"
)
_ADJECTIVE_END = gated(r"(?:ant|ent|ful|ible|able|ive|ous|ing|ed|ly|est|er)$")
_PLACE_WORDS = wordset(
    "the a an this that our my his her their your home school work night birth first rest"
    " least most last times once risk term hospital clinic church daycare nursery college"
    " university lunch dinner breakfast bedtime all some one two three same local new old"
    " children childrens general main city community private big other different another"
    " peace diagnosis start end outset best worst admission discharge appointment review"
    " referral outpatients handover rounds present moment"
)
_TITLES = wordset("Ms Mr Mrs Miss Mx Dr Pastor Father Reverend Rev Sister Brother Deacon")
_HAS_NAME_WORD = gated(r"[A-Z][a-z]")
_HOSPITAL_HEADS = wordset(
    "medical general memorial county regional university childrens children's health methodist"
)
_ORDINARY_PLACES = wordset(
    "home work school night church clinic hospital daycare nursery college university camp"
    " practice surgery office"
)


def _plain_run(lex: Lexicon, words: str) -> bool:
    """Whether every word of a run is a place word or a medical word: no name."""
    return all(w in _PLACE_WORDS or w in lex.medical for w in words.lower().split())


def unseen48_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 48's institutions (see the module's docstring)."""
    for pattern in (_CHURCH, _HELD_WITH, _EMPLOYER_BRACKET, _SHORT_UNI):
        for m in pattern.finditer(text):
            first = m.group(1).split()[0]
            if first in NOT_A_NAME or first in _TITLES or text.startswith(".", m.end(1)):
                continue  # "our church, Ms. <Name>"
            if pattern in (_HELD_WITH, _EMPLOYER_BRACKET) and not _HAS_NAME_WORD.search(m.group(1)):
                continue  # a bare agency's letters stay ("case number with DCFS")
            yield Span(m.start(1), m.end(1), "institution")  # "our church <Name>"
    for m in _SUPPORT.finditer(text):
        first = m.group(1).split()[0]
        if first not in lex.eponyms and first.lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "institution")  # "<Name> Family Support"
    for m in _STAFF_AT_LOWER.finditer(text):
        words = m.group(1)
        if words.split()[0] in _PLACE_WORDS or _plain_run(lex, words):
            continue
        end = m.end(1)
        parts = words.split()
        if len(parts) == 2 and lex.plain(parts[1]) and parts[1] not in _HOSPITAL_HEADS:
            end = m.start(1) + len(parts[0])  # "the neuro at <name> now says"
        yield Span(m.start(1), end, "institution")  # "the doctors at <name> said"
    for m in _HOSPITAL_IS.finditer(text):
        word = m.group(1)
        if (lex.plain(word.lower()) or word.lower() in lex.medical or word in NOT_A_NAME
                or _ADJECTIVE_END.search(word)):
            continue
        yield Span(m.start(1), m.end(1), "institution")  # "the hospital is <name>"


def clamp48(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """Take back an institution that is one lower-case common place word after "at" ("at home")."""
    return [
        s
        for s in spans
        if not (
            s.kind == "institution"
            and text[s.start : s.end] in _ORDINARY_PLACES
            and text[max(0, s.start - 3) : s.start] == "at "
        )
    ]
