"""A polite HTTP client for ``parley watch`` and ``parley fetch``: timeouts, retries with back-off, a delay per
host, robots.txt, conditional requests and a size cap.

Why its own client (httpx) rather than trafilatura's downloader: conditional requests (ETag / Last-Modified)
need the response headers, and politeness (one request at a time per host, robots.txt with its crawl delay)
is the watcher's job, not the extractor's. Retried: connection errors, timeouts, 429 and 5xx (back-off doubles
from ``backoff`` seconds, a ``Retry-After`` of at most a minute is honoured); never retried: other 4xx. A
robots.txt that cannot be fetched for a server error counts as "disallow everything" for this poll (RFC 9309
§2.3.1.4), a missing one (4xx) as "allow everything". Nothing here parses pages: that is ``clean``'s job.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit
from urllib.robotparser import RobotFileParser

from parley import __version__
from parley.ingest import MAX_BYTES

USER_AGENT = f"parley/{__version__} (news analysis; +https://github.com/parley)"
RETRY_STATUS = {429, 500, 502, 503, 504}


@dataclass
class Response:
    url: str  # as asked
    final_url: str  # after redirects
    status: int  # 0 when no response came (network error, timeout, refused by robots.txt)
    content: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None
    error: str = ""  # why there is no usable content (empty when status is 200 or 304)

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    @property
    def ok(self) -> bool:
        return self.status == 200 and not self.error


class Fetcher:
    """One HTTP client for a run. ``delay``: seconds between two requests to the same host (robots.txt's
    Crawl-delay when longer); ``proxy``: an HTTP proxy for every request (the tests' local server)."""

    def __init__(self, timeout: float = 20.0, retries: int = 2, backoff: float = 1.0, delay: float = 1.0,
                 robots: bool = True, proxy: str | None = None, max_bytes: int = MAX_BYTES):
        import httpx

        self.client = httpx.Client(timeout=timeout, follow_redirects=True, proxy=proxy, trust_env=proxy is None,
                                   headers={"User-Agent": USER_AGENT})
        self.retries, self.backoff, self.delay, self.robots = retries, backoff, delay, robots
        self.max_bytes = max_bytes
        self._last: dict[str, float] = {}  # host -> monotonic time of its last request
        self._crawl_delay: dict[str, float] = {}  # host -> robots.txt Crawl-delay
        self._robots: dict[str, RobotFileParser | None] = {}  # None: everything disallowed this run

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally when validators are given); never raises for network or HTTP errors."""
        if self.robots and not self.allowed(url):
            return Response(url, url, 0, error="disallowed by robots.txt")
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._get(url, headers, self.retries)

    def allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        host = f"{parts.scheme}://{parts.netloc}"
        if host not in self._robots:
            self._robots[host] = self._read_robots(host)
        rules = self._robots[host]
        return rules is not None and rules.can_fetch(USER_AGENT, url)

    def _read_robots(self, host: str) -> RobotFileParser | None:
        rules = RobotFileParser(host + "/robots.txt")
        got = self._get(host + "/robots.txt", {}, self.retries)
        if got.status == 200:
            rules.parse(got.content.decode("utf-8", "replace").splitlines())
        elif got.status in (401, 403):
            rules.disallow_all = True
        elif 400 <= got.status < 500:
            rules.allow_all = True
        else:  # server error or no answer: assume everything is disallowed, for this run
            return None
        crawl = rules.crawl_delay(USER_AGENT)
        if crawl:
            self._crawl_delay[host] = float(crawl)
        return rules

    def _wait_for(self, host: str) -> None:
        delay = max(self.delay, self._crawl_delay.get(host, 0.0))
        last = self._last.get(host)
        if last is not None:
            pause = last + delay - time.monotonic()
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _get(self, url: str, headers: dict, retries: int) -> Response:
        import httpx

        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return Response(url, url, 0, error=f"not an http(s) URL: {url[:80]}")
        host = f"{parts.scheme}://{parts.netloc}"
        for attempt in range(retries + 1):
            self._wait_for(host)
            wait = self.backoff * 2 ** attempt
            try:
                with self.client.stream("GET", url, headers=headers) as resp:
                    if resp.status_code in RETRY_STATUS and attempt < retries:
                        wait = max(wait, _retry_after(resp.headers.get("Retry-After")))
                        time.sleep(wait)
                        continue
                    content, error = self._read(resp)
                    return Response(url, str(resp.url), resp.status_code, content,
                                    resp.headers.get("Content-Type", ""), resp.headers.get("ETag"),
                                    resp.headers.get("Last-Modified"),
                                    error or ("" if resp.status_code in (200, 304) else f"HTTP {resp.status_code}"))
            except httpx.HTTPError as err:
                if attempt < retries:
                    time.sleep(wait)
                    continue
                return Response(url, url, 0, error=f"{type(err).__name__}: {err}"[:300])
        raise AssertionError("unreachable")  # the last attempt always returns

    def _read(self, resp) -> tuple[bytes, str]:
        chunks, size = [], 0
        for chunk in resp.iter_bytes():
            size += len(chunk)
            if size > self.max_bytes:
                return b"", f"larger than {self.max_bytes} bytes"
            chunks.append(chunk)
        return b"".join(chunks), ""


def _retry_after(value: str | None) -> float:
    """Seconds a Retry-After header asks for (seconds or an HTTP date), at most 60."""
    if not value:
        return 0.0
    try:
        seconds = float(value)
    except ValueError:
        try:
            seconds = parsedate_to_datetime(value).timestamp() - time.time()
        except (TypeError, ValueError):
            return 0.0
    return min(max(seconds, 0.0), 60.0)
