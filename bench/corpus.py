"""Corpus rebuild cost: full rebuild vs adding one article, on a synthetic store.

Builds N synthetic articles (made-up actors, 6 events each drawn from a small set of happenings so that
several articles report the same one), runs ``parley.corpus.rebuild`` in full, then adds one article and
rebuilds incrementally, and checks the incremental store equals a full rebuild. Prints the timings.

    python bench/corpus.py [N]
"""

from __future__ import annotations

import hashlib
import random
import sys
import tempfile
import time
from pathlib import Path

from parley import corpus
from parley.context import Context
from parley.document import Actor, Document, Event
from parley.store import Store

TYPES = [("CONSULT", 1, 1.0), ("ACCUSE", 3, -2.0), ("PROTEST", 4, -6.5), ("COERCE", 4, -7.0), ("AGREE", 1, 3.0)]
TABLES = ("corpus_actors", "event_clusters", "event_cluster_members", "trend", "claims")


def people(n: int) -> list[tuple[str, str, str]]:
    first = ["Ana", "Luis", "Mira", "Tomas", "Lina", "Oren", "Sara", "Ivo", "Nadia", "Pavel"]
    last = ["Verin", "Sorel", "Kade", "Morin", "Balo", "Tesh", "Ulan", "Ravi", "Drum", "Lekk"]
    out = []
    for i in range(n):
        name = f"{first[i % 10]} {last[(i // 10) % 10]}"
        out.append((name, "VELGOV" if i % 2 else "VELOPP", name.split()[1]))
    return out


def article(i: int, rng: random.Random, cast, happenings) -> Document:
    texts, spans, actors, events = [], [], {}, []
    pos = 0
    for k in range(6):
        kind, quad, gold, a, b, day = rng.choice(happenings)
        (na, ca, _), (nb, cb, _) = cast[a], cast[b]
        s = f"{na} and {nb} were involved in a {kind.lower()} on {day}."
        for name, code in ((na, ca), (nb, cb)):
            aid = name.lower().replace(" ", "-")
            actors.setdefault(aid, Actor(id=aid, name=name, aliases=[name.split()[1]], code=code))
            off = pos + s.index(name)
            actors[aid].mentions.append([off, off + len(name)])
        events.append(Event(id=f"n{i}:{pos}:{k}", date=day, date_precision="day", event=kind, quad=quad,
                            goldstein=gold, actor_ids=[na.lower().replace(" ", "-")],
                            recipient_ids=[nb.lower().replace(" ", "-")], actor=[na], recipient=[nb],
                            start=pos, end=pos + len(s) - 1))
        texts.append(s)
        spans.append([pos, pos + len(s)])
        pos += len(s) + 1
    text = " ".join(texts)
    day = max(e.date for e in events)
    return Document(id=f"n{i}", content_hash=hashlib.sha1(f"{i}{text}".encode()).hexdigest(), published=day,
                    outlet=f"outlet{i % 7}", text=text, sentences=spans, actors=list(actors.values()),
                    events=events)


def main(n: int = 2000) -> None:
    rng = random.Random(7)
    cast = people(60)
    happenings = [(*rng.choice(TYPES), rng.randrange(60), rng.randrange(60),
                   f"2020-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}") for _ in range(n)]
    happenings = [h for h in happenings if h[3] != h[4]]
    docs = [article(i, rng, cast, happenings) for i in range(n + 1)]
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "inc.db") as store:
            t0 = time.perf_counter()
            for d in docs[:-1]:
                store.upsert(d)
            t1 = time.perf_counter()
            full = corpus.rebuild(store, Context())
            t2 = time.perf_counter()
            store.upsert(docs[-1])
            t3 = time.perf_counter()
            inc = corpus.rebuild(store, Context(), changed_doc_ids={docs[-1].id})
            t4 = time.perf_counter()
            corpus.rebuild(store, Context(), changed_doc_ids=set())
            t5 = time.perf_counter()
            got = {t: store.rows(f"SELECT * FROM {t} ORDER BY 1, 2") for t in TABLES}
        with Store(Path(tmp) / "full.db") as ref:
            for d in docs:
                ref.upsert(d)
            corpus.rebuild(ref, Context())
            want = {t: ref.rows(f"SELECT * FROM {t} ORDER BY 1, 2") for t in TABLES}
    print(f"articles {n}, events {6 * n}, clusters {full['event_clusters']}, corpus actors {full['corpus_actors']}")
    print(f"upsert {n} docs: {t1 - t0:.2f}s")
    print(f"full rebuild: {t2 - t1:.2f}s")
    print(f"add 1 article + incremental rebuild: {t3 - t2 + t4 - t3:.3f}s "
          f"(clusters examined {inc['clusters_examined']}, actors: {inc['actors']})")
    print(f"no-change rebuild: {t5 - t4:.3f}s")
    print("incremental == full rebuild:", got == want)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 2000)
