"""The German lexicons, loaded once from ``lang/de/data`` (data files, not code)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache

from ...model import Medium
from . import LANGUAGE


@dataclass(frozen=True, slots=True)
class VerbCue:
    lemma: str
    medium: Medium
    distancing: bool
    act: bool  # also a speech act without a complement clause ("bezeichnete X als Y")


@lru_cache(maxsize=1)
def verb_cues() -> dict[str, VerbCue]:
    return {
        row[0]: VerbCue(row[0], Medium(row[1]), row[2] == "distancing", row[3] == "act")
        for row in LANGUAGE.read_table("cue_verbs.tsv")
    }


@lru_cache(maxsize=1)
def _source_nouns() -> tuple[tuple[str, Medium], ...]:
    return tuple((row[0], Medium(row[1])) for row in LANGUAGE.read_table("source_nouns.tsv"))


def source_noun_medium(word: str) -> Medium | None:
    """Medium of a statement noun after nach/laut ("Polizeiangaben" ends in "angaben")."""
    low = word.lower()
    # plural and compound forms: "Untersuchungen", "Behördenangaben", "Zeugenaussagen"
    forms = {low, low[:-1] if low.endswith(("n", "s")) else low, low[:-2] if low.endswith("en") else low}
    for stem, medium in _source_nouns():
        if any(form.endswith(stem) for form in forms):
            return medium
    return None


@lru_cache(maxsize=1)
def cue_nouns() -> dict[str, Medium]:
    return {row[0]: Medium(row[1]) for row in LANGUAGE.read_table("cue_nouns.tsv")}


@lru_cache(maxsize=1)
def vague_sources() -> frozenset[str]:
    return frozenset(LANGUAGE.read_lines("vague_sources.txt"))


@lru_cache(maxsize=1)
def hedge_words() -> dict[str, str]:
    return {row[0]: row[1] for row in LANGUAGE.read_table("hedges.tsv")}


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    name: str
    adjective: str


@lru_cache(maxsize=1)
def countries() -> tuple[Country, ...]:
    return tuple(Country(*row[:3]) for row in LANGUAGE.read_table("countries.tsv"))


def country_of(words: list[str]) -> str | None:
    """ISO code of the first country named in ``words`` by name or adjective ("kasachischen")."""
    for word in words:
        low = word.lower()
        for c in countries():
            if low == c.name.lower() or (len(low) > len(c.adjective) and low.startswith(c.adjective)):
                return c.iso
    return None


@lru_cache(maxsize=1)
def loaded_words() -> tuple[str, ...]:
    return LANGUAGE.read_lines("loaded_words.tsv")


@lru_cache(maxsize=1)
def denial_lemmas() -> frozenset[str]:
    return frozenset(LANGUAGE.read_lines("denials.tsv"))


@lru_cache(maxsize=1)
def platforms() -> frozenset[str]:
    return frozenset(LANGUAGE.read_lines("platforms.txt"))


@lru_cache(maxsize=1)
def outlet_names() -> tuple[str, ...]:
    """Outlet names as written in the lexicon (for display: "Express", "News.de")."""
    return LANGUAGE.read_lines("outlets.txt")


@lru_cache(maxsize=1)
def outlets() -> frozenset[str]:
    """Outlet names, lower-cased, for matching."""
    return frozenset(name.lower() for name in outlet_names())


@lru_cache(maxsize=1)
def states() -> frozenset[str]:
    """States and state institutions."""
    return frozenset(LANGUAGE.read_lines("states.txt"))


@lru_cache(maxsize=1)
def quantity_pattern() -> re.Pattern[str]:
    """Quantities and number words (one pattern, for a lower-cased word)."""
    return re.compile(LANGUAGE.read_lines("quantity_words.txt")[0])


@cache
def word_list(name: str) -> frozenset[str]:
    """One of the small closed word lists of ``data/word_lists.tsv`` ("determiners", "first_person", …)."""
    for row in LANGUAGE.read_table("word_lists.tsv"):
        if row[0] == name:
            return frozenset(row[1].split())
    raise KeyError(f"no German word list {name!r} in word_lists.tsv")
