"""The PolNeAR bench's gold speaker rule R1 (bench/quotes_polnear.py): descriptions are not names (R1b/R1d),
a document's author follows "by" (R1e), and the older rule stays available behind ``--name-rule runs``."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("quotes_polnear", ROOT / "bench" / "quotes_polnear.py")
polnear = importlib.util.module_from_spec(_spec)
sys.modules["quotes_polnear"] = polnear  # its dataclasses look their module up
_spec.loader.exec_module(polnear)


def test_capitalised_article_before_a_person_noun_is_a_description():
    assert polnear.name_in("The Florida senator", rule="descriptions") is None
    assert polnear.name_in("the former Florida governor", rule="descriptions") is None
    assert polnear.name_in("a Post reporter", rule="descriptions") is None
    assert polnear.name_in("The Florida senator", rule="runs") == "Florida"  # the old behaviour, kept


def test_names_survive_the_description_rule():
    assert polnear.name_in("The New Hampshire Union Leader", rule="descriptions") == "New Hampshire Union Leader"
    assert polnear.name_in("The French minister of energy, Ségolène Royal,", rule="descriptions") == "Ségolène Royal"
    assert polnear.name_in("Trump's campaign manager Kellyanne Conway", rule="descriptions") == "Kellyanne Conway"


def test_weekday_is_no_name_and_document_author_follows_by():
    assert polnear.name_in("The report published Tuesday", rule="descriptions") is None
    assert polnear.name_in("A report released in September by the National Academies of Sciences, Engineering "
                           "and Medicine", rule="descriptions") == "National Academies"
    assert polnear.name_in("a copy of the letter reviewed by The Post", rule="descriptions") is None
