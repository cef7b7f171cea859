"""The job's DuckDB file: views over the partition Parquet files, and views for common questions.

``DIR/corpus.duckdb`` holds only views, so it is small and always agrees with the Parquet files;
it is rebuilt at the end of every run.  The views use absolute paths: after moving ``DIR``, run
``quellenlage corpus-report DIR`` (or the batch command) once to rebuild them.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from .tables import SCHEMAS

DATABASE = "corpus.duckdb"

#: Views answering the corpus questions in plain SQL (see docs/CORPUS.md).
QUESTION_VIEWS = {
    "cited_sources": """
        SELECT s.language, s.source_norm AS source, any_value(s.source) AS example, mode(s.kind) AS kind,
               count(DISTINCT s.article_id) AS articles, sum(s.attributions) AS attributions,
               count(DISTINCT a.outlet) AS outlets
        FROM sources s JOIN articles a ON a.id = s.article_id
        WHERE s.source_norm IS NOT NULL
        GROUP BY s.language, s.source_norm ORDER BY articles DESC, attributions DESC""",
    "outlet_sourcing": """
        SELECT language, coalesce(outlet, '(unknown)') AS outlet, count(*) AS articles,
               sum(attributions) AS attributions, sum(named_sources) AS named, sum(unnamed_sources) AS unnamed,
               round(sum(unnamed_sources) / nullif(sum(named_sources) + sum(unnamed_sources), 0), 3) AS unnamed_share,
               round(sum(unattributed_sentences) / nullif(sum(sentences), 0), 3) AS unattributed_sentence_share,
               round(sum(hedged_attributions) / nullif(sum(attributions), 0), 3) AS hedged_share,
               count(*) FILTER (WHERE headline_verdict IN ('stronger_than_body', 'unsupported')) AS headlines_failing
        FROM articles GROUP BY 1, 2 ORDER BY articles DESC""",
    "languages": """
        SELECT language, count(*) AS articles, sum(attributions) AS attributions,
               count(DISTINCT outlet) AS outlets,
               round(sum(unnamed_sources) / nullif(sum(named_sources) + sum(unnamed_sources), 0), 3) AS unnamed_share,
               round(sum(unattributed_sentences) / nullif(sum(sentences), 0), 3) AS unattributed_sentence_share,
               round(sum(hedged_attributions) / nullif(sum(attributions), 0), 3) AS hedged_share,
               count(*) FILTER (WHERE headline_verdict IN ('stronger_than_body', 'unsupported')) AS headlines_failing
        FROM articles GROUP BY 1 ORDER BY articles DESC""",
    "headline_failures": """
        SELECT id, language, outlet, title, headline_verdict, headline_findings FROM articles
        WHERE headline_verdict IN ('stronger_than_body', 'unsupported') ORDER BY outlet, id""",
    "relays": """
        SELECT s.article_id, a.outlet, s.source, s.relayed_by FROM sources s JOIN articles a ON a.id = s.article_id
        WHERE len(s.relayed_by) > 0""",
    "quotations": r"""
        SELECT t.article_id, t.attribution_id, t.source, t.message AS quotation, a.outlet, a.date,
               trim(regexp_replace(lower(regexp_replace(t.message, '[„“"»«‚‘'']', '', 'g')),
                                   '[^\p{L}\p{N}]+', ' ', 'g')) AS normalised
        FROM attributions t JOIN articles a ON a.id = t.article_id
        WHERE t.type = 'direct' AND length(t.message) >= 30""",
}


def write_database(out: Path) -> Path:
    """(Re)build ``out/corpus.duckdb``; returns its path."""
    path = out / DATABASE
    tmp = out / f".{DATABASE}.{os.getpid()}.tmp"
    tmp.unlink(missing_ok=True)
    with duckdb.connect(str(tmp)) as con:
        for table, schema in SCHEMAS.items():
            files = sorted((out / table).glob("part-*.parquet")) if (out / table).is_dir() else []
            empty = schema.empty_table()  # noqa: F841 - read by DuckDB's replacement scan
            con.execute(f"CREATE TABLE _{table}_columns AS SELECT * FROM empty")
            if files:  # every column of the schema, also in partitions an older version wrote without it
                glob = str((out / table).resolve() / "part-*.parquet").replace("'", "''")
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM _{table}_columns UNION ALL BY NAME "
                            f"SELECT * FROM read_parquet('{glob}', union_by_name = true)")  # fmt: skip
            else:
                con.execute(f"CREATE VIEW {table} AS SELECT * FROM _{table}_columns")
        for name, sql in QUESTION_VIEWS.items():
            con.execute(f"CREATE VIEW {name} AS {sql}")
    os.replace(tmp, path)
    return path


def connect(out: Path, read_only: bool = True) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(out / DATABASE), read_only=read_only)
