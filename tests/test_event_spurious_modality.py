"""Happened-looking mentions that did not happen (issue 19), on invented text, each case with
its counter-case: an act that is only what something serves for ("was used to airdrop"),
an act under a conditional obligation ("would have an obligation to arrest"), the content of
a noun of intent ("the decision of pulling back", "the threat of sanctions"), a trend of
many acts ("increasing threats"), and brandishing what is no weapon. Types from the lexicon
alone (the `events` fixture: published 2031-03-04)."""

from __future__ import annotations

HAPPENED = ("reported", "historical")


def _happened(found, type_: str) -> list:
    return [e for e in found if e.type == type_ and e.modality in HAPPENED]


def test_what_a_plane_is_used_for_is_no_airdrop(events):
    assert not _happened(events("The cargo plane has been used in past years to airdrop food into the valley."), "AID")
    assert _happened(events("The Ghanaian air force airdropped food into the valley on Monday."), "AID")


def test_an_obligation_that_would_hold_is_no_arrest(events):
    found = events("Member states would have an obligation to arrest General Kofi Mensah if he visits their territory.")
    assert not _happened(found, "COERCE")
    assert _happened(events("Ghanaian police arrested General Kofi Mensah on Monday."), "COERCE")


def test_the_decision_of_pulling_back_is_a_plan(events):
    found = events("General Kofi Mensah proposed the decision of pulling back from the town.", "RETREAT")
    assert found and all(e.modality == "planned" for e in found)
    assert _happened(events("Ghanaian troops pulled back from the town on Monday."), "RETREAT")


def test_the_threat_of_sanctions_is_no_sanction(events):
    assert not _happened(events("Togo faced the threat of sanctions from Ghana after the vote."), "SANCTION")
    assert not _happened(events("Ghana warned of the risk of war with Togo."), "ASSAULT")
    assert _happened(events("Ghana imposed sanctions on Togo on Monday."), "SANCTION")
    assert _happened(events("Ghana imposed a new set of sanctions on Togo on Monday."), "SANCTION")


def test_increasing_threats_are_a_trend_not_one_threat(events):
    assert not _happened(events("Ghana says it is facing increasing threats from Togo."), "THREATEN")
    assert _happened(events("Togo issued a threat against Ghana on Monday."), "THREATEN")


def test_brandishing_a_document_threatens_no_one(events):
    assert not events("The minister appeared on television brandishing a document on Monday.", "THREATEN")
    assert events("Gunmen brandished rifles at the villagers on Monday.", "THREATEN")


def test_the_war_on_drugs_is_a_policy_not_a_clash(events):
    assert not events("Kofi Mensah was long regarded as a key ally in the war on drugs.", "ASSAULT")
    assert not events("The minister praised the fight against corruption on Monday.", "ASSAULT")
    assert events("Ghana's war on Togo began on Monday with air strikes on Lome.", "ASSAULT")
