"""Invitations to come back (issue 14, family 2): "X invited Y to visit again" is a
courtesy, not a planned meeting; "X invited Y to visit Z" stays a plan; invented sentences."""

from __future__ import annotations

PAIR = {"Paul Kagame", "Cyril Ramaphosa"}


def people(event) -> set[str]:
    return {a.name for a in event.actors if a.kind == "person"}


def test_an_invitation_to_come_back_is_no_planned_meeting(consults):
    events = consults("Cyril Ramaphosa invited Paul Kagame to visit South Africa again.")
    assert not [e for e in events if people(e) == PAIR and e.modality == "planned"]


def test_an_invitation_to_visit_stays_a_plan(consults):
    events = consults("Cyril Ramaphosa invited Paul Kagame to visit South Africa.")
    assert [e.modality for e in events if people(e) == PAIR] == ["planned"]


def test_the_inviter_is_the_one_to_be_visited(consults):
    events = consults("Cyril Ramaphosa said he would invite Paul Kagame to visit him in Pretoria.")
    assert [e.modality for e in events if people(e) == PAIR] == ["planned"]
    events = consults("Cyril Ramaphosa invited Paul Kagame to visit.")
    assert [e.modality for e in events if people(e) == PAIR] == ["planned"]


def test_an_invitation_to_meet_someone_else_does_not_add_the_inviter(consults):
    events = consults("Cyril Ramaphosa invited Paul Kagame to meet Joao Lourenco.")
    assert not [e for e in events if "Cyril Ramaphosa" in people(e)]
