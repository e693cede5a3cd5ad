"""The JSON API through FastAPI's test client, on a store built by the real pipeline from
four small articles (tests/fixtures/server/articles.jsonl): two leaders meeting in Berlin,
Paris, Brussels and Berlin again, quotes, a claim ("the third meeting ... since May 2017"),
and a scraped article whose title and text carry a script and an onerror image."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from chronicle.runners import local
from chronicle.server.app import CONTENT_SECURITY_POLICY, create_app
from chronicle.settings import Settings

ARTICLES = Path(__file__).parent / "fixtures" / "server" / "articles.jsonl"
MERKEL, MACRON = "angela-merkel", "emmanuel-macron"
TOKEN = "correct horse battery staple"
INGEST_LIMIT = 20_000
HAS_PAGES = importlib.util.find_spec("chronicle.server.pages") is not None
SCRIPT = "<script>alert(1)</script>"
ONERROR = "<img src=x onerror=alert(2)>"

pytestmark = pytest.mark.slow  # one real-pipeline ingest per module (a few seconds)


@pytest.fixture(scope="module")
def store_path(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("server") / "store.duckdb"
    report = local.ingest([str(ARTICLES)], Settings(db=str(path)))
    assert report.stored == 4 and not report.problems
    return path


@pytest.fixture(scope="module")
def client(store_path) -> TestClient:
    return TestClient(create_app(store_path))


@pytest.fixture(scope="module")
def ingest_client(store_path) -> TestClient:
    """An app with ingest allowed, on its own copy of the store (opened read-write)."""
    copy = store_path.with_name("ingest.duckdb")
    shutil.copy(store_path, copy)
    return TestClient(create_app(copy, allow_ingest=True, token=TOKEN, max_ingest_bytes=INGEST_LIMIT))


def get(client: TestClient, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.text)
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def ids(page: dict) -> list[str]:
    return [item["id"] for item in page["items"]]


# ---- lists: shape, filters, paging -------------------------------------------------------


def test_events_shape_and_filters(client):
    page = get(client, "/api/events")
    assert (page["total"], page["limit"], page["offset"]) == (6, 50, 0)  # five meetings and a pledge
    event = page["items"][0]
    for key in ("id", "type", "mode", "modality", "actors", "date", "end_date", "date_precision", "place", "sources", "confidence"):
        assert key in event
    assert {a["id"] for a in event["actors"]} == {MERKEL, MACRON}
    assert event["place"]["name"] == "Berlin" and isinstance(event["place"]["lat"], float)
    assert event["sources"][0]["article_id"] == "wire-1"
    assert [e["date"] for e in page["items"]] == sorted(e["date"] for e in page["items"])
    assert get(client, "/api/events?type=AGREE")["total"] == 1
    assert get(client, "/api/events?type=CONSULT&since=2018")["total"] == 2
    assert get(client, "/api/events?until=2017")["total"] == 4
    assert get(client, "/api/events?actor=Macron&modality=reported")["total"] == 5
    [pledge] = get(client, "/api/events?modality=planned")["items"]  # "We will work together," Merkel said
    assert pledge["type"] == "COOPERATE" and {a["id"] for a in pledge["actors"]} == {MERKEL, MACRON}


def test_paging_is_disjoint_and_complete(client):
    every = ids(get(client, "/api/events"))
    pages = [get(client, f"/api/events?limit=2&offset={offset}") for offset in (0, 2, 4)]
    assert [len(p["items"]) for p in pages] == [2, 2, 2]
    assert all(p["total"] == 6 and p["limit"] == 2 for p in pages)
    assert [i for p in pages for i in ids(p)] == every
    assert get(client, "/api/events?offset=99")["items"] == []
    mentions = get(client, "/api/mentions?limit=1&offset=1")
    assert mentions["total"] == 6 and len(mentions["items"]) == 1
    assert get(client, "/api/articles?limit=3&offset=3")["total"] == 4


def test_mentions_quotes_actors_places_articles(client):
    mentions = get(client, "/api/mentions?article=wire-1")
    assert mentions["items"] and {m["article_id"] for m in mentions["items"]} == {"wire-1"}
    assert get(client, "/api/mentions?type=CONSULT&actor=Merkel")["total"] == 4

    quotes = get(client, "/api/quotes")
    assert {q["speaker"]["id"] for q in quotes["items"]} == {MERKEL, MACRON}
    assert get(client, "/api/quotes?speaker=Macron")["total"] == 2
    [roadmap] = get(client, "/api/quotes?about=ROADMAP")["items"]
    assert roadmap["id"] == "wire-1:q0" and roadmap["speaker"]["name"] == "Angela Merkel"
    assert get(client, "/api/quotes?article=wire-2")["total"] == 1
    assert get(client, "/api/quotes?since=2018")["total"] == 0

    actors = get(client, "/api/actors?kind=person")
    assert {MERKEL, MACRON} <= set(ids(actors))
    assert all(a["kind"] == "person" for a in actors["items"])
    assert get(client, "/api/actors?limit=1")["total"] == get(client, "/api/actors")["total"]

    places = {p["name"]: p for p in get(client, "/api/places")["items"]}
    assert places["Berlin"]["events"] == 2 and places["Paris"]["events"] == 2
    assert isinstance(places["Berlin"]["lat"], float) and isinstance(places["Berlin"]["lon"], float)

    articles = get(client, "/api/articles?outlet=wire")
    assert [a["article_id"] for a in articles["items"]] == ["wire-3", "wire-1"]  # newest first
    assert get(client, "/api/articles?since=2018&until=2018-03")["items"][0]["article_id"] == "xss-1"


# ---- one record ---------------------------------------------------------------------------


def test_event_has_its_quotes(client):
    [berlin] = [e for e in get(client, "/api/events")["items"] if e["date"] == "2017-05-15" and e["type"] == "CONSULT"]
    event = get(client, f"/api/events/{berlin['id']}")
    assert event["id"] == berlin["id"] and event["sources"] == berlin["sources"]
    assert [q["text"] for q in event["quotes"]] == ["We will work together on a roadmap for Europe,"]


def test_actor_has_counterparts_roles_and_quotes(client):
    actor = get(client, "/api/actors/Merkel")
    assert actor["id"] == MERKEL and actor["name"] == "Angela Merkel"
    assert actor["roles"] and actor["events"] == 6
    [counterpart] = actor["counterparts"]
    assert (counterpart["id"], counterpart["name"], counterpart["events"]) == (MACRON, "Emmanuel Macron", 6)
    assert [q["id"] for q in actor["quotes"]] == ["wire-1:q0"]


def test_article_with_events_quotes_and_evidence(client):
    article = get(client, "/api/articles/wire-1")
    assert article["text"].startswith("German Chancellor Angela Merkel met")
    assert article["sentences"] and article["entities"]
    assert article["events"][0]["event_id"].startswith("ev-")
    assert [q["id"] for q in article["quotes"]] == ["wire-1:q0", "wire-1:q1"]
    assert article["evidence"] == [] and "".join(s["text"] for s in article["segments"]) == article["text"]

    event_id = article["events"][0]["event_id"]
    marked = get(client, f"/api/articles/wire-1?event={event_id}")
    evidence = marked["evidence"]  # the meeting's sentence, and the one naming "the talks"
    sentences = [marked["text"][span["start"] : span["end"]] for span in evidence]
    assert sentences[0].startswith("German Chancellor Angela Merkel met") and sentences[1].endswith("after the talks.")
    assert [marked["text"][span["trigger_start"] : span["trigger_end"]] for span in evidence] == ["met", "talks"]
    highlighted = "".join(s["text"] if s["evidence"] else "|" for s in marked["segments"])
    assert [run for run in highlighted.split("|") if run] == sentences
    assert [s["text"] for s in marked["segments"] if s["trigger"]] == ["met", "talks"]
    assert get(client, f"/api/articles/wire-1?event={article['events'][0]['id']}")["evidence"] == evidence


# ---- across records -----------------------------------------------------------------------


def test_timeline_of_a_pair(client):
    timeline = get(client, "/api/timeline?actor=Merkel&actor=Emmanuel%20Macron&type=CONSULT")
    assert [a["id"] for a in timeline["actors"]] == [MERKEL, MACRON]
    assert [e["date"] for e in timeline["items"]] == ["2017-05-15", "2017-06-19", "2018-01-09", "2018-04-19"]
    assert timeline["total"] == 4 and timeline["type"] == "CONSULT"
    assert get(client, f"/api/timeline?actor={MERKEL}")["total"] == 5  # type=all by default; the pledge is planned
    assert get(client, f"/api/timeline?actor={MERKEL}&since=2018-02&planned=true&undated=true")["total"] == 1


def test_claims_beside_the_record(client):
    [claim] = get(client, "/api/claims")["items"]
    assert claim["text"] == "It was the third meeting between the two leaders since May 2017."
    assert (claim["claimed"], claim["in_store"], claim["difference"]) == (3, 4, 1)
    assert [p["id"] for p in claim["pair"]] == [MERKEL, MACRON]
    assert get(client, "/api/claims?article=wire-1")["items"] == []
    assert get(client, "/api/claims?actor=Macron")["total"] == 1


def test_search_requires_every_word_and_escapes_wildcards(client):
    found = get(client, "/api/search?q=roadmap%20EUROPE")
    assert [a["article_id"] for a in found["articles"]] == ["wire-1"]
    hit = found["articles"][0]
    assert [hit["snippet"][start:end].lower() for start, end in hit["marks"]][:2] == ["roadmap", "europe"]
    assert [q["id"] for q in found["quotes"]] == ["wire-1:q0"]
    assert (found["articles_total"], found["quotes_total"]) == (1, 1)
    assert get(client, "/api/search?q=roadmap%20budget")["articles"] == []  # both words required
    ranked = get(client, "/api/search?q=macron")["articles"]
    assert len(ranked) == 4 and ranked[0]["hits"] >= ranked[-1]["hits"]
    for wildcard in ("%25", "_", "%25_%25", "\\"):
        assert get(client, f"/api/search?q={wildcard}")["articles"] == []


def test_stats_and_map(client):
    stats = get(client, "/api/stats")
    assert (stats["articles"], stats["events"], stats["quotes"], stats["claims"]) == (4, 6, 3, 1)
    assert stats["published_from"] == "2017-05-16"
    points = get(client, "/api/map")["items"]
    assert len(points) == 5 and all(isinstance(p["place"]["lat"], float) for p in points)


# ---- errors: 404, 422, 400 with clear messages, never a 500 ---------------------------------


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("/api/events/ev-nope", "no event 'ev-nope'"),
        ("/api/actors/Nobody%20Atall", "no actor 'Nobody Atall'"),
        ("/api/articles/no-such-article", "no article 'no-such-article'"),
        ("/api/articles/wire-1?event=ev-nope", "event 'ev-nope' has no mention in article"),
        ("/api/timeline?actor=Nobody%20Atall", "no actor 'Nobody Atall'"),
        ("/api/nothing-here", "Not Found"),
    ],
)
def test_unknown_ids_are_404_with_a_message(client, url, message):
    assert message in get(client, url, 404)["detail"]


@pytest.mark.parametrize(
    ("url", "parameter"),
    [
        ("/api/events?limit=0", "limit"),
        ("/api/events?limit=501", "limit"),
        ("/api/events?limit=ten", "limit"),
        ("/api/events?offset=-1", "offset"),
        ("/api/events?since=2019-13", "since"),
        ("/api/events?until=May%202019", "until"),
        ("/api/events?type=meeting", "type"),
        ("/api/mentions?modality=maybe", "modality"),
        ("/api/actors?kind=robot", "kind"),
        ("/api/timeline", "actor"),
        ("/api/timeline?actor=Merkel&type=party", "type"),
        ("/api/search", "q"),
        ("/api/search?q=x&limit=101", "limit"),
        (f"/api/quotes?speaker={'x' * 201}", "speaker"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(client, url, parameter):
    body = get(client, url, 422)
    assert f"parameter '{parameter}'" in body["detail"]
    assert body["errors"][0]["loc"][-1] == parameter


def test_an_empty_search_is_400(client):
    assert get(client, "/api/search?q=%20%20", 400)["detail"] == "nothing to search for: give at least one word"


# ---- the schema, headers, escaping --------------------------------------------------------


API_ROUTES = {  # the contract's JSON API (notes/web_contract.md), plus the map's points
    ("get", "/api/events"), ("get", "/api/events/{event_id}"), ("get", "/api/mentions"), ("get", "/api/quotes"),
    ("get", "/api/actors"), ("get", "/api/actors/{ref}"), ("get", "/api/places"), ("get", "/api/articles"),
    ("get", "/api/articles/{ref}"), ("get", "/api/timeline"), ("get", "/api/claims"), ("get", "/api/search"),
    ("get", "/api/stats"), ("get", "/api/map"), ("post", "/api/ingest"),
}


def test_openapi_lists_every_api_route(client):
    schema = get(client, "/openapi.json")
    listed = {(method, path) for path, operations in schema["paths"].items() for method in operations}
    assert {(m, p) for m, p in listed if p.startswith("/api")} == API_ROUTES
    for method, path in API_ROUTES:  # each documented and answering (not 404/405) as documented
        assert schema["paths"][path][method]["summary"]
        if method == "get" and "{" not in path:
            assert client.get(path, params={"actor": MERKEL} if path == "/api/timeline" else {"q": "x"} if path == "/api/search" else {}).status_code == 200
    assert client.get("/docs").status_code == 404  # no Swagger UI from a CDN


@pytest.mark.parametrize("url", ["/api/events", "/api/events/ev-nope", "/api/events?limit=0", "/openapi.json", "/static/nope.css"])
def test_every_response_carries_security_headers(client, url):
    headers = client.get(url).headers
    assert headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert headers["x-content-type-options"] == "nosniff"
    assert headers["referrer-policy"] == "no-referrer"


def test_scraped_markup_comes_back_as_data_in_json(client):
    response = client.get("/api/articles/xss-1")
    assert response.headers["content-type"] == "application/json"
    article = response.json()
    assert SCRIPT in article["text"] and ONERROR in article["text"]  # the text, unchanged, as a JSON string
    assert article["title"] == f"{SCRIPT} Summit"
    found = get(client, "/api/search?q=onerror")
    assert found["articles"][0]["article_id"] == "xss-1" and ONERROR in found["articles"][0]["snippet"]


PAGES = [
    "/",
    f"/timeline?actor={MERKEL}&actor={MACRON}",
    "/events/{event}",
    "/articles/xss-1?event={event}",
    f"/actors/{MERKEL}",
    "/map",
    "/search?q=alert",
    "/claims",
]


def _xss_event(client) -> str:
    return get(client, "/api/articles/xss-1")["events"][0]["event_id"]


@pytest.mark.skipif(not HAS_PAGES, reason="the HTML pages (server/pages.py) are not installed")
@pytest.mark.parametrize("page", PAGES)
def test_pages_have_a_json_twin(client, page):
    url = page.format(event=_xss_event(client))
    html = client.get(url, headers={"Accept": "text/html"})
    assert html.status_code == 200 and html.headers["content-type"].startswith("text/html")
    twin = get(client, url + ("&" if "?" in url else "?") + "format=json")
    assert client.get(url, headers={"Accept": "application/json"}).json() == twin


@pytest.mark.skipif(not HAS_PAGES, reason="the HTML pages (server/pages.py) are not installed")
@pytest.mark.parametrize("page", ["/events/{event}", "/articles/xss-1?event={event}", "/search?q=alert"])
def test_pages_escape_scraped_markup(client, page):
    html = client.get(page.format(event=_xss_event(client)), headers={"Accept": "text/html"}).text
    assert "alert(1)" in html  # the text is shown ...
    assert SCRIPT not in html and "<img src=x" not in html  # ... as text, never as markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


@pytest.mark.skipif(not HAS_PAGES, reason="the HTML pages (server/pages.py) are not installed")
def test_a_page_error_has_the_status_and_message(client):
    response = client.get("/events/ev-nope", headers={"Accept": "text/html"})
    assert response.status_code == 404
    assert "no event &#39;ev-nope&#39;" in response.text or "no event 'ev-nope'" in response.text


# ---- ingest over HTTP -----------------------------------------------------------------------

NEW_ARTICLE = {
    "id": "post-1",
    "published": "2018-07-03",
    "outlet": "Wire",
    "title": "Macron and Merkel in Strasbourg",
    "text": "Emmanuel Macron met Angela Merkel in Strasbourg on Monday to discuss migration.",
}


def test_ingest_is_off_by_default(client):
    response = client.post("/api/ingest", json={"articles": [NEW_ARTICLE]})
    assert response.status_code == 403
    assert "--allow-ingest" in response.json()["detail"]


def test_ingest_wants_the_token(ingest_client):
    for headers in ({}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}, {"Authorization": f"Basic {TOKEN}"}):
        response = ingest_client.post("/api/ingest", json={"articles": [NEW_ARTICLE]}, headers=headers)
        assert response.status_code == 401, headers
        assert response.headers["www-authenticate"] == "Bearer"


def test_ingest_enforces_the_size_limit_before_parsing(ingest_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    big = {"articles": [{**NEW_ARTICLE, "text": "word " * INGEST_LIMIT}]}
    response = ingest_client.post("/api/ingest", json=big, headers=auth)
    assert response.status_code == 413 and str(INGEST_LIMIT) in response.json()["detail"]

    def chunks():  # no Content-Length: counted as it streams
        yield b'{"articles": [{"text": "'
        for _ in range(INGEST_LIMIT // 1000 + 1):
            yield b"x" * 1000
        yield b'"}]}'

    streamed = ingest_client.post("/api/ingest", content=chunks(), headers={**auth, "Content-Type": "application/json"})
    assert streamed.status_code == 413


def test_ingest_takes_content_not_paths(ingest_client):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    for body in ({"articles": [{"path": "/etc/passwd"}]}, {"paths": ["/etc"]}, {"articles": []}, {"articles": [{"text": ""}]}):
        assert ingest_client.post("/api/ingest", json=body, headers=auth).status_code == 422, body
    assert ingest_client.post("/api/ingest", content=b"{not json", headers={**auth, "Content-Type": "application/json"}).status_code == 422


def test_ingest_with_the_token_stores_and_answers_queries(ingest_client):
    before = get(ingest_client, "/api/events")["total"]
    response = ingest_client.post("/api/ingest", json={"articles": [NEW_ARTICLE]}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 200, response.text
    report = response.json()
    assert (report["read"], report["stored"], report["skipped"]) == (1, 1, 0)
    article = get(ingest_client, "/api/articles/post-1")
    assert article["title"] == NEW_ARTICLE["title"] and article["events"]
    assert get(ingest_client, "/api/events")["total"] == before + 1
    assert [a["article_id"] for a in get(ingest_client, "/api/search?q=strasbourg")["articles"]] == ["post-1"]
    again = ingest_client.post("/api/ingest", json={"articles": [NEW_ARTICLE]}, headers={"Authorization": f"Bearer {TOKEN}"})
    assert (again.json()["stored"], again.json()["already_stored"]) == (0, 1)


def test_an_app_with_ingest_needs_a_token(store_path):
    from chronicle.errors import ChronicleError

    with pytest.raises(ChronicleError, match="needs a token"):
        create_app(store_path, allow_ingest=True)



# ---- the event catalog (server/catalog.py) answers as the store's tables do ------------------


def test_the_catalog_answers_as_the_query_library(store_path):
    import itertools
    import json

    from chronicle import query
    from chronicle.server.catalog import EventCatalog
    from chronicle.server.views import events_selection, timeline_actors, timeline_selection
    from chronicle.store import Store

    with Store(store_path, read_only=True) as store:
        kb = query.kb_of(store)
        catalog = EventCatalog.build(store, kb)
        assert catalog.quotes  # some events have quotes said at them
        assert len(catalog) == store.con.execute("SELECT count(*) FROM events").fetchone()[0] > 0
        for event_id in catalog.ids:
            record = {**query.get_event(store, event_id), "quotes": query.event_quotes(store, kb, event_id)}
            assert json.loads(catalog.doc(event_id)) == json.loads(json.dumps(record, default=str))
        checked = 0
        for type_, actor, since, until, modality in itertools.product(
            (None, "CONSULT", "AGREE"), (None, MERKEL, "macron", "Angela Merkel"), (None, "2017-06", "2018"),
            (None, "2017", "2018-04-19"), (None, "reported", "historical", "planned"),
        ):
            wanted = [e["id"] for e in query.list_events(store, type=type_, actor=actor, since=since, until=until, modality=modality, kb=kb)]
            selection = events_selection(store, kb, catalog, type=type_, actor=actor, since=since, until=until, modality=modality)
            assert [catalog.ids[p] for p in selection.positions] == wanted, (type_, actor, since, until, modality)
            checked += bool(wanted)
        assert checked > 20  # the combinations are not all empty
        for actors, planned, undated, since in itertools.product(
            ([MERKEL], [MERKEL, "Macron"], ["Macron", MERKEL]), (False, True), (False, True), (None, "2018")
        ):
            wanted = [e["id"] for e in query.timeline(store, actors, planned=planned, undated=undated, since=since, kb=kb)]
            who, type_ = timeline_actors(store, kb, actors, "all")
            selection = timeline_selection(store, kb, catalog, who, type_, since, None, planned, undated)
            assert [catalog.ids[p] for p in selection.positions] == wanted, (actors, planned, undated, since)
