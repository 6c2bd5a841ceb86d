"""Pairs: symmetric events with two participants ("talks between A and B", "a meeting of A and B") and the pair
anaphor "the two parties", "both sides", resolved to the pair named before in the article ("Both men" to the two
people the sentence before names); a meeting's guest and host ("A hosted B for talks").
"""

from __future__ import annotations

import re

from parley.document import Document
from parley.events.candidates import sentence_mentions
from parley.events.constructions import GPE_TYPES
from parley.events.generic import is_generic
from parley.events.role_actor import group_before
from parley.events.role_phrases import FUNCTION, POSS_S, in_parens, is_poss, is_source, uniq
from parley.events.role_recipient import object_after

SYMMETRIC = ("CONSULT", "AGREE", "COOPERATE")
PAIR_ANAPHOR = re.compile(r"\b(?:(?:the\s+)?two|both(?:\s+the)?|(?:the\s+)?ruling\s+and\s+opposition)\s+"
                          r"(?:parties|sides|leaders|groups|countries|governments|camps)\b", re.I)


def paired(doc: Document, si: int, m) -> bool:
    s, e = doc.sentences[si]
    sent = doc.text[s:e]
    mentions = sentence_mentions(doc, s, e)
    return m.cue.event in SYMMETRIC and bool(pair_of(sent, mentions, m, "between") or pair_of(sent, mentions, m, "of"))


def doc_pairs(doc: Document) -> list[tuple[int, list]]:
    """(offset, [A, B]) for each "A and B" / "between A and B" pair of organisations or people in the text, for
    "the two parties", "both sides", "the ruling and opposition parties" later (or, failing that, earlier)."""
    out = []
    for s, e in doc.sentences:
        sent = doc.text[s:e]
        ms = [x for x in sentence_mentions(doc, s, e) if not in_parens(sent, x)]
        # heads of possessive chains: "A's B (C)" -> B
        heads = [x for i, x in enumerate(ms) if not (is_poss(sent, x) and i + 1 < len(ms)
                                                     and re.fullmatch(POSS_S + r"\s*", sent[x[1]:ms[i + 1][0]]))]
        for x, y in zip(heads, heads[1:], strict=False):
            if getattr(x[2], "type", "") in GPE_TYPES or x[2] is y[2]:
                continue
            gap = sent[x[1]:y[0]]
            if re.fullmatch(r"(?:\s*\([^)]*\))?\s*(?:and|&)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}", gap) and \
                    getattr(y[2], "type", "") == getattr(x[2], "type", ""):
                out.append((s + x[0], [x[2], y[2]]))
    return out


def pair_anaphor(sent: str, m, s: int, pairs, roles):
    """"The two parties reached an agreement": the nearest pair named before (else after) in the article."""
    a = PAIR_ANAPHOR.search(sent, 0, m.start) or PAIR_ANAPHOR.search(sent, m.end, min(len(sent), m.end + 40))
    if not a or not pairs:
        return roles
    noun = a.group(0).split()[-1].lower()
    kind = {"parties": ("organization", "group"), "groups": ("organization", "group"), "leaders": ("person",),
            "governments": ("country", "organization", "group"), "countries": ("country",)}.get(noun)
    pool = [p for p in pairs if not kind or getattr(p[1][0], "type", "") in kind]
    if not pool:
        return roles
    before = [p for p in pool if p[0] < s + a.start()]
    pair = before[-1][1] if before else pool[0][1]
    if m.cue.event == "REQUEST":
        return roles[0], uniq(pair), roles[2], roles[3]
    return uniq(pair), [], roles[2], None  # a symmetric event: the pair is all its participants


PAIR_PEOPLE = re.compile(r"(?:both|the\s+two)\s+(?:men|women|leaders|presidents|ministers)", re.I)


def pair_people(doc: Document, s: int, m, roles):
    """A generic side "Both men" / "the two leaders" is the two people the sentence before (or the one before
    that) names, its report's source aside ("Mullen got an update from Enan …, said Capt. Kirby. `Both men
    reaffirmed …'": Mullen and Enan); without two such people the phrase stays — unless it is a pair anaphor of a
    symmetric act or a request ("The two parties reached an agreement"), left empty for ``pair_anaphor``."""
    acts, recs, src, tgt = roles
    out = [acts, recs]
    for side, who in enumerate(out):
        if len(who) != 1 or not is_generic(who[0]):
            continue
        if not PAIR_PEOPLE.fullmatch(who[0].name):
            if side == 0 and m.cue.event in SYMMETRIC + ("REQUEST",) and PAIR_ANAPHOR.fullmatch(who[0].name):
                out[0], src = [], None
            continue
        prior = [(a, b) for a, b in doc.sentences if b <= s][-2:]
        for a, b in reversed(prior):
            sent = doc.text[a:b]
            people = uniq([x[2] for x in sentence_mentions(doc, a, b)
                           if getattr(x[2], "type", "") == "person" and not is_source(sent, x)])
            if len(people) >= 2:
                out[side] = people[:2]
                break
    return out[0], out[1], src, tgt


def pair_of(sent: str, mentions, m, word: str) -> list | None:
    """"talks between A and B" / "a meeting of A and B": the two mentions after ``word`` right after the cue."""
    rx = re.compile(rf"^\s+(?:[\w-]+\s+){{0,3}}?{word}\b", re.I)
    w = rx.match(sent[m.end:m.end + 60])
    if not w:
        return None
    start = m.end + w.end()
    rest = [x for x in mentions if x[0] >= start]
    j = sent.find(" and ", start)
    if j < 0 or not rest:
        return None
    left = [x for x in rest if x[1] <= j]
    right = [x for x in rest if x[0] > j]
    if not left or not right:
        return None
    stop = re.compile(r"[,;]|\b(?:which|that|who|saying|on|in|at)\b").search(sent, right[0][1])
    right = [x for x in right if not stop or x[1] <= stop.start()] or right[:1]
    return [left[-1], right[-1]]


# "X hosted Y (in Z) for talks": the host's verb before a meeting noun
HOSTED = re.compile(r"\b(?:hosted|hosts|hosting|welcomed|welcomes|welcoming)\s+", re.I)


def hosted(sent: str, m, mentions, roles, clause: tuple[int, int]):
    """A CONSULT cue after "X hosted Y …" ("A on Monday hosted B in the capital for talks"): B, the guest, is the
    visitor and X, the host, its recipient (the article gold's "visitor = actor, host = recipient"); the clause
    rules took B, the mention nearest before the cue, as the only side."""
    if m.cue.event != "CONSULT":
        return roles
    verb = next(reversed(list(HOSTED.finditer(sent, clause[0], m.start))), None)
    if verb is None:
        return roles
    guest = object_after(sent, mentions, verb.end(), m.start)
    host = group_before(sent, mentions, verb.start(), clause[0])
    if not guest or not host or guest[0][2].id == host[-1][2].id:
        return roles
    nxt = re.match(r"\s*(?:\([^)]{1,12}\)\s*)?([a-z][\w-]*)", sent[guest[0][1]:])
    if nxt and nxt.group(1) not in FUNCTION:
        return roles  # "hosting a United Nations climate summit": the mention qualifies what is hosted
    return [guest[0][2]], uniq([x[2] for x in host]), guest[0][:2], host[-1][:2]
