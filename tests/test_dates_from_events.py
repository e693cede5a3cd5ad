"""A mention its page cannot date takes the day of the fused event another article's report
dates (query/event_dates.py). Invented text and records, case and counter-case."""

from __future__ import annotations

import json

from chronicle import query
from chronicle.query.event_dates import date_from_event, fits_expression
from chronicle.runners import local
from chronicle.settings import Settings
from chronicle.store import Store

UNDATED = {"date": None, "date_expression": "", "modality": "reported"}
EVENT = {"date": "2016-04-09", "end_date": None, "date_precision": "day", "date_from": "other:2", "modality": "reported"}


def test_an_undated_mention_takes_the_day_another_report_gives_its_event():
    found = date_from_event(UNDATED, EVENT, "mine")
    assert found == {"date": "2016-04-09", "end_date": None, "date_precision": "day", "date_from": "other:2"}
    stay = {**EVENT, "end_date": "2016-04-11"}
    assert date_from_event(UNDATED, stay, "mine")["end_date"] == "2016-04-11"


def test_a_mention_keeps_its_own_date_and_a_loose_event_dates_nothing():
    assert date_from_event({**UNDATED, "date": "2016-04"}, EVENT, "mine") is None
    assert date_from_event(UNDATED, {**EVENT, "date": "2016-04", "date_precision": "month"}, "mine") is None
    assert date_from_event(UNDATED, {**EVENT, "date_precision": "reported"}, "mine") is None  # a report's day
    assert date_from_event(UNDATED, {**EVENT, "end_date": "2016-05-20"}, "mine") is None  # a long stay
    assert date_from_event(UNDATED, None, "mine") is None


def test_only_another_articles_report_that_it_happened_dates_it():
    assert date_from_event(UNDATED, {**EVENT, "date_from": "mine:0"}, "mine") is None  # its own article
    assert date_from_event(UNDATED, {**EVENT, "modality": "planned"}, "mine") is None
    assert date_from_event({**UNDATED, "modality": "planned"}, EVENT, "mine") is None


def test_the_mentions_own_time_words_must_agree_with_the_day():
    saturday = [__import__("datetime").date(2016, 4, 9)]
    assert fits_expression("on Saturday night", saturday)
    assert fits_expression("April 9", saturday) and fits_expression("", saturday)
    assert not fits_expression("Monday", saturday)
    assert not fits_expression("March 9", saturday) and not fits_expression("April 12", saturday)
    assert date_from_event({**UNDATED, "date_expression": "Tuesday"}, EVENT, "mine") is None
    assert date_from_event({**UNDATED, "date_expression": "Saturday"}, EVENT, "mine")["date"] == "2016-04-09"


def test_a_report_on_a_page_without_a_date_is_listed_with_its_events_day(tmp_path):
    """End to end: a dated report and an undated page of the same meeting at one place."""
    articles = [
        {"id": "dated", "published": "2019-03-12", "url": "https://example.org/a",
         "text": "KIGALI - Paul Kagame met Cyril Ramaphosa in Kigali on Monday to discuss trade and the"
                 " border.\n\nThe two leaders agreed to meet again next year."},
        {"id": "undated", "url": "https://example.org/news/kagame-ramaphosa",
         "text": "Kagame and Ramaphosa hold talks in Kigali\n\nRwandan President Paul Kagame on Monday held"
                 " talks with South African President Cyril Ramaphosa in Kigali on trade.\n\nKagame also met"
                 " Mozambican President Filipe Nyusi to discuss security."},
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in articles))
    settings = Settings(db=str(tmp_path / "s.duckdb"))
    local.ingest([str(path)], settings)
    with Store(settings.db, read_only=True) as store:
        mentions = query.list_event_mentions(store, type="CONSULT")
    pair = {"Paul Kagame", "Cyril Ramaphosa"}
    by_article = {m["article_id"]: m for m in mentions if {a["name"] for a in m["actors"]} >= pair and m["modality"] == "reported"}
    assert by_article["dated"]["date"] == "2019-03-11"
    assert by_article["undated"]["date"] == "2019-03-11"
    assert by_article["undated"]["date_from"].endswith(":" + by_article["dated"]["id"].rsplit(":e", 1)[1])
    # the page's later meeting, with no time words of its own, takes the page's main event day
    later = [m for m in mentions if m["article_id"] == "undated" and "Filipe Nyusi" in {a["name"] for a in m["actors"]}]
    assert [m["date"] for m in later] == ["2019-03-11"]


def _mention(idx, *, date=None, precision="vague", rule="unresolved", expression="", modality="reported", event=None):
    return {"id": "mine", "idx": idx, "date": date, "date_precision": precision, "date_rule": rule,
            "date_expression": expression, "modality": modality, "event": event}


def test_an_undated_pages_main_event_day_comes_from_its_first_happened_meeting_dated_by_its_event():
    from chronicle.query.event_dates import main_day, takes_main_day

    page = [_mention(0, modality="planned", event=EVENT), _mention(1, expression="Saturday", event=EVENT), _mention(2)]
    idx, found = main_day(page)
    assert idx == 1 and found["date"] == "2016-04-09"
    # a later mention with no time words takes it ("Alpha also met Gamma"), as the extractor
    # gives such a mention its main event's time on a dated page
    assert takes_main_day(page[2], idx)
    # one before it, one with its own time words, a plan: not
    assert not takes_main_day(_mention(0), idx)
    assert not takes_main_day(_mention(3, rule="weekday:no-anchor", expression="Tuesday"), idx)
    assert not takes_main_day(_mention(3, modality="planned"), idx)


def test_no_main_event_day_when_the_page_dates_its_first_meeting_itself_or_nothing_does():
    from chronicle.query.event_dates import main_day

    assert main_day([_mention(0, date="2016-04-08", precision="day", rule="date"), _mention(1, event=EVENT)]) is None
    assert main_day([_mention(0), _mention(1)]) is None
    assert main_day([_mention(0, event={**EVENT, "date_from": "mine:3"})]) is None
