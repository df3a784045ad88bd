"""Disease and phenotype pages as terminal text (``rareinfo show``)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from rareinfo.cli.overview_text import print_overview
from rareinfo.inquiries.store import PublishedQuestion
from rareinfo.kb.models import Disease, Phenotype, Release, SymptomRow
from rareinfo.records import PlainBlock


def _release_line(releases: tuple[Release, ...], source: str) -> str:
    for r in releases:
        if r.source == source:
            return f"Source: {r.title}, release {r.version}"
    return f"Source: {source}"


def _badges(sources: tuple[str, ...]) -> str:
    return " ".join(f"[{s.upper()}]" for s in sources)


def print_disease(console: Console, disease: Disease) -> None:
    """Print a disease page: plain words first, identifiers after."""
    console.print(f"[bold]{disease.name}[/bold]  ({disease.id})", highlight=False)
    if disease.synonyms:
        console.print(f"Other names: {'; '.join(disease.synonyms)}", highlight=False)
    if disease.spanish_name:
        console.print(f"En español: {disease.spanish_name} [GARD]", highlight=False)
    elif disease.spanish_page:
        console.print(f"En español: {disease.spanish_page} [GARD]", highlight=False)
    if disease.categories:
        console.print("Categories: " + "; ".join(
            f"{c.name} [{c.source.upper()}]" for c in disease.categories), highlight=False)
    if not disease.plain:
        print_overview(console, disease)
    _print_plain(console, disease)
    if disease.plain:
        print_overview(console, disease)
    if disease.definition:
        console.print(f"\n{disease.definition}  [{(disease.definition_source or '').upper()}]",
                      highlight=False)
    for title, refs in (("Part of", disease.parents), ("Subtypes", disease.children),
                        ("Closely related (a source calls it the same)", disease.same_as)):
        if refs:
            console.print(f"{title}: " + "; ".join(
                f"{r.name} ({r.id}) [{r.source.upper()}]" for r in refs), highlight=False)
    for p in disease.prevalence[:5]:
        console.print(f"How common: {p.type} {p.prevalence_class or ''} {p.region or ''} "
                      f"[{p.source.upper()}]", highlight=False)
    for title, terms in (("Inheritance", disease.inheritance), ("Age of onset", disease.onset),
                         ("Clinical course", disease.clinical_course)):
        if terms:
            listed = "; ".join(f"{t.name} {t.id} {_badges(t.sources or (t.source,))}"
                               + "".join(f" {r}" for r in t.references if r.startswith("via "))
                               for t in terms)
            console.print(f"{title}: {listed}", highlight=False)
    if disease.symptoms:
        _print_symptoms(console, disease)
        if any(s.frequency is None for s in disease.symptoms):
            console.print("How often is not recorded for some symptoms; they are listed last.")
        console.print(_release_line(disease.releases, disease.symptoms[0].source))
    _print_research(console, disease)
    if disease.excluded:
        console.print("Not seen in this disease: " + "; ".join(
            f"{s.name} {s.id}" for s in disease.excluded), highlight=False)
    if disease.genes:
        console.print("Genes: " + ", ".join(f"{g.symbol} ({g.id})" for g in disease.genes),
                      highlight=False)
    for section in disease.sections:
        console.print(f"\n[bold]{escape(section.title)}[/bold]", highlight=False)
        _print_blocks(console, section.blocks)
        console.print(_release_line(disease.releases, section.source)
                      + (f" {section.url}" if section.url else ""), highlight=False)
    console.print("Identifiers: " + ", ".join(i.curie for i in disease.identifiers))
    if disease.references:
        console.print("References: " + ", ".join(r.curie for r in disease.references[:20])
                      + (" ..." if len(disease.references) > 20 else ""), highlight=False)
    for r in disease.releases:
        console.print(f"Source: {r.title}, release {r.version}", highlight=False)
    if disease.last_curated:
        console.print(f"Last curated: {disease.last_curated.isoformat()}")


def _print_research(console: Console, disease: Disease) -> None:
    """Treatments, clinical trials and latest research, as the page lists them."""
    if disease.treatments:
        console.print(f"\n[bold]Treatments ({len(disease.treatments)}; FDA orphan products)"
                      "[/bold]", highlight=False)
    for product in disease.treatments:
        trade = f" ({product.trade_name})" if product.trade_name else ""
        approvals = [e.approval_date for e in product.events if e.approved and e.approval_date]
        state = ((f"approved {max(approvals).isoformat()}" if approvals else "approved")
                 if product.approved else "designated, not approved")
        via = sorted({e.via for e in product.events if e.via})
        console.print(f"  • {escape(product.generic_name + trade)}: {state}"
                      + (f"; via {', '.join(via)}" if via else ""), highlight=False)
        for t in product.events:  # oldest first
            when = t.approval_date if t.approved else t.designated
            console.print(f"    {when.isoformat() if when else 'undated'}: "
                          f"{'approved' if t.approved else 'designated'}", highlight=False)
            if t.approved_indication:
                console.print(f"      Approved indication: {escape(t.approved_indication)}",
                              highlight=False)
            console.print(f"      Designation: {escape(t.designation)}"
                          + (f"; sponsor: {escape(t.sponsor)}" if t.sponsor else ""),
                          highlight=False)
    if disease.treatments:
        console.print(_release_line(disease.releases, disease.treatments[0].source))
    if disease.trials:
        console.print(f"\n[bold]Clinical trials ({len(disease.trials)})[/bold]")
    for trial in disease.trials:
        facts = [trial.status, trial.study_type, " ".join(trial.phases) or None,
                 f"{trial.enrollment:,} participants" if trial.enrollment is not None else None,
                 f"start {trial.start_date.isoformat()}" if trial.start_date else None]
        console.print(f"  • {trial.nct_id} {escape(trial.title)}", highlight=False)
        console.print(f"    {'; '.join(f for f in facts if f)}  {trial.url}", highlight=False)
    if disease.trials:
        console.print(_release_line(disease.releases, disease.trials[0].source))
    if disease.articles:
        console.print(f"\n[bold]Latest research ({len(disease.articles)} articles)[/bold]")
    for a in disease.articles:
        facts = [a.journal, a.published.isoformat() if a.published else a.published_text,
                 f"treatment: {a.treatment}" if a.treatment else None,
                 f"{a.patients:,} patients" if a.patients is not None else None]
        console.print(f"  • PMID:{a.pmid} {escape(a.title)}", highlight=False)
        console.print(f"    {escape('; '.join(f for f in facts if f))}  {a.url}",
                      highlight=False)
    if disease.articles:
        console.print(_release_line(disease.releases, disease.articles[0].source))


def print_questions(console: Console, questions: list[PublishedQuestion]) -> None:
    """The published questions and answers of a disease."""
    console.print(f"\n[bold]Questions and answers ({len(questions)})[/bold]")
    for q in questions:
        console.print(f"  Q ({q.published_at.date().isoformat()}): {escape(q.question)}",
                      highlight=False)
        console.print(f"  A: {escape(q.answer)}", highlight=False)


def _print_plain(console: Console, disease: Disease) -> None:
    """NIH's plain-language sections, each with its source, address and capture date."""
    for group in disease.plain:
        if group.heading:
            console.print(f"\n[bold]{escape(group.heading)}[/bold]", highlight=False)
        for section in group.sections:
            console.print(f"\n[bold]{section.heading}[/bold]", highlight=False)
            for passage in section.passages:
                _print_blocks(console, passage.blocks)
                captured = ("captured around 2017" if passage.captured == "~2017"
                            else f"captured {passage.captured}" if passage.captured else "")
                console.print(f"  — {passage.source_title}{', ' + captured if captured else ''}:"
                              f" {passage.url}", highlight=False, soft_wrap=True)
        if group.relation == "own" and disease.everyday_symptoms:
            _print_everyday(console, disease)
    if not any(g.relation == "own" for g in disease.plain) and disease.everyday_symptoms:
        _print_everyday(console, disease)


def _print_blocks(console: Console, blocks: tuple[PlainBlock, ...]) -> None:
    for block in blocks:
        if block.kind == "list":
            for item in block.items:
                console.print(f"  • {escape(item)}", highlight=False)
        elif block.kind == "heading":
            console.print(f"[italic]{escape(block.text)}[/italic]", highlight=False)
        else:
            console.print(escape(block.text), highlight=False)


def _print_everyday(console: Console, disease: Disease) -> None:
    console.print("\n[bold]Most frequent symptoms, in everyday words[/bold]", highlight=False)
    for item in disease.everyday_symptoms:
        beside = f" ({item.medical}, {item.id})" if item.everyday != item.medical \
            else f" ({item.id})"
        often = f" — {item.frequency_label}" if item.frequency_label else ""
        console.print(f"  • {escape(item.everyday)}{escape(beside)}{escape(often)}",
                      highlight=False)


def _print_symptoms(console: Console, disease: Disease) -> None:
    # A table on a terminal; one line per symptom when piped, so nothing is wrapped or cut.
    if not console.is_terminal:
        console.print(f"Symptoms ({len(disease.symptoms)}):")
        for s in disease.symptoms:
            names = "; ".join((*s.lay_names, *s.other_names[:3]))
            console.print(f"  {s.name} | {names} | {s.id} | {_frequencies(s, disease.id)}",
                          highlight=False, soft_wrap=True)
        return
    table = Table(title=f"Symptoms ({len(disease.symptoms)})", title_justify="left")
    for column in ("Medical term", "Other names", "HPO ID", "How often", "Source"):
        table.add_column(column)
    for s in disease.symptoms:
        names = "; ".join((*s.lay_names, *s.other_names[:3]))
        table.add_row(s.name, names, s.id, _frequencies(s, disease.id), "")
    console.print(table)


def _frequencies(row: SymptomRow, disease_id: str) -> str:
    parts = []
    for f in row.frequencies:
        via = f" via {f.via}" if f.via != disease_id else ""
        parts.append(f"{f.label or 'not known'} [{f.source.upper()}{via}]")
    return "; ".join(parts) or "not known"


def print_phenotype(console: Console, term: Phenotype) -> None:
    """Print a phenotype page."""
    console.print(f"[bold]{term.name}[/bold]  ({term.id})", highlight=False)
    if term.obsolete:
        console.print(f"Obsolete; replaced by {term.replaced_by or 'nothing'}")
    if term.definition:
        console.print(term.definition, highlight=False)
    lay = [s.text for s in term.synonyms if s.layperson]
    if lay:
        console.print(f"In plain words: {'; '.join(lay)}", highlight=False)
    other = [s.text for s in term.synonyms if not s.layperson]
    if other:
        console.print(f"Other names: {'; '.join(other)}", highlight=False)
    if term.parents:
        console.print("Broader: " + "; ".join(f"{p.name} {p.id}" for p in term.parents))
    if term.children:
        console.print("Narrower: " + "; ".join(f"{c.name} {c.id}" for c in term.children[:20]))
    console.print(f"Diseases with this feature: {len(term.diseases)}")
    for d in term.diseases[:20]:
        console.print(f"  {d.name} ({d.id}) {d.frequency_label or ''}", highlight=False)
    if term.release:
        console.print(f"Source: {term.release.title}, release {term.release.version}")
