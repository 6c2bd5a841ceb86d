"""Pronoun and document speakers: "he/she" -> the last fitting person, "they" -> the last organisation,
"it"/"the statement" -> the author of the nearest document noun.

Gender comes from titles and role words ("Mr", "spokeswoman") beside an actor's mentions, else from the first
name (census lists: the pronoun after a mention is often someone else's), else from those pronouns.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace
from functools import lru_cache

from parley.document import Actor
from parley.quotes.view import _TITLE_WORDS, UNNAMED, _Speaker

# a subject or possessive pronoun after the name; "him" and an object "her" ("who advised her") are someone else
_NEXT_PRONOUN = re.compile(r"[^.;:!?“”\"]*?\b(he|she|his|himself|herself|her(?=\s+(?!(?:and|or|to|in|on|at|for|that|"
                           r"with|from|of|as|by|but|if|when)\b)[a-z]))\b", re.I)


_ORG_NAME = re.compile(r"[A-Z][\w’'&.-]*(?:\s+(?:of\s+|for\s+|and\s+)?[A-Z][\w’'&.-]*)+")
_PRONOUN_SUBJECT = re.compile(r"((?:[A-Za-z’'-]+\s+){0,2}?|[^.;:!?“”\"]{0,60}?,\s+)(he|she|they|He|She|They)(?:[’'](?:s|d|ll|re|ve))?\s+[a-z]")
_OWN_CAMP = re.compile(r"\s*(His|Her)\s+(?:[a-z-]+\s+)?(?:campaign|team|office)\b(?![’'])")
# "The Wisconsin Republican criticized", "the radio host has filled": a definite description before a verb (the
# group is its head noun; a subject when it is a person noun of the lexicon)
_DESCRIPTION = re.compile(r"(?<![\w’'])[Tt]he\s+(?:[\w.-]+\s+){0,3}?([A-Za-z-]+)(?=\s+[a-z]+(?:ed|s)\b)")
_OBJECT_SENTENCES = 3  # sentences before a pronoun's whose persons other than the subject may be its antecedent
_GENDER_REACH = 250  # characters a gendered person may lie before an ungendered one and still be preferred
_LEAD_OK = {"later", "then", "also", "again", "still", "now", "and", "but", "so", "yet", "earlier", "meanwhile",
            "instead", "once", "there", "here"}


@lru_cache(maxsize=4)
def _documents_re(documents: frozenset) -> re.Pattern:
    """One compiled pattern for the lexicon's document nouns (built once, not once per call)."""
    nouns = "|".join(sorted(map(re.escape, documents), key=len, reverse=True))
    return re.compile(rf"\b(?:{nouns})\b", flags=re.I)


class Pronouns:
    def _pronoun_subject(self, si: int, before: int) -> tuple[_Speaker, int] | None:
        """ "He called Trump “…”", "Later she praised …", "In a speech, he said …": a pronoun opening the sentence
        (after at most two adverbs or an introductory phrase and comma) is its subject; resolved here."""
        s0, s1 = self.sents[si]
        m = _PRONOUN_SUBJECT.match(self.t, s0, min(s1, before, s0 + 90))
        if not m:
            # "Her campaign quickly sent an email stating “…”": a person's campaign speaks for the person
            c = _OWN_CAMP.match(self.t, s0, min(s1, before))
            if not c or self._in_quote(c.start(1)):
                return None
            sp = self._resolve_pronoun("he" if c.group(1).lower() == "his" else "she", c.start(1))
            return (replace(sp, span=(c.start(1), c.end())), c.start(1)) if sp is not UNNAMED else None
        lead = m.group(1).strip()
        if lead and not lead.endswith(",") and any(w.lower() not in _LEAD_OK for w in lead.split()):
            return None
        pos = m.start(2)
        if self._in_quote(pos):
            return None
        sp = self._resolve_pronoun(m.group(2), pos)
        return (sp, pos) if sp is not UNNAMED else None


    def _gender(self, a: Actor) -> str | None:
        """Titles and role words ("Mr", "spokeswoman") decide; else the census first name ("Hillary Clinton"),
        recorded in ``name_gendered``; else the pronouns read after the mentions, which are often someone
        else's ("Clinton criticized Trump, saying he …")."""
        votes = {"male": 0.0, "female": 0.0}
        weak = {"male": 0.0, "female": 0.0}
        for w in (a.role or "").lower().split():
            if w in self.lex.male:
                votes["male"] += 1
            elif w in self.lex.female:
                votes["female"] += 1
        for s, e in a.mentions:
            before = self.t[max(0, s - 20):s].split()
            if before:
                w = before[-1].lower()
                if w in self.lex.male and w != "his":
                    votes["male"] += 1
                elif w in self.lex.female and w != "her":
                    votes["female"] += 1
            # the text's own pronoun for the subject: "Clinton touted her credentials", "Brel said he would"
            m = _NEXT_PRONOUN.match(self.t, e, min(len(self.t), e + 60))
            if m and not self._in_quote(m.start(1)):
                weak["male" if m.group(1).lower() in ("he", "his", "himself") else "female"] += 0.5
        if votes["male"] != votes["female"]:
            return "male" if votes["male"] > votes["female"] else "female"
        name = self._name_gender(_Speaker(a.name, a.id, None)) if a.type == "person" else None
        if name:
            self.name_gendered.add(a.id)
            return name
        if weak["male"] != weak["female"]:
            self.weak_gendered.add(a.id)
            return "male" if weak["male"] > weak["female"] else "female"
        return None


    def _name_gender(self, sp: _Speaker) -> str | None:
        """The sex the census gives the speaker's first name ("Hillary Clinton" -> female), None if no entry."""
        parts = [w for w in (sp.name or "").split() if w.rstrip(".").lower() not in _TITLE_WORDS]
        return (self.lex.first_names or {}).get(parts[0].lower()) if len(parts) >= 2 else None

    def _resolve_pronoun(self, pron: str, pos: int) -> _Speaker:
        kind = self.lex.pronouns.get(pron.lower(), pron)  # or "person": a role noun ("the nominee")
        if kind == "thing":
            author = self._document_author(pos)
            if author:
                return author
        # the recent past only (the last 40 speakers and subjects before the pronoun): constant work per pronoun
        k = bisect.bisect_left(self.subject_starts, pos)
        cands = [(p, sp, True) for p, sp, _ in self.events[-40:] if p < pos] + [
            (p, sp, False) for p, sp in self.subjects[max(0, k - 40):k]]
        cands.sort(key=lambda x: x[0], reverse=True)
        if kind in ("male", "female"):
            cands = self._with_objects(cands, kind, pos)
        unsure = None
        for p, sp, spoke in cands:
            if kind in ("male", "female", "person"):
                if sp.type != "person":
                    continue
                g = self.gender.get(sp.id) if sp.id else self._name_gender(sp)
                soft = not sp.id or sp.id in self.name_gendered
                if g and kind != "person" and g != kind and not (soft and spoke):
                    continue
                # a speaker whose first name alone disagrees is still taken ("Kim" is a woman's name in the
                # census and a man's elsewhere); a sentence subject named once and ungendered ("Maine" of
                # "in Portland, Maine") only when no person of the pronoun's gender lies within _GENDER_REACH
                # before it
                fits = spoke or g is not None or kind == "person" or self._named_often(sp)
                if fits or (unsure is not None and unsure[0] - p > _GENDER_REACH):
                    return sp if unsure is None or unsure[0] - p <= _GENDER_REACH else unsure[1]
                unsure = unsure or (p, sp)
                continue
            if kind in ("plural", "thing") and sp.type in ("organization", "group", "country"):
                return sp
        if unsure is not None:
            return unsure[1]
        if kind == "person":  # a role noun ("the tycoon"); "he" with no one in reach stays unnamed
            return self._salient_person(pos, kind)
        return UNNAMED

    def _with_objects(self, cands: list, kind: str, pos: int) -> list:
        """ "This is not the kind of campaign Ayotte hoped to run. She …", "I told Sanders …. “…,” he responded": a
        person named in a sentence but not as its subject (an object, a relative clause's subject, "like X, a
        fellow …") is a candidate too, after the sentence's subjects and speakers and before any earlier
        sentence's, left to right (Hobbs's order), in the pronoun's sentence and the _OBJECT_SENTENCES before it.
        Only persons whose title, role word or first name gives the pronoun's gender qualify (the pronouns read
        after a mention are often the subject's), and an earlier sentence holding a pronoun of that gender ("He
        was reassigned …", "Dismayed by X's record, he backs Y") lends none: its pronoun is the chain's link and
        its persons mere objects (in the pronoun's own sentence, only a pronoun before the person blocks it)."""
        if not self.sents:
            return cands
        si = self._sent_of(pos)
        lo_si = max(0, si - _OBJECT_SENTENCES)
        taken = {p for p, _sp, _spoke in cands}
        by_sent: dict[int, list] = {}
        lo = bisect.bisect_left(self.mention_starts, self.sents[lo_si][0])
        for s, e, a in self.mentions[lo:bisect.bisect_left(self.mention_starts, pos)]:
            if (s in taken or e > pos or a.type != "person" or self.gender.get(a.id) != kind
                    or a.id in self.weak_gendered or self._in_quote(s)):
                continue
            k = self._sent_of(s)
            if (self._has_pronoun(self.sents[k][0], self.sents[k][1] if k < si else s, kind)
                    or k < si and self._description_opens(k, s)):
                continue
            by_sent.setdefault(k, []).append((s, self._speaker((s, e, a)), False))
        if not by_sent:
            return cands
        pending = sorted(by_sent.items(), reverse=True)
        out = []
        for c in cands:
            while pending and self._sent_of(c[0]) < pending[0][0]:
                out.extend(pending.pop(0)[1])
            out.append(c)
        for _k, objs in pending:
            out.extend(objs)
        return out

    def _has_pronoun(self, lo: int, hi: int, kind: str) -> bool:
        """A subject pronoun of gender ``kind`` between ``lo`` and ``hi``, outside quotes ("He was reassigned …",
        "Dismayed by his memory of X's years, he backs …")."""
        word = "he" if kind == "male" else "she"
        return any(not self._in_quote(m.start()) for m in re.compile(rf"\b{word}\b", re.I).finditer(self.t, lo, hi))

    def _description_opens(self, si: int, before: int) -> bool:
        """Sentence ``si`` opens (or, after an introduction, follows a comma) with a person description before
        ``before`` ("The radio host has filled his talks for X …"): like a pronoun, the description is the
        chain's link back to a person named earlier, and the persons after it are objects. Read for sentences
        before the pronoun's only: in its own, "The senator rallied for X, who …, as he promised" is X's."""
        s0 = self.sents[si][0]
        m = _DESCRIPTION.search(self.t, s0, before)
        if not m or m.start() > s0 and self.t[s0:m.start()].rstrip()[-1:] != ",":
            return False
        return m.group(1).lower() in self.lex.person_nouns and not self._in_quote(m.start())

    def _named_often(self, sp: _Speaker) -> bool:
        """The speaker's actor has more than one mention (``mention_counts``, counted once per document)."""
        return self.mention_counts.get(sp.id, 0) > 1

    def _salient_person(self, pos: int, kind: str) -> _Speaker:
        """No recent speaker or subject fits ("Adelson's agenda ... the gambling tycoon told Reuters"): the
        person named most often in the recent text before ``pos`` (outside quotes, of a fitting gender), as a
        reader takes "the tycoon" for the one the story is about; the latest named breaks ties."""
        lo = bisect.bisect_left(self.mention_starts, pos - 3000)
        count: dict[str, list] = {}
        for s, e, a in self.mentions[lo:bisect.bisect_left(self.mention_starts, pos)]:
            if a.type != "person" or e > pos or self._in_quote(s):
                continue
            g = self.gender.get(a.id)
            if kind != "person" and g and g != kind:
                continue
            c = count.setdefault(a.id, [0, 0, (s, e, a)])
            c[0] += 1
            c[1], c[2] = s, (s, e, a)
        if not count:
            return UNNAMED
        best = max(count.values(), key=lambda c: (c[0], c[1]))
        return self._speaker(best[2])


    def _document_author(self, pos: int, lo: int | None = None) -> _Speaker | None:
        """Author of the nearest preceding document noun: "Ban's statement", "a statement from X" (only the
        nouns after ``lo`` when given)."""
        lo = max(0, pos - 2500) if lo is None else lo
        hits = list(_documents_re(self.lex.documents).finditer(self.t[lo:pos]))
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
            nm = _ORG_NAME.match(self.t, e + m.end()) if m else None
            if nm:  # "a letter from the American Legion": a body the actors stage did not mark
                return _Speaker(nm.group(), None, nm.span(), "organization")
            m = re.search(r"(?:said|issued|released|posted|published|sent|aired|launched|unveiled|ran)\s+(?:in\s+)?"
                          r"(?:a|an|the|its|his|her)\s+(?:[\w-]+\s+){0,3}$", self.t[max(0, s - 60):s])
            if m:
                sp, _ = self._subject_before(self.sents[self._sent_of(s)][0] if self.sents else 0, s - len(m.group()))
                if sp and sp is not UNNAMED:
                    return sp
        return None
