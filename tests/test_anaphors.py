"""Descriptions that refer back to an actor named before (extract/anaphors.py, issue 19):
"the neighbours", "the bloc", "these states", a plural "they"; each case with its
counter-case, on invented text. Types come from the trigger lexicon alone."""

from __future__ import annotations

import pytest

from chronicle.extract.anaphors import anaphor_kind, is_plural

PUBLISHED = "2031-03-04"
NOUNS = {"country": "country", "neighbour": "country", "nation": "country", "bloc": "organization"}
DETERMINERS = frozenset({"the", "these", "those"})


@pytest.fixture(scope="module")
def events(annotate_with_lexicon):
    def run(body: str, type_: str):
        return [e for e in annotate_with_lexicon(body, PUBLISHED).event_mentions if e.type == type_]

    return run


def sides(event) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for actor in event.actors:
        out.setdefault(actor.role, set()).add(actor.country or actor.name)
    return out


@pytest.fixture(scope="module")
def parse():
    from chronicle.nlp import load_pipeline
    from chronicle.settings import default_model

    nlp = load_pipeline(default_model())
    return lambda text, word: next(t for t in nlp(text) if t.text == word)


def test_a_definite_description_of_a_listed_noun_refers_back(parse):
    assert anaphor_kind(parse("The two neighbours closed the border.", "neighbours"), NOUNS, DETERMINERS) == "country"
    assert is_plural(parse("The two neighbours closed the border.", "neighbours"))
    assert anaphor_kind(parse("The bloc imposed sanctions.", "bloc"), NOUNS, DETERMINERS) == "organization"
    # counter-cases: no determiner of its own, a compound, a phrase of its own
    assert anaphor_kind(parse("A country imposed sanctions.", "country"), NOUNS, DETERMINERS) is None
    assert anaphor_kind(parse("They flew to the island nation.", "nation"), NOUNS, DETERMINERS) is None
    assert anaphor_kind(parse("The country of her birth imposed sanctions.", "country"), NOUNS, DETERMINERS) is None


def test_the_neighbours_are_the_two_countries_named_before(events):
    (expulsion,) = events("Kenya and Tanzania closed their border on Monday. The neighbours expelled each other's diplomats.",
                          "SANCTION")
    assert sides(expulsion)["source"] == {"KEN", "TZA"}
    # counter-case: one country named before is not "the neighbours"
    assert not events("Kenya closed its border on Monday. The neighbours expelled each other's diplomats.", "SANCTION")


def test_the_bloc_is_the_organization_named_before(events):
    (suspension,) = events("The African Union met in Addis Ababa on Monday. The bloc suspended Mali's membership.", "SANCTION")
    assert sides(suspension) == {"source": {"African Union"}, "target": {"MLI"}}
    (counter,) = events("Leaders met in Addis Ababa on Monday. The bloc suspended Mali's membership.", "SANCTION")
    assert "source" not in sides(counter)


def test_these_states_are_not_the_subject_of_their_own_verb(events):
    (accusation,) = events("Ghana and Benin have backed the rebels, Togo said on Monday. "
                           "Togo accused these states of supporting terrorism.", "ACCUSE")
    assert sides(accusation) == {"source": {"TGO"}, "target": {"GHA", "BEN"}}
    (counter,) = events("Ghana has backed the rebels, Togo said on Monday. Togo accused these states of supporting terrorism.",
                        "ACCUSE")
    assert sides(counter) == {"source": {"TGO"}}


def test_they_is_the_group_an_earlier_subject_names(events):
    (release,) = events("Boko Haram fighters stormed a village on Monday. They later released ten hostages.", "RETREAT")
    assert sides(release)["source"] == {"NGA"} and release.actors[0].name == "Boko Haram"
    # counter-cases: villagers name no group; whoever was abducted does not act next
    assert not events("Villagers fled on Monday. They later released ten hostages.", "RETREAT")
    assert not events("Hundreds of students were abducted on Monday. They later released ten hostages.", "RETREAT")


def test_whom_a_subject_acts_on_is_not_its_country(parse):
    from chronicle.extract.anaphors import undergoer_words as words_of
    from chronicle.extract.role_words import load_role_words

    undergoer_words = lambda token: words_of(token, load_role_words().undergoer_place_preps)  # noqa: E731

    lawmakers = parse("Lawmakers approved Togo's bid to join the bloc.", "Lawmakers")
    assert {lawmakers.doc[i].text for i in undergoer_words(lawmakers)} >= {"Togo", "bid"}
    officials = parse("Talks stalled, with officials accusing Togo of arming rebels.", "officials")
    assert "Togo" in {officials.doc[i].text for i in undergoer_words(officials)}
    # counter-case: where the act happens is no other side ("In Togo, police arrested ...")
    police = parse("In Togo, police arrested three opposition leaders.", "police")
    assert "Togo" not in {police.doc[i].text for i in undergoer_words(police)}


def test_a_country_named_where_the_act_happens_still_places_the_organ(events):
    (volley,) = events("Ghana's parliament met in Accra on Monday. In Togo, police fired tear gas at protesters.", "ASSAULT")
    assert sides(volley)["source"] == {"TGO"}


def test_they_after_two_states_is_both_and_after_two_leaders_the_leaders(events, annotate_with_lexicon):
    (release,) = events("Ghana and Togo signed a border accord on Monday. They later released forty prisoners.", "RETREAT")
    assert sides(release)["source"] == {"GHA", "TGO"}
    # counter-case: after two persons, "they" is left to the meeting rule (persons, no state)
    found = annotate_with_lexicon("Kofi Mensah and Ama Owusu met in Accra on Monday. They later released forty prisoners.",
                                  PUBLISHED).event_mentions
    (counter,) = [e for e in found if e.type == "RETREAT"]
    named = {a.name for a in counter.actors if a.role == "source"}
    assert named and named <= {"Kofi Mensah", "Ama Owusu"}


def test_the_words_before_a_token_reach_back_the_sentences_asked_nearest_first(parse):
    from chronicle.extract.anaphors import preceding_words, words_before

    token = parse("The ministry of Zarovia spoke first.\n\nThe council of Velmoria accused the neighbours.", "accused")
    assert [w.text for w in words_before(token, 0)] == ["Velmoria", "of", "council", "The"]
    reached = [w.text for w in words_before(token, 1)]
    assert reached[:4] == ["Velmoria", "of", "council", "The"] and reached[-2:] == ["ministry", "The"]
    assert "Zarovia" in reached
    # the own verb's subject is left out for a description's antecedent, the sentence before is not
    assert "Velmoria" not in [w.text for w in preceding_words(token, 1)]
    assert "Zarovia" in [w.text for w in preceding_words(token, 1)]
