"""`chronicle eval`: run the pipeline on gold-annotated articles and score what it stored.

Scores grow with the pipeline. Now: actors — the share of gold participants (meetings
held and planned) and quote speakers whose mentions in the article resolve to the right
identity (a KB actor whose name or alias is the gold name, or the corpus actor of that
name); and publication dates where the articles file gives them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import tempfile
from collections.abc import Sequence
from pathlib import Path

from .errors import ChronicleError
from .kb import KnowledgeBase, load_kb, name_key
from .resolve.actors import corpus_id, load_lexicon
from .runners.local import Progress, ingest
from .settings import Settings
from .store import Store


def read_jsonl(path: str | Path) -> list[dict]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise ChronicleError(f"cannot read {path}: {error}") from error
    try:
        return [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as error:
        raise ChronicleError(f"{path} is not JSONL: {error}") from error


def _gold_article_rows(store: Store, gold_id: str, select: str) -> list[dict]:
    """Rows of `select` (over `articles a`) for the article a gold line names by input id."""
    return store.query(
        f"{select} WHERE a.article_id = ? OR a.id IN (SELECT id FROM article_aliases WHERE alias = ?)",
        [gold_id, gold_id],
    )


def gold_actors(gold: dict) -> list[tuple[str, str]]:
    """(role in the gold, name) for every participant and quote speaker of one article."""
    names = []
    for section in ("meetings", "planned"):
        for meeting in gold.get(section) or []:
            names += [(section, name) for name in meeting.get("participants") or []]
    names += [("quotes", quote["speaker"]) for quote in gold.get("quotes") or [] if quote.get("speaker")]
    return names


def identities_of(name: str, kb: KnowledgeBase) -> set[str]:
    """The actor ids a gold name may be stored as."""
    ids = set(kb.names.get(name_key(name), ()))
    ids.add(corpus_id(name, "person"))
    return ids


def name_parts(name: str, kb: KnowledgeBase, family_first: frozenset[str]) -> set[str]:
    """The surnames of a gold person (KB aliases included) that a mention may use: the last
    word of each name, and the first where the family name comes first."""
    actors = [kb.actors[i] for i in kb.names.get(name_key(name), ())]
    names = [name] + [alias for actor in actors for alias in actor.aliases]
    first = any(actor.country in family_first for actor in actors)
    words = [name_key(n).split() for n in names]
    return {w[-1] for w in words if w} | ({w[0] for w in words if w} if first else set())


def actor_score(store: Store, golds: Sequence[dict], kb: KnowledgeBase) -> dict:
    """Gold participants and speakers whose mentions resolve to them, per article and overall.

    `found`: the person has at least one mention resolved to the right identity.
    `name_mentions`: of the mentions that use one of the person's names (a full name or a
    surname), the share resolved to the right identity (a mention whose words fit two gold
    persons counts for each, so a confusion costs twice).
    """
    found = total = name_total = name_right = 0
    family_first = load_lexicon().family_name_first
    misses, confusions = [], []
    for gold in golds:
        rows = _gold_article_rows(
            store, gold["id"], "SELECT m.text, m.value, m.label FROM articles a "
            "JOIN mentions m ON m.id = a.id AND m.kind = 'actor'",
        )
        resolved = {m["value"] for m in rows if m["value"]}
        mentions = [m for m in rows if m["label"] == "PERSON"]
        for role, name in dict.fromkeys(gold_actors(gold)):
            total += 1
            identities = identities_of(name, kb)
            if identities & resolved:
                found += 1
            else:
                misses.append({"article": gold["id"], "role": role, "name": name})
        people = {name: (identities_of(name, kb), name_parts(name, kb, family_first)) for _, name in gold_actors(gold)}
        for mention in mentions:
            words = set(name_key(mention["text"]).split())
            fits = [name for name, (_, parts) in people.items() if parts & words]
            if not fits:
                continue
            name_total += 1
            if any(mention["value"] in people[name][0] for name in fits):
                name_right += 1
            else:
                confusions.append({"article": gold["id"], "name": " / ".join(fits), "text": mention["text"], "resolved": mention["value"]})
    return {
        "total": total,
        "found": found,
        "accuracy": round(found / total, 4) if total else None,
        "name_mentions": {"total": name_total, "correct": name_right, "accuracy": round(name_right / name_total, 4) if name_total else None},
        "misses": misses,
        "confusions": confusions,
    }


def meeting_date_score(store: Store, golds: Sequence[dict]) -> dict:
    """Dated gold meetings (held and planned) whose date the article's resolved times
    give at the gold precision ("2013-05-14" day, "2013-05" month; a finer value inside
    the gold month counts for it). Until events attach a
    time to each meeting this is the ceiling of event-date accuracy; `with_published`
    also accepts the publication date, the fallback for a meeting with no time words."""
    total = found = with_published = 0
    misses = []
    for gold in golds:
        rows = _gold_article_rows(
            store, gold["id"], "SELECT m.value, m.precision, a.published FROM articles a "
            "LEFT JOIN mentions m ON m.id = a.id AND m.kind = 'time'",
        )
        times = {(r["value"], r["precision"]) for r in rows if r["value"]}
        times |= {(value[:7], "month") for value, precision in set(times) if precision in ("day", "week") and _week_in_month(value, precision)}
        published = {str(r["published"]) for r in rows if r["published"]}
        for section in ("meetings", "planned"):
            for meeting in gold.get(section) or []:
                date = meeting.get("date")
                if not date:
                    continue
                total += 1
                precision = "day" if len(date) == 10 else "month"
                if (date, precision) in times:
                    found += 1
                    with_published += 1
                elif date in published:
                    with_published += 1
                else:
                    misses.append({"article": gold["id"], "section": section, "date": date, "participants": meeting.get("participants")})
    share = lambda n: round(n / total, 4) if total else None  # noqa: E731
    return {"total": total, "found": found, "accuracy": share(found), "with_published": with_published,
            "accuracy_with_published": share(with_published), "misses": misses}


def _week_in_month(value: str, precision: str) -> bool:
    """A day, or a week (its Monday) that ends in the same month: it gives the month."""
    first = dt.date.fromisoformat(value)
    last = first + dt.timedelta(days=6 if precision == "week" else 0)
    return (first.year, first.month) == (last.year, last.month)


def date_score(store: Store, articles: Sequence[dict]) -> dict:
    """Publication dates against the articles file's own `published` (where it gives one)."""
    stored = {
        row["alias"]: (str(row["published"]) if row["published"] else None)
        for row in store.query("SELECT l.alias, a.published FROM article_aliases l JOIN articles a USING (id)")
    }
    known = [a for a in articles if a.get("published") and a.get("id") in stored]
    right = sum(1 for a in known if stored[a["id"]] == a["published"])
    return {"total": len(known), "correct": right, "accuracy": round(right / len(known), 4) if known else None}


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
            }
