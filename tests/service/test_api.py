"""The HTTP API through FastAPI's test client: reports, problem+json errors and safety limits."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import httpx
import jsonschema
import pytest
from fastapi.testclient import TestClient

from quellenlage.errors import ConfigError, TimeLimitError, UrlNotAllowedError
from quellenlage.ingest.fetch import FetchLimits, fetch
from quellenlage.model import Analysis
from quellenlage.pipeline import Pipeline
from quellenlage.report import schema
from quellenlage.service import ServiceSettings, create_app
from quellenlage.service.runner import BusyError, Runner
from tests.conftest import EXAMPLE

PROBLEM = "application/problem+json"
T = TypeVar("T")


@pytest.fixture(scope="module")
def client(pipeline: Pipeline) -> Iterator[TestClient]:
    with TestClient(create_app(ServiceSettings(max_body_bytes=200_000), pipeline=pipeline)) as c:
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
    english = "The minister said on Monday that the situation was serious and that it was getting worse by the day."
    assert_problem(client.post("/v1/analyze", json={"text": english}), 422, "unsupported_language")
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


def test_non_http_urls_are_refused(client: TestClient) -> None:
    assert_problem(client.post("/v1/analyze", json={"url": "file:///etc/passwd"}), 502, "fetch_failed")


def test_a_redirect_to_a_private_address_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    public, private = ("93.184.215.14", 80), ("10.1.2.3", 80)
    addresses = {"news.example": public, "intranet.example": private}

    def fake_getaddrinfo(host: str, *_: object, **__: object) -> list[tuple[object, ...]]:
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", addresses[host])]

    monkeypatch.setattr(socket, "getaddrinfo", fake_getaddrinfo)
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        if request.url.host == "news.example":
            return httpx.Response(302, headers={"Location": "http://intranet.example/secret"})
        return httpx.Response(200, text="<html><body><p>geheim</p></body></html>")

    with pytest.raises(UrlNotAllowedError):
        fetch("http://news.example/a", FetchLimits(public_only=True), transport=httpx.MockTransport(handler))
    assert seen == ["news.example"]  # the private host was never asked
    page = fetch("http://news.example/a", FetchLimits(), transport=httpx.MockTransport(handler))
    assert page.content.endswith(b"</html>")  # without the policy (the CLI's default) it is followed


def test_unknown_routes_and_methods_are_problems(client: TestClient) -> None:
    assert_problem(client.get("/v2/nothing"), 404, "not_found")
    assert_problem(client.get("/v1/analyze"), 405, "method_not_allowed")


def test_schema_health_docs_and_page(client: TestClient) -> None:
    assert client.get("/v1/schema").json() == schema()
    health = client.get("/healthz").json()
    assert health["status"] == "ok" and health["pending"] == 0
    assert client.get("/docs").status_code == 200
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
class Stage:
    """A test stage that sleeps or fails, to exercise limits and error handling."""

    sleep_s: float = 0.0
    fail: bool = False
    name: str = "test-stage"
    requires: frozenset[str] = frozenset({"article"})
    provides: frozenset[str] = frozenset({"test"})

    def __call__(self, analysis: Analysis) -> Analysis:
        time.sleep(self.sleep_s)
        if self.fail:
            raise RuntimeError("secret internal detail /home/service/config.py")
        return replace(analysis)


def test_an_internal_error_reaches_the_client_without_details() -> None:
    app = create_app(ServiceSettings(), pipeline=Pipeline([Stage(fail=True)]))
    with TestClient(app, raise_server_exceptions=False) as c:
        problem = assert_problem(c.post("/v1/analyze", json={"text": "Ein Satz.", "lang": "de"}), 500, "internal")
    assert "secret" not in str(problem) and "config.py" not in str(problem)


def test_an_analysis_past_the_time_limit_is_answered_504() -> None:
    slow = Pipeline([Stage(sleep_s=0.6), Stage(name="after")])
    with TestClient(create_app(ServiceSettings(time_limit_s=0.2), pipeline=slow)) as c:
        started = time.monotonic()
        assert_problem(c.post("/v1/analyze", json={"text": "Ein Satz.", "lang": "de"}), 504, "time_limit")
        assert time.monotonic() - started < 0.55  # answered at the limit, not when the work ends


def test_the_runner_bounds_concurrency_and_queue() -> None:
    async def scenario() -> list[str]:
        runner = Runner(max_concurrency=1, max_queue=1, time_limit_s=5)

        def job(_: float) -> str:
            time.sleep(0.2)
            return "done"

        results = await asyncio.gather(*(runner.run(job) for _ in range(3)), return_exceptions=True)
        runner.shutdown()
        return [r if isinstance(r, str) else type(r).__name__ for r in results]

    assert sorted(run_async(scenario())) == ["BusyError", "done", "done"]


def test_the_runner_keeps_a_timed_out_slot_until_the_work_stops() -> None:
    async def scenario() -> tuple[str, int]:
        runner = Runner(max_concurrency=1, max_queue=0, time_limit_s=0.1)

        def job(_: float) -> str:
            time.sleep(0.4)
            return "done"

        with pytest.raises(TimeLimitError):
            await runner.run(job)
        pending = runner.pending  # the thread still works: its slot is still taken
        with pytest.raises(BusyError):
            await runner.run(job)
        await asyncio.sleep(0.45)
        runner.shutdown()
        return "ok", pending + runner.pending

    assert run_async(scenario()) == ("ok", 1)


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
