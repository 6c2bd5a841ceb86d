"""Read articles from files, directories, globs and JSONL into RawDocuments.

One RawDocument per article; anything that cannot become one is an ``IngestError`` carrying the
document id and a one-line reason, so the batch can go on. Decoding tries UTF-8 (with or without BOM),
then cp1252, then latin-1, and records which one worked; text is NFC-normalised. ``content_hash`` is the
sha256 of the raw bytes of the article (for JSONL: of the line), so re-ingesting the same input is a no-op.
"""

from __future__ import annotations

import glob
import hashlib
import json
import os
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024  # an article larger than this is not an article


@dataclass
class RawDocument:
    id: str
    source: str
    content_hash: str
    kind: str  # "text" | "html"
    content: str  # decoded, NFC-normalised
    encoding: str = "utf-8"
    title: str | None = None
    url: str | None = None
    published: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)


class IngestError(Exception):
    """A document that could not be read; ``id`` names it, ``reason`` says why in one line."""

    def __init__(self, doc_id: str, reason: str, source: str = ""):
        super().__init__(f"{doc_id}: {reason}")
        self.id = doc_id
        self.reason = reason
        self.source = source

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "error": self.reason, "source": self.source}, ensure_ascii=False)


def expand_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files named by paths, directories (recursive, sorted) and glob patterns."""
    for p in paths:
        p = str(p)
        if any(ch in p for ch in "*?["):
            for hit in sorted(glob.glob(p, recursive=True)):
                hp = Path(hit)
                if hp.is_file():
                    yield hp
                elif hp.is_dir():
                    yield from _walk(hp)
            continue
        path = Path(p)
        if path.is_dir():
            yield from _walk(path)
        else:
            yield path  # missing files become IngestErrors in read_path


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name.lower() == "readme.md":
                continue
            yield Path(dirpath) / name


def iter_documents(paths: Iterable[str | os.PathLike]) -> Iterator[RawDocument | IngestError]:
    """Every article under ``paths``; failures are yielded as IngestError, never raised."""
    for path in expand_paths(paths):
        yield from read_path(path)


def read_path(path: Path) -> Iterator[RawDocument | IngestError]:
    doc_id = path.stem
    source = str(path)
    suffix = path.suffix.lower()
    if suffix == ".txt" and path.name.lower().endswith(".htm.txt"):
        suffix = ".txt"  # T17 layout: tokenised text named after its HTML page
    try:
        if not path.exists():
            raise IngestError(doc_id, "file not found", source)
        if suffix not in SUPPORTED:
            raise IngestError(doc_id, f"unsupported file type {suffix or '(none)'!r}", source)
        size = path.stat().st_size
        if suffix not in JSONL_SUFFIXES and size > MAX_BYTES:
            raise IngestError(doc_id, f"file too large ({size} bytes > {MAX_BYTES})", source)
        if suffix in JSONL_SUFFIXES:
            yield from _read_jsonl(path)
            return
        raw = path.read_bytes()
        kind = "html" if suffix in HTML_SUFFIXES else "text"
        yield make_raw(doc_id, source, raw, kind)
    except IngestError as err:
        yield err
    except OSError as err:
        yield IngestError(doc_id, f"cannot read file: {err.strerror or err}", source)


def _read_jsonl(path: Path) -> Iterator[RawDocument | IngestError]:
    with path.open("rb") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            fallback_id = f"{path.stem}:{lineno}"
            try:
                yield parse_record(line, fallback_id, f"{path}:{lineno}")
            except IngestError as err:
                yield err
            except Exception as err:  # e.g. RecursionError on a line nested ~1000 deep: that line's error only
                yield IngestError(fallback_id, f"record could not be read ({type(err).__name__})", f"{path}:{lineno}")


def parse_record(line: bytes | str, fallback_id: str, source: str) -> RawDocument:
    """One JSONL article: ``id``, ``text`` or ``html``, optional ``title``, ``url``, ``published``/``time``."""
    raw = line.encode("utf-8") if isinstance(line, str) else line
    if len(raw) > MAX_BYTES:
        raise IngestError(fallback_id, f"record too large ({len(raw)} bytes > {MAX_BYTES})", source)
    try:
        rec = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise IngestError(fallback_id, "record is not valid UTF-8 JSON", source) from None
    except json.JSONDecodeError as err:
        raise IngestError(fallback_id, f"invalid JSON ({err.msg} at column {err.colno})", source) from None
    if not isinstance(rec, dict):
        raise IngestError(fallback_id, "JSON record is not an object", source)
    doc_id = str(rec.get("id") or fallback_id)
    body = rec.get("html") if rec.get("html") else rec.get("text")
    if not isinstance(body, str) or not body.strip():
        raise IngestError(doc_id, "record has no 'text' or 'html'", source)
    kind = "html" if rec.get("html") else "text"
    content = unicodedata.normalize("NFC", body)
    _check_content(doc_id, content, source)
    published = rec.get("published") or rec.get("time") or rec.get("date")
    return RawDocument(
        id=doc_id,
        source=rec.get("url") or source,
        content_hash=hashlib.sha256(raw.strip()).hexdigest(),
        kind=kind,
        content=content,
        title=rec.get("title"),
        url=rec.get("url"),
        published=str(published)[:10] if published else None,
        meta={k: v for k, v in rec.items() if k not in {"id", "text", "html", "title", "url", "published", "time"}},
    )


def make_raw(doc_id: str, source: str, raw: bytes, kind: str) -> RawDocument:
    """Decode and check the bytes of one article file."""
    if not raw.strip():
        raise IngestError(doc_id, "empty file", source)
    if _looks_binary(raw):
        raise IngestError(doc_id, "binary file (not text or HTML)", source)
    content, encoding = decode(raw)
    content = unicodedata.normalize("NFC", content).replace("\r\n", "\n").replace("\r", "\n")
    _check_content(doc_id, content, source)
    return RawDocument(
        id=doc_id,
        source=source,
        content_hash=hashlib.sha256(raw).hexdigest(),
        kind=kind,
        content=content,
        encoding=encoding,
    )


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding that decoded it: UTF-8 (BOM or not), then cp1252, then latin-1."""
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _looks_binary(raw: bytes) -> bool:
    head = raw[:8192]
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return control > len(head) * 0.05


def _check_content(doc_id: str, content: str, source: str) -> None:
    if not content.strip():
        raise IngestError(doc_id, "no text after decoding", source)
    letters = sum(ch.isalpha() for ch in content[:20000])
    if letters < 20:
        raise IngestError(doc_id, "no readable text (fewer than 20 letters)", source)
