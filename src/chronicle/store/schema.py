"""The store's schema: registered, ordered migrations (each in a transaction) and the
tables they make; `migrate` brings any DuckDB connection up to date."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import duckdb

Migration = Callable[[duckdb.DuckDBPyConnection], None]


def _initial_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE articles (
            id VARCHAR PRIMARY KEY,          -- hash of the normalized clean text
            article_id VARCHAR NOT NULL,     -- name in outputs: first input id, else id
            url VARCHAR, outlet VARCHAR, title VARCHAR,
            published DATE, published_source VARCHAR NOT NULL, published_evidence VARCHAR,
            published_rejected VARCHAR[],
            language VARCHAR,
            source VARCHAR NOT NULL, format VARCHAR NOT NULL,
            raw_text VARCHAR NOT NULL, clean_text VARCHAR NOT NULL,
            offset_clean INTEGER[] NOT NULL, offset_raw INTEGER[] NOT NULL,
            offset_length INTEGER[] NOT NULL,
            near_duplicate_of VARCHAR,
            pipeline_version VARCHAR NOT NULL,
            ingested_at TIMESTAMP NOT NULL
        );
        CREATE TABLE article_aliases (
            alias VARCHAR NOT NULL, id VARCHAR NOT NULL, added_at TIMESTAMP NOT NULL,
            PRIMARY KEY (alias, id)
        );
        CREATE TABLE sentences (
            id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            clean_start INTEGER NOT NULL, clean_end INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (id, idx)
        );
        CREATE TABLE entities (
            id VARCHAR NOT NULL, idx INTEGER NOT NULL, label VARCHAR NOT NULL,
            text VARCHAR NOT NULL,
            clean_start INTEGER NOT NULL, clean_end INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (id, idx)
        );
        CREATE TABLE signatures (id VARCHAR PRIMARY KEY, minhash BLOB NOT NULL);
        CREATE TABLE lsh_bands (band INTEGER NOT NULL, key BIGINT NOT NULL, id VARCHAR NOT NULL);
        CREATE TABLE near_duplicate_pairs (
            id VARCHAR NOT NULL, other VARCHAR NOT NULL, similarity DOUBLE NOT NULL,
            PRIMARY KEY (id, other)
        );
        CREATE TABLE problems (
            source VARCHAR NOT NULL, code VARCHAR NOT NULL, reason VARCHAR NOT NULL,
            first_seen TIMESTAMP NOT NULL,
            PRIMARY KEY (source, code, reason)
        );
        """
    )


def _actors_and_places(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE mentions (
            id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            kind VARCHAR NOT NULL, label VARCHAR NOT NULL, text VARCHAR NOT NULL,
            value VARCHAR, method VARCHAR NOT NULL, confidence DOUBLE NOT NULL,
            clean_start INTEGER NOT NULL, clean_end INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (id, idx)
        );
        CREATE TABLE role_evidence (
            id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            actor VARCHAR NOT NULL, office VARCHAR NOT NULL, seat VARCHAR, title VARCHAR NOT NULL,
            day DATE,
            clean_start INTEGER NOT NULL, clean_end INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (id, idx)
        );
        CREATE TABLE corpus_actors (
            id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL
        );
        CREATE TABLE places (
            id VARCHAR PRIMARY KEY, name VARCHAR NOT NULL, kind VARCHAR NOT NULL,
            country VARCHAR, lat DOUBLE, lon DOUBLE
        );
        ALTER TABLE articles ADD COLUMN published_month VARCHAR;
        CREATE TABLE kb_files (
            name VARCHAR PRIMARY KEY, content VARCHAR NOT NULL, added_at TIMESTAMP NOT NULL
        );
        """
    )


def _times(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        ALTER TABLE mentions ADD COLUMN "precision" VARCHAR;
        ALTER TABLE mentions ADD COLUMN end_value VARCHAR;
        ALTER TABLE mentions ADD COLUMN anchor VARCHAR;
        ALTER TABLE articles ADD COLUMN date_flags VARCHAR[];
        """
    )


def _event_mentions(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE event_mentions (
            id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            type VARCHAR NOT NULL, mode VARCHAR, modality VARCHAR NOT NULL,
            date VARCHAR, end_date VARCHAR, date_precision VARCHAR NOT NULL,
            date_expression VARCHAR, date_rule VARCHAR,
            place VARCHAR,                    -- a place id: joins `places`
            confidence DOUBLE NOT NULL,
            actors STRUCT(
                id VARCHAR, name VARCHAR, kind VARCHAR, role VARCHAR, country VARCHAR,
                clean_start INTEGER, clean_end INTEGER, start INTEGER, "end" INTEGER
            )[] NOT NULL,
            evidence STRUCT(
                clean_start INTEGER, clean_end INTEGER, start INTEGER, "end" INTEGER,
                trigger_clean_start INTEGER, trigger_clean_end INTEGER,
                trigger_start INTEGER, trigger_end INTEGER,
                trigger VARCHAR, text VARCHAR  -- the sentence's clean text
            )[] NOT NULL,
            clean_start INTEGER NOT NULL, clean_end INTEGER NOT NULL,  -- the first evidence
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (id, idx)
        );
        """
    )


def _quotes(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE quotes (
            id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            text VARCHAR NOT NULL, kind VARCHAR NOT NULL,  -- direct | partial | indirect
            speaker VARCHAR,                  -- an actor id: KB, country or corpus_actors
            speaker_clean_start INTEGER, speaker_clean_end INTEGER,
            speaker_start INTEGER, speaker_end INTEGER,
            cue VARCHAR, addressee VARCHAR,
            event_idx INTEGER,                -- joins event_mentions (id, idx)
            clean_start INTEGER NOT NULL, clean_end INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (id, idx)
        );
        """
    )


def _claims(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE claims (
            id VARCHAR NOT NULL, idx INTEGER NOT NULL,
            text VARCHAR NOT NULL,
            count INTEGER NOT NULL,           -- the number claimed
            kind VARCHAR NOT NULL,            -- the PLOVER type counted
            form VARCHAR NOT NULL,            -- ordinal ("the 13th meeting") | cardinal ("11 meetings")
            noun VARCHAR, pattern VARCHAR,
            actors VARCHAR[] NOT NULL,        -- the pair the claim is about (actor ids)
            since VARCHAR, since_precision VARCHAR,  -- the period counted: since .. until
            until VARCHAR,
            speaker VARCHAR,                  -- who makes the claim, when quoted
            clean_start INTEGER NOT NULL, clean_end INTEGER NOT NULL,
            start INTEGER NOT NULL, "end" INTEGER NOT NULL,
            PRIMARY KEY (id, idx)
        );
        """
    )


def _events(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(
        """
        CREATE TABLE events (
            id VARCHAR PRIMARY KEY,           -- stable across incremental runs (docs/fusion.md)
            type VARCHAR NOT NULL, mode VARCHAR, modality VARCHAR NOT NULL,
            date VARCHAR, end_date VARCHAR, date_precision VARCHAR NOT NULL,
            place VARCHAR,                    -- a place id: joins `places`
            confidence DOUBLE NOT NULL,
            actors STRUCT(id VARCHAR, name VARCHAR, kind VARCHAR, role VARCHAR, country VARCHAR)[] NOT NULL,
            mentions INTEGER NOT NULL, articles INTEGER NOT NULL, outlets INTEGER NOT NULL,
            summary VARCHAR,
            date_from VARCHAR, place_from VARCHAR,  -- "<content id>:<idx>" of the mention chosen
            created_at TIMESTAMP NOT NULL
        );
        CREATE TABLE event_members (
            event_id VARCHAR NOT NULL, article VARCHAR NOT NULL, idx INTEGER NOT NULL,
            PRIMARY KEY (article, idx)
        );
        """
    )


def _event_member_index(con: duckdb.DuckDBPyConnection) -> None:
    """An event's members by event id: one event's sources and quotes are looked up, not
    scanned for (bench/load_bench.py). DuckDB keeps the index up to date on every write."""
    con.execute("CREATE INDEX IF NOT EXISTS event_members_event ON event_members (event_id)")


def _article_completions(con: duckdb.DuckDBPyConnection) -> None:
    """Metadata a later input brought to a stored article (docs/store.md), field by field."""
    con.execute(
        """
        CREATE TABLE article_completions (
            id VARCHAR NOT NULL, field VARCHAR NOT NULL, value VARCHAR, previous VARCHAR,
            source VARCHAR NOT NULL, completed_at TIMESTAMP NOT NULL
        );
        """
    )


def _fusion_queue(con: duckdb.DuckDBPyConnection) -> None:
    """Articles whose event mentions changed since they were last fused: written in the
    transaction that changes them, cleared once fusion has committed (docs/store.md)."""
    con.execute("CREATE TABLE fusion_queue (id VARCHAR PRIMARY KEY)")


def _member_dates(con: duckdb.DuckDBPyConnection) -> None:
    """The date fusion gives a mention its own page cannot date (fuse_dates.py): its fused
    event's day, with `date_from` the report it came from; NULL when none (docs/fusion.md).
    The mention's own `event_mentions` date stays as its text gives it. The articles fused
    before are queued for fusion, so the next run stores their dates."""
    con.execute(
        """
        ALTER TABLE event_members ADD COLUMN date VARCHAR;
        ALTER TABLE event_members ADD COLUMN end_date VARCHAR;
        ALTER TABLE event_members ADD COLUMN date_precision VARCHAR;
        ALTER TABLE event_members ADD COLUMN date_from VARCHAR;
        INSERT INTO fusion_queue SELECT DISTINCT article FROM event_members ON CONFLICT DO NOTHING;
        """
    )


MIGRATIONS: tuple[tuple[int, str, Migration], ...] = (
    (1, "initial schema", _initial_schema),
    (
        2,
        "actor and place mentions, role evidence, corpus actors, user KB files",
        _actors_and_places,
    ),
    (3, "time mentions: precision, range end, anchor; page-date flags", _times),
    (4, "event mentions", _event_mentions),
    (5, "quotes", _quotes),
    (6, "events: fused event mentions and their members", _events),
    (7, "claims about the record", _claims),
    (8, "index of event members by event id", _event_member_index),
    (9, "metadata completed by later input", _article_completions),
    (10, "articles waiting for fusion", _fusion_queue),
    (11, "event members: the date fusion gives an undated mention", _member_dates),
)
PER_ARTICLE_TABLES = ("sentences", "entities", "mentions", "role_evidence", "event_mentions", "quotes", "claims")


def migrate(con: duckdb.DuckDBPyConnection) -> list[int]:
    """Apply the registered migrations not yet applied, each in its own transaction."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations "
        "(version INTEGER PRIMARY KEY, name VARCHAR, applied_at TIMESTAMP)"
    )
    done = {row[0] for row in con.execute("SELECT version FROM schema_migrations").fetchall()}
    applied = []
    for version, name, step in MIGRATIONS:
        if version in done:
            continue
        with transaction(con):
            step(con)
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, utc_now()])
        applied.append(version)
    return applied


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """BEGIN ... COMMIT, or ROLLBACK and re-raise: a batch is stored whole or not at all."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


def utc_now() -> dt.datetime:
    """Now, in UTC, without a time zone (as the store's TIMESTAMP columns hold it)."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
