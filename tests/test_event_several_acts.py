"""Several events one mention would fold (issue 19): acts of one type and one actor the
trigger lexicon gives different modes (extract/separate_acts.py), and a thing named again by a
bare definite noun, aimed at whom the earlier event of its type was (extract/retold.py).
Invented text, each case with its counter-case."""

from __future__ import annotations

from types import SimpleNamespace

from chronicle.extract.separate_acts import separate_acts


def trigger(mode):
    return SimpleNamespace(mode=mode)


def test_two_kinds_of_act_are_two_events_one_kind_is_one():
    assert separate_acts(trigger("ABDUCT"), trigger("DESTROY"))
    assert not separate_acts(trigger("ABDUCT"), trigger("ABDUCT"))  # "kidnapped ... abducted": retold
    assert not separate_acts(trigger(None), trigger("DESTROY"))  # "the attack" may be either


def test_a_kidnapping_and_a_burning_by_the_same_gunmen_are_two_assaults(events):
    found = events("Gunmen from the Red Valley Front kidnapped twelve farmers near Kara on Monday."
                   " The gunmen then burned homes in the village.", "ASSAULT")
    assert len(found) == 2
    (retold,) = events("Gunmen from the Red Valley Front kidnapped twelve farmers near Kara on Monday."
                       " The gunmen abducted the farmers from their fields.", "ASSAULT")
    assert len(retold.evidence) == 2


def test_a_request_named_again_is_the_one_told_before(events):
    text = ("Ghana's parliament approved Togo's bid to join the bloc on Monday. "
            "Benin ratified the request last month.")
    ratified = [e for e in events(text, "SUPPORT") if any(a.name == "Benin" for a in e.actors)]
    assert ratified and [a.country for a in ratified[0].actors if a.role == "target"] == ["TGO"]
    counter = ("Ghana's parliament approved Togo's bid to join the bloc on Monday. "
               "Benin ratified Mali's request last month.")
    own = [e for e in events(counter, "SUPPORT") if any(a.name == "Benin" for a in e.actors)]
    assert own and [a.country for a in own[0].actors if a.role == "target"] == ["MLI"]  # an owner of its own
