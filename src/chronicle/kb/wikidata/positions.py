"""The position map: which Wikidata position items (P39 values) are which KB offices
(`data/wikidata_positions.yaml`, or a user's file in the same format)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import yaml

from ..records import QID
from .records import ISO3

POSITIONS_FILE = "wikidata_positions.yaml"


@dataclass(frozen=True)
class Position:
    """What a Wikidata position item means in the KB: an office of a country or organization."""

    office: str
    country: str | None = None
    organization: str | None = None
    labels: tuple[str, ...] = ()  # the item's English label(s), a check on the QID

    @property
    def seat(self) -> str:
        return self.country or self.organization or ""


PositionMap = Mapping[str, Position]


def load_position_map(
    path: str | Path | None = None, *, packaged: bool = True
) -> dict[str, Position]:
    """The position map: the packaged `data/wikidata_positions.yaml`, then `path` (a user's
    file in the same format) whose entries add to or replace the packaged ones.
    `packaged=False` with a `path` reads the user's file alone. ValueError on a bad entry."""
    positions: dict[str, Position] = {}
    if packaged:
        text = (
            resources.files("chronicle.data").joinpath(POSITIONS_FILE).read_text(encoding="utf-8")
        )
        positions.update(parse_position_map(text, f"data/{POSITIONS_FILE}"))
    if path is not None:
        try:
            text = Path(path).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as error:
            raise ValueError(f"cannot read the position map {path}: {error}") from error
        positions.update(parse_position_map(text, str(path)))
    return positions


def parse_position_map(text: str, name: str = "positions") -> dict[str, Position]:
    """A position map from its YAML text: `QID: {office: ..., country: ISO3 | organization: id}`."""
    try:
        data = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise ValueError(f"{name}: not valid YAML: {error}") from error
    if not isinstance(data, dict):
        raise ValueError(f"{name}: the top level must map position QIDs to offices")
    positions = {}
    for qid, entry in data.items():
        where = f"{name}: {qid}"
        if not isinstance(qid, str) or not QID.match(qid):
            raise ValueError(f"{where}: not a Wikidata QID (Q followed by digits)")
        if not isinstance(entry, dict) or not isinstance(entry.get("office"), str):
            raise ValueError(f"{where}: needs an `office:` (a key of offices.yaml)")
        unknown = set(entry) - {"office", "country", "organization", "label"}
        if unknown:
            raise ValueError(f"{where}: unknown fields {', '.join(sorted(map(str, unknown)))}")
        country, organization = entry.get("country"), entry.get("organization")
        if bool(country) == bool(organization):
            raise ValueError(f"{where}: needs exactly one of `country:` (ISO3) or `organization:`")
        if country and not (isinstance(country, str) and ISO3.match(country)):
            raise ValueError(f"{where}: country {country!r} is not an ISO 3166-1 alpha-3 code")
        positions[qid] = Position(
            office=entry["office"],
            country=country or None,
            organization=str(organization) if organization else None,
            labels=_label_list(entry.get("label"), where),
        )
    return positions


def _label_list(value: object, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ValueError(f"{where}: `label` must be a string or a list of strings")

