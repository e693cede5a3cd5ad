"""Who took part (issue 14, family 3): implied hosts, descriptions, coreference and parse
shapes, on invented sentences with the packaged KB, each case with its counter-case."""

from __future__ import annotations

def people(event) -> list[str]:
    return sorted(a.name for a in event.actors if a.kind == "person")


def test_a_visited_country_stands_for_its_leader(consults):
    (event,) = consults("Narendra Modi arrived in Ankara on Monday for a two-day visit.")
    assert people(event) == ["Narendra Modi", "Recep Tayyip Erdogan"]
    assert event.confidence < 0.6  # a guess: lower confidence


def test_a_hosting_capital_stands_for_its_leader(consults):
    (event,) = consults("Beijing hosted Pakistan's Prime Minister Imran Khan on Tuesday.")
    assert people(event) == ["Imran Khan", "Xi Jinping"]


def test_no_host_is_implied_for_a_meeting_of_two_foreign_leaders(consults):
    (event,) = consults("Narendra Modi and Vladimir Putin held talks in Ankara on Monday.")
    assert people(event) == ["Narendra Modi", "Vladimir Putin"]


def test_no_host_is_implied_for_an_infinitive_read_as_news(consults):
    events = consults("Narendra Modi will be the first Indian leader to visit Ankara.")
    assert all("Recep Tayyip Erdogan" not in people(e) for e in events if e.modality in ("reported", "historical"))


def test_a_visitor_the_article_titles_is_known_outside_the_kb(consults):
    events = consults("Malawian President John Banda arrived in Addis Ababa on Monday for a state visit. The Malawian president praised the talks.")
    assert people(events[0]) == ["Abiy Ahmed", "John Banda"]


def test_a_journey_alone_implies_no_host_the_article_does_not_name(consults):
    events = consults("Donald Trump traveled to Addis Ababa on Monday.")
    assert all(people(e) == ["Donald Trump"] for e in events)


def test_a_given_name_after_a_title_is_the_office_holder(consults):
    (event,) = consults("Saudi Arabia's King Salman received Turkish President Recep Tayyip Erdogan in Jeddah on Thursday.", "2022-04-29")
    assert people(event) == ["Recep Tayyip Erdogan", "Salman bin Abdulaziz"]


def test_a_phone_call_to_someone(consults):
    (event,) = consults("Shinzo Abe had spoken to US President Donald Trump by telephone on Monday.")
    assert people(event) == ["Donald Trump", "Shinzo Abe"] and event.mode == "PHONE"
    (event,) = consults("Donald Trump talked to Japanese Prime Minister Shinzo Abe via phone on Monday.")
    assert people(event) == ["Donald Trump", "Shinzo Abe"] and event.mode == "PHONE"


def test_the_subject_of_a_clause_before_a_gerund_meets(consults):
    (event,) = consults("Prior to meeting President Narendra Modi on Saturday, Barack Obama called for closer ties.")
    assert people(event) == ["Barack Obama", "Narendra Modi"]


def test_the_first_leader_to_meet_is_the_subject_of_became(consults):
    (event,) = consults("Donald Trump on Monday became the first foreign leader to meet Emperor Naruhito.")
    assert people(event) == ["Donald Trump", "Naruhito"]


def test_a_traveller_takes_part_in_the_talks_he_travelled_for(consults):
    events = consults("Donald Trump traveled to Oslo on Monday for talks with Russian President Vladimir Putin.")
    assert ["Donald Trump", "Vladimir Putin"] in [people(e) for e in events]


def test_the_leaders_refer_back_to_two_persons_not_one(consults):
    events = consults(
        "Angela Merkel visited Moscow on Monday. Vladimir Putin thanked her. "
        "The leaders then met for three hours."
    )
    assert any(people(e) == ["Angela Merkel", "Vladimir Putin"] for e in events)


def test_the_two_leaders_are_officeholders_not_aides(consults):
    events = consults(
        "Tony Abbott arrived in Tokyo with Shinzo Abe's aide Jim Smith and his adviser Tom Brown. "
        "The two leaders met on Monday."
    )
    met = [e for e in events if any(v.trigger == "met" for v in e.evidence)]
    assert met and people(met[0]) == ["Shinzo Abe", "Tony Abbott"]


def test_a_title_abbreviation_tagged_as_an_organization_is_a_person(consults):
    (event,) = consults("Earlier Vladimir Putin and PM Modi spoke over the phone on Monday.")
    assert people(event) == ["Narendra Modi", "Vladimir Putin"]


def test_a_pronoun_ner_calls_a_person_is_resolved(consults):
    events = consults("Jair Bolsonaro spoke about trade on Friday. He and Donald Trump met at the White House a year ago.")
    assert any(people(e) == ["Donald Trump", "Jair Bolsonaro"] for e in events)


def test_a_possessive_shared_by_two_names(consults):
    events = consults("Narendra Modi and Xi Jinping’s first informal summit in Wuhan in April 2018 helped ties.")
    assert any(people(e) == ["Narendra Modi", "Xi Jinping"] for e in events)


def test_a_conjunct_parsed_as_a_modifier(consults):
    (event,) = consults("Mr Trump and Japanese Prime Minister Shinzo Abe met on Monday at the Akasaka Palace.")
    assert people(event) == ["Donald Trump", "Shinzo Abe"]


def test_an_adverb_inside_a_trigger_phrase(consults):
    events = consults("President Joe Biden spoke today with President Luiz Inácio Lula da Silva of Brazil.", "2024-11-08")
    assert any(people(e) == ["Joe Biden", "Luiz Inácio Lula da Silva"] for e in events)
    assert not any(len(people(e)) == 2 for e in consults("President Joe Biden spoke today about Brazil.", "2024-11-08"))


def test_a_pronoun_coordinated_with_a_name_is_someone_else(consults):
    events = consults("Donald Trump told reporters Jair Bolsonaro wanted to have dinner. He and Bolsonaro met at the White House a year ago.")
    assert any(people(e) == ["Donald Trump", "Jair Bolsonaro"] for e in events)


def test_the_two_leaders_found_later_in_the_sentence(consults):
    events = consults(
        "Tony Abbott arrived in Tokyo with Shinzo Abe's aide Jim Smith and his adviser Tom Brown. "
        "The two leaders have met informally since Mr Abbott touched down in Tokyo."
    )
    assert any(people(e) == ["Shinzo Abe", "Tony Abbott"] for e in events)
    assert not any("Tom Brown" in people(e) for e in events)


def test_a_title_the_parser_took_for_the_conjunct(consults):
    (event,) = consults("Earlier Russian President Vladimir Putin and PM Modi also spoke over the phone on Monday.")
    assert people(event) == ["Narendra Modi", "Vladimir Putin"]


def test_one_person_meeting_several_is_several_meetings(consults):
    events = consults("On Monday, Recep Tayyip Erdogan met with Emmanuel Macron and Angela Merkel.", "2021-06-15")
    assert sorted(people(e) for e in events) == [["Angela Merkel", "Recep Tayyip Erdogan"], ["Emmanuel Macron", "Recep Tayyip Erdogan"]]


def test_trilateral_talks_stay_one_meeting(consults):
    (event,) = consults("Abiy Ahmed held trilateral talks with Isaias Afwerki and Mohamed Abdullahi Mohamed in Asmara on Monday.", "2020-01-28")
    assert people(event) == ["Abiy Ahmed", "Isaias Afwerki", "Mohamed Abdullahi Mohamed"]


def test_a_surname_particle_and_ner_calling_it_an_organization(consults):
    events = consults("El-Sisi arrived on Tuesday in Sochi, where he and President Putin held informal talks.", "2018-10-17")
    assert ["Abdel Fattah el-Sisi", "Vladimir Putin"] in [people(e) for e in events]


def test_a_nationality_and_a_person_noun_is_the_last_person_of_that_country(consults):
    events = consults("Pompeo met Lavrov in the morning. After his meeting with Lavrov the American diplomat met with Russian President Vladimir Putin.", "2019-05-15")
    assert ["Mike Pompeo", "Vladimir Putin"] in [people(e) for e in events]


def test_on_a_visit_the_visitor_is_the_subject(consults):
    events = consults("On a four-day visit to Japan late last month, Donald Trump welcomed Abe's help.", "2019-06-12")
    assert any(people(e) == ["Donald Trump", "Shinzo Abe"] for e in events if e.type == "CONSULT")


def test_the_two_leaders_are_heads_before_a_top_diplomat(consults):
    events = consults(
        "Tony Abbott introduced Shinzo Abe to Australia's top diplomat Peter Varghese. "
        "The two leaders have met informally since Mr Abbott touched down in Tokyo."
    )
    assert any(people(e) == ["Shinzo Abe", "Tony Abbott"] for e in events)
    assert not any("Peter Varghese" in people(e) and "Shinzo Abe" in people(e) and len(people(e)) == 2 for e in events
                   if any(v.trigger == "met" for v in e.evidence))


def test_a_dateline_parsed_as_the_subject(consults):
    (event,) = consults("SEOUL, South Korea – The North Korean leader and South Korean president exchanged a warm handshake on Friday.", "2018-04-28")
    assert people(event) == ["Kim Jong Un", "Moon Jae-in"]


def test_a_gerund_after_a_possessed_meeting_takes_the_possessor(consults):
    events = consults("It is Trump’s second meeting with a key ally after hosting British Prime Minister Theresa May in Washington two weeks ago.", "2017-02-10")
    assert any(people(e) == ["Donald Trump", "Theresa May"] for e in events)


def test_we_in_a_quote_is_the_speaker_and_the_leader_named_before(consults):
    events = consults('Donald Trump spoke about his chemistry with Kim Jong Un. "We had a great meeting in Vietnam," Trump said.', "2019-06-30")
    assert any(people(e) == ["Donald Trump", "Kim Jong Un"] for e in events)
    assert not any(len(people(e)) == 2 for e in consults('"We have a plan," Donald Trump said.', "2019-06-30"))


def test_an_undated_article_implies_only_a_host_it_names(annotate_text):
    def run(body):
        return [e for e in annotate_text(body, None).event_mentions if e.type == "CONSULT"]

    events = run("Beijing hosted Pakistan PM Imran Khan on his third visit to China, just before Chinese President Xi Jinping left for India.")
    assert any(people(e) == ["Imran Khan", "Xi Jinping"] for e in events)
    assert all(len(people(e)) == 1 for e in run("Beijing hosted Pakistan PM Imran Khan."))


def test_the_subject_of_a_for_to_clause_takes_part_in_a_plan(consults):
    (event,) = consults("Officials are making arrangements for Cyril Ramaphosa to meet Paul Kagame in Kigali.")
    assert people(event) == ["Cyril Ramaphosa", "Paul Kagame"]
    assert event.modality == "planned"


def test_a_for_to_clause_completing_a_request_is_no_plan(consults):
    events = consults("Cyril Ramaphosa ignored requests from reporters for Paul Kagame and him to shake hands.")
    assert all(e.modality not in ("planned", "reported", "historical") for e in events if len(people(e)) >= 2)


def test_talks_the_parser_hung_on_the_next_clause_keep_their_host_and_guests(consults):
    events = consults(
        "Cyril Ramaphosa will visit Rwanda next week and hold talks with Paul Kagame and Yoweri Museveni, "
        "a government spokesman said on Friday."
    )
    pairs = sorted(people(e) for e in events if len(people(e)) >= 2)
    assert pairs == [["Cyril Ramaphosa", "Paul Kagame"], ["Cyril Ramaphosa", "Yoweri Museveni"]]
    assert all(e.modality == "planned" for e in events if len(people(e)) >= 2)


def test_talks_that_are_a_real_subject_are_not_moved(consults):
    events = consults("Cyril Ramaphosa arrived in Kigali and talks with Paul Kagame began on Friday.")
    assert any(people(e) == ["Cyril Ramaphosa", "Paul Kagame"] for e in events)


def test_a_name_hung_on_the_first_persons_caption_position_takes_part(consults):
    (event,) = consults("Cyril Ramaphosa, left, and Paul Kagame, right, shake hands in Kigali on Thursday.")
    assert people(event) == ["Cyril Ramaphosa", "Paul Kagame"]


def test_a_name_after_a_long_apposition_takes_part(consults):
    (event,) = consults("Cyril Ramaphosa, president of the African National Congress, and Paul Kagame met in Kigali on Thursday.")
    assert people(event) == ["Cyril Ramaphosa", "Paul Kagame"]


def test_an_apposition_with_common_nouns_adds_no_one(consults):
    events = consults("Cyril Ramaphosa, a lawyer and trade unionist, met Paul Kagame in Kigali on Thursday.")
    assert [people(e) for e in events] == [["Cyril Ramaphosa", "Paul Kagame"]]


def test_a_caption_subject_the_parser_hung_on_its_position_word(consults):
    (event,) = consults("Cyril Ramaphosa, left, shakes hands with Paul Kagame in Kigali on Thursday.")
    assert people(event) == ["Cyril Ramaphosa", "Paul Kagame"]


def test_a_person_who_left_is_not_a_caption(consults):
    events = consults("Cyril Ramaphosa left Kigali on Thursday after Paul Kagame met Yoweri Museveni.")
    assert all("Cyril Ramaphosa" not in people(e) for e in events if len(people(e)) >= 2)


def test_talks_begun_after_a_participle_keep_their_subject(consults):
    (event,) = [e for e in consults(
        "Cyril Ramaphosa landed in Rwanda on Thursday and immediately began hastily arranged talks with Paul Kagame on trade."
    ) if len(people(e)) >= 2]
    assert people(event) == ["Cyril Ramaphosa", "Paul Kagame"]


def test_meetings_with_two_people_are_the_speakers_not_theirs(consults):
    events = consults("Cyril Ramaphosa said he was pointing to the benefits of his recent meetings with Paul Kagame and Yoweri Museveni.")
    pairs = sorted(people(e) for e in events if len(people(e)) >= 2)
    assert pairs == [["Cyril Ramaphosa", "Paul Kagame"], ["Cyril Ramaphosa", "Yoweri Museveni"]]


def test_a_meeting_between_two_people_keeps_them_together(consults):
    events = consults("Cyril Ramaphosa said he welcomed the meeting between Paul Kagame and Yoweri Museveni.")
    assert any(people(e) == ["Paul Kagame", "Yoweri Museveni"] for e in events)


def test_a_possessive_refers_back_to_the_last_sentences_subject(consults):
    events = consults(
        "Paul Kagame flew to Pretoria on Thursday for talks with Cyril Ramaphosa. "
        "After his meeting with Yoweri Museveni on Friday, the talks resumed."
    )
    assert any(people(e) == ["Paul Kagame", "Yoweri Museveni"] for e in events)
    assert all(people(e) != ["Cyril Ramaphosa", "Yoweri Museveni"] for e in events)


def test_a_possessive_in_its_own_sentence_keeps_the_nearest_person(consults):
    events = consults("Cyril Ramaphosa asked Paul Kagame to raise trade during his meeting with Yoweri Museveni on Friday.")
    assert any(people(e) == ["Paul Kagame", "Yoweri Museveni"] for e in events)


def test_names_listed_with_their_titles_each_met_the_host(consults):
    events = consults(
        "On Monday, Cyril Ramaphosa met with Rwanda's President Paul Kagame, President of Uganda Yoweri Museveni "
        "and Chancellor of Germany Angela Merkel."
    )
    pairs = sorted(people(e) for e in events if len(people(e)) >= 2)
    assert ["Angela Merkel", "Cyril Ramaphosa"] in pairs and ["Cyril Ramaphosa", "Paul Kagame"] in pairs


def test_an_apposition_that_names_the_same_person_adds_no_one(consults):
    events = consults("Cyril Ramaphosa met with his Rwandan counterpart, Paul Kagame, on Monday.")
    assert [people(e) for e in events] == [["Cyril Ramaphosa", "Paul Kagame"]]


def test_compatriots_beside_a_foreign_guest_do_not_meet_each_other(consults):
    events = consults("Emperor Naruhito received Joe Biden and Fumio Kishida at the Imperial Palace in Tokyo on Monday.", "2022-05-23")
    pairs = sorted(people(e) for e in events if len(people(e)) >= 2)
    assert ["Fumio Kishida", "Naruhito"] not in pairs and ["Joe Biden", "Naruhito"] in pairs


def test_two_foreign_guests_each_meet_their_host(consults):
    events = consults("Emperor Naruhito received Joe Biden and Emmanuel Macron at the Imperial Palace in Tokyo on Monday.", "2022-05-23")
    pairs = sorted(people(e) for e in events if len(people(e)) >= 2)
    assert pairs == [["Emmanuel Macron", "Naruhito"], ["Joe Biden", "Naruhito"]]


def test_the_passive_subject_of_a_granted_audience_takes_part(consults):
    events = consults("Prime Minister Scott Morrison arrived in Tokyo on Monday. "
                      "He has been granted an audience with Emperor Naruhito at the Imperial Palace.")
    granted = [e for e in events if e.modality == "planned"]
    assert [people(e) for e in granted] == [["Naruhito", "Scott Morrison"]]


def test_a_denied_audience_makes_no_participant_of_its_passive_subject(consults):
    events = consults("Prime Minister Scott Morrison arrived in Tokyo on Monday. "
                      "He was denied an audience with Emperor Naruhito at the Imperial Palace.")
    assert all("Scott Morrison" not in people(e) for e in events if e.modality != "reported")


def test_a_pronoun_meeting_a_compatriot_of_its_host_is_the_visitor(consults):
    events = consults("Indian Prime Minister Narendra Modi arrived in Riyadh on Tuesday. Later King Salman "
                      "received Modi at the palace. He will also meet Crown Prince Mohammed bin Salman on Wednesday.")
    planned = [people(e) for e in events if e.modality == "planned"]
    assert planned == [["Mohammed bin Salman", "Narendra Modi"]]


def test_a_pronoun_meeting_a_foreigner_stays_the_subject_before_it(consults):
    events = consults("Indian Prime Minister Narendra Modi arrived in Riyadh on Tuesday. Later King Salman "
                      "received Modi at the palace. He will also meet Russian President Vladimir Putin on Wednesday.")
    planned = [people(e) for e in events if e.modality == "planned"]
    assert planned == [["Salman bin Abdulaziz", "Vladimir Putin"]]


def test_the_latter_and_the_former_name_the_last_and_the_first_of_two(consults):
    latter = consults("Vladimir Putin met Narendra Modi in Moscow. The latter will visit Ankara next week.")
    former = consults("Vladimir Putin met Narendra Modi in Moscow. The former will visit Ankara next week.")
    assert ["Narendra Modi"] == [n for e in latter if e.modality == "planned" for n in people(e) if n != "Recep Tayyip Erdogan"]
    assert ["Vladimir Putin"] == [n for e in former if e.modality == "planned" for n in people(e) if n != "Recep Tayyip Erdogan"]


def test_the_latter_names_nobody_after_a_single_person(consults):
    events = consults("Vladimir Putin arrived in Moscow. The latter will visit Ankara next week.")
    assert all("Vladimir Putin" not in people(e) for e in events if e.modality == "planned")
