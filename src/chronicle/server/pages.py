"""The HTML pages: one route per page, each rendering a template from a view of
`views.py` (computed once) or, for `?format=json` / `Accept: application/json`, returning
that same view as JSON (the page's JSON twin).

Article text is untrusted: templates autoescape everything, and highlighting cuts the
text into runs here (`runs`, `excerpts`) so each run is escaped on its own and only the
<mark> around it comes from the template. Data for a page's script goes in a
<script type="application/json" id="page-data"> block (the CSP forbids inline scripts).
"""

from __future__ import annotations

from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse, Response

from .. import query
from ..kb import KnowledgeBase
from ..store import Store
from . import views
from .deps import CatalogDep, DateParam, KbDep, StoreDep, templates

router = APIRouter(include_in_schema=False)

EXCERPT_CONTEXT = 220  # characters of article text kept on each side of an evidence stretch
HOME_EVENTS = 8
PAGE_EVENTS = 500  # events listed on an actor page or an actor-less timeline
TIMELINE_CHOICES = 40
MAP_EVENTS = 5000



def output_format(request: Request, format: Literal["html", "json"] | None = None) -> str:
    """"json" when the request asks for the JSON twin (`?format=json`, or an Accept header
    that prefers application/json and no `format`), else "html"."""
    if format is not None:
        return format
    accept = request.headers.get("accept", "")
    return "json" if accept.lstrip().lower().startswith("application/json") else "html"


FormatDep = Annotated[str, Depends(output_format)]


def respond(
    request: Request,
    format: str,
    template: str,
    view: dict,
    *,
    title: str,
    section: str = "",
    page_data: dict | None = None,
) -> Response:
    """The view as JSON, or rendered into `template` (with `page_data` for the page's script)."""
    if format == "json":
        return JSONResponse(jsonable_encoder(view))
    twin = request.url.include_query_params(format="json")
    context = {
        "title": title,
        "section": section,
        "view": view,
        "page_data": jsonable_encoder(page_data) if page_data is not None else None,
        "json_url": f"{twin.path}?{twin.query}",
    }
    return templates(request).TemplateResponse(request, template, context)


# ---- highlighting ---------------------------------------------------------------------


def runs(segments: list[dict]) -> list[dict]:
    """`views.segments` regrouped for display: each stretch of evidence is one run (one
    <mark>), its trigger words as parts: [{"evidence": bool, "parts": [{"text", "trigger"}]}].
    White space at either end of a stretch goes outside it (a highlight ends at the
    sentence's last character, not after its line breaks)."""
    grouped: list[dict] = []
    for segment in segments:
        if not segment["text"]:
            continue
        part = {"text": segment["text"], "trigger": bool(segment.get("trigger")) and segment["evidence"]}
        if grouped and grouped[-1]["evidence"] == segment["evidence"]:
            grouped[-1]["parts"].append(part)
        else:
            grouped.append({"evidence": segment["evidence"], "parts": [part]})
    result: list[dict] = []
    for run in (piece for group in grouped for piece in shed_space(group)):
        if result and not run["evidence"] and not result[-1]["evidence"]:
            result[-1]["parts"] += run["parts"]
        else:
            result.append(run)
    return result


def shed_space(run: dict) -> list[dict]:
    """An evidence run as [its leading space, the run, its trailing space]; plain runs as they are."""
    text = "".join(part["text"] for part in run["parts"])
    if not run["evidence"]:
        return [run]
    start, end = len(text) - len(text.lstrip()), len(text.rstrip())
    if start >= end:
        return [plain(text)]
    pieces = [{"evidence": True, "parts": cut(run["parts"], start, end)}]
    if start:
        pieces.insert(0, plain(text[:start]))
    if end < len(text):
        pieces.append(plain(text[end:]))
    return pieces


def plain(text: str) -> dict:
    return {"evidence": False, "parts": [{"text": text, "trigger": False}]}


def cut(segments: list[dict], start: int, end: int) -> list[dict]:
    """The segments (any dicts with a "text") covering text[start:end], trimmed to it."""
    pieces, cursor = [], 0
    for segment in segments:
        low, high = cursor, cursor + len(segment["text"])
        cursor = high
        if high <= start or low >= end:
            continue
        pieces.append({**segment, "text": segment["text"][max(start, low) - low : min(end, high) - low]})
    return pieces


def excerpts(segments: list[dict], context: int = EXCERPT_CONTEXT) -> list[dict]:
    """The passages of a text around its evidence: each evidence stretch with up to `context`
    characters either side (cut at a space), nearby ones merged: [{"runs", "cut_start", "cut_end"}]."""
    text = "".join(segment["text"] for segment in segments)
    stretches, cursor = [], 0
    for segment in segments:
        end = cursor + len(segment["text"])
        if segment["evidence"]:
            if stretches and stretches[-1][1] == cursor:
                stretches[-1][1] = end
            else:
                stretches.append([cursor, end])
        cursor = end
    windows: list[list[int]] = []
    for start, end in stretches:
        low, high = max(0, start - context), min(len(text), end + context)
        if low > 0:
            space = text.find(" ", low, start)
            low = space + 1 if space >= 0 else start
        if high < len(text):
            space = text.rfind(" ", end, high)
            high = space if space >= 0 else end
        if windows and low <= windows[-1][1]:
            windows[-1][1] = max(windows[-1][1], high)
        else:
            windows.append([low, high])
    return [
        {"runs": runs(cut(segments, low, high)), "cut_start": low > 0, "cut_end": high < len(text)}
        for low, high in windows
    ]


def snippet_runs(snippet: str, marks: list[list[int]]) -> list[dict]:
    """A search snippet cut into runs, the hits as evidence runs (the template marks them)."""
    spans = [{"start": start, "end": end} for start, end in marks]
    return runs(views.segments(snippet, spans))


# ---- pages ----------------------------------------------------------------------------


@router.get("/", name="home")
def home(request: Request, store: StoreDep, kb: KbDep, format: FormatDep) -> Response:
    """Counts, the most mentioned actors, the latest events, a search box."""
    view = views.home_view(store, kb)
    stats = view["stats"]
    view["counts"] = [
        {"name": name, "label": label, "value": stats.get(name) or 0}
        for name, label in (
            ("events", "events"),
            ("event_mentions", "event reports"),
            ("articles", "articles"),
            ("outlets", "outlets"),
            ("actors", "actors"),
            ("quotes", "quotes"),
            ("places", "places"),
            ("claims", "claims"),
        )
    ]
    view["recent_events"] = query.latest_events(store, HOME_EVENTS)
    return respond(request, format, "home.html", view, title="chronicle", section="home")


@router.get("/timeline", name="timeline")
def timeline(
    request: Request,
    store: StoreDep,
    kb: KbDep,
    catalog: CatalogDep,
    format: FormatDep,
    actor: Annotated[list[str], Query(description="an actor id, name or alias; give two for a pair")] = [],  # noqa: B006 - FastAPI reads the default, never mutates it
    type: Annotated[str, Query(description="a PLOVER type, or all")] = "all",
    since: DateParam = None,
    until: DateParam = None,
) -> Response:
    """Events along time for one actor, a pair, or (no actor) the whole store."""
    actors = [ref.strip() for ref in actor if ref.strip()]
    if actors:
        view = views.timeline_view(store, kb, catalog, actors, type=type, since=since, until=until, planned=True)
        title = "Timeline: " + " – ".join(who["name"] for who in view["actors"])
    else:
        view = store_timeline(store, kb, type=type, since=since, until=until)
        title = "Timeline"
    view["since"], view["until"] = since, until
    view["types"] = type_counts(view["items"])
    view["choices"] = [
        {"id": who["id"], "name": who["name"]} for who in query.list_actors(store, kb, limit=TIMELINE_CHOICES)
    ]
    page_data = {"items": [timeline_point(event) for event in view["items"]]}
    return respond(request, format, "timeline.html", view, title=title, section="timeline", page_data=page_data)


def store_timeline(store: Store, kb: KnowledgeBase, *, type: str, since: str | None, until: str | None) -> dict:
    """The timeline of the whole store (no actor chosen): dated events that happened or are
    planned, the first `PAGE_EVENTS` of each by date, in the shape of `views.timeline_view`."""
    wanted = None if type.lower() == "all" else query.valid_event_type(type)
    items = [
        event
        for modality in ("reported", "planned")
        for event in query.list_events(store, type=wanted, since=since, until=until, modality=modality, limit=PAGE_EVENTS, kb=kb)
        if event["date"]
    ]
    items.sort(key=lambda event: (event["date"], event["id"]))
    return {"actors": [], "type": wanted or "all", "items": items, "total": len(items)}


def timeline_point(event: dict) -> dict:
    """What the timeline script needs of an event."""
    keys = ("id", "type", "mode", "modality", "date", "end_date", "date_precision", "mentions", "summary")
    return {
        **{key: event.get(key) for key in keys},
        "place": {"name": event["place"]["name"]} if event.get("place") else None,
        "actors": [{"name": actor["name"]} for actor in event["actors"]],
    }


def type_counts(events: list[dict]) -> list[dict]:
    """The event types present, in the ontology's order, with how many events of each."""
    counts: dict[str, int] = {}
    for event in events:
        counts[event["type"]] = counts.get(event["type"], 0) + 1
    order = {name: index for index, name in enumerate(query.EVENT_TYPES)}
    return [{"type": name, "events": counts[name]} for name in sorted(counts, key=lambda name: (order.get(name, 99), name))]


@router.get("/events/{event_id}", name="event")
def event(request: Request, event_id: str, store: StoreDep, kb: KbDep, format: FormatDep) -> Response:
    """One event: its facts, every source with the evidence highlighted, the quotes said at it."""
    view = views.event_view(store, kb, event_id, documents=True)
    sources = [
        {key: document[key] for key in ("article_id", "title", "outlet", "url", "published", "mentions")}
        | {"excerpts": excerpts(document["segments"])}
        for document in view["documents"]
    ]
    page = {"event": {key: value for key, value in view.items() if key not in ("documents", "quotes")},
            "sources": sources, "quotes": view["quotes"]}
    kind = f"{view['type']}/{view['mode']}" if view["mode"] else view["type"]
    names = " – ".join(actor["name"] for actor in view["actors"][:3])
    title = f"{kind}: {names}" if names else kind
    if view["date"]:
        title += f", {view['date']}"
    return respond(request, format, "event.html", page, title=title)


@router.get("/articles/{ref:path}", name="article")
def article(
    request: Request,
    ref: str,
    store: StoreDep,
    kb: KbDep,
    format: FormatDep,
    event: Annotated[str | None, Query(description="a fused event id or a mention id whose evidence to highlight")] = None,
) -> Response:
    """One article's text, with the evidence of `event` highlighted."""
    view = views.article_view(store, kb, ref, event=event)
    fused_ids = list(dict.fromkeys(mention["event_id"] for mention in view["events"] if mention["event_id"]))
    page = {
        "article": {key: view[key] for key in views.ARTICLE_FIELDS},
        "event": highlighted_event(store, view, event) if event else None,
        "runs": runs(view["segments"]),
        "events": query.get_events(store, fused_ids),
        "quotes": view["quotes"],
    }
    return respond(request, format, "article.html", page, title=view["title"] or view["article_id"])


def highlighted_event(store: Store, view: dict, event: str) -> dict:
    """The event whose evidence an article page highlights: the fused event, or the article's
    mention of that id (`article_view` has already checked it has evidence here)."""
    try:
        return query.get_event(store, event)
    except query.NotFound:
        return next(mention for mention in view["events"] if mention["id"] == event)


@router.get("/actors/{ref}", name="actor")
def actor(request: Request, ref: str, store: StoreDep, kb: KbDep, format: FormatDep) -> Response:
    """One actor: identity, roles with evidence, counterparts, events and quotes."""
    record = views.actor_view(store, kb, ref)
    events = query.list_events(store, actor=record["id"], limit=PAGE_EVENTS, kb=kb) if store.has_table("events") else []
    page = {
        "actor": {key: value for key, value in record.items() if key not in ("counterparts", "quotes", "events")},
        "names": mentioned_names(record["mentioned_as"]),
        "counterparts": record["counterparts"],
        "events": events,
        "events_total": record["events"],
        "quotes": record["quotes"],
    }
    page_data = {"actor": {"id": record["id"], "name": record["name"]}, "counterparts": record["counterparts"]}
    return respond(request, format, "actor.html", page, title=record["name"], page_data=page_data)


def mentioned_names(mentioned_as: list[dict]) -> list[dict]:
    """The names an actor was mentioned by, each once (whatever resolved it), most used first."""
    counts: dict[str, int] = {}
    for row in mentioned_as:
        counts[row["text"]] = counts.get(row["text"], 0) + row["mentions"]
    return [{"text": text, "mentions": n} for text, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]


@router.get("/map", name="map")
def world_map(
    request: Request,
    store: StoreDep,
    kb: KbDep,
    format: FormatDep,
    type: Annotated[str | None, Query(description="a PLOVER type")] = None,
    actor: Annotated[str | None, Query(description="an actor id, name or alias")] = None,
    since: DateParam = None,
    until: DateParam = None,
) -> Response:
    """Events with a known place on a world outline, and the places in a table."""
    view = views.map_view(store, kb, type=type, actor=actor, since=since, until=until, limit=MAP_EVENTS)
    places: dict[str, dict] = {}
    for item in view["items"]:
        place = places.setdefault(item["place"]["id"], {**item["place"], "events": []})
        place["events"].append({"id": item["id"], "date": item["date"], "type": item["type"]})
    view["places"] = sorted(places.values(), key=lambda place: (-len(place["events"]), place["name"]))
    for place in view["places"]:
        place["events"].sort(key=lambda event: event["date"] or "9999")
    view["types"] = type_counts(view["items"])
    view["unplaced"] = max(0, query.count_events(store, type=type, actor=actor, since=since, until=until, kb=kb) - view["total"]) if store.has_table("events") else 0
    return respond(request, format, "map.html", view, title="Map of events", section="map", page_data={"items": view["items"]})


@router.get("/search", name="search")
def search(
    request: Request,
    store: StoreDep,
    kb: KbDep,
    format: FormatDep,
    q: Annotated[str, Query(max_length=500, description="words that must all appear")] = "",
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> Response:
    """Full text over articles and quotes; an empty query shows the form only."""
    results = views.search_view(store, kb, q, limit=limit) if q.strip() else None
    view = {
        "q": q,
        "results": results,
        "article_hits": [
            {**hit, "pieces": snippet_runs(hit["snippet"], hit["marks"])} for hit in (results["articles"] if results else [])
        ],
    }
    title = f"Search: {q.strip()}" if q.strip() else "Search"
    return respond(request, format, "search.html", view, title=title, section="search")


@router.get("/claims", name="claims")
def claims(
    request: Request,
    store: StoreDep,
    kb: KbDep,
    format: FormatDep,
    actor: Annotated[str | None, Query(description="an actor of the claimed pair")] = None,
    article: Annotated[str | None, Query(description="an article id")] = None,
) -> Response:
    """Claims about the record beside what the store holds."""
    view = views.claims_view(store, kb, actor=actor, article=article)
    return respond(request, format, "claims.html", view, title="Claims about the record", section="claims")
