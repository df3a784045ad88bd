"""Personal names: after cues (kin words, titles, introductions, greetings, sign-offs),
from the given-name list, and every later mention of a name found."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import surnames
from rareinfo.inquiries.deid.patterns import (
    AFTER_GREETING,
    AFTER_INTRO,
    AFTER_LOWER_INTRO,
    AFTER_SIGNATURE,
    AGE_AS_KIN,
    APPOSITION,
    CREDENTIAL,
    DASH,
    DASHES,
    DEAR,
    FAMILY,
    FAMILY_PLURAL,
    HERE,
    INITIAL_SURNAME,
    INITIALS,
    INTRO,
    KID_IBERIAN,
    KIDS_IBERIAN,
    KIN_CUE,
    KIN_CUE_IBERIAN,
    KIN_LIST,
    KIN_OF,
    LAST_LINE,
    LINE_DASH,
    LIST_ITEM,
    NAME_AGE_BRACKET,
    NAME_BEFORE_AGE,
    NICKNAME,
    PERSON_APPOSITION,
    POSSESSIVE_KIN,
    QUOTE_HEADER,
    SIGNOFF,
    SUBJECT,
    THREE_INITIALS,
    TITLE,
)
from rareinfo.inquiries.deid.tokens import Span, Token, gap_between, is_region, token_at
from rareinfo.inquiries.deid.vocabulary import (
    DISEASE_HEADS,
    INSTITUTION_HEADS,
    KIN,
    TITLES,
    Lexicon,
    common_words,
    eponym_words,
    foreign_words,
    wordset,
)


def _nameish(lex: Lexicon, token: Token, *, lower_ok: bool, cued: bool = False) -> bool:
    """Could this token be (part of) a personal name? Right after a cue ("my husband",
    "Hi", "Dra.") a known given name counts even when it is also a word (Will, Hope)."""
    word = token.core
    if not word or not word[0].isalpha() or any(c.isdigit() for c in word):
        return False
    low = word.lower()
    if low.replace("’", "'") in ("i'm", "i'd", "i'll", "i've", "im"):
        return False  # "his great-grandmother, I'm 84": the writer, not a name
    if (
        cued
        and _given(lex, word)
        and low not in KIN
        and low not in TITLES
        and (word[0].isupper() or (lower_ok and low not in _NOT_AFTER_CUE))
    ):
        return True
    if low in common_words() or low in DISEASE_HEADS or word in INSTITUTION_HEADS:
        return False
    if word[0].isupper():
        if word.isupper() and len(word) > 1:
            return False  # acronyms and gene symbols (CFTR, SMA, MRI)
        return not is_region(word)
    if not lower_ok or len(word) < 2:
        return False
    if low in lex.lower_first_names:
        return True
    return low not in lex.medical and not low.endswith(_VERB_ENDINGS) and low not in _IBERIAN_VERBS


# Spanish and Portuguese verbs and adverbs that follow a kin word: "minha filha tem AME",
# "mi hija fue operada", "mi hijo ya camina".
_IBERIAN_VERBS = wordset(
    "tem tinha teve tiene tenía tuvo é es era está esta estão están foi fue fueron vai va van "
    "faz hace fez hizo ficou quedó nasceu nació toma tomó usa usou começou empezó precisa "
    "necesita sofre sufre mora vive anda estuda estudia trabalha trabaja quer quiere pode "
    "puede já ya também también tambem tambien não nunca sempre siempre só solo se le lo la "
    "me te nos que y e o a con com en em de del do da ha han hay tiveram tienen"
)
# Lower-case words after a kin word that end as verbs do: "my son playing", "Mi madre
# murió", "meu pai faleceu", "mi hermano tenía".
_VERB_ENDINGS = ("ing", "ed", "ly", "ó", "ió", "ou", "eu", "iu", "aba", "ía", "ían", "aram")


def _word_as_name(lex: Lexicon, text: str, tok: Token, cue_end: int) -> bool:
    """A capitalised ordinary word right after a kin word is a name ("my tito Boy", "our
    daughter Summer"): mid-sentence, nothing else gives it a capital."""
    word, low = tok.core, tok.core.lower()
    return (
        tok.start == cue_end
        and low.replace("’", "'") not in ("i'm", "i'd", "i'll", "i've")
        and tok.capitalised
        # "my son JR is 3": initials written as a word, then a verb
        and (not word.isupper() or (len(word) <= 3 and bool(_VERB_NEXT.match(text, tok.end))))
        and low not in lex.medical
        and low not in DISEASE_HEADS
        and low not in TITLES
        and word not in INSTITUTION_HEADS
        and not is_region(word)
    )


_VERB_NEXT = gated(r"\s+(?:is|was|has|had|and|who|will)\b")


# Italian possessives that are also given names in lower case ("mia zia ha la SLA").
_POSSESSIVES = wordset("mia mio tua tuo sua suo")
_SERVICE_HEADS = wordset("Center Centre Team Desk Helpline Line Service Services Office")
_PLACE_BEFORE = gated(r"\b(?:in|from|near|outside|around)\s+$")


def _medical(lex: Lexicon, word: str) -> bool:
    """Is ``word`` a medical word or an eponym?"""
    return word.lower() in lex.medical or word in lex.eponyms or word in eponym_words()


def _given(lex: Lexicon, word: str) -> bool:
    """Is ``word`` a known given name (in any case)?"""
    name = word if word[0].isupper() else word.capitalize()
    return name in lex.first_names or name in lex.ambiguous_names


# Lower-case words after a kin word that are verbs, not names ("my son will be 5").
_NOT_AFTER_CUE = wordset(
    "will may can is was has had and so who also "
    # verbs that are also given names in the wider lists ("my friend said it")
    "said says told tells saw sent got gets made took gave came went kept left found felt "
    "thought knew heard met paid put ran sat read wrote"
)


def _name_run(
    lex: Lexicon,
    text: str,
    tokens: list[Token],
    i: int,
    *,
    lower_ok: bool,
    limit: int = 4,
    cued: bool = False,
) -> list[Token]:
    """Consecutive name-like tokens from index ``i`` (initials like "J." included); a
    lower-case run ("my son liam") takes at most two words."""
    run: list[Token] = []
    while i < len(tokens) and len(run) < limit:
        tok = tokens[i]
        # a particle may open a name only after a cue: "mrs van der Merwe", "Dr. de Souza"
        particles = _particles(text, tokens, i) if (run or cued) and tok.text in _PARTICLES else 0
        if particles and (not run or gap_between(text, run[-1], tok) == " "):
            run.extend(tokens[i : i + particles])  # "van der Merwe", "da Silva", "i Ferrer"
            i += particles
            limit += particles
            continue
        if run:
            gap = gap_between(text, run[-1], tok)
            after_initial = (
                len(run[-1].text) == 1 or run[-1].text in _NAME_ABBREVIATIONS
            ) and gap in (". ", ".")
            if (gap != " " and not after_initial) or run[-1].core != run[-1].text:
                break  # punctuation or a possessive ends the name
            head = next((t for t in run if t.text not in _PARTICLES), None)
            if head and tok.text[0].islower() != head.text[0].islower():
                break
            if head and head.text[0].islower() and len(run) >= 2:
                break
        initial = (
            (len(tok.text) == 1 or tok.text in _NAME_ABBREVIATIONS)
            and tok.text[0].isupper()
            and text[tok.end : tok.end + 1] == "."
        )
        surname = bool(run) and tok.capitalised and tok.core in surnames()
        if not (initial or surname or _nameish(lex, tok, lower_ok=lower_ok, cued=cued and not run)):
            break
        run.append(tok)
        i += 1
    if run and all(len(t.text) == 1 and text[t.end : t.end + 1] == "." for t in run):
        return run if len(run) >= 2 else []  # initials: "J.M."
    while (
        run
        and len(run[-1].text) == 1
        and (run[-1].text in "IA" or text[run[-1].end : run[-1].end + 1] != ".")
    ):
        run.pop()  # a trailing "I" or "A" is a word; "Wanjiru M." keeps its initial
    return run


# Abbreviated given names written with a dot, as initials are: "Md. Shahidul Islam".
_NAME_ABBREVIATIONS = frozenset({"Md", "Mohd", "Muhd", "Mst", "Wm", "Chas", "Jas", "Thos"})


# Words inside a name between its parts: "Pieter van der Merwe", "Núria Puig i Ferrer".
_PARTICLES = wordset(
    "van der den de da das do dos del della di du la le von zu y i e bin bint binti bte al el "
    "ter ten ul ud ur "
    "Mac Mc Ó Ní Nic Ua ap El Al Abu Ben Bin Van Von De Da Del Della Di Du Le La"
)


def _spans(text: str, run: list[Token], strong: bool) -> Iterator[Span]:
    """The spans of a name's parts; a closing initial takes its dot ("Wanjiru M.")."""
    for tok in run:
        end = tok.core_end
        abbreviated = len(tok.text) == 1 or tok.text in _NAME_ABBREVIATIONS
        if abbreviated and tok.text[0].isupper() and text[end : end + 1] == ".":
            end += 1
        yield Span(tok.start, end, "name", strong)


def _particles(text: str, tokens: list[Token], i: int) -> int:
    """Number of particles from ``i`` when a capitalised name part follows them."""
    j = i
    while j < len(tokens) and j - i < 3 and tokens[j].text in _PARTICLES:
        if gap_between(text, tokens[j], tokens[j + 1] if j + 1 < len(tokens) else tokens[j]) != " ":
            return 0
        j += 1
    if j == i or j >= len(tokens):
        return 0
    nxt = tokens[j]
    if not nxt.capitalised or nxt.core.lower() in common_words() or nxt.core.isupper():
        return 0
    return j - i


def _name_list(
    lex: Lexicon,
    text: str,
    tokens: list[Token],
    i: int,
    strong: bool,
    *,
    lower_ok: bool,
    cued: bool = False,
) -> Iterator[Span]:
    """Names at token ``i`` and any joined to them by "and", "&" or commas, an age in
    brackets between them allowed ("Émile (7) and Rosalie (4)")."""
    while i < len(tokens):
        run = _name_run(lex, text, tokens, i, lower_ok=lower_ok, cued=cued)
        if not run:
            return
        yield from _spans(text, run, strong)
        after = _AGE_BRACKET.match(text, run[-1].end)
        j = token_at(tokens, after.end() if after else run[-1].end)
        if j >= len(tokens):
            return
        raw = text[after.end() if after else run[-1].end : tokens[j].start]
        if "\n" in raw:
            return  # a list of names does not run across lines
        gap = raw.strip()
        if tokens[j].text == "and" and gap in ("", ","):
            i = j + 1
        elif gap == "&" and tokens[j].capitalised:
            i = j
        elif gap == "," and tokens[j].capitalised and _given(lex, tokens[j].core):
            i = j  # "Ava, Mia and Leo", unlike "Dr. Ravi Shankar, Dept of Neurology"
        else:
            return


_AGE_BRACKET = gated(r"\s*\(\s*\d{1,3}[^()\n]{0,14}\)")


def name_candidates(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    """Every name a cue, a list or the given-name gazetteer points at."""
    for cue in (KIN_CUE, KIN_OF, AGE_AS_KIN, KIN_CUE_IBERIAN):
        for m in cue.finditer(text):
            # "the patient stands": after "the"/"a" only a capitalised word is a name
            lower_ok = not m.group().lower().startswith(("the ", "a ", "an ", "of "))
            i = token_at(tokens, m.end())
            found = list(_name_list(lex, text, tokens, i, True, lower_ok=lower_ok, cued=True))
            if not _casual(text):  # "his abuela reads": in written case, a verb
                found = [
                    s
                    for s in found
                    if not text[s.start : s.end].endswith("s") or not text[s.start].islower()
                ]
            if cue is AGE_AS_KIN and re.search(r"old\s*,?\s*$", m.group(), re.I):
                # "my 6 year old Duchenne diagnosis": an eponym or a medical word after one's
                # kin's age is no name, unless a given name ("my 7 year old Hunter has")
                found = [s for s in found if _given(lex, text[s.start : s.end]) or not _medical(
                    lex, text[s.start : s.end])]
            yield from found
            if not found and i < len(tokens) and _word_as_name(lex, text, tokens[i], m.end()):
                yield Span(tokens[i].start, tokens[i].core_end, "name", True)
    for m in INITIALS.finditer(text):
        yield Span(m.start(1), m.end(1), "name", True)
    for m in KIN_LIST.finditer(text):
        i = token_at(tokens, m.end())
        yield from _name_list(lex, text, tokens, i, True, lower_ok=False, cued=True)
    for m in TITLE.finditer(text):
        i = token_at(tokens, m.end())
        title = m.group().rstrip(". ").lower()
        lower_ok = title in (
            *("dr", "doctor", "prof", "professor", "mr", "mrs", "ms", "miss"),
            *("doctora", "doutora", "doutor"),
        )
        if title in ("sister", "father", "nurse") and m.group()[0].islower():
            continue
        nxt = tokens[i] if i < len(tokens) else None
        after = tokens[i + 1] if i + 1 < len(tokens) else None
        if (
            nxt
            and nxt.start == m.end()
            and len(nxt.text) == 1
            and nxt.text.isupper()
            and not (after and gap_between(text, nxt, after) in (" ", ". ") and after.capitalised)
        ):
            yield Span(nxt.start, nxt.end, "name", True)  # "Mrs. D (72)"
            continue
        found = list(_name_list(lex, text, tokens, i, True, lower_ok=lower_ok, cued=True))
        yield from found
        if (
            not found
            and nxt is not None
            and nxt.start == m.end()
            and title in _SURNAME_TITLES
            and nxt.capitalised
            and nxt.core in surnames()
            and not nxt.core.isupper()
        ):  # "his name is Dr. Best": a surname that is also a word, after a title
            yield Span(nxt.start, nxt.core_end, "name", True)
    for m in INTRO.finditer(text):
        yield from _intro_names(lex, text, tokens, m)
    for m in DEAR.finditer(text):
        i = token_at(tokens, m.end())
        run = _name_run(lex, text, tokens, i, lower_ok=False, cued=True)
        if run and AFTER_GREETING.match(text, run[-1].end):
            yield from _spans(text, run, True)
    for m in SUBJECT.finditer(text):
        run = _name_run(lex, text, tokens, token_at(tokens, m.end()), lower_ok=False, cued=True)
        if run and AFTER_SIGNATURE.match(text, run[-1].end):
            yield from _spans(text, run, True)
    for pattern in (APPOSITION, POSSESSIVE_KIN, QUOTE_HEADER):
        for m in pattern.finditer(text):
            group = next((g for g in range(1, len(m.groups()) + 1) if m.group(g)), 1)
            if pattern is APPOSITION and _PLACE_BEFORE.search(text, 0, m.start(group)):
                continue  # "we live in London, my son has ...": a place
            if pattern is QUOTE_HEADER and m.group(group).split()[-1] in _SERVICE_HEADS:
                continue  # "On Nov 3, Info Center wrote:": a service, no person
            i = token_at(tokens, m.start(group))
            end = m.end(group)
            run = [t for t in _name_run(lex, text, tokens, i, lower_ok=False, cued=True)]
            if run and run[0].core.endswith("ly") and not _given(lex, run[0].core):
                continue  # "Separately, our cousin", "Sadly, my husband"
            yield from _spans(text, [t for t in run if t.end <= end + 2], True)
    for m in THREE_INITIALS.finditer(text):
        yield Span(m.start(), m.end(), "name", True)
    for pattern in (NICKNAME, NAME_AGE_BRACKET, LIST_ITEM, PERSON_APPOSITION, NAME_BEFORE_AGE):
        for m in pattern.finditer(text):
            tok = tokens[token_at(tokens, m.start(1))]
            word = tok.core
            if (
                pattern is NICKNAME
                or _given(lex, word)
                or (
                    word.lower() not in common_words()
                    and word.lower() not in lex.ordinary_medical
                    and word.lower() not in DISEASE_HEADS
                    and not is_region(word)
                )
            ):
                yield Span(tok.start, tok.core_end, "name", True)
    for m in INITIAL_SURNAME.finditer(text):
        surname = m.group(1).split()[-1].split(".")[-1]
        low = surname.lower()
        if surname in surnames() or (
            low not in common_words()
            and low not in lex.medical
            and surname not in eponym_words()
            and surname not in lex.eponyms
            and not is_region(surname)
        ):
            yield Span(m.start(1), m.end(1), "name", True)
    for m in HERE.finditer(text):
        tok = tokens[token_at(tokens, m.start(1))]
        if _nameish(lex, tok, lower_ok=True):
            yield Span(tok.start, tok.core_end, "name", True)
    for m in FAMILY_PLURAL.finditer(text):
        yield Span(m.start(1), m.end(1), "name", True)
    for m in FAMILY.finditer(text):
        tok = tokens[token_at(tokens, m.start(1))]
        if _nameish(lex, tok, lower_ok=False):
            yield Span(m.start(1), m.start(1) + len(tok.core), "name", True)
    yield from _signoff_names(lex, text, tokens)
    yield from _gazetteer_names(lex, text, tokens)
    yield from kids_iberian(lex, text)


# Titles that precede a surname ("Dr. Best", "Mrs. Young").
_SURNAME_TITLES = wordset(
    "dr doctor prof professor mr mrs ms miss dra doctora doutora doutor sr sra"
)


def _intro_names(lex: Lexicon, text: str, tokens: list[Token], m: re.Match[str]) -> Iterator[Span]:
    i = token_at(tokens, m.end())
    if i >= len(tokens) or tokens[i].start != m.end():
        return
    cue = m.group().lower()
    explicit = cue.startswith(
        (
            "my name",
            "name",
            "called",
            "named",
            "known",
            "goes",
            "signed",
            "nombre",
            "nome",
            "mi nombre",
            "we call",
            "they call",
            "i call",
            "everyone call",
            "people call",
        )
    )
    run = _name_run(lex, text, tokens, i, lower_ok=True, cued=explicit)
    if (
        len(run) < 2
        and tokens[i].capitalised
        and i + 1 < len(tokens)
        and tokens[i + 1].core in surnames()
    ):  # "I'm April Nguyen": a given name that is a word, then a surname
        run = _name_run(lex, text, tokens, i, lower_ok=False, cued=True)
    if run and run[0].text.islower() and run[0].core in foreign_words() and not explicit:
        return  # "soy madre y ...": an everyday word
    if (
        run
        and run[0].text.islower()
        and not explicit
        and not AFTER_LOWER_INTRO.match(text, run[-1].end)
        and not (_given(lex, run[0].core) and run[0].core not in common_words())
    ):
        return
    if not run:
        return
    # "Md. Shahidul Islam": an abbreviated given name is not the word to judge
    first = next((t.core for t in run if t.text not in _NAME_ABBREVIATIONS), run[0].core)
    if (
        explicit
        or first in lex.first_names
        or (AFTER_INTRO.match(text, run[-1].end) and not is_region(first))
        or (run[0].capitalised and _unknown_proper(lex, run[0]))
    ):
        yield from _spans(text, run, True)


def _unknown_proper(lex: Lexicon, tok: Token) -> bool:
    """A capitalised word that is no ordinary, medical or region word nor a nationality
    ("it's Castellanos", unlike "I'm Canadian")."""
    word, low = tok.core, tok.core.lower()
    if _given(lex, word):
        return True
    return not (
        low in common_words()
        or low in lex.medical
        or is_region(word)
        or word.isupper()
        or low.endswith(("an", "ese", "ish", "i", "ic"))
    )


def _initial(text: str, tok: Token) -> bool:
    """An initial: one capital letter and a full stop ("J." of "J. Morales")."""
    return len(tok.text) == 1 and tok.text.isupper() and text[tok.end : tok.end + 1] == "."


def _signoff_names(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    for m in CREDENTIAL.finditer(text):
        j = token_at(tokens, m.start()) - 1
        run: list[Token] = []
        while (
            j >= 0
            and len(run) < 4
            and (_nameish(lex, tokens[j], lower_ok=False) or _initial(text, tokens[j]))
            and text[tokens[j].end : (run[0].start if run else m.start())].strip(" .") == ""
        ):
            run.insert(0, tokens[j])
            j -= 1
        yield from _spans(text, run, True)
    tail_start = max(0, len(text) - 160)
    for m in SIGNOFF.finditer(text, tail_start):
        i = token_at(tokens, m.end())
        if i < len(tokens) and tokens[i].start == m.end():
            rest = text[m.end() :]
            lower_ok = len(rest) < 40 and "." not in rest.rstrip(". \n")
            yield from _name_list(lex, text, tokens, i, True, lower_ok=lower_ok)
    for m in DASH.finditer(text, tail_start):
        run = _name_run(lex, text, tokens, token_at(tokens, m.end()), lower_ok=False, cued=True)
        run = _with_partners(lex, text, tokens, run)
        if (
            run
            and (len(run) >= 2 or _given(lex, run[0].core))
            and AFTER_SIGNATURE.match(text, run[-1].end)
        ):
            yield from _spans(text, run, True)
    for m in LINE_DASH.finditer(text):  # "— Mark" on a line of its own, anywhere
        run = _name_run(lex, text, tokens, token_at(tokens, m.end()), lower_ok=True, cued=True)
        if run and _given(lex, run[0].core) and AFTER_SIGNATURE.match(text, run[-1].end):
            yield from _spans(text, run, True)
    for m in _NAME_CONTACT_LINE.finditer(text, max(0, len(text) - 200)):
        run = _name_run(lex, text, tokens, token_at(tokens, m.start(1)), lower_ok=False, cued=True)
        if (
            run and run[-1].end == m.end(1) and run[0].core.lower() not in _CONTACT_LABELS
        ):  # "Bernice 404.555.0172" on the last lines
            yield from _spans(text, run, True)
    # a bare name closing the message: "... Any pointers appreciated. Rachel Owens"
    last = LAST_LINE.search(text, max(0, len(text) - 200))
    if last:
        i = token_at(tokens, last.start(1))
        if i < len(tokens):
            dash = DASHES.match(text, last.start(1))
            if dash:
                i = token_at(tokens, dash.end())
            run = _with_partners(
                lex, text, tokens, _name_run(lex, text, tokens, i, lower_ok=False, cued=True)
            )
            rest = text[run[-1].end :] if run else ""
            if _CONTACT_REST.fullmatch(rest):
                rest = ""  # "Bernice 404.555.0172": a name and a phone number close it
            alone = (
                len(run) == 1
                and run[0].core.lower() not in _CONTACT_LABELS
                and not rest.strip()
                and run[0].core == run[0].text
                and run[0].text.lower() not in lex.medical
            )
            if (
                run
                and (len(run) >= 2 or _given(lex, run[0].core) or alone)
                and (_KISSES.fullmatch(rest) or rest.lstrip().startswith(","))
            ):
                yield from _spans(text, run, True)


# What may follow a name that closes a message: kisses, a smiley, a full stop.
_KISSES = gated(r"\s*(?:(?:x+|xo+x*|<3|:\)|:-\))\s*)?[.!]*\s*", re.I)
_NAME_CONTACT_LINE = gated(
    r"(?m)^[ \t]*([A-Z][\w'’-]+(?:[ \t][A-Z][\w'’-]+){0,2})[ \t,|:]+"
    r"(?:\+?[\d(][\d \t().-]{6,}\d|\S+@\S+)[ \t]*$"
)
_CONTACT_LABELS = wordset(
    "ph tel phone mob mobile cell fax email e-mail whatsapp office direct home work pager "
    "contact cel móvil celular telefone telefono teléfono zap"
)
_CONTACT_REST = gated(r"[\s,|:]*(?:(?:\+?[\d()][\d\s().-]{6,}\d)|\S+@\S+)\s*")
_AND = gated(r"\s*(?:&|and|y|e)\s+(?=[A-Z])")


def _with_partners(lex: Lexicon, text: str, tokens: list[Token], run: list[Token]) -> list[Token]:
    """A signed name and the names joined to it: "Mark & Joy Okonkwo-Hale", "Gemma & Lee"."""
    while run:
        joined = _AND.match(text, run[-1].end)
        if not joined:
            break
        more = _name_run(
            lex, text, tokens, token_at(tokens, joined.end()), lower_ok=False, cued=True
        )
        if not more:
            break
        run = [*run, *more]
    return run


# Syllables of romanised Korean given names (Revised Romanisation and common spellings).
_KOREAN_SYLLABLES = wordset(
    "min jun ji woo eun seo yeon hyun soo jae hee young sung joon ha yoon jin hye kyung mi "
    "na da in ah sook ja hoon ho chul dong won tae seung hwa jung kyu sang gyu yu ri so bin "
    "hyeon yeong jeong ye gun kun woong hyuk sik il yong chan hyo sun bo ra ae jee yeol "
    "sol yun hyung seok suk eon an ju han gi ki su jo"
)


def _korean(word: str) -> bool:
    """A romanised Korean given name: two known syllables joined by a hyphen."""
    first, _, second = word.partition("-")
    return (
        bool(second)
        and first[:1].isupper()
        and first[1:].islower()
        and second.islower()
        and first.lower() in _KOREAN_SYLLABLES
        and second in _KOREAN_SYLLABLES
    )


def _casual(text: str) -> bool:
    """Written without capitals where they belong (most sentences start in lower case, or
    "i" stands alone): only there is a lower-case given name taken without a cue."""
    starts = re.findall(r"(?:^|[.!?]\s+|\n\s*)([^\W\d_])", text)
    lower = sum(c.islower() for c in starts)
    return (
        lower * 2 >= max(len(starts), 1) or re.search(r"(?:^|\s)i(?:\s|['’]m\b)", text) is not None
    )


# Given names that are also auxiliaries ("Can" is Turkish): at the head of a question they ask
# ("Can Kaftrio be taken?"); a name after them is found by its own entry in the list.
_MODAL_NAMES = wordset("Can Will May")
_OPENS = gated(r"(?:^|[.!?:;\n]\s*|^\s*[-*•]\s*)$")
_ASKING = gated(r"[^.!?\n]{1,160}\?")


def _gazetteer_names(lex: Lexicon, text: str, tokens: list[Token]) -> Iterator[Span]:
    unambiguous, ambiguous = lex.first_names, lex.ambiguous_names
    lower_names = lex.lower_first_names if _casual(text) else frozenset()
    for i, tok in enumerate(tokens):
        word = tok.core
        if word in unambiguous or (
            word in ambiguous
            and i + 1 < len(tokens)
            and gap_between(text, tok, tokens[i + 1]) == " "
            and tokens[i + 1].capitalised
            and _nameish(lex, tokens[i + 1], lower_ok=False)
            and tokens[i + 1].core not in eponym_words()
            and tokens[i + 1].core not in lex.eponyms
            and not (word in _MODAL_NAMES and _ASKING.match(text, tok.end) and _OPENS.search(
                text, 0, tok.start))  # "Can Spinraza be given at home?": a question
        ):
            run = _name_run(lex, text, tokens, i, lower_ok=False, limit=3, cued=True)
            yield from _spans(text, run or [tok], False)
        elif (
            word.islower()
            and word in lower_names
            and word not in foreign_words()
            and word not in _POSSESSIVES
        ) or _korean(
            word
        ):
            yield Span(tok.start, tok.core_end, "name", False)
        elif (
            word in surnames()
            and tok.capitalised
            and i + 1 < len(tokens)
            and gap_between(text, tok, tokens[i + 1]) == " "
            and tokens[i + 1].core in unambiguous | ambiguous
            and tokens[i + 1].capitalised
            and word.lower() not in common_words()
            and word.lower() not in lex.medical
            and not is_region(word)
        ):  # surname first: "Zhang Wei", "Nguyen Thanh"
            yield Span(tok.start, tokens[i + 1].core_end, "name", False)


def partners(lex: Lexicon, text: str, tokens: list[Token], names: list[Span]) -> Iterator[Span]:
    """A capitalised unknown word joined to a name a cue found: "Aoife and Ciarán in Navan"."""
    for span in names:
        joined = _AND.match(text, span.end)
        if joined is None:
            continue
        i = token_at(tokens, joined.end())
        run = _name_run(lex, text, tokens, i, lower_ok=False)
        if run and all(t.core.lower() not in lex.medical for t in run):
            yield from _spans(text, run, True)


# A nickname in brackets right after a name: "Benjamín (Benja)", "Elizabeth (Lizzie)".
_BARE_NICKNAME = gated(r"\s*\(([A-ZÀ-Þ][a-zà-ÿ'’-]+)\)")


def nicknames(lex: Lexicon, text: str, names: list[Span]) -> Iterator[Span]:
    """A capitalised word in brackets right after a found name is its nickname."""
    for span in names:
        m = _BARE_NICKNAME.match(text, span.end)
        if m is None:
            continue
        low = m.group(1).lower()
        if low not in lex.medical and low not in common_words() and not is_region(m.group(1)):
            yield Span(m.start(1), m.end(1), "name", True)


def kids_iberian(lex: Lexicon, text: str) -> Iterator[Span]:
    """Children listed with their ages in Spanish or Portuguese: "2 hijos yeison de 14"."""
    for m in KIDS_IBERIAN.finditer(text):
        for kid in KID_IBERIAN.finditer(m.group(1)):
            word = kid.group(1).lower()
            if word not in lex.medical and word not in common_words() and word not in ("y", "e"):
                yield Span(m.start(1) + kid.start(1), m.start(1) + kid.end(1), "name", True)
