"""The mention record the recognizer fills and the word lists its passes share.

Why a module of its own: recognition (``recognize``) finds the mentions and the evidence pass (``evidence``)
reads the words around them; both, and the resolver after them, work on the same ``Mention`` and the same short
lists of determiners, speech verbs and party adjectives.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DETERMINERS = frozenset("the a an another its his her their our this that".split())
CUE_VERBS = frozenset(
    """said says told added explained noted stated urged called warned wrote insisted argued claimed asked
    announced declared replied responded confirmed denied stressed acknowledged maintained reiterated""".split()
)
PREPS = frozenset("of for to at with in from".split())
RULING_ADJ = frozenset(["ruling", "governing"])
OPP_ADJ = frozenset(["opposition"])


@dataclass
class Mention:
    s: int
    e: int
    ti: int
    tj: int
    text: str
    type: str | None = None  # person | organization | country | group | None (unknown)
    entry: int | None = None  # index into the bundled/user dictionary
    learned: str | None = None  # name of a corpus-learned actor
    iso: str | None = None  # country mentions, group country
    acronym: bool = False
    weak: bool = False  # single unknown word / header: keep only with evidence or a longer name
    definite: str | None = None  # "party" | "group" | "role" for definite descriptions
    adj: set = field(default_factory=set)  # ruling / opposition flags
    role: str | None = None
    role_code: str | None = None
    role_org: int | None = None  # mention index of the organisation the role is held in
    country: str | None = None  # nationality from a qualifier ("Japanese Prime Minister")
    relation: int | None = None  # mention index of the person this one advises/supports
    leader_of: int | None = None  # "X's Party"
    owner: int | None = None  # "RFA's Khmer Service"
    desc_code: str | None = None  # "an election monitoring group" -> NGO
    evidence: bool = False
    group: str | None = None  # canonical group name
    bound: int | None = None  # acronym bound by parentheses to this mention index
