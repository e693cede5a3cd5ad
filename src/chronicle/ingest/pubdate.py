"""Find an article's publication date, and say how it was known.

The fallbacks are written out in order, as trafilatura does it:

1. metadata: `doc.published`, in any common format (ISO dates and datetimes, RFC 822
   feed dates, "March 3, 2020", ...), reported as source "metadata" or "html" as
   `doc.published_source` says; when the URL's date is one day off a page date or a
   metadata timestamp (a UTC stamp across midnight), the URL's date;
2. the URL: its path, /2020/03/03/, /2020-03-03/, /20200303-..., ...-20200303-..., /2020/mar/03/
   (a month alone, /2020/03/, is not a publication date, but rules out text dates from
   other months), then a date parameter of its query (?date=2020-03-03);
3. the text: a leading "date 2020-03-03" field (read from the raw text, since the cleaner
   removes it), then, line by line in the clean text, publication labels ("Posted at 9:12
   AM, Mar 3, 2020"), bylines ("Staff Reporter March 3, 2020 10:15:00 IST"), timestamps
   ("11:20, 3 March 2020"), lines that are just a date, agency datelines ("LONDON, Mar. 3,
   2020 (Reuters) -") and dated photo captions ("... in Paris on March 3, 2020. (AFP)").
   A date mentioned inside a sentence is not a candidate. When text candidates disagree,
   the date with the most support wins (each candidate weighs as its context says:
   captions least); ties go to the earliest;
4. a page's guess: htmldate's extensive search (`published_source="html-guess"`).

Every candidate is checked before it is used; a refused one goes to
`PublicationDate.rejected` with the reason: an impossible date, a written weekday that
contradicts the date, a date after `now` or after `doc.crawled`, a date on a "last update"
stamp, a bare date line above the headline (the site's current date, not the article's),
a text date outside the URL's month. With no evidence the value is None and the source
"none": no date is ever invented, and there is no hidden "today" (`now` is passed in).

How dates are written (month and weekday names, formats, contexts, URL shapes) is data:
`data/dates.yaml`.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit


from chronicle.data import load_yaml
from chronicle.model import Document, PublicationDate

_PLACEHOLDER = re.compile(r"\{(\w+)\}")


@dataclass(frozen=True)
class DateFormat:
    """One way of writing a full date; `pattern` has named groups to read it back."""

    name: str
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DateContext:
    """A place in a text where a publication date is written."""

    name: str
    scope: str  # field | line | caption
    weight: int
    header: bool
    pattern: re.Pattern[str]


@dataclass(frozen=True)
class DateRules:
    """Everything pubdate knows about writing dates, as loaded from a dates YAML file."""

    months: dict[str, int]
    weekdays: dict[str, int]
    formats: tuple[DateFormat, ...]
    contexts: tuple[DateContext, ...]
    caption_markers: tuple[re.Pattern[str], ...]
    update_markers: tuple[re.Pattern[str], ...]
    update_label_lines: tuple[re.Pattern[str], ...]
    url_dates: tuple[re.Pattern[str], ...]
    url_query_dates: tuple[re.Pattern[str], ...]
    url_months: tuple[re.Pattern[str], ...]
    plan_markers: tuple[re.Pattern[str], ...]
    any_date: re.Pattern[str]  # a full date anywhere, in any format (for metadata strings)
    story_day_window: int = 0  # a story's own date line this many days before the page date anchors it


def _alternation(names: dict[str, int]) -> str:
    ordered = sorted(names, key=lambda name: (-len(name), name))
    return r"\b(?:" + "|".join(re.escape(name) for name in ordered) + r")\b"


def _expander(data: dict, months: dict[str, int], weekdays: dict[str, int]):
    raw_parts = dict(data.get("placeholders") or {})
    raw_parts["month"] = _alternation(months)
    raw_parts["weekday"] = _alternation(weekdays)
    named = {"month", "weekday", "day", "year", "mm", "dd"}

    def expand(template: str, with_names: bool, date_alternation: str | None = None) -> str:
        def substitute(match: re.Match[str]) -> str:
            key = match.group(1)
            if key == "date":
                if date_alternation is None:
                    raise ValueError("{date} is not allowed inside a date format")
                return f"(?P<date>{date_alternation})"
            if key not in raw_parts:
                raise ValueError(f"unknown placeholder {{{key}}} in {template!r}")
            body = raw_parts[key]
            if key == "day":
                body = f"(?:{body})(?![0-9])"
            if with_names and key in named:
                return f"(?P<{key}>{body})"
            return f"(?:{body})"

        return _PLACEHOLDER.sub(substitute, template)

    return expand


def load_date_rules(path: Path | None = None) -> DateRules:
    """Read date rules from `path`, by default the packaged `data/dates.yaml`."""
    data = load_yaml("dates.yaml", path)
    months = {name.lower(): int(number) for number, names in data["months"].items() for name in names}
    weekdays = {name.lower(): int(number) for number, names in data["weekdays"].items() for name in names}
    expand = _expander(data, months, weekdays)
    flags = re.IGNORECASE

    formats = tuple(
        DateFormat(entry["name"], re.compile(expand(entry["pattern"], True), flags)) for entry in data["formats"]
    )
    date_alternation = "|".join(f"(?:{expand(entry['pattern'], False)})" for entry in data["formats"])
    contexts = []
    for entry in data["contexts"]:
        scope = entry.get("scope", "line")
        if scope not in ("field", "line", "caption"):
            raise ValueError(f"date context {entry.get('name')!r}: unknown scope {scope!r}")
        pattern = re.compile(expand(entry["pattern"], False, date_alternation), flags)
        contexts.append(
            DateContext(entry["name"], scope, int(entry.get("weight", 1)), bool(entry.get("header")), pattern)
        )
    return DateRules(
        months=months,
        weekdays=weekdays,
        formats=formats,
        contexts=tuple(contexts),
        caption_markers=tuple(re.compile(p, flags) for p in data.get("caption_markers") or []),
        update_markers=tuple(re.compile(p, flags) for p in data.get("update_markers") or []),
        update_label_lines=tuple(re.compile(p, flags) for p in data.get("update_label_lines") or []),
        url_dates=tuple(re.compile(p, flags) for p in data.get("url_dates") or []),
        url_query_dates=tuple(re.compile(p, flags) for p in data.get("url_query_dates") or []),
        url_months=tuple(re.compile(p, flags) for p in data.get("url_months") or []),
        plan_markers=tuple(re.compile(p, flags) for p in data.get("plan_markers") or []),
        any_date=re.compile(date_alternation, flags),
        story_day_window=int(data.get("story_day_window") or 0),
    )


@dataclass
class _Candidate:
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
class _Limits:
    now: dt.date
    crawled: dt.date | None
    url_month: tuple[int, int] | None = None
    rejected: list[str] = field(default_factory=list)

    def check(self, candidate: _Candidate) -> bool:
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


def _read_date(text: str, rules: DateRules) -> tuple[dt.date | None, str | None]:
    """The date written in `text` (a match of one of the formats), or None and why not."""
    for date_format in rules.formats:
        match = date_format.pattern.fullmatch(text.strip())
        if match is None:
            continue
        parts = match.groupdict()
        year = int(parts["year"])
        if parts.get("month"):
            month = rules.months[parts["month"].lower()]
        else:
            month = int(parts["mm"])
        day = int(re.sub(r"\D", "", parts.get("day") or parts.get("dd") or ""))
        try:
            value = dt.date(year, month, day)
        except ValueError:
            return None, "invalid date"
        weekday = parts.get("weekday")
        if weekday and rules.weekdays[weekday.lower()] != value.weekday():
            return value, f"the weekday ({weekday}) contradicts the date (a {value.strftime('%A')})"
        return value, None
    return None, "unreadable date"


def parse_date_string(value: str, rules: DateRules) -> tuple[dt.date | None, str | None]:
    """A metadata date in any common format, or None and why not.

    ISO dates and datetimes give the date as written (no time-zone conversion); then the
    formats of dates.yaml (which read RFC 822 feed dates and "March 3, 2020"); then
    python-dateutil, accepted only when the string gives year, month and day itself.
    """
    text = value.strip()
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})(?![0-9])", text)
    if iso:
        try:
            return dt.date(*(int(part) for part in iso.groups())), None
        except ValueError:
            return None, "invalid date"
    compact = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T.*)?", text)
    if compact:
        try:
            return dt.date(*(int(part) for part in compact.groups())), None
        except ValueError:
            return None, "invalid date"
    found = rules.any_date.search(text)
    if found:
        return _read_date(found.group(0), rules)
    return _parse_with_dateutil(text)


def _parse_with_dateutil(text: str) -> tuple[dt.date | None, str | None]:
    from dateutil import parser

    if len(text) > 100:
        return None, "unreadable date"
    try:
        first = parser.parse(text, default=dt.datetime(2001, 1, 1))
        second = parser.parse(text, default=dt.datetime(2002, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None, "unreadable date"
    if first.date() != second.date():
        return None, "not a full date (year, month and day are not all given)"
    return first.date(), None


_CLOCK = re.compile(r"[T\s][0-9]{1,2}:[0-9]{2}")


def _from_metadata(doc: Document, rules: DateRules, limits: _Limits, guess: bool = False) -> PublicationDate | None:
    """The input's or the page's own date; with `guess`, only the page's free-text guess
    (htmldate's extensive search), which ranks after the URL and the text."""
    if not doc.published or not doc.published.strip() or (doc.published_source == "html-guess") != guess:
        return None
    source = "html" if doc.published_source in ("html", "html-guess") else "metadata"
    value, reason = parse_date_string(doc.published, rules)
    context = "extensive search" if guess else "published"
    candidate = _Candidate(source, context, doc.published.strip(), value=value, reason=reason)
    if limits.check(candidate):
        return PublicationDate(value.isoformat(), source, candidate.evidence)
    return None


def _a_day_off(found: PublicationDate, doc: Document, url_date: PublicationDate | None) -> bool:
    """Whether the URL's date should replace a metadata date one day off it: a page's date
    (htmldate gives the date of a UTC stamp) or a metadata timestamp, which a time zone moves
    across midnight. The URL was written in the outlet's own day."""
    if url_date is None or found.source not in ("metadata", "html"):
        return False
    timed = found.source == "html" or _CLOCK.search(doc.published or "") is not None
    gap = abs((dt.date.fromisoformat(found.value) - dt.date.fromisoformat(url_date.value)).days)
    return timed and gap == 1


def _month_number(parts: dict[str, str | None], rules: DateRules) -> int | None:
    if parts.get("month"):
        return int(parts["month"])
    name = (parts.get("monthname") or "").lower()
    return rules.months.get(name)


def _from_url(doc: Document, rules: DateRules, limits: _Limits) -> PublicationDate | None:
    if not doc.url:
        return None
    parts = urlsplit(doc.url.strip())
    path = parts.path
    found = [(pattern, path) for pattern in rules.url_dates] + [(pattern, parts.query) for pattern in rules.url_query_dates]
    for pattern, where in found:
        for match in pattern.finditer(where):
            parts = match.groupdict()
            month = _month_number(parts, rules)
            if month is None:
                continue
            candidate = _Candidate("url", "path", match.group(0))
            try:
                candidate.value = dt.date(int(parts["year"]), month, int(parts["day"]))
            except ValueError:
                candidate.reason = "invalid date"
            if limits.check(candidate):
                return PublicationDate(candidate.value.isoformat(), "url", candidate.evidence)
    for pattern in rules.url_months:
        match = pattern.search(path)
        if match:
            month = _month_number(match.groupdict(), rules)
            if month is not None:
                limits.url_month = (int(match.group("year")), month)
                break
    return None


def _weekday_contradiction(match: re.Match[str], clean_text: str, rules: DateRules) -> str | None:
    """A dated caption names the day of the pictured event; when the text names weekdays and
    none is that day's, the photo is from another day (a file photo): say so."""
    value, _ = _read_date(match.group("date"), rules)
    if value is None:
        return None
    names = [name for name in rules.weekdays if len(name) > 3]  # not "sat", "sun": also words
    pattern = re.compile(_alternation(dict.fromkeys(names, 0)), re.IGNORECASE)
    named = {rules.weekdays[found.group(0).lower()] for found in pattern.finditer(clean_text)}
    if named and value.weekday() not in named:
        days = ", ".join(sorted({found.group(0).capitalize() for found in pattern.finditer(clean_text)}))
        return f"the text's weekdays ({days}) do not include the caption date's (a {value.strftime('%A')}): a file photo?"
    return None


def _caption_contradiction(match: re.Match[str], line: str, clean_text: str, rules: DateRules) -> str | None:
    """Why a dated caption is not the article's day (a file photo), if the text says so."""
    reason = _weekday_contradiction(match, clean_text, rules)
    value, _ = _read_date(match.group("date"), rules)
    if reason is None and value is not None:
        reason = _later_day_written(value, line, clean_text, rules)
    return reason


def _later_day_written(value: dt.date, line: str, clean_text: str, rules: DateRules) -> str | None:
    """A dated caption pictures the day the article reports, so the text does not go on to
    report a later day without its year ("met ... on Sept. 23" under a photo of Aug. 18):
    when it does, the photo is an older one. Yearless days up to half a year after the
    caption date count, not one in a sentence about plans ("will meet again on Sept. 23"), nor
    the caption line itself."""
    months = _alternation(rules.months)
    pattern = re.compile(
        rf"(?:(?P<m1>{months})\.?\s+(?P<d1>[0-9]{{1,2}})|(?P<d2>[0-9]{{1,2}})\s+(?P<m2>{months}))"
        r"(?![0-9])(?!,?\s*(?:19|20)[0-9]{2})",
        re.IGNORECASE,
    )
    text = clean_text.replace(line, "")
    for found in pattern.finditer(text):
        sentence = re.split(r"[.!?\n]\s", text[: found.start()])[-1] + re.split(r"[.!?\n]\s", text[found.start() :])[0]
        if any(marker.search(sentence) for marker in rules.plan_markers):
            continue
        month = rules.months[(found.group("m1") or found.group("m2")).lower()]
        try:
            day = dt.date(value.year, month, int(found.group("d1") or found.group("d2")))
        except ValueError:
            continue
        if 0 < (day - value).days <= 183:
            return f"the text reports {found.group(0)!r}, after the caption date without a year: an older photo?"
    return None


def _text_candidates(doc: Document, clean_text: str, rules: DateRules) -> list[_Candidate]:
    candidates: list[_Candidate] = []

    def add(context: DateContext, match: re.Match[str], evidence: str, position: int, reason: str | None = None):
        value, problem = _read_date(match.group("date"), rules)
        candidates.append(
            _Candidate("text", context.name, evidence, position, context.weight, value, reason or problem)
        )

    for context in rules.contexts:
        if context.scope == "field":
            match = context.pattern.match(doc.text or "")
            if match:
                add(context, match, match.group(0).strip(), -1)

    line_contexts = [c for c in rules.contexts if c.scope == "line"]
    caption_contexts = [c for c in rules.contexts if c.scope == "caption"]
    headline_seen = doc.extracted  # a page's main text has no site header above its headline
    previous = ""
    position = 0
    for line in clean_text.split("\n"):
        start, position = position, position + len(line) + 1
        text = line.strip()
        if not text:
            continue
        matched = False
        for context in line_contexts:
            match = context.pattern.fullmatch(text)
            if match is None:
                continue
            matched = True
            before = text[: match.start("date")]
            reason = None
            if any(marker.search(before) for marker in rules.update_markers) or any(
                label.match(previous) for label in rules.update_label_lines
            ):
                reason = "an update stamp, not the publication date"
            elif context.header and not headline_seen:
                reason = "a date line above the headline: the site's current date, not the article's"
            evidence = text if len(text) <= 100 else text[: match.end("date") + 20].rstrip()
            add(context, match, evidence, start, reason)
            break
        if not matched:
            if any(marker.search(text) for marker in rules.caption_markers):
                for context in caption_contexts:
                    for match in context.pattern.finditer(text):
                        add(context, match, match.group(0).strip(" ,"), start + match.start(),
                            _caption_contradiction(match, text, clean_text, rules))
            if len(text.split()) >= 4:
                headline_seen = True
        previous = text
    return candidates


def _from_text(doc: Document, clean_text: str, rules: DateRules, limits: _Limits) -> PublicationDate | None:
    accepted = [c for c in _text_candidates(doc, clean_text, rules) if limits.check(c)]
    if not accepted:
        return None
    support: dict[dt.date, list[_Candidate]] = {}
    for candidate in accepted:
        support.setdefault(candidate.value, []).append(candidate)

    def rank(value: dt.date) -> tuple[int, int, int]:
        group = support[value]
        return (sum(c.weight for c in group), max(c.weight for c in group), -min(c.position for c in group))

    best = max(support, key=rank)
    for value, group in support.items():
        if value != best:
            for candidate in group:
                candidate.reason = f"outvoted by {best.isoformat()} ({rank(best)[0]} against {rank(value)[0]})"
                limits.rejected.append(candidate.describe())
    chosen = max(support[best], key=lambda c: (c.weight, -c.position))
    return PublicationDate(best.isoformat(), "text", chosen.evidence)


def discover_publication_date(
    doc: Document, clean_text: str, rules: DateRules, now: dt.date
) -> PublicationDate:
    """The publication date of `doc` from its metadata, else its URL, else its text.

    `clean_text` is the cleaner's output for `doc.text`; `now` is the reference date (no
    date after it is accepted). Rejected candidates are listed with their reasons.
    """
    if isinstance(now, dt.datetime):
        now = now.date()
    crawled = None
    if doc.crawled:
        crawled, _ = parse_date_string(doc.crawled, rules)
    limits = _Limits(now=now, crawled=crawled)
    found = _from_metadata(doc, rules, limits)
    if found is not None and doc.url:
        url_date = _from_url(doc, rules, _Limits(now=now, crawled=crawled))
        if _a_day_off(found, doc, url_date):
            limits.rejected.append(
                f"{found.value} [{found.source}:published] {found.evidence!r}: a day off the URL's date"
                f" ({url_date.value}), as a UTC timestamp is"
            )
            found = url_date
    found = (
        found
        or _from_url(doc, rules, limits)
        or _from_text(doc, clean_text, rules, limits)
        or _from_metadata(doc, rules, limits, guess=True)
    )
    rejected = tuple(limits.rejected)
    if found is None:
        month = f"{limits.url_month[0]}-{limits.url_month[1]:02d}" if limits.url_month else None
        return PublicationDate(None, "none", None, rejected, month=month)
    return PublicationDate(found.value, found.source, found.evidence, rejected)


def story_day(clean_text: str, published: dt.date | None, rules: DateRules) -> dt.date | None:
    """The day a story's relative words ("yesterday", "on Friday") count from, when it is not
    the page's date: a date line of the story itself (a line that is just a date under the
    headline, a byline, an agency dateline; not a caption, an update stamp or the site's
    date above the headline) at most `story_day_window` days before `published`, as when a
    paper's story of 19 July is posted on 21 July. None when there is no such line."""
    if published is None or rules.story_day_window <= 0:
        return None
    earliest = published - dt.timedelta(days=rules.story_day_window)
    found = [
        candidate for candidate in _text_candidates(Document(source="", format="text", text=""), clean_text, rules)
        if candidate.reason is None and candidate.weight >= 2 and candidate.value is not None
        and earliest <= candidate.value < published
    ]
    return min(found, key=lambda c: (-c.weight, c.position)).value if found else None
