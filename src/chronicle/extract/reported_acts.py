"""Acts the article reports as done, whatever their modality words say: a finite verb in
the simple past (`told_in_past`) or in the perfect (`told_in_perfect`); the period of acts
told as repeated (`repeated_period`: a day known only from publication widens to its month)."""

from __future__ import annotations

from dataclasses import replace


def told_in_past(verb) -> bool:
    """A finite verb in the simple past, the clause's own ("Ukraine rejected the ultimatum on
    Monday"): it reports a past act, whatever a weekday resolved after publication says."""
    return verb.tag_ == "VBD" and verb.dep_ in ("ROOT", "conj", "ccomp") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def told_in_perfect(verb, perfect_auxiliaries=frozenset({"has", "have", "had"})) -> bool:
    """A finite verb in the present or past perfect and nothing else, the clause's own ("X has
    repeatedly ruled out the demand"): acts the article reports as done, however often."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "conj", "ccomp") and bool(auxiliaries) and all(
        a in perfect_auxiliaries for a in auxiliaries)


def repeated_period(time):
    """The time of acts told as repeated ("repeatedly fired tear gas"): a day known only from
    publication or another event widens to its month; a date of their own stays."""
    if not time.value or len(time.value) != 10 or not time.rule.startswith(("published", "main-event")):
        return time
    return replace(time, value=time.value[:7], end=None, precision="month", rule=f"repeated:{time.rule}")
