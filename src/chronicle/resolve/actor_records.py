"""An actor mention being resolved (`Candidate`), the offices a title names, the name
parts a person is known by, and the parse readings every step shares (subject, clause)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..kb import name_key
from .actor_lexicon import ResolverLexicon

if TYPE_CHECKING:  # spaCy itself is imported by chronicle.nlp (chronicle.spacy_import)
    from spacy.tokens import Span as SpacySpan


MAIN_OFFICES = ("head_of_state", "head_of_government", "foreign_minister", "defence_minister")
LEADER = "leader"


@dataclass
class Candidate:
    """A mention being resolved."""

    start: int
    end: int
    text: str
    label: str  # PERSON ORG GPE NORP ROLE PRON METONYM
    subject: bool = False
    possessive: bool = False  # PRON: "his", "her"
    clause: int = -1  # the verb governing the mention (token index), for binding constraints
    offices: tuple[str, ...] = ()  # ROLE: offices the title names
    title: str = ""
    country: str | None = None  # ROLE: the country modifier; GPE/NORP: the country
    counterpart: bool = False
    plural: bool = False
    full_name: str = ""  # PERSON: the full name a bare surname refers to
    title_of: int | None = None  # ROLE: index of the PERSON it titles
    titled: str = ""  # PERSON: the honorific or title before it ("King Salman", "President Isaias")
    value: str | None = None
    method: str = ""
    confidence: float = 0.0
    kind: str = "person"
    ordinal: int = 0  # "the latter" 1, "the former" 2: which person back it names


def corpus_id(name: str, kind: str = "person") -> str:
    """A stable id for an actor the KB does not know."""
    slug = "-".join(name_key(name).split()) or "unnamed"
    return f"corpus:{kind}:{slug}"


def clause_verb(token) -> int:
    """The verb a token hangs from (its nearest verb ancestor), or -1."""
    for ancestor in token.ancestors:
        if ancestor.pos_ in ("VERB", "AUX"):
            return ancestor.i
    return -1


def is_subject(span: SpacySpan, lexicon: ResolverLexicon) -> bool:
    """Whether a span is the agent of its verb (not a possessive)."""
    return span.root.dep_ in lexicon.agent_dependencies and span.root.dep_ != "poss"


def name_parts(text: str) -> set[str]:
    """The words of a name (name keys) longer than one letter."""
    return {part for part in name_key(text).split() if len(part) > 1}


def offices_of(c: Candidate) -> tuple[str, ...]:
    """The offices a title names, "leader" standing for the head of state or government."""
    return ("head_of_state", "head_of_government") if c.offices == (LEADER,) else c.offices
