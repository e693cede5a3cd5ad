"""Actors: gold participants and quote speakers whose mentions resolve to them."""

from __future__ import annotations

from collections.abc import Sequence

from ..kb import KnowledgeBase, name_key
from ..resolve.actor_lexicon import load_lexicon
from ..store import Store
from .gold import gold_actors, gold_article_rows, identities_of


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
        rows = gold_article_rows(
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
