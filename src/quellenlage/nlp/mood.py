"""Konjunktiv and reportative modals from morphology plus a small lexical safety net.

The tagger marks Konjunktiv as ``Mood=Sub`` (I: ``Tense=Pres``, II: ``Tense=Past``; Mood F 88
on GSD dev).  Frequent Konjunktiv I forms are also listed, because they are the backbone of
German indirect speech (Duden Grammatik §§ 750 ff.).  ``soll … verloren haben`` is not
Konjunktiv but reportative *sollen* with a perfect infinitive, the classic hearsay marker.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..model import Token

KONJUNKTIV_I = frozenset({
    "sei", "seien", "seiest", "seiet", "habe", "könne", "müsse", "dürfe", "solle", "wolle", "möge",
    "werde", "wisse", "gebe", "liege", "stehe", "gehe", "komme", "bleibe", "halte", "sehe",
    "lasse", "brauche", "trage", "stelle", "gelte", "fehle", "handle", "zeige", "führe",
})  # fmt: skip
KONJUNKTIV_II = frozenset({
    "wäre", "wären", "hätte", "hätten", "würde", "würden", "könnte", "könnten", "müsste",
    "müssten", "dürfte", "dürften", "sollte", "sollten", "käme", "kämen", "gäbe", "gäben",
})  # fmt: skip
_REPORTATIVE = frozenset({"soll", "sollen", "sollst", "will", "wollen"})
_FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN")


def is_konjunktiv_i(token: Token, previous: Token | None = None) -> bool:
    word = token.text.lower()
    if previous is not None and previous.text.lower() in ("ich", "wir"):
        return False
    if word in KONJUNKTIV_I:
        return True
    return token.feature("Mood") == "Sub" and token.feature("Tense") == "Pres"


def is_konjunktiv_ii(token: Token) -> bool:
    return token.text.lower() in KONJUNKTIV_II or (token.feature("Mood") == "Sub" and token.feature("Tense") == "Past")


def reportative_modal(tokens: Sequence[Token], i: int, end: int) -> bool:
    """Whether finite *sollen*/*wollen* at ``i`` heads a hearsay construction.

    True for a perfect infinitive (participle + haben/sein: "soll … verloren haben") or
    *sein* ("soll … beteiligt gewesen sein", "soll krank sein") before the clause ends.
    """
    if tokens[i].text.lower() not in _REPORTATIVE:
        return False
    j = i + 1
    saw_participle = False
    while j < end and tokens[j].text not in (",", ";", ":", ".", "!", "?", "„", "“", '"'):
        word = tokens[j].text.lower()
        if (
            tokens[j].tag == "VVPP"
            or tokens[j].feature("VerbForm") == "Part"
            or (word.startswith("ge") and word.endswith(("t", "en")) and len(word) > 4)
        ):
            saw_participle = True
        if word in ("haben", "sein") and (saw_participle or word == "sein"):
            return True
        j += 1
    return False


def reportative_in(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """Indices of hearsay *sollen*/*wollen* in ``[start, end)`` (whatever the tagger said)."""
    return [i for i in range(start, end) if reportative_modal(tokens, i, end)]


def finite_verbs(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    return [
        i for i in range(start, end)
        if tokens[i].tag in _FINITE_TAGS or tokens[i].feature("VerbForm") == "Fin"
    ]  # fmt: skip
