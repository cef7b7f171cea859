"""The shared code holds no German word: every word it needs comes from the article's language.

The German vocabulary is what ``lang/de`` knows: its closed word lists, cue verbs and nouns,
hedges, denials, vague sources, loaded words and its sample text.  No string literal of the
package's code outside ``lang/de`` (docstrings aside: they explain with examples) may contain
one of those words, nor a letter only German spells.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

from tests.conftest import ROOT

PACKAGE = ROOT / "src" / "quellenlage"
GERMAN = PACKAGE / "lang" / "de"
_WORD = re.compile(r"[^\W\d_]{2,}")
_FIRST_COLUMN = ("cue_verbs.tsv", "cue_nouns.tsv", "hedges.tsv", "source_nouns.tsv")
_WHOLE_LINES = ("denials.tsv", "vague_sources.txt", "loaded_words.tsv", "generalisations.txt", "sample.txt")
#: words German shares with English (the German lists hold English organisation endings, "Union",
#: "Office") or with the code's own vocabulary (language codes, web domains)
HOMOGRAPHS = frozenset({
    "in", "an", "so", "man", "was", "will", "also", "am", "die", "war", "hat", "analyse", "at", "organisation",
    "union", "office", "authority", "org", "de", "en", "es", "da",
    "end",  # the ending of the present participle ("dringend"), not a word
})  # fmt: skip


def _data_lines(name: str) -> list[str]:
    return [line for line in (GERMAN / "data" / name).read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")]  # fmt: skip


def _literals(path: Path, docstrings: bool) -> list[ast.Constant]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = {
        id(node.body[0].value) for node in ast.walk(tree)
        if isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)) and node.body
        and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)
    }  # fmt: skip
    return [n for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)
            and (docstrings or id(n) not in docs)]  # fmt: skip


def german_vocabulary() -> set[str]:
    words: set[str] = set()
    for line in _data_lines("word_lists.tsv"):
        words.update(line.split("\t", 1)[1].split())
    for name in _FIRST_COLUMN:
        words.update(line.split("\t")[0] for line in _data_lines(name))
    for name in _WHOLE_LINES:
        words.update(w for line in _data_lines(name) for w in _WORD.findall(line))
    return {w.lower() for w in words} - HOMOGRAPHS


def test_the_vocabulary_is_german_enough_to_catch_a_slip() -> None:
    vocabulary = german_vocabulary()
    assert {"laut", "zufolge", "sagte", "dass", "soll", "der", "experten"} <= vocabulary


def test_no_german_word_literal_outside_lang_de() -> None:
    vocabulary = german_vocabulary()
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if GERMAN in path.parents:
            continue
        for node in _literals(path, docstrings=False):
            words = {w.lower() for w in _WORD.findall(node.value)}
            german = sorted(w for w in words if w in vocabulary or re.search("[äöüß]", w))
            if german:
                found.append(f"{path.relative_to(PACKAGE)}:{node.lineno}: {', '.join(german)}")
    assert found == []
