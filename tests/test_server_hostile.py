"""The web face on awkward stored values: ids with slashes open, unsafe URLs are not links."""

from __future__ import annotations

import json
import re

import pytest
from fastapi.testclient import TestClient

from chronicle.runners import local
from chronicle.server.app import create_app, web_url
from chronicle.settings import Settings

SLASHED = "world/2018/may/22/slug"
RECORDS = [
    {"id": SLASHED, "url": "javascript:alert(1)", "published": "2018-05-22",
     "text": "Vladimir Putin met Benjamin Netanyahu in Moscow on Monday to discuss security."},
    {"id": "data-url", "url": "data:text/html,<script>alert(2)</script>", "published": "2018-05-22",
     "text": "Reporters said Vladimir Putin met Benjamin Netanyahu in Moscow on Monday."},
    {"id": "plain", "url": "https://example.org/a", "published": "2018-05-22",
     "text": "Vladimir Putin and Benjamin Netanyahu met in Moscow on Monday, officials said."},
]


@pytest.fixture(scope="module")
def client(tmp_path_factory) -> TestClient:
    folder = tmp_path_factory.mktemp("web")
    (folder / "in.jsonl").write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    db = folder / "store.duckdb"
    assert local.ingest([str(folder / "in.jsonl")], Settings(db=str(db))).stored == 3
    return TestClient(create_app(db))


def test_an_article_id_with_slashes_opens_in_the_api_and_the_pages(client):
    response = client.get(f"/api/articles/{SLASHED}")
    assert response.status_code == 200 and response.json()["article_id"] == SLASHED
    page = client.get(f"/articles/{SLASHED}", headers={"accept": "text/html"})
    assert page.status_code == 200 and SLASHED in page.text
    encoded = client.get("/api/articles/world%2F2018%2Fmay%2F22%2Fslug")
    assert encoded.status_code == 200 and encoded.json()["article_id"] == SLASHED


def test_the_pages_own_links_to_such_articles_open(client):
    event_id = client.get(f"/api/articles/{SLASHED}").json()["events"][0]["event_id"]
    page = client.get(f"/events/{event_id}", headers={"accept": "text/html"})
    links = re.findall(r'href="(/articles/[^"]+)"', page.text)
    assert links and any(SLASHED in link for link in links)
    for link in links:
        assert client.get(link.replace("&amp;", "&"), headers={"accept": "text/html"}).status_code == 200


@pytest.mark.parametrize("ref", [SLASHED, "data-url"])
def test_javascript_and_data_urls_are_not_links(client, ref):
    page = client.get(f"/articles/{ref}", headers={"accept": "text/html"}).text
    assert not re.search(r'href="\s*(javascript|data):', page, re.IGNORECASE)
    event_id = client.get(f"/api/articles/{ref}").json()["events"][0]["event_id"]
    event_page = client.get(f"/events/{event_id}", headers={"accept": "text/html"}).text
    assert not re.search(r'href="\s*(javascript|data):', event_page, re.IGNORECASE)
    assert 'href="https://example.org/a"' in event_page  # the safe one is still a link


def test_web_url_keeps_http_only():
    assert web_url("https://example.org/x") == "https://example.org/x"
    assert web_url("HTTP://example.org") == "HTTP://example.org"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "java\tscript:alert(1)", "data:text/html,x", "vbscript:x", "//evil", None, ""):
        assert web_url(bad) is None
