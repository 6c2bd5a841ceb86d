"""The Document record: one article, enriched stage by stage.

Field names follow the JSON contract in docs/design.md; extra fields are allowed and documented here.
Every span (mention, quote, time, event, sentence) is a pair of character offsets into
``Document.text`` — the cleaned text — so evidence can always be recovered by slicing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from typing import Any


@dataclass
class Actor:
    """A person, organization, country or group named in one document (aliases merged)."""

    id: str
    name: str
    type: str = "person"  # person | organization | country | group
    aliases: list[str] = field(default_factory=list)
    affiliation: str | None = None
    role: str | None = None
    code: str | None = None
    mentions: list[list[int]] = field(default_factory=list)
    # extra: where role/affiliation/code came from ("text" | "dictionary" | "corpus")
    source: str | None = None


@dataclass
class Quote:
    """Words attributed to a speaker; ``start``/``end`` cover the words without quote marks."""

    speaker: str | None
    speaker_id: str | None
    text: str
    start: int
    end: int
    direct: bool = True
    cue: str | None = None
    # extra: offsets of the speaker mention that resolved the quote, if any
    speaker_span: list[int] | None = None


@dataclass
class TimeExpr:
    """A time expression normalised against the publication date.

    ``value`` is ISO (YYYY-MM-DD, YYYY-MM or YYYY by ``precision``); ranges also carry ``end_value``.
    The TIMEX3 fields (``parley.timex`` fills them) say what the expression is in ISO-TimeML terms, for dating
    events and for TempEval-style scoring; ``value`` stays a calendar value (None for durations, sets, refs).
    """

    text: str
    start: int
    end: int
    value: str | None
    precision: str = "day"  # day | month | year | decade
    end_value: str | None = None
    kind: str | None = None  # extra: date | range | duration | relative | weekday ...
    type: str | None = None  # TIMEX3 type: DATE | TIME | DURATION | SET
    timex: str | None = None  # TIMEX3 value: 1998-02-13, 1998-W05, 1998-Q3, 1998-SU, 199, PRESENT_REF, P3D, PXY
    anchor: str | None = None  # ISO date a relative value was computed from (publication date or an earlier time)
    direction: str | None = None  # past | future: how an underspecified month/weekday/span was placed
    generic: bool = False  # "today's youth", "in the past": no particular calendar time


@dataclass
class Event:
    """Who did what to whom and when, coded in PLOVER and CAMEO, with its evidence span."""

    id: str
    date: str | None
    date_precision: str  # day | week | month | year | decade | none (never finer than its evidence)
    event: str | None
    mode: str | None = None
    context: list[str] = field(default_factory=list)
    cameo: str | None = None
    quad: int | None = None
    goldstein: float | None = None
    actor: list[str] = field(default_factory=list)
    recipient: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    negated: bool = False
    hypothetical: bool = False
    future: bool = False
    confidence: float = 0.0
    # extras
    historical: bool = False
    actor_ids: list[str] = field(default_factory=list)
    recipient_ids: list[str] = field(default_factory=list)
    trigger: str | None = None
    # extras (events stage, session 2): the last day of a date range ("Sept. 14-15", "this week"), and a deadline
    # the sentence sets ("until 2024", "by June") — a deadline is never the event's date
    date_end: str | None = None
    deadline: str | None = None
    # extra (places stage): where it happened — GeoNames id, name, feature class/code, country, admin1, lat, lon,
    # the evidence mention (text, start, end) and basis (clause | sentence | dateline | focus); None if no place
    location: dict[str, Any] | None = None
    # extras (events stage, issue 16): the evidence of each field as char offsets into ``Document.text`` — the
    # trigger words, and one mention span per actor / recipient (parallel to ``actor`` / ``recipient``; None where
    # the name came from outside the sentence); where the date came from (``date_basis``: "text" = a time
    # expression of the article, "publication" = the publication date, the clause being present or nominal news, "context" = the day of the report's occasion (events/dating.py),
    # "none" = undated: date None, precision "none"); and the record's kind: "event" (a PLOVER type), "statement"
    # (CAMEO 01/02 with nothing PLOVER-codable: kept, but out of PLOVER exports and trends unless asked for) or
    # "election" (an untyped dated election)
    trigger_span: list[int] | None = None
    actor_spans: list[list[int] | None] = field(default_factory=list)
    recipient_spans: list[list[int] | None] = field(default_factory=list)
    date_basis: str | None = None
    kind: str = "event"


@dataclass
class Document:
    id: str
    source: str = ""
    content_hash: str = ""
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_basis: str | None = None
    text: str = ""
    sentences: list[list[int]] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    # extras
    url: str | None = None
    paragraphs: list[list[int]] = field(default_factory=list)
    credits: list[str] = field(default_factory=list)  # "Reported by …", "Translated by …"
    boilerplate: str = ""  # removed page chrome, kept for inspection
    captions: list[str] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    # extra (places stage): resolved place mentions, one dict per mention with its span (see parley.places)
    places: list[dict[str, Any]] = field(default_factory=list)

    def span(self, start: int, end: int) -> str:
        return self.text[start:end]

    def sentence_texts(self) -> list[str]:
        return [self.text[s:e] for s, e in self.sentences]

    def to_dict(self) -> dict[str, Any]:
        return _plain(self)

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Document:
        known = {f.name for f in fields(cls)}
        kwargs = {k: v for k, v in data.items() if k in known}
        kwargs["actors"] = [_build(Actor, a) for a in data.get("actors", [])]
        kwargs["quotes"] = [_build(Quote, q) for q in data.get("quotes", [])]
        kwargs["times"] = [_build(TimeExpr, t) for t in data.get("times", [])]
        kwargs["events"] = [_build(Event, e) for e in data.get("events", [])]
        return cls(**kwargs)

    @classmethod
    def from_json(cls, line: str) -> Document:
        return cls.from_dict(json.loads(line))


_FIELDS: dict[type, tuple[str, ...]] = {}


def _plain(value: Any) -> Any:
    """``dataclasses.asdict`` without its deep copy of every leaf (a third of its time; the leaves of a record are
    strings, numbers and None): dataclasses become dicts, lists, tuples and dicts are rebuilt, the same result."""
    cls = type(value)
    if cls in (str, int, float, bool) or value is None:
        return value
    if hasattr(cls, "__dataclass_fields__"):
        names = _FIELDS.get(cls)
        if names is None:
            names = _FIELDS[cls] = tuple(f.name for f in fields(cls))
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, tuple):
        return cls(*[_plain(v) for v in value]) if hasattr(value, "_fields") else tuple(_plain(v) for v in value)
    if isinstance(value, dict):
        return cls((_plain(k), _plain(v)) for k, v in value.items())
    import copy

    return copy.deepcopy(value)


def _build(kind, data: dict[str, Any]):
    known = _KNOWN.get(kind)
    if known is None:  # ``fields()`` per record was a tenth of reading a stored document back
        known = _KNOWN[kind] = frozenset(f.name for f in fields(kind))
    return kind(**{k: v for k, v in data.items() if k in known})


_KNOWN: dict[type, frozenset[str]] = {}
