"""Shared fixtures: the ../shared material (skipped cleanly when absent) and fresh stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicle.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpora" / "guardian_syria_2017_2019.jsonl"
DEV = SHARED / "eval" / "dev"


def shared_path(path: Path) -> Path:
    """A path under ../shared, or a clean skip saying what is missing."""
    if not path.exists():
        pytest.skip(f"{path} is absent: integration tests read the real articles from ../shared")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in shared_path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def nlp():
    """spaCy's trained pipeline with chronicle's components, loaded once per test module."""
    from chronicle.nlp import load_pipeline

    return load_pipeline(Settings().model)


@pytest.fixture(scope="module")
def rules():
    """The packaged time rules (data/times.yaml)."""
    from chronicle.resolve.time_rules import load_time_rules

    return load_time_rules()


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings for a fresh store in a temporary directory."""
    return Settings(db=str(tmp_path / "test.duckdb"), batch_size=16)


def _annotator(settings: Settings):
    """`annotate(body, published)`: the per-article stages on a text written for the test,
    with the real resources loaded under `settings`."""
    import datetime as dt

    from chronicle.model import Document
    from chronicle.pipeline import annotate, load_resources, load_text_resources, prepare, to_annotate

    resources, text = load_resources(settings), load_text_resources()

    def run(body: str, published: str | None):
        article = prepare(Document(source="t", format="text", text=body, published=published), text, dt.date(2026, 1, 1))
        return annotate([to_annotate(article)], resources)[0]

    return run


@pytest.fixture(scope="module")
def annotate_text():
    """The per-article stages (spaCy, actors, places, times, events, quotes) on a text
    written for the test, with the real resources: `annotate_text(body, published)`."""
    return _annotator(Settings())


MEETINGS_PUBLISHED = "2019-06-07"  # a Friday: the publication day of the meeting tests' sentences


@pytest.fixture(scope="module")
def consults(annotate_text):
    """`consults(body, published=MEETINGS_PUBLISHED)`: the CONSULT mentions of a text
    written for the test."""
    def run(body: str, published: str = MEETINGS_PUBLISHED):
        return [e for e in annotate_text(body, published).event_mentions if e.type == "CONSULT"]

    return run


@pytest.fixture(scope="module")
def annotate_with_lexicon():
    """As `annotate_text`, with event types from the trigger lexicon alone (no trained
    classifier): for tests that pin the lexicon's own frames and conventions."""
    return _annotator(Settings(event_typing="lexicon"))


@pytest.fixture(scope="module")
def events(annotate_with_lexicon):
    """The event mentions of an invented text published on 2031-03-04, types from the
    lexicon alone; with `type_`, those of that type only."""
    def run(body: str, type_: str | None = None):
        found = annotate_with_lexicon(body, "2031-03-04").event_mentions
        return [e for e in found if type_ is None or e.type == type_]

    return run
