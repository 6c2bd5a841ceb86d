"""The corpus timeline over analysed Documents (``parley timeline --db``, the store's ``timeline`` table).

Why apart from ``parley.corpus.timeline``: that module is the date-ranking and sentence-selection method,
which also runs on raw article text (``parley eval tls``); this one feeds it what analysis adds — each
Document's own time expressions as date references, and its events de-duplicated into happenings
(``merge.cluster_events``) that vote for their dates — and attaches the happenings to the entries, so each
entry lists its events (type, actors, recipients, sources) beside the sentences that name its date.
"""

from __future__ import annotations

import re
from collections import defaultdict
from datetime import date

from parley.corpus.day_refs import month_key
from parley.corpus.merge import modality
from parley.corpus.timeline import prepare, summarize

_WEEKISH = re.compile(r"\bweek|\bweekend|\bmonth|\byear|\bdays?\b|\brecent", re.IGNORECASE)
_FINE = ("day", "month")


def document_refs(doc) -> list[tuple[int, int]]:
    """(offset, key) dates a Document's sentences name: its day- and month-precise time expressions (not
    durations, vague or open-ended ones, nor "this week"-like relatives, which name no day)."""
    out = []
    for t in doc.times or []:
        if not t.value or t.kind in ("duration", "vague", "until", "since", "set"):
            continue
        if t.kind == "relative" and _WEEKISH.search(t.text or ""):
            continue
        key = _key(t.value, t.precision)
        if key is not None:
            out.append((t.start, key))
    return sorted(set(out))


def _key(value: str | None, precision: str | None) -> int | None:
    try:
        if precision == "day" and value and len(value) >= 10:
            return date.fromisoformat(value[:10]).toordinal()
        if precision == "month" and value and len(value) >= 7:
            y, m = int(value[:4]), int(value[5:7])
            return month_key(y, m) if 1 <= m <= 12 else None
    except ValueError:
        return None
    return None


def document_happenings(docs) -> list[dict]:
    """The Documents' asserted, day- or month-dated events de-duplicated into happenings by
    ``parley.corpus.merge.cluster_events`` (same type, modality, overlapping dates, shared actors; actors
    compared by their title-free names, as the corpus actor merge would join them), each ``{"id", "type",
    "date", "precision", "actors", "recipients", "sources", "members": [[doc_id, start, end], ...]}``, the
    date being the one most of its reports give (``merge.summarise_cluster``)."""
    rows: list = []
    names: dict[str, str] = {}
    for doc in docs:
        rows += _event_rows(doc, names)
    return _happenings(rows, names)


def _event_rows(doc, names: dict[str, str]) -> list:
    """The clustering rows of one Document's asserted, finely dated events (``names``: key -> name, filled)."""
    from parley.corpus.merge import EventRow, norm, strip_titles

    by_id = {a.id: a.name for a in doc.actors or []}

    def side(ids, surfaces):
        out = []
        for name in [by_id.get(i, i) for i in ids] or list(surfaces):
            key = norm(strip_titles(name))
            if key:
                names.setdefault(key, strip_titles(name))
                out.append(key)
        return sorted(set(out))

    rows = []
    for e in doc.events or []:
        if e.date_precision not in _FINE or modality(e.event, e.negated, e.hypothetical, e.future) != "asserted":
            continue
        rows.append(EventRow(id=e.id or f"{doc.id}:{e.start}", doc_id=doc.id, date=e.date,
                             date_precision=e.date_precision, event=e.event, cameo=e.cameo,
                             actors=side(e.actor_ids, e.actor), recipients=side(e.recipient_ids, e.recipient),
                             start=e.start, end=e.end, confidence=e.confidence or 0.0, published=doc.published,
                             outlet=doc.outlet))
    return rows


def _happenings(rows: list, names: dict[str, str]) -> list[dict]:
    from parley.corpus.merge import cluster_events, summarise_cluster

    out = []
    for members in cluster_events(rows):
        c = summarise_cluster(members, names)
        if c["date_precision"] not in _FINE or not (c["event"] or c["family"]):
            continue
        out.append({"id": c["id"], "type": c["event"] or c["family"], "date": c["date"],
                    "precision": c["date_precision"], "actors": c["actor"], "recipients": c["recipient"],
                    "sources": c["doc_ids"], "members": [[m.doc_id, m.start, m.end] for m in members]})
    return out


def timeline_from_documents(docs, dates: int | None = None, sentences: int | None = None,
                            query: str | None = None) -> list[dict]:
    """The timeline of analysed Documents (``parley timeline --db``, the corpus ``timeline`` table), built on
    the de-duplicated happenings (``document_happenings``) and the dates the texts name.

    A day or month is voted for by every article that names it (its time expressions) or reports one of its
    happenings; the summary sentences of an entry are sentences that *name* its date (a sentence whose event
    was only dated from the context, or an undated lead sentence, never stands for a date). Each entry is the
    ``summarize`` entry plus ``"events"``: the happenings of that date, ``{"id", "type", "actors",
    "recipients", "sources"}``, most reported first; its ``"sources"`` hold every article that names the date
    or reports one of them. So "in November 2017" gives a month entry ``"2017-11"``, and one happening
    reported by several articles is one entry listing them all."""
    # ``docs`` may be a stream (the store's): each Document is read once and only what the method needs is kept
    # (its text, sentences, date references and event rows), never the whole analysed record (issue 15: decoding
    # every stored record at once held gigabytes on a 7,500-article store)
    rows: list = []
    names: dict[str, str] = {}
    articles = []
    for d in docs:
        if not (d.published and d.text):
            continue
        rows += _event_rows(d, names)
        articles.append({"id": d.id, "time": d.published[:10], "title": d.title, "text": d.text,
                         "sentences": d.sentences or None, "refs": document_refs(d), "vote_refs": []})
    found = _happenings(rows, names)
    votes: dict[str, list[tuple[int, int]]] = defaultdict(list)
    by_key: dict[int, list[dict]] = defaultdict(list)
    for h in found:
        key = _key(h["date"], h["precision"])
        if key is None:
            continue
        by_key[key].append(h)
        for doc_id, start, _ in h["members"]:
            votes[doc_id].append((start, key))
    for a in articles:
        a["vote_refs"] = votes.get(a["id"], [])
    entries = summarize(prepare(articles), dates=dates, sentences=sentences, query=query, params={"LEAD": 0, "QUOTE_FALLBACK": True})
    for e in entries:
        hs = sorted(by_key.get(_key(e["date"], e["precision"]), []), key=lambda h: (-len(h["sources"]), h["id"]))
        e["events"] = [{k: h[k] for k in ("id", "type", "actors", "recipients", "sources")} for h in hs]
        e["sources"] += sorted({doc for h in hs for doc in h["sources"]} - set(e["sources"]))
    return entries
