"""A meeting told as a step of another ("The meeting was preceded by a discussion with X"):
the guest of the meeting referred back to is the other participant (issue 14). Invented
sentences with the packaged KB, each case with its counter-case."""

from __future__ import annotations

LEAD = "Narendra Modi held talks with Vladimir Putin in Moscow on Tuesday. "


def people(event) -> list[str]:
    return sorted(a.name for a in event.actors if a.kind == "person")


def test_a_discussion_preceding_the_meeting_is_the_guests(consults):
    events = consults(LEAD + "The meeting was preceded by a two-hour discussion with Sergei Lavrov.")
    assert ["Narendra Modi", "Sergei Lavrov"] in [people(e) for e in events]


def test_a_discussion_following_the_meeting_is_the_guests(consults):
    events = consults(LEAD + "A discussion with Sergei Lavrov followed the meeting.")
    assert ["Narendra Modi", "Sergei Lavrov"] in [people(e) for e in events]


def test_a_discussion_not_told_as_a_step_of_the_meeting_takes_no_guest(consults):
    events = consults(LEAD + "A discussion with Sergei Lavrov is planned.")
    assert ["Narendra Modi", "Sergei Lavrov"] not in [people(e) for e in events]


def test_no_guest_when_all_are_compatriots(consults):
    events = consults("Sergei Lavrov held talks with Vladimir Putin in Moscow on Tuesday. The meeting was "
                      "preceded by a discussion with Sergei Shoigu.")
    assert all(len(people(e)) <= 2 for e in events)
    assert ["Sergei Lavrov", "Sergei Shoigu"] not in [people(e) for e in events]
