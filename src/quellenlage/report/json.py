"""Analysis to a versioned, JSON-serialisable report (schema in report/schema/)."""

from __future__ import annotations

import json
from collections import Counter
from functools import lru_cache
from typing import Any

from .._version import __version__
from ..model import Analysis, Attribution, Claim, HeadlineCheck, Source, Span
from ..provenance.summary import sourcing
from ..resources import resource_path

SCHEMA_VERSION = "2.0"
SCHEMA_FILE = "report-2.0.schema.json"


def _span(span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": span.text}


def _spans(spans: tuple[Span, ...]) -> list[dict[str, Any]]:
    return [_span(s) for s in spans]


def _attribution(att: Attribution, source_id: int | None) -> dict[str, Any]:
    return {
        "id": att.id, "source_id": source_id, "type": att.type.value, "medium": att.medium.value,
        "source_kind": att.source_kind.value, "hedged": att.hedged, "rule": att.rule,
        "parent": att.parent, "cue": _spans(att.cue), "source": _spans(att.source),
        "message": _spans(att.message), "addressee": _spans(att.addressee), "frame": _spans(att.frame),
    }  # fmt: skip


def summary(analysis: Analysis) -> dict[str, Any]:
    """Counts a reader asks for first; each traceable to the listed attributions and hedges."""
    top = [a for a in analysis.attributions if a.parent is None]
    return {
        "attributions": len(top),
        "by_type": dict(Counter(a.type.value for a in top)),
        "by_source_kind": dict(Counter(a.source_kind.value for a in top)),
        "hedged_attributions": sum(a.hedged for a in top),
        "hedges": dict(Counter(h.kind.value for h in analysis.hedges)),
        "sentences": len(analysis.sentences),
    }


def _source(s: Source) -> dict[str, Any]:
    return {
        "id": s.id, "name": s.name, "kind": s.kind.value, "publisher": s.publisher,
        "role": _span(s.role) if s.role else None, "country": s.country, "attributions": list(s.attributions),
        "channels": list(s.channels), "mentions": _spans(s.mentions),
    }  # fmt: skip


def _claim(c: Claim) -> dict[str, Any]:
    return {
        "sentence": c.sentence, "start": c.span.start, "end": c.span.end, "text": c.span.text,
        "asserted_by": c.asserted_by.value, "status": c.status.value, "sources": list(c.sources),
        "attributions": list(c.attributions), "triggers": _spans(c.triggers), "checkworthy": _spans(c.checkworthy),
    }  # fmt: skip


def _headline(check: HeadlineCheck | None) -> dict[str, Any] | None:
    if check is None:
        return None
    return {"verdict": check.verdict, "propositions": [
        {"span": _span(p.span), "support": list(p.support),
         "findings": [{"code": f.code, "message": f.message, "span": _span(f.span), "evidence": _spans(f.evidence)}
                      for f in p.findings]}
        for p in check.propositions]}  # fmt: skip


def to_dict(analysis: Analysis) -> dict[str, Any]:
    article = analysis.article
    source_of = {aid: s.id for s in analysis.sources for aid in s.attributions}
    meta = article.metadata
    return {
        "schema_version": SCHEMA_VERSION,
        "generator": {"name": "quellenlage", "version": __version__},
        "article": {
            "text": article.text,
            "metadata": {
                "title": meta.title, "date": meta.date, "author": meta.author,
                "site_name": meta.site_name, "section": meta.section, "url": meta.url,
                "language": meta.language, "input_format": meta.input_format,
            },
            "blocks": [{"kind": b.kind.value, **_span(b.span)} for b in article.blocks],
            "dropped": list(article.dropped),
        },
        "sentences": [_span(s.span) for s in analysis.sentences],
        "attributions": [_attribution(a, source_of.get(a.id)) for a in analysis.attributions],
        "hedges": [{"kind": h.kind.value, "lexeme": h.lexeme, "sentence": h.sentence, "trigger": _span(h.trigger)}
                   for h in analysis.hedges],
        "diagnostics": [{"code": d.code, "message": d.message, "severity": d.severity.value,
                         "span": _span(d.span) if d.span else None} for d in analysis.diagnostics],
        "summary": summary(analysis),
        "sources": [_source(s) for s in analysis.sources],
        "chains": [{"path": list(c.path), "depth": c.depth, "channel": c.channel, "evidence": _spans(c.evidence)}
                   for c in analysis.chains],
        "claims": [_claim(c) for c in analysis.claims],
        "headline_check": _headline(analysis.headline),
        "sourcing": sourcing(analysis),
    }  # fmt: skip


def to_json(analysis: Analysis, indent: int | None = 2) -> str:
    return json.dumps(to_dict(analysis), ensure_ascii=False, indent=indent)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The published JSON Schema of the report."""
    loaded: dict[str, Any] = json.loads(resource_path("schema", SCHEMA_FILE).read_text(encoding="utf-8"))
    return loaded
