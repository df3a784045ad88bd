"""Round 18's shapes. Ages: a number word or a fraction in the brackets or commas after a name or
a patient ("Name (nine, Year 4)", "A patient of mine, sixty,", "Name (1¾)"), weeks after a name
("Name is 10 weeks and"), "Name will be 5 in", number words with the word for years in French,
Spanish, Portuguese, Italian and Romanian after a name or "a/tiene/are" ("Name, neuf ans,", "de
șaizeci și opt de ani"), Yoruba "ti pé ... ọdún", Chinese "今年七十歲". Names: a sign-off "Gran
Name", a family in the plural ("We're the Abernathys"), Tagalog "si Name", Vietnamese full
names by their family name ("Nguyễn Thị Lụa"), Yoruba, Cyrillic and Urdu names after a kin
word, a name corrected in brackets ("(sorry, autocorrect: Name)"), a lower-case name doubled
with a modal ("my son will will be"), a name that is a word before the word ("Will will be
10"), "my name is" in Amharic and Nepali ("ስሜ X ነው", "म TOWN बाट X हुँ"), Urdu "میں X TOWN سے
ہوں". Places: "comes from X itself" (a place that names a disease), Thai, Amharic and Greek
places after a place cue. Institutions: "Cliniques universitaires X", an insurer's acronym
before "member ID", an acronym after a visit cue in Swahili ("Alitibiwa KCMC"), "the X have a
... clinic", Hebrew hospitals by name, Greek "Πανεπιστημιακό Νοσοκομείο X". Record numbers
after a Chinese label in traditional characters ("病歷號"). Handles with a host
("@name.example.social", "@name@host").

``kept18`` takes back: a people taken for a place ("a Lakota dad", "Ashkenazi-Jewish"), "the
Gulf", "the" before a place ("the [Philippines]"), a sentence's modal "Will" taken for a name
("Will Tricare cover"), a health plan taken for a name ("Tricare"), an Amharic verb before the
full stop taken for a name ("ልጄ ታሟል።"), "US" before an agency or "hospitals" ("US FDA"), a
Chinese "我是年轻人"."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import cities, countries
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen16 import NAME_WORD, NUMBER_WORDS
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, CAP_WIDE, Lexicon, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_CAP_WORD = rf"{CAP_LATIN}[a-z]+"

# ---------------------------------------------------------------------------- ages

_FRACTION = r"\d{1,2}[¼½¾⅓⅔]"
# after a name: "Name (nine, Year 4)", "Name (1¾)", "Name, nine,"
_BRACKET_AGE = gated(
    rf"(?:{_S}here)?{_W}[(,]{_W}({NUMBER_WORDS}|{_FRACTION})(?=[^\S\n]*[,)])", re.I
)
# "A patient of mine, sixty, has"
_PATIENT_AGE = gated(
    rf"\b(?:[Aa]|[Mm]y|[Oo]ur|[Tt]his)(?:{_S}(?:new|young|elderly|older))?{_S}(?:patient|client"
    rf"|resident)(?:{_S}of{_S}(?:mine|ours))?,{_W}({NUMBER_WORDS}|\d{{1,2}}|{_FRACTION}),",
    re.I,
)
_UNIT = r"(?:wks?|weeks?|months?|mos?|mths?|days?)"
# "Name is 10 weeks and has" (not "is 10 weeks pregnant")
_WEEKS = gated(
    rf"{_S}(?:is|was){_S}((?:\d{{1,2}}|{NUMBER_WORDS}){_S}{_UNIT})"
    r"(?=[^\S\n]*[,.;!?]|[^\S\n]+(?:and|now|but|with|who|has|had)\b)"
)
# "Name will be 5 in May", "Name turns 5 next week"
_WILL_BE = gated(
    rf"{_S}(?:will{_S}be|turns|is{_S}turning){_S}(\d{{1,2}}|{NUMBER_WORDS})"
    r"(?=[^\S\n]+(?:in|on|next|this|at|soon)\b|[^\S\n]*[,.;!?])"
)
# after a name doubled with a verb: "my son will will be 5", "may may be 3"
_DOUBLED_AGE = gated(rf"{_S}[a-z]+{_S}be{_S}(\d{{1,2}}|{NUMBER_WORDS})\b")
_FRENCH_NUMBERS = (
    "un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze"
    "|seize|dix-sept|dix-huit|dix-neuf|vingt|trente|quarante|cinquante|soixante|soixante-dix"
    "|quatre-vingts?|quatre-vingt-dix"
)
_SPANISH_NUMBERS = (
    "uno|una|un|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
    "|quince|dieciséis|diecisiete|dieciocho|diecinueve|veinte|treinta|cuarenta|cincuenta"
    "|sesenta|setenta|ochenta|noventa|um|dois|duas|três|quatro|cinco|sete|oito|nove|dez"
    "|onze|doze|vinte|trinta|quarenta|cinquenta|sessenta|setenta|oitenta|noventa"
    "|due|tre|quattro|sei|sette|otto|nove|dieci|venti|trenta|quaranta|cinquanta|sessanta"
    "|settanta|ottanta|novanta"
)
_ROMANIAN_NUMBERS = (
    "unu|doi|două|trei|patru|cinci|șase|şase|șapte|şapte|opt|nouă|zece|douăzeci|treizeci"
    "|patruzeci|cincizeci|șaizeci|şaizeci|șaptezeci|şaptezeci|optzeci|nouăzeci"
)
ROMANCE_COMPOUND = (
    rf"(?:{_FRENCH_NUMBERS}|{_SPANISH_NUMBERS}|{_ROMANIAN_NUMBERS})"
    rf"(?:(?:{_S}(?:et|y|e|și|şi){_S}|-)(?:{_FRENCH_NUMBERS}|{_SPANISH_NUMBERS}"
    rf"|{_ROMANIAN_NUMBERS}))?"
)
# "Name, neuf ans,", "tiene cinco años", "de șaizeci și opt de ani"
_ROMANCE_AGE = gated(
    rf"(?:,|(?<!\by\s)\b(?:a|tiene|tem|ha|are|avea|cumple|cumpliu|cumplió|fait|compie)){_S}"
    rf"(?:de{_S})?({ROMANCE_COMPOUND}{_S}(?:de{_S})?(?:ans|años|anos|anni|ani))\b"
    rf"(?!{_S}(?:que|depuis|desde|fa|ago|în|después|antes|atrás|más|mayor|menor|plus|après"
    r"|avant|dopo|prima|depois|mais|mai|de[^\S\n]+(?:edad|idade)[^\S\n]+(?:de|da)"
    r"|de[^\S\n]+(?:plus|moins|más|menos|mais|diferencia|différence|diferença)))",
    re.I,
)
# Yoruba "ti pé ọgọ́rin ọdún" (has reached eighty years), "ọmọ ọdún mẹ́fà" (a child of six)
_YORUBA_AGE = gated(
    r"\bti[^\S\n]+pé[^\S\n]+((?:[^\W\d_]|[\u0300-\u036f])+(?:[^\S\n]+(?:[^\W\d_]|[\u0300-\u036f])+)?"
    r"[^\S\n]+ọdún)"
    r"|\bọmọ[^\S\n]+(ọdún[^\S\n]+(?:[^\W\d_]|[\u0300-\u036f])+)"
)
# Chinese "今年七十歲", "已经八岁" (this year, already)
_CHINESE_AGE = gated(
    r"(?:今年|现年|現年|已经|已經|现在|現在|目前)[^\S\n]*((?:[一二三四五六七八九十兩两]{1,3}|\d{1,3})"
    r"(?:個|个)?(?:半)?(?:歲|岁))"
)

# ---------------------------------------------------------------------------- names

# a sign-off on the last line: "Gran Hettie", "Auntie Name"
_SIGN_OFF = gated(
    rf"(?:^|(?<=\n)){_W}(?:[Gg]ran|[Gg]ranny|[Gg]randma|[Nn]ana|[Nn]anna|[Nn]annie|[Gg]randad"
    rf"|[Gg]randpa|[Gg]ramps|[Aa]untie|[Aa]unty|[Uu]ncle|[Pp]oppy|[Pp]op|[Oo]ma|[Oo]pa){_S}"
    rf"({NAME_WORD})[^\S\n]*[.!]?[^\S\n]*(?:\n|$)"
)
# a family in the plural: "We're the Abernathys", "Love from the Okafors"
_FAMILY_PLURAL = gated(
    rf"\b(?:[Ww]e['’]re|[Ww]e{_S}are|[Ll]ove{_S}from|[Tt]his{_S}is|[Ff]amily,?)"
    rf"{_S}the{_S}({CAP_LATIN}[a-z]+(?:[-'’]{CAP_LATIN}[a-z]+)?s)\b"
)
# Tagalog marks a name with "si/ni/kay": "Ang anak ko na si Name ay"
_TAGALOG_TEXT = gated(r"\b(?:ang|ng|mga|po|kami|namin|ako|anak|taong|gulang|lang)\b")
_TAGALOG_SI = gated(rf"\b(?:si|ni|kay){_S}({NAME_WORD})")
# Vietnamese full names by their family name: "bà Nguyễn Thị Lụa"
_VIETNAMESE = gated(
    r"\b((?:Nguyễn|Trần|Lê|Phạm|Hoàng|Huỳnh|Phan|Vũ|Võ|Đặng|Bùi|Đỗ|Hồ|Ngô|Dương|Lý|Đinh|Trương"
    rf"|Lương|Đoàn|Trịnh|Cao|Mai|Tạ|Hà|Lâm|Tô|Châu)(?:{_S}{CAP_WIDE}[^\W\d_]*){{1,3}})"
)
_VIETNAMESE_PLACES = (
    "Hà Nội", "Hà Tĩnh", "Hà Giang", "Hà Nam", "Hồ Chí Minh", "Cao Bằng", "Lâm Đồng", "Phan Thiết",
    "Phan Rang", "Hoàng Mai", "Đỗ Lương", "Trần Phú", "Lê Lợi",
)
_VIETNAMESE_TEXT = gated(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
# Yoruba kin, "my" and a name: "Bàbá mi, Olúwọlé,"
_YORUBA_KIN = gated(
    r"\b(?:Bàbá|bàbá|Baba|baba|Ìyá|ìyá|Iya|iya|Màmá|màmá|Mama|Ọmọ|ọmọ|Ẹ̀gbọ́n|ẹ̀gbọ́n|Àbúrò|àbúrò"
    r"|Ọkọ|ọkọ|Ìyàwó|ìyàwó)[^\S\n]+(?:mi|wa)(?:[^\S\n]+(?:obìnrin|ọkùnrin))?,?[^\S\n]+"
    rf"({CAP_WIDE}(?:[^\W\d_]|[\u0300-\u036f])+)"
)
# Cyrillic kin and a name: "Мій батько Василь Петренко,", "Моя дочь Анна"
_CYRILLIC_KIN = gated(
    r"(?<![\w])(?:батько|тато|мати|мама|син|донька|дочка|брат|сестра|чоловік|дружина|бабуся"
    r"|дідусь|онук|онука|отец|папа|мать|сын|дочь|дочка|муж|жена|бабушка|дедушка|внук|внучка)"
    r",?[^\S\n]+([А-ЯЇІЄҐЁ][а-яїієґё']+(?:[^\S\n]+[А-ЯЇІЄҐЁ][а-яїієґё']+){0,2})"
)
# Urdu kin and a name before an age or a comma: "میری والدہ نسرین بیگم 62 سال"
_URDU_KIN = gated(
    r"(?<![\u0600-\u06ff])(?:میری|میرا|میرے|ہماری|ہمارا|ہمارے)[^\S\n]+(?:والدہ|والد|امی|ابو|بیٹی"
    r"|بیٹا|بیٹے|بہن|بھائی|شوہر|بیوی|نانی|دادی|نانا|دادا)[^\S\n]+"
    r"([\u0621-\u065f\u066e-\u06d3]{2,}(?:[^\S\n]+[\u0621-\u065f\u066e-\u06d3]{2,})?)"
    r"(?=[^\S\n]*(?:[0-9۰-۹]|،|,))"
)
# "my name is" in Amharic and Nepali: "ስሜ X Y ነው", "मेरो नाम X हो"; Nepali "म TOWN बाट X Y
# हुँ" (I am X Y from TOWN)
_MY_NAME = gated(
    r"(?<![\u1200-\u137f])ስሜ[^\S\n]+([\u1200-\u135a]+(?:[^\S\n]+[\u1200-\u135a]+)?)[^\S\n]+"
    r"(?:ነው|ነኝ|ይባላል)(?![\u1200-\u135a])"
    r"|मेरो[^\S\n]+नाम[^\S\n]+([\u0900-\u0963\u0966-\u097f]+(?:[^\S\n]+[\u0900-\u0963"
    r"\u0966-\u097f]+)?)[^\S\n]+(?:हो|हुँ)(?![\u0900-\u0963\u0966-\u097f])"
    r"|(?<![\u0900-\u097f])म[^\S\n]+([\u0900-\u0963\u0966-\u097f]+)[^\S\n]*बाट[^\S\n]+"
    r"([\u0900-\u0963\u0966-\u097f]+(?:[^\S\n]+[\u0900-\u0963\u0966-\u097f]+)?)[^\S\n]+हुँ"
    r"(?![\u0900-\u0963\u0966-\u097f])"
)
# Urdu "میں X Y TOWN سے ہوں" (I am X Y from TOWN), after a greeting's comma or a line start
_URDU_SELF = gated(
    r"(?:^|(?<=\n)|(?<=[،,])[^\S\n]*)میں[^\S\n]+([\u0621-\u065f\u066e-\u06d3]{2,}"
    r"(?:[^\S\n]+[\u0621-\u065f\u066e-\u06d3]{2,})?)[^\S\n]+([\u0621-\u065f\u066e-\u06d3]{2,})"
    r"[^\S\n]+سے[^\S\n]+ہوں"
)
_NOT_URDU_NAMES = (
    "بہت", "کی", "کا", "کے", "کو", "نے", "بھی", "صاحب", "جان", "ابھی", "آج", "کل", "یہاں", "وہاں",
    "ایک", "اس", "ان", "پچھلے", "کافی", "تقریباً",
)
# a name corrected in brackets: "Name (sorry, autocorrect: Other)"
_BRACKET_CORRECTION = gated(
    rf"{_W}\((?:sorry,?{_S})?(?:autocorrect|autocorrected|typo|I{_S}mean|it's|it’s|spelt|spelled)"
    rf"[:,]?{_S}({NAME_WORD})"
)
# a name that is a modal, then the modal: "Will will be 10 on Saturday" ("Mark mark it" stays)
_MODALS = wordset("will may might can must shall")
_NAME_DOUBLE = gated(rf"\b({CAP_LATIN}[a-z]+){_S}(?=[a-z])")
_KIN_DOUBLE = gated(
    r"\b(?:[Mm]y|[Oo]ur){_S}(?:son|daughter|boy|girl|grandson|granddaughter|nephew|niece|brother"
    r"|sister|baby|child){_S}([a-z]{3,})(?={_S}\1\b)".replace("{_S}", _S)
)

# ---------------------------------------------------------------------------- places

# "her family comes from Mseleni itself": a town that also names a disease
_FROM_ITSELF = gated(
    rf"\b(?:comes?|came|is|are|originally){_S}from{_S}({_CAP_WORD}){_S}(?:itself|originally)\b"
)
_THAI_MORE = (
    "ลำพูน|ลำปาง|แพร่|น่าน|พะเยา|แม่ฮ่องสอน|ตาก|สุโขทัย|อุตรดิตถ์|พิจิตร|เพชรบูรณ์|นครสวรรค์|อุทัยธานี"
    "|ชัยนาท|ลพบุรี|สิงห์บุรี|อ่างทอง|สระบุรี|อยุธยา|พระนครศรีอยุธยา|นครนายก|ปราจีนบุรี|สระแก้ว"
    "|ฉะเชิงเทรา|จันทบุรี|ตราด|ราชบุรี|กาญจนบุรี|สุพรรณบุรี|นครปฐม|สมุทรสาคร|สมุทรสงคราม|เพชรบุรี"
    "|ประจวบคีรีขันธ์|ชุมพร|ระนอง|สุราษฎร์ธานี|พังงา|กระบี่|ตรัง|พัทลุง|สตูล|ปัตตานี|ยะลา|นราธิวาส"
    "|เลย|หนองคาย|หนองบัวลำภู|บึงกาฬ|สกลนคร|นครพนม|มุกดาหาร|กาฬสินธุ์|มหาสารคาม|ร้อยเอ็ด|ยโสธร"
    "|อำนาจเจริญ|ศรีสะเกษ|สุรินทร์|บุรีรัมย์|ชัยภูมิ"
)
_THAI_PLACE = gated(rf"(?:อยู่|จาก|ที่|จังหวัด)(?:ที่)?({_THAI_MORE})")
_AMHARIC_MORE = (
    "መቐለ|ባሕርዳር|ባህርዳር|ደብረ ብርሃን|ሻሸመኔ|ነቀምቴ|ነቀምት|አክሱም|አሶሳ|ጋምቤላ|ሰመራ|ሆሳዕና|ወልቂጤ"
    "|አርባ ምንጭ|ዲላ|ደብረ ታቦር|ወልድያ|ኮምቦልቻ|ቢሾፍቱ|ጅግጅጋ|አዋሳ|ላሊበላ|አምቦ|ደብረ ዘይት|ሞጆ|ዝዋይ|ባቱ"
)
_AMHARIC_PLACE = gated(
    rf"(?<![\u1200-\u137f])(?:በ|ከ|ወደ[^\S\n]*|ለ)?({_AMHARIC_MORE})(?![\u1200-\u137f])"
)
_GREEK_WORD = r"[Α-ΩΆ-Ώ][\u0370-\u03ff\u1f00-\u1fff]+"
# "ζει στη Ρόδο" (lives in), "από τα Ιωάννινα" (from)
_GREEK_PLACE = gated(
    r"\b(?:ζει|ζω|ζούμε|ζουν|μένει|μένω|μένουμε|μένουν|κατοικεί|κατοικούμε|γεννήθηκε)"
    rf"{_S}(?:στη|στην|στο|στα|στον|στις|στους){_S}({_GREEK_WORD})"
    rf"|\b(?:από|απ'){_S}(?:τα|το|τη|την|τον|τις|τους){_S}({_GREEK_WORD})"
)
_NOT_GREEK_PLACES = (
    "Νοσοκομείο", "Κέντρο", "Κλινική", "Πανεπιστήμιο", "Ιατρείο",
    # "από τα Χριστούγεννα", "από τον Μάρτιο", "από τη Δευτέρα": since a holiday, month or day
    "Χριστούγεννα", "Πάσχα", "Πρωτοχρονιά", "Ιανουάριο", "Φεβρουάριο", "Μάρτιο", "Απρίλιο", "Μάιο",
    "Ιούνιο", "Ιούλιο", "Αύγουστο", "Σεπτέμβριο", "Οκτώβριο", "Νοέμβριο", "Δεκέμβριο", "Δευτέρα",
    "Τρίτη", "Τετάρτη", "Πέμπτη", "Παρασκευή", "Σάββατο", "Κυριακή", "Γιατρό", "Παιδίατρο",
)

# ---------------------------------------------------------------------------- institutions

_CLINIQUES = gated(
    rf"\b((?:Cliniques?|Hôpitaux|Hospices|Clínicas?|Hospitais|Cliniche){_S}"
    rf"(?:universitaires?|universitarias?|universitárias?|universitarie){_S}"
    rf"(?:(?:de|du|des|la|le|Saint|Sainte|St|Ste|San|Santa|São)[-\s]+)*"
    rf"{CAP_LATIN}[^\W\d_]+(?:-{CAP_LATIN}[^\W\d_]+)*)"
)
# an insurer by its acronym before "member ID": "My UHC member ID is"
_INSURER = gated(r"\b([A-Z]{2,5})[^\S\n]+member[^\S\n]+(?:ID|id|number|no\.?|#)")
# an acronym after a visit cue in Swahili: "Alitibiwa KCMC" (was treated), "alilazwa" (admitted)
_SWAHILI_VISIT = gated(
    r"\b(?:[Aa]litibiwa|[Aa]natibiwa|[Aa]lilazwa|[Aa]melazwa|[Tt]ulienda|[Tt]unaenda|[Aa]lizaliwa"
    r"|[Hh]ospitali[^\S\n]+ya|[Kk]liniki[^\S\n]+ya)(?:[^\S\n]+(?:katika|hospitali|huko))?"
    r"[^\S\n]+([A-Z]{3,6}|[A-Z][a-z]+(?:[^\S\n]+(?:Hospital|Medical[^\S\n]+Centre))?)\b"
)
# a hospital by a bare name: "Does the Stollery have a genetics clinic?"
_THE_X_HAS = gated(
    rf"\bthe{_S}({_CAP_WORD}){_S}(?:have|has|offer|offers|run|runs){_S}(?:an?{_S}|any{_S})?"
    r"(?:[a-z-]+[^\S\n]+){0,2}(?:clinic|service|unit|team|ward|department|programme|program)s?\b"
)
_HEBREW_HOSPITALS = gated(
    r"(?<![\u0590-\u05ff])(?:ו?[מבל]|ה)?(אסותא|איכילוב|שיבא|הדסה|סורוקה|שניידר|בילינסון|וולפסון"
    r"|ברזילי|פוריה|לניאדו|שערי צדק|תל השומר|אסף הרופא|רמב\"ם|רמב״ם|בני ציון|הלל יפה)"
    r"(?![\u0590-\u05ff])"
)
_GREEK_HOSPITAL = gated(
    r"((?:Πανεπιστημιακό|Γενικό|Περιφερειακό|Παιδιατρικό|Ογκολογικό|Νομαρχιακό)[^\S\n]+"
    rf"(?:Γενικό{_S})?Νοσοκομείο(?:{_S}{_GREEK_WORD}){{1,2}})"
)
# a record number after a label in traditional characters: "病歷號是00083127"
_CHINESE_RECORD = gated(
    r"(?:病歷號|病歷號碼|病案號|住院號|門診號|就診卡號|病歷編號|身份證號|健保卡號)(?:碼)?(?:是|為|为)?"
    r"[:：\s]*(\d{4,})"
)
# a handle with its host: "@name.example.social", "@name@mastodon.social"
_HOST_HANDLE = gated(
    r"(?<![\w@.])(@[A-Za-z0-9_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9-]+)*\.[a-z]{2,}"
    r"|@[A-Za-z0-9_][A-Za-z0-9_.-]*@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)(?<![.-])"
)

# ---------------------------------------------------------------------------- kept

_PEOPLES = wordset(
    "Lakota Navajo Navaho Cherokee Ojibwe Ojibwa Cree Inuit Inuk Métis Metis Apache Hopi Sioux "
    "Mohawk Choctaw Chickasaw Seminole Maori Māori Sami Sámi Hmong Roma Romani Kurdish Kurd "
    "Yoruba Igbo Hausa Fulani Zulu Xhosa Maasai Masai Amish Mennonite Ashkenazi Ashkenazic "
    "Sephardi Sephardic Mizrahi Bedouin Pashtun Punjabi Sikh Aboriginal Tamil Gujarati Bengali "
    "Samoan Tongan Fijian Tuareg Berber Amazigh Uyghur Tatar Chechen Hutterite Creole Cajun"
)
_PERSON_AFTER = gated(
    r"[^\S\n]+(?:dad|mum|mom|mother|father|family|families|woman|women|man|men|girl|boy|kid|kids"
    r"|child|children|parent|parents|nurse|doctor|teacher|engineer|grandmother|grandfather"
    r"|grandma|grandpa|community|descent|heritage|ancestry|background|origin|patient|couple)\b"
)
_ETHIOPIC_LAST = gated(r"[\u1200-\u135a]+።?")
_ARTICLE_BEFORE = gated(r"\b(?:an?|An?)[^\S\n]+$")
_VAGUE_REGIONS = wordset("Gulf")
_HEALTH_PLANS = wordset("Tricare TRICARE CHAMPVA Medicaid Medicare")
_SENTENCE_START = gated(r"(?:^|[.!?]\s+|\n\s*)$")
# the rest of a question after a modal "Will" ("Will [Tricare] cover travel?"), no verb of a
# name first ("Will has Fabry, is that genetic?")
_QUESTION = gated(
    r"[^\S\n]+(?!(?:has|had|is|was|does|did|and|who|gets|got|needs|takes|can|will|would"
    r"|should|also|just|now|went|goes|said|says)\b)[^.!?\n]{1,120}\?"
)
_US_BEFORE = gated(
    r"[^\S\n]+(?:FDA|CDC|NIH|hospitals?|doctors?|clinics?|insurers?|insurance|trials?|guidelines"
    r"|labs?|laboratories|specialists?|centres|centers)\b"
)
_CHINESE_YOUNG = ("年轻人", "年輕人", "老年人", "老人", "病人", "患者", "外地人", "本地人")


def unseen18_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 18's ages, names, places and institutions (the module's docstring)."""
    for m in _PATIENT_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _ROMANCE_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _YORUBA_AGE.finditer(text):
        group = 1 if m.group(1) else 2
        yield Span(m.start(group), m.end(group), "age")
    for m in _CHINESE_AGE.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _SIGN_OFF.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _FAMILY_PLURAL.finditer(text):
        word = m.group(1)
        if (
            not lex.plain(word)
            and not lex.plain(word[:-1])
            and word[:-1] not in _PEOPLES
            and word not in countries()
            and word not in cities()
        ):
            yield Span(m.start(1), m.end(1), "name")
    if len(set(_TAGALOG_TEXT.findall(text))) >= 2:
        for m in _TAGALOG_SI.finditer(text):
            if not lex.plain(m.group(1)):
                yield Span(m.start(1), m.end(1), "name")
    if _VIETNAMESE_TEXT.search(text):
        for m in _VIETNAMESE.finditer(text):
            if m.group(1).startswith(_VIETNAMESE_PLACES):
                continue  # "ở Hà Nội", "TP Hồ Chí Minh"
            yield Span(m.start(1), m.end(1), "name")
    for m in _YORUBA_KIN.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _CYRILLIC_KIN.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
    for m in _URDU_KIN.finditer(text):
        if m.group(1).split()[0] not in _NOT_URDU_NAMES:
            yield Span(m.start(1), m.end(1), "name")
    for m in _MY_NAME.finditer(text):
        for group in (1, 2, 4):
            if m.group(group):
                yield Span(m.start(group), m.end(group), "name")
        if m.group(3):
            yield Span(m.start(3), m.end(3), "place")
    for m in _URDU_SELF.finditer(text):
        if m.group(1).split()[0] not in _NOT_URDU_NAMES:
            yield Span(m.start(1), m.end(1), "name")
            yield Span(m.start(2), m.end(2), "place")
    for m in _KIN_DOUBLE.finditer(text):
        yield Span(m.start(1), m.end(1), "name")
        after = _DOUBLED_AGE.match(text, m.end(1))
        if after:
            yield Span(after.start(1), after.end(1), "age")
    for m in _NAME_DOUBLE.finditer(text):
        word = m.group(1)
        end = m.end() + len(word)
        if (
            word in lex.ambiguous_names
            and word.lower() in _MODALS
            and text.startswith(word.lower(), m.end())
            and not text[end : end + 1].isalpha()
        ):
            yield Span(m.start(1), m.end(1), "name")
            after = _DOUBLED_AGE.match(text, m.end(1))
            if after:
                yield Span(after.start(1), after.end(1), "age")
    for m in _THAI_PLACE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in _AMHARIC_PLACE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")
    for m in _GREEK_PLACE.finditer(text):
        group = 1 if m.group(1) else 2
        if not m.group(group).startswith(_NOT_GREEK_PLACES):
            yield Span(m.start(group), m.end(group), "place")
    for m in _CLINIQUES.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _INSURER.finditer(text):
        if m.group(1) not in _HEALTH_PLANS and not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _SWAHILI_VISIT.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _THE_X_HAS.finditer(text):
        word = m.group(1)
        if not lex.plain(word) and word.lower() not in lex.medical:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _HEBREW_HOSPITALS.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _GREEK_HOSPITAL.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _CHINESE_RECORD.finditer(text):
        yield Span(m.start(1), m.end(1), "record_number")
    for m in _HOST_HANDLE.finditer(text):
        yield Span(m.start(1), m.end(1), "id")


def after18_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 18 finds next to the names found (the module's docstring). These rules
    read their own cue, so a medical word after it is taken too ("from Mseleni itself")."""
    for found in _FROM_ITSELF.finditer(text):
        if not lex.plain(found.group(1)) or found.group(1) in lex.eponyms:
            yield Span(found.start(1), found.end(1), "place")
    for span in spans:
        if span.kind != "name":
            continue
        m = _BRACKET_AGE.match(text, span.end)
        if m:
            yield Span(m.start(1), m.end(1), "age")
        m = _WEEKS.match(text, span.end)
        if m:
            yield Span(m.start(1), m.end(1), "age")
        m = _WILL_BE.match(text, span.end)
        if m:
            yield Span(m.start(1), m.end(1), "age")
        m = _BRACKET_CORRECTION.match(text, span.end)
        if m and not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")


def kept18(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 18 takes back (the module's docstring): dropped or cut."""
    kept: list[Span] = []
    for span in spans:
        original = text[span.start : span.end]
        head = original.split("-")[0]
        if span.kind in ("place", "name") and head in _PEOPLES:
            if "-" in original and original.split("-")[1][:1].isupper():
                continue  # "an Ashkenazi-Jewish family"
            if _PERSON_AFTER.match(text, span.end) and (
                span.kind == "place" or _ARTICLE_BEFORE.search(text, 0, span.start)
            ):
                continue  # "a Lakota dad", "a Navajo family" ("the Cree family" stays a name)
        if span.kind == "place":
            if original in _VAGUE_REGIONS or original in ("the Gulf",):
                continue  # "a specialist in the Gulf"
            if original.startswith("the ") and original[4:5].isupper():
                span = Span(span.start + 4, span.end, span.kind, span.strong)
                original = original[4:]
            if original == "US" and _US_BEFORE.match(text, span.end):
                continue  # "US FDA", "US hospitals"
            if original.endswith(_CHINESE_YOUNG):
                continue  # "我是年轻人"
        if span.kind == "name":
            question = _QUESTION.match(text, span.end)
            if original.startswith("Will ") and question and _SENTENCE_START.search(
                text, 0, span.start
            ):
                span = Span(span.start + 5, span.end, span.kind, span.strong)
                original = original[5:]
            if original == "Will" and question and _SENTENCE_START.search(text, 0, span.start):
                continue  # "Will he need it?", a modal
            if original in _HEALTH_PLANS:
                continue  # "Will Tricare cover"
            if _ETHIOPIC_LAST.fullmatch(original) and (
                original.endswith("።") or text.startswith("።", span.end)
            ):
                continue  # "ልጄ ታሟል።" (my child is ill): Amharic ends a sentence with its verb
            if original.endswith(_CHINESE_YOUNG):
                continue
        kept.append(span)
    return kept
