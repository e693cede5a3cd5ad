"""Words a regular expression cannot match without: a cheap test that skips a pattern on a
text where it cannot match (`required_words`, `may_match`; issue 16, speed).

`required_words(regex)` reads the parsed expression and returns lower-cased ASCII strings
one of which every match contains ("ago" for "(\\d+|a few) days ago"; "since" or "from"
for "(since|from) ..."), or None when no such set is known (an expression that may match
digits only). `may_match(needs, lowered)` is False only when none of them is in the
lower-cased text, where the expression has no match: skipping it changes nothing.

Under IGNORECASE a few non-ASCII characters match ASCII letters (the dotted capital I, the
dotless i, the long s, the Kelvin sign: `CASE_TRAPS`); `lowered_for_needs` returns None for
a text holding one of them, and then every pattern is run.
"""

from __future__ import annotations

import re
from re import _constants as sre  # the parser's node names (stable within a Python version)
from re import _parser as sre_parse

CASE_TRAPS = frozenset("\u0130\u0131\u017f\u212a")  # non-ASCII letters re.I matches to ASCII ones
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several sufficient sets: the longest shortest word, then the fewest."""
    if not options:
        return None
    return max(options, key=lambda words: (min(map(len, words)), -len(words)))


def _item_needs(op, value) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        return _sequence_needs(value[-1])
    if op is sre.BRANCH:
        branches = [_sequence_needs(branch) for branch in value[1]]
        if any(words is None for words in branches):
            return None
        return frozenset().union(*branches)
    if op in _REPEATS and value[0] >= 1:
        return _sequence_needs(value[2])
    return None


def _sequence_needs(items) -> frozenset[str] | None:
    """One set of words, one of which any match of this sequence holds (None: unknown)."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, value in list(items) + [(None, None)]:
        if op is sre.LITERAL and value < 128:
            run.append(chr(value).lower())
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        words = _item_needs(op, value) if op is not None else None
        if words:
            options.append(words)
    return _best(options)


def required_words(regex: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased ASCII strings one of which any match of `regex` contains, or None."""
    words = _sequence_needs(sre_parse.parse(regex.pattern, regex.flags))
    return words if words and all(words) else None


def lowered_for_needs(text: str) -> str | None:
    """`text` lower-cased for `may_match`, or None where a case trap makes the test unsafe."""
    if CASE_TRAPS.isdisjoint(text):
        return text.lower()
    return None


def may_match(needs: frozenset[str] | None, lowered: str | None) -> bool:
    """False only when the text (lower-cased) holds none of the words a match needs."""
    if needs is None or lowered is None:
        return True
    return any(word in lowered for word in needs)
