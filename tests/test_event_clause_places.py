"""Places from the wrong clause (issue 19), on invented text: an act told in a clause that
orders it after or before another ("protests broke out in Kumasi after police arrested X")
does not take the place phrase of the clause outside it; its own place phrase it keeps."""

from __future__ import annotations


def test_an_arrest_told_after_protests_does_not_take_their_city(events):
    (arrest,) = events("Protests broke out in Kumasi on Monday after police arrested Kofi Mensah, an opposition politician.", "COERCE")
    assert arrest.place is None
    (protest,) = events("Protests broke out in Kumasi on Monday after police arrested Kofi Mensah, an opposition politician.", "PROTEST")
    assert protest.place is not None


def test_an_arrest_in_its_own_clause_keeps_its_city(events):
    (arrest,) = events("Police arrested Kofi Mensah in Kumasi on Monday after protests broke out.", "COERCE")
    assert arrest.place is not None
    (arrest,) = events("Protests broke out on Monday after police arrested Kofi Mensah in Kumasi.", "COERCE")
    assert arrest.place is not None


def test_a_place_put_first_sets_the_scene_of_both_clauses(events):
    (storming,) = events("In Kumasi, police fired tear gas on Monday after protesters stormed the party office.", "PROTEST")
    assert storming.place is not None
