"""Where the bench scripts read and write, defined once: the repository, the shared data
beside it (the corpora, the eval sets), bench/out for what they make, and the Guardian
corpus most of them time. A script run as `python bench/<script>.py` has bench/ on its
path, so `from paths import ...` finds this module."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent  # bench/
REPO = HERE.parent
SHARED = REPO.parent / "shared"
OUT = HERE / "out"
GUARDIAN = SHARED / "corpora" / "guardian_syria_2017_2019.jsonl"
