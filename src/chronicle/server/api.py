"""The JSON API: every route reads through views.py with the app's KB and a per-request
cursor; query parameters are typed, so a bad value is a 422 with the parameter named."""

from __future__ import annotations

import datetime as dt
import json
from enum import Enum
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from pydantic import BaseModel

from .. import query
from ..errors import ChronicleError
from . import ingest as http_ingest
from . import views
from .catalog import EventCatalog
from .deps import CatalogDep, DateParam, KbDep, StoreDep

MAX_TEXT_PARAM = 200  # characters of a name, id or phrase in a query parameter
MAX_OFFSET = 2**31 - 1

EventType = Enum("EventType", {name: name for name in query.EVENT_TYPES}, type=str)
TimelineType = Enum("TimelineType", {"all": "all", **{name: name for name in query.EVENT_TYPES}}, type=str)
Modality = Enum("Modality", {name: name for name in query.MODALITIES}, type=str)


class ActorKind(str, Enum):
    person = "person"
    organization = "organization"
    country = "country"
    group = "group"


class Error(BaseModel):
    """An error: what was wrong, in a sentence."""

    detail: str


Text = Annotated[str | None, Query(min_length=1, max_length=MAX_TEXT_PARAM)]
Since = Annotated[DateParam, Query(description="From this date (yyyy, yyyy-mm or yyyy-mm-dd); a period overlapping it counts.")]
Until = Annotated[DateParam, Query(description="To this date (yyyy, yyyy-mm or yyyy-mm-dd), inclusive.")]
Limit = Annotated[int, Query(ge=1, le=views.MAX_LIMIT, description="Items per page (1-500).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip (paging).")]
Ref = Annotated[str, Path(min_length=1, max_length=MAX_TEXT_PARAM)]

router = APIRouter(
    prefix="/api",
    tags=["api"],
    responses={400: {"model": Error}, 404: {"model": Error}, 422: {"model": Error}},
)


def _value(choice: Enum | None) -> str | None:
    return choice.value if choice is not None else None


def _json(*parts: bytes) -> Response:
    """A JSON response from encoded parts (records come encoded from the event catalog)."""
    return Response(b"".join(parts), media_type="application/json")


def _encode(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str).encode()


def _page(catalog: EventCatalog, selection, limit: int, offset: int, **head) -> Response:
    """{**head, "items": [...], "total", "limit", "offset"} with the items from the catalog."""
    fields = b"".join(_encode(key) + b":" + _encode(value) + b"," for key, value in head.items())
    tail = _encode({"total": selection.total, "limit": limit, "offset": offset})
    return _json(b"{", fields, b'"items":', catalog.page(selection, limit, offset), b",", tail[1:])


JSON_OBJECT = {200: {"content": {"application/json": {"schema": {"type": "object"}}}, "description": "Successful Response"}}


@router.get("/events", summary="Fused events, by date", response_class=Response, responses=JSON_OBJECT)
def events(
    store: StoreDep, kb: KbDep, catalog: CatalogDep,
    type: EventType | None = None, actor: Text = None, since: Since = None, until: Until = None,
    modality: Modality | None = None, limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0,
) -> Response:
    """Fused events (one real-world happening, many reports) in DESIGN.md's record shape:
    {"items", "total", "limit", "offset"}. `actor` is an id, name or alias, or part of a name."""
    selection = views.events_selection(
        store, kb, catalog, type=_value(type), actor=actor, since=since, until=until, modality=_value(modality)
    )
    return _page(catalog, selection, limit, offset)


@router.get("/events/{event_id}", summary="One fused event with its sources and quotes", response_class=Response, responses=JSON_OBJECT)
def event(event_id: Ref, catalog: CatalogDep) -> Response:
    """The event record + "quotes": the quotes said at any of its mentions."""
    doc = catalog.doc(event_id)
    if doc is None:
        raise query.NotFound(f"no event {event_id!r} in the store")
    return _json(doc)


@router.get("/mentions", summary="Event mentions (one per report), by date")
def mentions(
    store: StoreDep, kb: KbDep,
    type: EventType | None = None, actor: Text = None, since: Since = None, until: Until = None,
    article: Text = None, modality: Modality | None = None,
    limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0,
) -> dict:
    return views.mentions_view(
        store, kb, type=_value(type), actor=actor, since=since, until=until, article=article,
        modality=_value(modality), limit=limit, offset=offset,
    )


@router.get("/quotes", summary="Quotes, by publication date")
def quotes(
    store: StoreDep, kb: KbDep,
    speaker: Text = None, about: Text = None, since: Since = None, until: Until = None, article: Text = None,
    limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0,
) -> dict:
    """`speaker`: an id, name or part of a name; `about`: part of the quote's text."""
    return views.quotes_view(
        store, kb, speaker=speaker, about=about, since=since, until=until, article=article, limit=limit, offset=offset,
    )


@router.get("/actors", summary="Actors, most mentioned first")
def actors(
    store: StoreDep, kb: KbDep, kind: ActorKind | None = None,
    limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0,
) -> dict:
    return views.actors_view(store, kb, kind=_value(kind), limit=limit, offset=offset)


@router.get("/actors/{ref}", summary="One actor: identity, roles, counterparts, quotes")
def actor(ref: Ref, store: StoreDep, kb: KbDep) -> dict:
    """`ref` is an actor id, a name or an alias."""
    return views.actor_view(store, kb, ref)


@router.get("/places", summary="Places with coordinates and event counts")
def places(store: StoreDep, limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0) -> dict:
    return views.places_view(store, limit=limit, offset=offset)


@router.get("/articles", summary="Articles, newest first")
def articles(
    store: StoreDep, since: Since = None, until: Until = None, outlet: Text = None,
    limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0,
) -> dict:
    """`since`/`until` bound the publication date; `outlet` is part of the outlet's name."""
    first: dt.date | None = query.period(since)[0] if since else None
    last: dt.date | None = query.period(until)[1] if until else None
    return views.articles_view(store, since=first, until=last, outlet=outlet, limit=limit, offset=offset)


@router.get("/articles/{ref:path}", summary="One article: text, sentences, entities, events, quotes")
def article(ref: Ref, store: StoreDep, kb: KbDep, event: Text = None) -> dict:
    """`ref` is an article_id, content id or input id; `event` (a fused event id or a mention
    id) adds that event's evidence spans in the text."""
    return views.article_view(store, kb, ref, event=event)


@router.get("/timeline", summary="The events one actor or a pair take part in, by date", response_class=Response, responses=JSON_OBJECT)
def timeline(
    store: StoreDep, kb: KbDep, catalog: CatalogDep,
    actor: Annotated[list[str], Query(min_length=1, max_length=5, description="1-5 actors: ids, names or aliases.")],
    type: TimelineType = TimelineType.all, since: Since = None, until: Until = None,
    planned: bool = False, undated: bool = False, limit: Limit = views.DEFAULT_LIMIT, offset: Offset = 0,
) -> Response:
    """Events that happened (and planned ones with `planned`), dated (and undated with
    `undated`): {"actors", "type", "items", "total", "limit", "offset"}."""
    for ref in actor:
        if not 1 <= len(ref) <= MAX_TEXT_PARAM:
            raise ChronicleError(f"an actor is 1 to {MAX_TEXT_PARAM} characters, not {len(ref)}")
    who, wanted_type = views.timeline_actors(store, kb, actor, type.value, catalog)
    selection = views.timeline_selection(store, kb, catalog, who, wanted_type, since, until, planned, undated)
    return _page(catalog, selection, limit, offset, actors=who, type=wanted_type or "all")


@router.get("/claims", summary="Claims about the record beside the store's count")
def claims(store: StoreDep, kb: KbDep, actor: Text = None, article: Text = None) -> dict:
    return views.claims_view(store, kb, actor=actor, article=article)


@router.get("/search", summary="Full text over articles and quotes")
def search(
    store: StoreDep, kb: KbDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_TEXT_PARAM, description="Words, all required.")],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> dict:
    return views.search_view(store, kb, q, limit=limit)


@router.get("/stats", summary="Counts of the store")
def stats(store: StoreDep) -> dict:
    return views.stats_view(store)


@router.get("/map", summary="Events with a place that has coordinates")
def map_events(
    store: StoreDep, kb: KbDep,
    type: EventType | None = None, actor: Text = None, since: Since = None, until: Until = None,
    limit: Annotated[int, Query(ge=1, le=views.MAX_MAP_EVENTS)] = views.MAX_MAP_EVENTS,
) -> dict:
    return views.map_view(store, kb, type=_value(type), actor=actor, since=since, until=until, limit=limit)


router.include_router(http_ingest.router)
