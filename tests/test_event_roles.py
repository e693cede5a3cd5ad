"""Argument frames of non-meeting events (issue 19, family 2), on invented text, each case
with its counter-case: headline passives, targets on an object, the objective "of", places
standing for their country, implied agents, enacting verbs, default agents, and the
lexicon's conventions for ordered withdrawals, signed agreements and reopened borders.
Types come from the lexicon alone: the trained classifier's re-typing has its own tests
(test_type_classifier.py)."""

from __future__ import annotations

PUBLISHED = "2031-03-04"


def roles(event) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for actor in event.actors:
        out.setdefault(actor.role, []).append(actor.country or actor.name)
    return out


def test_a_headline_participle_undergoes_the_event(events):
    (arrest,) = events("ACCRA (Reuters) - Opposition figure Kofi Mensah arrested in Accra", "COERCE")
    assert "Kofi Mensah" in [a.name for a in arrest.actors if a.role == "target"]
    (counter,) = events("ACCRA (Reuters) - Police arrested Kofi Mensah in Accra.", "COERCE")
    assert "Kofi Mensah" in [a.name for a in counter.actors if a.role == "target"] and roles(counter)["source"] == ["GHA"]


def test_a_subject_before_a_participle_in_a_sentence_acts(events):
    (protest,) = events("Students protested in Accra on Monday.", "PROTEST")  # tagged as a participle
    assert [a.role for a in protest.actors] == ["source", "target"]  # against their state (test_event_targets.py)


def test_a_target_on_the_object(events):
    (strike,) = events("Iran fired missiles at Israel on Monday.", "ASSAULT")
    assert roles(strike) == {"source": ["IRN"], "target": ["ISR"]}
    (counter,) = events("Iran fired rockets on Monday.", "ASSAULT")  # (missiles at no one: a MOBILIZE, test_event_spurious_types.py)
    assert roles(counter) == {"source": ["IRN"]}


def test_the_objective_of_of_an_event_noun(events):
    (invasion,) = events("Morocco condemned Algeria's invasion of Mali on Monday.", "ASSAULT")
    assert roles(invasion) == {"source": ["DZA"], "target": ["MLI"]}


def test_a_city_attacked_stands_for_its_country(events):
    (strike,) = events("Hezbollah launched rockets at Haifa on Monday.", "ASSAULT")
    assert roles(strike)["target"] == ["ISR"]
    protests = events("Hundreds of students protested in Haifa on Monday.", "PROTEST")
    assert all("target" not in roles(e) for e in protests)


def test_a_passive_takes_the_state_organ_named_just_before(events):
    found = events("Police opened fire in Accra on Monday. Several demonstrators were shot near parliament.", "ASSAULT")
    shot = [e for e in found if "target" in roles(e)]
    assert shot and roles(shot[0])["source"] == ["GHA"]
    (counter,) = events("Several demonstrators were shot near parliament on Monday.", "ASSAULT")
    assert "source" not in roles(counter)  # nobody named: no agent guessed for an attack


def test_an_arrest_without_agent_is_the_authorities(events):
    (arrest,) = events("ACCRA (Reuters) - The journalist was arrested on Monday.", "COERCE")
    assert [(a.country, a.name) for a in arrest.actors if a.role == "source"] == [("GHA", "authorities (Ghana)")]
    (counter,) = events("ACCRA (Reuters) - The journalist was arrested by soldiers on Monday.", "COERCE")
    assert [a.name for a in counter.actors if a.role == "source"] == ["soldiers (Ghana)"]


def test_a_charge_without_agent_is_the_authorities(events):
    (charge,) = events("ACCRA (Reuters) - The former minister has been indicted for fraud.", "ACCUSE")
    assert [(a.country, a.name) for a in charge.actors if a.role == "source"] == [("GHA", "authorities (Ghana)")]
    (counter,) = events("ACCRA (Reuters) - The former minister has been accused of fraud by Togo.", "ACCUSE")
    assert roles(counter)["source"] == ["TGO"]


def test_a_person_the_kb_does_not_know_takes_the_country_of_their_title(events):
    (release,) = events("Togolese President Kofi Mensah released forty prisoners on Monday.", "RETREAT")
    assert [(a.name, a.country) for a in release.actors if a.role == "source"] == [("Kofi Mensah", "TGO")]
    (counter,) = events("Kofi Mensah released forty prisoners on Monday.", "RETREAT")
    assert [(a.name, a.country) for a in counter.actors if a.role == "source"] == [("Kofi Mensah", None)]


def test_the_subject_of_an_enacting_verb_does_the_event_noun(events):
    (mobilisation,) = events("Vladimir Putin announced a partial mobilisation on Wednesday.", "MOBILIZE")
    assert roles(mobilisation)["source"] == ["RUS"]
    attacks = events("Ghana condemned the attack on Monday.", "ASSAULT")
    assert all("source" not in roles(e) for e in attacks)  # a reaction, not the attacker


def test_protests_without_protesters_are_of_the_place(events):
    (protest,) = events("Protests broke out in Venezuela on Monday.", "PROTEST")
    assert [(a.country, a.name) for a in protest.actors if a.role == "source"] == [("VEN", "protesters (Venezuela)")]
    (counter,) = events("Students protested in Caracas on Monday.", "PROTEST")
    assert [a.name for a in counter.actors if a.role == "source"] == ["Students (Venezuela)"]


def test_an_ordered_withdrawal_is_a_concession(events):
    assert events("Sergei Shoigu ordered troops to withdraw from the city on Wednesday.", "CONCEDE")
    assert not events("Sergei Shoigu ordered troops to attack the city on Wednesday.", "CONCEDE")


def test_signing_is_agreeing_and_a_partnership_is_support(events):
    assert events("Ghana and Togo signed a peace accord on Monday.", "AGREE")
    assert events("Ghana and Togo signed a strategic partnership agreement on Monday.", "SUPPORT")


def test_a_reopened_border_is_cooperation(events):
    (reopening,) = events("Ghana and Togo reopened their border on Monday.", "COOPERATE")
    assert sorted(roles(reopening)["participant"]) == ["GHA", "TGO"]


def test_a_given_name_that_is_a_kb_surname_stays_a_given_name(annotate_text):
    found = annotate_text("Martin Kimani rejected the election result on Friday. Kimani said the vote was rigged.", PUBLISHED)
    assert {m.value for m in found.mentions if m.kind == "actor" and "Kimani" in m.text} == {"corpus:person:martin-kimani"}


def test_it_in_a_reported_clause_is_its_non_person_speaker(events):
    (request,) = events("Ghana said it was urging Togo to release the prisoners.", "REQUEST")
    assert roles(request)["source"] == ["GHA"]
    counters = events("Ghana hosted the talks. It urged Togo to release the prisoners.", "REQUEST")
    assert all("GHA" not in roles(e).get("source", []) for e in counters)  # not a reported clause: unresolved


def test_a_document_acts_for_whoever_issued_it(events):
    (request,) = events("The Security Council passed a resolution demanding an immediate ceasefire.", "REQUEST")
    assert [a.name for a in request.actors if a.role == "source"] == ["United Nations Security Council"]
    counters = events("Protesters burned a copy of the resolution demanding a ceasefire.", "REQUEST")
    assert all("Protesters" not in [a.name for a in e.actors] for e in counters)


def test_denials_and_contested_elections_are_rejections(events):
    assert events("Ghana has denied all charges.", "REJECT")
    assert events("The opposition contested the election result.", "REJECT")
    assert not events("Ghana has denied that the meeting took place in Accra, calling it a rumour.", "SANCTION")


def test_airdrops_of_aid_are_aid(events):
    (aid,) = events("France and Jordan carried out airdrops of aid into Gaza on Monday.", "AID")
    assert sorted(roles(aid)["source"]) == ["FRA", "JOR"]


def test_an_accusation_targets_the_subject_of_its_clause(events):
    (accusation,) = events("Kofi Mensah alleged that Ghana had rigged the vote.", "ACCUSE")
    assert roles(accusation)["target"] == ["GHA"]
    (counter,) = events("Kofi Mensah alleged that the vote had been rigged.", "ACCUSE")
    assert "target" not in roles(counter)


def test_a_target_word_stands_for_its_owner(events):
    (strike,) = events("Nigerian police fired tear gas at Ghana's delegation on Monday.", "ASSAULT")
    assert roles(strike)["target"] == ["GHA"]


def test_a_lodged_protest_is_one_accusation_and_in_protest_is_no_event(events):
    found = events("Ghana lodged a diplomatic protest with Togo on Monday.")
    assert [e.type for e in found] == ["ACCUSE"] and roles(found[0]) == {"source": ["GHA"], "target": ["TGO"]}
    assert not events("Ghana withdrew its ambassador in protest on Monday.", "PROTEST")
    assert events("Thousands joined the protest in Accra on Monday.", "PROTEST")


def test_a_date_written_into_a_definite_event_noun_names_that_past_event(annotate_with_lexicon):
    annotate_text = annotate_with_lexicon
    found = annotate_text("The court is seeking arrest warrants over the 7 October attacks on Israel.", "2024-05-20").event_mentions
    dates = {e.type: (e.date, e.modality) for e in found}
    assert dates["ASSAULT"] == ("2023-10-07", "historical")
    assert dates["ACCUSE"][0] != "2023-10-07"  # the attacks' date, not the warrants'
    (meeting,) = [e for e in annotate_text("Smith will meet Jones on 7 October.", "2024-05-20").event_mentions if e.type == "CONSULT"]
    assert (meeting.date, meeting.modality) == ("2024-10-07", "planned")


def test_conceding_an_election_is_a_concession_and_a_goal_is_not(events):
    (concession,) = events("Kofi Mensah rejected the result a week after conceding defeat to his rival.", "CONCEDE")
    assert [a.name for a in concession.actors if a.role == "source"] == ["Kofi Mensah"]
    assert not events("The team conceded a goal in the final minute.", "CONCEDE")


def test_a_seat_of_government_as_target_stands_for_its_state(events):
    (urge,) = events("Ghana urged Nairobi to drop the new tariffs on Monday.", "REQUEST")
    assert roles(urge) == {"source": ["GHA"], "target": ["KEN"]}
    (warning,) = events("Ghana issued a warning to Nairobi on Monday.", "THREATEN")
    assert roles(warning) == {"source": ["GHA"], "target": ["KEN"]}
    (counter,) = events("Ghana urged Mombasa to drop the new tariffs on Monday.", "REQUEST")
    assert roles(counter) == {"source": ["GHA"]}  # a city that is no seat of government names no state


def test_the_requested_noun_names_the_target(events):
    (call,) = events("Ghana called for talks with Togo on Monday.", "REQUEST")
    assert roles(call) == {"source": ["GHA"], "target": ["TGO"]}
    (counter,) = events("Ghana called for calm on Monday.", "REQUEST")
    assert roles(counter) == {"source": ["GHA"]}


def test_mentions_whose_actors_swap_sides_stay_two_events(events):
    found = events("Kwame Ofori has accused Yaw Boateng of meddling in the vote. On Sunday, Boateng accused Ofori of lying "
                   "about the count.", "ACCUSE")
    pairs = {(roles(e).get("source", [None])[0], roles(e).get("target", [None])[0]) for e in found}
    assert pairs == {("Kwame Ofori", "Yaw Boateng"), ("Yaw Boateng", "Kwame Ofori")}
    (condemned,) = [e for e in events("Ghanaian leader Kwame Ofori cited irregularities in the vote. The US strongly "
                                      "condemned Mr Ofori's statement.", "ACCUSE") if "USA" in roles(e).get("source", [])]
    assert roles(condemned) == {"source": ["USA"], "target": ["Kwame Ofori"]}
    (same,) = events("Kwame Ofori has accused Yaw Boateng of fraud. Ofori has also accused Boateng of lying about the count.",
                     "ACCUSE")  # the same sides: one event
    assert roles(same) == {"source": ["Kwame Ofori"], "target": ["Yaw Boateng"]}


def test_a_strike_on_a_place_is_an_attack_and_a_strike_on_a_day_a_walkout(events):
    (strike,) = events("An Israeli strike on Gaza killed five people on Monday.", "ASSAULT")[:1]
    assert strike.evidence[0].trigger == "strike" and roles(strike)["source"] == ["ISR"]
    assert events("Teachers began a strike on Monday over pay.", "ASSAULT") == []
    assert len(events("Teachers began a strike on Monday over pay.", "PROTEST")) == 1


def test_an_attack_named_after_another_act_is_not_done_by_its_subject(events):
    (attack,) = events("Ghana expelled 23 Togolese diplomats after the attack on a market in Kumasi.", "ASSAULT")
    assert "GHA" not in roles(attack).get("source", [])
    (counter,) = events("Ghana expelled 23 Togolese diplomats after the Togolese attack on a market in Kumasi.", "ASSAULT")
    assert roles(counter)["source"] == ["TGO"]


def test_an_anti_modifier_names_whom_a_protest_is_against(events):
    (protest,) = events("Anti-government protests spread across Togo on Monday.", "PROTEST")
    assert [a.role for a in protest.actors if a.kind == "group" and a.id.endswith(":government")] == ["target"]
    assert roles(protest)["source"] == ["TGO"]  # the protesters of the country
    (counter,) = events("Government supporters marched across Togo on Monday.", "PROTEST")
    assert all(a.role == "source" for a in counter.actors)


def test_the_people_a_crowd_control_act_disperses_are_its_target(events):
    (gas,) = events("Police fired tear gas and rubber bullets to disperse the protesters in Lome on Monday.", "ASSAULT")
    assert [a.name for a in gas.actors if a.role == "target"] == ["protesters (Togo)"]
    (crowd,) = events("Security forces dispersed large crowds of demonstrators with tear gas in Lome on Monday.", "ASSAULT")
    assert [a.name for a in crowd.actors if a.role == "target"] == ["demonstrators (Togo)"]
    (counter,) = events("Police fired tear gas in Lome on Monday.", "ASSAULT")
    assert "target" not in roles(counter)


def test_a_past_act_told_as_repeated_is_reported_over_its_month(annotate_with_lexicon):
    def assaults(body):
        return [e for e in annotate_with_lexicon(body, "2025-03-04").event_mentions if e.type == "ASSAULT"]

    (gas,) = assaults("Ghanaian security forces repeatedly fired teargas at the rallies.")
    assert (gas.modality, gas.date, gas.date_precision) == ("reported", "2025-03", "month")
    assert assaults("Ghanaian police regularly fire teargas at rallies.") == []  # a habit, no one event


def test_a_missile_fired_into_the_sea_is_a_show_of_force_not_an_attack(events):
    (test,) = events("Pyongyang fired a short-range ballistic missile into the waters off the east coast on Monday.", "MOBILIZE")
    assert roles(test)["source"] == ["PRK"]
    assert events("Pyongyang fired a short-range ballistic missile into the waters off the east coast on Monday.", "ASSAULT") == []
    (strike,) = events("Iran fired missiles at Israel on Monday.", "ASSAULT")
    assert roles(strike) == {"source": ["IRN"], "target": ["ISR"]}


def test_opposing_efforts_is_disapproval_and_opposing_a_proposal_a_refusal(events):
    assert [e.type for e in events("Ghana strongly opposes unilateral efforts to change the status quo.") if e.type in ("ACCUSE", "REJECT")] == ["ACCUSE"]
    assert [e.type for e in events("Ghana opposed the resolution on Monday.") if e.type in ("ACCUSE", "REJECT")] == ["REJECT"]


def test_a_demonym_the_tagger_left_out_writes_the_country(events):
    (attack,) = events("Togolese troops attacked a village in Benin on Monday.", "ASSAULT")
    assert roles(attack) == {"source": ["TGO"]}
    (counter,) = events("Troops attacked a village in Benin on Monday.", "ASSAULT")  # none written: the sentence's country
    assert roles(counter) == {"source": ["BEN"]}


def test_a_coordinated_verb_without_subject_shares_the_first_verbs_target(events):
    (sanction,) = events("Ghana closed its borders with Togo and imposed sanctions on Monday.", "SANCTION")
    assert roles(sanction) == {"source": ["GHA"], "target": ["TGO"]}
    (counter,) = events("Ghana closed its borders with Togo on Monday, and Benin imposed sanctions.", "SANCTION")
    assert roles(counter) == {"source": ["BEN"]}  # a subject of its own: its own frame
    arrests = events("Ghana closed its borders with Togo and arrested Kofi Mensah on Monday.", "COERCE")
    assert ["Kofi Mensah"] in [[a.name for a in e.actors if a.role == "target"] for e in arrests]  # an object of its own


def test_an_obstacle_to_something_is_no_blockade(events):
    assert events("Parliament ratified the bid, removing the last roadblock to membership.", "PROTEST") == []
    assert events("Parliament ratified the bid, removing the last roadblock to membership.", "CONCEDE") == []
    (blockade,) = events("Protesters set up roadblocks on the main highway to the airport on Monday.", "PROTEST")
    assert [a.role for a in blockade.actors] == ["source"]


def test_fighting_is_kept_apart_from_the_attack_it_follows(events):
    body = ("Boko Haram fighters abducted dozens of girls in Kumasi on Monday night. "
            "The fighters had a gun battle with soldiers guarding the school.")
    abduction, battle = events(body, "ASSAULT")
    assert roles(abduction) == {"source": ["NGA"]} and sorted(roles(battle)["participant"]) == ["GHA", "NGA"]
    body = "Rebels clashed with soldiers in Kumasi on Monday. The clashes with soldiers lasted hours."
    assert len(events(body, "ASSAULT")) == 1  # the same fighting told twice: one
