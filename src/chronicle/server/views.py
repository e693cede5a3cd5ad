"""Pure view functions shared by the JSON API and the HTML pages: (store, kb, parameters)
→ a dict of plain JSON values. Keys are stable: the pages' templates and the API's clients
both read them.

Unknown ids raise `query.NotFound` (404), bad values `ChronicleError` (400); the app turns
both into a response with the message. Each view reads through a few `chronicle.query`
functions (no SQL here), never one per row, and takes the app's KB (never loads it).
"""

from __future__ import annotations

import datetime as dt
import json

from .. import query
from ..errors import ChronicleError
from ..kb import KnowledgeBase
from ..store import Store
from .catalog import EventCatalog, Selection, actor_ids

DEFAULT_LIMIT = 50
MAX_LIMIT = 500
MAX_MAP_EVENTS = 5000
ARTICLE_FIELDS = (  # an article's stored fields the views show (not its offset maps)
    "article_id", "id", "title", "url", "outlet", "published", "published_source", "published_month",
    "language", "near_duplicate_of", "pipeline_version", "aliases",
)


def paged(items: list, total: int, limit: int, offset: int) -> dict:
    """A page of a list: {"items", "total" (matching, unpaged), "limit", "offset"}."""
    return {"items": items, "total": total, "limit": limit, "offset": offset}


def segments(text: str, spans: list[dict]) -> list[dict]:
    """The text cut into runs for highlighting: [{"text", "evidence": bool, "trigger": bool}].

    `spans` are {"start", "end"} evidence spans with optional "trigger_start"/"trigger_end"
    (character offsets into `text`); overlapping spans merge. Templates render each run
    escaped, wrapping evidence runs in <mark class="evidence">.
    """
    length = len(text)

    def clipped(start, end) -> tuple[int, int] | None:
        if start is None or end is None or min(end, length) <= max(start, 0):
            return None
        return max(start, 0), min(end, length)

    evidence = [c for c in (clipped(s.get("start"), s.get("end")) for s in spans) if c]
    triggers = [c for c in (clipped(s.get("trigger_start"), s.get("trigger_end")) for s in spans) if c]
    cuts = sorted({0, length, *(i for span in evidence + triggers for i in span)})
    runs: list[dict] = []
    for start, end in zip(cuts, cuts[1:]):
        run = {
            "text": text[start:end],
            "evidence": any(a <= start and end <= b for a, b in evidence),
            "trigger": any(a <= start and end <= b for a, b in triggers),
        }
        if runs and (runs[-1]["evidence"], runs[-1]["trigger"]) == (run["evidence"], run["trigger"]):
            runs[-1]["text"] += run["text"]
        else:
            runs.append(run)
    return runs


# ---- lists -----------------------------------------------------------------------------


def mentions_view(
    store: Store, kb: KnowledgeBase, *, type: str | None = None, actor: str | None = None,
    since: str | None = None, until: str | None = None, article: str | None = None,
    modality: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0,
) -> dict:
    """A page of event mentions (one per report) in the contract's shape, by date."""
    filters = {"type": type, "actor": actor, "since": since, "until": until, "article": article,
               "modality": modality, "kb": kb}
    items = query.list_event_mentions(store, **filters, limit=limit, offset=offset)
    return paged(items, query.count_event_mentions(store, **filters), limit, offset)


def quotes_view(
    store: Store, kb: KnowledgeBase, *, speaker: str | None = None, about: str | None = None,
    since: str | None = None, until: str | None = None, article: str | None = None,
    limit: int = DEFAULT_LIMIT, offset: int = 0,
) -> dict:
    """A page of quotes in the contract's shape (+ "published", "cue"), by publication date."""
    filters = {"speaker": speaker, "about": about, "since": since, "until": until, "article": article, "kb": kb}
    items = query.list_quotes(store, **filters, limit=limit, offset=offset)
    return paged(items, query.count_quotes(store, **filters), limit, offset)


def actors_view(store: Store, kb: KnowledgeBase, *, kind: str | None = None, limit: int = DEFAULT_LIMIT, offset: int = 0) -> dict:
    """A page of actors mentioned in the store, most mentioned first: {"id", "name", "kind",
    "country", "in_kb", "mentions", "articles"}."""
    items = query.list_actors(store, kb, kind=kind, limit=limit, offset=offset)
    return paged(items, query.count_actors(store, kb, kind=kind), limit, offset)


def places_view(store: Store, *, limit: int = DEFAULT_LIMIT, offset: int = 0) -> dict:
    """A page of resolved places, most mentioned first: {"id", "name", "kind", "country",
    "lat", "lon", "mentions", "articles", "events"}."""
    return paged(query.list_places(store, limit=limit, offset=offset), query.count_places(store), limit, offset)


def articles_view(
    store: Store, *, since: dt.date | None = None, until: dt.date | None = None, outlet: str | None = None,
    limit: int = DEFAULT_LIMIT, offset: int = 0,
) -> dict:
    """A page of articles, newest first: {"article_id", "published", "published_source",
    "outlet", "title", "url", "chars", "sentences", "entities", "near_duplicate_of", "id"}."""
    filters = {"since": since, "until": until, "outlet": outlet}
    items = query.list_articles(store, **filters, limit=limit, offset=offset)
    return paged(items, query.count_articles(store, **filters), limit, offset)


def claims_view(store: Store, kb: KnowledgeBase, *, actor: str | None = None, article: str | None = None) -> dict:
    """Claims about the record beside what the store holds: {"items": [claim], "total"}; each
    claim has "claimed", "in_store", "difference", "pair", "since", "until", "events", ..."""
    items = query.list_claims(store, actor=actor, article=article, kb=kb)
    return {"items": items, "total": len(items)}


# ---- one record ------------------------------------------------------------------------


def event_view(store: Store, kb: KnowledgeBase, event_id: str, *, documents: bool = False) -> dict:
    """One fused event (the contract's record with "sources") + "quotes" said at any of its
    mentions. With `documents`, also "documents": each source article once, {"article_id",
    "title", "outlet", "url", "published", "text" (clean), "mentions", "evidence" (spans in
    the clean text), "segments" (the text cut for highlighting, see `segments`)}."""
    record = query.get_event(store, event_id)
    record["quotes"] = query.event_quotes(store, kb, event_id)
    if documents:
        record["documents"] = [
            {**document, "segments": segments(document["text"], document["evidence"])}
            for document in query.event_documents(store, event_id)
        ]
    return record


def actor_view(store: Store, kb: KnowledgeBase, ref: str, *, counterparts: int = 50, quotes: int = 50) -> dict:
    """One actor (by id, name or alias): identity ("id", "name", "kind", "country", "sector",
    "qid", "aliases", "in_kb"), "roles" (office, of, start, end, source), "role_evidence",
    "mentioned_as", "counterparts" ([{"id", "name", "kind", "events", "types"}], most shared
    events first), "quotes" (said by the actor, newest first) and "events" (how many fused
    events the actor takes part in)."""
    record = query.get_actor(store, kb, ref)
    record["counterparts"] = query.counterparts(store, kb, record["id"], limit=counterparts)
    record["quotes"] = query.actor_quotes(store, kb, record["id"], limit=quotes)
    record["events"] = query.count_events(store, actor=record["id"], kb=kb) if store.has_table("events") else 0
    return record


def article_view(store: Store, kb: KnowledgeBase, ref: str, *, event: str | None = None) -> dict:
    """One article (by article_id, content id or any input id): its fields, "text" (the clean
    text), "sentences", "entities" (clean and raw offsets), "events" (its event mentions, each
    with the fused "event_id" it belongs to), "quotes", and, with `event` (a fused event id or a
    mention id), "evidence": that event's evidence spans in the clean text; "segments" is the
    text cut for highlighting them (see `segments`)."""
    article = query.get_article(store, ref)
    record = {key: article.get(key) for key in ARTICLE_FIELDS}
    record["text"] = article["clean_text"]
    record["sentences"] = article["sentences"]
    record["entities"] = article["entities"]
    mentions = query.list_event_mentions(store, article=article["id"], kb=kb)
    fused = query.fused_ids(store, article["id"])
    record["events"] = [{**mention, "event_id": fused.get(mention["id"])} for mention in mentions]
    record["quotes"] = query.list_quotes(store, article=article["id"], kb=kb)
    record["event"] = event
    record["evidence"] = query.article_evidence(store, article["id"], event) if event else []
    record["segments"] = segments(record["text"], record["evidence"])
    return record


# ---- across records --------------------------------------------------------------------


def timeline_view(
    store: Store, kb: KnowledgeBase, catalog: EventCatalog, actors: list[str], *, type: str | None = "all",
    since: str | None = None, until: str | None = None, planned: bool = False, undated: bool = False,
    limit: int | None = None, offset: int = 0,
) -> dict:
    """The fused events every given actor (1 or more: ids, names or aliases) takes part in,
    by date, from the server's event catalog: {"actors": [{"ref", "id", "name", "kind",
    "country"}], "type", "items": [events], "total", "limit", "offset"}. `type` is a PLOVER
    type or "all" (default); events that happened (and planned ones with `planned`, each
    event's "modality" tells which), dated ones (and undated with `undated`); `limit` events
    after `offset` (all by default)."""
    who, wanted_type = timeline_actors(store, kb, actors, type, catalog)
    selection = timeline_selection(store, kb, catalog, who, wanted_type, since, until, planned, undated)
    items = json.loads(catalog.page(selection, limit, offset))
    return {"actors": who, "type": wanted_type or "all", "items": items, "total": selection.total, "limit": limit, "offset": offset}


def timeline_actors(
    store: Store, kb: KnowledgeBase, actors: list[str], type: str | None, catalog: EventCatalog | None = None
) -> tuple[list[dict], str | None]:
    """A timeline's actors (`query.timeline_actor` each, remembered by the catalog when given)
    and its PLOVER type (None for all)."""
    if not actors:
        raise ChronicleError("a timeline needs at least one actor: give actor=...")
    if catalog is None:
        who = [query.timeline_actor(store, kb, ref) for ref in actors]
    else:
        who = [catalog.remember(("timeline actor", ref), lambda ref=ref: query.timeline_actor(store, kb, ref)) for ref in actors]
    wanted_type = None if type is None or type.lower() == "all" else query.valid_event_type(type)
    return who, wanted_type


def timeline_selection(
    store: Store, kb: KnowledgeBase, catalog: EventCatalog, who: list[dict], type: str | None,
    since: str | None, until: str | None, planned: bool, undated: bool,
) -> Selection:
    """The catalog's events of a timeline, with `query.timeline`'s rules."""
    refs = [actor["id"] or actor["ref"] for actor in who]
    selector = query.timeline_selector(
        refs, actor_ids(store, kb, catalog), type=type, since=since, until=until, planned=planned, undated=undated
    )
    return catalog.select(selector)


def events_selection(
    store: Store, kb: KnowledgeBase, catalog: EventCatalog, *, type: str | None = None,
    actor: str | None = None, since: str | None = None, until: str | None = None,
    modality: str | None = None,
) -> Selection:
    """The catalog's events with `query.list_events`'s filters."""
    filters = query.EventFilters(type=type, actor=actor, since=since, until=until, modality=modality)
    return catalog.select(query.event_selector(filters, actor_ids(store, kb, catalog)))


def search_view(store: Store, kb: KnowledgeBase, q: str, *, limit: int = 20) -> dict:
    """Full text over articles and quotes (every word required, case-insensitive): {"query",
    "words", "articles": [{"article_id", "title", "published", "outlet", "url", "hits",
    "snippet", "snippet_start", "snippet_truncated", "marks" ([start, end] in the snippet)}],
    "articles_total", "quotes": [quote + "hits"], "quotes_total"}; most hits first."""
    return query.search(store, q, limit=limit, kb=kb)


def stats_view(store: Store) -> dict:
    """Counts of the store: `chronicle stats` + events, event mentions, quotes, claims,
    actors, places."""
    record = {**query.stats(store), **query.record_counts(store)}
    record["published_from"] = None if record["published_from"] == "None" else record["published_from"]
    record["published_to"] = None if record["published_to"] == "None" else record["published_to"]
    return record


def map_view(
    store: Store, kb: KnowledgeBase, *, type: str | None = None, actor: str | None = None,
    since: str | None = None, until: str | None = None, limit: int = MAX_MAP_EVENTS,
) -> dict:
    """Events with a place that has coordinates: {"items": [{"id", "type", "mode", "modality",
    "date", "actors", "mentions", "place": {"id", "name", "country", "lat", "lon"}}], "total"},
    most reported first, at most `limit`."""
    items = query.event_places(store, type=type, actor=actor, since=since, until=until, limit=limit, kb=kb)
    return {"items": items, "total": len(items)}


def home_view(store: Store, kb: KnowledgeBase, *, top: int = 10) -> dict:
    """The front page: {"stats": stats_view, "top_actors": the most mentioned actors}."""
    return {"stats": stats_view(store), "top_actors": query.list_actors(store, kb, limit=top)}
