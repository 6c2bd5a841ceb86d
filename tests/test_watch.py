"""``parley watch`` and ``parley fetch`` against a local HTTP server (nothing leaves the machine).

The server on 127.0.0.1 acts as the HTTP proxy of every request (``--proxy``), so the fixture site can have a
real-looking host name (trafilatura's link helpers take only host names with a domain). It serves a feed (with
ETag), a sitemap index and its sitemap, robots.txt, article pages with their publication date in the page
metadata, a 404, a page slower than the timeout, a page that changes, one article under two URLs and a PDF.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from parley.cli import main
from parley.watch import doc_id, kind_of, seconds

pytest.importorskip("httpx")
pytest.importorskip("trafilatura")

SITE = "http://news.example.org"
ARTICLE = """<html><head><title>{title}</title>
<meta property="article:published_time" content="{day}T09:30:00Z"></head>
<body><nav>Home | World | Politics</nav><article><h1>{title}</h1>
<p>The electoral commission in Valdoria said on Tuesday that it would recount the ballots from three provinces
after opposition leader Ana Ruiz accused officials of tampering with the results of the vote.</p>
<p>"We will not accept a result that was written before the polls closed," Ruiz told reporters outside the
commission's offices in the capital, where several hundred supporters had gathered since the morning.</p>
<p>{extra} The commission's chairman, Tomas Vidal, said the recount would be finished within two weeks and that
observers from the regional bloc had been invited to watch every stage of it.</p>
</article><footer>Copyright News Example</footer></body></html>"""
PAGES = {
    "/news/a1.html": ("Recount ordered in three provinces", "2024-03-05", "First report."),
    "/news/a2.html": ("Opposition rejects commission timetable", "2024-03-06", "Second report."),
    "/news/s1.html": ("Observers arrive for the recount", "2024-03-07", "Sitemap report."),
    "/news/u1.html": ("Ruiz calls supporters to the capital", "2024-03-08", "Listed report."),
    "/private/p.html": ("Private page", "2024-03-05", "Not for robots."),
}
FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>News Example</title><link>{site}/</link>
{items}</channel></rss>"""
FEED_PATHS = ["/news/a1.html", "/news/a2.html", "/news/missing.html", "/news/slow.html", "/news/changes.html",
              "/news/dup-a.html", "/news/dup-b.html", "/files/report.pdf", "/private/p.html"]
SITEMAP_INDEX = """<?xml version="1.0" encoding="UTF-8"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>{site}/sitemap-news.xml</loc></sitemap></sitemapindex>"""
SITEMAP = """<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>{site}/news/s1.html</loc></url></urlset>"""


class Site:
    def __init__(self):
        self.version = 1  # the feed's and the changing page's version
        self.hits: dict[str, list[int]] = {}  # path -> statuses served

    def respond(self, path: str, headers) -> tuple[int, str, bytes, dict]:
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}
        if path == "/feed.xml":
            etag = f'"feed-v{self.version}"'
            if headers.get("If-None-Match") == etag:
                return 304, "", b"", {"ETag": etag}
            items = "".join(f"<item><title>t</title><link>{SITE}{p}</link></item>" for p in FEED_PATHS)
            return 200, "application/rss+xml", FEED.format(site=SITE, items=items).encode(), {"ETag": etag}
        if path == "/sitemap.xml":
            return 200, "application/xml", SITEMAP_INDEX.format(site=SITE).encode(), {}
        if path == "/sitemap-news.xml":
            return 200, "application/xml", SITEMAP.format(site=SITE).encode(), {}
        if path == "/news/slow.html":
            time.sleep(2.0)
            return 200, "text/html", ARTICLE.format(title="Slow", day="2024-03-05", extra="").encode(), {}
        if path == "/news/changes.html":
            extra = "Updated: the recount has begun." if self.version > 1 else "The recount has not begun."
            return 200, "text/html", ARTICLE.format(title="Recount timetable", day="2024-03-09", extra=extra).encode(), {}
        if path in ("/news/dup-a.html", "/news/dup-b.html"):
            return 200, "text/html", ARTICLE.format(title="One story, two addresses", day="2024-03-10",
                                                    extra="Syndicated.").encode(), {}
        if path == "/files/report.pdf":
            return 200, "application/pdf", b"%PDF-1.4 not an article", {}
        if path in PAGES:
            title, day, extra = PAGES[path]
            return 200, "text/html; charset=utf-8", ARTICLE.format(title=title, day=day, extra=extra).encode(), {}
        return 404, "text/html", b"<html><body>Not found</body></html>", {}


@pytest.fixture
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            parts = urlsplit(self.path)  # a proxy request names the whole URL
            assert parts.netloc in ("", "news.example.org"), parts.netloc
            status, ctype, body, extra = state.respond(parts.path, self.headers)
            state.hits.setdefault(parts.path, []).append(status)
            try:
                self.send_response(status)
                if ctype:
                    self.send_header("Content-Type", ctype)
                for k, v in extra.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):  # the client timed out (the slow page)
                pass

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.proxy = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def _opts(site) -> list[str]:
    return ["--proxy", site.proxy, "--delay", "0", "--timeout", "0.5", "--retries", "1", "--workers", "1"]


def _docs(db) -> dict[str, tuple]:
    con = sqlite3.connect(db)
    return {r[0]: r[1:] for r in con.execute("SELECT id, url, published, content_hash FROM documents")}


def _last_run(db) -> tuple:
    con = sqlite3.connect(db)
    return con.execute("SELECT added, replaced, failed, errors FROM runs ORDER BY id DESC LIMIT 1").fetchone()


def test_watch_adds_only_new_articles_and_follows_a_changed_page(site, tmp_path, capsys):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{SITE}/news/u1.html\n{SITE}/files/report.pdf\n")  # (a feed's links to .pdf are dropped)
    db = tmp_path / "w.db"
    sources = [f"{SITE}/feed.xml", f"{SITE}/sitemap.xml", str(urls)]
    assert main(["watch", *sources, "--db", str(db), "--once", *_opts(site)]) == 0
    docs = _docs(db)
    host = "news.example.org/news/"
    assert sorted(docs) == sorted(host + n + ".html" for n in ("a1", "a2", "s1", "u1", "changes", "dup-a"))
    assert docs[host + "a1.html"][:2] == (f"{SITE}/news/a1.html", "2024-03-05")  # the page's metadata date
    added, replaced, failed, errors = _last_run(db)
    assert (added, replaced) == (6, 0)
    reasons = {e["id"].rsplit("/", 1)[-1]: e["error"] for e in json.loads(errors)}
    assert set(reasons) == {"missing.html", "slow.html", "report.pdf", "p.html"}
    assert reasons["missing.html"] == "HTTP 404" and reasons["p.html"] == "disallowed by robots.txt"
    assert "Content-Type application/pdf" in reasons["report.pdf"] and "Timeout" in reasons["slow.html"]
    assert "/private/p.html" not in site.hits  # robots.txt was read first and respected
    assert failed == 4

    assert main(["watch", *sources, "--db", str(db), "--once", *_opts(site)]) == 0  # nothing new
    assert site.hits["/feed.xml"] == [200, 304]
    assert _last_run(db)[:2] == (0, 0) and _docs(db) == docs
    assert len(site.hits["/news/a1.html"]) == 1  # an unchanged feed: its articles are not asked for again

    site.version = 2  # the feed and one of its pages change
    assert main(["watch", *sources, "--db", str(db), "--once", *_opts(site)]) == 0
    assert _last_run(db)[:2] == (0, 1)
    after = _docs(db)
    assert set(after) == set(docs) and after[host + "changes.html"][2] != docs[host + "changes.html"][2]
    con = sqlite3.connect(db)
    text = con.execute("SELECT text FROM documents WHERE id=?", (host + "changes.html",)).fetchone()[0]
    assert "the recount has begun" in text
    polls = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [p["added"] for p in polls] == [6, 0, 0]


def test_fetch_prints_records_and_stores_with_db(site, tmp_path, capsys):
    assert main(["fetch", f"{SITE}/news/a2.html", f"{SITE}/news/missing.html", *_opts(site)]) == 0
    out, err = capsys.readouterr()
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["news.example.org/news/a2.html"]
    assert records[0]["published"] == "2024-03-06" and "commission timetable" in records[0]["title"]
    assert json.loads(err.splitlines()[0])["error"] == "HTTP 404"
    db = tmp_path / "f.db"
    assert main(["fetch", f"{SITE}/news/a2.html", "--db", str(db), *_opts(site)]) == 0
    assert list(_docs(db)) == ["news.example.org/news/a2.html"]


def test_source_kinds_ids_and_durations():
    assert kind_of(b'<?xml version="1.0"?><rss version="2.0">') == "feed"
    assert kind_of(b'<feed xmlns="http://www.w3.org/2005/Atom">') == "feed"
    assert kind_of(b'<?xml version="1.0"?><urlset xmlns="x">') == "sitemap"
    assert kind_of(b"https://a.example.org/1\nhttps://a.example.org/2\n") == "urls"
    assert kind_of(b"<html><body>hi</body></html>") == "page"
    assert doc_id("https://News.Example.org/a/b/?p=1#top") == "news.example.org/a/b?p=1"
    assert seconds("15m") == 900 and seconds("1h") == 3600 and seconds("90") == 90
    with pytest.raises(ValueError):
        seconds("soon")
