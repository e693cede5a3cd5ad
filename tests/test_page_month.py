"""Times on a page known only by its month (resolve/page_month.py), on invented text."""

from __future__ import annotations

import datetime as dt

import pytest

from chronicle.resolve.page_month import in_page_month, page_month_time
from chronicle.resolve.time_values import normalize
from chronicle.resolve.times import find_time_expressions


def restated(text: str, month: str, rules, tense: str = "past"):
    """The first expression of `text`, resolved from mid-month and restated for the page month."""
    expression = find_time_expressions(text, rules)[0]
    year, number = map(int, month.split("-"))
    value = normalize(expression, dt.date(year, number, 15), tense, rules)
    return in_page_month(expression, value, month, rules)


def test_a_weekday_on_a_page_month_is_that_month_never_a_guessed_day(rules):
    value = restated("Ruiz met Okafor on Monday.", "2018-04", rules)
    assert (value.value, value.precision, value.anchor) == ("2018-04", "month", "2018-04 (page month)")
    assert restated("They spoke yesterday.", "2018-04", rules).value == "2018-04"


def test_a_yearless_day_takes_the_year_that_puts_it_in_or_before_the_page_month(rules):
    assert restated("They met on August 18 in Lagos.", "2018-08", rules).value == "2018-08-18"
    assert restated("They met on August 18 in Lagos.", "2018-07", rules).value == "2017-08-18"  # not a day still to come
    assert restated("They will meet on August 18.", "2018-07", rules, "future").value == "2018-08-18"


def test_written_dates_and_months_do_not_depend_on_the_page_day(rules):
    assert restated("They met on March 28, 2017.", "2017-03", rules).value == "2017-03-28"
    assert restated("They met last July.", "2018-04", rules).value == "2017-07"


def test_a_count_of_weeks_that_may_cross_a_month_stays_unresolved(rules):
    value = restated("They met two weeks ago.", "2018-04", rules)
    assert value.value is None and value.precision == "vague"


def test_an_undated_event_on_a_page_month_is_news_of_that_month():
    time = page_month_time("2018-04")
    assert (time.value, time.precision, time.rule) == ("2018-04", "month", "published-month")
    assert page_month_time(None) is None
