"""Problem codes: every skipped input is recorded under one of these, so it can be found and tested."""

from __future__ import annotations

from .model import Problem

CODES: dict[str, str] = {
    "E101": "unreadable: the path could not be opened or read",
    "E102": "binary: the input is not text, HTML, JSONL, WARC or a feed",
    "E103": "empty: the input holds no text",
    "E104": "undecodable: the bytes are in no text encoding chronicle can identify",
    "E105": "too large: the single document exceeds the size limit",
    "E111": "malformed JSONL line: not a JSON object",
    "E112": "JSONL record without `text` or `html`",
    "E121": "HTML without an article: no main text could be extracted",
    "E122": "HTML too slow: extracting the page took longer than the per-page time limit",
    "E131": "WARC record truncated or corrupt: the rest of that file was skipped",
    "E141": "feed could not be parsed",
    "E142": "feed entry without content",
    "E151": "nothing left after cleaning",
    "E201": "annotation failed",
    "E202": "too long to annotate: the clean text is over the parser's length limit",
}


class ChronicleError(Exception):
    """An error a person can act on. The CLI prints its message and exits with `exit_code`
    (cli/base.py, the one boundary); the HTTP API answers 400 (404 for NotFound)."""

    exit_code = 1  # the command ran and the library refused, or found nothing


class UsageError(ChronicleError):
    """A command that cannot start: a value no option takes, a store that cannot be opened,
    a tool or model that is not installed."""

    exit_code = 2


def problem(source: str, code: str, detail: str = "") -> Problem:
    """A Problem with the code's standard reason, plus a specific detail."""
    reason = CODES[code].split(":")[0]
    return Problem(source=source, code=code, reason=f"{reason}: {detail}" if detail else reason)


class NotFound(ChronicleError):
    """An id or name that names nothing in the store (the HTTP API answers 404)."""
