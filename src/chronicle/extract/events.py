"""PLOVER event mentions from a parsed article: trigger, type and mode, actors with roles,
modality, time, place, confidence and evidence.

Triggers are data (`data/triggers.yaml`): a lemma, its part of speech and the conditions
under which it signals a type. Each trigger's arguments come from the dependency parse
(subject, object, prepositional objects, possessors and modifiers, with conjuncts), and
each argument is the resolved actor mention at that word. Several sentences about the
same event in one article give one event mention with several evidence spans.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from chronicle.data import load_yaml
from chronicle.kb import KnowledgeBase, name_key
from chronicle.model import EventActor, EventMention, Evidence, Mention, Place, RoleEvidence
from chronicle.nlp import doc_text
from chronicle.extract.proposed import governing_subjects
from chronicle.extract.participants import (
    appositive_conjuncts,
    closing_speech_verb,
    included_members,
    for_subject,
    for_to_modality,
    gathered_referents,
    governing_verb,
    position_subject,
    plural_gathered,
    plural_holder,
    quote_opening,
    stranded_object,
)
from chronicle.extract.agents import fired_instrument
from chronicle.extract.arrivals import meets_no_one
from chronicle.extract.coordination import conjunct_targets
from chronicle.extract.figures import obstacle_figure
from chronicle.extract.predicates import predicate_adjectives, reported_clause_says
from chronicle.extract.elsewhere import (
    away_from_main,
    behind_sequel,
    other_city_other_date,
    someone_else_travelled,
    talked_about,
    two_countries,
)
from chronicle.extract.narrative import background_main_time, carried_date, news_perfect_time
from chronicle.extract.framing import alleged, conditioned, framed_as_present, gerund_in_infinitive, imperative, object_modality, occasion_offered, requested, said_before, shares_future
from chronicle.extract.interviews import interview
from chronicle.extract.invitations import inviting_governor, return_invitation
from chronicle.extract.occasions import listed_occasions
from chronicle.extract.meals import meal_agendas, several_meals
from chronicle.extract.recalled import (
    may_date_story, other_month, other_story_day, pluperfect_time, recalled, recalled_apart, recalled_time, told_apart,
)
from chronicle.extract.trips import nominal_purpose, purpose_names_counterpart, unmade_trip
from chronicle.extract.pairs import paragraph_start, principal_pair
from chronicle.extract.previews import only_timetable
from chronicle.extract.headlines import (
    headline_time, in_title_block, lead_paragraph_time, lead_time, undated_page_meeting_time, undated_page_time, written_day,
)
from chronicle.extract.roles import FrameActors, RoleWords, against_modifier, fighting_apart, repeated_period, told_in_past, told_in_perfect, document_issuer, headline_passive, manner_noun, passive_controller, responding_verb, names_field_organ, object_prep_objects, on_other_event, opposed_sides, packaged_role_words, requested_noun, stray_agents, struck_city
from chronicle.extract.seats import seat_place
from chronicle.extract.complements import complement_place
from chronicle.extract.summits import PlacedMeeting, placed_meeting, summit_place
from chronicle.extract.summaries import summarised_by
from chronicle.resolve.generic_actors import Sectors, article_country, load_sectors, untagged_demonym
from chronicle.resolve.page_month import page_month_time
from chronicle.resolve.places import is_dateline
from chronicle.resolve.stays import stay_days
from chronicle.resolve.times import TimeExpression, TimeRules, TimeValue, date_bounds
from chronicle.resolve.timing import (
    attach_time, clause_tense, closing_day, counted_from_report, finite_past, infinitive, news_window, present_news_time, published_time,
    relative_to_event, sequenced_time,
)

PARTICLE_DEPS = ("prt", "advmod")  # "sat down", "brought them together": the parser gives either
ROLES = ("directed", "symmetric", "visit", "host")
DEFAULT_TARGET_PREPS = {  # by role scheme: "met with X", "visited X", "sanctions against X"
    "directed": ("against", "on", "with", "to", "at", "from", "for"),
    "symmetric": ("with", "alongside"),
    "visit": ("to", "with"),
    "host": ("with", "to"),
}
from ..model import HAPPENED  # noqa: E402
# a mention dated only by its publication day stands for the days this close to it
NEWS_WINDOW = dt.timedelta(days=7)
# "more talks" the day after a meeting continue it: a visit's days
VISIT_DAYS = dt.timedelta(days=2)
MAIN_OFFICES = ("head_of_state", "head_of_government", "foreign_minister")
_CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "csubj", "parataxis", "acl", "xcomp", "conj"}


# ----------------------------------------------------------------------------- lexicon


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
    recall_markers: frozenset[str] = frozenset()  # "since May 2018, when they met": the clause is dated (extract/recalled.py)
    perfect_auxiliaries: frozenset[str] = frozenset()  # "had helped": a past perfect dated to a month recalls (extract/recalled.py)
    setting_nouns: frozenset[str] = frozenset()  # "offers a chance for talks": a possibility (extract/framing.py)


@dataclass(frozen=True)
class PlaceWords:
    """The words that tie a place to an event (data/landmarks.yaml, `event_places`)."""

    locatives: frozenset[str] = frozenset({"in", "at", "near", "outside", "inside", "into"})
    destinations: frozenset[str] = frozenset({"to"})  # "welcomed X to the White House"
    nouns: frozenset[str] = frozenset()  # "the resort town of X", "the Blue House complex"
    surfaces: frozenset[str] = frozenset()  # "on the shores of X": "on" reads as "at"
    arrivals: frozenset[str] = frozenset()  # "flew to X", "arrived in X", "a trip to X"
    topics: frozenset[str] = frozenset()  # "talks on the situation in Gaza": a subject, not a place
    departures: frozenset[str] = frozenset()  # "withdraw from X": the place left is the event's
    departure_words: frozenset[str] = frozenset()  # the verbs and nouns of leaving that take it
    sequels: frozenset[str] = frozenset()  # "after hosting Y in Z": Z is another occasion's place
    subject_preps: frozenset[str] = frozenset()  # "a report about a visit": the visit has no place of the report's


def load_place_words(path: Path | str | None = None) -> PlaceWords:
    """The `event_places` section of data/landmarks.yaml (or the given file)."""
    data = load_yaml("landmarks.yaml", path).get("event_places") or {}
    default = PlaceWords()
    return PlaceWords(
        locatives=_words(data.get("locatives")) or default.locatives,
        destinations=_words(data.get("destinations")) or default.destinations,
        nouns=_words(data.get("nouns")),
        surfaces=_words(data.get("surfaces")),
        arrivals=_words(data.get("arrivals")),
        topics=_words(data.get("topics")),
        departures=_words(data.get("departures")),
        departure_words=_words(data.get("departure_words")),
        sequels=_words(data.get("sequels")),
        subject_preps=_words(data.get("subject_preps")),
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
    plural_pronouns: frozenset[str] = frozenset()  # "we had a good call": the last event's actors
    gathered_pronouns: frozenset[str] = frozenset()  # "brought them together": the last event's actors
    government_led: frozenset[str] = frozenset()  # ISO3 of countries led by the head of government
    referent_counts: Mapping[str, int] = field(default_factory=dict)  # "the three leaders": 3
    inclusion_words: frozenset[str] = frozenset()  # "met X and his deputies, including Y": Y
    sectors: Sectors = field(default_factory=load_sectors)  # generic actors' sectors (data/sectors.yaml)
    roles: RoleWords = field(default_factory=packaged_role_words)  # argument frames (data/roles.yaml)

    def modes(self, type_: str) -> set[str]:
        return set((self.types.get(type_) or {}).get("modes") or {})


def _words(items) -> frozenset[str]:
    return frozenset(str(item).lower() for item in items or ())


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
        roles=roles,
        target_preps=_words(entry.get("target_preps") or DEFAULT_TARGET_PREPS[roles]),
        confidence=float(entry.get("confidence", 0.7)),
    )


def load_event_lexicon(events: Path | str | None = None, triggers: Path | str | None = None) -> EventLexicon:
    """Read `data/events.yaml` and `data/triggers.yaml` (or the given files)."""
    ontology = load_yaml("events.yaml", events)
    types = ontology.get("types") or {}
    index: dict[tuple[str, str], list[Trigger]] = {}
    for number, entry in enumerate(load_yaml("triggers.yaml", triggers).get("triggers") or [], 1):
        trigger = _trigger(entry, types, f"triggers entry {number}")
        index.setdefault((trigger.lemma, trigger.pos), []).append(trigger)
    words = ontology.get("modality") or {}
    modality = Modality(
        negations=_words(words.get("negations")),
        hypothetical_auxiliaries=_words(words.get("hypothetical_auxiliaries")),
        conditional_markers=_words(words.get("conditional_markers")),
        speech_verbs=_words(words.get("speech_verbs")),
        cancel_verbs=_words(words.get("cancel_verbs")),
        cancel_phrasal=frozenset(tuple(p) for p in _phrases(words.get("cancel_phrasal"))),
        prospective_governors=_words(words.get("prospective_governors")),
        hypothetical_governors=_words(words.get("hypothetical_governors")),
        negating_governors=_words(words.get("negating_governors")),
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
        refusable_types=frozenset(str(t).upper() for t in words.get("refusable_types") or ()),
        refused_types={str(k).upper(): str(v).upper() for k, v in (words.get("refused_types") or {}).items()},
        present_modifiers=_words(words.get("present_modifiers")),
        continuation_words=_words(words.get("continuation_words")),
        recall_markers=_words(words.get("recall_markers")),
        perfect_auxiliaries=_words(words.get("perfect_auxiliaries")),
        setting_nouns=_words(words.get("setting_nouns")),
    )
    return EventLexicon(
        types=types,
        triggers={key: tuple(entries) for key, entries in index.items()},
        modality=modality,
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
        places=load_place_words(),
        travel_verbs=_words(ontology.get("travel_verbs")),
        visit_words=_words(ontology.get("visit_words")),
        position_words=_words(ontology.get("position_words")),
        aspect_auxiliaries=_words(ontology.get("aspect_auxiliaries")),
        multilateral_words=_words(ontology.get("multilateral_words")),
        government_led=frozenset(str(c).upper() for c in load_yaml("resolve.yaml").get("government_led") or ()),
        referent_counts={str(k).lower(): int(v) for k, v in (ontology.get("referent_counts") or {}).items()},
        inclusion_words=_words(ontology.get("inclusion_words")),
    )


# ----------------------------------------------------------------------------- context


@dataclass(frozen=True)
class ArticleContext:
    """What event extraction needs besides the parse: the resolved mentions and the dates."""

    actor_mentions: Sequence[Mention]
    place_mentions: Sequence[Mention]
    places: Mapping[str, Place]
    times: Sequence[tuple[TimeExpression, TimeValue]]
    published: dt.date | None
    corpus_names: Mapping[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, kind)
    role_evidence: Sequence[RoleEvidence] = ()  # titles the article gives its persons
    seats: Mapping[str, Place] = field(default_factory=dict)  # ISO3 -> its seat of government (extract/seats.py)
    page_month: str | None = None  # yyyy-mm: the page's month when its day is not known (resolve/page_month.py)


@dataclass
class _Found:
    """An event mention being built."""

    type: str
    mode: str | None
    trigger: Trigger
    token: object  # the trigger token
    extent: tuple[int, int]  # trigger words, char offsets
    actors: list[EventActor]
    modality: str
    time: TimeValue
    place: str | None
    confidence: float
    evidence: list[Evidence]
    preview: bool = False  # the aim of a trip, the setting of a plan: planned unless the article reports it
    stated: bool = False  # its place is its sentence's own (not the dateline's)
    implied: bool = False  # a participant stands for a visited or hosting country
    sides: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # persons named as sources, as targets
    aim: bool = False  # told as the aim of a journey ("arrived for talks with X")
    listed: bool = False  # one item of a counted list ("met twice: in A in May and in B in June"): its place is the item's
    ahead: bool = False  # a preview dated by the clause it is ahead of ("shook hands on Sunday ahead of their summit")
    follows: bool = False  # more of a meeting under way ("were expected to have more discussions Saturday")
    said: bool = False  # a plan told in words said in the past ("X said A and B will meet"): see _fold_previews
    announced: bool = False  # a plan of it told as still ahead was folded in ("will leave early to make the meeting")


def _is_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def _pos(token) -> str | None:
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def _span_index(doc, mentions: Sequence[Mention]) -> dict[int, Mention]:
    """token index -> the resolved mention covering it (the longest, for overlaps)."""
    index: dict[int, Mention] = {}
    for mention in sorted(mentions, key=lambda m: m.end - m.start):
        if not mention.value:
            continue
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        for token in span or ():
            index[token.i] = mention
    return index


def _alike_mentions(mentions: Sequence[Mention]) -> dict[tuple[int, int], list[Mention]]:
    """(start, end) -> the resolved descriptions sharing those words, where there are
    several persons ("the Iranian and Turkish presidents": one per country)."""
    spans: dict[tuple[int, int], list[Mention]] = {}
    for mention in mentions:
        if mention.value and mention.label == "ROLE":
            spans.setdefault((mention.start, mention.end), []).append(mention)
    return {span: found for span, found in spans.items() if len({m.value for m in found}) > 1}


def _clause_tokens(token) -> list:
    """The words of `token`'s own phrase: its subtree without nested clauses."""
    words, stack = [], [token]
    while stack:
        node = stack.pop()
        words.append(node)
        stack.extend(child for child in node.children if child.dep_ not in _CLAUSE_DEPS or child.dep_ == "prt")
    return sorted(words, key=lambda t: t.i)


def _has_phrase(tokens, phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether the words hold one of `phrases`, also with the adverbs inside it left out
    ("spoke today with", "spoke there with")."""
    tokens = list(tokens)
    bare = [t for i, t in enumerate(tokens) if i == 0 or not (t.dep_ in ("advmod", "npadvmod") and t.pos_ in ("ADV", "NOUN"))]
    for words in ([t.lower_ for t in tokens], [t.lower_ for t in bare]):
        for phrase in phrases:
            size = len(phrase)
            if any(tuple(words[i : i + size]) == phrase for i in range(len(words) - size + 1)):
                return True
    return False


def _direct_object(token):
    return next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)


def _noun_keys(noun) -> set[str]:
    """The names a noun goes by: its lemma, its form, and with its compounds as written
    ("sit-down", "press conference")."""
    keys = {noun.lemma_.lower(), noun.lower_}
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if compounds:  # (a span's text, not the doc's: spaCy joins the whole text on each doc.text)
        keys.add(noun.doc[min(c.i for c in compounds) : noun.i + 1].text.lower())
    return keys


def _matches(trigger: Trigger, token, containers: frozenset[str] = frozenset()) -> tuple[bool, object]:
    """Whether the entry fires at `token`, and the event noun of a light verb, if any (seen
    through a container: "held the first round of talks", "two days of talks")."""
    obj = _direct_object(token) if trigger.pos == "VERB" else None
    if trigger.object and obj is None and trigger.pos == "VERB":
        obj = stranded_object(token)  # "and hold talks with X, a spokesman said"
    if trigger.object:
        nouns = [obj] if obj is not None else []
        nouns += [c for c in token.children if c.dep_ == "nsubjpass"]  # "talks were held"
        nouns += predicate_adjectives(token) if trigger.pos == "VERB" else []  # "was critical of"
        nouns += [p for n in nouns if n.lemma_.lower() in containers for of in n.children if of.lower_ == "of"
                  for p in of.children if p.dep_ == "pobj"]
        noun = next((n for n in nouns if _noun_keys(n) & trigger.object), None)
        if noun is None:
            return False, None
        obj = noun
    elif obj is not None and _noun_keys(obj) & trigger.object_not:
        return False, None
    if trigger.particle and not any(c.dep_ in PARTICLE_DEPS and c.lower_ == trigger.particle for c in token.children):
        return False, None
    if trigger.prep and not any(c.dep_ in ("prep", "agent", "dative") and c.lower_ == trigger.prep and not _dated_prep(c)
                                for c in token.children):
        return False, None
    if trigger.complement and not any(c.dep_ == "xcomp" and (not trigger.complement_lemmas or c.lemma_.lower() in trigger.complement_lemmas)
                                      for c in token.children):
        return False, None
    if trigger.words and not _has_phrase(_clause_tokens(token), trigger.words):
        return False, None
    if trigger.clause_words and not reported_clause_says(token, trigger.clause_words):
        return False, None
    return True, (obj if trigger.object else None)


def _dated_prep(prep) -> bool:
    """A preposition whose object is a date ("a strike on Monday"): when, not whom."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def best_trigger(token, lexicon: EventLexicon) -> tuple[Trigger, object] | None:
    """The lexicon entry `token` fires (the most specific, then the surest) and its container noun, or None."""
    pos = _pos(token)
    if pos is None:
        return None
    entries = lexicon.triggers.get((token.lemma_.lower(), pos), ()) or lexicon.triggers.get((token.lower_, pos), ())
    fired = []
    for entry in entries:
        ok, noun = _matches(entry, token, lexicon.container_nouns)
        if ok:
            fired.append((entry.specificity, _object_words(entry, noun), entry.confidence, entry, noun))
    if not fired:
        return None
    *_, entry, noun = max(fired, key=lambda item: item[:3])
    return entry, noun


def _object_words(entry: Trigger, noun) -> int:
    """How many words of the entry's object the noun matched: "held telephone talks" is a
    call (the two-word "telephone talks") before it is talks."""
    if noun is None or not entry.object:
        return 0
    return max((len(key.split()) for key in _noun_keys(noun) & entry.object), default=0)


# ----------------------------------------------------------------------------- arguments


def _kind_of(actor_id: str) -> str:
    """The kind an id says: "corpus:person:..." is a person; anything else unknown a group."""
    parts = actor_id.split(":")
    return parts[1] if len(parts) > 2 and parts[0] == "corpus" and parts[1] in ("person", "organization") else "group"


def _with_conjuncts(token) -> list:
    return [token, *token.conjuncts]


def _prep_objects(token, preps: frozenset[str]) -> list[tuple[str, object]]:
    """(preposition, object) for the prepositional phrases on `token` in `preps`; "between A
    and B" gives both."""
    found = []
    for child in token.children:
        if child.dep_ not in ("prep", "agent", "dative"):
            continue
        words = child.lower_
        if words not in preps:
            continue
        for obj in child.children:
            if obj.dep_ in ("pobj", "pcomp"):
                found += [(words, o) for o in _with_conjuncts(obj)]
    return found


class _Actors(FrameActors):
    """Maps argument words to actors: resolved mentions, nationality modifiers, groups."""

    def __init__(self, doc, context: ArticleContext, kb: KnowledgeBase, lexicon: EventLexicon):
        self.doc = doc
        self.text = doc_text(doc)  # read once: spaCy joins it on every access
        self.kb = kb
        self.lexicon = lexicon
        self.context = context
        self.at = _span_index(doc, context.actor_mentions)
        self.alike = _alike_mentions(context.actor_mentions)
        self.names = {  # an actor the KB does not know goes by its longest name in the article
            m.value: (m.text.strip(" ,."), _kind_of(m.value))
            for m in sorted(context.actor_mentions, key=lambda m: len(m.text))
            if m.value and m.label in ("PERSON", "ORG", "NORP", "GPE") and len(m.text.strip()) > 3
        }
        self.places = _span_index(doc, context.place_mentions)
        self.country = article_country(self.text, context.actor_mentions, context.place_mentions, context.places, kb.countries)

    def describe(self, actor_id: str, mention: Mention | None, role: str, start: int, end: int) -> EventActor:
        kb = self.kb
        if actor_id in kb.actors:
            actor = kb.actors[actor_id]
            return EventActor(actor_id, actor.name, actor.kind, role, actor.country or self.titled_country(actor_id, actor.kind), start, end)
        if actor_id in kb.countries:
            return EventActor(actor_id, kb.countries[actor_id].name, "country", role, actor_id, start, end)
        name, kind = self.names.get(actor_id) or self.context.corpus_names.get(actor_id) or (actor_id, _kind_of(actor_id))
        return EventActor(actor_id, name, kind, role, self.titled_country(actor_id, kind), start, end)

    def titled_country(self, actor_id: str, kind: str) -> str | None:
        """The country of a person the KB gives none, from a title the article gives them
        ("Gambian leader X", "X, Ghana's president"): the office's seat when it is a country."""
        if kind != "person":
            return None
        seats = {e.seat for e in self.context.role_evidence if e.actor == actor_id and e.seat in self.kb.countries}
        return seats.pop() if len(seats) == 1 else None

    def of(self, token, role: str) -> list[EventActor]:
        """The actors a word names, with its conjuncts ("Merkel and Macron"), including a
        conjunct the parser hung as a modifier ("Mr Smith and Prime Minister Jones met")."""
        mention = self.at.get(token.i)
        if mention is not None and mention.value in self.kb.countries:  # "SEOUL – The North Korean leader and ...": a dateline
            appositive = [a for c in token.children if c.dep_ == "appos" for a in self.of(c, role) if a.kind == "person"]
            if appositive:
                return appositive
        found = []
        words = _with_conjuncts(token) + appositive_conjuncts(token, self.lexicon.position_words)
        words += included_members(words, self.lexicon.inclusion_words)
        words += [c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < token.i and c.i in self.at
                  and any(g.dep_ == "cc" for g in c.children) and self.at[c.i] is not self.at.get(token.i)]
        for word in words:
            if word.pos_ == "PRON" and (speaker := self.reported_subject(word, role)) is not None:
                found.append(speaker)  # "China said it would ...", "the rebels said they ..."
                continue
            if self.lexicon.plural_referents and self._plural(word):
                found += self.referred_by_pronoun(word, role) or self.recent_persons(word, role, self.counted(word))
                continue
            if referred := self.referred(word, role):  # "the country", "these states" (extract/anaphors.py)
                found += referred
                continue
            if word.pos_ == "PRON" and "1" in word.morph.get("Person") and "Plur" in word.morph.get("Number"):
                found += self.speaker_and_other(word, role)  # '"We had a great meeting," Smith said'
                continue
            actor = self._one(word, role)
            if actor is not None:
                found.append(actor)
                found += self.described_alike(word, actor, role)
        found += self.listed_in_apposition(token, found, role)
        if len(words) > 1 and len(found) < len(words) + 1:  # "He and Smith met": the pronoun is not Smith
            pronouns = [w for w in words if w.pos_ == "PRON" and "3" in w.morph.get("Person") and not self._plural(w)]
            named = [a for w, a in zip(words, found) if w.pos_ != "PRON"] if len(found) == len(words) else [a for a in found if a.start not in {w.idx for w in pronouns}]
            others = [self.other_person(w, named, role) for w in pronouns]
            if pronouns and all(others):
                found = named + others
        return found

    def described_alike(self, word, actor: EventActor, role: str) -> list[EventActor]:
        """The other persons of a plural description that names one per country ("the
        foreign ministers of A, B and C"): the resolver gave each its own mention over the
        same words."""
        mention = self.at.get(word.i)
        if mention is None or mention.value != actor.id:
            return []
        return [self.describe(m.value, m, role, m.start, m.end)
                for m in self.alike.get((mention.start, mention.end), ()) if m.value != actor.id]

    def listed_in_apposition(self, token, found: list[EventActor], role: str) -> list[EventActor]:
        """Named persons the parser hung as appositions of a listed name ("met with France's
        President A, Prime Minister B and Chancellor C" read with C in apposition to A): an
        apposition naming another person is the next one in the list, not a title."""
        known = {a.id for a in found}
        listed = []
        for child in token.children:
            if child.dep_ != "appos" or child.pos_ != "PROPN" or child.i < token.i:
                continue
            actor = self._one(child, role)
            if actor is None or actor.kind != "person" or self.at.get(child.i) is self.at.get(token.i):
                continue
            for person in [actor, *self.named_within(child, role)]:  # "..., Prime Minister of X B and Chancellor C"
                if person.id not in known:
                    listed.append(person)
                    known.add(person.id)
        return listed

    def named_within(self, name, role: str) -> list[EventActor]:
        """Persons named by name (not by a pronoun or a title) in the words a listed name
        governs: where the parser hung the list's other items under it."""
        found = []
        for word in name.subtree:
            mention = self.at.get(word.i)
            if word.i != name.i and mention is not None and mention.label == "PERSON" and mention is not self.at.get(name.i):
                actor = self._one(word, role)
                if actor is not None and actor.kind == "person" and actor.id not in {a.id for a in found}:
                    found.append(actor)
        return found

    def speaker_and_other(self, pronoun, role: str) -> list[EventActor]:
        """"we" in a quote: its speaker (the person subject of the speech verb governing it,
        or said after a quote of several sentences) and the last head of state or government
        named before, in the quote or the sentence before it, not the speaker."""
        speech_verbs = self.lexicon.modality.speech_verbs
        verb = next((a for a in pronoun.ancestors if a.lemma_.lower() in speech_verbs), None)
        if verb is None:  # '"... We had a great meeting in Lima," Smith said': a quote of several sentences
            verb = closing_speech_verb(pronoun, speech_verbs)
        opening = quote_opening(pronoun)  # the other: named before the quote, or in it
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        speaker = self._one(subject, role) if subject is not None else None
        if speaker is None or speaker.kind != "person":
            return []
        opening = self.doc[opening].sent.start
        first = self.doc[opening - 1].sent.start if opening > 0 else 0
        home = self.country_of(speaker)
        for index in range(pronoun.i - 1, max(first - 1, -1), -1):
            mention = self.at.get(index)
            if mention is None or mention.value == speaker.id or home is not None and self.kb_country(mention.value) == home:
                continue  # "our talks", said by a minister: not his own president
            if self.officeholder(mention.value, ("head_of_state", "head_of_government")):
                return [speaker, self.describe(mention.value, mention, role, pronoun.idx, pronoun.idx + len(pronoun.text))]
        return []

    def other_person(self, pronoun, found: list[EventActor], role: str) -> EventActor | None:
        """The last person named before a coordinated pronoun who is none of its conjuncts."""
        taken = {a.id for a in found}
        for index in range(pronoun.i - 1, max(pronoun.sent.start - 80, -1), -1):
            mention = self.at.get(index)
            actor = self.kb.actors.get(mention.value) if mention is not None and mention.value else None
            kind = actor.kind if actor is not None else _kind_of(mention.value) if mention is not None and mention.value else None
            if kind == "person" and mention.value not in taken and mention.label in ("PERSON", "ROLE"):
                return self.describe(mention.value, mention, role, pronoun.idx, pronoun.idx + len(pronoun.text))
        return None

    def _plural(self, token) -> bool:
        """"the two leaders", "both sides", "they": a plural description of the persons just named."""
        if token.i in self.at or token.lemma_.lower() not in self.lexicon.plural_referents and token.lower_ not in self.lexicon.plural_referents:
            return False
        if token.pos_ == "PRON":
            return "Plur" in token.morph.get("Number")
        numbered = any(c.lower_ in ("two", "both") for c in token.children) or token.lower_ in ("two", "both")
        return numbered or ("Plur" in token.morph.get("Number") and any(c.lower_ == "the" for c in token.children))

    def counted(self, token) -> int:
        """How many persons a plural description counts: "the three leaders" 3, else 2."""
        counts = self.lexicon.referent_counts
        return next((counts[c.lower_] for c in token.children if c.dep_ == "nummod" and c.lower_ in counts), 2)

    def recent_persons(self, token, role: str, count: int = 2) -> list[EventActor]:
        """The last `count` distinct persons named before `token` in its sentence or the
        `count` before it (two for "the leaders", three for "the three leaders")."""
        first_sentence = token.sent.start
        for _ in range(count):  # "the three leaders": one sentence more to find the third
            while first_sentence > 0 and self.doc[first_sentence - 1].is_space:
                first_sentence -= 1  # a paragraph break is no sentence
            if first_sentence > 0:
                first_sentence = self.doc[first_sentence - 1].sent.start
        chosen: dict[str, Mention] = {}
        after = range(token.i + 1, token.sent.end)  # "the leaders met at X's residence": named after
        for index in [*range(token.i - 1, first_sentence - 1, -1), *after]:
            mention = self.at.get(index)
            if mention is None or mention.value in chosen or mention.label not in ("PERSON", "ROLE", "PRON"):
                continue
            if mention.value in self.kb.countries or mention.value.startswith("corpus:organization"):
                continue
            chosen[mention.value] = mention
        heads = ("head_of_state", "head_of_government") if token.lemma_.lower() != "minister" else MAIN_OFFICES
        ranked = ([m for m in chosen.values() if self.officeholder(m.value, heads)],
                  [m for m in chosen.values() if self.officeholder(m.value)], list(chosen.values()))
        picked = next(r for r in ranked if len(r) >= count or r is ranked[-1])
        if len(picked) < count:
            return []
        picked = self.principal_instead(token, picked[:count], heads)  # not a passing name of an earlier paragraph
        return [self.describe(m.value, m, role, m.start, m.end) for m in picked[:count]]

    def principal_instead(self, token, picked: list[Mention], offices: tuple[str, ...]) -> list[Mention]:
        """`picked`, or the article's principal pair of holders of `offices` when one of the
        two is a passing mention of an earlier paragraph (extract/pairs.py), each by its last
        naming before `token`."""
        mentions = self.context.actor_mentions
        instead = principal_pair([m.value for m in picked], mentions, token.idx,
                                 paragraph_start(self.text, token.sent.start_char),
                                 lambda actor_id: self.is_person(actor_id) and self.officeholder(actor_id, offices),
                                 [sentence.start_char for sentence in self.doc.sents])
        if instead is None:
            return picked
        last = {m.value: m for m in sorted(mentions, key=lambda m: m.start) if m.start < token.idx and m.value in instead}
        return [last[p] for p in instead if p in last] if len(last) == 2 else picked

    def is_person(self, actor_id: str) -> bool:
        actor = self.kb.actors.get(actor_id)
        return actor.kind == "person" if actor is not None else _kind_of(actor_id) == "person"

    def officeholder(self, actor_id: str, offices: tuple[str, ...] = MAIN_OFFICES) -> bool:
        """Whether a person holds one of `offices` (heads of state or government, foreign
        ministers), by the KB or by a title the article gives."""
        actor = self.kb.actors.get(actor_id)
        held = {r.office for r in actor.roles} if actor is not None else set()
        held |= {e.office for e in self.context.role_evidence if e.actor == actor_id}
        return bool(held & set(offices))

    def inside(self, mention: Mention, role: str) -> list[EventActor]:
        """Persons named inside a mention that swallowed an event word ("the Trump-Kim
        Helsinki Summit"): each proper name the KB knows, one id each."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return [actor for word in span or () if (actor := self.by_name(word, role)) is not None]

    def by_name(self, word, role: str) -> EventActor | None:
        """A proper noun NER left out ("the Trump-Kim summit"): the one person the KB knows
        by that name or surname, preferring those the article names elsewhere, else the one
        person the article names with that word in their name."""
        if word.pos_ != "PROPN":
            return None
        named = {m.value for m in self.context.actor_mentions if m.value}
        key = name_key(word.text)
        ids = set(self.kb.names.get(key, ())) or set(self.kb.surnames.get(key, ()))
        ids = (ids & named) or ids
        if not ids and len(key) > 2:
            ids = {m.value for m in self.context.actor_mentions
                   if m.label == "PERSON" and m.value and key in name_key(m.text).split()}
        if len(ids) != 1:
            return None
        return self.describe(ids.pop(), None, role, word.idx, word.idx + len(word.text))

    def _one(self, token, role: str) -> EventActor | None:
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":  # "Macron, who met ..."
            token = token.head.head
        mention = self.at.get(token.i)
        following = self.at.get(token.i + 1)
        if mention is None and following is not None and following.label == "PERSON" and token.text[:1].isupper() and token.pos_ in ("NOUN", "PROPN"):
            mention = following  # "Ruto and PM Modi": the parser took the title for the name
        if token.i in self.places and token.dep_ == "pobj" and token.head.lower_ in ("at", "in", "inside", "outside", "near"):
            return None  # "talks at the State House": a place, not an actor
        if mention is not None and self.dateline_agency(mention):
            return None  # "ACCRA (Reuters) - ...": who reports, not who acts
        if mention is not None and (mention.value or "").startswith("corpus:person:") and token.i in self.places:
            return None  # "OSAKA – X and Y are holding ...", "the visit of X to Osaka": a place NER took for a person
        if mention is not None and (mention.value or "").startswith("corpus:") and self.lexicon.sectors.sector(token.lemma_):
            mention = None  # "MPs" taken for a name: a generic actor
        if mention is not None:
            return self.describe(mention.value, mention, role, mention.start, mention.end)
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod", "appos")]
        named = [self.at[c.i] for c in modifiers if c.i in self.at and not self.dateline_agency(self.at[c.i])]
        lemma = self.lexicon.sectors.noun(token.lemma_) or token.lemma_.lower()  # "Gunmen" left unlemmatized: gunman
        countries = [m.value for m in named if m.value in self.kb.countries]
        if countries and lemma in self.lexicon.person_nouns and "Plur" not in token.morph.get("Number"):
            person = self.last_person_of(countries[0], token)  # "the American diplomat"
            if person is not None:
                return self.describe(person.value, person, role, person.start, person.end)
            unnamed = (self.by_name(w, role) for w in reversed(self.doc[: token.i]) if w.i not in self.at)
            found = next((a for a in unnamed if a is not None and a.country == countries[0]), None)
            if found is not None:  # a name NER left out
                return found
        collective = "Plur" in token.morph.get("Number") or named or lemma in self.lexicon.collective_nouns
        generic = lemma in self.lexicon.group_nouns or token.lower_ in self.lexicon.group_nouns or self.lexicon.sectors.sector(lemma)
        if generic and collective:
            country = next((m.value for m in named if m.value in self.kb.countries), None)
            people = [m for m in named if m.value not in self.kb.countries]
            if people:  # "Assad's forces": the named actor
                return self.describe(people[0].value, people[0], role, people[0].start, people[0].end)
            demonym = None if named else untagged_demonym(token, self.kb.demonyms, name_key, lambda i: i in self.at)
            country = self.kb.demonyms[name_key(demonym.text)] if demonym is not None else country  # "Togolese troops", untagged
            start = min([token.idx] + [self.doc[c.i].idx for c in modifiers if c.i in self.at or c == demonym])
            end = token.idx + len(token.text)
            return self.generic(token, lemma, country, self.text[start:end], role, start, end)
        countries = [m.value for m in named if m.value in self.kb.countries]
        if countries and lemma in self.lexicon.person_nouns:  # "the American diplomat"
            person = self.last_person_of(countries[0], token)
            if person is not None:
                return self.describe(person.value, person, role, person.start, person.end)
        if named and token.pos_ in ("NOUN", "PROPN"):  # "his close friend Smith": the name, not "his"
            mention = next((self.at[c.i] for c in modifiers if c.dep_ == "appos" and self.at.get(c.i) in named), named[0])
            return self.describe(mention.value, mention, role, mention.start, mention.end)
        return self.by_name(token, role)

    def with_implied_host(self, found: list[EventActor], time: TimeValue, token, trigger: Trigger) -> tuple[list[EventActor], bool]:
        """A meeting whose other side is a country ("Smith's visit to Kenya", "Beijing
        hosted Smith"): the country's office holder receiving the visitor, as of the event's
        date, the one the article names, else (for a visit or a hosting, not a journey) the
        KB's. Not when the sentence names someone of a third country ("flew to Oslo for talks
        with X"). The person follows the country, with the country's words as evidence."""
        persons = [a for a in found if a.kind == "person"]
        home = {self.country_of(a) for a in persons} - {None}
        visited = [a for a in found if a.kind == "country" and a.id not in home  # "Egypt", "Beijing", not "a Russian lawyer"
                   and name_key(self.text[a.start : a.end]) not in self.kb.demonyms]
        if not persons or len(visited) != 1 or len(home) > 1:
            return found, False
        place = visited[0]
        day = _reference_day(time, self.context.published)
        if self.third_party_in(token.sent, home | {place.id}) or day is None and _dated(time):
            return found, False
        if purpose_names_counterpart(token):  # "visiting Washington for meetings with business leaders"
            return found, False
        visit = trigger.roles == "host" or any(t.lemma_.lower() in self.lexicon.visit_words for t in token.sent)
        host = self.host_of(place.id, persons, day, unnamed=visit)  # undated article: a holder it names
        if host is None or host in {a.id for a in found}:
            return found, False
        return [*found, self.describe(host, None, place.role, place.start, place.end)], True

    def kb_country(self, actor_id: str) -> str | None:
        """A KB actor's country, else None."""
        actor = self.kb.actors.get(actor_id)
        return actor.country if actor is not None else None

    def country_of(self, actor: EventActor) -> str | None:
        """A person's country: the KB's, else the seat of a title the article gives them."""
        return actor.country or next((e.seat for e in self.context.role_evidence if e.actor == actor.id and e.seat), None)

    def offices_of(self, actor_id: str, day: dt.date | None) -> set[str]:
        """(office, seat) pairs a person holds on `day`, by the KB and the article's titles."""
        actor = self.kb.actors.get(actor_id)
        held = {(r.office, r.seat) for r in actor.roles_on(day)} if actor is not None else set()
        return held | {(e.office, e.seat) for e in self.context.role_evidence if e.actor == actor_id}

    def third_party_in(self, sentence, countries: set[str]) -> bool:
        """Whether a sentence names a KB person of none of `countries`."""
        for index in range(sentence.start, sentence.end):
            mention = self.at.get(index)
            actor = self.kb.actors.get(mention.value) if mention is not None else None
            if actor is not None and actor.kind == "person" and actor.country and actor.country not in countries:
                return True
        return False

    def host_of(self, country: str, visitors: list[EventActor], day: dt.date | None, unnamed: bool = True) -> str | None:
        """Who receives visitors in `country`: a holder the article names (the visitor's
        counterpart first, then the country's leader), else the KB's holder of that office."""
        leading = ["head_of_government", "head_of_state"] if country in self.lexicon.government_led else ["head_of_state", "head_of_government"]
        visiting = {office for v in visitors for office, _ in self.offices_of(v.id, day)}
        order = ["foreign_minister", *leading] if "foreign_minister" in visiting and not visiting & set(leading) else leading
        named = [m.value for m in self.context.actor_mentions if m.value and m.label in ("PERSON", "ROLE")]
        for office in order:
            known = {a.id for a in self.kb.holders(office, country, day)} if day is not None else set()
            holder = next((i for i in named if (office, country) in self.offices_of(i, day) and (not known or i in known)), None)
            if holder is not None:
                return holder
        holders = {a.id for a in self.kb.holders(order[0], country, day)} if day is not None and unnamed else set()
        return holders.pop() if len(holders) == 1 else None

    def last_person_of(self, country: str, token) -> Mention | None:
        """The last person of that country named before `token` (KB persons only)."""
        for index in range(token.i - 1, -1, -1):
            mention = self.at.get(index)
            actor = self.kb.actors.get(mention.value) if mention is not None else None
            if actor is not None and actor.kind == "person" and actor.country == country:
                return mention
        return None


def _subjects(verb) -> tuple[list, list]:
    """(active subjects, passive subjects) of a verb, inherited through open complements,
    coordinated verbs and relative clauses."""
    node = verb
    for _ in range(4):
        active = [c for c in node.children if c.dep_ in ("nsubj", "csubj")] or for_subject(node)
        passive = [c for c in node.children if c.dep_ == "nsubjpass"]
        agents = [o for c in node.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"] or stray_agents(node)
        if active or passive or agents:
            return active + agents, passive
        if node.dep_ in ("acl", "relcl") and node.head.dep_ == "attr" and node.head.head.i != node.head.i:
            node = node.head.head  # "X became the first leader to meet Y": X
            continue
        if node.dep_ == "relcl":
            return [node.head], []
        if node.dep_ == "xcomp" and _direct_object(node.head) is not None:  # "invited Macron to come"
            return [_direct_object(node.head)], []
        if node.dep_ in ("xcomp", "conj", "advcl") and node.head.i != node.i:
            node = node.head
            continue
        if node.dep_ == "acl" and node.head.i != node.i and node.tag_ == "VBN":  # "villagers abducted in X": they undergo it
            return [], [node.head]
        if node.dep_ == "acl" and node.head.i != node.i:  # "the leaders, meeting in Paris, ..."
            return [node.head], []
        if node.dep_ == "pcomp" and node.head.dep_ == "prep":  # "prior to meeting Y, X said": X
            owner = [c for c in node.head.head.children if c.dep_ == "poss"]
            if node.head.head.pos_ == "NOUN" and owner:  # "X's meeting with Z after hosting Y": X
                return owner, []
            node = node.head.head if node.head.head.pos_ in ("VERB", "AUX") else node.head.head.head
            if node.i != verb.i:
                continue
        break
    return _stranded_subject(node), []


def _stranded_subject(verb) -> list:
    """A subject the parser hung elsewhere: the proper noun just before a subjectless verb,
    parsed as an apposition of the word before it ("in Paris, UN chief X is due to ...")."""
    index = verb.i - 1
    doc = verb.doc
    while index >= 0 and doc[index].dep_ in ("advmod", "aux", "neg") and doc[index].head.i == verb.i:
        index -= 1
    if index >= 0 and doc[index].dep_ == "appos" and doc[index].pos_ in ("PROPN", "NOUN"):
        return [doc[index]]  # "after talks with X the American diplomat met Y": "diplomat" hung on X
    return []


def _verb_arguments(token, trigger: Trigger, noun, actors: _Actors) -> tuple[list[EventActor], list[EventActor], object | None]:
    """(sources, targets, place word) of a verbal trigger by its role scheme."""
    active, passive = _subjects(token)
    if not active and not passive:
        active = position_subject(token, actors.lexicon.position_words)  # "Smith, left, shakes hands with Jones"
    if headline_passive(token):  # "Opposition leader arrested"
        active, passive = [], passive + active
    if not active and trigger.roles == "directed" and (controller := passive_controller(token)) is not None:
        active, passive = [controller], []  # "X was forced to resign": X resigned
    issuer = document_issuer(token, actors.lexicon.roles.document_nouns)
    if issuer is not None:  # "the Council passed a resolution demanding X"
        active = _subjects(issuer)[0]
    obj = _direct_object(token)
    objects = [] if trigger.object else ([obj] if obj is not None else [])
    objects += [c for c in token.children if c.dep_ in ("dative", "iobj")]
    preps = _prep_objects(token, trigger.target_preps)
    if obj is not None and trigger.roles == "directed":  # "fired missiles at X", "launched drones and missiles at X"
        preps += [("", w) for w in object_prep_objects(obj, trigger.target_preps if trigger.object else actors.lexicon.roles.object_target_preps)]
    asked = requested_noun(token, trigger.prep, trigger.type, actors.lexicon.roles.requested_noun_types) if noun is None else None
    if asked is not None:  # "called for talks with X"
        preps += _prep_objects(asked, trigger.target_preps)
    if noun is not None:
        preps += _prep_objects(noun, trigger.target_preps | {"between"})
        if preps:  # "held talks with X and a handful of his deputies, including Y": "handful" hung on "talks"
            preps += [("", m) for m in included_members(list(noun.conjuncts), actors.lexicon.inclusion_words)]
        objects += [c for c in noun.children if c.dep_ in ("poss",)]
        if trigger.roles == "visit":  # "attend an event hosted by X": X is the host
            objects += [o for acl in noun.children if acl.dep_ == "acl"
                        for agent in acl.children if agent.dep_ == "agent"
                        for o in agent.children if o.dep_ == "pobj"]
    place_word = None
    subjects = [a for s in active for a in actors.of(s, "source")]
    passive_actors = [a for s in passive for a in actors.of(s, "target")]
    object_actors = []
    for word in objects:
        found = actors.of(word, "target") or actors.capital_target(word, trigger) or actors.stand_in(word, trigger)
        if not found and trigger.roles == "visit" and word.i in actors.places:
            place_word = word
        object_actors += found
    prep_actors = []
    for prep, word in preps:
        found = actors.of(word, "target") or actors.place_target(word, trigger) or actors.stand_in(word, trigger)
        if not found and trigger.roles == "visit" and word.i in actors.places and place_word is None:
            place_word = word
        prep_actors += found
    prep_actors += actors.clause_targets(token, trigger)  # "X alleged that police ..."
    known = {a.id for a in object_actors + prep_actors}
    prep_actors += [a for a in actors.dispersed(token, trigger) if a.id not in known]  # "to disperse the protesters"
    if trigger.roles == "host":
        return object_actors + prep_actors + passive_actors, subjects, place_word
    if passive and not active and trigger.roles == "directed":  # "demonstrators were shot"
        if fired_instrument(token, actors.lexicon.roles.instrument_verbs):  # "missiles were fired from X": no target
            passive_actors, subjects = [], actors.origin(token, trigger)
        subjects = subjects or actors.implied_agent(token, trigger)
    return subjects, passive_actors + object_actors + prep_actors, place_word


def _inviters(token, trigger: Trigger, found: list[EventActor], actors: _Actors, lexicon: EventLexicon) -> list[EventActor]:
    """"X invited Y to visit (him)": X, the one to be visited (extract/invitations.py)."""
    governor = inviting_governor(token, lexicon.modality.inviting_governors) if trigger.type == "CONSULT" else None
    if governor is None:
        return []
    known = {a.id for a in found}
    return [a for s in _subjects(governor)[0] for a in actors.of(s, "target") if a.id not in known]


def _noun_arguments(token, trigger: Trigger, actors: _Actors, lexicon: EventLexicon) -> tuple[list[EventActor], list[EventActor], object | None]:
    """(sources, targets, place word) of a nominal trigger: possessors and modifiers are
    sources ("Israeli airstrikes", "Macron's visit"), prepositional objects targets; the
    subject of a support verb ("held talks") or of a verb the noun is a setting for ("at
    talks with X, Macron said") is a source too."""
    sources, targets, place_word = [], [], None
    swallowed = actors.at.get(token.i)
    if swallowed is not None:  # the event word is inside a name: "the Trump-Kim Summit"
        sources += actors.inside(swallowed, "source")
    inside = _tokens_of(actors, swallowed)
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and against_modifier(child, lexicon.roles.against_prefixes):
            targets += actors.of(child, "target")  # "anti-government protests"
            continue
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i not in inside:
            sources += actors.of(child, "source")
            for pair in child.children:  # "the Trump-Kim summit": Trump hangs from Kim
                if pair.dep_ == "compound" and pair.pos_ == "PROPN" and pair.i not in inside:
                    sources += actors.of(pair, "source")
    if token.dep_ == "conj" and any(c.dep_ == "poss" for c in token.children) and any(c.dep_ == "cc" for c in token.head.children):
        sources += actors.of(token.head, "source")  # "Smith and Jones's meeting", parsed "Smith and [Jones's meeting]"
    for prep in (w for w in _clause_tokens(token) if w.lower_ == "between" and w.dep_ == "prep" and w.head.i != token.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):  # "the meeting at the White House between A and B"
            targets += actors.of(obj, "target")
    for prep, word in _prep_objects(token, trigger.target_preps | {"between", "by", "of"}):
        if prep == "by":
            sources += actors.of(word, "source")
        elif prep == "of":
            if trigger.roles in ("symmetric", "visit"):
                sources += actors.of(word, "source")
            elif trigger.roles == "directed" and prep in lexicon.roles.nominal_target_preps:  # "the invasion of X"
                targets += actors.of(word, "target")
        else:
            found = actors.of(word, "target") or actors.place_target(word, trigger) or actors.stand_in(word, trigger)
            if not found and trigger.roles == "visit" and word.i in actors.places and place_word is None:
                place_word = word
            targets += found
    head = token.head
    verb = None
    if token.dep_ in ("dobj", "obj", "nsubjpass") and (
        head.lemma_.lower() in lexicon.support_verbs
        or any(c.dep_ == "aux" and c.lower_ in lexicon.aspect_auxiliaries for c in head.children)
    ):  # "began hastily arranged talks", parsed with "began" as an auxiliary of "arranged"
        verb = head
    elif token.dep_ == "pobj" and trigger.roles != "directed" and (
        _has_phrase([head.head, head] if head.dep_ == "prep" and head.head.dep_ == "pobj" else [head], lexicon.attendance_prepositions)
        or _inside_attendance_phrase(head, lexicon.attendance_prepositions)
    ):
        verb = next((a for a in head.ancestors if _is_verb(a)), None)  # "agreed ... following talks"; not "expelled X after the attack"
    elif token.dep_ == "pobj" and head.lower_ == "on" and trigger.roles == "visit" and _is_verb(head.head):
        verb = head.head  # "on a visit to Japan, Smith said": the visitor
    elif token.dep_ == "pobj" and head.lower_ in ("for", "from") and head.head.lemma_.lower() in lexicon.travel_verbs:
        verb = head.head  # "flew to Oslo for talks with X", "returned from a visit to Y": the traveller
    elif not sources and trigger.roles == "directed" and token.dep_ in ("dobj", "obj") and head.lemma_.lower() in lexicon.roles.enacting_verbs:
        verb = head  # "the president announced a mobilisation", "the bloc imposed sanctions on X"
    elif not sources and responding_verb(token, lexicon.roles.responding_verbs) is not None:
        verb = head.head  # "X responded with warnings that ..."
    if verb is None and not sources and sum(a.kind == "person" for a in targets) >= 2 and _with_only(token, trigger):
        verb = governing_verb(token)  # "he pointed to his meetings with A and B": A and B did not meet each other
    if verb is None:
        sources += [a for s in granted_subjects(token, lexicon.granting_verbs) for a in actors.of(s, "source")]
    if verb is not None:
        active, _ = _subjects(verb)
        sources += [a for s in active for a in actors.of(s, "source")]
        if not targets and token.dep_ == "pobj" and verb.lemma_.lower() in lexicon.modality.speech_verbs:
            targets += addressed_persons(verb, actors)  # "after talks at X, the president told Mrs Smith ...": Smith
    return sources, targets, place_word


def granted_subjects(noun, granting_verbs: frozenset[str]) -> list:
    """The passive subject of a verb granting the event noun as its object: "He has been
    granted an audience with Y" (he takes part); not the giver of an active "granted him"."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in granting_verbs:
        return []
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def addressed_persons(verb, actors: _Actors) -> list[EventActor]:
    """The persons a speech verb addresses ("told Mrs Smith", "assured Smith"), not
    groups ("told reporters")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    return [a for o in objects for a in actors.of(o, "target") if a.kind == "person"]


def _inside_attendance_phrase(prep, phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether the "of" an event noun hangs on closes a phrase of attendance: "met on the
    sidelines of the summit meetings with X" (not "in the wake of talks")."""
    if prep.lower_ != "of" or prep.head.dep_ != "pobj" or prep.head.head.dep_ != "prep":
        return False
    outer = prep.head.head
    words = tuple(t.lower_ for t in prep.doc[outer.i : prep.i + 1] if t.pos_ != "DET")
    return any(words == tuple(w for w in phrase if w not in ("the", "a", "an")) for phrase in phrases if len(phrase) > 1)


def _with_only(token, trigger: Trigger) -> bool:
    """Whether an event noun's persons all come from one "with" phrase ("meetings with A and B")."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in trigger.target_preps | {"between"}]
    return len(preps) == 1 and preps[0].lower_ == "with"


def _tokens_of(actors: _Actors, mention: Mention | None) -> set[int]:
    if mention is None:
        return set()
    span = actors.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return {t.i for t in span or ()}


def _roles(trigger: Trigger, sources: list[EventActor], targets: list[EventActor]) -> list[EventActor]:
    """One actor once: symmetric triggers make everyone a participant; an actor that is both
    source and target keeps its first role."""
    chosen: dict[str, EventActor] = {}
    for role, actors in (("source", sources), ("target", targets)):
        for actor in actors:
            chosen.setdefault(actor.id, replace(actor, role="participant" if trigger.roles == "symmetric" else role))
    return list(chosen.values())


# ----------------------------------------------------------------------------- modality


def _phrase_before(token, phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether `token` is the object of one of `phrases` ("ahead of [the summit]", "looking
    forward to [meeting]")."""
    if token.dep_ not in ("pobj", "pcomp"):
        return False
    prep = token.head
    words = [t.lower_ for t in token.doc[max(prep.i - 4, 0) : prep.i + 1]]
    return any(tuple(words[-len(p) :]) == p for p in phrases)


def _modality(token, noun, lexicon: EventLexicon, rules: TimeRules, time: TimeValue, published: dt.date | None,
              type_: str = "") -> str:
    """reported, historical, planned, hypothetical or negated (see docs/events.md); or
    "habitual" for a repeated or aggregated happening ("they meet regularly", "have met
    several times"), which is not one event; or "purpose" for the aim of a trip ("flew to
    Kigali to meet X"), planned unless the article reports the meeting; or "aim" for a
    trip's nominal aim ("flew to Kigali for talks with X"), settled by `_settle_aims`."""
    words = lexicon.modality
    carrier = token
    if _phrase_before(token, words.prospective_prepositions):
        return "planned"
    if alleged(token, words.alleging_verbs, words.alleging_preps):  # "accused X of supporting terrorism"
        return "hypothetical"
    if framed_as_present(token, words.present_modifiers):  # "during his current visit"
        return _dated_modality(time, published, words) or "reported"
    if nominal_purpose(token, words.travel_verbs, lexicon.visit_words):  # "flew to Oslo for talks with X"
        return "aim"
    if _phrase_before(token, words.anterior_prepositions) or _phrase_before(token, words.posterior_prepositions):
        # "in the wake of the summit last month", "after visiting Kigali, he will fly on",
        # "will meet X before holding a press conference": dated, it is what its date says;
        # undated, it shares its clause's future or past
        if _dated(time):
            return _dated_modality(time, published, words) or "reported"
        return "planned" if clause_tense(token.head, rules) == "future" else "reported"
    if _pos(token) == "NOUN" and token.head.i != token.i:
        by_noun = _noun_modality(token, words, rules, type_)
        if by_noun == "planned" and _before_publication(time, published):
            by_noun = None  # "granted him an audience on May 3", told after it: what the date says
        if by_noun is not None:
            return by_noun
        if token.dep_ in ("dobj", "obj", "nsubjpass", "nsubj") and _is_verb(token.head):
            carrier = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and _ahead(token.head, words):
            return "planned"
    if _cancelled(token, words):
        return "negated"
    negators = [*carrier.children, *(noun.children if noun is not None else ())]
    if any((c.dep_ == "neg" or c.lower_ in words.negations and c.dep_ in ("advmod", "det")) and not _negation_idiom(c, words) for c in negators):
        return "negated"
    while not _is_verb(carrier) and carrier.head.i != carrier.i:  # a noun: the clause it sits in
        carrier = carrier.head
    if _habitual(carrier, words) or _aggregate(noun if noun is not None else token, words):
        return "habitual"
    chain, governed = _governed(carrier, words)
    if governed is not None:
        return governed
    if imperative(chain[-1]):  # '"Begin to pull out troops," he said': an order
        return "planned"
    if type_ == "CONSULT" and shares_future(carrier, rules.future_auxiliaries):  # "will meet and have lunch"
        return "planned"
    return _clause_modality(token, chain, words, rules, time, published)


def _noun_modality(token, words: Modality, rules: TimeRules, type_: str = "") -> str | None:
    """What an event noun's own governor says: "cancelled the meeting", "ahead of the
    summit", "the upcoming visit"; None when it says nothing."""
    head = token.head
    phrasal = tuple(w for w in (head.lemma_.lower(), *(c.lower_ for c in head.children if c.dep_ == "prt")))
    if token.dep_ in ("dobj", "obj", "nsubjpass") and (
        head.lemma_.lower() in words.cancel_verbs or phrasal[:2] in words.cancel_phrasal
    ):
        return "negated"
    refusable = type_ in words.refusable_types  # "declined talks" undoes them; "rejected an ultimatum" does not
    framed = object_modality(token, words.planning_verbs, words.considering_verbs,
                             words.refusing_verbs if refusable else frozenset(), words.refusing_phrasal if refusable else frozenset())
    if framed is not None:  # "scheduled talks", "considering a trip", "declined a meeting"
        return framed
    if requested(token, words.requesting_verbs, words.requesting_preps):  # "called for a ceasefire": asked for
        return "hypothetical"
    if occasion_offered(token, words.setting_nouns):  # "the forum offers a chance for talks"
        return "hypothetical"
    modifiers = {c.lower_ for c in token.children if c.dep_ in ("amod", "compound")}
    if modifiers & words.hypothetical_modifiers:
        return "hypothetical"
    if modifiers & words.prospective_modifiers:
        return "planned"
    return None


def _ahead(verb, words: Modality) -> bool:
    """An event noun's clause says it is still to come: "the meeting is due to take place",
    "the summit is expected to rebalance ties" (not "was expected to ..., but ended")."""
    holders = [verb, *(c for c in verb.children if c.dep_ == "acomp")]
    governors = {h.lemma_.lower() for h in holders}
    planned = any(c.dep_ == "xcomp" for h in holders for c in h.children)
    return bool(governors & words.prospective_governors) and planned and not finite_past(verb)


def _cancelled(token, words: Modality) -> bool:
    """The trigger sits in the object of a cancel verb, through copulas: "cancelled what
    would have been his first meeting"; a coordinated or adverbial clause does not count."""
    node = token
    for _ in range(4):
        parent = node.head
        if parent.i == node.i or node.dep_ in ("conj", "advcl", "relcl", "acl"):
            return False
        if parent.lemma_.lower() in words.cancel_verbs:
            return True
        if _is_verb(parent) and parent.lemma_.lower() not in ("be", "have"):
            return False
        node = parent
    return False


def _habitual(verb, words: Modality) -> bool:
    """A frequency adverb ("regularly", "repeatedly") or a count of occasions ("several
    times", "on many occasions") on the trigger's clause."""
    for child in verb.children:
        if child.dep_ == "advmod" and child.lower_ in words.habitual_adverbs:
            return True
        if child.dep_ in ("npadvmod", "prep", "advmod") and any(t.lower_ in words.occasion_nouns for t in child.subtree):
            return True
    return False


def _aggregate(token, words: Modality) -> bool:
    """A plural event noun counted or gathered: "several meetings", "a flurry of meetings",
    "a series of talks" (not "the first round of talks", one event)."""
    if _pos(token) != "NOUN" or token.tag_ != "NNS":
        return False
    if any(c.dep_ in ("amod", "nummod", "det") and c.lower_ in words.aggregate_quantifiers for c in token.children):
        return True
    if several_meals(token, words.meal_words):
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in words.aggregate_nouns


def _governed(carrier, words: Modality) -> tuple[list, str | None]:
    """Walk up from the trigger's clause through the clauses that govern it: a prospective
    governor ("agreed to meet") makes it planned, a hypothetical one ("ready to meet") or a
    negating one ("refused to meet") hypothetical or negated; a purpose clause of a trip
    ("flew to Kigali to meet") and a headline infinitive ("Smith to meet Jones") are
    planned. Returns the chain of clauses walked and the modality, if one was decided."""
    chain, node = [carrier], carrier
    while node.head.i != node.i and len(chain) < 5:
        if gerund_in_infinitive(node):  # "plan to move toward easing tensions at the meeting": the infinitive's verb
            node = node.head.head
            chain.append(node)
        governor = node.head
        lemma = governor.lemma_.lower()
        if node.dep_ in ("xcomp", "acl"):
            acomp = {c.lemma_.lower() for c in governor.children if c.dep_ == "acomp"} | {lemma}
            if lemma in words.negating_governors:
                return chain, "negated"
            if acomp & words.hypothetical_governors:
                return chain, "hypothetical"
            if return_invitation(node, governor, words.inviting_governors, words.return_adverbs):
                return chain, "hypothetical"  # "invited him to visit again": a courtesy
            if acomp & words.prospective_governors:
                if conditioned([*chain, governor], words.condition_markers):  # "if they want to meet"
                    return chain, "hypothetical"
                return chain, "negated" if any(c.dep_ == "neg" for c in governor.children) else "planned"
        if node.dep_ == "advcl" and infinitive(node) and lemma in words.travel_verbs:
            return chain, "purpose"
        if for_to_modality(node, words.plan_nouns) is not None:  # "arrangements for Smith to meet Jones"
            return chain, for_to_modality(node, words.plan_nouns)
        if node.dep_ not in ("xcomp", "acl"):
            break
        node = governor
        chain.append(node)
    root = chain[-1]
    if root.dep_ == "ROOT" and infinitive(root) and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in root.children):
        return chain, "planned"
    return chain, None


def _clause_modality(token, chain: list, words: Modality, rules: TimeRules, time: TimeValue, published: dt.date | None) -> str:
    """The modality the trigger's clause gives by its auxiliaries, markers, conditions,
    tense and date."""
    auxiliaries = [c.lower_ for v in _with_shared_auxiliary(chain) for c in v.children if c.dep_ in ("aux", "auxpass")]
    markers = [c.lower_ for v in chain for c in v.children if c.dep_ == "mark"]
    if _pending_when(chain[0], words):
        return "planned"
    conditions = [  # "would meet him if he were willing": a condition on the trigger's clause
        m.lower_ for v in chain for c in v.children if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark"
    ]
    if set(markers) & words.conditional_markers:
        return "hypothetical"
    if set(auxiliaries) & words.hypothetical_auxiliaries:
        if set(conditions) & words.conditional_markers:
            return "hypothetical"
        reported_speech = chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_.lower() in words.speech_verbs
        return "planned" if reported_speech and "would" in auxiliaries else "hypothetical"
    if clause_tense(token, rules) == "future":
        return "hypothetical" if conditioned(chain, words.condition_markers) else "planned"  # "will meet them if they ask"
    return _dated_modality(time, published, words) or "reported"


def _with_shared_auxiliary(chain: list) -> list:
    """A coordinated verb without auxiliaries of its own shares its head's ("will visit Iran
    and hold talks")."""
    first = chain[0]
    if first.dep_ == "conj" and not any(c.dep_ in ("aux", "auxpass") for c in first.children):
        return [*chain, first.head]
    return chain


def _pending_when(verb, words: Modality) -> bool:
    """A present-tense clause of time ("when they meet in Laos", "once he meets X"): a
    meeting still ahead."""
    opens = {c.lower_ for c in verb.children if c.dep_ in ("mark", "advmod")}
    return verb.dep_ == "advcl" and verb.tag_ in ("VBP", "VBZ") and bool(opens & words.pending_markers)


def _dated_modality(time: TimeValue, published: dt.date | None, words: Modality) -> str | None:
    """What the date alone says: after the publication day, planned; more than
    `historical_days` before it, historical; else nothing."""
    if time.resolved and published is not None and time.precision not in ("reported", "vague"):
        start, end = _period(time)
        if start > published:
            return "planned"
        if (published - end).days > words.historical_days:
            return "historical"
    return None


def _before_publication(time: TimeValue, published: dt.date | None) -> bool:
    """Whether a dated time ends before the publication day."""
    return published is not None and _dated(time) and _period(time)[1] < published


def _negation_idiom(word, words: Modality) -> bool:
    """A negation that asserts the event: "not since they met in Helsinki has ..."."""
    following = word.doc[word.i + 1 : word.i + 1 + max((len(p) for p in words.affirming_negations), default=0)]
    return any(tuple(t.lower_ for t in following[: len(p)]) == p for p in words.affirming_negations)


def _period(time: TimeValue) -> tuple[dt.date, dt.date]:
    """The first and last day a time value covers."""
    value = time.value or ""
    start, end = date_bounds(value[:4] if time.precision == "year" else value)
    if time.precision == "week" and len(value) >= 10:
        end = start + dt.timedelta(days=6)
    if time.end and len(time.end) == 10:
        end = max(end, dt.date.fromisoformat(time.end))
    return start, end


# ----------------------------------------------------------------------------- place and mode


def _governing(token, target_indices: set[int], max_steps: int = 5) -> bool:
    """Whether `token`'s head chain reaches one of `target_indices` without crossing
    another clause's verb."""
    node = token
    for _ in range(max_steps):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i in target_indices:
            return True
        if _is_verb(node) and node.dep_ not in ("aux", "auxpass"):
            return False
    return False


_PERSON_LABELS = ("PERSON", "ROLE", "PRON", "NORP")


def _place(token, noun, place_word, actors: _Actors, context: ArticleContext, words: PlaceWords,
           event_words: frozenset[int] = frozenset()) -> str | None:
    """The event's place: a visited place; else "X, where they met"; else a place phrase
    on the trigger (or its light-verb noun, or the verb it serves: "flew to X to meet Y",
    "arrived in X for talks"), a place naming the trigger ("the Helsinki summit"); else a
    place phrase elsewhere in the sentence, but not inside a relative clause ("X, who was
    in Paris last week, met Y")."""
    if place_word is not None:
        return actors.places[place_word.i].value
    anchors = _anchors(token, noun)
    where = _where_antecedent(anchors, token.doc, actors)
    if where is not None:
        return where
    governed, elsewhere = [], []
    for word in token.sent:
        mention = actors.places.get(word.i)
        if mention is None or (
            word.i in actors.at and actors.at[word.i].label in _PERSON_LABELS and mention.method != "landmark"
        ):
            continue  # a person named like a place; a landmark or a place NER calls an ORG stays a place
        city = mention.value in context.places and context.places[mention.value].kind == "city"
        path, prep = _place_phrase(word, words)
        named_trigger = word.dep_ in ("compound", "nmod", "poss") and word.head.i in anchors
        if city and (named_trigger or any(node.i in anchors for node in path[1:])):
            governed.append(mention.value)  # "the Helsinki summit", "Geneva talks"
            continue
        if prep is None or {prep.head.lower_, prep.head.lemma_.lower()} & words.topics:
            continue  # "the situation in Gaza", "the war in Sudan": what they discussed
        if behind_sequel(prep, anchors, words.sequels):
            continue  # "to speak with X after hosting Y in Z": the hosting's place
        on_trigger = prep.head.i in anchors or _governing(prep, anchors)
        if prep.lower_ in words.locatives or (prep.lower_ in words.surfaces and len(path) > 1):
            if on_trigger:
                governed.append(mention.value)
            elif not _in_relative_clause(prep, token) and not on_other_event(prep, anchors, event_words):
                elsewhere.append(mention.value)
        elif prep.lower_ in words.destinations and on_trigger and city:
            governed.append(mention.value)  # "welcomed X to the White House"
        elif prep.lower_ in words.departures and prep.head.i in anchors and prep.head.lemma_.lower() in words.departure_words:
            governed.append(mention.value)  # "withdrew from the city of X", "the pullout from X"
    if talked_about(token, noun, words.subject_preps):
        elsewhere = []  # "a news report about a visit to X, at a station in Y": Y is the report's
    cities = [p for p in governed + elsewhere if p in context.places and context.places[p].kind == "city"]
    if governed:  # a country governs, a city of it is named too: the city ("in Germany, at Hamburg")
        country = context.places[governed[0]].country if governed[0] in context.places else None
        finer = [c for c in cities if context.places[c].country == country]
        return finer[0] if context.places.get(governed[0]) and context.places[governed[0]].kind != "city" and finer else governed[0]
    return cities[0] if cities else None


def _anchors(token, noun) -> set[int]:
    """The words a place phrase of the event may hang from: the trigger, its light-verb
    noun, the verb a noun trigger depends on, and the verb a purpose clause or phrase
    serves ("flew to X to meet Y", "came to X for talks")."""
    anchors = {token.i} | ({noun.i} if noun is not None else set())
    if _pos(token) == "NOUN" and _is_verb(token.head):
        anchors.add(token.head.i)
    if _pos(token) == "NOUN" and token.dep_ == "pobj" and token.head.lower_ == "for" and _is_verb(token.head.head):
        anchors.add(token.head.head.i)
    verb = token if _is_verb(token) else token.head if _is_verb(token.head) else None
    if verb is not None and verb.dep_ in ("xcomp", "advcl") and any(c.lower_ == "to" and c.dep_ == "aux" for c in verb.children):
        anchors.add(verb.head.i)
    return anchors


def _place_phrase(word, words: PlaceWords) -> tuple[list, object | None]:
    """The words from a place word up to the object of the preposition that holds it, and
    that preposition: "at the Black Sea resort of Batumi", "in the presidential Blue House
    complex", "at her country retreat Chequers" (None: not in a prepositional phrase)."""
    node, path = word, [word]
    for _ in range(6):
        if node.dep_ == "pobj":
            prep = node.head
            if prep.lower_ == "of" and {prep.head.lower_, prep.head.lemma_.lower()} & words.nouns and prep.head.i != prep.i:
                node = prep.head  # "the city of X", "the outskirts of X"
                path.append(node)
                continue
            return path, prep
        head = node.head
        if node.dep_ in ("compound", "appos", "nmod", "poss") and head.i != node.i and (
            head.ent_iob_ == "I" and node.ent_iob_ != "O" or {head.lower_, head.lemma_.lower()} & words.nouns
            or node.dep_ == "appos" or head.pos_ == "PROPN"
        ):
            node = head  # a word of the same name, or a place noun ("the Mar-a-Lago resort"), not "Bethnal Green academy"
            path.append(node)
            continue
        break
    return path, None


def _where_antecedent(anchors: set[int], doc, actors: _Actors) -> str | None:
    """The place a "where" clause holding the event hangs from ("Batumi, where the two
    leaders held talks")."""
    for i in sorted(anchors):
        verb = doc[i]
        if not _is_verb(verb) or verb.dep_ != "relcl" or not any(c.lower_ == "where" for c in verb.children):
            continue
        head = verb.head
        mention = actors.places.get(head.i)
        if mention is None:  # "the resort city of Batumi, where"
            inner = [o for c in head.children if c.lower_ == "of" for o in c.children if o.dep_ == "pobj"]
            mention = actors.places.get(inner[0].i) if inner else None
        if mention is not None:
            return mention.value
    return None


def _in_relative_clause(prep, token) -> bool:
    """Whether `prep` is inside a relative clause that does not hold `token` ("X, who was in
    Paris last week, met Y")."""
    for node in prep.ancestors:
        if node.dep_ in ("relcl", "acl") and not node.left_edge.i <= token.i <= node.right_edge.i:
            return True
    return False


def _near_publication(time: TimeValue, published: dt.date | None, days: int = 2) -> bool:
    """Whether an event is news of the day the article was filed (where a dateline is)."""
    if published is None or not time.resolved or time.precision not in ("day", "reported"):
        return False
    return abs((dt.date.fromisoformat(time.value[:10]) - published).days) <= days


def _dateline_applies(time: TimeValue, modality: str, published: dt.date | None) -> bool:
    """Whether an event with no place of its own happened where the article was filed: news
    of the day it was filed, or, in an article without a date, a reported event the text
    does not date."""
    if published is None:
        return modality == "reported" and not _dated(time)
    return _near_publication(time, published)


def _travel_word(word, words: PlaceWords):
    """The travel word whose destination `word` is ("flew to X", "arrived in X", "visited
    X", "a trip to X"), unless the trip comes after ("before flying to X")."""
    path, prep = _place_phrase(word, words)
    if prep is not None and prep.lower_ in words.locatives | words.destinations:
        travel = prep.head
    elif path[-1].dep_ == "dobj":
        travel = path[-1].head
    else:
        return None
    if travel.lemma_.lower() not in words.arrivals:
        return None
    if travel.dep_ == "acl" and _pos(travel.head) == "NOUN" and travel.head.ent_type_ != "PERSON":
        return None  # "refugees arriving in Berlin": someone else's journey
    if travel.head.lower_ == "before" or any(c.lower_ == "before" for c in travel.children):
        return None
    return travel


def _trip_destination(token, event_actors, actors: _Actors, context: ArticleContext, words: PlaceWords,
                      unmade: frozenset[str] = frozenset()) -> str | None:
    """Where a meeting with no place phrase took place: the destination of a trip in its
    sentence or the one before, made by one of its participants or to a participant's
    country ("Ruto flew to Ankara on Monday. He met Erdogan at the palace."), or in the
    sentence after when it is a participant's country ("... This was his first visit to Iran")
    and that trip is told as made (not under an auxiliary of `unmade`: "... could follow
    it with a visit to Washington")."""
    sentence = token.sent
    before = token.doc[sentence.start - 1].sent if sentence.start > 0 else None
    after = token.doc[sentence.end].sent if sentence.end < len(token.doc) else None
    ids = {a.id for a in event_actors}
    countries = {a.country for a in event_actors if a.country}
    for span, mover_counts in ((sentence, True), (before, True), (after, False)):
        for word in span or ():
            mention = actors.places.get(word.i)
            travel = _travel_word(word, words) if mention is not None else None
            if travel is None or mention.value not in context.places:
                continue
            if not mover_counts and unmade_trip(travel, unmade):
                continue
            movers = [actors.at.get(s.i) for s in travel.children if s.dep_ in ("nsubj", "poss")]
            if someone_else_travelled(movers, ids):
                continue  # "X to speak with Y ... Z has visited Russia": Z's trip, not X and Y's meeting
            if context.places[mention.value].country in countries:
                return mention.value
            if mover_counts and any(m is not None and m.value in ids for m in movers):
                return mention.value
    return None


def _finer_place(place: str | None, token, actors: _Actors, context: ArticleContext, dateline: str | None, words: PlaceWords) -> str | None:
    """A city for an event placed in a country: the dateline's city in that country, else
    a city of that country the sentence gives as a place ("in X", not "between Ankara and
    Riyadh"), else the one city of that country the article names ("her first visit to
    Georgia" in an article that names only Batumi)."""
    country = context.places.get(place) if place else None
    if country is None or country.kind != "country":
        return place
    if dateline and context.places[dateline].country == country.id:
        return dateline
    for word in token.sent:
        mention = actors.places.get(word.i)
        found = context.places.get(mention.value) if mention is not None else None
        if found is not None and found.kind == "city" and found.country == country.id and _locative(word, words):
            return found.id
    cities = {m.value for m in context.place_mentions if m.value in context.places
              and context.places[m.value].kind == "city" and context.places[m.value].country == country.id}
    return cities.pop() if len(cities) == 1 else place


def _stated_place(event: _Found, doc, actors: _Actors, context: ArticleContext, words: PlaceWords,
                  event_words: frozenset[int] = frozenset()) -> str | None:
    """A merged event keeps its place when one of its sentences states it (a city of its
    country or state when one does: "in Florida" + "at Mar-a-Lago"); else the first place
    a sentence states beats one taken from the dateline, a trip or another event ("CAIRO -
    ... met Johnson" + "During the meeting in London, ...")."""
    if event.mode == "PHONE" or event.trigger.mode == "PHONE":
        return event.place
    stated = []
    for evidence in event.evidence:
        span = doc.char_span(evidence.trigger_start, evidence.trigger_end, alignment_mode="expand")
        if span is not None and len(span):
            place = _place(span[0], None, None, actors, context, words, event_words)
            if place is not None:
                stated.append(place)
    if not stated:
        return event.place
    cities = [p for p in stated if p in context.places and context.places[p].kind == "city"]
    current = context.places.get(event.place) if event.place else None
    finer = [c for c in cities if current is not None and current.kind != "city" and context.places[c].country == current.country]
    if finer:  # "in Florida" + "at Mar-a-Lago": the city
        return finer[0]
    if event.place in stated:
        return event.place
    if current is not None and current.country in stated and not any(context.places[c].country == current.country for c in cities):
        return event.place  # a city of a stated country, none of whose cities is stated ("in Germany" + HAMBURG dateline)
    return (cities or stated)[0]


def _evidence_city(event: _Found, doc, actors: _Actors, context: ArticleContext, words: PlaceWords) -> str | None:
    """A merged event placed in a country takes a city of that country that one of its
    sentences gives as a place ("met in northeast China" + "in the city of Dalian")."""
    country = context.places.get(event.place) if event.place else None
    if country is None or country.kind != "country":
        return event.place
    for evidence in event.evidence:
        for word in doc.char_span(evidence.start, evidence.end, alignment_mode="expand") or ():
            mention = actors.places.get(word.i)
            found = context.places.get(mention.value) if mention is not None else None
            if found is None or found.kind != "city" or found.country != country.id:
                continue
            if _locative(word, words):
                return found.id
    return event.place


def _locative(word, words: PlaceWords) -> bool:
    """Whether a place word is the object of a locative phrase ("in X", "at the city of X")."""
    _, prep = _place_phrase(word, words)
    return prep is not None and prep.lower_ in words.locatives


def _dateline_city(text: str, context: ArticleContext) -> str | None:
    """The city of the article's dateline ("GENEVA (AP) -"), if it has one."""
    for mention in context.place_mentions:
        if mention.start > 400:
            break
        place = context.places.get(mention.value or "")
        if place is not None and place.kind == "city" and is_dateline(text, mention.start, mention.end):
            return place.id
    return None


def _consult_mode(event: _Found, context: ArticleContext) -> tuple[str | None, list[EventActor]]:
    """VISIT, THIRD-PARTY or MULTILATERAL from where the participants are from and where
    they met; a visit makes the visitors sources and the hosts targets."""
    actors = event.actors
    countries = {a.country for a in actors if a.country}
    if event.trigger.mode or event.mode:
        return event.trigger.mode or event.mode, actors
    if len({a.country for a in actors if a.kind in ("person", "country") and a.country}) >= 3:
        return "MULTILATERAL", actors
    place = context.places.get(event.place) if event.place else None
    if place is None or not place.country or len(countries) < 2 or any(not a.country for a in actors):
        return None, actors
    hosts = [a for a in actors if a.country == place.country]
    if not hosts:
        return "THIRD-PARTY", actors
    if event.trigger.roles == "symmetric" and len(hosts) < len(actors):
        return "VISIT", [replace(a, role="target" if a.country == place.country else "source") for a in actors]
    return "VISIT", actors


# ----------------------------------------------------------------------------- extraction


def _extent(token, noun, trigger: Trigger) -> tuple[int, int]:
    words = [token] + ([noun] if noun is not None else [])
    words += [c for c in token.children if c.dep_ in PARTICLE_DEPS and c.lower_ == trigger.particle]
    return min(w.idx for w in words), max(w.idx + len(w.text) for w in words)


def _plural_referent(token, lexicon: EventLexicon) -> bool:
    """"the two leaders met": a subject that refers back to the last event's actors."""
    subjects = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
    for subject in subjects:
        if subject.lemma_.lower() in lexicon.plural_referents and (
            "Plur" in subject.morph.get("Number") or subject.lower_ in ("both", "two")
        ):
            return True
    return False


def _setting(token, lexicon: EventLexicon) -> bool:
    """An event noun that is the setting of another action ("raise oil in a meeting with
    X", "discuss trade at the talks"): what is planned is the action, not the meeting."""
    return _pos(token) == "NOUN" and token.dep_ == "pobj" and _has_phrase([token.head], lexicon.attendance_prepositions)


def _plural_possessor(token, lexicon: EventLexicon) -> bool:
    """"their first meeting", "we had a good call": an event owned or held by the last
    event's actors."""
    return (_plural_owned(token, lexicon) or plural_holder(token, lexicon.plural_pronouns)
            or plural_gathered(token, lexicon.gathered_pronouns))


def _plural_owned(token, lexicon: EventLexicon) -> bool:
    """"their first meeting", "their commitment to meet": an event (or the noun whose
    infinitive it is) with a plural possessive."""
    owners = [token, token.head] if token.dep_ == "acl" and _pos(token.head) == "NOUN" else [token]
    return any(c.dep_ == "poss" and c.lower_ in lexicon.plural_possessives for o in owners for c in o.children)


def find_events(
    doc,
    context: ArticleContext,
    kb: KnowledgeBase,
    lexicon: EventLexicon,
    time_rules: TimeRules,
    proposed: Mapping[int, Trigger] | None = None,
) -> list[EventMention]:
    """The event mentions of one parsed article (offsets into `doc.text`, the clean text);
    `proposed` adds triggers by token index (the type classifier's, chronicle.models): an
    event of theirs is kept without actors of its own, except one off its sentence's root,
    which takes the subject of the clause above it (`governing_subjects`) or goes."""
    actors = _Actors(doc, context, kb, lexicon)
    dateline = _dateline_city(actors.text, context)
    dating = [(e, v) for e, v in context.times if not v.open_ended]  # "since 2015" dates no event
    since = [(e, v) for e, v in context.times if v.open_ended]
    found: list[_Found] = []
    consumed: set[int] = set()
    main_time: TimeValue | None = None
    main_place: str | None = None  # where the main event happened, as its own sentence says
    main_seen: TimeValue | None = None
    triggers = {token.i: best for token in doc if (best := best_trigger(token, lexicon)) is not None}
    added = {i for i in proposed or {} if i not in triggers}  # a proposal at a lexicon trigger keeps the lexicon's entry
    triggers.update((i, (proposed[i], None)) for i in added)
    for token in doc:
        if token.i in consumed or token.i not in triggers:
            continue
        trigger, noun = triggers[token.i]
        if manner_noun(token, lexicon.roles.manner_nouns):
            continue  # "withdrew its ambassador in protest": how, not another event
        if any(obstacle_figure(w, lexicon.roles.figure_nouns, lexicon.roles.figure_preps) for w in (token, noun) if w is not None):
            continue  # "the last roadblock to membership": an obstacle, not a blockade
        if noun is not None and (trigger.absorbs or (triggers.get(noun.i) or (trigger,))[0].type == trigger.type):
            consumed.add(noun.i)  # "held talks": one event; "cancelled the meeting": REJECT, and a negated CONSULT
        if trigger.pos == "VERB":
            sources, targets, place_word = _verb_arguments(token, trigger, noun, actors)
            targets += _inviters(token, trigger, [*sources, *targets], actors, lexicon)
        else:
            sources, targets, place_word = _noun_arguments(token, trigger, actors, lexicon)
        unsaid = trigger.pos == "NOUN" or not any(c.dep_ in ("nsubj", "nsubjpass", "agent") for c in token.children)
        if not sources and unsaid and lexicon.roles.default_agent(trigger.type):  # "protests broke out in X", not "they looted"
            sources = actors.default_agent(token, lexicon.roles.default_agent(trigger.type))
        if trigger.pos == "VERB" and trigger.roles == "directed" and not targets:  # "closed its borders with X and imposed sanctions"
            targets = conjunct_targets(token, found, sources)
        if trigger.pos == "VERB" and trigger.roles == "directed":  # "mobilized warplanes", "expelled Togolese diplomats"
            targets = actors.settled_targets(token, trigger, sources, targets)
            sources, targets = actors.speaker_for_state(token, trigger, sources, targets)  # "X told Y that <X's state> opposes"
        event_actors = _roles(trigger, sources, targets)
        if trigger.type == "CONSULT" and interview(event_actors, lexicon.roles.media_words, frozenset(n for n, c in lexicon.sectors.of_noun.items() if c == "MED")):
            continue  # "officials, who spoke to the Associated Press": an interview, no meeting
        off_root = token.i in (proposed or {}) and token.i != token.sent.root.i
        if off_root and not event_actors:  # a proposal below another clause: that clause's subject did it
            event_actors = _roles(trigger, [a for s in governing_subjects(token) for a in actors.of(s, "source")], [])
        anaphoric = not event_actors and (
            _plural_referent(token, lexicon) or gathered_referents(token, trigger.particle, lexicon.gathered_pronouns))
        time = recalled_time(token, since, lexicon.modality.recall_markers) or _event_time(doc, token, context, dating, found, main_time, time_rules)
        time = pluperfect_time(token, time, lexicon.modality.perfect_auxiliaries)  # "had helped" in April 2018: an earlier occasion
        if not _dated(time):
            time = carried_date(token, dating, context.published) or time  # "In May 2014, ... . They had talks": May 2014
        # "came to power in 1994. The US condemned ...": news; "has ordered ..." in the lead: news
        time = news_perfect_time(background_main_time(time, context.published), token, context.times, context.published)
        time = counted_from_report(doc, token.i, dating, time, context.published, time_rules)  # "a week after admitting defeat"
        modality = _modality(token, noun, lexicon, time_rules, time, context.published, trigger.type)
        listed = []
        if modality == "habitual" and trigger.type != "CONSULT" and (told_in_past(token) or told_in_perfect(token)):
            modality = "reported"  # "police repeatedly fired tear gas at X's rallies", "X has repeatedly denied it": acts the article reports
            time = repeated_period(time)  # over a period: its month, unless a date of its own says more
        if modality == "habitual":  # "they meet regularly": no one event, unless its occasions are listed
            listed = listed_occasions(token, dating, actors.places, context.places,
                                      lexicon.modality.occasion_counts, lexicon.modality.occasion_nouns)
            if not listed:
                continue
            modality = "reported"
        aim = modality == "aim"  # "flew to Oslo for talks with X": see _settle_aims
        # "shook hands ahead of their summit": the summit the article may report (see _fold_previews)
        ahead = modality == "planned" and _phrase_before(token, lexicon.modality.prospective_prepositions)
        follows = modality == "planned" and _continued(noun if noun is not None else token, lexicon.modality)
        preview = modality in ("purpose", "aim") or modality == "planned" and (_setting(token, lexicon) or ahead or follows)
        modality = "planned" if modality in ("purpose", "aim") else modality
        if trigger.type != "CONSULT" and modality == "planned" and told_in_past(token) and _dated_modality(time, context.published, lexicon.modality) == "planned":
            modality = "reported"  # "rejected the ultimatum Monday", Monday read after publication: a past act
        if time.rule == "perfect-aspect" and modality == "reported":
            modality = "historical"
        if modality == "negated" and since:  # "have not met since July": they met in July
            last = _last_occurrence(doc, token, since, time_rules)
            if last is not None:
                time, modality = last, "historical"
        if modality == "negated" and trigger.type in lexicon.modality.refused_types:  # "would not recognise the vote"
            trigger, modality = replace(trigger, type=lexicon.modality.refused_types[trigger.type], mode=None), "reported"
        if modality in HAPPENED and may_date_story(time, context.published):  # a recalled meeting or a bare year is no main event
            main_time = _main_time(main_time, time)
        others = frozenset(i for i, (t, _) in triggers.items() if t.type != trigger.type)  # "in response to the attack in X"
        place = _place(token, noun, place_word, actors, context, lexicon.places, others)
        place = struck_city(token, trigger.type, event_actors, actors.places, context.places, lexicon.roles.place_target_types) or place
        if time.rule.startswith("last-before-negated-since") and place_word is None:
            place = None  # "have not met since July": where they last met is not this sentence's place
        if place is None and trigger.mode != "PHONE":
            place = _trip_destination(token, event_actors, actors, context, lexicon.places,
                                      lexicon.modality.hypothetical_auxiliaries | time_rules.future_auxiliaries)
        stated = place is not None  # the sentence's own place, not a trip's or the dateline's
        if modality in HAPPENED:  # "also met X in Berlin", the main event in Geneva: another occasion
            if main_time is not main_seen:
                main_place, main_seen = None, main_time
            time = away_from_main(time, place, stated, main_place, context.places, context.published)
            if main_place is None and stated and (time is main_time or time.rule.startswith("main-event:")):
                main_place = place  # the main event's place: the first its day's mentions state
        if place is None and trigger.mode != "PHONE" and _dateline_applies(time, modality, context.published):
            place = dateline
        place = _finer_place(place, token, actors, context, dateline, lexicon.places)
        if trigger.roles == "visit" and place_word is not None and not any(a.role == "target" for a in event_actors):
            country = context.places[place].country if place in context.places else None
            if country and country in kb.countries:
                event_actors.append(actors.describe(country, None, "target", place_word.idx, place_word.idx + len(place_word.text)))
        sentence = token.sent
        extent = _extent(token, noun, trigger)
        evidence = Evidence(sentence.start_char, sentence.end_char, *extent, actors.text[extent[0] : extent[1]])
        completeness = 1.0 if len(event_actors) >= 2 else 0.8 if event_actors else 0.5
        if any(a.i in triggers and a.i not in added and a.i != (noun.i if noun is not None else -1)
               for a in token.ancestors):
            completeness *= 0.6  # inside another event's words ("urged X to free ...", "lift sanctions"): not the sentence's main event
        event = _Found(
            type=trigger.type, mode=trigger.mode, trigger=trigger, token=token, extent=extent,
            actors=event_actors, modality=modality, time=time, place=place,
            confidence=round(trigger.confidence * completeness, 3), evidence=[evidence], preview=preview, stated=stated,
            sides=_sides(sources, targets), aim=aim, ahead=ahead, follows=follows,
            said=modality == "planned" and said_before(token, lexicon.modality.speech_verbs),
        )
        if trigger.type == "CONSULT" and not (modality in HAPPENED and _unreal_form(token, time_rules)):
            event.actors, event.implied = actors.with_implied_host(event.actors, time, token, trigger)
            event.confidence = round(event.confidence * (0.8 if event.implied else 1.0), 3)
            mode, roles = _consult_mode(event, context)
            event.mode, event.actors = mode, roles
            if mode == "PHONE":  # a call has no one place
                event.place = None
        if meets_no_one(token, trigger.type, event.actors, lexicon.roles.counterpart_verbs):
            continue  # "divers arrived at the port", "came to power": no one met
        # the classifier's: its event stands without actors, unless it lies off the root and names no one
        proposal = token.i in (proposed or {}) and not (off_root and not event_actors)
        occasions = [  # "met twice: in A in July and in B in May": one event per item
            replace(event, time=when, place=where or event.place, stated=bool(where), listed=True,
                    modality=_dated_modality(when, context.published, lexicon.modality) or "reported",
                    actors=list(event.actors), evidence=list(event.evidence))
            for when, where in listed
        ]
        for event in occasions or [event]:
            if not event_actors and not anaphoric and not proposal and trigger.type.lower() not in lexicon.anonymous_types:
                _merge_anaphor(found, event, _plural_possessor(token, lexicon) or bool(occasions), context.places,
                               named=_plural_owned(token, lexicon))
                continue
            if anaphoric and event.modality == "historical" and found:  # "the two have not met since"
                earlier = next((e for e in reversed(found) if e.type == event.type and len(e.actors) >= 2), None)
                if earlier is not None:
                    event.actors = [replace(a, start=a.start, end=a.end) for a in earlier.actors]
                    _merge(found, event, context.places)
                continue
            if anaphoric:
                _merge_anaphor(found, event, True, context.places, named=True)
                continue
            _merge(found, event, context.places)
    lead = lead_time([(e.token.sent, e.time) for e in found if e.modality in HAPPENED])
    written = written_day(context.times, lambda e: _said_ahead(doc, e, time_rules)) if context.published is None else None
    for event in found:  # "X rejects result" in the title: the lead event the body dates
        event.time = headline_time(event.time, event.token.sent, lead, context.published)
        if event.type != "CONSULT" and event.modality == "reported":  # "He also urged X ...", after a lead dated Monday
            event.time = lead_paragraph_time(event.time, event.token.sent, lead, context.published)
            event.time = undated_page_time(event.time, written, context.published)  # an undated page: its latest full date
        elif event.type == "CONSULT" and event.modality == "reported":  # "X and Y are holding talks" on an undated page: the date it writes
            event.time = undated_page_meeting_time(event.time, written, context.published, time_rules.day_words)
    events = _without_implied_duplicates(_fold_titles(_consolidate(found, lexicon, context.places)), context.published)
    events = _bilaterals(events, actors.text, lexicon)
    agendas = meal_agendas(events, lexicon.modality.meal_words, _dated)  # "after the talks, they plan to have lunch"
    events = [e for i, e in enumerate(events) if i not in agendas]
    for event in events:
        if event.time.rule.startswith("last-before-negated-since") or event.listed:
            continue  # "have not met since July": where they last met is not this sentence's place
        event.place = _evidence_city(event, doc, actors, context, lexicon.places)
        others = frozenset(i for i, (t, _) in triggers.items() if t.type != event.type)
        event.place = _stated_place(event, doc, actors, context, lexicon.places, others)
        if event.mode == "PHONE":  # a call has no one place, whatever a merged sentence said
            event.place = None
    placed = {e.token.i: e.place for e in events if e.place is not None}
    for event in events:  # "ordered troops to withdraw from X": the order is placed at X
        event.place = complement_place(event.token, placed, event.type, event.place, lexicon.roles.complement_place_types)
    _same_day_places(events)
    meetings = [m for m in (_placed_meeting(e, context, doc.text) for e in events) if m is not None]
    for event in events:  # "ECOWAS said ... after a summit of ECOWAS leaders in Accra": at the summit
        event.place = summit_place(event.type, event.place, event.time.value if event.time.precision == "day" else None,
                                   event.actors, meetings, lexicon.roles.seat_types, _organisation_names(event.actors, kb))
    for event in events:  # a government's statement or decision with no place: its seat
        event.place = seat_place(event.type, event.place, event.actors, context.places, context.seats,
                                 lexicon.roles.seat_types, lexicon.roles.seat_sectors,
                                 lexicon.roles.field_seat_types, lexicon.roles.field_sectors,
                                 names_field_organ(event.token, lexicon.sectors, lexicon.roles.field_sectors))
    for event in events:  # news of an undated happening: on the publication day or the day before
        if event.modality in HAPPENED:
            event.time = news_window(event.time, time_rules)
    return [_record(event) for event in events]


def _event_time(doc, token, context: ArticleContext, dating, found: list[_Found], main_time: TimeValue | None,
                rules: TimeRules) -> TimeValue:
    """The time of the event at `token`: the expression that dates it (`attach_time`), one
    relative to the story's last dated event ("Earlier in the day"); without a time of its
    own, the day of a nearby event it is sequenced against ("Before the dinner, ..."), and a
    perfect ("has met") as of publication or, beside dated background, undated."""
    time = stay_days(token, attach_time(doc, token.i, dating, main_time, context.published, rules), rules)
    time = relative_to_event(time, dating, _reference_time(found, main_time), rules, doc, token.i)
    if time.rule == "published" or time.rule.startswith("main-event:"):
        time = sequenced_time(doc, token.i, dating, rules) or time
    if (time.rule == "published" or time.rule.startswith("main-event:")) and _perfect(token):
        time = _perfect_time(token, context.times, context.published)
    if time.rule == "published" or time.rule.startswith("main-event:"):  # "are holding talks", "says at a news conference"
        time = present_news_time(token, context.published, rules) or time
    if time.rule == "unresolved":  # a page known only by its month: news of that month
        time = page_month_time(context.page_month) or time
    return time


def _said_ahead(doc, expression: TimeExpression, rules: TimeRules) -> bool:
    """Whether the text puts a written date ahead of its report: the date's clause is a
    future one ("a truce is set to take effect on Wednesday November 27, 2024")."""
    span = doc.char_span(expression.start, expression.end, alignment_mode="expand")
    return span is not None and len(span) > 0 and clause_tense(span.root, rules) == "future"


def _perfect_time(token, times: Sequence[tuple[TimeExpression, TimeValue]], published: dt.date | None) -> TimeValue:
    """A perfect with no time of its own: news as of the publication date ("Merkel has met
    Ruto in Nairobi"), unless its sentence dates other things, which makes it background ("has
    spoken with him by phone and met him in Paris in November"): some time before, undated."""
    sentence = token.sent
    if any(sentence.start_char <= e.start < sentence.end_char for e, _ in times):
        return TimeValue(None, None, "vague", "", None, "perfect-aspect")
    return published_time(published, "published:perfect")


def _main_time(current: TimeValue | None, time: TimeValue) -> TimeValue | None:
    """The article's main event time: the first happened event dated to the day; until one
    is seen, the first dated at all ("this year" yields to "on Friday")."""
    if not _dated(time) or (current is not None and (current.precision in ("day", "week") or time.precision != "day")):
        return current
    return time


def _reference_time(found: list[_Found], main_time: TimeValue | None) -> TimeValue | None:
    """What "earlier in the day" or "two days later" counts from: the last happened event
    before it dated to the day, else the main event."""
    return next(
        (e.time for e in reversed(found) if e.modality in HAPPENED and _dated(e.time) and e.time.precision == "day"),
        main_time,
    )
def _reference_day(time: TimeValue, published: dt.date | None) -> dt.date | None:
    """The day whose office holders an event involves: its own day or mid-month, else the
    publication date (within the event's year, when only the year is known)."""
    if _dated(time) and time.precision in ("day", "week", "month"):
        first, last = _period(time)
        return first + (last - first) / 2
    if _dated(time) and time.precision == "year":
        return published if published is not None and str(published.year) == (time.value or "")[:4] else None
    return published


def _sides(sources: list[EventActor], targets: list[EventActor]) -> tuple[frozenset[str], frozenset[str]]:
    """The persons on each side of a mention ("A and B met C": {A, B}, {C})."""
    source_ids = frozenset(a.id for a in sources if a.kind == "person")
    return source_ids, frozenset(a.id for a in targets if a.kind == "person") - source_ids


def _joined_sides(a: tuple[frozenset[str], frozenset[str]], b: tuple[frozenset[str], frozenset[str]]) -> tuple[frozenset[str], frozenset[str]]:
    """The sides of two mentions of one event; none when they cross (who met whom is unclear)."""
    if a[0] & b[1] or a[1] & b[0]:
        return frozenset(), frozenset()
    return a[0] | b[0], a[1] | b[1]


def _bilaterals(events: list[_Found], text: str, lexicon: EventLexicon) -> list[_Found]:
    """"Smith met Jones, Brown and Green", "the king and the crown prince received Smith":
    one meeting of Smith with each, unless the words say the meeting was one ("trilateral
    talks", "a summit"). Smith is the one alone on a side of the mention."""
    result = []
    for event in events:
        persons = [a for a in event.actors if a.kind == "person"]
        words = {w.lower() for e in event.evidence for w in text[e.start : e.end].replace("-", " ").split()}
        if event.type != "CONSULT" or len(persons) < 3 or words & lexicon.multilateral_words:
            result.append(event)
            continue
        lone = [side for side in event.sides if len(side) == 1]
        if len(lone) != 1 or set().union(*event.sides) != {a.id for a in persons} or _one_description(persons, lone[0]):
            result.append(event)  # no one person met the others (or the mention grew): one meeting
            continue
        anchor = next(a for a in persons if a.id in lone[0])
        others = [a for a in event.actors if a.kind != "person"]
        foreign = {p.country for p in persons} - {anchor.country, None}
        for person in (p for p in persons if p is not anchor):
            if foreign and person.country and person.country == anchor.country:
                continue  # compatriots beside a foreign guest host together: no meeting of their own
            mode = None if event.mode == "MULTILATERAL" else event.mode
            result.append(replace(event, actors=[anchor, person, *others], mode=mode, evidence=list(event.evidence)))
    return result


def _one_description(persons: list[EventActor], lone: frozenset[str]) -> bool:
    """Whether the persons beside the lone one are named by one plural description ("met
    the foreign ministers of A and B"): a group met together, one meeting."""
    spans = {(a.start, a.end) for a in persons if a.id not in lone}
    return len(spans) == 1


def _unreal_form(token, rules: TimeRules) -> bool:
    """An infinitive or a future ("Smith to visit Kenya", "will be the first to visit"): no
    ground to guess who received a visit read as having happened."""
    verbs = []
    for word in (token, *token.ancestors):  # the verbs of its own clause: not past a reported clause
        if _is_verb(word):
            verbs.append(word)
            if word.dep_ in ("ccomp", "relcl", "advcl", "parataxis"):
                break
    return infinitive(token) or any(clause_tense(verb, rules) == "future" for verb in verbs)


def _without_implied_duplicates(events: list[_Found], published: dt.date | None) -> list[_Found]:
    """An implied host ("arrived in Moscow") is a guess the article may state itself: a
    meeting of the same persons, reported in words, within a few days, replaces it (so does
    one reported on the day of an implied host's plan: "deals will be signed during his visit
    to Valdora" beside "they talked in Valdora on Wednesday", the visit under way); one the
    article says is still ahead on the publication day or later ("arrived in Chennai ... will
    meet Modi later today") undoes it: the visit stays, without the host."""
    def persons(event: _Found) -> frozenset[str]:
        return frozenset(a.id for a in event.actors if a.kind == "person")

    def near(a: TimeValue, b: TimeValue) -> bool:
        if not (_dated(a) and _dated(b)):
            return True
        (first_a, last_a), (first_b, last_b) = _period(a), _period(b)
        return first_a - dt.timedelta(days=3) <= last_b and first_b - dt.timedelta(days=3) <= last_a

    stated = [e for e in events if not e.implied]
    kept = [
        e for e in events
        if not e.implied or not any(
            s.type == e.type and persons(s) == persons(e) and near(s.time, e.time)
            and (_group(s.modality) == _group(e.modality) or _visit_underway(e, s))
            for s in stated
        )
    ]
    for event in kept:  # "arrived in Chennai ... will meet Modi later today": the host is still to come
        if event.implied and event.modality in HAPPENED and any(
            s.type == event.type and s.modality == "planned" and persons(s) == persons(event) and near(s.time, event.time)
            and _dated(s.time) and not _before_publication(s.time, published) for s in stated
        ):
            event.actors, event.implied = _without_implied_host(event.actors), False
    return kept


def _visit_underway(implied: _Found, stated: _Found) -> bool:
    """Whether an implied host's plan ("will be offered weapons during his visit to Valdora")
    is the visit a stated meeting of the same day reports ("talked in Valdora on Wednesday"):
    both dated to the same day, the plan by words of its own (an invitation dated only by the
    article's main event is a visit still to come), the one planned, the other reported."""
    return (implied.modality == "planned" and stated.modality == "reported" and _dated(implied.time)
            and _same_day(implied.time, stated.time))


def _without_implied_host(actors: list[EventActor]) -> list[EventActor]:
    """The actors less the host a visited country implied (a person on the country's words)."""
    places = {(a.start, a.end) for a in actors if a.kind != "person"}
    return [a for a in actors if a.kind != "person" or (a.start, a.end) not in places]


def _placed_meeting(event: _Found, context: ArticleContext, context_text: str) -> PlacedMeeting | None:
    """A happened meeting with its day, its place and every actor its sentences name."""
    if event.type != "CONSULT" or event.modality not in HAPPENED or event.time.precision != "day":
        return None
    named = {m.value for m in context.actor_mentions if m.value
             and any(e.start <= m.start < e.end for e in event.evidence)}
    text = " ".join(context_text[e.start:e.end] for e in event.evidence)
    return placed_meeting(event.time.value, event.place, named | {a.id for a in event.actors}, text)


def _organisation_names(actors: Sequence[EventActor], kb: KnowledgeBase) -> dict[str, tuple[str, ...]]:
    """The name and aliases the knowledge base gives each organisation among `actors`."""
    return {a.id: (kb.actors[a.id].name, *kb.actors[a.id].aliases) for a in actors
            if a.kind == "organization" and a.id in kb.actors}


def _same_day_places(events: list[_Found]) -> None:
    """An in-person event with no place of its own, told after the article's first placed
    event, on its day and sharing an actor with it ("earlier on Monday, he met ..."), was
    there too; so was an undated one the article reports as news beside it ("X also met
    Y"); not one told before it ("met X before flying to Nairobi")."""
    main = next((e for e in events if e.place and e.modality in HAPPENED and len(e.actors) >= 2), None)
    if main is None:
        return
    ids = {a.id for a in main.actors}
    for event in events:
        same_day = main.time.value and event.time.value == main.time.value and len(event.time.value) == 10
        beside = not event.time.value and event.modality == main.modality == "reported"
        if (
            event.place is None and event.mode != "PHONE" and event.modality in HAPPENED
            and (same_day or beside) and ids & {a.id for a in event.actors}
            and event.evidence[0].start > main.evidence[0].start
        ):
            event.place = main.place


def _perfect(token) -> bool:
    """A verb in the perfect ("has met", "have spoken"), or a noun whose clause verb is."""
    verb = token if _is_verb(token) else next((a for a in token.ancestors if _is_verb(a)), None)
    if verb is None:
        return False
    auxiliaries = [c for c in verb.children if c.dep_ == "aux"]
    if verb.dep_ == "conj" and not auxiliaries:  # "has spoken ... and met": the shared auxiliary
        auxiliaries = [c for c in verb.head.children if c.dep_ == "aux"]
    return any(a.lemma_.lower() == "have" for a in auxiliaries) and "Part" in verb.morph.get("VerbForm")


def _last_occurrence(doc, token, since: list[tuple[TimeExpression, TimeValue]], rules: TimeRules) -> TimeValue | None:
    """The time in "have not met since last July" (the last time it happened), when a
    "since" expression governs the negated trigger's clause."""
    value = attach_time(doc, token.i, since, None, None, rules)
    if not value.resolved or not value.open_ended:
        return None
    return replace(value, open_ended=False, rule=f"last-before-negated-since:{value.rule}")


def _group(modality: str) -> str:
    return "happened" if modality in HAPPENED else modality


def _dated(time: TimeValue) -> bool:
    return time.resolved and time.precision not in ("reported", "vague") and not time.rule.startswith("main-event:")


def _compatible_dates(a: TimeValue, b: TimeValue) -> bool:
    """Periods that overlap; a mention dated only by the publication day ("reported") stands
    for the days around it, so an explicit date weeks away is another event; an undated
    mention fits any date."""
    if _dated(a) and _dated(b):
        return _overlap(_period(a), _period(b))
    if told_apart(a, b) or other_month(a, b):  # "on Saturday" or "on Sept. 23" on an undated page, "in December 2019": two occasions
        return False
    dated, news = (a, b) if _dated(a) else (b, a)
    if _dated(dated) and news.precision == "reported" and news.value and news.rule == "published":
        day = dt.date.fromisoformat(news.value[:10])
        return _overlap(_period(dated), (day - NEWS_WINDOW, day + NEWS_WINDOW))
    return True


def _overlap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def _different_places(a: _Found, b: _Found, places: Mapping[str, Place]) -> bool:
    """Two mentions placed in cities of two different countries are two events ("their
    first meeting in Lisbon" is not the Oslo summit), when both sentences say so; two
    cities of one country may be a venue and its town."""
    first, second = places.get(a.place or ""), places.get(b.place or "")
    if a.stated and b.stated and two_countries(first, second):  # "a meeting in Italy, a meeting in Norway"
        return True
    if not (a.stated and b.stated) or first is None or second is None or first.id == second.id or "city" not in (first.kind, second.kind):
        return False
    return bool(first.country and second.country and first.country != second.country)


def _different_channels(a: _Found, b: _Found) -> bool:
    """A call and an in-person meeting are two events: a PHONE mention does not join a verb
    trigger without a mode ("spoke by phone and met in Paris") nor a meeting placed in
    someone's country or a third one (a visit)."""
    modes = {a.trigger.mode, b.trigger.mode}
    if "PHONE" not in modes or len(modes) == 1:
        return False
    other = b if a.trigger.mode == "PHONE" else a
    if other.trigger.any_channel and other.mode is None:  # "to speak with X" and "a phone call with X": one contact
        return False
    return other.trigger.pos == "VERB" or other.mode in ("VISIT", "THIRD-PARTY", "MULTILATERAL")


def _absorb(into: _Found, event: _Found) -> None:
    """Fold a mention of the same event into `into`: evidence, actors, the better time and place."""
    into.evidence.append(event.evidence[0])
    known = {a.id for a in into.actors}
    into.actors += [a for a in event.actors if a.id not in known]
    if not _dated(into.time) and _dated(event.time) or (
        _dated(event.time) and _dated(into.time) and _precision_rank(event.time) < _precision_rank(into.time)
    ):
        into.time = event.time
    if into.place is None or not into.stated and event.stated and event.place:
        into.place, into.stated = event.place, event.stated
    into.mode = into.mode or event.mode
    into.confidence = max(into.confidence, event.confidence)
    into.implied = into.implied and (event.implied or sum(a.kind == "person" for a in event.actors) < 2)
    into.sides = _joined_sides(into.sides, event.sides)
    into.aim = into.aim or event.aim
    into.preview = into.preview and (event.preview or len(_persons_of(event)) < 2)  # a plan of named persons is no mere preview
    into.ahead = into.ahead and (event.ahead or len(_persons_of(event)) < 2)
    into.follows = into.follows and (event.follows or len(_persons_of(event)) < 2)
    into.said = into.said and event.said


def _precision_rank(time: TimeValue) -> int:
    return ("day", "week", "month", "year", "vague", "reported").index(time.precision)


def _merge_anaphor(found: list[_Found], event: _Found, plural: bool, places: Mapping[str, Place], named: bool = False) -> None:
    """An event word with no actors of its own ("the meeting lasted three hours") is more
    evidence for the last event of its type and modality with a compatible date and place,
    if any. A plural one ("their first meeting was in Lisbon", "the two leaders met in
    March") with another date or city is another event between the same actors. One that
    names its referents (`named`: "their", "the two leaders", not a bare "they", which may
    stand for anyone in a quote) refers to them whatever the modality: "they spoke on Friday
    ... their commitment to meet at the summit" is a plan of the same two."""
    same_kind = [e for e in found if e.type == event.type and _group(e.modality) == _group(event.modality)]
    fitting = [
        e for e in same_kind
        if _compatible_dates(e.time, event.time) and not _different_places(e, event, places) and not _different_channels(e, event)
        and not _other_story_days(e, event)
    ]
    between = [e for e in fitting if len(e.actors) >= 2]  # the last event between two actors, else the last
    referents = found if named else same_kind
    last = next((e for e in reversed(referents) if e.type == event.type and len(e.actors) >= 2), None)
    if fitting and (between or not (plural and named) or last is None):
        _absorb((between or fitting)[-1], event)
        return
    if plural and last is not None:
        event.actors = list(last.actors)
        if _different_channels(last, event):  # "we had a good call" after their meeting: another, earlier contact
            event.place = None
            if not _dated(event.time):  # not the meeting's day, which it borrowed
                event.time = TimeValue(None, None, "vague", "", None, "other-channel")
        found.append(event)


def _merge(found: list[_Found], event: _Found, places: Mapping[str, Place]) -> None:
    """One event mention per event: a later mention with the same type and modality,
    compatible dates, and the same actors (or a part of them: one or two) joins it."""
    for earlier in reversed(found):
        if _same_event(earlier, event, places):
            _absorb(earlier, event)
            return
    found.append(event)


def _same_event(earlier: _Found, event: _Found, places: Mapping[str, Place]) -> bool:
    """Same type and modality, compatible dates and places, the same channel, and actors
    that agree: where both name two or more persons, the same persons; else one set of
    actors inside the other."""
    if earlier.type != event.type or _group(earlier.modality) != _group(event.modality):
        return False
    if not _compatible_dates(earlier.time, event.time) or _different_channels(earlier, event):
        return False
    if _other_story_days(earlier, event):  # "on Friday", "on Saturday" on an undated page
        return False
    if recalled_apart(earlier.time, event.time, _dated):  # "since May 2018, when they met": not today's talks
        return False
    if _different_places(earlier, event, places):
        return False
    if other_city_other_date((earlier.place, event.place), (earlier.stated, event.stated),
                             (_dated(earlier.time), _dated(event.time)), places):
        return False  # "dinner in Nice" and "talks in Paris last March"
    if event.type != "CONSULT" and opposed_sides(earlier.actors, event.actors):  # "X accused Y", "Y accused X"
        return False
    if event.type != "CONSULT" and fighting_apart(earlier.trigger.roles, event.trigger.roles):  # "abducted X ... a gun battle with Y"
        return False
    ids, known = {a.id for a in event.actors}, {a.id for a in earlier.actors}
    persons, known_persons = _persons_of(event), _persons_of(earlier)
    if len(persons) >= 2 and len(known_persons) >= 2:
        return persons <= known_persons or known_persons <= persons
    return ids <= known or known <= ids


def _other_story_days(a: _Found, b: _Found) -> bool:
    return other_story_day(a.time, b.time, (t.text for t in a.token.sent), (t.text for t in b.token.sent))


def _persons_of(event: _Found) -> set[str]:
    return {a.id for a in event.actors if a.kind == "person"}


def _same_day(a: TimeValue, b: TimeValue) -> bool:
    return a.precision == b.precision == "day" and a.value == b.value


def _consolidate(found: list[_Found], lexicon: EventLexicon, places: Mapping[str, Place]) -> list[_Found]:
    """Merge the events that became one as their actors filled in ("Macron and the Elysee",
    then "... and Merkel"); then fold previews into the happening they announced."""
    kept: list[_Found] = []
    for event in found:
        into = next((k for k in kept if _same_event(k, event, places)), None)
        if into is None:
            kept.append(event)
        else:
            for evidence in event.evidence:
                _absorb(into, replace(event, evidence=[evidence]))
    return _fold_previews(kept, lexicon, places)


def _fold_titles(events: list[_Found]) -> list[_Found]:
    """A title-block event with no source whose actors the first body event of its type,
    modality and date names (extract/summaries.py) is more evidence of that event ("100
    girls abducted in <country>" over "Gunmen kidnapped 100 students"). Not meetings (their
    titles fold by `_fold_previews`)."""
    titled = {id(e) for e in events if e.type != "CONSULT" and in_title_block(e.token.sent)}
    folded = set()
    for event in (e for e in events if id(e) in titled):
        into = next((k for k in events if id(k) not in titled and k.type == event.type and _group(k.modality) == _group(event.modality)
                     and _compatible_dates(k.time, event.time) and summarised_by(event.actors, k.actors)), None)
        if into is not None:
            for evidence in event.evidence:
                _absorb(into, replace(event, actors=[], evidence=[evidence]))
            folded.add(id(event))
    return [e for e in events if id(e) not in folded]


def _fold_previews(events: list[_Found], lexicon: EventLexicon, places: Mapping[str, Place]) -> list[_Found]:
    """The aim of a trip ("flew to Batumi to meet X"), the setting of a plan ("intended to
    raise oil in a meeting with X") or what a dated act was ahead of ("on Sunday he said he
    looked forward to meeting X", "shook hands ahead of their summit") or more of a meeting
    ("were expected to have more discussions Saturday"), undated or on the same day as a
    meeting the article reports between the same persons (and not placed elsewhere), or for
    what is ahead, a few days later, for more of it, a day or two after it, announced that
    meeting, told its agenda or its sequel: it becomes evidence of it. So does a plan told in
    words said in the past ("earlier in the day X said A and B will meet") on the day of a
    meeting of the same persons the article reports, and an undated plan in the title ("X to
    meet Y") whose meeting the body reports ("X met Y on Monday"). A plan to meet again ("flew back to meet him again")
    stays a plan."""
    kept = []
    for event in events:
        happened = None
        again = bool({t.lower_ for t in event.token.sent} & lexicon.modality.repeat_words)
        if event.said and not again and event.modality == "planned" and len(_persons_of(event)) >= 2:
            happened = next((e for e in events if e.type == event.type and e.modality in HAPPENED and not e.implied
                             and _persons_of(e) == _persons_of(event) and _same_day(e.time, event.time)
                             and not _different_places(e, event, places)), None)
        if happened is None and not again and event.modality == "planned" and len(_persons_of(event)) >= 2 \
                and not _dated(event.time) and in_title_block(event.token.sent):
            happened = next((e for e in events if e.type == event.type and e.modality == "reported" and not e.implied
                             and _persons_of(e) == _persons_of(event) and not in_title_block(e.token.sent) and not recalled(e.time)
                             and not _different_places(e, event, places)), None)
        if happened is None and event.preview and len(_persons_of(event)) >= 2:
            sentence = {t.lower_ for t in event.token.sent}
            if not sentence & lexicon.modality.repeat_words:
                happened = next((e for e in events if e.type == event.type and e.modality in HAPPENED and not e.implied
                                 and _persons_of(e) == _persons_of(event) and not _different_places(e, event, places)
                                 and not recalled(e.time)  # the trip's summit is not the one a since-clause recalls
                                 and not _other_story_days(e, event)  # "on Saturday" after "on Friday"
                                 and (not _dated(event.time) or _same_day(e.time, event.time)
                                      or event.ahead and _soon_after(event.time, e.time)
                                      or event.follows and _soon_after(e.time, event.time, VISIT_DAYS))), None)
        if happened is None:
            kept.append(event)
            continue
        if event.modality == "planned" and not (event.ahead or event.said or event.aim):
            happened.announced = happened.announced or _still_ahead(happened, lexicon)  # "as they meet" over "will make the meeting"
        for evidence in event.evidence:
            happened.evidence.append(evidence)
    for event in kept:  # the present of a timetable: the meeting is ahead
        if event.announced and event.modality == "reported":
            event.modality = "planned"
    return _settle_aims(kept, places)


def _still_ahead(event: _Found, lexicon: EventLexicon) -> bool:
    """Whether a reported meeting is told only in the simple present (extract/previews.py),
    undated or dated by no past words of its own."""
    if _dated(event.time) or event.type != "CONSULT":
        return False
    doc = event.token.doc
    triggers = [span.root for ev in event.evidence
                if (span := doc.char_span(ev.trigger_start, ev.trigger_end, alignment_mode="expand")) is not None]
    return only_timetable(triggers, lambda sentence: _has_phrase(sentence, lexicon.modality.prospective_prepositions))


def _soon_after(before: TimeValue, after: TimeValue, window: dt.timedelta = NEWS_WINDOW) -> bool:
    """Whether `after` is a day on or up to `window` after the day `before`."""
    if not (_dated(before) and _dated(after) and before.precision == after.precision == "day"):
        return False
    gap = _period(after)[0] - _period(before)[1]
    return dt.timedelta(0) <= gap <= window


def _continued(word, words: Modality) -> bool:
    """"more discussions", "further talks" on an event noun: more of a meeting (that
    `_fold_previews` may find under way)."""
    return _pos(word) == "NOUN" and any(c.dep_ == "amod" and c.lower_ in words.continuation_words for c in word.children)


def _settle_aims(events: list[_Found], places: Mapping[str, Place]) -> list[_Found]:
    """A meeting told as the aim of a journey ("arrived in Jeddah for talks with X"), which
    no sentence states as a plan of the same persons ("will meet X later today") nor reports,
    is reported with the journey: the article tells the trip for the talks it made."""
    kept: list[_Found] = []
    for event in events:
        if not (event.aim and event.preview and event.modality == "planned"):
            kept.append(event)
            continue
        event.modality, event.preview = "reported", False
        into = next((e for e in events if e is not event and e.modality in HAPPENED and _same_event(e, event, places)), None)
        if into is None:
            kept.append(event)
            continue
        for evidence in event.evidence:
            _absorb(into, replace(event, evidence=[evidence]))
    return kept


def _record(event: _Found) -> EventMention:
    first = event.evidence[0]
    time = event.time
    return EventMention(
        start=first.start,
        end=first.end,
        type=event.type,
        mode=event.mode,
        modality=event.modality,
        actors=tuple(event.actors),
        date=time.value,
        end_date=closing_day(time),
        date_precision=time.precision,
        date_expression=time.expression,
        date_rule=time.rule,
        place=event.place,
        confidence=event.confidence,
        evidence=tuple(event.evidence),
    )

