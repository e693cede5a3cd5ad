"""Datelines: a place name opening a line before a dash, a date or an agency ("HAMBURG -",
"Moscow, Dec 5 (Reuters) -"), or alone on its line with its qualifier."""

from __future__ import annotations

import re


# A dateline NER may miss: a line opening with a name in capitals before a comma or dash
# ("RANCHO MIRAGE, Calif. -"), or a line holding only "Name, Country" ("Batumi, Georgia").
# What follows a title-case dateline: a date or an agency ("Miami, March 8 (IANS)",
# "Moscow, Dec 5 (Reuters) -", "Nairobi (AFP) -").
_DATED = r"(?:,[ \t]*[A-Z][\w.]*)?(?:,[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}\b|[ \t]*\([A-Z][\w ]*\))"
DATELINE = re.compile(
    r"^[ \t]*(?:(?P<name>[A-Z][A-Z'\u2019.\-]+(?:[ \t][A-Z][A-Z'\u2019.\-]+){0,3})(?=[ \t]*[,:\u2013\u2014-]|[ \t]*\()"
    r"|(?P<line>[A-Z][a-z'\u2019\-]+(?:[ \t][A-Z][a-z'\u2019\-]+){0,2})(?=,[ \t]*[A-Z][\w. ]+[ \t]*$|" + _DATED + r"))",
    re.MULTILINE,
)
_PLACE_LINE = re.compile(r",[ \t]*[A-Z][\w.]*(?:[ \t]+[A-Z][\w.]*){0,2}[ \t]*")
_DATED_LINE = re.compile(_DATED)


def is_dateline(text: str, start: int, end: int) -> bool:
    """A capitalised name opening a line (or following a byline's agency) before a dash,
    comma or colon ("HAMBURG –", "By Reuters WASHINGTON -", "NEW DELHI:"), a name opening
    a line before a date or an agency ("Moscow, Dec 5 (Reuters) -"), or a name alone on its
    line with its qualifier ("Batumi, Georgia")."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[line_start:start].strip()
    line_end = text.find("\n", end)
    rest = text[end : len(text) if line_end < 0 else line_end]
    if not before and (_PLACE_LINE.fullmatch(rest) or (not rest.strip() and "," in text[start:end])):
        return True  # "Batumi, Georgia" alone on its line
    if not before and _DATED_LINE.match(rest):
        return True  # "Moscow, Dec 5 (Reuters) -", "Miami, March 8 (IANS)"
    return (
        text[start:end].isupper()
        and (not before or bool(re.fullmatch(r"(?:By\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?", before)))
        and re.match(r"\s*[,:\-\u2013\u2014]", text[end : end + 3]) is not None
    )
