"""World knowledge as data files: debris patterns, date words and shapes, and later lexicons;
`load_yaml` reads one, `word_set` / `code_set` one of its lists as a set of lower-cased words or
upper-cased codes, `alternation` one of its word lists as a regex alternation."""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path

import yaml

# libyaml's parser when PyYAML was built with it: the same values as the pure-Python one on
# every packaged file (tests/test_data_files.py), five times faster (issue 16)
SAFE_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load_yaml(name: str, path: Path | str | None = None) -> dict:
    """A YAML data file: `path` if given, else the packaged `chronicle/data/<name>`."""
    if path is None:
        text = resources.files("chronicle.data").joinpath(name).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return yaml.load(text, Loader=SAFE_LOADER) or {}


def word_set(items: Iterable | None) -> frozenset[str]:
    """A data file's word list as a set of lower-cased words (None: the empty set)."""
    return frozenset(str(item).lower() for item in items or ())


def code_set(items: Iterable | None) -> frozenset[str]:
    """A data file's list of codes (event types, sectors, ISO codes) as a set, upper-cased
    (None: the empty set)."""
    return frozenset(str(item).upper() for item in items or ())


def alternation(phrases: Iterable[str]) -> str:
    """A regex alternation of words and phrases, longest first (so "ahead of" wins over
    "ahead"), each escaped, a space matching any run of whitespace; no group, no word
    boundaries (the caller adds them). Nothing given: a pattern that never matches."""
    ordered = sorted({str(p) for p in phrases if p}, key=lambda p: (-len(p), p))
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in ordered) or "(?!)"
