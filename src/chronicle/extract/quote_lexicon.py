"""The quote lexicon: quote marks, cue verbs, source phrases and event words, read from
`data/quotes.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from chronicle.data import load_yaml


@dataclass(frozen=True)
class QuoteLexicon:
    """Quote marks, cue verbs and event words (see data/quotes.yaml)."""

    double_marks: tuple[tuple[str, str], ...]
    single_marks: tuple[tuple[str, str], ...]
    cue_verbs: frozenset[str]
    quoting_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    event_pattern: re.Pattern
    term_max_words: int
    small_words: frozenset[str]
    partial_max_words: int
    max_quote_chars: int


def load_quote_lexicon(path: Path | str | None = None) -> QuoteLexicon:
    """The quote lexicon: `path` if given, else the packaged data/quotes.yaml."""
    data = load_yaml("quotes.yaml", path)
    words = lambda key: frozenset(str(w).lower() for w in data.get(key) or ())
    preps = sorted((str(p) for p in data.get("event_preps") or ()), key=len, reverse=True)
    nouns = sorted((str(n) for n in data.get("event_nouns") or ()), key=len, reverse=True)
    alternatives = lambda items: "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in items)
    pattern = re.compile(
        rf"\b(?:{alternatives(preps)})\s+(?:(?:the|a|an|their|his|her|its|this|that|[\w'’-]+'s|[\w-]+)\s+){{0,4}}?"
        rf"(?:{alternatives(nouns)})\b",
        re.IGNORECASE,
    )
    return QuoteLexicon(
        double_marks=tuple((str(a), str(b)) for a, b in data.get("double_marks") or ()),
        single_marks=tuple((str(a), str(b)) for a, b in data.get("single_marks") or ()),
        cue_verbs=words("cue_verbs"),
        quoting_verbs=words("quoting_verbs"),
        indirect_verbs=words("indirect_verbs"),
        source_phrases=tuple(tuple(str(w).lower() for w in p) for p in data.get("source_phrases") or ()),
        event_pattern=pattern,
        term_max_words=int(data.get("term_max_words", 3)),
        small_words=words("small_words"),
        partial_max_words=int(data.get("partial_max_words", 5)),
        max_quote_chars=int(data.get("max_quote_chars", 3000)),
    )
