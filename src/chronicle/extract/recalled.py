"""A meeting recalled in the clause of a "since" date: "her first visit since May 2018, when
the leaders met in Sochi". The "since" phrase dates no event of its own sentence (it opens an
interval), but the clause that hangs on its date, opened by "when", tells what happened then:
that event is dated to it (issue 14, family 5). The opening words are data
(data/events.yaml `modality.recall_markers`)."""

from __future__ import annotations

from dataclasses import replace

from chronicle.resolve.times import TimeExpression, TimeValue

CLAUSE_DEPS = ("relcl", "advcl")


def recalled_time(token, since: list[tuple[TimeExpression, TimeValue]], markers: frozenset[str]) -> TimeValue | None:
    """The date of the "since" expression whose words carry the clause of `token` (a trigger
    verb, or an event noun inside that clause) when the clause opens with one of `markers`;
    closed (not open-ended), rule prefixed "since-when:". None otherwise: "have not met since
    May" and "the first visit since May" keep their readings."""
    if not markers or not since:
        return None
    clause = next((t for t in (token, *token.ancestors) if t.dep_ in CLAUSE_DEPS), None)
    if clause is None or clause.head.i == clause.i:
        return None
    if not any(c.dep_ == "advmod" and c.lower_ in markers and c.i < clause.i for c in clause.children):
        return None
    head = clause.head
    for expression, value in since:
        if value.resolved and expression.start <= head.idx < expression.end:
            return replace(value, open_ended=False, rule=f"since-when:{value.rule}")
    return None


def recalled_apart(a: TimeValue, b: TimeValue, dated) -> bool:
    """Whether two mentions of an article stay apart because one is a meeting recalled on a
    "since" date (rule "since-when:") and the other gives no date of its own (`dated` says
    which do): an undated "the talks at the Kremlin" is the article's meeting, not the one
    the since-clause recalls."""
    recalled = [t.rule.startswith("since-when:") for t in (a, b)]
    return any(recalled) and not all(dated(t) for t in (a, b))
