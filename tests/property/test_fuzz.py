"""A short run of the fuzz harness (bench/fuzz.py): its seed corpus of every reproducer found so far,
then generated inputs.  Every one must give an analysis or a typed error; none may crash.  Time is
not asserted here (``bench/fuzz.py`` reports slow inputs); the full run is documented in docs/BAD-INPUT.md.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from tests.conftest import ROOT


def _harness() -> ModuleType:
    spec = importlib.util.spec_from_file_location("quellenlage_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


FUZZ = _harness()
SEEDS = FUZZ.seed_cases()


def test_the_seed_corpus_holds_the_issue_reproducers() -> None:
    names = {name for name, _ in SEEDS}
    assert {"lone-surrogate", "tibetan-u0f43", "utf16-broken-surrogate", "a-dot-4000", "a-dot-8000",
            "x-5-megabytes", "html-nested-300"} <= names  # fmt: skip


@pytest.mark.parametrize(("name", "case"), SEEDS, ids=[name for name, _ in SEEDS])
def test_seed_case_gives_an_analysis_or_a_typed_error(name: str, case: object) -> None:
    outcome, _, detail = FUZZ.run_case(case)
    assert outcome == "ok" or outcome.startswith("error:"), f"{name}: {outcome} {detail}"


def test_generated_inputs_give_an_analysis_or_a_typed_error() -> None:
    crashes = []
    for index in range(150):
        case = FUZZ.generate(20261207, index)
        outcome, _, detail = FUZZ.run_case(case)
        if not (outcome == "ok" or outcome.startswith("error:")):
            crashes.append((index, case.kind, outcome, detail))
    assert crashes == []


def test_the_generator_is_repeatable() -> None:
    assert FUZZ.generate(1, 42) == FUZZ.generate(1, 42)
    assert FUZZ.generate(1, 42) != FUZZ.generate(1, 43)
