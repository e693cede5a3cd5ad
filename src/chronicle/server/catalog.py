"""The server's serving copy of the fused events: each event's contract record, encoded as
JSON once, and an index by actor, so that a timeline or an event answers without a query.

DuckDB scans a column to find a few rows: on 100,000 events, fetching a timeline's events
and their sources costs tens of milliseconds, most of it scanning. A store the server
opens read-only cannot change while it runs, so the server builds this copy when it starts
(and again after an ingest over HTTP): about 1 KB of memory per event. Everything comes
from the query library, and the filters are its own: `select` evaluates a `query.Selector`
(the periods are computed by the same SQL).
"""

from __future__ import annotations

import json
import datetime as dt
import sys
import threading
from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from .. import query
from ..kb import KnowledgeBase
from ..store import Store

MEMO_SIZE = 10_000  # remembered answers (actor references resolved) before starting afresh


@dataclass(frozen=True)
class Selection:
    """Positions in the catalog's order (date, undated last, then id), and how many."""

    positions: Sequence[int]

    @property
    def total(self) -> int:
        return len(self.positions)


class EventCatalog:
    """Fused events in `query.list_events` order: the JSON of each record, its type,
    modality and period, and the events of each actor."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self.docs: list[bytes] = []
        self.types: list[str] = []
        self.modalities: list[str] = []
        self.dated = bytearray()  # 1 when the event has a date
        self.first: list[dt.date | None] = []  # the first and last day of its period
        self.last: list[dt.date | None] = []
        self.position: dict[str, int] = {}
        self.by_actor: dict[str, array] = {}
        self.names: dict[str, tuple[str, ...]] = {}
        self.quotes: dict[int, bytes] = {}  # an event's quotes as a JSON array, when it has any
        self._memo: dict = {}

    @classmethod
    def build(cls, store: Store, kb: KnowledgeBase | None = None) -> EventCatalog:
        """The catalog of a store's `events` (empty when it has none); `kb` names speakers."""
        catalog = cls()
        if not store.has_table("events"):
            return catalog
        index = query.event_index(store)
        order = [event_id for event_id, _, _ in index]
        catalog.ids = order
        catalog.position = {event_id: position for position, event_id in enumerate(order)}
        catalog.docs = [b""] * len(order)
        catalog.types = [""] * len(order)
        catalog.modalities = [""] * len(order)
        catalog.dated = bytearray(len(order))
        catalog.first = [first for _, first, _ in index]
        catalog.last = [last for _, _, last in index]
        names: dict[str, set[str]] = {}
        by_actor: dict[str, list[int]] = {}
        for record in query.iter_all_events(store):
            catalog._place(record, names, by_actor)
        catalog.by_actor = {actor: array("i", sorted(positions)) for actor, positions in by_actor.items()}
        quotes = query.quotes_by_event(store, kb if kb is not None else query.kb_of(store))
        catalog.names = {actor: tuple(sorted(found)) for actor, found in names.items()}
        catalog.quotes = {catalog.position[event_id]: _json(said) for event_id, said in quotes.items() if event_id in catalog.position}
        return catalog

    def _place(self, record: dict, names: dict[str, set[str]], by_actor: dict[str, list[int]]) -> None:
        """Put one event's record and its filter fields at its position."""
        position = self.position[record["id"]]
        self.docs[position] = _json(record)
        self.types[position] = sys.intern(record["type"])
        self.modalities[position] = sys.intern(record["modality"])
        self.dated[position] = record["date"] is not None
        for actor in record["actors"]:
            if actor["id"] is None:
                continue
            by_actor.setdefault(actor["id"], []).append(position)
            names.setdefault(actor["id"], set()).add((actor["name"] or "").lower())

    def __len__(self) -> int:
        return len(self.ids)

    # ---- selection -----------------------------------------------------------------

    def actor_positions(self, ref: query.ActorRef) -> set[int]:
        """The events an actor reference matches (`query.ActorRef.matches`, through the index)."""
        found: set[int] = set()
        for actor, names in self.names.items():
            if any(ref.matches(actor, name) for name in names):
                found.update(self.by_actor[actor])
        return found

    def select(self, selector: query.Selector) -> Selection:
        """The events a resolved filter keeps, in the catalog's order: the in-memory twin of
        `selector.sql` (`query.Selector.admits`), actors through the index."""
        if selector.actors:
            candidates: Sequence[int] = sorted(set.intersection(*(self.actor_positions(ref) for ref in selector.actors)))
        else:
            candidates = range(len(self.ids))
        if selector.open:
            return Selection(list(candidates))
        admits = selector.admits
        return Selection(
            [p for p in candidates if admits(self.types[p], self.modalities[p], self.first[p], self.last[p], self.dated[p])]
        )

    def page(self, selection: Selection, limit: int | None, offset: int = 0) -> bytes:
        """A JSON array of the selected records, `limit` of them after `offset`."""
        end = None if limit is None else offset + limit
        return b"[" + b",".join(self.docs[p] for p in selection.positions[offset:end]) + b"]"

    def doc(self, event_id: str) -> bytes | None:
        """One event's record + "quotes" (said at any of its mentions) as JSON, or None."""
        position = self.position.get(event_id)
        if position is None:
            return None
        return self.docs[position][:-1] + b',"quotes":' + self.quotes.get(position, b"[]") + b"}"

    def remember(self, key, compute):
        """`compute()`, once per key while this catalog serves: the store cannot change
        under it (an ingest over HTTP builds a new catalog)."""
        if key not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = compute()
        return self._memo[key]


def _json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode()


class CatalogHolder:
    """The catalog the app serves from, replaced whole after an ingest over HTTP."""

    def __init__(self, store: Store, kb: KnowledgeBase) -> None:
        self._lock = threading.Lock()
        self.kb = kb
        self.current = EventCatalog.build(store, kb)

    def refresh(self, store: Store) -> None:
        catalog = EventCatalog.build(store, self.kb)
        with self._lock:
            self.current = catalog


def actor_ids(store: Store, kb: KnowledgeBase, catalog: EventCatalog | None = None) -> query.filters.ActorIds:
    """`query.actor_ids` over this store and KB, remembered by the catalog when given."""
    if catalog is None:
        return lambda ref: query.actor_ids(store, kb, ref)
    return lambda ref: catalog.remember(("actor ids", ref), lambda: query.actor_ids(store, kb, ref))
