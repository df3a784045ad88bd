"""Round 32's shapes. Institutions: a health system ending in a church's name ("Valley
Baptist says"), "Our Lady of X" where care is given ("at/and Our Lady of X", "Our Lady
of X won't/said"), a hospital's short name in brackets after it ("[Royal Cornwall]
(Treliske)"), a number before a military or general hospital ("37 Military Hospital"), a
lower-case health system ("at mercy health"), a county's child-welfare agency ("[Pima
County] Child Welfare"), a school ("X Middle", "X Elementary"), a business by its trade
("X Joinery", "X Plumbing"), a group ("X Toddler Group", "X Playgroup"), a payer before
"won't cover", Nigeria's "FMC" and its town, Polish "leczymy się w UCK", an Arabic
hospital "في" its city as one name, an initial before a Gujarati hospital ("જી.જી.
હોસ્પિટલ"), Devanagari "X Y अस्पताल". Ages: "is fifty-nine", "since age one", "ours/mine
is 3", "7 years" after an age, "at a year old", Chinese "九個月"/"兩歲半", Hindi "ढाई साल",
Nepali "दस वर्षको", Gujarati "બોતેર વર્ષ", Tamil "ஏழு வயது". Dates: a bare ordinal day
("on the [28th]", "the" left out as 28 of 34 labelled dates leave it), a year before an
outbreak. Places: a country with "and" ("Turks and Caicos"), "in X, OK" even when X is
an eponym, a town before a shire ("Reading, Berkshire"), a lower-case town after "live
in", a lower-case state code after a place, a lower-case town and code after a
correction ("wait no, el centro ca."). An age in brackets after a name in any script
("[name] (29)"). Names: a nickname ("goes by X", "nickname is X"), a lower-case name
before an age ("my brother ace is 7"), "im rain n im 2x", "my name is X Y" even when X
is a word, "I'm 36, X Y,", "X's age", "I'm X... sorry", Romanian "sunt X", and after kin
words in Nepali ("मेरो छोरा X"), Greek, Cyrillic, Tamil, Gujarati, Thai ("น้องX") and
Chinese ("我女兒X兩歲"). An institution of two names, one an eponym, before "said/want" ("and
Lyell McEwin said"). An age that answers "How old is he?" on the next line.

``clamp32`` leaves decades below 90 as written ("in his 40s": a decade is already a band),
takes back a word of a form's label ("Date of diagnosis:"), "ur" (your), a lower-case therapy
read as an institution ("for physiotherapy"), "children's books", ", MD" after a name, an
eponym of three hyphenated names ("Gerstmann-Sträussler-Scheinker"), a medical possessive
before "and" an institution ("Behçet's and [North West Regional Hospital]"), and an age that is
a threshold ("depois dos 40 anos").

What stays: "seizure at 6 months", "the Toronto protocol", "my son may have", "Is OK to",
"the hospital said", "at public health", "Medicaid won't cover", "the 2nd floor"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_NAME = rf"{CAP_WIDE}[a-z\u00e0-\u024f]+"

# ---------------------------------------------------------------------------- institutions

_CHURCH_SYSTEM = gated(
    rf"(?<!\b[Aa] )(?<!\b[Aa]n )\b({CAP_LATIN}[a-z]+{_S}(?:Baptist|Methodist|Adventist"
    r"|Presbyterian|Lutheran))\b(?![^\S\n]+(?:church|Church|chapel|Chapel|minister|pastor))"
)
_OUR_LADY = gated(
    rf"\b(Our{_S}Lady{_S}of(?:{_S}(?:the{_S})?{CAP_LATIN}[a-z]+)+)"
    rf"(?={_S}(?:won't|wouldn't|will|said|says|say|told|want|wants|wanted|hospital|Hospital"
    r"|doctors?|clinic|ward)\b)"
)
_OUR_LADY_AT = gated(
    rf"\b(?:at|to|and|from|in){_S}(Our{_S}Lady{_S}of(?:{_S}(?:the{_S})?{CAP_LATIN}[a-z]+)+)"
    rf"(?!{_S}(?:shrine|Shrine|grotto|Grotto|church|Church|basilica|Basilica|pilgrimage))"
)
_NUMBER_HOSPITAL = gated(
    rf"\b(\d{{1,3}}{_S}(?:Military|Army|Naval|Navy|Air{_S}Force|Police|Field|Base|General"
    rf"|Station){_S}(?:Hospital|Reception{_S}Station|Medical{_S}Centre|Medical{_S}Center))\b"
)
_LOWER_SYSTEM = gated(
    rf"\b(?:at|to|with|from|through|thru){_S}([a-z]{{3,}}{_S}(?:health|healthcare))\b"
    rf"(?!{_S}(?:visitor|visitors|worker|workers|nurse|nurses|team|services|insurance))"
)
_NOT_SYSTEMS = wordset(
    "the our my his her their your this that public mental home community primary general local"
    " sexual occupational private school university county state environmental global women's"
    " animal dental oral family physical allied behavioral behavioural child student village"
    " rural good bad poor better overall bone heart brain skin eye eyes gut liver kidney lung"
    " reproductive maternal men's bowel joint emotional social financial digital national"
    " military veteran veterans nhs"
)
_AGENCY = gated(
    rf"{_S}((?:Child|Children's|Children|Family|Youth|Adult){_S}(?:and{_S}Family{_S})?"
    rf"(?:Welfare|Protective{_S}Services|Protection|Services|Support{_S}Services))\b"
)
_SCHOOL = gated(
    rf"\b({CAP_LATIN}[a-z]+{_S}(?:Middle|Elementary|Intermediate))\b(?!{_S}{CAP_LATIN})"
)
_NOT_SCHOOL_FIRST = wordset("The A An Junior Senior Lower Upper My Our His Her In At")
_TRADE = gated(
    rf"\b((?:{CAP_LATIN}[a-z]+{_S}){{1,2}}(?:Joinery|Plumbing|Builders|Construction"
    r"|Logistics|Bakery|Haulage|Roofing|Carpentry|Landscaping|Solicitors|Accountants|Motors"
    r"|Garage|Dairy|Butchers|Removals|Scaffolding|Glazing|Cabinetry|Upholstery))\b"
)
_GROUP = gated(
    rf"\b((?:{CAP_LATIN}[a-z]+{_S}){{1,3}}(?:Toddler{_S}Group|Playgroup|Play{_S}Group"
    rf"|Parent{_S}and{_S}Toddler|Mums{_S}and{_S}Tots|Preschool|Pre-[Ss]chool|Day{_S}Nursery"
    r"|Brownies|Cubs|Scouts))\b"
)
_PAYER = gated(
    rf"\b({CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+)?){_S}(?:won't|will{_S}not|wouldn't"
    rf"|refuses{_S}to|refused{_S}to|denied|declined{_S}to){_S}(?:cover|pay|fund|approve)\b"
)
_PUBLIC_PAYERS = wordset(
    "Medicaid Medicare Tricare TRICARE CHIP NHS Insurance Insurer It They He She We Who Which"
    " Government State Council Pharmacare PBS NDIS Centrelink Social Security"
)
_FMC = gated(rf"\b((?:FMC|FTH|FETHA){_S}{CAP_WIDE}[^\s,.;:!?()]*)")
_POLISH_TREATED = gated(
    rf"\b(?:leczymy{_S}się|leczy{_S}się|leczona|leczony|leczeni){_S}w{_S}([A-Z]{{2,6}})\b"
)
_DEVANAGARI_HOSPITAL = gated(
    r"(?<![\u0900-\u097f])((?:[\u0900-\u097f]+[^\S\n]+){1,2}अस्पताल)(?![\u0900-\u097f]*ं)"
)
_NOT_DEVANAGARI_NAMES = wordset(
    "हम मैं वह वे उस इस एक किसी सरकारी निजी बड़े बड़ा बड़ी स्थानीय जिला जिल्ला हाम्रो मेरो मेरा"
    " मेरी उसको उनको को की का के में मा ने से ले र और पनि नजिकको नजिक त्यो यो सबै अर्को दूसरे"
    " म हामी तिमी तपाईं उनी ऊ आज अहिले फेरि भोलि हिजो मैले हामीले"
)
_INITIALS_BEFORE = gated(r"(?:[^\s.]{1,3}\.)+$")
_ETHIOPIC_WORD_BEFORE = gated(r"(?<![\u1200-\u137f])[በከየ]?([\u1200-\u137f]+)[^\S\n]+$")

# ---------------------------------------------------------------------------- ages

_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_SMALL = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_IS_TENS = gated(
    rf"\b(?:is|was|am|turned|aged){_S}({_TENS}-{_UNITS})\b(?!-|{_S}(?:mg|kg|percent|times"
    r"|days|weeks|hours|minutes|pounds|units))"
)
_SINCE_AGE = gated(rf"\b(?:since|from|at){_S}age{_S}({_SMALL})\b(?!-)")
_OURS_IS = gated(
    rf"\b(?:ours|mine){_S}is{_S}(?:only{_S}|just{_S}|now{_S})?(\d{{1,2}})\b"
    rf"(?![.,]?\d|{_W}(?:%|mg|kg|ml|cm|mmol|units?|times|hours|days|weeks|months|percent))"
)
_YEARS_AFTER = gated(rf"{_S}years?\b(?!{_S}ago)")
_YEAR_OLD = gated(rf"\b(?:[Aa]t|turned|is|was){_S}(a{_S}year{_S}old)\b")
_CHINESE_AGE = gated(
    r"([一二兩两三四五六七八九十]{1,3}(?:個月|个月|歲半|岁半|歲|岁))(?![時时起後后前以開开])"
)
_HINDI_FRACTION = gated(
    r"(?<![\u0900-\u097f])((?:ढाई|डेढ़|डेढ|सवा|साढ़े[^\S\n]+\S+)[^\S\n]+(?:साल|वर्ष|महीने))"
)
_DEVANAGARI_AGE = gated(
    r"(?<![\u0900-\u097f])((?:एक|दुई|तीन|चार|पाँच|पांच|छ|सात|आठ|नौ|दस|एघार|बाह्र|तेह्र|चौध"
    r"|पन्ध्र|सोह्र|सत्र|अठार|उन्नाइस|बीस|तीस|चालीस|पचास|साठ|सत्तरी|असी)[^\S\n]+"
    r"(?:वर्ष|बर्ष|महिना))(?:को|की|का)?(?![\u0900-\u097f])"
)
_GUJARATI_AGE = gated(
    r"(?<![\u0a80-\u0aff])([\u0a80-\u0aff]+[^\S\n]+(?:વર્ષ|મહિના))(?:ના|ની|નો|નું)?"
    r"(?![\u0a80-\u0aff])"
)
_NOT_GUJARATI_NUMBERS = wordset("આ તે એ ગયા ગયે દર છેલ્લા છેલ્લાં પાછલા આવતા ઘણા કેટલા કેટલાં")
_TAMIL_AGE = gated(
    r"(?<![\u0b80-\u0bff])((?:ஒரு|ஒன்று|இரண்டு|மூன்று|நான்கு|ஐந்து|ஆறு|ஏழு|எட்டு|ஒன்பது|பத்து"
    r"|பதினொரு|பன்னிரண்டு|இருபது|முப்பது|நாற்பது|ஐம்பது|அறுபது|எழுபது|எண்பது)[^\S\n]+வயது)"
)
_THRESHOLD = gated(
    rf"\b(?:depois|antes|após|a{_S}partir|después|antes|a{_S}partir){_S}(?:dos|de|das|los|las)"
    rf"{_S}$"
)

# ---------------------------------------------------------------------------- dates

_BARE_DAY = gated(
    rf"\b(?:on|by|until|till|since|before|after){_S}the{_S}(\d{{1,2}}(?:st|nd|rd|th))\b"
    rf"(?!{_S}(?:of|floor|century|percentile|centile|day|week|time|birthday|cycle|dose|round"
    r"|grade|generation|chromosome|exon|position|place|attempt|visit)|[^\S\n]*[-%])"
)
_YEAR_EVENT = gated(
    rf"\bthe{_S}((?:19|20)\d\d){_S}(?:outbreak|epidemic|floods?|earthquake|tsunami|hurricane"
    r"|fires?|bushfires?|war|riots?|bombing)\b"
)

# ---------------------------------------------------------------------------- places

_AND_COUNTRIES = gated(
    rf"\b((?:the{_S})?(?:Turks{_S}and{_S}Caicos|Trinidad{_S}and{_S}Tobago|Antigua{_S}and"
    rf"{_S}Barbuda|Saint{_S}Kitts{_S}and{_S}Nevis|St\.?{_S}Kitts{_S}and{_S}Nevis|Bosnia{_S}and"
    rf"{_S}Herzegovina|São{_S}Tomé{_S}and{_S}Príncipe|Sao{_S}Tome{_S}and{_S}Principe"
    rf"|Saint{_S}Vincent{_S}and{_S}the{_S}Grenadines|Saint{_S}Pierre{_S}and{_S}Miquelon"
    rf"|Wallis{_S}and{_S}Futuna|Heard{_S}and{_S}McDonald(?:{_S}Islands)?)(?:{_S}Islands)?)\b"
)
_US_STATES = (
    r"(?:AL|AK|AZ|AR|CA|CO|CT|DE|FL|GA|HI|ID|IL|IA|KS|KY|LA|ME|MD|MA|MI|MN|MS|MO|MT|NE|NV|NH"
    r"|NJ|NM|NY|NC|ND|OH|OK|OR|PA|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY)"
)
_STATE_CODES = wordset(_US_STATES[3:-1].replace("|", " ").lower())
_IN_TOWN_STATE = gated(
    rf"\b(?:in|from|near|live{_S}in|lives{_S}in){_S}({CAP_LATIN}[a-z]+),{_S}({_US_STATES})\b"
    r"(?![a-z'’])"
)
_TOWN_SHIRE = gated(
    rf"\b(?:in|from|near|at){_S}({CAP_LATIN}[a-z]+){_W}[,(]{_W}({CAP_LATIN}[a-z]+shire)\b"
)
_LIVE_IN_LOWER = gated(
    rf"\b(?:live|living|lives|moved|moving|based){_S}(?:in|to){_S}([a-z]{{4,}})(?={_W}[.!;]|$)"
)
_LOWER_CODE_AFTER = gated(rf"{_S}([a-z]{{2}})(?={_W}[,.;!?]|$)")
_NOT_LOWER_CODES = wordset("in me or hi ok oh id de co pa ma la")
_CORRECTED_TOWN_CODE = gated(
    rf"\b(?:no|sorry|actually|I{_S}mean),{_S}((?:[a-z]{{2,}}{_S})?[a-z]{{4,}}){_S}([a-z]{{2}})"
    r"(?=[^\S\n]*[.,;!?]|$)"
)

# ---------------------------------------------------------------------------- names

_NICKNAME = gated(
    rf"\b(?:goes{_S}by|nickname{_S}is|known{_S}as|we{_S}call{_S}(?:him|her)|it's{_S}just"
    rf"|it’s{_S}just){_S}({_NAME})\b"
)
_ON_PAPER = gated(rf"\b({_NAME}){_S}on{_S}paper\b")
_LOWER_KIN_NAME = gated(
    rf"\b(?:son|daughter|brother|sister|bub|baby|boy|girl|grandson|granddaughter|nephew|niece)"
    rf"{_S}([a-z]{{2,}}){_S}(?:is{_S}(?:\d|one|two|three|four|five|six|seven|eight|nine|ten"
    rf"|eleven|twelve)|\({_W}(?:yes|aka|named|after))"
)
_NOT_LOWER_NAMES = wordset(
    "also just now still who currently only really too is was has had and but then here there"
    " finally already actually nearly almost soon today"
)
_IM_N_IM = gated(
    rf"\b(?:i'?m|I'?m|i’m|I’m|im){_S}([a-z]{{3,}}){_S}(?:n|and|&){_S}(?:i'?m|I'?m|im|i’m)"
    rf"{_S}\d"
)
_MY_NAME_IS_TWO = gated(
    rf"\b[Mm]y{_S}name{_S}is{_S}({CAP_LATIN}[a-z]+{_S}{CAP_LATIN}[a-z]+(?:-{CAP_LATIN}[a-z]+)?)\b"
)
_AGE_COMMA_NAME = gated(
    rf"\bI'?m{_S}\d{{1,2}}{_W},{_S}({CAP_LATIN}[a-z]+{_S}{CAP_LATIN}[a-z]+){_W},"
)
_ROMANIAN_SELF = gated(rf"\b(?:[Ss]unt|[Mm]ă{_S}numesc){_S}({_NAME})\b")
_NEPALI_KIN = gated(
    r"(?:मेरो|हाम्रो|मेरी)[^\S\n]+(?:छोरा|छोरी|श्रीमान्|श्रीमान|श्रीमती|बुबा|आमा|नाति|नातिनी"
    r"|दाइ|भाइ|दिदी|बहिनी)[^\S\n]+([\u0900-\u097f]+)(?![\u0900-\u097f])"
)
_NEPALI_PLACE = gated(r"(?<![\u0900-\u097f])([\u0900-\u097f]+)मा[^\S\n]+(?:बस्छौं|बस्छु|बस्छन्|बस्छ)")
_NOT_NEPALI = wordset("यहाँ त्यहाँ घर घरमा अहिले हाम्रो मेरो यो त्यो एक दुई तीन चार पाँच छ सात आठ नौ दस")

_POSSESSIVE_AGE = gated(
    rf"\b({_NAME})['’]s{_S}(?:age|birthday|date{_S}of{_S}birth|DOB|weight|height)\b"
)
_AND_TWO_SAID = gated(
    rf"\band{_S}({CAP_LATIN}[a-z]+{_S}(?:Mc|Mac)?{CAP_LATIN}[a-z]+){_S}(?:said|says|want"
    r"|wants|wanted|told|think|thinks|referred|won't|will|recommend|recommended)\b"
)
_IM_NAME_SORRY = gated(
    rf"\bI['’]?m{_S}({_NAME})(?:\.{{2,}}|…){_W},?{_W}(?:sorry|no|wait|oops|I{_S}mean)\b"
)
_HOW_OLD_ANSWER = gated(
    rf"\b[Hh]ow{_S}old{_S}(?:is|are){_S}(?:he|she|they|you|your{_S}\w+)\?[^\n]*\n"
    rf"(?:[^\n]*?:{_W})?(\d{{1,2}})(?=[.,!]|{_S}(?:years?|months?|yo|y/o)?\b)"
)
_YORUBA_YEARS = gated(rf"\((ọdún{_S}[^\s,.;:!?()]+)\)")
_KIN_SCRIPT_NAME = gated(
    r"(?:(?:θεία|θείος|κόρη|γιος|σύζυγος|μητέρα|μαμά|πατέρας|μπαμπάς|αδερφή|αδελφή|αδερφός"
    r"|αδελφός|γιαγιά|παππούς|εγγονός|εγγονή|ανιψιός|ανιψιά)[^\S\n]+(?:μου|μας)"
    r"|(?:мій|моя|мой|наш|наша)[^\S\n]+(?:син|сын|донька|дочка|дочь|батько|отец|мати|мать"
    r"|тесть|теща|свекор|свекруха|брат|сестра|чоловік|муж|дружина|жена|онук|онука|внук|внучка"
    r"|дідусь|дедушка|бабуся|бабушка)"
    r"|என்[^\S\n]+(?:மகள்|மகன்|கணவர்|மனைவி|அம்மா|அப்பா|பாட்டி|தாத்தா|சகோதரி|சகோதரன்|தம்பி|தங்கை)"
    r"|(?:મારા|મારી|મારો|અમારા|અમારી|અમારો)[^\S\n]+(?:પપ્પા|પિતા|મમ્મી|માતા|દીકરો|દીકરી|પુત્ર"
    r"|પુત્રી|પતિ|પત્ની|ભાઈ|બહેન|દાદા|દાદી|બા|બાપુજી))"
    r"[^\S\n]+([^\s,.;:!?()\[\]]+)"
)
_NOT_SCRIPT_NAMES = wordset(
    "από το τη στην στο είναι έχει ο η και з із у в є має на та і и"
    " ஒரு இரண்டு மூன்று நான்கு ஐந்து ஆறு ஏழு எட்டு ஒன்பது பத்து"
    " છે છું હતા હતી ને નું ના ની નો એક બે ત્રણ ચાર પાંચ છ સાત આઠ નવ દસ"
)
_THAI_NONG = gated(r"น้อง([\u0e00-\u0e7f]{2,12}?)(?=อายุ|[^\S\n]|เป็น)")
_NOT_THAI_NAMES = wordset("สาว ชาย เขย สะใภ้ คนเล็ก คนโต")
_NOT_CHINESE_NAMES = wordset(
    "今年 现在 現在 已经 已經 刚满 剛滿 快要 将近 將近 不到 大约 大約 只有 才剛 刚刚"
)
_CHINESE_KIN_NAME = gated(
    r"我(?:女兒|兒子|女儿|儿子|孫子|孫女|孙子|孙女)([\u4e00-\u9fff]{2})"
    r"(?=[一二兩两三四五六七八九十\d]+(?:歲|岁|個月|个月))"
)


def unseen32_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 32's institutions, ages, dates, places and names (the module's docstring)."""
    for m in _CHURCH_SYSTEM.finditer(text):
        if not lex.plain(m.group(1).split()[0]) or m.group(1).split()[0] in ("Valley", "Memorial"):
            yield Span(m.start(1), m.end(1), "institution")
    for pattern in (_OUR_LADY, _OUR_LADY_AT, _NUMBER_HOSPITAL, _TRADE, _GROUP, _FMC,
                    _POLISH_TREATED):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _LOWER_SYSTEM.finditer(text):
        if m.group(1).split()[0] not in _NOT_SYSTEMS and m.group(1).split()[0] not in lex.medical:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _SCHOOL.finditer(text):
        if m.group(1).split()[0] not in _NOT_SCHOOL_FIRST:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _PAYER.finditer(text):
        words = m.group(1).split()
        if not any(w in _PUBLIC_PAYERS or lex.plain(w) or w in lex.medical for w in words):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _DEVANAGARI_HOSPITAL.finditer(text):
        words = m.group(1).split()[:-1]
        if not any(w in _NOT_DEVANAGARI_NAMES for w in words):
            yield Span(m.start(1), m.end(1), "institution")
    for pattern in (_IS_TENS, _SINCE_AGE, _OURS_IS, _YEAR_OLD, _CHINESE_AGE, _HINDI_FRACTION,
                    _DEVANAGARI_AGE, _TAMIL_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for m in _GUJARATI_AGE.finditer(text):
        if m.group(1).split()[0] not in _NOT_GUJARATI_NUMBERS:
            yield Span(m.start(1), m.end(1), "age")
    for pattern in (_BARE_DAY, _YEAR_EVENT):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "date")
    for m in _AND_COUNTRIES.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for pattern in (_IN_TOWN_STATE, _TOWN_SHIRE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "place")
            yield Span(m.start(2), m.end(2), "place")
    for m in _CORRECTED_TOWN_CODE.finditer(text):
        town = m.group(1).split()
        if m.group(2) in _STATE_CODES and m.group(2) not in _NOT_LOWER_CODES and (
            len(town) == 2 or not lex.plain(town[0].title())
        ) and town[-1] not in lex.medical:
            yield Span(m.start(1), m.end(1), "place")  # "no, el centro ca."
            yield Span(m.start(2), m.end(2), "place")
    for m in _LIVE_IN_LOWER.finditer(text):
        if not lex.plain(m.group(1).title()) and m.group(1) not in lex.medical:
            yield Span(m.start(1), m.end(1), "place")
    for m in _NEPALI_PLACE.finditer(text):
        if m.group(1) not in _NOT_NEPALI:
            yield Span(m.start(1), m.end(1), "place")
    for pattern in (_NICKNAME, _ON_PAPER, _ROMANIAN_SELF, _NEPALI_KIN):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word not in lex.medical and word not in _NOT_NEPALI and (
                pattern in (_NICKNAME, _NEPALI_KIN) or not lex.plain(word)
            ):
                yield Span(m.start(1), m.end(1), "name")
    for m in _LOWER_KIN_NAME.finditer(text):
        if m.group(1) not in _NOT_LOWER_NAMES:
            yield Span(m.start(1), m.end(1), "name")
    for pattern in (_POSSESSIVE_AGE, _IM_NAME_SORRY):
        for m in pattern.finditer(text):
            if m.group(1) not in lex.medical and not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "name")
    for pattern in (_KIN_SCRIPT_NAME, _THAI_NONG, _CHINESE_KIN_NAME):
        for m in pattern.finditer(text):
            if m.group(1) not in _NOT_SCRIPT_NAMES and m.group(1) not in _NOT_THAI_NAMES and (
                m.group(1) not in _NOT_CHINESE_NAMES
            ):
                yield Span(m.start(1), m.end(1), "name")
    for m in _AND_TWO_SAID.finditer(text):
        words = m.group(1).split()
        if not any(lex.plain(w) for w in words) and not all(w in lex.medical for w in words):
            yield Span(m.start(1), m.end(1), "institution")  # "and Lyell McEwin said"
    for pattern in (_HOW_OLD_ANSWER, _YORUBA_YEARS):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")
    for pattern in (_IM_N_IM, _MY_NAME_IS_TWO, _AGE_COMMA_NAME):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            if not any(w in lex.medical for w in words) and (
                pattern is _IM_N_IM or not all(lex.plain(w) for w in words)
            ):
                yield Span(m.start(1), m.end(1), "name")


def after32_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 32 finds next to the spans found (the module's docstring)."""
    for span in spans:
        if span.kind == "institution":
            bracket = re.compile(
                rf"{_S}\(({CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+)?)\)"
            ).match(text, span.end)
            if bracket and bracket.group(1) not in lex.medical:
                yield Span(bracket.start(1), bracket.end(1), "institution")  # "(Treliske)"
            initials = _INITIALS_BEFORE.search(text[max(0, span.start - 12) : span.start])
            if initials and re.match(r"[\u0900-\u0dff]", text[span.start : span.end]):
                yield Span(span.start - len(initials.group()), span.end, "institution")
            ethiopic = _ETHIOPIC_WORD_BEFORE.search(text[max(0, span.start - 20) : span.start])
            if ethiopic and text[span.start : span.end].endswith("ሆስፒታል"):
                start = span.start - len(ethiopic.group()) + ethiopic.start(1) - ethiopic.start()
                yield Span(start, span.end, "institution")
        if span.kind == "place":
            agency = _AGENCY.match(text, span.end)
            if agency:
                # "[Yavapai County] Family Services"
                yield Span(span.start, agency.end(1), "institution")
            code = _LOWER_CODE_AFTER.match(text, span.end)
            if code and code.group(1) in _STATE_CODES and code.group(1) not in _NOT_LOWER_CODES:
                yield Span(code.start(1), code.end(1), "place")
        if span.kind == "name":
            bracket = re.compile(rf"{_S}\({_W}(\d{{1,2}}){_W}\)").match(text, span.end)
            if bracket:
                yield Span(bracket.start(1), bracket.end(1), "age")  # "[name] (29)"
        if span.kind == "age" and text[span.start : span.end].isdigit():
            years = _YEARS_AFTER.match(text, span.end)
            if years:
                yield Span(span.start, years.end(), "age")  # "a girl of 7 years"


_DECADE = gated(r"[1-8]0['’]?s")
_FORM_LABEL = gated(rf"(?:{_S}[a-z]+){{0,3}}{_W}:")
_LOWER_NOT_INSTITUTIONS = wordset("ur u r yr")
_THERAPY = gated(r"[a-z]+(?:therapy|therapies|physio|rehab|rehabilitation)")
_CHILDRENS_THING = gated(r"children['’]s[^\S\n]+[a-z]+")
_TITLE_AFTER = gated(rf"{_W},{_S}(?:MD|PhD|RN|DO|MBBS|FRCP|MRCP|NP|PA-C|DNP)$")
_THREE_EPONYMS = gated(
    rf"{CAP_LATIN}[a-z\u00e0-\u024f]+(?:-{CAP_LATIN}[a-z\u00e0-\u024f]+){{2,}}"
)
_VIETNAMESE_WORDS = gated(r"[^\S\n]+(?:hiểm|hiem)\b")
_POSSESSIVE_AND = gated(rf"({CAP_LATIN}[\w\u00e0-\u024f]+)['’]s{_S}and{_S}")


def clamp32(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 32 takes back (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        if span.kind == "name" and piece in ("Bảo", "Bao") and _VIETNAMESE_WORDS.match(
            text, span.end
        ):
            continue  # "Bảo hiểm" (insurance)
        if span.kind == "age" and any(
            m.start(1) <= span.start < m.end(1) for m in _NUMBER_HOSPITAL.finditer(text)
        ):
            continue  # "at 22 Field Hospital": the number is the hospital's
        if span.kind == "age" and _DECADE.fullmatch(piece):
            continue  # "in his 40s" stays as written
        if span.kind == "age" and _THRESHOLD.search(text[max(0, span.start - 20) : span.start]):
            continue  # "depois dos 40 anos"
        line_start = span.start == 0 or text[span.start - 1] == "\n"
        if line_start and span.kind in ("place", "name") and " " not in piece and (
            _FORM_LABEL.match(text, span.end)
        ):
            continue  # "Date of diagnosis:"
        if span.kind in ("institution", "place") and piece.lower() in _LOWER_NOT_INSTITUTIONS:
            continue  # "did it work for ur kid"
        if span.kind == "institution" and (
            _THERAPY.fullmatch(piece)
            or (_CHILDRENS_THING.fullmatch(piece.lower()) and piece.islower())
        ):
            continue
        if span.kind in ("name", "place") and _THREE_EPONYMS.fullmatch(piece):
            continue  # "Gerstmann-Sträussler-Scheinker"
        if span.kind == "name":
            title = _TITLE_AFTER.search(piece)
            if title:
                span = Span(span.start, span.start + title.start(), span.kind, span.strong)
        if span.kind == "institution":
            possessive = _POSSESSIVE_AND.match(piece)
            if possessive and (
                possessive.group(1) in lex.medical or possessive.group(1) + "'s" in lex.medical
                or possessive.group(1).lower() in lex.medical
            ):
                span = Span(span.start + possessive.end(), span.end, span.kind, span.strong)
        kept.append(span)
    return kept
