"""`chronicle eval`: run the pipeline on gold-annotated articles and score what it stored.

Scores grow with the pipeline. Now: actors — the share of gold participants (meetings
held and planned) and quote speakers whose mentions in the article resolve to the right
identity (a KB actor whose name or alias is the gold name, or the corpus actor of that
name); and publication dates where the articles file gives them.

One module per measure: `meetings`, `actors`, `dates`, `fusion`, `quotes`, `event_types`
(typing on labelled texts); `gold` reads the gold files. Events of every type:
`chronicle.evaluate_events`.
"""

from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path

from ..kb import load_kb
from ..query import list_event_mentions, list_quotes
from ..runners.local import Progress, ingest
from ..settings import Settings
from ..store import Store
from .actors import actor_score, name_parts
from .dates import date_score, meeting_date_score, week_in_month
from .event_types import precision_recall, typing_items, typing_score
from .fusion import fusion_score
from .gold import gold_actors, gold_article_rows, identities_of, read_jsonl
from .meetings import MEETING_SECTIONS, meeting_score
from .quotes import quote_key, quote_score

__all__ = [
    "MEETING_SECTIONS", "actor_score", "date_score", "evaluate", "fusion_score", "gold_actors", "gold_article_rows",
    "identities_of", "meeting_date_score", "meeting_score", "name_parts", "precision_recall", "quote_key",
    "quote_score", "read_jsonl", "typing_items", "typing_score", "week_in_month",
]


def evaluate(
    gold_path: str | Path,
    articles_path: str | Path,
    settings: Settings | None = None,
    progress: Progress | None = None,
) -> dict:
    """Ingest the articles into a temporary store and score it against the gold."""
    golds = read_jsonl(gold_path)
    articles = read_jsonl(articles_path)
    with tempfile.TemporaryDirectory(prefix="chronicle-eval-") as folder:
        run = dataclasses.replace(settings or Settings(), db=str(Path(folder) / "eval.duckdb"))
        report = ingest([str(articles_path)], run, progress=progress)
        with Store(run.db) as store:
            kb = load_kb([])
            return {
                "gold": str(gold_path),
                "articles": str(articles_path),
                "ingested": report.stored + report.already_stored,
                "actors": actor_score(store, golds, kb),
                "published": date_score(store, articles),
                "meeting_dates": meeting_date_score(store, golds),
                "events": meeting_score(golds, {g["id"]: list_event_mentions(store, article=g["id"]) for g in golds}, kb),
                "fusion": fusion_score(store, golds, kb),
                "quotes": quote_score(golds, {g["id"]: list_quotes(store, article=g["id"], kb=kb) for g in golds}, kb),
            }
