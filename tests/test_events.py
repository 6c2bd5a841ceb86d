"""Events stage: ontology tables, cue/flag logic, actor roles, dates, code_records round trip, seeds end to end."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parley.context import Context
from parley.document import Actor, Document, TimeExpr
from parley.events import annotate, code_records
from parley.events.encoder import ONNX_FILE
from parley.events.flags import flags
from parley.events.ontology import load

MODELS = Path(__file__).resolve().parents[1] / "src" / "parley" / "data" / "models"
HAS_MODEL = (MODELS / "events_clf.npz").exists() and (MODELS / ONNX_FILE).exists()
needs_model = pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")


@pytest.fixture(scope="module")
def ctx():
    return Context()


def test_ontology_tables():
    o = load()
    assert len(o.types) == 16
    assert o.types["ASSAULT"]["quad"] == 4 and o.types["AGREE"]["quad"] == 1
    assert len(o.contexts) == 37
    assert o.goldstein("173") == -5.0
    assert o.cameo["173"]["event"] == "COERCE" and o.cameo["173"]["mode"] == "arrest"
    assert o.cameo["010"]["event"] is None and o.cameo["010"]["quad"] == 1  # statements stay CAMEO-only
    assert o.cameo["046"]["event"] == "CONSULT"
    assert ("THREATEN", "violence") in o.modes


def test_a_type_without_a_mode_takes_the_general_code_of_its_principal_cameo_root():
    """ACCUSE holds CAMEO 09 (investigate) and 11 (disapprove), ASSAULT 17-20: a bare ACCUSE is a criticism (11x),
    not an investigation, and a bare ASSAULT 18x, not 175 "violent repression"."""
    o = load()
    assert o.default_cameo("ACCUSE") == "110" and o.default_cameo("ASSAULT") == "180"
    assert o.default_cameo("COERCE") == "170" and o.default_cameo("CONSULT") == "040"
    assert o.default_cameo("ACCUSE", "investigate") == "090"  # a mode still picks its own code


def _flags(sentence: str, trigger: str) -> dict:
    i = sentence.index(trigger)
    return flags(sentence, i, i + len(trigger))


def test_cue_indexes_follow_the_cue_list_not_its_address():
    """The head index and the article cue list are cached per tuple of cues (a cue is compared by identity), so a
    changed or new cue list never reuses the index of another one."""
    import re as _re

    from parley.events import coding
    from parley.events.ontology import Cue

    o = load()
    s = "The Varnish navy blockaded the Ostrian port."
    assert not any(m.cue.event == "MOBILIZE" for m in coding.find_cues(o, s))
    o.cues.append(Cue(_re.compile(r"\b(?:blockaded)\b", _re.I), "event", "150", "MOBILIZE", None, True, []))
    assert [m.cue.event for m in coding.find_cues(o, s) if m.cue.kind == "event"] == ["MOBILIZE"]
    assert any(m.cue.event == "MOBILIZE" for m in coding.find_article_cues(o, s))
    o.cues.pop()
    assert not any(m.cue.event == "MOBILIZE" for m in coding.find_cues(o, s))
    twin = load()  # an equal lexicon loaded again: its own cue objects, its own index entries
    assert coding._article_list(twin) is not coding._article_list(o)
    assert coding._article_list(o) is coding._article_list(o)


def test_flags():
    assert _flags("The opposition will not negotiate with the government.", "negotiate")["negated"]
    assert _flags("The parties did not meet on Monday.", "meet")["negated"]
    assert not _flags("The parties met on Monday.", "met")["negated"]
    assert _flags("If they continue the boycott, the ruling party could arrest them.", "arrest")["hypothetical"]
    f = _flags("The two leaders will meet very soon.", "meet")
    assert f["future"] and not f["hypothetical"] and not f["negated"]


def _doc(text: str, actors: dict[str, str], times=(), published="2013-09-17") -> Document:
    """A one-paragraph Document with actor mentions found by exact match (names given as id -> surface)."""
    doc = Document(id="t", text=text, published=published)
    doc.paragraphs = [[0, len(text)]]
    from parley.text import sentences

    doc.sentences = sentences(text)
    for aid, surf in actors.items():
        spans = [[m.start(), m.end()] for m in re.finditer(re.escape(surf), text)]
        doc.actors.append(Actor(id=aid, name=surf, type="organization", mentions=spans))
    for t_text, value, prec in times:
        i = text.index(t_text)
        doc.times.append(TimeExpr(text=t_text, start=i, end=i + len(t_text), value=value, precision=prec))
    return doc


@needs_model
def test_active_passive_and_between(ctx):
    d = annotate(_doc("Police arrested the union leader in the capital.", {"pol": "Police", "u": "the union leader"}), ctx)
    ev = [e for e in d.events if e.event == "COERCE"][0]
    assert ev.actor == ["Police"] and ev.recipient == ["the union leader"] and ev.cameo == "173"
    assert ev.goldstein == -5.0 and ev.quad == 4 and ev.mode == "arrest"
    d = annotate(_doc("The union leader was arrested by police on Monday.",
                      {"pol": "police", "u": "The union leader"}, [("Monday", "2013-09-16", "day")]), ctx)
    ev = [e for e in d.events if e.event == "COERCE"][0]
    assert ev.actor == ["police"] and ev.recipient == ["The union leader"]
    assert ev.date == "2013-09-16" and ev.date_precision == "day"
    assert d.text[ev.start:ev.end] == d.text.strip()
    d = annotate(_doc("Talks between the Labour Party and the Green Alliance resumed in the capital.",
                      {"l": "the Labour Party", "g": "the Green Alliance"}), ctx)
    ev = [e for e in d.events if e.event == "CONSULT"][0]
    assert sorted(ev.actor) == ["the Green Alliance", "the Labour Party"]
    d = annotate(_doc("The Labour Party and the Green Alliance reached an agreement to hold new polls.",
                      {"l": "The Labour Party", "g": "the Green Alliance"}), ctx)
    ev = [e for e in d.events if e.event == "AGREE"][0]
    assert sorted(ev.actor) == ["The Labour Party", "the Green Alliance"]


@needs_model
def test_threat_refusal_statement_and_dates(ctx):
    text = ("On Monday the Labour Party held a rally in the capital.\n\n"
            "The Green Alliance refused to accept the results and threatened to boycott parliament, "
            "its leader said.")
    d = _doc(text, {"l": "the Labour Party", "g": "The Green Alliance"}, [("Monday", "2013-09-16", "day")])
    d.paragraphs = [[0, text.index("\n\n")], [text.index("\n\n") + 2, len(text)]]
    d = annotate(d, ctx)
    by_type = {e.event: e for e in d.events}
    assert by_type["PROTEST"].date == "2013-09-16"  # own time expression
    assert "REJECT" in by_type and "THREATEN" in by_type
    assert by_type["THREATEN"].actor == ["The Green Alliance"]
    # a simple-past clause with no time expression is undated, never silently the publication date
    th = by_type["THREATEN"]
    assert th.date is None and th.date_precision == "none" and th.date_basis == "none"
    assert "PROTEST" not in [e.event for e in d.events if e.start > len(text) // 2]  # boycott = threat content
    stmt = [e for e in d.events if e.event is None]
    assert stmt and stmt[0].cameo.startswith("01") and stmt[0].quad == 1
    for e in d.events:
        assert e.id == f"t:{e.start}-{e.end}:{e.id.rsplit(':', 1)[1]}"


@needs_model
def test_historical_flag(ctx):
    d = annotate(_doc("In 1997 the army attacked the party headquarters.", {"a": "the army"},
                      [("1997", "1997", "year")]), ctx)
    ev = d.events[0]
    assert ev.event == "ASSAULT" and ev.historical and ev.date == "1997"


@needs_model
def test_code_records_round_trip(ctx):
    recs = [{"id": "1", "text": "Riot police arrested dozens of protesters in the capital.", "actor": "Riot police"},
            {"id": "2", "text": "The two governments signed a trade agreement on Friday."},
            {"id": "3", "text": "The minister said the weather was fine."}]
    out = code_records(recs, ctx)
    assert [o["id"] for o in out] == ["1", "2", "3"] and out[0]["text"] == recs[0]["text"]
    for o in out:
        assert {"event", "mode", "context", "cameo", "quad", "goldstein", "confidence"} <= set(o)
    assert out[0]["event"] == "COERCE" and out[0]["cameo"] == "173" and out[0]["quad"] == 4
    assert out[1]["quad"] in (1, 2)
    assert out[2]["event"] is None and out[2]["cameo"] == "010"


def test_code_decision_types_the_marked_relation(ctx):
    """`parley code` takes the type from the classifier (which reads the marks), not from the sentence's first strong
    cue; a cue of the decided type adds its mode and CAMEO code; a bare statement stays untyped unless the classifier
    is sure. Probabilities are given, so this checks the decision alone."""
    from parley.events.records import STATEMENT_BELOW, _code_marked

    def probs(top: str, p: float) -> dict:
        rest = (1 - p) / 15
        return {t: (p if t == top else rest) for t in load().types}

    summoned = "<s>Lithuania</s> had summoned <t>the Russian ambassador</t> to complain about naval drills."
    arrest = "<s>Police</s> arrested <t>dozens of protesters</t> in the capital."
    said = "<s>The minister</s> said the weather was fine."
    out = _code_marked([summoned, arrest, said, said], ctx,
                       probs=[probs("ACCUSE", 0.7), probs("COERCE", 0.8), probs("CONSULT", STATEMENT_BELOW - 0.1),
                              probs("CONSULT", STATEMENT_BELOW + 0.2)])
    assert out[0]["event"] == "ACCUSE"  # "summoned" (a COERCE cue) does not override the classifier
    assert out[1]["event"] == "COERCE" and out[1]["mode"] == "arrest" and out[1]["cameo"] == "173"
    assert out[2]["event"] is None and out[2]["cameo"] == "010"
    assert out[3]["event"] == "CONSULT" and out[3]["confidence"] == round(STATEMENT_BELOW + 0.2, 3)


@needs_model
def test_seed_end_to_end(seeds_dir):
    """Seed 000 (RFA, 17 Sep 2013): talks, the Monday agreement and the protests come out dated, with actors."""
    from parley import pipeline
    from parley.ingest import read_path

    raw = next(r for r in read_path(seeds_dir / "000_37ff776b6c58cc4a.txt") if not isinstance(r, Exception))
    doc = pipeline.analyze(raw, Context())
    types = {e.event for e in doc.events}
    assert {"CONSULT", "AGREE", "PROTEST"} <= types
    agree = [e for e in doc.events if e.event == "AGREE" and "Monday" in doc.text[e.start:e.end]]
    assert agree and agree[0].date == "2013-09-16" and len(agree[0].actor) >= 1
    assert agree[0].date_basis == "text"
    for e in doc.events:
        assert 0 <= e.start < e.end <= len(doc.text)
        assert (e.date is None) == (e.date_basis == "none") and e.date_precision in ("day", "week", "month", "year",
                                                                                      "decade", "none")


@needs_model
def test_classifier_marks_and_batching(ctx):
    """The marks are whole tokens; a vector depends on its input alone, rows in input order; 16 types."""
    import numpy as np

    from parley.events.classifier import get_classifier
    from parley.events.encoder import Encoder, get_encoder

    enc = get_encoder(ctx)
    clf = get_classifier(ctx)
    if clf.style == "keep":  # the fine-tuned model reads <s> … </t> as four single tokens
        assert enc.tok.encode("<s>Police</s> arrested <t>them</t>").tokens[1:-1] == [
            "<s>", "police", "</s>", "arrested", "<t>", "them", "</t>"]
    texts = ["<s>The army</s> shelled <t>rebel positions</t> near the border overnight, killing at least four people.",
             "<s>Ministers</s> met <t>union leaders</t>.",
             "<s>Police</s> arrested <t>the opposition leader</t> at his home in the capital on Tuesday."]
    together = enc.encode(texts)
    fresh = Encoder(threads=1)  # no cached vectors
    alone = np.vstack([fresh.encode([t]) for t in reversed(texts)])[::-1]
    # int8 activations are quantised per tensor: each input runs alone, so a vector is the same whatever else
    # is encoded with it or before it
    assert np.array_equal(together, alone)
    assert not np.allclose(together[0], together[1])
    probs = clf.predict(texts)
    assert len(probs) == 3 and all(len(p) == 16 and abs(sum(p.values()) - 1) < 1e-4 for p in probs)
    assert {"CONCEDE", "RETREAT"} <= set(probs[0]) and "YIELD" not in probs[0]
    assert max(probs[0], key=probs[0].get) == "ASSAULT"
    assert max(probs[2], key=probs[2].get) == "COERCE"
    assert clf.predict([]) == []
