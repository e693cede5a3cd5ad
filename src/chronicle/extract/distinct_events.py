"""Two mentions of one type that are two events, whatever else they share: one told as
fighting between two sides and one as an act of one on the other (`fighting_apart`), or
with their sides swapped (`opposed_sides`: "X accused Y ...", then "Y accused X ...")."""

from __future__ import annotations


def fighting_apart(frame: str, other_frame: str) -> bool:
    """Whether two mentions of one type are told in different frames, one two-sided
    (symmetric: "had a gun battle with soldiers", "clashed with police") and one directed
    ("gunmen abducted the students"): the fighting is an event of its own, not the attack."""
    return frame != other_frame and "symmetric" in (frame, other_frame)


def opposed_sides(actors, others) -> bool:
    """Whether two mentions' actors swap sides: someone who acts in one undergoes the
    other ("X accused Y of lying", then "Y accused X of meddling"): two events, not one."""
    sides = lambda found, role: {a.id for a in found if a.role == role}  # noqa: E731
    return bool(sides(actors, "source") & sides(others, "target") or sides(actors, "target") & sides(others, "source"))
