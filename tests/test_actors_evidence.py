"""Actors evidence pass (``parley.actors.evidence``): the person's own country, read from the words around the
mention. Text written for these tests: fictional people, real countries (the gazetteer is what is read)."""

from parley import actors, text
from parley.context import Context
from parley.document import Document


def _codes(body: str) -> dict:
    doc = actors.annotate(text.segment(Document(id="t", text=body, published="2019-05-02")), Context())
    return {a.name: a.code for a in doc.actors}


def test_a_country_word_before_title_words_the_role_table_lacks():
    got = _codes("Saudi Crown Prince Faris Aldan flew to Cairo . Egypt welcomed him , and Egypt signed a deal .")
    assert got["Faris Aldan"] == "SAUELI", got
    got = _codes("Kenya's Crown Prince Omari Lenku met Ugandan traders . Uganda and Uganda agreed .")
    assert got["Omari Lenku"].startswith("KEN"), got


def test_a_country_word_before_an_earlier_title_and_a_comma():
    got = _codes("Omani Prime Minister , Prince Talal Rami , visited Iran . Iran and Iran agreed .")
    assert got["Talal Rami"].startswith("OMN"), got


def test_a_lower_case_junior_title_keeps_its_country_word():
    got = _codes("Ghanaian junior foreign minister Kojo Amankwa met Togo 's envoy . Togo and Togo agreed .")
    assert got["Kojo Amankwa"] == "GHAGOV", got


def test_of_a_country_after_a_titled_name():
    got = _codes("Tomas Vell , President of Peru , met Chilean officials . Chile and Chile agreed .")
    assert got["Tomas Vell"] == "PERGOV", got
    got = _codes("King Idris Faraj of Jordan met Syrian envoys . Syria and Syria agreed .")
    assert got["Idris Faraj"] == "JORGOV", got


def test_a_titled_speaker_speaks_for_the_country_that_is_the_sentences_subject():
    got = _codes("Peru has begun pulling troops back from the border with Chile , Defence Minister Ana Ruiz said . "
                 "Chile welcomed the move , and Chile opened two crossings .")
    assert got["Ana Ruiz"] == "PERGOV", got
    got = _codes("Peru will close the border with Chile , Interior Minister Ana Ruiz has said .")
    assert got["Ana Ruiz"] == "PERGOV", got
    # the object of the sentence is not the speaker's country
    got = _codes("Chile said Peru closed the border , Interior Minister Ana Ruiz said .")
    assert got["Ana Ruiz"] == "CHLGOV", got
