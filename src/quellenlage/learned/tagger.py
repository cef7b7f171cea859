"""The shipped attribution tagger: a linear-chain CRF (crfsuite) over the article's tokens.

The model file and its card data live in ``resources/models/attribution-crf``; ``meta.json`` names
the feature version the model was trained with, so a stale model is refused instead of silently
reading features it never saw.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ..errors import ResourceError
from ..model import Analysis
from ..resources import resource_path
from .features import FEATURE_VERSION, token_features

MODEL_DIR = ("models", "attribution-crf")
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

    def _tagger(self) -> Any:
        # crfsuite taggers keep per-call state: one per thread
        tagger = getattr(self._local, "tagger", None)
        if tagger is None:
            tagger = self._pycrfsuite.Tagger()
            tagger.open(str(self.path))
            self._local.tagger = tagger
        return tagger

    def labels(self, analysis: Analysis) -> list[str]:
        if not analysis.tokens:
            return []
        return list(self._tagger().tag(token_features(analysis)))


@cache
def shipped_tagger() -> AttributionTagger:
    folder = resource_path(*MODEL_DIR)
    model = folder / MODEL_FILE
    if not model.exists():
        raise ResourceError(
            f"the attribution model {model} is missing",
            hint="train it with quellenlage train (see docs/models/attribution-crf.md), or run with --rules-only",
        )
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    return AttributionTagger(model, meta)


__all__ = ["MODEL_DIR", "MODEL_FILE", "AttributionTagger", "shipped_tagger"]
