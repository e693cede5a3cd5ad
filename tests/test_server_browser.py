"""The web pages end to end: a store built by the real pipeline from articles written here,
the real server (uvicorn on loopback), headless Chromium driven by Playwright.

Each test opens pages as a person would and checks what they show; every page must load
without a console error, a page error or a Content-Security-Policy violation, and no
request may leave 127.0.0.1. A screenshot of each page goes to docs/screenshots/.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import socket
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

import httpx
import pytest

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(
        f"{CHROMIUM} is absent: the browser tests need Chromium (`make browser` installs the Debian package)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip("playwright.sync_api", reason="the browser tests drive Chromium with Playwright")

REPO = Path(__file__).resolve().parents[1]
SCREENSHOTS = REPO / "docs" / "screenshots"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
SCRIPT_TEXT = "<script>window.__xss=1</script>"
IMAGE_TEXT = '<img src=x onerror="window.__xss=2">'
# Two leaders meeting in three cities, a second outlet's report of the last meeting, a
# planned visit, an agreement, quotes, a claim about the record, and a scraped page whose
# text carries markup that must never run.
ARTICLES = [
    {
        "id": "harbour-2019-06-28-osaka", "outlet": "Harbour Times", "published": "2019-06-28",
        "url": "https://harbour.example.org/2019/06/28/osaka", "title": "Abe and Modi meet in Osaka before the G20 summit",
        "text": "Abe and Modi meet in Osaka before the G20 summit\n\n"
        "Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi in Osaka on Thursday, on the eve of "
        "the G20 summit. The two leaders discussed a high-speed railway project and maritime security in the Indian Ocean.\n\n"
        '"India is a natural partner for Japan," Abe told reporters after the talks.\n\n'
        "Officials said the meeting lasted an hour.",
    },
    {
        "id": "ledger-2019-09-05-delhi", "outlet": "Pacific Ledger", "published": "2019-09-05",
        "url": "https://ledger.example.net/world/abe-modi-new-delhi", "title": "Modi hosts Abe in New Delhi",
        "text": "Modi hosts Abe in New Delhi\n\n"
        "Indian Prime Minister Narendra Modi hosted Japanese Prime Minister Shinzo Abe in New Delhi on Wednesday for talks "
        "on trade and defence. The two governments signed an agreement on a currency swap worth 75 billion dollars.\n\n"
        '"Our friendship has never been stronger," Modi said at a joint news conference.',
    },
    {
        "id": "harbour-2019-11-05-bangkok", "outlet": "Harbour Times", "published": "2019-11-05",
        "url": "https://harbour.example.org/2019/11/05/bangkok", "title": "Abe and Modi hold talks in Bangkok",
        "text": "Abe and Modi hold talks in Bangkok\n\n"
        "Narendra Modi and Shinzo Abe held talks in Bangkok on Monday on the sidelines of the ASEAN summit. "
        "It was the third meeting between the two leaders since 2019.\n\n"
        '"We agreed to speed up work on the railway," Abe said.',
    },
    {
        "id": "eastern-2019-11-06-bangkok", "outlet": "Eastern Wire", "published": "2019-11-06",
        "url": "https://easternwire.example.com/asia/2019/11/06/abe-modi", "title": "Japan and India leaders meet in Thailand",
        "text": "Japan and India leaders meet in Thailand\n\n"
        "Japanese Prime Minister Shinzo Abe met Indian Prime Minister Narendra Modi in Bangkok on Monday, officials said. "
        "Modi will host Abe in Guwahati in December for their annual summit.",
    },
    {
        "id": "scraped-2019-10-01-call", "outlet": "Scraped Daily", "published": "2019-10-01",
        "url": "https://scraped.example.com/p/123", "title": f"Leaders speak by phone {SCRIPT_TEXT}",
        "text": f"Leaders speak by phone\n\n{SCRIPT_TEXT}\n"
        "Narendra Modi spoke by phone with Shinzo Abe on Monday about trade and the coming summit. "
        f"{IMAGE_TEXT} The call lasted thirty minutes.\n\nComments are closed.",
    },
]
PAIR = "/timeline?actor=Shinzo%20Abe&actor=Narendra%20Modi"


# ---- the store and the server -----------------------------------------------------------


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> str:
    """The real server on a free loopback port over a store built by the real pipeline."""
    import uvicorn

    from chronicle.runners import local
    from chronicle.server.app import create_app
    from chronicle.settings import Settings

    folder = tmp_path_factory.mktemp("web")
    articles = folder / "articles.jsonl"
    articles.write_text("".join(json.dumps(article) + "\n" for article in ARTICLES), encoding="utf-8")
    db = folder / "web.duckdb"
    local.ingest([str(articles)], Settings(db=str(db), batch_size=16), today=dt.date(2020, 1, 1))

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(db), host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="chronicle-web", daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            if httpx.get(f"{base}/api/stats", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the chronicle server did not answer within 20 s")
        time.sleep(0.1)
    yield base
    server.should_exit = True
    thread.join(timeout=10)


def twin(site: str, path: str) -> dict:
    """A page's JSON twin, as the server gives it."""
    response = httpx.get(site + path + ("&" if "?" in path else "?") + "format=json", timeout=10)
    response.raise_for_status()
    return response.json()


# ---- the browser --------------------------------------------------------------------------


@pytest.fixture(scope="module")
def chromium():
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Recorded in the page before any of its scripts: Content-Security-Policy violations.
CSP_WATCH = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__cspViolations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


class Visit:
    """A browser tab that records console errors, page errors, CSP violations and any
    request that is not to 127.0.0.1 (aborted)."""

    def __init__(self, context, site: str) -> None:
        self.site = site
        self.context = context
        self.page = context.new_page()
        self.errors: list[str] = []
        self.outside: list[str] = []
        self.tolerated: list[str] = []  # console messages a test expects (e.g. an error status)
        self.page.on("console", lambda message: self.errors.append(f"console: {message.text}") if message.type == "error" else None)
        self.page.on("pageerror", lambda error: self.errors.append(f"pageerror: {error}"))
        self.page.route("**/*", self._only_loopback)

    def _only_loopback(self, route) -> None:
        url = route.request.url
        if urlsplit(url).hostname == "127.0.0.1":
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()

    def open(self, path: str, status: int = 200):
        response = self.page.goto(self.site + path)
        assert response is not None and response.status == status, f"{path}: HTTP {response.status if response else None}"
        self.page.wait_for_load_state("networkidle")
        self.check()
        return self.page

    def shot(self, name: str) -> None:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)

    def check(self) -> None:
        violations = self.page.evaluate("window.__cspViolations || []")
        errors = [e for e in self.errors if not any(part in e for part in self.tolerated)]
        assert errors == [], f"errors in the browser: {errors}"
        assert violations == [], f"Content-Security-Policy violations: {violations}"
        assert self.outside == [], f"requests that left 127.0.0.1: {self.outside}"


@pytest.fixture
def visit(chromium, site):
    context = chromium.new_context(viewport={"width": 1280, "height": 900}, service_workers="block")
    context.add_init_script(CSP_WATCH)
    context.set_default_timeout(5000)
    tab = Visit(context, site)
    yield tab
    tab.check()
    context.close()


def texts(page, selector: str) -> list[str]:
    return [text.strip() for text in page.locator(selector).all_inner_texts()]


def evidence_sentences(site: str, event_page: str) -> list[str]:
    """The evidence sentences of every report of an event, from the JSON API."""
    sentences = []
    for source in twin(site, event_page)["sources"]:
        mentions = httpx.get(f"{site}/api/mentions", params={"article": source["article_id"]}, timeout=10).json()["items"]
        for mention in mentions:
            if mention["id"] in source["mentions"]:
                sentences += [item["text"].strip() for item in mention["sources"]]
    return list(dict.fromkeys(sentences))


def made_of(marked: str, sentences: list[str]) -> bool:
    """Whether a highlighted text is evidence sentences only (and the space between them)."""
    for sentence in sorted(sentences, key=len, reverse=True):
        marked = marked.replace(sentence, "")
    return marked.strip() == ""


def shown_events(page) -> int:
    return page.locator("svg#timeline a.event").count()


# ---- the tests ----------------------------------------------------------------------------


def test_home_shows_the_store_counts_and_its_actors(visit, site):
    page = visit.open("/")
    stats = twin(site, "/")["stats"]
    assert page.locator("h1").inner_text() == "chronicle"
    for nav in ("nav-home", "nav-timeline", "nav-map", "nav-search", "nav-claims"):
        assert page.locator(f"nav #{nav}").is_visible()
    events = page.locator('#counts li[data-count="events"] .number').inner_text()
    assert int(events.replace(",", "")) == stats["events"] > 0
    assert int(page.locator('#counts li[data-count="articles"] .number').inner_text()) == len(ARTICLES)
    assert {"Shinzo Abe", "Narendra Modi"} <= set(texts(page, "#top-actors li > a:first-child"))
    assert page.locator("#recent-events tbody tr").count() > 0
    visit.shot("home")


def test_timeline_to_event_to_article_shows_the_evidence_highlighted(visit, site):
    page = visit.open(PAIR)
    data = twin(site, PAIR)
    assert page.locator("h1").inner_text() == "Timeline: Shinzo Abe – Narendra Modi"
    assert shown_events(page) == data["total"] >= 4
    assert page.locator("svg#timeline a.event.planned").count() == sum(e["modality"] == "planned" for e in data["items"])
    assert page.locator("svg#timeline a.event.planned").count() >= 1
    assert "Reported" in page.locator("svg#timeline").inner_html() and "Planned" in page.locator("svg#timeline").inner_html()
    visit.shot("timeline")

    # the Bangkok meeting: two outlets reported it, so its circle is the largest
    bangkok = next(e for e in data["items"] if e["mentions"] == 2)
    circles = {a.get_attribute("href"): float(a.locator("circle").get_attribute("r")) for a in page.locator("svg#timeline a.event").all()}
    assert circles[f"/events/{bangkok['id']}"] == max(circles.values())
    page.locator(f'svg#timeline a.event[href="/events/{bangkok["id"]}"]').click()
    page.wait_for_url(f"**/events/{bangkok['id']}")
    visit.check()
    assert "Bangkok" in page.locator("#facts").inner_text() and "2019-11-04" in page.locator("#facts").inner_text()
    assert page.locator("#sources article.source").count() == 2
    sentences = evidence_sentences(site, f"/events/{bangkok['id']}")
    marked = texts(page, "#sources article.source mark.evidence")
    assert len(marked) >= 2 and all(made_of(mark, sentences) for mark in marked)
    assert all(any(sentence in mark for mark in marked) for sentence in sentences)
    visit.shot("event")

    link = page.locator("#sources a.article-link").first
    href = link.get_attribute("href")
    link.click()
    page.wait_for_url(f"**{href}")
    visit.check()
    article = next(a for a in ARTICLES if f"/articles/{a['id']}" in href)
    assert page.locator("h1").inner_text() == article["title"]
    in_article = texts(page, "#article-text mark.evidence")
    assert in_article and all(made_of(mark, sentences) for mark in in_article)
    assert [sentence for sentence in sentences if sentence in article["text"]] == [
        sentence for sentence in sentences if any(sentence in mark for mark in in_article)
    ]
    visit.shot("article")


def test_event_page_lists_the_quotes_said_at_it(visit, site):
    osaka = next(e for e in twin(site, PAIR)["items"] if e["place"] and e["place"]["name"] == "Osaka")
    page = visit.open(f"/events/{osaka['id']}")
    quote = page.locator("#quotes blockquote.quote")
    assert quote.count() == 1
    assert quote.locator("p").inner_text() == "“India is a natural partner for Japan,”"
    assert "Shinzo Abe" in quote.locator("footer").inner_text()
    assert "Thursday" in page.locator("#sources mark.evidence").first.inner_text()


def test_type_filter_and_zoom_change_what_the_timeline_shows(visit, site):
    page = visit.open("/timeline")
    data = twin(site, "/timeline")
    total = shown_events(page)
    types = {item["type"] for item in data["items"]}
    assert total == data["total"] and "CONSULT" in types and len(types) >= 2
    other = min(types - {"CONSULT"})  # a second type of the example articles (AGREE, SUPPORT...)

    page.select_option("#type-filter", other)
    others = sum(item["type"] == other for item in data["items"])
    assert shown_events(page) == others < total
    assert set(page.locator("svg#timeline a.event").evaluate_all("els => els.map(e => e.dataset.type)")) == {other}
    assert page.locator("#event-list tbody tr:not(.is-hidden)").count() == others
    page.select_option("#type-filter", "all")
    assert shown_events(page) == total

    before = page.locator("#visible-count").inner_text()
    for _ in range(6):
        page.click("#zoom-in")
    assert 0 <= shown_events(page) < total
    assert page.locator("#visible-count").inner_text() != before
    page.click("#zoom-out")
    page.click("#zoom-reset")
    assert shown_events(page) == total
    assert page.locator("#visible-count").inner_text() == before


def test_actor_page_shows_roles_counterparts_and_quotes(visit, site):
    page = visit.open("/actors/shinzo-abe")
    assert page.locator("h1").inner_text() == "Shinzo Abe"
    assert "head_of_government" in page.locator("#roles").inner_text()
    assert "India is a natural partner for Japan" in page.locator("#quotes").inner_text()
    counterparts = page.locator("svg#network a.counterpart")
    assert counterparts.count() == len(twin(site, "/actors/shinzo-abe")["counterparts"]) >= 1
    visit.shot("actor")
    page.locator('svg#network a.counterpart[href="/actors/narendra-modi"]').click()
    page.wait_for_url("**/actors/narendra-modi")
    visit.check()
    assert page.locator("h1").inner_text() == "Narendra Modi"
    assert "Our friendship has never been stronger" in page.locator("#quotes").inner_text()


def test_map_draws_the_bundled_world_and_the_events(visit, site):
    page = visit.open("/map")
    page.wait_for_selector('svg#map[data-ready="true"]')
    assert page.locator("svg#map path.land").count() > 150
    data = twin(site, "/map")
    dots = page.locator("svg#map a.event-dot")
    assert dots.count() == data["total"] >= 3
    assert {"Osaka", "New Delhi", "Bangkok"} <= {item["place"]["name"] for item in data["items"]}
    visit.shot("map")
    first = dots.first.get_attribute("href")
    dots.first.click()
    page.wait_for_url(f"**{first}")
    visit.check()
    assert page.locator("#sources article.source").count() >= 1


def test_search_finds_a_word_in_articles_and_quotes(visit, site):
    page = visit.open("/search")
    page.fill("#search-form input[name=q]", "railway")
    page.locator("#search-form button[type=submit]").click()
    page.wait_for_url("**/search?q=railway")
    visit.check()
    assert page.locator("h1").inner_text() == "Search: railway"
    assert page.locator("#article-hits li.hit").count() == 2
    assert page.locator("#quote-hits li.hit").count() == 1
    assert {text.lower() for text in texts(page, "li.hit mark.match")} == {"railway"}
    visit.shot("search")


def test_claims_page_sets_the_claim_beside_the_record(visit, site):
    page = visit.open("/claims")
    rows = page.locator("table#claims tr.claim")
    assert rows.count() == 1
    cells = texts(page, "table#claims tr.claim td")
    assert "the third meeting between the two leaders since 2019" in cells[0]
    assert "Shinzo Abe" in cells[1] and "Narendra Modi" in cells[1]
    assert cells[3:6] == ["3", "3", "0"]
    visit.shot("claims")


def test_script_in_an_article_is_shown_as_text_and_never_runs(visit, site):
    page = visit.open("/articles/scraped-2019-10-01-call")
    text = page.locator("#article-text").inner_text()
    assert SCRIPT_TEXT in text and IMAGE_TEXT in text
    assert SCRIPT_TEXT in page.locator("h1").inner_text()
    assert page.locator("main script, main img").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    visit.shot("article-untrusted")

    call = next(e for e in twin(site, "/timeline")["items"] if e["mode"] == "PHONE")
    page = visit.open(f"/events/{call['id']}")
    assert SCRIPT_TEXT in page.locator("#sources").inner_text()
    assert page.evaluate("typeof window.__xss") == "undefined"

    page = visit.open("/search?q=" + "window.__xss")
    assert page.locator("#article-hits li.hit").count() == 1
    snippet = page.locator("#article-hits li.hit").inner_text()
    assert "window.__xss=1</script>" in snippet or 'onerror="window.__xss=2"' in snippet
    assert page.locator("main script, main img").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"


def test_bad_parameters_get_an_error_page_with_the_message(visit, site):
    visit.tolerated += ["status of 404", "status of 422", "status of 400"]
    page = visit.open("/events/no-such-event", status=404)
    assert "no event 'no-such-event'" in page.locator(".error-box").inner_text()
    page = visit.open("/timeline?since=last-week", status=422)
    assert "since" in page.locator(".error-box").inner_text()
    page = visit.open("/timeline?type=PARADE", status=400)
    assert "unknown event type 'PARADE'" in page.locator(".error-box").inner_text()
    assert page.locator("nav #nav-home").is_visible()


@pytest.mark.parametrize("path", ["/", PAIR, "/map", "/search?q=railway", "/claims", "/actors/shinzo-abe",
                                  "/articles/harbour-2019-06-28-osaka"])
def test_every_page_has_a_json_twin(site, path):
    html = httpx.get(site + path, headers={"Accept": "text/html"}, timeout=10)
    as_json = httpx.get(site + path, headers={"Accept": "application/json"}, timeout=10)
    assert html.headers["content-type"].startswith("text/html") and re.search(r"<main id=\"content\">", html.text)
    assert as_json.headers["content-type"].startswith("application/json")
    assert as_json.json() == twin(site, path)
