"""The Spark runner: `chronicle run --engine spark`, the same pipeline as jobs on a cluster.

    read + prepare (per input file, or Parquet rows)       -> _prepared
    annotate new articles (mapPartitions, resources once per executor) -> _annotated
    per-table rows, partitioned by publication month       -> articles, sentences, ...
    near-duplicates: LSH bands grouped, pairs verified, components, earliest canonical
    fusion: members' blocks grouped, clusters per block, components, the rules beyond the
    blocks per piece of clusters (link keys, components), fused events, ids
    per piece of (new cluster, old event) sharing members   -> events, event_members

Every step is a DataFrame or RDD job over the pure functions of `spark_tasks`; the driver
collects only counts. A run writes under its staging directory and commits at the end
(`store.parquet.commit`), so an interrupted run leaves the output as it was, and the next
run finishes or drops it (`store.parquet.recover`). Fusion and deduplication give what
the local runner gives: the same functions, grouped by the same keys (see docs/spark.md).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence

from ..errors import UsageError
from ..ingest.dedup import lsh_params
from ..store.parquet import (
    MONTH,
    PARTITIONED,
    RunReport,
    arrow_schemas,
    check_engine,
    commit,
    join,
    new_run,
    recover,
    staging,
)
from ..settings import Settings
from ..store import PER_ARTICLE_TABLES
from . import spark_tasks as tasks

try:
    from pyspark import StorageLevel
    from pyspark.sql import DataFrame, SparkSession
    from pyspark.sql import functions as F
    from pyspark.sql import types as T
except ImportError as error:  # pragma: no cover - exercised only without the extra
    raise UsageError("the Spark engine needs pyspark: pip install chronicle[spark]") from error

from .spark_graph import components
from .spark_schemas import spark_schema, table_schema
from .spark_session import HadoopFiles, session

PARQUET_SUFFIXES = (".parquet", ".parquet/")
INPUT_COLUMNS = ("id", "url", "title", "outlet", "published", "text", "html")


# ---- the run ------------------------------------------------------------------------------


class _Run:
    """One `chronicle run --engine spark`: the session, the output, the staging directory."""

    def __init__(self, spark: SparkSession, out: str, settings: Settings, partitions: int | None):
        self.spark, self.out, self.settings = spark, out, settings
        self.files = HadoopFiles(spark)
        self.name = new_run()
        self.stage = staging(out, self.name)
        self.partitions = partitions or 2 * spark.sparkContext.defaultParallelism
        self.now = dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    # -- tables in the output and in the staging directory

    def read(self, root: str, table: str) -> DataFrame:
        schema = table_schema(table)
        path = join(root, table)
        if not self.files.exists(path):
            return self.spark.createDataFrame([], schema)
        return self.spark.read.schema(schema).parquet(path)

    def stored(self, table: str) -> DataFrame:
        """A table as committed by earlier runs."""
        return self.read(self.out, table)

    def staged(self, table: str) -> DataFrame:
        """What this run adds to a table."""
        return self.read(self.stage, table)

    def all(self, table: str) -> DataFrame:
        return self.stored(table).unionByName(self.staged(table))

    def write(self, frame: DataFrame, table: str) -> None:
        """Stage a table's rows, in its schema's column order (partitioned by month if it is)."""
        names = table_schema(table).fieldNames()
        frame = frame.select(*names)
        if table in PARTITIONED:
            frame.repartition(MONTH).write.partitionBy(MONTH).parquet(join(self.stage, table))
        else:
            frame.write.parquet(join(self.stage, table))

    def scratch(self, frame: DataFrame, name: str, schema: T.StructType) -> DataFrame:
        """Materialize an intermediate result in the staging directory and read it back."""
        frame.write.parquet(join(self.stage, name))
        return self.spark.read.schema(schema).parquet(join(self.stage, name))


def run(
    paths: Sequence[str],
    out: str,
    settings: Settings,
    *,
    master: str | None = None,
    spark: SparkSession | None = None,
    partitions: int | None = None,
    today: dt.date | None = None,
) -> RunReport:
    """Read, annotate, deduplicate and fuse `paths` into the output directory `out` (any
    path Spark writes); articles already in `out` are skipped, events re-fused."""
    if not paths:
        raise UsageError("nothing to run: give at least one input path")
    started = time.perf_counter()
    owned = spark is None
    spark = spark or session(master)
    try:
        job = _Run(spark, out, settings, partitions)
        check_engine(job.files, out, "spark")
        recover(job.files, out)
        try:
            report = _run(job, paths, today or dt.date.today())
        except BaseException:
            job.files.delete(job.stage)  # the output stays as it was
            raise
        commit(job.files, out, job.name, "spark")
    finally:
        if owned:
            spark.stop()
    report.seconds = time.perf_counter() - started
    return report


def _run(job: _Run, paths: Sequence[str], today: dt.date) -> RunReport:
    prepared = job.scratch(read_inputs(job, paths, today), "_prepared", spark_schema(tasks.PREPARED))
    report = RunReport(engine="spark", read=prepared.where(F.col("document")).count())
    firsts = prepared.where(F.col("id").isNotNull()).groupBy("id").agg(
        F.min_by("payload", "order").alias("payload"),
        F.min(F.when(F.col("alias").isNotNull(), F.struct("order", "alias"))).getField("alias").alias("first_alias"),
    )
    new = firsts.join(job.stored("articles").select("id"), "id", "left_anti")
    annotated = job.scratch(annotate(job, new), "_annotated", spark_schema(tasks.wide_schema()))
    ok = annotated.where(F.col("failure").isNull())
    write_article_tables(job, ok)
    write_corpus_rows(job, prepared, annotated)
    report.stored = job.staged("articles").count()
    report.already_stored = prepared.where(F.col("id").isNotNull()).count() - annotated.count()
    report.problems = job.staged("problems").count()
    pairs = near_duplicate_pairs(job) if report.stored else job.stored("near_duplicate_pairs")
    links = article_links(job, firsts, pairs)
    report.near_duplicates = links.where(F.col("near_duplicate_of").isNotNull()).count()
    if report.stored:
        fuse(job, links)
        report.events = job.staged("events").count()
    else:
        report.events = job.stored("events").count()
    return report


# ---- reading ------------------------------------------------------------------------------


def read_inputs(job: _Run, paths: Sequence[str], today: dt.date) -> DataFrame:
    """PREPARED rows of every input: files of any format the local readers know (one task
    per file, read whole), and Parquet datasets (a path ending in .parquet) row by row."""
    spark, settings = job.spark, job.settings
    context = spark.sparkContext
    context._jsc.hadoopConfiguration().set("mapreduce.input.fileinputformat.input.dir.recursive", "true")
    parts = []
    for rank, path in enumerate(paths):
        if not job.files.matches(path):
            missing = (tasks.order_key(rank, path, 0), False, None, None, None, path, "E101", "No such file or directory")
            parts.append(context.parallelize([missing], 1))
        elif path.endswith(PARQUET_SUFFIXES):
            frame = spark.read.parquet(path)
            columns = [name for name in INPUT_COLUMNS if name in frame.columns]
            frame = frame.select(
                *[F.col(name).cast("string") for name in columns],
                F.col("_metadata.file_path").alias("file_path"),
                F.col("_metadata.row_index").alias("row_index"),
            )
            parts.append(frame.rdd.mapPartitions(lambda rows, rank=rank: tasks.read_table_rows((r.asDict() for r in rows), rank, today)))
        else:
            base = job.files.qualified(path).rstrip("/")

            def source(uri: str, base: str = base, given: str = path) -> str:
                """The file's name as the local runner gives it (the path given, or under it)."""
                if uri == base:
                    return given
                return given.rstrip("/") + uri[len(base) :] if uri.startswith(base + "/") else uri

            files = context.binaryFiles(path)
            parts.append(files.flatMap(lambda item, rank=rank, source=source: tasks.read_file(rank, source(item[0]), item[1], settings, today)))
    return spark.createDataFrame(context.union(parts), spark_schema(tasks.PREPARED), verifySchema=False)


# ---- annotation and the per-article tables ------------------------------------------------------


def annotate(job: _Run, new: DataFrame) -> DataFrame:
    """Wide rows of the new articles, annotated in `partitions` tasks."""
    settings, kb_files = job.settings, ()
    rows = new.repartition(job.partitions).rdd.mapPartitions(lambda part: tasks.annotate_partition(part, settings, kb_files))
    return job.spark.createDataFrame(rows, spark_schema(tasks.wide_schema()), verifySchema=False)  # rows are built to the schema


def write_article_tables(job: _Run, annotated: DataFrame) -> None:
    """articles and each per-article table, from the wide rows; signatures beside them."""
    job.write(annotated, "articles")
    schemas = arrow_schemas()
    for table in PER_ARTICLE_TABLES:
        rows = annotated.select("id", MONTH, F.explode(f"t_{table}").alias("row"))
        columns = [F.col(f"row.`{f.name}`").alias(f.name) for f in schemas[table] if f.name != "id"]
        job.write(rows.select("id", *columns, MONTH), table)
    job.write(annotated.select("id", F.col("signature").alias("minhash")), "signatures")


def write_corpus_rows(job: _Run, prepared: DataFrame, annotated: DataFrame) -> None:
    """New corpus actors and places, input ids, and problems (reading, cleaning, annotation)."""
    for table in tasks.SHARED:
        rows = annotated.where(F.col("failure").isNull()).select(F.explode(f"t_{table}").alias("row")).select("row.*")
        others = [name for name in rows.columns if name != "id"]
        first = rows.groupBy("id").agg(F.min(F.struct(*others)).alias("row")).select("id", "row.*")
        job.write(first.join(job.stored(table).select("id"), "id", "left_anti"), table)
    aliases = prepared.where(F.col("alias").isNotNull()).select("alias", "id").distinct()
    aliases = aliases.join(job.stored("article_aliases").select("alias", "id"), ["alias", "id"], "left_anti")
    job.write(aliases.withColumn("added_at", F.lit(job.now).cast("timestamp_ntz")), "article_aliases")
    failed = annotated.where(F.col("failure").isNotNull()).select("source", F.lit("E201").alias("code"), F.col("failure").alias("reason"))
    problems = prepared.where(F.col("code").isNotNull()).select("source", "code", "reason").unionByName(failed).distinct()
    problems = problems.join(job.stored("problems").select("source", "code", "reason"), ["source", "code", "reason"], "left_anti")
    job.write(problems.withColumn("first_seen", F.lit(job.now).cast("timestamp_ntz")), "problems")


# ---- near-duplicates ------------------------------------------------------------------------


def near_duplicate_pairs(job: _Run) -> DataFrame:
    """Stage the similar pairs the new articles make (LSH band buckets, then the same
    similarity rule as the local store); all pairs, old and new."""
    spark, settings = job.spark, job.settings
    lsh = lsh_params(settings.near_duplicate_threshold, settings.minhash_permutations)
    signatures = job.all("signatures")
    band_schema = T.StructType([T.StructField("band", T.IntegerType()), T.StructField("key", T.LongType()), T.StructField("id", T.StringType())])
    bands = spark.createDataFrame(signatures.rdd.mapPartitions(lambda rows: tasks.band_rows(rows, lsh)), band_schema)
    bands = bands.persist(StorageLevel.MEMORY_AND_DISK)
    new_bands = bands.join(job.staged("signatures").select("id"), "id")
    candidates = (
        new_bands.alias("n").join(bands.alias("o"), ["band", "key"])
        .where(F.col("n.id") != F.col("o.id"))
        .select(F.least("n.id", "o.id").alias("id"), F.greatest("n.id", "o.id").alias("other"))
        .distinct()
    )
    compared = candidates.join(signatures.select("id", "minhash"), "id").join(
        signatures.select(F.col("id").alias("other"), F.col("minhash").alias("other_minhash")), "other"
    )
    threshold = lsh.threshold
    pairs = spark.createDataFrame(compared.rdd.mapPartitions(lambda rows: tasks.similar_pairs(rows, threshold)), table_schema("near_duplicate_pairs"))
    job.write(pairs, "near_duplicate_pairs")
    bands.unpersist()
    return job.all("near_duplicate_pairs")


def article_links(job: _Run, firsts: DataFrame, pairs: DataFrame) -> DataFrame:
    """Stage `article_links` for every article: its name (the first input id it came with,
    kept once given) and its canonical article (the earliest published of its cluster of
    near-duplicates, ties by the smallest id, as the local store links them)."""
    spark = job.spark
    empty = spark.createDataFrame([], T.StructType([T.StructField("node", T.StringType())]))
    labels = components(empty, pairs.select(F.col("id").alias("src"), F.col("other").alias("dst")))
    articles = job.all("articles").select("id", "published")
    ranked = labels.join(articles, labels.node == articles.id).select(
        "label",
        "node",
        F.struct(
            F.col("published").isNull().alias("undated"),
            F.coalesce(F.col("published").cast("string"), F.lit("None")).alias("day"),
            F.col("node").alias("node"),
        ).alias("rank"),
    )
    canonical = ranked.groupBy("label").agg(F.min("rank").getField("node").alias("canonical"))
    duplicates = ranked.join(canonical, "label").select(
        F.col("node").alias("id"), F.when(F.col("node") != F.col("canonical"), F.col("canonical")).alias("near_duplicate_of")
    )
    names = job.stored("article_links").select("id", "article_id").unionByName(job.staged("articles").select("id", "article_id"))
    renamed = names.join(firsts.select("id", "first_alias"), "id", "left").select(
        "id",
        F.when((F.col("article_id") == F.col("id")) & F.col("first_alias").isNotNull(), F.col("first_alias"))
        .otherwise(F.col("article_id"))
        .alias("article_id"),
    )
    job.write(renamed.join(duplicates, "id", "left"), "article_links")
    return job.staged("article_links")


# ---- fusion -------------------------------------------------------------------------------------


def members(job: _Run, links: DataFrame) -> DataFrame:
    """The member rows of every event mention (the columns of store.fusion.MEMBER_SQL)."""
    mentions = job.all("event_mentions")
    articles = job.all("articles").select("id", "outlet", "url", "published")
    canonical = links.select("id", F.coalesce("near_duplicate_of", "id").alias("canonical"))
    places = job.all("places").select(
        F.col("id").alias("place_id"), F.col("country").alias("place_country"), F.col("kind").alias("place_kind")
    )
    return (
        mentions.join(articles, "id").join(canonical, "id")
        .join(places, mentions.place == places.place_id, "left")
        .select(
            "id", "idx", "type", "mode", "modality", "date", "end_date", "date_precision", "confidence",
            "actors", "place", "place_country", "place_kind", "canonical", "outlet", "url",
            F.get("evidence", 0).getField("text").alias("text"), "published",
        )
    )


def _dating_mentions(job: _Run):
    """Each mention as `fuse_dates.page_dates` reads it, by member name."""
    mentions = job.all("event_mentions").join(job.all("articles").select("id", F.col("published").isNotNull().alias("dated_page")), "id").select(
        "id", "idx", "modality", "date", "date_precision", "date_rule", "date_expression", "dated_page"
    )
    return mentions.rdd.map(lambda row: (f"{row['id']}:{row['idx']}", row))


def _by_article(job: _Run, member_events):
    """Each article's (mention row, (event id, event date fields)) items, from the
    (member name, (event id, fields)) pairs of its events."""
    return _dating_mentions(job).join(member_events).map(lambda item: (item[1][0]["id"], item[1])).groupByKey()


def dated_members(job: _Run, assigned):
    """The `event_members` rows of the assigned events (an RDD of (event, created_at)), with
    the days fusion gives the mentions their pages cannot date: each article's mentions
    with their events, through `fuse_dates.page_dates` (`tasks.member_rows`), as the local
    runner's `store.member_dates` does."""
    return _by_article(job, assigned.flatMap(tasks.member_events)).flatMap(lambda article: tasks.member_rows(article[1]))


def _labels(job: _Run, found, dated=None) -> DataFrame:
    """(member name, event label) of every member: the block clusters (of the members as
    `dated` dates them, where it does), joined by the rules beyond the blocks."""
    spark = job.spark
    edge_schema = T.StructType([T.StructField("src", T.StringType()), T.StructField("dst", T.StringType())])
    compared = found
    if dated is not None:
        compared = found.map(lambda member: (tasks.node(member), member)).leftOuterJoin(dated).map(lambda item: item[1][1] or item[1][0])
    edges = spark.createDataFrame(compared.flatMap(tasks.member_blocks).groupByKey().flatMap(lambda block: tasks.block_edges(block[0], block[1])), edge_schema)
    nodes = spark.createDataFrame(found.map(lambda member: (tasks.node(member),)), "node string")
    blocks = components(nodes, edges)
    # the rules beyond the blocks, per piece of block clusters their link keys connect
    labeled = found.map(lambda member: (tasks.node(member), member)).join(blocks.rdd.map(lambda row: (row["node"], row["label"])))
    rule_edges = spark.createDataFrame(labeled.flatMap(lambda item: tasks.cluster_links(item[1][1], item[1][0])), edge_schema)
    cluster_nodes = blocks.select(F.concat(F.lit("c:"), "label").alias("node")).distinct()
    piece_of = components(cluster_nodes, rule_edges).where(F.col("node").startswith("c:")).rdd.map(lambda row: (row["node"][2:], row["label"]))
    return spark.createDataFrame(
        labeled.map(lambda item: (item[1][1], item[1][0])).join(piece_of)
        .map(lambda item: (item[1][1], (item[0], item[1][0])))
        .groupByKey()
        .flatMap(lambda piece: tasks.join_piece(piece[1])),
        "node string, label string",
    ).localCheckpoint()


def _events(found, labels: DataFrame):
    """(label, fused event without its id) of every event the labels make."""
    return (
        found.map(lambda member: (tasks.node(member), member))
        .join(labels.rdd.map(lambda row: (row["node"], row["label"])))
        .map(lambda item: (item[1][1], item[1][0]))
        .groupByKey()
        .mapValues(tasks.event_of)
    )


def fuse(job: _Run, links: DataFrame) -> None:
    """Stage `events` and `event_members`: every mention re-fused, as fuse.cluster and
    fuse_record.fused_event do, with ids kept from the stored events (fuse.assign_ids per
    piece); clustered again with the days the first events give the undated mentions, as
    store.fusion.fuse does."""
    spark = job.spark
    found = members(job, links).rdd.map(tasks.member_of).persist(StorageLevel.MEMORY_AND_DISK)
    labels = _labels(job, found)
    first = _events(found, labels).flatMap(lambda item: tasks.member_events((item[1], None)))
    days = _by_article(job, first).flatMap(lambda article: tasks.page_days(article[1]))
    dated = found.map(lambda member: (tasks.node(member), member)).join(days).flatMap(tasks.page_dated)
    if not dated.isEmpty():
        labels = _labels(job, found, dated)
    events = _events(found, labels)
    # pieces: new clusters joined to the stored events they share members with
    old_members = job.stored("event_members").select(
        "event_id", F.concat_ws(":", "article", F.col("idx").cast("string")).alias("node")
    )
    shared = labels.join(old_members, "node").select(
        F.concat(F.lit("c:"), "label").alias("src"), F.concat(F.lit("e:"), "event_id").alias("dst")
    ).distinct()
    clusters = labels.select(F.concat(F.lit("c:"), "label").alias("node")).distinct()
    pieces = components(clusters, shared).persist(StorageLevel.MEMORY_AND_DISK)
    piece_of_cluster = pieces.where(F.col("node").startswith("c:")).rdd.map(lambda row: (row["node"][2:], row["label"]))
    old = (
        old_members.groupBy("event_id").agg(F.collect_list("node").alias("names"))
        .join(job.stored("events").select(F.col("id").alias("event_id"), "created_at"), "event_id")
        .join(pieces.where(F.col("node").startswith("e:")).select(F.expr("substring(node, 3)").alias("event_id"), "label"), "event_id")
    )
    tagged = events.join(piece_of_cluster).map(lambda item: (item[1][1], ("new", item[1][0])))
    tagged = tagged.union(old.rdd.map(lambda row: (row["label"], ("old", row["event_id"], row["names"], row["created_at"]))))
    assigned = tagged.groupByKey().flatMap(lambda piece: tasks.assign_piece(piece[1])).persist(StorageLevel.MEMORY_AND_DISK)
    now = job.now
    job.write(spark.createDataFrame(assigned.mapPartitions(lambda part: tasks.event_rows(part, now)), table_schema("events"), verifySchema=False), "events")
    job.write(spark.createDataFrame(dated_members(job, assigned), table_schema("event_members"), verifySchema=False), "event_members")
    for cached in (found, pieces, assigned):
        cached.unpersist()
