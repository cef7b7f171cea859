"""English attribution: the construction handlers as one :class:`Grammar`.

English has no reportative mood to read: "reportedly", "allegedly" and "is said to" are hedges of
the lexicon, so ``reported_mood`` finds nothing, and no sentence continues a report by its mood
(German's Konjunktiv continuation has no English counterpart).
"""

from __future__ import annotations

from collections.abc import Sequence

from ...attribution.draft import Draft
from ...attribution.plugin import Grammar
from ...model import Analysis, Token
from .direct import quote_drafts
from .frames import HANDLERS


def reported_mood(tokens: Sequence[Token], start: int, end: int) -> tuple[list[int], list[int]]:
    return [], []


def continuation_drafts(analysis: Analysis, accepted: list[Draft]) -> list[Draft]:
    return []


GRAMMAR = Grammar(
    sentence_handlers=HANDLERS,
    quote_drafts=quote_drafts,
    continuation_drafts=continuation_drafts,
    reported_mood=reported_mood,
)
