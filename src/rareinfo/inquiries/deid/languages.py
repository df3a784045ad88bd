"""Round 8's shapes: ages and dates of more languages and scripts (Hungarian, Czech,
Romanian, Catalan, Basque, Finnish, Nordic, Indonesian and Malay; Greek, Cyrillic, Hebrew,
Thai with Buddhist-era years, Bengali, Persian with solar-hijri dates, Korean), hospitals
and schools by their head word in more languages, and English shapes of institutions,
names and addresses the other rules took in part ("[institution] Sixth Form", "Mt. ...
Baptist Church", "LOPEZ-HARTMAN, Rosa", "Karthik a/l Subramaniam", "House 14-B, Street 7",
"St David's Day 2025")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.scripts import thai_end
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_WIDE,
    Lexicon,
    common_words,
    wordset,
)

_CAP = CAP_WIDE
_NAME = rf"{_CAP}[^\W_]*(?:[-'’][^\W_]+)*"

# ---------------------------------------------------------------------------- ages

# a number then its unit; not "for 3 years", "since 3 years", "3 years ago"
_AGE = gated(
    r"(?i)(?<![\w.,/])(?<!sejak )(?<!selama )(?<!dalam )(?<!setiap )(?<!за )(?<!через )"
    r"(?<!уже )(?<!течение )(?<!протягом )(?<!від )(?<!від )"
    r"\d{1,3}(?:[^\S\n]*-[^\S\n]*|[^\S\n]+)(?:éves(?:en|ek)?|hónapos|ani|luni|anys|mesos|urte|hilabete"
    r"|vuotias(?:ta|na)?|vuotiaana|kuukautta|kuukauden|tahun|bulan|ετών|ετῶν|χρονών|χρόνων"
    r"|μηνών|лет|года|годика|год|роки|років|рік|рочки|месяцев|месяца|місяців|місяці)(?!\w)"
    r"(?![^\S\n]+(?:lalu|yang[^\S\n]+lalu|terakhir|lagi|назад|тому|ago|în[^\S\n]+urmă|ezelőtt|sitten))"
    # the scripts with no word boundary: Thai, Bengali, Persian, Hindi, Korean number words
    r"|(?<![\d.,/])(?<!อายุได้ )\d{1,3}[^\S\n]*(?:ขวบ|ปี|เดือน|বছর|মাস|সাল|ساله|سال|ماهه|ماه"
    r"|साल|वर्ष|महीने)(?!ที่แล้ว|ก่อน|[^\S\n]*(?:پیش|قبل|আগে|पहले))"
    r"|(?<![\w])(?:한|두|세|네|다섯|여섯|일곱|여덟|아홉|열(?:[^\S\n]*(?:한|두|세|네))?)[^\S\n]*살"
)
# an age after its cue word: Hebrew "בן 6", "בת 45"; Greek "στα 67 της" (at 67)
_AGE_CUE = gated(
    r"(?<![\w])(?:בן|בת|ben|bat)[^\S\n]+(\d{1,3})(?![^\S\n]*(?:שנים|חודשים)[^\S\n]+(?:ש|מ))(?![\d\w])"
    r"|(?<![\w])(?:στα|στις)[^\S\n]+(\d{1,3})[^\S\n]+(?:της|του|μου)(?![\w])"
    r"|(?<![\w])(?:ilikuwa|umur|usia|berumur|berusia|umurnya)[^\S\n]+(\d{1,3})(?![\d\w])"
)
# Czech and Slovak "5 let", "3 roky", "8 měsíců" only in a Czech or Slovak question
_AGE_CS = gated(r"(?<![\w.,])(?<!za )(?<!před )\d{1,3}[^\S\n]+(?:let|roků|roky|rok|měsíců)\b")
_CZECH = gated(r"[ěščřžůťďň]", re.I)

# ---------------------------------------------------------------------------- dates

_MONTHS = (
    # Czech
    "ledna|února|března|dubna|května|června|července|srpna|září|října|listopadu|prosince"
    # Romanian
    "|ianuarie|februarie|martie|aprilie|mai|iunie|iulie|septembrie|octombrie|noiembrie"
    "|decembrie"
    # Hungarian
    "|január|február|március|április|május|június|július|augusztus|szeptember|október"
    # Danish, Norwegian, Swedish
    "|januar|februar|marts|mars|maj|juni|juli|augusti|desember|december|november|oktober"
    "|september|august|april"
    # German and Turkish months the other rules read without their day ("12. März 2022")
    "|märz|maerz|dezember|mart"
    # Finnish
    "|tammikuuta|helmikuuta|maaliskuuta|huhtikuuta|toukokuuta|kesäkuuta|heinäkuuta|elokuuta"
    "|syyskuuta|lokakuuta|marraskuuta|joulukuuta"
    # Catalan
    "|gener|febrer|març|maig|juny|juliol|setembre|octubre|novembre|desembre"
    # Indonesian, Malay
    "|januari|februari|maret|mac|mei|jun|julai|ogos|agustus|disember|desember"
    # Greek (genitive)
    "|Ιανουαρίου|Φεβρουαρίου|Μαρτίου|Απριλίου|Μαΐου|Μαΐου|Ιουνίου|Ιουλίου|Αυγούστου"
    "|Σεπτεμβρίου|Οκτωβρίου|Νοεμβρίου|Δεκεμβρίου"
    # Russian, Ukrainian
    "|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
    "|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада"
    "|грудня"
    # Thai, Bengali, Persian (solar), Hindi
    "|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม"
    "|พฤศจิกายน|ธันวาคม|জানুয়ারি|ফেব্রুয়ারি|মার্চ|এপ্রিল|মে|জুন|জুলাই|আগস্ট|সেপ্টেম্বর"
    "|অক্টোবর|নভেম্বর|ডিসেম্বর|فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی"
    "|بهمن|اسفند|जनवरी|फ़रवरी|फरवरी|मार्च|अप्रैल|मई|जून|जुलाई|अगस्त|सितंबर|अक्टूबर|नवंबर"
    "|दिसंबर"
)
# Russian and Ukrainian months after "in" ("в марте 2023")
_MONTHS_IN = (
    "январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре|декабре"
    "|січні|лютому|березні|квітні|травні|червні|липні|серпні|вересні|жовтні|листопаді|грудні"
    "|\\w+kuussa"
)
_YEAR = r"\d{4}"
_DATE = gated(
    # "12. března 2024", "3 martie 2023", "7 de març de 2022", "15 Μαΐου 2022", "১২ জানুয়ারি ২০২৩"
    rf"(?i)(?<![\w.,])\d{{1,2}}\.?[^\S\n]*(?:de[^\S\n]+|d['’])?(?:{_MONTHS})(?![\w])"
    rf"(?:,?[^\S\n]+(?:de[^\S\n]+|del[^\S\n]+)?{_YEAR}(?![\d]))?"
    # "2024. április 9", "martie 2023", "в марте 2023 года"
    rf"|(?<![\w])\d{{4}}\.?[^\S\n]+(?:{_MONTHS})(?:[^\S\n]+\d{{1,2}}(?![\d]))?"
    rf"|(?<![\w])(?:{_MONTHS}|{_MONTHS_IN})[^\S\n]+(?:de[^\S\n]+)?{_YEAR}(?![\d])"
    # Korean "2023년 5월 3일", "5월 3일"
    r"|\d{4}[^\S\n]*년(?:[^\S\n]*\d{1,2}[^\S\n]*월)?(?:[^\S\n]*\d{1,2}[^\S\n]*일)?|\d{1,2}[^\S\n]*월[^\S\n]*\d{1,2}[^\S\n]*일"
    # Persian and Arabic digits: "۱۴۰۲/۰۵/۱۲", "١٢/٠٣/٢٠٢٣"
    r"|[۰-۹٠-٩]{2,4}[/\-.][۰-۹٠-٩]{1,2}[/\-.][۰-۹٠-٩]{2,4}"
)
# the year of an event: "в 2021 году", "у 2022 році", "το 2020", "พ.ศ. 2566", "سال ۱۴۰۱"
_YEAR_CUE = gated(
    r"(?i)(?<![\w])(?:в|во|у|с|со|до|з|із|від|το|τον|στο|στις|พ\.ศ\.|ปี|سال|در|সালে|year)[^\S\n]*"
    r"(\d{4})(?![\d])(?:[^\S\n]*(?:году|года|г\.|року|рік|р\.|সালে))?"
    r"|(?<![\w])(\d{4})[^\S\n]*(?:году|года|року|সালে|সাল)(?![\w])"
)
# a feast with its year: "St David's Day 2025", "Christmas Eve 2023", "Diwali 2024"
_FEAST = gated(
    r"\b(?:(?:St\.?|Saint)[^\S\n]+[A-Z]\w+['’]s[^\S\n]+Day|Christmas(?:[^\S\n]+(?:Day|Eve))?|Easter"
    r"(?:[^\S\n]+(?:Sunday|Monday))?|Boxing[^\S\n]+Day|New[^\S\n]+Year['’]s(?:[^\S\n]+(?:Day|Eve))?|Thanksgiving"
    r"|Hogmanay|Diwali|Deepavali|Eid(?:[^\S\n]+al-\w+)?|Hari[^\S\n]+Raya(?:[^\S\n]+\w+)?|Chinese[^\S\n]+New[^\S\n]+Year"
    r"|Lunar[^\S\n]+New[^\S\n]+Year|Hanukkah|Passover|Ramadan|Halloween|Bonfire[^\S\n]+Night|Burns[^\S\n]+Night"
    r"|(?:Canada|Australia|Anzac|Waitangi|Independence|Labou?r|Memorial|Mother['’]s"
    r"|Father['’]s)[^\S\n]+Day)[^\S\n]+(?:of[^\S\n]+)?(?:19|20)\d\d\b"
)

# ---------------------------------------------------------------------------- institutions

_LINK = r"(?:de|del|la|les|pentru|și|din|y|yr|gan|na|an|ar|of|the|im\.)"
# heads that open a name: "Spitalul Județean de Urgență Suceava", "Ysgol y Dderwen Fach",
# "Scoil Mhuire gan Smál", "Νοσοκομείο Παίδων «Η Αγία Σοφία»", "Fakultní nemocnice v Motole"
_HEAD_FIRST = gated(
    r"\b(?:ZŠ|MŠ|SŠ|SOŠ|ZUŠ|Gymnázium|Spitalul|Spital(?:ul)?[^\S\n]+Clinic|Institutul|Universitatea|Clinica|Şcoala|Școala"
    r"|Ysgol(?:[^\S\n]+Gynradd|[^\S\n]+Uwchradd)?|Scoil|Gaelscoil|Gaelcholáiste|Coláiste|Bunscoil"
    r"|Meánscoil|Ospitale|Ospedale|Hospital|Hospitalet|Νοσοκομείο|Νοσοκομείου|Κλινική"
    r"|Πανεπιστήμιο|Πανεπιστημίου)"
    rf"(?:(?:[^\S\n]+(?:{_LINK}[^\S\n]+)*|[^\S\n]+d['’])(?:{_NAME}|\d{{1,3}}))+"
    r"(?:[^\S\n]*[„«“\"][^”»\"\n]{2,40}[”»\"])?"
)
# heads that close one, lower case: "Astrid Lindgrens barnsjukhus", "Solsikken barnehage",
# "St. Olavs hospital", "Fakultní nemocnici", "Semmelweis Egyetem", "Gurutzetako Ospitalean"
_HEAD_LAST = gated(
    rf"((?:{_NAME}\.?[^\S\n]+){{1,4}})(?:barnsjukhus(?:et)?|sjukhus(?:et)?|sykehus(?:et)?|barnehage"
    r"|barnehagen|förskola|skole|skolen|skola|(?P<nordic>hospital)|nemocnic[eií]|nemocnice|Egyetem"
    r"|Egyetemen|Kórház|Kórházban|Ospitalea|Ospitalean|Ospitalera|Ospitaleko|Ikastola"
    r"|Ikastolan|sairaala|sairaalassa|sairaalaan|hastanesi)(?![\w])"
    r"(?:[^\S\n]+(?:v|ve|w|i)[^\S\n]+" + _NAME + r")?"
)
_THAI_HEAD = gated(r"(?:โรงพยาบาล|รพ\.)[^\S\n]?")
_NORDIC = gated(r"[æøåÆØÅ]|\b(?:og|jeg|ikke|och|jag|inte|hun|hon|vi|har)\b")
# the scripts: "больница №2", "Морозовская больница", "НМИЦ здоровья детей", "בית חולים ...",
# "ঢাকা শিশু হাসপাতাল", "โรงพยาบาลศิริราช", "بیمارستان مرکز طبی کودکان"
_HEAD_SCRIPT = gated(
    r"(?:[А-ЯЁІЇЄ][а-яёіїє]+(?:ая|ой|ий|ій|а)[^\S\n]+)?(?:больниц[аеуы]|лікарн[яіюе]|госпитал[ьея])"
    r"(?:[^\S\n]+(?:№[^\S\n]*\d+|им\.[^\S\n]+\S+|[А-ЯЁІЇЄ]\w+))?"
    r"|(?:НМИЦ|ФНКЦ|НЦЗД|РДКБ|ДГКБ|ГКБ|ОДКБ|ДКБ|НДСЛ|ОХМАТДИТ|Охматдит\w*)(?:[^\S\n]+(?!им\.)[а-яё]+){0,3}"
    r"(?:[^\S\n]+им\.[^\S\n]*(?:[А-ЯЁ]\.[^\S\n]*){0,2}[А-ЯЁ][а-яё]+)?"
    r"|(?:ב?בית[^\S\n]+ה?חולים|ב?מרכז[^\S\n]+ה?רפואי)[^\S\n]+[\u05d0-\u05ea\"']+(?:[^\S\n]+[\u05d0-\u05ea\"']+)?"
    r"|(?:(?!তারিখে)[\u0980-\u09ff]+[^\S\n]+){1,2}হাসপাতাল(?:ে)?"
    r"|(?:โรงพยาบาล|รพ\.)[^\S\n]?[\u0e00-\u0e7f]+"
    r"|بیمارستان(?:[^\S\n]+(?!در|از|به|که|و|را|است|هستیم|بود|بستری)[\u0600-\u06ff]+){1,4}"
)
# an English institution's tail the other rules left after it: "[institution] Sixth Form",
# "[institution] Mutual Insurance", "[institution] Supported Living", "Cardiff Met"
_TAIL = gated(
    rf"(?:[^\S\n]+&[^\S\n]+{_NAME}(?=[^\S\n]+(?:Logistics|Insurance)))?[^\S\n]+(?:Sixth[^\S\n]+Form(?:[^\S\n]+College)?|(?:Mutual[^\S\n]+)?Insurance(?:[^\S\n]+(?:Company|Group|Ltd))?"
    r"|(?:Supported[^\S\n]+)?Living|Care[^\S\n]+Home|Nursing[^\S\n]+Home|Met|Logistics|Gaels|GAA|RFC|AFC|FC"
    r"|Missionary[^\S\n]+Baptist[^\S\n]+Church|Baptist[^\S\n]+Church|Church|Chapel|Mosque|Synagogue|Temple)\b"
)
# a church, a chapel, a mosque by its head: "Mt. Zion Missionary Baptist Church"
_WORSHIP = gated(
    rf"\b(?:(?:Mt|St|Mount|Saint)\.?[^\S\n]+)?(?:{_NAME}[^\S\n]+){{1,4}}(?:Church|Chapel|Cathedral"
    r"|Mosque|Masjid|Synagogue|Temple|Gurdwara|Mandir|Kingdom[^\S\n]+Hall|Tabernacle)\b"
)
# a club or a firm by its head: "Westmanstown Gaels", "Kilbride Hurling Club"
_CLUB = gated(
    rf"((?:{_NAME}[^\S\n]+){{1,3}})(?:Gaels|GAA(?:[^\S\n]+Club)?|Hurling[^\S\n]+Club"
    r"|Camogie[^\S\n]+Club|RFC|Rovers|Wanderers|Harriers|Logistics|Haulage)\b"
)
# a military base: "Joint Base Lewis-McChord", "RAF Lossiemouth", "Naval Station Norfolk"
_BASE = gated(
    r"\b(?:Joint[^\S\n]+Base|Naval[^\S\n]+(?:Air[^\S\n]+)?Station|Air[^\S\n]+Force[^\S\n]+Base"
    rf"|Marine[^\S\n]+Corps[^\S\n]+Base|RAF|RAAF|CFB)[^\S\n]+{_NAME}(?:[^\S\n]+{_NAME})?"
    rf"|\b{_NAME}[^\S\n]+Air[^\S\n]+Force[^\S\n]+Base"
)
# a laboratory by its cue: "Lab was CENTOGENE", "tested by ARUP"
_LAB = gated(
    r"\b(?:[Ll]ab(?:oratory)?(?:[^\S\n]+(?:was|is|name))?[^\S\n]*[:=]?|(?:tested|done|sequenced"
    r"|processed)[^\S\n]+at|sent[^\S\n]+(?:off[^\S\n]+)?to)[^\S\n]+([A-Z][A-Z]{3,})\b"
)

# an acronym with a Finnish case ending, "TAYS:ssa", "HUS:iin"; a French "à l'HUDERF"
_ACRONYM_CASE = gated(
    r"(?<![\w])([A-ZÅÄÖ]{2,6}):(?:ssa|ssä|sta|stä|lla|llä|lta|ltä|aan|ään|iin|hin|n)(?![\w])"
    r"|(?<![\w])(?:à|de|dans)[^\S\n]+l['’]([A-Z]{5,})(?![\w])"
)
# identity numbers by their certain shape: a Finnish "120322A417K", a Hong Kong "K123456(8)"
_ID_SHAPE = gated(
    r"(?<![\w-])\d{6}[-+A]\d{3}[0-9A-Y](?![\w-])|(?<![\w])[A-Z]{1,2}\d{6}\([0-9A]\)"
)

# ---------------------------------------------------------------------------- names, places

# Malaysian and Singaporean Indian names, "Karthik a/l Subramaniam", "Siti binti Ahmad"
_AL = gated(
    rf"\b{_NAME}(?:[^\S\n]+{_NAME}){{0,2}}[^\S\n]+(?:a/l|a/p|s/o|d/o|bin|binti|bte\.?)[^\S\n]+{_NAME}"
    rf"(?:[^\S\n]+{_NAME}){{0,2}}"
)
# a family name written first, in capitals, before the given name: "LOPEZ-HARTMAN, Rosa E."
_SURNAME_FIRST = gated(r"(?:^|[:\n])[^\S\n]*([A-Z]{2,}(?:[-'’][A-Z]{2,})*),[^\S\n]+$")
# a common Chinese or Vietnamese family name just before a name: "Tan Jia Hui", "Lim Wei"
_FAMILY = wordset(
    "Tan Lim Lee Ng Ong Wong Goh Chua Chan Koh Teo Ang Yeo Tay Toh Sim Chong Leong Foo Chew "
    "Chia Liew Lau Yap Soh Khoo Loh Kwok Cheong Chen Wang Zhang Liu Yang Huang Zhao Wu "
    "Zhou Xu Zhu Guo Lin Luo Zheng Liang Xie Tang Feng Deng Cao Peng Zeng Xiao Tian Dong Pan "
    "Yuan Cai Jiang Cheng Wei Ding Shen Yao Jin Lai Fang Zou Xiong Qin Qiu Hou Xue Duan "
    "Nguyen Tran Pham Hoang Phan Vu Dang Bui Huynh"
)
# a given name and its particle before the rest of the name: "Maria da [Graça Teixeira]"
_GIVEN_PARTICLE = gated(rf"({_NAME})[^\S\n]+(?:da|das|do|dos|de|della|del|van|von)[^\S\n]+$")
_FAMILY_BEFORE = gated(r"\b([A-Z][a-z]{1,6})[^\S\n]+$")
# an address by house and street numbers: "House 14-B, Street 7", "Flat 3, Block 12"
_HOUSE = gated(
    r"\b(?:House|H\.[^\S\n]?No\.?|Flat|Plot|Apartment|Apt\.?)[^\S\n]*(?:No\.?[^\S\n]*|#[^\S\n]*)?\d{1,4}(?:-?[A-Z])?"
    r",?[^\S\n]+(?:Street|St\.?|Lane|Gali|Block|Road|Sector|Phase)[^\S\n]*(?:No\.?[^\S\n]*|#[^\S\n]*)?\d{1,4}[A-Z]?\b"
)


def language_dates(text: str) -> Iterator[Span]:
    """The dates among ``language_spans`` (the same spans, in the same order)."""
    for pattern in (_DATE, _FEAST):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "date")
    for m in _YEAR_CUE.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "date")


def language_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Ages, dates and institutions of the languages and scripts of round 8."""
    for m in _AGE.finditer(text):
        yield Span(m.start(), m.end(), "age")
    for m in _AGE_CUE.finditer(text):
        group = next(g for g in (1, 2, 3) if m.group(g))
        yield Span(m.start(group), m.end(group), "age")
    if _CZECH.search(text):
        for m in _AGE_CS.finditer(text):
            yield Span(m.start(), m.end(), "age")
    yield from language_dates(text)
    for m in _HEAD_SCRIPT.finditer(text):
        end = m.end()
        head = _THAI_HEAD.match(m.group())
        if head:  # Thai: the name ends before the next verb, not at the next space
            end = thai_end(text, m.start() + head.end(), end)
        yield Span(m.start(), end, "institution")
    for m in _HEAD_FIRST.finditer(text):
        # an English "Hospital" before an ordinary word opens no name ("Hospital Doctors")
        after = re.match(r"\w+[^\S\n]+([^\W_]+)", m.group())
        if m.group().startswith("Hospital") and after and lex.plain(after.group(1)):
            continue
        yield Span(m.start(), m.end(), "institution")
    for m in _BASE.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in _CLUB.finditer(text):
        if not lex.plain(m.group(1).split()[0]):
            yield Span(m.start(), m.end(), "institution")
    for m in _WORSHIP.finditer(text):
        # one word of the name at least is no ordinary word ("the Catholic Church" stays)
        words = re.findall(r"[^\W\d_]+", m.group())[:-1]
        if any(not lex.plain(w) for w in words if w not in ("Mt", "St", "Mount", "Saint")):
            yield Span(m.start(), m.end(), "institution")
    for m in _HEAD_LAST.finditer(text):
        # the name's words that are ordinary words open no name ("A Semmelweis Egyetem")
        start = m.start()
        for word in re.finditer(r"\S+[^\S\n]+", m.group(1)):
            bare = word.group().strip().rstrip(".")
            if bare in ("St", "Sankt") or not (lex.plain(bare) or len(bare) == 1):
                break
            start = m.start() + word.end()
        # a lower-case "hospital" closes a name in a Nordic question ("St. Olavs hospital")
        nordic_only = m.group("nordic") and not _NORDIC.search(text)
        if start < m.end(1) and not nordic_only:
            yield Span(start, m.end(), "institution")
    for m in _LAB.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _ACRONYM_CASE.finditer(text):
        group = 1 if m.group(1) else 2
        if m.group(group).lower() not in lex.medical:
            yield Span(m.start(group), m.end(group), "institution")
    for m in _AL.finditer(text):
        if not lex.plain(m.group().split()[0]) and not lex.plain(m.group().split()[-1]):
            yield Span(m.start(), m.end(), "name")
    for pattern, kind in ((_HOUSE, "place"), (_ID_SHAPE, "record_number")):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), kind)
    yield from kin_and_place_spans(lex, text)


def grown_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What the other rules took in part, grown to the whole: an institution's tail or its
    department before it, a family name before a name."""
    for span in spans:
        if span.kind in ("institution", "place"):
            tail = _TAIL.match(text, span.end)
            end = tail.end() if tail else span.end
            if end != span.end:
                yield Span(span.start, end, "institution")
        if span.kind == "name":
            head = text[max(0, span.start - 40) : span.start]
            first = _SURNAME_FIRST.search(head)
            family = _FAMILY_BEFORE.search(head)
            given = _GIVEN_PARTICLE.search(head)
            if given and not lex.plain(given.group(1)):
                yield Span(span.start - len(head) + given.start(1), span.end, "name")
            if first:
                yield Span(span.start - len(head) + first.start(1), span.end, "name")
            elif family and family.group(1) in _FAMILY:
                yield Span(span.start - len(head) + family.start(1), span.end, "name")


# ---------------------------------------------------------------------------- kin, countries

_CYR_CAP = r"[А-ЯЁІЇЄҐ][а-яёіїєґ'ʼ’-]+"
_GR_CAP = r"[Α-ΩΆ-Ώ][α-ωά-ώϊϋΐΰ]+"
# a name after a kin word of another language (the name is capitalised, or in a script with
# no capitals: Hebrew, Persian, Bengali, Thai)
_KIN_NAME = gated(
    # Russian, Ukrainian: "сыну Артёму", "брат Денис", "доньці Соломії"
    r"(?<![\w])(?:[Сс]ын[ауе]?|[Дд]оч(?:ь|ери|ке|ка|ку)|[Бб]рат[ау]?|[Сс]естр[аеуы]|[Мм]уж[ау]?"
    r"|[Жж]ен[аеуы]|[Вв]нук[ау]?|[Вв]нучк[аеу]|[Пп]лемянни(?:к|ку|ца|це)|[Сс]ин[ау]?|[Дд]онь(?:ці|ка|ку|ки)"
    r"|[Оо]нук[ау]?|[Оо]нучк[аиу]|[Чч]олові?к[ау]?|[Дд]ружин[аиі])[^\S\n]+(?:мо(?:й|я|ему|ей|єї|єму)[^\S\n]+)?"
    rf"({_CYR_CAP})"
    # Greek: "Ο γιος μου, Γιώργος", "Η γιαγιά μου, Ελένη Παπαδοπούλου"
    r"|(?<![\w])(?:γιος|γιο|κόρη|γιαγιά|παππούς|μητέρα|μαμά|πατέρας|μπαμπάς|αδελφός|αδερφός"
    r"|αδελφή|αδερφή|σύζυγος|άντρας|ανιψιός|ανιψιά|εγγονός|εγγονή)[^\S\n]+μου,?[^\S\n]+(?:(?:ο|η|τον|την|το)[^\S\n]+)?"
    rf"({_GR_CAP}(?:[^\S\n]+{_GR_CAP})?)"
    # Hebrew: "הבן שלי נועם"
    r"|(?<![\u05d0-\u05ea])(?:הבן|הבת|בני|בתי|אמא|אבא|בעלי|אשתי|אחי|אחותי|סבתא|סבא|הנכד|הנכדה)"
    r"[^\S\n]+(?:שלי[^\S\n]+)?(?!בן|בת|הוא|היא|יש|סובל|סובלת|חולה|אובחן|אובחנה|מטופל|מטופלת"
    r"|נולד|נולדה|עם|של|שלי|גר|גרה)([\u05d0-\u05ea]{2,})(?![\u05d0-\u05ea])"
    # Persian: "پسرم آرین", "دخترم زینب"
    r"|(?<![\u0600-\u06ff])(?:پسرم|دخترم|مادرم|پدرم|همسرم|برادرم|خواهرم|شوهرم|نوه‌ام|نوه ام)"
    r"[^\S\n]+(?!که|به|از|در|را|هم|است|مبتلا|بیمار|عزیزم|کوچکم|الان|امسال|حدود)"
    r"([\u0600-\u06ff]{2,})(?![\u0600-\u06ff])"
    # Urdu: "میری بیٹی زینب کی" (a name before its possessive)
    r"|(?<![\u0600-\u06ff])(?:بیٹی|بیٹا|بیٹے|بھائی|بہن|شوہر|بیوی|نواسہ|نواسی|پوتا|پوتی)[^\S\n]+"
    r"([\u0600-\u06ff]{2,})(?=[^\S\n]+(?:کی|کا|کے|کو|نے)(?![\u0600-\u06ff]))"
    # Bengali: "আমার ছেলে অর্ণব এর", a name before its possessive
    r"|(?:ছেলে|মেয়ে|ভাই|বোন|স্বামী|স্ত্রী|নাতি|নাতনি)[^\S\n]+([\u0980-\u09ff]{2,})(?=[^\S\n]*(?:এর|-এর|র)[^\S\n])"
    # Thai: "ชื่อน้องใบเตย " (named ...)
    r"|ชื่อ[^\S\n]?(?:น้อง|ด\.ช\.|ด\.ญ\.|นาย|นางสาว|นาง)?[^\S\n]?([\u0e00-\u0e7f]{2,12}?)(?=[^\S\n])"
    # Romanian, Czech, Hungarian, Basque, Finnish, Catalan
    rf"|(?<![\w])(?i:fiica|fiul|nepotul|nepoata|mama|tatăl|soțul|soția|fratele|sora|bunica|bunicul)"
    rf"[^\S\n]+(?:mea|meu|noastră|nostru),?[^\S\n]+({_NAME}(?:[^\S\n]+{_NAME})?)"
    rf"|(?<![\w])(?i:syn|dcera|žák|žákyně|bratr|sestra|manžel|manželka|vnuk|vnučka|synovi|dceři"
    rf"|mon[^\S\n]+gars|mon[^\S\n]+chum|ma[^\S\n]+blonde)"
    rf"[^\S\n]+({_NAME}(?:[^\S\n]+{_NAME})?)"
    rf"|(?<![\w])(?:Édesapám|Édesanyám|[Ff]iam|[Ll]ányom|[Uu]nokám|[Ff]érjem|[Ff]eleségem|[Öö]csém"
    rf"|[Hh]úgom|[Bb]átyám|[Nn]ővérem),[^\S\n]+({_NAME}(?:[^\S\n]+{_NAME})?)"
    rf"|(?<![\w])(?:nire|gure)[^\S\n]+(?:alaba|semea|ama|aita|anaia|ahizpa|arreba|amona|aitona"
    rf"|iloba|biloba)[^\S\n]+({_NAME})"
    rf"|(?<![\w])(?:[Pp]oikani|[Tt]yttäreni|[Ää]itini|[Ii]säni|[Vv]eljeni|[Ss]iskoni|[Mm]ieheni"
    rf"|[Vv]aimoni|[Ll]apsenlapseni)[^\S\n]+({_NAME})"
)
# countries and large cities as the scripts write them, with their case forms
_SCRIPT_PLACES = gated(
    r"(?<![\w])(?:Ελλάδ(?:α|ας)|Κύπρ(?:ος|ο|ου)|Αθήν(?:α|α|ας)|Θεσσαλονίκη|Ηράκλει(?:ο|ου)"
    r"|Λάρισ(?:α|ας)|Πάτρ(?:α|ας)|Росси(?:я|и|ю)|Украин(?:а|е|ы|у)|Украї(?:на|ні|ни|ну)"
    r"|Польш(?:а|е|и|у)|Польщ(?:а|і|у)|Германи(?:я|и|ю)|Німеччин(?:а|і|у)|Беларус(?:ь|и)"
    r"|Казахстан(?:е|а)?|Москв(?:а|е|ы|у)|Санкт-Петербург(?:е|а)?|Петербург(?:е|а)?|Новосибирск(?:е|а)?"
    r"|Екатеринбург(?:е|а)?|Казан(?:ь|и)|Київ(?:і)?|Києв(?:і|а)|Харк(?:ів|ові|ова)|Льв(?:ів|ові|ова)"
    r"|Одес(?:а|і|и)|Дніпр(?:о|і|а)|Минск(?:е|а)?|Алмат(?:ы|е)|Magyarország(?:on|ra|ról|ban|ba)?"
    r"|Česk(?:o|u|á\s+republika|é\s+republice)|Slovensk(?:o|u))(?![\w])"
    r"|(?<![\u05d0-\u05ea])(?:ב|מ|ל)?(?:ישראל|ירושלים|תל אביב|חיפה|באר שבע|מודיעין|פתח תקווה|נתניה"
    r"|אשדוד|ראשון לציון)(?![\u05d0-\u05ea])"
    r"|(?<![\u0600-\u06ff])(?:ایران|پاکستان|افغانستان|تهران|مشهد|اصفهان|شیراز|تبریز|کرج|اهواز|قم"
    r"|کراچی|لاهور|اسلام‌آباد|پشاور|فیصل آباد|راولپندی|کابل|هرات)(?![\u0600-\u06ff])"
    r"|(?:বাংলাদেশ|ভারত|ঢাকা|চট্টগ্রাম|খুলনা|রাজশাহী|সিলেট|কলকাতা|নারায়ণগঞ্জ|গাজীপুর)"
    r"|(?:ประเทศไทย|กรุงเทพมหานคร|กรุงเทพฯ|กรุงเทพ|เชียงใหม่|นครราชสีมา|ขอนแก่น|ภูเก็ต|หาดใหญ่)"
    r"|(?:भारत|दिल्ली|मुंबई|कोलकाता|चेन्नई|बेंगलुरु|लखनऊ|पटना|जयपुर)"
)


# a capitalised word after a preposition of place in Russian, Ukrainian, Czech and Slovak:
# "в Барабинске", "из Твери", "v Kroměříži" (a place or an institution)
_PLACE_AFTER = gated(
    rf"(?<![\w])(?:в|во|из|под|под|у|з|із|до|біля)[^\S\n]+({_CYR_CAP})"
    rf"|(?<![\w])(?:v|ve|z|ze|u|do)[^\S\n]+({_NAME})"
)
# a place by its geographic head after "from", "in", "fae" (Scots): "from Grand Cayman",
# "in Cape Breton", "fae Cumnock"
_GEO_HEAD = gated(
    r"\b(?:[Ff]rom|[Ii]n|[Oo]n|[Nn]ear|fae)[^\S\n]+((?:Cape|Isle[^\S\n]+of|Port|Fort|Lake|Mount"
    rf"|Mt\.?)[^\S\n]+({_NAME})(?:[^\S\n]+{_NAME})?)"
    rf"|\b(?:[Ff]rom|fae)[^\S\n]+(Grand[^\S\n]+({_NAME}))"
    rf"|\bfae[^\S\n]+({_NAME})"
)
# "Bright Ofori here, ...": a person signing in at the start of a message
_HERE = gated(
    rf"^(?:(?:Hi|Hello|Hey|Dear\s+\w+)[,!]?[^\S\n]+)?({_NAME}[^\S\n]+{_NAME})"
    r"[^\S\n]+here(?=[,.!—–-])"
)


def kin_and_place_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """A name after a kin word of another language, and the same name again; countries and
    large cities as the scripts write them."""
    names: set[str] = set()
    for m in _KIN_NAME.finditer(text):
        group = next(g for g in range(1, (_KIN_NAME.groups or 0) + 1) if m.group(g))
        if not lex.plain(m.group(group).split()[0]):
            end = thai_end(text, m.start(group) + 1, m.end(group))
            names.add(text[m.start(group) : end])
            yield Span(m.start(group), end, "name")
    for name in names:
        for m in re.finditer(re.escape(name), text):
            yield Span(m.start(), m.end(), "name")
    for m in _SCRIPT_PLACES.finditer(text):
        yield Span(m.start(), m.end(), "place")
    for m in _PLACE_AFTER.finditer(text):
        if m.group(1) or (_CZECH.search(text) and not lex.plain(m.group(2))):
            group = 1 if m.group(1) else 2
            yield Span(m.start(group), m.end(group), "place")
    for m in _GEO_HEAD.finditer(text):
        word = (m.group(2) or m.group(4) or "").lower()
        if m.group(1) and word not in common_words() and word not in lex.medical:
            yield Span(m.start(1), m.end(1), "place")
        elif m.group(3) and word not in common_words():  # "from Grand Cayman"
            yield Span(m.start(3), m.end(3), "place")
        elif m.group(5) and not lex.plain(m.group(5)):
            yield Span(m.start(5), m.end(5), "place")
    for m in _HERE.finditer(text):
        if any(not lex.plain(w) for w in m.group(1).split()):
            yield Span(m.start(1), m.end(1), "name")
