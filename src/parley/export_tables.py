"""The happenings table of an export: one row per happening (an ``event_clusters`` row: the same event reported
by several articles), for the events CSV and ``happenings.parquet``.

Why a table of its own: a mention-level table counts the same dissolution once per article that reports it,
so counts, sums and trends built on it weigh a story by its coverage. One row per cluster is what the field's
event datasets (ICEWS, GDELT, POLECAT) count; the mention-level table stays beside it (``mentions.csv``,
``events.parquet``) with each mention's character span as evidence.

Design choices:
- Every score is labelled with the convention it follows, because they do not agree: ``CAMEO Code``,
  ``CAMEO Event Text``, ``Goldstein (CAMEO)`` and ``QuadClass (CAMEO)`` (the CAMEO root's quad, as GDELT's
  QuadClass) follow CAMEO; ``PLOVER Event``/``Mode``/``Context``, ``Quad (PLOVER)`` and ``Intensity (PLOVER)``
  follow PLOVER. A call for talks (CAMEO 026, Goldstein +4.0) is CAMEO quad 1 whatever PLOVER type it got.
- One actor per column (GDELT's Actor1/Actor2): the first actor and the first recipient each get Name, ID,
  Code, Type and Country columns; further actors go to ``Actor1 Others`` / ``Actor2 Others`` (names; a list
  column in Parquet, "; "-joined in CSV). Code, type and country come from the merged corpus actor; a code's
  first three letters are a country only when they are an ISO 3166 alpha-3 code ("GOV" is a role, not a state).
- Dates: ``Event Date`` at its precision (``export.iso_at_precision``), ``Date First``/``Date Last`` the days it
  can mean (typed dates in Parquet), ``First Seen``/``Last Seen`` the first and last publication day of the
  articles reporting it.
- A happening's place is that of its first located mention (the places stage keeps locations in the stored
  Document record).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from importlib import resources
from typing import Any

from parley.store import Store

HAPPENING_COLUMNS = [
    "Happening ID", "Event Date", "Date Precision", "Date First", "Date Last", "Modality", "Kind",
    "PLOVER Event", "PLOVER Mode", "PLOVER Context", "Quad (PLOVER)", "Intensity (PLOVER)",
    "CAMEO Code", "CAMEO Event Text", "Goldstein (CAMEO)", "QuadClass (CAMEO)",
    "Actor1 Name", "Actor1 ID", "Actor1 Code", "Actor1 Type", "Actor1 Country", "Actor1 Others",
    "Actor2 Name", "Actor2 ID", "Actor2 Code", "Actor2 Type", "Actor2 Country", "Actor2 Others",
    "NumArticles", "NumSources", "NumMentions", "First Seen", "Last Seen", "Sources", "Evidence Article IDs",
    "Mention IDs", "Evidence Doc ID", "Evidence Start", "Evidence End", "Evidence Text",
    "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
]
LIST_COLUMNS = {"PLOVER Context", "Actor1 Others", "Actor2 Others", "Sources", "Evidence Article IDs", "Mention IDs"}
INT_COLUMNS = {"Quad (PLOVER)", "QuadClass (CAMEO)", "NumArticles", "NumSources", "NumMentions", "Evidence Start",
               "Evidence End"}
FLOAT_COLUMNS = {"Intensity (PLOVER)", "Goldstein (CAMEO)", "ActionGeo_Lat", "ActionGeo_Long"}
DATE_COLUMNS = {"Date First", "Date Last", "First Seen", "Last Seen"}


def cameo_table() -> dict[str, dict[str, Any]]:
    """CAMEO code -> {name, goldstein, quad} from the packaged ontology table (empty when it is absent)."""
    out: dict[str, dict[str, Any]] = {}
    try:
        lines = resources.files("parley").joinpath("data", "ontology", "cameo_codes.tsv").read_text(
            encoding="utf-8").splitlines()
    except (FileNotFoundError, OSError):
        return out
    for line in lines:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 4 or cols[0] == "code":
            continue
        try:
            out[cols[0]] = {"name": cols[1], "goldstein": float(cols[2]) if cols[2] else None,
                            "quad": int(cols[3]) if cols[3] else None}
        except ValueError:
            continue
    return out


def cameo_quad(code: str | None, table: dict[str, dict[str, Any]]) -> int | None:
    """The CAMEO quad class of a code (its own row, else its two-digit root's)."""
    if not code:
        return None
    row = table.get(code) or table.get(code[:2]) or {}
    return row.get("quad")


def country_codes() -> set[str]:
    """ISO 3166 alpha-3 codes of the packaged gazetteer (CAMEO's country codes)."""
    try:
        lines = resources.files("parley").joinpath("data", "actors", "countries.tsv").read_text(
            encoding="utf-8").splitlines()
    except (FileNotFoundError, OSError):
        return set()
    return {line.split("\t")[0] for line in lines
            if not line.startswith("#") and len(line.split("\t")[0]) == 3 and line.split("\t")[0].isupper()}


def json_list(value: Any) -> list:
    """A stored JSON list column as a list (a bare value as a one-item list, empty as [])."""
    if not value:
        return []
    try:
        out = json.loads(value) if isinstance(value, str) else value
    except ValueError:
        return [value]
    return out if isinstance(out, list) else [out]


def happenings(store: Store) -> Iterator[dict[str, Any]]:
    """One dict per happening, keyed by ``HAPPENING_COLUMNS`` (lists stay lists, missing values None), in date
    order. Empty when the corpus step has not run (no ``event_clusters``)."""
    from parley.export_fields import date_bounds, iso_at_precision

    if not store.has_table("event_clusters"):
        return
    cameo = cameo_table()
    countries = country_codes()
    actors = {r["id"]: r for r in store.rows("SELECT id, name, type, code FROM corpus_actors")} \
        if store.has_table("corpus_actors") else {}
    cursor = store.db.execute("SELECT * FROM event_clusters ORDER BY date IS NULL, date, id")
    while True:
        batch = cursor.fetchmany(500)
        if not batch:
            break
        members = _members(store, [r["id"] for r in batch])
        for row in batch:
            c = dict(row)
            mem = members.get(c["id"], [])
            precision = c.get("date_precision")
            day = iso_at_precision(c.get("date"), precision) if c.get("date") else None
            first, last = c.get("date_lo"), c.get("date_hi")
            if day and not first:
                first, last = date_bounds(day)
            code = c.get("cameo") or None
            kinds = [m["kind"] for m in mem if m.get("kind")]
            kind = "event" if c.get("event") else "statement" if (code or "")[:2] in ("01", "02") \
                else kinds[0] if kinds else "untyped"  # e.g. "election": a dated election the text mentions
            out: dict[str, Any] = {
                "Happening ID": c["id"], "Event Date": day, "Date Precision": precision if day else None,
                "Date First": first, "Date Last": last, "Modality": c.get("modality"), "Kind": kind,
                "PLOVER Event": c.get("event"), "PLOVER Mode": c.get("mode"),
                "PLOVER Context": sorted({x for m in mem for x in json_list(m["context"])}),
                "Quad (PLOVER)": c.get("quad") if c.get("event") else None,
                "Intensity (PLOVER)": c.get("plover_score"),
                "CAMEO Code": code, "CAMEO Event Text": (cameo.get(code or "") or {}).get("name"),
                "Goldstein (CAMEO)": c.get("goldstein"), "QuadClass (CAMEO)": cameo_quad(code, cameo),
                "NumArticles": c.get("num_articles"), "NumSources": c.get("num_sources"),
                "NumMentions": c.get("num_events"),
                "First Seen": (c.get("earliest_report") or "")[:10] or None,
                "Last Seen": (c.get("latest_report") or "")[:10] or None,
                "Sources": json_list(c.get("sources")), "Evidence Article IDs": json_list(c.get("doc_ids")),
                "Mention IDs": [m["id"] for m in mem], "Evidence Doc ID": c.get("doc_id"),
                "Evidence Start": c.get("start"), "Evidence End": c.get("end"), "Evidence Text": c.get("sentence"),
            }
            for n, side in ((1, "actor"), (2, "recipient")):
                out.update(_side(n, json_list(c.get(f"{side}_ids")), json_list(c.get(side)), actors, countries))
            out.update(_place(store, mem))
            yield out


def _members(store: Store, cluster_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """Cluster id -> its member events (id, doc_id, context), in article order."""
    marks = ",".join("?" * len(cluster_ids))
    out: dict[str, list[dict[str, Any]]] = {}
    for r in store.rows(f"SELECT m.cluster_id, e.id, e.doc_id, e.context, e.kind FROM event_cluster_members m"
                        f" JOIN events e ON e.id = m.event_id WHERE m.cluster_id IN ({marks})"
                        " ORDER BY m.published, e.doc_id, e.start", cluster_ids):
        out.setdefault(r["cluster_id"], []).append(r)
    return out


def _side(n: int, ids: list[str], names: list[str], actors: dict[str, dict], countries: set[str]) -> dict[str, Any]:
    """Actor{n} columns: the side's first actor in its own columns, the others' names in a list."""
    key = f"Actor{n}"
    first = ids[0] if ids else None
    a = actors.get(first) or {}
    code = a.get("code") or None
    name = names[0] if names else a.get("name")
    return {f"{key} Name": name, f"{key} ID": first, f"{key} Code": code, f"{key} Type": a.get("type"),
            f"{key} Country": code[:3] if code and code[:3] in countries else None,
            f"{key} Others": [names[i] if i < len(names) else (actors.get(ids[i]) or {}).get("name") or ids[i]
                              for i in range(1, max(len(ids), len(names)))]}


def _place(store: Store, members: list[dict[str, Any]]) -> dict[str, Any]:
    from parley.export_fields import action_geo, locations

    by_doc: dict[str, dict] = {}
    for m in members:
        if m["doc_id"] not in by_doc:
            row = store.db.execute("SELECT record FROM documents WHERE id = ?", (m["doc_id"],)).fetchone()
            by_doc[m["doc_id"]] = locations(row[0] if row else None)
        loc = by_doc[m["doc_id"]].get(m["id"])
        if loc:
            geo = action_geo(loc)
            return {k: geo[k] for k in ("ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat",
                                        "ActionGeo_Long", "ActionGeo_FeatureID")}
    return dict.fromkeys(("ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_Lat", "ActionGeo_Long",
                          "ActionGeo_FeatureID"))


def csv_value(column: str, value: Any) -> Any:
    """A happening's cell for CSV: lists "; "-joined, None empty."""
    if column in LIST_COLUMNS:
        return "; ".join(str(v) for v in value or [])
    return "" if value is None else value


def arrow_schema():
    """Typed columns for ``happenings.parquet``: dates as date32, counts int64, scores float64, lists of strings."""
    import pyarrow as pa

    def typ(c: str):
        if c in LIST_COLUMNS:
            return pa.list_(pa.string())
        if c in INT_COLUMNS:
            return pa.int64()
        if c in FLOAT_COLUMNS:
            return pa.float64()
        if c in DATE_COLUMNS:
            return pa.date32()
        return pa.string()

    return pa.schema([pa.field(c, typ(c)) for c in HAPPENING_COLUMNS])


def arrow_row(row: dict[str, Any]) -> dict[str, Any]:
    """A happening with its date strings as ``datetime.date`` (None when unreadable) and ids as strings."""
    from datetime import date

    out = dict(row)
    for c in DATE_COLUMNS:
        try:
            out[c] = date.fromisoformat(out[c]) if out.get(c) else None
        except ValueError:
            out[c] = None
    if out.get("ActionGeo_FeatureID") is not None:
        out["ActionGeo_FeatureID"] = str(out["ActionGeo_FeatureID"])
    for c in INT_COLUMNS:
        if out.get(c) is not None:
            out[c] = int(out[c])
    for c in FLOAT_COLUMNS:
        if out.get(c) is not None:
            out[c] = float(out[c])
    return out
