"""Every corpus input format read into records with stable ids, in a repeatable order."""

from __future__ import annotations

import io
import json
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


def _read(path: Path) -> list[tuple[str, str | None, str]]:
    records = read_records([str(path)])
    return [(r.id.rsplit("/", 1)[-1], r.problem_code if r.problem else None, str(r.data)) for r in records]


def test_an_unclosed_quote_in_the_10kgnad_layout_costs_one_row_not_the_next(tmp_path: Path) -> None:
    path = tmp_path / "gnad.csv"
    path.write_text("Web;'Text sieben ohne Ende\nSport;'Text acht'\nInland;'Text neun'\n", encoding="utf-8")
    rows = _read(path)
    assert [(rid, code) for rid, code, _ in rows] == [("gnad.csv:1", "csv_broken_row"), ("gnad.csv:2", None),
                                                     ("gnad.csv:3", None)]  # fmt: skip
    assert rows[1][2] == "Text acht"  # the row the broken one would have swallowed
    assert len(rows) == count_records([str(path)])


@pytest.mark.parametrize("content", [
    'id,text\nc7,"sieben\nc8,acht\nc9,neun\n',  # never closed: runs to the end of the file
    'id,text\nc7,"sieben\nc8,"acht"\nc9,neun\n',  # closed by the next row's quote, in the wrong place
])  # fmt: skip
def test_a_broken_row_with_a_header_is_reported_with_its_line(tmp_path: Path, content: str) -> None:
    path = tmp_path / "headed.csv"
    path.write_text(content, encoding="utf-8")
    rows = _read(path)
    assert rows[0][:2] == ("headed.csv:2", "csv_broken_row")
    assert [(rid, code) for rid, code, _ in rows[1:]] == [("c8", None), ("c9", None)]


def test_a_text_over_several_lines_is_no_broken_row(tmp_path: Path) -> None:
    path = tmp_path / "multi.csv"
    path.write_text('id,text\nc7,"Erste Zeile, mit Komma.\nZweite Zeile, auch mit Komma."\nc8,acht\n', encoding="utf-8")
    assert [(rid, code) for rid, code, _ in _read(path)] == [("c7", None), ("c8", None)]


def test_a_repeated_id_is_a_duplicate_id_error(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text("".join(json.dumps({"id": i, "text": article(n, "x")}) + "\n"
                            for n, i in enumerate(["a", "b", "a"])), encoding="utf-8")  # fmt: skip
    records = list(read_records([str(path), str(path)]))  # the same file twice, too
    assert [(r.id, r.problem_code if r.problem else None) for r in records] == [
        ("a", None), ("b", None), ("a", "duplicate_id"), ("a", "duplicate_id"), ("b", "duplicate_id"),
        ("a", "duplicate_id")]  # fmt: skip
    assert "c.jsonl:1" in (records[2].problem or "")


def test_a_file_over_the_limit_is_not_read(tmp_path: Path) -> None:
    (tmp_path / "gross.txt").write_text("x" * 5000, encoding="utf-8")
    (tmp_path / "klein.txt").write_text(article(1, "x"), encoding="utf-8")
    records = list(read_records([str(tmp_path)], max_file_bytes=1000))
    assert [(r.id, r.problem_code if r.problem else None) for r in records] == [("gross.txt", "too_large"),
                                                                               ("klein.txt", None)]  # fmt: skip


def test_a_warc_response_over_the_limit_is_not_read_whole(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc"
    with path.open("wb") as f:
        writer = WARCWriter(f, gzip=False)
        for url, body in [("https://taz.de/gross", "<p>" + "x" * 5000 + "</p>"), ("https://taz.de/klein", "<p>ok</p>")]:
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                          http_headers=headers))  # fmt: skip
    records = list(read_records([str(path)], max_file_bytes=1000))
    assert [(r.url or r.origin, r.problem_code if r.problem else None) for r in records] == [
        ("https://taz.de/gross", "too_large"), ("https://taz.de/klein", None)]  # fmt: skip
