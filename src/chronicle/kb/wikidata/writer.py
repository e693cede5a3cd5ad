"""The converted actors written as a KB YAML file (docs/knowledge-base.md)."""

from __future__ import annotations

import json

import yaml


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _word(text: str) -> str:
    """A plain YAML scalar when it reads back as the same string, else double-quoted
    (an id "null" or "yes" must stay a string)."""
    try:
        plain = yaml.safe_load(text) == text and "#" not in text and ":" not in text
    except yaml.YAMLError:
        plain = False
    return text if plain else _q(text)


def write_yaml(actors: list[dict], source: str) -> str:
    safe_source = " ".join(source.split())
    lines = [
        f"# Imported from the Wikidata export {safe_source} (chronicle kb import-wikidata).",
        "# Format: docs/knowledge-base.md; conversion rules: docs/knowledge-base-wikidata.md.",
    ]
    if not actors:
        return "\n".join([*lines, "actors: []", ""])
    lines.append("actors:")
    for actor in actors:
        lines.append(f"  - id: {_word(actor['id'])}")
        lines.append(f"    name: {_q(actor['name'])}")
        lines.append("    kind: person")
        if actor["country"]:
            lines.append(f"    country: {actor['country']}")
        lines.append("    sector: GOV")
        lines.append(f"    aliases: [{', '.join(map(_q, actor['aliases']))}]")
        if actor["ambiguous_aliases"]:
            lines.append(
                f"    ambiguous_aliases: [{', '.join(map(_q, actor['ambiguous_aliases']))}]"
            )
        lines.append(f"    qid: {actor['qid']}")
        lines.append("    roles:")
        for role in actor["roles"]:
            lines.append(f"      - office: {_word(role.office)}")
            if role.country:
                lines.append(f"        country: {role.country}")
            else:
                lines.append(f"        organization: {_word(role.organization)}")
            lines.append(f"        start: {role.start.isoformat()}")
            if role.end is not None:
                lines.append(f"        end: {role.end.isoformat()}")
    return "\n".join(lines) + "\n"

