from __future__ import annotations

import json
import re

import jsonschema

from quellenlage.report import render_html, render_text, schema, to_dict

TEXT = "Die Kanzlerin sagte: „Wir schaffen das 🚀.“ Laut Polizei soll der Täter geflohen sein."


def test_json_report_validates_against_the_published_schema(analyze) -> None:  # type: ignore[no-untyped-def]
    report = to_dict(analyze(TEXT))
    jsonschema.validate(report, schema())
    assert report["schema_version"] == "2.0"


def test_every_span_in_the_report_is_a_slice_of_the_text_even_after_an_emoji(analyze) -> None:  # type: ignore[no-untyped-def]
    report = to_dict(analyze(TEXT))
    text = report["article"]["text"]

    def spans(node):  # type: ignore[no-untyped-def]
        if isinstance(node, dict):
            if {"start", "end", "text"} <= node.keys():
                yield node
            for value in node.values():
                yield from spans(value)
        elif isinstance(node, list):
            for value in node:
                yield from spans(value)

    found = list(spans({k: v for k, v in report.items() if k != "article"}))
    assert len(found) > 5
    for span in found:
        assert text[span["start"] : span["end"]] == span["text"]
    assert any(s["text"].startswith("„Wir schaffen das 🚀") for s in found)


def test_html_report_is_standalone_and_highlights(analyze) -> None:  # type: ignore[no-untyped-def]
    html = render_html(analyze(TEXT))
    assert not re.search(r"""(src|href)=["']?https?:""", html)
    assert re.search(r'<span class="[^"]*\bsrc\b[^"]*">Die Kanzlerin</span>', html)
    assert "Who says what" in html


def test_text_summary_names_source_and_message(analyze) -> None:  # type: ignore[no-untyped-def]
    text = render_text(analyze(TEXT))
    assert "Die Kanzlerin (person) — sagte · direct quote" in text
    assert "Polizei (state/official) — Laut" in text
    json.dumps(to_dict(analyze(TEXT)))


def test_a_discontinuous_cue_reads_with_an_ellipsis() -> None:
    from quellenlage.model import Span
    from quellenlage.report.labels import spans_phrase

    text = "Wie der Express behauptet, teilte die Polizei mit"
    wie, behauptet = Span.of(text, 0, 3), Span.of(text, 16, 25)
    teilte, die = Span.of(text, 27, 33), Span.of(text, 34, 37)
    assert spans_phrase([wie, behauptet]) == "Wie … behauptet"
    assert spans_phrase([teilte, die]) == "teilte die"
    assert spans_phrase([]) == ""


def test_html_report_opens_in_german_and_switches_to_english(analyze) -> None:  # type: ignore[no-untyped-def]
    html = render_html(analyze("Kanzlerin lobt Polizei\n\n" + TEXT))
    views = re.findall(r'<div class="ui" lang="(de|en)"( hidden)?>', html)
    assert views == [("de", ""), ("en", " hidden")]  # German first and shown, English hidden
    german, english = html.split('<div class="ui" lang="en"', 1)
    assert "Wer sagt was" in german and "Schlagzeilen-Check" in german
    assert "Staat/Amt" in german and "state/official" not in german and "state/official" in english
    assert "Who says what" in english and "Headline check" in english
    assert 'data-to="en">English</button>' in german and 'data-to="de">Deutsch</button>' in english
    assert html.count("<script>") == 1 and "src=" not in html.split("<script>")[1]


def test_the_web_page_finds_every_word_it_uses_in_the_interface_files() -> None:
    """The page and the HTML report share resources/ui/<code>.json: every word app.js and
    index.html ask for is there, in every interface language, and app.js keeps no copy of its own."""
    import json
    import re

    from quellenlage.report.ui import UI_LANGUAGES
    from quellenlage.resources import resource_path

    script = resource_path("web", "app.js").read_text(encoding="utf-8")
    page = resource_path("web", "index.html").read_text(encoding="utf-8")
    asked = set(re.findall(r"\bT\.(\w+)", script)) | set(re.findall(r'data-i18n="(\w+)"', page))
    assert "I18N" not in script and asked
    for code in UI_LANGUAGES:
        words = json.loads(resource_path("ui", f"{code}.json").read_text(encoding="utf-8"))
        # "explain" is optional: without it the page shows the finding's own (English) message
        have = set(words["page"]) | {"kinds", "verdicts", "types", "explain"}
        assert asked <= have, (code, sorted(asked - have))
