"""The KB's source files: the packaged ones, their fingerprint, and a file's YAML read with
the line of every mapping (so each problem names its line)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from importlib import resources

import yaml

from .records import KbFile, KbProblem


class _LineLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml when installed: 6x faster
    """A YAML loader that records each mapping's line as `__line__` and keeps dates as text
    (so a bad date is reported with its line, not raised by the parser)."""

    yaml_implicit_resolvers = {
        first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


def _mapping_with_line(loader: _LineLoader, node: yaml.MappingNode) -> dict:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping_with_line)


def parse_file(source: KbFile) -> tuple[dict, list[KbProblem]]:
    """A KB file's content, or the YAML error with its line."""
    try:
        data = yaml.load(source.text, Loader=_LineLoader) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        return {}, [
            KbProblem(
                source.name,
                mark.line + 1 if mark else None,
                f"not valid YAML: {getattr(error, 'problem', error)}",
            )
        ]
    if not isinstance(data, dict):
        return {}, [
            KbProblem(
                source.name,
                1,
                "the top level must be a mapping (countries:, offices:, organizations:, actors:)",
            )
        ]
    return data, []


def packaged_files() -> list[KbFile]:
    """The KB files shipped with chronicle, in a stable order."""
    data = resources.files("chronicle.data")
    names = ["countries.yaml", "offices.yaml", "organizations.yaml"]
    files = [
        KbFile(f"data/{n}", data.joinpath(n).read_text(encoding="utf-8"))
        for n in names
        if data.joinpath(n).is_file()
    ]
    actors = data.joinpath("actors")
    if actors.is_dir():
        for entry in sorted(actors.iterdir(), key=lambda e: e.name):
            if entry.name.endswith(".yaml"):
                files.append(KbFile(f"data/actors/{entry.name}", entry.read_text(encoding="utf-8")))
    return files


def fingerprint(files: Iterable[KbFile]) -> str:
    digest = hashlib.sha256()
    for source in files:
        digest.update(source.name.encode())
        digest.update(source.text.encode())
    return digest.hexdigest()[:10]
