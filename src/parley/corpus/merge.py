"""Cross-article merging: one corpus actor per real-world actor, one event cluster per happening.

Actor merge (``merge_actors``) works on the per-document actor rows only (names, aliases, types, codes), never
on article text, so a full re-merge stays cheap. Evidence levels:

- *strong keys* join actors outright: a multi-word person name with leading titles dropped ("Prime Minister
  Hun Sen" -> "hun sen"), an organisation's name or a document-declared alias/acronym ("CNRP" declared next to
  "Cambodia National Rescue Party" in some article), a capitalised single-word organisation/country name;
- a multi-word person name that is the tail of exactly one other name ("Hun Sen" / "Samdech Hun Sen") joins it;
- *weak keys* - a lone surname or given name ("Rainsy"), a bare acronym with no expansion in its article - join
  a group only when exactly one group carries that token (surname) or acronym (declared or derived from the
  name's initials); if several do, a group with a member in the same article wins; otherwise the actor stays
  apart. Two different full names sharing a surname ("Kem Sokha" / "Kem Monovithya") never merge.

The canonical name (``name``) is the fullest title-free form seen (most words, not an acronym, longest), ties
broken alphabetically. The corpus actor id is a function of the group alone, chosen to stay put as the corpus
grows (issue 15: adding one article must not move the ids of actors it does not touch): the slug of the name in
the group's earliest report (among its names of the best kind: not an acronym, then several words), so an
article published later never renames the group it joins, and one odd long form ("Ghadaffi bomb exploded Pan
Am Flight") cannot rename a group seen in many. Groups whose slugs coincide (an organisation and a person
"Jordan") are told apart by content, not by enumeration: the group with the most documents keeps the bare
slug, each other adds its type (or, for the same type, a hash of its earliest report), so a newcomer with the
same name renumbers nobody.
Roles stay per document (``actors.role``/``code`` with the article's date; ``store.corpus_actor_roles``).

Event clustering (``cluster_events``): two event mentions report the same happening when they share the
PLOVER type (the family; CAMEO root for events without a PLOVER type), the modality (asserted / negated /
hypothetical / future), dates that overlap within their precision (a month-precision date matches any day of
that month), and the dyad - actor sets intersect and recipient sets intersect (or both are empty); for
symmetric types (CONSULT, AGREE, COOPERATE: data/corpus/corpus.yaml) the two sides are compared unordered.
Clusters are the connected components of that relation, so the result does not depend on input order, and a
subset made of whole old clusters plus new events clusters exactly like the full corpus would (the basis of
the incremental rebuild in ``parley.corpus``).
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml


@lru_cache(maxsize=1)
def config() -> dict[str, Any]:
    """Corpus settings and word lists (data/corpus/corpus.yaml) plus PLOVER facts (data/corpus/plover.yaml)."""
    base = resources.files("parley") / "data" / "corpus"
    cfg = yaml.safe_load((base / "corpus.yaml").read_text(encoding="utf-8"))
    cfg["plover"] = yaml.safe_load((base / "plover.yaml").read_text(encoding="utf-8"))["plover"]
    cfg["titles"] = set(cfg["titles"])
    cfg["acronym_stopwords"] = set(cfg["acronym_stopwords"])
    return cfg


# --- names -----------------------------------------------------------------------------------------------

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})
_POSS = re.compile(r"'s?$")
_NONWORD = re.compile(r"[^\w\s&-]+")


@lru_cache(maxsize=1 << 16)  # a corpus repeats its names: a re-merge of 37,000 actor rows calls this 120,000 times
def norm(text: str) -> str:
    """Lower-case comparison form: NFKC, quotes unified, possessive and punctuation dropped."""
    text = unicodedata.normalize("NFKC", text or "").translate(_APOS)
    words = [_POSS.sub("", w) for w in text.split()]
    text = _NONWORD.sub("", " ".join(words).replace(".", "")).lower()
    return " ".join(text.replace("-", " ").split())


def slug(text: str) -> str:
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s or hashlib.sha1(text.encode()).hexdigest()[:10]


def is_acronym(name: str) -> bool:
    letters = name.replace(".", "").replace("&", "")
    return 2 <= len(letters) <= 10 and letters.isalnum() and letters.upper() == letters and \
        sum(c.isalpha() for c in letters) >= 2


@lru_cache(maxsize=1 << 16)
def strip_titles(name: str, person: bool = True) -> str:
    """Drop leading titles and lower-case descriptors: "opposition leader Sam Rainsy" -> "Sam Rainsy"."""
    words = unicodedata.normalize("NFKC", name or "").translate(_APOS).split()
    titles = config()["titles"]
    i = 0
    while i < len(words) - 1:
        w = words[i]
        bare = w.strip(".,").lower()
        if w[:1].islower() or bare == "the" or (person and bare in titles):
            i += 1
            continue
        break
    return " ".join(words[i:]).strip(" ,")


def derived_acronym(name: str) -> str | None:
    """Initials of an organisation name's content words ("Cambodian People's Party" -> "cpp")."""
    stop = config()["acronym_stopwords"]
    words = [w for w in norm(name).split() if w not in stop]
    if len(words) < 2:
        return None
    return "".join(w[0] for w in words)


# --- actor merge ---------------------------------------------------------------------------------------------

@dataclass(slots=True)
class ActorRow:
    """One document-level actor (a row of the ``actors`` table). Slotted: a full re-merge holds every actor row
    of the corpus (230,000 on a 9,000-article store), so the per-row overhead is the step's memory (issue 15)."""

    doc_id: str
    actor_id: str
    name: str
    type: str | None = None
    aliases: list[str] = field(default_factory=list)
    code: str | None = None
    affiliation: str | None = None
    role: str | None = None
    published: str | None = None
    mentions: int = 0

    @property
    def person(self) -> bool:
        return (self.type or "person") == "person"

    def forms(self) -> list[str]:
        return [f for f in [self.name, *self.aliases] if f and f.strip()]


def actor_keys(row: ActorRow) -> dict[str, Any]:
    """Merge keys of one document actor: strong keys, the weak-lookup index it offers, its own weak key."""
    strong: set[str] = set()
    index: set[str] = set()
    weak: str | None = None
    if row.person:
        single = None
        for f in row.forms():
            toks = norm(strip_titles(f)).split()
            if not toks:
                continue
            index.update(toks)
            if len(toks) >= 2:
                strong.add("p:" + " ".join(toks))
            elif f == row.name:
                single = toks[0]
        if not strong and single:
            weak = "p:" + single
    else:
        forms = [strip_titles(f, person=False) for f in row.forms()]
        expansions = [f for f in forms if not is_acronym(f) and f[:1].isupper()]
        for f in forms:
            n = norm(f)
            if not n:
                continue
            if is_acronym(f):
                index.add(n)
                if expansions:
                    strong.add("o:" + n)
            elif f[:1].isupper() or f == row.name:
                strong.add("o:" + n)
                index.add(n)
                acro = derived_acronym(f)
                if acro:
                    index.add(acro)
        if not strong and forms:
            weak = "o:" + norm(forms[0])
    return {"strong": strong, "index": index, "weak": weak}


class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, i: int) -> int:
        while self.p[i] != i:
            self.p[i] = self.p[self.p[i]]
            i = self.p[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


def merge_actors(rows: list[ActorRow]) -> list[dict[str, Any]]:
    """Group document actors into corpus actors. Returns one dict per corpus actor (see module docstring):
    ``{"id", "name", "type", "code", "codes", "affiliation", "num_docs", "num_mentions", "first_seen",
    "last_seen", "keys", "aliases": [(alias, norm, kind)], "members": [(doc_id, actor_id)]}``."""
    rows = sorted(rows, key=lambda r: (r.doc_id, r.actor_id))
    keys = [_compact_keys(actor_keys(r)) for r in rows]
    uf = _UF(len(rows))
    # 1. strong keys
    owner: dict[str, int] = {}
    for i, k in enumerate(keys):
        for key in k[0]:
            if key in owner:
                uf.union(owner[key], i)
            else:
                owner[key] = i
    # 1b. a person name that is the tail of exactly one longer name
    # (an index of every name by its word tails, so this is linear in the names, not quadratic: issue 15)
    person_names = sorted({key[2:] for key in owner if key.startswith("p:")})
    by_tail: dict[str, list[str]] = defaultdict(list)
    for full in person_names:
        words = full.split()
        for k in range(1, len(words)):
            by_tail[" ".join(words[k:])].append(full)
    for short in person_names:
        longer = {uf.find(owner["p:" + full]) for full in by_tail.get(short, ())}
        if len(longer) == 1:
            uf.union(owner["p:" + short], longer.pop())
    # 2. weak-only actors attach to a unique candidate group
    strong_groups: dict[tuple[bool, str], set[int]] = defaultdict(set)
    doc_groups: dict[str, set[int]] = defaultdict(set)
    for i, (r, k) in enumerate(zip(rows, keys, strict=True)):
        if k[0]:
            g = uf.find(i)
            for tok in k[1]:
                strong_groups[(r.person, tok)].add(g)
            doc_groups[r.doc_id].add(g)
    weak_how: dict[int, str] = {}
    weak_first: dict[str, int] = {}
    for i, (r, k) in enumerate(zip(rows, keys, strict=True)):
        if k[0] or not k[2]:
            continue
        cands = strong_groups.get((r.person, k[2][2:]), set())
        if len(cands) == 1:
            uf.union(next(iter(cands)), i)
            weak_how[i] = "unique"
            continue
        local = cands & doc_groups.get(r.doc_id, set())
        if len(local) == 1:
            uf.union(next(iter(local)), i)
            weak_how[i] = "local"
            continue
        weak_how[i] = "ambiguous" if cands else "own"
        if k[2] in weak_first:
            uf.union(weak_first[k[2]], i)
        else:
            weak_first[k[2]] = i
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(len(rows)):
        groups[uf.find(i)].append(i)
    out = []
    for members in groups.values():
        out.append(_summarise([rows[i] for i in members], [keys[i] for i in members],
                              [weak_how.get(i) for i in members]))
    _assign_ids(out)
    return sorted(out, key=lambda a: a["id"])


def _compact_keys(k: dict[str, Any]) -> tuple[tuple[str, ...], tuple[str, ...], str | None]:
    """``actor_keys`` as (strong, index, weak) tuples of interned strings: a corpus repeats its names, and one
    dict of two sets per actor row was most of a full re-merge's memory (issue 15)."""
    return (tuple(sys.intern(x) for x in sorted(k["strong"])), tuple(sys.intern(x) for x in sorted(k["index"])),
            sys.intern(k["weak"]) if k["weak"] else None)


def _canonical(rows: list[ActorRow]) -> str:
    forms = set()
    for r in rows:
        for f in r.forms():
            s = strip_titles(f, person=r.person)
            if s:
                forms.add(s)
    return min(forms, key=lambda f: (is_acronym(f), -len(f.split()), -len(f), f))


def _most_common(values: list[Any]) -> Any:
    values = [v for v in values if v]
    if not values:
        return None
    counts = Counter(values)
    return min(counts, key=lambda v: (-counts[v], str(v)))


def _summarise(rows: list[ActorRow], keys: list[tuple], how: list[str | None]) -> dict[str, Any]:
    name = _canonical(rows)
    anchor = _anchor(rows)
    aliases: dict[str, tuple[str, str, str]] = {}
    for r in rows:
        for f in r.forms():
            kind = "name" if f == r.name else "alias"
            if f not in aliases or kind == "name":
                aliases[f] = (f, norm(strip_titles(f, person=r.person)), kind)
    aliases.setdefault(name, (name, norm(name), "canonical"))
    strong = sorted(set().union(*(k[0] for k in keys)))
    index = sorted(set().union(*(k[1] for k in keys if k[0])))
    weak = sorted({k[2] + "|" + h for k, h in zip(keys, how, strict=True) if k[2] and h})
    dates = sorted(r.published for r in rows if r.published)
    return {
        "name": name,
        "id_form": strip_titles(anchor.name, person=anchor.person) or name,
        "anchor": (anchor.published or "9999", anchor.doc_id, anchor.actor_id),
        "type": _most_common([r.type for r in rows]) or "person",
        "code": _most_common([r.code for r in rows]),
        "codes": sorted({r.code for r in rows if r.code}),
        "affiliation": _most_common([r.affiliation for r in rows]),
        "num_docs": len({r.doc_id for r in rows}),
        "num_mentions": sum(r.mentions for r in rows),
        "first_seen": dates[0] if dates else None,
        "last_seen": dates[-1] if dates else None,
        "keys": {"person": rows[0].person, "strong": strong, "index": index, "weak": weak},
        "aliases": sorted(aliases.values()),
        "members": sorted((r.doc_id, r.actor_id) for r in rows),
    }


def _anchor(rows: list[ActorRow]) -> ActorRow:
    """The row a group's id is read from: its earliest report among the rows whose name is of the best kind
    (not an acronym, then several words), so a later article never renames the group it joins."""
    def rank(r: ActorRow) -> tuple:
        form = strip_titles(r.name, person=r.person)
        return (not form, is_acronym(form), len(form.split()) < 2, r.published or "9999", r.doc_id, r.actor_id)
    return min(rows, key=rank)


def _assign_ids(actors: list[dict[str, Any]]) -> None:
    """Ids from each group's content (module docstring): the slug of its anchor's name; where slugs clash, the
    group with the most documents keeps it and each other adds its type, or failing that a hash of its anchor."""
    by_base: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for a in actors:
        by_base[slug(a["id_form"])].append(a)
    taken = set(by_base)
    for base, group in sorted(by_base.items()):
        group.sort(key=lambda a: (-a["num_docs"], -len(a["members"]), a["anchor"]))
        group[0]["id"] = base
        for a in group[1:]:
            ident = f"{base}-{slug(a['type'] or 'person')}"
            if ident in taken or a["type"] == group[0]["type"]:
                ident = f"{base}-{hashlib.sha1(repr(a['anchor']).encode('utf-8')).hexdigest()[:6]}"
            stem, n = ident, 2
            while ident in taken:  # a hash prefix clash, or another group's bare slug: vanishingly rare
                ident, n = f"{stem}-{n}", n + 1
            taken.add(ident)
            a["id"] = ident
    for a in actors:
        del a["id_form"], a["anchor"]


def absorbs(actor: dict[str, Any], row: ActorRow) -> bool:
    """True when adding ``row`` to the stored corpus actor changes nothing a full re-merge would decide:
    its keys, tokens and name forms are all known to that actor (so the incremental path is exact)."""
    k = actor_keys(row)
    keys = actor["keys"]
    if keys.get("person") != row.person:
        return False
    known_forms = {a[0] for a in actor["aliases"]}
    if not set(row.forms()) <= known_forms:
        return False
    if k["strong"]:
        return set(k["strong"]) <= set(keys["strong"]) and set(k["index"]) <= set(keys["index"])
    return any(w in (f"{k['weak']}|unique", f"{k['weak']}|own") for w in keys["weak"])


# --- event clustering -----------------------------------------------------------------------------------------

@dataclass(slots=True)
class EventRow:
    """One event mention with its actors resolved to corpus actor ids. Slotted: an event family's rows, and the
    corpus timeline's finely dated ones, are held together (issue 15)."""

    id: str
    doc_id: str
    date: str | None
    date_precision: str | None
    event: str | None
    cameo: str | None
    actors: list[str]
    recipients: list[str]
    start: int = 0
    end: int = 0
    mode: str | None = None
    quad: int | None = None
    goldstein: float | None = None
    confidence: float = 0.0
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    published: str | None = None
    outlet: str | None = None
    text: str | None = None
    actor_codes: list[str] = field(default_factory=list)
    recipient_codes: list[str] = field(default_factory=list)
    date_end: str | None = None

    @property
    def family(self) -> str | None:
        return family(self.event, self.cameo)

    @property
    def modality(self) -> str:
        return modality(self.event, self.negated, self.hypothetical, self.future)

    @property
    def symmetric(self) -> bool:
        cfg = config()
        if self.event:
            return self.event.upper() in cfg["symmetric_events"]
        return bool(self.cameo) and self.cameo[:2] in cfg["symmetric_cameo_roots"]


def family(event: str | None, cameo: str | None) -> str | None:
    """The family events cluster within: the upper-cased PLOVER type, else "CAMEO" + the CAMEO root, else None
    (the one definition: ``parley.corpus.rebuild`` groups a full re-cluster by it too)."""
    if event:
        return event.upper()
    if cameo and cameo[:2].isdigit():
        return "CAMEO" + cameo[:2]
    return None


def modality(event: str | None, negated: bool, hypothetical: bool, future: bool) -> str:
    """asserted / negated / hypothetical / future. A refusal (``refusal_events``: "will not negotiate") is
    asserted: its negation and "will" are the refusal itself, not a happening that did not occur."""
    refusal = bool(event) and event.upper() in config().get("refusal_events", ())
    if negated and not refusal:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if future and not refusal:
        return "future"
    return "asserted"


def date_interval(value: str | None, precision: str | None, end: str | None = None) -> tuple[date, date] | None:
    """The days a date of some precision can mean: "2013-09" (month) -> Sept 1 .. Sept 30; a range's ``end``
    (``Event.date_end``: "Sept. 14-15", "this week") closes it; a "publication" fallback date is that day."""
    if not value:
        return None
    if end and precision in ("day", "week", None):
        lo, hi = date_interval(value, "day"), date_interval(end, "day")
        if lo and hi and hi[1] >= lo[0]:
            return lo[0], hi[1]
    if precision in ("week", "publication"):
        precision = "day"
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m:
        return None
    y, mo, d = int(m.group(1)), m.group(2), m.group(3)
    precision = precision or ("day" if d else "month" if mo else "year")
    try:
        if precision == "day" and mo and d:
            day = date(y, int(mo), int(d))
            return day, day
        if precision in ("day", "month") and mo:
            lo = date(y, int(mo), 1)
            hi = (date(y + 1, 1, 1) if int(mo) == 12 else date(y, int(mo) + 1, 1)) - timedelta(days=1)
            return lo, hi
        if precision == "decade":
            return date(y - y % 10, 1, 1), date(y - y % 10 + 9, 12, 31)
        return date(y, 1, 1), date(y, 12, 31)
    except ValueError:
        return None


def _dyad_match(a: EventRow, b: EventRow) -> bool:
    if a.symmetric or b.symmetric:
        pa, pb = set(a.actors) | set(a.recipients), set(b.actors) | set(b.recipients)
        if not pa or not pb:
            return False
        return len(pa & pb) >= min(2, len(pa), len(pb))
    if not a.actors or not b.actors:
        # a passive report names no agent ("the CNRP was dissolved in November 2017"): the same type, the same
        # recipient and a day-to-month date make it the report of the same happening as one that names the agent
        fine = {"day", "week", "month"}
        return (a.date_precision in fine and b.date_precision in fine and bool(set(a.recipients) & set(b.recipients)))
    if not set(a.actors) & set(b.actors):
        return False
    if not a.recipients and not b.recipients:
        return True
    return bool(set(a.recipients) & set(b.recipients))


def cluster_events(events: list[EventRow]) -> list[list[EventRow]]:
    """Partition event mentions into happenings (connected components of the same-happening relation)."""
    slack = timedelta(days=int(config().get("day_slack", 0)))
    events = sorted(events, key=lambda e: e.id)
    uf = _UF(len(events))
    by_family: dict[tuple, list[tuple[date, date, int]]] = defaultdict(list)
    for i, e in enumerate(events):
        span = date_interval(e.date, e.date_precision, e.date_end)
        if span is None or e.family is None:
            continue
        by_family[(e.family, e.modality)].append((span[0], span[1], i))
    for items in by_family.values():
        items.sort()
        active: list[tuple[date, date, int]] = []
        for lo, hi, i in items:
            active = [x for x in active if x[1] + slack >= lo]
            for _, _, j in active:
                if _dyad_match(events[i], events[j]):
                    uf.union(i, j)
            active.append((lo, hi, i))
    groups: dict[int, list[EventRow]] = defaultdict(list)
    for i, e in enumerate(events):
        groups[uf.find(i)].append(e)
    out = [sorted(g, key=lambda e: (e.published or "9999", e.doc_id, e.start, e.id)) for g in groups.values()]
    return sorted(out, key=lambda g: g[0].id)


def cluster_id(members: list[EventRow]) -> str:
    """Stable id: a hash of the cluster's anchor, its earliest-reported mention (so later reports keep it)."""
    return "ec-" + hashlib.sha1(members[0].id.encode("utf-8")).hexdigest()[:16]


def summarise_cluster(members: list[EventRow], names: dict[str, str]) -> dict[str, Any]:
    """The event_clusters row of one happening (without the representative sentence, added by the caller)."""
    cfg = config()
    rank = {"day": 0, "week": 1, "month": 2, "year": 3, "decade": 4, "publication": 5}
    dated = [e for e in members if date_interval(e.date, e.date_precision)]
    if dated:
        best = min(rank.get(e.date_precision or "day", 0) for e in dated)
        top = [e for e in dated if rank.get(e.date_precision or "day", 0) == best]
        counts = Counter(_date_at(e.date, e.date_precision) for e in top)
        day = min(counts, key=lambda d: (-counts[d], d))
        precision = next(e.date_precision for e in top if _date_at(e.date, e.date_precision) == day) or "day"
        lo, hi = date_interval(day, precision)
    else:
        day, precision, lo, hi = None, None, None, None
    symmetric = any(e.symmetric for e in members)
    if symmetric:
        actor_ids = sorted({a for e in members for a in (*e.actors, *e.recipients)})
        recipient_ids: list[str] = []
        actor_codes = sorted({c for e in members for c in (*e.actor_codes, *e.recipient_codes)})
        recipient_codes: list[str] = []
    else:
        actor_ids = sorted({a for e in members for a in e.actors})
        recipient_ids = sorted({a for e in members for a in e.recipients})
        actor_codes = sorted({c for e in members for c in e.actor_codes})
        recipient_codes = sorted({c for e in members for c in e.recipient_codes})
    event = _most_common([e.event for e in members])
    mode = _most_common([e.mode for e in members])
    cameo = _most_common([e.cameo for e in members])
    quad = _most_common([e.quad for e in members])
    plover = cfg["plover"].get(event or "")
    if quad is None:
        quad = plover["quad"] if plover else cfg["cameo_quad"].get((cameo or "")[:2])
    gold = [e.goldstein for e in members if e.goldstein is not None]
    score = None
    if plover:
        score = plover["modes"].get(mode or "", plover["score"])
    sources = sorted({e.outlet or f"doc:{e.doc_id}" for e in members})
    docs = sorted({e.doc_id for e in members})
    pubs = sorted(e.published for e in members if e.published)
    return {
        "id": cluster_id(members),
        "family": members[0].family, "event": event, "mode": mode, "cameo": cameo, "quad": quad,
        "goldstein": round(sum(gold) / len(gold), 3) if gold else None, "plover_score": score,
        "date": day, "date_precision": precision,
        "date_lo": lo.isoformat() if lo else None, "date_hi": hi.isoformat() if hi else None,
        "symmetric": int(symmetric), "modality": members[0].modality,
        "actor_ids": actor_ids, "recipient_ids": recipient_ids,
        "actor": [names.get(a, a) for a in actor_ids], "recipient": [names.get(a, a) for a in recipient_ids],
        "actor_codes": actor_codes, "recipient_codes": recipient_codes,
        "num_sources": len(sources), "num_articles": len(docs), "num_events": len(members),
        "sources": sources, "doc_ids": docs,
        "earliest_report": pubs[0] if pubs else None, "latest_report": pubs[-1] if pubs else None,
    }


def _date_at(value: str | None, precision: str | None) -> str:
    if not value:
        return ""
    return {"month": value[:7], "year": value[:4], "decade": value[:4]}.get(precision or "day", value[:10])


def representative(members: list[EventRow]) -> EventRow:
    """The mention that stands for the cluster: the most confident, then the earliest report."""
    return min(members, key=lambda e: (-(e.confidence or 0.0), e.published or "9999", e.doc_id, e.start))
