"""Arrivals that meet no one (issue 19, extract/arrivals.py), on invented text: a verb of
coming or receiving is a meeting only with someone on its other side."""

from __future__ import annotations

import pytest

PUBLISHED = "2031-03-04"


@pytest.fixture(scope="module")
def meetings(annotate_with_lexicon):
    def run(body: str):
        return [e for e in annotate_with_lexicon(body, PUBLISHED).event_mentions if e.type == "CONSULT"]

    return run


def test_an_arrival_with_no_one_met_is_no_meeting(meetings):
    assert meetings("Navy divers arrived at the port of Tema on Monday.") == []
    assert meetings("Kofi Mensah came to power in a coup in 1994.") == []
    assert meetings("Kofi Mensah is said to have received millions of dollars from the company.") == []  # an unreal form too


def test_an_arrival_in_a_country_meets_its_host(meetings):
    (visit,) = meetings("President Kofi Mensah arrived in Lome on Monday for talks.")
    assert [a.country for a in visit.actors if a.role == "target"] == ["TGO"]


def test_a_visitor_received_is_a_meeting(meetings):
    (visit,) = meetings("President Kofi Mensah received Togolese Foreign Minister Ama Dogbe in Accra on Monday.")
    assert {a.name for a in visit.actors} == {"Kofi Mensah", "Ama Dogbe"}


def test_a_guest_received_keeps_the_meeting_place(meetings):
    body = ("President Kofi Mensah held talks on Monday with Togolese President Ama Dogbe. "
            "The Togolese president was received at the presidential residence in Accra with a ceremony.")
    (visit,) = meetings(body)
    assert visit.place is not None
