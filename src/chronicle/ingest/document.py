"""Single-document inputs (a text file, an HTML page, a WARC payload): bytes to one Document."""

from __future__ import annotations

from ..errors import problem
from ..model import Document, Problem
from ..settings import Settings
from .html import extract_html
from .sniff import SNIFF_BYTES, decode, declared_charset, is_binary


def read_document(
    data: bytes, source: str, kind: str = "text", charset: str | None = None, url: str | None = None,
    seconds: float | None = Settings.html_seconds,
) -> Document | Problem:
    """Bytes of one document as a Document of `kind` text or html (E102, E103, E104, E121,
    E122 past `seconds` for a page)."""
    if is_binary(data[:SNIFF_BYTES]):
        return problem(source, "E102", "NUL or control bytes")
    if charset is None and kind == "html":  # a transport charset (WARC header) wins over the page's own
        charset = declared_charset(data[:SNIFF_BYTES])
    text = decode(data, charset)
    if text is None:
        return problem(source, "E104", f"{len(data)} bytes")
    if not text.strip():
        return problem(source, "E103")
    return extract_html(text, source, url, seconds) if kind == "html" else Document(source=source, format="text", text=text)
