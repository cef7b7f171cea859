from __future__ import annotations

import pytest

from quellenlage import HedgeKind as H


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Putin soll die Unterstützung verloren haben.", [(H.REPORTATIVE_MODAL, "soll")]),
        ("Der angebliche Täter floh.", [(H.ADVERB, "angebliche")]),
        ("Experten zufolge sei die Lage schwierig.", [(H.VAGUE_SOURCE, "Experten"), (H.SUBJUNCTIVE, "sei")]),
        (
            "Der Verband behauptet, die Zahlen seien falsch.",
            [(H.DISTANCING_VERB, "behauptet"), (H.SUBJUNCTIVE, "seien")],
        ),
        ("Die Regierung hat das Gesetz beschlossen.", []),
    ],
)
def test_hedges(analyze, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    assert [(h.kind, h.trigger.text) for h in analyze(sentence).hedges] == expected
