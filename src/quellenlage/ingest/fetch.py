"""Fetch a web page politely and safely: timeout, size limit, bounded redirects, an honest User-Agent.

Every URL, the first and each redirect target, is checked before anything is sent: only
``http`` and ``https`` (any other scheme is refused by name), a well-formed host name or address,
a port from 1 to 65535.  A malformed URL is an :class:`InvalidUrlError`.

A service that fetches URLs for strangers sets ``FetchLimits(public_only=True)``.  Each hop's
host is then resolved once, every address it resolves to must be public (no loopback, private,
link-local, shared, reserved or multicast range, so no cloud metadata endpoint), including
addresses that embed an IPv4 address (IPv4-mapped and -compatible, NAT64 ``64:ff9b::/96`` and
``64:ff9b:1::/48``, 6to4 ``2002::/16``, Teredo ``2001::/32``), and the request is sent to the
address that was checked, with the original ``Host`` header and TLS server name.  A DNS answer
that changes after the check (rebinding) therefore reaches nothing: there is no second lookup.
The resolver and the HTTP transport are parameters, so tests never touch the network.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import httpx

from .._version import __version__
from ..errors import FetchError, InvalidUrlError, UrlNotAllowedError

USER_AGENT = f"Quellenlage/{__version__} (news provenance analysis; +https://pypi.org/project/quellenlage/)"

#: ``resolver(host, port)`` returns the addresses ``host`` resolves to, as strings.
Resolver = Callable[[str, int], Sequence[str]]

_HOST_LABEL = re.compile(r"^(?!-)[a-z0-9_-]{1,63}(?<!-)$", re.IGNORECASE)
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")


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


def system_resolver(host: str, port: int) -> list[str]:
    """The addresses the system's resolver gives for ``host``."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as exc:
        raise FetchError(f"cannot resolve {host}: {getattr(exc, 'strerror', None) or exc}", host=host) from exc
    return [str(info[4][0]) for info in infos]


def parse_url(url: str) -> httpx.URL:
    """``url`` checked for scheme, host and port.

    Raises:
        InvalidUrlError: not an http(s) URL, or malformed (no host, a bad host name, a bad port).
    """
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in ("http", "https"):
        what = f"{scheme}: URLs are" if scheme and scheme.isascii() and scheme.isalnum() else f"{url[:80]!r} is"
        raise InvalidUrlError(f"{what} not supported, only http and https", url=url)
    authority = url.split("//", 1)[-1].split("/", 1)[0]
    if authority.count("[") != authority.count("]"):
        raise InvalidUrlError(f"malformed URL {url[:200]!r}: an IPv6 address in [ ] is not closed", url=url)
    try:
        parsed = httpx.URL(url)
    except (httpx.InvalidURL, ValueError, UnicodeError) as exc:
        raise InvalidUrlError(f"malformed URL {url[:200]!r}: {exc}", url=url) from None
    host = parsed.host
    if not host:
        raise InvalidUrlError(f"{url[:200]!r} has no host name", url=url)
    if parsed.port is not None and not 1 <= parsed.port <= 65535:
        raise InvalidUrlError(f"port {parsed.port} of {url[:200]!r} is out of range (1 to 65535)", url=url)
    if not _is_address(host):
        labels = host.rstrip(".").split(".")
        if len(host) > 253 or not all(_HOST_LABEL.match(label) for label in labels):
            raise InvalidUrlError(
                f"{host[:100]!r} is not a valid host name (labels of 1 to 63 letters, digits or hyphens)", url=url
            )
    return parsed


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


def blocked_reason(address: str) -> str | None:
    """Why ``address`` may not be fetched from a service (``None``: it is public)."""
    ip = ipaddress.ip_address(address.split("%")[0])
    if isinstance(ip, ipaddress.IPv6Address):
        if ip in _NAT64_LOCAL:
            return "a local-use NAT64 address"
        embedded: list[ipaddress.IPv4Address] = []
        if ip.ipv4_mapped is not None:
            embedded.append(ip.ipv4_mapped)
        if ip.sixtofour is not None:
            embedded.append(ip.sixtofour)
        if ip.teredo is not None:
            embedded.extend(ip.teredo)
        if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):
            embedded.append(ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF))
        for inner in embedded:
            if blocked_reason(str(inner)) is not None:
                return f"it embeds the non-public address {inner}"
        if ip in _IPV4_COMPATIBLE:
            return "an IPv4-compatible or unspecified address"
    if not ip.is_global or ip.is_multicast:
        return "a loopback, private, link-local or reserved address"
    return None


def _vetted_address(url: httpx.URL, resolver: Resolver) -> str:
    """The address to connect to for ``url``; every address its host resolves to must be public."""
    host = url.host
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = [host] if _is_address(host) else list(dict.fromkeys(resolver(host, port)))
    if not addresses:
        raise FetchError(f"{host} resolves to no address", url=str(url))
    for address in addresses:
        reason = blocked_reason(address)
        if reason is not None:
            raise UrlNotAllowedError(f"{host} resolves to {address}, {reason}; such URLs are not fetched",
                                     url=str(url))  # fmt: skip
    return addresses[0]


def _pinned(url: httpx.URL, address: str) -> tuple[httpx.URL, dict[str, str], dict[str, str]]:
    """The request URL with the host replaced by the vetted address, its Host header and TLS name."""
    headers = {"Host": url.netloc.decode("ascii")}
    extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
    return url.copy_with(host=address), headers, extensions


def fetch(url: str, limits: FetchLimits | None = None, transport: httpx.BaseTransport | None = None,
          resolver: Resolver | None = None) -> Fetched:  # fmt: skip
    """GET ``url`` and return its body; ``transport`` and ``resolver`` let tests run without a network.

    Raises:
        InvalidUrlError: the URL, or a redirect's target, is not a well-formed http(s) URL.
        UrlNotAllowedError: with ``public_only``, a host resolves to a non-public address.
        FetchError: network failure, HTTP error status, too many redirects, body too large, or a
            content type that is not HTML or text.
    """
    limits = limits or FetchLimits()
    resolve = resolver or system_resolver
    current = parse_url(url)
    try:
        with httpx.Client(
            follow_redirects=False,
            timeout=limits.timeout_s,
            headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain;q=0.9"},
            transport=transport,
        ) as client:
            for _ in range(limits.max_redirects + 1):
                target, headers, extensions = current, dict[str, str](), dict[str, str]()
                if limits.public_only:
                    target, headers, extensions = _pinned(current, _vetted_address(current, resolve))
                request = client.build_request("GET", target, headers=headers, extensions=extensions)
                response = client.send(request, stream=True)
                try:
                    if response.is_redirect and "location" in response.headers:
                        current = parse_url(str(current.join(response.headers["location"])))
                        continue
                    return _body(str(current), response, limits)
                finally:
                    response.close()
    except httpx.InvalidURL as exc:
        raise InvalidUrlError(f"malformed URL {url[:200]!r}: {exc}", url=url) from None
    except httpx.HTTPError as exc:
        raise FetchError(f"could not fetch {url}: {exc or type(exc).__name__}", url=url) from exc
    raise FetchError(f"{url} redirects more than {limits.max_redirects} times", url=url)


def _body(url: str, response: httpx.Response, limits: FetchLimits) -> Fetched:
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
    return Fetched(url, b"".join(chunks), ctype)
