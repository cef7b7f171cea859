"""Run the pipeline on gold files and export predictions in the dataset's own format.

Our spans are mapped to the gold document's tokens by character overlap.  Two of the dataset's
conventions are applied on export only (the product keeps the information): reported speech
(``Reported``) and free indirect speech carry no cue and no frame in the guidelines.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from .. import ingest
from ..errors import InputError
from ..model import Analysis, AttributionType, Medium, Metadata, Span
from ..pipeline import Pipeline, default_pipeline
from .metric import score_documents

TYPE_NAMES = {
    AttributionType.DIRECT: "Direct", AttributionType.INDIRECT: "Indirect",
    AttributionType.FREE_INDIRECT: "FreeIndirect", AttributionType.REPORTED: "Reported",
    AttributionType.INDIRECT_FREE_INDIRECT: "IndirectFreeIndirect",
}  # fmt: skip
MEDIUM_NAMES = {
    Medium.SPEECH: "Speech", Medium.WRITING: "Writing", Medium.THOUGHT: "Thought",
    Medium.SPEECH_OR_WRITING: "SW", Medium.SPEECH_OR_THOUGHT: "ST",
    Medium.THOUGHT_OR_WRITING: "TW", Medium.UNKNOWN: "none",
}  # fmt: skip
_NO_FRAME = (AttributionType.REPORTED, AttributionType.FREE_INDIRECT, AttributionType.INDIRECT_FREE_INDIRECT)


class TokenIndex:
    """Character offsets to the gold document's token ids."""

    def __init__(self, tokens: Sequence[dict[str, Any]]) -> None:
        self.tokens = sorted(tokens, key=lambda t: t["charBegin"])
        self.starts = [t["charBegin"] for t in self.tokens]

    def ids(self, span: Span) -> list[int]:
        out = []
        k = max(0, bisect_right(self.starts, span.start) - 1)
        while k < len(self.tokens) and self.tokens[k]["charBegin"] < span.end:
            if self.tokens[k]["charEnd"] > span.start:
                out.append(self.tokens[k]["id"])
            k += 1
        return out


def _part(spans: Sequence[Span], index: TokenIndex) -> dict[str, Any]:
    ids = sorted({i for s in spans for i in index.ids(s)})
    return {
        "spans": [{"charBegin": s.start, "charEnd": s.end} for s in spans],
        "text": " ".join(s.text for s in spans),
        "tokenIds": ids,
    }


def to_gold_annotations(analysis: Analysis, tokens: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """Our attributions as annotations of the gold format, token ids from ``tokens``."""
    index = TokenIndex(tokens)
    parents = {a.parent for a in analysis.attributions if a.parent is not None}
    out = []
    for att in analysis.attributions:
        bare = att.type in _NO_FRAME
        out.append({
            "id": att.id,
            "quote": _part(att.message, index),
            "cue": _part(() if bare else att.cue, index),
            "frame": _part(() if bare else att.frame, index),
            "speaker": _part(att.source, index),
            "addressee": _part(att.addressee, index),
            "type": TYPE_NAMES[att.type],
            "medium": MEDIUM_NAMES[att.medium],
            "isNested": att.parent is not None,
            "hasNested": att.id in parents,
        })  # fmt: skip
    return out


def analyze_gold_text(text: str, pipeline: Pipeline) -> Analysis:
    article = ingest.parse_plain_text(text, Metadata(language="de"), filter_boilerplate=False)
    return pipeline(article)


def evaluate_dir(
    gold_dir: str | Path, predictions_out: str | Path | None = None, pipeline: Pipeline | None = None
) -> dict[str, Any]:
    """Score the pipeline on every ``*.json`` gold file of a folder; optionally write predictions."""
    folder = Path(gold_dir)
    files = sorted(folder.glob("*.json"))
    if not files:
        raise InputError(f"no gold *.json files in {folder}", hint="give the dataset's dev or test folder")
    pipe = pipeline or default_pipeline()
    out_dir = Path(predictions_out) if predictions_out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    docs = []
    for path in files:
        gold = json.loads(path.read_text(encoding="utf-8"))
        analysis = analyze_gold_text(gold["originalText"], pipe)
        system = to_gold_annotations(analysis, gold["tokens"])
        docs.append((system, gold["annotations"]))
        if out_dir:
            payload = {"documentName": gold["documentName"], "annotations": system}
            (out_dir / path.name).write_text(json.dumps(payload, ensure_ascii=False, indent=1), encoding="utf-8")
    result = score_documents(docs)
    result["by_type"] = {
        name: _f1s(score_documents(
            ([s for s in sys if s["type"] == name], [g for g in gold if g["type"] == name]) for sys, gold in docs
        ))
        for name in TYPE_NAMES.values()
    }  # fmt: skip
    return result


def _f1s(result: dict[str, Any]) -> dict[str, Any]:
    keys = ("f1_msg", "f1_roles", "f1_joint", "system", "gold", "pairs")
    return {k: result[k] for k in keys}


__all__ = ["analyze_gold_text", "evaluate_dir", "to_gold_annotations"]
