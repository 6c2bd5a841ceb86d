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
- the article's country is the most frequent gazetteer country among names, demonyms and dictionary actors;
- codes: dictionary code valid at the publication date first (a dissolved party keeps its last code), then
  text evidence: ruling party -> {C}GOVPTY, opposition -> {C}OPP, role titles -> {C}+agent (GOV, LEG, JUD,
  MED ...), the organisation the role is held in, the person a role relates to ("adviser to the PM"), the
  owner organisation ("RFA's Khmer Service"), then what earlier articles taught (``ctx.memory``).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from parley.actors.dictionary import ActorDictionary, DictEntry, RoleSpan
from parley.actors.lexicon import Lexicon, norm
from parley.actors.recognize import Mention, Recognizer, _is_party
from parley.document import Actor

_SKIP_INITIALS = frozenset("of for and the & de du des la le on in to".split())


@dataclass
class Cluster:
    members: list[int]
    type: str | None = None
    entry: DictEntry | None = None
    learned: dict | None = None
    learned_name: str | None = None
    iso: str | None = None
    group: str | None = None
    extra: list[list[int]] = field(default_factory=list)  # definite-description spans
    role: str | None = None
    role_code: str | None = None
    role_org: int | None = None  # cluster index
    country: str | None = None
    relation: int | None = None
    leader_of: int | None = None
    owner: int | None = None
    desc_code: str | None = None
    adj: set = field(default_factory=set)
    dict_role: RoleSpan | None = None
    name: str = ""
    code: str | None = None
    code_source: str | None = None
    first: int = 0


_GENERATIONAL = frozenset({"jr", "sr", "ii", "iii", "iv"})


class _UF:
    def __init__(self, n: int):
        self.p = list(range(n))

    def find(self, x: int) -> int:
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.p[max(a, b)] = min(a, b)


def slug(name: str) -> str:
    s = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    s = re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")
    return s or "actor"


def _words(text: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_](?:[\w.]|[-'’](?=\w))*", text.replace("’s", "").replace("'s", ""))]


def _initials(text: str) -> str:
    return "".join(w[0] for w in _words(text) if w.lower() not in _SKIP_INITIALS).upper()


class Resolver:
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
        self._codes()
        return self._actors()

    def _entry(self, m: Mention) -> DictEntry | None:
        if m.entry is not None:
            return self.dicts["dict"].entries[m.entry]
        return None

    def _dominant(self) -> str | None:
        counts: Counter = Counter()
        toks = self.rec.toks
        for i in range(len(toks)):
            c = self.lex.match_country(toks, i)
            if c and c[1] and c[2] in ("name", "demonym"):
                counts[c[1]] += 1
        for m in self.ms:
            e = self._entry(m)
            if e is not None and e.country:
                counts[e.country] += 1
        if not counts:
            return None
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
        uf = _UF(len(ms))
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
        # acronyms spelling the initials of an organisation name in this document
        for i in live:
            m = ms[i]
            if not m.acronym or m.entry is not None or m.bound is not None:
                continue
            letters = m.text.replace(".", "").upper()
            cands = [j for j in live if not ms[j].acronym and ms[j].type == "organization"
                     and _initials(ms[j].text) == letters and len(_words(ms[j].text)) > 1]
            if cands:
                before = [j for j in cands if ms[j].s < m.s]
                uf.union(i, before[-1] if before else cands[0])
        # short personal names: "Rainsy" -> "Sam Rainsy", "Ban" -> "Ban Ki-moon". An index of the first and last
        # one or two words of every longer personal name keeps this linear in the number of mentions. A name is
        # not the short form of itself plus a generational suffix ("Donald Trump" is not "Donald Trump Jr."),
        # and a short form shared by several people goes to the most mentioned of them, then the nearest before.
        index: dict[tuple[str, ...], list[int]] = {}
        for j in live:
            o = ms[j]
            if o.type != "person":
                continue
            e = self._entry(o)
            forms = [[x.lower() for x in _words(o.text)]] + ([[x.lower() for x in _words(e.name)]] if e else [])
            keys = set()
            for f in forms:
                for n in (1, 2):
                    if len(f) > n:
                        if not all(x.rstrip(".") in _GENERATIONAL for x in f[n:]):
                            keys.add(tuple(f[:n]))
                        keys.add(tuple(f[-n:]))
            for k in keys:
                index.setdefault(k, []).append(j)
        weight = Counter(norm(ms[j].text) for j in live if ms[j].type == "person")
        for i in live:
            m = ms[i]
            if m.type not in (None, "person") or m.acronym:
                continue
            w = tuple(x.lower() for x in _words(m.text))
            if len(w) > 2:
                continue
            cands = [j for j in index.get(w, ()) if j != i]
            if any(uf.find(j) == uf.find(i) for j in cands):
                continue  # already joined through its own spelling ("Trump" ... "Trump")
            if cands:
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

    # ------------------------------------------------------------------ definite descriptions
    def _code_hint(self, c: Cluster) -> str:
        if c.dict_role and c.dict_role.code:
            return c.dict_role.code
        if c.learned and c.learned.get("code"):
            return c.learned["code"]
        return ""

    def _is_party(self, c: Cluster) -> bool:
        if c.type != "organization":
            return False
        if any(_is_party(self.ms[i], self.lex) for i in c.members):
            return True
        code = self._code_hint(c)
        return bool(c.adj) or "PTY" in code or code.endswith("OPP") or (
            c.entry is not None and any("party" in (r.role or "") for r in c.entry.roles))

    def _ruling(self, c: Cluster) -> bool:
        return "ruling" in c.adj or self._code_hint(c).endswith("GOVPTY")

    def _opposition(self, c: Cluster) -> bool:
        return "opposition" in c.adj or self._code_hint(c).endswith("OPP")

    def _last_before(self, pred, pos: int) -> int | None:
        best, best_pos = None, -1
        for ci, c in enumerate(self.clusters):
            if not pred(c):
                continue
            for i in c.members:
                s = self.ms[i].s
                if s < pos and s > best_pos:
                    best, best_pos = ci, s
            for s, _ in c.extra:
                if s < pos and s > best_pos:
                    best, best_pos = ci, s
        return best

    def _resolve_definites(self) -> None:
        for i, m in enumerate(self.ms):
            if not m.definite:
                continue
            ci = None
            if m.definite == "party":
                if m.owner is not None and m.owner in self.of:
                    oc = self.clusters[self.of[m.owner]]
                    for j in oc.members:
                        lo = self.ms[j].leader_of if self.ms[j].leader_of is not None else self.ms[j].role_org
                        if lo is not None and lo in self.of and self._is_party(self.clusters[self.of[lo]]):
                            ci = self.of[lo]
                            break
                elif "ruling" in m.adj:
                    ci = self._pick_party(self._ruling, m.s)
                elif "opposition" in m.adj:
                    ci = self._pick_party(self._opposition, m.s)
                    if ci is None:
                        ci = self._opposition_fallback()
                else:
                    ci = self._last_before(self._is_party, m.s)
            elif m.definite == "group":
                ci = self._last_before(lambda c: c.type == "organization" and not self._is_party(c), m.s)
            elif m.definite == "role":
                ci = self._pick_role(m.role or "", m.s)
            if ci is not None:
                self.of[i] = ci
                self.clusters[ci].extra.append([m.s, m.e])
                if m.definite == "party" and not self.clusters[ci].adj:
                    self.clusters[ci].adj |= m.adj

    def _pick_party(self, pred, pos: int) -> int | None:
        cands = [ci for ci, c in enumerate(self.clusters) if self._is_party(c) and pred(c)]
        if not cands:
            return None
        if len(cands) == 1:
            return cands[0]
        before = self._last_before(lambda c: c in [self.clusters[x] for x in cands], pos)
        return before if before is not None else cands[0]

    def _opposition_fallback(self) -> int | None:
        for c in self.clusters:
            if c.type == "person" and c.role and "opposition" in c.role:
                for i in c.members:
                    lo = self.ms[i].leader_of if self.ms[i].leader_of is not None else self.ms[i].role_org
                    if lo is not None and lo in self.of:
                        return self.of[lo]
        parties = [ci for ci, c in enumerate(self.clusters) if self._is_party(c) and not self._ruling(c)]
        return parties[0] if len(parties) == 1 else None

    def _pick_role(self, role: str, pos: int) -> int | None:
        def has(c: Cluster) -> bool:
            if c.type != "person":
                return False
            roles = [c.role or ""] + ([c.dict_role.role or ""] if c.dict_role else [])
            return any(re.search(rf"(?:^|\s){re.escape(role)}$", r.lower()) for r in roles if r)

        cands = [c for c in self.clusters if has(c)]
        home = [c for c in cands if (c.country or (c.entry.country if c.entry else None) or self.dominant)
                == self.dominant]
        pool = home or cands
        if not pool:
            return None
        ci = self._last_before(lambda c: c in pool, pos)
        return ci if ci is not None else self.clusters.index(pool[0])

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
        spans = sorted((self.ms[i].s, self.ms[i].e) for i in self.of)
        form_of = {f: (canon, code) for canon, code, forms in lex.groups for f in forms}
        by_key: dict = {}
        for mt in lex.group_re.finditer(text):
            s, e = mt.start(), mt.end()
            if any(a < e and s < b for a, b in spans):
                continue
            if s > 0 and text[s - 1] == "-":
                continue
            if text[s:e][:1].isupper() and s > 0 and not self._sentence_start(s):
                continue  # "National Police": part of a name
            canon, code = form_of[" ".join(mt.group().lower().split())]
            iso, start = None, s
            pm = re.search(r"(\S+)\s+$", text[max(0, s - 40):s])
            if pm:
                toks = self.lex.tokenize(pm.group(1))
                hit = self.lex.match_country(toks, 0) if toks else None
                if hit and hit[1] and hit[0] == len(toks):
                    iso, start = hit[1], s - len(pm.group(0))
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
        return c.country or (c.entry.country if c.entry is not None else None) or self.dominant or ""

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
            if agent:
                return (cty + agent if agent != "NGO" or cty else "NGO"), "text"
            if c.owner is not None and self.clusters[c.owner].code:
                return self.clusters[c.owner].code, "text"
            if c.learned and c.learned.get("code"):
                return c.learned["code"], "corpus"
            return (cty or None), "text"
        # person
        org = self.clusters[c.role_org] if c.role_org is not None else None
        if org is not None and org.code and org.code != self._cty(org):
            return org.code, "text"
        if c.role_code:
            if c.role_org is not None and self.clusters[c.role_org].code and not c.country:
                base = self.clusters[c.role_org].code
                if base.startswith(("IGO", "NGO")):
                    return base, "text"
            return cty + c.role_code, "text"
        if c.relation is not None and self.clusters[c.relation].code:
            return self.clusters[c.relation].code, "text"
        if c.leader_of is not None and self.clusters[c.leader_of].code:
            return self.clusters[c.leader_of].code, "text"
        if c.learned and c.learned.get("code"):
            return c.learned["code"], "corpus"
        if c.role:
            return cty or None, "text"
        return None, None

    def _head_code(self, c: Cluster) -> str:
        for i in c.members:
            w = _words(self.ms[i].text)
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
        return max(forms, key=lambda f: (not self.ms[c.members[0]].acronym or " " in f, len(_words(f)), len(f)))

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
        n = norm(name)
        for c in self.clusters:
            if norm(c.name) == n or any(norm(self.ms[i].text) == n for i in c.members):
                return c.name
        return name
