"""Which pair "the two leaders" means (extract/pairs.py) and unresolved weekdays of an
undated page as different days (extract/recalled.py `other_story_day`): invented text,
each family with its counter-case."""

from __future__ import annotations

PAIR = {"Paul Kagame", "Cyril Ramaphosa"}
OTHER = {"Cyril Ramaphosa", "Yoweri Museveni"}


def persons(event) -> set[str]:
    return {a.name for a in event.actors if a.kind == "person"}


def planned(events) -> list[set[str]]:
    return [persons(e) for e in events if e.modality == "planned"]


def test_the_two_leaders_are_not_a_passing_name_of_an_earlier_paragraph(consults):
    body = ("Paul Kagame landed in Pretoria on Friday for a summit with Cyril Ramaphosa. Kagame and Ramaphosa"
            " toured a museum in the evening.\n\nIn May, Pretoria hosted Ugandan President Yoweri Museveni,"
            " just before Kagame announced the trip.\n\nOn Saturday, the two leaders will hold talks on trade.")
    assert PAIR in planned(consults(body))


def test_the_two_leaders_of_the_same_paragraph_are_the_pair_just_named(consults):
    body = ("Paul Kagame landed in Pretoria on Friday for a summit with Cyril Ramaphosa. Kagame and Ramaphosa"
            " toured a museum in the evening.\n\nLater, Ramaphosa received Ugandan President Yoweri Museveni"
            " in Durban, and the two leaders will hold talks on Sunday.")
    assert OTHER in planned(consults(body))


def test_another_weekday_of_an_undated_page_is_another_day(consults):
    body = ("Paul Kagame and Cyril Ramaphosa met in Pretoria on Friday afternoon.\n\n"
            "On Saturday, the two leaders will hold talks on trade.")
    events = consults(body, None)
    assert PAIR in planned(events) and any(e.modality == "reported" and persons(e) >= PAIR for e in events)


def test_the_same_weekday_of_an_undated_page_may_be_one_day():
    from chronicle.extract.recalled import other_story_day
    from chronicle.model import TimeValue

    def weekday(expression: str) -> TimeValue:
        return TimeValue(None, None, "vague", expression, None, "weekday:no-anchor")

    friday, saturday = weekday("Friday afternoon"), weekday("Saturday")
    assert other_story_day(friday, saturday, "they met on Friday afternoon".split(), "on Saturday they will meet".split())
    assert not other_story_day(friday, weekday("Friday"), "they met on Friday afternoon".split(), "on Friday they met".split())
    assert not other_story_day(weekday("Tuesday"), weekday("Monday"), "met on Tuesday".split(), "met on Monday and Tuesday".split())
    assert not other_story_day(friday, TimeValue(None, None, "vague", "", None, "unresolved"), ["Friday"], ["Saturday"])


def test_persons_tied_on_count_and_first_offset_rank_by_id_whatever_the_set_order():
    from types import SimpleNamespace

    from chronicle.extract.pairs import principal_pair

    def named(value, start, label="PERSON"):
        return SimpleNamespace(value=value, start=start, label=label)

    # "b" and "c" are both named twice, first at the same offset (a title and a name over one
    # span); "a" is the passing name picked. The tie is broken by the id, in every order given.
    mentions = [named("b", 0), named("c", 0), named("b", 40), named("c", 40), named("a", 80), named("d", 90)]
    for order in (mentions, mentions[::-1]):
        assert principal_pair(["a", "d"], order, 200, 150, lambda v: True, [0, 30, 70]) == ["b", "c"]
