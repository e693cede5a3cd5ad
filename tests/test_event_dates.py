"""Meeting dates on dated pages (issue 14, the date part): which day a time gives the event
it sits beside. Invented sentences, each family with its counter-case, parsed with the
trained model; the anchor is a Saturday (2022-04-30) unless the test says otherwise."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.model import TimeValue
from chronicle.resolve.news_times import report_window
from chronicle.resolve.relative_times import relative_to_event
from chronicle.resolve.time_attachment import attach_time
from chronicle.resolve.timing import closing_day, resolve_times

SAT = dt.date(2022, 4, 30)


def _time(nlp, rules, sentence, word, anchor=SAT, nth=1):
    doc = nlp(sentence)
    found = [(e, v) for e, v in resolve_times(doc, anchor, rules) if not v.open_ended]
    target = [t for t in doc if t.text == word][nth - 1]
    time = attach_time(doc, target.i, found, None, anchor, rules)
    return relative_to_event(time, found, None, rules, doc, target.i)


# ----------------------------------------------------------------------------- family 1: the report's day


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        ("President Okafor received Prime Minister Ruiz in Lagos, the state news agency reported on Friday.", "received"),
        ("Okafor and Ruiz have begun talks in the port city of Tema, a government spokesman told reporters on Friday.", "talks"),
        ("Ruiz made a surprise trip to Lagos, state television confirmed Friday.", "trip"),
    ],
)
def test_a_day_on_the_report_dates_the_happening_on_or_just_before_it(nlp, rules, sentence, word):
    time = _time(nlp, rules, sentence, word)
    assert (time.value, time.end, time.precision) == ("2022-04-28", "2022-04-29", "day")
    assert time.rule.startswith("report:")


@pytest.mark.parametrize(
    ("sentence", "word", "value"),
    [
        # the happening's own words date it, whatever the report says
        ("The agency reported on Friday that Okafor had met Ruiz in Lagos on Wednesday.", "met", "2022-04-27"),
        ("Okafor received Ruiz in Lagos on Thursday, the agency reported on Friday.", "received", "2022-04-28"),
        # a plan announced on a day is not dated back from it
        ("Okafor will receive Ruiz in Lagos, the agency reported on Friday.", "receive", "2022-04-29"),
    ],
)
def test_the_report_day_does_not_override_the_events_own_time(nlp, rules, sentence, word, value):
    time = _time(nlp, rules, sentence, word)
    assert time.value == value and time.end is None


def test_a_report_window_needs_a_day(rules):
    friday = TimeValue("2022-04-29", None, "day", "Friday", "2022-04-30", "weekday:past")
    assert (report_window(friday, rules).value, report_window(friday, rules).end) == ("2022-04-28", "2022-04-29")
    month = TimeValue("2022-04", None, "month", "in April", "2022-04-30", "month+anchor")
    assert report_window(month, rules) is month


# ----------------------------------------------------------------------------- a week is seven days


def test_a_week_closes_on_its_sunday():
    week = TimeValue("2017-01-23", None, "week", "two weeks ago", "2017-02-11", "ago:week")
    assert closing_day(week) == "2017-01-29"
    day = TimeValue("2017-01-23", None, "day", "Monday", "2017-02-11", "weekday:past")
    assert closing_day(day) is None
    since = TimeValue("2017-01", None, "month", "since January", "2017-02-11", "month", open_ended=True)
    assert closing_day(since) is None
    assert closing_day(TimeValue("2017-01-23", "2017-01-25", "day", "from ... to", "2017-02-11", "range")) == "2017-01-25"


# ----------------------------------------------------------------------------- family 2: counted back from the clause around


def test_an_event_inside_an_after_clause_is_counted_back_from_the_main_one(nlp, rules):
    sentence = "Ruiz's visit to Lagos came two weeks after President Okafor returned from an official visit to Accra."
    time = _time(nlp, rules, sentence, "visit", nth=2)
    assert (time.value, time.precision) == ("2022-04-16", "day")
    # the main clause's own visit is not moved
    assert _time(nlp, rules, sentence, "visit", nth=1).value == "2022-04-30"


def test_a_day_after_without_a_count_word_is_counted_back_too(nlp, rules):
    sentence = "The blast comes a day after militants shelled the border post near Oruma."
    time = _time(nlp, rules, sentence, "shelled")
    assert (time.value, time.precision, time.rule) == ("2022-04-29", "day", "relative-to-event:counted-back")
    # the main clause stays the report's
    assert _time(nlp, rules, sentence, "comes").rule == "published"


def test_a_day_after_that_opens_no_clause_of_the_event_dates_nothing(nlp, rules):
    sentence = "Militants shelled the border post near Oruma, and a day after that the army withdrew."
    assert _time(nlp, rules, sentence, "shelled").rule != "relative-to-event:counted-back"


def test_counted_back_from_the_sentences_own_day_and_not_for_the_clause_beside(nlp, rules):
    sentence = "On Monday, three days after Ruiz and Okafor spoke by phone, Lagos pledged new funds for the port."
    assert _time(nlp, rules, sentence, "spoke").value == "2022-04-22"  # Monday the 25th, less three days
    assert _time(nlp, rules, sentence, "pledged").rule != "relative-to-event:counted-back"


def test_a_report_day_is_no_day_to_count_forward_from(nlp, rules):
    time = _time(nlp, rules, "Ruiz met Okafor three days before Mensah held talks with Diallo.", "talks")
    assert time.value is None


# ----------------------------------------------------------------------------- family 5: the year of a yearless day


@pytest.mark.parametrize(
    ("sentence", "value"),
    [
        # a few days after the page date: the coming days, even in a past clause
        ("Ruiz spoke to Okafor by phone before his visit to Lagos from June 12 to June 14.", "2019-06-12"),
        ("Ruiz spoke to Okafor by phone before his visit to Lagos on June 13.", "2019-06-13"),
        # weeks after it: last year's, as before
        ("Ruiz visited Lagos on July 20.", "2018-07-20"),
        # before it: this year's
        ("Ruiz visited Lagos on June 2.", "2019-06-02"),
    ],
)
def test_a_yearless_day_just_after_the_page_date_is_the_coming_one(nlp, rules, sentence, value):
    doc = nlp(sentence)
    found = resolve_times(doc, dt.date(2019, 6, 11), rules)
    assert [v.value for _, v in found] == [value]


# ----------------------------------------------------------------------------- family 6: the story's own day


@pytest.mark.parametrize(
    ("text", "published", "day"),
    [
        # a paper's story of 3 March posted on 5 March: its "yesterday" is 2 March
        ("Ruiz lands in Lagos\n\n3 March 2021\nThe Lagos Courier\n\nRuiz arrived in Lagos yesterday for talks with Okafor.",
         dt.date(2021, 3, 5), dt.date(2021, 3, 3)),
        # an agency dateline a day before the page date
        ("Okafor hosts Ruiz\n\nLAGOS (Wire - 4th March, 2021) Okafor received Ruiz on Thursday.", dt.date(2021, 3, 5),
         dt.date(2021, 3, 4)),
        # no date line, or one on the page's own day, or one long before it: the page date stands
        ("Ruiz lands in Lagos\n\nRuiz arrived in Lagos yesterday.", dt.date(2021, 3, 5), None),
        ("Ruiz lands in Lagos\n\n5 March 2021\nRuiz arrived in Lagos yesterday.", dt.date(2021, 3, 5), None),
        ("Ruiz lands in Lagos\n\n3 January 2021\nRuiz arrived in Lagos yesterday.", dt.date(2021, 3, 5), None),
        # a date line above the headline is the site's current date; a caption's is a photo's
        ("3 March 2021\nRuiz lands in Lagos after a long flight\n\nRuiz arrived in Lagos yesterday.", dt.date(2021, 3, 5), None),
        ("Ruiz lands in Lagos\n\nOkafor (R) greets Ruiz in Lagos on March 3, 2021. (Reuters)\nRuiz arrived yesterday.",
         dt.date(2021, 3, 5), None),
    ],
)
def test_a_story_date_line_just_before_the_page_date_anchors_its_relative_words(text, published, day):
    from chronicle.ingest.date_rules import load_date_rules
    from chronicle.ingest.text_dates import story_day

    assert story_day(text, published, load_date_rules()) == day
    assert story_day(text, None, load_date_rules()) is None


@pytest.mark.parametrize(
    ("sentence", "word"),
    [
        # a day on a noun of the reporting clause dates that noun, not the report
        ("“Leaders need conversations like these,” Diallo told reporters at her Friday briefing.", "conversations"),
        # a present happening in a report is not moved back, nor a conditional one
        ("Okafor and Ruiz are holding talks in Tema, a spokesman told reporters on Friday.", "talks"),
        ("Ruiz said on Friday that talks with Okafor would be held if the ceasefire lasted.", "talks"),
    ],
)
def test_the_report_window_is_for_past_happenings_the_day_itself_dates(nlp, rules, sentence, word):
    time = _time(nlp, rules, sentence, word)
    assert time.end is None and not time.rule.startswith("report:")
