"""A meeting inside a gerund after a preposition of an infinitive chain takes the chain's
framing (extract/framing.py `gerund_in_infinitive`): invented text, case and counter-case."""

from __future__ import annotations

PAIR = {"Paul Kagame", "Cyril Ramaphosa"}


def modalities(events) -> list[str]:
    return [e.modality for e in events if {a.name for a in e.actors if a.kind == "person"} >= PAIR]


def test_a_meeting_under_a_planned_infinitive_chain_is_planned(consults):
    events = consults("Cyril Ramaphosa plans to move toward easing tensions at his meeting with Paul Kagame.")
    assert modalities(events) == ["planned"]


def test_a_meeting_under_a_gerund_of_a_past_clause_is_reported(consults):
    events = consults("Cyril Ramaphosa moved toward easing tensions at his meeting with Paul Kagame on Monday.")
    assert modalities(events) == ["reported"]
