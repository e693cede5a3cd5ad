"""The event lexicon: triggers, modality and place words read from `data/events.yaml` and
`data/triggers.yaml` into frozen records (what a trigger is, the words that qualify it),
with the word lists the steps of extract/ read beside them (`data/roles.yaml`,
`sectors.yaml`, `sides.yaml`, `retold.yaml`, `crowds.yaml`, `function_words.yaml`). One `EventLexicon` is loaded
per worker with the resources and passed down: no step reads a data file of its own.

A user's lexicon is a directory holding any of `LEXICON_FILES` (`Settings.lexicon`,
`CHRONICLE_LEXICON`): each file there replaces the packaged file of its name, whole.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from chronicle.data import code_set, load_yaml, word_set
from chronicle.errors import UsageError
from chronicle.function_words import FunctionWords, load_function_words
from chronicle.extract.crowds import CrowdWords, load_crowd_words
from chronicle.extract.records import DEFAULT_TARGET_PREPS, Modality, PlaceWords, ROLES, Trigger
from chronicle.extract.retold import RetoldWords, load_retold_words
from chronicle.extract.role_words import RoleWords, load_role_words
from chronicle.extract.sides_words import SideWords, load_side_words
from chronicle.resolve.generic_actors import Sectors, load_sectors

# the data files a user's lexicon directory may replace, each whole
LEXICON_FILES = ("events.yaml", "triggers.yaml", "roles.yaml", "sectors.yaml", "sides.yaml", "retold.yaml", "crowds.yaml",
                 "function_words.yaml")


PARTICLE_DEPS = ("prt", "advmod")  # "sat down", "brought them together": the parser gives either


def load_place_words(path: Path | str | None = None, grammar: FunctionWords | None = None) -> PlaceWords:
    """The `event_places` section of data/landmarks.yaml (or the given file), with the
    function words (`grammar`, else the packaged ones)."""
    data = load_yaml("landmarks.yaml", path).get("event_places") or {}
    return PlaceWords(
        locatives=_words(data.get("locatives")),
        destinations=_words(data.get("destinations")),
        nouns=_words(data.get("nouns")),
        surfaces=_words(data.get("surfaces")),
        arrivals=_words(data.get("arrivals")),
        topics=_words(data.get("topics")),
        departures=_words(data.get("departures")),
        departure_words=_words(data.get("departure_words")),
        sequels=_words(data.get("sequels")),
        subject_preps=_words(data.get("subject_preps")),
        grammar=grammar or load_function_words(),
    )


@dataclass(frozen=True)
class EventLexicon:
    """The ontology, the trigger lexicon and the modality words, loaded once per worker."""

    types: Mapping[str, dict]
    triggers: Mapping[tuple[str, str], tuple[Trigger, ...]]  # (lemma, pos) -> entries
    modality: Modality
    group_nouns: frozenset[str]
    support_verbs: frozenset[str]
    attendance_prepositions: tuple[tuple[str, ...], ...]
    plural_referents: frozenset[str]
    plural_possessives: frozenset[str]
    container_nouns: frozenset[str]
    anonymous_types: frozenset[str]
    person_nouns: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    places: PlaceWords = field(default_factory=lambda: PlaceWords())
    travel_verbs: frozenset[str] = frozenset()
    visit_words: frozenset[str] = frozenset()
    granting_verbs: frozenset[str] = frozenset()
    position_words: frozenset[str] = frozenset()
    aspect_auxiliaries: frozenset[str] = frozenset()
    multilateral_words: frozenset[str] = frozenset()
    sequence_verbs: frozenset[str] = frozenset()  # "the meeting was preceded by talks with X"
    sequence_determiners: frozenset[str] = frozenset()  # "the meeting", "that meeting": the one referred back to
    articles: frozenset[str] = frozenset()  # "the", "a": skipped when matching an attendance phrase
    pair_words: frozenset[str] = frozenset()  # "the two leaders", "both sides": a plural referent of two
    minister_referents: frozenset[str] = frozenset()  # "the two ministers": ministers too, not only the leaders
    purpose_prepositions: frozenset[str] = frozenset()  # "flew to Oslo for talks": the aim of a trip (extract/trips.py)
    plural_pronouns: frozenset[str] = frozenset()  # "we had a good call": the last event's actors
    gathered_pronouns: frozenset[str] = frozenset()  # "brought them together": the last event's actors
    government_led: frozenset[str] = frozenset()  # ISO3 of countries led by the head of government
    referent_counts: Mapping[str, int] = field(default_factory=dict)  # "the three leaders": 3
    inclusion_words: frozenset[str] = frozenset()  # "met X and his deputies, including Y": Y
    sectors: Sectors = field(default_factory=load_sectors)  # generic actors' sectors (data/sectors.yaml)
    roles: RoleWords = field(default_factory=load_role_words)  # argument frames (data/roles.yaml)
    sides: SideWords = field(default_factory=load_side_words)  # who acts when a nearby phrase says (data/sides.yaml)
    retold: RetoldWords = field(default_factory=load_retold_words)  # "ratified the request" (data/retold.yaml)
    crowds: CrowdWords = field(default_factory=load_crowd_words)  # a crowd's violent act (data/crowds.yaml)
    grammar: FunctionWords = field(default_factory=load_function_words)  # "of", "by", "to" (data/function_words.yaml)

    def modes(self, type_: str) -> set[str]:
        return set((self.types.get(type_) or {}).get("modes") or {})


_words = word_set  # a word list of the lexicon's files, lower-cased


def _phrases(items) -> tuple[tuple[str, ...], ...]:
    return tuple(tuple(str(item).lower().split()) for item in items or ())


def _trigger(entry: dict, types: Mapping[str, dict], where: str) -> Trigger:
    type_ = entry.get("type")
    if type_ not in types:
        raise ValueError(f"{where}: unknown event type {type_!r}")
    mode = entry.get("mode")
    if mode is not None and mode not in ((types[type_] or {}).get("modes") or {}):
        raise ValueError(f"{where}: {type_} has no mode {mode!r}")
    roles = entry.get("roles", "directed")
    if roles not in ROLES:
        raise ValueError(f"{where}: roles must be one of {ROLES}, not {roles!r}")
    pos = entry.get("pos", "VERB")
    if pos not in ("VERB", "NOUN"):
        raise ValueError(f"{where}: pos must be VERB or NOUN, not {pos!r}")
    if not entry.get("lemma"):
        raise ValueError(f"{where}: a trigger needs a lemma")
    for key in ("particle", "prep", "lemma"):
        if isinstance(entry.get(key), bool):  # YAML reads a bare on/off/yes/no as a boolean
            raise ValueError(f"{where}: {key} is {entry[key]!r}: quote it (\"on\", \"off\")")
    return Trigger(
        type=type_,
        lemma=str(entry["lemma"]).lower(),
        pos=pos,
        mode=mode,
        words=_phrases(entry.get("words")),
        object=_words(entry.get("object")),
        object_not=_words(entry.get("object_not")),
        particle=(entry.get("particle") or None),
        prep=(entry.get("prep") or None),
        complement=bool(entry.get("complement", False)),
        complement_lemmas=_words(entry["complement"]) if isinstance(entry.get("complement"), list) else frozenset(),
        absorbs=bool(entry.get("absorbs", False)),
        any_channel=bool(entry.get("any_channel", False)),
        clause_words=_phrases(entry.get("clause_words")),
        aimed=bool(entry.get("aimed", False)),
        modifiers_not=_words(entry.get("modifiers_not")),
        preps_not=_words(entry.get("preps_not")),
        not_as_modifier=bool(entry.get("not_as_modifier", False)),
        roles=roles,
        target_preps=_words(entry.get("target_preps") or DEFAULT_TARGET_PREPS[roles]),
        confidence=float(entry.get("confidence", 0.7)),
    )


def lexicon_files(directory: Path | str | None) -> dict[str, Path]:
    """The files of a user's lexicon directory that replace packaged ones, by name (none
    without a directory); a directory that does not exist is an error."""
    if directory is None or str(directory) == "":
        return {}
    root = Path(directory)
    if not root.is_dir():
        raise UsageError(f"lexicon directory {root} does not exist")
    return {name: root / name for name in LEXICON_FILES if (root / name).is_file()}


def lexicon_inputs(directory: Path | str | None) -> list[str | bytes]:
    """The names and bytes of a user's lexicon files: what a compiled entry and the
    pipeline version are keyed by besides the packaged files."""
    return [part for name, path in sorted(lexicon_files(directory).items()) for part in (name, path.read_bytes())]


def load_event_lexicon(events: Path | str | None = None, triggers: Path | str | None = None,
                       directory: Path | str | None = None) -> EventLexicon:
    """Read `data/events.yaml`, `data/triggers.yaml` and the word lists beside them: the
    given files, else those of a user's lexicon `directory`, else the packaged ones."""
    user = lexicon_files(directory)
    grammar = load_function_words(user.get("function_words.yaml"))
    ontology = load_yaml("events.yaml", events or user.get("events.yaml"))
    types = ontology.get("types") or {}
    index: dict[tuple[str, str], list[Trigger]] = {}
    for number, entry in enumerate(load_yaml("triggers.yaml", triggers or user.get("triggers.yaml")).get("triggers") or [], 1):
        trigger = _trigger(entry, types, f"triggers entry {number}")
        index.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    return EventLexicon(
        types=types,
        triggers={key: tuple(entries) for key, entries in index.items()},
        modality=_modality_words(ontology, grammar),
        group_nouns=_words(ontology.get("group_nouns")),
        support_verbs=_words(ontology.get("support_verbs")),
        granting_verbs=_words(ontology.get("granting_verbs")),
        attendance_prepositions=_phrases(ontology.get("attendance_prepositions")),
        plural_referents=_words(ontology.get("plural_referents")),
        plural_possessives=_words(ontology.get("plural_possessives")),
        plural_pronouns=_words(ontology.get("plural_pronouns")),
        gathered_pronouns=_words(ontology.get("gathered_pronouns")),
        container_nouns=_words(ontology.get("container_nouns")),
        anonymous_types=_words(t.lower() for t in ontology.get("anonymous_types") or ()),
        person_nouns=_words(ontology.get("person_nouns")),
        collective_nouns=_words(ontology.get("collective_nouns")),
        places=load_place_words(grammar=grammar),
        travel_verbs=_words(ontology.get("travel_verbs")),
        visit_words=_words(ontology.get("visit_words")),
        position_words=_words(ontology.get("position_words")),
        aspect_auxiliaries=_words(ontology.get("aspect_auxiliaries")),
        multilateral_words=_words(ontology.get("multilateral_words")),
        sequence_verbs=_words(ontology.get("sequence_verbs")),
        sequence_determiners=_words(ontology.get("sequence_determiners")),
        articles=_words(ontology.get("articles")),
        pair_words=_words(ontology.get("pair_words")),
        minister_referents=_words(ontology.get("minister_referents")),
        purpose_prepositions=_words(ontology.get("purpose_prepositions")),
        government_led=code_set(load_yaml("resolve.yaml").get("government_led")),
        referent_counts={str(k).lower(): int(v) for k, v in (ontology.get("referent_counts") or {}).items()},
        inclusion_words=_words(ontology.get("inclusion_words")),
        sectors=load_sectors(user.get("sectors.yaml")),
        roles=load_role_words(user.get("roles.yaml")),
        sides=load_side_words(user.get("sides.yaml")),
        retold=load_retold_words(user.get("retold.yaml")),
        crowds=load_crowd_words(user.get("crowds.yaml")),
        grammar=grammar,
    )


def _modality_words(ontology: dict, grammar: FunctionWords) -> Modality:
    """The modality section of `data/events.yaml` (and its travel verbs), with the function words."""
    words = ontology.get("modality") or {}
    return Modality(
        negations=_words(words.get("negations")),
        hypothetical_auxiliaries=_words(words.get("hypothetical_auxiliaries")),
        conditional_markers=_words(words.get("conditional_markers")),
        speech_verbs=_words(words.get("speech_verbs")),
        cancel_verbs=_words(words.get("cancel_verbs")),
        cancel_phrasal=frozenset(tuple(p) for p in _phrases(words.get("cancel_phrasal"))),
        prospective_governors=_words(words.get("prospective_governors")),
        hypothetical_governors=_words(words.get("hypothetical_governors")),
        negating_governors=_words(words.get("negating_governors")),
        purpose_governors=_words(words.get("purpose_governors")),
        intent_nouns=_words(words.get("intent_nouns")),
        possibility_nouns=_words(words.get("possibility_nouns")),
        prospective_prepositions=_phrases(words.get("prospective_prepositions")),
        anterior_prepositions=_phrases(words.get("anterior_prepositions")),
        posterior_prepositions=_phrases(words.get("posterior_prepositions")),
        prospective_modifiers=_words(words.get("prospective_modifiers")),
        hypothetical_modifiers=_words(words.get("hypothetical_modifiers")),
        affirming_negations=_phrases(words.get("affirming_negations")),
        pending_markers=_words(words.get("pending_markers")),
        travel_verbs=_words(ontology.get("travel_verbs")),
        plan_nouns=_words(words.get("plan_nouns")),
        repeat_words=_words(words.get("repeat_words")),
        habitual_adverbs=_words(words.get("habitual_adverbs")),
        occasion_nouns=_words(words.get("occasion_nouns")),
        aggregate_quantifiers=_words(words.get("aggregate_quantifiers")),
        aggregate_nouns=_words(words.get("aggregate_nouns")),
        meal_words=_words(words.get("meal_words")),
        historical_days=int(words.get("historical_days", 30)),
        occasion_counts={str(k).lower(): int(v) for k, v in (words.get("occasion_counts") or {}).items()},
        inviting_governors=_words(words.get("inviting_governors")),
        return_adverbs=_words(words.get("return_adverbs")),
        condition_markers=_words(words.get("condition_markers")),
        planning_verbs=_words(words.get("planning_verbs")),
        considering_verbs=_words(words.get("considering_verbs")),
        requesting_verbs=_words(words.get("requesting_verbs")), requesting_preps=_words(words.get("requesting_preps")),
        alleging_verbs=_words(words.get("alleging_verbs")), alleging_preps=_words(words.get("alleging_preps")),
        refusing_verbs=_words(words.get("refusing_verbs")),
        refusing_phrasal=frozenset(tuple(p) for p in _phrases(words.get("refusing_phrasal"))),
        refusable_types=code_set(words.get("refusable_types")),
        refused_types={str(k).upper(): str(v).upper() for k, v in (words.get("refused_types") or {}).items()},
        present_modifiers=_words(words.get("present_modifiers")),
        continuation_words=_words(words.get("continuation_words")),
        sequel_prepositions=_words(words.get("sequel_prepositions")), sequel_nouns=_words(words.get("sequel_nouns")),
        recall_markers=_words(words.get("recall_markers")),
        perfect_auxiliaries=_words(words.get("perfect_auxiliaries")),
        setting_nouns=_words(words.get("setting_nouns")),
        preventing_governors=_words(words.get("preventing_governors")),
        cancel_copulas=_words(words.get("cancel_copulas")),
        grammar=grammar,
    )
