"""Round 17's shapes. Ages: a number after an aside closed by a dash ("Name—we call him
Nick—is fourteen months and"), an age corrected ("she's [4], not 5"), a bare number after a
self-introduced name ("i'm [name]! 20, student"), a half year ("1 ano e meio", "año y medio").
Names: a header surname in capitals and the given name after its comma ("SURNAME-SURNAME,
Given"), a signature line over a "Mob:/Tel:" line, "first name X", "X? No, Y" and "X, not Y"
after a name found, "my son is X". Places: "the town of X" (even an eponym: "Lyme"), a town
that is an everyday word after "[institution] in" ("Reading"), "the States", "US citizens",
"in yolo county" (a place given after "autocorrect," or "no, sorry, it was" is round 23's
general correction rule, ``unseen23``); places of other
scripts from a short list after a place cue (Hindi, Urdu, Gujarati, Chinese, Thai, Amharic,
Yoruba, Hebrew, Greek genitive after a place). Institutions: a charity after "charity,", a
church by its denomination's acronym ("Bethel AME"), "the X in [town]" ("to the Freeman in"),
a teaching hospital's acronym ending in TH or THC, "X Uni", "L&D", a hospital named after a
doctor ("at Dr. Name Surname in"), "Hôpital X", a school number and its name ("Escuela ...
Nº 1042 Name Name"), and hospitals of other scripts by head word or well-known name.

``kept17`` takes back: a hyphenated eponym ("Creutzfeldt-Jakob"), a lower-case word before a
language ("in plain English"), a compass adjective before a place ("northern [Australia]"), a
public health scheme before its number ("IMSS number", "ABHA 00-..."), a field label taken for
a name ("DOB"), an initial before "Hospital" taken for a name, Urdu "اسے" before a hospital, a
lower-case word after a place (Indonesian "baru") and a Cyrillic preposition inside an
institution ("з")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen16 import NAME_WORD, NUMBER_WORDS
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_CAP_WORD = rf"{CAP_LATIN}[a-z]+"

# ---------------------------------------------------------------------------- ages

_UNIT = r"(?:wks?|weeks?|months?|mos?|mths?|days?|years?|yrs?)"
# "Name—we call him Nick—is fourteen months and" (the aside closes with a dash)
_DASH_AGE = gated(
    rf"[—–]{_W}is{_S}((?:\d{{1,2}}|{NUMBER_WORDS})(?:{_S}{_UNIT}(?:{_S}old)?)?)"
    r"(?![^\S\n]+(?:pregnant|along|post|after|into|ago|later|of|on|in)\b)"
    r"(?=[^\S\n]*(?:[,.;!?]|\n|$)|[^\S\n]+(?:and|now|but|with|who)\b)"
)
# the aside opens after a person: "Name—", "Mr Name—", "my mum—" ("Her ferritin—measured
# today—is 12 and" stays)
_ASIDE_OPENS = gated(r"([\w'’]+)[—–][^—–\n]{1,60}$")
_PERSON_WORDS = wordset(
    "mum mom mother dad father son daughter baby child boy girl brother sister wife husband "
    "partner patient grandson granddaughter grandma grandpa granny nan niece nephew cousin "
    "aunt uncle friend neighbour neighbor he she him her"
)
_CORRECTED_AGE = gated(rf",?{_S}not{_S}(\d{{1,2}}|{NUMBER_WORDS})(?=[^\S\n]*[,.;!?])")
_HALF = gated(r"[^\S\n]+(?:e[^\S\n]+meio|e[^\S\n]+meia|y[^\S\n]+medio|y[^\S\n]+media"
                   r"|and[^\S\n]+a[^\S\n]+half|et[^\S\n]+demi)\b")
_SELF = gated(r"(?:\b(?:i'?m|I'?m|I[^\S\n]+am|i[^\S\n]+am|im|name[^\S\n]+is)[^\S\n]+)$")
_INTRO_AGE = gated(r"[!,][^\S\n]*(\d{1,2})(?=[^\S\n]*[,;]|[^\S\n]+(?:y/?o|yrs?|years)\b)")
# Portuguese, Spanish "um ano e meio", "año y medio" with no digit
_HALF_YEAR = gated(
    r"\b((?:(?:um|uma|un|una)[^\S\n]+)?(?:ano|año)[^\S\n]+(?:e|y)[^\S\n]+(?:meio|medio))\b", re.I
)

# ---------------------------------------------------------------------------- names

_SIGNATURE = gated(
    rf"(?:^|(?<=\n)){_W}({NAME_WORD}(?:{_S}{NAME_WORD}){{1,2}}){_W}\n{_W}"
    r"(?:Mob|Mobile|Tel|Phone|Ph|Cell|Email|E-mail|WhatsApp|Contact)\b"
)
_FIRST_NAME = gated(
    rf"\b(?:first|given|middle|real)[^\S\n]+name(?:[^\S\n]+is)?,?{_S}({NAME_WORD})"
)
_KIN_IS = gated(
    rf"\b(?:[Mm]y|[Oo]ur){_S}(?:son|daughter|baby|boy|girl|grandson|granddaughter|niece"
    rf"|nephew|brother|sister|child|twin){_S}is{_S}({NAME_WORD})(?=[^\S\n]*(?:[,;—–(]|$)"
    r"|[^\S\n]+(?:and|has|had|who|not)\b)"
)
_OR_NAME = gated(rf"[?!.,]?{_W}(?:[Nn]o|[Nn]ot|or),?{_S}({NAME_WORD})\b")
_CAPS_GIVEN = gated(rf",{_W}({_CAP_WORD}(?:{_S}{_CAP_WORD})?)(?=[^\S\n]*(?:\n|$|[,(]))")

# ---------------------------------------------------------------------------- places

_TOWN_OF = gated(
    rf"\bthe{_S}(?:town|city|village|county|borough|island|region|province)"
    rf"{_S}of{_S}({_CAP_WORD}(?:{_S}{_CAP_WORD})?)"
)
_INSTITUTION_IN = gated(
    rf"{_S}in{_S}({_CAP_WORD})(?=[^\S\n]*(?:[.,;!?]|\n|$)|[^\S\n]+(?:and|but|where|which)\b)"
)
_NOT_TOWNS = wordset(
    "January February March April May June July August September October November December "
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday English Spanish French "
    "German Italian Portuguese Arabic Urdu Hindi Chinese Welsh Irish Polish Dutch Russian "
    "Spring Summer Autumn Winter Fall Paediatrics Pediatrics Oncology Cardiology Neurology "
    "Genetics Haematology Hematology Surgery Radiology Outpatients Theatre Recovery "
    "Rheumatology Dermatology Endocrinology Gastroenterology Nephrology Urology Psychiatry "
    "Ophthalmology Orthopaedics Orthopedics Obstetrics Gynaecology Maternity Emergency Paeds "
    "Peds Rehab Physio Immunology Respiratory Audiology Pharmacy Reception Admissions Braille "
    "Clinic Casualty Resus Triage Endo Neuro Cardio Haem Onc Ortho Derm Gastro Renal Theatres "
    "Person Total Future Advance Time Private Public Writing Latin Greek"
)
_STATES_US = gated(
    rf"\b(?:in|to|from|across|back){_S}the{_S}(States)\b|\b(US){_S}(?:citizens?|citizenship"
    r"|passports?|residents?|insurance|nationals?)\b"
)
_LOWER_COUNTY = gated(rf"\b(?:in|from|near|of){_S}([a-z]{{3,}}{_S}county)\b")
_GREEK_GENITIVE = gated(r"[^\S\n]+([Α-ΩΆ-Ώ][\u0370-\u03ff\u1f00-\u1fff]+(?:ης|ας|ου|ων))\b")

_HINDI = (
    "मध्य प्रदेश|उत्तर प्रदेश|आंध्र प्रदेश|हिमाचल प्रदेश|अरुणाचल प्रदेश|महाराष्ट्र|राजस्थान|बिहार|गुजरात|"
    "पंजाब|हरियाणा|झारखंड|छत्तीसगढ़|उत्तराखंड|ओडिशा|केरल|कर्नाटक|तमिलनाडु|तेलंगाना|असम|दिल्ली|मुंबई|"
    "कोलकाता|चेन्नई|लखनऊ|पटना|जयपुर|भोपाल|इंदौर|पुणे|नागपुर|कानपुर|वाराणसी|आगरा|ग्वालियर|जबलपुर|"
    "रायपुर|रांची|देहरादून|चंडीगढ़|अहमदाबाद|हैदराबाद|बेंगलुरु"
)
_URDU = (
    "ملتان|لاہور|کراچی|اسلام آباد|راولپنڈی|پشاور|کوئٹہ|فیصل آباد|حیدرآباد|سیالکوٹ|گوجرانوالہ|"
    "بہاولپور|سکھر|ایبٹ آباد|مردان|پنجاب|سندھ|بلوچستان|خیبر پختونخوا"
)
_GUJARATI = "ગુજરાત|અમદાવાદ|સુરત|વડોદરા|રાજકોટ|ભાવનગર|જામનગર|ગાંધીનગર|જૂનાગઢ|આણંદ|ભરૂચ|કચ્છ|મુંબઈ"
CHINESE_PROVINCES = (
    "河北|河南|山东|山西|湖北|湖南|广东|广西|江苏|浙江|安徽|福建|江西|四川|贵州|云南|陕西|甘肃|青海|辽宁"
    "|吉林|黑龙江|海南|内蒙古|新疆|西藏|宁夏|北京|上海|天津|重庆"
)
_THAI = (
    "นนทบุรี|กรุงเทพ(?:มหานคร|ฯ)?|เชียงใหม่|เชียงราย|ขอนแก่น|นครราชสีมา|โคราช|อุดรธานี|ภูเก็ต|"
    "สงขลา|หาดใหญ่|ชลบุรี|ปทุมธานี|สมุทรปราการ|อุบลราชธานี|นครศรีธรรมราช|พิษณุโลก|ระยอง|ลำปาง"
)
_AMHARIC = "ጎንደር|አዲስ አበባ|ባሕር ዳር|ባህር ዳር|መቀሌ|ሐዋሳ|ሀዋሳ|ጅማ|ደሴ|አዳማ|ድሬዳዋ|ሐረር|ደብረ ማርቆስ"
_HEBREW_TOWNS = (
    "טבריה|חיפה|ירושלים|תל אביב|באר שבע|אשדוד|אשקלון|נתניה|צפת|נצרת|עפולה|אילת|רחובות|"
    "פתח תקווה|ראשון לציון|חולון|בת ים|רמת גן|בני ברק|הרצליה|כפר סבא|רעננה|מודיעין|נהריה|עכו|"
    "כרמיאל|קריית שמונה|דימונה|חדרה|לוד|רמלה"
)
_SCRIPT_PLACES = gated(
    # Hindi "मध्य प्रदेश में", Urdu "ملتان میں", both before "in/from"
    rf"(?<![\u0900-\u097f])({_HINDI})(?=[^\S\n]+(?:में|से|के|की)(?![\u0900-\u097f]))"
    rf"|(?<![\u0600-\u06ff])({_URDU})(?=[^\S\n]+(?:میں|سے|کے|کی)(?![\u0600-\u06ff]))"
    # Gujarati "ભાવનગરની", "ગુજરાતમાં" (a case ending joined to the name)
    rf"|(?<![\u0a80-\u0aff])({_GUJARATI})(?=(?:ની|નો|ના|નું|માં|થી)(?![\u0a80-\u0aff]))"
    # Chinese "我们是河北保定人": a province, then a city
    rf"|(?:我们|我|他|她|我家)是({CHINESE_PROVINCES})?([\u4e00-\u9fff]{{2,3}}?)人"
    # Thai "เราอยู่นนทบุรี", "จาก..."
    rf"|(?:อยู่|จาก|ที่|จังหวัด)({_THAI})"
    # Amharic "በጎንደር" (at), "ከ..." (from), "ወደ ..." (to)
    rf"|(?<![\u1200-\u137f])(?:በ|ከ|ወደ[^\S\n]*|ለ)?({_AMHARIC})(?![\u1200-\u137f])"
    # Hebrew "מטבריה" (from), "בחיפה" (in)
    rf"|(?<![\u0590-\u05ff])(?:ו?[מבל])?({_HEBREW_TOWNS})(?![\u0590-\u05ff])"
)
# a patient, family, parents, from elsewhere, local, ordinary, foreign, young, old
_NOT_CHINESE_PLACES = (
    "病", "患者", "家属", "父母", "外地", "本地", "当地", "一家", "普通", "外国", "年轻", "老年",
)
# Hebrew kin and a name: "אבא שלי, NAME," (my father); an age in words: "בת חמש" (aged five)
_HEBREW = gated(
    r"(?<![\u0590-\u05ff])(?:אבא|אמא|סבא|סבתא|הבן|הבת|אחי|אחותי|בעלי|אשתי|הילד|הילדה)"
    r"(?:[^\S\n]+שלי)?,?[^\S\n]+(?!שלי|בן|בת|גר|גרה)([\u0590-\u05ff]{2,})"
    r"(?=[^\S\n]*,|[^\S\n]+(?:בן|בת)[^\S\n])"
    r"|(?<![\u0590-\u05ff])(?:בן|בת)[^\S\n]+()(אחת|שתיים|שתים|שלוש|ארבע|חמש|שש|שבע|שמונה|תשע|עשר"
    r"|אחד|שניים|שלושה|ארבעה|חמישה|שישה|שבעה|תשעה|עשרה|עשרים|שלושים|ארבעים|חמישים|שישים"
    r"|שבעים|שמונים|תשעים)(?![\u0590-\u05ff])"
)
# Yoruba "ní Nàìjíríà" (in), "sí Èkó" (to)
_YORUBA_PLACE = gated(
    rf"(?<!\w)(?:ní|sí|láti){_S}({CAP_WIDE}(?:[^\W\d_]|[\u0300-\u036f])+(?:-{CAP_WIDE}?"
    r"(?:[^\W\d_]|[\u0300-\u036f])+)?)"
)
# "ní Ilé ìwòsàn" (at the hospital): a house, a home, a school, a market, a church
_NOT_YORUBA_PLACES = frozenset(["Ilé", "Ile", "Ilé-ìwòsàn", "Ilé-ẹ̀kọ́", "Ọjà", "Ṣọ́ọ̀ṣì"])
_YORUBA_TEXT = gated(r"[ẹọṣẸỌṢ]|\b(?:mi|ní|àìsàn|ọmọ)\b")

# ---------------------------------------------------------------------------- institutions

_CHARITY = gated(
    rf"\b(?:charity|foundation|support[^\S\n]+group|society|organi[sz]ation|non-profit|nonprofit)"
    rf"(?:,|{_S}called|{_S}named){_S}({_CAP_WORD}(?:{_S}(?:of{_S}the|of|the|and|for|&)?{_W}"
    rf"{_CAP_WORD}){{1,4}})(?=[^\S\n]*[,.;()]|{_S}(?:based|in|which|that)\b)"
)
_CHURCH = gated(
    rf"\b({_CAP_WORD}(?:{_S}{_CAP_WORD})?{_S}(?:AME(?:{_S}Zion)?|UMC|COGIC|CME|SDA)"
    rf"(?:{_S}[Cc]hurch)?)\b(?!{_S}tipo)"
)
_THE_X_IN = gated(
    rf"\b(?:to|at|from){_S}the{_S}({_CAP_WORD}){_S}in{_S}({_CAP_WORD}|\[)"
)
_ACRONYM_TH = gated(r"\b([A-Z]{2,6}THC?)\b")
_UNI = gated(rf"\b({_CAP_WORD}(?:{_S}{_CAP_WORD})?{_S}Uni)\b(?![-\w])")
_AMPERSAND = gated(r"\b(?:at|from|to)[^\S\n]+the[^\S\n]+([A-Z]{1,3}&[A-Z]{1,3})\b")
_NOT_AMPERSAND = wordset("A&E R&D Q&A B&B P&L M&S AT&T H&M B&Q")
_DOCTOR = gated(
    rf"\b(?:nurse|work|works|worked|working|staff|volunteer|volunteers|physician|resident"
    rf"|admitted|treated|born){_S}(?:at|in){_S}((?:Dr\.?|Doctor){_S}{_CAP_WORD}{_S}{_CAP_WORD}"
    rf"(?:{_S}(?:Regional{_S})?Hospital)?)"
)
_HEAD = gated(
    rf"(?:\b[LlDd]['’])?\b((?:Hôpital|Clinique|Polyclinique|Policlinique|Centre{_S}hospitalier"
    rf"|Centre{_S}Hospitalier){_S}(?:(?:de|du|des|la|le|Saint|Sainte|St|Ste)[-\s]+)*"
    rf"{CAP_LATIN}[^\W\d_]+(?:-{CAP_LATIN}[^\W\d_]+)*)"
)
_SCHOOL_NUMBER = gated(
    rf"{_W}(\d{{1,5}}(?:{_S}(?:{CAP_LATIN}[^\W\d_]+\.?)){{0,3}})(?=[^\S\n]*[,.;]|{_S}(?:en|de|in|y)\b)"
)
_SCRIPT_INSTITUTIONS = gated(
    # Gujarati: the words after a town in the genitive and before "હોસ્પિટલ" (hospital)
    rf"(?<![\u0a80-\u0aff])(?:{_GUJARATI})(?:ની|ના|નું)[^\S\n]+"
    r"((?:[\u0a80-\u0aff]+\.?[^\S\n]+){1,2}હોસ્પિટલ)"
    # Thai hospitals by name, after "ที่" (at) or "รพ." / "โรงพยาบาล"
    r"|(?:ที่|รพ\.|โรงพยาบาล)[^\S\n]*(ศิริราช|รามาธิบดี|จุฬาลงกรณ์|จุฬาฯ|ราชวิถี|ศรีนครินทร์"
    r"|สงขลานครินทร์|มหาราชนครเชียงใหม่|พระมงกุฎ|ภูมิพล)"
    # Amharic: a town, or a name and "ዩኒቨርሲቲ/ሪፈራል/ስፔሻላይዝድ", then "ሆስፒታል" (hospital)
    rf"|(?<![\u1200-\u137f])(?:በ|ከ|ወደ)?((?:{_AMHARIC}|ጥቁር[^\S\n]+አንበሳ|[\u1200-\u135a]+[^\S\n]+"
    r"(?:ዩኒቨርሲቲ|ሪፈራል|ስፔሻላይዝድ))[^\S\n]+(?:(?:ዩኒቨርሲቲ|ሪፈራል|ስፔሻላይዝድ)[^\S\n]+)?ሆስፒታል)"
    # Greek: a saint's hospital after "στο" (at the): "στο Αγία Σοφία", "στον Ευαγγελισμό"
    r"|\b(?:στο|στον|Στο)[^\S\n]+((?:Αγία|Αγίας|Άγιος|Αγίου|Αγ\.)[^\S\n]+[Α-ΩΆ-Ώ]"
    r"[\u0370-\u03ff\u1f00-\u1fff]+|Παίδων|Ευαγγελισμό|Αττικόν|Λαϊκό|Ιπποκράτειο|Παπαγεωργίου"
    r"|ΑΧΕΠΑ|Αγλαΐα[^\S\n]+Κυριακού)"
)

_SCHEMES = wordset(
    "IMSS ISSSTE ABHA SUS NHS Medicaid Medicare PhilHealth BPJS AMKA EsSalud FONASA IHIS "
    "CHIP MediCal Medi-Cal Ayushman PMJAY CGHS ECHS Aadhaar NIN"
)
_ID_WORD = gated(
    r"[^\S\n]*(?:number|num\b|[Nn]o[.:]|[Nn]o[^\S\n]*\d|ID\b|id\b|#|card|:|[0-9])"
)
# Amharic "to", "from", "is", "and", "but" after a kin cue ("ልጄ ወደ ሆስፒታል ሄደ")
_AMHARIC_FUNCTION = frozenset(["ወደ", "ከ", "ነው", "ነች", "እና", "ግን", "በጣም", "አሁን"])
_FIELD_LABELS = wordset("DOB D.O.B DOD MRN UHID Mob Tel Ph Fax Ref Re Attn")
_COMPASS = gated(
    r"((?:north|south|east|west|northern|southern|eastern|western|central|rural|upstate"
    r"|downstate|coastal|inner|outer|north-east|north-west|south-east|south-west|northeastern"
    r"|northwestern|southeastern|southwestern)[^\S\n]+)(?=[A-Z])"
)
_LANGUAGE_AFTER = gated(
    r"[^\S\n]+(?:English|Spanish|French|German|Italian|Portuguese|Arabic|Urdu|Hindi|Chinese"
    r"|Welsh|Polish|Dutch|Russian|terms|language|words)\b"
)
_URDU_LEADING = ("اسے ", "انہیں ", "اسکو ", "اس کو ", "ہمیں ", "مجھے ", "اور ")
_HEAD_WORDS = r"(?:Hospital|Clinic|Centre|Center|Infirmary|Trust|University|Unit|Ward)"
_INITIAL_HEAD = gated(rf"[A-Z]\.?{_S}{_HEAD_WORDS}")
# "Hospital Roosevelt de Guatemala": a hospital's name, then its country ("Hospital Infantil de
# México", "Hospital Regional de Talca" are one name: a type word before "de", or a town)
_OF_COUNTRY = gated(
    r"[^\S\n]+(?:de|del)[^\S\n]+(?:Guatemala|México|Mexico|Chile|Colombia|Perú|Peru|Bolivia"
    r"|Paraguay|Uruguay|Argentina|Venezuela|Ecuador|Honduras|Nicaragua|Panamá|Cuba|Brasil"
    r"|Portugal|España|Costa[^\S\n]+Rica|El[^\S\n]+Salvador|Puerto[^\S\n]+Rico)$"
)
_TYPE_WORDS = wordset(
    "Infantil Regional Civil Nacional General Universitario Universitaria Central Militar "
    "Metropolitano Pediátrico Materno Clínicas Niños Niño Hospital Instituto Clínica Centro"
)
_PLACE_TAILS = wordset("county city district town village state province region")
_CYRILLIC_CUT = gated(r"[^\S\n]+(?:з|в|у|із|зі|до|на|с|со|и|й|та)[^\S\n]+[а-яїієґё]")


def unseen17_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 17's ages, names, places and institutions (the module's docstring)."""
    for m in _DASH_AGE.finditer(text):
        aside = _ASIDE_OPENS.search(text, max(0, m.start() - 80), m.start())
        who = aside.group(1) if aside else ""
        if who.lower() in _PERSON_WORDS or (who[:1].isupper() and not lex.plain(who)):
            yield Span(m.start(1), m.end(1), "age")
    for m in _HALF_YEAR.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _SIGNATURE.finditer(text):
        if not all(lex.plain(w) for w in m.group(1).split()):
            yield Span(m.start(1), m.end(1), "name")
    for pattern in (_FIRST_NAME, _KIN_IS):
        for m in pattern.finditer(text):
            parts = m.group(1).split("-")
            if not any(lex.plain(w) for w in parts) and not m.group(1).isupper():
                yield Span(m.start(1), m.end(1), "name")
    for m in _TOWN_OF.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in _STATES_US.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "place")
    for m in _LOWER_COUNTY.finditer(text):
        if not lex.plain(m.group(1).split()[0]):
            yield Span(m.start(1), m.end(1), "place")
    for m in _SCRIPT_PLACES.finditer(text):
        for group in range(1, _SCRIPT_PLACES.groups + 1):
            if not m.group(group):
                continue
            if group == 5 and m.group(5).endswith(_NOT_CHINESE_PLACES):
                continue
            yield Span(m.start(group), m.end(group), "place")
    for m in _HEBREW.finditer(text):
        if m.group(1):
            yield Span(m.start(1), m.end(1), "name")
        else:
            yield Span(m.start(3), m.end(3), "age")
    if _YORUBA_TEXT.search(text):
        for m in _YORUBA_PLACE.finditer(text):
            if not lex.plain(m.group(1)) and m.group(1) not in _NOT_YORUBA_PLACES:
                yield Span(m.start(1), m.end(1), "place")
    for m in _CHARITY.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _CHURCH.finditer(text):
        if not lex.plain(m.group(1).split()[0]):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _THE_X_IN.finditer(text):
        if m.group(2) in _NOT_TOWNS or m.group(1) in _NOT_TOWNS:
            continue  # "the Fontan in June"
        if not lex.plain(m.group(1)) or m.group(1) in lex.eponyms:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _ACRONYM_TH.finditer(text):
        word = m.group(1)
        if not lex.plain(word) and word.lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _UNI.finditer(text):
        if not lex.plain(m.group(1).split()[0]):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _AMPERSAND.finditer(text):
        if m.group(1) not in _NOT_AMPERSAND:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _DOCTOR.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _HEAD.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _SCRIPT_INSTITUTIONS.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i))
        yield Span(m.start(group), m.end(group), "institution")


def after17_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 17 finds next to the spans found (the module's docstring)."""
    for span in spans:
        original = text[span.start : span.end]
        before = text[max(0, span.start - 30) : span.start]
        if span.kind == "age":
            m = _CORRECTED_AGE.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")
            m = _HALF.match(text, span.end)
            if m:
                yield Span(span.start, m.end(), "age")
        if span.kind == "name":
            if _SELF.search(before):
                m = _INTRO_AGE.match(text, span.end)
                if m:
                    yield Span(m.start(1), m.end(1), "age")
            m = _OR_NAME.match(text, span.end)
            if m and not lex.plain(m.group(1)) and not m.group(1).isupper():
                yield Span(m.start(1), m.end(1), "name")
            if original.isupper() and len(original) > 2:
                m = _CAPS_GIVEN.match(text, span.end)
                if m and not all(lex.plain(w) for w in m.group(1).split()):
                    yield Span(span.start, m.end(1), "name")
        if span.kind == "institution":
            m = _INSTITUTION_IN.match(text, span.end)
            if m and m.group(1) not in _NOT_TOWNS:
                yield Span(m.start(1), m.end(1), "place")
            if original.endswith(("Nº", "N°", "No.", "Nro.", "Núm.")):
                m = _SCHOOL_NUMBER.match(text, span.end)
                if m:
                    yield Span(span.start, m.end(1), "institution")
            if original.rstrip(".") in ("Dr", "St"):
                m = re.match(rf"\.?{_S}({_CAP_WORD}(?:{_S}{_CAP_WORD})?)", text[span.end :])
                if m:
                    yield Span(span.start, span.end + m.end(1), "institution")
        if span.kind == "place":
            m = _GREEK_GENITIVE.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "place")


def kept17(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 17 takes back (the module's docstring): dropped or cut."""
    kept: list[Span] = []
    capitalised_ends = {
        s.end for s in spans if s.kind == "place" and text[s.start : s.start + 1].isupper()
    }
    for span in spans:
        original = text[span.start : span.end]
        if (
            span.kind == "place"
            and original.isalpha()
            and original.islower()
            and span.start - 1 in capitalised_ends
            and text[span.start - 1] == " "
            and original not in _PLACE_TAILS
        ):
            continue  # "di [Medan] baru sembuh": the writer capitalised the town, not "baru"
        if span.kind in ("name", "place", "institution"):
            if "-" in original and original in lex.eponyms:
                continue  # "Creutzfeldt-Jakob"
            if original in _SCHEMES and _ID_WORD.match(text, span.end):
                continue  # "Her IMSS number is", "ABHA 00-0000"
            if span.kind == "name" and (original in _FIELD_LABELS or original in _AMHARIC_FUNCTION):
                continue  # "DOB 15.03.2017"
            if span.kind == "name" and _INITIAL_HEAD.fullmatch(original):
                continue  # "[L&D]. Hospital number"
            if original.islower() and " " not in original and _LANGUAGE_AFTER.match(
                text, span.end
            ):
                continue  # "in plain English"
            m = _COMPASS.match(original)
            if m and span.kind == "place":
                span = Span(span.start + m.end(1), span.end, span.kind, span.strong)
            for lead in _URDU_LEADING:
                if original.startswith(lead) and len(original) > len(lead) + 1:
                    span = Span(span.start + len(lead), span.end, span.kind, span.strong)
                    break
            words = original.split()
            if (
                span.kind == "place"
                and len(words) > 1
                and words[-1].islower()
                and words[0][:1].isupper()
                and words[-1].isalpha()
                and words[-1] not in _PLACE_TAILS
            ):
                span = Span(span.start, span.end - len(words[-1]) - 1, span.kind, span.strong)
            m = _OF_COUNTRY.search(original)
            if (
                m
                and span.kind == "institution"
                and original[: m.start()].split()[-1] not in _TYPE_WORDS
                and len(original[: m.start()].split()) >= 2
            ):
                span = Span(span.start, span.start + m.start(), span.kind, span.strong)
            m = _CYRILLIC_CUT.search(text, span.start, span.end)
            if m and span.kind == "institution" and text[span.end : span.end + 1].isalpha():
                # the span ends inside a word: "Охматдиті з д|іагнозом"
                span = Span(span.start, m.start(), span.kind, span.strong)
        kept.append(span)
    return kept
