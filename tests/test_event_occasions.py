"""Counted meetings listed one by one (issue 14, family 2): "met twice: in A in <month>
and in B in <month>" is two meetings with their own dates and places; "met twice this
year" lists nothing and makes no event; invented sentences."""

from __future__ import annotations

HAPPENED = ("reported", "historical")
PAIR = {"Paul Kagame", "Cyril Ramaphosa"}


def people(event) -> set[str]:
    return {a.name for a in event.actors if a.kind == "person"}


def test_a_count_with_a_list_of_dated_places_is_one_meeting_per_item(consults):
    events = consults(
        "Paul Kagame and Cyril Ramaphosa met twice: at a trade forum in Nairobi in March 2017 "
        "and on the sidelines of a summit in Lisbon in October 2017."
    )
    pair = sorted((e.date, e.place) for e in events if people(e) == PAIR and e.modality in HAPPENED)
    assert [date for date, _ in pair] == ["2017-03", "2017-10"]
    assert all(place for _, place in pair) and pair[0][1] != pair[1][1]  # Nairobi, then Lisbon


def test_a_count_without_a_list_invents_no_meetings(consults):
    events = consults("Paul Kagame has met Cyril Ramaphosa twice this year in Nairobi.")
    assert len([e for e in events if people(e) == PAIR and e.modality in HAPPENED]) <= 1
