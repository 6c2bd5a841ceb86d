"""Continuous ingestion: poll feeds, sitemaps and URL lists, analyse the articles not seen before, keep the
store's corpus tables up to date (``parley watch``); one-off pages (``parley fetch``).

Why state in the store: a re-poll must add only what is new. ``watch_sources`` keeps each source's validators
(ETag / Last-Modified) so an unchanged feed costs one 304; ``watch_urls`` keeps every article URL seen, with
its status and content hash, so a URL is fetched again only when its source changed and it failed before or
is new, and a page whose bytes did not change is never analysed twice. The same article under two URLs has
one content hash, so the store keeps it once (the first URL's id). Links come from trafilatura's feed and
sitemap helpers (which, through courlan, take only host names with a domain, not bare IP addresses or
``localhost``); a source may also be a local file (a saved feed, sitemap or URL list). The publication date
comes from the page's own metadata in the clean stage (htmldate), as for any HTML input.
"""

from __future__ import annotations

import hashlib
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from urllib.parse import urlsplit

from parley.batch import analyze_all, error_record, store_results
from parley.context import Context
from parley.fetch import Fetcher, Response
from parley.ingest import IngestError, RawDocument, make_raw

SCHEMA = """
CREATE TABLE IF NOT EXISTS watch_sources (
    url TEXT PRIMARY KEY, kind TEXT, etag TEXT, last_modified TEXT, status INTEGER, last_polled TEXT
);
CREATE TABLE IF NOT EXISTS watch_urls (
    url TEXT PRIMARY KEY, source TEXT, doc_id TEXT, content_hash TEXT, etag TEXT, last_modified TEXT,
    status INTEGER, error TEXT, attempts INTEGER DEFAULT 0, first_seen TEXT, last_fetched TEXT
);
"""
MAX_ATTEMPTS = 3  # a URL that failed this many times is not asked for again
MAX_SITEMAPS = 50  # nested sitemaps read per source and poll
HTML_TYPES = ("text/html", "application/xhtml+xml")
_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhd]?)\s*$")


def seconds(text: str) -> float:
    """``15m``, ``1h``, ``30s``, ``2d`` or a bare number of seconds."""
    m = _DURATION.match(text or "")
    if not m:
        raise ValueError(f"not a duration (e.g. 15m, 1h, 90s): {text!r}")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]


def doc_id(url: str) -> str:
    """A page's document id: host and path (and query), no scheme or fragment: stable across polls."""
    parts = urlsplit(url)
    path = parts.path.rstrip("/") or ""
    return parts.netloc.lower() + path + (f"?{parts.query}" if parts.query else "")


def kind_of(content: bytes, content_type: str = "") -> str:
    """``feed`` (RSS/Atom/RDF), ``sitemap`` (urlset/sitemapindex), ``urls`` (one URL a line) or ``page``."""
    head = content[:2000].lstrip().lower()
    if b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head:
        return "feed"
    if b"<urlset" in head or b"<sitemapindex" in head:
        return "sitemap"
    if b"<" not in head and re.match(rb"\s*https?://\S+\s*(\n|$)", head):
        return "urls"
    return "page"


def links(kind: str, content: bytes, url: str) -> tuple[list[str], list[str]]:
    """(article URLs, nested sitemap URLs) listed by a feed, sitemap or URL list at ``url``."""
    text = content.decode("utf-8", "replace")
    if kind == "urls":
        return [line.strip() for line in text.splitlines() if re.match(r"https?://\S+$", line.strip())], []
    parts = urlsplit(url)
    base = f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") else ""
    domain = parts.hostname or ""
    if kind == "feed":
        from trafilatura.feeds import FeedParameters, extract_links

        return extract_links(text, FeedParameters(base, domain, url, external=True)), []
    from trafilatura.sitemaps import SitemapObject

    sitemap = SitemapObject(base, domain, [], external=True)
    sitemap.current_url, sitemap.content = url, text
    sitemap.process()
    return list(dict.fromkeys(sitemap.urls)), list(dict.fromkeys(sitemap.sitemap_urls))


def raw_document(resp: Response, source: str = "") -> RawDocument:
    """The RawDocument of a fetched page; a non-HTML, empty or failed response is an IngestError."""
    did = doc_id(resp.url)
    if not resp.ok:
        raise IngestError(did, resp.error or f"HTTP {resp.status}", resp.url)
    ctype = resp.content_type.split(";")[0].strip().lower()
    if ctype not in HTML_TYPES and not (ctype in ("", "text/plain") and kind_of(resp.content) == "page"):
        raise IngestError(did, f"not an article page (Content-Type {ctype or 'missing'})", resp.url)
    raw = make_raw(did, resp.final_url, resp.content, "html" if ctype != "text/plain" else "text")
    raw.url = resp.final_url
    if source:
        raw.meta["watch_source"] = source
    return raw


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())


class Watcher:
    """Polls sources into one store. ``fetcher`` makes every request (tests give it their local proxy)."""

    def __init__(self, store, ctx: Context, fetcher: Fetcher):
        self.store, self.ctx, self.fetcher = store, ctx, fetcher
        store.db.executescript(SCHEMA)

    # --- sources -------------------------------------------------------------------------------------

    def _read_source(self, source: str) -> tuple[str, bytes] | None:
        """(kind, content) of a source that changed since the last poll; None when unchanged or failed."""
        path = Path(source)
        if "://" not in source and path.is_file():
            content = path.read_bytes()
            return kind_of(content), content
        row = self.store.db.execute("SELECT etag, last_modified FROM watch_sources WHERE url=?", (source,)).fetchone()
        old = (row["etag"], row["last_modified"]) if row else (None, None)
        resp = self.fetcher.get(source, *old)
        validators = (resp.etag, resp.last_modified) if resp.ok else old
        with self.store.transaction() as db:
            db.execute("INSERT OR REPLACE INTO watch_sources VALUES (?,?,?,?,?,?)",
                       (source, kind_of(resp.content) if resp.ok else None, *validators, resp.status, _now()))
        if resp.not_modified:
            return None
        if not resp.ok:
            error_record(source, f"source not read: {resp.error}", source)
            return None
        return kind_of(resp.content), resp.content

    def listed(self, source: str) -> list[str]:
        """The article URLs a changed source lists (a page source is its own article), nested sitemaps read."""
        got = self._read_source(source)
        if got is None:
            return []
        kind, content = got
        if kind == "page":
            return [source]
        urls, nested = links(kind, content, source)
        seen = {source}
        while nested and len(seen) <= MAX_SITEMAPS:
            sub = nested.pop(0)
            if sub in seen:
                continue
            seen.add(sub)
            resp = self.fetcher.get(sub)
            if resp.ok:
                more, deeper = links(kind_of(resp.content), resp.content, sub)
                urls += more
                nested += deeper
        return list(dict.fromkeys(urls))

    # --- articles ------------------------------------------------------------------------------------

    def pages(self, urls: Iterable[str], source: str = "") -> Iterator[RawDocument | IngestError]:
        """Fetch each listed URL: a new one, one that failed fewer than ``MAX_ATTEMPTS`` times, and a stored one
        conditionally (its validators); record what came back; yield the RawDocument of a new or changed page,
        or the error of a failed one. An unchanged page (304, or the same bytes) yields nothing."""
        for url in urls:
            row = self.store.db.execute("SELECT * FROM watch_urls WHERE url=?", (url,)).fetchone()
            if row is not None and row["status"] != 200 and row["attempts"] >= MAX_ATTEMPTS:
                continue
            stored = row is not None and row["status"] == 200
            resp = self.fetcher.get(url, *((row["etag"], row["last_modified"]) if stored else (None, None)))
            digest = hashlib.sha256(resp.content).hexdigest() if resp.ok else None
            if stored and (resp.not_modified or digest == row["content_hash"]):
                continue
            if stored and not resp.ok:  # a stored page that fails now keeps its record; asked again next time
                continue
            try:
                item: RawDocument | IngestError = raw_document(resp, source)
            except IngestError as err:
                item = err
            ok = isinstance(item, RawDocument)
            with self.store.transaction() as db:
                db.execute(
                    "INSERT INTO watch_urls (url, source, doc_id, content_hash, etag, last_modified, status, error,"
                    " attempts, first_seen, last_fetched) VALUES (?,?,?,?,?,?,?,?,1,?,?) ON CONFLICT(url) DO UPDATE"
                    " SET content_hash=excluded.content_hash, etag=excluded.etag,"
                    " last_modified=excluded.last_modified, status=excluded.status, error=excluded.error,"
                    " attempts=attempts+1, last_fetched=excluded.last_fetched",
                    (url, source, doc_id(url), digest, resp.etag, resp.last_modified, 200 if ok else resp.status,
                     "" if ok else item.reason, _now(), _now()))
            yield item

    def poll(self, sources: list[str], command: str = "watch") -> dict:
        """One poll of every source: new and changed articles analysed and stored, then the corpus tables."""
        return self._ingest(((source, self.listed(source)) for source in sources), command)

    def fetch(self, urls: list[str], command: str = "fetch") -> dict:
        """``parley fetch --db``: the pages at ``urls`` (never read as feeds), analysed and stored."""
        return self._ingest([("", urls)], command)

    def _ingest(self, batches: Iterable[tuple[str, list[str]]], command: str) -> dict:
        from parley.corpus.rebuild import rebuild

        counts = {"inputs": 0, "added": 0, "replaced": 0, "unchanged": 0, "failed": 0}
        errors: list[dict] = []
        changed: set[str] = set()
        run_id = self.store.start_run(command)
        try:
            for source, urls in batches:
                results = analyze_all(self.pages(urls, source), self.ctx,
                                      skip=lambda r: self.store.has_hash(r.content_hash))
                store_results(self.store, results, counts, errors, changed)
            counts["corpus"] = rebuild(self.store, self.ctx, changed_doc_ids=changed) if changed else {}
        finally:
            self.store.finish_run(run_id, counts, errors)
        return counts

    def watch(self, sources: list[str], every: float, once: bool = False, polls: int | None = None,
              report=None) -> None:
        """Poll every ``every`` seconds (``once``: one poll) until interrupted or ``polls`` polls are done."""
        done = 0
        while True:
            started = time.monotonic()
            counts = self.poll(sources, "watch " + " ".join(sources))
            done += 1
            if report is not None:
                report(counts)
            if once or (polls is not None and done >= polls):
                return
            time.sleep(max(0.0, every - (time.monotonic() - started)))


def fetch_pages(urls: list[str], fetcher: Fetcher) -> Iterator[RawDocument | IngestError]:
    """``parley fetch``: each URL's page as a RawDocument (or its error); no state kept."""
    for url in urls:
        try:
            yield raw_document(fetcher.get(url))
        except IngestError as err:
            yield err
