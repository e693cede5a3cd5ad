"""WARC files (CC-NEWS and the like), read record by record with warcio."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from email.message import Message
from typing import BinaryIO

from ..errors import problem
from ..model import Document, Problem
from ..settings import Settings
from .document import read_document

CHUNK = 1 << 16


def content_type(record) -> Message | None:
    """The HTTP Content-Type of an HTML `response` record (None for any other record)."""
    header = record.http_headers.get_header("Content-Type") if record.http_headers else None
    if record.rec_type != "response" or not header or "html" not in header.lower():
        return None
    message = Message()
    message["Content-Type"] = header
    return message


def damage(record) -> str | None:
    """What is wrong with a record read to its end, if anything: warcio yields a cut one silently."""
    from warcio.limitreader import LimitReader

    if not isinstance(record.raw_stream, LimitReader):
        return "a record without a valid Content-Length"
    while record.raw_stream.read(CHUNK):
        pass
    return "record shorter than its Content-Length" if record.raw_stream.limit > 0 else None


def read_page(record, body: bytes, source: str, settings: Settings, message: Message) -> Document | Problem:
    """An HTML response as a Document: url from WARC-Target-URI, crawled from WARC-Date."""
    if len(body) > settings.max_document_bytes:
        return problem(source, "E105", f"payload over the limit of {settings.max_document_bytes} bytes")
    url = record.rec_headers.get_header("WARC-Target-URI")
    page = read_document(body, source, "html", message.get_content_charset(), url, settings.html_seconds)
    if isinstance(page, Problem):
        return page
    return dataclasses.replace(page, format="warc", crawled=record.rec_headers.get_header("WARC-Date"))


def read_warc(stream: BinaryIO, source: str, settings: Settings) -> Iterator[Document | Problem]:
    """Documents from the HTML responses of a WARC or WARC.gz stream; other records are ignored.

    A truncated or corrupt record ends the file with one E131; documents already read stand.
    """
    from warcio.archiveiterator import ArchiveIterator  # here: only WARC files need it

    number = 1  # the record being read
    try:
        for record in ArchiveIterator(stream):
            message = content_type(record)
            body = None if message is None else record.content_stream().read(settings.max_document_bytes + 1)
            if reason := damage(record):
                yield problem(f"{source}:record {number}", "E131", reason)
                return
            if body is not None:
                yield read_page(record, body, f"{source}:record {number}", settings, message)
            number += 1
    except Exception as error:  # warcio raises assorted errors (ArchiveLoadFailed, ValueError, ...) on bad bytes
        yield problem(f"{source}:record {number}", "E131", " ".join(f"{type(error).__name__}: {error}".split()))
