"""parley.events.candidates: the per-document index answers each sentence's mentions, times, quotes and paragraph
exactly as a scan of the whole document would (the scan was what made the stage quadratic: issue 15 item 7), and
``inside`` finds a position among sorted spans."""

from __future__ import annotations

import random

from parley.document import Actor, Document, Quote, TimeExpr
from parley.events.candidates import doc_index, inside, pronoun_subject, sentence_mentions


def _doc(n: int = 60) -> Document:
    rnd = random.Random(7)
    parts, sents, paras = [], [], []
    pos = 0
    for i in range(n):
        s = f"Sentence {i} names Velor and Marsh on Monday."
        sents.append([pos, pos + len(s)])
        parts.append(s)
        pos += len(s) + 1
        if i % 5 == 4:
            paras.append([sents[i - 4][0], sents[i][1]])
    text = " ".join(parts)
    doc = Document(id="d", text=text, sentences=sents, paragraphs=paras)
    for name in ("Velor", "Marsh"):
        spans = [[i, i + len(name)] for i in range(len(text)) if text.startswith(name, i) and rnd.random() < 0.8]
        doc.actors.append(Actor(id=name.lower(), name=name, mentions=spans))
    doc.times = [TimeExpr("Monday", i, i + 6, "2013-09-16") for i in range(len(text)) if text.startswith("Monday", i)]
    doc.quotes = [Quote("Velor", "velor", "x", s0, s0 + 8, speaker_span=[s0, s0 + 5]) for s0, _ in sents[::7]]
    return doc


def test_index_matches_a_full_scan():
    doc = _doc()
    idx = doc_index(doc, rebuild=True)
    for s, e in doc.sentences:
        scan = sorted((ms - s, me - s, a.id) for a in doc.actors for ms, me in a.mentions if s <= ms and me <= e)
        assert [(a, b, x.id) for a, b, x in sentence_mentions(doc, s, e)] == scan
        assert idx.times_in(s, e) == [t for t in doc.times if s <= t.start < e]
        assert idx.quotes_in(s, e) == [q for q in doc.quotes if s <= q.start < e or s <= q.speaker_span[0] < e]
        para = next((p for p in doc.paragraphs if p[0] <= s < p[1]), None)
        assert idx.paragraph(s) == (tuple(para) if para else None)


def test_inside_sorted_spans():
    spans = [(0, 5), (10, 20), (30, 31)]
    assert inside(3, spans) and inside(10, spans) and inside(30, spans)
    assert not inside(5, spans) and not inside(25, spans) and not inside(-1, spans) and not inside(31, spans)


def test_cue_word_prefilter_changes_no_match():
    """The three-letter word-head prefilter of the cue scan (coding._choose) skips only patterns that cannot match:
    the matches on written sentences are those of the unfiltered scan."""
    from parley.context import Context
    from parley.events import coding
    from parley.events.ontology import get_ontology

    onto = get_ontology(Context())
    sents = ["Ostravia's storms-hit troops stormed the town and declined to comment.",
             "The minister said talks with Karnavia were a mistake; police detained 18 people.",
             "Energy demand fell as the aid agency released a report on the cease-fire."]
    assert coding._pattern_heads(r"\b(?:storm(?:s|ed)? (?:the )|talks?)\b") == frozenset({"sto", "tal"})
    assert coding._pattern_heads(r"\b(?:(?:was|is) met with)\b") is None  # a two-letter branch: always run
    got = [[(m.start, m.end, m.cue.event) for m in coding.find_article_cues(onto, s)] for s in sents]
    real, index, gate = coding._may_match, coding._head_index, coding.may_contain
    try:  # every cue (and veto) run over every sentence
        coding._may_match = lambda p, h: True
        coding._head_index = lambda cues: (tuple(range(len(cues))), {})
        coding.may_contain = lambda lits, sentence, lowered: True
        want = [[(m.start, m.end, m.cue.event) for m in coding.find_article_cues(onto, s)] for s in sents]
    finally:
        coding._may_match, coding._head_index, coding.may_contain = real, index, gate
    assert got == want and all(got)
    # the head index (which cues a sentence's word heads can reach) names the cues the prefilter lets through
    cues = coding._article_list(onto)
    always, by_head = coding._head_index(cues)
    for s in sents:
        heads = coding.word_heads(s)
        reach = set(always).union(*(by_head.get(h, ()) for h in heads))
        assert reach == {r for r, c in enumerate(cues) if coding._may_match(c.pattern, heads)}


def test_a_cue_inside_a_quoted_term_names_no_event():
    """"its ``top kill'' operation": a term in quotation marks is named, not done; a longer quote still counts."""
    from parley.context import Context
    from parley.events import coding
    from parley.events.ontology import get_ontology

    onto = get_ontology(Context())

    def events(s):
        return [m.cue.event for m in coding.find_article_cues(onto, s) if m.cue.kind == "event"]

    assert "ASSAULT" not in events("The company resumed its `` top kill '' operation on the well.")
    assert "ASSAULT" not in events("The company resumed its “top kill” operation on the well.")
    assert "ASSAULT" in events('The rebels said "we will attack the base" on Monday.')
    assert "ASSAULT" in events('He said "no" and the rebels attacked the base.')


def _two(second: str) -> Document:
    first = "Tomas Brell led the Marsh Party."
    text = f"{first} {second}"
    doc = Document(id="p", text=text, sentences=[[0, len(first)], [len(first) + 1, len(text)]])
    for name, kind in (("Tomas Brell", "person"), ("Velor Union", "organization")):
        spans = [[i, i + len(name)] for i in range(len(text)) if text.startswith(name, i)]
        if spans:
            doc.actors.append(Actor(id=name.lower(), name=name, type=kind, mentions=spans))
    return doc


def test_subject_pronoun_after_an_opening_phrase_stands_for_the_person_before():
    """"He" opening the sentence or after an opening phrase that names no one ("In addition, he", "On Monday,
    she") is the earlier sentence's person, its span the pronoun; a name before the pronoun ("After the Velor
    Union left, he") or a pronoun deeper in the sentence gives none."""
    for second, pron in (("He resigned.", "He"), ("In addition, he resigned.", "he"),
                         ("On Monday, she resigned.", "she")):
        doc = _two(second)
        s = doc.sentences[1][0]
        got = pronoun_subject(doc, 1, sentence_mentions(doc, *doc.sentences[1]))
        assert [(doc.text[s + a:s + b], x.name) for a, b, x in got] == [(pron, "Tomas Brell")], second
    for second in ("After the Velor Union left, he resigned.", "The party said that he resigned."):
        doc = _two(second)
        assert pronoun_subject(doc, 1, sentence_mentions(doc, *doc.sentences[1])) == [], second
