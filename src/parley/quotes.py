"""Quotes stage: quoted and reported speech, each with the speaker who said it.

Entry point: ``annotate(doc, ctx) -> doc`` fills ``doc.quotes``. It needs ``doc.text``, ``doc.paragraphs``,
``doc.sentences`` and ``doc.actors`` (mentions, type, name, id) and nothing else from other stages; without
actors it still finds quotes and names speakers from a capitalised name beside the cue ("said Ana Ruiz"),
with ``speaker_id`` None.

Why rules and not a model: attribution in news text follows a small set of conventions (cue verb before or
after the quote, inverted "said X", apposition, pronoun pointing at the last speaker, bare follow-on quote
paragraphs) and each decision must be explainable to the analyst checking the record. The word classes
(cue verbs, participles, pronouns, gender words, document nouns) are data in ``parley/data/quotes/cues.yaml``.

Design choices:

- Quote marks: double marks only (“ ” " „ « »), mixed freely; the direction of each mark comes from its
  neighbours (space before -> opening, space or punctuation after -> closing), the glyph only breaks ties, so
  ``“…," Eysan said. "…”`` pairs correctly. Single marks are never quote marks at top level (apostrophes in
  "Cambodia’s", "won’t"; single-quoted headlines and subheads); inside a double quote they are text.
- One ``Quote`` record per contiguous quoted span: a split quote (“A,” he said. “B”) gives two records with the
  same speaker; a quote running over several paragraphs (no closing mark, next paragraph reopens) gives one
  record per paragraph, all with the speaker found anywhere in the chain. ``start``/``end`` cover exactly the
  words (marks and a trailing comma excluded); bracketed editorial insertions stay in the text.
- An unclosed quote that ends ", he said." is read as a missing closing mark: the quote stops at the comma.
- Speaker order of preference for a direct quote: a cue right after it (", he said", "said Kem Sokha, who…",
  "Sok Eysan, spokesman for …, told VOA", "read the statement"), a cue before it ending in ":" or ",", for a
  quote embedded in a sentence the reported-speech clause it sits in (or the sentence's cue or subject), and
  for a bare quote paragraph the speaker of the previous or same paragraph. A listener ("told VOA") is never
  the speaker.
- "he/she" resolve to the most recent person who was a speaker or a sentence subject before the cue, outside
  quotes, with gender when a title or role word gives it ("Mr", "spokeswoman"); a name inside the previous
  quote is never the antecedent. "they" -> last organisation/group; "it" -> the author of the last document
  noun ("It said …" after "Ban's statement").
- "read the statement", "the statement said": the speaker is the statement's author, found as a possessive
  ("Ban's statement"), "statement from/by X" or "X issued a statement" in the preceding text.
- Reported speech (``direct: false``) only with a named speaker and a clear pattern: "<speaker> <cue> (that)
  <clause>", "<clause>, <speaker> <cue>", "according to <speaker>", ", saying/adding that <clause>" (speaker of
  the sentence's cue or its subject), "<speaker>, which says <clause>,". Verbs such as "acknowledged" count
  only with "that". Nothing inside a direct quote is reported speech of someone else (the quote belongs to
  its speaker), and a clause that is almost all direct quote (fewer than 4 words outside it) is not repeated.
- An embedded quote with no cue in its sentence goes to the sentence's subject only after a naming verb
  ("X called it a “constitutional coup”"), else it is left without speaker.
- One-word quotes without their own cue are scare quotes ("widespread"), not statements, and are skipped;
  quotes in heading-like paragraphs (short, no final punctuation, no cue) are skipped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

from parley import text as textmod
from parley.context import Context
from parley.document import Actor, Document, Quote

DATA = Path(__file__).resolve().parent / "data" / "quotes" / "cues.yaml"

DQ = "\"“”„«»"
OPENERS_CTX = "([{—–/:"
CLOSERS_CTX = ".,;:!?)]}—–…"
_WORD = re.compile(r"[A-Za-z][\w’'.-]*")
_NAME_AT_END = re.compile(r"((?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+)$")
_NAME_AT_START = re.compile(r"^((?:[A-Z][\w’'-]+\s+){1,3}[A-Z][\w’'-]+)")
_NOT_NAME = {"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "however", "in", "on", "for",
             "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "when", "while"}


@dataclass(frozen=True)
class Lexicon:
    cues: frozenset
    zero_that: frozenset
    inverted_only: frozenset
    listener_verbs: frozenset
    listener_words: tuple
    participles: frozenset
    clause_breaks: frozenset
    between: frozenset
    time_re: re.Pattern
    prepositions: frozenset
    pronouns: dict
    male: frozenset
    female: frozenset
    documents: frozenset
    clause_openers: frozenset
    finite: frozenset
    naming: frozenset
    cue_re: re.Pattern


def load_lexicon(path: Path = DATA) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    low = lambda key: frozenset(w.lower() for w in data.get(key, []))  # noqa: E731
    zero, that_only, inv, parts = low("zero_that"), low("that_only"), low("inverted_only"), low("participles")
    words = sorted(zero | that_only | inv | parts, key=len, reverse=True)
    cue_re = re.compile(r"\b(?:(?P<acc>[Aa]ccording to)|(?P<verb>" + "|".join(map(re.escape, words)) + r"))\b")
    return Lexicon(
        cues=zero | that_only, zero_that=zero, inverted_only=inv, listener_verbs=low("listener_verbs"),
        listener_words=tuple(sorted(low("listener_words"), key=len, reverse=True)), participles=parts,
        clause_breaks=low("clause_breaks"), between=low("between"),
        time_re=re.compile(r"\s*(?:(?:" + "|".join(data.get("time_phrases", [])) + r")\b,?\s*){0,3}", re.I),
        prepositions=low("prepositions"), pronouns=dict(data.get("pronouns", {})),
        male=frozenset(w.lower() for w in data["gender_words"]["male"]),
        female=frozenset(w.lower() for w in data["gender_words"]["female"]),
        documents=low("documents"), clause_openers=low("clause_openers"), finite=low("finite"), naming=low("naming_verbs"),
        cue_re=cue_re,
    )


@lru_cache(maxsize=1)
def _default_lexicon() -> Lexicon:
    return load_lexicon()


def annotate(doc: Document, ctx: Context | None = None) -> Document:
    """Pipeline stage: fill ``doc.quotes`` with direct and reported speech and their speakers."""
    lex = ctx.get("quotes.lexicon", _default_lexicon) if ctx is not None else _default_lexicon()
    if not doc.paragraphs or not doc.sentences:
        textmod.segment(doc, ctx)
    doc.quotes = _Attributor(doc, lex).run()
    return doc


# --------------------------------------------------------------------------------------------------------------
@dataclass
class _Seg:
    open: int  # offset of the opening mark
    cs: int  # content start
    ce: int  # content end (before closing mark / cut comma)
    close: int  # offset just after the closing mark (== ce when unclosed)
    para: int
    closed: bool
    after: int | None  # where an attribution after the quote may start
    partial: bool = False


@dataclass(frozen=True)
class _Speaker:
    name: str | None
    id: str | None
    span: tuple[int, int] | None
    type: str = "person"


UNNAMED = _Speaker(None, None, None, "unnamed")  # a speaker phrase that names no one ("officials said")


def find_segments(text: str, paragraphs: list[list[int]], lex: Lexicon | None = None) -> list[_Seg]:
    """Quoted spans (double marks, either glyph), one per contiguous span, with paragraph index."""
    lex = lex or _default_lexicon()
    segs: list[_Seg] = []
    for pi, (p0, p1) in enumerate(paragraphs):
        open_at = None
        for i in range(p0, p1):
            ch = text[i]
            if ch not in DQ:
                continue
            d = _direction(text, i, p0, p1)
            if d == "toggle":
                d = "close" if open_at is not None else "open"
            if d == "open" and open_at is None:
                open_at = i
            elif d == "close" and open_at is not None:
                segs.append(_Seg(open_at, open_at + 1, i, i + 1, pi, True, i + 1))
                open_at = None
        if open_at is not None:
            seg = _Seg(open_at, open_at + 1, p1, p1, pi, False, None)
            cut = _trailing_cue(text, open_at + 1, p1, lex)
            if cut is not None:
                seg.ce, seg.close, seg.after = cut, cut, cut
            segs.append(seg)
    for seg in segs:
        seg.cs, seg.ce = _trim(text, seg.cs, seg.ce)
        seg.partial = _is_partial(text, seg, paragraphs[seg.para][0])
    return segs


def _direction(text: str, i: int, lo: int, hi: int) -> str:
    prev = text[i - 1] if i > lo else " "
    nxt = text[i + 1] if i + 1 < hi else " "
    left_open = prev.isspace() or prev in OPENERS_CTX
    right_close = nxt.isspace() or nxt in CLOSERS_CTX
    if left_open and not right_close:
        return "open"
    if right_close and not left_open:
        return "close"
    if text[i] in "“„«":
        return "open"
    if text[i] in "”»":
        return "close"
    return "toggle"


def _trailing_cue(text: str, s: int, e: int, lex: Lexicon) -> int | None:
    """An unclosed quote ending ", he said." lacks its closing mark: return the offset of that comma."""
    m = re.search(r",\s+((?:[A-Za-z][\w’'-]*\s+){1,4}?)([a-z]+)\b[^,.;!?]{0,40}[.!]?\s*$", text[s:e])
    if not m or m.group(2) not in lex.cues:
        return None
    who = m.group(1).split()
    if len(who) == 1 and who[0].lower() in lex.pronouns or all(w[0].isupper() for w in who):
        return s + m.start()
    return None


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s].isspace():
        s += 1
    while e > s and (text[e - 1].isspace() or text[e - 1] == ","):
        e -= 1
    return s, e


def _is_partial(text: str, seg: _Seg, p0: int) -> bool:
    """A quote embedded in running text (“a balance of power”), as opposed to one that stands as a sentence."""
    j = seg.open
    while j > p0 and text[j - 1].isspace():
        j -= 1
    if j <= p0:
        return False
    prev = text[j - 1]
    if prev in ".!?:" or prev in DQ:
        return False
    if prev == "," and seg.cs < len(text) and text[seg.cs].isupper():
        return False
    return True


# --------------------------------------------------------------------------------------------------------------
class _Attributor:
    def __init__(self, doc: Document, lex: Lexicon):
        self.doc, self.t, self.lex = doc, doc.text, lex
        self.paras = doc.paragraphs or textmod.paragraphs(doc.text)
        self.sents = doc.sentences or textmod.sentences(doc.text)
        self.para_starts = [p[0] for p in self.paras]
        self.segs = find_segments(self.t, self.paras, lex)
        self.seg_spans = [(s.open, s.close) for s in self.segs]
        self.seg_starts = [s.open for s in self.segs]
        self._mentions(doc.actors)
        self.gender = {a.id: self._gender(a) for a in doc.actors}
        self.events: list[tuple[int, _Speaker, int]] = []  # (position, speaker, paragraph)
        self.cue_log: list[tuple[int, int, _Speaker, str]] = []  # (cue start, sentence, speaker, cue)
        self.zones: list[tuple[int, int, _Speaker, str]] = []  # reported clauses: (start, end, speaker, cue)
        self.subjects = self._sentence_subjects()

    # ---------------------------------------------------------------- setup
    def _mentions(self, actors: list[Actor]) -> None:
        ms = []
        for a in actors:
            for s, e in a.mentions:
                ms.append((s, e, a))
        ms.sort(key=lambda m: (m[0], -(m[1] - m[0])))
        self.mentions = ms
        self.by_end: dict[int, tuple[int, int, Actor]] = {}
        self.by_start: dict[int, tuple[int, int, Actor]] = {}
        for m in ms:
            if m[1] not in self.by_end or m[1] - m[0] > self.by_end[m[1]][1] - self.by_end[m[1]][0]:
                self.by_end[m[1]] = m
            if m[0] not in self.by_start or m[1] - m[0] > self.by_start[m[0]][1] - self.by_start[m[0]][0]:
                self.by_start[m[0]] = m

    def _gender(self, a: Actor) -> str | None:
        votes = {"male": 0, "female": 0}
        for w in (a.role or "").lower().split():
            if w in self.lex.male:
                votes["male"] += 1
            elif w in self.lex.female:
                votes["female"] += 1
        for s, _e in a.mentions:
            before = self.t[max(0, s - 20):s].split()
            if before:
                w = before[-1].lower()
                if w in self.lex.male and w != "his":
                    votes["male"] += 1
                elif w in self.lex.female and w != "her":
                    votes["female"] += 1
        if votes["male"] > votes["female"]:
            return "male"
        if votes["female"] > votes["male"]:
            return "female"
        return None

    def _in_quote(self, pos: int) -> bool:
        i = bisect.bisect_right(self.seg_starts, pos) - 1
        return i >= 0 and self.seg_spans[i][0] <= pos < self.seg_spans[i][1]

    def _para_of(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.para_starts, pos) - 1)

    def _sent_of(self, pos: int) -> int:
        return textmod.sentence_index(self.doc, pos) if self.doc.sentences else 0

    def _speaker(self, m: tuple[int, int, Actor]) -> _Speaker:
        return _Speaker(m[2].name, m[2].id, (m[0], m[1]), m[2].type)

    def _word_before(self, pos: int, lo: int = 0) -> str:
        """The word before ``pos``, skipping determiners ("spokesman for the party" -> "for")."""
        words = re.findall(r"[\w’'.-]+", self.t[max(lo, pos - 60):pos])
        while words and words[-1].lower() in ("the", "a", "an", "its", "his", "her", "their", "this", "that"):
            words.pop()
        return words[-1].lower() if words else ""

    def _sentence_subject(self, si: int, persons_only: bool = False) -> tuple[int, int, Actor] | None:
        """The actor named at the start of a sentence (after an introductory phrase ending in a comma)."""
        if not self.sents:
            return None
        s0, s1 = self.sents[si]
        starts = [s0]
        comma = self.t.find(",", s0, s1)
        if comma > 0 and len(self.t[s0:comma].split()) <= 15:
            starts.append(comma + 1)
        for st in starts:
            for s, e, a in self.mentions:
                if s < st or s >= s1 or self._in_quote(s):
                    continue
                lead = self.t[st:s].split()
                if len(lead) > 5 or any(w.lower() in self.lex.prepositions for w in lead):
                    break
                if any(c in self.t[st:s] for c in ",;:" + DQ):
                    break
                if self.t[e:e + 2] in ("’s", "'s"):
                    continue  # "Sam Rainsy’s party ..." -> the party
                if persons_only and a.type != "person":
                    continue
                return (s, e, a)
        return None

    def _sentence_subjects(self) -> list[tuple[int, _Speaker]]:
        out = []
        for si in range(len(self.sents)):
            m = self._sentence_subject(si, persons_only=False)
            if m:
                out.append((m[0], self._speaker(m)))
            p = self._sentence_subject(si, persons_only=True)
            if p and p != m:
                out.append((p[0], self._speaker(p)))
        out.sort(key=lambda x: x[0])
        return out

    # ---------------------------------------------------------------- speakers
    def _resolve_pronoun(self, pron: str, pos: int) -> _Speaker:
        kind = self.lex.pronouns.get(pron.lower())
        if kind == "thing":
            author = self._document_author(pos)
            if author:
                return author
        cands = [(p, sp) for p, sp, _ in self.events if p < pos] + [(p, sp) for p, sp in self.subjects if p < pos]
        cands.sort(key=lambda x: x[0], reverse=True)
        for _p, sp in cands:
            if kind in ("male", "female"):
                if sp.type != "person":
                    continue
                g = self.gender.get(sp.id) if sp.id else None
                if g and g != kind:
                    continue
                return sp
            if kind in ("plural", "thing") and sp.type in ("organization", "group", "country"):
                return sp
        return UNNAMED

    def _strip_between(self, lo: int, k: int) -> int:
        """Move ``k`` left over spaces and words allowed between a speaker and its cue ("had also")."""
        while True:
            while k > lo and self.t[k - 1].isspace():
                k -= 1
            if k in self.by_end:
                return k
            m = re.search(r"([A-Za-z’']+)$", self.t[lo:k])
            if m and m.group(1).lower() in self.lex.between:
                k = lo + m.start()
                continue
            return k

    def _subject_before(self, lo: int, cue: int) -> tuple[_Speaker | None, int]:
        """Speaker phrase ending at the cue: pronoun, mention, apposition or a capitalised name.

        Returns (speaker, start of the speaker phrase); speaker None when nothing precedes the cue.
        """
        k = self._strip_between(lo, cue)
        if k <= lo:
            return None, cue
        m = re.search(r"(?<![\w’'])([Hh]e|[Ss]he|[Tt]hey|[Ii]t)$", self.t[lo:k])
        if m:
            start = lo + m.start()
            return self._resolve_pronoun(m.group(1), start), start
        if re.search(r"(?<![\w’'])(?:and|but)$", self.t[lo:k]) and self.sents:
            subj = self._sentence_subject(self._sent_of(k))  # "X admitted it, but said …": X
            if subj and lo <= subj[0] < k:
                return self._speaker(subj), subj[0]
        men = self.by_end.get(k)
        if men and men[0] >= lo:
            if self._word_before(men[0], lo) in self.lex.prepositions:
                return UNNAMED, men[0]
            return self._speaker(men), men[0]
        if self.t[k - 1] == ",":
            return self._apposition(lo, k - 1)
        nm = _NAME_AT_END.search(self.t[lo:k])
        if nm and nm.group(1).split()[0].lower() not in _NOT_NAME and not self._has_mention(lo + nm.start(), k):
            s = lo + nm.start()
            if self._word_before(s, lo) not in self.lex.prepositions:
                return _Speaker(nm.group(1), None, (s, k)), s
        words = self.t[lo:k].split()
        return (UNNAMED if words else None), k

    def _has_mention(self, s: int, e: int) -> bool:
        return any(ms < e and me > s for ms, me, _ in self.mentions)

    def _apposition(self, lo: int, comma: int) -> tuple[_Speaker | None, int]:
        """"Koul Panha, executive director of Comfrel, an election monitoring group, said" -> Koul Panha."""
        end = comma
        for _ in range(4):
            c = self.t.rfind(",", lo, end)
            seg_s = lo if c < 0 else c + 1
            s, e = seg_s, end
            while s < e and self.t[s].isspace():
                s += 1
            while e > s and self.t[e - 1].isspace():
                e -= 1
            if s >= e:
                return None, end
            men = self.by_end.get(e)
            if men and men[0] >= s and self._word_before(men[0], s) not in self.lex.prepositions:
                return self._speaker(men), men[0]
            seg = self.t[s:e]
            first = seg.split()[0]
            appositive = first[0].islower() or first.lower() in ("a", "an", "the")
            if not appositive:
                nm = _NAME_AT_END.search(seg)
                if nm and nm.start() == 0 and not self._has_mention(s, e):
                    return _Speaker(seg, None, (s, e)), s
                return UNNAMED, s
            if c < 0:
                return UNNAMED, s
            end = c
        return UNNAMED, end

    def _subject_after(self, cue_end: int, hi: int) -> tuple[_Speaker | None, int]:
        """Inverted order: "said Kem Sokha, who …", "said CNRP spokesman Yim Sovann", "read the statement"."""
        j = cue_end
        while j < hi and self.t[j].isspace():
            j += 1
        limit = min(hi, j + 60)
        stop = re.search(r"[,.;:!?]", self.t[j:limit])
        limit = j + stop.start() if stop else limit
        for s, e, a in self.mentions:
            if s < j:
                continue
            if s >= limit:
                break
            if self.t[e:e + 2] in ("’s", "'s"):
                continue
            if self._word_before(s, j) in self.lex.prepositions:
                break
            return self._speaker((s, e, a)), s
        words = self.t[j:limit].split()
        if words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their") and len(words) > 1:
            noun = words[1].lower().strip(".,")
            if noun in self.lex.documents:
                return self._document_author(j + 1) or UNNAMED, j
        nm = _NAME_AT_START.match(self.t[j:limit])
        if nm and nm.group(1).split()[0].lower() not in _NOT_NAME:
            return _Speaker(nm.group(1), None, (j, j + nm.end())), j
        return (UNNAMED if words else None), j

    def _document_author(self, pos: int) -> _Speaker | None:
        """Author of the nearest preceding document noun: "Ban's statement", "a statement from X"."""
        lo = max(0, pos - 2500)
        nouns = "|".join(sorted(map(re.escape, self.lex.documents), key=len, reverse=True))
        hits = list(re.finditer(rf"\b(?:{nouns})\b", self.t[lo:pos], flags=re.I))
        for h in reversed(hits):
            s, e = lo + h.start(), lo + h.end()
            if self._in_quote(s):
                continue
            k = s
            while k > 0 and self.t[k - 1].isspace():
                k -= 1
            if self.t[k - 2:k] in ("’s", "'s") and (k - 2) in self.by_end:
                return self._speaker(self.by_end[k - 2])
            men = self.by_end.get(k)
            if men and self.t[men[0]:men[1]][:1].isupper():  # "the UN statement"
                return self._speaker(men)
            m = re.match(r"\s+(?:issued\s+|released\s+)?(?:from|by|of)\s+(?:the\s+)?", self.t[e:e + 30])
            if m and (e + m.end()) in self.by_start:
                return self._speaker(self.by_start[e + m.end()])
            m = re.search(r"(?:said|issued|released|posted|published|sent)\s+(?:in\s+)?(?:a|an|the|its|his|her)\s+$",
                          self.t[max(0, s - 40):s])
            if m:
                sp, _ = self._subject_before(self.sents[self._sent_of(s)][0] if self.sents else 0, s - len(m.group()))
                if sp and sp is not UNNAMED:
                    return sp
        return None

    # ---------------------------------------------------------------- direct quotes
    def _chains(self) -> list[list[_Seg]]:
        chains: list[list[_Seg]] = []
        for seg in self.segs:
            prev = chains[-1][-1] if chains else None
            if (prev is not None and not prev.closed and prev.after is None and seg.para == prev.para + 1
                    and seg.open == self.paras[seg.para][0]):
                chains[-1].append(seg)
            else:
                chains.append([seg])
        return chains

    def _sentence_end(self, pos: int, hi: int) -> int:
        j = pos
        while j < hi:
            ch = self.t[j]
            if ch in ".!?" and (j + 1 >= hi or self.t[j + 1].isspace()) and not self._abbrev(j):
                return j + 1
            j += 1
        return hi

    def _abbrev(self, j: int) -> bool:
        m = re.search(r"(\b[A-Za-z][A-Za-z.]*)$", self.t[max(0, j - 12):j])
        if not m:
            return False
        w = m.group(1).lower().rstrip(".")
        return len(w) == 1 or w in textmod.ABBREVIATIONS

    def _next_open(self, pos: int, hi: int) -> int:
        i = bisect.bisect_right(self.seg_starts, pos)
        return self.seg_starts[i] if i < len(self.seg_starts) and self.seg_starts[i] < hi else hi

    def _after_zone(self, seg: _Seg):
        a = seg.after
        p1 = self.paras[seg.para][1]
        hi = min(self._next_open(a, p1), p1)
        j = a
        while j < hi and (self.t[j].isspace() or self.t[j] in ",;—–-"):
            j += 1
        hi = min(hi, self._sentence_end(j, hi))
        if j >= hi:
            return None
        for m in self.lex.cue_re.finditer(self.t, j, min(hi, j + 110)):
            word = m.group()
            if m.group("verb") and word in self.lex.participles:
                continue
            if not self.t[j:m.start()].strip():  # inverted: "said Kem Sokha", "according to X", "read the statement"
                sp, _ = self._subject_after(m.end(), hi)
                return sp, word, m.start()
            if m.group("verb") and word in self.lex.inverted_only:
                continue
            sp, start = self._subject_before(j, m.start())
            if sp is None:
                continue
            if len(self.t[j:start].split()) > 6:
                return None
            return sp, word, m.start()
        return None

    def _before_zone(self, seg: _Seg):
        p0 = self.paras[seg.para][0]
        k = seg.open
        while k > p0 and self.t[k - 1].isspace():
            k -= 1
        if k <= p0 or self.t[k - 1] not in ":,":
            return None
        lo = p0
        i = bisect.bisect_left(self.seg_starts, seg.open) - 1
        if i >= 0 and self.segs[i].para == seg.para:
            lo = max(lo, self.segs[i].close)
        si = self._sent_of(k - 1)
        if self.sents:
            lo = max(lo, self.sents[si][0])
        cues = [m for m in self.lex.cue_re.finditer(self.t, lo, k) if not self._in_quote(m.start())]
        if not cues:
            return None
        m = cues[-1]
        if m.group("acc"):
            sp, _ = self._subject_after(m.end(), k)
        else:
            sp, _ = self._subject_before(lo, m.start())
            if sp is None or sp is UNNAMED:
                sp2 = self._participle_speaker(m.start(), si) if m.group() in self.lex.participles else None
                sp = sp2 or sp
        return sp, m.group(), m.start()

    def _zone_at(self, pos: int):
        for s, e, sp, cue in reversed(self.zones):
            if s <= pos < e:
                return sp, cue
        return None

    def _sentence_cue(self, seg: _Seg):
        """Embedded quote: speaker of a cue elsewhere in the sentence, preferring one before the quote."""
        si = self._sent_of(seg.open)
        s0, s1 = self.sents[si] if self.sents else (self.paras[seg.para][0], self.paras[seg.para][1])
        best = None
        for m in self.lex.cue_re.finditer(self.t, s0, s1):
            if self._in_quote(m.start()) or (m.group("verb") and m.group() in self.lex.inverted_only):
                continue
            if m.group("acc"):
                sp, _ = self._subject_after(m.end(), s1)
            elif m.group() in self.lex.participles:
                sp = self._participle_speaker(m.start(), si)
            else:
                sp, _ = self._subject_before(s0, m.start())
            if sp is None:
                continue
            cand = (sp, m.group(), m.start())
            if m.start() < seg.open:
                best = cand
            elif best is None:
                return cand
        return best

    def _attribute_chain(self, chain: list[_Seg]):
        first = chain[0]
        if first.partial:
            z = self._zone_at(first.cs)
            if z:
                return z[0], z[1], first.cs, False
        for seg in chain:
            if seg.after is not None:
                r = self._after_zone(seg)
                if r:
                    return r[0], r[1], r[2], True
        r = self._before_zone(first)
        if r and r[0] is not None:
            return r[0], r[1], r[2], True
        if first.partial:
            r = self._sentence_cue(first)
            if r:
                return r[0], r[1], r[2], False
            subj = self._sentence_subject(self._sent_of(first.open)) if self.sents else None
            verb = re.search(r"\b([a-z]+)\b", self.t[subj[1]:first.open]) if subj and subj[0] < first.open else None
            if verb and verb.group(1) in self.lex.naming:  # "X called it a “constitutional coup”"
                return self._speaker(subj), verb.group(1), subj[0], False
            return None, None, first.open, False
        # a bare quote: same speaker as the last speech in this or the previous paragraph
        if self.events:
            pos, sp, para = self.events[-1]
            if first.para - para <= 1 and sp is not UNNAMED:
                return sp, None, first.open, False
        return None, None, first.open, False

    def _heading_like(self, chain: list[_Seg]) -> bool:
        """A short paragraph without final punctuation or cue (subhead, caption): its quotes are not speech."""
        if len(chain) > 1:
            return False
        p0, p1 = self.paras[chain[0].para]
        body = self.t[p0:p1].rstrip().rstrip(DQ + "’'").rstrip()
        if not body or body[-1] in ".!?…:,":
            return False
        return len(body.split()) < 15 and not self.lex.cue_re.search(body)

    # ---------------------------------------------------------------- reported speech
    def _participle_speaker(self, pos: int, si: int) -> _Speaker | None:
        for cpos, csi, sp, _cue in reversed(self.cue_log):
            if csi == si and cpos < pos and sp is not UNNAMED:
                return sp
        subj = self._sentence_subject(si)
        return self._speaker(subj) if subj and subj[0] < pos else None

    def _skip_listener(self, j: int, hi: int) -> int:
        while j < hi and self.t[j].isspace():
            j += 1
        for _ in range(3):
            men = self.by_start.get(j)
            if men:
                j = men[1]
                if self.t[j:j + 2] in ("’s", "'s"):
                    j += 2
                    while j < hi and self.t[j].isspace():
                        j += 1
                    continue
                return j
            low = self.t[j:j + 30].lower()
            for w in self.lex.listener_words:
                if low.startswith(w) and (len(low) == len(w) or not low[len(w)].isalnum()):
                    return j + len(w)
            nm = _NAME_AT_START.match(self.t[j:hi])  # a listener the actors stage did not know
            if nm:
                return j + nm.end()
            break
        return j

    def _clause_after(self, cue_s: int, cue_e: int, s1: int, verb: str) -> tuple[int, int] | None:
        """The reported clause after a cue, or None when what follows is not a clause."""
        j = cue_e
        if verb in self.lex.listener_verbs:
            j = self._skip_listener(j, s1)
        rest = self.t[j:s1]
        tm = self.lex.time_re.match(rest)
        k = tm.end() if tm else 0
        if verb in self.lex.listener_verbs:  # "told RFA’s Khmer Service after the talks that"
            that = re.match(r"[^.;:!?“”\"]{0,60}?\bthat\s+", rest[k:])
        else:
            that = re.match(r"\s*that\s+", rest[k:])
        if that:
            cs = j + k + that.end()
        else:
            if verb not in self.lex.zero_that:
                return None
            cs = j + k
            while cs < s1 and self.t[cs].isspace():
                cs += 1
            if not self._looks_like_clause(cs, s1):
                return None
        ce = self._clause_end(cs, s1)
        cs, ce = self._trim_clause(cs, ce)
        if len(self.t[cs:ce].split()) < 4:
            return None
        return cs, ce

    def _looks_like_clause(self, cs: int, s1: int) -> bool:
        if cs >= s1 or self.t[cs] in DQ + ":;,.":
            return False
        toks = [w.lower().strip(",") for w in self.t[cs:s1].split()[:20]]
        if not toks or toks[0] in self.lex.finite or toks[0] in self.lex.prepositions or toks[0] == "to":
            return False
        return any(w in self.lex.finite or w.endswith("ed") or w.endswith("n’t") or w.endswith("n't")
                   for w in toks[1:])

    def _clause_end(self, cs: int, s1: int) -> int:
        breaks = "|".join(map(re.escape, sorted(self.lex.clause_breaks)))
        m = re.search(rf",\s+(?:{breaks})\b", self.t[cs:s1])
        ce = cs + m.start() if m else s1
        # ", but Hun Sen said …": another speaker's cue starts a new report
        for b in re.finditer(r"(?:,\s*(?:but|and|while|whereas)|;)\s+", self.t[cs:ce]):
            for c in self.lex.cue_re.finditer(self.t, cs + b.end(), min(ce, cs + b.end() + 60)):
                if c.group("verb"):
                    sp, start = self._subject_before(cs + b.end(), c.start())
                    if sp not in (None, UNNAMED) and not self.t[cs + b.end():start].strip():
                        return cs + b.start()
                break
        return ce

    def _trim_clause(self, cs: int, ce: int) -> tuple[int, int]:
        while True:
            while cs < ce and self.t[cs].isspace():
                cs += 1
            m = re.match(r"([A-Za-z]+),?\s+", self.t[cs:ce])
            if m and m.group(1).lower() in self.lex.clause_openers:
                cs += m.end()
                continue
            break
        while ce > cs and (self.t[ce - 1].isspace() or self.t[ce - 1] in ".,;:—–"):
            ce -= 1
        return cs, ce

    def _residue_words(self, cs: int, ce: int) -> int:
        """Words of the clause outside direct quotes."""
        out, j = [], cs
        for s in self.segs:
            if s.close <= cs or s.open >= ce:
                continue
            out.append(self.t[j:max(j, s.open)])
            j = max(j, s.close)
        out.append(self.t[j:ce])
        return len(" ".join(out).split())

    def _reported(self, m: re.Match) -> Quote | None:
        """Reported speech around a cue outside quotes; records the clause as a zone for embedded quotes."""
        cue_s, cue_e, word = m.start(), m.end(), m.group()
        si = self._sent_of(cue_s)
        s0, s1 = self.sents[si] if self.sents else self.paras[self._para_of(cue_s)]
        sp, clause = None, None
        if m.group("acc"):
            sp, _ = self._subject_after(cue_e, s1)
            if re.match(r"\s*$", self.t[s0:cue_s]):  # "According to X, <clause>."
                c = self.t.find(",", cue_e, s1)
                clause = (c + 1, s1) if c > 0 else None
            elif re.search(r",\s*$", self.t[s0:cue_s]):  # "<clause>, according to X."
                clause = (s0, self.t.rfind(",", s0, cue_s))
        elif word in self.lex.inverted_only:
            return None
        elif word in self.lex.participles:
            if not re.search(r",\s*$", self.t[s0:cue_s]):
                return None
            sp = self._participle_speaker(cue_s, si)
            clause = self._clause_after(cue_s, cue_e, s1, "said" if word != "telling" else "told")
        else:
            rel = re.search(r",\s+(?:which|who)\s+$", self.t[s0:cue_s])
            if rel:  # "The CNRP, which says it should have won …, has led …"
                k = s0 + rel.start()
                men = self.by_end.get(k)
                if not men:
                    return None
                sp = self._speaker(men)
                c = self.t.find(",", cue_e, s1)
                clause = self._clause_after(cue_s, cue_e, c if c > 0 else s1, word)
            else:
                sp, start = self._subject_before(s0, cue_s)
                if sp is None:
                    return None
                clause = self._clause_after(cue_s, cue_e, s1, word)
                if clause is None:
                    lead = self.t[s0:start].rstrip().rstrip(DQ).rstrip()
                    tail = self.t[cue_e:s1]
                    c = lead.rfind(",")  # "<clause>, Suon So Rida said.", "<clause>, Ghana's foreign minister X said"
                    title = lead[c + 1:]
                    if (c >= 0 and len(title.split()) <= 5 and not any(ch in title for ch in DQ)
                            and not self.lex.cue_re.search(title)
                            and re.match(r"[^.;:!?]{0,40}?(?:[,.;!?]|$)", tail)):
                        clause = (s0, s0 + c)
        if sp is None or clause is None:
            return None
        cs, ce = self._trim_clause(*clause)
        if ce - cs <= 0:
            return None
        self.zones.append((cs, ce, sp, word))
        self.cue_log.append((cue_s, si, sp, word))
        if sp is UNNAMED:
            return None
        self.events.append((cue_s, sp, self._para_of(cue_s)))
        if len(self.t[cs:ce].split()) < 4 or self._residue_words(cs, ce) < 4:
            return None
        if any(zs < cs < ze and zs != cs for zs, ze, _sp, _c in self.zones[:-1]):
            return None  # nested inside another report
        return _quote(sp, self.t[cs:ce], cs, ce, False, word)

    # ---------------------------------------------------------------- run
    def run(self) -> list[Quote]:
        items: list[tuple[int, int, object]] = []
        for ch in self._chains():
            items.append((ch[0].open, 0, ch))
        for m in self.lex.cue_re.finditer(self.t):
            if not self._in_quote(m.start()):
                items.append((m.start(), 1, m))
        items.sort(key=lambda x: (x[0], x[1]))
        quotes: list[Quote] = []
        for _pos, kind, obj in items:
            if kind == 0:
                quotes.extend(self._direct(obj))
            else:  # a cue already used by a direct quote may still govern a reported clause (residue rule)
                if any(zs <= obj.start() < ze for zs, ze, _s, _c in self.zones):
                    continue
                q = self._reported(obj)
                if q:
                    quotes.append(q)
        quotes.sort(key=lambda q: (q.start, q.end))
        return quotes

    def _direct(self, chain: list[_Seg]) -> list[Quote]:
        if self._heading_like(chain):
            return []
        sp, cue, pos, own_cue = self._attribute_chain(chain)
        if own_cue and cue:
            self.cue_log.append((pos, self._sent_of(pos), sp or UNNAMED, cue))
        if sp is not None and sp is not UNNAMED:
            self.events.append((pos, sp, chain[-1].para if own_cue else chain[0].para))
        out = []
        for seg in chain:
            body = self.t[seg.cs:seg.ce]
            if not body.strip():
                continue
            if len(body.split()) < 2 and not own_cue:
                continue  # a scare quote, not a statement
            spk = sp if sp is not UNNAMED else None
            out.append(_quote(spk, body, seg.cs, seg.ce, True, cue))
        return out


def _quote(sp: _Speaker | None, body: str, s: int, e: int, direct: bool, cue: str | None) -> Quote:
    return Quote(
        speaker=sp.name if sp else None, speaker_id=sp.id if sp else None, text=body, start=s, end=e,
        direct=direct, cue=cue, speaker_span=list(sp.span) if sp and sp.span else None,
    )
