"""Questions in scripts the word rules do not read (Chinese, Japanese, Korean, Arabic and
the other non-Latin scripts): the few shapes that are certain are removed (an age with its
unit, a hospital by its head word, a country, a city or prefecture by its suffix, a name
after a kin word), and every other run of such script is flagged for the reviewer
(``flags.py``), who is the one reading it."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span

_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_KANA = "\u30a0-\u30ff\u31f0-\u31ff"  # katakana: names and loanwords
_HIRA = "\u3040-\u309f"  # hiragana: mostly grammar
_HANGUL = "\uac00-\ud7af"
_ARABIC = "\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"
# Scripts the rules do not read: Hebrew, Arabic, Syriac, Thaana, the Indic scripts, Thai,
# Lao, Tibetan, Myanmar, Georgian, Hangul, Ethiopic, Khmer, kana, Han, and Cyrillic;
# Greek only as a word of three letters or more (a lone "β" or "µ" is a unit or a gene's)
_FOREIGN = gated(
    r"[\u0400-\u052f\u0530-\u058f\u0590-\u05ff\u0600-\u06ff\u0700-\u07bf\u0900-\u0dff"
    r"\u0e00-\u0fff\u1000-\u109f\u10a0-\u10ff\u1100-\u11ff\u1200-\u139f\u1780-\u17ff"
    r"\u3040-\u30ff\u31f0-\u31ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af"
    r"\uf900-\ufaff\ufb1d-\ufdff\ufe70-\ufeff]|[\u0370-\u03ff]{3}"
)


# Thai writes no space between words, so a run of Thai letters is a whole clause, not a word:
# a span read from a Thai run ends before the first verb or particle in it ("บอก" said, "ว่า"
# that, "ที่" at, "เป็น" is), never at the next space ("โรงพยาบาลศูนย์Xบอกว่าเป็นโรค...")
_THAI_STOPS = gated(
    r"บอก|ว่า|ที่|เป็น|ได้|และ|แต่|ให้|คือ|หมอ|แพทย์|ตรวจ|วินิจฉัย|รักษา|นัด|ครับ|ค่ะ|เมื่อ|แล้ว"
    r"|ไม่|ซึ่ง|ผ่าตัด|อายุ|ป่วย|กำลัง|เคย|ต้อง|จึง|เพราะ|ส่งตัว|แนะนำ|สั่ง|พูด|อธิบาย"
)


def thai_end(text: str, start: int, end: int) -> int:
    """Where a span read from a Thai run between ``start`` and ``end`` should end: before the
    first Thai verb or particle after ``start`` (``end`` if none)."""
    m = _THAI_STOPS.search(text, start, end)
    return m.start() if m else end


def foreign_script(word: str) -> bool:
    """Is any of ``word`` written in a script the rules do not read?"""
    return bool(_FOREIGN.search(word))


# An age with its unit: "63岁", "5歳", "7세", "3个月", "8개월".
_AGE = gated(
    r"(?<![\d.,])\d{1,3}\s*(?:周岁|岁|歲|歳|才|세|살|个月|個月|ヶ月|か月|カ月|개월)"
)
# Arabic: a number of years or months ("سبع سنوات", "عمره 7 سنوات"), not "since"/"ago"
_AR_NUMBER = (
    r"(?:[0-9\u0660-\u0669]{1,3}|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثمان|ثماني"
    r"|ثمانية|تسع|تسعة|عشر|عشرة|سنة|سنتين|عامين|شهرين)"
)
_AGE_AR = gated(
    rf"(?<![\w])(?<!منذ )(?<!قبل )(?:{_AR_NUMBER}\s+)?{_AR_NUMBER}\s*"
    r"(?:سنوات|سنين|سنة|عاما|عامًا|أعوام|أشهر|شهور|شهرا|شهرًا)(?![\w])"
)
# A hospital, a university or a clinic by its head word, with the name before it (Han and
# katakana; hiragana, punctuation and the words "at", "in", "of", "I", "you" end it).
_HEADS = (
    "医院|醫院|病院|医科大学|大学|大學|診療所|诊所|クリニック|医疗中心|医学中心|医療センター"
    "|センター|中心医院"
)
_CJK_HEAD = gated(rf"[{_HAN}{_KANA}]{{1,16}}(?:{_HEADS})")
_HEAD_END = gated(rf"(?:{_HEADS})$")
_CJK_STOP = gated(r"[在于於到去从從是的了我您你他她们們也还還都就住与與及对對]")
# Korean: a word with a head, and its particle after it ("서울대학교어린이병원에서").
_KO_HEAD = gated(
    rf"(?<![{_HANGUL}])([{_HANGUL}]+(?:병원|의원|대학교|대학|센터|클리닉))"
    r"(?:에서|에게|으로|로|에|을|를|은|는|이|가|의|과|와|도)?(?![" + _HANGUL + "])"
)
# Arabic: "مستشفى الملك فهد الجامعي" (the head, then the name up to a preposition).
_AR_HEAD = gated(
    rf"(?:ال)?(?:مستشفى|مستشفي|مستوصف|مجمع|عيادة|جامعة|مدينة)(?:\s+(?!في|من|إلى|الى|على"
    rf"|عن|و|مع|منذ|حيث|لكن|هل|ثم|بمرض|بداء|بمتلازمة|بسبب|بعد|قبل|لأن|قال|بأن)[{_ARABIC}]+){{1,4}}"
)
# Countries and their capitals as the scripts write them.
_COUNTRIES = gated(
    r"中国|中國|日本|韩国|韓国|韓國|台湾|臺灣|台灣|香港|澳门|澳門|美国|美國|米国|英国|英國"
    r"|德国|法国|加拿大|澳大利亚|新加坡|马来西亚|アメリカ|イギリス|ドイツ|フランス|カナダ"
    r"|中国|北京|上海|广州|深圳|東京|东京|大阪|京都|名古屋|横浜|札幌|福岡|神戸"
    r"|(?<![" + _HANGUL + r"])(?:대한민국|한국|미국|일본|중국|서울|부산|인천|대구|대전|광주)"
    r"(?=에서|에|은|는|이|가|의|으로|로|도|\s|[.,!?]|$)"
    r"|(?<![\w])(?:ال)?(?:سعودية|مصر|الأردن|العراق|الإمارات|الكويت|قطر|لبنان|سوريا|المغرب"
    r"|الجزائر|تونس|ليبيا|اليمن|عمان|البحرين|فلسطين|السودان|الرياض|جدة|القاهرة|عمّان"
    r"|بيروت|دبي|الدوحة|الخبر|الدمام|مكة|المدينة المنورة)(?![\w])"
)
# A city, prefecture, province or district by its suffix: "川崎市", "神奈川県", "浙江省";
# or a place before "resident", "from" ("大阪在住", "福岡出身").
_CJK_PLACE = gated(
    rf"[{_HAN}{_KANA}]{{2,5}}(?:市|県|縣|省)"
    rf"|[{_HAN}{_KANA}]{{2,5}}(?=在住|出身|住在)"
)
_NOT_PLACE = gated(r".*(?:城市|都市|上市|超市|节省|節省|反省)$")
# A name after a kin word: "父亲王建国今年", "娘の美咲（", "아들 김도윤(", "ابني يوسف".
_KIN_HAN = (
    r"(?:父亲|父親|母亲|母親|爸爸|妈妈|媽媽|儿子|兒子|女儿|女兒|丈夫|妻子|老公|老婆|孩子"
    r"|爷爷|奶奶|外婆|外公|哥哥|姐姐|弟弟|妹妹)"
)
_NAME_ZH = gated(
    rf"{_KIN_HAN}(?!今年|现年|現年|现在|現在|目前|已经|已經|刚|剛|也|在|是|患|被|得|有|从|從"
    r"|去年|出生|一直|最近|从小|從小)"
    rf"([{_HAN}]{{2,3}})(?=今年|现年|現年|，|,|（|\(|\d|是|在|患|被|确诊|確診|得了|有|出生|生于|生於)"
)
_NAME_JA = gated(
    # the name before its age or an honorific ("娘の美咲（5歳）", "息子の翔太くん"), not
    # "娘の病気は" (my daughter's illness)
    rf"(?:娘|息子|夫|妻|母|父|祖母|祖父|孫|兄|姉|弟|妹)の([{_HAN}{_KANA}{_HIRA}]{{1,6}}?)"
    r"(?=[（(]|ちゃん|くん|君|さん|[はが、]\s*\d|\d)"
    rf"|(?:在住の|出身の|私は|わたしは|僕は|名前は)([{_HAN}{_KANA}]{{2,6}}?)"
    r"(?=です|と申します|といいます)"
)
_NAME_KO = gated(
    # the kin word a word of its own: "1형 진단" is "type 1", no older brother
    rf"(?<![{_HANGUL}\d])(?:아들|딸|남편|아내|어머니|아버지|엄마|아빠|할머니|할아버지|손자|손녀|동생|언니|오빠|형|누나)"
    # a common family name, then one or two syllables, then a particle, a bracket or a space
    r"\s+([김이박최정강조윤장임한오서신권황안송류전홍고문양손배백허유남심노하곽성차주우구민"
    rf"진나지엄채원천방공현함변염여추도소석선설마길연위표명기반왕금옥육인맹][{_HANGUL}]{{1,2}}?)"
    rf"(?=[(（\s,]|씨|(?:은|는|이가|이는|이|가|의|와|과|도|를|을)(?![{_HANGUL}]))"
)
_NAME_AR = gated(
    r"(?<![\w])(?:ابني|ابنتي|بنتي|أمي|والدتي|أبي|والدي|زوجي|زوجتي|أخي|أختي|جدي|جدتي|حفيدي"
    r"|حفيدتي|طفلي|طفلتي)\s+"
    r"(?!عمره|عمرها|يعاني|تعاني|مصاب|مصابة|مريض|مريضة|لديه|لديها|عنده|عندها|تم|في|من|الصغير"
    r"|الصغيرة|الكبير|الكبيرة|الوحيد|الوحيدة|البالغ|البالغة)"
    rf"([{_ARABIC}]+)"
    # a parent named by the child, closing the message: "شكراً، أم يوسف"
    rf"|(?:^|[،,.\n]\s*)((?:أم|أبو|ابو)\s+[{_ARABIC}]+)\s*[.!]?\s*$"
)


def script_spans(text: str) -> Iterator[Span]:
    """The certain shapes of the scripts the word rules do not read."""
    if not _FOREIGN.search(text):
        return
    for pattern, kind in ((_AGE, "age"), (_AGE_AR, "age")):
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), kind)
    for m in _CJK_HEAD.finditer(text):
        start = m.start()
        stops = list(_CJK_STOP.finditer(text, start, m.end()))
        head = _HEAD_END.search(m.group())
        cut = stops[-1].end() if stops else start
        if head and cut < m.start() + head.start():
            yield Span(cut, m.end(), "institution")
    for m in _KO_HEAD.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _AR_HEAD.finditer(text):
        yield Span(m.start(), m.end(), "institution")
    for m in _COUNTRIES.finditer(text):
        yield Span(m.start(), m.end(), "place")
    for m in _CJK_PLACE.finditer(text):
        start = m.start()
        stops = list(_CJK_STOP.finditer(text, start, m.end()))
        start = stops[-1].end() if stops else start
        if m.end() - start >= 2 and not _NOT_PLACE.match(text[start : m.end()]):
            yield Span(start, m.end(), "place")
    names: set[str] = set()
    for pattern in (_NAME_ZH, _NAME_JA, _NAME_KO, _NAME_AR):
        for m in pattern.finditer(text):
            group = next(g for g in range(1, (pattern.groups or 0) + 1) if m.group(g))
            names.add(m.group(group))
            yield Span(m.start(group), m.end(group), "name")
    for name in names:  # the same name elsewhere in the question
        for m in re.finditer(re.escape(name), text):
            yield Span(m.start(), m.end(), "name")
