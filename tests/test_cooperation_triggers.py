"""Cooperation words the trigger lexicon lacked (issue 15, found on the training sentences held
out by page): an embassy reopened, work with a named partner (not a job: "a national working
with the UN"). Invented text, each case with its counter-case; types from the lexicon alone."""

from __future__ import annotations


def types(found) -> list[str]:
    return [e.type for e in found]


def test_an_embassy_reopened_is_cooperation(events):
    assert "COOPERATE" in types(events("Ghana reopened its embassy in Togo on Monday."))
    assert "COOPERATE" not in types(events("Ghana reopened its national museum on Monday."))


def test_working_with_a_partner_is_cooperation(events):
    assert "COOPERATE" in types(events("Ghana's government is working with the Red Cross to reach the flood victims."))
    assert "COOPERATE" not in types(events("Ghana's government is working on a new budget."))
    assert "COOPERATE" not in types(events("Ghana expelled a Togolese national working with the United Nations."))
