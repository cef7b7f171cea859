"""Languages as plug-ins: a :class:`Language` is looked up by its code and owns what is particular to it.

As in spaCy (``spacy.util.get_lang_class``), each language is a package, ``quellenlage.lang.<code>``,
that defines ``LANGUAGE``: its code and name, the settings of its segmenter and lemmatiser, its
models (``models/``) and its lexicons as data files (``data/``).  The article's language (detected
or given) selects the Language, and the stages consult it.  ``available()`` lists the languages
the analysis covers; adding one is adding a package and its line in :data:`REGISTRY`.

A language package sits above the shared kernels (the sentence view, quote pairing, drafts):
its ``grammar`` module (the construction handlers and the reading of mood) may import them, while
the stages reach a language only through :func:`get` and ``Language.grammar()``.  The lexicons are
data files read by the neutral :class:`~quellenlage.lang.lexicon.Lexicon` (``Language.lexicon``).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path
from types import ModuleType

from ..errors import ResourceError, UnsupportedLanguageError
from ..model import Article, Token
from .lexicon import Lexicon

#: code → the package that defines the language: the languages users are offered.
REGISTRY = {"de": "quellenlage.lang.de", "en": "quellenlage.lang.en"}
#: languages in the making: reachable by :func:`get` (the evaluation, the tests), not offered to
#: users (not in :func:`available`, refused at ingestion).  English moves to REGISTRY when it meets
#: its targets (issue 17).
PREVIEW: dict[str, str] = {}
#: the language assumed when detection cannot tell (a text too short or too mixed)
DEFAULT = "de"

#: quotation marks of the European conventions, each opening mark with the marks that close it:
#: German „…“ and ‚…‘, French-order »…« and Swiss «…», English “…” (straight "…" toggles)
EUROPEAN_QUOTES = (("„", "“”"), ("“", "”"), ("»", "«"), ("«", "»"), ("‚", "‘’"), ("‹", "›"), ("›", "‹"))
#: marks that run either way: such a mark opens a quote only where it closes none that is open
REVERSIBLE_QUOTES = "»«›‹"


@dataclass(frozen=True, slots=True)
class Language:
    """One language the analysis covers, and where its data and models are."""

    code: str  # ISO 639-1
    name: str  # in English, for messages
    package: str  # the package holding data/ and models/
    #: the language's tokens and sentences for a piece of one block: sentences of (start, end)
    #: offsets into the piece (``lang/<code>/sentences.py``: spaCy's tokenizer and sentence rules)
    sentences: Callable[[str], list[list[tuple[int, int]]]]
    lemmatizer: str  # simplemma's language code
    tagger_model: str  # the spaCy pipeline under models/
    attribution_model: str | None = None  # the trained attribution tagger under models/, if any
    labels: tuple[tuple[str, str], ...] = ()  # language-neutral codes → this language's own words
    #: repairs of the tagger's known misreadings, run after tagging, before any rule or feature
    repair_tags: Callable[[Sequence[Token]], list[Token]] | None = None
    #: each opening quotation mark with the marks that close it, and the marks that run either way
    quote_marks: tuple[tuple[str, str], ...] = EUROPEAN_QUOTES
    reversible_quotes: str = REVERSIBLE_QUOTES
    #: marks that open and close alike, one token each: the straight '"', and in English the "''"
    #: some newspapers set (the New York Times in PolNeAR: ''We will win,'' he said)
    straight_quotes: tuple[str, ...] = ('"',)
    #: characters the tagger's training data writes otherwise (English UD writes "'s", not "’s"):
    #: the tagger sees the replacement, the article text never changes
    tagger_characters: tuple[tuple[str, str], ...] = ()
    #: whether the parser must keep each sentence of the segmenter whole (one root): English's split
    #: sentences at closing quotation marks; German's measured mixed (docs/ENGLISH.md, session 25)
    one_root: bool = False

    @property
    def lexicon(self) -> Lexicon:
        """The language's lexicons (its ``data/`` files), loaded once per process."""
        return _lexicon(self)

    def grammar(self) -> ModuleType:
        """The language's ``grammar`` module: its construction handlers and its reading of mood.

        The attribution stage checks it against ``attribution.plugin.Grammar``.
        """
        return importlib.import_module(f"{self.package}.grammar")

    def tagger_form(self, word: str) -> str:
        """``word`` as the tagger is given it (``tagger_characters`` replaced)."""
        for old, new in self.tagger_characters:
            word = word.replace(old, new)
        return word

    @property
    def quote_characters(self) -> frozenset[str]:
        """Every quotation mark of the language, opening or closing, and the straight one."""
        return frozenset("".join(opener + closers for opener, closers in self.quote_marks) + '"')

    def label(self, code: str) -> str:
        """The language's own word for a neutral code (``subjunctive`` → "Konjunktiv"), else the code."""
        return dict(self.labels).get(code, code)

    def path(self, *parts: str) -> Path:
        """A bundled file of this language (``data/…`` or ``models/…``)."""
        path = Path(str(resources.files(self.package).joinpath(*parts)))
        if not path.exists():
            raise ResourceError(f"the {self.name} resource {'/'.join(parts)} is missing", path=str(path))
        return path

    def optional_path(self, *parts: str) -> Path | None:
        """A bundled file the language may leave out (``data/synonyms.txt``), or None."""
        path = Path(str(resources.files(self.package).joinpath(*parts)))
        return path if path.is_file() else None

    def read_lines(self, name: str) -> tuple[str, ...]:
        """Non-empty, non-comment lines of the data file ``name`` (``#`` starts a comment line)."""
        return _read_lines(self.path("data", name))

    def read_table(self, name: str) -> tuple[tuple[str, ...], ...]:
        """Rows of the tab-separated data file ``name``, comments and blank lines skipped."""
        return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in self.read_lines(name))


@cache
def _read_lines(path: Path) -> tuple[str, ...]:
    text = path.read_text(encoding="utf-8")
    return tuple(line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def _lexicon(language: Language) -> Lexicon:
    return Lexicon(language)


def available() -> list[str]:
    """The codes of the languages the analysis covers."""
    return sorted(REGISTRY)


@cache
def get(code: str) -> Language:
    """The language with ``code``.

    Raises:
        UnsupportedLanguageError: no language with that code is available (the message names those that are).
    """
    package = REGISTRY.get(code) or PREVIEW.get(code)
    if package is None:
        supported = ", ".join(available())
        raise UnsupportedLanguageError(f"no analysis for the language {code!r}; available: {supported}",
                                       language=code, hint=f"use one of: {supported}")  # fmt: skip
    language: Language = importlib.import_module(package).LANGUAGE
    return language


def of(article: Article) -> Language:
    """The language of ``article`` (``article.metadata.language``, detected or given at ingestion)."""
    return get(article.metadata.language)


__all__ = [
    "DEFAULT", "EUROPEAN_QUOTES", "PREVIEW", "REGISTRY", "REVERSIBLE_QUOTES", "Language", "Lexicon", "available",
    "get", "of",
]  # fmt: skip
