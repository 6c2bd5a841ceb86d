"""Nominal group mentions: a country word + a sector head ("Rwandan rebels", "Serbian authorities", "Iraqi
civilians", "Sudan's rebels") and plural demonyms ("the Palestinians") as group actors with a CAMEO code.

Why: event coders (CAMEO, PLOVER) code such phrases as country + sector (RWAREB, SRBGOV, IRQCVL), but they are no
name, and the actors stage kept only names and the collective groups of ``groups.tsv``: on the GSR tune sentences
152 of 492 gold sides had no actor mention at all, so they had no code.

Rules (decide the output):

- a head of ``data/actors/sector_heads.tsv`` is an actor only where a country word qualifies it: a gazetteer
  demonym or country name right before it ("Serbian authorities", "Russia's envoy"), across at most two
  lower-case modifiers ("Afghan rebel leaders", "Iraqi Kurdish"-style capitalised words are not modifiers). A
  bare "rebels" or "officials" takes no article country: it names no one actor (``actors5`` found bare "rebels"
  cost article sides) and stays the events stage's generic participant. So these groups never take the
  article's dominant country: the country is the one the phrase itself names.
- the sector is that of the first modifier or head with one, in this table or ``groups.tsv`` ("Afghan rebel
  leaders" REB, "Palestinian opposition leaders" OPP, "Palestinian leaders" GOV).
- a singular head is a head only where no noun follows it: followed by punctuation, a function word, an
  auxiliary, a speech verb or a past form ("a Russian official said / offered", "a British militant who"), not by
  another noun ("a Palestinian refugee camp", "guerrilla camps") nor a capitalised name ("Israeli minister David
  Levy" is the person, a role title).
- a demonym before a capitalised plural is a people of that country ("Bosnian Serbs", "Iraqi Kurds"), coded with
  the country alone;
- a plural demonym alone ("the Palestinians", "Israelis"), not part of a capitalised run, is the people of that
  country: a group coded with the country alone, as PETRARCH2's country dictionary codes "+PALESTINIANS_" [PSE];
  not after a quantifier of the people in general ("all Americans", "many Iraqis": no acting side);
  not when "of"/"in" another country follows ("Albanians of southern Serbia" live in Serbia), and no
  demonym after "ethnic" ("ethnic Turks" in Sweden) is a country word.
- one actor per (head word, country) per document; spans inside an actor already found are left to that actor.

The methods are a mixin of ``Resolver`` (``parley.actors.resolve``), run after its ``_groups``.
"""

from __future__ import annotations

import bisect
from functools import lru_cache
from pathlib import Path

from parley.actors.cluster import Cluster
from parley.actors.mention import CUE_VERBS

DATA = Path(__file__).resolve().parents[1] / "data" / "actors" / "sector_heads.tsv"
MAX_MODIFIERS = 2


# words that are no modifier between a country word and its head: auxiliaries and verb forms ("Lebanese said
# civilians", "Israeli planes were ...") would glue a clause to the head
# quantifiers before a plural demonym that make it the people in general ("all Americans", "many Iraqis"), not a
# side; a count stays a side ("arrested more than 100 Palestinians")
WHOLE_PEOPLE = frozenset("all many most some few ordinary fellow".split())
# a word before a demonym that makes it an ethnicity, not a country ("ethnic Turks" in Sweden)
ETHNIC = frozenset({"ethnic"})
NOT_MODIFIERS = frozenset("is are was were be been being has have had will would can could may might must should "
                          "not no".split())


@lru_cache(maxsize=1)
def sector_heads() -> dict[str, tuple[str, str, bool]]:
    """Lower-case head form -> (canonical head, CAMEO sector code, plural or collective form)."""
    out: dict[str, tuple[str, str, bool]] = {}
    for line in DATA.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canon, code, singular, plural = (line.split("\t") + ["", "", ""])[:4]
        for forms, is_plural in ((singular, False), (plural, True)):
            for f in forms.split(";"):
                if f.strip():
                    out[f.strip().lower()] = (canon.strip(), code.strip(), is_plural)
    return out


class GroupMentions:
    """Methods of ``Resolver`` that add the country-qualified group mentions (see the module docstring)."""

    def _covered(self):
        """(starts, reach) over every span already some actor's: "does any overlap s..e" is one bisection."""
        spans = sorted([(self.ms[i].s, self.ms[i].e) for i in self.of]
                       + [(a, b) for c in self.clusters for a, b in c.extra])
        reach, far = [], -1
        for _, b in spans:
            far = max(far, b)
            reach.append(far)
        return [a for a, _ in spans], reach

    def _qualified_groups(self) -> None:
        lex, toks = self.lex, self.rec.toks
        heads = sector_heads()
        starts, reach = self._covered()

        def free(s: int, e: int) -> bool:
            k = bisect.bisect_left(starts, e)
            return not (k and reach[k - 1] > s)

        by_key: dict = {}
        i, n = 0, len(toks)
        while i < n:
            c = lex.match_country(toks, i)
            if not c or not c[1] or c[2] not in ("name", "demonym") or self.rec.place_of(i):
                i += c[0] if c else 1
                continue
            length, iso, kind = c
            j = i + length
            if i > 0 and toks[i - 1].low in ETHNIC:
                i = j  # "ethnic Albanians (in Macedonia)": a people, not the country's
                continue
            if kind == "name" and j < n and toks[j].kind == "poss":
                j += 1  # "Sudan's rebels"
            # a country name's own modifiers only after its possessive ("Sudan's rebel leaders"); right before
            # the head otherwise ("Iraq officials")
            hit = self._head_after(toks, j, heads, MAX_MODIFIERS if kind == "demonym" or j > i + length else 0)
            if hit is not None:
                end, _, code = hit
                s = toks[i].s if kind == "demonym" else toks[j].s  # the country name is its own actor
                if free(s, toks[end - 1].e) and not self._title(toks, j, end):
                    # one actor per head word and country: "Russian diplomats" and "Russian negotiators" share a
                    # code, not a name
                    self._add_group(by_key, (toks[end - 1].low, iso), s, toks[end - 1].e, iso + code, iso, toks[i].s)
                i = end
                continue
            if kind == "demonym" and length == 1 and self._plural_demonym(toks, i, iso) and \
                    free(toks[i].s, toks[i].e):
                self._add_group(by_key, (toks[i].low, iso), toks[i].s, toks[i].e, iso, iso, toks[i].s)
            elif kind == "demonym" and self._people_after(toks, j) and free(toks[i].s, toks[j].e):
                self._add_group(by_key, (toks[j].low, iso), toks[i].s, toks[j].e, iso, iso, toks[i].s)
                j += 1
            i = j

    def _head_after(self, toks, j: int, heads: dict, modifiers: int) -> tuple[int, str, str] | None:
        """(end token, canonical head, sector code) of up to ``modifiers`` modifiers + a sector head starting at
        ``toks[j]``."""
        lex, groups = self.lex, self.lex.group_forms
        code = ""
        for k in range(j, min(j + modifiers + 1, len(toks))):
            t = toks[k]
            if t.kind != "word" or t.cap or t.low in lex.function_words or t.low in NOT_MODIFIERS or \
                    t.low in CUE_VERBS or t.low.endswith(("ly", "ed")) or not t.low.isalpha():
                return None  # "Libya freed 37 prisoners": a clause, not a phrase
            if t.low in heads:
                canon, own, plural = heads[t.low]
                nxt = toks[k + 1] if k + 1 < len(toks) else None
                if nxt is not None and nxt.kind == "word" and nxt.low in heads and heads[nxt.low][2]:
                    code = code or own  # "rebel leaders": the first is a modifier, the next the head
                    continue
                if plural or nxt is None or nxt.kind != "word" or not nxt.cap and (
                        nxt.low in lex.function_words or nxt.low in CUE_VERBS or nxt.low in NOT_MODIFIERS
                        or nxt.low.endswith("ed")):
                    return k + 1, canon, code or own
                code = code or own  # "refugee camp": a modifier, and no head follows within reach
                continue
            if t.low in groups:
                return None  # "Israeli army officials": groups.tsv's word is that actor (``_groups``)
        return None

    def _people_after(self, toks, j: int) -> bool:
        """A capitalised plural right after a demonym, not followed by another capitalised word: a people of that
        country ("Bosnian Serbs", "Iraqi Kurds"), not a name (a name the recognizer read is a mention already)."""
        if j >= len(toks) or toks[j].kind != "word" or not toks[j].cap or not toks[j].low.endswith("s") or \
                toks[j].low in self.lex.function_words or self.lex.match_country(toks, j) and \
                self.lex.match_country(toks, j)[2] != "demonym":
            return False
        nxt = toks[j + 1] if j + 1 < len(toks) else None
        return not (nxt is not None and nxt.kind == "word" and nxt.cap)

    def _title(self, toks, j: int, end: int) -> bool:
        """A role title of two words or more ends at the head ("Israeli prime minister", "the Iraqi foreign
        minister"): a person the roles stage names, not a group."""
        return any(self.lex.match_role(toks, k) == end - k for k in range(j, end - 1))

    def _plural_demonym(self, toks, i: int, iso: str) -> bool:
        t = toks[i]
        if not (t.low.endswith("s") and t.low[:-1] in {d.lower() for d in self.lex.countries[iso]["demonyms"]}):
            return False
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if prev is not None and prev.low in WHOLE_PEOPLE:
            return False  # "help all Americans": the people in general, no acting side
        if nxt is not None and nxt.low in ("of", "in") and self._other_country(toks, i + 2, iso):
            return False  # "Albanians of southern Serbia": they live in another country
        return not (nxt is not None and nxt.kind == "word" and nxt.cap)

    def _other_country(self, toks, k: int, iso: str) -> bool:
        """A country word other than ``iso`` at ``toks[k]``, past up to two lower-case words ("of southern
        Serbia", "in the Serbian province")."""
        for j in range(k, min(k + 3, len(toks))):
            c = self.lex.match_country(toks, j)
            if c:
                return bool(c[1]) and c[1] != iso
            if toks[j].kind != "word" or toks[j].cap:
                return False
        return False

    def _add_group(self, by_key: dict, key, s: int, e: int, code: str, iso: str, name_start: int) -> None:
        """One more span of the (head, country) group; its name is the first phrase with its country word
        ("Sudan's rebels" though the span leaves the country's own mention "Sudan" to the country)."""
        if key not in by_key:
            c = Cluster(members=[], type="group", group=key[0], iso=iso, country=iso, role_code=code[len(iso):])
            c.first, c.name = s, self.text[name_start:e]
            by_key[key] = len(self.clusters)
            self.clusters.append(c)
        c = self.clusters[by_key[key]]
        c.extra.append([s, e])
