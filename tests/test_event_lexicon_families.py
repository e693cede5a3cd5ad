"""Trigger families found on plover_dev's train part (issue 15, fifth round), on invented
text, each case with its counter-case: a reply's "with" noun done by the subject, a passive
subject doing its open complement, nouns handed in, approval given, forces
kept on alert and projectiles fired into the sea. Types from the lexicon alone."""

from __future__ import annotations

def sources(event) -> list[str]:
    return [a.country or a.name for a in event.actors if a.role == "source"]


def test_the_subject_of_a_reply_does_the_noun_after_with(events):
    (threat,) = events("Ghana responded with threats of sanctions against Togo on Monday.", "THREATEN")
    assert sources(threat) == ["GHA"]
    assert not [e for e in events("Ghana condemned the threats of sanctions on Monday.", "THREATEN") if "GHA" in sources(e)]


def test_a_passive_subject_does_its_open_complement(events):
    (resignation,) = events("Ghana's finance minister was forced to resign on Monday.", "RETREAT")
    assert sources(resignation) == ["GHA"]
    (arrest,) = events("Ghana's finance minister was arrested on Monday.", "COERCE")
    assert "GHA" in [a.country for a in arrest.actors if a.role == "target"]


def test_a_resignation_handed_in_is_done_by_the_subject(events):
    (resignation,) = events("Ghana's finance minister handed in his resignation on Monday.", "RETREAT")
    assert sources(resignation) == ["GHA"]
    assert not events("Ghana's finance minister handed in a report on Monday.", "RETREAT")


def test_approval_given_is_support(events):
    (backing,) = events("Ghana's parliament gave its approval to the treaty on Monday.", "SUPPORT")
    assert sources(backing) == ["GHA"]
    assert not events("Ghana's parliament gave money to the flood victims on Monday.", "SUPPORT")


def test_forces_kept_on_alert_are_mobilized(events):
    (alert,) = events("Ghana's army remained on high alert on Monday.", "MOBILIZE")
    assert sources(alert) == ["GHA"]
    assert not events("Ghana's army remained in its barracks on Monday.", "MOBILIZE")


def test_a_projectile_fired_into_the_sea_is_a_weapons_test(events):
    (test,) = events("Iran fired a projectile into the sea on Monday.", "MOBILIZE")
    assert sources(test) == ["IRN"]
    assert not events("Iran fired a projectile at a tanker on Monday.", "MOBILIZE")


def test_a_refused_backing_is_a_rejection(events):
    assert [e.type for e in events("Belgium said it would not recognise the results of the election.")] == ["REJECT"]
    assert [e.type for e in events("Belgium recognised the results of the election.")] == ["SUPPORT"]


def test_diplomats_asked_to_leave_are_expelled(events):
    assert events("The United States asked 12 Russian diplomats to leave the country.", "SANCTION")
    asked = events("The United States asked Russian diplomats to attend the ceremony.")
    assert "REQUEST" in [e.type for e in asked] and "SANCTION" not in [e.type for e in asked]


def test_a_courtesy_call_is_a_visit(events):
    (visit,) = events("Kenya's foreign minister paid a courtesy call on Ugandan President Yoweri Museveni.", "CONSULT")
    assert visit.mode == "VISIT"
    assert not events("Kenya's foreign minister paid a fine on Monday.", "CONSULT")


def test_a_carrier_strike_group_sent_is_a_mobilization(events):
    assert events("The United States sent an aircraft carrier strike group to the Gulf.", "MOBILIZE")
    assert not events("The United States sent a group of experts to the Gulf.", "MOBILIZE")


def test_acts_repeated_in_the_perfect_are_reported(events):
    (rejection,) = events("Ghana has repeatedly ruled out talks with the rebels.", "REJECT")
    assert rejection.modality == "reported" and sources(rejection) == ["GHA"]
    assert not events("Ghana rules out such talks regularly.", "REJECT")  # a habit, not an act
