"""A mutable candidate attribution in token indices, before conflicts are resolved."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import AttributionType, Medium


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
