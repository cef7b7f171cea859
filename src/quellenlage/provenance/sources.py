"""A first typing of source mentions: person, organisation, media, state, vague, pronoun.

Lexicon-driven (lang/de/data): outlets, states and institutions, vague nouns ("Experten",
"Kreise") after the Wikipedia guideline on weasel words and the SPJ code on anonymous sources.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from ..lang.de import LANGUAGE as GERMAN
from ..lang.de.lexicons import vague_sources
from ..model import SourceKind, Token

ORG_WORDS = ("council", "verband", "institut", "partei", "organisation", "stiftung", "universität",
              "konzern", "unternehmen", "gesellschaft", "verein", "gewerkschaft", "ag", "gmbh",
              "bank", "gruppe", "komitee", "kommission", "fraktion", "amnesty", "greenpeace",
              "wwf", "foundation", "institute", "association", "club", "union", "authority", "agency",
              "nations", "office", "ministry", "management", "council", "behörde", "amt", "ministerium")  # fmt: skip
_PRONOUNS = frozenset({"er", "sie", "es", "ihm", "ihr", "dieser", "diese", "jener", "denen", "der", "die"})
ROLE_WORDS = ("professor", "minister", "sprecher", "präsident", "chef", "direktor", "leiter",
               "kanzler", "botschafter", "experte", "anwalt", "richter", "abgeordnet", "bürgermeister",
               "vorsitzend", "stabschef", "autor", "forscher", "wissenschaftler", "analyst")  # fmt: skip


@lru_cache(maxsize=1)
def _outlets() -> frozenset[str]:
    return frozenset(name.lower() for name in GERMAN.read_lines("outlets.txt"))


@lru_cache(maxsize=1)
def _states() -> frozenset[str]:
    return frozenset(GERMAN.read_lines("states.txt"))


def classify_source(tokens: Sequence[Token]) -> SourceKind:
    """Type a source phrase from its tokens; ``ANONYMOUS`` when there is none."""
    words = [t.text.lower() for t in tokens if t.text.isalnum() or "-" in t.text or "." in t.text]
    if not words:
        return SourceKind.ANONYMOUS
    joined = " ".join(words)
    if len(words) == 1 and words[0] in _PRONOUNS:
        return SourceKind.PRONOUN
    if words[0] in ("man",):
        return SourceKind.VAGUE
    if any(w in _outlets() for w in words) or any(name in joined for name in _outlets() if " " in name):
        return SourceKind.MEDIA
    propn = [t for t in tokens if t.pos == "PROPN"]
    if (len(propn) >= 2 and not any(w.endswith(ORG_WORDS) for w in words)) or (
        propn and any(w.startswith(ROLE_WORDS) for w in words)
    ):
        return SourceKind.PERSON
    if any(w.endswith(ORG_WORDS) for w in words):
        return SourceKind.ORGANISATION
    if any(w in _states() for w in words) or any(n in joined for n in _states() if " " in n):
        return SourceKind.STATE
    if any(w in vague_sources() for w in words):
        return SourceKind.VAGUE
    if any(w.startswith(ROLE_WORDS) for w in words):
        return SourceKind.PERSON
    return SourceKind.UNKNOWN


__all__ = ["classify_source"]
