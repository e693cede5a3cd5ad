"""Where an event took place: the place phrases, landmarks, datelines and trips that give a
meeting its place, and the ones that do not (issue 14, family 4). Invented sentences."""

from __future__ import annotations

import pytest

PUBLISHED = "2023-03-08"  # a Wednesday
DATELINE = "DURBAN - Australian Prime Minister Anthony Albanese {} South African President Cyril Ramaphosa {}."


@pytest.fixture(scope="module")
def extract(annotate_text):
    return lambda body, published=PUBLISHED: annotate_text(body, published)


def meeting(annotation, *surnames):
    """The one CONSULT mention naming all `surnames`, and the name of its place."""
    found = [
        e for e in annotation.event_mentions
        if e.type == "CONSULT" and all(any(s in a.name for a in e.actors) for s in surnames)
    ]
    assert len(found) == 1, [(e.type, [a.name for a in e.actors]) for e in annotation.event_mentions]
    places = {p.id: p.name for p in annotation.places}
    return found[0], places.get(found[0].place)


RT = ("Ramaphosa", "Tinubu")
TP = ("Tokayev", "Pashinyan")
AR = ("Albanese", "Ramaphosa")


@pytest.mark.parametrize(
    "text, published, surnames, city",
    [
        pytest.param("Cyril Ramaphosa met Bola Tinubu on Monday in the coastal city of Durban.", PUBLISHED, RT, "Durban", id="city-of"),
        pytest.param("Cyril Ramaphosa held talks with Bola Tinubu on Monday at the seaside resort town of Mombasa.", PUBLISHED, RT, "Mombasa", id="resort-town-of"),
        pytest.param("Cyril Ramaphosa met Bola Tinubu on Monday on the outskirts of Lagos.", PUBLISHED, RT, "Lagos", id="outskirts-of"),
        pytest.param("Cyril Ramaphosa met Bola Tinubu on Monday in the presidential Aso Rock complex.", PUBLISHED, RT, "Abuja", id="landmark-complex"),
        pytest.param("Cyril Ramaphosa met Bola Tinubu on Monday at a Lagos hotel.", PUBLISHED, RT, "Lagos", id="a-city-naming-the-venue"),
        pytest.param("The Nairobi summit between Cyril Ramaphosa and Bola Tinubu ended on Monday.", PUBLISHED, RT, "Nairobi", id="city-names-trigger"),
        pytest.param("The Kenya summit between Cyril Ramaphosa and Bola Tinubu ended on Monday.", PUBLISHED, RT, None, id="country-names-trigger"),
        pytest.param("Anthony Albanese met Cyril Ramaphosa at the Union Buildings on Monday.", PUBLISHED, AR, "Pretoria", id="landmark-as-org"),
        pytest.param("Cyril Ramaphosa welcomed Anthony Albanese to the Union Buildings on Monday for talks.", PUBLISHED, AR, "Pretoria", id="welcomed-to"),
        pytest.param("Reporters waited in Almaty, where Kassym-Jomart Tokayev met Nikol Pashinyan on Monday.", PUBLISHED, TP, "Almaty", id="where-clause"),
        pytest.param("Nikol Pashinyan, who was in Paris last week, met Kassym-Jomart Tokayev on Monday.", PUBLISHED, TP, None, id="relative-clause"),
        pytest.param("After arriving in Astana, Nikol Pashinyan met Kassym-Jomart Tokayev on Monday.", PUBLISHED, TP, "Astana", id="own-clause"),
        pytest.param("Nikol Pashinyan spoke by phone with Kassym-Jomart Tokayev from Yerevan on Monday.", PUBLISHED, TP, None, id="phone"),
        pytest.param("Nikol Pashinyan visited Almaty on Tuesday and met Kassym-Jomart Tokayev.", PUBLISHED, TP, "Almaty", id="visited-and-met"),
        pytest.param(
            "Nikol Pashinyan held talks with Kassym-Jomart Tokayev on the situation in Nagorno-Karabakh and Baku on Monday.",
            PUBLISHED, TP, None, id="a-topic-is-no-place",
        ),
        pytest.param(
            "Nikol Pashinyan met Kassym-Jomart Tokayev on Monday to discuss refugees arriving in Almaty.",
            PUBLISHED, TP, None, id="someone-elses-journey",
        ),
        pytest.param("Nikol Pashinyan flew to Astana on Monday. He met Kassym-Jomart Tokayev at the palace.", PUBLISHED, TP, "Astana", id="trip-before"),
        pytest.param("Cyril Ramaphosa met Bola Tinubu on Monday before flying to Nairobi.", PUBLISHED, RT, None, id="trip-after"),
        pytest.param(
            "Anthony Albanese met Kassym-Jomart Tokayev on Monday. It was his first visit to Kazakhstan. "
            "Officials in Astana called the talks useful.", PUBLISHED, ("Albanese", "Tokayev"), "Astana", id="visit-next-sentence",
        ),
        pytest.param(DATELINE.format("met", "in South Africa on Wednesday"), PUBLISHED, AR, "Durban", id="country-to-dateline"),
        pytest.param(DATELINE.format("met", "on Wednesday"), None, AR, "Durban", id="undated-article-dateline"),
        pytest.param(DATELINE.format("first met", "in March 2019"), None, AR, None, id="undated-article-old-meeting"),
        pytest.param(
            DATELINE.format("met", "on Wednesday") + " During the meeting in London, the two leaders agreed on trade.",
            PUBLISHED, AR, "London", id="a-stated-place-beats-the-dateline",
        ),
        pytest.param(
            "Joe Biden met Anthony Albanese in California on Monday. Biden and Albanese held their talks at Sunnylands.",
            PUBLISHED, ("Biden", "Albanese"), "Rancho Mirage", id="a-stated-city-of-the-stated-state",
        ),
        pytest.param(
            "Cyril Ramaphosa met Bola Tinubu in Accra on Monday. Ramaphosa also met Anthony Albanese.",
            PUBLISHED, AR, "Accra", id="also-met-beside-the-main-meeting",
        ),
        pytest.param(
            "Cyril Ramaphosa met Bola Tinubu in Accra on Monday. Ramaphosa first met Anthony Albanese in 2019.",
            PUBLISHED, AR, None, id="an-older-meeting-is-not-beside-it",
        ),
    ],
)
def test_the_place_of_a_meeting(extract, text, published, surnames, city):
    assert meeting(extract(text, published), *surnames)[1] == city


def test_a_visit_the_next_sentence_only_proposes_does_not_place_the_meeting(consults):
    events = consults("Narendra Modi met Shinzo Abe at the border on Friday.\n\nThe two seemed at ease, with Modi "
                      "and Abe greeting each other warmly. Modi even suggested they could follow the talks with "
                      "a visit by Abe to the White House.")
    met = [e for e in events if e.modality == "reported"]
    assert met and all(e.place is None for e in met)


def test_a_visit_the_next_sentence_reports_places_the_meeting_in_that_country(consults):
    events = consults("Narendra Modi held talks with Shinzo Abe on Friday. It was his first visit to Japan since 2016.")
    assert any(e.place == "JPN" for e in events if e.modality == "reported")


def test_an_attack_in_a_town_the_gazetteer_lacks_is_placed_in_that_town(annotate_text):
    body = "Gunmen kidnapped forty students on Monday night in the eastern town of Okobarra, Nigeria."
    found = [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == "ASSAULT"]
    assert found and found[0].place == "town:NGA:okobarra"


def test_an_attack_in_an_unknown_name_the_text_does_not_call_a_town_gets_no_town(annotate_text):
    body = "Gunmen kidnapped forty students on Monday night in Okobarra, Nigeria."
    found = [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == "ASSAULT"]
    assert found and not (found[0].place or "").startswith("town:")


def test_a_capital_that_hosts_is_the_meetings_place(extract):
    event, city = meeting(extract("Nairobi hosted South African President Cyril Ramaphosa on Monday."), "Ramaphosa")
    assert city == "Nairobi"


def test_a_country_that_hosts_names_no_city(extract):
    event, city = meeting(extract("Kenya hosted South African President Cyril Ramaphosa on Monday."), "Ramaphosa")
    assert city is None
