"""Renderers of an Analysis: versioned JSON (with its schema), standalone HTML, terminal text."""

from ..errors import ConfigError
from ..model import Analysis
from .html import render_html
from .json import SCHEMA_VERSION, schema, summary, to_dict, to_json
from .text import render_text

FORMATS = ("text", "json", "html")


def render(analysis: Analysis, fmt: str) -> str:
    """Render in one of :data:`FORMATS`."""
    renderers = {"json": to_json, "html": render_html, "text": render_text}
    if fmt not in renderers:
        raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    return renderers[fmt](analysis)


__all__ = ["FORMATS", "SCHEMA_VERSION", "render", "render_html", "render_text", "schema", "summary",
           "to_dict", "to_json"]  # fmt: skip
