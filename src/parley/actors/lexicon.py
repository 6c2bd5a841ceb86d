"""Word lists, gazetteer and tokens for actor recognition (all loaded from ``parley/data/actors``).

Why a module of its own: every list the recogniser consults is data (YAML/TSV with its source named), loaded
once per process through ``ctx.get``; the code only knows *kinds* of words (role, organisation head, place
noun...), never names. Tokens keep character offsets into ``doc.text`` so every mention can be sliced back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "actors"

_ROLE_MODIFIERS = frozenset(
    """former acting deputy vice senior top chief interim incoming outgoing then late exiled self-exiled
    co honorary assistant associate principal special first second executive current longtime long-time
    veteran junior""".split()
)


@dataclass
class Token:
    s: int
    e: int
    text: str
    kind: str = "word"  # word | punct | poss | suffix
    # computed once, when the token is made (tokens are never changed after tokenising): the recognizer asks
    # for them several times per token and pattern, and a lazy property cost more than computing every one
    low: str = field(init=False, repr=False, compare=False)
    cap: bool = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.low = self.text.lower().replace("’", "'")
        self.cap = self.kind == "word" and self.text[:1].isupper()

    @property
    def acronym(self) -> bool:
        return self.kind == "word" and bool(_ACRONYM.match(self.text))


_ACRONYM = re.compile(r"^(?:[A-Z]\.){2,}$|^[A-Z][A-Z0-9]{1,7}$|^[A-Z]{2,}(?:-[A-Z]{2,})+$")
_TOKEN = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_](?:\w|[-'’](?=\w))*|[^\w\s]")


def norm(s: str) -> str:
    """Key for comparing names: lower case, curly apostrophes straightened, spaces collapsed."""
    return " ".join(s.replace("’", "'").replace("‘", "'").lower().split())


@dataclass
class Lexicon:
    function_words: frozenset
    weekdays: frozenset
    months: frozenset
    not_names: frozenset
    honorifics: list  # token tuples, longest first
    particles: frozenset
    connectors: frozenset
    name_possessives: frozenset
    modifier_suffixes: frozenset
    org_heads: dict
    org_words: frozenset
    non_actor_heads: frozenset
    place_nouns: frozenset
    party_members: frozenset
    party_qualifiers: frozenset
    org_descriptions: dict  # token tuple -> code
    roles: dict  # token tuple -> (code, kind)
    role_first: dict  # first token -> list of token tuples, longest first
    role_modifiers: frozenset = _ROLE_MODIFIERS
    place_first: frozenset = frozenset()  # "Port Fourchon", "Mount Sinai": a run opening with one is a place
    compass_words: frozenset = frozenset()  # "Eastern Libya": a region, not the country acting
    place_of_heads: frozenset = frozenset()  # "Gulf of Mexico": the country after "<head> of" names a place
    countries: dict = field(default_factory=dict)  # iso3 -> {"name", "names", "demonyms"}
    country_forms: dict = field(default_factory=dict)  # token tuple -> (iso3, "name"|"demonym"|"place")
    country_first: dict = field(default_factory=dict)
    groups: list = field(default_factory=list)  # (canonical, code, forms)
    group_re: re.Pattern | None = None

    # derived from the lists above once they are loaded (the recognizer and resolver ask for them per article)
    @cached_property
    def group_words(self) -> frozenset:
        """One-word group forms."""
        return frozenset(f for _, _, forms in self.groups for f in forms if " " not in f)

    @cached_property
    def group_forms(self) -> dict:
        """Group form -> (canonical name, code)."""
        return {f: (canon, code) for canon, code, forms in self.groups for f in forms}

    @cached_property
    def honorific_first(self) -> dict:
        """First word -> the honorifics starting with it, longest first."""
        out: dict[str, list] = {}
        for h in self.honorifics:
            out.setdefault(h[0], []).append(h)
        return out

    def tokenize(self, text: str, start: int = 0, end: int | None = None) -> list[Token]:
        return tokenize(text, start, end, self.modifier_suffixes)

    def match_role(self, toks: list[Token], i: int) -> int:
        """Length (in tokens) of the longest role phrase starting at ``toks[i]``, else 0."""
        if i >= len(toks) or toks[i].kind != "word":
            return 0
        for cand in self.role_first.get(toks[i].low, ()):
            n = len(cand)
            if i + n <= len(toks) and all(toks[i + k].low == cand[k] for k in range(n)):
                return n
        return 0

    def match_country(self, toks: list[Token], i: int) -> tuple[int, str, str] | None:
        """(length, iso3, form kind) of a gazetteer name starting at ``toks[i]`` (must be capitalised)."""
        if i >= len(toks) or not toks[i].cap:
            return None
        for cand in self.country_first.get(toks[i].low, ()):
            n = len(cand)
            if i + n <= len(toks) and all(toks[i + k].low == cand[k] for k in range(n)):
                iso, kind = self.country_forms[cand]
                return n, iso, kind
        return None


def tokenize(text: str, start: int = 0, end: int | None = None, suffixes: frozenset = frozenset()) -> list[Token]:
    """Word and punctuation tokens with offsets; "’s" and "-led"-style suffixes become tokens of their own."""
    end = len(text) if end is None else end
    out: list[Token] = []
    for m in _TOKEN.finditer(text, start, end):
        s, e, t = m.start(), m.end(), m.group()
        if not (t[0].isalnum()):
            out.append(Token(s, e, t, "punct"))
            continue
        poss = None
        if len(t) > 2 and t[-2] in "'’" and t[-1] in "sS":
            poss = Token(e - 2, e, t[-2:], "poss")
            t, e = t[:-2], e - 2
        if "-" in t and suffixes:
            head, _, tail = t.rpartition("-")
            if tail.lower() in suffixes and head:
                out.append(Token(s, s + len(head), head))
                out.append(Token(s + len(head), e, t[len(head):], "suffix"))
                if poss:
                    out.append(poss)
                continue
        out.append(Token(s, e, t))
        if poss:
            out.append(poss)
    return out


def _toks(phrase: str) -> tuple[str, ...]:
    return tuple(t.low for t in tokenize(phrase))


def _first_index(keys) -> dict:
    idx: dict = {}
    for k in sorted(keys, key=len, reverse=True):
        idx.setdefault(k[0], []).append(k)
    return idx


def load_lexicon(data_dir: Path = DATA) -> Lexicon:
    lx = yaml.safe_load((data_dir / "lexicon.yaml").read_text(encoding="utf-8"))
    low = lambda key: frozenset(str(w).lower() for w in lx.get(key, []))  # noqa: E731
    roles: dict = {}
    for line in (data_dir / "roles.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        parts += [""] * (3 - len(parts))
        roles.setdefault(_toks(parts[0]), (parts[1].strip(), parts[2].strip() or "head"))
    lex = Lexicon(
        function_words=low("function_words"),
        weekdays=low("weekdays"),
        months=low("months"),
        not_names=low("not_names"),
        honorifics=sorted({_toks(h) for h in lx.get("honorifics", [])}, key=len, reverse=True),
        particles=low("particles"),
        connectors=low("name_connectors"),
        name_possessives=low("name_possessives"),
        modifier_suffixes=low("modifier_suffixes"),
        org_heads={str(k).lower(): (v or "") for k, v in (lx.get("org_heads") or {}).items()},
        org_words=low("org_words"),
        non_actor_heads=low("non_actor_heads"),
        place_nouns=low("place_nouns") | low("craft_nouns"),
        party_members=low("party_members"),
        party_qualifiers=low("party_qualifiers"),
        place_first=low("place_first"),
        compass_words=low("compass_words"),
        place_of_heads=low("place_of_heads"),
        org_descriptions={},
        roles=roles,
        role_first=_first_index(roles),
    )
    lex.org_descriptions = {_toks(k): (v or "") for k, v in (lx.get("org_descriptions") or {}).items()}
    _load_countries(lex, data_dir)
    _load_groups(lex, data_dir)
    return lex


def _load_countries(lex: Lexicon, data_dir: Path) -> None:
    forms: dict = {}
    for line in (data_dir / "countries.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t") + [""] * 5
        iso, name = cols[0].strip(), cols[1].strip()
        names = [name] + [x.strip() for x in cols[2].split(";") if x.strip()]
        demonyms = [x.strip() for x in cols[3].split(";") if x.strip()]
        places = [x.strip() for x in cols[4].split(";") if x.strip()]
        lex.countries[iso] = {"name": name, "names": names, "demonyms": demonyms}
        for kind, items in (("place", places), ("demonym", demonyms), ("name", names)):
            for it in items:
                forms[_toks(it)] = (iso, kind)
    regions = data_dir / "regions.txt"
    if regions.exists():
        for line in regions.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                forms.setdefault(_toks(line.strip()), ("", "region"))
    lex.country_forms = forms
    lex.country_first = _first_index(forms)


def _load_groups(lex: Lexicon, data_dir: Path) -> None:
    alts = []
    for line in (data_dir / "groups.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canon, code, forms = (line.split("\t") + ["", "", ""])[:3]
        fl = [f.strip().lower() for f in forms.split(";") if f.strip()]
        lex.groups.append((canon.strip(), code.strip(), fl))
        alts.extend(fl)
    alts.sort(key=len, reverse=True)
    pat = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    lex.group_re = re.compile(rf"(?<![\w-])(?:{pat})(?![\w-])", re.IGNORECASE)
