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
