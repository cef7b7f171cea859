"""Quotation marks paired into quotes, per block; unbalanced marks become diagnostics.

The marks are the article language's (``Language.quote_marks``; every language so far uses the
European conventions: German „…“ and ‚…‘, French-order »…« and Swiss «…», English “…”), and
straight "…" toggles.  Quotes may run over several sentences; they never cross a paragraph,
because news style reopens a quote in each paragraph.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import lang
from ..model import Analysis, Diagnostic, Severity
from .syntax import QUOTE_CHARS


@dataclass(frozen=True, slots=True)
class Quote:
    """Token indices of the opening and closing marks (inclusive) and the nesting depth."""

    open: int
    close: int
    depth: int

    @property
    def inner(self) -> range:
        return range(self.open + 1, self.close)


_NAME_WORDS = 5


def is_name(analysis: Analysis, quote: Quote) -> bool:
    """A name or title in quotation marks, not speech: „Der Spiegel“, „Fokker 100“, „Gesuchte
    Kinder“.  Every word capitalised, no verb, at most five words, and a proper noun or number
    among them or more than one word.  A single common noun („Krieg“) may be a quoted word.

    On the training split 313 quotes look so; 5 of them were annotated as speech.
    """
    tokens = analysis.tokens
    words = [i for i in quote.inner if tokens[i].text not in QUOTE_CHARS and tokens[i].pos != "PUNCT"]
    if not words or len(words) > _NAME_WORDS or any(tokens[i].pos in ("VERB", "AUX") for i in words):
        return False
    if not all(tokens[i].text[:1].isupper() or tokens[i].text[:1].isdigit() for i in words):
        return False
    return len(words) > 1 or tokens[words[0]].pos in ("PROPN", "X", "NUM")


#: Quotes nest two or three deep in news; a deeper stack of open marks is a run of stray marks, and
#: bounding it keeps the pairing linear (``"»" * 20000`` took 41 s before).
MAX_NESTING = 16
_NEVER_CLOSED = "quotation mark opened but never closed in this paragraph"


def find_quotes(analysis: Analysis) -> tuple[list[Quote], list[Diagnostic]]:
    quotes: list[Quote] = []
    diagnostics: list[Diagnostic] = []
    tokens = analysis.tokens
    language = lang.of(analysis.article)
    open_for, reversible, straight = dict(language.quote_marks), language.reversible_quotes, language.straight_quotes
    closers = frozenset("".join(open_for.values()))
    by_block: dict[int, list[int]] = {}
    for sentence in analysis.sentences:
        by_block.setdefault(sentence.block, []).extend(range(sentence.token_start, sentence.token_end))
    for indices in by_block.values():
        stack: list[tuple[str, int]] = []
        for i in indices:
            mark = tokens[i].text
            if mark in straight:
                if stack and stack[-1][0] == mark:
                    _close(stack, i, quotes)
                else:
                    stack.append((mark, i))
            elif len(mark) != 1:
                continue
            elif stack and mark in open_for.get(stack[-1][0], ""):
                _close(stack, i, quotes)
            elif mark in open_for and not (mark in reversible and _closes_any(stack, mark, open_for)):
                stack.append((mark, i))
                if len(stack) > MAX_NESTING:  # no text nests so deep: the oldest mark is left unclosed
                    diagnostics.append(_unbalanced(analysis, stack.pop(0)[1], _NEVER_CLOSED))
            elif mark in closers and not _close_outer(stack, mark, i, quotes, open_for):
                diagnostics.append(_unbalanced(analysis, i, "closing quotation mark without an opening one"))
        for _, i in stack:
            diagnostics.append(_unbalanced(analysis, i, _NEVER_CLOSED))
    quotes.sort(key=lambda q: q.open)
    return quotes, diagnostics


def _closes_any(stack: list[tuple[str, int]], mark: str, open_for: dict[str, str]) -> bool:
    return any(mark in open_for.get(opener, "") for opener, _ in stack)


def _close(stack: list[tuple[str, int]], i: int, quotes: list[Quote]) -> None:
    _, start = stack.pop()
    quotes.append(Quote(start, i, len(stack)))


def _close_outer(
    stack: list[tuple[str, int]], mark: str, i: int, quotes: list[Quote], open_for: dict[str, str]
) -> bool:
    """Close an outer quote whose inner quote was left open (a typo); report nothing twice."""
    for depth in range(len(stack) - 1, -1, -1):
        if mark in open_for.get(stack[depth][0], ""):
            del stack[depth + 1 :]
            _close(stack, i, quotes)
            return True
    return False


def _unbalanced(analysis: Analysis, i: int, message: str) -> Diagnostic:
    return Diagnostic("unbalanced_quote", message, Severity.WARNING, analysis.tokens[i].span)
