"""The institution sweep: name shapes of hospitals, health systems, insurers, labs, care homes,
agencies and local funds that no labelled set had shown, found by going through each shape
with every cue rather than through a set's misses.

Found: a name before "General", "Memorial" or "Regional" with no kind word after it
("Thistlemoor Memorial told us"); a name before an insurer's ending ("Cardinal Mutual",
"Harbor Life Assurance", "Velden HealthCare"); a private lab's name ("Corwen Diagnostics",
"Helix Ridge Genetics"); a care home's name ("Greyfriars Lodge", "Willowmere House",
"Ashgrove Manor"); a family fund, or a fund after "a grant from" ("Mellor Family Trust");
a health system's name before a dash and its hospital ("Bellhaven – University Medical
Center", "Pennick Health – Eastfield"); a faith or system prefix before a name ("Sacred
Heart Wexley", "Good Samaritan Dellwood", "Atrium Breckley", "St. Brannoc"), a royal
eponym with its possessive ("King Edric's"); a county agency ("Velt County Child
Protection", "Brisco County DCFS"); German, Swiss, Spanish and Italian head words before a
name ("Krankenhaus Bergheide", "Spital Grünegg", "Seguros Alcorán", "Scuola Elementare Don
Bosio"), a mosque ("Masjid Al-Noor Tellford"), "Temple/Church ... of X"; plain words before
an ending no field of study has ("Primary Care Partners", "Cardinal Mutual"); therapy,
urgent-care and day-programme names ("Stride Physical Therapy", "Riverbend Urgent Care");
an unknown name before a team or specialist ("the Carrowden renal team"); a lower-case
unknown word before a kind word after at/to/in ("at kilnbrook surgery").

Every name part but the head must be capitalised, and one of them must be no ordinary,
foreign, lower-case medical or bundled eponym word (the knowledge base's eponyms hold
surnames of every kind, "Mellor", "Harbor"): "Medical Genetics", "Cystic Fibrosis Trust",
"Marfan Foundation", "Attorney General" stay. "Our Lady of" is left to the kind-word rules
("Our Lady of Lourdes" is a shrine).

``kept_institution_forms`` takes back a generic place of care read as an institution after
"the"/"a" ("the children's hospital", "the university hospital", "the emergency
department") and an eponymous test, scale or diet with no verb between ("Mayo clinic diet",
"Hopkins verbal learning test"; "Alberta Children's wants to test" stays found)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import cities, regions
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    DISEASE_HEADS,
    FUNCTION_WORDS,
    WORD,
    Lexicon,
    common_words,
    eponym_words,
    foreign_words,
    wordset,
)

_WORD = r"[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?"
_STOP = wordset(
    "The A An My Our Your His Her Their We I She He They It This That Is Was And Or But If "
    "When At To From In With For Of On By Dear Hi Hello"
)
# one to three capitalised words, not opening with an article or a pronoun
_RUN = rf"(?!(?:{'|'.join(sorted(_STOP))})\b){_WORD}(?:[^\S\n]{_WORD}){{0,2}}"

_GENERAL = gated(rf"\b({_RUN})[^\S\n](?:General|Memorial|Regional)\b(?![^\S\n][A-Z])")
_ENDINGS = gated(
    rf"\b({_RUN})[^\S\n](?:Mutual|Insurance|Assurance|HealthCare|Healthcare|Health[^\S\n]Plan"
    r"|Genetics|Genomics|Diagnostics|Labs?|Laborator(?:y|ies)|Pathology|Lodge|Manor|House"
    r"|Partners|Associates|Medical[^\S\n]Group|Family[^\S\n]Practice|Urgent[^\S\n]Care"
    r"|Physical[^\S\n]Therapy|Physiotherapy|Day[^\S\n](?:Program|Programme|Cent(?:er|re))"
    r"|(?:Temple|Church|Mosque|Chapel|Synagogue|Gurdwara|Parish)[^\S\n]of[^\S\n][A-Z][a-z]+"
    r"|Care[^\S\n]Home|Nursing[^\S\n]Home|Family[^\S\n](?:Trust|Foundation|Fund))\b"
)
# an insurer's name may be plain words ("Harbor Life Assurance", "Unity Shield") after a cue
_INSURER = gated(
    r"(?i:\b(?:insurance|insurer|cover(?:ed)?|plan|policy)(?:[^\S\n]+(?:is|was))?,?[^\S\n]+"
    r"(?:(?:with|through|by|from)[^\S\n]+)?)"
    rf"((?!(?:The|A|An|My|Our|Your|His|Her|Their)\b){_RUN}[^\S\n](?:Mutual|Insurance|Assurance"
    r"|Shield|Care[^\S\n]Plus|Health[^\S\n]Plan|Life))\b"
)
# lower-case: an unknown word before a kind word after "at/to/from/in/into"
_LOWER = gated(
    r"\b(?:at|to|from|in|into)[^\S\n]+([a-z][a-z'’-]{2,}[^\S\n]+(?:hospital|infirmary|general"
    r"|surgery|clinic|care[^\S\n]home|nursing[^\S\n]home|medical[^\S\n]cent(?:er|re)"
    r"|children['’]s[^\S\n]hospital|health[^\S\n]cent(?:er|re)))\b"
)
# endings no field of study has: the name may be plain words ("Primary Care Partners")
_PLAIN_ENDINGS = gated(
    rf"\b((?!(?:The|A|An|My|Our|Your|His|Her|Their|We|I|And|Or)\b){_WORD}(?:[^\S\n]{_WORD}){{1,2}})"
    r"[^\S\n](?:Partners|Associates|Mutual|Assurance)\b"
    rf"|\b(?!(?:The|A|An|My|Our|Your|His|Her|Their|We|I|And|Or)\b){_WORD}[^\S\n](?:Mutual|Assurance)\b"
)
# an unknown name before a team or a specialist: "the Carrowden renal team"
_TEAM = gated(
    rf"\b(?:the|her|his|my|our|their)[^\S\n]+({_WORD})[^\S\n]+(?:[a-z]+[^\S\n]+)?"
    r"(?:team|consultants?|neurologists?|geneticists?|doctors|ward|unit|nurses)\b"
)
_GRANT = gated(
    rf"(?i:\b(?:grant|funding|money|bursary|donation)[^\S\n]+(?:from|by)[^\S\n]+)(?!The\b)"
    rf"({_RUN}[^\S\n](?:Trust|Foundation|Fund|Charity))\b"
)
_DASH = gated(
    rf"\b({_RUN})[^\S\n]+[–—-][^\S\n]+(?:University[^\S\n])?(?:Medical[^\S\n]Cent(?:er|re)"
    r"|Hospital|Health|Clinic)\b"
    rf"|\b({_RUN}[^\S\n]Health(?:[^\S\n]?[Cc]are|[^\S\n]System)?)[^\S\n]+[–—-][^\S\n]+({_WORD})\b"
)
_PREFIX = gated(
    r"\b(?:(?:St\.?|Saint|Sacred[^\S\n]Heart|Good[^\S\n]Samaritan|Mercy"
    r"|Providence|Baptist|Methodist|Presbyterian|Adventist|Kaiser|Sutter|Atrium|Intermountain"
    rf"|Geisinger|Sanford|Banner|Avera|Masjid)[^\S\n]({_WORD}(?:[^\S\n]{_WORD})?)"
    r"|(?:King|Queen|Prince|Princess)[^\S\n]([A-Z][a-z]+)['’]s)(?![\w])"
)
_AGENCY = gated(
    rf"\b{_RUN}[^\S\n]County[^\S\n](?:Children['’]s[^\S\n]Services|Child[^\S\n]Protection"
    r"|Child[^\S\n]Protective[^\S\n]Services|Public[^\S\n]Health|Social[^\S\n]Services"
    r"|Human[^\S\n]Services|Family[^\S\n]Services|Health[^\S\n]Department|DCFS|DHS|CPS|DSS)\b"
)
_FOREIGN = gated(
    rf"\b(?:Krankenhaus|Spital|Kantonsspital|Seguros|Scuola(?:[^\S\n](?:Elementare|Media|Primaria))?"
    rf"|Istituto|Colegio|Escuela)[^\S\n]({_RUN})"
)


# "Mendelian Genetics", "Hippocratic Pathology": an adjective of a name is a field, no lab
_ADJECTIVE = gated(r"(?:ian|ic|al)\b")
# "St. John's wort", "St. Louis encephalitis", "Saint Vitus dance", "Queen Anne's lace"
# "wants to test", "ordered a test", "did the test": the words before a test are no verb
_VERB_LIKE = gated(r"^(?:to|a|an|the|for|and|or|with|on|in|at|of|her|his|my|our|their|some"
                        r"|more|another|genetic|blood|did|does|do|will|would|can|could|may|might"
                        r"|should|must|is|was|are|were|be|been|had|has|have|said|says|also)$"
                        r"|(?:ed|s)$")
_NEXT = gated(r"[^\S\n]+([a-z]+)")
_NOT_PLACES_OF_CARE = wordset("wort dance lace fire disease syndrome")


def _proper(lex: Lexicon, word: str) -> bool:
    """No ordinary, foreign, lower-case medical word nor eponym: a name ("Thistlemoor")."""
    word = re.sub(r"['’]s$", "", word)
    low = word.lower()
    return not (
        low in common_words()
        or low in foreign_words()
        or low in lex.ordinary_medical
        or low in FUNCTION_WORDS
        or low in DISEASE_HEADS
        or word in eponym_words()  # the knowledge base's eponyms hold surnames of every kind
    )


def _named(lex: Lexicon, run: str) -> bool:
    words = run.split()
    return bool(words) and words[0] not in _STOP and any(_proper(lex, w) for w in words)


# "Dr Mercy Asante", "Sister Providence": a title before the prefix makes it a person
_TITLE_BEFORE = gated(r"\b(?:Dr|Mr|Mrs|Ms|Miss|Mx|Prof|Rev|Sister|Sr|Nurse)\.?[^\S\n]+$")


def _place_or_person(text: str, start: int, found: str) -> bool:
    """A known town, country or region named after a saint ("Saint Lucia", "St. Louis",
    "St Kitts", "St. George") is a place, and a prefix after a title is a person's name."""
    if _TITLE_BEFORE.search(text[max(0, start - 12):start]):
        return True
    words = tuple(WORD.findall(found))[:2]
    if len(words) < 2:
        return False
    # "St Kitts", "St. Vincent": the start of "Saint Kitts and Nevis", "Saint Vincent and ..."
    for first in {words[0], "Saint" if words[0] in ("St", "Ste") else words[0]}:
        for table in (cities(), regions()):
            if any(phrase[:2] == (first, words[1]) for phrase in table.get(first, ())):
                return True
    return False


def institution_form_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """The swept institution shapes (the module's docstring)."""
    for pattern in (_GENERAL, _ENDINGS, _FOREIGN):
        for m in pattern.finditer(text):
            if _named(lex, m.group(1)) and not _ADJECTIVE.search(m.group(1)):
                yield Span(m.start(), m.end(), "institution")
    for m in _GRANT.finditer(text):
        if _named(lex, m.group(1)):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _DASH.finditer(text):
        run = m.group(1) or m.group(2)
        if _named(lex, run) or (m.group(3) and _proper(lex, m.group(3))):
            yield Span(m.start(), m.end(), "institution")
    for m in _PREFIX.finditer(text):
        run = m.group(1) or m.group(2)
        after = _NEXT.match(text, m.end())
        if _place_or_person(text, m.start(), m.group(0)):
            continue
        if _named(lex, run) and not (
            after
            and (
                after.group(1) in _NOT_PLACES_OF_CARE
                or (after.group(1) in lex.medical and after.group(1) not in common_words())
            )
        ):
            yield Span(m.start(), m.end(), "institution")
    for m in _PLAIN_ENDINGS.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in _TEAM.finditer(text):
        word = m.group(1)
        if (
            _proper(lex, word)
            and word.lower() not in lex.medical
            and word not in lex.first_names
            and word not in lex.ambiguous_names
        ):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _INSURER.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _LOWER.finditer(text):
        word = m.group(1).split()[0]
        if _proper(lex, word) and word not in lex.first_names and word.lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _AGENCY.finditer(text):
        yield Span(m.start(), m.end(), "institution")


_GENERIC_CARE = gated(
    r"(?i)\b(?:the|a|an|our|her|his|their|my)[^\S\n]+((?:children['’]s|university|teaching"
    r"|general|local|district|community)[^\S\n]+hospital|emergency[^\S\n]+(?:department|room))\b"
)
_EPONYM_TOOL = gated(
    r"[^\S\n]+((?:[a-z]+[^\S\n]+){0,2})(?:scale|test|diet|score|criteria|questionnaire"
    r"|classification)\b"
)


def kept_institution_forms(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what the sweep knows is no institution (the module's docstring)."""
    del lex
    generic = [(m.start(1), m.end(1)) for m in _GENERIC_CARE.finditer(text)]
    kept: list[Span] = []
    for span in spans:
        if span.kind == "institution":
            if any(a <= span.start and span.end <= b for a, b in generic):
                continue
            after = _NEXT.match(text, span.end)
            tool = _EPONYM_TOOL.match(text, span.end)
            if (tool and not any(_VERB_LIKE.search(w) for w in tool.group(1).split())) or (
                after and after.group(1) in _NOT_PLACES_OF_CARE
            ):
                continue
        kept.append(span)
    return kept
