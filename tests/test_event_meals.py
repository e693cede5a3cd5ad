"""Meals that bring leaders together are meetings (issue 14, family 3): "dined with X",
"had dinner", "a working breakfast"; a plural meal is many occasions, a meal without a
second party no meeting; and a participle or a coordinated verb takes its clause's tense.
Invented sentences with the packaged KB, each case with its counter-case."""

from __future__ import annotations


def people(event) -> list[str]:
    return sorted(a.name for a in event.actors if a.kind == "person")


def test_dined_with_is_a_meeting_whatever_the_lemmatizer_makes_of_dined(consults):
    (event,) = consults("Theresa May dined with Angela Merkel in Berlin on Tuesday.")
    assert people(event) == ["Angela Merkel", "Theresa May"] and event.modality == "reported"
    assert event.date == "2019-06-04"


def test_a_dinner_with_a_named_leader_is_a_meeting(consults):
    (event,) = consults("Emmanuel Macron was at a black-tie dinner with Justin Trudeau on Thursday.")
    assert people(event) == ["Emmanuel Macron", "Justin Trudeau"] and event.date == "2019-06-06"


def test_a_working_breakfast_the_host_offered_is_a_meeting(consults):
    (event,) = consults("Angela Merkel hosted Emmanuel Macron for a working breakfast on Thursday.")
    assert people(event) == ["Angela Merkel", "Emmanuel Macron"]


def test_a_dinner_with_no_second_party_is_no_meeting(consults):
    assert consults("A state dinner was held at the palace on Thursday.") == []
    assert all(len(people(e)) < 2 for e in consults("Angela Merkel has no dinner plans this week."))


def test_dinners_in_the_plural_are_many_meals_not_one_meeting(consults):
    assert consults("The lakeside villa has hosted private dinners between Xi Jinping and Justin Trudeau.") == []


def test_a_participle_opening_the_sentence_takes_the_main_clause_tense(consults):
    (event,) = consults("Dining with Shinzo Abe at a small restaurant on Sunday, Justin Trudeau said he enjoyed it.")
    assert event.modality == "reported" and event.date == "2019-06-02"
    (plan,) = consults("Arriving in Tokyo on Sunday, Justin Trudeau will meet Shinzo Abe.")
    assert plan.modality == "planned" and plan.date == "2019-06-09"


def test_a_coordinated_verb_shares_the_future_of_its_head(consults):
    events = consults("Justin Trudeau and Shinzo Abe will meet for talks and have lunch.")
    assert [e.modality for e in events] == ["planned"]
    past = consults("Justin Trudeau and Shinzo Abe met on Monday and had lunch.")
    assert [e.modality for e in past] == ["reported"]


def test_a_participle_after_its_clause_is_a_preposition_not_a_clause(consults):
    events = consults("Justin Trudeau says he will talk to Shinzo Abe following the Xi Jinping meeting.")
    assert all(e.modality == "reported" for e in events if "Xi Jinping" in people(e))


def test_a_meal_planned_after_the_talks_is_their_agenda_not_another_meeting(consults):
    events = consults("Justin Trudeau and Shinzo Abe held talks in Tokyo on Friday. "
                      "After the talks, Trudeau and Abe are planning to have lunch.")
    assert [e.modality for e in events] == ["reported"]


def test_a_meal_planned_for_another_day_is_a_plan(consults):
    events = consults("Justin Trudeau and Shinzo Abe held talks in Tokyo on Friday. "
                      "Trudeau and Abe will have dinner in Osaka next Tuesday.")
    assert sorted(e.modality for e in events) == ["planned", "reported"]


def test_co_hosts_of_a_round_table_do_not_meet_each_other_by_hosting_it(consults):
    events = consults("Justin Trudeau and Angela Merkel will host a round table with business leaders on Friday.")
    assert all(len(people(e)) < 2 for e in events)


