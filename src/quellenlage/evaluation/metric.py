"""The dataset's official metric, reimplemented (see shared/README.md).

Per document, system and gold annotations are paired one-to-one by the Hungarian algorithm,
maximising the token-overlap F1 of their ``quote`` token sets (+0.01 when the ``type`` also
agrees, +0.001 for the ``medium``; both only when the quotes overlap).  Pairs of zero overlap are
treated as unpaired.  For every pair, and every unpaired annotation against an empty one, each
part counts token-level TP/FP/FN; precision and recall are macro-averaged over (pair, part)
entries whose denominator is non-zero.  Messages = quote; Roles = addressee, cue, frame,
speaker; Joint = all five.  Form and STWR are the accuracy (micro F1) of type and medium over
the pairs.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import numpy as np
from scipy.optimize import linear_sum_assignment

PARTS = ("quote", "addressee", "cue", "frame", "speaker")
ROLES = ("addressee", "cue", "frame", "speaker")
Annotation = Mapping[str, Any]


def _tokens(annotation: Annotation | None, part: str) -> set[int]:
    if annotation is None:
        return set()
    return set(annotation.get(part, {}).get("tokenIds", []))


def _f1(a: set[int], b: set[int]) -> float:
    inter = len(a & b)
    return 0.0 if inter == 0 else 2 * inter / (len(a) + len(b))


def pair(system: Sequence[Annotation], gold: Sequence[Annotation]) -> list[tuple[Annotation | None, Annotation | None]]:
    """Hungarian pairing by quote overlap; unpaired annotations are paired with ``None``."""
    if not system or not gold:
        return [(s, None) for s in system] + [(None, g) for g in gold]
    score = np.zeros((len(system), len(gold)))
    for i, s in enumerate(system):
        for j, g in enumerate(gold):
            f = _f1(_tokens(s, "quote"), _tokens(g, "quote"))
            if f > 0:
                f += 0.01 * (s.get("type") == g.get("type")) + 0.001 * (s.get("medium") == g.get("medium"))
            score[i, j] = f
    rows, cols = linear_sum_assignment(-score)
    pairs: list[tuple[Annotation | None, Annotation | None]] = []
    used_s, used_g = set(), set()
    for i, j in zip(rows, cols, strict=True):
        if score[i, j] > 0:
            pairs.append((system[i], gold[j]))
            used_s.add(i)
            used_g.add(j)
    pairs += [(s, None) for i, s in enumerate(system) if i not in used_s]
    pairs += [(None, g) for j, g in enumerate(gold) if j not in used_g]
    return pairs


def _prf(precisions: list[float], recalls: list[float]) -> dict[str, float]:
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    f = 0.0 if p + r == 0 else 2 * p * r / (p + r)
    return {"precision": p, "recall": r, "f1": f}


def score_documents(documents: Iterable[tuple[Sequence[Annotation], Sequence[Annotation]]]) -> dict[str, Any]:
    """Score ``(system, gold)`` annotation lists of many documents; returns the metric as a dict."""
    entries: dict[str, tuple[list[float], list[float]]] = {p: ([], []) for p in PARTS}
    form = [0, 0]
    stwr = [0, 0]
    counts = {"documents": 0, "system": 0, "gold": 0, "pairs": 0}
    for system, gold in documents:
        counts["documents"] += 1
        counts["system"] += len(system)
        counts["gold"] += len(gold)
        for s, g in pair(system, gold):
            if s is not None and g is not None:
                counts["pairs"] += 1
                form[0] += s.get("type") == g.get("type")
                stwr[0] += s.get("medium") == g.get("medium")
                form[1] += 1
                stwr[1] += 1
            for part in PARTS:
                sys_t, gold_t = _tokens(s, part), _tokens(g, part)
                tp = len(sys_t & gold_t)
                if sys_t:
                    entries[part][0].append(tp / len(sys_t))
                if gold_t:
                    entries[part][1].append(tp / len(gold_t))

    def group(parts: Sequence[str]) -> dict[str, float]:
        return _prf([x for p in parts for x in entries[p][0]], [x for p in parts for x in entries[p][1]])

    msg, roles, joint = group(("quote",)), group(ROLES), group(PARTS)
    result: dict[str, Any] = {
        "f1_msg": msg["f1"], "p_msg": msg["precision"], "r_msg": msg["recall"],
        "f1_roles": roles["f1"], "p_roles": roles["precision"], "r_roles": roles["recall"],
        "f1_joint": joint["f1"], "p_joint": joint["precision"], "r_joint": joint["recall"],
        "form_f1": form[0] / form[1] if form[1] else 0.0,
        "stwr_f1": stwr[0] / stwr[1] if stwr[1] else 0.0,
        "parts": {p: group((p,)) for p in PARTS},
    }  # fmt: skip
    result.update(counts)
    return result
