"""docs/BAD-INPUT.md, row by row: the CLI's exit code, the service's status and code, the batch error code.

The table in the document is the specification; this test reads it, so the document cannot drift
from what the product does.  No network: URL cases fail before any connection is made.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from fastapi.testclient import TestClient

from quellenlage.cli import main
from quellenlage.corpus import read_records
from quellenlage.corpus.worker import JobSpec, run_partition
from quellenlage.service import ServiceSettings, create_app
from tests.conftest import ROOT

DOC = ROOT / "docs" / "BAD-INPUT.md"
GERMAN = "Der Minister sagte am Montag in Berlin, die Lage sei ernst. Laut Polizei gab es keine Verletzten.\n"
FRENCH = "Le ministre a déclaré lundi que la situation était grave et qu'elle s'aggravait de jour en jour.\n"
PNG = b"\x89PNG\r\n\x1a\n" + bytes(64)


@dataclass(frozen=True)
class Case:
    data: bytes | None = None
    url: str | None = None
    lang: str = "auto"
    suffix: str = ".txt"
    batch_file: tuple[str, str] | None = None  # (file name, content) for cases only a corpus file has


def _utf16_one_broken() -> bytes:
    raw = b"\xff\xfe" + GERMAN.encode("utf-16-le")
    return raw[:10] + b"\x00\xd8" + raw[12:]


CASES: dict[str, Case] = {
    "empty": Case(b""),
    "whitespace": Case(b"  \n\t \n"),
    "binary": Case(PNG),
    "undecodable": Case(bytes(range(128, 256)) * 8),
    "utf16-garbage": Case(b"\xff\xfe" + b"\x00\xd8\x00\xdc\x41\x00\x00\xd8" * 40 + b"\x00\xd8"),
    "french": Case(FRENCH.encode()),
    "forced-english": Case(GERMAN.encode(), lang="en"),
    "too-large": Case((GERMAN * 22_000).encode()),
    "no-article": Case(b"<html><head><title>Leer</title></head><body><nav>Start</nav></body></html>", suffix=".html"),
    "missing-file": Case(),
    "ftp-url": Case(url="ftp://example.org/artikel"),
    "malformed-url": Case(url="http://[::1"),
    "bad-port": Case(url="http://example.org:99999/"),
    "long-label": Case(url="http://" + "a" * 70 + ".de/"),
    "private-url": Case(url="http://127.0.0.1/"),
    "nat64-loopback": Case(url="http://[64:ff9b::7f00:1]/"),
    "sixtofour-loopback": Case(url="http://[2002:7f00:1::]/"),
    "invalid-request": Case(),
    "body-too-large": Case(),
    "not-json-line": Case(batch_file=("corpus.jsonl", "this is not json\n")),
    "duplicate-id": Case(batch_file=("corpus.jsonl", "".join(json.dumps({"id": "x", "text": GERMAN}) + "\n"
                                                              for _ in range(2)))),
    "broken-csv-row": Case(batch_file=("corpus.csv", f"Web;'{GERMAN.strip()}\nSport;'{GERMAN.strip()}'\n")),
    "lone-surrogate": Case(GERMAN.replace("Montag", "Montag\ud800").encode("utf-8", "surrogatepass")),
    "tibetan": Case(GERMAN.replace("Montag", "Montag \u0f43").encode()),
    "utf16-one-broken-unit": Case(_utf16_one_broken()),
    "dot-run": Case(("a." * 4000).encode(), lang="de"),
    "deep-html": Case(("<html><body>" + "<div>" * 300 + f"<p>{GERMAN}</p>" * 3 + "</div>" * 300
                       + "</body></html>").encode(), suffix=".html"),
}


@dataclass(frozen=True)
class Row:
    case: str
    cli: int | None
    http: tuple[int, str | None] | None
    batch: str | None  # an error code, "analysed", or None


def _rows() -> list[Row]:
    text = DOC.read_text(encoding="utf-8")
    table = text.split("| case |", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in table.splitlines()[2:]:
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        case, _, cli, http, batch = cells
        status = re.match(r"(\d{3})(?:\s+`(\w+)`)?", http)
        rows.append(Row(
            case=case.strip("`"),
            cli=None if cli == "—" else int(cli),
            http=(int(status.group(1)), status.group(2)) if status else None,
            batch=None if batch == "—" else batch.strip("`"),
        ))  # fmt: skip
    return rows


ROWS = _rows()


def test_the_table_is_read_and_every_case_is_known() -> None:
    assert len(ROWS) >= 25
    assert [r.case for r in ROWS if r.case not in CASES] == []


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    settings = ServiceSettings(max_concurrency=1, max_body_bytes=4_000_000)
    with TestClient(create_app(settings), raise_server_exceptions=False) as c:
        yield c


def _file(tmp_path: Path, case: Case) -> Path:
    path = tmp_path / f"input{case.suffix}"
    assert case.data is not None
    path.write_bytes(case.data)
    return path


@pytest.mark.parametrize("row", [r for r in ROWS if r.cli is not None], ids=lambda r: r.case)
def test_cli_exit_code(row: Row, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    case = CASES[row.case]
    source = case.url or (str(tmp_path / "nope.txt") if row.case == "missing-file" else str(_file(tmp_path, case)))
    code = main(["analyze", source, "--lang", case.lang, "--format", "json"])
    err = capsys.readouterr().err
    assert code == row.cli, err
    if code:
        assert err.startswith("quellenlage: error: ") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("row", [r for r in ROWS if r.http is not None], ids=lambda r: r.case)
def test_http_status_and_code(row: Row, client: TestClient) -> None:
    case = CASES[row.case]
    if row.case == "invalid-request":
        response = client.post("/v1/analyze", json={"text": GERMAN, "url": "https://example.org/"})
    elif row.case == "body-too-large":
        response = client.post("/v1/analyze", json={"text": "x" * 4_100_000})
    elif case.url is not None:
        response = client.post("/v1/analyze", json={"url": case.url})
    else:
        assert case.data is not None
        response = client.post("/v1/analyze/upload", files={"file": (f"input{case.suffix}", case.data)},
                               data={"lang": case.lang})  # fmt: skip
    assert row.http is not None
    status, code = row.http
    assert response.status_code == status, response.text[:300]
    if code is not None:
        assert response.headers["content-type"].startswith("application/problem+json")
        assert response.json()["code"] == code


@pytest.mark.parametrize("row", [r for r in ROWS if r.batch is not None], ids=lambda r: r.case)
def test_batch_error_code(row: Row, tmp_path: Path) -> None:
    case = CASES[row.case]
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    if case.batch_file:
        name, content = case.batch_file
        (corpus / name).write_text(content, encoding="utf-8")
    else:
        assert case.data is not None
        (corpus / f"input{case.suffix}").write_bytes(case.data)
    records = list(read_records([str(corpus)]))
    out = tmp_path / "out"
    counts = run_partition(0, records, JobSpec(out=str(out), lang=case.lang))
    assert counts["articles"] + counts["errors"] == len(records)
    codes = pq.read_table(out / "errors" / "part-000000.parquet").column("code").to_pylist()
    if row.batch == "analysed":
        assert (counts["articles"], codes) == (1, [])
    else:
        assert row.batch in codes, codes
