"""Event dating on TimeBank + AQUAINT (TempEval-3 training corpus): ``parley.events.dating.date_for`` on the gold
EVENT triggers, scored against the gold event–time links.

Usage: python bench/dating_timebank.py [--data DIR] [--split all|dev|held] [--errors N]
Default data: ../shared/data/timebank (see its README). The DCT is the publication date.

Why: the whole-article gold (bench/events_e2e.py) has about a hundred dated type matches, too few to tell a general
dating rule from one that fits its articles. TimeBank links thousands of events to the time that includes them.
Gold: an EVENT whose instance is IS_INCLUDED in, DURING or SIMULTANEOUS with a DATE TIMEX3 of calendar value
(``1998``, ``1998-01``, ``1998-01-08``): that value is its date, a time in the text before the DCT when the event has
both (the finest of several). Only the trigger and the time expressions are given to ``date_for`` (parley's own
timex stage, no actors, so the side-driven occasion day is not exercised); REPORTING events are read as speech.
Figures: accuracy (the date equal to the gold value) and coverage (any date given), over all linked events and
apart for the events linked to a time in the text and to the DCT only. Gold conventions differ from the article
gold's README in places (TimeBank links a present state to the DCT, the README leaves a standing state undated), so
the figure is a check that a rule does not break time governance, not a target. Splits as bench/timex_timebank.py
(``held`` = every 5th document).
"""

from __future__ import annotations

import argparse
import html
import re
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from parley.document import Document  # noqa: E402
from parley.events.dating import date_for  # noqa: E402
from parley.text import sentences  # noqa: E402
from parley.timex import annotate  # noqa: E402

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')
CALENDAR = re.compile(r"\d{4}(?:-\d\d){0,2}$")
INCLUDED = frozenset({"IS_INCLUDED", "DURING", "SIMULTANEOUS"})


def load(path: Path) -> dict:
    """Plain text of ``<TEXT>`` with the EVENT spans, the TIMEX3 values and the gold date of each linked event."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*tid="(\w+)"[^>]*value="([^"]*)"', raw)
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out, n, pos, opened = [], 0, 0, {}
    events, times = {}, {dct.group(1): ("DATE", dct.group(2)[:10])}
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos:m.start()])
        out.append(chunk)
        n += len(chunk)
        pos = m.end()
        tag = m.group(2)
        if tag not in ("EVENT", "TIMEX3"):
            continue
        if not m.group(1):
            opened[tag] = (n, dict(_ATTR.findall(m.group(3))))
            continue
        s, attrs = opened.pop(tag)
        if tag == "EVENT":
            events[attrs["eid"]] = (s, n, attrs.get("class", ""))
        else:
            times[attrs["tid"]] = (attrs.get("type", ""), attrs.get("value", ""))
    out.append(html.unescape(body[pos:]))
    inst = {a["eiid"]: a["eventID"] for a in (dict(_ATTR.findall(x)) for x in re.findall(r"<MAKEINSTANCE([^>]*)>", raw))}
    links: dict[str, list[tuple[bool, str]]] = {}
    for x in re.findall(r"<TLINK([^>]*)>", raw):
        a = dict(_ATTR.findall(x))
        if a.get("relType") not in INCLUDED or "eventInstanceID" not in a or "relatedToTime" not in a:
            continue
        typ, val = times.get(a["relatedToTime"], ("", ""))
        eid = inst.get(a["eventInstanceID"])
        if typ == "DATE" and CALENDAR.match(val) and eid in events:
            links.setdefault(eid, []).append((a["relatedToTime"] == dct.group(1), val))
    gold = {}
    for eid, ls in links.items():
        text_ones = [v for is_dct, v in ls if not is_dct]
        gold[eid] = (max(text_ones, key=len), "text") if text_ones else (ls[0][1], "dct")
    return {"name": path.stem, "dct": dct.group(2)[:10], "text": "".join(out), "events": events, "gold": gold}


def document(d: dict) -> Document:
    # a line wrapped inside a paragraph is no sentence break (the same length, so the gold offsets hold)
    text = re.sub(r"(?<=[^\n])\n(?=[^\n])", " ", d["text"])
    doc = Document(id=d["name"], text=text, published=d["dct"])
    doc.paragraphs = [[m.start(), m.end()] for m in re.finditer(r"[^\n]+", text)]
    doc.sentences = [s for a, b in doc.paragraphs for s in sentences(text, a, b)]
    return annotate(doc)


def run(d: dict, errors: list) -> Counter:
    c = Counter()
    doc = document(d)
    for eid, (val, basis) in d["gold"].items():
        s0, s1, cls = d["events"][eid]
        si = next((k for k, (a, b) in enumerate(doc.sentences) if a <= s0 < b), None)
        if si is None:
            continue
        got = date_for(doc, si, s0, s1, speech=cls == "REPORTING")
        c[basis] += 1
        c[basis + "_dated"] += bool(got["date"])
        right = got["date"] == val
        c[basis + "_right"] += right
        if not right and len(errors) < 10_000:
            s, e = doc.sentences[si]
            errors.append((basis, val, got["date"], got["basis"], doc.text[s0:s1], " ".join(doc.text[s:e].split())))
    return c


def main(argv: list[str]) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "timebank")
    ap.add_argument("--split", default="all", choices=("all", "dev", "held"))
    ap.add_argument("--errors", type=int, default=0, help="print this many wrong dates")
    a = ap.parse_args(argv)
    files = sorted(a.data.glob("TimeBank/*.tml")) + sorted(a.data.glob("AQUAINT/*.tml"))
    files = [f for i, f in enumerate(files) if a.split == "all" or (i % 5 == 4) == (a.split == "held")]
    c, errors = Counter(), []
    for f in files:
        c += run(load(f), errors)
    print(f"documents {len(files)} ({a.split})")
    for basis in ("text", "dct"):
        n = c[basis]
        print(f"  linked to a {basis:4} date: {n:5}  accuracy {c[basis + '_right'] / max(1, n):.3f}  "
              f"coverage {c[basis + '_dated'] / max(1, n):.3f}")
    n = c["text"] + c["dct"]
    print(f"  all:                   {n:5}  accuracy {(c['text_right'] + c['dct_right']) / max(1, n):.3f}  "
          f"coverage {(c['text_dated'] + c['dct_dated']) / max(1, n):.3f}")
    for row in errors[:a.errors]:
        print("  ", *row[:4], f"[{row[4]}]", row[5][:200])


if __name__ == "__main__":
    main(sys.argv[1:])
