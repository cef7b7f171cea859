"""The HTTP API through FastAPI's test client: reports, problem+json errors and safety limits."""

from __future__ import annotations

import asyncio
import gc
import json
import os
import re
import socket
import threading
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import httpx
import jsonschema
import pytest
import uvicorn
from fastapi.testclient import TestClient

from quellenlage.errors import ConfigError, TimeLimitError
from quellenlage.model import Analysis
from quellenlage.pipeline import Pipeline
from quellenlage.report import schema
from quellenlage.service import ServiceSettings, create_app
from quellenlage.service.workers import Job, WorkerPool
from tests.conftest import EXAMPLE

PROBLEM = "application/problem+json"
T = TypeVar("T")


@pytest.fixture(scope="module")
def client() -> Iterator[TestClient]:
    with TestClient(create_app(ServiceSettings(max_body_bytes=200_000, max_concurrency=1))) as c:
        yield c


@pytest.fixture(scope="module")
def reference() -> str:
    return EXAMPLE.read_text(encoding="utf-8")


def assert_problem(response: httpx.Response, status: int, code: str) -> dict[str, object]:
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith(PROBLEM)
    body: dict[str, object] = response.json()
    assert body["status"] == status and body["code"] == code and body["detail"]
    assert "Traceback" not in response.text
    return body


def test_reference_article_as_json_report(client: TestClient, reference: str) -> None:
    response = client.post("/v1/analyze", json={"text": reference})
    assert response.status_code == 200
    report = response.json()
    jsonschema.validate(report, schema())
    sources = {s["text"] for a in report["attributions"] for s in a["source"]}
    assert any("Kuzio" in s for s in sources) and any("Express" in s for s in sources)
    assert report["article"]["metadata"]["language"] == "de"


def test_html_report_by_field_or_accept_header(client: TestClient, reference: str) -> None:
    by_field = client.post("/v1/analyze", json={"text": reference, "format": "html"})
    by_header = client.post("/v1/analyze", json={"text": reference}, headers={"Accept": "text/html"})
    for response in (by_field, by_header):
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/html")
        assert "Taras Kuzio" in response.text and "<mark" not in response.text


def test_upload_of_a_legacy_encoded_text_file(client: TestClient, reference: str) -> None:
    data = reference.encode("cp1252", errors="replace")
    response = client.post("/v1/analyze/upload", files={"file": ("artikel.txt", data, "text/plain")})
    assert response.status_code == 200
    assert "Kasachstan" in response.json()["article"]["text"]


@pytest.mark.parametrize("body", [{}, {"text": "a", "url": "https://example.org/"}, {"text": 3},
                                  {"text": "Text", "lang": "xx"}, {"text": "Text", "colour": "red"}])  # fmt: skip
def test_malformed_requests_are_problems_naming_the_field(client: TestClient, body: dict[str, object]) -> None:
    problem = assert_problem(client.post("/v1/analyze", json=body), 422, "invalid_request")
    assert problem["errors"]


def test_input_the_analysis_refuses(client: TestClient) -> None:
    assert_problem(client.post("/v1/analyze", json={"text": "  \n "}), 422, "empty_input")
    french = "Le ministre a déclaré lundi que la situation était grave et qu'elle s'aggravait de jour en jour."
    assert_problem(client.post("/v1/analyze", json={"text": french}), 422, "unsupported_language")
    assert_problem(client.post("/v1/analyze/upload", files={"file": ("x.png", b"\x89PNG\r\n\x1a\n" + bytes(64))}),
                   422, "binary_input")  # fmt: skip


def test_body_limit_by_content_length_and_while_streaming(client: TestClient) -> None:
    assert_problem(client.post("/v1/analyze", json={"text": "x" * 250_000}), 413, "too_large")

    def chunks() -> Iterator[bytes]:
        yield b'{"text": "'
        for _ in range(30):
            yield b"x" * 10_000
        yield b'"}'

    streamed = client.post("/v1/analyze", content=chunks(), headers={"content-type": "application/json"})
    assert_problem(streamed, 413, "too_large")


@pytest.mark.parametrize("url", ["http://127.0.0.1:8000/", "http://localhost/", "http://169.254.169.254/latest/",
                                 "http://10.0.0.8/intern", "http://[::1]/", "http://[::ffff:127.0.0.1]/",
                                 "http://2130706433/"])  # fmt: skip
def test_private_and_metadata_urls_are_refused(client: TestClient, url: str) -> None:
    assert_problem(client.post("/v1/analyze", json={"url": url}), 403, "url_not_allowed")


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/", "http://[::1", "http://x.de:99999/",
                                 "http://" + "a" * 70 + ".de/", "http://0177.0.0.1/"])  # fmt: skip
def test_malformed_and_non_http_urls_are_400(client: TestClient, url: str) -> None:
    assert_problem(client.post("/v1/analyze", json={"url": url}), 400, "invalid_url")


@pytest.mark.parametrize("url", ["http://[64:ff9b::7f00:1]/", "http://[2002:7f00:1::]/", "http://[::127.0.0.1]/"])
def test_ipv6_addresses_embedding_loopback_are_refused(client: TestClient, url: str) -> None:
    assert_problem(client.post("/v1/analyze", json={"url": url}), 403, "url_not_allowed")


def test_unknown_routes_and_methods_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/v2/nothing"), 404, "not_found")
    assert_problem(client.get("/v1/analyze"), 405, "method_not_allowed")


def test_schema_health_docs_and_page(client: TestClient) -> None:
    assert client.get("/v1/schema").json() == schema()
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["pending"] == 0
    for path in ("/docs", "/redoc"):
        page = client.get(path)
        assert page.status_code == 200 and "cdn" not in page.text.lower(), path
        assets = re.findall(r'(?:src|href)="([^"]+)"', page.text)
        assert assets and all(a.startswith("/") for a in assets), assets  # bundled, served here
        assert all(client.get(a).status_code == 200 for a in assets), assets
    assert "/v1/analyze" in client.get("/openapi.json").json()["paths"]
    page = client.get("/")
    assert page.headers["content-type"].startswith("text/html") and 'id="analyze"' in page.text


def test_the_page_loads_nothing_from_elsewhere(client: TestClient) -> None:
    for path in ("/", "/static/app.js", "/static/app.css"):
        response = client.get(path)
        assert response.status_code == 200
        body = response.text.replace('placeholder="https://…"', "")
        assert "http://" not in body and "https://" not in body and "//cdn" not in body, path


def run_async(coroutine: Coroutine[Any, Any, T]) -> T:
    """asyncio.run in its own thread: another test's tool (Playwright) may own this thread's loop."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


@dataclass(frozen=True)
class Scripted:
    """A test stage that does what the article says: SLEEP, FAIL, EXIT, HOG (memory) or PID."""

    name: str = "scripted"
    requires: frozenset[str] = frozenset({"article"})
    provides: frozenset[str] = frozenset({"test"})

    def __call__(self, analysis: Analysis) -> Analysis:
        text = analysis.article.text
        if "SLEEP" in text:
            time.sleep(5)
        if "FAIL" in text:
            raise RuntimeError("secret internal detail /home/service/config.py")
        if "EXIT" in text:
            os._exit(3)
        if "HOG" in text:
            hog = bytearray(4_000_000_000)  # beyond the worker's memory limit
            del hog
        if "PID" in text:
            raise ConfigError(str(os.getpid()))
        return replace(analysis)


SCRIPTED = Pipeline([Scripted()])


def scripted_client(**settings: Any) -> TestClient:
    defaults: dict[str, Any] = {"max_concurrency": 1, "worker_memory_mb": 500}
    app = create_app(ServiceSettings(**{**defaults, **settings}), pipeline=SCRIPTED)
    return TestClient(app, raise_server_exceptions=False)


def ask(c: TestClient, text: str) -> httpx.Response:
    return c.post("/v1/analyze", json={"text": text, "lang": "de"})


def test_an_internal_error_reaches_the_client_without_details() -> None:
    with scripted_client() as c:
        problem = assert_problem(ask(c, "FAIL"), 500, "internal")
        assert "secret" not in str(problem) and "config.py" not in str(problem)
        assert ask(c, "Ein Satz.").status_code == 200  # the worker lives on


def test_an_analysis_past_the_time_limit_is_answered_504_and_its_worker_replaced() -> None:
    with scripted_client(time_limit_s=0.5) as c:
        before = assert_problem(ask(c, "PID"), 400, "config")["detail"]
        started = time.monotonic()
        assert_problem(ask(c, "SLEEP"), 504, "time_limit")
        assert time.monotonic() - started < 2.5  # answered at the limit, not when the work would end
        after = assert_problem(ask(c, "PID"), 400, "config")["detail"]
        assert before != after  # a new process


def test_a_worker_that_dies_or_runs_out_of_memory_is_replaced() -> None:
    with scripted_client() as c:
        assert_problem(ask(c, "EXIT"), 500, "internal")
        assert_problem(ask(c, "HOG"), 422, "memory_limit")
        assert ask(c, "Ein Satz.").status_code == 200


def test_the_pool_bounds_concurrency_and_queue() -> None:
    async def scenario() -> list[str]:
        pool = WorkerPool(1, max_queue=1, time_limit_s=10, pipeline=SCRIPTED)
        try:
            jobs = [Job("text", "SLEEP", lang="de") for _ in range(3)]
            results = await asyncio.gather(*(pool.run(job) for job in jobs), return_exceptions=True)
        finally:
            pool.shutdown()
        return [type(r).__name__ for r in results]

    assert sorted(run_async(scenario())) == ["BusyError", "dict", "dict"]


def test_a_hostile_request_does_not_delay_an_ordinary_one_beyond_its_limit() -> None:
    # Two workers; three requests that each run to the 1 s limit, and an ordinary one beside them.
    async def scenario() -> float:
        pool = WorkerPool(2, max_queue=8, time_limit_s=1.0, pipeline=SCRIPTED)
        try:
            hostile = [asyncio.ensure_future(pool.run(Job("text", "SLEEP", lang="de"))) for _ in range(3)]
            await asyncio.sleep(0.05)
            started = time.monotonic()
            await pool.run(Job("text", "Ein Satz.", lang="de"))
            took = time.monotonic() - started
            await asyncio.gather(*hostile, return_exceptions=True)
        finally:
            pool.shutdown()
        return took

    assert run_async(scenario()) < 1.0 + 8.0  # one limit, plus the start of a replacement worker


def test_keep_alive_survives_an_error() -> None:
    """A real server: after a 500 the next request on the same connection is answered."""
    port = _free_port()
    config = uvicorn.Config(create_app(ServiceSettings(max_concurrency=1), pipeline=SCRIPTED), host="127.0.0.1",
                            port=port, log_level="warning")  # fmt: skip
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started and time.monotonic() < deadline:
            time.sleep(0.05)
        with socket.create_connection(("127.0.0.1", port), timeout=30) as conn:
            for text, status in (("FAIL", 500), ("Ein Satz.", 200), ("FAIL", 500), ("Ein Satz.", 200)):
                body = json.dumps({"text": text, "lang": "de"}).encode()
                conn.sendall(b"POST /v1/analyze HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                             + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)  # fmt: skip
                head = _read_response(conn)
                assert head.startswith(f"HTTP/1.1 {status}".encode()), head[:80]
                assert b"connection: close" not in head.lower()
    finally:
        server.should_exit = True
        thread.join(30)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _read_response(conn: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        data += conn.recv(65536)
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.split(b"\r\n")
    length = next(int(line.split(b":")[1]) for line in lines if line.lower().startswith(b"content-length"))
    while len(rest) < length:
        rest += conn.recv(65536)
    return head


def test_settings_come_from_the_environment_and_are_checked() -> None:
    env = {"QUELLENLAGE_TIME_LIMIT_S": "5", "QUELLENLAGE_ALLOW_PRIVATE_URLS": "true", "QUELLENLAGE_MAX_QUEUE": "0"}
    settings = ServiceSettings.from_env(env)
    assert settings.time_limit_s == 5.0 and settings.allow_private_urls and settings.max_queue == 0
    assert not settings.fetch_limits.public_only
    assert ServiceSettings.from_env({}).fetch_limits.public_only
    with pytest.raises(ConfigError, match="QUELLENLAGE_MAX_BODY_BYTES"):
        ServiceSettings.from_env({"QUELLENLAGE_MAX_BODY_BYTES": "lots"})
    with pytest.raises(ConfigError, match="max_concurrency"):
        ServiceSettings(max_concurrency=0)


def test_a_timed_out_job_leaves_no_unretrieved_future() -> None:
    async def scenario() -> list[str]:
        reported: list[str] = []
        asyncio.get_running_loop().set_exception_handler(lambda _, context: reported.append(context["message"]))
        pool = WorkerPool(1, max_queue=2, time_limit_s=0.3, pipeline=SCRIPTED)
        try:
            for _ in range(2):
                with pytest.raises(TimeLimitError):
                    await pool.run(Job("text", "SLEEP", lang="de"))
        finally:
            pool.shutdown()
        gc.collect()
        await asyncio.sleep(0.1)
        return reported

    assert run_async(scenario()) == []
