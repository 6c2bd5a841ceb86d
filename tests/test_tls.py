"""Timeline summarisation: tilse's alignment ROUGE on a hand-worked example (when the [eval] extra is
installed), the install hint without it, centroid terms, T17 parsing, the day-reference finder and ``build_timeline`` on small fixtures (plus one T17 topic when ../shared is present)."""

from datetime import date
from pathlib import Path

import pytest

from parley.corpus.day_refs import fast_day_refs
from parley.corpus.timeline import build_timeline
from parley.evaluate.tls import read_timeline, topic_of

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
D = date


try:
    import tilse  # noqa: F401  (the optional scorer: pip install -e ".[eval]" && pip install --no-deps tilse)
    HAVE_TILSE = True
except ImportError:
    HAVE_TILSE = False
needs_tilse = pytest.mark.skipif(not HAVE_TILSE, reason="tilse (the optional [eval] extra) is not installed")


@needs_tilse
def test_tilse_alignment_rouge_worked_example():
    """tilse's align+ m:1 on a hand-worked example.
    Predicted: Jan 1 "Bombs hit the city .", Jan 3 "Talks begin in Cairo ."
    Reference:  Jan 1 "Bombs hit city centre .", Jan 4 "Peace talks begin ."

    Evaluation tokens (lower-case, stop words "the"/"in" and "." dropped, Porter stems):
    p1 = bomb hit citi; p3 = talk begin cairo; r1 = bomb hit citi centr; r4 = peac talk begin.
    Alignment costs: (1 - 1/(days+1)) * (1 - unigram F1 of raw tokens, punctuation dropped): p1~r1 costs 0;
    p3: r4 costs 1/2 * (1 - 4/7) = 0.21, r1 costs 2/3 * 1 -> p3~r4 (and r4~p3).
    ROUGE-1: p1~r1 hits 3 (weight 1); p3~r4 hits 2 (weight 1/(1+1) = 1/2).
      P = (3 + 2/2) / (3 + 3) = 4/6;  R = (3 + 2/2) / (4 + 3) = 4/7;  F = 2PR/(P+R) = 16/26.
    ROUGE-2: p1 {bomb-hit, hit-citi} vs r1 {bomb-hit, hit-citi, citi-centr}: 2 hits;
      p3 {talk-begin, begin-cairo} vs r4 {peac-talk, talk-begin}: 1 hit, weight 1/2.
      P = (2 + 1/2) / (2 + 2) = 0.625;  R = (2 + 1/2) / (3 + 2) = 0.5;  F = 5/9.
    Date-F1: {Jan 1, Jan 3} vs {Jan 1, Jan 4}: P = R = F = 1/2.
    """
    from parley.evaluate.tls import tilse_scorer

    score = tilse_scorer()
    pred = {D(2010, 1, 1): ["Bombs hit the city ."], D(2010, 1, 3): ["Talks begin in Cairo ."]}
    ref = {D(2010, 1, 1): ["Bombs hit city centre ."], D(2010, 1, 4): ["Peace talks begin ."]}
    got = score(pred, ref)
    assert got["rouge_1"]["precision"] == pytest.approx(4 / 6)
    assert got["rouge_1"]["recall"] == pytest.approx(4 / 7)
    assert got["rouge_1"]["f_score"] == pytest.approx(16 / 26)
    assert got["rouge_2"]["precision"] == pytest.approx(0.625)
    assert got["rouge_2"]["recall"] == pytest.approx(0.5)
    assert got["rouge_2"]["f_score"] == pytest.approx(5 / 9)
    assert got["date"] == {"precision": 0.5, "recall": 0.5, "f_score": 0.5}
    assert score({}, ref)["rouge_1"]["f_score"] == 0.0


def test_eval_tls_without_tilse_says_how_to_install(tmp_path, monkeypatch, capsys):
    import sys

    from parley.cli import main

    monkeypatch.setitem(sys.modules, "tilse", None)  # import tilse now raises ImportError
    monkeypatch.setitem(sys.modules, "tilse.data.timelines", None)
    assert main(["eval", "tls", "--t17", str(tmp_path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "pip install" in err[0] and "tilse" in err[0]


def test_centroid_terms_are_stemmed_content_words():
    from parley.corpus.term_vectors import stopwords
    from parley.corpus.term_vectors import terms as stemmed_terms

    terms, n = stemmed_terms("The protesters protested in the square, and protests spread.")
    assert n == 9 and terms["protest"] == 3 and "the" not in terms and "square" not in terms
    assert terms["squar"] == 1
    sw = stopwords()
    assert {"the", "of", "reuters", "said"} <= sw and "protest" not in sw


def test_read_timeline_merges_repeated_and_skips_malformed(tmp_path):
    f = tmp_path / "tl.txt"
    f.write_text("2011-01-25\nProtests begin . \n--------------------------------\n"
                 "2011-04-0\nBroken date .\n--------------------------------\n"
                 "2011-01-25\nMore protests .\n--------------------------------\n"
                 "2011-02-11\nMubarak resigns .\n--------------------------------\n", encoding="utf-8")
    tl = read_timeline(f)
    assert tl == {D(2011, 1, 25): ["Protests begin .", "More protests ."], D(2011, 2, 11): ["Mubarak resigns ."]}
    assert topic_of("SyrianCrisis_reuters") == "syria" and topic_of("bpoil_bbc") == "bpoil"


def test_fast_day_refs_resolves_against_publication_date():
    base = D(2010, 4, 22)  # a Thursday
    text = ("The rig exploded on April 20 , 2010 . Crews searched on Tuesday and again yesterday . "
            "Officials will meet on Friday . The 11 April report was wrong . The rig may sink .")
    got = {text[o:o + 9]: date.fromordinal(d) for o, d in fast_day_refs(text, base)}
    assert got == {"April 20 ": D(2010, 4, 20), "Tuesday a": D(2010, 4, 20), "yesterday": D(2010, 4, 21),
                   "Friday . ": D(2010, 4, 23), "11 April ": D(2010, 4, 11)}
    # a month and day without a year late in December, seen in January, is the previous year
    assert fast_day_refs("on December 30", D(2011, 1, 2)) == [(3, D(2010, 12, 30).toordinal())]


ARTICLES = [
    {"id": "a1", "time": "2011-01-26", "text": "Thousands of protesters filled Tahrir Square in Cairo on "
     "Tuesday, demanding the end of Mubarak's rule.\nPolice fired tear gas at the protesters in the square."},
    {"id": "a2", "time": "2011-01-27", "text": "The protests that began on January 25 spread to Suez and "
     "Alexandria.\nAt least four people died in clashes with police in Suez."},
    {"id": "a3", "time": "2011-02-12", "text": "President Hosni Mubarak resigned on Friday after eighteen days "
     "of protests.\nThe army took control of the country and promised elections."},
    {"id": "a4", "time": "2011-02-12", "text": "Crowds celebrated in Tahrir Square after Mubarak resigned "
     "yesterday and handed power to the military council."},
]


def test_topicality_ratio_marks_the_side_story():
    from parley.corpus.timeline import _topicality, prepare

    side = {"id": "a5", "time": "2011-01-28", "text": "The football club signed a new striker on Tuesday for "
            "a record transfer fee.\nFans welcomed the striker at the stadium."}
    coll = prepare(ARTICLES + [side])
    ratio = _topicality(coll, list(range(len(coll.ids))), 2.0)
    assert ratio[4] < min(ratio[i] for i in range(4)) - 0.05  # the side story is the least topical
    assert sum(ratio.values()) / len(ratio) == pytest.approx(1.0)


def test_build_timeline_dates_sentences_and_evidence():
    tl = build_timeline(ARTICLES, dates=2, sentences=1)
    assert [e["date"] for e in tl] == ["2011-01-25", "2011-02-11"]
    texts = {a["id"]: a["text"] for a in ARTICLES}
    for e in tl:
        assert len(e["sentences"]) == 1 and e["sources"]
        for sent, (doc, s, t) in zip(e["sentences"], e["evidence"], strict=True):
            assert texts[doc][s:t] == sent
    assert "resigned" in tl[1]["sentences"][0]
    # defaults choose L and K themselves; a query keeps working
    assert 1 <= len(build_timeline(ARTICLES)) <= 20
    assert build_timeline(ARTICLES, query="Suez clashes", dates=1)
    assert build_timeline([]) == []


@needs_tilse
@pytest.mark.skipif(not (SHARED / "data" / "t17").is_dir(), reason="../shared not present")
def test_t17_haiti_runs_the_protocol():
    from parley.evaluate.tls import evaluate_t17, format_report

    res = evaluate_t17(SHARED / "data" / "t17", topics=["haiti"])
    assert [t["timeline"] for t in res["tasks"]] == ["haiti_bbc/bbc"]
    task = res["tasks"][0]
    assert task["L"] == 11 and task["predicted_dates"] <= 11
    assert task["date"]["f_score"] > 0.3 and task["rouge_1"]["f_score"] > 0.05
    assert "AVERAGE" in format_report(res)


def test_grid_points_and_leave_one_topic_out_choice():
    from parley.evaluate.tls import grid_points

    pts = grid_points({"B": (1, 2), "A": (0.0, 0.5)})
    assert pts[0] == {"A": 0.0, "B": 1} and len(pts) == 4 and {"A": 0.5, "B": 2} in pts


@needs_tilse
@pytest.mark.skipif(not (SHARED / "data" / "t17").is_dir(), reason="../shared not present")
def test_t17_leave_one_topic_out_uses_the_other_topics():
    from parley.evaluate.tls import evaluate_t17, f_score, tilse_scorer

    grid = {"ADJ_PENALTY": (0.0, 0.6)}
    res = evaluate_t17(SHARED / "data" / "t17", topics=["haiti", "mj"], grid=grid)
    assert res["loto"] and res["grid_points"] == 2 and set(res["chosen"]) == {"haiti", "mj"}
    # haiti's parameters are the grid point with the best AR-1 F on the other topic (mj, one timeline) alone
    from parley.corpus.timeline import prepare, summarize
    from parley.evaluate.tls import load_t17

    mj = load_t17(SHARED / "data" / "t17", topics=["mj"])["mj"]
    coll = prepare(mj["articles"])
    (_, ref), = mj["timelines"]
    rd = sorted(ref)
    k = round(sum(len(v) for v in ref.values()) / len(rd))
    fs = []
    for adj in (0.0, 0.6):
        tl = summarize(coll, dates=len(rd), sentences=k, start=rd[0].isoformat(), end=rd[-1].isoformat(),
                       params={"ADJ_PENALTY": adj})
        pred = {date.fromisoformat(e["date"]): e["sentences"] for e in tl}
        fs.append(tilse_scorer()(pred, ref)["rouge_1"]["f_score"])
    best = 0.0 if fs[0] >= fs[1] else 0.6
    assert res["chosen"]["haiti"] == {"ADJ_PENALTY": best}
    assert all(t["params"] == res["chosen"][t["topic"]] for t in res["tasks"])
    a = res["average"]["rouge_1"]
    assert a["f_score"] == pytest.approx(f_score(a["precision"], a["recall"]))


def _doc(doc_id, published, text, times):
    from parley.document import Document, TimeExpr
    from parley.text import segment

    doc = Document(id=doc_id, content_hash=doc_id, published=published, text=text)
    segment(doc)
    for surface, value, precision in times:
        s = text.index(surface)
        doc.times.append(TimeExpr(text=surface, start=s, end=s + len(surface), value=value, precision=precision,
                                  kind="date"))
    return doc


def test_timeline_from_documents_month_entries_and_one_entry_per_happening():
    from parley.corpus.doc_timeline import timeline_from_documents

    d1 = _doc("x1", "2019-03-10", "The court dissolved the Civic Party in November 2018 after a short hearing. "
              "Its leader was arrested on March 3 at his home.",
              [("November 2018", "2018-11", "month"), ("March 3", "2019-03-03", "day")])
    d2 = _doc("x2", "2019-06-01", "Since the Civic Party was dissolved in November 2018 its members stay home. "
              "The leader was put on trial in May, lawyers said.",
              [("November 2018", "2018-11", "month"), ("May", "2019-05", "month")])
    tl = timeline_from_documents([d1, d2])
    by = {e["date"]: e for e in tl}
    assert set(by) == {"2018-11", "2019-03-03", "2019-05"}
    assert by["2018-11"]["precision"] == "month" and sorted(by["2018-11"]["sources"]) == ["x1", "x2"]
    assert by["2019-03-03"]["precision"] == "day" and "arrested" in by["2019-03-03"]["sentences"][0]
    texts = {"x1": d1.text, "x2": d2.text}
    for e in tl:
        for sent, (doc_id, s, t) in zip(e["sentences"], e["evidence"], strict=True):
            assert texts[doc_id][s:t] == sent


def _event(doc, span, event, when, precision, actors=(), recipients=()):
    from parley.document import Event

    s = doc.text.index(span)
    doc.events.append(Event(id=f"{doc.id}:{s}", date=when, date_precision=precision, event=event,
                            actor_ids=list(actors), recipient_ids=list(recipients), start=s, end=s + len(span),
                            confidence=0.8))


def _actors(doc, *names):
    from parley.document import Actor

    for name in names:
        doc.actors.append(Actor(id=name.split()[-1].lower(), name=name))  # "verin", "sorel", "court"


def test_store_timeline_is_built_on_happenings_with_dated_sentences(tmp_path, capsys):
    """A small store: one meeting reported by two articles (one dates it "on Monday", the other "on March 2"),
    an agreement whose sentence has no date of its own (the events stage dated it from the context), and a
    month-dated ban. ``parley timeline --db`` gives one entry per happening date with its events (type, actors)
    and sources, and summary sentences that name the entry's date."""
    import json

    from parley.cli import main
    from parley.store import Store

    d1 = _doc("m1", "2020-03-03", "Heavy rain fell across the capital for most of the week. Prime Minister "
              "Tomas Verin met opposition leader Lina Sorel on Monday to end the standoff. The two leaders "
              "agreed to set up a joint commission on electoral reform.", [("Monday", "2020-03-02", "day")])
    _actors(d1, "Tomas Verin", "Lina Sorel")
    _event(d1, "Tomas Verin met opposition leader Lina Sorel on Monday", "CONSULT", "2020-03-02", "day",
           ["verin"], ["sorel"])
    _event(d1, "The two leaders agreed to set up a joint commission", "AGREE", "2020-03-02", "day",
           ["verin", "sorel"])
    d2 = _doc("m2", "2020-03-05", "Opposition leader Lina Sorel and Prime Minister Tomas Verin held talks on "
              "March 2 in the capital, officials said. Markets were calm on the news.",
              [("March 2", "2020-03-02", "day")])
    _actors(d2, "Tomas Verin", "Lina Sorel")
    _event(d2, "Lina Sorel and Prime Minister Tomas Verin held talks on March 2", "CONSULT", "2020-03-02", "day",
           ["sorel"], ["verin"])
    d3 = _doc("m3", "2020-06-01", "The Supreme Court banned the Civic Party in May after a short hearing. Its "
              "leaders left the country soon after the verdict.", [("May", "2020-05", "month")])
    _actors(d3, "Supreme Court")
    _event(d3, "The Supreme Court banned the Civic Party in May", "COERCE", "2020-05", "month", ["court"])
    db = tmp_path / "small.db"
    with Store(db) as store:
        for d in (d1, d2, d3):
            store.upsert(d)
    assert main(["timeline", "--db", str(db), "--json"]) == 0
    tl = {e["date"]: e for e in json.loads(capsys.readouterr().out)}
    assert set(tl) == {"2020-03-02", "2020-05"}
    day = tl["2020-03-02"]
    assert day["precision"] == "day" and sorted(day["sources"]) == ["m1", "m2"]
    types = {h["type"]: h for h in day["events"]}
    assert set(types) == {"CONSULT", "AGREE"}
    assert sorted(types["CONSULT"]["sources"]) == ["m1", "m2"]  # the same meeting in two articles: one happening
    assert set(types["CONSULT"]["actors"]) == {"Tomas Verin", "Lina Sorel"}
    texts = {d.id: d.text for d in (d1, d2, d3)}
    for sent, (doc_id, s, t) in zip(day["sentences"], day["evidence"], strict=True):
        assert texts[doc_id][s:t] == sent
        assert "Monday" in sent or "March 2" in sent  # a sentence that names the day
    assert not any("joint commission" in s or "rain" in s for s in day["sentences"])
    month = tl["2020-05"]
    assert month["precision"] == "month" and month["sources"] == ["m3"]
    assert [(h["type"], h["actors"]) for h in month["events"]] == [("COERCE", ["Supreme Court"])]
    assert "banned" in month["sentences"][0]


def test_quoted_share_tells_a_named_phrase_from_a_quotation():
    """PTB ``…'' (Timeline17's tokenized text) and curly marks alike: a name in quotes is a small share of the
    sentence, a sentence opening with a quote or mostly quoted is a quotation."""
    from parley.corpus.timeline import quoted_share

    named = "Daniel Becnel , known as the `` Tort King '' , said on Monday that he would sue BP ."
    assert 0 < quoted_share(named) < 0.2
    assert quoted_share(named.replace("`` ", "“").replace(" ''", "”")) < 0.2
    assert quoted_share("`` We will sue , '' he said on Monday .") == 1.0
    assert quoted_share("He said on Monday `` we will sue this company in every court of the land .") > 0.7
    assert quoted_share("BP capped the well on Thursday .") == 0.0


def test_sentence_with_a_quoted_name_may_summarise_its_day():
    """With ``QUOTE_SHARE`` a sentence naming a day with a short quoted phrase is a candidate; a quotation
    never is, and without the share (0) any quote mark keeps a sentence out."""
    from parley.corpus.timeline import prepare, summarize

    arts = [{"id": "b1", "time": "2010-09-20", "text": "The ruptured well was declared `` effectively dead '' by the "
             "coast guard on September 19 after the cement seal held .\n`` It is over , '' said the admiral on "
             "September 19 at the briefing ."}]
    coll = prepare(arts)
    got = summarize(coll, dates=1, sentences=2, params={"QUOTE_SHARE": 0.3, "LEAD": 0})
    assert [e["date"] for e in got] == ["2010-09-19"]
    assert got[0]["sentences"] == [arts[0]["text"].split("\n")[0]]
    assert summarize(coll, dates=1, sentences=2, params={"QUOTE_SHARE": 0.0, "LEAD": 0}) == []


def test_coherence_prefers_the_day_the_articles_agree_about():
    """Two days named by three articles each: the stories naming March 3 all describe the dam breaking, those
    naming March 5 name it in passing about unrelated things. With ``COHERENCE`` March 3 ranks first, and a
    negative weight reverses the order, so the ranking is the agreement's doing, not a tie-break."""
    from parley.corpus.timeline import prepare, summarize

    agree = ["The dam on the river broke on March 3 and flood water covered the valley villages .",
             "Flood water from the broken river dam covered the valley villages on March 3 .",
             "On March 3 the river dam broke , sending flood water into valley villages ."]
    passing = ["A school choir sang at the town hall concert on March 5 before the mayor spoke .",
               "Shares in the mining company fell sharply on March 5 after weak quarterly profits .",
               "The football team signed a young goalkeeper from Brazil on March 5 for the season ."]
    arts = [{"id": f"a{i}", "time": "2012-03-10", "text": t + "\nThe dam had been inspected in the autumn ."}
            for i, t in enumerate(agree + passing)]
    coll = prepare(arts)
    params = {"COHERENCE": 1.0, "LEAD": 0, "TOPIC_WEIGHT": 0.0, "SENT_TOPIC": 0.0}
    got = summarize(coll, dates=1, sentences=1, start="2012-03-01", end="2012-03-10", params=params)
    assert [e["date"] for e in got] == ["2012-03-03"]
    flip = summarize(coll, dates=1, sentences=1, start="2012-03-01", end="2012-03-10",
                     params=dict(params, COHERENCE=-1.0))
    assert [e["date"] for e in flip] == ["2012-03-05"]


def test_day_references_resolve_like_one_alternation():
    """The four first-character expressions merged left to right (the list the single alternation gave): a
    reference inside a word is none, an overlapping later reading loses to the earlier one ("5 May 6": the
    day-month reading), ISO and ordinal days, a weekday after "will" is the next one, "yesterday" the day
    before publication, and a month-day more than a month ahead is last year's."""
    base = D(2010, 6, 15)  # a Tuesday
    text = ("On 5 May 6 people left; xMonday is no day, nor is 2010-13-40. The 21st of June 2009 and "
            "2010-04-20 were named; it began Monday, will end Friday, and yesterday Sept. 3 came.")
    got = [(text[off:off + 12], date.fromordinal(d).isoformat(), named) for off, d, named
           in fast_day_refs(text, base, explicit=True)]
    assert got == [("5 May 6 peop", "2010-05-05", True), ("21st of June", "2009-06-21", True),
                   ("2010-04-20 w", "2010-04-20", True), ("Monday, will", "2010-06-14", False),
                   ("Friday, and ", "2010-06-18", False), ("yesterday Se", "2010-06-14", False),
                   ("Sept. 3 came", "2009-09-03", True)]


def test_weekdays_and_day_words_found_by_their_endings_at_word_starts_only():
    """The weekday and day-word families are looked for at their endings ("nday", "ight", ...): each form is
    found, a plural weekday too, but not inside a word ("Xtoday", "midnight Sunday" finds only Sunday), and a
    form the expression lacks ("TODAY", "tonights") is none."""
    base = D(2010, 6, 15)  # a Tuesday
    text = ("Xtoday and TODAY no; Tonight's vote, this afternoon, Last night, This evening and tomorrow "
            "count; Saturdays, midnight Sunday and Yesterday too, but tonights and lastnight not.")
    got = [(text[off:off + 8], date.fromordinal(d).isoformat()) for off, d in fast_day_refs(text, base)]
    assert got == [("Tonight'", "2010-06-15"), ("this aft", "2010-06-15"), ("Last nig", "2010-06-14"),
                   ("This eve", "2010-06-15"), ("tomorrow", "2010-06-16"), ("Saturday", "2010-06-12"),
                   ("Sunday a", "2010-06-13"), ("Yesterda", "2010-06-14")]


def test_stem_counts_keep_first_occurrence_order_and_drop_stop_words_and_numbers():
    from parley.corpus.term_vectors import terms

    got, n = terms("The spills, oil spilled in 2010; oil spill of")
    assert list(got.items()) == [("spill", 3), ("oil", 2)] and n == 9


def test_terms_read_the_same_words_as_the_word_regex():
    """The byte-run tokenizer must give what ``WORD.findall(text.lower())`` gives: words joined by one
    apostrophe, dot or hyphen stay one word, doubled or dangling marks split or drop, other scripts separate."""
    from collections import Counter

    from parley.corpus.term_vectors import WORD, _stem, terms

    text = ("It's the U.S. envoy's co-operation -- a..b and x-'y; 'quoted' end. 3.5 per-cent rise-- "
            "\u0130stanbul caf\u00e9s na\u00efve--talks ...dots... Stra\u00dfe \u212aelvin 'tis--")
    words = WORD.findall(text.lower())
    want: dict = {}
    for w in words:
        s = _stem(w)
        if s is not None:
            want[s] = want.get(s, 0) + 1
    got, n = terms(text)
    assert n == len(words) and list(got.items()) == list(Counter(want).items())
    assert got["envoy'"] == 1 and got["co-oper"] == 1 and got["stanbul"] == got["ve"] == got["talk"] == 1


def test_sparse_dot_matches_the_plain_sum():
    from parley.corpus.term_vectors import dot

    a, b = {"x": 0.1, "y": 0.2, "z": 0.3}, {"z": 0.7, "x": 0.4}
    assert dot(a, b) == 0.7 * 0.3 + 0.4 * 0.1 and dot(a, {}) == 0


def test_c_stemmer_gives_the_pure_python_stems():
    """PyStemmer (snowballstemmer's C backend, a dependency for speed) must stem as the pure-Python Porter."""
    stemmer_c = pytest.importorskip("Stemmer")
    from snowballstemmer.porter_stemmer import PorterStemmer

    words = ("protesters protested generously hopefulness relational conditional rationalisation 1990s u.s "
             "o'neill well-known spilled spilling capped caresses ponies ties sky skies dying agreed").split()
    assert stemmer_c.Stemmer("porter").stemWords(words) == [PorterStemmer().stemWord(w) for w in words]


def test_label_end_finds_a_chronology_label_only():
    from parley.corpus.day_refs import label_end

    for text, after in [("March 5 - The council meets in Tamar .", "The council"),
                        ("Aug 21 -- Rebels enter the port .", "Rebels"), ("* 3 June : Talks open .", "Talks"),
                        ("October 2 , 2014 \u2013 The army withdraws .", "The army")]:
        end = label_end(text, 0, len(text))
        assert end is not None and text[end:].startswith(after), text
    for text in ("On March 5 the council met .", "March 5 was quiet .", "May 5 - 7 : talks in Tamar .",
                 "June 10 , 2010 - 5:41 PM | by : a reporter", "March 2014 - a year of talks ."):
        assert label_end(text, 0, len(text)) is None, text


def test_chronology_entry_summarises_its_day_without_its_label():
    """A chronology line ("April 3 - ...", a factbox's entry: an editor's statement of that day's happening) is
    preferred as the day's summary over a sentence naming the day in passing, and the entry shows it without the
    label (its date is the entry's); the evidence slices to what is shown."""
    from parley.corpus.timeline import prepare, summarize

    chrono = ("The ferry strike over pay in Korlan harbour enters its second month .\n"
              "April 3 - Dock workers at Korlan harbour walk out over pay , halting the ferry services .\n"
              "May 9 - The port authority and the dock union sign a pay deal .\n")
    other = ("Ferry passengers at Korlan harbour were stranded on April 3 as dock workers walked out over pay , "
             "the port authority and the ferry operators said .")
    arts = [{"id": "c1", "time": "2021-05-20", "text": chrono}, {"id": "c2", "time": "2021-04-04", "text": other}]
    coll = prepare(arts)
    got = {e["date"]: e for e in summarize(coll, dates=2, sentences=1, params={"LEAD": 0, "CHRONO_GAIN": 1.0})}
    day = got["2021-04-03"]
    assert day["sentences"] == ["Dock workers at Korlan harbour walk out over pay , halting the ferry services ."]
    doc_id, s, e = day["evidence"][0]
    assert doc_id == "c1" and chrono[s:e] == day["sentences"][0]
    off = summarize(coll, dates=2, sentences=1, params={"LEAD": 0, "CHRONO_GAIN": 0.0})
    assert {x["date"] for x in off} == set(got)


def test_document_timeline_shows_a_chronology_line_without_its_label(tmp_path, capsys):
    """The corpus timeline (``parley timeline --db``) over analysed Documents: a chronology line naming the day
    summarises it, shown without its label, and the stored row's evidence slices to exactly what is shown."""
    import json

    from parley.cli import main
    from parley.store import Store

    t1 = ("Timeline of the Korlan harbour dispute .\nApril 3 - Dock workers at Korlan harbour walk out over pay , "
          "halting the ferry services .\nMay 9 - The port authority and the dock union sign a pay deal .")
    d1 = _doc("k1", "2021-05-20", t1, [("April 3", "2021-04-03", "day"), ("May 9", "2021-05-09", "day")])
    t2 = ("Ferry passengers at Korlan harbour were stranded on April 3 as dock workers walked out , the ferry "
          "operators said .")
    d2 = _doc("k2", "2021-04-04", t2, [("April 3", "2021-04-03", "day")])
    db = tmp_path / "k.db"
    with Store(db) as store:
        for d in (d1, d2):
            store.upsert(d)
    assert main(["timeline", "--db", str(db), "--json"]) == 0
    tl = {e["date"]: e for e in json.loads(capsys.readouterr().out)}
    day = tl["2021-04-03"]
    shown = "Dock workers at Korlan harbour walk out over pay , halting the ferry services ."
    assert day["sentences"][0] == shown and sorted(day["sources"]) == ["k1", "k2"]
    doc_id, s, e = day["evidence"][0]
    assert doc_id == "k1" and t1[s:e] == shown


def test_body_start_skips_datelines_time_stamps_and_opening_asides_only():
    from parley.corpus.headers import body_start

    for text, after in [("TRIPOLI (Reuters) - Explosions rocked the capital on Monday .", "Explosions"),
                        ("Benghazi , Libya -LRB- CNN -RRB- -- Rebels held the airport .", "Rebels"),
                        ("NEW ORLEANS -- Coast Guard officials suspended the search .", "Coast Guard"),
                        ("ORANGE BEACH , Ala. -- The fund opened its first office .", "The fund"),
                        ("LIBYA , 5:29 p.m. ET , 12:29 a.m. local : The minister resigned in protest .", "The minister"),
                        ("(Update 2:45 p.m. in Cairo , 7:45 a.m. ET) State television says the cabinet quit .",
                         "State television"),
                        ("WASHINGTON -- WASHINGTON (AP) -- Overwhelmed officials asked for help .", "Overwhelmed")]:
        assert text[body_start(text, 0, len(text)):].startswith(after), text
    for text in ("President Obama -- who spoke Monday -- signed the bill .", "BP - and in particular its chief - was blamed .",
                 "At 11:43 am on 29 May 2009 , netjumper wrote : You must be joking .",
                 "The talks (held in Doha) ended .", "NATO - the alliance - agreed .", "CAIRO -- Tanks ."):
        assert body_start(text, 0, len(text)) == 0, text


def test_timeline_entry_starts_after_the_dateline_and_its_evidence_slices_to_it():
    """A day's summary is the sentence without its dateline ("KORLAN (Reuters) -"): the entry carries its own
    date and sources; the evidence offsets start where the shown text does."""
    from parley.corpus.timeline import prepare, summarize

    wire = ("KORLAN (Reuters) - Dock workers at Korlan harbour walked out over pay on Monday , halting the ferry "
            "services .\nThe port authority said talks would resume .")
    arts = [{"id": "w1", "time": "2021-04-06", "text": wire}]
    entry = summarize(prepare(arts), dates=1, sentences=1)[0]
    assert entry["date"] == "2021-04-05"
    assert entry["sentences"][0].startswith("Dock workers at Korlan harbour walked out")
    doc_id, s, e = entry["evidence"][0]
    assert doc_id == "w1" and wire[s:e] == entry["sentences"][0]


def test_day_coverage_picks_the_sentence_the_days_articles_are_about():
    """Two later sentences name March 3; the articles published that day are about the dam, not the choir. With
    ``DAY_MIX`` the dam sentence summarises the day, and a negative weight picks the choir one, so the choice is
    the day's coverage, not a tie-break."""
    from parley.corpus.timeline import prepare, summarize

    later = ("The town choir sang old folk songs at the winter concert hall on March 3 .\n"
             "The river dam broke on March 3 and flood water covered the valley villages .")
    arts = [{"id": "late", "time": "2012-03-09", "text": later},
            {"id": "day1", "time": "2012-03-03", "text": "Flood water poured from the broken river dam into "
             "valley villages , and rescuers searched flooded homes ."},
            {"id": "day2", "time": "2012-03-04", "text": "Valley villages counted the damage after the river "
             "dam broke and flood water reached homes ."}]
    coll = prepare(arts)
    params = {"DAY_MIX": 1.0, "LEAD": 0, "TOPIC_WEIGHT": 0.0, "SENT_TOPIC": 0.0, "TOPIC_MIX": 0.0,
              "COHERENCE": 0.0}
    got = summarize(coll, dates=1, sentences=1, params=params)
    assert [e["date"] for e in got] == ["2012-03-03"] and "dam" in got[0]["sentences"][0]
    flip = summarize(coll, dates=1, sentences=1, params=dict(params, DAY_MIX=-1.0))
    assert "choir" in flip[0]["sentences"][0]


def test_coherence_is_the_mean_pairwise_cosine_of_the_articles_unit_sums():
    """The array form of the day agreement equals the plain sum: per article the sum of its sentences naming the
    day as a unit vector, then the mean cosine over article pairs, over the mean of that over the days."""
    import math

    from parley.corpus import timeline as T

    texts = ["The dam broke on March 3 near the valley .\nRescuers reached the valley dam on March 3 at dawn .",
             "Flood water left the broken dam on March 3 .", "The valley mayor spoke about the flood on March 3 .",
             "The choir sang on March 5 at the concert .", "Shares fell on March 5 after the profit warning ."]
    coll = T.prepare([{"id": f"a{i}", "time": "2012-03-10", "text": t} for i, t in enumerate(texts)])
    d3, d5 = date(2012, 3, 3).toordinal(), date(2012, 3, 5).toordinal()
    ref_sents = {d: [i for i in range(coll.n_sents) if d in coll.refs[i]] for d in (d3, d5)}
    idf = T._idf(coll, 2.0)
    cache: dict = {}

    def plain(d):
        per: dict = {}
        for i in ref_sents[d]:
            acc = per.setdefault(coll.sent_art[i], {})
            for t, x in T._sent_vec(coll, i, idf, cache).items():
                acc[t] = acc.get(t, 0.0) + x
        units = []
        for acc in per.values():
            n = math.sqrt(sum(x * x for x in acc.values()))
            units.append({t: x / n for t, x in acc.items()})
        pairs = [(a, b) for k, a in enumerate(units) for b in units[k + 1:]]
        return sum(sum(x * b.get(t, 0.0) for t, x in a.items()) for a, b in pairs) / len(pairs)

    score = {d3: 1.0, d5: 1.0}
    T._by_coherence(coll, [d3, d5], score, ref_sents, 1, 1.0, idf, cache)
    mean = (plain(d3) + plain(d5)) / 2
    assert score[d3] == pytest.approx(plain(d3) / mean) and score[d5] == pytest.approx(plain(d5) / mean)
    assert score[d3] > score[d5]


def test_chosen_vectors_answer_as_the_plain_loop_at_the_threshold_and_window():
    """The matrix check only preselects; the exact sum decides, so a dot product equal to the threshold is not
    above it, a vector sharing no term is never similar, and a day outside the window does not count."""
    import random

    from parley.corpus.term_vectors import ChosenVectors, dot

    def unit(d):
        n = sum(x * x for x in d.values()) ** 0.5
        return {t: x / n for t, x in d.items()}

    rng = random.Random(7)
    words = [f"w{k}" for k in range(12)]
    chosen, plain = ChosenVectors(), []
    for day in range(40):
        v = unit({w: rng.random() for w in rng.sample(words, 4)})
        for threshold in (0.0, 0.3, 0.5, 0.9):
            for window in (0, 3, 366):
                want = any(abs(cd - day) <= window and dot(v, c) > threshold for cd, c in plain)
                assert chosen.similar(v, day, window, threshold) == want
        chosen.add(day, v)
        plain.append((day, v))
    same = plain[5][1]
    exact = dot(same, same)
    assert not chosen.similar(same, 5, 0, exact) and chosen.similar(same, 5, 0, exact - 1e-12)
    assert not chosen.similar({"unseen": 1.0}, 5, 366, 0.5) and not chosen.similar(same, 500, 3, 0.5)
