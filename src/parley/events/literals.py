"""Necessary literals of a cue pattern: strings one of which every match of the pattern contains.

Why (issue 22): the events stage scans every article sentence with ~180 cue patterns. The word-head index of
``coding`` already skips the patterns whose opening words are absent, but about 25 patterns open with a short
word ("is|was|be …", "as", "go") or a look-behind and so ran over every sentence, and those runs were 60 % of the
cue-matching time while matching in about 1 sentence of 80. A pattern can only match a sentence that contains one
of its necessary literals ("(?:was|were|is) met with (?:\\w+ )?(?:praise|…)" needs " met with "), and a substring
test is far cheaper than a regex scan, so ``may_contain`` gates each pattern before it runs. The gate only ever
skips patterns that cannot match, so the matches are exactly those of running every pattern.

The literals are read from the pattern's parse tree (Python's own regex parser), taking from each sequence the
mandatory item with the longest shortest literal: a run of literal characters, a group or alternation all of whose
branches have literals, a repeat of at least one, or an assertion's content. A pattern with no such item (one that
opens with classes only) gets no literals and always runs. Case: a case-insensitive pattern's literals are lower-
cased and compared with the lower-cased sentence; only ASCII literal characters are used, and a sentence holding one
of the four characters that Python's case-insensitive matching equates with an ASCII letter though their lower case
is not it (``FOLD_ODD``) runs every pattern.
"""

from __future__ import annotations

import re
from functools import lru_cache

try:  # Python's regex parser (``sre_parse`` before 3.11); without it every pattern runs
    from re import _constants as C
    from re import _parser as P
except ImportError:  # pragma: no cover
    P = C = None

MIN_LEN = 3  # a literal shorter than this ("a", "is") is too common to gate anything: the pattern just runs
# the non-ASCII characters that re.IGNORECASE matches with an ASCII letter or whose lower case holds one
# (İ ı ſ and the Kelvin sign; tests/test_event_literals.py recomputes the set over all of Unicode)
FOLD_ODD = frozenset("\u0130\u0131\u017f\u212a")


@lru_cache(maxsize=4096)
def literals(pattern: str, flags: int) -> tuple[frozenset[str], bool] | None:
    """(literals, case-insensitive) of a compiled pattern's source and flags, or None (always run the pattern)."""
    if P is None:
        return None
    try:
        tree = P.parse(pattern, flags)
    except Exception:  # noqa: BLE001 - an unparsable source is left to ``re`` itself
        return None
    got = _seq(list(tree), bool(flags & re.I))
    if got is None or min(map(len, got)) < MIN_LEN:
        return None
    return frozenset(got), bool(flags & re.I)


def may_contain(lits: tuple[frozenset[str], bool] | None, sentence: str, lowered: str) -> bool:
    """False only when the pattern with these ``literals`` cannot match ``sentence`` (``lowered`` is its
    ``str.lower()``; a sentence with a ``FOLD_ODD`` character always passes a case-insensitive gate)."""
    if lits is None:
        return True
    strings, nocase = lits
    if nocase:
        if not sentence.isascii() and not FOLD_ODD.isdisjoint(sentence):
            return True
        return any(map(lowered.__contains__, strings))
    return any(map(sentence.__contains__, strings))


def _better(a: set[str] | None, b: set[str] | None) -> set[str] | None:
    """The stronger of two necessary conditions: the longer shortest literal, then the fewer literals."""
    if a is None:
        return b
    if b is None:
        return a
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _seq(items: list, nocase: bool) -> set[str] | None:
    """A necessary condition of a sequence of parse items (every item must match, so any one item's will do)."""
    best: set[str] | None = None
    run: list[str] = []

    def close():
        nonlocal best, run
        if run:
            best = _better(best, {"".join(run)})
        run = []

    for op, av in items:
        if op is C.LITERAL and av < 128:
            ch = chr(av)
            run.append(ch.lower() if nocase else ch)
            continue
        if op is C.AT:  # \b between two literals: still next to each other in the text
            continue
        close()
        if op is C.SUBPATTERN:
            _, add, delete, sub = av
            if add or delete:  # a local flag group: its case rules differ
                continue
            best = _better(best, _seq(list(sub), nocase))
        elif op is C.BRANCH:
            alts = [_seq(list(alt), nocase) for alt in av[1]]
            if all(a is not None for a in alts):
                best = _better(best, set().union(*alts))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)) and av[0] >= 1:
            best = _better(best, _seq(list(av[2]), nocase))
        elif op is C.ASSERT:  # a look-ahead or look-behind reads the same sentence
            best = _better(best, _seq(list(av[1]), nocase))
    close()
    return best
