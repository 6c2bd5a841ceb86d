"""Timeline summarisation on Timeline17 under the news-tls protocol (Ghalandari & Ifrim, ACL 2020).

Protocol, as reproduced here:

- The 17 source folders are merged into 9 topic collections (bpoil, egypt, finan, h1n1, haiti, iraq, libya, mj,
  syria); every reference timeline (19) is one task, summarised from its topic's whole collection.
- Per task: L = number of reference dates, K = round(mean sentences per reference date) (Python ``round``, as
  news-tls); input articles are those published from the first to the last reference date.
- Metrics: tilse's own scorer (Martschat & Markert, EACL 2017; the package every published T17 figure uses):
  ROUGE-1/2 of the "align+ m:1" variant (``evaluate_align_date_content_costs_many_to_one``: each day's
  sentences concatenated into one summary, every predicted and every reference day aligned to its day of least
  date-and-content cost, hits weighted by 1/(days apart + 1)), with ``rouge_computation="reimpl"`` (tilse's
  Python ROUGE, so no Perl), and tilse's Date-F1. Averages are the F of mean precision and mean recall over
  tasks, as news-tls reports them.
- tilse is an optional extra (``pip install -e ".[eval]"`` for nltk and scipy, then ``pip install --no-deps
  tilse==0.2.1``: its declared dependencies pull spaCy, textacy and numba, none of which the scorer imports; the
  wheel ships the ``pyrouge`` fork whose stop list the scorer reads, so PyPI's ``pyrouge`` must not be
  installed over it). A project-own reimplementation was removed: on the 19 tasks it differed from tilse in
  the third decimal (EgyptianProtest AR-1 0.1747 against 0.1654).
- Reference parsing: blocks of a ``YYYY-MM-DD`` line, sentences, a dashed line. Two deviations, stated: a
  date repeated within one file (H1N1_bbc, IraqWar_guardian, bpoil_guardian) has its blocks merged, and a
  block under a malformed date (MJ_bbc "2011-04-0") is skipped.

The per-topic time covers preparing the collection once (sentences, time expressions, vectors) and generating
all of that topic's timelines, not file reading or scoring.
"""

from __future__ import annotations

import itertools
import re
import time
from datetime import date
from pathlib import Path

INSTALL = ('parley eval tls scores with tilse, not installed: pip install -e ".[eval]" && '
           'pip install --no-deps tilse==0.2.1')
_ZERO = {"precision": 0.0, "recall": 0.0, "f_score": 0.0}

TOPICS = {"bpoil": "bpoil", "egyptianprotest": "egypt", "finan": "finan", "h1n1": "h1n1", "haiti": "haiti",
          "iraqwar": "iraq", "libyawar": "libya", "mj": "mj", "syriancrisis": "syria"}
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


class TilseMissing(ImportError):
    """tilse (the field's timeline scorer) is not installed; the message says how to install it."""


def f_score(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def tilse_scorer():
    """A function (predicted {date: [sentences]}, reference {date: [sentences]}) -> {"rouge_1", "rouge_2",
    "date": {precision, recall, f_score}} scoring with tilse; raises ``TilseMissing`` without tilse.

    Scores are cached per predicted timeline: grid points often give the same timeline for a task."""
    try:
        from tilse.data.timelines import GroundTruth, Timeline
        from tilse.evaluation import dates as tilse_dates
        from tilse.evaluation import rouge as tilse_rouge
    except ImportError as err:
        raise TilseMissing(INSTALL) from err
    evaluator = tilse_rouge.TimelineRougeEvaluator(measures={"rouge_1", "rouge_2"}, rouge_computation="reimpl")
    cache: dict = {}

    def score(pred: dict, ref: dict) -> dict:
        key = (id(ref), tuple(sorted((d, tuple(s)) for d, s in pred.items())))
        got = cache.get(key)
        if got is None:
            if not pred:
                got = {"rouge_1": dict(_ZERO), "rouge_2": dict(_ZERO), "date": dict(_ZERO)}
            else:
                p, gt = Timeline(pred), GroundTruth([Timeline(ref)])
                got = dict(evaluator.evaluate_align_date_content_costs_many_to_one(p, gt))
                got["date"] = tilse_dates.evaluate_dates(p, gt)
            cache[key] = got
        return got

    return score


def topic_of(folder: str) -> str:
    key = folder.split("_")[0].lower()
    return TOPICS.get(key, key)


def read_timeline(path: Path) -> dict[date, list[str]]:
    """A reference timeline file as {date: [sentences]} (repeated dates merged, malformed dates skipped)."""
    out: dict[date, list[str]] = {}
    current: date | None = None
    skip = False
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("-----") and set(line) == {"-"}:
            current, skip = None, False
            continue
        if current is None and not skip:
            if _DATE.match(line):
                try:
                    current = date.fromisoformat(line)
                    out.setdefault(current, [])
                    continue
                except ValueError:
                    pass
            if re.match(r"^\d{4}-\d", line):  # a malformed date line: drop its block
                skip = True
                continue
        if skip or current is None:
            continue
        out[current].append(line)
    return {d: s for d, s in out.items() if s}


def load_t17(t17_dir: Path, topics: list[str] | None = None) -> dict[str, dict]:
    """{topic: {"articles": [...], "timelines": [(name, {date: [sents]})]}} in sorted topic order."""
    t17_dir = Path(t17_dir)
    data: dict[str, dict] = {}
    for folder in sorted(p for p in t17_dir.iterdir() if (p / "InputDocs").is_dir()):
        topic = topic_of(folder.name)
        if topics and topic not in topics:
            continue
        entry = data.setdefault(topic, {"articles": [], "timelines": []})
        for day_dir in sorted((folder / "InputDocs").iterdir()):
            if not day_dir.is_dir():
                continue
            for f in sorted(day_dir.iterdir()):
                text = f.read_text(encoding="utf-8", errors="replace")
                if text.strip():
                    name = f.name.split(".")[0]
                    entry["articles"].append({"id": f"{folder.name}/{day_dir.name}/{name}", "time": day_dir.name,
                                              "text": text})
        for tl in sorted((folder / "timelines").glob("*.txt")):
            entry["timelines"].append((f"{folder.name}/{tl.stem}", read_timeline(tl)))
    return dict(sorted(data.items()))


def grid_points(grid: dict[str, tuple]) -> list[dict]:
    """Every combination of the grid's values; the first point is the one nearest ``DEFAULTS`` order-wise
    (each parameter's first value), so ties go to it."""
    keys = sorted(grid)
    return [dict(zip(keys, vals, strict=True)) for vals in itertools.product(*(grid[k] for k in keys))]


def _mean_f(rows: list[dict], key: str) -> dict[str, float]:
    p = sum(t[key]["precision"] for t in rows) / max(len(rows), 1)
    r = sum(t[key]["recall"] for t in rows) / max(len(rows), 1)
    return {"precision": p, "recall": r, "f_score": f_score(p, r)}


def evaluate_t17(t17_dir: Path, topics: list[str] | None = None, loto: bool = True,
                 grid: dict[str, tuple] | None = None) -> dict:
    """Run the protocol; returns {"tasks": [...], "average": {...}, "topic_seconds": {topic: seconds}, ...}.

    With ``loto`` (the default) the timeline parameters in ``grid`` (``timeline.GRID``) are chosen per held-out
    topic: every grid point is run on every task once (the topic's prepared collection and sentence vectors are
    reused across points), and a topic's tasks are scored with the point of best AR-1 F over the *other*
    topics' tasks. Without ``loto`` (or with one topic) ``timeline.DEFAULTS`` are used. The per-topic seconds
    are those of one timeline run: preparing the collection plus summarising all its tasks with the shipped
    parameter set (``DEFAULTS``; until 2026-12-02 the grid's first point, every option off, was the one timed)
    from a cold cache; choosing the parameters (the grid) is reported apart as ``selection_seconds``.
    """
    from parley.corpus.timeline import DEFAULTS, GRID, prepare, summarize

    score = tilse_scorer()
    t0 = time.perf_counter()
    data = load_t17(Path(t17_dir), topics)
    load_s = time.perf_counter() - t0
    points = grid_points(GRID if grid is None else grid) if loto and len(data) > 1 else [{}]
    # the timed run is the shipped parameter set (DEFAULTS) where the grid holds it, run first on cold caches
    timed = next((i for i, pt in enumerate(points) if all(DEFAULTS[k] == v for k, v in pt.items())), 0)
    run_order = [timed] + [i for i in range(len(points)) if i != timed]
    per_point: list[list[dict]] = [[] for _ in points]
    topic_secs: dict[str, float] = {}
    topic_cpu: dict[str, float] = {}  # process CPU seconds: less sensitive than wall-clock to other load
    select_s = 0.0
    for topic, entry in data.items():
        t, c = time.perf_counter(), time.process_time()
        coll = prepare(entry["articles"])
        prep, prep_cpu = time.perf_counter() - t, time.process_time() - c
        for pi in run_order:
            params = points[pi]
            spent = spent_cpu = 0.0
            for name, ref in entry["timelines"]:
                rdates = sorted(ref)
                L = len(rdates)
                K = round(sum(len(v) for v in ref.values()) / L)
                t, c = time.perf_counter(), time.process_time()
                tl = summarize(coll, dates=L, sentences=K, start=rdates[0].isoformat(), end=rdates[-1].isoformat(),
                               params=params)
                spent += time.perf_counter() - t
                spent_cpu += time.process_time() - c
                pred = {date.fromisoformat(e["date"]): e["sentences"] for e in tl}
                scores = score(pred, ref)
                per_point[pi].append({"topic": topic, "timeline": name, "L": L, "K": K,
                                      "predicted_dates": len(pred), "rouge_1": scores["rouge_1"],
                                      "rouge_2": scores["rouge_2"], "date": scores["date"]})
            if pi == timed:
                topic_secs[topic] = prep + spent
                topic_cpu[topic] = prep_cpu + spent_cpu
            else:
                select_s += spent
    chosen: dict[str, dict] = {}
    tasks: list[dict] = []
    for topic in data:
        best = 0
        if len(points) > 1:
            fs = [_mean_f([t for t in rows if t["topic"] != topic], "rouge_1")["f_score"] for rows in per_point]
            best = max(range(len(points)), key=lambda i: (fs[i], -i))
        chosen[topic] = points[best]
        tasks += [dict(t, params=points[best]) for t in per_point[best] if t["topic"] == topic]
    avg = {key: _mean_f(tasks, key) for key in ("rouge_1", "rouge_2", "date")}
    fixed = {key: _mean_f(per_point[0], key) for key in ("rouge_1", "rouge_2", "date")}
    return {"tasks": tasks, "average": avg, "topic_seconds": topic_secs, "load_seconds": load_s,
            "seconds_per_topic": sum(topic_secs.values()) / max(len(topic_secs), 1), "chosen": chosen,
            "topic_cpu_seconds": topic_cpu, "cpu_seconds_per_topic": sum(topic_cpu.values()) / max(len(topic_cpu), 1),
            "loto": len(points) > 1, "grid_points": len(points), "selection_seconds": select_s,
            "first_point": points[0], "first_point_average": fixed}


def format_report(result: dict) -> str:
    lines = ["scorer: tilse, align+ m:1 ROUGE (date and content costs, many-to-one; rouge_computation=reimpl)"
             " and Date-F1"]
    lines += [f"{'task':44} {'L':>4} {'K':>2} {'AR-1 F':>7} {'AR-2 F':>7} {'Date-F1':>7}"]
    for t in result["tasks"]:
        lines.append(f"{t['timeline']:44} {t['L']:4d} {t['K']:2d} {t['rouge_1']['f_score']:7.4f} "
                     f"{t['rouge_2']['f_score']:7.4f} {t['date']['f_score']:7.4f}")
    a = result["average"]
    lines.append(f"{'AVERAGE (F of mean P, mean R) over ' + str(len(result['tasks'])) + ' tasks':52} "
                 f"{a['rouge_1']['f_score']:7.4f} {a['rouge_2']['f_score']:7.4f} {a['date']['f_score']:7.4f}")
    if result.get("loto"):
        lines.append(f"parameters chosen leave-one-topic-out from {result['grid_points']} grid points "
                     f"(selection runs: {result['selection_seconds']:.1f} s in all):")
        for topic, params in result["chosen"].items():
            lines.append(f"  {topic:6} " + ", ".join(f"{k}={v}" for k, v in sorted(params.items())))
        f = result["first_point_average"]
        lines.append(f"(first grid point {result['first_point']} on every topic: AR-1 {f['rouge_1']['f_score']:.4f}"
                     f" AR-2 {f['rouge_2']['f_score']:.4f} Date-F1 {f['date']['f_score']:.4f})")
    lines.append("seconds per topic: " + ", ".join(f"{k} {v:.2f}" for k, v in result["topic_seconds"].items()))
    lines.append(f"mean seconds per topic: {result['seconds_per_topic']:.2f} wall-clock, "
                 f"{result['cpu_seconds_per_topic']:.2f} CPU (reading files: {result['load_seconds']:.1f} s in all)")
    return "\n".join(lines)
