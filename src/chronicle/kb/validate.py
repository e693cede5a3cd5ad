"""The KB's consistency as a whole, checked once every file is read."""

from __future__ import annotations

from .lookups import KnowledgeBase
from .records import KbProblem


def validate(kb: KnowledgeBase) -> list[KbProblem]:
    """Consistency: one holder per office at a time, known countries, aliases unique or ambiguous."""
    problems = []
    for (office, seat), entries in kb.holders_index.items():
        for (role_a, actor_a), (role_b, actor_b) in zip(entries, entries[1:]):
            if role_a.end is None or role_b.start < role_a.end:
                if actor_a == actor_b:
                    continue
                problems.append(
                    KbProblem(
                        role_b.source,
                        role_b.line,
                        f"{actor_b} holds {office} of {seat} from {role_b.start} while {actor_a} holds it ({role_a.start} to {role_a.end or 'today'}, {role_a.source}:{role_a.line})",
                    )
                )
    known_seats = set(kb.countries) | {
        a.id for a in kb.actors.values() if a.kind in ("organization", "group")
    }
    for actor in kb.actors.values():
        for role in actor.roles:
            if role.seat and kb.countries and role.seat not in known_seats:
                problems.append(
                    KbProblem(
                        role.source,
                        role.line,
                        f"actor {actor.id!r}: role {role.office} of unknown country or organization {role.seat!r}",
                    )
                )
    for key in set(kb.names) | set(kb.ambiguous_names):
        users = set(kb.names.get(key, ())) | set(kb.ambiguous_names.get(key, ()))
        if len(users) < 2 or not set(kb.names.get(key, ())):
            continue
        where = kb.actors[sorted(kb.names[key])[-1]]
        problems.append(
            KbProblem(
                where.source,
                where.line,
                f"name {key!r} names several actors ({', '.join(sorted(users))}): make it unique or list it under ambiguous_aliases of each",
            )
        )
    return problems
