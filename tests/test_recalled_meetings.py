"""Earlier meetings an article recalls in passing (issue 14): the clause on a "since" date
("his first visit since March 2016, when the two leaders met in Kyoto") and a verb of
gathering with a plural pronoun ("the summit that brought them together"). Invented
sentences with the packaged KB, each case with its counter-case."""

from __future__ import annotations


def people(event) -> list[str]:
    return sorted(a.name for a in event.actors if a.kind == "person")


def test_a_meeting_in_the_when_clause_of_a_since_date_happened_at_that_date(consults):
    events = consults("Narendra Modi arrived in Tokyo on Friday for talks with Shinzo Abe. The visit was his "
                      "first to Japan since March 2016, when the two leaders met in Kyoto.")
    recalled = [e for e in events if e.date == "2016-03"]
    assert [people(e) for e in recalled] == [["Narendra Modi", "Shinzo Abe"]]
    assert recalled[0].date_rule.startswith("since-when:") and recalled[0].place is not None
    today = [e for e in events if e.date == "2019-06-07" and len(people(e)) == 2]
    assert today and all(e.place != recalled[0].place for e in today)  # Kyoto is not Friday's place


def test_a_since_date_without_its_clause_dates_no_meeting(consults):
    events = consults("Narendra Modi arrived in Tokyo on Friday for talks with Shinzo Abe. It was his first "
                      "visit to Japan since March 2016.")
    assert not any(e.date == "2016-03" for e in events)


def test_the_meeting_that_brought_them_together_is_between_the_last_pair(consults):
    events = consults("Narendra Modi met Shinzo Abe in Tokyo on Friday.\n\nThe spokesman said the talks covered "
                      "trade between the two countries.\n\nIt was their second meeting after the forum that "
                      "brought them together in Kyoto in March 2016.")
    recalled = [e for e in events if e.date == "2016-03"]
    assert [people(e) for e in recalled] == [["Narendra Modi", "Shinzo Abe"]]


def test_a_gathering_that_names_whom_it_brought_together_is_not_the_last_pair(consults):
    events = consults("Narendra Modi met Shinzo Abe in Tokyo on Friday.\n\nThe forum brought the unions together "
                      "in Kyoto in March 2016.")
    assert all(people(e) != ["Narendra Modi", "Shinzo Abe"] for e in events if e.date == "2016-03")


def test_bringing_people_together_is_no_meeting(consults):
    events = consults("Narendra Modi met Shinzo Abe in Tokyo on Friday. He said they disagree on trade but "
                      "tried to bring people together.")
    assert len(events) == 1


def test_an_undated_meeting_does_not_take_the_recalled_date_or_lend_it_to_others(consults):
    events = consults("Narendra Modi and Shinzo Abe speak during a meeting at the palace in Tokyo.\n\nThe visit was "
                      "Modi's first to Japan since March 2016, when the two leaders met in Kyoto.\n\nModi also "
                      "held talks with business leaders.", None)
    pair = [e for e in events if people(e) == ["Narendra Modi", "Shinzo Abe"]]
    assert sorted(str(e.date) for e in pair) == ["2016-03", "None"]
    assert [e.date for e in events if e.date == "2016-03"] == ["2016-03"]  # the recalled one alone


def test_a_past_perfect_dated_to_a_month_recalls_an_earlier_meeting(consults):
    events = consults("Narendra Modi landed in Tokyo on Friday afternoon for a two-day summit with Shinzo Abe.\n\n"
                      "Modi and Abe's first summit in Kyoto in March 2016 had helped the two neighbours settle "
                      "a dispute.", None)
    pair = [e for e in events if people(e) == ["Narendra Modi", "Shinzo Abe"]]
    assert sorted(str(e.date) for e in pair) == ["2016-03", "None"]  # today's summit is not the Kyoto one
    kyoto = next(e for e in pair if e.date == "2016-03")
    assert kyoto.date_rule.startswith("recalled:")


def test_a_past_perfect_dated_to_the_day_is_the_story_own_meeting(consults):
    events = consults("Narendra Modi had met Shinzo Abe in Tokyo earlier on Friday. The talks covered trade.")
    pair = [e for e in events if people(e) == ["Narendra Modi", "Shinzo Abe"]]
    assert [e.date for e in pair] == ["2019-06-07"]
    assert not pair[0].date_rule.startswith("recalled:")


def test_a_bare_year_of_a_recalled_meeting_does_not_date_the_story(consults):
    events = consults("Vladimir Putin met Angela Merkel at the lakeside villa in 2007.\n\n"
                      "Narendra Modi and Shinzo Abe have begun their summit at the villa.", None)
    assert [people(e) for e in events if e.date == "2007"] == [["Angela Merkel", "Vladimir Putin"]]  # its own words
    assert [e.date for e in events if people(e) == ["Narendra Modi", "Shinzo Abe"]] == [None]


def test_a_month_still_dates_the_story(consults):
    events = consults("In March 2016, Narendra Modi visited Tokyo.\n\nThe talks with Shinzo Abe covered trade.", None)
    assert "2016-03" in [e.date for e in events if people(e) == ["Narendra Modi", "Shinzo Abe"]]


def test_a_story_weekday_does_not_take_a_month_written_in_full(consults):
    events = consults("Vladimir Putin hosted Angela Merkel in the Kremlin on Saturday. The talks covered Syria.\n\n"
                      "The pair also discussed the steps agreed during the so-called Normandy Four meeting in "
                      "December 2019.", None)
    pair = [e for e in events if people(e) == ["Angela Merkel", "Vladimir Putin"]]
    assert [e.date for e in pair] == [None]  # not December 2019


def test_a_story_weekday_still_joins_its_own_undated_mentions(consults):
    events = consults("Vladimir Putin hosted Angela Merkel in the Kremlin on Saturday.\n\n"
                      "The meeting lasted three hours.", None)
    pair = [e for e in events if people(e) == ["Angela Merkel", "Vladimir Putin"]]
    assert len(pair) == 1 and len(pair[0].evidence) == 2
