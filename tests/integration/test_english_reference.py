"""Issue 17's English reference article: Wikinews on North Korea's "quasi-state of war".

The body has the story from Yonhap, which quotes North Korea's state news agency KCNA; the
headline states it as fact.  Each test holds one point a journalist would read off the article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import quellenlage
from quellenlage.model import FindingCode, SourceKind, Verdict
from quellenlage.pipeline import Pipeline
from quellenlage.report.labels import chain_text

ARTICLE = Path(__file__).resolve().parents[2] / "examples" / "wikinews-en-north-korea-quasi-state-of-war.txt"


@pytest.fixture(scope="module")
def analysis(pipeline: Pipeline) -> quellenlage.Analysis:
    return quellenlage.analyze(ARTICLE.read_text(encoding="utf-8"), pipeline=pipeline)


def _source(analysis: quellenlage.Analysis, name: str) -> quellenlage.Source:
    (found,) = [s for s in analysis.sources if name in s.name and not s.publisher]
    return found


def test_the_article_is_read_as_english(analysis: quellenlage.Analysis) -> None:
    assert analysis.article.metadata.language == "en"


def test_the_chain_publisher_yonhap_kcna(analysis: quellenlage.Analysis) -> None:
    relayed = [chain_text(analysis, c) for c in analysis.chains if c.depth == 2]
    assert relayed == ["the publication → Yonhap news agency → Korean Central News Agency"]


def test_kcna_is_media_and_speaks_every_quotation(analysis: quellenlage.Analysis) -> None:
    kcna = _source(analysis, "Korean Central News Agency")
    assert kcna.kind is SourceKind.MEDIA and kcna.country == "KP"
    cues = {analysis.attributions[a].cue[0].text for a in kcna.attributions}
    assert {"quoting", "said", "added"} <= cues
    # "…", it added / "…", added KCNA: every quotation of the article is the agency's
    quotes = [a for a in analysis.attributions if a.message and a.message[0].text.startswith('"')]
    assert len(quotes) == 4 and all(a.id in kcna.attributions for a in quotes)


def test_the_two_koreas_are_states(analysis: quellenlage.Analysis) -> None:
    assert _source(analysis, "South Korea").kind is SourceKind.STATE
    assert _source(analysis, "North Korea").kind is SourceKind.STATE


def test_the_headline_states_as_fact_what_the_body_attributes(analysis: quellenlage.Analysis) -> None:
    check = analysis.headline
    assert check is not None and check.verdict is Verdict.STRONGER_THAN_BODY
    stated = [f for f in check.findings if f.code is FindingCode.STATED_AS_FACT]
    assert stated and "Yonhap" in stated[0].message
    assert any(e.text.startswith("According to Yonhap news agency, quoting") for e in stated[0].evidence)


def test_no_vague_source_where_no_one_speaks(analysis: quellenlage.Analysis) -> None:
    # "the Korean People's Army", "about 80 people" evacuated: nobody vague is quoted
    assert not [h for h in analysis.hedges if h.kind.value == "vague_source"]


def test_the_terminal_report_quotes_english_evidence_in_english_marks(analysis: quellenlage.Analysis) -> None:
    from quellenlage.report.text import render_text

    text = render_text(analysis)
    assert "      “According to Yonhap news agency, quoting" in text and "„" not in text
