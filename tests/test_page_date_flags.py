"""A page date the text contradicts is flagged (stored with the article)."""

from __future__ import annotations

import datetime as dt
import json

import duckdb

from chronicle.model import TimeValue
from chronicle.resolve.page_date_checks import page_date_flags
from chronicle.runners.local import ingest


def written(value: str, precision: str = "day") -> TimeValue:
    return TimeValue(value, None, precision, value, None, "date")


def test_a_page_date_years_after_every_written_date_is_flagged():
    flags = page_date_flags(dt.date(2019, 11, 13), [written("2018-10-17"), written("2018-10")])
    assert flags and "over a year after" in flags[0]
    assert page_date_flags(dt.date(2018, 10, 18), [written("2018-10-17")]) == ()
    relative = TimeValue("2016-06-07", None, "day", "on Tuesday", "2019-11-13", "weekday:past")
    assert page_date_flags(dt.date(2019, 11, 13), [relative]) == ()  # only dates the text writes count
    assert page_date_flags(None, [written("2018-10-17")]) == ()


def test_the_flag_is_stored_with_the_article(settings, tmp_path):
    line = {"id": "late-page", "published": "2021-03-01",
            "text": "The two ministers met in Vienna on October 17, 2018, and agreed to meet again."}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(line) + "\n")
    ingest([str(path)], settings)
    with duckdb.connect(settings.db, read_only=True) as con:
        flags = con.execute("SELECT date_flags FROM articles").fetchone()[0]
    assert len(flags) == 1 and "2021-03-01" in flags[0]


def test_a_weekday_that_fits_another_week_than_its_written_date_is_flagged(settings, tmp_path):
    line = {"id": "wrong-week", "published": "2013-05-24",
            "text": "The leaders met last Thursday in the capital, on May 9, 2013. They agreed to meet again."}
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps(line) + "\n")
    ingest([str(path)], settings)
    with duckdb.connect(settings.db, read_only=True) as con:
        flags = con.execute("SELECT date_flags FROM articles").fetchone()[0]
    assert any("2013-05-23" in flag and "2013-05-09" in flag for flag in flags), flags
