"""Merge mentions into actors, resolve definite descriptions, and give each actor a role, affiliation and code.

Choices (recorded here because they decide the output):

- one actor per real-world actor per document: mentions merge when they match the same dictionary entry, have
  the same normalised text, are bound by parentheses ("National Reform Party (NRP)"), when an acronym spells
  the initials of an organisation name in the document (of/for/and/the skipped), or when a short personal
  name is the first or last part of a longer one ("Rainsy" -> "Sam Rainsy"; the nearest earlier one wins);
- the canonical name is the dictionary name, else the fullest form seen (most words, not an acronym);
- definite descriptions: "the ruling/opposition party" -> the organisation the text calls ruling/opposition
  (else the dictionary code at the date, else the party of the person titled opposition leader, else the only
  other party); "the party" -> the party mentioned last before; "X's party" -> X's party; "the group" -> the
  last non-party organisation before; "the prime minister" -> the person with that role, preferring the
  article's own country, then the most recent;
- groups kept are the collective agents of ``groups.tsv`` (protesters, police, security forces, government,
  military ...) one per (group, country); countries are actors when named as nouns ("Cambodia", "the United
  States"); demonyms ("Cambodian", "Japanese") only qualify other actors and are not country mentions;
- the article's country is the most frequent gazetteer country among names, demonyms and dictionary actors; an
  organisation with no country of its own takes it only when its agent is a state's (``STATE_AGENTS``: a
  ministry, army, court, parliament, party), not a firm, broadcaster, university or unmarked body; a person
  never takes it, only the text's one country when it names no other (a titled person with no country word of
  their own is otherwise coded by role alone: "GOV");
- codes: dictionary code valid at the publication date first (a dissolved party keeps its last code), then
  text evidence: ruling party -> {C}GOVPTY, opposition -> {C}OPP, role titles -> {C}+agent (GOV, LEG, JUD,
  MED ...), the organisation the role is held in, the person a role relates to ("adviser to the PM"), the
  owner organisation ("RFA's Khmer Service"), then what earlier articles taught (``ctx.memory``).
"""

from __future__ import annotations

import bisect
import itertools
import re
import unicodedata
from collections import Counter

from parley.actors.cluster import GENERATIONAL, Cluster, UnionFind, initials, name_words
from parley.actors.definites import DefiniteDescriptions
from parley.actors.dictionary import ActorDictionary, DictEntry
from parley.actors.groups import GroupMentions
from parley.actors.lexicon import Lexicon, norm
from parley.actors.mention import Mention
from parley.actors.recognize import Recognizer
from parley.document import Actor

# agent codes of a state's own institutions: an organisation with one of these and no country word of its own takes
# the article's dominant country (``Resolver._code``)
STATE_AGENTS = frozenset({"GOV", "MIL", "COP", "JUD", "LEG", "PTY"})


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s or "actor"


class Resolver(DefiniteDescriptions, GroupMentions):
    def __init__(self, rec: Recognizer, lex: Lexicon, dicts: dict[str, ActorDictionary], published: str | None,
                 learned: dict):
        self.rec, self.lex, self.dicts = rec, lex, dicts
        self.text = rec.text
        self.ms: list[Mention] = rec.mentions
        self.published = published
        self.learned = learned
        self.clusters: list[Cluster] = []
        self.of: dict[int, int] = {}  # mention idx -> cluster idx
        self.dominant: str | None = None
        self.sole: str | None = None  # the document's only country, when it names one alone
        self._names: dict[str, str] | None = None  # see ``_expand``

    # ------------------------------------------------------------------ entry
    def run(self) -> list[Actor]:
        self.dominant = self._dominant()
        self._cluster()
        self._aggregate()
        self._link()
        self._infer_ruling()
        self._resolve_definites()
        self._link()
        self._groups()
        self._qualified_groups()
        self._codes()
        return self._actors()

    def _entry(self, m: Mention) -> DictEntry | None:
        if m.entry is not None:
            return self.dicts["dict"].entries[m.entry]
        return None

    def _dominant(self) -> str | None:
        counts: Counter = Counter()
        toks = self.rec.toks
        i = 0
        while i < len(toks):  # a name counts once: "South Sudan" is no "Sudan" too
            c = self.lex.match_country(toks, i)
            if c and c[1] and c[2] in ("name", "demonym") and not self.rec.place_of(i):  # not "Gulf of Mexico"
                counts[c[1]] += 1
            i += c[0] if c else 1
        for m in self.ms:
            e = self._entry(m)
            if e is not None and e.country:
                counts[e.country] += 1
        if not counts:
            return None
        self.sole = next(iter(counts)) if len(counts) == 1 else None
        return counts.most_common(1)[0][0]

    # ------------------------------------------------------------------ clustering
    def _key(self, m: Mention):
        if m.entry is not None:
            return ("d", m.entry)
        if m.learned:
            return ("l", m.learned)
        if m.type == "country" and m.iso:
            return ("c", m.iso)
        return ("n", norm(re.sub(r"[’']s$", "", m.text)))

    def _cluster(self) -> None:
        ms = self.ms
        live = [i for i, m in enumerate(ms) if not m.definite]
        uf = UnionFind(len(ms))
        first: dict = {}
        for i in live:
            k = self._key(ms[i])
            if k in first:
                uf.union(first[k], i)
            else:
                first[k] = i
        for i in live:
            if ms[i].bound is not None:
                uf.union(i, ms[i].bound)
        # acronyms spelling the initials of an organisation name in this document: an index from initials to the
        # organisation names (in text order), so each acronym looks up its own letters; the nearest name before
        # it wins, else the first one after
        by_initials: dict[str, tuple[list[int], list[int]]] = {}
        for j in live:
            if not ms[j].acronym and ms[j].type == "organization" and len(name_words(ms[j].text)) > 1:
                idx, starts = by_initials.setdefault(initials(ms[j].text), ([], []))
                idx.append(j)
                starts.append(ms[j].s)
        for i in live:
            m = ms[i]
            if not m.acronym or m.entry is not None or m.bound is not None:
                continue
            hit = by_initials.get(m.text.replace(".", "").upper())
            if hit:
                k = bisect.bisect_left(hit[1], m.s)
                uf.union(i, hit[0][k - 1] if k else hit[0][0])
        # short personal names: "Rainsy" -> "Sam Rainsy", "Ban" -> "Ban Ki-moon". An index of the first and last
        # one or two words of every longer personal name keeps this linear in the number of mentions. A name is
        # not the short form of itself plus a generational suffix ("Donald Trump" is not "Donald Trump Jr."),
        # and a short form shared by several people goes to the most mentioned of them, then the nearest before.
        index: dict[tuple[str, ...], list[int]] = {}
        indexed: dict[int, set] = {}  # mention -> the keys it is indexed under
        for j in live:
            o = ms[j]
            if o.type != "person":
                continue
            e = self._entry(o)
            forms = [[x.lower() for x in name_words(o.text)]] + ([[x.lower() for x in name_words(e.name)]] if e else [])
            keys = set()
            for f in forms:
                for n in (1, 2):
                    if len(f) > n:
                        if not all(x.rstrip(".") in GENERATIONAL for x in f[n:]):
                            keys.add(tuple(f[:n]))
                        keys.add(tuple(f[-n:]))
            for k in keys:
                index.setdefault(k, []).append(j)
            indexed[j] = keys
        weight = Counter(norm(ms[j].text) for j in live if ms[j].type == "person")
        # (short form, its actor) -> the number of merges made when one of the candidates was found in that actor:
        # a repeated short form ("Rainsy" ... "Rainsy") is answered without a pass over its candidates again
        joined: dict[tuple, int] = {}
        merges = 0
        for i in live:
            m = ms[i]
            if m.type not in (None, "person") or m.acronym:
                continue
            w = tuple(x.lower() for x in name_words(m.text))
            if len(w) > 2 or w not in index:
                continue
            ri, own = uf.find(i), w in indexed.get(i, ())
            if not own and joined.get((w, ri)) == merges:
                continue
            if any(j != i and uf.find(j) == ri for j in index[w]):
                if not own:
                    joined[(w, ri)] = merges
                continue  # already joined through its own spelling ("Trump" ... "Trump")
            cands = [j for j in index[w] if j != i]
            if cands:
                merges += 1
                roots = {uf.find(j) for j in cands}
                if len(roots) > 1:
                    top = max(weight[norm(ms[j].text)] for j in cands)
                    cands = [j for j in cands if weight[norm(ms[j].text)] == top]
                    before = [j for j in cands if ms[j].s < m.s]
                    pick = before[-1] if before else cands[0]
                else:
                    pick = cands[0]
                uf.union(i, pick)
        groups: dict[int, list[int]] = {}
        for i in live:
            groups.setdefault(uf.find(i), []).append(i)
        for members in sorted(groups.values(), key=lambda g: ms[g[0]].s):
            c = Cluster(members=sorted(members, key=lambda i: ms[i].s))
            c.first = ms[c.members[0]].s
            for i in c.members:
                e = self._entry(ms[i])
                if e is not None and c.entry is None:
                    c.entry = e
                if ms[i].learned and c.learned is None:
                    c.learned_name = ms[i].learned
                    c.learned = self.learned.get(ms[i].learned)
                if ms[i].type == "country":
                    c.iso = ms[i].iso
            c.type = self._type(c)
            if c.type is None:
                continue
            idx = len(self.clusters)
            self.clusters.append(c)
            for i in c.members:
                self.of[i] = idx

    def _type(self, c: Cluster) -> str | None:
        ms = [self.ms[i] for i in c.members]
        if c.entry is not None:
            return c.entry.type
        if c.learned:
            return c.learned.get("type")
        types = [m.type for m in ms if m.type]
        if "country" in types:
            return "country"
        if all(m.weak for m in ms) and not any(m.evidence for m in ms):
            return None
        if ("organization" in types and not any(m.role for m in ms)
                and types.count("organization") > types.count("person")):  # the majority of typed mentions
            return "organization"
        if "person" in types:
            return "person"
        if "organization" in types:
            return "organization"
        if "group" in types:  # a NORP entity from the optional spaCy parse
            return "group"
        return None

    def _aggregate(self) -> None:
        for c in self.clusters:
            for i in c.members:
                m = self.ms[i]
                if c.role is None and m.role:
                    c.role, c.role_code = m.role, m.role_code
                c.country = c.country or m.country
                c.desc_code = c.desc_code or m.desc_code
                c.adj |= m.adj
            if c.entry is not None:
                c.dict_role = c.entry.role_at(self.published)
            if c.type == "organization" and c.country is None:
                toks = self.lex.tokenize(self.ms[c.members[0]].text)
                hit = self.lex.match_country(toks, 0) if toks else None
                if hit and hit[1]:
                    c.country = hit[1]

    # ------------------------------------------------------------------ links between actors
    def _link(self) -> None:
        for c in self.clusters:
            for i in c.members:
                m = self.ms[i]
                for attr in ("role_org", "relation", "leader_of", "owner"):
                    j = getattr(m, attr)
                    if j is not None and getattr(c, attr) is None and j in self.of and self.of[j] != self.of[i]:
                        setattr(c, attr, self.of[j])
            if c.type == "person" and c.role_org is not None and self.clusters[c.role_org].type == "person":
                c.relation, c.role_org = c.role_org, None
    def _infer_ruling(self) -> None:
        """The party of a head of government holds the executive; the party of the opposition leader does not."""
        for c in self.clusters:
            if c.type != "person" or c.role_code not in ("GOV", "OPP"):
                continue
            for link in (c.leader_of, c.role_org):
                if link is not None and self._is_party(self.clusters[link]) and not self.clusters[link].adj:
                    self.clusters[link].adj.add("ruling" if c.role_code == "GOV" else "opposition")

    # ------------------------------------------------------------------ groups and countries
    def _groups(self) -> None:
        lex, text = self.lex, self.text
        # a group word inside an actor's mention is part of that actor: the mentions sorted by start, with the
        # furthest end reached so far, answer "does any mention overlap s..e" with one bisection
        spans = sorted((self.ms[i].s, self.ms[i].e) for i in self.of)
        span_starts = [a for a, _ in spans]
        reach = list(itertools.accumulate((b for _, b in spans), max))
        form_of = lex.group_forms
        by_key: dict = {}
        for mt in lex.group_re.finditer(text):
            s, e = mt.start(), mt.end()
            k = bisect.bisect_left(span_starts, e)  # spans[:k] start before e
            if k and reach[k - 1] > s:
                continue
            if s > 0 and text[s - 1] == "-":
                continue
            if text[s:e][:1].isupper() and s > 0 and not self._sentence_start(s):
                continue  # "National Police": part of a name
            canon, code = form_of[" ".join(mt.group().lower().split())]
            iso, start = None, s
            # the longest country word right before the group word: two words first ("South Korean army" is not
            # the "Korean" one), then one
            for pm in (re.search(r"(\S+\s+\S+)\s+$", text[max(0, s - 40):s]),
                       re.search(r"(\S+)\s+$", text[max(0, s - 40):s])):
                toks = self.lex.tokenize(pm.group(1)) if pm else None
                hit = self.lex.match_country(toks, 0) if toks else None
                if hit and hit[1] and hit[0] == len(toks):
                    iso, start = hit[1], s - len(pm.group(0))
                    break
            am = re.match(r"\s+of\s+((?:[A-Z][\w.]*\s?){1,3})", text[e:e + 40])
            if am and iso is None:
                toks = self.lex.tokenize(am.group(1).strip())
                hit = self.lex.match_country(toks, 0) if toks else None
                if hit and hit[1] and hit[2] == "name":
                    iso = hit[1]
            iso = iso or self.dominant
            key = (canon, iso)
            if key not in by_key:
                c = Cluster(members=[], type="group", group=canon, iso=iso, country=iso, role_code=code)
                c.first = start
                c.name = canon
                by_key[key] = len(self.clusters)
                self.clusters.append(c)
            c = self.clusters[by_key[key]]
            c.extra.append([start, e])
            surface = text[start:e]
            if start != s and len(surface) > len(c.name):
                c.name = surface[0].upper() + surface[1:] if surface[:1].islower() else surface

    def _sentence_start(self, s: int) -> bool:
        j = s - 1
        while j >= 0 and self.text[j] in " “\"‘'(":
            j -= 1
        return j < 0 or self.text[j] in ".!?\n"

    # ------------------------------------------------------------------ codes, roles, affiliations
    def _cty(self, c: Cluster) -> str:
        return self._own_cty(c) or self.dominant or ""

    @staticmethod
    def _own_cty(c: Cluster) -> str:
        """The country the text or the dictionary gives the actor itself ("" when none)."""
        return c.country or (c.entry.country if c.entry is not None else None) or ""

    def _codes(self) -> None:
        order = sorted(range(len(self.clusters)), key=lambda ci: {"country": 0, "group": 1, "organization": 2,
                                                                  "person": 3}.get(self.clusters[ci].type, 4))
        for _ in range(2):  # persons may depend on persons ("adviser to the prime minister")
            for ci in order:
                c = self.clusters[ci]
                c.code, c.code_source = self._code(c)

    def _code(self, c: Cluster) -> tuple[str | None, str | None]:
        if c.type == "country":
            return c.iso, "dictionary"
        if c.type == "group":
            return (c.iso or "") + (c.role_code or ""), "text"
        if c.dict_role is not None and c.dict_role.code:
            return c.dict_role.code, "dictionary"
        cty = self._cty(c)
        if c.type == "organization":
            if "ruling" in c.adj:
                return cty + "GOVPTY", "text"
            if "opposition" in c.adj:
                return cty + "OPP", "text"
            agent = c.desc_code or self._head_code(c)
            # the article's dominant country is a guess for a state's own institutions only (a ministry, army,
            # court, parliament or party with no country word); a firm, a broadcaster, a university or a body
            # with no telling head ("Royal Society", "Eurasia Group") is not the article's country's
            own = self._own_cty(c)
            if agent:
                base = cty if agent in STATE_AGENTS else own
                return (base + agent if agent != "NGO" or base else "NGO"), "text"
            if c.owner is not None and self.clusters[c.owner].code:
                return self.clusters[c.owner].code, "text"
            if c.learned and c.learned.get("code"):
                return c.learned["code"], "corpus"
            return (own or None), "text"
        # person: the person's own country (a qualifier, an apposition, the dictionary), else the text's only
        # country, never the article's dominant one, which names the country a story is about, not every official
        # in it ("Erdogan USAGOV" in a story about the US and Turkey): no country is better than a wrong one
        own = self._own_cty(c) or self.sole or ""
        org = self.clusters[c.role_org] if c.role_org is not None else None
        if org is not None and org.code and org.code != self._cty(org):
            return org.code, "text"
        if c.role_code:
            if c.role_org is not None and self.clusters[c.role_org].code and not c.country:
                base = self.clusters[c.role_org].code
                if base.startswith(("IGO", "NGO")):
                    return base, "text"
            return own + c.role_code, "text"
        if c.relation is not None and self.clusters[c.relation].code:
            return self.clusters[c.relation].code, "text"
        if c.leader_of is not None and self.clusters[c.leader_of].code:
            return self.clusters[c.leader_of].code, "text"
        if c.learned and c.learned.get("code"):
            return c.learned["code"], "corpus"
        if c.role:
            return own or None, "text"
        return None, None

    def _head_code(self, c: Cluster) -> str:
        for i in c.members:
            w = name_words(self.ms[i].text)
            if w and not self.ms[i].acronym:
                return self.lex.org_heads.get(w[-1].lower(), "")
        return ""

    def _canonical(self, c: Cluster) -> str:
        if c.type == "country":
            return self.lex.countries.get(c.iso, {}).get("name") or self.ms[c.members[0]].text
        if c.entry is not None:
            if c.entry.text_case:  # upper-case dictionary: the article's spelling of the same name
                same = [self.ms[i].text for i in c.members if norm(self.ms[i].text) == norm(c.entry.name)]
                if same:
                    return same[0]
            return c.entry.name
        if c.learned_name:
            return c.learned_name
        forms = [re.sub(r"[’']s$", "", self.ms[i].text) for i in c.members]
        return max(forms, key=lambda f: (not self.ms[c.members[0]].acronym or " " in f, len(name_words(f)), len(f)))

    def _actors(self) -> list[Actor]:
        for c in self.clusters:
            if c.type != "group" or not c.name:
                c.name = self._canonical(c)
        out: list[Actor] = []
        used: Counter = Counter()
        for c in sorted(self.clusters, key=lambda c: c.first):
            spans = sorted({(self.ms[i].s, self.ms[i].e) for i in c.members} | {tuple(x) for x in c.extra})
            if not spans:
                continue
            aliases = []
            for i in c.members:
                f = re.sub(r"[’']s$", "", self.ms[i].text)
                if norm(f) != norm(c.name) and f not in aliases:
                    aliases.append(f)
            role, affiliation, source = self._role_affiliation(c)
            base = slug(c.name)
            used[base] += 1
            aid = base if used[base] == 1 else f"{base}-{used[base]}"
            out.append(Actor(id=aid, name=c.name, type=c.type, aliases=aliases, affiliation=affiliation, role=role,
                             code=c.code or None, mentions=[list(s) for s in spans],
                             source=source or c.code_source))
        return out

    def _role_affiliation(self, c: Cluster) -> tuple[str | None, str | None, str | None]:
        if c.type in ("country", "group"):
            aff = None
            if c.type == "group" and c.iso:
                aff = self.lex.countries.get(c.iso, {}).get("name")
            return None, aff, "text" if c.type == "group" else "dictionary"
        role, aff, src = c.role, None, "text" if c.role else None
        for link in (c.role_org, c.leader_of, c.owner):
            if link is not None:
                aff = self.clusters[link].name
                src = "text"
                break
        if aff is None and c.relation is not None:
            rel = self.clusters[c.relation]
            aff = rel.name if c.role and c.role.split()[-1] in ("loyalist", "ally", "supporter", "aide") else None
        if c.dict_role is not None:
            if role is None and c.dict_role.role:
                role, src = c.dict_role.role, src or "dictionary"
            if aff is None and c.dict_role.affiliation:
                aff = self._expand(c.dict_role.affiliation)
                src = src or "dictionary"
        if c.learned:
            if role is None and c.learned.get("role"):
                role, src = c.learned["role"], src or "corpus"
            if aff is None and c.learned.get("affiliation"):
                aff, src = self._expand(c.learned["affiliation"]), src or "corpus"
        if aff is None and c.type == "person" and c.role_code == "GOV" and c.country:
            aff = self.lex.countries.get(c.country, {}).get("name")
        return role, aff, src

    def _expand(self, name: str) -> str:
        """An affiliation named by the dictionary/memory, in the form this document's actor has."""
        if self._names is None:  # built once, after the canonical names are set: normalised form -> first actor
            self._names = {}
            for c in self.clusters:
                for form in [c.name] + [self.ms[i].text for i in c.members]:
                    self._names.setdefault(norm(form), c.name)
        return self._names.get(norm(name), name)
