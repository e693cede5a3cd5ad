"""Shared fixtures: the ../shared material (skipped cleanly when absent) and fresh stores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from chronicle.settings import Settings

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SEEDS = SHARED / "seeds"
CORPUS = SHARED / "corpora" / "guardian_syria_2017_2019.jsonl"
DEV = SHARED / "eval" / "dev"


def shared_path(path: Path) -> Path:
    """A path under ../shared, or a clean skip saying what is missing."""
    if not path.exists():
        pytest.skip(f"{path} is absent: integration tests read the real articles from ../shared")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in shared_path(path).read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture
def settings(tmp_path) -> Settings:
    """Settings for a fresh store in a temporary directory."""
    return Settings(db=str(tmp_path / "test.duckdb"), batch_size=16)
