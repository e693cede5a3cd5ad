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
from chronicle.resolve.places import is_dateline
from chronicle.resolve.times import TimeExpression, TimeRules, TimeValue, attach_time, clause_tense, date_bounds

ROLES = ("directed", "symmetric", "visit", "host")
DEFAULT_TARGET_PREPS = {  # by role scheme: "met with X", "visited X", "sanctions against X"
    "directed": ("against", "on", "with", "to", "at", "from", "for"),
    "symmetric": ("with", "alongside"),
    "visit": ("to", "with"),
    "host": ("with", "to"),
}
HAPPENED = ("reported", "historical")
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
    roles: str = "directed"
    target_preps: frozenset[str] = frozenset(DEFAULT_TARGET_PREPS["directed"])
    confidence: float = 0.7

    @property
    def specificity(self) -> int:
        return bool(self.words) + bool(self.object) + bool(self.particle) + bool(self.prep) + self.complement


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
    negating_governors: frozenset[str]
    prospective_prepositions: tuple[tuple[str, ...], ...]
    anterior_prepositions: tuple[tuple[str, ...], ...]
    prospective_modifiers: frozenset[str]
    historical_days: int


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
    anonymous_types: frozenset[str]
    person_nouns: frozenset[str] = frozenset()
    collective_nouns: frozenset[str] = frozenset()
    travel_verbs: frozenset[str] = frozenset()
    visit_words: frozenset[str] = frozenset()
    multilateral_words: frozenset[str] = frozenset()
    government_led: frozenset[str] = frozenset()  # ISO3 of countries led by the head of government

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
        negating_governors=_words(words.get("negating_governors")),
        prospective_prepositions=_phrases(words.get("prospective_prepositions")),
        anterior_prepositions=_phrases(words.get("anterior_prepositions")),
        prospective_modifiers=_words(words.get("prospective_modifiers")),
        historical_days=int(words.get("historical_days", 30)),
    )
    return EventLexicon(
        types=types,
        triggers={key: tuple(entries) for key, entries in index.items()},
        modality=modality,
        group_nouns=_words(ontology.get("group_nouns")),
        support_verbs=_words(ontology.get("support_verbs")),
        attendance_prepositions=_phrases(ontology.get("attendance_prepositions")),
        plural_referents=_words(ontology.get("plural_referents")),
        anonymous_types=_words(t.lower() for t in ontology.get("anonymous_types") or ()),
        person_nouns=_words(ontology.get("person_nouns")),
        collective_nouns=_words(ontology.get("collective_nouns")),
        travel_verbs=_words(ontology.get("travel_verbs")),
        visit_words=_words(ontology.get("visit_words")),
        multilateral_words=_words(ontology.get("multilateral_words")),
        government_led=frozenset(str(c).upper() for c in load_yaml("resolve.yaml").get("government_led") or ()),
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
    implied: bool = False  # a participant stands for a visited or hosting country
    sides: tuple[frozenset[str], frozenset[str]] = (frozenset(), frozenset())  # persons named as sources, as targets


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


def _matches(trigger: Trigger, token) -> tuple[bool, object]:
    """Whether the entry fires at `token`, and the event noun of a light verb, if any."""
    obj = _direct_object(token) if trigger.pos == "VERB" else None
    if trigger.object:
        nouns = [obj] if obj is not None else []
        nouns += [c for c in token.children if c.dep_ == "nsubjpass"]  # "talks were held"
        noun = next((n for n in nouns if _noun_keys(n) & trigger.object), None)
        if noun is None:
            return False, None
        obj = noun
    elif obj is not None and _noun_keys(obj) & trigger.object_not:
        return False, None
    if trigger.particle and not any(c.dep_ == "prt" and c.lower_ == trigger.particle for c in token.children):
        return False, None
    if trigger.prep and not any(c.dep_ in ("prep", "agent", "dative") and c.lower_ == trigger.prep for c in token.children):
        return False, None
    if trigger.complement and not any(c.dep_ == "xcomp" for c in token.children):
        return False, None
    if trigger.words and not _has_phrase(_clause_tokens(token), trigger.words):
        return False, None
    return True, (obj if trigger.object else None)


def _best_trigger(token, lexicon: EventLexicon) -> tuple[Trigger, object] | None:
    pos = _pos(token)
    if pos is None:
        return None
    entries = lexicon.triggers.get((token.lemma_.lower(), pos), ()) or lexicon.triggers.get((token.lower_, pos), ())
    fired = []
    for entry in entries:
        ok, noun = _matches(entry, token)
        if ok:
            fired.append((entry.specificity, entry.confidence, entry, noun))
    if not fired:
        return None
    _, _, entry, noun = max(fired, key=lambda item: item[:2])
    return entry, noun


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


class _Actors:
    """Maps argument words to actors: resolved mentions, nationality modifiers, groups."""

    def __init__(self, doc, context: ArticleContext, kb: KnowledgeBase, lexicon: EventLexicon):
        self.doc = doc
        self.text = doc_text(doc)  # read once: spaCy joins it on every access
        self.kb = kb
        self.lexicon = lexicon
        self.context = context
        self.at = _span_index(doc, context.actor_mentions)
        self.names = {  # an actor the KB does not know goes by its longest name in the article
            m.value: (m.text.strip(" ,."), _kind_of(m.value))
            for m in sorted(context.actor_mentions, key=lambda m: len(m.text))
            if m.value and m.label in ("PERSON", "ORG", "NORP", "GPE") and len(m.text.strip()) > 3
        }
        self.places = _span_index(doc, context.place_mentions)

    def describe(self, actor_id: str, mention: Mention | None, role: str, start: int, end: int) -> EventActor:
        kb = self.kb
        if actor_id in kb.actors:
            actor = kb.actors[actor_id]
            return EventActor(actor_id, actor.name, actor.kind, role, actor.country, start, end)
        if actor_id in kb.countries:
            return EventActor(actor_id, kb.countries[actor_id].name, "country", role, actor_id, start, end)
        name, kind = self.names.get(actor_id) or self.context.corpus_names.get(actor_id) or (actor_id, _kind_of(actor_id))
        return EventActor(actor_id, name, kind, role, None, start, end)

    def of(self, token, role: str) -> list[EventActor]:
        """The actors a word names, with its conjuncts ("Merkel and Macron"), including a
        conjunct the parser hung as a modifier ("Mr Smith and Prime Minister Jones met")."""
        mention = self.at.get(token.i)
        if mention is not None and mention.value in self.kb.countries:  # "SEOUL – The North Korean leader and ...": a dateline
            appositive = [a for c in token.children if c.dep_ == "appos" for a in self.of(c, role) if a.kind == "person"]
            if appositive:
                return appositive
        found = []
        words = _with_conjuncts(token)
        words += [c for c in token.children if c.dep_ in ("nmod", "compound") and c.i < token.i and c.i in self.at
                  and any(g.dep_ == "cc" for g in c.children) and self.at[c.i] is not self.at.get(token.i)]
        for word in words:
            if self.lexicon.plural_referents and self._plural(word):
                found += self.recent_persons(word, role)
                continue
            if word.pos_ == "PRON" and "1" in word.morph.get("Person") and "Plur" in word.morph.get("Number"):
                found += self.speaker_and_other(word, role)  # '"We had a great meeting," Smith said'
                continue
            actor = self._one(word, role)
            if actor is not None:
                found.append(actor)
        if len(words) > 1 and len(found) < len(words) + 1:  # "He and Smith met": the pronoun is not Smith
            pronouns = [w for w in words if w.pos_ == "PRON" and "3" in w.morph.get("Person") and not self._plural(w)]
            named = [a for w, a in zip(words, found) if w.pos_ != "PRON"] if len(found) == len(words) else [a for a in found if a.start not in {w.idx for w in pronouns}]
            others = [self.other_person(w, named, role) for w in pronouns]
            if pronouns and all(others):
                found = named + others
        return found

    def speaker_and_other(self, pronoun, role: str) -> list[EventActor]:
        """"we" in a quote: its speaker (the person subject of the speech verb governing it)
        and the last head of state or government named before, not the speaker."""
        verb = next((a for a in pronoun.ancestors if a.lemma_.lower() in self.lexicon.modality.speech_verbs), None)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        speaker = self._one(subject, role) if subject is not None else None
        if speaker is None or speaker.kind != "person":
            return []
        first = self.doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0
        for index in range(pronoun.i - 1, max(first - 1, -1), -1):
            mention = self.at.get(index)
            if mention is not None and mention.value != speaker.id and self.officeholder(mention.value, ("head_of_state", "head_of_government")):
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

    def recent_persons(self, token, role: str, count: int = 2) -> list[EventActor]:
        """The last `count` distinct persons named before `token` in its sentence or the two
        before it."""
        first_sentence = token.sent.start
        for _ in range(2):
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
        return [self.describe(m.value, m, role, m.start, m.end) for m in picked[:count]]

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
            mention = following  # "Putin and PM Modi": the parser took the title for the name
        if token.i in self.places and token.dep_ == "pobj" and token.head.lower_ in ("at", "in", "inside", "outside", "near"):
            return None  # "talks at the State House": a place, not an actor
        if mention is not None:
            return self.describe(mention.value, mention, role, mention.start, mention.end)
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod", "appos")]
        named = [self.at[c.i] for c in modifiers if c.i in self.at]
        lemma = token.lemma_.lower()
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
        if (lemma in self.lexicon.group_nouns or token.lower_ in self.lexicon.group_nouns) and collective:
            country = next((m.value for m in named if m.value in self.kb.countries), None)
            people = [m for m in named if m.value not in self.kb.countries]
            if people:  # "Assad's forces": the named actor
                return self.describe(people[0].value, people[0], role, people[0].start, people[0].end)
            start = min([token.idx] + [self.doc[c.i].idx for c in modifiers if c.i in self.at])
            end = token.idx + len(token.text)
            text = self.text[start:end]
            group_id = f"group:{(country or 'x').lower()}:{lemma}"
            return EventActor(group_id, text, "group", role, country, start, end)
        countries = [m.value for m in named if m.value in self.kb.countries]
        if countries and lemma in self.lexicon.person_nouns:  # "the American diplomat"
            person = self.last_person_of(countries[0], token)
            if person is not None:
                return self.describe(person.value, person, role, person.start, person.end)
        if named and token.pos_ in ("NOUN", "PROPN"):
            mention = named[0]
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
        visit = trigger.roles == "host" or any(t.lemma_.lower() in self.lexicon.visit_words for t in token.sent)
        host = self.host_of(place.id, persons, day, unnamed=visit)  # undated article: a holder it names
        if host is None or host in {a.id for a in found}:
            return found, False
        return [*found, self.describe(host, None, place.role, place.start, place.end)], True

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
        active = [c for c in node.children if c.dep_ in ("nsubj", "csubj")]
        passive = [c for c in node.children if c.dep_ == "nsubjpass"]
        agents = [o for c in node.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"]
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
    obj = _direct_object(token)
    objects = [] if trigger.object else ([obj] if obj is not None else [])
    objects += [c for c in token.children if c.dep_ in ("dative", "iobj")]
    preps = _prep_objects(token, trigger.target_preps)
    if noun is not None:
        preps += _prep_objects(noun, trigger.target_preps | {"between"})
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
        found = actors.of(word, "target")
        if not found and trigger.roles == "visit" and word.i in actors.places:
            place_word = word
        object_actors += found
    prep_actors = []
    for prep, word in preps:
        found = actors.of(word, "target")
        if not found and trigger.roles == "visit" and word.i in actors.places and place_word is None:
            place_word = word
        prep_actors += found
    if trigger.roles == "host":
        return object_actors + prep_actors + passive_actors, subjects, place_word
    return subjects, passive_actors + object_actors + prep_actors, place_word


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
        else:
            found = actors.of(word, "target")
            if not found and trigger.roles == "visit" and word.i in actors.places and place_word is None:
                place_word = word
            targets += found
    head = token.head
    verb = None
    if token.dep_ in ("dobj", "obj", "nsubjpass") and head.lemma_.lower() in lexicon.support_verbs:
        verb = head
    elif token.dep_ == "pobj" and _has_phrase([head.head, head] if head.dep_ == "prep" and head.head.dep_ == "pobj" else [head], lexicon.attendance_prepositions):
        verb = next((a for a in head.ancestors if _is_verb(a)), None)  # "agreed ... following talks"
    elif token.dep_ == "pobj" and head.lower_ == "on" and trigger.roles == "visit" and _is_verb(head.head):
        verb = head.head  # "on a visit to Japan, Smith said": the visitor
    elif token.dep_ == "pobj" and head.lower_ in ("for", "from") and head.head.lemma_.lower() in lexicon.travel_verbs:
        verb = head.head  # "flew to Oslo for talks with X", "returned from a visit to Y": the traveller
    if verb is not None:
        active, _ = _subjects(verb)
        sources += [a for s in active for a in actors.of(s, "source")]
    return sources, targets, place_word


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
    """Whether `token` is the object of one of `phrases` ("ahead of [the summit]")."""
    if token.dep_ != "pobj":
        return False
    prep = token.head
    words = [t.lower_ for t in token.doc[max(prep.i - 4, 0) : prep.i + 1]]
    return any(tuple(words[-len(p) :]) == p for p in phrases)


def _modality(token, noun, lexicon: EventLexicon, rules: TimeRules, time: TimeValue, published: dt.date | None) -> str:
    """reported, historical, planned, hypothetical or negated (see docs/events.md)."""
    words = lexicon.modality
    carrier = token
    if _pos(token) == "NOUN" and token.head.i != token.i:
        head = token.head
        phrasal = tuple(w for w in (head.lemma_.lower(), *(c.lower_ for c in head.children if c.dep_ == "prt")))
        if token.dep_ in ("dobj", "obj", "nsubjpass") and (
            head.lemma_.lower() in words.cancel_verbs or phrasal[:2] in words.cancel_phrasal
        ):
            return "negated"
        if _phrase_before(token, words.prospective_prepositions):
            return "planned"
        if _phrase_before(token, words.anterior_prepositions) and clause_tense(token, rules) == "future":
            return "reported"  # "will call him after the meeting": the meeting is before the future
        if any(c.dep_ in ("amod", "compound") and c.lower_ in words.prospective_modifiers for c in token.children):
            return "planned"
        if token.dep_ in ("dobj", "obj", "nsubjpass", "nsubj") and _is_verb(head):
            carrier = head
    negators = [*carrier.children, *(noun.children if noun is not None else ())]
    if any(c.dep_ == "neg" or c.lower_ in words.negations and c.dep_ in ("advmod", "det") for c in negators):
        return "negated"
    while not _is_verb(carrier) and carrier.head.i != carrier.i:  # a noun: the clause it sits in
        carrier = carrier.head
    chain, node = [carrier], carrier
    while node.dep_ in ("xcomp", "ccomp", "advcl", "conj", "acl") and node.head.i != node.i and len(chain) < 5:
        if node.dep_ == "xcomp":
            governor = node.head
            lemma = governor.lemma_.lower()
            if lemma in words.negating_governors:
                return "negated"
            acomp = [c.lemma_.lower() for c in governor.children if c.dep_ == "acomp"]
            if lemma in words.prospective_governors or set(acomp) & words.prospective_governors:
                if any(c.dep_ == "neg" for c in governor.children):
                    return "negated"
                return "planned"
        if node.dep_ in ("ccomp", "advcl", "conj"):
            break
        node = node.head
        chain.append(node)
    auxiliaries = [c.lower_ for v in chain for c in v.children if c.dep_ in ("aux", "auxpass")]
    markers = [c.lower_ for v in chain for c in v.children if c.dep_ == "mark"]
    if set(markers) & words.conditional_markers:
        return "hypothetical"
    if set(auxiliaries) & words.hypothetical_auxiliaries:
        reported_speech = chain[-1].dep_ == "ccomp" and chain[-1].head.lemma_.lower() in words.speech_verbs
        return "planned" if reported_speech and "would" in auxiliaries else "hypothetical"
    if clause_tense(token, rules) == "future":
        return "planned"
    if time.resolved and published is not None and time.precision not in ("reported", "vague"):
        start, end = _period(time)
        if start > published:
            return "planned"
        if (published - end).days > words.historical_days:
            return "historical"
    return "reported"


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


def _place(token, noun, place_word, actors: _Actors, context: ArticleContext) -> str | None:
    """The event's place: a visited place, else a place phrase attached to the trigger (or
    its light-verb noun, or the verb a noun trigger depends on)."""
    if place_word is not None:
        return actors.places[place_word.i].value
    anchors = {token.i} | ({noun.i} if noun is not None else set())
    if _pos(token) == "NOUN" and _is_verb(token.head):
        anchors.add(token.head.i)
    governed, elsewhere = [], []
    for word in token.sent:
        mention = actors.places.get(word.i)
        if mention is None or word.i in actors.at and actors.at[word.i].label not in ("GPE", "LANDMARK", "FAC", "LOC"):
            continue
        prep = word.head if word.dep_ == "pobj" else None
        if prep is None or prep.lower_ not in ("in", "at", "near", "outside", "inside", "into"):
            continue
        (governed if prep.head.i in anchors or _governing(prep, anchors) else elsewhere).append(mention.value)
    cities = [p for p in governed + elsewhere if p in context.places and context.places[p].kind == "city"]
    if governed:  # a country governs, a city of it is named too: the city ("in Germany, at Hamburg")
        country = context.places[governed[0]].country if governed[0] in context.places else None
        finer = [c for c in cities if context.places[c].country == country]
        return finer[0] if context.places.get(governed[0]) and context.places[governed[0]].kind != "city" and finer else governed[0]
    return cities[0] if cities else None


def _near_publication(time: TimeValue, published: dt.date | None, days: int = 2) -> bool:
    """Whether an event is news of the day the article was filed (where a dateline is)."""
    if published is None or not time.resolved or time.precision not in ("day", "reported"):
        return False
    return abs((dt.date.fromisoformat(time.value[:10]) - published).days) <= days


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
    words += [c for c in token.children if c.dep_ == "prt" and c.lower_ == trigger.particle]
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


def find_events(
    doc,
    context: ArticleContext,
    kb: KnowledgeBase,
    lexicon: EventLexicon,
    time_rules: TimeRules,
) -> list[EventMention]:
    """The event mentions of one parsed article (offsets into `doc.text`, the clean text)."""
    actors = _Actors(doc, context, kb, lexicon)
    dateline = _dateline_city(actors.text, context)
    dating = [(e, v) for e, v in context.times if not v.open_ended]  # "since 2015" dates no event
    since = [(e, v) for e, v in context.times if v.open_ended]
    found: list[_Found] = []
    consumed: set[int] = set()
    main_time: TimeValue | None = None
    triggers = {token.i: best for token in doc if (best := _best_trigger(token, lexicon)) is not None}
    for token in doc:
        if token.i in consumed or token.i not in triggers:
            continue
        trigger, noun = triggers[token.i]
        if noun is not None and (triggers.get(noun.i) or (trigger,))[0].type == trigger.type:
            consumed.add(noun.i)  # "held talks": one event; "cancelled the meeting": REJECT, and a negated CONSULT
        if trigger.pos == "VERB":
            sources, targets, place_word = _verb_arguments(token, trigger, noun, actors)
        else:
            sources, targets, place_word = _noun_arguments(token, trigger, actors, lexicon)
        event_actors = _roles(trigger, sources, targets)
        anaphoric = not event_actors and _plural_referent(token, lexicon)
        time = attach_time(doc, token.i, dating, main_time, context.published)
        if (time.rule == "published" or time.rule.startswith("main-event:")) and _perfect(token):  # "has spoken with him": some time before
            time = TimeValue(None, None, "vague", "", None, "perfect-aspect")
        modality = _modality(token, noun, lexicon, time_rules, time, context.published)
        if time.rule == "perfect-aspect" and modality == "reported":
            modality = "historical"
        if modality == "negated" and since:  # "have not met since July": they met in July
            last = _last_occurrence(doc, token, since)
            if last is not None:
                time, modality = last, "historical"
        if main_time is None and modality in HAPPENED and time.precision not in ("reported", "vague"):
            main_time = time
        place = _place(token, noun, place_word, actors, context)
        if time.rule.startswith("last-before-negated-since") and place_word is None:
            place = None  # "have not met since July": where they last met is not this sentence's place
        if place is None and trigger.mode != "PHONE" and _near_publication(time, context.published):
            place = dateline
        if trigger.roles == "visit" and place_word is not None and not any(a.role == "target" for a in event_actors):
            country = context.places[place].country if place in context.places else None
            if country and country in kb.countries:
                event_actors.append(actors.describe(country, None, "target", place_word.idx, place_word.idx + len(place_word.text)))
        sentence = token.sent
        extent = _extent(token, noun, trigger)
        evidence = Evidence(sentence.start_char, sentence.end_char, *extent, actors.text[extent[0] : extent[1]])
        completeness = 1.0 if len(event_actors) >= 2 else 0.8 if event_actors else 0.5
        if any(a.i in triggers and a.i != (noun.i if noun is not None else -1) for a in token.ancestors):
            completeness *= 0.6  # inside another event's words ("urged X to free ...", "lift sanctions"): not the sentence's main event
        event = _Found(
            type=trigger.type, mode=trigger.mode, trigger=trigger, token=token, extent=extent,
            actors=event_actors, modality=modality, time=time, place=place,
            confidence=round(trigger.confidence * completeness, 3), evidence=[evidence],
            sides=_sides(sources, targets),
        )
        if trigger.type == "CONSULT" and not (modality in HAPPENED and _unreal_form(token, time_rules)):
            event.actors, event.implied = actors.with_implied_host(event.actors, time, token, trigger)
            event.confidence = round(event.confidence * (0.8 if event.implied else 1.0), 3)
            mode, roles = _consult_mode(event, context)
            event.mode, event.actors = mode, roles
            if mode == "PHONE":  # a call has no one place
                event.place = None
        if not event_actors and not anaphoric and trigger.type.lower() not in lexicon.anonymous_types:
            _merge_anaphor(found, event)
            continue
        if anaphoric and modality == "historical" and found:  # "the two have not met since"
            earlier = next((e for e in reversed(found) if e.type == event.type and len(e.actors) >= 2), None)
            if earlier is not None:
                event.actors = [replace(a, start=a.start, end=a.end) for a in earlier.actors]
                _merge(found, event)
            continue
        if anaphoric:
            _merge_anaphor(found, event)
            continue
        _merge(found, event)
    events = _bilaterals(_without_implied_duplicates(_consolidate(found)), actors.text, lexicon)
    _same_day_places(events)
    return [_record(event) for event in events]


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
        if len(lone) != 1 or set().union(*event.sides) != {a.id for a in persons}:
            result.append(event)  # no one person met the others (or the mention grew): one meeting
            continue
        anchor = next(a for a in persons if a.id in lone[0])
        others = [a for a in event.actors if a.kind != "person"]
        for person in (p for p in persons if p is not anchor):
            mode = None if event.mode == "MULTILATERAL" else event.mode
            result.append(replace(event, actors=[anchor, person, *others], mode=mode, evidence=list(event.evidence)))
    return result


def _unreal_form(token, rules: TimeRules) -> bool:
    """An infinitive or a future ("Smith to visit Kenya", "will be the first to visit"): no
    ground to guess who received a visit read as having happened."""
    verbs = []
    for word in (token, *token.ancestors):  # the verbs of its own clause: not past a reported clause
        if _is_verb(word):
            verbs.append(word)
            if word.dep_ in ("ccomp", "relcl", "advcl", "parataxis"):
                break
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children) or any(
        clause_tense(verb, rules) == "future" for verb in verbs)


def _without_implied_duplicates(events: list[_Found]) -> list[_Found]:
    """An implied host ("arrived in Moscow") is a guess the article may state itself: a
    meeting of the same persons, reported in words, within a few days, replaces it."""
    def persons(event: _Found) -> frozenset[str]:
        return frozenset(a.id for a in event.actors if a.kind == "person")

    def near(a: TimeValue, b: TimeValue) -> bool:
        if not (_dated(a) and _dated(b)):
            return True
        (first_a, last_a), (first_b, last_b) = _period(a), _period(b)
        return first_a - dt.timedelta(days=3) <= last_b and first_b - dt.timedelta(days=3) <= last_a

    stated = [e for e in events if not e.implied]
    return [
        e for e in events
        if not e.implied or not any(
            s.type == e.type and _group(s.modality) == _group(e.modality) and persons(s) == persons(e) and near(s.time, e.time)
            for s in stated
        )
    ]


def _same_day_places(events: list[_Found]) -> None:
    """An in-person event with no place of its own, on the day of the article's first placed
    event and sharing an actor with it ("earlier on Monday, he met ..."), was there too."""
    main = next((e for e in events if e.place and e.modality in HAPPENED and len(e.actors) >= 2 and e.time.value), None)
    if main is None:
        return
    ids = {a.id for a in main.actors}
    for event in events:
        if (
            event.place is None and event.mode != "PHONE" and event.modality in HAPPENED
            and event.time.value == main.time.value and len(event.time.value or "") == 10
            and ids & {a.id for a in event.actors}
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


def _last_occurrence(doc, token, since: list[tuple[TimeExpression, TimeValue]]) -> TimeValue | None:
    """The time in "have not met since last July" (the last time it happened), when a
    "since" expression governs the negated trigger's clause."""
    value = attach_time(doc, token.i, since, None, None)
    if not value.resolved or not value.open_ended:
        return None
    return replace(value, open_ended=False, rule=f"last-before-negated-since:{value.rule}")


def _group(modality: str) -> str:
    return "happened" if modality in HAPPENED else modality


def _dated(time: TimeValue) -> bool:
    return time.resolved and time.precision not in ("reported", "vague") and not time.rule.startswith("main-event:")


def _compatible_dates(a: TimeValue, b: TimeValue) -> bool:
    if not (_dated(a) and _dated(b)):
        return True
    first_a, last_a = _period(a)
    first_b, last_b = _period(b)
    return first_a <= last_b and first_b <= last_a


def _different_channels(a: _Found, b: _Found) -> bool:
    """A call and an in-person meeting are two events: a PHONE mention does not join a verb
    trigger without a mode ("spoke by phone and met in Paris") nor a meeting placed in
    someone's country or a third one (a visit)."""
    modes = {a.trigger.mode, b.trigger.mode}
    if "PHONE" not in modes or len(modes) == 1:
        return False
    other = b if a.trigger.mode == "PHONE" else a
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
    into.place = into.place or event.place
    into.mode = into.mode or event.mode
    into.confidence = max(into.confidence, event.confidence)
    into.implied = into.implied and (event.implied or sum(a.kind == "person" for a in event.actors) < 2)
    into.sides = _joined_sides(into.sides, event.sides)


def _precision_rank(time: TimeValue) -> int:
    return ("day", "week", "month", "year", "vague", "reported").index(time.precision)


def _merge_anaphor(found: list[_Found], event: _Found) -> None:
    """An event word with no actors of its own ("the meeting lasted three hours") is more
    evidence for the last event of its type and modality, if any."""
    fitting = [
        earlier for earlier in found
        if earlier.type == event.type and _group(earlier.modality) == _group(event.modality)
        and _compatible_dates(earlier.time, event.time)
    ]
    between = [e for e in fitting if len(e.actors) >= 2]  # the last event between two actors, else the last
    if fitting:
        _absorb((between or fitting)[-1], event)


def _merge(found: list[_Found], event: _Found) -> None:
    """One event mention per event: a later mention with the same type and modality,
    compatible dates, and the same actors (or a part of them: one or two) joins it."""
    for earlier in reversed(found):
        if _same_event(earlier, event):
            _absorb(earlier, event)
            return
    found.append(event)


def _same_event(earlier: _Found, event: _Found) -> bool:
    """Same type and modality, compatible dates, the same channel, and the same actors (or
    one set inside the other, or two persons in common)."""
    if earlier.type != event.type or _group(earlier.modality) != _group(event.modality):
        return False
    if not _compatible_dates(earlier.time, event.time) or _different_channels(earlier, event):
        return False
    ids, known = {a.id for a in event.actors}, {a.id for a in earlier.actors}
    persons = {a.id for a in earlier.actors if a.kind == "person"} & {a.id for a in event.actors if a.kind == "person"}
    return ids <= known or known <= ids or len(persons) >= 2


def _consolidate(found: list[_Found]) -> list[_Found]:
    """Merge the events that became one as their actors filled in ("Macron and the Elysee",
    then "... and Merkel")."""
    kept: list[_Found] = []
    for event in found:
        into = next((k for k in kept if _same_event(k, event)), None)
        if into is None:
            kept.append(event)
        else:
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
        end_date=time.end if not time.open_ended else None,
        date_precision=time.precision,
        date_expression=time.expression,
        date_rule=time.rule,
        place=event.place,
        confidence=event.confidence,
        evidence=tuple(event.evidence),
    )

