"""Scraped plain text to an article: drop boilerplate lines, find headline, standfirst, subheads.

The heuristics follow the layout of German news pages as copied from a browser: an optional
section kicker ("Politik"), the headline, a standfirst or image caption, share buttons, the body
with subheadings (short lines without final punctuation), then follow-us lines, author codes
("/fka/news.de") and topic lists.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import lang
from ..model import Article, Block, BlockKind, Metadata, Span
from .assemble import assemble, clean_line

# an image credit at the end of a line: a credit word of any available language (``credit_words``),
# a colon, and an agency, a slash or a © before the line ends
_AGENCIES = r"/|\||dpa|AFP|Reuters|picture alliance|Getty|imago|iStock|Shutterstock|AP\b|Keystone|©"
_FINAL = re.compile(r"[.!?:;…]$")
_CLOSERS = "\"'“”‘’»«›‹)]"
_KICKER_MAX_WORDS = 3
_SUBHEAD_MAX = 160
_STANDFIRST_MAX = 320


@lru_cache(maxsize=1)
def _credit() -> re.Pattern[str]:
    words = sorted({w for code in lang.available() for w in lang.get(code).lexicon.word_list("credit_words")})
    return re.compile(rf"\s*(?:{'|'.join(words)})\s*:\s*(?=[^.!?]*(?:{_AGENCIES}))[^\n]*$", re.IGNORECASE)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    """The boilerplate lines of every available language (``data/boilerplate.txt``): page furniture
    is removed before the article's language is known."""
    lines = [line for code in lang.available() for line in lang.get(code).read_lines("boilerplate.txt")]
    return tuple(re.compile(p, re.IGNORECASE) for p in lines)


@lru_cache(maxsize=1)
def _comment_headings() -> tuple[re.Pattern[str], ...]:
    """The headings that open a reader-comment section, in every available language
    (``data/comment_sections.txt``)."""
    lines = [line for code in lang.available() for line in lang.get(code).read_lines("comment_sections.txt")]
    return tuple(re.compile(p, re.IGNORECASE) for p in lines)


@lru_cache(maxsize=1)
def byline_words() -> frozenset[str]:
    """The words that open a byline in every available language ("von", "by": word list ``byline_words``)."""
    return frozenset(w for code in lang.available() for w in lang.get(code).lexicon.word_list("byline_words"))


def starts_comments(line: str) -> bool:
    """Whether a whole line is the heading of a reader-comment section: nothing after it is the article."""
    return any(p.search(line) for p in _comment_headings())


def is_boilerplate(line: str) -> bool:
    """Whether a whole line is page furniture rather than article text."""
    return any(p.search(line) for p in _patterns())


def strip_credit(line: str) -> tuple[str, str | None]:
    """Split an image credit ("Bild: picture alliance/dpa/AP | …") off the end of a line."""
    match = _credit().search(line)
    if match is None:
        return line, None
    return line[: match.start()].rstrip(), match.group(0).strip()


def ends_like_sentence(line: str) -> bool:
    return bool(_FINAL.search(line.rstrip(_CLOSERS))) or line.endswith(("“", "”", '"', "«", "»"))


def looks_like_heading(line: str) -> bool:
    return len(line) <= _SUBHEAD_MAX and not _FINAL.search(line.rstrip(_CLOSERS))


def _paragraphs(text: str) -> list[str]:
    """Lines of the input, each a candidate block; blank lines and tabs are separators."""
    return [clean_line(line) for line in text.splitlines() if clean_line(line)]


def parse_plain_text(text: str, metadata: Metadata, *, filter_boilerplate: bool = True) -> Article:
    """Make an :class:`Article` from scraped text.

    With ``filter_boilerplate=False`` the text is kept verbatim, every non-empty line a
    paragraph, so that offsets into the caller's own text stay valid (gold data, API users).
    """
    if not filter_boilerplate:
        return verbatim(text, metadata)
    lines = _paragraphs(text)
    dropped: list[str] = []
    kept: list[str] = []
    for line in lines:
        if is_boilerplate(line):
            dropped.append(line)
            continue
        body, credit = strip_credit(line)
        if credit:
            dropped.append(credit)
        if body:
            kept.append(body)
    section = None
    if (
        len(kept) > 2
        and len(kept[0].split()) <= _KICKER_MAX_WORDS
        and looks_like_heading(kept[0])
        and looks_like_heading(kept[1])
    ):  # a kicker only above a headline, else it is the headline
        section = kept.pop(0)
    blocks = _type_blocks(kept)
    if section is not None:
        metadata = _with(metadata, section=section)
    title = next((t for k, t in blocks if k is BlockKind.HEADLINE), None)
    if title and not metadata.title:
        metadata = _with(metadata, title=title)
    return assemble(blocks, metadata, dropped)


def verbatim(text: str, metadata: Metadata) -> Article:
    """The text exactly as given (offsets into it stay valid), each non-empty line a paragraph."""
    blocks: list[Block] = []
    for match in re.finditer(r"[^\n]+", text):
        start, end = match.start(), match.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            blocks.append(Block(BlockKind.PARAGRAPH, Span.of(text, start, end)))
    return Article(text=text, blocks=tuple(blocks), metadata=metadata)


def _type_blocks(lines: list[str]) -> list[tuple[BlockKind, str]]:
    blocks: list[tuple[BlockKind, str]] = []
    for i, line in enumerate(lines):
        following = lines[i + 1] if i + 1 < len(lines) else None
        if i == 0 and following is not None and looks_like_heading(line):
            kind = BlockKind.HEADLINE
        elif (
            i == 1
            and blocks[0][0] is BlockKind.HEADLINE
            and len(line) <= _STANDFIRST_MAX
            and following is not None
            and ends_like_sentence(line)
        ):
            kind = BlockKind.STANDFIRST
        elif following is not None and i > 0 and looks_like_heading(line):
            kind = BlockKind.SUBHEADING
        else:
            kind = BlockKind.PARAGRAPH
        blocks.append((kind, line))
    return blocks


def _with(metadata: Metadata, **changes: str) -> Metadata:
    from dataclasses import replace

    return replace(metadata, **changes)
