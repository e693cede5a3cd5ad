"""Who did what the type classifier proposes (issue 15), where its own frame names no one: a
proposed trigger that lies below another clause ("Abbas said the Palestinians never rejected
talks") takes as its source the subject of the nearest clause above it that has one; a pronoun
subject or possessor ("X says that it is firm in its support") the state, organization or
group it refers back to, in its sentence or the article's sentences before. (Taking the one
actor a sentence names, failing those, was measured and not kept: in articles that actor is
the speaker or the newspaper more often than the doer.)

Pure functions over spaCy tokens."""

from __future__ import annotations

from collections.abc import Set

from chronicle.extract.anaphors import antecedents

ACTOR_KINDS = frozenset({"country", "organization", "group"})  # what "it", "they" may stand for (persons: the meeting rules)

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


def proposal_sources(token, actors, sentences: int) -> list:
    """The sources of a proposed event at `token` whose frame names no one (`actors`: the
    article's `ArticleActors`): a noun's possessor ("its support"), its own or the governing
    clause's subject (a passive one over an open complement: "was forced to resign"), a
    pronoun's antecedent within `sentences` before; [] when none."""
    own = [c for c in token.children if c.dep_ in ("nsubj", "poss")]
    off_root = token.i != token.sent.root.i
    subjects = own + ((governing_subjects(token) or passive_governor(token)) if off_root else [])
    for subject in subjects:
        if found := actors.of(subject, "source"):
            return found
    for subject in subjects:
        if subject.pos_ == "PRON" and "3" in subject.morph.get("Person"):
            if found := antecedents(subject, ACTOR_KINDS, sentences, lambda s: actors.of(s, "source")):
                return found
    return []


def passive_governor(token) -> list:
    """The passive subject of the verb whose open complement `token` is ("the minister was
    forced to resign": the minister); [] otherwise."""
    if token.dep_ != "xcomp":
        return []
    return [c for c in token.head.children if c.dep_ == "nsubjpass"]

