"""Who did what the type classifier proposes (issue 15): a proposed trigger that lies below
another clause ("Abbas said the Palestinians never rejected talks") and whose own frame names
no one takes as its source the subject of the nearest clause above it that has one.

Pure functions over spaCy tokens."""

from __future__ import annotations

from collections.abc import Set

# the links a proposal's source may be read across: open complements, coordinated, adverbial
# and reported clauses, and a clause under a preposition ("X played a role, with its army
# deploying troops": X); not a noun's own preposition (the trigger noun is a "pobj")
DEFAULT_LINKS = frozenset({"xcomp", "conj", "advcl", "ccomp", "pcomp", "prep"})


def governing_subjects(token, links: Set[str] = DEFAULT_LINKS) -> list:
    """The subject words of the nearest clause above `token` (within its sentence, through
    `links` only) that has an active subject; [] when none."""
    node = token
    for _ in range(6):
        if node.dep_ not in links or node.head.i == node.i:
            return []
        node = node.head
        subjects = [c for c in node.children if c.dep_ == "nsubj"]
        if subjects:
            return subjects
    return []
