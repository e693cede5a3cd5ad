"""Which event each time belongs to: the parse-aware half of the time resolution
(`chronicle.resolve.times` finds expressions in plain text, `time_values.normalize` reads
them), one module per step:

- `clause_tense(token, rules)` reads a clause's tense from the parse (`clauses.py`);
- `resolve_times(doc, anchor, rules)` (here) finds every expression in a Doc and normalizes
  it with its own clause's tense; `closing_day` (here) is the last day of a time spanning
  days;
- `attach_time(doc, token_index, ...)` picks the time of one event (a verb or a noun): the
  expression governing it, else one in its sentence that belongs to no other event, else
  the article's main event time, else the publication date marked "reported"
  (`time_attachment.py`);
- `relative_to_event(time, ...)` resolves "earlier in the day" or "three days after the
  summit" against the event it counts from (`relative_times.py`); `published_time` is the
  publication-day value, `news_window` and `report_window` the days a reported happening
  may fall on (`news_times.py`).

English wording ("after", "since", "by", ordinals, future markers) is data:
`data/times.yaml`.
"""

from __future__ import annotations

import datetime as dt

from chronicle.model import TimeValue
from chronicle.nlp import doc_text
from chronicle.resolve.clauses import clause_tense, late_clause, names_known_event
from chronicle.resolve.time_rules import TimeExpression, TimeRules
from chronicle.resolve.time_values import normalize
from chronicle.resolve.times import find_time_expressions


def resolve_times(doc, anchor: dt.date | None, rules: TimeRules,
                  reference: TimeValue | None = None) -> list[tuple[TimeExpression, TimeValue]]:
    """Every time expression in a parsed Doc, normalized against `anchor` with the tense of
    its own clause (the clause of the expression's head token); `reference` (say, the main
    event's time, once known) resolves the expressions relative to another event. Offsets
    are into doc.text."""
    found = []
    for expression in find_time_expressions(doc_text(doc), rules):
        span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
        late = late_clause(span) if span is not None and len(span) else None  # "a visit that includes ... on Friday"
        tense = clause_tense(late if late is not None else span.root, rules) if span is not None and len(span) else "past"
        if tense == "present" and names_known_event(span, rules.grammar.definite_articles):
            tense = "past"  # "is seeking warrants over [the 7 October] attacks": a known, past event
        found.append((expression, normalize(expression, anchor, tense, rules, reference=reference)))
    return found


def closing_day(time: TimeValue) -> str | None:
    """The last day of a time that spans days: a range's end, the Sunday of a week ("two
    weeks ago": its Monday to its Sunday); None for a single day, a coarser time or "since"."""
    if time.open_ended:
        return None
    if time.end is None and time.precision == "week" and len(time.value or "") == 10:
        return (dt.date.fromisoformat(time.value) + dt.timedelta(days=6)).isoformat()
    return time.end
