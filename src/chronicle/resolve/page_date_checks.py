"""When the text contradicts its page date: a page date over a year after every full date
the text writes (`page_date_flags`), a weekday that lands in another week than its own
sentence's full date (`weekday_contradictions`)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from chronicle.model import TimeValue
from chronicle.resolve.time_rules import TimeExpression

_WRITTEN_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def page_date_flags(published: dt.date | None, values: Sequence[TimeValue]) -> tuple[str, ...]:
    """Why the text contradicts its page date, if it does: a page date more than a year
    after every full date the text writes (a re-dated page, an archive's current date)."""
    if published is None:
        return ()
    written = [
        dt.date.fromisoformat(v.value[:10] if len(v.value) >= 10 else f"{v.value}-01")
        for v in values
        if v.resolved and _WRITTEN_YEAR.search(v.expression) and v.precision in ("day", "month")
    ]
    if written and (published - max(written)).days > 365:
        return (
            f"page date {published.isoformat()} is over a year after the latest date the text "
            f"writes ({max(written).isoformat()})",
        )
    return ()


def weekday_contradictions(
    found: Sequence[tuple[TimeExpression, TimeValue]], sentence_starts: Sequence[int]
) -> tuple[str, ...]:
    """A weekday word that, read from the page date, lands in another week than the full
    date its own sentence writes for the same weekday ("last Thursday ... May 9, 2013"
    where the page date makes "last Thursday" May 16): the page date is suspect."""
    from bisect import bisect_right

    def sentence(expression: TimeExpression) -> int:
        return bisect_right(sentence_starts, expression.start)

    written = [
        (sentence(e), dt.date.fromisoformat(v.value))
        for e, v in found
        if e.kind == "date" and v.precision == "day" and v.value and _WRITTEN_YEAR.search(e.text)
    ]
    flags = []
    for expression, value in found:
        if expression.kind != "weekday" or value.precision != "day" or not value.value:
            continue
        day = dt.date.fromisoformat(value.value)
        for where, date in written:
            if where == sentence(expression) and date.weekday() == day.weekday() and abs((date - day).days) >= 7:
                flags.append(
                    f"'{expression.text}' read from the page date is {day.isoformat()}, but its "
                    f"sentence dates it {date.isoformat()}"
                )
    return tuple(dict.fromkeys(flags))
