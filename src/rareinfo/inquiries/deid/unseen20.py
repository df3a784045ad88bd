"""Round 20's shapes. Dates: a lower-case month with its day ("due mar 9"), a bare ordinal
day after "moved to the" ("pushed back to the 23rd."). Records: a number after "number is"
with a letter at either end ("RX0049281", "77100412B"), the letters after a record found
("[000318]-IPS"). Institutions: an acronym after "at" closing a sentence or before
"wants"/"said" ("at RBH.", "RBH wants"; a medical-looking one only after a visit, "diagnosed
... at UHL."), a French "l'CHU X" ("à l'HNE Neuchâtel"), a lower-case US state's "X med" ("at
ohio med"), a Spanish "Caja X de Salud", Israel's health funds ("במכבי", "בכללית"), a
Vietnamese "Bệnh viện" with all its words. Ages: "a baby of 40 days", a fraction of a year in
brackets ("(3 and 1/2)"), a kin word's bare age ("my da is 61."), "(lol 47)", "15 as of
yesterday", "is 3 n has", Romanian "are 63 de ani", Yoruba "ọdún 74" after "ẹni", Ukrainian and
Russian number words with the word for years ("сімдесят два роки"). Names: a lower-case name
with a bracketed age ("my son fox (4)"), a name between "and" and "is [age]", a name after
"granbaby"/"elders,", an Urdu kin word's two-word name before a bracket. Places: "X, St. Y"
after a place ("[Castries], St. Lucia"), "in Mobile, AL and ...", Hebrew "קריית X".

``kept20`` takes back: a greeting taken for a name ("Hello,"), a Cyrillic field label
("Телефон:"), a country before "Card" ("Ghana Card:"), a lower-case word after a plural kin
word before a social site ("my sons journey on instagram")."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.institutions import NOT_INSTITUTIONS
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen16 import NAME_WORD
from rareinfo.inquiries.deid.unseen19 import TREATMENTS
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- dates

_LOWER_MONTH_DAY = gated(
    rf"\b(?:on|is|by|for|until|till|due|appt|appointment|from|since){_S}"
    rf"((?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june"
    rf"|july|august|september|october|november|december){_S}\d{{1,2}}(?:st|nd|rd|th)?)\b"
)
_BARE_ORDINAL = gated(
    rf"\b(?:moved|changed|pushed|booked|rescheduled|postponed)(?:{_S}\w+)?{_S}(?:to|for){_S}the{_S}"
    rf"(\d{{1,2}}(?:st|nd|rd|th))(?=[^\S\n]*(?:[.,;!?]|\n|$))"
)

# ---------------------------------------------------------------------------- records

_NUMBER_IS = gated(
    r"\b(?:number|no\.?|ID)[^\S\n]+(?:is|was|:)[^\S\n]*"
    r"((?=[A-Z0-9-]*\d{5})(?:[A-Z]{1,3}\d{5,}[A-Z]?|\d{5,}[A-Z]{1,3}))\b"
)
_RECORD_TAIL = gated(r"-[A-Z]{2,5}\b")

# ---------------------------------------------------------------------------- institutions

_AT_ACRONYM = gated(
    r"\b(?:at|from)[^\S\n]+([A-Z]{3,5})(?=[^\S\n]*[.!?](?:\s|$))"
    r"|(?<![\w])([A-Z]{3,5})[^\S\n]+(?:wants|want|said|says|told|thinks|diagnosed)\b"
)
# "diagnosed with X syndrome at UHL.": a medical-looking acronym after a visit is a hospital
_VISIT_BEFORE = gated(r"\b(?:diagnosed|seen|treated|followed|admitted|operated)\b[^.!?\n]*$")
_FRENCH_ACRONYM = gated(rf"\b[àa]{_S}l['’]([A-Z]{{2,5}}(?:{_S}{CAP_LATIN}[a-zà-ÿ]+)?)\b")
_US_STATES_LOWER = (
    "maine|ohio|iowa|utah|texas|nevada|oregon|vermont|georgia|kansas|alabama|alaska|arizona"
    "|montana|dakota|idaho|indiana|kentucky|michigan|virginia|tampa|boston|denver|miami"
)
_LOWER_MED = gated(
    rf"\b(?:at|from|to){_S}((?:{_US_STATES_LOWER}){_S}(?:med|medical|general))\b"
)
_CAJA = gated(rf"\b(Caja{_S}{CAP_LATIN}[a-z]+(?:{_S}de)?{_S}(?:Salud|Seguro{_S}Social))\b")
# Israel's health funds: "מכבי" on its own; "כללית" ("general") and the rest after "ב" ("at")
_HEBREW_FUNDS = gated(
    r"(?<![\u0590-\u05ff])(?:(?:[בוהלמש]{1,2})?(מכבי)|ו?ב(כללית|מאוחדת|לאומית))(?![\u0590-\u05ff])"
)
_VIET_WORD = rf"{CAP_WIDE}[^\W\d_]*"
_VIET_HOSPITAL = gated(
    rf"\b(Bệnh{_S}viện(?:{_S}Nhi{_S}đồng|{_S}Đa{_S}khoa)?(?:{_S}{_VIET_WORD})+)"
)

# ---------------------------------------------------------------------------- ages

_OF_DAYS = gated(
    rf"\b(?:baby|infant|newborn|neonate|boy|girl|child){_S}of{_S}(\d{{1,2}}{_S}(?:days|weeks))\b"
)
_FRACTION_AGE = gated(r"\((\d{1,2}[^\S\n]+and[^\S\n]+[1-3]/[2-4])\)")
_KIN = (
    r"(?:mum|mom|mam|ma|da|dad|pa|granda|grandad|nan|gran|nana|papa|husband|wife|son|daughter"
    r"|brother|sister|aunt|uncle|boy|girl)"
)
_KIN_IS = gated(
    rf"\b(?:[Mm]y|[Oo]ur){_S}{_KIN}{_S}is{_S}(\d{{1,2}})(?=[^\S\n]*[.!;]|{_S}(?:now|and|n)\b)"
)
_LOL_AGE = gated(rf"\b{_KIN}{_W}\((?:lol|lmao|haha|only|just|aged?){_S}(\d{{1,2}})\)")
_AS_OF = gated(
    rf"(?<![\w/.,])(\d{{1,2}}){_S}as{_S}of{_S}(?:yesterday|today|last{_S}week)\b"
)
_IS_N_HAS = gated(rf"\bis{_S}(\d{{1,2}}){_S}(?:n|an|&){_S}(?:has|was|had|got)\b")
_ROMANIAN_AGE = gated(rf"\b(?:are|avea|are{_S}doar){_S}(\d{{1,3}}{_S}de{_S}ani)\b")
_YORUBA_YEARS_FIRST = gated(rf"\b(?:ẹni|ẹ̀ni|eni){_S}(ọdún{_S}\d{{1,3}})\b")
_CYR_TENS = (
    "двадцять|тридцять|сорок|п'ятдесят|п’ятдесят|шістдесят|сімдесят|вісімдесят|дев'яносто"
    "|дев’яносто|двадцать|тридцать|пятьдесят|шестьдесят|семьдесят|восемьдесят|девяносто"
)
_CYR_UNITS = (
    "один|одна|два|дві|три|чотири|п'ять|п’ять|шість|сім|вісім|дев'ять|дев’ять|одна|две|четыре"
    "|пять|шесть|семь|восемь|девять"
)
_CYRILLIC_WORD_AGE = gated(
    rf"(?<![\w])((?:{_CYR_TENS})(?:{_S}(?:{_CYR_UNITS}))?{_S}(?:рік|роки|років|год|года|лет))(?![\w])"
)

# ---------------------------------------------------------------------------- names

_LOWER_KIN_NAME = gated(
    rf"\bmy{_S}(?:son|daughter|boy|girl|baby|kid|grandson|granddaughter){_S}([a-z]{{3,10}}){_W}\(\d"
)
_AND_IS_AGE = gated(rf"\band{_S}({NAME_WORD}){_S}is{_S}$")
_CUED_NAME = gated(
    rf"\b(?:granbaby|grandbaby|gran-baby|elders,|elder,|grandbabies,){_S}({NAME_WORD})(?=[^\S\n]*[,(])"
)
# an Urdu kin word's two-word name before a bracket: "میری بہن X Y (..."
_URDU_KIN_TWO = gated(
    r"(?<![\u0600-\u06ff])(?:میری|میرا|میرے|ہماری|ہمارا|ہمارے)[^\S\n]+(?:والدہ|والد|امی|ابو|بیٹی"
    r"|بیٹا|بیٹے|بہن|بھائی|شوہر|بیوی|نانی|دادی|نانا|دادا)[^\S\n]+"
    r"([\u0620-\u064a\u0679-\u06d3]{2,}[^\S\n]+[\u0620-\u064a\u0679-\u06d3]{2,})(?=[^\S\n]*\()"
)
# a daycare or nursery named after it: "our nursery, Little Acorns, in ..."
_DAYCARE_NAMED = gated(
    rf"\b(?:daycare|day{_S}care|nursery|preschool|pre-school|playgroup|childminding),{_S}"
    rf"({CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+){{1,2}}),"
)
_NOT_LOWER_NAMES = wordset("who has had was and the now just also still is aged age born")

# ---------------------------------------------------------------------------- places

_SAINT_AFTER = gated(rf",{_S}(St\.?{_S}{CAP_LATIN}[a-z]+)\b")
_STATE_TOWN_AND = gated(
    rf"\b(?:in|from|near){_S}({CAP_LATIN}[a-z]+),{_S}(AL|AK|AZ|AR|CA|CT|FL|GA|IL|KS|KY|LA|MD|MA|MI"
    rf"|MN|MS|MO|MT|NE|NV|NJ|NM|NY|NC|ND|OH|OK|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY){_S}"
    r"(?=(?:and|but|where|so|with)\b)"
)
_KIRYAT = gated(r"(?<![\u0590-\u05ff])[בול]?(קריית[^\S\n]+[\u05d0-\u05ea]+)")

# ---------------------------------------------------------------------------- kept

# a Vietnamese hospital ends before "because of", "the disease", "with", "for", "when", "since"
_VIET_HEAD = gated(r"(?:Bệnh[^\S\n]+viện|Viện|Phòng[^\S\n]+khám)[^\S\n]")
_VIET_STOP = gated(r"[^\S\n]+(?:vì|bệnh|do|với|để|khi|từ|và|nên)(?![^\W\d_])")
_GREETINGS = wordset("Hello Hi Hey Hiya Greetings Dear Howdy")
_CYRILLIC_LABELS = wordset("Телефон Тел Телефону Контакт Пошта Почта Адреса Адрес")
_CARD_AFTER = gated(r"[^\S\n]+Card\b")
_POSSESSIVE_BEFORE = gated(r"\b(?:daughters|sons|kids|babys|boys|girls)[^\S\n]+$")
_ON_SOCIAL = gated(
    r"[^\S\n]+on[^\S\n]+(?:threads|instagram|insta|ig|tiktok|facebook|fb|youtube|twitter)\b"
)


def unseen20_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 20's dates, records, institutions, ages, names and places (the module's
    docstring)."""
    for pattern in (_LOWER_MONTH_DAY, _BARE_ORDINAL):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "date")
    for m in _NUMBER_IS.finditer(text):
        yield Span(m.start(1), m.end(1), "record_number")
    yield from _institutions(lex, text)
    for pattern in (_OF_DAYS, _FRACTION_AGE, _KIN_IS, _LOL_AGE, _AS_OF, _IS_N_HAS, _ROMANIAN_AGE,
                    _YORUBA_YEARS_FIRST, _CYRILLIC_WORD_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for m in _LOWER_KIN_NAME.finditer(text):
        if m.group(1) not in _NOT_LOWER_NAMES and m.group(1) not in lex.medical:
            yield Span(m.start(1), m.end(1), "name")
    for m in _URDU_KIN_TWO.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _DAYCARE_NAMED.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _CUED_NAME.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _STATE_TOWN_AND.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
        yield Span(m.start(2), m.end(2), "place")
    for m in _KIRYAT.finditer(text):
        yield Span(m.start(1), m.end(1), "place")


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _AT_ACRONYM.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        medical = word.lower() in lex.medical
        visit = group == 1 and _VISIT_BEFORE.search(text, max(0, m.start() - 80), m.start())
        if (
            not (lex.plain(word) and not medical)
            and (not medical or visit)
            and word not in TREATMENTS
            and word not in NOT_INSTITUTIONS
        ):
            yield Span(m.start(group), m.end(group), "institution")
    for pattern in (_FRENCH_ACRONYM, _LOWER_MED, _CAJA, _HEBREW_FUNDS, _VIET_HOSPITAL):
        for m in pattern.finditer(text):
            group = 1 if m.group(1) else 2
            yield Span(m.start(group), m.end(group), "institution")


def after20_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 20 finds next to the spans found (the module's docstring)."""
    for span in spans:
        if span.kind == "record_number":
            m = _RECORD_TAIL.match(text, span.end)
            if m:
                yield Span(span.start, m.end(), "record_number")
        if span.kind == "place":
            m = _SAINT_AFTER.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "place")
        if span.kind == "age":
            m = _AND_IS_AGE.search(text, max(0, span.start - 40), span.start)
            if m and not lex.plain(m.group(1)) and m.group(1).lower() not in lex.medical:
                yield Span(m.start(1), m.end(1), "name")


def kept20(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 20 takes back (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        original = text[span.start : span.end]
        if span.kind == "institution" and _VIET_HEAD.match(original):
            stop = _VIET_STOP.search(original)
            if stop:  # "[Bệnh viện Chợ Rẫy] vì bệnh Wilson"
                span = Span(span.start, span.start + stop.start(), span.kind, span.strong)
                original = original[: stop.start()]
        after = text[span.end : span.end + 1]
        if span.kind == "name" and original in _GREETINGS and after in (",", "!"):
            continue  # "Hello, my son ..."
        if span.kind == "name" and original in _CYRILLIC_LABELS and after == ":":
            continue  # "Телефон: +380 ..."
        if span.kind in ("name", "place") and _CARD_AFTER.match(text, span.end):
            continue  # "Ghana Card: GHA-..."
        if (
            span.kind == "name"
            and original.islower()
            and _ON_SOCIAL.match(text, span.end)
            and _POSSESSIVE_BEFORE.search(text, max(0, span.start - 30), span.start)
        ):
            continue  # "follow my daughters journey on ..."
        kept.append(span)
    return kept
