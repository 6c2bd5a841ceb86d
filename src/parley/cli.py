"""The ``parley`` command line: one verb per job (the contract is docs/design.md in the repository).

Exit codes: 0 on success; 1 only when no document could be processed; 2 on usage errors. A document that
fails prints one JSON line ``{"id", "error"}`` on stderr and the batch goes on.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date
from importlib import resources
from pathlib import Path

from parley import __version__, budget
from parley.batch import POOL_MIN, WORKERS_OPTION, analyze_all, error_record, read_all, store_results
from parley.cli_read import UsageError, cmd_claims, cmd_export, cmd_serve, cmd_timeline, cmd_trend, print_summary
from parley.context import Context
from parley.ingest import JSONL_SUFFIXES, RawDocument, expand_inputs, with_path_date
from parley.nlp import ModelError
from parley.progress import Heartbeat, Progress

SAMPLES = "data/samples"


EPILOG = ("The Document record's JSON contract, the verbs and the store tables are described in docs/design.md "
          "in the parley repository. Exit codes: 0 success; 1 when no document could be processed; 2 usage errors.")


def make_context(args: argparse.Namespace) -> Context:
    options = {}
    if getattr(args, "actors", None):
        options["actor_files"] = list(args.actors)
    if getattr(args, "time_budget", None) is not None:
        options[budget.OPTION] = args.time_budget
    if getattr(args, "workers", None) is not None:
        options[WORKERS_OPTION] = args.workers
    ctx = Context(options=options)
    if getattr(args, "spacy_model", None):
        from parley import nlp

        options[nlp.OPTION] = args.spacy_model
        nlp.model(ctx)  # load once up front: a missing spaCy/model is one clear error, not one per document
    return ctx


# --- verbs -------------------------------------------------------------------------------------------

def read_inputs(inputs, date_from_path: bool = False, published: str | None = None):
    """``batch.read_all`` over ``inputs``; with ``--date-from-path`` each file's record gets the ISO date its
    path names (``ingest.with_path_date``; basis ``path``); ``--published`` dates what is still undated (basis
    ``input``). A date the input gives itself (a JSONL ``published``) always stays."""
    for item in read_all(inputs):
        if date_from_path and isinstance(item, RawDocument):
            item = with_path_date(item, item.source)
        if published and isinstance(item, RawDocument) and not item.published:
            item.published = published
        yield item


def cmd_analyze(args: argparse.Namespace) -> int:
    """Records as they are made: one per line with ``--jsonl``, else the elements of one JSON array (streamed,
    so a long batch shows output early and the whole of stdout is still one valid JSON document)."""
    ctx = make_context(args)
    ok = failed = 0
    if not args.jsonl:
        sys.stdout.write("[")
    inputs = expand_inputs(args.paths, args.exclude or ())
    for kind, value in analyze_all(read_inputs(inputs, args.date_from_path, args.published), ctx):
        if kind == "doc":
            if not args.jsonl:
                sys.stdout.write(",\n" if ok else "\n")
            ok += 1
            _write_record(value, None if args.jsonl else 2, "\n" if args.jsonl else "")
        else:
            failed += 1
    if not args.jsonl:
        sys.stdout.write("\n]\n" if ok else "]\n")
        sys.stdout.flush()
    return 0 if ok or not failed else 1


def _write_record(doc, indent: int | None, end: str = "\n") -> None:
    """One record on stdout; text UTF-8 cannot encode (a lone surrogate in a JSONL id) is written \\u-escaped."""
    data = doc.to_dict()
    line = json.dumps(data, ensure_ascii=False, indent=indent)
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:  # (the console's own error handler might write invalid UTF-8 instead)
        line = json.dumps(data, ensure_ascii=True, indent=indent)
    sys.stdout.write(line + end)
    sys.stdout.flush()


def run_into_store(paths: list[str], db: str, ctx: Context, engine: str = "local", scheduler: str | None = None,
                   command: str = "run", date_from_path: bool = False, published: str | None = None,
                   exclude: list[str] | tuple[str, ...] = ()) -> dict:
    """Ingest ``paths`` into the store at ``db``, then rebuild the corpus tables. Returns the run's counts."""
    from parley.store import Store

    counts = {"inputs": 0, "added": 0, "replaced": 0, "unchanged": 0, "failed": 0}
    errors: list[dict] = []
    changed: set[str] = set()
    with Store(db) as store:
        run_id = store.start_run(command)
        inputs = expand_inputs(paths, exclude)  # (file, document id)
        files = [f for f, _ in inputs]
        total = None if any(f.suffix.lower() in JSONL_SUFFIXES for f in files) else len(files)
        if engine == "dask":
            from parley.scale import analyze_dask

            if date_from_path or published:
                raise UsageError("--date-from-path and --published are not available with --engine dask")
            results = analyze_dask(inputs, ctx, scheduler=scheduler, skip_hashes=store.known_hashes())
        else:
            results = analyze_all(read_inputs(inputs, date_from_path, published), ctx,
                                  skip=lambda raw: store.has_hash(raw.content_hash))
        try:
            with Progress("analyzing", total) as bar:
                store_results(store, results, counts, errors, changed, bar.advance)
            with Heartbeat("rebuilding the corpus tables"):
                corpus_counts = _rebuild_corpus(store, ctx, changed)
        finally:  # the run row always finishes, even when the corpus step fails
            store.finish_run(run_id, counts, errors)
    counts["corpus"] = corpus_counts
    return counts


def _rebuild_corpus(store, ctx: Context, changed: set[str]) -> dict:
    from parley.corpus.rebuild import rebuild

    return rebuild(store, ctx, changed_doc_ids=changed)


def cmd_run(args: argparse.Namespace) -> int:
    ctx = make_context(args)
    counts = run_into_store(args.paths, args.db, ctx, engine=args.engine, scheduler=args.scheduler,
                            command="run " + " ".join(args.paths), date_from_path=args.date_from_path,
                            published=args.published, exclude=args.exclude or ())
    print_summary(args.db, counts)
    processed = counts["added"] + counts["replaced"] + counts["unchanged"]
    return 0 if processed or not counts["failed"] else 1


def sample_dir() -> Path:
    return Path(str(resources.files("parley") / SAMPLES))


def _fetcher(args: argparse.Namespace):
    from parley.fetch import Fetcher

    return Fetcher(timeout=args.timeout, retries=args.retries, delay=args.delay, proxy=args.proxy)


def cmd_watch(args: argparse.Namespace) -> int:
    """Poll the sources into the store (``parley.watch``); one JSON line of counts per poll on stdout."""
    from parley.store import Store
    from parley.watch import Watcher, seconds

    try:
        every = seconds(args.every)
    except ValueError as err:
        raise UsageError(str(err)) from None
    ctx = make_context(args)
    with Store(args.db) as store, _fetcher(args) as fetcher:
        Watcher(store, ctx, fetcher).watch(args.sources, every, once=args.once,
                                           report=lambda c: print(json.dumps(c), flush=True))
    return 0


def cmd_fetch(args: argparse.Namespace) -> int:
    """One-off pages: stored with ``--db`` (as ``watch`` would), else one record a line on stdout."""
    from parley.watch import Watcher, fetch_pages

    ctx = make_context(args)
    with _fetcher(args) as fetcher:
        if args.db:
            from parley.store import Store

            with Store(args.db) as store:
                counts = Watcher(store, ctx, fetcher).fetch(args.urls)
            print(json.dumps(counts))
            return 0 if counts["failed"] < counts["inputs"] or not counts["inputs"] else 1
        ok = failed = 0
        for kind, value in analyze_all(fetch_pages(args.urls, fetcher), ctx):
            if kind == "doc":
                ok += 1
                _write_record(value, None)
            else:
                failed += 1
    return 0 if ok or not failed else 1


def cmd_demo(args: argparse.Namespace) -> int:
    ctx = make_context(args)
    counts = run_into_store([str(sample_dir())], args.db, ctx, command="demo", date_from_path=args.date_from_path,
                            published=args.published, exclude=args.exclude or ())
    print_summary(args.db, counts)
    if args.serve:
        from parley.web.app import serve

        serve(args.db, host=args.host, port=args.port)
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    from parley.events import code_records

    fh = sys.stdin if args.file == "-" else open(args.file, encoding="utf-8")
    ctx = make_context(args)
    batch: list[dict] = []
    ok = failed = 0

    def flush() -> None:
        nonlocal ok
        for rec in code_records(batch, ctx):
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
            ok += 1
        batch.clear()

    with fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rec = json.loads(line)
                if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
                    raise ValueError("needs an object with a 'text' string")
                rec.setdefault("id", str(lineno))
                batch.append(rec)
            except (json.JSONDecodeError, ValueError) as err:
                failed += 1
                error_record(str(lineno), f"bad input line: {err}")
            if len(batch) >= 256:
                flush()
        flush()
    return 0 if ok or not failed else 1


def cmd_eval(args: argparse.Namespace) -> int:
    if args.what == "tls":
        from parley.evaluate.tls import TilseMissing, evaluate_t17, format_report

        topics = args.topics.split(",") if args.topics else None
        try:
            result = evaluate_t17(Path(args.t17), topics=topics)
        except TilseMissing as err:
            print(err, file=sys.stderr)
            return 2
        print(format_report(result))
        return 0
    from parley.events import evaluate_plv

    result = evaluate_plv(Path(args.plv), make_context(args))
    print(json.dumps(result, indent=2))
    return 0


# --- parser ------------------------------------------------------------------------------------------

def _iso_day(value: str) -> str:
    try:
        day = date.fromisoformat(value) if len(value) == 10 else None  # (3.11 also reads "20220308")
    except ValueError:
        day = None
    if day is None:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD day: {value!r}")
    return day.isoformat()


def _seconds(value: str) -> float:
    try:
        out = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of seconds: {value!r}") from None
    if not out >= 0 or out == float("inf"):
        raise argparse.ArgumentTypeError(f"needs a number of seconds >= 0, got {value!r}")
    return out


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="parley", description=__doc__.splitlines()[0], epilog=EPILOG)
    p.add_argument("--version", action="version", version=f"parley {__version__}")
    sub = p.add_subparsers(dest="verb", required=True)

    def common(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--actors", action="append", metavar="FILE",
                        help="extra actor dictionary (parley YAML or PETRARCH/Phoenix format); repeatable")
        sp.add_argument("--spacy-model", metavar="NAME|PATH",
                        help="optional spaCy pipeline (installed package or directory): adds NER actors and "
                             "dependency parses; needs pip install 'parley[spacy]' and a model")
        sp.add_argument("--time-budget", type=_seconds, default=budget.DEFAULT_SECONDS, metavar="SECONDS",
                        help=f"per-document limit in CPU seconds (so it does not depend on the machine's load); a "
                             f"document over it is that document's error (default {budget.DEFAULT_SECONDS:g}; 0 = none)")
        sp.add_argument("--date-from-path", action="store_true",
                        help="date an input that gives no publication date by a YYYY-MM-DD folder or file name "
                             "on its path (e.g. InputDocs/2011-02-16/a.txt; published_basis 'path')")
        sp.add_argument("--published", type=_iso_day, metavar="YYYY-MM-DD",
                        help="publication day of inputs that give none (after --date-from-path; a JSONL "
                             "'published' stays; published_basis 'input')")
        sp.add_argument("--exclude", action="append", metavar="PATTERN",
                        help="skip files found in folders or by globs whose folder or file name matches PATTERN "
                             "(with a '/': whose path below the folder does), shell wildcards; repeatable "
                             "(T17: --exclude timelines skips the reference timelines)")
        sp.add_argument("--workers", type=int, metavar="N",
                        help=f"analyse in N worker processes (default: one per core, for batches of at least "
                             f"{POOL_MIN} documents; 1 = in this process; the records are the same)")

    paths_help = "article files (.txt, .html, .jsonl), folders (read recursively) or glob patterns"
    sp = sub.add_parser("analyze", help="one Document record per input article on stdout")
    sp.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    sp.add_argument("--jsonl", action="store_true",
                    help="one JSON record per line (default: one indented JSON array of records)")
    common(sp)
    sp.set_defaults(func=cmd_analyze)

    sp = sub.add_parser("run", help="ingest into the store, then merge, timeline, trend, claims")
    sp.add_argument("paths", nargs="+", metavar="PATH", help=paths_help)
    sp.add_argument("--db", required=True, metavar="FILE", help="the SQLite store (created when missing)")
    sp.add_argument("--engine", choices=["local", "dask"], default="local",
                    help="analyse in this process (local, default) or on a Dask cluster (needs parley[scale])")
    sp.add_argument("--scheduler", help="Dask scheduler address (default: a local cluster)")
    common(sp)
    sp.set_defaults(func=cmd_run)

    def web(sp: argparse.ArgumentParser) -> None:
        sp.add_argument("--delay", type=_seconds, default=1.0, metavar="SECONDS",
                        help="pause between two requests to the same host (default 1; robots.txt Crawl-delay "
                             "when longer)")
        sp.add_argument("--timeout", type=_seconds, default=20.0, metavar="SECONDS",
                        help="per-request timeout (default 20)")
        sp.add_argument("--retries", type=int, default=2, metavar="N",
                        help="retries after a network error, 429 or 5xx, with doubling back-off (default 2)")
        sp.add_argument("--proxy", metavar="URL", help="send every request through this HTTP proxy")

    sp = sub.add_parser("watch", help="poll feeds, sitemaps and URL lists; analyse and store new articles")
    sp.add_argument("sources", nargs="+", metavar="SOURCE",
                    help="RSS/Atom feed, sitemap or URL-list URL (or a local file of one)")
    sp.add_argument("--db", required=True, metavar="FILE", help="the SQLite store (created when missing)")
    sp.add_argument("--every", default="15m", metavar="DURATION",
                    help="time between polls: 90s, 15m, 1h (default 15m)")
    sp.add_argument("--once", action="store_true", help="poll once and exit")
    web(sp)
    common(sp)
    sp.set_defaults(func=cmd_watch)

    sp = sub.add_parser("fetch", help="fetch and analyse one-off pages (stored with --db, else printed)")
    sp.add_argument("urls", nargs="+", metavar="URL", help="article page URLs")
    sp.add_argument("--db", metavar="FILE", help="store into this SQLite store (default: one JSON record a line)")
    web(sp)
    common(sp)
    sp.set_defaults(func=cmd_fetch)

    sp = sub.add_parser("demo", help="run the pipeline on the bundled sample corpus into ./parley.db")
    sp.add_argument("--db", default="parley.db", metavar="FILE", help="the SQLite store (default: parley.db)")
    sp.add_argument("--serve", action="store_true", help="then start the dashboard")
    sp.add_argument("--host", default="127.0.0.1", help="dashboard address (default: 127.0.0.1)")
    sp.add_argument("--port", type=int, default=8000, help="dashboard port (default: 8000)")
    common(sp)
    sp.set_defaults(func=cmd_demo)

    sp = sub.add_parser("timeline", help="the L most important dates, K sentences each")
    src = sp.add_mutually_exclusive_group(required=True)
    src.add_argument("--db", metavar="FILE", help="a store written by 'parley run'")
    src.add_argument("--articles", metavar="FILE.jsonl",
                     help='dated articles, one JSON object a line: {"id", "published" (or "time"), "text", '
                          '"title"?}; a bad line is a usage error (exit 2)')
    sp.add_argument("--dates", type=int, metavar="L", help="at most L dates (default: chosen from the corpus)")
    sp.add_argument("--sentences", type=int, metavar="K", help="at most K sentences per date")
    sp.add_argument("--query", metavar="WORDS", help="favour sentences about these words")
    sp.add_argument("--json", action="store_true", help="a JSON list of entries instead of text")
    sp.set_defaults(func=cmd_timeline)

    sp = sub.add_parser("code", help="event-code sentences from JSONL (FILE or - for stdin)")
    sp.add_argument("file", metavar="FILE.jsonl|-",
                    help='lines {"id", "text", "actor"?, "recipient"?}; - reads stdin')
    sp.set_defaults(func=cmd_code)

    sp = sub.add_parser("export", help="export the store")
    sp.add_argument("--db", required=True, metavar="FILE", help="a store written by 'parley run'")
    sp.add_argument("--format", required=True, choices=["plover-jsonl", "csv", "parquet"],
                    help="PLOVER event records (JSONL), CSV tables (happenings and mentions) or Parquet tables")
    sp.add_argument("--out", required=True, metavar="PATH",
                    help="output file (plover-jsonl); for csv a folder (events.csv: one row per happening, "
                         "mentions.csv: one per event mention) or X.csv (and X.mentions.csv); for parquet a folder")
    sp.add_argument("--raw-csv", action="store_true",
                    help="write CSV cells as stored (default: cells starting with = + - @ are prefixed with ')")
    sp.add_argument("--include-statements", action="store_true",
                    help="count CAMEO 01/02 statements with no PLOVER type too (default: PLOVER events only)")
    sp.set_defaults(func=cmd_export)

    sp = sub.add_parser("serve", help="the web dashboard over a store")
    sp.add_argument("--db", required=True, metavar="FILE", help="a store written by 'parley run'")
    sp.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    sp.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    sp.set_defaults(func=cmd_serve)

    sp = sub.add_parser("trend", help="cooperation-conflict trend for a pair of actors")
    sp.add_argument("--db", required=True, metavar="FILE", help="a store written by 'parley run'")
    sp.add_argument("--dyad", nargs=2, required=True, metavar=("A", "B"),
                    help="the two sides: actor names or aliases, CAMEO code prefixes (KHMGOV), role blocks "
                         "(OPP) or group words (government, opposition)")
    sp.add_argument("--csv", metavar="FILE", help="also write the series as CSV")
    sp.add_argument("--include-statements", action="store_true",
                    help="count CAMEO 01/02 statements with no PLOVER type too (default: PLOVER events only)")
    sp.add_argument("--by", choices=("month", "week"), default="month",
                    help="bucket by calendar month (2013-09) or ISO week (2013-W36); by week a happening known "
                         "only to its month is left out as 'coarser than a week' (default: month)")
    sp.add_argument("--directed", action="store_true",
                    help="count only A's acts on B (and mutual ones such as meetings); default: both ways, "
                         "split into a_to_b, b_to_a and mutual")
    sp.add_argument("--json", action="store_true",
                    help="one JSON object: a, b, by, directed, rows, counted (per date basis) and left_out "
                         "(per reason)")
    sp.set_defaults(func=cmd_trend)

    sp = sub.add_parser("claims", help="the ledger of claims and counter-claims")
    sp.add_argument("--db", required=True, metavar="FILE", help="a store written by 'parley run'")
    sp.add_argument("--json", action="store_true",
                    help="one JSON list of {claim, counter_claims} (default: a table for reading)")
    sp.set_defaults(func=cmd_claims)

    sp = sub.add_parser("eval", help="the project's benchmarks")
    esub = sp.add_subparsers(dest="what", required=True)
    ep = esub.add_parser("tls", help="timeline summarization on Timeline17")
    ep.add_argument("--t17", required=True, metavar="DIR", help="the Timeline17 data folder (one folder a topic)")
    ep.add_argument("--topics", help="comma-separated topic names (default: all 9)")
    ep.set_defaults(func=cmd_eval)
    ep = esub.add_parser("code", help="event coding on a PLV-format TSV")
    ep.add_argument("--plv", required=True, metavar="FILE.tsv", help="gold sentences with PLOVER/CAMEO codes")
    ep.set_defaults(func=cmd_eval)
    return p


def _closed_pipe() -> int:
    """The reader went away (``parley timeline --json | head -1``): stop quietly. Python would otherwise report
    the failed flush of stdout at exit, so stdout is pointed at devnull first."""
    import os

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout without a descriptor (captured in tests)
        pass
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    started = time.time()
    try:
        code = args.func(args)
    except KeyboardInterrupt:
        return 130
    except (FileNotFoundError, PermissionError) as err:
        print(f"parley: {err}", file=sys.stderr)
        return 2
    except (ModelError, UsageError) as err:
        print(f"parley: {err}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _closed_pipe()
    if args.verb in {"run", "demo"}:
        print(f"done in {time.time() - started:.1f}s", file=sys.stderr)
    return code


if __name__ == "__main__":
    sys.exit(main())
