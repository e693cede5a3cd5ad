"""The event lexicon's records: a trigger (`Trigger`) and the words that qualify a
mention's modality (`Modality`) and place (`PlaceWords`), frozen, read from data."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from chronicle.function_words import FunctionWords




ROLES = ("directed", "symmetric", "visit", "host")
DEFAULT_TARGET_PREPS = {  # by role scheme: "met with X", "visited X", "sanctions against X"
    "directed": ("against", "on", "with", "to", "at", "from", "for"),
    "symmetric": ("with", "alongside"),
    "visit": ("to", "with"),
    "host": ("with", "to"),
}




@dataclass(frozen=True)
class Trigger:
    """One entry of the trigger lexicon (see docs/events.md)."""

    type: str
    lemma: str
    pos: str = "VERB"
    mode: str | None = None
    words: tuple[tuple[str, ...], ...] = ()
    object: frozenset[str] = frozenset()
    object_not: frozenset[str] = frozenset()
    particle: str | None = None
    prep: str | None = None
    complement: bool = False  # needs an open complement: "asked X [to release] ..."
    complement_lemmas: frozenset[str] = frozenset()  # ... with one of these verbs: "ordered X [to withdraw]"
    absorbs: bool = False  # its object noun is the same act, whatever the noun's own type ("lodged a protest")
    any_channel: bool = False  # says nothing of the channel ("spoke with X"): may be the call another mention reports
    clause_words: tuple[tuple[str, ...], ...] = ()  # words its reported clause holds: "said [X was behind] it"
    modifiers_not: frozenset[str] = frozenset()  # not when a modifier of the noun is one of these or a nationality ("air strike", "Israeli strike")
    preps_not: frozenset[str] = frozenset()  # not with one of these prepositions on it ("a strike on the consulate")
    not_as_modifier: bool = False  # not as a participle describing a noun ("soldiers stationed at the school", "a national working with the UN")
    aimed: bool = False  # fires only aimed at someone: a target preposition on the verb or its object ("fired missiles at X")
    roles: str = "directed"
    target_preps: frozenset[str] = frozenset(DEFAULT_TARGET_PREPS["directed"])
    confidence: float = 0.7

    @property
    def specificity(self) -> int:
        return (bool(self.words) + bool(self.object) + bool(self.particle) + bool(self.prep) + self.complement
                + bool(self.complement_lemmas) + bool(self.clause_words))


@dataclass(frozen=True)
class Modality:
    """The words that make an event mention negated, hypothetical, planned or historical."""

    negations: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    conditional_markers: frozenset[str]
    speech_verbs: frozenset[str]
    cancel_verbs: frozenset[str]
    cancel_phrasal: frozenset[tuple[str, str]]
    prospective_governors: frozenset[str]
    hypothetical_governors: frozenset[str]
    negating_governors: frozenset[str]
    purpose_governors: frozenset[str]  # "was used to airdrop food": the aim of a use
    intent_nouns: frozenset[str]  # "the decision of pulling back": planned
    possibility_nouns: frozenset[str]  # "the threat of sanctions", "the risk of war": hypothetical
    prospective_prepositions: tuple[tuple[str, ...], ...]
    anterior_prepositions: tuple[tuple[str, ...], ...]
    prospective_modifiers: frozenset[str]
    hypothetical_modifiers: frozenset[str]
    affirming_negations: tuple[tuple[str, ...], ...]
    pending_markers: frozenset[str]
    travel_verbs: frozenset[str]
    plan_nouns: frozenset[str]
    repeat_words: frozenset[str]
    habitual_adverbs: frozenset[str]
    occasion_nouns: frozenset[str]
    aggregate_quantifiers: frozenset[str]
    aggregate_nouns: frozenset[str]
    meal_words: frozenset[str]
    historical_days: int
    occasion_counts: Mapping[str, int] = field(default_factory=dict)
    inviting_governors: frozenset[str] = frozenset()
    return_adverbs: frozenset[str] = frozenset()
    condition_markers: frozenset[str] = frozenset()  # "will meet him if he asks": not a plan
    planning_verbs: frozenset[str] = frozenset()  # "scheduled talks" (extract/framing.py)
    considering_verbs: frozenset[str] = frozenset()  # "considering a trip"
    requesting_verbs: frozenset[str] = frozenset()  # "called for a ceasefire": asked for, not done (extract/framing.py)
    requesting_preps: frozenset[str] = frozenset()
    alleging_verbs: frozenset[str] = frozenset()  # "accused X of supporting terrorism": alleged (extract/framing.py)
    alleging_preps: frozenset[str] = frozenset()
    refusing_verbs: frozenset[str] = frozenset()  # "declined a meeting"
    refusing_phrasal: frozenset[tuple[str, str]] = frozenset()  # "ruled out talks"
    refusable_types: frozenset[str] = frozenset()  # the event types a refusal undoes
    refused_types: Mapping[str, str] = field(default_factory=dict)  # "would not recognise": REJECT
    posterior_prepositions: tuple[tuple[str, ...], ...] = ()  # "before holding a press conference"
    present_modifiers: frozenset[str] = frozenset()  # "his current visit"
    continuation_words: frozenset[str] = frozenset()  # "more discussions"
    sequel_prepositions: frozenset[str] = frozenset()  # "after the talks, they plan lunch"
    sequel_nouns: frozenset[str] = frozenset()
    recall_markers: frozenset[str] = frozenset()  # "since May 2018, when they met": the clause is dated (extract/recalled.py)
    perfect_auxiliaries: frozenset[str] = frozenset()  # "had helped": a past perfect dated to a month recalls (extract/recalled.py)
    setting_nouns: frozenset[str] = frozenset()  # "offers a chance for talks": a possibility (extract/framing.py)
    preventing_governors: frozenset[str] = frozenset()  # "dissuaded X from supporting Y": not done (extract/modality.py)
    cancel_copulas: frozenset[str] = frozenset()  # "cancelled what would have been a meeting": looked through (extract/modality.py)
    grammar: FunctionWords = field(default_factory=FunctionWords)  # "of", "to", "from" (data/function_words.yaml)


@dataclass(frozen=True)
class PlaceWords:
    """The words that tie a place to an event (data/landmarks.yaml, `event_places`)."""

    locatives: frozenset[str] = frozenset()  # "met in X", "talks at X"
    destinations: frozenset[str] = frozenset()  # "welcomed X to the White House"
    nouns: frozenset[str] = frozenset()  # "the resort town of X", "the Blue House complex"
    surfaces: frozenset[str] = frozenset()  # "on the shores of X": "on" reads as "at"
    arrivals: frozenset[str] = frozenset()  # "flew to X", "arrived in X", "a trip to X"
    topics: frozenset[str] = frozenset()  # "talks on the situation in Gaza": a subject, not a place
    departures: frozenset[str] = frozenset()  # "withdraw from X": the place left is the event's
    departure_words: frozenset[str] = frozenset()  # the verbs and nouns of leaving that take it
    sequels: frozenset[str] = frozenset()  # "after hosting Y in Z": Z is another occasion's place
    subject_preps: frozenset[str] = frozenset()  # "a report about a visit": the visit has no place of the report's
    grammar: FunctionWords = field(default_factory=FunctionWords)  # "of", "for", "where" (data/function_words.yaml)
