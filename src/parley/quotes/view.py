"""What every attribution step reads: the document's paragraphs, sentences, quoted spans and actor mentions.

``View`` indexes them once per document (mentions by start and end offset, quote spans by start) so that the
steps ask "is this offset inside a quote", "which mention ends here", "who is the sentence's subject" in
logarithmic or constant time.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from parley import text as textmod
from parley.document import Actor, Quote
from parley.quotes.marks import DQ

# "LA CROSSE, Wisc. — ", "Washington (AFP) – ": where the story was filed, not who acts in the sentence
_DATELINE = re.compile(r"(?:[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:,\s*[A-Z][\w.]*\.?)?|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*)*"
                       r"\s*\([A-Za-z ]+\))\s*[—–-]\s")


# the rest of a name after an initial: ". Finlayson" in "Jock A. Finlayson"
_CUT_INITIAL = re.compile(r"\.\s+[A-Z][\w’'-]+(?:\s+(?:Jr|Sr)\.?)?")
_TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "rev", "prof", "representative", "senator",
                "governor", "president", "mayor"}

_WORD = re.compile(r"\s*([A-Za-z]+)")
_INTRO_WORDS = {"when", "while", "as", "although", "though", "since", "because", "if", "once", "asked", "pressed"}
_SUBORDINATE = {"when", "while", "as", "although", "though", "since", "because", "if", "once", "after", "before",
                "until", "whether", "where"}
_SUBJECT_PRONOUNS = {"he", "she", "they", "it", "we", "i"}
# a clause break inside a sentence and the verb-like word after a clause's subject (see _clause_subjects)
_CLAUSE_BREAK = re.compile(r"(?:,\s*(?:but|and|while|whereas|yet)|;)\s+")
_VERB_AFTER = re.compile(r"\s+(?:(?:has|have|had|also|then|later|again|often|once)\s+)?([a-z]+)\b")
_NOT_VERB = {"and", "or", "but", "who", "which", "that", "the", "a", "an", "as", "than", "nor"}
_CONTRACTED = re.compile(r"[’'](?:s|d|ll|re|ve|m)$")  # "she's", "they're", "I'm": the pronoun before the verb


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    id: str | None
    span: tuple[int, int] | None
    type: str = "person"


UNNAMED = _Speaker(None, None, None, "unnamed")  # a speaker phrase that names no one ("officials said")


def make_quote(sp: _Speaker | None, body: str, s: int, e: int, direct: bool, cue: str | None) -> Quote:
    return Quote(
        speaker=sp.name if sp else None, speaker_id=sp.id if sp else None, text=body, start=s, end=e,
        direct=direct, cue=cue, speaker_span=list(sp.span) if sp and sp.span else None,
    )


class View:
    """Indexes over one document; the attribution mixins add their steps on top."""

    def _mentions(self, actors: list[Actor]) -> None:
        ms = []
        for a in actors:
            for s, e in a.mentions:
                ms.append((s, e, a))
        ms.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        self.mentions = ms
        self.mention_starts = [m[0] for m in ms]
        self.by_end: dict[int, tuple[int, int, Actor]] = {}
        self.by_start: dict[int, tuple[int, int, Actor]] = {}
        for m in ms:
            if m[1] not in self.by_end or m[1] - m[0] > self.by_end[m[1]][1] - self.by_end[m[1]][0]:
                self.by_end[m[1]] = m
            if m[0] not in self.by_start or m[1] - m[0] > self.by_start[m[0]][1] - self.by_start[m[0]][0]:
                self.by_start[m[0]] = m


    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.seg_starts, pos) - 1
        return i >= 0 and self.seg_spans[i][0] <= pos < self.seg_spans[i][1]

    def _para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def _sent_of(self, pos: int) -> int:
        return textmod.sentence_index(self.doc, pos) if self.doc.sentences else 0

    def _speaker(self, m: tuple[int, int, Actor]) -> _Speaker:
        s, e, a = m
        if a.type == "person":
            # "Jock A. Finlayson" cut at the initial's period by the actors stage: the speaker is the whole name
            cut = _CUT_INITIAL.match(self.t, e) if re.search(r"(?<![\w.])[A-Z]$", self.t[s:e]) else None
            if cut:
                return _Speaker(self.t[s:cut.end()], a.id, (s, cut.end()), a.type)
        return _Speaker(a.name, a.id, (s, e), a.type)

    def _named(self, name: str, span: tuple[int, int]) -> _Speaker:
        """A capitalised name the actors stage did not mark: a bare surname ("Viguerie notes") or a title plus
        surname goes to the earlier person of the article whose name ends with it (the one named most often
        when several share it, as a reader takes a bare "Smith" for the Smith the story is about); any other
        name stands alone, without actor id."""
        words = [w for w in re.findall(r"[\w’'-]+", name) if w.lower() not in _TITLE_WORDS]
        if len(words) == 1:
            last = words[0].lower()
            best = None
            for a in self.doc.actors:
                if a.type != "person" or not a.mentions or min(s for s, _e in a.mentions) >= span[0]:
                    continue
                parts = a.name.split()
                if len(parts) >= 2 and parts[-1].lower() == last and (best is None or len(a.mentions) > len(best.mentions)):
                    best = a
            if best is not None:
                return _Speaker(best.name, best.id, span, "person")
        return _Speaker(name, None, span)

    def _word_before(self, pos: int, lo: int = 0) -> str:
        """The word before ``pos``, skipping determiners ("spokesman for the party" -> "for")."""
        words = re.findall(r"[\w’'.-]+", self.t[max(lo, pos - 60):pos])
        while words and words[-1].lower() in ("the", "a", "an", "its", "his", "her", "their", "this", "that"):
            words.pop()
        return words[-1].lower() if words else ""

    def _word_at(self, pos: int) -> str:
        m = _WORD.match(self.t, pos)
        return m.group(1) if m else ""

    def _sentence_subject(self, si: int, persons_only: bool = False) -> tuple[int, int, Actor] | None:
        """The actor named at the start of a sentence (after an introductory phrase ending in a comma)."""
        if not self.sents:
            return None
        s0, s1 = self.sents[si]
        dl = _DATELINE.match(self.t, s0, min(s1, s0 + 60))
        if dl:
            s0 = dl.end()
        starts = [s0]
        comma = self.t.find(",", s0, s1)
        # "At an event in St. Clairsville, Ohio, 62-year-old Jane Doe …": after up to 3 commas when the sentence
        # opens with a preposition (one comma otherwise: the common case stays one look)
        # (or a participle or subordinating conjunction: "Speaking at a town hall in Salem, New Hampshire, Trump …")
        w0 = self._word_at(s0).lower()
        most = 4 if w0 in self.lex.prepositions or w0 in _INTRO_WORDS or (w0.endswith("ing") and len(w0) > 5) else 2
        while comma > 0 and len(starts) < most and len(self.t[s0:comma].split()) <= 15:
            starts.append(comma + 1)
            comma = self.t.find(",", comma + 1, s1)
        for st in starts:
            lo = bisect.bisect_left(self.mention_starts, st)
            for s, e, a in self.mentions[lo:bisect.bisect_left(self.mention_starts, s1, lo)]:
                if self._in_quote(s):
                    continue
                lead = self.t[st:s].split()
                if lead and lead[0].lower() in _SUBORDINATE:
                    break  # "In 1992, when Jerry Brown criticized Clinton, Hillary shot back": the next part
                if len(lead) > 5 or any(w.lower() in self.lex.prepositions or _CONTRACTED.sub("", w.lower())
                                        in _SUBJECT_PRONOUNS for w in lead):
                    break  # "He called Trump …", "She's a Sanders supporter": the subject is the pronoun
                if any(c in self.t[st:s] for c in ",;:" + DQ):
                    break
                if self.t[e:e + 2] in ("’s", "'s") or (self.t[e - 1:e] == "s" and self.t[e:e + 2] in ("’ ", "' ")):
                    # "Ryan’s campaign shrugged off …": a camp or office speaks for its principal; "Sam Rainsy’s
                    # party ..." -> the party
                    camp = re.match(r"[’']s?\s+(?:[a-z-]+\s+)?(?:" + self._camp_words() + r")\b(?!\s+[A-Z])",
                                    self.t[e:e + 40]) if a.type == "person" else None
                    if camp:  # not "Trump's spokeswoman Hope Hicks": she is the subject
                        return (s, e, a)
                    continue
                if persons_only and a.type != "person":
                    continue
                return self._role_head(s, e, a)
        return None

    def _role_head(self, s: int, e: int, a: Actor) -> tuple[int, int, Actor]:
        """ "Obama consultant Cornell Belcher picked up …", "Clinton campaign manager Robby Mook said": a name
        modifying a role noun is not the subject; the person the role words lead to is."""
        nxt = re.match(r"(?:\s+[a-z][a-z-]+){1,3}\s+(?=[A-Z])", self.t[e:e + 50])
        if not nxt or not all(w in self._role_words() for w in nxt.group().split()):
            return (s, e, a)
        men = self.by_start.get(e + nxt.end())
        return men if men is not None and men[2].type == "person" else (s, e, a)

    def _role_words(self) -> frozenset:
        if not hasattr(self, "_roles"):
            self._roles = self.lex.camp_nouns | self.lex.person_nouns | self.lex.offices
        return self._roles

    def _camp_words(self) -> str:
        if not hasattr(self, "_camp_alt"):
            self._camp_alt = "|".join(sorted(map(re.escape, self.lex.camp_nouns | {"campaign", "team", "office"})))
        return self._camp_alt

    def _sentence_subjects(self) -> list[tuple[int, _Speaker]]:
        out = []
        for si in range(len(self.sents)):
            m = self._sentence_subject(si, persons_only=False)
            if m:
                out.append((m[0], self._speaker(m)))
            p = self._sentence_subject(si, persons_only=True)
            if p and p != m:
                out.append((p[0], self._speaker(p)))
            out.extend(self._clause_subjects(si))
        out.sort(key=lambda x: x[0])
        return out

    def _clause_subjects(self, si: int) -> list[tuple[int, _Speaker]]:
        """ "Ms. Hughes avoids the subject, but her neighbor Ben Green knows …": the person opening a clause after
        ", but", ", and", ", while" or ";" is that clause's subject, later than the sentence's (a pronoun after
        the sentence points to the nearer one). The person must be followed by a verb-like word or an apposition's comma."""
        s0, s1 = self.sents[si]
        out = []
        for b in _CLAUSE_BREAK.finditer(self.t, s0, s1):
            if self._in_quote(b.start()):
                continue
            i = bisect.bisect_left(self.mention_starts, b.end())
            if i >= len(self.mentions) or self.mentions[i][0] >= min(s1, b.end() + 40):
                continue
            s, e, a = self.mentions[i]
            lead = self.t[b.end():s].split()
            if a.type != "person" or len(lead) > 3 or any(
                    w.lower() in self.lex.prepositions or w.lower() in _SUBJECT_PRONOUNS or not w.isalpha()
                    for w in lead):
                continue
            nxt = _VERB_AFTER.match(self.t, e, s1)
            if self.t[e:e + 1] == "," or nxt and nxt.group(1) not in self.lex.prepositions and nxt.group(1) not in _NOT_VERB:
                out.append((s, self._speaker(self._role_head(s, e, a))))
        return out
