"""Round 23's shapes. Self-corrections: after a span found, a correction marker of one of
several languages ("no", "sorry", "I mean", "actually", "bueno", "digo", "perdón", "non",
"pardon", "nu", "não", "nein", ...) between "...", "—" or commas and a value of the same shape
takes the value with the kind of the span before ("in [Athenry]... no, Oranmore", "at
[Freeman Hospital]... no, it's the RVI", "[Kavya]... sorry, Kaveri,", "tengo [33]... bueno,
34", "[ten]... sorry, eleven");
so does a capitalised word alone closing a sentence after "..." ("in [Awka]... Amaku."). A
medical word corrected stays ("Still... non, une maladie de Kawasaki").

Institutions: a hospital named after a title and a name found ("at Father [Muller]"), an
acronym and "da/de/do" and a name after a Portuguese or Spanish preposition ("no HC da
Unicamp"), hospitals of other languages and scripts by their head word: Haitian Creole
("Lopital Sen Mikèl"), Gujarati ("સર ટી. હોસ્પિટલમાં": the case ending stays), Amharic ("በዓይደር
ሆስፒታል": the prefix stays), Ukrainian and Russian adjectives before "медичний центр", "лікарня",
"клініка" in any case ("Західноукраїнському дитячому медичному центрі"), one or two words before
the word for hospital in Telugu, Kannada, Malayalam, Gurmukhi and Odia ("నిమ్స్ ఆసుపత్రిలో"),
Czech, Slovak and Croatian "nemocnice/bolnica X" ("Fakultní nemocnici Motol"), Nordic "X sykehus
/ universitetssjukhuset" ("Haukeland sykehus"), Indonesian "RSUD" with initials ("RSUD W. Z.
Johannes"). Record numbers: labels of other languages ("No. rekam
medis:", "nº do prontuário", "dossier n°", "Krankenakte", "номер картки", "IPP :", "病历号",
"등록번호", "HN:", "mã bệnh nhân"). Ids: a UK National
Insurance number written with spaces ("QQ 12 34 56 C"), a French social-security number with
spaces. Ages: Romanian "de 71 de ani" after a name. Names: "hey its name...", a Haitian Creole
kin word and its possessive before a name ("pitit fi m Name"). Places: a lower-case town and
US state after "we're in" ("we're in pueblo colorado"), a province's acronym after a town and
a comma ("[Kupang], NTT,"), the short name of a state pycountry names long ("Coahuila de
Zaragoza": "[Saltillo], Coahuila"), a Chinese province after 在.

``kept23`` takes back: a chat speaker's role ("Agent:", "Operator:") read as a name, a title
before a name ("[Dr W. Smith]": the title stays), a Romance article opening an institution ("Le
CHU de Liège": "Le" stays), a town after "de" closing a named hospital ("Hôpital Laquintinie de
Douala": the town is a place, "de" stays), an exposure read as a name ("Agent Orange"), a
Vietnamese hospital's name run over the verb and
words after it ("Bệnh viện ... Khánh Hòa nói cháu bị bệnh Alagille")."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.gazetteer import cities
from rareinfo.inquiries.deid.institutions import NOT_INSTITUTIONS
from rareinfo.inquiries.deid.patterns import RECORD_VALUE
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.unseen16 import NAME_WORD, NUMBER_WORDS
from rareinfo.inquiries.deid.unseen17 import CHINESE_PROVINCES
from rareinfo.inquiries.deid.unseen18 import ROMANCE_COMPOUND
from rareinfo.inquiries.deid.unseen19 import TREATMENTS
from rareinfo.inquiries.deid.vocabulary import CAP_LATIN, Lexicon, common_words, wordset

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"

# ---------------------------------------------------------------------------- corrections

_MARKER = (
    r"(?:no|nope|nah|sorry|ugh{_S}autocorrect|autocorrect|I{_S}mean|I{_S}meant|actually|wait|oops|ugh|my{_S}bad|rather"
    r"|bueno|digo|perdón|perdon|o{_S}sea|mejor{_S}dicho|non|pardon|enfin|plutôt|nu|adică|adica"
    r"|pardon|scuze|não|nao|quer{_S}dizer|ou{_S}melhor|desculpa|desculpe|nein|ich{_S}meine"
    r"|äh|ähm|nee|ik{_S}bedoel|maaf|bukan|eh|scusa|cioè|anzi|không|hapana|nie|przepraszam)"
).replace("{_S}", _S)
# the marker between "..." / "—" / a comma and the value: "... no, sorry, it's the"
_CORRECTION = gated(
    rf"{_W}(?:\.\.\.|…|[—–]|,|;){_W}((?:{_MARKER}(?:{_W}[,!]|{_W}[—–]|\.\.\.|…)?{_S}){{1,3}})"
    rf"(?:(?:it['’]s|it{_S}is|it{_S}was|I['’]m|I{_S}am|es|era|é|c['’]est|ist|e){_S})?"
    rf"(?:(?:the|el|la|le|o|a|in|at|from|en|em|no|na|à|din|în|aus){_S})?"
)
# the marker closed by punctuation ("no,", "sorry —"), or one that says it ("I mean", "digo")
_MARKER_CLOSED = gated(r"(?:[,!—–]|\.\.\.|…)[^\S\n]*$")
_MARKER_SAYS = gated(
    r"(?:mean|meant|sea|dicho|digo|dizer|melhor|meine|bedoel|cioè|adică|adica|autocorrect)"
    r"[^\S\n]*$"
)
_CAP_WORDS = rf"{NAME_WORD}(?:{_S}{NAME_WORD}){{0,2}}"
_CORRECTED_PLACE = gated(rf"({_CAP_WORDS})(?:,{_S}({_CAP_WORDS}))?(?![\w-])")
_CORRECTED_NAME = gated(rf"({NAME_WORD}(?:{_S}{NAME_WORD})?)(?![\w-])")
_CORRECTED_ACRONYM = gated(r"([A-Z]{2,6})(?![\w-])")
_CORRECTED_AGE = gated(
    rf"(\d{{1,3}}(?![\w.,]\d|[%/-])|(?:{NUMBER_WORDS}|{ROMANCE_COMPOUND})(?![\w-]))"
)
# a capitalised word alone closing a sentence after "...": "in [Awka]... Amaku."
_DOTS_WORD = gated(rf"{_W}(?:\.\.\.|…){_W}({NAME_WORD})(?=[^\S\n]*[.!?](?:\s|$))")

# ---------------------------------------------------------------------------- institutions

# a hospital named after a title and a name found: "at Father [Muller]", "at Sir [Ganga Ram]"
_TITLE_BEFORE = gated(
    rf"\b(?:at|to|from|in){_S}((?:Father|Fr\.?|Sister|Mother|Sir|Lady|King|Queen|Prince"
    rf"|Princess|Bishop|Cardinal|Pope|Mahatma|Sant|Swami)){_S}$"
)
# an acronym and a name after a Portuguese or Spanish preposition: "no HC da Unicamp"
_ACRONYM_OF = gated(
    rf"\b(?:no|na|do|da|ao|pelo|pela|en{_S}el|del|al|em){_S}"
    rf"([A-Z][A-Za-z]{{1,5}}{_S}(?:da|de|do|del|dos|das){_S}(?:[A-Z]{{2,8}}|{CAP_LATIN}[a-zà-ÿ]+))"
    r"(?![\w-])"
)
_NOT_ACRONYM_OF = wordset("SUS INSS CPF RG CID DNA RNA Dr Dra Sr Sra São Santa Santo San")
# Haitian Creole: "Lopital Sen Mikèl", "Klinik Sen Jozèf"
_CREOLE_HOSPITAL = gated(
    rf"\b((?:Lopital|Lopitál|Klinik|Sant{_S}sante){_S}(?:(?:Sen|Sent|St\.?){_S})?"
    rf"{CAP_LATIN}[^\W\d_]+(?:{_S}{CAP_LATIN}[^\W\d_]+)?)"
)
# Gujarati: one to three words (initials with a dot) before હોસ્પિટલ; the case ending stays
_GUJARATI_CASE = ("માં", "ની", "નો", "ના", "થી", "ને", "નું", "એ")
_GUJARATI_HOSPITAL = gated(
    r"((?:[\u0A80-\u0AFF]+\.?[^\S\n]+){1,3}(?:હોસ્પિટલ|હૉસ્પિટલ|દવાખાનું|દવાખાના|ઇસ્પિતાલ))"
)
_GUJARATI_GENERIC = wordset("સરકારી ખાનગી મોટી મોટા નાની એક આ તે અમારી અમારા નજીકની નજીકના બાળકોની")
# Amharic: a word before ሆስፒታል; a prefix (በ "at", ከ "from", ወደ "to") stays
_AMHARIC_HOSPITAL = gated(
    r"(?<![\u1200-\u137F])(?:በ|ከ|ወደ|ለ)?([\u1200-\u137F]{2,}[^\S\n]+(?:ሆስፒታል|ክሊኒክ))"
)
_AMHARIC_GENERIC = wordset("የመንግስት የግል ትልቅ ሪፈራል አንድ ያለው ጠቅላላ ስፔሻላይዝድ")
# Ukrainian and Russian: a capitalised adjective, more adjectives and a hospital's head in any
# case: "Західноукраїнському дитячому медичному центрі", "Охматдит", "Морозовской больнице"
_ADJ = r"[а-яіїєґё'’-]+(?:ому|ому|ій|ий|ого|ої|ою|их|им|ими|ая|ое|ый|ой|ом|ім|ую|а|е|і|у|і)"
_CYRILLIC_HOSPITAL = gated(
    rf"(?<![\w])([А-ЯІЇЄҐЁ]{_ADJ}(?:{_S}{_ADJ}){{0,3}}{_S}"
    r"(?:центр\w*|лікарн\w*|больниц\w*|клінік\w*|клиник\w*|шпитал\w*|госпітал\w*|госпитал\w*"
    r"|диспансер\w*|інститут\w*|институт\w*))"
)
_CYRILLIC_GENERIC = wordset(
    "Обласна Обласній Обласної Обласну Областная Областной Областную Міська Міській Міської"
    " Городская Городской Районна Районній Районная Районной Дитяча Дитячій Детская Детской"
    " Центральна Центральній Центральная Центральной Наша Нашій Нашої Наша Наш Нашому Наша Ця"
    " Цій Ця Ця Та Тій Ту Эта Этой Нашем Нашей Місцева Місцевій Местная Местной Приватна"
    " Приватній Частная Частной Великій Большой Інша Іншій Другой Другая"
)
# Indian scripts without a rule of their own: one or two words of the script before the word
# for hospital (Telugu, Kannada, Malayalam, Gurmukhi, Odia); a word with a case ending or a
# postposition, and "government/private", end the name
_INDIC_HOSPITAL = gated(
    r"((?:[\u0C00-\u0D7F\u0A00-\u0A7F\u0B00-\u0B7F]+\.?[^\S\n]+){1,2}"
    r"(?:ఆసుపత్రి|ఆస్పత్రి|హాస్పిటల్|ಆಸ್ಪತ್ರೆ|ಹಾಸ್ಪಿಟಲ್|ആശുപത്രി|ഹോസ്പിറ്റൽ|ਹਸਪਤਾਲ|ହସ୍ପିଟାଲ|ଡାକ୍ତରଖାନା))"
)
_INDIC_ENDINGS = (
    "లో", "కు", "ని", "ను", "లోని", "ನಲ್ಲಿ", "ದಲ್ಲಿ", "ಗೆ", "ಅನ್ನು", "ಯಲ್ಲಿ", "ിൽ", "യിൽ", "ത്തിൽ",
    "ക്ക്", "ਵਿੱਚ", "ਦੇ", "ਦੀ", "ਦਾ", "ରେ", "ର", "ଙ୍କ",
)
_INDIC_GENERIC = wordset(
    "ప్రభుత్వ ప్రైవేట్ పెద్ద ఒక ಸರ್ಕಾರಿ ಖಾಸಗಿ ದೊಡ್ಡ ಒಂದು സർക്കാർ സ്വകാര്യ ഒരു വലിയ ਸਰਕਾਰੀ ਪ੍ਰਾਈਵੇਟ ਇੱਕ ਵੱਡੇ"
    " ସରକାରୀ ଘରୋଇ ଏକ ମେଡିକାଲ ਮੈਡੀਕਲ మెడికల్ ಮೆಡಿಕಲ್ മെഡിക്കൽ ਇਲਾਜ చికిత్స ಚಿಕಿತ್ಸೆ ചികിത്സ ଚିକିତ୍ସା"
)
# Central European and Nordic hospitals: "Nemocnice Na Homolce", "Fakultní nemocnici Motol",
# "bolnica Dubrava", "Karolinska universitetssjukhuset", "Haukeland sykehus"
_CENTRAL_HOSPITAL = gated(
    rf"\b((?:[Ff]akultní{_S}|[Ff]akultnej{_S}|[Kk]linička{_S}|[Oo]pća{_S}|[Ss]pecijalna{_S})?"
    rf"(?:[Nn]emocnic[eiy]|[Nn]emocnic[aiu]|[Bb]olnic[aiue]|[Bb]olnišnic[aie]|[Kk]linik[aiy])"
    rf"(?:{_S}(?:v|ve|na|u|Na|Sv\.|sv\.)){{0,1}}{_S}{CAP_LATIN}[a-zà-ž]+(?:{_S}{CAP_LATIN}[a-zà-ž]+)?)"
    rf"|\b({CAP_LATIN}[a-zåäöæø]+{_S}(?:universitets)?(?:sjukhus|sjukhuset|sykehus|sykehuset"
    r"|sygehus|sygehuset|hospitalet|universitetssjukhus|universitetssjukhuset"
    r"|universitetssykehus|universitetshospital))\b"
)
_NORDIC_GENERIC = wordset(
    "Det Ett Ett Mitt Vårt Ditt Ett Stora Lilla Det Nya Gamla Närmaste Lokala Regionala Ett"
)
# Indonesian: a regional hospital with initials: "RSUD W. Z. Johannes", "RSUP Dr. Sardjito"
_RSUD_INITIALS = gated(
    rf"\b((?:RSUD|RSUP|RSU|RS|RSAB|RSIA|RSPAD)(?:{_S}(?:dr\.|Dr\.|Prof\.){_W})?"
    rf"{_S}(?:[A-Z]\.{_W}){{1,4}}{CAP_LATIN}[a-z]+(?:{_S}{CAP_LATIN}[a-z]+)?)"
)

# ---------------------------------------------------------------------------- records, ids

# a record's label in another language: "No. rekam medis:", "nº do prontuário", "dossier n°"
_RECORD_LABELS = gated(
    r"(?i)\b(?:(?:no\.?|nomor|nmr)[^\S\n]*)?rekam[^\S\n]+medi[sk]"
    r"|\bn[º°o]\.?[^\S\n]*(?:do|de)?[^\S\n]*(?:prontu[aá]rio|processo|dossier|dossiê|expediente)"
    r"|\b(?:num[ée]ro[^\S\n]+de[^\S\n]+)?dossier(?:[^\S\n]+(?:m[ée]dical|patient))?"
    r"[^\S\n]*(?:n[º°o]\.?)?"
    r"|\b(?:Krankenakte|Aktennummer|Fallnummer|Patienten-?(?:nummer|ID))(?:[^\S\n]*(?:Nr\.?|nummer))?"
    r"|номер[^\S\n]+(?:медичної[^\S\n]+)?(?:картки|карти|карты|истории(?:[^\S\n]+болезни)?)"
    r"|(?:медична[^\S\n]+)?картка[^\S\n]*№|карта[^\S\n]*№|історія[^\S\n]+хвороби[^\S\n]*№"
    r"|\b(?:numero[^\S\n]+(?:di[^\S\n]+)?)?cartella(?:[^\S\n]+clinica)?(?:[^\S\n]+n\.?)?"
    r"|\bpatiëntnummer|\bdossiernummer|\bjournalnummer"
    # French "IPP :" (with its colon: an IPP is also a proton-pump inhibitor), Polish, Turkish,
    # Arabic, Persian, Vietnamese, Thai "HN:", Chinese, Japanese and Korean labels
    r"|\bIPP(?=[^\S\n]*[:：])|\bnr\.?[^\S\n]+historii[^\S\n]+choroby|\bnumer[^\S\n]+(?:karty|historii)"
    r"|\b(?:protokol|hasta|dosya)[^\S\n]+(?:no|numarası)\b\.?"
    r"|رقم[^\S\n]+(?:الملف(?:[^\S\n]+الطبي)?|المريض)|شماره[^\S\n]+(?:پرونده|بیمار)"
    r"|\b(?:mã[^\S\n]+(?:số[^\S\n]+)?bệnh[^\S\n]+nhân|số[^\S\n]+hồ[^\S\n]+sơ)"
    r"|\bHN(?=[^\S\n]*[:：])"
    r"|病历号|病歷號|住院号|住院號|病案号|門診號|门诊号|診察券番号|患者ID|患者番号|등록번호|환자번호|병록번호"
)
_RECORD_AFTER = gated(r"[^\S\n]*(?:[:#№：]|是|为|為|は|는|은|là)?[^\S\n]*")
# a UK National Insurance number with spaces: "QQ 12 34 56 C"; a French social-security number
_NI_NUMBER = gated(
    r"(?<![\w])([A-Z]{2}[^\S\n]?\d{2}[^\S\n]?\d{2}[^\S\n]?\d{2}[^\S\n]?[A-D])(?![\w])"
)
_NIR = gated(
    r"(?<![\w])([12][^\S\n]\d{2}[^\S\n]\d{2}[^\S\n](?:\d{2}|2A|2B)[^\S\n]\d{3}[^\S\n]\d{3}"
    r"(?:[^\S\n]\d{2})?)(?![\w])"
)

# ---------------------------------------------------------------------------- ages, names

# Romanian: "Name, de 71 de ani" (after a name found)
_ROMANIAN_AGE = gated(rf"{_W}[,(]{_W}de{_S}(\d{{1,3}}{_S}(?:de{_S})?ani)\b")
_ROMANIAN_AGED = gated(rf"\bîn{_S}vârstă{_S}de{_S}(\d{{1,3}}{_S}(?:de{_S})?ani)\b")
# "hey its yaretzi...", "hi this is Ana,"
_ITS_NAME = gated(
    rf"(?i:\b(?:hey|hi|hello|hiya|heya|hola|oi)[,!]?{_S}(?:it['’]?s|it{_S}is|this{_S}is|soy|sou))"
    rf"{_S}([A-Za-zÀ-ÿ][a-zà-ÿ]{{2,14}})(?=\.\.\.|…|[^\S\n]*[,!.]|{_S}(?:here|from|and)\b)"
)
# Haitian Creole kin words and a possessive before a name: "pitit fi m Woodley"
_CREOLE_KIN = gated(
    rf"\b(?:[Pp]itit(?:{_S}(?:fi|gason))?|[Mm]anman|[Pp]apa|[Mm]ari|[Mm]adanm|[Ff]rè|[Ss]è"
    rf"|[Bb]ebe|[Tt]i{_S}gason|[Tt]i{_S}fi){_S}(?:m|mwen|nou|li){_S}({CAP_LATIN}[^\W\d_]+)"
)

# ---------------------------------------------------------------------------- places

# "we're in pueblo colorado": a lower-case town and a US state
_LOWER_TOWN_STATE = gated(
    rf"\b(?:we['’]?re|we{_S}are|we{_S}r|i['’]?m|i{_S}am|live|living|lives|based|located)"
    rf"{_S}(?:in|near|outside){_S}([a-z]{{3,15}}(?:{_S}[a-z]{{3,15}})?){_S}([a-z]{{4,14}}"
    rf"(?:{_S}[a-z]{{4,8}})?)\b"
)
US_STATE_NAMES = wordset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia"
    " hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts"
    " michigan minnesota mississippi missouri montana nebraska nevada ohio oklahoma oregon"
    " pennsylvania tennessee texas utah vermont virginia washington wisconsin wyoming"
)
_US_TWO_WORDS = wordset("hampshire jersey mexico york carolina dakota virginia island")
_NOT_LOWER_TOWN = wordset(
    "the a an rural northern southern eastern western central upstate downstate small little"
    " big north south east west new rural town city county state"
)
# a province's acronym after a town and a comma: "[Kupang], NTT,"
_PLACE_ACRONYM = gated(rf",{_S}([A-Z]{{2,4}})(?=[^\S\n]*[,.;!?)]|\n|$)")
_CREDENTIALS = wordset(
    "MD DO MS MSc MA BA BS BSc RN NP PA CGC LCGC PhD MPH MBBS FRCP FRACP FACMG DNP APRN CNS"
    " OT PT SLP RD LPN CNA DDS PharmD MBA MRCP MRCPCH FRCPC CCC LGC MPhil DPhil BN BSN MSN"
)
# a state's short name after a town and a comma: "[Saltillo], Coahuila"
_PLACE_NAME_AFTER = gated(rf",{_S}({CAP_LATIN}[^\W\d_]+)(?![\w-])")
_CHINESE_PROVINCE_AT = gated(rf"(?:在|到|去|回)((?:{CHINESE_PROVINCES})(?:省|市)?)")

# ---------------------------------------------------------------------------- kept

_SPEAKER_ROLES = wordset(
    "Agent Operator Advisor Adviser Support Staff Bot Assistant Moderator Admin Helpdesk"
    " Representative Rep Counsellor Counselor Host System Chatbot"
)
_COLOUR_AFTER = gated(r"[^\S\n]+(?:Orange|Blue|White|Purple|Pink|Green)\b")
_TITLE_START = gated(r"(?:Dr|Dr\.|Prof|Prof\.|Mr|Mrs|Ms|Mx)[^\S\n]+(?=[A-Z])")
_ARTICLE_START = gated(r"(?:Le|La|Les|El|Il|Lo|Los|Las|L['’])[^\S\n]*(?=[A-ZÀ-Ý])")
_HOSPITAL_HEADS = wordset(
    "Hôpital Hopital Hospital Clinique Clínica Clinica Centre Centro Ospedale Policlinico"
    " Institut Instituto Istituto"
)
# a hospital's generic word: "Hospital Infantil de Morelia" is one name
_GENERIC_HOSPITAL_WORDS = wordset(
    "Infantil Geral General Général Generale Universitario Universitário Universitaire"
    " Universitario Regional Régional Central Provincial Municipal Nacional National Materno"
    " Pediátrico Pédiatrique Pediatrico Civil Militar Militaire Départemental Metropolitano"
    " Santa Santo San Saint Sainte Nossa Senhora Notre Dame Israelita Evangélico Español"
    " Italiano Alemán Alemão Británico Francés Americano Infantile Pediatrico Maternidad"
)
_VIET_STOPS = wordset(
    "nói bảo cho bị khám chẩn đoán xác kết luận phát hiện cháu con bé em tôi bệnh là thì"
    " nên đã đang sẽ và có không được với để khi nhưng ở tại"
)


@lru_cache(maxsize=1)
def _short_states() -> frozenset[str]:
    """Short names of subdivisions pycountry names long: "Coahuila de Zaragoza",
    "Michoacán de Ocampo", "Veracruz de Ignacio de la Llave"."""
    import pycountry

    found = set()
    for sub in pycountry.subdivisions:
        name = sub.name.split(" (")[0]
        m = re.match(r"([A-ZÀ-Ý][a-zà-ÿ]{4,}) (?:de|del) [A-ZÀ-Ý]", name)
        if m:
            found.add(m.group(1))
    return frozenset(found) - _GENERIC_STATE_WORDS


_GENERIC_STATE_WORDS = wordset(
    "Ciudad Región Provincia Distrito Departamento Estado Municipio Comunidad Isla Islas Ilhas"
    " Madre Norte Valle Ville Tierra Treinta Territoire Santiago Santo Santa Principado"
    " Regiao Região Municipalidad"
)


def _acronym_ok(lex: Lexicon, word: str) -> bool:
    return (
        word.lower() not in lex.medical
        and word not in NOT_INSTITUTIONS
        and word not in TREATMENTS
    )


def unseen23_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 23's institutions, records, ids, ages, names and places (the module's docstring)."""
    yield from _institutions(lex, text)
    for m in _RECORD_LABELS.finditer(text):
        after = _RECORD_AFTER.match(text, m.end())
        assert after is not None
        value = RECORD_VALUE.match(text, after.end())
        if value and sum(c.isdigit() for c in value.group()) >= 3:
            yield Span(value.start(), value.end(), "record_number")
    for pattern in (_NI_NUMBER, _NIR):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "id")
    for m in _ROMANIAN_AGED.finditer(text):
        yield Span(m.start(1), m.end(1), "age")
    for m in _ITS_NAME.finditer(text):
        word = m.group(1)
        if not lex.plain(word) and word.lower() not in common_words():
            yield Span(m.start(1), m.end(1), "name")
    for m in _CREOLE_KIN.finditer(text):
        if not lex.plain(m.group(1)):
            yield Span(m.start(1), m.end(1), "name")
    for m in _LOWER_TOWN_STATE.finditer(text):
        town, state = m.group(1), m.group(2)
        words = state.split()
        if words[0] not in US_STATE_NAMES and not (len(words) == 2 and words[1] in _US_TWO_WORDS):
            continue
        if len(words) == 2 and words[0] in US_STATE_NAMES:
            state_end = m.start(2) + len(words[0])
        else:
            state_end = m.end(2)
        yield Span(m.start(2), state_end, "place")
        if town.split()[0] not in _NOT_LOWER_TOWN:
            yield Span(m.start(1), m.end(1), "place")
    for m in _CHINESE_PROVINCE_AT.finditer(text):
        yield Span(m.start(1), m.end(1), "place")


def _institutions(lex: Lexicon, text: str) -> Iterator[Span]:
    for m in _ACRONYM_OF.finditer(text):
        head = m.group(1).split()[0]
        name = m.group(1).split()[-1]
        if (
            head not in _NOT_ACRONYM_OF
            and head not in NOT_INSTITUTIONS  # "HC" is also a medical abbreviation
            and (head.isupper() or sum(c.isupper() for c in head) >= 2)
            and not lex.plain(name)
            # a town after "de" is labelled either way: "APAE de Campina Grande" stays apart
            and name not in cities()
            and not re.match(rf"{_S}{CAP_LATIN}", text[m.end(1) :])
        ):
            yield Span(m.start(1), m.end(1), "institution")
    for m in _CREOLE_HOSPITAL.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")
    for m in _GUJARATI_HOSPITAL.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        start = None
        for word in reversed(words[:-1]):
            w = word.group().rstrip(".")
            if w in _GUJARATI_GENERIC or w.endswith(_GUJARATI_CASE) or "[" in w:
                break
            start = word.start()
        if start is not None:
            yield Span(m.start(1) + start, m.end(1), "institution")
    for m in _AMHARIC_HOSPITAL.finditer(text):
        if m.group(1).split()[0] not in _AMHARIC_GENERIC:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _CYRILLIC_HOSPITAL.finditer(text):
        if m.group(1).split()[0] not in _CYRILLIC_GENERIC:
            yield Span(m.start(1), m.end(1), "institution")
    for m in _INDIC_HOSPITAL.finditer(text):
        words = list(re.finditer(r"\S+", m.group(1)))
        start = None
        for word in reversed(words[:-1]):
            w = word.group().rstrip(".")
            if w in _INDIC_GENERIC or w.endswith(_INDIC_ENDINGS):
                break
            start = word.start()
        if start is not None:
            yield Span(m.start(1) + start, m.end(1), "institution")
    for m in _CENTRAL_HOSPITAL.finditer(text):
        group = 1 if m.group(1) else 2
        first = m.group(group).split()[0]
        if group == 1 or (first not in _NORDIC_GENERIC and not lex.plain(first)):
            yield Span(m.start(group), m.end(group), "institution")
    for m in _RSUD_INITIALS.finditer(text):
        yield Span(m.start(1), m.end(1), "institution")


def after23_spans(lex: Lexicon, text: str, spans: list[Span]) -> Iterator[Span]:
    """What round 23 finds next to the spans found (the module's docstring)."""
    for span in spans:
        if span.kind in ("name", "place", "institution", "age"):
            yield from _corrected(lex, text, span)
        if span.kind == "name":
            m = _TITLE_BEFORE.search(text, max(0, span.start - 30), span.start)
            if m:
                yield Span(m.start(1), span.end, "institution")
            m = _ROMANIAN_AGE.match(text, span.end)
            if m:
                yield Span(m.start(1), m.end(1), "age")
        if span.kind == "place":
            m = _PLACE_ACRONYM.match(text, span.end)
            if (
                m
                and not text[span.start : span.end].isupper()  # "Name, MS, CGC": credentials
                and _acronym_ok(lex, m.group(1))
                and m.group(1) not in _NOT_ACRONYM_OF
                and m.group(1) not in _CREDENTIALS
            ):
                yield Span(m.start(1), m.end(1), "place")
            m = _PLACE_NAME_AFTER.match(text, span.end)
            if m and m.group(1) in _short_states():
                yield Span(m.start(1), m.end(1), "place")


def _corrected(lex: Lexicon, text: str, span: Span) -> Iterator[Span]:
    """The value after a correction marker, of the kind of the span before it."""
    m = _CORRECTION.match(text, span.end)
    if m and not (_MARKER_CLOSED.search(m.group(1)) or _MARKER_SAYS.search(m.group(1))):
        m = None  # "[town], no NHS dentist": "no" as a determiner, no correction
    if m:
        at = m.end()
        if span.kind == "age":
            value = _CORRECTED_AGE.match(text, at)
            if value:
                yield Span(value.start(1), value.end(1), "age")
            return
        if span.kind == "institution":
            acronym = _CORRECTED_ACRONYM.match(text, at)
            if acronym and _acronym_ok(lex, acronym.group(1)):
                yield Span(acronym.start(1), acronym.end(1), "institution")
                return
        pattern = _CORRECTED_NAME if span.kind == "name" else _CORRECTED_PLACE
        value = pattern.match(text, at)
        if value:
            for group in range(1, (value.lastindex or 1) + 1):
                words = value.group(group)
                if words and not all(lex.plain(w) for w in words.split()):
                    yield Span(value.start(group), value.end(group), span.kind)
        return
    if span.kind in ("name", "place"):
        dots = _DOTS_WORD.match(text, span.end)
        if dots and not lex.plain(dots.group(1)):
            yield Span(dots.start(1), dots.end(1), span.kind)


def kept23(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less what round 23 takes back (the module's docstring)."""
    kept: list[Span] = []
    for span in spans:
        original = text[span.start : span.end]
        if span.kind == "name" and original in _SPEAKER_ROLES:
            line = text.rfind("\n", 0, span.start) + 1
            if not text[line : span.start].strip() and text[span.end : span.end + 1] == ":":
                continue  # "Agent: Of course": a chat speaker's role
            if _COLOUR_AFTER.match(text, span.end):
                continue  # "Agent Orange": an exposure
        if span.kind in ("name", "place"):
            m = _TITLE_START.match(original)
            if m and m.end() < len(original):
                span = Span(span.start + m.end(), span.end, span.kind, span.strong)
        elif span.kind == "institution":
            m = _ARTICLE_START.match(original)
            head = original[m.end() :].split() if m else []
            if m and head and (head[0] in _HOSPITAL_HEADS or head[0].isupper()):
                span = Span(span.start + m.end(), span.end, span.kind, span.strong)
                original = text[span.start : span.end]
            town = re.search(r"[^\S\n]+de[^\S\n]+([^\W\d_][^\s,.;]*)$", original)
            if (
                town
                and original.split()[0] in _HOSPITAL_HEADS
                and len(original[: town.start()].split()) >= 2
                and all(
                    w[:1].isupper() and w not in _GENERIC_HOSPITAL_WORDS
                    for w in original[: town.start()].split()[1:]
                )
                and town.group(1) in cities()
            ):
                kept.append(Span(span.start, span.start + town.start(), span.kind, span.strong))
                span = Span(span.start + town.start(1), span.end, "place", span.strong)
            elif original.startswith(("Bệnh viện", "bệnh viện")):
                syllables = list(re.finditer(r"\S+", original))
                for word in syllables[2:]:
                    if word.group() in _VIET_STOPS:
                        end = span.start + word.start()
                        while text[end - 1].isspace():
                            end -= 1
                        span = Span(span.start, end, span.kind, span.strong)
                        break
        kept.append(span)
    return kept
