"""Quotation echoes: the same quotation in several articles, found by normalised and fuzzy match.

Candidates share a word 4-gram (shingles occurring in very many quotations are ignored as
formulaic); pairs whose normalised texts are at least ``threshold`` similar (rapidfuzz ratio, or
partial ratio for a quotation cut out of a longer one) are joined into one echo.  The first
appearance is the earliest by date, then by article id; the others relayed it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from rapidfuzz import fuzz


@dataclass(frozen=True, slots=True)
class Quotation:
    article_id: str
    outlet: str | None
    date: str | None
    source: str | None
    text: str
    normalised: str


@dataclass(frozen=True, slots=True)
class Echo:
    quotations: tuple[Quotation, ...]  # first appearance first

    @property
    def first(self) -> Quotation:
        return self.quotations[0]

    @property
    def articles(self) -> int:
        return len({q.article_id for q in self.quotations})

    @property
    def outlets(self) -> int:
        return len({q.outlet for q in self.quotations if q.outlet})


def _shingles(words: list[str], n: int = 4) -> set[str]:
    return {" ".join(words[i : i + n]) for i in range(max(1, len(words) - n + 1))}


def find_echoes(quotations: list[Quotation], threshold: float = 88.0, common: int = 50) -> list[Echo]:
    """Groups of quotations from at least two different articles, largest first."""
    index: dict[str, list[int]] = defaultdict(list)
    for k, q in enumerate(quotations):
        for shingle in _shingles(q.normalised.split()):
            index[shingle].append(k)
    parent = list(range(len(quotations)))

    def root(k: int) -> int:
        while parent[k] != k:
            parent[k] = parent[parent[k]]
            k = parent[k]
        return k

    seen: set[tuple[int, int]] = set()
    for members in index.values():
        if len(members) < 2 or len(members) > common:
            continue
        for i, a in enumerate(members):
            for b in members[i + 1 :]:
                if (a, b) in seen or quotations[a].article_id == quotations[b].article_id:
                    continue
                seen.add((a, b))
                x, y = quotations[a].normalised, quotations[b].normalised
                similar = fuzz.ratio(x, y) >= threshold or (
                    min(len(x), len(y)) >= 40 and fuzz.partial_ratio(x, y) >= max(threshold, 95.0)
                )
                if similar:
                    parent[root(a)] = root(b)
    groups: dict[int, list[Quotation]] = defaultdict(list)
    for k, q in enumerate(quotations):
        groups[root(k)].append(q)
    echoes = [Echo(tuple(sorted(g, key=lambda q: (q.date or "9999", q.article_id))))
              for g in groups.values() if len({q.article_id for q in g}) > 1]  # fmt: skip
    return sorted(echoes, key=lambda e: (-e.articles, e.first.date or "", e.first.article_id))


def echo_rows(echoes: list[Echo]) -> list[dict[str, Any]]:
    return [{"quotation": e.first.text, "source": e.first.source, "articles": e.articles, "outlets": e.outlets,
             "first_article": e.first.article_id, "first_outlet": e.first.outlet, "first_date": e.first.date,
             "relayed_by": [f"{q.outlet or '?'} ({q.article_id})" for q in e.quotations[1:]]}
            for e in echoes]  # fmt: skip
