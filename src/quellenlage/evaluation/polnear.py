"""PolNeAR's layout (English): brat standoff read and written, and the German metric carried over.

A PolNeAR folder holds ``text/NAME.txt`` and ``attributions/NAME_ANNOTATOR.ann``; where several
annotators annotated one article, the first ``.ann`` in sorted order is the gold.  An attribution
is an ``E`` line that links ``T`` lines labelled ``Source``, ``Cue`` and ``Content`` (character
offsets into the text; a discontinuous span is ``start end;start end``).

Scoring (``shared/README.md``): attributions are paired by content-token overlap (Hungarian) and
scored with the dataset metric of :mod:`.metric`, content as the message and cue + source as the
roles; tokens are the text's words and punctuation marks (:func:`tokens_of`), the same for gold
and system.  Beside it, per part, exact-span and token-overlap F1 as Citron reports them for
PARC 3.0: a part's spans counted as a set per document, exact when start and end agree.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import ingest
from ..errors import InputError
from ..model import Analysis, Metadata, Span
from ..pipeline import Pipeline, default_pipeline
from .metric import score_documents

PARTS = ("content", "cue", "source")
_METRIC_PART = {"content": "quote", "cue": "cue", "source": "speaker"}
_TOKEN = re.compile(r"\w+(?:[-'’.]\w+)*|[^\w\s]")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class BratAttribution:
    """One attribution as character spans (each part may be empty or discontinuous)."""

    content: Spans
    cue: Spans = ()
    source: Spans = ()

    def part(self, name: str) -> Spans:
        spans: Spans = getattr(self, name)
        return spans


@dataclass(frozen=True, slots=True)
class PolnearDocument:
    name: str
    text: str
    attributions: tuple[BratAttribution, ...]


def is_polnear(folder: str | Path) -> bool:
    """Whether ``folder`` has PolNeAR's layout (``text/`` and ``attributions/``)."""
    root = Path(folder)
    return (root / "text").is_dir() and (root / "attributions").is_dir()


def parse_ann(ann: str) -> list[BratAttribution]:
    """The attributions of one brat ``.ann`` file (``E`` lines and the ``T`` lines they link).

    Raises:
        InputError: a line is not brat standoff, or an ``E`` line names a ``T`` that is not there.
    """
    spans: dict[str, Spans] = {}
    events: list[tuple[int, list[tuple[str, str]]]] = []
    for n, line in enumerate(ann.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label_and_offsets = fields[1].split(" ", 1)
            if len(label_and_offsets) != 2:
                raise InputError(f"line {n} is not a brat text-bound annotation: {line[:80]!r}")
            spans[fields[0]] = _offsets(label_and_offsets[1], n)
        elif line.startswith("E") and len(fields) >= 2:
            events.append((n, [tuple(arg.split(":", 1)) for arg in fields[1].split()]))  # type: ignore[misc]
    out = []
    for n, args in events:
        roles: dict[str, Spans] = {}
        for role, ref in args:
            if ref not in spans:
                raise InputError(f"line {n} links {ref}, which no T line defines")
            roles[role.lower()] = roles.get(role.lower(), ()) + spans[ref]
        out.append(BratAttribution(tuple(sorted(roles.get("content", ()))), tuple(sorted(roles.get("cue", ()))),
                                   tuple(sorted(roles.get("source", ())))))  # fmt: skip
    return out


def _offsets(text: str, line: int) -> Spans:
    try:
        pairs = [tuple(int(x) for x in part.split()) for part in text.split("\t")[0].split(";")]
    except ValueError:
        raise InputError(f"line {line} has offsets that are not numbers: {text[:40]!r}") from None
    if any(len(p) != 2 or p[0] > p[1] for p in pairs):
        raise InputError(f"line {line} has a span that is not 'start end': {text[:40]!r}")
    return tuple((p[0], p[1]) for p in pairs)


def write_ann(attributions: Iterable[BratAttribution], text: str) -> str:
    """brat standoff: ``T`` lines ``Source``/``Cue``/``Content`` and an ``Attribution`` trigger (the
    cue, else the content), then ``E`` lines ``Attribution:Tn Content:Tm Cue:Tk Source:Tj``."""
    lines: list[str] = []
    t = 0

    def text_bound(label: str, spans: Spans) -> str:
        nonlocal t
        t += 1
        offsets = ";".join(f"{s} {e}" for s, e in spans)
        lines.append(f"T{t}\t{label} {offsets}\t{' '.join(text[s:e] for s, e in spans)}")
        return f"T{t}"

    for e, att in enumerate(attributions, 1):
        if not att.content:
            continue
        args = [("Attribution", text_bound("Attribution", att.cue or att.content[:1]))]
        args += [(label.capitalize(), text_bound(label.capitalize(), att.part(label)))
                 for label in PARTS if att.part(label)]  # fmt: skip
        lines.append(f"E{e}\t" + " ".join(f"{role}:{ref}" for role, ref in args))
    return "\n".join(lines) + ("\n" if lines else "")


def read_polnear(folder: str | Path) -> list[PolnearDocument]:
    """Every article of a PolNeAR folder with its gold (the first annotator's ``.ann`` in sorted order).

    Raises:
        InputError: the folder has not PolNeAR's layout, or an article has no text.
    """
    root = Path(folder)
    if not is_polnear(root):
        raise InputError(f"{root} has no text/ and attributions/ folders", hint="give PolNeAR's dev or train folder")
    first: dict[str, Path] = {}
    for ann in sorted((root / "attributions").glob("*.ann")):
        first.setdefault(ann.stem.rsplit("_", 1)[0], ann)
    documents = []
    for name, ann in sorted(first.items()):
        text_path = root / "text" / f"{name}.txt"
        if not text_path.is_file():
            raise InputError(f"{ann.name} has no text {text_path.name}", path=str(text_path))
        text = text_path.read_text(encoding="utf-8")
        documents.append(PolnearDocument(name, text, tuple(parse_ann(ann.read_text(encoding="utf-8")))))
    return documents


def from_analysis(analysis: Analysis) -> list[BratAttribution]:
    """The analysis's attributions (top-level ones: a nested quote is part of its parent's content)."""

    def spans(parts: tuple[Span, ...]) -> Spans:
        return tuple((s.start, s.end) for s in parts)

    return [BratAttribution(spans(a.message), spans(a.cue), spans(a.source))
            for a in analysis.attributions if a.parent is None and a.message]  # fmt: skip


def tokens_of(text: str) -> list[tuple[int, int]]:
    """The text's words (with inner hyphens, apostrophes and dots) and punctuation marks."""
    return [m.span() for m in _TOKEN.finditer(text)]


def _token_ids(spans: Spans, starts: list[int], tokens: list[tuple[int, int]]) -> list[int]:
    ids: set[int] = set()
    for s, e in spans:
        k = max(0, bisect_left(starts, s) - 1)
        while k < len(tokens) and tokens[k][0] < e:
            if tokens[k][1] > s:
                ids.add(k)
            k += 1
    return sorted(ids)


def _annotations(attributions: Sequence[BratAttribution], text: str) -> list[dict[str, Any]]:
    tokens = tokens_of(text)
    starts = [t[0] for t in tokens]
    return [{_METRIC_PART[p]: {"tokenIds": _token_ids(a.part(p), starts, tokens)} for p in PARTS}
            for a in attributions]  # fmt: skip


def score(pairs: Sequence[tuple[Sequence[BratAttribution], PolnearDocument]]) -> dict[str, Any]:
    """The metric (Content, Roles, Joint) and per part exact-span and token-overlap F1."""
    metric = score_documents((_annotations(system, doc.text), _annotations(doc.attributions, doc.text))
                             for system, doc in pairs)  # fmt: skip
    result: dict[str, Any] = {
        "f1_content": metric["f1_msg"], "f1_roles": metric["f1_roles"], "f1_joint": metric["f1_joint"],
        "p_joint": metric["p_joint"], "r_joint": metric["r_joint"],
        "documents": metric["documents"], "system": metric["system"], "gold": metric["gold"], "pairs": metric["pairs"],
    }  # fmt: skip
    result["parts"] = {part: _part_scores(pairs, part) for part in PARTS}
    return result


def _part_scores(pairs: Sequence[tuple[Sequence[BratAttribution], PolnearDocument]], part: str) -> dict[str, float]:
    exact = [0, 0, 0]  # matched, system, gold
    overlap = [0, 0, 0]
    for system, doc in pairs:
        sys_spans = {s for a in system for s in a.part(part)}
        gold_spans = {s for a in doc.attributions for s in a.part(part)}
        exact[0] += len(sys_spans & gold_spans)
        exact[1] += len(sys_spans)
        exact[2] += len(gold_spans)
        tokens = tokens_of(doc.text)
        starts = [t[0] for t in tokens]
        sys_tokens = set(_token_ids(tuple(sys_spans), starts, tokens))
        gold_tokens = set(_token_ids(tuple(gold_spans), starts, tokens))
        overlap[0] += len(sys_tokens & gold_tokens)
        overlap[1] += len(sys_tokens)
        overlap[2] += len(gold_tokens)
    return {"exact_f1": _f1(*exact), "overlap_f1": _f1(*overlap)}


def _f1(matched: int, system: int, gold: int) -> float:
    return 0.0 if matched == 0 else 2 * matched / (system + gold)


def evaluate_polnear(
    folder: str | Path, predictions_out: str | Path | None = None, pipeline: Pipeline | None = None,
    language: str = "en", limit: int | None = None,
) -> dict[str, Any]:
    """Score the analysis on a PolNeAR folder; optionally write ``NAME.ann`` predictions.

    The texts are analysed verbatim (offsets stay those of ``text/NAME.txt``) in ``language``.  The
    default pipeline is the rules: no attribution model is shipped for English.
    """
    documents = read_polnear(folder)[:limit]
    pipe = pipeline or default_pipeline(rules_only=True)
    out_dir = Path(predictions_out) if predictions_out else None
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
    pairs = []
    for doc in documents:
        system = from_analysis(pipe(ingest.verbatim(doc.text, Metadata(language=language))))
        pairs.append((system, doc))
        if out_dir:
            (out_dir / f"{doc.name}.ann").write_text(write_ann(system, doc.text), encoding="utf-8")
    return score(pairs)


__all__ = [
    "BratAttribution", "PolnearDocument", "evaluate_polnear", "from_analysis", "is_polnear", "parse_ann",
    "read_polnear", "score", "tokens_of", "write_ann",
]  # fmt: skip
