"""Round 40's shapes. Institutions: more of the short names writers give children's
hospitals, university hospitals and health systems (US, Canada, Europe, Latin America,
Africa, Asia: "Atrium Health Wake Forest Baptist", "UVM Medical Center", "penn medicine",
"UNMC", "our lady of the lake", "UMCG", "CHC MontLégia", "Mary Bridge", "Korle Bu",
"Groote Schuur", "Siriraj", ...; the ones that are also words, towns or surnames only after
at/to/from/in/al: "at Brenner", "al Meyer", "at cuyuna"), a Spanish hospital name with
initials and titles inside ("Hospital Civil Juan I. Menchaca", "Centro Médico Lic. Adolfo
López Mateos", "Hospital para el Niño Poblano"), an acronym after a cue and before a town or
"now" ("au CNHU-HKM de Cotonou", "it's called OKEU now", "in het UMCG"), a national body
where the person is seen ("a MDA clinic", "for the NIH study"; "NIH-funded" stays), a
lower-case day-care or school run ("goes to happy hollow daycare"), a big employer after
work words ("drives trucks for J.B. Hunt", "at work (Amazon warehouse"), Arabic "مستشفى
ال..." with its town, Japanese "...県立こども病院". Dates: Czech/German spaced dots ("14. 6.
2025"), a season with an apostrophe year ("spring '22"), an Indian festival with its year
("Dussehra 2025", "Holi 2024"). Record numbers: a case number of letters, digits and letters
("CASE-000418-GL"). Places: Romanian "județul X", Haitian Creole "Ayiti", Canadian provinces
and English counties by name ("Manitoba", "Newfoundland", "Yorkshire"; "Yorkshire terrier"
stays), a state code in lower case after a town ("Brownsville tx is"), a state code after
"or" and a town ("Palm Springs or LA?"), a province code in brackets after a number ("(BC)").
Ages: Dutch "(twee jaar)", Polish "dziewięć lat", Italian "(undici anni)". Names: a family
name after "family name," even when it is an eponym ("our family name, Hunter,").

``clamp40`` keeps the words round 40 found lost: "Whipple" before "'s disease" and after
"Mr" in a sentence about the disease's name stays a disease."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.patterns import NUMBER_WORD
from rareinfo.inquiries.deid.tokens import Ranges, Span
from rareinfo.inquiries.deid.unseen36 import town_word
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    FUNCTION_WORDS,
    SAFE_STATES,
    STATE_ABBREVIATIONS,
    Lexicon,
    wordset,
)

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_AP = r"['’]?"
_CH = rf"child(?:ren)?{_AP}s"
_NAME_WORD = rf"{CAP_LATIN}[^\W\d_]+(?:[-'’]{CAP_LATIN}?[^\W\d_]+)?"

# ---------------------------------------------------------------------------- institutions

# Short names distinctive enough to match in any case wherever they stand.
_DISTINCTIVE = (
    # United States
    rf"atrium{_S}health(?:{_S}wake{_S}forest{_S}baptist|{_S}levine{_S}{_CH})?"
    rf"|wake{_S}forest{_S}baptist|brenner{_S}{_CH}|uvm{_S}medical{_S}cent(?:er|re)"
    rf"|fletcher{_S}allen|penn{_S}medicine|penn{_S}state{_S}health(?:{_S}{_CH})?"
    rf"|nebraska{_S}medicine|unmc|our{_S}lady{_S}of{_S}the{_S}lake|mary{_S}bridge(?:{_S}{_CH})?"
    rf"|usa{_S}health(?:{_S}{_CH}{_W}(?:&|and){_W}women{_AP}s)?|lake{_S}area{_S}medical"
    rf"|cuyuna{_S}regional|ochsner|ut{_S}southwestern|md{_S}anderson|uc{_W}health"
    rf"|uw{_S}health|american{_S}family{_S}{_CH}|froedtert|corewell{_S}health"
    rf"|spectrum{_S}health|henry{_S}ford{_S}(?:health|hospital)|sanford{_S}health"
    rf"|sanford{_S}{_CH}|geisinger|hershey{_S}medical|christiana{_W}care|inova|carilion"
    rf"|sentara|prisma{_S}health|novant{_S}health|baylor{_S}scott{_S}(?:&|and){_S}white"
    rf"|memorial{_S}hermann|valley{_S}{_CH}|kapi[ʻ'’]?olani|doernbecher|randall{_S}{_CH}"
    rf"|legacy{_S}emanuel|mercy{_S}{_CH}|norton{_S}{_CH}|blank{_S}{_CH}|wolfson{_S}{_CH}"
    rf"|st\.?{_S}jude{_AP}s?(?:{_S}{_CH})?|shriners|hshs|unc{_S}{_CH}|duke{_S}{_CH}"
    rf"|upmc{_S}{_CH}|hsc{_S}{_CH}"
    # Canada
    rf"|jim{_S}pattison|london{_S}health{_S}sciences|lhsc|sunnybrook|toronto{_S}general"
    rf"|toronto{_S}western|muhc|chu{_S}de{_S}qu[ée]bec|chu{_S}sainte[-\s]justine"
    # Europe
    rf"|umcg|umc{_S}utrecht|radboud{_W}umc|lumc|amsterdam{_S}umc|vumc|m[aá]xima{_S}mc"
    rf"|mumc\+?|uz{_S}(?:gent|brussel|antwerpen)|chc{_S}montl[ée]gia|huderf|chu{_S}li[èe]ge"
    rf"|saint[-\s]luc{_S}(?:hospital|university)|meyer{_S}(?:{_CH}|hospital)"
    rf"|ospedale{_S}meyer|gemelli|niguarda|istituto{_S}besta|rizzoli|regina{_S}margherita"
    rf"|santobono|papa{_S}giovanni{_S}xxiii|sant['’]{_W}orsola|vall{_S}d['’]{_W}hebron"
    rf"|gregorio{_S}mara[ñn][óo]n|virgen{_S}del{_S}roc[ií]o|olgahospital|inselspital"
    rf"|kinderspital{_S}z[üu]rich|haukeland|rikshospitalet|sahlgrenska|semmelweis"
    # Latin America
    rf"|hospital{_S}italiano|fleni|pereira{_S}rossell|sótero{_S}del{_S}r[ií]o"
    rf"|roberto{_S}del{_S}r[ií]o|valle{_S}del{_S}lili|homi{_S}fundaci[óo]n"
    rf"|ni[ñn]o{_S}poblano|pequeno{_S}pr[ií]ncipe|martag[ãa]o{_S}gesteira"
    rf"|hospital{_S}das{_S}cl[ií]nicas|instituto{_S}nacional{_S}de{_S}pediatr[ií]a"
    # Africa
    rf"|korle{_W}bu|komfo{_S}anokye|groote{_S}schuur|red{_S}cross{_S}war{_S}memorial"
    rf"|chris{_S}hani{_S}baragwanath|charlotte{_S}maxeke|tygerberg|steve{_S}biko{_S}academic"
    rf"|inkosi{_S}albert{_S}luthuli|kenyatta{_S}national|mulago|muhimbili|tikur{_S}anbessa"
    rf"|luth|lasuth|oauthc|unth|abuth|uniosun(?:{_S}teaching{_S}hospital|{_S}th)?|uniosunth"
    rf"|cnhu-hkm|okeu|aga{_S}khan{_S}(?:university{_S})?hospital"
    # Asia and the Middle East
    rf"|siriraj|ramathibodi|bumrungrad|philippine{_S}general|makati{_S}med(?:ical)?"
    rf"|cho{_S}r[aẫ]y|b[aạ]ch{_S}mai|vinmec|cipto{_S}mangunkusumo|asan{_S}medical"
    rf"|samsung{_S}medical|seoul{_S}national{_S}university{_S}hospital|snuh|severance{_S}hospital"
    rf"|peking{_S}union|pumch|tan{_S}tock{_S}seng|shaukat{_S}khanum|dhaka{_S}shishu"
    rf"|sidra{_S}medicine|hamad{_S}medical|king{_S}faisal{_S}specialist|kfshrc|aubmc"
    rf"|hadassah|sheba{_S}medical|schneider{_S}{_CH}|rambam|ichilov|soroka|wadia"
)
# Short names that are also words, towns or surnames: only after a cue.
_AFTER_CUE = (
    r"brenner|meyer|cuyuna|mary\s+bridge|gemelli|besta|giovanni\s+xxiii|atrium|novant"
    r"|sanford|mercy|norton|sentara|legacy|providence|la\s+raza|siglo\s+xxi|la\s+fe"
    r"|la\s+paz|cruces|sheba|hamad|sidra|aster|rainbow|wake\s+forest"
)
_HEAD_TAIL = (
    rf"(?:{_S}(?:{_CH}(?:{_S}(?-i:Hospital))?|(?-i:Hospital)|institute"
    rf"|medical{_S}cent(?:er|re)|university{_S}hospital|health))?"
)
_GAZETTEER = gated(rf"(?i)(?<![\w'’-])((?:{_DISTINCTIVE}){_HEAD_TAIL})(?![\w'’-])")
_GAZETTEER_CUED = gated(
    rf"(?i)\b(?:at|to|from|in|see|sees|seen{_S}at|al|allo|all['’]|nel|ao|no|na|au"
    rf"|transferred{_S}to|treated{_S}at){_S}(?:the{_S})?((?:{_AFTER_CUE}){_HEAD_TAIL})"
    rf"(?![\w'’-])"
)
_DEVOTIONAL = gated(
    rf"\b(?:at|to|attends|attend|from){_S}((?:Holy|Sacred|Immaculate|Blessed|Precious)"
    rf"{_S}(?:Heart|Cross|Family|Trinity|Name|Rosary|Redeemer|Spirit|Blood|Conception)"
    rf"(?:{_S}of{_S}(?:the{_S})?(?:Mary|Jesus|Jesus{_S}Christ|Our{_S}Lady))?)\b"
    rf"(?!{_S}(?:Hospital|School|College|Academy|Church|Parish|Catholic)\b)"
)
_SPANISH_TITLE = r"(?:Lic\.|Dr\.|Dra\.|Gral\.|Ing\.|Mtro\.|Prof\.|Sta\.|Sto\.|San|Santa)"
_SPANISH = gated(
    rf"\b((?:Hospital|Centro{_S}M[ée]dico|Cl[íi]nica|Instituto|Sanatorio)"
    rf"(?:{_S}(?:Civil|General|Infantil|Universitario|Regional|Central|Pedi[áa]trico))?"
    rf"(?:{_S}(?:para{_S}el|para{_S}la|del|de{_S}la|de))?"
    rf"(?:{_S}(?:{_SPANISH_TITLE}|{CAP_LATIN}\.|{CAP_LATIN}[a-záéíóúñ]+|[IVX]{{2,6}})){{1,6}})"
)
_SPANISH_GENERIC = wordset(
    "Hospital Centro Médico Medico Clínica Clinica Instituto Sanatorio Civil General Infantil"
    " Universitario Regional Central Pediátrico Pediatrico para el la del de Nacional Privado"
    " Público Publico Municipal Estatal Militar Naval Español Espanol Americano Alemán"
)
_ACRONYM_CUED = gated(
    rf"\b(?:au|at|in{_S}het|im|am|al|through|called|to|aan{_S}het|no|na|ao|Ṣé|Se)"
    rf"{_S}((?:the{_S})?[A-Z]{{3,7}}(?:-[A-Z]{{2,6}})?)\b"
    rf"(?=(?:{_S}(?:de|di|in|en|du|à|of|now|lè|le)\b))"
)
_NATIONAL_BODY = gated(
    rf"\b(?:(?:at|to|a|an|the|our)(?:{_S}the)?{_S})(MDA|NIH|NHS{_S}England)\b"
    rf"(?={_S}(?:clinic|study|trial|team|centre|center|program|programme|visit|doctors?)\b"
    rf"|{_W}[.?!,]|{_S}in\b)"
)
_DAYCARE_LOWER = gated(
    rf"\b(?:goes{_S}to|go{_S}to|going{_S}to|went{_S}to|attends|attend|at|from){_S}"
    rf"((?:[a-z][a-z'’]+{_S}){{2,3}}(?:daycare|day{_S}care|preschool|montessori))\b"
)
_NOT_DAYCARE_HEAD = wordset(
    "the a an her his my our their this that local new same regular public private any"
    " every special full part home half and or"
)
_EMPLOYERS = (
    r"amazon|walmart|wal-mart|fedex|ups|usps|j\.?\s?b\.?\s+hunt|tyson(?:\s+foods)?|costco"
    r"|home\s+depot|lowe['’]?s|kroger|starbucks|mcdonald['’]?s|dhl|boeing|tesla|target"
    r"|swift\s+transportation|werner\s+enterprises|schneider|heb|h-e-b|publix|meijer|aldi|lidl"
    r"|tesco|sainsbury['’]?s|asda"
)
_EMPLOYER = gated(
    rf"(?i:\b(?:works?|working|worked|job|drives?{_S}(?:a{_S})?(?:trucks?|forklifts?|vans?)"
    rf"|shifts?|warehouse{_S}job|employed)\b[^.!?\n]{{0,12}}?"
    rf"(?:\bat|\bfor|\bwith|\(|\bin{_S}an?|\bin{_S}the)){_W}"
    rf"((?i:{_EMPLOYERS}))(?![\w'’-])"
)
_ARABIC = gated(
    r"(مستشفى(?:\s+ال[\u0621-\u064A]+){1,3})"
)
_JAPANESE = gated(
    r"((?:[\u4e00-\u9fff\u30a0-\u30ff]{2,10})(?:こども病院|子ども病院|小児病院|大学病院"
    r"|医療センター|病院))"
)
_JAPANESE_HEAD = gated(r"(?:こども病院|子ども病院|小児病院|大学病院|医療センター|病院)$")
_JAPANESE_GENERIC = frozenset(("大学", "総合", "小児", "地元", "近所", "専門", "地域", "市民",
                               "近くの", "大きな", "県立", "市立", "国立", "大学の"))

# ---------------------------------------------------------------------------- dates

_SPACED_DOTS = gated(
    r"(?<![\d.])((?:0?[1-9]|[12]\d|3[01])\.\s(?:0?[1-9]|1[0-2])\.\s(?:19|20)\d\d)(?!\d)"
)
_SEASON_APOSTROPHE = gated(
    r"(?i)\b((?:early|late|mid-?)?\s?(?:spring|summer|autumn|fall|winter)\s+['’]\d\d)(?!\d)"
)
_FESTIVAL = gated(
    rf"\b((?:Dussehra|Dasara|Dussera|Holi|Navratri|Durga{_S}Puja|Ganesh{_S}Chaturthi|Onam"
    rf"|Pongal|Makar{_S}Sankranti|Baisakhi|Vaisakhi|Raksha{_S}Bandhan|Rakhi|Karva{_S}Chauth"
    rf"|Janmashtami|Lohri|Ugadi|Vesak|Songkran|Tet|T[eế]t|Nowruz|Norooz|Purim|Rosh{_S}Hashanah"
    rf"|Yom{_S}Kippur|Sukkot|Kwanzaa|Mardi{_S}Gras|Juneteenth|Carnival|Carnaval"
    rf"|Eid{_S}al-(?:Fitr|Adha)|Ramadan)(?:{_S}(?:day|eve|Day|Eve))?,?{_S}(?:19|20)\d\d)\b"
)

# ---------------------------------------------------------------------------- records

_CASE_NUMBER = gated(r"\b((?:CASE|Case|REF|Ref|CLM|CLAIM|FILE)-\d{4,}(?:-[A-Z]{1,4})?)\b")

# ---------------------------------------------------------------------------- places

_ROMANIAN_COUNTY = gated(
    rf"\b(?:[Jj]udețul|[Jj]udetul|[Jj]ude[țţ]ul|jud\.){_S}({CAP_LATIN}[^\W\d_]+"
    rf"(?:-{CAP_LATIN}?[^\W\d_]+)?)"
)
_AYITI = gated(r"\b(Ayiti)\b")
_PROVINCE = gated(
    r"\b(Manitoba|Saskatchewan|Newfoundland(?:\s+and\s+Labrador)?|Nova\s+Scotia"
    r"|New\s+Brunswick|Prince\s+Edward\s+Island|Alberta|Yukon|Nunavut"
    r"|(?:North|South|West|East)\s+Yorkshire|Yorkshire|Lancashire|Cheshire|Derbyshire"
    r"|Nottinghamshire|Lincolnshire|Staffordshire|Shropshire|Herefordshire|Worcestershire"
    r"|Warwickshire|Leicestershire|Northamptonshire|Cambridgeshire|Hertfordshire"
    r"|Bedfordshire|Buckinghamshire|Oxfordshire|Gloucestershire|Wiltshire|Hampshire"
    r"|Berkshire|Cornwall|Devon|Dorset|Somerset|Norfolk|Suffolk|Essex|Kent|Surrey|Sussex"
    r"|Cumbria|Northumberland|Durham|Merseyside|Tyne\s+and\s+Wear)\b"
    r"(?!\s+(?:terriers?|puddings?|pig|tea|cream|cheese|dogs?|retrievers?|spaniels?|rex"
    r"|protocol|criteria|classification|scale|score|regimen|cohort|study|trial|sausage"
    r"|county\s+council\s+pays))"
)
_PROVINCE_CUE = gated(r"(?:\bin|\bfrom|,|\(the|\bnear|\blive|\bmoved\s+to|\bto)\s*$")
_STATE_AFTER_TOWN = gated(
    rf"^,?{_S}([a-z]{{2}})(?={_S}(?:is|has|have|had|was|and|n|but|where|with|area|though"
    rf"|says|said|never|keeps|any|who|the)\b|{_W}[.?!,;)])"
)
_STATE_AFTER_OR = gated(rf"^{_S}(?:or|and){_S}(LA|NYC|SF|DC|[A-Z]{{2}})(?={_W}[?.!,]|$)")
_PROVINCE_BRACKET = gated(
    r"\d\s*\((BC|AB|SK|MB|ON|QC|NB|NS|PE|NL|YT|NT|NU|NSW|VIC|QLD|WA|SA|TAS|ACT)\)"
)
_READING = gated(
    rf"\b(?:in|from|near|live{_S}in|moved{_S}to){_S}(Reading)(?={_S}(?:and|area|where|UK"
    rf"|Berkshire|now|but)\b|{_W}[,.;!?)])"
)
# lower-case codes that are no English word ("in", "or", "on", "me", "ok", "hi" stay)
_INSTITUTION_IN = gated(rf"^{_S}in{_S}({CAP_LATIN}[a-z]{{2,}})(?={_W}[.,;?!]|$)")
_NOT_TOWN_AFTER = wordset(
    "January February March April May June July August September October November December"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday English Spanish French German"
    " Italian Portuguese Arabic Hindi Chinese Person Total Person Time General Town Care"
)
_LOWER_TOWN_STATE = gated(
    rf"\b(?:in|from|near){_S}([a-z]{{3,}}(?:{_S}[a-z]{{3,}})?),?{_S}"
    rf"(alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida"
    rf"|georgia|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland"
    rf"|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|ohio"
    rf"|oklahoma|oregon|pennsylvania|tennessee|texas|utah|vermont|virginia|washington"
    rf"|wisconsin|wyoming)\b"
)
_NOT_LOWER_TOWN = wordset(
    "summer winter spring fall autumn morning evening night school college town city state"
    " pain general total rural north south east west central eastern western northern"
    " southern upstate downstate hospital care treatment march may june august"
)
_OR_TOWN = gated(rf"^{_S}or{_S}([a-z]{{3,}})(?={_W}[?.!,])")
_LOWER_STATES = (
    frozenset(s.lower() for s in SAFE_STATES)
    | frozenset(("al", "pa", "md", "ma", "bc", "ab", "sk", "mb", "qc", "nb", "ns", "pe", "nl"))
) - wordset("in or on me ok hi de id oh as so no go do us at it is be we he an am my by to up")

# ---------------------------------------------------------------------------- ages

_DUTCH_AGE = gated(
    r"(?:\(|,\s*|\bis\s+|\bwordt\s+)((?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf"
    r"|twaalf|dertien|veertien|vijftien|zestien|zeventien|achttien|negentien|twintig|\d{1,2})"
    r"\s+(?:jaar|maanden|maand|weken))\b(?!\s+(?:zwanger|geleden|lang|later|follow))"
)
_POLISH_AGE = gated(
    r"(?:\bma\s+|\bmając\s+|\bskończył[ao]?\s+|\(|,\s*)((?:jeden|dwa|dwie|trzy|cztery|pięć|sześć|siedem|osiem|dziewięć|dziesięć|jedenaście"
    r"|dwanaście|trzynaście|czternaście|piętnaście|szesnaście|siedemnaście|osiemnaście"
    r"|dziewiętnaście|dwadzieścia|\d{1,2})\s+(?:lat|lata|miesięcy|miesiące|tygodni))\b"
)
_ITALIAN_BRACKET = gated(
    r"\(((?:un|uno|due|tre|quattro|cinque|sei|sette|otto|nove|dieci|undici|dodici|tredici"
    r"|quattordici|quindici|sedici|diciassette|diciotto|diciannove|venti|\d{1,2})"
    r"\s+(?:anni|mesi|anno|mese))\)"
)

_NUM = (
    rf"(?:{NUMBER_WORD.pattern}|\d{{1,2}}|eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun"
    rf"|zehn|elf|zwölf)"
)
_AGE_IN_BRACKETS = (
    rf"\(({_NUM}(?:{_S}(?:and|&){_S}(?:a{_S}half|a{_S}quarter|three[-\s]quarters|½))?"
    rf"(?:{_S}(?:months?|weeks?|years?|yrs?|mos?|days?|Monate|Jahre))?)\)"
)
_PERSON_BRACKET_AGE = gated(
    rf"(?i:\b(?:little{_S}one|young{_S}people|young{_S}person|toddlers?|kids?|child|baby"
    rf"|infant|little{_S}ones|residents?|service{_S}users?|Tochter|Sohn|Kind)){_W}"
    rf"{_AGE_IN_BRACKETS}"
)
_NAME_BRACKET_AGE = gated(rf"{_W}{_AGE_IN_BRACKETS}")
_HOW_OLD_ANSWER = gated(
    rf"(?i:how{_S}old{_S}(?:is|are){_S}(?:he|she|they|your{_S}\w+)\?)[^\n]*\n"
    rf"(?:\[[^\]\n]{{1,12}}\]{_W})?[^:\n]{{1,40}}:{_W}"
    rf"((?:{_NUM}|\d{{1,2}}(?:\.\d)?){_S}(?:weeks?|months?|years?|yrs?|days?)(?:{_S}old)?"
    rf"|\d{{1,2}})(?=[.,!\s]|$)"
)
_HYPHEN_MONTHS = gated(
    rf"(?i)\b(?:is|was|aged?|now){_S}((?:twenty|thirty|forty)-(?:one|two|three|four|five|six"
    rf"|seven|eight|nine){_S}(?:months|weeks)(?:{_S}old)?)\b"
)

# ---------------------------------------------------------------------------- names

_FAMILY_NAME_COMMA = gated(
    rf"(?i:\b(?:our|my|the|his|her|their){_S}(?:family|last|sur){_W}name){_W},{_S}({_NAME_WORD})"
    rf"(?=,)"
)

_SIGN_OFF = gated(rf"(?m)(?:^|[!.?][^\S\n]+)--{_W}({_NAME_WORD})[^\S\n]*$")
_POSSESSIVE_REPLY = gated(
    rf"\b(?:about|regarding|hear{_S}about|for|of)"
    rf"{_S}({_NAME_WORD})['’]s{_S}(?:symptoms|diagnosis|hearing|care|treatment|journey|health"
    rf"|appointment|question|story|progress|results?|age|school|seizures)\b"
)
_FIELD_NAME = gated(
    rf"(?m)^[-*•]?{_W}(?i:patient|name|child|pt|son|daughter){_W}:{_W}"
    rf"({_NAME_WORD}(?:{_S}{_NAME_WORD})?)"
    rf"(?={_W}\(|{_W}$|{_W},|{_S}[|])"
)
_BORN_NAME = gated(
    rf"\b(?:[Dd]aughter|[Ss]on|[Bb]aby|[Gg]randson|[Gg]randdaughter|[Nn]iece|[Nn]ephew)"
    rf"{_S}({_NAME_WORD}){_S}was{_S}born\b"
)
_VOUCHED_NAME = gated(
    r"\b([A-Za-z][a-z]{2,})\s*\((?:yes|yep|yeah|really)[,!]?\s+(?:that['’]?s|thats|it['’]?s|its)"
    r"\s+(?:her|his|their|my|our)\s+(?:real\s+)?name\b"
)
_ITALIAN_KIN = gated(
    rf"\b(?:[Mm]ia{_S}figlia|[Mm]io{_S}figlio|[Mm]io{_S}marito|[Mm]ia{_S}moglie|[Mm]i[oa]{_S}nipote"
    rf"){_S}({_NAME_WORD})(?={_S}(?:di|da|e|ha)\b|{_W}[,(])"
    rf"|\b[Ss]ono{_S}({_NAME_WORD})(?={_S}(?:di|da){_S}{CAP_LATIN})"
)
_SELF_ABROAD = gated(
    r"(?:\bя\s+([А-ЯІЇЄҐ][а-яіїєґ'’]+)(?=\s+з\s)"
    r"|اسمي\s+([\u0621-\u064A]+)"
    r"|\b(?:em|tôi|mình)\s+là\s+([^\W\d_][^\s,.]*)(?=\s+ở\b)"
    r"|મારું\s+નામ\s+(\S+)(?=\s+છે))"
)
_ARABIC_FROM = gated(r"اسمي\s+[\u0621-\u064A]+\s+من\s+([\u0621-\u064A]{3,})")
_CAPS_CORRECTED = gated(
    r"\s*(?:\.\.\.|…)?\s*(?:correction|corrected|sorry|I\s+mean)\s*[:,]\s*"
    r"([A-Z][A-Z'’-]{1,}\s*,\s*[A-Z][a-z]+)"
)
_CYRILLIC_CORRECTED = gated(r"\s*(?:\.\.\.|…)?\s*(?:ні|нет|не)[,!]\s+([А-ЯІЇЄҐ][а-яіїєґ'’]+)")
_POSSESSIVE_CARER = gated(
    rf"\b({_NAME_WORD})['’]s{_S}(?:geneticist|doctor|neurologist|cardiologist|paediatrician"
    rf"|pediatrician|consultant|nurse|therapist|teacher|surgeon|specialist|fundraiser"
    rf"|gene{_S}therapy|team|endo|rheumatologist|dietitian)\b"
)
_CREOLE_KIN_COMMA = gated(
    rf"\b[Pp]itit(?:{_S}(?:gason|fi))?{_S}(?:m|mwen)(?:{_S}nan)?{_W},{_S}({_NAME_WORD}){_W},"
)
_YORUBA_NAME = gated(r"\bOr\S{1,5}\s+(?:\S+\s+)?mi\s+ni\s+([^\s,.]+)(?=[,.])")
_NICK_AFTER = gated(rf"{_W}\({_W}[\"“]({_NAME_WORD})[\"”]")
_HANDLE_SPLIT = gated(r"[^\W\d_]{3,}")
_NOT_SIGNED = wordset("Thanks Thank Cheers Regards Sent Best Love Sorry Hello Hi The A")


def unseen40_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 40's institutions, dates, record numbers, places and ages (the module's
    docstring)."""
    for m in _GAZETTEER.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "UVM Medical Center"
    for m in _DEVOTIONAL.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "at Holy Heart of Mary"
    for m in _GAZETTEER_CUED.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "al Meyer", "at Brenner"
    for m in _SPANISH.finditer(text):
        words = m.group(1).split()
        if any(w not in _SPANISH_GENERIC and not re.fullmatch(r"[A-Z]\.|[IVX]+", w)
               and not lex.plain(w.rstrip(".")) for w in words) or (
            len([w for w in words if w not in _SPANISH_GENERIC]) >= 2
        ):
            yield Span(m.start(1), m.end(1), "institution")  # "Hospital Civil Juan I. Menchaca"
    for m in _ACRONYM_CUED.finditer(text):
        word = m.group(1).removeprefix("the").strip()
        if word.lower() not in lex.medical and word not in STATE_ABBREVIATIONS and word not in (
            "USA", "NHS", "ICU", "NICU", "PICU", "GP", "ER", "MRI", "EEG", "ECG", "EKG", "DNA",
            "RNA", "PDF", "FAQ", "LOL", "OMG", "CEO", "TV", "ADHD", "ASD", "OCD", "PTSD", "IVF",
            "PGD", "IEP", "OT", "PT", "ENT", "GI", "NIH", "CDC", "FDA", "EMA", "WHO", "UK",
        ):
            start = m.start(1) + (len(m.group(1)) - len(word))
            yield Span(start, m.end(1), "institution")  # "au CNHU-HKM de Cotonou"
    for m in _NATIONAL_BODY.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "a MDA clinic", "the NIH study"
    for m in _DAYCARE_LOWER.finditer(text):
        if not any(w in _NOT_DAYCARE_HEAD or w in FUNCTION_WORDS for w in m.group(1).split()[:-1]):
            yield Span(m.start(1), m.end(1), "institution")  # "happy hollow daycare"
    for m in _EMPLOYER.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "drives trucks for J.B. Hunt"
    for m in _ARABIC.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")  # "مستشفى الجامعة ... في بيروت"
    for m in _JAPANESE.finditer(text):
        head = _JAPANESE_HEAD.sub("", m.group(1))
        if head not in _JAPANESE_GENERIC:
            yield Span(m.start(1), m.end(1), "institution")  # "静岡県立こども病院"
    for pattern in (_SPACED_DOTS, _SEASON_APOSTROPHE, _FESTIVAL):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "date")  # "14. 6. 2025", "Dussehra 2025"
    for m in _CASE_NUMBER.finditer(text):
        yield Span(m.start(1), m.end(1), "record_number")  # "CASE-000418-GL"
    for pattern in (_ROMANIAN_COUNTY, _AYITI, _PROVINCE_BRACKET):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "place")  # "județul Dolj", "Ayiti", "(BC)"
    for pattern in (_DUTCH_AGE, _POLISH_AGE, _ITALIAN_BRACKET, _PERSON_BRACKET_AGE,
                    _HYPHEN_MONTHS, _HOW_OLD_ANSWER):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")  # "(twee jaar)", "dziewięć lat"


def surname40_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """A family name after "family name,", a name signed after "--", a name in a field, a
    child "was born", a name vouched for as a name, and a province, county or town by its
    cue: they read their own cue, past the protection of medical words ("Manitoba")."""
    for m in _SELF_ABROAD.finditer(text):
        group = next(g for g in range(1, 5) if m.group(g))
        yield Span(m.start(group), m.end(group), "name")  # "я Ганна з", "em là Hạnh ở"
    for m in _ARABIC_FROM.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "اسمي X من العقبة"
    for m in _ITALIAN_KIN.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        if not lex.plain(word) or word in lex.first_names:
            yield Span(m.start(group), m.end(group), "name")  # "Mia figlia X (", "sono X di Y"
    for pattern in (_FAMILY_NAME_COMMA, _SIGN_OFF, _FIELD_NAME, _BORN_NAME, _VOUCHED_NAME):
        for m in pattern.finditer(text):
            if m.group(1) not in _NOT_SIGNED:
                yield Span(m.start(1), m.end(1), "name")  # "our family name, Hunter,"
    for pattern in (_CREOLE_KIN_COMMA, _YORUBA_NAME):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "name")  # "Pitit gason m nan, X,", "mi ni X"
    for m in [*_POSSESSIVE_REPLY.finditer(text), *_POSSESSIVE_CARER.finditer(text)]:
        word = m.group(1)
        if word not in lex.eponyms and word.lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "name")  # "about Genevieve's hearing"
    for m in _PROVINCE.finditer(text):
        if _PROVINCE_CUE.search(text[max(0, m.start() - 12) : m.start()]) or re.match(
            rf"{_S}(?:health|care)\b", text[m.end() : m.end() + 10]
        ):
            yield Span(m.start(1), m.end(1), "place")  # "Winnipeg, Manitoba"
    for m in _READING.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "We're in Reading and"


def after40_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """A state code in lower case after a town, a state code or a lower-case town after "or"
    and a town, a town after "<institution> in", an age in brackets after a name ("Pearl (4
    and three-quarters)"), a lower-case town before a lower-case state name."""
    for town in _LOWER_TOWN_STATE.finditer(text):
        words = town.group(1).split()
        if not any(w in FUNCTION_WORDS or w in lex.ordinary_medical or w.endswith("ing")
                   or w in _NOT_LOWER_TOWN for w in words):
            yield Span(town.start(1), town.end(1), "place")  # "in homer, alaska"
            yield Span(town.start(2), town.end(2), "place")
    for span in spans:
        if span.kind == "institution":
            m = _INSTITUTION_IN.match(text[span.end : span.end + 40])
            if m and m.group(1) not in _NOT_TOWN_AFTER and (
                m.group(1).lower() not in lex.medical or m.group(1) in lex.eponyms
            ):
                yield Span(span.end + m.start(1), span.end + m.end(1), "place")  # "in Mobile"
        if span.kind == "name":
            m = _NAME_BRACKET_AGE.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")  # "Mareike (vier)"
            m = _NICK_AFTER.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "name")  # 'Ezekiel ("Ezzy" at home)'
            m = _CAPS_CORRECTED.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "name")  # "[name]... correction: DOE, Jo"
            m = _CYRILLIC_CORRECTED.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "name")  # "[name]... ні, Устина"
        if span.kind != "place":
            continue
        after = text[span.end : span.end + 40]
        m = _STATE_AFTER_TOWN.match(after)
        if m and m.group(1) in _LOWER_STATES:
            yield Span(span.end + m.start(1), span.end + m.end(1), "place")  # "dothan al has"
        m = _OR_TOWN.match(after)
        if m and town_word(lex, m.group(1)):
            yield Span(span.end + m.start(1), span.end + m.end(1), "place")  # "or lamesa?"
        m = _STATE_AFTER_OR.match(after)
        if m and (m.group(1) in STATE_ABBREVIATIONS or m.group(1) in ("LA", "NYC", "SF", "DC")):
            yield Span(span.end + m.start(1), span.end + m.end(1), "place")  # "or LA?"


_WHIPPLE = gated(r"\bWhipple(?=['’]s\s+disease)|(?<=\bMr\s)Whipple\b|(?<=\bMr\.\s)Whipple\b")
_WHIPPLE_DISEASE = gated(r"\bWhipple['’]s\s+disease\b")


_LOWER_KEPT = wordset(
    "thinks says said reckons knows feels believes guesses hopes worries wants meds regular"
    " kindergarten autocorrect"
)
_CALL_BEFORE = gated(r"\s*(?:\+|\(?\d|on\s|me\s|us\s|at\s)")
_CALL_WORDS = wordset("Call Text Ring Phone WhatsApp Whatsapp Contact Tel Telephone")
_CREDENTIAL_AFTER = gated(
    r"\s*,\s*(?:CGC|LCGC|LGC|RN|PhD|MD|MPH|FACMG|CNS|NP|PA-C|RD|MSc|BSc|GC|APRN)\b"
)
_ONSET_ABROAD = gated(
    r"(?i)\b(?:começou|começaram|comecei|começa|empezó|empezaron|empecé|comenzó|comenzaron"
    r"|inició|iniciou|arrancó)\b[^.!?\n;]{0,40}\b(?:aos|a\s+los|a\s+las|com|desde\s+los)\s*$"
)


def clamp40(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words round 40 keeps (the module's docstring), plus a state code
    after a town that earlier rounds take back as a word ("dothan al has")."""
    spans = [*spans, *after40_spans(lex, text, spans), *_handle_names(lex, text, spans)]
    whipple = (
        Ranges((m.start(), m.end()) for m in _WHIPPLE.finditer(text))
        if _WHIPPLE_DISEASE.search(text)
        else Ranges(())
    )
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        if span.kind == "name" and whipple.overlap(span):
            continue  # "Whipple's disease", "Mr Whipple" in a joke about its name
        if span.kind != "age" and piece.islower() and all(
            w in _LOWER_KEPT for w in piece.split()
        ):
            continue  # "my mum thinks", "certain meds", "regular kindergarten"
        if piece in _CALL_WORDS and _CALL_BEFORE.match(text, span.end):
            continue  # "Call +234 ..."
        if span.kind == "place" and piece in ("MS", "MA", "MD", "PA") and (
            _CREDENTIAL_AFTER.match(text, span.end)
            and text[max(0, span.start - 2) : span.start] == ", "
        ):
            continue  # "[name], MS, CGC": a degree
        if span.kind == "age" and _ONSET_ABROAD.search(text[max(0, span.start - 60) : span.start]):
            continue  # "começou com sintomas aos 40", "a los 60" (policy)
        kept.append(span)
    return kept


def _handle_names(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """A capitalised word that the writer's own handle, address or link spells ("@lil.lux.and
    .pitt0418 (Lux is 4)", "u/tobiah_mum_0039, whose son Tobiah"): a name, unless a medical
    word or an eponym ("Pitt" of Pitt-Hopkins stays)."""
    handles = [_own_part(text[s.start : s.end], s.kind)
               for s in spans if s.kind in ("id", "url", "email")]
    if not handles:
        return
    parts = {p.lower() for h in handles for p in _HANDLE_SPLIT.findall(h)}
    found: list[tuple[int, int]] = []
    joined: list[tuple[int, int]] = []
    for m in re.finditer(rf"(?<![\w@./_-]){_NAME_WORD}(?![\w@./_-])", text):
        word = m.group()
        low = word.lower()
        if (
            low in parts
            and low not in FUNCTION_WORDS
            and low not in lex.medical
            and word not in lex.eponyms
            and low not in _HANDLE_WORDS
        ):
            found.append((m.start(), m.end()))
    for start, end in found:  # "Bettany Cormier" (bettany.cormier@...) is one name
        if joined and text[joined[-1][1] : start] == " ":
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    for start, end in joined:
        before = text[max(0, start - 30) : start]
        if _NEXT_CAPITAL.match(text, end) or _CAPITAL_BEFORE.search(before):
            continue  # half of a full name: left whole to the flags
        yield Span(start, end, "name")


def _own_part(handle: str, kind: str) -> str:
    """The part of a handle, address or link the writer chose: an address's local part, a
    link's path (not the site's name: "youtube", "caringbridge" stay)."""
    if kind == "email":
        return handle.split("@", 1)[0]
    if kind == "url":
        rest = handle.split("//", 1)[-1]
        return rest.split("/", 1)[1] if "/" in rest else ""
    return handle


_NEXT_CAPITAL = gated(rf" {CAP_LATIN}[a-z]")
_CAPITAL_BEFORE = gated(
    rf"\b(?!(?:The|A|An|Our|My|His|Her|Their|Contact|Email|Call|Dear|Hi|Hello)\b)"
    rf"{CAP_LATIN}[a-z]+ $"
)
_HANDLE_WORDS = wordset(
    "example com org net www http https gmail yahoo hotmail outlook instagram facebook tiktok"
    " give strong little lil and the journey mum mom dad family fund team support warrior"
    " life our my with for love hope fight gofundme info senco office admin contact hello"
    " support enquiries help school reception clinic lab page group project study research"
)
