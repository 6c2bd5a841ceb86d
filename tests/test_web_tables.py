"""The dashboard's table pages (timeline, claims, actors, events) through FastAPI's TestClient: sorting, toggles,
CSV/JSON downloads of exactly the rows shown, the dyad picker and the evidence view's note."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from parley.document import Event
from parley.store import Store
from parley.web.app import create_app
from test_web import parse
from web_fixtures import build_sample_store, build_store, talks_doc


def _client(db: Path) -> TestClient:
    return TestClient(create_app(str(db)), base_url="http://127.0.0.1")


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    return table_store(tmp_path_factory.mktemp("tables") / "t.db")


def table_store(path: Path) -> Path:
    """The web fixture store plus an article with a statement (CAMEO 010, no PLOVER type) and a negated meeting,
    each its own happening, and a claim with its counter-claim."""
    path = build_store(path)
    doc = talks_doc()
    doc.id, doc.content_hash, doc.published = "talks-2", "talks-2-hash", "2022-03-09"
    s0, s1 = doc.sentences[2]
    doc.events = [
        Event(id="talks-2:stmt", date="2022-03-08", date_precision="day", event=None, cameo="010", quad=1,
              goldstein=0.0, actor=["Ilena Varosh"], actor_ids=["ilena-varosh"], start=s0, end=s1, kind="statement"),
        Event(id="talks-2:neg", date="2022-03-08", date_precision="day", event="CONSULT", cameo="040", quad=1,
              goldstein=1.0, actor=["Ilena Varosh"], actor_ids=["ilena-varosh"], recipient=["Matthias Dravik"],
              recipient_ids=["matthias-dravik"], start=s0, end=s1, negated=True),
    ]
    with Store(path) as s:
        s.upsert(doc)
        for e, modality in ((doc.events[0], "asserted"), (doc.events[1], "negated")):
            s.db.execute(
                "INSERT INTO event_clusters (id, family, event, cameo, quad, goldstein, date, date_precision, modality,"
                " actor_ids, recipient_ids, actor, recipient, num_sources, num_articles, num_events, sources, doc_ids,"
                ' sentence, doc_id, start, "end") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                ("c-" + e.id, e.event or "CAMEO01", e.event, e.cameo, e.quad, e.goldstein, "2022-03-08", "day",
                 modality, json.dumps(e.actor_ids), json.dumps(e.recipient_ids), json.dumps(e.actor),
                 json.dumps(e.recipient), 1, 1, 1, json.dumps([doc.outlet]), json.dumps([doc.id]), doc.text[s0:s1],
                 doc.id, s0, s1))
        text = s.document("talks").text
        c0 = text.index("We agreed")
        a0 = s.document("arrest").text.index("This is an attack")
        s.db.execute("INSERT INTO claims (id, kind, basis, doc_id, start, \"end\", text, speaker, speaker_id, target,"
                     " target_id, cue, published, responds_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                     ("talks:claim", "claim", "quote", "talks", c0, c0 + 36, text[c0:c0 + 36], "Matthias Dravik",
                      "matthias-dravik", "Ilena Varosh", "ilena-varosh", "agreed", "2022-03-08", None))
        s.db.execute("INSERT INTO claims (id, kind, basis, doc_id, start, \"end\", text, speaker, speaker_id, cue,"
                     " published, responds_to) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                     ("arrest:counter", "counter", "quote", "arrest", a0, a0 + 32, "This is an attack on every voter",
                      "Tomas Lind", "tomas-lind", "said", "2022-04-16", "talks:claim"))
        s.db.commit()
    return path


@pytest.fixture(scope="module")
def client(db) -> TestClient:
    return _client(db)


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


@pytest.mark.parametrize("path", ["/timeline", "/claims", "/actors", "/events", "/documents", "/timeline?sort=-happenings",
                                  "/claims?sort=-counter_claims", "/actors?sort=first_seen", "/events?sort=-goldstein"])
def test_table_pages_render_with_sort_links_and_downloads(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text[:300]
    dom = parse(r.text)
    assert dom.errors == []
    view = path.split("?")[0]
    assert f'href="{view}.csv' in r.text and f'href="{view}.json' in r.text
    assert re.search(r'<a class="sort" href="[^"]*sort=', r.text)


def test_unknown_sort_column_is_422(client):
    assert client.get("/events?sort=text").status_code == 422  # evidence text is not sortable
    assert client.get("/actors.csv?sort=nonsense").status_code == 422
    assert client.get("/events.xml").status_code == 404


def test_events_sort_and_download_hold_exactly_the_rows_shown(client):
    html = client.get("/events", params={"sort": "-goldstein", "limit": 3}).text
    shown = re.findall(r'<tr data-event-id="([^"]+)"', html)
    assert len(shown) == 3
    rows = _csv(client.get("/events.csv", params={"sort": "-goldstein", "limit": 3}).text)
    assert [r["id"] for r in rows] == shown
    scores = [float(r["goldstein"]) for r in rows]
    assert scores == sorted(scores, reverse=True) and scores[0] == 4.0
    items = client.get("/events.json", params={"sort": "-goldstein", "limit": 3}).json()
    assert [i["id"] for i in items] == shown and items[0]["link"].startswith("/doc/")
    # the header link of the current column flips the direction and keeps the other parameters
    assert 'href="/events?limit=3&amp;sort=goldstein"' in html
    page2 = _csv(client.get("/events.csv", params={"sort": "-goldstein", "limit": 3, "offset": 3}).text)
    assert not {r["id"] for r in page2} & set(shown)


def test_event_toggles_hide_statements_and_unasserted(client):
    every = {r["id"] for r in client.get("/events.json", params={"limit": 100}).json()}
    assert {"talks-2:stmt", "talks-2:neg"} <= every
    no_stmt = {r["id"] for r in client.get("/events.json", params={"limit": 100, "hide_statements": 1}).json()}
    assert every - no_stmt == {"talks-2:stmt"}
    asserted = {r["id"] for r in client.get("/events.json", params={"limit": 100, "hide_unasserted": 1}).json()}
    assert every - asserted == {"talks-2:neg"}
    html = client.get("/events", params={"hide_statements": 1}).text
    assert 'name="hide_statements" value="1" checked' in html
    assert f"{len(no_stmt)} events" in html


def test_timeline_page_entries_with_events_actors_sources_and_toggles(client):
    html = client.get("/timeline").text
    dom = parse(html)
    assert len(dom.by_class["timeline-row"]) == 3
    rows = {r["date"]: r for r in client.get("/timeline.json").json()}
    assert set(rows) == {"2022-03-08", "2022-04-16", "2022-05-02"}
    # the statement and the negated meeting are dated 2022-03-08, the day of the talks article's entry
    day = rows["2022-03-08"]
    assert any(h.startswith("statement: Make statement") for h in day["happenings"])
    assert any(h.startswith("CONSULT") for h in day["happenings"])
    assert "Ilena Varosh" in day["actors"] and "Northwind Radio" in day["sources"]
    assert day["link"].startswith("/doc/talks?hl=")
    hidden = {r["date"]: r for r in client.get("/timeline.json", params={"hide_statements": 1,
                                                                          "hide_unasserted": 1}).json()}
    assert not any(h.startswith("statement") for h in hidden["2022-03-08"]["happenings"])
    assert len(hidden["2022-03-08"]["happenings"]) == len(day["happenings"]) - 2
    newest = client.get("/timeline.csv", params={"sort": "-date", "limit": 1}).text
    assert _csv(newest)[0]["date"] == "2022-05-02"


def test_claims_page_claim_counter_who_when_evidence(client, db):
    html = client.get("/claims").text
    dom = parse(html)
    assert len(dom.by_class["claim-row"]) == 1
    assert "Tomas Lind" in dom.by_class["counter-claim"][0] and "2022-04-16" in dom.by_class["counter-claim"][0]
    (row,) = client.get("/claims.json").json()
    assert (row["claimant"], row["target"], row["date"], row["cue"]) == ("Matthias Dravik", "Ilena Varosh",
                                                                        "2022-03-08", "agreed")
    assert row["counter_claims"] == ["Tomas Lind (2022-04-16): This is an attack on every voter"]
    m = re.fullmatch(r"/doc/talks\?hl=(\d+)-(\d+)#span-\d+-\d+", row["link"])
    with Store(db) as s:
        assert s.document("talks").text[int(m.group(1)):int(m.group(2))] == row["claim"]
    assert "/actor/matthias-dravik" in html and "/actor/tomas-lind" in html


def test_actors_page_codes_roles_counts(client):
    rows = {r["name"]: r for r in _csv(client.get("/actors.csv", params={"limit": 100}).text)}
    varosh = rows["Ilena Varosh"]
    assert varosh["codes"] == "VALOPP" and varosh["roles"] == "opposition leader"
    assert (varosh["first_seen"], varosh["last_seen"]) == ("2022-03-08", "2022-04-16")
    assert int(varosh["as_recipient"]) == 2 and int(varosh["as_actor"]) == 2  # talks + arrest; talks-2 twice
    by_recipient = _csv(client.get("/actors.csv", params={"sort": "-as_recipient", "limit": 1}).text)
    assert by_recipient[0]["name"] == "Ilena Varosh"
    assert "<code>VALGOV</code>" in client.get("/actors").text


def test_dyad_picker_counts_like_parley_trend_and_names_close_matches(client):
    html = client.get("/", params={"a": "Ilena Varsoh", "b": "Police"}).text
    problem = parse(html).text_by_id["dyad-problem"]
    assert "Ilena Varsoh" in problem and "did you mean 'Ilena Varosh'" in problem
    html = client.get("/", params={"a": "Matthias Dravik", "b": "Varosh"}).text  # a name and an alias
    dom = parse(html)
    assert dom.text_by_id["chart-title"] == "Matthias Dravik \u2194 Varosh"
    figure = json.loads(dom.text_by_id["trend-data"])
    assert [t["y"] for t in figure["data"] if t["name"] == "Verbal cooperation"] == [[1]]
    tally = " ".join(dom.text_by_id["trend-tally"].split())
    assert tally.startswith("Counted 1 happenings (day 1)") and "negated 1" in tally  # the negated meeting
    assert 'list="side-names"' in html and '<option value="government"></option>' in html


def test_evidence_view_says_what_the_span_supports(client):
    ev = next(e for e in client.get("/api/events").json()["items"] if e["id"] == "arrest:0-85")
    html = client.get(ev["link"].split("#")[0]).text
    note = " ".join(parse(html).text_by_id["evidence-for"].split())
    assert note.startswith("Evidence for the event ASSAULT (CAMEO 173, Goldstein -5.0): Police \u2192 Ilena Varosh")
    assert "2022-04-15" in note
    q = client.get("/api/quotes", params={"speaker": "Lind"}).json()["items"][0]
    note = " ".join(parse(client.get(q["link"].split("#")[0]).text).text_by_id["evidence-for"].split())
    assert note == "Evidence for a direct quote by Tomas Lind (cue \u201csaid\u201d)."


def test_evidence_view_marks_trigger_and_roles(tmp_path):
    doc = talks_doc()
    text = doc.text
    e = doc.events[0]  # "Prime Minister Matthias Dravik met opposition leader Ilena Varosh ..."
    t0 = text.index(" met ") + 1
    a0, r0 = text.index("Matthias Dravik"), text.index("Ilena Varosh")
    e.trigger_span, e.actor_spans, e.recipient_spans = [t0, t0 + 3], [[a0, a0 + 15]], [[r0, r0 + 12]]
    with Store(tmp_path / "r.db") as s:
        s.upsert(doc)
    client = _client(tmp_path / "r.db")
    link = client.get("/api/events").json()["items"][0]["link"]
    html = client.get(link.split("#")[0]).text
    marked = dict((role, body) for role, body in re.findall(r'data-role="([\w-]+)">([^<]*)<', html))
    assert marked == {"trigger": "met", "role-actor": "Matthias Dravik", "role-recipient": "Ilena Varosh"}
    assert 'data-role="trigger"' not in client.get("/doc/talks").text  # only when a link names the event


def test_sample_pages_name_events_for_readers(tmp_path):
    client = _client(build_sample_store(tmp_path / "s.db"))
    for path in ("/", "/timeline", "/events?limit=500", "/claims", "/actors", "/timeline.csv", "/events.csv"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert "CAMEO01" not in r.text and ">None<" not in r.text and "None badge" not in r.text, path
    claims = client.get("/claims.json", params={"limit": 1000}).json()
    assert claims and all(c["link"] is None or c["link"].startswith("/doc/") for c in claims)
    assert len(client.get("/timeline.json", params={"limit": 1000}).json()) == len(parse(
        client.get("/timeline", params={"limit": 1000}).text).by_class["timeline-row"])


def test_api_trend_of_a_picked_dyad_says_what_it_counted(client):
    body = client.get("/api/trend", params={"a": "Matthias Dravik", "b": "Varosh"}).json()
    assert [m["month"] for m in body["months"]] == ["2022-03"] and body["months"][0]["published_only"] == 0
    assert body["counted"] == {"day": 1} and body["left_out"] == {"negated": 1}
    r = client.get("/api/trend", params={"a": "Ilena Varsoh", "b": "Police"})
    assert r.status_code == 404 and "Ilena Varosh" in r.json()["detail"]


def test_articles_table_sorts_in_sql_and_downloads(client):
    rows = _csv(client.get("/documents.csv", params={"sort": "-num_events"}).text)
    counts = [int(r["num_events"]) for r in rows]
    assert counts == sorted(counts, reverse=True) and len(rows) == 4
    assert rows[0]["link"] == f"/doc/{rows[0]['id']}"
    html = client.get("/documents", params={"sort": "title", "limit": 2}).text
    first_two = [r["title"] for r in client.get("/documents.json", params={"sort": "title", "limit": 2}).json()]
    assert first_two == ["Leaders meet in Kestrava"] * 2  # talks and talks-2 sort first by title
    assert html.count("Leaders meet in Kestrava</a>") == 2 and "page 1 of 2" in html
