"""Provenance: source typing and hedging (chains, claims and headline support come next)."""

from .hedging import MarkHedges, find_hedges
from .sources import classify_source

__all__ = ["MarkHedges", "classify_source", "find_hedges"]
