import json
from pathlib import Path

from parley.ingest import IngestError, RawDocument, decode, iter_documents, make_raw

ARTICLE = "Opposition leader Ana Ruiz said on Monday that talks would resume. " * 3


def _ingest(paths):
    return list(iter_documents([str(p) for p in paths]))


def test_directories_recursive_and_globs(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "b").mkdir()
    (tmp_path / "a" / "one.txt").write_text(ARTICLE)
    (tmp_path / "a" / "b" / "two.html").write_text(f"<html><body><p>{ARTICLE}</p></body></html>")
    got = _ingest([tmp_path])
    assert [d.id for d in got] == ["a/one", "a/b/two"]  # ids: the path under the root named, no extension
    assert [d.kind for d in got] == ["text", "html"]
    assert [d.id for d in _ingest([str(tmp_path / "**" / "*.html")])] == ["a/b/two"]
    assert [d.id for d in _ingest([tmp_path / "a" / "one.txt"])] == ["one"]  # a named file: its stem


def test_encodings_and_nfc(tmp_path: Path):
    text = "Café talks in Phnom Penh: “we agree,” she said. " * 2
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    (tmp_path / "cp.txt").write_bytes(text.encode("cp1252"))
    (tmp_path / "latin.txt").write_bytes("Café talks, Señor Ruiz said today in the capital.".encode("latin-1"))
    decomposed = "Cafe\u0301 talks resumed on Monday in the capital, officials said."
    (tmp_path / "nfd.txt").write_text(decomposed, encoding="utf-8")
    docs = {d.id: d for d in _ingest([tmp_path])}
    assert docs["bom"].content == text and docs["bom"].encoding == "utf-8-sig"
    assert docs["cp"].content == text and docs["cp"].encoding == "cp1252"
    assert "Señor" in docs["latin"].content
    assert docs["nfd"].content.startswith("Café")  # NFC: one code point
    assert decode(b"\x81\x8d plain") [1] == "latin-1"  # bytes cp1252 leaves undefined


def test_hash_is_stable_and_content_based(tmp_path: Path):
    a = make_raw("x", "x.txt", ARTICLE.encode(), "text")
    b = make_raw("y", "y.txt", ARTICLE.encode(), "text")
    assert a.content_hash == b.content_hash and len(a.content_hash) == 64


def test_jsonl_records_and_truncated_line(tmp_path: Path):
    lines = [
        json.dumps({"id": "n1", "text": ARTICLE, "title": "Talks", "url": "https://example.org/a",
                    "published": "2022-03-14T10:00:00Z"}),
        json.dumps({"id": "n2", "html": f"<p>{ARTICLE}</p>", "time": "2022-03-15"}),
        '{"id": "n3", "text": "Opposition leader',  # truncated
        json.dumps({"id": "n4"}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(lines) + "\n")
    got = _ingest([path])
    assert isinstance(got[0], RawDocument) and got[0].published == "2022-03-14" and got[0].title == "Talks"
    assert got[1].kind == "html" and got[1].published == "2022-03-15"
    assert isinstance(got[2], IngestError) and "invalid JSON" in got[2].reason and got[2].id == "batch:3"
    assert isinstance(got[3], IngestError) and got[3].id == "n4"


def test_bad_inputs_give_one_error_each(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "notes.docx").write_bytes(b"PK\x03\x04 whatever")
    with open(tmp_path / "huge.txt", "wb") as fh:  # 50 MB, sparse on disk
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "ok.txt").write_text(ARTICLE)
    got = {d.id: d for d in _ingest([tmp_path, tmp_path / "missing.txt"])}
    assert isinstance(got["ok"], RawDocument)
    reasons = {k: v.reason for k, v in got.items() if isinstance(v, IngestError)}
    assert reasons["empty"] == "empty file"
    assert "binary" in reasons["binary"]
    assert "unsupported" in reasons["notes"]
    assert "too large" in reasons["huge"]
    assert "not found" in reasons["missing"]
    line = json.loads(got["empty"].to_json())
    assert line["id"] == "empty" and line["error"] == "empty file"


def test_invalid_utf8_falls_back_not_fails(tmp_path: Path):
    raw = ARTICLE.encode() + b"\xff\xfe broken bytes \xc3"  # no valid non-ASCII at all: a legacy 8-bit file
    doc = make_raw("bad", "bad.txt", raw, "text")
    assert doc.encoding in {"cp1252", "latin-1"} and "Ana Ruiz" in doc.content


def test_one_bad_byte_keeps_utf8_and_its_quotes():
    text = "“We are ready to negotiate,” Ruiz told reporters in São Paulo. “But not today.” " * 3
    raw = text.encode("utf-8") + b"Stray \x92 byte."
    doc = make_raw("q", "q.txt", raw, "text")
    assert doc.encoding == "utf-8"
    assert doc.content.startswith("“We are ready") and "São Paulo" in doc.content
    assert "Stray \ufffd byte." in doc.content
    assert doc.meta["ingest"]["replaced_bytes"] == 1


def test_utf16_with_and_without_bom():
    text = "Opposition leader Ana Ruiz said “talks resume” on Monday in Phnom Penh. " * 3
    for raw in (text.encode("utf-16"), b"\xfe\xff" + text.encode("utf-16-be"), text.encode("utf-16-le"),
                text.encode("utf-16-be")):
        doc = make_raw("u", "u.txt", raw, "text")
        assert doc.content == text.strip() or doc.content == text, doc.encoding
        assert doc.encoding.startswith("utf-16")


def test_mojibake_is_repaired_and_recorded():
    text = "InÃ¡cio Lula da Silva said on Monday that talks with the opposition would resume next week."
    doc = make_raw("m", "m.txt", text.encode("utf-8"), "text")
    assert doc.content.startswith("Inácio Lula")
    assert doc.meta["ingest"]["repaired"]
    clean = make_raw("c", "c.txt", "Inácio said “no” to the São Paulo plan, officials said.".encode(), "text")
    assert clean.content == "Inácio said “no” to the São Paulo plan, officials said."  # curly quotes kept
    assert "ingest" not in clean.meta


def test_control_characters_are_stripped_anywhere():
    body = ARTICLE * 150  # past the first 8 KiB
    raw = (body + "\x00Ruiz\x07 added:\tnothing\x1b more.\x7f\n").encode("utf-8")
    doc = make_raw("n", "n.txt", raw, "text")
    assert "\x00" not in doc.content and "\x07" not in doc.content and "\x1b" not in doc.content
    assert doc.content.endswith("Ruiz added:\tnothing more.\n")
    assert doc.meta["ingest"]["control_chars_removed"] == 4


def test_text_after_many_blanks_is_not_empty():
    raw = (" " * 30000 + "\n" * 100 + ARTICLE).encode()
    assert "Ana Ruiz" in make_raw("b", "b.txt", raw, "text").content
    import pytest

    with pytest.raises(IngestError, match="fewer than 20 letters"):
        make_raw("d", "d.txt", (" " * 30000 + "12 34 5678 …").encode(), "text")


def test_same_file_names_in_different_folders_keep_apart(tmp_path: Path):
    from parley.ingest import expand_inputs

    for folder in ("2010-01-21", "2010-01-22"):
        (tmp_path / "news" / folder).mkdir(parents=True)
        (tmp_path / "news" / folder / "1.htm.txt").write_text(f"{ARTICLE} Filed {folder}.")
    got = _ingest([tmp_path / "news"])
    assert [d.id for d in got] == ["2010-01-21/1.htm", "2010-01-22/1.htm"]
    assert [d.id for d in _ingest([tmp_path / "news"])] == [d.id for d in got]  # stable across runs
    # the same two files named one by one: told apart by the folder above each, only as far as needed
    named = [tmp_path / "news" / f / "1.htm.txt" for f in ("2010-01-21", "2010-01-22")]
    assert [i for _, i in expand_inputs(named)] == ["2010-01-21/1.htm", "2010-01-22/1.htm"]
    # a file reached twice (a folder and a path inside it) is read once
    assert len(expand_inputs([tmp_path / "news", named[0]])) == 2


def test_exclude_drops_walked_files_by_name_or_path_and_leaves_the_ids_alone(tmp_path: Path):
    """``--exclude``: a Timeline17-like tree (articles under InputDocs/DATE/, a reference timeline under
    timelines/ with the same file name as an article) read with and without the timelines."""
    from parley.ingest import expand_inputs

    root = tmp_path / "corpus"
    for sub in ("Topic_a/InputDocs/2011-02-16", "Topic_a/timelines", "Topic_b/InputDocs/2011-03-01"):
        (root / sub).mkdir(parents=True)
    (root / "Topic_a/InputDocs/2011-02-16/tl1.txt").write_text(ARTICLE)
    (root / "Topic_b/InputDocs/2011-03-01/7.htm.txt").write_text(ARTICLE + " More.")
    (root / "Topic_a/timelines/tl1.txt").write_text("2011-02-16\nProtests began.\n-----\n")
    (root / "Topic_a/notes.json").write_text("{}")
    ids = lambda *a, **k: [i for _, i in expand_inputs(*a, **k)]  # noqa: E731
    everything = ids([root])
    assert "Topic_a/timelines/tl1" in everything and len(everything) == 4
    articles = ["Topic_a/InputDocs/2011-02-16/tl1", "Topic_b/InputDocs/2011-03-01/7.htm"]
    assert ids([root], exclude=["timelines", "*.json"]) == articles  # by folder or file name at any depth
    assert ids([root], exclude=["*/timelines/*.txt", "Topic_a/notes.json"]) == articles  # by path below the root
    assert ids([root], exclude=["timelines/*"]) == everything  # a path pattern is anchored at the root
    assert ids([root], exclude=["Timelines"]) == everything  # case-sensitive, as file systems are
    assert ids([str(root / "**" / "*.txt")], exclude=["timelines"]) == articles  # globs alike
    # a file named outright is always read
    assert ids([root / "Topic_a/timelines/tl1.txt"], exclude=["timelines", "*.txt"]) == ["tl1"]
    # an excluded file takes no part in telling ids apart: a/tl1.txt and b/tl1.md would both be "tl1"
    for folder, name in (("a", "tl1.txt"), ("b", "tl1.md")):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / name).write_text(ARTICLE)
    assert ids([tmp_path / "a", tmp_path / "b"]) == ["a/tl1", "b/tl1"]
    assert ids([tmp_path / "a", tmp_path / "b"], exclude=["*.md"]) == ["tl1"]


def test_rerun_of_a_same_name_tree_is_a_no_op(tmp_path: Path, capsys):
    import sqlite3

    from parley.cli import main

    for folder in ("a", "b", "c/d"):
        (tmp_path / "in" / folder).mkdir(parents=True)
        (tmp_path / "in" / folder / "1.txt").write_text(f"{ARTICLE} Reported from folder {folder}.")
    db = tmp_path / "p.db"
    assert main(["run", str(tmp_path / "in"), "--db", str(db)]) == 0
    assert "added 3, replaced 0, unchanged 0" in capsys.readouterr().out
    assert main(["run", str(tmp_path / "in"), "--db", str(db)]) == 0
    assert "added 0, replaced 0, unchanged 3" in capsys.readouterr().out
    assert main(["run", str(tmp_path), "--db", str(db)]) == 0  # another root: same content, nothing changes
    assert "added 0, replaced 0, unchanged 3" in capsys.readouterr().out
    con = sqlite3.connect(db)
    assert sorted(r[0] for r in con.execute("SELECT id FROM documents")) == ["a/1", "b/1", "c/d/1"]


def test_odd_file_names_give_printable_ids(tmp_path: Path):
    import os

    name = os.fsdecode(b"caf\xe9 report.txt")  # not UTF-8: Python keeps the byte as a lone surrogate
    try:
        (tmp_path / name).write_text(ARTICLE)
    except (OSError, UnicodeEncodeError):
        import pytest

        pytest.skip("this file system refuses non-UTF-8 names")
    (doc,) = _ingest([tmp_path])
    assert doc.id == "caf\ufffd report"
    json.dumps(doc.id, ensure_ascii=False).encode("utf-8")  # printable and storable
    doc.source.encode("utf-8")


def test_fifos_and_devices_are_refused_without_blocking(tmp_path: Path):
    import os
    import signal

    import pytest

    if not hasattr(os, "mkfifo") or not Path("/dev/zero").exists():
        pytest.skip("needs POSIX FIFOs and /dev/zero")
    os.mkfifo(tmp_path / "pipe.txt")  # no writer: opening it blocking would wait forever
    (tmp_path / "zero.txt").symlink_to("/dev/zero")  # reading it would never end
    (tmp_path / "ok.txt").write_text(ARTICLE)
    outside = tmp_path.parent / f"{tmp_path.name}-elsewhere.txt"
    outside.write_text(ARTICLE + " Elsewhere.")
    (tmp_path / "link.txt").symlink_to(outside)  # a link to a regular file is read
    old = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("ingest blocked on a FIFO or device"))
    signal.alarm(20)
    try:
        got = {d.id: d for d in _ingest([tmp_path])}
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
    assert got["pipe"].reason == "not a regular file (a FIFO)"
    assert got["zero"].reason == "not a regular file (a character device)"
    assert isinstance(got["ok"], RawDocument) and isinstance(got["link"], RawDocument)


def test_size_limit_holds_while_reading(tmp_path: Path, monkeypatch):
    from parley import ingest

    monkeypatch.setattr(ingest, "MAX_BYTES", 4096)
    (tmp_path / "big.txt").write_text(ARTICLE * 40)  # about 8 KB
    (tmp_path / "feed.jsonl").write_text(json.dumps({"id": "long", "text": ARTICLE * 40}) + "\n"
                                         + json.dumps({"id": "short", "text": ARTICLE}) + "\n")
    got = {d.id: d for d in _ingest([tmp_path])}
    assert "too large" in got["big"].reason
    assert "too large" in got["feed:1"].reason  # the long line is skipped, the next one still read
    assert isinstance(got["short"], RawDocument)


def _record(**fields) -> RawDocument | IngestError:
    from parley.ingest import parse_record

    try:
        return parse_record(json.dumps(fields), "feed:1", "feed.jsonl:1")
    except IngestError as err:
        return err


def test_jsonl_dates_must_be_iso():
    assert _record(id="a", text=ARTICLE, published="2024-03-05T08:00:00+01:00").published == "2024-03-05"
    assert _record(id="a", text=ARTICLE, time="2024-03-05 08:00").published == "2024-03-05"
    for bad in ("2024-13-45", "March 5, 2024", "20240305", 1709625600, ["2024-03-05"]):
        doc = _record(id="a", text=ARTICLE, published=bad)
        assert isinstance(doc, RawDocument) and doc.published is None, bad
        (warning,) = doc.meta["ingest"]["warnings"]
        assert "'published' is not an ISO date" in warning


def test_jsonl_wrong_types_give_clear_messages():
    err = _record(id="a", html=["<p>", ARTICLE])
    assert isinstance(err, IngestError) and err.reason == "field 'html' must be a string, not a list"
    err = _record(id="a", text={"body": ARTICLE})
    assert err.reason == "field 'text' must be a string, not an object"
    doc = _record(id="a", text=ARTICLE, title=["Talks", "resume"], url=42)
    assert doc.title is None and doc.url is None and doc.source == "feed.jsonl:1"
    assert doc.meta["ingest"]["warnings"] == ["'title' must be a string, not a list: dropped",
                                              "'url' must be a string, not a number: dropped"]
    doc = _record(id={"x": 1}, text=ARTICLE)
    assert doc.id == "feed:1" and "'id' must be a string" in doc.meta["ingest"]["warnings"][0]
    assert _record(id=17, text=ARTICLE).id == "17"


def test_jsonl_surrogates_and_deep_nesting():
    from parley.ingest import parse_record

    doc = parse_record('{"id": "x\\ud800", "text": "' + ARTICLE + '", "tag": "a\\udfff"}', "f:1", "f:1")
    assert doc.id == "x\ufffd" and doc.meta["tag"] == "a\ufffd"
    json.dumps(doc.meta, ensure_ascii=False).encode("utf-8")
    deep = json.dumps({"id": "d", "text": ARTICLE})[:-1] + ', "extra": ' + "[" * 5000 + "]" * 5000 + "}"
    err = None
    try:
        parse_record(deep, "f:2", "f:2")
    except IngestError as e:
        err = e
    assert err is not None and "nested too deeply" in err.reason
    nested = json.dumps({"id": "m", "text": ARTICLE})[:-1] + ', "extra": ' + "[" * 50 + "]" * 50 + "}"
    doc = parse_record(nested, "f:3", "f:3")
    assert "extra" not in doc.meta and "nested deeper" in doc.meta["ingest"]["warnings"][0]
