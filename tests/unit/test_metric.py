"""The dataset metric, proved on cases worked out by hand."""

from __future__ import annotations

import json

import pytest

from quellenlage.evaluation import score_documents
from tests.conftest import GOLD_DEV, needs_shared


def ann(quote, cue=(), speaker=(), frame=(), addressee=(), type_="Direct", medium="Speech"):  # type: ignore[no-untyped-def]
    def part(ids):  # type: ignore[no-untyped-def]
        return {"tokenIds": list(ids)}

    return {"quote": part(quote), "cue": part(cue), "speaker": part(speaker), "frame": part(frame),
            "addressee": part(addressee), "type": type_, "medium": medium}  # fmt: skip


def test_perfect_match_scores_one() -> None:
    gold = [ann([3, 4, 5], cue=[1], speaker=[0], frame=[0, 1, 2])]
    result = score_documents([(gold, gold)])
    assert result["f1_msg"] == result["f1_roles"] == result["f1_joint"] == 1.0


def test_half_quote_overlap_by_hand() -> None:
    # system quote {1,2}, gold {2,3,4,5}: tp=1 -> P=1/2, R=1/4, F=2*(1/8)/(3/4)=1/3
    result = score_documents([([ann([1, 2])], [ann([2, 3, 4, 5])])])
    assert result["p_msg"] == pytest.approx(0.5)
    assert result["r_msg"] == pytest.approx(0.25)
    assert result["f1_msg"] == pytest.approx(1 / 3)


def test_unpaired_annotations_count_against_precision_and_recall() -> None:
    # one correct pair, one spurious system quote, one missed gold quote
    gold = [ann([1, 2]), ann([10, 11])]
    system = [ann([1, 2]), ann([20, 21])]
    result = score_documents([(system, gold)])
    assert result["p_msg"] == pytest.approx(0.5)  # entries 1.0 and 0.0
    assert result["r_msg"] == pytest.approx(0.5)
    assert result["pairs"] == 1


def test_roles_skip_empty_parts_and_average_the_rest() -> None:
    gold = [ann([5, 6], cue=[1], speaker=[0])]
    system = [ann([5, 6], cue=[1], speaker=[0, 9])]  # speaker P=1/2, R=1; cue P=R=1
    result = score_documents([(system, gold)])
    assert result["p_roles"] == pytest.approx(0.75)
    assert result["r_roles"] == pytest.approx(1.0)


def test_type_breaks_ties_in_pairing() -> None:
    gold = [ann([1, 2], type_="Indirect"), ann([1, 2], type_="Direct")]
    system = [ann([1, 2], type_="Direct")]
    assert score_documents([(system, gold)])["form_f1"] == 1.0


@needs_shared
def test_gold_against_itself_scores_one_on_real_files() -> None:
    docs = []
    for path in sorted(GOLD_DEV.glob("*.json"))[:20]:
        gold = json.loads(path.read_text(encoding="utf-8"))["annotations"]
        docs.append((gold, gold))
    result = score_documents(docs)
    assert (result["f1_msg"], result["f1_roles"], result["f1_joint"]) == (1.0, 1.0, 1.0)
