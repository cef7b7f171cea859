"""Batch runs as a researcher uses them: tables, errors, resuming after kill -9, Dask, questions."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from quellenlage.cli import main
from quellenlage.corpus import BatchOptions, Record, run_batch
from quellenlage.corpus.report import corpus_report, render_html, render_text
from quellenlage.corpus.worker import JobSpec, run_partition
from quellenlage.errors import ConfigError
from tests.corpus.conftest import QUOTE, article


def ids(out: Path, table: str = "articles", column: str = "id") -> list[str]:
    with duckdb.connect(str(out / "corpus.duckdb"), read_only=True) as con:
        return [row[0] for row in con.execute(f"SELECT {column} FROM {table} ORDER BY 1").fetchall()]


def test_a_corpus_becomes_tables_with_one_row_per_article(jsonl_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = run_batch(BatchOptions(inputs=(str(jsonl_corpus),), out=out, workers=2, partition_size=3, lang="de"))
    assert (result.records, result.articles, result.errors) == (13, 10, 3) and result.balanced
    assert ids(out) == sorted(f"a{n}" for n in range(10))
    assert sorted(ids(out, "errors", "code")) == ["empty_input", "input", "input"]
    with duckdb.connect(str(out / "corpus.duckdb"), read_only=True) as con:
        vague = con.execute("SELECT count(DISTINCT article_id) FROM attributions WHERE source_kind = 'vague'")
        assert vague.fetchone() == (10,)  # "Experten zufolge" in every article
        lutz = con.execute("SELECT articles, outlets FROM cited_sources WHERE source LIKE '%lutz%'").fetchone()
        assert lutz == (10, 5)
        outlets = dict(con.execute("SELECT outlet, articles FROM outlet_sourcing").fetchall())
        assert outlets == {o: 2 for o in ["tagesschau.de", "spiegel.de", "bild.de", "zeit.de", "taz.de"]}
        claims = con.execute("SELECT asserted_by, count(*) FROM claims GROUP BY 1 ORDER BY 1").fetchall()
        assert dict(claims)["outlet"] >= 10  # "Die Bahn erhöht … die Preise" is the outlet's own claim
    assert pq.read_table(out / "articles" / "part-000000.parquet").num_rows == 3


def test_rerunning_a_finished_job_changes_nothing(jsonl_corpus: Path, tmp_path: Path) -> None:
    options = BatchOptions(inputs=(str(jsonl_corpus),), out=tmp_path / "out", workers=1, partition_size=4, lang="de")
    run_batch(options)
    again = run_batch(options)
    assert (again.partitions_done, again.partitions_skipped, again.articles) == (0, 4, 10)
    assert again.records == 13 and again.balanced
    assert len(ids(tmp_path / "out")) == 10
    with pytest.raises(ConfigError, match="another job"):
        run_batch(BatchOptions(inputs=(str(jsonl_corpus),), out=tmp_path / "out", lang="auto"))


def test_kill_9_in_the_middle_then_the_same_command_finishes_the_job(tmp_path: Path) -> None:
    corpus = tmp_path / "many.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"k{n:03d}", "text": article(n, "x")}) + "\n" for n in range(60)))
    out = tmp_path / "out"
    command = [sys.executable, "-m", "quellenlage.cli", "batch", str(corpus), "--out", str(out), "--workers", "2",
               "--partition-size", "3", "--lang", "de", "--no-progress"]  # fmt: skip
    run = subprocess.Popen(command, start_new_session=True, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while len(list((out / "_done").glob("part-*"))) < 3 if (out / "_done").exists() else True:
        assert time.monotonic() < deadline and run.poll() is None, "the run ended before it could be killed"
        time.sleep(0.05)
    os.killpg(run.pid, signal.SIGKILL)  # the driver and its workers, mid-partition
    run.wait()
    assert len(list((out / "_done").glob("part-*"))) < 20, "the job was not interrupted"
    finished = subprocess.run(command, capture_output=True, timeout=300, check=False)
    assert finished.returncode == 0, finished.stderr.decode()
    assert ids(out) == [f"k{n:03d}" for n in range(60)]  # none lost, none twice
    assert not list(out.rglob("*.tmp"))


def test_a_pathological_article_hits_the_time_limit_and_the_rest_go_on(tmp_path: Path) -> None:
    slow = Record(id="slow", origin="test", data=article(1, "x") * 300, is_html=False)
    fine = Record(id="fine", origin="test", data=article(2, "x"), is_html=False)
    counts = run_partition(0, [slow, fine], JobSpec(out=str(tmp_path), lang="de", time_limit_s=0.5))
    assert counts == {"articles": 1, "errors": 1}
    errors = pq.read_table(tmp_path / "errors" / "part-000000.parquet").to_pylist()
    assert errors[0]["id"] == "slow" and errors[0]["code"] == "time_limit"


def test_the_same_job_on_a_dask_cluster(jsonl_corpus: Path, tmp_path: Path) -> None:
    distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        result = run_batch(BatchOptions(inputs=(str(jsonl_corpus),), out=tmp_path / "out", partition_size=3,
                                        lang="de", dask=cluster.scheduler_address))  # fmt: skip
    assert (result.articles, result.errors) == (10, 3)
    assert ids(tmp_path / "out") == sorted(f"a{n}" for n in range(10))


def test_corpus_report_answers_the_questions(jsonl_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    run_batch(BatchOptions(inputs=(str(jsonl_corpus),), out=out, workers=1, partition_size=5, lang="de"))
    report = corpus_report(out)
    assert report["totals"]["articles"] == 10 and report["totals"]["errors"] == 3
    cited = {row["source"]: row["articles"] for row in report["cited_sources"]}
    assert cited["experten"] == cited["bahnchef richard lutz"] == 10
    echo = report["echoes"][0]
    assert echo["articles"] == 10 and QUOTE[:30] in echo["quotation"]
    assert (echo["first_date"], echo["first_article"]) == ("2024-03-01", "a0")  # earliest date, then id
    assert len(echo["relayed_by"]) == 9
    assert "Quotation echoes (1)" in render_text(report) and "<h2>Most cited sources</h2>" in render_html(report)


def test_cli_batch_and_corpus_report(jsonl_corpus: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    assert main(["batch", str(jsonl_corpus), "--out", str(out), "--workers", "1", "--lang", "de",
                 "--no-progress", "--jsonl"]) == 0  # fmt: skip
    assert "13 records read: 10 analysed + 3 errors" in capsys.readouterr().err
    reports = list((out / "reports").glob("*.jsonl.gz"))
    assert reports
    assert main(["corpus-report", str(out), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["totals"]["articles"] == 10
    assert main(["batch", str(tmp_path / "missing"), "--out", str(out)]) == 3
    assert main(["corpus-report", str(tmp_path)]) == 3


def test_headlines_stronger_than_their_body_are_listed(tmp_path: Path) -> None:
    corpus = tmp_path / "heads.jsonl"
    loaded = ("Bahn-Desaster: Pendler gedemütigt\n\nDie Bahn erhöht die Preise. Ein Sprecher sagte, die Kosten "
              "seien gestiegen. Der Fahrgastverband kritisierte die Erhöhung.\n")  # fmt: skip
    rows = [{"id": "loaded", "text": loaded, "outlet": "boulevard.de"},
            {"id": "plain", "text": article(1, "x"), "outlet": "zeitung.de"}]  # fmt: skip
    corpus.write_text("".join(json.dumps(row) + "\n" for row in rows))
    out = tmp_path / "out"
    run_batch(BatchOptions(inputs=(str(corpus),), out=out, workers=1, lang="de"))
    failing = corpus_report(out)["headline_failures"]
    assert [(r["id"], r["outlet"]) for r in failing] == [("loaded", "boulevard.de")]
    assert "loaded_word" in failing[0]["headline_findings"]


def test_a_second_run_into_the_same_folder_at_the_same_time_is_refused(jsonl_corpus: Path, tmp_path: Path) -> None:
    import fcntl

    options = BatchOptions(inputs=(str(jsonl_corpus),), out=tmp_path / "out", workers=1, lang="de")
    run_batch(options)
    with (tmp_path / "out" / "_lock").open("w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)  # as a running job holds it
        with pytest.raises(ConfigError, match="another batch run"):
            run_batch(options)
    assert run_batch(options).partitions_skipped > 0  # free again once the other run ends


def test_a_corrupt_csv_row_and_a_repeated_id_are_error_rows_and_every_record_counts(tmp_path: Path) -> None:
    corpus = tmp_path / "in"
    corpus.mkdir()
    seven, eight, nine = (" ".join(article(n, "x").replace(",", "").split()) for n in (7, 8, 9))
    (corpus / "a.csv").write_text(f'id,text\nc7,"{seven}\nc8,{eight}\nc8,{nine}\n', encoding="utf-8")
    result = run_batch(BatchOptions(inputs=(str(corpus),), out=tmp_path / "out", workers=1, lang="de"))
    assert (result.records, result.articles, result.errors) == (3, 1, 2) and result.balanced
    assert sorted(ids(tmp_path / "out", "errors", "code")) == ["csv_broken_row", "duplicate_id"]
    assert ids(tmp_path / "out") == ["c8"]
