"""Acts of one type told as different kinds of act are events of their own (issue 19).

"Gunmen kidnapped 20 students ... The gunmen then burned homes": one type (ASSAULT) and one
actor, so the actors alone would fold them into one mention, but the trigger lexicon gives
each a different mode (ABDUCT, DESTROY): two events. A trigger with no mode ("the attack")
says nothing of its kind and may tell either; two triggers of one mode ("kidnapped",
"abducted") may be one act retold.
"""

from __future__ import annotations


def separate_acts(first, second) -> bool:
    """Whether the triggers `first` and `second` (lexicon entries with a `mode`) tell two
    kinds of act: both have a mode and the modes differ."""
    return bool(first.mode and second.mode and first.mode != second.mode)
