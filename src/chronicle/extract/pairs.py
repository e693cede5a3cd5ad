"""Which pair "the two leaders" means (issue 14, family 3): the last two persons named
near the description, unless one of them is a passing mention of an earlier paragraph (named
in one sentence of the article so far), in which case the article's principal pair: "X landed for a
summit with Y ... Z had visited Beijing the week before. // On Saturday, the two leaders will
hold talks": X and Y, not X and Z. A person named once in the description's own paragraph
("Y later met Z in Kampala, and the two leaders signed a deal") stays its referent.

Pure functions over the article's resolved actor mentions (`Mention`: value, start, label).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Sequence

NAMING_LABELS = ("PERSON", "ROLE")  # a name or a title: pronouns do not make a person principal


def paragraph_start(text: str, offset: int) -> int:
    """Where the paragraph holding `offset` begins: after the last line break before it."""
    return text.rfind("\n", 0, offset) + 1


def naming_counts(mentions: Sequence, before: int, is_person: Callable[[str], bool],
                  sentence_starts: Sequence[int] = ()) -> Counter:
    """In how many sentences (starting at `sentence_starts`, sorted) each person is named, by
    a name or a title, before the offset `before`: "Ugandan President Yoweri Museveni" once."""
    named = {(m.value, bisect_right(sentence_starts, m.start)) for m in mentions
             if m.start < before and m.value and m.label in NAMING_LABELS and is_person(m.value)}
    return Counter(person for person, _ in named)


def principal_pair(picked: Sequence[str], mentions: Sequence, before: int, paragraph: int,
                   is_person: Callable[[str], bool], sentence_starts: Sequence[int] = ()) -> list[str] | None:
    """The pair a plural description means instead of `picked` (the two persons named last
    before it), or None to keep `picked`: when one of them is named once so far, and not in
    the description's paragraph (from offset `paragraph`), and the two persons most named so
    far (in most sentences; the first named first) are another pair, that pair."""
    if len(picked) != 2:
        return None
    counts = naming_counts(mentions, before, is_person, sentence_starts)
    in_paragraph = {m.value for m in mentions if paragraph <= m.start < before}
    passing = [p for p in picked if counts[p] <= 1 and p not in in_paragraph]
    if not passing:
        return None
    first_named = {}
    for m in sorted(mentions, key=lambda m: m.start):
        first_named.setdefault(m.value, m.start)
    ranked = sorted(counts, key=lambda p: (-counts[p], first_named.get(p, before), p))[:2]  # the id breaks ties: no hash order
    if len(ranked) < 2 or set(ranked) == set(picked):
        return None
    return ranked
