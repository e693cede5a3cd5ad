"""A summit of a few days told by its close (issue 14, the same pair meeting over two days),
on invented text: "closed two days of talks yesterday" is a meeting on each of the two days;
a summit told by its start, or a visit, stays one meeting."""

from __future__ import annotations

PUBLISHED = "2019-06-04"  # a Tuesday


def _meetings(consults, body: str):
    return sorted((m for m in consults(body, PUBLISHED) if len(m.actors) >= 2 and m.modality in ("reported", "historical")),
                  key=lambda m: m.date or "")


def test_two_days_of_talks_closed_yesterday_are_two_meetings(consults):
    body = "President Kofi Mensah and Togolese President Yao Agbeko closed two days of talks in Lome yesterday."
    assert [m.date for m in _meetings(consults, body)] == ["2019-06-02", "2019-06-03"]


def test_a_two_day_summit_wrapped_up_is_a_meeting_each_day(consults):
    body = "President Kofi Mensah and Togolese President Yao Agbeko wrapped up their two-day summit in Lome on Monday."
    assert [m.date for m in _meetings(consults, body)] == ["2019-06-02", "2019-06-03"]


def test_a_closed_visit_stays_one_meeting_over_its_days(consults):
    body = "President Kofi Mensah ended his two-day visit to Togo on Monday."
    (visit,) = consults(body, PUBLISHED)
    assert (visit.date, visit.end_date) == ("2019-06-02", "2019-06-03")


def test_a_summit_told_by_its_start_stays_one_meeting(consults):
    body = "President Kofi Mensah and Togolese President Yao Agbeko opened a two-day summit in Lome on Monday."
    assert len(_meetings(consults, body)) == 1


def test_a_long_closed_conference_is_not_split_by_day(consults):
    body = "President Kofi Mensah and Togolese President Yao Agbeko closed five days of talks in Lome on Monday."
    found = _meetings(consults, body)
    assert len(found) == 1 and found[0].date == "2019-05-30" and found[0].end_date == "2019-06-03"


def test_talks_after_which_someone_returned_are_not_split(consults):
    body = "After two days of talks with Togolese President Yao Agbeko, President Kofi Mensah returned home on Monday."
    assert len(_meetings(consults, body)) == 1


def test_closed_talks_with_no_length_are_one_meeting_that_day(consults):
    body = "President Kofi Mensah and Togolese President Yao Agbeko closed their talks in Lome on Monday."
    assert [m.date for m in _meetings(consults, body)] == ["2019-06-03"]
