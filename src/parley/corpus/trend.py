"""Dyad trends: month by month (or week by week), how much cooperation and conflict passes between two actors or groups.

Design choices:
- A point counts *happenings* (event clusters), not article mentions, so a meeting reported by five outlets
  counts once; every point lists the clusters and the event mentions behind it (``cluster_ids``,
  ``event_ids``). Only asserted happenings count (negated, hypothetical and future events are left out), and
  only those dated to a day or a month (a year-precision date cannot be placed in a month).
- The dyad is undirected by default: ``n`` counts happenings between A and B either way and splits exactly into
  ``a_to_b``, ``b_to_a`` and ``mutual`` (symmetric types such as CONSULT, where both act); the directed view
  (``directed``) keeps A's acts on B: ``a_to_b`` + ``mutual``.
- A side names actors by corpus actor id, name or alias ("Hun Sen", "Prime Minister Hun Sen", "cnrp"), by a
  CAMEO code prefix ("KHMGOV") or role block ("GOV", "OPP": any 3-letter block after the country code), or by a
  group word from data/corpus/corpus.yaml ("government" = GOV/MIL/JUD/SPY/COP blocks, "opposition" = OPP).
  Codes are matched against the codes the reporting articles gave the actors at that time, so a role held in
  2013 does not colour events of 2021.
- An agentless state act ("Kem Sokha was arrested", "the party was banned": the CAMEO codes listed as
  ``state_only_cameo`` in corpus.yaml) counts as an act of the government of the recipient's country; the row's
  ``implied`` says how many of its happenings had their actor supplied this way. A refusal ("will not
  negotiate") is asserted, not negated (``merge.modality``).
- ``dyad_report`` (``parley trend``) counts more than the stored table: a happening dated only by its article's
  publication happened by then, so it counts at that day and is marked (``published_only``); the report says
  how many it counted per date basis and how many it left out and why, and an unknown side is an error.
- ``dyad_report`` buckets by month or by ISO week ("2013-W36"); a happening known only to its month cannot be
  put in a week, so by week it is left out as "coarser than a week" rather than guessed into one.
- ``sum_goldstein`` totals and ``mean_goldstein`` averages the clusters' Goldstein scores (a sum weighs how much
  happened, a mean how sharp it was); ``share1..share4`` are each quad class's share of the period's happenings;
  ``mean_plover_score`` averages the PLOVER 2024 manual's event-type (or event-mode) score.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from parley.corpus.merge import config, norm, strip_titles

GROUP_PREFIX = "group:"


@dataclass
class Side:
    """Which actors one side of a dyad stands for."""

    label: str
    ids: set[str] = field(default_factory=set)
    roles: set[str] = field(default_factory=set)
    prefixes: set[str] = field(default_factory=set)

    def __bool__(self) -> bool:
        return bool(self.ids or self.roles or self.prefixes)

    def matches(self, ids: Iterable[str], codes: Iterable[str]) -> bool:
        if self.ids & set(ids):
            return True
        for code in codes:
            if not code:
                continue
            if any(code.startswith(p) for p in self.prefixes):
                return True
            blocks = {code[i:i + 3] for i in range(0, len(code), 3)}
            if self.roles & blocks:
                return True
        return False


def resolve_side(store, text: str) -> Side:
    """Turn a user's name for one side (actor, alias, code, group word) into a matcher. See module docstring."""
    text = (text or "").strip()
    low = text.lower()
    groups = {k.lower(): v for k, v in config()["groups"].items()}
    if low.startswith(GROUP_PREFIX):
        low = low[len(GROUP_PREFIX):]
    if low in groups:
        return Side(GROUP_PREFIX + low, roles=set(groups[low]))
    side = Side(text)
    if store.has_table("corpus_actors"):
        side.ids |= {r["id"] for r in store.rows("SELECT id FROM corpus_actors WHERE id = ? OR lower(name) = ?",
                                                  (low, low))}
        key = norm(strip_titles(text))
        side.ids |= {r["actor_id"] for r in store.rows("SELECT actor_id FROM corpus_actor_aliases WHERE norm IN (?, ?)",
                                                        (key, norm(text)))}
    if text.isalpha() and text.isupper() and len(text) >= 3:
        side.prefixes.add(text)
        if len(text) == 3:
            side.roles.add(text)
    return side


def _decoded(store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``rows`` of event_clusters with their actor lists decoded, their member event ids, and an agentless state
    act ("X was arrested", the CAMEO codes ``state_only_cameo`` of corpus.yaml) given the state of the
    recipient's country as its actor (``implied``)."""
    state_only = tuple(config().get("state_only_cameo", ()))
    members: dict[str, list[str]] = {}
    for m in store.rows("SELECT cluster_id, event_id FROM event_cluster_members ORDER BY event_id"):
        members.setdefault(m["cluster_id"], []).append(m["event_id"])
    for r in rows:
        for k in ("actor_ids", "recipient_ids", "actor_codes", "recipient_codes"):
            r[k] = json.loads(r[k] or "[]")
        r["implied"] = False
        if not r["actor_ids"] and not r["symmetric"] and state_only and (r["cameo"] or "").startswith(state_only):
            states = sorted({c[:3] + "GOV" for c in r["recipient_codes"] if c[:3].isalpha() and c[:3].isupper()})
            if states:
                r["actor_codes"], r["implied"] = states, True
        r["event_ids"] = members.get(r["id"], [])
    return rows


def _clusters(store, include_statements: bool = False) -> list[dict[str, Any]]:
    """Asserted, dated happenings; CAMEO 01/02 statements (no PLOVER type) only when ``include_statements``
    (issue 16: a bare "X said …" is not a PLOVER event, and its CAMEO quad 1 would count as verbal cooperation)."""
    rows = store.rows(
        "SELECT id, date, date_precision, quad, goldstein, plover_score, symmetric, actor_ids, recipient_ids,"
        " actor_codes, recipient_codes, cameo FROM event_clusters WHERE modality = 'asserted' AND date IS NOT NULL"
        " AND date_precision IN ('day', 'week', 'month')"
        + ("" if include_statements else " AND event IS NOT NULL") + " ORDER BY date, id")
    return _decoded(store, rows)


def _direction(c: dict[str, Any], a: Side, b: Side) -> str | None:
    """"ab", "ba", "sym" or None: whether (and how) cluster ``c`` is a happening between sides a and b."""
    if c["symmetric"]:
        ids, codes = c["actor_ids"], c["actor_codes"]
        if len(ids) < 2:
            return None
        hit_a, hit_b = set(ids) & a.ids, set(ids) & b.ids
        if not (hit_a or a.matches([], codes)) or not (hit_b or b.matches([], codes)):
            return None
        if hit_a and hit_a == hit_b and len(hit_a) == 1:
            return None
        return "sym"
    if a.matches(c["actor_ids"], c["actor_codes"]) and b.matches(c["recipient_ids"], c["recipient_codes"]):
        return "ab"
    if b.matches(c["actor_ids"], c["actor_codes"]) and a.matches(c["recipient_ids"], c["recipient_codes"]):
        return "ba"
    return None


def bucket(day: str, by: str = "month") -> str:
    """The period label a date falls in: "2013-09" by month, the ISO week "2013-W36" by week (ISO 8601 weeks start
    on Monday and belong to the year of their Thursday, so 2012-12-31 is 2013-W01)."""
    if by == "week":
        if len(day) >= 8 and day[5] == "W":  # already a week ("2013-W36")
            return day[:8]
        y, w, _ = date.fromisoformat(day[:10]).isocalendar()
        return f"{y}-W{w:02d}"
    return day[:7]


def series(clusters: list[dict[str, Any]], a: Side | None, b: Side | None, by: str = "month",
           directed: bool = False) -> list[dict[str, Any]]:
    """Rows per month (or ISO week, ``by="week"``; the row's period is under the key ``by``) for the dyad (a, b)
    over the given clusters; with no dyad (``None, None``) every cluster counts and the direction columns stay 0.
    Undirected (default), ``n`` = ``a_to_b`` + ``b_to_a`` + ``mutual`` (symmetric types such as CONSULT, where
    both sides act); ``directed`` keeps A's acts on B only (``a_to_b`` + ``mutual``: a meeting is an act of
    both). Each row has quad counts and shares (``share1..share4`` = quadN / n) and the sum and mean Goldstein."""
    periods: dict[str, dict[str, Any]] = {}
    for c in clusters:
        how = _direction(c, a, b) if a is not None and b is not None else "any"
        if how is None or (directed and how == "ba"):
            continue
        key = bucket(c["date"], by)
        row = periods.setdefault(key, {by: key, "quad1": 0, "quad2": 0, "quad3": 0, "quad4": 0, "n": 0,
                                       "a_to_b": 0, "b_to_a": 0, "mutual": 0, "implied": 0, "_g": [], "_p": [],
                                       "event_ids": [], "cluster_ids": []})
        row["n"] += 1
        row["implied"] += int(bool(c.get("implied")))
        if c["quad"] in (1, 2, 3, 4):
            row[f"quad{c['quad']}"] += 1
        if how == "ab":
            row["a_to_b"] += 1
        elif how == "ba":
            row["b_to_a"] += 1
        elif how == "sym":
            row["mutual"] += 1
        if c["goldstein"] is not None:
            row["_g"].append(c["goldstein"])
        if c["plover_score"] is not None:
            row["_p"].append(c["plover_score"])
        row["cluster_ids"].append(c["id"])
        row["event_ids"].extend(c["event_ids"])
    out = []
    for key in sorted(periods):
        row = periods[key]
        g, p = row.pop("_g"), row.pop("_p")
        for q in (1, 2, 3, 4):
            row[f"share{q}"] = round(row[f"quad{q}"] / row["n"], 3)
        row["sum_goldstein"] = round(sum(g), 3) if g else None
        row["mean_goldstein"] = round(sum(g) / len(g), 3) if g else None
        row["mean_plover_score"] = round(sum(p) / len(p), 3) if p else None
        out.append(row)
    return out


def dyad_trend(store, a: str, b: str, include_statements: bool = False) -> list[dict[str, Any]]:
    """Monthly series between ``a`` and ``b`` (names, aliases, codes or group words), computed from the
    event clusters: ``{month, quad1..quad4, n, a_to_b, b_to_a, mean_goldstein, mean_plover_score, event_ids,
    cluster_ids}``."""
    if not store.has_table("event_clusters"):
        return []
    side_a, side_b = resolve_side(store, a), resolve_side(store, b)
    if not side_a or not side_b:
        return []
    return series(_clusters(store, include_statements), side_a, side_b)


COLUMNS = ["month", "n", "quad1", "quad2", "quad3", "quad4", "a_to_b", "b_to_a", "implied", "mean_goldstein",
           "mean_plover_score", "cluster_ids", "event_ids"]


def trend_csv(rows: list[dict[str, Any]], columns: list[str] = COLUMNS) -> str:
    """CSV of a trend series; the cluster and event ids behind each point are space-separated."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(columns)
    for r in rows:
        w.writerow(["" if r.get(c) is None else " ".join(r[c]) if isinstance(r.get(c), list) else r[c]
                    for c in columns])
    return buf.getvalue()


# --- the stored trend table -------------------------------------------------------------------------------

def cluster_pairs(c: dict[str, Any]) -> set[tuple[str, str]]:
    """Unordered actor pairs a cluster row speaks about (ids only; groups are handled separately)."""
    actors = c["actor_ids"] if isinstance(c["actor_ids"], list) else json.loads(c["actor_ids"] or "[]")
    recips = c["recipient_ids"] if isinstance(c["recipient_ids"], list) else json.loads(c["recipient_ids"] or "[]")
    if c["symmetric"]:
        return {(x, y) for x in actors for y in actors if x < y}
    return {tuple(sorted((x, y))) for x in actors for y in recips if x != y}


def store_trend(store, pairs: set[tuple[str, str]] | None = None, months: set[str] | None = None,
                include_statements: bool = False) -> int:
    """(Re)write trend rows for the given actor pairs (all pairs when None) and the group pairs (keyed
    ``group:<word>``) - for the given months only when ``months`` is set. Returns the number of rows written."""
    clusters = _clusters(store, include_statements)
    db = store.db
    if pairs is None:
        db.execute("DELETE FROM trend")
        pairs = set()
        for c in clusters:
            pairs |= cluster_pairs(c)
        months = None
    else:
        db.executemany("DELETE FROM trend WHERE a = ? AND b = ?", sorted(pairs))
        if months is None:
            db.execute("DELETE FROM trend WHERE a LIKE 'group:%'")
        else:
            db.executemany("DELETE FROM trend WHERE a LIKE 'group:%' AND month = ?", [(m,) for m in sorted(months)])
    by_actor: dict[str, list[dict[str, Any]]] = {}
    for c in clusters:
        for x in set(c["actor_ids"]) | set(c["recipient_ids"]):
            by_actor.setdefault(x, []).append(c)
    jobs: list[tuple[Side, Side, list[dict[str, Any]]]] = []
    for x, y in sorted(pairs):
        subset = [c for c in by_actor.get(x, []) if y in set(c["actor_ids"]) | set(c["recipient_ids"])]
        jobs.append((Side(x, ids={x}), Side(y, ids={y}), subset))
    groups = [Side(GROUP_PREFIX + g, roles=set(r)) for g, r in sorted(config()["groups"].items())]
    in_group: dict[str, list[dict[str, Any]]] = {g.label: [] for g in groups}
    for c in clusters:
        if months is not None and c["date"][:7] not in months:
            continue
        codes = c["actor_codes"] + c["recipient_codes"]
        for g in groups:
            if g.matches([], codes):
                in_group[g.label].append(c)
    for i, ga in enumerate(groups):
        ids_a = {c["id"] for c in in_group[ga.label]}
        for gb in groups[i + 1:]:
            subset = [c for c in in_group[gb.label] if c["id"] in ids_a]
            if subset:
                jobs.append((ga, gb, subset))
    written = 0
    for a, b, subset in jobs:
        for r in series(subset, a, b):
            db.execute(
                "INSERT OR REPLACE INTO trend (a, b, month, quad1, quad2, quad3, quad4, n, mean_goldstein,"
                " mean_plover_score, a_to_b, b_to_a, event_ids, cluster_ids, implied)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (a.label, b.label, r["month"], r["quad1"], r["quad2"], r["quad3"], r["quad4"], r["n"],
                 r["mean_goldstein"], r["mean_plover_score"], r["a_to_b"], r["b_to_a"],
                 json.dumps(r["event_ids"]), json.dumps(r["cluster_ids"]), r["implied"]),
            )
            written += 1
    return written


# --- the trend report: every happening counted with its date basis, the rest accounted for ----------------

COUNTED_BASES = ("day", "week", "month", "publication")  # what a counted happening's month rests on
STATEMENT = "statement"


class UnknownSide(ValueError):
    """A side of the dyad names no actor, code or group of the store; ``suggestions`` are close names."""

    def __init__(self, text: str, suggestions: list[str]):
        hint = f"; did you mean {', '.join(repr(s) for s in suggestions)}?" if suggestions else ""
        super().__init__(f"no actor, code or group {text!r} in this store{hint}")
        self.text = text
        self.suggestions = suggestions


def _known_names(store) -> list[str]:
    names = [str(g) for g in config()["groups"]]
    if store.has_table("corpus_actors"):
        names += [r["name"] for r in store.rows("SELECT name FROM corpus_actors ORDER BY num_docs DESC")]
        names += [r["alias"] for r in store.rows("SELECT DISTINCT alias FROM corpus_actor_aliases")]
    return list(dict.fromkeys(n for n in names if n))


def _cluster_codes(rows: list[dict[str, Any]]) -> set[str]:
    return {c for r in rows for c in r["actor_codes"] + r["recipient_codes"] if c}


def check_side(store, text: str, side: Side, rows: list[dict[str, Any]]) -> None:
    """Raise ``UnknownSide`` (with up to five close names, difflib) when ``side`` can match nothing here: no
    actor id or alias, no group word, and a code-like name that no happening's actor codes contain."""
    if side.ids or side.label.startswith(GROUP_PREFIX):
        return
    if side.prefixes or side.roles:
        probe = Side(side.label, prefixes=side.prefixes, roles=side.roles)
        if any(probe.matches([], [c]) for c in _cluster_codes(rows)):
            return
    import difflib

    names = _known_names(store)
    lower = {n.lower(): n for n in reversed(names)}
    close = difflib.get_close_matches(text.lower(), list(lower), n=5, cutoff=0.6)
    raise UnknownSide(text, [lower[c] for c in close])


def _report_rows(store) -> list[dict[str, Any]]:
    """Every event cluster with its actors decoded and the agentless state acts supplied (as ``_clusters``)."""
    rows = store.rows(
        "SELECT id, event, date, date_precision, modality, quad, goldstein, plover_score, symmetric, actor_ids,"
        " recipient_ids, actor_codes, recipient_codes, cameo, earliest_report FROM event_clusters ORDER BY date, id")
    return _decoded(store, rows)


def classify(c: dict[str, Any], include_statements: bool = False) -> tuple[str, str]:
    """("counted", basis) or ("left out", reason) for one cluster. A happening dated only by its article's
    publication (precision ``publication``, or no date at all but a reporting day) happened by then, so it counts
    at that day with basis ``publication``; a year-only date cannot be placed in a month."""
    if not c.get("event") and not include_statements:
        return "left out", STATEMENT
    if (c.get("modality") or "asserted") != "asserted":
        return "left out", c["modality"]
    precision = c.get("date_precision")
    if c.get("date") and precision in ("day", "week", "month"):
        return "counted", precision
    if (c.get("date") and precision == "publication") or (not c.get("date") and c.get("earliest_report")):
        return "counted", "publication"
    if c.get("date"):
        return "left out", f"{precision or 'unknown'}-only date"
    return "left out", "undated"


COARSER_THAN_WEEK = "coarser than a week"
BY = ("month", "week")


def _has_day(day: str) -> bool:
    """Whether a date names a day or an ISO week (it can go into a week), not just a month."""
    return len(day) >= 10 or (len(day) >= 8 and day[5] == "W")


def dyad_report(store, a: str, b: str, include_statements: bool = False, by: str = "month",
                directed: bool = False) -> dict[str, Any]:
    """The series between ``a`` and ``b`` by month or ISO week (``by``) over every happening that can be placed
    in such a period, with ``counted`` (happenings per date basis: day, week, month, publication) and
    ``left_out`` (per reason: statement, negated, hypothetical, future, year-only date, undated, and by week
    "coarser than a week" for a month-only date) for the happenings between the two sides. Undirected by default
    (both ways, split in ``a_to_b``/``b_to_a``/``mutual``); ``directed`` keeps A's acts on B (see ``series``).
    Each row adds ``published_only``: how many of its happenings are dated by publication alone.
    Raises ``UnknownSide`` when a side names nothing in the store."""
    if by not in BY:
        raise ValueError(f"by must be one of {BY}, not {by!r}")
    head = {"a": a, "b": b, "by": by, "directed": directed}
    if not store.has_table("event_clusters"):
        return {**head, "rows": [], "counted": {}, "left_out": {}}
    rows = _report_rows(store)
    side_a, side_b = resolve_side(store, a), resolve_side(store, b)
    check_side(store, a, side_a, rows)
    check_side(store, b, side_b, rows)
    counted: dict[str, int] = {}
    left_out: dict[str, int] = {}
    keep: list[dict[str, Any]] = []
    basis_of: dict[str, str] = {}
    for c in rows:
        how = _direction(c, side_a, side_b)
        if how is None or (directed and how == "ba"):
            continue
        what, why = classify(c, include_statements)
        day = c["date"] or c["earliest_report"]
        if what == "counted" and by == "week" and not _has_day(day):
            what, why = "left out", COARSER_THAN_WEEK
        if what == "left out":
            left_out[why] = left_out.get(why, 0) + 1
            continue
        counted[why] = counted.get(why, 0) + 1
        basis_of[c["id"]] = why
        keep.append({**c, "date": day})
    keep.sort(key=lambda c: (c["date"], c["id"]))
    series_rows = series(keep, side_a, side_b, by=by, directed=directed)
    for r in series_rows:
        r["published_only"] = sum(basis_of[i] == "publication" for i in r["cluster_ids"])
    return {**head, "rows": series_rows, "counted": counted, "left_out": left_out}


def report_columns(by: str = "month") -> list[str]:
    """The CSV columns of a ``dyad_report`` series: the period, counts (undirected ``n`` and the directed split),
    quad counts and shares, Goldstein sum and mean, PLOVER score, then the evidence ids."""
    return [by, "n", "published_only", "a_to_b", "b_to_a", "mutual", "implied", "quad1", "quad2", "quad3",
            "quad4", "share1", "share2", "share3", "share4", "sum_goldstein", "mean_goldstein",
            "mean_plover_score", "cluster_ids", "event_ids"]


def report_csv(rows: list[dict[str, Any]], by: str = "month") -> str:
    """CSV of a ``dyad_report`` series (columns ``report_columns(by)``)."""
    return trend_csv(rows, report_columns(by))
