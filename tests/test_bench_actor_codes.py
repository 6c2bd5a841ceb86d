"""bench/actor_codes.py's scoring: a code with no country ("GOV") covers no side for the country figure but counts
for the sector alone; CAMEO's old country codes of the GSR read as ISO ones; the side's code is that of an actor
whose mention overlaps the gold text."""

import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
_spec = importlib.util.spec_from_file_location("actor_codes", ROOT / "bench" / "actor_codes.py")
ac = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(ac)

COUNTRIES = frozenset({"USA", "JPN", "IGO"})


def test_a_bare_sector_code_has_no_country():
    c = Counter()
    assert not ac.score("GOV", {"code": "USA", "sector": "GOV"}, c, COUNTRIES)
    assert c["coded"] == 0 and c["sector_only_right"] == 1 and c["any_sector_n"] == 1


def test_old_cameo_codes_and_unknown_sectors():
    c = Counter()
    assert ac.score("JPNGOV", {"code": "JAP", "sector": "GOV"}, c, COUNTRIES)
    assert ac.score("USAMIL", {"code": "USA", "sector": "***"}, c, COUNTRIES)
    assert c["coded"] == 2 and c["country_right"] == 2 and c["sector_n"] == 1 and c["sector_right"] == 1


def test_the_side_code_is_an_overlapping_actors():
    doc = SimpleNamespace(actors=[SimpleNamespace(code=None, mentions=[[0, 5]]),
                                  SimpleNamespace(code="USAGOV", mentions=[[10, 20]])])
    assert ac.system_code(doc, 12, 14) == "USAGOV" and ac.system_code(doc, 0, 3) is None
