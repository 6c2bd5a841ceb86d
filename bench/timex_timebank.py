"""TIMEX3 extraction and normalisation on TimeBank + AQUAINT (TempEval-3 training corpus), parley vs dateparser.

Usage: python bench/timex_timebank.py [--data DIR] [--split all|held|dev] [--no-baseline] [--errors N] [--type T]
Default data: ../shared/data/timebank (beside the repo; see its README). Each document's DCT is the publication date.

Scores (TempEval-3 definitions, UzZaman et al. 2013):
- strict match: same character span; relaxed match: spans overlap (each gold and each system expression used once,
  pairs taken by largest overlap first). Precision/recall/F1 for both.
- value accuracy: share of relaxed matches whose TIMEX3 values are equal strings (``1998-Q3``, ``P3D``, ``199``,
  ``PRESENT_REF``); value F1 = value accuracy x relaxed F1.
- per type (DATE, TIME, DURATION, SET): recall over gold of that type, precision over system expressions given
  that type, value accuracy over relaxed matches whose gold has that type.

Splits: ``held`` = every 5th document in name order (index % 5 == 4, both corpora) — kept for checking choices
made on the rest; ``dev`` = the other four fifths, looked at while developing; ``all`` = both (the default prints
all three). The baseline is ``dateparser.search_dates`` on each paragraph with RELATIVE_BASE = DCT, its hits typed
DATE (TIME when a clock time is written) and valued at the precision written (day, month or year).
``pip install dateparser`` (the ``bench`` extra) for the baseline; without it only parley is scored.
"""

from __future__ import annotations

import argparse
import html
import re
import sys
import time
import warnings
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from parley.document import Document
from parley.timex import annotate

ROOT = Path(__file__).resolve().parents[1]
TYPES = ("DATE", "TIME", "DURATION", "SET")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass
class Gold:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class Doc:
    name: str
    dct: str
    text: str
    gold: list[Gold]


def load(path: Path) -> Doc:
    """Plain text of ``<TEXT>`` (tags stripped, entities decoded) with the TIMEX3 gold offsets into it."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="([^"]*)"', raw).group(1)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out: list[str] = []
    n = 0
    gold: list[Gold] = []
    open_tx: tuple[int, dict] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            s, attrs = open_tx
            gold.append(Gold(s, n, attrs.get("type", ""), attrs.get("value", ""), ""))
            open_tx = None
        else:
            open_tx = (n, dict(_ATTR.findall(m.group(3))))
    out.append(html.unescape(body[pos:]))
    text = "".join(out)
    for g in gold:
        g.text = text[g.start:g.end]
    return Doc(path.stem, dct, text, gold)


def docs(data: Path) -> list[tuple[int, Doc]]:
    files = sorted(data.glob("TimeBank/*.tml")) + sorted(data.glob("AQUAINT/*.tml"))
    return [(i, load(f)) for i, f in enumerate(files)]


def parley_times(doc: Doc) -> list[Gold]:
    d = annotate(Document(id=doc.name, text=doc.text, published=doc.dct[:10]))
    return [Gold(t.start, t.end, t.type or "DATE", t.timex or "", t.text) for t in d.times if t.type]


_CLOCK = re.compile(r"\d:\d\d|\b\d+\s*[ap]\.?m\b|\bnoon\b|\bmidnight\b", re.I)
_DAYNUM = re.compile(r"\b\d{1,2}(?:st|nd|rd|th)?\b(?!\d)")
_YEARNUM = re.compile(r"\b\d{4}\b")
_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)", re.I)


def dateparser_times(doc: Doc, search_dates) -> list[Gold]:
    """dateparser's hits as TIMEX3-ish records, valued at the precision their words carry."""
    base = datetime.fromisoformat(doc.dct[:10])
    out: list[Gold] = []
    settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"}
    for para in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*", doc.text):
        try:
            hits = search_dates(para.group(), languages=["en"], settings=settings) or []
        except Exception:  # dateparser raises on some inputs; count them as no hits
            hits = []
        cursor = 0
        for surface, dt in hits:
            i = para.group().find(surface, cursor)
            if i < 0:
                continue
            cursor = i + len(surface)
            s = para.start() + i
            if _CLOCK.search(surface):
                typ, value = "TIME", dt.strftime("%Y-%m-%dT%H:%M")
            elif _MONTH.search(surface) and _DAYNUM.search(_YEARNUM.sub("", surface)):
                typ, value = "DATE", dt.strftime("%Y-%m-%d")
            elif _MONTH.search(surface):
                typ, value = "DATE", dt.strftime("%Y-%m")
            elif _YEARNUM.fullmatch(surface.strip()):
                typ, value = "DATE", f"{dt.year:04d}"
            else:
                typ, value = "DATE", dt.strftime("%Y-%m-%d")
            out.append(Gold(s, s + len(surface), typ, value, surface))
    return out


def match(gold: list[Gold], sys_: list[Gold]) -> list[tuple[Gold, Gold]]:
    """Relaxed one-to-one pairs, largest overlap first (a sorted sweep over both span lists)."""
    pairs = []
    j0 = 0
    ss = sorted(sys_, key=lambda t: t.start)
    for g in sorted(gold, key=lambda t: t.start):
        while j0 < len(ss) and ss[j0].end <= g.start:
            j0 += 1
        j = j0
        while j < len(ss) and ss[j].start < g.end:
            ov = min(g.end, ss[j].end) - max(g.start, ss[j].start)
            if ov > 0:
                pairs.append((ov, id(g), id(ss[j]), g, ss[j]))
            j += 1
    pairs.sort(key=lambda p: -p[0])
    used_g, used_s, out = set(), set(), []
    for _ov, ig, is_, g, s in pairs:
        if ig in used_g or is_ in used_s:
            continue
        used_g.add(ig)
        used_s.add(is_)
        out.append((g, s))
    return out


def _prf(tp_p: int, n_sys: int, tp_r: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_sys if n_sys else 0.0
    r = tp_r / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(pairs_by_doc: list[tuple[list[Gold], list[Gold], list[tuple[Gold, Gold]]]]) -> dict:
    c = Counter()
    for gold, sys_, pairs in pairs_by_doc:
        for t in (None, *TYPES):
            c["gold", t] += sum(1 for g in gold if t in (None, g.type))
            c["sys", t] += sum(1 for s in sys_ if t in (None, s.type))
        for g, s in pairs:
            strict = g.start == s.start and g.end == s.end
            for t in (None, g.type):
                c["rmatch_g", t] += 1
                c["smatch", t] += strict
                c["value_ok", t] += g.value == s.value
            c["rmatch_s", s.type] += 1
        c["rmatch_s", None] = sum(c["rmatch_s", t] for t in TYPES)
    rows = {}
    for t in (None, *TYPES):
        if t is None:
            rp, rr, rf = _prf(c["rmatch_g", t], c["sys", t], c["rmatch_g", t], c["gold", t])
            sp, sr, sf = _prf(c["smatch", t], c["sys", t], c["smatch", t], c["gold", t])
        else:  # per type: precision over the system's own type, recall over gold's
            rp, rr, rf = _prf(c["rmatch_s", t], c["sys", t], c["rmatch_g", t], c["gold", t])
            sp, sr, sf = (float("nan"),) * 3
        acc = c["value_ok", t] / c["rmatch_g", t] if c["rmatch_g", t] else 0.0
        rows[t or "ALL"] = dict(gold=c["gold", t], sys=c["sys", t], sp=sp, sr=sr, sf=sf, rp=rp, rr=rr, rf=rf,
                                acc=acc, vf=acc * rf)
    return rows


def report(name: str, rows: dict) -> None:
    print(f"  {name}")
    print(f"    {'type':9}{'gold':>5}{'sys':>6}  {'strict P/R/F1':>20}  {'relaxed P/R/F1':>20}  {'val acc':>7}  "
          f"{'val F1':>6}")
    for t, r in rows.items():
        strict = "" if t != "ALL" else f"{r['sp']:.3f}/{r['sr']:.3f}/{r['sf']:.3f}"
        print(f"    {t:9}{r['gold']:>5}{r['sys']:>6}  {strict:>20}  "
              f"{r['rp']:.3f}/{r['rr']:.3f}/{r['rf']:.3f}  {r['acc']:>7.3f}  {r['vf']:>6.4f}")


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "timebank")
    ap.add_argument("--split", choices=("all", "held", "dev"), default=None)
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print N value errors and misses (dev split only)")
    ap.add_argument("--type", default=None, help="restrict --errors to one gold type")
    args = ap.parse_args(argv)
    if not args.data.exists():
        sys.exit(f"TimeBank data not found: {args.data}")
    corpus = docs(args.data)
    splits = {"all": lambda i: True, "held": lambda i: i % 5 == 4, "dev": lambda i: i % 5 != 4}
    names = [args.split] if args.split else ["dev", "held", "all"]
    systems = {"parley": parley_times}
    if not args.no_baseline:
        try:
            from dateparser.search import search_dates
        except ImportError:
            print("dateparser not installed (pip install dateparser): parley only")
        else:
            warnings.filterwarnings("ignore")
            systems["dateparser"] = lambda d: dateparser_times(d, search_dates)
    results = {}
    for sname, fn in systems.items():
        t0 = time.perf_counter()
        results[sname] = [(i, d.gold, out := fn(d), match(d.gold, out)) for i, d in corpus]
        print(f"{sname}: {len(corpus)} documents in {time.perf_counter() - t0:.1f}s")
    for split in names:
        keep = splits[split]
        print(f"\n== split {split}: {sum(1 for i, _ in corpus if keep(i))} documents")
        for sname, res in results.items():
            report(sname, score([(g, s, p) for i, g, s, p in res if keep(i)]))
    if args.errors:
        _errors(corpus, results["parley"], args.errors, args.type)


def _errors(corpus, res, n: int, typ: str | None) -> None:
    """Value errors, misses and false alarms on the dev split (never the held-out fifth)."""
    texts = {i: d for i, d in corpus}
    wrong, miss, extra = [], [], []
    for i, gold, sys_, pairs in res:
        if i % 5 == 4:
            continue
        d = texts[i]
        got = {id(g) for g, _ in pairs} | {id(s) for _, s in pairs}
        for g, s in pairs:
            if g.value != s.value and typ in (None, g.type):
                wrong.append(f"{d.dct[:10]} {g.type}:{g.text!r}={g.value} | {s.type}:{s.text!r}={s.value}")
        miss += [f"{d.dct[:10]} {g.type}:{g.text!r}={g.value}  ..{d.text[max(0, g.start - 40):g.end + 20]!r}"
                 for g in gold if id(g) not in got and typ in (None, g.type)]
        extra += [f"{d.dct[:10]} {s.type}:{s.text!r}={s.value}  ..{d.text[max(0, s.start - 40):s.end + 20]!r}"
                  for s in sys_ if id(s) not in got and typ in (None, s.type)]
    for title, rows in (("value errors", wrong), ("misses", miss), ("false alarms", extra)):
        print(f"\n-- {title}: {len(rows)}")
        for r in rows[:n]:
            print("  ", r)


if __name__ == "__main__":
    main(sys.argv[1:])
