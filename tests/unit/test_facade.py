"""The public facade: everything a caller needs is exported, and nothing is exported that is not there."""

from __future__ import annotations

import inspect
import os

import quellenlage
from quellenlage import errors, model
from quellenlage.cli import main


def test_every_exported_name_exists() -> None:
    assert sorted(set(quellenlage.__all__)) == sorted(quellenlage.__all__)
    assert [name for name in quellenlage.__all__ if not hasattr(quellenlage, name)] == []


def test_every_error_is_exported() -> None:
    classes = {name for name, obj in inspect.getmembers(errors, inspect.isclass)
               if issubclass(obj, errors.QuellenlageError)}  # fmt: skip
    assert classes - set(quellenlage.__all__) == set()


def test_the_result_types_are_exported() -> None:
    for name in ("Analysis", "Article", "Attribution", "Source", "Chain", "Claim", "HeadlineCheck", "Span"):
        assert name in quellenlage.__all__ and getattr(quellenlage, name) is getattr(model, name)


def test_rules_only_is_passed_on_not_written_to_the_environment(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "a.txt"
    path.write_text("Der Minister sagte, die Lage sei ernst.", encoding="utf-8")
    before = os.environ.get("QUELLENLAGE_RULES_ONLY")
    assert main(["analyze", str(path), "--rules-only", "--format", "json"]) == 0
    assert os.environ.get("QUELLENLAGE_RULES_ONLY") == before
    assert '"Der Minister"' in capsys.readouterr().out


