"""Timeline summarisation: the ROUGE/alignment metrics on a hand-worked example, the stemmer, T17 parsing, the
day-reference finder and ``build_timeline`` on small fixtures (plus one T17 topic when ../shared is present)."""

from datetime import date
from pathlib import Path

import pytest

from parley.corpus.timeline import build_timeline, fast_day_refs
from parley.evaluate.rouge import align_m2o, date_prf, stem, stopwords, tokens
from parley.evaluate.tls import read_timeline, topic_of

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
D = date


def test_alignment_rouge_worked_example():
    """Predicted: Jan 1 "Bombs hit the city .", Jan 3 "Talks begin in Cairo ."
    Reference:  Jan 1 "Bombs hit city centre .", Jan 4 "Peace talks begin ."

    Evaluation tokens (lower-case, stop words "the"/"in" and "." dropped, Porter stems):
    p1 = bomb hit citi; p3 = talk begin cairo; r1 = bomb hit citi centr; r4 = peac talk begin.

    Alignment costs use raw tokens (case kept): F1(p1,r1) = 4/5 match -> 0.8; F1(p1,r4) = "." only ->
    P 1/5, R 1/4, F 2/9; F1(p3,r1) = 0.2; F1(p3,r4) = "begin","." -> P 2/5, R 2/4, F 4/9.
    Date factor 1 - 1/(days+1): p1r1 0, p1r4 3/4, p3r1 2/3, p3r4 1/2.
    cost(p1,r1) = 0 < cost(p1,r4) = 3/4 * 7/9 = 0.583          -> p1 aligned to r1 (and r1 to p1)
    cost(p3,r4) = 1/2 * 5/9 = 0.278 < cost(p3,r1) = 2/3 * 0.8 = 0.533 -> p3 aligned to r4 (and r4 to p3)

    ROUGE-1: p1~r1 hits 3 (weight 1); p3~r4 hits 2 (weight 1/(1+1) = 1/2).
      P = (3 + 2/2) / (3 + 3) = 4/6;  R = (3 + 2/2) / (4 + 3) = 4/7;  F = 2PR/(P+R) = 16/26.
    ROUGE-2: p1 {bomb-hit, hit-citi} vs r1 {bomb-hit, hit-citi, citi-centr}: 2 hits;
      p3 {talk-begin, begin-cairo} vs r4 {peac-talk, talk-begin}: 1 hit, weight 1/2.
      P = (2 + 1/2) / (2 + 2) = 0.625;  R = (2 + 1/2) / (3 + 2) = 0.5;  F = 5/9.
    Date-F1: {Jan 1, Jan 3} vs {Jan 1, Jan 4}: P = R = F = 1/2.
    """
    pred = {D(2010, 1, 1): ["Bombs hit the city ."], D(2010, 1, 3): ["Talks begin in Cairo ."]}
    ref = {D(2010, 1, 1): ["Bombs hit city centre ."], D(2010, 1, 4): ["Peace talks begin ."]}
    assert tokens(pred[D(2010, 1, 1)]) == ["bomb", "hit", "citi"]
    assert tokens(ref[D(2010, 1, 4)]) == ["peac", "talk", "begin"]
    got = align_m2o(pred, ref)
    assert got["rouge_1"]["precision"] == pytest.approx(4 / 6)
    assert got["rouge_1"]["recall"] == pytest.approx(4 / 7)
    assert got["rouge_1"]["f_score"] == pytest.approx(16 / 26)
    assert got["rouge_2"]["precision"] == pytest.approx(0.625)
    assert got["rouge_2"]["recall"] == pytest.approx(0.5)
    assert got["rouge_2"]["f_score"] == pytest.approx(5 / 9)
    assert date_prf(pred, ref) == {"precision": 0.5, "recall": 0.5, "f_score": 0.5}


def test_alignment_many_to_one_and_empty():
    """Two predicted dates may align to the same reference date; an unaligned reference date still counts
    in the recall denominator. Same text on the same day scores 1 for precision."""
    ref = {D(2011, 2, 1): ["Mubarak resigns ."], D(2011, 3, 1): ["Elections announced ."]}
    pred = {D(2011, 2, 1): ["Mubarak resigns ."], D(2011, 2, 2): ["Mubarak resigns ."]}
    got = align_m2o(pred, ref)["rouge_1"]
    # both predicted days -> Feb 1: P = (2 + 2/2) / 4; recall: Feb 1 <- Feb 1 (2 hits), Mar 1 <- 0 hits
    assert got["precision"] == pytest.approx(0.75)
    assert got["recall"] == pytest.approx(2 / 4)
    assert align_m2o({}, ref)["rouge_1"]["f_score"] == 0.0


def test_porter_stemmer_reference_words():
    # examples from Porter (1980) and nltk's documented departures (dies -> die, spied -> spi, enjoy kept)
    pairs = {"caresses": "caress", "ponies": "poni", "agreed": "agre", "plastered": "plaster", "motoring": "motor",
             "sing": "sing", "conflated": "conflat", "hopping": "hop", "falling": "fall", "filing": "file",
             "happy": "happi", "relational": "relat", "conditional": "condit", "rational": "ration",
             "generalization": "gener", "oscillators": "oscil", "adjustment": "adjust", "controll": "control",
             "dies": "die", "spied": "spi", "enjoy": "enjoy", "protesters": "protest", "killed": "kill", "as": "as"}
    assert {w: stem(w) for w in pairs} == pairs


def test_porter_matches_nltk_when_available():
    nltk_stem = pytest.importorskip("nltk.stem")
    ps = nltk_stem.PorterStemmer()
    words = "hospitalization rebels demonstrators governments negotiations resignation stabilised".split()
    assert [stem(w) for w in words] == [ps.stem(w) for w in words]


def test_stopwords_file():
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


@pytest.mark.skipif(not (SHARED / "data" / "t17").is_dir(), reason="../shared not present")
def test_t17_leave_one_topic_out_uses_the_other_topics():
    from parley.evaluate.rouge import f_score
    from parley.evaluate.tls import evaluate_t17

    grid = {"ADJ_PENALTY": (0.0, 0.6)}
    res = evaluate_t17(SHARED / "data" / "t17", topics=["haiti", "mj"], grid=grid)
    assert res["loto"] and res["grid_points"] == 2 and set(res["chosen"]) == {"haiti", "mj"}
    # haiti's parameters are the grid point with the best AR-1 F on the other topic (mj, one timeline) alone
    from parley.corpus.timeline import prepare, summarize
    from parley.evaluate.rouge import align_m2o
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
        fs.append(align_m2o(pred, ref)["rouge_1"]["f_score"])
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
    from parley.corpus.timeline import timeline_from_documents

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
