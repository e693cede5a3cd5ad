"""The event filters, defined once: what a user asks (`EventFilters`), checked and resolved
into a `Selector`, which both the SQL path (`Selector.sql`) and the server's in-memory
catalog (`Selector.admits`, `ActorRef.matches`) evaluate, so a filter means the same in
the CLI, the API and the pages."""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib import resources as package_files

import yaml

from ..data import load_yaml
from ..errors import ChronicleError, UsageError
from ..dates import date_bounds
from .sql import article_ref, event_period_sql

from ..model import HAPPENED, MODALITIES


@functools.cache
def event_types() -> tuple[str, ...]:
    """The PLOVER event types, in the ontology's order (data/events.yaml; read with libyaml
    when installed: every command imports this module, and the pure-Python parser took 0.04 s)."""
    loader = getattr(yaml, "CSafeLoader", None)
    if loader is None:
        return tuple(load_yaml("events.yaml")["types"])
    text = package_files.files("chronicle.data").joinpath("events.yaml").read_text(encoding="utf-8")
    return tuple(yaml.load(text, Loader=loader)["types"])


EVENT_TYPES = event_types()


def valid_event_type(value: str) -> str:
    """A PLOVER event type, in any case, as the ontology writes it."""
    if value.upper() not in EVENT_TYPES:
        raise UsageError(f"unknown event type {value!r}: one of {', '.join(EVENT_TYPES)}")
    return value.upper()


def valid_modality(value: str) -> str:
    """An event modality, in any case."""
    if value.lower() not in MODALITIES:
        raise UsageError(f"unknown modality {value!r}: one of {', '.join(MODALITIES)}")
    return value.lower()


def period(value: str) -> tuple[dt.date, dt.date]:
    """The first and last day of an ISO date written yyyy, yyyy-mm or yyyy-mm-dd."""
    bounds = date_bounds(value) if re.fullmatch(r"\d{4}(?:-\d{2}(?:-\d{2})?)?", value) else None
    if bounds is None:
        raise UsageError(f"not a date {value!r}: write yyyy, yyyy-mm or yyyy-mm-dd")
    return bounds


@dataclass(frozen=True)
class EventFilters:
    """What a list or count of fused events asks for: a PLOVER `type` (any case); an `actor`
    (an id, a case-insensitive part of a name, or the actor a name or alias resolves to);
    `since`/`until` (yyyy, yyyy-mm or yyyy-mm-dd: an event is kept when its period overlaps
    the range, so an undated one is dropped by either); a `modality`."""

    type: str | None = None
    actor: str | None = None
    since: str | dt.date | None = None
    until: str | dt.date | None = None
    modality: str | None = None


@dataclass(frozen=True)
class MentionFilters(EventFilters):
    """`EventFilters` for event mentions, plus the `article` they are in (an article_id,
    content id or any input id)."""

    article: str | None = None


@dataclass(frozen=True)
class ActorRef:
    """An actor reference as a filter reads it: the ids it names exactly, and the lower-case
    part of a name it matches."""

    ids: tuple[str, ...]
    part: str

    def matches(self, actor_id: str | None, name: str | None) -> bool:
        """Whether an event's actor (its id and name) is the one referred to."""
        return actor_id in self.ids or self.part in (name or "").lower()


@dataclass(frozen=True)
class Selector:
    """A filter checked and resolved: events of `type`, with one of `modalities`, whose
    period ends on or after `first` and starts on or before `last`, in which every actor
    reference takes part, dated ones only with `dated`, from `article` (mentions only)."""

    type: str | None = None
    modalities: tuple[str, ...] | None = None
    first: dt.date | None = None
    last: dt.date | None = None
    actors: tuple[ActorRef, ...] = ()
    dated: bool = False
    article: str | None = None

    def sql(self, table: str) -> tuple[list[str], list]:
        """The WHERE clauses over the event rows `table` (joined with their article `a` when
        `article` is set) and their parameters."""
        clauses, params = [], []
        if self.type:
            clauses.append(f"{table}.type = ?")
            params.append(self.type)
        if self.modalities is not None:
            clauses.append(f"{table}.modality IN (SELECT unnest(?))")
            params.append(list(self.modalities))
        first_day, last_day = event_period_sql(table)
        if self.first:
            clauses.append(f"{last_day} >= ?")
            params.append(self.first)
        if self.last:
            clauses.append(f"{first_day} <= ?")
            params.append(self.last)
        if self.dated:
            clauses.append(f"{table}.date IS NOT NULL")
        if self.article:
            clause, more = article_ref(table, self.article)
            clauses.append(clause)
            params += more
        for ref in self.actors:
            # list functions over the row's own actors, not a correlated subquery: one pass
            # over the table instead of a subquery per row (8x faster on 100,000 events,
            # bench/load_bench.py)
            clauses.append(
                f"(list_has_any([x.id FOR x IN {table}.actors], ?) "
                f"OR list_bool_or([contains(lower(x.name), ?) FOR x IN {table}.actors]))"
            )
            params += [list(ref.ids), ref.part]
        return clauses, params

    @property
    def open(self) -> bool:
        """Whether every event passes `admits` (no type, modality, date or dated test)."""
        return self.type is None and self.modalities is None and self.first is None and self.last is None and not self.dated

    def admits(self, type: str, modality: str, first: dt.date | None, last: dt.date | None, dated: bool) -> bool:
        """Whether an event with these fields passes every test but the actors' (the
        in-memory twin of `sql`; the catalog matches actors through its index)."""
        return (
            (self.type is None or type == self.type)
            and (self.modalities is None or modality in self.modalities)
            and (dated or not self.dated)
            and (self.first is None or (last is not None and last >= self.first))
            and (self.last is None or (first is not None and first <= self.last))
        )


ActorIds = Callable[[str], Sequence[str]]  # an actor reference -> the ids it names exactly


def _bound(value: str | dt.date | None, end: int) -> dt.date | None:
    return period(str(value))[end] if value else None


def _refs(actors: Sequence[str], actor_ids: ActorIds) -> tuple[ActorRef, ...]:
    return tuple(ActorRef(tuple(actor_ids(ref)), ref.lower()) for ref in actors)


def event_selector(filters: EventFilters, actor_ids: ActorIds, *, fused: bool = True) -> Selector:
    """`filters` checked and resolved. Of fused events, `modality` "reported" or
    "historical" both select those that happened; of mentions each is itself."""
    modalities = None
    if filters.modality:
        wanted = valid_modality(filters.modality)
        modalities = ("reported",) if fused and wanted == "historical" else (wanted,)
    return Selector(
        type=valid_event_type(filters.type) if filters.type else None,
        modalities=modalities,
        first=_bound(filters.since, 0),
        last=_bound(filters.until, 1),
        actors=_refs([filters.actor] if filters.actor else [], actor_ids),
        article=filters.article if isinstance(filters, MentionFilters) else None,
    )


def timeline_selector(
    actors: Sequence[str],
    actor_ids: ActorIds,
    *,
    type: str | None = None,
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    planned: bool = False,
    undated: bool = False,
) -> Selector:
    """The fused events every actor takes part in: those that happened (and planned ones
    with `planned`), dated ones (and undated with `undated`)."""
    if not actors:
        raise ChronicleError("a timeline needs at least one actor")
    return Selector(
        type=valid_event_type(type) if type else None,
        modalities=("reported", "planned") if planned else ("reported",),
        first=_bound(since, 0),
        last=_bound(until, 1),
        actors=_refs(actors, actor_ids),
        dated=not undated,
    )
