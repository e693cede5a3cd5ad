"""Article identity: the same text is the same article, whatever input it came from."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_WHITESPACE = re.compile(r"\s+")


def normalize_for_identity(text: str) -> str:
    """Text as identity sees it: NFKC, case-folded, whitespace collapsed."""
    return _WHITESPACE.sub(" ", unicodedata.normalize("NFKC", text).casefold()).strip()


def article_id(clean_text: str) -> str:
    """The content hash of an article's clean text (20 hex characters of SHA-256)."""
    return hashlib.sha256(normalize_for_identity(clean_text).encode("utf-8")).hexdigest()[:20]
