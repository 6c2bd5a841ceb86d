"""Speaker phrases next to a cue: the mention, pronoun, apposition or capitalised name before or after it.

A speaker is never the object of a preposition ("a top official with the party") nor a listener ("told VOA").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

from parley.quotes.pronouns import _DESCRIPTION, _documents_re
from parley.quotes.view import UNNAMED, _Speaker

# courtesy and office titles written before a name ("Sen. Jane Doe"), the one list every title pattern below reads
_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Rev", "Prof")
_TITLE = "|".join(_TITLES)
_NAME_AT_END = re.compile(r"((?:[A-Z][\w’'-]+\s+)(?:(?:[A-Z][\w’'-]+|[A-Z]\.)\s+){0,2}[A-Z][\w’'-]+)$")
_NAME_AT_START = re.compile(r"^((?:(?:" + _TITLE + r")\.\s+)?(?:(?:[A-Z][\w’'-]+|[A-Z]\.)\s+){1,3}[A-Z][\w’'-]+"
                            r"|(?:" + _TITLE + r")\.\s+[A-Z][\w’'-]+)")
_TITLED_AT_END = re.compile(r"(?<![\w’'])(?:" + _TITLE + r")\.?\s+(?:[A-Z][\w’'-]+\s+){0,2}"
                            r"[A-Z][\w’'-]+$")
_ENDS_IN_TITLE = re.compile(r"(?<![\w’'])(?:" + _TITLE + r"|Lt|Col|Sgt|Capt|Adm|Sec)$")
_DETERMINERS = {"the", "a", "an", "this", "that", "its", "his", "her", "their", "one", "another"}
# "was prompted to say", "felt compelled to add": the copula before a raising word (cues.yaml raisers)
_RAISING_BE = re.compile(r"(?<![\w’'])(?:was|were|is|are|be|been|felt|feels|feel)\s+$")
# "Clinton has increasingly said", "Kasich bluntly told"; not a noun or adjective in -ly ("the family said")
_ADVERB = re.compile(r"(?!(?:family|ally|rally|assembly|supply|reply|daily|weekly|monthly|yearly|early|friendly|"
                     r"elderly|lonely|holy|bully|fly)$)[a-z]{3,}ly")
# "from Sumter, " / "of Columbia, " before a mention: the mention is the state or country of that place
_PLACE_TAIL = re.compile(r"(?<![\w’'])(?:of|from|in)\s+([A-Z][\w.-]*(?:\s+[A-Z][\w.-]*){0,2}),\s*$")
_LONE_NAME = re.compile(r"[A-Z][\w’'-]+")
_NOT_NAME = {"the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "however", "in", "on", "for",
             "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "when", "while"}
_CALENDAR = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight",
             "yesterday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
             "october", "november", "december", "earlier", "later", "afterward", "afterwards", "recently"}
_SUBJECT_NAME = re.compile(r"([A-Z][\w’'-]+(?:\s+(?:[A-Z][\w’'-]+|[A-Z]\.))*)(?![\w’'-])")
_GO_ON = {"went", "goes", "go", "going", "on", "to", "continued", "continues", "began", "begins", "later", "then"}
_STOP = re.compile(r"[,;:!?]|(?<!\b[A-Z])(?<!\b(?:Mr|Ms|Dr|St|Jr|Sr))(?<!\b(?:Mrs|Sen|Rep|Gov|Rev|Gen|Col|Sgt|Adm))\.")

_OFFICE = re.compile(r"(?:(?<![\w’'])[Tt]he\s+|(?P<owner>(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*?)(?:[’']s|(?<=s)[’'])\s+)"
                     r"(?:[A-Z]?[a-z]+\s+){0,2}?(?P<noun>[A-Za-z]+)$")

# a cue closing a relative clause: "…, which an FBI inquiry said" (the phrase after "which" speaks)
_RELATIVE_CUE = re.compile(r",\s+(?:which|that|whom)\s+((?:[\w’'.-]+\s+){0,3}[\w’'.-]+)\s*$")
# "her campaign said": a person's campaign, team or office speaks for the person (after his/her only)
_OWN_CAMP_NOUNS = {"campaign", "team", "office"}
_FEW = {"or", "some", "many", "several", "few", "most", "other", "two", "three", "four", "former", "ex"}

# "the Republican nominee", "the Florida senator", "the Wisconsin Republican" (a capitalised party word is a
# role noun too), "the 46-year-old"
_ROLE = re.compile(r"(?<![\w’'])[Tt]he\s+(?:[\w.-]+\s+){0,3}?([A-Za-z-]+|\d+-year-old)\s*$")


# a place named after a preposition, before ", <State>,": "in Columbus, Ohio,"
_PLACE_BEFORE = re.compile(r"(?<![\w’'])(?:in|of|from|near|at|outside)\s+(?:[A-Z][\w’'.-]*\s*){1,3}$")


class Candidates:
    def _after_prep(self, pos: int, lo: int = 0) -> bool:
        """The words at ``pos`` are a preposition's object ("a spokesman for the party"), not a clause opening
        after a comma ("To that, Schilling added": "to" governs "that", and the comma closes its phrase)."""
        j = pos
        while j > lo and self.t[j - 1].isspace():
            j -= 1
        if j > lo and self.t[j - 1] in ",;:—–":
            return False
        return self._word_before(pos, lo) in self.lex.prepositions

    def _strip_between(self, lo: int, k: int) -> int:
        """Move ``k`` left over spaces, words allowed between a speaker and its cue ("had also") and a short
        parenthesis ("Sen. Marco Rubio (R-Fla.) said")."""
        while True:
            while k > lo and self.t[k - 1].isspace():
                k -= 1
            if k in self.by_end:
                return k
            if k > lo and self.t[k - 1] == ")":
                o = self.t.rfind("(", max(lo, k - 40), k)
                if o > lo and self.t.find(")", o, k - 1) < 0:
                    k = o
                    continue
            m = re.search(r"([A-Za-z’']+)$", self.t[lo:k])
            if m and (m.group(1).lower() in self.lex.between or _ADVERB.fullmatch(m.group(1))):
                k = lo + m.start()
                continue
            if m and m.group(1).lower() in self.lex.raisers and re.match(r"\s+to\s", self.t[lo + m.end():lo + m.end() + 5]):
                k = lo + m.start()  # "was prompted to say": the raising words belong to the cue, not the speaker
                be = _RAISING_BE.search(self.t, max(lo, k - 12), k)
                if be:
                    k = be.start()
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
        doc = self._document_subject(lo, k)
        if doc:
            return doc
        if re.search(r"(?<![\w’'])(?:and|but)$", self.t[lo:k]) and self.sents:
            # "X admitted it, but said …", "He called it “…” and said …": the sentence's subject, even before
            # a quote that lies between it and the cue
            si = self._sent_of(k)
            subj = self._sentence_subject(si)
            if subj and self.sents[si][0] <= subj[0] < k:
                return self._speaker(subj), subj[0]
            ps = self._pronoun_subject(si, k)
            if ps and ps[1] < k:
                return ps
            ds = self._description_subject(si, k)
            if ds:
                return ds
        men = self.by_end.get(k)
        if men and men[0] >= lo:
            tail = self._place_tail(lo, men[0])
            if tail:  # "Stacy Baker of Columbia, South Carolina says": the state of a place, not the speaker
                return self._holder(lo, tail.start(1)) or UNNAMED, men[0]
            if self._after_prep(men[0], lo) and not re.search(
                    r"(?<![\w’'])(?:after|before)\s+$", self.t[max(lo, men[0] - 8):men[0]]):
                # "after Trump told The Post": a conjunction opening the cue's own clause, not a preposition
                return self._holder(lo, men[0]) or UNNAMED, men[0]
            return self._speaker(men), men[0]
        if self.t[k - 1] == ",":
            return self._apposition(lo, k - 1)
        cut = self._cut_before(lo, k)
        if cut:
            return cut, cut.span[0]
        role = self._role_noun(lo, k) if self.t[k - 1:k].isalpha() and self._word_at_end(lo, k)[:1].isupper() else None
        if role:  # before the name patterns: "the Wisconsin Republican" is a description, not a name
            return role
        last_words = self.t[max(lo, k - 60):k].rsplit(None, 4)
        tm = _TITLED_AT_END.search(self.t, max(lo, k - 60), k) if any(
            w.rstrip(".") in _TITLES for w in last_words[:-1]) else None  # cheap test first: a title among the last words
        if tm and not self._has_mention(tm.start(), k):  # "Mr. Prince said": the earlier Erik Prince
            return self._named(tm.group(), (tm.start(), k)), tm.start()
        nm = _NAME_AT_END.search(self.t[lo:k])
        if nm and nm.group(1).split()[0].lower() not in _NOT_NAME and not self._has_mention(lo + nm.start(), k):
            s = lo + nm.start()
            if not self._after_prep(s, lo):
                return self._named(nm.group(1), (s, k)), s
        last = last_words[-1] if last_words else ""
        if last[:1].isupper() and _LONE_NAME.fullmatch(last) and not self._has_mention(k - len(last), k):
            sp = self._named(last, (k - len(last), k))  # "To that, Schilling added": Curt Schilling's surname
            if sp.id is not None:
                return sp, k - len(last)
        camp = self._camp(lo, k)
        if camp:
            return camp, camp.span[0]
        org = self._office(lo, k)
        if org:
            return org, org.span[0]
        role = self._role_noun(lo, k)
        if role:
            return role
        proper = self._proper_subject(lo, k)
        if proper:
            return proper, proper.span[0]
        words = self.t[lo:k].split()
        if words and self.sents:  # "Gingrich — mentioned as a running mate — told", "Trump at the time said"
            subj = self._sentence_subject(self._sent_of(k - 1))
            rel = _RELATIVE_CUE.search(self.t, subj[1], k) if subj and lo <= subj[0] < k else None
            if rel:  # "X criticized the plan, which an FBI inquiry said was “careless”": the relative's subject
                i = bisect.bisect_left(self.mention_starts, rel.start(1))
                inside = [m for m in self.mentions[i:bisect.bisect_left(self.mention_starts, k)] if m[1] <= k]
                return (self._speaker(inside[-1]) if inside else UNNAMED), rel.start(1)
            if subj and lo <= subj[0] < k:
                rest = self.t[subj[1]:k].lstrip()
                nxt = rest.split()[0].lower() if rest.split() else ""
                if rest[:1] in ",—–(" or nxt in self.lex.prepositions or nxt in self.lex.between:
                    return self._speaker(subj), subj[0]
        return (UNNAMED if words else None), k

    def _document_subject(self, lo: int, k: int) -> tuple[_Speaker, int] | None:
        """ "The ad says", "The campaign's statement declares", "A letter from the Legion obtained by the AP
        warns": a document speaks for its author (a possessive, "from/by X", or who issued it before); with no
        author in reach it is an unnamed source, never a name inside the phrase ("the AP")."""
        if not _documents_re(self.lex.documents).search(self.t, lo, min(k, lo + 80)):
            return None  # cheap test first: no document noun near the clause start
        noun, lower, definite = None, 0, False
        for n, w in enumerate(re.finditer(r"[\w’'.-]+", self.t[lo:min(k, lo + 80)])):
            word = w.group().lower()
            if n == 0 and word in self.lex.prepositions:
                return None  # "In a statement, the mogul announced": an adjunct, the document is no subject
            if n == 0 and word in _DETERMINERS:
                definite = word not in ("a", "an", "one", "another")
                continue
            if word in self.lex.documents:
                noun = (lo + w.start(), lo + w.end())
                if w.group()[:1].isupper() and self._has_mention(*noun):
                    return None  # part of a name ("Washington Post columnist Jo Kim"), not a document
                break
            if w.group()[:1].islower():
                lower += 1
                if lower >= 2 or word in self.lex.prepositions:
                    return None  # the head noun is some other word ("The voters say")
            if n >= 6:
                return None
        if noun is None:
            return None
        men = self.by_end.get(k)
        if men and men[2].type == "person" and not self._after_prep(men[0], lo):
            return None  # "The report's author, Jane Doe, said"
        # "The ad" points back to the ad named before; "A letter from X", "Trump's statement" name their own author
        author = self._document_author(noun[1], None if definite and noun[0] - lo < 12 else noun[0])
        owner = re.search(r"(?<![\w’'])(?:[Tt]he\s+)?([a-z]+)[’']s\s+$", self.t[max(lo, noun[0] - 30):noun[0]])
        if author is None and owner and owner.group(1) in self.lex.offices:  # "The campaign's statement"
            s = noun[0] - len(owner.group())
            return _Speaker(self.t[s:noun[0]].strip().rstrip("’'s").rstrip("’'"), None, (s, noun[0]), "organization"), s
        return (author or UNNAMED), noun[0]

    def _place_tail(self, lo: int, s: int):
        """ "Stacy Baker of Columbia, South Carolina", "a salesman from Sumter, South Carolina,": the mention at
        ``s`` is the state of a place that qualifies a person (a name right before "of/from/in", also after an
        age: "Harry Bond, 30, of Raleigh, N.C.,"; or an apposition), not an introductory phrase's place
        ("During the debate in Brooklyn, Clinton said")."""
        tail = _PLACE_TAIL.search(self.t, max(lo, s - 60), s)
        if not tail:
            return None
        before = self.t[max(lo, tail.start() - 80):tail.start()]
        if re.search(r"[A-Z][\w’'-]+(?:,\s*\d{1,3},)?\s+$", before) or re.search(r",\s*(?:a|an|the)\s", before):
            return tail
        return None

    def _holder(self, lo: int, s: int) -> _Speaker | None:
        """ "Jeffrey Lewis of the James Martin Center wrote", "Jo Kim of The Nation wrote" (the name's own
        "The" left out of the mention): the person before "of/at/from the <body>"."""
        m = re.search(r"(?<![\w’'])(?:of|at|from|with)\s+(?:[Tt]he\s+)?$", self.t[max(lo, s - 16):s])
        if not m:
            return None
        k = max(lo, s - 16) + m.start()
        while k > lo and self.t[k - 1].isspace():
            k -= 1
        men = self.by_end.get(k)
        if men and men[0] >= lo and men[2].type == "person":
            return self._speaker(men)
        nm = _NAME_AT_END.search(self.t[max(lo, k - 60):k])
        if nm and nm.group(1).split()[0].lower() not in _NOT_NAME and not self._has_mention(k - len(nm.group(1)), k):
            return self._named(nm.group(1), (k - len(nm.group(1)), k))
        return None

    def _description_subject(self, si: int, k: int) -> tuple[_Speaker, int] | None:
        """ "In an interview Thursday, the Wisconsin Republican criticized X and said …": a sentence whose
        subject is a role description (no mention, no pronoun) speaks through the person it points back to, as
        "the senator said" does; the description must open the sentence or follow a comma."""
        s0 = self.sents[si][0]
        for m in _DESCRIPTION.finditer(self.t, s0, k):
            if m.start() > s0 and self.t[s0:m.start()].rstrip()[-1:] != ",":
                continue
            if m.group(1).lower() in self.lex.person_nouns and not self._in_quote(m.start()):
                sp = self._resolve_pronoun("person", m.start())
                return (sp, m.start()) if sp is not UNNAMED else None
            break
        return None

    def _word_at_end(self, lo: int, k: int) -> str:
        m = re.search(r"[A-Za-z-]+$", self.t[max(lo, k - 30):k])
        return m.group() if m else ""

    def _role_noun(self, lo: int, k: int) -> tuple[_Speaker, int] | None:
        """ "the Republican nominee said": a definite role noun points back to the last person, like "he"."""
        m = _ROLE.search(self.t[max(lo, k - 60):k])
        if not m or (m.group(1).lower() not in self.lex.person_nouns and not m.group(1).endswith("-year-old")):
            return None
        s = max(lo, k - 60) + m.start()
        sp = self._resolve_pronoun("person", s)
        return (sp, s) if sp is not UNNAMED else None

    def _camp(self, lo: int, k: int) -> _Speaker | None:
        """ "Clinton aides said", "top Trump campaign officials say", "the senator's aides said": a camp speaks
        for its principal, a known actor mention (or a possessive role noun, his/her) right before the camp noun
        and at most two lowercase modifiers; the span is the whole phrase."""
        # the modifiers are no possessive pronoun: "“…,” her aides said" is her camp (the pronoun was a modifier)
        m = re.search(r"(?<![\w’'])((?:(?!(?:his|her|their)\s)[a-z][a-z-]*\s+){0,2})([a-z]+)$", self.t[max(lo, k - 60):k])
        if not m or m.group(2) not in self.lex.camp_nouns and m.group(2) not in _OWN_CAMP_NOUNS:
            return None  # cheap test first: the word before the cue must be a camp noun
        if any(w in _NOT_NAME or w in self.lex.prepositions or w in _FEW for w in m.group(1).split()):
            return None  # "Clinton and officials said", "some of the officials": not a camp of the name
        j = max(lo, k - 60) + m.start()
        while j > lo and self.t[j - 1].isspace():
            j -= 1
        if self.t[j - 2:j] in ("’s", "'s"):
            j -= 2
        men = self.by_end.get(j) if m.group(2) in self.lex.camp_nouns else None
        if men and men[0] >= lo and not self._after_prep(men[0], lo):
            s = men[0]
            if re.search(r"(?<![\w’'])[Tt]he\s+$", self.t[max(lo, s - 4):s]):
                s -= 4
            return replace(self._speaker(men), span=(s, k))
        own = re.search(r"(?<![\w’'])(?:[Tt]he\s+([a-z-]+)[’']s|([Hh]is|[Hh]er))\s+$", self.t[max(lo, k - 60):k - len(m.group())])
        if own and (own.group(2) or own.group(1) in self.lex.person_nouns and m.group(2) in self.lex.camp_nouns):
            s = max(lo, k - 60) + own.start()
            sp = self._resolve_pronoun({"his": "he", "her": "she"}.get((own.group(2) or "").lower(), "person"), s)
            return replace(sp, span=(s, k)) if sp is not UNNAMED else None
        return None

    def _office(self, lo: int, k: int) -> _Speaker | None:
        """ "the ministry said", "Senator Kowalski's office said": an office or body speaks as an organisation."""
        w = self.t[max(lo, k - 40):k].rsplit(None, 1)
        if not w or w[-1].lower() not in self.lex.offices:
            return None  # cheap test first: the word before the cue must be an office noun
        base = max(lo, k - 90)
        m = _OFFICE.search(self.t[base:k])
        if not m:
            return None
        s = base + m.start()
        owner = self.by_end.get(base + m.end("owner")) if m.group("owner") else None
        if m.group("owner") and owner is None and not m.group("owner")[:1].isupper():
            return None
        if not m.group("owner"):
            named = self._named_body(m.group("noun").lower(), s)
            if named:  # "the committee said" after "the House Oversight Committee": that committee
                return replace(named, span=(s, k))
            if m.group("noun").lower() in self.lex.body_nouns:
                body = self._recent_body(s)
                if body:  # "the agency said" after "The State Department said": the body last speaking or subject
                    return replace(body, span=(s, k))
        return _Speaker(self.t[s:k].strip(), None, (s, k), "organization")

    def _named_body(self, noun: str, pos: int) -> _Speaker | None:
        """The nearest organisation named before ``pos`` (outside quotes, within 3,000 characters) whose name
        holds the office noun: a definite "the committee" points back to it as "he" does to a person."""
        lo = bisect.bisect_left(self.mention_starts, pos - 3000)
        for men in reversed(self.mentions[lo:bisect.bisect_left(self.mention_starts, pos)]):
            a = men[2]
            if a.type == "organization" and noun in a.name.lower().split() and not self._in_quote(men[0]):
                return self._speaker(men)
        return None

    def _recent_body(self, pos: int) -> _Speaker | None:
        """The organisation last a speaker or a sentence subject within 1,500 characters before ``pos``: "the
        agency" whose name does not hold "agency" is the body the text was just about (as "they" is)."""
        k = bisect.bisect_left(self.subject_starts, pos)
        cands = [(p, sp) for p, sp, _ in self.events[-40:] if p < pos] + self.subjects[max(0, k - 40):k]
        for p, sp in sorted(cands, key=lambda x: x[0], reverse=True):
            if p < pos - 1500:
                break
            if sp.type == "organization" and sp.id:
                return sp
        return None

    def _proper_subject(self, lo: int, k: int) -> _Speaker | None:
        """ "Bryne went on to say, “…”", "Voskuil, a retired nurse, said": a capitalised name opening the phrase
        before the cue, unknown to the actors stage. A lone sentence-initial word counts only when the article
        never writes it in lower case and writes it capitalised inside a sentence too ("Voters say" is not a
        name)."""
        j = lo
        while j < k and self.t[j].isspace():
            j += 1
        nm = _SUBJECT_NAME.match(self.t, j, k)
        if not nm or nm.group(1).split()[0].lower() in _NOT_NAME or self._has_mention(j, nm.end(1)):
            return None
        name = nm.group(1)
        if " " not in name:
            if self._lowercase_words is None:
                self._lowercase_words = set(re.findall(r"(?<![\w’'-])[a-z][\w’'-]*", self.t))
            if name.lower() in self._lowercase_words or name.lower() in _CALENDAR or not re.search(
                    rf"(?<=[a-z,] ){re.escape(name)}(?![\w’'-])", self.t):
                return None  # a proper noun is also written capitalised inside a sentence
        rest = self.t[nm.end(1):k].strip()
        if rest and rest[0] not in ",—–(" and any(w.lower() not in self.lex.between and w.lower() not in _GO_ON
                                                 for w in rest.split()):
            return None
        return self._named(name, (j, nm.end(1)))

    def _cut_before(self, lo: int, k: int) -> _Speaker | None:
        """A person mention cut at an initial ("Harry M" of "Harry M. Reid") whose full name ends at ``k``."""
        i = bisect.bisect_left(self.mention_starts, max(lo, k - 80))
        for m in self.mentions[i:bisect.bisect_left(self.mention_starts, k)]:
            if m[2].type == "person" and m[1] < k:
                sp = self._speaker(m)
                if sp.span[1] == k:
                    return sp
        return None

    def _only_persons(self, s: int, e: int) -> bool:
        """Every mention overlapping [s, e) is a person's: a name run the actors stage cut ("Peter T" of
        "Peter T. King") is still one person's name, while "Fox News" inside a run is another actor."""
        lo = bisect.bisect_left(self.mention_starts, s - 120)
        return all(a.type == "person" for ms, me, a in self.mentions[lo:bisect.bisect_left(self.mention_starts, e)]
                   if ms < e and me > s)

    def _has_mention(self, s: int, e: int) -> bool:
        lo = bisect.bisect_left(self.mention_starts, s - 120)  # no mention is longer than that
        return any(ms < e and me > s for ms, me, _ in self.mentions[lo:bisect.bisect_left(self.mention_starts, e)])

    def _apposition(self, lo: int, comma: int) -> tuple[_Speaker | None, int]:
        """"Koul Panha, executive director of Comfrel, an election monitoring group, said" -> Koul Panha."""
        end = comma
        for _ in range(6):  # "Jane Doe, 30, of Lodi, Calif., who was polled, said": six parts
            c = self.t.rfind(",", lo, end)
            seg_s = lo if c < 0 else c + 1
            s, e = seg_s, end
            while s < e and self.t[s].isspace():
                s += 1
            while e > s and self.t[e - 1].isspace():
                e -= 1
            if s >= e:
                return None, end
            seg = self.t[s:e]
            first = seg.split()[0]
            men = self.by_end.get(e)
            described = first[0].islower() or first[0].isdigit() or first.lower() in ("a", "an", "the")
            place = men and men[0] == s and self._place_tail(lo, s)
            if men and not place and men[0] >= s and not self._after_prep(men[0], s) and (
                    not described or men[0] == s or (men[2].type == "person" and not any(
                        w.lower() in self.lex.prepositions or w.lower() in ("who", "which", "and")
                        for w in self.t[s:men[0]].split()))):
                # not the newspaper in "a columnist for the newspaper X"; "81-year-old Parker Eaton, a …, said""
                return self._speaker(men), men[0]
            if place:  # "a salesman from Sumter, South Carolina, says": the state is part of the apposition
                if c < 0:
                    return UNNAMED, s
                end = c
                continue
            lead = self._person_of_place(s, e)
            if lead:  # "Rep. Tom Cole of Oklahoma, an ally of GOP leadership, said"
                return lead, lead.span[0]
            appositive = (first[0].islower() or first[0].isdigit() or first.lower() in ("a", "an", "the")
                          or any(w[:1].islower() for w in seg.split()[1:]))  # "Sanders' campaign manager", "69"
            if not appositive and c >= 0 and not men and _PLACE_BEFORE.search(self.t, max(lo, c - 40), c):
                # "Clinton, during a town hall in Columbus, Ohio, said": the state of a place inside the aside
                end = c
                continue
            if appositive and c < 0:
                camp = self._camp(s, e) or self._possessive_camp(s, e)
                if camp:  # "Sen. Kelly Ayotte's campaign, for example, said" -> Kelly Ayotte
                    return camp, camp.span[0]
            if not appositive:
                nm = _NAME_AT_END.search(seg)
                if nm and nm.start() == 0 and not self._has_mention(s, e):
                    return self._named(seg, (s, e)), s
                return self._name_before_apposition(s, e, c < 0) or UNNAMED, s
            if c < 0:
                return UNNAMED, s
            end = c
        return UNNAMED, end

    def _possessive_camp(self, s: int, e: int) -> _Speaker | None:
        """ "Kelly Ayotte's campaign", "Ryan's office": a person's camp or office speaks for the person."""
        m = re.search(r"[’']s\s+(?:[a-z-]+\s+)?(?:" + self._camp_words() + r")$", self.t[s:e])
        men = self.by_end.get(s + m.start()) if m else None
        return replace(self._speaker(men), span=(men[0], e)) if men and men[2].type == "person" else None

    def _person_of_place(self, s: int, e: int) -> _Speaker | None:
        """A part that is a person mention (after titles) and "of/from <Place>": "Rep. Tom Cole of Oklahoma"."""
        i = bisect.bisect_left(self.mention_starts, s)
        for men in self.mentions[i:i + 3]:
            if men[0] >= min(e, s + 30) or not re.fullmatch(r"(?:(?:[A-Z][a-z]+\.?|[A-Z]{2,})\s+){0,3}",
                                                             self.t[s:men[0]]):
                break
            if men[2].type == "person" and men[1] < e and re.match(
                    r"\s+(?:of|from)\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}$", self.t[men[1]:e]):
                return self._speaker(men)
        return None

    def _name_before_apposition(self, s: int, e: int, opens: bool = False) -> _Speaker | None:
        """The part before an apposition is a name the plain patterns missed: a person mention the actors stage
        cut ("Representative Adam B. Schiff" marked "Adam B"), a name ending in "Jr." ("James B. Comey Jr."),
        or a lone surname of a person named in full before ("Small, who attended the rally, said")."""
        seg = re.sub(r",?\s+(?:Jr|Sr)\.?$", "", self.t[s:e])
        i = bisect.bisect_left(self.mention_starts, s)
        inside = [m for m in self.mentions[i:bisect.bisect_left(self.mention_starts, e)] if m[1] <= e]
        if inside and all(m[2].type == "person" for m in inside):
            return self._speaker(inside[-1])
        if not inside and re.fullmatch(r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?[A-Z][\w’'-]+", seg):
            sp = self._named(seg, (s, s + len(seg)))
            if sp.id is not None:
                return sp
        if not inside and _NAME_AT_END.fullmatch(seg):
            return self._named(seg, (s, s + len(seg)))
        if opens and not inside and re.fullmatch(r"[A-Z][a-z][\w’'-]+", seg) and seg.lower() not in _NOT_NAME | _CALENDAR:
            # "Teck, the Canadian mining company, says": a lone name opening the clause that the article never
            # writes in lower case (not the state of "in Aurora, Colorado,")
            if self._lowercase_words is None:
                self._lowercase_words = set(re.findall(r"(?<![\w’'-])[a-z][\w’'-]*", self.t))
            if seg.lower() not in self._lowercase_words:
                body = re.search(r"(?<![\w’'])(?:company|firm|group|organi[sz]ation|network|newspaper|agency|bank|"
                                 r"union|party)(?![\w’'])", self.t[e:e + 60])
                return _Speaker(seg, None, (s, s + len(seg)), "organization" if body else "person")
        return None

    def _subject_after(self, cue_end: int, hi: int) -> tuple[_Speaker | None, int]:
        """Inverted order: "said Kem Sokha, who …", "said CNRP spokesman Yim Sovann", "read the statement"."""
        j = cue_end
        while j < hi and self.t[j].isspace():
            j += 1
        limit = min(hi, j + 60)
        stop = _STOP.search(self.t[j:limit])  # not the period of "Mr." or "Sen."
        limit = j + stop.start() if stop else limit
        for s, e, a in self.mentions[bisect.bisect_left(self.mention_starts, j):]:
            if s < j:
                continue
            if s >= limit:
                break
            if self.t[e:e + 2] in ("’s", "'s"):
                continue
            if self._after_prep(s, j):
                break
            if _ENDS_IN_TITLE.search(self.t, s, e) and self.t[e:e + 1] == ".":
                men = self.by_start.get(e + 2) or self.by_start.get(e + 1)
                if men and men[2].type == "person":  # "said Democratic Rep. Dina Titus": the speaker is never "Rep"
                    return self._speaker(men), s
                continue
            # "said Ohio State University professor Paul Beck", "said Clinton campaign manager Robby Mook": the
            # person after the role words
            nxt = re.match(r"\s+(?:[a-z][a-z-]+\s+){1,3}", self.t[e:limit])
            men = self.by_start.get(e + nxt.end()) if nxt else None
            if men and men[2].type == "person":
                return self._speaker(men), s
            return self._speaker((s, e, a)), s
        words = self.t[j:limit].split()
        if words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their") and len(words) > 1:
            noun = words[1].lower().strip(".,")
            if noun in self.lex.documents:
                return self._document_author(j + 1) or UNNAMED, j
            role = self._role_noun(j, limit)  # "said the Republican nominee"
            if role:
                return role[0], j
            if noun in self.lex.offices and words[0].lower() == "the":  # "said the agency, which …"
                org = self._office(j, j + self.t[j:limit].find(words[1]) + len(noun))
                if org:
                    return org, j
            if words[0].lower() in ("his", "her"):  # "said her campaign", "said his top aides": the camp's principal
                for w in list(re.finditer(r"[a-z]+", self.t[j:limit]))[1:4]:
                    camp = self._camp(j, j + w.end())
                    if camp:
                        return camp, j
        nm = _NAME_AT_START.match(self.t[j:limit])
        if nm and nm.group(1).split()[0].lower() not in _NOT_NAME:
            return self._named(nm.group(1), (j, j + nm.end())), j
        one = re.fullmatch(r"([A-Z][\w’'-]+)\s*", self.t[j:limit])
        if one and one.group(1).lower() not in _NOT_NAME | _CALENDAR and (limit >= hi or self.t[limit] in ",.;"):
            return self._named(one.group(1), (j, j + len(one.group(1)))), j  # "said Gamboa.", not "said Monday."
        if words and limit < hi and self.t[limit] == ",":  # "said his best friend at Lehigh, Bruce Turry, who"
            sp = self._named_part(limit + 1, hi)
            if sp:
                return sp, j
        return (UNNAMED if words else None), j

    def _named_part(self, j: int, hi: int) -> _Speaker | None:
        """A comma-delimited part that is exactly one mention or capitalised name (an apposition's name)."""
        while j < hi and self.t[j].isspace():
            j += 1
        stop = _STOP.search(self.t, j, min(hi, j + 60))
        e = stop.start() if stop else min(hi, j + 60)
        men = self.by_start.get(j)
        if men and not self.t[men[1]:e].strip():
            return self._speaker(men)
        nm = _NAME_AT_START.match(self.t[j:e])
        if nm and j + nm.end() == e and nm.group(1).split()[0].lower() not in _NOT_NAME:
            return self._named(nm.group(1), (j, e))
        return None


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
