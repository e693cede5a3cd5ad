"""Trigger and generic-actor families of issue 15, sixth round, on invented text, each case
with its counter-case: captures of territory, acquittals, and an organisation told by a
generic noun ("the group", "the movement"). Types from the lexicon alone."""

from __future__ import annotations

def sources(event) -> list[str]:
    return [a.country or a.name for a in event.actors if a.role == "source"]


def test_a_town_captured_or_retaken_is_an_assault(events):
    (capture,) = events("Ghana's army recaptured the border town on Monday.", "ASSAULT")
    assert sources(capture) == ["GHA"]
    assert events("Ghana's army seized the border town on Monday.", "ASSAULT")
    assert not events("Ghana's army seized a shipment of drugs on Monday.", "ASSAULT")
    assert not events("The painting captured the mood of the Ghanaian capital.", "ASSAULT")


def test_an_acquittal_is_a_concession(events):
    assert events("A Ghanaian court acquitted the former minister on Monday.", "CONCEDE")
    assert not events("A Ghanaian court convicted the former minister on Monday.", "CONCEDE")


def test_an_organisation_told_by_a_generic_noun_is_an_actor(events):
    (release,) = events("Officials said the group had released two hostages on Monday.", "RETREAT")
    assert [a.role for a in release.actors] == ["source"]
    (blame,) = events("The movement condemned the arrests on Monday.", "ACCUSE")
    assert [a.role for a in blame.actors] == ["source"]
    assert not events("The painting of the group hung in the hall on Monday.")
