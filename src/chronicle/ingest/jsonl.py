"""JSONL input: one JSON object per line, read line by line."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Iterable, Iterator

from ..errors import problem
from ..model import Document, Problem
from .html import extract_html

METADATA = ("id", "url", "title", "outlet", "published")


def as_str(value: object) -> str | None:
    """A metadata value as a string: numbers (ids) as their text, empty or nested values as None."""
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return None
    return str(value).strip() or None


def read_record(record: dict, source: str) -> Document | Problem:
    """One JSONL object as a Document: its `text`, else the main text of its `html`."""
    meta = {key: value for key in METADATA if (value := as_str(record.get(key))) is not None}
    if "published" in meta:
        meta["published_source"] = "metadata"
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return Document(source=source, format="jsonl", text=text, **meta)
    if isinstance(html, str) and html.strip():
        page = extract_html(html, source, url=meta.get("url"))
        return page if isinstance(page, Problem) else dataclasses.replace(page, format="jsonl", **meta)
    return problem(source, "E112", f"keys: {', '.join(sorted(record)) or 'none'}")


def read_jsonl(lines: Iterable[bytes | str], source: str, limit: int | None = None) -> Iterator[Document | Problem]:
    """Documents from JSONL lines; a bad line is recorded (E111, E112, E105 over `limit`) and reading goes on."""
    empty = True
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        empty, where = False, f"{source}:line {number}"
        if limit is not None and len(line) > limit:
            yield problem(where, "E105", f"a line over the limit of {limit} bytes")
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError) as error:  # UnicodeDecodeError is a ValueError
            yield problem(where, "E111", str(error))
            continue
        if isinstance(record, dict):
            yield read_record(record, where)
        else:
            yield problem(where, "E111", f"a JSON {type(record).__name__}, not an object")
    if empty:
        yield problem(source, "E103", "no JSONL lines")
