"""The dashboard and JSON API over hand-built stores (FastAPI TestClient) and over the bundled sample."""

from __future__ import annotations

import json
import re
import sqlite3
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parley.store import Store
from parley.web import data
from parley.web.app import article_html, create_app
from parley.web.highlight import Span, render
from web_fixtures import ATTR, XSS, build_sample_store, build_store, documents

PAGES = ["/", "/documents", "/actors", "/events", "/quotes", "/api"]


def _client(db: str, **kwargs) -> TestClient:
    """A client that calls the app by a loopback name, as a browser on this machine would (the app refuses
    other Host headers)."""
    return TestClient(create_app(db), base_url="http://127.0.0.1", **kwargs)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "parley.db")


@pytest.fixture(scope="module")
def client(store_path) -> TestClient:
    return _client(str(store_path))


@pytest.fixture(scope="module")
def docs():
    return {d.id: d for d in documents()}


class Elements(HTMLParser):
    """Minimal DOM: text content of elements by id and class, and a tag-balance check."""

    VOID = {"meta", "link", "input", "br", "img", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict]] = []
        self.text_by_id: dict[str, str] = {}
        self.by_class: dict[str, list[str]] = {}
        self.open: list[list] = []
        self.errors: list[str] = []
        self.hrefs: list[str] = []
        self.attrs_seen: list[dict] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self.attrs_seen.append(a)
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"] or "")
        if tag in self.VOID:
            return
        self.stack.append((tag, a))
        self.open.append([tag, a, []])

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"unbalanced </{tag}>")
            return
        self.stack.pop()
        _, a, parts = self.open.pop()
        text = "".join(parts)
        if a.get("id"):
            self.text_by_id[a["id"]] = text
        for c in (a.get("class") or "").split():
            self.by_class.setdefault(c, []).append(text)
        if self.open:
            self.open[-1][2].append(text)

    def handle_data(self, d):
        if self.open:
            self.open[-1][2].append(d)


def parse(html: str) -> Elements:
    p = Elements()
    p.feed(html)
    p.close()
    return p


# --- the highlighter -------------------------------------------------------------------------------------------


def test_highlight_nests_crossing_spans_and_keeps_text():
    text = 'He said "a <b> & c" then left.'
    spans = [Span(0, 19, "event", attrs={"id": "span-0-19"}), Span(9, 18, "quote", attrs={"id": "span-9-18"}),
             Span(15, 24, "time", attrs={"id": "span-15-24"}), Span(0, 2, "mention", "a", attrs={"href": "/actor/he"}),
             Span(1, 2, "mention", "a", attrs={"href": "/actor/x"})]
    html = render(text, spans)
    dom = parse(f"<div id='all'>{html}</div>")
    assert dom.errors == []
    assert dom.text_by_id["all"] == text  # every character once, in order
    assert dom.text_by_id["span-9-18"] == text[9:18]
    assert dom.text_by_id["span-15-24"] == text[15:18]  # the crossing span is split; the id is on the first piece
    assert html.count('id="span-15-24"') == 1 and 'data-cont="1"' in html
    assert "<b>" not in html and "&lt;b&gt;" in html
    assert html.count("<a ") == 1  # no link inside a link


def test_highlight_drops_invalid_spans():
    assert render("abc", [Span(2, 1, "quote"), Span(0, 9, "time"), Span(-1, 2, "event")]) == "abc"


def test_article_text_is_verbatim_and_every_span_slices(docs):
    for doc in docs.values():
        record = json.loads(doc.to_json())
        dom = parse(f"<div id='t'>{article_html(record, (0, 5))}</div>")
        assert dom.errors == []
        assert dom.text_by_id["t"] == doc.text
        assert dom.text_by_id["span-0-5"] == doc.text[0:5]
        for q in doc.quotes:
            assert doc.text[q.start:q.end] in dom.by_class["hl-quote"]


# --- pages --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*PAGES, "/doc/talks", "/actor/ilena-varosh", "/events?quad=4", "/quotes?words=joint"])
def test_pages_render(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:500]
    assert r.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in r.headers["content-security-policy"]
    assert parse(r.text).errors == []
    for tag in re.findall(r"<(?:script|link|img)\b[^>]*>", r.text):  # offline: every asset is local
        assert not re.search(r"(?:src|href)=\"(?:https?:)?//", tag), tag


def test_overview_timeline_actors_and_chart(client, docs):
    html = client.get("/").text
    dom = parse(html)
    assert dom.text_by_id["n-documents"] == "3"
    assert "2022-03-08" in html and "2022-05-02" in html  # date range
    entries = dom.by_class["timeline-entry"]
    assert len(entries) == 3
    talks = docs["talks"]
    s, e = talks.sentences[0]
    assert talks.text[s:e] in dom.by_class["timeline-sentence"][0]
    assert f'/doc/talks?hl={s}-{e}#span-{s}-{e}' in html
    assert "Ilena Varosh" in dom.text_by_id["top-actors"]
    figure = json.loads(dom.text_by_id["trend-data"])
    assert dom.text_by_id["chart-title"] == "government \u2194 opposition"  # in the page, not under the toolbar
    assert figure["layout"]["xaxis"]["type"] == "date"  # months on a real time axis
    bars = {t["name"]: t["y"] for t in figure["data"] if t["type"] == "bar"}
    assert bars["Verbal cooperation"] == [2, 0] and bars["Material conflict"] == [0, -1]
    assert '<script src="/vendor/plotly.min.js" defer></script>' in html


def test_overview_other_dyad(client):
    html = client.get("/", params={"a": "ilena-varosh", "b": "matthias-dravik"}).text
    dom = parse(html)
    assert dom.text_by_id["chart-title"] == "Ilena Varosh \u2194 Matthias Dravik"
    figure = json.loads(dom.text_by_id["trend-data"])
    assert figure["data"][0]["x"] == ["2022-03"]
    assert "Counted 1 happenings (day 1)" in " ".join(dom.text_by_id["trend-tally"].split())


def test_article_highlights_and_evidence_target(client, docs):
    doc = docs["talks"]
    ev = doc.events[1]
    html = client.get(f"/doc/talks?hl={ev.start}-{ev.end}").text
    dom = parse(html)
    assert dom.errors == []
    assert dom.text_by_id["article-text"] == doc.text
    assert dom.text_by_id[f"span-{ev.start}-{ev.end}"] == doc.text[ev.start:ev.end]
    assert doc.text[ev.start:ev.end] in dom.by_class["hl-target"]
    q = doc.quotes[0]
    assert q.text in dom.by_class["hl-quote"]
    assert "Matthias Dravik" in dom.by_class["hl-mention"] and "on Monday" in dom.by_class["hl-time"]
    assert 'href="/actor/matthias-dravik"' in html
    assert "Removed page chrome" in html and "Advertisement" in html  # boilerplate on demand
    # an out-of-range or malformed target is ignored, not an error
    assert client.get("/doc/talks?hl=5-99999").status_code == 200
    assert client.get("/doc/talks?hl=abc").status_code == 200


def test_actor_page(client):
    r = client.get("/api/actors/ilena-varosh")
    actor = r.json()
    assert actor["name"] == "Ilena Varosh"
    assert "Varosh" in actor["aliases"]
    # roles over time: one row per (role, code, affiliation) with the publication dates that report it
    assert [(x["role"], x["affiliation"], x["first_seen"]) for x in actor["roles"]] == [
        ("opposition leader", "Alliance for Renewal and Justice", "2022-03-08"),
        ("opposition leader", None, "2022-04-16")]
    assert {e["event"] for e in actor["events_as_recipient"]} == {"CONSULT", "ASSAULT"}
    assert actor["events_as_actor"] == []
    lind = client.get("/api/actors/tomas-lind").json()
    assert [q["text"] for q in lind["quotes_by"]] == ["This is an attack on every voter,"]
    dravik = client.get("/api/actors/matthias-dravik").json()
    assert len(dravik["quotes_by"]) == 1 and {e["event"] for e in dravik["events_as_actor"]} == {"CONSULT", "AGREE"}
    html = client.get("/actor/ilena-varosh").text
    assert "opposition leader" in parse(html).text_by_id["roles"]
    cut = client.get("/api/actors/ilena-varosh", params={"limit": 1}).json()
    assert len(cut["documents"]) == 1 and "documents" in cut["more"] and "events_as_recipient" in cut["more"]
    assert client.get("/actor/nobody").status_code == 404


def test_quotes_about_actor(client):
    # Lind's quote does not name Varosh; the sentence around it does - so no quote is "about" her here
    assert client.get("/api/actors/ilena-varosh").json()["quotes_about"] == []
    evil = client.get("/api/actors/img-group").json()
    assert evil["quotes_about"] == []


def test_events_filters(client):
    def ids(**params):
        return sorted(e["event"] for e in client.get("/api/events", params=params).json()["items"])

    assert ids() == ["AGREE", "ASSAULT", "CONSULT", "REJECT"]
    assert ids(date_from="2022-04-01") == ["ASSAULT", "REJECT"]
    assert ids(date_from="2022-03-01", date_to="2022-04-15") == ["AGREE", "ASSAULT", "CONSULT"]
    assert ids(actor="varosh") == ["ASSAULT", "CONSULT"]
    assert ids(event="CONSULT") == ["CONSULT"]
    assert ids(quad=4) == ["ASSAULT"]
    assert ids(actor="100%_") == []  # LIKE wildcards are literal
    html = client.get("/events", params={"event": "ASSAULT"}).text
    assert "1 event" in html and "Police" in html


def test_every_event_link_points_at_its_evidence(client):
    for e in client.get("/api/events").json()["items"]:
        m = re.fullmatch(r"/doc/([^?]+)\?hl=(\d+)-(\d+)&ev=[^#&]+#span-(\d+)-(\d+)", e["link"])
        assert m and m.group(2) == m.group(4)
        page = parse(client.get(e["link"].split("#")[0]).text)
        assert page.text_by_id[f"span-{e['start']}-{e['end']}"] == e["text"]


def test_quotes_search(client):
    def texts(**params):
        return [q["text"] for q in client.get("/api/quotes", params=params).json()["items"]]

    assert texts(speaker="lind") == ["This is an attack on every voter,"]
    assert texts(words="joint agreed") == ["We agreed to form a joint commission,"]
    assert texts(words="joint voter") == []
    html = client.get("/quotes", params={"speaker": "Dravik"}).text
    assert "We agreed to form a joint commission," in html and 'href="/actor/matthias-dravik"' in html


# --- API -----------------------------------------------------------------------------------------------------------


def test_api_pagination_and_records(client, docs):
    page = client.get("/api/documents", params={"limit": 1, "offset": 1}).json()
    assert page["total"] == 3 and page["limit"] == 1 and page["offset"] == 1 and len(page["items"]) == 1
    all_ids = [d["id"] for d in client.get("/api/documents").json()["items"]]
    assert page["items"][0]["id"] == all_ids[1]
    record = client.get("/api/documents/talks").json()
    assert record["text"] == docs["talks"].text and record["events"][0]["event"] == "CONSULT"
    assert client.get("/api/documents/missing").status_code == 404
    assert client.get("/api/documents", params={"limit": 0}).status_code == 422
    assert client.get("/api/events", params={"limit": 2}).json()["total"] == 4
    timeline = client.get("/api/timeline").json()
    assert timeline["total"] == 3 and timeline["items"][0]["sentences"][0]["doc_id"] == "talks"
    assert client.get("/api/timeline", params={"limit": 1, "offset": 2}).json()["items"][0]["date"] == "2022-05-02"
    actors = client.get("/api/actors", params={"q": "varo"}).json()
    assert [a["id"] for a in actors["items"]] == ["ilena-varosh"]
    summary = client.get("/api/summary").json()
    assert summary["documents"] == 3 and summary["events"] == 4 and summary["quotes"] == 3


def test_api_trend(client):
    main = client.get("/api/trend").json()
    assert (main["a"], main["b"]) == ("group:government", "group:opposition")
    assert [m["month"] for m in main["months"]] == ["2022-03", "2022-04"]
    swapped = client.get("/api/trend", params={"a": "matthias-dravik", "b": "ilena-varosh"}).json()
    assert swapped["months"][0]["a_to_b"] == 1 and swapped["months"][0]["b_to_a"] == 0
    assert client.get("/api/trend", params={"a": "x"}).status_code == 400
    assert len(client.get("/api/trend/pairs").json()) == 2


def test_openapi_and_local_api_page(client):
    schema = client.get("/openapi.json").json()
    for path in ("/api/documents", "/api/actors", "/api/events", "/api/quotes", "/api/timeline", "/api/trend"):
        assert path in schema["paths"]
        assert path in client.get("/api").text
    names = {p["name"] for p in schema["paths"]["/api/events"]["get"]["parameters"]}
    assert {"limit", "offset", "date_from", "date_to", "actor", "event", "quad"} <= names
    assert client.get("/docs").status_code == 404  # Swagger UI would load from a CDN


def test_static_and_plotly_bundle(client):
    assert client.get("/static/parley.js").status_code == 200
    r = client.get("/vendor/plotly.min.js")
    if r.status_code == 404:
        pytest.skip("plotly not installed")
    assert r.headers["content-type"].startswith("text/javascript") and len(r.content) > 1_000_000


# --- safety --------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", [*PAGES, "/doc/xss", "/actor/evil", "/actor/img-group", "/quotes?speaker=Evil",
                                  "/actors?q=script", "/events?actor=%3Cscript%3E", "/doc/xss?hl=0-30"])
def test_markup_in_the_data_shows_as_text(client, path):
    html = client.get(path).text
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert ATTR not in html  # the attribute injection never reaches the markup unescaped
    assert "<b>" not in html
    dom = parse(html)
    assert dom.errors == []
    for attrs in dom.attrs_seen:
        assert not any(name.startswith("on") for name in attrs), attrs
    assert not any(h.lower().startswith(("javascript:", "data:")) for h in dom.hrefs)
    assert len(re.findall(r"<script\b", html)) == html.count('<script src="/') + html.count(
        '<script type="application/json"')


def test_markup_rendered_escaped_on_article(client, docs):
    dom = parse(client.get("/doc/xss").text)
    assert dom.text_by_id["article-text"] == docs["xss"].text  # shown as the characters it is
    assert XSS in dom.by_class["doc-title"][0]
    assert "javascript:alert(4)" in dom.by_class["source-path"][0]  # the bad URL is shown, not linked


def test_store_is_opened_read_only(store_path, tmp_path):
    conn = data.connect(store_path)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM documents")
    conn.close()
    with pytest.raises(FileNotFoundError):
        create_app(str(tmp_path / "missing.db"))


# --- empty and partial stores ------------------------------------------------------------------------------------


def test_empty_corpus_tables_show_empty_states(tmp_path):
    client = _client(str(build_store(tmp_path / "p.db", corpus=False)))
    html = client.get("/").text
    assert "No timeline yet" in html
    dom = parse(html)
    assert json.loads(dom.text_by_id["trend-data"])["data"]  # falls back to all events by month
    assert dom.text_by_id["chart-title"] == "All asserted events"
    assert client.get("/api/trend").json()["basis"] == "all events"
    for path in [*PAGES, "/actor/ilena-varosh", "/doc/talks", "/api/timeline", "/api/trend/pairs"]:
        assert client.get(path).status_code == 200


def test_all_events_trend_counts_refusals_not_negated_happenings(tmp_path):
    """Without corpus tables the trend falls back to per-article events, read with the corpus view's modality:
    a refusal ("will not negotiate", negated REJECT) is asserted; a negated arrest did not happen."""
    path = build_store(tmp_path / "p.db", corpus=False)
    with sqlite3.connect(path) as db:
        db.execute("UPDATE events SET negated = 1 WHERE event IN ('REJECT', 'ASSAULT')")
    months = {m["month"]: m for m in _client(str(path)).get("/api/trend").json()["months"]}
    assert "2022-04" not in months  # the negated arrest was the month's only event
    assert months["2022-05"]["n"] == 1 and months["2022-05"]["quad3"] == 1  # the refusal counts
    assert months["2022-03"]["quad1"] + months["2022-03"]["quad2"] == months["2022-03"]["n"] >= 2


def test_missing_corpus_tables(tmp_path):
    path = build_store(tmp_path / "old.db", corpus=False)
    db = sqlite3.connect(path)
    for table in ("corpus_actors", "corpus_actor_aliases", "event_clusters", "event_cluster_members", "timeline",
                  "trend", "claims", "corpus_state"):
        db.execute(f"DROP TABLE {table}")
    db.commit()
    db.close()
    client = _client(str(path))
    for page in [*PAGES, "/actor/ilena-varosh", "/doc/talks", "/api/timeline", "/api/trend", "/api/actors"]:
        assert client.get(page).status_code == 200, page
    assert client.get("/api/timeline").json()["total"] == 0


def test_empty_store(tmp_path):
    Store(tmp_path / "empty.db").close()
    client = _client(str(tmp_path / "empty.db"))
    html = client.get("/").text
    assert "holds no articles" in html and "No dated events" in html
    for path in PAGES:
        assert client.get(path).status_code == 200


# --- the bundled sample through the real pipeline ----------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_client(tmp_path_factory):
    path = build_sample_store(tmp_path_factory.mktemp("sample") / "sample.db")
    return _client(str(path))


def test_sample_corpus_pages(sample_client):
    summary = sample_client.get("/api/summary").json()
    assert summary["documents"] >= 10
    for path in PAGES:
        r = sample_client.get(path)
        assert r.status_code == 200 and parse(r.text).errors == []
    docs = sample_client.get("/api/documents", params={"limit": 100}).json()["items"]
    for d in docs:
        record = sample_client.get(f"/api/documents/{d['id']}").json()
        dom = parse(sample_client.get(f"/doc/{d['id']}").text)
        assert dom.errors == []
        assert unescape(dom.text_by_id["article-text"]) == record["text"]
        for q in record["quotes"]:
            assert record["text"][q["start"]:q["end"]] in dom.by_class["hl-quote"] or any(
                record["text"][q["start"]:q["end"]].startswith(t) for t in dom.by_class["hl-quote"])


def test_sample_corpus_evidence_links(sample_client):
    events = sample_client.get("/api/events", params={"limit": 40}).json()["items"]
    if not events:
        pytest.skip("the pipeline coded no events on the sample yet")
    for e in events:
        dom = parse(sample_client.get(e["link"].split("#")[0]).text)
        assert dom.text_by_id[f"span-{e['start']}-{e['end']}"] == e["text"]
    for entry in sample_client.get("/api/timeline").json()["items"]:
        for s in entry["sentences"]:
            if s["link"]:
                dom = parse(sample_client.get(s["link"].split("#")[0]).text)
                assert dom.text_by_id[f"span-{s['start']}-{s['end']}"].strip() == s["sentence"].strip()


@pytest.mark.parametrize("url", [
    f"/api/documents?offset={2**63}", f"/documents?offset={2**63}", "/api/events?offset=-1",
    "/events?quad=%C2%B2", "/events?quad=5", "/api/events?quad=%C2%B2",  # quad=²
    "/quotes?words=" + "x" * 60000, "/api/quotes?words=" + "+".join(["w"] * 1001),
    "/api/quotes?words=" + "+".join(["w"] * 21), "/api/actors?q=" + "a" * 60000, "/actors?q=" + "a" * 201,
    "/doc/talks?hl=" + "1" * 5000 + "-2", "/events?date_from=2022-13-45x", "/api/events?date_to=" + "9" * 50,
    "/api/trend?a=" + "a" * 5000 + "&b=x", "/?a=" + "a" * 5000 + "&b=x", "/api/events?doc_id=" + "d" * 3000,
])
def test_out_of_bounds_parameters_are_422(client, url):
    resp = client.get(url)
    assert resp.status_code == 422, (url[:60], resp.status_code)
    assert resp.headers["Content-Security-Policy"].startswith("default-src 'self'")


def test_in_bounds_parameters_still_work(client):
    assert client.get("/events?quad=").status_code == 200  # the form's "any quad"
    assert client.get("/events?quad=4&date_from=2022-03&date_to=").status_code == 200
    assert client.get("/api/quotes?words=" + "+".join(["joint"] * 20)).status_code == 200
    assert client.get("/doc/talks?hl=" + "9" * 12 + "-1").status_code == 200  # malformed span: ignored
    assert client.get(f"/api/documents?offset={10**9}").json()["items"] == []


def test_a_500_keeps_the_security_headers(store_path, monkeypatch):
    def broken(self):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(data.Reader, "summary", broken)
    client = _client(str(store_path), raise_server_exceptions=False)
    for url in ("/api/summary", "/"):
        resp = client.get(url)
        assert resp.status_code == 500
        assert resp.headers["Content-Security-Policy"].startswith("default-src 'self'")
        assert resp.headers["X-Content-Type-Options"] == "nosniff"
        assert "disk on fire" not in resp.text


def test_only_trusted_host_headers(store_path):
    from parley.web.security import trusted_hosts

    app = create_app(str(store_path))
    stranger = TestClient(app)  # Host: testserver
    assert stranger.get("/api/summary").status_code == 400
    local = TestClient(app, base_url="http://127.0.0.1:8000")
    for host in ("evil.example", "evil.example:8000", "127.0.0.1.evil.example", "localhost.:80"):
        resp = local.get("/api/summary", headers={"Host": host})
        assert resp.status_code == 400, host
        assert resp.headers["Content-Security-Policy"]
    for host in ("localhost:8000", "127.0.0.1", "[::1]:8000", "LOCALHOST"):
        assert local.get("/api/summary", headers={"Host": host}).status_code == 200, host
    lan = TestClient(create_app(str(store_path), hosts=trusted_hosts("192.168.1.5")), base_url="http://192.168.1.5:80")
    assert lan.get("/api/summary").status_code == 200
    assert lan.get("/api/summary", headers={"Host": "evil.example"}).status_code == 400


def test_serve_warns_off_loopback(store_path, monkeypatch, capsys):
    import uvicorn

    from parley.web.app import serve

    seen = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.append(kw["host"]))
    serve(str(store_path), host="127.0.0.1")
    assert "warning" not in capsys.readouterr().err
    serve(str(store_path), host="0.0.0.0")
    assert "not a loopback address" in capsys.readouterr().err
    assert seen == ["127.0.0.1", "0.0.0.0"]


def test_odd_document_ids_open(tmp_path):
    from web_fixtures import talks_doc

    path = build_store(tmp_path / "p.db")
    # (no "%" here: the test client decodes paths twice, a real server once)
    odd = ["line one\nline two", "folder/sub/1.htm", "what?#frag & more", " spaced ", "tab\there"]
    with Store(path) as store:
        for i, doc_id in enumerate(odd):
            doc = talks_doc()
            doc.id, doc.content_hash, doc.events = doc_id, f"odd-{i}", []
            store.upsert(doc)
    client = _client(str(path))
    listing = client.get("/documents").text
    for doc_id in odd:
        url = data.doc_url(doc_id)
        assert url in unescape(listing) or url.replace("&", "&amp;") in listing
        page = client.get(url)
        assert page.status_code == 200, doc_id
        assert client.get("/api/documents/" + url[len("/doc/"):]).json()["id"] == doc_id
