"""The plain-words overview as terminal text: numbered sentences, then their facts."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape

from rareinfo.kb.models import Disease


def print_overview(console: Console, disease: Disease) -> None:
    """Print the overview (as "At a glance" after NIH's texts), with each sentence's facts."""
    overview = disease.overview
    if overview is None:
        return
    titles = {r.source: r.title for r in disease.releases}
    heading = "At a glance" if disease.plain else "Overview"
    console.print(f"\n[bold]{heading}[/bold] (written by rareinfo from this page's facts)",
                  highlight=False)
    for number, sentence in enumerate(overview.sentences, start=1):
        console.print(f"  {escape(sentence.text)} [{number}]", highlight=False)
        for line in sentence.glossary:
            console.print(f"      {escape(line)}", highlight=False)
    if overview.body_systems:
        console.print("  Signs by part of the body: " + "; ".join(
            f"{b.name} {b.symptoms}" for b in overview.body_systems[:8]), highlight=False)
    console.print("  Where each sentence comes from:", highlight=False)
    for number, sentence in enumerate(overview.sentences, start=1):
        facts = "; ".join(
            f"{f.label}{f' ({f.id})' if f.id and f.id != f.label else ''}"
            f"{f': {f.detail}' if f.detail else ''} — {titles.get(f.source, f.source)}"
            f"{f', release {f.release}' if f.release else ''}" for f in sentence.facts[:5])
        more = f"; and {len(sentence.facts) - 5} more" if len(sentence.facts) > 5 else ""
        console.print(f"  [{number}] {escape(facts)}{more}", highlight=False, soft_wrap=True)
