"""The language seam: languages by code, German behind it, unknown codes refused by name."""

from __future__ import annotations

import dataclasses
import functools
import re
import shutil
from pathlib import Path

import pytest

from quellenlage import ingest, lang
from quellenlage.errors import ResourceError, UnsupportedLanguageError
from quellenlage.model import HedgeKind, Metadata


def test_german_and_english_are_the_available_languages() -> None:
    assert lang.available() == ["de", "en"]
    german = lang.get("de")
    assert (german.code, german.name, german.lemmatizer) == ("de", "German", "de")
    assert ingest.SUPPORTED_LANGUAGES == ("de", "en")


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


def test_the_german_lexicon_reads_every_file_it_names() -> None:
    lexicon = lang.get("de").lexicon
    assert lexicon.verb_cues["sagen"].medium.value and "behaupten" in lexicon.distancing_verbs
    assert lexicon.cue_nouns and lexicon.hedge_words["angeblich"] == "adverb" and "experten" in lexicon.vague_sources
    assert lexicon.country_of(["kasachischen"]) == "KZ" and lexicon.country_name("KZ") == "Kasachstan"
    assert lexicon.loaded_words and lexicon.denial_lemmas and "express" in lexicon.outlets and lexicon.states
    assert lexicon.platforms["Tweet"] == "Twitter" and lexicon.quantity_pattern.match("zwölf")
    assert lexicon.generalisation_pattern.search("immer mehr länder")
    assert lexicon.word_list("determiners") >= {"der", "die"} and lexicon.tags("verb_particle") == {"PTKVZ"}
    with pytest.raises(KeyError, match="no German word list 'nonsense'"):
        lexicon.word_list("nonsense")


def test_a_language_package_without_a_grammar_is_a_resource_error() -> None:
    from quellenlage.attribution.plugin import Grammar, grammar_of

    assert isinstance(grammar_of(lang.get("de")), Grammar)
    broken = dataclasses.replace(lang.get("de"), code="xx", package="quellenlage.resources")
    with pytest.raises(ResourceError, match="no grammar"):
        grammar_of(broken)


def test_a_new_language_is_a_package_and_the_stages_read_its_data(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A toy language: German's grammar and models, but its own hedge list with one word more."""
    german = lang.get("de")
    package = tmp_path / "toylang"
    shutil.copytree(german.path("data"), package / "data")
    (package / "models").symlink_to(german.path("models"))
    with (package / "data" / "hedges.tsv").open("a", encoding="utf-8") as hedges:
        hedges.write("ernst\tadverb\n")
    (package / "__init__.py").write_text(
        "import dataclasses\nfrom quellenlage import lang\n"
        "LANGUAGE = dataclasses.replace(lang.get('de'), code='xx', name='Toy', package=__name__)\n", encoding="utf-8")
    (package / "grammar.py").write_text("from quellenlage.lang.de.grammar import GRAMMAR\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(lang.REGISTRY, "xx", "toylang")
    monkeypatch.setattr(lang, "get", functools.cache(lang.get.__wrapped__))  # a fresh cache, dropped after
    from quellenlage.pipeline import default_pipeline

    text = "Der Minister sagte, die Lage sei ernst."
    pipeline = default_pipeline(rules_only=True)
    toy = pipeline(ingest.verbatim(text, Metadata(language="xx")))
    assert [h.lexeme for h in toy.hedges if h.kind is HedgeKind.ADVERB] == ["ernst"]
    assert [a.rule for a in toy.attributions] == ["de.verb_clause"]  # German's grammar, reached by name
    plain = pipeline(ingest.verbatim(text, Metadata(language="de")))
    assert [h.lexeme for h in plain.hedges if h.kind is HedgeKind.ADVERB] == []


def _read_by_shared_code(method: str) -> set[str]:
    """The names the shared code (everything outside the language packages) reads with ``method``."""
    package = Path(lang.__file__).parents[1]
    found: set[str] = set()
    for path in package.rglob("*.py"):
        if path.parent.parent.name == "lang" and path.parent.name != "lang":
            continue  # a language's own module may read lists only it has
        found.update(re.findall(rf'\b{method}\("([a-z_]+)"\)', path.read_text(encoding="utf-8")))
    return found


@pytest.mark.parametrize("code", sorted({*lang.REGISTRY, *lang.PREVIEW}))
def test_every_language_has_the_lists_the_shared_code_reads(code: str) -> None:
    """A list the shared code reads by name must exist in every language (it may be empty), or the
    language's articles fail with a KeyError at the first use; so must every data file German has."""
    german, other = lang.get("de"), lang.get(code)
    optional = {"synonyms.txt", "first_names.txt"}  # without them: words match by form; two names are a person
    names = {p.name for p in german.path("data").iterdir() if p.suffix in (".txt", ".tsv")} - optional
    assert names <= {p.name for p in other.path("data").iterdir()}
    lists = {row[0] for row in other.read_table("word_lists.tsv")}
    read = _read_by_shared_code("word_list") | _read_by_shared_code("word_tuple") | _read_by_shared_code("words")
    assert read <= lists
    assert _read_by_shared_code("tags") <= {row[0] for row in other.read_table("tags.tsv")}


def test_a_language_may_leave_out_the_optional_data_files() -> None:
    """English has no synonym table and no given-name list: both read as absent, not as an error."""
    english = lang.get("en").lexicon
    assert english.first_names is None and english.synonyms("said") == frozenset()
    assert "Robert" in (lang.get("de").lexicon.first_names or ())
