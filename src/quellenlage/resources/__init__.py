"""Bundled data that belongs to no language: the report's JSON Schemas and the web page.

Each language's lexicons and models live in its package (``quellenlage.lang.<code>``).
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path

from ..errors import ResourceError


def resource_path(*parts: str) -> Path:
    """The filesystem path of a bundled resource (the package is installed unzipped)."""
    path = Path(str(resources.files(__package__).joinpath(*parts)))
    if not path.exists():
        raise ResourceError(f"bundled resource {'/'.join(parts)} is missing", path=str(path))
    return path
