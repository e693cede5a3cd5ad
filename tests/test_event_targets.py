"""Whom an event is aimed at when the trigger's words leave it unsaid (issue 19,
extract/targets.py), and an office a tagger took for a name (extract/article_actors.py): on
invented text, each case with its counter-case."""

from __future__ import annotations


def countries(event, role: str) -> list[str | None]:
    return [a.country for a in event.actors if a.role == role]


def test_the_actor_a_request_asks_to_act_is_its_target(events):
    (request,) = events("Ghana and Benin called for the Togolese government to release voting records.", "REQUEST")
    assert countries(request, "target") == ["TGO"] and sorted(countries(request, "source")) == ["BEN", "GHA"]
    (request,) = events("Ghana and Benin have called for Togo to release voting records.", "REQUEST")  # a for-to clause
    assert countries(request, "target") == ["TGO"]
    (counter,) = events("Ghana and Benin called for calm in the capital.", "REQUEST")
    assert countries(counter, "target") == []


def test_a_protest_with_no_target_is_aimed_at_its_state(events):
    (protest,) = events("Togolese students protested in Kara on Monday.", "PROTEST")
    assert countries(protest, "target") == ["TGO"]
    (counter,) = events("Togolese students protested against the new tuition fees on Monday.", "PROTEST")
    assert countries(counter, "target") == []


def test_a_protest_by_a_state_organ_is_not_aimed_at_its_state(events):
    found = events("Togolese soldiers protested over unpaid wages in Kara.", "PROTEST")
    assert all("TGO" not in countries(e, "target") for e in found)


def test_an_office_the_tagger_took_for_a_name_is_its_country_s(events):
    (accusation,) = events("Togo's Foreign Ministry accused Ghana of sheltering the rebels.", "ACCUSE")
    assert countries(accusation, "source") == ["TGO"] and countries(accusation, "target") == ["GHA"]
    (counter,) = events("The Foreign Ministry accused Ghana of sheltering the rebels.", "ACCUSE")
    assert "TGO" not in countries(counter, "source")


def test_a_state_organ_in_a_capital_is_that_state_s(events):
    (accusation,) = events("Ghana strongly criticised the government in Lome on Monday.", "ACCUSE")
    assert countries(accusation, "source") == ["GHA"] and countries(accusation, "target") == ["TGO"]
    (counter,) = events("Ghana strongly criticised the government in Kara on Monday.", "ACCUSE")
    assert countries(counter, "target") != ["TGO"]  # Kara is no seat: the phrase writes no country


def test_the_verb_carrying_a_directed_event_noun_gives_its_target(events):
    (warning,) = events("Ghana delivered an ultimatum to Togo on Monday.", "THREATEN")
    assert countries(warning, "target") == ["TGO"]
    (support,) = events("Ghana gave its full support to Togo on Monday.", "SUPPORT")
    assert countries(support, "target") == ["TGO"]
    (counter,) = events("Ghana gave its full support on Monday.", "SUPPORT")
    assert countries(counter, "target") == []


def test_the_owner_of_a_noun_of_aspect_does_the_event_after_its_of(events):
    (strikes,) = events("The talks followed Togo's intensification of airstrikes in late September.", "ASSAULT")
    assert countries(strikes, "source") == ["TGO"]
    found = events("The talks followed Togo's condemnation of the airstrikes in late September.", "ASSAULT")
    assert all("TGO" not in countries(e, "source") for e in found)  # an event noun of its own: Togo condemns


def test_its_leader_after_an_organization_is_the_organization_s(events):
    text = ("Ghanaian President John Mahama condemned the raid. The Red Valley Front has stepped up attacks in the "
            "region, and its leader released a video last month threatening to kidnap girls from schools.")
    (threat,) = events(text, "THREATEN")
    assert [a.name for a in threat.actors if a.role == "source"] == ["The Red Valley Front"]
    counter = "Ghanaian President John Mahama condemned the raid. Ghana said on Monday that its president would visit Togo."
    (visit,) = events(counter, "CONSULT")
    assert "John Mahama" in [a.name for a in visit.actors]  # "its" after a country: the state's president
