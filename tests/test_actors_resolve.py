"""Actors resolution (``parley.actors.resolve``): which country an actor with none of its own is coded with.
Text written for these tests: fictional people, real countries (the gazetteer is what is read)."""

from parley import actors, text
from parley.context import Context
from parley.document import Document


def _codes(body: str) -> dict:
    doc = actors.annotate(text.segment(Document(id="t", text=body, published="2019-05-02")), Context())
    return {a.name: a.code for a in doc.actors}


def test_a_titled_person_never_takes_the_articles_dominant_country():
    # the story is about Bolivia and Chile; the president is neither's as far as the text says
    got = _codes("President Lena Moravec threatened Chile with sanctions . Chile and Bolivia rejected the threat . "
                 "Bolivia said Chile was to blame .")
    assert got["Lena Moravec"] == "GOV", got


def test_a_titled_person_takes_the_texts_only_country():
    got = _codes("President Lena Moravec extended the curfew in Bolivia after a week of unrest .")
    assert got["Lena Moravec"] == "BOLGOV", got


def test_a_two_word_demonym_before_a_group_word():
    got = _codes("North Korea said South Korean troops crossed the line .")
    assert got.get("South Korean troops") == "KORMIL", got


def test_a_country_name_inside_a_longer_name_counts_once():
    # "South China Sea" is a sea: its "China" is no country of the article; the government is unnamed
    got = _codes("Senator Ana Ruiz urged the government to act in the South China Sea , she said .")
    assert got.get("government") == "GOV", got
