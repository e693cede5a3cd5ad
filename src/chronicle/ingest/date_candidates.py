"""A candidate publication date (`DateCandidate`: where it was found, its weight, why it was
refused) and the limits every candidate is checked against (`DateLimits`: not after now
or the crawl, inside the URL's month), which keep the refused ones with their reasons."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field


@dataclass
class DateCandidate:
    """A date found in one place (metadata, html, url or text), with its context, its
    evidence, where it stands and how much it weighs; `reason` says why it was refused."""

    source: str  # metadata | html | url | text
    context: str
    evidence: str
    position: int = 0
    weight: int = 1
    value: dt.date | None = None
    reason: str | None = None  # why it was rejected

    def describe(self) -> str:
        value = self.value.isoformat() if self.value else "?"
        return f"{value} [{self.source}:{self.context}] {self.evidence!r}: {self.reason}"


@dataclass
class DateLimits:
    """What every candidate is checked against (`now`, the crawl date, the URL's month),
    and the refused candidates, each described with its reason."""

    now: dt.date
    crawled: dt.date | None
    url_month: tuple[int, int] | None = None
    rejected: list[str] = field(default_factory=list)

    def check(self, candidate: DateCandidate) -> bool:
        """Whether the candidate may be used; if not, it is recorded as rejected."""
        value = candidate.value
        if candidate.reason is None and value is not None:
            if value > self.now:
                candidate.reason = f"later than now ({self.now.isoformat()})"
            elif self.crawled is not None and value > self.crawled:
                candidate.reason = f"later than the crawl date ({self.crawled.isoformat()})"
            elif (
                candidate.source == "text"
                and self.url_month is not None
                and (value.year, value.month) != self.url_month
            ):
                candidate.reason = "outside the URL's month ({:04d}-{:02d})".format(*self.url_month)
        if candidate.reason is None and value is not None:
            return True
        self.rejected.append(candidate.describe())
        return False
