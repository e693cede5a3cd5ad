"""Who did it and to whom where the trigger's own words say less (issue 19): an
organization written as its acronym, the leader a protest against a state is aimed at, the
one recipient of an article's aid, the target of a threatened act. On invented text, each
case with its counter-case."""

from __future__ import annotations


def names(event, role: str) -> list[str]:
    return [a.name for a in event.actors if a.role == role]


def countries(event, role: str) -> list[str | None]:
    return [a.country for a in event.actors if a.role == role]


def test_an_organization_written_as_its_acronym_is_that_organization(events):
    (accusation,) = events("SADC condemned the coup in the capital on Monday.", "ACCUSE")
    assert names(accusation, "source") == ["Southern African Development Community"]
    assert events("Sadc condemned the coup in the capital on Monday.", "ACCUSE") == []  # not as written: no one


def test_a_protest_against_a_state_is_aimed_at_the_leader_its_sentence_names(events):
    (protest,) = events("Protests erupted in Dakar against the new tax law signed by Senegalese President Macky Sall.", "PROTEST")
    assert "Macky Sall" in names(protest, "target") and "SEN" in countries(protest, "target")
    (counter,) = events("Protests erupted in Dakar against the new tax law as Cameroonian President Paul Biya arrived.", "PROTEST")
    assert "Paul Biya" not in names(counter, "target")  # another country's leader


def test_aid_naming_no_one_goes_to_the_article_s_one_recipient(events):
    first, further = events("Ghana sent aid to Togo on Monday. Ghana also donated two million dollars on Tuesday.", "AID")
    assert countries(first, "target") == ["TGO"] and countries(further, "target") == ["TGO"]
    found = events("Ghana sent aid to Togo on Monday. Nigeria sent aid to Benin on Tuesday. "
                   "Ghana also donated two million dollars on Wednesday.", "AID")
    assert countries(found[-1], "target") == []  # two recipients: none is implied


def test_a_threat_is_aimed_at_whom_the_threatened_act_would_befall(events):
    (threat,) = events("Togo threatened to expel Ghanaian diplomats.", "THREATEN")
    assert countries(threat, "source") == ["TGO"] and countries(threat, "target") == ["GHA"]
    (kidnap,) = events("Gunmen threatened to kidnap schoolgirls in northern Togo.", "THREATEN")
    assert names(kidnap, "target") == ["schoolgirls (Togo)"]
    (counter,) = events("Togo threatened to withdraw from the talks.", "THREATEN")
    assert countries(counter, "target") == []


def test_an_agreement_to_act_is_aimed_at_whom_the_act_befalls(events):
    (agreement,) = events("Ghana said it had agreed to impose sanctions on Togo.", "AGREE")
    assert countries(agreement, "target") == ["TGO"]
    (counter,) = events("Ghana said it had agreed to lift its own tariffs.", "AGREE")
    assert countries(counter, "target") == []


def test_a_condemnation_set_on_an_act_is_aimed_at_its_doer(events):
    (accusation,) = events("Togo launched a missile on Friday, in actions condemned as unacceptable by Ghana.", "ACCUSE")
    assert countries(accusation, "source") == ["GHA"] and countries(accusation, "target") == ["TGO"]
    (counter,) = events("Togo launched a missile on Friday, after Ghana condemned the drills as unacceptable.", "ACCUSE")
    assert countries(counter, "source") == ["GHA"] and countries(counter, "target") == []


def test_a_nationality_the_parser_left_beside_an_event_word_does_it(events):
    (shelling,) = events("Our defences keep stopping the Ukrainian shelling of the bridge, the governor said.", "ASSAULT")
    assert countries(shelling, "source") == ["UKR"]  # parsed as two objects of "stopping"
    (counter,) = events("Our defences keep stopping the shelling of the bridge, the governor said.", "ASSAULT")
    assert countries(counter, "source") == []


def test_support_welcomed_from_allies_is_aimed_at_them(events):
    (support,) = events("Togo welcomed support from allies including Ghana and Benin.", "SUPPORT")
    assert {"GHA", "BEN"} <= set(countries(support, "target"))
    (counter,) = events("Togo welcomed the support on Monday.", "SUPPORT")
    assert countries(counter, "target") == []


def test_a_call_or_an_objection_is_aimed_at_the_parties_between_whom(events):
    (request,) = events("Ghana urged a cessation of hostilities between Togo and Benin.", "REQUEST")
    assert countries(request, "source") == ["GHA"] and sorted(countries(request, "target")) == ["BEN", "TGO"]
    (counter,) = events("Ghana urged a cessation of hostilities.", "REQUEST")
    assert countries(counter, "target") == []


def test_we_in_a_quote_is_its_speaker(events):
    found = events('"We firmly oppose any official interaction between Ghana and Benin," spokesman Kofi Mensah said on Tuesday.', "ACCUSE")
    assert any(names(e, "source") == ["Kofi Mensah"] and "GHA" in countries(e, "target") for e in found)
    found = events('"We firmly oppose any official interaction between Ghana and Benin," the statement said on Tuesday.', "ACCUSE")
    assert all(a.kind != "person" for e in found for a in e.actors)  # no person says it


def test_tear_gas_no_one_is_named_for_is_the_police_s(events):
    (gas,) = events("In Nairobi, one protester yelled, running away from a thick cloud of teargas.", "ASSAULT")
    assert names(gas, "source") == ["police (Kenya)"]
    (counter,) = events("Protesters in Nairobi threw stones at the police.", "ASSAULT")
    assert names(counter, "source") == ["Protesters (Kenya)"]


def test_a_person_acted_on_brings_the_body_an_apposition_makes_him_a_member_of(events):
    (attack,) = events("Somali troops killed Abdi Farah, a leader of the al-Shabaab militants, during an attack on a camp.", "ASSAULT")
    assert "al-Shabaab" in names(attack, "target")
    (counter,) = events("Somali troops killed Abdi Farah, a farmer from Kismayo, during an attack on a camp.", "ASSAULT")
    assert names(counter, "target") == ["Abdi Farah"]


def test_a_leader_telling_of_his_state_s_act_in_a_second_verb_is_its_source_too(events):
    (objection,) = events("Mr Mahama reiterated his policy and said that Ghana strongly opposes the border closure.", "ACCUSE")
    assert "John Mahama" in names(objection, "source")
    (counter,) = events("Mr Mahama reiterated his policy and said that Togo strongly opposes the border closure.", "ACCUSE")
    assert "John Mahama" not in names(counter, "source")


def test_an_extradition_without_agent_is_the_authorities(events):
    (extradition,) = events("Former Togolese minister Kofi Mensah was extradited to Ghana on Thursday.", "COOPERATE")
    assert names(extradition, "source") == ["authorities (Togo)"]
    (counter,) = events("Ghana and Togo held joint military exercises on Thursday.", "COOPERATE")
    assert all(a.role == "participant" for a in counter.actors)


def test_we_in_a_quote_of_what_we_will_do_is_left_to_the_reading_of_the_whole(events):
    (done,) = events('"We expelled the Ghanaian envoys," Kofi Mensah said on Monday.', "SANCTION")
    assert names(done, "source") == ["Kofi Mensah"]
    (promised,) = events('"We will expel the Ghanaian envoys," Kofi Mensah said on Monday.', "SANCTION")
    assert names(promised, "source") == []  # a promise or a threat: the classifier reads the whole


def test_persons_a_participle_describes_are_its_target_not_the_clause_s_subject(events):
    (accusation,) = events("Ghana imposed sanctions last week on five judges accused of corruption in Togo.", "ACCUSE")
    assert "Ghana" not in names(accusation, "target")  # the judges are accused, not Ghana
