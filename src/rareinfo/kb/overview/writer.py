"""Write a page's overview in everyday words from the page's own facts, and nothing else.

Every sentence carries the facts it is written from; a topic without a fact gets no
sentence, and a page whose sentences rest on fewer than ``MIN_FACTS`` facts gets no
overview at all (rules and reasons: decisions/0022-plain-overview.md).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping, Sequence

from rareinfo.kb.models import Disease, PrevalenceFact, SymptomRow
from rareinfo.kb.overview.models import (
    BodySystem,
    Overview,
    OverviewFact,
    OverviewSentence,
    PrevalenceScale,
)
from rareinfo.kb.overview.words import (
    ANY_AGE,
    AVOIDED_LAY_WORDS,
    FREQUENCY_ORDER,
    NOT_A_MODE,
    PREVALENCE_CLASSES,
    PREVALENCE_MEASURES,
    body_system_words,
    frequency_word,
    inheritance_words,
    mode_key,
    onset_words,
)

MIN_FACTS = 3
FIRST_GROUP = 4  # symptoms named in the first symptom sentence
NEXT_GROUP = 3  # ... and in the second
BODY_SYSTEMS = 3  # areas named in the sentence (the chart shows them all)
BODY_MIN_SIGNS = 5  # "mostly" needs more than a handful of signs
GENES_NAMED = 3
RECRUITING = frozenset({"RECRUITING", "NOT_YET_RECRUITING", "ENROLLING_BY_INVITATION"})
CAUSING = "Disease-causing"
_THE = frozenset({"United States", "United Kingdom", "Netherlands", "Czech Republic",
                  "Philippines", "United Arab Emirates"})


def write_overview(disease: Disease, systems: Mapping[str, tuple[str, ...]],
                   system_names: Mapping[str, str]) -> Overview | None:
    """The overview of a page; None when fewer than ``MIN_FACTS`` facts support it.

    ``systems`` maps each symptom id to the HPO organ-system branches it lies under;
    ``system_names`` gives HPO's name of each branch.
    """
    release = {r.source: r.version for r in disease.releases}
    sentences: list[OverviewSentence] = []
    sentences += _symptom_sentences(disease.symptoms, disease.name, release)
    body = _body_systems(disease.symptoms, systems, system_names)
    if body_sentence := _body_sentence(body, len(disease.symptoms), release):
        sentences.append(body_sentence)
    sentences += _onset_sentences(disease, release)
    scale, prevalence_sentence = _prevalence(disease.prevalence, release)
    if prevalence_sentence:
        sentences.append(prevalence_sentence)
    sentences += _inheritance_sentences(disease, release)
    sentences += _gene_sentences(disease, release)
    sentences += _treatment_sentences(disease)
    sentences += _trial_sentences(disease)
    facts = {(f.kind, f.id or f.label) for s in sentences for f in s.facts if f.kind != "body"}
    if len(facts) < MIN_FACTS:
        return None
    return Overview(tuple(sentences), tuple(body), scale, len(facts))


def join_words(items: Sequence[str], last: str = "and") -> str:
    """"a", "a and b", "a, b and c"."""
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {last} {items[-1]}"


LAY_WORDS = 6  # a longer layperson name is a definition, not a name


def everyday_name(row: SymptomRow) -> str:
    """The shortest layperson name of a symptom where HPO has a short one, else its name."""
    lay = sorted((n for n in row.lay_names if _usable_lay_name(n)), key=len)
    return lower_first(lay[0] if lay else row.name)


def _usable_lay_name(name: str) -> bool:
    """Short, respectful and a noun phrase: "tired" (for Fatigue) cannot follow "have"."""
    words = name.lower().split()
    return (len(words) <= LAY_WORDS and not any(a in name.lower() for a in AVOIDED_LAY_WORDS)
            and not (len(words) == 1 and words[0].endswith("ed")))


def lower_first(text: str) -> str:
    """"low muscle tone" for "Low muscle tone"; acronyms and names kept ("EEG", "Wilms")."""
    first = text.split(" ", 1)[0]
    if len(first) > 1 and (first[1].isupper() or any(c.isdigit() for c in first)):
        return text
    return text[:1].lower() + text[1:]


def _cap(text: str) -> str:
    return text[:1].upper() + text[1:]


# -- symptoms -------------------------------------------------------------------------

def _row_word(row: SymptomRow) -> tuple[str | None, str, str | None]:
    """The most careful word any source's frequency gives, with that source and label.

    Sources may disagree ("Occasional" in one, "Very frequent" in another); the weaker
    word is the one every source supports.
    """
    options = [(frequency_word(f.fraction, f.label, f.m), f.source, f.label)
               for f in row.frequencies] or [
        (frequency_word(row.frequency, row.frequency_label, row.frequency_m), row.source,
         row.frequency_label)]
    known = [o for o in options if o[0] is not None]
    if not known or len(known) < len([f for f in row.frequencies if f.fraction is not None]):
        # a source's count too small to give a word: no word for the row
        return None, row.source, row.frequency_label
    return max(known, key=lambda o: FREQUENCY_ORDER.index(str(o[0])))


def _symptom_fact(row: SymptomRow, source: str, label: str | None,
                  release: Mapping[str, str]) -> OverviewFact:
    return OverviewFact("symptom", row.name, row.id, label, source, release.get(source))


def _symptom_sentences(rows: Sequence[SymptomRow], disease_name: str,
                       release: Mapping[str, str]) -> list[OverviewSentence]:
    worded: dict[str, list[tuple[SymptomRow, str, str | None]]] = {w: [] for w in
                                                                    FREQUENCY_ORDER}
    unworded: list[tuple[SymptomRow, str, str | None]] = []
    own_words = f" {_words(disease_name)} "
    for row in rows:
        if f" {_words(row.name)} " in own_words:
            continue  # "Acute lymphoblastic leukemia" as a sign of itself says nothing
        word, source, label = _row_word(row)
        (worded[word] if word else unworded).append((row, source, label))
    groups = [(w, worded[w]) for w in FREQUENCY_ORDER[:-1] if worded[w]]
    out: list[OverviewSentence] = []
    for index, (word, members) in enumerate(groups[:2]):
        # layperson names first: they are what a reader knows
        chosen = sorted(members, key=lambda m: everyday_name(m[0]) == lower_first(m[0].name))[
            :FIRST_GROUP if index == 0 else NEXT_GROUP]
        names = join_words([everyday_name(r) for r, _, _ in chosen])
        lead = "All" if word == "most" and _all(chosen) else _cap(word)
        if index == 0:
            of = " of" if word == "about half" else ""
            text = f"{lead}{of} people with this condition have {names}."
        else:
            text = f"{lead} have {names}."
        out.append(OverviewSentence("symptoms", text, tuple(
            _symptom_fact(r, s, lab, release) for r, s, lab in chosen)))
    strong = any(w in ("most", "about half", "many") for w, _ in groups[:2])
    if not strong and unworded:
        pool = sorted(unworded,
                      key=lambda m: everyday_name(m[0]) == lower_first(m[0].name)
                      )[:FIRST_GROUP]
        names = join_words([everyday_name(r) for r, _, _ in pool])
        lead = ("Other signs recorded include" if out else
                "Signs recorded in people with this condition include")
        out.append(OverviewSentence("symptoms", f"{lead} {names}.", tuple(
                                        _symptom_fact(r, s, lab, release)
                                        for r, s, lab in pool)))
    return out


_NOT_WORD = re.compile(r"[^\w]+")


def _words(text: str) -> str:
    return _NOT_WORD.sub(" ", text.casefold()).strip()


def _all(chosen: Sequence[tuple[SymptomRow, str, str | None]]) -> bool:
    """Every named symptom is stated for everyone (HPO's "Obligate")."""
    return all((lab or "").startswith("Obligate") for _, _, lab in chosen)


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


# -- how common -----------------------------------------------------------------------

def _prevalence_rank(p: PrevalenceFact) -> tuple[int, int]:
    # the whole world, else Europe (Orphanet's home ground), else one country
    area = 0 if p.region == "Worldwide" else 1 if p.region == "Europe" else 2
    return (area, PREVALENCE_MEASURES.index(p.type))


def _prevalence(facts: Sequence[PrevalenceFact], release: Mapping[str, str]
                ) -> tuple[PrevalenceScale | None, OverviewSentence | None]:
    usable = [p for p in facts if p.type in PREVALENCE_MEASURES and (
        p.prevalence_class in PREVALENCE_CLASSES
        or (p.type == "Cases/families" and p.value))]
    if not usable:
        return None, None
    # a class of how many people beats a count of reported cases
    classed = [p for p in usable if p.prevalence_class in PREVALENCE_CLASSES]
    best = min(classed or usable, key=_prevalence_rank)
    region = best.region if best.region and best.region != "Worldwide" else None
    where = f"In {'the ' if region in _THE else ''}{region}, " if region else ""
    label = " ".join(x for x in (best.type, best.prevalence_class, best.region) if x)
    fact = OverviewFact("prevalence", label, None, best.validation, best.source,
                        release.get(best.source))
    if best.prevalence_class not in PREVALENCE_CLASSES:
        count = int(best.value or 0)
        unit = ("family" if count == 1 else "families") if (
            best.qualification or "").startswith("Famil") else (
            "person" if count == 1 else "people")
        what = "one" if count == 1 else f"{count:,}"
        return None, OverviewSentence("prevalence", f"{where}Medical reports describe "
                                      f"{what} {unit} with it.", (fact,))
    low, high, words = PREVALENCE_CLASSES[str(best.prevalence_class)]
    text = {
        "Point prevalence": f"{words} people have it.",
        "Prevalence at birth": f"{words} babies are born with it.",
        "Annual incidence": f"each year, {words} people are found to have it.",
        "Lifetime Prevalence": f"{words} people have it at some time in their life.",
    }[best.type]
    text = f"{where}{text}" if where else _cap(text)
    return (PrevalenceScale(low, high, f"{words} people", best.type),
            OverviewSentence("prevalence", text, (fact,)))


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
                                    (f"{_cap(words.short)}: {words.explanation}",)))
    elif patterns:
        shorts = join_words([glossary[k].short for k in patterns], "or")
        out.append(OverviewSentence(
            "inheritance", f"It can be passed down in more than one way: {shorts}.",
            tuple(f for k in patterns for f in modes[k]),
            tuple(f"{_cap(glossary[k].short)}: {glossary[k].explanation}" for k in patterns)))
    for k in notes:
        out.append(OverviewSentence("inheritance", glossary[k].sentence, tuple(modes[k])))
    return out


def _gene_sentences(disease: Disease, release: Mapping[str, str]) -> list[OverviewSentence]:
    if not disease.genes:
        return []
    causing = [g for g in disease.genes if (g.association or "").startswith(CAUSING)]
    genes = causing or list(disease.genes)
    facts = tuple(OverviewFact("gene", g.symbol, g.id, g.association, g.source,
                               release.get(g.source)) for g in genes)
    symbols = [g.symbol for g in genes]
    somatic = bool(causing) and all("somatic" in (g.association or "") for g in causing)
    during_life = " that happen in the body's cells during life" if somatic else ""
    if causing:
        if len(symbols) == 1:
            text = f"Changes in the {symbols[0]} gene{during_life} cause it."
        elif len(symbols) <= GENES_NAMED:
            text = f"Changes in the {join_words(symbols, 'or')} gene{during_life} can cause it."
        else:
            text = (f"Changes in any of {len(symbols)} genes{during_life} can cause it, "
                    f"such as {join_words(symbols[:GENES_NAMED])}.")
    elif len(symbols) == 1:
        text = f"It is linked to changes in the {symbols[0]} gene."
    elif len(symbols) <= GENES_NAMED:
        text = f"It is linked to changes in the {join_words(symbols)} genes."
    else:
        text = (f"It is linked to changes in {len(symbols)} genes, such as "
                f"{join_words(symbols[:GENES_NAMED])}.")
    return [OverviewSentence("genes", text, facts)]


# -- treatments, trials ---------------------------------------------------------------

def _treatment_sentences(disease: Disease) -> list[OverviewSentence]:
    # an approval whose indication FDA withdrew is no longer an approved treatment; each
    # product's designations and approvals are read one by one
    events = [event for product in disease.treatments for event in product.events]
    listed = [t for t in events
              if not (t.approved and "withdrawn" in (t.approved_indication or "").lower())]
    own = [t for t in listed if t.via is None]
    approved = [t for t in own if t.approved]
    if approved:
        names = list(dict.fromkeys(t.trade_name or t.generic_name for t in approved))
        n = len(names)
        shown = join_words([*names[:3], "others"] if n > 3 else names)
        text = (f"The U.S. Food and Drug Administration (FDA) has approved "
                f"{'an orphan medicine' if n == 1 else f'{n} orphan medicines'} for it: "
                f"{shown}.")
        chosen = approved
    elif sub := [t for t in listed if t.via is not None and t.approved]:
        text = "The U.S. Food and Drug Administration (FDA) has approved an orphan medicine " \
               "for a subtype of it."
        chosen = sub
    elif own:
        n = len({t.generic_name for t in own})
        text = (f"The U.S. Food and Drug Administration (FDA) has given orphan status to "
                f"{'a medicine' if n == 1 else f'{n} medicines'} for it, but has not "
                f"approved {'it' if n == 1 else 'any of them'} for it yet.")
        chosen = own
    else:
        return []
    facts = tuple(OverviewFact("treatment", t.trade_name or t.generic_name, None,
                               t.approved_indication or t.designation, t.source, t.release)
                  for t in chosen)
    return [OverviewSentence("treatment", text, facts)]


def _trial_sentences(disease: Disease) -> list[OverviewSentence]:
    open_trials = [t for t in disease.trials if (t.status or "") in RECRUITING]
    if not open_trials:
        return []
    n = len(open_trials)
    text = (f"{'One clinical trial is' if n == 1 else f'{n} clinical trials are'} looking "
            f"for people to take part.")
    facts = tuple(OverviewFact("trial", t.title, t.nct_id, t.status, t.source, t.release)
                  for t in open_trials)
    return [OverviewSentence("trials", text, facts)]
