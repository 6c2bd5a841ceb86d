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


def test_description_head_is_the_last_lowercase_word_and_person_nouns_widen():
    # R1g: "one Quebec party insider" is a description (head "insider"), not the name Quebec
    assert polnear.name_in("one Quebec party insider", rule="heads") is None
    assert polnear.name_in("another Lisbon bank executive", rule="heads") is None
    assert polnear.name_in("one Quebec party insider", rule="appositions") == "Quebec"  # R1d-f, kept
    assert polnear.name_in("the Gorman campaign", rule="heads") == "Gorman"  # a campaign stands for its candidate
    assert polnear.name_in("The Toledo Observer", rule="heads") == "Toledo Observer"  # a paper, not a person


def test_group_named_by_a_modifier_is_unnamed():
    # R1g: "Halvorsen volunteers" are people nobody names; the possessive singular is not a plural
    assert polnear.name_in("Halvorsen volunteers", rule="heads") is None
    assert polnear.name_in("the Okafor aides", rule="heads") is None
    assert polnear.name_in("Halvorsen volunteers", rule="appositions") == "Halvorsen"
    assert polnear._plural_person("volunteers") and not polnear._plural_person("senator's")


def test_lone_capitalised_common_word_is_no_name():
    lower = frozenset({"aides", "will"})
    assert polnear.name_in("Aides", lower, rule="heads") is None
    assert polnear.name_in("Another", lower, rule="heads") is None
    assert polnear.name_in("Will", lower, rule="heads") == "Will"  # a first name the article also writes lowercase
    assert polnear.name_in("Aides", lower, rule="appositions") == "Aides"


def test_title_of_office_before_the_name_is_not_a_preposition_object():
    assert polnear.name_in("Secretary of Agriculture Dana Whitlock", rule="heads") == "Agriculture Dana Whitlock"
    assert polnear.name_in("Secretary of State Mara Quill", rule="heads") == "Mara Quill"
    assert polnear.name_in("the president of Ruritania", rule="heads") is None
    assert polnear.name_in("Secretary of State Mara Quill", rule="appositions") is None


def _article(text, sources):
    art = polnear.Article("t", text, None)
    for src in sources:
        s = text.index(src)
        a = polnear.Attribution([(s, s + len(src))], [], [(0, 1)])
        a.source_text = src
        art.attrs.append(a)
    return art


def test_relative_who_after_name_of_place_is_the_person_and_groups_are_unnamed(monkeypatch):
    monkeypatch.setattr(polnear, "NAME_RULE", "heads")
    art = _article("Critics such as Sen. Dora Pell of Montana, who spoke Monday, said so. The Pell aides, "
                   "in turn, said more.", ["who", "The Pell aides,"])
    polnear.resolve_names(art)
    assert [(a.name, a.status) for a in art.attrs] == [("Dora Pell", "named"), (None, "unnamed")]
    monkeypatch.setattr(polnear, "NAME_RULE", "appositions")
    polnear.resolve_names(art)
    assert art.attrs[0].name == "Montana"
