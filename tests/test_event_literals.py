"""Necessary literals of cue patterns (parley.events.literals): the gate skips only patterns that cannot match."""

import re
import sys

from parley.events.literals import FOLD_ODD, literals, may_contain


def lits(pattern: str, flags: int = re.I):
    got = literals(pattern, flags)
    return None if got is None else set(got[0])


def test_the_longest_mandatory_literal_of_a_sequence_is_taken():
    # the two-letter opening words are too common to gate; " met with " is in every match
    assert lits(r"\b(?:(?:was|were|is) met with (?:\w+ )?(?:praise|applause))\b") == {" met with "}
    # an alternation gates by the union of its branches' literals, lower-cased for a case-insensitive pattern
    assert lits(r"\b(?:Stood trial|tried for)\b") == {"stood trial", "tried for"}
    assert lits(r"\b(?:Stood trial|tried for)\b", 0) == {"Stood trial", "tried for"}
    # an optional part gives nothing; a repeat of at least one gives its content; a look-behind reads the sentence
    assert lits(r"\b(?:(?:big )?rall(?:y|ies))\b") == {"rall"}
    assert lits(r"(?<=marchers )(?:\w+ )?(?:halted)") == {"marchers "}
    assert lits(r"(?:ab|cd)+ went") == {" went"}


def test_patterns_without_a_usable_literal_always_run():
    assert literals(r"\b(?:\w+ed|[A-Z]\w+)\b", re.I) is None  # classes only
    assert literals(r"\b(?:is|be|am)\b", re.I) is None  # shorter than three letters
    assert literals(r"\b(?:talks|)\b", re.I) is None  # an empty branch: matches anywhere
    assert may_contain(None, "anything", "anything")


def test_the_gate_says_no_only_when_the_pattern_cannot_match():
    pats = [r"\b(?:(?:was|were|is) met with (?:\w+ )?(?:praise|applause))\b",
            r"\b(?:(?:put|placed) on trial|tried for)\b",
            r"\b(?:(?<=protesters )(?:were )?(?:dispersed|scattered))\b",
            r"\b(?:declin(?:e|ed) to comment)\b"]
    sents = ["The plan WAS MET WITH loud praise in Ostravia.", "Two officers were put on trial on Monday.",
             "The protesters were dispersed by noon.", "The ministry declined to comment.",
             "Nobody was charged.", "Der Plan was met with applause", "A court tried for hours.",
             "The ſpokesman declined to comment", "He was tried for fraud in the \u212aarnavia court."]
    for p in pats:
        rx, gate = re.compile(p, re.I), literals(p, re.I)
        for s in sents:
            if rx.search(s):
                assert may_contain(gate, s, s.lower()), (p, s)
    assert not may_contain(literals(pats[0], re.I), "Nobody was charged.", "nobody was charged.")


def test_fold_odd_holds_every_character_case_folding_equates_with_ascii():
    letter = re.compile("[a-z]", re.I)
    odd = {c for c in map(chr, range(0x80, sys.maxunicode + 1))
           if letter.fullmatch(c) or any(ch.isascii() for ch in c.lower())}
    assert odd == set(FOLD_ODD)
    # so a sentence with one of them passes every case-insensitive gate ("Kelvin" K matches k under re.I)
    gate = literals(r"\b(?:karnavia)\b", re.I)
    assert re.search(r"karnavia", "\u212aarnavia", re.I) and may_contain(gate, "\u212aarnavia", "\u212aarnavia".lower())
