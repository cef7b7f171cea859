"""URL checks and the fetch policy, with a stub resolver and a mock transport: no network."""

from __future__ import annotations

import httpx
import pytest

from quellenlage.errors import FetchError, InvalidUrlError, UrlNotAllowedError
from quellenlage.ingest.fetch import FetchLimits, blocked_reason, fetch, parse_url

PUBLIC = "93.184.215.14"
PAGE = "<html><body><p>Der Minister sagte, die Lage sei ernst.</p></body></html>"


class StubResolver:
    """Answers from a table, and counts the look-ups (a second one would be a rebinding window)."""

    def __init__(self, answers: dict[str, list[list[str]]]) -> None:
        self.answers = answers
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        seq = self.answers[host]
        return seq[min(len(self.calls) - 1, len(seq) - 1)] if len(seq) > 1 else seq[0]


@pytest.mark.parametrize(("url", "says"), [
    ("ftp://example.org/file", "ftp: URLs are not supported"),
    ("file:///etc/passwd", "file: URLs are not supported"),
    ("javascript:alert(1)", "javascript: URLs are not supported"),
    ("http://[::1", "malformed URL"),
    ("http://" + "a" * 70 + ".com/", "not a valid host name"),
    ("http://exa mple.com/", "not a valid host name"),
    ("http://0177.0.0.1/", "malformed URL"),
    ("http://example.org:99999/", "port 99999"),
    ("http://example.org:0/", "port 0"),
    ("http:///path-only", "has no host name"),
])  # fmt: skip
def test_malformed_and_foreign_urls_are_invalid_url_errors(url: str, says: str) -> None:
    with pytest.raises(InvalidUrlError, match=says):
        parse_url(url)
    with pytest.raises(InvalidUrlError):
        fetch(url, transport=httpx.MockTransport(lambda r: httpx.Response(200, html=PAGE)))


@pytest.mark.parametrize("address", [
    "127.0.0.1", "10.1.2.3", "169.254.169.254", "::1", "fe80::1",
    "::ffff:127.0.0.1",  # IPv4-mapped
    "64:ff9b::7f00:1",  # NAT64 of 127.0.0.1 (ipaddress calls it global)
    "64:ff9b::a01:203",  # NAT64 of 10.1.2.3
    "64:ff9b:1::1",  # local-use NAT64
    "2002:7f00:1::",  # 6to4 of 127.0.0.1
    "2001:0:4136:e378:8000:63bf:80ff:fffe",  # Teredo with client 127.0.0.1
    "::127.0.0.1",  # IPv4-compatible (ipaddress calls it global)
])  # fmt: skip
def test_addresses_that_reach_private_networks_are_blocked(address: str) -> None:
    assert blocked_reason(address) is not None


@pytest.mark.parametrize("address", [PUBLIC, "2606:4700::6810:84e5", "64:ff9b::5db8:d70e"])
def test_public_addresses_pass(address: str) -> None:
    assert blocked_reason(address) is None


def test_the_request_goes_to_the_vetted_address_with_the_original_host() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, html=PAGE)

    resolver = StubResolver({"news.example": [[PUBLIC]]})
    page = fetch("https://news.example/a?b=1", FetchLimits(public_only=True), httpx.MockTransport(handler), resolver)
    assert page.url == "https://news.example/a?b=1"
    (request,) = seen
    assert request.url.host == PUBLIC and request.url.path == "/a"
    assert request.headers["host"] == "news.example"
    assert request.extensions["sni_hostname"] == "news.example"


def test_dns_rebinding_cannot_reach_a_private_address() -> None:
    # The first answer is public, every later one private: the fetch must never look up twice.
    resolver = StubResolver({"rebind.example": [[PUBLIC], ["127.0.0.1"]]})
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.host)
        return httpx.Response(200, html=PAGE)

    fetch("http://rebind.example/", FetchLimits(public_only=True), httpx.MockTransport(handler), resolver)
    assert resolver.calls == ["rebind.example"] and seen == [PUBLIC]


def test_a_host_with_any_private_address_is_refused() -> None:
    resolver = StubResolver({"mixed.example": [[PUBLIC, "10.0.0.1"]]})
    with pytest.raises(UrlNotAllowedError, match=r"10\.0\.0\.1"):
        fetch("http://mixed.example/", FetchLimits(public_only=True),
              httpx.MockTransport(lambda r: httpx.Response(200, html=PAGE)), resolver)  # fmt: skip


def test_each_redirect_is_vetted_before_it_is_followed() -> None:
    resolver = StubResolver({"news.example": [[PUBLIC]], "intranet.example": [["10.1.2.3"]]})
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.headers["host"])
        return httpx.Response(302, headers={"Location": "http://intranet.example/secret"})

    with pytest.raises(UrlNotAllowedError):
        fetch("http://news.example/a", FetchLimits(public_only=True), httpx.MockTransport(handler), resolver)
    assert seen == ["news.example"]  # the private host was never asked


def test_a_redirect_to_another_scheme_is_refused() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(301, headers={"Location": "ftp://example.org/x"})

    with pytest.raises(InvalidUrlError, match="ftp"):
        fetch("http://example.org/", transport=httpx.MockTransport(handler))


def test_without_the_policy_redirects_are_followed() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/a":
            return httpx.Response(302, headers={"Location": "/b"})
        return httpx.Response(200, html=PAGE)

    page = fetch("http://example.org/a", transport=httpx.MockTransport(handler))
    assert page.url == "http://example.org/b" and page.content.endswith(b"</html>")


def test_a_refused_connection_is_a_fetch_error() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("Connection refused", request=request)

    with pytest.raises(FetchError, match="Connection refused"):
        fetch("http://example.org/", transport=httpx.MockTransport(handler))


def test_a_vetted_ipv6_address_is_bracketed_and_the_port_kept() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, html=PAGE)

    resolver = StubResolver({"news.example": [["2606:4700::6810:84e5"]]})
    fetch("https://news.example:8443/a", FetchLimits(public_only=True), httpx.MockTransport(handler), resolver)
    (request,) = seen
    assert str(request.url) == "https://[2606:4700::6810:84e5]:8443/a"
    assert request.headers["host"] == "news.example:8443" and request.extensions["sni_hostname"] == "news.example"
