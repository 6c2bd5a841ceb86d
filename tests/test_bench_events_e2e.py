"""bench/events_e2e.py's scoring: a dotted acronym is one word in the name match (a gold side written "U.S." can
match), and ConfliBERT's quad is scored by the class of the event's CAMEO root, the scheme of its CAMEO penta labels,
with the PLOVER type's quad kept as the older figure."""

import importlib.util
import sys
from pathlib import Path
from types import SimpleNamespace

from parley.events.ontology import load

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("events_e2e", ROOT / "bench" / "events_e2e.py")
e2e = importlib.util.module_from_spec(_spec)
sys.modules["events_e2e"] = e2e
_spec.loader.exec_module(e2e)


def test_a_dotted_acronym_is_one_content_word():
    words = e2e.words
    assert words("U.S.") == {"us"} and words("the U.N. Security Council") == {"un", "security", "council"}
    assert words("Ostravia's parliament") == {"ostravia", "parliament"}  # plain words as before
    assert words("a") == set() and words(None) == set()


def ev(event, cameo):
    return SimpleNamespace(event=event, cameo=cameo)


def test_conflibert_quad_follows_the_cameo_root():
    onto = load()
    eased = ev("CONCEDE", "081")  # "lifted the travel restrictions": CAMEO 08 yield, material cooperation
    assert e2e.quad_of(onto, eased) == 2
    assert e2e.quad_of(onto, eased, plover=True) == 1  # PLOVER files CONCEDE verbal cooperation
    assert e2e.quad_of(onto, ev("CONCEDE", "035")) == 1  # an intent to yield is CAMEO 03, verbal cooperation
    assert e2e.quad_of(onto, ev("ASSAULT", "190")) == 4
    assert e2e.quad_of(onto, ev("REQUEST", "020")) == 0  # an appeal, CAMEO 02
    assert e2e.quad_of(onto, ev(None, "010")) == 0  # a statement
    assert e2e.quad_of(onto, ev("AID", None)) == 2  # no CAMEO code: the PLOVER quad
    assert e2e.quad_of(onto, None) is None
