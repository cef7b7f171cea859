"""Shared fixtures. Tests that need ../shared (data, reference article) skip cleanly without it."""

from __future__ import annotations

from pathlib import Path

import pytest

import quellenlage
from quellenlage.pipeline import Pipeline, default_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
REFERENCE = SHARED / "examples" / "news-de-putin-kasachstan.txt"
GOLD_DEV = SHARED / "data" / "german-news-quotes" / "dev"
EXAMPLE = ROOT / "examples" / "news-de-putin-kasachstan.txt"  # the bundled copy of the reference article

needs_shared = pytest.mark.skipif(
    not REFERENCE.exists(), reason="../shared is not beside this checkout (it is not part of a user's clone)"
)


@pytest.fixture(scope="session")
def pipeline() -> Pipeline:
    return default_pipeline()


@pytest.fixture(scope="session")
def analyze(pipeline: Pipeline):  # type: ignore[no-untyped-def]
    def run(text: str) -> quellenlage.Analysis:
        return quellenlage.analyze(text, lang="de", pipeline=pipeline)

    return run
