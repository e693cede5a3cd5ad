"""A meeting with two counterparts on one trip is a meeting with each, planned or reported
(issue 14): a number counting time ("in four decades") does not make it one meeting, and a
mention that names the persons without sides ("the leaders met") does not undo the sides
another mention gave. Invented sentences with the packaged KB, each case with its counter-case."""

from __future__ import annotations

from chronicle.extract.merging import _joined_sides, meeting_words


def people(event) -> list[str]:
    return sorted(a.name for a in event.actors if a.kind == "person")


def test_a_planned_meeting_with_two_counterparts_is_two_plans_whatever_decades_it_ends(consults):
    events = consults("Narendra Modi will meet Hassan Rouhani and Ali Khamenei in Tehran next week, the first "
                      "visit by an Indian leader in four decades.")
    assert sorted(people(e) for e in events) == [["Ali Khamenei", "Narendra Modi"], ["Hassan Rouhani", "Narendra Modi"]]
    assert all(e.modality == "planned" for e in events)


def test_planned_trilateral_talks_stay_one_meeting(consults):
    events = consults("Narendra Modi will hold trilateral talks with Hassan Rouhani and Ali Khamenei in Tehran "
                      "next week, the first such meeting in four decades.")
    assert [people(e) for e in events] == [["Ali Khamenei", "Hassan Rouhani", "Narendra Modi"]]


def test_a_number_counting_time_is_no_meeting_word():
    assert "four" not in meeting_words("the first visit in four decades.", frozenset({"decades", "years"}))
    assert "four" in meeting_words("the four leaders met.", frozenset({"decades", "years"}))


def test_a_mention_without_sides_keeps_the_sides_another_gave():
    a, b, c, d = (frozenset({x}) for x in "abcd")
    assert _joined_sides((a, b | c), (a | b, frozenset())) == (a, b | c)
    assert _joined_sides((frozenset(), a | c), (a, b | c)) == (a, b | c)


def test_a_mention_without_sides_naming_a_new_person_still_crosses():
    a, b, c, d = (frozenset({x}) for x in "abcd")
    assert _joined_sides((a, b | c), (a | b | d, frozenset())) == (frozenset(), frozenset())
    assert _joined_sides((a, b), (b, a)) == (frozenset(), frozenset())
