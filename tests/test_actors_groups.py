"""Country-qualified group mentions (``parley.actors.groups``): "<demonym> <sector head>" and plural demonyms as
group actors with a CAMEO code. Text written for these tests: fictional people, real countries (the gazetteer is
what is read)."""

from parley import actors, text
from parley.actors.groups import sector_heads
from parley.context import Context
from parley.document import Document


def _codes(body: str) -> dict:
    doc = actors.annotate(text.segment(Document(id="t", text=body, published="2019-05-02")), Context())
    return {a.name: a.code for a in doc.actors}


def test_a_demonym_before_a_sector_head_is_a_coded_group():
    got = _codes("Malian rebels seized two towns , and Peruvian authorities closed the border .")
    assert got.get("Malian rebels") == "MLIREB", got
    assert got.get("Peruvian authorities") == "PERGOV", got


def test_a_modifier_with_a_sector_of_its_own_gives_the_sector():
    got = _codes("Chadian rebel leaders met Kenyan diplomats in the capital .")
    assert got.get("Chadian rebel leaders") == "TCDREB", got
    assert got.get("Kenyan diplomats") == "KENGOV", got


def test_a_bare_head_is_no_actor():
    # "rebels" and "officials" alone name no one actor and take no article country
    got = _codes("Rebels seized two towns in Mali , officials said .")
    assert not any(name.lower() in ("rebels", "officials") for name in got), got


def test_a_country_name_with_a_possessive_qualifies_the_head():
    got = _codes("Mali's rebels rejected the offer .")
    assert got.get("Mali's rebels") == "MLIREB", got
    assert got.get("Mali") == "MLI", got  # the country keeps its own mention


def test_a_singular_head_only_where_no_noun_follows():
    got = _codes("A Ghanaian official said the talks failed .")
    assert got.get("Ghanaian official") == "GHAGOV", got
    got = _codes("Shells hit a Sudanese refugee camp on Monday .")
    assert not any("refugee" in name for name in got), got


def test_a_title_before_a_name_is_no_group():
    got = _codes("The Chilean foreign minister Tomas Varga arrived on Monday .")
    assert not any("minister" in name for name in got), got


def test_a_clause_is_no_phrase():
    # "Libya freed 37 prisoners": a verb between the country and the noun
    got = _codes("Mali freed 37 farmers on Sunday .")
    assert not any("farmers" in name for name in got), got


def test_plural_demonyms_are_the_people_of_the_country():
    got = _codes("Ecuadorians blamed Peru for the flood .")
    assert got.get("Ecuadorians") == "ECU", got


def test_plural_demonyms_in_general_or_living_elsewhere_are_no_side():
    got = _codes("The plan would help all Ecuadorians , the minister said .")
    assert "Ecuadorians" not in got, got
    got = _codes("Ecuadorians of northern Peru marched on Sunday .")
    assert "Ecuadorians" not in got, got
    got = _codes("Police arrested ethnic Ecuadorians in Peru .")
    assert "Ecuadorians" not in got, got


def test_a_demonym_before_a_capitalised_plural_is_a_people_of_that_country():
    got = _codes("Bosnian Croats marched in Mostar on Sunday .")
    assert got.get("Bosnian Croats") == "BIH", got


def test_the_table_reads_singular_and_plural_forms():
    heads = sector_heads()
    assert heads["rebel"] == ("rebels", "REB", False)
    assert heads["authorities"] == ("authorities", "GOV", True)
    assert "people" not in heads  # the nation in general, no sector (Phoenix PEOPLE [~PPL])
