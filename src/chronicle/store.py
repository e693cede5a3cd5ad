"""The embedded store: one DuckDB file, registered migrations, one write path.

Every write is a bulk insert of Arrow tables inside one transaction per batch, so a
crash leaves each batch either wholly stored or not at all, and a re-run completes it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import numpy as np
import pyarrow as pa

from .completion import COMPLETION_SCHEMA, Completion, completion_row, new_value
from .errors import ChronicleError
from .ingest.dedup import LshParams, band_keys, canonical_links, similarity
from .kb import KbFile
from .model import Annotation, Article, CleanText, OffsetMap, Problem
from .store_lock import connect_waiting

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
            con.execute("INSERT INTO schema_migrations VALUES (?, ?, ?)", [version, name, _now()])
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


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)


@dataclass
class Batch:
    """Everything one ingest batch writes, in one transaction."""

    articles: list[Article] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    aliases: list[tuple[str, str]] = field(default_factory=list)  # (alias, article id)
    problems: list[Problem] = field(default_factory=list)
    completions: list[Completion] = field(default_factory=list)  # stored articles given more metadata


@dataclass
class BatchResult:
    """What a batch changed: articles and input ids added, near-duplicates linked."""

    stored: int = 0
    new_aliases: int = 0
    near_duplicates: int = 0


class Store:
    """A chronicle store in one DuckDB file. Use as a context manager."""

    def __init__(
        self, path: str | Path, read_only: bool = False, wait: float = 0.0, on_wait: Callable[[str], None] | None = None
    ):
        """Open the store; while another process holds its lock (an ingest writing a batch),
        retry with backoff for up to `wait` seconds, telling `on_wait` once (docs/store.md)."""
        self.path = str(path)
        if read_only and not Path(self.path).exists():
            raise ChronicleError(f"no store at {self.path}: run `chronicle ingest` first")
        if Path(self.path).is_dir():  # a `chronicle run` output: read-only views over Parquet
            if not read_only:
                raise ChronicleError(f"{self.path} is a directory of Parquet tables: add to it with `chronicle run --out {self.path}`")
            from .parquet_store import connect

            self.con = connect(self.path)
            return
        self.con = connect_waiting(self.path, read_only, wait, on_wait)
        if not read_only:
            migrate(self.con)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.con.close()

    # ---- reads -------------------------------------------------------------------

    def query(self, sql: str, params: Sequence | None = None) -> list[dict]:
        """Rows of a read query as dicts."""
        cursor = self.con.execute(sql, params or [])
        names = [column[0] for column in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def has_table(self, name: str) -> bool:
        """Whether the store has a table (a store opened read-only is not migrated)."""
        return name in self.table_names()

    def table_names(self) -> set[str]:
        """The store's tables, and the views of a Parquet directory's tables."""
        rows = self.con.execute(
            "SELECT table_name FROM duckdb_tables() UNION SELECT view_name FROM duckdb_views() WHERE NOT internal"
        ).fetchall()
        return {row[0] for row in rows}

    def known_ids(self, ids: Iterable[str]) -> set[str]:
        """The subset of article ids already stored."""
        ids = list(set(ids))
        if not ids:
            return set()
        rows = self.con.execute(
            "SELECT id FROM articles WHERE id IN (SELECT unnest(?))", [ids]
        ).fetchall()
        return {row[0] for row in rows}

    def known_aliases(self, pairs: Iterable[tuple[str, str]]) -> set[tuple[str, str]]:
        pairs = list(set(pairs))
        if not pairs:
            return set()
        rows = self.con.execute(
            "SELECT alias, id FROM article_aliases WHERE alias IN (SELECT unnest(?))",
            [[alias for alias, _ in pairs]],
        ).fetchall()
        return set(rows) & set(pairs)

    def kb_files(self) -> list[KbFile]:
        """The KB files users added to this store, in the order they were added."""
        if not self.has_table("kb_files"):
            return []
        rows = self.con.execute("SELECT name, content FROM kb_files ORDER BY added_at, name").fetchall()
        return [KbFile(name, content) for name, content in rows]

    def add_kb_file(self, source: KbFile) -> None:
        """Keep a user KB file (already validated) with the store; a file of that name is replaced."""
        with transaction(self.con):
            self.con.execute("DELETE FROM kb_files WHERE name = ?", [source.name])
            self.con.execute("INSERT INTO kb_files VALUES (?, ?, ?)", [source.name, source.text, _now()])

    # ---- the write path --------------------------------------------------------------

    def write_batch(self, batch: Batch, lsh: LshParams) -> BatchResult:
        """Store a batch in one transaction; already stored articles and aliases are skipped."""
        with transaction(self.con):
            articles = unique_new(batch.articles, self.known_ids(a.id for a in batch.articles))
            new_ids = {article.id for article in articles}
            annotations = [a for a in batch.annotations if a.article_id in new_ids]
            self._insert("articles", _articles_table(articles, annotations))
            self._queue_fusion(sorted(new_ids))
            offsets = {article.id: article.clean for article in articles}
            for table in PER_ARTICLE_TABLES:
                self._insert(table, _per_article_rows(annotations, offsets, table))
            self._insert_shared(annotations)
            known_aliases = self.known_aliases(batch.aliases)
            aliases = [pair for pair in dict.fromkeys(batch.aliases) if pair not in known_aliases]
            self._insert("article_aliases", _aliases_table(aliases))
            self._name_by_first_alias(aliases)
            near_duplicates = self._link_near_duplicates(annotations, lsh)
            self._complete(batch.completions, batch.annotations)
            self._insert("problems", _problems_table(batch.problems), on_conflict="DO NOTHING")
        return BatchResult(len(articles), len(aliases), near_duplicates)

    def replace_annotations(self, annotations: list[Annotation]) -> None:
        """Reprocess: swap the per-article outputs of stored articles, in one transaction."""
        if annotations:
            with transaction(self.con):
                self._swap_annotations(annotations)

    def _swap_annotations(self, annotations: list[Annotation]) -> None:
        ids = [a.article_id for a in annotations]
        rows = self.query(
            "SELECT id, offset_clean, offset_raw, offset_length, clean_text FROM articles "
            "WHERE id IN (SELECT unnest(?))",
            [ids],
        )
        cleaned = {row["id"]: _clean_text(row) for row in rows}
        versions = pa.table(
            {
                "id": ids,
                "version": [a.pipeline_version for a in annotations],
                "flags": pa.array([list(a.date_flags) for a in annotations], pa.list_(pa.string())),
            }
        )
        for table in PER_ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE id IN (SELECT unnest(?))", [ids])
            self._insert(table, _per_article_rows(annotations, cleaned, table))
        self._insert_shared(annotations)
        self._queue_fusion(ids)
        self._with_table(
            "_versions",
            versions,
            "UPDATE articles SET pipeline_version = v.version, date_flags = v.flags "
            "FROM _versions v "
            "WHERE articles.id = v.id",
        )

    def _complete(self, completions: list[Completion], annotations: list[Annotation]) -> None:
        """Fill stored articles' metadata from later input, record each field, and swap the
        annotations of the re-dated ones (extracted again against their new date)."""
        if not completions:
            return
        rows = [completion_row(c) for c in completions]
        self._with_table(
            "_completion",
            pa.Table.from_pylist(rows, schema=COMPLETION_SCHEMA),
            "UPDATE articles SET url = coalesce(c.url, articles.url), outlet = coalesce(c.outlet, articles.outlet), "
            "title = coalesce(c.title, articles.title), "
            "published = CASE WHEN c.redates THEN c.published ELSE articles.published END, "
            "published_source = CASE WHEN c.redates THEN c.published_source ELSE articles.published_source END, "
            "published_evidence = CASE WHEN c.redates THEN c.published_evidence ELSE articles.published_evidence END, "
            "published_month = CASE WHEN c.redates THEN c.published_month ELSE articles.published_month END "
            "FROM _completion c WHERE articles.id = c.id",
        )
        now = _now()
        record = [
            {"id": c.article.id, "field": name, "value": new_value(c.article, name), "previous": previous,
             "source": c.article.source, "completed_at": now}
            for c in completions
            for name, previous in c.previous.items()
        ]
        self._insert("article_completions", pa.Table.from_pylist(record))
        redated = {c.article.id for c in completions if c.redates}
        swapped = [a for a in annotations if a.article_id in redated]
        if swapped:
            self._swap_annotations(swapped)
        if redated:  # the earliest-published near-duplicate is its cluster's canonical one
            self._queue_fusion(sorted(self._relink_clusters(redated)))

    def _queue_fusion(self, ids: list[str]) -> None:
        """Mark articles whose event mentions this transaction changes: fused later, by
        whichever run gets there (a crash in between leaves the mark)."""
        if ids:
            self.con.execute("INSERT INTO fusion_queue SELECT DISTINCT unnest(?) ON CONFLICT DO NOTHING", [ids])

    def _insert_shared(self, annotations: list[Annotation]) -> None:
        """Corpus actors and places: shared by articles, stored once."""
        actors = {a.id: a for annotation in annotations for a in annotation.corpus_actors}
        places = {p.id: p for annotation in annotations for p in annotation.places}
        if actors:
            rows = [{"id": a.id, "name": a.name, "kind": a.kind} for a in actors.values()]
            self._insert("corpus_actors", pa.Table.from_pylist(rows), on_conflict="DO NOTHING")
        if places:
            rows = [dataclasses.asdict(p) for p in places.values()]
            self._insert(
                "places", pa.Table.from_pylist(rows, schema=_PLACE_SCHEMA), on_conflict="DO NOTHING"
            )

    def _with_table(self, name: str, table: pa.Table, sql: str) -> list[tuple]:
        """Run `sql` with an Arrow table visible under `name`."""
        self.con.register(name, table)
        try:
            return self.con.execute(sql).fetchall()
        finally:
            self.con.unregister(name)

    def _insert(self, table: str, rows: pa.Table | None, on_conflict: str = "") -> None:
        if rows is None or rows.num_rows == 0:
            return
        columns = ", ".join(f'"{name}"' for name in rows.column_names)
        conflict = f"ON CONFLICT {on_conflict}" if on_conflict else ""
        self._with_table(
            "_batch",
            rows,
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _batch {conflict}",
        )

    def _name_by_first_alias(self, aliases: list[tuple[str, str]]) -> None:
        """An article named by its content id takes the first input id it comes with."""
        first: dict[str, str] = {}
        for alias, article_id in aliases:
            first.setdefault(article_id, alias)
        if first:
            self._with_table(
                "_first_alias",
                pa.table({"id": list(first), "alias": list(first.values())}),
                "UPDATE articles SET article_id = f.alias FROM _first_alias f "
                "WHERE articles.id = f.id AND articles.article_id = articles.id",
            )

    def _link_near_duplicates(self, annotations: list[Annotation], lsh: LshParams) -> int:
        """Store signatures and band keys; link near-duplicates against the whole store.

        Returns how many of the new articles joined a near-duplicate cluster.
        """
        if not annotations:
            return 0
        signatures = {a.article_id: np.array(a.signature, dtype=np.uint64) for a in annotations}
        self._insert(
            "signatures",
            pa.table(
                {"id": list(signatures), "minhash": [s.tobytes() for s in signatures.values()]}
            ),
        )
        bands = [
            (band, key, article_id)
            for article_id, sig in signatures.items()
            for band, key in band_keys(sig, lsh)
        ]
        new_bands = pa.table(
            {
                "band": pa.array([b for b, _, _ in bands], pa.int32()),
                "key": pa.array([k for _, k, _ in bands], pa.int64()),
                "id": [i for _, _, i in bands],
            }
        )
        self._insert("lsh_bands", new_bands)
        candidates = self._with_table(
            "_new_bands",
            new_bands,
            "SELECT DISTINCT n.id, o.id FROM _new_bands n JOIN lsh_bands o "
            "ON n.band = o.band AND n.key = o.key WHERE n.id <> o.id",
        )
        others = {other for _, other in candidates if other not in signatures}
        for row in self.query(
            "SELECT id, minhash FROM signatures WHERE id IN (SELECT unnest(?))", [list(others)]
        ):
            signatures[row["id"]] = np.frombuffer(row["minhash"], dtype=np.uint64)
        pairs = {}
        for a, b in candidates:
            low, high = sorted((a, b))
            score = similarity(signatures[low], signatures[high])
            if score >= lsh.threshold:
                pairs[(low, high)] = score
        if not pairs:
            return 0
        self._insert(
            "near_duplicate_pairs",
            pa.table(
                {
                    "id": [a for a, _ in pairs],
                    "other": [b for _, b in pairs],
                    "similarity": list(pairs.values()),
                }
            ),
            on_conflict="DO NOTHING",
        )
        linked = {node for pair in pairs for node in pair}
        self._relink_clusters(linked)
        return len(linked & {a.article_id for a in annotations})

    def _relink_clusters(self, touched: set[str]) -> set[str]:
        """Recompute `near_duplicate_of` for the clusters that contain `touched` articles;
        return their members."""
        members = set(touched)
        while True:  # grow to the whole connected components through stored pairs
            rows = self.con.execute(
                "SELECT id, other FROM near_duplicate_pairs "
                "WHERE id IN (SELECT unnest(?)) OR other IN (SELECT unnest(?))",
                [list(members), list(members)],
            ).fetchall()
            grown = members | {node for pair in rows for node in pair}
            if grown == members:
                break
            members = grown
        info = self.query(
            "SELECT id, published FROM articles WHERE id IN (SELECT unnest(?))", [list(members)]
        )
        sort_keys = {row["id"]: (row["published"] is None, str(row["published"])) for row in info}
        links = canonical_links(rows, sort_keys)
        self._with_table(
            "_links",
            pa.table({"id": list(links), "canonical": list(links.values())}),
            "UPDATE articles SET near_duplicate_of = l.canonical FROM _links l "
            "WHERE articles.id = l.id",
        )
        return members


def unique_new(articles: list[Article], known: set[str]) -> list[Article]:
    """Articles whose id is neither known nor earlier in the list."""
    seen = set(known)
    unique = []
    for article in articles:
        if article.id not in seen:
            seen.add(article.id)
            unique.append(article)
    return unique


def _articles_table(articles: list[Article], annotations: list[Annotation]) -> pa.Table | None:
    annotated = {a.article_id: a for a in annotations}
    now = _now()
    rows = []
    for article in articles:
        segments = article.clean.offsets.segments
        rows.append(
            {
                "id": article.id,
                "article_id": article.id,  # until an input id names it
                "url": article.url,
                "outlet": article.outlet,
                "title": article.title,
                "published": dt.date.fromisoformat(article.published.value)
                if article.published.value
                else None,
                "published_source": article.published.source,
                "published_evidence": article.published.evidence,
                "published_rejected": list(article.published.rejected),
                "published_month": article.published.month,
                "language": article.language,
                "source": article.source,
                "format": article.format,
                "raw_text": article.raw_text,
                "clean_text": article.clean.text,
                "offset_clean": [s[0] for s in segments],
                "offset_raw": [s[1] for s in segments],
                "offset_length": [s[2] for s in segments],
                "near_duplicate_of": None,
                "date_flags": list(annotated[article.id].date_flags),
                "pipeline_version": annotated[article.id].pipeline_version,
                "ingested_at": now,
            }
        )
    return pa.Table.from_pylist(rows, schema=_ARTICLE_SCHEMA) if rows else None


_ARTICLE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("article_id", pa.string()),
        ("url", pa.string()),
        ("outlet", pa.string()),
        ("title", pa.string()),
        ("published", pa.date32()),
        ("published_source", pa.string()),
        ("published_evidence", pa.string()),
        ("published_rejected", pa.list_(pa.string())),
        ("published_month", pa.string()),
        ("language", pa.string()),
        ("source", pa.string()),
        ("format", pa.string()),
        ("raw_text", pa.string()),
        ("clean_text", pa.string()),
        ("offset_clean", pa.list_(pa.int32())),
        ("offset_raw", pa.list_(pa.int32())),
        ("offset_length", pa.list_(pa.int32())),
        ("near_duplicate_of", pa.string()),
        ("date_flags", pa.list_(pa.string())),
        ("pipeline_version", pa.string()),
        ("ingested_at", pa.timestamp("us")),
    ]
)


def _clean_text(row: dict) -> CleanText:
    segments = tuple(zip(row["offset_clean"], row["offset_raw"], row["offset_length"]))
    return CleanText(row["clean_text"], OffsetMap(segments))


_PLACE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("name", pa.string()),
        ("kind", pa.string()),
        ("country", pa.string()),
        ("lat", pa.float64()),
        ("lon", pa.float64()),
    ]
)


def _fields(table: str, item, clean: CleanText) -> dict:
    """The columns of a per-article row besides its position and spans."""
    if table == "entities":
        return {"label": item.label, "text": clean.text[item.start : item.end]}
    if table == "mentions":
        return {
            "kind": item.kind,
            "label": item.label,
            "text": item.text,
            "value": item.value,
            "method": item.method,
            "confidence": item.confidence,
            "precision": item.precision,
            "end_value": item.end_value,
            "anchor": item.anchor,
        }
    if table == "role_evidence":
        return {
            "actor": item.actor,
            "office": item.office,
            "seat": item.seat,
            "title": item.title,
            "day": item.day,
        }
    if table == "event_mentions":
        return {
            "type": item.type,
            "mode": item.mode,
            "modality": item.modality,
            "date": item.date,
            "end_date": item.end_date,
            "date_precision": item.date_precision,
            "date_expression": item.date_expression,
            "date_rule": item.date_rule,
            "place": item.place,
            "confidence": item.confidence,
            "actors": [
                {
                    "id": a.id,
                    "name": a.name,
                    "kind": a.kind,
                    "role": a.role,
                    "country": a.country,
                    **_spans(a.start, a.end, clean),
                }
                for a in item.actors
            ],
            "evidence": [
                {
                    **_spans(e.start, e.end, clean),
                    **_spans(e.trigger_start, e.trigger_end, clean, "trigger_"),
                    "trigger": e.trigger,
                    "text": clean.text[e.start : e.end],
                }
                for e in item.evidence
            ],
        }
    if table == "quotes":
        speaker = (
            _spans(item.speaker_start, item.speaker_end, clean, "speaker_")
            if item.speaker_start is not None and item.speaker_end is not None
            else dict.fromkeys(("speaker_clean_start", "speaker_clean_end", "speaker_start", "speaker_end"))
        )
        return {
            "text": item.text,
            "kind": item.kind,
            "speaker": item.speaker,
            **speaker,
            "cue": item.cue,
            "addressee": item.addressee,
            "event_idx": item.event,
        }
    if table == "claims":
        return {
            "text": item.text,
            "count": item.count,
            "kind": item.kind,
            "form": item.form,
            "noun": item.noun,
            "pattern": item.pattern,
            "actors": list(item.actors),
            "since": item.since,
            "since_precision": item.since_precision,
            "until": item.until,
            "speaker": item.speaker,
        }
    return {}


def _spans(start: int, end: int, clean: CleanText, prefix: str = "") -> dict:
    """A clean span and its raw twin, as `<prefix>clean_start` ... `<prefix>end` columns."""
    raw_start, raw_end = clean.offsets.span_to_raw(start, end)
    return {
        f"{prefix}clean_start": start,
        f"{prefix}clean_end": end,
        f"{prefix}start": raw_start,
        f"{prefix}end": raw_end,
    }


def _per_article_rows(
    annotations: list[Annotation], cleaned: dict[str, CleanText], table: str
) -> pa.Table | None:
    """Rows of a per-article table, with spans in both the clean and the raw text."""
    rows = []
    for annotation in annotations:
        clean = cleaned[annotation.article_id]
        for idx, item in enumerate(getattr(annotation, table)):
            rows.append(
                {
                    "id": annotation.article_id,
                    "idx": idx,
                    **_spans(item.start, item.end, clean),
                    **_fields(table, item, clean),
                }
            )
    if not rows:
        return None
    schemas = {"event_mentions": _EVENT_MENTION_SCHEMA, "quotes": _QUOTE_SCHEMA, "claims": _CLAIM_SCHEMA}
    return pa.Table.from_pylist(rows, schema=schemas.get(table))


def _span_fields(prefix: str = "") -> list[tuple[str, pa.DataType]]:
    return [(f"{prefix}{name}", pa.int32()) for name in ("clean_start", "clean_end", "start", "end")]


_EVENT_MENTION_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("idx", pa.int32()),
        *_span_fields(),
        ("type", pa.string()),
        ("mode", pa.string()),
        ("modality", pa.string()),
        ("date", pa.string()),
        ("end_date", pa.string()),
        ("date_precision", pa.string()),
        ("date_expression", pa.string()),
        ("date_rule", pa.string()),
        ("place", pa.string()),
        ("confidence", pa.float64()),
        (
            "actors",
            pa.list_(
                pa.struct(
                    [(name, pa.string()) for name in ("id", "name", "kind", "role", "country")]
                    + _span_fields()
                )
            ),
        ),
        (
            "evidence",
            pa.list_(
                pa.struct(
                    _span_fields()
                    + _span_fields("trigger_")
                    + [("trigger", pa.string()), ("text", pa.string())]
                )
            ),
        ),
    ]
)


_QUOTE_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("idx", pa.int32()),
        *_span_fields(),
        ("text", pa.string()),
        ("kind", pa.string()),
        ("speaker", pa.string()),
        *_span_fields("speaker_"),
        ("cue", pa.string()),
        ("addressee", pa.string()),
        ("event_idx", pa.int32()),
    ]
)


_CLAIM_SCHEMA = pa.schema(
    [
        ("id", pa.string()),
        ("idx", pa.int32()),
        *_span_fields(),
        ("text", pa.string()),
        ("count", pa.int32()),
        *[(name, pa.string()) for name in ("kind", "form", "noun", "pattern")],
        ("actors", pa.list_(pa.string())),
        *[(name, pa.string()) for name in ("since", "since_precision", "until", "speaker")],
    ]
)


def _aliases_table(aliases: list[tuple[str, str]]) -> pa.Table | None:
    if not aliases:
        return None
    now = _now()
    return pa.table(
        {
            "alias": [alias for alias, _ in aliases],
            "id": [article_id for _, article_id in aliases],
            "added_at": pa.array([now] * len(aliases), pa.timestamp("us")),
        }
    )


def _problems_table(problems: list[Problem]) -> pa.Table | None:
    unique = list(dict.fromkeys(problems))
    if not unique:
        return None
    now = _now()
    return pa.table(
        {
            "source": [p.source for p in unique],
            "code": [p.code for p in unique],
            "reason": [p.reason for p in unique],
            "first_seen": pa.array([now] * len(unique), pa.timestamp("us")),
        }
    )
