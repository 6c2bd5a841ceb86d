"""Reported speech: "<speaker> <cue> (that) <clause>", "<clause>, <speaker> <cue>", "<clause>, said <speaker>",
"according to <speaker>",
", saying/adding that <clause>" and relative "<speaker>, which says <clause>,".
"""

from __future__ import annotations

import bisect
import re

from parley.document import Quote
from parley.quotes.marks import DQ
from parley.quotes.view import UNNAMED, _Speaker, make_quote

# what may follow "<clause>, <speaker> <cue>" to the sentence end: nothing, or a place or occasion ("said in
# a statement", "said at a rally"), not an object ("lamented the good old days", "continues to build")
_TAIL = re.compile(r"\s*(?:(?:in|on|at|during|after|before|from|via|with|through|outside)\b[^.;:!?]{0,40}?)?"
                   r"\s*(?:[,.;!?]|$)")


# "asked (X) whether/if/how …" and "asked X to <verb>": what follows "asked" is the question or the request
_ASKED = re.compile(r"[^.;:!?“”\"]{0,60}?(?<![\w’'])(?P<wh>if|whether|how|why|what|when|where|who)\s+"
                    r"|\s+(?P<who>(?:[A-Za-z][\w’'.-]*,?\s+){1,6}?)to\s+[a-z]+")
# a participle or "according to" opening a report after its clause: ", saying …", " — according to X"
# "As X noted, <clause>": "as" opening the sentence (after a conjunction at most) or after a comma, before the
# speaker; what may stand between the cue and its comma (an adverb, a time or a place)
_AS_LEAD = re.compile(r"(?:^|\s|[,—–]\s*)(?:(?P<conj>[Bb]ut|[Aa]nd|[Yy]et|[Ss]o)\s+)?(?:[Aa]s|[Jj]ust as)\s+(?:[Tt]he\s+)?$")
_AS_TAIL = re.compile(r"(?:\s+(?:(?:in|on|at|last|this|earlier|recently|previously|first|during)\b[^,.;:!?“”\"]{0,40}"
                      r"|[a-z]+ly))?\s*,\s*")
_LEAD_SEP = re.compile(r"(?:,|—|–|\s-)\s*$")
_SUBJECT_PRONOUN = re.compile(r"(?:he|she|they|we|i|you)(?:[’'](?:d|s|re|ll|ve|m))?")
# words after a cue that open no verb phrase of a relative clause ("that she said it", "which he says the …")
_NOT_GAP = {"it", "he", "she", "they", "we", "i", "you", "the", "a", "an", "this", "that", "his", "her", "their",
            "its", "to", "so", "yes", "no", "not", "nothing", "something", "anything", "what", "there", "one",
            "him", "them", "me", "us", "had", "have", "has", "do", "did", "does"}


def _has_marks(s: str) -> bool:
    """A double quote mark of any style (“ " '' ``): a sentence holding a direct quote is no parenthesis case."""
    return any(ch in s for ch in DQ) or "''" in s or "``" in s


class Reported:
    def _participle_speaker(self, pos: int, si: int) -> _Speaker | None:
        for cpos, csi, sp, _cue in reversed(self.cue_log):
            if csi < si:
                break  # cues are logged in text order: nothing earlier is in this sentence
            if csi == si and cpos < pos and sp is not UNNAMED:
                return sp
        subj = self._sentence_subject(si)
        if subj and subj[0] < pos:
            return self._speaker(subj)
        ps = self._pronoun_subject(si, pos) if self.sents else None  # "She left, saying …"
        if ps:
            return ps[0]
        # "Rallies were held across the country The League has sent a letter, denouncing …" (a caption glued to
        # the sentence): the body a verb follows, not the place
        loose = self._loose_subject(si, pos) if self.sents else None
        return self._speaker(loose) if loose else None


    def _inverted_named(self, cue_e: int, s1: int) -> _Speaker | None:
        """The named speaker right after an inverted cue, when nothing but an apposition follows it."""
        sp, _ = self._subject_after(cue_e, s1)
        if sp is None or sp is UNNAMED or not sp.span or sp.span[0] > cue_e + 2:
            return None
        rest = self.t[sp.span[1]:s1].strip()
        return sp if not rest or rest[0] in ",.;(" else None

    def _clause_after(self, cue_s: int, cue_e: int, s1: int, verb: str) -> tuple[int, int] | None:
        """The reported clause after a cue, or None when what follows is not a clause."""
        if verb in ("asked", "asks", "ask"):
            q = _ASKED.match(self.t, cue_e, min(s1, cue_e + 90))
            if q:  # "asked Sanders whether …", "asked workers to sign up …": the question or the request
                cs = q.start("wh") if q.group("wh") else q.start("who")
                cs, ce = self._trim_clause(cs, self._clause_end(cs, s1))
                return (cs, ce) if len(self.t[cs:ce].split()) >= 4 else None
        j = cue_e
        if verb in self.lex.listener_verbs:
            j = self._skip_listener(j, s1)
        rest = self.t[j:s1]
        tm = self.lex.time_re.match(rest)
        k = tm.end() if tm else 0
        first = re.match(r"\s*([A-Za-z]+)", rest[k:])
        if verb in self.lex.listener_verbs:  # "told RFA’s Khmer Service after the talks that"
            that = re.match(r"[^.;:!?“”\"]{0,60}?\bthat\s+", rest[k:])
            if not that and j == cue_e:
                return None  # "told an audience of academics": no listener word, no clause
        elif first and first.group(1).lower() in self.lex.adjunct_openers:
            # "said as she accepted her award", "said during a town hall in Buffalo that …": an adjunct first
            that = re.match(r"[^.;:!?“”\"]{0,80}?\bthat\s+", rest[k:])
            if not that:
                return None
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
        # quote marks off: a quoted phrase inside a paraphrase ("said his staff “did the wrong thing” by …")
        # hides its verb otherwise
        toks = [w.lower().strip(",").lstrip("“\"‘`") for w in self.t[cs:s1].split()[:20]]
        if not toks or toks[0] in self.lex.finite or toks[0] in self.lex.prepositions or toks[0] == "to":
            return False
        if _SUBJECT_PRONOUN.fullmatch(toks[0]) and len(toks) > 1:
            return True  # "says he’d build a wall", "said she respects …": a subject pronoun opens a clause
        return any(w in self.lex.finite or w.endswith("ed") or w.endswith("n’t") or w.endswith("n't")
                   for w in toks[1:])

    def _clause_end(self, cs: int, s1: int) -> int:
        breaks = "|".join(map(re.escape, sorted(self.lex.clause_breaks)))
        m = re.search(rf",\s+(?:{breaks})\b", self.t[cs:s1])
        ce = cs + m.start() if m else s1
        # ", but Hun Sen said …": another speaker's cue starts a new report
        for b in re.finditer(r"(?:,\s*(?:but|and|while|whereas)|;)\s+", self.t[cs:ce]):
            for c in self.lex.find_cues(self.t, cs + b.end(), min(ce, cs + b.end() + 60)):
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

    def _mostly_quoted(self, cs: int, ce: int) -> bool:
        """The clause is a direct quote with a frame, not a paraphrase: fewer than 4 words outside its direct
        quotes, except 3 that hold most of its characters ("said she respects Sanders’ “passion and
        commitment”" is a paraphrase with a quoted phrase)."""
        out, j, quoted = [], cs, 0
        for s in self.segs[max(0, bisect.bisect_left(self.seg_starts, cs) - 1):]:
            if s.open >= ce:
                break
            if s.close <= cs:
                continue
            out.append(self.t[j:max(j, s.open)])
            quoted += max(0, min(s.ce, ce) - max(s.cs, j))  # the quoted words, not their marks
            j = max(j, s.close)
        out.append(self.t[j:ce])
        residue = len(" ".join(out).split())
        return residue < 3 or (residue == 3 and 2 * quoted >= ce - cs)

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
            elif _LEAD_SEP.search(self.t, max(s0, cue_s - 4), cue_s):  # "<clause>, according to X."
                clause = (s0, max(self.t.rfind(",", s0, cue_s), self.t.rfind("—", s0, cue_s),
                                  self.t.rfind("–", s0, cue_s)))
                c = self.t.find(",", cue_e, s1)
                if c > 0 and self.t[s0:cue_s].rstrip().endswith(",") and self._continues(c, s1):
                    clause = (s0, s1)  # "Since May, according to HRW, forces have killed …": a parenthesis
        elif word in self.lex.inverted_only:
            return None
        elif word in self.lex.participles:
            if not _LEAD_SEP.search(self.t, max(s0, cue_s - 4), cue_s):
                return None
            sp = self._participle_speaker(cue_s, si) or UNNAMED  # ", saying …" is someone's speech
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
            elif (m.group("verb") and word not in self.lex.listener_verbs and re.search(r"\w,\s*$", self.t[s0:cue_s])
                  and not any(ch in self.t[s0:cue_s] for ch in DQ) and self._inverted_named(cue_e, s1)):
                # "<clause>, said James Henson, director of …": the inverted cue closes the sentence
                sp = self._inverted_named(cue_e, s1)
                clause = (s0, self.t.rfind(",", s0, cue_s))
            else:
                sp, start = self._subject_before(s0, cue_s)
                if sp is None:
                    return None
                agent = self._passive_agent(m, s0) if sp is UNNAMED and m.group("verb") else None
                if agent:  # "Rubio was asked by moderator Gerard Baker whether …": the agent asked
                    sp = agent
                if sp is UNNAMED and m.group("verb"):
                    lead = self.t[max(s0, cue_s - 12):cue_s].rstrip().rstrip(",").rstrip()
                    if lead[-1:] in DQ or lead[-2:] in ("''", "’’"):
                        return None  # “…,” said Jane Doe, an attorney: the direct quote's cue, not a report
                    if re.search(r",\s*$", self.t[max(s0, cue_s - 12):cue_s]) and self._names_after(cue_e, s1):  # "<clause>, said former governor Ed Rendell, who …"
                        sp = self._subject_after(cue_e, s1)[0] or UNNAMED
                        clause = (s0, self.t.rfind(",", s0, cue_s))
                        return self._emit(sp, clause, cue_s, si, word)
                clause = self._clause_after(cue_s, cue_e, s1, word)
                if clause is None:
                    clause = self._relative_gap(s0, start, cue_e, s1, sp is not UNNAMED)
                lead_as = _AS_LEAD.search(self.t[s0:start]) if clause is None else None
                if lead_as and (lead_as.start() == 0 or lead_as.group("conj")):
                    clause = self._as_clause(cue_e, s1)  # "As Clyburn noted, <clause>.", "…, and as X noted, <clause>"
                elif (lead_as and lead_as.group()[0] in ",—–"
                      and len(self.t[s0:s0 + lead_as.start()].split()) >= 4):
                    clause = (s0, s0 + lead_as.start())  # "<clause>, as The Times reported on Tuesday, and …"
                if clause is None:
                    lead = self.t[s0:start].rstrip().rstrip(DQ).rstrip()
                    tail = self.t[cue_e:s1]
                    c = lead.rfind(",")  # "<clause>, Suon So Rida said.", "<clause>, Ghana's foreign minister X said"
                    title = lead[c + 1:]
                    if (c >= 0 and len(title.split()) <= 5 and not any(ch in title for ch in DQ)
                            and not self.lex.cue_re.search(title) and _TAIL.match(self.lex.time_re.sub("", tail[:160], 1))):
                        clause = (s0, s0 + c)
                        comma = re.match(r"\s*,", tail)
                        if comma and not _has_marks(lead) and self._continues(cue_e + comma.start(), s1):
                            clause = (s0, s1)  # "The bigger risk, he said, is a clash …": the cue is a parenthesis
        return self._emit(sp, clause, cue_s, si, word)

    def _as_clause(self, cue_e: int, s1: int) -> tuple[int, int] | None:
        """ "As Clyburn noted, those voters will …", "But as The Post reported on Friday, the …": the clause after
        the cue's comma is the report (an adjunct of time or place may stand between the cue and the comma)."""
        m = _AS_TAIL.match(self.t, cue_e, min(s1, cue_e + 60))
        if m is None or not self._looks_like_clause(m.end(), s1):
            return None
        return m.end(), self._clause_end(m.end(), s1)

    def _continues(self, comma: int, s1: int) -> bool:
        """After a cue and its comma the sentence goes on (four words or more, not a new participle or another
        quote): the cue stood as a parenthesis inside the reported sentence."""
        rest = self.t[comma + 1:min(s1, comma + 200)]  # a bounded look: a sentence may be a megabyte long
        words = rest.split()
        if len(words) < 4 or _has_marks(rest):
            return False
        return words[0].lower().strip(",") not in self.lex.clause_breaks and words[0] not in ("which", "who", "whose")

    def _relative_gap(self, s0: int, start: int, cue_e: int, s1: int, named: bool) -> tuple[int, int] | None:
        """ "an event that Carson says led him to Christ", "a probe the agency said was ongoing", "which he said
        had harmed the economy": the cue sits in a relative clause whose verb follows it; the words after the
        cue are the speaker's. Only after a relative word before the speaker, or with an auxiliary right after
        the cue (a cue never takes a bare auxiliary as its object) when a named speaker or pronoun precedes it
        ("his remarks will …", "the states could …": a cue word that is a noun)."""
        nxt = re.match(r"\s+([a-z][a-z’']*)\b", self.t[cue_e:min(s1, cue_e + 40)])
        if not nxt:
            return None
        first = nxt.group(1)
        aux = named and first in self.lex.finite and first not in _NOT_GAP
        rel = re.search(r"(?<![\w’'])(?:that|which|who)\s+$", self.t[max(s0, start - 8):start])
        if not aux and not (rel and first not in self.lex.prepositions and first not in _NOT_GAP
                            and first not in self.lex.adjunct_openers):
            return None
        cs = cue_e + nxt.start(1)
        return cs, self._clause_end(cs, s1)

    def _names_after(self, cue_e: int, s1: int) -> bool:
        """After an inverted cue, a speaker phrase and no clause: up to the next comma, a capitalised word and
        neither "that" nor a finite verb ("said former governor Ed Rendell, who …", not "said Trump would win")."""
        seg = re.match(r"[^,;:.!?“”\"]{0,120}", self.t[cue_e:min(s1, cue_e + 120)]).group()
        words = seg.split()
        if not words or len(words) > 10 or not any(w[:1].isupper() for w in words):
            return False
        return not any(w in self.lex.finite or w == "that" or (w.islower() and w.endswith("ed")) for w in words)

    def _emit(self, sp: _Speaker | None, clause: tuple[int, int] | None, cue_s: int, si: int, word: str) -> Quote | None:
        """Record a report's zone and cue; the Quote when the clause is long enough and not mostly quotation."""
        if sp is None or clause is None:
            return None
        cs, ce = self._trim_clause(*clause)
        if ce - cs <= 0:
            return None
        self.zones.append((cs, ce, sp, word))
        self.cue_log.append((cue_s, si, sp, word))
        if sp is not UNNAMED:
            self.events.append((cue_s, sp, self._para_of(cue_s)))
        if len(self.t[cs:ce].split()) < 4 or self._mostly_quoted(cs, ce):
            return None
        if any(zs < cs < ze and zs != cs for zs, ze, _sp, _c in self.zones[-21:-1]):
            return None  # nested inside another report
        return make_quote(sp if sp is not UNNAMED else None, self.t[cs:ce], cs, ce, False, word)
