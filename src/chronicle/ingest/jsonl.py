"""JSONL input: one JSON object per line, read line by line."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Iterator
from typing import IO

from ..errors import problem
from ..model import Document, Problem
from ..settings import Settings
from .html import extract_html

METADATA = ("id", "url", "title", "outlet", "published")
READ_PIECE = 1 << 20  # an over-long line is skipped this many bytes at a time
SURROGATE = re.compile("[\ud800-\udfff]")  # JSON may escape half a UTF-16 pair; no text holds one


def scrub(value: object) -> object:
    """A JSON string with any lone surrogate (`"\\ud800"`) replaced by U+FFFD; other values as they are."""
    return SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value


def as_str(value: object) -> str | None:
    """A metadata value as a string: numbers (ids) as their text, empty or nested values as None."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(scrub(value)).strip() or None


def read_record(record: dict, source: str, seconds: float | None = Settings.html_seconds) -> Document | Problem:
    """One JSONL object as a Document: its `text`, else the main text of its `html`."""
    meta = {key: value for key in METADATA if (value := as_str(record.get(key))) is not None}
    if "published" in meta:
        meta["published_source"] = "metadata"
    text, html = scrub(record.get("text")), scrub(record.get("html"))
    if isinstance(text, str) and text.strip():
        return Document(source=source, format="jsonl", text=text, **meta)
    if isinstance(html, str) and html.strip():
        page = extract_html(html, source, meta.get("url"), seconds)
        return page if isinstance(page, Problem) else dataclasses.replace(page, format="jsonl", **meta)
    return problem(source, "E112", f"keys: {', '.join(sorted(record)) or 'none'}")


def bounded_lines(stream: IO, limit: int) -> Iterator[bytes | str | None]:
    """The lines of a binary or text stream, none read past `limit` (+1): a longer line is
    read through in pieces and given as None, so one huge line never sits in memory."""
    while line := stream.readline(limit + 1):
        if len(line) <= limit or _ends_line(line):
            yield line
            continue
        while (rest := stream.readline(READ_PIECE)) and not _ends_line(rest):
            pass
        yield None


def _ends_line(piece: bytes | str) -> bool:
    return piece[-1:] in ("\n", b"\n")


def read_jsonl(
    stream: IO, source: str, limit: int, seconds: float | None = Settings.html_seconds
) -> Iterator[Document | Problem]:
    """Documents from a stream of JSONL lines; a bad line is recorded (E111, E112, E105 over
    `limit`, checked before the line is read whole) and reading goes on."""
    empty = True
    for number, line in enumerate(bounded_lines(stream, limit), 1):
        where = f"{source}:line {number}"
        if line is None:
            empty = False
            yield problem(where, "E105", f"a line over the limit of {limit} bytes")
            continue
        if not line.strip():
            continue
        empty = False
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
            yield problem(where, "E111", str(error))
            continue
        if isinstance(record, dict):
            yield read_record(record, where, seconds)
        else:
            yield problem(where, "E111", f"a JSON {type(record).__name__}, not an object")
    if empty:
        yield problem(source, "E103", "no JSONL lines")
