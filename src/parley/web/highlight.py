"""Safe HTML for an article text with its annotated spans (quotes, actor mentions, times, events).

Why a hand-written highlighter: the spans come from independent stages, so they nest (a mention inside a quote
inside an event sentence) and sometimes cross (a quote that starts mid-sentence and runs into the next). HTML
elements must nest properly, so a sweep over the span boundaries keeps a stack of open elements; when a span
ends while spans opened after it are still open, those are closed and reopened after it (the reopened pieces
carry ``data-cont`` and no ``id``, so every id stays unique). Every piece of text and every attribute value
goes through ``html.escape``; tags and attribute names come only from this module. The text itself is emitted
verbatim, character for character, so the container's ``textContent`` equals the cleaned text and offsets
stay meaningful in the browser.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

# outer-to-inner order for spans that start and end at the same offsets
PRIORITY = {"target": 0, "event": 1, "quote": 2, "time": 3, "mention": 4}


@dataclass
class Span:
    start: int
    end: int
    kind: str                       # target | event | quote | time | mention (CSS class "hl-<kind>")
    tag: str = "span"               # span | mark | a
    attrs: dict[str, str] = field(default_factory=dict)  # values are escaped on output

    def open(self, cont: bool = False, inside_link: bool = False) -> str:
        tag = "span" if self.tag == "a" and inside_link else self.tag
        attrs = {"class": f"hl hl-{self.kind}", **self.attrs}
        if tag != "a":
            attrs.pop("href", None)
        if cont:
            attrs.pop("id", None)
            attrs["data-cont"] = "1"
        parts = "".join(f' {name}="{escape(str(value), quote=True)}"' for name, value in attrs.items()
                        if value is not None)
        return f"<{tag}{parts}>"

    def close(self, inside_link: bool = False) -> str:
        tag = "span" if self.tag == "a" and inside_link else self.tag
        return f"</{tag}>"


def render(text: str, spans: list[Span]) -> str:
    """HTML of ``text`` with ``spans`` wrapped around their characters. Invalid spans are dropped."""
    n = len(text)
    valid = [s for s in spans if 0 <= s.start < s.end <= n]
    valid.sort(key=lambda s: (s.start, -s.end, PRIORITY.get(s.kind, 9)))
    points = sorted({0, n, *(s.start for s in valid), *(s.end for s in valid)})
    out: list[str] = []
    stack: list[tuple[Span, bool]] = []   # (span, rendered as a link-less span because inside a link)
    i = 0

    def link_open() -> bool:
        return any(s.tag == "a" and not inside for s, inside in stack)

    for k, p in enumerate(points):
        # close every span that ends here, reopening the ones above it that continue
        if any(s.end == p for s, _ in stack):
            reopen: list[Span] = []
            while any(s.end == p for s, _ in stack):
                span, inside = stack.pop()
                out.append(span.close(inside))
                if span.end != p:
                    reopen.append(span)
            for span in reversed(reopen):
                inside = span.tag == "a" and link_open()
                out.append(span.open(cont=True, inside_link=inside))
                stack.append((span, inside))
        # open the spans that start here, longest first
        while i < len(valid) and valid[i].start == p:
            span = valid[i]
            inside = span.tag == "a" and link_open()
            out.append(span.open(inside_link=inside))
            stack.append((span, inside))
            i += 1
        if k + 1 < len(points):
            out.append(escape(text[p:points[k + 1]], quote=True))
    while stack:
        span, inside = stack.pop()
        out.append(span.close(inside))
    return "".join(out)
