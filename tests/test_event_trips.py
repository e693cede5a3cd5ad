"""Trips and their aims (issue 14, family 2): "arrived in X for talks with Y" is told with
the journey, unless the article says the talks are still ahead; invented sentences."""

from __future__ import annotations

HAPPENED = ("reported", "historical")


def people(event) -> set[str]:
    return {a.name for a in event.actors if a.kind == "person"}


PAIR = {"Paul Kagame", "Cyril Ramaphosa"}


def test_a_trip_for_talks_the_article_says_are_ahead_is_a_plan(consults):
    events = consults(
        "Paul Kagame arrived in Pretoria on Friday for talks with Cyril Ramaphosa. "
        "Kagame will meet Ramaphosa at the Union Buildings later today."
    )
    assert [e.modality for e in events if people(e) == PAIR] == ["planned"]
    assert all(people(e) != PAIR for e in events if e.modality in HAPPENED)  # no host implied by the arrival either


def test_a_trip_for_talks_told_alone_reports_the_talks(consults):
    events = consults("Paul Kagame arrived in Pretoria on Friday for talks with Cyril Ramaphosa.")
    assert any(people(e) == PAIR and e.modality in HAPPENED for e in events)


def test_a_trip_for_talks_the_article_reports_is_one_meeting(consults):
    events = consults(
        "Paul Kagame flew to Pretoria for talks with Cyril Ramaphosa. "
        "Kagame met Ramaphosa on Thursday and discussed trade."
    )
    assert [e.modality for e in events if people(e) == PAIR] == ["reported"]


def test_arriving_for_a_visit_is_the_visit_not_its_aim(consults):
    (event,) = [e for e in consults("Paul Kagame arrived in Pretoria on Thursday for a state visit.") if "Paul Kagame" in people(e)]
    assert event.modality == "reported"


def test_a_visit_for_meetings_with_others_implies_no_host(consults):
    events = consults("Paul Kagame is visiting South Africa for meetings with business leaders.")
    assert all(people(e) <= {"Paul Kagame"} for e in events)


def test_a_visit_with_no_stated_counterpart_still_implies_its_host(consults):
    events = consults("Paul Kagame arrived in South Africa on Thursday for a three-day state visit.")
    assert any(people(e) == PAIR for e in events)


def test_an_arrival_to_hold_talks_with_someone_implies_no_host(annotate_text):
    text = ("Emmanuel Macron met Emperor Naruhito at the palace in Tokyo on Monday morning.\n\nMacron arrived in Japan "
            "on Sunday, to hold talks with Japanese Prime Minister Fumio Kishida and attend a summit.")
    events = [e for e in annotate_text(text, "2022-05-23").event_mentions if e.type == "CONSULT"]
    sunday = [sorted(a.name for a in e.actors if a.kind == "person") for e in events
              if e.date == "2022-05-22" and e.modality == "reported"]
    assert sunday == [["Emmanuel Macron"]]  # the arrival; the talks with Kishida are its aim, planned
    assert any(e.modality == "planned" and "Fumio Kishida" in {a.name for a in e.actors} for e in events)


def test_an_arrival_for_a_state_visit_meets_the_host(annotate_text):
    events = [e for e in annotate_text("Emmanuel Macron arrived in Japan on Sunday for a three-day state visit.",
                                       "2019-06-07").event_mentions if e.type == "CONSULT"]
    assert [sorted(a.name for a in e.actors if a.kind == "person") for e in events] == [["Emmanuel Macron", "Shinzo Abe"]]
