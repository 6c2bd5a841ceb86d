"""TimeBank / TempEval-3 annotation conventions learnt from the development part of TimeBank+AQUAINT (every
5th document held out, ``bench/timex_timebank.py``): each rule on text written for the test, with fixed
publication dates."""

from __future__ import annotations

from datetime import date

from parley.timex import find_times

B98 = date(1998, 2, 13)  # a Friday


def tx(text, base):
    """(text, type, timex) of every expression, checking offsets."""
    out = []
    for t in find_times(text, base):
        assert text[t.start:t.end] == t.text
        out.append((t.text, t.type, t.timex))
    return out


def test_current_as_the_present():
    assert tx("Analysts blamed current market conditions.", B98) == [("current", "DATE", "PRESENT_REF")]
    assert tx("Current rates are low.", B98) == [("Current", "DATE", "PRESENT_REF")]
    # the price as it was then is a past reference; terms and names are no time at all
    assert tx("shares at half the then current price", B98) == [("then current", "DATE", "PAST_REF")]
    assert tx("The current account deficit widened.", B98) == []
    assert tx("warm water of the Gulf Current", B98) == []
