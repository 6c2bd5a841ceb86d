"""The embedded SQLite store: documents and everything found in them, plus corpus-level tables.

- WAL mode, one transaction per document, so a crash or a bad document never loses what is stored.
- Idempotent: a document whose ``content_hash`` is already stored is skipped; a document whose id is
  stored with another hash (the article changed) replaces its old rows in one transaction.
- Row keys are stable across re-runs: per-document rows are keyed by (doc_id, start, end) of their span.
- The full Document record is kept as JSON too (``documents.record``), so the store can always give back
  exactly what ``parley analyze`` would print.
- Corpus tables (corpus_actors, event_clusters, timeline, trend, claims) are rebuilt by ``parley.corpus``.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from parley.document import Document

SCHEMA = """
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    content_hash TEXT NOT NULL UNIQUE,
    source TEXT, url TEXT, title TEXT, outlet TEXT,
    published TEXT, published_basis TEXT,
    text TEXT NOT NULL,
    boilerplate TEXT,
    record TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sentences (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    idx INTEGER NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    PRIMARY KEY (doc_id, idx)
);
CREATE TABLE IF NOT EXISTS actors (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    name TEXT NOT NULL, type TEXT, aliases TEXT, affiliation TEXT, role TEXT, code TEXT, source TEXT,
    corpus_actor_id TEXT,
    PRIMARY KEY (doc_id, actor_id)
);
CREATE TABLE IF NOT EXISTS mentions (
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    actor_id TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
    PRIMARY KEY (doc_id, start, "end")
);
CREATE TABLE IF NOT EXISTS quotes (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    speaker TEXT, speaker_id TEXT, text TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, direct INTEGER, cue TEXT
);
CREATE TABLE IF NOT EXISTS times (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    text TEXT, start INTEGER NOT NULL, "end" INTEGER NOT NULL,
    value TEXT, precision TEXT, end_value TEXT, kind TEXT
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY,
    doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    date TEXT, date_precision TEXT, event TEXT, mode TEXT, context TEXT,
    cameo TEXT, quad INTEGER, goldstein REAL,
    actor TEXT, recipient TEXT, actor_ids TEXT, recipient_ids TEXT,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT,
    negated INTEGER, hypothetical INTEGER, future INTEGER, historical INTEGER,
    confidence REAL, trigger TEXT, date_end TEXT, deadline TEXT,
    trigger_span TEXT, actor_spans TEXT, recipient_spans TEXT, date_basis TEXT, kind TEXT
);
CREATE INDEX IF NOT EXISTS events_doc ON events(doc_id);
CREATE INDEX IF NOT EXISTS events_date ON events(date);
CREATE INDEX IF NOT EXISTS quotes_doc ON quotes(doc_id);
CREATE INDEX IF NOT EXISTS mentions_actor ON mentions(doc_id, actor_id);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL, finished TEXT,
    command TEXT,
    inputs INTEGER DEFAULT 0, added INTEGER DEFAULT 0, replaced INTEGER DEFAULT 0,
    unchanged INTEGER DEFAULT 0, failed INTEGER DEFAULT 0,
    errors TEXT
);
-- corpus tables (parley.corpus.rebuild); no foreign keys: rebuild removes rows of replaced documents itself
CREATE TABLE IF NOT EXISTS corpus_actors (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL, type TEXT, code TEXT, codes TEXT, affiliation TEXT,
    num_docs INTEGER, num_mentions INTEGER, first_seen TEXT, last_seen TEXT,
    keys TEXT
);
CREATE TABLE IF NOT EXISTS corpus_actor_aliases (
    actor_id TEXT NOT NULL, alias TEXT NOT NULL, norm TEXT NOT NULL, kind TEXT,
    PRIMARY KEY (actor_id, alias)
);
CREATE INDEX IF NOT EXISTS corpus_actor_aliases_norm ON corpus_actor_aliases(norm);
CREATE TABLE IF NOT EXISTS event_clusters (
    id TEXT PRIMARY KEY,
    family TEXT, event TEXT, mode TEXT, cameo TEXT, quad INTEGER, goldstein REAL, plover_score REAL,
    date TEXT, date_precision TEXT, date_lo TEXT, date_hi TEXT, symmetric INTEGER, modality TEXT,
    actor_ids TEXT, recipient_ids TEXT, actor TEXT, recipient TEXT, actor_codes TEXT, recipient_codes TEXT,
    num_sources INTEGER, num_articles INTEGER, num_events INTEGER, sources TEXT, doc_ids TEXT,
    earliest_report TEXT, latest_report TEXT,
    sentence TEXT, doc_id TEXT, start INTEGER, "end" INTEGER
);
CREATE INDEX IF NOT EXISTS event_clusters_date ON event_clusters(date);
CREATE TABLE IF NOT EXISTS event_cluster_members (
    event_id TEXT PRIMARY KEY,
    cluster_id TEXT NOT NULL, doc_id TEXT NOT NULL,
    start INTEGER, "end" INTEGER, text TEXT, published TEXT, outlet TEXT
);
CREATE INDEX IF NOT EXISTS event_cluster_members_cluster ON event_cluster_members(cluster_id);
CREATE INDEX IF NOT EXISTS event_cluster_members_doc ON event_cluster_members(doc_id);
CREATE TABLE IF NOT EXISTS timeline (
    id TEXT PRIMARY KEY,
    date TEXT NOT NULL, date_rank INTEGER, rank INTEGER,
    sentence TEXT, doc_id TEXT, start INTEGER, "end" INTEGER, sources TEXT, precision TEXT
);
CREATE TABLE IF NOT EXISTS trend (
    a TEXT NOT NULL, b TEXT NOT NULL, month TEXT NOT NULL,
    quad1 INTEGER, quad2 INTEGER, quad3 INTEGER, quad4 INTEGER, n INTEGER,
    mean_goldstein REAL, mean_plover_score REAL, a_to_b INTEGER, b_to_a INTEGER,
    event_ids TEXT, cluster_ids TEXT, implied INTEGER,
    PRIMARY KEY (a, b, month)
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL, basis TEXT, doc_id TEXT NOT NULL, start INTEGER, "end" INTEGER, text TEXT,
    speaker TEXT, speaker_id TEXT, target TEXT, target_id TEXT, cue TEXT, published TEXT, quote_id TEXT,
    responds_to TEXT, link TEXT
);
CREATE INDEX IF NOT EXISTS claims_doc ON claims(doc_id);
CREATE TABLE IF NOT EXISTS corpus_state (
    key TEXT PRIMARY KEY, value TEXT
);
"""

EVENT_COLUMNS = ("id", "doc_id", "date", "date_precision", "event", "mode", "context", "cameo", "quad", "goldstein",
                 "actor", "recipient", "actor_ids", "recipient_ids", "start", '"end"', "text", "negated",
                 "hypothetical", "future", "historical", "confidence", "trigger", "date_end", "deadline",
                 "trigger_span", "actor_spans", "recipient_spans", "date_basis", "kind")
# (table, column, SQL type) added to SCHEMA after its first release, for Store._add_columns
ADDED_COLUMNS = (("events", "date_end", "TEXT"), ("events", "deadline", "TEXT"), ("events", "trigger_span", "TEXT"),
                 ("events", "actor_spans", "TEXT"), ("events", "recipient_spans", "TEXT"),
                 ("events", "date_basis", "TEXT"), ("events", "kind", "TEXT"), ("timeline", "precision", "TEXT"),
                 ("trend", "implied", "INTEGER"))
DOC_TABLES = ("sentences", "actors", "mentions", "quotes", "times", "events")


def _check_path(path: Path, must_exist: bool) -> None:
    if must_exist and not path.is_file():
        raise StoreError(f"no parley store at {path}")
    if not path.parent.is_dir():
        raise StoreError(f"no directory {path.parent} for the store {path.name} (parley creates the file, not folders)")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime())


class StoreError(FileNotFoundError):
    """The store named by ``--db`` is missing or is not a parley store. A FileNotFoundError, so the command line
    turns it into one line and exit code 2 like any other missing input."""


class Store:
    """A parley SQLite database. Use as a context manager or call ``close()``.

    ``must_exist`` is for the read-only verbs (export, trend, claims, timeline, serve): a mistyped path is an
    error, never a new empty store. Without it (``run``) only the file is created, never its directory: a
    missing directory is far more often a typo than a wish.
    """

    def __init__(self, path: str | Path, must_exist: bool = False):
        self.path = str(path)
        if self.path != ":memory:":
            _check_path(Path(self.path), must_exist)
        try:
            self.db = sqlite3.connect(self.path, timeout=30)
            self._open(must_exist)
        except sqlite3.DatabaseError as err:
            raise StoreError(f"{self.path} is not a parley store ({err})") from None

    def _open(self, must_exist: bool) -> None:
        """Check (read verbs) or set up (schema, added columns) an open connection."""
        if must_exist and not self.has_table("documents"):
            self.db.close()
            raise StoreError(f"{self.path} is not a parley store (no documents table)")
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        self._add_columns()

    def _add_columns(self) -> None:
        """Columns added after a store may have been made: add them to an older file in place (rows kept)."""
        for table, column, kind in ADDED_COLUMNS:
            have = {r["name"] for r in self.db.execute(f"PRAGMA table_info({table})")}
            if column not in have:
                self.db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self.db.execute("BEGIN")
            yield self.db
            self.db.execute("COMMIT")
        except BaseException:
            self.db.execute("ROLLBACK")
            raise

    # --- documents -------------------------------------------------------------------------------

    def has_table(self, name: str) -> bool:
        return self.db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (name,)).fetchone() is not None

    def known_hashes(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT content_hash FROM documents")}

    def has_hash(self, content_hash: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE content_hash=?", (content_hash,)).fetchone() is not None

    def upsert(self, doc: Document) -> str:
        """Store one document and its rows; returns "added", "replaced" or "unchanged"."""
        row = self.db.execute("SELECT id, content_hash FROM documents WHERE id=? OR content_hash=?",
                              (doc.id, doc.content_hash)).fetchone()
        if row is not None and row["content_hash"] == doc.content_hash:
            return "unchanged"
        status = "replaced" if row is not None else "added"
        with self.transaction() as db:
            if row is not None:
                db.execute("DELETE FROM documents WHERE id=?", (row["id"],))
            self._insert(db, doc)
        return status

    def _insert(self, db: sqlite3.Connection, doc: Document) -> None:
        db.execute(
            "INSERT INTO documents (id, content_hash, source, url, title, outlet, published, published_basis,"
            " text, boilerplate, record, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
            (doc.id, doc.content_hash, doc.source, doc.url, doc.title, doc.outlet, doc.published,
             doc.published_basis, doc.text, doc.boilerplate, doc.to_json(), _now()),
        )
        db.executemany("INSERT INTO sentences VALUES (?,?,?,?)",
                       [(doc.id, i, s, e) for i, (s, e) in enumerate(doc.sentences)])
        for a in doc.actors:
            db.execute(
                "INSERT OR REPLACE INTO actors (doc_id, actor_id, name, type, aliases, affiliation, role, code,"
                " source) VALUES (?,?,?,?,?,?,?,?,?)",
                (doc.id, a.id, a.name, a.type, _j(a.aliases), a.affiliation, a.role, a.code, a.source),
            )
            db.executemany("INSERT OR IGNORE INTO mentions VALUES (?,?,?,?,?)",
                           [(doc.id, a.id, s, e, doc.text[s:e]) for s, e in a.mentions])
        db.executemany(
            "INSERT OR REPLACE INTO quotes VALUES (?,?,?,?,?,?,?,?,?)",
            [(span_id(doc.id, q.start, q.end), doc.id, q.speaker, q.speaker_id, q.text, q.start, q.end,
              int(q.direct), q.cue) for q in doc.quotes],
        )
        db.executemany(
            "INSERT OR REPLACE INTO times VALUES (?,?,?,?,?,?,?,?,?)",
            [(span_id(doc.id, t.start, t.end), doc.id, t.text, t.start, t.end, t.value, t.precision,
              t.end_value, t.kind) for t in doc.times],
        )
        db.executemany(
            f"INSERT OR REPLACE INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({', '.join('?' * len(EVENT_COLUMNS))})",
            [(e.id, doc.id, e.date, e.date_precision, e.event, e.mode, _j(e.context), e.cameo, e.quad,
              e.goldstein, _j(e.actor), _j(e.recipient), _j(e.actor_ids), _j(e.recipient_ids), e.start,
              e.end, doc.text[e.start:e.end], int(e.negated), int(e.hypothetical), int(e.future),
              int(e.historical), e.confidence, e.trigger, e.date_end, e.deadline, _j(e.trigger_span),
              _j(e.actor_spans), _j(e.recipient_spans), e.date_basis, e.kind) for e in doc.events],
        )

    def document(self, doc_id: str) -> Document | None:
        row = self.db.execute("SELECT record FROM documents WHERE id=?", (doc_id,)).fetchone()
        return Document.from_json(row["record"]) if row else None

    def documents(self) -> Iterator[Document]:
        for row in self.db.execute("SELECT record FROM documents ORDER BY published, id"):
            yield Document.from_json(row["record"])

    def count(self, table: str) -> int:
        return self.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: S608 (table names are ours)

    def rows(self, sql: str, params: Iterable[Any] = ()) -> list[dict[str, Any]]:
        return [dict(r) for r in self.db.execute(sql, tuple(params))]

    # --- runs ------------------------------------------------------------------------------------

    def start_run(self, command: str) -> int:
        cur = self.db.execute("INSERT INTO runs (started, command) VALUES (?, ?)", (_now(), command))
        self.db.commit()
        return cur.lastrowid

    def finish_run(self, run_id: int, counts: dict[str, int], errors: list[dict[str, str]]) -> None:
        self.db.execute(
            "UPDATE runs SET finished=?, inputs=?, added=?, replaced=?, unchanged=?, failed=?, errors=?"
            " WHERE id=?",
            (_now(), counts.get("inputs", 0), counts.get("added", 0), counts.get("replaced", 0),
             counts.get("unchanged", 0), counts.get("failed", 0), _j(errors), run_id),
        )
        self.db.commit()


def span_id(doc_id: str, start: int, end: int) -> str:
    """Stable key of a span-bearing row: the same article and offsets give the same id on every run."""
    return f"{doc_id}:{start}-{end}"


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# --- corpus query helpers (parley.corpus fills these tables) ---------------------------------------


def corpus_actor_roles(store: Store, corpus_actor_id: str) -> list[dict[str, Any]]:
    """Roles, codes and affiliations a corpus actor had, with the publication dates that report each."""
    return store.rows(
        "SELECT a.role, a.code, a.affiliation, MIN(d.published) AS first_seen, MAX(d.published) AS last_seen,"
        " COUNT(DISTINCT a.doc_id) AS num_docs FROM actors a JOIN documents d ON d.id = a.doc_id"
        " WHERE a.corpus_actor_id = ? GROUP BY a.role, a.code, a.affiliation ORDER BY first_seen",
        (corpus_actor_id,),
    )


def cluster_members(store: Store, cluster_id: str) -> list[dict[str, Any]]:
    """Every reported mention behind one event cluster (doc_id, event_id, start, end, text, published)."""
    return store.rows('SELECT * FROM event_cluster_members WHERE cluster_id = ? ORDER BY published, doc_id, start',
                      (cluster_id,))
