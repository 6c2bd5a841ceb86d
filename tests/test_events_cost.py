"""Events stage cost on sentences longer than the encoder reads (issue 15, item 7).

Why: a page without sentence punctuation becomes 2,000-character "sentences", and each event cue in one yields a
marked copy of it for the classifier. The encoder reads only the first ``MAX_TOKENS`` tokens, so copies marked
past that point are one input: it runs once (2.6 to 3.4 times fewer encoder rows on such pages), and shorter
inputs are untouched.
"""

import numpy as np

from parley.events.encoder import MAX_TOKENS, get_encoder


def test_texts_equal_up_to_the_cut_run_once_and_keep_their_rows():
    enc = get_encoder()
    head = " ".join(f"the talks in district {i} went on" for i in range(60))  # well past MAX_TOKENS tokens
    assert len(enc.tok.encode(head).ids) == MAX_TOKENS
    texts = [head + " and <s>Ana</s> met <t>Omar</t>", "The <s>army</s> attacked the <t>rebels</t> on Monday.",
             head + " and <s>Lena</s> told <t>Kofi</t>"]
    rows = []
    run = enc.session.run

    def counting(names, feeds):
        rows.append(len(feeds["input_ids"]))
        return run(names, feeds)

    enc.session.run = counting
    try:
        got = enc.encode(texts)
    finally:
        enc.session.run = run
    assert sum(rows) == 2  # the two long texts are one input
    assert got.shape == (3, 384)
    assert np.array_equal(got[0], got[2]) and not np.allclose(got[0], got[1])
