"""Pass 1 of actor resolution, names: a full name or alias in the KB, a variant spelling,
a name part of a person named earlier, a surname only one KB person in office holds."""

from __future__ import annotations

import datetime as dt
from collections import Counter

from rapidfuzz import fuzz, process

from ..kb import Actor, KnowledgeBase, name_key
from .actor_lexicon import ActorPatterns
from .actor_records import Candidate, name_parts, offices_of


# ---- pass 1: names --------------------------------------------------------------------------


def resolve_names(
    candidates: list[Candidate], kb: KnowledgeBase, patterns: ActorPatterns, day: dt.date | None
) -> None:
    """Pass 1: each PERSON candidate by its name (KB alias, earlier name part, surname in
    office on `day`, variant spelling, a name NER ran into the next words)."""
    named: list[tuple[str, set[str]]] = []  # (actor id, name parts) of persons named so far
    surnames = Counter(name_key(c.text).split()[-1] for c in candidates if c.label == "PERSON" and name_key(c.text))
    own_surnames = unknown_full_names(candidates, kb, patterns.particles)
    for index, c in enumerate(candidates):
        if c.label != "PERSON" or c.value is not None:
            if c.label == "PERSON" and c.value:
                named.append((c.value, name_parts(c.text)))
            continue
        key = name_key(c.text)
        parts = key.split()
        if len(parts) == 2 and parts[0] in patterns.particles and key not in kb.names:  # "El-Sisi": Sisi
            key, parts = parts[1], parts[1:]
        title = candidates[index - 1] if index and candidates[index - 1].title_of == index else None
        if key in kb.names and len(kb.names[key]) == 1:
            c.value, c.method, c.confidence = kb.names[key][0], "alias", 0.95
        elif len(parts) == 1:
            earlier = _most_named([actor for actor, name_parts in named if key in name_parts])
            if earlier:
                c.value, c.method, c.confidence = earlier, "name-part", 0.9
            elif key not in own_surnames:
                _by_surname(c, key, kb, patterns, day, title)
        else:
            _by_variant(c, parts, kb, patterns) or (surnames[parts[-1]] < 2 and _by_known_prefix(c, parts, kb, named, patterns.particles))
        if c.value and kb.actors.get(c.value, Actor("", "", "person")).kind == "person":
            named.append((c.value, name_parts(c.text) | name_parts(kb.actors[c.value].name)))


def unknown_full_names(candidates: list[Candidate], kb: KnowledgeBase, particles: frozenset[str] = frozenset()) -> set[str]:
    """The last words of the full names an article gives persons the KB does not know
    ("ex-congresswoman Ana Ruiz"): that article's bare "Ruiz" is her, not a KB person of
    that surname. A full name with a KB person's given name and surname (a variant spelling
    of that person), or a surname with its particle ("El-Sisi"), claims nothing."""
    claimed = set()
    for c in candidates:
        parts = name_key(c.text).split() if c.label == "PERSON" else []
        if len(parts) < 2 or c.value is not None or name_key(c.text) in kb.names or parts[0] in particles:
            continue
        namesakes = kb.surnames.get(parts[-1], ())
        if not any(name_key(kb.actors[a].name).split()[0] == parts[0] for a in namesakes):
            claimed.add(parts[-1])
    return claimed


def _most_named(actors: list[str]) -> str | None:
    """Of the persons a name part fits, the one named most often so far (ties: the latest)."""
    if not actors:
        return None
    counts = Counter(actors)
    return max(reversed(actors), key=lambda actor: counts[actor])


def _by_known_prefix(
    c: Candidate, parts: list[str], kb: KnowledgeBase, named: list[tuple[str, set[str]]], particles: frozenset[str]
) -> bool:
    """A name NER ran into the next words ("Blinken Meets With"): its first word alone. Not
    when the article names the person by the last word elsewhere ("Yahya Jammeh ... Mr
    Jammeh": a full name whose given name is someone else's surname), nor, unnamed before,
    for a KB surname written with its particle ("Al-Hakim": "Hakim Musa" is another man)."""
    first = parts[0]
    surname_of = set(kb.surnames.get(first, ()))
    known = _most_named([actor for actor, _ in named if actor in surname_of])
    if known is None and len(surname_of) == 1:
        known = next(iter(surname_of))
        words = name_key(kb.actors[known].name).split()
        known = None if len(words) > 2 and words[-2] in particles else known
    if known is not None:
        c.value, c.method, c.confidence = known, "name-part", 0.7
    return known is not None


def _by_surname(
    c: Candidate,
    key: str,
    kb: KnowledgeBase,
    patterns: ActorPatterns,
    day: dt.date | None,
    title: Candidate | None,
) -> None:
    """A bare surname: the one KB person with it in office on the date (and in the title's office)."""
    ids = set(kb.surnames.get(key, ())) | set(kb.ambiguous_names.get(key, ()))
    ids |= {a for a in kb.names.get(key, ()) if kb.actors[a].kind == "person"}
    ids |= set(patterns.family_names.get(key, ()))
    offices = offices_of(title) if title is not None and title.offices else tuple({o for o, _ in kb.titles.get(name_key(c.titled), ())}) if c.titled else ()
    by_given = set()
    if offices and day is not None:  # "King Salman", "President Isaias": a given name and a title, in office
        by_given = {i for i in patterns.given_names.get(key, ()) if i not in ids and kb.actors[i].roles_on(day)}
        ids |= by_given
    people = [kb.actors[i] for i in sorted(ids)]
    if offices:
        country = title.country if title is not None else None
        people = [
            p for p in people if any(r.office in offices and (not country or r.seat == country) for r in p.roles_on(day))
        ] or [p for p in people if p.id not in by_given]
    if day is not None:
        current = [p for p in people if p.roles_on(day)]
        people = current or people
    if len(people) == 1 and not _first_name_out_of_office(people[0], key, patterns, day, bool(offices)):
        c.value, c.method, c.confidence = people[0].id, "surname", 0.7


def _first_name_out_of_office(person: Actor, key: str, patterns: ActorPatterns, day: dt.date | None, titled: bool) -> bool:
    """Whether a bare word is as likely a first name ("her husband Richard") as the surname
    of the one KB person who bears it: other KB persons have it as their given name, and
    that person holds no office on the article's day (no title says who is meant)."""
    others = set(patterns.given_names.get(key, ())) - {person.id}
    return bool(others) and not titled and (day is None or not person.roles_on(day))


_LONG_WORD_VARIANT = 75  # "Bolsanoro" for "Bolsonaro": two letters swapped in a long word


def _variant_scores(scores: list[float], parts: list[str]) -> bool:
    """Whether word-by-word spelling scores make a variant of a name: at most one word not
    identical, close (80) in spelling; a long word (8 letters or more) beside an identical
    one may be a little further off (two vowels swapped)."""
    differing = [(score, part) for score, part in zip(scores, parts, strict=True) if score < 100]
    if len(differing) > 1:
        return False
    if not differing:
        return True
    score, part = differing[0]
    return score >= 80 or score >= _LONG_WORD_VARIANT and len(part) >= 8 and len(parts) >= 2


def _by_variant(c: Candidate, parts: list[str], kb: KnowledgeBase, patterns: ActorPatterns) -> bool:
    """A full name spelled otherwise than the KB ("Antony Blinkin"): every word close in
    spelling to the KB name's word in the same place, at most one word not identical; else
    the one KB person whose name it is without its last word ("Abdi Yusuf" for "Abdi Yusuf
    Hassan")."""
    close = process.extract(parts[-1], patterns.surnames, scorer=fuzz.ratio, score_cutoff=_LONG_WORD_VARIANT, limit=5)
    pool = {actor for surname, _, _ in close for actor in kb.surnames[surname]}
    pool |= set(kb.surnames.get(parts[0], ()))
    best, best_score = None, 0.0
    shortened: set[str] = set()  # "Abdi Yusuf Hassan" written "Abdi Yusuf": the last name dropped
    for actor_id in sorted(pool):
        actor = kb.actors[actor_id]
        for name in (actor.name, *actor.aliases):
            words = name_key(name).split()
            if len(words) == len(parts) + 1 and len(parts) >= 2:
                scores = [fuzz.ratio(a, b) for a, b in zip(parts, words[: len(parts)], strict=True)]
                if _variant_scores(scores, parts):
                    shortened.add(actor_id)
            if len(words) != len(parts):
                continue
            scores = [fuzz.ratio(a, b) for a, b in zip(parts, words, strict=True)]
            if _variant_scores(scores, parts) and sum(scores) > best_score:
                best, best_score = actor_id, sum(scores)
    if best is None and len(shortened) == 1:
        best = shortened.pop()
    if best is not None:
        c.value, c.method, c.confidence = best, "variant", 0.85
    return best is not None
