"""Several acts of one type by one actor stay several events when the trigger lexicon gives
them different kinds (modes) (issue 19, extract/separate_acts.py). Invented text, each case
with its counter-case."""

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
