"""The DuckDB store: one file, one write path (schema.py migrates it, rows.py makes its rows).

Every write is a bulk insert of Arrow tables inside one transaction per batch, so a
crash leaves each batch either wholly stored or not at all, and a re-run completes it.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError
from ..kb import KbFile
from ..model import Annotation, Article, Problem
from ..store_lock import connect_waiting
from .schema import PER_ARTICLE_TABLES, migrate, transaction, utc_now

# The write path's imports (numpy, pyarrow, and the modules that make Arrow rows) are made
# inside the methods that write: a command that only reads the store (`chronicle events`)
# does not import them (0.08 s of CPU; issue 16).
if TYPE_CHECKING:
    import pyarrow as pa

    from ..completion import Completion
    from ..ingest.dedup import LshParams


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
            raise UsageError(f"no store at {self.path}: run `chronicle ingest` first")
        if Path(self.path).is_dir():  # a `chronicle run` output: read-only views over Parquet
            if not read_only:
                raise UsageError(f"{self.path} is a directory of Parquet tables: add to it with `chronicle run --out {self.path}`")
            from .parquet import connect

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
            self.con.execute("INSERT INTO kb_files VALUES (?, ?, ?)", [source.name, source.text, utc_now()])

    # ---- the write path --------------------------------------------------------------

    def write_batch(self, batch: Batch, lsh: LshParams) -> BatchResult:
        """Store a batch in one transaction; already stored articles and aliases are skipped."""
        from .rows import aliases_table, articles_table, per_article_rows, problems_table, unique_new

        with transaction(self.con):
            articles = unique_new(batch.articles, self.known_ids(a.id for a in batch.articles))
            new_ids = {article.id for article in articles}
            annotations = [a for a in batch.annotations if a.article_id in new_ids]
            self._insert("articles", articles_table(articles, annotations))
            self._queue_fusion(sorted(new_ids))
            offsets = {article.id: article.clean for article in articles}
            for table in PER_ARTICLE_TABLES:
                self._insert(table, per_article_rows(annotations, offsets, table))
            self._insert_shared(annotations)
            known_aliases = self.known_aliases(batch.aliases)
            aliases = [pair for pair in dict.fromkeys(batch.aliases) if pair not in known_aliases]
            self._insert("article_aliases", aliases_table(aliases))
            self._name_by_first_alias(aliases)
            near_duplicates = self._link_near_duplicates(annotations, lsh)
            self._complete(batch.completions, batch.annotations)
            self._insert("problems", problems_table(batch.problems), on_conflict="DO NOTHING")
        return BatchResult(len(articles), len(aliases), near_duplicates)

    def replace_annotations(self, annotations: list[Annotation]) -> None:
        """Reprocess: swap the per-article outputs of stored articles, in one transaction."""
        if annotations:
            with transaction(self.con):
                self._swap_annotations(annotations)

    def replace_events(self, removed: Sequence[str] | None, events: pa.Table | None, members: pa.Table | None) -> None:
        """Fusion's write (`store/fusion.py`), inside its transaction: delete the `removed`
        events (every event when None) and their members, insert the new rows."""
        if removed is None:
            self.con.execute("DELETE FROM event_members")
            self.con.execute("DELETE FROM events")
        elif removed:
            self.con.execute("DELETE FROM event_members WHERE event_id IN (SELECT unnest(?))", [list(removed)])
            self.con.execute("DELETE FROM events WHERE id IN (SELECT unnest(?))", [list(removed)])
        self._insert("events", events)
        self._insert("event_members", members)

    def set_member_dates(self, articles: Sequence[str], dates: pa.Table | None) -> None:
        """Fusion's dates of undated mentions (`store/member_dates.py`), inside its
        transaction: the `articles`' members lose the dates fusion gave them, then take
        those of `dates` (rows of article, idx and `fuse_dates.DATE_FIELDS`)."""
        fields = ("date", "end_date", "date_precision", "date_from")
        self.con.execute(
            f"UPDATE event_members SET {', '.join(f'{name} = NULL' for name in fields)} "
            "WHERE article IN (SELECT unnest(?)) AND date_from IS NOT NULL",
            [list(articles)],
        )
        if dates is not None and dates.num_rows:
            self._with_table(
                "_dates",
                dates,
                f"UPDATE event_members m SET {', '.join(f'{name} = d.{name}' for name in fields)} "
                "FROM _dates d WHERE m.article = d.article AND m.idx = d.idx",
            )

    def _swap_annotations(self, annotations: list[Annotation]) -> None:
        import pyarrow as pa

        from .rows import clean_text, per_article_rows

        ids = [a.article_id for a in annotations]
        rows = self.query(
            "SELECT id, offset_clean, offset_raw, offset_length, clean_text FROM articles "
            "WHERE id IN (SELECT unnest(?))",
            [ids],
        )
        cleaned = {row["id"]: clean_text(row) for row in rows}
        versions = pa.table(
            {
                "id": ids,
                "version": [a.pipeline_version for a in annotations],
                "flags": pa.array([list(a.date_flags) for a in annotations], pa.list_(pa.string())),
            }
        )
        for table in PER_ARTICLE_TABLES:
            self.con.execute(f"DELETE FROM {table} WHERE id IN (SELECT unnest(?))", [ids])
            self._insert(table, per_article_rows(annotations, cleaned, table))
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
        import pyarrow as pa

        from ..completion import COMPLETION_SCHEMA, completion_row, new_value

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
        now = utc_now()
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
        import pyarrow as pa

        from .rows import PLACE_SCHEMA

        actors = {a.id: a for annotation in annotations for a in annotation.corpus_actors}
        places = {p.id: p for annotation in annotations for p in annotation.places}
        if actors:
            rows = [{"id": a.id, "name": a.name, "kind": a.kind} for a in actors.values()]
            self._insert("corpus_actors", pa.Table.from_pylist(rows), on_conflict="DO NOTHING")
        if places:
            rows = [dataclasses.asdict(p) for p in places.values()]
            self._insert(
                "places", pa.Table.from_pylist(rows, schema=PLACE_SCHEMA), on_conflict="DO NOTHING"
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
        import pyarrow as pa

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
        import numpy as np
        import pyarrow as pa

        from ..ingest.dedup import band_keys

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
        pairs = self._similar_pairs(candidates, signatures, lsh.threshold)
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

    def _similar_pairs(self, candidates: list[tuple], signatures: dict, threshold: float) -> dict[tuple[str, str], float]:
        """The candidate pairs whose signatures (the new articles' in `signatures`, the others
        read from the store) are at least `threshold` similar, with their similarity."""
        import numpy as np

        from ..ingest.dedup import similarity

        others = {other for _, other in candidates if other not in signatures}
        for row in self.query(
            "SELECT id, minhash FROM signatures WHERE id IN (SELECT unnest(?))", [list(others)]
        ):
            signatures[row["id"]] = np.frombuffer(row["minhash"], dtype=np.uint64)
        pairs = {}
        for a, b in candidates:
            low, high = sorted((a, b))
            score = similarity(signatures[low], signatures[high])
            if score >= threshold:
                pairs[(low, high)] = score
        return pairs

    def _relink_clusters(self, touched: set[str]) -> set[str]:
        """Recompute `near_duplicate_of` for the clusters that contain `touched` articles;
        return their members."""
        import pyarrow as pa

        from ..ingest.dedup import canonical_links

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
