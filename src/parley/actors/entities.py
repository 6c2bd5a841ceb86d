"""Named entities from an optional spaCy parse as extra actor mentions (``--spacy-model``; see ``parley.nlp``).

Why an add-on and not a replacement: the rule recogniser already finds names with titles, appositions, cue
verbs and dictionary entries, and those patterns carry the role and affiliation the coder needs. A statistical
NER adds the names the rules cannot justify: a bare unknown name with no title or speech verb ("Okonkwo met
Vasquez"), an organisation name the run splitter breaks, a country missing from the gazetteer. Choices:

- only PERSON, ORG, NORP (-> group) and GPE (-> country) entities; DATE, CARDINAL, LOC, FAC... never; a
  one-word ORG from which a capitalised word of the document derives ("Valdoria" / "Valdorian") is a country;
- the rules win: an entity overlapping a rule mention is dropped, except that an entity with exactly the span
  of a rule mention the rules could not type (a single unknown word) confirms it, with the entity's type if
  the rules' own evidence (cue verb, title, apposition) still gives none; a
  single word that is the first or last word of a longer person name in the document ("Dravik") stays
  untyped whatever its label (md models often call bare surnames ORG or GPE) so the resolver merges it;
- entities are added before the evidence pass, so titles, appositions and possessives around them are read
  as for any other mention, and merged by the same alias resolution (``resolve``): no duplicate actors;
- junk filters from the parse: names used as modifiers ("Graumont prison", "Japanese minister") unless the
  head is a role word ("Ostrel lawmaker"), objects of locative prepositions for non-persons ("in Kestrava"),
  GPEs that are not agents (subject, possessor, "by"-agent), names in apposition to a place noun;
  and from the text: a leading determiner, title or honorific is peeled off, a span must start with a
  capital, hold no digit or line break and be at most six tokens; document heads ("Accords"), place nouns
  right after, gazetteer demonyms/countries (handled by the rules) and lone function words are not actors.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable

from parley.actors.mention import DETERMINERS
from parley.actors.recognize import Recognizer

TYPES = {"PERSON": "person", "ORG": "organization", "NORP": "group", "GPE": "country"}
LABELS = frozenset(TYPES)
# prepositions whose object is a place, not an agent ("in Kestrava", "near the Vell river")
LOCATIVE = frozenset("""in at near into across outside inside around throughout within toward towards through
    from to via along beyond over onto across between""".split())
# for PERSON entities only the unambiguous ones, and "to" after a verb of motion ("returned to Kestrava")
PERSON_LOCATIVE = frozenset("in at near into across throughout within inside outside".split())
MOTION = frozenset("""return travel fly go come move flee head arrive march walk drive sail retreat visit trip journey
    flight""".split())
MODIFIER_DEPS = frozenset(["amod", "npadvmod", "nmod", "compound", "nummod", "advmod"])
AGENT_DEPS = frozenset(["nsubj", "nsubjpass", "poss"])  # a GPE as object or in apposition is a place
MAX_TOKENS = 6
DEMONYM_ENDINGS = frozenset(["n", "an", "ian", "ean", "ese", "i", "ish", "ic"])


def add_entities(rec: Recognizer, ents: Iterable) -> int:
    """Add ``parley.nlp.Entity`` spans as mentions of ``rec`` (before its evidence pass); returns how many."""
    lex, toks = rec.lex, rec.toks
    starts = [t.s for t in toks]
    ents = list(ents)
    demonyms: dict[str, set[str]] = {}  # a capitalised word without its plural s -> the words
    for d in {e.text for e in ents if e.label == "NORP"} | {t.text for t in toks if t.cap}:
        demonyms.setdefault(d.rstrip("s"), set()).add(d)
    known = _Known(rec)
    added = 0
    for ent in ents:
        typ = TYPES.get(ent.label)
        if typ == "organization" and _has_demonym(ent.text, demonyms):
            typ = "country"  # "Valdoria" beside "Valdorian": a country the gazetteer does not know
        if typ is None or _modifier(ent, typ, lex) or _place(ent, typ, lex):
            continue
        ti = _first_token(starts, ent.start)
        tj = ti
        while tj < len(toks) and toks[tj].e <= ent.end:
            tj += 1
        while tj > ti and toks[tj - 1].kind in ("poss", "punct"):
            tj -= 1
        ti = _peel(rec, ti, tj, typ)
        if ti >= tj or _junk(rec, ti, tj, typ):
            continue
        known.update()
        short = tj - ti == 1 and toks[ti].text in known.name_parts
        if short:
            typ = None  # "Dravik" after "Matthias Dravik": a short name, merged by the resolver, whatever the label
        if any(rec.covered[k] for k in range(ti, tj)):
            # a bare word the rules kept without evidence: the entity confirms it
            for m in known.by_span.get((ti, tj), ()):
                if m.type is None and m.weak and not m.definite and not short:
                    rec.entity_hints.append((m, typ))  # typed after the rules' evidence pass (``settle``)
                    added += 1
            continue
        rec._add(rec._mk(ti, tj, type=typ, evidence=True))
        added += 1
    return added


def settle(rec: Recognizer) -> None:
    """After the evidence pass: a confirmed bare word the rules still could not type takes the entity's type."""
    for m, typ in rec.entity_hints:
        if m.type is None:
            m.type = typ
        m.evidence, m.weak = True, False


def _has_demonym(name: str, demonyms: dict[str, set[str]]) -> bool:
    """True when a capitalised word of the document derives from ``name`` (Valdoria -> Valdorian, Japan -> Japanese):
    the word, less any plural s, is the stem plus a demonym ending (no ending ends in s, so the stem is intact)."""
    if " " in name or len(name) < 4:
        return False
    stem = name[:-1] if name[-1] in "aeiouy" else name
    return any(d != name for end in DEMONYM_ENDINGS for d in demonyms.get(stem + end, ()))


class _Known:
    """What the mentions added so far offer the entity pass, kept up to date as mentions are added (so each entity
    is one lookup, not a pass over every mention): the first and last words of multi-word person names, and the
    mentions by token span."""

    def __init__(self, rec: Recognizer):
        self.rec, self.seen = rec, 0
        self.name_parts: set[str] = set()
        self.by_span: dict[tuple[int, int], list] = {}

    def update(self) -> None:
        toks = self.rec.toks
        for m in self.rec.mentions[self.seen:]:
            if m.type == "person" and m.tj - m.ti > 1:
                self.name_parts.update((toks[m.ti].text, toks[m.tj - 1].text))
            self.by_span.setdefault((m.ti, m.tj), []).append(m)
        self.seen = len(self.rec.mentions)


def _first_token(starts: list[int], off: int) -> int:
    return bisect.bisect_left(starts, off)


def _modifier(ent, typ: str, lex) -> bool:
    """A name used to qualify another word ("Graumont prison"), unless that word is a role ("Ostrel lawmaker")."""
    if ent.dep not in MODIFIER_DEPS:
        return False
    named = " " in ent.text or ent.text.isupper()  # "Ostrel Party lawmaker", "ARJ president"; not "Interior"
    return not (ent.dep == "compound" and typ in ("organization", "group") and named and (ent.head,) in lex.roles)


def _place(ent, typ: str, lex) -> bool:
    if ent.dep == "pobj" and ent.head in LOCATIVE and (typ != "person" or ent.head in PERSON_LOCATIVE
                                                       or (ent.head == "to" and ent.gov in MOTION)):
        return True
    if ent.dep == "appos" and ent.head in lex.place_nouns:
        return True
    if typ == "country" and not (ent.dep in AGENT_DEPS or (ent.dep == "pobj" and ent.head == "by")):
        return True
    return False


def _peel(rec: Recognizer, ti: int, tj: int, typ: str) -> int:
    toks, lex = rec.toks, rec.lex
    while ti < tj:
        if toks[ti].low in DETERMINERS:
            ti += 1
            continue
        if typ == "person":
            n = lex.match_role(toks, ti) or rec._honorific(ti, tj)
            if n and ti + n < tj:
                ti += n
                continue
            c = lex.match_country(toks, ti)
            if c and ti + c[0] < tj:
                ti += c[0]
                continue
        break
    return ti


def _junk(rec: Recognizer, ti: int, tj: int, typ: str) -> bool:
    toks, lex, text = rec.toks, rec.lex, rec.text
    span = toks[ti:tj]
    if tj - ti > MAX_TOKENS or not span[0].cap or "\n" in text[span[0].s:span[-1].e]:
        return True
    if any(ch.isdigit() for t in span for ch in t.text):
        return True
    if tj - ti == 1 and (span[0].low in lex.function_words or span[0].low in lex.weekdays
                         or span[0].low in lex.months or span[0].low in lex.not_names):
        return True
    if span[-1].low in lex.non_actor_heads or lex.match_role(toks, ti) == tj - ti:
        return True
    nxt = toks[tj] if tj < len(toks) else None
    if nxt is not None and nxt.kind == "word" and nxt.low in lex.place_nouns:
        return True
    c = lex.match_country(toks, ti)
    return bool(c and c[0] == tj - ti)  # countries, demonyms, regions: the gazetteer and the rules decide
