"""A meeting on a page without a publication date (extract/headlines.py
`undated_page_meeting_time`): with no time words of its own it takes the latest full date
the page writes (a caption, an embedded post); a day word counts from that date; a weekday
the page's date cannot place stays unresolved. Invented text, case and counter-case."""

from __future__ import annotations

PAIR = {"Paul Kagame", "Cyril Ramaphosa"}
POSTED = "\n\nPosted by a news channel on Friday, March 8, 2019\n\n"


def dates(consults, body: str) -> list:
    return [e.date for e in consults(body, None) if {a.name for a in e.actors if a.kind == "person"} >= PAIR]


def test_an_undated_meeting_of_an_undated_page_takes_the_date_the_page_writes(consults):
    body = "KIGALI - Cyril Ramaphosa and Paul Kagame are holding talks on trade in Kigali." + POSTED
    assert dates(consults, body) == ["2019-03-08"]


def test_a_day_word_counts_from_the_date_the_page_writes(consults):
    body = "KIGALI - Cyril Ramaphosa met Paul Kagame in Kigali yesterday." + POSTED
    assert dates(consults, body) == ["2019-03-07"]


def test_a_weekday_is_not_guessed_from_the_date_the_page_writes(consults):
    body = "KIGALI - Cyril Ramaphosa met Paul Kagame in Kigali on Monday." + POSTED
    assert dates(consults, body) == [None]


def test_a_page_with_a_publication_date_keeps_it(consults):
    body = "KIGALI - Cyril Ramaphosa and Paul Kagame are holding talks on trade in Kigali." + POSTED
    assert [e.date for e in consults(body, "2019-03-12") if {a.name for a in e.actors} >= PAIR] != ["2019-03-08"]


def test_a_day_without_its_year_is_another_meeting_than_a_dated_one_of_another_month(consults):
    body = ("Cyril Ramaphosa met Paul Kagame in Kigali on April 2.\n\nCyril Ramaphosa and Paul Kagame shake"
            " hands during a meeting in Pretoria on March 8, 2019.")
    assert sorted(d for d in dates(consults, body) if d) == ["2019-03-08", "2019-04-02"]


def test_a_day_without_its_year_may_be_a_dated_day_of_its_month():
    from chronicle.extract.recalled import other_month
    from chronicle.model import TimeValue

    loose = TimeValue(None, None, "vague", "March 9", None, "date:no-anchor")
    assert other_month(loose, TimeValue("2019-04-02", None, "day", "April 2, 2019", None, "date"))
    assert not other_month(loose, TimeValue("2019-03-08", None, "day", "March 8, 2019", None, "date"))
    assert not other_month(loose, TimeValue(None, None, "vague", "Monday", None, "weekday:no-anchor"))
