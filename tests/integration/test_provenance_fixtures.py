"""Provenance on ten real German articles of different kinds (tests/fixtures/provenance/).

Each case's expectations, and how they were decided, are in EXPECTATIONS.md there.  The texts
stay in ../shared (their licence is CC BY-NC-SA), so these tests skip without it.  ``known_gaps``
are expectations a journalist would hold that the analysis does not meet yet: they run as strict
xfails, so that fixing one is noticed.
"""

from __future__ import annotations

import csv
import json
from functools import cache
from pathlib import Path
from typing import Any

import pytest

import quellenlage
from quellenlage.pipeline import Pipeline
from quellenlage.provenance import sourcing
from tests.conftest import GOLD_DEV, SHARED, needs_shared

CASES = json.loads((Path(__file__).parents[1] / "fixtures" / "provenance" / "cases.json").read_text(encoding="utf-8"))
GNAD = SHARED / "data" / "10kgnad" / "articles-1028.csv"


@cache
def _gnad() -> list[list[str]]:
    csv.field_size_limit(1 << 30)
    with GNAD.open(encoding="utf-8", newline="") as f:
        return list(csv.reader(f, delimiter=";", quotechar="'"))


def article_text(case: dict[str, Any]) -> str:
    if case["corpus"] == "web":  # a raw page of web-pages-de, through the HTML ingestion
        return (SHARED / "data" / "web-pages-de" / "pages" / case["key"]).read_text(encoding="utf-8")
    if case["corpus"] == "10kgnad":
        return _gnad()[int(case["key"]) - 1][1]
    path = next(GOLD_DEV.glob(f"{case['key']} - *.json"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    title = doc["documentName"].split(" - ", 1)[1].rsplit(" (", 1)[0]
    return f"{title}\n\n{doc['originalText']}"  # the Wikinews title is the headline


def check(analysis: quellenlage.Analysis, expect: dict[str, Any]) -> None:
    sources = [s for s in analysis.sources if not s.publisher and s.attributions]
    summary = sourcing(analysis)
    for name, kind in expect.get("sources", []):
        assert any(name in s.name and s.kind.value == kind for s in sources), (name, kind, [s.name for s in sources])
    for name, iso in expect.get("country", []):
        assert any(name in s.name and s.country == iso for s in sources)
    for name, channel in expect.get("channels", []):
        assert any(name in s.name and channel in s.channels for s in sources)
    if expect.get("no_sources"):
        assert not sources
    for name in expect.get("no_source_named", []):
        assert not any(s.name == name for s in sources), name
    if "publisher" in expect:
        assert analysis.sources[0].publisher and analysis.sources[0].name == expect["publisher"]
    for want in expect.get("claims", []):
        claim = next(c for c in analysis.claims if want["contains"] in c.span.text)
        for field in ("asserted_by", "status"):
            if field in want:
                assert getattr(claim, field).value == want[field], (want, claim)
    if "hedged_contains" in expect:
        assert any(expect["hedged_contains"] in t.text for c in analysis.claims for t in c.triggers)
    for text in expect.get("checkworthy", []):
        assert any(text in s.text for c in analysis.claims for s in c.checkworthy), text
    if "unattributed_share_min" in expect:
        assert summary["unattributed_share"] >= expect["unattributed_share_min"]
    if "unattributed_share_max" in expect:
        assert summary["unattributed_share"] <= expect["unattributed_share_max"]
    if "max_chain_depth" in expect:
        assert max((c.depth for c in analysis.chains), default=0) <= expect["max_chain_depth"]
    if "headline_verdict" in expect:
        assert analysis.headline is not None and analysis.headline.verdict == expect["headline_verdict"]


@pytest.fixture(scope="module")
def analyses(pipeline: Pipeline) -> dict[str, quellenlage.Analysis]:
    return {c["id"]: quellenlage.analyze(article_text(c), lang="de", pipeline=pipeline) for c in CASES}


@needs_shared
@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_expectations(case: dict[str, Any], analyses: dict[str, quellenlage.Analysis]) -> None:
    check(analyses[case["id"]], case["expect"])


@needs_shared
@pytest.mark.parametrize("case", [c for c in CASES if "known_gaps" in c], ids=lambda c: c["id"])
@pytest.mark.xfail(strict=True, reason="a known gap, written down in EXPECTATIONS.md")
def test_known_gaps(case: dict[str, Any], analyses: dict[str, quellenlage.Analysis]) -> None:
    check(analyses[case["id"]], case["known_gaps"])


def test_there_are_at_least_ten_cases_of_several_kinds() -> None:
    assert len(CASES) >= 10 and len({c["kind"] for c in CASES}) >= 8
