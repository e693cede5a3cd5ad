"""Invitations (issue 14, family 2): "X invited Y to visit again", said at the end of a
visit, is a courtesy, not a planned meeting; "X invited Y to visit Z" (no return) stays a
plan, as invitations are read elsewhere. "X invited Y to visit (him)" names the one to be
visited only as the inviter: X.

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


def inviting_governor(clause, inviting: Set[str], visit_preps: Set[str]):
    """The verb of invitation whose subject is the one to be visited, when `clause` is its
    infinitive and names no one else to visit: "he would invite Kim to visit him", "invited
    Kim to visit" (not "invited Kim to visit Paris", "... to meet the king", "... to visit with
    the king": a preposition of `visit_preps`); else None."""
    governor = clause.head
    if clause.dep_ != "xcomp" or governor.i == clause.i:
        return None
    if governor.lemma_.lower() not in inviting and governor.lower_ not in inviting:
        return None
    objects = [c for c in clause.children if c.dep_ in ("dobj", "obj", "prep")]
    return governor if all(o.pos_ == "PRON" for o in objects if o.dep_ != "prep") and not any(
        o.dep_ == "prep" and o.lower_ in visit_preps for o in objects) else None
