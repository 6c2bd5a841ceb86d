"""Events stage: find event predicates in each sentence, code them (PLOVER + CAMEO), assign actors, date, flags.

Choices:
- candidates are sentences (and the event cues within them) from the cue lexicon; a sentence with a speech cue
  yields the speaker's statement (CAMEO 01x, event None) and each event cue not governed by another
  ("threatened to boycott" → one THREATEN) yields an event; cues inside a direct quotation are left to the
  quote/claims record (the speaker's words, not a reported happening);
- actor = the actor mention nearest before the trigger, recipient = the first after it; passive voice
  ("was arrested by X") flips them; "talks between A and B" and "A and B reached an agreement" give both as
  actors; the sentence is marked (<s>actor</s>, <t>recipient</t>) before it is classified;
- date: the sentence's own time expression nearest the trigger, else the closest preceding one in the paragraph
  (which governs the following sentences), else ``doc.published`` with ``date_precision = "publication"``;
- historical: the event date lies more than a year before publication.
"""

from __future__ import annotations

import re
from datetime import date as _date

from parley.document import Document, Event
from parley.events import coding
from parley.events import features as F
from parley.events.classifier import get_classifier
from parley.events.ontology import get_ontology

PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are|be|got)\s+(?:\w+ly\s+)?$", re.I)
COORD = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")


def annotate(doc: Document, ctx) -> Document:
    """Pipeline stage: fill ``doc.events``."""
    onto = get_ontology(ctx)
    units = []  # (sentence index, match or None, kind, actors, recipients, marked text)
    quote_spans = [(q.start, q.end) for q in doc.quotes if q.direct]
    for si, (s, e) in enumerate(doc.sentences):
        sent = doc.text[s:e]
        matches = coding.find_cues(onto, sent)
        if not matches:
            continue
        mentions = _mentions(doc, s, e)
        matches = [m for m in matches if not any(a <= m.start < b for a, b, _ in mentions)]  # "Riot police"
        speech = [m for m in matches if m.cue.kind == "speech" and not _inside(s + m.start, quote_spans)]
        if speech:
            speaker = _speaker(doc, s, e, mentions, speech[0])
            units.append((si, speech[0], "speech", speaker, [], None))
        # precise cues first, so that they claim their type (one event per type per sentence)
        for m in sorted(coding.event_matches(matches, sent), key=lambda m: (not m.cue.precise, m.start)):
            if _inside(s + m.start, quote_spans):
                continue
            actors, recips, src, tgt = _roles(sent, m, mentions)
            units.append((si, m, "event", actors, recips, F.mark(sent, src, tgt)))
    clf = get_classifier(ctx) if any(u[2] == "event" for u in units) else None
    probs = clf.predict([u[5] for u in units if u[2] == "event"]) if clf else []
    it = iter(probs)
    events: list[Event] = []
    seen: dict[tuple[int, str | None, str | None], Event] = {}
    for si, m, kind, actors, recips, _ in units:
        s, e = doc.sentences[si]
        sent = doc.text[s:e]
        if kind == "speech":
            etype, conf = None, 0.6
        else:
            etype, conf = coding.decide(onto, next(it), m.cue)
        fields = coding.code_fields(onto, etype, m.cue if kind == "speech" or m.cue.event == etype else None)
        if kind == "event" and m.cue.event != etype:
            fields = coding.code_fields(onto, etype, None)
        key = (si, etype, fields["cameo"] if etype is None else None)
        if key in seen:  # one event per type per sentence; keep the first trigger
            continue
        fl = coding.flags(sent, m.start, m.end) if kind == "event" else {"negated": False, "hypothetical": False,
                                                                          "future": False}
        dval, dprec = _date_for(doc, si, s + m.start)
        if dval and doc.published and dval > doc.published[: len(dval)] and kind == "event":
            fl["future"] = True
        n = sum(1 for ev in events if ev.start == s and ev.end == e)
        ev = Event(id=f"{doc.id}:{s}-{e}:{n}", date=dval, date_precision=dprec, **fields,
                   actor=[a.name for a in actors], recipient=[a.name for a in recips],
                   actor_ids=[a.id for a in actors], recipient_ids=[a.id for a in recips],
                   start=s, end=e, confidence=round(float(conf), 3), trigger=sent[m.start:m.end],
                   historical=_historical(dval, doc.published), **fl)
        seen[key] = ev
        events.append(ev)
    doc.events = events
    return doc


# ------------------------------------------------------------------ actors
def _mentions(doc: Document, s: int, e: int) -> list[tuple[int, int, object]]:
    """Actor mentions inside [s, e), relative offsets, in order; nested mentions keep the longer one."""
    out = []
    for a in doc.actors:
        for ms, me in a.mentions:
            if s <= ms and me <= e:
                out.append((ms - s, me - s, a))
    out.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    kept = []
    for m in out:
        if kept and m[0] < kept[-1][1]:
            continue
        kept.append(m)
    return kept


def _uniq(actors):
    out, ids = [], set()
    for a in actors:
        if a.id not in ids:
            ids.add(a.id)
            out.append(a)
    return out


def _group_before(sent: str, mentions, pos: int) -> list:
    """The subject group before ``pos``: the nearest mention, plus mentions coordinated with it ("A and B")."""
    before = [m for m in mentions if m[1] <= pos]
    if not before:
        return []
    group = [before[-1]]
    for m in reversed(before[:-1]):
        if COORD.match(sent[m[1]:group[0][0]]):
            group.insert(0, m)
        elif re.fullmatch(r"\W*(?:’s|'s)?\s*(?:\(\w+\))?\s*", sent[m[1]:group[0][0]]):
            continue  # possessive / acronym chain: "A's B (C)" — the head is the later mention
        else:
            break
    return group


def _between(sent: str, mentions, pos: int) -> list | None:
    """"talks between A and B": the two groups after "between" (each reduced to its head mention)."""
    m = re.compile(r"\bbetween\b", re.I).search(sent, pos, min(len(sent), pos + 60))
    if not m:
        return None
    rest = [x for x in mentions if x[0] >= m.end()]
    j = sent.find(" and ", m.end())
    if j < 0 or not rest:
        return None
    left = [x for x in rest if x[1] <= j]
    right = [x for x in rest if x[0] > j]
    if not left or not right:
        return None
    stop = re.compile(r"[,;]|\b(?:which|that|who|saying|on|in|at)\b").search(sent, right[0][1])
    right = [x for x in right if not stop or x[1] <= stop.start()] or right[:1]
    return [left[-1], right[-1]]


def _roles(sent: str, m, mentions):
    """(actors, recipients, source span, target span) for the event cue ``m``."""
    pair = _between(sent, mentions, m.end)
    if pair:
        acts = [x[2] for x in pair]
        return _uniq(acts), [], (pair[0][0], pair[0][1]), (pair[1][0], pair[1][1])
    passive = PASSIVE.search(sent[max(0, m.start - 30):m.start])
    after = [x for x in mentions if x[0] >= m.end]
    if passive:
        by = re.compile(r"\bby\b", re.I).search(sent, m.end, min(len(sent), m.end + 40))
        agent = [x for x in after if by and x[0] > by.end()][:1]
        patient = _group_before(sent, mentions, m.start)
        src = agent[0] if agent else None
        tgt = patient[-1] if patient else None
        return ([x[2] for x in agent], _uniq([x[2] for x in patient]),
                src[:2] if src else None, tgt[:2] if tgt else None)
    subj = _group_before(sent, mentions, m.start)
    obj = after[:1]
    if not subj and len(after) >= 2:  # "Talks between ..." without "between" handled above; subjectless heads
        subj, obj = after[:1], after[1:2]
    src = subj[-1] if subj else None
    tgt = obj[0] if obj else None
    recips = [x[2] for x in obj if not subj or x[2].id not in {s[2].id for s in subj}]
    return _uniq([x[2] for x in subj]), _uniq(recips), src[:2] if src else None, tgt[:2] if tgt else None


def _speaker(doc: Document, s: int, e: int, mentions, match) -> list:
    for q in doc.quotes:
        if s <= q.start < e or (q.speaker_span and s <= q.speaker_span[0] < e):
            for a in doc.actors:
                if q.speaker_id and a.id == q.speaker_id:
                    return [a]
    before = [x for x in mentions if x[1] <= match.start]
    if before:
        return [before[-1][2]]
    after = [x for x in mentions if x[0] >= match.end]
    return [after[0][2]] if after else []


def _inside(pos: int, spans) -> bool:
    return any(a <= pos < b for a, b in spans)


# ------------------------------------------------------------------ dates
def _date_for(doc: Document, si: int, pos: int) -> tuple[str | None, str]:
    s, e = doc.sentences[si]
    own = [t for t in doc.times if s <= t.start < e and t.value and t.kind != "duration"]
    if own:
        t = min(own, key=lambda t: abs(t.start - pos))
        return t.value, t.precision
    para = next(((a, b) for a, b in doc.paragraphs if a <= s < b), None)
    if para:
        prior = [t for t in doc.times if para[0] <= t.start < s and t.value and t.kind != "duration"]
        if prior:
            t = prior[-1]
            return t.value, t.precision
    return (doc.published, "publication") if doc.published else (None, "unknown")


def _historical(value: str | None, published: str | None) -> bool:
    if not value or not published:
        return False
    try:
        ev = _date(int(value[:4]), int(value[5:7] or 12) if len(value) >= 7 else 12, 28 if len(value) >= 10 else 28)
        pub = _date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (pub - ev).days > 365
