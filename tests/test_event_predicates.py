"""Events told without an event word (issue 19, e19d), on invented text, each case with
its counter-case: a copula and an adjective ("was critical of X", "was supportive of X",
"found the plan unacceptable"), asking forgiveness (an apology), a war waged on someone.
Types come from the lexicon alone (the trained classifier has its own tests)."""

from __future__ import annotations

def names(event, role: str) -> list[str]:
    return [a.name for a in event.actors if a.role == role]


def test_a_critical_copula_is_an_accusation(events):
    (criticism,) = events("Western governments have been especially critical of Kofi Mensah.", "ACCUSE")
    assert names(criticism, "target") == ["Kofi Mensah"] and names(criticism, "source")
    assert events("The critical report on Kofi Mensah was published on Monday.", "ACCUSE") == []
    assert events("The talks were critical for Ghana.", "ACCUSE") == []


def test_a_supportive_copula_is_support(events):
    (support,) = events("Ghana was supportive of the airdrops, officials said.", "SUPPORT")
    assert [a.country for a in support.actors if a.role == "source"] == ["GHA"]
    assert events("Ghana was silent on the airdrops, officials said.", "SUPPORT") == []


def test_finding_a_plan_unacceptable_is_a_rejection(events):
    (rejection,) = events("Ghana found the timetable unacceptable.", "REJECT")
    assert [a.country for a in rejection.actors if a.role == "source"] == ["GHA"]
    assert events("Ghana found the timetable on Monday.", "REJECT") == []


def test_asking_forgiveness_is_an_apology(events):
    (apology,) = events("Kofi Mensah asked forgiveness from the victims of the war on Monday.", "CONCEDE")
    assert names(apology, "source") == ["Kofi Mensah"]
    assert events("Kofi Mensah asked for patience on Monday.", "CONCEDE") == []


def test_a_war_waged_on_someone_is_an_assault(events):
    (war,) = events("Togo's war on Benin entered its third month on Monday.", "ASSAULT")
    assert [a.country for a in war.actors if a.role == "source"] == ["TGO"]
    assert [a.country for a in war.actors if a.role == "target"] == ["BEN"]
    assert events("The war years left Togo poor.", "ASSAULT") == []


def test_a_deadline_given_is_a_threat(events):
    (threat,) = events("Togo's defense ministry gave Benin's army a deadline on Monday to lay down arms.", "THREATEN")
    assert [a.country for a in threat.actors if a.role == "target"] == ["BEN"]
    assert events("Ghana met the deadline on Monday.", "THREATEN") == []


def test_mended_ties_are_support(events):
    (support,) = events("Togo mended ties with Benin last year.", "SUPPORT")
    assert {a.country for a in support.actors} == {"TGO", "BEN"}
    assert events("Togo mended roads near Benin last year.", "SUPPORT") == []


def test_speaking_out_against_someone_is_criticism(events):
    (criticism,) = events("Kofi Mensah spoke out against Togo's policy on Monday.", "ACCUSE")
    assert [a.country for a in criticism.actors if a.role == "target"] == ["TGO"]
    assert events("Kofi Mensah spoke out on Monday.", "ACCUSE") == []


def test_activated_air_defences_are_a_mobilization(events):
    (alert,) = events("Benin activated its air defense systems at midnight.", "MOBILIZE")
    assert [a.country for a in alert.actors if a.role == "source"] == ["BEN"]
    assert events("Benin activated its new passport system at midnight.", "MOBILIZE") == []


def test_an_evacuation_order_is_coercion(events):
    (order,) = events("The Togolese army issued an order for the evacuation of residents from central Lome.", "COERCE")
    assert [a.country for a in order.actors if a.role == "source"] == ["TGO"]
    assert events("The Togolese army issued an order on Monday.", "COERCE") == []


def test_a_result_disputed_by_someone_is_rejected(events):
    (rejection,) = events("The victory claimed by President Kofi Mensah but disputed by the opposition was certified on Monday.", "REJECT")
    roles = {a.role: a.name for a in rejection.actors}
    assert sorted(roles) == ["source", "target"] and "Mensah" in roles["target"]  # aimed at the claimant
    assert events("The victory claimed by President Kofi Mensah was certified on Monday.", "REJECT") == []


def test_opposition_to_a_bid_is_a_rejection(events):
    (rejection,) = events("Ghana's opposition to the bid hardened.", "REJECT")
    assert [a.country for a in rejection.actors if a.role == "source"] == ["GHA"]
    assert events("The opposition won the vote in Ghana.", "REJECT") == []


def test_blame_told_as_reported_speech_is_an_accusation(events):
    (charge,) = events("Kofi Mensah said on Monday that Togo was behind the attack on the border post.", "ACCUSE")
    assert names(charge, "source") == ["Kofi Mensah"]
    assert [a.country for a in charge.actors if a.role == "target"] == ["TGO"]
    assert events("Kofi Mensah said on Monday that Togo was in talks with Benin.", "ACCUSE") == []
    assert events("Kofi Mensah said he knew who was behind the attack.", "ACCUSE") == []  # nested deeper


def test_a_demand_told_as_reported_speech_is_a_request(events):
    (demand,) = events("Kofi Mensah said on Monday that Togo should open the border to traders.", "REQUEST")
    assert names(demand, "source") == ["Kofi Mensah"]
    assert [a.country for a in demand.actors if a.role == "target"] == ["TGO"]
    assert events("Kofi Mensah said on Monday that the border will open next week.", "REQUEST") == []
    assert events("Kofi Mensah said we must remain calm.", "REQUEST") == []  # the speaker's own side
