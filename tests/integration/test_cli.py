"""The CLI as a user runs it: formats, stdin, every input error as one line and an exit code."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from quellenlage.cli import main
from tests.conftest import GOLD_DEV, needs_shared

ARTICLE = ("Streit um Fahrpreise\n\nDie Bahn erhöht die Preise. Ein Sprecher sagte, die Kosten seien "
           "gestiegen. Laut Fahrgastverband ist das ein Fehler.\n")  # fmt: skip


def run(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "quellenlage.cli", *args], input=stdin,
                          capture_output=True, timeout=120, check=False)  # fmt: skip


@pytest.fixture()
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "artikel.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_analyze_text_summary(article_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(article_file)]) == 0
    out = capsys.readouterr().out
    assert "Headline: Streit um Fahrpreise" in out
    assert "Ein Sprecher" in out and "Fahrgastverband" in out


def test_analyze_json_and_html_to_files(article_file: Path, tmp_path: Path) -> None:
    assert main(["analyze", str(article_file), "--format", "json", "-o", str(tmp_path / "r.json")]) == 0
    report = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert report["schema_version"] == "2.0" and report["summary"]["attributions"] == 2
    assert main(["analyze", str(article_file), "--format", "html", "-o", str(tmp_path / "r.html")]) == 0
    assert (tmp_path / "r.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_stdin_is_read_with_a_dash() -> None:
    result = run("analyze", "-", "--format", "json", stdin=ARTICLE.encode())
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["article"]["blocks"][0]["kind"] == "headline"


@pytest.mark.parametrize(
    ("content", "code", "words"),
    [
        (b"", 3, "empty"),
        (b"\x89PNG\r\n\x1a\nrest", 3, "PNG"),
        (bytes([0x81, 0x8D, 0x8F, 0x90, 0x9D]) * 20, 3, "UTF-8"),
        ("Le gouvernement a annoncé une réforme importante des retraites.".encode(), 3, "French"),
        (b"<html><body><nav>Men\xc3\xbc</nav></body></html>", 4, "no article text"),
    ],
)
def test_bad_input_gets_one_line_and_an_exit_code(tmp_path: Path, content: bytes, code: int, words: str) -> None:
    path = tmp_path / "input"
    path.write_bytes(content)
    result = run("analyze", str(path))
    err = result.stderr.decode()
    assert result.returncode == code
    assert err.startswith("quellenlage: error:") and words in err
    assert "Traceback" not in err and err.count("\n") == 1


def test_missing_file_and_unreachable_url(tmp_path: Path) -> None:
    missing = run("analyze", str(tmp_path / "nope.txt"))
    assert missing.returncode == 3 and "no such file" in missing.stderr.decode()
    unreachable = run("analyze", "http://127.0.0.1:9/never")
    assert unreachable.returncode == 5 and "Traceback" not in unreachable.stderr.decode()


def test_schema_command_prints_the_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out)["properties"]["schema_version"]["const"] == "2.0"


def test_eval_on_a_tiny_hand_made_gold_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = "Der Minister sagte, die Lage sei ernst."
    words = [("Der", 0, 3), ("Minister", 4, 12), ("sagte", 13, 18), (",", 18, 19), ("die", 20, 23),
             ("Lage", 24, 28), ("sei", 29, 32), ("ernst", 33, 38), (".", 38, 39)]  # fmt: skip
    tokens = [{"id": i, "text": w, "charBegin": b, "charEnd": e} for i, (w, b, e) in enumerate(words)]

    def part(ids: list[int]) -> dict[str, object]:
        return {"tokenIds": ids, "spans": [], "text": ""}

    gold = {"documentName": "t", "originalText": text, "tokens": tokens, "annotations": [{
        "quote": part([4, 5, 6, 7]), "cue": part([2]), "speaker": part([0, 1]), "frame": part([0, 1, 2, 3]),
        "addressee": part([]), "type": "Indirect", "medium": "Speech"}]}  # fmt: skip
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "t.json").write_text(json.dumps(gold), encoding="utf-8")
    assert main(["eval", str(tmp_path / "gold"), "--predictions-out", str(tmp_path / "pred")]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["f1_msg"] == 1.0 and result["f1_roles"] == 1.0
    predicted = json.loads((tmp_path / "pred" / "t.json").read_text(encoding="utf-8"))
    assert predicted["documentName"] == "t" and predicted["annotations"][0]["quote"]["tokenIds"] == [
        4,
        5,
        6,
        7,
    ]


@needs_shared
def test_eval_on_dev_beats_the_published_rule_based_system(tmp_path: Path) -> None:
    from quellenlage.evaluation import evaluate_dir

    result = evaluate_dir(GOLD_DEV)
    # QUiTE (rule-based) on the held-out test split: Messages 47.9, Roles 35.5, Joint 39.1.
    assert result["f1_msg"] > 0.479 and result["f1_roles"] > 0.355 and result["f1_joint"] > 0.391


def test_serve_refuses_a_bad_setting_before_starting() -> None:
    env = {**os.environ, "QUELLENLAGE_TIME_LIMIT_S": "soon"}
    result = subprocess.run([sys.executable, "-m", "quellenlage.cli", "serve", "--port", "1"], env=env,
                            capture_output=True, timeout=60, check=False)  # fmt: skip
    assert result.returncode == 2
    assert "QUELLENLAGE_TIME_LIMIT_S" in result.stderr.decode() and "Traceback" not in result.stderr.decode()


def test_serve_starts_the_service_a_user_can_call() -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "quellenlage.cli", "serve", "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 90
        while True:
            try:
                if httpx.get(f"{base}/healthz", timeout=1).json()["status"] == "ok":
                    break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and server.poll() is None, "the server did not start"
                time.sleep(0.2)
        report = httpx.post(f"{base}/v1/analyze", json={"text": ARTICLE}, timeout=60).json()
        assert [s["text"] for a in report["attributions"] for s in a["source"]][:1] == ["Ein Sprecher"]
    finally:
        server.terminate()
        server.wait(timeout=30)
