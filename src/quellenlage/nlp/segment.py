"""Tokens and sentences, one block (paragraph) at a time, in linear time on any input.

SoMaJo finds them where the language names its model (German), else the language's own splitter
does (English: spaCy's tokenizer and sentence rules, ``lang/en/sentences.py``); the guards below
apply to both.

SoMaJo (Proisl & Uhrig 2016) keeps German news abbreviations ("z. B.", "Prof."), ordinals and
dates ("16. Dezember 1991") and web tokens intact; fed paragraph by paragraph it never glues a
headline to the next sentence.  Its character offsets are relative to the text given.

Three guards make it safe on hostile input, each reported as a :class:`Diagnostic` when it acts:

- **Long runs without white space.**  SoMaJo's patterns for domain names and e-mail addresses
  (``\\b[\\w./-]+\\.(?:de|com|…)``) backtrack over a whole run of word characters and dots, so
  ``"a." * 4000`` took 12 s and doubling it quadruples that.  A run longer than :data:`MAX_RUN`
  characters (no word or URL in the dev articles is longer than 91) is cut into pieces of that
  length, which bounds the work per piece.  Blocks longer than :data:`MAX_PIECE` characters are cut
  after a sentence end, so that memory stays bounded too; the 10kGNAD articles have paragraphs of up
  to 33,000 characters.
- **Characters SoMaJo cannot align.**  Its offset alignment asserts that normalising to NFC keeps
  a character's length; 15 Tibetan letters and vowel signs (U+0F43 …) decompose into two.  Every
  character whose NFC form is longer than itself is given to SoMaJo as "x" (offsets are kept, and
  the article text is never changed).
- **Anything else SoMaJo raises** makes that piece fall back to a plain tokenizer (words,
  numbers, single punctuation marks; a sentence ends after ``.!?``).

Sentences longer than :data:`MAX_SENTENCE_TOKENS` tokens (none in the dev articles is longer
than 130) are cut, so that the tagger and the rules never see an unbounded sentence.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

import regex
from somajo import SoMaJo

from ..lang import Language
from ..lang import get as get_language
from ..model import Article, Diagnostic, Sentence, Severity, Span, Token

#: Longest run of non-space characters given to SoMaJo in one piece.
MAX_RUN = 200
#: Longest stretch of a block given to SoMaJo in one piece.
MAX_PIECE = 20_000
#: Longest sentence, in tokens, handed on to the tagger.
MAX_SENTENCE_TOKENS = 300

# SoMaJo looks for emoji grapheme by grapheme with an uncompiled pattern (regex.search per
# character): 16 % of the whole analysis of the dev articles.  A text with no emoji character at
# all has nothing to split, so one compiled search decides whether its scan runs.
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Presentation}\uFE0F]")
_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_SENTENCE_END = re.compile(r"[.!?…][\"'“”‘’»«)]*\s+(?=\S)")
_FALLBACK_TOKEN = re.compile(r"\w+|[^\w\s]")


def _skip_emoji_scan_without_emoji(tokenizer: object) -> None:
    scan = getattr(tokenizer, "_split_emojis", None)
    if scan is None:  # another SoMaJo version: keep its own behaviour
        return

    def split_emojis(node: Any, token_class: str = "emoticon") -> None:
        if _EMOJI.search(node.value.text):
            scan(node, token_class)

    tokenizer._split_emojis = split_emojis  # type: ignore[attr-defined]


@lru_cache(maxsize=8)
def _somajo(model: str, offsets: bool = False) -> SoMaJo:
    """SoMaJo with the language model ``model`` (a Language's ``somajo_model``), built once; with
    ``offsets`` it aligns its tokens to the input itself."""
    somajo = SoMaJo(model, split_camel_case=False, split_sentences=True, character_offsets=offsets)
    _skip_emoji_scan_without_emoji(getattr(somajo, "_tokenizer", None))
    return somajo


def _aligned(piece: str, sentences: list[list[Any]]) -> list[list[tuple[int, int]]] | None:
    """Token offsets found by reading the tokens off the text in order; ``None`` where a token is not
    the next text after white space (SoMaJo normalised it: NFC, control characters, spaces inside)."""
    out = []
    cursor = 0
    for sentence in sentences:
        spans = []
        for raw in sentence:
            start = piece.find(raw.text, cursor)
            if start < 0 or (start != cursor and not piece[cursor:start].isspace()):
                return None
            cursor = start + len(raw.text)
            spans.append((start, cursor))
        out.append(spans)
    return out


@lru_cache(maxsize=4096)
def _nfc_grows(char: str) -> bool:
    return len(unicodedata.normalize("NFC", char)) > 1


def _alignable(text: str) -> str:
    """``text`` with every character whose NFC form is longer replaced by "x" (same offsets)."""
    if text.isascii():
        return text
    return "".join("x" if _nfc_grows(c) else c for c in text)


def _cuts(text: str) -> list[int]:
    """Offsets where ``text`` is cut into pieces for SoMaJo (always including 0 and ``len(text)``)."""
    cuts = {0, len(text)}
    for run in _LONG_RUN.finditer(text):
        cuts.update(range(run.start() + MAX_RUN, run.end(), MAX_RUN))
    start = 0
    while len(text) - start > MAX_PIECE:
        window_end = start + MAX_PIECE
        ends = [m.end() for m in _SENTENCE_END.finditer(text, start + MAX_PIECE // 2, window_end)]
        if not ends:
            space = text.rfind(" ", start + 1, window_end)
            ends = [space + 1] if space > start else [window_end]
        cuts.add(ends[-1])
        start = ends[-1]
    return sorted(cuts)


def _fallback(piece: str) -> Iterator[list[tuple[int, int]]]:
    sentence: list[tuple[int, int]] = []
    for match in _FALLBACK_TOKEN.finditer(piece):
        sentence.append(match.span())
        if match.group() in ".!?":
            yield sentence
            sentence = []
    if sentence:
        yield sentence


def _tokenize(piece: str, language: Language, diagnostics: list[Diagnostic]) -> list[list[tuple[int, int]]]:
    """Sentences of (start, end) token offsets into ``piece``."""
    try:
        if language.sentences is not None:
            return language.sentences(piece)
        model = language.somajo_model
        if model is None:
            raise ValueError(f"{language.name} names neither SoMaJo's model nor its own sentence splitter")
        text = _alignable(piece)
        aligned = _aligned(text, list(_somajo(model).tokenize_text([text])))
        if aligned is not None:
            return aligned
        # SoMaJo's own alignment: 30 % of its time, so only where reading the tokens off failed
        return [[raw.character_offset for raw in sentence] for sentence in _somajo(model, True).tokenize_text([text])]
    except Exception as exc:
        diagnostics.append(Diagnostic(
            "tokenizer_fallback",
            f"the tokenizer failed on a stretch of {len(piece)} characters ({type(exc).__name__}); "
            "it was split into words and punctuation by a simpler rule",
        ))  # fmt: skip
        return list(_fallback(piece))


def segment(article: Article, language: Language | None = None,
            ) -> tuple[tuple[Sentence, ...], tuple[Token, ...], tuple[Diagnostic, ...]]:  # fmt: skip
    """Split every block of the article into sentences of tokens with article offsets.

    ``language`` defaults to the article's own (``article.metadata.language``).
    """
    language = language or get_language(article.metadata.language)
    text = article.text
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    diagnostics: list[Diagnostic] = []
    cut_runs = cut_sentences = 0

    def close(first: int, block_index: int) -> None:
        sent_span = Span.of(text, tokens[first].span.start, tokens[-1].span.end)
        sentences.append(Sentence(len(sentences), sent_span, first, len(tokens), block_index))

    for block_index, block in enumerate(article.blocks):
        cuts = _cuts(block.span.text)
        cut_runs += sum(1 for c in cuts[1:-1] if not block.span.text[c - 1].isspace())
        for piece_start, piece_end in itertools.pairwise(cuts):
            base = block.span.start + piece_start
            for raw_sentence in _tokenize(block.span.text[piece_start:piece_end], language, diagnostics):
                first = len(tokens)
                for start, end in raw_sentence:
                    if end <= start:
                        continue
                    if len(tokens) - first == MAX_SENTENCE_TOKENS:
                        close(first, block_index)
                        first = len(tokens)
                        cut_sentences += 1
                    tokens.append(Token(index=len(tokens), span=Span.of(text, base + start, base + end),
                                        sentence=len(sentences)))  # fmt: skip
                if len(tokens) > first:
                    close(first, block_index)
    if cut_runs:
        diagnostics.append(Diagnostic(
            "long_run_cut", f"{cut_runs} cut(s) inside runs of over {MAX_RUN} characters without a space "
            "(no word is that long); tokens were split there", Severity.INFO,
        ))  # fmt: skip
    if cut_sentences:
        diagnostics.append(Diagnostic(
            "long_sentence_cut", f"{cut_sentences} cut(s) inside sentences of over {MAX_SENTENCE_TOKENS} tokens",
            Severity.INFO,
        ))  # fmt: skip
    return tuple(sentences), tuple(tokens), tuple(diagnostics)
