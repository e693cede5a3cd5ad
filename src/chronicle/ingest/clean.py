"""Remove the page debris that survives extraction, keeping a map back to the raw text.

The cleaner works line by line, because debris comes in lines: a script fragment, a
"Comments are closed.", a caption repeated under the photo, a teaser cut mid-word above
the full caption. What counts as debris is data (`data/debris.yaml`); this module only
applies it, in this order:

1. split the raw text into lines; inside each line remove the `remove_span` matches
   (labelled credits such as "(photo credit: ...)"), then normalise whitespace: strip
   leading and trailing whitespace, collapse a run of whitespace to its first character;
2. find a tail section: the first `cut_tail` marker line that starts in the last part of
   the text, with no prose paragraph after it; it and everything after it are cut;
3. drop the lines a `drop_line` rule matches (and `cut_tail` markers outside the tail);
4. drop repeats: a line equal to an earlier kept line (compared with whitespace
   collapsed) is a "duplicate"; a line that is a prefix of the next line (a teaser cut
   short, perhaps mid-word) is a "truncated-duplicate"; a line made of the same text
   twice loses its second half as a "duplicate";
5. join the kept lines with the raw text's own newlines: one newline between lines, and
   one blank line where the raw text had one or more blank lines between them.

Every character of the clean text is a character of the raw text, in order: the offset
map holds for every clean index `i` that `clean.text[i] == raw[clean.offsets.to_raw(i)]`,
whitespace included (a collapsed run is represented by its own first character, a line
break by a raw newline). No character is ever replaced; curly quotes, non-breaking spaces
inside a line and everything else stay verbatim.

Labelled credits ("(photo credit: Courtesy)", "(Photo: Reuters)") are removed inside
lines because they are never prose and they hide repeated captions; bare agency credits
("(MAXIM SHEMETOV / POOL / AFP)", "(Reuters)") are kept, since a parenthesis naming an
agency cannot be told from prose by its shape, and dated captions carrying them are
evidence of the publication date. Repeated captions are removed as whole lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path


from chronicle.data import load_yaml
from chronicle.model import CleanText, OffsetMap, Removal

KINDS = ("drop_line", "cut_tail", "remove_span")
_WHITESPACE_RUN = re.compile(r"[^\S\n]+")
_PROSE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
_ELLIPSIS_END = re.compile(r"\s*(?:\.\.\.|…)$")


@dataclass(frozen=True)
class DebrisRule:
    """One named pattern and what to do with what it matches."""

    name: str
    kind: str  # drop_line | cut_tail | remove_span
    pattern: re.Pattern[str]
    max_words: int | None = None
    keep_prose: int | None = None  # never match a sentence of this many words or more

    def matches_line(self, line: str) -> bool:
        if self.max_words is not None and len(line.split()) > self.max_words:
            return False
        if self.keep_prose is not None and _is_prose(line, self.keep_prose):
            return False
        return self.pattern.search(line) is not None


@dataclass(frozen=True)
class DebrisRules:
    """The cleaner's rules and thresholds, as loaded from a debris YAML file."""

    drop_line: tuple[DebrisRule, ...]
    cut_tail: tuple[DebrisRule, ...]
    remove_span: tuple[DebrisRule, ...]
    tail_zone: float = 0.5
    tail_guard_words: int = 25
    tail_guard_total_words: int = 60
    tail_sentence_words: int = 8
    min_truncated_chars: int = 30
    min_half_chars: int = 20


def load_debris_rules(path: Path | None = None) -> DebrisRules:
    """Read debris rules from `path`, by default the packaged `data/debris.yaml`."""
    data = load_yaml("debris.yaml", path)
    grouped: dict[str, list[DebrisRule]] = {kind: [] for kind in KINDS}
    for index, entry in enumerate(data.get("rules") or []):
        kind = entry.get("kind")
        if kind not in KINDS:
            raise ValueError(f"debris rule {index} ({entry.get('name')!r}): unknown kind {kind!r}")
        flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
        try:
            pattern = re.compile(entry["pattern"], flags)
        except re.error as error:
            raise ValueError(f"debris rule {index} ({entry.get('name')!r}): bad pattern: {error}") from error
        grouped[kind].append(
            DebrisRule(str(entry["name"]), kind, pattern, entry.get("max_words"), entry.get("keep_prose"))
        )
    tail = data.get("tail") or {}
    duplicates = data.get("duplicates") or {}
    return DebrisRules(
        drop_line=tuple(grouped["drop_line"]),
        cut_tail=tuple(grouped["cut_tail"]),
        remove_span=tuple(grouped["remove_span"]),
        tail_zone=float(tail.get("zone", 0.5)),
        tail_guard_words=int(tail.get("guard_words", 25)),
        tail_guard_total_words=int(tail.get("guard_total_words", 60)),
        tail_sentence_words=int(tail.get("sentence_words", 8)),
        min_truncated_chars=int(duplicates.get("min_truncated_chars", 30)),
        min_half_chars=int(duplicates.get("min_half_chars", 20)),
    )


class _Piece:
    """A string assembled from raw-text runs: `text` and its (start, raw_start, length) runs."""

    __slots__ = ("text", "runs")

    def __init__(self, text: str, runs: list[tuple[int, int, int]]):
        self.text = text
        self.runs = runs

    @classmethod
    def of(cls, raw: str, start: int, end: int) -> _Piece:
        return cls(raw[start:end], [(0, start, end - start)] if end > start else [])

    def raw_spans(self, start: int, end: int) -> list[tuple[int, int]]:
        """The raw spans under the local span [start, end)."""
        spans = []
        for run_start, raw_start, length in self.runs:
            lo, hi = max(start, run_start), min(end, run_start + length)
            if lo < hi:
                spans.append((raw_start + lo - run_start, raw_start + hi - run_start))
        return spans

    def keep(self, spans: list[tuple[int, int]]) -> _Piece:
        """A new piece made of the local spans `spans` (sorted, non-overlapping), in order."""
        text_parts, runs, at = [], [], 0
        for start, end in spans:
            text_parts.append(self.text[start:end])
            for raw_start, raw_end in self.raw_spans(start, end):
                runs.append((at, raw_start, raw_end - raw_start))
                at += raw_end - raw_start
        return _Piece("".join(text_parts), runs)

    def normalised(self) -> _Piece:
        """Leading and trailing whitespace stripped, inner runs cut to their first character."""
        text = self.text
        start, end = len(text) - len(text.lstrip()), len(text.rstrip())
        if start >= end:
            return _Piece("", [])
        spans, at = [], start
        for match in _WHITESPACE_RUN.finditer(text, start, end):
            if match.end() - match.start() > 1:
                spans.append((at, match.start() + 1))
                at = match.end()
        spans.append((at, end))
        return self.keep(spans)


@dataclass
class _Line:
    raw_start: int  # first raw character of the line
    raw_end: int  # raw index of the line's newline (or len(raw) for the last line)
    piece: _Piece
    key: str  # whitespace-collapsed text, for comparisons
    blank: bool  # whitespace only in the raw text
    drop: str | None = None  # reason, when the line is dropped
    in_tail: bool = False
    inline: list[Removal] = field(default_factory=list)  # spans removed inside the line


def _key(text: str) -> str:
    return " ".join(text.split())


def _split_lines(raw: str) -> list[tuple[int, int]]:
    bounds, start = [], 0
    while True:
        end = raw.find("\n", start)
        if end < 0:
            bounds.append((start, len(raw)))
            return bounds
        bounds.append((start, end))
        start = end + 1


def _remove_spans(piece: _Piece, rules: DebrisRules, removed: list[Removal]) -> _Piece:
    for rule in rules.remove_span:
        matches = [m for m in rule.pattern.finditer(piece.text) if m.end() > m.start()]
        if not matches:
            continue
        keep, at = [], 0
        for match in matches:
            keep.append((at, match.start()))
            for raw_start, raw_end in piece.raw_spans(match.start(), match.end()):
                removed.append(Removal(raw_start, raw_end, rule.name))
            at = match.end()
        keep.append((at, len(piece.text)))
        piece = piece.keep([(s, e) for s, e in keep if e > s])
    return piece


def _is_prose(key: str, min_words: int) -> bool:
    return len(key.split()) >= min_words and _PROSE_END.search(key) is not None


def _prose_after(lines: list[_Line], rules: DebrisRules) -> list[bool]:
    """For each line index, whether the article goes on at or after it: one prose paragraph
    of `tail_guard_words`, or sentences of `tail_sentence_words`+ words adding up to
    `tail_guard_total_words` (real text written in short paragraphs, not a list of links)."""
    prose_after = [False] * (len(lines) + 1)
    sentence_words = 0
    for index in range(len(lines) - 1, -1, -1):
        key = lines[index].key
        if _is_prose(key, rules.tail_sentence_words):
            sentence_words += len(key.split())
        prose_after[index] = (
            prose_after[index + 1]
            or _is_prose(key, rules.tail_guard_words)
            or sentence_words >= rules.tail_guard_total_words
        )
    return prose_after


def _find_tail(lines: list[_Line], raw_length: int, rules: DebrisRules) -> tuple[int, str] | None:
    """The index of the line that starts a tail section, and the marker rule's name."""
    zone_start = rules.tail_zone * raw_length
    prose_after = _prose_after(lines, rules)
    for index, line in enumerate(lines):
        if not line.key or line.raw_start < zone_start or prose_after[index + 1]:
            continue  # not in the tail zone, or the article goes on after it
        rule = next((r for r in rules.cut_tail if r.matches_line(line.key)), None)
        if rule is not None:
            return index, rule.name
    return None


def _line_rule(key: str, rules: DebrisRules) -> str | None:
    for rule in rules.drop_line:
        if rule.matches_line(key):
            return rule.name
    for rule in rules.cut_tail:  # a tail marker outside the tail is still a debris line
        if rule.matches_line(key):
            return rule.name
    return None


def _drop_repeats(lines: list[_Line], rules: DebrisRules) -> None:
    seen: set[str] = set()
    kept = [line for line in lines if line.key and line.drop is None]
    for position, line in enumerate(kept):
        if line.key in seen:
            line.drop = "duplicate"
            continue
        following = kept[position + 1] if position + 1 < len(kept) else None
        if following is not None:
            stem = _ELLIPSIS_END.sub("", line.key)
            if (
                len(stem) >= rules.min_truncated_chars
                and len(following.key) > len(stem)
                and following.key.startswith(stem)
            ):
                line.drop = "truncated-duplicate"
                continue
        half = _repeated_half(line.piece.text, rules.min_half_chars)
        if half is not None:
            for raw_start, raw_end in line.piece.raw_spans(half, len(line.piece.text)):
                line.inline.append(Removal(raw_start, raw_end, "duplicate"))
            line.piece = line.piece.keep([(0, half - 1)])
            line.key = _key(line.piece.text)
            if line.key in seen:
                line.drop = "duplicate"
                continue
        seen.add(line.key)


def _repeated_half(text: str, min_chars: int) -> int | None:
    """Where the second copy starts, when `text` is some X, one whitespace, then X again."""
    if len(text) % 2 == 0:
        return None
    middle = len(text) // 2
    if middle >= min_chars and text[middle].isspace() and text[:middle] == text[middle + 1 :]:
        return middle + 1
    return None


class _Builder:
    """Accumulates clean text and its offset segments, merging contiguous runs."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.segments: list[list[int]] = []
        self.length = 0

    def add(self, text: str, raw_start: int) -> None:
        if not text:
            return
        last = self.segments[-1] if self.segments else None
        if last is not None and last[0] + last[2] == self.length and last[1] + last[2] == raw_start:
            last[2] += len(text)
        else:
            self.segments.append([self.length, raw_start, len(text)])
        self.parts.append(text)
        self.length += len(text)

    def add_piece(self, piece: _Piece) -> None:
        for start, raw_start, length in piece.runs:
            self.add(piece.text[start : start + length], raw_start)


def clean(raw: str, rules: DebrisRules) -> CleanText:
    """The clean text of `raw`, its map back to `raw`, and the raw spans removed (with why)."""
    removed: list[Removal] = []
    lines: list[_Line] = []
    for start, end in _split_lines(raw):
        blank = raw[start:end].isspace() or start == end
        inline: list[Removal] = []
        piece = _Piece.of(raw, start, end) if blank else _remove_spans(_Piece.of(raw, start, end), rules, inline)
        piece = piece.normalised()
        line = _Line(start, end, piece, _key(piece.text), blank, inline=inline)
        if not blank and not line.key:
            line.drop = "emptied"  # nothing left once its credit spans were removed
        lines.append(line)

    tail = _find_tail(lines, len(raw), rules)
    if tail is not None:
        index, name = tail
        removed.append(Removal(lines[index].raw_start, len(raw), name))
        for line in lines[index:]:
            line.drop, line.in_tail = name, True
    for line in lines:
        if line.key and line.drop is None:
            line.drop = _line_rule(line.key, rules)
    _drop_repeats(lines, rules)

    for line in lines:  # a dropped line is one removal; inside a kept line, each span is one
        if line.in_tail:
            continue
        if line.drop is not None and line.drop != "emptied":
            removed.append(Removal(line.raw_start, line.raw_end, line.drop))
        else:
            removed.extend(line.inline)

    builder = _Builder()
    previous: _Line | None = None
    blank_after_previous: int | None = None  # raw index of the newline ending a blank line
    for line in lines:
        if line.blank:
            if previous is not None and blank_after_previous is None and line.raw_end < len(raw):
                blank_after_previous = line.raw_end
            continue
        if line.drop is not None:
            continue
        if previous is not None:
            builder.add("\n", previous.raw_end)
            if blank_after_previous is not None:
                builder.add("\n", blank_after_previous)
        builder.add_piece(line.piece)
        previous, blank_after_previous = line, None

    removed.sort(key=lambda r: (r.start, r.end))
    text, segments = nfc("".join(builder.parts), [tuple(s) for s in builder.segments])
    return CleanText(text=text, offsets=OffsetMap(tuple(segments)), removed=tuple(removed))


def _clusters(text: str) -> list[tuple[int, int]]:
    """Spans of `text` that NFC can combine: a character and the combining marks (or Hangul
    vowel and final jamo) after it. NFC never combines across these boundaries."""
    spans, start = [], 0
    for index in range(1, len(text) + 1):
        if index == len(text) or not (unicodedata.combining(text[index]) or "\u1160" <= text[index] <= "\u11ff"):
            spans.append((start, index))
            start = index
    return spans


def nfc(text: str, segments: list[tuple[int, int, int]]) -> tuple[str, list[tuple[int, int, int]]]:
    """`text` in Unicode NFC, with its offset segments kept true: verbatim characters map as
    before; a character NFC composed (e + U+0301 -> é) maps to the first raw character of the
    sequence it replaced. Text already in NFC (nearly all) comes back unchanged."""
    if unicodedata.is_normalized("NFC", text):
        return text, segments
    raw_index = [raw_start + k for _, raw_start, length in segments for k in range(length)]
    parts: list[str] = []
    builder = _Builder()
    for start, end in _clusters(text):
        chunk = text[start:end]
        composed = unicodedata.normalize("NFC", chunk)
        if composed == chunk:
            for offset, character in enumerate(chunk):
                builder.add(character, raw_index[start + offset])
        else:
            for character in composed:
                builder.segments.append([builder.length, raw_index[start], 1])
                builder.parts.append(character)
                builder.length += 1
        parts.append(composed)
    return "".join(builder.parts), [tuple(s) for s in builder.segments]
