"""The rows of the dashboard's table pages (timeline, claims, actors), built from the read-only ``Reader``.

Design choices:
- Each builder returns every matching row (the corpus tables are small next to the events: one row per date,
  claim or actor), so any column sorts in Python (``tables.sort_rows``) and the page is a slice; the events
  table is the one paginated in SQL (``Reader.events``).
- A row holds plain values under its column keys (what the CSV/JSON download writes) and display details under
  keys starting with ``_`` (links, per-item evidence), which downloads leave out.
- ``event_label`` is how an event is named on every page: its PLOVER type, else its CAMEO name ("statement:
  Make pessimistic comment"), never an internal family label ("CAMEO01") or "None".
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from parley.export_tables import json_list
from parley.web import data
from parley.web.tables import Column

TIMELINE_COLUMNS = [Column("date", "Date"), Column("summary", "Summary", sortable=False),
                    Column("happenings", "Happenings", numeric=True), Column("actors", "Actors", sortable=False),
                    Column("sources", "Sources", numeric=True)]
CLAIM_COLUMNS = [Column("date", "Date"), Column("claimant", "Who"), Column("target", "About"),
                 Column("cue", "Cue"), Column("claim", "Claim", sortable=False),
                 Column("counter_claims", "Counter-claims", numeric=True), Column("article", "Article")]
ACTOR_COLUMNS = [Column("name", "Actor"), Column("type", "Type"), Column("codes", "Codes", sortable=False),
                 Column("roles", "Roles", sortable=False), Column("first_seen", "First seen"),
                 Column("last_seen", "Last seen"), Column("num_docs", "Articles", numeric=True),
                 Column("num_mentions", "Mentions", numeric=True), Column("as_actor", "As actor", numeric=True),
                 Column("as_recipient", "As recipient", numeric=True)]
DOCUMENT_COLUMNS = [Column("published", "Published"), Column("title", "Title"), Column("outlet", "Outlet"),
                    Column("num_actors", "Actors", numeric=True), Column("num_quotes", "Quotes", numeric=True),
                    Column("num_events", "Events", numeric=True)]
EVENT_COLUMNS = [Column("date", "Date"), Column("event", "Event"), Column("cameo", "CAMEO"),
                 Column("quad", "Quad", numeric=True), Column("goldstein", "Goldstein", numeric=True),
                 Column("actor", "Actor"), Column("recipient", "Recipient"),
                 Column("text", "Evidence", sortable=False), Column("article", "Article")]


@lru_cache(maxsize=1)
def _cameo_names() -> dict[str, str]:
    from parley.export_tables import cameo_table

    return {code: row["name"] for code, row in cameo_table().items()}


def event_label(event: str | None, cameo: str | None = None, kind: str | None = None) -> str:
    """A reader's name for an event: its PLOVER type, else "statement"/"appeal" with the CAMEO name, else the
    record's kind ("election": a dated election the text mentions), else "untyped"."""
    if event:
        return event
    kind = kind if isinstance(kind, str) else None  # (a template passes an undefined value for a missing key)
    root = (cameo or "")[:2]
    name = _cameo_names().get(cameo or "") or _cameo_names().get(root)
    if root not in ("01", "02"):
        return f"CAMEO {cameo}: {name}" if cameo and name else kind if kind not in (None, "event", "statement") \
            else "untyped"
    kind = "statement" if root == "01" else "appeal"
    if not name:
        return kind
    name = name.split(",")[0]
    return f"{kind}: {name[:1].upper()}{name[1:].lower()}" if name.isupper() else f"{kind}: {name}"


CLUSTER_KIND = ("(SELECT e.kind FROM event_cluster_members m JOIN events e ON e.id = m.event_id"
                " WHERE m.cluster_id = c.id LIMIT 1) AS kind")


def is_statement(event: str | None, cameo: str | None) -> bool:
    return not event and (cameo or "")[:2] in ("01", "02")


def timeline_rows(r: data.Reader, hide_statements: bool = False, hide_unasserted: bool = False) -> list[dict]:
    """One row per timeline date: its summary sentences (with evidence links), the happenings dated that day
    (event, actors, article count, evidence), the actors they involve and the sources."""
    if not r.has_table("timeline"):
        return []
    by_date: dict[str, dict[str, Any]] = {}
    for t in r.rows('SELECT t.date, t.sentence, t.doc_id, t.start, t."end", t.sources, d.title, d.outlet'
                    " FROM timeline t LEFT JOIN documents d ON d.id = t.doc_id ORDER BY t.date, t.rank"):
        row = by_date.setdefault(t["date"], {"date": t["date"], "summary": [], "_sentences": [], "_happenings": [],
                                             "sources": set(), "actors": set()})
        row["summary"].append(t["sentence"])
        link = data.doc_url(t["doc_id"], t["start"], t["end"]) if t["doc_id"] else None
        row["_sentences"].append({"text": t["sentence"], "link": link, "source": t["outlet"] or t["doc_id"],
                                  "title": t["title"]})
        row["sources"] |= {s for s in json_list(t["sources"]) if s}
    if r.has_table("event_clusters") and by_date:
        for c in r.rows("SELECT id, event, cameo, quad, modality, actor, recipient, num_articles, sources, date,"
                        f' doc_id, start, "end", {CLUSTER_KIND} FROM event_clusters c WHERE date IS NOT NULL'
                        " ORDER BY num_articles DESC, id"):
            row = by_date.get(c["date"])
            if row is None:
                continue
            if hide_statements and is_statement(c["event"], c["cameo"]):
                continue
            if hide_unasserted and (c["modality"] or "asserted") != "asserted":
                continue
            actors, recipients = json_list(c["actor"]), json_list(c["recipient"])
            row["_happenings"].append({
                "label": event_label(c["event"], c["cameo"], c["kind"]), "quad": c["quad"], "actor": actors,
                "recipient": recipients, "modality": c["modality"], "num_articles": c["num_articles"],
                "link": data.doc_url(c["doc_id"], c["start"], c["end"]) if c["doc_id"] else None})
            row["actors"] |= set(actors) | set(recipients)
            row["sources"] |= {s for s in json_list(c["sources"]) if s and not str(s).startswith("doc:")}
    out = []
    for row in by_date.values():
        row["happenings"] = [f"{h['label']}: {', '.join(h['actor']) or '?'}"
                             + (f" -> {', '.join(h['recipient'])}" if h["recipient"] else "")
                             for h in row["_happenings"]]
        row["actors"] = sorted(row["actors"], key=str.lower)
        row["sources"] = sorted(row["sources"], key=str.lower)
        row["link"] = row["_sentences"][0]["link"] if row["_sentences"] else None
        out.append(row)
    return out


def claim_rows(r: data.Reader) -> list[dict[str, Any]]:
    """One row per claim with the counter-claims answering it (who, when, evidence); counter-claims answering no
    detected claim are rows of their own with an empty claim."""
    from parley.corpus.claims import claims_ledger

    titles = {d["id"]: d["title"] for d in r.rows("SELECT id, title FROM documents")}
    out = []
    for entry in claims_ledger(r):
        claim = entry["claim"] or {}
        counters = entry["counter_claims"]
        first = claim or (counters[0] if counters else {})
        ev = first.get("evidence") or {}
        out.append({
            "date": first.get("published"), "claimant": claim.get("speaker"), "target": claim.get("target"),
            "cue": claim.get("cue"), "claim": (claim.get("evidence") or {}).get("text"),
            "counter_claims": [f"{c.get('speaker') or '?'} ({c.get('published') or '?'}): {c['evidence']['text']}"
                               for c in counters],
            "article": titles.get(ev.get("doc_id")) or ev.get("doc_id"), "doc_id": ev.get("doc_id"),
            "link": data.doc_url(ev["doc_id"], ev["start"], ev["end"]) if claim and ev.get("doc_id") else None,
            "_claimant_key": claim.get("speaker_id"), "_target_key": claim.get("target_id"),
            "_counters": [{"speaker": c.get("speaker"), "speaker_key": c.get("speaker_id"),
                           "date": c.get("published"), "cue": c.get("cue"), "text": c["evidence"]["text"],
                           "link": data.doc_url(c["evidence"]["doc_id"], c["evidence"]["start"],
                                                c["evidence"]["end"])} for c in counters],
        })
    return out


def actor_rows(r: data.Reader, q: str | None = None) -> list[dict[str, Any]]:
    """Every actor (matching ``q``) with its codes, roles, first and last reporting day, counts of articles,
    mentions and events as actor and as recipient."""
    key = data.ACTOR_KEY
    _, rows = r.actors(limit=10**9, q=q)
    facts: dict[str, dict[str, Any]] = {}
    for a in r.rows(f"SELECT {key} AS key, a.code, a.role, d.published FROM actors a"
                    " JOIN documents d ON d.id = a.doc_id"):
        f = facts.setdefault(a["key"], {"codes": set(), "roles": set(), "days": []})
        if a["code"]:
            f["codes"].add(a["code"])
        if a["role"]:
            f["roles"].add(a["role"])
        if a["published"]:
            f["days"].append(a["published"][:10])
    counts: dict[tuple[str, str], int] = {}
    for side in ("actor", "recipient"):
        for c in r.rows(f"SELECT {key} AS key, COUNT(DISTINCT e.id) AS n FROM events e"
                        f" JOIN json_each(e.{side}_ids) j JOIN actors a ON a.doc_id = e.doc_id"
                        f" AND a.actor_id = j.value GROUP BY {key}"):
            counts[(c["key"], side)] = c["n"]
    for row in rows:
        f = facts.get(row["id"], {"codes": set(), "roles": set(), "days": []})
        row.update(codes=sorted(f["codes"]), roles=sorted(f["roles"], key=str.lower),
                   first_seen=min(f["days"]) if f["days"] else None, last_seen=max(f["days"]) if f["days"] else None,
                   as_actor=counts.get((row["id"], "actor"), 0), as_recipient=counts.get((row["id"], "recipient"), 0),
                   link=data.actor_url(row["id"]))
    return rows


def event_rows(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Events as the table shows them: the event's reader label, the article's title."""
    for e in rows:
        e["event_label"] = event_label(e.get("event"), e.get("cameo"), e.get("kind"))
        e["article"] = e.get("title") or e.get("doc_id")
    return rows


def supported(record: dict[str, Any], ev: str | None, quote: str | None) -> dict[str, Any] | None:
    """What an evidence span supports, for the article view's note: the event (label, CAMEO code, Goldstein,
    date, actors, recipients, trigger) or the quote (speaker, cue) named by the link; None when neither is."""
    if ev:
        for e in record.get("events") or []:
            if e.get("id") == ev:
                return {"kind": "event", "label": event_label(e.get("event"), e.get("cameo"), e.get("kind")),
                        "item": e}
    if quote:
        for q in record.get("quotes") or []:
            if q.get("id") == quote or f"{record.get('id')}:{q.get('start')}-{q.get('end')}" == quote:
                return {"kind": "quote", "label": "quote", "item": q}
    return None
