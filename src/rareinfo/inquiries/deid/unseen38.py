"""Round 38's shapes. Institutions: a curated gazetteer of the short names writers give the
major children's hospitals and academic medical centres (US, Canada, UK, Ireland, Australia,
New Zealand and the best known of Europe, Latin America and India), matched in any case
where the short name is distinctive ("kennedy krieger", "dell childrens", "Burlo Garofolo",
"Monroe Carell Jr.") and only after at/to/from/in/see where it is an ordinary word ("at
mayo", "at gosh", "at starship"); a lower-case day-care or school named after "her school"
("her school kindercare doesnt", "my school (mckay high)"); a capitalised run after "at"
that ends in a service word ("at Saguaro Kids Therapy"); a school name with an initial
("Mary B. Austin Elementary"). Dates: "the 28th" after "my message/email/call of"; a
lower-case month abbreviation after in/since/until ("in jan"). Ages: an age at diagnosis, at
an operation or at a treatment in words after the clause's cue ("diagnosed with X at eight
weeks", "had a Kasai at six weeks", "got onasemnogene at three weeks"), a number word after
"turned" ("turned two on [date]"), a corrected age ("I wrote 41 earlier", "[age], not forty
— typo"), the Tagalog "labing-" before a removed age, Haitian Creole "[name] gen senk an"
(not "malad sa gen 5 an", how long), Bengali "দশ বছর বয়সী". Places: a lower-case town and
state code before a word ("in moberly mo any"),
"in" as a state code after a lower-case town ("[place] in area"), a short town after
"[institution]," ("…Teaching Hospital, Ho."), a Tamil town before "இல் இருக்கிறோம்". Names:
a name after a kin word in Hindi, Bengali and Turkish ("मेरी बेटी X", "আমার ছেলে X",
"oğlum X").

``clamp38`` keeps the words round 38 found lost: a kin word at the head of a name ("mein
Sohn Lennart": "Sohn" stays) and "de" between a name and the writer's town ("soy Lucía de
Cusco": a name and a place). A chat handle "Visitor_kestrel_0271" stays one id, as the
labelled sets have it.

What stays: "his seizures started at 6 months", "diagnosed with X; seizures began at eight
weeks", "she had her first seizure at six weeks", "oh gosh", "a mayo sandwich", "turned two
shades paler", "in jan's opinion" (a name), "Bombay phenotype"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.patterns import NUMBER_WORD
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen36 import town_word
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, KIN, TITLES, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_AP = r"['’]?"
_NUM = rf"(?:{NUMBER_WORD.pattern}|\d{{1,2}})"

# ---------------------------------------------------------------------------- institutions

_CH = rf"child(?:ren)?{_AP}s"  # "children's", "childrens", "childs"
# Short names distinctive enough to match in any case wherever they stand.
_DISTINCTIVE = (
    # United States
    rf"kennedy{_S}krieger|dell{_S}{_CH}|cox{_S}(?:south|north|walnut{_S}lawn|monett|branson)"
    rf"|monroe{_S}carell(?:{_S}jr\.?)?|vanderbilt{_S}{_CH}|lurie{_S}{_CH}|lurie{_S}children"
    rf"|nationwide{_S}{_CH}|cincinnati{_S}{_CH}|boston{_S}{_CH}|texas{_S}{_CH}|cook{_S}{_CH}"
    rf"|phoenix{_S}{_CH}|rady{_S}{_CH}|seattle{_S}{_CH}|{_CH}{_S}mercy|levine{_S}{_CH}"
    rf"|lucile{_S}packard|packard{_S}{_CH}|stanford{_S}{_CH}|ucsf{_S}benioff|benioff{_S}{_CH}"
    rf"|mattel{_S}{_CH}|ucla{_S}mattel|riley{_S}{_CH}|riley{_S}hospital|hasbro{_S}{_CH}"
    rf"|connecticut{_S}{_CH}|akron{_S}{_CH}|dayton{_S}{_CH}|helen{_S}devos|devos{_S}{_CH}"
    rf"|nicklaus{_S}{_CH}|joe{_S}dimaggio|wolfson{_S}{_CH}|arnold{_S}palmer|primary{_S}{_CH}"
    rf"|gillette{_S}{_CH}|masonic{_S}{_CH}|johns{_S}hopkins|hopkins{_S}all{_S}{_CH}"
    rf"|dana[-\s]?farber|sloan[-\s]?kettering|mskcc|cedars[-\s]?sinai"
    rf"|mass{_S}general|nyu{_S}langone|weill{_S}cornell|montefiore|nemours|c\.?{_W}s\.?{_S}mott"
    rf"|mott{_S}{_CH}|golisano|kosair|le{_S}bonheur|cardon{_S}{_CH}|barrow{_S}neurological"
    rf"|children{_AP}s{_S}of{_S}alabama|a\.?{_W}i\.?{_S}du{_W}pont|intermountain"
    rf"|kaiser{_S}permanente|morgan{_S}stanley{_S}{_CH}|yale{_S}new{_S}haven|holtz{_S}{_CH}"
    # Canada
    rf"|sick{_W}kids|bc{_S}{_CH}|mcmaster{_S}{_CH}|stollery|alberta{_S}{_CH}|holland{_S}bloorview"
    rf"|(?:ste|sainte)[-\s]justine|montreal{_S}{_CH}"
    # United Kingdom and Ireland
    rf"|great{_S}ormond{_S}st(?:reet|\.)?|alder{_S}hey|evelina{_S}(?:london|{_CH})|birmingham{_S}{_CH}"
    rf"|sheffield{_S}{_CH}|royal{_S}manchester{_S}{_CH}|addenbrooke{_AP}s|john{_S}radcliffe"
    rf"|royal{_S}marsden|moorfields|great{_S}north{_S}{_CH}|noah{_AP}s{_S}ark{_S}{_CH}"
    rf"|ninewells|crumlin{_S}hospital|our{_S}lady{_AP}s{_S}{_CH}|temple{_S}street{_S}hospital"
    rf"|tallaght{_S}(?:university{_S})?hospital|mater{_S}misericordiae"
    # Australia and New Zealand
    rf"|westmead|lady{_S}cilento|queensland{_S}{_CH}|perth{_S}{_CH}|monash{_S}{_CH}"
    rf"|sydney{_S}{_CH}|royal{_S}{_CH}|kidz{_S}first|middlemore|starship{_S}{_CH}"
    # Europe
    rf"|necker(?:[-\s]enfants{_S}malades)?|robert[-\s]debr[ée]|la{_S}timone"
    rf"|gaslini|bambino{_S}ges[uù]|burlo{_S}garofolo|sant{_S}joan{_S}de{_S}d[ée]u"
    rf"|ni[ñn]o{_S}jes[uú]s|charit[ée]|von{_S}hauner|erasmus{_S}mc|sophia{_S}kinderziekenhuis"
    rf"|wilhelmina{_S}kinderziekenhuis|emma{_S}kinderziekenhuis|rigshospitalet|karolinska"
    rf"|astrid{_S}lindgren|gasthuisberg|uz{_S}leuven"
    # Latin America
    rf"|garrahan|sabar[aá]{_S}hospital|hospital{_S}sabar[aá]|s[ií]rio[-\s]liban[eê]s"
    rf"|federico{_S}g[oó]mez|calvo{_S}mackenna|telet[oó]n|rede{_S}sarah"
    # India
    rf"|aiims|cmc{_S}vellore|pgimer|pgi{_S}chandigarh|nimhans|tata{_S}memorial|kokilaben"
    rf"|medanta|(?:sir{_S})?ganga{_S}ram|sgpgi|jipmer|sankara{_S}nethralaya"
    rf"|kk{_S}women{_AP}s"
)
# Short names that are also ordinary words, surnames or interjections: only after a cue.
_AFTER_CUE = (
    rf"mayo|duke|apollo|fortis|manipal|kaiser|mater|crumlin|temple{_S}street"
    rf"|starship|gillette|riley|barrow|gosh|chop|cheo|iwk|rch|msk|mgh|uab|kem|cmc|emory|sinai"
    rf"|hopkins|beaumont|tallaght|rainbow{_S}{_CH}|narayana|amrita|evelina|janeway|boldrini|lilavati|hinduja|lurie|rady|stanford"
    rf"|vanderbilt|nationwide|mott|shands|upmc|ohsu|musc|chla|chkd|chco|choa|cchmc|nch"
)
# Short names that are also towns or counties: after "in"/"from" the place ("we live in
# Beaumont, TX", "were in tallaght", "from Mayo"); after "at"/"to" the hospital.
_TOWNS_TOO = frozenset(("beaumont", "tallaght", "crumlin", "mayo", "manipal", "barrow", "stanford"))
_HEAD_TAIL = (
    rf"(?:{_S}(?:{_CH}(?:{_S}hospital)?|hospital|institute|medical{_S}cent(?:er|re)"
    rf"|university{_S}hospital))?"
)
_GAZETTEER = gated(rf"(?i)(?<![\w'’-])((?:{_DISTINCTIVE}){_HEAD_TAIL})(?![\w'’-])")
_GAZETTEER_CUED = gated(
    rf"(?i)\b(?:at|to|from|in|see|sees|seeing|seen{_S}at|saw|with|transferred{_S}to){_S}"
    rf"((?:{_AFTER_CUE}){_HEAD_TAIL})(?![\w'’-])"
)
_DAYCARE_BRANDS = (
    rf"kinder{_W}care|bright{_S}horizons|goddard{_S}school|primrose{_S}school"
    rf"|la{_S}petite{_S}academy|tutor{_S}time|kiddie{_S}academy|childtime"
    rf"|the{_S}learning{_S}experience|learning{_S}care{_S}group|lightbridge{_S}academy"
)
_DAYCARE = gated(
    rf"(?i)\b(?:at|to|from|attends|school|daycare|day{_S}care|nursery|preschool|pre-k"
    rf"|kindergarten){_W},?{_W}((?:{_DAYCARE_BRANDS}))(?![\w'’-])"
)
_SCHOOL_WORD = (
    r"(?:school|daycare|day care|nursery|preschool|pre-school|kindergarten|kindy|kinder)"
    r"(?![\w'’-])"
)
_OWN_SCHOOL_LOWER = gated(
    rf"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Mm]y|[Oo]ur){_S}{_SCHOOL_WORD}{_W},?{_W}\(?([a-z][a-z'’-]{{3,}}"
    rf"(?:{_S}(?:high|elementary|middle|primary|academy|prep)(?:{_S}school)?)?)(?:\)|{_S}"
    rf"(?:doesnt|doesn['’]t|wont|won['’]t|didnt|didn['’]t|will|is|has|said|says|refuses"
    rf"|refused|cant|can['’]t|keeps|kept|wants|wanted|called|sent|told))"
)
_NOT_SCHOOL_NAMES = wordset(
    "they then that this there them which what when where who just also still really even"
    " already always never keeps kept only said says will does did doesnt wont cant nurse"
    " teacher staff office principal head board district system"
)
_SERVICE_RUN = gated(
    rf"\b(?:at|from|with|for){_S}((?:{CAP_LATIN}[a-z'’]+{_S}){{1,3}}"
    rf"(?:Therapy|Therapies|Pediatrics|Paediatrics|Rehab|Physio|Physiotherapy|Wellness"
    rf"|First|Kids|Clinic|Pediatric{_S}Therapy|Speech))\b(?!{_S}{CAP_LATIN})"
)
_INITIAL_SCHOOL = gated(
    rf"\b((?:{CAP_LATIN}[a-z]+{_S}){{1,2}}[A-Z]\.{_S}(?:{CAP_LATIN}[a-z]+{_S}){{1,2}}"
    rf"(?:Elementary|Middle|High|Primary|Academy|Intermediate|School)(?:{_S}School)?)\b"
)
_NOT_RUN_FIRST = wordset("The A An Our My Your His Her Their This That Local Home")

# ---------------------------------------------------------------------------- dates

_MESSAGE_OF = gated(
    rf"(?i)\b(?:message|email|e-mail|letter|note|call|visit|appointment|reply|post|text"
    rf"|voicemail|enquiry|inquiry|form)s?{_S}(?:of|on|from|dated|sent{_S}on){_S}"
    rf"(the{_S}\d{{1,2}}(?:st|nd|rd|th))\b(?!{_S}(?:of{_S})?[A-Za-z]{{3}})"
)
_IN_MONTH = gated(
    rf"\b(?:in|since|until|till|from|by|early|late|mid|last|next|before|after){_S}"
    rf"(jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)\b(?![\w.'’-]*\w)(?!{_W}[.'’]s)"
)

# ---------------------------------------------------------------------------- ages

_PROCEDURES = wordset(
    "kasai surgery operation op transplant procedure bypass fontan glenn norwood repair shunt"
    " biopsy fundoplication gtube g-tube tracheostomy trach pyloromyotomy splenectomy"
    " colectomy gastrostomy ileostomy colostomy resection hip spine spinal heart liver kidney"
    " bone marrow stem cell cochlear implant implants gene therapy infusion dose"
)
_TREATED = (
    rf"(?:diagnosed|dx['’]?d|dx|diagnosis|operated{_S}on|underwent|had|got|received|given"
    rf"|treated)"
)
_AGE_AFTER_CUE = gated(
    rf"(?i)\b{_TREATED}\b([^.!?\n;]{{0,60}}?)\bat{_S}"
    rf"({_NUM}{_S}(?:days?|weeks?|wks?|months?|mos?|years?)(?:{_S}old)?)\b"
    rf"(?!{_S}(?:of|ago|pregnant|gestation|along|later|after|post)\b)"
)
_ONSET_WORDS = gated(
    r"(?i)\b(?:start|started|starts|began|begin|onset|first|noticed|appeared|symptoms?"
    r"|seizures?|fits?|spasms?|signs?|sick|ill|developed)\b"
)
DRUG_END = ("gene", "mab", "sen", "ase", "vec", "nib", "tide", "sma", "raza")
_TURNED = gated(
    rf"\b(?:turned|turns|turning){_S}({NUMBER_WORD.pattern})"
    rf"(?={_W}[.,;!?)]|{_S}(?:on|in|last|this|yesterday|today|and|but|so|recently)\b)",
    re.I,
)
_WROTE_EARLIER = gated(
    rf"\bI{_S}(?:wrote|typed|said|put|entered){_S}(\d{{1,3}}|{NUMBER_WORD.pattern})"
    rf"{_S}(?:earlier|before|by{_S}mistake|above|first)\b"
)
_NOT_TYPO = gated(
    rf"^,?{_S}not{_S}(\d{{1,3}}|{NUMBER_WORD.pattern})(?={_W}(?:[—–-]|\(|,)?{_W}"
    rf"(?:typo|sorry|oops|my{_S}(?:bad|mistake)|I{_S}(?:typed|wrote|meant))|{_W}[.!])",
    re.I,
)
_LABING = gated(r"(?i)\blabing-?$")
_CREOLE_NUMBER = (
    r"(?:en|de|twa|kat|senk|sis|sèt|set|uit|nèf|nef|dis|onz|douz|trèz|katòz|kenz|sèz|disèt"
    r"|dizuit|diznèf|ven|\d{1,2})"
)
# a Haitian Creole age after a name or "my son/daughter" ("gen 5 an" alone may be how long)
_CREOLE_AGE = gated(
    rf"(?i)\bpitit(?:{_S}(?:gason|fi))?{_S}mwen{_S}(?:gen|genyen){_S}"
    rf"({_CREOLE_NUMBER}{_S}(?:an|ane|mwa|semèn))\b"
)
_CREOLE_AFTER_NAME = gated(
    rf"^{_S}(?:gen|genyen){_S}({_CREOLE_NUMBER}{_S}(?:an|ane|mwa|semèn))\b", re.I
)
_BENGALI_AGE = gated(
    r"((?:এক|দুই|দুই|তিন|চার|পাঁচ|ছয়|ছয়|সাত|আট|নয়|নয়|দশ|এগারো|বারো|তেরো|চোদ্দ|চৌদ্দ"
    r"|পনেরো|ষোল|ষোলো|সতেরো|আঠারো|উনিশ|বিশ|কুড়ি|[০-৯]{1,2}|\d{1,2})\s*(?:বছর|মাস))"
    r"(?=\s*(?:বয়স|বয়স))"
)

# ---------------------------------------------------------------------------- places

_SAFE_CODES = (
    r"ak|az|ar|ca|fl|ga|ia|il|ks|ky|mn|mo|mt|nc|nd|ne|nh|nj|nm|nv|ny|ri|sd|tn|tx|ut|va|vt"
    r"|wa|wi|wv|wy|ms|md|ct|sc"
)
_TOWN_CODE_WORD = gated(
    rf"\b(?:in|from|near|live|living){_S}([a-z]{{4,}}){_S}({_SAFE_CODES})"
    rf"(?={_S}(?:any|anyone|anybody|and|but|so|we|i|is|are|area|near|close|here|there|lol"
    rf"|pls|please|what|who|where|how|can|does|do|n|too|now)\b)"
)
_CODE_IN_AREA = gated(rf"^{_S}(in)(?={_S}(?:the{_S})?area\b|{_W}[.?!]|{_W}$)")
_TOWN_AFTER_INSTITUTION = gated(rf"^,{_S}({CAP_LATIN}[a-z]{{1,}})(?={_W}[.;!?\n]|$)")
_NOT_TOWN_ABBREVIATIONS = wordset("Inc Ltd Jr Sr St Co Corp Dept Ave Rd Mt Ft Esq Hon PhD")
_TAMIL_PLACE = gated(
    r"([\u0B80-\u0BFF]{3,})\s+இல்\s+(?=(?:இருக்கிறோம்|வசிக்கிறோம்|வாழ்கிறோம்|இருக்கிறேன்"
    r"|வசிக்கிறேன்|வாழ்கிறேன்|இருக்கின்றோம்))"
)

# ---------------------------------------------------------------------------- names

_HINDI_KIN = gated(
    r"(?:मेरी|मेरा|मेरे|हमारी|हमारा|हमारे)\s+(?:बेटी|बेटा|बेटे|पोती|पोता|नाती|नातिन|भतीजी|भतीजा"
    r"|भांजी|भांजा|पत्नी|पति|भाई|बहन|माँ|मां|पिता|पापा|मम्मी|बच्ची|बच्चा)\s+([\u0900-\u097F]{2,})"
)
_NOT_HINDI_NAMES = wordset(
    "को की का के है हैं ने भी जो जिसकी जिसका जिसे और अब सिर्फ़ सिर्फ केवल बहुत एक दो तीन"
)
_BENGALI_KIN = gated(
    r"(?:আমার|আমাদের)\s+(?:ছেলে|মেয়ে|মেয়ে|নাতি|নাতনি|ভাই|বোন|স্বামী|স্ত্রী|মা|বাবা|ভাগ্নে|ভাগ্নি"
    r"|ভাইপো|ভাইঝি)\s+([\u0980-\u09FF]{2,})"
)
_NOT_BENGALI_NAMES = wordset("এর কে যে এবং আর এখন খুব একটি একজন এক দুই তিন চার পাঁচ")
_TURKISH_KIN = gated(
    rf"\b(?:[Oo]ğlum|[Kk]ızım|[Ee]şim|[Aa]nnem|[Bb]abam|[Kk]ardeşim|[Tt]orunum|[Yy]eğenim"
    rf"|[Aa]blam|[Aa]bim|[Aa]ğabeyim|[Oo]ğlumuz|[Kk]ızımız){_S}({CAP_LATIN}[a-zçğıöşü]{{2,}})"
    rf"(?![\w'’-])"
)

# ---------------------------------------------------------------------------- taken back

_KIN_ABROAD = wordset(
    "sohn tochter mann frau bruder schwester enkel enkelin neffe nichte mutter vater kind"
    " hijo hija esposo esposa marido hermano hermana nieto nieta sobrino sobrina"
    " fils fille mari femme frère sœur petit-fils petite-fille neveu nièce"
    " figlio figlia marito moglie fratello sorella nipote zoon dochter broer zus kleinzoon"
    " filho filha irmão irmã neto neta sobrinho sobrinha"
)
_OWN_BEFORE = gated(
    r"(?i)\b(?:my|our|mein|meine|meinem|meiner|unser|unsere|mi|mis|nuestro|nuestra|mon|ma"
    r"|notre|mio|mia|mijn|onze|meu|minha|nosso|nossa)\s$"
)
_NAME_DE_TOWN = gated(rf"^(\S+){_S}(?:de|da|do|di|du){_S}({CAP_LATIN}[^\W\d_]{{2,}})$")
_I_AM_BEFORE = gated(
    r"(?i)\b(?:soy|sono|sou|je\s+suis|me\s+llamo|mi\s+chiamo|me\s+chamo|i['’]?m|i\s+am)\s$"
)
_DE_TOWN = gated(rf"^(?:de|da|do|di|du){_S}({CAP_LATIN}[^\W\d_]{{2,}})$")
_I_AM_NAME_BEFORE = gated(
    r"(?i)\b(?:soy|sono|sou|je\s+suis|me\s+llamo|mi\s+chiamo|me\s+chamo)\s+[^\W\d_]+\s$"
)


def unseen38_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 38's institutions, dates, ages, places and names (the module's docstring)."""
    for pattern in (_GAZETTEER, _GAZETTEER_CUED, _DAYCARE):
        for m in pattern.finditer(text):
            name = m.group(1).lower()
            cue = m.group(0)[: m.start(1) - m.start(0)].strip().lower()
            kind = "place" if name in _TOWNS_TOO and cue in ("in", "from") else "institution"
            yield Span(m.start(1), m.end(1), kind)  # "at kennedy krieger"; "in Beaumont, TX"
    for m in _OWN_SCHOOL_LOWER.finditer(text):
        words = m.group(1).split()
        if words[0] not in _NOT_SCHOOL_NAMES and (len(words) > 1 or not lex.plain(words[0])):
            yield Span(m.start(1), m.end(1), "institution")  # "her school kindercare doesnt"
    for m in _SERVICE_RUN.finditer(text):
        words = m.group(1).split()
        if words[0] not in _NOT_RUN_FIRST and any(not lex.plain(w) for w in words[:-1]):
            yield Span(m.start(1), m.end(1), "institution")  # "at Saguaro Kids Therapy"
    for m in _INITIAL_SCHOOL.finditer(text):
        if m.group(1).split()[0] not in _NOT_RUN_FIRST:
            yield Span(m.start(1), m.end(1), "institution")  # "Mary B. Austin Elementary"
    for pattern in (_MESSAGE_OF, _IN_MONTH):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "date")  # "my message of the 28th", "in jan"
    for m in _AGE_AFTER_CUE.finditer(text):
        if _treated_age(lex, m.group(0).split()[0], m.group(1)):
            yield Span(m.start(2), m.end(2), "age")  # "had a Kasai at six weeks"
    for pattern in (_TURNED, _WROTE_EARLIER, _CREOLE_AGE, _BENGALI_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")  # "turned two on [date]"
    for m in _TOWN_CODE_WORD.finditer(text):
        word = m.group(1)
        if town_word(lex, word, town=False) or (word.endswith("ly") and not lex.plain(word)):
            yield Span(m.start(1), m.end(1), "place")  # "in moberly mo any"
            yield Span(m.start(2), m.end(2), "place")
    for m in _TAMIL_PLACE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "X இல் இருக்கிறோம்"
    for pattern, exclude in ((_HINDI_KIN, _NOT_HINDI_NAMES), (_BENGALI_KIN, _NOT_BENGALI_NAMES)):
        for m in pattern.finditer(text):
            if m.group(1) not in exclude:
                yield Span(m.start(1), m.end(1), "name")  # "मेरी बेटी X"
    for m in _TURKISH_KIN.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")  # "oğlum X"


def _treated_age(lex: Lexicon, cue: str, between: str) -> bool:
    """Whether "at <age>" after ``cue`` and ``between`` is an age at diagnosis, an operation
    or a treatment (it goes), not an onset age (it stays: policy)."""
    if _ONSET_WORDS.search(between):
        return False  # "diagnosed with X, seizures started at 6 months"
    cue = cue.lower()
    if cue.startswith(("diagnos", "dx", "operated", "underwent")):
        return True
    words = [w.strip(".,'’()").lower() for w in between.split()]
    return any(w in _PROCEDURES or w.endswith(DRUG_END) or w.endswith(
        ("ectomy", "otomy", "ostomy", "plasty")) for w in words)


def after38_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """A Haitian Creole age after a name, a corrected age after an age ("[age], not forty —
    typo"), "labing-" before a Tagalog age, "in" as a state code after a lower-case town, a
    short town after "[institution],"."""
    for span in spans:
        if span.kind == "name":
            m = _CREOLE_AFTER_NAME.match(text[span.end : span.end + 30])
            if m:
                yield Span(span.end + m.start(1), span.end + m.end(1), "age")  # "[name] gen 5 an"
        elif span.kind == "age":
            m = _NOT_TYPO.match(text[span.end : span.end + 60])
            if m:
                yield Span(span.end + m.start(1), span.end + m.end(1), "age")  # "not forty"
            m = _LABING.search(text, max(0, span.start - 8), span.start)
            if m:
                yield Span(m.start(), span.end, "age")  # "labing-isang taong gulang"
        elif span.kind == "place" and text[span.start : span.end].islower():
            m = _CODE_IN_AREA.match(text[span.end : span.end + 20])
            if m:
                yield Span(span.end + m.start(1), span.end + m.end(1), "place")  # "X in area"
        elif span.kind == "institution":
            m = _TOWN_AFTER_INSTITUTION.match(text[span.end : span.end + 40])
            word = m.group(1) if m else ""
            if (
                m
                and (not lex.plain(word) or len(word) <= 3)
                and word not in _NOT_RUN_FIRST
                and word.lower() not in TITLES
                and word not in _NOT_TOWN_ABBREVIATIONS
            ):
                yield Span(span.end + m.start(1), span.end + m.end(1), "place")  # ", Ho."


def clamp38(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words round 38 keeps (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        before = text[max(0, span.start - 20) : span.start]
        if span.kind in ("name", "place") and " " in piece:
            head, rest = piece.split(" ", 1)
            if (head.lower() in KIN or head.lower() in _KIN_ABROAD) and _OWN_BEFORE.search(before):
                span = Span(span.end - len(rest), span.end, span.kind, span.strong)  # "Sohn"
            elif span.kind == "name":
                m = _NAME_DE_TOWN.match(piece)
                if m and _I_AM_BEFORE.search(before) and town_word(lex, m.group(2).lower()):
                    kept.append(Span(span.start, span.start + m.end(1), "name", span.strong))
                    span = Span(span.start + m.start(2), span.end, "place", span.strong)
                m = _DE_TOWN.match(piece)
                if m and _I_AM_NAME_BEFORE.search(before) and town_word(lex, m.group(1).lower()):
                    span = Span(span.start + m.start(1), span.end, "place", span.strong)  # "de"
        kept.append(span)
    return kept
