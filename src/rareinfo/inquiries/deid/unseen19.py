"""Round 19's shapes. Names: a header "SURNAME, Given" after "Re:" or at a line's start, also
with a hyphen ("OKWUOSA-BRANDT, Temperance"); children listed after "boys,"/"girls,"; a name
after "adopted"; a service dog's and a story's name ("service dog X", "follow X's story"); a
lower-case name introduced with its age ("im x, 20,"); a name corrected after a dash ("—sorry,
X,"); a second Yoruba name after one found; Ukrainian kin in the dative ("синові X"); an Urdu
name after a kin word before a bracket. Ages: "both 80", "(she/her) 16", "—sorry, 7 since",
"Is eleven too young", French, Spanish and Portuguese "une fillette de quatre ans", a number
with the word for years in brackets or commas ("71 de ani"), Yoruba "ẹni X ọdún", Greek
"εβδομήντα πέντε χρονών", Urdu "چوبیس سال", the rest of a Hebrew compound ("[שבעים] ושתיים").
Dates: a Greek month with its year ("τον Μάιο του 2025"), Chinese "去年10月". Records and
phones: a Chinese record number in groups of digits, a Chinese mobile number ("138 0000 0417").
Places: "the US ones", a city's short form after "im in" ("kc"), "in X Y, COUNTRY", Yoruba
"Ìpínlẹ̀ X", Amharic countries ("በኢትዮጵያ"), Greek places after a capitalised verb ("Μένω στον
X"), Chinese "我是山东青岛的". Institutions: a tail after one found ("[X] Eye", "[X] Family
Support", "[X] mine"), "X Medical" before a verb, an acronym before a verb of advice ("CHUV
suggests"), a referral's "To:" line, Urdu and Gujarati hospitals by their head word,
Ukrainian and Russian hospitals with their adjectives in any case.

``kept19`` takes back: an honorific before a name ("Shri", "Smt"), a kin word before a sign-off
name ("Nana X"), a continent ("África"), a field label ("Telefon:"), a sentence's modal before
an institution ("Can X Hospital"), a lower-case ordinary word taken for a name before "?"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import CONTINENTS
from rareinfo.inquiries.deid.institutions import NOT_INSTITUTIONS
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen16 import NAME_WORD, NUMBER_WORDS
from rareinfo.inquiries.deid.unseen17 import CHINESE_PROVINCES
from rareinfo.inquiries.deid.unseen18 import ROMANCE_COMPOUND
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_CAP_WORD = rf"{CAP_LATIN}[a-z]+"
_YO = r"(?:[^\W\d_]|[\u0300-\u036f])"  # a Yoruba letter, its tone marks apart

# ---------------------------------------------------------------------------- names

# "Re: PENHALIGON, Morwenna", a line "OKWUOSA-BRANDT, Temperance"
_HEADER_NAME = gated(
    rf"(?:^|(?<=\n)|(?:\b(?:Re|RE|Patient|Pt|Name|Client)[:.]){_W})"
    rf"([A-Z]{{2,}}(?:[-'’][A-Z]{{2,}})*,{_S}{CAP_LATIN}[a-z]+(?:[-'’]{CAP_LATIN}[a-z]+)?)"
    r"(?=[^\S\n]*(?:[,\n(]|$))"
)
# "Our three boys, Fitzgerald, Ignatius and Cormac,"
_CHILDREN_LIST = gated(
    r"\b(?:boys|girls|kids|children|sons|daughters|grandchildren|grandsons|granddaughters"
    rf"|triplets|twins),{_S}({NAME_WORD}(?:,{_S}{NAME_WORD})*),?{_S}(?:and|&){_S}({NAME_WORD})\b"
)
_ADOPTED = gated(rf"\b(?:adopted|fostered){_S}({NAME_WORD}){_S}from\b")
_PET = gated(
    rf"\b(?:service|assistance|guide|therapy|hearing|seizure|alert){_S}dog{_S}({NAME_WORD})\b"
    rf"|\bfollow{_S}({NAME_WORD})['’]s{_S}(?:story|journey|page|progress)\b"
)
# "im rue, 20, from": a lower-case name with its age
_LOWER_SELF = gated(r"\b(?:i['’]?m|i[^\S\n]+am)[^\S\n]+([a-z]{2,12}),[^\S\n]*(\d{1,2}),")
_STATES = wordset(
    "tired sorry fine ok okay sick new here back scared worried confused female male trans "
    "nonbinary autistic disabled single married pregnant deaf blind just only also now still "
    "currently literally basically so very really gay bi queer straight"
)
# "(she/her) 16"
_PRONOUN_AGE = gated(
    r"\((?:she|he|they|ze|xe)/(?:her|him|them|hers|his|theirs|zir|xem)\)[^\S\n]*(\d{1,2})\b"
    r"(?![^\S\n]*(?:%|mg|kg|cm|days?|weeks?|months?|hours?))"
)
# after a name: "—sorry, Barnaby, autocorrect—"
_DASH_CORRECTION = gated(rf"{_W}[—–-]+{_W}(?:sorry|I{_S}mean|oops),?{_S}({NAME_WORD})\b")
_YORUBA_TEXT = gated(r"[ẹọṣẸỌṢ]")
_YORUBA_NEXT = gated(rf"{_S}({CAP_WIDE}{_YO}+)")
_CYRILLIC_DATIVE = gated(
    r"(?<![\w])(?:синові|сину|доньці|дочці|братові|сестрі|батькові|татові|мамі|онукові|онуці"
    r"|чоловікові|дружині|сыну|дочери|брату|сестре|отцу|маме|внуку|внучке|мужу|жене)"
    r"[^\S\n]+([А-ЯЇІЄҐЁ][а-яїієґё']+)"
)
_URDU_LETTERS = r"[\u0621-\u065f\u066e-\u06d3]"
_URDU_KIN_BRACKET = gated(
    r"(?<![\u0600-\u06ff])(?:میری|میرا|میرے|ہماری|ہمارا|ہمارے)[^\S\n]+(?:والدہ|والد|امی|ابو|بیٹی"
    rf"|بیٹا|بیٹے|بہن|بھائی|شوہر|بیوی|نانی|دادی|نانا|دادا)[^\S\n]+({_URDU_LETTERS}{{2,}})"
    r"(?=[^\S\n]*\()"
)

# ---------------------------------------------------------------------------- ages

_BOTH = gated(rf"\bboth{_S}(\d{{1,3}}|{NUMBER_WORDS})(?=[^\S\n]*[,.;])")
# after an age: "—sorry, 7 since last week—"
_AGE_CORRECTION = gated(rf"{_W}[—–-]+{_W}sorry,?{_S}(\d{{1,2}}|{NUMBER_WORDS})\b")
_TOO_YOUNG = gated(
    rf"\b[Ii]s{_S}(\d{{1,2}}|{NUMBER_WORDS}){_S}too{_S}(?:young|old|early|late)\b"
)
# "une fillette de quatre ans", "una niña de cinco años", "um menino de 4 anos"
_CHILD_OF = gated(
    r"\b(?:fillette|garçon|garçonnet|enfant|bébé|fille|petite|petit|patiente?|femme|homme"
    r"|niña|niño|nena|nene|bebé|paciente|mujer|hombre|menina|menino|criança|bebê|senhora|senhor)"
    rf"{_S}de{_S}((?:\d{{1,3}}|{ROMANCE_COMPOUND}){_S}(?:ans|años|anos|anni))\b",
    re.I,
)
# "Name, 71 de ani, din", "(8 anos)"
_DIGIT_YEARS = gated(
    rf"[,(]{_W}(\d{{1,3}}{_S}(?:de{_S})?(?:ani|ans|años|anos|anni))(?=[^\S\n]*[,)])"
)
_YORUBA_AGE = gated(rf"\b(?:ẹni|ẹ̀ni|eni){_S}({_YO}+{_S}ọdún)")
_GREEK_NUMBERS = (
    "ένα|ενός|δύο|τριών|τρία|τεσσάρων|τέσσερα|πέντε|έξι|επτά|εφτά|οχτώ|οκτώ|εννέα|εννιά|δέκα|έντεκα"
    "|ένδεκα|δώδεκα|δεκατριών|δεκατεσσάρων|δεκαπέντε|δεκαέξι|δεκαεπτά|δεκαοχτώ|δεκαοκτώ|δεκαεννέα"
    "|είκοσι|τριάντα|σαράντα|πενήντα|εξήντα|εβδομήντα|ογδόντα|ενενήντα"
)
_GREEK_AGE = gated(
    rf"(?<![\w])((?:{_GREEK_NUMBERS})(?:{_S}(?:{_GREEK_NUMBERS}))?{_S}(?:χρονών|χρόνων|ετών))"
    r"(?![\w])"
)
_URDU_NUMBERS = (
    "ایک|دو|تین|چار|پانچ|چھ|سات|آٹھ|نو|دس|گیارہ|بارہ|تیرہ|چودہ|پندرہ|سولہ|سترہ|اٹھارہ|انیس|بیس"
    "|اکیس|بائیس|تئیس|چوبیس|پچیس|چھبیس|ستائیس|اٹھائیس|انتیس|تیس|پینتیس|چالیس|پینتالیس|پچاس"
    "|پچپن|ساٹھ|پینسٹھ|ستر|پچھتر|اسی|پچاسی|نوے"
)
_URDU_AGE = gated(
    rf"(?<![\u0600-\u06ff])((?:{_URDU_NUMBERS})[^\S\n]+(?:سال|برس))(?![\u0600-\u06ff])"
    r"(?![^\S\n]+(?:سے|پہلے|بعد|قبل|تک))"
)
# after an age found: "בת [שבעים] ושתיים"
_HEBREW_UNITS = gated(
    r"[^\S\n]+(ו(?:אחת|אחד|שתיים|שניים|שלוש|שלושה|ארבע|ארבעה|חמש|חמישה|שש|שישה|שבע|שבעה|שמונה"
    r"|תשע|תשעה))(?![\u0590-\u05ff])"
)

# ---------------------------------------------------------------------------- dates

_GREEK_DATE = gated(
    r"(?<![\w])((?:Ιανουάριο|Φεβρουάριο|Μάρτιο|Απρίλιο|Μάιο|Μάη|Ιούνιο|Ιούλιο|Αύγουστο"
    r"|Σεπτέμβριο|Οκτώβριο|Νοέμβριο|Δεκέμβριο|Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|Μαΐου"
    r"|Ιουνίου|Ιουλίου|Αυγούστου|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου)"
    rf"(?:{_S}του)?{_S}(?:19|20)\d\d)(?!\d)"
)
_CHINESE_DATE = gated(
    r"((?:去年|今年|前年|明年)(?:\d{1,2}|[一二三四五六七八九十]{1,3})月(?:\d{1,2}|[一二三四五六七八九十]{1,3})?(?:日|号|號)?)"
)

# ---------------------------------------------------------------------------- numbers

_CHINESE_RECORD = gated(
    r"(?:病歷號|病历号|病案號|病案号|住院號|住院号|門診號|门诊号|就診卡號|就诊卡号|身份證號|身份证号"
    r"|健保卡號|医保卡号|醫保卡號)(?:碼|码)?(?:是|為|为)?[:：\s]*(\d{3,}(?:[^\S\n]\d{3,})+)"
)
_CHINESE_MOBILE = gated(r"(?<![\d])(1[3-9]\d(?:[^\S\n]|-)?\d{4}(?:[^\S\n]|-)?\d{4})(?![\d])")
_CHINESE_TEXT = gated(r"[\u4e00-\u9fff]")

# ---------------------------------------------------------------------------- places

_US_ONES = gated(
    r"\bthe[^\S\n]+(US|USA|UK|EU)[^\S\n]+(?:ones?|side|team|group|version|centres|centers)\b"
)
_CITY_SHORT = wordset("kc nyc sf dc philly atl chi slc okc stl nola pdx lv socal norcal")
_IM_IN = gated(r"\b(?:i['’]?m|im|i[^\S\n]+am|we['’]?re|live)[^\S\n]+in[^\S\n]+([a-z]{2,7})\b")
# "in All Saints, [Antigua]": two capitalised words before a place found
_IN_TWO_BEFORE = gated(rf"\bin{_S}({_CAP_WORD}{_S}{_CAP_WORD}),{_S}$")
_YORUBA_STATE = gated(rf"(Ìpínlẹ̀{_S}{CAP_WIDE}{_YO}+)")
_AMHARIC_COUNTRY = gated(
    r"(?<![\u1200-\u137f])(?:በ|ከ|ወደ[^\S\n]*|ለ|የ)?(ኢትዮጵያ|ኬንያ|ኤርትራ|ሶማሊያ|ሱዳን|ጅቡቲ|አሜሪካ|እንግሊዝ"
    r"|ካናዳ|እስራኤል|ሳዑዲ[^\S\n]+አረቢያ|ዱባይ)(?![\u1200-\u137f])"
)
_GREEK_WORD = r"[Α-ΩΆ-Ώ][\u0370-\u03ff\u1f00-\u1fff]+"
_GREEK_LIVE = gated(
    r"(?<![\w])(?:Μένω|Μένει|Μένουμε|Μένουν|Ζω|Ζει|Ζούμε|Ζουν|Κατοικώ|Κατοικούμε)"
    rf"{_S}(?:στη|στην|στο|στα|στον|στις|στους){_S}({_GREEK_WORD})"
)
_CHINESE_FROM = gated(
    rf"(?:我们|我|他|她|我家)是({CHINESE_PROVINCES})([\u4e00-\u9fff]{{2,3}}?)(?:的|人)"
)

# ---------------------------------------------------------------------------- institutions

# the rest of an institution the rules found in part: "[Wills] Eye", "[Sunbeams] Family Support"
_INSTITUTION_TAIL = gated(
    r"(?:[^\S\n]+(?:Eye|Ear|Heart|Family|Support|Medical|Health|Healthcare|Care|Trust|Foundation"
    r"|Charity|Network|Partners|Associates|Practice|Group|Services?)\b)+"
    r"|[^\S\n]+(?:mine|quarry|colliery|refinery|smelter)\b"  # "the Lidl depot" stays
)
_X_MEDICAL = gated(
    rf"\b((?:{_CAP_WORD}{_S})?{_CAP_WORD}{_S}Medical)(?={_S}(?:doesn['’]t|does|don['’]t|has|have"
    r"|hasn['’]t|haven['’]t|is|isn['’]t|said|says|offers|told|won['’]t|can['’]t|referred|sent"
    r"|wants|wanted)\b)"
)
_ACRONYM_ADVISES = gated(
    r"(?<![\w])([A-Z]{3,6})[^\S\n]+(?:suggests?|suggested|recommends?|recommended|proposes?"
    r"|proposed|advises?|advised|referred|offered|offers|prescribed)\b"  # "the NDIS wants" stays
)
# "Can I bring him to NIH for the study?": an acronym after a verb of going there
_GO_TO_ACRONYM = gated(
    r"\b(?:bring|take|go|went|travel|fly|drive|come|get)(?:[^\S\n]+(?:him|her|them|me|us|it))?"
    r"[^\S\n]+to[^\S\n]+([A-Z]{3,6})\b"
)
# tests and treatments written as acronyms ("WES suggested", "take him to ERT")
TREATMENTS = wordset(
    "ERT BMT HSCT SCT ECMO IVIG SCIG PEG TPN CPAP BIPAP DBS VNS CGM ABA CBT DBT ECT TMS CAR "
    "WES WGS MRI MRA CSF EEG ECG EKG EMG PET SPECT ABR OAE NIV SLT OT PT IOP HBOT"
)
# an agency that is also a place of care: "bring him to NIH for the study" (not "NIH says")
_SITES = wordset("NIH")
_REFERRAL_TO = gated(r"(?:^|(?<=\n))To:[^\S\n]*([^\n]+)")
# the service written to is no one's: "To: Info Centre", "To: Rare Disease Information Centre"
_OURS = gated(r"\b(?:Info|Information|Enquiries|Inquiries|Helpline|Rare|Editor|Team|Sir)\b")
_REFERRAL_PART = gated(rf"{CAP_LATIN}[\w'’&-]*(?:{_S}{CAP_LATIN}[\w'’&-]*){{0,4}}")
_URDU_HEAD = gated(
    r"(?:میڈیکل[^\S\n]+کالج[^\S\n]+ہسپتال|میڈیکل[^\S\n]+کمپلیکس|میڈیکل[^\S\n]+سینٹر|ہسپتال|اسپتال"
    r"|کمپلیکس)(?![\u0600-\u06ff])"
)
_URDU_STOP = wordset(
    "میں سے کے کی کا کو نے اور ہے ہیں تھا تھی کہ جو یہ وہ پر بھی والوں والے ہم میرے میری میرا"
    # "ہم سرکاری ہسپتال گئے" (we went to the government hospital): no name
    " سرکاری نجی پرائیویٹ بڑے بڑا بڑی قریبی مقامی ایک دوسرے اسی اس کسی بچوں"
)
_URDU_WORD = gated(rf"{_URDU_LETTERS}+")
_GUJARATI_HOSPITAL = gated(
    r"((?:[\u0a80-\u0aff]+[^\S\n]+){1,2}(?:હોસ્પિટલ|દવાખાનું|દવાખાના))(?=માં|નો|ની|ના|થી|[^\u0a80-\u0aff]|$)"
)
_GUJARATI_STOP = wordset("અને છે હતો હતી માં થી નો ની ના કે જે હું તે")
_CYRILLIC_HOSPITAL = gated(
    r"((?:[А-ЯЇІЄҐЁ][а-яїієґё']+(?:ій|ої|ою|ий|ого|ому|ая|ой|ую|ей|ом|а|у|і|е)[^\S\n]+)"
    r"(?:[а-яїієґё']+(?:ій|ої|ою|ий|ого|ому|ая|ой|ую|ей|ом|а|у|е|і)[^\S\n]+){0,3}"
    r"(?:лікарн[іяюеоь]\w*|больниц[еыуаи]\w*))"
)

# ---------------------------------------------------------------------------- kept

_HONORIFIC = gated(
    r"(?:Shri|Shree|Smt|Shrimati|Srimati|Thiru|Tmt)\.?[^\S\n]+"  # "Sri" is also a given name
)
_KIN_HEAD = gated(
    r"(?:Nana|Nanna|Gran|Granny|Grandma|Grandpa|Grandad|Auntie|Aunty|Uncle|Oma|Opa)[^\S\n]+"
)
_PROVINCE_PEOPLE = gated(rf"({CHINESE_PROVINCES})人")
_CONTINENTS = wordset(
    "África Africa Afrique Europa Europe Asia Ásia Asie América Amérique Oceania Oceanía Océanie "
    "Antarctica Antártida Australasia"
)
_FIELD_LABEL = wordset(
    "Telefon Telefone Teléfono Téléphone Telefono Tel Tél Mobil Mobile Móvil Celular Handy Kontakt "
    "Contacto Contact Email E-mail Adresse Dirección Endereço Adresa"
)
_LABEL_AFTER = gated(r"[^\S\n]*:")
_MODAL_HEAD = gated(
    r"(?:Can|Could|Will|Would|Should|Does|Do|Did|Is|Are|Has|Have|May|Might|Must|Shall)[^\S\n]+"
)
_NAME_AFTER = gated(rf"{_S}{CAP_WIDE}")
_SENTENCE_START = gated(r"(?:^|[.!?]\s+|\n\s*)$")
_QUESTION_AHEAD = gated(r"[^\S\n]+[^.!?\n]{1,160}\?")
_QUESTION_END = gated(r"[^\S\n]*[?]")


def unseen19_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 19's names, ages, dates, numbers, places and institutions (the module's
    docstring)."""
    yield from _names(lex, text)
    yield from _ages(text)
    for pattern in (_GREEK_DATE, _CHINESE_DATE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "date")
    for m in _CHINESE_RECORD.finditer(text):
        yield Span(m.start(1), m.end(1), "record_number")
    if _CHINESE_TEXT.search(text):
        for m in _CHINESE_MOBILE.finditer(text):
            yield Span(m.start(1), m.end(1), "phone")
    yield from _places(text)
    yield from _institutions(lex, text)


def _names(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _HEADER_NAME.finditer(text):
        surname, given = m.group(1).split(",")
        cued = m.start(1) > m.start()  # after "Re:", "Patient:"
        if (
            surname.lower() not in lex.medical
            and surname not in TREATMENTS
            and surname not in NOT_INSTITUTIONS
            and (cued or not lex.plain(given.strip()))
        ):  # a line "EEG, Normal" or "MRI, Brain" is a test and its finding
            yield Span(m.start(1), m.end(1), "name")
    for m in _CHILDREN_LIST.finditer(text):
        start = m.start(1)
        listed = [*re.finditer(NAME_WORD, m.group(1))]
        # one of them a name, all of them names: "boys, Fitzgerald, [Ignatius] and [Cormac]"
        if all(lex.plain(w.group()) for w in listed) and lex.plain(m.group(2)):
            continue
        for word in listed:
            yield Span(start + word.start(), start + word.end(), "name")
        yield Span(m.start(2), m.end(2), "name")
    for pattern in (_ADOPTED, _PET):
        for m in pattern.finditer(text):
            group = 1 if m.group(1) else 2
            if not lex.plain(m.group(group)):
                yield Span(m.start(group), m.end(group), "name")
    for m in _LOWER_SELF.finditer(text):
        if m.group(1) not in _STATES:  # "im female, 24," has an age, no name
            yield Span(m.start(1), m.end(1), "name")
        yield Span(m.start(2), m.end(2), "age")
    for m in _CYRILLIC_DATIVE.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _URDU_KIN_BRACKET.finditer(text):
        yield Span(m.start(1), m.end(1), "name")


def _ages(text: str) -> Iterator[Span]:
    for pattern in (_PRONOUN_AGE, _BOTH, _TOO_YOUNG, _CHILD_OF, _DIGIT_YEARS, _YORUBA_AGE,
                    _GREEK_AGE, _URDU_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")


def _places(text: str) -> Iterator[Span]:
    for m in _US_ONES.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in _IM_IN.finditer(text):
        if m.group(1) in _CITY_SHORT:
            yield Span(m.start(1), m.end(1), "place")
    for pattern in (_YORUBA_STATE, _AMHARIC_COUNTRY, _GREEK_LIVE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "place")
    for m in _CHINESE_FROM.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
        yield Span(m.start(2), m.end(2), "place")


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _X_MEDICAL.finditer(text):
        if not _SENTENCE_START.search(text, 0, m.start(1)):
            yield Span(m.start(1), m.end(1), "institution")
    for pattern in (_ACRONYM_ADVISES, _GO_TO_ACRONYM):
        for m in pattern.finditer(text):
            word = m.group(1)
            if (
                not lex.plain(word)
                and word.lower() not in lex.medical
                and word not in TREATMENTS
                and (word not in NOT_INSTITUTIONS or (pattern is _GO_TO_ACRONYM and word in _SITES))
            ):
                yield Span(m.start(1), m.end(1), "institution")
    for m in _REFERRAL_TO.finditer(text):
        for part in _REFERRAL_PART.finditer(m.group(1)):
            if not part.group().startswith(("Dr ", "Dr. ", "Prof")) and not _OURS.search(
                part.group()
            ):
                yield Span(m.start(1) + part.start(), m.start(1) + part.end(), "institution")
    for m in _URDU_HEAD.finditer(text):
        start = m.start()
        words = list(_URDU_WORD.finditer(text, max(0, m.start() - 60), m.start()))
        for word in reversed(words[-4:]):
            between = text[word.end() : start]
            if word.group() in _URDU_STOP or between.strip():
                break
            start = word.start()
        if start < m.start():
            yield Span(start, m.end(), "institution")
    for m in _GUJARATI_HOSPITAL.finditer(text):
        parts = m.group(1).split()
        while parts and parts[0] in _GUJARATI_STOP:
            parts.pop(0)
        if len(parts) >= 2:
            yield Span(m.end(1) - len(" ".join(parts)), m.end(1), "institution")
    for m in _CYRILLIC_HOSPITAL.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")


def after19_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 19 finds next to the spans found (the module's docstring)."""
    yoruba = bool(_YORUBA_TEXT.search(text))
    for span in spans:
        if span.kind == "institution":
            tail = _INSTITUTION_TAIL.match(text, span.end)
            if tail:
                yield Span(span.start, tail.end(), "institution")
        if span.kind == "name":
            m = _DASH_CORRECTION.match(text, span.end)
            if m and not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "name")
            m = _YORUBA_NEXT.match(text, span.end)
            if yoruba and m and not lex.plain(m.group(1)):
                yield Span(span.start, m.end(1), "name")
        if span.kind == "place":
            m = _IN_TWO_BEFORE.search(text, max(0, span.start - 40), span.start)
            if m:
                yield Span(m.start(1), m.end(1), "place")
        if span.kind == "age":
            m = _AGE_CORRECTION.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")
            m = _HEBREW_UNITS.match(text, span.end)
            if m:
                yield Span(span.start, m.end(1), "age")


def kept19(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 19 takes back (the module's docstring): dropped or cut."""
    kept: list[Span] = []
    for span in spans:
        original = text[span.start : span.end]
        if span.kind == "name":
            for head in (_HONORIFIC, _KIN_HEAD):
                m = head.match(original + " ")
                if m and m.end() <= len(original):
                    span = Span(span.start + m.end(), span.end, span.kind, span.strong)
                    original = original[m.end() :]
                elif m and (head is _HONORIFIC or _NAME_AFTER.match(text, span.end)):
                    original = ""  # "Shri [Name]", "Nana [Name]": the name is found apart
            if not original:
                continue
            if original in _FIELD_LABEL and _LABEL_AFTER.match(text, span.end):
                continue  # "Telefon: +40 ..."
            if (
                original.islower()
                and lex.plain(original)
                and _QUESTION_END.match(text, span.end)
            ):
                continue  # "a kidney from our mother possible?"
        province = _PROVINCE_PEOPLE.fullmatch(original)
        if span.kind == "name" and province:  # "我是山东人": from a province, not a name
            kept.append(Span(span.start, span.start + province.end(1), "place", span.strong))
            continue
        if span.kind in ("name", "place") and (original in _CONTINENTS or original in CONTINENTS):
            continue  # "em África?"
        if span.kind in ("institution", "place", "name"):
            m = _MODAL_HEAD.match(original + " ")
            if m and _SENTENCE_START.search(text, 0, span.start):
                if m.end() > len(original) and (
                    span.kind != "name" or _QUESTION_AHEAD.match(text, span.end)
                ):
                    continue  # "Can" before "[Jersey General Hospital] give ...?"
                if m.end() <= len(original):
                    span = Span(span.start + m.end(), span.end, span.kind, span.strong)
        kept.append(span)
    return kept
