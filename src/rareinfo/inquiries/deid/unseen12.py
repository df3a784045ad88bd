"""Round 12's shapes. Institutions that were neither removed nor flagged: an acronym before
"at" and its site ("UPMC at Shadyside"), an acronym spelled out beside it in brackets ("RVH
(Royal Victoria Hospital)", and the acronym again), a hospital's bare acronym in brackets
after a clinician's name ("Dr Okafor (QEUH)") or after a clinician or a visit and "at" ("the
neurologist at UHL", even when a medical acronym), a hospital before its department
("Altnagelvin haematology"), a school or a day nursery in brackets or after
"called" ("a nursery (Little Owls Ashby)"), an infant or junior school by its tail ("...
Infants"), "the ... Wing", "... Medical Centre" whose name is an ordinary word, a German school
by its head and "am"/"an der" ("Grundschule am Lindenhof"), a hospital by its head word in
Hindi, Urdu and Tamil ("लीलावती अस्पताल"). Places: a town with a compass word that is also an
eponym ("in Jurong West"), an island after "on" ("in Amlwch on Anglesey,"), an acronym
closing "at ... in ..." ("at Primary Children's in SLC."), "in St ...", a state or province
after an institution's comma or a town's, written in any case ("KwaZulu-Natal"); places one
lives in, in Hindi, Urdu, Tamil, Arabic, Yoruba, Persian, Bengali and Korean. Names and ages:
a lower-case name after "im" ("im jodie 22"), a name after one's kin's age ("my 9yo Willow"),
a name in apposition after an age ("un garçon de 8 ans, Prénom Nom,"), more kin words of
Italian, Spanish, Portuguese, French and German, and kin words of Urdu, Bengali, Korean, Tamil
and Yoruba; ages in Urdu and Hindi number words, Hausa "shekara ..." and Yoruba "ọmọ ọdún
..."; the age at which one's child died ("we lost our baby at seven weeks")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import regions
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    CAP_WIDE,
    INSTITUTION_HEADS,
    Lexicon,
    common_words,
    eponym_words,
    wordset,
)

_S = r"[^\S\n]+"
_NAME = rf"{CAP_LATIN}[^\W\d_]+(?:[-'’][^\W\d_]+)*"
_END = r"(?=[^\S\n]*(?:[.,;:!?)]|\n|$))"
# a capitalised Yoruba word, its tones written as combining marks ("Ọ̀yọ́")
_YO = rf"{CAP_WIDE}[\w\u0300-\u036f]*"

# Words that open a sentence or a generic phrase, no institution's name.
_OPENERS = wordset(
    "The Our My Your His Her Their A An This That In At From With To For And Local Nearest "
    "Community Academic University General Rural Regional Primary Public Private Specialist "
    "Main New Big Small Same Other Any Every Each Which What Some Reception Healthy"
)
# Titles of address before a name ("Seu Joaquim", "Signora Bruna"): no part of it.
_ADDRESS = wordset(
    "Seu Sr Sra Srta Senhor Senhora Señor Señora Don Doña Dona Dom Signor Signora Herr Frau "
    "Monsieur Madame Mme Mlle"
)
# Ward and test acronyms that follow "in" ("at St Mary's in ICU").
WARDS = wordset(
    "ICU NICU PICU HDU CCU SCBU ER ED OR AE OPD CT MRI PT OT UK US USA EEG ECG EKG EMG PET MDT "
    "SLT SALT ENT GP OPD IPD MAU AMU CDU SAU OT "
    # school lessons: "fainted in PE at <school>"
    "PE PSHE"
)

# ---------------------------------------------------------------------------- institutions

# an acronym before "at" and its site: "at UPMC at Shadyside"
_ACRONYM_AT = gated(
    rf"\b(?:(at|to|from|attends?)|in|by|with|via|sees?){_S}(?:the{_S})?"
    rf"([A-Z]{{2,6}}{_S}at{_S}{_NAME}(?:{_S}{_NAME})?)\b"
)
# an acronym and its name in brackets, either way round: "RVH (Royal Victoria Hospital)"
_WORDS = rf"{_NAME}(?:{_S}(?:{_NAME}|of|the|and|for|&|de|da))*"
_ACRONYM_BRACKETS = gated(
    rf"\b([A-Z]{{3,6}})[^\S\n]*\([^\S\n]*({_WORDS})[^\S\n]*\)"
    rf"|\b({_WORDS})[^\S\n]*\([^\S\n]*([A-Z]{{3,6}})[^\S\n]*\)"
)
_JOINERS = frozenset(["of", "the", "and", "for", "&", "de", "da"])
# a hospital's bare acronym in brackets after a clinician's name: "Dr Okafor (QEUH)"
_CLINICIAN_ACRONYM = gated(
    rf"\b(?:Dr|Dr\.|Doctor|Prof|Prof\.|Professor){_S}{_NAME}(?:{_S}{_NAME})?"
    r"[^\S\n]*\([^\S\n]*([A-Z]{3,6})[^\S\n]*\)"
)
# a hospital's acronym after a clinician or a visit, medical or not: "the neurologist at UHL",
# "they see him at ARI" (not "referred to ENT", "admitted to PICU", "at CF clinic")
_CLINICIANS = (
    r"(?:doctors?|drs?|consultants?|neurologists?|geneticists?|cardiologists?|specialists?"
    r"|paediatricians?|pediatricians?|haematologists?|hematologists?|oncologists?|nurses?"
    r"|surgeons?|rheumatologists?|endocrinologists?|nephrologists?|team|physio|GP)"
)
_VISIT_ACRONYM = gated(
    rf"\b(?:{_CLINICIANS}|(?:see|sees|saw|seen|seeing|treated|admitted|followed|born|diagnosed"
    r"|referred|transferred|delivered)(?:[^\S\n]+(?:him|her|them|us|me))?)"
    rf"{_S}(?:at|to){_S}(?:the{_S})?([A-Z]{{2,6}})\b(?![-'’&])"
    r"(?![^\S\n]+(?i:clinic|team|unit|ward|service|nurse|centre|center|department|dept|"
    r"specialist|doctor|consultant|review|appointment|test|scan)s?\b)"
)
# a hospital's name before its department: "Altnagelvin haematology says"
_DEPARTMENT_AFTER = gated(
    rf"\b({_NAME}(?:['’]s)?(?:{_S}{_NAME}(?:['’]s)?)?){_S}(?i:haematology|hematology|neurology"
    r"|cardiology|oncology|genetics|rheumatology|nephrology|endocrinology|gastroenterology"
    r"|immunology|dermatology|paediatrics|pediatrics|paeds|peds|ophthalmology|audiology"
    r"|neuromuscular|metabolic[^\S\n]+(?:team|clinic))\b"
)
# specialties and credentials written in brackets after a clinician ("Dr Lee (ENT)")
CREDENTIALS = wordset(
    "ENT MD PhD DO OT PT SLP RN NP PA GP MBBS MBChB FRCP FRACP FRCPC FRCS OBGYN OBG GYN GI "
    "ICU NICU PICU HDU PMR PM&R DDS DMD MSc BSc CNS ANP APRN FNP DNP MRCP MRCPCH FRCPCH "
    "IBCLC CGC LGC RD DPT PsyD"
)
# a school or a day nursery named in brackets or after "called": "a daycare (Little Owls)"
_CHILDCARE = gated(
    r"\b(?:day[- ]?care|nursery|pre-?school|kindergarten|kinder|cr[eè]che|playgroup"
    r"|child[- ]?care(?:[^\S\n]+cent(?:re|er))?|childminder|after[- ]school[^\S\n]+club"
    r"|primary[^\S\n]+school|school)"
    rf"(?:[^\S\n]*\([^\S\n]*|,?{_S}(?:called|named){_S})({_NAME}(?:{_S}{_NAME}){{0,3}})"
)
# an infant or junior school by its tail: "... Infants", "... Junior School"
_SCHOOL_TAIL = gated(
    rf"\b((?:{_NAME}{_S}){{1,3}})(?:Infants|Infant['’]?s?{_S}School"
    rf"|Infant{_S}and{_S}Nursery{_S}School|Junior{_S}School|Nursery{_S}School)\b"
)
# a hospital's wing after "the": "at the Florey Wing"
_WING = gated(rf"\b(?:at|in|to|on|from){_S}the{_S}({_NAME}{_S}Wing)\b")
# "... Medical Centre" whose name is an ordinary word, after "at", "from" or a comma:
# "Dr Amos, Harbour Medical Centre" (not "at the Mental Health Centre")
_CENTRE = gated(
    rf"(?:\b(?:at|from|to|with)|,){_S}((?:{_NAME}{_S}){{1,2}})(?:Medical|Health){_S}"
    r"(?:Centre|Center|Clinic|Practice)\b"
)
_GENERIC = wordset(
    "Mental Sexual Genetic Genetics Women's Womens Children's Childrens Men's Student "
    "Occupational Reproductive Maternal Child Travel Sports Dental Eye Skin Heart Family "
    "Integrated Integrative Holistic Urgent Emergency Primary Community Academic University "
    # a hospital's wings by what they do ("the Maternity Wing")
    "Maternity Surgical Medical Outpatient Outpatients Oncology Cancer Day Private Paediatric "
    "Pediatric Cardiac Renal Rehabilitation Psychiatric Burns Isolation Neonatal Orthopaedic "
    "Orthopedic Geriatric Stroke Trauma Old"
)
# a German school by its head and "am", "an der": "Grundschule am Lindenhof", "Kita Sonnenhof"
_GERMAN_SCHOOL = gated(
    r"\b(?:Grundschule|Gymnasium|Realschule|Gesamtschule|Hauptschule|Mittelschule|Oberschule"
    r"|Förderschule|Volksschule|Sekundarschule|Berufsschule|Kita|Kindertagesstätte"
    r"|Kindergarten)"
    rf"(?:{_S}(?:am|an{_S}der|an{_S}den|im|in{_S}der|auf{_S}der|zum|zur)"
    rf"{_S}({_NAME}(?:{_S}{_NAME})?)|{_S}({_NAME}))"
)

# a hospital by its head word in Hindi, Urdu and Tamil, its name before it:
# "लीलावती अस्पताल", "شوکت خانم ہسپتال", "ராமச்சந்திரா மருத்துவமனையில்"
_HEAD_SCRIPT = gated(
    # (the words of the name: letters and dots, no sentence's stop: "।", "۔", "،", "؟")
    r"((?:[\u0900-\u0963\u0966-\u097f.]+[^\S\n]+){1,3})(?:अस्पताल|चिकित्सालय|हॉस्पिटल|हस्पताल)"
    r"(?![\u0900-\u097f])"
    r"|((?:[\u0621-\u064a\u0660-\u06d3\u06d5-\u06ff.]+[^\S\n]+){1,3})"
    r"(?:ہسپتال|اسپتال|ہاسپٹل|شفاخانہ)(?![\u0600-\u06ff])"
    r"|((?:[\u0b80-\u0bff.]+[^\S\n]+){1,3})மருத்துவமனை"
)
# the words before such a head that are no part of its name; a generic word alone opens none
_SCRIPT_STOPS = wordset(
    "हम मैं में का के की को से ने पर और इलाज उसका उसकी उनका उनकी एक यह वह इस उस मेरा मेरी मेरे "
    "हमारा हमारी हमारे कौन किस कि तो भी है हैं था थी थे गए गई "
    "ہم میں نے کا کی کے کو سے پر اور وہ یہ ہمیں انہیں علاج ایک میرا میری میرے ہمارا ہماری اس کس "
    "ہے ہیں تھا تھی تھے بھی تو کہ گئے "
    "நாங்கள் நான் அவன் அவள் அவர் அவர்கள் ஒரு எங்கள் என் இந்த அந்த எந்த என்று மற்றும் ஆனால் "
    "பிறகு அங்கு இங்கு உள்ள"
)
_SCRIPT_GENERIC = wordset(
    "सरकारी निजी जिला ज़िला बड़े बड़ा किसी दूसरे दूसरा पास नज़दीकी नजदीकी स्थानीय प्राइवेट सामान्य "
    "سرکاری نجی ضلعی بڑے بڑا کسی دوسرے دوسرا قریبی مقامی پرائیویٹ "
    "அரசு தனியார் பெரிய அருகிலுள்ள மாவட்ட"
)

# ---------------------------------------------------------------------------- places

# a town with a compass word after a place cue: "in Jurong West"
_COMPASS = gated(
    rf"\b(?:in|from|near|to){_S}({_NAME}){_S}(?:North|South|East|West|Central)\b"
)
# an island after "on": "in Amlwch on Anglesey", "we live on Islay"
_ISLAND = gated(
    rf"\b(?:in{_S}{_NAME}(?:{_S}{_NAME})?,?|(?:live|lives|living|lived|based|stay|staying))"
    rf"{_S}on{_S}(?:the{_S}(?:[Ii]sland|[Ii]sle){_S}of{_S})?({_NAME}(?:{_S}{_NAME})?)"
    rf"(?=[^\S\n]*(?:[.,;!?)]|\n|$))"
)
# an acronym closing "at ... in ...": "at Primary Children's in SLC."
_AT_IN = gated(
    rf"\bat{_S}(?:the{_S})?(?:{_NAME}|[A-Z]{{2,6}})(?:{_S}(?:{_NAME}|of|[A-Z]{{2,6}})){{0,5}}"
    rf"{_S}in{_S}([A-Z]{{2,4}}){_END}"
)
# "in St Lucia", "from Saint Helier" (not "St Mary's", not "St Thomas Hospital")
_SAINT = gated(
    rf"\b(?:in|from|to|near|on){_S}((?:St\.?|Saint|Ste\.?){_S}{_NAME}(?:{_S}{_NAME})?)"
)
# a state or province after an institution's comma or a town's: "..., KwaZulu-Natal."
_REGION_AFTER = gated(
    rf"\b({_NAME}),{_S}({_NAME}(?:-{_NAME})?)(?:{_END}|(?={_S}(?:and|but|where|so)\b))"
)
_PLACE_CUE = gated(rf"\b(?:in|from|near|of){_S}(?:{_NAME}{_S}){{0,2}}$")
# places one lives in, in Hindi, Urdu, Tamil, Arabic and Yoruba
_LIVE_SCRIPT = gated(
    r"(?:हम|मैं)[^\S\n]+([\u0900-\u097f]+(?:,?[^\S\n]+[\u0900-\u097f]+){0,2}?)[^\S\n]+में"
    r"[^\S\n]+रह(?:ते|ती|ता)"
    r"|(?:ہم|میں)[^\S\n]+([\u0600-\u06ff]+(?:[،,]?[^\S\n]+[\u0600-\u06ff]+){0,2}?)[^\S\n]+میں"
    r"[^\S\n]+رہ(?:تے|تی|تا)"
    r"|(?<![\u0b80-\u0bff])([\u0b80-\u0bff]{2,}?)(?:யில்|த்தில்|ில்)[^\S\n]+(?:இருக்கிறோம்"
    r"|வசிக்கிறோம்|வாழ்கிறோம்|இருக்கிறேன்|வசிக்கிறேன்|வாழ்கிறேன்)"
    r"|(?:نعيش|أعيش|نسكن|أسكن|نقيم|أقيم|مقيم|مقيمة)\s+في\s+([\u0621-\u064a]+(?:\s+ال[\u0621-\u064a]+)?)"
    r"|(?<![\u0600-\u06ff])(?:أنا|انا|نحن)\s+(?:[\u0621-\u064a]+\s+){0,2}من\s+"
    r"((?!عائلة|أسرة|مرضى|أهل|قبل|جديد)[\u0621-\u064a]{2,}(?:\s+ال[\u0621-\u064a]+)?)(?=\s*[.،,!؟])"
    rf"|\bgb[eé]\u0301?{_S}n[ií]\u0301?{_S}({_YO}(?:[ -]{_YO})?)"
    # Persian "در رشت زندگی می‌کنیم", Bengali "আমরা কুমিল্লায় থাকি", Korean "저희는 청주에 살아요"
    r"|(?<![\u0600-\u06ff])در\s+((?!خانه|اینجا|آنجا|کنار)[\u0600-\u06ff]{2,})\s+زندگی\s+می"
    r"|(?:আমরা|আমি)[^\S\n]+([\u0980-\u09ff]{2,}?)(?:য়|য়|তে|ে)[^\S\n]+থাকি"
    r"|(?:저희는|저는|우리는|나는)[^\S\n]+([가-힣]{2,4}?)(?:에서|에)[^\S\n]+(?:살아요|살고|삽니다|살아|거주)"
)

# ---------------------------------------------------------------------------- names, ages

# a lower-case name after "im", before a comma, an age or one's kin: "im jodie 22 and"
_IM = gated(
    r"(?:^|(?<=[\s,.!]))(?:[Ii]m|i'm|i’m|i[^\S\n]+am)[^\S\n]+([a-z]{3,})"
    r"(?=,|[^\S\n]+(?:(\d{1,2})(?![^\S\n]*(?:weeks?|wks?|months?|days?|hours?|hrs?|mg|kg|lbs?"
    r"|%|/|x\b))\b|my\b|mum\b|mom\b|mam\b|from\b|here\b))"
    r"(?:[^\S\n]+(\d{1,2})(?=[^\S\n]+(?:and|&|yo|years?|f|m)\b|[,.!]|$))?"
)
# a name after one's kin's age: "my 9yo Willow has", "our 4 year old Bramble is"
_AGE_NAME = gated(
    r"\b(?:my|our|My|Our)[^\S\n]+\d{1,2}[^\S\n]*(?:yo|y/o|yr[^\S\n]*old|-?year-?old"
    r"|[^\S\n]+year[^\S\n]+old|[^\S\n]+months?[^\S\n]+old)"
    rf"[^\S\n]+({_NAME})(?=['’]s\b|{_S}(?:has|is|was|had|got|gets|can|does|did|who)\b)"
)
# a name in apposition after an age: "un garçon de 8 ans, Prénom Nom, a ..."
_APPOSITION = gated(
    r"(?:\b(?:de|of|von|di)[^\S\n]+\d{1,2}[^\S\n]+(?:ans|años|anni|anos|Jahren?|years?"
    r"|mois|meses|mesi)(?:[^\S\n]+old)?|\b\d{1,2}[- ]?(?:year[- ]old|yo))"
    rf"[^\S\n]*,[^\S\n]*({_NAME}{_S}{_NAME})(?=[^\S\n]*,)"
)
# kin words of Italian, Spanish, Portuguese, French and German before a name
_KIN = gated(
    rf"\b(?:[Mm]ia{_S}(?:nonna|zia|cugina|mamma|madre|suocera|sorella)"
    rf"|[Mm]io{_S}(?:nonno|zio|cugino|papà|padre|suocero)"
    rf"|[Mm]i{_S}(?:abuela|abuelo|tía|tío|madre|padre|hermano|hermana|esposo|esposa|sobrino"
    r"|sobrina|prima|primo|suegra|suegro)"
    rf"|[Mm]inha{_S}(?:avó|mãe|tia|irmã|esposa|sobrinha|prima|sogra)"
    rf"|[Mm]eu{_S}(?:avô|pai|tio|irmão|marido|sobrinho|primo|sogro)"
    rf"|[Mm]a{_S}(?:grand-mère|mère|tante|sœur|soeur|fille|femme|cousine|nièce)"
    rf"|[Mm]on{_S}(?:grand-père|père|oncle|frère|fils|mari|cousin|neveu)"
    rf"|[Mm]eine{_S}(?:Oma|Mutter|Tochter|Schwester|Tante|Frau|Großmutter|Nichte|Enkelin)"
    rf"|[Mm]ein{_S}(?:Opa|Vater|Sohn|Bruder|Onkel|Mann|Großvater|Neffe|Enkel))"
    rf",?{_S}({_NAME}(?:{_S}{_NAME})?)"
    rf"(?=[^\S\n]*[,;(]|{_S}(?:\d|di|de|da|ha|hat|a|tiene|tem|est|ist|è|es|é|aged?)\b)"
)
_URDU_NUMBER = (
    r"(?:ایک|دو|تین|چار|پانچ|چھ|چھے|سات|آٹھ|نو|دس|گیارہ|بارہ|تیرہ|چودہ|پندرہ|سولہ|سترہ"
    r"|اٹھارہ|انیس|بیس|تیس|چالیس|پچاس|ساٹھ|ستر|اسی|نوے)"
)
_HINDI_NUMBER = (
    r"(?:एक|दो|तीन|चार|पाँच|पांच|छह|छः|सात|आठ|नौ|दस|ग्यारह|बारह|तेरह|चौदह|पंद्रह|सोलह"
    r"|सत्रह|अठारह|उन्नीस|बीस)"
)
# kin words of other scripts before a name, and ages in number words
_SCRIPT_KIN = gated(
    r"(?<![\u0600-\u06ff])(?:میرا|میری|میرے|ہمارا|ہماری)\s+(?:بیٹا|بیٹی|بیٹے|بھائی|بہن|شوہر"
    r"|بیوی|پوتا|پوتی|نواسہ|نواسی)\s+([\u0600-\u06ff]{2,})"
    rf"(?=\s+(?:[\d۰-۹]|{_URDU_NUMBER}\s))"
    r"|(?:আমার|আমাদের)[^\S\n]+(?:ছেলে|মেয়ে|ভাই|বোন|স্বামী|স্ত্রী|নাতি|নাতনি)[^\S\n]+"
    r"([\u0980-\u09ff]{2,})(?=[^\S\n]*(?:[\d০-৯,(।]))"
    r"|(?:제|내|우리|저희)[^\S\n]+(?:아들|딸|남편|아내|손자|손녀|동생|조카)[^\S\n]+"
    r"((?!나이|이름|병|상태|증상|경우|검사|치료)[가-힣]{2,3}?)(?:는|은|이는|이가|가|이)(?=[^\S\n])"
    r"|என்[^\S\n]+(?:மகன்|மகள்|கணவர்|மனைவி|தம்பி|தங்கை|அண்ணன்|அக்கா|பேரன்|பேத்தி)[^\S\n]+"
    r"([\u0b80-\u0bff]{2,})(?=[^\S\n]*(?:[\d,(]|வயது))"
    rf"|\bọmọ[\w\u0300-\u036f]*{_S}mi{_S}({CAP_WIDE}[\w\u0300-\u036f]+)"
)
# the age at which one's child died: "we lost our baby (Name) at seven weeks" (not "lost her
# skills at")
_LOST_AT = gated(
    rf"\blost{_S}(?:him|her|them|(?:our|their|my|his|her){_S}(?:baby|son|daughter|boy|girl"
    rf"|child|twin|little{_S}one)s?(?:{_S}{_NAME})?){_S}at{_S}((?:\d{{1,2}}|one|two|three|four|five|six|seven"
    r"|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen"
    r"|nineteen|twenty)[^\S\n]+(?:days?|weeks?|months?|years?)(?:[^\S\n]+old)?)\b"
)
_SCRIPT_AGE = gated(
    rf"(?<![\u0600-\u06ff])({_URDU_NUMBER}\s+(?:سال|ماہ|مہینے))(?=\s+(?:کا|کی|کے)(?![\u0600-\u06ff]))"
    rf"|({_HINDI_NUMBER}[^\S\n]+(?:साल|वर्ष|महीने))(?=[^\S\n]+(?:का|की|के)(?![\u0900-\u097f]))"
    r"|\b(shekara[^\S\n]+(?:daya|biyu|uku|hu[dɗ]u|biyar|shida|bakwai|takwas|tara|goma|\d{1,3}))\b"
    r"|\bọmọ[^\S\n]+(ọdún[^\S\n]+(?:\d{1,3}|[mọ][\w\u0300-\u036f]*(?:-[\w\u0300-\u036f]+)?))"
)


@lru_cache(maxsize=1)
def _region_words() -> frozenset[str]:
    """Regions of one word in lower case ("kwazulu-natal"): people write them in any case."""
    return frozenset(p[0].lower() for v in regions().values() for p in v if len(p) == 1)


def unseen12_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 12's institutions, places, names and ages (the module's docstring)."""
    yield from _institutions(lex, text)
    yield from _places(lex, text)
    yield from _names(lex, text)


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _ACRONYM_AT.finditer(text):
        acronym, site = m.group(2).split()[0], m.group(2).split()[2:]
        # "at CHI at ...": a place's preposition before it outweighs a medical acronym; the
        # site is a word of no list, or two capitalised words after it ("... at Temple Street")
        named = any(not lex.plain(w) for w in site) or (m.group(1) and len(site) > 1)
        if acronym in WARDS or not named:
            continue
        if m.group(1) or acronym.lower() not in lex.medical:
            yield Span(m.start(2), m.end(2), "institution")
    acronyms: set[str] = set()
    for m in _ACRONYM_BRACKETS.finditer(text):
        acronym, words = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        # the initials spell the acronym, joiners' counted or not ("CHOP", "GOSH"), and the
        # name has an institution's head word
        all_words = words.split()
        for k in range(len(all_words)):
            tail = all_words[k:]
            named = "".join(w[0] for w in tail if w not in _JOINERS)
            joined = "".join(w[0].upper() for w in tail if w != "&")
            if acronym in (named, joined) and any(w in INSTITUTION_HEADS for w in tail):
                acronyms.add(acronym)
                yield Span(m.start(), m.end(), "institution")
                break
    for m in _VISIT_ACRONYM.finditer(text):
        if m.group(1) not in WARDS and m.group(1) not in CREDENTIALS:
            acronyms.add(m.group(1))
    for m in _DEPARTMENT_AFTER.finditer(text):
        words = [w.rstrip("'’s") if w.endswith(("'s", "’s")) else w for w in m.group(1).split()]
        if words[0] in _OPENERS or words[0] in _GENERIC or all(lex.plain(w) for w in words):
            continue
        yield Span(m.start(1), m.end(1), "institution")
    for m in _CLINICIAN_ACRONYM.finditer(text):
        if m.group(1) not in CREDENTIALS and m.group(1).lower() not in lex.medical:
            acronyms.add(m.group(1))
    for acronym in acronyms:
        for m in re.finditer(rf"(?<![\w-]){acronym}(?![\w-])", text):
            yield Span(m.start(), m.end(), "institution")
    for m in _CHILDCARE.finditer(text):
        words = m.group(1).split()
        if words[0] in _OPENERS or all(w.lower() in lex.medical for w in words):
            continue
        if len(words) > 1 or not lex.plain(words[0]):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _SCHOOL_TAIL.finditer(text):
        words = m.group(1).split()
        while words and (words[0] in _OPENERS or words[0] in INSTITUTION_HEADS):
            words = words[1:]
        if not words or all(w.lower() in lex.medical for w in words):
            continue
        if len(words) == 1 and lex.plain(words[0]):
            continue
        yield Span(m.end(1) - len(" ".join(words)) - 1, m.end(), "institution")
    for m in _WING.finditer(text):
        first = m.group(1).split()[0]
        if not lex.plain(first) and first not in _GENERIC:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _CENTRE.finditer(text):
        words = m.group(1).split()
        if words[0] in _OPENERS or any(w in _GENERIC for w in words):
            continue
        yield Span(m.start(1), m.end(), "institution")
    for m in _HEAD_SCRIPT.finditer(text):
        group = next(i for i in range(1, 4) if m.group(i))
        start = m.start(group)
        for word in re.finditer(r"\S+", m.group(group)):
            if word.group() in _SCRIPT_STOPS:  # the name starts after the last such word
                start = m.start(group) + word.end() + 1
        name = text[start : m.end(group)].split()
        if name and not all(w in _SCRIPT_GENERIC for w in name):
            yield Span(start, m.end(), "institution")
    for m in _GERMAN_SCHOOL.finditer(text):
        if m.group(1) or not lex.plain(m.group(2)):
            yield Span(m.start(), m.end(), "institution")


def _places(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _COMPASS.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(), "place")
    for m in _ISLAND.finditer(text):
        if not lex.plain(m.group(1).split()[0]):
            yield Span(m.start(1), m.end(1), "place")
    for m in _AT_IN.finditer(text):
        acronym = m.group(1)
        if acronym not in WARDS and acronym.lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "place")
    for m in _SAINT.finditer(text):
        words = m.group(1).split()
        if any(w in INSTITUTION_HEADS for w in words) or re.match(r"['’]s?\b", text[m.end(1) :]):
            continue
        if text[m.end(1) :].lstrip().startswith(tuple(INSTITUTION_HEADS)):
            continue
        yield Span(m.start(1), m.end(1), "place")
    for m in _REGION_AFTER.finditer(text):
        region = m.group(2)
        if region.lower() not in _region_words() or region.lower() in common_words():
            continue
        cued = _PLACE_CUE.search(text, max(0, m.start() - 40), m.start())
        if m.group(1) in INSTITUTION_HEADS or cued:
            yield Span(m.start(2), m.end(2), "place")
    for m in _LIVE_SCRIPT.finditer(text):
        group = next(i for i in range(1, 10) if m.group(i))
        yield Span(m.start(group), m.end(group), "place")


def _names(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _IM.finditer(text):
        name = m.group(1)
        known = (
            name in lex.lower_first_names
            or name.capitalize() in lex.first_names
            or name.capitalize() in lex.ambiguous_names
        )
        # a word in no list only before an age ("im jodie 22"; not "im pregant 20 weeks")
        if lex.plain(name) or not (known or m.group(2)):
            continue
        if name.endswith("ly") and not known:  # "im literally 19": an adverb, the age stays
            if m.group(2):
                yield Span(m.start(2), m.end(2), "age")
            continue
        yield Span(m.start(1), m.end(1), "name")
        if m.group(3):
            yield Span(m.start(3), m.end(3), "age")
    for m in _AGE_NAME.finditer(text):
        word = m.group(1)
        if word.lower() not in lex.medical and word not in lex.eponyms | eponym_words():
            yield Span(m.start(1), m.end(1), "name")
    for m in _APPOSITION.finditer(text):
        if any(not lex.plain(w) for w in m.group(1).split()):
            yield Span(m.start(1), m.end(1), "name")
    for m in _KIN.finditer(text):
        words = m.group(1).split()
        start = m.start(1)
        if words[0] in _ADDRESS and len(words) > 1:  # "Meu pai, Seu Joaquim": a title
            start, words = m.start(1) + len(words[0]) + 1, words[1:]
        if any(not lex.plain(w) for w in words):
            yield Span(start, m.end(1), "name")
    for m in _SCRIPT_KIN.finditer(text):
        group = next(i for i in range(1, 6) if m.group(i))
        name = m.group(group)
        yield Span(m.start(group), m.end(group), "name")
        for again in re.finditer(re.escape(name), text):
            yield Span(again.start(), again.end(), "name")
    for m in _LOST_AT.finditer(text):
        number, unit = m.group(1).split()[:2]
        # "lost her baby at 34 weeks": a gestational age, kept
        late = number == "twenty" or (number.isdigit() and int(number) >= 20)
        if unit.startswith("week") and late:
            continue
        yield Span(m.start(1), m.end(1), "age")
    for m in _SCRIPT_AGE.finditer(text):
        group = next(i for i in range(1, 5) if m.group(i))
        yield Span(m.start(group), m.end(group), "age")
