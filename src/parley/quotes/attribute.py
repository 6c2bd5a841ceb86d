"""The attributor: runs direct quotes and reported-speech cues in text order, so that pronouns and follow-on
paragraphs see the speakers found before them.
"""

from __future__ import annotations

import bisect
import re

from parley import text as textmod
from parley.document import Document, Quote
from parley.quotes import ranker
from parley.quotes.candidates import Candidates
from parley.quotes.cues import Cues
from parley.quotes.lexicon import Lexicon
from parley.quotes.marks import _Seg, find_segments
from parley.quotes.pronouns import Pronouns
from parley.quotes.reported import Reported
from parley.quotes.transcript import transcript_turns
from parley.quotes.view import UNNAMED, View, _Speaker, make_quote


class Attributor(View, Pronouns, Candidates, Cues, Reported):
    trace: list | None = None  # set to a list to record each direct quote's speaker candidates (training)

    def __init__(self, doc: Document, lex: Lexicon):
        self.doc, self.t, self.lex = doc, doc.text, lex
        self.paras = doc.paragraphs or textmod.paragraphs(doc.text)
        self.sents = doc.sentences or textmod.sentences(doc.text)
        self.para_starts = [p[0] for p in self.paras]
        self.segs = find_segments(self.t, self.paras, lex)
        self.seg_spans = [(s.open, s.close) for s in self.segs]
        self.seg_starts = [s.open for s in self.segs]
        self.seg_closes = {s.close for s in self.segs if s.closed}
        self._mentions(doc.actors)
        self.name_gendered: set[str] = set()  # actors gendered only by their census first name (``_gender``)
        self.weak_gendered: set[str] = set()  # actors gendered only by the pronouns after them (``_gender``)
        self.mention_counts: dict[str, int] = {}  # actor id -> mentions, for ``_named_often``
        for _s, _e, a in self.mentions:
            self.mention_counts[a.id] = self.mention_counts.get(a.id, 0) + 1
        self.gender = {a.id: self._gender(a) for a in doc.actors}
        self.events: list[tuple[int, _Speaker, int]] = []  # (position, speaker, paragraph)
        self.cue_log: list[tuple[int, int, _Speaker, str]] = []  # (cue start, sentence, speaker, cue)
        self.zones: list[tuple[int, int, _Speaker, str]] = []  # reported clauses: (start, end, speaker, cue)
        self.inverted_cues: set[int] = set()  # “…,” said X: cues a direct quote used with the speaker after them
        self.subjects = self._sentence_subjects()
        self.subject_starts = [p for p, _sp in self.subjects]
        self._headings: dict[int, bool] = {}
        self._lowercase_words: set[str] | None = None  # built on first need (a lone capitalised subject)
        self.turns = transcript_turns(self.t, self.paras, doc.actors, lex.label_kickers)


    def run(self) -> list[Quote]:
        items: list[tuple[int, int, object]] = []
        for ch in self._chains():
            items.append((ch[0].open, 0, ch))
        for m in self.lex.find_cues(self.t):
            if not self._in_quote(m.start()):
                items.append((m.start(), 1, m))
        items.sort(key=lambda x: (x[0], x[1]))
        quotes: list[Quote] = []
        for _pos, kind, obj in items:
            if kind == 0:
                quotes.extend(self._direct(obj))
            else:  # a cue already used by a direct quote may still govern a reported clause (residue rule)
                if obj.start() in self.inverted_cues:
                    continue
                zone = next((sp for zs, ze, sp, _c in self.zones[-20:] if zs <= obj.start() < ze), None)
                if zone is not None:
                    if zone is UNNAMED:  # "If states fail, …, Wilcox said": "states" is no cue, Wilcox spoke
                        self._note_speaker(obj)
                    continue
                q = self._reported(obj)
                if q:
                    quotes.append(q)
                else:
                    self._note_speaker(obj)
        if self.turns:
            quotes = self._with_turns(quotes)
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    def _with_turns(self, quotes: list[Quote]) -> list[Quote]:
        """A labelled transcript paragraph without quote marks is its speaker's direct speech ("CLINTON : We
        support …"); reported speech inside it is part of those words, as inside any direct quote."""
        spans = []
        for turn in self.turns:
            p0, p1 = self.paras[turn.para]
            i = bisect.bisect_left(self.seg_starts, p0)
            if i < len(self.seg_starts) and self.seg_starts[i] < p1:
                continue  # its quote-marked words are attributed one by one (see _turn_at)
            e = p1
            while e > turn.body_start and self.t[e - 1].isspace():
                e -= 1
            if e > turn.body_start:
                sp = turn.speaker if turn.speaker is not UNNAMED else None
                spans.append(make_quote(sp, self.t[turn.body_start:e], turn.body_start, e, True, None))
        starts = [q.start for q in spans]
        kept = []
        for q in quotes:
            k = bisect.bisect_right(starts, q.start) - 1
            if not q.direct and k >= 0 and q.start < spans[k].end:
                continue
            kept.append(q)
        return kept + spans

    def _turn_at(self, seg: _Seg):
        """A quote opening a labelled transcript paragraph ("KAYE : “…”") is the label's speaker's."""
        for turn in self.turns:
            if turn.body_start <= seg.open and not self.t[turn.body_start:seg.open].strip():
                return turn
        return None

    def _direct(self, chain: list[_Seg]) -> list[Quote]:
        if self._heading_like(chain):
            return []
        turn = self._turn_at(chain[0]) if self.turns else None
        if turn is not None:
            sp, cue, pos, own_cue = turn.speaker, None, turn.label_start, True
        else:
            sp, cue, pos, own_cue = self._attribute_chain(chain)
            if Attributor.trace is not None:  # bench/train_speaker_ranker.py reads the candidates
                Attributor.trace.append((self.doc, chain, sp, ranker.candidates(self, chain, sp, own_cue)))
            elif ranker.load_weights() is not None:
                sp = ranker.choose(self, chain, sp, own_cue)
        if own_cue and cue:
            self.cue_log.append((pos, self._sent_of(pos), sp or UNNAMED, cue))
        if sp is not None and sp is not UNNAMED:
            self.events.append((pos, sp, chain[-1].para if own_cue else chain[0].para))
        out = []
        for seg in chain:
            body = self.t[seg.cs:seg.ce]
            if not body.strip():
                continue
            if len(body.split()) < 2 and (not own_cue or seg.partial):
                continue  # a scare quote ("Trump's “excesses” are sickening, Hollande said"), not a statement
            if seg.partial and len(body.split()) <= 2 and not own_cue and not self._speech_in_sentence(seg):
                continue  # a short embedded phrase with no cue in reach ("a “virtual tie”"): a term, not a statement
            if (not own_cue or seg.partial) and _title_like(body):
                continue  # the title of a work ("on “Morning Joe,” he said"), not words anyone said
            spk = sp if sp is not UNNAMED else None
            out.append(make_quote(spk, body, seg.cs, seg.ce, True, cue))
        return out

    def _note_speaker(self, m) -> None:
        """A cue that gave no quote still tells who spoke ("If states fail, the department can step in, Wilcox
        said."): a person named right before it is a speaker for the pronouns after it ("“…,” he said")."""
        if m.group("acc") or m.group() in self.lex.participles:
            return
        i = bisect.bisect_left(self.mention_starts, m.start() - 60)
        if i >= len(self.mentions) or self.mentions[i][0] >= m.start():
            return  # cheap test first: no mention just before the cue
        k = self._strip_between(max(0, m.start() - 60), m.start())
        men = self.by_end.get(k)
        if not men or men[2].type != "person":
            return
        before = self.t[max(0, men[0] - 30):men[0]].rstrip()
        if not before or before[-1] in ",;:.!?" or self._word_before(men[0], men[0] - 30) not in self.lex.prepositions:
            self.events.append((men[0], self._speaker(men), self._para_of(men[0])))

    def _speech_in_sentence(self, seg: _Seg) -> bool:
        """A cue or naming verb outside quotes in the quote's sentence (read from the text, not from actors)."""
        s0, s1 = self.sents[self._sent_of(seg.open)] if self.sents else self.paras[seg.para]
        if any(not self._in_quote(m.start()) for m in self.lex.find_cues(self.t, s0, s1)):
            return True
        return any(w.lower() in self.lex.naming for w in re.findall(r"[A-Za-z]+", self.t[s0:seg.open]))


_SMALL = {"a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from", "de", "la", "los",
          "el", "du", "der", "van", "von", "is", "vs", "vs.", "&"}


def _title_like(body: str) -> bool:
    """Every word capitalised but the small ones, short, no sentence inside: a title, a show, a slogan's name."""
    words = body.rstrip(".!?,").split()
    if not 2 <= len(words) <= 10 or not words[0][:1].isupper() or re.search(r"[.!?]\s", body):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _SMALL for w in words)
