"""A government's statement or decision with no place of its own is placed at its seat of
government (extract/seats.py, `seat_types` of data/roles.yaml), on invented text; physical
events and acts of troops or police are not."""

from __future__ import annotations

import pytest

from chronicle.extract.seats import acting_state, seat_place
from chronicle.model import EventActor, Place

PUBLISHED = "2031-03-04"
ACCRA = Place("geonames:accra", "Accra", "city", "GHA", 5.6, -0.2)
KUMASI = Place("geonames:kumasi", "Kumasi", "city", "GHA", 6.7, -1.6)
GHANA = Place("GHA", "Ghana", "country", "GHA", 5.6, -0.2)
TOGO = Place("TGO", "Togo", "country", "TGO", 6.1, 1.2)
PLACES = {p.id: p for p in (ACCRA, KUMASI, GHANA, TOGO)}
SEATS = {"GHA": ACCRA}
TYPES = frozenset({"ACCUSE", "SANCTION", "MOBILIZE"})
SECTORS = frozenset({"GOV", "LEG", "JUD"})


def source(actor_id: str, kind: str, country: str | None) -> EventActor:
    return EventActor(actor_id, actor_id, kind, "source", country)


def place(type_: str, where: str | None, *actors: EventActor) -> str | None:
    return seat_place(type_, where, actors, PLACES, SEATS, TYPES, SECTORS)


def test_an_act_of_state_without_a_place_is_at_the_seat_of_government():
    assert place("ACCUSE", None, source("GHA", "country", "GHA")) == ACCRA.id
    assert place("SANCTION", None, source("group:gha:government", "group", "GHA")) == ACCRA.id
    assert place("ACCUSE", None, source("kb:Q1", "person", "GHA")) == ACCRA.id


def test_a_physical_event_or_an_organ_in_the_field_gets_no_seat():
    assert place("ASSAULT", None, source("GHA", "country", "GHA")) is None  # not a seat type
    assert place("SANCTION", None, source("group:gha:police", "group", "GHA")) is None  # police act where they are
    assert place("ACCUSE", None, source("kb:Q2", "person", None)) is None  # no state known
    assert place("ACCUSE", None, source("org:1", "organization", "GHA")) is None  # a party or militia, not the state
    assert place("ACCUSE", None) is None  # no source


def test_the_states_own_country_becomes_its_seat_a_stated_place_stays():
    assert place("MOBILIZE", "GHA", source("GHA", "country", "GHA")) == ACCRA.id  # "a mobilisation in Ghana"
    assert place("MOBILIZE", "TGO", source("GHA", "country", "GHA")) == "TGO"  # another country: kept
    assert place("ACCUSE", KUMASI.id, source("GHA", "country", "GHA")) == KUMASI.id  # a city the text gives


def test_a_resignation_or_release_is_at_the_seat_a_troop_withdrawal_is_not():
    def retreat(*actors: EventActor) -> str | None:
        return seat_place("RETREAT", None, actors, PLACES, SEATS, TYPES, SECTORS, frozenset({"RETREAT"}), frozenset({"MIL", "POL"}))

    assert retreat(source("kb:Q1", "person", "GHA")) == ACCRA.id  # "the prime minister resigned"
    prisoners = EventActor("group:gha:prisoner", "prisoners", "group", "target", "GHA")
    assert retreat(source("GHA", "country", "GHA"), prisoners) == ACCRA.id  # "Ghana freed prisoners"
    troops = EventActor("group:gha:troop", "troops", "group", "target", "GHA")
    assert retreat(source("GHA", "country", "GHA"), troops) is None  # "Ghana withdrew its troops": where they were
    assert place("RETREAT", None, source("GHA", "country", "GHA")) is None  # not a seat type without the field rule


def test_sources_of_two_states_have_no_one_seat():
    assert acting_state([source("GHA", "country", "GHA"), source("TGO", "country", "TGO")], SECTORS) is None
    assert acting_state([source("GHA", "country", "GHA"), source("group:gha:parliament", "group", "GHA")], SECTORS) == "GHA"


@pytest.fixture(scope="module")
def events(annotate_text):
    def run(body: str, type_: str):
        annotation = annotate_text(body, PUBLISHED)
        names = {p.id: p.name for p in annotation.places}
        return [(e, names.get(e.place)) for e in annotation.event_mentions if e.type == type_]

    return run


def test_an_accusation_by_a_government_is_placed_at_its_capital(events):
    found = events("Ghana accused Togo of harbouring smugglers on Monday.", "ACCUSE")
    assert found and found[0][1] == "Accra"
    attacks = events("Ghana shelled rebel positions on Monday.", "ASSAULT")
    assert attacks and all(name != "Accra" for _, name in attacks)  # an attack needs a place of its own


def test_an_attack_on_a_city_happened_there(events):
    found = events("Hezbollah launched drone attacks on Haifa in retaliation for Israeli airstrikes on Sidon.", "ASSAULT")
    assert found and found[0][1] == "Haifa"  # the city it hit, not the one another strike hit
    counter = events("Hezbollah launched drone attacks on Israel in retaliation for Israeli airstrikes on Sidon.", "ASSAULT")
    assert counter and all(name not in ("Haifa", "Sidon") for _, name in counter)  # a country hit names no city


def test_a_place_of_another_event_in_the_sentence_is_not_this_ones(events):
    (expulsion,) = events("Ghana expelled three Togolese diplomats in response to the bombing of a market in Kumasi.", "SANCTION")
    assert expulsion[1] == "Accra"  # Kumasi is where the bombing was: the expulsion is Ghana's seat's
    (counter,) = events("Ghana expelled three Togolese diplomats at a ceremony in Kumasi.", "SANCTION")
    assert counter[1] == "Kumasi"  # its own place


def test_a_release_is_at_the_capital_a_troop_withdrawal_where_the_troops_were(events):
    found = events("Ghana released 20 prisoners on Monday.", "RETREAT")
    assert found and found[0][1] == "Accra"
    counter = events("Ghana withdrew its troops on Monday.", "RETREAT")
    assert counter and all(name != "Accra" for _, name in counter)  # troops named in the trigger's arguments


# ----------------------------------------------------------------------------- bodies that sit in one place

HAGUE = Place("geonames:hague", "The Hague", "city", "NLD", 52.1, 4.3)


def test_an_act_of_a_body_with_a_seat_of_its_own_is_at_that_seat():
    from chronicle.extract.seats import acting_body

    court = EventActor("world-court", "World Court", "organization", "source")
    seats = {**SEATS, "world-court": HAGUE}
    assert acting_body([court], seats) == "world-court"
    assert seat_place("ACCUSE", None, [court], {**PLACES, HAGUE.id: HAGUE}, seats, TYPES, SECTORS) == HAGUE.id


def test_a_body_without_a_seat_or_beside_another_source_gets_none():
    from chronicle.extract.seats import acting_body

    bloc = EventActor("sahel-bloc", "Sahel Bloc", "organization", "source")
    court = EventActor("world-court", "World Court", "organization", "source")
    seats = {**SEATS, "world-court": HAGUE}
    assert acting_body([bloc], seats) is None  # meets wherever its summit is
    assert acting_body([court, source("GHA", "country", "GHA")], seats) is None
    assert seat_place("ASSAULT", None, [court], PLACES, seats, TYPES, SECTORS) is None  # not a seat type


def test_body_seats_take_the_largest_city_of_the_name():
    from chronicle.extract.seats import body_seats

    small = Place("geonames:hague-town", "The Hague", "city", "USA", 0, 0)
    named = {"The Hague": [HAGUE, small]}
    assert body_seats((("world-court", "The Hague"), ("nowhere", "Atlantis")), lambda n: named.get(n, [])) == {"world-court": HAGUE}


def test_the_security_council_adopts_its_resolutions_in_new_york(annotate_text):
    found = [e for e in annotate_text("The UN Security Council on Monday adopted a resolution demanding a ceasefire in the region.",
                                      PUBLISHED).event_mentions if any(a.id == "unsc" for a in e.actors)]
    assert found and found[0].place == "geonames:5128581"
