"""Quote marks paired in plain text: curly, straight, single, guillemets; a quote left open
at a paragraph end closes there; stray marks are skipped, never fatal."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .quote_lexicon import QuoteLexicon


@dataclass(frozen=True)
class Marked:
    """A span of text between quote marks: the marks' offsets and the trimmed inner text."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph end when left open
    start: int  # the inner text, whitespace trimmed
    end: int
    closed: bool


def _alnum(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()


def _space(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or text[i].isspace()


def _opens(text: str, i: int, width: int) -> bool:
    """A mark that reads as an opener: nothing glued before it, a word or mark after it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-:;,/") and not after.isspace()


def _closes(text: str, i: int, width: int) -> bool:
    """A mark that reads as a closer: glued to the text before it, not to a word after it."""
    return not _space(text, i - 1) and not _alnum(text, i + width)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: a line break ends one after sentence punctuation or a blank line;
    elsewhere it is a hard wrap inside a paragraph."""
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        before = text[start : match.start()].rstrip(" \t")
        after = text[match.end() : match.end() + 1]
        if before and before[-1] not in ".!?:;”\"’'»)]" and after not in ("\n", "") and not after.isspace():
            continue  # a hard wrap
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pair_doubles(text: str, lo: int, hi: int, marks: Sequence[tuple[str, str]], limit: int) -> list[Marked]:
    """Double-quoted spans of one paragraph; an opener left open closes at the paragraph end."""
    openers = {a: b for a, b in marks}
    closers = {b for _, b in marks}
    found: list[Marked] = []
    current: tuple[int, str] | None = None  # (mark offset, the closer it waits for)
    for i in range(lo, hi):
        mark = text[i]
        if current is None:
            if mark in openers and (openers[mark] != mark or _opens(text, i, 1)):
                current = (i, openers[mark])
            elif mark in closers and _opens(text, i, 1) and _alnum(text, i + 1):
                current = (i, mark)  # a garbled opener: ”Hello”
            continue
        if mark == current[1] and (mark not in openers or openers[mark] == mark or _closes(text, i, 1)):
            found.append(_marked(text, current[0] + 1, i, current[0], i, True))
            current = None
        elif mark in openers and openers[mark] != mark and mark == text[current[0]]:
            if _closes(text, i, 1):  # a garbled closer: “Hello“
                found.append(_marked(text, current[0] + 1, i, current[0], i, True))
                current = None
            else:  # the last one never closed
                found.append(_marked(text, current[0] + 1, i, current[0], i, False))
                current = (i, openers[mark])
    if current is not None and hi - current[0] <= limit:
        found.append(_marked(text, current[0] + 1, hi, current[0], hi, False))
    return [m for m in found if m.end > m.start]


def _marked(text: str, start: int, end: int, open_at: int, close_at: int, closed: bool) -> Marked:
    start, end = _trimmed(text, start, end)
    while not closed and end > start and text[end - 1] in "”“\"'’»":  # a stray mark of another kind
        end -= 1
    return Marked(open_at, close_at, start, end, closed)


def _pair_singles(text: str, lo: int, hi: int, marks: Sequence[tuple[str, str]], limit: int) -> list[Marked]:
    """Single-quoted spans in a stretch of text: both marks must read as marks (an
    apostrophe inside a word never does), and an unclosed one is dropped."""
    openers = {a: b for a, b in marks}
    found, current = [], None
    for i in range(lo, hi):
        mark = text[i]
        if current is not None and mark == openers[text[current]] and _closes(text, i, 1):
            if i - current <= limit:
                found.append(_marked(text, current + 1, i, current, i, True))
            current = None
        elif current is None and mark in openers and _opens(text, i, 1) and _alnum(text, i + 1):
            current = i
    if current is not None and text[current + 1].isalpha() and hi - current <= limit:
        rest = text[current + 1 : hi].rstrip()
        if len(rest.split()) >= 8 and rest[-1:] in ".!?”\"":
            found.append(_marked(text, current + 1, hi, current, hi, False))  # never closed
    return [m for m in found if m.end > m.start]


def find_marked(text: str, lexicon: QuoteLexicon) -> list[Marked]:
    """Every quoted span of a text, in order: double marks first, then single marks outside them."""
    found: list[Marked] = []
    for lo, hi in _paragraphs(text):
        doubles = _pair_doubles(text, lo, hi, lexicon.double_marks, lexicon.max_quote_chars)
        found += doubles
        edges = [lo] + [x for m in doubles for x in (m.open, min(m.close + 1, hi))] + [hi]
        for a, b in zip(edges[::2], edges[1::2]):
            found += _pair_singles(text, a, b, lexicon.single_marks, 600)
    return sorted(found, key=lambda m: m.open)
