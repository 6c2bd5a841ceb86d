"""Read-only queries behind the dashboard pages and the JSON API.

Design choices:
- One SQLite connection per request, opened with ``mode=ro`` (URI), so the web process can never change the
  store and a concurrent ``parley run`` (WAL) never blocks it.
- Corpus tables (corpus_actors, event_clusters, timeline, trend, ...) are optional: every query checks the
  table exists, and an empty or missing table gives an empty result, never an error, so a store written
  before ``parley.corpus`` ran still browses.
- An actor's identity across articles is ``COALESCE(actors.corpus_actor_id, actors.actor_id)``: the merged
  corpus actor when ``parley.corpus`` assigned one, else the per-document id (the slug of the name), which
  already joins the same name across articles.
- Everything returned is plain dicts/lists (JSON-ready); JSON-text columns are decoded here.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import quote as _quote

ACTOR_KEY = "COALESCE(a.corpus_actor_id, a.actor_id)"
JSON_COLUMNS = {"context", "actor", "recipient", "actor_ids", "recipient_ids", "aliases", "sources", "doc_ids",
                "event_ids", "cluster_ids", "codes", "actor_codes", "recipient_codes", "keys"}
QUAD_NAMES = {1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict"}
MAIN_DYAD = ("group:government", "group:opposition")
# a CAMEO 01/02 statement or appeal without a PLOVER type (PLOVER drops them)
STATEMENT_SQL = "(e.event IS NULL AND substr(COALESCE(e.cameo, ''), 1, 2) IN ('01', '02'))"
# sortable article columns -> ORDER BY (over the documents query's own columns)
DOCUMENT_ORDER = {"published": "published", "title": "lower(title)", "outlet": "lower(outlet)",
                  "num_actors": "num_actors", "num_quotes": "num_quotes", "num_events": "num_events"}
# sortable event columns -> ORDER BY (ties broken by article and offset, so pages are stable)
EVENT_ORDER = {"date": "e.date", "event": "e.event", "cameo": "e.cameo", "quad": "e.quad",
               "goldstein": "e.goldstein", "actor": "e.actor", "recipient": "e.recipient", "article": "d.title",
               "published": "d.published"}


def connect(db_path: str | Path) -> sqlite3.Connection:
    """A read-only connection (``mode=ro``); raises FileNotFoundError when the store does not exist."""
    path = Path(db_path)
    if not path.is_file():
        raise FileNotFoundError(f"no parley store at {path}")
    conn = sqlite3.connect(f"file:{_quote(str(path.resolve()))}?mode=ro", uri=True, timeout=30,
                           check_same_thread=False)
    conn.row_factory = sqlite3.Row
    return conn


def check_store(db_path: str | Path) -> None:
    """Fail at start-up, with one line, when ``db_path`` is missing or not a parley store (not on first request)."""
    try:
        conn = connect(db_path)
        try:
            ok = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='documents'").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError as err:
        raise FileNotFoundError(f"{db_path} is not a parley store ({err})") from None
    if not ok:
        raise FileNotFoundError(f"{db_path} is not a parley store (no documents table)")


class Reader:
    """The queries; wraps one read-only connection. Also offers ``rows``/``has_table`` like ``Store``, so the
    corpus helpers (``parley.corpus.trend.dyad_trend``) run over it unchanged."""

    def __init__(self, conn: sqlite3.Connection):
        self.db = conn
        self._tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}

    # --- Store-like helpers --------------------------------------------------------------------------------

    def has_table(self, name: str) -> bool:
        return name in self._tables

    def rows(self, sql: str, params: Any = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(sql, tuple(params))]

    def one(self, sql: str, params: Any = ()) -> dict[str, Any] | None:
        row = self.db.execute(sql, tuple(params)).fetchone()
        return dict(row) if row else None

    def count(self, table: str) -> int:
        if not self.has_table(table):
            return 0
        return self.db.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]  # noqa: S608 (checked name)

    # --- overview ------------------------------------------------------------------------------------------

    def summary(self) -> dict[str, Any]:
        span = self.one("SELECT MIN(published) AS first, MAX(published) AS last FROM documents"
                        " WHERE published IS NOT NULL") or {}
        n_actors = self.count("corpus_actors") or (
            self.one(f"SELECT COUNT(DISTINCT {ACTOR_KEY}) AS n FROM actors a") or {}).get("n", 0)
        return {
            "documents": self.count("documents"), "actors": n_actors, "mentions": self.count("mentions"),
            "quotes": self.count("quotes"), "times": self.count("times"), "events": self.count("events"),
            "event_clusters": self.count("event_clusters"), "claims": self.count("claims"),
            "first_published": span.get("first"), "last_published": span.get("last"),
        }

    def actors(self, limit: int = 50, offset: int = 0, q: str | None = None) -> tuple[int, list[dict[str, Any]]]:
        """Actors across the corpus, most mentioned first: id, name, type, num_docs, num_mentions."""
        where, params = "", []
        if q:
            where = f" WHERE {ACTOR_KEY} IN (SELECT {ACTOR_KEY} FROM actors a WHERE a.name LIKE ? ESCAPE '\\'" \
                    " OR a.aliases LIKE ? ESCAPE '\\')"
            params = [like(q), like(q)]
        total = self.one(f"SELECT COUNT(DISTINCT {ACTOR_KEY}) AS n FROM actors a{where}", params)["n"]
        has_corpus = self.has_table("corpus_actors")
        rows = self.rows(
            f"WITH k AS (SELECT {ACTOR_KEY} AS id, a.name, a.type, a.doc_id, a.actor_id FROM actors a{where}),"
            # SQLite's bare-column rule: name/type come from the row with the longest name
            " g AS (SELECT id, name, type, MAX(length(name)) AS len, COUNT(DISTINCT doc_id) AS num_docs"
            " FROM k GROUP BY id),"
            " m AS (SELECT k.id, COUNT(*) AS n FROM mentions mm JOIN k ON k.doc_id = mm.doc_id"
            " AND k.actor_id = mm.actor_id GROUP BY k.id)"
            f" SELECT g.id, {'COALESCE(c.name, g.name)' if has_corpus else 'g.name'} AS name,"
            f" {'COALESCE(c.type, g.type)' if has_corpus else 'g.type'} AS type, g.num_docs,"
            " COALESCE(m.n, 0) AS num_mentions FROM g LEFT JOIN m ON m.id = g.id"
            f"{' LEFT JOIN corpus_actors c ON c.id = g.id' if has_corpus else ''}"
            " ORDER BY num_mentions DESC, g.num_docs DESC, name LIMIT ? OFFSET ?",
            [*params, limit, offset])
        return total, rows

    # --- documents -----------------------------------------------------------------------------------------

    def documents(self, limit: int = 50, offset: int = 0, order: str | None = None) -> tuple[int, list[dict[str, Any]]]:
        """Articles with their counts; ``order`` is an ORDER BY built from ``DOCUMENT_ORDER`` (default: by
        publication date)."""
        rows = self.rows(
            "SELECT * FROM (SELECT d.id, d.title, d.outlet, d.published, d.url, d.source,"
            " (SELECT COUNT(*) FROM events e WHERE e.doc_id = d.id) AS num_events,"
            " (SELECT COUNT(*) FROM quotes q WHERE q.doc_id = d.id) AS num_quotes,"
            " (SELECT COUNT(*) FROM actors a WHERE a.doc_id = d.id) AS num_actors"
            f" FROM documents d) ORDER BY {order or 'published, id'} LIMIT ? OFFSET ?", (limit, offset))
        return self.count("documents"), rows

    def document(self, doc_id: str) -> dict[str, Any] | None:
        """The whole Document record (dict) plus ``corpus_ids``: per-document actor id -> corpus actor key."""
        row = self.one("SELECT record FROM documents WHERE id = ?", (doc_id,))
        if row is None:
            return None
        record = json.loads(row["record"])
        record["corpus_ids"] = {r["actor_id"]: r["key"] for r in self.rows(
            f"SELECT a.actor_id, {ACTOR_KEY} AS key FROM actors a WHERE a.doc_id = ?", (doc_id,))}
        return record

    # --- actors --------------------------------------------------------------------------------------------

    def actor(self, key: str, limit: int = 200) -> dict[str, Any] | None:
        """One actor across the corpus: names, aliases, roles over time, quotes by/about, events (each list at
        most ``limit`` long; ``more`` names the lists that were cut)."""
        rows = self.rows(f"SELECT a.*, d.published, d.title FROM actors a JOIN documents d ON d.id = a.doc_id"
                         f" WHERE {ACTOR_KEY} = ? ORDER BY d.published, a.doc_id", (key,))
        corpus = self.one("SELECT * FROM corpus_actors WHERE id = ?", (key,)) \
            if self.has_table("corpus_actors") else None
        if not rows and corpus is None:
            return None
        names = sorted({r["name"] for r in rows}, key=lambda n: (-len(n), n))
        aliases = {a for r in rows for a in decode(r["aliases"]) or []}
        if self.has_table("corpus_actor_aliases"):
            aliases |= {r["alias"] for r in self.rows("SELECT alias FROM corpus_actor_aliases WHERE actor_id = ?",
                                                      (key,))}
        name = (corpus or {}).get("name") or (names[0] if names else key)
        roles = self.rows(
            "SELECT a.role, a.code, a.affiliation, MIN(d.published) AS first_seen, MAX(d.published) AS last_seen,"
            " COUNT(DISTINCT a.doc_id) AS num_docs FROM actors a JOIN documents d ON d.id = a.doc_id"
            f" WHERE {ACTOR_KEY} = ? AND (a.role IS NOT NULL OR a.code IS NOT NULL OR a.affiliation IS NOT NULL)"
            " GROUP BY a.role, a.code, a.affiliation ORDER BY first_seen, a.role", (key,))
        out = {
            "id": key, "name": name, "type": (corpus or {}).get("type") or (rows[0]["type"] if rows else None),
            "names": names, "aliases": sorted(aliases - {name}, key=str.lower), "roles": roles,
            "documents": [{"id": r["doc_id"], "title": r["title"], "published": r["published"]}
                          for r in rows[:limit + 1]],
            "quotes_by": self.quotes_by(key, limit + 1), "quotes_about": self.quotes_about(key, limit + 1),
            "events_as_actor": self.actor_events(key, "actor", limit + 1),
            "events_as_recipient": self.actor_events(key, "recipient", limit + 1),
        }
        out["more"] = [k for k in ("documents", "quotes_by", "quotes_about", "events_as_actor", "events_as_recipient")
                       if len(out[k]) > limit]
        for k in out["more"]:
            out[k] = out[k][:limit]
        return out

    def quotes_by(self, key: str, limit: int = -1) -> list[dict[str, Any]]:
        return self._quotes(
            "SELECT DISTINCT q.*, d.title, d.published FROM quotes q JOIN documents d ON d.id = q.doc_id"
            " JOIN actors a ON a.doc_id = q.doc_id AND a.actor_id = q.speaker_id"
            f" WHERE {ACTOR_KEY} = ? ORDER BY d.published, q.doc_id, q.start LIMIT ?", (key, limit))

    def quotes_about(self, key: str, limit: int = -1) -> list[dict[str, Any]]:
        """Quotes whose words mention the actor (by someone else)."""
        return self._quotes(
            "SELECT DISTINCT q.*, d.title, d.published FROM quotes q JOIN documents d ON d.id = q.doc_id"
            ' JOIN mentions m ON m.doc_id = q.doc_id AND m.start >= q.start AND m."end" <= q."end"'
            f" JOIN actors a ON a.doc_id = m.doc_id AND a.actor_id = m.actor_id WHERE {ACTOR_KEY} = ?"
            " AND (q.speaker_id IS NULL OR q.speaker_id != a.actor_id) ORDER BY d.published, q.doc_id, q.start"
            " LIMIT ?", (key, limit))

    def actor_events(self, key: str, side: str, limit: int = -1) -> list[dict[str, Any]]:
        """Events where the actor is on ``side`` ("actor" or "recipient"), by id or, failing ids, by name."""
        col = "actor" if side == "actor" else "recipient"
        return self._events(
            "SELECT DISTINCT e.*, d.title, d.published FROM events e JOIN documents d ON d.id = e.doc_id"
            f" JOIN actors a ON a.doc_id = e.doc_id WHERE {ACTOR_KEY} = ?"
            f" AND (EXISTS (SELECT 1 FROM json_each(e.{col}_ids) j WHERE j.value = a.actor_id)"
            f" OR EXISTS (SELECT 1 FROM json_each(e.{col}) j WHERE j.value = a.name))"
            " ORDER BY e.date, e.doc_id, e.start LIMIT ?", (key, limit))

    # --- events --------------------------------------------------------------------------------------------

    def events(self, *, date_from: str | None = None, date_to: str | None = None, actor: str | None = None,
               event: str | None = None, quad: int | None = None, doc_id: str | None = None,
               hide_statements: bool = False, hide_unasserted: bool = False, order: str | None = None,
               limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Events filtered by date range, actor (name substring on either side), PLOVER type, quad, article;
        ``hide_statements`` drops CAMEO 01/02 statements without a PLOVER type, ``hide_unasserted`` negated,
        hypothetical and future events (a refusal stays: ``merge.modality``); ``order`` is an ORDER BY from
        ``EVENT_ORDER``. Each row carries its ``location`` (None when the article names no place)."""
        where, params = [], []
        if date_from:
            where.append("e.date >= ?")
            params.append(date_from)
        if date_to:
            where.append("substr(e.date, 1, 10) <= ?")
            params.append(date_to)
        if actor:
            where.append("(e.actor LIKE ? ESCAPE '\\' OR e.recipient LIKE ? ESCAPE '\\')")
            params += [like(actor), like(actor)]
        if event:
            where.append("e.event = ?")
            params.append(event)
        if quad:
            where.append("e.quad = ?")
            params.append(quad)
        if doc_id:
            where.append("e.doc_id = ?")
            params.append(doc_id)
        if hide_statements:
            where.append(f"NOT {STATEMENT_SQL}")
        if hide_unasserted:
            from parley.corpus.merge import config

            refusals = sorted(str(x).upper() for x in config().get("refusal_events", ()))
            marks = ",".join("?" * len(refusals)) or "NULL"
            where.append("(COALESCE(e.hypothetical, 0) = 0 AND ((COALESCE(e.negated, 0) = 0 AND"
                         f" COALESCE(e.future, 0) = 0) OR upper(e.event) IN ({marks})))")
            params += refusals
        return self._page("events e", where, params, order or "e.date, e.doc_id, e.start", limit, offset,
                          self._events)

    def _locations(self, doc_ids: set[str]) -> dict[str, dict[str, Any]]:
        """Event id -> location (the places stage's ``event.location``, kept in the stored Document record)."""
        out: dict[str, dict[str, Any]] = {}
        for doc in doc_ids:
            row = self.one("SELECT record FROM documents WHERE id = ?", (doc,))
            try:
                events = json.loads(row["record"]).get("events", []) if row and row["record"] else []
            except ValueError:
                continue
            out.update({ev["id"]: ev["location"] for ev in events if isinstance(ev, dict) and ev.get("location")})
        return out

    def event_types(self) -> list[str]:
        return [r["event"] for r in self.rows("SELECT DISTINCT event FROM events WHERE event IS NOT NULL"
                                              " ORDER BY event")]

    def _events(self, sql: str, params: Any) -> list[dict[str, Any]]:
        out = []
        rows = self.rows(sql, params)
        located = self._locations({r["doc_id"] for r in rows})
        for r in rows:
            r = decode_row(r)
            r["location"] = located.get(r["id"])
            for flag in ("negated", "hypothetical", "future", "historical"):
                r[flag] = bool(r.get(flag))
            r["link"] = doc_url(r["doc_id"], r["start"], r["end"], ev=r["id"])
            out.append(r)
        return out

    # --- quotes --------------------------------------------------------------------------------------------

    def quotes(self, *, speaker: str | None = None, words: str | None = None, doc_id: str | None = None,
               limit: int = 50, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Quotes whose speaker name contains ``speaker`` and whose words contain every word of ``words``."""
        where, params = [], []
        if speaker:
            where.append("q.speaker LIKE ? ESCAPE '\\'")
            params.append(like(speaker))
        for word in (words or "").split():
            where.append("q.text LIKE ? ESCAPE '\\'")
            params.append(like(word))
        if doc_id:
            where.append("q.doc_id = ?")
            params.append(doc_id)
        return self._page("quotes q", where, params, "d.published, q.doc_id, q.start", limit, offset, self._quotes)

    def _page(self, table: str, where: list[str], params: list[Any], order: str, limit: int, offset: int,
              decode_rows: Any) -> tuple[int, list[dict[str, Any]]]:
        """One filtered page of ``table`` ("events e" / "quotes q") joined to its article, with the total count."""
        alias = table.split()[1]
        clause = (" WHERE " + " AND ".join(where)) if where else ""
        total = self.one(f"SELECT COUNT(*) AS n FROM {table}{clause}", params)["n"]
        rows = decode_rows(f"SELECT {alias}.*, d.title, d.published, d.outlet FROM {table} JOIN documents d"
                           f" ON d.id = {alias}.doc_id{clause} ORDER BY {order} LIMIT ? OFFSET ?",
                           [*params, limit, offset])
        return total, rows

    def _quotes(self, sql: str, params: Any) -> list[dict[str, Any]]:
        rows = self.rows(sql, params)
        keys: dict[tuple[str, str], str] = {}
        for doc in {r["doc_id"] for r in rows if r.get("speaker_id")}:
            keys.update({(doc, k["actor_id"]): k["key"] for k in self.rows(
                f"SELECT a.actor_id, {ACTOR_KEY} AS key FROM actors a WHERE a.doc_id = ?", (doc,))})
        for r in rows:
            r["direct"] = bool(r.get("direct"))
            r["speaker_key"] = keys.get((r["doc_id"], r.get("speaker_id")))
            r["link"] = doc_url(r["doc_id"], r["start"], r["end"], quote=r.get("id"))
        return rows

    # --- timeline and trend --------------------------------------------------------------------------------

    def timeline(self, limit: int = 100, offset: int = 0) -> tuple[int, list[dict[str, Any]]]:
        """Dates of the corpus timeline with their summary sentences (evidence links) and the asserted
        happenings (event clusters) dated that day."""
        if not self.has_table("timeline"):
            return 0, []
        dates = [r["date"] for r in self.rows("SELECT DISTINCT date FROM timeline ORDER BY date")]
        page = dates[offset:offset + limit]
        out = []
        for day in page:
            entry: dict[str, Any] = {"date": day, "sentences": [], "sources": [], "happenings": []}
            for t in self.rows('SELECT t.sentence, t.doc_id, t.start, t."end", t.sources, d.title, d.outlet'
                               " FROM timeline t LEFT JOIN documents d ON d.id = t.doc_id WHERE t.date = ?"
                               " ORDER BY t.rank", (day,)):
                t["sources"] = decode(t["sources"]) or []
                t["link"] = doc_url(t["doc_id"], t["start"], t["end"]) if t["doc_id"] else None
                entry["sentences"].append(t)
                entry["sources"] = sorted(set(entry["sources"]) | set(t["sources"]))
            if self.has_table("event_clusters"):
                for c in self.rows("SELECT id, event, family, cameo, quad, actor, recipient, num_articles, sentence,"
                                   ' doc_id, start, "end", (SELECT e.kind FROM event_cluster_members m JOIN events e'
                                   " ON e.id = m.event_id WHERE m.cluster_id = c.id LIMIT 1) AS kind"
                                   " FROM event_clusters c WHERE date = ? AND modality = ?"
                                   " ORDER BY num_articles DESC, id LIMIT 5", (day, "asserted")):
                    c = decode_row(c)
                    c["link"] = doc_url(c["doc_id"], c["start"], c["end"]) if c["doc_id"] else None
                    entry["happenings"].append(c)
            out.append(entry)
        return len(dates), out

    def trend_pairs(self) -> list[dict[str, Any]]:
        """Dyads with a stored trend, most active first."""
        if not self.has_table("trend"):
            return []
        return self.rows("SELECT a, b, SUM(n) AS n, COUNT(*) AS months FROM trend GROUP BY a, b"
                         " ORDER BY (a LIKE 'group:%' AND b LIKE 'group:%') DESC, SUM(n) DESC, a, b")

    def trend(self, a: str | None = None, b: str | None = None) -> dict[str, Any]:
        """Monthly cooperation/conflict series for one dyad: the one asked for, else government vs opposition,
        else the most active stored pair, else (no corpus tables yet) all asserted events by month."""
        if a and b:
            rows = self._trend_rows(a, b)
            if not rows:
                rows = self._computed_trend(a, b)
            return {"a": a, "b": b, "basis": "dyad", "months": rows}
        pairs = self.trend_pairs()
        if pairs:
            keys = {(p["a"], p["b"]) for p in pairs}
            if MAIN_DYAD in keys or MAIN_DYAD[::-1] in keys:
                a, b = MAIN_DYAD if MAIN_DYAD in keys else MAIN_DYAD[::-1]
            else:
                actor_pairs = [p for p in pairs if not p["a"].startswith("group:")]
                best = max(actor_pairs or pairs, key=lambda p: p["n"])
                a, b = best["a"], best["b"]
            return {"a": a, "b": b, "basis": "dyad", "months": self._trend_rows(a, b)}
        return {"a": None, "b": None, "basis": "all events", "months": self._all_events_trend()}

    def _trend_rows(self, a: str, b: str) -> list[dict[str, Any]]:
        if not self.has_table("trend"):
            return []
        rows = self.rows("SELECT * FROM trend WHERE a = ? AND b = ? ORDER BY month", (a, b))
        if not rows:  # stored the other way round: swap the directed counts
            rows = self.rows("SELECT * FROM trend WHERE a = ? AND b = ? ORDER BY month", (b, a))
            for r in rows:
                r["a"], r["b"], r["a_to_b"], r["b_to_a"] = a, b, r["b_to_a"], r["a_to_b"]
        return [decode_row(r) for r in rows]

    def _computed_trend(self, a: str, b: str) -> list[dict[str, Any]]:
        """A dyad the trend table does not hold (names, aliases, codes): computed from the clusters."""
        try:
            from parley.corpus.trend import dyad_trend
        except ImportError:  # pragma: no cover - corpus package missing
            return []
        try:
            return dyad_trend(self, a, b)
        except (sqlite3.Error, KeyError, ValueError):
            return []

    def _all_events_trend(self) -> list[dict[str, Any]]:
        """Asserted events by month, per article (no corpus tables yet); modality as the corpus view reads it,
        so a refusal ("will not negotiate") counts while a negated or future happening does not."""
        from parley.corpus.merge import modality
        from parley.corpus.trend import series

        events = [{**r, "event_ids": [r["id"]], "plover_score": None}
                  for r in self.rows("SELECT id, event, negated, hypothetical, future, date, quad, goldstein FROM events"
                                     " WHERE date IS NOT NULL AND length(date) >= 7"
                                     " AND date_precision IN ('day', 'month')")
                  if modality(r["event"], bool(r["negated"]), bool(r["hypothetical"]), bool(r["future"])) == "asserted"]
        return series(events, None, None)


# --- helpers -----------------------------------------------------------------------------------------------


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (with ``ESCAPE '\\'``)."""
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def decode(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in "[{":
        try:
            return json.loads(value)
        except ValueError:
            return value
    return value


def decode_row(row: dict[str, Any]) -> dict[str, Any]:
    return {k: decode(v) if k in JSON_COLUMNS else v for k, v in row.items()}


def doc_url(doc_id: str, start: int | None = None, end: int | None = None, *, ev: str | None = None,
            quote: str | None = None) -> str:
    """Link to the article view, jumping to (and highlighting) the span [start, end) when given; ``ev`` / ``quote``
    name the event or quote the span is evidence for (the article view then marks its trigger and actors)."""
    url = "/doc/" + _quote(doc_id, safe="")
    if start is not None and end is not None:
        extra = f"&ev={_quote(ev, safe='')}" if ev else f"&quote={_quote(quote, safe='')}" if quote else ""
        url += f"?hl={start}-{end}{extra}#span-{start}-{end}"
    return url


def actor_url(key: str) -> str:
    return "/actor/" + _quote(key, safe="")
