"""A first typing of source mentions: person, organisation, media, state, vague, pronoun.

Lexicon-driven (lang/de/data): outlets, states and institutions, vague nouns ("Experten",
"Kreise") after the Wikipedia guideline on weasel words and the SPJ code on anonymous sources.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lang.de.lexicons import (
    impersonal_sources,
    org_words,
    outlets,
    role_words,
    source_pronouns,
    states,
    vague_sources,
)
from ..model import SourceKind, Token


def classify_source(tokens: Sequence[Token]) -> SourceKind:
    """Type a source phrase from its tokens; ``ANONYMOUS`` when there is none."""
    words = [t.text.lower() for t in tokens if t.text.isalnum() or "-" in t.text or "." in t.text]
    if not words:
        return SourceKind.ANONYMOUS
    joined = " ".join(words)
    if len(words) == 1 and words[0] in source_pronouns():
        return SourceKind.PRONOUN
    if words[0] in impersonal_sources():
        return SourceKind.VAGUE
    if any(w in outlets() for w in words) or any(name in joined for name in outlets() if " " in name):
        return SourceKind.MEDIA
    propn = [t for t in tokens if t.pos == "PROPN"]
    if (len(propn) >= 2 and not any(w.endswith(org_words()) for w in words)) or (
        propn and any(w.startswith(role_words()) for w in words)
    ):
        return SourceKind.PERSON
    if any(w.endswith(org_words()) for w in words):
        return SourceKind.ORGANISATION
    if any(w in states() for w in words) or any(n in joined for n in states() if " " in n):
        return SourceKind.STATE
    if any(w in vague_sources() for w in words):
        return SourceKind.VAGUE
    if any(w.startswith(role_words()) for w in words):
        return SourceKind.PERSON
    return SourceKind.UNKNOWN


__all__ = ["classify_source"]
