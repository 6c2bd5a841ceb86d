"""Actors stage, round 3 (issue 17 items b and c): where a mention starts and ends, and which country an actor
with none of its own is coded with. Text written for these tests (fictional people and places, real institutions
only where the institution table is what is tested)."""

from parley import actors, text
from parley.context import Context
from parley.document import Document


def _actors(body: str, **options) -> dict:
    doc = actors.annotate(text.segment(Document(id="t", text=body, published="2011-04-11")), Context(options=options))
    return {a.name: a for a in doc.actors}


def test_a_title_with_of_inside_it_is_peeled_whole():
    got = _actors("In Marshtown , Secretary of State Lena Voss said the talks failed . Assistant Velor "
                  "Secretary of State Piet Aron agreed .")
    assert "Lena Voss" in got and "Piet Aron" in got, set(got)
    assert not any(n.startswith("State ") for n in got), set(got)


def test_business_and_commission_titles_are_no_names():
    got = _actors("CEO Dara Kol said the firm was sorry . Tomas Brel , AU Commissioner for Peace , disagreed .")
    assert "Dara Kol" in got and got["Dara Kol"].code == "BUS"
    assert "AU Commissioner" not in got and "CEO Dara Kol" not in got, set(got)


def test_time_zones_and_a_dateline_agency_are_no_actors():
    got = _actors("MARSHTOWN -LRB- Reuters -RRB- - Talks resumed at 9:15 pm IST on Monday , officials said . "
                  "Later the convoy left at 10 am EST .")
    assert not {"IST", "EST", "Reuters"} & set(got), set(got)
    # the agency named as a source in a sentence is still an actor
    got = _actors("Rebels told Reuters that Tomas Brel had fled .")
    assert "Reuters" in got and got["Reuters"].type == "organization" and "Tomas Brel" in got, set(got)


def test_a_place_that_opens_with_a_function_word_is_not_cut():
    got = _actors("New Zealand said it would send ships . Officials in New York agreed . NEW YORK -LRB- EWN -RRB- - "
                  "Oil rose .")
    assert "New Zealand" in got and got["New Zealand"].code == "NZL"
    assert not {"Zealand", "York", "YORK"} & set(got), set(got)


def test_a_possessive_inside_an_organisation_name():
    got = _actors("The Marrow's Society said the study was flawed . Velor's Army said nothing .")
    assert "Marrow's Society" in got and got["Marrow's Society"].type == "organization", set(got)
    assert "Society" not in got


def test_an_organisation_takes_the_articles_country_only_when_it_is_a_state_body():
    body = ("Velorian troops shelled Marshtown . Velor 's Interior Ministry denied it . The Castel Society and "
            "the Orlo Group condemned Velor . Velor replied .")
    got = _actors(body.replace("Velorian", "Libyan").replace("Velor", "Libya"))
    assert got["Interior Ministry"].code == "LBYGOV"
    assert got["Castel Society"].code is None and got["Orlo Group"].code is None


def test_institutions_named_by_their_seat_have_their_own_country():
    body = "Libya rejected the plan . Libyan officials met . The White House and NATO said Libya must stop ."
    got = _actors(body)
    assert got["White House"].code == "USAGOV" and got["NATO"].code == "IGOWSTNAT"
    got = _actors(body, actor_bundled=False)  # without the table: no country invented for NATO
    assert got["NATO"].code is None


def test_a_table_name_inside_a_longer_name_is_no_mention():
    got = _actors("Oil executives told the Reuters Global Energy Summit that prices would rise .")
    assert not got, set(got)  # the summit is an event, not the agency
    alone = _actors("Rebels told Reuters the town fell .")
    assert alone["Reuters"].type == "organization" and alone["Reuters"].code == "MED"  # the table's own entry


def test_a_capitals_dateline_place_is_no_name():
    got = _actors("MARSHTOWN , VL. - The convoy left on Monday , officials said .\n\nORLO , Velor -LRB- EWN -RRB- - "
                  "Talks resumed .")
    assert not {"MARSHTOWN", "VL", "ORLO"} & set(got), set(got)


def test_credit_by_line_and_firm_suffixes_and_rooms_are_no_names():
    got = _actors("-LRB- Photos By Tomas Brel -RRB- Dara Kol objected . Shares are owned by Orlo & Company , Inc. "
                  "and traded . Captain Piet Aron met them at the Castel Inn in the Marrow Room .")
    assert "Tomas Brel" in got and "Piet Aron" in got, set(got)
    assert not {"Photos By Tomas Brel", "Company", "Inc", "Castel Inn", "Marrow Room", "Captain Piet Aron"} & set(got)


def test_an_agency_before_its_own_unit_names_the_unit():
    got = _actors("`` It only aggravates problems , '' he told Reuters Television . The Castel Economic Forum met .")
    assert "Reuters Television" in got and "Television" not in got, set(got)
    assert got["Castel Economic Forum"].type == "organization"


def test_ordinary_words_in_a_headline_case_line_are_no_part_of_a_name():
    body = ("Tomas Brel Calls Lena Voss ‘A Disgrace’ Over Harbour Shooting Comments.\n\n"
            "Lena Voss Says Piet Aron Won’t Be There.\n\nBrel said the harbour shooting comments were a disgrace , and he calls for calm over the weekend .\n\n"
            "ABSTRACT.\n\nThe abstract was long .")
    got = _actors(body)
    assert "Tomas Brel" in got and "Lena Voss" in got, set(got)
    assert "Piet Aron" in got and not any(w in n for n in got for w in ("Calls", "Over", "Says", "Won")), set(got)
    assert "ABSTRACT" not in got, set(got)
    # a sentence-case line keeps its names whole
    assert "Harbour Shooting Board" in _actors("Tomas Brel met the Harbour Shooting Board , officials said .")


def test_a_photo_credit_before_the_lede_and_virus_acronyms_are_no_names():
    got = _actors("Photograph Kirsty Marr\\/AP Tomas Brel , the firm 's chief executive , will scrap the plan . The H1N1 "
                  "virus and SARS spread , the Castel Care Unit said .")
    assert {"Kirsty Marr", "Tomas Brel"} <= set(got), set(got)
    assert not {"Photograph Kirsty Marr", "AP Tomas Brel", "H1N1", "SARS"} & set(got), set(got)
    assert got["Castel Care Unit"].type == "organization"


def test_an_organisation_name_runs_across_its_and():
    got = _actors("The Velor Securities and Exchange Commission fined the bank . The Marsh and Orlo Foundation "
                  "paid . Libya and Egypt Council met . Rallies by Orlo , Marsh Tod and Velor Students Union grew .")
    assert "Velor Securities and Exchange Commission" in got, set(got)
    assert got["Velor Securities and Exchange Commission"].type == "organization"
    assert "Marsh and Orlo Foundation" in got and "Exchange Commission" not in got, set(got)
    assert "Libya" in got and "Egypt Council" in got, set(got)  # a country before "and" is a party of its own
    assert "Velor Students Union" in got, set(got)  # the last items of a list stay apart


def test_vessels_and_rigs_are_no_persons():
    got = _actors("Crews said the Velor Horizon rig sank . The Dara Kol will reach the site on Monday , and the "
                  "Marsh Star tanker left .")
    assert "Velor Horizon" not in got and "Marsh Star" not in got, set(got)
    assert "Dara Kol" not in got or got["Dara Kol"].type != "person", set(got)
