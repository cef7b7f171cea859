"""The reference article: what a fact-checker must see (issue: analyse one article end to end)."""

from __future__ import annotations

import pytest

from quellenlage import AttributionType, BlockKind, HedgeKind, SourceKind, analyze_source
from tests.conftest import REFERENCE, needs_shared

pytestmark = needs_shared


@pytest.fixture(scope="module")
def analysis(pipeline):  # type: ignore[no-untyped-def]
    return analyze_source(REFERENCE, pipeline=pipeline)


def _find(analysis, source_part: str):  # type: ignore[no-untyped-def]
    return [a for a in analysis.attributions if source_part in " ".join(s.text for s in a.source)]


def test_body_without_boilerplate(analysis) -> None:  # type: ignore[no-untyped-def]
    article = analysis.article
    body = [b for b in article.blocks if b.kind is BlockKind.PARAGRAPH]
    assert body[0].span.text.startswith("Mitten im Angriffskrieg")
    assert body[-1].span.text.endswith("zu verärgern.")
    for furniture in (
        "Folgen Sie",
        "Artikel teilen",
        "/fka/news.de",
        "journalistischen Standards",
        "picture alliance",
    ):
        assert furniture not in article.text
    assert article.blocks[0].kind is BlockKind.HEADLINE
    assert article.blocks[0].span.text.endswith("Kreml-Chef von eigenen Verbündeten gedemütigt")
    assert article.blocks[1].kind is BlockKind.STANDFIRST
    assert article.blocks[1].span.text == "Immer mehr Verbündete wenden sich von Wladimir Putin ab."


@pytest.mark.parametrize(
    ("source", "kind", "message_start"),
    [
        ('der britische "Express"', SourceKind.MEDIA, "soll Putin nun auch noch"),
        ("Taras Kuzio, Professor für Politikwissenschaft", SourceKind.PERSON, "Aus Protest gegen Putins"),
        ("Taras Kuzio", SourceKind.PERSON, '"Russland hat die Unterstützung'),
        ("Kasachstan", SourceKind.STATE, "Kasachstan selbst hatte als Grund"),
        ("Timur Suleimenow", SourceKind.PERSON, "Bei einer Veranstaltung in Washington"),
        ('Der "Atlantic Council"', SourceKind.ORGANISATION, 'Der "Atlantic Council" bezeichnete'),
        ("Viele Experten", SourceKind.VAGUE, "dass die Absage angesichts"),
        ("Experten", SourceKind.VAGUE, "sei Kasachstan aktuell in einer schwierigen Lage"),
    ],
)
def test_sources_with_their_messages(analysis, source: str, kind: SourceKind, message_start: str) -> None:  # type: ignore[no-untyped-def]
    matches = [a for a in _find(analysis, source) if a.message[0].text.startswith(message_start)]
    assert matches, f"no attribution of {source!r} starting {message_start!r}"
    assert matches[0].source_kind is kind


def test_suleimenow_carries_his_role(analysis) -> None:  # type: ignore[no-untyped-def]
    (att,) = [a for a in _find(analysis, "Timur Suleimenow") if a.parent is None]
    assert "Stabschef des kasachischen Präsidenten" in att.source[0].text


def test_kuzio_tweet_is_one_direct_quote_over_two_sentences_in_writing(analysis) -> None:  # type: ignore[no-untyped-def]
    (att,) = [a for a in analysis.attributions if a.type is AttributionType.DIRECT and a.parent is None]
    assert att.message[0].text.endswith('steht (vorerst) noch hinter Putin."')
    assert att.medium.value == "writing"


def test_soll_verloren_haben_is_hedged(analysis) -> None:  # type: ignore[no-untyped-def]
    (express,) = _find(analysis, "Express")
    assert express.hedged
    soll = [h for h in analysis.hedges if h.kind is HedgeKind.REPORTATIVE_MODAL]
    assert [h.trigger.text for h in soll] == ["soll"]
    assert express.message[0].contains(soll[0].trigger)
