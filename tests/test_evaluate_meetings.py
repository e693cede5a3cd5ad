"""chronicle eval's meeting verdicts and failure listing, on hand-built gold and mentions."""

from __future__ import annotations

import pytest

from chronicle.evaluate import meeting_score
from chronicle.kb import load_kb
from chronicle.resolve.actor_records import corpus_id


@pytest.fixture(scope="module")
def kb():
    return load_kb([])


def mention(id_, actors, date=None, precision="day", modality="reported", place=None, mode=None, confidence=0.9):
    return {
        "id": id_, "type": "CONSULT", "mode": mode, "modality": modality,
        "actors": [{"id": corpus_id(a), "name": a, "kind": "person"} for a in actors],
        "date": date, "date_precision": precision, "date_expression": date, "confidence": confidence,
        "place": {"name": place} if place else None, "trigger": "met",
        "sources": [{"text": f"{' and '.join(actors)} met."}],
    }


GOLD = [{
    "id": "a1",
    "meetings": [
        {"participants": ["Ada Quill", "Bo Rennet"], "date": "2020-03-04", "city": "Lima"},
        {"participants": ["Ada Quill", "Cy Dorn"], "date": "2020-02", "city": None},
    ],
    "planned": [{"participants": ["Ada Quill", "Bo Rennet"], "date": None, "city": None}],
}]


def test_verdicts_say_found_date_and_city_and_the_nearest_mention_of_a_miss(kb):
    events = {"a1": [
        mention("a1:e0", ["Ada Quill", "Bo Rennet"], "2020-03-04", place="Quito"),
        mention("a1:e1", ["Ada Quill"], "2020-02", precision="month"),
    ]}
    report = meeting_score(GOLD, events, kb)
    held = report["meetings"]["verdicts"]
    assert [v["found"] for v in held] == [True, False]
    assert held[0]["date_right"] is True and held[0]["city_right"] is False
    assert held[0]["predicted"]["id"] == "a1:e0"
    assert held[1]["nearest"]["id"] == "a1:e1"  # names one of the two gold participants
    assert report["meetings"]["recall"] == 0.5 and report["meetings"]["city_accuracy"] == 0.0
    assert report["planned"]["verdicts"][0]["found"] is False


def test_a_miss_with_no_related_mention_has_no_nearest(kb):
    events = {"a1": [{**mention("a1:e0", ["Zed Ulm"]), "type": "ASSAULT"}]}
    held = meeting_score(GOLD, events, kb)["meetings"]["verdicts"]
    assert held[0]["nearest"] is None


def test_meetings_that_did_not_happen_are_found_by_negated_or_hypothetical_mentions(kb):
    gold = [{"id": "b1", "not_happened": [{"participants": ["Ada Quill", "Bo Rennet"], "date": None, "city": None}]}]
    negated = {"b1": [mention("b1:e0", ["Ada Quill", "Bo Rennet"], modality="negated")]}
    happened = {"b1": [mention("b1:e0", ["Ada Quill", "Bo Rennet"])]}
    assert meeting_score(gold, negated, kb)["not_happened"]["recall"] == 1.0
    assert meeting_score(gold, happened, kb)["not_happened"]["recall"] == 0.0


def test_a_range_of_days_holding_the_gold_day_is_the_right_date(kb):
    def verdict(date, end):
        events = {"a1": [{**mention("a1:e0", ["Ada Quill", "Bo Rennet"], date), "end_date": end}]}
        return meeting_score(GOLD, events, kb)["meetings"]["verdicts"][0]["date_right"]

    assert verdict("2020-03-03", "2020-03-04") is True  # "on Wednesday or the day before"
    assert verdict("2020-03-04", None) is True
    assert verdict("2020-03-01", "2020-03-03") is False
    assert verdict("2020-03-03", None) is False
    week = {"a1": [{**mention("a1:e0", ["Ada Quill", "Bo Rennet"], "2020-03-02", precision="week"), "end_date": "2020-03-08"}]}
    assert meeting_score(GOLD, week, kb)["meetings"]["verdicts"][0]["date_right"] is True  # "last week"


def test_a_gold_meeting_listed_first_does_not_take_the_mention_dated_for_a_later_one(kb):
    gold = [{"id": "c1", "meetings": [
        {"participants": ["Ada Quill", "Bo Rennet"], "date": "2021-01-11", "city": None},
        {"participants": ["Ada Quill", "Bo Rennet"], "date": "2019-05-18", "city": None},
    ]}]
    events = {"c1": [
        mention("c1:e0", ["Ada Quill", "Bo Rennet"], "2019-05-18", confidence=0.95),
        mention("c1:e1", ["Ada Quill", "Bo Rennet"], None, precision="vague", confidence=0.5),
    ]}
    held = meeting_score(gold, events, kb)["meetings"]["verdicts"]
    assert [v["predicted"]["id"] for v in held] == ["c1:e1", "c1:e0"]  # the dated mention goes to its own meeting
    assert held[1]["date_right"] is True
    # counter-case: with no mention dated for either, the first gold meeting takes the most confident
    undated = {"c1": [mention("c1:e0", ["Ada Quill", "Bo Rennet"], None, precision="vague", confidence=0.95),
                      mention("c1:e1", ["Ada Quill", "Bo Rennet"], None, precision="vague", confidence=0.5)]}
    assert [v["predicted"]["id"] for v in meeting_score(gold, undated, kb)["meetings"]["verdicts"]] == ["c1:e0", "c1:e1"]
