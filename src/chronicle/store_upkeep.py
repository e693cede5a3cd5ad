"""Store upkeep across runs: what an interrupted run left undone, found from the store itself.

A run writes each batch in one transaction and fuses in another, so a crash between them
leaves event mentions stored but not fused. The store can tell: every event mention
belongs to exactly one event (fuse.py), so a mention with no membership, or a membership
whose mention is gone, marks an article whose events must be fused again.
"""

from __future__ import annotations

from .store import Store

_UNFUSED_SQL = """
    SELECT DISTINCT e.id FROM event_mentions e
    ANTI JOIN event_members m ON m.article = e.id AND m.idx = e.idx
    UNION
    SELECT DISTINCT m.article FROM event_members m
    ANTI JOIN event_mentions e ON m.article = e.id AND m.idx = e.idx
"""


def unfused_articles(store: Store) -> set[str]:
    """Content ids of the articles whose event mentions and event memberships disagree."""
    return {row[0] for row in store.con.execute(_UNFUSED_SQL).fetchall()}
