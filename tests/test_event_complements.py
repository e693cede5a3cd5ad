"""Where a withdrawal and an ordered withdrawal happened, on invented text: a withdrawal at
the place it leaves ("withdrew from the city of X", `departures` of data/landmarks.yaml),
and an ordered withdrawal (CONCEDE) with no place of its own where the withdrawal it orders
is (extract/complements.py, `complement_place_types` of data/roles.yaml). Counter-cases: a
request to leave a place, a release "from" a place."""

from __future__ import annotations

PUBLISHED = "2025-03-04"
TAMALE, KUMASI = "geonames:2294877", "geonames:2298890"


def _events(annotate_text, body: str, type_: str):
    return [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == type_]


def test_an_ordered_withdrawal_is_placed_where_the_troops_withdraw(annotate_text):
    body = "Ghana's army chief on Monday ordered troops to withdraw from the city of Tamale."
    assert [e.place for e in _events(annotate_text, body, "CONCEDE")] == [TAMALE]


def test_a_withdrawal_is_placed_at_the_place_it_leaves(annotate_text):
    found = _events(annotate_text, "Ghanaian troops were retreating from Kumasi on Monday.", "RETREAT")
    assert found and found[0].place == KUMASI


def test_a_request_to_leave_a_place_is_not_placed_there(annotate_text):
    body = "Ghana's president on Monday urged the rebels to withdraw from the city of Kumasi."
    found = _events(annotate_text, body, "REQUEST")
    assert found and found[0].place != KUMASI


def test_a_release_from_a_place_is_not_placed_there(annotate_text):
    found = _events(annotate_text, "Ghana's president on Monday released the prisoners from Kumasi.", "RETREAT")
    assert found and found[0].place != KUMASI


def test_the_complement_rule_reads_its_types_from_data():
    from chronicle.extract.complements import complement_place

    class Word:
        def __init__(self, i, dep, children=()):
            self.i, self.dep_, self.children = i, dep, list(children)

    ordered = Word(0, "ROOT", [Word(2, "xcomp")])
    types = frozenset({"CONCEDE"})
    assert complement_place(ordered, {2: "geonames:1"}, "CONCEDE", None, types) == "geonames:1"
    assert complement_place(ordered, {2: "geonames:1"}, "REQUEST", None, types) is None
    assert complement_place(ordered, {2: "geonames:1"}, "CONCEDE", "geonames:9", types) == "geonames:9"
