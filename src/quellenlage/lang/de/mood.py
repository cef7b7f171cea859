"""Konjunktiv and reportative modals from morphology plus a small lexical safety net.

The tagger marks Konjunktiv as ``Mood=Sub`` (I: ``Tense=Pres``, II: ``Tense=Past``; Mood F 88
on GSD dev).  Frequent Konjunktiv I forms are also listed, because they are the backbone of
German indirect speech (Duden Grammatik §§ 750 ff.).  ``soll … verloren haben`` is not
Konjunktiv but reportative *sollen* with a perfect infinitive, the classic hearsay marker.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ...model import Token

KONJUNKTIV_I = frozenset({
    "sei", "seien", "seiest", "seiet", "habe", "könne", "müsse", "dürfe", "solle", "wolle", "möge",
    "werde", "wisse", "gebe", "liege", "stehe", "gehe", "komme", "bleibe", "halte", "sehe",
    "lasse", "brauche", "trage", "stelle", "gelte", "fehle", "handle", "zeige", "führe",
})  # fmt: skip
KONJUNKTIV_II = frozenset({
    "wäre", "wären", "hätte", "hätten", "würde", "würden", "könnte", "könnten", "müsste",
    "müssten", "dürfte", "dürften", "sollte", "sollten", "käme", "kämen", "gäbe", "gäben",
    # strong verbs whose umlaut sets the Konjunktiv II apart from the past tense ("lägen auf Eis")
    "läge", "lägen", "stünde", "stünden", "fände", "fänden", "wüsste", "wüssten", "bräuchte",
    "bräuchten", "ginge", "hielte", "ließe", "bliebe", "sähe", "sähen", "nähme", "nähmen",
})  # fmt: skip
_REPORTATIVE = frozenset({"soll", "sollen", "sollst", "will", "wollen"})
_PERSONAL_NON_THIRD = frozenset({"ich", "wir", "du", "ihr"})  # "ich habe" is indicative
_THIRD_PERSON_SUBJECTS = frozenset({"er", "sie", "es", "man"})
_FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN")
# every Konjunktiv form ends so (the listed forms aside): the tagger's mood on a word that does
# not ("billiger", the "06." of a date) is a misreading
_KONJUNKTIV_ENDINGS = ("e", "en", "est", "et", "st")


def _subjunctive_form(word: str) -> bool:
    return word.isalpha() and word.endswith(_KONJUNKTIV_ENDINGS)


def is_konjunktiv_i(token: Token, previous: Token | None = None) -> bool:
    word = token.text.lower()
    if previous is not None and previous.text.lower() in _PERSONAL_NON_THIRD:
        return False
    if word in KONJUNKTIV_I:
        return True
    if _subjunctive_form(word) and token.feature("Mood") == "Sub" and token.feature("Tense") == "Pres":
        return True
    # "Er finde es toll", "Tesla plane …": the stem plus -e right after a third-person subject is
    # Konjunktiv I, whatever mood the tagger gave it (it reads "finde" as "ich finde")
    # (not where the tagger gave it the first person: it saw the "ich" of "Jetzt plane ich")
    subject = previous is not None and (
        previous.text.lower() in _THIRD_PERSON_SUBJECTS or previous.pos in ("NOUN", "PROPN")
    )
    third = subject and token.feature("Person") != "1"
    return third and _looks_konjunktiv_i(token.text, token.lemma)


_AUX_LEMMAS = {"haben": "VAFIN", "sein": "VAFIN", "werden": "VAFIN", "können": "VMFIN", "müssen": "VMFIN",
               "dürfen": "VMFIN", "sollen": "VMFIN", "wollen": "VMFIN", "mögen": "VMFIN"}  # fmt: skip
_KONJUNKTIV_I_MORPH = "Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin"


def _looks_konjunktiv_i(word: str, lemma: str) -> bool:
    """A lower-case form that is the verb stem plus *-e* (``arbeite``, ``bleibe``, ``ändere``):
    third person Konjunktiv I unless the subject is *ich*.  Listed forms count too."""
    low, lem = word.lower(), lemma.lower()
    if low in KONJUNKTIV_I:
        return True
    return (
        word.islower() and len(low) >= 4 and low.endswith("e") and lem != low
        and lem in (low[:-1] + "en", low + "n")
    )  # fmt: skip


def repair_konjunktiv_i(tokens: Sequence[Token]) -> list[Token]:
    """Konjunktiv I forms the tagger did not read as finite verbs, made finite verbs.

    The UD training data has few of them, so the tagger reads "die Lage bleibe ernst" with
    *bleibe* as an adverb and "man arbeite an einer Lösung" with *arbeite* as a noun; the
    clause then has no finite verb and no rule sees the indirect speech.  Measured on the dev
    split of the news quotation data (docs/models/attribution-crf.md).
    """
    out = list(tokens)
    for i, tok in enumerate(tokens):
        finite = tok.feature("VerbForm") == "Fin" or tok.tag in _FINITE_TAGS
        if finite or tok.pos in ("DET", "PRON", "ADP", "CCONJ", "SCONJ", "NUM", "PUNCT"):
            continue
        if tok.pos in ("NOUN", "PROPN") and not tok.text.islower():  # a noun, not a mis-tagged verb
            continue
        previous = tokens[i - 1] if i > 0 and tokens[i - 1].sentence == tok.sentence else None
        if previous is not None and previous.text.lower() in _PERSONAL_NON_THIRD:
            continue
        if not _looks_konjunktiv_i(tok.text, tok.lemma):
            continue
        lemma = tok.lemma.lower()
        tag = _AUX_LEMMAS.get(lemma, "VVFIN")
        pos = "AUX" if tag != "VVFIN" else "VERB"
        out[i] = replace(tok, pos=pos, tag=tag, morph=_KONJUNKTIV_I_MORPH)
    return out


def is_konjunktiv_ii(token: Token) -> bool:
    word = token.text.lower()
    morph = token.feature("Mood") == "Sub" and token.feature("Tense") == "Past"
    return word in KONJUNKTIV_II or (morph and _subjunctive_form(word))


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
