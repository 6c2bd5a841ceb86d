"""The merged, dated view over the corpus tables: what `parley export` writes as happenings.

Read side only: ``rebuild`` writes ``event_clusters`` and ``timeline``; this module reads both back and merges
them by date so each happening appears once with its sources. It lives apart from the rebuild because it runs
on a finished store (exports, the web view), never inside the rebuild's transaction.
"""

from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from parley.store import Store


def happenings(store: Store) -> list[dict[str, Any]]:
    """Timeline summary sentences and event clusters merged by date: each happening once, with its sources.

    ``[{"date", "happenings": [{cluster_id, event, actor, recipient, sentence, sources, num_articles,
    earliest_report, evidence: [[doc_id, start, end], ...]}], "sentences": [{sentence, doc_id, start, end}],
    "sources"}]``. A summary sentence that is the evidence of a happening on that date is not repeated.
    """
    by_date: dict[str, dict[str, Any]] = {}
    members = defaultdict(list)
    for m in store.rows('SELECT cluster_id, doc_id, start, "end" FROM event_cluster_members ORDER BY published,'
                        " doc_id, start"):
        members[m["cluster_id"]].append([m["doc_id"], m["start"], m["end"]])
    for c in store.rows("SELECT * FROM event_clusters WHERE modality = 'asserted' AND date IS NOT NULL"
                        " ORDER BY date, num_articles DESC, id"):
        entry = by_date.setdefault(c["date"], {"date": c["date"], "happenings": [], "sentences": [], "sources": []})
        entry["happenings"].append({
            "cluster_id": c["id"], "event": c["event"] or c["family"], "cameo": c["cameo"],
            "actor": json.loads(c["actor"]), "recipient": json.loads(c["recipient"]), "sentence": c["sentence"],
            "doc_id": c["doc_id"], "start": c["start"], "end": c["end"], "sources": json.loads(c["sources"]),
            "num_sources": c["num_sources"], "num_articles": c["num_articles"],
            "earliest_report": c["earliest_report"], "evidence": members[c["id"]]})
        entry["sources"] = sorted(set(entry["sources"]) | set(json.loads(c["doc_ids"])))
    for t in store.rows('SELECT date, sentence, doc_id, start, "end" FROM timeline ORDER BY date, rank'):
        entry = by_date.setdefault(t["date"], {"date": t["date"], "happenings": [], "sentences": [], "sources": []})
        covered = any(h["doc_id"] == t["doc_id"] and t["start"] is not None and h["start"] < t["end"]
                      and t["start"] < h["end"] for h in entry["happenings"])
        if not covered:
            entry["sentences"].append({k: t[k] for k in ("sentence", "doc_id", "start", "end")})
            if t["doc_id"]:
                entry["sources"] = sorted(set(entry["sources"]) | {t["doc_id"]})
    return [by_date[d] for d in sorted(by_date)]
