"""Corpus inputs as one stream of :class:`Record` in a fixed, repeatable order.

Folders and globs of ``.html``/``.htm``/``.txt`` files, JSONL (``id``, ``text`` or ``html``,
optional ``url``, ``title``, ``date``, ``outlet``), CSV with a text column (the 10kGNAD layout
``label;'text'`` is recognised), WARC and WARC.gz (``response`` records of HTML pages).

The order is the order of the inputs as given, files sorted within a folder or glob, records in
file order: running the same command twice enumerates the same records with the same ids, which
is what makes a batch run resumable.  A record that cannot even be read (a JSONL line that is not
JSON, say) is still yielded, with ``problem`` set, so it ends up in the errors table.
"""

from __future__ import annotations

import csv
import glob
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

FILE_SUFFIXES = (".html", ".htm", ".txt", ".xhtml")
CORPUS_SUFFIXES = (".jsonl", ".csv", ".warc", ".warc.gz")
TEXT_COLUMNS = ("text", "body", "content", "article", "html")


@dataclass(frozen=True, slots=True)
class Record:
    """One input article before analysis; ``data`` is raw bytes (files, WARC) or text (JSONL, CSV)."""

    id: str
    origin: str  # where it came from: a path, path:line, or a WARC target URI
    data: bytes | str = ""
    is_html: bool | None = None  # None: decide from the content
    url: str | None = None
    title: str | None = None
    date: str | None = None
    outlet: str | None = None
    label: str | None = None  # a category column, e.g. 10kGNAD's section
    problem: str | None = None


def expand_inputs(inputs: list[str]) -> list[Path]:
    """Files named by ``inputs`` (files, folders, globs), in a stable order; errors name the culprit."""
    files: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if p.is_file() and _accepted(p))
        elif path.is_file():
            found = [path]
        elif glob.has_magic(item):
            found = sorted(Path(p) for p in glob.glob(item, recursive=True) if Path(p).is_file() and _accepted(Path(p)))
        else:
            raise InputError(f"no such file or folder: {item}", hint="check the path", path=item)
        if not found:
            raise InputError(f"{item} holds no HTML, text, JSONL, CSV or WARC files", path=item)
        files.extend(found)
    return files


def _accepted(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith(FILE_SUFFIXES + CORPUS_SUFFIXES)


def _kind(path: Path) -> str:
    name = path.name.lower()
    for suffix, kind in ((".jsonl", "jsonl"), (".csv", "csv"), (".warc", "warc"), (".warc.gz", "warc")):
        if name.endswith(suffix):
            return kind
    return "file"


def read_records(inputs: list[str]) -> Iterator[Record]:
    """Every record of every input, in the repeatable order described above."""
    files = expand_inputs(inputs)
    roots = {Path(item).resolve() for item in inputs if Path(item).is_dir()}
    for path in files:
        kind = _kind(path)
        if kind == "jsonl":
            yield from _jsonl(path)
        elif kind == "csv":
            yield from _csv(path)
        elif kind == "warc":
            yield from _warc(path)
        else:
            yield Record(id=_file_id(path, roots), origin=str(path), data=path.read_bytes(),
                         is_html=path.suffix.lower() in {".html", ".htm", ".xhtml"})  # fmt: skip


def count_records(inputs: list[str]) -> int | None:
    """How many records there will be, cheaply (None for WARC, whose records must be parsed)."""
    total = 0
    for path in expand_inputs(inputs):
        kind = _kind(path)
        if kind == "warc":
            return None
        if kind == "jsonl":
            with path.open("rb") as f:
                total += sum(1 for line in f if line.strip())
        elif kind == "csv":
            total += sum(1 for _ in _csv(path))
        else:
            total += 1
    return total


def _file_id(path: Path, roots: set[Path]) -> str:
    resolved = path.resolve()
    for root in roots:
        if resolved.is_relative_to(root):
            return resolved.relative_to(root).as_posix()
    return path.as_posix()


def _str_or_none(value: object) -> str | None:
    return None if value is None else str(value)


def _jsonl(path: Path) -> Iterator[Record]:
    with path.open(encoding="utf-8", errors="replace") as f:
        for number, line in enumerate(f, 1):
            if not line.strip():
                continue
            origin = f"{path}:{number}"
            try:
                row = json.loads(line)
                if not isinstance(row, dict):
                    raise ValueError("the line is not a JSON object")
            except ValueError as exc:
                yield Record(id=origin, origin=origin, problem=f"line {number} is not a JSON object: {exc}")
                continue
            rid = str(row.get("id") or origin)
            text, html = row.get("text"), row.get("html")
            body = html if isinstance(html, str) and html.strip() else text
            if not isinstance(body, str):
                yield Record(id=rid, origin=origin, problem="the line has no 'text' or 'html' string")
                continue
            meta = {key: _str_or_none(row.get(key)) for key in ("url", "title", "date", "outlet")}
            yield Record(id=rid, origin=origin, data=body, is_html=body is html or None, **meta)


def _csv(path: Path) -> Iterator[Record]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        head = f.read(4096)
        f.seek(0)
        first = head.splitlines()[0] if head else ""
        if ";'" in first and not any(name in first.lower().split(";") for name in TEXT_COLUMNS):
            # 10kGNAD: no header, label;'text' with ' as the quote character
            for number, cells in enumerate(csv.reader(f, delimiter=";", quotechar="'"), 1):
                origin = f"{path}:{number}"
                if len(cells) < 2:
                    yield Record(id=origin, origin=origin, problem=f"row {number} has no text column")
                    continue
                yield Record(id=origin, origin=origin, data=cells[1], is_html=False, label=cells[0])
            return
        dialect = csv.Sniffer().sniff(head, delimiters=",;\t") if head else csv.excel
        reader = csv.DictReader(f, dialect=dialect)
        fields = {name.lower(): name for name in reader.fieldnames or []}
        column = next((fields[c] for c in TEXT_COLUMNS if c in fields), None)
        if column is None:
            raise InputError(f"{path} has no text column (looked for {', '.join(TEXT_COLUMNS)})", path=str(path))
        for number, raw in enumerate(reader, 2):
            origin = f"{path}:{number}"
            row: dict[str, str | None] = {key.lower(): value or None for key, value in raw.items() if key}
            yield Record(id=row.get("id") or origin, origin=origin, data=row.get(column.lower()) or "",
                         is_html=column.lower() == "html" or None, url=row.get("url"), title=row.get("title"),
                         date=row.get("date"), outlet=row.get("outlet"),
                         label=row.get("label") or row.get("category"))  # fmt: skip


def _warc(path: Path) -> Iterator[Record]:
    from warcio.archiveiterator import ArchiveIterator

    with path.open("rb") as f:
        for record in ArchiveIterator(f):
            if record.rec_type != "response":
                continue
            uri = record.rec_headers.get_header("WARC-Target-URI") or ""
            rid = record.rec_headers.get_header("WARC-Record-ID") or f"{path}@{f.tell()}"
            ctype = (record.http_headers.get_header("Content-Type") if record.http_headers else "") or ""
            if ctype and "html" not in ctype.lower() and not ctype.lower().startswith("text/"):
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else "200"
            if status and not str(status).startswith("2"):
                continue
            yield Record(id=rid.strip("<>"), origin=uri or str(path), data=record.content_stream().read(),
                         is_html=True, url=uri or None, date=record.rec_headers.get_header("WARC-Date"),
                         outlet=_host(uri))  # fmt: skip


def _host(url: str) -> str | None:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


__all__ = ["Record", "count_records", "expand_inputs", "read_records"]
