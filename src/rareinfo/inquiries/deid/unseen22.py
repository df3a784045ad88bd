"""Round 22's shapes. Institutions: a school by its ending after a school cue ("nurse at Pine
Hollow Middle", "goes to Elmstead Grammar", lower-case "goes to hillcrest community college",
"do nursing at uni of york"), a hospital known by a name after a birth, a transfer or a visit
("born at The Ivy", "seeing someone at Anna Fields"; wards, departments and towns stay), a
hospital's acronym by its "-UH/-GH" ending ("at QMUH"), a teaching hospital's acronym with a
state's prefix and a hyphen ("at OS-FUTHB"), initials with dots before a name ("at J.K.
vanHolt"), a Vietnamese hospital's name over lower-case syllables and a hyphen up to its last
capitalised syllable ("Bệnh viện Mắt - Nhi Huế"), a Dutch school after "zit op/gaat naar De X",
Indonesian and Swahili schools by their head word ("di SDN 3 Cempaka", "shule ya msingi
Kilimani"). Ids: a chat visitor's number ("Guest 4417", "Visitor_2290"; one or two digits only
before a speaker's colon). Ages: a number word or a number after a name found and "is/ist/est"
("Name is nine and", "Name ist 68 und"), a Romance age in brackets ("(trente-deux ans)"),
Chinese number characters before 歲/岁 (not an onset: "三岁时"), number words of German, Dutch, the
Scandinavian languages and Polish with their unit after a verb ("är fem år", "ma sześć lat"; not
"er to år siden"), Italian's teens after "ha" ("ha quindici anni"). Names: a lower-case name
between a kin word and "is/has" and an age ("my niece poppy is seven"), "everyone calls him
Name", a sign-off after " - " closing the text ("... - Name, Town"), a name alone before an
ellipsis opening a sentence ("Clementine... our girl"). Places: a lower-case town with a macron
after "from/in" ("from tūrangi"), a region "the X District", country names in other languages
("Pilipinas", "ભારત").

``kept22`` takes back: a Devanagari hospital name runs no further back than an acronym spelled
in letter names before its head ("किडनी ट्रांसप्लांट केईएम अस्पताल": only "केईएम अस्पताल") nor
over loanwords of medicine; an Arabic hospital's name stops before a particle or verb ("مستشفى
... إن لديها"); a Korean ordinary noun is no name ("진단을"); a greeting of another language
opening the message ("Jambo,", "Salaam o Alaikum,"; "Dear Habari," is a name), a people before
"communities/families" that is no town or country ("Inupiat communities"), a region of several
states or countries ("the Carolinas", "Centroamérica"), a question word of another language
opening a sentence ("Unde ...?"), a German kin noun read into the name after it ("Meine [Tochter
Lea]")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import cities, countries
from rareinfo.inquiries.deid.institutions import NOT_INSTITUTIONS
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen16 import NAME_WORD, NUMBER_WORDS
from rareinfo.inquiries.deid.unseen18 import ROMANCE_COMPOUND
from rareinfo.inquiries.deid.unseen19 import TREATMENTS
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, Lexicon, common_words, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- institutions

_SCHOOL_ENDS = (
    r"(?:Middle|Elementary|Grammar|High|Academy|Primary|Junior|Infants|Prep|Intermediate"
    r"|Community{_S}College|Sixth{_S}Form{_S}College|College)"
).replace("{_S}", _S)
_SCHOOL_CUE = (
    r"(?:at|to|attends|attend|attending|from|in{_S}year{_S}\d{1,2}{_S}at|nurse{_S}at"
    r"|teacher{_S}at|student{_S}at|pupil{_S}at|started{_S}at|starts{_S}at)"
).replace("{_S}", _S)
# "nurse at Pine Hollow Middle", "goes to Elmstead Grammar": one to three capitalised words
# and a school's ending after a school cue
_SCHOOL = gated(
    rf"\b{_SCHOOL_CUE}{_S}(?:the{_S})?"
    rf"((?:{CAP_LATIN}[a-z]+(?:['’]s)?{_S}){{1,3}}{_SCHOOL_ENDS}(?:{_S}School)?)\b"
)
_SCHOOL_GENERIC = wordset(
    "The A An Our My His Her Their Your This That Junior Senior Middle High Grammar Primary"
    " Secondary Elementary Public Private Local Catholic Community State Special New Old"
    " Sixth Form Year Grade Medical Nursing Law Royal Imperial University City"
)
# lower case: "goes to hillcrest community college", "at uni of york"
_LOWER_SCHOOL = gated(
    rf"\b(?:at|to|attends|attending|from){_S}"
    rf"((?:st{_S}|saint{_S})?[a-z]{{3,15}}(?:{_S}[a-z]{{3,15}})?{_S}"
    rf"(?:community{_S}college|sixth{_S}form(?:{_S}college)?"
    r"|grammar(?:[^\S\n]+school)?|academy|(?:middle|high|primary|elementary|junior|infants)"
    r"(?:[^\S\n]+school)?))\b"
    rf"|\b((?:uni|university){_S}of{_S}[a-z]{{3,15}})\b"
)
_LOWER_GENERIC = wordset(
    "the a an local our my his her their your nearby public private state community special"
    " catholic new old same other different big small junior senior middle high primary"
    " elementary secondary regular mainstream normal boarding grammar performing arts sports"
    " medical nursing design music art police military army naval navy air ballet dance drama"
    " film language summer night online home school schools senior junior"
)
# a hospital known by a name after a birth, a transfer or a visit: "born at The Ivy",
# "seeing someone at Anna Fields", "transferred to Westgrove"
_KNOWN_BY_NAME = gated(
    r"\b(?:born|delivered|admitted|transferred|transfered|referred|seen|treated"
    r"|seeing[^\S\n]+(?:someone|somebody|a[^\S\n]+[a-z]+|him|her|them)|followed|inpatient"
    r"|outpatient|NICU|PICU|ward)"
    rf"(?:{_S}(?:on|in){_S}[^,.;:\n]{{1,25}}?)?{_S}(?:at|to){_S}((?:The{_S})?{CAP_LATIN}[a-z]{{2,}}(?:{_S}{CAP_LATIN}[a-z]{{2,}})?)"
    r"(?=[^\S\n]*(?:[,.;!?)]|\n|$)|[^\S\n]+(?:and|in|for|since|but|so|on|last|when|with"
    r"|where|who|because|after|before|until|hospital)\b)"
)
_TITLES = wordset("Dr Doctor Prof Professor Mr Mrs Ms Miss Nurse Sister St Saint")
# a ward or a department, no hospital's name: "transferred to Intensive Care"
_WARDS = wordset(
    "Intensive Critical Neonatal Emergency Accident Paediatric Pediatric Adult Care Unit Ward"
    " Department Dept Theatre Theatres Recovery Maternity Outpatients Inpatients Services Team"
    " Clinic Hospital Hospice Home Term Resus Resuscitation Casualty Triage Radiology"
)
# a hospital's acronym by its ending: "QMUH", "RGH" (university / general hospital)
_UH_ACRONYM = gated(r"(?<![\w-])([A-Z]{1,3}(?:UH|GH))(?![\w-])")
_NOT_UH = wordset("UGH HGH IGH AGH")
# a teaching hospital's acronym with a state's prefix: "at OS-FUTHB", "ABUTH-Zaria"
_HYPHEN_ACRONYM = gated(
    r"\b(?:at|to|from|in|At|To|From|In)[^\S\n]+([A-Z]{2,4}-[A-Z]{1,6}(?:TH|THA|THB|THC|THK|MC|UH|GH))\b"
)
# initials with dots before a name after "at/to/from": "at J.K. vanHolt"
_DOTTED_INITIALS = gated(
    rf"\b(?:at|to|from){_S}((?:[A-Z]\.){{1,3}}{_W}[A-Za-z][a-z]*[A-Z]?[a-z]+"
    rf"(?:{_S}{CAP_LATIN}[a-z]+)?)"
)
# a Vietnamese hospital's name runs over lower-case syllables and " - " up to a stop
_VIET_HOSPITAL = gated(
    r"\b((?:Bệnh|bệnh)[^\S\n]+viện(?:[^\S\n]+(?!ở|tại|và|có|không|được|cho|với|là|để|khi"
    r"|nhưng|đã|đang|sẽ|thì|nên|từ|vì|rồi|ạ)[^\W\d_]+|[^\S\n]+[-–](?=[^\S\n]+[^\W\d_])){1,10})"
)
_VIET_TAILS = wordset("ương đồng")
# a Dutch school after "zit op / gaat naar": "zit op De Zonnebloem"
_DUTCH_SCHOOL = gated(
    rf"\b(?:zit|zitten|zat|gaat|gaan|ging){_S}(?:op|naar){_S}"
    rf"((?:De|Het|['’]t){_S}{CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+)?)"
)

# schools by their head word in Indonesian and Swahili: "di SDN 5 Menteng", "SMP Negeri 2
# Bogor" (SMA is also spinal muscular atrophy: a number or "Negeri/Swasta" must follow), "shule
# ya msingi Mvuleni"
_INDONESIAN_SCHOOL = gated(
    rf"\b(?:di|ke|dari|Di|Ke|Dari|sekolah|bersekolah){_S}"
    rf"((?:SDN|SDIT|SD|SMPN|SMPIT|SMP|SMAN|SMA|SMKN|SMK|MIN|MTsN|MTs|MAN|TK)"
    rf"(?:{_S}(?:Negeri|Swasta|Islam|Kristen|Katolik))?{_S}\d{{1,3}}(?:{_S}{CAP_LATIN}[a-z]+){{0,2}}"
    rf"|(?:SMP|SMA|SMK|SD){_S}(?:Negeri|Swasta){_S}(?:\d{{1,3}}{_S})?{CAP_LATIN}[a-z]+)"
)
_SWAHILI_SCHOOL = gated(
    rf"\b[Ss]hule{_S}ya{_S}(?:msingi|sekondari|awali|upili|bweni){_S}"
    rf"({CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+)?)"
)

# ---------------------------------------------------------------------------- ids

# a chat visitor's number: "Guest 4417", "Visitor 88", "User 20931"
_VISITOR = gated(
    r"\b((?:Guest|Visitor|User|Customer|Caller|Anonymous|Anon|Client|Member)"
    r"(?:(?:[ _#-]|[ ]#)?\d{3,8}|(?:[ _#-]|[ ]#)?\d{1,2}(?=[^\S\n]*:)))\b"
)

# ---------------------------------------------------------------------------- ages

# number words of German, Dutch, the Scandinavian languages and Polish (no article: "een",
# "ett", "en" are also "a")
_NORTH_NUMBERS = (
    "zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|dreizehn|vierzehn|fünfzehn"
    "|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreißig|vierzig|fünfzig|sechzig|siebzig"
    "|achtzig|neunzig|twee|drie|vijf|zes|zeven|negen|tien|twaalf|dertien|veertien|vijftien"
    "|zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|zeventig"
    "|tachtig|negentig|två|tre|fyra|fem|sex|sju|åtta|nio|tio|elva|tolv|fire|seks|syv|otte"
    "|åtte|ni|ti|elleve|dwa|dwie|trzy|cztery|pięć|sześć|siedem|osiem|dziewięć|dziesięć"
    "|jedenaście|dwanaście|trzynaście|czternaście|piętnaście|szesnaście|siedemnaście"
    "|osiemnaście|dziewiętnaście|dwadzieścia|trzydzieści|czterdzieści|pięćdziesiąt"
    "|sześćdziesiąt|siedemdziesiąt|osiemdziesiąt|dziewięćdziesiąt"
)
# after a name found: "Name is nine and", "Name ist 68 und", "Name... is twelve"
_IS_AGE = gated(
    rf"(?:[.…,]{{0,3}}{_W})?{_S}(?:is|ist|est|er|är|es){_S}({NUMBER_WORDS}|{_NORTH_NUMBERS}"
    r"|\d{1,2})"
    r"(?=[^\S\n]+(?:and|und|et|en|og|och|y|now|but|with|years|Jahre|ans)\b|[^\S\n]*[,.;!?)]"
    r"|[^\S\n]*$)"
)
# such a number word with its unit after a verb: "ist neun Jahre", "är sju år", "ma osiem
# lat", "is negen jaar"; Italian's teens after "ha" ("ha dodici anni")
_NORTH_AGE = gated(
    rf"\b(?:ist|wird|wurde|is|wordt|werd|är|blir|er|blev|ble|ma|skończył|skończyła){_S}"
    rf"((?:{_NORTH_NUMBERS})(?:[- ]?(?:und|en)?[- ]?(?:{_NORTH_NUMBERS}))?{_S}"
    r"(?:Jahre|jaar|år|lat|lata|rok|Monate|maanden|månader|måneder|miesięcy|miesiące))\b"
    # a time ago or a length: "er to år siden", "ist zwei Jahre her", "dwa lata temu"
    r"(?![^\S\n]+(?:siden|sedan|temu|geleden|her|lang|später|senere|senare|później|zuvor))"
    rf"|\b(?:ha|compie|compiuto|di){_S}((?:undici|dodici|tredici|quattordici|quindici|sedici"
    r"|diciassette|diciotto|diciannove|ventuno|ventotto|trentuno|trentotto)[^\S\n]+anni)\b"
)
_BRACKET_ROMANCE = gated(
    rf"\(({ROMANCE_COMPOUND}{_S}(?:ans|años|anos|anni|ani))\)"
)
_CHINESE_NUMBER_AGE = gated(
    r"(?<![\d零一二三四五六七八九十百两兩])([一二三四五六七八九十两兩]{1,4}(?:周岁|週歲|岁|歲|歳))"
    # an onset is no age to remove: "三岁时", "五歲開始", "兩歲以前"
    r"(?!时|時|那|开始|開始|起|以后|以後|以前|之前|前|后|後|半|多|左右|以上|以下|的时候|的時候)"
)

# ---------------------------------------------------------------------------- names

_KIN = (
    r"(?:son|daughter|nephew|niece|grandson|granddaughter|brother|sister|cousin|husband|wife"
    r"|boy|girl|baby|kid|child|partner|mum|mom|dad|stepson|stepdaughter)"
)
# "my niece poppy is seven": a lower-case word between a kin word and "is/has" and an age
_LOWER_KIN_NAME = gated(
    rf"\b(?:my|our){_S}{_KIN}{_S}([a-z]{{3,12}}){_S}(?:is|has|was|turned|turns){_S}"
    rf"(?:{NUMBER_WORDS}|\d{{1,2}})\b"
)
_NOT_LOWER_NAME = wordset(
    "also still now just really only never always too recently who which that currently"
    " finally already actually even eventually then soon sometimes often usually who's"
)
_CALLS = gated(
    rf"\b(?:calls?|called){_S}(?:him|her|them|me){_S}({NAME_WORD})"
    rf"|\b(?:goes|go){_S}by{_S}({NAME_WORD})"
)
# a name alone before an ellipsis, opening a sentence: "... I mean Eastfield. Clementine... our"
_ELLIPSIS_NAME = gated(rf"(?:^|[.!?][^\S\n]+)({NAME_WORD})(?=\.\.\.|…)", re.M)
_DASH_SIGNOFF = gated(rf"[.!?]{_S}[-–—]{{1,2}}{_W}({NAME_WORD})(?=[^\S\n]*(?:,[^\n]*)?$)")

# ---------------------------------------------------------------------------- places

_MACRON_TOWN = gated(
    rf"\b(?:from|in|near|to){_S}([a-zāēīōū]*[āēīōū][a-zāēīōū]*)\b"
)
_DISTRICT = gated(
    rf"\bthe{_S}({CAP_LATIN}[a-z]+{_S}(?:District|Dales|Moors|Fens|Highlands|Riviera))\b"
)
_COUNTRIES = gated(
    r"(?<![\w])(?:(?:Pilipinas|ভারত|ਭਾਰਤ|இந்தியா|ಭಾರತ|భారత్|ഇന്ത്യ|नेपाल|পাকিস্তান)(?![\w])"
    r"|ભારત(?=માં|ની|નો|ના|થી|[^\w]|$))"
)

# ---------------------------------------------------------------------------- kept

# an acronym spelled in Devanagari letter names: "एसएमएस", "एम्स", "पीजीआई", "केईएम"
_DEVANAGARI_LETTERS = (
    "एक्स|डब्ल्यू|क्यू|ज़ेड|जेड|वाई|एफ|एच|एल|एम|एन|एस|आर|बी|सी|डी|जी|जे|के|पी|टी|यू|वी|ओ|ई|ए|आई"
)
_DEVANAGARI_ACRONYM = gated(rf"(?:{_DEVANAGARI_LETTERS})(?:{_DEVANAGARI_LETTERS}|्)+")
_DEVANAGARI_HEAD = gated(r"(?:अस्पताल|चिकित्सालय|हॉस्पिटल|हस्पताल)$")
# loanwords of medicine in Devanagari: no part of a hospital's name
_DEVANAGARI_MEDICAL = wordset(
    "बोन मैरो ट्रांसप्लांट सर्जरी ऑपरेशन टेस्ट थेरेपी डायलिसिस कीमो कीमोथेरेपी रेडिएशन स्कैन"
    " एमआरआई जांच जाँच इलाज उपचार डॉक्टर कैंसर ब्लड किडनी लिवर हार्ट"
)
_ARABIC_STOPS = wordset(
    "إن أن إنه أنه إنها أنها لديه لديها لدي عنده عندها قال قالت قالوا يقول كان كانت يوجد هناك"
    " لقد قد لم لن ما الذي التي حيث عندما"
)
_KOREAN_NOUNS = wordset(
    "진단 치료 검사 수술 병원 진료 약 주사 입원 퇴원 상담 결과 증상 유전 질환 재활 처방 시술 의사"
)
_HANGUL = gated(r"^[가-힣]+$")
# a German kin noun read into the name after it: "Meine [Tochter Lea]"
_GERMAN_KIN = gated(
    r"(?:Tochter|Sohn|Bruder|Schwester|Mutter|Vater|Tante|Onkel|Oma|Opa|Enkel|Enkelin|Nichte"
    r"|Neffe|Mann|Frau|Großmutter|Großvater|Kind|Cousin|Cousine|Ehemann|Ehefrau|Stiefsohn"
    r"|Stieftochter|Schwiegermutter|Schwiegervater)[^\S\n]+(?=\S)"
)
_GERMAN_POSSESSIVE = gated(
    r"\b(?:[Mm]ein|[Mm]eine|[Mm]einem|[Mm]einer|[Mm]einen|[Uu]nser|[Uu]nsere|[Uu]nserem"
    r"|[Uu]nserer|[Uu]nseren|[Ss]ein|[Ss]eine|[Ii]hr|[Ii]hre)[^\S\n]+$"
)
# a greeting of another language opening the message: "Habari, ...", "Salaam o Alaikum,"
_GREETINGS = wordset(
    "Pranam Pranaam Namaste Namaskar Namaskaram Vanakkam Habari Jambo Hujambo Salaam"
    " Salam Assalam Assalamu Asalam Alaikum Alaykum Aleikum Walaikum Shalom Sawubona Dumela"
    " Marhaba Mabuhay Aloha Talofa Malo Bula Mingalaba Sawasdee Xin Selamat Merhaba"
)
_GREETING_LINE = gated(r"(?:^|\n)[^\S\n]*(?:[A-Za-z]+[^\S\n]+){0,3}[A-Z][a-z]+[^\S\n]*[,!]")
# a people before its communities or families: "in Inupiat communities", "Samoan families"
_PEOPLE_NOUN = gated(
    r"[^\S\n]+(?:communities|community|families|people|peoples|population|populations"
    r"|ancestry|descent|heritage|background|origin|tribes?|villages)\b"
)
# regions of several states or countries: "the Carolinas", "Centroamérica"
_WIDE_REGIONS = wordset(
    "Dakotas Carolinas Americas Balkans Centroamérica Latinoamérica Sudamérica Suramérica"
    " Norteamérica Hispanoamérica Mittelamerika Südamerika Lateinamerika"
)
# a question word of another language opening a sentence: "Unde poate ...?", "Onde fica?"
_QUESTION_WORDS = wordset("Unde Cum Când Cine Onde Dónde Donde Wo Wie Wann Waar Hoe Gdzie Kde Hol")
_SENTENCE_START = gated(r"(?:^|[.!?…][^\S\n]*|\n)[^\S\n]*$")


def unseen22_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 22's institutions, ids, ages, names and places (the module's docstring)."""
    yield from _institutions(lex, text)
    for m in _VISITOR.finditer(text):
        yield Span(m.start(1), m.end(1), "id")
    for pattern in (_BRACKET_ROMANCE, _CHINESE_NUMBER_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for m in _NORTH_AGE.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "age")
    for m in _LOWER_KIN_NAME.finditer(text):
        word = m.group(1)
        if word not in _NOT_LOWER_NAME:
            yield Span(m.start(1), m.end(1), "name")
    for m in _CALLS.finditer(text):
        group = 1 if m.group(1) else 2
        if not lex.plain(m.group(group)):
            yield Span(m.start(group), m.end(group), "name")
    for m in _ELLIPSIS_NAME.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _DASH_SIGNOFF.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for pattern in (_MACRON_TOWN, _DISTRICT):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "place")
    for m in _COUNTRIES.finditer(text):
        yield Span(m.start(), m.end(), "place")


def _acronym_ok(lex: Lexicon, word: str) -> bool:
    return (
        word.lower() not in lex.medical
        and word not in NOT_INSTITUTIONS
        and word not in TREATMENTS
    )


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _SCHOOL.finditer(text):
        words = re.findall(r"[^\W\d_]+(?:['’]s)?", m.group(1))
        if words[0] not in _SCHOOL_GENERIC and not all(w in _SCHOOL_GENERIC for w in words[:-1]):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _LOWER_SCHOOL.finditer(text):
        group = 1 if m.group(1) else 2
        name = m.group(group).split()
        first = name[2] if group == 2 else name[1] if name[0] in ("st", "saint") else name[0]
        if group == 2 and first in common_words():
            continue  # "at uni of course"
        if first not in _LOWER_GENERIC and first not in lex.medical:
            yield Span(m.start(group), m.end(group), "institution")
    for m in _KNOWN_BY_NAME.finditer(text):
        words = m.group(1).split()
        named = [w for w in words if w != "The"]
        if (
            named[0] not in _TITLES
            and not any(w in _WARDS for w in named)
            and named[0].lower() not in lex.medical
            and (words[0] == "The" or not all(lex.plain(w) for w in named))
            and m.group(1) not in cities()  # "transferred to Leeds" is a place
            and m.group(1) not in countries()
        ):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _UH_ACRONYM.finditer(text):
        word = m.group(1)
        if len(word) >= 3 and word not in _NOT_UH and _acronym_ok(lex, word):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _HYPHEN_ACRONYM.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _DOTTED_INITIALS.finditer(text):
        name = m.group(1).replace(".", " ").split()[-1]
        if name.lower() not in common_words():  # a medical word too: "A.I. duPont"
            yield Span(m.start(1), m.end(1), "institution")
    for m in _VIET_HOSPITAL.finditer(text):
        # up to its last capitalised syllable ("Phụ sản - Nhi Huế"), not over the verb after
        # it ("... Cần Thơ nói cần"); "Trung ương", "Nhi đồng" close a name
        words = list(re.finditer(r"[^\W\d_]+", m.group(1)))[2:]
        end = 0
        for i, word in enumerate(words):
            if word.group()[0].isupper() or (
                word.group() in _VIET_TAILS and i and words[i - 1].group()[0].isupper()
            ):
                end = word.end()
        if end:
            yield Span(m.start(1), m.start(1) + end, "institution")
    for pattern in (_INDONESIAN_SCHOOL, _SWAHILI_SCHOOL):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _DUTCH_SCHOOL.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")


def after22_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 22 finds next to the spans found (the module's docstring)."""
    for span in spans:
        if span.kind == "name":
            m = _IS_AGE.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")


def kept22(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 22 takes back (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        original = text[span.start : span.end]
        if span.kind == "institution" and _DEVANAGARI_HEAD.search(original):
            words = list(re.finditer(r"\S+", original))
            start = 0
            for i, word in enumerate(words[:-1]):
                if word.group() in _DEVANAGARI_MEDICAL:
                    start = words[i + 1].start()
            if len(words) >= 2 and _DEVANAGARI_ACRONYM.fullmatch(words[-2].group()):
                start = max(start, words[-2].start())
            span = Span(span.start + start, span.end, span.kind, span.strong)
        elif span.kind == "institution" and re.match(r"(?:ال)?(?:مستشفى|مستشفي|مستوصف)", original):
            for word in re.finditer(r"\S+", original):
                if word.start() and word.group() in _ARABIC_STOPS:
                    end = span.start + word.start()
                    while text[end - 1].isspace():
                        end -= 1
                    span = Span(span.start, end, span.kind, span.strong)
                    break
        elif span.kind == "name" and _GERMAN_KIN.match(original) and _GERMAN_POSSESSIVE.search(
            text, max(0, span.start - 10), span.start
        ):
            m = _GERMAN_KIN.match(original)
            assert m is not None
            span = Span(span.start + m.end(), span.end, span.kind, span.strong)
        elif span.kind == "name" and _HANGUL.match(original) and original in _KOREAN_NOUNS:
            continue  # "1형 진단을": the diagnosis
        elif span.kind in ("name", "place") and _taken_back(text, span, original):
            continue
        kept.append(span)
    return kept


def _taken_back(text: str, span: Span, original: str) -> bool:
    """A greeting opening the message, a people before "communities/families", a region of
    several states or countries, a question word opening a sentence."""
    before = text[: span.start]
    if original in _GREETINGS:
        line = text.rfind("\n", 0, span.start) + 1
        m = _GREETING_LINE.match(text, line)
        opening = all(w in _GREETINGS or w.islower() for w in text[line : span.start].split())
        return m is not None and span.end <= m.end() and opening  # "Dear Habari," is a name
    if original in _WIDE_REGIONS:
        return True
    if original in _QUESTION_WORDS:
        return bool(_SENTENCE_START.search(before))
    if _PEOPLE_NOUN.match(text, span.end) and " " not in original:
        return original not in countries() and original not in cities()
    return False
