"""Shared coding logic: cue matching, classifier + cue combination, CAMEO/Goldstein/quad, clause windows.

How rules and the trained classifier combine (measured choice, documented in models/README.md):
- the classifier gives probabilities over the 16 PLOVER types for the marked sentence;
- a matched cue (cues.tsv) keeps its type unless the classifier gives another type p ≥ ``MOVE_CUE_AT`` (0.9);
  the confidence is 0.6·p(t) + 0.4·[t = cue type]. Why (issue 16, measured on bench/events_e2e.py's tune slices):
  the classifier reads the marked pair and types the sentence's relation between them, not the trigger; on text
  it was not trained on, where it disagrees with a non-precise cue the cue is right far more often below p 0.9
  (article gold 29 vs 1, RAMS 48 vs 1, ConfliBERT sentences outside PLV_train 20 vs 13), the classifier above it
  (ConfliBERT outside PLV 25 vs 9). Its large wins on PLOVER GSR and the ConfliBERT rows in PLV_train are in-sample;
- a *precise* cue (arrest, ban, ceasefire, threaten, refuse …) decides the type outright;
- speech cues alone (said, told, denied …) make a CAMEO 01x statement: event None, quad from CAMEO — PLOVER has
  no statement type and the design forbids forcing one.
- article sentences (the events stage) also use ``cues_article.tsv`` (``find_article_cues``): appeals with a word
  between verb and object, imprisonment, trials, election nouns. ``find_cues`` (``parley code``, the PLV benchmark)
  reads cues.tsv alone, so those figures do not move with the article rules.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from parley.events.literals import literals, may_contain
from parley.events.ontology import ONTOLOGY, Cue, Ontology

CLF_WEIGHT = 0.6
MOVE_CUE_AT = 0.9  # the classifier moves a non-precise cue's type only when it is this sure of another (see above)
CLAUSE_BREAK = re.compile(r"[;:]|,\s+(?:but|and|while|as|after|before|saying|which|who)\b|\b(?:but|although|while)\b")
# a cue whose complement is another cue ("threatened to boycott", "refused to accept", "called for talks")
GOVERNING = ("THREATEN", "REJECT", "REQUEST", "AGREE")
ACCUSED_OF = re.compile(r"\bof\s+(?:\w+\s+)?$")  # "accused X of (having) …", "of repeatedly …"


@dataclass
class Match:
    start: int  # offsets relative to the sentence
    end: int
    cue: Cue


def find_cues(onto: Ontology, sentence: str) -> list[Match]:
    """Non-overlapping cue matches, precise and longer ones first, in sentence order."""
    return _choose(onto.cues, sentence)


@lru_cache(maxsize=1)
def article_cues() -> tuple[Cue, ...]:
    """The extra cues of ``cues_article.tsv`` (same columns as cues.tsv)."""
    lines = [ln.rstrip("\n") for ln in (ONTOLOGY / "cues_article.tsv").open(encoding="utf-8")
             if not ln.startswith("#") and ln.strip()]
    header = lines[0].split("\t")
    out = []
    for ln in lines[1:]:
        r = dict(zip(header, ln.split("\t"), strict=False))
        out.append(Cue(re.compile(r"\b(?:" + r["pattern"] + r")\b", re.I), r["kind"], r.get("cameo") or "",
                       r.get("event") or None, r.get("mode") or None, r.get("precise") == "1",
                       [c for c in (r.get("context") or "").split(";") if c]))
    return tuple(out)


@lru_cache(maxsize=1)
def cue_vetoes() -> tuple[re.Pattern, ...]:
    """The contexts in ``cue_vetoes.tsv`` in which an event cue names no event, one pattern each (so that the word
    prefilter can skip those whose first words are absent)."""
    pats = [ln.split("\t")[0] for ln in (ONTOLOGY / "cue_vetoes.tsv").open(encoding="utf-8")
            if ln.strip() and not ln.startswith("#")][1:]
    return tuple(re.compile(r"\b(?:" + p + r")\b", re.I) for p in pats)


# a term in quotation marks of at most three words ("its ``top kill'' operation", "a so-called “war”"): the
# writer names a term, the cue word in it names no act of the sentence
# (T17 writes `` x '' with spaces; a plain " must touch its words, so that ' and ' between two quotes is none)
SCARE_QUOTE = re.compile(r"(?:``\s*|“\s*|(?<![\w\"])\")(?:[\w-]+\s+){0,2}[\w-]+(?:\s*''|\s*”|\"(?![\w\"]))")


def find_article_cues(onto: Ontology, sentence: str) -> list[Match]:
    """``find_cues`` over cues.tsv plus ``cues_article.tsv``; an article cue wins a tie on the same span; an event
    cue inside a vetoed context ("released a report", "to deal with") is dropped."""
    heads = word_heads(sentence)
    found = _choose(_article_list(onto), sentence, heads)
    if not any(m.cue.kind == "event" for m in found):
        return found
    low = sentence.lower()
    vetoed = [(v.start(), v.end()) for p in cue_vetoes()
              if _may_match(p, heads) and may_contain(literals(p.pattern, p.flags), sentence, low)
              for v in p.finditer(sentence)]
    if "``" in sentence or "“" in sentence or '"' in sentence:
        vetoed += [(q.start(), q.end()) for q in SCARE_QUOTE.finditer(sentence)]
    if not vetoed:
        return found
    return [m for m in found if m.cue.kind != "event" or not any(a <= m.start < b for a, b in vetoed)]


WORD = re.compile(r"\w+")


def word_heads(sentence: str) -> frozenset[str]:
    """The first three letters (lower-cased) of every word of the sentence: a cue pattern whose every branch opens
    with a literal word can only match where one of its branches' three-letter heads is among them."""
    return frozenset(w[:3].lower() for w in WORD.findall(sentence))


def _may_match(pattern: re.Pattern, heads: frozenset[str]) -> bool:
    need = _pattern_heads(pattern.pattern)
    return need is None or not need.isdisjoint(heads)


@lru_cache(maxsize=4096)
def _pattern_heads(pattern: str) -> frozenset[str] | None:
    """Three-letter heads of a ``\\b(?:…)\\b`` cue pattern's branches, or None when a branch does not open with a
    literal of three word characters (then the pattern is always run). Why: about 130 cue patterns are scanned
    over every sentence, and most sentences hold none of their words (issue 16: keep the stage's speed)."""
    inner = pattern[len("\\b(?:"):-len(")\\b")] if pattern.startswith("\\b(?:") and pattern.endswith(")\\b") else pattern
    got = _branch_heads(inner)
    return frozenset(got) if got is not None else None


def _split_top(p: str) -> list[str]:
    out, depth, cls, i, cur = [], 0, False, 0, []
    while i < len(p):
        c = p[i]
        if c == "\\":
            cur.append(p[i:i + 2])
            i += 2
            continue
        if cls:
            cls = c != "]"
        elif c == "[":
            cls = True
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
        elif c == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
            i += 1
            continue
        cur.append(c)
        i += 1
    out.append("".join(cur))
    return out


def _closing(alt: str) -> int:
    """Index of the parenthesis closing the group that opens ``alt`` (-1 if none; cue patterns escape no
    parenthesis inside a group opener)."""
    depth = 0
    for j, c in enumerate(alt):
        depth += c == "("
        depth -= c == ")"
        if depth == 0:
            return j
    return -1


def _branch_heads(p: str) -> set[str] | None:
    heads: set[str] = set()
    for alt in _split_top(p):
        if alt.startswith("(?:"):
            j = _closing(alt)
            if j < 0 or alt[j + 1:j + 2] in ("?", "*", "{"):
                return None  # an optional group: the branch may open with what follows it
            got = _branch_heads(alt[3:j])
            if got is None:
                return None
            heads |= got
            continue
        lit = re.match(r"\w*", alt).group(0)
        if alt[len(lit):len(lit) + 1] in ("?", "*", "{"):
            lit = lit[:-1]  # "storms?": the last letter is optional
        if len(lit) < 3:
            return None
        heads.add(lit[:3].lower())
    return heads


def _article_list(onto: Ontology) -> tuple[Cue, ...]:
    """``cues_article.tsv`` then cues.tsv, one tuple per cue list (so that its head index is built once)."""
    return _joined(tuple(onto.cues))


@lru_cache(maxsize=8)
def _joined(cues: tuple[Cue, ...]) -> tuple[Cue, ...]:
    return article_cues() + cues


def _head_index(cues) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    """The ranks of the cues always run (no literal heads), and head -> ranks of the cues opening with it: a
    sentence's candidates are found from its words' heads instead of asking each of ~150 cues (the same cues
    as ``_may_match`` over every cue, in rank order). Cached per tuple of cues: a cue hashes and compares by
    identity (``Cue`` is one lexicon row), so a cue list that changes gets a new index and an entry keeps its
    cues alive (an ``id()``-keyed cache could hand a new list the index of a dead one)."""
    return _built_index(tuple(cues))


@lru_cache(maxsize=8)  # ontologies come and go in tests: keep the cache small
def _built_index(cues: tuple[Cue, ...]) -> tuple[tuple[int, ...], dict[str, tuple[int, ...]]]:
    always, by_head = [], {}
    for rank, cue in enumerate(cues):
        need = _pattern_heads(cue.pattern.pattern)
        if need is None:
            always.append(rank)
        else:
            for h in need:
                by_head.setdefault(h, []).append(rank)
    return tuple(always), {h: tuple(r) for h, r in by_head.items()}


def _gates(cues) -> tuple:
    """Each cue's necessary literals (``literals.literals``), cached per tuple of cues like ``_head_index``."""
    return _built_gates(tuple(cues))


@lru_cache(maxsize=8)
def _built_gates(cues: tuple[Cue, ...]) -> tuple:
    return tuple(literals(c.pattern.pattern, c.pattern.flags) for c in cues)


def _choose(cues, sentence: str, heads: frozenset[str] | None = None) -> list[Match]:
    heads = word_heads(sentence) if heads is None else heads
    always, by_head = _head_index(cues)
    ranks = set(always)
    for h in heads:
        ranks.update(by_head.get(h, ()))
    gates = _gates(cues)
    low = sentence.lower()
    found = []
    for rank in sorted(ranks):
        if not may_contain(gates[rank], sentence, low):
            continue  # none of the pattern's necessary literals is in the sentence (``literals``)
        cue = cues[rank]
        for m in cue.pattern.finditer(sentence):
            found.append(Match(m.start(), m.end(), cue))  # in rank order: the sort below is stable
    precise = [m for m in found if m.cue.precise]
    strong = {id(m) for m in found if m.cue.precise or (precise and _construction(m, precise))}
    found.sort(key=lambda m: (id(m) not in strong, -(m.end - m.start), m.start))
    chosen: list[Match] = []
    for m in found:
        if all(m.end <= c.start or m.start >= c.end for c in chosen):
            chosen.append(m)
    return sorted(chosen, key=lambda m: m.start)


def _construction(m: Match, precise: list[Match]) -> bool:
    """An event cue that strictly contains a precise cue of another type is a construction around it ("lifted the
    travel ban" CONCEDE, not the precise "ban" COERCE; "eased the curfew"): it claims the span as a precise cue
    would, so that the word inside does not take it."""
    return m.cue.kind == "event" and any(
        o.cue.event != m.cue.event and m.start <= o.start and o.end <= m.end
        and (o.end - o.start) < (m.end - m.start) for o in precise)


def event_matches(matches: list[Match], sentence: str) -> list[Match]:
    """Event cues that head their own event: a cue that is the complement of a governing cue within a few words
    ("threatened to boycott parliament") is the content of that event, not a second one."""
    out = []
    for m in matches:
        if m.cue.kind != "event":
            continue
        governed = any(o is not m and o.cue.kind == "event" and o.end <= m.start and _governs(o, sentence[o.end:m.start])
                       for o in matches)
        if not governed:
            out.append(m)
    return out


def _governs(o: Match, between: str) -> bool:
    """``o`` takes the cue after ``between`` as its content: a governing cue within three words ("threatened to
    boycott"), or an accusation whose charge follows "of" ("accusing the army of bombing the town": the bombing is
    what is alleged — the ACCUSE is the event, not a second ASSAULT)."""
    if o.cue.event in GOVERNING:
        return len(between.split()) <= 3
    return o.cue.event == "ACCUSE" and len(between.split()) <= 5 and bool(ACCUSED_OF.search(between))


def decide(onto: Ontology, probs: dict[str, float] | None, cue: Cue | None) -> tuple[str | None, float]:
    """PLOVER type and confidence from classifier probabilities and a cue (either may be missing)."""
    if cue is not None and cue.event and (cue.precise or not probs):
        return cue.event, max(0.7, probs.get(cue.event, 0.0)) if probs else 0.7
    if not probs:
        return None, 0.0
    if cue is None or not cue.event:
        best = max(probs, key=probs.get)
        return best, probs[best]
    best = max(probs, key=probs.get)
    if best != cue.event and probs[best] >= MOVE_CUE_AT:
        return best, CLF_WEIGHT * probs[best]
    return cue.event, CLF_WEIGHT * probs.get(cue.event, 0.0) + (1 - CLF_WEIGHT)


# CAMEO splits PLOVER REQUEST into 02 APPEAL ("requests, proposals, suggestions, appeals") and 10 DEMAND ("demands
# and orders", more forceful). Appeals are named by their verb — urge, call on/for, appeal, ask, request, seek — and
# those cues carry their 02x code; a REQUEST that no REQUEST cue names was read from the content, "X said Y must / has
# to …", "X told Y to …": an obligation laid on another, CAMEO 100 "Demand, not specified below" (ConfliBERT tune
# slice: all 8 such main events were gold verbal conflict, none an appeal).
DEMAND_CAMEO = "100"


def code_fields(onto: Ontology, event: str | None, cue: Cue | None) -> dict:
    """CAMEO code, mode, contexts, Goldstein and quad for a decided type (cue details kept when they agree)."""
    if event is None:
        cameo = cue.cameo if cue else "010"
        return {"event": None, "mode": None, "context": list(cue.context) if cue else [], "cameo": cameo,
                "quad": onto.quad_of(None, cameo), "goldstein": onto.goldstein(cameo)}
    agree = cue is not None and cue.event == event
    mode = cue.mode if agree and cue.mode and (event, cue.mode) in onto.modes else None
    cameo = cue.cameo if agree and cue.cameo else onto.default_cameo(event, mode)
    if event == "REQUEST" and not agree:
        cameo = DEMAND_CAMEO  # no appeal verb names it: an obligation laid on another ("said Y must …")
    context = list(cue.context) if agree else []
    for c in onto.cameo.get(cameo, {}).get("context", []):
        if c not in context:
            context.append(c)
    return {"event": event, "mode": mode, "context": context, "cameo": cameo, "quad": onto.quad_of(event, cameo),
            "goldstein": onto.goldstein(cameo)}


def clause_window(sentence: str, pos: int) -> tuple[int, int]:
    """The clause around ``pos``: from the last clause break before it to the next one after it."""
    start = 0
    for m in CLAUSE_BREAK.finditer(sentence, 0, pos):
        start = m.end()
    m = CLAUSE_BREAK.search(sentence, pos)
    return start, m.start() if m else len(sentence)
