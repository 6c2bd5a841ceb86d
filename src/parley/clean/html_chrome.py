"""Chrome named by the page's markup: text that sits only inside elements whose class or id says what they are.

Why markup names: a share bar, an info box, a disclosure notice or a breadcrumb trail reads like any other line
once it is plain text ("Teilen mit:", a sentence about advertisers, a heading), so line features cannot tell it
from the article; but templates name these widgets in their class and id attributes (``sd-sharing``,
``infobox``, ``product-disclosure``, ``breadcrumb-item``), and those names are the same across sites because
they come from shared CMS themes and plugins. trafilatura prunes many such elements itself, but its fallback
extractors (the ones parley's call uses for recall) and its over-pruning guard let some through.

A line of the extracted text is chrome by markup when it occurs (letters and digits compared, case and spacing
ignored) in the text of an element named by ``data/page_chrome.yaml``'s ``markup_names`` and nowhere in the
page's text outside such elements: a sentence the article also prints is never removed because a widget
repeats it. An element whose text is a large share of the extracted text (``_MAX_SHARE``) is taken to be the
article container itself, whatever its class says (``class="entry-content has-share-bar"``), and ignored.
"""

from __future__ import annotations

import re
from copy import deepcopy
from functools import lru_cache

import yaml
from lxml import etree

from parley.clean.lines import DATA

_MAX_SHARE = 0.4  # a named element holding this share of the extracted text is the article, not a widget
_MIN_KEY = 8  # characters: shorter lines match by chance
_SKIP = ("script", "style", "noscript", "template")  # never shown as text
_NON_ALNUM = re.compile(r"[\W_]+")
_TOKEN = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|\d+")


@lru_cache(maxsize=1)
def markup_names() -> tuple[frozenset[str], re.Pattern]:
    """The names, and a pattern that finds any of them in an attribute (a cheap test before splitting it)."""
    data = yaml.safe_load((DATA / "page_chrome.yaml").read_text(encoding="utf-8"))
    names = frozenset(x.lower() for x in data["markup_names"])
    return names, re.compile("|".join(map(re.escape, sorted(names))))


def key(text: str) -> str:
    """Comparison key: the letters and digits only, lower case (markup and extractor space text differently)."""
    return _NON_ALNUM.sub("", text.lower())


def names_chrome(el) -> bool:
    """The element's class or id has a token naming a widget (``sd-sharing`` -> sd, sharing)."""
    names, anywhere = markup_names()
    for attr in ("class", "id"):
        value = el.get(attr)
        if value and anywhere.search(value.lower()) and any(tok.lower() in names for tok in _TOKEN.findall(value)):
            return True
    return False


class MarkupChrome:
    """The keys of the text inside chrome-named elements and of the text outside them, for ``holds``."""

    def __init__(self, tree, extracted: str):
        self.inside: list[str] = []
        self.outside = ""
        body = tree.find(".//body") if tree is not None else None
        if body is None:
            return
        body = deepcopy(body)
        etree.strip_elements(body, *_SKIP, etree.Comment, etree.ProcessingInstruction, with_tail=False)
        limit = _MAX_SHARE * len(key(extracted))
        found: list = []
        seen: set[int] = set()
        for el in body.xpath(".//*[@class or @id]"):
            if el.tag in ("article", "main"):
                continue
            if not names_chrome(el) or any(id(a) in seen for a in el.iterancestors()):
                continue
            k = key(_text(el))
            if k and len(k) <= limit:
                found.append(el)
                seen.add(id(el))
                self.inside.append(k)
        for el in found:  # what is left is the page outside the named widgets
            el.drop_tree()
        self.outside = key(_text(body))

    def holds(self, line: str) -> bool:
        """True when ``line`` is printed only inside chrome-named elements."""
        k = key(line)
        return len(k) >= _MIN_KEY and k not in self.outside and any(k in x for x in self.inside)


def _text(el) -> str:
    return " ".join(el.itertext())
