"""An organisation's act with no place of its own, told on the day of a meeting of that
organisation the article places, was made at that meeting (extract/summits.py), on invented
records; counter-cases: another day, a meeting that does not name the organisation, a state's
act, an act that has its own place."""

from __future__ import annotations

from chronicle.extract.summits import placed_meeting, summit_place
from chronicle.model import EventActor

TYPES = frozenset({"SANCTION", "REQUEST"})
BLOC = EventActor("sahel-bloc", "Sahel Economic Union", "organization", "source")
STATE = EventActor("TGO", "Togo", "country", "source")
NAMES = {"sahel-bloc": ("Sahel Economic Union", "SEU")}
SUMMIT = placed_meeting("2031-05-04", "geonames:tamale", (), "The sanctions followed a summit of SEU leaders in Tamale.")


def test_the_blocs_act_on_the_day_of_its_placed_summit_is_at_the_summit():
    assert summit_place("SANCTION", None, "2031-05-04", [BLOC], [SUMMIT], TYPES, NAMES) == "geonames:tamale"


def test_a_summit_that_names_the_bloc_as_a_resolved_actor_counts_too():
    resolved = placed_meeting("2031-05-04", "geonames:tamale", ("sahel-bloc",), "Leaders met in Tamale.")
    assert summit_place("REQUEST", None, "2031-05-04", [BLOC], [resolved], TYPES) == "geonames:tamale"


def test_another_day_another_body_or_an_own_place_keeps_the_place():
    assert summit_place("SANCTION", None, "2031-05-05", [BLOC], [SUMMIT], TYPES, NAMES) is None
    assert summit_place("SANCTION", None, "2031-05-04", [STATE], [SUMMIT], TYPES, NAMES) is None
    assert summit_place("SANCTION", "geonames:kumasi", "2031-05-04", [BLOC], [SUMMIT], TYPES, NAMES) == "geonames:kumasi"
    assert summit_place("ASSAULT", None, "2031-05-04", [BLOC], [SUMMIT], TYPES, NAMES) is None
    elsewhere = placed_meeting("2031-05-04", "geonames:kumasi", (), "Farmers met traders in Kumasi.")
    assert summit_place("SANCTION", None, "2031-05-04", [BLOC], [elsewhere], TYPES, NAMES) is None


def test_a_meeting_without_day_or_place_is_not_a_placed_meeting():
    assert placed_meeting("2031-05", "geonames:tamale", ()) is None
    assert placed_meeting("2031-05-04", None, ()) is None


def test_an_organisations_sanctions_after_its_summit_are_placed_there(annotate_text):
    body = ("The Economic Community of West African States on Sunday imposed sanctions on Togo. "
            "The decision followed an extraordinary summit of ECOWAS leaders in Tamale on Sunday.")
    found = [e for e in annotate_text(body, "2025-03-04").event_mentions
             if e.type == "SANCTION" and any(a.id == "ecowas" for a in e.actors)]
    assert found and found[0].place == "geonames:2294877"


def test_an_organisations_act_on_another_day_than_its_summit_is_not_placed_there(annotate_text):
    body = ("The Economic Community of West African States on Friday imposed sanctions on Togo. "
            "An extraordinary summit of ECOWAS leaders followed in Tamale on Sunday.")
    found = [e for e in annotate_text(body, "2025-03-04").event_mentions
             if e.type == "SANCTION" and any(a.id == "ecowas" for a in e.actors)]
    assert found and found[0].place != "geonames:2294877"
