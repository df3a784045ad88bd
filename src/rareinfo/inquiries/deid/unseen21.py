"""Round 21's shapes. Institutions: the francophone world's hospital acronyms with their town
("le CHR de Thiès", "au CHU de Bouaké", "CHUV", "HUG"), a teaching or referral hospital's
acronym by its ending ("JOOTRH", "KCRH", "MRRH": Kenya's teaching and referral and county
referral hospitals, Uganda's regional referral ones) and any acronym closing a signature after
a doctor's name ("Dr Name, ABCH"), a Greek hospital named after its founder ("στο
Καραμανδάνειο"), hospital words in the other word order (Scandinavian "X universitetssykehus",
Hungarian "X Y Gyermekkórházban", Slavic "v nemocnici X", "KBC Zagreb", Indonesian "di RSCM",
Vietnamese "BV X", Tagalog "nasa PGH"), "am UKE in Hamburg", "at X Y Memorial", a daycare
named before "on/in" ("Our daycare, Sunny Days on ..."); ``after21_spans`` reads the spans
found: "ACRONYM at [institution]" after "it's/is/now/called" (round 16 wanted "at/to/from/in"
or punctuation before the acronym), a hospital's lower-case tail in French, Spanish,
Portuguese, Italian and German word order ("[...] pour enfants", "[...] de Niños", "[...]
Infantil", "[...] per bambini"), Kenya's "[Town] Level 5", a nursery's first word ("Little
[Owls] nursery"). Ages: a bare number opening a bracket before a school year ("(8, Year 3"),
"N years" between commas in a referral header ("DOB [..], 7 years,"), an age found and "and a
quarter/half", Yoruba number words after "ẹni ọdún". Names: a signature after "-- " ("-- Name
(X's dad)"), an Indonesian two-word name after "saya" ("saya Name Surname dari"), an Urdu kin
word's name before "کی عمر" ("its age"). Places: a value after a form's "City:/Town:" label,
a lower-case town that is a word clarified as "the city/town" ("we live in bath lol the
city"), two capitalised words ending in a place word after "in/from/to" ("in Mineral Wells"),
a compass region ("in the South West"), a Greek region after a place and a comma ("[Χανιά],
Κρήτη"), Chinese "在X的[institution]", Korean "X에 살아요".

``kept21`` takes back: the pronoun "I" taken for a name ("MS. I was"), a capitalised
preposition opening an institution before its hospital word ("La Spitalul ...", "At Hospital
...": the hospital's name starts after it)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.institutions import NOT_INSTITUTIONS
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen16 import NAME_WORD
from rareinfo.inquiries.deid.unseen19 import TREATMENTS
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- institutions

# the francophone world's hospital acronyms: CH(R/U/D/N...) and the Swiss, Belgian and
# West African ones; with "de/du/d'/de la" and a capitalised town, or a town right after
_FRANCO_TOWNED = r"CHRU|CHU|CHR|CHUD|CHUM|CHUS|CHUL|CHUV|CNHU|HUG|HEGP|CHIREC|HUDERF"
_FRANCO_OF = r"CHD|CHN|CHNU|CHG|CHIC|CHRO|CHT|CHL|CHI|EPS|HIA|HCL"
_TOWN = rf"{CAP_WIDE}[^\W\d_]+(?:[-'’]{CAP_WIDE}?[^\W\d_]+)*"
_OF_TOWN = rf"{_S}(?:de{_S}la|de|du|des|d['’])(?:{_S}|(?<=['’]))"
_FRANCO_HOSPITAL = gated(
    rf"\b((?:(?:{_FRANCO_TOWNED})(?:{_OF_TOWN}|{_S})|(?:{_FRANCO_OF}){_OF_TOWN})"
    rf"{_TOWN}(?:{_S}(?:de|du|des){_S}{_TOWN})?)"
    # alone after an article or preposition: "au CHUV", "le HUG"
    r"|\b(?:au|aux|le|les|du|des|à|al|el|at|the)[^\S\n]+(CHUV|HUG|CHUM|CHUL|CHIREC|HUDERF|HEGP|CNHU)\b"
)
_PLURAL_BEFORE = gated(r"\b(?:[Ll]es|[Dd]es|[Cc]es|[Nn]os|[Ll]eurs)[^\S\n]+$")
# a teaching or referral hospital's acronym by its ending: "JOOTRH", "KCRH", "MRRH", "LUTH"
_REFERRAL_ACRONYM = gated(r"(?<![\w-])([A-Z]{1,5}(?:TRH|CRH|RRH|CTRH|UTH|ATH))(?![\w-])")
_NOT_REFERRAL = wordset("ACTH PTH TRH CRH GTH MTH NATH")
# a signature's institution: "Dr Name, ABCH" at the end of a line
_SIGNATURE_ACRONYM = gated(
    rf"\b(?:Dr\.?|Dr{_S}\.|Prof\.?|Sr\.?|Nurse){_S}{NAME_WORD}(?:{_S}{NAME_WORD})?,{_W}"
    r"([A-Z]{3,7})[^\S\n]*$",
    re.M,
)
# a Greek hospital named after its founder: "στο Καραμανδάνειο", "Στο Ιπποκράτειο"
_GREEK_FOUNDER = gated(
    r"(?<![\u0370-\u03ff\u1f00-\u1fff])(?:[Σσ]το|[Σσ]τον|[Ττ]ο|[Αα]πό[^\S\n]+το)[^\S\n]+"
    r"([Α-ΩΆ-Ώ][\u0370-\u03ff\u1f00-\u1fff]+(?:ειο|είο|ειον|είον))(?![\u0370-\u03ff\u1f00-\u1fff])"
)
_GREEK_GENERIC = wordset("Νοσοκομείο Ιατρείο Σχολείο Γραφείο Φαρμακείο Εργαστήριο Εκπαιδευτήριο")

# "it's CHI at [Temple Street]": an acronym and "at" before an institution found
_ACRONYM_AT = gated(
    rf"\b(?:(it['’]s|its|it{_S}is|now|called|renamed|became)|is|was|the|our|their)"
    rf"{_S}([A-Z]{{2,5}}){_S}at{_S}$"
)
_NOT_ACRONYMS = wordset(
    "ICU NICU PICU HDU ER ED OR ENT GP IVF MRI CT EEG ECG EKG EMG DNA UK US USA PE OT PT NP RN"
    " HR SLP SLT PA MD DO CNA LPN APRN CNS RD SENCO TA LSA SW EMT IT PET NCS ABR OAE"
    # tests and diseases by their initials in other languages: "im MRT in", "la ELA en"
    " MRT IRM TDM RMN TAC TC RM ELA SLA EM AME FQ DMD DM SMA ALS MS CF PKU EB TEA TDAH LES LED"
    " AR HPN HAP EPOC VIH SIDA HIV AIDS ADN ARN RNA UTI UCI REA SAMU"
)
# Scandinavian and Finnish hospitals: the name before a lower-case hospital word
# ("Haukeland universitetssykehus", "Karolinska universitetssjukhuset", "Oulun yliopistollinen
# sairaala"); the English "hospital" is not one of them ("a Boston hospital")
_NORDIC_HOSPITAL = gated(
    rf"\b({CAP_WIDE}[^\W\d_]+(?:[-{_S}]{CAP_WIDE}[^\W\d_]+)?{_S}"
    r"(?:universitets|lasarett|regions|central)?(?:sykehus|sjukhus|sygehus|hospitalet|sjúkrahús)"
    r"(?:et)?|[A-ZÅÄÖ][a-zåäö]+(?:n|in)[^\S\n]+(?:yliopistollinen[^\S\n]+|keskus)?sairaala)"
    r"(?![^\W\d_])"
)
# South Slavic clinical centres: "KBC Zagreb", "UKC Ljubljana", "KCS Beograd"
_BALKAN_HOSPITAL = gated(rf"\b((?:KBC|UKC|KCS|KCV|KBCSM|UKCS|KBO){_S}{_TOWN})")
# a daycare, nursery or club named after its cue and a comma, before "on/in/at/near"
_NAMED_BEFORE_PLACE = gated(
    rf"\b(?:daycare|day{_S}care|nursery|preschool|pre-school|playgroup|creche|crèche|club"
    rf"|kindergarten|school),{_S}({CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+){{0,2}})"
    rf"(?={_S}(?:on|in|at|near|off){_S})"
)
# the rest of a partly found name: "Little [Owls nursery]"
_FACILITY_END = gated(
    r"(?:nursery|daycare|preschool|pre-school|playgroup|creche|crèche|kindergarten|school|academy)$"
)
_FACILITY_AFTER = gated(
    r"[^\S\n]+(?:nursery|daycare|preschool|pre-school|playgroup|creche|crèche|kindergarten)\b"
)
_CAP_BEFORE = gated(rf"(?<![\w.!?])({CAP_LATIN}[a-z]+{_S})$")
_NOT_BEFORE = wordset(
    "The A An At In On To From Our My His Her Their We I And Or But Then So When If This That"
    " Local Nearby New Old Private Public State Special"
)
# Slavic hospital words before the name: "v nemocnici Motol", "w szpitalu im. Jana Pawła II",
# "u bolnici Sveti Duh", "в больнице Филатова"
_SLAVIC_HOSPITAL = gated(
    r"\b((?:nemocnic[eiy]|nemocnica|nemocnici|bolnic[aiu]|bolnišnic[aie]|szpital[ua]?"
    r"|больниц[аеуы]|лікарн[яіюе])"
    rf"(?:{_S}(?:im\.|imienia|sv\.|sw\.|św\.))?(?:{_S}{CAP_WIDE}[^\W\d_]+){{1,3}}"
    r"(?:[^\S\n]+(?:II|III|IV))?)"
)
# Hungarian: the name before a capitalised word with "kórház" ("Heim Pál Gyermekkórházban";
# "klinikai" is "clinical", and "Egyetem klinikáján" is the university's clinic)
_HUNGARIAN_HOSPITAL = gated(
    rf"\b((?:{CAP_WIDE}[^\W\d_]+{_S}){{1,3}}(?:{CAP_WIDE}[^\W\d_]*kórház|Kórház)[^\W\d_]*)"
)
# Indonesian hospitals by their initials after "di/ke/dari": "di RSCM", "ke RSUD Dr. Soetomo"
_INDONESIAN_RS = gated(
    rf"\b(?:di|ke|dari|Di|Ke|Dari){_S}(RS[A-Z]{{1,4}}(?:{_S}(?:Dr\.?{_S})?{CAP_LATIN}[a-z]+){{0,3}})"
)
_NOT_RS = wordset("RSV RSI RSS")
# Vietnamese "BV" (bệnh viện) and its name: "BV Nhi Trung ương", "BV Chợ Rẫy"
_VIET_BV = gated(
    rf"\b(BV(?:{_S}{CAP_WIDE}[^\W\d_]*)+(?:{_S}ương)?)(?![^\W\d_])"
)
# Tagalog "nasa/sa PGH"
_TAGALOG_ACRONYM = gated(rf"\b(?:nasa|sa){_S}([A-Z]{{3,6}})\b")
# "am UKE in Hamburg", "het AMC te Amsterdam": an acronym between a preposition or article of
# another language and "in/à/en/di/te [Town]" (round 16 had the English "at UVM in Town")
_FOREIGN_ACRONYM_IN = gated(
    rf"\b(?:am|im|vom|zum|ins|het|au|aux|el|la|no|na|al|nel|dem|der|do|da|du)"
    rf"{_S}([A-Z]{{2,6}}){_S}(?:in|à|a|en|em|di|de|te|i|du|aan){_S}{CAP_WIDE}"
)
# "at Red Cross War Memorial": capitalised words and "Memorial" after "at/to/from"
_MEMORIAL = gated(
    rf"\b(?:at|to|from|in){_S}(?:the{_S})?((?:{CAP_LATIN}[a-z]+{_S}){{1,3}}Memorial)\b"
)
# Kenya's hospital levels: "[Thika] Level 5", "[Nakuru] Level 5 Hospital"
_LEVEL = gated(rf"{_S}Level{_S}[2-6](?:{_S}(?:Referral{_S})?Hospital)?\b")
# a hospital's tail in lower case after its name: French, Spanish, Portuguese, Italian, German
_TAIL = gated(
    r"[^\S\n]+(pour[^\S\n]+enfants(?:[^\S\n]+malades)?|des[^\S\n]+enfants|de[^\S\n]+(?:Niños|niños)"
    r"|para[^\S\n]+(?:niños|Niños)|infantil|Infantil|pediátrico|Pediátrico|pédiatrique"
    r"|universitaire|universitario|Universitario|per[^\S\n]+bambini|für[^\S\n]+Kinder"
    r"|da[^\S\n]+[Cc]riança|das[^\S\n]+[Cc]rianças|de[^\S\n]+[Cc]rianças"
    r"|(?<=[Ee]nfants[^\S\n])malades)(?![^\W\d_])"
)

# ---------------------------------------------------------------------------- ages

_BRACKET_SCHOOL = gated(
    r"\((\d{1,2}),[^\S\n]*(?:Year|Yr|Grade|Class|year|grade|P[1-7]|Reception|nursery|in)\b"
)
_COMMA_YEARS = gated(
    r"(?:DOB|D\.O\.B\.|born)[^,\n]{1,30},[^\S\n]*(\d{1,2}[^\S\n]*(?:years|yrs|y/o|yo|months|mo))"
    r"(?=[^\S\n]*[,;\n])"
)
_QUARTER = gated(
    rf"{_S}and{_S}(?:a{_S}(?:quarter|half)|three{_S}quarters|[1-3]/[2-4])(?![\w])"
)
_YORUBA_WORD_AGE = gated(
    r"(?:ẹni|ẹ̀ni|eni|ọmọ)[^\S\n]+(ọdún[^\S\n]+(?![\d])[^\s.,;:!?()]+)"
)

# ---------------------------------------------------------------------------- names

_SIGNATURE_NAME = gated(rf"^[-–—]{{1,2}}{_W}({NAME_WORD})(?=[^\S\n]*(?:\(|$))", re.M)
_SAYA_TWO = gated(
    rf"\b(?:saya|Saya|nama{_S}saya|Nama{_S}saya){_S}({NAME_WORD}{_S}{NAME_WORD})(?={_S}(?:dari|di|dan)\b)"
)
_URDU_KIN_AGE = gated(
    r"(?<![\u0600-\u06ff])(?:میری|میرا|میرے|ہماری|ہمارا|ہمارے)[^\S\n]+(?:والدہ|والد|امی|ابو|بیٹی"
    r"|بیٹا|بیٹے|بہن|بھائی|شوہر|بیوی|نانی|دادی|نانا|دادا)[^\S\n]+"
    r"([\u0620-\u064a\u0679-\u06d3]{2,}(?:[^\S\n]+[\u0620-\u064a\u0679-\u06d3]{2,}){0,2})"
    r"(?=[^\S\n]+(?:کی|کا)[^\S\n]+عمر)"
)

# ---------------------------------------------------------------------------- places

_CITY_FIELD = gated(
    r"^(?:City|Town|Suburb|Village|County|Province|Region|Location|Ciudad|Ville|Stadt|Cidade)"
    rf"[^\S\n]*:[^\S\n]*({CAP_WIDE}[^\W\d_]*(?:[-'’{_S}]{CAP_WIDE}?[^\W\d_]+){{0,3}})[^\S\n]*$",
    re.M,
)
_LOWER_TOWN_CITY = gated(
    rf"\b(?:live|living|lives|based|from|moved){_S}(?:in|to){_S}([a-z]{{3,15}})\b"
    rf"(?=[^.!?\n]{{0,12}}\bthe{_S}(?:city|town|village)\b)"
)
_PLACE_WORDS = (
    "Wells|Springs|Falls|Heights|Beach|Harbor|Harbour|Creek|Hills|Valley|Bay|Rapids|Junction"
    "|Lake|Lakes|Point|Grove|Ridge|Bluffs|Park|Village|Park|Gardens|Mills|Forks|Crossing|Landing"
)
_PLACE_WORD_TOWN = gated(
    rf"\b(?:in|from|near|to|outside)(?:{_S}of)?{_S}({CAP_LATIN}[a-z]+{_S}(?:{_PLACE_WORDS}))\b"
)
# a country's region named by its compass points: "anyone in the South West", "North West province"
_COMPASS_REGION = gated(
    rf"\b(?:in|from|to|across|around|near){_S}the{_S}((?:North|South)[- ]?(?:East|West)"
    rf"|(?:East|West){_S}Midlands|East{_S}Anglia|West{_S}Country)\b"
    rf"|\b((?:North|South)[- ](?:East|West)){_S}[Pp]rovince\b"
)
_GREEK_REGION = gated(
    r",[^\S\n]*([Α-ΩΆ-Ώ][\u0370-\u03ff\u1f00-\u1fff]{2,})(?=[^\S\n]*[.;!]|[^\S\n]*$)"
)
_CHINESE_AT = gated(r"在([\u4e00-\u9fff]{1,4})的$")
_KOREAN_LIVE = gated(r"(?<![가-힣])([가-힣]{2,4})에[^\S\n]*(?:살아|살고|삽니다|거주)")
_KOREAN_NOT = wordset("여기 거기 저기 시골 근처 도시 외국 해외 지방 동네 아파트 주택 기숙사 병원")

# ---------------------------------------------------------------------------- kept

_LEADING_PREPOSITION = gated(
    r"(?:La|Le|Al|At|In|În|Au|À|Na|No|Em|Im|Am|Ao|Do|Da|Del|Dal|Nel|Nello|Nella|Zur|Zum|Im)"
    r"[^\S\n]+(?=Spital|Hospital|Hôpital|Ospedale|Clinic|Clínic|Klinik|Centre|Centro|Institut|Spitalul)"
)


def unseen21_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 21's institutions, ages, names and places (the module's docstring)."""
    yield from _institutions(lex, text)
    for pattern in (_BRACKET_SCHOOL, _COMMA_YEARS, _YORUBA_WORD_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for m in _SIGNATURE_NAME.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _SAYA_TWO.finditer(text):
        if not any(lex.plain(w) for w in m.group(1).split()):
            yield Span(m.start(1), m.end(1), "name")
    for m in _URDU_KIN_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _CITY_FIELD.finditer(text):  # a form's field: "City: Toledo" (also a medical word)
        yield Span(m.start(1), m.end(1), "place")
    for m in _LOWER_TOWN_CITY.finditer(text):
        if m.group(1).lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "place")
    for m in _PLACE_WORD_TOWN.finditer(text):  # "in Mineral Wells": both are medical words
        yield Span(m.start(1), m.end(1), "place")
    for m in _COMPASS_REGION.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "place")
    for m in _KOREAN_LIVE.finditer(text):
        if m.group(1) not in _KOREAN_NOT:
            yield Span(m.start(1), m.end(1), "place")


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _FRANCO_HOSPITAL.finditer(text):
        group = 1 if m.group(1) else 2
        if group == 1 and _PLURAL_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue  # "les CHU de France": every one of them
        yield Span(m.start(group), m.end(group), "institution")
    for m in _REFERRAL_ACRONYM.finditer(text):
        word = m.group(1)
        if (
            len(word) >= 4
            and word not in _NOT_REFERRAL
            and word.lower() not in lex.medical
            and word not in TREATMENTS
            and word not in NOT_INSTITUTIONS
        ):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _SIGNATURE_ACRONYM.finditer(text):
        word = m.group(1)
        if (
            word.lower() not in lex.medical
            and word not in _NOT_ACRONYMS
            and word not in NOT_INSTITUTIONS
            and word not in TREATMENTS
        ):
            yield Span(m.start(1), m.end(1), "institution")
    for pattern in (_NORDIC_HOSPITAL, _BALKAN_HOSPITAL, _NAMED_BEFORE_PLACE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")
    for pattern in (_SLAVIC_HOSPITAL, _HUNGARIAN_HOSPITAL, _VIET_BV):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _INDONESIAN_RS.finditer(text):
        if m.group(1).split()[0] not in _NOT_RS:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _TAGALOG_ACRONYM.finditer(text):
        word = m.group(1)
        if word not in _NOT_ACRONYMS and word.lower() not in lex.medical and word not in TREATMENTS:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _FOREIGN_ACRONYM_IN.finditer(text):
        word = m.group(1)
        if (
            word not in _NOT_ACRONYMS
            and word not in NOT_INSTITUTIONS
            and word not in TREATMENTS
            and word.lower() not in lex.medical
        ):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _MEMORIAL.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _GREEK_FOUNDER.finditer(text):
        if m.group(1) not in _GREEK_GENERIC:
            yield Span(m.start(1), m.end(1), "institution")


def after21_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 21 finds next to the spans found (the module's docstring)."""
    for span in spans:
        before = text[max(0, span.start - 40) : span.start]
        if span.kind == "institution":
            m = _ACRONYM_AT.search(before)
            if (
                m
                and m.group(2) not in _NOT_ACRONYMS
                and m.group(2) not in NOT_INSTITUTIONS
                # "it's CHI at [..]" names it; "the ERT at [..]" may be a treatment
                and (m.group(1) or m.group(2).lower() not in lex.medical)
                and m.group(2) not in TREATMENTS
            ):
                yield Span(span.start - len(before) + m.start(2), span.end, "institution")
            m = _TAIL.match(text, span.end)
            if m:
                yield Span(span.start, m.end(1), "institution")
            m = _CAP_BEFORE.search(before)
            after = _FACILITY_AFTER.match(text, span.end)
            if (
                m
                and (after or _FACILITY_END.search(text, span.start, span.end))
                and m.group(1).strip() not in _NOT_BEFORE
            ):  # "Little [Owls nursery]", "Little [Owls] nursery"
                end = after.end() if after else span.end
                yield Span(span.start - len(before) + m.start(1), end, "institution")
            m = _CHINESE_AT.search(before)
            if m:
                yield Span(span.start - len(before) + m.start(1),
                           span.start - len(before) + m.end(1), "place")
        if span.kind in ("institution", "place"):
            m = _LEVEL.match(text, span.end)
            if m:  # "[Thika] Level 5"
                yield Span(span.start, m.end(), "institution")
        if span.kind == "age":
            m = _QUARTER.match(text, span.end)
            if m:
                yield Span(span.start, m.end(), "age")
        if span.kind == "place":
            m = _GREEK_REGION.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "place")


def kept21(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 21 takes back (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        original = text[span.start : span.end]
        if span.kind == "name" and original == "I":
            continue  # "from Tupelo, MS. I was diagnosed"
        if span.kind == "institution":
            m = _LEADING_PREPOSITION.match(original)
            if m:  # "La Spitalul Clinic ...": "at the hospital"
                span = Span(span.start + m.end(), span.end, span.kind, span.strong)
        kept.append(span)
    return kept
