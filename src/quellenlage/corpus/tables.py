"""One analysed article as rows of the corpus tables: articles, attributions, sources, claims.

The column lists are the tables' schemas (``SCHEMAS``, pyarrow): every partition file of a table
has the same columns and types, so DuckDB reads them all with one glob.  Every table has the
article's ``language`` (ISO 639-1; in ``errors``, the language a text was refused for, if known),
so that a question is asked per language.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection
from typing import Any
from urllib.parse import urlsplit

import pyarrow as pa

from .. import lang
from ..model import Analysis, Attribution, AttributionType, BlockKind
from ..provenance import sourcing
from .readers import Record

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("id", pa.string()), ("origin", pa.string()), ("url", pa.string()), ("outlet", pa.string()),
        ("title", pa.string()), ("date", pa.string()), ("label", pa.string()), ("language", pa.string()),
        ("input_format", pa.string()), ("chars", pa.int32()), ("sentences", pa.int32()),
        ("attributions", pa.int32()), ("direct", pa.int32()), ("indirect", pa.int32()), ("reported", pa.int32()),
        ("free_indirect", pa.int32()), ("hedged_attributions", pa.int32()), ("named_sources", pa.int32()),
        ("unnamed_sources", pa.int32()), ("unattributed_sentences", pa.int32()), ("boilerplate_lines", pa.int32()),
        ("diagnostics", pa.int32()), ("publisher", pa.string()), ("headline_verdict", pa.string()),
        ("headline_findings", pa.list_(pa.string())), ("hedged_sentences", pa.int32()), ("longest_chain", pa.int32()),
    ]),
    "attributions": pa.schema([
        ("article_id", pa.string()), ("language", pa.string()), ("attribution_id", pa.int32()), ("parent", pa.int32()),
        ("type", pa.string()), ("medium", pa.string()), ("source_kind", pa.string()), ("source", pa.string()),
        ("cue", pa.string()), ("message", pa.string()), ("hedged", pa.bool_()), ("rule", pa.string()),
        ("start", pa.int32()), ("end", pa.int32()),
    ]),
    "sources": pa.schema([
        ("article_id", pa.string()), ("language", pa.string()), ("source_id", pa.int32()), ("source", pa.string()),
        ("source_norm", pa.string()), ("kind", pa.string()), ("role", pa.string()), ("country", pa.string()),
        ("channels", pa.list_(pa.string())), ("attributions", pa.int32()), ("hedged", pa.int32()),
        ("relayed_by", pa.list_(pa.string())),
    ]),
    "claims": pa.schema([
        ("article_id", pa.string()), ("language", pa.string()), ("sentence", pa.int32()), ("start", pa.int32()),
        ("end", pa.int32()), ("text", pa.string()), ("asserted_by", pa.string()), ("status", pa.string()),
        ("source_ids", pa.list_(pa.int32())), ("attribution_ids", pa.list_(pa.int32())),
        ("triggers", pa.list_(pa.string())), ("checkworthy", pa.list_(pa.string())),
    ]),
    "errors": pa.schema([
        ("id", pa.string()), ("origin", pa.string()), ("code", pa.string()), ("message", pa.string()),
        ("language", pa.string()),
    ]),
}  # fmt: skip


def _join(spans: tuple[Any, ...], sep: str = " ") -> str:
    return sep.join(s.text for s in spans)


def normalise_source(text: str, determiners: Collection[str]) -> str:
    """A source's name for grouping: leading ``determiners`` (the language's) and quotes dropped, case
    folded, spaces squeezed."""
    words = text.replace("\u201e", " ").replace("\u201c", " ").replace('"', " ").split()
    while words and words[0].lower() in determiners:
        words = words[1:]
    return " ".join(words).casefold()


def outlet_of(record: Record, analysis: Analysis) -> str | None:
    if record.outlet:
        return record.outlet
    meta = analysis.article.metadata
    if meta.site_name:
        return meta.site_name
    url = record.url or meta.url
    host = urlsplit(url).hostname if url else None
    return host.removeprefix("www.") if host else None


def rows(record: Record, analysis: Analysis) -> dict[str, list[dict[str, Any]]]:
    """The rows this article adds to each table (errors excepted)."""
    article = analysis.article
    meta = article.metadata
    top = [a for a in analysis.attributions if a.parent is None]
    types = Counter(a.type for a in top)
    summary = sourcing(analysis)  # the per-article figures, counted where the JSON report counts them
    headline = next((b.span.text for b in article.blocks if b.kind is BlockKind.HEADLINE), None)
    article_row = {
        "id": record.id, "origin": record.origin, "url": record.url or meta.url, "outlet": outlet_of(record, analysis),
        "title": record.title or meta.title or headline, "date": record.date or meta.date, "label": record.label,
        "language": meta.language, "input_format": meta.input_format, "chars": len(article.text),
        "sentences": len(analysis.sentences), "attributions": len(top), "direct": types[AttributionType.DIRECT],
        "indirect": types[AttributionType.INDIRECT], "reported": types[AttributionType.REPORTED],
        "free_indirect": types[AttributionType.FREE_INDIRECT] + types[AttributionType.INDIRECT_FREE_INDIRECT],
        "hedged_attributions": sum(a.hedged for a in top),
        "named_sources": len(summary["named_sources"]), "unnamed_sources": len(summary["unnamed_sources"]),
        "unattributed_sentences": len(summary["unattributed_sentences"]),
        "boilerplate_lines": len(article.dropped), "diagnostics": len(analysis.diagnostics),
        "publisher": next((s.name for s in analysis.sources if s.publisher), None),
        "headline_verdict": analysis.headline.verdict if analysis.headline else None,
        "headline_findings": [f.code for f in analysis.headline.findings] if analysis.headline else [],
        "hedged_sentences": len(summary["hedged_sentences"]),
        "longest_chain": summary["longest_chain"]["depth"] if summary["longest_chain"] else 0,
    }  # fmt: skip
    return {
        "articles": [article_row],
        "attributions": [{**_attribution(record.id, a), "language": meta.language} for a in analysis.attributions],
        "sources": [{**row, "language": meta.language} for row in _sources(record.id, analysis)],
        "claims": [{**row, "language": meta.language} for row in _claims(record.id, analysis)],
    }


def error_row(record: Record, code: str, message: str, language: str | None = None) -> dict[str, Any]:
    return {"id": record.id, "origin": record.origin, "code": code, "message": message, "language": language}


def _attribution(article_id: str, a: Attribution) -> dict[str, Any]:
    spans = a.message or a.source or a.cue
    return {
        "article_id": article_id, "attribution_id": a.id, "parent": a.parent, "type": a.type.value,
        "medium": a.medium.value, "source_kind": a.source_kind.value, "source": _join(a.source),
        "cue": _join(a.cue), "message": _join(a.message, " … "), "hedged": a.hedged, "rule": a.rule,
        "start": min(s.start for s in spans) if spans else None, "end": max(s.end for s in spans) if spans else None,
    }  # fmt: skip


def _sources(article_id: str, analysis: Analysis) -> list[dict[str, Any]]:
    by_id = {a.id: a for a in analysis.attributions}
    names = {s.id: s.name for s in analysis.sources}
    relays = {c.path[-1]: [names[i] for i in c.path[1:-1]] for c in analysis.chains}
    determiners = lang.of(analysis.article).lexicon.word_list("determiners")
    return [
        {"article_id": article_id, "source_id": s.id, "source": s.name,
         "source_norm": normalise_source(s.name, determiners) or None,
         "kind": s.kind.value, "role": s.role.text if s.role else None, "country": s.country,
         "channels": list(s.channels), "attributions": len(s.attributions),
         "hedged": sum(by_id[a].hedged for a in s.attributions if a in by_id), "relayed_by": relays.get(s.id, [])}
        for s in analysis.sources if not s.publisher and s.attributions
    ]  # fmt: skip


def _claims(article_id: str, analysis: Analysis) -> list[dict[str, Any]]:
    return [
        {"article_id": article_id, "sentence": c.sentence, "start": c.span.start, "end": c.span.end,
         "text": c.span.text, "asserted_by": c.asserted_by.value, "status": c.status.value,
         "source_ids": list(c.sources), "attribution_ids": list(c.attributions),
         "triggers": [t.text for t in c.triggers], "checkworthy": [t.text for t in c.checkworthy]}
        for c in analysis.claims
    ]  # fmt: skip
