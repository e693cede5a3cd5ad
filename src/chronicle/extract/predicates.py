"""Events told by a copula and an adjective (issue 19, family "no mention of the type"):
"X has been critical of Y" (ACCUSE), "X was supportive of Y" (SUPPORT), "X found the plan
unacceptable" (REJECT). The adjective plays the part of a light verb's object noun: the
lexicon lists it under `object:` of the verb ("be", "remain", "find" ...), and its own
prepositions ("critical of Y") give the targets, as "held talks with Y" does."""

from __future__ import annotations

_PREDICATE_DEPS = ("acomp", "oprd", "ccomp")  # ccomp: "found the plan unacceptable" as parsed


def predicate_adjectives(token) -> list:
    """The adjectives `token` predicates of its subject or object: "was [critical] of",
    "found the timetable [unacceptable]"; none for an attributive adjective ("a critical
    report") or a verb without one."""
    return [child for child in token.children if child.dep_ in _PREDICATE_DEPS and child.pos_ == "ADJ"]
