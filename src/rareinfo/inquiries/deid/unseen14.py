"""Round 14's shapes, for what was neither removed nor flagged. Ids: an ORCID iD
("0000-0002-1825-009X"), a handle with an underscore ("as sleepy_knees"). Ages: a fraction
("is 3½"), "2 and a bit", "a year and a half", "9/12" as months in brackets or after one's
child, and by the word for "years" in Welsh ("yn chwech oed"), Māori ("e whitu ōna tau"),
Scottish Gaelic ("naoi bliadhna a dh'aois") and isiZulu/isiXhosa ("oneminyaka
emithathu"). Places: a first-level region after a field ("Province: Manitoba"), before
"province" ("North West province"), a Canadian or Australian state's code after a removed town
("[town] nb", "[hospital], VIC"), "in SA"; Nguni locatives before a capitalised name
("e-Ulundi", "wase-Mthatha"; "ngu-" before a name). Institutions: a removed name followed by
its head word ("... Church Hall", "... Detachment", "... Family Place", "... Aged Care");
Māori "Kōhanga Reo o ...", "Te Kura Kaupapa Māori o ..."; French "École secondaire ...";
Malay "SK ...", "SMK ..."; Swahili "Hospitali ya ..."; an unknown word before "Hospital".
Names: in apposition after a person ("Our placement, Name, is"; "Brother (Name)"), after
self-introductions in other languages ("Sou a", "Naitwa", "mimi ni", "is mise",
"ndinguye", "ek is", "Mae fy mab,")."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    CAP_WIDE,
    INSTITUTION_HEADS,
    TITLES,
    WEAK_HEADS,
    Lexicon,
    common_words,
    foreign_words,
    wordset,
)

_S = r"[^\S\n]+"
_NAME = rf"{CAP_WIDE}[^\W\d_]+(?:[-'’][^\W\d_]+)*"
_NAMES = rf"{_NAME}(?:{_S}(?:(?:van|von|de|der|da|dos|du|bin|binti|ni){_S})?{_NAME}){{0,2}}"

# ---------------------------------------------------------------------------- ids

_ORCID = gated(r"(?<![\w-])(\d{4}-\d{4}-\d{4}-\d{3}[\dX])(?![\w-])")
_UNDERSCORE = gated(
    r"(?<![\w.@/:#-])([A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+_?)(?!\w)(?![@/.-]\w)"
)

# ---------------------------------------------------------------------------- ages

_IS = r"\b(?:is|was|turns|turned|aged|age|now|just)"
_AGE_UNIT = r"(?:years?|yrs?|months?|mos?|weeks?)"
# what follows such an age: a stop or a link word, no measure ("2½ kg", "2 and a half tablets")
_THEN = r"(?=[^\S\n]*(?:[,.;:!?)]|\n|$)|[^\S\n]+(?:and|&|with|who|but|now|has|had|so|when|yet)\b)"
_FRACTION = gated(
    # "is 2½", "is 3 ½ and", "is 3½ months old"
    rf"{_IS}{_S}(\d{{1,2}}[^\S\n]?[½¼¾](?:{_S}{_AGE_UNIT}(?:{_S}old)?)?){_THEN}"
    # "is 2 and a bit", "is a year and a half", "is two and a half"
    rf"|{_IS}{_S}((?:\d{{1,2}}{_S}and{_S}a{_S}(?:bit|half)(?:{_S}{_AGE_UNIT})?(?:{_S}old)?"
    rf"|(?:a|one){_S}year{_S}and{_S}a{_S}half(?:{_S}old)?"
    rf"|(?:a|one){_S}and{_S}a{_S}half{_S}(?:years?{_S}old|year-old)){_THEN})"
    # "my youngest (9/12)", "son, 9/12, has": months written as a fraction of a year
    r"|\b(?:son|daughter|baby|child|youngest|eldest|boy|girl|grandson|granddaughter|twins?)"
    r"[^\S\n]*[,(][^\S\n]*(\d{1,2}/12)(?=[^\S\n]*[,)])"
    # Welsh "yn chwech oed", "yn 7 oed"
    r"|\byn[^\S\n]+((?:\d{1,2}|un|dau|dwy|tri|tair|pedwar|pedair|pump|chwech|saith|wyth|naw"
    r"|deg|deuddeg|pymtheg|deunaw|ugain)(?:[^\S\n]+(?:mlwydd|mis))?[^\S\n]+oed)\b"
    # Māori "e whitu ōna tau", "e 7 ōna tau"
    r"|\b(e[^\S\n]+(?:\d{1,2}|tahi|rua|toru|whā|wha|rima|ono|whitu|waru|iwa|tekau)"
    r"[^\S\n]+(?:ōna|ona|ōku|oku|ō|o)[^\S\n]+(?:tau|marama))\b"
    # Scottish Gaelic "naoi bliadhna a dh'aois", Irish-like "seachd bliadhna a dh'aois"
    r"|\b((?:\d{1,2}|aon|dà|trì|ceithir|còig|sia|seachd|ochd|naoi|deich)[^\S\n]+"
    r"(?:bliadhna|mìosan|mìos)[^\S\n]+a[^\S\n]+dh['’]aois)"
    # isiZulu, isiXhosa "iminyaka eyisithupha", "oneminyaka emithathu", "iminyaka engu-7"
    r"|\b(?:[a-z]*minyaka|[a-z]*nyanga)[^\S\n]+((?:e|ezi|engu-?|eli)?(?:\d{1,2}|"
    r"yisithupha|sithupha|mithathu|mibili|mine|mihlanu|yisikhombisa|sixhenxe|yisishiyagalombili"
    r"|sibhozo|yisishiyagalolunye|lithoba|yishumi|shumi|yisihlanu|hlanu|ntathu|mbili|nne)"
    r"[a-z]*)\b"
)

# a day of the month alone: "on the 3rd,", "on the 21st..."
_ON_THE = gated(
    r"\b[Oo]n[^\S\n]+the[^\S\n]+(\d{1,2}(?:st|nd|rd|th))(?=[^\S\n]*(?:[.,;!?)]|\n|$))"
)

# ---------------------------------------------------------------------------- places

# the rest of a town's name after a removed word: "[Rankin] Inlet", "[Uibhist] a Deas"
_TOWN_TAIL = gated(
    r"[^\S\n]+(Inlet|Bay|Harbour|Harbor|Creek|Falls|Springs|Landing|Crossing|Heights|Junction"
    r"|Sound|Narrows|a[^\S\n]+Deas|a[^\S\n]+Tuath|an[^\S\n]+Iar|an[^\S\n]+Ear)\b"
)

# a first-level region in a form's field, or before "province"
_REGION_FIELD = gated(
    rf"(?m)^[^\S\n]*[-*•]?[^\S\n]*(?:Province|State|Region|Territory|County|Provincia|Estado"
    rf"|Provinz|Bundesland)[^\S\n]*:[^\S\n]*({_NAME}(?:{_S}{_NAME}){{0,2}})[^\S\n]*$"
    rf"|\b((?:North|South|East|West|Northern|Southern|Eastern|Western|Free|North[^\S\n]West)"
    rf"(?:{_S}(?:West|East|Cape|State))?)(?={_S}[Pp]rovince\b)"
)
# Canada's and Australia's codes, in lower case too after a removed town ("[town] nb")
_CODES = wordset(
    "NB NL NS PE PEI QC ON MB SK AB BC YT NT NU NWT NSW VIC QLD TAS ACT WA SA NT"
)
_CODE_AFTER = gated(
    r"(?:,?[^\S\n]+)([A-Za-z]{2,3})(?=[^\S\n]*(?:[.,;!?)]|\n|$)|[^\S\n]+and\b)"
)
_IN_SA = gated(r"\b(?:in|to|from|across)[^\S\n]+(SA|RSA)(?=[^\S\n]*(?:[.,;!?)]|\n|$))")
# isiZulu and isiXhosa locatives and copulas before a name: "e-Ulundi", "wase-Mthatha",
# "ngu-Sibusiso"
_NGUNI = gated(
    rf"(?<![\w-])(?:e|se|wase|kwa|ku|eku|yase|zase|base|lase|sase|ose)-({_NAME}(?:-{_NAME})*)"
    rf"(?:{_S}(Hospital|Clinic|Hospitali|Clinic|Centre|Center|High|School))?"
    rf"|(?<![\w-])(?:ngu|ngum|ndingu|ndinguye|nguye)-?({_NAME}(?:{_S}{_NAME})?)"
)

# ---------------------------------------------------------------------------- institutions

# a head word right after a removed institution or place: "[St Aidan's Church] Hall"
_HEAD_AFTER = gated(
    r"[^\S\n]+((?:Church[^\S\n]+)?Hall|Detachment|Family[^\S\n]+Place|Aged[^\S\n]+Care"
    r"|Community[^\S\n]+Centre|Rest[^\S\n]+Home|Care[^\S\n]+Home|Nursing[^\S\n]+Home"
    r"|Kindergarten|Preschool|Playgroup|Medical[^\S\n]+Centre|Health[^\S\n]+Centre"
    r"|Scout[^\S\n]+Hut|Squadron)\b"
)
_JOIN = r"(?:o|a|de|du|des|la|le|ya|wa|la|Te|te|Ngā|Nga|Taman|Sri|Seri|bin|binti)"
# the first word of a Malay school's name after "SK", "SMK" ("SK Taman ...", "SMK Seri ...")
_MALAY_HEADS = (
    r"(?:Taman|Seri|Sri|Bandar|Kampung|Kg|Jalan|Bukit|Sungai|Sg|Desa|Padang|Pasir|Tanjung|Kota"
    r"|Batu|Ulu|Permatang|Kuala|Pulau|Telok|Teluk|Tun|Sultan|Sultanah|Raja|Tengku|Dato|Datuk"
    r"|Convent|Methodist|Puteri|Putera|Agama|Dato'|Tunku|Lembah|Ayer|Air|Simpang)"
)
_FOREIGN_SCHOOL = gated(
    # Māori: "Kōhanga Reo o Te ...", "Te Kura Kaupapa Māori o ...", "Kura Kaupapa Māori o ..."
    rf"\b((?:Te{_S})?(?:Kōhanga|Kohanga){_S}Reo(?:{_S}{_JOIN})*(?:{_S}{_NAME}(?:{_S}{_JOIN}"
    rf"(?={_S}{CAP_WIDE}))*)+"
    rf"|(?:Te{_S})?(?:Kura{_S}Kaupapa{_S}(?:Māori|Maori)|Kura{_S}Tuarua|Kura{_S}o|Wharekura)"
    rf"(?:{_S}{_JOIN})*(?:{_S}{_NAME}(?:{_S}{_JOIN}(?={_S}{CAP_WIDE}))*)+"
    # French: "École secondaire Pierre-Dupuy", "l'école primaire Saint-Jean"
    rf"|(?:École|Ecole|Collège|Lycée|Polyvalente|CPE|CLSC|CHSLD){_S}"
    rf"(?:(?:secondaire|primaire|élémentaire|publique|privée|intermédiaire|internationale"
    rf"|de|du|des|la|le){_S})*{_NAME}(?:{_S}{_NAME})*"
    # Malay: "SK Taman ...", "SMK Seri ...", "Sekolah Kebangsaan ...", "Hospital Sultanah ..."
    rf"|(?:(?:SK|SMK|SJKC|SJKT|SJK\([CT]\)){_S}(?={_MALAY_HEADS}\b)|(?:Sekolah{_S}(?:Kebangsaan"
    rf"|Menengah(?:{_S}Kebangsaan)?|Rendah)|Klinik{_S}Kesihatan|Tadika){_S})"
    rf"{_NAME}(?:{_S}{_NAME}){{0,4}}"
    # Swahili: "Hospitali ya Rufaa ya Kaunti ya Machakos", "Shule ya Msingi ..."
    rf"|(?:Hospitali|Shule|Zahanati|Kituo{_S}cha{_S}Afya)(?:{_S}(?:ya|la|cha|wa){_S}{_NAME})+"
    rf"|Shule{_S}ya{_S}(?:Msingi|Sekondari){_S}{_NAME}(?:{_S}{_NAME})?)"
)
# an unknown capitalised word before "Hospital", "Clinic": "Ngwelezane Hospital"
_UNKNOWN_HOSPITAL = gated(
    rf"(?<![\w-])({CAP_LATIN}[a-z]{{3,}})[^\S\n]+(?:Hospital|Clinic|Medical{_S}Centre)\b"
)

# ---------------------------------------------------------------------------- names

_APPOSED = gated(
    # "Our placement, Raymond, is": one word in commas after a person
    r"\b(?:[Oo]ur|[Mm]y|[Tt]he|[Aa]|[Oo]ne[^\S\n]+of[^\S\n]+our)[^\S\n]+(?:[a-z]+[^\S\n]+)?"
    r"(?:placement|foster[^\S\n]+child|foster[^\S\n]+son|foster[^\S\n]+daughter|ward|pupil"
    r"|student|client|patient|teens?|tamariki|mokopuna|godson|goddaughter|stepson"
    r"|stepdaughter|grandchild|nephew|niece|learner|camper|resident|member)"
    rf",{_S}({_NAME}),"
    # "Brother (Name) also", "Sister (Name) has"
    rf"|\b(?:[Bb]rother|[Ss]ister|[Ss]ibling|[Tt]win|[Mm]um|[Dd]ad|[Ff]ather|[Mm]other)"
    rf"[^\S\n]*\(({_NAME})\)"
    # self-introductions in other languages: Portuguese, Swahili, Gaelic and Irish, isiXhosa,
    # Afrikaans, Welsh
    rf"|\b(?:[Ss]ou[^\S\n]+(?:a|o)|[Ee]u[^\S\n]+sou[^\S\n]+(?:a|o)|[Mm]e[^\S\n]+chamo|[Cc]hamo-me"
    rf"|[Nn]aitwa|[Jj]ina[^\S\n]+langu[^\S\n]+ni|[Mm]imi[^\S\n]+ni|[Ii]s[^\S\n]+mise"
    rf"|[Ss]e[^\S\n]+mise|[Ii]s[^\S\n]+é[^\S\n]+m'ainm|[Nn]dinguye|[Nn]dingu|[Ee]k[^\S\n]+is"
    rf"|[Mm]y[^\S\n]+naam[^\S\n]+is|[Ff]y[^\S\n]+enw[^\S\n]+i[^\S\n]+yw|[Ss]he[^\S\n]+is"
    rf"|[Hh]e[^\S\n]+is|[Ii]gama[^\S\n]+lami[^\S\n]+ngu-?)"
    rf"{_S}({_NAMES})"
    # Welsh "Mae fy mab, Tomos,", Gaelic "Tha mo mhac Ruairidh,"
    rf"|\b(?:fy|mo)[^\S\n]+(?:mab|merch|mhac|nighean|plentyn|phlentyn|iníon|mhac)"
    rf"[^\S\n]*,?{_S}({_NAME})(?=[^\S\n]*,)"
    # "Wolseley ... teens, Nakoma, has", "...tamāhine, ko Rongomai tōna ingoa"
    rf"|\bko[^\S\n]+({_NAME})[^\S\n]+(?:tōna|tona|tōku|toku|tāna|tana)[^\S\n]+ingoa"
)
# a greeting, then a full name, then "here" or "from": "Hi, Name Surname from Town"; a form's
# field ("Patient: Name Surname"); "run by me, Name Surname, in"; one's child by name before
# a verb ("our son Name has"), in English, isiXhosa, isiZulu, Swahili, Afrikaans and Irish
_SELF = gated(
    rf"(?:^|(?<=\n))[^\S\n]*(?:Hi|Hello|Hey|Hiya|Dear[^\S\n]+all|Good[^\S\n]+(?:morning|day|afternoon))"
    rf"[,!]?{_S}({_NAME}{_S}{_NAME})(?={_S}(?:here|from)\b)"
    rf"|(?:^|(?<=\n))[^\S\n]*(?:Patient|Pt|Name|Child|Client|Pupil|Student)[^\S\n]*:[^\S\n]*"
    rf"({_NAME}(?:[^\S\n]{_NAME}){{1,2}})(?=[^\S\n]{{2,}}|[^\S\n]*(?:[,;]|\n|$))"
    rf"|\b(?:by|from|it['’]s)[^\S\n]+me,{_S}({_NAME}(?:{_S}{_NAME})?),"
    rf"|\b(?:son|daughter|boy|girl|grandson|granddaughter|nephew|niece)"
    rf"{_S}({_NAME})(?={_S}(?:has|had|is|was|who|and)\b)"
    rf"|\b(?:[Uu]mntwana[^\S\n]+wam|[Uu]nyana[^\S\n]+wam|[Ii]ntombi[^\S\n]+yam"
    rf"|[Ii]ndodana[^\S\n]+yami|[Ii]ngane[^\S\n]+yami|[Ii]ndodakazi[^\S\n]+yami"
    rf"|[Mm]toto[^\S\n]+wangu|[Mm]wanangu|[Mm]y[^\S\n]+(?:seun|dogter|kleinseun|kleindogter)"
    rf"|m['’]iníon|mo[^\S\n]+mhac|mo[^\S\n]+iníon)"
    rf"{_S}({_NAME})\b"
)
_GROUP_WORDS = wordset(
    "Trust Association Society Foundation Charity Group Team Network Alliance Support UK "
    "Office Club Project Service Services Line Helpline Desk Unit Centre Center"
)
_NOT_INTRO = wordset(
    "A O The This That It He She We I Dr Doctor Mr Mrs Ms Miss Mx Prof Professor"
)


# where one is from or lives, in Welsh ("ydw i o Llanbedr Pont Steffan", "byw yn"), Māori
# ("nō Ōpōtiki ahau"), Irish and Scottish Gaelic ("is mise NAME as Gaoth Dobhair"), Afrikaans
# ("van Upington in die Noord-Kaap", "woon in X in die Boland")
_PLACE_WORDS = rf"{_NAME}(?:{_S}(?:a|an|na|o|y|yr){_S}{_NAME}|{_S}{_NAME}){{0,3}}"
_FROM = gated(
    rf"\b(?:i|ni)[^\S\n]+o{_S}({_PLACE_WORDS})"
    rf"|\bbyw{_S}yn{_S}({_PLACE_WORDS})"
    rf"|\b[Nn]ō{_S}({_PLACE_WORDS}){_S}(?:ahau|au|mātou|matou|tātou|māua|maua)\b"
    rf"|\b[Ii]s{_S}mise\b[^\n]{{0,50}}?\b(?:as|à|á){_S}({_PLACE_WORDS})"
    rf"|\b(?:[Ee]k|[Oo]ns){_S}(?:woon|bly){_S}in{_S}({_NAME})"
    rf"|\b(?:woon|bly|van){_S}(?:in{_S})?({_NAME}){_S}in{_S}die{_S}({_NAME})"
    # Japanese "熊本に住んでいる", Chinese "住在杭州", "我是温美仪，"
    r"|([\u4e00-\u9fff]{2,4})(?=に住んで|在住|から来|出身)"
    r"|住在([\u4e00-\u9fff]{2,4})(?=[，,。、]|$)"
)
_CHINESE_SELF = gated(r"我是([\u4e00-\u9fff]{2,3})(?=[，,。、]|$)")
_CHINESE_ROLES = wordset(
    "妈妈 爸爸 母亲 父亲 患者 家长 医生 护士 老师 奶奶 爷爷 外婆 外公 姐姐 哥哥 妹妹 弟弟 女儿 "
    "儿子 病人 学生 孩子 患儿 妈妈们 病友 志愿者 社工 他妈妈 她妈妈 他爸爸 她爸爸"
)
_TAMIL_SELF = gated(r"நான்[^\S\n]+([\u0b80-\u0bff]+)(?=[^\S\n]*[,，])")


def _ordinary(word: str) -> bool:
    """An everyday word of English or another language (no eponym, no medical word)."""
    return word.lower() in common_words() or word.lower() in foreign_words()


def _ids(text: str) -> Iterator[Span]:
    for m in _ORCID.finditer(text):
        yield Span(m.start(1), m.end(1), "id")
    for m in _UNDERSCORE.finditer(text):
        word = m.group(1)
        if sum(c.isalpha() for c in word) >= 3 and not word.isupper():
            yield Span(m.start(1), m.end(1), "id")


def _ages(text: str) -> Iterator[Span]:
    for m in _FRACTION.finditer(text):
        group = next(i for i in range(1, 8) if m.group(i))
        yield Span(m.start(group), m.end(group), "age")


def _places(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _REGION_FIELD.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "place")
    for m in _IN_SA.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in _NGUNI.finditer(text):
        if m.group(1):
            if lex.plain(m.group(1)) and "-" not in m.group(1):
                continue
            kind = "institution" if m.group(2) else "place"
            end = m.end(2) if m.group(2) else m.end(1)
            yield Span(m.start(1), end, kind)
        elif not lex.plain(m.group(3).split()[0]):
            yield Span(m.start(3), m.end(3), "name")


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _FOREIGN_SCHOOL.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _UNKNOWN_HOSPITAL.finditer(text):
        if not lex.plain(m.group(1)) and m.group(1).lower() not in lex.medical:
            yield Span(m.start(1), m.end(), "institution")


def _names(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _APPOSED.finditer(text):
        group = next(i for i in range(1, 6) if m.group(i))
        words = m.group(group).split()
        while words and lex.plain(words[-1]) and len(words) > 1:
            words.pop()
        first = words[0]
        low = first.lower()
        # one word: no everyday or medical word ("He is Deaf"); an eponym may be a name
        # ("Our placement, Raymond, is")
        medical = low in lex.medical and (group > 2 or first not in lex.eponyms)
        if first in _NOT_INTRO or (len(words) == 1 and (_ordinary(first) or medical)):
            continue
        if first.lower() in lex.ordinary_medical:
            continue
        start = m.start(group)
        yield Span(start, start + len(" ".join(words)), "name")


def _people(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _SELF.finditer(text):
        group = next(i for i in range(1, 6) if m.group(i))
        start, words = m.start(group), m.group(group).split()
        if words[0].lower() in TITLES and len(words) > 1:  # "Patient: Master Name Surname"
            start = text.index(words[1], start)
            words = words[1:]
        if (
            words[0] in _NOT_INTRO
            or all(lex.plain(w) for w in words)
            or any(w in INSTITUTION_HEADS or w in WEAK_HEADS or w in _GROUP_WORDS for w in words)
        ):
            continue  # "Hello, Marfan Trust here"
        yield Span(start, m.end(group), "name")
    for m in _FROM.finditer(text):
        for group in range(1, 10):
            # an eponym too after a place cue ("van Upington in die ...")
            if not m.group(group) or all(_ordinary(w) for w in m.group(group).split()):
                continue
            yield Span(m.start(group), m.end(group), "place")
    for pattern in (_CHINESE_SELF, _TAMIL_SELF):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word in _CHINESE_ROLES or word[0] in "一这那的" or "的" in word:
                continue  # "我是妈妈，": a role, no name
            yield Span(m.start(1), m.end(1), "name")
    for m in _ON_THE.finditer(text):
        yield Span(m.start(1), m.end(1), "date")


def unseen14_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 14's ids, ages, places, institutions and names (the module's docstring)."""
    yield from _ids(text)
    yield from _ages(text)
    yield from _places(lex, text)
    yield from _institutions(lex, text)
    yield from _names(lex, text)
    yield from _people(lex, text)


def after14_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """A region's code after a removed town or institution ("[town] nb", "[hospital], VIC");
    an institution's head word after it ("[St Aidan's Church] Hall")."""
    for span in spans:
        if span.kind in ("place", "institution"):
            code = _CODE_AFTER.match(text, span.end)
            if code and code.group(1).upper() in _CODES and (
                code.group(1).isupper()
                or (code.group(1).islower() and code.group(1) not in common_words())
            ):
                yield Span(code.start(1), code.end(1), "place")
            head = _HEAD_AFTER.match(text, span.end)
            if head:
                yield Span(span.start, head.end(1), "institution")
        if span.kind == "place":
            m = _TOWN_TAIL.match(text, span.end)
            if m:
                yield Span(span.start, m.end(1), "place")


# Words no detector may take: a pet's breed after its age ("my 5 year old Lab"), Italian
# "Mia"/"Mio" before kin ("Mia madre"), a haemoglobin variant ("Hb Bart's", "Hb Lepore"), a
# virus or fever named after a place ("Ross River virus", "Rift Valley fever"), a possessive
# eponym one is told a disease is called ("it's called Kahler's?")
_KEPT = gated(
    r"\b(?:\d{1,2}[^\S\n]*(?:-|[^\S\n])?(?:year|yr|month)s?[-\s]old|\d{1,2}[^\S\n]*yo|our|my|the)"
    r"[^\S\n]+((?:Lab|Labrador|Labradoodle|Cockapoo|Collie|Spaniel|Terrier|Poodle|Beagle|Husky"
    r"|Retriever|Dachshund|Staffie|Staffy|Westie|Yorkie|Corgi|Boxer|Greyhound|Whippet|Pug"
    r"|Rottweiler|Doberman|Dalmatian|Schnauzer|Chihuahua|Alsatian|Border[^\S\n]+Collie"
    r"|Springer|Cocker|Shih[^\S\n]+Tzu|Bulldog|Frenchie|Maine[^\S\n]+Coon|Siamese|Persian"
    r"|Ragdoll|Bengal|Sphynx))\b"
    r"|(?:^|(?<=[.!?\n][^\S\n])|(?<=^[^\S\n]))((?:Mia|Mio|Mie|Miei))"
    r"(?=[^\S\n]+(?:madre|padre|figlia|figlio|figli|figlie|sorella|fratello|nonna|nonno|moglie"
    r"|marito|mamma|zia|zio|cugina|cugino|nipote|bambina|bambino)\b)"
    rf"|\b(?:Hb|HB|[Hh]a?emoglobin){_S}({CAP_LATIN}[\w]+(?:['’]s)?(?:{_S}{CAP_LATIN}[\w]+)?)"
    rf"|\b((?:{CAP_LATIN}[a-z]+{_S}){{1,2}})(?=(?:virus|fever|encephalitis)\b)"
    rf"|\b(?:called|it['’]s|it[^\S\n]+is|maybe|or)[^\S\n]+({CAP_LATIN}[a-z]+['’]s)"
    r"(?=[^\S\n]*(?:\?|\.\.\.|,|[^\S\n]+(?:disease|syndrome|something|or)\b))"
)


def kept_ranges(text: str) -> list[tuple[int, int]]:
    """Where no span may fall (the shapes of ``_KEPT``)."""
    found: list[tuple[int, int]] = []
    for m in _KEPT.finditer(text):
        group = next(i for i in range(1, 6) if m.group(i))
        found.append((m.start(group), m.end(group)))
    return found

