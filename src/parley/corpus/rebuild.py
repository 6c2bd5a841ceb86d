"""The corpus view over many articles: merged actors, de-duplicated events, timeline, trends, claims.

``rebuild(store, ctx, changed_doc_ids)`` runs after ``parley run`` stored documents and brings the corpus tables
up to date, in one transaction. It is idempotent (a second run on the same store finds nothing changed and
writes nothing) and incremental:

- *What changed* is the union of ``changed_doc_ids`` and the documents whose content hash differs from the one
  recorded at the last rebuild (``corpus_state``), plus documents that disappeared. ``None`` means rebuild all.
- *Actors*: a changed article's actors are assigned to existing corpus actors by lookup when they bring nothing
  new (all their keys and name forms are known to one corpus actor); any new name form, a replaced or removed
  article triggers a re-merge over the ``actors`` rows (names only, never texts), which is exact and cheap.
- *Event clusters*: only clusters in the new events' window are re-examined - every event of the same
  families in the same years, plus the clusters they belong to and clusters that held events of changed
  articles. Whole old clusters plus new events cluster exactly as the full corpus would (see ``merge``). If the
  re-merge moved actors of unchanged articles (to another corpus actor, or renamed one), their events whose
  resolved sides changed join the seeds (``_Snapshot``): the relation between two events depends on those two
  alone, so re-clustering every event whose inputs changed, with its window, is still exact.
- *Timeline*: ``doc_timeline.timeline_from_documents`` is global, so it is recomputed only when the set of dated
  articles (id, date, hash) changed. It dates sentences by each Document's own time expressions, so an entry is
  a day ("2013-09-16") or, where the texts give only the month, a month ("2017-11", ``precision`` "month").
  The ``timeline`` table holds its summary sentences (with offsets into each article's cleaned text);
  ``event_clusters`` holds the happenings; ``corpus.happenings`` merges the two into one dated view where each
  happening appears once with its sources.
- *Trend*: rows of actor pairs touched by added/removed clusters, and the group pairs, are rewritten.
- *Claims*: detection is redone for changed articles and for unchanged ones whose actors moved, were renamed or
  changed party; linking is redone over all claim rows.

Memory (issue 15): nothing holds the whole corpus's analysed records. The timeline and the claims read the
stored Documents one at a time (only the texts, sentence spans and date references the timeline method needs are
kept); a full re-cluster goes one event family at a time (clusters never span families); an article's text is
read once for all its clusters, not once per cluster. The actor re-merge is global (one union-find over every
actor row), so it holds every row, but slotted, with the strings a corpus repeats shared and read from the
cursor, never beside a list of row dicts.
"""

from __future__ import annotations

import hashlib
import json
import sys
from bisect import bisect_right
from collections import OrderedDict, defaultdict
from datetime import date, timedelta
from itertools import accumulate
from typing import Any

from parley.context import Context
from parley.corpus import claims as claims_mod
from parley.corpus import trend as trend_mod
from parley.corpus.merge import (
    ActorRow,
    EventRow,
    absorbs,
    actor_keys,
    cluster_events,
    config,
    date_interval,
    family,
    merge_actors,
    norm,
    representative,
    slug,
    strip_titles,
    summarise_cluster,
)
from parley.store import Store

VERSION = "2"  # 2: content-derived corpus actor ids (merge._assign_ids)

def rebuild(store: Store, ctx: Context, changed_doc_ids: set[str] | None = None) -> dict:
    """(Re)build the corpus tables; returns counts (rows per table and what was recomputed)."""
    state = {r["key"]: r["value"] for r in store.rows("SELECT key, value FROM corpus_state")}
    processed: dict[str, str] = json.loads(state.get("docs", "{}"))
    current = {r["id"]: r["content_hash"] for r in store.rows("SELECT id, content_hash FROM documents")}
    full = changed_doc_ids is None or state.get("version") != VERSION
    if not full and 2 * len(set(changed_doc_ids) | (set(processed) ^ set(current))) > len(current):
        full = True  # most of the corpus is new: one full pass is cheaper than many local ones
    if full:
        dirty = set(current) | set(processed)
    else:
        dirty = {d for d in changed_doc_ids if d in current}
        dirty |= {d for d, h in current.items() if processed.get(d) != h}
        dirty |= set(processed) - set(current)
    stale = {d for d in dirty if d in processed}  # replaced or removed since the last rebuild
    info: dict[str, Any] = {"mode": "full" if full else "incremental", "changed_docs": len(dirty)}
    with store.transaction() as db:
        if dirty:
            before = None if full else _Snapshot(store)
            _actors(store, dirty, full or bool(stale), info, before)
            reseed, redetect = before.changes(store, dirty) if before else (set(), set())
            info["events_reresolved"] = len(reseed)
            added, removed = _clusters(store, dirty, full, info, reseed, before.after if before else None)
            if full:
                info["trend_rows"] = trend_mod.store_trend(store, None)
            elif added or removed:
                pairs = set().union(*(trend_mod.cluster_pairs(c) for c in added + removed))
                months = {c["date"][:7] for c in added + removed if c["date"]}
                info["trend_rows"] = trend_mod.store_trend(store, pairs, months)
            claim_docs = set(current) if full else (dirty | redetect) & set(current)
            _claims(store, claim_docs, dirty, info)
        _timeline(store, ctx, state, full, info)
        db.executemany("INSERT OR REPLACE INTO corpus_state VALUES (?, ?)",
                       [("version", VERSION), ("docs", json.dumps(current, sort_keys=True))])
    for table in ("corpus_actors", "event_clusters", "event_cluster_members", "timeline", "trend", "claims"):
        info[table] = store.count(table)
    return info


# --- actors -------------------------------------------------------------------------------------------------

def _actor_rows(store: Store, docs: set[str] | None = None) -> list[tuple[ActorRow, str | None]]:
    sql = ("SELECT a.doc_id, a.actor_id, a.name, a.type, a.aliases, a.code, a.affiliation, a.role,"
        " a.corpus_actor_id, d.published, COALESCE(m.n, 0) AS n"
        " FROM actors a JOIN documents d ON d.id = a.doc_id"
        " LEFT JOIN (SELECT doc_id, actor_id, COUNT(*) AS n FROM mentions GROUP BY doc_id, actor_id) m"
        " ON m.doc_id = a.doc_id AND m.actor_id = a.actor_id"
        " WHERE {} ORDER BY a.doc_id, a.actor_id")
    rows = store.db.execute(sql.format("1")) if docs is None else _rows_in(store, sql, "a.doc_id", docs)
    # a full re-merge holds every actor row: read them from the cursor (no list of dicts beside them) and share
    # the strings a corpus repeats (article ids and dates, types, codes, roles) instead of one copy a row
    return [(ActorRow(_intern(r["doc_id"]), r["actor_id"], r["name"], _intern(r["type"]),
                      json.loads(r["aliases"] or "[]"), _intern(r["code"]), _intern(r["affiliation"]),
                      _intern(r["role"]), _intern(r["published"]), r["n"]), _intern(r["corpus_actor_id"]))
            for r in rows]


def _intern(value: str | None) -> str | None:
    return sys.intern(value) if value else value


def _stored_actors(store: Store) -> dict[str, dict[str, Any]]:
    actors = {r["id"]: {**r, "keys": json.loads(r["keys"] or "{}"), "aliases": []}
              for r in store.rows("SELECT * FROM corpus_actors")}
    for r in store.rows("SELECT actor_id, alias, norm, kind FROM corpus_actor_aliases"):
        if r["actor_id"] in actors:
            actors[r["actor_id"]]["aliases"].append((r["alias"], r["norm"], r["kind"]))
    return actors


def _actors(store: Store, dirty: set[str], remerge: bool, info: dict, snap: _Snapshot | None = None) -> None:
    """Assign corpus actors: by lookup when the changed articles bring nothing new, else by a re-merge (``snap``
    then takes what the re-merge can move for unchanged articles, found by ``_Snapshot.changes``)."""
    db = store.db
    if not remerge:
        stored = _stored_actors(store)
        owner = {k: a["id"] for a in stored.values() for k in a["keys"].get("strong", [])}
        weak_owner = {w.split("|")[0]: a["id"] for a in stored.values() for w in a["keys"].get("weak", [])}
        assign = []
        for row, _ in _actor_rows(store, dirty):
            k = actor_keys(row)
            cid = next((owner[s] for s in sorted(k["strong"]) if s in owner), None) if k["strong"] \
                else weak_owner.get(k["weak"] or "")
            if cid is None or not absorbs(stored[cid], row):
                remerge = True
                break
            assign.append((cid, row.doc_id, row.actor_id))
        if not remerge:
            db.executemany("UPDATE actors SET corpus_actor_id = ? WHERE doc_id = ? AND actor_id = ?", assign)
            _refresh_actor_stats(store, {a[0] for a in assign})
            info["actors"] = f"assigned {len(assign)} by lookup"
            return
    if snap:
        snap.capture(store)
    rows = _actor_rows(store)
    merged = merge_actors([r for r, _ in rows])
    new = {m: a["id"] for a in merged for m in a["members"]}
    moved = any(old and new.get((r.doc_id, r.actor_id)) != old for r, old in rows if r.doc_id not in dirty)
    db.execute("DELETE FROM corpus_actors")
    db.execute("DELETE FROM corpus_actor_aliases")
    for a in merged:
        db.execute("INSERT INTO corpus_actors VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                   (a["id"], a["name"], a["type"], a["code"], json.dumps(a["codes"]), a["affiliation"],
                    a["num_docs"], a["num_mentions"], a["first_seen"], a["last_seen"],
                    json.dumps(a["keys"], sort_keys=True)))
        db.executemany("INSERT OR REPLACE INTO corpus_actor_aliases VALUES (?,?,?,?)",
                       [(a["id"], alias, n, kind) for alias, n, kind in a["aliases"]])
    changed = [(cid, d, aid) for (d, aid), cid in new.items()]
    db.executemany("UPDATE actors SET corpus_actor_id = ? WHERE doc_id = ? AND actor_id = ?", changed)
    info["actors"] = f"re-merged {len(rows)} actor rows" + (" (ids moved)" if moved else "")


class _Snapshot:
    """What the corpus-actor step can change for articles that did not change: the parties, taken before it
    runs, and, just before a re-merge (``capture``), the resolver and every actor row's corpus id.

    An unchanged article's event enters the clustering through its resolved sides (``_Resolver.side``: corpus
    actor ids, codes) and the cluster row through the names of those ids; its claims through its actor rows'
    corpus ids and those ids' names and parties. ``changes`` compares these before and after, so the
    incremental steps re-examine exactly the events and articles whose inputs moved (issue 15: any moved actor
    used to force a re-cluster of the whole corpus). Events are streamed (a few columns), never all held."""

    def __init__(self, store: Store):
        self.party = claims_mod._parties(store)  # a lookup can change affiliations, so parties
        self.res: _Resolver | None = None  # what a re-merge can change (``capture``, just before one)
        self.rows: dict[tuple[str, str], str | None] = {}
        self.after: _Resolver | None = None

    def capture(self, store: Store) -> None:
        self.res, self.rows = _Resolver(store), _corpus_ids(store)

    def changes(self, store: Store, dirty: set[str]) -> tuple[set[str], set[str]]:
        """(ids of unchanged articles' events whose resolved sides or actor names moved, unchanged articles whose
        claims must be detected again)."""
        party = claims_mod._parties(store)
        reparty = {c for c in self.party.keys() | party.keys() if self.party.get(c) != party.get(c)}
        if self.res is None:  # assigned by lookup: only what the refreshed affiliations touch
            docs = {r["doc_id"] for c in sorted(reparty)
                    for r in store.rows("SELECT DISTINCT doc_id FROM actors WHERE corpus_actor_id = ?", (c,))}
            return set(), docs - dirty
        res = self.after = _Resolver(store)
        rows = _corpus_ids(store)
        moved = {k for k, c in rows.items() if k[0] not in dirty and self.rows.get(k) != c}
        renamed = {c for c in self.res.names.keys() | res.names.keys() if self.res.names.get(c) != res.names.get(c)}
        redetect = {d for (d, a), c in rows.items()
                    if d not in dirty and ((d, a) in moved or c in renamed or c in reparty)}
        reseed: set[str] = set()
        if not moved and not renamed and res.alias == self.res.alias:
            return reseed, redetect  # the sides of unchanged articles' events resolve as before
        for r in store.rows("SELECT id, doc_id, actor, recipient, actor_ids, recipient_ids FROM events"):
            if r["doc_id"] in dirty:
                continue
            sides = [(json.loads(r[k + "_ids"] or "[]"), json.loads(r[k] or "[]")) for k in ("actor", "recipient")]
            new = [res.side(r["doc_id"], ids, names) for ids, names in sides]
            if new != [self.res.side(r["doc_id"], ids, names) for ids, names in sides] \
                    or any(c in renamed for ids, _ in new for c in ids):
                reseed.add(r["id"])
        return reseed, redetect


def _corpus_ids(store: Store) -> dict[tuple[str, str], str | None]:
    return {(r["doc_id"], r["actor_id"]): r["corpus_actor_id"]
            for r in store.rows("SELECT doc_id, actor_id, corpus_actor_id FROM actors")}


def _refresh_actor_stats(store: Store, ids: set[str]) -> None:
    for cid in sorted(ids):
        r = store.rows(
            "SELECT COUNT(DISTINCT a.doc_id) AS docs, MIN(d.published) AS lo, MAX(d.published) AS hi,"
            " (SELECT COUNT(*) FROM mentions m JOIN actors b ON b.doc_id = m.doc_id AND b.actor_id = m.actor_id"
            "  WHERE b.corpus_actor_id = ?) AS mentions"
            " FROM actors a JOIN documents d ON d.id = a.doc_id WHERE a.corpus_actor_id = ?", (cid, cid))[0]
        codes = store.rows("SELECT code, COUNT(*) AS n FROM actors WHERE corpus_actor_id = ? AND code IS NOT NULL"
                           " GROUP BY code ORDER BY n DESC, code", (cid,))
        affs = store.rows("SELECT affiliation, COUNT(*) AS n FROM actors WHERE corpus_actor_id = ? AND affiliation"
                          " IS NOT NULL GROUP BY affiliation ORDER BY n DESC, affiliation", (cid,))
        store.db.execute(
            "UPDATE corpus_actors SET num_docs = ?, num_mentions = ?, first_seen = ?, last_seen = ?, code = ?,"
            " codes = ?, affiliation = ? WHERE id = ?",
            (r["docs"], r["mentions"], r["lo"], r["hi"], codes[0]["code"] if codes else None,
             json.dumps(sorted(c["code"] for c in codes)), affs[0]["affiliation"] if affs else None, cid))


# --- event clusters -------------------------------------------------------------------------------------------

class _Resolver:
    """Maps an event's doc-level actor ids (or, failing that, names) to corpus actor ids and codes."""

    def __init__(self, store: Store):
        self.by_row: dict[tuple[str, str], tuple[str, str | None]] = {}
        self.doc_codes: dict[tuple[str, str], set[str]] = defaultdict(set)
        for r in store.rows("SELECT doc_id, actor_id, corpus_actor_id, code FROM actors"):
            cid = r["corpus_actor_id"] or r["actor_id"]
            self.by_row[(r["doc_id"], r["actor_id"])] = (cid, r["code"])
            if r["code"]:
                self.doc_codes[(r["doc_id"], cid)].add(r["code"])
        self.alias: dict[str, set[str]] = defaultdict(set)
        for r in store.rows("SELECT actor_id, norm FROM corpus_actor_aliases"):
            self.alias[r["norm"]].add(r["actor_id"])
        self.names = {r["id"]: r["name"] for r in store.rows("SELECT id, name FROM corpus_actors")}

    def side(self, doc_id: str, ids: list[str], names: list[str]) -> tuple[list[str], list[str]]:
        out = [self.by_row[(doc_id, i)][0] for i in ids if (doc_id, i) in self.by_row]
        if not out:
            for name in names:
                cands = self.alias.get(norm(strip_titles(name)), set()) or self.alias.get(norm(name), set())
                out.append(next(iter(cands)) if len(cands) == 1 else "~" + slug(strip_titles(name) or name))
        out = sorted(set(out))
        codes = sorted({c for cid in out for c in self.doc_codes.get((doc_id, cid), ())})
        return out, codes


_EVENT_SQL = (
    "SELECT e.id, e.doc_id, e.date, e.date_precision, e.event, e.mode, e.cameo, e.quad, e.goldstein, e.actor,"
    " e.recipient, e.actor_ids, e.recipient_ids, e.start, e.\"end\", e.text, e.negated, e.hypothetical, e.future,"
    " e.confidence, e.date_end, d.published, d.outlet FROM events e JOIN documents d ON d.id = e.doc_id")


def _event_rows(store: Store, res: _Resolver, where: str = "", params: tuple = ()) -> list[EventRow]:
    out = []
    for r in store.rows(_EVENT_SQL + (" WHERE " + where if where else ""), params):
        actors, acodes = res.side(r["doc_id"], json.loads(r["actor_ids"] or "[]"), json.loads(r["actor"] or "[]"))
        recips, rcodes = res.side(r["doc_id"], json.loads(r["recipient_ids"] or "[]"),
                                  json.loads(r["recipient"] or "[]"))
        out.append(EventRow(
            id=r["id"], doc_id=r["doc_id"], date=r["date"], date_precision=r["date_precision"], event=r["event"],
            cameo=r["cameo"], actors=actors, recipients=recips, start=r["start"], end=r["end"], mode=r["mode"],
            quad=r["quad"], goldstein=r["goldstein"], confidence=r["confidence"] or 0.0,
            negated=bool(r["negated"]), hypothetical=bool(r["hypothetical"]), future=bool(r["future"]),
            published=r["published"], outlet=r["outlet"], text=r["text"], actor_codes=acodes,
            recipient_codes=rcodes, date_end=r["date_end"]))
    return out


def _in(column: str, values) -> tuple[str, tuple]:
    values = tuple(sorted(values))
    return f"{column} IN ({','.join('?' * len(values))})" if values else "0", values


_CHUNK = 900  # bound variables per statement, well under SQLite's limit


def _rows_in(store: Store, sql: str, column: str, values) -> list[dict[str, Any]]:
    """``sql`` (with one ``{}`` for the condition) for ``column IN values``, in chunks."""
    values = sorted(values)
    out: list[dict[str, Any]] = []
    for i in range(0, len(values), _CHUNK):
        where, params = _in(column, values[i:i + _CHUNK])
        out += store.rows(sql.format(where), params)
    return out


def _events_in(store: Store, res: _Resolver, column: str, values) -> list[EventRow]:
    values = sorted(values)
    out: list[EventRow] = []
    for i in range(0, len(values), _CHUNK):
        out += _event_rows(store, res, *_in(column, values[i:i + _CHUNK]))
    return out


def _clusters(store: Store, dirty: set[str], full: bool, info: dict, reseed: set[str] = frozenset(),
              res: _Resolver | None = None) -> tuple[list[dict], list[dict]]:
    """Re-cluster what the changed articles can touch: their events and ``reseed`` (unchanged articles' events
    whose resolved actors moved) are the seeds; ``res``: the resolver of the current actors, when one was made.
    Returns (added, removed) cluster rows."""
    res = res or _Resolver(store)
    db = store.db
    if full:
        return _recluster_all(store, res, info)
    dissolved = {r["cluster_id"] for r in _rows_in(
        store, "SELECT DISTINCT cluster_id FROM event_cluster_members WHERE {}", "doc_id", dirty)}
    dissolved |= {r["cluster_id"] for r in _rows_in(
        store, "SELECT DISTINCT cluster_id FROM event_cluster_members WHERE {}", "event_id", reseed)}
    seeds = _events_in(store, res, "e.doc_id", dirty) + _events_in(store, res, "e.id", reseed)
    left = {r["event_id"] for r in _rows_in(
        store, "SELECT event_id FROM event_cluster_members WHERE {}", "cluster_id", dissolved)}
    window = _window(store, res, seeds + _events_in(store, res, "e.id", left))
    touched = dissolved | {r["cluster_id"] for r in _rows_in(
        store, "SELECT DISTINCT cluster_id FROM event_cluster_members WHERE {}", "event_id", {e.id for e in window})}
    left |= {r["event_id"] for r in _rows_in(
        store, "SELECT event_id FROM event_cluster_members WHERE {}", "cluster_id", touched)}
    left |= {e.id for e in window}
    by_id = {e.id: e for e in _events_in(store, res, "e.id", left) if e.doc_id not in dirty}
    by_id.update({e.id: e for e in seeds})
    subset = list(by_id.values())
    removed = _rows_in(store, "SELECT * FROM event_clusters WHERE {}", "id", touched)
    groups = cluster_events(subset)
    texts = _Texts(store)
    rows = [_cluster_row(texts, g, res.names) for g in groups]
    old = {r["id"]: r for r in removed}
    new = {r["id"]: r for r in rows}
    same = {cid for cid in old.keys() & new.keys() if _same_cluster(old[cid], new[cid])}
    gone = sorted(set(old) - same)
    db.executemany("DELETE FROM event_clusters WHERE id = ?", [(c,) for c in gone])
    db.executemany("DELETE FROM event_cluster_members WHERE cluster_id = ?", [(c,) for c in gone])
    db.executemany("DELETE FROM event_cluster_members WHERE doc_id = ?", [(d,) for d in sorted(dirty)])
    for g, r in zip(groups, rows, strict=True):
        _write_cluster(db, g, r, row=r["id"] not in same)
    info["clusters_rewritten"] = len(new) - len(same)
    info["clusters_examined"] = len(new)
    return [new[c] for c in sorted(set(new) - same)], [old[c] for c in gone]


def _recluster_all(store: Store, res: _Resolver, info: dict) -> tuple[list[dict], list[dict]]:
    """Every cluster from scratch, one event family at a time: clusters never span families (``cluster_events``
    links only events of one family), so the result is the whole-corpus clustering while only one family's
    events and clusters are in memory (issue 15: all events and all old and new cluster rows at once were
    hundreds of MB on a large store). Returns no (added, removed) lists: after a full pass the trend is
    recomputed whole."""
    db = store.db
    db.execute("DELETE FROM event_clusters")
    db.execute("DELETE FROM event_cluster_members")
    n, texts = 0, _Texts(store)
    for chunks in _family_chunks(store):
        for g in cluster_events([e for where, params in chunks for e in _event_rows(store, res, where, params)]):
            r = _cluster_row(texts, g, res.names)
            _write_cluster(db, g, r)
            n += 1
    info["clusters_rewritten"] = info["clusters_examined"] = n
    return [], []


def _family_chunks(store: Store):
    """For each event family (``merge.family``, computed here in Python from each distinct (event, cameo) pair,
    so the grouping cannot drift from what ``cluster_events`` compares), the (where, params) conditions that
    together select its events; the events of no family come last."""
    by_family: dict[str | None, list[tuple[str | None, str | None]]] = defaultdict(list)
    for r in store.rows("SELECT DISTINCT event, cameo FROM events"):
        by_family[family(r["event"], r["cameo"])].append((r["event"], r["cameo"]))
    for fam in sorted(by_family, key=lambda f: (f is None, f or "")):
        pairs = sorted(by_family[fam], key=repr)
        step = _CHUNK // 2
        yield [("(" + " OR ".join(["(e.event IS ? AND e.cameo IS ?)"] * len(part)) + ")",
                tuple(v for pair in part for v in pair)) for part in (pairs[i:i + step]
                                                                     for i in range(0, len(pairs), step))]


def _write_cluster(db, members: list[EventRow], r: dict[str, Any], row: bool = True) -> None:
    db.executemany("INSERT OR REPLACE INTO event_cluster_members VALUES (?,?,?,?,?,?,?,?)",
                   [(e.id, r["id"], e.doc_id, e.start, e.end, e.text, e.published, e.outlet) for e in members])
    if row:
        db.execute(f"INSERT OR REPLACE INTO event_clusters VALUES ({','.join('?' * len(_CLUSTER_COLS))})",
                   tuple(json.dumps(r[k]) if isinstance(r[k], list) else r[k] for k in _CLUSTER_COLS))


def _window(store: Store, res: _Resolver, seeds: list[EventRow]) -> list[EventRow]:
    """Stored events that could be the same happening as one of ``seeds``: same family, and a date whose
    interval can overlap a seed's (day dates inside the seeds' merged date ranges, or month/year/decade dates
    covering them)."""
    slack = timedelta(days=int(config().get("day_slack", 0)))
    spans = sorted((sp[0] - slack, sp[1] + slack) for e in seeds if e.family
                   for sp in [date_interval(e.date, e.date_precision, e.date_end)] if sp)
    if not spans:
        return []
    merged: list[list[date]] = []
    for lo, hi in spans:
        if merged and lo <= merged[-1][1] + timedelta(days=1):
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    coarse: set[str] = set()
    clauses, params = [], []
    for lo, hi in merged:
        clauses.append("(e.date >= ? AND e.date <= ?)")
        params += [lo.isoformat(), hi.isoformat() + "~"]
        y, m = lo.year, lo.month
        while (y, m) <= (hi.year, hi.month):
            coarse.add(f"{y:04d}-{m:02d}")
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        for y in range(lo.year, hi.year + 1):
            coarse |= {f"{y:04d}", f"{y - y % 10:04d}"}
    wc, pc = _in("e.date", coarse)
    families = {e.family for e in seeds if e.family}
    rows = _event_rows(store, res, f"({' OR '.join(clauses)} OR {wc})", tuple(params) + pc)
    return [e for e in rows if e.family in families]


_CLUSTER_COLS = ["id", "family", "event", "mode", "cameo", "quad", "goldstein", "plover_score", "date",
                 "date_precision", "date_lo", "date_hi", "symmetric", "modality", "actor_ids", "recipient_ids",
                 "actor", "recipient", "actor_codes", "recipient_codes", "num_sources", "num_articles",
                 "num_events", "sources", "doc_ids", "earliest_report", "latest_report", "sentence", "doc_id",
                 "start", "end"]


def _same_cluster(old: dict, new: dict) -> bool:
    return all((json.dumps(new[k]) if isinstance(new[k], list) else new[k]) == old.get(k) for k in _CLUSTER_COLS)


def _cluster_row(texts: _Texts, members: list[EventRow], names: dict[str, str]) -> dict[str, Any]:
    row = summarise_cluster(members, names)
    rep = representative(members)
    doc = texts.get(rep.doc_id)
    sent = doc.sentence_at(rep.start) if doc else None
    s, e = (sent[0], max(sent[1], rep.end)) if sent else (rep.start, rep.end)
    row.update(sentence=doc.text[s:e] if doc else rep.text, doc_id=rep.doc_id, start=s, end=e)
    return row


class _DocText:
    """One stored article's cleaned text and sentence spans, for the representative sentence of its clusters."""

    def __init__(self, text: str, spans: list[tuple[int, int]]):
        self.text = text
        self.starts = [a for a, _ in spans]
        self.ends = [b for _, b in spans]
        self.reach = list(accumulate(self.ends, max))

    def sentence_at(self, pos: int) -> tuple[int, int] | None:
        """The latest-starting sentence holding ``pos`` (start <= pos < end), as the SQL lookup it replaces."""
        i = bisect_right(self.starts, pos) - 1
        while i >= 0 and self.reach[i] > pos:
            if self.ends[i] > pos:
                return self.starts[i], self.ends[i]
            i -= 1
        return None


class _Texts:
    """Articles' texts and sentence spans, each read once for all its clusters (issue 15: a ``substr`` per cluster
    read the whole text of the article every time, gigabytes for a 1 MB page with thousands of events); only the
    last few read are kept."""

    def __init__(self, store: Store, keep: int = 16):
        self.store, self.keep = store, keep
        self.docs: OrderedDict[str, _DocText | None] = OrderedDict()

    def get(self, doc_id: str) -> _DocText | None:
        if doc_id in self.docs:
            self.docs.move_to_end(doc_id)
            return self.docs[doc_id]
        text = self.store.rows("SELECT text FROM documents WHERE id = ?", (doc_id,))
        spans = [(r["start"], r["end"]) for r in self.store.rows(
            'SELECT start, "end" FROM sentences WHERE doc_id = ? ORDER BY start, idx', (doc_id,))]
        doc = self.docs[doc_id] = _DocText(text[0]["text"], spans) if text else None
        if len(self.docs) > self.keep:
            self.docs.popitem(last=False)
        return doc


# --- claims, timeline ------------------------------------------------------------------------------------------

def _claims(store: Store, docs: set[str], dirty: set[str], info: dict) -> None:
    corpus_ids = {(r["doc_id"], r["actor_id"]): r["corpus_actor_id"] or r["actor_id"]
                  for r in store.rows("SELECT doc_id, actor_id, corpus_actor_id FROM actors")}
    names = {r["id"]: r["name"] for r in store.rows("SELECT id, name FROM corpus_actors")}
    scanned = [0]

    def loaded():  # one Document at a time: a full pass never holds every decoded record (issue 15)
        for i in sorted(docs):
            d = store.document(i)
            if d is not None:
                scanned[0] += 1
                yield d

    claims_mod.store_claims(store, loaded(), corpus_ids, names, dirty | docs)
    info["claims_docs_scanned"] = scanned[0]


def _timeline(store: Store, ctx: Context, state: dict[str, str], full: bool, info: dict) -> None:
    rows = store.rows("SELECT id, published, content_hash FROM documents WHERE published IS NOT NULL ORDER BY id")
    opts = {k: ctx.option(f"timeline_{k}") for k in ("dates", "sentences", "query")}
    finger = hashlib.sha1(json.dumps([rows, opts], sort_keys=True).encode()).hexdigest()
    if not full and state.get("timeline") == finger:
        info["timeline"] = "unchanged"
        return
    from parley.corpus.doc_timeline import timeline_from_documents

    texts: dict[str, str] = {}

    def dated():  # streamed: only the texts stay, for locating the summary sentences (issue 15)
        for d in store.documents():
            if d.published and d.text:
                texts[d.id] = d.text
                d.sentences = [tuple(s) for s in d.sentences or ()]  # the tuples the method makes of them, once
                yield d

    entries = timeline_from_documents(dated(), **opts) if rows else []
    db = store.db
    db.execute("DELETE FROM timeline")
    n = 0
    for date_rank, entry in enumerate(entries):
        evidence = entry.get("evidence") or []
        for rank, sentence in enumerate(entry.get("sentences", [])):
            doc_id, s, e = _locate(texts, sentence, evidence[rank] if rank < len(evidence) else None,
                                   entry.get("sources", []))
            key = f"{entry['date']}:{doc_id}:{s}-{e}" if doc_id else f"{entry['date']}:{rank}"
            db.execute("INSERT OR REPLACE INTO timeline (id, date, date_rank, rank, sentence, doc_id, start, \"end\","
                       " sources, precision) VALUES (?,?,?,?,?,?,?,?,?,?)",
                       (key, entry["date"], date_rank, rank, sentence, doc_id, s, e,
                        json.dumps(entry.get("sources", [])), entry.get("precision") or "day"))
            n += 1
    db.execute("INSERT OR REPLACE INTO corpus_state VALUES ('timeline', ?)", (finger,))
    info["timeline"] = f"rebuilt ({n} sentences)"


def _locate(texts: dict[str, str], sentence: str, evidence, sources: list[str]):
    """(doc_id, start, end) of a timeline sentence in a cleaned text: the given evidence when it slices to the
    sentence, else the first source article containing it."""
    if evidence and len(evidence) == 3:
        doc_id, s, e = evidence
        t = texts.get(doc_id)
        if t is not None and t[s:e].strip() == sentence.strip():
            return doc_id, s, e
    for doc_id in [*sources, *texts]:
        t = texts.get(doc_id)
        if t is not None:
            i = t.find(sentence.strip())
            if i >= 0:
                return doc_id, i, i + len(sentence.strip())
    return None, None, None
