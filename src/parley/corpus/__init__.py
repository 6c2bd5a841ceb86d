"""The corpus view over many articles: merged actors, de-duplicated events, timeline, trends, claims.

This package only hands names on. ``rebuild`` (``corpus.rebuild``) brings the corpus tables up to date after
``parley run`` stored documents; ``happenings`` merges the timeline and the event clusters into one dated view.
The jobs live one per module: ``merge`` (actor merging, event clustering), ``timeline``, ``trend``, ``claims``,
``rebuild`` (the incremental, idempotent orchestration over the store) and ``happenings`` (the merged read-side view).
"""

from parley.corpus.happenings import happenings
from parley.corpus.rebuild import VERSION, rebuild

__all__ = ["rebuild", "happenings", "VERSION"]
