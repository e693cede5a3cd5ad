"""The event filters are defined once (chronicle.query.filters): a Selector's SQL and its
in-memory twin (`admits`, `ActorRef.matches`), used by the server's catalog, keep the same
events. Invented rows."""

from __future__ import annotations

import datetime as dt
import itertools

import duckdb
import pytest

from chronicle import query
from chronicle.errors import ChronicleError
from chronicle.query.filters import ActorRef, EventFilters, Selector, event_selector, timeline_selector
from chronicle.query.sql import event_period_sql

ROWS = [  # id, type, modality, date, end_date, precision, actors (id, name)
    ("a", "CONSULT", "reported", "2031-05-14", None, "day", [("x1", "Ada Quill"), ("x2", "Bo Renn")]),
    ("b", "CONSULT", "planned", "2031-05", None, "month", [("x1", "Ada Quill")]),
    ("c", "AGREE", "reported", "2031", None, "year", [("x2", "Bo Renn"), (None, "the rebels")]),
    ("d", "CONSULT", "historical", "2030-12-29", None, "week", [("x3", "Cy Moro")]),
    ("e", "ASSAULT", "reported", None, None, None, [("x3", "Cy Moro")]),
    ("f", "CONSULT", "reported", "2031-04-30", "open", "day", [("x2", "Bo Renn")]),
    ("g", "CONSULT", "negated", "2031-06-01", "2031-06-03", "day", [("x1", "Ada Quill"), ("x3", "Cy Moro")]),
]


@pytest.fixture(scope="module")
def con():
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE events (id VARCHAR, type VARCHAR, modality VARCHAR, date VARCHAR, end_date VARCHAR, "
        "date_precision VARCHAR, actors STRUCT(id VARCHAR, name VARCHAR)[])"
    )
    for row in ROWS:
        actors = [{"id": i, "name": n} for i, n in row[6]]
        con.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?)", [*row[:6], actors])
    return con


def by_sql(con, selector: Selector) -> list[str]:
    clauses, params = selector.sql("v")
    where = f"WHERE {' AND '.join(clauses)}" if clauses else ""
    return [row[0] for row in con.execute(f"SELECT v.id FROM events v {where} ORDER BY v.id", params).fetchall()]


def in_memory(con, selector: Selector) -> list[str]:
    first, last = event_period_sql("v")
    rows = con.execute(f"SELECT v.id, v.type, v.modality, {first}, {last}, v.date, v.actors FROM events v ORDER BY v.id").fetchall()
    return [
        event_id
        for event_id, type_, modality, start, end, date, actors in rows
        if selector.admits(type_, modality, start, end, date is not None)
        and all(any(ref.matches(a["id"], a["name"]) for a in actors) for ref in selector.actors)
    ]


def ids(ref: str) -> list[str]:
    return {"ada": ["ada", "x1"]}.get(ref, [ref])


def test_a_filter_keeps_the_same_events_in_sql_and_in_memory(con):
    checked = 0
    for type_, actor, since, until, modality in itertools.product(
        (None, "consult", "AGREE"), (None, "ada", "renn", "x3", "rebels"), (None, "2031-05", "2031", "2031-06-02"),
        (None, "2031-04", "2031-05-14"), (None, "reported", "historical", "planned", "negated"),
    ):
        selector = event_selector(EventFilters(type_, actor, since, until, modality), ids)
        found = by_sql(con, selector)
        assert in_memory(con, selector) == found, (type_, actor, since, until, modality)
        checked += bool(found)
    assert checked > 30


def test_the_filters_mean_what_they_say(con):
    def keep(**filters):
        return by_sql(con, event_selector(EventFilters(**filters), ids))

    assert keep(type="consult") == ["a", "b", "d", "f", "g"]
    assert keep(modality="historical") == keep(modality="reported") == ["a", "c", "e", "f"]  # fused: happened
    assert keep(since="2031-01-04") == ["a", "b", "c", "d", "f", "g"]  # the week of Dec 29 ends on Jan 4
    assert keep(since="2031-01-05") == ["a", "b", "c", "f", "g"]  # "2031" is the whole year
    assert keep(until="2030") == ["d"]  # the undated event is dropped by any bound
    assert keep(since="2040") == ["f"]  # an open range never ends
    assert keep(actor="ada") == ["a", "b", "g"]  # by the id the name resolves to
    assert keep(actor="rebels") == ["c"]  # by part of a name
    mentions = event_selector(query.MentionFilters(modality="historical"), ids, fused=False)
    assert by_sql(con, mentions) == ["d"]  # a mention's modality is itself


def test_a_timeline_keeps_dated_events_of_every_actor(con):
    both = timeline_selector(["ada", "x3"], ids)
    assert by_sql(con, both) == in_memory(con, both) == []  # "g" is negated
    planned = timeline_selector(["ada"], ids, planned=True)
    assert by_sql(con, planned) == in_memory(con, planned) == ["a", "b"]
    undated = timeline_selector(["x3"], ids, undated=True)
    assert by_sql(con, undated) == in_memory(con, undated) == ["e"]  # "d" is no fused event's modality
    with pytest.raises(ChronicleError, match="at least one actor"):
        timeline_selector([], ids)


def test_a_filter_without_field_tests_is_open():
    assert event_selector(EventFilters(actor="ada"), ids).open
    assert not event_selector(EventFilters(since="2031"), ids).open
    assert not timeline_selector(["ada"], ids, undated=True).open  # it still wants what happened


def test_an_actor_reference_matches_an_id_or_part_of_a_name():
    ref = ActorRef(("x1",), "quill")
    assert ref.matches("x1", "Someone Else")
    assert ref.matches("x9", "Ada QUILL")
    assert not ref.matches("x9", "Ada Quilt")
    assert not ref.matches(None, None)


def test_bad_values_are_refused_with_the_choices():
    with pytest.raises(ChronicleError, match="CONSULT"):
        event_selector(EventFilters(type="MEET"), ids)
    with pytest.raises(ChronicleError, match="reported"):
        event_selector(EventFilters(modality="maybe"), ids)
    with pytest.raises(ChronicleError, match="yyyy"):
        event_selector(EventFilters(since="May 2031"), ids)
    assert query.period("2032-02") == (dt.date(2032, 2, 1), dt.date(2032, 2, 29))


def test_the_event_types_are_the_ontologys():
    assert len(query.EVENT_TYPES) == 16
    assert query.EVENT_TYPES[:2] == ("AGREE", "CONSULT")
    assert query.valid_event_type("assault") == "ASSAULT"
    from chronicle.data import load_yaml

    assert query.EVENT_TYPES == tuple(load_yaml("events.yaml")["types"])  # libyaml reads what the data loader reads
