"""Page lines and their features: the units the clean stage classifies, and the generic chrome hints.

Why line features and not a list of strings: scraped news pages differ by site but their chrome looks alike —
short lines without terminal punctuation around one contiguous block of long, sentence-like lines. Each line
gets features (word count, terminal punctuation, opening quote) here; the predicates below name the line kinds
that local evidence decides (chrome labels, comment headers and notices, credits, captions).
``data/page_chrome.yaml`` holds a few generic UI labels as a hint for lines the features leave ambiguous.
Hard-wrapped lines (a line without terminal punctuation followed by one starting in lower case) are joined
by ``split_lines``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from parley.clean.dates import TRAILING_DATE
from parley.text import sentences as split_sentences

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def chrome_data() -> dict[str, Any]:
    data = yaml.safe_load((DATA / "page_chrome.yaml").read_text(encoding="utf-8"))
    return {
        "lines": {line_words(x) for x in data["lines"]},
        "prefixes": tuple(p.lower() for p in data["prefixes"]),
        "article_labels": re.compile(r"^\s*(?:" + "|".join(map(re.escape, data["article_labels"])) + r")\b\s*",
                                     re.IGNORECASE),
        "comment_headers": [re.compile(rf"^(?:{p})$", re.IGNORECASE) for p in data["comment_headers"]],
        "comment_notices": tuple(p.lower() for p in data["comment_notices"]),
        "credit_prefixes": tuple(data["credit_prefixes"]),
        "credit_contains": tuple(data["credit_contains"]),
        "related_headers": tuple(p.lower() for p in data["related_headers"]),
        "social": re.compile(r"\b(?:" + "|".join(map(re.escape, data["social_names"])) + r")\b"),
        "appeal": re.compile(r"(?<!\w)(?:" + "|".join(data["appeal_cues"]) + ")", re.IGNORECASE),
        "reader_address": re.compile(r"(?<!\w)(?:" + "|".join(map(re.escape, data["reader_address"])) + r")(?!\w)",
                                     re.IGNORECASE),
    }



def article_label(line: str) -> int:
    """Length of the article link label that opens ``line`` ("Full Article"), 0 when there is none."""
    m = chrome_data()["article_labels"].match(line)
    return m.end() if m else 0


def line_words(line: str) -> str:
    """Comparison key of a line: lower case, words only."""
    return " ".join(re.findall(r"\w+", line.lower()))


def line_key(line: str) -> str:
    """Key under which ``ctx.memory["line_counts"]`` counts a line (digits folded, so dates do not matter)."""
    return re.sub(r"\d", "0", line_words(line))


def count_lines(texts) -> Counter:
    """Corpus helper: in how many texts each line occurs (for ``ctx.memory["line_counts"]``)."""
    counts: Counter = Counter()
    for t in texts:
        counts.update({line_key(x) for x in t.split("\n") if x.strip()})
    return counts



# terminal punctuation, allowing closing quotes/brackets after it (also tokenised: ". ''", ". -RRB-")
TERMINAL = re.compile(r"[.!?…:](?:\s*(?:[\"”’'»)\]]|''|-RRB-))*$|[”\"]$")
_OPEN_QUOTE = re.compile(r"^(?:[\"“‘'«]|``)")
_CAPTION_CUE = re.compile(
    r"\((?:[rlcRLC]|left|right|center|centre|front|back|top|bottom)\)|\bpictured\b|\bphoto\s*(?:credit|courtesy)\b"
    r"|^(?:photo|file photo|image|picture)\s*:|\bfile photo\b|\(AP Photo|\bGetty Images\b|\bPhoto:\s|\bEPA\b-?\w*/",
    re.IGNORECASE,
)
# words that open a question sentence (closed class of English grammar, not page data)
INTERROGATIVES = frozenset("""who whom whose what which when where why how is are was were am do does did
    have has had can could will would shall should may might must isn't aren't wasn't weren't don't doesn't
    didn't can't won't shouldn't""".split())
QUOTE_MARK = re.compile(r"[“”\"]")
NAME_LINE = re.compile(r"^(?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*){0,3}$")
_BY_LINE = re.compile(r"^By\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,4}(?:\s*(?:,|and|&)\s*.*)?$")


@dataclass
class Line:
    idx: int
    text: str
    kind: str = ""  # body|title|standfirst|byline|caption|credit|subhead|pullquote|comment|footer|chrome|widget|appeal|...
    words: int = 0
    terminal: bool = False
    quote_open: bool = False
    prose: bool = False
    notes: list[str] = field(default_factory=list)


def split_lines(content: str) -> list[Line]:
    raw = [" ".join(x.split()) for x in content.split("\n")]
    merged: list[str] = []
    prev_blank = True
    for x in raw:
        if not x:
            merged.append("")
            prev_blank = True
            continue
        # hard-wrapped prose: join a line that stops mid-sentence with a next line starting in lower case
        if not prev_blank and merged and len(merged[-1]) >= 40 and not TERMINAL.search(merged[-1]) and x[0].islower():
            merged[-1] = merged[-1] + " " + x
            continue
        merged.append(x)
        prev_blank = False
    out = []
    for i, x in enumerate(t for t in merged if t):
        ln = Line(i, x)
        ln.words = len(x.split())
        ln.terminal = bool(TERMINAL.search(x)) and not x.endswith(":")
        ln.quote_open = bool(_OPEN_QUOTE.match(x))
        # a body line may open a quotation that runs on into the next paragraph: prose even without a full stop
        ln.prose = (ln.words >= 6 and ln.terminal) or (ln.quote_open and ln.words >= 8 and _unclosed(x))
        out.append(ln)
    return out


def _unclosed(text: str) -> bool:
    """True when the quotation that opens ``text`` is not closed within it."""
    close = {"“": "”", "‘": "’", "«": "»", "`": "''"}.get(text[0], text[0])
    return close not in text[1:]


def is_chrome(text: str) -> bool:
    ch = chrome_data()
    k = line_words(text)
    low = text.lower()
    return k in ch["lines"] or low.startswith(ch["prefixes"])


def is_related_header(text: str) -> bool:
    """The header of a related-links block ("Related articles", "Lesen Sie auch:", "VEA TAMBIÉN: ...")."""
    return text.lower().lstrip("»>-–•|[( ").startswith(chrome_data()["related_headers"])


def names_social(text: str) -> int:
    """How many social platforms the line names (a follow/share/join promo when short and after the article)."""
    return len(set(chrome_data()["social"].findall(text)))


def addresses_reader(text: str) -> bool:
    """The line speaks to the reader ("follow us", "join", "du", "síguenos"): the voice of a promo, not a report."""
    return bool(chrome_data()["reader_address"].search(text))


def appeals(text: str) -> bool:
    """The line asks for a subscription, a donation or support ("subscribe", "Abo", "unterstütze uns")."""
    return bool(chrome_data()["appeal"].search(text))


def is_comment_header(text: str) -> bool:
    return len(text.split()) <= 8 and any(p.match(text.strip(" .:")) for p in chrome_data()["comment_headers"])


def is_comment_notice(text: str) -> bool:
    return text.lower().startswith(chrome_data()["comment_notices"])


def credit_sentences(text: str) -> list[str] | None:
    """The sentences of a credit line, or None when the line is not (only) credits."""
    ch = chrome_data()
    stripped = text.strip()
    if _BY_LINE.match(stripped) and len(stripped.split()) <= 12 and not TERMINAL.search(stripped.rstrip(".")):
        return [stripped]
    sents = [stripped[s:e] for s, e in split_sentences(stripped)]
    if not sents:
        return None
    ok = all(s.startswith(ch["credit_prefixes"]) or (len(s.split()) <= 20 and any(c in s for c in ch["credit_contains"]))
             for s in sents)
    return sents if ok else None


def is_caption(ln: Line) -> bool:
    if QUOTE_MARK.search(ln.text) or ln.words > 60:
        return False
    if len(split_sentences(ln.text)) > 3:
        return False
    return bool(_CAPTION_CUE.search(ln.text) or TRAILING_DATE.search(ln.text))

