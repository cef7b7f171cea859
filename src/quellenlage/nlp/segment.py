"""Tokens and sentences with SoMaJo, one block (paragraph) at a time.

SoMaJo (Proisl & Uhrig 2016) keeps German news abbreviations ("z. B.", "Prof."), ordinals and
dates ("16. Dezember 1991") and web tokens intact; fed paragraph by paragraph it never glues a
headline to the next sentence.  Its character offsets are relative to the paragraph given.
"""

from __future__ import annotations

from functools import lru_cache

from somajo import SoMaJo

from ..model import Article, Sentence, Span, Token


@lru_cache(maxsize=1)
def _somajo() -> SoMaJo:
    return SoMaJo("de_CMC", split_camel_case=False, split_sentences=True, character_offsets=True)


def segment(article: Article) -> tuple[tuple[Sentence, ...], tuple[Token, ...]]:
    """Split every block of the article into sentences of tokens with article offsets."""
    text = article.text
    sentences: list[Sentence] = []
    tokens: list[Token] = []
    tokenizer = _somajo()
    for block_index, block in enumerate(article.blocks):
        base = block.span.start
        for raw_sentence in tokenizer.tokenize_text([block.span.text]):
            first = len(tokens)
            for raw in raw_sentence:
                start, end = raw.character_offset
                if end <= start:
                    continue
                span = Span.of(text, base + start, base + end)
                tokens.append(Token(index=len(tokens), span=span, sentence=len(sentences)))
            if len(tokens) == first:
                continue
            sent_span = Span.of(text, tokens[first].span.start, tokens[-1].span.end)
            sentences.append(Sentence(len(sentences), sent_span, first, len(tokens), block_index))
    return tuple(sentences), tuple(tokens)
