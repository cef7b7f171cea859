"""The shipped attribution tagger: a linear-chain CRF (crfsuite) over the article's tokens.

The model file and its card data live in the language's ``models/attribution-crf``; ``meta.json`` names
the feature version the model was trained with, so a stale model is refused instead of silently
reading features it never saw.
"""

from __future__ import annotations

import itertools
import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import InputError, ResourceError
from ..lang import Language
from ..lang import get as get_language
from ..model import Analysis
from .features import FEATURE_VERSION, token_features

_SEQUENCES = itertools.count()  # numbers each tagged article, so stale marginals are refused
MODEL_FILE = "model.crfsuite"


@dataclass
class AttributionTagger:
    """Labels every token of an analysed article (see :mod:`quellenlage.learned.labels`)."""

    path: Path
    meta: dict[str, Any]

    def __post_init__(self) -> None:
        import pycrfsuite

        if self.meta.get("feature_version") != FEATURE_VERSION:
            raise ResourceError(
                f"the attribution model was trained with features v{self.meta.get('feature_version')}, "
                f"this code makes v{FEATURE_VERSION}",
                hint="retrain it: quellenlage train (see docs/models/attribution-crf.md), or run with --rules-only",
            )
        self._local = threading.local()
        self._pycrfsuite = pycrfsuite

    @property
    def language(self) -> str:
        """The language of the articles it was trained on; it reads no other (older models: German)."""
        return str(self.meta.get("language", "de"))

    def _tagger(self) -> Any:
        # crfsuite taggers keep per-call state: one per thread
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = self._pycrfsuite.Tagger()
            tagger.open(str(self.path))
            self._local.tagger = tagger
        return tagger

    def labels(self, analysis: Analysis) -> list[str]:
        return self.tag(analysis).labels

    def tag(self, analysis: Analysis) -> Tagging:
        """The best labels, and the model's probability that given tokens are a message."""
        if not analysis.tokens:
            return Tagging([], lambda indices: 0.0)
        tagger = self._tagger()
        labels = list(tagger.tag(token_features(analysis)))
        message_labels = [label for label in tagger.labels() if label[:2] in ("B-", "I-")]
        sequence = next(_SEQUENCES)

        def message_probability(indices: Sequence[int]) -> float:
            # crfsuite keeps the marginals of the last sequence it tagged, on this thread only
            if getattr(self._local, "sequence", None) != sequence:
                raise RuntimeError("message_probability read after the tagger moved on to another article")
            if not indices:
                return 0.0
            total = sum(float(tagger.marginal(label, i)) for i in indices for label in message_labels)
            return total / len(indices)

        self._local.sequence = sequence
        return Tagging(labels, message_probability)


@dataclass(frozen=True)
class Tagging:
    """One article's labels and the marginal probability of the message labels over a token set
    (mean over the tokens; valid until the same thread tags the next article)."""

    labels: list[str]
    message_probability: Callable[[Sequence[int]], float]


def model_folder(language: Language) -> Path:
    """The folder of ``language``'s shipped attribution model."""
    if language.attribution_model is None:
        raise ResourceError(f"no attribution model is shipped for {language.name}", hint="run with --rules-only")
    return language.path("models", language.attribution_model)


def load_tagger(folder: str | Path) -> AttributionTagger:
    """An attribution tagger trained by ``quellenlage train`` into ``folder`` (model and meta.json)."""
    root = Path(folder)
    model, meta_path = root / MODEL_FILE, root / "meta.json"
    if not model.is_file() or not meta_path.is_file():
        raise InputError(f"{root} holds no trained attribution model ({MODEL_FILE} and meta.json)",
                         hint="train one with quellenlage train --out FOLDER")  # fmt: skip
    return AttributionTagger(model, json.loads(meta_path.read_text(encoding="utf-8")))


@cache
def shipped_tagger(code: str = "de") -> AttributionTagger:
    """The attribution tagger shipped for the language ``code``."""
    folder = model_folder(get_language(code))
    model = folder / MODEL_FILE
    if not model.exists():
        raise ResourceError(
            f"the attribution model {model} is missing",
            hint="train it with quellenlage train (see docs/models/attribution-crf.md), or run with --rules-only",
        )
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return AttributionTagger(model, meta)


__all__ = ["MODEL_FILE", "AttributionTagger", "Tagging", "model_folder", "shipped_tagger"]
