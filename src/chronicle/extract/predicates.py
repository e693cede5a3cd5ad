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


def reported_clause_says(verb, phrases) -> bool:
    """Whether a clause `verb` reports (its `ccomp`: "said [that X was behind the attack]",
    "'X must leave,' he said") holds one of `phrases` (tuples of lower-case words) among its
    own words, not those of a clause nested deeper ("said he knew who was behind it"
    does, through the nested clause, not count). A clause about the speaker's own side
    ("said we must remain calm", "I was to blame") blames or asks no one else."""
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and not _first_person_subject(c)):
        words = [t.lower_ for t in _own_words(clause)]
        if any(tuple(words[i : i + len(p)]) == p for p in phrases for i in range(len(words) - len(p) + 1)):
            return True
    return False


def _own_words(clause) -> list:
    """The words of a clause without the clauses nested in it, in text order."""
    words, stack = [], [clause]
    while stack:
        node = stack.pop()
        words.append(node)
        stack.extend(c for c in node.children if c.dep_ not in ("ccomp", "advcl", "relcl", "csubj", "acl"))
    return sorted(words, key=lambda t: t.i)


def _first_person_subject(clause) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass") and "1" in c.morph.get("Person") for c in clause.children)
