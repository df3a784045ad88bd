"""Round 43's shapes. Institutions: health systems and hospitals named by a person or a place
with no "hospital" word after at/to/from/the/is/not ("City of Hope", "James Paget",
"Piedmont", "Cappagh", "Darnall", "Mass General for Children", "at rush"), Italian "il
Meyer", hospital acronyms (UVM, KEMH, KGMU, ETZ, UNIMED, ...), "Dr. <Name> ... Regional
Hospital", a lower-case school "(jefferson middle)", "<Name> Lodge" after "at", "<Town>
Fire/Police Department", French "Hôpital d'Enfants <Name>", Spanish "Hospital para el Niño",
Polish "Szpitalu <Adjective> nr 1", Turkish "<Name> Üniversitesi", Chinese "<city>市...保健院",
Korean "...대학교병원" and "세브란스", Hebrew "בהעמק", Urdu "پمز". Names: a lower-case name after
"my nan", "my partner is <name> (48)", "i'm <name>'s mum", a lower-case correction ("... i
mean tristan is 25"), "<Name> is 9 and has" at a clause's head, "I'm <Name>, 31,", a
relation's name before "(DOB", "she prefers <Name>", "writing about <Name> and", Turkish
"oğlum <Name>", Polish "syn <Name> ma", Portuguese "sou a <Name>", Haitian "pitit gason m
<Name>", Yoruba "orúkọ mi ni <Name>", Arabic "أنا <name> من", Persian "من <name> هستم" and
"پسرم <name> ... سال", Urdu "میں <town> سے <name> ہوں", Thai "ชื่อ<name>อายุ". Dates: Thai
Buddhist-era years ("พ.ศ. 2562"). Ages: "3 and three-quarters", a corrected age ("4 months
corrected"), "started <drug> at three weeks", a corrected number ("ocho... sorry, 8", "once...
I mean eleven"), "wouldn't make 2", Haitian "gen sizan". Places: lower-case "town st" after
"live in" ("enid ok", "Hope ar"), a lower-case two-word town after "from" at a clause's end,
"Kailua-Kona, HI", "Labrador" (not the dog), "a festival in reading", "en RDC", Haitian "soti
Sen Mak", Māori "Te <Name>", Thai "บ้านอยู่ที่<town>", Hindi and Chinese towns by name, Arabic
"عُمان".

``clamp43`` keeps the words round 43 found lost: an onset age after a symptom verb
("stopped understanding speech at 4", "showed up ... at nine") and a typical age ("usually at
age 2"); "Dr <Surname>" taken as an institution is a name ("Dr Gray's" stays an
institution); a nursery "at" another institution is two spans ("Little Lambs Nursery at Good
Shepherd Lutheran"); a region joined to a hospital by "and" ("Alabama and Children's of
Alabama") is a place and an institution; a German country before a noun ("Deutschland
Selbsthilfegruppen"); a place before a disease ("York platelet syndrome"); "a Labrador
retriever"; a German verb at a question's head ("Kann man"), "the Bible", Turkish "Adet
dönemi"; Vietnamese "ngày" before a date; a Persian hospital's trailing word ("... انجام",
"... خون"); a name corrected away ("her name is Iona not Ione"). It adds the institution
named in a correction ("sorry, not Emory, Piedmont —")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import given_names, lower_cities
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, FUNCTION_WORDS, Lexicon, wordset

_S = r"[^\S\n]+"
_NAME = rf"{CAP_LATIN}[^\W\d_]+(?:[-'’]{CAP_LATIN}?[^\W\d_]+)?"
_DOTS = r"(?:\.\.\.|…|—|--)"
_NUMBER_WORDS = (
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    "|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
_FOREIGN_NUMBERS = (
    "uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince"
    "|un|deux|trois|quatre|cinq|sept|huit|neuf|dix|onze|douze"
)
_NOT_NAME = wordset(
    "The A An My Our I Is He She It They Sorry Hi Hello Dr No Yes We You This That There"
    " Mine Ours His Hers Which Who What Everyone Nobody Someone Each Both Mum Dad Mom"
)
_US_STATES = wordset(
    "AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH"
    " NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"
)

# ---------------------------------------------------------------------------- institutions

_NAMED_SYSTEM = gated(
    rf"\b(?:at|to|from|the|is|not|with|Is|At|Not){_S}"
    r"(City\s+of\s+Hope|James\s+Paget|Piedmont|Cappagh|Darnall|Mass\s+General(?:\s+for\s+"
    r"Children|\s+Brigham)?|Rush)\b"
    r"(?!\s+(?:hour|job|order|region|plateau|area|of\b|to\b|Street|St\b|Avenue|Road))"
)
_AT_RUSH = gated(r"\bat\s+(rush)\b(?=\s*(?:[.,;!?]|$|\s+(?:in|or|and|for)\b))")
_ITALIAN_NAMED = gated(r"\b(?:[Ii]l|al|del|dal|nel)\s+(Meyer|Gaslini|Bambino\s+Gesù)\b")
_ACRONYM = gated(
    r"(?<![\w-])(UVM|UVMMC|KEMH|SCGH|KGMU|SGPGI|PGIMER|ETZ|UMCG|UMCU|LUMC|UNIMED)(?![\w-])"
)
_DR_REGIONAL = gated(
    rf"\b(Dr\.?{_S}(?:{CAP_LATIN}\.?{_S})?(?:{_NAME}{_S}){{1,3}}(?:Regional|Memorial|Community"
    rf"|General){_S}(?:Hospital|Medical{_S}Cent(?:er|re)|Health{_S}Cent(?:er|re)))"
)
_LOWER_SCHOOL = gated(
    r"(?:\(|\bat\s+|\battends\s+|\bgoes\s+to\s+|\bschool\s+is\s+)"
    r"([a-z]{3,}\s+(?:middle|elementary|intermediate|junior\s+high|high))"
    r"(?=\s*[),.;]|\s+(?:school|in|and|keeps|says|said|called)\b)"
)
_LODGE = gated(rf"\bat{_S}((?:{_NAME}{_S}){{1,3}}(?:Lodge|Manor))\b")
_DEPARTMENT = gated(
    rf"\b((?:{_NAME}{_S}){{1,2}}(?:Fire|Police|Sheriff['’]s){_S}(?:Department|Dept|Station"
    r"|Service|Office))\b"
)
_FRENCH_CHILDREN = gated(
    rf"\b(H[ôo]pital{_S}d['’]Enfants(?:{_S}{_NAME}){{1,3}}|H[ôo]pital{_S}de{_S}la{_S}M[èe]re"
    rf"{_S}et{_S}de{_S}l['’]Enfant)"
)
_SPANISH_FOR = gated(
    rf"\b(Hospital{_S}(?:para{_S}el|del|de{_S}la|de{_S}los){_S}(?:Niño|Niños|Niñez|Mujer|Madre"
    r"|Trabajador|Maestro)(?:\s+(?:Poblano|Oaxaqueño|Jesús|Morelense|Potosino))?)"
)
_POLISH_NR = gated(
    r"\b(Szpital(?:u|a|em)?\s+(?:[A-ZŁŚŻŹĆ]?[a-ząćęłńóśźż]+\s+){1,3}nr\s*\d{1,3})\b"
)
_TURKISH_UNI = gated(
    r"(?<![\w])((?:[A-ZÇĞİÖŞÜ][a-zçğıöşü]+\s+){1,2}Üniversitesi)(?![a-zçğıöşü])"
)
_TURKISH_UNI_NOT = wordset("Bir Bu Şu Devlet Hangi Her")
_CHINESE_CITY_HOSPITAL = gated(
    r"(?:在|到|去|于|於)([\u4e00-\u9fff]{1,4}[市县縣][\u4e00-\u9fff]{0,6}?(?:保健院|医院|醫院))"
)
_KOREAN_HOSPITAL = gated(r"([가-힣]{2,6}대학교병원|세브란스(?:병원)?|[가-힣]{2,4}아산병원)")
_HEBREW_NAMED = gated(
    r"(?<![\u05d0-\u05ea])[בו]?ב?(העמק|שיבא|איכילוב|סורוקה|וולפסון|בילינסון|שניידר"
    r"|לניאדו|ברזילי|קפלן|פוריה)(?![\u05d0-\u05ea])"
)
_URDU_NAMED = gated(r"(?<!\S)(پمز|شوکت\s+خانم)(?!\S)")

# --------------------------------------------------------------------------------- names

_NAN_LOWER = gated(
    r"\b(?:[Mm]y|[Oo]ur)\s+(?:nan|nana|nanna|gran|granny|grandma|grandad|grandpa|aunt|auntie"
    r"|uncle|stepson|stepdaughter|fiance|fiancee)\s+([a-z]{3,})(?=\s+(?:has|had|is|was|n|and)\b)"
)
_LOWER_NOT = wordset(
    "also still just the not now only always who whom whose that which what when where has had"
    " was were is are lives lived died passed too both"
)
_PARTNER_IS = gated(
    r"\b(?:[Mm]y|[Oo]ur)\s+(?:partner|husband|wife|son|daughter|boy|girl|bf|gf|brother|sister)"
    r"\s+is\s+([a-z]{3,}|" + _NAME + r")\s*\((\d{1,2})\)"
)
_MUM_OF = gated(
    r"(?:\b(?:i['’]?m|i\s+am)|\bsorry,?)\s+([a-z]{3,})['’]s\s+(?:mum|mom|mam|dad|mother|father"
    r"|nan|gran)\b"
)
_LOWER_CORRECTED = gated(
    rf"{_DOTS}\s*(?:i\s+mean|sorry,?|no,?)\s+([a-z]{{3,}})\s+(?:is|was|has)\s+(?:\d|{_NUMBER_WORDS})"
)
_HEAD_IS_AGE = gated(
    rf"(?:^|[.!?]\s+|—\s+|--\s+)({_NAME})\s+is\s+(\d{{1,2}}|{_NUMBER_WORDS})\s+and\s+"
    r"(?:has|had|was|uses|is)\b"
)
_IM_NAME_AGE = gated(rf"\b(?:I['’]m|I\s+am|Im)\s+({_NAME}),\s+(\d{{1,2}}),")
_BEFORE_DOB = gated(
    rf"\b(?:son|daughter|baby|boy|girl|child|grandson|granddaughter)\s+({_NAME})\s*"
    r"\((?:DOB|dob|d\.o\.b\.|born)\b"
)
_PREFERS = gated(rf"\b(?:prefers|goes\s+by|likes\s+to\s+be\s+called)\s+({_NAME})\b")
_WRITING_ABOUT = gated(rf"\bwriting\s+(?:to\s+us\s+)?about\s+({_NAME})\s+and\s")
_FOREIGN_KIN = gated(
    rf"\b(?:oğlum|kızım|Oğlum|Kızım|syn|córka|synek|córeczka|Syn|Córka|Córeczka|Synek)\s+"
    rf"({CAP_WIDE}[^\W\d_]+)(?=\s+(?:ma\b|[a-zçğıöşü]+\s+yaşında))"
)
_SOU_A = gated(rf"\b(?:[Ss]ou|[Ee]u\s+sou)\s+(?:a|o)\s+({_NAME})\b")
_HAITIAN_CHILD = gated(rf"\bpitit\s+(?:gason|fi|fiy)\s+(?:m|mwen)\s+({_NAME})\b")
_YORUBA_NAME = gated(r"\bor[úu]k[ọo]\s+mi\s+ni\s+(\S+?)(?=[,.!\s])")
_ARABIC_I_AM = gated(r"(?<!\S)أنا\s+([\u0621-\u064a]{2,})\s+من(?!\S)")
_PERSIAN_I_AM = gated(r"(?<!\S)من\s+([\u0621-\u06cc]{2,})\s+هستم")
_PERSIAN_CHILD = gated(
    r"(?<!\S)(?:پسرم|دخترم)\s+([\u0621-\u06cc]{2,})\s+(?:یک|دو|سه|چهار|پنج|شش|هفت|هشت|نه|ده"
    r"|یازده|دوازده|\d+)\s+سال"
)
_URDU_FROM_NAME = gated(r"(?<!\S)میں\s+([\u0621-\u06ff]{2,})\s+سے\s+([\u0621-\u06ff]{2,})\s+ہوں")
_THAI_NAME = gated(r"ชื่อ([\u0e00-\u0e7f]{2,12}?)อายุ")

# --------------------------------------------------------------------------- dates, ages

_THAI_YEAR = gated(r"(พ\.\s?ศ\.\s?\d{4})")
_FRACTION_AGE = gated(
    r"\bis\s+(\d{1,2}\s+and\s+(?:three[- ]quarters|a\s+quarter|a\s+half|one[- ]half))\b"
    r"(?=\s*(?:[.,;!?)]|$)|\s+(?:and|n|with|now|but|years?|yrs?|months?|old)\b)"
)
_CORRECTED_AGE = gated(r"\b(\d{1,2}\s+(?:weeks?|months?))\s+corrected\b")
_STARTED_AT = gated(
    rf"\b(?:started|began|start)\s+{CAP_LATIN}\w+\s+at\s+((?:\d{{1,2}}|{_NUMBER_WORDS})\s+"
    r"(?:days?|weeks?|months?))\b(?!\s+(?:of|gestation|pregnant))"
)
_NUMBER_CORRECTED = gated(
    rf"\b(?:is|,)\s+({_FOREIGN_NUMBERS}|{_NUMBER_WORDS}){_DOTS}\s*(?:I\s+mean|sorry,?|no,?)\s+"
    rf"(\d{{1,2}}|{_NUMBER_WORDS})\b"
)
_WOULD_NOT_MAKE = gated(
    rf"\bwouldn['’]?t\s+make\s+(\d{{1,2}}|{_NUMBER_WORDS})\b(?!\s+(?:weeks?|days?|months?\s+old))"
)
_HAITIAN_AGE = gated(
    r"\bgen\s+(sizan|dizan|uitan|setan|sètan|senkan|katran|twazan|dezan|nevan|onzan|douzan"
    r"|inan|enan)\b"
)

# -------------------------------------------------------------------------------- places

_LIVE_IN_STATE = gated(
    r"\b(?:live|living|r|are|were|we['’]re|im|i['’]m|am)\s+in\s+([A-Za-z]+(?:\s[a-z]+)?)\s+"
    r"(ok|ar|al|az|ca|co|ct|fl|ga|ia|il|ks|ky|md|mi|mn|mo|ms|mt|nc|nd|ne|nj|nm|nv|ny|oh|pa|sc"
    r"|sd|tn|tx|ut|va|vt|wa|wi|wv|wy)\b(?=\s+(?:lol|is|and|n|but|so|we)\b|[.,!?]|$)"
)
_FROM_LOWER = gated(
    r"\b(?:were|we['’]re|i['’]m|im|we\s+are)\s+from\s+([a-z]{3,}\s(?:wells|springs|falls|city"
    r"|park|creek|river|heights|hills|valley|lake|beach|bay|point|rock|bluff|grove|ridge|harbor"
    r"|harbour|junction))(?=[.,!?])"
)
_HYPHEN_TOWN_STATE = gated(
    rf"(?:\b(?:in|from|to|near|of)|:)\s+({CAP_LATIN}[a-z]+-{CAP_LATIN}[a-z]+),\s+([A-Z]{{2}})\b"
)
_LABRADOR = gated(
    r"(?:\b(?:in|from|to|of)|,)\s+(Labrador)\b(?!\s+(?:retriever|dog|pup|puppy|cross))"
)
_READING = gated(
    r"\b(?:festival|gig|concert|wedding|match|uni|university|live|living|moved|moving)\s+in\s+"
    r"(reading)\b(?=\s+(?:in|on|this|next|for)\b|[.,!?])"
)
_RDC = gated(r"\b(?:en|la|de|du|à|au)\s+(RDC)\b")
_HAITIAN_FROM = gated(rf"\bsoti\s+((?:Sen|Sent)\s+{_NAME}|{_NAME})")
_TE_TOWN = gated(rf"\b(?:in|from|to|near|at)\s+(Te\s+{CAP_LATIN}[a-z]+)\b")
_THAI_HOME = gated(r"บ้านอยู่ที่([\u0e00-\u0e7f]{2,12})(?=\s|$)")
_HINDI_TOWN = gated(
    r"(?<![\u0900-\u097f])(शिमला|दिल्ली|मुंबई|लखनऊ|पटना|जयपुर|भोपाल|चंडीगढ़|कोलकाता|चेन्नई"
    r"|इंदौर|नागपुर|वाराणसी|कानपुर|रांची|देहरादून|गुवाहाटी)(?![\u0900-\u097f])"
)
_CHINESE_TOWN = gated(
    r"(?:去|到|在|住在|來|来|回)(台北|臺北|台中|台南|高雄|桃園|新竹|北京|上海|广州|廣州|深圳)"
    r"(?!醫院|医院|榮總|荣总|市立|大學|大学)"
)
_ARABIC_OMAN = gated(r"(?<!\S)(?:في\s+|ب)?(عُمان|عُمَان)(?![\u0600-\u06ff])")


def unseen43_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 43's institutions, dates, places and ages (the module's docstring)."""
    for pattern in (_NAMED_SYSTEM, _AT_RUSH, _ITALIAN_NAMED, _ACRONYM, _DR_REGIONAL, _LODGE,
                    _FRENCH_CHILDREN, _SPANISH_FOR, _POLISH_NR, _CHINESE_CITY_HOSPITAL,
                    _KOREAN_HOSPITAL, _HEBREW_NAMED, _URDU_NAMED):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")  # "City of Hope", "KEMH"
    for m in _DEPARTMENT.finditer(text):
        first = m.group(1).split()[0]
        if first not in _NOT_NAME and not lex.plain(first):
            yield Span(m.start(1), m.end(1), "institution")  # "Belton Fire Department"
    for m in _TURKISH_UNI.finditer(text):
        if m.group(1).split()[0] not in _TURKISH_UNI_NOT:
            yield Span(m.start(1), m.end(1), "institution")  # "Ege Üniversitesi"
    for m in _LOWER_SCHOOL.finditer(text):
        first = m.group(1).split()[0]
        if not lex.plain(first) and first not in FUNCTION_WORDS:
            yield Span(m.start(1), m.end(1), "institution")  # "(jefferson middle)"
    for m in _THAI_YEAR.finditer(text):
        yield Span(m.start(1), m.end(1), "date")  # "พ.ศ. 2562"
    for pattern in (_FRACTION_AGE, _CORRECTED_AGE, _WOULD_NOT_MAKE, _HAITIAN_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")  # "3 and three-quarters", "sizan"
    for m in _NUMBER_CORRECTED.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "ocho... sorry, 8"
        yield Span(m.start(2), m.end(2), "age")
    for m in _FROM_LOWER.finditer(text):
        if m.group(1).split()[0] not in FUNCTION_WORDS:
            yield Span(m.start(1), m.end(1), "place")  # "were from mineral wells."
    for m in _HYPHEN_TOWN_STATE.finditer(text):
        if m.group(2) in _US_STATES:
            yield Span(m.start(1), m.end(1), "place")  # "Kailua-Kona, HI"
            yield Span(m.start(2), m.end(2), "place")
    for pattern in (_LABRADOR, _READING, _RDC, _HAITIAN_FROM, _TE_TOWN, _THAI_HOME, _HINDI_TOWN,
                    _CHINESE_TOWN, _ARABIC_OMAN):
        for m in pattern.finditer(text):
            if pattern is _HAITIAN_FROM and m.group(1).split()[0] in _NOT_NAME:
                continue
            yield Span(m.start(1), m.end(1), "place")  # "en RDC", "soti Sen Mak"
    for m in _URDU_FROM_NAME.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "میں جہلم سے حارث ہوں"
        yield Span(m.start(2), m.end(2), "name")


def surname43_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 43's names by their cue: they read their own cue, past the protection of
    medical and ordinary words ("my nan dot", "Walker is 9 and has")."""
    for pattern in (_NAN_LOWER, _MUM_OF, _LOWER_CORRECTED):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word not in FUNCTION_WORDS and not word.endswith("ly") and word not in _LOWER_NOT:
                yield Span(m.start(1), m.end(1), "name")  # "my nan dot is", "i mean tristan is"
    for m in _LIVE_IN_STATE.finditer(text):
        town = m.group(1)
        if town.lower() in lower_cities() or town.istitle():
            yield Span(m.start(1), m.end(1), "place")  # "enid ok", "Hope ar"
            yield Span(m.start(2), m.end(2), "place")
    for m in _PARTNER_IS.finditer(text):
        if m.group(1).lower() not in FUNCTION_WORDS:
            yield Span(m.start(1), m.end(1), "name")  # "my partner is hank (48)"
            yield Span(m.start(2), m.end(2), "age")
    for m in _HEAD_IS_AGE.finditer(text):
        word = m.group(1)
        if word not in _NOT_NAME and word.lower() not in FUNCTION_WORDS and (
            word in given_names() or word in lex.eponyms or not lex.plain(word)
        ):
            yield Span(m.start(1), m.end(1), "name")  # "Walker is 9 and has"
            yield Span(m.start(2), m.end(2), "age")
    for m in _IM_NAME_AGE.finditer(text):
        if m.group(1) not in _NOT_NAME and m.group(1).lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "name")  # "I'm Uma, 31,"
            yield Span(m.start(2), m.end(2), "age")
    for pattern in (_BEFORE_DOB, _PREFERS, _WRITING_ABOUT, _FOREIGN_KIN, _SOU_A, _HAITIAN_CHILD):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word in _NOT_NAME or word.lower() in FUNCTION_WORDS:
                continue
            if pattern is _PREFERS and word not in given_names():
                continue  # "prefers Keppra"
            if pattern is _WRITING_ABOUT and word not in given_names() and lex.plain(word):
                continue  # "writing about Fabry and"
            yield Span(m.start(1), m.end(1), "name")  # "Lola (DOB", "oğlum Efe dört yaşında"
    for m in _STARTED_AT.finditer(text):
        yield Span(m.start(1), m.end(1), "age")  # "started Lumizyme at three weeks"
    for pattern in (_YORUBA_NAME, _ARABIC_I_AM, _PERSIAN_I_AM, _PERSIAN_CHILD, _THAI_NAME):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "name")  # "orúkọ mi ni Kọ́lá", "أنا ليث من"


# -------------------------------------------------------------------------------- clamp

_ONSET_VERB = gated(
    r"\b(?:stopped|started|began|showed\s+up|appeared|lost|regressed|came\s+on)\b[^.;,!?]{0,60}"
    r"\bat\s+$"
)
_TYPICAL_AGE = gated(r"\b(?:usually|normally|typically|generally|often)\s+at\s+(?:age\s+)?$")
_DR_SURNAME = gated(rf"^Dr\.?{_S}({_NAME})$")
_AT_JOIN = gated(
    rf"^((?:{_NAME}{_S}){{1,3}}(?:Nursery|Preschool|Playgroup|Daycare)){_S}at"
    rf"{_S}({CAP_LATIN}\S*{_S}.+)$"
)
_REGION_AND = gated(rf"^({_NAME})\s+and\s+(Children['’]s\b.*)$")
_NOT_INSTITUTION_BUT = gated(rf"^,{_S}({_NAME})(?={_S}(?:—|--)|,)")
_GERMAN_COUNTRY = gated(
    rf"^(Deutschland|Österreich|der{_S}Schweiz|Schweiz){_S}{CAP_LATIN}[a-zäöüß]{{4,}}$"
)
_DISEASE_AFTER = gated(r"^\s+(?:[a-z]+\s+)?(?:syndrome|disease|disorder)\b")
_GERMAN_VERB_HEAD = gated(r"^(?:Kann|Muss|Soll|Darf|Gibt|Hat|Wird|Sind|Ist)$")
_GERMAN_PRONOUN_NEXT = gated(r"^\s+(?:man|ich|er|sie|es|wir|mein|meine|das|die|der)\b")
_HOLY_BOOK = gated(r"\bthe\s+$")
_TURKISH_COMMON = wordset("Adet")
_PERSIAN_TAIL = gated(r"\s+(?:انجام|خون|دارو|آزمایش|درمان|ویزیت|پیوند|شیمی‌درمانی|بستری)$")
_NOT_THE_NAME = gated(rf"\bname\s+is\s+{_NAME}\s+not\s+$")


def clamp43(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words round 43 keeps (the module's docstring), plus round 43's
    names read by their cue."""
    spans = [*spans, *surname43_spans(lex, text)]
    kept: list[Span] = []
    for span in [s for s in spans if s.kind == "institution"]:
        m = _NOT_INSTITUTION_BUT.match(text[span.end : span.end + 40])
        if m and text[max(0, span.start - 4) : span.start] == "not " and (
            m.group(1) not in _NOT_NAME
        ):
            start = span.end + m.start(1)
            kept.append(Span(start, start + len(m.group(1)), "institution"))
            # "not Emory, Piedmont —": the correction is an institution too
    for span in spans:
        piece = text[span.start : span.end]
        before = text[max(0, span.start - 80) : span.start]
        after = text[span.end : span.end + 40]
        if span.kind == "age" and (
            _ONSET_VERB.search(before) or _TYPICAL_AGE.search(before)
        ) and not re.search(r"\b(?:days?|weeks?|months?)\b", piece):
            continue  # "stopped understanding speech at 4", "usually at age 2"
        if span.kind == "institution":
            dr = _DR_SURNAME.match(piece)
            if dr and not re.search(r"['’]s$", piece) and not re.match(r"['’]s\b", after):
                span = Span(span.start + dr.start(1), span.end, "name", span.strong)
                piece = dr.group(1)  # "is Dr Okafor": the surname is a name
            joined = _AT_JOIN.match(piece)
            if joined:
                kept.append(Span(span.start, span.start + len(joined.group(1)), span.kind))
                span = Span(span.start + joined.start(2), span.end, span.kind, span.strong)
            region = _REGION_AND.match(piece)
            if region and region.group(1).lower() in lower_cities():
                kept.append(Span(span.start, span.start + len(region.group(1)), "place"))
                span = Span(span.start + region.start(2), span.end, span.kind, span.strong)
            tail = _PERSIAN_TAIL.search(piece)
            if tail:
                span = Span(span.start, span.start + tail.start(), span.kind, span.strong)
        if span.kind == "place":
            country = _GERMAN_COUNTRY.match(piece)
            if country:
                span = Span(span.start, span.start + len(country.group(1)), "place", span.strong)
            if _DISEASE_AFTER.match(after) and piece.lower() not in ("us", "uk"):
                continue  # "York platelet syndrome"
            if _GERMAN_VERB_HEAD.match(piece) and _GERMAN_PRONOUN_NEXT.match(after):
                continue  # "Kann man mit Morbus Osler ..."
            if piece == "Labrador" and re.match(r"\s+(?:retrievers?|dogs?|pup|puppy)\b", after):
                continue  # "a Labrador retriever": the dog
            if piece in ("Bible", "Quran", "Koran", "Torah") and _HOLY_BOOK.search(before):
                continue  # "from the Bible"
            if piece in _TURKISH_COMMON and re.match(r"\s+[a-zçğıöşü]", after):
                continue  # "Adet dönemi"
        if span.kind == "date" and piece.startswith("ngày "):
            span = Span(span.start + len("ngày "), span.end, span.kind, span.strong)
        if span.kind == "name" and _NOT_THE_NAME.search(before):
            continue  # "her name is Iona not Ione": the wrong one stays
        kept.append(span)
    return kept
