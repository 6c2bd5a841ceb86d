"""Find place mentions: gazetteer names in capitalised runs, wire datelines, with the cues that resolve them.

Why these rules: a gazetteer name is a place only when it stands as a name of its own. A name that runs on into
a longer proper name ("New York Times", "Gulf of Mexico", "Arlington National Cemetery", "Cambodia National
Rescue Party") or sits inside a person's name ("Michael Jackson", found by the actors stage) is not a mention of
the place. Small towns share names with common words and surnames, so a city that is neither large nor a
capital needs a cue: a locative preposition ("in", "near", "outside"), a qualifier ("Asheville, North Carolina")
or the article's country focus (checked by the resolver). Datelines ("TRIPOLI (Reuters) -") are the only place
an all-capitals name is read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from parley.places.gazetteer import Gazetteer, fold

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_]+")
# connectors that may sit inside a place name ("Port-au-Prince", "Frankfurt am Main", "Bosnia and Herzegovina")
_CONNECT = {"of", "de", "du", "des", "da", "do", "di", "del", "la", "le", "el", "al", "au", "am", "an", "and",
            "the", "upon", "on", "sur", "en", "y"}
# capitalised words that start a sentence or a clause without forming a longer name with the next word
FUNCTION = {
    "in", "at", "from", "to", "near", "outside", "the", "and", "but", "or", "of", "for", "by", "with", "after",
    "before", "since", "when", "while", "as", "if", "across", "inside", "throughout", "over", "under", "between",
    "around", "into", "against", "like", "unlike", "both", "including", "via", "beyond", "toward", "towards",
    "within", "without", "during", "despite", "than", "then", "so", "yet", "also", "even", "meanwhile",
    "elsewhere", "here", "there", "where", "on", "off", "about", "through", "along", "among", "amid", "until",
    "once", "only", "all", "neither", "nor", "not", "a", "an", "this", "that", "these", "those", "its",
    "every", "each", "many", "some", "most", "northern", "southern", "eastern", "western", "central", "north",
    "south", "east", "west", "northeastern", "northwestern", "southeastern", "southwestern", "greater",
    "upper", "lower", "downtown", "rural", "urban", "coastal", "neighbouring", "neighboring", "nearby",
}
TITLES = {"mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "president", "minister", "king", "queen",
           "prince", "princess", "governor", "mayor", "senator", "sen", "rep", "general", "gen", "col", "colonel",
           "captain", "capt", "judge", "justice", "ambassador", "secretary", "chancellor", "premier", "emir",
           "sheikh", "pope", "bishop", "archbishop", "duke", "duchess", "saint", "st", "chief", "officer",
           "congressman", "congresswoman", "representative", "assemblyman", "councillor", "councilman", "mp"}
_MONTHS_DAYS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
                "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                "sunday", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"}
LOCATIVE = {"in", "near", "outside", "at", "from", "to", "into", "across", "around", "inside", "throughout",
            "toward", "towards", "through", "within", "off", "visit", "visited",
            "visiting", "reached", "entered", "left", "capital", "city", "town", "village", "province",
            "region", "state", "district", "border"}
# offices of a US state or a province: "New York congressman" is the state, not the city
STATE_OFFICES = {"governor", "senator", "congressman", "congresswoman", "legislature", "legislator", "lawmaker",
                 "lawmakers", "assembly", "assemblyman", "attorney", "delegation"}
DIVISION_WORDS = {"province", "state", "region", "governorate", "prefecture", "oblast", "county", "district",
                  "department", "territory", "emirate", "canton"}
_DATELINE = re.compile(r"(?<![A-Za-z])([A-Z][A-Z'\-]+(?: [A-Z][A-Z'\-]+){0,3})(?=\s*(?:\||,|-LRB-|\(|—|–|-\s|\\?/))")
_MAX_WORDS = 6
_INITIAL = re.compile(r"(?:^|[.!?:;|\-—–\n\"“‘'(])\s*$")
# regions spanning several countries: not GeoNames places, and "Latin America" is not America
_REGION = re.compile(r"\b(?:Latin|Central|North|South|Southeast|South-East|East|West|Southern|Northern|Eastern|"
                     r"Western|Sub-Saharan|Central and Eastern) (?:America|Asia|Africa|Europe)\b|"
                     r"\b(?:Middle|Near|Far) East\b")


@dataclass
class Mention:
    """A candidate place mention. ``cue``: the locative word before it; ``qualifier``: the span of a place that
    qualifies it ("Kobe, western Japan"); ``division``: a division word or a state office follows ("Idlib
    province", "New York congressman")."""

    start: int
    end: int
    text: str
    key: str
    cue: str | None = None
    qualifier: tuple[int, int] | None = None
    division: str | None = None  # "state" (a state office follows too) or "province", "region", ...
    dateline: bool = False
    initial: bool = False  # opens a sentence or a line, so its capital letter is no evidence


def find(text: str, gaz: Gazetteer, blocked: list[tuple[int, int]] = (),
         surnames: set[str] = frozenset(), name_starts: set[int] = frozenset()) -> list[Mention]:
    """Mentions in ``text``: longest gazetteer match first. Spans overlapping ``blocked`` (person and organisation
    names) are skipped, and so are one-word names in ``surnames`` (words of the article's person names: the
    "Jackson" of "Michael Jackson" is not Jackson, Mississippi, wherever it recurs); ``name_starts`` are where
    person names begin (a place may run into one in a headline: "in Cardiff Ms Jackson")."""
    tokens = [(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text)]
    lower_words = {w for _, _, w in tokens if w.islower()}
    out: list[Mention] = []
    regions = [(m.start(), m.end()) for m in _REGION.finditer(text)]
    blocked = list(blocked) + regions
    for m in _datelines(text, gaz):
        out.append(m)
    blocked, taken = _Spans(blocked), _Spans((m.start, m.end) for m in out)
    i = 0
    while i < len(tokens):
        s, e, w = tokens[i]
        if not w[0].isupper() or (w.isupper() and len(w) > 3 and "." not in w):
            i += 1
            continue
        # a name is a run of capitalised words (or connectors, "Bosnia and Herzegovina") joined by spaces or
        # hyphens: the longest such run from here bounds the lengths worth looking up
        run, limit = 1, min(_MAX_WORDS, len(tokens) - i)
        while run < limit and (tokens[i + run][2][0].isupper() or tokens[i + run][2] in _CONNECT) and \
                _GAP.fullmatch(text, tokens[i + run - 1][1], tokens[i + run][0]):
            run += 1
        match = None
        for n in range(run, 0, -1):
            words = tokens[i:i + n]
            if not words[-1][2][0].isupper():
                continue
            key = fold(" ".join(x[2] for x in words))
            if gaz.exact.get(key) or gaz.alternate.get(key):
                match = (n, key)
                break
        if match is None:
            i += 1
            continue
        n, key = match
        start, end = s, tokens[i + n - 1][1]
        country = any(p.kind == "country" for p in gaz.exact.get(key, ()))
        if n == 1 and w.isupper() and not country:
            i += 1  # an acronym ("UN") is not a town's name; only country codes ("US", "UK") are read
            continue
        if blocked.overlaps(start, end) or taken.overlaps(start, end) or \
                _inside_name(text, tokens, i, i + n, country, name_starts) or \
                (n == 1 and (w.lower() in _MONTHS_DAYS or (w.lower() in lower_words and not w.isupper())
                             or w in surnames)):
            i += n
            continue
        out.append(Mention(start, end, text[start:end], key, cue=_cue(tokens, i),
                           division=_division(tokens, i + n),
                           initial=bool(_INITIAL.search(text[max(0, start - 4):start]) or start == 0)))
        i += n
    out.sort(key=lambda m: m.start)
    _qualify(text, out)
    for a, b in zip(out, out[1:], strict=False):  # "in Scotland and England": the list shares its cue
        if b.cue is None and a.cue is not None and re.fullmatch(r"\s*(?:,|and|or|, and)\s*", text[a.end:b.start]):
            b.cue = a.cue
    return out


def _datelines(text: str, gaz: Gazetteer) -> list[Mention]:
    """All-capitals place names opening a paragraph's first 160 characters, before "(Reuters)", "|", "," or "-"."""
    out = []
    pos = 0
    for para in text.split("\n"):
        head = para[:160]
        for m in _DATELINE.finditer(head):
            words = list(re.finditer(r"\S+", m.group(1)))
            for k in range(len(words)):  # "EDT ZURICH (Reuters)": the longest place-name suffix
                key = fold(m.group(1)[words[k].start():])
                if gaz.exact.get(key) or gaz.alternate.get(key):
                    start = pos + m.start(1) + words[k].start()
                    out.append(Mention(start, pos + m.end(1), text[start:pos + m.end(1)], key, dateline=True))
                    break
        pos += len(para) + 1
    return out


_GAP = re.compile(r"[ \-‐]+")  # what may join the words of one name (not commas or line breaks)


def _inside_name(text: str, tokens, i: int, j: int, country: bool = False, name_starts=frozenset()) -> bool:
    """The match runs on into a longer proper name: a capitalised word right after it (not a title, a division
    word, a month, a function word, a single letter as in "U.S. F-15", nor the start of a person's name:
    headlines run a place into the next line's "Ms Jackson" or "At the summit"), or right before it (other than a sentence's function word; a
    country name is exempt, "Communist China" is still China), or "Capitalised of" before it ("Gulf of
    Mexico") or "of Capitalised" after it ("Bank of England")."""
    if j < len(tokens):
        s, _, w = tokens[j]
        gap = text[tokens[j - 1][1]:s]
        if gap == " " and w[0].isupper() and len(w) > 1 and s not in name_starts and \
                not {w.lower()} & (DIVISION_WORDS | _MONTHS_DAYS | TITLES | FUNCTION):
            return True
        if gap == " " and w == "of" and j + 1 < len(tokens) and tokens[j + 1][2][0].isupper() and \
                text[tokens[j][1]:tokens[j + 1][0]] == " ":
            return True  # "Bank of England": the match heads a longer name
    if i > 0:
        _, e, w = tokens[i - 1]
        gap = text[e:tokens[i][0]]
        if gap == " " and w[0].isupper() and w.lower() not in FUNCTION and not country:
            return True
        if gap == " " and w.lower() == "of" and i > 1:
            _, e2, w2 = tokens[i - 2]
            if text[e2:tokens[i - 1][0]] == " " and w2[0].isupper() and w2.lower() not in TITLES:
                return True
    return False


def _division(tokens, j: int) -> str | None:
    """The division word right after a mention: "state" for a state office ("New York congressman")."""
    if j >= len(tokens):
        return None
    w = tokens[j][2].lower()
    return "state" if w in STATE_OFFICES else w if w in DIVISION_WORDS else None


def _cue(tokens, i: int) -> str | None:
    """The locative word just before the mention ("in", "near", "outside", "the capital"), if any."""
    for k in (i - 1, i - 2):
        if k >= 0 and tokens[k][2].lower() in LOCATIVE:
            return tokens[k][2].lower()
        if k >= 0 and tokens[k][2].lower() not in {"the", "a", "an", "northern", "southern", "eastern", "western",
                                                   "central", "north", "south", "east", "west", "of"}:
            break
    return None


def _qualify(text: str, mentions: list[Mention]) -> None:
    """"X, Y" where Y is a following mention after a comma (and at most a direction word): Y qualifies X."""
    for a, b in zip(mentions, mentions[1:], strict=False):
        gap = text[a.end:b.start]
        if re.fullmatch(r"\s*,\s*(?:(?:northern|southern|eastern|western|central|north|south|east|west)\s+)?", gap,
                        re.I):
            a.qualifier = (b.start, b.end)


class _Spans:
    """Fixed spans answering "does any overlap [s, e)?" by bisection: the starts sorted, with the furthest end
    reached so far (issue 15: one scan of every masked name per candidate was quadratic on a page dense in
    names or quotes)."""

    def __init__(self, spans):
        spans = sorted(spans)
        self.starts = [a for a, _ in spans]
        self.reach, far = [], -1
        for _, b in spans:
            far = max(far, b)
            self.reach.append(far)

    def overlaps(self, s: int, e: int) -> bool:
        i = bisect_left(self.starts, e)  # the spans starting before e; one of them overlaps if it ends after s
        return i > 0 and self.reach[i - 1] > s
