"""Store upkeep across runs: what an interrupted run left undone, found from the store itself.

A run writes each batch in one transaction and fuses in another, so a crash between them
leaves event mentions stored but not fused. The store can tell: the batch's transaction
queues its articles for fusion (`fusion_queue`), and in stores older than the queue, every
event mention belongs to exactly one event (fuse.py), so a mention with no membership, or
a membership whose mention is gone, marks an article whose events must be fused again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from .completion import FIELDS, Completion
from .model import Article, PublicationDate
from .pipeline import ToAnnotate, reference_day
from .store import Store
from .store.fusion import fuse

_UNFUSED_SQL = """
    SELECT DISTINCT e.id FROM event_mentions e
    ANTI JOIN event_members m ON m.article = e.id AND m.idx = e.idx
    UNION
    SELECT DISTINCT m.article FROM event_members m
    ANTI JOIN event_mentions e ON m.article = e.id AND m.idx = e.idx
"""


def unfused_articles(store: Store) -> set[str]:
    """Content ids of the articles waiting for fusion: queued by the transaction that
    changed their event mentions, or (stores written before the queue) whose event
    mentions and memberships disagree."""
    sql = _UNFUSED_SQL + " UNION SELECT id FROM fusion_queue" if store.has_table("fusion_queue") else _UNFUSED_SQL
    return {row[0] for row in store.con.execute(sql).fetchall()}


def fuse_pending(store: Store, articles: Iterable[str] = (), everything: bool = False) -> None:
    """Fuse the events of `articles` and of every article waiting for fusion (all events when
    `everything`), then clear the queue. Fusion commits first: a crash before the queue is
    cleared only makes the next run fuse them again, which changes nothing."""
    pending = set(articles) | unfused_articles(store)
    if not pending and not everything:
        return
    fuse(store, None if everything else sorted(pending))
    if everything:
        store.con.execute("DELETE FROM fusion_queue")
    else:
        store.con.execute("DELETE FROM fusion_queue WHERE id IN (SELECT unnest(?))", [sorted(pending)])


# how a publication date was known, weakest first: a later input's date replaces a stored
# one only when it was known in a stronger way (a JSONL `published` beats a date in the text)
DATE_SOURCES = ("none", "text", "url", "html", "metadata")


def completions(store: Store, articles: Sequence[Article]) -> list[Completion]:
    """The stored articles among `articles` that these later inputs know more about:
    a url, outlet or title where none is stored, a publication date known better."""
    ids = list({a.id for a in articles})
    if not ids:
        return []
    stored = {
        row["id"]: row
        for row in store.query(
            "SELECT id, url, outlet, title, strftime(published, '%Y-%m-%d') AS published, "
            "published_month, published_source FROM articles WHERE id IN (SELECT unnest(?))",
            [ids],
        )
    }
    found: dict[str, Completion] = {}
    for article in articles:
        row = stored.get(article.id)
        if row is None or article.id in found:
            continue
        previous = {name: None for name in FIELDS if getattr(article, name) and not row[name]}
        if _dates_better(article.published, row):
            previous["published"] = row["published"] or row["published_month"]
        if previous:
            found[article.id] = Completion(article, previous)
    return list(found.values())


def _dates_better(new: PublicationDate, row: dict) -> bool:
    if not (new.value or new.month) or (new.value, new.month) == (row["published"], row["published_month"]):
        return False
    rank = DATE_SOURCES.index
    return rank(new.source) > rank(row["published_source"]) if row["published_source"] in DATE_SOURCES else False


def redate_inputs(store: Store, found: Sequence[Completion]) -> list[ToAnnotate]:
    """The stored clean text of each re-dated article, to extract again against its new date."""
    ids = [c.article.id for c in found if c.redates]
    if not ids:
        return []
    texts = dict(store.con.execute("SELECT id, clean_text FROM articles WHERE id IN (SELECT unnest(?))", [ids]).fetchall())
    inputs = []
    for completion in found:
        if completion.redates:
            date = completion.article.published
            day = dt.date.fromisoformat(date.value) if date.value else None
            inputs.append(ToAnnotate(completion.article.id, texts[completion.article.id], reference_day(day, date.month), day))
    return inputs
