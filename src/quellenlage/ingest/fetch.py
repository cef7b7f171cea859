"""Fetch a web page politely: timeout, size limit, bounded redirects, an honest User-Agent.

A service that fetches URLs for strangers sets ``FetchLimits(public_only=True)``: every request,
redirects included, must then resolve to public addresses only (no loopback, private, link-local,
shared or reserved ranges, hence no cloud metadata endpoint at 169.254.169.254).  The check runs on
the resolved addresses before each request; a DNS answer that changes between the check and the
connection (rebinding) is not caught, so a service exposed to hostile users should also sit behind
an egress firewall.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass

import httpx

from .._version import __version__
from ..errors import FetchError, UrlNotAllowedError

USER_AGENT = f"Quellenlage/{__version__} (news provenance analysis; +https://pypi.org/project/quellenlage/)"


@dataclass(frozen=True, slots=True)
class FetchLimits:
    timeout_s: float = 15.0
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    public_only: bool = False


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


def _is_public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_public(url: httpx.URL) -> None:
    """Raise :class:`UrlNotAllowedError` unless every address ``url``'s host resolves to is public."""
    host = url.host
    if not host:
        raise UrlNotAllowedError(f"{url} has no host", url=str(url))
    try:
        infos = socket.getaddrinfo(host, url.port or (443 if url.scheme == "https" else 80), type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise FetchError(f"cannot resolve {host}", url=str(url)) from exc
    addresses = {str(info[4][0]) for info in infos}
    blocked = sorted(a for a in addresses if not _is_public(a))
    if blocked or not addresses:
        raise UrlNotAllowedError(
            f"{host} resolves to a non-public address ({', '.join(blocked)}); such URLs are not fetched",
            url=str(url),
        )


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
                event_hooks={"request": [lambda request: check_public(request.url)]} if limits.public_only else None,
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
