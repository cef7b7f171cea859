"""The terminal summary: headline, then one line per attribution, then hedges and notes."""

from __future__ import annotations

import textwrap

from ..lang import get as get_language
from ..model import Analysis, BlockKind
from .labels import (
    KIND_LABELS,
    VERDICT_LABELS,
    chain_text,
    outermost,
    source_line,
    source_text,
    spans_phrase,
    type_label,
)

_WIDTH = 100


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def render_text(analysis: Analysis) -> str:
    article = analysis.article
    language = get_language(article.metadata.language)
    lines: list[str] = []
    headline = next((b.span.text for b in article.blocks if b.kind is BlockKind.HEADLINE), None)
    lines.append(f"Headline: {headline}" if headline else "Headline: (none recognised)")
    top = [a for a in analysis.attributions if a.parent is None]
    lines.append(f"{len(top)} attributions in {len(analysis.sentences)} sentences; "
                 f"{sum(a.hedged for a in top)} hedged.")  # fmt: skip
    check = analysis.headline
    if check is not None and check.verdict != "no_headline":
        lines.append(f"Headline check: {VERDICT_LABELS[check.verdict]}")
        for finding in check.findings:
            lines.append(f"  - {finding.code}: “{finding.span.text}” — {finding.message}")
            sentences = outermost(finding.evidence)[:2]
            opener, closers = language.quote_marks[0]  # the article language's marks: „…“, “…”
            lines.extend(f"      {opener}{_short(e.text)}{closers[0]}" for e in sentences)
    sources = [s for s in analysis.sources if not s.publisher and s.attributions]
    if sources:
        lines.append("Sources: " + "; ".join(source_line(s) for s in sources))
    relayed = [c for c in analysis.chains if c.depth > 1]
    if relayed:
        lines.append("Chains: " + "; ".join(chain_text(analysis, c) for c in relayed))
    if analysis.claims:
        own = sum(c.asserted_by.value == "outlet" for c in analysis.claims)
        lines.append(f"{own} of {len(analysis.claims)} body sentences carry no attribution (the outlet's own voice).")
    lines.append("")
    for att in top:
        cue = spans_phrase(att.cue)
        head = f"[{att.id}] {source_text(att)} ({KIND_LABELS[att.source_kind]})"
        head += f" — {cue}" if cue else ""
        head += f" · {type_label(att.type, language)}" + (" · HEDGED" if att.hedged else "")
        lines.append(head)
        message = " … ".join(s.text for s in att.message)
        lines.extend(textwrap.wrap(message, _WIDTH, initial_indent="    » ", subsequent_indent="      "))
    if analysis.hedges:
        lines.append("")
        lines.append("Hedges: " + ", ".join(f"{h.trigger.text} ({language.label(h.kind.value)})"
                                            for h in analysis.hedges))  # fmt: skip
    for diag in analysis.diagnostics:
        lines.append(f"Note: {diag.message}" + (f" at “{diag.span.text}”" if diag.span else ""))
    if article.dropped:
        lines.append(f"Removed as boilerplate: {len(article.dropped)} lines.")
    return "\n".join(lines) + "\n"
