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

from parley.document import Document, Event
from parley.events import coding
from parley.events import features as F
from parley.events.candidates import inside, parse_doc, pronoun_subject, sentence_mentions
from parley.events.classifier import get_classifier
from parley.events.dating import date_for, is_historical
from parley.events.elections import election_events
from parley.events.flags import flags
from parley.events.ontology import get_ontology
from parley.events.roles import SYMMETRIC, assign_roles, doc_pairs, find_speaker, is_nominal, pair_anaphor, paired


def annotate(doc: Document, ctx) -> Document:
    """Pipeline stage: fill ``doc.events``."""
    onto = get_ontology(ctx)
    parse = parse_doc(doc, ctx)
    units = []  # (sentence index, match, kind, actors, recipients, marked text)
    elections = []  # (sentence index, match)
    quote_spans = [(q.start, q.end) for q in doc.quotes if q.direct]
    pairs = doc_pairs(doc)
    for si, (s, e) in enumerate(doc.sentences):
        sent = doc.text[s:e]
        matches = coding.find_article_cues(onto, sent)
        if not matches:
            continue
        mentions = sentence_mentions(doc, s, e)
        mentions = pronoun_subject(doc, si, mentions) + mentions
        times = [(t.start - s, t.end - s) for t in doc.times if s <= t.start < e]
        matches = [m for m in matches if not any(a <= m.start < b for a, b, _ in mentions)  # "Riot police"
                   and not any(a <= m.start < b for a, b in times)]  # "in March"
        elections += [(si, m) for m in matches if m.cue.kind == "election" and not inside(s + m.start, quote_spans)]
        speech = [m for m in matches if m.cue.kind == "speech" and not inside(s + m.start, quote_spans)]
        if speech:
            speaker = find_speaker(doc, s, e, mentions, speech[0])
            units.append((si, speech[0], "speech", speaker, [], None))
        evs = [m for m in coding.event_matches(matches, sent) if not inside(s + m.start, quote_spans)]
        roles: dict[int, tuple] = {}
        for m in evs:  # in sentence order, so that a coordinated verb can share the earlier verb's subject
            roles[m.start] = assign_roles(doc, s, sent, m, mentions, parse, [(o, roles[o.start]) for o in evs
                                                                        if o.start in roles and not is_nominal(sent, o)])
            if not roles[m.start][0] and m.cue.event in SYMMETRIC + ("REQUEST",):
                roles[m.start] = pair_anaphor(sent, m, s, pairs, roles[m.start])
        # precise cues first, so that they claim their type (one event per type per sentence)
        for m in sorted(evs, key=lambda m: (not m.cue.precise, m.start)):
            actors, recips, src, tgt = roles[m.start]
            units.append((si, m, "event", actors, recips, F.mark(sent, src, tgt)))
    clf = get_classifier(ctx) if any(u[2] == "event" for u in units) else None
    probs = clf.predict([u[5] for u in units if u[2] == "event"]) if clf else []
    it = iter(probs)
    decided = []
    for si, m, kind, actors, recips, _ in units:
        if kind == "speech":
            etype, conf = None, 0.6
        else:
            p = next(it)
            etype, conf = coding.decide(onto, p, m.cue)
            others = {u[1].cue.event for u in units if u[0] == si and u[2] == "event" and u[1] is not m}
            if etype != m.cue.event and m.cue.event and (etype in others or paired(doc, si, m)):
                # the sentence-level classifier is describing another predicate of the sentence (or the cue is
                # a "talks between A and B" construction): the trigger keeps its own cue's type
                etype, conf = m.cue.event, max(0.5, p.get(m.cue.event, 0.0) if p else 0.5)
        decided.append((si, m, kind, actors, recips, etype, conf))
    # one event per type and dyad per sentence: a trigger whose own cue names the type beats one the classifier
    # moved there
    decided.sort(key=lambda u: (u[0], u[2] == "event", u[2] == "event" and u[1].cue.event != u[5]))
    events: list[Event] = []
    seen: set = set()
    for si, m, kind, actors, recips, etype, conf in decided:
        s, e = doc.sentences[si]
        sent = doc.text[s:e]
        dyad = (tuple(a.id for a in actors), tuple(a.id for a in recips))
        if (kind == "event" and m.cue.event and etype != m.cue.event and _repeats(seen, si, etype, dyad)
                and not _repeats(seen, si, m.cue.event, dyad)):
            # the classifier gave this trigger a type another trigger of the sentence already holds: it described
            # that predicate, so this one keeps its own cue's type ("…, though he met with the ambassador")
            etype = m.cue.event
        agree = kind == "speech" or m.cue.event == etype
        fields = coding.code_fields(onto, etype, m.cue if agree else None)
        key = (si, etype, fields["cameo"]) if etype is None else (si, etype, *dyad)
        if etype is not None and _repeats(seen, si, etype, dyad):
            continue  # the same type again with no new dyad (a second cue of one happening)
        if key in seen:
            continue
        seen.add(key)
        fl = flags(sent, m.start, m.end) if kind == "event" else {"negated": False, "hypothetical": False,
                                                                          "future": False}
        when = date_for(doc, si, s + m.start, s + m.end, speech=kind == "speech")
        if when["date"] and doc.published and when["date"] > doc.published[: len(when["date"])] and kind == "event":
            fl["future"] = True
        events.append(make_event(doc, s, e, events, fields, actors, recips, conf, sent[m.start:m.end], when, fl))
    events += election_events(doc, elections, events, make_event)
    events.sort(key=lambda ev: (ev.start, int(ev.id.rsplit(":", 1)[1])))
    doc.events = events
    return doc


def _compatible(a: tuple, b: tuple) -> bool:
    return a == b or not a or not b


def _repeats(seen: set, si: int, etype: str | None, dyad: tuple) -> bool:
    """Sentence ``si`` already holds an event of ``etype`` whose actors and recipients fit ``dyad``."""
    return etype is not None and any(len(k) == 4 and k[:2] == (si, etype) and _compatible(k[2], dyad[0])
                                     and _compatible(k[3], dyad[1]) for k in seen)


def make_event(doc, s, e, events, fields, actors, recips, conf, trigger, when, fl) -> Event:
    n = sum(1 for ev in events if ev.start == s and ev.end == e)
    return Event(id=f"{doc.id}:{s}-{e}:{n}", date=when["date"], date_precision=when["precision"], **fields,
                 actor=[a.name for a in actors], recipient=[a.name for a in recips],
                 actor_ids=[a.id for a in actors], recipient_ids=[a.id for a in recips],
                 start=s, end=e, confidence=round(float(conf), 3), trigger=trigger,
                 historical=is_historical(when["date"], doc.published), date_end=when["end"],
                 deadline=when["deadline"], **fl)
