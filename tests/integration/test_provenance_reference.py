"""Issue 4's reference expectations: who stands behind each claim of the news.de article."""

from __future__ import annotations

import pytest

import quellenlage
from quellenlage.model import Assertor, EpistemicStatus, SourceKind
from quellenlage.pipeline import Pipeline
from quellenlage.report.labels import chain_text
from tests.conftest import EXAMPLE


@pytest.fixture(scope="module")
def analysis(pipeline: Pipeline) -> quellenlage.Analysis:
    return quellenlage.analyze(EXAMPLE.read_text(encoding="utf-8"), pipeline=pipeline)


def test_the_publisher_and_the_chain_to_kuzio_on_twitter(analysis: quellenlage.Analysis) -> None:
    publisher = analysis.sources[0]
    assert publisher.publisher and publisher.name == "News.de"  # from "Folgen Sie News.de …"
    relayed = [c for c in analysis.chains if c.depth == 2]
    assert [chain_text(analysis, c) for c in relayed] == ["News.de → Express → Taras Kuzio (Twitter)"]
    assert any(e.text == "Wie" or "Express" in e.text for e in relayed[0].evidence)


def test_kuzio_is_one_person_with_his_role(analysis: quellenlage.Analysis) -> None:
    kuzio = [s for s in analysis.sources if "Kuzio" in s.name]
    assert len(kuzio) == 1
    assert kuzio[0].kind is SourceKind.PERSON and kuzio[0].role is not None
    assert kuzio[0].role.text == "Professor für Politikwissenschaft"
    assert len(kuzio[0].attributions) == 2 and kuzio[0].channels == ("Twitter",)


def test_the_two_anonymous_expert_attributions(analysis: quellenlage.Analysis) -> None:
    experts = [s for s in analysis.sources if s.kind is SourceKind.VAGUE]
    assert sorted(s.name for s in experts) == ["Experten", "Viele Experten"]


def test_kazakhstans_own_reason_is_an_attributed_claim(analysis: quellenlage.Analysis) -> None:
    claim = next(c for c in analysis.claims if "Haushaltseinsparungen" in c.span.text)
    assert claim.asserted_by is Assertor.SOURCE and claim.status is EpistemicStatus.ATTRIBUTED
    assert [analysis.sources[i].name for i in claim.sources] == ["Kasachstan"]
    assert analysis.sources[claim.sources[0]].country == "KZ"


def test_the_express_claim_is_hedged_by_soll_and_behauptet(analysis: quellenlage.Analysis) -> None:
    claim = next(c for c in analysis.claims if "Express" in c.span.text)
    assert claim.status is EpistemicStatus.HEDGED
    assert {t.text for t in claim.triggers} == {"behauptet", "soll"}


def test_the_headline_is_stronger_than_the_body_with_evidence(analysis: quellenlage.Analysis) -> None:
    check = analysis.headline
    assert check is not None and check.verdict == "stronger_than_body"
    by_code = {f.code: f for f in check.findings}
    fact = by_code["stated_as_fact"]
    assert fact.span.text == "Unterstützer wenden sich ab"
    assert any("Express" in e.text for e in fact.evidence) and any(e.text == "soll" for e in fact.evidence)
    assert by_code["loaded_word"].span.text == "gedemütigt"
    assert by_code["generalises"].span.text == "Immer mehr"
    for finding in check.findings:
        assert analysis.article.text[finding.span.start : finding.span.end] == finding.span.text


def test_check_worthy_facts_are_marked(analysis: quellenlage.Analysis) -> None:
    claim = next(c for c in analysis.claims if "fünftausend" in c.span.text)
    assert [s.text for s in claim.checkworthy] == ["6. März", "fünftausend"]
    assert claim.asserted_by is Assertor.OUTLET and claim.status is EpistemicStatus.ASSERTED
