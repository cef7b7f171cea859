"""Training examples from the dataset's gold files: the rules' analysis, features and labels."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Analysis
from ..pipeline import Pipeline
from .features import token_features
from .labels import encode, encode_spans


@dataclass
class Example:
    name: str
    gold: dict[str, Any]
    analysis: Analysis
    features: list[list[str]]
    labels: list[str]


def gold_files(folder: str | Path) -> list[Path]:
    files = sorted(Path(folder).glob("*.json"))
    if not files:
        raise InputError(f"no gold *.json files in {folder}", hint="give the dataset's train or dev folder")
    return files


def rules_pipeline() -> Pipeline:
    """What the tagger reads: segmentation, tagging and the rules' attributions."""
    from ..attribution import Attribute
    from ..pipeline import Segment, Tag

    return Pipeline([Segment(), Tag(), Attribute()])


def examples(folder: str | Path, pipeline: Pipeline | None = None) -> Iterator[Example]:
    from ..evaluation.gold import analyze_gold_text

    pipe = pipeline or rules_pipeline()
    for path in gold_files(folder):
        gold = json.loads(path.read_text(encoding="utf-8"))
        analysis = analyze_gold_text(gold["originalText"], pipe)
        yield Example(path.name, gold, analysis, token_features(analysis), encode(analysis, gold))


def polnear_examples(folder: str | Path, language: str, pipeline: Pipeline | None = None) -> Iterator[Example]:
    """Examples from a folder in PolNeAR's layout (``text/``, ``attributions/``), analysed verbatim in
    ``language`` as ``quellenlage eval`` reads them."""
    from .. import ingest
    from ..evaluation.polnear import read_polnear
    from ..model import Metadata

    pipe = pipeline or rules_pipeline()
    for doc in read_polnear(folder):
        analysis = pipe(ingest.verbatim(doc.text, Metadata(language=language)))
        gold = [{part: att.part(part) for part in ("content", "cue", "source")} for att in doc.attributions]
        yield Example(doc.name, {"name": doc.name}, analysis, token_features(analysis), encode_spans(analysis, gold))


__all__ = ["Example", "examples", "gold_files", "polnear_examples", "rules_pipeline"]
