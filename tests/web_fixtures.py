"""Hand-built stores for the web and export tests: Documents with actors, mentions, quotes, times and events
filled in by hand (offsets found by slicing), so the tests do not depend on the pipeline stages.

``build_store(path, corpus=True)`` also writes corpus rows (timeline, event clusters, trend, corpus actors) the
way ``parley.corpus`` lays them out; ``corpus=False`` leaves those tables empty.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from parley.document import Actor, Document, Event, Quote, TimeExpr
from parley.store import Store

XSS = '<script>alert(1)</script>'
ATTR = '" onmouseover="alert(2)'


def _span(text: str, piece: str, after: int = 0) -> tuple[int, int]:
    i = text.index(piece, after)
    return i, i + len(piece)


def _doc(doc_id: str, title: str, published: str, text: str, **kw) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", content_hash=hashlib.sha256(text.encode()).hexdigest(),
                    title=title, outlet=kw.pop("outlet", "Northwind Radio"), published=published,
                    published_basis="byline", text=text, url=kw.pop("url", f"https://example.org/{doc_id}"), **kw)


def _sentences(text: str) -> list[list[int]]:
    out, start = [], 0
    for i, ch in enumerate(text):
        if ch in ".!?" and (i + 1 == len(text) or text[i + 1] in " \n"):
            seg = text[start:i + 1]
            lead = len(seg) - len(seg.lstrip())
            out.append([start + lead, i + 1])
            start = i + 1
    return out


def talks_doc() -> Document:
    text = ("Prime Minister Matthias Dravik met opposition leader Ilena Varosh on Monday in Kestrava.\n\n"
            "\u201cWe agreed to form a joint commission,\u201d Dravik said after the meeting.\n\n"
            "Varosh said the talks would continue in March.")
    d = _doc("talks", "Leaders meet in Kestrava", "2022-03-08", text, boilerplate="Share\nTweet\nAdvertisement")
    d.sentences = _sentences(text)
    gov = Actor(id="matthias-dravik", name="Matthias Dravik", type="person", aliases=["Dravik"],
                role="prime minister", code="VALGOV", affiliation="Valdorian People's Front",
                mentions=[list(_span(text, "Matthias Dravik")), list(_span(text, "Dravik", 40))])
    opp = Actor(id="ilena-varosh", name="Ilena Varosh", type="person", aliases=["Varosh"],
                role="opposition leader", code="VALOPP", affiliation="Alliance for Renewal and Justice",
                mentions=[list(_span(text, "Ilena Varosh")), list(_span(text, "Varosh", 120))])
    d.actors = [gov, opp]
    q0, q1 = _span(text, "We agreed to form a joint commission,")
    d.quotes = [Quote(speaker="Matthias Dravik", speaker_id="matthias-dravik", text=text[q0:q1], start=q0, end=q1,
                      cue="said")]
    t0, t1 = _span(text, "on Monday")
    t2, t3 = _span(text, "in March")
    d.times = [TimeExpr(text="on Monday", start=t0, end=t1, value="2022-03-07", precision="day", kind="weekday"),
               TimeExpr(text="in March", start=t2, end=t3, value="2022-03", precision="month", kind="date")]
    s0, s1 = d.sentences[0]
    d.events = [Event(id="talks:0-87", date="2022-03-07", date_precision="day", event="CONSULT", mode="meet",
                      cameo="040", quad=1, goldstein=1.0, actor=["Matthias Dravik"], recipient=["Ilena Varosh"],
                      actor_ids=["matthias-dravik"], recipient_ids=["ilena-varosh"], start=s0, end=s1,
                      confidence=0.9, trigger="met")]
    e0, e1 = _span(text, "We agreed to form a joint commission")
    d.events.append(Event(id=f"talks:{e0}-{e1}", date="2022-03-07", date_precision="day", event="AGREE",
                          cameo="030", quad=1, goldstein=4.0, actor=["Matthias Dravik"],
                          actor_ids=["matthias-dravik"], start=e0, end=e1, confidence=0.7, trigger="agreed"))
    return d


def arrest_doc() -> Document:
    text = ("Police arrested opposition leader Ilena Varosh in Kestrava on Friday, her party said.\n\n"
            "\u201cThis is an attack on every voter,\u201d the party\u2019s spokesman Tomas Lind said of the "
            "arrest of Varosh.")
    d = _doc("arrest", "Opposition leader arrested", "2022-04-16", text, outlet="Valdoria Daily")
    d.sentences = _sentences(text)
    police = Actor(id="police", name="Police", type="group", code="VALCOP", mentions=[list(_span(text, "Police"))])
    opp = Actor(id="ilena-varosh", name="Ilena Varosh", type="person", aliases=["Varosh"], role="opposition leader",
                code="VALOPP", mentions=[list(_span(text, "Ilena Varosh")), list(_span(text, "Varosh", 100))])
    lind = Actor(id="tomas-lind", name="Tomas Lind", type="person", role="spokesman",
                 mentions=[list(_span(text, "Tomas Lind"))])
    d.actors = [police, opp, lind]
    q0, q1 = _span(text, "This is an attack on every voter,")
    d.quotes = [Quote(speaker="Tomas Lind", speaker_id="tomas-lind", text=text[q0:q1], start=q0, end=q1, cue="said")]
    t0, t1 = _span(text, "on Friday")
    d.times = [TimeExpr(text="on Friday", start=t0, end=t1, value="2022-04-15", precision="day", kind="weekday")]
    s0, s1 = d.sentences[0]
    d.events = [Event(id=f"arrest:{s0}-{s1}", date="2022-04-15", date_precision="day", event="ASSAULT",
                      mode="arrest", cameo="173", quad=4, goldstein=-5.0, actor=["Police"], recipient=["Ilena Varosh"],
                      actor_ids=["police"], recipient_ids=["ilena-varosh"], start=s0, end=s1, confidence=0.8,
                      trigger="arrested")]
    return d


def xss_doc() -> Document:
    """An article whose text, title, actor names and quotes carry markup and attribute injections."""
    text = (f"Hackers wrote {XSS} on the ministry site.\n\n"
            f"\u201cWe saw {XSS} and {ATTR} everywhere,\u201d said {ATTR} Evil.\n\n"
            f"The group <img src=x onerror=alert(3)> denied it.")
    d = _doc("xss", f"Title {XSS} {ATTR}", "2022-05-02", text, url="javascript:alert(4)", outlet=f"<b>{ATTR}</b>",
             boilerplate=f"menu {XSS}")
    d.sentences = _sentences(text)
    evil_name = f"{ATTR} Evil"
    m0, m1 = _span(text, evil_name)
    img0, img1 = _span(text, "<img src=x onerror=alert(3)>")
    d.actors = [Actor(id="evil", name=f"{XSS}{evil_name}", type="person", aliases=[XSS], role=XSS,
                      mentions=[[m0, m1]]),
                Actor(id="img-group", name="<img src=x onerror=alert(3)>", type="group", mentions=[[img0, img1]])]
    q0, q1 = _span(text, f"We saw {XSS} and {ATTR} everywhere,")
    d.quotes = [Quote(speaker=f"{XSS}{evil_name}", speaker_id="evil", text=text[q0:q1], start=q0, end=q1, cue="said")]
    s0, s1 = d.sentences[-1]
    d.events = [Event(id=f"xss:{s0}-{s1}", date="2022-05-01", date_precision="day", event="REJECT", cameo="130",
                      quad=3, goldstein=-4.0, actor=["<img src=x onerror=alert(3)>"], recipient=[f"{XSS}{evil_name}"],
                      actor_ids=["img-group"], recipient_ids=["evil"], start=s0, end=s1, confidence=0.5,
                      trigger="denied")]
    return d


def documents() -> list[Document]:
    return [talks_doc(), arrest_doc(), xss_doc()]


def build_store(path: Path, corpus: bool = True, xss: bool = True) -> Path:
    docs = documents() if xss else documents()[:2]
    with Store(path) as store:
        for d in docs:
            store.upsert(d)
        if corpus:
            _corpus_rows(store, docs)
            store.db.commit()
    return path


def _corpus_rows(store: Store, docs: list[Document]) -> None:
    db = store.db
    names = {}
    for d in docs:
        for a in d.actors:
            names[a.id] = a.name
            db.execute("UPDATE actors SET corpus_actor_id = ? WHERE doc_id = ? AND actor_id = ?", (a.id, d.id, a.id))
    for key, name in names.items():
        db.execute("INSERT OR REPLACE INTO corpus_actors (id, name, type, num_docs, num_mentions) VALUES (?,?,?,?,?)",
                   (key, name, "person", 1, 1))
    db.execute("INSERT INTO corpus_actor_aliases VALUES (?,?,?,?)", ("ilena-varosh", "Varosh", "varosh", "surname"))
    for d in docs:
        for e in d.events:
            cid = "c-" + e.id
            db.execute(
                "INSERT INTO event_clusters (id, family, event, cameo, quad, goldstein, date, date_precision,"
                " modality, actor_ids, recipient_ids, actor, recipient, num_sources, num_articles, num_events,"
                ' sources, doc_ids, sentence, doc_id, start, "end") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
                (cid, e.event, e.event, e.cameo, e.quad, e.goldstein, e.date, e.date_precision, "asserted",
                 json.dumps(e.actor_ids), json.dumps(e.recipient_ids), json.dumps(e.actor), json.dumps(e.recipient),
                 1, 1, 1, json.dumps([d.outlet]), json.dumps([d.id]), d.text[e.start:e.end], d.id, e.start, e.end))
            db.execute('INSERT INTO event_cluster_members VALUES (?,?,?,?,?,?,?,?)',
                       (e.id, cid, d.id, e.start, e.end, d.text[e.start:e.end], d.published, d.outlet))
    for rank, d in enumerate(docs):
        s, e = d.sentences[0]
        db.execute("INSERT INTO timeline VALUES (?,?,?,?,?,?,?,?,?,?)",
                   (f"{d.published}:{d.id}:{s}-{e}", d.published, rank, 0, d.text[s:e], d.id, s, e,
                    json.dumps([d.id]), "day"))
    for month, q1, q4, g in (("2022-03", 2, 0, 2.5), ("2022-04", 0, 1, -5.0)):
        db.execute("INSERT INTO trend VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                   ("group:government", "group:opposition", month, q1, 0, 0, q4, q1 + q4, g, None, q1, 0, "[]", "[]",
                    0))
    db.execute("INSERT INTO trend VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
               ("ilena-varosh", "matthias-dravik", "2022-03", 1, 0, 0, 0, 1, 1.0, None, 0, 1, "[]", "[]", 0))


def build_sample_store(path: Path) -> Path:
    """The bundled sample corpus through the real pipeline (and the corpus step when it runs)."""
    from importlib import resources

    from parley import pipeline
    from parley.context import Context
    from parley.ingest import RawDocument, iter_documents

    samples = Path(str(resources.files("parley") / "data" / "samples"))
    ctx = Context()
    with Store(path) as store:
        for raw in iter_documents([str(samples)]):
            if not isinstance(raw, RawDocument):
                continue
            store.upsert(pipeline.analyze(raw, ctx))
        try:
            from parley.corpus import rebuild
        except ImportError:
            return path
        rebuild(store, ctx, None)
    return path
