"""The event encoder's input window: an over-long classifier input is cut around its marks, not at its end."""

from __future__ import annotations

import numpy as np

from parley.events.encoder import MAX_TOKENS, Encoder, window

MARKS = frozenset({1, 2, 3, 4})


def test_a_short_input_is_kept_whole():
    ids = [101, 7, 1, 8, 2, 9, 102]
    assert window(ids, MARKS, 10) == tuple(ids)


def test_a_long_input_keeps_the_stretch_of_its_marks_centred():
    ids = [101, *range(10, 30), 1, 50, 2, 60, 3, 70, 4, *range(80, 100), 102]
    cut = window(ids, MARKS, 12)
    assert len(cut) == 12 and cut[0] == 101 and cut[-1] == 102
    assert {1, 2, 3, 4} <= set(cut)
    body = cut[1:-1]
    assert body.index(1) == 1 and len(body) - 1 - body.index(4) == 2  # the room left is shared either side


def test_marks_spanning_more_than_the_room_start_at_the_first_mark():
    ids = [101, 5, 5, 1, *range(10, 40), 4, 5, 102]
    assert window(ids, MARKS, 8) == (101, 1, 10, 11, 12, 13, 14, 102)


def test_an_unmarked_long_input_keeps_its_first_tokens():
    assert window([101, *range(10, 30), 102], MARKS, 6) == (101, 10, 11, 12, 13, 102)


def test_marks_near_the_end_keep_the_last_tokens():
    ids = [101, *range(10, 30), 1, 31, 2, 102]
    assert window(ids, MARKS, 6) == (101, 29, 1, 31, 2, 102)


def test_words_far_from_the_marks_do_not_change_the_vector():
    """Written for this test: a long sentence whose marked clause sits in the middle; what lies outside the
    window (here the opening and closing padding clauses) does not reach the network."""
    filler = "the committee discussed the budget for schools and roads and parks again " * 4
    core = "<s>The coastguard</s> rescued <t>eleven fishermen</t> after their boat capsized"
    a = f"Yesterday {filler} and then {core} and {filler} until dusk."
    b = f"Last week {filler} and then {core} and {filler} until midnight."
    enc = Encoder(cache_rows=0)
    assert len(enc.tok.encode(a).ids) > 2 * MAX_TOKENS
    va, vb = enc.encode([a, b])
    assert np.array_equal(va, vb)
    short = Encoder(cache_rows=0, max_tokens=4 * MAX_TOKENS)
    va, vb = short.encode([a, b])
    assert not np.array_equal(va, vb)  # a wider window sees the differing ends
