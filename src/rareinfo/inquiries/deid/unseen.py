"""Round 10's shapes, for what was neither removed nor flagged: a handle joined by an
underscore with digits ("guest_7741"), an age at which one was diagnosed or died with its
unit ("diagnosed at 6 weeks"), an age after a Dutch kin word and "is" or after Tamil "age";
institutions by a certain head or tail (German "Uniklinik ... und ...", French "hôpital ..."
in lower case, "Hospital ..." with words of another language, a Kenyan "... Level 5
Hospital", "... Medical Complex", "... Family Doctors", a Russian "... больнице им. ...", a
lower-case "st ...'s academy", a health system after a clinician's credential); a given and
family name with an age in brackets, the family name no ordinary word ("Leigh Barraclough
(5)": the given name may be an eponym); a name after a cue introducing oneself or one's kin
in other languages and scripts ("मेरा नाम ... है", "Меня зовут ...", "我是...", "Oğlum ...")."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    Lexicon,
    common_words,
    foreign_words,
    wordset,
)

_S = r"[^\S\n]+"
_CAP = CAP_LATIN
_NAME = rf"{_CAP}[^\W\d_]+(?:[-'’][^\W\d_]+)*"

# a handle of letters, an underscore and digits: "guest_7741", "mum_of_3"
_UNDERSCORE = gated(
    r"(?<![\w@./\\:-])[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]*\d[A-Za-z0-9_]*(?![\w@./\\-])"
)
# an age with its unit at which one was diagnosed or died: "diagnosed at 6 weeks"
_AT_AGE = gated(
    r"\b(?:diagnosed|died|passed[^\S\n]+away|dx'?d)(?:[^\S\n]+[a-z]+){0,3}?[^\S\n]+at[^\S\n]+"
    r"(\d{1,2}[^\S\n]+(?:days?|weeks?|months?|years?|yrs?)(?:[^\S\n]+old)?)\b"
)
# an age after a Dutch kin word and "is", or after Tamil "age": "mijn dochter is 12 en"
_KIN_IS = gated(
    r"\b[Mm]ijn[^\S\n]+(?:dochter|zoon|kind|baby|broer|zus|zusje|broertje|man|vrouw|moeder"
    r"|vader|kleinzoon|kleindochter|neef|nicht)[^\S\n]+is[^\S\n]+(\d{1,3})"
    r"(?=[^\S\n]*(?:jaar\b|en\b|[,.;!?]))"
    r"|வயது[^\S\n]*(\d{1,3})(?![\d])"
)
# institutions by a head or tail of another language, or lower case
_HEAD = gated(
    rf"\bUni(?:klinik|klinikum|versitätsklinikum|spital)(?P<de>(?:{_S}(?:und|an{_S}der|am)?"
    rf"(?:{_S})?{_NAME}){{1,3}})"
    rf"|(?<![\w])(?:[lL]['’])?hôpital{_S}(?:(?:de|du|des|d['’])(?:{_S})?)?(?P<fr>{_NAME}(?:{_S}{_NAME})?)"
    rf"|\bHospital(?P<other>(?:{_S}(?:(?:dan|de|del|da|do|das|dos|y|e){_S})?{_NAME}){{1,5}})"
    rf"|\b(?P<level>{_NAME}{_S})Level{_S}\d{_S}(?:Hospital|Health{_S}Cent(?:re|er))\b"
    rf"|\b[Ss]t\.?{_S}[a-z]+['’]s{_S}(?:academy|school|primary|college|hospital|church"
    rf"|hospice|nursery)\b"
)
# an English institution by a certain tail: "... Medical Complex", "... Family Doctors"
_TAIL = gated(
    rf"\b((?:{_NAME}{_S}){{1,3}})(?:Medical(?:{_S}Sciences)?{_S}Complex"
    rf"|Family{_S}(?:Doctors|Practice|Medical{_S}(?:Centre|Center|Practice)))\b"
)
# a Russian hospital by its capitalised adjective: "в Областной детской больнице им. ..."
_HOSPITAL_RU = gated(
    r"(?<![\w])[А-ЯЁ][а-яё]+(?:ой|ая|ий|ый|ую)(?:[^\S\n]+[а-яё]+(?:ой|ая|ий|ый|ую)){0,3}"
    r"[^\S\n]+больниц[аеыуй](?:[^\S\n]+им\.[^\S\n]*[А-ЯЁ][а-яё]+)?"
)
# a health system after a clinician's credential: "Pascale Thibert, NP, Atrium Health ..."
_SYSTEM = gated(
    rf"\b(?:NP|MD|RN|PA-C|PA|DO|APRN|FNP|DNP|CNS|MBBS),{_S}({_NAME}{_S}Health(?:{_S}{_NAME}){{1,4}})"
)
# a given and family name with an age in brackets: "Leigh Barraclough (5)"
_NAME_AGE = gated(rf"\b({_NAME}){_S}({_NAME})[^\S\n]*\(\d{{1,2}}(?:{_S}[^\W\d_]+)?\)")


# a name after a cue introducing oneself or one's kin, in other languages and scripts:
# "मेरा नाम ... है", "আমার নাম ...,", "என் பெயர் ...,", "Меня зовут ...", "Я ... ...,",
# "我是/我叫" and a three-character name with a common surname, Arabic "his name is" or "I am
# ... from", a Turkish or Malay kin word ("Oğlum ...", "Anak saya ...")
_HAN_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
    "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴"
    "莫孔向汤張劉陳楊黃趙吳孫朱鄭謝許韓馮鄧蕭葉蘇魏呂盧鍾譚陸賈韋鄒龔錢嚴湯"
)
_AR = r"[\u0621-\u064a]{2,}"
_INTRO = gated(
    r"मेरा[^\S\n]+नाम[^\S\n]+([\u0900-\u097f]+(?:[^\S\n]+[\u0900-\u097f]+)?)[^\S\n]+है"
    r"|আমার[^\S\n]+নাম[^\S\n]+([\u0980-\u09ff]+(?:[^\S\n]+[\u0980-\u09ff]+)?)(?=[,।])"
    r"|என்[^\S\n]+பெயர்[^\S\n]+([\u0b80-\u0bff]+(?:[^\S\n]+[\u0b80-\u0bff]+)?)(?=[,.])"
    r"|(?:Меня[^\S\n]+зовут|(?<![\w])Я)[^\S\n]+([А-ЯЁ][а-яё]+(?:[^\S\n]+[А-ЯЁ][а-яё]+)?)"
    r"(?=[,.])"
    rf"|我(?:是|叫)([{_HAN_SURNAMES}][\u4e00-\u9fff]{{2}})(?=[，,。.！!])"
    rf"|(?:اسمه|اسمها|اسمي)\s+({_AR}\s+ال{_AR})"
    rf"|(?<![\w])أنا\s+({_AR}\s+ال{_AR})(?=\s+من\s)"
    rf"|\b(?:Oğlum|Kızım|Eşim|[Aa]nak{_S}(?:(?:perempuan|lelaki){_S})?saya)"
    rf"{_S}({_NAME}(?:{_S}{_NAME})?)(?={_S}(?:\d|berumur|umur|yaşında))"
)

_TITLES = wordset(
    "Mr Mrs Ms Miss Mx Dr Prof Sr Fr Rev Papa Nana Nan Gran Grandad Grandma Granny Mum Mom "
    "Dad At In From With To For Aunt Auntie Uncle Baby Student Pupil Patient Resident Client "
    "Sister Brother The My Our And"
)


def unseen_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 10's handles, ages, institutions and names (the module's docstring)."""
    for m in _UNDERSCORE.finditer(text):
        yield Span(m.start(), m.end(), "id")
    for m in _AT_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _KIN_IS.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "age")
    for m in _HEAD.finditer(text):
        words = re.findall(r"[^\W\d_]+", m.group("de") or m.group("fr") or m.group("other") or "")
        words = [w for w in words if w not in ("und", "an", "der", "am", "dan", "de", "del")]
        # "Hospital Pulau Pinang": two words or more, none an English word ("Hospital Board")
        if m.group("other") and (
            len(words) < 2
            or any(w.lower() in common_words() for w in words)
            or all(lex.plain(w) for w in words)
        ):
            continue
        if m.group("fr") and all(w.lower() in lex.medical for w in words):
            continue
        yield Span(m.start(), m.end(), "institution")
    for m in _TAIL.finditer(text):
        words = m.group(1).split()
        while words and words[0] in _TITLES:
            words = words[1:]
        if words and not all(
            w.lower() in common_words() or w.lower() in lex.medical for w in words
        ):
            yield Span(m.end(1) - len(" ".join(words)) - 1, m.end(), "institution")
    for m in _HOSPITAL_RU.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in _SYSTEM.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _NAME_AGE.finditer(text):
        if lex.plain(m.group(2)):
            continue
        # the given name too, unless a title or an ordinary word ("Mr", "Student", "Papa")
        first = m.group(1)
        low = first.lower()
        ordinary = low in common_words() or low in foreign_words() or first in _TITLES
        yield Span(m.start(2) if ordinary else m.start(), m.end(2), "name")
    for m in _INTRO.finditer(text):
        group = next(i for i in range(1, 9) if m.group(i))
        yield Span(m.start(group), m.end(group), "name")
