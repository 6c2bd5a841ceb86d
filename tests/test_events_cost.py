"""Events stage cost on sentences longer than the encoder reads (issue 15, item 7).

Why: a page without sentence punctuation becomes 2,000-character "sentences", and each event cue in one yields a
marked copy of it for the classifier. The encoder reads only the ``MAX_TOKENS`` tokens around an input's marks
(``encoder.window``), so each copy costs at most that many tokens, and copies that differ only outside their
window are one input: it runs once. Shorter inputs are untouched.
"""

from contextlib import contextmanager

import numpy as np

from parley.events.encoder import MAX_TOKENS, get_encoder


@contextmanager
def _counting_runs(enc):
    """The rows of every network run of ``enc`` while the block runs."""
    rows: list[int] = []
    run = enc.session.run

    def counting(names, feeds):
        rows.append(len(feeds["input_ids"]))
        return run(names, feeds)

    enc.session.run = counting
    try:
        yield rows
    finally:
        enc.session.run = run


def test_texts_equal_within_the_window_run_once_and_keep_their_rows():
    enc = get_encoder()
    head = " ".join(f"the talks in district {i} went on" for i in range(60))  # well past MAX_TOKENS tokens
    assert len(enc.tok.encode(head).ids) > 4 * MAX_TOKENS
    clause = " and <s>Ana</s> met <t>Omar</t> in the capital"
    texts = ["An aide said " + head + clause, "The <s>army</s> attacked the <t>rebels</t> on Monday.",
             "Reporters said " + head + clause, head + " and <s>Lena</s> told <t>Kofi</t> to leave"]
    with _counting_runs(enc) as rows:
        got = enc.encode(texts)
    assert sum(rows) == 3  # the first and third differ only far before their marks: one input
    assert got.shape == (4, 384)
    assert np.array_equal(got[0], got[2]) and not np.allclose(got[0], got[1])
    assert not np.allclose(got[0], got[3])  # each long copy is read around its own marks


def _hostile(n: int) -> str:
    """One paragraph with no sentence punctuation, dense in event cues between named people (written for this)."""
    names = ["Ana Ruiz", "Tomas Berg", "Lena Okafor", "Yusuf Demir", "Kofi Mensah", "Hana Sato"]
    parts = [f"and {names[i % 6]} met {names[(i + 1) % 6]} and condemned and attacked and threatened the rebels "
             f"of district {i}" for i in range(n)]
    return "Talks\n\n" + " ".join(parts) + ".\n"


def test_a_hostile_page_reads_at_most_max_cues_per_sentence_and_classifies_at_most_the_cap(monkeypatch):
    import importlib

    from parley import pipeline
    from parley.events import classifier
    from parley.ingest import make_raw

    annotate = importlib.import_module("parley.events.annotate")
    monkeypatch.setattr(annotate, "MAX_CLASSIFIED", 5)
    sizes = []
    predict = classifier.EventClassifier.predict

    def counting(self, texts):
        sizes.append(len(texts))
        return predict(self, texts)

    monkeypatch.setattr(classifier.EventClassifier, "predict", counting)
    doc = pipeline.analyze(make_raw("h", "h.txt", _hostile(120).encode(), "text"))
    assert max(e - s for s, e in doc.sentences) <= 2000
    per_sentence = {}
    for ev in doc.events:
        if ev.event:
            per_sentence[ev.start] = per_sentence.get(ev.start, 0) + 1
    assert per_sentence and max(per_sentence.values()) <= annotate.MAX_CUES
    assert sizes and max(sizes) <= 5
    assert all(ev.event for ev in doc.events if ev.trigger in ("attacked", "condemned"))  # past the cap: cue types


def test_a_text_encoded_before_is_not_run_again():
    """Vectors are a function of their input alone, so the encoder keeps them: a sentence repeated across
    articles (wire copy) runs once, and the vector is the one it had."""
    enc = get_encoder()
    texts = ["<s>Rebels</s> shelled <t>the airport</t> outside the city late on Sunday.",
             "<s>The ministry</s> summoned <t>the envoy</t> over the remarks."]
    first = enc.encode(texts)
    with _counting_runs(enc) as rows:
        again = enc.encode(texts[::-1] + ["<s>Police</s> detained <t>two men</t> near the border crossing."])
    assert rows == [1]  # only the new sentence runs
    assert np.array_equal(again[:2], first[::-1])
