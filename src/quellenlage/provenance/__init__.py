"""Provenance: source entities, chains, claims, hedging and the headline check."""

from .hedging import MarkHedges, find_hedges
from .sources import classify_source
from .stage import Provenance
from .summary import sourcing

__all__ = ["MarkHedges", "Provenance", "classify_source", "find_hedges", "sourcing"]
