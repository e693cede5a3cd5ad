"""Who took part (issue 14, family 3): lists of participants the parser breaks, plural
descriptions naming one person per country, and meetings named inside a phrase of
attendance; invented sentences with the packaged KB, each case with its counter-case."""

from __future__ import annotations


def people(event) -> list[str]:
    return sorted(a.name for a in event.actors if a.kind == "person")


def test_a_plural_title_of_several_countries_is_one_meeting_with_each_holder(consults):
    (event,) = consults("Mike Pompeo met with the foreign ministers of Germany and France in Paris on Monday.")
    assert len(people(event)) == 3 and "Mike Pompeo" in people(event)
    assert {a.country for a in event.actors if a.kind == "person"} == {"USA", "DEU", "FRA"}


def test_persons_listed_by_name_still_met_the_lone_person_one_by_one(consults):
    events = consults("Mike Pompeo met with Heiko Maas and Jean-Yves Le Drian in Paris on Monday.")
    assert sorted(people(e) for e in events) == [["Heiko Maas", "Mike Pompeo"], ["Jean-Yves Le Drian", "Mike Pompeo"]]


def test_a_name_the_parser_hung_inside_another_listed_name_is_listed(consults):
    events = consults("On Friday, Trudeau met with France's President Emmanuel Macron, Prime Minister of the "
                      "United Kingdom (UK) Boris Johnson and Chancellor of Germany Angela Merkel.", "2020-06-05")
    assert sorted(people(e) for e in events) == [
        ["Angela Merkel", "Justin Trudeau"], ["Boris Johnson", "Justin Trudeau"], ["Emmanuel Macron", "Justin Trudeau"]]


def test_a_person_named_in_a_description_of_the_listed_one_is_not_listed(consults):
    events = consults("On Monday, Narendra Modi met with Lena Ortiz, the daughter of Brazil's President Jair Bolsonaro.")
    assert all("Jair Bolsonaro" not in people(e) for e in events)


def test_meetings_on_the_sidelines_of_a_summit_take_the_subject_of_met(consults):
    events = consults("Indian Prime Minister Narendra Modi met on Monday in Osaka on the sidelines of the G20 "
                      "summit meetings with Turkish President Recep Tayyip Erdogan.")
    assert [people(e) for e in events] == [["Narendra Modi", "Recep Tayyip Erdogan"]]


def test_talks_in_the_wake_of_which_someone_spoke_are_not_his(consults):
    events = consults("Narendra Modi criticised the plan in the wake of the talks between Donald Trump and Shinzo Abe.")
    assert all("Narendra Modi" not in people(e) for e in events)


def test_the_three_leaders_are_the_last_three_persons_named(consults):
    events = consults("Ethiopian Prime Minister Abiy Ahmed, Kenyan President Uhuru Kenyatta and Ugandan President "
                      "Yoweri Museveni signed a pact on Monday.\n\nTrade has grown since then.\n\n"
                      "The three leaders first met in Nairobi in 2018.")
    assert [people(e) for e in events] == [["Abiy Ahmed", "Uhuru Kenyatta", "Yoweri Museveni"]]


def test_the_two_leaders_are_still_two(consults):
    events = consults("Ethiopian Prime Minister Abiy Ahmed, Kenyan President Uhuru Kenyatta and Ugandan President "
                      "Yoweri Museveni signed a pact on Monday. The two leaders first met in Nairobi in 2018.")
    assert [len(people(e)) for e in events] == [2]


def test_a_long_surname_with_two_letters_swapped_is_the_kb_person(consults):
    (event,) = consults("Narendra Modi met Cyril Ramophasa in Pretoria on Monday.")
    assert people(event) == ["Cyril Ramaphosa", "Narendra Modi"]


def test_a_swapped_surname_under_another_given_name_is_someone_else(consults):
    events = consults("Narendra Modi met Peter Ramophasa in Pretoria on Monday.")
    assert all("Cyril Ramaphosa" not in people(e) for e in events)


def test_a_kb_name_without_its_last_word_is_that_person(consults):
    events = consults("Ethiopian Prime Minister Abiy Ahmed received Somali President Mohammed Abdullahi in Addis Ababa on Monday.")
    assert [people(e) for e in events] == [["Abiy Ahmed", "Mohamed Abdullahi Mohamed"]]


def test_a_name_shared_by_two_longer_kb_names_stays_unresolved(annotate_text):
    article = annotate_text("Abiy Ahmed met Kim Jong in Addis Ababa on Monday.", "2019-06-07")
    assert all(m.value not in ("kim-jong-un", "kim-jong-il") for m in article.mentions if m.text == "Kim Jong")


def test_members_named_after_including_took_part(consults):
    events = consults("Ghana's President Nana Akufo-Addo held talks with Nigerian President Muhammadu Buhari and a "
                      "handful of his deputies, including Yemi Osinbajo, the Nigerian vice president.", "2018-03-28")
    assert sorted(people(e) for e in events) == [["Muhammadu Buhari", "Nana Akufo-Addo"], ["Nana Akufo-Addo", "Yemi Osinbajo"]]


def test_topics_named_after_including_are_no_participants(consults):
    (event,) = consults("Ghana's President Nana Akufo-Addo held talks with Nigerian President Muhammadu Buhari on "
                        "issues including the trade deal.", "2018-03-28")
    assert people(event) == ["Muhammadu Buhari", "Nana Akufo-Addo"]


def test_after_talks_the_person_told_took_part(consults):
    (event,) = consults("After lengthy talks at the lodge, the Kenyan president told Mrs Ardern that trade would grow.", "2019-06-07")
    assert people(event) == ["Jacinda Ardern", "Uhuru Kenyatta"]


def test_after_talks_reporters_told_are_no_participants(consults):
    (event,) = consults("After lengthy talks at the lodge, Uhuru Kenyatta told reporters that trade would grow.", "2019-06-07")
    assert people(event) == ["Uhuru Kenyatta"]


def test_we_in_a_quote_of_several_sentences_is_the_speaker_and_the_leader_named_before(consults):
    events = consults('Kenyan President Uhuru Kenyatta spoke about Ugandan President Yoweri Museveni on Friday. '
                      '"We have a long road ahead. We had a very good meeting in Kampala," Kenyatta said.', "2019-06-07")
    assert any(people(e) == ["Uhuru Kenyatta", "Yoweri Museveni"] and e.modality in ("reported", "historical") for e in events)


def test_we_before_a_quote_is_not_its_speaker(consults):
    events = consults('Kenyan President Uhuru Kenyatta spoke about Ugandan President Yoweri Museveni on Friday. '
                      'We had a very good meeting in Kampala. "It was useful," the Tanzanian leader said.', "2019-06-07")
    assert all(len(people(e)) < 2 for e in events)  # narration: "we" is the writer's, no one's meeting


def test_we_said_by_a_minister_is_not_his_own_president(consults):
    events = consults('Kenyan Foreign Minister Raychelle Omamo flew to Kampala on Monday, sent by President Uhuru Kenyatta. '
                      '"We are neighbours. We had very good talks here today," Omamo said.', "2019-06-07")
    assert all(people(e) != ["Raychelle Omamo", "Uhuru Kenyatta"] for e in events)


def test_a_place_ner_took_for_a_person_takes_no_part(consults):
    (event,) = consults("The visit of Lukashenko to Sochi is his second this year.", "2019-06-07")
    assert "Sochi" not in people(event) and "RUS" in {a.id for a in event.actors}


def test_a_person_unknown_to_the_kb_stays_a_person(consults):
    (event,) = consults("Alexander Lukashenko met Pavel Sochin in Minsk on Monday.", "2019-06-07")
    assert people(event) == ["Alexander Lukashenko", "Pavel Sochin"]


def test_a_meeting_involving_named_leaders_has_them_all(consults):
    events = consults("Jacinda Ardern will attend a trilateral meeting involving Emmanuel Macron and Angela Merkel on Monday.")
    assert [people(e) for e in events] == [["Angela Merkel", "Emmanuel Macron", "Jacinda Ardern"]]
    assert events[0].modality == "planned"


def test_a_summit_that_brings_leaders_together_has_them_all(consults):
    (event,) = consults("Angela Merkel attended a summit which will bring Emmanuel Macron together with Jacinda Ardern on Monday.")
    assert people(event) == ["Angela Merkel", "Emmanuel Macron", "Jacinda Ardern"]


def test_a_summit_that_brings_someone_somewhere_names_no_participant(consults):
    (event,) = consults("Angela Merkel attended a summit which will bring Emmanuel Macron to Berlin on Monday.")
    assert people(event) == ["Angela Merkel"]


def test_a_call_does_not_replace_a_visit_the_host_is_implied_for(consults):
    events = consults("Narendra Modi had a telephone conversation with Donald Trump on Tuesday. "
                      "President Trump warmly recalled his visit to India in February.")
    assert len(events) == 2 and all(people(e) == ["Donald Trump", "Narendra Modi"] for e in events)
    assert sorted((e.date, e.mode) for e in events) == [("2019-02", "VISIT"), ("2019-06-04", "PHONE")]


def test_a_stated_meeting_still_replaces_the_implied_host_of_the_same_visit(consults):
    events = consults("Donald Trump arrived in India on Tuesday. He held talks with Narendra Modi in New Delhi on Tuesday.")
    assert [people(e) for e in events] == [["Donald Trump", "Narendra Modi"]]


def test_plural_meetings_with_two_leaders_are_one_with_each_whatever_the_sentence_says(consults):
    events = consults("Emmanuel Macron told a joint news conference on Monday that he valued his recent meetings "
                      "with Joe Biden and Olaf Scholz.")
    assert sorted(people(e) for e in events) == [["Emmanuel Macron", "Joe Biden"], ["Emmanuel Macron", "Olaf Scholz"]]


def test_summit_meetings_with_two_leaders_stay_one_meeting(consults):
    events = consults("Emmanuel Macron told a joint news conference on Monday that he valued his recent summit meetings "
                      "with Joe Biden and Olaf Scholz.")
    assert [people(e) for e in events] == [["Emmanuel Macron", "Joe Biden", "Olaf Scholz"]]


def test_a_leader_hosted_by_title_is_the_guest(consults):
    events = consults("Narendra Modi met Xi Jinping in Chennai on Friday. In 2018, the Chinese president "
                      "hosted the Indian prime minister in Wuhan.", "2019-10-11")
    assert sorted(people(e) for e in events) == [["Narendra Modi", "Xi Jinping"], ["Narendra Modi", "Xi Jinping"]]


def test_a_summit_hosted_is_no_guest(consults):
    (event,) = consults("In 2018, Xi Jinping hosted a summit in Wuhan.", "2019-10-11")
    assert people(event) == ["Xi Jinping"]
