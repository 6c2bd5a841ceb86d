"""Quotes stage: quoted and reported speech, each with the speaker who said it.

Entry point: ``annotate(doc, ctx) -> doc`` fills ``doc.quotes``. It needs ``doc.text``, ``doc.paragraphs``,
``doc.sentences`` and ``doc.actors`` (mentions, type, name, id) and nothing else from other stages; without
actors it still finds quotes and names speakers from a capitalised name beside the cue ("said Ana Ruiz"),
with ``speaker_id`` None.

Why rules first: attribution in news text follows a small set of conventions (cue verb before or after the
quote, inverted "said X", apposition, pronoun pointing at the last speaker, bare follow-on quote paragraphs)
and each decision must be explainable to the analyst checking the record. The word classes (cue verbs,
participles, pronouns, gender words, document nouns) are data in ``parley/data/quotes/cues.yaml``. On top,
``ranker`` re-scores a direct quote's speaker among the actors named near it with the rules' choice as its
strongest feature (logistic weights trained on PolNeAR train, ``parley/data/quotes/speaker_ranker.json``);
it never replaces a speaker phrase that names no one. Transcript labels ("CLINTON : We support …") are read
by ``transcript``.

Design choices:

- Quote marks: double marks only (“ ” " „ « »), mixed freely; the direction of each mark comes from its
  neighbours (space before -> opening, space or punctuation after -> closing), the glyph only breaks ties, so
  ``“…," Eysan said. "…”`` pairs correctly. Single marks are never quote marks at top level (apostrophes in
  "Cambodia’s", "won’t"; single-quoted headlines and subheads); inside a double quote they are text. Tokenized
  British text (T17's Guardian and BBC articles: "` Our great error , ' said Auden") is the exception: a lone
  backtick opens and a spaced lone apostrophe closes.
- One ``Quote`` record per contiguous quoted span: a split quote (“A,” he said. “B”) gives two records with the
  same speaker; a quote running over several paragraphs (no closing mark, next paragraph reopens) gives one
  record per paragraph, all with the speaker found anywhere in the chain. A paragraph that does not reopen
  but whose first mark closes (“A.¶B,” he said; PTB `` A .¶B , '' he said) continues the open quote too. ``start``/``end`` cover exactly the
  words (marks and a trailing comma excluded); bracketed editorial insertions stay in the text.
- An unclosed quote that ends ", he said." is read as a missing closing mark: the quote stops at the comma.
- Speaker order of preference for a direct quote: a cue right after it (", he said", "said Kem Sokha, who…",
  "Sok Eysan, spokesman for …, told VOA", "read the statement"), a cue before it ending in ":" or ",", for a
  quote embedded in a sentence the reported-speech clause it sits in (or the sentence's cue or subject), and
  for a bare quote paragraph the speaker of the previous or same paragraph. A listener ("told VOA") is never
  the speaker.
- "he/she" resolve to the most recent person who was a speaker or a sentence subject before the cue, outside
  quotes, with gender from a title or role word ("Mr", "spokeswoman"), else the first name (1990 US Census
  lists, ``data/quotes/first_names.tsv``), else the pronouns after the mentions; a speaker whose first name alone
  disagrees still counts, a sentence subject named once and ungendered (an actors-stage "person" such as the
  "Maine" of "in Portland, Maine") only when no gendered person is within 250 characters before it; a name
  inside the previous quote is never the antecedent. "they" -> last organisation/group; "it" -> the author of the last document
  noun ("It said …" after "Ban's statement"). A pronoun opening a sentence is the sentence's subject ("He called
  X “…”": not X), and a dateline ("LA CROSSE, Wisc. —") is never a subject.
- "read the statement", "the statement said": the speaker is the statement's author, found as a possessive
  ("Ban's statement"), "statement from/by X" or "X issued a statement" in the preceding text.
- Reported speech (``direct: false``) only with a clear pattern: "<speaker> <cue> (that) <clause>", "<clause>,
  <speaker> <cue>", "<clause>, said <speaker>", "according to <speaker>", ", saying/adding that <clause>"
  (speaker of the sentence's cue or its subject), "<speaker>, which says <clause>,". A speaker phrase that names
  no one ("Campaign aides said", "a senior official said") still makes it reported speech, with speaker None
  (on PolNeAR train this raised reported-speech recall from 0.46 to 0.65 for a precision of 0.84 -> 0.80).
  Verbs such as "acknowledged" count only with "that". Not reports: the words after a direct quote's cue
  ("…,” said Jane Doe, a lawyer"), an adjunct after the cue without a "that"-clause ("said as she accepted the
  award"), a listener with no clause ("told an audience of teachers"), and "<clause>, X <verb>" when an object
  follows the verb ("Trump continues to build his lead"); only an occasion may ("said at a rally"). Nothing inside a direct quote is reported speech of someone else (the quote belongs to
  its speaker), and a clause that is almost all direct quote (fewer than 4 words outside it, or 3 that hold
  under half its characters) is not repeated. Also reports: a parenthetical cue inside the sentence ("The
  bigger risk, he said, is …", "Since May, according to X, forces have …": the whole sentence), a cue in a
  relative clause ("an event that Carson says led him to Christ": the words after the cue), a pronoun opening
  a clause without "that" ("said he’d build a wall"), ", saying"/"— saying" (an unnamed speaker when the
  sentence names none), "asked (X) whether/if/how …" and "asked X to <verb>"; ", while"/", whereas" end a
  clause. On PolNeAR train (300 articles) these took reported-speech recall (speech cues) from 0.648 to 0.713
  (precision 0.846 -> 0.852); on the check slice the parenthesis reading is refused in a sentence holding a
  quote mark, and the auxiliary-gap reading needs a named or pronoun speaker ("his remarks will …").
- An embedded quote after a naming or accusation verb ("called the plan “a disaster”", "accused him of “high
  treason”", ", calling him a “talented guy”", "blasted Disney for its “outrageous practices”") is the verb's
  subject's statement (a participle: the sentence's speaker; a passive: the agent after "by", else unnamed),
  even when it is two words long; one-word quotes stay scare quotes.
- An embedded quote with no cue in its sentence goes to the sentence's subject (after up to three introductory
  commas), or a pronoun opening it; failing both, to the first person or body named before the quote in its
  sentence that a verb follows ("Speaking to MSNBC's Morning Joe, Bush referred to Rubio as “…”" -> Bush),
  never the object of a preposition; else it is left without speaker.
- A document speaks for its author: "The ad says", "A letter from the American Legion warns", "The campaign's
  statement declares" (a possessive, "from/by X", or who issued the document before it); with no author in
  reach it is an unnamed source, never a name inside the phrase ("obtained by the AP").
- "Mr. Prince said" goes to the earlier Erik Prince; an inverted cue never gives a title left in a mention by
  the actors stage ("said Democratic Rep. Dina Titus" -> Dina Titus); occupations and ages are role nouns like
  "the nominee" ("the 46-year-old said", "the actress explained"), and with no recent subject or speaker in
  reach they go to the person named most often before them; any -ed verb after "“…,” <speaker>" is a cue, with
  a phrase after it too ("Toomey fumed on Tuesday"); adverbs between speaker and cue are skipped.
- Speakers for later pronouns come from every cue, not only those that gave a quote ("If states fail, …,
  Wilcox said." then "“…,” he said"); an inverted cue a direct quote used opens no reported clause.
- Measured on PolNeAR (bench/quotes_polnear.py): choices made on train (every tenth article kept aside as
  ``check``), dev reported; pronoun recency was tried weighted toward the last speaker and toward the last
  subject, and plain recency kept (both lost on train and check).
- A name the actors stage missed or cut is still the speaker, with its span: a bare surname ("Vellaine
  notes", "said Gamboa.") goes to the earlier full-named person ending in it (the most mentioned one when
  several do), a name cut at an initial ("Jock A" of "Jock A. Finlayson") is taken whole, and a lone
  capitalised word opening the phrase before a cue counts only if the article never writes it in lower case.
- Named speakers beside the cue (second PolNeAR round): a cue word after a determiner or preposition is a
  noun ("in states with …", "the reports"; not "after saying"), as is the end of "so-called"; "<clause with an
  embedded quote>, said X, a …" gives X; a naming verb before an embedded quote beats a cue after it, and a
  cue whose speaker phrase names no one yields to the sentence's subject before it; a later quote's cue in
  the same sentence ("“a” and “b,” Dean proclaimed") gives both; "was asked by moderator X" gives X; "after
  X told" is X's clause; subjects are read past a participial or subordinate opening ("Speaking at …, X";
  "when Y spoke, X shot back, “…”", any -ed verb before the comma); "X’s campaign <verb>s" speaks for X
  (not "X's spokeswoman Jane Doe"); "Rep. X of <Place>, an ally of …, said" is X; a lone name opening a clause
  before an apposition ("Teck, the mining company, says") is a speaker when the article never writes it in
  lower case.
- A name modifying a role noun is not the sentence's subject: "Obama consultant Cornell Belcher picked up …"
  makes Belcher the subject a later "he" points to (role words: camp, person and office nouns of cues.yaml).
  An aside holding "in <City>, <State>," before the cue leaves the name before it the speaker ("Clinton,
  during a town hall in Columbus, Ohio, said"), and a person's campaign or office before an aside speaks for
  the person ("Sen. Kelly Ayotte's campaign, for example, said").
- One-word quotes without their own cue, or embedded in running text even beside a cue ("Trump's “excesses”
  are sickening, Hollande said"), are scare quotes, not statements, and are skipped; so are titles of works
  embedded in a sentence ("host of MSNBC's “Morning Joe,” suggested");
  quotes in heading-like paragraphs (short, no final punctuation, no cue) are skipped.

Modules: ``marks`` (quote marks and spans), ``lexicon`` (word classes), ``view`` (indexes over the document),
``candidates`` (speaker phrases beside a cue), ``pronouns`` (pronoun and document speakers), ``cues`` (the cue
of each direct quote), ``reported`` (reported speech), ``ranker`` (the trained speaker ranker), ``transcript``
(speaker labels of broadcast transcripts), ``attribute`` (the run in text order).
"""

from __future__ import annotations

from parley import text as textmod
from parley.context import Context
from parley.document import Document
from parley.quotes.attribute import Attributor
from parley.quotes.lexicon import Lexicon, default_lexicon, load_lexicon
from parley.quotes.marks import find_segments

__all__ = ["Lexicon", "annotate", "find_segments", "load_lexicon"]


def annotate(doc: Document, ctx: Context | None = None) -> Document:
    """Pipeline stage: fill ``doc.quotes`` with direct and reported speech and their speakers."""
    lex = ctx.get("quotes.lexicon", default_lexicon) if ctx is not None else default_lexicon()
    if not doc.paragraphs or not doc.sentences:
        textmod.segment(doc, ctx)
    doc.quotes = Attributor(doc, lex).run()
    return doc
