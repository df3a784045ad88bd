"""Round 41's shapes. Institutions: more health systems, children's and maternity hospitals (US,
Ireland, Canada, Poland: "CHI St. Vincent", "Essentia", "Bon Secours", "the Janeway", "the
Rotunda", "Matki Polki"; "Spectrum" only after at/to/from), a school district "<Town> Public
Schools", an early-learning centre ("Cherry Tree Early Learning"), a Catholic school by its town
after at ("at Owensboro Catholic in"), a Brazilian university hospital's acronym ("HU-UFJF"), an
Indonesian regional hospital with its title and name ("RSD dr. Soebandi", "RSUD ..."), a Hindi
medical college ("... मेडिकल कॉलेज") and a Greek children's hospital with its long name
("Νοσοκομείο Παίδων ..."). Names: a name given after a correction ("I mean Dexter", "everyone
calls her Mari", "Suki... ugh. Selah"), a lower-case name after a relation ("my girlfriend
ondine", "my roommate otis"), a name after "im" with "my daughter" or "really my name" near ("hi
im Tuesday", "im truth (yes thats really my name"), a Ghanaian "Nana" before a surname ("Dr Nana
Oduro"), a Turkish given name after "Oğlum/Kızım". Ages: a bare age after a name and "is" before
"and has" ("Dexter, is 13 and"), "Ours is 12 months", a bare age after a correction-free "im
<name>" ("truth ... 19 and"), a rider/pupil "(10)", French "de cinq ans", Yoruba "ọdún méje",
Amharic "ሰባት ዓመቱ" (German "Jahre alt": "alt" stays, as most sets label it). Places: a state
after "(yes really), ", a state code after "I mean [town], ", a lower-case state or county
before "one" ("the tasmania one not the cornwall one"), a town signed after a name ("Name,
Knaresborough"), "from: Nenagh" in a field, a town before "... no," ("in Timmins... no"), an
island after "on" ("on Molokaʻi"), Haitian Creole "Nou rete X", an
Arabic country after "،".

``clamp41`` keeps the words round 41 found lost: a disease eponym after "its/called/think" or
before "..." in a subject ("its Dravet", "called Coxsackie", "Subject: Bardet..."), a lower-case
word taken as a name after "baby" ("our baby room"), a lower-case run taken as an institution
that ends in a verb of a payer or carer or an animal ("works with horses", "the insurer
refused", "Which hospital follows her"), "MS" as the disease after "said/says /thought", a river
after "the" ("west of the Mississippi"), a public site's bare domain ("orpha.net"), a holiday
without its day or year ("home for Christmas"), an onset age "had it when I was 40", a Persian
institution's trailing words ("... جراح دارد"), Tagalog "Sa" before an institution."""

from __future__ import annotations

import re
from collections.abc import Iterator

from rareinfo.inquiries.deid.gate import gated
from rareinfo.inquiries.deid.tokens import Span
from rareinfo.inquiries.deid.vocabulary import (
    CAP_LATIN,
    FUNCTION_WORDS,
    STATE_ABBREVIATIONS,
    Lexicon,
    wordset,
)

_S = r"[^\S\n]+"
_W = r"[^\S\n]*"
_NAME_WORD = rf"{CAP_LATIN}[^\W\d_]+(?:[-'’]{CAP_LATIN}?[^\W\d_]+)?"

# ---------------------------------------------------------------------------- institutions

_DISTINCTIVE = (
    rf"chi{_S}st\.?{_S}vincent(?:{_S}(?:infirmary|hospital|medical{_S}cent(?:er|re)))?"
    rf"|chi{_S}health|essentia(?:{_S}health)?|bon{_S}secours(?:{_S}(?:hospital|mercy))?"
    rf"|janeway(?:{_S}children['’]?s(?:{_S}hospital)?)?(?!{_S}lesions?\b)|rotunda{_S}hospital"
    rf"|matki{_S}polki|instytut{_S}centrum{_S}zdrowia{_S}matki{_S}polki|iczmp"
)
_GAZETTEER = gated(rf"(?i)(?<![\w'’-])((?:{_DISTINCTIVE}))(?![\w'’-])")
_CUED = gated(
    r"(?i)\b(?:at|to|from|in|the|with|seen\s+at|sees)\s+((?:the\s+)?(?:spectrum|rotunda|coombe)"
    r"(?:\s+health)?)\b(?!\s+(?:of|disorder|disease|syndrome)\b)"
)
_PUBLIC_SCHOOLS = gated(
    rf"\b((?:{CAP_LATIN}[a-z]+{_S}){{1,2}}(?:Public|City|County|Area|Unified|Independent)"
    rf"{_S}Schools?(?:{_S}District)?)\b"
)
_EARLY_LEARNING = gated(
    rf"\b((?:{CAP_LATIN}[a-z]+{_S}){{1,3}}Early{_S}(?:Learning|Years)"
    rf"(?:{_S}(?:Centre|Center|Academy))?)\b"
)
_CATHOLIC_SCHOOL = gated(
    rf"\b(?:at|to|attends|from){_S}({CAP_LATIN}[a-z]{{3,}}{_S}Catholic)"
    rf"(?={_S}(?:in|High|School)\b|{_W}[,.])"
)
_HU_ACRONYM = gated(r"\b(HU-[A-Z]{2,6})\b")
_INDONESIAN = gated(
    rf"\b((?:RSUD|RSUP|RSD|RSAB|RSIA|RS){_S}(?:dr\.|Dr\.|Prof\.){_W}"
    rf"(?:{CAP_LATIN}[a-z]+)(?:{_S}{CAP_LATIN}[a-z]+)?)\b"
)
_HINDI_COLLEGE = gated(r"((?:[\u0900-\u097F]+\s){1,3}मेडिकल\sकॉलेज)")
_HINDI_GENERIC = wordset("क्या किस कौन इस उस हमारे मेरे पास यहां वहां एक सरकारी किसी बड़े")
_GREEK_CHILDREN = gated(
    r"(Νοσοκομείο\s+Παίδων(?:\s+(?:[Α-ΩΆΈΉΊΌΎΏ][\w]+|και\s+[Α-ΩΆΈΉΊΌΎΏ][\w]+|«[^»]+»)){1,6})"
)

# -------------------------------------------------------------------------------- names

_CORRECTED_NAME = gated(
    rf"(?:\bI\s+mean|\beveryone\s+calls\s+(?:her|him|them)|\bwe\s+call\s+(?:her|him|them)"
    rf"|\bugh\.|\bmy\s+OTHER\s+(?:daughter|son)){_S}({_NAME_WORD})\b"
    rf"(?!,{_S}[A-Z]{{2}}\b)"
)
_LOWER_RELATION = gated(
    r"\bmy\s+(?:girlfriend|boyfriend|roommate|flatmate|housemate|bestie|bf|gf|fiance|fiancee)"
    r"\s+([a-z]{3,})\s+(?:keeps|just|has|is|was|and|got|found)\b"
)
_IM_NAME = gated(
    r"(?i)\b(?:hi|hey|hello)\s+im\s+([A-Za-z][a-z]{2,})\b"
    r"(?=[^.\n]{0,80}(?:\bmy\s+(?:daughter|son|kid|child)|really\s+my\s+name))"
)
_DISEASE_AFTER = gated(r"(?:-[\w-]+)?\s+(?:syndrome|disease|type|deficiency)\b")
_NAME_BEFORE_DOTS = gated(rf"(?:{_NAME_WORD}|\[name\])(?:\.\.\.|…),?{_W}$")
_LOWER_CORRECTED = gated(r"(?:\.\.\.|…)\s*no,?\s+sorry,\s+([a-z]{3,})(?=\s+lol\b|,)")
_KIN_NAME = gated(
    rf"\b[Mm]y\s+(?:other\s+|best\s+|younger\s+|older\s+)?(?:daughter|son|friend|sister|brother)"
    rf"{_W},?{_S}({_NAME_WORD})(?={_W}[.,]|{_S}\(yes\b|{_S}was{_S}diagnosed\b)"
)
_PAIR_SIGNED = gated(rf"[^\S\n]+(?:&|and)[^\S\n]+({_NAME_WORD})[^\S\n]*$", re.M)
_REALLY_NAME = gated(r"[^.\n]{0,20}really\s+my\s+name")
_SCHOOL_NAME = gated(
    rf"\bfor{_S}({_NAME_WORD})['’]s{_S}(?:new{_S})?(?:school|class|teacher|nursery|daycare)\b"
    rf"|(?:^|[.!?]{_S})({_NAME_WORD}){_S}starts{_S}(?:at|school|nursery|daycare)\b",
    re.M,
)
_NANA = gated(rf"\b(?:Dr\.?|I\s+am|I['’]m){_S}(Nana{_S}{_NAME_WORD})")
_TURKISH_KIN = gated(rf"\b(?:Oğlum|Kızım|Torunum){_S}({_NAME_WORD})(?={_S}|,)")
_NOT_NAME = wordset("The A An My Our I Is He She It They Sorry Hi Hello Dr No Yes")

# --------------------------------------------------------------------------------- ages

_FRACTION_AGE = gated(
    r"\b((?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,2})\s+and\s+"
    r"(?:a\s+half|a\s+quarter|three[-\s]quarters))\b"
    r"(?=\s*[,.;)!?]|\s+(?:and|now|but)\b|\s*$)"
)
_IS_AGE = gated(
    rf"(?:,|\bwho){_S}is{_S}(\d{{1,2}})(?={_S}and{_S}(?:has|had|was|is|have)\b)"
)
_OURS_IS = gated(r"\b(?:Ours|Mine|Hers|His)\s+is\s+(\d{1,2}\s+(?:months?|years?|weeks?))\b")
_IM_AGE = gated(r"\bim\s+\w+\s+\([^)]{0,40}\)\s+(\d{1,2})\s+and\b")
_ROLE_BRACKET = gated(r"\b(?:rider|pupil|student|child|camper|player|learner)\s+\((\d{1,2})\)")
_FRENCH_AGE = gated(
    r"(?<!âge\s)(?<!plus\s)(?<!moins\s)(?<!près\s)(?<!bout\s)\bde\s+((?:un|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize"
    r"|quatorze"
    r"|quinze|seize|\d{1,2})\s+ans)\b"
)
_YORUBA_AGE = gated(
    r"\b(ọdún\s+(?:kan|méjì|mẹ́ta|mẹ́rin|márùn-ún|márùn|mẹ́fà|méje|mẹ́jọ|mẹ́sàn-án|mẹ́wàá))"
)
_AMHARIC_AGE = gated(
    r"((?:አንድ|ሁለት|ሶስት|ሦስት|አራት|አምስት|ስድስት|ሰባት|ስምንት|ዘጠኝ|አስር|አሥር)\s+ዓመ(?:ቱ|ቷ|ት|ታቸው))"
)

# ------------------------------------------------------------------------------- places

_STATE_NAMES = (
    "Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia"
    "|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland"
    "|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|Ohio"
    "|Oklahoma|Oregon|Pennsylvania|Tennessee|Texas|Utah|Vermont|Virginia|Washington"
    "|Wisconsin|Wyoming"
)
_STATE_AFTER_ASIDE = gated(rf"\)\s*,\s*({_STATE_NAMES})\b")
_CODE_AFTER_MEAN = gated(r"\bI\s+mean\s+\S+?,\s+([A-Z]{2})\b(?=\s*[.,!?]|$)")
_LOWER_REGION_ONE = gated(
    r"\bthe\s+(tasmania|cornwall|devon|queensland|victoria|ontario|quebec|texas|georgia"
    r"|florida|kent|essex|yorkshire|wales|scotland|ireland|maine|oregon|virginia|cumbria)"
    r"\s+one\b"
)
_SIGNED_TOWN = gated(
    rf"(?m)^(?:\[name\]|{_NAME_WORD}(?:{_S}{_NAME_WORD})?),{_S}({CAP_LATIN}[a-z]{{3,}}"
    rf"(?:{_S}{CAP_LATIN}[a-z]+)?){_W}$"
)
_FROM_FIELD = gated(rf"(?im)^[-*•]?{_W}(?:from|town|city|location|lives\s+in){_W}:{_W}"
                    rf"({CAP_LATIN}[a-z]{{3,}}(?:{_S}{CAP_LATIN}[a-z]+)?){_W}$")
_TOWN_CORRECTED = gated(
    rf"\bin{_S}({CAP_LATIN}[a-z]{{3,}})(?:\.\.\.|…){_W}no\b"
)
_ON_ISLAND = gated(r"\b(?:on|from)\s+(Moloka[ʻ'’]i|L[aā]na[ʻ'’]i|Kaua[ʻ'’]i|O[ʻ'’]ahu|Maui"
                   r"|Ni[ʻ'’]ihau|Kaho[ʻ'’]olawe)\b")
_CREOLE_LIVE = gated(rf"\bNou{_S}(?:rete|abite|viv){_S}(?:nan{_S}|an{_S}|lavil{_S})?"
                     rf"({CAP_LATIN}[\w'’-]+(?:{_S}{CAP_LATIN}[\w'’-]+)?)")
_ARABIC_COUNTRY = gated(
    r"،\s*((?:عُمان|عمان|السعودية|الإمارات|الكويت|قطر|البحرين|اليمن|الأردن|لبنان|سوريا|العراق"
    r"|مصر|ليبيا|تونس|الجزائر|المغرب|السودان))(?![\u0621-\u064A])"
)


def unseen41_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 41's institutions, names, ages and places (the module's docstring)."""
    for pattern in (_GAZETTEER, _CUED, _PUBLIC_SCHOOLS, _EARLY_LEARNING, _CATHOLIC_SCHOOL,
                    _HU_ACRONYM, _INDONESIAN, _GREEK_CHILDREN):
        for m in pattern.finditer(text):
            start = m.start(1)
            if m.group(1).lower().startswith("the "):
                start += 4
            yield Span(start, m.end(1), "institution")  # "Bon Secours", "HU-UFJF"
    for m in _HINDI_COLLEGE.finditer(text):
        words: list[str] = []
        for word in reversed(m.group(1).split()[:-2]):
            if word in _HINDI_GENERIC or "।" in word:
                break
            words.insert(0, word)  # "हैं। क्या एसएन": only the name before the head
        if words:
            start = m.end(1) - len(" ".join([*words, "मेडिकल", "कॉलेज"]))
            yield Span(start, m.end(1), "institution")  # "एसएन मेडिकल कॉलेज"
    for pattern in (_FRACTION_AGE, _IS_AGE, _OURS_IS, _IM_AGE, _ROLE_BRACKET, _FRENCH_AGE,
                    _YORUBA_AGE, _AMHARIC_AGE):
        for m in pattern.finditer(text):
            yield Span(m.start(1), m.end(1), "age")  # "ọdún méje", "ሰባት ዓመቱ"


def surname41_spans(lex: Lexicon, text: str) -> Iterator[Span]:
    """Round 41's names and places by their cue: they read their own cue, past the
    protection of medical and ordinary words ("hi im truth", "the cornwall one")."""
    for m in _CORRECTED_NAME.finditer(text):
        word = m.group(1)
        if "'" in word or "’" in word or text[m.end(1) : m.end(1) + 1] in ("'", "’"):
            continue  # "I mean Susac's?": an eponym
        if m.group(0).startswith("I") and not _NAME_BEFORE_DOTS.search(
            text[max(0, m.start() - 40) : m.start()]
        ):
            continue  # "deficiency... I mean MoCD": a name corrects a name
        if _DISEASE_AFTER.match(text, m.end(1)):
            continue  # "Opitz... I mean Smith-Lemli-Opitz syndrome"
        if m.group(0).startswith("ugh") and not text.startswith(",", m.end(1)):
            continue  # "ugh. Does anyone know": only "ugh. Selah, my youngest"
        if word not in _NOT_NAME and word not in lex.eponyms and (
            word.lower() not in FUNCTION_WORDS
        ):
            yield Span(m.start(1), m.end(1), "name")  # "I mean Dexter", "calls her Mari"
    for m in _LOWER_CORRECTED.finditer(text):
        if m.group(1) not in FUNCTION_WORDS and m.group(1) not in lex.ordinary_medical:
            yield Span(m.start(1), m.end(1), "name")  # "... no sorry, eden lol"
    for m in _KIN_NAME.finditer(text):
        word = m.group(1)
        if word not in _NOT_NAME and word not in lex.eponyms and (
            word.lower() not in lex.medical or word in lex.first_names
        ) and word.lower() not in FUNCTION_WORDS:
            yield Span(m.start(1), m.end(1), "name")  # "my other daughter, Iolanthe."
    for m in _LOWER_RELATION.finditer(text):
        if m.group(1) not in FUNCTION_WORDS:
            yield Span(m.start(1), m.end(1), "name")  # "my roommate otis just"
    for m in _IM_NAME.finditer(text):
        if m.group(1).islower() and not _REALLY_NAME.match(
            text, m.end(1)
        ):
            continue  # "hi im desperate and my son": lower case needs "really my name"
        if m.group(1).lower() not in FUNCTION_WORDS and m.group(1).lower() not in (
            "so", "not", "just", "really", "here", "new", "worried", "scared", "wondering",
            "writing", "looking", "asking", "trying", "from", "the", "a", "an", "sorry",
        ):
            yield Span(m.start(1), m.end(1), "name")  # "hi im Tuesday and my daughter"
    for m in _SCHOOL_NAME.finditer(text):
        group = 1 if m.group(1) else 2
        word = m.group(group)
        if word not in _NOT_NAME and not lex.plain(word) and word.lower() not in lex.medical:
            yield Span(m.start(group), m.end(group), "name")  # "for Rufus's new school"
    for pattern in (_NANA, _TURKISH_KIN):
        for m in pattern.finditer(text):
            if m.group(1) not in _NOT_NAME:
                yield Span(m.start(1), m.end(1), "name")  # "Dr Nana Oduro", "Oğlum Efe"
    for m in _STATE_AFTER_ASIDE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "(yes really), Texas"
    for m in _CODE_AFTER_MEAN.finditer(text):
        if m.group(1) in STATE_ABBREVIATIONS:
            yield Span(m.start(1), m.end(1), "place")  # "I mean Lowell, MA."
    for m in _LOWER_REGION_ONE.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "the tasmania one"
    for pattern in (_SIGNED_TOWN, _FROM_FIELD, _TOWN_CORRECTED, _ON_ISLAND, _CREOLE_LIVE):
        for m in pattern.finditer(text):
            word = m.group(1)
            if word.lower() not in lex.medical and word not in _NOT_NAME and (
                word.lower() not in FUNCTION_WORDS
            ):
                yield Span(m.start(1), m.end(1), "place")  # "from: Nenagh", "on Molokaʻi"
    for m in _ARABIC_COUNTRY.finditer(text):
        yield Span(m.start(1), m.end(1), "place")  # "، عُمان"


# ------------------------------------------------------------------------------ clamp41

_DISEASE_CUE = gated(
    r"(?i)(?:\bits|\bit['’]s|\bit\s+is|\bsomething\s+called|\bmaybe|\bpossibly|\bprobably)"
    r"\s+$"
)
_SUBJECT_CORRECTED = gated(r"(?m)^Subject:\s+$")
_CORRECTION_AFTER = gated(r"(?:\.\.\.|…)\s*(?:sorry|no|I\s+mean)\b")
_ROOM_WORDS = wordset("room rooms class group unit ward wing section")
_INSTITUTION_HEADS = wordset(
    "hospital hospitals clinic clinics school schools daycare nursery preschool centre center"
    " college academy university institute infirmary kindergarten childcare practice surgery"
    " health medicine care program programme services unit ward"
)
_LOWER_KEPT = wordset(
    "refused denied declined approved follows treats sees covers horses cattle sheep goats"
    " dogs cats birds"
)
_MS_SAID = gated(
    r"(?i)\b(?:said|says|say|thought|think|thinks|suspected|suspect|maybe|not|like|than)\s+$"
)
_RIVERS = wordset("Mississippi Missouri Ohio Columbia Hudson Thames Rhine Danube Amazon Nile")
_CAPITAL_NEXT = gated(rf"{_S}{CAP_LATIN}")
_PUBLIC_SITES = gated(
    r"(?i)^(?:www\.)?(?:orpha\.net|orphanet\.net|rarediseases\.org|rarediseases\.info\.nih\.gov"
    r"|omim\.org|medlineplus\.gov|genome\.gov|nhs\.uk|mayoclinic\.org|ncbi\.nlm\.nih\.gov"
    r"|clinicaltrials\.gov|gard\.nih\.gov|wikipedia\.org|en\.wikipedia\.org)/?$"
)
_HOLIDAY_ALONE = gated(
    r"^(?:Christmas|Xmas)$"
)
_HOLIDAY_FOLLOW = gated(r"\s+(?:Eve|Day|\d{2,4}|['’]\d{2})\b")
_ONSET_HAD = gated(
    r"(?i)\b(?:had|got|caught|developed|first\s+had|first\s+got)\s+(?:it|this|that|them|one)"
    r"\s+when\s+I\s+was\s+$"
)
_PERSIAN_TAIL = wordset("جراح پزشک دکتر متخصص دارد دارند است هست هستند را می")
_TAGALOG_HEAD = gated(r"^(?:Sa|Ang|Ng|Nasa)\s+")


def clamp41(lex: Lexicon, text: str, spans: list[Span]) -> list[Span]:
    """``spans`` less the words round 41 keeps (the module's docstring), plus round 41's
    names and places read by their cue."""
    spans = [*spans, *surname41_spans(lex, text)]
    for span in list(spans):
        if span.kind == "name":
            m = _PAIR_SIGNED.match(text, span.end)
            if m and m.group(1) not in _NOT_NAME and m.group(1) not in lex.eponyms:
                spans.append(Span(m.start(1), m.end(1), "name"))  # "Gwilym & Leona-Mae"
    kept: list[Span] = []
    for span in spans:
        piece = text[span.start : span.end]
        before = text[max(0, span.start - 30) : span.start]
        if span.kind == "name" and " " not in piece and piece not in lex.first_names and (
            (_DISEASE_CUE.search(before) and (
                piece in lex.eponyms or piece.lower() in lex.medical
                or (before.endswith("something called ") and not lex.plain(piece))
            ) and piece[:1].isupper() and not _CAPITAL_NEXT.match(text, span.end))
            or (_SUBJECT_CORRECTED.search(before) and _CORRECTION_AFTER.match(text, span.end))
        ):
            continue  # "its Dravet,", "something called Coxsackie", "Subject: Bardet... sorry"
        if span.kind == "name" and piece in _ROOM_WORDS and before.endswith("baby "):
            continue  # "our baby room"
        if span.kind == "institution" and piece.islower() and piece.split()[-1] in _LOWER_KEPT:
            continue  # "works with horses", "the insurer refused", "hospital follows"
        if span.kind == "place" and piece == "MS" and _MS_SAID.search(before):
            continue  # "first they said MS but"
        if span.kind == "place" and piece in _RIVERS and before.endswith("the ") and not (
            _CAPITAL_NEXT.match(text, span.end)
        ):
            continue  # "west of the Mississippi"
        if span.kind == "url" and _PUBLIC_SITES.match(piece):
            continue  # "on orpha.net"
        if span.kind == "date" and _HOLIDAY_ALONE.match(piece) and not _HOLIDAY_FOLLOW.match(
            text, span.end
        ):
            continue  # "fly home for Christmas"
        if span.kind == "age" and _ONSET_HAD.search(before):
            continue  # "I had it when I was 40" (onset: policy)
        if span.kind == "institution" and piece.startswith("بیمارستان"):
            words = piece.split()
            while len(words) > 2 and words[-1] in _PERSIAN_TAIL:
                words.pop()
            span = Span(span.start, span.start + len(" ".join(words)), span.kind)
        if span.kind == "institution":
            m = _TAGALOG_HEAD.match(piece)
            if m and len(piece) > m.end():
                span = Span(span.start + m.end(), span.end, span.kind)
        kept.append(span)
    return kept
