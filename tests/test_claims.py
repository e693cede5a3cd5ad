"""Claims about the record: found in sentences, stored, set beside the store's record, printed."""

from __future__ import annotations

import json

import pytest
from conftest import SEEDS, shared_path
from typer.testing import CliRunner

from chronicle import query
from chronicle.cli import app
from chronicle.extract.claims import load_claim_lexicon, number_of
from chronicle.identity import article_id
from chronicle.ingest.dedup import lsh_params, signature
from chronicle.model import (
    Annotation,
    Article,
    Claim,
    CleanText,
    EventActor,
    EventMention,
    Evidence,
    OffsetMap,
    PublicationDate,
    Span,
)
from chronicle.store import Batch, Store

LEXICON = load_claim_lexicon()
LSH = lsh_params(0.8, 128)
MACRON, MERKEL = "emmanuel-macron", "angela-merkel"


# ----------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "words, number",
    [("13th", 13), ("thirteenth", 13), ("first", 1), ("21st", 21), ("twenty-first", 21),
     ("11", 11), ("eleven", 11), ("five times", 5), ("twice", 2), ("a dozen", 12), ("several", None)],
)
def test_ordinals_cardinals_and_adverbs_are_numbers(words, number):
    assert number_of(words, LEXICON) == number


def test_ordinal_suffixes_and_the_times_word_are_data(tmp_path):
    """"13th" and "5 times" are read through the lexicon's `ordinal_suffixes` and `times`:
    a lexicon with other words reads those, and no longer the English ones."""
    other = tmp_path / "claims.yaml"
    other.write_text("ordinal_suffixes: [e]\ntimes: [fois]\ncardinals: {cinq: 5}\n", encoding="utf-8")
    lexicon = load_claim_lexicon(other)
    assert (number_of("13e", lexicon), number_of("cinq fois", lexicon)) == (13, 5)
    assert (number_of("13th", lexicon), number_of("5 times", lexicon)) == (None, None)
    assert (number_of("13e", LEXICON), number_of("5 fois", LEXICON)) == (None, None)


# ----------------------------------------------------------------------------- each claim form


def test_the_nth_meeting_between_the_two_leaders_since_a_month(annotate_text):
    body = (
        "German Chancellor Angela Merkel met French President Emmanuel Macron in Berlin on Monday. "
        "This is the fifth meeting between the two leaders since May 2017."
    )
    [claim] = annotate_text(body, "2018-04-16").claims
    assert claim.text == "This is the fifth meeting between the two leaders since May 2017."
    assert body[claim.start : claim.end] == claim.text
    assert (claim.count, claim.form, claim.kind, claim.noun) == (5, "ordinal", "CONSULT", "meeting")
    assert set(claim.actors) == {MERKEL, MACRON}
    assert (claim.since, claim.since_precision, claim.until) == ("2017-05", "month", "2018-04-16")
    assert claim.speaker is None


def test_a_quoted_count_between_us_is_the_speaker_and_the_addressee(annotate_text):
    body = (
        "Turkish President Recep Tayyip Erdogan welcomed Iranian President Hassan Rouhani in Ankara. "
        "“I have counted seven meetings between us since January 2017,” Erdogan told Rouhani at the start of the talks."
    )
    [claim] = annotate_text(body, "2018-12-20").claims
    assert claim.text == "I have counted seven meetings between us since January 2017"
    assert (claim.count, claim.form) == (7, "cardinal")
    assert set(claim.actors) == {"recep-tayyip-erdogan", "hassan-rouhani"}
    assert claim.speaker == "recep-tayyip-erdogan"
    assert (claim.since, claim.until) == ("2017-01", "2018-12-20")


def test_have_met_n_times(annotate_text):
    body = "French President Emmanuel Macron and German Chancellor Angela Merkel have met eleven times since May 2017, officials said."
    [claim] = annotate_text(body, "2018-06-01").claims
    assert (claim.count, claim.form, claim.noun) == (11, "cardinal", "met")
    assert set(claim.actors) == {MERKEL, MACRON}
    assert claim.since == "2017-05"


def test_a_possessive_ordinal_with_no_period_counts_all_time(annotate_text):
    [claim] = annotate_text("It was Trump's third meeting with Kim Jong Un.", "2019-06-30").claims
    assert claim.count == 3
    assert set(claim.actors) == {"donald-trump", "kim-jong-un"}
    assert claim.since is None and claim.until == "2019-06-30"


def test_a_digit_ordinal_and_a_day_since(annotate_text):
    body = "Japanese Prime Minister Shinzo Abe held his 25th meeting with Chinese President Xi Jinping since November 10, 2014."
    [claim] = annotate_text(body, "2019-06-27").claims
    assert claim.count == 25
    assert set(claim.actors) == {"shinzo-abe", "xi-jinping"}
    assert (claim.since, claim.since_precision) == ("2014-11-10", "day")


def test_a_count_this_year_counts_from_the_start_of_the_year(annotate_text):
    body = ("North Korean leader Kim Jong Un welcomed South Korean President Moon Jae-in to Pyongyang "
            "for their third summit this year.")
    [claim] = annotate_text(body, "2018-09-18").claims
    assert claim.count == 3
    assert set(claim.actors) == {"kim-jong-un", "moon-jae-in"}
    assert (claim.since, claim.since_precision) == ("2018", "year")


def test_between_me_and_someone_in_a_quote_is_the_speaker_and_that_person(annotate_text):
    body = ("Chinese President Xi Jinping hosted Kim Jong Un in Beijing. “This is the third meeting between "
            "me and Chairman Kim Jong Un since March,” Xi said.")
    [claim] = annotate_text(body, "2018-06-20").claims
    assert claim.count == 3 and claim.speaker == "xi-jinping"
    assert set(claim.actors) == {"xi-jinping", "kim-jong-un"}
    assert claim.since == "2018-03"


@pytest.mark.parametrize(
    "body",
    [
        "The first meeting of the council was held in Geneva.",  # no pair, no period
        "Trump held a one-on-one meeting with Kim Jong Un in Singapore.",  # "one" of "one-on-one"
        "Merkel's first visit to Washington began with a long walk in the park with the children.",  # the pair word is far
        "It was the first meeting between Moon Jae-in and Kim Jong Un since the downing of the plane.",  # not a date
        "Officials held three meetings on Monday.",  # a count of the day, not of the record
    ],
)
def test_not_claims_about_the_record(annotate_text, body):
    assert annotate_text(body, "2019-09-05").claims == ()


# ----------------------------------------------------------------------------- store and query


def _meeting(day, *actors, modality="reported", mode=None, precision="day"):
    return EventMention(
        start=0, end=10, type="CONSULT", mode=mode, modality=modality,
        actors=tuple(EventActor(a, a, "person", "participant", None, 0, 5) for a in actors),
        date=day, end_date=None, date_precision=precision, date_expression="", date_rule="test",
        place=None, confidence=0.9, evidence=(Evidence(0, 10, 0, 3, "met"),),
    )


def _article(body: str, published: str, alias: str, events=(), claims=()) -> tuple[Article, Annotation]:
    debris = "Share this\n"
    clean = CleanText(body, OffsetMap(((0, len(debris), len(body)),)))
    identifier = article_id(body)
    article = Article(
        id=identifier, alias=alias, source="test", format="text", url=None, title=None, outlet=None,
        published=PublicationDate(published, "metadata"), language="en", raw_text=debris + body, clean=clean,
    )
    annotation = Annotation(
        article_id=identifier, sentences=(Span(0, len(body), "SENT"),), entities=(),
        signature=tuple(int(v) for v in signature(body, 5, 128)), pipeline_version="v1",
        event_mentions=tuple(events), claims=tuple(claims),
    )
    return article, annotation


CLAIM_TEXT = "This is the fifth meeting between the two leaders since May 2017."


def _stored(tmp_path):
    """A store whose record has four Merkel-Macron meetings since May 2017 (one before it,
    a phone call, a planned one and a month-dated repeat that do not count) and a claim of five."""
    body = f"Merkel met Macron in Berlin. {CLAIM_TEXT}"
    start = body.index(CLAIM_TEXT)
    claim = Claim(start, start + len(CLAIM_TEXT), CLAIM_TEXT, 5, "CONSULT", (MERKEL, MACRON),
                  "2017-05", "month", "2018-04-16", None, "ordinal", "meeting", "nth-noun")
    pairs = [
        _article("Merkel met Macron in Paris on May 15.", "2017-05-16", "wire-1",
                 [_meeting("2017-05-15", MERKEL, MACRON), _meeting("2016-03-01", MERKEL, MACRON, modality="historical")]),
        _article("Merkel met Macron in Meseberg.", "2017-06-19", "wire-2",
                 [_meeting("2017-06-18", MACRON, MERKEL, "corpus:person:aide"), _meeting("2017-06", MERKEL, MACRON, precision="month")]),
        _article("Merkel and Macron spoke by phone; they will meet in May.", "2017-09-02", "wire-3",
                 [_meeting("2017-09-01", MERKEL, MACRON, mode="PHONE"), _meeting("2018-05", MERKEL, MACRON, modality="planned")]),
        _article("Merkel met Macron in Brussels.", "2017-12-15", "wire-4", [_meeting("2017-12-14", MERKEL, MACRON)]),
        _article(body, "2018-04-16", "wire-5", [_meeting("2018-04-16", MERKEL, MACRON)], [claim]),
    ]
    db = tmp_path / "claims.duckdb"
    with Store(db) as store:
        store.write_batch(Batch(articles=[a for a, _ in pairs], annotations=[n for _, n in pairs],
                                aliases=[(a.alias, a.id) for a, _ in pairs]), LSH)
    return db, pairs[-1][0]


def test_claims_are_stored_with_raw_offsets(tmp_path):
    db, article = _stored(tmp_path)
    with Store(db, read_only=True) as store:
        [row] = store.query("SELECT * FROM claims")
    assert article.raw_text[row["start"] : row["end"]] == CLAIM_TEXT
    assert (row["count"], list(row["actors"]), row["since"], row["until"]) == (5, [MERKEL, MACRON], "2017-05", "2018-04-16")


def test_a_claim_beside_distinct_meetings_from_event_mentions(tmp_path):
    db, _ = _stored(tmp_path)
    with Store(db, read_only=True) as store:
        [record] = query.list_claims(store)
    assert record["record"] == "event_mentions"
    assert (record["claimed"], record["in_store"], record["difference"]) == (5, 4, -1)
    assert [e["date"] for e in record["events"]] == ["2017-05-15", "2017-06-18", "2017-12-14", "2018-04-16"]
    june = record["events"][1]
    assert june["ids"] == ["wire-2:e0", "wire-2:e1"]  # the month-dated mention is the same meeting
    assert [p["id"] for p in record["pair"]] == [MERKEL, MACRON]
    assert record["pair"][0]["name"] == "Angela Merkel"
    assert record["id"] == "wire-5:c0" and record["text"] == CLAIM_TEXT


def test_claims_filter_by_actor_and_article(tmp_path):
    db, _ = _stored(tmp_path)
    with Store(db, read_only=True) as store:
        assert len(query.list_claims(store, actor="Macron")) == 1
        assert len(query.list_claims(store, actor=MERKEL)) == 1
        assert query.list_claims(store, actor="Putin") == []
        assert len(query.list_claims(store, article="wire-5")) == 1
        assert query.list_claims(store, article="wire-1") == []


def _add_events(store: Store, rows: list[dict]) -> None:
    """Rows of the fused `events` table (migration 6), whatever other columns it has."""
    if not store.has_table("events"):
        store.con.execute(
            "CREATE TABLE events (id VARCHAR PRIMARY KEY, type VARCHAR, mode VARCHAR, modality VARCHAR, "
            "date VARCHAR, end_date VARCHAR, date_precision VARCHAR, place VARCHAR, confidence DOUBLE, "
            "actors STRUCT(id VARCHAR, name VARCHAR, kind VARCHAR, role VARCHAR, country VARCHAR)[], "
            "mentions INTEGER, articles INTEGER, outlets INTEGER, summary VARCHAR)"
        )
    columns = store.query("SELECT column_name, data_type, is_nullable FROM information_schema.columns WHERE table_name = 'events'")
    defaults = {"INTEGER": 0, "DOUBLE": 0.0, "VARCHAR": "", "TIMESTAMP": "2026-01-01 00:00:00"}
    for row in rows:
        values = {c["column_name"]: row.get(c["column_name"], defaults.get(c["data_type"]) if c["is_nullable"] == "NO" else None) for c in columns}
        names = ", ".join(f'"{n}"' for n in values)
        store.con.execute(f"INSERT INTO events ({names}) VALUES ({', '.join('?' for _ in values)})", list(values.values()))


def test_a_claim_beside_fused_events_when_the_store_has_them(tmp_path):
    db, _ = _stored(tmp_path)
    pair = [{"id": MERKEL, "name": "Angela Merkel", "kind": "person", "role": "participant", "country": "DEU"},
            {"id": MACRON, "name": "Emmanuel Macron", "kind": "person", "role": "participant", "country": "FRA"}]
    with Store(db) as store:
        _add_events(store, [
            {"id": "ev1", "type": "CONSULT", "modality": "reported", "date": "2017-05-15", "date_precision": "day", "actors": pair},
            {"id": "ev2", "type": "CONSULT", "modality": "historical", "date": "2017-06", "date_precision": "month", "actors": pair},
            {"id": "ev3", "type": "CONSULT", "modality": "planned", "date": "2018-05", "date_precision": "month", "actors": pair},
            {"id": "ev4", "type": "CONSULT", "mode": "PHONE", "modality": "reported", "date": "2017-09-01", "date_precision": "day", "actors": pair},
            {"id": "ev5", "type": "CONSULT", "modality": "reported", "date": "2016-01-01", "date_precision": "day", "actors": pair},
            {"id": "ev6", "type": "CONSULT", "modality": "reported", "date": "2017-07-01", "date_precision": "day", "actors": pair[:1]},
        ])
    with Store(db, read_only=True) as store:
        [record] = query.list_claims(store)
    assert record["record"] == "events"
    assert (record["in_store"], record["difference"]) == (2, -3)
    assert record["events"] == [{"date": "2017-05-15", "ids": ["ev1"]}, {"date": "2017-06", "ids": ["ev2"]}]


def test_chronicle_claims_prints_each_claim_beside_the_store(tmp_path):
    db, _ = _stored(tmp_path)
    table = CliRunner().invoke(app, ["claims", "--db", str(db)])
    assert table.exit_code == 0, table.output
    assert "fifth meeting" in table.output and "2017-05-15" in table.output and "-1" in table.output
    lines = CliRunner().invoke(app, ["claims", "--db", str(db), "--format", "jsonl"]).output.splitlines()
    [record] = [json.loads(line) for line in lines]
    assert (record["claimed"], record["in_store"], record["difference"]) == (5, 4, -1)
    assert set(record) == set(query.CLAIM_FIELDS)
    csv_out = CliRunner().invoke(app, ["claims", "--db", str(db), "--format", "csv", "--actor", "Merkel"]).output
    assert csv_out.splitlines()[0].startswith("article_id,text,claimed,in_store,difference")
    missing = CliRunner().invoke(app, ["claims", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 2


# ----------------------------------------------------------------------------- the seeds


def test_both_count_claims_in_the_seeds_are_found_and_shown_beside_the_store(tmp_path):
    from chronicle.runners import local
    from chronicle.settings import Settings

    seeds = shared_path(SEEDS / "seeds.jsonl")
    db = tmp_path / "seeds.duckdb"
    local.ingest([str(seeds)], Settings(db=str(db), batch_size=16))
    with Store(db, read_only=True) as store:
        records = query.list_claims(store)
    found = {(r["claimed"], r["since"]) for r in records}
    assert {(13, "2015-09"), (11, "2016-09")} <= found
    for record in records:
        assert len(record["pair"]) == 2 and record["in_store"] is not None
        assert record["difference"] == record["in_store"] - record["claimed"]
    quoted = next(r for r in records if r["claimed"] == 11)
    assert quoted["speaker"] is not None and quoted["speaker"]["id"] in {p["id"] for p in quoted["pair"]}
    out = CliRunner().invoke(app, ["claims", "--db", str(db), "--format", "csv"]).output
    rows = {line.split(",")[2]: line for line in out.splitlines()[1:]}
    assert {"13", "11"} <= set(rows)
