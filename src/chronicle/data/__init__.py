"""World knowledge as data files: debris patterns, date words and shapes, and later lexicons."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

import yaml


def load_yaml(name: str, path: Path | str | None = None) -> dict:
    """A YAML data file: `path` if given, else the packaged `chronicle/data/<name>`."""
    if path is None:
        text = resources.files("chronicle.data").joinpath(name).read_text(encoding="utf-8")
    else:
        text = Path(path).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}
