"""Event mentions: stored with raw offsets, reprocessed, migrated, queried and printed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import duckdb
import pytest
from typer.testing import CliRunner

from chronicle import query
from chronicle.cli import app
from chronicle.errors import ChronicleError
from chronicle.identity import article_id
from chronicle.ingest.dedup import lsh_params, signature
from chronicle.model import (
    Annotation,
    Article,
    CleanText,
    EventActor,
    EventMention,
    Evidence,
    OffsetMap,
    Place,
    PublicationDate,
    Span,
)
from chronicle.store import MIGRATIONS, Batch, Store

LSH = lsh_params(0.8, 128)
MOSCOW = Place("geonames:524901", "Moscow", "city", "RUS", 55.75222, 37.61556)
CONTRACT_KEYS = {
    "id", "article_id", "type", "mode", "modality", "actors", "date", "end_date",
    "date_precision", "place", "sources", "confidence", "trigger",
}


def pieces(*parts: tuple[str, bool]) -> tuple[str, CleanText]:
    """Raw text and its clean text from (piece, kept) parts: dropped pieces are debris."""
    raw, clean, segments = "", "", []
    for piece, kept in parts:
        if kept:
            segments.append((len(clean), len(raw), len(piece)))
            clean += piece
        raw += piece
    return raw, CleanText(clean, OffsetMap(tuple(segments)))


def at(text: str, words: str, after: int = 0) -> tuple[int, int]:
    """The clean span of `words` in `text`."""
    start = text.index(words, after)
    return start, start + len(words)


def who(text: str, actor_id: str, name: str, kind: str, role: str, country: str | None, words: str) -> EventActor:
    return EventActor(actor_id, name, kind, role, country, *at(text, words))


def event(text: str, sentence: str, trigger: str, type_: str, actors, **fields) -> EventMention:
    start, end = at(text, sentence)
    trigger_start, trigger_end = at(text, trigger, start)
    values = {
        "mode": None, "modality": "reported", "date": None, "end_date": None,
        "date_precision": "reported", "date_expression": "", "date_rule": "published",
        "place": None, "confidence": 0.7, **fields,
    }
    evidence = (Evidence(start, end, trigger_start, trigger_end, trigger),)
    return EventMention(start=start, end=end, type=type_, actors=tuple(actors), evidence=evidence, **values)


def article(raw: str, clean: CleanText, events, published: str | None, alias: str | None = None, places=()):
    identifier = article_id(clean.text)
    record = Article(
        id=identifier, alias=alias, source="test", format="text", url=f"https://news.test/{identifier[:6]}",
        title=None, outlet="Test Wire", published=PublicationDate(published, "metadata" if published else "none"),
        language="en", raw_text=raw, clean=clean,
    )
    annotation = Annotation(
        article_id=identifier, sentences=(Span(0, len(clean.text), "SENT"),), entities=(),
        signature=tuple(int(v) for v in signature(clean.text, 5, 128)), pipeline_version="v1",
        places=tuple(places), event_mentions=tuple(events),
    )
    return record, annotation


S1 = "Vladimir Putin met Benjamin Netanyahu in Moscow on Monday."
S2 = "The two leaders will speak again later in November."
S3 = "Israel accused Hezbollah of smuggling weapons in 2017."
S4 = "Russia did not meet the Syrian envoy."
S5 = "Officials held talks in the last week of January."
S6 = "Lavrov visited Ankara from 1 to 3 March."


def article_a():
    """Debris before and between the events, so clean and raw offsets differ."""
    raw, clean = pieces(
        ("<script>var ad = 1;</script>\nShare this article\n", False),
        (S1 + " ", True),
        ("Photo: Reuters. Photo: Reuters.\n", False),
        (S2, True),
        ("\nComments are closed.", False),
    )
    text = clean.text
    putin = who(text, "vladimir-putin", "Vladimir Putin", "person", "source", "RUS", "Vladimir Putin")
    bibi = who(text, "benjamin-netanyahu", "Benjamin Netanyahu", "person", "target", "ISR", "Benjamin Netanyahu")
    events = [
        event(text, S1, "met", "CONSULT", [putin, bibi], mode="VISIT", date="2018-11-05", date_precision="day",
              date_expression="on Monday", date_rule="weekday", place=MOSCOW.id, confidence=0.9),
        event(text, S2, "speak", "CONSULT", [
            who(text, "vladimir-putin", "Vladimir Putin", "person", "participant", "RUS", "two leaders"),
            who(text, "benjamin-netanyahu", "Benjamin Netanyahu", "person", "participant", "ISR", "two leaders"),
        ], mode="PHONE", modality="planned", date="2018-11", date_precision="month",
              date_expression="later in November", date_rule="month"),
    ]
    return article(raw, clean, events, "2018-11-06", alias="wire-1", places=[MOSCOW])


def article_b():
    raw, clean = pieces((S3 + " ", True), ("ADVERTISEMENT ", False), (S4, True))
    text = clean.text
    events = [
        event(text, S3, "accused", "ACCUSE", [
            who(text, "ISR", "Israel", "country", "source", "ISR", "Israel"),
            who(text, "group:hezbollah", "Hezbollah", "group", "target", "LBN", "Hezbollah"),
        ], date="2017", date_precision="year", date_expression="in 2017", date_rule="year"),
        event(text, S4, "meet", "CONSULT", [
            who(text, "RUS", "Russia", "country", "source", "RUS", "Russia"),
        ], modality="negated"),
    ]
    return article(raw, clean, events, "2017-03-09")


def article_c():
    raw, clean = pieces((S5 + " ", True), (S6, True))
    text = clean.text
    lavrov = who(text, "sergey-lavrov", "Sergey Lavrov", "person", "source", "RUS", "Lavrov")
    events = [
        event(text, S5, "held talks", "CONSULT", [], date="2019-01-28", date_precision="week",
              date_expression="in the last week of January", date_rule="week"),
        event(text, S6, "visited", "CONSULT", [lavrov], mode="VISIT", date="2019-03-01", end_date="2019-03-03",
              date_precision="day", date_expression="from 1 to 3 March", date_rule="range"),
    ]
    return article(raw, clean, events, None, alias="feed-3")


def stored(store: Store, table: str = "event_mentions") -> list[dict]:
    return store.query(f"SELECT * FROM {table} ORDER BY id, idx")


def write_all(opened: Store) -> None:
    pairs = [article_a(), article_b(), article_c()]
    opened.write_batch(
        Batch(
            articles=[a for a, _ in pairs],
            annotations=[n for _, n in pairs],
            aliases=[(a.alias, a.id) for a, _ in pairs if a.alias],
        ),
        LSH,
    )


@pytest.fixture
def store(tmp_path):
    with Store(tmp_path / "s.duckdb") as opened:
        write_all(opened)
        yield opened


@pytest.fixture
def db(tmp_path) -> str:
    """A written and closed store, for the command line to open read-only."""
    with Store(tmp_path / "cli.duckdb") as opened:
        write_all(opened)
    return opened.path


# ---- the store ----------------------------------------------------------------------


def test_event_mentions_are_stored_with_raw_offsets(store):
    record, _ = article_a()
    rows = [r for r in stored(store) if r["id"] == record.id]
    assert [(r["idx"], r["type"], r["mode"], r["modality"]) for r in rows] == [
        (0, "CONSULT", "VISIT", "reported"),
        (1, "CONSULT", "PHONE", "planned"),
    ]
    first = rows[0]
    assert (first["clean_start"], first["clean_end"]) == (0, len(S1))
    assert first["start"] == record.raw_text.index(S1) > 0  # the debris before it moved it
    assert record.raw_text[first["start"] : first["end"]] == S1
    assert (first["date"], first["date_precision"], first["date_expression"], first["date_rule"]) == (
        "2018-11-05", "day", "on Monday", "weekday",
    )
    assert first["place"] == MOSCOW.id and first["confidence"] == 0.9
    putin, bibi = first["actors"]
    assert (putin["id"], putin["name"], putin["kind"], putin["role"], putin["country"]) == (
        "vladimir-putin", "Vladimir Putin", "person", "source", "RUS",
    )
    assert record.raw_text[bibi["start"] : bibi["end"]] == "Benjamin Netanyahu"
    assert record.clean.text[bibi["clean_start"] : bibi["clean_end"]] == "Benjamin Netanyahu"
    (evidence,) = first["evidence"]
    assert evidence["text"] == S1 and evidence["trigger"] == "met"
    assert record.raw_text[evidence["trigger_start"] : evidence["trigger_end"]] == "met"
    assert record.clean.text[evidence["trigger_clean_start"] : evidence["trigger_clean_end"]] == "met"
    second = rows[1]  # after a second run of debris: raw offsets shift further
    assert second["start"] - second["clean_start"] > first["start"] - first["clean_start"]
    assert record.raw_text[second["start"] : second["end"]] == S2
    assert second["evidence"][0]["text"] == S2 and second["place"] is None
    assert len(stored(store)) == 6


def test_an_event_without_actors_is_stored_with_an_empty_list(store):
    record, _ = article_c()
    row = store.query("SELECT actors, evidence FROM event_mentions WHERE id = ? AND idx = 0", [record.id])[0]
    assert row["actors"] == [] and row["evidence"][0]["trigger"] == "held talks"


def test_writing_the_same_articles_again_changes_nothing(store):
    before = stored(store)
    pairs = [article_a(), article_b()]
    result = store.write_batch(Batch(articles=[a for a, _ in pairs], annotations=[n for _, n in pairs]), LSH)
    assert result.stored == 0
    assert stored(store) == before


def test_replace_annotations_swaps_the_event_mentions(store):
    record, annotation = article_a()
    other, _ = article_b()
    untouched = [r for r in stored(store) if r["id"] == other.id]
    text = record.clean.text
    replacement = event(
        text, S2, "speak", "CONSULT",
        [who(text, "benjamin-netanyahu", "Benjamin Netanyahu", "person", "participant", "ISR", "two leaders")],
        mode="PHONE", modality="planned", date="2018-11", date_precision="month",
    )
    store.replace_annotations(
        [Annotation(**{**annotation.__dict__, "event_mentions": (replacement,), "pipeline_version": "v2"})]
    )
    rows = [r for r in stored(store) if r["id"] == record.id]
    assert [(r["idx"], r["mode"], r["clean_start"]) for r in rows] == [(0, "PHONE", text.index(S2))]
    assert record.raw_text[rows[0]["start"] : rows[0]["end"]] == S2  # offsets mapped from the stored map
    assert [a["id"] for a in rows[0]["actors"]] == ["benjamin-netanyahu"]
    assert [r for r in stored(store) if r["id"] == other.id] == untouched
    assert store.query("SELECT pipeline_version FROM articles WHERE id = ?", [record.id]) == [
        {"pipeline_version": "v2"}
    ]


def test_a_version_3_store_migrates_and_its_articles_can_be_reprocessed(tmp_path):
    path = tmp_path / "old.duckdb"
    record, annotation = article_a()
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)")
    for version, name, step in MIGRATIONS[:3]:
        step(con)
        con.execute("INSERT INTO schema_migrations VALUES (?, ?, now())", [version, name])
    segments = record.clean.offsets.segments
    con.execute(
        "INSERT INTO articles (id, article_id, published_source, source, format, raw_text, clean_text, "
        "offset_clean, offset_raw, offset_length, pipeline_version, ingested_at) "
        "VALUES (?, 'wire-1', 'none', 'test', 'text', ?, ?, ?, ?, ?, 'v0', now())",
        [record.id, record.raw_text, record.clean.text, *([s[i] for s in segments] for i in range(3))],
    )
    tables = {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}
    con.close()
    assert "event_mentions" not in tables
    with Store(path, read_only=True) as old, pytest.raises(ChronicleError, match="predates event mentions"):
        query.list_event_mentions(old)  # a reader does not migrate: it says what to do
    refused = run("--db", str(path))
    assert refused.exit_code == 1 and "chronicle reprocess --all" in refused.output

    with Store(path) as store:
        versions = [r["version"] for r in store.query("SELECT version FROM schema_migrations ORDER BY 1")]
        assert versions == [m[0] for m in MIGRATIONS]  # every later migration too
        assert stored(store) == []
        store.replace_annotations([annotation])
        rows = stored(store)
        assert [(r["id"], r["idx"]) for r in rows] == [(record.id, 0), (record.id, 1)]
        assert record.raw_text[rows[0]["start"] : rows[0]["end"]] == S1
        assert [m["id"] for m in query.list_event_mentions(store)] == ["wire-1:e1", "wire-1:e0"]


# ---- the query ----------------------------------------------------------------------


def ids(records: list[dict]) -> list[str]:
    return [r["id"] for r in records]


def test_mentions_are_contract_records_ordered_by_date_undated_last(store):
    b = article_b()[0].id
    records = query.list_event_mentions(store)
    assert ids(records) == [f"{b}:e0", "wire-1:e1", "wire-1:e0", "feed-3:e0", "feed-3:e1", f"{b}:e1"]
    record = records[2]
    assert CONTRACT_KEYS <= set(record)
    raw = article_a()[0].raw_text
    assert record == {
        **record,
        "article_id": "wire-1",
        "type": "CONSULT",
        "mode": "VISIT",
        "modality": "reported",
        "date": "2018-11-05",
        "end_date": None,
        "date_precision": "day",
        "confidence": 0.9,
        "trigger": "met",
    }
    assert record["actors"] == [
        {"id": "vladimir-putin", "name": "Vladimir Putin", "kind": "person", "role": "source", "country": "RUS"},
        {"id": "benjamin-netanyahu", "name": "Benjamin Netanyahu", "kind": "person", "role": "target", "country": "ISR"},
    ]
    place = record["place"]
    assert (place["name"], place["country"], place["lat"], place["lon"]) == ("Moscow", "RUS", 55.75222, 37.61556)
    (source,) = record["sources"]
    assert {k: source[k] for k in ("article_id", "url", "published", "text")} == {
        "article_id": "wire-1",
        "url": article_a()[0].url,
        "published": "2018-11-06",
        "text": S1,
    }
    assert raw[source["start"] : source["end"]] == S1
    assert raw[source["trigger_start"] : source["trigger_end"]] == "met"
    assert records[1]["place"] is None and records[-1]["date"] is None
    assert records[0]["sources"][0]["published"] == "2017-03-09"
    assert records[3]["sources"][0]["published"] is None and records[3]["actors"] == []


def test_filter_by_type_in_any_case(store):
    assert ids(query.list_event_mentions(store, type="accuse")) == [f"{article_b()[0].id}:e0"]
    assert len(query.list_event_mentions(store, type="CONSULT")) == 5
    assert query.list_event_mentions(store, type="Threaten") == []
    with pytest.raises(ChronicleError, match="unknown event type 'meeting'"):
        query.list_event_mentions(store, type="meeting")


def test_filter_by_actor_id_name_part_or_kb_alias(store):
    assert ids(query.list_event_mentions(store, actor="sergey-lavrov")) == ["feed-3:e1"]
    assert ids(query.list_event_mentions(store, actor="netanyahu")) == ["wire-1:e1", "wire-1:e0"]
    assert ids(query.list_event_mentions(store, actor="HEZBOLLAH")) == [f"{article_b()[0].id}:e0"]
    assert query.list_event_mentions(store, actor="lavrov-s") == []  # an id matches exactly
    assert query.list_event_mentions(store, actor="Bibi") == []  # not part of a name ...
    kb = query.kb_of(store)  # ... but an alias the knowledge base knows
    assert ids(query.list_event_mentions(store, actor="Bibi", kb=kb)) == ["wire-1:e1", "wire-1:e0"]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        ("2018-11-05", None, ["wire-1:e1", "wire-1:e0", "feed-3:e0", "feed-3:e1"]),
        ("2018-11-06", None, ["wire-1:e1", "feed-3:e0", "feed-3:e1"]),  # "2018-11" is all November
        ("2018-12", "2018-12-31", []),
        ("2018", "2018", ["wire-1:e1", "wire-1:e0"]),
        (None, "2017-01-01", ["B:e0"]),  # "2017" is the whole year
        ("2019-02-03", "2019-02-28", ["feed-3:e0"]),  # the week of 2019-01-28 ends on 02-03
        ("2019-02-04", "2019-02-28", []),
        ("2019-03-03", None, ["feed-3:e1"]),  # a range, 1 to 3 March
        ("2019-03-04", None, []),  # undated mentions are never in a date range
    ],
)
def test_filter_by_period_keeps_what_overlaps(store, since, until, expected):
    b = article_b()[0].id
    found = query.list_event_mentions(store, since=since, until=until)
    assert ids(found) == [e.replace("B:", f"{b}:") for e in expected]


@pytest.mark.parametrize("value", ["2018-13", "18-11", "2018/11", "2018-02-30", "soon", "2018-1"])
def test_a_bad_date_is_refused(store, value):
    with pytest.raises(ChronicleError, match="yyyy, yyyy-mm or yyyy-mm-dd"):
        query.list_event_mentions(store, since=value)


def test_period_of_each_precision():
    assert query.period("2016") == (dt.date(2016, 1, 1), dt.date(2016, 12, 31))
    assert query.period("2016-02") == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))
    assert query.period("2016-12") == (dt.date(2016, 12, 1), dt.date(2016, 12, 31))
    assert query.period("2016-02-10") == (dt.date(2016, 2, 10), dt.date(2016, 2, 10))


def test_filter_by_article_modality_and_limit(store):
    b = article_b()[0].id
    assert ids(query.list_event_mentions(store, article="wire-1")) == ["wire-1:e1", "wire-1:e0"]
    assert ids(query.list_event_mentions(store, article=b)) == [f"{b}:e0", f"{b}:e1"]
    assert ids(query.list_event_mentions(store, article=article_a()[0].id)) == ["wire-1:e1", "wire-1:e0"]
    assert query.list_event_mentions(store, article="wire-404") == []
    assert ids(query.list_event_mentions(store, modality="planned")) == ["wire-1:e1"]
    assert ids(query.list_event_mentions(store, modality="Negated")) == [f"{b}:e1"]
    with pytest.raises(ChronicleError, match="unknown modality"):
        query.list_event_mentions(store, modality="rumoured")
    assert ids(query.list_event_mentions(store, type="consult", since="2018", limit=2)) == ["wire-1:e1", "wire-1:e0"]


def test_the_output_article_id_follows_the_first_input_id(store):
    record, annotation = article_b()
    store.write_batch(Batch(articles=[record], annotations=[annotation], aliases=[("agency-9", record.id)]), LSH)
    assert ids(query.list_event_mentions(store, type="accuse")) == ["agency-9:e0"]
    assert ids(query.list_event_mentions(store, article=record.id, modality="negated")) == ["agency-9:e1"]


# ---- the command --------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(app, ["mentions", *args])


def test_mentions_jsonl_prints_contract_records(db):
    result = run("--db", db, "--format", "jsonl", "--since", "2018-11-05", "--until", "2018-11")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert ids(records) == ["wire-1:e1", "wire-1:e0"]
    assert all(CONTRACT_KEYS <= set(r) for r in records)
    planned, visit = records
    assert (planned["mode"], planned["modality"], planned["date"], planned["date_precision"]) == (
        "PHONE", "planned", "2018-11", "month",
    )
    assert [(a["id"], a["role"]) for a in planned["actors"]] == [
        ("vladimir-putin", "participant"),
        ("benjamin-netanyahu", "participant"),
    ]
    assert visit["place"] == {"id": MOSCOW.id, "name": "Moscow", "country": "RUS", "lat": 55.75222, "lon": 37.61556}
    source = visit["sources"][0]
    assert article_a()[0].raw_text[source["start"] : source["end"]] == source["text"] == S1
    assert visit["confidence"] == 0.9 and visit["trigger"] == "met"


def test_mentions_csv_flattens(db):
    result = run("--db", db, "--format", "csv", "--type", "consult", "--actor", "Putin")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["wire-1:e1", "wire-1:e0"]
    visit = rows[1]
    assert visit["actors"] == "Vladimir Putin (source); Benjamin Netanyahu (target)"
    assert (visit["place"], visit["sources"], visit["text"], visit["trigger"]) == ("Moscow", "1", S1, "met")
    assert (visit["date"], visit["type"], visit["mode"], visit["article_id"]) == ("2018-11-05", "CONSULT", "VISIT", "wire-1")
    assert rows[0]["place"] == ""


def test_mentions_table_and_filters(db):
    result = run("--db", db, "--modality", "reported", "--article", "feed-3")
    assert result.exit_code == 0, result.output
    assert "2 event mentions" in result.stdout
    for cell in ("2019-01-28", "2019-03-01", "held talks", "visited", "Sergey Lavrov (source)", "feed-3"):
        assert cell in result.stdout
    assert "Moscow" not in result.stdout
    bibi = run("--db", db, "--actor", "Bibi", "--format", "jsonl", "--limit", "1")
    assert ids([json.loads(line) for line in bibi.stdout.splitlines()]) == ["wire-1:e1"]


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--since", "2018-13", "yyyy, yyyy-mm or yyyy-mm-dd"),
        ("--until", "last year", "yyyy, yyyy-mm or yyyy-mm-dd"),
        ("--type", "meeting", "unknown event type"),
        ("--modality", "rumoured", "unknown modality"),
    ],
)
def test_bad_option_values_are_usage_errors(db, option, value, message):
    result = run("--db", db, option, value)
    assert result.exit_code == 2
    assert message in " ".join(result.output.replace("│", " ").split())


def test_mentions_without_a_store_is_a_usage_error(tmp_path):
    assert run("--db", str(tmp_path / "none.duckdb")).exit_code == 2
