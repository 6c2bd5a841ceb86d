"""Cleaning: from a scraped page (plain text or HTML) to the article body, title, outlet and publication date.

One job per module, one entry: ``clean(raw, ctx)`` (``article``). ``html`` turns an HTML page into text lines
(trafilatura, htmldate); ``lines`` gives each line its features and the generic chrome hints; ``page``
classifies lines into body, title, standfirst, captions, credits, reader comments and chrome; ``outlet``
names the outlet; ``published`` dates the article and says on what basis, with ``dates`` (the date
vocabulary) and ``tenure`` (office tenures from the actor dictionaries, a resource the context provides).
``count_lines`` builds the corpus line counts ``ctx.memory["line_counts"]`` that mark lines repeated across
documents as chrome.
"""

from parley.clean.article import clean
from parley.clean.dates import parse_date
from parley.clean.lines import count_lines, line_key

__all__ = ["clean", "parse_date", "count_lines", "line_key"]
