"""English attribution constructions, one constructed sentence each, through the real English tagger.

English is a preview language (``lang.PREVIEW``): reachable by the evaluation and these tests,
not offered to users until it meets its targets (issue 17).
"""

from __future__ import annotations

import pytest

from quellenlage import ingest, lang
from quellenlage.model import Analysis, Metadata, Span
from quellenlage.pipeline import Pipeline, default_pipeline


@pytest.fixture(scope="module")
def english() -> Pipeline:
    return default_pipeline(rules_only=True)


def _text(spans: tuple[Span, ...]) -> str:
    return " … ".join(s.text for s in spans)


def _read(pipeline: Pipeline, text: str) -> Analysis:
    return pipeline(ingest.verbatim(text, Metadata(language="en")))


@pytest.mark.parametrize(
    ("sentence", "source", "cue", "content"),
    [
        ("The minister said the plan was dead.", "The minister", "said", "the plan was dead"),
        ("The minister said that the plan was dead.", "The minister", "said", "that the plan was dead"),
        ("Police have also said the road was closed.", "Police", "have also said", "the road was closed"),
        ("The plan is dead, the minister said.", "the minister", "said", "The plan is dead"),
        ("“The plan is dead,” the minister said.", "the minister", "said", "“The plan is dead,”"),
        ("According to police, nobody was hurt.", "police", "According to", "nobody was hurt"),
        ("Nobody was hurt, according to the police.", "the police", "according to", "Nobody was hurt"),
        ("The senator denied the report.", "The senator", "denied", "the report"),
        ("Trump urged supporters to monitor polling places.", "Trump", "urged",
         "supporters to monitor polling places"),
        ("Clinton wants to triple the size of the program.", "Clinton", "wants", "to triple the size of the program"),
        ("The mayor called for an independent inquiry.", "The mayor", "called for", "an independent inquiry"),
    ],
)  # fmt: skip
def test_english_constructions(english: Pipeline, sentence: str, source: str, cue: str, content: str) -> None:
    analysis = _read(english, sentence)
    found = [(_text(a.source), _text(a.cue), _text(a.message)) for a in analysis.attributions if a.parent is None]
    assert (source, cue, content) in found


def test_a_quotation_over_two_sentences_is_one_content(english: Pipeline) -> None:
    text = "“We will win. Nobody can stop us,” the candidate said."
    (att,) = [a for a in _read(english, text).attributions if a.parent is None]
    assert _text(att.source) == "the candidate" and "We will win" in _text(att.message)
    assert "Nobody can stop us" in _text(att.message)


def test_english_is_a_preview_not_offered_to_users() -> None:
    assert lang.available() == ["de"] and lang.get("en").name == "English"
    with pytest.raises(Exception, match="not analysed yet"):
        ingest.from_text("The minister said the plan was dead.", lang="en")
