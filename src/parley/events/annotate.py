"""Events stage: find event predicates in each sentence, code them (PLOVER + CAMEO), assign actors, date, flags.

Choices:
- candidates are sentences (and the event cues within them) from the cue lexicons (cues.tsv + cues_article.tsv);
  a sentence with a speech cue yields the speaker's statement (CAMEO 01x, event None) and each event cue not
  governed by another ("threatened to boycott" → one THREATEN) yields an event; cues inside a direct quotation are
  left to the quote/claims record (the speaker's words, not a reported happening);
- roles. With a dependency parse (``parley.nlp.parsed``, optional spaCy) the trigger's verb gives them: nsubj /
  agent → actor, dobj / nsubjpass / pobj of its preposition → recipient. Without one, rules over the sentence's
  actor mentions: actor = the subject side, the nearest mention before the trigger in its clause, skipping
  mentions that are places ("in X", "at X", "near X"), country possessives ("X's ruling party") and
  parentheticals; recipient = the first such mention after the trigger in its clause (an apposition after a
  possessive object wins: "the party's leader, Y" → Y). Passive voice ("was arrested by X", and the object-
  complement passive "saw one protester shot dead") swaps them; a verb
  coordinated with an earlier event verb ("A refused … and threatened …") shares its subject; "talks between A
  and B", "a meeting of A and B", "A and B met" give both as actors of a symmetric event (CONSULT, AGREE,
  COOPERATE), while for other cues "between A and B" names the recipients ("called for talks between A and B");
  a sentence-initial "He"/"She" is a mention of the person the nearest earlier sentence (≤ 3 back) names first;
- one event per type and dyad per sentence; when the sentence-level classifier gives a trigger a type another
  trigger of the sentence already holds, the trigger keeps its own cue's type (two predicates, two events);
- date: the time expression that governs the trigger. A time that premodifies a noun ("the July 28 polls",
  "Tuesday's protest") dates that noun only; a time inside a relative clause, parenthesis or gerund complement
  ("accused X of spying in 1997") dates only what is inside it; a time right after a speech verb ("said
  Thursday that …") dates the statement, not the reported events; "until/by X" is a deadline (kept in
  ``Event.deadline``), never the date. Among the rest, one in the trigger's clause, else the nearest in the
  sentence, else the last governing one earlier in the paragraph, else ``doc.published`` with
  ``date_precision = "publication"``. "N months after the arrest" dates the arrest from the sentence's own date.
  A range keeps its end (``Event.date_end``); a week range has ``date_precision = "week"``;
- elections: PLOVER 2024 has no election type (elections are its ``election`` context) and CAMEO has no election
  code, so forcing one (SUPPORT, MOBILIZE …) would be a wrong coding. A *dated* election ("the July 28 polls",
  "the 2018 general election", "the election set to be held on July 29") becomes an untyped event — event,
  cameo, quad and goldstein None, context ["election"], trigger the election noun — once per document and date;
  its actor is the party that won/garnered N seats in that sentence, if any;
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
# an object-complement passive: "a rally that saw one protester shot dead", "left two officers wounded"
REDUCED_PASSIVE = re.compile(r"\b(?:saw|see|sees|seen|seeing|left|leaves|leaving|had|has|have|got|gets|found|"
                             r"finds|reported)\s+(?:[\w-]+\s+){0,3}$", re.I)
COORD = re.compile(r"^\s*(?:,|and|&|,\s*and)\s*$")
SYMMETRIC = ("CONSULT", "AGREE", "COOPERATE")
PLACE_PREP = re.compile(r"\b(?:in|near|inside|outside|across|throughout|around|within)\s+(?:the\s+)?$", re.I)
PLACE_PREP_GPE = re.compile(r"\b(?:at|from|to)\s+(?:the\s+)?$", re.I)  # "from X", "at X" are places for GPEs only
GPE_TYPES = ("country", "location", "place", "region", "city", "gpe")
POSS = re.compile(r"^(?:’s|'s|’|')")
VP_COORD = re.compile(r"(?:,\s*|\b)(?:and|but|or)\s+(?:(?:then|also|later|has|have|had|was|were|is|are|will|would|"
                      r"\w+ly)\s+)*$", re.I)
PREPS = frozenset("""in on at by since until till from before after during of for to with through throughout
    around about as than into over under""".split())
SPEECH_HEADS = frozenset("said says told tells announced added stated declared wrote posted".split())
FUNCTION = frozenset("""a an the and or but nor so yet as at by for from in into of on onto to with without when
    where while after before since until till than that which who whom whose what he she it they we you i his her
    its their our my your this these those there here is was were are be been being has had have will would could
    should may might must can did do does not no also only then amid against during through because although
    though if unless despite following under over about around per via""".split())
SUBCLAUSE = re.compile(r",\s+(?:which|who|whose|where|when)\b[^,;]*(?:,|$)|\([^)]*\)|"
                       r"\b(?:of|for|about|from|without)\s+\w+ing\b[^,;]*", re.I)
ASIDE = re.compile(r",\s+(?:\w+ing\b|which\b|who\b|whose\b|a\s+|an\s+|the\s+)[^,;]*,")
PAIR_ANAPHOR = re.compile(r"\b(?:(?:the\s+)?two|both(?:\s+the)?|(?:the\s+)?ruling\s+and\s+opposition)\s+"
                          r"(?:parties|sides|leaders|groups|countries|governments|camps)\b", re.I)
ELECT_WIN = re.compile(r"\b(?:to\s+)?(?:win|wins|won|winning|garner(?:s|ed)?|secur(?:e|es|ed)|t[ao]ok|take)\s+"
                       r"(?:all\s+|\d+\s+of\s+(?:the\s+)?)?(?:[\d,]+|\w+)\s+(?:\w+\s+)?seats\b", re.I)
ELECT_DATE_GAP = re.compile(r"^\s*(?:(?:was|were|is|are|will\s+be)\s+)?(?:(?:set|scheduled|slated|due|expected|"
                            r"planned)\s+(?:to\s+be\s+|for\s+)?)?(?:held\s+)?(?:in|on|of)?\s*$", re.I)
PAST_IRREGULAR = frozenset("met held shot beat took fought sent won led struck told said made brought sought".split())
ANCHOR = re.compile(r"^(?P<n>\w+)\s+(?P<u>day|week|month|year)s?\s+(?P<d>after|before)$", re.I)
NUMBER_WORDS = {"one": 1, "a": 1, "an": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
                "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


def annotate(doc: Document, ctx) -> Document:
    """Pipeline stage: fill ``doc.events``."""
    onto = get_ontology(ctx)
    parse = _parse(doc, ctx)
    units = []  # (sentence index, match, kind, actors, recipients, marked text)
    elections = []  # (sentence index, match)
    quote_spans = [(q.start, q.end) for q in doc.quotes if q.direct]
    pairs = _pairs(doc)
    for si, (s, e) in enumerate(doc.sentences):
        sent = doc.text[s:e]
        matches = coding.find_article_cues(onto, sent)
        if not matches:
            continue
        mentions = _mentions(doc, s, e)
        mentions = _pronoun_subject(doc, si, mentions) + mentions
        times = [(t.start - s, t.end - s) for t in doc.times if s <= t.start < e]
        matches = [m for m in matches if not any(a <= m.start < b for a, b, _ in mentions)  # "Riot police"
                   and not any(a <= m.start < b for a, b in times)]  # "in March"
        elections += [(si, m) for m in matches if m.cue.kind == "election" and not _inside(s + m.start, quote_spans)]
        speech = [m for m in matches if m.cue.kind == "speech" and not _inside(s + m.start, quote_spans)]
        if speech:
            speaker = _speaker(doc, s, e, mentions, speech[0])
            units.append((si, speech[0], "speech", speaker, [], None))
        evs = [m for m in coding.event_matches(matches, sent) if not _inside(s + m.start, quote_spans)]
        roles: dict[int, tuple] = {}
        for m in evs:  # in sentence order, so that a coordinated verb can share the earlier verb's subject
            roles[m.start] = _roles(doc, s, sent, m, mentions, parse, [(o, roles[o.start]) for o in evs
                                                                        if o.start in roles and not _nominal(sent, o)])
            if not roles[m.start][0] and m.cue.event in SYMMETRIC + ("REQUEST",):
                roles[m.start] = _pair_anaphor(sent, m, s, pairs, roles[m.start])
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
            if etype != m.cue.event and m.cue.event and (etype in others or _paired(doc, si, m)):
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
        fl = coding.flags(sent, m.start, m.end) if kind == "event" else {"negated": False, "hypothetical": False,
                                                                          "future": False}
        when = _date_for(doc, si, s + m.start, s + m.end, speech=kind == "speech")
        if when["date"] and doc.published and when["date"] > doc.published[: len(when["date"])] and kind == "event":
            fl["future"] = True
        events.append(_event(doc, s, e, events, fields, actors, recips, conf, sent[m.start:m.end], when, fl))
    events += _election_events(doc, elections, events)
    events.sort(key=lambda ev: (ev.start, int(ev.id.rsplit(":", 1)[1])))
    doc.events = events
    return doc


def _compatible(a: tuple, b: tuple) -> bool:
    return a == b or not a or not b


def _repeats(seen: set, si: int, etype: str | None, dyad: tuple) -> bool:
    """Sentence ``si`` already holds an event of ``etype`` whose actors and recipients fit ``dyad``."""
    return etype is not None and any(len(k) == 4 and k[:2] == (si, etype) and _compatible(k[2], dyad[0])
                                     and _compatible(k[3], dyad[1]) for k in seen)


def _event(doc, s, e, events, fields, actors, recips, conf, trigger, when, fl) -> Event:
    n = sum(1 for ev in events if ev.start == s and ev.end == e)
    return Event(id=f"{doc.id}:{s}-{e}:{n}", date=when["date"], date_precision=when["precision"], **fields,
                 actor=[a.name for a in actors], recipient=[a.name for a in recips],
                 actor_ids=[a.id for a in actors], recipient_ids=[a.id for a in recips],
                 start=s, end=e, confidence=round(float(conf), 3), trigger=trigger,
                 historical=_historical(when["date"], doc.published), date_end=when["end"],
                 deadline=when["deadline"], **fl)


# ------------------------------------------------------------------ parse (optional)
def _parse(doc: Document, ctx):
    """A spaCy Doc over ``doc.text`` from ``parley.nlp.parsed`` when that module and spaCy are available."""
    try:
        from parley import nlp  # noqa: PLC0415 — optional, may be absent
    except ImportError:
        return None
    try:
        return nlp.parsed(doc, ctx)
    except Exception:  # noqa: BLE001 — a parser failure must not stop the stage; the rules take over
        return None


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


def _pronoun_subject(doc: Document, si: int, mentions) -> list[tuple[int, int, object]]:
    """A sentence that opens with "He"/"She" ("He remains influential despite stepping down …"): the pronoun as a
    mention of the person the nearest earlier sentence names first (up to three sentences back), the usual
    antecedent of a sentence-initial subject pronoun. Its span is the pronoun, so the evidence shows it.
    ``mentions``: the sentence's own (a mention at its start is no pronoun)."""
    s, e = doc.sentences[si]
    pron = re.match(r"(?:He|She)\b", doc.text[s:e])
    if not pron or (mentions and mentions[0][0] == 0):
        return []
    for sj in range(si - 1, max(-1, si - 4), -1):
        persons = [x for x in _mentions(doc, *doc.sentences[sj]) if getattr(x[2], "type", "") == "person"]
        if persons:
            return [(0, pron.end(), persons[0][2])]
    return []


def _uniq(actors):
    out, ids = [], set()
    for a in actors:
        if a.id not in ids:
            ids.add(a.id)
            out.append(a)
    return out


def _is_place(sent: str, x) -> bool:
    """A mention in a prepositional phrase of place ("in X", "at X", "from X") or a hyphenated modifier
    ("X-based", "X-led" is kept: it names the organiser)."""
    before = sent[max(0, x[0] - 14):x[0]]
    if PLACE_PREP.search(before):
        return True
    if PLACE_PREP_GPE.search(before) and getattr(x[2], "type", "") in GPE_TYPES:
        return True
    return bool(re.match(r"-based\b", sent[x[1]:x[1] + 7]))


def _is_poss(sent: str, x) -> bool:
    return bool(POSS.match(sent[x[1]:x[1] + 2]))


def _in_parens(sent: str, x) -> bool:
    return sent.rfind("(", 0, x[0]) > sent.rfind(")", 0, x[0])


def _asides(sent: str, pos: int) -> list[tuple[int, int]]:
    """Comma-delimited asides that do not contain ``pos``: participial phrases (", echoing X and Y,"),
    non-restrictive relative clauses (", which …,") and appositions of a title (", a former X lawmaker,")."""
    out = []
    for x in ASIDE.finditer(sent):
        if not x.start() <= pos < x.end():
            out.append((x.start(), x.end()))
    return out


def _eligible(sent: str, mentions, pos: int) -> list:
    asides = _asides(sent, pos)
    return [m for m in mentions if not _in_parens(sent, m) and not any(a <= m[0] < b for a, b in asides)]


def _group_before(sent: str, mentions, pos: int, lo: int = 0) -> list:
    """The subject group before ``pos`` (from ``lo``): the nearest eligible mention, plus mentions coordinated with
    it ("A and B"); places, parentheticals and country possessives are skipped unless nothing else is there."""
    before = [m for m in _eligible(sent, mentions, pos) if lo <= m[0] and m[1] <= pos]
    if not before:
        return []
    head = None
    for m in reversed(before):
        if _is_place(sent, m):
            continue
        if _is_poss(sent, m):
            # "X's threat", "X's meeting": a possessor directly before the trigger is its actor
            gap = sent[m[1]:pos]
            if re.fullmatch(r"(?:’s|'s|’|')\s*(?:[\w-]+\s+){0,2}", gap) and not (
                    len(gap.split()) > 1 and _past_form(sent[pos:pos + 20].split()[0] if sent[pos:].split() else "")):
                head = m
                break
            chained = [x for x in before if x[0] > m[1]]
            if chained or getattr(m[2], "type", "") == "country":
                continue
        head = m
        break
    if head is None:
        return []
    group = [head]
    for m in reversed([x for x in before if x[1] <= head[0]]):
        gap = sent[m[1]:group[0][0]]
        if COORD.match(gap) or re.fullmatch(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", gap):
            group.insert(0, m)
        elif re.fullmatch(r"\W*(?:’s|'s)?\s*(?:\(\w+\))?\s*", gap):
            continue  # possessive / acronym chain: "A's B (C)" — the head is the later mention
        else:
            break
    return group


def _object_after(sent: str, mentions, pos: int, hi: int) -> list:
    """The first eligible mention after ``pos`` (to ``hi``); a possessive object with an apposition after it
    ("the party's acting president, Y") gives the apposition."""
    after = [m for m in _eligible(sent, mentions, pos) if m[0] >= pos and m[1] <= hi and not _is_place(sent, m)]
    if not after:
        return []
    first = after[0]
    if len(after) > 1:
        gap = sent[first[1]:after[1][0]]
        if _is_poss(sent, first) and (
                re.fullmatch(r"(?:’s|'s|’|')\s*(?:[\w-]+\s+){0,3}[\w-]+,?\s+(?:the\s+)?", gap) or
                re.fullmatch(r"(?:’s|'s|’|')\s*", gap)):
            return [after[1]]  # "the party's acting president, Y"
        words = gap.split()
        if 0 < len(words) <= 3 and all(re.fullmatch(r"[a-z][a-z-]*", w) and w not in FUNCTION for w in words):
            return [after[1]]  # "X senior official Y": a title between an organisation and a person
    return [first]


def _paired(doc: Document, si: int, m) -> bool:
    s, e = doc.sentences[si]
    sent = doc.text[s:e]
    mentions = _mentions(doc, s, e)
    return m.cue.event in SYMMETRIC and bool(_pair(sent, mentions, m, "between") or _pair(sent, mentions, m, "of"))


def _reduced_passive(sent: str, m, mentions, earlier=()) -> bool:
    """A participle right after a mention that is itself the object of "saw/left/had …": the mention undergoes
    ("saw one protester shot dead"); a participle coordinated with such a one ("… and several wounded") too."""
    if not _past_form(sent[m.start:m.end]):
        return False
    before = [x for x in mentions if x[1] <= m.start and not sent[x[1]:m.start].strip()]
    if before and REDUCED_PASSIVE.search(sent[max(0, before[-1][0] - 40):before[-1][0]]):
        return True
    prev = earlier[-1][0] if earlier else None
    return bool(prev and re.fullmatch(r"\s+(?:[\w-]+\s+)?and\s+(?:[\w-]+\s+){0,2}", sent[prev.end:m.start])
                and _reduced_passive(sent, prev, mentions))


def _past_form(word: str) -> bool:
    """A past-tense / participle verb form ("arrested", "met"): after "X's N" it is the verb of N, not a noun."""
    w = word.lower().split()[0] if word.split() else ""
    return w.endswith("ed") or w in PAST_IRREGULAR


def _nominal(sent: str, m) -> bool:
    """A nominal trigger with its own arguments: "the arrest of X", "the dissolution last year of X", "X's ban",
    "a meeting by X". (A bare nominal — "turned out for a rally", "in talks" — takes its clause's roles.)"""
    before = sent[max(0, m.start - 40):m.start]
    det = re.search(r"(?:\b(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir|[Tt]his|[Tt]hat)|’s|'s)\s+(?:[a-z][\w-]*\s+){0,2}$",
                    before)
    if not det:
        return False
    if det.group(0).startswith(("’s", "'s")):
        return not (_past_form(sent[m.start:m.end]) and len(det.group(0).split()) > 1)  # "X's party arrested"
    return bool(re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:of|by)\s", sent[m.end:m.end + 30]))


def _pairs(doc: Document) -> list[tuple[int, list]]:
    """(offset, [A, B]) for each "A and B" / "between A and B" pair of organisations or people in the text, for
    "the two parties", "both sides", "the ruling and opposition parties" later (or, failing that, earlier)."""
    out = []
    for s, e in doc.sentences:
        sent = doc.text[s:e]
        ms = [x for x in _mentions(doc, s, e) if not _in_parens(sent, x)]
        # heads of possessive chains: "A's B (C)" -> B
        heads = [x for i, x in enumerate(ms) if not (_is_poss(sent, x) and i + 1 < len(ms)
                                                     and re.fullmatch(r"(?:’s|'s)\s*", sent[x[1]:ms[i + 1][0]]))]
        for x, y in zip(heads, heads[1:], strict=False):
            if getattr(x[2], "type", "") in GPE_TYPES or x[2] is y[2]:
                continue
            gap = sent[x[1]:y[0]]
            if re.fullmatch(r"(?:\s*\([^)]*\))?\s*(?:and|&)\s+(?:the\s+)?(?:[\w’'-]+\s+){0,5}", gap) and \
                    getattr(y[2], "type", "") == getattr(x[2], "type", ""):
                out.append((s + x[0], [x[2], y[2]]))
    return out


def _pair_anaphor(sent: str, m, s: int, pairs, roles):
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
        return roles[0], _uniq(pair), roles[2], roles[3]
    return _uniq(pair), [], roles[2], None  # a symmetric event: the pair is all its participants


def _pair(sent: str, mentions, m, word: str) -> list | None:
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


def _roles(doc, s, sent: str, m, mentions, parse, earlier):
    """(actors, recipients, source span, target span) for the event cue ``m``; ``earlier`` = (match, roles) of the
    sentence's earlier event cues. A parse fills each slot it can; the rules fill the others."""
    reduced = _reduced_passive(sent, m, mentions, earlier)
    rules = _roles_rules(sent, m, mentions, earlier, reduced)
    if reduced:
        return rules  # parsers read "saw one protester shot dead" as the protester shooting
    got = _roles_parse(doc, s, sent, m, mentions, parse) if parse is not None else None
    if got is None:
        return rules
    acts, src = (got[0], got[2]) if got[0] else (rules[0], rules[2])
    recs, tgt = (got[1], got[3]) if got[1] else (rules[1], rules[3])
    ids = {a.id for a in acts}
    return acts, [r for r in recs if r.id not in ids], src, tgt


def _roles_rules(sent: str, m, mentions, earlier, reduced_passive: bool):
    symmetric = m.cue.event in SYMMETRIC
    pair = _pair(sent, mentions, m, "between") or (_pair(sent, mentions, m, "of") if symmetric else None)
    c0, c1 = coding.clause_window(sent, m.start)
    if pair and symmetric:
        acts = [x[2] for x in pair]
        return _uniq(acts), [], (pair[0][0], pair[0][1]), (pair[1][0], pair[1][1])
    passive = reduced_passive or PASSIVE.search(sent[max(0, m.start - 30):m.start])
    if passive:
        by = re.compile(r"\bby\b", re.I).search(sent, m.end, min(len(sent), m.end + 40))
        agent = _object_after(sent, mentions, by.end(), len(sent)) if by else []
        patient = _group_before(sent, mentions, m.start, c0) or _group_before(sent, mentions, m.start)
        src = agent[0] if agent else None
        tgt = patient[-1] if patient else None
        return ([x[2] for x in agent], _uniq([x[2] for x in patient]),
                src[:2] if src else None, tgt[:2] if tgt else None)
    if _nominal(sent, m):
        # "the arrest of X", "X's threat", "talks with X": the possessor (or "by X") acts, "of/with X" undergoes
        poss = [x for x in mentions if x[1] <= m.start and _is_poss(sent, x)
                and re.fullmatch(r"(?:’s|'s|’|')\s*(?:[\w-]+\s+){0,2}", sent[x[1]:m.start])]
        by = re.match(r"\s+by\s+", sent[m.end:])
        agent = poss[-1:] or (_object_after(sent, mentions, m.end + by.end(), c1) if by else [])
        prep = re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:of|with|against|on|to|for)\s+", sent[m.end:m.end + 40])
        obj = pair or (_object_after(sent, mentions, m.end + prep.end(), c1) if prep and not by else [])
        src, tgt = (agent[0] if agent else None), (obj[0] if obj else None)
        return (_uniq([x[2] for x in agent]), _uniq([x[2] for x in obj if x not in agent]),
                src[:2] if src else None, tgt[:2] if tgt else None)
    subj = []
    if VP_COORD.search(sent[max(0, m.start - 30):m.start]) and earlier:
        prev_m, prev_roles = earlier[-1]
        if prev_roles[0]:
            subj = [x for x in mentions if x[2] in prev_roles[0]][:len(prev_roles[0])]
    if not subj:
        subj = _group_before(sent, mentions, m.start, c0) or _group_before(sent, mentions, m.start)
    if pair:  # "called for talks between A and B": A and B are the recipients
        obj = pair
    else:
        obj = _object_after(sent, mentions, m.end, c1)
    if not subj and len(obj) == 1:
        after = [x for x in mentions if x[0] >= obj[0][1] and x[1] <= c1 and not _is_place(sent, x)]
        if after and not _is_place(sent, obj[0]) and m.start < 3:  # a subjectless head: "Talks X–Y …"
            subj, obj = obj, after[:1]
    src = subj[-1] if subj else None
    tgt = obj[0] if obj else None
    recips = [x[2] for x in obj if not subj or x[2].id not in {y[2].id for y in subj}]
    return _uniq([x[2] for x in subj]), _uniq(recips), src[:2] if src else None, tgt[:2] if tgt else None


def _roles_parse(doc, s, sent, m, mentions, parse):
    """Roles from the dependency parse, or None when the parse says nothing about this trigger."""
    try:
        span = parse.char_span(s + m.start, s + m.end, alignment_mode="expand")
    except Exception:  # noqa: BLE001
        return None
    if span is None or not len(span):
        return None
    tok = span.root
    verb = tok
    while verb.pos_ not in ("VERB", "NOUN", "PROPN") and verb.head is not verb:
        verb = verb.head

    def mention_of(t):
        """The mention a dependent stands for: its own words, else its apposition ("the party's acting president,
        Y" -> Y), else the first non-possessive mention in its subtree, else a possessor."""
        lo, hi = t.left_edge.idx - s, t.right_edge.idx + len(t.right_edge) - s
        inside = [x for x in mentions if x[0] >= lo and x[1] <= hi and not _is_place(sent, x)]
        own = [x for x in inside if x[0] <= t.idx - s < x[1]]
        if own:
            return own
        for ch in t.children:
            if ch.dep_ == "appos":
                found = mention_of(ch)
                if found:
                    return found
        plain = [x for x in inside if not _is_poss(sent, x)]
        return (plain or inside)[:1]

    subj, obj = [], []
    for ch in verb.children:
        if ch.dep_ in ("nsubj", "agent"):
            found = mention_of(ch if ch.dep_ == "nsubj" else next(iter(ch.children), ch))
            subj += found
            for cj in ch.conjuncts:
                subj += mention_of(cj)
        elif ch.dep_ in ("dobj", "nsubjpass", "dative"):
            obj += mention_of(ch)
        elif ch.dep_ == "prep" and ch.lower_ in ("with", "between", "of", "against", "to", "on", "at"):
            for p in ch.children:
                if p.dep_ == "pobj":
                    obj += mention_of(p)
                    for cj in p.conjuncts:
                        obj += mention_of(cj)
    if verb.dep_ in ("xcomp", "conj") and not subj:  # "A refused … and threatened", "A tried to arrest B"
        head = verb.head
        for ch in head.children:
            if ch.dep_ == "nsubj":
                subj += mention_of(ch)
    if not subj and not obj:
        return None
    subj, obj = _uniq_spans(subj), _uniq_spans(obj)
    if m.cue.event in SYMMETRIC and not subj and len(obj) >= 2:
        subj, obj = obj, []
    src, tgt = (subj[0] if subj else None), (obj[0] if obj else None)
    recips = [x[2] for x in obj if x[2].id not in {y[2].id for y in subj}]
    return _uniq([x[2] for x in subj]), _uniq(recips), src[:2] if src else None, tgt[:2] if tgt else None


def _uniq_spans(xs):
    out = []
    for x in xs:
        if x not in out:
            out.append(x)
    return out


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
def _is_deadline(text: str, t) -> bool:
    return t.kind == "until" or bool(re.search(r"\b(?:until|till|by)\s+(?:the\s+end\s+of\s+)?$",
                                               text[max(0, t.start - 20):t.start], re.I))


def _modified_span(text: str, t, limit: int) -> tuple[int, int] | None:
    """When ``t`` premodifies a noun ("the July 28 polls", "Tuesday's protest", "the country's 2018 general
    election"), the span of that noun phrase (up to three words); else None."""
    after = text[t.end:limit]
    poss = re.match(r"(?:’s|'s)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)", after)
    if poss:
        return t.end, t.end + poss.end()
    prev = re.search(r"([\w’'-]+)\s*$", text[max(0, t.start - 30):t.start])
    pw = prev.group(1).lower() if prev else ""
    if pw in PREPS or pw in SPEECH_HEADS or not prev:
        return None
    nxt = re.match(r"\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)\b", after)
    if not nxt or nxt.group(1).split()[0] in FUNCTION:
        return None
    words = nxt.group(1).split()
    if re.search(r"ed$", words[0]) and pw not in ("the", "a", "an", "its", "their", "his", "her", "this") \
            and not pw.endswith(("’s", "'s")):
        return None  # "officials Tuesday rejected": a verb, not a noun
    return t.end, t.end + nxt.end()


def _speech_time(text: str, t) -> bool:
    """A time right after a speech verb and before its complement ("said Thursday that", "said earlier this week
    that"): it dates the statement only."""
    before = text[max(0, t.start - 25):t.start]
    if not re.search(r"\b(?:" + "|".join(SPEECH_HEADS) + r")\s+(?:on\s+)?$", before, re.I):
        return False
    return bool(re.match(r"\s*,?\s*that\b", text[t.end:t.end + 10]))


def _governing(doc: Document, si: int, trig: tuple[int, int] | None):
    """Time expressions of sentence ``si`` that may date a trigger at ``trig`` (absolute offsets; None = any
    trigger outside the sentence), with the ones attached to the trigger first, and the deadlines."""
    s, e = doc.sentences[si]
    text = doc.text
    times = [t for t in doc.times if s <= t.start < e]
    deadlines = [t for t in times if t.value and _is_deadline(text, t)]
    sub = [(s + x.start(), s + x.end()) for x in SUBCLAUSE.finditer(text[s:e])]
    attached, usable = [], []
    for t in times:
        if not t.value or t.kind in ("duration", "vague") or t in deadlines:
            continue
        np = _modified_span(text, t, e)
        if np:
            if trig and np[0] <= trig[0] < np[1]:
                attached.append(t)
            continue
        if any(a <= t.start < b and not (trig and a <= trig[0] < b) for a, b in sub):
            continue
        if trig and _speech_time(text, t):
            continue
        usable.append(t)
    return attached, usable, deadlines


def _when(t, date=None, precision=None) -> dict:
    prec = precision or t.precision
    end = t.end_value
    if end and "week" in t.text.lower():
        prec = "week"
    return {"date": date or t.value, "precision": prec, "end": end, "deadline": None}


def _date_for(doc: Document, si: int, t0: int, t1: int, speech: bool = False) -> dict:
    s, e = doc.sentences[si]
    attached, usable, deadlines = _governing(doc, si, None if speech else (t0, t1))
    out = None
    if attached:
        out = _when(attached[0])
    if out is None and not speech:
        out = _anchored(doc, si, t0, usable)
    if out is None and usable:
        c0, c1 = coding.clause_window(doc.text[s:e], t0 - s)
        pool = [t for t in usable if s + c0 <= t.start < s + c1] or usable
        out = _when(min(pool, key=lambda t: abs(t.start - t0)))
    if out is None:
        para = next(((a, b) for a, b in doc.paragraphs if a <= s < b), None)
        prior = []
        if para:
            for sj, (a, _) in enumerate(doc.sentences):
                if para[0] <= a < s:
                    prior += _governing(doc, sj, None)[1]
        if prior:
            out = _when(max(prior, key=lambda t: t.start))
    if out is None:
        out = ({"date": doc.published, "precision": "publication", "end": None, "deadline": None}
               if doc.published else {"date": None, "precision": "unknown", "end": None, "deadline": None})
    if deadlines:
        out["deadline"] = min(deadlines, key=lambda t: abs(t.start - t0)).value
    return out


def _anchored(doc: Document, si: int, t0: int, usable) -> dict | None:
    """"two months after the arrest of X" in a sentence dated November 2017: the arrest is 2017-09."""
    for t in doc.times:
        if t.kind != "duration" or not doc.sentences[si][0] <= t.start < doc.sentences[si][1]:
            continue
        m = ANCHOR.match(t.text.strip())
        if not m or not 0 <= t0 - t.end <= 6 or not usable:
            continue
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS.get(m["n"].lower())
        anchor = min(usable, key=lambda x: abs(x.start - t.start))
        if not n or anchor.precision not in ("day", "month", "year"):
            continue
        sign = -1 if m["d"].lower() == "after" else 1
        return _shifted(anchor.value, anchor.precision, sign * n, m["u"].lower())
    return None


def _shifted(value: str, precision: str, n: int, unit: str) -> dict | None:
    try:
        y = int(value[:4])
        mo = int(value[5:7]) if len(value) >= 7 else 1
        d = int(value[8:10]) if len(value) >= 10 else 1
        if unit == "year":
            y += n
        elif unit == "month":
            k = y * 12 + mo - 1 + n
            y, mo = divmod(k, 12)
            mo += 1
        else:
            from datetime import timedelta  # noqa: PLC0415

            day = _date(y, mo, d) + timedelta(days=n * (7 if unit == "week" else 1))
            y, mo, d = day.year, day.month, day.day
    except ValueError:
        return None
    rank = ["day", "month", "year"]
    prec = rank[max(rank.index(precision), rank.index(unit) if unit in rank else 0)]
    val = {"day": f"{y:04d}-{mo:02d}-{d:02d}", "month": f"{y:04d}-{mo:02d}", "year": f"{y:04d}"}[prec]
    return {"date": val, "precision": prec, "end": None, "deadline": None}


def _historical(value: str | None, published: str | None) -> bool:
    if not value or not published:
        return False
    try:
        ev = _date(int(value[:4]), int(value[5:7] or 12) if len(value) >= 7 else 12, 28 if len(value) >= 10 else 28)
        pub = _date.fromisoformat(published[:10])
    except ValueError:
        return False
    return (pub - ev).days > 365


# ------------------------------------------------------------------ elections
def _election_events(doc: Document, elections, events) -> list[Event]:
    """One untyped ``election`` event per dated election per document (see the module docstring)."""
    out: list[Event] = []
    dates = set()
    for si, m in elections:
        s, e = doc.sentences[si]
        sent = doc.text[s:e]
        t = _election_time(doc, si, s + m.start, s + m.end)
        if t is None or t.value in dates:
            continue
        dates.add(t.value)
        winner = []
        w = ELECT_WIN.search(sent)
        if w:
            mentions = _mentions(doc, s, e)
            winner = [x[2] for x in _group_before(sent, mentions, w.start())][-1:]
        when = _when(t)
        fl = {"negated": False, "hypothetical": False,
              "future": bool(doc.published and t.value > doc.published[: len(t.value)])}
        fields = {"event": None, "mode": None, "context": ["election"], "cameo": None, "quad": None,
                  "goldstein": None}
        out.append(_event(doc, s, e, events + out, fields, winner, [], 0.8, sent[m.start:m.end], when, fl))
    return out


def _election_time(doc: Document, si: int, a: int, b: int):
    """The time attached to the election noun at [a, b): a premodifier ("the July 28 polls") or "held on X"."""
    s, e = doc.sentences[si]
    for t in doc.times:
        if not (s <= t.start < e) or not t.value or t.kind in ("duration", "vague"):
            continue
        np = _modified_span(doc.text, t, e)
        if np and np[0] <= a < np[1]:
            return t
        if t.end <= a and re.fullmatch(r"(?:’s|'s)?\s*(?:[a-z-]+\s+){0,2}", doc.text[t.end:a]) and \
                re.search(r"\b(?:the|a|an|its|their)\s+(?:[\w-]+\s+)?$", doc.text[max(s, t.start - 25):t.start]):
            return t
        if t.start >= b and ELECT_DATE_GAP.match(doc.text[b:t.start]) and not _is_deadline(doc.text, t):
            return t
    return None
