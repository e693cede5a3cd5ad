"""A meeting told in the present over a plan of it: "All eyes on A and B as they meet at
the summit" / "A and B meet in person for the first time on Friday", where the article also
says the meeting will take place ("will have to leave early to make the meeting"). The
present of a preview is the timetable's, not the report's: the meeting is planned (issue
14, family 2). A meeting told in the past anywhere ("met", "held talks", "have met") or as
under way ("are holding talks", "have begun their summit") stays reported.

Pure functions over spaCy tokens (the evidence's trigger words)."""

from __future__ import annotations

from collections.abc import Iterable

_PRESENT_SIMPLE = ("VBP", "VBZ")
_CLAUSE_NOUN_DEPS = ("dobj", "obj", "nsubj", "nsubjpass", "pobj")


def clause_verb(trigger):
    """The verb whose tense tells a trigger's: the trigger itself when a verb; for a noun,
    the verb it is the subject or object of (through one preposition); None for a noun that
    hangs on no verb ("Smith-Larsen Summit")."""
    if trigger.pos_ in ("VERB", "AUX"):
        return trigger
    head = trigger.head
    if trigger.dep_ == "pobj" and head.dep_ == "prep":
        head = head.head
    elif trigger.dep_ not in _CLAUSE_NOUN_DEPS:
        return None
    return head if head.pos_ in ("VERB", "AUX") and head.i != trigger.i else None


def told_as_timetable(verb) -> bool:
    """Whether a clause verb is in the simple present with no auxiliary ("as they meet",
    "meet in person on Friday", "holds talks"): the tense of a timetable or of a headline;
    not a past, a perfect or a progressive ("are holding talks": under way)."""
    return verb.tag_ in _PRESENT_SIMPLE and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def only_timetable(triggers: Iterable, looking_ahead) -> bool:
    """Whether a meeting's triggers that sit in a clause are all told as a timetable (see
    `told_as_timetable`), at least one of them, leaving out a clause whose sentence looks
    ahead to the meeting (`looking_ahead(sentence)`: "shook hands ahead of the talks")."""
    verbs = [v for t in triggers if (v := clause_verb(t)) is not None and not looking_ahead(t.sent)]
    return bool(verbs) and all(told_as_timetable(v) for v in verbs)
