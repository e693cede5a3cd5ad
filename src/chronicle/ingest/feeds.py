"""RSS and Atom feeds, with feedparser: one Document per entry."""

from __future__ import annotations

import io
from collections.abc import Iterator

from ..errors import problem
from ..model import Document, Problem
from .html import html_to_text


def entry_text(entry: dict) -> str:
    """An entry's text: its content, else its summary; HTML made plain."""
    parts = [part for part in entry.get("content", ()) if part.get("value")]
    if not parts and entry.get("summary"):
        parts = [entry.get("summary_detail") or {"value": entry["summary"], "type": "text/html"}]
    return "\n\n".join(
        part["value"].strip() if part.get("type") == "text/plain" else html_to_text(part["value"]) for part in parts
    ).strip()


def read_feed(data: bytes, source: str) -> Iterator[Document | Problem]:
    """The entries of an RSS or Atom feed: E141 if it cannot be parsed, E142 for an entry without content.

    A feed with syntax errors still yields the entries feedparser could recover.
    """
    import feedparser  # here: only feeds need it (0.1 s to import)

    feed = feedparser.parse(io.BytesIO(data))  # a stream: given bytes or str, feedparser may open a path or URL
    if not feed.entries:
        valid = feed.get("version") and not feed.bozo
        yield problem(source, "E103", "a feed without entries") if valid else problem(
            source, "E141", str(feed.get("bozo_exception") or "neither RSS nor Atom"))
        return
    outlet = feed.feed.get("title") or None
    for number, entry in enumerate(feed.entries, 1):
        where = f"{source}:entry {number}"
        text = entry_text(entry)
        if not text:
            yield problem(where, "E142", entry.get("title") or entry.get("link") or "")
            continue
        published = entry.get("published") or entry.get("updated")
        yield Document(
            source=where, format="feed", text=text, id=entry.get("id") or None, url=entry.get("link") or None,
            title=entry.get("title") or None, outlet=outlet, published=published or None,
            published_source="metadata" if published else None,
        )
