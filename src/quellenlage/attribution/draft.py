"""A mutable candidate attribution in token indices, before conflicts are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Analysis, AttributionType, BlockKind, Medium


@dataclass
class Draft:
    """Roles as sorted global token indices; ``priority`` orders handlers when drafts clash."""

    type: AttributionType
    medium: Medium
    message: list[int]
    cue: list[int] = field(default_factory=list)
    source: list[int] = field(default_factory=list)
    frame: list[int] = field(default_factory=list)
    addressee: list[int] = field(default_factory=list)
    rule: str = ""
    priority: int = 50
    distancing: bool = False
    parent: Draft | None = None
    sentence: int = -1

    @property
    def first(self) -> int:
        return min(self.message) if self.message else -1


def in_heading(analysis: Analysis, token: int) -> bool:
    """Whether a token stands in a headline or subheading, whose speaker no later sentence inherits."""
    block = analysis.article.blocks[analysis.sentences[analysis.tokens[token].sentence].block]
    return block.kind in (BlockKind.HEADLINE, BlockKind.SUBHEADING)
