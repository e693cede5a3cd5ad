"""What an input is, from its first bytes (the file name is only a hint), and bytes as text."""

from __future__ import annotations

import codecs
import re
from pathlib import PurePath

SNIFF_BYTES = 8192
GZIP_MAGIC = b"\x1f\x8b"
BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
CONTROL_BYTES = bytes(set(range(32)) - set(b"\t\n\v\f\r") | {127})
MAX_CONTROL_RATIO = 0.1
PROLOG = rb"(?:<\?[^>]*>|<!--(?:(?!-->).)*-->|<!DOCTYPE[^>]*>|\s)*"  # each token one way only
FEED_ROOT = re.compile(PROLOG + rb"<(?:rss|feed|rdf:RDF)[\s>]", re.DOTALL)
HTML_TAG = re.compile(rb"<(?:!doctype\s+html|html|head|body|meta|title|article|div|p|h1)[\s>/]", re.IGNORECASE)
EXTENSIONS = {
    ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
    ".html": "html", ".htm": "html", ".xhtml": "html",
    ".rss": "feed", ".atom": "feed", ".xml": "feed",
    ".warc": "warc", ".txt": "text",
}


def bom_encoding(data: bytes) -> str | None:
    """The encoding a byte-order mark announces, if the data starts with one."""
    return next((encoding for bom, encoding in BOMS if data.startswith(bom)), None)


def is_binary(head: bytes) -> bool:
    """True for bytes that are not text: NUL bytes (outside UTF-16/32) or many control bytes."""
    if bom_encoding(head) in ("utf-16", "utf-32"):
        return False
    return b"\0" in head or len(head.translate(None, delete=CONTROL_BYTES)) < len(head) * (1 - MAX_CONTROL_RATIO)


def looks_jsonl(head: bytes) -> bool:
    """True when most complete lines of `head` that hold anything are JSON objects, one of
    them clean: a line of NUL or control bytes among them is one bad line, not a binary file."""
    pieces = head.split(b"\n")
    lines = [line.strip() for line in (pieces[:-1] if len(pieces) > 1 else pieces) if line.strip()]
    objects = [line for line in lines if line.startswith(b"{")]
    return bool(objects) and len(objects) * 2 >= len(lines) and not all(map(is_binary, objects))


def extension(name: str) -> str:
    """The format a file name suggests ("" when it suggests none); `.gz` is looked through."""
    suffixes = [suffix.lower() for suffix in PurePath(name).suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes.pop()
    return EXTENSIONS.get(suffixes[-1], "") if suffixes else ""


def sniff(head: bytes, name: str = "") -> str:
    """The format of an input: gzip, warc, binary, jsonl, feed, html or text.

    The content decides; the name's extension only settles inputs whose start says nothing,
    such as a .jsonl file whose first line is malformed.
    """
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if encoding := bom_encoding(head):
        head = head.decode(encoding, errors="ignore").encode()
    start = head.lstrip()
    if not start:  # empty, whatever the name says
        return "text"
    if start.startswith(b"WARC/"):
        return "warc"
    if start.startswith(b"{") and not is_binary(head) or looks_jsonl(head):
        return "jsonl"  # a NUL line among JSON lines is one bad line, not a binary file
    if is_binary(head):
        return "binary"
    if FEED_ROOT.match(head):
        return "feed"
    if start.startswith(b"<") and HTML_TAG.search(head):
        return "html"
    return extension(name) or "text"


META_CHARSET = re.compile(rb"<meta\b[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
UTF8_NAMES = frozenset({"utf-8", "utf8", "utf_8"})
# When the guesser ranks several single-byte encodings equal, the Western one first: a
# Latin-1 text fits cp1250 as well as cp1252 byte for byte, and only cp1252 reads it right.
TIE_PREFERENCE = ("cp1252", "latin_1", "iso8859_15")
MIN_UTF8_EVIDENCE = 2  # undeclared bytes are UTF-8 when valid multi-byte characters outnumber bad bytes this many times


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a `<meta charset>` or `http-equiv` tag, if any."""
    found = META_CHARSET.search(head)
    return found.group(1).decode("ascii").lower() if found else None


def mostly_utf8(data: bytes) -> str | None:
    """`data` as UTF-8 with U+FFFD for the bad bytes, when it is UTF-8 text with a few stray bytes
    (valid multi-byte characters outnumber the bad sequences); else None."""
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count("\ufffd".encode())
    good = sum(1 for character in text if ord(character) > 127 and character != "\ufffd")
    return text if good >= MIN_UTF8_EVIDENCE * max(bad, 1) else None


def decode(data: bytes, declared: str | None = None) -> str | None:
    """Bytes as text: by byte-order mark, declared charset, UTF-8, then charset_normalizer's best guess.

    A declared UTF-8 is kept even with a few bad bytes (each becomes U+FFFD), and so is
    undeclared text that is plainly UTF-8 apart from stray bytes: the guesser is only asked
    about text that is not UTF-8. Among equally ranked guesses the Western single-byte
    encodings come first. None when no encoding fits.
    """
    for encoding in filter(None, (bom_encoding(data), declared, "utf-8")):
        try:
            return data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
    if (declared or "").lower() in UTF8_NAMES:
        return data.decode("utf-8", errors="replace")
    if (text := mostly_utf8(data)) is not None:
        return text
    return best_guess(data)


def best_guess(data: bytes) -> str | None:
    """charset_normalizer's choice; among guesses it ranks equal, `TIE_PREFERENCE` first."""
    import charset_normalizer  # here: only text that is not UTF-8 needs it (0.05 s to import)

    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = matches[0]
    tied = [m for m in matches if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    preferred = [m for name in TIE_PREFERENCE for m in tied if m.encoding == name]
    return str((preferred or [best])[0])
