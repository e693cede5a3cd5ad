import pytest

from chronicle.identity import article_id
from chronicle.ingest.dedup import lsh_params, signature
from chronicle.model import Annotation, Article, CleanText, OffsetMap, Problem, PublicationDate, Span
from chronicle.store import MIGRATIONS, Batch, Store

LSH = lsh_params(0.8, 128)


def make(text: str, alias: str | None = None, published: str | None = None) -> tuple[Article, Annotation]:
    identifier = article_id(text)
    article = Article(
        id=identifier, alias=alias, source="test", format="text", url=None, title=None, outlet="Test Wire",
        published=PublicationDate(published, "metadata" if published else "none"), language=None,
        raw_text=text, clean=CleanText(text, OffsetMap(((0, 0, len(text)),))),
    )
    annotation = Annotation(
        article_id=identifier, sentences=(Span(0, len(text), "SENT"),), entities=(Span(0, 4, "PERSON"),),
        signature=tuple(int(v) for v in signature(text, 5, 128)), pipeline_version="v1",
    )
    return article, annotation


def batch_of(*pairs, aliases=(), problems=()) -> Batch:
    return Batch(articles=[a for a, _ in pairs], annotations=[n for _, n in pairs], aliases=list(aliases), problems=list(problems))


def counts(store: Store) -> dict:
    tables = ("articles", "article_aliases", "sentences", "entities", "signatures", "lsh_bands", "problems")
    return {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


LONG = " ".join(f"Leaders of country{i % 17} discussed item{i} at length." for i in range(60))


def test_migrations_run_once(tmp_path):
    path = tmp_path / "s.duckdb"
    with Store(path):
        pass
    with Store(path) as store:
        assert [r["version"] for r in store.query("SELECT version FROM schema_migrations ORDER BY 1")] == [m[0] for m in MIGRATIONS]


def test_same_batch_twice_changes_nothing(tmp_path):
    pair = make("Vera Lind met Ona Kask in Tallinn.", alias="wire-1")
    with Store(tmp_path / "s.duckdb") as store:
        result = store.write_batch(batch_of(pair, aliases=[("wire-1", pair[0].id)], problems=[Problem("x", "E103", "empty")]), LSH)
        assert result.stored == 1 and result.new_aliases == 1
        before = counts(store)
        again = store.write_batch(batch_of(pair, aliases=[("wire-1", pair[0].id)], problems=[Problem("x", "E103", "empty")]), LSH)
        assert again.stored == 0 and again.new_aliases == 0
        assert counts(store) == before
        row = store.query("SELECT article_id, \"start\", \"end\" FROM articles JOIN entities USING (id)")[0]
        assert row == {"article_id": "wire-1", "start": 0, "end": 4}


def test_an_article_without_input_id_takes_the_first_one_it_later_comes_with(tmp_path):
    pair = make("A short report.")
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch(batch_of(pair), LSH)
        assert store.query("SELECT article_id FROM articles")[0]["article_id"] == pair[0].id
        store.write_batch(batch_of(pair, aliases=[("feed-9", pair[0].id)]), LSH)
        store.write_batch(batch_of(pair, aliases=[("feed-10", pair[0].id)]), LSH)
        assert store.query("SELECT article_id FROM articles")[0]["article_id"] == "feed-9"


def test_failed_batch_leaves_the_store_unchanged(tmp_path):
    good = make("First report.")
    bad_article, _ = make("Second report.")
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch(batch_of(good), LSH)
        before = counts(store)
        with pytest.raises(KeyError):  # an article without its annotation cannot be written
            store.write_batch(Batch(articles=[bad_article], annotations=[]), LSH)
        assert counts(store) == before


@pytest.mark.parametrize("order", [(0, 1, 2), (2, 1, 0), (1, 2, 0)])
def test_near_duplicates_link_to_the_earliest_whatever_the_order(tmp_path, order):
    texts = [LONG, LONG.replace("item30 ", "item30b "), LONG.replace("item45 ", "item45b ")]
    dates = ["2019-03-02", "2019-03-01", None]
    pairs = [make(t, published=d) for t, d in zip(texts, dates)]
    with Store(tmp_path / "s.duckdb") as store:
        for index in order:
            store.write_batch(batch_of(pairs[index]), LSH)
        links = {r["id"]: r["near_duplicate_of"] for r in store.query("SELECT id, near_duplicate_of FROM articles")}
    canonical = pairs[1][0].id
    assert links == {pairs[0][0].id: canonical, pairs[1][0].id: None, pairs[2][0].id: canonical}


def test_distinct_articles_are_not_linked(tmp_path):
    other = " ".join(f"Ministers of land{i % 13} signed accord{i} yesterday." for i in range(60))
    with Store(tmp_path / "s.duckdb") as store:
        store.write_batch(batch_of(make(LONG), make(other)), LSH)
        assert store.query("SELECT count(*) AS n FROM articles WHERE near_duplicate_of IS NOT NULL") == [{"n": 0}]
