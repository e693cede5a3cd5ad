"""Meetings whose words date them only loosely (issue 14, dated pages), on invented text:
"recent meetings with X" told at a news conference happened in the weeks before the page,
not on the conference's day."""

from __future__ import annotations

import datetime as dt

PUBLISHED = "2019-06-04"  # a Tuesday


def _pair(consults, body: str, name: str):
    return [m for m in consults(body, PUBLISHED) if name in {a.name for a in m.actors}]


def test_recent_meetings_recalled_at_a_news_conference_fall_in_the_weeks_before(consults):
    body = ("President Kofi Mensah held a news conference with Ghanaian President Ama Dogbe on Tuesday. "
            "Mensah pointed to the benefits of his recent meetings with Togolese President Yao Agbeko.")
    (recalled,) = _pair(consults, body, "Yao Agbeko")
    assert recalled.date_rule == "recent" and recalled.date_precision == "vague"
    assert recalled.end_date == PUBLISHED
    assert recalled.date < "2019-05-15"  # weeks back, not the conference's Tuesday
    (conference,) = _pair(consults, body, "Ama Dogbe")
    assert conference.date == PUBLISHED


def test_a_recent_meeting_with_a_day_of_its_own_keeps_that_day(consults):
    body = "Mensah recalled his recent meeting with Togolese President Yao Agbeko on May 20."
    (recalled,) = _pair(consults, body, "Yao Agbeko")
    assert recalled.date == "2019-05-20" and recalled.date_precision == "day"


def test_a_meeting_not_called_recent_keeps_the_day_of_the_story(consults):
    body = "President Kofi Mensah met Togolese President Yao Agbeko in Lome on Monday."
    (meeting,) = _pair(consults, body, "Yao Agbeko")
    assert meeting.date == (dt.date.fromisoformat(PUBLISHED) - dt.timedelta(days=1)).isoformat()


def test_recent_needs_a_publication_day(annotate_text):
    body = "Mensah pointed to the benefits of his recent meetings with Togolese President Yao Agbeko."
    found = [m for m in annotate_text(body, None).event_mentions if m.type == "CONSULT"]
    assert all(m.date_rule != "recent" for m in found)
