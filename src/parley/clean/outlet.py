"""The outlet of an article, by strength of evidence.

Domain or site name > closing credit / copyright footer (a copyright holder the outlet table does not know is
still the outlet) > wire dateline "(Reuters) -" > the outlet's byline style (data) > mentions in the body
("told RFA" or "RFA's Khmer Service" count 3, a bare mention 1, and at least 3 are needed: one "according to
Reuters" names a source, not the outlet). ``None`` when nothing names the outlet, or when two outlets have
the same, highest evidence (no set or dict order may pick one: the result never depends on PYTHONHASHSEED);
the evidence used is returned for ``meta["outlet_evidence"]``. ``data/outlets.yaml`` lists the outlets parley can name.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

import yaml

from parley.clean.page import Page

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def outlet_data() -> dict[str, Any]:
    data = yaml.safe_load((DATA / "outlets.yaml").read_text(encoding="utf-8"))
    outlets, by_alias = [], {}
    for o in data["outlets"]:
        entry = {
            "name": o["name"],
            "short": o.get("short") or o["name"],
            "domains": [d.lower() for d in o.get("domains", [])],
            "style": [re.compile(x) for x in o.get("byline_style", [])],
            "dateline": bool(o.get("dateline")),
        }
        outlets.append(entry)
        for alias in sorted(set(o.get("aliases", [])) | {o["name"]}):
            by_alias.setdefault(alias, entry)
    names = sorted(by_alias, key=len, reverse=True)
    return {
        "outlets": outlets,
        "by_alias": by_alias,
        # one pass finds every alias; case-sensitive so "AP" is not "ap" and "the Post" is nothing
        "alias_re": re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(a) for a in names) + r")(?!\w)"),
    }



_TOLD_BEFORE = re.compile(r"\btold\s+(?:the\s+)?$")
# "Copyright © 2010-2023 The Harbour Times. All rights reserved." → the holder, an outlet not in the table
_COPYRIGHT_HOLDER = re.compile(
    r"(?:Copyright|©)\s*(?:©\s*)?(?:\d{4}\s*[-–]\s*)?\d{4},?\s+(?:by\s+)?"
    r"(?P<name>[A-Z][\w&'’]*(?:\s+[A-Z][\w&'’]*){0,5})")
_SERVICE_AFTER = re.compile(r"^['’]s?\s+\w+\s+[Ss]ervice")


def find_outlet(p: Page, url: str | None, sitename: str | None,
                html: bool = False) -> tuple[str | None, str | None, list[str]]:
    """(short name, full name, evidence) of the outlet; ``html``: the page itself names it, the text never does.

    An HTML page states its publisher (og:site_name, JSON-LD publisher: trafilatura's ``sitename``) and its
    address; a phrase in its text ("according to Reuters", a syndication credit, a copyright line) names a
    source, so on HTML only the site name and the URL's host (mapped through the outlet table) count.
    """
    data = outlet_data()
    scores: Counter = Counter()
    evidence: dict[str, list[str]] = {}
    names: dict[str, str] = {}

    def add(o, w, why):
        scores[o["short"]] += w
        names[o["short"]] = o["name"]
        evidence.setdefault(o["short"], []).append(why)

    def found(text: str):
        return [(data["by_alias"][m.group(0)], m) for m in data["alias_re"].finditer(text)]

    host = (urlparse(url).hostname or "").lower() if url else ""
    if host:
        for o in data["outlets"]:
            if any(host == d or host.endswith("." + d) for d in o["domains"]):
                add(o, 50, f"domain {host}")
    if sitename:
        for o, _ in found(sitename)[:1]:
            add(o, 50, f"site name {sitename}")
    if html:  # the page's own metadata only
        if not scores and sitename:
            return sitename, sitename, [f"site name {sitename}"]
        if not scores:
            return None, None, []
        best = max(scores, key=scores.__getitem__)
        return best, names[best], evidence[best]
    for line in p.credits + p.footers:
        for o in {id(o): o for o, _ in found(line)}.values():
            add(o, 20, f"credit/footer: {line[:80]}")
    for ln in p.lines:  # a copyright holder the outlet table does not know is still the outlet
        holder = _COPYRIGHT_HOLDER.search(ln.text) if ln.kind != "body" else None
        if holder and not found(ln.text):
            name = holder.group("name")
            add({"short": name, "name": name}, 20, f"copyright holder: {ln.text[:80]}")
    for ln in p.body[:2]:  # "PHNOM PENH, March 5 (Reuters) -", also tokenised "-LRB- Reuters -RRB- -"
        first = ln.text[:300]
        for o, m in found(first):
            if o["dateline"] and re.search(r"(?:\(|-LRB-\s)$", first[:m.start()]) and re.match(
                    r"(?:\)|\s-RRB-)\s*(?:[-–—]|--)", first[m.end():]):
                add(o, 15, "wire dateline")
                break
    head = [ln.text for ln in p.lines if ln.kind in ("byline", "timestamp", "chrome", "headline")][:12] + p.bylines
    for o in data["outlets"]:
        if o["style"] and any(st.search(line) for st in o["style"] for line in head):
            add(o, 5, "byline style: " + next(line for line in head if any(st.search(line) for st in o["style"])))
    told: Counter = Counter()
    plain: Counter = Counter()
    for ln in p.body:
        for o, m in found(ln.text):
            if _TOLD_BEFORE.search(ln.text[max(0, m.start() - 12):m.start()]) or _SERVICE_AFTER.match(ln.text[m.end():]):
                told[o["short"]] += 1
            else:
                plain[o["short"]] += 1
            names[o["short"]] = o["name"]
    for short in sorted(set(told) | set(plain)):
        if 3 * told[short] + plain[short] < 3:
            continue  # one "according to Reuters" is a source, not the outlet
        o = next(x for x in data["outlets"] if x["short"] == short)
        if told[short]:
            add(o, 3 * told[short], f"{told[short]} in-text self-references ('told …', '…'s … Service')")
        if plain[short]:
            add(o, plain[short], f"{plain[short]} in-text mentions")
    if not scores and sitename:
        return sitename, sitename, [f"site name {sitename}"]
    if not scores:
        return None, None, []
    top = max(scores.values())
    best = sorted(short for short, score in scores.items() if score == top)
    if len(best) > 1:  # two outlets with equal evidence: the page does not say which one it is
        return None, None, []
    return best[0], names[best[0]], evidence[best[0]]

