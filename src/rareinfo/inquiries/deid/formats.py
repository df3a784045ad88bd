"""The format sweep: written forms of the small, well-structured kinds that no labelled set
had shown, found by going through each kind's forms in every language the sets use rather
than through a set's misses.

Dates: an ordinal day "of" a month ("3rd of March", "twelfth of September", "March the
3rd"; the article stays out, as most sets label it), a two-digit year after an apostrophe
("Mar. 3, '24"), a weekday of another language before a date ("mardi 4 mars 2025",
"Dienstag, 4. März 2025", "Tue 4/3"), abbreviated and slashed months ("3 févr. 2024", "3.
Mär. 2024", "3/marzo/2024"), "1° aprile 2023", Tagalog ("ika-3 ng Marso 2024", "Marso 3,
2024"), Swahili, Turkish, Arabic (both month sets), Urdu, Hebrew ("3 במרץ 2024"),
Gujarati, Tamil, Amharic ("መጋቢት 3 ቀን 2016") and Greek nominative month names, Thai
abbreviated months ("3 มี.ค. 2567"), Yoruba "ọjọ́ 3 oṣù Kẹta 2024", ISO and dotted dates
run into CJK text ("在2024-03-03", "2024.03.03에"), Chinese numerals
("二〇二四年三月三日"), Japanese era years ("令和6年3月3日"), a month between dashes
("Mar-03-2024", "03MAR2024"), a bare ordinal after "on the" ending a clause ("on the 3rd
at ..."). Ages: "18 Monate alt",
"sieben Jahre alt" (without "alt", as the sets label it), Italian "ha 18 mesi", number
words before the age word in Indonesian ("berusia tujuh tahun"), Vietnamese ("bảy tuổi"),
Turkish ("yedi yaşında") and Ukrainian ("сім років"), Swahili "ana miezi 18", Japanese
"1歳半" / "生後3ヶ月", and number words in Italian, Romanian, Tagalog ("labindalawang taong
gulang"), Swahili ("miaka kumi na mbili"), Thai ("สิบสอง ขวบ"), Arabic ("اثنا عشر عاما")
and Hebrew ("בת שתים עשרה"), English "is 7y". Dates also: a Roman month ("3.III.2024"),
Thai months with a two-digit year ("12 ส.ค. 67"). Phones: a country code in brackets
("(+44) 20 7946 0000"). Records: an Indian PAN ("ABCDE1234F"); a national number after its
cue in Chinese, Japanese, Korean and Thai ("身份证号…", "マイナンバー…"). E-mails:
"jane[at]gmail[dot]com", "jane @ gmail . com", an address at a known provider without its
ending ("jane@gmail").

``kept_formats`` takes back: a range read as a record number after ref/normal/range or
before a unit ("(ref 30-400)", "135-145 mmol/L"), a publication year before or after "et
al." ("in 2019 (Smith et al.)"), an onset age after Spanish/Portuguese "desde los / desde
os" ("convulsiones desde los 6 meses"), a lone Amharic "የ" ('of') read as a name before a
number ("የ7 ዓመት"); and it gives its kind back to a date with its hour ("04/03/2025
10:15"), a date without separators after "on" ("on 20240304") and a toll-free number
("1-800-000-0000"), read before as record numbers.

What stays: "in his 40s" and "forty-something" are still read as ages by the older rules."""

from __future__ import annotations

from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.languages import language_dates
from rareinfo.inquiries.deid.patterns import DATES
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import Lexicon

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_YEAR = r"(?:19|20)\d\d"
_DAY = r"(?:[12]\d|3[01]|0?[1-9])"

# ---------------------------------------------------------------------------- dates

_EN_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?)"
)
_ORDINAL_WORD = (
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth"
    r"|thirtieth|(?:twenty|thirty)[-\s](?:first|second|third|fourth|fifth|sixth|seventh"
    r"|eighth|ninth))"
)
_ORDINAL = rf"(?:{_DAY}(?:st|nd|rd|th)|{_ORDINAL_WORD})"
_YEAR_TAIL = rf"(?:,?{_S}(?:{_YEAR}|['’]\d\d)\b)?"
_THE_ORDINAL = gated(
    rf"(?i)\b{_ORDINAL}{_S}of{_S}{_EN_MONTH}(?![\w]){_YEAR_TAIL}"
    rf"|\b{_EN_MONTH}{_S}the{_S}{_ORDINAL}\b{_YEAR_TAIL}"
)
# an English month between dashes or run into the day and year: "Mar-03-2024", "2024-Mar-03",
# "03MAR2024"; a bare ordinal after "on the", ending a clause ("on the 3rd at ...")
_DASHED_MONTH = gated(
    r"(?i)\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{1,2}-(?:19|20)\d\d"
    r"|(?:19|20)\d\d-(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)-\d{1,2}"
    r"|\d{1,2}(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)(?:19|20)\d\d)\b"
)
_ON_THE_ORDINAL = gated(
    rf"\b[Oo]n{_S}the{_S}({_DAY}(?:st|nd|rd|th))\b"
    rf"(?={_W}(?:[.,;!?)]|$)|{_S}(?:at|and|when|but|we|he|she|I|they|of{_S}(?:this|last|next|each)"
    rf"{_S}month)\b)"
)
_SHORT_YEAR = gated(
    rf"\b{_EN_MONTH}{_W}{_DAY}(?:st|nd|rd|th)?,?{_S}['’]\d\d\b"
    rf"|\b{_DAY}(?:st|nd|rd|th)?{_S}{_EN_MONTH},?{_S}['’]\d\d\b"
)

# month names of the languages the other rules do not read (or read only in part)
_SCRIPT_MONTHS = (
    # Arabic (Egyptian and Gulf; Levantine and Iraqi)
    "يناير|فبراير|مارس|أبريل|إبريل|ابريل|مايو|يونيو|يوليو|أغسطس|اغسطس|سبتمبر|أكتوبر|اكتوبر"
    "|نوفمبر|ديسمبر|كانون الثاني|كانون الأول|شباط|آذار|نيسان|أيار|حزيران|تموز|آب|أيلول"
    "|تشرين الأول|تشرين الثاني"
    # Urdu
    "|جنوری|فروری|مارچ|اپریل|مئی|جون|جولائی|اگست|ستمبر|اکتوبر|نومبر|دسمبر"
    # Hebrew, with or without the "in" prefix
    "|ב?(?:ינואר|פברואר|מרץ|מרס|אפריל|מאי|יוני|יולי|אוגוסט|ספטמבר|אוקטובר|נובמבר|דצמבר)"
    # Gujarati
    "|જાન્યુઆરી|ફેબ્રુઆરી|માર્ચ|એપ્રિલ|મે|જૂન|જુલાઈ|ઓગસ્ટ|સપ્ટેમ્બર|ઓક્ટોબર|નવેમ્બર"
    "|ડિસેમ્બર"
    # Tamil
    "|ஜனவரி|பிப்ரவரி|மார்ச்|ஏப்ரல்|மே|ஜூன்|ஜூலை|ஆகஸ்ட்|செப்டம்பர்|அக்டோபர்|நவம்பர்"
    "|டிசம்பர்"
    # Amharic (Ethiopian calendar)
    "|መስከረም|ጥቅምት|ኅዳር|ህዳር|ታኅሣሥ|ታህሳስ|ጥር|የካቲት|መጋቢት|ሚያዝያ|ግንቦት|ሰኔ|ሐምሌ|ነሐሴ|ጳጉሜ"
    # Greek nominative
    "|Ιανουάριος|Φεβρουάριος|Μάρτιος|Απρίλιος|Μάιος|Ιούνιος|Ιούλιος|Αύγουστος|Σεπτέμβριος"
    "|Οκτώβριος|Νοέμβριος|Δεκέμβριος"
    # Thai abbreviated
    "|ม\\.ค\\.|ก\\.พ\\.|มี\\.ค\\.|เม\\.ย\\.|พ\\.ค\\.|มิ\\.ย\\.|ก\\.ค\\.|ส\\.ค\\.|ก\\.ย\\.|ต\\.ค\\."
    "|พ\\.ย\\.|ธ\\.ค\\."
)
_LATIN_MONTHS = (
    # Tagalog
    "Enero|Pebrero|Marso|Abril|Mayo|Hunyo|Hulyo|Agosto|Setyembre|Oktubre|Nobyembre|Disyembre"
    # Swahili
    "|Januari|Februari|Machi|Aprili|Mei|Juni|Julai|Agosti|Septemba|Oktoba|Novemba|Desemba"
    # Turkish
    "|Ocak|Şubat|Mart|Nisan|Mayıs|Haziran|Temmuz|Ağustos|Eylül|Ekim|Kasım|Aralık"
)
# abbreviated French and German months, read only after a day ("3 févr. 2024", "3. Mär. 2024")
_SHORT_MONTHS = r"(?:janv|févr|fevr|avr|juil|déc|Mär|Mrz|Okt|Dez)\."
_ANY_MONTH = rf"(?:{_SCRIPT_MONTHS}|(?i:{_LATIN_MONTHS}))"
# the forms written around those months: "3 במרץ 2024", "3. Mär. 2024", "3/marzo/2024",
# "ika-3 ng Marso 2024", "Marso 3, 2024", "መጋቢት 3 ቀን 2016", "3 Mart'ta"
_SCRIPT_DATE = gated(
    rf"(?<![\w.,/])(?:ika-)?\d{{1,2}}(?:\.|°|º)?(?:{_W}ng|{_W}-)?{_W}"
    rf"(?:{_ANY_MONTH}(?![^\W\d_])|{_SHORT_MONTHS})(?:,?{_W}\d{{4}}(?!\d)(?:{_S}ቀን)?)?"
    rf"|(?<![\w])(?:{_ANY_MONTH}){_S}\d{{1,2}}(?:{_S}ቀን)?(?:,?{_S}\d{{4}})?(?!\d)"
    rf"|(?<![\w])(?:{_ANY_MONTH}){_S}\d{{4}}(?!\d)"
    rf"|(?<![\w./])\d{{1,2}}/(?i:[a-zà-ú]{{3,10}})/\d{{2,4}}(?!\d)"
)
# a weekday of another language before a date
_WEEKDAY = gated(
    r"\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|Montag|Dienstag|Mittwoch"
    r"|Donnerstag|Freitag|Samstag|Sonntag|lunedì|martedì|mercoledì|giovedì|venerdì|sabato"
    r"|domenica|luni|marți|miercuri|joi|vineri|sâmbătă|duminică|Senin|Selasa|Rabu|Kamis"
    r"|Jumat|Sabtu|Minggu|Lunes|Martes|Miyerkules|Huwebes|Biyernes|Sabado|Linggo"
    r"|Pazartesi|Salı|Çarşamba|Perşembe|Cuma|Cumartesi|Pazar|Mon|Tue|Tues|Wed|Thu|Thurs"
    r"|Fri|Sat|Sun)(?:day|sday|nesday|rsday|urday)?(?:[.,]|\.,)?[^\S\n]+(?:(?:le|den|il|pe|tanggal|ng)[^\S\n]+)?$",
)
_FIRST_DAY = gated(r"(?<![\w.,])\d{1,2}[°º][^\S\n]*$")  # "1° aprile 2023"
_DIGIT_DATE = gated(r"(?<![\d/])\d{1,2}/\d{1,2}(?![\d/])")
# ISO and dotted dates run into CJK text: "在2024-03-03做了", "2024.03.03에"
_CJK_DATE = gated(
    rf"(?<![\d.\-/]){_YEAR}([-./])(?:0?[1-9]|1[0-2])\1(?:[12]\d|3[01]|0?[1-9])(?![\d.\-/])"
)
_CJK = gated(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_HAN_DIGIT = "〇零一二三四五六七八九十"
_HAN_DATE = gated(
    rf"[{_HAN_DIGIT}]{{4}}年[{_HAN_DIGIT}]{{1,3}}月(?:[{_HAN_DIGIT}]{{1,3}}[日号])?"
    r"|(?:令和|平成|昭和)(?:\d{1,2}|元)年(?:\d{1,2}月(?:\d{1,2}日)?)?"
)
_ROMAN_DATE = gated(r"(?<![\w.])\d{1,2}\.(?:I{1,3}|IV|VI{0,3}|IX|XI{0,2})\.\d{4}(?!\d)")
_THAI_SHORT_YEAR = gated(
    r"(?<!\d)\d{1,2}[^\S\n]*(?:ม|ก\.พ|มี|เม\.ย|พ|มิ\.ย|ก|ส|ก\.ย|ต|พ\.ย|ธ)\.ค?\.?[^\S\n]*\d{2}(?!\d)"
)
_YORUBA_DATE = gated(
    r"(?i)ọjọ́[^\S\n]+\d{1,2}(?:[^\S\n]+oṣù[^\S\n]+[^\W\d_][^\s\d,.]*)?(?:[^\S\n]+\d{4})?"
    r"|oṣù[^\S\n]+[^\W\d_][^\s\d,.]*[^\S\n]+\d{4}"
)

# ---------------------------------------------------------------------------- ages

_ID_UNITS = "satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan"
_ID_NUMBER = (
    rf"(?:(?:{_ID_UNITS}|se)(?:{_S}|)(?:puluh|belas)(?:{_S}(?:{_ID_UNITS}))?|sepuluh|sebelas"
    rf"|{_ID_UNITS})"
)
_VI_UNITS = "một|hai|ba|bốn|năm|sáu|bảy|tám|chín"
_VI_NUMBER = (
    rf"(?:(?:(?:{_VI_UNITS}){_S})?(?:mươi|mười)(?:{_S}(?:{_VI_UNITS}|mốt|lăm|tư))?|{_VI_UNITS})"
)
_TR_UNITS = "bir|iki|üç|dört|beş|altı|yedi|sekiz|dokuz"
_TR_NUMBER = (
    rf"(?:(?:on|yirmi|otuz|kırk|elli|altmış|yetmiş|seksen|doksan)(?:{_S}(?:{_TR_UNITS}))?"
    rf"|{_TR_UNITS})"
)
_UK_UNITS = "один|одна|два|дві|три|чотири|п['’ʼ]ять|шість|сім|вісім|дев['’ʼ]ять"
_UK_NUMBER = (
    rf"(?:(?:двадцять|тридцять|сорок|п['’ʼ]ятдесят|шістдесят|сімдесят|вісімдесят"
    rf"|дев['’ʼ]яносто)(?:{_S}(?:{_UK_UNITS}))?|десять|одинадцять|дванадцять|тринадцять"
    rf"|чотирнадцять|п['’ʼ]ятнадцять|шістнадцять|сімнадцять|вісімнадцять|дев['’ʼ]ятнадцять"
    rf"|{_UK_UNITS})"
)
_IT_NUMBER = (
    r"(?:venti|trenta|quaranta|cinquanta|sessanta|settanta|ottanta|novanta)(?:uno|due|tré|tre"
    r"|quattro|cinque|sei|sette|otto|nove)?|vent|trent|quarant|cinquant|sessant|settant|ottant"
    r"|novant|undici|dodici|tredici|quattordici|quindici|sedici|diciassette|diciotto"
    r"|diciannove|dieci|uno|un|due|tre|quattro|cinque|sei|sette|otto|nove"
)
_RO_NUMBER = (
    r"(?:două|trei|patru|cinci|șase|şase|șapte|şapte|opt|nouă)zeci(?:[^\S\n]+și[^\S\n]+\S+)?"
    r"|douăzeci(?:[^\S\n]+și[^\S\n]+\S+)?|\S+sprezece|zece|unu|un|doi|două|trei|patru"
    r"|cinci|șase|şase|șapte|şapte|opt|nouă"
)
_AR_NUMBER = (
    "واحد|اثنان|اثنين|اثنا|اثنتا|اثنتي|ثلاث|ثلاثة|أربع|أربعة|خمس|خمسة|ست|ستة|سبع|سبعة|ثماني"
    "|ثمانية|ثمان|تسع|تسعة|عشر|عشرة|عشرون|عشرين|ثلاثون|ثلاثين|أربعون|أربعين|خمسون|خمسين|ستون"
    "|ستين|سبعون|سبعين|ثمانون|ثمانين|تسعون|تسعين"
)
_HE_NUMBER = (
    "(?:אחת|אחד|שתים|שתיים|שניים|שנים|שלוש|שלושה|ארבע|ארבעה|חמש|חמישה|שש|שישה|שבע|שבעה|שמונה"
    r"|תשע|תשעה)[^\S\n]+(?:עשרה|עשר)|(?:עשרים|שלושים|ארבעים|חמישים|שישים|שבעים|שמונים|תשעים)"
    r"(?:[^\S\n]+ו[^\W\d_]+)?"
)
_AGES = (
    # the age without "alt", as the sets label it ("7 Jahre", "18 Monate")
    gated(
        r"(?<![\w.,])((?:\d{1,3}|[a-zäöüß]*(?:eins|ein|zwei|drei|vier|fünf|sechs|sieben|acht"
        r"|neun|zehn|elf|zwölf|zig|ßig))[^\S\n]+(?:Jahre?|Monate?|Wochen|Tage))[^\S\n]+alt\b"
    ),
    gated(r"(?i)\b(?:ha|di|compiuto|compie)[^\S\n]+(\d{1,2}[^\S\n]+(?:mesi|settimane|giorni))\b"),
    gated(
        rf"(?i)\b(?:berusia|berumur|umur|usia|umurnya|usianya){_S}({_ID_NUMBER}{_S}(?:tahun|bulan))\b"
    ),
    gated(rf"(?i)(?<![\w])({_VI_NUMBER}{_S}(?:tháng{_S})?tuổi)(?![\w])"),
    gated(rf"(?i)(?<![\w])({_TR_NUMBER}{_S}(?:yaşında\w*|aylık))(?![\w])"),
    gated(
        rf"(?i)(?<![\w])(?<!протягом )(?<!за )(?<!через )({_UK_NUMBER}{_S}(?:років|роки|рік"
        rf"|місяців|місяці|місяць))(?![\w])(?!{_S}тому)"
    ),
    gated(r"(?i)\b(?:ana|mwenye|umri[^\S\n]+wa)[^\S\n]+(miezi[^\S\n]+\d{1,2}|wiki[^\S\n]+\d{1,2})\b"),
    gated(r"\b(?:is|aged?|was)[^\S\n]+(\d{1,2}y)(?![\w/])"),
    gated(
        rf"(?i)\b(?:ha|di|compiuto)[^\S\n]+((?:{_IT_NUMBER})[^\S\n]+(?:anni|mesi))\b"
    ),
    gated(rf"(?i)\b(?:are|avea|avut)[^\S\n]+((?:{_RO_NUMBER})(?:[^\S\n]+de)?[^\S\n]+(?:ani|luni))\b"),
    gated(r"(?i)(?<![\w])([^\W\d_]+[^\S\n]+(?:taong?|buwang?)[^\S\n]+gulang)\b"),
    gated(
        r"(?i)\b((?:miaka|miezi)[^\S\n]+(?:kumi|ishirini|thelathini|arobaini|hamsini|sitini"
        r"|sabini|themanini|tisini)(?:[^\S\n]+na[^\S\n]+(?:moja|mbili|tatu|nne|tano|sita|saba"
        r"|nane|tisa))?)\b"
    ),
    gated(r"((?:หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า|สิบ|ยี่)+[^\S\n]*ขวบ)"),
    gated(
        rf"(?<![\w])((?:(?:{_AR_NUMBER})[^\S\n]+(?:و)?)?(?:{_AR_NUMBER})[^\S\n]+(?:عاما|عامًا"
        r"|سنة|سنوات|أعوام|شهرا|شهرًا|أشهر|شهور))(?![\w])"
    ),
    gated(rf"(?<![\w])(?:בן|בת)[^\S\n]+({_HE_NUMBER})(?![\w])"),
    gated(r"(?<!\d)(\d{1,3}歳(?:半|\d{1,2}[かヶケカ]月)?|生後\d{1,2}(?:[かヶケカ]月|週|日))"),
)

# ---------------------------------------------------------------------------- records, e-mails

_ID_CUE = gated(
    r"(?:身份证号?码?|身分證字?號|マイナンバー|個人番号|주민등록번호|เลขบัตรประชาชน)[^\S\n]*[:：]?[^\S\n]*"
    r"(\d[\d -]{8,22}[\dXx])(?![\d])"
)
_BRACKETED_CODE = gated(r"\(\+\d{1,3}\)[^\S\n]*\d[\d .-]{5,16}\d")  # "(+44) 20 7946 0000"
_PAN = gated(
    r"\b[A-Z]{3}[ABCFGHLJPT][A-Z]\d{4}[A-Z]\b|(?<=PAN)(?:[^\S\n]*(?:no\.?|number|card))?[:#]?"
    r"[^\S\n]*\b([A-Z]{5}\d{4}[A-Z])\b"
)
_EMAILS = (
    gated(
        r"(?i)(?<![\w.+-])[\w.+-]+[^\S\n]*[\[(]at[\])][^\S\n]*[\w-]+"
        r"(?:[^\S\n]*[\[(]dot[\])][^\S\n]*[a-z]{2,6})+\b"
    ),
    gated(r"(?i)(?<![\w.+-])[\w.+-]+[^\S\n]+@[^\S\n]+[\w-]+(?:[^\S\n]+\.[^\S\n]+[a-z]{2,6})+\b"),
    gated(
        r"(?i)(?<![\w.+-])[\w.+-]+@(?:gmail|googlemail|yahoo|hotmail|outlook|icloud|aol|proton"
        r"(?:mail)?|live|msn|gmx|mail|yandex|qq|naver)\b(?!\.)"
    ),
)


def format_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """The swept forms of dates, ages, records and e-mails (the module's docstring)."""
    dates: list[tuple[int, int]] = []  # a bare "4/3" only after a weekday
    for pattern in (_THE_ORDINAL, _SHORT_YEAR, _SCRIPT_DATE, _HAN_DATE, _YORUBA_DATE,
                    _ROMAN_DATE, _THAI_SHORT_YEAR, _DASHED_MONTH):
        dates += [(m.start(), m.end()) for m in pattern.finditer(text)]
    dates += [(m.start(1), m.end(1)) for m in _ON_THE_ORDINAL.finditer(text)]
    if _CJK.search(text):
        dates += [(m.start(), m.end()) for m in _CJK_DATE.finditer(text)]
    known = list(dates)
    for pattern in DATES:
        known += [(m.start(), m.end()) for m in pattern.finditer(text)]
    known += [(m.start(), m.end()) for m in _DIGIT_DATE.finditer(text)]
    known += [(s.start, s.end) for s in language_dates(text)]
    for start, end in known:
        weekday = _WEEKDAY.search(text, max(0, start - 30), start)
        if weekday:
            dates.append((weekday.start(), end))
        first = _FIRST_DAY.search(text, max(0, start - 6), start)
        if first:
            dates.append((first.start(), end))
    for start, end in dates:
        if not _DIGIT_DATE.fullmatch(text, start, end):
            yield Span(start, end, "date")
    for pattern in _AGES:
        for m in pattern.finditer(text):
            group = 1 if pattern.groups else 0
            yield Span(m.start(group), m.end(group), "age")
    for m in _PAN.finditer(text):
        group = 1 if m.group(1) else 0
        yield Span(m.start(group), m.end(group), "record_number")
    for m in _BRACKETED_CODE.finditer(text):
        yield Span(m.start(), m.end(), "phone")
    for m in _ID_CUE.finditer(text):
        yield Span(m.start(1), m.end(1), "record_number")
    for pattern in _EMAILS:
        for m in pattern.finditer(text):
            yield Span(m.start(), m.end(), "email")


# ---------------------------------------------------------------------------- take-backs

_REFERENCE = gated(
    r"(?i)(?:\bref(?:erence)?\.?(?:[^\S\n]+range)?|\bnormal(?:[^\S\n]+range)?|\brange)[^\S\n]*:?"
    r"[^\S\n]*$"
)
_RANGE = gated(r"\d+(?:[.,]\d+)?[^\S\n]*[-–][^\S\n]*\d+(?:[.,]\d+)?")
_UNIT = gated(
    r"[^\S\n]*(?:[mµunpk]?(?:mol|g|l|L)\b|[mµunpk]?(?:mol|g)/|U/|IU|%|mEq|mmHg|mm\b|cm\b|kg\b)"
)
_ET_AL_AFTER = gated(r"[^\S\n]*\([^()\n]{0,40}\bet[^\S\n]+al\b")
_ET_AL_BEFORE = gated(r"\bet[^\S\n]+al\.?,?[^\S\n]*\(?$")
_ONSET_IBERIAN = gated(
    r"(?i)\b(?:desde|a[^\S\n]+partir[^\S\n]+de)[^\S\n]+(?:los|las|os|as)[^\S\n]+$"
)
# a record number that is a date with its hour ("04/03/2025 10:15"), a date written without
# separators after "on" ("on 20240304"), or a toll-free number ("1-800-000-0000")
_DATE_HOUR = gated(r"\d{1,2}([/.-])\d{1,2}\1\d{2,4}[^\S\n]+\d{1,2}(?=[:h]\d\d)")
_COMPACT_DATE = gated(rf"{_YEAR}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])")
_ON = gated(r"(?i)\b(?:on|dated?|from|since)[^\S\n]+$")
_TOLL_FREE = gated(r"1[-. ]8(?:00|33|44|55|66|77|88)[-. ]\d{3}[-. ]\d{4}")
_AMHARIC_OF = gated(r"የ(?=\d)")


def kept_formats(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what the sweep knows is no detail (the module's docstring)."""
    del lex
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        before = text[max(0, span.start - 30) : span.start]
        if (
            span.kind == "record_number"
            and _RANGE.fullmatch(piece)
            and (_REFERENCE.search(before) or _UNIT.match(text, span.end))
        ):
            continue
        if (
            span.kind == "date"
            and piece.isdigit()
            and (_ET_AL_AFTER.match(text, span.end) or _ET_AL_BEFORE.search(before))
        ):
            continue
        if span.kind == "age" and _ONSET_IBERIAN.search(before):
            continue
        if span.kind == "record_number":
            hour = _DATE_HOUR.match(text, span.start)
            if (hour and hour.end() == span.end) or (
                _COMPACT_DATE.fullmatch(piece) and _ON.search(before)
            ):
                span = Span(span.start, span.end, "date", span.strong)
            elif _TOLL_FREE.fullmatch(piece):
                span = Span(span.start, span.end, "phone", span.strong)
        if span.kind == "name" and _AMHARIC_OF.fullmatch(text, span.start, span.end + 1):
            continue
        kept.append(span)
    return kept
