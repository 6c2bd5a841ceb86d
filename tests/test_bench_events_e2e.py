"""bench/events_e2e.py's name matching: a dotted acronym is one word, so a gold side written "U.S." can match."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))

from events_e2e import words  # noqa: E402


def test_a_dotted_acronym_is_one_content_word():
    assert words("U.S.") == {"us"} and words("the U.N. Security Council") == {"un", "security", "council"}
    assert words("Ostravia's parliament") == {"ostravia", "parliament"}  # plain words as before
    assert words("a") == set() and words(None) == set()
