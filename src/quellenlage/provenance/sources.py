"""A first typing of source mentions: person, organisation, media, state, vague, pronoun.

Lexicon-driven (the language's ``data/``): outlets, states and institutions, vague nouns ("Experten",
"Kreise") after the Wikipedia guideline on weasel words and the SPJ code on anonymous sources.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..lang import Lexicon
from ..model import SourceKind, Token


def classify_source(tokens: Sequence[Token], lexicon: Lexicon) -> SourceKind:
    """Type a source phrase from its tokens and the language's lexicon; ``ANONYMOUS`` when there is none."""
    # gender forms are words too: "Anwohner:innen", "Nutzer*innen"
    words = [t.text.lower() for t in tokens if t.text.replace(":", "").replace("*", "").isalnum()
             or "-" in t.text or "." in t.text]  # fmt: skip
    if not words:
        return SourceKind.ANONYMOUS
    joined = " ".join(words)
    org_endings, role_words = lexicon.word_tuple("organisation_endings"), lexicon.word_tuple("role_words")
    if len(words) == 1 and words[0] in lexicon.word_list("source_pronouns"):
        return SourceKind.PRONOUN
    if words[0] in lexicon.word_list("impersonal_sources"):
        return SourceKind.VAGUE
    if len(words) == 1 and words[0].startswith(role_words) and _plural(tokens, words[0], role_words, lexicon):
        return SourceKind.VAGUE  # "Experten", "Forscher": unnamed people of a trade, whatever the tagger read
    outlets, states = lexicon.outlets, lexicon.states
    if any(w in outlets for w in words) or any(name in joined for name in outlets if " " in name):
        return SourceKind.MEDIA
    # heads are matched in the genitive too ("eines Sprechers des Max-Planck-Instituts")
    genitive = lexicon.word_tuple("genitive_endings")
    heads = [w[: -len(e)] for w in words for e in genitive if w.endswith(e) and len(w) > len(e) + 3] + words
    if any(w.endswith(lexicon.word_tuple("state_endings")) for w in heads if w not in outlets):
        return SourceKind.STATE  # "Polizeipräsidium Westpfalz", "EU-Kommission", "Bundesamt für …"
    bare = " ".join(w for w in words if w not in lexicon.word_list("determiners"))
    if lexicon.names_a_state(bare):
        return SourceKind.STATE  # a country by its name of two words: "North Korea", "the United States"
    # a place is no part of a person's name: "Tesla in China" is not two names
    propn = [t for t in tokens if t.pos == "PROPN" and not is_place(t, lexicon)]
    if (len(propn) >= 2 and not any(w.endswith(org_endings) for w in heads)) or (
        propn and any(w.startswith(role_words) for w in words)
    ):
        return SourceKind.PERSON
    if any(w.endswith(org_endings) for w in heads):
        return SourceKind.ORGANISATION
    if any(w in states for w in words) or any(n in joined for n in states if " " in n):
        return SourceKind.STATE
    if any(w in lexicon.word_list("unnamed_insiders") for w in words):
        return SourceKind.ANONYMOUS  # "sechs Quellen aus dem Umfeld von Apple": insiders kept unnamed on purpose
    if any(w in lexicon.vague_sources for w in words):
        return SourceKind.VAGUE
    public = lexicon.word_list("public_nouns")  # unnamed members of the public, as an editor types them
    if any(w in public or w.rsplit("-", 1)[-1].split(":")[0].split("*")[0] in public for w in words):
        return SourceKind.VAGUE  # "eine Nutzerin", "Instagram-User", "die Anwohner:innen"
    if any(w.startswith(role_words) for w in words):
        return SourceKind.PERSON
    if any(is_acronym(t.text) for t in tokens):
        return SourceKind.ORGANISATION  # "BSI", "CMS", "Forum Waffenrecht (FWR)"
    return SourceKind.UNKNOWN


def _plural(tokens: Sequence[Token], word: str, roles: tuple[str, ...], lexicon: Lexicon) -> bool:
    """Whether a one-word role mention is plural: by the tagger, or by a plural ending on the role
    word ("Experten", "Ökonomen")."""
    if any(t.pos == "NOUN" and t.feature("Number") == "Plur" for t in tokens):
        return True
    return any(word == role + end for role in roles for end in lexicon.word_tuple("plural_endings"))


def outlet_named(tokens: Sequence[Token], lexicon: Lexicon) -> Token | None:
    """The outlet's own name in a source phrase: the last capitalised word the lexicon knows as an
    outlet ("Sun" in "die britische Zeitung „The Sun“", not the descriptor "Zeitung")."""
    known = [t for t in tokens if t.text[:1].isupper() and t.text.lower() in lexicon.outlets]
    return known[-1] if known else None


def is_place(token: Token, lexicon: Lexicon) -> bool:
    """A country or a state the lexicon knows ("China", "Bayern")."""
    return lexicon.country_of([token.text]) is not None or token.text.lower() in lexicon.states


def is_acronym(word: str) -> bool:
    """An abbreviation of capitals (two to six letters, digits allowed after the first): "BSI", "G7"."""
    return 2 <= len(word) <= 6 and word[0].isupper() and word.isupper() and word.isalnum()


__all__ = ["classify_source", "is_acronym", "is_place", "outlet_named"]
