"""Age bands: an exact age becomes the band it falls in ("7" -> "[age: 5-9]"), so the answer
keeps what matters medically (a child, a teenager, an adult in their 40s) and loses the
detail that narrows a person down. See decisions/0008-deidentification.md."""

from __future__ import annotations

import re

from rareinfo.inquiries.deid.gate import gated

_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_WORDS = {w: n for n, w in enumerate(_UNITS.split())}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_DECADE_WORDS = {
    "teens": 10,
    "twenties": 20,
    "thirties": 30,
    "forties": 40,
    "fifties": 50,
    "sixties": 60,
    "seventies": 70,
    "eighties": 80,
    "nineties": 90,
}
_NUMBER = gated(r"\d+(?:\.\d+)?|[a-z]+(?:[- ][a-z]+)?", re.I)
# "18m" is months; "34M" is a man of 34 (clinical shorthand), so the bare letter is lower case
_UNIT = gated(
    r"(?i)(?:\b|(?<=\d))(?:months?|mos?|mths?|meses|m/o|miesi[ęeą]c[ye]?|aylık|tháng|buwang?"
    r"|Monate?n?|mois|mesi|maanden|luni|hónapos|kuukau\w*|bulan|mesos|hilabete|měsíců"
    r"|μηνών|месяц\w*|місяц\w*)\b|(?-i:\d\s?m\b)|个月|個月|ヶ月|か月|カ月|개월|เดือน|মাস"
    r"|ماهه|ماه|महीने"
)
_YEARS = gated(
    r"(?i)\b(?:years?|yrs?|y|años|anos|ans|Jahre?n?|anni|jaar|lat|(?<!tháng )tuổi)\b|\dy"
)
_SMALL_UNIT = gated(r"(?i)\b(?:weeks?|wks?|days?|semanas|días|dias)\b")
_TWELFTHS = gated(r"^\s*(\d{1,2})/12\s*$")
_YEAR_AND_HALF = gated(r"(?i)^\s*(?:a|one)\s+year\s+and\s+a\s+half\b")
_DECADE = gated(r"(?i)\b([1-9]0)['’]?s\b|\b(" + "|".join(_DECADE_WORDS) + r")\b")


def age_band(original: str) -> str | None:
    """The band of an age as written ("7 years old", "18 months", "late forties", "22F"),
    or None when it cannot be read."""
    decade = _DECADE.search(original)
    if decade:
        value = int(decade.group(1)) if decade.group(1) else _DECADE_WORDS[decade.group(2).lower()]
        return _band(float(value))
    if _SMALL_UNIT.search(original):
        return "under 1 year"
    twelfths = _TWELFTHS.search(original)
    if twelfths:  # "9/12": months, as clinicians write them
        return _band(int(twelfths.group(1)) / 12)
    if _YEAR_AND_HALF.search(original):
        return _band(1.5)
    years = _number(original)
    if years is None:
        return None
    first_unit = _UNIT.search(original)
    if first_unit and not _YEARS.search(original):
        years /= 12  # "18 months", "5 meses"
    return _band(years)


def _number(text: str) -> float | None:
    for m in _NUMBER.finditer(text):
        token = m.group().lower()
        if token[0].isdigit():
            return float(token)
        parts = re.split(r"[- ]", token)
        if parts[0] in _WORDS:
            return float(_WORDS[parts[0]])
        if parts[0] in _TENS:
            extra = _WORDS.get(parts[1], 0) if len(parts) > 1 else 0
            return float(_TENS[parts[0]] + extra)
    return None


def _band(years: float) -> str:
    if years < 1:
        return "under 1 year"
    if years < 20:
        low = int(years) // 5 * 5
        return f"{max(low, 1)}-{low + 4} years"
    if years >= 90:
        return "90 or over"
    return f"{int(years) // 10 * 10}s"
