"""The Provenance stage: source entities, chains, claims and the headline check."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import Analysis, Source, SourceKind
from .chains import find_chains
from .claims import find_claims
from .entities import AUTHOR, find_publisher, find_sources
from .headline import check_headline


def build_sources(analysis: Analysis) -> tuple[Source, ...]:
    """Source 0 is the publisher; it holds the attributions in the author's own voice ("Ich meine")."""
    entities, of_attribution = find_sources(analysis)
    sources: list[Source] = []
    publisher = find_publisher(analysis)
    authorial = tuple(a for a, e in of_attribution.items() if e == AUTHOR)
    sources.append(Source(id=0, name=publisher or "the publication", kind=SourceKind.MEDIA, publisher=True,
                          attributions=authorial))  # fmt: skip
    for e in entities:
        sources.append(Source(
            id=len(sources), name=e.name, kind=e.kind, mentions=tuple(e.mentions), role=e.role, country=e.country,
            attributions=tuple(e.attributions), channels=tuple(e.channels),
        ))  # fmt: skip
    return tuple(sources)


@dataclass(frozen=True)
class Provenance:
    """Who stands behind each claim, through whom, and whether the headline holds."""

    name: str = "provenance"
    requires: frozenset[str] = frozenset({"attributions", "hedges", "syntax"})
    provides: frozenset[str] = frozenset({"sources", "chains", "claims", "headline"})

    def __call__(self, analysis: Analysis) -> Analysis:
        sources = build_sources(analysis)
        claims = find_claims(analysis, sources)
        return replace(
            analysis,
            sources=sources,
            chains=find_chains(analysis, sources),
            claims=claims,
            headline=check_headline(analysis, claims, sources),
        )
