"""Transcript speaker labels ("LOVATT : We will …"): a labelled paragraph is its speaker's words, the label is
resolved to the full name the text gives. Texts written for these tests (a made-up interview)."""

import re

from parley import quotes, text
from parley.context import Context
from parley.document import Actor, Document

INTERVIEW = """Interview With Foreign Minister Mara Lovatt ; Aired March 3 , 2031 - 09:00 ET

PETRA OYELARAN , HOST : Good morning and welcome to the program .

Joining me now from the capital , Foreign Minister Mara Lovatt .

OYELARAN : Minister , will the talks go ahead ?

LOVATT : We expect the talks to open on Monday , and we want every party at the table .

OYELARAN : And if the rebels refuse ?

LOVATT -LRB- voice-over -RRB- : Then we will keep the door open . `` Nobody is shut out , '' as our president likes to say .

UNIDENTIFIED MALE : Long live the republic !

OYELARAN : Minister Lovatt , thank you ."""


def _doc(body: str, actors: dict[str, list[str]]) -> Document:
    doc = text.segment(Document(id="t", text=body))
    for name, forms in actors.items():
        spans = sorted({(m.start(), m.end()) for f in [name, *forms] for m in re.finditer(re.escape(f), body)})
        doc.actors.append(Actor(id=name.lower().replace(" ", "-"), name=name, aliases=forms,
                                mentions=[list(s) for s in spans]))
    return doc


def _by_start(doc: Document, words: str):
    return next(q for q in doc.quotes if q.text.startswith(words))


def test_labelled_paragraphs_are_the_labels_speakers_words_with_full_names():
    doc = quotes.annotate(_doc(INTERVIEW, {"Mara Lovatt": ["Lovatt"]}), Context())
    q = _by_start(doc, "We expect the talks")
    assert q.direct and q.speaker == "Mara Lovatt" and q.speaker_id == "mara-lovatt"
    assert doc.text[q.speaker_span[0]:q.speaker_span[1]] == "LOVATT"
    assert q.text.endswith("at the table .")
    # the host is named only by her first label ("PETRA OYELARAN , HOST"): no actor, the longer label's name
    assert _by_start(doc, "Minister , will the talks").speaker == "Petra Oyelaran"
    assert _by_start(doc, "Good morning").speaker == "Petra Oyelaran"
    # a label that describes no one is an unnamed speaker, not a name
    assert _by_start(doc, "Long live").speaker is None


def test_quote_marks_inside_a_turn_keep_their_own_attribution():
    doc = quotes.annotate(_doc(INTERVIEW, {"Mara Lovatt": ["Lovatt"]}), Context())
    assert not any(q.text.startswith("Then we will keep") for q in doc.quotes)  # a paragraph with marks: no turn record
    assert any(q.text.startswith("Nobody is shut out") for q in doc.quotes)


def test_a_quote_opening_a_labelled_paragraph_is_the_labels():
    body = INTERVIEW.replace("LOVATT : We expect the talks to open on Monday , and we want every party at the table .",
                             "LOVATT : `` We expect the talks to open on Monday . ''")
    doc = quotes.annotate(_doc(body, {"Mara Lovatt": ["Lovatt"]}), Context())
    assert _by_start(doc, "We expect the talks").speaker == "Mara Lovatt"


def test_kickers_and_single_labels_are_no_transcript():
    body = ("UPDATE : The minister spoke on Monday .\n\nBYLINE : Jo Smith .\n\nUPDATE : Talks resumed .\n\n"
            "Mara Lovatt said the talks would resume .")
    doc = quotes.annotate(_doc(body, {"Mara Lovatt": []}), Context())
    assert all(not q.text.startswith(("The minister spoke", "Talks resumed")) for q in doc.quotes)
    once = "LOVATT : We will talk .\n\nOYELARAN : Thank you .\n\nThe talks open on Monday ."
    doc = quotes.annotate(_doc(once, {"Mara Lovatt": ["Lovatt"]}), Context())
    assert not any(q.text.startswith("We will talk") for q in doc.quotes)  # no label used twice: not a transcript
