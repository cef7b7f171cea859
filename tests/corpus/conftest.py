"""Small corpora in every input format, written fresh for each test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

QUOTE = "Die Preise müssen steigen, weil die Energie so teuer geworden ist wie nie zuvor"


def article(n: int, outlet: str) -> str:
    return (
        f"Meldung {n}: Die Bahn erhöht die Preise\n\n"
        f"Die Bahn erhöht zum Dezember die Preise um {n} Prozent. „{QUOTE}“, sagte Bahnchef Richard Lutz "
        f"am Montag in Berlin. Laut Fahrgastverband Pro Bahn ist das ein Fehler. Experten zufolge werden "
        f"viele Pendler auf das Auto umsteigen. Der Verkehrsminister soll bereits protestiert haben.\n"
    )


@pytest.fixture()
def jsonl_corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.jsonl"
    outlets = ["tagesschau.de", "spiegel.de", "bild.de", "zeit.de", "taz.de"] * 2
    lines = [
        json.dumps({"id": f"a{n}", "text": article(n, o), "outlet": o, "date": f"2024-03-0{n % 9 + 1}"})
        for n, o in enumerate(outlets)
    ]
    lines.insert(3, "this is not json")
    lines.insert(5, json.dumps({"id": "empty", "text": "   "}))
    lines.insert(7, json.dumps({"id": "nobody", "title": "no text here"}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
