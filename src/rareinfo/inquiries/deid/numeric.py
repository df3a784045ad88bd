"""Contact details, record numbers, dates and ages."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.patterns import (
    AGE_A_LOS,
    AGE_AFTER_NAME,
    AGE_AT,
    AGE_COMMA,
    AGE_CONTRACTED,
    AGE_CUE,
    AGE_DIED,
    AGE_EVENT,
    AGE_HAVE,
    AGE_I_AM,
    AGE_IBERIAN,
    AGE_OF,
    AGE_PAREN,
    AGE_PART_OF_DECADE,
    AGE_PATTERNS,
    AGE_PIECE,
    AGE_SUBJECT,
    AGE_TURNED,
    AGE_YEARS_MONTHS,
    AGO_IBERIAN,
    DATES,
    EMAIL,
    EXTENSION,
    HANDLE,
    HOLIDAY_DATE,
    KID_IBERIAN,
    KIDS_IBERIAN,
    LOWER_MONTH_DATE,
    ONSET,
    PHONE,
    PHONE_CUE,
    PUBLIC_ID,
    RECORD_CUE,
    RECORD_VALUE,
    SINCE_TREATMENT,
    SPELLED_EMAIL,
    SSN,
    URL,
    WORD_BEFORE,
    YEAR_CONTEXT,
)
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    AGE_SUBJECTS,
    KIN,
    Lexicon,
    common_words,
    eponym_words,
    wordset,
)

# ---------------------------------------------------------------------------- detectors

# A bare domain of any top-level domain with a path, as people paste links from an app's share
# button ("discord.gg/abc042", "t.me/somebody", "linktr.ee/x"): written in lower case, so a
# protein change ("p.Arg/Gly") or a unit ("mg/dL") does not match.
BARE_LINK = gated(
    r"(?<![\w@./-])[a-z0-9][a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,6}/"
    r"[A-Za-z0-9_./?=&%#~+-]*[A-Za-z0-9_/=#~+-]"
)
# A user name after the app or the word that names it ("LINE ID: ploy_kk88", "Telegram
# @x", "my username is x"): the name has a digit or an underscore, or the cue says it is a
# user name.
HANDLE_AFTER_CUE = gated(
    r"(?i:(?:\b(?:LINE|Telegram|Insta(?:gram)?|IG|Snap(?:chat)?|TikTok|Discord|Skype|WeChat"
    r"|Signal|Kik|Twitter|Threads|Bluesky|Reddit|Viber|KakaoTalk|Zalo|QQ|GitHub|GitLab"
    r"|Mastodon)|微信号?|카카오톡|카톡|ライン)(?:\s+(?:ID|handle|name|user(?:\s?name)?|아이디))?"
    r"(?:\s+is\s+|\s*[:=：-]\s*|\s+))"
    r"(@?(?=[A-Za-z0-9_.-]*[\d_-])[A-Za-z][A-Za-z0-9_.-]{2,30}[A-Za-z0-9_])"
    # "my username on the school forum is x"
    r"|(?i:\b(?:user\s?name|handle|gamertag)(?:\s+(?:on|for|in)(?:\s+[\w'’-]+){1,4}?)?"
    r"(?:\s+is|\s*[:=]))\s+"
    r"(@?[A-Za-z][A-Za-z0-9_.]{2,30}[A-Za-z0-9_])"
)


def contact_spans(text: str) -> Iterator[Span]:
    emails = [(m.start(), m.end()) for m in EMAIL.finditer(text)]
    for s, e in emails:
        yield Span(s, e, "email")
    for m in URL.finditer(text):
        end = m.end()
        while end > m.start() and text[end - 1] in ".,;:!?":
            end -= 1
        if not any(s <= m.start() < e for s, e in emails):
            yield Span(m.start(), end, "url")
    urls = [(s, e) for s, e in emails]
    urls += [(m.start(), m.end()) for m in URL.finditer(text)]
    for m in BARE_LINK.finditer(text):
        if not any(s <= m.start() < e for s, e in urls):
            yield Span(m.start(), m.end(), "url")
    for m in HANDLE_AFTER_CUE.finditer(text):
        group = 1 if m.group(1) else 2
        if not any(s <= m.start(group) < e for s, e in urls):
            yield Span(m.start(group), m.end(group), "id")
    for m in SPELLED_EMAIL.finditer(text):
        yield Span(m.start(), m.end(), "email")
    for m in HANDLE.finditer(text):
        yield Span(m.start(), m.end(), "id")
    for m in PHONE.finditer(text):
        digits = sum(c.isdigit() for c in m.group())
        if SSN.fullmatch(m.group()):
            continue
        cue = PHONE_CUE.search(text[max(0, m.start() - 40) : m.start()])
        if 9 <= digits <= 15 or (7 <= digits <= 15 and cue):
            extension = EXTENSION.match(text, m.end())
            # "614-555-0199 ext. 4471": the extension, its word too, goes with the number
            yield Span(m.start(), extension.end(1) if extension else m.end(), "phone")


# A code of letters and seven or more digits with no cue ("Tarjeta BBBB555017629014"): an
# identifier of someone; sequence accessions (ENST..., NM_...) are not.
_LONG_CODE = gated(
    r"(?<![\w.-])(?!(?:ENS[A-Z]*|LRG|GCST|SCV|VCV|RCV|NCT|GSE|GSM|GPL|SRR|SRP|SRX|ERR|DRR|PRJNA|EGA[SD])\d)[A-Z]{1,5}-?\d{7,}[A-Z0-9]*\b(?![.-]\d)"
)


# An age with a sex, as forms and forums write it: "F, 33, with POTS", "28/F here", "M/45".
_SEX_AGE = gated(
    r"(?<![\w/])(?:(?:[MF]|[Mm]ale|[Ff]emale),\s*(\d{1,3})(?=\s*[,;.)]|\s+(?:with|w/|here|and)\b)"
    r"|(\d{1,3})\s*/\s*[MFmf](?![\w/])|[MF]\s*/\s*(\d{1,3})(?![\w/])"
    # in brackets, as people write about themselves: "(f, 20)", "(20, m)"
    r"|\(\s*[mfMF]\s*,?\s*(\d{1,2})\s*\)|\(\s*(\d{1,2})\s*,\s*[mfMF]\s*\))"
)


# Identifiers in the shapes issuing bodies give them, with no cue: letters then digit groups
# joined by "-" or "/" ("GHA-720113458-3", "NMC-2024-118407", "JHI/IND/0047712"), and digit
# groups closed by a check digit ("61101-8847712-3", "5.443.112-9").
_SEPARATED_CODE = gated(
    r"(?<![\w./-])(?:[A-Z]{2,5}[-/](?:[A-Z]{2,5}[-/])?\d[\d/-]*\d"
    r"|\d{1,6}(?:[.-]\d{3,8}){1,3}-[\dKk]"
    # a health card of capitals and spaced digit groups: "TREJ 8503 1212"
    r"|[A-Z]{4,5}(?: \d{3,5}){2,3})(?![\w/]|[.-]\d)"
)
# "NHIF no. 4471 0092": the abbreviation's dot does not end the sentence.
_NUMBER_WORD = gated(r"(?i)\s*(?:no\.|nº|n°|num\.|number|#)")


def _separated_codes(text: str) -> Iterator[Span]:
    for m in _SEPARATED_CODE.finditer(text):
        letters = m.group().split(" ")[0]
        if " " in m.group() and RECORD_CUE.fullmatch(letters):
            continue  # "CURP 1234 5678": the scheme's name stays, the record cue takes the rest
        if sum(c.isdigit() for c in m.group()) >= 7 and not PUBLIC_ID.match(text, m.start()):
            yield Span(m.start(), m.end(), "record_number")


# A long number with no cue ("TC Kimlik No 10000041782", "C.C. 43.000.817", "n° de sécu :
# 2 85 07 29 000 417 22", "nosologico 2022/004178"): six digits or more, alone or in groups
# joined by a space, dot, dash or slash, with at most three capitals before.
_DIGIT_RUN = gated(r"(?<![\w.,/:+#-])[A-Z]{0,3}\d+(?:[ ./-]\d+)*(?![\w]|[.,/-]\d)")
# What such a number may be besides a record: years, a range of years, a date, a decimal
_NOT_A_RECORD = gated(
    r"(?:(?:1[89]|20)\d\d(?:s|[-–/ ](?:1[89]|20)?\d\d)*|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"
    r"|\d{4}[./-]\d{1,2}[./-]\d{1,2}|\d{1,3}\.\d+(?:-\d{1,3}\.\d+)?|(?:ENS|LRG|SCV|VCV|RCV|NCT|GSE|GSM|GPL|SRR|SRP"
    r"|SRX|ERR|DRR)\d+)"
)
_MEASURED = gated(
    r"\s*(?:%|mg|g|kg|mcg|µg|ug|ml|mL|l|L|IU|iu|U|units?|cells|copies|bp|kb|Mb|mm|cm|km|mi"
    r"|steps|calories|kcal|words|people|patients|children|families|cases|members|dollars"
    r"|euros?|pesos|reais|rupees|pounds|[/$€£x×])(?![a-zA-Z])"
)
_MONEY = gated(r"(?:[$€£¥₹]|R\$|USD|EUR|GBP|Rs\.?|MXN|COP|ARS)\s*$")
# public identifiers whose number may stand apart from the name: "OMIM #253300", "MIM 309900"
_PUBLIC_BEFORE = gated(
    r"(?i)(?:OMIM|MIM|ORPHA|Orphanet|PMID|PMCID|HGNC|ClinVar|GARD|NCT|DOI|ISBN|ISSN|Gene\s+ID"
    r"|accession|chr\w*|position|build)\W{0,4}$"
)


def _long_numbers(text: str) -> Iterator[Span]:
    # a number inside a phone number stays the phone's (found by contact_spans)
    phones = {
        (m.start(), m.end())
        for m in PHONE.finditer(text)
        if 9 <= sum(c.isdigit() for c in m.group()) <= 15
        or (
            7 <= sum(c.isdigit() for c in m.group()) <= 15
            and PHONE_CUE.search(text[max(0, m.start() - 40) : m.start()])
        )
    }
    for m in _DIGIT_RUN.finditer(text):
        number = m.group()
        if sum(c.isdigit() for c in number) < 6 or _NOT_A_RECORD.fullmatch(number):
            continue
        if _MEASURED.match(text, m.end()) or _MONEY.search(text, max(0, m.start() - 5), m.start()):
            continue
        if _PUBLIC_BEFORE.search(text, max(0, m.start() - 20), m.start()):
            continue
        if re.fullmatch(r"\d{6}", number) and text[max(0, m.start() - 2) : m.start()] == "; ":
            continue  # OMIM's way of citing a gene: "(DLD, or E3; 238331)"
        if PUBLIC_ID.match(text, m.start()) or any(
            a <= m.start() and m.end() <= b for a, b in phones
        ):
            continue
        yield Span(m.start(), m.end(), "record_number")


def record_spans(text: str) -> Iterator[Span]:
    for m in SSN.finditer(text):
        yield Span(m.start(), m.end(), "record_number")
    yield from _long_numbers(text)
    for m in _LONG_CODE.finditer(text):
        if not PUBLIC_ID.match(text, m.start()):
            yield Span(m.start(), m.end(), "record_number")
    yield from _separated_codes(text)
    for m in RECORD_CUE.finditer(text):
        if _PUBLIC_BEFORE.match(m.group()):
            continue  # "OMIM #253300": a public entry's number, not a record
        number_word = _NUMBER_WORD.match(text, m.end())
        cue_end = number_word.end() if number_word else m.end()
        window = text[cue_end : cue_end + 70]
        stop = re.search(r"[.!?;](?:\s|$)|\n", window)
        if stop:
            window = window[: stop.start()]
        value = RECORD_VALUE.search(window)
        if value is None or sum(c.isdigit() for c in value.group()) < 3:
            continue
        if value.start() > 0 and re.search(r"\d", window[: value.start()]):
            continue
        start, end = cue_end + value.start(), cue_end + value.end()
        if text[start] == "#":
            start += 1
        if PUBLIC_ID.match(text, start):
            continue
        yield Span(start, end, "record_number")


# A day and a month with no year after a cue: "born on 2/14", "nasceu dia 15/08", "Tues 3/11".
_DAY_MONTH = gated(
    r"(?i)\b(?:born|nasceu|naci[óo]|dia|on|el|appt|appointment|mon|tue|tues|wed|thu|thur|thurs"
    r"|fri|sat|sun)\.?\s+(?:on\s+)?(\d{1,2}/\d{1,2})\b(?![/\d])"
    r"(?!\s*(?:of|mg|doses?|days?|%|times|nights|weeks|hours))"
)
# A month with "past" in Spanish or Portuguese: "octubre del año pasado", "julho passado".
_MONTH_PAST = gated(
    r"(?i)\b(?:(?:el|o)\s+pasad[oa]\s+|(?:el|o)\s+passad[oa]\s+)?(?:enero|febrero|marzo|abril"
    r"|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|janeiro|fevereiro|março"
    r"|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro)"
    r"(?:\s+(?:pasado|passado|del\s+año\s+pasado|do\s+ano\s+passado))\b"
)


def date_spans(text: str) -> Iterator[Span]:
    for pattern in DATES:
        for m in pattern.finditer(text):
            group = "d" if "d" in pattern.groupindex else 0
            yield Span(m.start(group), m.end(group), "date")
    for m in YEAR_CONTEXT.finditer(text):
        yield Span(m.start(1), m.end(1), "date")
    for m in _DAY_MONTH.finditer(text):
        first, second = (int(x) for x in m.group(1).split("/"))
        if (first <= 31 and second <= 12) or (first <= 12 and second <= 31):
            yield Span(m.start(1), m.end(1), "date")
    for pattern in (HOLIDAY_DATE, LOWER_MONTH_DATE, _MONTH_PAST):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "date")


_TENS = (
    "veinte|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|vinte|trinta|quarenta"
    "|cinquenta|sessenta|setenta|oitenta|noventa"
)
_ONES = (
    "un[oa]?|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|um|uma|dois|duas|três|quatro|sete"
    "|oito|nove"
)
# Ages in the other languages questions come in, and years with months: "12 Jahre", "4
# anni", "2岁", "2 anos e 4 meses", "noventa y dos años".
_AGE_OTHER = gated(
    rf"(?i)(?<![\w.,])(?:\d{{1,3}}|(?:{_TENS})(?:\s+(?:y|e)\s+(?:{_ONES}))?)\s*"
    r"(?:(?:Jahre?n?|jährige[rn]?|anni|anno|jaar|år|lat|let|ans|años|anos|a[ñn]os?)"
    r"(?:\s+(?:y|e|et|und|and|i)\s+\d{1,2}\s+(?:meses|mois|Monate|mesi|months))?(?!\w)"
    r"|(?-i:岁|歲|歳|살))"
)
# An age with its unit then a sex, as referral letters write it: "8 yrs/M", "34y/F".
_AGE_UNIT_SEX = gated(r"(?<![\w/])(\d{1,3}\s*(?:y|yrs?|years?|yo))\s*/\s*[MFmf](?![\w/])")
# Years then months with no "and": "Child's age: 4 years 2 months".
_YEARS_MONTHS = gated(
    r"(?i)\b\d{1,2}\s*(?:years?|yrs?)\s*,?\s*(?:and\s+)?\d{1,2}\s*(?:months?|mos?)\b"
)
# Children and their ages in Spanish or Portuguese: "mis hijos de 19 y 16", "filhos de 7 e 4".
_KIDS_AGED = gated(
    r"(?i)\b(?:hij[oa]s?|filh[oa]s?|niet[oa]s?|net[oa]s?|herman[oa]s?|irm[aã]os?|irmãs?|niñ[oa]s?"
    r"|sobrin[oa]s?|sobrinh[oa]s?)\s+de\s+(\d{1,2}(?:\s*(?:,|y|e)\s*\d{1,2})*)\b"
    r"(?!\s*(?:%|kg|mg|cm|semanas|weeks|d[ií]as|horas|meses)|[.,/]\d)"
)


def age_spans(lex: Lexicon, text: str, names: list[Span]) -> Iterator[Span]:
    """Ages: "7 years old", "a 3-year-old", "aged 34", "she is 12", "Liam (7)", "Ella, 16,";
    not the age at which a symptom began ("seizures started at 6 months")."""
    for pattern in (*AGE_PATTERNS, AGE_YEARS_MONTHS):
        for m in pattern.finditer(text):
            if not _onset(lex, text, m.start()):
                group = 1 if pattern.groups else 0
                yield Span(m.start(group), m.end(group), "age")
    for m in AGE_PART_OF_DECADE.finditer(text):
        yield Span(m.start(), m.end(), "age")
    for m in _SEX_AGE.finditer(text):
        group = next(g for g in (1, 2, 3, 4, 5) if m.group(g))
        if _plausible_age(m.group(group)):
            yield Span(m.start(group), m.end(group), "age")  # "F, 33", "28/F", "M/45"
    for m in AGE_DIED.finditer(text):
        if _plausible_age(m.group(1)):
            yield Span(m.start(1), m.end(1), "age")
    for m in AGE_IBERIAN.finditer(text):
        if not AGO_IBERIAN.search(text, max(0, m.start() - 12), m.start()):
            yield Span(m.start(), m.end(), "age")
    for m in _AGE_OTHER.finditer(text):
        if not AGO_IBERIAN.search(text, max(0, m.start() - 12), m.start()):
            yield Span(m.start(), m.end(), "age")
    for m in _KIDS_AGED.finditer(text):
        yield from _age_pieces(m)
    for m in _AGE_UNIT_SEX.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _YEARS_MONTHS.finditer(text):
        if not _onset(lex, text, m.start()):
            yield Span(m.start(), m.end(), "age")
    for pattern in (
        AGE_CUE,
        AGE_AT,
        AGE_I_AM,
        AGE_CONTRACTED,
        AGE_OF,
        AGE_TURNED,
        AGE_HAVE,
        AGE_A_LOS,
    ):
        for m in pattern.finditer(text):
            # "shes 3 now" after an onset: the subject word itself says it is the age now
            at = m.start(1) if pattern is AGE_CONTRACTED else m.start()
            if not _onset(lex, text, at) and not _THOUSANDS.fullmatch(m.group(1)):
                yield from _age_pieces(m)
    for m in KIDS_IBERIAN.finditer(text):  # "2 hijos yeison de 14 y dayana de 10"
        for kid in KID_IBERIAN.finditer(m.group(1)):
            yield Span(m.start(1) + kid.start(2), m.start(1) + kid.end(2), "age")
    name_ends = {s.end for s in names}
    for end in sorted(name_ends):
        after = AGE_AFTER_NAME.match(text, end)
        if after and _plausible_age(after.group(1)) and after.group(1) != "0":
            yield Span(after.start(1), after.end(1), "age")
    for m in AGE_SUBJECT.finditer(text):
        subject = re.match(r"[\w'’-]+", m.group())
        # "Mrs X, who's 79": the subject without its contracted verb
        word = re.sub(r"['’]s$", "", subject.group()) if subject else ""
        if (
            _plausible_age(m.group(1))
            and not _onset(lex, text, m.start())
            and (
                word.lower() in AGE_SUBJECTS
                or word.lower() in KIN
                or m.start() + len(word) in name_ends
                or _proper_word(lex, word)
            )
        ):
            yield from _age_pieces(m)
    for pattern in (AGE_PAREN, AGE_COMMA):
        for m in pattern.finditer(text):
            end = m.start()
            if text[end - 1 : end] == ")":  # "Bazza (real name Barry Whitfield), 53,"
                end = max(text.rfind("(", max(0, end - 80), end), 0)
            before = WORD_BEFORE.search(text[max(0, end - 60) : end])
            word = before.group(1) if before else ""
            if _plausible_age(m.group(1)) and (
                word == "]"
                or word.lower() in KIN
                or word.lower() in _PRONOUNS
                or word.lower() in _PERSONS
                or (word.lower().endswith("s") and word.lower()[:-1] in _PERSONS)
                or any(end - k in name_ends for k in range(3))
                or (word == "here" and pattern is AGE_COMMA)
                # "diagnosed at 17, now 26": the current age after an earlier one
                or (pattern is AGE_COMMA and m.group().lstrip(", ").startswith("now "))
                or any(m.start(1) - k in name_ends for k in range(4))
                or (_proper_word(lex, word) and word not in eponym_words())
            ):
                yield from _age_pieces(m)


_THOUSANDS = gated(r"\d{1,3}(?:,\d{3})+")
_AT_SINCE = gated(r"(?i)\b(?:at|since|from|around|by)\b")
_PRONOUNS = frozenset(["i", "me", "he", "she", "him", "her", "we", "us", "they", "them"])
# Words for a person an age may follow: "a young man, 19,", "a student (15)".
_PERSONS = wordset(
    "man woman men women lady gentleman guy gal male female student pupil adult teen "
    "youngster lad lass chap fellow resident client siblings patient patients clients pupils "
    "residents students employee employees prisoner inmate worker customer tenant colleague "
    "swimmer player athlete cuz coz "
    # kin words of the other languages questions come in: "mi viejo (74)", "Sohn (12)"
    "viejo vieja hijo hija esposo esposa marido mujer padre madre papá mamá abuelo abuela "
    "hermano hermana nieto nieta tío tía primo prima suegro suegra filho filha pai mãe avô "
    "avó irmão irmã neto neta sogro sogra fils fille mari femme père mère frère sœur soeur "
    "figlio figlia marito moglie nonno nonna sohn tochter mann frau vater mutter bruder "
    "schwester zoon dochter "
    # Dutch, Afrikaans, Polish, Turkish
    "moeder vader broer zus oma opa zoontje dochtertje seun dogter ouma oupa mama tata syn "
    "córka synek córeczka babcia dziadek mąż żona brat siostra oğlum kızım annem babam eşim"
)


def _onset(lex: Lexicon, text: str, start: int) -> bool:
    """Does the age at ``start`` date the start of a symptom (kept: clinically meaningful),
    rather than a diagnosis, a death, an operation or the person's age now?"""
    if SINCE_TREATMENT.search(text[max(0, start - 60) : start]):
        return False  # the age a treatment began
    if not _AT_SINCE.search(text, max(0, start - 30), start + 4):
        return False  # "my nineteen year old": no age of an event
    sentence = max(text.rfind(c, 0, start) for c in ".!?\n;") + 1
    context = text[max(sentence, start - 60) : start]
    # the onset word may look ahead ("started" only before "at"): read a little past start
    ahead = text[max(sentence, start - 60) : start + 8]
    onset = [m.end() for m in ONSET.finditer(ahead) if m.end() <= len(context)]
    event = [m.end() for m in AGE_EVENT.finditer(context)]
    return bool(onset) and (not event or onset[-1] > event[-1])


def _proper_word(lex: Lexicon, word: str) -> bool:
    """Capitalised and neither an ordinary nor a medical word (so likely a name)."""
    low = word.lower()
    return word[:1].isupper() and low not in common_words() and low not in lex.medical


def _age_pieces(m: re.Match[str]) -> Iterator[Span]:
    """Each age of a list such as "19 and 22" or "10, 12 and 15" (the words between stay)."""
    for piece in AGE_PIECE.finditer(m.group(1)):
        yield Span(m.start(1) + piece.start(), m.start(1) + piece.end(), "age")


def _plausible_age(value: str) -> bool:
    number = re.match(r"\d+", value)
    return number is None or int(number.group()) <= 115
