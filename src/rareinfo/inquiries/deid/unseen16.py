"""Round 16's shapes. Ages in weeks, months or days and in words after a person and "is" ("is
7 wks and", "is seventeen and", "lived nine days"; "the wait is 11 months" and "9 weeks
pregnant" stay), a bare number after a name in brackets or a link ("Name ("Nick") is 23 and"),
the answer to "how old" in a chat ("guest 44: 8, near Town"); a Hebrew age in words ("בן
שנתיים"). Names: a lower-case hyphenated given name after a cue ("i mean poppy-rae is"), an
unknown capitalised word after a clear cue ("Our Quillon is 2", "Sender: Name Surname", "short
for Name", "... no, Name (", "One pupil, Name, has", "saya Name dari", "Ọmọ mi Name") and kin
cues in other scripts (Urdu, Gujarati, Chinese, Thai, Amharic, Hebrew, Greek, Ukrainian).
Places: a city that is an everyday word before a US state code ("in Opportunity, WA"), Hindi
"हम X में हैं", Chinese "我们在X。", Amharic "እኛ X ነን". Institutions: a quoted hospital name
after its head word ("Spitalul „Sf. Ioan” Galați"), a teaching hospital's acronym ("UCH",
"LUTH"), "at ACRONYM in Town", Hebrew hospitals by name after a prefix ("בשיבא").

``after16_spans`` reads the spans found: "ACRONYM at [institution]" (a role, "OT at", stays),
"[institution] & Name", "ACRONYM-ending-in-H [town]", a date range's first day ("3 to [9
March]"), a word corrected by "... no," before a span of a kind ("Kilrush... no, sorry,
[Ennis]"), a town after an institution and a comma before "...", a Vietnamese given name's
second syllable.

``kept16`` takes back what is no identifier: an all-caps medical acronym of four letters or more
("MELAS"), an eponymous operation ("after the Fontan"), a compass region ("the Midwest"), "ID"
after "plan/member/my" or before "is/#/card", a milestone age ("walk by age 3"), greetings and
function words of other languages ("Bună", "Chúng tôi", "devem fazer", Urdu "کیا" before a
hospital), "newborn screen"; a given name, "de" and a town after Portuguese "sou" split in two
("sou a Name de [Town]")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.scripts import thai_end
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
NAME_WORD = rf"{CAP_WIDE}[^\W\d_]+(?:[-'’][^\W\d_]+)*"

# ---------------------------------------------------------------------------- ages

NUMBER_WORDS = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|(?:twenty|thirty|forty|fifty|sixty|seventy"
    r"|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
)
_PERSONS = wordset(
    "he she baby son daughter girl boy one who grandson granddaughter niece nephew child kid "
    "brother sister twin twins little"
)
_UNIT = r"(?:wks?|weeks?|months?|mos?|mths?|days?)"
_AFTER_AGE = (
    r"(?=[^\S\n]*(?:[,.;!?)]|\n|$)|[^\S\n]+(?:and|now|but|with|who|has|had|yrs?|years)\b)"
)
_AGES = gated(
    # "Name is 5 wks and", "she is 4 months and" (not "9 weeks pregnant")
    rf"([\w)'’-]+){_S}(?:is|was|turns|turned){_S}((?:\d{{1,2}}|{NUMBER_WORDS}){_S}{_UNIT}(?:{_S}old)?)"
    r"(?![^\S\n]+(?:pregnant|along|post|postpartum|after|into|ago|later|of|on|in)\b)"
    rf"{_AFTER_AGE}"
    # "lived six days", "lived for 3 weeks"
    rf"|\blived{_S}(?:for{_S}|only{_S}|just{_S})?()((?:\d{{1,2}}|{NUMBER_WORDS}){_S}(?:days?|weeks?"
    r"|months?|hours?))\b"
)
# a name (or a bracket closing after one) then "is 37 and", "is fourteen and"
_NAMED_AGE = gated(
    rf"(?:\b({CAP_LATIN}[a-z]+)|\)|\b(?:[Hh]e|[Ss]he)){_S}is{_S}"
    rf"(\d{{1,2}}|{NUMBER_WORDS})(?![\w%.,]\d)"
    r"(?=[^\S\n]*[,.;!?](?:\s|$)|[^\S\n]+(?:and|now|but|with|who)\b)"
)
# the answer to "how old" in a chat: "[14:03] 4471: 6, in Omsk"
_CHAT_AGE = gated(r"(?:^|(?<=\n))[^\n]{0,40}?:[^\S\n]*(\d{1,2})(?=[^\S\n]*(?:,|$|\n))")
_HOW_OLD = gated(r"\bhow[^\S\n]+old\b", re.I)
# Hebrew "בת שנתיים", "בן שנה וחצי"
_HEBREW_AGE = gated(
    r"(?<![\u0590-\u05ff])(?:בן|בת)[^\S\n]+(שנתיים|שנה(?:[^\S\n]+וחצי)?|חודשיים|חודש|שלושה"
    r"[^\S\n]+חודשים|(?:שלוש|ארבע|חמש|שש|שבע|שמונה|תשע|עשר)[^\S\n]+(?:שנים|חודשים))"
    r"(?![\u0590-\u05ff])"
)

# ---------------------------------------------------------------------------- names

# "i mean tilly-mae is", "we adopted dottie-lou from"
_HYPHENED = gated(
    r"(?:\b(?:i[^\S\n]+mean|adopted|fostered|named|called|baby|girl|boy|son|daughter|niece|nephew"
    r"|grandson|granddaughter|my|our)[^\S\n]+)([a-z]{3,}-[a-z]{2,})(?![\w-])"
)
_PREFIXES = wordset(
    "mid pre post non anti semi multi over under self well ill half full sub super inter "
    "intra extra ultra mini micro macro neo peri para pseudo"
)
_CUED = gated(
    # "Our Birdie is", "our Name has"
    rf"\b(?:Our|our){_S}({NAME_WORD})(?={_S}(?:is|was|turned|turns){_S}(?:\d|{NUMBER_WORDS}\b)|{_S}(?:has|had)\b)"
    # "Sender: Name Surname", "Patient information request: Name Surname, 60s"
    rf"|(?:^|(?<=\n))[^\S\n]*(?:Sender|Patient|Patient[^\S\n]+name|Child|Member|Name)"
    rf"[^\S\n]*:[^\S\n]*({NAME_WORD}(?:{_S}{NAME_WORD})?)[^\S\n]*(?=\n|$)"
    rf"|\brequest:{_S}({NAME_WORD}{_S}{NAME_WORD}),{_S}\d"
    # "(short for Peregrine)", "no, Ossian (we spell", "One player, Ptolemy, has"
    rf"|\bshort{_S}for{_S}({NAME_WORD})(?=[^\S\n]*[),;!?]|[^\S\n]*\.(?:\s|$))"
    rf"|(?:\.\.\.|…){_S}no,{_S}({NAME_WORD})(?={_S}(?:\(|is|has|was)\b|{_S}\()"
    rf"|\b(?:player|pupil|student|child|boy|girl|patient|member|camper|kid),{_S}({NAME_WORD}),"
    rf"(?={_S}(?:has|had|is|was|who)\b)"
    # Indonesian "saya Name dari", Yoruba "Ọmọ mi Name"
    rf"|\b(?:saya|Saya|aku|Aku){_S}({NAME_WORD})(?={_S}(?:dari|di|dan)\b)"
    rf"|\b(?:Ọmọ|Ọmọbìnrin|Ọmọkùnrin|ọmọ|ọmọbìnrin|ọmọkùnrin){_S}mi{_S}({CAP_WIDE}(?:[^\W\d_]|[\u0300-\u036f])+)"
)
# kin cues in other scripts, then a name
_SCRIPTED = gated(
    # Urdu "میری بیٹی ماہ نور کی"
    r"(?:میری[^\S\n]+(?:بیٹی|ماں|بہن|بیوی|امی)|میرا[^\S\n]+(?:بیٹا|بھائی)|میرے[^\S\n]+(?:والد|شوہر"
    r"|بیٹے|ابو))[^\S\n]+([\u0600-\u06ff]+(?:[^\S\n]+[\u0600-\u06ff]+)?)"
    r"(?=[^\S\n]+(?:کی|کا|کے|کو)[^\S\n])"
    # Gujarati "મારા પિતા NAME"
    r"|(?:મારા[^\S\n]+(?:પિતા|પતિ|દીકરા|ભાઈ)|મારી[^\S\n]+(?:માતા|દીકરી|પત્ની|બહેન)|મારો[^\S\n]+"
    r"(?:દીકરો|ભાઈ))[^\S\n]+([\u0a80-\u0aff]+)"
    # Chinese "我先生志明今年"
    r"|(?:我先生|我丈夫|我老公|我太太|我妻子|我老婆|我女儿|我女兒|我儿子|我兒子|我妈妈|我媽媽|我爸爸)"
    r"([\u4e00-\u9fff]{2,3}?)(?=今年)"
    # Thai "ลูกสาวของฉัน น้องข้าวหอม"
    r"|ลูก(?:สาว|ชาย)?(?:ของ(?:ฉัน|ผม|เรา))?[^\S\n]*น้อง(?!สาว|ชาย)([\u0e00-\u0e7f]{2,})(?=\s)"
    # Amharic "ልጄ NAME"
    r"|(?:ልጄ|ልጃችን|ባለቤቴ|እናቴ|አባቴ)[^\S\n]+([\u1200-\u137f]+)"
    # Hebrew "שלום, אני NAME"
    r"|שלום,?[^\S\n]+אני[^\S\n]+(?!אמא|אבא|סבתא|סבא|רופא|אחות|מורה|גר|גרה)([\u0590-\u05ff]{2,})"
    # Greek "είμαι η Ευανθία"
    r"|\b(?:είμαι|Είμαι|λέγομαι|με λένε)[^\S\n]+(?:η|ο)[^\S\n]+"
    r"([Α-ΩΆ-Ώ][\u0370-\u03ff\u1f00-\u1fff]+)"
    # Ukrainian and Russian kin in the dative: "Моїй мамі Галині"
    r"|(?:мамі|мамe|маме|татові|папе|сину|сыну|доньці|дочці|дочери|бабусі|бабушке|дідусеві"
    r"|дедушке|чоловікові|мужу|дружині|жене)[^\S\n]+([А-ЯЇІЄҐ][а-яїієґ']+)"
)
_NOT_KIN_NAMES = frozenset(["אמא", "אבא"])

# ---------------------------------------------------------------------------- places

_STATES = (
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IA|KS|KY|LA|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH|NJ"
    r"|NM|NY|NC|ND|OH|OK|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)"
)
# "im in Mobile AL.", "from Mobile, AL"
_STATE_TOWN = gated(
    rf"\b(?:in|from|near|of){_S}({CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+)?),?{_S}({_STATES})"
    r"(?=[^\S\n]*(?:[.,;!?]|\n|$))"
)
_SCRIPT_PLACES = gated(
    # Hindi "हम देहरादून में हैं"
    r"हम[^\S\n]+([\u0900-\u097f]+)[^\S\n]+में[^\S\n]+(?:हैं|है|रहते)"
    # Chinese "我们在昆明。", "我们住在昆明，"
    r"|我们(?:住)?在([\u4e00-\u9fff]{2,4}?)(?=[。，,.])"
    # Amharic "እኛ ባሕር ዳር ነን"
    r"|እኛ[^\S\n]+([\u1200-\u137f]+(?:[^\S\n]+[\u1200-\u137f]+)?)[^\S\n]+(?:ነን|ነው|እንኖራለን)"
)
# a hospital, home, here, a town or village, worry, trouble, touch; Amharic "fine", "a family"
_NOT_HINDI_PLACES = frozenset(
    ["अस्पताल", "घर", "यहाँ", "यहां", "वहाँ", "वहां", "शहर", "गाँव", "गांव", "चिंता", "परेशानी",
     "मुश्किल", "संपर्क", "ደህና", "ቤተሰብ"]
)
# a hospital, home, here, there, abroad, locally; "waiting", "considering", "looking", "being
# treated", "in hospital", "queueing", "worrying"
_NOT_CHINESE_PLACES = (
    "等待", "考虑", "寻找", "努力", "治疗", "看病", "住院", "排队", "担心", "医院", "家", "这里",
    "那里", "国外", "本地", "当地",
)

# ---------------------------------------------------------------------------- institutions

_INSTITUTIONS = gated(
    # "Spitalul „Sf. Maria” Iași", "Szpital „Name”"
    r"\b((?:Spitalul|Spital|Clinica|Institutul|Szpital|Hospital|Hôpital|Ospedale|Klinik)"
    rf"{_S}[„“\"«][^„“”\"»\n]{{2,40}}[”“\"»](?:{_S}{CAP_LATIN}[^\W\d_]+)?)"
    # a teaching hospital's acronym: "UCH", "LUTH", "OAUTH"
    r"|\b(UCH|LUTH|LASUTH|UNTH|OAUTH|UITH|ABUTH|JUTH|UBTH|AKTH|AKUTH|KATH|UCTH|UPTH|FMC)\b"
    # "at UVM in Burlington"
    rf"|\bat{_S}([A-Z]{{2,5}}){_S}in{_S}{CAP_LATIN}"
)
_NOT_ACRONYMS = wordset(
    "ICU NICU PICU HDU ER ED OR ENT GP IVF MRI CT EEG ECG EKG DNA UK US USA ON QC BC AB MB SK "
    "NS NB PE NL YT NT NU NSW QLD WA SA TAS VIC ACT NT "
    # roles and offices: "an OT at", "NP at", "I work in HR at"
    "GC OT PT NP RN HR SLP SLT PA MD DO CNA LPN APRN CNS RD SENCO SENCo TA LSA SW EMT IT"
)
# Hebrew hospitals by name, after a prefix ("בסורוקה", "ברמב"ם")
_HEBREW_HOSPITALS = gated(
    r"(?<![\u0590-\u05ff])[בלמו]?(סורוקה|רמב\"ם|רמב״ם|רמבם|איכילוב|הדסה|שיבא|שניידר|בלינסון|וולפסון"
    r"|ברזילי|קפלן|שערי[^\S\n]+צדק|הלל[^\S\n]+יפה|פוריה|תל[^\S\n]+השומר)(?![\u0590-\u05ff])"
)


def unseen16_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 16's ages, names, places and institutions (the module's docstring)."""
    for m in _AGES.finditer(text):
        group = 2 if m.group(2) else 4
        who = m.group(1)
        if who is None or who == ")" or who.lower() in _PERSONS or not lex.plain(who):
            yield Span(m.start(group), m.end(group), "age")  # not "the wait is 11 months"
    for m in _NAMED_AGE.finditer(text):
        word = m.group(1)
        if word and (lex.plain(word) or word in ("It", "This", "That", "Which", "What")):
            continue
        yield Span(m.start(2), m.end(2), "age")
    if _HOW_OLD.search(text):
        asked = _HOW_OLD.search(text)
        for m in _CHAT_AGE.finditer(text, asked.end() if asked else 0):
            yield Span(m.start(1), m.end(1), "age")
            break
    for m in _HEBREW_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _HYPHENED.finditer(text):
        word = m.group(1)
        first, second = word.split("-")
        if (
            not lex.plain(first)
            and word not in lex.medical
            and first not in _PREFIXES
            and not second.endswith(("ed", "ing", "ish", "ly", "like"))
        ):
            for n in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
                yield Span(n.start(), n.end(), "name")
    for m in _CUED.finditer(text):
        group = next(i for i in range(1, 9) if m.group(i))
        name = m.group(group)
        if name.isupper() or all(lex.plain(w) for w in name.split()):
            continue
        yield Span(m.start(group), m.end(group), "name")
    for m in _SCRIPTED.finditer(text):
        group = next(i for i in range(1, 9) if m.group(i))
        if m.group(group) not in _NOT_KIN_NAMES:
            # a Thai name ends before the next verb ("น้องXเป็นโรค..."), not at the next space
            yield Span(m.start(group), thai_end(text, m.start(group) + 1, m.end(group)), "name")
    for m in _STATE_TOWN.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
        yield Span(m.start(2), m.end(2), "place")
    for m in _SCRIPT_PLACES.finditer(text):
        group = next(i for i in range(1, 4) if m.group(i))
        if (group == 2 and m.group(2).endswith(_NOT_CHINESE_PLACES)) or m.group(group) in (
            _NOT_HINDI_PLACES
        ):
            continue
        yield Span(m.start(group), m.end(group), "place")
    for m in _INSTITUTIONS.finditer(text):
        group = next(i for i in range(1, 4) if m.group(i))
        if group == 3 and m.group(3) in _NOT_ACRONYMS:
            continue
        yield Span(m.start(group), m.end(group), "institution")
    for m in _HEBREW_HOSPITALS.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")


# ---------------------------------------------------------------------------- after

_ACRONYM_AT = gated(
    r"(?:^|[,.;:][^\S\n]*|\b(?:sorry|at|to|from|in)[^\S\n]+)\b([A-Z]{2,5})[^\S\n]+at[^\S\n]+$"
)
_AMPERSAND = gated(rf"{_S}&{_S}{CAP_LATIN}[a-z]+")
_ACRONYM_BEFORE = gated(r"\b([A-Z]{2,5}H)[^\S\n]+$")
_RANGE_START = gated(r"\b(\d{1,2})[^\S\n]*(?:to|-|–|until|till)[^\S\n]*$")
_CORRECTED = gated(
    rf"\b({CAP_LATIN}[a-z]+)(?:\.\.\.|…)[^\S\n]*no,?(?:[^\S\n]+sorry,?)?[^\S\n]+$"
)
_TOWN_DOTS = gated(rf",[^\S\n]+({CAP_LATIN}[a-z]+(?:-{CAP_LATIN}?[a-z]+)*)(?=\.\.\.|…)")
_VIETNAMESE = gated(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹĐ]")
# a removed name's age: "my sister [honey] is fourteen and"
_NAME_AGE = gated(rf"{_S}is{_S}(\d{{1,2}}|{NUMBER_WORDS})(?![\w%.,]\d)"
                       r"(?=[^\S\n]*[,.;!?](?:\s|$)|[^\S\n]+(?:and|now|but|with|who)\b)")
_SYLLABLE = gated(rf"[^\S\n]({CAP_WIDE}[^\W\d_]{{1,5}})\b")


def after16_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 16 finds next to the spans found (the module's docstring)."""
    for span in spans:
        before = text[max(0, span.start - 40) : span.start]
        if span.kind == "institution":
            m = _ACRONYM_AT.search(before)
            if (
                m
                and m.group(1) not in _NOT_ACRONYMS
                and not re.fullmatch(_STATES, m.group(1))
            ):
                yield Span(span.start - len(before) + m.start(1), span.end, "institution")
            m = _AMPERSAND.match(text, span.end)
            if m:
                yield Span(span.start, m.end(), "institution")
            m = _TOWN_DOTS.match(text, span.end)
            if m and not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "place")
        if span.kind == "place":
            m = _ACRONYM_BEFORE.search(before)
            if m and m.group(1) not in _NOT_ACRONYMS:
                yield Span(span.start - len(before) + m.start(1), span.end, "institution")
        if span.kind == "date" and text[span.start : span.start + 1].isdigit():
            m = _RANGE_START.search(before)
            if m:
                yield Span(span.start - len(before) + m.start(1), span.end, "date")
        if span.kind in ("place", "institution", "name"):
            m = _CORRECTED.search(before)
            if m and not lex.plain(m.group(1)):
                yield Span(span.start - len(before) + m.start(1),
                           span.start - len(before) + m.end(1), span.kind)
        if span.kind == "name":
            m = _NAME_AGE.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")
        if span.kind == "name" and _VIETNAMESE.search(text[span.start : span.end]):
            m = _SYLLABLE.match(text, span.end)
            if m:
                yield Span(span.start, m.end(1), "name")


# ---------------------------------------------------------------------------- kept

_OPERATIONS = wordset(
    "Kasai Fontan Norwood Glenn Nissen Whipple Rastelli Ponseti Ladd Sistrunk Ravitch Nuss "
    "Jatene Senning Mustard Blalock Hartmann Swenson Soave Duhamel Mitrofanoff Malone"
)
_OPERATION_CUE = gated(
    r"(?:\b(?:[Tt]he|[Aa]|[Hh]is|[Hh]er|[Tt]heir|after|before|had)[^\S\n]+)$"
)
_REGIONS = wordset(
    "Southwest Northwest Southeast Northeast Midwest South North East West Southwestern "
    "Northeastern Midlands"
)
_GREETINGS = wordset("Bună Buna Olá Ola Hola Ciao Bonjour Salut Merhaba Halo Hallo Chào Xin")
_FUNCTION = wordset(
    "chúng tôi ta chúng_tôi devem fazer deve podem pode fazem faz ter tem têm são está estão "
    "sou somos vai vão como onde quando qual quais existe existem"
)
_LEADING = ("کیا ",)
_MILESTONE = gated(r"\b(?:by|until|till)[^\S\n]+(?:the[^\S\n]+)?age[^\S\n]+(?:of[^\S\n]+)?$")
_NEWBORN_TERMS = wordset("screen screening test check hearing exam period unit care bloodspot")
_SOU = gated(r"\b(?:[Ss]ou|[Ee]u[^\S\n]+sou)(?:[^\S\n]+(?:a|o))?[^\S\n]+$")
_TOWN_OF = gated(rf"({CAP_LATIN}\w+)[^\S\n]+de[^\S\n]+(?={CAP_LATIN})")
_ID_AFTER = gated(r"[^\S\n]*(?:is|#|:|number|card)")
_ID_CUE = gated(r"\b(?:plan|member|patient|student|insurance|my|his|her|our)[^\S\n]+$", re.I)


def kept16(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 16 takes back (the module's docstring): dropped or cut."""
    kept: list[Span] = []
    towns = {s.start for s in spans if s.kind == "place"}
    for span in spans:
        original = text[span.start : span.end]
        before = text[max(0, span.start - 30) : span.start]
        if span.kind in ("name", "place", "institution"):
            if (
                original.isupper()
                and original.isalpha()
                and len(original) >= 4
                and original.lower() in lex.medical
            ):
                continue  # "a student with ROHHAD"
            if original == "ID" and (
                _ID_CUE.search(before) or _ID_AFTER.match(text, span.end)
            ):
                continue  # "health plan ID is"
            if original in _OPERATIONS and (
                span.kind != "name" or _OPERATION_CUE.search(before)
            ):
                continue  # "The Kasai was done at"
            if original in _REGIONS and before.endswith(("the ", "The ")):
                continue  # "in the Southwest"
            if original in _GREETINGS:
                continue  # "Bună ziua"
            words = original.split()
            if words and all(w.lower() in _FUNCTION for w in words) and (
                original[:1].islower() or original in ("Chúng", "Chúng tôi")
            ):
                continue  # "devem fazer", "Chúng tôi"
            for lead in _LEADING:
                if original.startswith(lead) and len(original) > len(lead) + 1:
                    start = span.start + len(lead)
                    while start < span.end and text[start].isspace():
                        start += 1
                    span = Span(start, span.end, span.kind, span.strong)
                    break
        if (
            span.kind == "name"
            and original in _NEWBORN_TERMS
            and before.rstrip().lower().endswith("newborn")
        ):
            continue  # "failed her newborn screen"
        origin = _SOU.search(before) and _TOWN_OF.match(original)
        if span.kind == "name" and origin and span.start + origin.end() in towns:
            # "sou a Name de Feira de Santana,": a given name, then a town
            kept.append(Span(span.start, span.start + origin.end(1), "name", span.strong))
            continue
        if span.kind == "age" and _MILESTONE.search(before):
            continue  # "do kids talk by age 5?"
        kept.append(span)
    return kept
