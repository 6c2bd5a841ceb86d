"""Roles of speech: who speaks, whether the words are the speaker's own act, and whom a reported act concerns.

A speech cue ("said", "told", "according to") gives a statement by its speaker (the quotes stage's speaker first);
when the words commit, refuse or demand ("said it would …", "told Y to …") the speaker acts on the next mention;
when the speaker only reports ("X said Y attacked Z") the reported clause's subject acts.
"""

from __future__ import annotations

import re

from parley.document import Document
from parley.events import coding, generic
from parley.events.candidates import doc_index
from parley.events.role_actor import group_before, named_subject
from parley.events.role_phrases import in_parens, is_place, uniq
from parley.events.role_recipient import country_side, demonyms, object_after


def find_speaker(doc: Document, s: int, e: int, mentions, match) -> tuple[list, tuple[int, int] | None]:
    """(speaker, its mention span relative to the sentence) for the speech cue ``match``: the speaker the quotes
    stage resolved for a quote of this sentence, else the nearest mention before the cue, else — for an inverted
    attribution ("…, said X", "according to the X minister Y") — the one right after it; never the one the words are
    about ("expressed concern for X's health")."""
    idx = doc_index(doc)
    for q in idx.quotes_in(s, e):
        a = idx.actors.get(q.speaker_id) if q.speaker_id else None
        if a is not None:
            span = (q.speaker_span[0] - s, q.speaker_span[1] - s) if q.speaker_span and \
                s <= q.speaker_span[0] < e else None
            if span is None:
                own = [x for x in mentions if x[2] is a]
                span = own[0][:2] if own else None
            return [a], span
    before = [x for x in mentions if x[1] <= match.start]
    sent = doc.text[s:e]
    if before:
        # with the mentions coordinated before it: "Both Republicans and Democrats expressed pessimism …"
        group = [before[-1]]
        for x in reversed(before[:-1]):
            if not re.fullmatch(r"\s*(?:,\s*)?(?:and|&)\s+(?:the\s+)?", sent[x[1]:group[0][0]]):
                break
            group.insert(0, x)
        return uniq([x[2] for x in group]), before[-1][:2]
    # no mention before the cue: the plain subject phrase or name right before it speaks ("Jewish leaders said
    # they hoped …", "Putin expresses his condolences …": the statement went out with no speaker)
    c0 = coding.clause_window(sent, match.start)[0]
    got = generic.before(sent, match.start, c0)
    if got is not None:
        return [got[2]], got[:2]
    named = named_subject(sent, match, ([], [], None, None), mentions, (c0, match.start))
    if named[0]:
        return named[0], named[2]
    # after the cue only in an inverted attribution ("…, said X", "says the X minister Y"), not the one the words
    # are about ("expressed concern for X's health")
    if not INVERTED_CUE.fullmatch(sent[match.start:match.end]):
        return [], None
    after = [x for x in mentions if x[0] >= match.end and INVERTED.fullmatch(sent[match.end:x[0]])
             and INVERTED_END.match(sent, x[1])]
    return ([after[0][2]], after[0][:2]) if after else ([], None)


INVERTED_CUE = re.compile(r"(?:said|says|say|added|adds|stated|wrote|writes|asked|told|according\s+to)", re.I)
# … and the speaker's name ends the attribution ("…, said X.", "said X, a spokesman", "said X on Monday"), not
# opens the reported clause ("a spokesman said X disappointed us")
INVERTED_END = re.compile(r"\s*(?:[,.;:!?)\"”'’]|$|\(|(?:on|in|at|last|this|yesterday|today|who|told|adding|according)\b)",
                          re.I)
INVERTED = re.compile(r"\s*(?:(?:the|a|an|its|their)\s+)?(?:[\w.-]+\s+){0,3}", re.I)


SELF_PRONOUN = re.compile(r"^\s*(?:,\s*)?(?:(?:on|last|this)\s+\w+\s+)?(?:that\s+)?(?:he|she|it|they|we|i)\b", re.I)


ATTRIBUTION = re.compile(r"according to", re.I)


COMMIT = re.compile(r"^\s*(?:,\s*)?(?:(?:on|last|this)\s+\w+\s+)?(?:that\s+)?(?:he|she|it|they|we|i)\s+(?:\w+ly\s+)?"
                    r"(?:would|will|wo|must|should|was\s+ready|were\s+ready|is\s+ready|are\s+ready|had\s+no\s+intention|"
                    r"has\s+no\s+intention|could\s+not|can\s+not|cannot|did\s+not\s+want|does\s+not\s+want)\b", re.I)


ADDRESS = re.compile(r"^\s*(?:[\w.’'-]+\s+){1,6}?(?:to|that\s+(?:he|she|it|they|we)\s+(?:must|should|would|will))\s", re.I)


TELL = re.compile(r"^(?:told|tells|telling|tell)$", re.I)
ADDRESSING = re.compile(r"(?:told|tells|telling|tell|warned|warns|warning|assured|assures|informed|informs|reminded|"
                        r"reminds|urged|urges|asked|asks|advised|advises)\b", re.I)


# "X said (that) Y must / should / has to …": the words demand something of Y — the speaker's act, Y its recipient
# (a place or time adverb may stand between the verb and "that": "said here Wednesday that the US must …")
DEMAND_OPEN = re.compile(r"\s*(?:,\s*)?(?:(?:here|there|today|yesterday|again|(?:on|last|this)\s+\w+|\w+day)\s+){0,2}"
                         r"(?:that\s+)?(?:the\s+)?(?:[\w.’'-]+\s+){0,3}?$", re.I)
DEMAND_MODAL = re.compile(r"[^,;.:]{0,40}?\b(?:must|should|has\s+to|have\s+to|needs?\s+to|ought\s+to)\b", re.I)


def demanded_of(sent: str, cue, after) -> tuple | None:
    """The mention a reported obligation falls on ("said the Y must …", "says Y and Z should …"), or None."""
    end = cue.end() if callable(cue.end) else cue.end
    if not after or not DEMAND_OPEN.fullmatch(sent[end:after[0][0]]):
        return None
    return after[0] if DEMAND_MODAL.match(sent, after[0][1]) else None


def own_act(sent: str, cue) -> bool:
    """The speech cue introduces the speaker's own commitment, refusal or demand: "said it would / will not / must",
    "told Y to …", "told Y that he must …" — the words do something (AGREE, REJECT, REQUEST …), not describe."""
    rest = sent[cue.end:cue.end + 120]
    if ATTRIBUTION.match(sent[cue.start:cue.end]):
        return False
    if COMMIT.match(rest):
        return True
    return bool(TELL.match(sent[cue.start:cue.end]) and ADDRESS.match(rest))


def reported_roles(sent: str, cue, mentions, speaker: list, src) -> tuple[list, list, tuple | None, tuple | None]:
    """(actors, recipients, source span, target span) of what a sentence with the speech cue ``cue`` reports.

    The speaker does the act when the words are the speaker's own act: "X said it would allow …", "X told Y that
    he must …" (a pronoun subject or an addressee right after the verb) — actor the speaker, recipient the next
    mention. When the speaker only reports ("…, according to X", "Y talked with Z, X said", "X said Y attacked
    Z"), the act belongs to the reported clause: its subject (the first mention of the clause that is not the
    speaker) acts on the next mention."""
    ids = {a.id for a in speaker}
    usable = [x for x in mentions if x[2].id not in ids and not is_place(sent, x) and not in_parens(sent, x)]
    after = [x for x in usable if x[0] >= cue.end]
    before = [x for x in usable if x[1] <= cue.start]
    own_subject = src is not None and src[1] <= cue.start
    if ATTRIBUTION.match(sent[cue.start:cue.end]) or (before and not own_subject):
        # the report comes first: "Y talked with Z, X said" / "…, according to X"
        head = before[0] if before else None
        rest = [x for x in usable if head and x[0] >= head[1] and x[1] <= cue.start]
        tgt = rest[0] if rest else None
        return ([head[2]] if head else [], [tgt[2]] if tgt else [], head[:2] if head else None,
                tgt[:2] if tgt else None)
    # "told Y that …", "warned the Y to …": Y is addressed (not "said Y attacked Z": Y is the reported subject)
    told = after and ADDRESSING.match(sent[cue.start:cue.end]) and \
        re.fullmatch(r"\s*(?:the\s+)?", sent[cue.end:after[0][0]])
    if SELF_PRONOUN.match(sent[cue.end:]) or told or not after or demanded_of(sent, cue, after):
        tgt = after[0] if after else None
        return list(speaker), [tgt[2]] if tgt else [], src, tgt[:2] if tgt else None
    head = after[0]  # "X said Y attacked Z": Y acts
    nxt = [x for x in after[1:] if x[0] >= head[1]]
    tgt = nxt[0] if nxt else None
    return [head[2]], [tgt[2]] if tgt else [], head[:2], tgt[:2] if tgt else None


# what a statement is about, qualified by a demonym: "skeptical about Iranian motives", "of a Russian announcement"
ABOUT_DEMONYM = re.compile(r"\s+(?:about|of|over|at|on|with)\s+(?:(?:an?|the|its|their|recent|latest|new)\s+){0,2}"
                           r"([A-Z][a-z]+)\s+[a-z]")


def statement_target(sent: str, cue, mentions, speaker: list) -> tuple[list, tuple | None]:
    """(recipients, target span) of a statement (CAMEO 01): the first mention the words are addressed to or are
    about, right after the speech cue in its clause ("expressed concern to the Security Council", "expressed
    surprise that the Post …"), never the speaker; CAMEO statements have a target as events do. A demonym that
    qualifies what the words are about, right after the cue, names that country ("said it is skeptical about
    Iranian motives in … Karzai": not the later Karzai)."""
    c1 = coding.clause_window(sent, cue.start)[1]
    ids = {a.id for a in speaker}
    others = [x for x in mentions if x[2].id not in ids]
    dem = ABOUT_DEMONYM.match(sent, cue.end)
    hit = demonyms().get(dem.group(1)) if dem else None
    if hit and not any(getattr(a, "code", None) == hit[0] or a.name == hit[1] for a in speaker):
        return [country_side([x[2] for x in mentions], *hit)], dem.span(1)
    obj = object_after(sent, others, cue.end, c1)
    if not obj:  # "a spokesman said X disappointed us": the subject of the reported words is what they are about
        obj = [x for x in others if x[0] >= cue.end and x[1] <= c1 and INVERTED.fullmatch(sent[cue.end:x[0]])
               and not INVERTED_END.match(sent, x[1])][:1]
    return ([obj[0][2]], obj[0][:2]) if obj else ([], None)


DEMAND_CUE = re.compile(r"\b(?:said|says|say|told|tells|declared|declares|insisted|insists|stressed|stresses|warned|"
                        r"warns|added|adds|reiterated|reiterates|repeated|repeats|announced|announces)\b", re.I)


def demanded(sent: str, m, mentions, roles):
    """A trigger inside a reported obligation — "X says Y must end attacks on Z", "X said the Y should withdraw" —
    is no act of Y's yet: the codable act is X's demand of Y (PLOVER REQUEST; the ConfliBERT and GSR coders code
    the speaker as source and Y as target), so the speaker acts and Y receives. The speaker is the group before the
    speech verb, else the plain subject phrase there; when neither, only the recipient is set."""
    for cue in DEMAND_CUE.finditer(sent, 0, m.start):
        after = [x for x in mentions if x[0] >= cue.end() and x[1] <= m.start]
        y = demanded_of(sent, cue, after) if after else None
        if y is None or not DEMAND_MODAL.match(sent[y[1]:m.start]):
            continue
        speaker = group_before(sent, [x for x in mentions if x[2] is not y[2]], cue.start())
        if not speaker:  # a plain subject phrase speaks ("Rwandan rebels announced that …"), as in find_speaker
            got = generic.before(sent, cue.start(), coding.clause_window(sent, cue.start())[0])
            return ([got[2]], [y[2]], got[:2], y[:2]) if got is not None else ([], [y[2]], None, y[:2])
        return uniq([x[2] for x in speaker]), [y[2]], speaker[-1][:2], y[:2]
    return roles


DEMAND_VERB = re.compile(r"(?:demand|urg|ask|call|press|push|appeal|insist)\w*", re.I)
# where a demand names whom it is made of: the subject of its "that" clause ("demanded that its European
# Community partners refuse …"), the doer of the act demanded ("demanded the withdrawal of Serbian forces",
# "an immediate admission by Moscow"), or "from" after what is demanded ("demanding autonomy from Serbian
# authorities"); not "the release / return / extradition of X" (X is what the asked side hands over)
ASKED_OF = re.compile(
    r"\s+(?:that\s+(?:the\s+|its\s+|their\s+)?"
    r"|(?:an?|the)\s+(?:[a-z-]+\s+){0,2}?(?:withdrawal|pullout|pull-out|admission|resignation|apology|surrender|"
    r"retreat|departure)\s+(?:of|by|from)\s+(?:the\s+|its\s+|their\s+)?"
    r"|(?:[\w-]+\s+){1,5}?from\s+(?:the\s+)?)", re.I)
DEMONYM_WORD = re.compile(r"([A-Z][a-z]+)\b")


def asked_of(sent: str, m, mentions, roles, actors):
    """A demand's recipient, the side it is made of, where the demand names it right after its verb (see
    ``ASKED_OF``): the mention there, or the country of a demonym there ("the withdrawal of Serbian forces" →
    Serbia). The clause rules took the first mention after the verb, which was often the object of the demanded
    act ("demanded that its partners refuse to recognize X" gave X, and an "its" mention is never one)."""
    acts, recs, src, tgt = roles
    if m.cue.event != "REQUEST" or not DEMAND_VERB.match(sent, m.start):
        return roles
    got = ASKED_OF.match(sent, m.end)
    if got is None:
        return roles
    at = got.end()
    if tgt and tgt[0] <= at:
        return roles
    taken = {a.id for a in acts}
    x = next((x for x in mentions if x[0] == at and x[2].id not in taken and not is_place(sent, x)), None)
    if x is not None:
        return acts, [x[2]], src, x[:2]
    dem = DEMONYM_WORD.match(sent, at)
    hit = demonyms().get(dem.group(1)) if dem and re.match(r"\s+[a-z]", sent[dem.end():]) else None
    if hit is None or any(getattr(a, "code", None) == hit[0] for a in acts):
        return roles
    return acts, [country_side(actors, *hit)], src, dem.span(1)
