"""What a conversion gives back: the KB YAML text, and what was taken and left out."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field


@dataclass
class WikidataImport:
    """A converted export: the KB YAML text and what was taken and left out.

    `persons` are the actor ids written; `roles` counts the roles written (after merging
    adjacent terms of one office). The rest says what was skipped and why, for the user.
    """

    source: str
    yaml_text: str
    persons: list[str] = field(default_factory=list)
    roles: int = 0
    skipped_persons: list[str] = field(default_factory=list)  # "Q123 (Name): reason"
    unmapped_positions: Counter = field(default_factory=Counter)  # position QID -> statements
    position_labels: dict[str, str] = field(default_factory=dict)  # labels the export gave
    skipped_roles: list[str] = field(default_factory=list)  # "Q123 Q456: reason"
    deprecated: int = 0  # deprecated-rank statements skipped
    not_persons: int = 0  # entities that are not humans (P31 without Q5)
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """One line: what was imported and how much was skipped."""
        parts = [f"{_n(len(self.persons), 'person')} with {_n(self.roles, 'role')}"]
        skipped = []
        if self.skipped_persons:
            skipped.append(_n(len(self.skipped_persons), "person"))
        if self.unmapped_positions:
            skipped.append(
                f"{_n(sum(self.unmapped_positions.values()), 'statement')} of "
                f"{_n(len(self.unmapped_positions), 'unmapped position')}"
            )
        if self.skipped_roles:
            skipped.append(f"{_n(len(self.skipped_roles), 'role')} without usable dates")
        if self.deprecated:
            skipped.append(_n(self.deprecated, "deprecated statement"))
        if skipped:
            parts.append("skipped " + ", ".join(skipped))
        if self.warnings:
            parts.append(_n(len(self.warnings), "warning"))
        return "; ".join(parts)

    def report(self) -> str:
        """Several lines for the user: the summary, then each skip and warning."""
        lines = [f"{self.source}: {self.summary}"]
        lines += [f"  warning: {w}" for w in self.warnings]
        lines += [f"  skipped person {s}" for s in self.skipped_persons]
        for qid, count in self.unmapped_positions.most_common():
            label = self.position_labels.get(qid)
            lines.append(
                f"  unmapped position {qid}{f' ({label})' if label else ''}: {_n(count, 'statement')}"
                " (add it to a position map to import it)"
            )
        lines += [f"  skipped role {s}" for s in self.skipped_roles]
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.summary


def _n(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"

