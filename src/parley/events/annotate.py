"""Events stage: find event predicates in each sentence, code them (PLOVER + CAMEO), assign actors, date, flags.

The stage orchestrates one job per module: ``candidates`` (parse, mentions), ``coding`` (cue lexicon, the
classifier + cue decision, CAMEO/quad fields), ``roles`` (actor / recipient), ``dating`` (the governing time
expression), ``flags`` (negated / hypothetical / future) and ``elections`` (untyped dated elections).

Choices made here:
- candidates are sentences (and the event cues within them) from the cue lexicons (cues.tsv + cues_article.tsv);
  a sentence with a speech cue yields the speaker's statement (CAMEO 01x, event None) and each event cue not
  governed by another ("threatened to boycott" → one THREATEN) yields an event; cues inside a direct quotation are
  left to the quote/claims record (the speaker's words, not a reported happening);
- one event per type and dyad per sentence; when the sentence-level classifier gives a trigger a type another
  trigger of the sentence already holds, the trigger keeps its own cue's type (two predicates, two events).
"""

from __future__ import annotations

from dataclasses import dataclass

from parley.document import Document, Event
from parley.events import coding
from parley.events import features as F
from parley.events.candidates import doc_index, inside, parse_doc, pronoun_subject, sentence_mentions
from parley.events.classifier import get_classifier
from parley.events.constructions import by_mishap, toll_without_force
from parley.events.dating import date_for, is_historical
from parley.events.elections import election_events
from parley.events.flags import flags
from parley.events.generic import is_generic
from parley.events.ontology import get_ontology
from parley.events.roles import (
    SYMMETRIC,
    agent_extent,
    assign_roles,
    doc_pairs,
    find_speaker,
    is_nominal,
    own_act,
    pair_anaphor,
    paired,
    reported_roles,
    statement_target,
    unowned,
)


def annotate(doc: Document, ctx) -> Document:
    """Pipeline stage: fill ``doc.events``."""
    onto = get_ontology(ctx)
    parse = parse_doc(doc, ctx)
    idx = doc_index(doc, rebuild=True)
    units = []  # Unit per speech or event cue
    elections = []  # (sentence index, match)
    quote_spans = sorted((q.start, q.end) for q in doc.quotes if q.direct)
    pairs = doc_pairs(doc)
    n_cues = 0
    for si, (s, e) in enumerate(doc.sentences):
        sent = doc.text[s:e]
        matches = coding.find_article_cues(onto, sent)
        if not matches:
            continue
        mentions = sentence_mentions(doc, s, e)
        mentions = pronoun_subject(doc, si, mentions) + mentions
        times = [(t.start - s, t.end - s) for t in idx.times_in(s, e)]
        matches = [m for m in matches if not any(a <= m.start < b for a, b, _ in mentions)  # "Riot police"
                   and not any(a <= m.start < b for a, b in times)]  # "in March"
        elections += [(si, m) for m in matches if m.cue.kind == "election" and not inside(s + m.start, quote_spans)]
        evs = [m for m in coding.event_matches(matches, sent) if not inside(s + m.start, quote_spans)]
        evs = evs[:max(0, min(MAX_CUES, MAX_DOC_CUES - n_cues))]
        n_cues += len(evs)
        speech = [m for m in matches if m.cue.kind == "speech" and not inside(s + m.start, quote_spans)]
        if speech:
            speaker, src = find_speaker(doc, s, e, mentions, speech[0])
            acts, recips, a_src, tgt = reported_roles(sent, speech[0], mentions, speaker, src)
            units.append(Unit(si, speech[0], "speech", acts, recips if not evs else [], F.mark(sent, a_src, tgt),
                              sent, a_src, tgt if not evs else None, mentions, speaker, src))
        for m in [m for m in matches if m.cue.kind == "verdict"][:1]:
            unit = _verdict(doc, si, sent, m, mentions, speech)
            if unit is not None:
                units.append(unit)
        roles: dict[int, tuple] = {}
        for m in evs:  # in sentence order, so that a coordinated verb can share the earlier verb's subject
            roles[m.start] = assign_roles(doc, s, sent, m, mentions, parse, [(o, roles[o.start]) for o in evs
                                                                        if o.start in roles and not is_nominal(sent, o)])
            if not roles[m.start][0] and m.cue.event in SYMMETRIC + ("REQUEST",):
                roles[m.start] = pair_anaphor(sent, m, s, pairs, roles[m.start])
        # precise cues first, so that they claim their type (one event per type per sentence)
        for m in sorted(evs, key=lambda m: (not m.cue.precise, m.start)):
            actors, recips, src, tgt = roles[m.start]
            units.append(Unit(si, m, "event", actors, recips, F.mark(sent, src, tgt), sent, src, tgt, mentions))
    # the speech units are classified too: what a speaker's words *do* (urge, deny, accuse, promise) is codable
    # the classifier is the stage's cost: it runs only where its answer is used — not for a precise cue (its type
    # is the cue's, coding.decide), nor for a speech unit that cannot become a PLOVER event — and once per
    # distinct marked sentence
    cue_sents = {u.si for u in units if u.kind == "event"}
    needs = [(u.kind == "event" and not u.match.cue.precise) or (u.kind == "speech" and _may_type(u, cue_sents))
             for u in units]
    texts = sorted({u.marked for u, n in zip(units, needs, strict=True) if n})
    if len(texts) > MAX_CLASSIFIED:  # a hostile page: the first ones in the text are classified, the rest keep
        first: dict[str, int] = {}  # their cue's type (coding.decide without probabilities)
        for u, n in zip(units, needs, strict=True):
            if n:
                first.setdefault(u.marked, u.si)
        texts = sorted(sorted(texts, key=lambda t: first[t])[:MAX_CLASSIFIED])
    clf = get_classifier(ctx) if texts else None
    got = dict(zip(texts, clf.predict(texts), strict=True)) if clf else {}
    probs = [got.get(u.marked) if n else None for u, n in zip(units, needs, strict=True)]
    cue_types: dict[int, list] = {}
    for u in units:
        if u.kind == "event":
            cue_types.setdefault(u.si, []).append(u)
    decided = []
    for u, p in zip(units, probs, strict=True):
        m = u.match
        if u.kind == "speech":
            etype, conf = _speech_type(p, u, cue_types.get(u.si, []))
        else:
            etype, conf = coding.decide(onto, p, m.cue)
            if m.cue.event and etype != m.cue.event and conf < CUE_KEEPS_BELOW:
                etype = m.cue.event  # the classifier moved the cue's type without conviction: the cue's words win
            others = {o.match.cue.event for o in cue_types.get(u.si, []) if o is not u}
            if etype != m.cue.event and m.cue.event and (etype in others or paired(doc, u.si, m)):
                # the sentence-level classifier is describing another predicate of the sentence (or the cue is
                # a "talks between A and B" construction): the trigger keeps its own cue's type
                etype, conf = m.cue.event, max(0.5, p.get(m.cue.event, 0.0) if p else 0.5)
        decided.append((u, etype, conf))
    # one event per type and dyad per sentence: a trigger whose own cue names the type beats one the classifier
    # moved there
    decided.sort(key=lambda d: (d[0].si, d[0].kind == "event", d[0].kind == "event" and d[0].match.cue.event != d[1]))
    events: list[Event] = []
    seen: dict[tuple, list] = {}  # (sentence, type) -> dyads taken; (sentence, None, cameo) for statements
    counts: dict[tuple, int] = {}
    for u, etype, conf in decided:
        si, m, kind, actors, recips = u.si, u.match, u.kind, u.actors, u.recipients
        src, tgt = u.src, u.tgt
        s, e = doc.sentences[si]
        sent = doc.text[s:e]
        if kind == "speech" and etype is None:  # a statement: its actor is who spoke, its target who is addressed
            actors, src = u.speaker or [], u.speaker_span
            recips, tgt = statement_target(sent, m, u.mentions, actors)
        # a generic participant ("18 people") names no side of its own: it never makes a second event of a type
        dyad = (tuple(a.id for a in actors if not is_generic(a)), tuple(a.id for a in recips if not is_generic(a)))
        if (kind == "event" and m.cue.event and etype != m.cue.event and _repeats(seen, si, etype, dyad)
                and not _repeats(seen, si, m.cue.event, dyad)):
            # the classifier gave this trigger a type another trigger of the sentence already holds: it described
            # that predicate, so this one keeps its own cue's type ("…, though he met with the ambassador")
            etype = m.cue.event
        agree = (kind == "speech" and etype is None) or m.cue.event == etype
        fields = coding.code_fields(onto, etype, m.cue if agree else None)
        if etype is not None and _repeats(seen, si, etype, dyad):
            continue  # the same type again with no new dyad (a second cue of one happening)
        if etype == "ASSAULT" and kind == "event" and by_mishap(sent, m, u.mentions):
            continue  # "an explosion killed 11 workers": no side used force
        if etype == "ASSAULT" and kind == "event" and toll_without_force(sent, m, actors):
            continue  # "35 people were killed on Tuesday": a toll nobody is said to have caused
        if etype is not None and not actors and not recips and kind == "event" and unowned(sent, m):
            continue  # "four assaults", "the discussions": no side named, no event coded
        key = (si, etype, fields["cameo"]) if etype is None else (si, etype)
        if etype is None and key in seen:
            continue
        seen.setdefault(key, []).append(dyad)
        fl = flags(sent, m.start, m.end) if etype is not None else {"negated": False, "hypothetical": False,
                                                                    "future": False}
        when = date_for(doc, si, s + m.start, s + m.end, speech=kind == "speech")
        if when["date"] and doc.published and when["date"] > doc.published[: len(when["date"])] and etype:
            fl["future"] = True
        spans = {"trigger": (s + m.start, s + m.end),
                 "actor": _spans(actors, src, u.mentions, s, m.start, sent),
                 "recipient": _spans(recips, tgt, u.mentions, s, m.start)}
        events.append(make_event(doc, s, e, counts, fields, actors, recips, conf, sent[m.start:m.end], when, fl,
                                 spans, "event" if etype else "statement"))
    events += election_events(doc, elections, counts, make_event)
    events.sort(key=lambda ev: (ev.start, int(ev.id.rsplit(":", 1)[1])))
    doc.events = events
    return doc


# cost caps (issue 15), above what news prose needs, so that a hostile page stays inside its time budget: event
# cues read per sentence (250 T17 articles: at most 10 in a sentence; the roles cost grows with cues × sentence
# length) and per document, and distinct classifier inputs per document (the encoder is the stage's cost). The
# largest T17 article (665 KB) gives 1,323 events from 738 classifier inputs. Cues past a cap are not read;
# units past the first MAX_CLASSIFIED classifier inputs keep their cue's type.
MAX_CUES = 12
MAX_DOC_CUES = 2000
MAX_CLASSIFIED = 1000
# a cue's type is moved by the classifier only when the combined score is at least this (chosen on the tune slice of
# the article dev gold, bench/events_e2e.py: type P/R 0.468/0.619 -> 0.496/0.653; 0.6 gave 0.482/0.644; ConfliBERT
# quad 0.634 -> 0.630, PLOVER GSR type 0.706 -> 0.683, in-sample for the classifier)
CUE_KEEPS_BELOW = 0.5
# a speech cue that is the speaker's own act is typed when the classifier is at least this sure (chosen on the tune
# slices of the whole-article dev gold and PLOVER GSR, bench/events_e2e.py: 0.5 for all let descriptions through)
SPEECH_TYPED = 0.6
SPEECH_REPORTED = 0.8  # … and a reported one (no own commitment) only when it is this sure


@dataclass
class Unit:
    """One candidate: a speech or event cue of sentence ``si`` with its roles and classifier input."""

    si: int
    match: object
    kind: str  # "speech" | "event"
    actors: list
    recipients: list
    marked: str
    marked_plain: str  # the sentence itself
    src: tuple | None  # the marked actor / recipient mention, relative to the sentence
    tgt: tuple | None
    mentions: list
    speaker: list | None = None  # a speech unit: who spoke (the actor of a statement) and the mention
    speaker_span: tuple | None = None


def _verdict(doc: Document, si: int, sent: str, m, mentions, speech) -> Unit | None:
    """"X said Y's steps were a mistake": the speaker ACCUSEs (disapprove) the owner of the judged act — the
    nearest mention before the verdict (after the speech cue when it comes first). The speaker is the speech
    cue's, or that of the quote the sentence is in (the quotes stage knows who spoke); without one, no event."""
    s, e = doc.sentences[si]
    speaker, src = find_speaker(doc, s, e, mentions, speech[0] if speech else m)
    if not speaker or (not speech and not doc_index(doc).quotes_in(s, e)):
        return None
    ids = {a.id for a in speaker}
    lo = speech[0].end if speech and speech[0].end <= m.start else 0
    owners = [x for x in mentions if lo <= x[0] and x[1] <= m.start and x[2].id not in ids]
    if not owners:
        return None
    tgt = owners[-1]
    return Unit(si, m, "event", list(speaker), [tgt[2]], F.mark(sent, src, tgt[:2]), sent, src, tgt[:2], mentions)


def _may_type(u: Unit, cue_sents: set) -> bool:
    """A speech unit worth classifying: it has a speaker, no event cue of its sentence codes the content, and the
    words are the speaker's own act — or, with ``SPEECH_REPORTED`` below 1, a report naming someone besides the
    speaker."""
    if not u.actors or u.si in cue_sents:
        return False
    if own_act(u.marked_plain, u.match):
        return True
    # a reported act needs its own participants: a mention other than the speaker in the sentence
    return SPEECH_REPORTED < 1.0 and bool(u.recipients or (u.speaker and u.actors != u.speaker))


def _speech_type(p: dict, u: Unit, event_units: list) -> tuple[str | None, float]:
    """A speech cue is a PLOVER event only when the speaker's words are the speaker's own commitment or demand —
    "X said it would allow …", "X says it will not accept …", "X told Y to …" (``own_act``) — the classifier is at
    least ``SPEECH_TYPED`` sure of the type, and no event cue of the sentence already codes the content; else it
    stays a CAMEO 01 statement (event None). Reported descriptions ("X said the situation was calm") have no
    PLOVER type even when the classifier, which knows no "statement" class, picks one."""
    if event_units or not p or not u.actors:
        return None, 0.6
    best = max(p, key=p.get)
    if p[best] < (SPEECH_TYPED if own_act(u.marked_plain, u.match) else SPEECH_REPORTED):
        return None, round(1.0 - p[best], 3)
    return best, p[best]


def _spans(actors, first, mentions, s: int, trig: int, sent: str = "") -> list:
    """One absolute mention span per actor: ``first`` for the first (the mention the roles chose), else the
    actor's mention nearest the trigger in the sentence, else None (the actor came from another sentence)."""
    out = []
    for i, a in enumerate(actors):
        if i == 0 and first:
            x = next((y for y in mentions if y[0] == first[0] and y[1] == first[1]), None)
            a0, a1 = agent_extent(sent, x) if x and sent else first
            out.append([s + a0, s + a1])
            continue
        own = [x for x in mentions if x[2] is a]
        near = min(own, key=lambda x: abs(x[0] - trig)) if own else None
        out.append([s + near[0], s + near[1]] if near else None)
    return out


def _compatible(a: tuple, b: tuple) -> bool:
    return a == b or not a or not b


def _repeats(seen: dict, si: int, etype: str | None, dyad: tuple) -> bool:
    """Sentence ``si`` already holds an event of ``etype`` whose actors and recipients fit ``dyad``."""
    return etype is not None and any(_compatible(d[0], dyad[0]) and _compatible(d[1], dyad[1])
                                     for d in seen.get((si, etype), ()))


def make_event(doc, s, e, counts, fields, actors, recips, conf, trigger, when, fl, spans=None,
               kind="event") -> Event:
    """The Event record; ``counts`` numbers the events of each sentence span (ids ``doc:start-end:n``)."""
    n = counts.get((s, e), 0)
    counts[(s, e)] = n + 1
    spans = spans or {}
    trig = spans.get("trigger")
    return Event(id=f"{doc.id}:{s}-{e}:{n}", date=when["date"], date_precision=when["precision"], **fields,
                 actor=[a.name for a in actors], recipient=[a.name for a in recips],
                 actor_ids=[a.id for a in actors], recipient_ids=[a.id for a in recips],
                 start=s, end=e, confidence=round(float(conf), 3), trigger=trigger,
                 historical=is_historical(when["date"], doc.published), date_end=when["end"],
                 deadline=when["deadline"], trigger_span=list(trig) if trig else None,
                 actor_spans=spans.get("actor", [None] * len(actors)),
                 recipient_spans=spans.get("recipient", [None] * len(recips)),
                 date_basis=when.get("basis"), kind=kind, **fl)
