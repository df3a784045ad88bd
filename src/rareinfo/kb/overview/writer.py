"""Write a page's overview in everyday words from the page's own facts, and nothing else.

Every sentence carries the facts it is written from; a topic without a fact gets no
sentence, and a page whose sentences rest on fewer than ``MIN_FACTS`` facts gets no
overview at all (what a fact is: ``facts.py``; rules and reasons:
decisions/0022-plain-overview.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from rareinfo.kb.models import Disease, SymptomRow
from rareinfo.kb.overview.care import gene_sentences, treatment_sentences, trial_sentences
from rareinfo.kb.overview.facts import overview_facts
from rareinfo.kb.overview.models import BodySystem, Overview, OverviewFact, OverviewSentence
from rareinfo.kb.overview.phrases import cap, join_words, lower_first
from rareinfo.kb.overview.prevalence import prevalence_sentences
from rareinfo.kb.overview.symptoms import symptom_sentences
from rareinfo.kb.overview.words import (
    ANY_AGE,
    NOT_A_MODE,
    body_system_words,
    course_words,
    inheritance_words,
    mode_key,
    onset_words,
)

MIN_FACTS = 3
BODY_SYSTEMS = 3  # areas named in the sentence (the chart shows them all)
BODY_MIN_SIGNS = 5  # "mostly" needs more than a handful of signs
# how a parent is linked: Orphanet's classification, Mondo's subclass, or a broader
# Orphanet match ("BTNT": the other is broader); a narrower match is no parent
PARENT_LINKS = ("classification parent", "rdfs:subClassOf", "BTNT")


def write_overview(disease: Disease, systems: Mapping[str, tuple[str, ...]],
                   system_names: Mapping[str, str],
                   lower_words: frozenset[str] = frozenset()) -> Overview | None:
    """The overview of a page; None when fewer than ``MIN_FACTS`` facts support it.

    ``systems`` maps each symptom id to the HPO organ-system branches it lies under;
    ``system_names`` gives HPO's name of each branch; ``lower_words`` the words disease
    names write in lower case (a parent's name is lowered only if its first word is one).
    """
    release = {r.source: r.version for r in disease.releases}
    sentences: list[OverviewSentence] = []
    sentences += symptom_sentences(disease.symptoms, disease.name, release)
    body = _body_systems(disease.symptoms, systems, system_names)
    if body_sentence := _body_sentence(body, len(disease.symptoms), release):
        sentences.append(body_sentence)
    sentences += _onset_sentences(disease, release)
    sentences += _course_sentences(disease, release)
    scale, prevalence = prevalence_sentences(disease.prevalence, release)
    sentences += prevalence
    sentences += _inheritance_sentences(disease, release)
    sentences += gene_sentences(disease, release)
    sentences += treatment_sentences(disease)
    sentences += trial_sentences(disease)
    facts = overview_facts(tuple(f for s in sentences for f in s.facts))
    if len(facts) < MIN_FACTS:
        return None
    # where it sits among other conditions opens the overview, but is never a reason for one
    return Overview(tuple(_parent_sentences(disease, release, lower_words) + sentences),
                    tuple(body), scale, len(facts))


# -- what it is a form of -------------------------------------------------------------

def _in_sentence(name: str, lower_words: frozenset[str]) -> str:
    first = name.split(" ", 1)[0].lower()
    return lower_first(name) if first in lower_words else name


_SINGULAR_S = ("is", "us", "ss", "diabetes", "herpes", "rickets", "measles", "mumps")


_AFTER_HEAD = re.compile(r" (?:due to|caused by|of|with|without|in|to|from|by) ")


def _plural(name: str) -> bool:
    """"... myasthenic syndromes", "... related disorders": "one of the", not "a type of".

    The head noun is the last word before a preposition: "Genetic susceptibility to
    infections due to particular pathogens" is one susceptibility.
    """
    head = _AFTER_HEAD.split(name.lower(), maxsplit=1)[0]
    last = head.rsplit(" ", 1)[-1]
    return last.endswith("s") and not last.endswith(_SINGULAR_S)


def _shared_words(name: str, other: str) -> int:
    return len(set(name.lower().split()) & set(other.lower().split()))


def _parent_sentences(disease: Disease, release: Mapping[str, str],
                      lower_words: frozenset[str]) -> list[OverviewSentence]:
    parents = list({p.id: p for p in disease.parents if p.detail in PARENT_LINKS}.values())
    if not parents:
        return []
    # the parent that shares most of the page's name is the one a reader recognises
    # ("Griscelli syndrome" for "Griscelli syndrome type 1"); the others are counted
    parents.sort(key=lambda p: -_shared_words(p.name, disease.name))
    name = _in_sentence(parents[0].name, lower_words)
    text = f"It is one of the {name}" if _plural(name) else f"It is a type of {name}"
    more = len(parents) - 1
    text += (f", and belongs to {more} other {'group' if more == 1 else 'groups'} too."
             if more else ".")
    facts = tuple(OverviewFact("parent", p.name, p.id, p.detail, p.source,
                               release.get(p.source)) for p in parents)
    return [OverviewSentence("parent", text, facts)]


# -- body systems ---------------------------------------------------------------------

def _body_systems(rows: Sequence[SymptomRow], systems: Mapping[str, tuple[str, ...]],
                  system_names: Mapping[str, str]) -> list[BodySystem]:
    counts: Counter[str] = Counter()
    for row in rows:
        counts.update(set(systems.get(row.id, ())))
    plain = body_system_words()
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [BodySystem(sid, plain.get(sid, _hpo_plain(system_names.get(sid, sid))),
                       system_names.get(sid, sid), n) for sid, n in ordered]


def _hpo_plain(name: str) -> str:
    return lower_first(name.removeprefix("Abnormality of the ").removeprefix("Abnormality of "))


def _body_sentence(body: Sequence[BodySystem], total: int,
                   release: Mapping[str, str]) -> OverviewSentence | None:
    if total < BODY_MIN_SIGNS or not body:
        return None
    top = [b for b in body[:BODY_SYSTEMS] if b.symptoms >= 2 or len(body) == 1]
    if not top:
        return None
    areas = "; ".join(b.name for b in top)
    text = (f"Its signs are mostly in {'this area' if len(top) == 1 else 'these areas'}: "
            f"{areas}.")
    facts = tuple(OverviewFact("body", b.hpo_name, b.id, f"{b.symptoms} of {total} signs",
                               "hpo", release.get("hpo")) for b in top)
    return OverviewSentence("body", text, facts)


# -- onset ----------------------------------------------------------------------------

def _onset_sentences(disease: Disease, release: Mapping[str, str]) -> list[OverviewSentence]:
    table = onset_words()
    found: dict[str, tuple[int, list[OverviewFact]]] = {}
    any_age: list[OverviewFact] = []
    for t in disease.onset:
        key = t.name.strip().lower()
        fact = OverviewFact("onset", t.name, t.id or None, None, t.source,
                            release.get(t.source))
        if key == ANY_AGE:
            any_age.append(fact)
        elif key in table:
            words = table[key]
            found.setdefault(words.phrase, (words.order, []))[1].append(fact)
    if any_age and not found:
        return [OverviewSentence("onset", "Signs can start at any age.", tuple(any_age))]
    if not found:
        return []
    phrases = sorted(found, key=lambda p: found[p][0])
    facts = tuple(f for p in phrases for f in found[p][1]) + tuple(any_age)
    if len(phrases) == 1 and not any_age:
        return [OverviewSentence("onset", f"Signs usually start {phrases[0]}.", facts)]
    if any_age:
        return [OverviewSentence("onset", "Signs can start at any age, for example "
                                 f"{join_words(phrases, 'or')}.", facts)]
    return [OverviewSentence("onset", f"Signs can start {join_words(phrases, 'or')}.", facts)]


# -- how it runs over time -----------------------------------------------------------

def _course_sentences(disease: Disease, release: Mapping[str, str]) -> list[OverviewSentence]:
    """One sentence per group (pace, start, pattern); sources that disagree are said to."""
    table = course_words()
    groups: dict[str, list[tuple[str, OverviewFact]]] = {}
    for t in disease.clinical_course:
        key = t.name.strip().lower()
        if key in table:
            fact = OverviewFact("course", t.name, t.id or None, None, t.source,
                                release.get(t.source))
            groups.setdefault(table[key].group, []).append((key, fact))
    pace = groups.pop("pace", [])
    steady = groups.pop("steady", [])
    out: list[OverviewSentence] = []
    if pace and steady:
        out.append(OverviewSentence("course", "Records differ on whether it gets worse over "
                                    "time.", tuple(f for _, f in pace + steady)))
    elif pace or steady:
        keys = {k for k, _ in pace + steady}
        # "slowly progressive" says more than "progressive"; both fit one sentence
        specific = sorted(keys - {"progressive"}) or sorted(keys)
        text = (table[specific[0]].sentence if len(specific) == 1 else
                "It can get worse slowly or quickly.")
        out.append(OverviewSentence("course", text, tuple(f for _, f in pace + steady)))
    for group in ("start", "pattern"):
        by_key: dict[str, list[OverviewFact]] = {}
        for key, fact in groups.get(group, []):
            by_key.setdefault(key, []).append(fact)
        out += [OverviewSentence("course", table[k].sentence, tuple(f)) for k, f in
                by_key.items()]
    return out


# -- inheritance, genes ---------------------------------------------------------------

def _inheritance_sentences(disease: Disease,
                           release: Mapping[str, str]) -> list[OverviewSentence]:
    glossary = inheritance_words()
    modes: dict[str, list[OverviewFact]] = {}
    for t in disease.inheritance:
        key = mode_key(t.name)
        if key in NOT_A_MODE or key not in glossary:
            continue
        modes.setdefault(key, []).append(OverviewFact(
            "inheritance", t.name, t.id or None, None, t.source, release.get(t.source)))
    patterns = [k for k in modes if glossary[k].kind == "pattern"]
    notes = [k for k in modes if glossary[k].kind == "note"]
    out: list[OverviewSentence] = []
    if len(patterns) == 1:
        words = glossary[patterns[0]]
        out.append(OverviewSentence("inheritance", words.sentence, tuple(modes[patterns[0]]),
                                    (f"{cap(words.short)}: {words.explanation}",)))
    elif patterns:
        shorts = join_words([glossary[k].short for k in patterns], "or")
        out.append(OverviewSentence(
            "inheritance", f"It can be passed down in more than one way: {shorts}.",
            tuple(f for k in patterns for f in modes[k]),
            tuple(f"{cap(glossary[k].short)}: {glossary[k].explanation}" for k in patterns)))
    for k in notes:
        out.append(OverviewSentence("inheritance", glossary[k].sentence, tuple(modes[k])))
    return out
