"""The knowledge base shipped with chronicle: consistent, and right on well-known facts."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest

from chronicle.kb import load_kb, validate


@pytest.fixture(scope="module")
def kb():
    return load_kb()


def test_the_packaged_kb_is_consistent(kb):
    assert validate(kb) == []
    kinds = Counter(actor.kind for actor in kb.actors.values())
    assert kinds["country"] >= 190 and kinds["person"] >= 1000 and kinds["organization"] + kinds["group"] >= 100


G20_AND_MIDDLE_EAST = "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA ISR IRN SYR EGY JOR IRQ PSE".split()


@pytest.mark.parametrize("country", G20_AND_MIDDLE_EAST)
def test_offices_are_held_most_of_the_time_since_2000(kb, country):
    """Sampled monthly 2000-2025: real gaps exist (an occupation, a weeks-long vacancy)."""
    days = [dt.date(year, month, 1) for year in range(2000, 2026) for month in range(1, 13)]
    leader = sum(bool(kb.holders("head_of_state", country, d) or kb.holders("head_of_government", country, d)) for d in days)
    minister = sum(bool(kb.holders("foreign_minister", country, d)) for d in days)
    assert leader / len(days) >= 0.95, f"{country}: a head of state or government on {leader}/{len(days)} months"
    assert minister / len(days) >= 0.85, f"{country}: a foreign minister on {minister}/{len(days)} months"


@pytest.mark.parametrize(
    "office, country, day, name",
    [
        ("head_of_state", "RUS", "2013-05-14", "Vladimir Putin"),
        ("head_of_state", "RUS", "2009-06-01", "Dmitry Medvedev"),
        ("head_of_government", "ISR", "2012-06-25", "Benjamin Netanyahu"),
        ("head_of_state", "USA", "2018-07-16", "Donald Trump"),
        ("foreign_minister", "USA", "2016-09-09", "John Kerry"),
        ("head_of_government", "DEU", "2017-03-17", "Angela Merkel"),
    ],
)
def test_well_known_office_holders(kb, office, country, day, name):
    assert [a.name for a in kb.holders(office, country, dt.date.fromisoformat(day))] == [name]
