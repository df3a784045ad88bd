"""Round 15's shapes. Institutions by their head word after "at" ("at Community Health
Network", "at Saint Jude's Family Hub"), a bare hospital known by one word after a visit
("at the Mater"), French "collège"/"lycée"/"école" in lower case before a name. Ages in words
with a fraction ("is three and a half", "(five and three-quarters)"), Spanish number words
before "años" ("Tengo veintiún años"; an onset, "desde los 17", stays), Kannada ("8 ವರ್ಷ")
and Quechua ("pichqa watayuq"). Names: a lower-case word after a greeting's "i'm" ("hi i'm
bramble..."),
after one's partner or child ("my gf pepper has"), a given name after "my 5yo", a sign-off
after a dash ("— Name in Town"). Places in Indic scripts after a place cue (Hindi "हम X से हैं",
Gurmukhi "ਅਸੀਂ X ਤੋਂ ਹਾਂ") and AIIMS spelled in Devanagari or Gurmukhi before its town.

``kept15`` takes back what is no identifier: a language's or a people's name ("Punjabi",
"Cajun", "Can Bengali families"), a sign-off at a line's start ("Regards,"), German and Spanish
everyday words ("Meine Tochter", "deben hacerse"), an eponym after the disease's word in
another language ("maladie de Verneuil"), a law's name ("Ley Ricarte Soto"), "Name in
Wonderland syndrome", "el" before a place, "di" before a town ("sono Name di Lecce"), and
"for TB" after a hospital. A name, "de" and a town before a stop are a name and a town ("soy
Name Surname de Pachuca,"); ``after15_spans`` takes a town after a removed place or
institution before a stop ("Oban, Argyll.")"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    CAP_WIDE,
    Lexicon,
    common_words,
    wordset,
)

_S = r"[^\S\n]+"
_NAME = rf"{CAP_WIDE}[^\W\d_]+(?:[-'’][^\W\d_]+)*"

# ---------------------------------------------------------------------------- institutions

_HEADED = gated(
    rf"\b(?:at|from|with){_S}(?:the{_S})?((?:{CAP_LATIN}[\w]+(?:['’]s)?{_S}){{1,4}}"
    r"(?:Network|Hub))\b"
    rf"|\b(?:at|to|in|from){_S}the{_S}(Mater|Alfred|Austin|Rotunda|Coombe)\b(?!{_S}{CAP_LATIN})"
    rf"|\b((?:collège|lycée|école(?:{_S}(?:primaire|secondaire|maternelle|élémentaire))?)"
    rf"{_S}{_NAME}(?:{_S}{_NAME})*)"
)

# ---------------------------------------------------------------------------- ages

_SMALL = (
    r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
    r"|fifteen|sixteen|seventeen|eighteen|nineteen)"
)
_PART = r"(?:a[^\S\n]+half|a[^\S\n]+quarter|three[-\s]quarters)"
_SPANISH = (
    r"(?:un|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    r"|quince|dieciséis|dieciseis|diecisiete|dieciocho|diecinueve|veinte|veintiún|veintiuno"
    r"|veintidós|veintitrés|veinticuatro|veinticinco|veintiséis|veintisiete|veintiocho"
    r"|veintinueve|treinta(?:[^\S\n]+y[^\S\n]+\w+)?|cuarenta(?:[^\S\n]+y[^\S\n]+\w+)?)"
)
_QUECHUA = r"(?:huk|iskay|kimsa|tawa|pichqa|suqta|soqta|qanchis|pusaq|isqun|chunka|\d{1,2})"
_AGES = gated(
    # "is three and a half", "(five and three-quarters)"
    rf"\b(?:is|was|turns|turned|aged|now){_S}({_SMALL}{_S}and{_S}{_PART}(?:{_S}years?{_S}old)?)"
    r"(?=[^\S\n]*(?:[,.;:!?)]|\n|$)|[^\S\n]+(?:and|with|who|but|now|has|had)\b)"
    rf"|\(({_SMALL}{_S}and{_S}{_PART})\)"
    # Spanish "Tengo veintiún años", "tiene cinco años" (an onset, "desde los 17", stays)
    rf"|\b(?:[Tt]engo|tiene|tienen|cumple|cumplió|de|con){_S}({_SPANISH}{_S}(?:años|meses))\b"
    # Kannada "8 ವರ್ಷ", "3 ತಿಂಗಳು"
    # ("3 ವರ್ಷಗಳಿಂದ", for three years, stays)
    r"|(?<![\w.])(\d{1,2}[^\S\n]*(?:ವರ್ಷ|ವರ್ಷದ|ತಿಂಗಳು|ತಿಂಗಳ))(?![\u0c80-\u0cff])"
    # Quechua "pichqa watayuq", "iskay killayuq"
    rf"|\b({_QUECHUA}{_S}(?:watayuq|watayoq|watayuqmi|killayuq|killayoq))\b"
)

# ---------------------------------------------------------------------------- names

_NOT_A_NAME = wordset(
    "new here back just so not sorry tired worried scared confused desperate a the an also "
    "still now always never often really finally recently only already then too very going "
    "trying looking writing asking wondering struggling stuck lost sure glad happy sad fine "
    "ok okay good well home currently constantly almost nearly been being getting in on at "
    "with from of for to and or but who which that this his her their our my your its it "
    "has had is was were are will would can could may might must should does did do deaf "
    "blind autistic disabled pregnant diabetic epileptic dyslexic asthmatic anaemic anemic"
)
_LOWER = gated(
    # "hi i'm bramble...", "hey im jarrah im 19"
    r"(?:^|(?<=\n))[^\S\n]*(?:hi|hey|hello|hiya)[,!]?[^\S\n]+(?:i['’]m|im|i[^\S\n]+am)"
    r"[^\S\n]+([a-z]{3,})(?=[^\S\n]*(?:\.\.\.|…|,|[^\S\n]+(?:im|i['’]m|and|here)\b))"
    # "my gf pepper has", "my daughter bramble is 6"
    r"|\bmy[^\S\n]+(?:gf|bf|girlfriend|boyfriend|wife|husband|partner|son|daughter|kid|sister"
    r"|brother|bestie|friend)[^\S\n]+([a-z]{3,})(?=[^\S\n]+(?:has|had|is|was|who)\b)"
)
_CUED = gated(
    # "my 5yo Clemency might", "our 3 yo Name has"
    rf"\b(?:[Mm]y|[Oo]ur){_S}\d{{1,2}}[^\S\n]?(?:yo|y/o|yr[^\S\n]?old){_S}({_NAME})\b"
    # "— Delphine in Town" closing the text
    rf"|(?:^|(?<=\s))[—–-]{{1,2}}[^\S\n]*({_NAME})(?=[^\S\n]+(?:in|from)[^\S\n]+{CAP_LATIN}"
    r"[^\n]{0,40}$|[^\S\n]*$)"
)

# a handle after a platform's name: "my snap is jarrah.dreams", "insta: @name.here"
_HANDLE = gated(
    r"\b(?:[Ss]nap|[Ss]napchat|[Ii]nsta|[Ii]nstagram|IG|[Ii]g|[Tt]ik[Tt]ok|[Dd]iscord|[Tt]witter"
    r"|[Tt]hreads|[Bb]luesky|[Uu]sername|[Hh]andle)(?:[^\S\n]+(?:is|=)|[^\S\n]*:)[^\S\n]+"
    r"(@?[A-Za-z0-9]+(?:[._][A-Za-z0-9]+)+_?|@[A-Za-z0-9_]{3,})(?![\w@/])"
)
# "we're both 29"; a lower-case name's age ("bramble is 6")
_BOTH = gated(r"\b(?:[Ww]e['’]re|[Ww]e[^\S\n]+are|[Tt]hey['’]re|[Tt]hey[^\S\n]+are)"
                   r"[^\S\n]+both[^\S\n]+(\d{1,2})(?![\w%.,]\d)\b(?![^\S\n]*(?:%|kg|cm))")

# "We are Name and Name Surname, parents of", "el doctor Olvera", "il dottor Name", a
# signature's name on the line above an email address
_MORE_NAMES = gated(
    rf"\b(?:[Ww]e[^\S\n]+are|[Ww]e['’]re){_S}({_NAME}){_S}(?:and|&){_S}({_NAME}(?:{_S}{_NAME})?)"
    r"(?=[^\S\n]*,)"
    rf"|\b(?:el|la|il|le|al|del|dal|du){_S}(?:doctor|doctora|dottor|dottore|dottoressa|docteur"
    rf"|doctoresse|médico|médica|pediatra){_S}({_NAME})\b"
    rf"|(?:^|(?<=\n))[^\S\n]*({_NAME}{_S}{_NAME})[^\S\n]*\n[^\S\n]*[\w.+-]+@[\w-]+\.[\w.]+"
    # Quechua "Ñuqa Name Surname kani", "Ñoqa Name kani"
    rf"|\b(?:Ñuqa|Ñoqa|ñuqa|ñoqa|Nuqa|Noqa){_S}({_NAME}(?:{_S}{_NAME})?){_S}kani\b"
)
# a care home's own name in brackets: "una RSA a Treviso (Casa Serena)"
_HOME = gated(
    rf"\(((?:Casa|Villa|Residenza|Residencia|Maison|Résidence|Haus){_S}{_NAME}"
    rf"(?:{_S}{_NAME})?)\)"
)
# a record number's cue in Chinese: "病历号0000417", "住院号：12345"
_CHINESE_RECORD = gated(r"(?:病历号|病案号|住院号|门诊号|就诊卡号|病历编号)[:：\s]*(\d{4,})")

# ---------------------------------------------------------------------------- places

_INDIC = gated(
    # Hindi "हम गया, बिहार से हैं", Gurmukhi "ਅਸੀਂ ਬਠਿੰਡਾ ਤੋਂ ਹਾਂ"
    r"हम[^\S\n]+([\u0900-\u097f]+)(?:,[^\S\n]*([\u0900-\u097f]+))?[^\S\n]+से[^\S\n]+(?:हैं|है|हूँ)"
    r"|ਅਸੀਂ[^\S\n]+([\u0a00-\u0a7f]+)(?:,[^\S\n]*([\u0a00-\u0a7f]+))?[^\S\n]+ਤੋਂ[^\S\n]+(?:ਹਾਂ|ਹੈ)"
)
# Tamil "திருநெல்வேலியில் வசிக்கிறார்" (lives in X), Bengali "হাওড়ায় থাকে", "পশ্চিমবঙ্গ সরকার"
_LOCATIVE = gated(
    r"([\u0b80-\u0bff]{3,}?)(?:யில்|இல்)[^\S\n]+(?:வசிக்க|வாழ|இருக்கிறோம்|உள்ள)"
    r"|([\u0980-\u09ff]{3,}?)(?:য়|তে|ে)[^\S\n]+(?:থাকে|থাকি|থাকেন|থাকছি)"
    r"|([\u0980-\u09ff]{3,})[^\S\n]+সরকার"
)
_NOT_PLACES = frozenset(
    ["மருத்துவமனை", "பள்ளி", "வீட்ட", "ஊர", "நாட்ட", "হাসপাতাল", "বাড়ি", "বাড়ী", "কেন্দ্রীয়",
     "রাজ্য", "স্কুল", "ভারত", "শহর", "গ্রাম"]
)
# Tamil kin then a name before its age in brackets: "என் அம்மா NAME (70 வயது)"
_TAMIL_KIN = gated(
    r"என்[^\S\n]+(?:அம்மா|அப்பா|மகன்|மகள்|தாத்தா|பாட்டி|கணவர்|மனைவி|அண்ணன்|தம்பி|அக்கா|தங்கை)"
    r"[^\S\n]+([\u0b80-\u0bff]+)(?=[^\S\n]*[(,])"
)
# AIIMS before its town: "एम्स भोपाल", "ਏਮਜ਼ ਬਠਿੰਡਾ"
_AIIMS = gated(r"((?:एम्स|ਏਮਜ਼|ਏਮਸ)[^\S\n]+[\u0900-\u097f\u0a00-\u0a7f]+)")


_DISEASE_AFTER = gated(
    r"(?:['’]s)?[^\S\n]+(?:syndrome|disease|sign|fever|virus|anomaly|dystrophy|type)\b", re.I
)


def _plain_lower(lex: Lexicon, word: str) -> bool:
    return word in _NOT_A_NAME or word.endswith(("ed", "ing", "ly")) or word in lex.medical


def unseen15_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 15's institutions, ages, names and places (the module's docstring)."""
    for m in _HEADED.finditer(text):
        group = next(i for i in range(1, 4) if m.group(i))
        yield Span(m.start(group), m.end(group), "institution")
    for m in _AGES.finditer(text):
        group = next(i for i in range(1, 6) if m.group(i))
        yield Span(m.start(group), m.end(group), "age")
    found: set[str] = set()
    for m in _LOWER.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        # between "my gf" and "has" a medical word is a name too ("salt and pepper")
        # a given name that is also a medical word after "i'm" ("hi i'm sam, im 17")
        given = word in lex.lower_first_names or word.capitalize() in lex.ambiguous_names
        if not _plain_lower(lex, word) or (
            (group == 2 or given) and word not in _NOT_A_NAME and not word.endswith("ly")
        ):
            found.add(m.group(group))
    for word in found:  # every other time the text names them: "bramble is 6"
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(word)}(?![\w'’-])", text):
            if _DISEASE_AFTER.match(text, m.end()):
                continue  # "my son hunter has hunter syndrome"
            yield Span(m.start(), m.end(), "name")
            age = re.compile(r"[^\S\n]+(?:is|was|turns|turned)[^\S\n]+(\d{1,2})(?=[^\S\n]*[,.;!?]"
                             r"|[^\S\n]+(?:and|now|but)\b)").match(text, m.end())
            if age:
                yield Span(age.start(1), age.end(1), "age")
    for m in _HANDLE.finditer(text):
        yield Span(m.start(1), m.end(1), "id")
    for m in _BOTH.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _CUED.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        if word.lower() in lex.medical or word in ("Mum", "Mom", "Dad", "Mam", "Me"):
            continue
        yield Span(m.start(group), m.end(group), "name")
    for m in _INDIC.finditer(text):
        for group in range(1, 5):
            if m.group(group):
                yield Span(m.start(group), m.end(group), "place")
    for m in _AIIMS.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _LOCATIVE.finditer(text):
        group = next(i for i in range(1, 4) if m.group(i))
        if m.group(group) not in _NOT_PLACES:
            yield Span(m.start(group), m.end(group), "place")
    for m in _TAMIL_KIN.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _MORE_NAMES.finditer(text):
        for group in range(1, 6):
            name = m.group(group)
            if name and not all(lex.plain(w) for w in name.split()):
                yield Span(m.start(group), m.end(group), "name")
    for m in _HOME.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _CHINESE_RECORD.finditer(text):
        yield Span(m.start(1), m.end(1), "record_number")


# a town after a removed place or institution, before a stop: "Oban, Argyll.", "[surgery],
# Erdington."
_TOWN_AFTER = gated(rf",[^\S\n]+({CAP_LATIN}[a-z]+(?:-{CAP_LATIN}?[a-z]+)*)(?=[^\S\n]*[.;!?]"
                         r"(?:\s|$)|[^\S\n]*\n|[^\S\n]*$)")


def after15_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """A town or region after a removed place or institution and a comma, closing the
    sentence ("We live in Oban, Argyll.")."""
    for span in spans:
        if span.kind in ("place", "institution"):
            m = _TOWN_AFTER.match(text, span.end)
            if m and not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "place")


# ---------------------------------------------------------------------------- kept

# languages and peoples: no place or name on their own
_PEOPLES = wordset(
    "Punjabi Bengali Bangla Hindi Urdu Tamil Telugu Gujarati Marathi Kannada Malayalam Odia "
    "Sindhi Pashto Farsi Persian Kurdish Arabic Hebrew Yiddish Amharic Tigrinya Somali "
    "Swahili Yoruba Igbo Hausa Zulu Xhosa Afrikaans Cajun Creole Acadian Romani "
    "Cantonese Mandarin Hakka Hokkien Tagalog Filipino Ilocano Visayan Cebuano Malay Javanese "
    "Vietnamese Hmong Khmer Lao Thai Burmese Nepali Sinhala Sinhalese Tibetan Mongolian "
    "Quechua Aymara Guarani Mayan Navajo Cherokee Ojibwe Cree Inuit Inuktitut Maori "
    "Māori Samoan Tongan Fijian Hawaiian Amish Mennonite Hutterite Ashkenazi Sephardi "
    "Sephardic Mizrahi Druze Bedouin Berber Tamazight Welsh Gaelic Cornish Basque Catalan "
    "Galician Flemish Walloon Frisian"
)
_SIGN_OFFS = wordset(
    "Regards Thanks Cheers Best Sincerely Warmly Respectfully Gracias Merci Danke Grazie "
    "Obrigada Obrigado Saludos Cordialement"
)
_GERMAN = wordset(
    "meine mein meinen meinem meiner unsere unser unseren tochter sohn enkel enkelin "
    "hallo allgemeine allgemein frage fragen liebe lieber sehr geehrte geehrter danke grüße "
    "gruß mutter vater bruder schwester kind kinder guten tag morgen abend bitte"
)
_SPANISH_WORDS = wordset("de del el la los las y e en al deben hacerse")
# an eponym after the disease's word in French, Spanish, Italian, Portuguese, German
# ("maladie de Verneuil", "síndrome de Alström"), a law named after a person ("Ley Ricarte Soto")
_EPONYM_CUE = gated(
    r"(?:\b(?:maladie|syndrome|síndrome|sindrome|sindrome|enfermedad|malattia|morbo|doença"
    r"|Morbus|morbus|Krankheit|signe|signo|segno)[^\S\n]+(?:de[^\S\n]+|di[^\S\n]+|von[^\S\n]+)?"
    rf"|\b(?:Ley|Loi|Lei|Legge)(?:{_S}{CAP_LATIN}\w+){{0,2}}[^\S\n]+)$"
)
_PARTICLES = wordset("de di da del della")
_CAN = wordset("Can May Will Could Should Do Does Are")
# a name, then "de"/"di" and a town before a stop: "soy Name Surname de Town,"
_ORIGIN = gated(r"^(.+?)[^\S\n]+(?:de|di|da)[^\S\n]+(\S+)$")
_FOR_WHAT = gated(r"[^\S\n]+for[^\S\n]+(\w+)$")


def kept15(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 15 takes back (the module's docstring): dropped or cut."""
    kept: list[Span] = []
    for span in spans:
        original = text[span.start : span.end]
        words = original.split()
        if span.kind in ("name", "place", "institution") and words:
            bare = [w.strip(",.;:") for w in words]
            signed = (span.start == 0 or text[span.start - 1] == "\n") and text[
                span.end : span.end + 1
            ] in (",", "\n", "")
            if all(w in _PEOPLES or (signed and w in _SIGN_OFFS) for w in bare) or (
                len(bare) > 1 and bare[0] in _CAN and all(w in _PEOPLES for w in bare[1:])
            ):
                continue  # "He only speaks Punjabi", "Regards,", "Can Punjabi speakers"
            lows = [w.strip(",.;:").lower() for w in words]
            if span.kind != "institution" and all(
                w in _GERMAN or (w in _SPANISH_WORDS and original.islower()) for w in lows
            ):
                continue  # "Meine Tochter", "deben hacerse"
            if span.kind == "name" and original in _PARTICLES and any(
                o.kind == "place" and o.start == span.end + 1 for o in spans
            ):
                continue  # "sono Name Surname di Lecce": "di" alone is no name
            if (
                _EPONYM_CUE.search(text, max(0, span.start - 30), span.start)
                or original.startswith(("Ley ", "Loi ", "Lei "))
                or (span.kind == "name" and re.match(
                    r"[^\S\n]+(?:in|of)[^\S\n]+[A-Z]\w+[^\S\n]+(?:syndrome|disease)\b",
                    text[span.end :],
                ))
            ):
                continue  # "maladie de Verneuil", "Ley Ricarte Soto", "Alice in Wonderland ..."
            if (
                span.kind == "name"
                and original in _CAN
                and re.match(rf"[^\S\n]+({CAP_LATIN}\w+)", text[span.end :])
                and text[span.end :].split()[0] in _PEOPLES
            ):
                continue  # "Can Bengali families get PKU?"
            origin = _ORIGIN.match(original)
            if (
                span.kind == "name"
                and origin
                and len(words) >= 3
                and origin.group(2)[:1].isupper()
                and re.match(r"[^\S\n]*[,.;!?]", text[span.end :])
            ):
                # "soy Maricruz Tepale de Pachuca, Hidalgo": a name, then a town
                kept.append(Span(span.start, span.start + origin.end(1), "name", span.strong))
                kept.append(Span(span.start + origin.start(2), span.end, "place", span.strong))
                continue
            if (
                span.kind == "place"
                and words[0] in ("el", "la", "los", "las")
                and len(words) > 1
                and words[1][:1].isupper()
            ):
                span = Span(span.start + len(words[0]) + 1, span.end, span.kind, span.strong)
            if words[0].rstrip(",") in _SIGN_OFFS and original[len(words[0]) - 1] == ",":
                span = Span(span.start + len(words[0]) + 1, span.end, span.kind, span.strong)
                while span.start < span.end and text[span.start].isspace():
                    span = Span(span.start + 1, span.end, span.kind, span.strong)
        if span.kind == "institution":
            m = _FOR_WHAT.search(original)
            what = m.group(1) if m else ""
            if m and (
                (what.isupper() and len(what) <= 5)
                or (what.lower() in lex.medical and what.lower() not in common_words())
            ):
                span = Span(span.start, span.start + m.start(), span.kind, span.strong)
        kept.append(span)
    return kept

