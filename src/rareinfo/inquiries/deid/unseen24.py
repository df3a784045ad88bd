"""Round 24's shapes. Institutions in English by class: Catholic and other religious hospital
names ("Our Lady of the Lake Children's", "St. Jude's", "Sacred Heart", "Holy Cross", "Good
Samaritan", "Mercy" after "at"), a hospital named "X for Children" without a hospital word
("Scottish Rite for Children"), an acronym and a saint's name ("OSF Saint Francis"), churches by
their ending ("Greater Mount Zion Baptist", "Bethel AME", "Calvary Chapel"), employers by their
ending after a role ("HR at Brightwater Foods", "work at Kessel Logistics"), a university's
acronym after a student's "at" ("(19) at UVM", "a junior at LSU"), a name asked about before
"have a ... clinic" ("Does Kapiʻolani have a genetics clinic?"), French "le Centre" with
capitalised words ("le Centre Mère et Enfant"), a hospital cut at a title ("Hospital Infantil Dr.
Fajardo"), Chinese hospitals named by city and brand (在高雄長庚, 台大醫院). Ids: a social-media
handle after "my FB is", "insta:", "IG:", "TikTok". Names: a child named in a list with a
bracketed age ("and Sunday (6)"), an appositive after a role or an age ("a new sixth-grader,
Kalani, has", "uma menina de 5 anos, Anifa, com"), "I'm First Last in", a sign-off after thanks
in other languages ("Diolch, Iolo"), a nickname "(Barty to everyone)". Ages: a correction
without punctuation ("[6], sorry 6 since"), Yoruba "ti pé ọdún X". Places: two places joined by
"or" before a state ("Truth or Consequences, NM").

``kept24`` takes back: a pregnancy's weeks read as the writer's age ("I'm 19 weeks pregnant"), a
possessive or article opening an institution ("Our Blue Cross", "O Hospital Central": "Our Lady"
stays a name), a health number's label read into the number ("PHIN 000 417 228": "PHIN" stays),
a region ("the Gulf Coast"), greetings read as names ("Mornin'", "AoA"), and the common or
medical words and question words a hospital rule of a script without capitals ran back over
("کی تشخیص سول ہسپتال", "શું પીડીયુ હોસ્પિટલ")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.institutions import NOT_INSTITUTIONS
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen16 import NAME_WORD
from rareinfo.inquiries.deid.unseen19 import TREATMENTS
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, Lexicon, common_words, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_CAP = rf"{CAP_LATIN}[\w'’ʻ.-]*"
_CAPS = rf"{_CAP}(?:{_S}{_CAP}){{0,3}}"

# ---------------------------------------------------------------------------- institutions

# Catholic and religious hospital names: "Our Lady of the Lake Children's", "Our Lady of Lourdes"
# after "at/to/from/in" or before a hospital's word ("Our Lady of Guadalupe prayer group" stays)
_OUR_LADY = gated(
    rf"(?:\b(?:at|to|from|in|into){_S})(Our{_S}Lady{_S}of{_S}(?:the{_S})?{CAP_LATIN}[\w'’]+"
    rf"(?:{_S}{CAP_LATIN}[\w'’]+){{0,2}})"
    rf"|\b(Our{_S}Lady{_S}of{_S}(?:the{_S})?{CAP_LATIN}[\w'’]+(?:{_S}{CAP_LATIN}[\w'’]+){{0,1}}"
    rf"{_S}(?:Hospital|Children['’]s|Medical{_S}Center|Regional|Health|Hospice))"
)
# after "at/to/from": "at Sacred Heart", "at Holy Cross", "at Good Samaritan", "at St. Jude's"
_RELIGIOUS_AT = gated(
    rf"\b(?:at|to|from|into){_S}(?:the{_S})?((?:Sacred{_S}Heart|Holy{_S}Cross|Holy{_S}Family"
    rf"|Holy{_S}Name|Good{_S}Samaritan|Good{_S}Shepherd|Mercy|Precious{_S}Blood"
    rf"|St\.?{_S}{CAP_LATIN}[a-z]+['’]s|Saint{_S}{CAP_LATIN}[a-z]+['’]s)"
    rf"(?:{_S}(?:Children['’]s|Medical{_S}Center|Hospital|Health|Regional))?)(?![\w-])"
)
# "at Scottish Rite for Children", "Shriners for Children"
_FOR_CHILDREN = gated(
    rf"\b((?:{CAP_LATIN}[\w'’]+{_S}){{1,3}}for{_S}Children)\b(?!['’])"
)
_GENERIC_BODIES = wordset(
    "Foundation Fund Center Centre Hospital Hospitals Network Alliance Support Services Society"
    " Trust Association Charity Council Coalition Institute Program Programme Home Homes Camp"
)
# an acronym and a saint: "at OSF Saint Francis", "at SSM St. Mary's"
_ACRONYM_SAINT = gated(
    rf"\b(?:at|to|from){_S}([A-Z]{{2,5}}{_S}(?:Saint|St\.?|San|Santa|Sainte){_S}"
    rf"{CAP_LATIN}[\w'’]+)"
)
# churches by their ending: "Greater Mount Zion Baptist", "Bethel AME", "Calvary Chapel"
_CHURCH = gated(
    rf"\b((?:{CAP_LATIN}[\w'’.]+{_S}){{1,4}}(?:Missionary{_S})?(?:Baptist|Methodist|AME|A\.M\.E\."
    rf"|Pentecostal|Tabernacle|Assembly|Chapel|(?<=['’]s )Parish|Presbyterian|Lutheran|Episcopal"
    rf"|Fellowship|Temple|Synagogue|Mosque|Masjid)(?:{_S}(?:Church|Cathedral))?)(?![\w-])"
)
_CHURCH_OPENERS = wordset("Greater New Mount Mt Mt. Holy First")
_NOT_CHURCH_START = wordset(
    "The A An Our My Their His Her Your This That Southern Northern First United Local Big Old"
    " Free Catholic Christian Black White Small Nearby In At To From Of And Or But We I Pastor"
    " Reverend Rev Church God Lord Jesus Sunday Bible"
)
# employers by their ending, after a role or "work": "HR at Brightwater Foods"
_EMPLOYER = gated(
    rf"\b(?:at|for|with){_S}((?:{CAP_LATIN}[\w'’&.-]*{_S}){{1,3}}"
    r"(?:Foods|Inc\.?|LLC|Ltd\.?|Limited|Group|Logistics|Industries|Corp\.?|Corporation"
    r"|Manufacturing|Construction|Motors|Farms|Dairy|Bakery|Packaging|Solutions|Systems"
    r"|Technologies|Holdings|Enterprises|Insurance|Bank|Trucking|Plastics|Steel|Mills|Energy))"
    r"(?![\w-])"
)
# a university's acronym after a student's "at": "(19) at UVM", "a junior at LSU"
_STUDENT_AT = gated(
    rf"(?:\)|\]|freshman|sophomore|junior|senior|student|studies|studying|study|major|majoring"
    rf"|grad|dorm|college|university|campus|semester|transfer(?:red|ring)?)"
    rf"(?:{_S}[a-z]+){{0,3}}{_S}at{_S}([A-Z]{{2,5}})(?![\w-])"
)
_UNIVERSITY_ACRONYM = gated(r"U[A-Z]{1,4}|[A-Z]{1,4}U|MIT|CUNY|SUNY|RPI|TCU|UCL|KCL|LSE")
_NOT_UNIVERSITY = wordset("UK US USA UAE UN UTI URI UV EU ICU PICU NICU CCU EMU SDU HDU UCSF")
# "Does Kapiʻolani have a genetics clinic?"
_HAVE_CLINIC = gated(
    rf"\b(?:Does|Do|Did|Doesn['’]t|Will|Would|Can){_S}({CAP_LATIN}[\w'’ʻ-]+(?:{_S}{CAP_LATIN}"
    rf"[\w'’ʻ-]+){{0,2}}){_S}(?:have|has|offer|run|see|treat|take)"
    rf"{_S}(?:an?{_S}|any{_S})?(?:[a-z]+{_S}){{0,2}}(?:clinic|department|unit|program|programme"
    rf"|team|specialist|center|centre)s?\b"
)
# French "le Centre Mère et Enfant", "au Centre Hospitalier Régional"
_FRENCH_CENTRE = gated(
    rf"\b(?:le|au|du|Le|Au|Du){_S}(Centre(?:{_S}(?:{CAP_LATIN}[\w'’-]+|(?:et|de|du|des|la)"
    rf"(?={_S}{CAP_LATIN})|l['’]{CAP_LATIN}[\w-]+)){{1,4}})"
)
# Chinese hospitals by city and brand: 在高雄長庚, 台大醫院, 北京协和
_CHINESE_BRANDS = (
    "長庚|长庚|台大|臺大|榮總|荣总|協和|协和|華西|华西|湘雅|中山|北醫|北医|馬偕|马偕|慈濟|慈济"
    "|成大|中國醫|中国医|國泰|国泰|亞東|亚东|奇美|彰基|萬芳|万芳|新光|瑞金|仁濟|仁济|齊魯|齐鲁|同濟|同济"
)
_CHINESE_CITIES = (
    "台北|臺北|新北|高雄|林口|基隆|嘉義|嘉义|桃園|桃园|台中|臺中|台南|臺南|花蓮|花莲|新竹|彰化|雲林"
    "|北京|上海|广州|廣州|成都|长沙|長沙|武汉|武漢|南京|杭州|重庆|重慶|天津|西安|济南|濟南|香港"
)
_CHINESE_HOSPITAL = gated(
    rf"(?:在|到|去|於|于|从|從)((?:{_CHINESE_CITIES})?(?:{_CHINESE_BRANDS})(?:醫院|医院)?)"
    rf"|((?:{_CHINESE_CITIES})?(?:{_CHINESE_BRANDS})(?:醫院|医院))"
)
# a hospital's name cut at a title: "[Hospital Infantil Dr]. Fajardo"
_TITLE_END = gated(r"(?:^|[^\S\n])(?:Dr|Dra|Prof|Profa|Pr|St|Sta|Sto)$")
_AFTER_TITLE = gated(rf"\.{_W}({CAP_LATIN}[\w'’-]+(?:{_S}{CAP_LATIN}[\w'’-]+)?)")

# ---------------------------------------------------------------------------- ids

# a social-media handle without "@": "My FB is ofelia.grainger.77", "insta: ana_b", "IG: x"
_HANDLE = gated(
    rf"(?i:\b(?:my|our|his|her|their){_S}(?:fb|facebook|insta|instagram|ig|tiktok|tik{_S}tok"
    rf"|snap|snapchat|twitter|x{_S}handle|handle|username|user{_S}name){_S}(?:is|=)"
    rf"|\b(?:fb|insta|ig|tiktok|snap|snapchat){_W}:)"
    rf"{_S}@?([A-Za-z0-9][A-Za-z0-9._]{{2,29}}[A-Za-z0-9_])(?![\w@/])"
)

# ---------------------------------------------------------------------------- names, ages

# a child named in a list with a bracketed age: "[name] ([age]) and Sunday (6)"
_LIST_NAME = gated(
    rf"{_W}\([^)\n]{{1,20}}\){_W}(?:,|and|&|y|et|e|und){_W}({NAME_WORD})"
    rf"{_W}\({_W}(\d{{1,2}}){_W}\)"
)
# an appositive after a role noun: "A new sixth-grader, Kalani, has"
_ROLE_APPOSITIVE = gated(
    rf"\b(?:[a-z]+-grader|grader|student|pupil|classmate|patient|client|resident|camper|player"
    rf"|kindergartner|toddler|boy|girl|baby|child|kid|niece|nephew|grandson|granddaughter"
    rf"|menina|menino|criança|paciente|aluno|aluna|niña|niño|élève|enfant){_W},{_W}"
    rf"({CAP_LATIN}[\w'’-]+)(?=[^\S\n]*,)"
)
# an appositive after an age: "uma menina de [5 anos], Anifa, com"
_AGE_APPOSITIVE = gated(rf"{_W},{_W}({CAP_LATIN}[\w'’-]+)(?=[^\S\n]*,)")
# an age with its unit: "5 anos", "6 años", "7 years" (not a bare "I'm 31, Inuk,")
_AGE_UNIT = gated(r"\b(?:anos?|años?|ans?|anni|years?|yrs?|months?|meses|mois)\b")
# "I'm Gaétan Bellefleur in [place]"
_IM_FULL_NAME = gated(
    rf"\bI['’]m{_S}({CAP_LATIN}[\w'’-]+{_S}{CAP_LATIN}[\w'’-]+)(?={_S}(?:in|from|and)\b|[^\S\n]*,)"
)
# a sign-off after thanks in other languages: "Diolch, Iolo"
_THANKS_SIGN_OFF = gated(
    rf"\b(?:Diolch|Merci|Gracias|Obrigad[oa]|Danke|Grazie|Mahalo|Asante|Dziękuję|Bedankt|Tack"
    rf"|Takk|Kiitos|Go{_S}raibh{_S}maith{_S}agat|Dankie|Salamat|Terima{_S}kasih|Teşekkürler)"
    rf"{_W}[,!.]?{_W}\n?{_W}({CAP_LATIN}[\w'’-]+)(?={_W}[.!]?{_W}(?:\n|$))"
)
# "(Barty to everyone)", "(Bee to her friends)"
_NICKNAME_TO = gated(
    rf"\(({CAP_LATIN}[\w'’-]+){_S}to{_S}(?:everyone|everybody|all|us|friends|family"
    rf"|(?:his|her|their|our){_S}(?:friends|family|mates|classmates)){_W}\)"
)
# an age corrected without punctuation: "[6], sorry 6 since tuesday"
_AGE_CORRECTION = gated(
    rf"{_W}[,;]?{_W}(?:sorry|no|I{_S}mean|actually|oops|wait|well){_S}(\d{{1,2}})\b(?![%/.,-]\d|[%/-])"
    rf"(?!{_S}(?:weeks?|days?|months?|hours?|minutes?|mg|kg|lbs?|times|percent)\b)"
)
# Yoruba: "ti pé ọdún mẹ́rìnléláàádọ́rin" (has reached N years)
_YORUBA_AGE = gated(rf"\bti{_S}pé{_S}(ọdún{_S}[^\s,.;!?]+)")
# two places joined by "or" before a state: "Truth or Consequences, NM"
_OR_PLACE = gated(rf"{_S}or{_S}")

# ---------------------------------------------------------------------------- kept

_PREGNANT_AFTER = gated(
    rf"{_W}(?:pregnant|along|gestation|of{_S}gestation|of{_S}pregnancy|into{_S}(?:my|the|her)"
    rf"{_S}pregnancy|gestational)\b"
)
_WEEKS_AGE = gated(r"\d{1,2}(?:[^\S\n]*\+[^\S\n]*\d)?[^\S\n]*(?:weeks?|wks?|days?|months?)$")
_OPENING_DETERMINER = gated(
    r"(?:Our|My|Your|Their|His|Her|O|A|Os|As|Um|Uma|Nosso|Nossa|Nuestro|Nuestra|Notre|Nos"
    r"|Unser|Unsere)[^\S\n]+(?=\S)"
)
# a role's acronym read into the employer: "[HR at Brightwater Foods]"
_ROLE_AT = gated(r"(?:HR|IT|PR|QA|R&D|ops|Ops)[^\S\n]+(?:at|for|with)[^\S\n]+(?=[A-Z])")
_HEALTH_LABELS = wordset("PHIN PHN NHS MRN CHI OHIP RAMQ HCN MSP MCP BHN AHCIP HSN CHN")
_HEALTH_LABEL_START = gated(r"([A-Z]{2,6})(?:[^\S\n]*[:#])?[^\S\n]+(?=\d)")
_REGION = gated(
    r"\b(?:Gulf|East|West)[^\S\n]+Coast\b|\bDeep[^\S\n]+South\b|\bPacific[^\S\n]+Northwest\b"
)
_REGIONS = frozenset(
    [
        "Gulf Coast", "Gulf South", "Deep South", "Midwest", "Pacific Northwest", "Mid-Atlantic",
        "East Coast", "West Coast", "Sun Belt", "Bible Belt", "Rust Belt", "Great Plains",
        "Upper Midwest", "Lowcountry",
    ]
)
_GREETINGS = wordset(
    "Mornin Mornin' Morning Evenin Evenin' Afternoon AoA Aoa AOA Salaam Salam Assalam"
    " Assalamualaikum Aloha Howdy Hiya Heya Namaste Shalom Ciao Hallo Hola Oi Olá Bonjour"
    " Greetings G'day Gday Yo Sup Hey Hi Hello Hullo"
)
_TITLES = wordset(
    "Docteur Doctora Doctor Doutor Doutora Dottore Dottoressa Doktor Médico Médica Professeur"
    " Professora Profesora Madame Monsieur Señora Señor Senhora Senhor"
)
_HEADS_ALONE = wordset(
    "Centre Center Centro Hôpital Hospital Clinique Clínica Clinic Institut Instituto Hospice"
)
# the script words a hospital rule ran back over: question words, and medical words
_NO_CAPITALS = gated(r"[\u0600-\u06ff\u0900-\u0dff\u0a80-\u0aff\u1200-\u137f]")
_SCRIPT_STOPS = wordset(
    "کی کا کے میں سے کو نے تشخیص علاج بیماری مرض کیا کیسے کہاں کب کون کیوں جو"
    " شું શું શુ કયા કયું કઈ કેમ ક્યાં ક્યારે કોણ નિદાન સારવાર રોગ બીમારી"
    " क्या कहाँ कहां कब कौन क्यों कैसे निदान इलाज रोग बीमारी"
)


def _ok_acronym(lex: Lexicon, word: str) -> bool:
    return (
        word.lower() not in lex.medical
        and word not in NOT_INSTITUTIONS
        and word not in TREATMENTS
    )


def unseen24_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 24's institutions, ids, names and ages (the module's docstring)."""
    yield from _institutions(lex, text)
    for m in _HANDLE.finditer(text):
        handle = m.group(1)
        if not lex.plain(handle) and any(c in "._0123456789" for c in handle):
            yield Span(m.start(1), m.end(1), "id")
    for m in _ROLE_APPOSITIVE.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _IM_FULL_NAME.finditer(text):
        if not any(lex.plain(w) for w in m.group(1).split()):
            yield Span(m.start(1), m.end(1), "name")
    for m in _THANKS_SIGN_OFF.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _NICKNAME_TO.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _YORUBA_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _OUR_LADY.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "institution")
    for pattern in (_RELIGIOUS_AT, _FOR_CHILDREN, _FRENCH_CENTRE):
        for m in pattern.finditer(text):
            words = m.group(1).split()
            if pattern is _FOR_CHILDREN and (
                words[0] in _NOT_CHURCH_START
                or all(lex.plain(w) or w in _GENERIC_BODIES for w in words[:-2])
            ):
                continue  # "Hospital for Children" alone, "a Foundation for Children"
            if pattern is _FRENCH_CENTRE and all(
                lex.plain(w) or not w[:1].isupper() for w in words[1:]
            ):
                continue
            yield Span(m.start(1), m.end(1), "institution")
    for m in _ACRONYM_SAINT.finditer(text):
        if _ok_acronym(lex, m.group(1).split()[0]):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _CHURCH.finditer(text):
        found = list(re.finditer(r"\S+", m.group(1)))
        while found and found[0].group() not in _CHURCH_OPENERS and (
            found[0].group() in _NOT_CHURCH_START or found[0].group().lower() in common_words()
        ):
            found = found[1:]
        if len(found) >= 2 and not all(lex.plain(w.group()) for w in found[:-1]):
            yield Span(m.start(1) + found[0].start(), m.end(1), "institution")
    for m in _EMPLOYER.finditer(text):
        words = m.group(1).split()
        if words[0] not in _NOT_CHURCH_START and not all(lex.plain(w) for w in words[:-1]):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _STUDENT_AT.finditer(text):
        acronym = m.group(1)
        if (
            _UNIVERSITY_ACRONYM.fullmatch(acronym)
            and acronym not in _NOT_UNIVERSITY
            # a student's "at" is cue enough: "UVM" is also an abbreviation of a disease
            and acronym not in NOT_INSTITUTIONS
            and acronym not in TREATMENTS
        ):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _HAVE_CLINIC.finditer(text):
        words = m.group(1).split()
        plain = all(lex.plain(w.replace("ʻ", "")) for w in words)
        if not plain and words[0] not in _NOT_CHURCH_START:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _CHINESE_HOSPITAL.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "institution")


def after24_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 24 finds next to the spans found (the module's docstring)."""
    places = {s.start: s for s in spans if s.kind == "place"}
    names = [s for s in spans if s.kind == "name"]
    for span in spans:
        if span.kind == "name":
            m = _LIST_NAME.match(text, span.end)
            if m and (not lex.plain(m.group(1)) or m.group(1) in _DAY_NAMES):
                yield Span(m.start(1), m.end(1), "name")
                yield Span(m.start(2), m.end(2), "age")
        if span.kind == "age":
            m = _AGE_APPOSITIVE.match(text, span.end)
            unit = _AGE_UNIT.search(text[span.start : span.end])
            if m and unit and not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "name")
            m = _AGE_CORRECTION.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")
        if span.kind == "institution":
            original = text[span.start : span.end]
            if _TITLE_END.search(original):
                m = _AFTER_TITLE.match(text, span.end)
                if m:
                    # "Dr. José A. Ruiz Ortega": the whole name found (its title may open it)
                    end = m.end(1)
                    grown = True
                    while grown:
                        grown = False
                        for n in names:
                            gap = text[end : n.start]
                            if n.start <= end + 1 and n.end > end and not gap.strip():
                                end, grown = n.end, True
                    yield Span(span.start, end, "institution", span.strong)
        if span.kind == "place":
            m = _OR_PLACE.match(text, span.end)
            after = places.get(m.end()) if m else None
            if m and after is not None and re.match(r",[^\S\n]*[A-Z]", text[after.end :]):
                yield Span(span.start, after.end, "place", span.strong)


_DAY_NAMES = wordset("Sunday Monday Tuesday Wednesday Thursday Friday Saturday")


def kept24(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 24 takes back (the module's docstring)."""
    kept: list[Span] = []
    regions = [(m.start(), m.end()) for m in _REGION.finditer(text)]
    for span in spans:
        original = text[span.start : span.end]
        if span.kind == "place" and any(a <= span.start and span.end <= b for a, b in regions):
            continue  # "the Gulf Coast": a region
        if span.kind == "age" and _WEEKS_AGE.search(original) and _PREGNANT_AFTER.match(
            text, span.end
        ):
            continue  # "I'm 19 weeks pregnant": the pregnancy's age
        if span.kind == "place" and original in _REGIONS:
            continue  # "the Gulf Coast": a region
        if span.kind == "name" and original.rstrip("'’") in _GREETINGS | _TITLES:
            continue  # "Mornin', my grandson": a greeting; "Merci, Docteur": a title
        if span.kind == "institution" and original in _HEADS_ALONE:
            continue  # "le Centre de référence": a head word alone names nothing
        if span.kind == "institution":
            m = _ROLE_AT.match(original)
            if m and m.end() < len(original):
                span = Span(span.start + m.end(), span.end, span.kind, span.strong)
                original = text[span.start : span.end]
            m = _OPENING_DETERMINER.match(original)
            if m and not original[m.end() :].startswith("Lady") and m.end() < len(original):
                span = Span(span.start + m.end(), span.end, span.kind, span.strong)
                original = text[span.start : span.end]
            if _NO_CAPITALS.search(original):
                words = list(re.finditer(r"\S+", original))
                start = 0
                for word in words[:-1]:
                    if word.group() in _SCRIPT_STOPS or word.group().lower() in common_words():
                        start = word.end()
                    else:
                        break
                if start:
                    rest = original[start:]
                    lead = len(rest) - len(rest.lstrip())
                    span = Span(span.start + start + lead, span.end, span.kind, span.strong)
        if span.kind == "record_number":
            m = _HEALTH_LABEL_START.match(original)
            if m and m.group(1) in _HEALTH_LABELS:
                span = Span(span.start + m.end(), span.end, span.kind, span.strong)
        kept.append(span)
    return kept
