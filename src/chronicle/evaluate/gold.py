"""The gold files and what they name: read a gold JSONL, the stored rows of the article a
gold line names, the actor ids a gold name may be stored as."""

from __future__ import annotations

import json
from pathlib import Path

from ..errors import UsageError
from ..kb import KnowledgeBase, name_key
from ..query.sql import article_ref
from ..resolve.actor_records import corpus_id
from ..store import Store


def read_jsonl(path: str | Path) -> list[dict]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as error:
        raise UsageError(f"cannot read {path}: {error}") from error
    try:
        return [json.loads(line) for line in lines if line.strip()]
    except json.JSONDecodeError as error:
        raise UsageError(f"{path} is not JSONL: {error}") from error


def gold_article_rows(store: Store, gold_id: str, select: str) -> list[dict]:
    """Rows of `select` (over `articles a`) for the article a gold line names by input id."""
    clause, params = article_ref("a", gold_id)
    return store.query(f"{select} WHERE {clause}", params)


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
