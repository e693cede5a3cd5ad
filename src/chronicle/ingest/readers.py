"""Input readers: paths, stdin or bytes in; Documents, and Problems for what was skipped, out.

Readers never raise on bad input: every failure becomes a Problem and reading goes on.
"""

from __future__ import annotations

import gzip
import io
import os
import shutil
import stat
import sys
import tempfile
import zlib
from collections.abc import Iterator, Sequence
from typing import BinaryIO

from ..errors import problem
from ..model import Document, Problem
from ..settings import Settings
from .document import read_document
from .feeds import read_feed
from .html import extract_html
from .jsonl import read_jsonl
from .sniff import SNIFF_BYTES, bom_encoding, sniff
from .warc import read_warc

COPY_CHUNK = 1 << 20

__all__ = ["extract_html", "iter_documents", "read_bytes", "read_path", "read_stream"]


def iter_documents(
    paths: Sequence[str], settings: Settings, stdin: BinaryIO | None = None
) -> Iterator[Document | Problem]:
    """Everything in `paths`: files, directories (recursive, sorted, hidden entries skipped), "-" for stdin."""
    for path in paths:
        if path == "-":
            yield from read_stdin(stdin or sys.stdin.buffer, settings)
        elif os.path.isdir(path):  # a symlink loop is not a directory: read_path records it
            for item in walk(path):
                if isinstance(item, Problem):
                    yield item
                else:
                    yield from read_path(item, settings)
        else:
            yield from read_path(path, settings)


def walk(directory: str) -> Iterator[str | Problem]:
    """Regular files under a directory, depth first in name order. Hidden entries and
    symlinks to directories are skipped; a named pipe, socket or device is recorded (E101),
    never opened; so is a symlink loop."""
    try:
        with os.scandir(directory) as scan:
            entries = sorted(scan, key=lambda entry: entry.name)
    except OSError as error:
        yield problem(label(directory), "E101", error.strerror or str(error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                yield from walk(entry.path)
            elif entry.is_file() or not os.path.exists(entry.path):
                yield entry.path  # a dangling symlink is recorded when it cannot be opened
            elif not entry.is_dir():
                yield problem(label(entry.path), "E101", f"not a regular file: {_kind(entry.stat().st_mode)}")
        except OSError as error:  # a symlink loop
            yield problem(label(entry.path), "E101", error.strerror or str(error))


def _kind(mode: int) -> str:
    kinds = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"))
    return next((name for test, name in kinds if test(mode)), "not a file")


def label(path: str) -> str:
    """A path as it is recorded: bytes of a file name that are not UTF-8 become U+FFFD."""
    return os.fsencode(path).decode("utf-8", errors="replace")


def read_stdin(stdin: BinaryIO, settings: Settings, source: str = "-") -> Iterator[Document | Problem]:
    """The documents of a stream that cannot seek (stdin, a named pipe given by name): spooled
    to a temporary file past `spool_bytes` in memory, so memory stays bounded."""
    with tempfile.SpooledTemporaryFile(max_size=settings.spool_bytes) as spool:
        try:
            shutil.copyfileobj(stdin, spool, COPY_CHUNK)
        except OSError as error:
            yield problem(source, "E101", error.strerror or str(error))
            return
        size = spool.tell()
        spool.seek(0)
        yield from read_stream(spool, source, settings, "", size)


def read_path(path: str, settings: Settings) -> Iterator[Document | Problem]:
    """The documents of one file; E101 when it cannot be opened."""
    source = label(path)
    try:
        stream = open(path, "rb")
    except OSError as error:
        yield problem(source, "E101", error.strerror or str(error))
        return
    with stream:
        info = os.fstat(stream.fileno())
        if not stat.S_ISREG(info.st_mode):  # a named pipe given by name: read like stdin
            yield from read_stdin(stream, settings, source)
            return
        yield from read_stream(stream, source, settings, path, info.st_size)


def read_bytes(data: bytes, source: str, settings: Settings, name: str = "") -> Iterator[Document | Problem]:
    """The documents in `data`, its format sniffed from the content with `name`'s extension as a hint."""
    yield from read_stream(io.BytesIO(data), source, settings, name, len(data))


def read_stream(
    stream: BinaryIO, source: str, settings: Settings, name: str = "", size: int | None = None
) -> Iterator[Document | Problem]:
    """The documents in a seekable binary stream; a read or gzip error ends it with E101."""
    try:
        yield from dispatch(stream, source, settings, name, size)
    except (OSError, EOFError, zlib.error) as error:  # BadGzipFile is an OSError
        yield problem(source, "E101", f"{type(error).__name__}: {error}")


def peek(stream: BinaryIO) -> bytes:
    """The first bytes of a seekable stream, leaving it at the start (a cut gzip gives what it has)."""
    if isinstance(stream, gzip.GzipFile):
        return stream.peek(SNIFF_BYTES)[:SNIFF_BYTES]
    head = stream.read(SNIFF_BYTES)
    stream.seek(0)
    return head


def dispatch(
    stream: BinaryIO, source: str, settings: Settings, name: str, size: int | None
) -> Iterator[Document | Problem]:
    """Hand the stream to the reader of its format; JSONL and WARC are streamed, the rest read whole."""
    head = peek(stream)
    kind = sniff(head, name)
    if kind == "gzip":
        inner, inner_name = gzip.GzipFile(fileobj=stream), name[:-3] if name.lower().endswith(".gz") else name
        if sniff(peek(inner), inner_name) != "warc":  # warcio reads a WARC.gz itself, record by record
            yield from dispatch(inner, source, settings, inner_name, None)
            return
        kind = "warc"
        stream.seek(0)
    if kind == "warc":
        yield from read_warc(stream, source, settings)
    elif kind == "jsonl":
        encoding = bom_encoding(head)
        wide = encoding in ("utf-16", "utf-32")
        lines = io.TextIOWrapper(stream, encoding, errors="replace") if wide else stream
        yield from read_jsonl(lines, source, settings.max_document_bytes, settings.html_seconds)
    elif kind == "binary":
        yield problem(source, "E102", "NUL or control bytes")
    else:
        data = read_limited(stream, size, settings.max_document_bytes)
        if data is None:
            yield problem(source, "E105", f"over the limit of {settings.max_document_bytes} bytes")
        elif kind == "feed":
            yield from read_feed(data, source)
        else:
            yield read_document(data, source, kind, seconds=settings.html_seconds)


def read_limited(stream: BinaryIO, size: int | None, limit: int) -> bytes | None:
    """All of a stream's bytes, or None when they exceed `limit` (known from `size` without reading)."""
    if size is not None and size > limit:
        return None
    data = stream.read(limit + 1)
    return None if len(data) > limit else data
