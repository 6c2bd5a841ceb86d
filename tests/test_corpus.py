"""Corpus view: actor merge, event de-duplication, trend, claims ledger, timeline storage, incremental rebuild.

Fixtures are hand-built Documents (actors, quotes and events filled) about a made-up country, upserted into a
temporary Store, so these tests do not depend on the per-article stages.
"""

import hashlib
import json
import sys
import types

import pytest

from parley import corpus
from parley.context import Context
from parley.corpus.claims import claims_ledger
from parley.corpus.merge import ActorRow, EventRow, cluster_events, merge_actors, strip_titles
from parley.corpus.trend import dyad_trend, trend_csv
from parley.document import Actor, Document, Event, Quote
from parley.store import Store, cluster_members, corpus_actor_roles
from parley.text import segment

CORPUS_TABLES = ("corpus_actors", "corpus_actor_aliases", "event_clusters", "event_cluster_members", "timeline",
                 "trend", "claims")

VERIN = {"id": "tomas-verin", "name": "Tomas Verin", "aliases": ["Verin"], "code": "VELGOV",
         "role": "prime minister", "affiliation": "National Unity Party",
         "surfaces": ["Prime Minister Tomas Verin", "Tomas Verin", "Verin"]}
SOREL = {"id": "lina-sorel", "name": "Lina Sorel", "aliases": ["Sorel"], "code": "VELOPP",
         "role": "opposition leader", "affiliation": "Veloria Democratic Alliance",
         "surfaces": ["Lina Sorel", "Sorel"]}
VDA = {"id": "vda", "name": "Veloria Democratic Alliance", "type": "organization", "aliases": ["VDA"],
       "code": "VELOPP", "surfaces": ["Veloria Democratic Alliance", "VDA"]}
NUP = {"id": "nup", "name": "National Unity Party", "type": "organization", "aliases": ["NUP"],
       "code": "VELGOVPTY", "surfaces": ["National Unity Party", "NUP"]}


def _spans(text, surfaces, taken):
    out = []
    for surface in sorted(surfaces, key=len, reverse=True):
        i = text.find(surface)
        while i >= 0:
            span = (i, i + len(surface))
            if not any(s < span[1] and span[0] < e for s, e in taken):
                taken.append(span)
                out.append(list(span))
            i = text.find(surface, i + 1)
    return sorted(out)


def mk(doc_id, published, outlet, text, actors, events=(), quotes=()):
    """A Document with mentions found by surface string, events/quotes located by their text."""
    doc = Document(id=doc_id, content_hash=hashlib.sha1(text.encode()).hexdigest(), published=published,
                   outlet=outlet, text=text, title=text.split(".")[0])
    segment(doc)
    taken = []
    for a in actors:
        doc.actors.append(Actor(id=a["id"], name=a["name"], type=a.get("type", "person"),
                                aliases=list(a.get("aliases", [])), code=a.get("code"), role=a.get("role"),
                                affiliation=a.get("affiliation"), mentions=_spans(text, a["surfaces"], taken)))
    for n, ev in enumerate(events):
        s = text.index(ev["span"])
        doc.events.append(Event(
            id=f"{doc_id}:{s}:{n}", date=ev["date"], date_precision=ev.get("precision", "day"), event=ev["event"],
            cameo=ev.get("cameo"), quad=ev.get("quad"), goldstein=ev.get("goldstein"),
            actor=ev.get("actor_names", []), recipient=ev.get("recipient_names", []),
            actor_ids=ev.get("actor", []), recipient_ids=ev.get("recipient", []), start=s, end=s + len(ev["span"]),
            negated=ev.get("negated", False), confidence=ev.get("confidence", 0.8)))
    for speaker_id, speaker, words in quotes:
        s = text.index(words)
        doc.quotes.append(Quote(speaker=speaker, speaker_id=speaker_id, text=words, start=s, end=s + len(words),
                                cue="said"))
    return doc


def store_with(tmp_path, *docs, name="c.db"):
    store = Store(tmp_path / name)
    for d in docs:
        store.upsert(d)
    return store


def dump(store):
    return {t: store.rows(f"SELECT * FROM {t} ORDER BY 1, 2") for t in CORPUS_TABLES} | {
        "actors": store.rows("SELECT doc_id, actor_id, corpus_actor_id FROM actors ORDER BY 1, 2")}


# --- articles ------------------------------------------------------------------------------------------------

MEET_A = ("Prime Minister Tomas Verin met opposition leader Lina Sorel on Monday to end the standoff. "
          "Police broke up a VDA rally in the capital on Monday.")
MEET_B = "Sorel and Verin held talks in March, officials said. Students also marched on Monday."


def doc_a():
    return mk("a", "2020-03-03", "Daily Veloria", MEET_A, [VERIN, SOREL, VDA], events=[
        {"span": "Prime Minister Tomas Verin met opposition leader Lina Sorel on Monday", "event": "CONSULT",
         "date": "2020-03-02", "actor": ["tomas-verin"], "recipient": ["lina-sorel"], "quad": 1, "goldstein": 1.0,
         "cameo": "040", "confidence": 0.9},
        {"span": "Police broke up a VDA rally in the capital on Monday", "event": "COERCE", "date": "2020-03-02",
         "actor": [], "actor_names": ["police"], "recipient": ["vda"], "quad": 4, "goldstein": -7.0},
    ])


def doc_b():
    sorel_only = {**SOREL, "name": "Sorel", "aliases": [], "surfaces": ["Sorel"]}
    verin_only = {**VERIN, "name": "Verin", "aliases": [], "surfaces": ["Verin"]}
    return mk("b", "2020-03-04", "Wire Service", MEET_B, [sorel_only, verin_only], events=[
        {"span": "Sorel and Verin held talks in March", "event": "CONSULT", "date": "2020-03", "precision": "month",
         "actor": ["lina-sorel"], "recipient": ["tomas-verin"], "quad": 1, "goldstein": 1.0},
        {"span": "Students also marched on Monday", "event": "PROTEST", "date": "2020-03-02",
         "actor_names": ["students"], "quad": 4, "goldstein": -6.5},
    ])


def doc_c():
    text = ("The National Unity Party (NUP) said on Monday that VDA supporters had blocked roads. "
            "Verin met Sorel on March 2, the NUP said.")
    verin = {**VERIN, "name": "Prime Minister Tomas Verin", "aliases": ["Verin"]}
    return mk("c", "2020-03-05", "Capital Times", text, [NUP, VDA, verin, SOREL], events=[
        {"span": "Verin met Sorel on March 2", "event": "CONSULT", "date": "2020-03-02", "actor": ["tomas-verin"],
         "recipient": ["lina-sorel"], "quad": 1, "goldstein": 1.0},
        {"span": "VDA supporters had blocked roads", "event": "PROTEST", "date": "2020-03-02", "actor": ["vda"],
         "quad": 4, "goldstein": -6.5},
    ])


def build(store, changed=None):
    return corpus.rebuild(store, Context(), changed_doc_ids=changed)


# --- event de-duplication --------------------------------------------------------------------------------------

def test_same_event_in_two_articles_is_one_cluster(tmp_path):
    with store_with(tmp_path, doc_a(), doc_b()) as store:
        build(store)
        meets = store.rows("SELECT * FROM event_clusters WHERE event = 'CONSULT'")
        assert len(meets) == 1
        m = meets[0]
        assert m["num_articles"] == 2 and m["num_sources"] == 2 and m["num_events"] == 2
        assert (m["earliest_report"], m["latest_report"]) == ("2020-03-03", "2020-03-04")
        # the day-precision report fixes the date; the month-precision one ("in March") matches it
        assert (m["date"], m["date_precision"]) == ("2020-03-02", "day")
        assert m["symmetric"] == 1 and json.loads(m["actor"]) == ["Lina Sorel", "Tomas Verin"]
        docs = {d.id: d for d in store.documents()}
        members = cluster_members(store, m["id"])
        assert {x["doc_id"] for x in members} == {"a", "b"}
        for x in members:
            assert docs[x["doc_id"]].text[x["start"]:x["end"]] == x["text"]
        # the representative sentence is a slice of the cleaned text
        assert docs[m["doc_id"]].text[m["start"]:m["end"]] == m["sentence"]
        assert m["sentence"].startswith("Prime Minister Tomas Verin met")


def test_different_happenings_same_day_stay_apart(tmp_path):
    with store_with(tmp_path, doc_a(), doc_b(), doc_c()) as store:
        build(store)
        day = store.rows("SELECT event, actor, num_articles FROM event_clusters WHERE date = '2020-03-02'"
                         " ORDER BY event, actor")
        kinds = [(r["event"], json.loads(r["actor"]), r["num_articles"]) for r in day]
        # one meeting (three reports), one crackdown, two different protests by different actors
        assert kinds == [("COERCE", ["~police"], 1), ("CONSULT", ["Lina Sorel", "Tomas Verin"], 3),
                         ("PROTEST", ["Veloria Democratic Alliance"], 1), ("PROTEST", ["~students"], 1)]


def test_negated_event_and_other_month_do_not_merge():
    def ev(i, date, prec="day", negated=False, actors=("x",), recips=("y",), event="SANCTION"):
        return EventRow(id=i, doc_id=i, date=date, date_precision=prec, event=event, cameo=None,
                        actors=list(actors), recipients=list(recips), negated=negated)

    groups = cluster_events([ev("1", "2021-05-04"), ev("2", "2021-05", "month"), ev("3", "2021-05-04", negated=True),
                             ev("4", "2021-06-04"), ev("5", "2021-05-04", recips=("z",)),
                             ev("6", "2021-05-04", event="REJECT")])
    assert sorted(sorted(e.id for e in g) for g in groups) == [["1", "2"], ["3"], ["4"], ["5"], ["6"]]


# --- actor merge ----------------------------------------------------------------------------------------------

def test_actor_merge_alias_acronym_and_title(tmp_path):
    with store_with(tmp_path, doc_a(), doc_b(), doc_c()) as store:
        build(store)
        ids = {(r["doc_id"], r["actor_id"]): r["corpus_actor_id"]
               for r in store.rows("SELECT doc_id, actor_id, corpus_actor_id FROM actors")}
        assert ids[("a", "tomas-verin")] == ids[("b", "tomas-verin")] == ids[("c", "tomas-verin")] == "tomas-verin"
        assert ids[("b", "lina-sorel")] == "lina-sorel"
        assert ids[("a", "vda")] == ids[("c", "vda")] == "veloria-democratic-alliance"
        names = {r["id"]: r["name"] for r in store.rows("SELECT id, name FROM corpus_actors")}
        assert names["tomas-verin"] == "Tomas Verin"  # the title is not part of the canonical name
        aliases = {r["alias"] for r in store.rows("SELECT alias FROM corpus_actor_aliases WHERE actor_id = ?",
                                                  ("veloria-democratic-alliance",))}
        assert {"VDA", "Veloria Democratic Alliance"} <= aliases
        roles = corpus_actor_roles(store, "tomas-verin")
        assert roles[0]["role"] == "prime minister" and roles[0]["first_seen"] == "2020-03-03"


def test_actor_merge_is_careful_with_shared_surnames():
    rows = [
        ActorRow("d1", "a", "Tomas Verin", "person"), ActorRow("d2", "a", "Marta Verin", "person"),
        ActorRow("d3", "a", "Verin", "person"),  # ambiguous: two Verins in the corpus, neither in d3
        ActorRow("d4", "a", "Verin", "person"), ActorRow("d4", "b", "Marta Verin", "person"),  # local evidence
        ActorRow("d5", "a", "Marta", "person"),  # a unique given name
        ActorRow("d6", "x", "CNP", "organization"),  # bare acronym matching a derived acronym
        ActorRow("d7", "x", "Civic Nationalist Party", "organization"),
        ActorRow("d8", "x", "President Tomas Verin", "person"),
        ActorRow("d9", "x", "Verin", "organization"),  # an organisation never merges with a person
    ]
    groups = {m: a["id"] for a in merge_actors(rows) for m in a["members"]}
    assert groups[("d1", "a")] == groups[("d8", "x")] == "tomas-verin"
    assert groups[("d2", "a")] == groups[("d4", "b")] == groups[("d4", "a")] == groups[("d5", "a")] == "marta-verin"
    assert groups[("d3", "a")] not in {"tomas-verin", "marta-verin"}
    assert groups[("d6", "x")] == groups[("d7", "x")] == "civic-nationalist-party"
    assert groups[("d9", "x")] not in {"tomas-verin", "marta-verin", groups[("d3", "a")]}
    assert strip_titles("opposition leader Lina Sorel") == "Lina Sorel"


def test_person_name_tail_joins_one_longer_name_and_scales_linearly():
    """A full name that is the tail of exactly one longer name joins it ("Lio Vant Sorel" / "Vant Sorel"), not when
    two longer names end in it; the tail lookup is an index (issue 15: a scan of every name per name was quadratic,
    minutes on a 7,500-article store)."""
    import time

    rows = [ActorRow("d1", "a", "Lio Vant Sorel", "person"), ActorRow("d2", "a", "Vant Sorel", "person"),
            ActorRow("d3", "a", "Mira Dalo Kest", "person"), ActorRow("d4", "a", "Ivo Dalo Kest", "person"),
            ActorRow("d5", "a", "Dalo Kest", "person")]
    groups = {m: a["id"] for a in merge_actors(rows) for m in a["members"]}
    assert groups[("d1", "a")] == groups[("d2", "a")] == "lio-vant-sorel"
    assert len({groups[("d3", "a")], groups[("d4", "a")], groups[("d5", "a")]}) == 3
    many = [ActorRow(f"d{i}", "a", f"Name{i} Middle{i % 97} Last{i % 89}", "person") for i in range(20000)]
    t = time.perf_counter()
    assert len(merge_actors(many)) == 20000
    assert time.perf_counter() - t < 30


def test_cluster_sentence_lookup_is_the_latest_sentence_holding_the_position():
    """The representative sentence of a cluster is found in the article's spans read once (issue 15), with the
    semantics of the SQL it replaced: the latest-starting sentence with start <= pos < end, else none."""
    from parley.corpus.rebuild import _DocText

    spans = [(0, 10), (10, 25), (30, 40), (32, 35)]
    doc = _DocText("x" * 40, spans)
    for pos in range(-1, 42):
        want = max((sp for sp in spans if sp[0] <= pos < sp[1]), default=None, key=lambda sp: sp[0])
        assert doc.sentence_at(pos) == want, pos
    assert _DocText("", []).sentence_at(3) is None


# --- trend ---------------------------------------------------------------------------------------------------

def trend_docs():
    jan = ("Police arrested VDA activists on January 5. Verin met Sorel on January 9. "
           "Troops seized VDA offices on January 20.")
    feb = "Sorel accused Verin of fraud on February 3."
    police = {"id": "police", "name": "National Police", "type": "organization", "code": "VELCOP",
              "surfaces": ["Police"]}
    troops = {"id": "army", "name": "Veloria Army", "type": "organization", "code": "VELMIL", "surfaces": ["Troops"]}
    d1 = mk("t1", "2020-01-21", "Daily Veloria", jan, [police, troops, VDA, VERIN, SOREL], events=[
        {"span": "Police arrested VDA activists on January 5", "event": "COERCE", "date": "2020-01-05",
         "actor": ["police"], "recipient": ["vda"], "quad": 4, "goldstein": -7.0},
        {"span": "Verin met Sorel on January 9", "event": "CONSULT", "date": "2020-01-09", "actor": ["tomas-verin"],
         "recipient": ["lina-sorel"], "quad": 1, "goldstein": 1.0},
        {"span": "Troops seized VDA offices on January 20", "event": "COERCE", "date": "2020-01-20",
         "actor": ["army"], "recipient": ["vda"], "quad": 4, "goldstein": -9.0},
    ])
    d2 = mk("t2", "2020-02-04", "Wire Service", feb, [VERIN, SOREL], events=[
        {"span": "Sorel accused Verin of fraud on February 3", "event": "ACCUSE", "date": "2020-02-03",
         "actor": ["lina-sorel"], "recipient": ["tomas-verin"], "quad": 3, "goldstein": -2.0},
    ])
    return d1, d2


def test_trend_counts_by_quad_per_month_with_events(tmp_path):
    with store_with(tmp_path, *trend_docs()) as store:
        build(store)
        rows = dyad_trend(store, "government", "opposition")
        assert [(r["month"], r["n"], r["quad1"], r["quad2"], r["quad3"], r["quad4"]) for r in rows] == [
            ("2020-01", 3, 1, 0, 0, 2), ("2020-02", 1, 0, 0, 1, 0)]
        jan = rows[0]
        assert jan["mean_goldstein"] == pytest.approx((-7.0 + 1.0 - 9.0) / 3, abs=1e-3)
        assert jan["mean_plover_score"] == pytest.approx((-7.0 + 2.5 - 7.0) / 3, abs=1e-3)
        assert jan["a_to_b"] == 2 and rows[1]["b_to_a"] == 1
        events = {r["id"]: r for r in store.rows("SELECT id, text FROM events")}
        assert sorted(events[e]["text"] for e in jan["event_ids"]) == [
            "Police arrested VDA activists on January 5", "Troops seized VDA offices on January 20",
            "Verin met Sorel on January 9"]
        # by name/title and by code prefix
        pair = dyad_trend(store, "Prime Minister Tomas Verin", "Sorel")
        assert [(r["month"], r["n"]) for r in pair] == [("2020-01", 1), ("2020-02", 1)]
        assert [r["n"] for r in dyad_trend(store, "VELMIL", "VDA")] == [1]
        stored = store.rows("SELECT * FROM trend WHERE a = 'group:government' AND b = 'group:opposition'"
                            " ORDER BY month")
        assert [r["n"] for r in stored] == [3, 1]
        csv = trend_csv(rows)
        assert csv.splitlines()[0].startswith("month,n,quad1") and "2020-01,3,1,0,0,2" in csv


# --- claims ---------------------------------------------------------------------------------------------------

def test_claim_and_counter_claims_are_linked(tmp_path):
    claim = ("Prime Minister Tomas Verin claimed that Lina Sorel had accepted the election results. "
             "“Sorel said she would stop the protests,” Verin said.")
    answer = ("The Veloria Democratic Alliance fired back at Verin, saying it had nothing to hide. "
              "Sorel denied she had accepted the results. Sorel said her remarks were twisted.")
    d1 = mk("k1", "2020-04-01", "Daily Veloria", claim, [VERIN, SOREL],
            quotes=[("tomas-verin", "Verin", "Sorel said she would stop the protests,")])
    d2 = mk("k2", "2020-04-03", "Wire Service", answer, [VDA, VERIN, SOREL])
    with store_with(tmp_path, d1, d2) as store:
        build(store)
        ledger = claims_ledger(store)
        first = ledger[0]
        assert first["claim"]["speaker_id"] == "tomas-verin" and first["claim"]["target_id"] == "lina-sorel"
        ev = first["claim"]["evidence"]
        assert d1.text[ev["start"]:ev["end"]] == ev["text"] and "claimed" in ev["text"]
        counters = {c["speaker_id"]: c for c in first["counter_claims"]}
        assert set(counters) == {"veloria-democratic-alliance", "lina-sorel"}
        assert counters["veloria-democratic-alliance"]["link"] == "speaker is the target's party"
        assert counters["veloria-democratic-alliance"]["target_id"] == "tomas-verin"
        for c in counters.values():
            e = c["evidence"]
            assert d2.text[e["start"]:e["end"]] == e["text"]
        # the quote-based claim is found too, with the quote as its evidence
        quoted = [r for r in ledger if r["claim"] and r["claim"]["basis"] == "quote"]
        assert quoted and quoted[0]["claim"]["evidence"]["text"] == "Sorel said she would stop the protests,"


def test_counter_claim_outside_window_or_by_others_is_not_linked(tmp_path):
    d1 = mk("w1", "2020-04-01", "A", "Tomas Verin accused Lina Sorel of fraud.", [VERIN, SOREL])
    d2 = mk("w2", "2020-09-01", "B", "Lina Sorel denied the charge.", [SOREL])
    d3 = mk("w3", "2020-04-02", "C", "National Unity Party officials denied any fraud by Lina Sorel.", [NUP, SOREL])
    with store_with(tmp_path, d1, d2, d3) as store:
        build(store)
        ledger = claims_ledger(store)
        assert ledger[0]["claim"]["id"].startswith("w1:") and ledger[0]["counter_claims"] == []
        assert {r["counter_claims"][0]["evidence"]["doc_id"] for r in ledger if r["claim"] is None} == {"w2", "w3"}


# --- rebuild: idempotent, incremental, timeline -------------------------------------------------------------

def test_rebuild_is_idempotent(tmp_path):
    with store_with(tmp_path, doc_a(), doc_b(), doc_c(), *trend_docs()) as store:
        build(store)
        first = dump(store)
        again = build(store, changed=set())
        assert again["changed_docs"] == 0 and dump(store) == first
        build(store)  # a forced full rebuild writes the same rows
        assert dump(store) == first


def test_incremental_add_matches_full_rebuild(tmp_path):
    with store_with(tmp_path, doc_a(), doc_b(), *trend_docs(), name="inc.db") as inc:
        build(inc)
        before = inc.rows("SELECT id FROM event_clusters WHERE date LIKE '2020-01%'")
        inc.upsert(doc_c())
        info = build(inc, changed={"c"})
        assert info["mode"] == "incremental" and info["changed_docs"] == 1
        assert info["clusters_examined"] < inc.count("event_clusters")  # January clusters were not re-examined
        assert inc.rows("SELECT id FROM event_clusters WHERE date LIKE '2020-01%'") == before
        with store_with(tmp_path, doc_a(), doc_b(), *trend_docs(), doc_c(), name="full.db") as full:
            build(full)
            assert dump(inc) == dump(full)


def test_an_added_article_that_moves_other_articles_actors_stays_incremental_and_exact(tmp_path):
    """Issue 15: an article naming a second Verin ("Marta Verin") makes the bare "Verin" of article b ambiguous,
    so b's actor moves to a corpus actor of its own. That used to force a re-cluster of the whole corpus; now
    only the events whose resolved actors moved are re-examined, and the tables equal a full rebuild's."""
    marta = {"id": "marta-verin", "name": "Marta Verin", "surfaces": ["Marta Verin"]}
    later = mk("e", "2020-04-02", "Evening Post", "Marta Verin met Lina Sorel on April 1.", [marta, SOREL],
               events=[{"span": "Marta Verin met Lina Sorel on April 1", "event": "CONSULT", "date": "2020-04-01",
                        "actor": ["marta-verin"], "recipient": ["lina-sorel"], "quad": 1}])
    with store_with(tmp_path, doc_a(), doc_b(), doc_c(), *trend_docs(), name="inc.db") as inc:
        build(inc)
        before = {(r["doc_id"], r["actor_id"]): r["corpus_actor_id"]
                  for r in inc.rows("SELECT doc_id, actor_id, corpus_actor_id FROM actors")}
        assert before[("b", "tomas-verin")] == "tomas-verin"
        january = inc.rows("SELECT * FROM event_clusters WHERE date LIKE '2020-01%' ORDER BY id")
        inc.upsert(later)
        info = build(inc, changed={"e"})
        after = {(r["doc_id"], r["actor_id"]): r["corpus_actor_id"]
                 for r in inc.rows("SELECT doc_id, actor_id, corpus_actor_id FROM actors")}
        assert after[("b", "tomas-verin")] != "tomas-verin"  # the bare "Verin" is ambiguous now
        assert {k for k in before if after[k] != before[k]} == {("b", "tomas-verin")}  # and nothing else moved
        assert info["mode"] == "incremental" and info["events_reresolved"] == 1
        assert info["clusters_examined"] < inc.count("event_clusters")
        assert inc.rows("SELECT * FROM event_clusters WHERE date LIKE '2020-01%' ORDER BY id") == january
        with store_with(tmp_path, doc_a(), doc_b(), doc_c(), *trend_docs(), later, name="full.db") as full:
            build(full)
            assert dump(inc) == dump(full)


def test_full_recluster_groups_events_by_the_one_family_definition(tmp_path):
    """The full re-cluster reads one family at a time; its grouping is ``merge.family`` itself (a PLOVER type in
    any case, a CAMEO root where the type is missing or empty, no family where neither is usable), so every
    family's events come in one group and nothing is read twice or lost."""
    from parley.corpus.merge import family
    from parley.corpus.rebuild import _family_chunks

    text = "Talks. Talks again. A protest. A march. A strike. An odd code. Nothing coded."
    kinds = [("Talks", "CONSULT", "040"), ("Talks again", "consult", "043"), ("A protest", "", "141"),
             ("A march", None, "145"), ("A strike", None, "14"), ("An odd code", "", "1a0"),
             ("Nothing coded", None, None)]
    doc = mk("f", "2020-05-02", "Daily Veloria", text, [], events=[
        {"span": span, "event": event, "cameo": cameo, "date": "2020-05-01"} for span, event, cameo in kinds])
    with store_with(tmp_path, doc) as store:
        seen = []
        for chunks in _family_chunks(store):
            rows = [r for where, params in chunks
                    for r in store.rows(f"SELECT e.id, e.event, e.cameo FROM events e WHERE {where}", params)]
            assert len({family(r["event"], r["cameo"]) for r in rows}) == 1
            seen.append(sorted((r["event"] or "", r["cameo"] or "") for r in rows))
        assert seen == [[("", "14"), ("", "141"), ("", "145")],  # CAMEO14, then CONSULT, then no family
                        [("CONSULT", "040"), ("consult", "043")], [("", ""), ("", "1a0")]]


def test_corpus_actor_ids_stay_put_as_articles_arrive():
    """An id is read from the group's earliest report, so a later article with a fuller (or odd) form renames
    the group (``name``) but not its id; a newcomer whose name slugs the same renumbers no one."""
    pan = [ActorRow("d1", "x", "Pan Am Flight", "organization", published="2011-02-20"),
           ActorRow("d2", "x", "Pan Am Flight", "organization", published="2011-02-21")]
    odd = ActorRow("a0", "x", "Ghadaffi Bomb Exploded Pan Am Flight", "organization", aliases=["Pan Am Flight"],
                   published="2011-03-21")
    first = {a["id"]: a for a in merge_actors(pan)}
    assert list(first) == ["pan-am-flight"]
    grown = merge_actors([*pan, odd])
    assert [(a["id"], a["name"]) for a in grown] == [("pan-am-flight", "Ghadaffi Bomb Exploded Pan Am Flight")]
    jordan = [ActorRow("d1", "j", "Jordan", "country", published="2011-02-20"),
              ActorRow("d2", "j", "Jordan", "country", published="2011-02-21")]
    assert [a["id"] for a in merge_actors(jordan)] == ["jordan"]
    # a person "Jordan" in an article whose id sorts first: the country keeps its id, the person adds its type
    ids = {a["type"]: a["id"] for a in merge_actors([*jordan, ActorRow("a0", "p", "Jordan", "person")])}
    assert ids == {"country": "jordan", "person": "jordan-person"}


def test_incremental_known_names_assigned_by_lookup_and_replaced_doc(tmp_path):
    with store_with(tmp_path, doc_a(), doc_c()) as store:
        build(store)
        later = mk("d", "2020-03-06", "Evening Post", "Tomas Verin met Lina Sorel on Monday.", [VERIN, SOREL],
                   events=[{"span": "Tomas Verin met Lina Sorel on Monday", "event": "CONSULT", "date": "2020-03-02",
                            "actor": ["tomas-verin"], "recipient": ["lina-sorel"], "quad": 1}])
        store.upsert(later)
        info = build(store, changed={"d"})
        assert info["actors"].startswith("assigned")
        meet = store.rows("SELECT num_articles FROM event_clusters WHERE event = 'CONSULT'")
        assert [m["num_articles"] for m in meet] == [3]
        # the article changes: its event moves to another day; the old cluster shrinks, a new one appears
        changed = mk("d", "2020-03-06", "Evening Post", "Tomas Verin met Lina Sorel on Friday.", [VERIN, SOREL],
                     events=[{"span": "Tomas Verin met Lina Sorel on Friday", "event": "CONSULT",
                              "date": "2020-03-06", "actor": ["tomas-verin"], "recipient": ["lina-sorel"]}])
        assert store.upsert(changed) == "replaced"
        build(store, changed={"d"})
        meet = store.rows("SELECT date, num_articles FROM event_clusters WHERE event = 'CONSULT' ORDER BY date")
        assert [(m["date"], m["num_articles"]) for m in meet] == [("2020-03-02", 2), ("2020-03-06", 1)]
        assert store.rows("SELECT COUNT(*) AS n FROM event_cluster_members WHERE doc_id = 'd'")[0]["n"] == 1


def test_timeline_rows_and_happenings_view(tmp_path, monkeypatch):
    calls = []

    def timeline_from_documents(docs, dates=None, sentences=None, query=None):
        docs = list(docs)  # the rebuild streams the store's documents
        calls.append(len(docs))
        a = next(d for d in docs if d.id == "a")
        s = a.text.index("Prime Minister")
        e = a.text.index("standoff.") + len("standoff.")
        return [{"date": "2020-03-02", "precision": "day", "sentences": [a.text[s:e]], "sources": ["a", "b"],
                 "evidence": [["a", s, e]]},
                {"date": "2020-03-05", "precision": "day", "sentences": ["Students also marched on Monday."],
                 "sources": ["b"], "evidence": []}]

    monkeypatch.setitem(sys.modules, "parley.corpus.doc_timeline",
                        types.SimpleNamespace(timeline_from_documents=timeline_from_documents))
    with store_with(tmp_path, doc_a(), doc_b()) as store:
        build(store)
        rows = store.rows("SELECT * FROM timeline ORDER BY date, rank")
        docs = {d.id: d for d in store.documents()}
        for r in rows:
            assert docs[r["doc_id"]].text[r["start"]:r["end"]] == r["sentence"]
        assert rows[1]["doc_id"] == "b"  # located in the cleaned text when no evidence came back
        build(store, changed=set())
        assert calls == [2]  # dates unchanged: the timeline is not recomputed
        view = {d["date"]: d for d in corpus.happenings(store)}
        day = view["2020-03-02"]
        meeting = [h for h in day["happenings"] if h["event"] == "CONSULT"]
        assert len(meeting) == 1 and meeting[0]["num_articles"] == 2
        assert day["sentences"] == []  # the summary sentence is the meeting's evidence: listed once
        assert {"a", "b"} <= set(day["sources"])


def test_claims_on_a_seed_article(seeds_dir, tmp_path):
    """On a real article (raw text, actors marked by hand): the lead's claim and the party's retort."""
    text = (seeds_dir / "001_655b0d2d04cd4c32.txt").read_text(encoding="utf-8")
    pm = {"id": "p1", "name": "Hun Sen", "code": "KHMGOV", "affiliation": "Cambodian People's Party",
          "surfaces": ["Cambodian Prime Minister Hun Sen", "Prime Minister Hun Sen", "Hun Sen"]}
    leader = {"id": "p2", "name": "Sam Rainsy", "code": "KHMOPP", "affiliation": "Cambodia National Rescue Party",
              "surfaces": ["opposition leader Sam Rainsy", "Sam Rainsy"]}
    party = {"id": "o1", "name": "Cambodia National Rescue Party", "type": "organization", "aliases": ["CNRP"],
             "surfaces": ["Cambodia National Rescue Party", "CNRP"]}
    official = {"id": "p3", "name": "Son Chhay", "affiliation": "Cambodia National Rescue Party",
                "surfaces": ["Son Chhay"]}
    doc = mk("s1", "2013-09-19", "RFA", text, [pm, leader, party, official])
    with store_with(tmp_path, doc) as store:
        build(store)
        ledger = claims_ledger(store)
    first = ledger[0]
    assert (first["claim"]["speaker"], first["claim"]["target"]) == ("Hun Sen", "Sam Rainsy")
    retort = first["counter_claims"][0]
    assert retort["speaker"] == "Cambodia National Rescue Party" and retort["cue"] == "fired back"
    assert "nothing to hide" in retort["evidence"]["text"]
    accused = [r["claim"] for r in ledger if r["claim"] and r["claim"]["cue"] == "accused"]
    assert accused and accused[0]["target"] == "Son Chhay"  # the head of "CNRP senior official Son Chhay"


# --- the seed story: the merged timeline of the five real articles --------------------------------------------

# Happenings of the story as a reader of the five seeds lists them: (date, month or year, words that name it).
# These are measurements of the articles, used only here; the code knows none of them.
SEED_HAPPENINGS = [
    ("2013-07-28", r"July 28 polls|July 28 elections"),                      # the election
    ("2013-09-14", r"meetings held Sept\. 14-15"),                             # first rounds of talks
    ("2013-09-15", r"tear gas"),                                               # rally dispersed
    ("2013-09-16", r"reached an agreement"),                                   # agreement on reforms
    ("2013-09-17", r"stumbling block|Tuesday’s protest"),                      # third round of talks
    ("2013-09-26", r"threatened to release an audio recording"),               # the recording threat
    # the UN call: the article carries no date ("called Thursday"); its publication date is inferred by clean
    # from the text, and only the year is certain (the caption says "pictured ... in February 2016")
    ("2016", r"called Thursday for negotiations"),                             # UN call for dialogue
    ("2017-11", r"dissolved"),                                                 # the dissolution
    ("2018-03-26", r"culture of dialogue"),           # call for dialogue (the sentence that names the day)
    ("2018-03-27", r"will not negotiate"),                                     # refusal
    ("2020-01", r"put on trial"),                                              # the trial
]


def test_seed_story_timeline(seeds_dir, tmp_path, capsys):
    """The five seeds through the whole pipeline into a store; the timeline of the stored Documents holds each
    happening once, under its real date (day, or month where the text gives only the month), with sources."""
    import re

    from parley.cli import main
    from parley.corpus.doc_timeline import timeline_from_documents

    db = tmp_path / "seeds.db"
    assert main(["run", str(seeds_dir), "--db", str(db)]) == 0
    capsys.readouterr()
    with Store(db) as store:
        docs = {d.id: d for d in store.documents()}
    tl = timeline_from_documents(list(docs.values()))
    dates = [e["date"] for e in tl]
    assert len(dates) == len(set(dates)) and dates == sorted(dates)
    for e in tl:
        assert e["sources"] and set(e["sources"]) <= set(docs)
        assert e["precision"] == ("day" if len(e["date"]) == 10 else "month")
        for sent, (doc_id, s, t) in zip(e["sentences"], e["evidence"], strict=True):
            assert docs[doc_id].text[s:t] == sent and doc_id in e["sources"]
    all_sents = [s for e in tl for s in e["sentences"]]
    assert len(all_sents) == len(set(all_sents))  # no sentence twice
    for when, words in SEED_HAPPENINGS:
        hits = [e["date"] for e in tl if any(re.search(words, s) for s in e["sentences"])]
        assert len(hits) == 1 and hits[0].startswith(when), (when, words, hits)  # present, once, its own date
    # the same happening reported by two articles is one entry listing both
    both = {e["date"]: e["sources"] for e in tl}
    assert len(both["2013-07-28"]) == 2 and len(both["2017-11"]) == 2
    # a planned event (the July 2018 election, "set to be held") is no happening yet
    assert not any(d.startswith("2018-07") or d.startswith("2017-07") for d in dates)
    # the government-opposition trend moves from talks (2013) to arrest, dissolution and refusal (2017-2018)
    with Store(db) as store:
        trend = dyad_trend(store, "government", "opposition")
    early = [r for r in trend if r["month"] < "2014"]
    late = [r for r in trend if "2017" <= r["month"] < "2019"]
    assert sum(r["quad1"] + r["quad2"] for r in early) >= 2
    assert late and sum(r["quad1"] + r["quad2"] for r in late) == 0
    assert sum(r["quad3"] + r["quad4"] for r in late) >= 3


def test_counter_claim_links_only_to_a_claim_about_its_speaker(tmp_path):
    """The responder is the speaker of the response (the clause's subject), not the nearest actor before the
    cue; a response links only to an earlier claim whose target is the responder or the responder's party."""
    from parley.corpus.claims import responder

    text = ("Prime Minister Tomas Verin claimed that the Veloria Democratic Alliance had accepted the results. "
            "In June, state media carried remarks attributed to Lina Sorel praising the army. "
            "Lina Sorel and the VDA said her remarks were twisted. "
            "Verin also accused Marta Ilves of bribery. "
            "Sorel’s Veloria Democratic Alliance dismissed the claim. "
            "Officials said Marta Ilves denied taking money.")
    ilves = {"id": "marta-ilves", "name": "Marta Ilves", "surfaces": ["Marta Ilves"]}
    doc = mk("r1", "2020-05-01", "Daily Veloria", text, [VERIN, SOREL, VDA, ilves])
    with store_with(tmp_path, doc) as store:
        build(store)
        rows = {r["id"]: r for r in store.rows("SELECT * FROM claims")}
        ledger = claims_ledger(store)
    twisted = next(r for r in rows.values() if r["cue"] == "twisted")
    assert twisted["speaker_id"] == "lina-sorel"  # not the VDA, the nearest mention before the cue
    assert twisted["responds_to"] is None  # the claim was about the party, Sorel does not answer for it
    dismissed = next(r for r in rows.values() if r["cue"] == "dismissed")
    assert dismissed["speaker_id"] == "veloria-democratic-alliance"  # the head of "Sorel's VDA"
    claim = rows[dismissed["responds_to"]]
    assert claim["target_id"] == "veloria-democratic-alliance" and claim["cue"] == "claimed"
    denied = next(r for r in rows.values() if r["cue"] == "denied")
    assert denied["speaker_id"] == "marta-ilves"  # "Officials said X denied": X responds
    assert rows[denied["responds_to"]]["cue"] == "accused"
    linked = [c["speaker_id"] for r in ledger if r["claim"] for c in r["counter_claims"]]
    assert sorted(linked) == ["marta-ilves", "veloria-democratic-alliance"]
    # the responder rule on its own: the first of coordinated subjects, the head of a possessive
    import re

    s = "Kem Ana and the Civic Party said the story was twisted."
    ms = [(0, 7, "kem-ana"), (16, 27, "civic-party")]
    speech = re.compile(r"\bsaid\b")
    assert responder(s, ms, 0, s.index("twisted"), [], speech) == "kem-ana"
    s2 = "Kem Ana's Civic Party rejected it."
    assert responder(s2, [(0, 7, "kem-ana"), (10, 21, "civic-party")], 0, s2.index("rejected"), [],
                     speech) == "civic-party"


def test_date_interval_reads_ranges_weeks_and_fallbacks():
    """A range or week closes at its end day (not the whole year); a publication-date fallback is that day."""
    from datetime import date

    from parley.corpus.merge import date_interval

    assert date_interval("2013-09-14", "day", "2013-09-15") == (date(2013, 9, 14), date(2013, 9, 15))
    assert date_interval("2013-09-23", "week", "2013-09-29") == (date(2013, 9, 23), date(2013, 9, 29))
    assert date_interval("2013-09-26", "publication") == (date(2013, 9, 26), date(2013, 9, 26))
    assert date_interval("2017-11", "month") == (date(2017, 11, 1), date(2017, 11, 30))
    assert date_interval("2013-09-15", "day", "2013-09-01") == (date(2013, 9, 15), date(2013, 9, 15))  # bad end


def test_agentless_report_joins_the_named_one_and_refusal_is_asserted():
    """"X was arrested in May" (no agent) is the same happening as "police arrested X" that month, not one at
    year precision; "will not negotiate" (REJECT, negated + future in its words) is an asserted refusal."""
    def ev(i, date, prec="day", actors=("police",), recips=("x",), event="COERCE", **flags):
        return EventRow(id=i, doc_id=i, date=date, date_precision=prec, event=event, cameo="173",
                        actors=list(actors), recipients=list(recips), **flags)

    groups = cluster_events([ev("1", "2021-05-04"), ev("2", "2021-05", "month", actors=()),
                             ev("3", "2021", "year", actors=()), ev("4", "2021-05-04", actors=(), recips=("y",))])
    assert sorted(sorted(e.id for e in g) for g in groups) == [["1", "2"], ["3"], ["4"]]
    refusal = ev("5", "2021-05-04", event="REJECT", negated=True, future=True)
    assert refusal.modality == "asserted" and ev("6", "2021-05-04", negated=True).modality == "negated"
    assert ev("7", "2021-05-04", event="REJECT", hypothetical=True).modality == "hypothetical"


def test_trend_counts_an_agentless_state_act_as_the_government_s(tmp_path):
    """An arrest reported without its agent counts for government vs opposition (marked implied); a refusal
    to negotiate counts as verbal conflict; an agentless protest (not a state act) counts for no one."""
    text = ("Opposition leader Lina Sorel was arrested on February 10. Tomas Verin said on February 11 he will not "
            "negotiate with the VDA. Crowds protested on February 12.")
    d3 = mk("t3", "2020-02-13", "Daily Veloria", text, [SOREL, VDA, VERIN], events=[
        {"span": "Opposition leader Lina Sorel was arrested on February 10", "event": "COERCE", "cameo": "173",
         "date": "2020-02-10", "recipient": ["lina-sorel"], "quad": 4, "goldstein": -5.0},
        {"span": "he will not negotiate with the VDA", "event": "REJECT", "cameo": "125", "date": "2020-02-11",
         "actor": ["tomas-verin"], "recipient": ["vda"], "quad": 3, "goldstein": -5.0, "negated": True},
        {"span": "Crowds protested on February 12", "event": "PROTEST", "cameo": "141", "date": "2020-02-12",
         "actor_names": ["crowds"], "quad": 4, "goldstein": -6.5},
    ])
    with store_with(tmp_path, *trend_docs(), d3) as store:
        build(store)
        feb = {r["month"]: r for r in dyad_trend(store, "government", "opposition")}["2020-02"]
        assert (feb["n"], feb["quad3"], feb["quad4"], feb["implied"]) == (3, 2, 1, 1)
        stored = store.rows("SELECT n, implied FROM trend WHERE a = 'group:government' AND b = 'group:opposition'"
                            " AND month = '2020-02'")
        assert [(r["n"], r["implied"]) for r in stored] == [(3, 1)]


def test_claims_take_each_sentence_its_own_mentions():
    """A sentence's mentions are those inside it, also at its first and last characters (found by bisection
    over the sorted mentions): a claim never borrows a speaker or target from the sentence before or after."""
    from parley.corpus.claims import detect_claims

    text = ("Verin claimed that Sorel had rigged the count in Ostrava. Nobody answered Verin. "
            "Sorel claimed that Verin had lied about Sorel.")
    doc = mk("kb", "2020-05-01", "Daily Veloria", text, [VERIN, SOREL])
    ids = {"tomas-verin": "tomas-verin", "lina-sorel": "lina-sorel"}
    names = {"tomas-verin": "Tomas Verin", "lina-sorel": "Lina Sorel"}
    got = sorted((r["start"], r["speaker_id"], r["target_id"]) for r in detect_claims(doc, ids, names)
                 if r["basis"] == "sentence")
    s1, s3 = doc.sentences[0][0], doc.sentences[2][0]
    assert got == [(s1, "tomas-verin", "lina-sorel"), (s3, "lina-sorel", "tomas-verin")]
