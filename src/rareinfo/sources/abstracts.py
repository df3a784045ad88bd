"""What an abstract states about its study: how many patients, and which treatment.

Both extractions are deliberately conservative: a wrong number on a disease page is worse
than none. A patient count is taken only where a number directly qualifies a word for
people ("288 patients", "a cohort of 1,024 children", "forty-two patients") in a sentence
that says the study enrolled, included, randomised, treated ... them, or where a single
"n = 45" stands in such a sentence; never from background sections (they describe other
populations), from percentages, ranges, fractions ("3 of 12 patients"), ages, doses or
durations. A treatment is the noun phrase after "treated with", "received", "randomly
assigned to receive" ... when it names a drug (MeSH chemicals of the article, or a drug
name's stem such as -mab, -nib, -cel) or a kind of treatment (chemotherapy, gene therapy,
transplantation ...); failing that, a MeSH-listed drug named in the title.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

Section = tuple[str, str]  # (label, text), label "" for an unstructured abstract

_SKIPPED_SECTIONS = re.compile(
    r"^\s*(background|introduction|context|objectives?|aims?|purpose|rationale|importance|"
    r"hypothes[ie]s|significance|summary of background)\b", re.IGNORECASE)
_CONCLUSION = re.compile(r"^\s*(conclusions?|interpretation|discussion)\b", re.IGNORECASE)



def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_UNITS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_TENS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_WORD_VALUES = {word: value for value, word in enumerate(_UNITS, start=1)} | {
    word: 10 * value for value, word in enumerate(_TENS, start=2)}
_TOKEN = re.compile(r"\d{1,3}(?:,\d{3})+(?![\d,])|\d+(?:\.\d+)?|[^\W\d_][\w'’-]*|\S")
_PEOPLE = _words(
    "patients patient participants participant subjects subject children child infants "
    "infant neonates neonate newborns newborn adults adult adolescents adolescent "
    "individuals individual persons person people women woman men man girls boys cases "
    "probands proband survivors recipients")
# Words that may not stand between a number and the people it counts.
_BREAKERS = _words(
    "years year months month weeks week days day hours hour minutes min mg kg g ml mcg µg "
    "dose doses cycles cycle times of per and or with who in at to than the a an from for "
    "on by vs versus were was had have has hundred thousand million billion dozen percent "
    "group groups arm arms sites site centers centres centers countries hospitals studies "
    "trials articles reports families pairs controls control healthy alive died deaths "
    "more less fewer additional other remaining")
# A number after one of these is a label, not a count ("stage 3 patients", "type 2").
_LABELS = _words(
    "type types grade grades stage stages phase class group arm cohort day week month year "
    "visit level cycle dose aged age ages trisomy chromosome exon codon cd il factor part "
    "step line lines generation item items score wave round version table figure fig "
    "hla nct n")
_YEAR_PREPOSITIONS = _words("in since from during between until before after")
_CUE = re.compile(
    r"\b(total of|cohort of|series of|sample of|consist\w* of|compris\w*|includ\w*|enrol\w*|"
    r"recruit\w*|involv\w*|stud(?:y|ied)|analy[sz]\w*|evaluat\w*|assess\w*|examin\w*|"
    r"identif\w*|review\w*|describ\w*|report\w*|randomi[sz]\w*|assigned|allocated|treated|"
    r"followed|investigat\w*|underwent|receiv\w*|participat\w*|eligible|registered|present\w*)\b",
    re.IGNORECASE)
_N_EQUALS = re.compile(r"(?<![\w.])[nN]\s*=\s*(\d{1,3}(?:,\d{3})+|\d+)(?![\d.,]\d)")
_GLUE_BEFORE = frozenset("-–/=<>≥≤±~:×+.")
_GLUE_AFTER = frozenset("%-–/:×")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\[])")

_TRIGGER = re.compile(
    r"\b(?:treated with|treatment with|therapy with|"
    r"(?:randomi[sz]ed|randomly assigned|assigned|allocated) to (?:receive )?|"
    r"(?:to )?receiv(?:e|ed|ing)|(?:were|was) given|administration of|administered|"
    r"infusions? of|injections? of|dosed with|underw(?:ent|ent an?)|undergo(?:ing)?)\s+",
    re.IGNORECASE)
_PHRASE_STOP = re.compile(
    r"[,;:.()\[\]]|\s(?:or|versus|vs|compared|for|in|at|every|once|twice|daily|weekly|who|"
    r"to|during|until|as|after|before|from|on|was|were|is|are|had|have|by|alone|group|arm|"
    r"followed|with (?:a|an|the)|and (?:were|was|had))\b|\s\d", re.IGNORECASE)
_LEADING = re.compile(
    r"^(?:(?:either|a|an|the|both|oral|orally|intravenous|intravenously|iv|subcutaneous|"
    r"intramuscular|intrathecal|inhaled|topical|continuous|adjuvant|neoadjuvant|high-dose|"
    r"low-dose|standard-dose|standard|single|escalating|open-label|active|first-line|"
    r"second-line|additional|concomitant)\s+|(?:\w+[- ])?(?:doses?|courses?|cycles?) of\s+)",
    re.IGNORECASE)
_DRUG_STEM = re.compile(
    r"(?:mab|nib|cel|parib|ciclib|lisib|zomib|statin|vir|platin|rubicin|mycin|micin|cillin|"
    r"cycline|oxacin|azole|sone|olone|pril|sartan|olol|dipine|glutide|gene|vec|rsen|limus|"
    r"taxel|trexate|uracil|abine|domide|phamide|parin|ercept|atacept|leukin|kinra|"
    r"asparaginase|lucosidase|galsidase|sulfase|ulfatase|ronidase|dornase)$")
_NOT_DRUGS = _words("peptide polypeptide nucleotide oligonucleotide concept")
_TREATMENT_WORDS = re.compile(
    r"\b(chemotherapy|chemoradiotherapy|radiotherapy|radiation|immunotherapy|gene therapy|"
    r"enzyme replacement|transplant\w*|stem cells?|car[- ]?t|surgery|resection|insulin|"
    r"corticosteroids?|glucocorticoids?|steroids?|antibiotics?|immunoglobulins?|ivig|"
    r"plasma exchange|plasmapheresis|dialysis|vaccin\w*|antisense|hydroxyurea|hormones?)\b",
    re.IGNORECASE)
_MAX_TREATMENT_WORDS = 8


def patient_count(title: str, sections: Sequence[Section]) -> int | None:
    """The number of patients the study reports, or None when the abstract is not clear."""
    for sentence, needs_cue in _study_sentences(title, sections):
        if needs_cue and not _CUE.search(sentence):
            continue
        found = _first_count(sentence)
        if found is not None:
            return found
    return None


def _study_sentences(title: str, sections: Sequence[Section]) -> Iterator[tuple[str, bool]]:
    """Title (no cue needed: titles state the cohort), then the sentences of study sections."""
    if title:
        yield title, False
    for label, text in sections:
        if _SKIPPED_SECTIONS.match(label or ""):
            continue
        for sentence in _SENTENCE_END.split(text):
            yield sentence, True


def _first_count(sentence: str) -> int | None:
    tokens = list(_TOKEN.finditer(sentence))
    candidates = [c for c in (_count_at(sentence, tokens, i) for i in range(len(tokens)))
                  if c is not None]
    n_values = {value for m in _N_EQUALS.finditer(sentence)
                if (value := _digits(m.group(1))) is not None}
    if len(n_values) == 1 and any(t.group(0).lower() in _PEOPLE for t in tokens):
        position = _N_EQUALS.search(sentence)
        assert position is not None
        candidates.append((position.start(), n_values.pop()))
    return min(candidates)[1] if candidates else None


def _count_at(sentence: str, tokens: list[re.Match[str]], index: int) -> tuple[int, int] | None:
    """(position, count) when tokens[index] is a number counting people, else None."""
    token = tokens[index]
    value = _number(token.group(0))
    if value is None or value <= 0 or not _isolated(sentence, token):
        return None
    before = [t.group(0).lower() for t in tokens[max(0, index - 3):index]]
    if before and (before[-1] in _LABELS or (before[-1] in _YEAR_PREPOSITIONS
                                             and 1900 <= value <= 2100)):
        return None
    if _is_fraction(before) or before[-2:] in (["groups", "of"], ["arms", "of"]):
        return None
    for offset, ahead in enumerate(tokens[index + 1:index + 6], start=index + 2):
        word = ahead.group(0).lower()
        if word in _PEOPLE:  # "... 20 patients each" counts a group, not the study
            following = tokens[offset].group(0).lower() if offset < len(tokens) else ""
            return None if following in ("each", "per") else (token.start(), value)
        if word in _BREAKERS or not word[0].isalpha() or _number(word) is not None:
            return None
    return None


_MAX_DIGITS = 9  # no study counts a billion patients; int() refuses 4,300 digits and "²"


def _digits(text: str) -> int | None:
    """A decimal number written with digits (and thousands commas); None if not one."""
    plain = text.replace(",", "")
    if not plain.isdecimal() or len(plain) > _MAX_DIGITS:
        return None
    return int(plain)


def _number(text: str) -> int | None:
    lowered = text.lower()
    if lowered.replace(",", "").isdigit():
        return _digits(lowered)
    tens, _, unit = lowered.partition("-")
    if unit:
        if tens in _TENS and unit in _UNITS[:9]:
            return _WORD_VALUES[tens] + _WORD_VALUES[unit]
        return None
    return _WORD_VALUES.get(lowered)


def _isolated(sentence: str, token: re.Match[str]) -> bool:
    """Not glued to a range, ratio, percentage, comparison or identifier ("V600", "<5")."""
    start, end = token.span()
    before = sentence[start - 1] if start > 0 else " "
    after = sentence[end] if end < len(sentence) else " "
    if before.isalnum() or before in _GLUE_BEFORE:
        return False
    return not (after.isalnum() or after in _GLUE_AFTER)


def _is_fraction(before: list[str]) -> bool:
    """"3 of 12 patients", "3 of the 12 patients", "3 out of 12": the 12 is a denominator."""
    words = before[::-1]
    if words[:1] == ["of"] and len(words) > 1:
        return _number(words[1]) is not None or words[1] == "out"
    if words[:2] == ["the", "of"] and len(words) > 2:
        return _number(words[2]) is not None
    return False


def treatment(title: str, sections: Sequence[Section], drugs: Iterable[str] = ()) -> str | None:
    """The treatment the study used, as the abstract names it, or None when unclear.

    ``drugs`` are names the article is indexed with (MeSH chemicals that are substances,
    supplementary drug concepts); they confirm a phrase and name a drug in the title.
    """
    known = _drug_names(drugs)
    for sentence, _ in _study_sentences(title, sections):
        for match in _TRIGGER.finditer(sentence):
            phrase = _phrase(sentence[match.end():])
            if phrase is not None and _names_treatment(phrase, known):
                return _display(phrase)
    return _mentioned_drug(title, known) or _mentioned_drug(
        " ".join(text for label, text in sections if _CONCLUSION.match(label or "")), known)


def _drug_names(drugs: Iterable[str]) -> set[str]:
    names: set[str] = set()
    for drug in drugs:
        lowered = drug.lower().strip()
        if lowered:
            names.add(lowered)
            names.add(lowered.split()[0].rstrip(","))  # "formoterol fumarate" -> formoterol
    return names


def _phrase(text: str) -> str | None:
    stop = _PHRASE_STOP.search(text)
    phrase = (text[:stop.start()] if stop else text).strip()
    while (leading := _LEADING.match(phrase)) is not None and leading.end() > 0:
        phrase = phrase[leading.end():]
    words = phrase.split()
    if not words or len(words) > _MAX_TREATMENT_WORDS:
        return None
    return " ".join(words)


def _parts(phrase: str) -> list[str]:
    return [p for p in re.split(r"[\s/+-]+", phrase.lower()) if p]


def _names_treatment(phrase: str, known: set[str]) -> bool:
    lowered = phrase.lower()
    if any(name in known or (len(name) >= 7 and name not in _NOT_DRUGS
                             and _DRUG_STEM.search(name)) for name in _parts(phrase)):
        return True
    return any(len(name.split()) > 1 and name in lowered for name in known) or bool(
        _TREATMENT_WORDS.search(phrase))


def _display(phrase: str) -> str:
    """Lower-case capitalised words ("Blinatumomab"), keep acronyms and codes ("CAR-T")."""
    def part(word: str) -> str:
        return word.lower() if word[:1].isupper() and word[1:].islower() else word

    return " ".join("".join(part(piece) for piece in re.split(r"([-/])", word))
                    for word in phrase.split())


def _mentioned_drug(text: str, known: set[str]) -> str | None:
    """The first word of ``text`` naming a known drug (whole, or joined: "A-B")."""
    if not known:
        return None
    for match in re.finditer(r"[^\W_][\w/+-]*", text):
        word = match.group(0).strip("-/+")
        if any(part in known for part in _parts(word)):
            return _display(word)
    return None


def summary_sentence(sections: Sequence[Section]) -> str | None:
    """The first sentence of the conclusions if the abstract has them, else of the abstract."""
    conclusions = [text for label, text in sections if _CONCLUSION.match(label or "")]
    texts = conclusions or [text for _, text in sections]
    for text in texts:
        if text.strip():
            return _SENTENCE_END.split(text.strip(), maxsplit=1)[0].strip()
    return None
