"""A spaCy rule-based tokenizer (no model) whose memory stays bounded on an endless stream.

spaCy's tokenizer keeps every new word it sees in its vocabulary: over the 1,028 10kGNAD articles
a German one grew to 56,000 words and 94,000 strings (about 27 MB, half a kilobyte a word), and a
corpus worker or the service would grow with the stream.  spaCy's ``memory_zone`` frees them, but
it made German tokenization 2.4 times slower (its cache then holds nothing).  This wrapper builds
the tokenizer again, in about 0.07 CPU-s, once it has learned :data:`MAX_WORDS` words: about 25 MB
at most, rebuilt about every 900 newspaper articles.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokenizer import Tokenizer

#: Words a tokenizer's vocabulary may hold before it is built again.
MAX_WORDS = 50_000

#: characters that only modify the one before them (combining marks, emoji skin tones, variation
#: selectors, tag characters), and a zero-width joiner with the character it joins.  spaCy may cut
#: before them ("👍" "🏽"); they are joined back, so that a grapheme ("👍🏽", "e\u0301", a family
#: of joined emoji) stays one token.
_MODIFIERS = re.compile(r"(?:[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f"
                        r"\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]|\u200d.?)+")


def _join_modifiers(tokens: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """``tokens`` with each leading run of modifiers (or the character a joiner joins, with its own
    modifiers) moved onto the token right before it."""
    joined: list[tuple[int, int, str]] = []
    for start, end, word in tokens:
        cut = 0
        if joined and joined[-1][1] == start:
            after_joiner = 1 if joined[-1][2].endswith("\u200d") else 0
            run = _MODIFIERS.match(word, after_joiner)
            cut = run.end() if run else after_joiner
        if not cut:
            joined.append((start, end, word))
            continue
        previous = joined.pop()
        joined.append((previous[0], start + cut, previous[2] + word[:cut]))
        if cut < len(word):
            joined.append((start + cut, end, word[cut:]))
    return joined


class RuleTokenizer:
    """Tokens of a text as (start, end, text), white space left out, from the tokenizer ``build`` makes."""

    def __init__(self, build: Callable[[], Tokenizer], max_words: int = MAX_WORDS) -> None:
        self._build = build
        self._max_words = max_words
        self._tokenizer: Tokenizer | None = None
        self._built_with = 0  # words in the vocabulary when it was built (its exceptions')

    @property
    def tokenizer(self) -> Tokenizer:
        """The current spaCy tokenizer, built on first use and again once it has learned
        ``max_words`` words since."""
        if self._tokenizer is None or len(self._tokenizer.vocab) - self._built_with > self._max_words:
            self._tokenizer = self._build()
            self._built_with = len(self._tokenizer.vocab)
        return self._tokenizer

    def __call__(self, text: str) -> list[tuple[int, int, str]]:
        tokens = [(t.idx, t.idx + len(t.text), t.text) for t in self.tokenizer(text) if not t.is_space]
        if text.isascii() or not _MODIFIERS.search(text):
            return tokens
        return _join_modifiers(tokens)
