"""Actor dictionaries: parley's YAML format and the PETRARCH/Phoenix text format, one in-memory index.

Why: the field codes actors from curated dictionaries (PETRARCH, Phoenix, ICEWS), and users bring their own.
Both formats load into ``DictEntry`` records (name, aliases, type, country, date-ranged roles); an
``ActorDictionary`` indexes every name form by its first token so a 20k-entry dictionary matches in one pass
over the tokens of a document. Roles are resolved at a date: the range that contains it, else the latest range
that ended before it (a dissolved party stays coded as what it was), else the undated code.

YAML format (``src/parley/data/actors/*.yaml``)::

    country: KHM                # default for the file's entries
    source: where the facts come from
    actors:
      - name: National Reform Party
        type: organization      # person | organization | country | group
        aliases: [NRP]
        roles:
          - {role: ruling party, affiliation: null, code: VLDGOVPTY, from: 2001-05-01, to: null}

PETRARCH/Phoenix format: ``NAME_WITH_UNDERSCORES_ [CODE]`` head lines, ``+SYNONYM`` lines, indented
``[CODE YYMMDD-YYMMDD]`` / ``[CODE >YYMMDD]`` / ``[CODE <YYMMDD]`` role lines, ``#`` comments. Six-digit years
00-30 are 20YY, otherwise 19YY (as PETRARCH does); eight digits are YYYYMMDD.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import yaml

from parley.actors.lexicon import Lexicon, norm, tokenize


@dataclass
class RoleSpan:
    code: str | None
    role: str | None = None
    affiliation: str | None = None
    start: str | None = None  # ISO date
    end: str | None = None


@dataclass
class DictEntry:
    name: str
    type: str = "person"
    aliases: list[str] = field(default_factory=list)
    country: str | None = None
    code: str | None = None  # undated default
    roles: list[RoleSpan] = field(default_factory=list)
    source: str = ""
    text_case: bool = False  # names were upper case in the file: prefer the article's spelling

    def role_at(self, when: str | None) -> RoleSpan | None:
        """The role valid at ``when`` (ISO date); see module docstring for the fallbacks."""
        dated = [r for r in self.roles if r.start or r.end]
        undated = [r for r in self.roles if not (r.start or r.end)]
        if when and dated:
            inside = [r for r in dated if (r.start or "0000") <= when <= (r.end or "9999")]
            if inside:
                return max(inside, key=lambda r: r.start or "0000")
            before = [r for r in dated if r.end and r.end < when]
            if before:
                return max(before, key=lambda r: r.end)
        if undated:
            return undated[0]
        if dated and not when:
            return max(dated, key=lambda r: r.start or "0000")
        if self.code:
            return RoleSpan(self.code)
        return dated[0] if dated else None


def _iso(v) -> str | None:
    if v is None or v == "":
        return None
    if isinstance(v, date):
        return v.isoformat()
    return str(v)


def load_yaml(path: Path | str) -> list[DictEntry]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    default_country = data.get("country")
    src = str(path)
    out = []
    for a in data.get("actors", []):
        roles = [
            RoleSpan(code=r.get("code"), role=r.get("role"), affiliation=r.get("affiliation"),
                     start=_iso(r.get("from")), end=_iso(r.get("to")))
            for r in a.get("roles", []) or []
        ]
        out.append(DictEntry(name=a["name"], type=a.get("type", "person"), aliases=list(a.get("aliases") or []),
                             country=a.get("country", default_country), code=a.get("code"), roles=roles,
                             source=src))
    return out


_PETR_CODE = re.compile(r"\[([^\]]*)\]")


def _petr_date(s: str) -> str | None:
    s = s.strip()
    if not s.isdigit():
        return None
    if len(s) <= 7:
        yy = int(s[:2])
        year = 2000 + yy if yy <= 30 else 1900 + yy
        mm, dd = s[2:4], s[4:6]
    else:
        year, mm, dd = int(s[:4]), s[4:6], s[6:8]
    try:
        return date(year, int(mm), int(dd)).isoformat()
    except ValueError:
        return f"{year:04d}-{mm}-01" if mm.isdigit() and 1 <= int(mm) <= 12 else f"{year:04d}-01-01"


def _petr_role(body: str) -> RoleSpan | None:
    parts = body.split()
    if not parts or parts[0] == "---":
        return None
    code = parts[0].lstrip("~")
    start = end = None
    if len(parts) > 1:
        rng = parts[1]
        if rng.startswith(">"):
            start = _petr_date(rng[1:])
        elif rng.startswith("<"):
            end = _petr_date(rng[1:])
        elif "-" in rng:
            a, _, b = rng.partition("-")
            start, end = _petr_date(a), _petr_date(b)
    return RoleSpan(code=code, start=start, end=end)


def _petr_name(raw: str) -> str:
    name = raw.strip().strip("_").replace("_", " ")
    name = " ".join(name.split())
    # dictionary names are upper case: give them a readable form
    return " ".join(w if any(c.isdigit() for c in w) else _titlecase(w) for w in name.split())


def _titlecase(w: str) -> str:
    if "." in w and len(w) <= 6:  # U.N., U.S.
        return w.upper()
    return "-".join(p[:1].upper() + p[1:].lower() for p in w.split("-"))


def load_petrarch(path: Path | str, lexicon: Lexicon | None = None) -> list[DictEntry]:
    """Read a PETRARCH/Phoenix actor dictionary (see module docstring)."""
    src = str(path)
    out: list[DictEntry] = []
    cur: DictEntry | None = None
    for raw in Path(path).read_text(encoding="utf-8", errors="replace").splitlines():
        line = raw.split("#", 1)[0].rstrip()
        if not line.strip() or line.lstrip().startswith("<"):
            continue
        if raw[:1] in " \t" or line.lstrip().startswith("["):
            if cur is not None:
                for body in _PETR_CODE.findall(line):
                    r = _petr_role(body)
                    if r:
                        cur.roles.append(r)
            continue
        if line.startswith("+"):
            if cur is not None:
                syn = line[1:].split("[", 1)[0]
                if syn.strip().strip("_"):
                    cur.aliases.append(_petr_name(syn))
            continue
        head = line.split("[", 1)[0]
        name = _petr_name(head)
        if not name:
            continue
        cur = DictEntry(name=name, source=src, text_case=True)
        for body in _PETR_CODE.findall(line):
            r = _petr_role(body)
            if r:
                cur.roles.append(r)
        out.append(cur)
    for e in out:
        _petr_finish(e, lexicon)
    return [e for e in out if e.roles]


def _petr_finish(e: DictEntry, lexicon: Lexicon | None) -> None:
    codes = [r.code for r in e.roles if r.code]
    main = codes[0] if codes else ""
    if main[:3] not in ("IGO", "NGO", "MNC", "ELI", "") and len(main) >= 3:
        e.country = main[:3]
    words = {w.lower() for w in e.name.split()}
    if lexicon and (words & lexicon.org_words or e.name.split()[-1].lower() in lexicon.org_heads):
        e.type = "organization"
    elif len(codes) == 1 and len(main) == 3 and not any(r.start or r.end for r in e.roles):
        e.type = "country"
    elif main[:3] in ("IGO", "NGO", "MNC"):
        e.type = "organization" if not _looks_like_person(e.name) else "person"
    else:
        e.type = "person"


def _looks_like_person(name: str) -> bool:
    parts = name.split()
    return 2 <= len(parts) <= 4 and all(p[:1].isupper() for p in parts) and not any("." in p for p in parts)


def sniff_format(path: Path | str) -> str:
    """"yaml" or "petrarch" from the file name, else from the first meaningful line."""
    p = Path(path)
    if p.suffix.lower() in (".yaml", ".yml"):
        return "yaml"
    with p.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            if re.match(r"^(actors|country|source)\s*:", s) or s.startswith("- name:"):
                return "yaml"
            return "petrarch"
    return "petrarch"


def load_file(path: Path | str, lexicon: Lexicon | None = None) -> list[DictEntry]:
    return load_yaml(path) if sniff_format(path) == "yaml" else load_petrarch(path, lexicon)


_LEADING_THE = ("the",)


class ActorDictionary:
    """Name forms of many entries, indexed by first token (lower case) for one-pass matching."""

    def __init__(self, entries: list[DictEntry] | None = None, lexicon: Lexicon | None = None):
        self.entries: list[DictEntry] = []
        self.index: dict[str, list[tuple[tuple[str, ...], int]]] = {}
        self._suffixes = lexicon.modifier_suffixes if lexicon else frozenset()
        for e in entries or []:
            self.add(e)
        self._sorted = False

    def add(self, e: DictEntry) -> int:
        i = len(self.entries)
        self.entries.append(e)
        for form in [e.name, *e.aliases]:
            toks = tuple(t.low for t in tokenize(form, suffixes=self._suffixes))
            if toks[:1] == _LEADING_THE and len(toks) > 1:
                toks = toks[1:]
            if toks:
                self.index.setdefault(toks[0], []).append((toks, i))
        self._sorted = False
        return i

    def extend(self, entries: list[DictEntry]) -> None:
        for e in entries:
            self.add(e)

    def _sort(self) -> None:
        for v in self.index.values():
            v.sort(key=lambda x: -len(x[0]))
        self._sorted = True

    def match(self, toks, i: int) -> tuple[int, int] | None:
        """(length, entry index) of the longest entry form starting at ``toks[i]``, else None."""
        if not self._sorted:
            self._sort()
        t = toks[i]
        if t.kind != "word" or not t.cap:
            return None
        for form, idx in self.index.get(t.low, ()):
            n = len(form)
            if i + n <= len(toks) and all(toks[i + k].low == form[k]
                                          for k in range(n)):
                if not toks[i + n - 1].cap and toks[i + n - 1].kind == "word" and not toks[i + n - 1].text[0].isdigit():
                    continue  # a name ends on a capitalised word ("Ban Ki-moon", not "Ban the ...")
                return n, idx
        return None

    def lookup(self, name: str) -> DictEntry | None:
        toks = tuple(t.low for t in tokenize(name, suffixes=self._suffixes))
        for form, idx in self.index.get(toks[0] if toks else "", ()):
            if form == toks:
                return self.entries[idx]
        return None

    def __len__(self) -> int:
        return len(self.entries)


def entry_key(e: DictEntry) -> str:
    return norm(e.name)
