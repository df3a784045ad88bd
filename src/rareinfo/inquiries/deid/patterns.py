"""Regular expressions of identifying details and of the cues around them."""

from __future__ import annotations

import re

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.vocabulary import KIN, STREET

KINDS = (
    "name",
    "age",
    "date",
    "place",
    "institution",
    "email",
    "phone",
    "record_number",
    "url",
    "id",
)
POSSESSIVE = gated(r"['’]s$|(?<=s)['’]$")
PLACEHOLDER = gated(r"\[(?:" + "|".join(KINDS) + r")(?:: [^\]\n]{1,20})?\]")

# ---------------------------------------------------------------------------- patterns

_NUM_WORDS = "|".join(
    sorted(
        [
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
        ],
        key=len,
        reverse=True,
    )
)
_NUM = (
    rf"(?:\d{{1,3}}(?:\.5|\s1/2|½|\s+and\s+a\s+half)?|(?:{_NUM_WORDS})"
    r"(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?(?:\s+and\s+a\s+half)?)"
)
_UNIT = r"(?:years?|yrs?|yr|months?|mos?|mths?|weeks?|wks?|days?)"
_NOT_MEASURE = (
    r"(?![^\S\n]*(?:%|percent|mg|mcg|µg|ug|g\b|kg|lbs?\b|cm|mm|ml|mL|l\b|L\b|IU|iu|units?|u\b|U\b"
    r"|mmol|µmol|umol|nmol|pmol|ng|pg|dl|dL|/|x\b|times|points?|hours?|hrs?|h\b|minutes?"
    r"|mins?|seconds?|weeks?|wks?|days?|am\b|pm\b|°|degrees|st\b|stone|pounds|kilos|feet|ft"
    r"|inches|in\.|[.,:]\d|\d|['’\"]\s?\d|['’]\s|\+\d))"
)
EMAIL = gated(r"(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
URL = gated(
    r"\b(?:https?://|www\.)[^\s<>\"'()\[\]]+|"
    r"\b(?<![@.])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.(?:com|org|net|io|info|co\.uk|org\.uk"
    r"|blog|me|ly|app|site|online)\b(?:/[^\s<>\"'()\[\]]*)?",
    re.I,
)
HANDLE = gated(
    r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?|(?<![\w/])u/[A-Za-z0-9_-]{3,20}"
    r"|(?<![\w@.#])[A-Za-z][A-Za-z0-9_.]{1,31}#\d{4}\b"
)
PHONE = gated(
    r"(?<![\w/.,+-])(?:\+\d{1,3}[\s.-]?(?:\(\d{0,5}\)[\s.-]?)?\d{1,6}|(?:\(\d{1,5}\)[\s.-]?)?\d{2,6})"
    r"(?:[\s.-]\d{2,8}){1,5}"
    r"(?![\w/]|[.,]\d)"
    r"|(?<![\w/.,+-])\+\d{8,15}\b"
    r"|(?<![\w/.,+-])\b0\d{9,10}\b"
    r"|(?<![\w/.,+-])\(\d{3}\)\s?\d{3}[\s.-]?\d{4}\b"
    r"|(?<![\w/.,+-])[6-9]\d{9}\b(?![.,]\d)"
)
PHONE_CUE = gated(
    r"(?i)\b(?:call|phone|tel|telephone|mobile|cell|text|whatsapp|ring|fax|number|contact"
    r"|reach|tel[eé]fono|telefone|telem[oó]vel|celular|m[oó]vil|cel|fone|contacto|contato"
    r"|n[uú]mero|mob|ph)\b[^.\n]{0,25}$"
)
SSN = gated(r"\b\d{3}-\d{2}-\d{4}\b")
RECORD_CUE = gated(
    r"(?i)\b(?:MRN|medical\s+record(?:\s+(?:number|no\.?|#))?|record\s+(?:number|no\.?|#)"
    r"|hospital\s+(?:number|no\.?|#|ID)|patient\s+(?:ID|number|no\.?|#)|unit\s+number"
    r"|NHS\s+(?:number|no\.?|#)|CHI\s+(?:number|no\.?)|SSN|social\s+security(?:\s+number)?"
    r"|insurance\s+(?:number|no\.?|ID|#)|policy(?:\s+(?:number|no\.?|#))?"
    r"|member\s+(?:ID|number|no\.?|#)|subscriber\s+ID|group\s*(?:number|no\.?|#)"
    r"|NI\s+(?:number|no\.?)|national\s+insurance(?:\s+number)?|SIN|IHI|NHS\s+no"
    r"|claim(?:\s+(?:number|no\.?|#))?|case\s+(?:number|no\.?|ID|#|ref)"
    r"|reference(?!\s+(?:range|interval|value|genome|sequence))(?:\s+(?:number|no\.?))?"
    r"|ref\.?(?:\s+(?:number|no\.?))?|account\s+(?:number|no\.?)|OHIP(?:\s+number)?"
    r"|Medicare\s+(?:number|no\.?|ID|card)|Medicaid\s+(?:number|ID)|MBI|health\s+card"
    r"(?:\s+number)?|chart\s*(?:number|no\.?|#)|ID\s+(?:number|no\.?)|passport(?:\s+number)?"
    r"|licen[cs]e\s+(?:number|no\.?)|file\s+(?:number|no\.?)|(?:study|participant|subject)"
    r"\s+ID|ID|NHI|PHN|CRN|UHID(?:\s+(?:no\.?|number|#))?|DNI|RUT|CURP|CPF|RG|CUIL|CUIT|NIE|NIF"
    r"|Aadhaar(?:\s+(?:no\.?|number))?|PPSN?|NSS|NIN|PESEL|CNIC|ABHA(?:\s+ID)?"
    r"|(?:medical|health|insurance|member(?:ship)?|Medicaid|Medicare|SUS)\s+card(?:\s+(?:number|no\.?|#))?"
    r"|card\s+(?:number|no\.?|#)|afiliad[oa]|n[úu]mero\s+de\s+afiliad[oa]|carteirinha|autogenerado|NHC"
    r"|matr[íi]cula|(?:member|insurance|policy)\s+ID|(?:Medicare|Medicaid|insurance|policy|patient"
    r"|account|ID|case|file|chart|MRN|NHS|health\s+card)\s*#|(?:IP|OP|CR|MR|UH|IPD|OPD)\s*(?:no\.?|number|#)"
    r"|reg(?:istration)?\.?\s+(?:no\.?|number|#)|member\s*#|hospital\s*#|[Nn]o\.\s+de\s+"
    r"(?:expediente|historia)|expediente|historia\s+cl[ií]nica|prontu[aá]rio"
    # national and health-card schemes named bare: "RAMQ: THIM ...", "My CHI is ..."
    r"|RAMQ|PhilHealth(?:\s+(?:no\.?|number|ID))?|CHI(?=\s*(?:is|:|no|number|#))|NUSS|NSS"
    r"|folder(?:\s+(?:no\.?|number))?|tarjeta\s+de\s+identidad|c[ée]dula(?:\s+de\s+ciudadan[íi]a)?"
    r"|(?:n[úu]mero\s+de\s+)?seguridad\s+social|n[úu]mero\s+de\s+utente|utente|HSN"
    r"|health\s+services?\s+number"
    # national ids and health cards of other countries, named bare: "Her NIC is ...",
    # "NHIF number ...", "Tarjeta sanitaria ...", a support ticket
    r"|NIC|NID|NHIF|NHIS|NIDA|BVN|BSN|CPR|Iqama|Emirates\s+ID|personnummer|tarjeta\s+sanitaria"
    r"|tarjeta\s+de\s+salud|TSI|tessera\s+sanitaria|codice\s+fiscale|carte\s+vitale"
    r"|num[ée]ro\s+de\s+s[ée]curit[ée]\s+sociale|cart[aã]o\s+(?:SUS|do\s+SUS|de\s+sa[uú]de)"
    r"|ticket(?:\s+(?:number|no\.?|#|ID))?"
    # any scheme named by its acronym and "number": "Her HMC number is 3456789"
    r"|(?-i:[A-Z]{2,6})\s+(?:number|no\.|#))(?:(?<=#)|(?![\w]))"
)
RECORD_VALUE = gated(
    r"#?(?:[A-Z]{1,4}[ -](?=\d))?(?=[A-Za-z0-9/.-]*\d)[A-Za-z0-9](?:[A-Za-z0-9/.-]*[A-Za-z0-9])?"
    r"(?:[ -]\d[\dA-Z-]*)*"
)
PUBLIC_ID = gated(  # "HP" before an inward code is a UK postcode ("HP20 0ZZ"), no HPO term
    r"\bNCT\d{8}\b|\b(?:OMIM|MIM|ORPHA|Orphanet|ORPHANET|HP(?![1-9]\d?\s\d[A-Z]{2}\b)|MONDO|GARD|DOID|PMID|PMCID"
    r"|DECIPHER|HGNC|ClinVar|VCV|RCV|EudraCT|ISRCTN|CTRI|ACTRN)[:\s#]?\s?[\d-]+\b"
    r"|\brs\d+\b|\b[cgpmnr]\.[\w>*_+()-]*\d[\w>*_+()-]*(?![\w.+-]*@)|\b4[5-9],\s?X+Y*\b"
    r"|\b(?:\d{1,2}|X|Y)[pq]\d+(?:\.\d+)?\b|\bt\(\d+;\d+\)|\b\d{1,2};\d{1,2}\b"
)
# month names in the languages of the sets (also read by later rounds)
MONTH_RE = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?"
    r"|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
    r"|novembre|décembre|decembre|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
    r"|septiembre|octubre|noviembre|diciembre|Januar|Februar|März|Juni|Juli|Oktober"
    r"|Dezember|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|janeiro|fevereiro|março|marco|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|ene|abr|dic|fev|dez)\.?"
)
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th|er)?"
_YEAR = r"(?:19\d{2}|20\d{2})"
_WEEKDAY = (
    r"(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|sday|nesday|rsday|urday)?\.?"
    r"|(?:lunes|martes|miércoles|jueves|viernes|sábado|domingo|segunda|terça|quarta|quinta"
    r"|sexta)(?:-feira)?"
    # e-mail headers abbreviate them: "lun, 3 nov 2025", "qua., 12/11/2025"
    r"|(?:lun|mié|mie|jue|vie|sáb|sab|seg|ter|qua|qui|sex)\."
    r"|(?:lun|mié|jue|vie|sáb|seg|qua|qui)(?=,)"
)
_WEEKDAY = f"(?:{_WEEKDAY})"
WEEKDAY_RE = _WEEKDAY  # read by round 35 (a weekday before a date)
DATES = (
    gated(
        rf"(?i)\b{_DAY}[\s-]+(?:of\s+|de\s+)?{MONTH_RE}(?:(?:,?\s+|-)(?:de\s+)?{_YEAR})?\b"
    ),
    gated(rf"\b(?:{MONTH_RE})\s+{_DAY}(?:,?\s+{_YEAR})?\b(?!\s*(?:mg|%|kg|g\b))"),
    gated(rf"(?i)\b{MONTH_RE},?\s+(?:of\s+|de\s+|del\s+)?{_YEAR}\b"),
    gated(r"\b\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})\b(?![/.-]?\d)"),
    gated(rf"\b{_YEAR}[/.-]\d{{1,2}}[/.-]\d{{1,2}}\b"),
    gated(rf"\b(?:0?[1-9]|1[0-2])/{_YEAR}\b"),
    # a weekday first, as e-mail headers write it: "Tue, Nov 4, 2025", "Monday, 17 November"
    gated(
        rf"(?i)\b{_WEEKDAY},?\s+(?:{_DAY}[\s-]+(?:of\s+|de\s+)?{MONTH_RE}|{MONTH_RE}\s+{_DAY})"
        rf"(?:,?\s+{_YEAR})?\b"
    ),
    gated(rf"\b{MONTH_RE}\s+['’]\d{{2}}\b"),  # "Oct '22"
    # e-mail headers in Portuguese and Spanish: "seg., 6 de out. de 2025"
    gated(
        rf"(?i)(?:\b{_WEEKDAY},?\s+)?\b{_DAY}\s+de\s+(?:jan|fev|mar|abr|mai|jun|jul|ago|set|out"
        rf"|nov|dez|ene|dic|sept?|oct)\.?\s+de\s+{_YEAR}\b"
    ),
    # a day of an Islamic or Hebrew month: "27 Ramadan", "3 Shawwal 1446", "15 Nisan"
    gated(
        rf"\b{_DAY}\s+(?:of\s+)?(?:Ramadan|Ramadhan|Ramzan|Shawwal|Muharram|Rajab|Sha['’]?ban"
        r"|Dhu?['’]?l[-\s]?(?:Hijjah|Hijja|Qa['’]?dah)|Rabi['’]?\s+al-?\w+|Jumada\s+al-?\w+|Tishrei"
        r"|Cheshvan|Kislev|Tevet|Shevat|Nisan|Iyar|Sivan|Tammuz|Elul)\b(?:\s+\d{4}\b)?"
    ),
    gated(rf"(?i)\b{_WEEKDAY},?\s+\d{{1,2}}([/.-])\d{{1,2}}\1(?:\d{{4}}|\d{{2}})\b"),
    gated(
        r"\b(?:(?:last|next|this|early|late|mid-?|the\s+end\s+of|end\s+of)\s+)"
        r"(?:January|February|March|April|May|June|July|August|September|October|November"
        r"|December)\b"
    ),
    gated(
        r"\b(?:in|In|since|Since|until|till|from|during|by|on|before|after|of)\s"
        r"(?P<d>January|February|March|April|May|June|July|August|September|October|November"
        r"|December)\b(?!\s+\d)"
    ),
)
YEAR_CONTEXT = gated(
    rf"(?i)\b(?:in|since|born|from|until|till|by|during|before|after|around|circa|c\.|year"
    rf"|DOB|d\.o\.b\.?|b\.|early|late|mid|mid-|summer|winter|spring|autumn|fall|christmas"
    rf"|easter|end\s+of|back\s+in|of|between|and|to|diagnosed|died|passed|dx|dx'd)[\s:]+"
    rf"(?:early\s+|late\s+|mid-?)?({_YEAR}(?:\s*[-–]\s*{_YEAR})?)\b{_NOT_MEASURE}"
)
AGE_I_AM = gated(
    rf"(?i)\b(?:im|i\s+am|i['’]m)\s+(?:now\s+|only\s+|just\s+)?({_NUM})\b{_NOT_MEASURE}"
)
AGE_PIECE = gated(rf"(?i){_NUM}(?:\s*(?:{_UNIT}|yo|y|m)\b(?:\s*old)?)?")
AGE_PATTERNS = (
    gated(rf"(?i)\b{_NUM}\s*[- ]?\s*{_UNIT}[\s-]*old\b"),
    gated(rf"(?i)\b{_NUM}\s*(?:yo|y/o|y\.o\.?|yrs?|yr|mo|mos|m/o|mths?)(?![\w/])"),
    gated(
        r"(?<![\w.-])\d{1,3}\s?[MF]\b"
        r"(?=\s*[,;:)]|\s+(?:with|who|presents|presenting|patient|pt|here|and|from|living"
        r"|in|w)\b|\s*$)"
    ),
    gated(
        r"(?i)(?<=\bin\s)(?:his|her|their|my|our|your)\s+(?:early\s+|mid\s+|late\s+)?"
        r"((?:[1-9]\d|1\d\d)['’]?s)\b"
    ),
)
AGE_CUE = gated(
    rf"(?i)\b(?:aged|age|ages|at\s+age|at\s+the\s+age\s+of|age\s+of|aged\s+about)(?:\s*:)?\s+"
    rf"({_NUM}(?:\s*{_UNIT})?(?:\s*(?:,|and|&|to|or|-)\s*{_NUM}(?:\s*{_UNIT})?)*)\b{_NOT_MEASURE}"
)
AGE_AT = gated(
    rf"(?i)\b(?:at|until|till)\s+({_NUM}(?:\s*(?:years?|yrs?|months?|mos?))?"
    rf"(?:\s*(?:,|and|&|or)\s*{_NUM}(?:\s*(?:years?|yrs?|months?))?)*)\b{_NOT_MEASURE}"
    r"(?!\s*(?:of|percent|per|o'clock))"
)
AGE_SUBJECT = gated(
    rf"(?i)\b(?:I|he|she|they|we|you|[\w'’-]+)\)?(?:,(?=\s+(?:is|was)\b))?\s*(?:is|'s|’s|was|are"
    rf"|am|'m|’m|were|turned"
    rf"|turns|will\s+be|has\s+just\s+turned|just\s+turned|now)\s+(?:now\s+|just\s+|only\s+"
    rf"|almost\s+|nearly\s+|about\s+|around\s+|currently\s+|turning\s+|both\s+)?"
    rf"({_NUM}(?:\s*(?:years?|yrs?|months?|mos?)(?:\s*old)?)?"
    rf"(?:\s*(?:,|and|&)\s*{_NUM}(?:\s*(?:years?|months?))?)*)\b{_NOT_MEASURE}"
)
NUMBER_WORD = gated(_NUM_WORDS)
AGE_PAREN = gated(
    rf"(?<=[\w'’\]])\s*\(\s*(?:both\s+|all\s+|aged?\s+|now\s+)?"
    rf"({_NUM}(?:\s*(?:y|yo|yrs?|years?|m|months?|weeks?|wks?|days?))?"
    rf"(?:\s*(?:,|and|&|,\s*and)\s*{_NUM}(?=\s*(?:,|and|&|\))))*)\s*[,;)]"
)
# "(turned 7 on Diwali)", "(now 12)"
AGE_TURNED = gated(
    rf"(?i)\(\s*(?:turned|turning|now|aged?|just\s+turned)\s+({_NUM}(?:\s*{_UNIT})?)\b{_NOT_MEASURE}"
)
# Spanish and Portuguese "tengo 19", "tem 5" (a number of years, not of anything else)
AGE_HAVE = gated(
    rf"(?i)\b(?:tengo|tiene|tienen|tenho|tem|cumpli[óo]|cumple|fez|faz|completó)\s+({_NUM})"
    r"(?=\s+(?:y|e|and|,)\s|\s*[,.;)!?]|\s*$)"
)
AGE_COMMA = gated(
    rf"(?<=[\w'’\])]),\s*(?:now\s+|aged\s+|age\s+)?({_NUM}(?:\s*(?:years?|yrs?|months?)(?:\s*old)?)?"
    r"(?:\s*(?:,|,?\s+and)\s*\d{1,2}(?=\s*(?:,|and\b|[.;)]|$)))*)"
    r"\s*(?=[,;.)]|\s+and\b|\s+[-–—]\s|[^\S\n]*(?:\n|$))"
)
ADDRESS = gated(
    rf"\b(?:(?:Flat|Apt|Apartment|Unit|Suite)\.?\s*#?\w+,?\s+)?"
    rf"\d{{1,5}}[A-Za-z]?(?:[-–]\d{{1,5}}[A-Za-z]?)?,?\s+"
    rf"(?:(?:[A-Z]|\d{{1,4}}(?:st|nd|rd|th)\b)[\w'’.-]*\s+){{1,3}}"
    rf"(?:{STREET})\b\.?"
    r"(?:\s+(?:N|S|E|W|NE|NW|SE|SW)\b\.?)?"
    r"(?:,?\s*(?:Apt|Apartment|Unit|Suite|Flat)\.?\s*#?\w+)?"
    r"|\b(?:Flat|Apt|Apartment|Unit)\s+\d+\w?\b|\bP\.?\s?O\.?\s+Box\s+\d+\b"
    # North American rural routes: "RR 3", "R.R. #2", "Rural Route 5"
    r"|\b(?:RR|R\.R\.|Rural\s+Route)\s*#?\d{1,3}\b"
    r"|\b(?:Plot|Sector|House|H\.\s?No\.?|Door|Block|Ward|Gali|Lane)\s+(?:No\.?\s*)?\d+[A-Z]?\b"
    # a Nigerian estate or layout after a plot: "Plot 14, Gwarinpa Estate"
    r"(?:,?\s+(?:[A-Z][\w'’-]+\s+){1,2}(?:Estate|Layout|Close|Crescent)\b)?"
    # Colombian addresses: "Calle 67 No. 53-108", "Cra. 7 # 40-62"
    r"|\b(?:Calle|Carrera|Cra|Cl|Avenida|Av|Transversal|Diagonal|Tv|Dg)\.?\s+\d{1,3}[A-Z]?"
    r"(?:\s+(?:Bis|Sur))?\s*(?:No\.?|N[°º]|#)\s*\d{1,3}[A-Z]?\s*-\s*\d{1,3}\b"
    # Spanish and Portuguese: "Rua das Flores, 123", "Calle Mayor 5", "Av. Brasil nº 40"
    r"|\b(?:Rua|Avenida|Av\.|Calle|Carrera|Jirón|Jr\.|Pasaje|Travessa|Praça|Plaza|Alameda"
    r"|Rodovia|Estrada|Camino|Callejón|Paseo|Passeig|Carrer)\s+(?:[\w'’.-]+\s+){0,4}?"
    r"[\w'’.-]+,?\s*(?:n[º°o]\.?\s*)?\d{1,5}[A-Za-z]?\b"
)
ZIP = gated(r"\b([A-Za-z]{2})\s+(\d{5}(?:-\d{4})?)\b")
ZIP_CUE = gated(
    r"(?i)\b(?:zip(?:\s*code)?|post\s*code|postal\s+code|eircode|pin\s*code|pincode"
    r"|c[óo]digo\s+postal|(?-i:PIN|C\.\s?P\.|CP|CEP))(?![\w])[\s:#.]*(?:is\s+)?"
    r"(?=[A-Z0-9 -]{0,8}\d)([A-Z0-9][A-Z0-9 -]{2,8}[A-Z0-9])\b"
)
POSTCODE = gated(
    r"\b(?:[A-Z]{1,2}\d[A-Z\d]?\s\d[A-Z]{2}|GIR\s0AA)\b|\b[A-Z]\d[A-Z]\s\d[A-Z]\d\b"
    # Irish Eircodes: "H53 K2X7", "D6W 1234" (letters and digits mixed in the second half)
    r"|\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W)\s?(?=[0-9AC-FHKNPRTV-Y]{0,3}[AC-FHKNPRTV-Y])"
    r"(?=[0-9AC-FHKNPRTV-Y]{0,3}\d)[0-9AC-FHKNPRTV-Y]{4}\b"
    # Portuguese "3500-075" and Argentine "X5000" / "C1425DKF" codes after a town
    r"|(?<=, )\d{4}-\d{3}\b(?![-\d])|(?<=\()[A-HJ-NP-Z]\d{4}(?:[A-Z]{3})?(?=\))"
    r"|(?<=, )[A-HJ-NP-Z]\d{4}[A-Z]{3}\b"
)
# An administrative area with its word: "Región de Los Lagos", "Província de Cádiz".
AREA = gated(
    r"\b(?:Regi[óo]n|Regi[ãa]o|Provincia|Província|Departamento|Estado|Municipio|Município"
    r"|Distrito|Comunidad|Comuna|Cant[óo]n|Parroquia|Concelho|Freguesia)\s+"
    r"(?:(?:de|del|da|do|dos|das)\s+)?(?:(?:[Ll]os|[Ll]as|[Ll]a|[Ee]l|[Ll]o)\s+)?"
    r"[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)?"
)
PLACE_CUE = gated(
    r"(?i)\b(?:live|lives|living|lived|based|located|settled|resident|residing|grew\s+up"
    r"|stay|staying|raised)\s+(?:in|near|outside(?:\s+of)?|around|just\s+outside(?:\s+of)?)\s+"
    r"|\b(?:from|near|outside\s+of|outside|here\s+in|moved\s+to|moving\s+to|move\s+to"
    r"|relocated\s+to|town\s+of|city\s+of|village\s+of|area\s+of|suburb\s+of|writing\s+from"
    r"|hello\s+from|greetings\s+from|hi\s+from|born\s+in|to|vivimos\s+en|vivo\s+en"
    r"|viven?\s+en|somos\s+de|soy\s+de|desde|moramos\s+em|moro\s+em|mora\s+em|somos\s+de"
    r"|sou\s+d[eoa]s?|somos\s+d[oa]s?|soy\s+del|en|em|à|au|aux|out\s+past|(?:north|south|east|west)\s+of|(?:hours?|km|miles|minutes)"
    r"\s+(?:from|outside(?:\s+of)?)|comunidad(?:\s+(?:nativa|campesina|ind[íi]gena))?"
    r"|distrito\s+de|provincia\s+de|municipio\s+de|ciudad\s+de|cidade\s+de|barrio|colonia"
    r"|bairro|pueblo\s+de|habite\s+à|habitons\s+à|vivons\s+à|vit\s+à|abito\s+a|viviamo\s+a"
    # going or coming: "ir a Madrid", "veio dos Açores", "viemos de"
    r"|(?:ir|voy|vamos|viajar|viajamos|mudarnos|trasladarnos|fui|fuimos)\s+a"
    r"|(?:ir|vou|vamos|viajar|mudar|fui|fomos)\s+(?:para|a)"
    r"|(?:vino|vinieron|viene|vienen|veio|vieram|vem|vêm|viemos|vinimos)\s+(?:de|del|d[oa]s?)"
    r"|natural\s+(?:de|d[oa]s?))\s+"
)
SAINT = gated(
    r"\b(?:St\.?|Saint)\s+[A-Z][a-z]+(?:['’]s|s['’])(?:\s+(?:Wood|Green|Park|Hill|Heath|Cross|Vale"
    r"|Bay|Town|Square|Common|Place|Primary|Elementary|High|Secondary|Infants|Junior))?"
    r"(?:\s+[A-Z]{2,5}\b(?![-'’]?\d))?(?=\W|$)"
    r"|\b(?:st\.?|saint)\s+[a-z]+['’]s(?=\W|$)"
)
AT = gated(r"\b(?:at|At)\s+(?:the\s+)?(?=[A-Z])")
STATE_UNIVERSITY = gated(
    r"\b(?:at|At|from|attends?|attended)\s+([A-Z][a-z]+\s+State)\b(?!\s+of)"
)
COUNTY = gated(
    r"\b(?:[A-Z][\w'’-]+\s){1,2}(?:County|Township|Parish|Borough|Shire)\b"
    r"|\b(?:County|Co\.)\s+[A-Z][\w'’-]+"  # Irish counties: "County Down", "Co. Galway"
    # places named by what they are: "Tangier Island", "Palm Springs", "Sioux Falls"
    r"|\b(?:[A-Z][\w'’-]+\s){1,2}(?:Island|Islands|Isle|Beach|Falls|Springs|Heights|Creek"
    r"|Harbou?r|Valley|Bay|Hills)\b(?!\s+(?:disease|syndrome|fever|virus|Hospital|Clinic"
    r"|Medical|Health|University|School|College|Children))"
)
SIGNOFF = gated(
    r"(?i)(?:^|[\n.!?]\s*|,\s*)(?:many\s+thanks|thanks\s+(?:so\s+much|again|in\s+advance)"
    r"|thx|thnx|thanx|ty|tia|thank\s+u|thankyou"
    r"|thank\s+you(?:\s+(?:so\s+much|again|in\s+advance))?|thanks|best\s+wishes|best\s+regards"
    r"|kind\s+regards|warm\s+regards|warmest\s+regards|regards|sincerely|yours\s+sincerely"
    r"|yours\s+faithfully|yours\s+truly|cheers|love|with\s+thanks|god\s+bless|respectfully"
    r"|take\s+care|all\s+the\s+best|best|gratefully|warmly|blessings|x+"
    # Spanish, Portuguese, French and Italian: "Saludos,", "bjs", "Atte.", "Cordialement"
    r"|saludos|un\s+abrazo|abrazos?|besos|atentamente|atte|cordialmente|muchas\s+gracias"
    r"|gracias|bjs|bj|beijos?|abraços?|abs|att|atenciosamente|obrigad[oa]|cordialement"
    r"|bisous|merci|grazie|saluti|cordiali\s+saluti|un\s+saludo|saludos\s+cordiales"
    # Tagalog, Hindi/Urdu and Swahili thanks: "Salamat po, Lola Cora"
    r"|(?:maraming\s+)?salamat(?:\s+po)?|dhanyavaad|dhanyavad|shukriya|asante(?:\s+sana)?)"
    r"\s*[,.!:-]?\s*(?:\n\s*|\s+)"
    r"(?=\S)"
)
CREDENTIAL = gated(
    r",?\s+(?:MD|M\.D\.|PhD|Ph\.D\.|MBBS|MBChB|FRCP\w*|FRACP|RN|NP|PA-C|CGC|MSc|MPH"
    r"|DNP|APRN|BSN|FAAP|FACMG|PHN|RGN|RNP|CNS|CNM|GP)\b"
)
WORD_BEFORE = gated(r"([\w'’-]+|\])\s*$")
AFTER_GREETING = gated(r"\s*[,!\n]")
AFTER_LOWER_INTRO = gated(
    r"\s*(?:[,(—–-]|$|\s(?:from|here|btw|and\s+i|i\s+am|i['’]m|mum|mom|mother|father|dad|again|tengo|tenho"
    r"|y\s+tengo|e\s+tenho)\b)"
)
AFTER_INTRO = gated(
    r"\s*(?:[,(—–-]|$|\s(?:from|here|btw|again|and|mum|mom|mother|father|dad|a|an|the|tengo"
    r"|tenho|i|i['’]m|im|aged?)\b)"
)
AFTER_SIGNATURE = gated(r"\s*(?:[,\n(]|$)")
LAST_LINE = gated(r"(?:[.!?]\s+|\n\s*|^)([^\n.!?]{1,80})[.!]?\s*$")
DASHES = gated(r"[—–-]+\s*")
DASH = gated(r"(?:^|\s)(?:—|–|--|-)\s*(?=[A-Z])")
LINE_DASH = gated(r"(?m)^\s*(?:—|–|--)\s*(?=[A-Za-z])")
INTRO = gated(
    r"(?i)\b(?:my\s+name\s+is|my\s+name['’]?s|(?:['’]s|his|her|their)\s+name\s+is"
    r"|name\s*[:\-–—]|(?:mi\s+)?nombre\s*:|nome\s*:|i\s+am|i['’]m|im|this\s+is|it['’]s"
    r"|signed|called|named|known\s+as|goes\s+by|its|soy|me\s+llamo|mi\s+nombre\s+es|sou"
    r"|eu\s+sou|meu\s+nome\s+é|me\s+chamo|je\s+suis|je\s+m['’]appelle"
    r"|(?:we|they|i|everyone|people)\s+call\s+(?:him|her|them|me))\s+"
)
DEAR = gated(
    r"\b(?:Dear|Hi|Hello|Hey|Dearest|Hola|Ol[áa]|Oi|Bonjour|Querid[oa]|Estimad[oa]|Prezad[oa]"
    r"|Car[oa])\s+"
)
HERE = gated(
    r"(?:^|[.!?,:]\s*|\n\s*|\b(?:hi|hello|hey|hiya|grandma|grandpa|granny|nana|nan|gran|mum|mom"
    r"|dad|aunt|auntie|uncle)\s+)([^\W\d_][\w'’-]*)\s+here\b(?!\s+in\b)",
    re.I,
)
FAMILY = gated(r"\b(?:the\s+)?([A-Z][\w'’-]+)\s+(?:family|household|twins)\b")
KIN_CUE = gated(
    # "ma": Scots and Caribbean English "ma wee boy"
    r"(?i)\b(?:my|ma|our|his|her|their|your|the|a|an|of)\s+"
    r"(?:(?:late|little|lil['’]?|wee|baby|youngest|oldest|eldest|older|younger|big|twin|only|adopted|foster"
    r"|beloved|dear|darling|beautiful|precious|sweet|first|second|third|middle|new|\d{1,2}"
    r"[- ](?:year|month)[- ]old|[\w-]+-old|grown|adult|teenage|teen|newborn|infant)\s+)*"
    r"(?:great[- ](?:great[- ])?)?(?:"
    + "|".join(sorted((k.replace("-", r"\-") for k in KIN), key=len, reverse=True))
    + r")(?:\s*,)?\s+(?:(?:is\s+)?(?:named|called)\s+)?"
)
AGE_AS_KIN = gated(
    r"(?i)\b(?:my|our)\s+(?:\d{1,2}|[a-z]+)[\s-]*(?:yrs?|years?|months?|mos?)[\s-]*old\s*,?\s+"
    r"|(?i:\b(?:my|our)\s+(?:youngest|eldest|oldest|middle\s+one|little\s+one|baby)\s*,?\s*)"
    # a newborn by the family name: "Baby boy Okonkwo", "baby of Mensah", "B/O Sharma"
    r"|(?i:\bbaby\s+(?:boy|girl)|\bbaby\s+of|\bb/o)\s+(?=[A-Z])"
    r"|\bBaby\s+(?=[A-ZÀ-Þ][a-zà-ÿ])"  # "Baby Oisín was born": a title here
    # Tagalog marks a person's name with "si": "anak ko si Angel"
    r"|(?i:\b(?:ko|ako|kami|namin|siya|anak|po|ang)\s+si\s+)(?=[A-Z])"
)
# Children listed by name and age in Spanish or Portuguese: "2 hijos yeison de 14 y dayana
# de 10", "filhos: Ana de 7 e Rui de 4".
KIDS_IBERIAN = gated(
    r"(?i)\b(?:hij[oa]s|niñ[oa]s|niet[oa]s|nenes|filh[oa]s|net[oa]s|crianças)\s*:?\s+"
    r"((?:[^\W\d_]+\s+de\s+\d{1,2}(?:\s+(?:años|anos|meses))?(?:\s*,\s*|\s+y\s+|\s+e\s+)?){1,6})"
)
KID_IBERIAN = gated(r"([^\W\d_]+)\s+de\s+(\d{1,2})\b")
# Someone named after a word for who they are: "my students, Chebet, ...", "A kindergartner,
# Ava-Grace, has".
PERSON_APPOSITION = gated(
    r"(?i:\b(?:students?|pupils?|kindergartner|preschooler|patients?|clients?|alumn[oa]s?"
    r"|paciente|learners?|boy|girl|toddler|teenager|trainee|proband|index\s+(?:case|patient)"
    r"|infant|baby|newborn)),\s+"
    r"([A-ZÀ-Þ][a-zà-ÿ][\w'’-]*)(?=,)"
)
# Kin words in Spanish and Portuguese: "mi hijo X", "minha filha X", "mamá de X".
KIN_CUE_IBERIAN = gated(
    r"(?i)\b(?:mi|mis|nuestr[oa]s?|su|sus|meu|minha|meus|minhas|noss[oa]s?)\s+"
    r"(?:hij[oa]s?|espos[oa]|marido|mujer|madre|padre|mamá|papá|herman[oa]s?|abuel[oa]"
    r"|niet[oa]|sobrin[oa]|prim[oa]|tío|tía|beb[ée]|filh[oa]s?|mãe|pai|irmão|irmã|avó|avô"
    r"|net[oa]|mulher|sobrinh[oa]|pequeñ[oa]|amig[oa])\s+"
    r"(?:(?:se\s+llama|se\s+chama|llamad[oa]|chamad[oa]|que\s+se\s+llama)\s+)?"
    r"|(?i:\b(?:mon|ma|mes|notre|nos)\s+(?:fils|fille|mari|femme|frère|sœur|soeur|père|mère"
    r"|petit-fils|petite-fille|enfant|bébé|conjoint|conjointe)\s+)"
    r"|(?i:\b(?:mamá|mama|madre|papá|padre|mãe|pai|abuel[oa]|avó|avô)\s+(?:de|do|da)\s+)"
)
# A name then who the person is: "Dawn (my partner)", "Rahul, my brother".
APPOSITION = gated(
    r"\b([A-Z][\w'’-]+)\s*(?:\(|,)\s*(?:my|our|his|her|their|the)\s+(?:"
    + "|".join(sorted(KIN, key=len, reverse=True))
    + r")\b"
)
# "Harper's mum", "Jack's dad": a name before a kin word.
POSSESSIVE_KIN = gated(
    r"\b([A-Z][\w-]+)['’]s\s+(?:mum|mom|mother|dad|father|sister|brother|son|daughter"
    r"|wife|husband|grandma|grandpa|nan|nana|carer|teacher|school|nurse|doctor|twin)\b"
)
# Lists of relatives: "Parents are Darren and Shania", "kids: Ava, Mia".
KIN_LIST = gated(
    r"(?i)\b(?:parents|kids|children|twins|sons|daughters|grandchildren|grandkids|siblings"
    r"|names)\s*(?:are|were|:|,)?\s+(?=[A-ZÀ-Þ])"
)
# Headers of quoted replies and forwards: "On Tue, April Moreno wrote:", "From: X".
QUOTE_HEADER = gated(
    r"(?m)^[>\s]*On\s[^\n]{0,60}?,?\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+"
    r"(?:<[^>\n]*>\s*)?wrote:"
    r"|(?m:^[>\s]*(?:From|To|Cc|De|Para|Von)\s*:\s*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*))"
    r"|(?m:^[>\s]*((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s+(?:<[^>\n]*>\s*)?"
    r"(?:wrote|escreveu|escribió|a\s+écrit|schrieb)\s*:)"
)
# A nickname in quotes and brackets: 'Charlotte ("Lottie")'.
NICKNAME = gated(r"\(\s*[\"“'‘]([A-Z][\w'’-]+)[\"”'’]\s*\)")
# A list line: "- Rocky (12)", "* Autumn 10", "2) Noah, 5 - MRI normal".
LIST_ITEM = gated(
    r"(?m)^[>\s]*(?:[-*•·–]|\d{1,2}[.)])\s*([A-Z][\w'’-]+)"
    r"(?=\s*\(\s*\d|(?:,|\s+[-–—:])?\s+\d{1,2}\b(?!\s*(?:%|mg)))"
)
# "me (Faith, 38)": a name then an age inside brackets.
NAME_AGE_BRACKET = gated(r"\(\s*([A-Z][\w'’-]+)\s*,\s*\d{1,2}\s*\)")
# "Lalitha (24), UHID ...": a word then an age alone in brackets.
NAME_BEFORE_AGE = gated(
    r"\b([A-ZÀ-Þ][a-zà-ÿ][\w'’-]*)\s*\(\s*\d{1,2}\s*(?:y|yo|yrs?|years?|m|mo|months?)?\s*\)(?!\s*\d)"
)
# Three initials with full stops: "Temos a M.J.S., de 16 anos".
THREE_INITIALS = gated(r"(?<![\w.])(?!U\.S\.A\.)(?:[A-Z]\.){3}(?![\w.])")
# An initial and a surname: "K. Naidoo", "D. Mthembu".
INITIAL_SURNAME = gated(
    r"(?<![\w.])(?<![^\W\d_] )([A-Z]\.\s?[A-Z][a-zà-ÿ'’]+(?:-[A-Z][a-zà-ÿ]+)?)\b(?!\.\w)"
)
SUBJECT = gated(r"(?im)^[>\s]*(?:re|fwd?|subject|asunto|cc|bcc)\s*:\s*")
KIN_OF = gated(
    r"(?i)\b(?:mum|mom|mother|father|dad|parent|parents|grandmother|grandfather|grandma"
    r"|grandpa|carer|guardian|aunt|uncle|sister|brother|wife|husband)\s+(?:of|to)\s+"
)
TITLE = gated(
    r"\b(?:Dr|DR|dr|Doctor|Prof|Professor|Mr|MR|Mrs|MRS|Ms|MS|Miss|Mx|Nurse|Sister|Rev"
    r"|Reverend|Sir|Dame|Lady|Lord|Aunt|Auntie|Aunty|Uncle|Grandpa|Grandma|Granny|Nana|Nanna"
    r"|Papa|Pastor|Father|Fr|Rabbi|Imam|Dra|Sr|Sra|Srta|Lic|Licda|Dña|Dona|Doña|Mme|Mlle"
    r"|Herr|Frau|mrs|mr|ms|dona|Dom|Don|Mommy|Mummy|Daddy|Tito|Tita|Lolo|Lola|Seu|Tia|Tio"
    r"|Kuya|Ate|doctora|Doctora|doutora|Doutora|doutor|Doutor)\.?\s+"
)
# A phone extension: "ext. 204", "x 15".
EXTENSION = gated(
    r"(?i)\s*(?:,\s*)?(?:ext|extn|extension|x|int|interno|ramal|anexo|poste)\.?\s?(\d{1,5})\b"
)
# Narrower than a decade: "late forties", "mid-thirties", "early 20s".
AGE_PART_OF_DECADE = gated(
    r"(?i)\b(?:early|mid|late)[\s-]*(?:teens|twenties|thirties|forties|fifties|sixties"
    r"|seventies|eighties|nineties|[1-9]0['’]?s)\b"
)
# "2y 4m", "3y5m": years and months together.
AGE_YEARS_MONTHS = gated(r"(?i)\b\d{1,2}\s?y(?:rs?)?\s*\d{1,2}\s?m(?:o|os|ths?|onths?)?\b")
# Spanish and Portuguese: "45 años", "3 años y medio", "8 anos", "18 meses".
AGE_IBERIAN = gated(
    rf"(?i)\b(?:{_NUM}|un|una|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce"
    r"|um|uma|dois|duas|três|quatro|sete|oito|nove|dez|onze|doze)\s+(?:años|anos|añitos|aninhos|meses|mesecitos|saal|sal|varsh|mahine|mahina"
    rf"|ans|mois|taon|taong\s+gulang|buwan)"
    r"(?:\s+(?:y|e)\s+(?:medio|meio))?(?!\w)"
)
# "murió a los 44", "desde os 38": a number of years after "a los"/"aos"/"aos"/"à l'âge de".
AGE_A_LOS = gated(
    rf"(?i)\b(?:a\s+los|aos|à\s+l['’]âge\s+de|a\s+la\s+edad\s+de|com\s+idade\s+de)"
    rf"\s+({_NUM})\b(?!\s*(?:%|mg|kg|cm|mmol|semanas|weeks|días|dias|horas|minutos|veces|vezes|"
    r"dosis|doses|años\s+de\s+(?:tratamiento|edad)|[/.,]\d))"
)
AGO_IBERIAN = gated(r"(?i)\b(?:hace|há|faz|desde\s+hace|durante|por)\s+$")
# "hes 16", "she's only 9", "they're 18 months".
AGE_CONTRACTED = gated(
    rf"(?i)\b(?:hes|shes|he['’]s|she['’]s|they['’]re|theyre|we['’]re|i['’]m|im|ur"
    rf"|(?:he|she|they|i|we)['’]ll\s+be|(?:he|she|they|i|we)\s+will\s+be)\s+"
    rf"(?:now\s+|only\s+|just\s+|almost\s+|nearly\s+|about\s+|turning\s+)?"
    rf"({_NUM}(?:\s*(?:years?|yrs?|months?|mos?|weeks?|wks?)(?:\s*old)?)?"
    rf"(?:\s*(?:,|and|&)\s*{_NUM}(?:\s*(?:years?|months?))?)*)\b{_NOT_MEASURE}"
)
# "a toddler of 2", "a boy of 7".
AGE_OF = gated(
    rf"(?i)\b(?:toddler|child|boy|girl|baby|infant|kid|lad|lass|man|woman)\s+of\s+({_NUM})\b"
    rf"{_NOT_MEASURE}"
)
# A treatment, not a symptom, before "since": "on deflazacort since age 5".
SINCE_TREATMENT = gated(
    r"(?i)\b(?:on|taking|takes|receiving|getting|using)\s+[\w-]+\s+since\s+"
    r"(?:(?:the\s+)?age\s+(?:of\s+)?|(?:he|she|they|i)\s+(?:was|were)\s+)?$"
)
# The family by its name: "The Garcias here".
FAMILY_PLURAL = gated(r"\b[Tt]he\s+([A-Z][a-z]+s)\b(?=\s*,|\s+(?:here|are|were|have|-|—))")
# Words that date the start of a symptom: its age stays ("seizures started at 6 months").
ONSET = gated(
    r"(?i)\b(?:(?:start(?:ed|ing|s)?|began|begun|beginning)(?=\s+(?:at|around|from|when|by|age"
    r"|aged|having|to|getting)\b)|onset|first|noticed|appeared"
    r"|developed|since|loss|lost|regress(?:ed|ion)|walk(?:ed|ing)|sat|crawl(?:ed|ing)?"
    r"|seizures?|symptoms?|presented)\b"
)
# Events whose age identifies: diagnosis, death, surgery, the current age.
AGE_EVENT = gated(
    r"(?i)\b(?:diagnos\w*|died|death|passed|surgery|operat\w*|transplant\w*|turned|born"
    r"|aged?|is|am|are|now|confirmed|tested|dx|shes|hes|she['’]s|he['’]s|i['’]m|im)(?!\w)"
)
# Holidays with a year: "on christmas day 2022", "Easter 2019".
HOLIDAY_DATE = gated(
    rf"(?i)\b(?:spring|summer|autumn|fall|winter|christmas|xmas|new\s+year['’]?s|thanksgiving|easter|halloween|diwali|eid"
    rf"|hanukkah|navidad|natal|año\s+nuevo)(?:\s+(?:day|eve))?,?\s+(?:of\s+)?{_YEAR}\b"
    # a feast named with a capital is a day even without its year ("on Thanksgiving")
    r"|\b(?:Thanksgiving(?:\s+Day)?|Boxing\s+Day|St\.?\s+Patrick['’]s\s+Day|Saint\s+Patrick['’]s"
    r"\s+Day|Christmas\s+(?:Eve|Day)|New\s+Year['’]s\s+(?:Eve|Day)|Easter\s+(?:Sunday|Monday)"
    r"|Halloween|Diwali|Hanukkah|Eid(?:\s+(?:ul|al|el)[-\s]\w+)?|Semana\s+Santa|Carnaval"
    r"|Carnival|Nochebuena|Nochevieja|Réveillon|D[íi]a\s+de\s+(?:Reyes|Muertos|la\s+Madre)"
    r"|Independence\s+Day|Fourth\s+of\s+July|Labou?r\s+Day|Memorial\s+Day|Mother['’]s\s+Day"
    r"|Father['’]s\s+Day|Valentine['’]s\s+Day|Ramadan|Anzac\s+Day|Australia\s+Day|Canada\s+Day"
    r"|Waitangi\s+Day|Bonfire\s+Night|Hogmanay|Mardi\s+Gras|Fiestas\s+Patrias|Festa\s+Junina"
    r"|S[ãa]o\s+Jo[ãa]o|Kwanzaa|(?:Lunar|Chinese)\s+New\s+Year|Raksha\s+Bandhan|Onam|Pongal"
    r"|Durga\s+Puja|Yom\s+Kippur|Rosh\s+Hashanah|Passover|Pesach|Purim|Good\s+Friday"
    r"|Todos\s+los\s+Santos|Finados|D[íi]a\s+de\s+la\s+Independencia|MLK\s+Day"
    r"|(?:Dr\.?\s+)?Martin\s+Luther\s+King(?:\s+Jr\.?)?\s+Day|Presidents['’]?\s+Day"
    r"|Veterans['’]?\s+Day|Juneteenth|Columbus\s+Day|Victoria\s+Day|Remembrance\s+Day"
    r"|Republic\s+Day|Holi|Navratri|Vesak|Chuseok|Songkran|Hari\s+Raya(?:\s+(?:Puasa|Haji|Aidilfitri|Aidiladha))?|Sukkot"
    r"|Shavuot|Midsummer|Guy\s+Fawkes\s+Night|Heritage\s+Day|Freedom\s+Day|Youth\s+Day"
    r"|Matariki|Nowruz|Norooz|Vaisakhi|Baisakhi|Lohri|Ugadi|Tết|Losar|Dashain|Tihar|Thaipusam"
    r"|Deepavali|Merdeka\s+Day|Pohela\s+Boishakh|Pentecost|Whitsun|Easter|Christmas)"
    rf"(?:,?\s+(?:of\s+|de\s+)?{_YEAR})?\b(?!\s+(?:disease|factor|tree|card|party))"
)
# A month in lower case after "last", "since", "next": "since last april".
LOWER_MONTH_DATE = gated(
    r"(?i)\b(?:last|next|this\s+past|early|late|mid-?|end\s+of)\s+"
    r"(?:january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\b"
)
# First Nations and reserves: "Norway House Cree Nation", "Six Nations of the Grand River".
NATION = gated(
    r"\b(?:[A-Z][\w'’-]+\s+){1,3}(?:First\s+Nations?|Cree\s+Nation|Nation|Reserve"
    r"|Reservation|Rancheria|Pueblo)\b|\bSix\s+Nations\b"
)
# Countries in lower case after "the": "a thing in the us".
LOWER_COUNTRY = gated(
    r"\b(?:in|to|from|across|outside|or|and)\s+the\s+(us|usa|uk|uae|US|USA|UK|UAE|U\.S\.)(?!['’\w])"
)
# A state or province written with full stops: "B.C.", "N.S.W.".
DOTTED_CODE = gated(r"(?:[A-Z]\.){2,3}")
# "Fenfluramine is not covered in BC": a state or province code after "in".
IN_STATE = gated(r"\b(?:in|from|of)\s+([A-Z]{2,3})\b(?![-'’]?\d)")
# An acronym after "at", "from", "to", "referred from": "at OHSU", "from PCH".
AT_ACRONYM = gated(
    r"\b(?:at|At|from|From|to|en\s+el|en\s+la|del|referred\s+(?:from|to|by)|seen\s+(?:at|in|by)|via"
    r"|na|pel[ao]|(?:atendid|acompanhad|internad|tratad|operad|consultad|dad|feit|realizad"
    r"|aplicad|administrad)[oa]s?\s+n[ao]"
    # Tagalog "sa" (at), and a job title then its employer: "Consultant physician, JIPMER,"
    r"|sa|(?:physician|consultant|registrar|resident|nurse|professor|fellow|surgeon|pediatrician"
    r"|paediatrician|neurologist|geneticist|counsell?or|officer|lecturer|researcher)\s*,)"
    r"\s+(?:the\s+)?"
    r"([A-Z]{2,6}(?:\s+(?:da|de|do|del)\s+[A-Z]{2,6})?)\b(?![-'’]?\d)"
)
# After "en el", "na", "pelo" an unknown capitalised word is a hospital: "en el Rebagliati".
AT_IBERIAN = gated(
    r"\b(?:en\s+el|en\s+la|del|na|pel[ao]|(?:atendid|acompanhad|internad|tratad|operad"
    r"|consultad)[oa]s?\s+n[ao])\s+(?=[A-Z])"
)
# An employer, a school or an insurer by its cue: "works at Intel", "my employer Dell", "a
# student at northeastern", "our medical aid is Discovery", "negado pela Unimed".
INSTITUTION_CUE = gated(
    r"(?i)\b(?:(?:works?|worked|working|employed|job|jobs|student|studying|studies|intern"
    r"|enrolled|teach(?:es|er)?|volunteers?)\s+(?:at|for|with|by)|my\s+employer(?:\s+is)?"
    r"|(?:an?\s+)?employee\s+of"
    r"|employer\s*(?:is|:)|(?:trabajo|trabaja|trabajamos|estudio|estudia)\s+en"
    r"|(?:trabalho|trabalha|estudo|estuda)\s+(?:n[ao]|em)"
    r"|insurance\s+(?:is|with|company\s+is|through)|insurer\s*(?:is|:)?|insured\s+(?:by|with)"
    r"|covered\s+by|denied\s+by|(?:switched|moved)\s+(?:us|me|him|her)\s+to"
    r"|medical\s+aid\s*(?:is|:)?|health\s+(?:plan|fund)\s*(?:is|:)?|obra\s+social\s*(?:es|:)?"
    r"|prepaga(?:\s+es)?|asegurad[oa]s?\s+(?:de|por|en)|afiliad[oa]s?\s+(?:a|de|en)"
    r"|(?:negad[oa]|cobert[oa]|pag[oa])\s+pel[oa]|plano\s+(?:de\s+saúde\s+)?(?:é\s+)?(?:a|o)?"
    r"|(?:with|through)\s+(?=[A-Z]\w+\s+(?:insurance|health\s+plan))"
    # a job and its employer: "a social worker with Barnardos", "a driver for Amazon"; a
    # provider: "a group home run by ..."; a health plan: "our HMO, Hygeia"; "Retired, DuPont"
    r"|(?:worker|nurse|driver|officer|assistant|manager|engineer|carer|cleaner|clerk|technician"
    r"|operator|cashier|therapist|coordinator|aide|employee|labou?rer|mechanic|analyst"
    r"|receptionist|teacher|nanny|chef|cook|guard|porter|agent|pharmacist|journalist|reporter"
    r"|editor|lawyer|attorney|solicitor|paralegal|accountant|physiotherapist|physio|dietitian"
    r"|psychologist|midwife|paramedic|caseworker|librarian|counsell?or|volunteer|intern"
    r"|scientist|researcher|developer|programmer|salesman|saleswoman|pharmacy\s+tech|banker"
    r"|soldier|firefighter|pilot|farmer|miner|tutor|lecturer|secretary|administrator|contractor"
    r"|consultant|supervisor|director|executive|associate|staffer|apprentice)"
    # "a pharmacist in Cebu at ...": the town between the job and its employer
    r"(?:\s+(?:in|from)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?,?)?\s+(?:with|for|at|w/?)"
    r"|(?:work|works|worked|working)\s+as\s+an?\s+(?:[\w-]+\s+){1,3}?(?:at|for|with)"
    r"|(?:run|operated|managed)\s+by|HMO\s*(?:,|is|:)?|retired\s*,|(?:drive|drives|drove)\s+for"
    # health plans of Latin America: "my mutualista is CASMU", "la isapre Colmena"
    r"|(?:mutualista|isapre|prepagada|EPS|convênio|convenio|seguro\s+m[ée]dico)\s*(?:is|es|é|:)?"
    r"|(?:carrier|worker|driver|nurse|teacher|engineer|officer|clerk|employee)(?=\s+\([A-Z]))"
    # a capital "The" belongs to the name ("The Irish Times") and stays for the run
    r"\s+(?:(?-i:the)\s+)?(?:\(\s*)?"
)
# "Her nursery is Little Acorns", "his school was St Mary's": a capitalised name follows.
INSTITUTION_IS = gated(
    r"(?i)(?:\b(?:school|nursery|daycare|day\s+care|preschool|kindergarten|childcare|college"
    r"|university|employer|insurer|hospital|clinic|practice|surgery|pharmacy|workplace"
    r"|escuela|colegio|guardería|escola|creche|faculdade)\s*(?:\s(?:is|was|are|es|era|é)|:)\s+"
    # a school in apposition: "His school, Ysgol Y Graig, ..."
    r"|\b(?:school|nursery|preschool|kindergarten|college|escuela|colegio|escola)\s*,\s+)"
    r"(?:called\s+|named\s+)?(?=(?-i:[A-Z]))"
)
# A saint's hospital in lower case after "at": "her dr at saint francis".
LOWER_SAINT = gated(r"\b(?:at|to|from)\s+((?:st\.?|saint)\s+[a-z]{3,}(?:['’]s)?)\b")
# British and Commonwealth hospitals named "Royal" and a place: "rushed into Royal Stoke".
ROYAL = gated(r"\bRoyal\s+[A-Z][a-z][\w'’-]*(?:\s+(?:Infirmary|Hospital|Children['’]s))?")
# "U of Minnesota", "U of T".
U_OF = gated(r"\bU\s+of\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?")
# Lower-case institutions: "leeds general infirmary", "kaiser clinic".
LOWER_INSTITUTION_HEADS = frozenset(
    [
        "children's",
        "childrens",
        "hospital",
        "infirmary",
        "clinic",
        "hospice",
        "university",
        "college",
        "institute",
        "centre",
        "center",
        "general",
    ]
)
# Initials after a word for a person: "patient J.M.", "my son A.B.".
INITIALS = gated(
    r"(?i:\b(?:patient|pt\.?|child|boy|girl|son|daughter|baby|infant|case|mr|mrs|ms|dr|initials)"
    r"[:\s]\s*)((?:[A-Z]\.\s?){1,2}(?:[A-Z][a-z'’-]+|[A-Z]\.?))(?=[\s,;:)]|$)"
)
# What follows "Address:" up to the end of the line or sentence.
ADDRESS_CUE = gated(
    r"(?i)\b(?:address|dirección|direccion|endereço)\s*[:\-]\s*([^\n;]{3,90}?)(?=\.\s|\n|;|$)"
)
# An e-mail address written out to dodge filters: "john dot smith at gmail dot com".
SPELLED_EMAIL = gated(
    r"(?i)\b[\w.+-]+(?:\s+dot\s+[\w+-]+)*\s+(?:at|\[at\]|\(at\))\s+[\w-]+"
    r"(?:\s+(?:dot|\[dot\]|\(dot\))\s+[a-z]{2,6})+\b"
)
# "my dad rajesh 62 has ALS": a number right after a name.
AGE_AFTER_NAME = gated(
    rf"(?:\s+[-–—:])?\s+({_NUM}(?:\s*(?:months?|mos?|weeks?|wks?|years?|yrs?|days?)(?:\s*old)?)?)"
    rf"\b(?!\s*(?:%|mg|kg|cm|/))(?=\s+(?:has|have|had|is|was|and|with|who|yo|y)\b|\s*[,.;)]"
    r"|[^\S\n]*(?:\n|$)|\s+[-–—]\s)"
)
# The age of a death or a diagnosis even before "of": "my mother died at 49 of a tumour".
AGE_DIED = gated(
    rf"(?i)\b(?:died|passed\s+away|passed|diagnosed|dx['’]?d?)\s+(?:at|aged)\s+(?:age\s+)?"
    rf"({_NUM}(?:\s*(?:years?|yrs?))?)\b{_NOT_MEASURE}(?!\s*(?:weeks?|wks?|days?|%))"
)
