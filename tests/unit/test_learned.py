"""The trained attribution tagger: label scheme, shipped model, rules-only mode, training recipe."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path
from typing import Any

import pytest

import quellenlage
from quellenlage import ingest, lang
from quellenlage.attribution.quotes import find_quotes
from quellenlage.errors import ResourceError
from quellenlage.learned.dataset import rules_pipeline
from quellenlage.learned.features import FEATURE_VERSION
from quellenlage.learned.labels import decode, encode
from quellenlage.learned.stage import LearnedAttribute
from quellenlage.learned.tagger import AttributionTagger, Tagging, model_folder, shipped_tagger
from quellenlage.model import AttributionType as T
from quellenlage.pipeline import default_pipeline

from ..conftest import SHARED

TRAIN = SHARED / "data" / "german-news-quotes" / "train"


def _gold(analysis: quellenlage.Analysis, annotations: list[dict[str, Any]]) -> dict[str, Any]:
    """A gold document in the dataset's format whose tokens are ours; parts given as token texts."""
    tokens = [{"id": t.index, "charBegin": t.span.start, "charEnd": t.span.end} for t in analysis.tokens]

    def ids(words: str) -> dict[str, Any]:
        if not words:
            return {"tokenIds": []}
        start = analysis.article.text.index(words)
        return {"tokenIds": [t.index for t in analysis.tokens if start <= t.span.start < start + len(words)]}

    return {
        "tokens": tokens,
        "annotations": [
            {"type": a["type"], "isNested": False, **{p: ids(a.get(p, "")) for p in
             ("quote", "cue", "speaker", "addressee", "frame")}}
            for a in annotations
        ],
    }  # fmt: skip


def test_labels_round_trip_through_the_decoder() -> None:
    text = "Der Minister sagte am Montag, die Lage sei ernst. Man arbeite an einer Lösung."
    analysis = rules_pipeline()(ingest.from_text(text, lang="de"))
    gold = _gold(analysis, [
        {"type": "Indirect", "quote": "die Lage sei ernst", "cue": "sagte", "speaker": "Der Minister",
         "frame": "Der Minister sagte am Montag,"},
        {"type": "IndirectFreeIndirect", "quote": "Man arbeite an einer Lösung."},
    ])  # fmt: skip
    labels = encode(analysis, gold)
    drafts = decode(analysis, labels, find_quotes(analysis)[0])
    words = [[analysis.tokens[i].span.text for i in d.message] for d in drafts]
    assert words[0] == ["die", "Lage", "sei", "ernst"]
    assert drafts[0].type is T.INDIRECT
    assert [analysis.tokens[i].span.text for i in drafts[0].cue] == ["sagte"]
    assert [analysis.tokens[i].span.text for i in drafts[0].source] == ["Der", "Minister"]
    # the free indirect continuation takes its speaker from the sentence before, as the guidelines do
    assert drafts[1].type is T.INDIRECT_FREE_INDIRECT
    assert drafts[1].source == drafts[0].source


def test_reported_speech_keeps_its_speaker_inside_the_message() -> None:
    text = "Ohrenzeugen berichteten von einem lauten Knall."
    analysis = rules_pipeline()(ingest.from_text(text, lang="de"))
    gold = _gold(analysis, [{"type": "Reported", "quote": text, "speaker": "Ohrenzeugen"}])
    labels = encode(analysis, gold)
    assert labels[0] == "SPK"  # learned as the speaker, not as message
    (draft,) = decode(analysis, labels, [])
    assert analysis.tokens[draft.message[0]].span.text == "Ohrenzeugen"


def test_a_direct_quote_ends_at_its_closing_mark() -> None:
    # the tagger ran on past the quote into the next paragraph: the quote still ends at "“"
    text = "Sie schrieb: „Wir bleiben hier.“ Das sagte sie am Montag.\n\nDie Stadt plant weiter."
    analysis = rules_pipeline()(ingest.from_text(text, lang="de"))
    start = next(t.index for t in analysis.tokens if t.span.text == "„")
    labels = ["O"] * len(analysis.tokens)
    labels[start] = "B-Direct"
    for i in range(start + 1, len(analysis.tokens)):
        labels[i] = "I-Direct"
    (draft,) = decode(analysis, labels, find_quotes(analysis)[0])
    assert analysis.tokens[draft.message[-1]].span.text == "“"


class _FixedTagger:
    """A stand-in for the trained tagger that returns given labels for the token texts listed."""

    language = "de"

    def __init__(self, spans: dict[str, str]) -> None:
        self.spans = spans

    def tag(self, analysis: quellenlage.Analysis) -> Tagging:
        labels = self.labels(analysis)
        return Tagging(labels, lambda idx: sum(labels[i][:2] in ("B-", "I-") for i in idx) / max(1, len(idx)))

    def labels(self, analysis: quellenlage.Analysis) -> list[str]:
        labels = ["O"] * len(analysis.tokens)
        for words, kind in self.spans.items():
            start = analysis.article.text.index(words)
            inside = [t.index for t in analysis.tokens if start <= t.span.start < start + len(words)]
            for k, i in enumerate(inside):
                is_role = kind.isupper()  # CUE, SPK, …; message types are B-/I-<Type>
                labels[i] = kind if is_role else ("B-" if k == 0 else "I-") + kind
        return labels


def test_the_default_keeps_a_speech_act_the_model_read_as_a_bare_quote() -> None:
    # the model saw only „Krieg“; the rules saw who said it: their reading stays, quote nested in it
    text = "Kasachstan bezeichnet den Einmarsch öffentlich als „Krieg“. Die Lage bleibt angespannt."
    stage = LearnedAttribute(tagger=_FixedTagger({"„Krieg“": "Direct"}))  # type: ignore[arg-type]
    analysis = stage(rules_pipeline()(ingest.from_text(text, lang="de")))
    top = [a for a in analysis.attributions if a.parent is None]
    assert [a.type for a in top] == [T.REPORTED]
    assert top[0].source[0].text == "Kasachstan"
    (nested,) = [a for a in analysis.attributions if a.parent == top[0].id]
    assert nested.message[0].text == "„Krieg“"


def test_a_rule_finding_the_model_rules_out_is_dropped() -> None:
    # "forderte" with a zu-infinitive: the rules read a demand; a model that gives the clause no
    # probability of being a message overrules them (the dataset annotates no such sentence here)
    text = "Der Verband forderte die Mitglieder auf, pünktlich zu erscheinen."
    analysis = rules_pipeline()(ingest.from_text(text, lang="de"))
    assert analysis.attributions, "the rules read the demand"
    assert not LearnedAttribute(tagger=_FixedTagger({}))(analysis).attributions  # type: ignore[arg-type]
    kept = LearnedAttribute(tagger=_FixedTagger({"pünktlich": "Indirect"}))(analysis)  # type: ignore[arg-type]
    assert [a.source[0].text for a in kept.attributions] == ["Der Verband"]


def test_a_disputed_claim_stays_whatever_the_model_says() -> None:
    text = "Der Konzern bestreitet, dass er die Daten verkauft habe."
    analysis = rules_pipeline()(ingest.from_text(text, lang="de"))
    (att,) = LearnedAttribute(tagger=_FixedTagger({}))(analysis).attributions  # type: ignore[arg-type]
    assert att.source[0].text == "Der Konzern"


def test_the_tagger_gives_message_probabilities() -> None:
    analysis = rules_pipeline()(ingest.from_text("Der Minister sagte, die Lage sei ernst.", lang="de"))
    tagging = shipped_tagger().tag(analysis)
    clause = [t.index for t in analysis.tokens if t.text in ("die", "Lage", "sei", "ernst")]
    frame = [t.index for t in analysis.tokens if t.text in ("Der", "Minister")]
    assert tagging.message_probability(clause) > 0.5 > tagging.message_probability(frame)


def test_message_probabilities_of_an_earlier_article_are_refused() -> None:
    # crfsuite keeps the marginals of the last sequence only: reading stale ones would be silently wrong
    pipe = rules_pipeline()
    first = shipped_tagger().tag(pipe(ingest.from_text("Der Minister sagte, die Lage sei ernst.", lang="de")))
    shipped_tagger().tag(pipe(ingest.from_text("Die Polizei teilte mit, niemand sei verletzt.", lang="de")))
    with pytest.raises(RuntimeError, match="moved on"):
        first.message_probability([0, 1])


def test_a_learned_attribution_takes_the_speaker_the_rules_found() -> None:
    text = "Russland warf Polen daraufhin Vernachlässigung seiner Pflichten vor."
    stage = LearnedAttribute(tagger=_FixedTagger({text: "Reported"}))  # type: ignore[arg-type]
    (att,) = stage(rules_pipeline()(ingest.from_text(text, lang="de"))).attributions
    assert att.rule.startswith("learned+")
    assert [s.text for s in att.source] == ["Russland"]


def test_a_reported_speech_act_needs_a_verb_the_rules_know() -> None:
    # the model alone reads reported speech acts with low precision: without a rule finding under
    # it, its reading is dropped; an indirect clause it finds alone stays
    text = "Die Feuerwehr rückte mit zwölf Fahrzeugen an. Der Minister hält es für möglich, dass die Steuern steigen."
    spans = {"Die Feuerwehr rückte mit zwölf Fahrzeugen an": "Reported", "dass die Steuern steigen": "Indirect"}
    stage = LearnedAttribute(tagger=_FixedTagger(spans))  # type: ignore[arg-type]
    found = stage(rules_pipeline()(ingest.from_text(text, lang="de"))).attributions
    assert [(a.type, a.message[0].text) for a in found] == [(T.INDIRECT, "dass die Steuern steigen")]


def test_a_sourceless_demnach_is_not_an_anonymous_claim() -> None:
    # "Demnach" points back to a source the model does not name: the outlet's report stays its own
    text = "Die Polizei nannte am Abend Einzelheiten. Demnach hat der Fahrer die Kontrolle verloren."
    spans = {"Demnach": "CUE", "hat der Fahrer die Kontrolle verloren": "Indirect"}
    stage = LearnedAttribute(tagger=_FixedTagger(spans))  # type: ignore[arg-type]
    found = stage(rules_pipeline()(ingest.from_text(text, lang="de"))).attributions
    assert not [a for a in found if "Fahrer" in a.message[0].text]


def test_a_report_only_the_model_found_is_continued() -> None:
    # the rules miss "hält es für möglich"; the Konjunktiv sentence after the model's finding
    # continues the minister's report
    text = "Der Minister hält es für möglich, dass die Steuern steigen. Man müsse sparen."
    spans = {"Der Minister": "SPK", "dass die Steuern steigen": "Indirect"}
    stage = LearnedAttribute(tagger=_FixedTagger(spans))  # type: ignore[arg-type]
    found = stage(rules_pipeline()(ingest.from_text(text, lang="de"))).attributions
    follow = [a for a in found if a.message[0].text.startswith("Man müsse")]
    assert [(a.type, a.source[0].text) for a in follow] == [(T.INDIRECT_FREE_INDIRECT, "Der Minister")]


def test_the_model_finds_what_the_rules_miss() -> None:
    text = "Der Minister hält es für möglich, dass die Steuern steigen."
    assert not default_pipeline(rules_only=True)(ingest.from_text(text, lang="de")).attributions
    (att,) = default_pipeline(rules_only=False)(ingest.from_text(text, lang="de")).attributions
    assert [s.text for s in att.message] == ["dass die Steuern steigen"]
    assert [s.text for s in att.source] == ["Der Minister"]


def test_rules_only_leaves_the_model_out(monkeypatch: pytest.MonkeyPatch) -> None:
    assert "attribute-learned" in default_pipeline(rules_only=False).names
    assert "attribute-learned" not in default_pipeline(rules_only=True).names
    monkeypatch.setenv("QUELLENLAGE_RULES_ONLY", "1")
    assert "attribute-learned" not in default_pipeline().names


def test_the_shipped_model_matches_its_card() -> None:
    folder = model_folder(lang.get("de"))
    meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    model = folder / "model.crfsuite"
    assert meta["feature_version"] == FEATURE_VERSION
    assert meta["sha256"] == hashlib.sha256(model.read_bytes()).hexdigest()
    assert model.stat().st_size < 50_000_000
    assert "CC BY-NC-SA" in meta["licence"]
    assert shipped_tagger().meta == meta


def test_a_model_for_other_features_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ResourceError, match="retrain"):
        AttributionTagger(tmp_path / "model.crfsuite", {"feature_version": FEATURE_VERSION + 1})


@pytest.mark.skipif(not TRAIN.exists(), reason="../shared/data (the training data) is not beside this checkout")
def test_training_is_deterministic_and_the_model_tags(tmp_path: Path) -> None:
    from quellenlage.learned.train import TrainParams, train

    small = tmp_path / "train"
    small.mkdir()
    for path in sorted(TRAIN.glob("*.json"))[:12]:
        shutil.copy(path, small)
    params = TrainParams(max_iterations=15)
    first = train(small, tmp_path / "a", params=params, log=lambda _: None)
    second = train(small, tmp_path / "b", params=params, log=lambda _: None)
    assert first["sha256"] == second["sha256"]
    tagger = AttributionTagger(tmp_path / "a" / "model.crfsuite", first)
    analysis = rules_pipeline()(ingest.from_text("Er sagte, es regne.", lang="de"))
    assert set(tagger.labels(analysis)) <= set(first["labels"])


@pytest.mark.parametrize(
    ("rule", "model_cue", "where", "carried"),
    [
        # a continuation carries its speaker: the model's noun of the sentence itself is no source,
        # nor is a name further back than a speaker carries
        ("de.konjunktiv_continuation", False, "inside", True),
        ("de.konjunktiv_continuation", False, "far", True),
        # within reach, the model's reading stands; so where a rule names its own source, or the
        # model reads a cue in the sentence
        ("de.konjunktiv_continuation", False, "near", False),
        ("de.verb_clause", False, "inside", False),
        ("de.konjunktiv_continuation", True, "inside", False),
    ],
)
def test_a_continuation_keeps_the_speaker_it_carries(rule: str, model_cue: bool, where: str, carried: bool) -> None:
    from quellenlage.attribution.draft import Draft
    from quellenlage.learned.stage import _carried_speaker
    from quellenlage.model import Medium

    text = ("Das Präsidium tagte.\n\nDie Wahl lief.\n\nDer Saal war voll.\n\nMaria Berg sagte, die Pläne seien "
            "falsch. Derweil würde die Bagatellgrenze die Anlagen diskriminieren.")
    analysis = quellenlage.analyze(text, lang="de", pipeline=rules_pipeline())
    words = [t.text for t in analysis.tokens]
    last = [t.index for t in analysis.tokens if t.sentence == analysis.tokens[-1].sentence]
    speaker = [words.index("Maria"), words.index("Berg")]
    model_source = {
        "inside": [words.index("die", last[0]), words.index("Bagatellgrenze")],
        "near": speaker,
        "far": [words.index("Das"), words.index("Präsidium")],
    }[where]
    continuation = Draft(T.INDIRECT_FREE_INDIRECT, Medium.SPEECH, last, source=list(speaker), rule=rule)
    learned = Draft(T.INDIRECT_FREE_INDIRECT, Medium.SPEECH, [k for k in last if k not in model_source],
                    source=list(model_source), cue=[words.index("würde")] if model_cue else [], rule="learned")
    if where == "near":
        continuation.source = [words.index("Pläne")]  # the rules carried another speaker
    _carried_speaker(analysis, learned, continuation)
    assert (learned.source == continuation.source) is carried
