"""The KB's records (a role, an actor, a country, a source file), its problems and error,
and how names are compared."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import ChronicleError

ACTOR_KINDS = ("person", "organization", "country", "group")
QID = re.compile(r"^Q[1-9][0-9]*$")  # a Wikidata item id
_NON_WORD = re.compile(r"[^\w]+")


def name_key(text: str) -> str:
    """A name as look-ups compare it: no diacritics, case-folded, punctuation as spaces."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = bare.replace("'s ", " ").removesuffix("'s")
    return _NON_WORD.sub(" ", bare.casefold().replace("'", "")).strip()


@dataclass(frozen=True)
class KbProblem:
    """An error in a KB file: where it is and what is wrong."""

    file: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.reason}"
            if self.line
            else f"{self.file}: {self.reason}"
        )


class KbError(ChronicleError):
    """A KB file or the KB as a whole is inconsistent."""

    def __init__(self, problems: Sequence[KbProblem]):
        self.problems = list(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:20])
        more = f"\n  ... and {len(self.problems) - 20} more" if len(self.problems) > 20 else ""
        super().__init__(f"knowledge base refused ({len(self.problems)} problems):\n{shown}{more}")


@dataclass(frozen=True)
class Role:
    """An office held over a span: [start, end), end None while in office."""

    office: str
    start: dt.date
    end: dt.date | None = None
    country: str | None = None
    organization: str | None = None
    acting: bool = False
    source: str = ""
    line: int | None = None

    def holds_on(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end)

    @property
    def seat(self) -> str:
        """Where the office belongs: a country code or an organization id."""
        return self.country or self.organization or ""


@dataclass(frozen=True)
class Actor:
    """A person, organization, country or group with names and dated roles."""

    id: str
    name: str
    kind: str
    country: str | None = None
    sector: str | None = None
    aliases: tuple[str, ...] = ()
    ambiguous_aliases: tuple[str, ...] = ()
    qid: str | None = None
    roles: tuple[Role, ...] = ()
    source: str = ""
    line: int | None = None

    def roles_on(self, day: dt.date | None) -> tuple[Role, ...]:
        return tuple(r for r in self.roles if day is None or r.holds_on(day))


@dataclass(frozen=True)
class Country:
    id: str
    name: str
    aliases: tuple[str, ...] = ()
    demonyms: tuple[str, ...] = ()
    capital: str | None = None
    seats: tuple[str, ...] = ()


@dataclass(frozen=True)
class KbFile:
    """One YAML source of the KB: a name for messages and its text."""

    name: str
    text: str
