"""Whom an event is aimed at when the trigger's words leave it unsaid (issue 19,
extract/targets.py), and an office a tagger took for a name (extract/article_actors.py): on
invented text, each case with its counter-case."""

from __future__ import annotations

import pytest

PUBLISHED = "2031-03-04"


@pytest.fixture(scope="module")
def events(annotate_with_lexicon):
    def run(body: str, type_: str):
        return [e for e in annotate_with_lexicon(body, PUBLISHED).event_mentions if e.type == type_]

    return run


def countries(event, role: str) -> list[str | None]:
    return [a.country for a in event.actors if a.role == role]


def test_the_actor_a_request_asks_to_act_is_its_target(events):
    (request,) = events("Ghana and Benin called for the Togolese government to release voting records.", "REQUEST")
    assert countries(request, "target") == ["TGO"] and sorted(countries(request, "source")) == ["BEN", "GHA"]
    (request,) = events("Ghana and Benin have called for Togo to release voting records.", "REQUEST")  # a for-to clause
    assert countries(request, "target") == ["TGO"]
    (counter,) = events("Ghana and Benin called for calm in the capital.", "REQUEST")
    assert countries(counter, "target") == []


def test_a_protest_with_no_target_is_aimed_at_its_state(events):
    (protest,) = events("Togolese students protested in Kara on Monday.", "PROTEST")
    assert countries(protest, "target") == ["TGO"]
    (counter,) = events("Togolese students protested against the new tuition fees on Monday.", "PROTEST")
    assert countries(counter, "target") == []


def test_a_protest_by_a_state_organ_is_not_aimed_at_its_state(events):
    found = events("Togolese soldiers protested over unpaid wages in Kara.", "PROTEST")
    assert all("TGO" not in countries(e, "target") for e in found)


def test_an_office_the_tagger_took_for_a_name_is_its_country_s(events):
    (accusation,) = events("Togo's Foreign Ministry accused Ghana of sheltering the rebels.", "ACCUSE")
    assert countries(accusation, "source") == ["TGO"] and countries(accusation, "target") == ["GHA"]
    (counter,) = events("The Foreign Ministry accused Ghana of sheltering the rebels.", "ACCUSE")
    assert "TGO" not in countries(counter, "source")
