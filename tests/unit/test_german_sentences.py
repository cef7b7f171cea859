"""German tokens and sentences (``lang/de/sentences.py``): SoMaJo's token conventions, sentence
rules read off spaCy's tokens.  One constructed row per class of case; tokens are joined by spaces."""

from __future__ import annotations

import pytest

from quellenlage import lang

ROWS = [
    # a country or a word SoMaJo's case-insensitive abbreviation list held ("italien.") ends a sentence
    ("Zusagen gibt es auch aus Italien. In Deutschland fehlen sie.",
     ["Zusagen gibt es auch aus Italien .", "In Deutschland fehlen sie ."]),
    ("Die Lifte stehen in Tirol. Dort schneit es.", ["Die Lifte stehen in Tirol .", "Dort schneit es ."]),
    # a score or a type number before a full stop: no ordinal, the sentence ends
    ("Nadal gewann mit 6:5 und 7:5. Damit siegte er.",
     ["Nadal gewann mit 6 : 5 und 7 : 5 .", "Damit siegte er ."]),
    ("Es war eine Maschine des Typs DC-9. An Bord waren 80 Menschen.",
     ["Es war eine Maschine des Typs DC-9 .", "An Bord waren 80 Menschen ."]),
    # ordinals, dates, abbreviations and initials keep their full stop and end nothing
    ("Am 3. Oktober sagte Prof. Dr. Müller, z. B. sei das so.",
     ["Am 3. Oktober sagte Prof. Dr. Müller , z. B. sei das so ."]),
    ("Das sagte Papst Benedikt XVI. am Montag, Anm. d. Red. im Text.",
     ["Das sagte Papst Benedikt XVI. am Montag , Anm. d. Red. im Text ."]),
    ("Laut Gerhard K. Meier gilt u.a. die Frist.", ["Laut Gerhard K. Meier gilt u. a. die Frist ."]),
    # a year is no ordinal: its full stop ends the sentence
    ("Das war im Jahr 2006. Dann kam er.", ["Das war im Jahr 2006 .", "Dann kam er ."]),
    ("Der Vertrag gilt ab dem 31.10.2007 um 14:30 Uhr.", ["Der Vertrag gilt ab dem 31. 10. 2007 um 14:30 Uhr ."]),
    # a word that ends in a full stop and is no abbreviation gives it up
    ("Die Firma heißt Muster GmbH. Sie wurde gegründet.", ["Die Firma heißt Muster GmbH .", "Sie wurde gegründet ."]),
    # slashes between words split, units and numbers stay whole; a gender colon stays inside the word
    ("Die CDU/CSU fuhr 2006/2007 mit 160 km/h.", ["Die CDU / CSU fuhr 2006/2007 mit 160 km/h ."]),
    ("Die Bürger:innen fragten, ob Michael O’Leary kommt.", ["Die Bürger:innen fragten , ob Michael O’Leary kommt ."]),
    # "usw." and "etc." may end a sentence
    ("Es gab Brot, Käse usw. Dann ging er.", ["Es gab Brot , Käse usw.", "Dann ging er ."]),
    # closing quotation marks stay with the sentence they close, opening ones go with the next
    ("„Wir gehen.“ Dann sagte er: „Nein.“", ["„ Wir gehen . “", "Dann sagte er : „ Nein . “"]),
    ('so der CEO."Die Branche ist ausverkauft."', ["so der CEO .", '" Die Branche ist ausverkauft . "']),
    ("Er kam. (Anm. d. Red.) Der Hersteller schwieg.", ["Er kam .", "( Anm. d. Red. )", "Der Hersteller schwieg ."]),
    # a lower-case word after a full stop continues the sentence
    ("Er sagte „Nein.“ und ging.", ["Er sagte „ Nein . “ und ging ."]),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_german_tokens_and_sentences(text: str, expected: list[str]) -> None:
    found = [" ".join(text[a:b] for a, b in sentence) for sentence in lang.get("de").sentences(text)]
    assert found == expected
