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
        # sollen of a plan or an unverified report, whatever form the tagger gives the infinitive
        ("Die Produktion soll Ende 2023 beginnen.", [(H.REPORTATIVE_MODAL, "soll")]),
        ("Das iPhone soll ganz ohne Notch erscheinen.", [(H.REPORTATIVE_MODAL, "soll")]),
        ("Was soll das?", []),
        ("So, wie Mode eigentlich sein soll: schön.", []),  # a norm in a comparison, not a report
        # hedging adverbs and phrases of the outlet's own voice
        ("Die beiden treten voraussichtlich im November vor den Altar.", [(H.ADVERB, "voraussichtlich")]),
        ("Nach aktuellem Kenntnisstand schlug der Hund an.", [(H.ADVERB, "Nach aktuellem Kenntnisstand")]),
        # hedging verbs: scheinen with an infinitive, gelten als, the passive of vermuten/erwarten
        ("Das Training scheint für Erfolge gesorgt zu haben.", [(H.HEDGING_VERB, "scheint")]),
        ("Die Sonne scheint.", []),
        ("Die Serie gilt als die erfolgreichste Europas.", [(H.HEDGING_VERB, "gilt")]),
        ("Als Kandidat gilt flüssiges Ammoniak.", [(H.HEDGING_VERB, "gilt")]),
        ("Das Gesetz gilt ab Montag.", []),
        ("Vermutet wurde damals Sabotage.", [(H.HEDGING_VERB, "Vermutet")]),
        ("Es wird erwartet, dass die Preise steigen.", [(H.HEDGING_VERB, "erwartet")]),
        ("Der Händler erwartet steigende Preise.", []),
        # a Konjunktiv has a Konjunktiv's ending, whatever mood the tagger gives a comparative or a date
        ("Die Flüge nach Mallorca werden billiger.", []),
        ("06.11.23 - Sensation in der Hochburg!", []),
        ("Er sagte, die Preise stiegen und seien zu hoch.", [(H.SUBJUNCTIVE, "seien")]),
    ],
)
def test_hedges(analyze, sentence, expected) -> None:  # type: ignore[no-untyped-def]
    assert [(h.kind, h.trigger.text) for h in analyze(sentence).hedges] == expected


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Die Produktion soll Ende 2023 beginnen.", "hedged"),
        ("Die Serie gilt als die erfolgreichste Europas.", "hedged"),
        ("Die Produktion beginnt Ende 2023.", "asserted"),
    ],
)
def test_a_hedge_in_the_outlets_voice_makes_its_claim_hedged(analyze, text, status) -> None:  # type: ignore[no-untyped-def]
    (claim,) = analyze(text).claims
    assert claim.status.value == status
