"""The verbs that read what ``parley run`` stored (timeline, trend, claims, export, serve) and the run summary.

They only read: each opens the store with ``must_exist`` so a mistyped ``--db`` is a usage error, never a new empty
database. ``parley.cli`` parses the arguments and dispatches here.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path


class UsageError(Exception):
    """A usage error found after parsing (a bad input line, an unknown actor): one line on stderr, exit 2."""


def clip(text: str, width: int) -> str:
    """``text`` shortened to at most ``width`` characters at a word boundary, with an ellipsis when cut."""
    text = " ".join((text or "").split())
    if len(text) <= width:
        return text
    head = text[:width]  # width - 1 characters and the ellipsis fit
    cut = head[:-1].rstrip()
    space = cut.rfind(" ")
    if space > width // 3:
        cut = cut[:space]
    return cut.rstrip(" ,;:-") + "…"


def print_summary(db: str, counts: dict) -> None:
    """One screen: what the run did, what the store holds, the head of the timeline."""
    from rich.console import Console
    from rich.table import Table

    from parley.store import Store

    console = Console()
    with Store(db) as store:
        table = Table(title=f"parley store {db}", show_header=True)
        table.add_column("table")
        table.add_column("rows", justify="right")
        for name in ("documents", "actors", "mentions", "quotes", "times", "events"):
            table.add_row(name, str(store.count(name)))
        for name in ("corpus_actors", "event_clusters", "timeline", "claims"):
            if store.has_table(name):
                table.add_row(name, str(store.count(name)))
        console.print(
            f"inputs {counts['inputs']}: added {counts['added']}, replaced {counts['replaced']}, "
            f"unchanged {counts['unchanged']}, failed {counts['failed']}"
        )
        console.print(table)
        if store.has_table("timeline"):
            rows = store.rows("SELECT date, sentence, doc_id FROM timeline ORDER BY date, rank LIMIT 8")
            if rows:
                head = Table(title="timeline (head)", show_header=True)
                head.add_column("date")
                head.add_column("summary")
                head.add_column("source")
                for r in rows:
                    head.add_row(r["date"], clip(r["sentence"] or "", 110), r["doc_id"])
                console.print(head)


def cmd_timeline(args: argparse.Namespace) -> int:
    from parley.corpus.doc_timeline import timeline_from_documents
    from parley.corpus.timeline import build_timeline

    opts = {"dates": args.dates, "sentences": args.sentences, "query": args.query}
    if args.articles:
        articles = []
        with open(args.articles, encoding="utf-8") as fh:
            for lineno, line in enumerate(fh, 1):
                if not line.strip():
                    continue
                try:
                    articles.append(_article_line(line))
                except ValueError as err:
                    raise UsageError(f"{args.articles}:{lineno}: bad article line: {err}") from None
    else:
        from parley.store import Store

        with Store(args.db, must_exist=True) as store:  # analysed Documents: their own dated expressions, sentences and offsets
            docs = [d for d in store.documents() if d.published and d.text]
        if not docs:
            print("no dated articles", file=sys.stderr)
            return 1
        entries = timeline_from_documents(docs, **opts)
    if args.articles:
        if not articles:
            print("no dated articles", file=sys.stderr)
            return 1
        entries = build_timeline(articles, **opts)
    if args.json:
        keys = ("date", "precision", "sentences", "sources", "evidence", "events")
        print(json.dumps([{k: e[k] for k in keys if k in e} for e in entries], ensure_ascii=False, indent=2))
    else:
        for e in entries:
            print(e["date"], "  [" + ", ".join(e["sources"]) + "]")
            for s in e["sentences"]:
                print("   -", s)
            for h in e.get("events", []):
                print("   *", h["type"], ", ".join(h["actors"]) or "?", "->", ", ".join(h["recipients"]) or "-",
                      f"({len(h['sources'])} articles)")
    return 0


def _article_line(line: str) -> dict:
    """One ``timeline --articles`` line: ``id``, ``text``, the ISO day in ``published`` (or ``time``), ``title``?"""
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as err:
        raise ValueError(f"invalid JSON ({err.msg})") from None
    if not isinstance(rec, dict):
        raise ValueError("not a JSON object")
    day = rec.get("published") or rec.get("time")
    missing = [k for k, v in (("id", rec.get("id")), ("text", rec.get("text")), ("published", day)) if v in (None, "")]
    if missing:
        raise ValueError("missing " + ", ".join(repr(k) for k in missing))
    try:
        day = date.fromisoformat(str(day)[:10]).isoformat()
    except ValueError:
        raise ValueError(f"'published' is not an ISO date (YYYY-MM-DD): {str(day)[:40]!r}") from None
    if not isinstance(rec["text"], str):
        raise ValueError("'text' must be a string")
    return {"id": str(rec["id"]), "time": day, "title": rec.get("title"), "text": rec["text"]}


def cmd_export(args: argparse.Namespace) -> int:
    from parley.export import export
    from parley.store import Store

    with Store(args.db, must_exist=True) as store:
        counts = export(store, args.format, Path(args.out), raw_csv=args.raw_csv,
                        include_statements=args.include_statements)
    print(json.dumps(counts))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from parley.web.app import serve

    serve(args.db, host=args.host, port=args.port)
    return 0


def cmd_trend(args: argparse.Namespace) -> int:
    """The dyad's series by month or ISO week, then what it counted per date basis and what it left out and why."""
    from parley.corpus.trend import UnknownSide, dyad_report, report_csv
    from parley.store import Store

    with Store(args.db, must_exist=True) as store:
        try:
            report = dyad_report(store, args.dyad[0], args.dyad[1], include_statements=args.include_statements,
                                 by=args.by, directed=args.directed)
        except UnknownSide as err:
            raise UsageError(str(err)) from None
    rows = report["rows"]
    if args.csv:
        Path(args.csv).write_text(report_csv(rows, args.by), encoding="utf-8")
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
        return 0
    view = f"{args.dyad[0]} -> {args.dyad[1]} (directed)" if args.directed else \
        f"{args.dyad[0]} <-> {args.dyad[1]} (both ways)"
    print(f"{view}, by {args.by}")
    print(f"{args.by:8} {'n':>3} {'pub':>3} {'a>b':>3} {'b>a':>3} {'mut':>3} {'q1%':>4} {'q2%':>4} {'q3%':>4} "
          f"{'q4%':>4} {'gs_sum':>7} {'gs_mean':>7}")
    for r in rows:
        g, t = r.get("mean_goldstein"), r.get("sum_goldstein")
        shares = " ".join(f"{round(100 * r[f'share{q}']):>4}" for q in (1, 2, 3, 4))
        print(f"{r[args.by]:8} {r['n']:>3} {r['published_only']:>3} {r['a_to_b']:>3} {r['b_to_a']:>3} "
              f"{r['mutual']:>3} {shares} {'' if t is None else f'{t:+.1f}':>7} {'' if g is None else f'{g:+.2f}':>7}")
    print(_tally("counted", report["counted"]) + " (pub: dated only by the article's publication day)")
    print(_tally("left out", report["left_out"]))
    return 0


def _tally(label: str, counts: dict[str, int]) -> str:
    total = sum(counts.values())
    parts = ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return f"{label} {total} happenings" + (f": {parts}" if parts else "")


def cmd_claims(args: argparse.Namespace) -> int:
    from parley.corpus.claims import claims_ledger
    from parley.store import Store

    with Store(args.db, must_exist=True) as store:
        rows = claims_ledger(store)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for entry in rows:  # a table for reading: claim, then the counter-claims answering it, each with its evidence
        c = entry["claim"]
        if c:
            print(f"{c['published'] or '?':10}  {c['speaker'] or '?'} -> {c['target'] or '?'} ({c['cue'] or '?'}): "
                  f"{clip(c['evidence']['text'], 100)}  [{_where(c)}]")
        else:
            print(f"{'':10}  (no detected claim)")
        for k in entry["counter_claims"]:
            print(f"{'':10}    answered {k['published'] or '?'} by {k['speaker'] or '?'} ({k['cue'] or '?'}): "
                  f"{clip(k['evidence']['text'], 90)}  [{_where(k)}]")
    n_claims = sum(1 for e in rows if e["claim"])
    answered = sum(1 for e in rows if e["claim"] and e["counter_claims"])
    print(f"{n_claims} claims ({answered} answered), {sum(len(e['counter_claims']) for e in rows)} counter-claims; "
          "--json for all fields")
    return 0


def _where(item: dict) -> str:
    ev = item["evidence"]
    return f"{ev['doc_id']} {ev['start']}-{ev['end']}"
