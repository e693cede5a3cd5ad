"""Publication dates written in the text (`date_from_text`): a leading date field, then
labelled lines, bylines, timestamps, date lines, datelines and dated captions, the
best-supported date winning; a caption contradicted by the text is refused. `story_day`: a
story's own date line a few days before its page date."""

from __future__ import annotations

import datetime as dt
import re

from chronicle.ingest.date_candidates import DateCandidate, DateLimits
from chronicle.ingest.date_rules import DateContext, DateRules, name_alternation, read_date
from chronicle.model import Document, PublicationDate


def _weekday_contradiction(match: re.Match[str], clean_text: str, rules: DateRules) -> str | None:
    """A dated caption names the day of the pictured event; when the text names weekdays and
    none is that day's, the photo is from another day (a file photo): say so."""
    value, _ = read_date(match.group("date"), rules)
    if value is None:
        return None
    names = [name for name in rules.weekdays if len(name) > 3]  # not "sat", "sun": also words
    pattern = re.compile(name_alternation(dict.fromkeys(names, 0)), re.IGNORECASE)
    named = {rules.weekdays[found.group(0).lower()] for found in pattern.finditer(clean_text)}
    if named and value.weekday() not in named:
        days = ", ".join(sorted({found.group(0).capitalize() for found in pattern.finditer(clean_text)}))
        return f"the text's weekdays ({days}) do not include the caption date's (a {value.strftime('%A')}): a file photo?"
    return None


def _caption_contradiction(match: re.Match[str], line: str, clean_text: str, rules: DateRules) -> str | None:
    """Why a dated caption is not the article's day (a file photo), if the text says so."""
    reason = _weekday_contradiction(match, clean_text, rules)
    value, _ = read_date(match.group("date"), rules)
    if reason is None and value is not None:
        reason = _later_day_written(value, line, clean_text, rules)
    return reason


def _later_day_written(value: dt.date, line: str, clean_text: str, rules: DateRules) -> str | None:
    """A dated caption pictures the day the article reports, so the text does not go on to
    report a later day without its year ("met ... on Sept. 23" under a photo of Aug. 18):
    when it does, the photo is an older one. Yearless days up to half a year after the
    caption date count, not one in a sentence about plans ("will meet again on Sept. 23"), nor
    the caption line itself."""
    months = name_alternation(rules.months)
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


def text_candidates(doc: Document, clean_text: str, rules: DateRules) -> list[DateCandidate]:
    """Every date the text writes where a publication date stands: a leading field of the
    raw text, then the clean text's date lines (the first context a line fits) and dated
    captions, each with its weight and, when refused, why."""
    candidates: list[DateCandidate] = []

    def add(context: DateContext, match: re.Match[str], evidence: str, position: int, reason: str | None = None):
        value, problem = read_date(match.group("date"), rules)
        candidates.append(
            DateCandidate("text", context.name, evidence, position, context.weight, value, reason or problem)
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


def date_from_text(doc: Document, clean_text: str, rules: DateRules, limits: DateLimits) -> PublicationDate | None:
    """The text's date with the most support among the accepted candidates (weights summed,
    then the heaviest, then the earliest); the others are refused as outvoted."""
    accepted = [c for c in text_candidates(doc, clean_text, rules) if limits.check(c)]
    if not accepted:
        return None
    support: dict[dt.date, list[DateCandidate]] = {}
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
        candidate for candidate in text_candidates(Document(source="", format="text", text=""), clean_text, rules)
        if candidate.reason is None and candidate.weight >= 2 and candidate.value is not None
        and earliest <= candidate.value < published
    ]
    return min(found, key=lambda c: (-c.weight, c.position)).value if found else None
