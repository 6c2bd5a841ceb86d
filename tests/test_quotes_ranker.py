"""The speaker ranker (parley/quotes/ranker.py): its tree ensemble is evaluated as exported, an older linear file
still loads, and the per-candidate features read what the quote offers (a pronoun cue's gender, who spoke)."""

import json

import numpy as np
import pytest

from parley import ingest, pipeline
from parley.context import Context
from parley.quotes import ranker
from parley.quotes.attribute import Attributor

F = ranker.FEATURES


def _row(**on) -> list[float]:
    return [float(on.get(f, 0.0)) for f in F]


def test_tree_ensemble_walks_each_tree_to_its_leaf():
    # two stumps: a pronoun clash costs 3, a candidate that spoke before gains 1
    data = {"features": list(F), "init": 0.5, "rate": 1.0, "trees": [
        {"feature": [F.index("pron_clash"), -1, -1], "threshold": [0.5, 0, 0], "left": [1, -1, -1],
         "right": [2, -1, -1], "value": [0, 1.0, -2.0]},
        {"feature": [F.index("spoke_before"), -1, -1], "threshold": [0.1, 0, 0], "left": [1, -1, -1],
         "right": [2, -1, -1], "value": [0, 0.0, 1.0]}]}
    x = np.array([_row(), _row(pron_clash=1), _row(spoke_before=0.5), _row(pron_clash=1, spoke_before=0.5)])
    assert ranker._Trees(data)(x).tolist() == pytest.approx([1.5, -1.5, 2.5, -0.5])


def test_tree_file_may_list_features_in_another_order(tmp_path):
    names = list(reversed(F))
    data = {"features": names, "init": 0.0, "rate": 0.5, "trees": [
        {"feature": [names.index("rule"), -1, -1], "threshold": [0.5, 0, 0], "left": [1, -1, -1],
         "right": [2, -1, -1], "value": [0, -1.0, 3.0]}], "margin": 0.25}
    path = tmp_path / "r.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    scorer, margin = ranker.load_weights.__wrapped__(path)
    assert margin == 0.25
    assert scorer(np.array([_row(rule=1), _row()])).tolist() == pytest.approx([1.5, -0.5])


def test_linear_file_without_the_new_features_gives_them_no_weight(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(json.dumps({"margin": 0.5, "weights": {"rule": 2.0, "bias": -1.0}}), encoding="utf-8")
    scorer, _m = ranker.load_weights.__wrapped__(path)
    assert scorer(np.array([_row(rule=1, bias=1, pron_clash=1, doc_count=1)])).tolist() == pytest.approx([1.0])


def _traced(text: str):
    Attributor.trace = []
    try:
        pipeline.analyze(ingest.make_raw("r", "r.txt", text.encode("utf-8"), "text"), Context())
        return Attributor.trace
    finally:
        Attributor.trace = None


def test_pronoun_cue_gender_agrees_or_clashes_with_each_candidate():
    text = ("Governor Alice Brenner met Mayor Thomas Whitcombe at the harbour on Monday.\n\n"
            "Whitcombe said the port deal was finished. \u201cWe have waited long enough for this,\u201d he said.")
    trace = _traced(text)
    feats = {c.name: dict(zip(F, f, strict=True)) for _d, chain, _sp, cands in trace for c, f in cands
             if "waited" in text[chain[0].cs:chain[0].ce]}
    whit = next(v for k, v in feats.items() if "Whitcombe" in k)
    alice = next(v for k, v in feats.items() if "Brenner" in k)
    assert whit["pron_agree"] == 1.0 and whit["pron_clash"] == 0.0
    assert alice["pron_clash"] == 1.0 and alice["pron_agree"] == 0.0


def test_quote_opening_its_paragraph_and_the_earlier_speaker_are_seen():
    text = ("\u201cThe budget is a disgrace to this council,\u201d Councillor Ruth Okafor said on Tuesday.\n\n"
            "\u201cWe will vote against every line of it.\u201d")
    trace = _traced(text)
    last = [(c.name, dict(zip(F, f, strict=True))) for _d, chain, _sp, cands in trace for c, f in cands
            if "every line" in text[chain[0].cs:chain[0].ce]]
    okafor = next(f for n, f in last if n and "Okafor" in n)
    assert okafor["quote_opens_para"] == 1.0 and okafor["spoke_before"] > 0.0
