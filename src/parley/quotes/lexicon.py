"""Word classes of quote attribution (cue verbs, participles, pronouns, gender words, document nouns).

They are data, in ``parley/data/quotes/cues.yaml``, so that a reader can see and extend them without code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

_WORD_BEFORE = re.compile(r"(?<![\w’'-])([A-Za-z]+) $")
DATA = Path(__file__).resolve().parents[1] / "data" / "quotes" / "cues.yaml"
FIRST_NAMES = DATA.with_name("first_names.tsv")  # first name -> "m"/"f" (1990 US Census lists, see its header)


@dataclass(frozen=True)
class Lexicon:
    cues: frozenset
    zero_that: frozenset
    inverted_only: frozenset
    listener_verbs: frozenset
    listener_words: tuple
    participles: frozenset
    clause_breaks: frozenset
    between: frozenset
    time_re: re.Pattern
    prepositions: frozenset
    pronouns: dict
    male: frozenset
    female: frozenset
    documents: frozenset
    clause_openers: frozenset
    finite: frozenset
    naming: frozenset
    cue_re: re.Pattern
    offices: frozenset = frozenset()
    person_nouns: frozenset = frozenset()
    camp_nouns: frozenset = frozenset()
    adjunct_openers: frozenset = frozenset()
    label_kickers: frozenset = frozenset()
    first_names: dict | None = None
    determiners: frozenset = frozenset()
    raisers: frozenset = frozenset()
    body_nouns: frozenset = frozenset()

    def find_cues(self, text: str, lo: int = 0, hi: int | None = None):
        """The cue matches in ``text[lo:hi]`` that are verbs: not a word after a determiner or a preposition
        ("in states with more diverse electorates", "the reports", "his claims"; a participle after a
        preposition stays a verb: "after saying that"), nor the end of a hyphenated word ("so-called")."""
        for m in self.cue_re.finditer(text, lo, len(text) if hi is None else hi):
            s = m.start()
            if m.group("verb") and s > 0:
                if text[s - 1] == "-":
                    continue
                w = _WORD_BEFORE.search(text, max(0, s - 16), s)
                if w:
                    word = w.group(1).lower()
                    if word in self.determiners or (word in self.prepositions and word != "to"
                                                    and not m.group().endswith("ing")):
                        continue
            yield m


def load_lexicon(path: Path = DATA) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    low = lambda key: frozenset(w.lower() for w in data.get(key, []))  # noqa: E731
    zero, that_only, inv, parts = low("zero_that"), low("that_only"), low("inverted_only"), low("participles")
    words = sorted(zero | that_only | inv | parts, key=len, reverse=True)
    cue_re = re.compile(r"\b(?:(?P<acc>[Aa]ccording to)|(?P<verb>" + _trie(words) + r"))\b")
    return Lexicon(
        cues=zero | that_only, zero_that=zero, inverted_only=inv, listener_verbs=low("listener_verbs"),
        listener_words=tuple(sorted(low("listener_words"), key=len, reverse=True)), participles=parts,
        clause_breaks=low("clause_breaks"), between=low("between"),
        time_re=re.compile(r"\s*(?:(?:" + "|".join(data.get("time_phrases", [])) + r")\b,?\s*){0,3}", re.I),
        prepositions=low("prepositions"), pronouns=dict(data.get("pronouns", {})),
        male=frozenset(w.lower() for w in data["gender_words"]["male"]),
        female=frozenset(w.lower() for w in data["gender_words"]["female"]),
        documents=low("documents"), clause_openers=low("clause_openers"), finite=low("finite"), naming=low("naming_verbs"),
        cue_re=cue_re, offices=low("offices"), person_nouns=low("person_nouns"), camp_nouns=low("camp_nouns"),
        adjunct_openers=low("adjunct_openers"), label_kickers=low("label_kickers"),
        first_names=_first_names(path.with_name(FIRST_NAMES.name)),
        determiners=low("determiners"), raisers=low("raisers"),
        body_nouns=low("body_nouns"),
    )


def _first_names(path: Path) -> dict:
    """First name -> "male"/"female" (empty when the file is absent: a custom lexicon folder without it)."""
    if not path.exists():
        return {}
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, g = line.partition("\t")
            out[name] = "male" if g == "m" else "female"
    return out


def _trie(words) -> str:
    """One regex alternation shaped as a prefix tree ("sa(?:id|ys|y)"): the engine tries each letter once,
    not each of the ~200 cue words in turn. Matches exactly the same strings as "w1|w2|…" with longest first."""
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        end = "" in node
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        return body + "?" if end else body

    return build(tree)


@lru_cache(maxsize=1)
def default_lexicon() -> Lexicon:
    return load_lexicon()

