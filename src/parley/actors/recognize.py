"""Find actor mentions and the textual evidence about them (titles, appositions, possessives, acronyms).

Why patterns and not a trained NER model: news prose introduces actors in a handful of fixed shapes
("Prime Minister X", "X, spokesman for Y", "Y's Asia director X", "Name (ACR)") and those shapes also carry
the role and affiliation the event coder needs. Choices:

- dictionary names (bundled YAML, user files, names learned earlier in the corpus) are matched first, longest
  form wins, indexed by first token; everything else comes from capitalised runs of tokens;
- a run may hold name particles ("bin", "van"), name-internal possessives ("People's") and, once it holds an
  organisation word, connectors ("Ministry of Foreign Affairs"); "’s" otherwise ends a name (possessive);
- leading function words, courtesy titles, role titles and nationality qualifiers are peeled off a run
  ("Japanese Foreign Minister Taro Kono" -> name "Taro Kono"); a sentence-initial word that the same document
  also uses in lower case is an ordinary word ("Officials", "Court"), not a name;
- runs that end in a document/place head ("Paris Peace Accords", "Royal Palace") or are followed by a place
  noun ("Kbal Thanal bridge") are not actors; countries, capitals and regions come from the gazetteer;
- a single unknown capitalised word is kept only with evidence: a title, an apposition, a speech verb, an
  organisation description, or a longer name in the same document it abbreviates ("Rainsy");
- layout is not names (``actors.layout``): capitals banners, ordinary words in a headline-case line, a label
  alone on its line, a wire dateline's place and agency; a title spanning "of" is peeled whole ("Secretary of
  State Lena Voss"), and a table name inside a longer run is left to that run ("Reuters Television");
- definite descriptions ("the ruling party", "the group", "the prime minister") are found here and resolved
  to actors in ``resolve``.
"""

from __future__ import annotations

import bisect

from parley.actors.dictionary import ActorDictionary
from parley.actors.evidence import EvidencePass, flag_adjectives
from parley.actors.layout import banner_runs, dateline_credit, dateline_places, headline_words
from parley.actors.lexicon import Lexicon, Token
from parley.actors.mention import CUE_VERBS, DETERMINERS, OPP_ADJ, RULING_ADJ, Mention

DEF_HEADS = {"party": "party", "group": "group", "organization": "group", "organisation": "group",
             "movement": "party"}
# adjectives allowed inside a definite description ("the banned opposition party"); any other word
# ("the working group") makes it a different thing
DEF_ADJ = frozenset("""main banned dissolved disbanded outlawed now-defunct defunct former largest same whole
    entire royalist rights""".split())
# capitalised words that open a new sentence, never continue a name: a run "Gadhafi The Al-Jazeera …" is two
# "the X will …": a name with an article before a modal is no person ("the Khmer Rouge will", a ship "the Joe Griffin
# will")
MODALS = frozenset("will would can could may might must should shall".split())
SENTENCE_OPENERS = frozenset("the an this these those but however meanwhile it he she they we".split())
BANNER_WORDS = frozenset("new update updated breaking exclusive watch video live photos latest developing".split())
# nouns after which a capitalised run is the title of a work (songs, books, films, shows), never an actor
WORK_NOUNS = frozenset("""song songs single album albums track record film films movie movies book books novel memoir
    play show series documentary titled entitled hit anthem poem opera musical exhibition painting""".split())
OPEN_CHARS = "“\"‘'`(:—–[-"


# Abbreviated titles before a personal name (US and church usage); a title, never a name or part of one.
_TITLE_ABBREVS = frozenset({"rep", "sen", "gov", "rev", "gen", "lt", "col", "sgt", "capt", "adm", "prof", "msgr",
                            "cmdr", "supt", "insp", "atty", "amb"})



def _particle_hyphen(word: str) -> bool:
    """ "ul-Haq", "al-Baghdadi", "bin-Salman": a short lower-case particle hyphened to a capitalised name part."""
    head, dash, rest = word.partition("-")
    return bool(dash) and head.isalpha() and head.islower() and len(head) <= 3 and rest[:1].isupper()



class Recognizer(EvidencePass):
    def __init__(self, text: str, sentences: list[list[int]], paragraphs: list[list[int]], lex: Lexicon,
                 dictionaries: list[tuple[str, ActorDictionary]], entities: list | None = None):
        self.text = text
        self.entities = entities or []  # parley.nlp.Entity spans from an optional spaCy parse
        self.entity_hints: list = []  # (mention, type) confirmed by an entity, typed after the evidence pass
        self.lex = lex
        self.dicts = dictionaries
        self.toks: list[Token] = lex.tokenize(text)
        self.sent_starts = [s for s, _ in sentences] or [0]
        self.lower_vocab = {t.low for t in self.toks if t.kind == "word" and not t.text[:1].isupper()}
        self.banner = frozenset(banner_runs(self.toks, text) | headline_words(self.toks, paragraphs, self.lower_vocab,
                                                                               lex.org_words))
        self.dateline_places = dateline_places(text)
        self.headers = sorted((s, e) for s, e in paragraphs if self._is_header(s, e))  # paragraphs: disjoint
        self.header_starts = [s for s, _ in self.headers]
        self.group_words = lex.group_words
        self.honorifics = lex.honorific_first  # first word -> the honorifics starting with it, longest first
        self.mentions: list[Mention] = []
        self.covered = [False] * len(self.toks)
        self.by_start: dict[int, int] = {}
        self.by_end: dict[int, int] = {}

    # ------------------------------------------------------------------ helpers
    def _is_header(self, s: int, e: int) -> bool:
        chunk = self.text[s:e]
        return "\n" not in chunk and len(chunk.split()) <= 7 and chunk.rstrip()[-1:] not in ".!?\"”’:,;)"

    def _in_header(self, off: int) -> bool:
        k = bisect.bisect_right(self.header_starts, off)
        return bool(k) and off < self.headers[k - 1][1]

    def _sent(self, off: int) -> int:
        return bisect.bisect_right(self.sent_starts, off) - 1

    def _initial(self, i: int) -> bool:
        t = self.toks[i]
        if i == 0 or self._sent(self.toks[i - 1].s) != self._sent(t.s):
            return True
        j = t.s - 1
        while j >= 0 and self.text[j] == " ":
            j -= 1
        return j < 0 or self.text[j] in OPEN_CHARS or self.text[j] == "\n"

    def place_of(self, i: int) -> bool:
        """toks[i] opens a country name that names a place with the words before it: "Gulf of Mexico", "Bay of
        Bengal" (a gulf or bay, not the country acting; it also must not make the country the article's own)."""
        toks = self.toks
        return i >= 2 and toks[i - 1].low == "of" and toks[i - 2].cap and toks[i - 2].low in self.lex.place_of_heads

    def _joined(self, i: int) -> bool:
        """True when toks[i] and toks[i+1] are in the same sentence and on the same line."""
        if i + 1 >= len(self.toks):
            return False
        a, b = self.toks[i], self.toks[i + 1]
        return "\n" not in self.text[a.e:b.s] and self._sent(a.s) == self._sent(b.s)

    def _add(self, m: Mention) -> int:
        idx = len(self.mentions)
        self.mentions.append(m)
        for k in range(m.ti, m.tj):
            self.covered[k] = True
        return idx

    def _mk(self, ti: int, tj: int, **kw) -> Mention:
        s, e = self.toks[ti].s, self.toks[tj - 1].e
        return Mention(s=s, e=e, ti=ti, tj=tj, text=self.text[s:e], **kw)

    # ------------------------------------------------------------------ passes
    def run(self, entity_pass=None) -> list[Mention]:
        """All passes; ``entity_pass`` (``parley.actors.entities``, which builds on this module) adds the
        optional spaCy entities before the evidence pass and types what they confirmed after it."""
        self._dictionary_pass()
        self._run_pass()
        self._split_glued()
        if self.entities and entity_pass is not None:
            entity_pass.add_entities(self, self.entities)
        self._definite_pass()
        self.mentions.sort(key=lambda m: m.s)
        self._reindex()
        self._evidence_pass()
        if self.entity_hints and entity_pass is not None:
            entity_pass.settle(self)
        flag_adjectives(self)
        return self.mentions

    def _reindex(self) -> None:
        self.by_start = {m.ti: i for i, m in enumerate(self.mentions)}
        self.by_end = {m.tj - 1: i for i, m in enumerate(self.mentions)}

    def _dictionary_pass(self) -> None:
        toks, n = self.toks, len(self.toks)
        i = 0
        while i < n:
            hit = None
            if toks[i].cap:
                for kind, d in self.dicts:
                    r = d.match(toks, i)
                    if r and (hit is None or r[0] > hit[0]):
                        hit = (r[0], r[1], kind, d)
            if not hit:
                i += 1
                continue
            length, idx, kind, d = hit
            entry = d.entries[idx]
            a, end = i, i + length
            if entry.type == "person":  # "SECRETARY-GENERAL_BAN_KI-MOON": keep the title out of the name
                while a < end - 1 and (self.lex.match_role(toks, a) or self._honorific(a, end)):
                    a += self.lex.match_role(toks, a) or self._honorific(a, end)
                if a >= end:
                    a = i
            if entry.type == "country":
                c = self.lex.match_country(toks, i)
                if (c and c[0] == length and c[2] != "name") or self.place_of(i):
                    i = end  # a demonym or a city listed under a country: not the country acting
                    continue
            if dateline_credit(self.text, toks[i].s, toks[end - 1].e):
                i = end
                continue
            if entry.type == "organization" and (k := self._run_end(end)) > end and (
                    toks[k - 1].low in self.lex.non_actor_heads or toks[k - 1].low in self.lex.org_heads):
                i = k  # "the Reuters Global Energy Summit" (an event), "Reuters Television" (another body): the
                continue  # longer run is the name (the run pass reads it), not the table's entry
            m = self._mk(a, end, type=entry.type, acronym=length == 1 and toks[i].acronym)
            if kind == "dict":
                m.entry = idx
            else:
                m.learned = entry.name
            if entry.type == "country":
                m.iso = entry.country or (entry.roles[0].code if entry.roles else None)
            self._add(m)
            i = end

    def _run_pass(self) -> None:
        toks, n, lex = self.toks, len(self.toks), self.lex
        i = 0
        while i < n:
            t = toks[i]
            if self.covered[i] or not t.cap or self._not_name(i):
                i += 1
                continue
            j = i + 1
            has_org = t.low in lex.org_words
            had_prep = False
            while j < n and self._joined(j - 1) and not self.covered[j]:
                u = toks[j]
                if u.cap and (self._not_name(j) or u.low in SENTENCE_OPENERS or u.low == "by"):
                    break  # … "Photos By Gerald Herbert": a credit's "By" starts the name, it is no part of one  # "Gadhafi The Al-Jazeera …", "Libya NEW :": a new sentence or a banner, not the name
                if u.cap:
                    has_org = has_org or u.low in lex.org_words
                    j += 1
                    continue
                nxt_cap = j + 1 < n and toks[j + 1].cap and not self.covered[j + 1] and self._joined(j)
                r = self._title_across(i, j)
                if r:
                    j = r  # "Secretary of State Hillary Clinton": the title's own "of" does not end the run
                    continue
                if u.text == "." and nxt_cap and self._initial_letter(j - 1):
                    j += 1  # "Robert S. Carney": a middle initial's dot does not end the name
                    continue
                if u.kind == "poss" and nxt_cap and (toks[j - 1].low in lex.name_possessives or self._poss_org(j)):
                    j += 1
                    continue
                if u.kind == "word" and not has_org and _particle_hyphen(u.text):
                    j += 1  # "Inzamam ul-Haq", "Abu Bakr al-Baghdadi": a particle joined to a capitalised word
                    continue
                if u.kind == "word" and u.low in lex.particles and not has_org:
                    k = j
                    while k < n and toks[k].kind == "word" and toks[k].low in lex.particles and k - j < 3:
                        k += 1
                    if k < n and toks[k].cap and not self.covered[k] and self._joined(k - 1):
                        j = k
                        continue
                if not has_org and (u.low == "and" or u.text == "&") and (k := self._org_after_and(i, j)):
                    has_org, j = True, k  # "Securities and Exchange Commission": one name across its "and"
                    continue
                if has_org and (u.low in lex.connectors or u.text == "&"):
                    k = j
                    while k < n and (toks[k].low in lex.connectors or toks[k].text == "&") and k - j < 2:
                        k += 1
                    if k < n and toks[k].cap and not self.covered[k] and self._joined(k - 1):
                        if u.low in ("and", "&") and (not had_prep or k - j > 1):
                            break
                        had_prep = had_prep or any(toks[x].low not in ("and", "&", "the") for x in range(j, k))
                        j = k
                        continue
                break
            if not self._titled_work(i):  # "the single Burning Summer Nights": a title, not an actor
                self._split_run(i, j)
            i = j

    def _split_glued(self) -> None:
        """Two names glued into one run by layout ("… '' End Quote Michael Flanagan Conrad Murray 's co-counsel":
        a pull quote's credit line runs into the next words): a person run of four or more words whose first or
        last two-or-more words are, on their own, another person mention of the document is two people."""
        alone = {m.text for m in self.mentions if m.type == "person" and m.tj - m.ti >= 2}
        out = []
        for m in self.mentions:
            n = m.tj - m.ti
            cut = None
            if m.type == "person" and n >= 4 and m.entry is None and m.learned is None:
                for p in range(m.ti + 2, m.tj - 1):
                    head = self.text[m.s:self.toks[p - 1].e]
                    tail = self.text[self.toks[p].s:m.e]
                    if (head in alone and head != m.text) or (tail in alone and tail != m.text):
                        cut = p
                        break
            if cut is None:
                out.append(m)
                continue
            out += [self._mk(m.ti, cut, type="person"), self._mk(cut, m.tj, type="person")]
        self.mentions = out

    def _org_after_and(self, i: int, j: int) -> int:
        """End of an organisation name that runs across the "and" at toks[j] (0 when none).

        A short capitalised run that is no country ("Securities", not "Britain") joined by "and" to a run with an
        organisation word ("Exchange Commission") is one body's name; two named parties ("Libya and the African
        Union", "Hamas and Islamic Jihad" — the dictionary covers the first) stay apart."""
        toks, lex, n = self.toks, self.lex, len(self.toks)
        if i > 0 and toks[i - 1].low in (",", "of"):
            return 0  # "…, Pinjra Tod and Delhi University Students Union": a list's items; "Heads of State and …"
        i += toks[i].low == "the"
        if j - i > 2 or any(lex.match_country(toks, x) for x in range(i, j)):
            return 0
        k = j + 1
        while k < n and k - j <= 3 and toks[k].cap and not self.covered[k] and self._joined(k - 1) \
                and not self._not_name(k):
            k += 1
        return next((x + 1 for x in range(j + 1, k) if toks[x].low in lex.org_words), 0)

    def _run_end(self, k: int) -> int:
        """End of the capitalised words that follow on toks[k-1]'s line and sentence (k when none)."""
        while k < len(self.toks) and self.toks[k].cap and self._joined(k - 1):
            k += 1
        return k

    def _poss_org(self, j: int) -> bool:
        """The possessive toks[j] is inside an organisation's name: one capitalised organisation head ends the name
        after it ("Alzheimer's Society", "Women's Institute"), and the owner before it is no country ("Britain's
        Army" is Britain's)."""
        toks, n = self.toks, len(self.toks)
        k = j + 1
        if toks[k].low not in self.lex.org_heads or self.lex.match_country(toks, j - 1):
            return False
        return not (k + 1 < n and toks[k + 1].cap and self._joined(k))

    def _title_across(self, i: int, j: int) -> int:
        """End of a role title that starts in the run toks[i:j] and runs over the lower-case toks[j] ("Secretary
        of State", "Member of Parliament"), when a capitalised word on the same line follows it; else 0."""
        toks = self.toks
        for p in range(max(i, j - 3), j):
            n = self.lex.match_role(toks, p)
            end = p + n
            if end > j and end < len(toks) and toks[end].cap and not self.covered[end] and all(
                    self._joined(x) for x in range(j - 1, end)):
                return end
        return 0

    def _initial_letter(self, k: int) -> bool:
        """toks[k] is a lone capital letter glued to a following dot ("S." of "Robert S. Carney")."""
        t = self.toks[k]
        return len(t.text) == 1 and t.text.isupper() and self.text[t.e:t.e + 1] == "."

    def _titled_work(self, k: int) -> bool:
        """The run at ``k`` names a work: it follows a work noun ("song", "album", "film", "book", "titled" …),
        maybe with a quotation mark between."""
        j = k - 1
        while j >= 0 and self.toks[j].kind == "punct" and self.toks[j].text in "\"“‘'«":
            j -= 1
        return j >= 0 and self.toks[j].low in WORK_NOUNS

    def _not_name(self, k: int) -> bool:
        """Tokens that are never part of a name however capitalised (issue 16, invented actors): markup such as
        "-LRB-" (a word glued to hyphens on both sides) and an all-capitals banner word that the document also
        uses as an ordinary lower-case word, is a known banner word, heads a "WORD :" label ("NEW :",
        "UPDATE :") or stands in a run of capitals or a headline-case line (``actors.layout``)."""
        t = self.toks[k]
        if self.text[t.s - 1:t.s] == "-" and self.text[t.e:t.e + 1] == "-" or k in self.banner:
            return True
        if len(t.text) < 3 or not t.text.isupper():
            return False
        if t.low in BANNER_WORDS and k + 1 < len(self.toks) and self._joined(k) and self.toks[k + 1].text.isupper() \
                and len(self.toks[k + 1].text) >= 2 and self.text[self.toks[k + 1].e:].lstrip()[:1] != ":":
            return False  # "NEW YORK -LRB- Reuters -RRB-": a place name in a capitals dateline, not a banner
        return t.low in self.lower_vocab or t.low in BANNER_WORDS or self.text[t.e:t.e + 3].lstrip()[:1] == ":"

    def _split_run(self, i: int, j: int) -> None:
        """Peel function words, titles and qualifiers off a capitalised run; add what remains."""
        toks, lex = self.toks, self.lex
        k = i
        # leading function words, courtesy titles, sentence-initial ordinary words
        while k < j:
            low = toks[k].low
            if low in lex.function_words or low in lex.weekdays or low in lex.months or low in lex.not_names:
                c = lex.match_country(toks, k)
                if c and c[0] > 1 and k + c[0] <= j:
                    break  # "New Zealand", "New York": a gazetteer name that opens with a function word
                k += 1
                continue
            h = self._honorific(k, j)
            if h:
                k += h
                continue
            if k == i and self._initial(k) and ((low in self.lower_vocab and not (
                    k + 1 < j and toks[k + 1].low in lex.org_words)) or (
                    j - k == 1 and (low in lex.org_heads or lex.match_role(toks, k) or low in self.group_words))):
                k += 1  # "Officials said", "Police fired": ordinary words that open a sentence
                continue
            break
        if k == i and j - k >= 3 and toks[k].acronym and i > 0 and toks[i - 1].text == "/":
            k += 1  # "Photograph Kirsty Marr/AP Bob Dudley , BP 's chief …": the credit's agency, then the lede
        if k >= j or self._only_title(k, j):
            return  # nothing left, or only a title ("the Prime Minister said")
        run = toks[k:j]
        last = run[-1].low
        org_idx = [x for x in range(k, j) if toks[x].low in lex.org_words or (x == j - 1 and last in lex.org_heads)]
        if org_idx:
            # a role title after the organisation words splits "National Assembly President Heng Samrin"
            p = org_idx[-1] + 1
            while p < j:
                n = lex.match_role(toks, p)
                if n and p + n < j:
                    q = p  # "State Department Deputy Assistant Secretary …": the title's modifiers go with it
                    while q - 1 > org_idx[-1] and toks[q - 1].low in lex.role_modifiers:
                        q -= 1
                    self._add_name(k, q)
                    self._split_run(p + n, j)
                    return
                p += 1
            self._add_name(k, j)
            return
        # qualifiers and titles before a personal name
        while k < j:
            c = lex.match_country(toks, k)
            if c and k + c[0] < j:
                if c[2] == "name" and not self.place_of(k):
                    self._add(self._mk(k, k + c[0], type="country", iso=c[1]))
                k += c[0]
                continue
            n = lex.match_role(toks, k)
            if n and k + n < j:
                k += n
                continue
            if k + 1 < j and (toks[k].low in lex.party_members or toks[k].low in lex.party_qualifiers):
                k += 1  # "Republican Donald Trump", "Democratic Sen. Jane Doe": the party is no part of the name
                continue
            h = self._honorific(k, j)
            if h and k + h < j:
                k += h
                continue
            if toks[k].acronym and k + 1 < j and (lex.match_role(toks, k + 1) or lex.match_country(toks, k + 1)):
                self._add_name(k, k + 1)
                k += 1
                continue
            break
        k = self._after_inner_title(k, j)
        if k < j and not self._only_title(k, j):
            self._add_name(k, j)

    def _after_inner_title(self, k: int, j: int) -> int:
        """Where the personal name starts in a run that holds a title after its first word: the words before the
        title are its portfolio ("Communities Secretary John Denham", "Management" of "Under Secretary of State for
        Management Patrick Kennedy" when the title ends the run before), and the name is the two or more
        capitalised words after it. A run after "<title> for/of" keeps only its last two words when it is
        longer ("for Near Eastern Affairs Janet Sanderson")."""
        toks, lex = self.toks, self.lex
        for p in range(k + 1, j - 2):
            n = lex.match_role(toks, p)
            if n and j - (p + n) >= 2 and lex.roles[tuple(t.low for t in toks[p:p + n])][1] == "head":
                return p + n
        if j - k >= 3 and k >= 2 and toks[k - 1].low in ("for", "of") and self._title_before(k - 1):
            return j - 2
        return k

    def _only_title(self, k: int, j: int) -> bool:
        """toks[k:j] is a title and nothing else, its modifiers included ("Deputy Assistant Secretary")."""
        while k < j - 1 and self.toks[k].low in self.lex.role_modifiers:
            k += 1
        return self.lex.match_role(self.toks, k) == j - k

    def _title_before(self, x: int) -> bool:
        """A title ends within the three tokens before toks[x] ("Secretary of State for", "Minister for")."""
        for p in range(max(0, x - 4), x):
            n = self.lex.match_role(self.toks, p)
            if n and p + n >= x - 2 and p + n <= x:
                return True
        return False

    def _honorific(self, k: int, j: int) -> int:
        if k >= j:
            return 0
        for h in self.honorifics.get(self.toks[k].low, ()):
            n = len(h)
            if k + n <= j and all(self.toks[k + x].low == h[x] for x in range(n)):
                return n
        if k + 1 < j and self.toks[k].low.rstrip(".") in _TITLE_ABBREVS:
            return 1  # "Rep. Jane Doe", "the Rev. John Smith": the abbreviated title is never the name
        return 0

    def _add_name(self, i: int, j: int) -> None:
        """Classify a name candidate toks[i:j] and add it as a mention (or drop it)."""
        toks, lex = self.toks, self.lex
        while j > i and (toks[j - 1].low in lex.weekdays or toks[j - 1].low in lex.months):
            j -= 1
        while i < j and (toks[i].low in lex.weekdays or toks[i].low in lex.months or toks[i].low in lex.not_names
                         or toks[i].low.rstrip(".") in _TITLE_ABBREVS):
            i += 1
        if i >= j or any(t.text[:1].isdigit() for t in toks[i:j]) or dateline_credit(self.text, toks[i].s, toks[j - 1].e):
            return
        last = toks[j - 1].low
        c = lex.match_country(toks, i)
        if last in lex.non_actor_heads and not (c and i + c[0] == j):  # "Ivory Coast" is a country
            return
        if last.rstrip(".") in _TITLE_ABBREVS or last in lex.party_members:
            # "Vermont Sen." of "Vermont Sen. Bernie Sanders" (the name follows the title); "the Wisconsin
            # Republican" (a description of someone named elsewhere): no name of its own
            return
        if c and i + c[0] == j:
            if c[2] == "name" and not self.place_of(i):
                self._add(self._mk(i, j, type="country", iso=c[1]))
            return
        if any(a <= toks[i].s and toks[j - 1].e <= b for a, b in self.dateline_places):
            return  # "METAIRIE , LA. -", "DADHKAI , India -LRB- Reuters -RRB-": the dateline's place
        if j - i >= 2 and (toks[i].low in lex.place_first or (
                toks[i].low in lex.compass_words and (c := lex.match_country(toks, i + 1)) and i + 1 + c[0] == j)):
            return  # "Port Fourchon", "Eastern Libya": a place, not an actor
        m = self._mk(i, j)
        n = j - i
        if n == 1 and lex.org_heads.get(last) == "BUS":
            return  # "Company", "Inc" alone ("Dow Jones & Company , Inc."): a firm's suffix, no name
        org = any(t.low in lex.org_words for t in toks[i:j]) or last in lex.org_heads
        nxt = toks[j] if j < len(toks) else None
        if org:
            m.type = "organization"
        elif last.endswith("s") and last[:-1] in lex.party_members:
            m.type = "group"  # "Senate Republicans", "Democrats": a party's members, not a person
        elif n == 1 and toks[i].acronym:
            if lex.match_role(toks, i) == 1 and lex.roles[(toks[i].low,)][1] == "head":
                return  # "PM", "MP" are titles
            if i > 0 and toks[i - 1].low in ("a", "an"):
                return  # "a CD recording": an acronym for a thing
            m.type, m.acronym = "organization", True
        else:
            if nxt is not None and nxt.kind == "word" and nxt.low in lex.place_nouns:
                return  # "Kbal Thanal bridge", "Kandal province"
            if nxt is not None and nxt.kind == "suffix" and nxt.low.lstrip("-") in ("based",):
                return  # "New York-based": a place
            prev = toks[i - 1] if i > 0 else None
            after = toks[j] if j < len(toks) else None
            if prev is not None and prev.low == "the" and (after is None or after.kind == "punct"
                                                           or after.low in CUE_VERBS or after.low in DETERMINERS
                                                           or after.low in ("has", "have", "had", "is", "was",
                                                                            "were", "are", "which", "who")
                                                           or after.low in MODALS):
                m.type = "organization"  # "the Khmer Rouge": persons do not take an article
            elif n == 1:
                m.weak = True
            elif last.endswith("s") and (d := lex.match_country(toks, j - 1)) and d[0] == 1 and d[2] == "demonym":
                m.type = "group"  # "Christian Syrians", "Sunni Iraqis": a plural demonym names people, not a person
            else:
                m.type = "person"
        if self._in_header(m.s):
            m.weak = True
        self._add(m)

    def _definite_pass(self) -> None:
        """'the (ruling|opposition) party', 'the group', 'the prime minister' -> descriptions to resolve."""
        toks, lex, n = self.toks, self.lex, len(self.toks)
        for i, t in enumerate(toks):
            if (t.low not in ("the", "its", "their", "his", "her") and t.kind != "poss") or self.covered[i]:
                continue
            k = i + 1
            adj: set = set()
            while k < n and k - i <= 4 and toks[k].kind == "word" and not toks[k].cap:
                low = toks[k].low
                if low in DEF_HEADS:
                    break
                if lex.match_role(toks, k):
                    break
                if low in RULING_ADJ:
                    adj.add("ruling")
                elif low in OPP_ADJ:
                    adj.add("opposition")
                elif low not in DEF_ADJ:
                    adj = {"-"}
                    break
                k += 1
            if k >= n or toks[k].kind != "word" or toks[k].cap or (k - i > 4) or "-" in adj:
                continue
            after = toks[k + 1] if k + 1 < n else None
            if toks[k].low in DEF_HEADS:
                if after is not None and (after.cap or (after.kind == "punct" and after.text == "(")):
                    continue  # "the party Funcinpec", "the party (NRP)": a name follows
                if t.low != "the" and not adj and t.kind != "poss":
                    continue  # "its group", "his party" stay unresolved unless qualified
                start = i if t.low == "the" else i + 1
                self._add(self._mk(start, k + 1, definite=DEF_HEADS[toks[k].low], adj=adj))
                continue
            r = lex.match_role(toks, k)
            if r and t.low == "the" and not adj:
                end = k + r
                nx = toks[end] if end < n else None
                if nx is not None and (nx.cap or nx.low in ("of", "and", "’s", "'s") or nx.kind == "poss"):
                    continue
                if k > i + 1 and any(toks[x].low not in lex.role_modifiers for x in range(i + 1, k)):
                    continue
                if lex.roles[tuple(tk.low for tk in toks[k:end])][1] != "head":
                    continue
                m = self._mk(i, end, definite="role")
                m.role = " ".join(tk.low for tk in toks[k:end])
                self._add(m)
