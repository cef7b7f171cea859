"""Fetch a web page politely: timeout, size limit, bounded redirects, an honest User-Agent."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from .._version import __version__
from ..errors import FetchError

USER_AGENT = f"Quellenlage/{__version__} (news provenance analysis; +https://pypi.org/project/quellenlage/)"


@dataclass(frozen=True, slots=True)
class FetchLimits:
    timeout_s: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


def fetch(url: str, limits: FetchLimits | None = None, transport: httpx.BaseTransport | None = None) -> Fetched:
    """GET ``url`` and return its body; ``transport`` lets tests answer without a network.

    Raises:
        FetchError: bad scheme, network failure, HTTP error status, body too large, or a
            content type that is not HTML or text.
    """
    limits = limits or FetchLimits()
    if not url.lower().startswith(("http://", "https://")):
        raise FetchError(f"not an http(s) URL: {url}", url=url)
    try:
        with (
            httpx.Client(
                follow_redirects=True,
                max_redirects=limits.max_redirects,
                timeout=limits.timeout_s,
                headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9"},
                transport=transport,
            ) as client,
            client.stream("GET", url) as response,
        ):
            if response.status_code >= 400:
                raise FetchError(f"{url} answered HTTP {response.status_code}", url=url)
            ctype = response.headers.get("content-type", "").split(";")[0].strip().lower()
            if ctype and not (ctype.startswith("text/") or "html" in ctype or "xml" in ctype):
                raise FetchError(f"{url} is {ctype}, not a web page", url=url)
            chunks: list[bytes] = []
            size = 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > limits.max_bytes:
                    raise FetchError(f"{url} is larger than {limits.max_bytes} bytes", url=url)
                chunks.append(chunk)
            return Fetched(str(response.url), b"".join(chunks), ctype)
    except httpx.TooManyRedirects as exc:
        raise FetchError(f"{url} redirects more than {limits.max_redirects} times", url=url) from exc
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch {url}: {exc}", url=url) from exc
