"""PolNeAR's brat layout: read, written back, scored with the German metric carried over."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from quellenlage.cli import main
from quellenlage.errors import InputError
from quellenlage.evaluation.polnear import (
    BratAttribution,
    PolnearDocument,
    is_polnear,
    parse_ann,
    read_polnear,
    score,
    tokens_of,
    write_ann,
)

TEXT = "The Post has learned that the plan is dead. “It is over,” she said, according to aides."


def _at(words: str) -> str:
    start = TEXT.index(words)
    return f"{start} {start + len(words)}"


ANN = (
    f"T1\tSource {_at('The Post')}\tThe Post\nT2\tCue {_at('has learned')}\thas learned\n"
    f"T3\tContent {_at('that the plan is dead')}\tthat the plan is dead\n"
    f"T4\tAttribution {_at('has learned')}\thas learned\nE1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    f"T5\tContent {_at('“It is over,”')};{_at('aides')}\t“It is over,” aides\nT6\tSource {_at('she')}\tshe\n"
    f"T7\tCue {_at('said')}\tsaid\nT8\tAttribution {_at('said')}\tsaid\n"
    "E2\tAttribution:T8 Content:T5 Cue:T7 Source:T6\n"
)


def test_an_ann_file_is_read_with_discontinuous_spans_and_written_back() -> None:
    atts = parse_ann(ANN)
    assert atts[0] == BratAttribution(content=((21, 42),), cue=((9, 20),), source=((0, 8),))
    assert len(atts[1].content) == 2
    written = write_ann(atts, TEXT)
    assert "E1\tAttribution:T1 Content:T2 Cue:T3 Source:T4" in written
    assert f"T6\tContent {_at('“It is over,”')};{_at('aides')}\t“It is over,” aides" in written
    assert parse_ann(written) == atts


@pytest.mark.parametrize("bad", ["T1\tSource 0\tThe", "T1\tSource a b\tThe", "E1\tAttribution:T9 Content:T8"])
def test_a_broken_ann_line_is_an_input_error_naming_the_line(bad: str) -> None:
    with pytest.raises(InputError, match="line 1"):
        parse_ann(bad)


def test_gold_against_itself_scores_one_and_a_miss_scores_less() -> None:
    doc = PolnearDocument("doc", TEXT, tuple(parse_ann(ANN)))
    perfect = score([(doc.attributions, doc)])
    assert perfect["f1_joint"] == perfect["f1_content"] == 1.0
    assert perfect["parts"]["cue"] == {"exact_f1": 1.0, "overlap_f1": 1.0}
    half = score([(doc.attributions[:1], doc)])
    assert 0 < half["f1_joint"] < 1 and half["pairs"] == 1
    # the cue one word short: not exact, but most of its tokens overlap
    short = BratAttribution(content=((21, 42),), cue=((13, 20),), source=((0, 8),))
    parts = score([((short, doc.attributions[1]), doc)])["parts"]["cue"]
    assert parts["exact_f1"] == 0.5 and parts["overlap_f1"] > 0.5


def test_tokens_keep_inner_apostrophes_and_split_punctuation() -> None:
    text = "Trump’s U.S. plan, “re-done.”"
    assert [text[s:e] for s, e in tokens_of(text)] == ["Trump’s", "U.S", ".", "plan", ",", "“", "re-done", ".", "”"]


def _layout(root: Path) -> Path:
    (root / "text").mkdir(parents=True)
    (root / "attributions").mkdir()
    (root / "text" / "doc.txt").write_text(TEXT, encoding="utf-8")
    (root / "attributions" / "doc_b.ann").write_text("", encoding="utf-8")
    (root / "attributions" / "doc_a.ann").write_text(ANN, encoding="utf-8")
    return root


def test_the_first_annotator_in_sorted_order_is_the_gold(tmp_path: Path) -> None:
    root = _layout(tmp_path / "polnear")
    assert is_polnear(root) and not is_polnear(tmp_path)
    (doc,) = read_polnear(root)
    assert doc.name == "doc" and len(doc.attributions) == 2
    (root / "text" / "doc.txt").unlink()
    with pytest.raises(InputError, match="has no text"):
        read_polnear(root)


def test_eval_reads_the_polnear_layout_and_writes_brat_predictions(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _layout(tmp_path / "polnear")
    out = tmp_path / "pred"
    assert main(["eval", str(root), "--predictions-out", str(out)]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["documents"] == 1 and result["gold"] == 2 and result["attribution"] == "rules"
    assert result["f1_joint"] > 0.5  # "has learned that …" and "according to aides" are found
    predicted = parse_ann((out / "doc.ann").read_text(encoding="utf-8"))
    assert any(TEXT[a.source[0][0] : a.source[0][1]] == "The Post" for a in predicted)


def test_gold_spans_become_labels_on_our_tokens() -> None:
    from quellenlage import ingest
    from quellenlage.learned.dataset import rules_pipeline
    from quellenlage.learned.labels import encode_spans
    from quellenlage.model import Metadata

    analysis = rules_pipeline()(ingest.verbatim(TEXT, Metadata(language="en")))
    gold = [{part: att.part(part) for part in ("content", "cue", "source")} for att in parse_ann(ANN)]
    labels = dict(zip((t.text for t in analysis.tokens), encode_spans(analysis, gold), strict=False))
    assert (labels["Post"], labels["learned"], labels["plan"]) == ("SPK", "CUE", "I-Indirect")
    assert (labels["“"], labels["said"], labels["aides"]) == ("B-Direct", "CUE", "I-Direct")


def test_a_model_trained_on_english_is_for_english_articles_only(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = _layout(tmp_path / "polnear")
    model = tmp_path / "model"
    assert main(["train", str(root), "--lang", "en", "--out", str(model), "--iterations", "5"]) == 0
    meta = json.loads(capsys.readouterr().out)
    assert meta["language"] == "en" and "never shipped" in meta["licence"]
    assert main(["eval", str(root), "--model", str(model)]) == 0
    assert json.loads(capsys.readouterr().out)["attribution"] == "model+rules"

    from quellenlage import ingest
    from quellenlage.learned.tagger import load_tagger
    from quellenlage.pipeline import default_pipeline

    german = ingest.from_text("Der Minister sagte, die Lage sei ernst.", lang="de")
    with_english_model = default_pipeline(tagger=load_tagger(model), rules_only=False)(german)
    assert with_english_model.attributions == default_pipeline(rules_only=True)(german).attributions


def test_a_folder_without_a_trained_model_is_an_input_error(tmp_path: Path) -> None:
    from quellenlage.learned.tagger import load_tagger

    with pytest.raises(InputError, match="no trained attribution model"):
        load_tagger(tmp_path)


def test_german_gold_files_train_a_german_model_only(tmp_path: Path) -> None:
    from quellenlage.learned.train import train

    (tmp_path / "gold").mkdir()
    with pytest.raises(InputError, match="German dataset's gold files"):
        train(tmp_path / "gold", tmp_path / "model", language="en", log=lambda _: None)


def test_eval_refuses_a_model_with_rules_only(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _layout(tmp_path / "polnear")
    assert main(["eval", str(root), "--model", str(tmp_path), "--rules-only"]) != 0
    assert "exclude each other" in capsys.readouterr().err
