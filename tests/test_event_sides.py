"""Whom a directed event is done to where the trigger's words give the wrong side or none
(issue 19, family 2; extract/sides.py), on invented text, each case with its counter-case:
the source's own forces are no target of a mobilization or a withdrawal, the country
withdrawn from is; an expelled emissary names its state."""

from __future__ import annotations

PUBLISHED = "2031-03-04"


def sides(event) -> list[tuple[str, str]]:
    return [(a.role, a.country or a.name) for a in event.actors]


def test_own_forces_are_no_target_and_the_place_left_is(events):
    (order,) = events("Togolese Defence Minister Kofi Mensah on Monday ordered troops to withdraw from the western bank "
                      "of Ghana's Volta River.", "CONCEDE")
    assert sides(order) == [("source", "TGO"), ("target", "GHA")]
    (mobilized,) = events("Togolese President Kofi Mensah mobilized warplanes on Sunday.", "MOBILIZE")
    assert [r for r, _ in sides(mobilized)] == ["source"]
    (counter,) = events("Togo mobilized troops against Ghanaian troops on Monday.", "MOBILIZE")
    assert ("target", "GHA") in sides(counter)  # another country's troops stay the target


def test_an_expelled_emissary_names_its_state(events):
    (expulsion,) = events("Ghana expelled 23 Togolese diplomats on Monday.", "SANCTION")
    assert sides(expulsion) == [("source", "GHA"), ("target", "TGO")]
    (own,) = events("Ghana expelled its own diplomats on Monday.", "SANCTION")
    assert sides(own) == [("source", "GHA")]  # "its": the subject's own, no target


def test_a_title_naming_no_actor_sums_up_the_bodys_event(events):
    """extract/summaries.py: a title-block mention with no source whose actors (or their
    countries) the body's event names is more evidence of it."""
    (attack,) = events("Deadly attack on northern Ghanaian town\n\nTogolese troops attacked Ghanaian villagers on Monday night.", "ASSAULT")
    assert sides(attack) == [("source", "TGO"), ("target", "GHA")] and len(attack.evidence) == 2
    apart = events("Deadly attack on northern Beninese town\n\nTogolese troops attacked Ghanaian villagers on Monday night.", "ASSAULT")
    assert len(apart) == 2  # another country's town: another attack


def test_an_interview_is_no_meeting(annotate_text):
    """extract/interviews.py: a meeting with a news medium is a statement to the press."""
    def consults(body):
        return [e for e in annotate_text(body, PUBLISHED).event_mentions if e.type == "CONSULT"]

    assert consults("Togolese officials, who spoke to the Associated Press on condition of anonymity, said aid arrived on Monday.") == []
    (talk,) = consults("Kofi Mensah spoke to Yaw Boateng on Monday.")
    assert [a.name for a in talk.actors] == ["Kofi Mensah", "Yaw Boateng"]
