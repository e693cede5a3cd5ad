"""Plans and happenings (issue 14, family 2): a plan told in words said in the past on the
day of the meeting the article reports is its announcement, not a second meeting; what
comes "before" or "after" a future meeting is still ahead; a name in apposition to a
description ("his close friend Smith") is who takes part, not the possessor. Invented
sentences, each family with its counter-case."""

from __future__ import annotations

PAIR = {"Paul Kagame", "Cyril Ramaphosa"}


def people(event) -> set[str]:
    return {a.name for a in event.actors if a.kind == "person"}


def modalities(events, persons=PAIR) -> list[str]:
    return sorted(e.modality for e in events if people(e) >= persons)


def test_a_plan_said_earlier_on_the_day_of_the_meeting_is_its_announcement(consults):
    events = consults(
        "President Cyril Ramaphosa met President Paul Kagame in Kigali on Friday. Earlier in the day,"
        " a spokesman said that Ramaphosa and Kagame will meet in Kigali."
    )
    assert modalities(events) == ["reported"]


def test_a_plan_told_as_still_ahead_stays_beside_the_meeting(consults):
    events = consults(
        "President Paul Kagame greeted President Cyril Ramaphosa at the airport in Kigali on Friday."
        " Ramaphosa and Kagame are expected to hold talks later in the day."
    )
    assert "planned" in modalities(events)
    events = consults(
        "President Cyril Ramaphosa met President Paul Kagame in Kigali on Friday. A spokesman said"
        " that Ramaphosa and Kagame will meet again in Pretoria in July."
    )
    assert modalities(events) == ["planned", "reported"]


def test_what_follows_a_future_meeting_is_ahead_too(consults):
    events = consults(
        "President Cyril Ramaphosa and President Paul Kagame will meet in Kigali on Monday before"
        " holding a press conference."
    )
    assert "reported" not in modalities(events)
    events = consults(
        "President Cyril Ramaphosa and President Paul Kagame met in Kigali on Wednesday before"
        " holding a press conference."
    )
    assert "planned" not in modalities(events)


def test_a_name_in_apposition_is_the_participant_not_the_possessor(consults):
    events = consults(
        "President Paul Kagame spoke on Wednesday. Cyril Ramaphosa and his close friend Kagame"
        " will meet in Kigali on Monday."
    )
    assert "planned" in modalities(events)
    events = consults("Cyril Ramaphosa and his close friend will meet in Kigali on Monday.")
    assert all(people(e) <= {"Cyril Ramaphosa"} for e in events)


def test_a_title_plan_whose_meeting_the_body_reports_is_that_meeting(consults):
    events = consults(
        "Ramaphosa to meet Kagame in Kigali\n\nPresident Cyril Ramaphosa met President Paul Kagame"
        " in Kigali on Wednesday, officials said."
    )
    assert modalities(events) == ["reported"]
    events = consults(
        "Ramaphosa to meet Kagame in Kigali\n\nPresident Cyril Ramaphosa and President Paul Kagame"
        " last met in Pretoria in March 2017."
    )
    assert "planned" in modalities(events)



def test_an_implied_host_of_a_visit_under_way_is_the_meeting_reported_that_day(consults):
    met = "President Paul Kagame met President Cyril Ramaphosa in Pretoria on Friday. "
    events = consults(met + "Kagame's visit to South Africa on Friday will see trade deals signed.")
    assert modalities(events) == ["reported"]
    events = consults(met + "Ramaphosa later invited Kagame to visit South Africa.")  # an invitation: still to come
    assert modalities(events) == ["planned", "reported"]


def test_a_possessive_after_a_subject_pronoun_is_bound_to_it(consults):
    opening = "President Cyril Ramaphosa spoke with President Paul Kagame by phone on Monday. "
    events = consults(opening + "Kagame told Ramaphosa that he would raise trade during his meeting with President Yoweri Museveni.")
    assert modalities(events, {"Paul Kagame", "Yoweri Museveni"}) == ["planned"]
    assert not modalities(events, {"Cyril Ramaphosa", "Yoweri Museveni"})  # not the last person named
    events = consults(opening + "Kagame said Ramaphosa would raise trade during his meeting with President Yoweri Museveni.")
    assert modalities(events, {"Cyril Ramaphosa", "Yoweri Museveni"}) == ["planned"]


def test_the_pronoun_subject_of_what_a_named_person_said_is_that_person(consults):
    opening = "President Cyril Ramaphosa met President Paul Kagame in Kigali on Monday. Kagame told Ramaphosa that the talks went well; "
    events = consults(opening + "as a reminder, Yoweri Museveni recently confirmed he would meet with Kagame in Kampala.")
    assert modalities(events, {"Yoweri Museveni", "Paul Kagame"}) == ["planned"]  # not the sentence's first subject
    events = consults(opening + "as a reminder, Yoweri Museveni recently confirmed that Ramaphosa would meet with Kagame in Kampala.")
    assert not modalities(events, {"Yoweri Museveni", "Paul Kagame"})


def test_a_plan_told_as_the_sequel_of_the_talks_is_part_of_that_meeting(consults):
    events = consults("Vladimir Putin and Alexander Lukashenko held talks in Sochi on Monday. "
                      "After the talks, Putin and Lukashenko are planning to have lunch and ski.", "2021-02-22")
    assert [e.modality for e in events] == ["reported"] and len(events[0].evidence) >= 2


def test_a_later_summit_planned_after_the_talks_stays_a_plan(consults):
    events = consults("Vladimir Putin and Alexander Lukashenko held talks in Sochi on Monday. "
                      "After the talks, Putin and Lukashenko said they planned to hold a summit in Minsk in April.", "2021-02-22")
    assert "planned" in [e.modality for e in events]
