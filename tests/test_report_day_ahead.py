"""A report dated by a weekday the day after the page's publication date ("the ministry
confirmed Wednesday" on a page dated Tuesday): the page's date is a day behind its time
zone, the report is that Wednesday, not six days back (issue 14). Invented sentences, each
case with its counter-case."""

from __future__ import annotations

import datetime as dt

from chronicle.resolve.news_times import page_day_ahead

TUESDAY = "2019-06-04"


def test_a_report_on_the_day_after_publication_dates_the_meeting_around_publication(consults):
    events = consults("Narendra Modi held talks with Shinzo Abe in Tokyo, the foreign ministry confirmed Wednesday.", TUESDAY)
    assert [e.date for e in events] == ["2019-06-04"]


def test_a_report_on_an_earlier_weekday_stays_in_the_past_week(consults):
    events = consults("Narendra Modi held talks with Shinzo Abe in Tokyo, the foreign ministry confirmed Thursday.", TUESDAY)
    assert [e.date for e in events] == ["2019-05-29"]


def test_only_a_past_weekday_six_days_back_moves():
    published = dt.date(2019, 6, 4)
    assert page_day_ahead(dt.date(2019, 5, 29), "weekday:past", published) == dt.date(2019, 6, 5)
    assert page_day_ahead(dt.date(2019, 5, 29), "date", published) == dt.date(2019, 5, 29)
    assert page_day_ahead(dt.date(2019, 5, 30), "weekday:past", published) == dt.date(2019, 5, 30)
    assert page_day_ahead(dt.date(2019, 5, 29), "weekday:past", None) == dt.date(2019, 5, 29)
