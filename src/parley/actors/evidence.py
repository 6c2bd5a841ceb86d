"""The evidence pass: what the words around each mention say about it (role, organisation, relation, owner).

Why after recognition: a title before a name ("Prime Minister X"), an apposition after it ("X, spokesman for Y"),
a parenthesised acronym ("National Reform Party (NRP)") or a possessive ("Y's Asia director X") can only be read
once every mention is known, because the organisation or person they point at is itself a mention. The pass is a
mixin of ``Recognizer`` (it reads the recognizer's tokens and mentions) and adds nothing to the mention list: it
types mentions, gives them roles and links them by index for ``resolve``.
"""

from __future__ import annotations

from parley.actors.lexicon import Lexicon
from parley.actors.mention import CUE_VERBS, DETERMINERS, OPP_ADJ, PREPS, RULING_ADJ, Mention


class EvidencePass:
    """Methods of ``Recognizer`` (``parley.actors.recognize``) for the evidence pass; ``run`` calls
    ``_evidence_pass`` once the mentions are sorted and indexed by first and last token."""

    def _evidence_pass(self) -> None:
        for idx, m in enumerate(self.mentions):
            if m.definite or m.type == "country":
                continue
            self._before(idx, m)
            self._after(idx, m)
            self._speaker_country(m)
            self._paren(idx, m)
            self._possessive(idx, m)

    def _mention_ending(self, k: int) -> int | None:
        return self.by_end.get(k)

    def _mention_starting(self, k: int) -> int | None:
        return self.by_start.get(k)

    def _role_ending(self, k: int) -> tuple[int, str] | None:
        """(first token index, role text) of the longest role phrase that ends at toks[k]."""
        toks, lex = self.toks, self.lex
        best = None
        for n in range(1, 5):
            a = k - n + 1
            if a < 0:
                break
            if any(toks[x].kind not in ("word", "punct") or (toks[x].kind == "punct" and toks[x].text != "-")
                   for x in range(a, k + 1)):
                break
            key = tuple(toks[x].low for x in range(a, k + 1))
            if key in lex.roles:
                best = (a, key)
        if not best:
            return None
        a, key = best
        # modifiers ("former", "acting") and a region specifier ("Asia director")
        while a > 0 and toks[a - 1].kind == "word" and toks[a - 1].low in lex.role_modifiers:
            a -= 1
        c = None
        if a > 0:
            for n in (2, 1):
                b = a - n
                if b >= 0:
                    c = lex.match_country(toks, b)
                    if c and c[0] == n and c[1] == "" and c[2] == "region":
                        a = b
                        break
        text = " ".join(toks[x].text if toks[x].cap and lex.match_country(toks, x) else toks[x].low
                        for x in range(a, k + 1))
        return a, text

    def _apply_role(self, m: Mention, role: str, first: int) -> None:
        """Record a role and look left of it for the organisation or nationality that qualifies it."""
        toks, lex = self.toks, self.lex
        full = tuple(toks[x].low for x in range(first, first + len(role.split())))
        key = tuple(w for w in role.lower().split() if w not in lex.role_modifiers) or tuple(role.lower().split())
        code = None
        for cand in [full[n:] for n in range(len(full))] + [key[n:] for n in range(len(key))]:
            if cand in lex.roles:
                code = lex.roles[cand][0]
                break
        if m.role is None:
            m.role, m.role_code = role, code
        m.evidence = True
        if m.type is None:
            m.type = "person"
        q = first - 1
        if q < 0:
            return
        if toks[q].kind == "poss" and q > 0:
            o = self._mention_ending(q - 1)
            if o is not None and self.mentions[o].type != "person":
                if self.mentions[o].type == "country":
                    m.country = m.country or self.mentions[o].iso
                elif m.role_org is None:
                    m.role_org = o
            return
        o = self._mention_ending(q)
        if o is not None and self.mentions[o].type in ("organization", None) and not self.mentions[o].definite:
            if m.role_org is None:
                m.role_org = o
            return
        m.country = m.country or self._title_country(q)

    def _title_country(self, q: int) -> str | None:
        """The country named just before a title that ends before toks[q + 1]: a country or demonym right before
        it ("Japanese Prime Minister"), before one or two capitalised title words the role table does not hold
        ("Saudi Crown Prince", "Saudi Arabia's Crown Prince", "US Deputy Defense Secretary"), or before an earlier
        title and a comma ("Bahraini Prime Minister, Prince Khalifa"). Why: a person's own country word beats the article's dominant one."""
        toks = self.toks
        for skip in range(3):
            if q < 0:
                return None
            iso = self._country_ending(q)
            if iso:
                return iso
            if toks[q].kind == "poss" and q > 0:  # "Saudi Arabia's Crown Prince"
                return self._country_ending(q - 1)
            if toks[q].text == "," and skip == 0 and q > 0:
                r = self._role_ending(q - 1)
                return self._title_country(r[0] - 1) if r else None
            if not (toks[q].kind == "word" and toks[q].cap) or self._mention_ending(q) is not None:
                return None
            q -= 1
        return None

    def _country_ending(self, q: int) -> str | None:
        """The iso3 of a country mention or gazetteer name/demonym that ends at toks[q]."""
        o = self._mention_ending(q)
        if o is not None and self.mentions[o].type == "country":
            return self.mentions[o].iso
        for n in (3, 2, 1):
            b = q - n + 1
            if b >= 0:
                c = self.lex.match_country(self.toks, b)
                if c and c[0] == n and c[1]:
                    return c[1]
        return None

    def _before(self, idx: int, m: Mention) -> None:
        toks = self.toks
        k = m.ti - 1
        if k < 0:
            return
        if toks[k].text == "." and k > 0:
            k -= 1
        if self._honorific(k, k + 1) and m.type in (None, "person"):
            m.type, m.evidence = "person", True
            return
        comma = toks[k].text == ","
        if comma:
            k -= 1
            if k < 0:
                return
        r = self._role_ending(k)
        if not r:
            return
        first, role = r
        if comma:
            d = toks[first - 1] if first > 0 else None
            if d is None or not (d.low in DETERMINERS or d.kind == "poss" or self._mention_ending(first - 1) is not None):
                return
        if m.type == "organization":
            return
        self._apply_role(m, role, first)

    def _speaker_country(self, m: Mention) -> None:
        """A titled speaker after the clause ("Russia has begun …, Defence Minister Sergei Shoigu said") speaks for
        the country that is that sentence's subject: its first words, a country name before a lower-case word. Why:
        an official reporting his state's act is that state's, and nothing else in the sentence names his country."""
        toks, n = self.toks, len(self.toks)
        v = m.tj + (m.tj < n and toks[m.tj].low in ("has", "had"))  # "…, Foreign Minister X has said"
        if m.country or not m.role or v >= n or toks[v].low not in CUE_VERBS:
            return
        r = self._role_ending(m.ti - 1)
        if not r or r[0] < 1 or toks[r[0] - 1].text != ",":
            return
        sent = self._sent(toks[r[0]].s)
        i = r[0] - 1
        while i > 0 and self._sent(toks[i - 1].s) == sent:
            i -= 1
        if toks[i].low == "the":
            i += 1
        o = self._mention_starting(i)
        if o is None or self.mentions[o].type != "country":
            return
        k = self.mentions[o].tj
        if k < n and toks[k].kind == "word" and not toks[k].cap:
            m.country = self.mentions[o].iso

    def _after(self, idx: int, m: Mention) -> None:
        toks, lex, n = self.toks, self.lex, len(self.toks)
        k = m.tj
        plural_opener = m.weak and self._initial(m.ti) and m.text.endswith("s")  # "Supporters said"
        if k < n and toks[k].kind == "word" and toks[k].low in CUE_VERBS and not plural_opener:
            if m.type is None:
                m.type = "person"
            m.evidence = True
        if m.role and m.type == "person" and k + 1 < n and toks[k].low == "of":  # "King Hassan of Morocco"
            o = self._mention_starting(k + 2 if toks[k + 1].low == "the" else k + 1)
            if o is not None and self.mentions[o].type == "country":
                m.country = m.country or self.mentions[o].iso
        # "Funcinpec royalist party": a lowercase description right after the name
        self._description(m, k, comma=False)
        if k >= n or toks[k].text != ",":
            return
        k += 1
        if self._description(m, k - 1, comma=True):
            return
        while k < n and toks[k].low in DETERMINERS and not toks[k].cap:
            k += 1
        found = False
        while True:
            mod_start = k
            while k < n and toks[k].low in lex.role_modifiers and not toks[k].cap:
                k += 1
            qual = None
            o = self._mention_starting(k)
            if o is not None and self.mentions[o].type in ("organization", None, "person") and o != idx:
                qual = o
                k = self.mentions[o].tj
            c = lex.match_country(toks, k) if qual is None else None
            country = None
            if c and c[1]:
                country = c[1]
                k += c[0]
            start = k if (qual is not None or country) else mod_start
            while k < n and toks[k].low in lex.role_modifiers:
                k += 1
            r = lex.match_role(toks, k)
            if not r:
                break
            qstart = self.mentions[qual].ti if qual is not None else k
            mods = [toks[x].low for x in range(mod_start, qstart) if toks[x].low in lex.role_modifiers]
            role = " ".join(mods + [toks[x].low for x in range(k - (k - start if qual is None and not country
                                                                            else 0), k + r)
                                    if toks[x].low not in mods or x >= k])
            if m.type == "organization":
                return
            if qual is not None and self.mentions[qual].type == "person":
                m.relation = qual  # "Kem Sokha loyalist"
                if m.role is None:
                    m.role = role
                m.evidence = True
                m.type = m.type or "person"
            else:
                if not found:
                    self._apply_role(m, role, start if qual is None else self.mentions[qual].ti)
                if qual is not None and m.role_org is None:
                    m.role_org = qual
                if country and not m.country:
                    m.country = country
            found = True
            k += r
            if k < n and toks[k].low == "and":
                k += 1
                continue
            break
        if not found:
            return
        if k < n and toks[k].low in PREPS:
            prep = toks[k].low
            k += 1
            skip = 0
            while k < n and skip < 4 and self._mention_starting(k) is None and toks[k].kind in ("word", "punct") \
                    and not toks[k].cap and toks[k].text != ",":
                k += 1
                skip += 1
            o = self._mention_starting(k)
            if o is None:
                # the object may sit after a qualifier ("to Japanese Prime Minister Shinzo Abe")
                for x in range(k, min(n, k + 5)):
                    if toks[x].text in ",.;":
                        break
                    if self._mention_starting(x) is not None and self.mentions[self._mention_starting(x)].type \
                            in ("person", None):
                        o = self._mention_starting(x)
                        break
            if o is not None and o != idx:
                om = self.mentions[o]
                if om.type == "country" and prep == "of":
                    m.country = m.country or om.iso  # "Putin, President of Russia"
                elif om.type == "person" or (prep == "to" and om.type is None):
                    m.relation = o
                elif om.type in ("organization", None) or om.definite in ("party", "group"):
                    if m.role_org is None:
                        m.role_org = o
                    # ", an election monitoring group" after the organisation
                    self._description(om, om.tj, comma=True)

    def _description(self, m: Mention, k: int, comma: bool) -> bool:
        """An organisation description after a name: ", an election monitoring group" / " royalist party"."""
        toks, lex, n = self.toks, self.lex, len(self.toks)
        if comma:
            if k >= n or toks[k].text != ",":
                return False
            k += 1
            if k < n and toks[k].low in ("a", "an", "the"):
                k += 1
            else:
                return False
        best = None
        for a in range(k, min(n, k + 4)):
            if toks[a].kind != "word" or toks[a].cap:
                break
            for b in range(a + 1, min(n, a + 4) + 1):
                key = tuple(toks[x].low for x in range(a, b))
                if key in lex.org_descriptions and (b >= n or toks[b].kind != "word" or toks[b].cap):
                    best = (b, lex.org_descriptions[key])
            if best:
                break
        if not best or m.type == "person" and not comma:
            return False
        if m.type in ("person",) and m.role:
            return False
        m.type, m.desc_code, m.evidence = "organization", best[1] or m.desc_code, True
        return True

    def _paren(self, idx: int, m: Mention) -> None:
        toks, n = self.toks, len(self.toks)
        k = m.tj
        if k + 2 < n and toks[k].text == "(" and toks[k + 2].text == ")" and toks[k + 1].acronym:
            o = self._mention_starting(k + 1)
            if o is not None:
                self.mentions[o].bound = idx
                self.mentions[o].type = m.type or self.mentions[o].type
            if m.type is None:
                m.type = "organization"
            m.evidence = True

    def _possessive(self, idx: int, m: Mention) -> None:
        toks, n = self.toks, len(self.toks)
        k = m.tj
        if k >= n or toks[k].kind != "poss":
            return
        k += 1
        adj = set()
        while k < n and toks[k].kind == "word" and toks[k].low in RULING_ADJ | OPP_ADJ:
            adj.add("ruling" if toks[k].low in RULING_ADJ else "opposition")
            k += 1
        o = self._mention_starting(k)
        if o is None or o == idx:
            return
        om = self.mentions[o]
        if adj and om.type in ("organization", None):
            om.adj |= adj
        if om.definite:
            om.owner = idx  # "Hun Sen's party": resolved through the owner's affiliation
            return
        if om.type == "organization":
            if m.type in ("person", None) and not m.acronym and (om.definite or is_party_mention(om, self.lex)):
                m.leader_of = o
                if m.type is None:
                    m.type, m.evidence = "person", True
            elif m.type == "organization":
                om.owner = idx
            elif m.type == "country":
                om.country = m.iso


def is_party_mention(m: Mention, lex: Lexicon) -> bool:
    return m.definite == "party" or lex.org_heads.get(m.text.split()[-1].lower()) == "PTY" or m.desc_code == "PTY"


def flag_adjectives(rec: EvidencePass) -> None:
    """'the ruling Cambodian People's Party', 'the opposition CNRP' -> flags on the organisation mention."""
    toks = rec.toks
    for m in rec.mentions:
        if m.type != "organization" or m.definite:
            continue
        k = m.ti - 1
        seen = 0
        while k >= 0 and seen < 3 and toks[k].kind == "word" and not toks[k].cap:
            if toks[k].low in RULING_ADJ:
                m.adj.add("ruling")
            elif toks[k].low in OPP_ADJ:
                m.adj.add("opposition")
            elif toks[k].low in ("the", "main", "banned", "dissolved", "largest", "former", "now-defunct"):
                pass
            else:
                break
            k -= 1
            seen += 1
