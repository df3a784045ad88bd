"""A ranked differential diagnosis as text (``rareinfo diagnose``).

Apart from the disease pages (``rareinfo.cli.textpage``): a diagnosing process imports
neither the knowledge base's page models nor the questions' store.
"""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from rareinfo.phenotype.results import Diagnosis
from rareinfo.phenotype.text import TextMapping

# why a feature was borrowed, before the gene symbol or Mondo class
LENT_BECAUSE = {"gene": "same gene", "equivalent": "same disease in Mondo",
                "series": "same OMIM phenotypic series, Mondo"}


def print_diagnosis(console: Console, diagnosis: Diagnosis, mapping: TextMapping | None,
                    scope: str) -> None:
    """Print a ranked differential diagnosis with the reasons for each rank.

    ``scope`` says what was ranked (``rareinfo.service.diagnosis.ranked_scope``).
    """
    console.print("[bold]This list supports a clinician; it does not replace one.[/bold]")
    if mapping is not None:
        for m in mapping.matches:
            state = "in a relative" if m.family else "absent" if m.excluded else "present"
            console.print(f"Understood “{m.text}” as {m.term_name} {m.term_id} ({state}; "
                          f"matched {m.kind} “{m.matched}”)", highlight=False)
        for u in mapping.unmatched:
            console.print(f"[yellow]Not understood:[/yellow] “{u.text}”", highlight=False)
        for f in mapping.family:
            console.print(f"Family history{' (none)' if f.negated else ''}: “{f.text}” "
                          "(not counted as the patient's symptoms)", highlight=False)
    console.print("Present: " + ("; ".join(f"{t.name} {t.id}" for t in diagnosis.present)
                                 or "none"), highlight=False)
    if diagnosis.excluded:
        console.print("Absent: " + "; ".join(f"{t.name} {t.id}" for t in diagnosis.excluded),
                      highlight=False)
    for unknown in diagnosis.unknown_terms:
        console.print(f"[yellow]Unknown term (not in this HPO release):[/yellow] {unknown}")
    for old, new in diagnosis.mapped_terms.items():
        console.print(f"{old} is now {new}")
    for note in diagnosis.notes:
        console.print(f"Note: {note}", highlight=False)
    console.print(f"{scope} Method {diagnosis.method}; absent symptoms weighed as recorded "
                  f"by a {'clinician' if diagnosis.mode == 'clinician' else 'lay person'}.",
                  highlight=False)
    if diagnosis.certainty is not None:
        from rareinfo.phenotype.calibration import describe

        console.print(describe(diagnosis.certainty), highlight=False)
    for r in diagnosis.results:
        tie = f", tied with {r.tied}" if r.tied else ""
        console.print(f"\n[bold]{r.rank}. {r.name}[/bold] {r.disease_id}  score {r.score:.2f}"
                      f"{tie}", highlight=False)
        general = [p.patient_term.name for p in r.matches if not p.informative]
        for pair in (p for p in r.matches if p.informative):
            target = pair.disease_term.name if pair.disease_term else "no related feature"
            via = (f" via {pair.shared_ancestor.name}" if pair.shared_ancestor
                   and pair.disease_term and pair.shared_ancestor.id != pair.disease_term.id
                   else "")
            lent = (escape(f" (borrowed from {pair.lent_by.id} {pair.lent_by.name}, "
                           f"{LENT_BECAUSE.get(pair.lent_because or 'gene', 'same gene')} "
                           f"{pair.gene})") if pair.lent_by else "")
            console.print(f"   {pair.patient_term.name} -> {target}{via}{lent} "
                          f"({pair.contribution:+.2f})", highlight=False)
        if general:
            console.print("   no specific match: " + ", ".join(general), highlight=False)
        for feature in r.conflicts[:3]:
            console.print(f"   conflict: {feature.term.name} ({feature.kind}, "
                          f"{feature.contribution:+.2f})", highlight=False)
        if r.missing:
            console.print("   typical but not reported: " + ", ".join(
                f.term.name for f in r.missing[:4]), highlight=False)
