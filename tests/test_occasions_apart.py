"""Telling one meeting from another occasion the article names beside it (issue 14): the
year of a date written without one on an undated page, the place of an occasion ordered
"after" the event, a trip someone else made, an undated mention in another city than a
dated one, and a setting "for talks" that says what may happen, not what did. Invented
sentences with the packaged KB, each case with its counter-case."""

from __future__ import annotations

from types import SimpleNamespace

from chronicle.extract.elsewhere import other_city_other_date, someone_else_travelled


def people(event) -> list[str]:
    return sorted(a.name for a in event.actors if a.kind == "person")


# -- the year of "on Sept. 23" on a page without a publication date

def test_a_date_without_year_on_an_undated_page_takes_the_year_of_its_full_dates(consults):
    events = consults("Emmanuel Macron and Olaf Scholz shake hands in Berlin, Germany, on Aug. 18, 2025. (Photo: AFP)\n"
                      "Emmanuel Macron met Olaf Scholz in Paris on Sept. 23.", None)
    assert sorted(str(e.date) for e in events) == ["2025-08-18", "2025-09-23"]
    assert next(e for e in events if e.date == "2025-09-23").date_rule.startswith("page-year:")


def test_a_date_without_year_stays_undated_when_the_page_writes_no_full_date(consults):
    events = consults("Emmanuel Macron met Olaf Scholz in Paris on Sept. 23.", None)
    assert [e.date for e in events] == [None]


# -- a place inside "after hosting X in Y" is the hosting's

def test_the_place_of_an_occasion_after_the_event_is_not_the_event_place(consults):
    events = consults("Erdogan will speak with Olaf Scholz after hosting Mohammed Shia al-Sudani in Istanbul.")
    talk = next(e for e in events if "Olaf Scholz" in people(e))
    hosting = next(e for e in events if "Mohammed Shia al-Sudani" in people(e))
    assert talk.place is None and hosting.place is not None


def test_a_place_on_the_event_itself_stays_before_an_after_phrase(consults):
    events = consults("Erdogan will speak with Olaf Scholz in Istanbul after hosting Mohammed Shia al-Sudani.")
    talk = next(e for e in events if "Olaf Scholz" in people(e))
    assert talk.place is not None


# -- a trip made by someone outside the meeting

def test_a_trip_someone_else_made_does_not_place_a_meeting(consults):
    events = consults("Erdogan plans to hold talks with Olaf Scholz.\n\nIt is the third time the Iraqi leader "
                      "Mohammed Shia al-Sudani has visited Turkey this year.", None)
    talks = next(e for e in events if people(e) == ["Olaf Scholz", "Recep Tayyip Erdogan"])
    assert talks.place is None


def test_a_trip_a_participant_made_places_the_meeting(consults):
    events = consults("Erdogan plans to hold talks with Olaf Scholz.\n\nIt is the third time the German "
                      "chancellor has visited Turkey this year.", None)
    talks = next(e for e in events if e.modality == "planned")
    assert talks.place == "TUR"


def test_someone_else_travelled_needs_a_named_mover_outside_the_event():
    smith, brown = SimpleNamespace(value="Q1"), SimpleNamespace(value="Q3")
    assert someone_else_travelled([brown], {"Q1", "Q2"})
    assert not someone_else_travelled([smith], {"Q1", "Q2"})
    assert not someone_else_travelled([None], {"Q1", "Q2"})  # "his visit": may be theirs
    assert not someone_else_travelled([], {"Q1", "Q2"})


# -- an undated mention and a dated one in two cities

def _city(id_, country="FR"):
    return SimpleNamespace(id=id_, kind="city", country=country)


PLACES = {"paris": _city("paris"), "lyon": _city("lyon"), "FR": SimpleNamespace(id="FR", kind="country", country="FR")}


def test_an_undated_mention_in_another_city_than_a_dated_one_is_another_occasion():
    assert other_city_other_date(("paris", "lyon"), (True, True), (False, True), PLACES)


def test_mentions_in_one_city_or_both_dated_or_a_country_are_left_to_the_other_rules():
    assert not other_city_other_date(("paris", "paris"), (True, True), (False, True), PLACES)
    assert not other_city_other_date(("paris", "lyon"), (True, True), (True, True), PLACES)  # a venue and its town, dated alike
    assert not other_city_other_date(("paris", "lyon"), (True, False), (False, True), PLACES)  # a place not stated
    assert not other_city_other_date(("FR", "lyon"), (True, True), (False, True), PLACES)


# -- "offers a chance for talks": a possibility

def test_a_setting_for_talks_told_in_the_present_is_no_meeting_held(consults):
    events = consults("The forum offers an opportunity for talks between Emmanuel Macron and Olaf Scholz.")
    assert events and all(e.modality == "hypothetical" for e in events)


def test_a_setting_for_talks_told_in_the_past_is_a_meeting_held(consults):
    events = consults("The retreat provided a relaxed setting for talks between Emmanuel Macron and Olaf Scholz on Tuesday.")
    assert [(e.modality, e.date) for e in events] == [("reported", "2019-06-04")]


# -- two countries stated: two occasions

def test_meetings_in_two_countries_are_two_occasions(consults):
    events = consults("Emmanuel Macron will meet Olaf Scholz later today.\n\n“We had a fine meeting in Italy, we "
                      "had a fine meeting in Norway,” Macron said.")
    assert sorted(e.place for e in events if e.modality == "reported") == ["ITA", "NOR"]


def test_meetings_in_one_country_stated_twice_are_one(consults):
    events = consults("Emmanuel Macron will meet Olaf Scholz later today.\n\n“We had a fine meeting in Italy, we "
                      "had a fine meeting in Italy,” Macron said.")
    assert [e.place for e in events if e.modality == "reported"] == ["ITA"]


# -- a meeting a report is about: the report's place is not the meeting's

def test_a_visit_a_report_is_about_does_not_take_the_report_place(consults):
    events = consults("A man watches a television news report about a suspected visit to China by Emmanuel Macron, "
                      "at a railway station in Tokyo on March 27, 2018.")
    assert [e.place for e in events] == ["CHN"]  # the visited country, not where the report was watched


def test_a_meeting_a_report_is_about_keeps_its_own_place(consults):
    events = consults("A man watches a television news report about talks in Beijing between Emmanuel Macron and "
                      "Xi Jinping, at a railway station in Tokyo on March 27, 2018.")
    assert [e.place for e in events] == ["geonames:1816670"]  # Beijing
