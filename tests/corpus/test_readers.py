"""Every corpus input format read into records with stable ids, in a repeatable order."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from quellenlage.corpus import count_records, read_records
from quellenlage.errors import InputError
from tests.corpus.conftest import article


def test_jsonl_records_keep_ids_metadata_and_bad_lines(jsonl_corpus: Path) -> None:
    records = list(read_records([str(jsonl_corpus)]))
    assert len(records) == count_records([str(jsonl_corpus)]) == 13
    assert records[0].id == "a0" and records[0].outlet == "tagesschau.de" and records[0].date == "2024-03-01"
    problems = [r for r in records if r.problem]
    assert [r.origin.rsplit(":", 1)[1] for r in problems] == ["4", "8"]  # the non-JSON line, the line without text
    assert [r.id for r in read_records([str(jsonl_corpus)])] == [r.id for r in records]  # repeatable


def test_folder_of_files_sorted_with_relative_ids(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "zwei.html").write_text(f"<html><body><p>{article(2, 'x')}</p></body></html>", encoding="utf-8")
    (tmp_path / "eins.txt").write_text(article(1, "x"), encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"\x89PNG")
    records = list(read_records([str(tmp_path)]))
    assert [r.id for r in records] == ["b/zwei.html", "eins.txt"]
    assert records[0].is_html and not records[1].is_html
    assert [r.id for r in read_records([str(tmp_path / "*.txt")])] == [str(tmp_path / "eins.txt")]


def test_csv_in_the_10kgnad_layout_and_with_a_header(tmp_path: Path) -> None:
    gnad = tmp_path / "gnad.csv"
    gnad.write_text("Wirtschaft;'Die Bahn erhöht die Preise, sagte er.'\nSport;'Ein Tor, zwei ''Tore''.'\n",
                    encoding="utf-8")  # fmt: skip
    records = list(read_records([str(gnad)]))
    assert [(r.label, r.data) for r in records] == [("Wirtschaft", "Die Bahn erhöht die Preise, sagte er."),
                                                    ("Sport", "Ein Tor, zwei 'Tore'.")]  # fmt: skip
    headed = tmp_path / "headed.csv"
    headed.write_text('id,outlet,text\nx1,taz.de,"Erster Text, mit Komma."\nx2,,Zweiter Text\n', encoding="utf-8")
    assert [(r.id, r.outlet, r.data) for r in read_records([str(headed)])] == [
        ("x1", "taz.de", "Erster Text, mit Komma."), ("x2", None, "Zweiter Text")]  # fmt: skip
    no_text = tmp_path / "numbers.csv"
    no_text.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(InputError, match="no text column"):
        list(read_records([str(no_text)]))


def test_warc_response_records_of_html_pages(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, ctype, body in [("https://www.taz.de/a", "text/html; charset=utf-8", f"<p>{article(1, 'x')}</p>"),
                                 ("https://www.taz.de/b.jpg", "image/jpeg", "JPEG")]:  # fmt: skip
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                          http_headers=headers))  # fmt: skip
    records = list(read_records([str(path)]))
    assert len(records) == 1 and records[0].url == "https://www.taz.de/a" and records[0].outlet == "taz.de"
    assert b"Bahn" in records[0].data if isinstance(records[0].data, bytes) else False
    assert count_records([str(path)]) is None  # unknown without parsing: the progress bar shows no ETA


def test_missing_inputs_are_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="nope"):
        list(read_records([str(tmp_path / "nope")]))
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(InputError, match="holds no"):
        list(read_records([str(empty)]))
