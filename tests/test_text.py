from parley.document import Document
from parley.text import paragraphs, segment, sentence_index, sentences


def _texts(text):
    return [text[s:e] for s, e in sentences(text)]


def test_abbreviations_do_not_split():
    text = ("The U.N. envoy met U.S. officials on Sept. 17, 2013. Mr. Ruiz said talks at the U.N. "
            "would go on. Gen. J. Smith agreed.")
    assert _texts(text) == [
        "The U.N. envoy met U.S. officials on Sept. 17, 2013.",
        "Mr. Ruiz said talks at the U.N. would go on.",
        "Gen. J. Smith agreed.",
    ]


def test_quotes_spanning_sentences_stay_intact():
    text = "“We must act. We won’t allow it,” he said. Then he left. \"Go now. Please,\" she said."
    assert _texts(text) == ["“We must act. We won’t allow it,” he said.", "Then he left.",
                            "\"Go now. Please,\" she said."]


def test_question_exclamation_and_ellipsis():
    assert _texts("Will they talk? Yes! They will… Later.") == ["Will they talk?", "Yes!", "They will…", "Later."]


def test_runs_of_end_marks_and_an_ellipsis_before_a_mark_end_one_sentence():
    """The boundary opens with one class of end marks: a run ("?!", "...") is one end, and an ellipsis
    followed by a full stop ends after the stop, not between them."""
    text = "He paused…. Then what?! Wait… “No…” she said… (Really.) Go… 5 left... OK"
    assert _texts(text) == ["He paused….", "Then what?!", "Wait…", "“No…” she said…", "(Really.)", "Go…",
                            "5 left...", "OK"]


def test_paragraphs_and_offsets_slice_exactly():
    text = "  Title line\n\nFirst para. Second sentence.\n\n\nLast para here.  "
    doc = segment(Document(id="x", text=text))
    assert [text[s:e] for s, e in doc.paragraphs] == ["Title line", "First para. Second sentence.", "Last para here."]
    assert [text[s:e] for s, e in doc.sentences] == ["Title line", "First para.", "Second sentence.", "Last para here."]
    for s, e in doc.sentences:
        assert text[s:e] == text[s:e].strip() and s < e
    assert sentence_index(doc, text.index("Second")) == 2


def test_line_break_ends_sentence():
    assert _texts("one sentence per line\nanother line") == ["one sentence per line", "another line"]
    assert paragraphs("a\nb\n\nc") == [[0, 3], [5, 6]]


def test_no_sentence_or_paragraph_exceeds_its_cap_and_spans_still_slice():
    import time

    from parley.text import MAX_PARAGRAPH, MAX_SENTENCE

    # an unclosed quotation over 200 KB of sentences (cost used to grow with the square of its length),
    # a line with no sentence boundary, and a single 30,000-character "word"
    unclosed = "“" + "The minister said the talks would go on. " * 5000
    run_on = " ".join(["the talks would go on and on"] * 3000)
    word = "x" * 30_000
    text = f"{unclosed}\n\n{run_on}\n\n{word}\n\nShort closing paragraph."
    started = time.perf_counter()
    doc = segment(Document(id="t", text=text))
    assert time.perf_counter() - started < 5  # linear: the old quote scan took ~20 s on the first paragraph
    assert max(e - s for s, e in doc.sentences) <= MAX_SENTENCE
    assert max(e - s for s, e in doc.paragraphs) <= MAX_PARAGRAPH
    for s, e in doc.sentences:  # offsets slice the text, pieces are stripped and never overlap
        assert text[s:e] == text[s:e].strip() and s < e
    assert all(a[1] <= b[0] for a, b in zip(doc.sentences, doc.sentences[1:], strict=False))
    # every non-space character is in exactly one sentence, and each sentence in its paragraph
    covered = sum(text[s:e].count("o") for s, e in doc.sentences)
    assert covered == text.count("o")
    assert all(any(p0 <= s and e <= p1 for p0, p1 in doc.paragraphs) for s, e in doc.sentences)
    lo, hi = text.index(run_on), text.index(run_on) + len(run_on)
    pieces = [(s, e) for s, e in doc.sentences if lo <= s < hi]
    assert len(pieces) > 1 and all(e == hi or text[e] == " " for s, e in pieces)  # cut at spaces, not in words
    assert doc.sentences[-1] == [text.index("Short"), len(text)]


def test_an_over_long_paragraph_is_cut_into_small_pieces_and_a_long_one_under_the_cap_is_not():
    from parley.text import CHUNK, MAX_PARAGRAPH, MAX_SENTENCE

    sentence = "“We will not stop the talks,” Ana Ruiz said. "
    long_ok = (sentence * (MAX_PARAGRAPH // len(sentence))).strip()  # just under the cap: one paragraph
    over = (sentence * 2000).strip()  # 90,000 characters: pieces of about CHUNK (the quote stage's window)
    text = f"{long_ok}\n\n{over}"
    doc = segment(Document(id="t", text=text))
    assert doc.paragraphs[0] == [0, len(long_ok)]
    pieces = doc.paragraphs[1:]
    assert len(pieces) >= len(over) // (CHUNK + MAX_SENTENCE)
    assert all(e - s <= CHUNK + MAX_SENTENCE for s, e in pieces)
    assert pieces[0][0] == text.index(over) and pieces[-1][1] == len(text)
    assert all(text[s:e].startswith("“We") and text[s:e].endswith("said.") for s, e in pieces)  # between sentences


def test_caps_leave_ordinary_paragraphs_alone():
    text = "“We must act. We won’t allow it,” he said. Then he left.\n\nA second paragraph follows here."
    doc = segment(Document(id="t", text=text))
    assert doc.paragraphs == paragraphs(text) == [[0, 56], [58, len(text)]]
    assert [text[s:e] for s, e in doc.sentences] == [
        "“We must act. We won’t allow it,” he said.", "Then he left.", "A second paragraph follows here."]
