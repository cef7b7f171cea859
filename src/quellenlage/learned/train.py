"""Train the attribution tagger from the dataset's gold files (``quellenlage train``).

Deterministic: the files are read in sorted order and crfsuite's L-BFGS has no randomness, so the
same data and parameters give a byte-identical model.  Needs python-crfsuite only (no PyTorch).
"""

from __future__ import annotations

import hashlib
import json
import platform
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from .dataset import Example, examples, polnear_examples
from .features import FEATURE_VERSION
from .tagger import MODEL_FILE, AttributionTagger

_GERMAN_LICENCE = "CC BY-NC-SA 4.0 (inherited from the German news quotation data it is trained on)"
_POLNEAR_LICENCE = (
    "none stated: PolNeAR states no licence and its texts are copyrighted news; a model trained on it is "
    "for your own measurements and is never shipped"
)


@dataclass(frozen=True)
class TrainParams:
    c1: float = 0.1  # L1: prunes features, keeps the model small
    c2: float = 0.01  # L2
    max_iterations: int = 150


def fit(train: list[Example], path: Path, params: TrainParams) -> None:
    import pycrfsuite

    trainer = pycrfsuite.Trainer(algorithm="lbfgs", verbose=False)
    for ex in train:
        trainer.append(ex.features, ex.labels)
    trainer.set_params({
        "c1": params.c1, "c2": params.c2, "max_iterations": params.max_iterations,
        "feature.possible_transitions": True,
    })  # fmt: skip
    trainer.train(str(path))


def train(
    train_dir: str | Path,
    out_dir: str | Path,
    *,
    dev_dir: str | Path | None = None,
    params: TrainParams = TrainParams(),
    log: Callable[[str], None] = print,
    language: str = "de",
) -> dict[str, Any]:
    """Train on ``train_dir`` (the German dataset's gold files, or PolNeAR's layout), write
    ``model.crfsuite`` and ``meta.json`` to ``out_dir``; with ``dev_dir``, score the full analysis
    on it and record the scores in ``meta.json``.  The model reads articles in ``language`` only."""
    from ..evaluation.polnear import evaluate_polnear, is_polnear

    polnear = is_polnear(train_dir)
    if not polnear and language != "de":
        raise InputError(f"{train_dir} holds the German dataset's gold files, not {language} articles",
                         hint="give --lang de, or a folder in PolNeAR's layout (text/, attributions/)")  # fmt: skip
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    started = time.monotonic()
    log(f"reading {train_dir} (segmentation, tagging, rules, features)")
    data = list(polnear_examples(train_dir, language) if polnear else examples(train_dir))
    tokens = sum(len(ex.labels) for ex in data)
    log(f"{len(data)} articles, {tokens} tokens in {time.monotonic() - started:.0f} s; training the CRF")
    model = out / MODEL_FILE
    fit(data, model, params)
    meta: dict[str, Any] = {
        "model": "linear-chain CRF (crfsuite, L-BFGS) over rule-stacked token features",
        "feature_version": FEATURE_VERSION,
        "params": asdict(params),
        "train": {"folder": Path(train_dir).name, "articles": len(data), "tokens": tokens},
        "labels": sorted({label for ex in data for label in ex.labels}),
        "sha256": hashlib.sha256(model.read_bytes()).hexdigest(),
        "size_bytes": model.stat().st_size,
        "trained_on": f"Python {platform.python_version()}, {platform.machine()}",
        "training_seconds": round(time.monotonic() - started),
        "language": language,
        "licence": _POLNEAR_LICENCE if polnear else _GERMAN_LICENCE,
    }
    if dev_dir is not None:
        from ..evaluation.gold import evaluate_dir
        from ..pipeline import default_pipeline

        log(f"scoring on {dev_dir}")
        tagger = AttributionTagger(model, meta)
        pipeline = default_pipeline(tagger=tagger, rules_only=False)
        if is_polnear(dev_dir):
            result = evaluate_polnear(dev_dir, pipeline=pipeline, language=language)
            keys = ("f1_content", "f1_roles", "f1_joint", "p_joint", "r_joint")
            meta["dev"] = {k: round(100 * result[k], 1) for k in keys}
        else:
            result = evaluate_dir(dev_dir, pipeline=pipeline)
            keys = ("f1_msg", "f1_roles", "f1_joint", "form_f1", "stwr_f1")
            meta["dev"] = {k: round(100 * result[k], 1) for k in keys}
            meta["dev"]["by_type"] = {t: round(100 * v["f1_joint"], 1) for t, v in result["by_type"].items()}
    (out / "meta.json").write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    log(f"wrote {model} ({meta['size_bytes'] / 1e6:.1f} MB) in {time.monotonic() - started:.0f} s")
    return meta


__all__ = ["TrainParams", "fit", "train"]
