"""The overview's sentences on genes, FDA orphan medicines and open clinical trials."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rareinfo.kb.models import Disease, Gene, Treatment
from rareinfo.kb.overview.facts import RECRUITING
from rareinfo.kb.overview.models import OverviewFact, OverviewSentence
from rareinfo.kb.overview.phrases import join_words

GENES_NAMED = 3
PRODUCTS_NAMED = 3
CAUSING = "Disease-causing"
FDA = "The U.S. Food and Drug Administration (FDA)"


def _gene_facts(genes: Sequence[Gene], release: Mapping[str, str]) -> tuple[OverviewFact, ...]:
    return tuple(OverviewFact("gene", g.symbol, g.id, g.association, g.source,
                              release.get(g.source)) for g in genes)


def _linked_text(symbols: Sequence[str], also: str = "") -> str:
    if len(symbols) == 1:
        return f"It is {also}linked to changes in the {symbols[0]} gene."
    if len(symbols) <= GENES_NAMED:
        return f"It is {also}linked to changes in the {join_words(symbols)} genes."
    return (f"It is {also}linked to changes in {len(symbols)} genes, such as "
            f"{join_words(symbols[:GENES_NAMED])}.")


def gene_sentences(disease: Disease, release: Mapping[str, str]) -> list[OverviewSentence]:
    """"cause" only for Orphanet's disease-causing genes; other genes are "linked"."""
    if not disease.genes:
        return []
    causing = [g for g in disease.genes if (g.association or "").startswith(CAUSING)]
    others = [g for g in disease.genes if g not in causing]
    if not causing:
        return [OverviewSentence("genes", _linked_text([g.symbol for g in others]),
                                 _gene_facts(others, release))]
    symbols = [g.symbol for g in causing]
    somatic = all("somatic" in (g.association or "") for g in causing)
    during_life = " that happen in the body's cells during life" if somatic else ""
    if len(symbols) == 1:
        text = f"Changes in the {symbols[0]} gene{during_life} cause it."
    elif len(symbols) <= GENES_NAMED:
        text = f"Changes in the {join_words(symbols, 'or')} gene{during_life} can cause it."
    else:
        text = (f"Changes in any of {len(symbols)} genes{during_life} can cause it, "
                f"such as {join_words(symbols[:GENES_NAMED])}.")
    out = [OverviewSentence("genes", text, _gene_facts(causing, release))]
    if others:
        # susceptibility, modifying or candidate genes: linked, never "cause"
        out.append(OverviewSentence("genes", _linked_text([g.symbol for g in others], "also "),
                                    _gene_facts(others, release)))
    return out


def _names(events: Sequence[Treatment]) -> list[str]:
    return list(dict.fromkeys(t.trade_name or t.generic_name for t in events))


def _shown(names: Sequence[str]) -> str:
    return join_words([*names[:PRODUCTS_NAMED], "others"] if len(names) > PRODUCTS_NAMED
                      else names)


def _facts(events: Sequence[Treatment], product_of: Mapping[int, str]
           ) -> tuple[OverviewFact, ...]:
    # the id is the page's product (one entry per product), whatever each event spells
    return tuple(OverviewFact("treatment", t.trade_name or t.generic_name, product_of[id(t)],
                              t.approved_indication or t.designation, t.source, t.release)
                 for t in events)


def _medicines(n: int) -> str:
    return "an orphan medicine" if n == 1 else f"{n} orphan medicines"


def treatment_sentences(disease: Disease) -> list[OverviewSentence]:
    """Approved for it, then for its forms (subtypes), then orphan status not yet approved."""
    # an approval whose indication FDA withdrew is no longer an approved treatment; each
    # product's designations and approvals are read one by one
    events = [event for product in disease.treatments for event in product.events]
    product_of = {id(e): p.generic_name for p in disease.treatments for e in p.events}
    listed = [t for t in events
              if not (t.approved and "withdrawn" in (t.approved_indication or "").lower())]
    own = [t for t in listed if t.via is None]
    approved = [t for t in own if t.approved]
    approved_names = {product_of[id(t)] for t in approved}
    sub = [t for t in listed if t.via is not None and t.approved
           and product_of[id(t)] not in approved_names]
    waiting = [t for t in own if not t.approved and product_of[id(t)] not in approved_names]
    out: list[OverviewSentence] = []
    if approved:
        names = _names(approved)
        out.append(OverviewSentence("treatment", f"{FDA} has approved {_medicines(len(names))}"
                                    f" for it: {_shown(names)}.", _facts(approved, product_of)))
    if sub:
        n = len({product_of[id(t)] for t in sub})
        forms = len({t.via for t in sub})
        also = "also " if approved else ""
        out.append(OverviewSentence(
            "treatment", f"{'It' if approved else FDA} has {also}approved {_medicines(n)} "
            f"for {'a subtype' if forms == 1 else f'{forms} subtypes'} of it.",
            _facts(sub, product_of)))
    if waiting and not out:
        n = len({product_of[id(t)] for t in waiting})
        out.append(OverviewSentence(
            "treatment", f"{FDA} has given orphan status to "
            f"{'a medicine' if n == 1 else f'{n} medicines'} for it, but has not approved "
            f"{'it' if n == 1 else 'any of them'} for it yet.", _facts(waiting, product_of)))
    return out


def trial_sentences(disease: Disease) -> list[OverviewSentence]:
    """Trials that recruit, will recruit, or enrol by invitation."""
    open_trials = [t for t in disease.trials if (t.status or "") in RECRUITING]
    if not open_trials:
        return []
    n = len(open_trials)
    text = (f"{'One clinical trial is' if n == 1 else f'{n} clinical trials are'} looking "
            f"for people to take part.")
    facts = tuple(OverviewFact("trial", t.title, t.nct_id, t.status, t.source, t.release)
                  for t in open_trials)
    return [OverviewSentence("trials", text, facts)]
