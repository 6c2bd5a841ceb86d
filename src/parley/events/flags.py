"""Flags: PLOVER's auxiliary modes negated / hypothetical / future, read from the words before a trigger in its
clause (a negation or modal six words back, a conditional anywhere earlier in the sentence, a future auxiliary or
"next week"/"tomorrow").

Why a module of its own: the article stage and any later re-coding read the same flags from the same clause
window (coding.clause_window).
"""

from __future__ import annotations

import re

from parley.events.coding import clause_window

NEG = re.compile(r"\b(?:not|never|no longer|neither|nor|without)\b|n't\b|\bno\b", re.I)
HYPO = re.compile(r"\b(?:if|unless|whether|would|could|might|may|should)\b", re.I)
COND = re.compile(r"\b(?:if|unless|whether)\b", re.I)
FUTURE = re.compile(r"\b(?:will|shall|going to|plans? to|planned to|planning to|expected to|to be held|scheduled|"
                    r"set to|next (?:week|month|year)|tomorrow|soon|would)\b|'ll\b", re.I)


def flags(sentence: str, trig_start: int, trig_end: int) -> dict[str, bool]:
    """negated / hypothetical / future from the words before the trigger in its clause."""
    c0, _ = clause_window(sentence, trig_start)
    before = sentence[c0:trig_start]
    words_before = before.split()
    near = " ".join(words_before[-6:])
    negated = bool(NEG.search(near))
    cond = bool(COND.search(sentence[:trig_start]))
    hypothetical = cond or bool(re.search(r"\b(?:could|might|may|should)\b", near, re.I)) or (
        bool(re.search(r"\bwould\b", near, re.I)) and cond)
    future = bool(FUTURE.search(near)) and not hypothetical
    if re.search(r"\b(?:next (?:week|month|year)|tomorrow)\b", sentence, re.I):
        future = future or not hypothetical
    return {"negated": negated, "hypothetical": hypothetical, "future": future}
