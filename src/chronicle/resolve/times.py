"""When things happened: temporal expressions found in article text (`find_time_expressions`).

The time resolution, step by step, each a pure function:

1. `find_time_expressions(text, rules)` (here) finds time expressions with regular
   expressions (no spaCy needed): calendar dates ("May 3, 2011", "3 May 2011", "Sept. 25"),
   ranges ("October 8-9, 2014", "from Sunday to Wednesday"), months and years ("in
   November", "last July", "since April 2010", "in 2004"), weekdays ("late Tuesday
   afternoon", "earlier on Monday"), days named from the anchor ("yesterday", "this
   morning"), periods ("last week"), counts ("two weeks ago", "over a decade ago"),
   expressions relative to another event ("a day after", "the previous evening"), and
   vague ones ("recently"). The rules and the `TimeExpression` record: `time_rules.py`.
2. `normalize(expression, anchor, tense, rules)` (`time_values.py`, over the calendar
   arithmetic of `time_calendar.py`) turns one into a `TimeValue`: a date written yyyy,
   yyyy-mm or yyyy-mm-dd (a week as its Monday), its precision, an optional end, the
   anchor used and the rule that resolved it. Weekdays and months without a year look back
   from the anchor for past clauses and forward for future ones. A partial date is never
   padded into a false day, a hedged count ("over a decade ago") is vague, and without an
   anchor a relative expression stays unresolved (value None). There is no hidden "today":
   the anchor is always passed in.

Which event each time belongs to (clause tense, `resolve_times` over a parsed Doc,
`attach_time`) is the parse-aware half, from `chronicle.resolve.timing`. `page_date_flags`
and `weekday_contradictions` (`page_date_checks.py`) say when the text contradicts the
page date.

All English wording (month and weekday names, "last", "ago", "since", number words,
hedges, future markers) is data: `data/times.yaml`.
"""

from __future__ import annotations

import re

from chronicle.resolve.regex_needs import lowered_for_needs, may_match
from chronicle.resolve.time_rules import SPACES, TimeExpression, TimeRules, rule_key


def _inside_name(text: str, start: int, rules: TimeRules) -> bool:
    """Whether a match starting at `start` is the tail of a name ("Russia Today", "USA
    Today"): its first word, not a month or weekday name, is capitalized right after a
    capitalized word, with no punctuation between."""
    word = re.match(r"\w+", text[start:])
    if word is None or not word.group()[0].isupper():
        return False
    if rule_key(word.group()) in rules.months or rule_key(word.group()) in rules.weekdays:
        return False
    before = re.search(r"(\w+)[ \t]+$", text[max(0, start - 40) : start])
    return before is not None and before.group(1)[0].isupper()


def find_time_expressions(text: str, rules: TimeRules) -> list[TimeExpression]:
    """Every time expression in `text`, in order, with character offsets into `text`.

    All patterns are matched; where matches overlap the longest wins, then the one listed
    first in the data. A pattern's `expr` group, when it has one, is the expression; the
    rest of its match is required context ("in" before a bare month).
    """
    candidates = []
    lowered = lowered_for_needs(text)
    for order, pattern in enumerate(rules.patterns):
        if not may_match(pattern.needs, lowered):
            continue  # none of the words its matches need is in the text
        for match in pattern.regex.finditer(text):
            candidates.append((match.start(), match.end(), order, pattern, match))
    candidates.sort(key=lambda item: (-(item[1] - item[0]), item[2], item[0]))
    taken = bytearray(len(text))  # 1 where an accepted match already is
    chosen = []
    for start, end, _, pattern, match in candidates:
        if any(taken[start:end]) or _inside_name(text, start, rules):
            continue
        taken[start:end] = b"\x01" * (end - start)
        chosen.append((pattern, match))
    expressions = []
    for pattern, match in chosen:
        groups = {name: value for name, value in match.groupdict().items() if value is not None}
        span = match.span("expr") if "expr" in groups else match.span()
        parts = tuple((name, SPACES.sub(" ", value)) for name, value in groups.items() if name != "expr")
        expressions.append(
            TimeExpression(span[0], span[1], text[span[0] : span[1]], pattern.kind, parts, pattern.name)
        )
    return sorted(expressions, key=lambda expression: expression.start)
