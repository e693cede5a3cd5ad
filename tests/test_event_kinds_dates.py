"""Dates of events of every kind (extract/narrative.py, resolve/time_attachment.py): background
main times, perfects in the lead, events counted back from a report; invented text, each
with its counter-case."""

from __future__ import annotations

import pytest

PUBLISHED = "2025-03-04"  # a Tuesday


@pytest.fixture(scope="module")
def events(annotate_text):
    def run(body: str, type_: str, published: str | None = PUBLISHED):
        return [e for e in annotate_text(body, published).event_mentions if e.type == type_]

    return run


def test_an_undated_act_after_background_is_news_of_publication(events):
    body = ("Togo's leader Kofi Mensah has rejected the vote count. Mr Mensah, who came to power in a coup in 1991, "
            "lost the election to Ama Dossou.\n\nGhana strongly condemned Mr Mensah's statement.")
    found = events(body, "ACCUSE")
    assert found and found[-1].date_precision == "reported" and found[-1].end_date == PUBLISHED


def test_an_undated_act_keeps_a_recent_main_day(events):
    body = ("Togo's leader Kofi Mensah rejected the vote count on Monday. Mr Mensah, who came to power in a coup in 1991, "
            "lost the election to Ama Dossou.\n\nGhana strongly condemned Mr Mensah's statement.")
    found = events(body, "ACCUSE")
    assert found and found[-1].date == "2025-03-03"


def test_a_perfect_in_the_lead_is_news_beside_background_dates(events):
    body = ("Defence minister Kwame Boateng has ordered troops to withdraw from the eastern bank of the Volta, "
            "which Togo seized after it invaded on January 12.\n\nThe decision was read on television.")
    found = events(body, "CONCEDE")
    assert found and found[0].date_precision == "reported" and found[0].end_date == PUBLISHED


def test_a_perfect_beside_dated_background_in_the_body_stays_undated(events):
    body = ("Ghana's army chief spoke on television on Monday.\n\nDefence minister Kwame Boateng has ordered troops "
            "to withdraw from the eastern bank, which Togo seized after it invaded on January 12.")
    found = [e for e in events(body, "CONCEDE") if e.evidence[0].trigger == "ordered"]
    assert found and found[0].date is None


def test_a_perfect_beside_only_vague_time_words_is_news(events):
    body = ("Ghana's army chief resigned on Monday.\n\nArmy chief Kwame Boateng said he had urged opposition leaders "
            "to end the violence and would soon meet the president.")
    found = events(body, "REQUEST")
    assert found and found[0].end_date == PUBLISHED and found[0].date_precision == "reported"


def test_a_perfect_beside_a_date_of_another_clause_in_the_body_stays_undated(events):
    body = ("Ghana's army chief resigned on Monday.\n\nArmy chief Kwame Boateng said he had urged opposition leaders "
            "to end the violence and would meet the president on March 20.")
    found = events(body, "REQUEST")
    assert found and found[0].end_date != PUBLISHED


def test_an_act_a_week_before_a_reported_one_is_counted_back(events):
    body = "Togolese President Kofi Mensah has rejected the result of the election, a week after admitting defeat."
    found = events(body, "CONCEDE")
    assert found and (found[0].date, found[0].end_date) == ("2025-02-24", "2025-02-25")


def test_an_act_dated_by_its_own_words_is_not_counted_back(events):
    body = "Togolese President Kofi Mensah rejected the result on Monday, a week after admitting defeat."
    found = events(body, "CONCEDE")
    assert found and (found[0].date, found[0].end_date) == ("2025-02-24", None)  # a week before Monday


def test_a_possessor_day_dates_its_own_noun_not_the_act(events):
    body = ("In a statement released Thursday after a long cabinet meeting in Accra, Ghana urged Mali to publish "
            "the results of Sunday's election.")
    found = events(body, "REQUEST")
    assert found and found[0].date == "2025-02-27"  # Thursday, not Sunday


def test_a_possessor_day_of_the_event_noun_itself_dates_it(events):
    found = events("Ghana's president Kofi Mensah welcomed Sunday's peace talks between Togo and Benin.", "CONSULT")
    assert found and found[0].date == "2025-03-02"


def test_a_possessive_ending_the_parse_hung_elsewhere_still_marks_the_day_as_owned(events):
    body = ("In a joint statement released Thursday, the presidents of Ghana, Togo, and Benin called for the Malian "
            "government to release voting records for Sunday’s disputed presidential elections.")
    found = events(body, "REQUEST")
    assert found and found[0].date == "2025-02-27"


def test_talks_told_in_a_perfect_beside_only_vague_time_words_are_news(events):
    body = ("Ghana's army chief resigned on Monday.\n\nArmy chief Kwame Boateng said he had held talks with "
            "opposition leader Ama Dossou and would soon meet the president.")
    found = [e for e in events(body, "CONSULT") if e.modality in ("reported", "historical")]
    assert found and found[0].end_date == PUBLISHED and found[0].date_precision == "reported"
