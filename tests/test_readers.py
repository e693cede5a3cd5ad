"""The ingest readers, on small inputs built by hand in tmp_path."""

from __future__ import annotations

import gzip
import io
import json
import os
import time

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from chronicle.ingest.readers import extract_html, iter_documents, read_bytes
from chronicle.model import Document, Problem
from chronicle.settings import Settings

SETTINGS = Settings(db=":memory:")
SENTENCE = "Prime Minister Benjamin Netanyahu met Russian President Vladimir Putin in Moscow on Tuesday."
BODY = f"<p>{SENTENCE} The two leaders discussed Syria and Iran for three hours.</p>" * 3
PAGE = f"""<!DOCTYPE html><html><head><title>Netanyahu meets Putin</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2013-05-14T10:00:00Z">
<link rel="canonical" href="https://news.example.com/netanyahu-putin"></head>
<body><nav>Home | World</nav><article><h1>Netanyahu meets Putin</h1>{BODY}</article>
<footer>Comments are closed. &copy; 2021 Example News</footer></body></html>"""
RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://wire.example.com</link>
<item><title>Talks in Moscow</title><link>https://wire.example.com/a</link><guid>wire-1</guid>
<pubDate>Tue, 14 May 2013 10:00:00 GMT</pubDate>
<description>&lt;p&gt;{SENTENCE} &lt;b&gt;Syria&lt;/b&gt; was discussed.&lt;/p&gt;</description></item>
<item><title>Headline only</title><link>https://wire.example.com/b</link></item>
</channel></rss>"""
ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom Times</title><id>urn:atom-times</id>
<entry><id>urn:atom-times:1</id><title>Phone call</title><link href="https://atom.example.com/call"/>
<updated>2013-05-15T09:00:00Z</updated><content type="html">&lt;p&gt;Putin called Netanyahu.&lt;/p&gt;</content></entry>
</feed>"""


def read(path, settings: Settings = SETTINGS) -> list[Document | Problem]:
    return list(iter_documents([str(path)], settings))


def write(path, data: bytes | str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)
    return path


def only(items: list) -> Document | Problem:
    assert len(items) == 1, items
    return items[0]


def codes(items: list) -> list[str]:
    return [item.code for item in items if isinstance(item, Problem)]


# plain text


def test_a_single_sentence_is_a_document(tmp_path):
    doc = only(read(write(tmp_path / "one.txt", SENTENCE)))
    assert doc == Document(source=str(tmp_path / "one.txt"), format="text", text=SENTENCE)


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_text_with_byte_order_mark(tmp_path, encoding):
    data = SENTENCE.encode(encoding)
    if encoding == "utf-16-be":
        data = b"\xfe\xff" + data
    assert only(read(write(tmp_path / "bom.txt", data))).text == SENTENCE


def test_text_in_a_legacy_encoding_is_identified(tmp_path):
    text = "Le président a rencontré le Premier ministre à l'Élysée, où ils ont évoqué la sécurité. " * 5
    doc = only(read(write(tmp_path / "fr.txt", text.encode("cp1252"))))
    assert doc.text == text


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n  "])
def test_empty_input_is_E103(tmp_path, data):
    assert codes(read(write(tmp_path / "empty.txt", data))) == ["E103"]


@pytest.mark.parametrize("data", [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200), bytes(range(1, 32)) * 20])
def test_binary_input_is_E102(tmp_path, data):
    assert codes(read(write(tmp_path / "image.txt", data))) == ["E102"]


def test_undecodable_bytes_are_E104(tmp_path):
    assert codes(read(write(tmp_path / "bad.txt", bytes([0xC0, 0xC1, 0xF5, 0xFF]) * 50))) == ["E104"]


def test_doubtful_bytes_give_a_document_or_a_problem(tmp_path):
    items = read(write(tmp_path / "odd.txt", SENTENCE.encode() + b" \xff\xfe\xfa " * 10))
    assert all(isinstance(item, (Document, Problem)) for item in items) and items


# size limit


def test_document_over_the_size_limit_is_E105(tmp_path):
    small = Settings(db=":memory:", max_document_bytes=100)
    assert codes(read(write(tmp_path / "long.txt", SENTENCE * 3), small)) == ["E105"]
    assert codes(read(write(tmp_path / "long.html.gz", gzip.compress(PAGE.encode())), small)) == ["E105"]
    assert isinstance(only(read(write(tmp_path / "short.txt", SENTENCE), small)), Document)


def test_a_200_mb_file_is_skipped_without_reading_it(tmp_path):
    path = write(tmp_path / "huge.txt", SENTENCE * 200)  # text first, then 200 MB of holes
    with open(path, "r+b") as f:
        f.truncate(200 * 1024 * 1024)
    start = time.perf_counter()
    assert codes(read(path)) == ["E105"]
    assert time.perf_counter() - start < 2


# gzip


@pytest.mark.parametrize("name", ["story.txt.gz", "story.gz", "story"])
def test_gzip_is_read_transparently(tmp_path, name):
    doc = only(read(write(tmp_path / name, gzip.compress(SENTENCE.encode()))))
    assert (doc.text, doc.format) == (SENTENCE, "text")


def test_corrupt_gzip_is_E101_after_what_could_be_read(tmp_path):
    lines = "".join(json.dumps({"id": i, "text": f"{SENTENCE} ({i})"}) + "\n" for i in range(2000))
    data = gzip.compress(lines.encode())
    items = read(write(tmp_path / "cut.jsonl.gz", data[: len(data) // 2]))
    assert codes(items) == ["E101"] and len(items) > 1
    assert codes(read(write(tmp_path / "junk.gz", b"\x1f\x8b" + bytes(range(256))))) == ["E101"]


# HTML


def test_html_page(tmp_path):
    path = write(tmp_path / "page.html", PAGE)
    doc = only(read(path))
    assert (doc.source, doc.format, doc.title, doc.outlet) == (str(path), "html", "Netanyahu meets Putin", "Example News")
    assert (doc.published, doc.published_source) == ("2013-05-14", "html")
    assert doc.url == "https://news.example.com/netanyahu-putin"
    assert SENTENCE in doc.text and "Home | World" not in doc.text


def test_html_gz_and_html_sniffed_without_extension(tmp_path):
    assert only(read(write(tmp_path / "page.html.gz", gzip.compress(PAGE.encode())))).title == "Netanyahu meets Putin"
    assert only(read(write(tmp_path / "page", PAGE))).format == "html"


def test_html_date_is_never_guessed(tmp_path):
    """No date from a copyright line, the URL or "today": only the page's own metadata and markup."""
    page = PAGE.replace('<meta property="article:published_time" content="2013-05-14T10:00:00Z">', "")
    page = page.replace("https://news.example.com/netanyahu-putin", "https://news.example.com/2015/09/21/talks")
    doc = only(read(write(tmp_path / "undated.html", page)))
    assert (doc.published, doc.published_source) == (None, None)
    assert doc.url == "https://news.example.com/2015/09/21/talks"


def test_html_without_article_is_E121(tmp_path):
    page = "<html><head><title>Gallery</title><script>var a = 1;</script></head><body><img src='a.png'></body></html>"
    assert codes(read(write(tmp_path / "menu.html", page))) == ["E121"]


def test_extract_html_with_a_known_url():
    doc = extract_html(PAGE, "mem", url="https://mirror.example.org/x")
    assert isinstance(doc, Document) and doc.url == "https://mirror.example.org/x"
    assert extract_html("", "mem").code == "E121"


# JSONL


def test_jsonl_lines_with_problems_in_between(tmp_path):
    lines = [
        json.dumps({"id": 17, "url": "https://a.example/1", "title": "T", "outlet": "A", "published": "2013-05-14",
                    "text": SENTENCE}),
        '{"id": 18, "text": ',
        "",
        json.dumps({"id": "19", "title": "no body"}),
        json.dumps(["not", "an", "object"]),
        json.dumps({"id": "20", "html": PAGE}),
    ]
    path = write(tmp_path / "wire.jsonl", "\n".join(lines) + "\n")
    first, *rest = read(path)
    assert first == Document(source=f"{path}:line 1", format="jsonl", text=SENTENCE, id="17", url="https://a.example/1",
                             title="T", outlet="A", published="2013-05-14", published_source="metadata")
    assert [(p.source, p.code) for p in rest[:3]] == [
        (f"{path}:line 2", "E111"), (f"{path}:line 4", "E112"), (f"{path}:line 5", "E111")]
    page = rest[3]
    assert (page.source, page.format, page.id, page.title) == (f"{path}:line 6", "jsonl", "20", "Netanyahu meets Putin")
    assert (page.published, page.published_source) == ("2013-05-14", "html") and SENTENCE in page.text


def test_jsonl_metadata_wins_over_the_page(tmp_path):
    line = json.dumps({"html": PAGE, "title": "Given", "published": "2013-05-15", "url": "https://given.example"})
    doc = only(read(write(tmp_path / "x.jsonl", line)))
    assert (doc.title, doc.published, doc.published_source, doc.url) == (
        "Given", "2013-05-15", "metadata", "https://given.example")


def test_jsonl_gz_and_malformed_first_line(tmp_path):
    data = gzip.compress(b"not json\n" + json.dumps({"text": SENTENCE}).encode() + b"\n")
    items = read(write(tmp_path / "wire.jsonl.gz", data))
    assert codes(items) == ["E111"] and items[1].text == SENTENCE and items[1].source.endswith(":line 2")


# WARC


def warc(records: list[tuple[str, str, bytes]], compress: bool) -> tuple[bytes, list[int]]:
    """A WARC of (url, content type, payload) response records, and where each record starts."""
    buffer, starts = io.BytesIO(), []
    writer = WARCWriter(buffer, gzip=compress)
    for url, content_type, payload in records:
        starts.append(buffer.tell())
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=headers))
    return buffer.getvalue(), starts


@pytest.mark.parametrize("compress", [True, False])
def test_warc_html_responses(tmp_path, compress):
    data, _ = warc([("https://cc.example/a", "text/html; charset=utf-8", PAGE.encode()),
                    ("https://cc.example/b.json", "application/json", b'{"a": 1}')], compress)
    path = write(tmp_path / ("cc.warc.gz" if compress else "cc.warc"), data)
    doc = only(read(path))
    assert (doc.source, doc.format, doc.url, doc.title) == (f"{path}:record 1", "warc", "https://cc.example/a",
                                                            "Netanyahu meets Putin")
    assert doc.crawled and doc.crawled[:4].isdigit() and doc.published == "2013-05-14"


def test_truncated_warc_gz_keeps_what_was_read(tmp_path):
    records = [(f"https://cc.example/{i}", "text/html", PAGE.encode()) for i in range(3)]
    data, starts = warc(records, compress=True)
    cut = (starts[1] + starts[2]) // 2
    path = write(tmp_path / "cut.warc.gz", data[:cut])
    first, second = read(path)
    assert first.url == "https://cc.example/0"
    assert (second.code, second.source) == ("E131", f"{path}:record 2")


def test_truncated_plain_warc(tmp_path):
    data, starts = warc([(f"https://cc.example/{i}", "text/html", PAGE.encode()) for i in range(2)], compress=False)
    items = read(write(tmp_path / "cut.warc", data[: starts[1] + 600]))
    assert isinstance(items[0], Document) and codes(items) == ["E131"]


def test_corrupt_warc_is_E131(tmp_path):
    assert codes(read(write(tmp_path / "bad.warc", b"WARC/1.0\r\nnonsense\r\n\r\n" + bytes(range(256))))) == ["E131"]


# feeds


def test_rss_feed(tmp_path):
    path = write(tmp_path / "wire.rss", RSS)
    doc, empty = read(path)
    assert doc == Document(source=f"{path}:entry 1", format="feed", text=f"{SENTENCE} Syria was discussed.",
                           id="wire-1", url="https://wire.example.com/a", title="Talks in Moscow", outlet="Example Wire",
                           published="Tue, 14 May 2013 10:00:00 GMT", published_source="metadata")
    assert (empty.code, empty.source) == ("E142", f"{path}:entry 2")


def test_atom_feed_sniffed_from_content(tmp_path):
    doc = only(read(write(tmp_path / "feed.xml.gz", gzip.compress(ATOM.encode()))))
    assert (doc.text, doc.id, doc.outlet, doc.published) == (
        "Putin called Netanyahu.", "urn:atom-times:1", "Atom Times", "2013-05-15T09:00:00Z")


def test_unparseable_feed_is_E141(tmp_path):
    assert codes(read(write(tmp_path / "broken.xml", "<?xml version='1.0'?><notafeed><<<"))) == ["E141"]


# paths, directories, stdin


def test_directory_recursion_is_sorted_and_skips_hidden(tmp_path):
    write(tmp_path / "b" / "2.txt", "Second.")
    write(tmp_path / "b" / "1.txt", "First.")
    write(tmp_path / "a.txt", "Zeroth.")
    write(tmp_path / ".hidden.txt", "Hidden.")
    write(tmp_path / ".git" / "x.txt", "Hidden too.")
    assert [doc.text for doc in read(tmp_path)] == ["Zeroth.", "First.", "Second."]


def test_missing_path_is_E101(tmp_path):
    assert codes(read(tmp_path / "nowhere.txt")) == ["E101"]


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_E101(tmp_path):
    path = write(tmp_path / "secret.txt", SENTENCE)
    path.chmod(0)
    assert codes(read(path)) == ["E101"]


def test_stdin(tmp_path):
    stdin = io.BytesIO(b'{"text": "From a pipe."}\n{"text": "Again."}\n')
    items = list(iter_documents(["-", str(write(tmp_path / "f.txt", SENTENCE))], SETTINGS, stdin=stdin))
    assert [(d.source, d.text) for d in items] == [
        ("-:line 1", "From a pipe."), ("-:line 2", "Again."), (str(tmp_path / "f.txt"), SENTENCE)]
    assert only(list(iter_documents(["-"], SETTINGS, stdin=io.BytesIO(SENTENCE.encode())))).source == "-"


def test_read_bytes_uses_the_name_as_a_hint():
    assert only(list(read_bytes(b"oops\n", "mem", SETTINGS, name="x.jsonl"))).code == "E111"
    assert only(list(read_bytes(b"oops\n", "mem", SETTINGS))).format == "text"
