"""The language seam: languages by code, German behind it, unknown codes refused by name."""

from __future__ import annotations

import pytest

from quellenlage import ingest, lang
from quellenlage.errors import ResourceError, UnsupportedLanguageError


def test_german_is_the_available_language() -> None:
    assert lang.available() == ["de"]
    german = lang.get("de")
    assert (german.code, german.name, german.somajo_model, german.lemmatizer) == ("de", "German", "de_CMC", "de")
    assert ingest.SUPPORTED_LANGUAGES == ("de",)


def test_an_unknown_code_is_refused_naming_the_available_ones() -> None:
    with pytest.raises(UnsupportedLanguageError, match="available: de"):
        lang.get("xx")


def test_a_language_owns_its_data_and_models() -> None:
    german = lang.get("de")
    assert german.path("models", german.tagger_model).is_dir()
    assert german.attribution_model and german.path("models", german.attribution_model, "meta.json").is_file()
    assert any(row[0] == "sagen" for row in german.read_table("cue_verbs.tsv"))
    with pytest.raises(ResourceError, match="missing"):
        german.path("data", "no-such-file.txt")


def test_the_article_language_selects_the_segmenter_and_tagger(analyze) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze("Der Minister sagte, die Lage sei ernst.")
    assert analysis.article.metadata.language == "de"
    assert [t.lemma for t in analysis.tokens][:3] == ["der", "Minister", "sagen"]
