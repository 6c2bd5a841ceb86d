"""Flags: PLOVER's auxiliary modes negated / hypothetical / future, read from the words before a trigger in its
clause (a negation or modal six words back, a conditional anywhere earlier in the sentence, a future auxiliary or
"next week"/"tomorrow", a stated aim ("her aim was to urge"), a modal that governs the clause through a "to"-infinitive chain: "would try to achieve
this by working to isolate").

A negation or modal does not reach a trigger in a finite past tense coordinated after it: in "will not remain
silent and vowed to hold them to account" the "will not" needs a bare verb, so "vowed" is a second verb phrase of
its own and neither negated nor future.

Why a module of its own: the article stage and any later re-coding read the same flags from the same clause
window (coding.clause_window).
"""

from __future__ import annotations

import re

from parley.events.coding import clause_window
from parley.events.tense import past_form

NEG = re.compile(r"\b(?:not|never|no longer|neither|nor|without)\b|n't\b|\bno\b", re.I)
HYPO = re.compile(r"\b(?:if|unless|whether|would|could|might|may|should)\b", re.I)
COND = re.compile(r"\b(?:if|unless|whether)\b", re.I)
FUTURE = re.compile(r"\b(?:will|shall|going to|plans? to|planned to|planning to|expected to|to be held|scheduled|"
                    r"set to|next (?:week|month|year)|tomorrow|soon|would|"
                    r"(?:aim|goal|intention|purpose|plan|mission)s?\s+(?:is|was|are|were)\s+to)\b|'ll\b", re.I)
# "would try to achieve this by working to isolate": a future modal whose infinitive chain reaches the trigger
MODAL_CHAIN = re.compile(r"\b(?:will|shall)\b|\bwould\b(?=(?:\s+\w+){0,2}\s+to\b)", re.I)
# the auxiliaries that take a bare verb: a finite past form after them and a coordinator is a verb of its own
BARE_AUX = re.compile(r"\b(?:will|shall|would|could|can|may|might|must|should|do|does|did)\b|n't\b|'ll\b", re.I)
COORD = re.compile(r"\s(?:and|or|but)\s+$", re.I)


def _own_verb_phrase(before: str, trigger: str) -> str:
    """``before`` cut to what follows a coordinator that starts the trigger's own verb phrase ("… will not remain
    silent and | vowed"), when the trigger is a finite past verb the earlier auxiliary cannot govern."""
    m = COORD.search(before)
    first = trigger.split()[0] if trigger.split() else ""
    if m and past_form(first.lower()) and BARE_AUX.search(before[:m.start()]):
        return ""
    return before


def flags(sentence: str, trig_start: int, trig_end: int) -> dict[str, bool]:
    """negated / hypothetical / future from the words before the trigger in its clause."""
    c0, _ = clause_window(sentence, trig_start)
    before = _own_verb_phrase(sentence[c0:trig_start], sentence[trig_start:trig_end])
    words_before = before.split()
    near = " ".join(words_before[-6:])
    negated = bool(NEG.search(near))
    cond = bool(COND.search(sentence[:trig_start]))
    hypothetical = cond or bool(re.search(r"\b(?:could|might|may|should)\b", near, re.I)) or (
        bool(re.search(r"\bwould\b", near, re.I)) and cond)
    future = (bool(FUTURE.search(near)) or _modal_chain(before)) and not hypothetical
    if re.search(r"\b(?:next (?:week|month|year)|tomorrow)\b", sentence, re.I):
        future = future or not hypothetical
    return {"negated": negated, "hypothetical": hypothetical, "future": future}


def _modal_chain(before: str) -> bool:
    """A "will"/"would … to" modal earlier in the clause whose complement runs, through "to"-infinitives and
    "by …ing", up to the trigger ("would try to achieve this by working to isolate")."""
    for m in MODAL_CHAIN.finditer(before):
        rest = before[m.end():].split()
        if 0 < len(rest) <= 10 and rest[-1].lower() == "to" and "to" in [w.lower() for w in rest[:3]]:
            return True
    return False
