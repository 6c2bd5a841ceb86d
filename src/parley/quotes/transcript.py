"""Transcript speaker labels: in a broadcast transcript a paragraph that opens with an upper-case label and a
colon ("CLINTON : We support …", "CANDY CROWLEY , HOST : There is chaos …", "CROWLEY (voice-over): Today …")
is the labelled person's own words, with no quote marks.

Why a separate step: the cue and candidate steps read quote marks and reporting verbs, and an all-capitals lead
before a colon is a kicker to them ("FAREWELL: “…”"). A label is a speaker only in a document that reads as a
transcript: at least three labelled paragraphs, two labels or more, one of them used twice. Kicker words
("UPDATE:", "BYLINE:", "EXCLUSIVE:") are never labels (``label_kickers`` in cues.yaml).

The label names the speaker by surname; the speaker is the full name the text gives: an actor whose name ends in
it (all of the label's words among the actor's when the label has several), else a longer label ending in it
("CANDY CROWLEY , HOST" for "CROWLEY"), else a capitalised name in the text ending in it ("I'm Candy Crowley"),
else the label itself in title case. A label that is only a description ("UNIDENTIFIED FEMALE", "ABC
CORRESPONDENT", "CROWD") is an unnamed speaker. Each paragraph is read once at its start: linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from parley.document import Actor
from parley.quotes.view import UNNAMED, _Speaker

# a stage direction written with brackets, the tokenised form included: "-LRB- voice-over -RRB-", "(on camera)"
_DIRECTION = r"(?:-LRB-[^\n]{0,40}?-RRB-|\([^)\n]{0,40}\))"
_LABEL = re.compile(r"(?:" + _DIRECTION + r"\s*)?(?P<label>[A-Z][A-Z.'’-]*[A-Z.](?:\s+[A-Z][A-Z.'’-]*[A-Z.]){0,3})"
                    r"(?:\s*,\s*[^:\n]{1,80}?)?(?:\s*" + _DIRECTION + r")?\s*:\s+(?=\S)")
_UNNAMED_WORDS = {"unidentified", "unknown", "crowd", "group", "narrator", "announcer", "voice", "voices",
                  "correspondent", "reporter", "anchor", "host", "male", "female", "man", "woman", "protester",
                  "protesters", "audience", "demonstrators", "participant", "participants", "question", "answer"}
_TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "president", "secretary", "senator", "state",
                "minister", "the", "of", "and", "i", "'m", "with", "by", "from", "to"}


@dataclass(frozen=True)
class Turn:
    para: int
    label_start: int
    body_start: int  # first character after "LABEL :"
    speaker: _Speaker  # its span is the label's


def transcript_turns(text: str, paras: list[tuple[int, int]], actors: list[Actor],
                     kickers: frozenset[str]) -> list[Turn]:
    """The labelled paragraphs of ``text`` with their speakers, or [] when the text is no transcript."""
    found = []
    for pi, (p0, p1) in enumerate(paras):
        m = _LABEL.match(text, p0, p1)
        if m and m.group("label").lower().strip(".") not in kickers and len(m.group("label")) >= 2:
            found.append((pi, m))
    labels = [re.sub(r"\s+", " ", m.group("label")) for _pi, m in found]
    if len(found) < 3 or len(set(labels)) < 2 or len(set(labels)) == len(labels):
        return []
    full = _full_names(text, labels, actors)
    return [Turn(pi, m.start("label"), m.end(), full[lab] if full[lab] is UNNAMED else
                 replace(full[lab], span=(m.start("label"), m.end("label")))) for (pi, m), lab in zip(found, labels, strict=True)]


def _full_names(text: str, labels: list[str], actors: list[Actor]) -> dict[str, _Speaker]:
    out: dict[str, _Speaker] = {}
    persons = [a for a in actors if a.type == "person" and a.mentions]
    for lab in dict.fromkeys(labels):
        words = [w.lower().strip(".") for w in lab.split()]
        longer = [other for other in labels if len(other.split()) > len(words)
                  and other.lower().split()[-len(words):] == lab.lower().split()]
        if longer:  # "CROWLEY" after "CANDY CROWLEY , HOST": the longer label's words
            words = [w.lower().strip(".") for w in longer[0].split()]
        fits = [a for a in persons if a.name.split() and a.name.split()[-1].lower() == words[-1]
                and set(words) <= {w.lower().strip(".") for w in a.name.split()}]
        if fits:  # the actor named most often; an all-capitals name (from a label) in the text's own case
            best = max(fits, key=lambda a: (not a.name.isupper(), len(a.mentions)))
            name = _named_in_text(text, _title(best.name)) if best.name.isupper() else best.name
            if name.split()[0].lower() in _TITLE_WORDS:  # "State Hillary Clinton" (a title the actors stage kept)
                name = max((n for n in best.aliases if n.split() and n.split()[-1].lower() == words[-1]
                            and n.split()[0].lower() not in _TITLE_WORDS), key=len, default=name)
            out[lab] = _Speaker(name if len(name.split()) > 1 else _title(best.name), best.id, None, "person")
        elif any(w in _UNNAMED_WORDS for w in words):
            out[lab] = UNNAMED  # "UNIDENTIFIED FEMALE", "ABC CORRESPONDENT", "CROWD"
        elif longer:
            out[lab] = _Speaker(_title(longer[0]), None, None, "person")
        else:  # "I 'm Candy Crowley": the first names the text writes before the surname
            out[lab] = _Speaker(_named_in_text(text, _title(lab)), None, None, "person")
    return out


def _named_in_text(text: str, surname: str) -> str:
    """The first "<First> [<Middle>] <surname>" the text writes in mixed case, else the surname alone."""
    for m in re.finditer(r"((?:[A-Z][a-z][\w’'.-]*\s+){1,2})((?i:" + re.escape(surname) + r"))\b", text):
        first = [w for w in m.group(1).split() if w.lower().strip(".") not in _TITLE_WORDS]
        if first and not m.group(2).isupper():
            return " ".join(first + [m.group(2)])
    return surname


def _title(label: str) -> str:
    """ "O'REILLY" -> "O'Reilly", "MCCAIN" -> "Mccain" (the text's own spelling is preferred by the caller)."""
    return " ".join(w[:1] + w[1:].lower() if "'" not in w else "'".join(p.capitalize() for p in w.split("'"))
                    for w in label.split())
