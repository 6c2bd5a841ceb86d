"""Time expressions normalised against the publication date, with TIMEX3 types and values.

Why rules and not ``dateparser.search_dates``: news dates follow a handful of patterns, and a scan of compiled
regexes, each tried only when a cheap substring prefilter says it can match, is about 20x faster on T17
sentences (``bench/timex.py``) and scores far higher on TimeBank (``bench/timex_timebank.py``).

Entry points: ``find_times(text, base, start, end)`` (pure, used by timeline/events) and the pipeline stage
``annotate(doc, ctx)``. Modules: ``lexicon`` (vocabulary, regex pieces), ``dates`` (calendar arithmetic, tense
cues), ``rules`` (calendar dates, years, quarters, seasons, decades), ``holidays`` (named days and their
weeks), ``relative`` (today, last week, weekdays, ago/later, clock times, PRESENT/PAST/FUTURE_REF),
``durations`` (DURATION and SET), ``find`` (overlaps, anchors, TIMEX3 fields), ``stage`` (the pipeline stage,
datelines).

What a record means (``parley.document.TimeExpr``):

- ``value``: calendar ISO at ``precision`` — ``YYYY-MM-DD`` (day), ``YYYY-MM`` (month), ``YYYY`` (year),
  ``YYY0`` (decade); quarters, halves and seasons give their first month with precision
  ``quarter``/``half``/``season`` and ``end_value`` their last month. None for centuries (TIMEX3 ``19``),
  durations, sets and the PRESENT/PAST/FUTURE_REF words. Ranges carry ``end_value``. Spans exclude a leading
  preposition.
- ``kind``: date, range, weekday, relative, decade, since/until, anchored, time, duration, set, vague.
- ``type`` / ``timex``: TIMEX3 type (DATE, TIME, DURATION, SET) and value (``1998-W05``, ``1998-Q3``,
  ``1998-SU``, ``199``, ``19``, ``1998-02-13T15:30``, ``PRESENT_REF``, ``P3D``, ``PXY``, ``XXXX-WXX-4``);
  ``timex`` is None where no value could be computed (no publication date, "morning" with no day).
- ``anchor``: the ISO date a relative value was computed from (reference date, or the explicit time before
  "two months later"); ``direction``: ``past``/``future`` for a month, day or weekday without year placed by
  tense ("will meet Monday", "payable Jan. 2", "to last through May" forward; "met Monday" back), for
  "the past/next N units" and for the REF words; ``generic``: True for "now", "in the past", "today's youth"
  (no particular calendar time — never a date for an event).
- Without a publication date only expressions that carry their own year get a value.
"""

from parley.timex.find import find_times
from parley.timex.stage import annotate

__all__ = ["annotate", "find_times"]
