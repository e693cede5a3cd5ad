"""Who acts and who undergoes an event when a nearby phrase says it (issue 19,
extract/sides_words.py): a body's members, a warning's condition, an attribution the parser
took for a subject. Invented text, each case with its counter-case."""

from __future__ import annotations

from chronicle.extract.sides_words import load_side_words


def names(event, role: str) -> list[str]:
    return [a.name for a in event.actors if a.role in (role, "participant")]


def countries(event, role: str) -> list[str | None]:
    return [a.country for a in event.actors if a.role == role]


def test_the_members_of_a_body_stand_for_the_body(events):
    (summit,) = events("Leaders of the African Union held an extraordinary summit in Addis Ababa.", "CONSULT")
    assert names(summit, "source") == ["African Union"]
    (summit,) = events("Envoys from the African Union attended an extraordinary summit on the crisis.", "CONSULT")
    assert names(summit, "source") == ["African Union"]
    (counter,) = events("The leader of the African Union met Ghanaian President Nana Akufo-Addo.", "CONSULT")
    assert "African Union" not in names(counter, "source")  # one person, not the body


def test_a_warning_is_aimed_at_whom_its_condition_names(events):
    (warning,) = events("The Ghanaian government warned on Monday that Ghana would take strong measures"
                        " if Togolese President Faure Gnassingbe visits Lome.", "THREATEN")
    assert countries(warning, "target") == ["TGO"] and countries(warning, "source") == ["GHA"]
    (counter,) = events("Benin warned on Monday that it would close the border if prices rose.", "THREATEN")
    assert countries(counter, "target") == []
    (own,) = events("Benin warned Togo on Monday that it would close the border if Nigeria raised tariffs.", "THREATEN")
    assert countries(own, "target") == ["TGO"]  # a target of its own comes first


def test_an_attribution_is_not_the_actor(events):
    (deadline,) = events("According to the state news agency Tass, Russia's defence ministry gave Ukraine's army"
                         " a deadline on Monday.", "THREATEN")
    assert countries(deadline, "source") == ["RUS"] and "Tass" not in names(deadline, "source")
    (counter,) = events("The state news agency Tass said Russia's defence ministry gave Ukraine's army a deadline.", "THREATEN")
    assert countries(counter, "source") == ["RUS"]


def test_the_side_words_are_data(tmp_path):
    path = tmp_path / "sides.yaml"
    path.write_text("member_nouns: [envoy]\nmember_preps: [of]\nconditional_target_types: [threaten]\n"
                    "condition_marks: [if]\nattribution_phrases: [according to]\n", encoding="utf-8")
    words = load_side_words(path)
    assert words.member_nouns == {"envoy"} and words.conditional_target_types == {"THREATEN"}
    assert words.attribution_phrases == (("according", "to"),)
    assert "leader" in load_side_words().member_nouns


def test_a_by_phrase_hung_off_an_event_noun_names_its_doer(events):
    (criticism,) = events("Togo said that criticism of Ghana's democracy by Beninese politicians had soured relations.", "ACCUSE")
    assert countries(criticism, "source") == ["BEN"] and countries(criticism, "target") == ["GHA"]
    (counter,) = events("Togo said that criticism of Ghana's democracy had soured relations.", "ACCUSE")
    assert countries(counter, "source") == []


def test_a_generic_organ_is_not_of_the_country_it_acts_on(events):
    # Ghana, named most, would be the article's country: the officials are Nigeria's
    (accusation,) = events("The government of Nigeria was a holdout, with officials accusing Ghana of meddling in Accra and Kumasi.", "ACCUSE")
    assert countries(accusation, "source") == ["NGA"] and countries(accusation, "target") == ["GHA"]
    (written,) = events("Ghana's officials accused Ghana of meddling.", "ACCUSE")
    assert countries(written, "source") == ["GHA"]  # the phrase writes its country: it stays


def test_a_state_institution_named_without_its_country_is_the_article_s(events):
    (storming,) = events("Thousands of Togolese protesters stormed the National Assembly precincts in Lome on Tuesday.", "PROTEST")
    assert countries(storming, "target") == ["TGO"]
    (counter,) = events("Thousands of protesters marched on the Kara Trading Company in Lome on Tuesday.", "PROTEST")
    assert "TGO" not in countries(counter, "target")  # a company is no state organ


def test_a_call_for_talks_with_a_capital_is_aimed_at_its_state(events):
    (call,) = events("Akufo-Addo has called for comprehensive peace talks with Lome that restore stability.", "REQUEST")
    assert countries(call, "target") == ["TGO"]
    (counter,) = events("Akufo-Addo has called for comprehensive peace talks in Lome that restore stability.", "REQUEST")
    assert countries(counter, "target") == []


def test_the_former_president_is_the_one_titled_so(events):
    (denial,) = events("Former Ghanaian President Kofi Mensah was extradited to Togo on Thursday. The former president,"
                       " who lost his immunity in January, has rejected all the charges.", "REJECT")
    assert names(denial, "source") == ["Kofi Mensah"]
    found = events("Ghanaian President Kofi Mensah was extradited to Togo on Thursday. The former president,"
                   " who lost his immunity in January, has rejected all the charges.", "REJECT")
    assert all("Kofi Mensah" not in names(e, "source") for e in found)  # titled as the holder: not "the former"


def test_a_round_of_sanctions_is_imposed_by_who_enacts_it(events):
    (sanctions,) = events("The United States announced a fresh round of sanctions on Russia on Friday.", "SANCTION")
    assert countries(sanctions, "source") == ["USA"] and countries(sanctions, "target") == ["RUS"]
    found = events("Belarus condemned a new package of sanctions against Russia.", "SANCTION")
    assert all("BLR" not in countries(e, "source") for e in found)  # condemning enacts nothing


def test_a_rejection_of_a_thing_is_aimed_at_its_maker(events):
    (veto,) = events("Last week, Ghana proposed a ceasefire resolution, which was ultimately vetoed by Nigeria and Benin.", "REJECT")
    assert sorted(countries(veto, "source")) == ["BEN", "NGA"] and countries(veto, "target") == ["GHA"]
    (dispute,) = events("Protests erupted against the re-election victory claimed by Togolese President Faure Gnassingbe"
                        " but disputed by the opposition.", "REJECT")
    assert countries(dispute, "target") == ["TGO"]
    (counter,) = events("The opposition rejected the election results on Monday.", "REJECT")
    assert countries(counter, "target") == []


def test_a_warning_of_what_will_befall_someone_is_aimed_at_them(events):
    (warning,) = events("Ghana warned that Togo would face serious consequences.", "THREATEN")
    assert countries(warning, "target") == ["TGO"]
    (own,) = events("Ghana warned that its troops would retaliate.", "THREATEN")
    assert countries(own, "target") == []  # its own troops
    (counter,) = events("Ghana warned that the economy would collapse.", "THREATEN")
    assert countries(counter, "target") == []


def test_a_protest_by_a_leader_s_followers_is_aimed_at_the_article_s_state(events):
    arrest = "Opposition leader Kwame Boateng was arrested in Kumasi on Wednesday. "
    (protest,) = events(arrest + "Boateng's supporters blocked roads and burned tires in Accra.", "PROTEST")
    assert countries(protest, "target") == ["GHA"]
    (counter,) = events(arrest + "Boateng's supporters protested against the arrest in Accra.", "PROTEST")
    assert countries(counter, "target") == []  # a target word of its own


def test_a_denial_of_charges_answers_the_accuser(events):
    (denial,) = events("Nigeria accused Ghana of smuggling weapons on Monday. Ghana denied the allegations on Tuesday.", "REJECT")
    assert countries(denial, "source") == ["GHA"] and countries(denial, "target") == ["NGA"]
    (counter,) = events("Benin accused Togo of smuggling weapons on Monday. Ghana denied the allegations on Tuesday.", "REJECT")
    assert countries(counter, "target") == []  # no one accused Ghana

