"""The Spark runner gives what the local runner gives: the same articles, mentions and
events (ids included), whatever the input order and partitioning; and a run over new
input, after an earlier one, ends where one run over all of it ends.

Input: ../shared/seeds, the first articles of a ../shared/corpora file, and the project's
examples (near-duplicates among them). Spark runs in local mode (local[2]); the input is
shuffled into several files and annotated in several partitions. Skipped, with the reason,
without pyspark, java or ../shared.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import random
import shutil
from pathlib import Path

import pytest
from conftest import CORPUS, SEEDS, shared_path

from chronicle.runners.local import run_local
from chronicle.settings import Settings
from chronicle.store import Store

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
TODAY = dt.date(2026, 1, 1)
CORPUS_ARTICLES = 8

pytestmark = [pytest.mark.slow, pytest.mark.integration]

# Key columns of each table (timestamps, and the input file an article came from, aside).
COMPARED = {
    "articles": "SELECT id, article_id, url, outlet, title, published, published_month, published_source, "
    "language, format, clean_text, offset_clean, near_duplicate_of, pipeline_version, date_flags FROM articles",
    "article_aliases": "SELECT alias, id FROM article_aliases",
    "event_mentions": "SELECT * FROM event_mentions",
    "events": "SELECT * EXCLUDE (created_at) FROM events",
    "event_members": "SELECT * FROM event_members",
    "mentions": "SELECT * FROM mentions",
    "quotes": "SELECT * FROM quotes",
    "claims": "SELECT * FROM claims",
    "places": "SELECT * FROM places",
    "near_duplicate_pairs": "SELECT * FROM near_duplicate_pairs",
}


def rows(out: str, sql: str) -> list[str]:
    with Store(out, read_only=True) as store:
        return sorted(json.dumps(row, default=str, sort_keys=True) for row in store.query(sql))


def events_without_ids(out: str) -> list[str]:
    """Each event's content and members, whatever its id."""
    with Store(out, read_only=True) as store:
        found = store.query(
            "SELECT e.* EXCLUDE (id, created_at), list((m.article, m.idx) ORDER BY m.article, m.idx) AS members "
            "FROM events e JOIN event_members m ON m.event_id = e.id GROUP BY ALL"
        )
    return sorted(json.dumps(row, default=str, sort_keys=True) for row in found)


@pytest.fixture(scope="module")
def spark():
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed: pip install chronicle[spark]")
    if shutil.which("java") is None:
        pytest.skip("no java on PATH: Spark needs a JVM (Java 17)")
    shared_path(SEEDS / "seeds.jsonl")
    shared_path(CORPUS)
    from chronicle.runners.spark_session import session

    monkey = pytest.MonkeyPatch()
    monkey.setenv("SPARK_LOCAL_IP", "127.0.0.1")
    active = session("local[2]")
    yield active
    active.stop()
    monkey.undo()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory, spark) -> dict:
    """The local runner's inputs in reading order, the same lines shuffled into three files
    for Spark, and two halves for the incremental runs."""
    folder = tmp_path_factory.mktemp("spark-inputs")
    corpus = folder / "corpus.jsonl"
    corpus.write_text("".join(CORPUS.read_text(encoding="utf-8").splitlines(keepends=True)[:CORPUS_ARTICLES]), encoding="utf-8")
    seeds = str(SEEDS / "seeds.jsonl")
    lines = [line for path in (seeds, corpus) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    random.Random(9).shuffle(lines)
    shuffled = folder / "shuffled"
    shuffled.mkdir()
    for part in range(3):
        (shuffled / f"part-{part}.jsonl").write_text("\n".join(lines[part::3]) + "\n", encoding="utf-8")
    first, second = folder / "first.jsonl", folder / "second.jsonl"
    first.write_text("\n".join(lines[: len(lines) // 2]) + "\n", encoding="utf-8")
    second.write_text("\n".join(lines[len(lines) // 2 :]) + "\n", encoding="utf-8")
    examples = [str(EXAMPLES / name) for name in ("feeds", "pages", "wire")]
    return {
        "local": [seeds, str(corpus), *examples],
        "spark": [str(shuffled), *examples],
        "first": [str(first), str(EXAMPLES / "wire")],
        "second": [str(second), str(EXAMPLES / "feeds"), str(EXAMPLES / "pages")],
    }


@pytest.fixture(scope="module")
def local_out(tmp_path_factory, inputs) -> str:
    out = str(tmp_path_factory.mktemp("local") / "out")
    run_local(inputs["local"], out, Settings(), today=TODAY)
    return out


@pytest.fixture(scope="module")
def spark_out(tmp_path_factory, inputs, spark) -> tuple[str, object]:
    from chronicle.runners.spark import run

    out = str(tmp_path_factory.mktemp("spark") / "out")
    return out, run(inputs["spark"], out, Settings(), spark=spark, partitions=3, today=TODAY)


@pytest.fixture(scope="module")
def incremental_outs(tmp_path_factory, inputs, spark) -> tuple[str, str]:
    """(Spark, local) outputs of two runs: the first half, then the second."""
    from chronicle.runners.spark import run

    spark_dir = str(tmp_path_factory.mktemp("spark-incremental") / "out")
    local_dir = str(tmp_path_factory.mktemp("local-incremental") / "out")
    run(inputs["first"], spark_dir, Settings(), spark=spark, partitions=2, today=TODAY)
    leftover = Path(spark_dir) / "_staging" / "crashed" / "articles" / "month=2000-01"  # a run that died
    leftover.mkdir(parents=True)
    shutil.copy(next((Path(spark_dir) / "articles").rglob("*.parquet")), leftover / "part-00000-crashed.parquet")
    run(inputs["second"], spark_dir, Settings(), spark=spark, partitions=2, today=TODAY)
    for half in ("first", "second"):
        run_local(inputs[half], local_dir, Settings(), today=TODAY)
    return spark_dir, local_dir


def test_spark_run_reports_what_it_did(spark_out, local_out):
    _, report = spark_out
    assert report.engine == "spark" and report.stored >= CORPUS_ARTICLES + 5
    assert report.near_duplicates >= 1 and report.events > 50 and report.problems == 0
    assert sorted(p.name for p in (Path(spark_out[0]) / "articles").iterdir()) == sorted(
        p.name for p in (Path(local_out) / "articles").iterdir()
    )


@pytest.mark.parametrize("table", sorted(COMPARED))
def test_spark_and_local_runners_agree(spark_out, local_out, table):
    spark_rows, local_rows = rows(spark_out[0], COMPARED[table]), rows(local_out, COMPARED[table])
    assert spark_rows == local_rows
    if table in ("articles", "event_mentions", "events", "quotes"):
        assert spark_rows


@pytest.mark.parametrize("table", sorted(COMPARED))
def test_incremental_spark_runs_agree_with_incremental_local_runs(incremental_outs, table):
    spark_dir, local_dir = incremental_outs
    assert rows(spark_dir, COMPARED[table]) == rows(local_dir, COMPARED[table])


def test_two_runs_end_where_one_run_ends(incremental_outs, spark_out):
    """Same articles, mentions and events; event ids are kept from the first run, so only
    they may differ from a single run's."""
    spark_dir, _ = incremental_outs
    for table in ("articles", "event_mentions", "mentions", "quotes"):
        assert rows(spark_dir, COMPARED[table]) == rows(spark_out[0], COMPARED[table]), table
    assert events_without_ids(spark_dir) == events_without_ids(spark_out[0])
    assert not (Path(spark_dir) / "_staging").exists()  # the dead run's files were dropped
    with Store(spark_dir, read_only=True) as store:
        assert store.query("SELECT count(*) = count(DISTINCT id) AS unique FROM articles") == [{"unique": True}]


def test_a_run_over_stored_input_changes_nothing(incremental_outs, inputs, spark):
    from chronicle.runners.spark import run

    spark_dir, _ = incremental_outs
    before = {table: rows(spark_dir, sql) for table, sql in COMPARED.items()}
    report = run([inputs["first"][0]], spark_dir, Settings(), spark=spark, today=TODAY)
    assert report.stored == 0 and report.already_stored == report.read > 0
    assert {table: rows(spark_dir, sql) for table, sql in COMPARED.items()} == before


# ---- the rules beyond the blocks (fuse.join_by_rules) on both runners ----------------------

# Invented reports: an expulsion and a ministers' one-actor report of it (lone actors), a
# prime minister's warning and his state's, the latter known only by its paper's day
# (a person standing for their state, on a publication window holding the day).
INVENTED = [
    ("inv-1", "2025-03-05", "Norway expels Chilean diplomats\n\nOSLO - Norway expelled 12 Chilean diplomats in Oslo on "
     "Tuesday, accusing them of spying on a research centre. The foreign ministry said the diplomats had a week to leave."),
    ("inv-2", "2025-03-05", "Oslo orders diplomats out\n\nNorwegian ministers expelled twelve diplomats in Oslo on Tuesday "
     "after a long inquiry. Officials gave no further details."),
    ("inv-3", "2025-03-06", "Warning to Chile\n\nNorwegian Prime Minister Jonas Gahr Store warned Chile on Wednesday against "
     "any retaliation. Chile said it would respond in kind."),
    ("inv-4", "2025-03-06", "Norway warns Chile\n\nNorway warned Chile against any retaliation over the expulsions, the "
     "government said in a statement."),
]


def test_spark_applies_the_fusion_rules_beyond_the_blocks_as_the_local_runner_does(tmp_path, spark):
    """A lone actor's report joins its day's event and a person's warning their state's, on
    Spark as locally: the same events and members, ids included."""
    from chronicle.runners.spark import run

    lines = [
        json.dumps({"id": ident, "url": f"https://example.org/{ident}", "published": day, "title": text.split("\n")[0], "text": text})
        for ident, day, text in INVENTED
    ]
    source = tmp_path / "invented.jsonl"
    source.write_text("\n".join(lines) + "\n", encoding="utf-8")
    local_dir, spark_dir = str(tmp_path / "local"), str(tmp_path / "spark")
    run_local([str(source)], local_dir, Settings(), today=TODAY)
    run([str(source)], spark_dir, Settings(), spark=spark, partitions=2, today=TODAY)
    for table in ("events", "event_members"):
        assert rows(spark_dir, COMPARED[table]) == rows(local_dir, COMPARED[table]), table
    joined = rows(spark_dir, "SELECT type FROM events WHERE articles = 2")
    assert sorted(json.loads(row)["type"] for row in joined) == ["SANCTION", "THREATEN"]


def test_spark_dates_an_undated_pages_mentions_and_fuses_with_them_as_the_local_runner_does(tmp_path, spark):
    """The day fusion gives an undated page's mentions (event_members' dates) and the second
    clustering with it (fuse.with_page_day), on Spark as locally: the same events and members,
    the page's "also met" joined to the dated report of that meeting."""
    from test_dates_from_events import KIGALI, NYUSI

    from chronicle.runners.spark import run

    source = tmp_path / "pages.jsonl"
    source.write_text("".join(json.dumps(article) + "\n" for article in [*KIGALI, NYUSI]), encoding="utf-8")
    local_dir, spark_dir = str(tmp_path / "local"), str(tmp_path / "spark")
    run_local([str(source)], local_dir, Settings(), today=TODAY)
    run([str(source)], spark_dir, Settings(), spark=spark, partitions=2, today=TODAY)
    for table in ("events", "event_members"):
        assert rows(spark_dir, COMPARED[table]) == rows(local_dir, COMPARED[table]), table
    dated = rows(spark_dir, "SELECT m.event_id FROM event_members m WHERE m.date = '2019-03-11'")
    assert len(dated) >= 2
    joined = rows(spark_dir, "SELECT type FROM events WHERE articles = 2 AND date = '2019-03-11'")
    assert sorted(json.loads(row)["type"] for row in joined) == ["CONSULT", "CONSULT"]
