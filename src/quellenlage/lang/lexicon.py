"""A language's lexicons: its data files (``lang/<code>/data``) read once, behind one interface.

The file names and formats are the same for every language; only their contents differ.  The
stages ask the article's language for its lexicon (``language.lexicon``) and never name a word.

- ``cue_verbs.tsv``: lemma, medium, ``distancing`` or not, ``act`` or not (also a speech act without
  a complement clause);
- ``cue_nouns.tsv``, ``source_nouns.tsv``: a noun (or the end of one) and its medium;
- ``hedges.tsv``: a hedging word and its kind; ``countries.tsv``: ISO code, name, adjective stem;
- ``platforms.tsv``: a word that names a channel, and the channel if it is another word;
- one entry a line: ``vague_sources.txt``, ``generalisations.txt``, ``loaded_words.tsv``, ``denials.tsv``,
  ``outlets.txt``, ``states.txt``; ``quantity_words.txt`` holds one regular expression;
- ``word_lists.tsv``: the small closed word lists, a name and its words a line, read by ``word_list``;
- ``synonyms.txt`` (optional): synonym sets, one a line, read by ``synonyms``;
- ``first_names.txt`` (optional): given names, one a line, read by ``first_names`` (evidence that
  "Vorname Nachname" names a person; without the file, two capitalised names count as a person);
- ``tags.tsv``: the tagset's tags for the neutral names the code asks for (``finite``,
  ``verb_particle``, ``participle``, …), a name and its tags a line, read by ``tags``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING

from ..model import Medium

if TYPE_CHECKING:
    from . import Language


@dataclass(frozen=True, slots=True)
class VerbCue:
    lemma: str
    medium: Medium
    distancing: bool
    act: bool  # also a speech act without a complement clause ("bezeichnete X als Y")


@dataclass(frozen=True, slots=True)
class Country:
    iso: str
    name: str
    adjective: str  # the stem of the adjective ("kasachisch"), matched as a prefix


class Lexicon:
    """The lexicons of one language, each loaded on first use."""

    def __init__(self, language: Language) -> None:
        self.language = language
        self._word_lists: dict[str, frozenset[str]] | None = None
        self._word_tuples: dict[str, tuple[str, ...]] = {}
        self._tags: dict[str, frozenset[str]] | None = None

    @cached_property
    def verb_cues(self) -> dict[str, VerbCue]:
        rows = self.language.read_table("cue_verbs.tsv")
        return {row[0]: VerbCue(row[0], Medium(row[1]), row[2] == "distancing", row[3] == "act") for row in rows}

    @cached_property
    def distancing_verbs(self) -> frozenset[str]:
        return frozenset(lemma for lemma, cue in self.verb_cues.items() if cue.distancing)

    @cached_property
    def cue_nouns(self) -> dict[str, Medium]:
        return {row[0]: Medium(row[1]) for row in self.language.read_table("cue_nouns.tsv")}

    @cached_property
    def _source_nouns(self) -> tuple[tuple[str, Medium], ...]:
        return tuple((row[0], Medium(row[1])) for row in self.language.read_table("source_nouns.tsv"))

    def source_noun_medium(self, word: str) -> Medium | None:
        """Medium of a statement noun after a source preposition ("Polizeiangaben" ends in "angaben")."""
        low = word.lower()
        # plural and compound forms: "Untersuchungen", "Behördenangaben", "Zeugenaussagen"
        forms = {low} | {low[: -len(end)] for end in self.word_list("plural_endings") if low.endswith(end)}
        for stem, medium in self._source_nouns:
            if any(form.endswith(stem) for form in forms):
                return medium
        return None

    @cached_property
    def vague_sources(self) -> frozenset[str]:
        return frozenset(self.language.read_lines("vague_sources.txt"))

    @cached_property
    def hedge_words(self) -> dict[str, str]:
        return {row[0]: row[1] for row in self.language.read_table("hedges.tsv")}

    @cached_property
    def countries(self) -> tuple[Country, ...]:
        return tuple(Country(*row[:3]) for row in self.language.read_table("countries.tsv"))

    def country_of(self, words: list[str]) -> str | None:
        """ISO code of the first country named in ``words`` by name or adjective ("kasachischen")."""
        for k, word in enumerate(words):
            low = word.lower()
            for c in self.countries:
                if low == c.name.lower() or (len(low) > len(c.adjective) and low.startswith(c.adjective)):
                    return c.iso
                if " " in c.name and " ".join(words[k : k + c.name.count(" ") + 1]).lower() == c.name.lower():
                    return c.iso  # a name of two or more words: "North Korea"
        return None

    def names_a_state(self, phrase: str) -> bool:
        """Whether ``phrase`` of two or more words is, whole, a state or country the lexicon knows
        ("North Korea", "United States"); single words are matched by ``states`` and ``country_of``."""
        low = phrase.lower()
        return " " in low and (low in self.states or any(c.name.lower() == low for c in self.countries))

    def country_name(self, iso: str) -> str:
        """The language's name of the country ``iso`` (the code itself if the lexicon lacks it)."""
        return next((c.name for c in self.countries if c.iso == iso), iso)

    @cached_property
    def loaded_words(self) -> tuple[str, ...]:
        return self.language.read_lines("loaded_words.tsv")

    @cached_property
    def denial_lemmas(self) -> frozenset[str]:
        return frozenset(self.language.read_lines("denials.tsv"))

    @cached_property
    def platforms(self) -> dict[str, str]:
        """Words that name a channel, as written → the channel ("Tweet" → "Twitter")."""
        return {row[0]: row[-1] for row in self.language.read_table("platforms.tsv")}

    @cached_property
    def outlet_names(self) -> tuple[str, ...]:
        """Outlet names as written in the lexicon (for display: "Express", "News.de")."""
        return self.language.read_lines("outlets.txt")

    @cached_property
    def outlets(self) -> frozenset[str]:
        """Outlet names, lower-cased, for matching."""
        return frozenset(name.lower() for name in self.outlet_names)

    @cached_property
    def states(self) -> frozenset[str]:
        """States and state institutions."""
        return frozenset(self.language.read_lines("states.txt"))

    @cached_property
    def generalisation_pattern(self) -> re.Pattern[str]:
        """Words and phrases that claim a trend or a totality ("immer mehr", "alle"), one a line of
        ``generalisations.txt``, as one pattern for lower-cased text."""
        phrases = "|".join(re.escape(line.strip()) for line in self.language.read_lines("generalisations.txt"))
        return re.compile(rf"\b({phrases})\b")

    @cached_property
    def quantity_pattern(self) -> re.Pattern[str]:
        """Quantities and number words (one pattern, for a lower-cased word)."""
        return re.compile(self.language.read_lines("quantity_words.txt")[0])

    @cached_property
    def _synonym_table(self) -> tuple[tuple[str, ...], dict[str, int | tuple[int, ...]]]:
        """The synonym sets as lines, and for each word the line (or lines) it is on: read straight
        from the file, not kept as a list of lines too (the German table indexes 87,000 words)."""
        path = self.language.optional_path("data", "synonyms.txt")
        if path is None:
            return (), {}  # a language without a synonym table matches words by their form only
        lines = tuple(line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#")
        index: dict[str, int | tuple[int, ...]] = {}
        for k, line in enumerate(lines):
            for word in line.split():
                seen = index.get(word)
                index[word] = k if seen is None else (*(seen if isinstance(seen, tuple) else (seen,)), k)
        return lines, index

    @cached_property
    def first_names(self) -> frozenset[str] | None:
        """Given names (``first_names.txt``), or None for a language without the list."""
        path = self.language.optional_path("data", "first_names.txt")
        if path is None:
            return None
        return frozenset(line for line in path.read_text(encoding="utf-8").splitlines() if line and line[0] != "#")

    def synonyms(self, word: str) -> frozenset[str]:
        """The words that share a synonym set with ``word`` (lower case; ``synonyms.txt``)."""
        lines, index = self._synonym_table
        low = word.lower()
        found = index.get(low)
        if found is None:
            return frozenset()
        return frozenset(w for k in (found if isinstance(found, tuple) else (found,)) for w in lines[k].split()) - {low}

    def word_list(self, name: str) -> frozenset[str]:
        """One of the small closed word lists of ``data/word_lists.tsv`` ("determiners", "first_person", …)."""
        if self._word_lists is None:
            self._word_lists = {row[0]: frozenset(" ".join(row[1:]).split())
                               for row in self.language.read_table("word_lists.tsv")}  # fmt: skip
        try:
            return self._word_lists[name]
        except KeyError:
            raise KeyError(f"no {self.language.name} word list {name!r} in word_lists.tsv") from None

    def word_tuple(self, name: str) -> tuple[str, ...]:
        """The word list ``name`` as a sorted tuple (for ``str.startswith``/``str.endswith``)."""
        if name not in self._word_tuples:
            self._word_tuples[name] = tuple(sorted(self.word_list(name)))
        return self._word_tuples[name]

    def tags(self, name: str) -> frozenset[str]:
        """The language tagset's tags (``Token.tag``) for the neutral name ``name`` (``data/tags.tsv``)."""
        if self._tags is None:
            self._tags = {row[0]: frozenset(" ".join(row[1:]).split()) for row in self.language.read_table("tags.tsv")}
        try:
            return self._tags[name]
        except KeyError:
            raise KeyError(f"no {self.language.name} tag set {name!r} in tags.tsv") from None


__all__ = ["Country", "Lexicon", "VerbCue"]
