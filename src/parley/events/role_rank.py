"""A trained chooser over candidate mentions: which mention of the sentence is the event's actor, which its recipient.

Why: the clause rules (``roles``) pick well where a construction says who is who (a passive's "by X", a
nominal's "X's …", a pair "between A and B"), but their choice among the mentions of an ordinary news sentence
was tuned by hand on the dev slices and did not hold on the held ones. Here each mention of the sentence (plus
"nobody" and the rules' own non-mention pick, e.g. a generic "18 people") is a candidate described by a few dozen
cues the rules already compute — its kind (person, country, organisation, group, pronoun, generic), where it
stands (before or after the trigger, how far, how many mentions away, inside the trigger's clause), the word before
it ("by", "to", "against", "with", …), whether it is a place, a report's source, a possessor, in parentheses — the
trigger's form (passive, nominal) and, as one more cue, whether the rules chose it. A linear model per side
(logistic regression trained by ``bench/train_roles.py`` on ConfliBERT train's actor/recipient spans and the PLOVER
GSR records' source/target, the benchmark's held fifth left out) scores the candidates; the best one wins. The
weights are a small JSON file (``data/roles/ranker.json``); numpy only at run time.

The rules stay where they explain themselves: symmetric events ("talks between A and B"), passive triggers
("was arrested by X"), an apposition or a name after its title that the phrase rules chose (``KEEP``), a side they
left empty or filled with a phrase that is no mention; a parse and the constructions (``roles.assign_roles``:
relative clauses, "received a call from X", transfers, "attributed to X", demands) still override the choice;
when the chosen mention is one of the rules' group ("A and B") the group stays.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

import numpy as np

from parley.events import coding
from parley.events.role_phrases import (
    FUNCTION,
    POSS_S,
    aside_spans,
    in_parens,
    is_modifier,
    is_place,
    is_poss,
    is_source,
    reported_start,
)
from parley.events.role_voice import is_nominal, passive_at, reduced_passive

WEIGHTS = Path(__file__).resolve().parents[1] / "data" / "roles" / "ranker.json"

# set by bench/train_roles.py: a list that receives each trigger's candidates and features (the rules' roles
# unchanged); None at run time
RECORD: list | None = None

PREPS = ("by", "from", "to", "against", "with", "on", "of", "at", "in", "for", "and", "between", "toward", "towards",
         "over", "said", "that")
TYPES = ("person", "organization", "country", "group")
EVENTS = ("AGREE", "CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE", "REJECT", "THREATEN",
          "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT", "CONCEDE")


def _chain(gap: str) -> bool:
    """Title words between two mentions of one noun phrase ("U.S. Defense Secretary Robert Gates", "X deputy
    leader Y"): at most three words, capitalised or content words, no punctuation."""
    words = gap.split()
    return bool(gap[:1].isspace()) and len(words) <= 3 and all(
        re.fullmatch(r"[A-Z][\w.-]*|[a-z][a-z-]*", w) and w not in FUNCTION for w in words)


APPOSITION = re.compile(POSS_S + r"\s*(?:[\w-]+\s+){0,3}[\w-]+,\s+(?:the\s+)?")
SUBORD = re.compile(r"\b(?:if|when|while|after|before|because|although|though|since|unless|until|whereas|as)\b",
                    re.I)
PRONOUN = re.compile(r"(?:he|she|it|they|we|i)$", re.I)


def _names() -> list[str]:
    out = ["bias", "rule", "rule_other", "before", "after", "clause", "nonmention", "none", "none_rule_empty",
           "none_passive", "none_nominal", "none_no_before", "none_no_after", "none_speech"]
    for side in ("b", "a"):
        out += [f"{side}_rank0", f"{side}_rank1", f"{side}_rank2", f"{side}_gap15", f"{side}_gap40", f"{side}_gap80", f"{side}_comma", f"{side}_subord", f"{side}_passive", f"{side}_nominal", f"{side}_reported"]
    out += [f"type_{t}" for t in TYPES] + ["generic", "pronoun", "demonym", "clause_first", "clause_last"]
    out += [f"prep_{p}" for p in PREPS] + ["prep_none", "by_passive", "of_nominal", "poss_nominal"]
    out += ["place", "source", "poss", "parens", "aside", "modifier", "rule_passive", "rule_nominal", "chain_mod",
            "chain_head", "in_subord", "apposition"]
    out += [f"ev_{e}_before" for e in EVENTS]
    return out


NAMES = _names()
INDEX = {n: i for i, n in enumerate(NAMES)}


def _prev_word(sent: str, x0: int) -> str:
    w = re.search(r"([A-Za-z]+)\W{0,3}(?:the\s+)?$", sent[max(0, x0 - 20):x0])
    return w.group(1).lower() if w else ""


def _static(sent: str, x, mentions, tc) -> set[str]:
    """The features of candidate ``x`` that do not depend on the side or the rules' pick (computed once per trigger
    for both sides): its kind, the word before it, the phrase tests, its place in a noun phrase or clause."""
    t0, t1, passive, nominal = tc["t0"], tc["t1"], tc["passive"], tc["nominal"]
    a = x[2]
    on = set()
    if tc["c0"] <= x[0] and x[1] <= tc["c1"]:
        on.add("clause")
    t = getattr(a, "type", "")
    if t in TYPES:
        on.add(f"type_{t}")
    if a.id.startswith("generic:"):
        on.add("generic")
    if a.id.startswith("country:"):
        on.add("demonym")
    if PRONOUN.match(sent[x[0]:x[1]]):
        on.add("pronoun")
    if x[0] == tc["first"]:
        on.add("clause_first")  # the first mention of the trigger's clause (the sentence's, in a headline)
    if x[0] == tc["last"]:
        on.add("clause_last")
    w = _prev_word(sent, x[0])
    on.add(f"prep_{w}" if w in PREPS else "prep_none")
    if w == "by" and passive:
        on.add("by_passive")
    if w == "of" and nominal and x[0] >= t1:
        on.add("of_nominal")
    if is_poss(sent, x) and nominal and x[1] <= t0:
        on.add("poss_nominal")
    for n, test in (("place", is_place), ("source", is_source), ("poss", is_poss), ("parens", in_parens)):
        if test(sent, x):
            on.add(n)
    if any(lo <= x[0] < hi for lo, hi in tc["asides"]):
        on.add("aside")
    if x[1] > x[0] and is_modifier(sent, x):
        on.add("modifier")
    nxt = [y for y in mentions if y[0] >= x[1]][:1]
    if nxt and _chain(sent[x[1]:nxt[0][0]]) and not is_poss(sent, x) and not x[1] <= t0 < nxt[0][0]:
        on.add("chain_mod")  # "U.S. Defense Secretary Robert Gates": the country describes the person
    prv = [y for y in mentions if y[1] <= x[0]][-1:]
    if prv and _chain(sent[prv[0][1]:x[0]]) and not prv[0][1] <= t0 < x[0]:
        on.add("chain_head")
    if prv and is_poss(sent, prv[0]) and APPOSITION.fullmatch(sent[prv[0][1]:x[0]]):
        on.add("apposition")  # "the X's acting president, Y": Y is the one meant
    seg = max(sent.rfind(p, 0, x[0]) for p in ",;:")
    if SUBORD.match(sent[seg + 1:x[0]].lstrip()) and "," in sent[x[1]:t0]:
        on.add("in_subord")  # "If X continues the boycott, Y could arrest Z": X's clause is subordinate
    return on


def candidates(sent: str, m, mentions, roles, earlier, side: str, cache: dict | None = None) -> tuple[list, np.ndarray]:
    """(candidates, feature matrix) for ``side`` ("actor" or "recipient") of the trigger ``m``: each candidate is
    ``(start, end, actor)`` or ``None`` (nobody)."""
    acts, recs, src, tgt = roles
    mine, other = (acts, recs) if side == "actor" else (recs, acts)
    pick = src if side == "actor" else tgt
    mine_ids, other_ids = {a.id for a in mine}, {a.id for a in other}
    cands = list(mentions)
    if mine and pick and not any(x[2] is mine[0] or x[:2] == tuple(pick) for x in cands):
        cands.append((pick[0], pick[1], mine[0]))  # the rules' own non-mention pick ("18 people", a demonym)
    elif mine and not any(x[2].id in mine_ids for x in cands):
        cands.append((m.start, m.start, mine[0]))
    cache = {} if cache is None else cache
    if "_trigger" not in cache:
        t0 = m.start
        c0, c1 = coding.clause_window(sent, t0)
        inside = [x[0] for x in mentions if c0 <= x[0] and x[1] <= c1]
        cache["_trigger"] = {
            "t0": t0, "t1": m.end, "c0": c0, "c1": c1, "asides": aside_spans(sent, t0),
            "passive": bool(reduced_passive(sent, m, mentions, earlier) or passive_at(sent, m)),
            "nominal": is_nominal(sent, m), "rep": reported_start(sent, t0),
            "first": min(inside) if inside else -1, "last": max(inside) if inside else -1,
            "speech": bool(re.search(r"\b(?:said|says|told|according\s+to)\b", sent))}
    tc = cache["_trigger"]
    t0, t1, passive, nominal, rep, speech = tc["t0"], tc["t1"], tc["passive"], tc["nominal"], tc["rep"], tc["speech"]
    before = sorted((x for x in cands if x[1] <= t0), key=lambda x: -x[1])
    after = sorted((x for x in cands if x[0] >= t1), key=lambda x: x[0])
    rows = []
    for x in cands:
        on = {"bias"}
        a = x[2]
        if a.id in mine_ids:
            on.add("rule")
        if a.id in other_ids:
            on.add("rule_other")
        if not any(x is y for y in mentions):
            on.add("nonmention")
        for s, group, gap in (("b", before, t0 - x[1]), ("a", after, x[0] - t1)):
            if not any(x is y for y in group):
                continue
            on.add("before" if s == "b" else "after")
            r = next(i for i, y in enumerate(group) if y is x)
            on.add(f"{s}_rank{min(r, 2)}")
            if gap <= 80:
                on.add(f"{s}_gap15" if gap <= 15 else f"{s}_gap40" if gap <= 40 else f"{s}_gap80")
            lo, hi = (x[1], t0) if s == "b" else (t1, x[0])
            if "," in sent[lo:hi]:
                on.add(f"{s}_comma")
            if SUBORD.search(sent, lo, hi):
                on.add(f"{s}_subord")  # "If X continues …, Y could arrest Z": X is in another clause
            if passive:
                on.add(f"{s}_passive")
            if nominal:
                on.add(f"{s}_nominal")
            if rep and x[1] <= rep:
                on.add(f"{s}_reported")
            if s == "b" and m.cue.event in EVENTS:
                on.add(f"ev_{m.cue.event}_before")
        key = (x[0], x[1], a.id)
        if key not in cache:
            cache[key] = _static(sent, x, mentions, tc)
        on |= cache[key]
        if passive and "rule" in on:
            on.add("rule_passive")
        if nominal and "rule" in on:
            on.add("rule_nominal")
        f = np.zeros(len(NAMES))
        f[[INDEX[n] for n in on]] = 1.0
        rows.append(f)
    f = np.zeros(len(NAMES))
    f[0] = 1
    for n, c in (("none", True), ("none_rule_empty", not mine), ("none_passive", passive),
                 ("none_nominal", nominal), ("none_no_before", not before), ("none_no_after", not after),
                 ("none_speech", speech)):
        if c:
            f[INDEX[n]] = 1.0
    cands.append(None)
    rows.append(f)
    return cands, np.array(rows)


@lru_cache(maxsize=1)
def weights() -> dict | None:
    """The trained weights (per side: coefficient vector over ``NAMES``, intercept), or None when absent."""
    if not WEIGHTS.exists():
        return None
    d = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    if d.get("features") != NAMES:
        return None  # trained for another feature set: the rules decide
    return {"margin": float(d.get("margin", 0.0)), **{side: np.array(d[side]["coef"]) for side in ("actor", "recipient")}}


def choose(sent: str, m, mentions, roles, earlier=()):
    """The roles with each side re-chosen by the ranker among the sentence's mentions. Unchanged: everything when
    no weights ship, for a symmetric event (CONSULT, AGREE, COOPERATE: which side stands first is the writer's
    choice, and the rules' pairs name both) or a passive trigger (its "by X" and its subject say who is who); a side
    the rules left empty ("nobody" is not chosen over their pick, nor a mention over their silence: on the article
    dev gold both cost more than they gained) or filled with a phrase that is no mention ("a visiting envoy")."""
    if RECORD is not None:
        cache: dict = {}
        RECORD.append({"m": (m.start, m.end), "sent": sent, "roles": roles,
                       **{side: candidates(sent, m, mentions, roles, earlier, side, cache)
                          for side in ("actor", "recipient")}})
        return roles
    w = weights()
    acts, recs, src, tgt = roles
    if w is None or m.cue.event in ("CONSULT", "AGREE", "COOPERATE") or passive_at(sent, m):
        return roles
    if len(mentions) < 2:
        return roles  # the rules' pick is the only mention there is
    cache: dict = {}
    if acts and _mentioned(acts, mentions):
        acts, src = _best(sent, m, mentions, roles, earlier, "actor", w, set(), cache)
    ids = {a.id for a in acts}
    if recs and _mentioned(recs, mentions):
        recs, tgt = _best(sent, m, mentions, (acts, recs, src, tgt), earlier, "recipient", w, ids, cache)
    recs = [r for r in recs if r.id not in ids]
    return acts, recs, src, tgt if recs else None


def _mentioned(group, mentions) -> bool:
    """The rules' pick is a mention of the sentence (not a generic phrase, "envoy", nor a demonym's country, which
    the rules found where no mention stands: those stay)."""
    return any(x[2].id == group[0].id for x in mentions)


# the rules' pick stands when it is the one a phrase rule chose over an earlier mention of the same noun phrase:
# the apposition after a possessive ("the X's acting president, Y") or the name after a title ("X deputy leader Y"),
# and the possessor of a nominal trigger ("… over X's support for the rebels": X supports)
KEEP = ("apposition", "chain_head", "poss_nominal")
# a mention of another clause is never chosen over the rules' pick: the subject of a subordinate clause ("If X
# continues …, Y could arrest Z") or a mention a subordinating conjunction parts from the trigger ("… initiated by
# X after the CNRP refused to …"); nor one inside a relative clause between commas that does not hold the
# trigger (``REL_ASIDE``: "A and B, which tried to stop the X Council from …, are expected to support it")
BARRED = [INDEX[n] for n in ("in_subord", "b_subord", "a_subord")]
REL_ASIDE = re.compile(r",\s+(?:which|who|whom|whose)\b[^,;]*,", re.I)


def kept(X) -> bool:
    """Whether the rules' pick (a candidate marked ``rule``) is one that ``KEEP`` names."""
    rule = X[:, INDEX["rule"]] > 0
    return bool(rule.any() and X[rule][:, [INDEX[k] for k in KEEP]].any())


def _best(sent, m, mentions, roles, earlier, side, w, taken, cache):
    cands, X = candidates(sent, m, mentions, roles, earlier, side, cache)
    group, span = (roles[0], roles[2]) if side == "actor" else (roles[1], roles[3])
    if kept(X):
        return group, span
    scores = X @ w[side]
    rep = _reported_subject(sent, m, span) if side == "actor" else 0
    for i, x in enumerate(cands):
        if x is None or x[2].id in taken or (X[i, BARRED].any() and not X[i, INDEX["rule"]]):
            scores[i] = -np.inf  # nobody, the other side's choice, a mention of another clause ("If X …, Y …")
        elif rep and x[1] <= rep:
            scores[i] = -np.inf  # the speaker, over the reported clause's own subject
    # (not when another relative clause opens between the aside and the trigger: ", who represents civilians in
    # actions against the army, 10 of which involve allegations of detention": the army may detain)
    rel = [x.span() for x in REL_ASIDE.finditer(sent) if not x.start() <= m.start < x.end()
           and not (x.end() <= m.start and re.search(r"\b(?:which|who|whom|whose)\b", sent[x.end():m.start], re.I))]
    # an active verb trigger whose rules' actor stands before it (recipient after it) keeps that side there: the
    # ranker took the object as actor and a mention of an earlier clause as recipient ("Russia, which …, abstained
    # … but has accused the NATO nations of …": NATO → Libya); a passive or a nominal trigger may have either side
    # on either hand ("was attacked by X", "X's talks with Y"); a speaker after ("…, Benin police said") may
    # still be the actor of the act reported
    tc = cache["_trigger"]
    wrong_side = None if tc["passive"] or tc["nominal"] or not span else \
        ("after" if side == "actor" and span[1] <= m.start else "before" if side == "recipient" and span[0] >= m.end
         else None)
    for i, x in enumerate(cands):
        if x is None or X[i, INDEX["rule"]]:
            continue
        if any(a <= x[0] < b for a, b in rel) or (wrong_side == "after" and x[0] >= m.end and not
                                                   X[i, INDEX["source"]]) or \
                (wrong_side == "before" and x[1] <= m.start):
            scores[i] = -np.inf
    rule = X[:, INDEX["rule"]] > 0
    best = int(np.argmax(scores))
    top_rule = scores[rule].max() if rule.any() else -np.inf
    if not np.isfinite(scores[best]) or (np.isfinite(top_rule) and scores[best] - top_rule <= w["margin"]):
        return group, span  # the rules' pick stands unless another candidate clearly outscores it
    return _side(cands[best], group, span)


def _reported_subject(sent: str, m, span) -> int:
    """Where the reported clause starts (``reported_start``) when the rules' actor is that clause's own named
    subject ("W said the police threatened to beat them", "He said the security forces declined"), else 0: the
    speaker before the speech verb is then no candidate. The ranker, trained where the speaker's own commitment
    ("X said it would …") makes the speaker the actor, preferred the speaker here too; a pronoun subject ("said
    it would") is the speaker's own act and stays the ranker's to resolve."""
    rep = reported_start(sent, m.start)
    if not rep or not span or not rep <= span[0] < m.start or PRONOUN.match(sent[span[0]:span[1]]):
        return 0
    return rep


def _side(best, group, span):
    """The side's actors and span for the chosen candidate: the rules' group when it holds the choice."""
    if best is None:
        return [], None
    if any(a.id == best[2].id for a in group):
        return group, span
    return [best[2]], best[:2]
