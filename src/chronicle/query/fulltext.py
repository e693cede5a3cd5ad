"""Full-text search over articles (title and clean text) and quotes."""

from __future__ import annotations

import re

from ..data import alternation
from ..errors import ChronicleError
from ..kb import KnowledgeBase
from ..store import Store
from .actors import kb_of
from .quotes import quote_records

SEARCH_MAX_WORDS = 16
SNIPPET_CONTEXT = 90  # characters of text kept on each side of the first hit


def search(store: Store, text: str, *, limit: int = 20, kb: KnowledgeBase | None = None) -> dict:
    """Full text over articles (title and clean text) and quotes: every word of `text` must
    appear (case-insensitive, as a substring; `%` and `_` are literal), results ranked by
    how often the words occur. Articles come with a snippet around the first hit and the
    hits' offsets within it; quotes in the contract's shape. Returns {"query", "words",
    "articles", "articles_total", "quotes", "quotes_total"}."""
    words = list(dict.fromkeys(word.lower() for word in text.split()))
    if not words:
        raise ChronicleError("nothing to search for: give at least one word")
    if len(words) > SEARCH_MAX_WORDS:
        raise ChronicleError(f"too many words to search for ({len(words)}): at most {SEARCH_MAX_WORDS}")
    patterns = [f"%{escape_like(word)}%" for word in words]
    document = "(coalesce(a.title, '') || ' ' || a.clean_text)"
    articles_where = " AND ".join(f"{document} ILIKE ? ESCAPE '\\'" for _ in words)
    quotes_where = " AND ".join("q.text ILIKE ? ESCAPE '\\'" for _ in words)
    hits = lambda column: " + ".join(  # noqa: E731 - occurrences of every word, in SQL
        f"(length(lower({column})) - length(replace(lower({column}), ?, ''))) // {len(word)}" for word in words
    )
    articles = store.query(
        f"""
        SELECT a.article_id, a.title, a.published, a.outlet, a.url, a.clean_text, {hits(document)} AS hits,
               count(*) OVER () AS total
        FROM articles a WHERE {articles_where}
        ORDER BY hits DESC, a.published DESC NULLS LAST, a.article_id LIMIT {int(limit)}
        """,
        [*words, *patterns],
    )
    quotes = (
        store.query(
            f"""
            SELECT q.*, a.article_id, a.published, {hits('q.text')} AS hits, count(*) OVER () AS total
            FROM quotes q JOIN articles a USING (id) WHERE {quotes_where}
            ORDER BY hits DESC, a.published DESC NULLS LAST, a.article_id, q.idx LIMIT {int(limit)}
            """,
            [*words, *patterns],
        )
        if store.has_table("quotes")
        else []
    )
    records = quote_records(store, kb if kb is not None else kb_of(store), quotes) if quotes else []
    return {
        "query": text,
        "words": words,
        "articles": [
            {
                **{key: row[key] for key in ("article_id", "title", "published", "outlet", "url", "hits")},
                **snippet(row["clean_text"], words),
            }
            for row in articles
        ],
        "articles_total": articles[0]["total"] if articles else 0,
        "quotes": [{**record, "hits": row["hits"]} for row, record in zip(quotes, records)],
        "quotes_total": quotes[0]["total"] if quotes else 0,
    }


def escape_like(text: str) -> str:
    """Text as a literal inside a LIKE/ILIKE pattern with ESCAPE '\\'."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def snippet(text: str, words: list[str], context: int = SNIPPET_CONTEXT) -> dict:
    """The text around the first hit of any word: {"snippet", "snippet_start" (its offset in
    the text), "snippet_truncated" ([cut at the start, cut at the end]), "marks" ([start, end]
    of every hit within the snippet)}. No hit (a word only in the title): the text's start."""
    pattern = re.compile(alternation(words), re.IGNORECASE)
    hit = pattern.search(text)
    first = hit.start() if hit else 0
    start = max(0, first - context)
    end = min(len(text), first + context)
    if start > 0:  # start and end at a word boundary
        space = text.find(" ", start, first)
        start = space + 1 if space >= 0 else start
    if end < len(text):
        space = text.rfind(" ", first, end)
        end = space if space > first else end
    piece = text[start:end]
    return {
        "snippet": piece,
        "snippet_start": start,
        "snippet_truncated": [start > 0, end < len(text)],
        "marks": _merged([[m.start(), m.end()] for m in pattern.finditer(piece)]),
    }


def _merged(spans: list[list[int]]) -> list[list[int]]:
    """Overlapping [start, end] spans merged, in order."""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
