"""A first typing of source mentions: person, organisation, media, state, vague, pronoun.

Lexicon-driven (lang/de/data): outlets, states and institutions, vague nouns ("Experten",
"Kreise") after the Wikipedia guideline on weasel words and the SPJ code on anonymous sources.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lang.de.lexicons import outlets, states, vague_sources, word_list
from ..model import SourceKind, Token

# German word lists (lang/de/data/word_lists.tsv), loaded once
ORG_ENDINGS = tuple(sorted(word_list("organisation_endings")))
ROLE_WORDS = tuple(sorted(word_list("role_words")))
_PRONOUNS = word_list("source_pronouns")
_IMPERSONAL = word_list("impersonal_sources")


def classify_source(tokens: Sequence[Token]) -> SourceKind:
    """Type a source phrase from its tokens; ``ANONYMOUS`` when there is none."""
    words = [t.text.lower() for t in tokens if t.text.isalnum() or "-" in t.text or "." in t.text]
    if not words:
        return SourceKind.ANONYMOUS
    joined = " ".join(words)
    if len(words) == 1 and words[0] in _PRONOUNS:
        return SourceKind.PRONOUN
    if words[0] in _IMPERSONAL:
        return SourceKind.VAGUE
    if any(w in outlets() for w in words) or any(name in joined for name in outlets() if " " in name):
        return SourceKind.MEDIA
    propn = [t for t in tokens if t.pos == "PROPN"]
    if (len(propn) >= 2 and not any(w.endswith(ORG_ENDINGS) for w in words)) or (
        propn and any(w.startswith(ROLE_WORDS) for w in words)
    ):
        return SourceKind.PERSON
    if any(w.endswith(ORG_ENDINGS) for w in words):
        return SourceKind.ORGANISATION
    if any(w in states() for w in words) or any(n in joined for n in states() if " " in n):
        return SourceKind.STATE
    if any(w in vague_sources() for w in words):
        return SourceKind.VAGUE
    if any(w.startswith(ROLE_WORDS) for w in words):
        return SourceKind.PERSON
    return SourceKind.UNKNOWN


__all__ = ["classify_source"]
