"""Spurious event types of issue 19 on invented text, each case with its counter-case: a
missile launched at no one (a test or a show of force: MOBILIZE, not ASSAULT) and a state
closing its own airspace (readiness: MOBILIZE, not a restriction on someone). Types from the
lexicon alone."""

from __future__ import annotations

import pytest

PUBLISHED = "2031-03-04"


@pytest.fixture(scope="module")
def types(annotate_with_lexicon):
    def run(body: str) -> set[str]:
        return {e.type for e in annotate_with_lexicon(body, PUBLISHED).event_mentions}

    return run


def test_a_missile_launched_at_no_one_is_a_show_of_force(types):
    assert types("Ghana launched a ballistic missile on Monday.") == {"MOBILIZE"}
    assert types("Ghana fired a cruise missile on Monday, its navy said.") >= {"MOBILIZE"}
    assert "ASSAULT" not in types("Ghana fired a cruise missile on Monday, its navy said.")


def test_a_missile_launched_at_someone_is_an_attack(types):
    assert "ASSAULT" in types("Ghana launched a ballistic missile at Togo on Monday.")
    assert "ASSAULT" in types("Ghana fired missiles into Togo on Monday.")
    assert "MOBILIZE" not in types("Ghana fired missiles into Togo on Monday.")
    assert "ASSAULT" in types("Rebels fired rockets on Monday.")  # rockets at no one named: still fire


def test_a_state_closing_its_own_airspace_readies_its_defence(types):
    assert types("Ghana closed its airspace on Monday ahead of the expected strikes.") >= {"MOBILIZE"}
    assert "COERCE" not in types("Ghana closed its airspace on Monday ahead of the expected strikes.")
    assert "MOBILIZE" not in types("Ghana closed the border crossing on Monday.")


def test_a_crowd_storming_a_building_protests(types):
    assert "PROTEST" in types("Protesters stormed the parliament in Accra on Monday.")
    assert "ASSAULT" not in types("Protesters stormed the parliament in Accra on Monday.")
    found = types("Several demonstrators were shot in Accra on Monday after many stormed the parliament.")
    assert "PROTEST" in found


def test_soldiers_storming_a_town_attack(types):
    assert "PROTEST" not in types("Ghanaian soldiers stormed the rebel town on Monday.")
    assert "PROTEST" not in types("Many stormed the rebel town on Monday, the army said.")


def test_a_strike_with_a_weapon_or_a_nationality_is_no_walkout(types):
    assert "PROTEST" not in types("Ghana condemned the Togolese air strike on the camp on Monday.")
    assert "PROTEST" not in types("Ghana condemned the Togolese strike on the camp on Monday.")
    assert "PROTEST" in types("Dock workers in Accra began a strike on Monday.")


def test_troops_described_where_they_stand_mobilize_nothing(types):
    assert "MOBILIZE" not in types("Gunmen fought soldiers stationed at the school in Accra on Monday.")
    assert "MOBILIZE" in types("Ghana stationed troops in the north on Monday.")


def test_a_word_of_a_persons_name_is_no_trigger(types):
    assert not {"COERCE", "SANCTION"} & types("Ban Ki-moon, the former U.N. chief, attended the ceremony in Accra on Monday.")
    assert "COERCE" in types("Ghana banned rallies in Accra on Monday.")


def test_an_act_kept_from_happening_is_not_reported(annotate_with_lexicon):
    kept = annotate_with_lexicon("Togo used such language on Monday to dissuade Ghana from supporting the rebels.", PUBLISHED).event_mentions
    assert [(e.type, e.modality) for e in kept] == [("SUPPORT", "hypothetical")]
    done = annotate_with_lexicon("Ghana was publicly supporting the rebels on Monday, Togo said.", PUBLISHED).event_mentions
    assert [e.modality for e in done if e.type == "SUPPORT"] == ["reported"]


def test_fighting_told_with_no_one_joins_its_sentences_attack(annotate_with_lexicon):
    one = annotate_with_lexicon("The clashes in Accra on Monday left dozens hurt after police fired tear gas at the crowd.", PUBLISHED).event_mentions
    assert len([e for e in one if e.type == "ASSAULT"]) == 1
    two = annotate_with_lexicon("Gunmen abducted 20 students in Accra on Monday after a gun battle with soldiers.", PUBLISHED).event_mentions
    assert len([e for e in two if e.type == "ASSAULT"]) == 2


def test_dozens_of_gunmen_storming_attack(types):
    assert "PROTEST" not in types("Dozens of gunmen stormed the school in Tamale on Monday as the students slept.")
    assert "PROTEST" in types("Hundreds of protesters stormed the parliament in Accra on Monday.")


def test_a_scathing_attack_in_words_is_a_rebuke(types):
    found = types("The Ghanaian foreign minister launched a scathing attack on Togo in a speech on Monday.")
    assert "ACCUSE" in found and "ASSAULT" not in found
    assert "ASSAULT" in types("Ghanaian troops launched an attack on Togo on Monday.")


def test_offered_congratulations_are_praise_not_an_agreement(types):
    found = types("Ghana offered its congratulations to Togo on Monday.")
    assert "AGREE" not in found and "SUPPORT" in found
    assert "AGREE" in types("Togo offered Ghana a ceasefire deal on Monday.")


def test_units_ordered_to_a_border_are_mobilized(types):
    found = types("Ghana's president ordered tank battalions to the Togolese border on Sunday.")
    assert "MOBILIZE" in found and "REQUEST" not in found
    assert "REQUEST" in types("Ghana's president ordered Togo to release the prisoners on Sunday.")
