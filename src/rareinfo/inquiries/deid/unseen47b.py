"""Round 47's names, ages and places, read by their cue past the protection of ordinary and
medical words, and ``clamp47``, what round 47 keeps.

Names: "<Name>, 29, here" and "<Name>'s 6 and has" at a text's head, "<Name>'s teachers" there,
"A man, <Name>, has", "<Name> has turned 7", "Our little <Name> was", "my mate <Name> who", "the
<Name> whānau/family", a name corrected after a name ("... <Name> I mean", "... no, <name>... i
mean <name>", "i'm <name>... no, <name>"), "her name is <name>", "<name> is my niece" opening a
text, "thanking you, <Name>" closing one, "twins <Name> and <Name>", and self-introductions and
kin words in other languages (Czech "jmenuji se", Russian "меня зовут", Turkish "ben <Name>,",
Dutch "Ik ben <Name>, 41", Swedish "Min fru/son <Name>", Hausa "Ɗana <Name>", Persian "من <name>
از <town> هستم", Hindi, Bengali, Chinese "我叫", Korean, Amharic, Thai "ลูกสาว <name> อายุ").
Ages: "<kin or name> is 60 and/with", a number in brackets after a name, "a student of ours, 20,
has", a reply to "How old ...?" in a chat, "<name> here. 33.", Czech "je mi 55", Swedish "Hon är
45.", German "Sie ist jetzt 4.". Places: a lower-case region after a town ("<town> mass",
"<town> jalisco"), a lower-case town and its state or county code ("from <town> vic", "in <town>
staffs"), a lower-case unknown town after "near" or "live(s) in" closing a sentence, "usa" after
in/only/from, corrected places ("tx i mean texas", "<Town>... sorry, I mean <Town>", "they
moved, <Town>", "lol, <known town>."), "<province code> health number", a case ending after an
Indic town ("ভারতে"), and towns after their cue in Italian ("Abitiamo a"), Finnish ("Asumme"),
Hungarian ("<Town>ben élünk"), Turkish ("<Town>'da yaşıyoruz"), Thai ("เราอยู่ที่"), Tamil
("நாங்கள் <town> அருகில்": the postposition stays), Bengali, Korean, Persian, Hindi, Amharic.

``clamp47`` keeps: a German compound in "-Syndrom", a medical word after "Subject:", Dutch
"syndroom/ziekte van", "Torres Strait Islander", a verb in capitals after a hospital ("AT
<HOSPITAL> SAYS SURGERY"), a specialty clinic before a hospital on an address line ("To:
Genetics Clinic, <Hospital>"), forum abbreviations before a name ("My DS <Name>"), a screening
limit ("every 3 months until 8", "scoped from age 8"), "every" after a lower-case hospital,
a kind of service taken for a hospital ("seen at outpatients in"),
staged heart operations ("the Norwood and Glenn"), French "n'a rien", Irish "agus" after a
name."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import (
    cities,
    given_names,
    lower_cities,
    region_abbreviations,
    regions,
)
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen44 import (
    CORRECTION_DOTS,
    NAME_WORD,
    NOT_A_NAME,
    STATE_CODES,
    STATE_NAMES,
)
from rareinfo.inquiries.deid.unseen47 import institutions47
from rareinfo.inquiries.deid.vocabulary import Lexicon, wordset

_S = r"[^\S\n]+"
_NUMBER = (
    r"\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
    r"|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty"
)
_FUNCTION = wordset(
    "the a an my our his her their this that and or but to of in on at for with from is are"
    " was were be it we they he she you i me us so if as by not no yes"
)


@lru_cache(maxsize=1)
def _lower_regions() -> frozenset[str]:
    """One-word regions and countries in lower case ("texas"), and the first word of a
    region's official name before "de/do/del" ("michoacán")."""
    return frozenset(
        w[0].lower()
        for v in regions().values()
        for w in v
        if len(w) == 1 or w[1] in ("de", "do", "del")  # "Michoacán de Ocampo"
    )


# ---------------------------------------------------------------------------------- names

_HEAD_NAME_AGE = gated(rf"^({NAME_WORD}),\s+(\d{{1,2}})[,.]\s")
_HEAD_POSSESSIVE_AGE = gated(
    rf"^({NAME_WORD})['’]s\s+({_NUMBER})\s+(?:and|now|with|today|next)\b"
)
_HEAD_POSSESSIVE_KIN = gated(
    rf"^({NAME_WORD})['’]s\s+(?:teachers?|school|class|nursery|mum|mom|dad|parents|doctors?"
    r"|consultant|team|carers?|brother|sister|friends|classmates|grandma|grandad)\b"
)
_PERSON_COMMA = gated(
    r"\b(?:man|woman|boy|girl|patient|lady|gentleman|client|proband|student|pupil|teenager"
    rf"|toddler),\s+({NAME_WORD}),\s+(?:has|is|was|had|who)\b"
)
_HAS_TURNED = gated(rf"\b({NAME_WORD})\s+has\s+(?:just\s+|now\s+)?turned\s+(?:{_NUMBER})\b")
_OUR_LITTLE = gated(
    rf"\b(?:[Oo]ur|[Mm]y)\s+little\s+({NAME_WORD})\s+(?:was|is|has|had|started|got)\b"
)
_MY_MATE = gated(
    r"\b(?:my|our)\s+(?:mate|friend|best\s+friend|pal|buddy|colleague|neighbour|neighbor"
    rf"|flatmate|roommate|housemate)\s+({NAME_WORD})(?=\s+(?:who|is|has|was|had)\b|,)"
)
_THE_FAMILY = gated(rf"\bthe\s+({NAME_WORD})\s+(?:whānau|whanau|family|clan)\b")
_I_MEAN_AFTER = gated(rf"{CORRECTION_DOTS}\s*({NAME_WORD})\s+I\s+mean\b")
_LOWER_CHAIN = gated(
    rf"{CORRECTION_DOTS}\s*(?:no|sorry),?\s+([a-z]{{3,}}){CORRECTION_DOTS}\s*i\s+mean\s+"
    r"([a-z]{3,})\b"
)
_IM_CORRECTED = gated(
    rf"\b[Ii]['’]?m\s+([a-z]{{2,}}){CORRECTION_DOTS}\s*(?:no|sorry),?\s+([a-z]{{3,}})\b"
)
_NAME_IS = gated(
    r"\b(?:her|his|my|their)\s+(?:real\s+)?name\s+is\s+([a-z]{3,}|" + NAME_WORD + r")\b"
)
_IS_MY_KIN = gated(
    r"^([A-Za-z][a-z]{2,})\s+is\s+my\s+(?:niece|nephew|son|daughter|grandson|granddaughter"
    r"|brother|sister|cousin|husband|wife|partner)\b(?!['’]s)"
)
_NOT_OPENING_NAMES = wordset(
    "this that who there what here attached below above enclosed which where why how"
)
_THANKING = gated(rf"\b[Tt]hanking\s+you,?\s+({NAME_WORD})\s*$")
_TWINS = gated(rf"\btwins\s+(?:{NAME_WORD}|\[name\])\s+and\s+({NAME_WORD})\b")
_OTHER_NAMES = tuple(
    gated(p)
    for p in (
        rf"\bjmenuji\s+se\s+({NAME_WORD})",
        r"меня\s+зовут\s+([А-ЯЁ][а-яё]+)",
        rf"\b[Bb]en\s+({NAME_WORD}),",
        rf"\bIk\s+ben\s+({NAME_WORD}),\s+\d",
        r"\b(?:[Mm]in|[Mm]itt)\s+(?:fru|man|son|dotter|pappa|mamma|bror|syster|sambo|morfar"
        rf"|farfar|mormor|farmor|søn|datter)\s+({NAME_WORD})\b",
        rf"(?:Ɗana|Dana|['’]Yata|Ƴata)\s+({NAME_WORD})\b",
        r"\bمن\s+([\u0600-\u06ff]{2,})\s+از\s+[\u0600-\u06ff]{2,}\s+هستم",
        r"मैं\s+([\u0900-\u097f]+)\s+[\u0900-\u097f]+\s+से\s+हूँ",
        r"আমি\s+([\u0980-\u09ff]+),\s*[\u0980-\u09ff]+\s+থেকে",
        r"我叫([\u4e00-\u9fff]{2,3})(?=[，,。.])",
        r"[가-힣]+에\s+사는\s+([가-힣]{2,3}?)(?:예요|이에요|입니다)",
        r"እኔ\s+((?!ከ)[\u1200-\u135a]+)\s+ነኝ",
        r"(?:ลูกสาว|ลูกชาย)(?:ของฉัน|ของดิฉัน)?\s*(?:ชื่อ\s*)?(?:น้อง)?"
        r"((?:(?!ของ|ชื่อ|ฉัน|ดิฉัน)[\u0e00-\u0e7f])+?)\s*อายุ",
    )
)

# ----------------------------------------------------------------------------------- ages

_IS_NUMBER = gated(
    rf"\b(?:is|are)\s+((?:{_NUMBER})(?:\s+(?:months?|years?)(?:\s+old)?)?)"
    r"(?=\s+(?:and|with|n|&)\s|,\s)"
)
_KIN_WORDS = gated(
    r"\b(?:son|daughter|niece|nephew|brother|sister|mother|father|mum|mom|dad|in\s+law"
    r"|husband|wife|partner|twins|grandson|granddaughter|cousin|baby|boy|girl)\b|\[name\]"
)
_SENTENCE_END = gated(r"(?<!\.)[.?!](?!\.)\s|\n")
_AGE_SUBJECT = gated(  # the word before "is": a kin word, a pronoun, a name
    r"(?:\b(?:son|daughter|niece|nephew|brother|sister|mother|father|mum|mom|dad|law|husband"
    r"|wife|partner|twins|grandson|granddaughter|cousin|baby|boy|girl|he|she|they|both)"
    r"|\b[A-Z][a-z]+)[\s,.…—]*(?:\([^()]*\)[\s,]*)?$"  # "<Name> (she hates it), is 5"
)
_MEASURE_BEFORE = gated(
    r"\b(?:dose|score|level|count|ck|weight|kg|bmi|reading|number|result|temperature|it|that"
    r"|this)\s+$"
)
_BRACKET_AGE = gated(r"[\s—–-]*\((\d{1,2})\)")
_PERSON_AGE = gated(
    r"\b(?:proband|student|patient|pupil|man|woman|boy|girl|child|lady|gentleman|client"
    r"|resident|employee|colleague)(?:\s+of\s+(?:ours|mine))?,\s+(\d{1,2}),\s+"
    r"(?:has|is|was|had|with)\b"
)
_HOW_OLD = gated(
    rf"How\s+old[^\n]*\n[^\n]*?:\s*((?:{_NUMBER})(?:\s+(?:years?|months?))?)(?=\s*(?:[,.!]|$))",
    re.M,
)
_HERE_AGE = gated(r"\s+here[.,]\s+(\d{1,2})[.,]")
_NAME_AGE = gated(r"\b(?:name|here)[,.]\s+(\d{1,2}),\s+(?:i|I)\s+(?:have|am|was|got|had)\b")
_OTHER_AGES = tuple(
    gated(p)
    for p in (
        r"\bje\s+mi\s+(\d{1,2})\b",
        r"\b(?:Hon|Han)\s+är\s+(\d{1,2})(?=[.,])",
        r"\b(?:Sie|Er)\s+ist\s+jetzt\s+(\d{1,2})(?=[.,!?])",
    )
)

# --------------------------------------------------------------------------------- places

_REGION_AFTER = gated(r"[^\S\n]([a-zá-úñ]{4,})(?=[.?!,]|\s*$|\s+(?:and|we|i)\b)")
_AREA_CODES = (
    r"vic|nsw|qld|tas|act|staffs|yorks|lancs|hants|notts|derbys|leics|northants|glos|wilts"
    r"|oxon|bucks|beds|herts|cambs|worcs|shrops|lincs|berks"
)
_TOWN_CODE = gated(
    rf"\b(?:from|in|near)\s+([a-z]{{3,}}(?:\s+[a-z]{{3,}})?)\s+({_AREA_CODES})\b"
    rf"|(?:^|[?.!]\s+)([a-z]{{3,}}(?:\s+[a-z]{{3,}})?)\s+({_AREA_CODES})\s*$"
)
_LOWER_TOWN_END = gated(
    r"\b(?:near|(?:live|lives|living|based|stay|stays|staying|him|her|them|us|school|moved"
    r"|born|settled)\s+in)\s+([a-z]{3,}(?:\s+[a-z]{3,})?)(?=[.?!]|\s*$)"
)
_LOL_TOWN = gated(r"\b(?:lol|sorry|i\s+mean|no),\s+([a-z]{4,})(?=[.?!])")
_USA = gated(r"\b(?:in|only|from|to)\s+(usa)(?=[?.!,]|\s*$)")
_CODE_I_MEAN = gated(rf"\b({STATE_CODES})\s+i\s+mean\s+({STATE_NAMES.lower()})\b")
_PLACE_CORRECTED = gated(rf"({NAME_WORD}){CORRECTION_DOTS}\s*(?:sorry|no),?\s+(?:I\s+mean\s+)?$")
_MOVED = gated(rf"\b(?:they|we|she|he)\s+moved,?\s+(?:to\s+)?({NAME_WORD})\b")
_HEALTH_NUMBER = gated(r"\b([A-Z]{2,3})\s+[Hh]ealth\s+(?:number|card|no\.?)\b")
_OTHER_PLACES = tuple(
    gated(p)
    for p in (
        rf"\b[Aa]bitiamo\s+a\s+({NAME_WORD})",
        rf"\b[Aa]summe\s+({NAME_WORD})",
        rf"\b({NAME_WORD}(?:ben|ban|on|en|ön))\s+élünk",
        rf"\b({NAME_WORD})['’](?:da|de|ta|te)\s+(?:yaşıyoruz|oturuyoruz|yaşıyorum)",
        r"เราอยู่ที่\s*(?:จังหวัด)?([\u0e00-\u0e7f]+)",
        r"நாங்கள்\s+([\u0b80-\u0bff]+)\s+(?=அருகில்|ஊரில்|பகுதியில்|ல்\s|இல்\s)",
        r"আমরা\s+([\u0980-\u09ff]+)\s+(?:শহরে|গ্রামে|জেলায়)\s+থাকি",
        r"([가-힣]{2,})에\s+사는",
        r"\bمن\s+[\u0600-\u06ff]{2,}\s+از\s+([\u0600-\u06ff]{2,})\s+هستم",
        r"मैं\s+[\u0900-\u097f]+\s+([\u0900-\u097f]+)\s+से\s+हूँ",
        r"আমি\s+[\u0980-\u09ff]+,\s*([\u0980-\u09ff]+)\s+থেকে",
        r"ነኝ\s+ከ([\u1200-\u135a]+)",
    )
)
_INDIC_ENDING = gated(r"[\u0900-\u0dff]*")
_THAI_KIN = wordset("สาว ชาย น้องสาว น้องชาย พี่สาว พี่ชาย คนโต คนเล็ก คนกลาง คนแรก")
_TAMIL_AFTER = wordset("அருகில் ஊரில் பகுதியில் ல் இல்")


def _named(lex: Lexicon, word: str) -> bool:
    return word not in NOT_A_NAME and (
        word.capitalize() in given_names() or not lex.plain(word)
    )


def _names(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    for pattern in (_HEAD_NAME_AGE, _HEAD_POSSESSIVE_AGE):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word not in NOT_A_NAME and word not in lex.eponyms and (
                pattern is _HEAD_POSSESSIVE_AGE
                or word.lower() not in lex.medical
                or word in given_names()
            ):
                yield Span(m.start(1), m.end(1), "name")  # "Isabeau, 29, here."
                yield Span(m.start(2), m.end(2), "age")
    for pattern in (_PERSON_COMMA, _HAS_TURNED, _OUR_LITTLE, _MY_MATE, _THANKING, _TWINS):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word in NOT_A_NAME or (
                pattern is not _TWINS and word.lower() in lex.medical and word not in given_names()
            ):
                continue
            if pattern in (_HAS_TURNED, _OUR_LITTLE) and not _named(lex, word):
                continue  # "Surgery has turned 2"
            yield Span(m.start(1), m.end(1), "name")  # "A man, Hohepa, has"
    for m in _HEAD_POSSESSIVE_KIN.finditer(text):
        if _named(lex, m.group(1)) and m.group(1) not in lex.eponyms:
            yield Span(m.start(1), m.end(1), "name")  # "Tristram's teachers at"
    for m in _THE_FAMILY.finditer(text):
        if not lex.plain(m.group(1)) and m.group(1) not in NOT_A_NAME:
            yield Span(m.start(1), m.end(1), "name")  # "the Ngata whānau"
    for name in spans:
        if name.kind != "name":
            continue
        meant = _I_MEAN_AFTER.match(text, name.end)
        if meant and _named(lex, meant.group(1)):
            yield Span(meant.start(1), meant.end(1), "name")  # "[name]... Westley I mean"
        chain = _LOWER_CHAIN.match(text, name.end)
        if chain and all(_named(lex, chain.group(g)) for g in (1, 2)):
            for group in (1, 2):
                yield Span(chain.start(group), chain.end(group), "name")  # "no, uziel... i mean"
    for m in _IM_CORRECTED.finditer(text):
        if _named(lex, m.group(2)) and m.group(1) not in _FUNCTION:
            for group in (1, 2):
                yield Span(m.start(group), m.end(group), "name")  # "i'm siv... no, solveig"
    for m in _NAME_IS.finditer(text):
        if _named(lex, m.group(1)):
            yield Span(m.start(1), m.end(1), "name")  # "her name is mirabel"
    for m in _IS_MY_KIN.finditer(text):
        if m.group(1).lower() not in _FUNCTION | _NOT_OPENING_NAMES:
            yield Span(m.start(1), m.end(1), "name")  # "hope is my niece"
    for pattern in _OTHER_NAMES:
        for m in pattern.finditer(text):
            if m.group(1) not in NOT_A_NAME and m.group(1) not in _THAI_KIN:
                yield Span(m.start(1), m.end(1), "name")  # "jmenuji se Radka"


def _ages(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    for m in _IS_NUMBER.finditer(text):
        stops = [b.start() for b in _SENTENCE_END.finditer(text, 0, m.start())]
        start = stops[-1] if stops else -1
        sentence = text[start + 1 : m.start()]
        subject = _KIN_WORDS.search(sentence) or any(
            s.kind == "name" and start < s.start < m.start() for s in spans
        )
        if subject and not _MEASURE_BEFORE.search(sentence) and (
            _AGE_SUBJECT.search(sentence)
            or any(s.kind == "name" and 0 <= m.start() - s.end <= 8 for s in spans)
        ):
            yield Span(m.start(1), m.end(1), "age")  # "my mother in law is 60 and"
    for name in spans:
        if name.kind != "name":
            continue
        for pattern in (_BRACKET_AGE, _HERE_AGE):
            after = pattern.match(text, name.end)
            if after:
                yield Span(after.start(1), after.end(1), "age")  # "Storm (3)"
    for pattern in (_PERSON_AGE, _HOW_OLD, _NAME_AGE, *_OTHER_AGES):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")  # "A student of ours, 20, has"


def _places(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    for place in spans:
        if place.kind != "place":
            continue
        m = _REGION_AFTER.match(text, place.end)
        if m and m.group(1) in _lower_regions() and not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "place")  # "<town> michoacán"
        if text[place.end : place.end + 5].lower() == " mass" and not text[
            place.end + 5 : place.end + 6
        ].isalpha():
            yield Span(place.end + 1, place.end + 5, "place")  # "<town> mass"
        m = _PLACE_CORRECTED.search(text, max(0, place.start - 60), place.start)
        if m and (not lex.plain(m.group(1)) or m.group(1) in cities()):
            yield Span(m.start(1), m.end(1), "place")  # "Mobile... sorry, I mean <Town>"
    for m in _TOWN_CODE.finditer(text):
        town, code = (1, 2) if m.group(1) else (3, 4)
        if m.group(town).split()[0] not in _FUNCTION:
            yield Span(m.start(town), m.end(town), "place")  # "from swan hill vic"
            yield Span(m.start(code), m.end(code), "place")
    for m in _LOWER_TOWN_END.finditer(text):
        words = m.group(1).split()
        if words[0] in _FUNCTION or any(w in lex.medical for w in words):
            continue
        if not lex.plain(words[-1]) and not lex.plain(words[-1].removesuffix("s")):
            yield Span(m.start(1), m.end(1), "place")  # "near fermoy."
    for m in _LOL_TOWN.finditer(text):
        if m.group(1) in lower_cities():
            yield Span(m.start(1), m.end(1), "place")  # "lol, missoula."
    for pattern in (_USA, _MOVED, _HEALTH_NUMBER, *_OTHER_PLACES):
        for m in pattern.finditer(text):
            if pattern is _HEALTH_NUMBER and m.group(1) not in region_abbreviations():
                continue
            if pattern is _MOVED and lex.plain(m.group(1)) and m.group(1) not in regions():
                continue
            yield Span(m.start(1), m.end(1), "place")  # "Abitiamo a Vasto"
    for m in _CODE_I_MEAN.finditer(text):
        for group in (1, 2):
            yield Span(m.start(group), m.end(group), "place")  # "tx i mean texas"


# ---------------------------------------------------------------------------------- clamp

_GERMAN_COMPOUND = gated(r"-(?:Syndrom|Krankheit|Erkrankung|Syndroms)$")
_SUBJECT_BEFORE = gated(r"(?:^|\n)Subject:\s*$")
_DUTCH_OF = gated(r"\b(?:syndroom|ziekte|Syndroom|Ziekte)\s+$")
_ISLANDER = gated(r"^(?:Torres\s+Strait(?:\s+Islanders?)?|Pacific\s+Islanders?)$")
_ISLANDER_AFTER = gated(r"^(?:\s+Strait)?\s+Islanders?\b")
_CAPS_VERB = gated(r"\s(?:SAYS|SAID|TOLD|WANTS|THINKS|RECOMMENDS|SUGGESTS)\b", re.I)
_SPECIALTY_CLINIC = gated(r"^(?:[A-Z][a-z]+\s+){1,2}Clinic$")
_ADDRESSED = gated(r"(?:^|\n)(?:To|Attn|Attention|FAO|Cc):\s*$")
_COMMA_AFTER = gated(r"^,\s+")
_FORUM = gated(r"^(?:DS|DD|DH|DW|DSD|DSS|DDs)\s+")
_EVERY_BEFORE = gated(
    r"\bevery\s+\d{1,2}\s+(?:months?|years?|weeks?)\b[^.?!\n]*\b(?:until|till|stop\s+at"
    r"|up\s+to)\s+(?:age\s+)?$"
)
_SCREEN_FROM = gated(
    r"\b(?:scoped|screened|tested|checked|monitored|scanned|seen)\s+from\s+(?:age\s+)?$"
)
_TRAILING_TIME = gated(r"\s+(?:every|each|since|until)$")
_GENERIC_CARE = wordset(
    "outpatients outpatient casualty physio physiotherapy rehab daycare preschool clinic"
    " hospital school nursery"
)
_STAGED = wordset("Norwood Glenn Fontan Sano Rastelli Ross Nissen Whipple Kasai Nuss Konno")
_STAGED_BEFORE = gated(r"\b(?:the|and|a)\s+(?:[A-Z][a-z]+\s+and\s+)?$")
_ELIDED = gated(r"^[nN]['’](?:a|ai|est|ont|as|avons|avait)$")
_NEGATED = gated(r"\b[nN]['’][a-zé]+\s+$")
_IRISH_AND_END = gated(r"\s+agus$")


def _trimmed(lex: Lexicon, text: str, span: Span) -> Span | None:
    """``span`` less the words round 47 keeps (None: the whole span is kept)."""
    piece = text[span.start : span.end]
    before = text[max(0, span.start - 80) : span.start]
    after = text[span.end : span.end + 40]
    kind = span.kind
    if _GERMAN_COMPOUND.search(piece) and " " not in piece:
        return None  # "das Cri-du-Chat-Syndrom"
    words = piece.split()
    if kind != "date" and _SUBJECT_BEFORE.search(before) and piece.lower() in lex.medical:
        return None  # "Subject: Homocystinuria"
    if kind == "name" and piece == "van" and _DUTCH_OF.search(before):
        return None  # "syndroom van Lynch"
    if kind == "place" and (_ISLANDER.match(piece) or (
        piece in ("Torres", "Torres Strait") and _ISLANDER_AFTER.match(after)
    )):
        return None  # "a Torres Strait Islander boy"
    if kind == "institution" and (m := _CAPS_VERB.search(piece)):
        return Span(span.start, span.start + m.start(), kind, span.strong)  # "... SAYS"
    if kind in ("institution", "place") and _SPECIALTY_CLINIC.match(piece) and (
        _COMMA_AFTER.match(after) and _ADDRESSED.search(before)
    ) and all(lex.plain(w) for w in words[:-1]):
        return None  # "To: Genetics Clinic, <Hospital>"
    if kind == "name" and (m := _FORUM.match(piece)):
        return Span(span.start + m.end(), span.end, kind, span.strong)  # "My DS Fergus"
    if kind == "name" and piece in ("DS", "DD", "DH", "DW"):
        return None
    if kind == "age" and (_EVERY_BEFORE.search(before) or _SCREEN_FROM.search(before)):
        return None  # "every 3 months until 8": a screening limit
    if kind == "institution" and piece in _GENERIC_CARE:
        return None  # "seen at outpatients in": a kind of service, no name
    if kind == "institution" and piece.islower() and (m := _TRAILING_TIME.search(piece)):
        return Span(span.start, span.start + m.start(), kind, span.strong)  # "... every"
    if kind in ("name", "place") and piece in _STAGED and _STAGED_BEFORE.search(before):
        return None  # "the Norwood and Glenn"
    if kind == "name" and (_ELIDED.match(piece) or (
        piece in ("rien", "pas", "jamais", "personne", "plus") and _NEGATED.search(before)
    )):
        return None  # "Ma mère n'a rien"
    if kind == "name" and piece == "agus":
        return None  # "mo mhac <Name> agus tá": Irish "and"
    if kind == "name" and (m := _IRISH_AND_END.search(piece)):
        return Span(span.start, span.start + m.start(), kind, span.strong)  # "agus"
    return span


def _tamil_after(text: str, towns: list[Span]) -> list[tuple[int, int]]:
    """The Tamil postposition after a town this round finds ("கும்பகோணம் அருகில்")."""
    out = []
    for town in towns:
        m = re.match(r"\s+(\S+)", text[town.end :])
        if m and m.group(1) in _TAMIL_AFTER:
            out.append((town.end + m.start(1), town.end + m.end(1)))
    return out


def clamp47(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words round 47 keeps (the module's docstring), plus round 47's
    institutions read off the ones found, and its names, ages and places read by their cue."""
    found = list(institutions47(lex, text, spans))
    names = list(_names(lex, text, spans))
    found += names
    found += list(_ages(lex, text, [*spans, *names]))
    places = list(_places(lex, text, spans))
    found += places
    found = [  # a name this round finds inside a span of another kind is left to that span
        f
        for f in found
        if not any(s.kind != f.kind and s.start <= f.start and f.end <= s.end for s in spans)
    ]
    tamil = _tamil_after(text, places)
    kept: list[Span] = []
    for span in [*spans, *found]:
        if span.kind == "place" and (m := _INDIC_ENDING.match(text, span.end)) and m.end() > (
            span.end
        ) and _INDIC_ENDING.match(text[span.end - 1 : span.end]):
            span = Span(span.start, m.end(), "place", span.strong)  # "ভারতে": the case ending
        if span.kind == "place" and any(a <= span.start and span.end <= b for a, b in tamil):
            continue  # "கும்பகோணம் அருகில்": the postposition stays
        trimmed = _trimmed(lex, text, span)
        if trimmed is not None and trimmed.end > trimmed.start:
            kept.append(trimmed)
    return kept
