"""Property tests: whatever the bytes, the readers yield Documents and Problems and never raise."""

from __future__ import annotations

import gzip
import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronicle.ingest.readers import extract_html, read_bytes
from chronicle.model import Document, Problem
from chronicle.settings import Settings

SETTINGS = Settings(db=":memory:", max_document_bytes=20_000)
FUZZ = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
PREFIXES = [
    "", "{", '{"text": ', '{"html": "<p>', "\ufeff", "<html><body><p>", "<!DOCTYPE html>", "<?xml version='1.0'?>",
    "<rss version='2.0'><channel><item><description>", "<feed xmlns='http://www.w3.org/2005/Atom'><entry>",
    "WARC/1.0\r\n", "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 40\r\n\r\nHTTP/1.1 200 OK\r\n",
]
NAMES = st.sampled_from(["", "x.txt", "x.jsonl", "x.html", "x.xml", "x.warc", "x.gz", "x.jsonl.gz"])


def check(items: list) -> None:
    assert all(isinstance(item, (Document, Problem)) for item in items)
    assert all(item.text.strip() for item in items if isinstance(item, Document))


@FUZZ
@given(data=st.binary(max_size=2000), name=NAMES)
def test_arbitrary_bytes(data, name):
    check(list(read_bytes(data, "fuzz", SETTINGS, name)))


@FUZZ
@given(prefix=st.sampled_from(PREFIXES), text=st.text(max_size=500), name=NAMES, compress=st.booleans())
def test_text_after_a_format_prefix(prefix, text, name, compress):
    data = (prefix + text).encode("utf-8", errors="surrogatepass")
    check(list(read_bytes(gzip.compress(data) if compress else data, "fuzz", SETTINGS, name)))


@FUZZ
@given(lines=st.lists(st.one_of(st.text(max_size=80), st.dictionaries(
    st.sampled_from(["id", "url", "title", "outlet", "published", "text", "html"]),
    st.one_of(st.none(), st.integers(), st.text(max_size=40), st.lists(st.integers(), max_size=2))).map(json.dumps)),
    max_size=8))
def test_jsonl_like_lines(lines):
    data = "\n".join(lines).encode("utf-8", errors="surrogatepass")
    check(list(read_bytes(data, "fuzz", SETTINGS, "x.jsonl")))


@FUZZ
@given(html=st.text(max_size=500))
def test_extract_html_on_any_string(html):
    assert isinstance(extract_html(html, "fuzz"), (Document, Problem))
