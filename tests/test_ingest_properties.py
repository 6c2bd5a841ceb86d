"""Property-based tests of ingest: whatever bytes or JSON arrive, the only exception is an IngestError, and what
comes out is text every later stage can rely on (valid UTF-8, NFC, no control characters, ISO dates)."""

from __future__ import annotations

import json
import re
import unicodedata

import pytest

hypothesis = pytest.importorskip("hypothesis")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from parley.ingest import IngestError, RawDocument, make_raw, parse_record  # noqa: E402

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SENTENCE = "Opposition leader Ana Ruiz said on Monday that the talks would resume. "


def assert_valid_text(value: str) -> None:
    value.encode("utf-8")  # no lone surrogates
    assert not CONTROL.search(value)
    assert unicodedata.is_normalized("NFC", value)


def assert_valid(doc: RawDocument) -> None:
    assert_valid_text(doc.content)
    assert_valid_text(doc.id)
    doc.source.encode("utf-8")
    assert "\r" not in doc.content
    assert doc.published is None or ISO_DAY.match(doc.published)
    assert doc.title is None or isinstance(doc.title, str)
    json.dumps(doc.meta, ensure_ascii=False).encode("utf-8")


def ingest_bytes(raw: bytes, kind: str = "text") -> RawDocument | IngestError:
    try:
        return make_raw("p", "p.txt", raw, kind)
    except IngestError as err:
        return err


# text in some encoding with noise spliced in: bad bytes, NULs, controls, BOMs, mojibake
texts = st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=0, max_size=300)
encodings = st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"])
noise = st.sampled_from([b"\x00", b"\xff", b"\xc3", b"\x92", b"\x1b[31m", b"\r", b"\r\n", b"\x0c", b"\xef\xbb\xbf",
                         "InÃ¡cio".encode(), b"\xed\xa0\x80", b"\x85", b" " * 200])


@st.composite
def article_bytes(draw) -> bytes:
    text = draw(texts) + SENTENCE * draw(st.integers(0, 3)) + draw(texts)
    raw = text.encode(draw(encodings), errors="replace")
    for _ in range(draw(st.integers(0, 4))):
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(noise) + raw[at:]
    return raw


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["text", "html"]))
def test_any_bytes_give_a_document_or_one_error(raw, kind):
    got = ingest_bytes(raw, kind)
    if isinstance(got, RawDocument):
        assert_valid(got)
    else:
        assert got.reason and "\n" not in got.reason


@SETTINGS
@given(article_bytes())
def test_noisy_articles_decode_to_valid_text(raw):
    got = ingest_bytes(raw)
    if isinstance(got, RawDocument):
        assert_valid(got)


@SETTINGS
@given(st.text(max_size=300).map(lambda t: (t + SENTENCE).encode("utf-8", "surrogatepass")))
def test_utf8_articles_keep_their_text(raw):
    """Valid UTF-8 (no controls) comes back as written, up to NFC and line ends: nothing is 'repaired' away."""
    text = raw.decode("utf-8", "surrogatepass")
    got = ingest_bytes(raw)
    if isinstance(got, RawDocument) and not CONTROL.search(text) and "\r" not in text and text.isascii():
        assert got.content == unicodedata.normalize("NFC", text)


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=40),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
    max_leaves=30,
)
fields = st.sampled_from(["id", "text", "html", "title", "url", "published", "time", "date", "outlet", "extra"])


@st.composite
def records(draw) -> str:
    rec = draw(st.dictionaries(fields, json_values, max_size=8))
    if draw(st.booleans()):
        rec[draw(st.sampled_from(["text", "html"]))] = draw(texts) + SENTENCE
    line = json.dumps(rec, ensure_ascii=draw(st.booleans()))
    if draw(st.booleans()):  # lone surrogates, deep nesting, truncation: what scrapers really write
        line = draw(st.sampled_from([line.replace("}", ', "s": "\\ud800x"}', 1), line[: len(line) // 2],
                                     line.replace("}", ', "deep": ' + "[" * 3000 + "]" * 3000 + "}", 1)]))
    return line


@SETTINGS
@given(records())
def test_any_jsonl_line_gives_a_document_or_one_error(line):
    try:
        doc = parse_record(line, "feed:1", "feed.jsonl:1")
    except IngestError as err:
        assert err.reason and err.id
        return
    assert_valid(doc)
