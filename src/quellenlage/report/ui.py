"""The interface words, one JSON file per interface language (``resources/ui/<code>.json``), for
the HTML report and the web page alike: the service serves the files at ``/ui/<code>.json`` and
the page's ``app.js`` reads its own words from ``page`` and the shared ``verdicts``, ``types`` and
``kinds``.

The interface language is the reader's choice and separate from the article's language: the HTML
report carries every interface language and opens in the first (German), with a switch, like the
web page.  A file has ``words`` (titles, legend, switch), ``verdicts``, ``types`` and ``kinds`` by
their codes, and may have ``findings``: an explanation per finding code, shown instead of the
finding's own (English) message.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any

from ..resources import resource_path

UI_LANGUAGES = ("de", "en")


@cache
def ui_words(code: str) -> dict[str, Any]:
    """The interface words of the interface language ``code``."""
    data: dict[str, Any] = json.loads(resource_path("ui", f"{code}.json").read_text(encoding="utf-8"))
    return data
