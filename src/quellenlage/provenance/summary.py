"""The sourcing summary: every figure with the ids or sentence numbers it is counted from."""

from __future__ import annotations

from typing import Any

from ..model import Analysis, Assertor, AttributionType, EpistemicStatus, SourceKind

NAMED = (SourceKind.PERSON, SourceKind.ORGANISATION, SourceKind.MEDIA, SourceKind.STATE)
UNNAMED = (SourceKind.VAGUE, SourceKind.ANONYMOUS)


def _share(part: int, whole: int) -> float | None:
    return round(part / whole, 3) if whole else None


def sourcing(analysis: Analysis) -> dict[str, Any]:
    sources = [s for s in analysis.sources if not s.publisher and s.attributions]
    top = [a for a in analysis.attributions if a.parent is None]
    claims = analysis.claims
    unattributed = [c.sentence for c in claims if c.asserted_by is Assertor.OUTLET]
    hedged = [c.sentence for c in claims if c.status in (EpistemicStatus.HEDGED, EpistemicStatus.DISPUTED)]
    longest = max(analysis.chains, key=lambda c: c.depth, default=None)
    return {
        "named_sources": [s.id for s in sources if s.kind in NAMED],
        "unnamed_sources": [s.id for s in sources if s.kind in UNNAMED],
        "unresolved_sources": [s.id for s in sources if s.kind not in NAMED + UNNAMED],
        "direct": [a.id for a in top if a.type is AttributionType.DIRECT],
        "indirect": [a.id for a in top if a.type is not AttributionType.DIRECT],
        "claims": len(claims),
        "unattributed_sentences": unattributed,
        "unattributed_share": _share(len(unattributed), len(claims)),
        "hedged_sentences": hedged,
        "hedged_share": _share(len(hedged), len(claims)),
        "longest_chain": {"depth": longest.depth, "path": list(longest.path)} if longest else None,
    }
