"""Renderers of an Analysis: versioned JSON (with its schema), standalone HTML, terminal text."""

from .html import render_html
from .json import SCHEMA_VERSION, schema, summary, to_dict, to_json
from .text import render_text

FORMATS = ("text", "json", "html")


def render(analysis: object, fmt: str) -> str:
    """Render in one of :data:`FORMATS`."""
    from ..errors import ConfigError
    from ..model import Analysis

    if not isinstance(analysis, Analysis):
        raise TypeError("render() needs an Analysis")
    if fmt == "json":
        return to_json(analysis)
    if fmt == "html":
        return render_html(analysis)
    if fmt == "text":
        return render_text(analysis)
    raise ConfigError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")


__all__ = ["FORMATS", "SCHEMA_VERSION", "render", "render_html", "render_text", "schema", "summary",
           "to_dict", "to_json"]  # fmt: skip
