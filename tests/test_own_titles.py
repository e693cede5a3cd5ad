"""A title only some countries use, with no country beside it ("the Queen", "the Emir"):
the holder in the article's country that uses it (issue 14, family 3). Invented sentences
with the packaged KB, each case with its counter-case."""

from __future__ import annotations

import datetime as dt

from chronicle.kb import load_kb
from chronicle.resolve.titles import own_title_holder, titled_seats


def people(event) -> list[str]:
    return sorted(a.name for a in event.actors if a.kind == "person")


def test_the_queen_is_the_monarch_of_the_country_the_article_names(consults):
    events = consults("During his visit to London, Justin Trudeau will hold talks with Theresa May and meet the Queen.")
    assert ["Elizabeth II", "Justin Trudeau"] in [people(e) for e in events]


def test_the_queen_of_an_article_about_a_republic_is_nobody(consults):
    events = consults("During his visit to Paris, Justin Trudeau met the Queen on Friday.")
    assert all(len(people(e)) < 2 for e in events)


def test_a_title_used_by_one_country_only_needs_no_country_in_the_article():
    kb = load_kb()
    assert [seat for seat, _ in titled_seats("taoiseach", ["USA"], kb)] == ["IRL"]


def test_a_title_every_country_may_use_is_left_to_the_other_rules():
    kb = load_kb()
    assert titled_seats("president", ["FRA"], kb) == []
    assert own_title_holder("emir", ["FRA", "DEU"], kb, dt.date(2019, 6, 7)) is None
