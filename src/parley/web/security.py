"""What guards the dashboard from the network: security headers on every response and a trusted-host check.

Why a Host check on a read-only local app: a page on any web site can make the browser of someone running
``parley serve`` send requests to 127.0.0.1 under a name the attacker controls (DNS rebinding) and read the
answers. Refusing every Host header that is not a name of this server closes that. By default only loopback
names are trusted; binding another address (``parley serve --host``) trusts that address too (and, for the
wildcard addresses, the machine's own names), and prints a warning, since the store then becomes readable
from the network.

Why the headers are set in two places: Starlette answers an unhandled exception from its outermost layer,
outside every user middleware, so the 500 handler adds them itself (``secured``).
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Iterable

from starlette.responses import PlainTextResponse, Response
from starlette.types import ASGIApp, Receive, Scope, Send

CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
HEADERS = {"Content-Security-Policy": CSP, "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}
LOOPBACK = frozenset({"localhost", "127.0.0.1", "::1"})
WILDCARD = frozenset({"0.0.0.0", "::", ""})


def secured(response: Response) -> Response:
    """``response`` with the security headers (kept where the route set its own)."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def is_loopback(host: str) -> bool:
    if host.lower() in LOOPBACK or host.lower().endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def trusted_hosts(bind: str) -> set[str]:
    """The Host names a server bound to ``bind`` answers: loopback names, plus the bound address itself, plus the
    machine's own names and addresses when bound to a wildcard (0.0.0.0, ::)."""
    hosts = set(LOOPBACK)
    bind = bind.strip().strip("[]").lower()
    if bind in WILDCARD:
        names = {socket.gethostname(), socket.getfqdn()}
        hosts |= {n.lower() for n in names if n}
        for name in names:
            try:
                hosts |= {info[4][0].lower() for info in socket.getaddrinfo(name, None)}
            except OSError:
                pass
    elif bind:
        hosts.add(bind)
    return hosts


def host_name(header: str) -> str:
    """The host part of a Host header, without port; IPv6 literals without their brackets."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else ""
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class TrustedHosts:
    """ASGI middleware: a request whose Host header is not trusted gets 400 and never reaches a route."""

    def __init__(self, app: ASGIApp, hosts: Iterable[str]):
        self.app = app
        self.hosts = {h.lower().strip("[]") for h in hosts}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] in ("http", "websocket"):
            header = next((v.decode("latin-1") for k, v in scope.get("headers", []) if k == b"host"), "")
            name = host_name(header)
            if name not in self.hosts and not (name.endswith(".localhost") and "localhost" in self.hosts):
                response = secured(PlainTextResponse("Invalid host header", status_code=400))
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)
