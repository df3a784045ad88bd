"""Round 13's shapes, for what was neither removed nor flagged. Ages in English: a number
right after a removed name ("my girl Ada 12 got", "im nadia 22 from", "baby Ana, 6 weeks)"),
after one's kin ("my mother 55 years has", "my tita in Cebu 63 has"), after "my son NAME is"
("my son king is 2": the name too), after "im literally", in brackets after a person ("a boy
I support (9)"), "one and half years"; onset ages stay ("since age 12", "since i was 6",
"had his first ... at 27"). A chat speaker's handle in brackets after a timestamp ("[10:02]
Visitor (mapleleafmom):", and every time it comes back). Institutions: a hospital's acronym
after a visit and "in"/"at" closing the clause ("diagnosed at 47 in QXH."), before a town
("at LUTH Lagos"), before "wants to see"; "the Eye and Ear"; a charity named in apposition
("with Ceol Beag, a small charity"); an insurer in brackets ("our insurance (Brightwell)"); a
hospital named after a titled person with initials ("Dr. K.L. Mehta Memorial Hospital"); a
brand in capitals before a saint ("MERCYONE St. Anne"); Polish "Centrum ...", Vietnamese
"Bệnh viện ...", Dutch "in het ..." after a treatment; a town's acronym after an institution
("at QVMH in TGN."). Places: an eclipsed Irish place ("i nGaoth Dobhair"). Names: in
apposition after a person ("a young man, Name Surname, 20,", "A child in my class, Name,
has"), after "Pt:"; Vietnamese "... tôi là NAME, 68 tuổi"; after Tagalog "anak ko si",
Somali "Wiilkayga", Haitian "pitit fi mwen". Ages in other languages by their word for
"years": Marathi, Gurmukhi, Gujarati, Odia, Malayalam, Telugu, Polish "lat/lata", Haitian
"gen ... an", Somali "waa ... sano", Catalan "anys", Irish "bliana d'aois", Igbo "dị afọ
...", Twi "mfe ...", Ilocano "ket ... a tawen"; names after kin words and places one lives
in, in Marathi, Gurmukhi, Gujarati, Malayalam, Telugu and Odia."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import lower_cities
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen12 import CREDENTIALS, WARDS
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    CAP_WIDE,
    INSTITUTION_HEADS,
    KIN,
    PUBLIC_WORDS,
    STATE_ABBREVIATIONS,
    WEAK_HEADS,
    Lexicon,
    common_words,
    eponym_words,
    foreign_words,
    wordset,
)

_S = r"[^\S\n]+"
_NAME = rf"{CAP_LATIN}[^\W\d_]+(?:[-'’][^\W\d_]+)*"
_KIN = "|".join(sorted((re.escape(k) for k in KIN | {"pikin"}), key=len, reverse=True))
_UNIT = r"(?:years?|yrs?|months?|mos?|weeks?|wks?|days?)"
# what may follow an age given after a name or one's kin: a stop, or a verb or link word
_AFTER_AGE = (
    r"(?=[^\S\n]*(?:[,.;!?)]|\n|$)|[^\S\n]+(?:from|got|gets|has|have|had|is|was|and|&|with|who"
    r"|hai|he|she|lives|living|now|but|so|yo|f|m|diagnosed|dx|both|are|were|here)\b)"
)

# ---------------------------------------------------------------------------- ages

# a number right after a removed name: "my girl Ada 12 got", "baby Ana, 6 weeks)"
_AFTER_NAME = gated(
    rf"(?:[^\S\n]*,)?{_S}([1-9]\d?(?:[^\S\n]*{_UNIT}(?:{_S}old)?)?)(?![\d.,:/-]\d){_AFTER_AGE}"
)
_NUMBER_WORD = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
)
_AGE = gated(
    # after one's kin, or one's kin in a town: "my mother 55 years has", "my tita in Cebu 63 has"
    rf"\b(?:[Mm]y|[Oo]ur|and|&){_S}(?:{_KIN})(?:{_S}(?:in|from){_S}{_NAME})?"
    rf"{_S}(\d{{1,2}}(?:[^\S\n]*{_UNIT}(?:{_S}old)?)?)(?![\d.,:/-]\d)"
    r"(?=[^\S\n]+(?:has|have|had|is|was|are|were|got|from|and|with|hai|who|both)\b"
    r"|[^\S\n]*[,;)])"
    # "im literally 19 with"
    r"|\b(?:[Ii]['’]?m|[Ii][^\S\n]+am)[^\S\n]+(?:literally|only|just|now|already|nearly|almost"
    r"|barely|turning|currently)[^\S\n]+(\d{1,2})(?![\d.,:/-]\d)"
    r"(?=[^\S\n]+(?:with|and|&|but|yo|years?|yrs?)\b|[^\S\n]*(?:[,.;!?]|\n|$))"
    # in brackets after a person: "a boy I support (9)"
    r"|\b(?:boy|girl|child|kid|son|daughter|pupil|student|teen|teenager|toddler|baby|man|woman"
    r"|lady|patient|client|(?:wee|little|young|youngest|eldest|oldest|middle)[^\S\n]+one"
    r"|youngest|eldest|oldest)(?:[^\S\n]+[A-Za-z]+){0,3}[^\S\n]*\((\d{1,2})\)"
    # "is one and half years"
    rf"|\b(?:[Hh]e|[Ss]he|who|{_KIN}|{_NAME}){_S}is{_S}({_NUMBER_WORD}{_S}and{_S}(?:a{_S})?half"
    rf"(?:{_S}(?:years?|yrs?)(?:{_S}old)?|{_S}old))\b"
)
# "my son NAME is 2", Pidgin "my pikin NAME dey 3": the name and the age
_IS_AGE = gated(
    rf"\b(?:[Mm]y|[Oo]ur){_S}(?:{_KIN}){_S}([A-Za-z][a-z]+){_S}(?:is|dey){_S}(\d{{1,2}})"
    r"(?![\d.,:/-]\d)(?=[^\S\n]+(?:and|&|years?|yrs?|months?)\b|[^\S\n]*(?:[,.;!?]|\n|$))"
)
_NOT_NAMES = wordset(
    "also now still just only who which that too currently recently here there actually "
    "really already nearly almost just finally literally officially"
)

# ages in other languages by their word for "years"
_YEARS = gated(
    # Marathi "४ वर्षांचा", "५८ वर्षे"
    r"(?<!\w)(\d{1,3}[^\S\n]*(?:वर्षांचा|वर्षांची|वर्षांचे|वर्षाचा|वर्षाची|वर्षाचे|वर्षे))"
    r"(?![\u0900-\u097f])"
    # Gurmukhi "8 ਸਾਲ ਦਾ", Gujarati "૩ વર્ષની", Odia "୯ ବର୍ଷ ର"
    r"|(?<!\w)(\d{1,3}[^\S\n]*(?:ਸਾਲ|ਸਾਲਾਂ|ਮਹੀਨੇ))(?=[^\S\n]*(?:ਦਾ|ਦੀ|ਦੇ)(?![\u0a00-\u0a7f]))"
    r"|(?<!\w)(\d{1,3}[^\S\n]*(?:વર્ષ|મહિના))(?=[^\S\n]*(?:ની|નો|ના|નું)(?![\u0a80-\u0aff]))"
    r"|(?<!\w)(\d{1,3}[^\S\n]*(?:ବର୍ଷ|ମାସ))(?=[^\S\n]*(?:ର|ବୟସ)(?![\u0b00-\u0b7f]))"
    # Malayalam "10 വയസ്സ്" ("years of age"), Telugu "వయసు 6 సంవత్సరాలు"
    r"|(?<!\w)(\d{1,3}[^\S\n]*(?:വയസ്സ്|വയസ്സുള്ള|വയസ്സായ|വയസ്|വയസുള്ള))"
    r"|వయసు[^\S\n]+(\d{1,3}[^\S\n]*(?:సంవత్సరాలు|సంవత్సరం|ఏళ్ళు|ఏళ్లు|నెలలు))"
    r"|(?<!\w)(\d{1,3}[^\S\n]*(?:సంవత్సరాల|ఏళ్ల))(?=[^\S\n]+వయసు)"
    # Kannada "7 ವರ್ಷದವನು", "ವಯಸ್ಸು 7"; Kinyarwanda "afite imyaka 4"
    r"|(?<!\w)(\d{1,3}[^\S\n]*ವರ್ಷದ[\u0c80-\u0cff]*)"
    r"|ವಯಸ್ಸು[^\S\n]+(\d{1,3}(?:[^\S\n]*ವರ್ಷ[\u0c80-\u0cff]*)?)"
    r"|\b(?:afite|ufite|mfite|bafite)[^\S\n]+((?:imyaka|amezi)[^\S\n]+\d{1,2})\b"
    # Polish "(72 lata)", "ma 5 lat", "w wieku 40 lat"
    r"|(?:\(|\b(?:ma|mają|mając[aey]?|wieku)[^\S\n]+)"
    r"(\d{1,3}[^\S\n]+(?:lat|lata|latek|latka|miesięcy|miesiące|miesiąc))\b(?![^\S\n]+temu)"
    # Haitian "gen 5 an" (not "sa gen 5 an", ago)
    r"|(?<!sa )\bgen(?:yen)?[^\S\n]+(\d{1,2}[^\S\n]+(?:an|lane|mwa))\b"
    # Somali "waa 6 sano", "6 sano jir"
    r"|\bwaa[^\S\n]+(\d{1,2}[^\S\n]+(?:sano|bilood)(?:[^\S\n]+jir)?)\b"
    r"|\b(\d{1,2}[^\S\n]+sano[^\S\n]+jir)\b"
    # Catalan and Valencian "tres anys", "tres anyos" (not "fa tres anys", ago)
    r"|(?<![Ff]a )(?<![Hh]ace )(?<![Dd]urant )(?<![Cc]ada )"
    r"\b((?:\d{1,2}|dos|tres|quatre|cuatro|cinc|cinco|sis|seis|set|siete|vuit|ocho|nou|nueve|deu|diez|onze|once|dotze|doce)[^\S\n]+(?:anys|anyos))\b"
    # Irish "cúig bliana d'aois"
    r"|\b((?:\d{1,2}|aon|dhá|dha|trí|tri|ceithre|cúig|cuig|sé|se|seacht|ocht|naoi|deich)"
    r"[^\S\n]+(?:bliana|bliain|mbliana|mí|mhí)[^\S\n]+d['’]aois)"
    # Igbo "dị afọ anọ", Twi "adi mfe anan", Ilocano "ket innem a tawen"
    r"|\bdị[^\S\n]+(afọ[^\S\n]+(?:otu|abụọ|atọ|anọ|ise|isii|asaa|asatọ|itoolu|iri|\d{1,2}))"
    r"(?!\w)"
    r"|\b(?:adi|di|yɛ)[^\S\n]+(mfe[^\S\n]+(?:baako|abien|abiɛsa|abiesa|anan|anum|nsia|asia"
    r"|nson|ason|nwɔtwe|awotwe|nkron|akron|du|\d{1,2}))(?!\w)"
    r"|\bket[^\S\n]+((?:maysa|dua|tallo|uppat|lima|innem|pito|walo|siam|sangapulo|\d{1,2})"
    r"[^\S\n]+a[^\S\n]+(?:tawen|bulan))\b"
)

# ---------------------------------------------------------------------------- handles

# a timestamp opening a chat line: "[10:02]", "(10:02 AM)", "10:02"
_STAMP = (
    r"(?:\[\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]*[AaPp][Mm])?\]"
    r"|\(\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]*[AaPp][Mm])?\)"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:[^\S\n]*[AaPp][Mm])?(?=[^\S\n]))"
)
# a chat speaker's handle in brackets after a timestamp or a visitor's word: "[10:02] Visitor
# (mapleleafmom):", "Visitor 4821 (gingerbrew):"; a handle quoted after "guest", "user"
_SPEAKER = gated(
    rf"^[^\S\n]*(?:{_STAMP}[^\S\n]*[A-Z][a-z]+(?:[^\S\n]+[A-Z][a-z]+)?"
    r"|(?:Visitor|Guest|User|Customer|Caller|Client|Member|Parent)(?:[^\S\n]*#?\d{1,6})?)"
    r"[^\S\n]*\(@?([A-Za-z0-9][A-Za-z0-9._-]{2,39})\)[^\S\n]*:"
    r"|\b(?i:guest|user|visitor|username|handle|nickname)[^\S\n]+[\"“']"
    r"([A-Za-z0-9][A-Za-z0-9._-]{2,39})[\"”']",
    re.MULTILINE,
)

# a speaker's handle after a timestamp, no role word: "[10:01] tidepoolmama: hi"
_SPEAKER_BARE = gated(
    rf"^[^\S\n]*{_STAMP}[^\S\n]*@?([A-Za-z][A-Za-z0-9._-]{{2,39}})[^\S\n]*:"
    # a sender's handle alone on a "From:" line
    r"|^[^\S\n]*From:[^\S\n]*@?([A-Za-z][A-Za-z0-9._-]{2,39})[^\S\n]*$",
    re.MULTILINE,
)
_ROLES = wordset(
    "agent advisor adviser bot chatbot operator staff support nurse visitor guest user customer "
    "caller system helpline me you moderator admin team assistant specialist counsellor counselor"
)

# ---------------------------------------------------------------------------- institutions

# a hospital's acronym after a visit and "in"/"at" closing the clause: "diagnosed at 47 in UHL."
_VISIT_IN = gated(
    r"\b(?:diagnosed|seen|treated|admitted|born|delivered|operated|scanned|followed"
    r")\b([^.\n;!?]{0,60}?)\b(?:in|at)[^\S\n]+(?:the[^\S\n]+)?"
    r"([A-Z]{3,5})\b(?![-'’&])"
    r"(?=[^\S\n]*(?:[.,;!?)]|\n|$)|[^\S\n]+(?:in|on|and|last|when|since|but|so|after|before"
    r"|because|at|with)\b)"
)
# what may stand between "diagnosed" and "in" before an acronym that is also a medical one
_BARE_GAP = gated(r"[^\S\n]*(?:at[^\S\n]+\d{1,2}[^\S\n]*|there[^\S\n]*|first[^\S\n]*)?")
# a hospital known by one word after "the" and a visit: "diagnosed at the Mater in 2021"
_VISIT_THE = gated(
    r"\b(?:diagnosed|seen|treated|admitted|born|delivered|operated|scanned|followed|attends"
    r"|attending|transferred|referred|moved)\b(?:[^\S\n]+(?:him|her|them|us|me))?"
    rf"[^\S\n]+(?:at|in|to){_S}the{_S}({_NAME})"
    r"(?=[^\S\n]*(?:[.,;!?)]|\n|$)|[^\S\n]+(?:in|on|and|last|when|since|but|so|after|before"
    r"|for|at|with|until|then)\b)"
)
_GENERIC_THE = wordset(
    "Royal General University Regional Community District County Children's Childrens Women's "
    "Maternity Neonatal Emergency Genetics Neurology Cardiology Oncology Haematology Hematology "
    "Paediatrics Pediatrics Radiology Pathology Department Dept Clinic Ward Unit Lab Laboratory "
    "Pharmacy Surgery Practice Infirmary Hospice Hospital Centre Center States Netherlands "
    "Philippines Gambia Bahamas Army Navy Military Services Spring Summer Autumn Fall Winter "
    "Twenties Thirties Forties Fifties Sixties Seventies Eighties Nineties"
)
# an acronym one attends or is under: "She attends UHK", "He is under MUH"
_UNDER = gated(
    r"\b(?:attends|attending|attended|under)[^\S\n]+(?:the[^\S\n]+)?([A-Z]{3,5})\b(?![-'’&])"
    r"(?![^\S\n]+(?i:clinic|team|unit|ward|service|nurse|centre|center|department|dept)s?\b)"
)
# an acronym that sees one: "UAMS wants to see me"
_SEES = gated(
    r"\b([A-Z]{3,5})[^\S\n]+(?:wants?|will|would|can|could|is[^\S\n]+going|are[^\S\n]+going)"
    r"[^\S\n]+(?:to[^\S\n]+)?(?:see|admit)\b"
)
# "at the Eye and Ear"
_EYE_EAR = gated(
    r"\bthe[^\S\n]+(Eye[^\S\n]*(?:and|&)[^\S\n]*Ear(?:[^\S\n]+(?:Hospital|Infirmary))?)\b"
)
# a charity or a group named in apposition: "with Ceol Beag, a small charity in ..."
_GROUP = gated(
    rf"\b(?:with|for|at|from|of|by|called|named|run|runs|ran|running|joined|join){_S}"
    rf"({_NAME}(?:{_S}(?:{_NAME}|le|la|na|an|de|of|the|and|&|for)){{0,5}}),{_S}an?{_S}"
    r"(?:[a-z-]+[^\S\n]+){0,3}(?:charity|nonprofit|non-profit|organi[sz]ation|foundation"
    r"|support[^\S\n]+group|parent[^\S\n]+group|trust|society|association|club|group)\b"
)
_JOINERS = wordset("le la na an de of the and & for")
# an insurer in brackets: "our insurance (Wellmark)"
_INSURER = gated(
    rf"\b(?:insurance|insurer|health{_S}plan|HMO|PPO|carrier)[^\S\n]*\([^\S\n]*"
    rf"({_NAME}(?:{_S}{_NAME}){{0,3}})[^\S\n]*\)"
)
# a hospital named after a titled person with initials: "Dr. B.R. Ambedkar Memorial Hospital"
_TITLED = gated(
    rf"\b((?:Dr|Sir|Smt|Shri|Sri|Pt)\.?{_S}(?:[A-Z]\.[^\S\n]?){{1,3}}(?:{_NAME}{_S}){{1,3}}"
    r"(?:Hospital|Infirmary|College|Institute|Clinic|Centre|Center))\b"
)
# Polish "Centrum Zdrowia Dziecka", Vietnamese "tại Bệnh viện Nhi đồng Cần Thơ", Dutch
# "behandeld in het Isala"
_FOREIGN_HEAD = gated(
    rf"\b((?:Centrum|Instytut|Klinika){_S}{_NAME}(?:{_S}{_NAME}){{1,3}})\b"
    rf"|\btại{_S}((?:Bệnh{_S}viện|Viện|Phòng{_S}khám)(?:{_S}[\w]+){{1,5}}?)"
    r"(?=[^\S\n]*(?:[.,;!?]|\n|$))"
    rf"|\b(?:behandeld|opgenomen|gezien|onderzocht|bevallen){_S}(?:in|bij){_S}(?:het{_S})?"
    rf"({_NAME})\b"
    # Tagalog and Cebuano "sa NAME NAME siya/kami ...": where one is seen
    rf"|\bsa{_S}({_NAME}(?:{_S}{_NAME}){{1,3}}){_S}(?:siya|sila|kami|mi|ako|ko|namin|po)\b"
)
# a brand in capitals before a saint's name: "at CHRISTUS St. Michael"
_CAPS_SAINT = gated(rf"\b(?:at|to|from){_S}([A-Z]{{4,}}{_S}(?:St\.?|Saint){_S}{_NAME})")
# an acronym spelled in letter names in Devanagari or Gurmukhi ("पीएमसीएच", "ਡੀਐਮਸੀ"): read
# back into Latin letters, it must be no ward, credential or medical acronym ("आईसीयू", ICU)
_LETTER_NAMES = {
    "ए": "A", "बी": "B", "सी": "C", "डी": "D", "ई": "E", "एफ": "F", "जी": "G", "एच": "H",
    "आई": "I", "जे": "J", "के": "K", "एल": "L", "एम": "M", "एन": "N", "ओ": "O", "पी": "P",
    "क्यू": "Q", "आर": "R", "एस": "S", "टी": "T", "यू": "U", "वी": "V", "डब्ल्यू": "W",
    "एक्स": "X", "वाई": "Y", "जेड": "Z", "ज़ेड": "Z",
    "ਏ": "A", "ਬੀ": "B", "ਸੀ": "C", "ਡੀ": "D", "ਈ": "E", "ਐਫ": "F", "ਐੱਫ": "F", "ਜੀ": "G",
    "ਐਚ": "H", "ਐੱਚ": "H", "ਆਈ": "I", "ਜੇ": "J", "ਕੇ": "K", "ਐਲ": "L", "ਐੱਲ": "L",
    "ਐਮ": "M", "ਐੱਮ": "M", "ਐਨ": "N", "ਐੱਨ": "N", "ਓ": "O", "ਪੀ": "P", "ਕਿਊ": "Q",
    "ਆਰ": "R", "ਐਸ": "S", "ਐੱਸ": "S", "ਟੀ": "T", "ਯੂ": "U", "ਵੀ": "V", "ਡਬਲਯੂ": "W",
    "ਐਕਸ": "X", "ਵਾਈ": "Y", "ਜ਼ੈੱਡ": "Z",
}
_LETTER = "|".join(sorted((re.escape(k) for k in _LETTER_NAMES), key=len, reverse=True))
_SCRIPT_ACRONYM = gated(
    rf"(?<![\u0900-\u097f\u0a00-\u0a7f])((?:{_LETTER}){{3,6}})(?![\u0900-\u097f\u0a00-\u0a7f])"
)
_TREATED_IN = gated(
    r"[^\S\n]+(?:में|ਵਿੱਚ|ਵਿਚ)[^\S\n]+(?:इलाज|भर्ती|दिखाया|दिखाते|ਇਲਾਜ|ਦਾਖਲ|ਦਿਖਾਇਆ)"
)
# Hindi kin words before a name of one or two words: "मेरे पिताजी NAME SURNAME (67 वर्ष)"
_HINDI_KIN = gated(
    r"(?:मेरे|हमारे)[^\S\n]+(?:पिताजी|पिता|पापा|पति|दादाजी|दादा|नानाजी|नाना|चाचा|चाचाजी|मामा"
    r"|ससुर|भाई|बेटे)"
    r"|(?:मेरी|हमारी)[^\S\n]+(?:माँ|मां|माताजी|माता|मम्मी|पत्नी|दादी|नानी|चाची|मौसी|सास|बहन|बेटी)"
)
_HINDI_NAME = gated(
    r"[^\S\n]+([\u0900-\u0963\u0972-\u097f]{2,}(?:[^\S\n]+[\u0900-\u0963\u0972-\u097f]{2,})?)"
    r"(?=[^\S\n]*[(,\d])"
)
_HINDI_STOPS = wordset("को ने का की के से में पर भी और तो जी ही भी अब जो इस उस एक")
# Arabic "نحن من X و...": the place before a word joined by "و"
_ARABIC_FROM = gated(
    r"(?<![\u0600-\u06ff])(?:أنا|انا|نحن)\s+من\s+"
    r"((?!عائلة|أسرة|مرضى|أهل|قبل|جديد)[\u0621-\u064a]{2,}(?:\s+ال[\u0621-\u064a]+)?)(?=\s+و)"
)
# states, countries and public services, no hospital's acronym
_NOT_HOSPITALS = STATE_ABBREVIATIONS | wordset(
    "USA UAE KSA PRC ROI NHS HSE UKR EU CAMHS CDC SEN SENCO EHCP IEP NDIS SSI SSDI SNAP WIC "
    "CCS DDS"
)

# ---------------------------------------------------------------------------- names, places

# an Irish place after "i", "go", "ó", eclipsed or with h- ("i nGaoth Dobhair", "i gCorcaigh")
_IRISH_PLACE = gated(
    rf"\b(?:i|go|ó|as)[^\S\n]+((?:bh|n|m|g|b|d|t|h){CAP_LATIN}[^\W\d_]+"
    rf"(?:{_S}(?:{_NAME}|(?:na|an){_S}(?:bh|n|m|g|b|d|t|h)?{CAP_LATIN}[^\W\d_]+)){{0,2}})"
)
# names after kin words: Tagalog "anak ko pong si NAME", Somali "Wiilkayga NAME", Haitian
# "pitit fi mwen NAME"
_LATIN_KIN = gated(
    r"\b(?:anak|asawa|kapatid|apo|pamangkin|nanay|tatay|lola|lolo|tita|tito|ate|kuya)"
    rf"(?:{_S}(?:ko|namin|niya|po|pong|kong|naming)){{0,2}}{_S}si{_S}({_NAME})"
    r"|\b(?:[Ww]iil(?:ka|ke)yga|[Gg]abadh(?:a|e)yda|[Ii]naant(?:a|e)yda|[Hh]ooyaday|[Aa]abahay"
    rf"|[Ww]alaalkay|[Ww]alaashay|[Nn]inkayga|[Xx]aaskayga){_S}({_NAME})"
    r"|\b(?:[Pp]itit(?:[^\S\n]+(?:fi|gason))?|[Mm]anman|[Pp]apa|[Ff]rè|[Ss]è|[Mm]ari|[Mm]adanm)"
    rf"{_S}mwen{_S}({_NAME})"
)
_APPOSITION = gated(
    r"\b(?:an?|the|[Aa]n?|The)[^\S\n]+(?:(?:young|little|old|elderly|older|new)[^\S\n]+)?"
    r"(?:man|woman|boy|girl|lady|gentleman|patient|child|kid|student|pupil|baby|toddler|teen"
    r"|teenager|client|resident)"
    r"(?:[^\S\n]+(?:in|of|at|from)[^\S\n]+(?:my|our|the|his|her)[^\S\n]+[a-z]+)?"
    rf",{_S}({_NAME}(?:{_S}{_NAME})?),{_S}(?=\d{{1,2}}\b|has\b|is\b|was\b|had\b|who\b|with\b"
    r"|aged?\b)"
)
_FIELD = gated(
    rf"(?:^|(?<=[\n|]))[^\S\n]*(?:Pt|Patient|Patient{_S}name|Child|Client)[^\S\n]*:[^\S\n]*"
    r"(?:(?:Master|Miss|Mr|Mrs|Ms|Mx|Baby)\.?[^\S\n]+)?"
    rf"({_NAME}(?:{_S}{_NAME}){{0,2}})(?=[^\S\n]*(?:\||,|\n|$|\())",
    re.MULTILINE,
)
_VIETNAMESE = gated(
    rf"\btôi{_S}là{_S}({CAP_WIDE}\w*(?:{_S}{CAP_WIDE}\w*){{0,2}})(?=[^\S\n]*,[^\S\n]*\d)"
)
# names after kin words in Marathi, Gurmukhi, Gujarati, Malayalam, Telugu and Odia, before a
# number, a bracket or a comma
_SCRIPT_KIN = gated(
    r"(?:माझा|माझी|माझे|आमचा|आमची)[^\S\n]+(?:मुलगा|मुलगी|भाऊ|बहीण|नवरा|बायको|नातू|नात)"
    r"[^\S\n]+([\u0900-\u0963\u0972-\u097f]{2,})(?=[^\S\n]*[\d(,])"
    r"|(?:ਮੇਰਾ|ਮੇਰੀ|ਸਾਡਾ|ਸਾਡੀ)[^\S\n]+(?:ਪੁੱਤਰ|ਬੇਟਾ|ਧੀ|ਬੇਟੀ|ਭਰਾ|ਭੈਣ|ਪਤੀ|ਪਤਨੀ)[^\S\n]+"
    r"([\u0a00-\u0a65\u0a70-\u0a7f]{2,})(?=[^\S\n]*[\d(,])"
    r"|(?:મારો|મારી|મારા|અમારો|અમારી)[^\S\n]+(?:દીકરો|દીકરી|પુત્ર|પુત્રી|ભાઈ|બહેન|પતિ|પત્ની)"
    r"[^\S\n]+([\u0a80-\u0ae5\u0af0-\u0aff]{2,})(?=[^\S\n]*[\d(,])"
    r"|എന്റെ[^\S\n]+(?:മകൻ|മകൾ|ഭർത്താവ്|ഭാര്യ|സഹോദരൻ|സഹോദരി|അനിയൻ|അനിയത്തി)[^\S\n]+"
    r"([\u0d00-\u0d65\u0d70-\u0d7f]{2,})(?=[^\S\n]*[\d(,])"
    r"|(?:నా|మా)[^\S\n]+(?:కొడుకు|కూతురు|అబ్బాయి|అమ్మాయి|భర్త|భార్య|తమ్ముడు|చెల్లెలు)[^\S\n]+"
    r"([\u0c00-\u0c65\u0c70-\u0c7f]{2,})(?=[^\S\n]*(?:[\d(,]|వయసు))"
    r"|(?:ମୋ|ମୋର|ଆମ)[^\S\n]+(?:ପୁଅ|ଝିଅ|ସ୍ୱାମୀ|ସ୍ତ୍ରୀ|ଭାଇ|ଭଉଣୀ)[^\S\n]+"
    r"([\u0b00-\u0b65\u0b70-\u0b7f]{2,})(?=[^\S\n]*[\d(,])"
    r"|(?:ನನ್ನ|ನಮ್ಮ)[^\S\n]+(?:ಮಗ|ಮಗಳು|ಗಂಡ|ಹೆಂಡತಿ|ತಮ್ಮ|ತಂಗಿ|ಅಣ್ಣ|ಅಕ್ಕ|ಮೊಮ್ಮಗ|ಮೊಮ್ಮಗಳು)"
    r"[^\S\n]+([\u0c80-\u0ce5\u0cf0-\u0cff]{2,})(?=[^\S\n]*(?:[\d(,]|ವಯಸ್ಸು))"
)
# places one lives in: Marathi "आम्ही ... मध्ये राहतो", Gurmukhi "ਅਸੀਂ ... ਵਿੱਚ ਰਹਿੰਦੇ", Gujarati
# "અમે ...માં રહીએ", Telugu "మేము ...లో ఉంటాము", Odia "ଆମେ ... ରେ ରହୁଛୁ"
_SCRIPT_LIVE = gated(
    r"आम्ही[^\S\n]+([\u0900-\u0963\u0972-\u097f]{2,})[^\S\n]*(?:मध्ये|येथे)[^\S\n]+"
    r"(?:राहतो|राहतात|राहते)"
    r"|ਅਸੀਂ[^\S\n]+([\u0a00-\u0a65\u0a70-\u0a7f]{2,})[^\S\n]+ਵਿੱਚ[^\S\n]+ਰਹਿ"
    r"|અમે[^\S\n]+([\u0a80-\u0ae5\u0af0-\u0aff]{2,}?)માં[^\S\n]+રહી"
    r"|(?:మేము|మేం)[^\S\n]+([\u0c00-\u0c65\u0c70-\u0c7f]{2,}?)లో[^\S\n]+(?:ఉంటా|ఉంటున్నా|నివసి)"
    r"|ଆମେ[^\S\n]+([\u0b00-\u0b65\u0b70-\u0b7f]{2,})[^\S\n]*ରେ[^\S\n]+ରହୁ"
    r"|ನಾವು[^\S\n]+([\u0c80-\u0ce5\u0cf0-\u0cff]{2,}?)(?:ನಲ್ಲಿ|ದಲ್ಲಿ|ಯಲ್ಲಿ|ಲ್ಲಿ)[^\S\n]+"
    r"(?:ವಾಸ|ಇರುತ್ತೇವೆ|ಇದ್ದೇವೆ)"
)


def unseen13_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 13's ages, handles, institutions, names and places (the module's docstring)."""
    yield from _ages(lex, text)
    handles = {m.group(1) or m.group(2) for m in _SPEAKER.finditer(text)}
    for m in _SPEAKER_BARE.finditer(text):
        handle = m.group(1) or m.group(2)
        if handle.lower() not in _ROLES and not handle.isdigit() and not lex.plain(handle):
            handles.add(handle)
    for handle in handles:
        if lex.plain(handle):
            continue
        for m in re.finditer(rf"(?<![\w@]){re.escape(handle)}(?![\w@])", text):
            yield Span(m.start(), m.end(), "id")
    yield from _institutions(lex, text)
    yield from _names(lex, text)


def after13_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """An age right after a removed name ("my girl Ada 12 got"); a hospital's acronym right
    before a removed town ("at UITH Ilorin")."""
    for span in spans:
        if span.kind == "age":
            # "A fiam Bence 7 éves", "Umwana wanjye Keza afite imyaka 4": a capitalised word of
            # no list between a lower-case word and a removed age is a name
            m = _NAME_BEFORE.search(text, max(0, span.start - 40), span.start)
            if m and m.group(1) not in _PLACE_WORDS:
                word = m.group(2)
                if not (lex.plain(word) or word.isupper() or word.lower() in lower_cities()):
                    yield Span(m.start(2), m.end(2), "name")
        elif span.kind == "name":
            m = _AFTER_NAME.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")
        elif span.kind == "institution":
            # "at NMMC in CDO.": a town's acronym after an institution, even a medical one
            m = re.compile(rf"{_S}in{_S}([A-Z]{{2,4}})(?=[^\S\n]*(?:[.,;!?)]|\n|$))").match(
                text, span.end
            )
            if m and m.group(1) not in WARDS | CREDENTIALS | _NOT_HOSPITALS:
                yield Span(m.start(1), m.end(1), "place")
        elif span.kind == "place":
            m = re.search(r"\b(?:at|for|in|to|from|by)[^\S\n]+([A-Z]{3,5})[^\S\n]+$",
                          text[max(0, span.start - 20) : span.start])
            if m and _acronym(lex, m.group(1)):
                start = max(0, span.start - 20) + m.start(1)
                yield Span(start, start + len(m.group(1)), "institution")


_NAME_BEFORE = gated(
    rf"(?:^|(?<=[^\S\n]))([a-zà-ÿ]+){_S}({CAP_WIDE}[^\W\d_]+)(?:{_S}(?:afite|ana|are|is|ist|es|est|er|är|on|má|ma|tem|tiene|ha|a))?"
    r"[^\S\n]+$"
)
_PLACE_WORDS = wordset(
    "in at from to near of on into around outside by via the a an and with has have had about for"
)


def _acronym(lex: Lexicon, word: str) -> bool:
    """Whether ``word`` may be a hospital's acronym: no ward, credential, medical word or
    state or country code."""
    return (
        word not in WARDS
        and word not in CREDENTIALS
        and word not in _NOT_HOSPITALS
        and word.lower() not in lex.medical
        and word.lower() not in PUBLIC_WORDS
    )


def _ages(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _AGE.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i))
        yield Span(m.start(group), m.end(group), "age")
    for m in _IS_AGE.finditer(text):
        word = m.group(1)
        if word.lower() in _NOT_NAMES or word.lower() in KIN:
            continue
        yield Span(m.start(1), m.end(1), "name")
        yield Span(m.start(2), m.end(2), "age")
    for m in _YEARS.finditer(text):
        group = next(i for i in range(1, 22) if m.group(i))
        yield Span(m.start(group), m.end(group), "age")


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _VISIT_IN.finditer(text):
        # "diagnosed at 47 in UHL.": even a medical acronym, with nothing but an age between
        bare = _BARE_GAP.fullmatch(m.group(1)) and m.group(2) not in WARDS | CREDENTIALS
        if _acronym(lex, m.group(2)) or bare:
            yield Span(m.start(2), m.end(2), "institution")
    for m in _UNDER.finditer(text):
        if _acronym(lex, m.group(1)):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _VISIT_THE.finditer(text):
        word = m.group(1)
        low = word.lower()
        if (
            word.isupper()
            or word in _GENERIC_THE
            or word in INSTITUTION_HEADS
            or word in WEAK_HEADS
            or low in common_words()
            or low in foreign_words()
            or word in lex.eponyms
            or word in eponym_words()
        ):
            continue
        yield Span(m.start(1), m.end(1), "institution")
    for m in _SEES.finditer(text):
        # "RMH wants to see him": even a medical acronym (not "ENT will see", "the GP")
        if m.group(1) not in WARDS | CREDENTIALS | _NOT_HOSPITALS:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _EYE_EAR.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _GROUP.finditer(text):
        words = m.group(1).split()
        while words and words[-1] in _JOINERS:
            words.pop()
        named = [w for w in words if w not in _JOINERS]
        # a word of no list, or two ordinary words ("Little Lanterns"); a disease's name in it
        # makes it a public body ("Cystic Fibrosis Ireland, a charity")
        if sum(w.lower() in lex.medical for w in named) > 1:
            continue
        if len(named) > 1 or any(not lex.plain(w) for w in named):
            yield Span(m.start(1), m.start(1) + len(" ".join(words)), "institution")
    for m in _INSURER.finditer(text):
        words = m.group(1).split()
        if any(not lex.plain(w) and w.lower() not in PUBLIC_WORDS for w in words):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _SCRIPT_ACRONYM.finditer(text):
        letters = "".join(
            _LETTER_NAMES[p] for p in re.findall(_LETTER, m.group(1))
        )
        # a medical acronym too, where one is treated in it ("ਡੀਐਮਸੀ ਵਿੱਚ ਇਲਾਜ"; not ICU)
        treated = _TREATED_IN.match(text, m.end(1)) and letters not in WARDS | CREDENTIALS
        if _acronym(lex, letters) or treated:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _CAPS_SAINT.finditer(text):
        if _acronym(lex, m.group(1).split()[0]):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _TITLED.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _FOREIGN_HEAD.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i))
        if group == 3 and lex.plain(m.group(3)):
            continue
        yield Span(m.start(group), m.end(group), "institution")


def _names(lex: Lexicon, text: str) -> Iterator[Span]:
    for pattern in (_APPOSITION, _FIELD):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            if any(
                not lex.plain(w) and w not in lex.eponyms and w not in eponym_words()
                for w in words
            ):
                yield Span(m.start(1), m.end(1), "name")
    for m in _LATIN_KIN.finditer(text):
        group = next(i for i in range(1, 4) if m.group(i))
        if not lex.plain(m.group(group)):
            yield Span(m.start(group), m.end(group), "name")
    for m in _IRISH_PLACE.finditer(text):
        if m.group(1).lower() in foreign_words():  # "i nGaeilge": in Irish, a language
            continue
        yield Span(m.start(1), m.end(1), "place")
    for m in _VIETNAMESE.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _SCRIPT_KIN.finditer(text):
        group = next(i for i in range(1, 8) if m.group(i))
        name = m.group(group)
        for again in re.finditer(re.escape(name), text):
            yield Span(again.start(), again.end(), "name")
    for m in _HINDI_KIN.finditer(text):
        name = _HINDI_NAME.match(text, m.end())
        if name and not any(w in _HINDI_STOPS for w in name.group(1).split()):
            yield Span(name.start(1), name.end(1), "name")
    for m in _ARABIC_FROM.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in _SCRIPT_LIVE.finditer(text):
        group = next(i for i in range(1, 7) if m.group(i))
        yield Span(m.start(group), m.end(group), "place")
