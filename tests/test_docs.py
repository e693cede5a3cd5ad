"""Every command a user can run is documented in the README."""

from __future__ import annotations

from pathlib import Path

import typer.main

from chronicle.cli import app

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def command_names(group, prefix: str = "") -> list[str]:
    click_group = typer.main.get_command(group) if not hasattr(group, "commands") else group
    names = []
    for name, command in click_group.commands.items():
        full = f"{prefix}{name}"
        names += command_names(command, f"{full} ") if hasattr(command, "commands") else [full]
    return names


def test_every_command_is_in_the_readme():
    names = command_names(app)
    assert {"ingest", "articles", "show", "stats", "problems", "reprocess", "actors", "actor", "places", "eval", "kb add", "kb import-wikidata", "kb check"} <= set(names)
    missing = [name for name in names if f"chronicle {name}" not in README]
    assert not missing, f"commands missing from README.md: {missing}"
