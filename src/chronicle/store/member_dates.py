"""The dates fusion gives the mentions their own pages cannot date, stored beside their
membership (`event_members`: date, end_date, date_precision, date_from), so that every
query (`--since`/`--until`, timelines, exports) reads them: `fuse_dates.page_dates`
decides (pure, the Spark runner calls it too), `date_members` reads each article's
mentions with their fused events and writes the result. See docs/fusion.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

import pyarrow as pa

from ..fuse_dates import DATE_FIELDS, page_dates
from .duckdb_store import Store

# An article's mentions with their fused event's date fields (`event_*`), as
# `fuse_dates.page_dates` reads them (the Spark runner builds the same rows).
DATING_SQL = """
    SELECT e.id, e.idx, e.modality, e.date, e.date_precision, e.date_rule, e.date_expression,
           a.published IS NOT NULL AS dated_page, m.event_id,
           f.date AS event_date, f.end_date AS event_end_date, f.date_precision AS event_date_precision,
           f.date_from AS event_date_from, f.modality AS event_modality
    FROM event_mentions e JOIN articles a USING (id)
    LEFT JOIN event_members m ON m.article = e.id AND m.idx = e.idx
    LEFT JOIN events f ON f.id = m.event_id
    WHERE e.id IN (SELECT unnest(?))
"""

DATES_SCHEMA = pa.schema([("article", pa.string()), ("idx", pa.int32())] + [(name, pa.string()) for name in DATE_FIELDS])


def dating_mention(row: Mapping) -> dict:
    """A `DATING_SQL` row (a dict or a Spark `Row`) as `page_dates` reads a mention: its
    own date fields and its event's (None when it has no event)."""
    mention = {key: row[key] for key in ("id", "idx", "modality", "date", "date_precision", "date_rule", "date_expression")}
    event = None
    if row["event_date_from"] is not None:
        event = {key: row[f"event_{key}"] for key in ("date", "end_date", "date_precision", "date_from", "modality")}
    return {**mention, "event": event}


def article_dates(rows: Iterable[Mapping]) -> list[dict]:
    """The derived date rows (article, idx, `DATE_FIELDS`) of one article's `DATING_SQL` rows."""
    rows = list(rows)
    if not rows:
        return []
    mentions = sorted((dating_mention(row) for row in rows), key=lambda m: m["idx"])
    found = page_dates(mentions, bool(rows[0]["dated_page"]))
    return [{"article": rows[0]["id"], "idx": idx, **fields} for idx, fields in sorted(found.items())]


def date_members(store: Store, articles: Sequence[str] | None) -> int:
    """Recompute and store the dates fusion gives the mentions of `articles` (every
    article when None); returns how many mentions have one. Inside fusion's transaction."""
    if articles is None:
        articles = [row[0] for row in store.con.execute("SELECT DISTINCT id FROM event_mentions").fetchall()]
    articles = sorted(set(articles))
    if not articles:
        return 0
    by_article: dict[str, list[dict]] = {}
    for row in store.query(DATING_SQL, [articles]):
        by_article.setdefault(row["id"], []).append(row)
    rows = [found for group in by_article.values() for found in article_dates(group)]
    store.set_member_dates(articles, pa.Table.from_pylist(rows, schema=DATES_SCHEMA) if rows else None)
    return len(rows)
