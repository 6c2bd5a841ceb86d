"""Direct quotes: chains of quote segments and the cue that governs each (after, before, in the sentence,
or the previous speaker for a bare follow-on paragraph).
"""

from __future__ import annotations

import bisect
import re

from parley import text as textmod
from parley.quotes.candidates import _NAME_AT_START, _NOT_NAME, _TITLE
from parley.quotes.marks import DQ, _Seg
from parley.quotes.view import UNNAMED, _Speaker

_NEXT_WORD = re.compile(r"\s+(?:(?:has|have|had|also|then|later|again|repeatedly|often|once)\s+)?([a-z]+)\b")
_NOT_VERB = {"and", "or", "but", "who", "which", "that", "the", "a", "an", "as", "than", "nor"}
_ANY_VERB = re.compile(r"(.{1,80}?)\s+([a-z]{3,}(?:ed|s))\s*(?:[.,;!?]|$)", flags=re.S)
_IRREGULAR = {"shot", "hit", "struck", "spoke", "fired", "put", "began", "went", "wrote", "thought"}
_WORD_RE = re.compile(r"[A-Za-z]+")
_PASSIVE = re.compile(r"(?<![\w’'])(?:is|are|was|were|be|been|being)\s+(?:[a-z]+ly\s+)?$")
_VERB_THEN_PHRASE = re.compile(r"(.{1,60}?)\s+([a-z]{3,}ed)\s+(on|to|at|in|during|after|before|from|while|with|last|"
                               r"this|earlier|later|yesterday|today|tonight|monday|tuesday|wednesday|thursday|"
                               r"friday|saturday|sunday)\b", flags=re.S | re.I)


class Cues:
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
        while j < hi and (self.t[j].isspace() or self.t[j] in ",;—–-'’"):  # ,''' : an inner quote closing too
            j += 1
        hi = min(hi, self._sentence_end(j, hi))
        if j >= hi:
            return None
        for m in self.lex.find_cues(self.t, j, min(hi, j + 110)):
            word = m.group()
            if m.group("verb") and word in self.lex.participles:
                continue
            if not self.t[j:m.start()].strip():  # inverted: "said Kem Sokha", "according to X", "read the statement"
                sp, _ = self._subject_after(m.end(), hi)
                self.inverted_cues.add(m.start())  # its speaker follows it: it opens no reported clause
                return sp, word, m.start()
            if m.group("verb") and word in self.lex.inverted_only:
                continue
            sp, start = self._subject_before(j, m.start())
            if (sp is None or sp is UNNAMED) and m.group("verb") and self.t[j:m.start()].rstrip().endswith(","):
                # “…” in the 2008 primary, said professor Paul Beck: no speaker before, an inverted cue after a comma
                inv, _ = self._subject_after(m.end(), hi)
                if inv is not None and inv is not UNNAMED:
                    return inv, word, m.start()
            if sp is None:
                continue
            if sp is UNNAMED or (self.t[j:m.start()].rstrip().endswith(",") and sp.type != "person"):
                # “…,” Katie Packer, who chairs the PAC, said / “…,” Mr. Daniloff, now 81, said: the name right
                # after the quote, not a body named in the apposition
                lead = self._lead_name(j, m.start())
                if lead is not None:
                    sp, start = lead, j
            if len(self.t[j:start].split()) > 6:
                return None
            return sp, word, m.start()
        return self._any_verb_after(j, hi)

    def _lead_name(self, j: int, vs: int) -> _Speaker | None:
        """The person named first between a quote and its cue, when a comma closes the name: a mention (after
        an optional title) or a capitalised name the actors stage did not know."""
        role = re.match(r"the\s+(?:[a-z-]+\s+){1,2}(?=[A-Z])", self.t[j:vs])  # “…,” the economist Jane Doe, a …,
        if role:
            j += role.end()
        t = re.match(r"(?:" + _TITLE + r")\.?\s+", self.t[j:vs])
        for at in (j, j + t.end()) if t else (j,):
            men = self.by_start.get(at)
            if men and men[2].type == "person" and self.t[men[1]:men[1] + 1] == ",":
                return self._speaker(men)
        c = self.t.find(",", j, vs)
        if c < 0:
            return self._single_name(j, vs)
        nm = _NAME_AT_START.match(self.t[j:c])
        if nm and j + nm.end() == c and nm.group(1).split()[0].lower() not in _NOT_NAME and self._only_persons(j, c):
            return self._named(nm.group(1), (j, c))
        return self._single_name(j, c)

    def _single_name(self, j: int, vs: int) -> _Speaker | None:
        """One capitalised word between a quote and its verb (“…,” Hannity pressed) is a name the actors stage
        did not know; right after a quote it cannot be a sentence-initial common noun."""
        word = self.t[j:vs].strip()
        if re.fullmatch(r"[A-Z][\w’'-]+", word) and word.lower() not in _NOT_NAME:
            return self._named(word, (j, j + len(word)))
        return None

    def _any_verb_after(self, j: int, hi: int):
        """ “…,” Hannity pressed. / “…?” she wondered. : a speaker and one verb closing the sentence right after
        the quote is an attribution whatever the verb (the lexicon cannot list them all)."""
        m = _ANY_VERB.match(self.t, j, min(hi, j + 90))
        if m and m.end() < len(self.t[:hi].rstrip()):
            m = None  # the rest of the sentence must be just "<speaker> <verb>."
        if m is None:  # or "<speaker> <verb> on Tuesday.", "… proclaimed to a cheering crowd at …"
            m = _VERB_THEN_PHRASE.match(self.t, j, min(hi, j + 90))
            if m is None:
                return None
        vs = m.start(2)
        sp, start = self._subject_before(j, vs)
        single = self._single_name(j, vs) if sp is UNNAMED else None
        if single:
            return single, m.group(2), vs
        if sp is None or start < j or self.t[j:start].strip():
            return None  # the speaker must stand between the quote and the verb
        return sp, m.group(2), vs

    def _introduction(self, lo: int, k: int):
        """“Jane Doe, Channel Name: “…”, “Clinton: “…”, “Jane Doe — “…”: a short name-led lead before a colon or
        dash introduces the speaker (the first name in it)."""
        cut = max(self.t.rfind(d, lo, k - 1) for d in (" - ", " — ", " – "))
        if cut >= 0:  # "Why it matters - Philip Bump: “…”": the name after the dash
            lo = cut + 3
        lead = self.t[lo:k - 1]
        words = lead.split()
        if lead.isupper():
            return None  # a kicker ("FAREWELL: “…”", "NOW OPEN:"), not a name
        if not 1 <= len(words) <= 8 or any(w[:1].islower() and w not in ("of", "for", "the", "and", "de", "van", "al")
                                           for w in words):
            return None
        j = lo
        while j < k and self.t[j].isspace():
            j += 1
        men = self.by_start.get(j)
        if men:
            return self._speaker(men), None, j
        nm = re.match(r"[A-Z][\w’'.-]+(?:\s+[A-Z][\w’'.-]+){0,3}", self.t[j:k - 1])
        if nm and nm.group().split()[0].lower() not in _NOT_NAME:
            return self._named(nm.group().rstrip("."), (j, j + len(nm.group().rstrip(".")))), None, j
        return None

    def _before_zone(self, seg: _Seg):
        p0 = self.paras[seg.para][0]
        k = seg.open
        while k > p0 and self.t[k - 1].isspace():
            k -= 1
        if k <= p0 or self.t[k - 1] not in ":,—–":
            return None
        lo = p0
        i = bisect.bisect_left(self.seg_starts, seg.open) - 1
        if i >= 0 and self.segs[i].para == seg.para:
            lo = max(lo, self.segs[i].close)
        si = self._sent_of(k - 1)
        if self.sents:
            lo = max(lo, self.sents[si][0])
        cues = [m for m in self.lex.find_cues(self.t, lo, k) if not self._in_quote(m.start())]
        if not cues:
            return self._introduction(lo, k) if self.t[k - 1] != "," else self._verb_comma(lo, k - 1, si)
        m = cues[-1]
        if m.group("acc"):
            sp, _ = self._subject_after(m.end(), k)
        else:
            sp, _ = self._subject_before(lo, m.start())
            if sp is None or sp is UNNAMED:
                sp2 = self._participle_speaker(m.start(), si) if m.group() in self.lex.participles else None
                sp = sp2 or sp
        return sp, m.group(), m.start()

    def _verb_comma(self, lo: int, comma: int, si: int):
        """ "Hillary shot back, “…”", "Trump fired back Monday, “…”": the sentence's subject and a verb in -ed
        (or a few irregular ones) right before the comma introduce the quote that follows it."""
        if not self.sents:
            return None
        subj = self._sentence_subject(si)
        if subj and lo <= subj[0] and subj[1] < comma:
            sp, end = self._speaker(subj), subj[1]
        else:
            ps = self._pronoun_subject(si, comma)
            if not ps:
                return None
            sp, end = ps[0], ps[1] + len(self._word_at(ps[1]))
        rest = [w for w in self.t[end:comma].split() if w.lower() not in self.lex.between]
        if not 1 <= len(rest) <= 3 or not re.fullmatch(r"[a-z]+", rest[0]):
            return None
        if not (rest[0].endswith("ed") or rest[0] in _IRREGULAR) or any(
                not re.fullmatch(r"[a-z]+|[A-Z][a-z]+day", w) or w in self.lex.prepositions for w in rest[1:]
                if w not in ("back", "up", "off")):
            return None
        return sp, rest[0], end

    def _intro_paragraph(self, seg: _Seg):
        """ "Caddell continued:" / "The New York Times reports:" as a paragraph of its own, then the quote
        paragraph: the introduction's cue and speaker govern the quote that opens the next paragraph."""
        pi = seg.para
        if pi == 0 or seg.open != self.paras[pi][0]:
            return None
        p0, p1 = self.paras[pi - 1]
        k = p1
        while k > p0 and self.t[k - 1].isspace():
            k -= 1
        if k <= p0 or self.t[k - 1] != ":" or self._in_quote(k - 1):
            return None
        lo = self.sents[self._sent_of(k - 1)][0] if self.sents else p0
        lo = max(lo, p0)
        cues = [m for m in self.lex.find_cues(self.t, lo, k) if not self._in_quote(m.start())]
        if not cues:
            return None
        m = cues[-1]
        if m.group("acc") or not self.t[lo:m.start()].strip():
            sp, _ = self._subject_after(m.end(), k - 1)
        else:
            sp, _ = self._subject_before(lo, m.start())
            if sp is UNNAMED and m.group() in self.lex.participles:
                sp = self._participle_speaker(m.start(), self._sent_of(m.start())) or sp
        if sp is None:
            return None
        return sp, m.group(), m.start()

    def _zone_at(self, pos: int):
        for s, e, sp, cue in reversed(self.zones[-20:]):  # zones come in text order
            if s <= pos < e:
                return sp, cue
        return None

    def _sentence_cue(self, seg: _Seg):
        """Embedded quote: speaker of a cue elsewhere in the sentence, preferring one before the quote."""
        si = self._sent_of(seg.open)
        s0, s1 = self.sents[si] if self.sents else (self.paras[seg.para][0], self.paras[seg.para][1])
        best = None
        for m in self.lex.find_cues(self.t, s0, s1):
            if self._in_quote(m.start()) or (m.group("verb") and m.group() in self.lex.inverted_only):
                continue
            if m.group("acc"):
                sp, _ = self._subject_after(m.end(), s1)
            elif m.group() in self.lex.participles:
                sp = self._participle_speaker(m.start(), si)
            else:
                sp = self._passive_agent(m, s0)  # "Rubio was asked by moderator Gerard Baker whether …"
                if sp is None:
                    sp, _ = self._subject_before(s0, m.start())
                if sp is None or sp is UNNAMED:  # “…,” said Jane Doe, urging them to “give him time.”
                    k = m.start()
                    while k > s0 and self.t[k - 1] in " ,":
                        k -= 1
                    if k > s0 and k in self.seg_closes:  # right after a closing mark of any style (” '' ')
                        sp = self._subject_after(m.end(), s1)[0] or sp
                    elif "," in self.t[k:m.start()]:  # "… “make America great again” appeals to …, said X, a …"
                        sp = self._inverted_named(m.end(), s1) or sp
            if sp is None:
                continue
            cand = (sp, m.group(), m.start())
            if m.start() < seg.open:
                best = cand
            elif best is None:
                return cand
        return best

    def _passive_agent(self, m, s0: int) -> _Speaker | None:
        """ "was asked by X", "were told by X": the agent after "by" is the one who spoke."""
        if not _PASSIVE.search(self.t, max(s0, m.start() - 24), m.start()):
            return None
        by = re.match(r"\s+by\s+(?:(?:the|a|an)\s+)?", self.t[m.end():m.end() + 20])
        if not by:
            return None
        j = m.end() + by.end()
        men = self.by_start.get(j)
        i = bisect.bisect_left(self.mention_starts, j)
        for later in self.mentions[i:i + 4]:  # "by Fox Business moderator Gerard Baker": the person after the role
            if later[0] > j + 50 or not re.fullmatch(r"(?:[A-Za-z][\w.’'-]*\s+){0,4}", self.t[j:later[0]]):
                break
            if later[2].type == "person" and (men is None or men[2].type != "person" or re.search(
                    r"\s[a-z]", self.t[men[1]:later[0]])):
                men = later
                break
        return self._speaker(men) if men and men[2].type in ("person", "organization", "group") else None

    def _later_cue(self, seg: _Seg):
        """An embedded quote with no cue of its own whose sentence goes on to a quote with one: “a” and “b,”
        Howard Dean proclaimed: the later quote's cue gives both."""
        si = self._sent_of(seg.open)
        s1 = self.sents[si][1]
        i = bisect.bisect_right(self.seg_starts, seg.open)
        for nxt in self.segs[i:i + 4]:
            if nxt.open >= s1 or nxt.para != seg.para:
                break
            if nxt.after is not None:
                r = self._after_zone(nxt)
                return r if r and r[0] is not None and r[0] is not UNNAMED else None
        return None

    def _attribute_chain(self, chain: list[_Seg]):
        first = chain[0]
        z = self._zone_at(first.cs) if first.partial else None
        if z and z[0] is not None and z[0] is not UNNAMED:
            return z[0], z[1], first.cs, False
        for seg in chain:
            if seg.after is not None:
                r = self._after_zone(seg)
                if r:
                    return r[0], r[1], r[2], True
        if z:  # a reported clause with an unnamed speaker: "officials say the plan is “dead”"
            return z[0], z[1], first.cs, False
        r = self._before_zone(first)
        if r and r[0] is not None:
            return r[0], r[1], r[2], True
        r = self._intro_paragraph(first)
        if r:
            return r[0], r[1], r[2], True
        if first.partial:
            r = self._sentence_cue(first)
            if r is None or r[0] is UNNAMED or r[2] > first.open:
                # "X called it a “constitutional coup”", "Trump accused Cruz of being “politically correct”"; a
                # naming verb before the quote is nearer than a cue after it ("… “ISIS' best recruiter.” She
                # also said")
                n = self._naming_cue(first)
                if n and (r is None or (n[0] is not UNNAMED and n[0] is not None)):
                    r = n
            if r and r[0] is not UNNAMED:
                return r[0], r[1], r[2], False
            later = self._later_cue(first) if self.sents else None
            if later:
                return later[0], later[1], later[2], False
            subj = self._sentence_subject(self._sent_of(first.open)) if self.sents else None
            if subj and r and subj[0] > r[2]:
                subj = None  # "A staffer emailed Mills the list “…”": after an unnamed speaker's cue, an object
            if subj and subj[0] < first.open:  # "Clinton was “a little surprised”": words lent by the subject
                return self._speaker(subj), None, subj[0], False
            ps = self._pronoun_subject(self._sent_of(first.open), first.open) if self.sents else None
            if ps:  # "He called Trump “not a smart man”"
                return ps[0], None, ps[1], False
            if r:  # a cue whose speaker phrase names no one ("a senior official called it “a disaster”")
                return r[0], r[1], r[2], False
            loose = self._loose_subject(self._sent_of(first.open) if self.sents else None, first.open, first.para)
            if loose:
                return self._speaker(loose), None, loose[0], False
            return None, None, first.open, False
        # a bare quote: same speaker as the last speech in this or the previous paragraph
        if self.events:
            pos, sp, para = self.events[-1]
            if first.para - para <= 1 and sp is not UNNAMED:
                return sp, None, first.open, False
        return None, None, first.open, False

    def _naming_cue(self, seg: _Seg):
        """An embedded quote after a naming or accusation verb is the verb's subject's words: "X called the plan
        “a disaster”", "Trump accused Cruz, the senator from Texas, of being “politically correct”", "…, calling
        him a “talented guy”" (a participle: the speaker of the sentence), "was labeled “top secret” by the
        State Department" (a passive: the agent after "by", else an unnamed source). The verb is the last one
        outside quotes in the 200 characters of the sentence before the quote (a bounded look, one per quote).
        One-word scare quotes stay no statement (the caller drops them)."""
        si = self._sent_of(seg.open)
        s0 = self.sents[si][0]
        lo = max(s0, seg.open - 200)
        verb = None
        for w in _WORD_RE.finditer(self.t, lo, seg.open):
            if w.group().lower() in self.lex.naming and not self._in_quote(w.start()):
                verb = w
        if verb is None:
            return None
        word = verb.group().lower()
        if word.endswith("ing"):
            return (self._participle_speaker(verb.start(), si) or UNNAMED), word, verb.start()
        if _PASSIVE.search(self.t, max(s0, verb.start() - 24), verb.start()):
            by = re.match(r"[\s,]*by\s+(?:the\s+)?", self.t[seg.close:seg.close + 20])
            men = self.by_start.get(seg.close + by.end()) if by else None
            return (self._speaker(men) if men else UNNAMED), word, verb.start()
        sp, start = self._subject_before(s0, verb.start())
        if sp is None:
            return None
        return sp, word, start

    def _loose_subject(self, si: int | None, end: int, para: int = 0):
        """A sentence with no cue and no plain subject before ``end`` (an embedded quote, a participle's clause:
        "Speaking to X's show on Monday, Bush referred to Rubio as “…”"): the first person or body named before
        it that a verb follows ("Bush referred", not "MSNBC's Morning Joe Monday"); failing that the first one
        named. Never the object of a preposition ("to Rubio"), never a place."""
        s0 = self.sents[si][0] if si is not None else self.paras[para][0]
        lo = bisect.bisect_left(self.mention_starts, s0)
        hi = bisect.bisect_left(self.mention_starts, end, lo)
        first = acting = None
        for s, e, a in self.mentions[lo:hi]:
            if self._in_quote(s) or a.type not in ("person", "organization", "group") or e > end:
                continue
            if self._after_prep(s, s0):
                continue
            first = first or (s, e, a)
            nxt = _NEXT_WORD.match(self.t, e, end)
            if nxt and nxt.group(1) not in self.lex.prepositions and nxt.group(1) not in _NOT_VERB:
                acting = acting or (s, e, a)
        return acting or first

    def _heading_like(self, chain: list[_Seg]) -> bool:
        """A short paragraph without final punctuation or cue (subhead, caption): its quotes are not speech.

        Decided once per paragraph (a paragraph with many quotes is read once, not once per quote)."""
        if len(chain) > 1:
            return False
        pi = chain[0].para
        if pi not in self._headings:
            p0, p1 = self.paras[pi]
            body = self.t[p0:p1].rstrip().rstrip(DQ + "’'").rstrip()
            self._headings[pi] = bool(body) and body[-1] not in ".!?…:," and len(body.split()) < 15 \
                and not self.lex.cue_re.search(body)
        return self._headings[pi]
