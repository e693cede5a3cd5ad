"""Meeting dates on dated pages, third pass (issue 14, family 5): each family on invented
text, the case and its counter-case.

- a call said "on the telephone", or "discussed ... over phone": a call with its own day;
- a relative clause on an event noun that says when it happened ("the meeting that brought
  them together in May 2019") dates the noun (not one saying what someone did to it);
- a complete relative expression ("the previous evening") counts from the story's event
  whatever word follows it; one ending in a link ("a day after [the summit]") names its event;
- an undated happening stated in another country's city than the main event is another
  occasion: news of the publication day, not the main event's day.
"""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.resolve.relative_times import relative_to_event
from chronicle.resolve.time_attachment import attach_time
from chronicle.resolve.timing import resolve_times

PUBLISHED = "2021-10-20"  # a Wednesday


def _attached(nlp, rules, sentence, word, nth=1, reference=None):
    doc = nlp(sentence)
    found = resolve_times(doc, dt.date.fromisoformat(PUBLISHED), rules)
    token = [t for t in doc if t.text == word][nth - 1]
    time = attach_time(doc, token.i, found, None, dt.date.fromisoformat(PUBLISHED), rules)
    return relative_to_event(time, found, reference, rules, doc, token.i)


def _names(event):
    return sorted(a.name for a in event.actors if a.kind == "person")


def _pair(consults, body, *names):
    return [e for e in consults(body, PUBLISHED) if set(names) <= set(_names(e))]


# ---------------------------------------------------------------- calls with their own day


@pytest.mark.parametrize(
    "body",
    [
        "Kenyan President William Ruto and Ghanaian President Nana Akufo-Addo spoke on the telephone on Tuesday.",
        "The spokesman told reporters that William Ruto and Nana Akufo-Addo had spoken on the telephone earlier on Tuesday.",
    ],
)
def test_spoke_on_the_telephone_is_a_call_on_its_day(consults, body):
    events = _pair(consults, body, "William Ruto", "Nana Akufo-Addo")
    assert [(e.mode, e.date) for e in events] == [("PHONE", "2021-10-19")]


def test_spoke_to_the_press_about_a_telephone_is_no_call(consults):
    body = "William Ruto spoke to reporters about a telephone network Nana Akufo-Addo opened on Tuesday."
    assert not [e for e in _pair(consults, body, "William Ruto", "Nana Akufo-Addo") if e.mode == "PHONE"]


def test_discussed_over_phone_is_a_call_dated_by_its_report(consults):
    body = ("Kenyan President William Ruto hosted Ghanaian President Nana Akufo-Addo in Mombasa on Wednesday.\n\n"
            "Before that, the two men discussed the situation in Sudan over phone, the ministry said Monday.")
    calls = [e for e in _pair(consults, body, "William Ruto", "Nana Akufo-Addo") if e.mode == "PHONE"]
    assert [(e.date, e.end_date) for e in calls] == [("2021-10-17", "2021-10-18")]


def test_discussed_with_no_phone_is_no_call(consults):
    body = "William Ruto discussed the situation in Sudan with Nana Akufo-Addo in Mombasa on Monday."
    assert not [e for e in _pair(consults, body, "William Ruto", "Nana Akufo-Addo") if e.mode == "PHONE"]


# ---------------------------------------------------------------- a relative clause of occurrence


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        ("It was their second summit after the meeting that brought them together in Cairo in May 2019.", "2019-05"),
        ("The talks, which took place in Lusaka on Monday, were cordial.", "2021-10-18"),
    ],
)
def test_a_clause_saying_when_the_event_happened_dates_its_noun(nlp, rules, sentence, value):
    noun = "meeting" if "meeting" in sentence else "talks"
    assert _attached(nlp, rules, sentence, noun).value == value


def test_a_clause_saying_what_someone_did_to_the_event_does_not(nlp, rules):
    time = _attached(nlp, rules, "The summit that Ruto cancelled on Monday was to be held in Lusaka.", "summit")
    assert time.value != "2021-10-18"


def test_the_meeting_that_brought_them_together_is_an_earlier_meeting_of_the_same_two(consults):
    body = ("Kenyan President William Ruto met today in Rome with Ghanaian President Nana Akufo-Addo on the sidelines "
            "of the summit.\n\nThis is the second meeting between the two presidents after the meeting that brought "
            "them together in Egypt in November 2019 on the sidelines of a forum.")
    dates = sorted(e.date for e in _pair(consults, body, "William Ruto", "Nana Akufo-Addo"))
    assert dates == ["2019-11", "2021-10-20"]


# ---------------------------------------------------------------- complete relative expressions


def test_the_previous_evening_counts_from_the_story_whatever_follows(nlp, rules):
    reference = resolve_times(nlp("on Wednesday"), dt.date.fromisoformat(PUBLISHED), rules)[0][1]
    time = _attached(nlp, rules, "The leaders met the previous evening for an informal dinner in Mombasa.", "met",
                     reference=reference)
    assert (time.value, time.precision) == ("2021-10-19", "day")


def test_a_day_after_a_named_event_counts_from_that_event_not_the_story(nlp, rules):
    reference = resolve_times(nlp("on Wednesday"), dt.date.fromisoformat(PUBLISHED), rules)[0][1]
    time = _attached(nlp, rules, "The leaders met a day after the election in Mombasa.", "met", reference=reference)
    assert time.value is None  # the election is not dated here: no guess from the story's day


def test_the_previous_evening_is_another_meeting_than_the_days_talks(consults):
    body = ("Kenyan President William Ruto hosted Ghanaian President Nana Akufo-Addo in Mombasa on Wednesday.\n\n"
            "The leaders met the previous evening for an informal dinner at a hotel in Mombasa, the presidency said.")
    dates = sorted(e.date for e in consults(body, PUBLISHED) if "Nana Akufo-Addo" in _names(e))
    assert "2021-10-19" in dates


# ---------------------------------------------------------------- another occasion elsewhere


def test_an_undated_meeting_in_another_countrys_city_is_not_on_the_main_day(consults):
    body = ("Spanish Foreign Minister Ana Ruiz and Kenyan Foreign Minister David Okafor met in Geneva on Wednesday.\n\n"
            "Ruiz also met with Portuguese Foreign Minister Joao Gomes Cravinho in Lisbon to discuss the plan.")
    event = next(e for e in consults(body, PUBLISHED) if "Joao Gomes Cravinho" in _names(e))
    assert (event.date, event.end_date, event.date_precision) == ("2021-10-19", "2021-10-20", "reported")


def test_an_undated_meeting_in_the_main_events_city_keeps_its_day(consults):
    body = ("Spanish Foreign Minister Ana Ruiz and Kenyan Foreign Minister David Okafor met in Geneva on Wednesday.\n\n"
            "Ruiz also met with Portuguese Foreign Minister Joao Gomes Cravinho in Geneva to discuss the plan.")
    event = next(e for e in consults(body, PUBLISHED) if "Joao Gomes Cravinho" in _names(e))
    assert (event.date, event.date_precision) == ("2021-10-20", "day")


# ---------------------------------------------------------------- late closure

LATE = ("The two leaders' meeting and subsequent news conference followed lavish ceremonies that greeted Ruto for a "
        "three-day visit that includes lunch at the Ahmadu Bello Stadium Wednesday afternoon and celebration of "
        "Independence Day — Nigeria's national holiday — on Friday.")


def test_a_time_after_a_relative_clause_is_not_the_main_verbs_subjects(nlp, rules):
    # the small parser hangs "on Friday" on "followed"; a reader closes it into the visit's clause
    time = _attached(nlp, rules, LATE, "meeting")
    assert time.expression != "Friday"
    visit = _attached(nlp, rules, LATE, "visit")  # the noun the clause describes keeps it, in the clause's tense
    assert (visit.expression, visit.value) == ("Friday", "2021-10-22")


def test_a_comma_closes_the_relative_clause(nlp, rules):
    time = _attached(nlp, rules, "Ruto met the envoy, who arrived from Lima, on Monday.", "met")
    assert (time.value, time.expression) == ("2021-10-18", "Monday")

