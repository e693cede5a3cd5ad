"""Invitations to come back (issue 14, family 2): "X invited Y to visit again", said at the
end of a visit, is a courtesy, not a planned meeting; "X invited Y to visit Z" (no
return) stays a plan, as invitations are read elsewhere.

Pure functions over spaCy tokens."""

from __future__ import annotations

from collections.abc import Set


def return_invitation(clause, governor, inviting: Set[str], return_adverbs: Set[str]) -> bool:
    """Whether `clause` (an infinitive under `governor`) is an invitation to come back: the
    governor is one of the `inviting` words and the clause carries one of the
    `return_adverbs` ("to visit again", "to come back")."""
    if governor.lemma_.lower() not in inviting and governor.lower_ not in inviting:
        return False
    return any(c.dep_ in ("advmod", "prt") and c.lower_ in return_adverbs for c in clause.children)
