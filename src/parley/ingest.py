"""Read articles from files, directories, globs and JSONL into RawDocuments.

One RawDocument per article; anything that cannot become one is an ``IngestError`` carrying the
document id and a one-line reason, so the batch can go on. Only regular files are read, never more than
``MAX_BYTES`` of one. Decoding honours BOMs (UTF-8, UTF-16, UTF-32), reads BOM-less UTF-16, and otherwise
decodes UTF-8 replacing invalid bytes, falling back to cp1252/latin-1 only for files that are clearly not
UTF-8; mojibake is repaired (ftfy), control characters other than newline and tab are removed and text is
NFC-normalised. What decoding changed is noted in ``RawDocument.meta["ingest"]``. ``content_hash`` is the
sha256 of the raw bytes of the article (for JSONL: of the line), so re-ingesting the same input is a no-op.
"""

from __future__ import annotations

import fnmatch
import glob
import hashlib
import itertools
import json
import os
import re
import stat
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SUPPORTED = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES
MAX_BYTES = 20 * 1024 * 1024  # an article larger than this is not an article
_SURROGATE = re.compile("[\ud800-\udfff]")


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


def expand_inputs(paths: Iterable[str | os.PathLike], exclude: Iterable[str] = ()) -> list[tuple[Path, str]]:
    """Every file named by ``paths`` with its document id, in input order, each file once.

    ``exclude`` (``--exclude``) drops files found by walking a folder or matching a glob (never a file named
    outright): a pattern without ``/`` is matched against each folder and file name below the root
    (``timelines`` skips every folder of that name, ``*.json`` those files), one with ``/`` against the whole
    path below the root (``*/timelines/*.txt``); shell-style wildcards, case-sensitive. Excluded files take no
    part in the ids, so excluding them gives the others the ids they would have without them.

    The id is the file's path relative to the root it was found under, in ``/`` form, without its last
    extension: ``parley run news`` gives ``news/a/1.txt`` the id ``a/1`` and ``news/b/1.txt`` the id ``b/1``.
    The root is the directory named on the command line, the fixed (wildcard-free) directory part of a glob
    pattern, or a named file's own folder (so ``parley run story.txt`` gives ``story``). The same tree named
    the same way gives the same ids on every run, so a re-run is a no-op. Two named files or roots that would
    give one id (``parley run a/1.txt b/1.txt``) are told apart by prefixing the folders above them, just as
    far up as needed.
    """
    entries: list[tuple[Path, tuple[str, ...]]] = []
    seen: set[str] = set()
    patterns = [p.strip("/") for p in exclude if p and p.strip("/")]
    for path, root, named in _expand(paths):
        if patterns and not named and _excluded(path, root, patterns):
            continue
        key = _resolved(path)
        if key in seen:
            continue
        seen.add(key)
        entries.append((path, _rel_parts(path, root)))
    return list(zip([p for p, _ in entries], _unique_ids(entries), strict=True))


def _excluded(path: Path, root: Path, patterns: list[str]) -> bool:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = (path.name,)
    rel = "/".join(parts)
    return any(fnmatch.fnmatchcase(rel, p) if "/" in p else any(fnmatch.fnmatchcase(x, p) for x in parts)
               for p in patterns)


def expand_paths(paths: Iterable[str | os.PathLike]) -> Iterator[Path]:
    """Files named by paths, directories (recursive, sorted) and glob patterns (ids: ``expand_inputs``)."""
    for path, _ in expand_inputs(paths):
        yield path


def _expand(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, Path, bool]]:
    """(file, root, named outright) for every input; missing files are yielded too and become IngestErrors in
    read_path."""
    for p in paths:
        p = str(p)
        if any(ch in p for ch in "*?["):
            root = _glob_root(p)
            for hit in sorted(glob.glob(p, recursive=True)):
                hp = Path(hit)
                if hp.is_dir():
                    yield from ((f, root, False) for f in _walk(hp))
                else:
                    yield hp, root, False
            continue
        path = Path(p)
        if path.is_dir():
            yield from ((f, path, False) for f in _walk(path))
        else:
            yield path, path.parent, True


def _glob_root(pattern: str) -> Path:
    """The directory part of a glob pattern before its first wildcard."""
    fixed = []
    for part in Path(pattern).parts:
        if any(ch in part for ch in "*?["):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def _resolved(path: Path) -> str:
    """The absolute path with ``.``/``..`` folded but links kept: a file named twice is read once, while two links
    (to one target or to ``/dev/zero``) stay two inputs, each with its own outcome."""
    return os.path.abspath(path)


def _rel_parts(path: Path, root: Path) -> tuple[str, ...]:
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        parts = (path.name,)
    if not parts:
        parts = (path.name,)
    return (*parts[:-1], _drop_suffix(parts[-1]))


def _drop_suffix(name: str) -> str:
    stem = Path(name).stem
    return stem or name


def _unique_ids(entries: list[tuple[Path, tuple[str, ...]]]) -> list[str]:
    """``/``-joined relative parts; colliding ones get the folders above them prefixed until they differ."""
    ids = ["/".join(parts) for _, parts in entries]
    groups: dict[str, list[int]] = {}
    for i, doc_id in enumerate(ids):
        groups.setdefault(doc_id, []).append(i)
    for members in groups.values():
        if len(members) < 2:
            continue
        full = [Path(_resolved(entries[i][0])).parent.parts[1:] for i in members]  # [1:]: not the anchor
        depth = [len(entries[i][1]) - 1 for i in members]  # folders already in the id
        for extra in range(1, max(len(f) for f in full) + 1):
            cand = ["/".join((*f[max(0, len(f) - d - extra):len(f) - d], ids[i])) if len(f) > d else ids[i]
                    for f, d, i in zip(full, depth, members, strict=True)]
            if len(set(cand)) == len(cand):
                break
        for i, c in zip(members, cand, strict=True):
            ids[i] = c
    return [safe_text(i) for i in ids]


def safe_text(value: str) -> str:
    """``value`` without lone surrogates: a file name's undecodable bytes are decoded with replacement, a JSON
    ``\\ud800`` becomes U+FFFD, so the text can be printed, stored in SQLite and written as UTF-8."""
    if not _SURROGATE.search(value):
        return value
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    except UnicodeEncodeError:
        return _SURROGATE.sub("\ufffd", value)


def _walk(root: Path) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name.lower() == "readme.md":
                continue
            yield Path(dirpath) / name


def iter_documents(paths: Iterable[str | os.PathLike]) -> Iterator[RawDocument | IngestError]:
    """Every article under ``paths``; failures are yielded as IngestError, never raised."""
    for path, doc_id in expand_inputs(paths):
        yield from read_path(path, doc_id)


def read_path(path: Path, doc_id: str | None = None) -> Iterator[RawDocument | IngestError]:
    """The article(s) in one file; ``doc_id`` comes from ``expand_inputs`` (default: the file's stem)."""
    doc_id = doc_id or safe_text(_drop_suffix(path.name))
    source = safe_text(str(path))
    suffix = path.suffix.lower()
    if suffix == ".txt" and path.name.lower().endswith(".htm.txt"):
        suffix = ".txt"  # T17 layout: tokenised text named after its HTML page
    try:
        if not path.exists():
            raise IngestError(doc_id, "file not found", source)
        if suffix not in SUPPORTED:
            raise IngestError(doc_id, f"unsupported file type {suffix or '(none)'!r}", source)
        with _open_regular(path, doc_id, source) as fh:
            if suffix in JSONL_SUFFIXES:
                yield from _read_jsonl(fh, doc_id, source)
                return
            raw = fh.read(MAX_BYTES + 1)  # the limit holds while reading: a file may grow after stat
        if len(raw) > MAX_BYTES:
            raise IngestError(doc_id, f"file too large (over {MAX_BYTES} bytes)", source)
        kind = "html" if suffix in HTML_SUFFIXES else "text"
        yield make_raw(doc_id, source, raw, kind)
    except IngestError as err:
        yield err
    except OSError as err:
        yield IngestError(doc_id, f"cannot read file: {err.strerror or err}", source)


_PATH_DATE = re.compile(r"(?<!\d)(\d{4})-(\d{2})-(\d{2})(?!\d)")


def with_path_date(raw: RawDocument, path: Path | str) -> RawDocument:
    """``raw`` with its publication day taken from an ISO date (``YYYY-MM-DD``) that is a folder or file name
    on ``path`` — the nearest to the file wins, as in Timeline17's ``<Source>/InputDocs/2011-02-16/<id>.htm.txt``.

    Opt-in only (``--date-from-path``): a crawl that files pages by the day they were fetched keeps its
    publication day nowhere else, but a date in a folder name can mean anything, so it is never guessed.
    A date the input itself gives (a JSONL ``published``) is kept. The day goes into ``published`` with
    ``meta["published_basis"] = "path"`` so the clean stage records basis ``path``, not ``input``.
    """
    if raw.published:
        return raw
    for part in reversed(Path(path).parts):
        m = _PATH_DATE.fullmatch(_drop_suffix(part)) or _PATH_DATE.fullmatch(part.split(".")[0])
        if not m:
            continue
        try:
            day = date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        except ValueError:
            continue
        raw.published = day.isoformat()
        raw.meta["published_basis"] = "path"
        raw.meta["published_path_part"] = safe_text(part)
        return raw
    return raw


def _open_regular(path: Path, doc_id: str, source: str) -> BinaryIO:
    """The file opened for reading if it is a regular file (a symlink to one is fine).

    A FIFO named ``*.txt`` would block the batch forever and ``/dev/zero`` would read without end, so anything
    else is refused, checked before opening and again on the opened descriptor (``O_NONBLOCK`` keeps even
    that open from waiting on a FIFO swapped in between).
    """
    mode = os.stat(path).st_mode
    if not stat.S_ISREG(mode):
        raise IngestError(doc_id, f"not a regular file ({_file_kind(mode)})", source)
    nonblock = getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, os.O_RDONLY | nonblock | getattr(os, "O_BINARY", 0))
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise IngestError(doc_id, f"not a regular file ({_file_kind(st.st_mode)})", source)
        if st.st_size > MAX_BYTES and path.suffix.lower() not in JSONL_SUFFIXES:
            raise IngestError(doc_id, f"file too large ({st.st_size} bytes > {MAX_BYTES})", source)
        if nonblock:
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _file_kind(mode: int) -> str:
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISCHR, "a character device"),
                       (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a directory")):
        if test(mode):
            return name
    return "not a plain file"


def _read_jsonl(fh: BinaryIO, file_id: str, source: str) -> Iterator[RawDocument | IngestError]:
    """One record per line; a line longer than the size limit is skipped (read in bounded pieces)."""
    lineno = 0
    while True:
        line = fh.readline(MAX_BYTES + 1)
        if not line:
            return
        lineno += 1
        fallback_id = f"{file_id}:{lineno}"
        if len(line) > MAX_BYTES and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass
            yield IngestError(fallback_id, f"record too large (over {MAX_BYTES} bytes)", f"{source}:{lineno}")
            continue
        if not line.strip():
            continue
        try:
            yield parse_record(line, fallback_id, f"{source}:{lineno}")
        except IngestError as err:
            yield err
        except Exception as err:  # e.g. RecursionError on a line nested ~1000 deep: that line's error only
            yield IngestError(fallback_id, f"record could not be read ({type(err).__name__})", f"{source}:{lineno}")


RECORD_FIELDS = {"id", "text", "html", "title", "url", "published", "time"}
META_DEPTH = 16  # extra JSONL fields nested deeper than this are dropped (a record, not a data dump)
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:$|[T ]\d)")


def parse_record(line: bytes | str, fallback_id: str, source: str) -> RawDocument:
    """One JSONL article: ``id``, ``text`` or ``html``, optional ``title``, ``url``, ``published``/``time``.

    Validated, since a feed is written by someone else's scraper: a wrong-typed body is the record's one-line
    error; a wrong-typed ``id``, ``title`` or ``url`` and a ``published`` that is not an ISO date
    (YYYY-MM-DD, optionally with a time) are dropped, each with a warning in ``meta["ingest"]["warnings"]``,
    so the article is kept and no "2024-13-45" is ever stored as a date.
    """
    raw = line.encode("utf-8", "surrogatepass") if isinstance(line, str) else line
    if len(raw) > MAX_BYTES:
        raise IngestError(fallback_id, f"record too large ({len(raw)} bytes > {MAX_BYTES})", source)
    try:
        rec = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise IngestError(fallback_id, "record is not valid UTF-8 JSON", source) from None
    except json.JSONDecodeError as err:
        raise IngestError(fallback_id, f"invalid JSON ({err.msg} at column {err.colno})", source) from None
    except RecursionError:
        raise IngestError(fallback_id, "invalid JSON (nested too deeply)", source) from None
    if not isinstance(rec, dict):
        raise IngestError(fallback_id, "JSON record is not an object", source)
    warnings: list[str] = []
    doc_id = _record_id(rec.get("id"), fallback_id, warnings)
    kind = "html" if rec.get("html") else "text"
    body = rec.get(kind)
    if body is not None and not isinstance(body, str):
        raise IngestError(doc_id, f"field {kind!r} must be a string, not {_type_name(body)}", source)
    if not body or not body.strip():
        raise IngestError(doc_id, "record has no 'text' or 'html'", source)
    notes: dict[str, Any] = {}
    content = normalise_text(body, notes)
    _check_content(doc_id, content, source)
    title, url = (_string_field(rec, key, warnings) for key in ("title", "url"))
    published = _published(rec, warnings)
    meta = {k: _meta_value(k, v, warnings) for k, v in rec.items() if k not in RECORD_FIELDS}
    meta = {safe_text(str(k)): v for k, v in meta.items() if v is not _DROP}
    if warnings:
        notes["warnings"] = list(dict.fromkeys(warnings))
    if notes:
        meta["ingest"] = notes
    return RawDocument(
        id=doc_id,
        source=url or source,
        content_hash=hashlib.sha256(raw.strip()).hexdigest(),
        kind=kind,
        content=content,
        title=title,
        url=url,
        published=published,
        meta=meta,
    )


_DROP = object()


def _type_name(value: Any) -> str:
    return {dict: "an object", list: "a list", bool: "a boolean", int: "a number", float: "a number"}.get(
        type(value), type(value).__name__)


def _record_id(value: Any, fallback_id: str, warnings: list[str]) -> str:
    if isinstance(value, bool) or not isinstance(value, str | int) or value == "":
        if value not in (None, ""):
            warnings.append(f"'id' must be a string or an integer, not {_type_name(value)}: used {fallback_id!r}")
        return fallback_id
    # control characters and unnormalised forms would make the id unprintable or two ids for one name
    doc_id = unicodedata.normalize("NFC", _CONTROL.sub("", safe_text(str(value))))
    return doc_id if doc_id.strip() else fallback_id


def _string_field(rec: dict, key: str, warnings: list[str]) -> str | None:
    value = rec.get(key)
    if value is None or value == "":
        return None
    if not isinstance(value, str):
        warnings.append(f"{key!r} must be a string, not {_type_name(value)}: dropped")
        return None
    return _CONTROL.sub("", safe_text(value)).strip() or None


def _published(rec: dict, warnings: list[str]) -> str | None:
    """The record's ISO publication day (``published``, else ``time``, else ``date``), or None with a warning."""
    for key in ("published", "time", "date"):
        value = rec.get(key)
        if value is None or value == "":
            continue
        text = value.strip() if isinstance(value, str) else ""
        if _ISO_DATE.match(text):
            try:
                return date.fromisoformat(text[:10]).isoformat()
            except ValueError:
                pass
        shown = safe_text(str(value))[:40] if isinstance(value, str | int | float) else _type_name(value)
        warnings.append(f"{key!r} is not an ISO date (YYYY-MM-DD): {shown!r} dropped")
        return None
    return None


def _meta_value(key: str, value: Any, warnings: list[str], depth: int = 0) -> Any:
    """An extra field, kept with its strings made safe; nested deeper than ``META_DEPTH``: dropped."""
    if depth > META_DEPTH:
        if depth == META_DEPTH + 1:
            warnings.append(f"{safe_text(str(key))[:40]!r} nested deeper than {META_DEPTH}: dropped")
        return _DROP
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, list):
        items = [_meta_value(key, v, warnings, depth + 1) for v in value]
        return _DROP if any(v is _DROP for v in items) else items
    if isinstance(value, dict):
        items = {safe_text(str(k)): _meta_value(key, v, warnings, depth + 1) for k, v in value.items()}
        return _DROP if any(v is _DROP for v in items.values()) else items
    return value


def make_raw(doc_id: str, source: str, raw: bytes, kind: str) -> RawDocument:
    """Decode and check the bytes of one article file."""
    if not raw.strip():
        raise IngestError(doc_id, "empty file", source)
    encoding = _utf16_encoding(raw)
    if encoding is None and _looks_binary(raw):
        raise IngestError(doc_id, "binary file (not text or HTML)", source)
    notes: dict[str, Any] = {}
    content, encoding = _decode(raw, encoding, notes)
    content = normalise_text(content, notes)
    _check_content(doc_id, content, source)
    return RawDocument(
        id=doc_id,
        source=source,
        content_hash=hashlib.sha256(raw).hexdigest(),
        kind=kind,
        content=content,
        encoding=encoding,
        meta={"ingest": notes} if notes else {},
    )


def decode(raw: bytes) -> tuple[str, str]:
    """Text and the encoding that decoded it (see ``_decode``)."""
    return _decode(raw, _utf16_encoding(raw), {})


def _decode(raw: bytes, utf16: str | None, notes: dict[str, Any]) -> tuple[str, str]:
    """BOMs first (UTF-8, UTF-16/32), then BOM-less UTF-16, then UTF-8 with each invalid byte replaced.

    A file counts as legacy 8-bit (cp1252, else latin-1) only when invalid UTF-8 sequences outnumber the valid
    non-ASCII characters: one stray byte in a UTF-8 file must not turn every curly quote into mojibake.
    ``notes["replaced_bytes"]`` counts what was replaced.
    """
    for bom, codec in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
                       (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom):
            return _replacing(raw, codec, notes), codec
    if utf16:
        return _replacing(raw, utf16, notes), utf16
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    text = raw.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - raw.count("\ufffd".encode())
    if bad <= _count_valid(text):
        notes["replaced_bytes"] = bad
        return text, "utf-8"
    try:
        return raw.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return raw.decode("latin-1"), "latin-1"


def _count_valid(text: str) -> int:
    """Non-ASCII characters other than U+FFFD (counted in C: no Python loop over a 20 MB text)."""
    return len(text) - len(text.encode("ascii", "ignore")) - text.count("\ufffd")


def _replacing(raw: bytes, codec: str, notes: dict[str, Any]) -> str:
    try:
        return raw.decode(codec)
    except UnicodeDecodeError:
        text = raw.decode(codec, errors="replace")
    notes["replaced_bytes"] = max(1, text.count("\ufffd"))
    return text


def _utf16_encoding(raw: bytes) -> str | None:
    """``utf-16-le``/``-be`` for BOM-less UTF-16 of mostly Latin-script text: a NUL in every other byte."""
    head = raw[:4096]
    n = len(head) // 2
    if n < 8:
        return None
    even, odd = head[0:2 * n:2].count(0), head[1:2 * n:2].count(0)
    if odd > 0.3 * n and even < 0.05 * n:
        return "utf-16-le"
    if even > 0.3 * n and odd < 0.05 * n:
        return "utf-16-be"
    return None


_FTFY_CONFIG = None
# UTF-8 read as cp1252/latin-1 always shows a lead byte (Â..ô) before a continuation byte (U+0080-U+00BF or
# the cp1252 letters and punctuation at 0x80-0x9F): texts without that pair skip ftfy, which costs ~0.25 µs/char
_MOJIBAKE_HINT = re.compile("[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192"
                            "\u02c6\u02dc\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030"
                            "\u2039\u203a\u20ac\u2122]")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def normalise_text(content: str, notes: dict[str, Any]) -> str:
    """Decoded text made safe to analyse: mojibake repaired, line ends ``\\n``, controls gone, NFC.

    Mojibake already in the source ("InÃ¡cio" for "Inácio") is repaired by ftfy, a library made for exactly
    this, and ``notes["repaired"]`` names its steps; quote marks, ligatures and widths are left as written.
    Control characters other than newline and tab (a NUL anywhere, C1 controls) are removed, never stored.
    """
    content = safe_text(content)
    if not content.isascii() and _MOJIBAKE_HINT.search(content):
        fixed = _ftfy(content)
        if fixed.text != content:
            notes["repaired"] = sorted({step for _, step in fixed.explanation or []}) or ["ftfy"]
            content = fixed.text
    content = content.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    stripped = _CONTROL.sub("", content)
    if len(stripped) != len(content):
        notes["control_chars_removed"] = len(content) - len(stripped)
    return unicodedata.normalize("NFC", stripped)


def _ftfy(content: str):
    import ftfy

    global _FTFY_CONFIG
    if _FTFY_CONFIG is None:
        _FTFY_CONFIG = ftfy.TextFixerConfig(unescape_html=False, remove_terminal_escapes=False, uncurl_quotes=False,
                                            fix_latin_ligatures=False, fix_character_width=False,
                                            fix_line_breaks=False, remove_control_chars=False, normalization=None,
                                            explain=True)
    return ftfy.fix_and_explain(content, _FTFY_CONFIG)


_NOT_CONTROL = bytes(b for b in range(256) if b >= 32 or b in (9, 10, 12, 13))


def _looks_binary(raw: bytes) -> bool:
    """More than 5% control bytes (NUL included), at the head or over the whole file: not text or HTML."""
    head = raw[:8192]
    if len(head.translate(None, _NOT_CONTROL)) > len(head) * 0.05:
        return True
    return len(raw.translate(None, _NOT_CONTROL)) > len(raw) * 0.05


_LETTER = re.compile(r"[^\W\d_]")


def _check_content(doc_id: str, content: str, source: str) -> None:
    """The whole text is checked (not its head): an article after 20,000 blanks is still an article."""
    if not content.strip():
        raise IngestError(doc_id, "no text after decoding", source)
    if sum(1 for _ in itertools.islice(_LETTER.finditer(content), 20)) < 20:
        raise IngestError(doc_id, "no readable text (fewer than 20 letters)", source)
