"""The evaluation gate: accuracy on the dev gold must not drop below the pinned floors.

Floors are raised as the system improves, never lowered silently. Measured when pinned
(chronicle eval, 2026-11-22): seeds actors 40/40, name mentions 127/127; dev actors
264/267 (0.989), name mentions 736/742 (0.992); publication dates 5/5 and 43/43.
"""

from __future__ import annotations

import pytest

from chronicle.evaluate import evaluate

from conftest import DEV, SEEDS, shared_path

pytestmark = pytest.mark.integration

FLOORS = {
    "seeds": {"actors": 0.97, "name_mentions": 0.97, "published": 1.0},
    "dev": {"actors": 0.97, "name_mentions": 0.97, "published": 1.0},
}
SETS = {
    "seeds": (DEV / "seeds_gold.jsonl", SEEDS / "seeds.jsonl"),
    "dev": (DEV / "gold.jsonl", DEV / "articles.jsonl"),
}


@pytest.fixture(scope="module", params=sorted(SETS))
def result(request, tmp_path_factory):
    gold, articles = SETS[request.param]
    return request.param, evaluate(shared_path(gold), shared_path(articles))


def test_actor_identities_stay_above_the_floor(result):
    name, scores = result
    assert scores["actors"]["accuracy"] >= FLOORS[name]["actors"], scores["actors"]["misses"]
    assert scores["actors"]["name_mentions"]["accuracy"] >= FLOORS[name]["name_mentions"], scores["actors"]["confusions"]


def test_publication_dates_stay_above_the_floor(result):
    name, scores = result
    assert scores["published"]["accuracy"] >= FLOORS[name]["published"]
