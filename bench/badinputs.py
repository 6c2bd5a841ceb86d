"""A seeded batch of good and malformed inputs through ``parley run``: does the batch finish, is any good article
lost, does any input give a raw exception, how much time and memory does it take, which document is slowest.

    python bench/badinputs.py [--n 10000] [--seed 15] [--pathological 2] [--path-size 1000000]
                              [--timeout 7200] [--profile] [--keep DIR] [--json OUT] [-- EXTRA RUN ARGS]
    python bench/badinputs.py --profile-only [--profile-sizes 25000,50000,100000] [--profile-kinds names]
                              [--baseline-src OLD/src]

What the batch holds (``--n`` inputs in all; good articles are T17 articles from ../shared/data/t17 with a unique
last line each, so no two inputs share content):

- good: plain-text articles laid out like T17 (many same-named files in different folders), the same wrapped
  in HTML, good JSONL records;
- recoverable (an article is in there and must be stored): a stray invalid byte in UTF-8, UTF-16 with and
  without BOM, cp1252, mojibake, a NUL and control characters after the first 8 KiB, 20,000+ leading blanks,
  odd file names (a newline, bytes that are not UTF-8, 250 characters, a leading dash, spaces and quotes,
  non-Latin script), JSONL with a lone-surrogate id, a bad date, wrong-typed title/url;
- bad (must be one clear error each): binary, empty, blank, sparse 50 MB, unsupported suffix, FIFOs, symlinks to
  /dev/zero, broken symlinks, JSONL lines truncated / not an object / no text / text of the wrong type;
- hostile (stored or a clear error, never a raw exception, never a hang): HTML bombs (deep nesting, 200,000
  tags, a 5 MB attribute, a million entities), JSONL nested 1,000 and 100,000 deep, and ``--pathological``
  documents of each kind of ``--path-size``-character single paragraph: dense in quotes, with no sentence
  boundary, dense in dates, dense in names.

The report: finished or not (``--timeout`` on the whole run), wall and CPU seconds and peak RSS of the ``parley
run`` process, per kind: inputs, stored, clear errors, raw exceptions (an error line that is a Python
exception name, or a traceback) and lost (neither stored nor reported); the good inputs stored out of all;
the slowest documents (from the gaps between consecutive ``ingested_at`` stamps, 1 s resolution, which also
count failed inputs read in between). ``--profile`` then times each pipeline stage on each pathological kind
(and on HTML of many small tags) at three growing sizes, each case in its own process under a time cap, so a
super-linear stage shows as a growing ratio (or as the stage that ran out of time). ``--profile-only`` skips the
batch; ``--baseline-src`` profiles an earlier source tree first (``git archive BASE src | tar -x -C OLD``), so the
before and after figures come from one run on the same inputs.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
T17 = REPO.parent / "shared" / "data" / "t17"
RAW_ERROR = re.compile(r"^[A-Za-z_][\w.]*(Error|Exception|Interrupt|Exit)\b|Traceback")
NAMES = ["Ana Ruiz", "Tomas Berg", "Lena Okafor", "Yusuf Demir", "Mara Lindqvist", "Pavel Horak", "Ines Duarte",
         "Kofi Mensah", "Hana Sato", "Omar Haddad"]
SYLLABLES = "ka lo mi ra ten vo sun dar bel nor qui zan fe ho lu mar pet sel".split()
PATHOLOGICAL = ("quotes", "no_boundary", "dates", "names")
HTML = "<html><head><title>Talks</title></head><body><article><p>{}</p></article></body></html>"


class Batch:
    """Writes inputs under ``root`` and remembers, for each, its kind, class and how to recognise its outcome."""

    def __init__(self, root: Path, rng: random.Random, articles: list[str]):
        self.root, self.rng, self.articles = root, rng, articles
        self.inputs: list[dict] = []  # {kind, klass, id, hash}
        self.k = 0
        self.used: set[str] = set()

    def free(self, folder: str, names) -> str:
        """``folder/name`` for the first name drawn from ``names`` (a callable) that is not taken there yet."""
        while True:
            rel = f"{folder}/{names()}"
            if rel not in self.used:
                return rel

    def article(self) -> str:
        self.k += 1
        return self.rng.choice(self.articles).rstrip() + f"\n\nReference {self.k} of the reliability batch.\n"

    def add(self, kind: str, klass: str, rel: str, data: bytes | None, doc_id: str | None = None) -> Path:
        if rel in self.used:  # a second file at one path would overwrite the first: that input would never be read
            raise ValueError(f"badinputs: two inputs at {rel}")
        self.used.add(rel)
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if data is not None:
            path.write_bytes(data)
        self.inputs.append({"kind": kind, "klass": klass, "id": doc_id if doc_id is not None else _id(rel),
                            "hash": hashlib.sha256(data).hexdigest() if data is not None else None})
        return path

    def add_jsonl(self, rel: str, lines: list[tuple[str, str, str | None, str]]) -> None:
        """lines: (kind, klass, record id or None for the line-number fallback, line)."""
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", errors="surrogatepass") as fh:
            for lineno, (kind, klass, doc_id, line) in enumerate(lines, 1):
                fh.write(line + "\n")
                raw = line.encode("utf-8", "surrogatepass").strip()
                self.inputs.append({"kind": kind, "klass": klass,
                                    "id": doc_id if doc_id is not None else f"{_id(rel)}:{lineno}",
                                    "hash": hashlib.sha256(raw).hexdigest()})


def _id(rel: str) -> str:
    parts = rel.split("/")
    return "/".join([*parts[:-1], Path(parts[-1]).stem or parts[-1]])


def load_articles(limit: int = 3000) -> list[str]:
    files = sorted(T17.glob("*/InputDocs/*/*.txt")) if T17.is_dir() else []
    if not files:
        sys.exit(f"badinputs: needs the T17 articles at {T17}")
    rng = random.Random(0)
    texts = []
    for f in rng.sample(files, min(limit, len(files))):
        t = f.read_text(encoding="utf-8", errors="replace")
        if len(t) > 400:
            texts.append(t)
    return texts


# --- pathological paragraphs ---------------------------------------------------------------------------------


def _name(rng: random.Random) -> str:
    """A made-up capitalised word of two or three syllables (no digits: a digit stops a name being an actor)."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def pathological(kind: str, size: int, rng: random.Random) -> str:
    """One paragraph (no blank line) of about ``size`` characters."""
    parts, n = [], 0
    while n < size:
        a, b = rng.sample(NAMES, 2)
        if kind == "quotes":
            s = f"“We will not stop the talks,” {a} said. “Nor will we,” {b} replied, “until {rng.randint(1, 99)} go.” "
        elif kind == "no_boundary":
            s = f"and {a} told {b} that the talks with the ministers of the {rng.randint(1, 999)} provinces would go on "
        elif kind == "dates":
            d = rng.randint(1, 28)
            s = (f"on {d} March 2011 and on Monday {d} April 2010 and on 2011-03-{d:02d} and last week and "
                 f"in May {rng.randint(1990, 2030)} and ")
        else:  # names: many distinct persons, parties with acronyms, definite descriptions, short names, groups
            first, last, other = _name(rng), _name(rng), rng.choice(NAMES)
            party = f"{_name(rng)} {_name(rng)} Party"
            acr = "".join(w[0] for w in party.split()).upper()
            s = (f"{first} {last} of the {party} ({acr}) met Prime Minister {other}, and {last} said the party, "
                 f"the group, the prime minister, the ruling party and {acr} supporters told police, ")
        parts.append(s)
        n += len(s)
    return "Talks resume\n\n" + "".join(parts).strip() + ".\n"


# --- the batch -----------------------------------------------------------------------------------------------


def build(root: Path, n: int, seed: int, n_path: int, path_size: int) -> Batch:
    rng = random.Random(seed)
    b = Batch(root, rng, load_articles())
    html = HTML
    fixed = 0
    # fixed kinds: a few of each, whatever n
    for i in range(2):
        path = b.add("huge_sparse", "bad", f"huge/big{i}.txt", None)
        with open(path, "wb") as fh:
            fh.truncate(50 * 1024 * 1024)
        fixed += 1
    for i in range(3):
        fifo = root / f"special/pipe{i}.txt"
        fifo.parent.mkdir(parents=True, exist_ok=True)
        os.mkfifo(fifo)
        b.add("fifo", "bad", f"special/pipe{i}.txt", None)
        (root / f"special/zero{i}.txt").symlink_to("/dev/zero")
        b.add("dev_zero", "bad", f"special/zero{i}.txt", None)
        (root / f"special/broken{i}.txt").symlink_to(root / "nowhere" / f"{i}.txt")
        b.add("broken_link", "bad", f"special/broken{i}.txt", None)
        fixed += 3
    for kind in PATHOLOGICAL:
        for i in range(n_path):
            b.add(f"path_{kind}", "hostile", f"pathological/{kind}{i}.txt",
                  pathological(kind, path_size, rng).encode())
            fixed += 1
    bombs = {
        "deep_nesting": html.format("<div>" * 50000 + "Deep." + "</div>" * 50000),
        "many_tags": html.format("<p>Talks.</p>" * 200000),
        "huge_attribute": html.format(f'<span title="{"x" * 5_000_000}">{b.article()}</span>'),
        "entities": html.format("&amp;" * 1_000_000 + b.article()),
    }
    for name, page in bombs.items():
        b.add(f"html_{name}", "hostile", f"bombs/{name}.html", page.encode())
        fixed += 1
    deep = [("json_deep_1000", "hostile", None, json.dumps({"id": "deep1", "text": b.article()})[:-1]
             + ', "extra": ' + "[" * 1000 + "]" * 1000 + "}"),
            ("json_deep_100000", "hostile", None, '{"id": "deep2", "text": "x", "extra": '
             + "[" * 100000 + "]" * 100000 + "}")]
    b.add_jsonl("feeds/deep.jsonl", deep)
    fixed += len(deep)

    weights = {"good_txt": 50, "good_html": 8, "good_jsonl": 8, "stray_byte": 3, "utf16_bom": 2, "utf16_nobom": 2,
               "cp1252": 2, "mojibake": 2, "late_nul": 2, "leading_blanks": 1, "odd_name": 3, "binary": 4,
               "empty": 2, "blank": 1, "unsupported": 1, "jsonl_recoverable": 4, "jsonl_bad": 5}
    kinds = rng.choices(list(weights), weights=list(weights.values()), k=max(0, n - fixed))
    jsonl_lines: list = []
    odd = 0
    for i, kind in enumerate(kinds):
        folder = f"t17like/topic{i % 7}/2011-0{i % 9 + 1}-{i % 28 + 1:02d}"
        text = b.article()
        if kind == "good_txt":  # few names, many folders: same-named files everywhere (never two at one path)
            b.add(kind, "good", b.free(folder, lambda: f"{rng.randint(1, 60)}.htm.txt"), text.encode())
        elif kind == "good_html":
            b.add(kind, "good", b.free(f"html/{i % 13}", lambda: f"{rng.randint(1, 200)}.html"),
                  html.format(text.replace("\n\n", "</p><p>")).encode())
        elif kind == "good_jsonl":
            jsonl_lines.append((kind, "good", f"j{i}", json.dumps({"id": f"j{i}", "text": text,
                                                                  "published": "2011-03-14"})))
        elif kind == "stray_byte":
            raw = text.replace("said", "“said”", 1).encode()
            at = rng.randint(0, len(raw) - 1)
            b.add(kind, "good", f"enc/{i}.txt", raw[:at] + b"\x92" + raw[at:])
        elif kind == "utf16_bom":
            b.add(kind, "good", f"enc/{i}.txt", text.encode("utf-16"))
        elif kind == "utf16_nobom":
            b.add(kind, "good", f"enc/{i}.txt", text.encode("utf-16-le"))
        elif kind == "cp1252":
            b.add(kind, "good", f"enc/{i}.txt", text.replace("'", "’").encode("cp1252", errors="replace"))
        elif kind == "mojibake":
            b.add(kind, "good", f"enc/{i}.txt", ("Inácio “Lula” said: " + text).encode().decode("cp1252",
                                                                                         "replace").encode())
        elif kind == "late_nul":
            long = (text + "\n\n") * max(1, 9000 // len(text) + 1)
            b.add(kind, "good", f"enc/{i}.txt", (long + "\x00Tail\x07 line.\n").encode())
        elif kind == "leading_blanks":
            b.add(kind, "good", f"enc/{i}.txt", (" " * 25000 + "\n" * 50 + text).encode())
        elif kind == "odd_name":
            odd += 1
            choice = odd % 6
            raw_name = [b"news\nitem%d.txt", b"caf\xe9-%d.txt", b"%d" + b"x" * 240 + b".txt", b"-rf %d.txt",
                        b"it's \"quoted\" %d.txt", "报道-%d.txt".encode()][choice]
            fname = os.fsdecode(raw_name.replace(b"%d", str(i).encode()))
            doc_id = fname.rsplit(".", 1)[0]
            doc_id = doc_id.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            b.add(kind, "good", f"names/{fname}", text.encode(), doc_id=f"names/{doc_id}")
        elif kind == "binary":
            b.add(kind, "bad", f"{folder}/bin{i}.txt", rng.randbytes(rng.randint(100, 20000)))
        elif kind == "empty":
            b.add(kind, "bad", f"{folder}/empty{i}.txt", b"")
        elif kind == "blank":
            b.add(kind, "bad", f"{folder}/blank{i}.txt", b" \n\t\n" * rng.randint(1, 5000))
        elif kind == "unsupported":
            b.add(kind, "bad", f"other/{i}.docx", b"PK\x03\x04" + rng.randbytes(200))
        elif kind == "jsonl_recoverable":
            rec = {"id": f"r{i}", "text": text}
            variant = i % 3
            if variant == 0:  # a lone surrogate in the id and in an extra field
                line = json.dumps(rec)[:-1].replace(f'"id": "r{i}"', f'"id": "r{i}\\ud800"') + ', "tag": "\\udfff"}'
                rec_id = f"r{i}\ufffd"
            elif variant == 1:
                rec["published"] = "2024-13-45"
                line, rec_id = json.dumps(rec), f"r{i}"
            else:
                rec.update(title=["a", "list"], url=42)
                line, rec_id = json.dumps(rec), f"r{i}"
            jsonl_lines.append((kind, "good", rec_id, line))
        else:  # jsonl_bad
            variant = i % 4
            line = [json.dumps({"id": f"b{i}", "text": text})[: 40], json.dumps([f"b{i}", text]),
                    json.dumps({"id": f"b{i}", "title": "no body"}),
                    json.dumps({"id": f"b{i}", "text": {"body": text}})][variant]
            jsonl_lines.append((kind, "bad", f"b{i}" if variant >= 2 else None, line))
        if len(jsonl_lines) >= 50:
            b.add_jsonl(f"feeds/feed{i}.jsonl", jsonl_lines)
            jsonl_lines = []
    if jsonl_lines:
        b.add_jsonl("feeds/last.jsonl", jsonl_lines)
    return b


# --- run and report ------------------------------------------------------------------------------------------


def run(root: Path, db: Path, timeout: float, extra: list[str]) -> dict:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    err_path = db.with_suffix(".stderr")
    with err_path.open("wb") as err:
        proc = subprocess.Popen([sys.executable, "-m", "parley.cli", "run", str(root), "--db", str(db), *extra],
                                stdout=subprocess.PIPE, stderr=err, env=env, start_new_session=True)
        try:
            out, _ = proc.communicate(timeout=timeout)
            finished = True
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            out, _ = proc.communicate()
            finished = False
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"finished": finished, "returncode": proc.returncode, "wall_s": round(wall, 1),
            "cpu_s": round(after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime, 1),
            "peak_rss_mb": round(after.ru_maxrss / 1024, 1), "stdout": out.decode("utf-8", "replace"),
            "stderr": err_path.read_text(encoding="utf-8", errors="replace")}


def outcomes(batch: Batch, db: Path, stderr: str) -> dict:
    import sqlite3

    errors: dict[str, str] = {}
    raw_lines = []
    for line in stderr.splitlines():
        if line.startswith("{"):
            try:
                rec = json.loads(line)
                errors[str(rec.get("id"))] = str(rec.get("error"))
                continue
            except ValueError:
                pass
        if "Traceback" in line or RAW_ERROR.match(line):
            raw_lines.append(line)
    stored, stamps = set(), []
    if db.exists():
        con = sqlite3.connect(db)
        try:
            stored = {r[0] for r in con.execute("SELECT content_hash FROM documents")}
            stamps = con.execute("SELECT rowid, id, ingested_at, length(text) FROM documents ORDER BY rowid").fetchall()
        except sqlite3.DatabaseError:
            pass
        con.close()
    table: dict[str, Counter] = defaultdict(Counter)
    raw_examples = []
    for inp in batch.inputs:
        row = table[inp["kind"]]
        row["inputs"] += 1
        row["class:" + inp["klass"]] += 1
        reason = errors.get(inp["id"])
        if inp["hash"] in stored:
            row["stored"] += 1
        elif reason is not None:
            if RAW_ERROR.match(reason):
                row["raw"] += 1
                raw_examples.append((inp["kind"], reason[:120]))
            else:
                row["clear"] += 1
        else:
            row["lost"] += 1
    good = [i for i in batch.inputs if i["klass"] == "good"]
    return {"table": table, "good": len(good), "good_stored": sum(i["hash"] in stored for i in good),
            "raw_lines": raw_lines[:5], "raw_examples": raw_examples[:8], "slowest": slowest(stamps)}


def slowest(stamps: list) -> list[tuple[float, str, int]]:
    """(seconds since the previous stored document, id, text length), the five largest."""
    from datetime import datetime

    out, prev = [], None
    for _, doc_id, at, n in stamps:
        t = datetime.fromisoformat(at).timestamp()
        if prev is not None:
            out.append((t - prev, doc_id, n))
        prev = t
    return sorted(out, reverse=True)[:5]


def report(res: dict, oc: dict, n_inputs: int) -> None:
    print(f"inputs {n_inputs}: finished {res['finished']} (exit {res['returncode']}), wall {res['wall_s']} s, "
          f"CPU {res['cpu_s']} s, peak RSS {res['peak_rss_mb']} MB")
    print(f"good inputs stored: {oc['good_stored']} / {oc['good']}")
    print(f"{'kind':22} {'class':9} {'inputs':>6} {'stored':>6} {'clear':>6} {'raw':>4} {'lost':>5}")
    totals = Counter()
    for kind, row in sorted(oc["table"].items()):
        klass = next(k[6:] for k in row if k.startswith("class:"))
        print(f"{kind:22} {klass:9} {row['inputs']:>6} {row['stored']:>6} {row['clear']:>6} {row['raw']:>4} "
              f"{row['lost']:>5}")
        totals.update({k: v for k, v in row.items() if not k.startswith("class:")})
    print(f"{'all':22} {'':9} {totals['inputs']:>6} {totals['stored']:>6} {totals['clear']:>6} {totals['raw']:>4} "
          f"{totals['lost']:>5}")
    for kind, reason in oc["raw_examples"]:
        print(f"  raw error ({kind}): {reason}")
    for line in oc["raw_lines"]:
        print(f"  raw stderr line: {line[:160]}")
    print("slowest stored documents (gap before their ingested_at, s; id; text chars):")
    for gap, doc_id, n in oc["slowest"]:
        print(f"  {gap:6.0f}  {doc_id[:70]!r}  {n}")


# --- per-stage profile of the pathological kinds ---------------------------------------------------------------

PROFILE = r"""
import os, sys, time
from parley.context import Context
from parley.ingest import make_raw
from parley import pipeline
text = sys.stdin.read()
ctx = pipeline.wire(Context())
clock = time.perf_counter
if os.environ.get("PROFILE_CPU"):  # process CPU seconds, every resource loaded first by a small article
    clock = time.process_time
    pipeline.analyze(make_raw("w", "w.txt", b"Ana Ruiz met Omar Haddad in Cairo on Monday, he said.", "text"), ctx)
raw = make_raw("p", "p.txt", text.encode(), "html" if text.startswith("<html>") else "text")
t = clock()
try:
    doc = pipeline.clean.clean(raw, ctx)
finally:
    print("clean", round(clock() - t, 3), flush=True)
for stage in pipeline.STAGES:
    t = clock()
    doc = stage(doc, ctx)
    print(getattr(stage, "__module__", "?").replace("parley.", ""), round(clock() - t, 3), flush=True)
"""


def profile(sizes: list[int], cap: float, seed: int, kinds: tuple[str, ...] = (*PATHOLOGICAL, "html_tags"),
            src: Path = REPO / "src", cpu: bool = False) -> None:
    env = {**os.environ, "PYTHONPATH": str(src) + os.pathsep + os.environ.get("PYTHONPATH", "")}
    if cpu:
        env["PROFILE_CPU"] = "1"
    print(f"per-stage {'CPU ' if cpu else ''}seconds of {src} (each case its own process, capped at {cap:.0f} s; '>' = still running at "
          "the cap):")
    for kind in kinds:
        rows = {}
        for size in sizes:
            text = (HTML.format("<p>Talks.</p>" * (size // 14)) if kind == "html_tags"
                    else pathological(kind, size, random.Random(seed)))
            proc = subprocess.Popen([sys.executable, "-c", PROFILE], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                    stderr=subprocess.PIPE, env=env, text=True, start_new_session=True)
            try:
                out, err = proc.communicate(text, timeout=cap)
                timed_out = False
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                out, err = proc.communicate()
                timed_out = True
            got = dict(line.split() for line in out.splitlines() if len(line.split()) == 2)
            if timed_out:
                got["(next stage)"] = f">{cap - sum(float(v) for v in got.values()):.0f}"
            elif proc.returncode:
                got["(error)"] = (err.strip().splitlines() or ["?"])[-1].split(":")[0].rsplit(".", 1)[-1][:11]
            rows[size] = got
        stages = list(dict.fromkeys(k for r in rows.values() for k in r))
        print(f"  {kind}: " + "  ".join(f"{s // 1000} k chars" for s in sizes))
        for stage in stages:
            print(f"    {stage:18}" + "".join(f"{rows[s].get(stage, '-'):>12}" for s in sizes))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=10000, help="inputs in all (default 10,000)")
    ap.add_argument("--seed", type=int, default=15)
    ap.add_argument("--pathological", type=int, default=2, help="documents of each pathological kind")
    ap.add_argument("--path-size", type=int, default=1_000_000, help="characters of each pathological paragraph")
    ap.add_argument("--timeout", type=float, default=7200, help="seconds the whole run may take")
    ap.add_argument("--profile", action="store_true", help="then time each stage on the pathological kinds")
    ap.add_argument("--profile-sizes", default="10000,20000,40000")
    ap.add_argument("--profile-cap", type=float, default=120)
    ap.add_argument("--profile-only", action="store_true", help="no batch: only the per-stage profile")
    ap.add_argument("--profile-cpu", action="store_true", help="profile process CPU seconds after a warm-up "
                    "article (resources loaded), not wall seconds: comparable on a loaded machine")
    ap.add_argument("--profile-kinds", default=",".join((*PATHOLOGICAL, "html_tags")))
    ap.add_argument("--baseline-src", metavar="DIR", help="profile this source tree too, first (e.g. a `git archive` "
                    "of an earlier commit's src/), so before and after come from one run on the same inputs")
    ap.add_argument("--keep", metavar="DIR", help="build the batch and the store here and keep them")
    ap.add_argument("--json", metavar="OUT", help="also write the figures as JSON")
    ap.add_argument("extra", nargs="*", help="after --: more arguments for parley run")
    args = ap.parse_args()
    if args.profile_only:
        sizes, kinds = [int(x) for x in args.profile_sizes.split(",")], tuple(args.profile_kinds.split(","))
        for src in ([Path(args.baseline_src)] if args.baseline_src else []) + [REPO / "src"]:
            profile(sizes, args.profile_cap, args.seed, kinds, src, cpu=args.profile_cpu)
        return 0
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="parley-bad-"))
    root, db = work / "inputs", work / "bad.db"
    if root.exists():
        shutil.rmtree(root)
    for f in work.glob("bad.db*"):
        f.unlink()
    t = time.perf_counter()
    batch = build(root, args.n, args.seed, args.pathological, args.path_size)
    print(f"batch: {len(batch.inputs)} inputs under {root} built in {time.perf_counter() - t:.0f} s")
    res = run(root, db, args.timeout, args.extra)
    oc = outcomes(batch, db, res["stderr"])
    report(res, oc, len(batch.inputs))
    if args.json:
        Path(args.json).write_text(json.dumps({**{k: v for k, v in res.items() if k not in ("stdout", "stderr")},
                                               **{k: v for k, v in oc.items() if k != "table"},
                                               "table": {k: dict(v) for k, v in oc["table"].items()}},
                                              ensure_ascii=False, indent=1), encoding="utf-8")
    if args.profile:
        profile([int(s) for s in args.profile_sizes.split(",")], args.profile_cap, args.seed,
                tuple(args.profile_kinds.split(",")), cpu=args.profile_cpu)
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    ok = res["finished"] and oc["good_stored"] == oc["good"] and not any(r["raw"] or r["lost"]
                                                                          for r in oc["table"].values())
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
