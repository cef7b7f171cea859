"""Join typed blocks into the one fixed article text."""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..model import Article, Block, BlockKind, Metadata, Span

_SPACE = re.compile(r"[ \t\u00a0\u2009\u202f]+")
BLOCK_SEPARATOR = "\n\n"


def clean_line(text: str) -> str:
    """Fold runs of spaces (including no-break spaces) and strip the ends of one block."""
    return _SPACE.sub(" ", text).strip()


def assemble(
    blocks: Iterable[tuple[BlockKind, str]],
    metadata: Metadata,
    dropped: Iterable[str] = (),
) -> Article:
    """Make an :class:`Article` whose text is the blocks joined by blank lines.

    Each block's span covers exactly its text; empty blocks are skipped.
    """
    parts: list[str] = []
    spans: list[tuple[BlockKind, int, int]] = []
    offset = 0
    for kind, raw in blocks:
        text = clean_line(raw)
        if not text:
            continue
        if parts:
            parts.append(BLOCK_SEPARATOR)
            offset += len(BLOCK_SEPARATOR)
        parts.append(text)
        spans.append((kind, offset, offset + len(text)))
        offset += len(text)
    full = "".join(parts)
    made = tuple(Block(kind, Span.of(full, s, e)) for kind, s, e in spans)
    return Article(text=full, blocks=made, metadata=metadata, dropped=tuple(dropped))
