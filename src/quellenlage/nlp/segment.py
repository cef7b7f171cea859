"""Tokens and sentences, one block (paragraph) at a time, in linear time on any input.

Each language finds its own tokens and sentences (``Language.sentences``: spaCy's rule-based
tokenizer with the language's sentence rules, ``lang/de/sentences.py`` and
``lang/en/sentences.py``); fed paragraph by paragraph, a headline is never glued to the next
sentence.  The guards below apply to every language, each reported as a :class:`Diagnostic` when
it acts:

- **Long runs without white space.**  A run longer than :data:`MAX_RUN` characters (no word or
  URL in the dev articles is longer than 91) is cut into pieces of that length, which bounds the
  work of any pattern that backtracks over a run (SoMaJo, the German tokenizer before session 27,
  took 12 s on ``"a." * 4000``).  Blocks longer than :data:`MAX_PIECE` characters are cut after a
  sentence end, so that memory stays bounded too; the 10kGNAD articles have paragraphs of up to
  33,000 characters.
- **Anything the language's splitter raises** makes that piece fall back to a plain tokenizer
  (words, numbers, single punctuation marks; a sentence ends after ``.!?``).

Sentences longer than :data:`MAX_SENTENCE_TOKENS` tokens (none in the dev articles is longer
than 130) are cut, so that the tagger and the rules never see an unbounded sentence.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from ..lang import Language
from ..lang import get as get_language
from ..model import Article, Diagnostic, Sentence, Severity, Span, Token

#: Longest run of non-space characters given to the splitter in one piece.
MAX_RUN = 200
#: Longest stretch of a block given to the splitter in one piece.
MAX_PIECE = 20_000
#: Longest sentence, in tokens, handed on to the tagger.
MAX_SENTENCE_TOKENS = 300

_LONG_RUN = re.compile(rf"\S{{{MAX_RUN + 1},}}")
_SENTENCE_END = re.compile(r"[.!?…][\"'“”‘’»«)]*\s+(?=\S)")
_FALLBACK_TOKEN = re.compile(r"\w+|[^\w\s]")


def _cuts(text: str) -> list[int]:
    """Offsets where ``text`` is cut into pieces for the splitter (always including 0 and ``len(text)``)."""
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
        return language.sentences(piece)
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
