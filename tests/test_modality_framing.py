"""What the words around a meeting say of its reality (issue 14, family 2;
extract/framing.py): conditions on a plan, event nouns as objects of planning, considering
or refusing verbs, a visit told as current, habits and plural owners; invented sentences,
each family with its counter-case."""

from __future__ import annotations

PAIR = {"Paul Kagame", "Cyril Ramaphosa"}


def people(event) -> set[str]:
    return {a.name for a in event.actors if a.kind == "person"}


def modalities(events, persons=PAIR) -> list[str]:
    return [e.modality for e in events if people(e) >= persons]


def test_a_plan_on_a_condition_is_hypothetical(consults):
    events = consults("Cyril Ramaphosa will meet Paul Kagame in Kigali if the talks in Doha succeed.")
    assert modalities(events) == ["hypothetical"]
    events = consults('"Of course I will meet Paul Kagame if he wants to meet," Cyril Ramaphosa said.')
    assert "planned" not in modalities(events, {"Paul Kagame"})


def test_a_plan_without_a_condition_stays_planned(consults):
    assert modalities(consults("Cyril Ramaphosa will meet Paul Kagame in Kigali on Tuesday.")) == ["planned"]
    assert modalities(consults("Cyril Ramaphosa said he wants to meet Paul Kagame in Kigali.")) == ["planned"]


def test_an_event_noun_takes_the_modality_of_the_verb_it_is_the_object_of(consults):
    assert modalities(consults("Cyril Ramaphosa has been granted an audience with Paul Kagame."), {"Paul Kagame"}) == ["planned"]
    assert modalities(consults("Cyril Ramaphosa scheduled talks with Paul Kagame."), {"Paul Kagame"}) == ["planned"]
    assert modalities(consults("Cyril Ramaphosa ruled out talks with Paul Kagame."), {"Paul Kagame"}) == ["negated"]
    assert modalities(consults("Cyril Ramaphosa declined a meeting with Paul Kagame."), {"Paul Kagame"}) == ["negated"]
    events = consults("Cyril Ramaphosa is considering a trip to Kigali.")
    assert [e.modality for e in events] == ["hypothetical"]


def test_a_past_date_outweighs_a_verb_of_planning(consults):
    events = consults("Cyril Ramaphosa was granted an audience with Paul Kagame in Kigali on Monday.")
    assert modalities(events, {"Paul Kagame"}) == ["reported"]
    events = consults("Cyril Ramaphosa will be granted an audience with Paul Kagame in Kigali next Monday.")
    assert modalities(events, {"Paul Kagame"}) == ["planned"]


def test_a_judgement_of_a_meeting_or_a_verb_of_holding_it_says_it_happened(consults):
    events = consults("Cyril Ramaphosa said he considered the meeting with Paul Kagame to be a good start.")
    assert modalities(events, {"Paul Kagame"}) == ["reported"]
    assert modalities(consults("Cyril Ramaphosa held talks with Paul Kagame.")) == ["reported"]


def test_a_visit_told_as_current_is_reported_whatever_future_follows(consults):
    events = consults(
        "Paul Kagame arrived in Pretoria on Friday. The two leaders will discuss trade during the"
        " current visit of the Rwandan president, Cyril Ramaphosa said."
    )
    assert modalities(events) == ["reported"]
    events = consults(
        "Paul Kagame arrived in Pretoria on Friday. The two leaders will discuss trade during the"
        " next visit of the Rwandan president, Cyril Ramaphosa said."
    )
    assert "planned" in modalities(events)


def test_what_someone_would_always_do_is_no_plan(consults):
    events = consults("Cyril Ramaphosa said South Africa would always receive Paul Kagame as a guest when he retired.")
    assert "planned" not in modalities(events, {"Paul Kagame"})
    events = consults("Cyril Ramaphosa said South Africa would receive Paul Kagame as a guest in July.")
    assert "planned" in modalities(events, {"Paul Kagame"})


def test_their_commitment_to_meet_is_a_plan_of_the_pair_just_named(consults):
    events = consults(
        "Cyril Ramaphosa spoke by phone with Paul Kagame on Friday and they expressed their commitment"
        " to meet at the summit in Luanda."
    )
    assert sorted(modalities(events)) == ["planned", "reported"]


def test_meeting_a_challenge_is_no_meeting(consults):
    events = consults("We want to deepen our co-operation to meet the shared challenges, Cyril Ramaphosa told Paul Kagame.")
    assert not [e for e in events if e.modality == "planned"]


def test_a_handshake_ahead_of_the_summit_the_article_reports_is_that_summit(consults):
    events = consults(
        "Cyril Ramaphosa met Paul Kagame in Kigali on Friday. Ramaphosa shakes hands with Kagame ahead of"
        " their summit in Kigali on Friday."
    )
    assert modalities(events) == ["reported"]
    events = consults("Ramaphosa shook hands with Paul Kagame in Luanda ahead of their summit in Kigali next month.")
    assert "planned" in modalities(events, {"Paul Kagame"})


def test_looking_forward_to_a_meeting_the_article_then_reports_is_that_meeting(consults):
    events = consults(
        "Dining with Joao Lourenco in Kigali on Sunday, Cyril Ramaphosa said he was looking forward to meeting"
        " Paul Kagame. On Monday, Ramaphosa met Kagame at the palace.",
        published="2019-06-10",
    )
    assert modalities(events) == ["reported"]
    events = consults(
        "Dining with Joao Lourenco in Kigali on Sunday, Cyril Ramaphosa said he was looking forward to meeting"
        " Paul Kagame. Ramaphosa met Kagame at the palace last year.",
        published="2019-06-10",
    )
    assert sorted(modalities(events)) == ["historical", "planned"]


def test_will_talk_to_someone_is_a_planned_contact(consults):
    assert modalities(consults("Cyril Ramaphosa says he will talk to Paul Kagame after the vote.")) == ["planned"]
    assert modalities(consults("Cyril Ramaphosa says he will talk about Paul Kagame after the vote.")) == []


def test_more_talks_the_next_day_continue_the_meeting_reported(consults):
    first = "Paul Kagame and Cyril Ramaphosa held talks in Pretoria on Friday. "
    events = consults(first + "Kagame and Ramaphosa were expected to have more discussions Saturday over lunch.",
                      published="2019-06-08")
    assert modalities(events) == ["reported"]
    events = consults(first + "Kagame and Ramaphosa were expected to have more discussions next month in Kigali.",
                      published="2019-06-08")
    assert sorted(modalities(events)) == ["planned", "reported"]


def test_rejecting_a_demand_does_not_undo_it(annotate_with_lexicon):
    # the lexicon's frames: the trained typing may drop the ultimatum as a second event the
    # sentence does not assert; what is pinned here is that the refusal does not negate it
    events = annotate_with_lexicon("Rwanda rejected a Ugandan ultimatum to surrender the town of Goma.", "2019-06-07").event_mentions
    assert [e.modality for e in events if e.type == "THREATEN"] == ["reported"]
