"""Two versions of the code, profiled in turn on the same machine: the comparison issue 18 asks for.

    .venv/bin/python bench/side_by_side.py BEFORE_SRC AFTER_SRC [--rounds 5] [stage_profile options]

``BEFORE_SRC`` and ``AFTER_SRC`` are ``src`` folders (for an older commit: ``git worktree add
/tmp/before <commit>`` and pass ``/tmp/before/src``).  Each round runs ``bench/stage_profile.py``
once per version, in a fresh process, alternating which goes first, and the table gives per corpus
and stage the lowest CPU seconds over the rounds (the machine's noise only ever adds time) and the
median.  The shared project machine varies by 10–30 % between minutes; alternating rounds and the
minimum keep that out of the comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

PROFILE = Path(__file__).with_name("stage_profile.py")


def run(src: Path, options: list[str]) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(src.resolve())}
    done = subprocess.run([sys.executable, str(PROFILE), *options], env=env, check=True,
                          capture_output=True, text=True)  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--rounds", type=int, default=5)
    args, options = parser.parse_known_args()  # the rest goes to stage_profile.py
    options = [o for o in options if o != "--"]
    versions = {"before": args.before, "after": args.after}
    runs: dict[str, list[dict[str, Any]]] = {name: [] for name in versions}
    for round_ in range(args.rounds):
        order = list(versions) if round_ % 2 == 0 else list(reversed(versions))
        for name in order:
            runs[name].append(run(versions[name], options))
            print(f"round {round_ + 1}: {name} done", file=sys.stderr)
    for corpus in [key for key, value in runs["before"][0].items() if isinstance(value, dict)]:
        report(corpus, runs, args.rounds)
    rss = {name: max(int(r["peak_rss_mb"]) for r in runs[name]) for name in versions}
    print(f"\npeak RSS (highest): before {rss['before']} MB, after {rss['after']} MB")


def report(corpus: str, runs: dict[str, list[dict[str, Any]]], rounds: int) -> None:
    """One table: per stage the lowest and median CPU seconds of each version, and their ratio."""
    first = runs["before"][0][corpus]
    print(f"\n{corpus} ({first['articles']} articles): CPU s, lowest / median of {rounds}")
    print(f"{'stage':<20}{'before':>16}{'after':>16}{'after/before':>14}")
    lowest: dict[str, float] = {}
    for stage in ["total", *first["stages"]]:
        cells = []
        for name, results in runs.items():
            values = [r[corpus]["cpu_s"] if stage == "total" else r[corpus]["stages"][stage]["cpu_s"] for r in results]
            cells.append(f"{min(values):>8.2f} / {statistics.median(values):<5.2f}")
            lowest[name] = min(values)
        ratio = lowest["after"] / lowest["before"] if lowest["before"] else float("nan")
        print(f"{stage:<20}{cells[0]}{cells[1]}{ratio:>12.2f}")
        if stage == "total":
            rates = {name: first["articles"] / seconds for name, seconds in lowest.items()}
    print(f"articles per CPU second (lowest total): before {rates['before']:.1f}, after {rates['after']:.1f}")


if __name__ == "__main__":
    main()
