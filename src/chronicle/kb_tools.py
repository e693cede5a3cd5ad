"""Extending the knowledge base: check a user file against the whole KB, keep it with the store."""

from __future__ import annotations

from pathlib import Path

from .errors import ChronicleError
from .kb import KbFile, load_kb
from .kb.wikidata import WikidataImport, convert_wikidata, load_position_map
from .store import Store


def read_kb_file(path: str) -> KbFile:
    try:
        return KbFile(Path(path).name, Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ChronicleError(f"cannot read {path}: {error}") from error


def add_file(store: Store, source: KbFile) -> None:
    """Validate `source` with everything already in the KB; store it only if all is consistent."""
    others = [f for f in store.kb_files() if f.name != source.name]
    load_kb([*others, source])  # raises KbError naming file, line and reason
    store.add_kb_file(source)


def import_wikidata(store: Store, path: str) -> tuple[KbFile, WikidataImport]:
    """A Wikidata export converted to a KB file; persons the KB already holds are left out."""
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ChronicleError(f"cannot read {path}: {error}") from error
    try:
        existing = load_kb(store.kb_files())
        result = convert_wikidata(data, Path(path).name, load_position_map(), existing=existing)
    except ValueError as error:
        raise ChronicleError(f"{path}: {error}") from error
    if not result.persons:
        raise ChronicleError(f"nothing to import from {path}:\n{result.report()}")
    return KbFile(f"wikidata-{Path(path).stem}.yaml", result.yaml_text), result
