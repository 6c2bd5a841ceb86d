"""The PolNeAR bench's gold speaker rule R1 (bench/polnear_gold.py): descriptions are not names (R1b/R1d),
a document's author follows "by" (R1e), an apposed name beats a name modifying a description (R1f), and the older
rules stay available behind ``--name-rule descriptions`` and ``runs``."""

import importlib.util
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("polnear_gold", ROOT / "bench" / "polnear_gold.py")
polnear = importlib.util.module_from_spec(_spec)
sys.modules["polnear_gold"] = polnear  # its dataclasses look their module up
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


def test_apposed_name_after_a_modifying_name_is_the_speaker():
    # R1f: the reader names the person after the apposition comma, not the organisation modifying the head
    assert polnear.name_in("the White House press secretary, Josh Earnest,", rule="appositions") == "Josh Earnest"
    assert polnear.name_in("another Twitter user, Johanna Bayer", rule="appositions") == "Johanna Bayer"
    assert polnear.name_in("Florida’s Republican attorney general, Pam Bondi,", rule="appositions") == "Pam Bondi"
    assert polnear.name_in("another Twitter user, Johanna Bayer", rule="descriptions") == "Twitter"  # R1d-e, kept


def test_apposition_rule_leaves_places_names_and_coordinates_alone():
    assert polnear.name_in("Students at a private Catholic high school in Merrillville, Indiana,",
                           rule="appositions") != "Indiana"
    assert polnear.name_in("Stacy Baker of Columbia, South Carolina", rule="appositions") == "Stacy Baker"
    assert polnear.name_in("Bob Mulholland, a California superdelegate", rule="appositions") == "Bob Mulholland"
    assert polnear.name_in("Mr. Trump's daughter Ivanka and her husband, Jared Kushner,", rule="appositions") == "Ivanka"
