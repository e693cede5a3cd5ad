"""Hostile inputs: each is one recorded problem (or read as well as it can be), never a
crash, a hang, a lost file or unbounded memory."""

from __future__ import annotations

import gzip
import io
import json
import os
import tracemalloc

from chronicle.ingest.readers import iter_documents, read_stdin
from chronicle.model import Document, Problem
from chronicle.settings import Settings

GOOD = {"id": "a", "text": "The minister met the envoy on Monday."}


def read(paths, settings=None, stdin=None):
    items = list(iter_documents([str(p) for p in paths], settings or Settings(), stdin=stdin))
    return [i for i in items if isinstance(i, Document)], [i for i in items if isinstance(i, Problem)]


def test_a_nul_line_in_the_first_8_kb_is_skipped_alone(tmp_path):
    path = tmp_path / "in.jsonl"
    lines = [json.dumps(GOOD), "\0\0\0\0 garbage \0", *(json.dumps({"id": f"n{i}", "text": f"Line {i}."}) for i in range(5))]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    documents, problems = read([path])
    assert [d.id for d in documents] == ["a", "n0", "n1", "n2", "n3", "n4"]
    assert [(p.source.rsplit(":", 1)[1], p.code) for p in problems] == [("line 2", "E111")]


def test_a_nul_first_line_does_not_make_the_file_binary(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_bytes(b"\0\0\0\n" + (json.dumps(GOOD) + "\n").encode() * 3)
    documents, problems = read([path])
    assert len(documents) == 3 and [p.code for p in problems] == ["E111"]


def test_binary_data_starting_with_a_brace_is_still_binary(tmp_path):
    path = tmp_path / "blob"
    path.write_bytes(b"{" + bytes(range(256)) * 20)
    assert [p.code for p in read([path])[1]] == ["E102"]


def test_lone_surrogates_in_any_jsonl_field_become_replacement_characters(tmp_path):
    path = tmp_path / "in.jsonl"
    path.write_text('{"id": "x\\ud800", "title": "T\\udfff", "outlet": "\\ud800", "text": "Talks \\ud800 went on."}\n'
                    '{"html": "<html><body><article><p>A long enough paragraph \\udc00 about the talks in the capital.</p></article></body></html>"}\n')
    documents, problems = read([path])
    assert problems == []
    assert (documents[0].id, documents[0].title, documents[0].outlet, documents[0].text) == (
        "x\ufffd", "T\ufffd", "\ufffd", "Talks \ufffd went on.")
    for document in documents:  # every string encodes: the store can write it
        for value in vars(document).values():
            if isinstance(value, str):
                value.encode("utf-8")


def test_a_file_name_that_is_not_utf8_is_read_and_recorded_readably(tmp_path):
    directory = os.fsencode(tmp_path)
    with open(os.path.join(directory, b"caf\xe9.txt"), "wb") as out:
        out.write(b"The minister met the envoy.")
    with open(os.path.join(directory, b"bad\xff.jsonl"), "wb") as out:
        out.write(b"{not json}\n")
    documents, problems = read([tmp_path])
    assert [d.source.rsplit("/", 1)[1] for d in documents] == ["caf\ufffd.txt"]
    assert [(p.source.rsplit("/", 1)[1], p.code) for p in problems] == [("bad\ufffd.jsonl:line 1", "E111")]
    for item in [*documents, *problems]:
        item.source.encode("utf-8")


def test_symlink_loops_and_named_pipes_are_recorded_never_opened(tmp_path):
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "up").symlink_to(tmp_path)  # a directory symlink: skipped
    os.mkfifo(tmp_path / "pipe.txt")  # opening it would block for ever
    (tmp_path / "z.txt").write_text("The minister met the envoy.")
    documents, problems = read([tmp_path])
    assert [d.source.rsplit("/", 1)[1] for d in documents] == ["z.txt"]
    assert sorted((p.source.rsplit("/", 1)[1], p.code, p.reason.split(": ", 1)[1]) for p in problems) == [
        ("a", "E101", "Too many levels of symbolic links"),
        ("b", "E101", "Too many levels of symbolic links"),
        ("pipe.txt", "E101", "not a regular file: a named pipe"),
    ]
    assert [p.code for p in read([tmp_path / "a"])[1]] == ["E101"]


def peak_bytes(run) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_an_over_long_jsonl_line_is_skipped_without_reading_it_whole(tmp_path):
    path = tmp_path / "big.jsonl.gz"
    with gzip.open(path, "wb") as out:  # 40 MB of one line, a few KB compressed
        out.write(b'{"text": "' + b"a" * 40_000_000 + b'"}\n')
        out.write((json.dumps(GOOD) + "\n").encode())
    settings = Settings(max_document_bytes=1_000_000)
    found = []
    peak = peak_bytes(lambda: found.extend(iter_documents([str(path)], settings)))
    assert [type(i).__name__ for i in found] == ["Problem", "Document"]
    assert found[0].code == "E105" and found[0].source.endswith(":line 1") and found[1].id == "a"
    assert peak < 8_000_000


def test_stdin_is_spooled_not_held_in_memory():
    line = (json.dumps(GOOD) + "\n").encode()
    data = line * (30_000_000 // len(line))
    settings = Settings(spool_bytes=1_000_000)
    count = 0

    def run():
        nonlocal count
        for item in read_stdin(io.BufferedReader(io.BytesIO(data)), settings):
            count += isinstance(item, Document)

    peak = peak_bytes(run)
    assert count == data.count(b"\n")
    assert peak < 8_000_000  # the 30 MB are in a temporary file, read a line at a time
