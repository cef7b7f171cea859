"""Bundled data files: lexicons per language and trained models, read via importlib.resources."""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

from ..errors import ResourceError


def resource_path(*parts: str) -> Path:
    """The filesystem path of a bundled resource (the package is installed unzipped)."""
    path = Path(str(resources.files(__package__).joinpath(*parts)))
    if not path.exists():
        raise ResourceError(f"bundled resource {'/'.join(parts)} is missing", path=str(path))
    return path


@cache
def read_lines(*parts: str) -> tuple[str, ...]:
    """Non-empty, non-comment lines of a bundled text file (``#`` starts a comment line)."""
    text = resource_path(*parts).read_text(encoding="utf-8")
    return tuple(line.rstrip("\n") for line in text.splitlines() if line.strip() and not line.startswith("#"))


@cache
def read_table(*parts: str) -> tuple[tuple[str, ...], ...]:
    """Rows of a bundled tab-separated file, comments and blank lines skipped."""
    return tuple(tuple(cell.strip() for cell in line.split("\t")) for line in read_lines(*parts))
