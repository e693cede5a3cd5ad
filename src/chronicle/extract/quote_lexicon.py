"""The quote lexicon: quote marks, cue verbs, source phrases, event words and the small
words that steer the search for a speaker, read from `data/quotes.yaml`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from chronicle.data import alternation, load_yaml, word_set


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
    relative_pronouns: frozenset[str]  # "X, who replied": the subject is X
    phrase_stops: frozenset[str]  # prepositions the search for a speaker's name never crosses
    absolute_preps: frozenset[str]  # "with X asserting": X is the subject
    addressee_preps: frozenset[str]  # "said to X": X is addressed
    addressing_verbs: frozenset[str]  # "..., addressing X": X is addressed


def load_quote_lexicon(path: Path | str | None = None) -> QuoteLexicon:
    """The quote lexicon: `path` if given, else the packaged data/quotes.yaml."""
    data = load_yaml("quotes.yaml", path)
    words = lambda key: word_set(data.get(key))
    pattern = re.compile(
        rf"\b(?:{alternation(data.get('event_preps') or ())})\s+(?:(?:[\w'’-]+'s|[\w-]+)\s+){{0,4}}?"
        rf"(?:{alternation(data.get('event_nouns') or ())})\b",
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
        relative_pronouns=words("relative_pronouns"),
        phrase_stops=words("phrase_stops"),
        absolute_preps=words("absolute_preps"),
        addressee_preps=words("addressee_preps"),
        addressing_verbs=words("addressing_verbs"),
    )
