"""Round 47's institutions. Hospitals by a short name: "Mater", "Calvary Mater", a lower-case "the
royal <name>", a possessive after "under/at" ("under Guy's."), an acronym joined to a hospital
("at <Hospital> or RPAH"), an acronym in brackets after "school/hospital" ("the school (BHS)"),
an acronym before "doctors/consultants" ("KGH doctors said"), a health system in capitals with
its site ("at MERCY Aldine in"); a hospital's unit or service after it ("<Hospital>
Craniofacial Unit", "<Name> Early Intervention"), more capitalised unknown words a hospital's
name runs on with, a hospital or employer corrected before or after one ("<Employer>... no, for
<Name> Haulage"; "<Name> Park, no, I mean <Hospital>"), a lower-case "<town> district nicu", a
lower-case place of care after "at" ("we r at riley."), schools and clubs ("at <name> high",
"<name> special school", "my school <name> won't", "plays hockey for <Club>"), "attend <Name>
Street", an employer after "My employer,", "<Name> ..., a small parents' group", "<Name>'s
Ark/House", a forum handle after "Posted by", and hospitals and day care in Swedish ("<Town>
lasarett"), Finnish ("<Name> keskussairaalassa"), Greek ("<Name> Νοσοκομείο") and Dutch
("kinderdagverblijf De <Name>").

Names, ages and places are in ``unseen47b``; what round 47 keeps is ``clamp47`` there."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen44 import CORRECTION_DOTS, NAME_WORD, NOT_A_NAME
from rareinfo.inquiries.deid.vocabulary import Lexicon, wordset

_S = r"[^\S\n]+"
_CAPS = rf"{NAME_WORD}(?:{_S}{NAME_WORD}){{0,3}}"

# a Mater hospital, the Royal <Name> in any case
_MATER = gated(r"\b((?:[Cc]alvary\s+)?Mater(?:\s+(?:Misericordiae|Hospital|Private))*)\b")
_ROYAL = gated(
    r"\b(?:at|to|in|under|from|with|attends?|attending)\s+(the\s+royal\s+(?!family\b|mail\b"
    r"|college\b|society\b|navy\b|air\b|marines?\b|wedding\b|baby\b|jelly\b)[a-z]{3,}"
    r"(?:['’]s)?)\b"
)
_POSSESSIVE_CARE = gated(
    rf"\b(?:under|at|attends?|attending)\s+((?:St\.?\s+)?{NAME_WORD}['’]s)"
    r"(?=\s*[.!?;,]|\s+(?:in|and|for|now|since|hospital)\b)"
)
_BRACKET_ACRONYM = gated(
    r"\b(?:school|hospital|clinic|college|academy|employer|nursery|university|practice)\s+"
    r"\(([A-Z]{2,6})\)"
)
_ACRONYM_STAFF = gated(
    r"(?:^|[\s,(])([A-Z]{3,5})\s+(?:doctors|consultants|nurses|specialists|physicians"
    r"|paediatricians|pediatricians|neurologists)\b"
)
_NOT_AN_INSTITUTION = wordset(
    "ICU NICU PICU SCBU MDT ENT NHS CDC FDA EMA WHO THE AND SMA DMD CF GP GPS PKU TSC NF1 VA"
    " HCM EDS POTS ALS MND CMT FOP OMS JIA SLE MS IVF ADHD ASD OCD PTSD USA UAE HIV ER ED"
)
_DISEASE_HEADS = wordset(
    "syndrome disease deficiency dystrophy ataxia anemia anaemia disorder palsy atrophy"
)
_DUTCH_CARE = gated(
    r"\b(?:kinderdagverblijf|peuterspeelzaal|basisschool|school|crèche|opvang|zorgboerderij)\s+"
    rf"((?:De|Het|['’]t)\s+{NAME_WORD})"
)
_HOUSE = gated(rf"\b({NAME_WORD}['’]s\s+(?:Ark|House|Hospice|Place))\b")
_POSTED_BY = gated(r"\b(?:[Pp]osted\s+by|[Uu]sername:|[Uu]ser:)\s+([A-Za-z][\w.]*[._\d][\w.]*\w)")
_SYSTEM_SITE = gated(rf"\bat\s+([A-Z]{{4,}}\s+{NAME_WORD})(?=\s+in\b|[,.;])")
_OR_ACRONYM = gated(rf"{_S}(?:or|and|&){_S}([A-Z]{{2,6}}I*)(?![\w])")
_UNIT_AFTER = gated(
    rf"{_S}((?:{NAME_WORD}{_S})?(?:Unit|Centre|Center|Service|Early{_S}Intervention))\b"
)
_RUN_ON = gated(rf"{_S}({NAME_WORD}(?:{_S}{NAME_WORD}){{0,2}})")
_CORRECTED_AFTER = gated(
    rf"{CORRECTION_DOTS}?,?\s*(?:no|sorry|oops),?\s+(?:I\s+mean\s+)?(?:[a-z]+\s+side,\s+)?"
    rf"(?:for\s+|at\s+)?({_CAPS})(?=[,.!?;]|\s+(?:in|and|suggested|said|says)\b)"
)
_CORRECTED_BEFORE = gated(rf"({_CAPS}),\s+(?:no|sorry),?\s+(?:I\s+mean\s+)?$")
_DISTRICT = gated(r"\b([a-z]{4,}\s+district)(?=\s+(?:nicu|hospital|general|icu|scbu)\b)")
_AT_LOWER = gated(
    r"\b(?:dx|dx['’]d|diagnosed|transplant|surgery|op|treated|seen|r|are|were|was|is)\s+at\s+"
    r"([a-z]{4,})(?=\s+in\s|[.?!]|\s*$)"
)
_AT_COMPLEMENTS = wordset(
    "home school work night birth first rest least most last times once risk term hospital"
    " clinic church daycare nursery college university lunch dinner breakfast bedtime"
    " playtime weekends present random baseline diagnosis presentation onset delivery"
    " autopsy screening that this which what ease peace odds sea camp uni practice noon"
    " midnight dawn dusk christmas easter all some both full length large heart play"
    " least best worst times altitude high low stake fault hand rest gp shops church"
    " followup follow-up follow diagnosis outpatients outpatient appointments appointment"
    " checkups checkup admission discharge surgery review stage level dose doses holidays"
    " kindergarten preschool playgroup intervals"
)
_SCHOOL_LOWER = gated(
    r"\b(?:at|to|attends?|attending|in)\s+([a-z]{2,}(?:\s+[a-z]{3,})?\s+(?:special\s+school"
    r"|high|high\s+school|academy|elementary|middle\s+school|primary|prep))\b(?!\s+(?:risk"
    r"|dose|doses|levels?|blood|fever|pressure)\b)"
)
_SCHOOL_HEADS = wordset("high academy elementary middle primary prep")
_MY_SCHOOL = gated(
    r"\b(?:my|our|his|her)\s+school\s+([a-z]{3,}(?:\s+[a-z]{3,})?)(?=\s+(?:won['’]?t|wont"
    r"|doesn['’]?t|doesnt|says|said|is|has|will|keeps|told)\b)"
)
_PLAYS_FOR = gated(
    rf"\bplay(?:s|ing)?\s+(?:[a-z]+\s+)?for\s+((?:St\.?\s+)?{NAME_WORD}(?:\s+{NAME_WORD}){{1,3}}"
    r"|[a-z]{3,}\s+[a-z]{3,})(?=[.?!,]|\s+in\b|\s*$)"
)
_ATTEND = gated(rf"\b(?:[Ww]e|[Tt]hey|[Ii]|[Hh]e|[Ss]he|and)\s+attends?\s+({_CAPS})(?=[.?!,;])")
_EMPLOYER = gated(rf"\b(?:[Mm]y|[Hh]is|[Hh]er|[Oo]ur)\s+employer,?\s+({_CAPS})(?=[,.;]|\s+in\b)")
_PARENTS_GROUP = gated(
    rf"\b((?:{NAME_WORD}{_S}){{1,3}}{NAME_WORD}),\s+(?:a|an|our)\s+(?:(?:small|local|little"
    r"|new|friendly)\s+)*(?:parents['’]?|families['’]?|carers['’]?|mums['’]?)\s+"
    r"(?:group|network|club|circle)\b"
)
_SWEDISH = gated(
    rf"\b({NAME_WORD}(?:-{NAME_WORD})?\s+(?:lasarett|lasarettet|sjukhus|sjukhuset|vårdcentral"
    r"|vårdcentralen|universitetssjukhus|universitetssjukhuset))\b"
)
_FINNISH = gated(
    rf"\b({NAME_WORD}(?:-{NAME_WORD})?\s+(?:keskussairaala|yliopistollinen\s+sairaala"
    r"|sairaala|aluesairaala)[a-zäö]*)"
)
_GREEK = gated(r"(?<![\w])([Α-ΩΆ-Ώ][α-ωά-ώ]{3,}\s+Νοσοκομείο[α-ωά-ώ]*)")


def _capital_name(lex: Lexicon, words: str) -> bool:
    first = words.split()[0]
    return first not in NOT_A_NAME and not all(
        lex.plain(w) and w.lower() in lex.medical for w in words.split()
    )


def _corrected_name(lex: Lexicon, words: str) -> bool:
    """A hospital or employer named in a correction: no disease ("no, Stevens Transport";
    "... no, Marfan syndrome" is none)."""
    last = words.split()[-1].lower()
    return words.split()[0] not in NOT_A_NAME and words.lower() not in lex.medical and (
        last not in _DISEASE_HEADS
    )


def unseen47_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 47's institutions found on their own (the module's docstring)."""
    for m in _MATER.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "the Mater"
    for m in _POSTED_BY.finditer(text):
        yield Span(m.start(1), m.end(1), "id")  # "Posted by moth.wing77"
    for m in _HOUSE.finditer(text):
        if m.group(1).split("'")[0].split("’")[0] not in lex.eponyms:
            yield Span(m.start(1), m.end(1), "institution")  # "through Noah's Ark"
    for pattern in (_ROYAL, _BRACKET_ACRONYM, _DISTRICT, _SWEDISH, _FINNISH, _GREEK, _DUTCH_CARE):
        for m in pattern.finditer(text):
            if pattern is _BRACKET_ACRONYM and m.group(1) in _NOT_AN_INSTITUTION:
                continue  # "the school (NHS) said"
            yield Span(m.start(1), m.end(1), "institution")  # "the royal free"
    for m in _POSSESSIVE_CARE.finditer(text):
        word = m.group(1).split()[-1][:-2]
        if word not in NOT_A_NAME:
            yield Span(m.start(1), m.end(1), "institution")  # "under King's."
    for m in _SYSTEM_SITE.finditer(text):
        word = m.group(1).split()[0]
        if word not in _NOT_AN_INSTITUTION and word.lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "institution")  # "at MERCY Aldine in"
    for m in _ACRONYM_STAFF.finditer(text):
        word = m.group(1)
        if word not in _NOT_AN_INSTITUTION and word.lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "institution")  # "CMC doctors"
    for m in _AT_LOWER.finditer(text):
        word = m.group(1)
        if word in _AT_COMPLEMENTS or word in lex.medical:
            continue
        if lex.plain(word) and not text.startswith(" in ", m.end(1)):
            continue  # "were at church."
        yield Span(m.start(1), m.end(1), "institution")  # "we r at comer."
    for pattern in (_SCHOOL_LOWER, _MY_SCHOOL):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            if words[0] in ("the", "a", "an", "my", "our", "his", "her", "their", "this"):
                continue
            if pattern is _MY_SCHOOL and all(lex.plain(w) for w in words):
                continue  # "my school nurse says"
            if pattern is _SCHOOL_LOWER and "special" not in words and (
                words[1] in _SCHOOL_HEADS and lex.plain(words[0])
            ):
                continue  # "went to police academy": a kind of school, no name
            yield Span(m.start(1), m.end(1), "institution")  # "lakeside special school"
    for m in _PLAYS_FOR.finditer(text):
        words = m.group(1).split()
        if words[0] in NOT_A_NAME or words[0].lower() in ("the", "a", "an", "my", "our", "fun"):
            continue
        if words[0].islower() and lex.plain(words[0]):
            continue  # "plays for fun daily"
        yield Span(m.start(1), m.end(1), "institution")  # "plays netball for <club>"
    for pattern in (_ATTEND, _EMPLOYER, _PARENTS_GROUP):
        for m in pattern.finditer(text):
            if _capital_name(lex, m.group(1)):
                yield Span(m.start(1), m.end(1), "institution")  # "My employer, Whirlpool"


def institutions47(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """Round 47's institutions read off the institutions already found: an acronym joined
    to one, its unit or service, "The" before it, capitalised words it runs on with, and a
    hospital or employer corrected before or after it."""
    for span in spans:
        if span.kind != "institution":
            continue
        m = _OR_ACRONYM.match(text, span.end)
        if m and m.group(1) not in _NOT_AN_INSTITUTION and m.group(1).lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "institution")  # "at Westmead or QEII"
        m = _UNIT_AFTER.match(text, span.end)
        if m:
            yield Span(span.start, m.end(1), "institution")  # "<Hospital> Craniofacial Unit"
        m = _RUN_ON.match(text, span.end)
        if m and all(
            not lex.plain(w) and w not in NOT_A_NAME and w.lower() not in lex.medical
            and not w.isupper()
            and "'" not in w
            and "’" not in w  # "Hastanesi'nde": the case ending stays outside
            for w in m.group(1).split()
        ):
            yield Span(span.start, m.end(1), "institution")  # "<Name> Oginga Odinga"
        m = _CORRECTED_AFTER.match(text, span.end)
        if m and _corrected_name(lex, m.group(1)) and m.group(1).split()[0] not in (
            "It", "Its", "That", "Sorry", "Adult"
        ):
            yield Span(m.start(1), m.end(1), "institution")  # "... no, for Stevens Transport"
        m = _CORRECTED_BEFORE.search(text, max(0, span.start - 80), span.start)
        if m and _corrected_name(lex, m.group(1)):
            yield Span(m.start(1), m.end(1), "institution")  # "Medical City, no, I mean"
