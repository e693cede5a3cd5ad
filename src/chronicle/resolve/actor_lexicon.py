"""What actor resolution reads: the words of `data/resolve.yaml` (`ResolverLexicon`) and
the patterns built once from the KB (`ActorPatterns`: titles, seats, names)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..data import alternation, code_set, load_yaml, word_set
from ..kb import KnowledgeBase, name_key


@dataclass(frozen=True)
class ResolverLexicon:
    """Words the resolver reads, from `data/resolve.yaml`."""

    pronouns: frozenset[str]
    counterparts: frozenset[str]
    determiners: frozenset[str]
    honorifics: frozenset[str]
    agent_dependencies: frozenset[str]
    family_name_first: frozenset[str]
    other_office: frozenset[str]
    same_office: frozenset[str]
    locative: frozenset[str]
    possessives: frozenset[str]
    object_dependencies: frozenset[str]
    title_function_words: frozenset[str]
    feminine_pronouns: frozenset[str] = frozenset()
    feminine_honorifics: frozenset[str] = frozenset()
    masculine_honorifics: frozenset[str] = frozenset()
    ordinal_referents: Mapping[str, int] = field(default_factory=dict)
    possessive_clitics: frozenset[str] = frozenset()  # "Russia's president": the "'s" token
    list_joiners: frozenset[str] = frozenset()  # "the U.S., French and Russian presidents"
    list_determiners: frozenset[str] = frozenset()  # "the U.S. and the Russian presidents"
    title_country_preps: frozenset[str] = frozenset()  # "the presidents of Germany and France"
    ordinal_determiners: frozenset[str] = frozenset()  # "the latter"


def load_lexicon() -> ResolverLexicon:
    """The resolver's words, from `data/resolve.yaml`."""
    data = load_yaml("resolve.yaml")
    words = lambda key: word_set(data.get(key))  # noqa: E731
    return ResolverLexicon(
        pronouns=words("person_pronouns"),
        counterparts=words("counterpart_words"),
        determiners=words("determiners"),
        honorifics=words("honorifics"),
        agent_dependencies=frozenset(data.get("agent_dependencies") or []),
        family_name_first=frozenset(data.get("family_name_first") or []),
        other_office=words("other_office_modifiers"),
        same_office=words("same_office_modifiers"),
        locative=words("locative_prepositions"),
        possessives=words("possessive_pronouns"),
        object_dependencies=frozenset(data.get("object_dependencies") or []),
        title_function_words=words("title_function_words"),
        feminine_pronouns=words("feminine_pronouns"),
        feminine_honorifics=words("feminine_honorifics"),
        masculine_honorifics=words("masculine_honorifics"),
        ordinal_referents={str(k).lower(): int(v) for k, v in (data.get("ordinal_referents") or {}).items()},
        possessive_clitics=words("possessive_clitics"),
        list_joiners=words("list_joiners"),
        list_determiners=words("list_determiners"),
        title_country_preps=words("title_country_preps"),
        ordinal_determiners=words("ordinal_determiners"),
    )


@dataclass(frozen=True)
class ActorPatterns:
    """Regular expressions built once from the KB: titles, seats, modifiers."""

    titles: re.Pattern[str]
    seats: re.Pattern[str]
    family_names: dict[str, tuple[str, ...]]  # first name part of family-name-first persons
    counterparts: frozenset[str]  # name keys of the counterpart words
    leader_words: frozenset[str]  # lower-cased leader words
    surnames: tuple[str, ...]  # the KB's surname keys, for fuzzy look-up
    given_names: dict[str, tuple[str, ...]] = field(default_factory=dict)  # first name part -> persons
    government_led: frozenset[str] = frozenset()  # countries the head of government leads
    particles: frozenset[str] = frozenset()  # "el" of "el-Sisi"
    organizations: re.Pattern[str] | None = None  # the KB's capitalised names of several words


def build_patterns(kb: KnowledgeBase, lexicon: ResolverLexicon) -> ActorPatterns:
    """The patterns and name indexes resolution needs, built once from the KB and the lexicon."""
    titles = [w for words in kb.office_titles.values() for w in words]
    titles += [w for words in kb.country_titles.values() for w in words]
    titles += list(kb.leader_words) + list(lexicon.counterparts)
    seats = [seat for country in kb.countries.values() for seat in country.seats]
    seats = [re.sub(r"^the\s+", "", s, flags=re.IGNORECASE) for s in seats]
    family: dict[str, set[str]] = {}
    given: dict[str, set[str]] = {}
    for actor in kb.actors.values():
        if actor.kind == "person":
            for name in (actor.name, *actor.aliases):
                given.setdefault(name_key(name).split()[0], set()).add(actor.id) if name_key(name) else None
    for actor in kb.actors.values():
        if actor.kind == "person" and actor.country in lexicon.family_name_first:
            for name in (actor.name, *actor.aliases):
                family.setdefault(name_key(name).split()[0], set()).add(actor.id)
    return ActorPatterns(
        family_names={k: tuple(sorted(v)) for k, v in family.items()},
        given_names={k: tuple(sorted(v)) for k, v in given.items()},
        government_led=code_set(load_yaml("resolve.yaml").get("government_led")),
        particles=word_set(load_yaml("resolve.yaml").get("surname_particles")),
        counterparts=frozenset(name_key(w) for w in lexicon.counterparts),
        leader_words=frozenset(w.lower() for w in kb.leader_words),
        surnames=tuple(kb.surnames),
        titles=re.compile(rf"\b(?:{alternation(t.lower() for t in titles)})s?\b", re.IGNORECASE),
        seats=re.compile(rf"\b(?:the\s+)?(?:{alternation(seats)})\b"),
        organizations=_organization_names(kb),
    )


def _organization_names(kb: KnowledgeBase) -> re.Pattern[str] | None:
    """The names of the KB's organizations and groups written in several capitalised words
    ("Economic Community of ..."), and their acronyms of three capitals or more ("ECOWAS"),
    matched as written (case and all): the tagger may miss, cut or take them for nouns."""
    names = [name for actor in kb.actors.values() if actor.kind in ("organization", "group")
             for name in (actor.name, *actor.aliases)
             if (len(name.split()) > 1 and name[:1].isupper() or _acronym(name)) and len(kb.names.get(name_key(name), ())) == 1]
    return re.compile(rf"(?<![\w-])(?:{alternation(names)})(?![\w-])") if names else None


def _acronym(name: str) -> bool:
    """A name written as one word of three capitals or more ("ECOWAS"), not "UN" or "IS"."""
    return len(name) >= 3 and name.isalpha() and name.isupper()
