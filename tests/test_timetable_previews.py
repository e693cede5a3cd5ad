"""A meeting told in the simple present over a plan of it is planned (extract/previews.py,
events `_fold_previews`); told in the past or as under way it stays reported. Invented text
on a page with no publication date, case and counter-cases."""

from __future__ import annotations

PAIR = {"Paul Kagame", "Cyril Ramaphosa"}
PLAN = " Ramaphosa will have to leave a session early to make the Kagame meeting."


def modalities(consults, body: str) -> list[str]:
    return [e.modality for e in consults(body, None) if {a.name for a in e.actors if a.kind == "person"} >= PAIR]


def test_a_present_meeting_over_a_plan_of_it_is_planned(consults):
    body = ("Eyes on Kagame and Ramaphosa as they meet for the first time at the summit\n\n"
            "Paul Kagame and Cyril Ramaphosa meet in person for the first time on Friday in Luanda." + PLAN)
    assert modalities(consults, body) == ["planned"]


def test_a_meeting_told_in_the_past_stays_reported(consults):
    body = ("Eyes on Kagame and Ramaphosa as they meet for the first time at the summit\n\n"
            "Paul Kagame and Cyril Ramaphosa met in person for the first time on Friday in Luanda." + PLAN)
    assert "reported" in modalities(consults, body)


def test_a_meeting_under_way_stays_reported(consults):
    body = "LUANDA - Paul Kagame and Cyril Ramaphosa are holding their first meeting on the sidelines of the summit." + PLAN
    assert "reported" in modalities(consults, body)


def test_a_present_meeting_with_no_plan_stays_reported(consults):
    body = ("Eyes on Kagame and Ramaphosa as they meet for the first time at the summit\n\n"
            "Paul Kagame and Cyril Ramaphosa meet in person for the first time on Friday in Luanda.")
    assert modalities(consults, body) == ["reported"]
