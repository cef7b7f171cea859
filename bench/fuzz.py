"""Fuzz the library: every input must give an analysis or a typed error, and in time.

    .venv/bin/python bench/fuzz.py --count 100000 --workers 2 --report out/fuzz.json

Input number ``i`` is generated from ``(seed, i)`` alone, so any finding is reproduced with
``--only i`` (same seed).  The seed corpus (``bench/fuzz-seeds.json``) holds every reproducer
found so far and runs first.  Each input goes through ingestion and the full default pipeline
(``ingest.from_text``/``from_bytes``, then the pipeline), mostly with ``lang="de"`` so that the German
analysis sees any Unicode, sometimes with ``"auto"``.  Outcomes, per kind of input:

- ``ok``: an analysis; ``error:<code>``: a :class:`QuellenlageError` with its code (that is fine);
- ``crash``: any other exception (a bug), with its type and message;
- ``slow``: an input of at most 20 KB that took over ``--slow`` seconds (10 by default);
- ``hang``: past ``--hard-limit`` seconds (SIGALRM), counted as a crash.

Crash and slow reproducers are written to ``--findings`` (default ``out/fuzz-findings/``).  The exit
status is 1 when anything crashed, hung or was slow.  The test suite runs a short version
(``tests/property/test_fuzz.py``).
"""

from __future__ import annotations

import argparse
import base64
import json
import multiprocessing
import os
import random
import signal
import statistics
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any

HERE = Path(__file__).resolve().parent
SEEDS = HERE / "fuzz-seeds.json"
SMALL = 20_000  # inputs up to this size must finish within the slow threshold

GERMAN = [
    "Der Minister sagte am Montag in Berlin, die Lage sei ernst.",
    "„Wir werden nicht nachgeben“, sagte die Sprecherin der Gewerkschaft.",
    "Laut Polizei gab es keine Verletzten.",
    "Experten zufolge soll der Schaden in die Millionen gehen.",
    "Wie der britische \"Express\" behauptet, soll Putin die Unterstützung verloren haben.",
    "Nach Angaben des Innenministeriums wurden 23 Personen festgenommen.",
    "Die Kanzlerin erklärte: „Das ist ein guter Tag für Europa.“",
    "Er betonte, man werde die Forderungen prüfen, und fügte hinzu, dass nichts entschieden sei.",
    "Der 52-Jährige wies die Vorwürfe zurück.",
    "STANDARD: Was erwarten Sie? Kaiser: Nicht viel.",
    "Dr. med. Müller u. a. sprachen am 16. Dezember 1991 über z. B. die 3. Liga.",
    "Mehr dazu unter https://www.example.de/artikel?id=5&x=y oder per Mail an info@example.de.",
    "»Niemals«, so der Sprecher weiter, »werden wir das zulassen.«",
    "Kasachstan selbst hatte als Grund Haushaltseinsparungen genannt.",
]
ALPHABETS = [
    (0x20, 0x7E), (0xA0, 0x24F), (0x300, 0x36F), (0x370, 0x3FF), (0x400, 0x4FF), (0x590, 0x5FF),
    (0x600, 0x6FF), (0x900, 0x97F), (0xE00, 0xE7F), (0xF00, 0xFFF), (0x1100, 0x11FF), (0x2000, 0x206F),
    (0x2190, 0x23FF), (0x3000, 0x30FF), (0x4E00, 0x4FFF), (0xD800, 0xDFFF), (0xE000, 0xE0FF),
    (0xFE00, 0xFE0F), (0xFFF0, 0xFFFF), (0x1F300, 0x1FAFF), (0xE0000, 0xE007F), (0x10FF00, 0x10FFFF),
    (0x0, 0x1F), (0x80, 0x9F),
]  # fmt: skip
PATTERNS = ["a.", "x", "„", "“", "»", "«", "\"", "'", "-", ".", ". ", "\n", "\n\n", "Dr. ", "1.", "a-",
            "http://", "www.", "@", "😀", "👍🏽", "\u0f43", "\ud800", ":", "sagte, ", "„a“ ", "(", ")", "...",
            "z. B. ", "&amp;", "<", ">", "ab.cd.", "a/b/", "1,5 ", "\t", "\u200b", "\u202e", "\ufeff"]  # fmt: skip
TAGS = ["div", "p", "span", "article", "section", "h1", "h2", "table", "tr", "td", "ul", "li", "a", "b",
        "script", "style", "noscript", "iframe", "svg", "math", "template", "pre", "blockquote", "figure"]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Case:
    kind: str
    data: str | bytes
    lang: str = "de"


def _unicode(rng: random.Random, n: int) -> str:
    out = []
    for _ in range(n):
        lo, hi = rng.choice(ALPHABETS)
        out.append(chr(rng.randint(lo, hi)))
    return "".join(out)


def _german(rng: random.Random, sentences: int) -> str:
    paragraphs = []
    for _ in range(max(1, sentences // 3)):
        paragraphs.append(" ".join(rng.choice(GERMAN) for _ in range(rng.randint(1, 4))))
    return "\n\n".join(paragraphs)


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 12)):
        op = rng.random()
        pos = rng.randrange(len(chars) + 1)
        if op < 0.4:
            chars[pos:pos] = list(rng.choice(PATTERNS) * rng.randint(1, 3))
        elif op < 0.6:
            chars[pos:pos] = list(_unicode(rng, rng.randint(1, 5)))
        elif op < 0.8 and chars:
            del chars[pos : pos + rng.randint(1, 10)]
        else:
            chars[pos:pos] = chars[pos : pos + rng.randint(1, 40)]
    return "".join(chars)


def _pathological(rng: random.Random) -> str:
    unit = rng.choice(PATTERNS) + (rng.choice(PATTERNS) if rng.random() < 0.3 else "")
    size = rng.choices([50, 200, 1000, 4000, 8000, 20000], weights=[30, 30, 24, 10, 4, 2])[0]
    text = unit * max(1, size // max(1, len(unit)))
    return rng.choice(GERMAN) + " " + text if rng.random() < 0.5 else text


def _html(rng: random.Random) -> str:
    depth = rng.choices([1, 5, 50, 300, 1000], weights=[30, 40, 20, 7, 3])[0]
    opened = [rng.choice(TAGS) for _ in range(depth)]
    body = "".join(f"<{t}{' class=x' * rng.randint(0, 1)}>" for t in opened)
    body += "".join(f"<p>{_mutate(rng, rng.choice(GERMAN)) if rng.random() < 0.5 else rng.choice(GERMAN)}</p>"
                    for _ in range(rng.randint(0, 8)))  # fmt: skip
    if rng.random() < 0.8:
        body += "".join(f"</{t}>" for t in reversed(opened))
    head = f"<title>{_mutate(rng, rng.choice(GERMAN))}</title>" if rng.random() < 0.7 else ""
    doc = f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>"
    return _mutate(rng, doc) if rng.random() < 0.3 else doc


def _bytes(rng: random.Random) -> bytes:
    choice = rng.random()
    text = _german(rng, rng.randint(1, 6))
    if choice < 0.25:
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 3000)))
    if choice < 0.5:
        raw = bytearray(text.encode("utf-8"))
        for _ in range(rng.randint(1, 8)):
            raw[rng.randrange(len(raw))] = rng.randrange(256)
        return bytes(raw)
    if choice < 0.75:
        raw = bytearray(b"\xff\xfe" + text.encode("utf-16-le"))
        pos = 2 + 2 * rng.randrange(len(text))
        raw[pos : pos + 2] = rng.choice([b"\x00\xd8", b"\x00\xdc", b"\xff\xdb"])
        return bytes(raw[: rng.randint(2, len(raw))])
    return text.encode(rng.choice(["cp1252", "latin-1", "utf-8-sig", "utf-16", "mac_roman"]), "replace")


def generate(seed: int, index: int) -> Case:
    """Input ``index`` of the run with ``seed``: the same pair always gives the same case."""
    rng = random.Random(f"{seed}:{index}")
    lang = "auto" if rng.random() < 0.15 else "de"
    roll = rng.random()
    if roll < 0.2:
        return Case("unicode", _unicode(rng, rng.choice([1, 10, 100, 1000, 3000])), lang)
    if roll < 0.5:
        return Case("german-mutated", _mutate(rng, _german(rng, rng.randint(1, 12))), lang)
    if roll < 0.62:
        return Case("pathological", _pathological(rng), lang)
    if roll < 0.8:
        return Case("html", _html(rng), lang)
    if roll < 0.97:
        return Case("bytes", _bytes(rng), lang)
    return Case("german-long", _german(rng, rng.randint(30, 90)), lang)


def seed_cases() -> list[tuple[str, Case]]:
    """The seed corpus: every reproducer found so far, by name."""
    cases = []
    for entry in json.loads(SEEDS.read_text(encoding="utf-8")):
        data: str | bytes = base64.b64decode(entry["base64"]) if "base64" in entry else entry["text"]
        data = data * int(entry.get("repeat", 1))
        cases.append((entry["name"], Case(entry.get("kind", "seed"), data, entry.get("lang", "de"))))
    return cases


class Hang(Exception):
    pass


def _alarm(_: int, __: FrameType | None) -> None:
    raise Hang


_PIPELINE: Any = None


def _setup() -> None:
    global _PIPELINE
    from quellenlage.pipeline import default_pipeline, warm_up

    _PIPELINE = warm_up(default_pipeline())
    signal.signal(signal.SIGALRM, _alarm)


def run_case(case: Case, hard_limit_s: float = 120.0) -> tuple[str, float, str]:
    """(outcome, seconds, detail) for one case, in this process."""
    from quellenlage import ingest
    from quellenlage.errors import QuellenlageError

    if _PIPELINE is None:
        _setup()
    started = time.perf_counter()
    signal.setitimer(signal.ITIMER_REAL, hard_limit_s)
    try:
        if isinstance(case.data, bytes):
            article = ingest.from_bytes(case.data, name="fuzz", lang=case.lang)
        else:
            article = ingest.from_text(case.data, lang=case.lang)
        analysis = _PIPELINE(article)
        _check_spans(analysis)
        outcome, detail = "ok", ""
    except QuellenlageError as exc:
        outcome, detail = f"error:{exc.code}", ""
    except Hang:
        outcome, detail = "hang", f"over {hard_limit_s:g} s"
    except Exception as exc:
        outcome, detail = "crash", f"{type(exc).__name__}: {str(exc)[:300]}"
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
    return outcome, time.perf_counter() - started, detail


def _check_spans(analysis: Any) -> None:
    text = analysis.article.text
    for token in analysis.tokens:
        if text[token.span.start : token.span.end] != token.span.text:
            raise AssertionError(f"token span {token.span} does not match the text")
    for attribution in analysis.attributions:
        for span in (*attribution.cue, *attribution.source, *attribution.message, *attribution.addressee):
            if text[span.start : span.end] != span.text:
                raise AssertionError(f"attribution span {span} does not match the text")


def _work(job: tuple[int, int, float]) -> tuple[int, str, str, int, float, str]:
    seed, index, hard_limit = job
    case = generate(seed, index)
    outcome, seconds, detail = run_case(case, hard_limit)
    return index, case.kind, outcome, len(case.data), seconds, detail


def _save(findings: Path, name: str, case: Case, detail: str) -> None:
    findings.mkdir(parents=True, exist_ok=True)
    entry: dict[str, Any] = {"name": name, "kind": case.kind, "lang": case.lang, "detail": detail}
    if isinstance(case.data, bytes):
        entry["base64"] = base64.b64encode(case.data).decode()
    else:
        entry["text"] = case.data
    (findings / f"{name}.json").write_text(json.dumps(entry, ensure_ascii=True), encoding="ascii")


def fuzz(count: int, seed: int, workers: int, slow_s: float, hard_limit_s: float, findings: Path,
         progress: Callable[[int], None] | None = None) -> dict[str, Any]:  # fmt: skip
    """Run the seed corpus, then ``count`` generated inputs; returns the report."""
    by_kind: dict[str, Counter[str]] = defaultdict(Counter)
    times: dict[str, list[float]] = defaultdict(list)
    problems: list[dict[str, Any]] = []
    slowest: list[tuple[float, str, str, int]] = []

    def record(name: str, kind: str, outcome: str, size: int, seconds: float, detail: str, case: Case) -> None:
        slow = seconds > slow_s and size <= SMALL
        slowest.append((round(seconds, 2), name, kind, size))
        if len(slowest) > 100:
            slowest.sort(reverse=True)
            del slowest[10:]
        by_kind[kind][outcome] += 1
        times[kind].append(seconds)
        if outcome in ("crash", "hang") or slow:
            label = "slow" if outcome not in ("crash", "hang") else outcome
            by_kind[kind][f"FAIL:{label}"] += 1
            problems.append({"name": name, "kind": kind, "outcome": label, "size": size,
                             "seconds": round(seconds, 2), "detail": detail})  # fmt: skip
            _save(findings, name, case, detail or f"{seconds:.1f} s")

    started = time.monotonic()
    for name, case in seed_cases():
        outcome, seconds, detail = run_case(case, hard_limit_s)
        record(f"seed-{name}", "seed", outcome, len(case.data), seconds, detail, case)
    jobs = ((seed, i, hard_limit_s) for i in range(count))
    context = multiprocessing.get_context("forkserver")
    with context.Pool(workers, initializer=_setup, maxtasksperchild=2000) as pool:
        for done, (index, kind, outcome, size, seconds, detail) in enumerate(
            pool.imap_unordered(_work, jobs, chunksize=16), 1
        ):
            case = generate(seed, index) if outcome in ("crash", "hang") or seconds > slow_s else Case(kind, "")
            record(f"{seed}-{index}", kind, outcome, size, seconds, detail, case)
            if progress and done % 1000 == 0:
                progress(done)
    summary = {}
    for kind in sorted(by_kind):
        ts = sorted(times[kind])
        summary[kind] = {"inputs": len(ts), "outcomes": dict(sorted(by_kind[kind].items())),
                         "median_s": round(statistics.median(ts), 4), "p99_s": round(ts[int(0.99 * (len(ts) - 1))], 3),
                         "max_s": round(ts[-1], 2)}  # fmt: skip
    failures = Counter(p["outcome"] for p in problems)
    return {"seed": seed, "count": count, "seed_cases": len(seed_cases()), "wall_s": round(time.monotonic() - started),
            "crashes": failures["crash"] + failures["hang"], "slow": failures["slow"], "by_kind": summary,
            "slowest": [dict(zip(("seconds", "name", "kind", "size"), row, strict=True))
                        for row in sorted(slowest, reverse=True)[:10]],
            "problems": problems[:200]}  # fmt: skip


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=20261207)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--slow", type=float, default=10.0, help="seconds; slower inputs of ≤ 20 KB fail")
    parser.add_argument("--hard-limit", type=float, default=120.0, help="seconds before an input counts as a hang")
    parser.add_argument("--findings", type=Path, default=Path("out/fuzz-findings"))
    parser.add_argument("--report", type=Path, help="write the JSON report here")
    parser.add_argument("--only", type=int, help="run input number N of --seed alone and print its outcome")
    args = parser.parse_args(argv)
    if args.only is not None:
        case = generate(args.seed, args.only)
        print(case.kind, repr(case.data[:300]), *run_case(case, args.hard_limit))
        return 0

    def progress(done: int) -> None:
        print(f"{done} inputs", file=sys.stderr, flush=True)

    report = fuzz(args.count, args.seed, args.workers, args.slow, args.hard_limit, args.findings, progress)
    text = json.dumps(report, indent=2, ensure_ascii=False)
    if args.report:
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text(text, encoding="utf-8")
    print(json.dumps({k: v for k, v in report.items() if k != "problems"}, indent=2))
    for problem in report["problems"][:20]:
        print(problem, file=sys.stderr)
    return 1 if report["crashes"] or report["slow"] else 0


def iter_generated(seed: int, count: int) -> Iterator[Case]:
    for index in range(count):
        yield generate(seed, index)


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent / "src"))
    raise SystemExit(main())
