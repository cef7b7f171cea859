"""``quellenlage corpus-report DIR``: the corpus questions answered from the job's tables."""

from __future__ import annotations

from html import escape
from pathlib import Path
from typing import Any

from ..errors import InputError
from .echoes import Quotation, echo_rows, find_echoes
from .store import DATABASE, connect, write_database


def _records(con: Any, sql: str) -> list[dict[str, Any]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def corpus_report(out: Path, top: int = 20) -> dict[str, Any]:
    """Totals, figures per language, most cited sources, sourcing per outlet (each per language),
    headline failures and quotation echoes."""
    if not (out / "_manifest.json").exists():
        raise InputError(
            f"{out} is not the output folder of a batch run", hint="run quellenlage batch … --out DIR first"
        )
    if not (out / DATABASE).exists():
        write_database(out)
    with connect(out) as con:
        totals = _records(con, "SELECT count(*) AS articles, coalesce(sum(attributions), 0) AS attributions, "
                               "count(DISTINCT outlet) AS outlets FROM articles")[0]  # fmt: skip
        errors = _records(con, "SELECT code, count(*) AS n, any_value(message) AS example FROM errors "
                               "GROUP BY code ORDER BY n DESC")  # fmt: skip
        languages = _records(con, "SELECT * FROM languages")
        sources = _records(con, f"SELECT * FROM cited_sources LIMIT {int(top)}")
        outlets = _records(con, f"SELECT * FROM outlet_sourcing LIMIT {int(top)}")
        headlines = _records(con, f"SELECT * FROM headline_failures LIMIT {int(top)}")
        quotations = [Quotation(*row) for row in con.execute(
            "SELECT article_id, outlet, date, source, quotation, normalised FROM quotations").fetchall()]  # fmt: skip
    echoes = echo_rows(find_echoes(quotations))
    return {"folder": str(out), "totals": {**totals, "errors": sum(e["n"] for e in errors)}, "errors": errors,
            "languages": languages, "cited_sources": sources, "outlets": outlets, "headline_failures": headlines,
            "echoes": echoes[:top], "echo_count": len(echoes)}  # fmt: skip


def _table(rows: list[dict[str, Any]], columns: list[str]) -> list[list[str]]:
    return [[("" if row.get(c) is None else str(row.get(c))) for c in columns] for row in rows]


def render_text(report: dict[str, Any]) -> str:
    t = report["totals"]
    lines = [f"{t['articles']} articles from {t['outlets']} outlets, {t['attributions']} attributions, "
             f"{t['errors']} not analysed."]  # fmt: skip
    for e in report["errors"]:
        lines.append(f"  {e['n']:>6} × {e['code']}: {e['example']}")
    sections = [
        ("Per language", report["languages"],
         ["language", "articles", "attributions", "unnamed_share", "hedged_share", "headlines_failing"]),
        ("Most cited sources", report["cited_sources"], ["articles", "attributions", "language", "kind", "example"]),
        ("Sourcing per outlet", report["outlets"],
         ["articles", "named", "unnamed", "unnamed_share", "unattributed_sentence_share", "language", "outlet"]),
    ]  # fmt: skip
    for title, rows, cols in sections:
        lines += ["", f"{title}:", "  " + "  ".join(cols)]
        lines += ["  " + "  ".join(cells) for cells in _table(rows, cols)]
    lines += ["", "Headlines that fail the check:"]
    failing = report["headline_failures"]
    for r in failing:
        lines.append(f"  {r['id']} ({r['outlet'] or '?'}): {r['title']} [{', '.join(r['headline_findings'])}]")
    lines += [] if failing else ["  none"]
    lines += ["", f"Quotation echoes ({report['echo_count']}):"]
    for e in report["echoes"]:
        lines.append(f"  {e['articles']} articles, first {e['first_outlet'] or '?'} {e['first_date'] or ''} "
                     f"({e['first_article']}): {e['quotation'][:100]}")  # fmt: skip
        if e["relayed_by"]:
            lines.append(f"      relayed by {', '.join(e['relayed_by'][:5])}")
    return "\n".join(lines) + "\n"


def render_html(report: dict[str, Any]) -> str:
    def table(rows: list[dict[str, Any]], cols: list[str]) -> str:
        head = "".join(f"<th>{escape(c)}</th>" for c in cols)
        body = "".join("<tr>" + "".join(f"<td>{escape(cell)}</td>" for cell in cells) + "</tr>"
                       for cells in _table(rows, cols))  # fmt: skip
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"

    t = report["totals"]
    failures = report["headline_failures"]
    echoes = [{**e, "relayed_by": ", ".join(e["relayed_by"])} for e in report["echoes"]]
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Quellenlage corpus report</title>
<style>body{{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1d1d1f}}
table{{border-collapse:collapse;margin-bottom:2rem}}th{{background:#f1f1f1}}
td,th{{border:1px solid #ddd;padding:.25rem .5rem;text-align:left;vertical-align:top}}</style></head>
<body><h1>Corpus report</h1><p>{t["articles"]} articles from {t["outlets"]} outlets,
{t["attributions"]} attributions, {t["errors"]} not analysed. Folder: <code>{escape(report["folder"])}</code></p>
<h2>Not analysed</h2>{table(report["errors"], ["code", "n", "example"])}
<h2>Per language</h2>{
        table(
            report["languages"],
            ["language", "articles", "attributions", "outlets", "unnamed_share", "unattributed_sentence_share",
             "hedged_share", "headlines_failing"],
        )
    }
<h2>Most cited sources</h2>{
        table(report["cited_sources"], ["example", "language", "kind", "articles", "attributions", "outlets"])
    }
<h2>Sourcing per outlet</h2>{
        table(
            report["outlets"],
            ["outlet", "language", "articles", "named", "unnamed", "unnamed_share", "unattributed_sentence_share",
             "hedged_share"],
        )
    }
<h2>Headlines that fail the check</h2>{table(failures, ["id", "language", "outlet", "title", "headline_verdict"])}
<h2>Quotation echoes ({report["echo_count"]})</h2>{
        table(echoes, ["quotation", "source", "articles", "first_outlet", "first_date", "first_article", "relayed_by"])
    }
</body></html>
"""
