"""Corpus inputs as one stream of :class:`Record` in a fixed, repeatable order.

Folders and globs of ``.html``/``.htm``/``.txt`` files, JSONL (``id``, ``text`` or ``html``,
optional ``url``, ``title``, ``date``, ``outlet``), CSV with a text column (the 10kGNAD layout
``label;'text'`` is recognised), WARC and WARC.gz (``response`` records of HTML pages).

The order is the order of the inputs as given, files sorted within a folder or glob, records in
file order: running the same command twice enumerates the same records with the same ids, which
is what makes a batch run resumable.  A record that cannot even be read (a JSONL line that is not
JSON, say) is still yielded, with ``problem`` and ``problem_code`` set, so it ends up in the errors
table: every record is accounted for, as an article or as an error.

Two kinds of damage are caught rather than passed on as text:

- **A CSV row whose quoting breaks** (an unclosed quote that would swallow the rows after it).  The
  rows are parsed strictly; a row that breaks the quoting, or whose field runs over a line break
  into a line that parses as a row of its own (the expected number of cells, a first cell without
  spaces), becomes a ``csv_broken_row`` error naming its line, and reading goes on from the line
  that looks like the next row.
- **A record id seen before** (a JSONL or CSV ``id`` column): the later record is a
  ``duplicate_id`` error naming where the id was first used, never a second article with that id.
"""

from __future__ import annotations

import csv
import glob
import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    problem_code: str = "input"  # the errors table's code for ``problem``


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


def read_records(inputs: list[str], *, max_file_bytes: int | None = None) -> Iterator[Record]:
    """Every record of every input, in the repeatable order described above, ids made unique.

    A file larger than ``max_file_bytes`` is not read: it becomes a ``too_large`` error record.
    """
    first_seen: dict[str, str] = {}
    for record in _all_records(inputs, max_file_bytes):
        if record.id in first_seen:
            earlier = first_seen[record.id]
            yield Record(id=record.id, origin=record.origin, problem_code="duplicate_id",
                         problem=f"the id {record.id!r} was already used by {earlier}; this record is not analysed")
        else:
            first_seen[record.id] = record.origin
            yield record


def _all_records(inputs: list[str], max_file_bytes: int | None) -> Iterator[Record]:
    files = expand_inputs(inputs)
    roots = {Path(item).resolve() for item in inputs if Path(item).is_dir()}
    for path in files:
        kind = _kind(path)
        if kind == "jsonl":
            yield from _jsonl(path)
        elif kind == "csv":
            yield from _csv(path)
        elif kind == "warc":
            yield from _warc(path, max_file_bytes)
        else:
            rid, size = _file_id(path, roots), path.stat().st_size
            if max_file_bytes is not None and size > max_file_bytes:
                problem = f"{path} is {size:,} bytes, more than the limit of {max_file_bytes:,}"
                yield Record(id=rid, origin=str(path), problem_code="too_large", problem=problem)
                continue
            yield Record(id=rid, origin=str(path), data=path.read_bytes(),
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
            url, title, date, outlet = (_str_or_none(row.get(key)) for key in ("url", "title", "date", "outlet"))
            yield Record(id=rid, origin=origin, data=body, is_html=body is html or None, url=url, title=title,
                         date=date, outlet=outlet)  # fmt: skip


class _Lines:
    """A file's lines with their numbers; lines can be given back to be read again."""

    def __init__(self, lines: Iterator[str], first: int) -> None:
        self._lines = enumerate(lines, first)
        self._back: list[tuple[int, str]] = []
        self.taken: list[tuple[int, str]] = []  # the lines read since the last ``taken = []``
        self.last = 0

    def __iter__(self) -> _Lines:
        return self

    def __next__(self) -> str:
        number, line = self._back.pop(0) if self._back else next(self._lines)
        self.taken.append((number, line))
        self.last = number
        return line

    def give_back(self, lines: list[tuple[int, str]]) -> None:
        self._back[:0] = lines


def _rows(f: Iterator[str], dialect: Any, columns: int, origin: str, first_line: int = 1,
          ) -> Iterator[tuple[int, list[str] | str]]:  # fmt: skip
    """(line, cells) per row, or (line, problem) for a row whose quoting breaks; lines count from ``first_line``."""

    def row_start(line: str) -> bool:
        try:
            cells = next(csv.reader([line], dialect, strict=True))
        except (csv.Error, StopIteration):
            return False
        return len(cells) == columns and 0 < len(cells[0]) <= 64 and not any(c.isspace() for c in cells[0])

    lines = _Lines(f, first_line)
    reader = csv.reader(lines, dialect, strict=True)
    while True:
        lines.taken = []
        try:
            cells = next(reader)
            problem = None
        except StopIteration:
            return
        except csv.Error as exc:
            cells, problem = [], str(exc)
        first = lines.taken[0][0] if lines.taken else lines.last
        restart = next((i for i, (_, line) in enumerate(lines.taken[1:], 1) if row_start(line)), None)
        if problem is None and restart is None:
            yield first, cells
            continue
        if restart is not None:
            line = lines.taken[restart][0]
            problem = problem or f"a field runs over a line break into line {line}, which reads as a row"
            lines.give_back(lines.taken[restart:])
        yield first, f"the row at {origin}:{first} breaks the CSV quoting ({problem}); it is not analysed"
        reader = csv.reader(lines, dialect, strict=True)


class _Gnad(csv.excel):
    """10kGNAD's layout: ``label;'text'`` with ' as the quote character."""

    delimiter = ";"
    quotechar = "'"


def _dialect(head: str, first_line: str) -> Any:
    """The file's CSV dialect; when broken quoting defeats the sniffer, the header line's delimiter."""
    try:
        return csv.Sniffer().sniff(head, delimiters=",;\t") if head else csv.excel
    except csv.Error:
        delimiter = max(",;\t", key=first_line.count)
        return type("Sniffed", (csv.excel,), {"delimiter": delimiter})


def _csv(path: Path) -> Iterator[Record]:
    csv.field_size_limit(1 << 30)
    with path.open(encoding="utf-8", errors="replace", newline="") as f:
        head = f.read(4096)
        f.seek(0)
        first = head.splitlines()[0] if head else ""
        if ";'" in first and not any(name in first.lower().split(";") for name in TEXT_COLUMNS):
            # 10kGNAD: no header, label;'text' with ' as the quote character
            for number, cells in _rows(f, _Gnad, 2, str(path)):
                origin = f"{path}:{number}"
                if isinstance(cells, str):
                    yield Record(id=origin, origin=origin, problem=cells, problem_code="csv_broken_row")
                elif len(cells) < 2:
                    yield Record(id=origin, origin=origin, problem=f"row {number} has no text column")
                else:
                    yield Record(id=origin, origin=origin, data=cells[1], is_html=False, label=cells[0])
            return
        dialect = _dialect(head, first)
        header = next(csv.reader(f, dialect), [])
        fields = [name.strip().lower() for name in header]
        column = next((c for c in TEXT_COLUMNS if c in fields), None)
        if column is None:
            raise InputError(f"{path} has no text column (looked for {', '.join(TEXT_COLUMNS)})", path=str(path))
        for number, cells in _rows(f, dialect, len(fields), str(path), first_line=2):
            origin = f"{path}:{number}"
            if isinstance(cells, str):
                yield Record(id=origin, origin=origin, problem=cells, problem_code="csv_broken_row")
                continue
            row: dict[str, str | None] = {name: value or None for name, value in zip(fields, cells, strict=False)}
            yield Record(id=row.get("id") or origin, origin=origin, data=row.get(column) or "",
                         is_html=column == "html" or None, url=row.get("url"), title=row.get("title"),
                         date=row.get("date"), outlet=row.get("outlet"),
                         label=row.get("label") or row.get("category"))  # fmt: skip


def _warc(path: Path, max_bytes: int | None = None) -> Iterator[Record]:
    """HTML responses of a WARC file; a body over ``max_bytes`` is read no further (``too_large``)."""
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
            body = record.content_stream().read(None if max_bytes is None else max_bytes + 1)
            if max_bytes is not None and len(body) > max_bytes:
                yield Record(id=rid.strip("<>"), origin=uri or str(path), problem_code="too_large",
                             problem=f"the response body is more than the limit of {max_bytes:,} bytes")  # fmt: skip
                continue
            yield Record(id=rid.strip("<>"), origin=uri or str(path), data=body, is_html=True, url=uri or None,
                         date=record.rec_headers.get_header("WARC-Date"), outlet=_host(uri))  # fmt: skip


def _host(url: str) -> str | None:
    from urllib.parse import urlsplit

    host = urlsplit(url).hostname
    return host.removeprefix("www.") if host else None


__all__ = ["Record", "count_records", "expand_inputs", "read_records"]
