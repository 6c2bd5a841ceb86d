"""Claims ledger: what one actor says about another's words or acts, and the other side's answer.

Detection (per article, from the Document's own offsets; cue lists live in data/corpus/corpus.yaml):
- *sentence claims*: a claim verb ("claimed", "accused", "alleged", "threatened to release") with an actor
  mention before it (the claimant: the nearest mention outside quotes) and another actor after it (the
  target); or a speech verb ("said", "told") whose following actor is the subject of an attributed act within a
  few words ("X said Y had accepted", "... Y abandoned the idea"); or a hedge ("Y purportedly acknowledged")
  whose claimant is the sentence's first other actor.
- *quote claims*: a quote with a resolved speaker whose words mention another actor followed by an act,
  claim or speech verb ("Sam Rainsy said he would stop ...").
- *counter-claims*: a denial/response cue ("denied", "rejected", "dismissed", "fired back", "nothing to hide",
  "twisted", "responded") marks a response; the responder is the speaker of that statement - the subject of the
  clause before the cue (``responder``: possessives resolve to their head, "Sam Rainsy's CNRP" -> the CNRP;
  of coordinated subjects the first, "Kem Sokha and the CNRP" -> Kem Sokha; "X said Y denied" -> Y), or the
  quote's speaker when the cue is inside a quote whose sentence names no subject group holding it. The nearest
  actor before the cue is *not* the responder (it may be an object: "... remarks attributed to X were twisted").
  An actor right after the cue ("fired back at X") is kept as the addressee.
- When the next actor after a cue is followed within a short title phrase by another ("CNRP senior official
  Son Chhay"), the later (the head of the phrase) is the target.

Linking: a counter-claim answers an earlier claim only when its responder is that claim's *target* or the
target's organisation (affiliation) - in the same article the nearest such claim before it, else the first of
the most recent article up to ``window_days`` before; when the counter names an addressee it must be the
claimant or the claimant's party. A member answering for a claim about their party is not linked (the party
answers for itself), nor is a claim linked to a response by someone it is not about.
One row per claim or counter-claim is stored in ``claims`` (``responds_to`` holds the link) - detection is redone
only for changed articles, linking over all rows (rows only, no text).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from datetime import date
from functools import lru_cache
from typing import Any

from parley.corpus.merge import config, norm, strip_titles
from parley.document import Document
from parley.store import span_id

TITLE_GAP = 25  # characters between two mentions that still form one title phrase ("CNRP senior official X")
ACT_REACH = 60  # characters after a reported target within which its attributed act must start
_CLAUSE_END = re.compile(r";|\bbut\b|\bwhile\b|\bwhereas\b|\balthough\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def _cues() -> dict[str, re.Pattern]:
    out = {}
    for kind, words in config()["claims"].items():
        if not isinstance(words, list):
            continue
        alts = sorted({w.strip() for w in words}, key=len, reverse=True)
        body = "|".join(r"\s+".join(re.escape(p) for p in w.split()) for w in alts)
        out[kind] = re.compile(rf"(?<![\w-])(?:{body})(?![\w-])", re.IGNORECASE)
    return out


def _clause_end(text: str, pos: int, end: int) -> int:
    m = _CLAUSE_END.search(text, pos, end)
    return m.start() if m else end


def _inside(spans: list[tuple[int, int]], s: int, e: int) -> bool:
    return any(qs <= s and e <= qe for qs, qe in spans)


def _after(mentions, pos: int, limit: int, not_id: str | None) -> tuple[int, int, str] | None:
    """First mention starting at/after ``pos`` (before ``limit``) of another actor; prefers the head of a
    short title phrase ("CNRP senior official Son Chhay" -> Son Chhay)."""
    cands = [m for m in mentions if m[0] >= pos and m[1] <= limit and m[2] != not_id]
    if not cands:
        return None
    first = cands[0]
    for nxt in cands[1:]:
        gap = nxt[0] - first[1]
        if 0 <= gap <= TITLE_GAP:
            first = nxt
        else:
            break
    return first


_COORD = re.compile(r"\s*(?:,\s*)?(?:and|&|,)\s+(?:the\s+)?\Z|\s*,\s*\Z", re.IGNORECASE)
_POSS = re.compile(r"\s*[’']s?\s+(?:the\s+)?\Z|\s*\(\s*\Z")


def _clause_start(text: str, lo: int, pos: int) -> int:
    last = lo
    for m in _CLAUSE_END.finditer(text, lo, pos):
        last = m.end()
    return last


def responder(text: str, mentions, lo: int, pos: int, quotes, speech: re.Pattern,
              speaker: str | None = None) -> str | None:
    """Who makes the statement whose cue is at ``pos``: the subject of the clause before the cue - its first
    actor mention, through possessives to their head ("Sam Rainsy's CNRP" -> the CNRP) and keeping the first of
    coordinated subjects ("Kem Sokha and the CNRP" -> Kem Sokha). When a speech verb follows the subject and
    another actor comes after it ("X said Y denied"), that actor is the responder. A quote's ``speaker``
    stands when the clause has no subject of its own; it yields to the subject group it belongs to."""
    start = _clause_start(text, lo, pos)
    cands = [m for m in mentions if start <= m[0] and m[1] <= pos and not _inside(quotes, m[0], m[1])]
    if not cands:
        return speaker

    def group(k: int) -> tuple[str, list[str], int]:
        head, members, end = cands[k][2], [cands[k][2]], cands[k][1]
        for m in cands[k + 1:]:
            gap = text[end:m[0]]
            if _POSS.match(gap):
                head, end = m[2], m[1]
                members.append(m[2])
            elif _COORD.match(gap) or m[2] == head:
                members.append(m[2])
                end = m[1]
            else:
                break
        return head, members, end

    head, members, end = group(0)
    last = cands[-1]
    if last[0] >= end and speech.search(text, end, last[0]):
        k = next(i for i, m in enumerate(cands) if m[0] >= end and speech.search(text, end, m[0]))
        head, members, _ = group(k)
    if speaker and speaker not in members and not speech.search(text, end, pos):
        return speaker
    return head


def _before(mentions, pos: int, lo: int, quotes) -> tuple[int, int, str] | None:
    cands = [m for m in mentions if lo <= m[0] and m[1] <= pos and not _inside(quotes, m[0], m[1])]
    return cands[-1] if cands else None


def detect_claims(doc: Document, corpus_id: dict[str, str], names: dict[str, str],
                  party: dict[str, str] | None = None) -> list[dict[str, Any]]:
    """Claims and counter-claims in one Document. ``corpus_id`` maps the document's actor ids to corpus actor
    ids, ``names`` corpus ids to canonical names, ``party`` corpus ids to their party's id (an actor speaking
    about its own party, or a party about its member, makes no claim about *another* actor).
    Returns rows for the ``claims`` table."""
    party = party or {}
    cues = _cues()
    text = doc.text
    mentions = sorted({(s, e, corpus_id.get(a.id, a.id)) for a in doc.actors for s, e in a.mentions})
    starts = [m[0] for m in mentions]
    quotes = [(q.start, q.end) for q in doc.quotes]
    out: list[dict[str, Any]] = []

    def add(kind, basis, s, e, speaker, target, cue, quote=None):
        if not speaker or speaker == target:
            return
        if target and (party.get(speaker) == target or party.get(target) == speaker):
            return
        out.append({
            "id": f"{doc.id}:{s}-{e}:{kind}", "kind": kind, "basis": basis, "doc_id": doc.id, "start": s, "end": e,
            "text": text[s:e], "speaker": names.get(speaker, speaker), "speaker_id": speaker,
            "target": names.get(target, target) if target else None, "target_id": target, "cue": cue,
            "published": doc.published, "quote_id": span_id(doc.id, quote.start, quote.end) if quote else None,
        })

    for s, e in doc.sentences:
        # the mentions are sorted by start: those starting inside the sentence are one slice (was a scan of
        # every mention per sentence, quadratic in a long article)
        sent_mentions = [m for m in mentions[bisect_left(starts, s):bisect_right(starts, e)] if m[1] <= e]
        if len(sent_mentions) < 1:
            continue
        claim = counter = None
        hits = sorted((m.start(), m.end(), kind) for kind in ("claim_verbs", "report_verbs", "hedges",
                                                                       "denial_cues")
                      for m in cues[kind].finditer(text, s, e))
        for cs, ce, kind in hits:
            if _inside(quotes, cs, ce):
                continue
            if kind == "denial_cues" and counter is None:
                who = responder(text, sent_mentions, s, cs, quotes, cues["report_verbs"])
                if who:
                    to = _after(sent_mentions, ce, min(e, ce + 40), who)
                    counter = ("counter", who, to[2] if to else None, text[cs:ce])
            elif kind == "claim_verbs" and claim is None:
                who = _before(sent_mentions, cs, s, quotes)
                to = _after(sent_mentions, ce, _clause_end(text, ce, e), who[2] if who else None)
                if who and to:
                    claim = ("claim", who[2], to[2], text[cs:ce])
            elif kind == "report_verbs" and claim is None:
                who = _before(sent_mentions, cs, s, quotes)
                to = _after(sent_mentions, ce, _clause_end(text, ce, e), who[2] if who else None)
                if who and to and cues["act_verbs"].search(text, to[1], min(e, to[1] + ACT_REACH)):
                    claim = ("claim", who[2], to[2], text[cs:ce])
            elif kind == "hedges" and claim is None:
                target = _before(sent_mentions, cs, s, [])
                if target:
                    others = [m for m in sent_mentions if m[1] <= target[0] and m[2] != target[2]
                              and not _inside(quotes, m[0], m[1])]
                    if others:
                        claim = ("claim", others[0][2], target[2], text[cs:ce])
        for found in (claim, counter):
            if found:
                add(found[0], "sentence", s, e, found[1], found[2], found[3])

    for q in doc.quotes:
        speaker = corpus_id.get(q.speaker_id or "", q.speaker_id)
        if not speaker:
            continue
        inner = [m for m in mentions if q.start <= m[0] and m[1] <= q.end and m[2] != speaker]
        denial = cues["denial_cues"].search(text, q.start, q.end)
        if denial:
            lo = next((s for s, e in doc.sentences if s <= q.start < e), q.start)
            who = responder(text, mentions, lo, q.start, [(x.start, x.end) for x in doc.quotes if x is not q],
                            cues["report_verbs"], speaker)
            add("counter", "quote", q.start, q.end, who, None, denial.group(0), q)
            continue
        for m in inner:
            verb = None
            for kind in ("act_verbs", "claim_verbs", "report_verbs", "hedges"):
                verb = cues[kind].search(text, m[1], min(q.end, m[1] + ACT_REACH))
                if verb:
                    break
            if verb:
                add("claim", "quote", q.start, q.end, speaker, m[2], verb.group(0), q)
                break
    return _dedupe(out)


def _dedupe(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per (kind, speaker, target) per passage: a quote-based row wins over its sentence's row."""
    rows = sorted(rows, key=lambda r: (r["basis"] != "quote", r["start"]))
    kept: list[dict[str, Any]] = []
    for r in rows:
        if any(k["kind"] == r["kind"] and k["speaker_id"] == r["speaker_id"] and k["target_id"] == r["target_id"]
               and k["start"] < r["end"] and r["start"] < k["end"] for k in kept):
            continue
        kept.append(r)
    uniq = {r["id"]: r for r in kept}
    return sorted(uniq.values(), key=lambda r: (r["start"], r["kind"]))


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat((value or "")[:10])
    except ValueError:
        return None


def link_claims(rows: list[dict[str, Any]], party: dict[str, str]) -> dict[str, tuple[str, str]]:
    """Counter-claim id -> (claim id, how linked). ``party`` maps a corpus actor id to its party's id."""
    window = int(config()["claims"].get("window_days", 60))
    order = sorted(rows, key=lambda r: (r["published"] or "", r["doc_id"], r["start"]))
    claims = [r for r in order if r["kind"] == "claim"]
    links: dict[str, tuple[str, str]] = {}
    for c in (r for r in order if r["kind"] == "counter"):
        sp = c["speaker_id"]
        best = None
        for k in claims:
            tgt = k["target_id"]
            if tgt == sp:
                how = "speaker is the target"
            elif party.get(tgt) == sp:
                how = "speaker is the target's party"
            else:  # a response comes from whom the claim is about (or its organisation), nobody else
                continue
            if c["target_id"] and c["target_id"] not in (k["speaker_id"], party.get(k["speaker_id"])) \
                    and party.get(c["target_id"]) != k["speaker_id"]:
                continue
            if k["doc_id"] == c["doc_id"]:
                if k["start"] >= c["start"]:
                    continue
                rank = (0, -k["start"])
            else:
                dk, dc = _day(k["published"]), _day(c["published"])
                if dk is None or dc is None or not (0 <= (dc - dk).days <= window):
                    continue
                rank = (1, (dc - dk).days, k["doc_id"], k["start"])
            if best is None or rank < best[0]:
                best = (rank, k["id"], how)
        if best:
            links[c["id"]] = (best[1], best[2])
    return links


def store_claims(store, docs: list[Document], corpus_ids: dict[tuple[str, str], str], names: dict[str, str],
                 dirty: set[str]) -> int:
    """Re-detect claims of the ``dirty`` documents, then relink every claim row. Returns rows stored."""
    db = store.db
    db.executemany("DELETE FROM claims WHERE doc_id = ?", [(d,) for d in sorted(dirty)])
    party = _parties(store)
    per_doc: dict[str, dict[str, str]] = {}
    for (did, aid), cid in corpus_ids.items():
        per_doc.setdefault(did, {})[aid] = cid
    for doc in docs:
        ids = per_doc.get(doc.id, {})
        for r in detect_claims(doc, ids, names, party):
            db.execute(
                "INSERT OR REPLACE INTO claims VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (r["id"], r["kind"], r["basis"], r["doc_id"], r["start"], r["end"], r["text"], r["speaker"],
                 r["speaker_id"], r["target"], r["target_id"], r["cue"], r["published"], r["quote_id"], None, None),
            )
    rows = store.rows("SELECT * FROM claims")
    links = link_claims(rows, party)
    db.execute("UPDATE claims SET responds_to = NULL, link = NULL")
    db.executemany("UPDATE claims SET responds_to = ?, link = ? WHERE id = ?",
                   [(k, how, c) for c, (k, how) in sorted(links.items())])
    return len(rows)


def _parties(store) -> dict[str, str]:
    """Corpus actor id -> corpus id of its affiliation (matched by name or alias)."""
    index: dict[str, set[str]] = {}
    for r in store.rows("SELECT actor_id, norm FROM corpus_actor_aliases"):
        index.setdefault(r["norm"], set()).add(r["actor_id"])
    out = {}
    for r in store.rows("SELECT id, affiliation FROM corpus_actors WHERE affiliation IS NOT NULL"):
        cands = index.get(norm(strip_titles(r["affiliation"], person=False)), set()) - {r["id"]}
        if len(cands) == 1:
            out[r["id"]] = next(iter(cands))
    return out


def _evidence(r: dict[str, Any]) -> dict[str, Any]:
    return {"id": r["id"], "kind": r["kind"], "basis": r["basis"], "speaker": r["speaker"],
            "speaker_id": r["speaker_id"], "target": r["target"], "target_id": r["target_id"], "cue": r["cue"],
            "published": r["published"], "link": r.get("link"),
            "evidence": {"doc_id": r["doc_id"], "start": r["start"], "end": r["end"], "text": r["text"],
                         "speaker": r["speaker"], "quote_id": r["quote_id"]}}


def claims_ledger(store) -> list[dict[str, Any]]:
    """Every claim with the counter-claims that answer it: ``[{"claim": {...}, "counter_claims": [...]}]``,
    each entry carrying its evidence (doc_id, start, end, text, speaker). Counter-claims that answer no
    detected claim come last with ``"claim": None``."""
    if not store.has_table("claims"):
        return []
    rows = store.rows("SELECT * FROM claims ORDER BY published, doc_id, start")
    answers: dict[str, list[dict[str, Any]]] = {}
    orphans = []
    for r in rows:
        if r["kind"] == "counter":
            if r["responds_to"]:
                answers.setdefault(r["responds_to"], []).append(_evidence(r))
            else:
                orphans.append(_evidence(r))
    ledger = [{"claim": _evidence(r), "counter_claims": answers.get(r["id"], [])}
              for r in rows if r["kind"] == "claim"]
    ledger += [{"claim": None, "counter_claims": [o]} for o in orphans]
    return ledger
