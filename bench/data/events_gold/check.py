"""Validate the whole-article events gold (dev.jsonl, test.jsonl, election.jsonl).

Why: the gold is hand-written; a typo in an evidence string or a stray type would
silently turn into a false negative for the system being scored.  This checks that
every evidence and trigger is an exact substring of its article file (the evidence
within one line, the trigger inside the evidence), that types and modes are PLOVER
2024's, dates agree with their precision, the flags are booleans, and the published
date is the article's own (a T17 file's folder date; a PolNeAR file's
publication_date in polnear/metadata.tsv).

Run: python bench/data/events_gold/check.py [--data ../shared/data] [files...]
Exit status 1 and one line per problem when anything is wrong.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
         "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# Modes of the PLOVER 2024 manual's mode tables (plus NGEC codebook names), per type.
MODES = {
    "CONSULT": {"visit", "third-party", "multilateral", "phone"},
    "RETREAT": {"withdraw", "release", "disarm", "ceasefire", "access", "resign", "return"},
    "REQUEST": {"assist", "change", "yield", "meet"},
    "REJECT": {"assist", "change", "yield", "meet"},
    "ACCUSE": {"disapprove", "investigate", "allege"},
    "THREATEN": {"restrict", "arrest", "relations", "expel", "territory", "violence", "ban", "rights"},
    "PROTEST": {"demo", "riot", "strike", "hunger", "boycott", "obstruct", "vandalize"},
    "SANCTION": {"convict", "expel", "withdraw", "discontinue"},
    "MOBILIZE": {"troops", "weapons", "police", "militia"},
    "COERCE": {"seize", "restrict", "ban", "censor", "curfew", "martial-law", "arrest", "deport", "withhold",
               "misinformation", "cyber"},
    "ASSAULT": {"abduct", "beat", "torture", "sexual", "targeted", "destroy", "primitive", "firearms",
                "explosives", "suicide-attack", "aerial", "drone", "heavy-weapons", "crowd-control",
                "unconventional"},
}
DATE_RE = {"day": r"\d{4}-\d{2}-\d{2}", "month": r"\d{4}-\d{2}", "year": r"\d{4}"}
ARTICLE_KEYS = {"path", "topic", "outlet", "published", "events"}
EVENT_KEYS = {"evidence", "trigger", "type", "mode", "actor", "actor_principal", "recipient", "date",
              "date_precision", "negated", "hypothetical", "future"}
OPTIONAL = {"note"}


def check_event(ev: dict, text: str, where: str) -> list[str]:
    bad = []
    missing = EVENT_KEYS - ev.keys()
    extra = ev.keys() - EVENT_KEYS - OPTIONAL
    if missing or extra:
        bad.append(f"{where}: keys missing {sorted(missing)} extra {sorted(extra)}")
        return bad
    evid, trig = ev["evidence"], ev["trigger"]
    if not isinstance(evid, str) or not evid or evid not in text:
        bad.append(f"{where}: evidence not in file: {evid!r}")
    elif "\n" in evid:
        bad.append(f"{where}: evidence spans lines")
    if not isinstance(trig, str) or not trig or trig not in (evid or ""):
        bad.append(f"{where}: trigger {trig!r} not inside evidence")
    if ev["type"] not in TYPES:
        bad.append(f"{where}: bad type {ev['type']!r}")
    mode = ev["mode"]
    if mode is not None and mode not in MODES.get(ev["type"], set()):
        bad.append(f"{where}: mode {mode!r} not a {ev['type']} mode")
    if not isinstance(ev["actor"], str) or not ev["actor"].strip():
        bad.append(f"{where}: actor must be a non-empty string")
    for k in ("actor_principal", "recipient"):
        if ev[k] is not None and (not isinstance(ev[k], str) or not ev[k].strip()):
            bad.append(f"{where}: {k} must be null or a non-empty string")
    prec, date = ev["date_precision"], ev["date"]
    if prec == "none":
        if date is not None:
            bad.append(f"{where}: precision none needs date null")
    elif prec in DATE_RE:
        if not isinstance(date, str) or not re.fullmatch(DATE_RE[prec], date):
            bad.append(f"{where}: date {date!r} does not fit precision {prec}")
    else:
        bad.append(f"{where}: bad precision {prec!r}")
    for k in ("negated", "hypothetical", "future"):
        if not isinstance(ev[k], bool):
            bad.append(f"{where}: {k} must be a boolean")
    return bad


def publication_date(data: Path, path: str) -> str | None:
    """The article's own publication date: T17 keeps it as the folder name (t17/<src>/InputDocs/<date>/…),
    PolNeAR in metadata.tsv (publication_date of the row whose filename is the text file's stem)."""
    parts = path.split("/")
    if parts[0] == "t17":
        return parts[3] if len(parts) > 3 else None
    if parts[0] == "polnear":
        stem = Path(path).stem
        meta = data / "polnear" / "metadata.tsv"
        if meta.is_file():
            for line in meta.read_text(encoding="utf-8").splitlines()[1:]:
                f = line.split("\t")
                if len(f) > 5 and f[1] == stem:
                    return f[5]
    return None


def check_file(path: Path, data: Path, seen: set[str]) -> tuple[list[str], Counter]:
    bad: list[str] = []
    types: Counter = Counter()
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{path.name}:{n}"
        try:
            art = json.loads(line)
        except json.JSONDecodeError as e:
            bad.append(f"{where}: bad JSON: {e}")
            continue
        if set(art) != ARTICLE_KEYS:
            bad.append(f"{where}: article keys {sorted(art)}")
            continue
        if art["path"] in seen:
            bad.append(f"{where}: {art['path']} appears twice (dev and test must not overlap)")
        seen.add(art["path"])
        f = data / art["path"]
        if not f.is_file():
            bad.append(f"{where}: no file {f}")
            continue
        if publication_date(data, art["path"]) != art["published"]:
            bad.append(f"{where}: published {art['published']} is not the article's publication date")
        text = f.read_text(encoding="utf-8")
        for i, ev in enumerate(art["events"]):
            bad += check_event(ev, text, f"{where} event {i}")
            types[ev.get("type")] += 1
    return bad, types


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=str(HERE.parents[3] / "shared" / "data"))
    ap.add_argument("files", nargs="*", default=[str(HERE / f"{n}.jsonl") for n in ("dev", "test", "election")])
    args = ap.parse_args()
    data = Path(args.data)
    if not (data / "t17").is_dir():
        print(f"no T17 under {data}", file=sys.stderr)
        return 2
    seen: set[str] = set()
    problems = []
    for name in args.files:
        p = Path(name)
        if not p.exists():
            continue
        bad, types = check_file(p, data, seen)
        problems += bad
        arts = sum(1 for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip())
        print(f"{p.name}: {arts} articles, {sum(types.values())} events; "
              + ", ".join(f"{t} {c}" for t, c in sorted(types.items())))
    for b in problems:
        print(b)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
