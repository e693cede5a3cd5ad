"""What Spark's executors run: the pipeline's pure functions over plain rows.

Nothing here imports pyspark. Rows go in as mappings (Spark `Row`s) and come out as
tuples in the field order of a table's schema (`PREPARED`, `wide_schema()`, the store's
tables), so the Spark runner only wires these functions into jobs. Resources are loaded
once per executor process (`runners.local.worker_resources`, `text_resources`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import pickle
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import islice

import numpy as np
import pyarrow as pa

from ..fuse import Member, block_clusters, block_keys, join_by_rules, with_page_day
from ..fuse_record import fused_event
from ..fuse_dates import DATE_FIELDS
from ..fuse_ids import assign_ids, mention_ref
from ..fuse_rules import link_keys
from ..ingest.dedup import LshParams, band_keys, similarity
from ..ingest.jsonl import read_record
from ..ingest.readers import read_bytes
from ..kb import KbFile
from ..model import Article, Document, Event, Problem
from ..store.parquet import UNKNOWN_MONTH, arrow_schemas, conform
from ..pipeline import (
    TextResources,
    AnnotationFailure,
    annotate_each,
    load_text_resources,
    prepare,
    to_annotate,
)
from ..settings import Settings
from ..store import PER_ARTICLE_TABLES, articles_table, events_table, per_article_rows
from ..store.fusion import member_from_row
from ..store.member_dates import article_dates
from .local import worker_resources

# One row per document read (an article, or the problem that skipped it), in input order.
PREPARED = pa.schema(
    [
        ("order", pa.string()),  # sorts like the local runner reads: input, path, position
        ("document", pa.bool_()),  # a document was read (a problem may still skip it)
        ("id", pa.string()),  # the article's content id
        ("alias", pa.string()),  # the input id it came with
        ("payload", pa.binary()),  # the pickled Article
        ("source", pa.string()),  # a problem's source, code and reason
        ("code", pa.string()),
        ("reason", pa.string()),
    ]
)
SHARED = ("corpus_actors", "places")  # corpus-level tables the annotation of an article adds to


@functools.lru_cache(maxsize=1)
def text_resources() -> TextResources:
    """The cleaning and dating rules of this executor, loaded once."""
    return load_text_resources()


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


def _tuple(record: Mapping, schema: pa.Schema | pa.StructType) -> tuple:
    """A record as a tuple in the schema's field order, nested structs included."""
    fields = list(schema) if isinstance(schema, pa.Schema) else [schema.field(i) for i in range(schema.num_fields)]
    return tuple(_value(record.get(f.name), f.type) for f in fields)


def _value(value, kind: pa.DataType):
    if value is None:
        return None
    if pa.types.is_struct(kind):
        return _tuple(value, kind)
    if pa.types.is_list(kind):
        return [_value(item, kind.value_type) for item in value]
    return value


# ---- reading and preparing --------------------------------------------------------------------


def order_key(input_rank: int, source: str, position: int) -> str:
    """Sorts documents in the order the local runner reads them: by input argument, then
    path component by component (as its directory walk does), then position in the file."""
    return f"{input_rank:06d}\x00{source.replace('/', chr(0))}\x00{position:012d}"


def prepared_row(item: Document | Problem, order: str, text: TextResources, today: dt.date) -> tuple:
    """A PREPARED row: the document cleaned and identified, or the problem that skipped it."""
    document = isinstance(item, Document)
    if document:
        item = prepare(item, text, today)
    if isinstance(item, Problem):
        return (order, document, None, None, None, item.source, item.code, item.reason)
    return (order, True, item.id, item.alias, pickle.dumps(item, protocol=pickle.HIGHEST_PROTOCOL), None, None, None)


def read_file(input_rank: int, source: str, content: bytes, settings: Settings, today: dt.date) -> Iterator[tuple]:
    """The PREPARED rows of one input file (any format the local readers know)."""
    text = text_resources()
    for position, item in enumerate(read_bytes(content, source, settings, name=source)):
        yield prepared_row(item, order_key(input_rank, source, position), text, today)


def read_table_rows(rows: Iterable[Mapping], input_rank: int, today: dt.date) -> Iterator[tuple]:
    """The PREPARED rows of Parquet input: each row an object like a JSONL line's."""
    text = text_resources()
    for row in rows:
        source = f"{row['file_path']}:row {row['row_index'] + 1}"
        record = {key: value for key, value in row.items() if key not in ("file_path", "row_index") and value is not None}
        yield prepared_row(read_record(record, source), order_key(input_rank, row["file_path"], row["row_index"]), text, today)


# ---- annotation: one wide row per article ------------------------------------------------------


@functools.lru_cache(maxsize=1)
def wide_schema() -> pa.Schema:
    """An annotated article: its `articles` row, partition month, failure (if annotation
    failed), the rows of each per-article table and shared table, and its MinHash."""
    schemas = arrow_schemas()
    nested = [
        pa.field(f"t_{table}", pa.list_(pa.struct([f for f in schemas[table] if f.name != "id" or table in SHARED])))
        for table in (*PER_ARTICLE_TABLES, *SHARED)
    ]
    return pa.schema(
        [*schemas["articles"], pa.field("month", pa.string()), pa.field("failure", pa.string()), *nested, pa.field("signature", pa.binary())]
    )


def month_of(article: Article) -> str:
    """The partition of an article: its publication month, else UNKNOWN_MONTH."""
    published = article.published
    return (published.value[:7] if published.value else published.month) or UNKNOWN_MONTH


def annotate_partition(rows: Iterable[Mapping], settings: Settings, kb_files: tuple[KbFile, ...]) -> Iterator[tuple]:
    """Wide rows of new articles (rows of id, first_alias, payload), `batch_size` at a time;
    the resources are this executor's, loaded on first use."""
    resources = None
    for chunk in _chunks(rows, settings.batch_size):
        resources = resources or worker_resources(settings, kb_files)
        articles = [pickle.loads(row["payload"]) for row in chunk]
        names = {row["id"]: row["first_alias"] or row["id"] for row in chunk}
        results = annotate_each([to_annotate(a) for a in articles], resources)
        failed = {r.article_id: r for r in results if isinstance(r, AnnotationFailure)}
        yield from (_failure_row(a, failed[a.id].detail) for a in articles if a.id in failed)
        annotations = [r for r in results if not isinstance(r, AnnotationFailure)]
        yield from wide_rows([a for a in articles if a.id not in failed], annotations, names)


def _failure_row(article: Article, reason: str) -> tuple:
    return _tuple({"id": article.id, "source": article.source, "month": month_of(article), "failure": reason}, wide_schema())


def wide_rows(articles: Sequence[Article], annotations: Sequence, names: Mapping[str, str]) -> Iterator[tuple]:
    """The wide rows of annotated articles, built with the store's own row builders."""
    schema = wide_schema()
    cleaned = {article.id: article.clean for article in articles}
    nested: dict[str, dict[str, list[dict]]] = {}
    for table in PER_ARTICLE_TABLES:
        rows = per_article_rows(list(annotations), cleaned, table)
        grouped = defaultdict(list)
        for row in conform(rows, table).to_pylist() if rows is not None else ():
            grouped[row["id"]].append(row)
        nested[table] = grouped
    by_id = {annotation.article_id: annotation for annotation in annotations}
    for row in conform(articles_table(list(articles), list(annotations)), "articles").to_pylist():
        annotation = by_id[row["id"]]
        article = next(a for a in articles if a.id == row["id"])
        record = {
            **row,
            "article_id": names.get(row["id"], row["id"]),
            "month": month_of(article),
            **{f"t_{table}": nested[table].get(row["id"], []) for table in PER_ARTICLE_TABLES},
            "t_corpus_actors": [{"id": a.id, "name": a.name, "kind": a.kind} for a in annotation.corpus_actors],
            "t_places": [dataclasses.asdict(place) for place in annotation.places],
            "signature": np.array(annotation.signature, dtype=np.uint64).tobytes(),
        }
        yield _tuple(record, schema)


# ---- near-duplicates --------------------------------------------------------------------------


def band_rows(rows: Iterable[Mapping], lsh: LshParams) -> Iterator[tuple[int, int, str]]:
    """(band, key, id) for each signature row (id, minhash): the LSH buckets."""
    for row in rows:
        for band, key in band_keys(np.frombuffer(row["minhash"], dtype=np.uint64), lsh):
            yield band, key, row["id"]


def similar_pairs(rows: Iterable[Mapping], threshold: float) -> Iterator[tuple[str, str, float]]:
    """The candidate pairs (id, other, minhash, other_minhash) similar enough to link."""
    for row in rows:
        score = similarity(np.frombuffer(row["minhash"], dtype=np.uint64), np.frombuffer(row["other_minhash"], dtype=np.uint64))
        if score >= threshold:
            yield row["id"], row["other"], score


# ---- fusion -----------------------------------------------------------------------------------


def member_of(row: Mapping) -> Member:
    """A fusion member from a row of the member query (the columns of store.fusion.MEMBER_SQL)."""
    return member_from_row(row)


def node(member: Member) -> str:
    """A member's name in the graphs: "<content id>:<idx>"."""
    return mention_ref(member.key)


def key_of(name: str) -> tuple[str, int]:
    article, idx = name.rsplit(":", 1)
    return article, int(idx)


def member_blocks(member: Member) -> list[tuple[str, Member]]:
    """(block, member) for each block of a member, the block as a JSON string."""
    return [(json.dumps(block), member) for block in block_keys(member)]


def block_edges(block: str, members: Iterable[Member]) -> list[tuple[str, str]]:
    """Edges joining the members of each cluster of one block (fuse.cluster's unions); the
    block as `member_blocks` gives it (a JSON string)."""
    edges = []
    for group in block_clusters(json.loads(block), list(members)):
        edges += [(mention_ref(group[0]), mention_ref(key)) for key in group[1:]]
    return edges


def cluster_links(label: str, member: Member) -> list[tuple[str, str]]:
    """Edges from a block cluster (its component label, "c:<label>") to each key of the
    rules beyond the blocks its member carries ("k:<key>", `fuse_rules.link_keys`): the
    clusters a key connects make one piece for `join_piece`."""
    return [("c:" + label, "k:" + json.dumps(key)) for key in link_keys(member)]


def join_piece(items: Iterable[tuple[str, Member]]) -> list[tuple[str, str]]:
    """(member name, event label) for every member of one piece of block clusters ((cluster
    label, member) items): the clusters joined by `fuse.join_by_rules`, the local runner's
    own last step; each event labelled by its smallest member's name."""
    members: dict = {}
    groups: dict[str, list] = defaultdict(list)
    for label, member in items:
        members[member.key] = member
        groups[label].append(member.key)
    named = []
    for group in join_by_rules(members, groups.values()):
        label = mention_ref(group[0])
        named += [(mention_ref(key), label) for key in group]
    return named


def event_of(members: Iterable[Member]) -> Event:
    return fused_event(list(members))


def assign_piece(items: Iterable[tuple]) -> list[tuple[Event, object]]:
    """Ids for the new events of one connected piece (new events and the old events they
    share members with): ("new", Event) and ("old", event id, member names, created_at)
    items in; (event with its id, created_at of the old event it continues or None) out."""
    events: list[Event] = []
    old: dict[str, set] = {}
    age: dict[str, object] = {}
    for item in items:
        if item[0] == "new":
            events.append(item[1])
        else:
            _, event_id, names, created = item
            old[event_id] = {key_of(name) for name in names}
            age[event_id] = created
    events.sort(key=lambda event: event.members)
    ids = assign_ids([event.members for event in events], old, age)
    return [(dataclasses.replace(event, id=event_id), age.get(event_id)) for event, event_id in zip(events, ids)]


def event_rows(assigned: Iterable[tuple[Event, object]], now: dt.datetime) -> Iterator[tuple]:
    """`events` rows of events with ids; created_at of the event continued, else `now`."""
    assigned = list(assigned)
    age = {event.id: created or now for event, created in assigned}
    table = events_table([event for event, _ in assigned], age)
    if table is None:
        return
    schema = arrow_schemas()["events"]
    for row in conform(table, "events").to_pylist():
        yield _tuple(row, schema)


def member_events(assigned: tuple[Event, object]) -> list[tuple[str, tuple[str, dict]]]:
    """(member name, (event id, the event's date fields)) for each member of an event with
    its id: what `member_rows` dates an undated mention by."""
    event = assigned[0]
    fields = {f"event_{key}": getattr(event, key) for key in ("date", "end_date", "date_precision", "date_from", "modality")}
    return [(mention_ref(key), (event.id, fields)) for key in event.members]


def _dating_rows(items: Iterable[tuple[Mapping, tuple[str | None, dict]]]) -> list[dict]:
    return [
        {**(row.asDict() if hasattr(row, "asDict") else row), "event_id": event_id, **fields}
        for row, (event_id, fields) in items
    ]


def member_rows(items: Iterable[tuple[Mapping, tuple[str, dict]]]) -> Iterator[tuple]:
    """`event_members` rows of one article's mentions ((mention row, `member_events`'
    value) items; the mention row has the columns `store.member_dates.DATING_SQL` reads
    from the mention and its article), with the days fusion gives the undated ones, as the
    local runner's `store.member_dates.date_members` stores them."""
    rows = _dating_rows(items)
    dates = {found["idx"]: found for found in article_dates(rows)}
    for row in sorted(rows, key=lambda r: r["idx"]):
        found = dates.get(row["idx"], {})
        yield (row["event_id"], row["id"], row["idx"], *(found.get(name) for name in DATE_FIELDS))


def page_days(items: Iterable[tuple[Mapping, tuple[str | None, dict]]]) -> list[tuple[str, dict]]:
    """(member name, the day fusion gives it) for one article's mentions (`member_rows`'
    items), the mentions it dates only."""
    return [(f"{found['article']}:{found['idx']}", found) for found in article_dates(_dating_rows(items))]


def page_dated(item: tuple[str, tuple[Member, dict]]) -> list[tuple[str, Member]]:
    """(member name, the member as its page day dates it: `fuse.with_page_day`), none when
    that day does not date it in its blocks."""
    name, (member, fields) = item
    dated = with_page_day(member, fields)
    return [] if dated is None else [(name, dated)]
