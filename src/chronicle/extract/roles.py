"""Argument frames of directed events read from the parse, beyond a trigger's own words.

Small pure functions over spaCy tokens, used by extract/events.py:

- a headline passive: a past participle with a subject and no auxiliary ("Rebel leader
  arrested", "Two hostages freed") undergoes the event: its subject is the target;
- targets on a verb's direct object: "fired missiles at X", "imposed sanctions on X";
- the objective "of" of an event noun: "the invasion of X", "the arrest of X";
- a place that stands for its country as a target: "drone attacks on <city>";
- the agent of a passive whose "by" the parser hung as a plain preposition;
- the implied agent of a passive without "by": the state organ named just before
  ("police opened fire ... several were shot"), else for arrests and sanctions the
  authorities of the article's country.

The words are data (`data/roles.yaml`).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, replace

from chronicle.data import load_yaml
from chronicle.extract.agents import acting_word, origin_words, speaker_words, speech_governor
from chronicle.extract.sides import emissary_owners, own_forces, withdrawn_from
from chronicle.extract.records import Trigger
from chronicle.extract.elsewhere import stands_between
from chronicle.extract.anaphors import anaphor_kind, antecedents, is_plural, nearest_named, own_subject, preceding_words, undergoer_words, words_before
from chronicle.model import EventActor
from chronicle.resolve.generic_actors import display_name, group_id, resolve_generic



ANAPHOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "poss", "conj", "appos"})  # where a description names an actor


@dataclass(frozen=True)
class RoleWords:
    """The prepositions and types of `data/roles.yaml`."""

    object_target_preps: frozenset[str] = frozenset()
    nominal_target_preps: frozenset[str] = frozenset()
    place_target_types: frozenset[str] = frozenset()
    implied_agent_types: frozenset[str] = frozenset()
    implied_agent_sectors: frozenset[str] = frozenset()
    implied_agent_sentences: int = 2
    authority_types: frozenset[str] = frozenset()
    enacting_verbs: frozenset[str] = frozenset()
    responding_verbs: frozenset[str] = frozenset()  # "X responded with threats": X does the noun after "with"
    default_agents: tuple[tuple[str, str, str], ...] = ()  # (type, group noun lemma, its name)
    speaker_pronouns: frozenset[str] = frozenset()
    document_nouns: frozenset[str] = frozenset()
    stand_in_types: frozenset[str] = frozenset()
    stand_in_preps: frozenset[str] = frozenset()
    clause_target_types: frozenset[str] = frozenset()
    manner_nouns: frozenset[str] = frozenset()
    seat_types: frozenset[str] = frozenset()  # acts of state placed at the seat of government (extract/seats.py)
    seat_sectors: frozenset[str] = frozenset()  # generic organs that speak for their government
    capital_target_types: frozenset[str] = frozenset()  # a seat of government as target stands for its state
    requested_noun_types: frozenset[str] = frozenset()  # "called for talks with X": the noun after the prep
    field_seat_types: frozenset[str] = frozenset()  # at the seat unless troops or police take part
    field_sectors: frozenset[str] = frozenset()  # the organs that act where they are
    complement_place_types: frozenset[str] = frozenset()  # "ordered X to withdraw from Y": at Y (extract/complements.py)
    organisation_seats: tuple[tuple[str, str], ...] = ()  # (KB id, city name): a body that sits in one place
    named_group_sectors: frozenset[str] = frozenset()  # "gunmen": the one such group the article names
    against_prefixes: frozenset[str] = frozenset()  # "anti-government protests": the government is the target
    dispersal_verbs: frozenset[str] = frozenset()  # "fired tear gas to disperse protesters": the protesters
    dispersal_types: frozenset[str] = frozenset()
    anaphor_nouns: tuple[tuple[str, str], ...] = ()  # (noun, kind of actor it refers back to)
    anaphor_determiners: frozenset[str] = frozenset()
    anaphor_sentences: int = 2
    anaphor_pronouns: frozenset[str] = frozenset()
    counterpart_verbs: frozenset[str] = frozenset()  # a meeting only with someone met (extract/arrivals.py)
    figure_nouns: frozenset[str] = frozenset()  # "the last roadblock to X": an obstacle (extract/figures.py)
    figure_preps: frozenset[str] = frozenset()
    campaign_nouns: frozenset[str] = frozenset()  # "the war on drugs": a policy (extract/figures.py)
    campaign_preps: frozenset[str] = frozenset()
    campaign_ills: frozenset[str] = frozenset()
    instrument_verbs: frozenset[str] = frozenset()  # "missiles were fired": the missiles are no target (extract/agents.py)
    origin_preps: frozenset[str] = frozenset()  # "... fired from X": X is the source
    reporting_verbs: frozenset[str] = frozenset()  # "officials said": no implied agent
    own_forces_types: frozenset[str] = frozenset()  # "mobilized warplanes": the source's own, no target (extract/sides.py)
    withdrawal_preps: frozenset[str] = frozenset()  # "ordered troops to withdraw from X": X the target
    emissary_types: frozenset[str] = frozenset()  # "expelled Togolese diplomats": Togo the target
    emissary_nouns: frozenset[str] = frozenset()
    media_words: frozenset[str] = frozenset()  # "spoke to the Associated Press": no meeting (extract/interviews.py)
    asked_actor_types: frozenset[str] = frozenset()  # "called for X to release Y": X the target (extract/targets.py)
    state_target_types: frozenset[str] = frozenset()  # "students protested": against their state
    state_target_preps: frozenset[str] = frozenset()  # "protested against the fees": a target word of its own
    aspect_nouns: frozenset[str] = frozenset()  # "X's intensification of airstrikes": X attacks
    involving_verbs: frozenset[str] = frozenset()  # "a meeting involving X and Y": X, Y take part (extract/participants.py)

    def default_agent(self, type_: str) -> tuple[str, str] | None:
        """(noun lemma, name) of the group that does an event of `type_` no one is named for."""
        return next(((noun, name) for t, noun, name in self.default_agents if t == type_), None)


def load_role_words(path=None) -> RoleWords:
    """Read `data/roles.yaml` (or a user file of the same shape)."""
    data = load_yaml("roles.yaml", path)
    words = lambda key: frozenset(str(w).lower() for w in data.get(key) or ())  # noqa: E731
    codes = lambda key: frozenset(str(w).upper() for w in data.get(key) or ())  # noqa: E731
    return RoleWords(
        object_target_preps=words("object_target_preps"), nominal_target_preps=words("nominal_target_preps"),
        place_target_types=codes("place_target_types"), implied_agent_types=codes("implied_agent_types"),
        implied_agent_sectors=codes("implied_agent_sectors"),
        implied_agent_sentences=int(data.get("implied_agent_sentences", 2)), authority_types=codes("authority_types"),
        enacting_verbs=words("enacting_verbs"), responding_verbs=words("responding_verbs"),
        default_agents=tuple((str(t).upper(), str(a["noun"]).lower(), str(a.get("name") or a["noun"]))
                             for t, a in (data.get("default_agents") or {}).items()),
        speaker_pronouns=words("speaker_pronouns"), document_nouns=words("document_nouns"),
        stand_in_types=codes("stand_in_types"), stand_in_preps=words("stand_in_preps"),
        clause_target_types=codes("clause_target_types"), manner_nouns=words("manner_nouns"),
        seat_types=codes("seat_types"), seat_sectors=codes("seat_sectors"), capital_target_types=codes("capital_target_types"),
        requested_noun_types=codes("requested_noun_types"), field_seat_types=codes("field_seat_types"),
        field_sectors=codes("field_sectors"), named_group_sectors=codes("named_group_sectors"),
        complement_place_types=codes("complement_place_types"),
        organisation_seats=tuple((str(k), str(v)) for k, v in (data.get("organisation_seats") or {}).items()),
        against_prefixes=words("against_prefixes"), dispersal_verbs=words("dispersal_verbs"),
        dispersal_types=codes("dispersal_types"),
        anaphor_nouns=tuple((str(n).lower(), str(kind)) for kind, ns in (data.get("anaphor_nouns") or {}).items() for n in ns),
        anaphor_determiners=words("anaphor_determiners"), anaphor_sentences=int(data.get("anaphor_sentences", 2)),
        anaphor_pronouns=words("anaphor_pronouns"), counterpart_verbs=words("counterpart_verbs"),
        figure_nouns=words("figure_nouns"), figure_preps=words("figure_preps"),
        campaign_nouns=words("campaign_nouns"), campaign_preps=words("campaign_preps"), campaign_ills=words("campaign_ills"),
        instrument_verbs=words("instrument_verbs"), origin_preps=words("origin_preps"),
        reporting_verbs=words("reporting_verbs"), own_forces_types=codes("own_forces_types"),
        withdrawal_preps=words("withdrawal_preps"), emissary_types=codes("emissary_types"), emissary_nouns=words("emissary_nouns"),
        media_words=words("media_words"), asked_actor_types=codes("asked_actor_types"),
        state_target_types=codes("state_target_types"), state_target_preps=words("state_target_preps"),
        aspect_nouns=words("aspect_nouns"), involving_verbs=words("involving_verbs"),
    )


@functools.cache
def packaged_role_words() -> RoleWords:
    """The packaged `data/roles.yaml`, read once (immutable)."""
    return load_role_words()


def responding_verb(noun, verbs: frozenset[str]):
    """The verb of reply whose "with" brings in the event noun ("X responded with warnings
    that ...", "Y reacted with threats of ..."): its subject does the event; else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "with" or prep.dep_ != "prep":
        return None
    verb = prep.head
    return verb if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in verbs else None


def passive_controller(verb):
    """The passive subject of the verb whose open complement `verb` is: "X was forced to
    resign", "X was asked to withdraw" (X does it); None when `verb` has a subject of its
    own or is no such complement."""
    if verb.dep_ != "xcomp" or any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in verb.children):
        return None
    head = verb.head
    if any(c.dep_ in ("nsubj", "dobj", "obj", "agent") for c in head.children):
        return None
    return next((c for c in head.children if c.dep_ == "nsubjpass"), None)


def headline_passive(verb) -> bool:
    """A past participle with a subject, no auxiliary and no object: the subject undergoes
    it ("Opposition leader arrested in capital"), unlike "Police arrested X". Only in a headline
    (a sentence without final punctuation), where the parser may also tag the participle as a
    past tense; in a sentence, a subject before a "participle" is the parser's mistake."""
    if verb.tag_ not in ("VBN", "VBD") or verb.dep_ not in ("ROOT", "advcl", "conj", "ccomp"):
        return False
    if not _headline(verb.sent):  # "Students protested in X." tagged as a participle: a past tense
        return False
    children = {c.dep_ for c in verb.children}
    return "nsubj" in children and not children & {"aux", "auxpass", "dobj", "obj", "agent", "dative", "ccomp", "xcomp"}


def stray_agents(verb) -> list:
    """Agents of a passive the parser hung as a plain "by" preposition ("200 were abducted
    from their homes in the north by armed X fighters"): the objects of a "by" prep of a
    verb that has a passive subject or auxiliary. Means ("by gunfire") resolve to no actor."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ == "by"
            for o in c.children if o.dep_ == "pobj"]


def _headline(sentence) -> bool:
    words = [w for w in sentence if not w.is_space]
    return bool(words) and words[-1].text not in (".", "!", "?", '"', "”", "'", "’", ":")


def object_prep_objects(obj, preps: frozenset[str]) -> list:
    """Objects of `preps` hung on a verb's direct object ("missiles at X"), with conjuncts."""
    found = []
    for child in (c for o in (obj, *obj.conjuncts) for c in o.children):  # "drones and missiles at X"
        if child.dep_ == "prep" and child.lower_ in preps:
            for word in child.children:
                if word.dep_ == "pobj":
                    found += [word, *word.conjuncts]
    return found


def place_country(word, places: dict, place_records) -> str | None:
    """The country of a place mention at `word` (a city or the country itself), if any."""
    mention = places.get(word.i)
    place = place_records.get(mention.value or "") if mention is not None else None
    return place.country if place is not None else None


def requested_noun(token, prep: str | None, type_: str, types: frozenset[str]):
    """The common noun a prepositional trigger of `types` asks for ("called for talks with X":
    talks), whose target prepositions name the target; None otherwise ("called for Smith")."""
    if not prep or type_ not in types:
        return None
    return next((w for p in token.children if p.dep_ == "prep" and p.lower_ == prep
                 for w in p.children if w.dep_ == "pobj" and w.pos_ == "NOUN"), None)


def names_field_organ(token, sectors, field_sectors: frozenset[str]) -> bool:
    """Whether the trigger's own arguments (its dependents, and the object of the verb it
    completes: "ordered troops to withdraw") name a generic organ of `field_sectors`."""
    words = [w for c in token.children for w in (c, *c.children) if c.dep_ != "punct"]
    if token.dep_ in ("xcomp", "ccomp"):
        words += [c for c in token.head.children if c.dep_ in ("dobj", "obj")]
    return any(w.pos_ == "NOUN" and sectors.sector(w.lemma_.lower()) in field_sectors for w in words)


def capital_country(word, places: dict, place_records, seats) -> str | None:
    """The country whose seat of government the place mention at `word` is ("urged
    Washington to ..."), else None (any other city, or a country)."""
    mention = places.get(word.i)
    place = place_records.get(mention.value or "") if mention is not None else None
    if place is None or place.kind != "city":
        return None
    seat = seats.get(place.country or "")
    return place.country if seat is not None and seat.id == place.id else None


def struck_city(token, type_: str, actors, places: dict, place_records, types: frozenset[str]) -> str | None:
    """The city an attack of `types` at `token` hit, named as its target on the trigger's
    object, else on the trigger ("launched drone attacks on <city>", "shelled <city>"):
    where the attack happened (not a city it came from, nor one another event hit). When
    the object has targets, only they count."""
    if type_ not in types:
        return None
    rank = {c.i: 0 for c in token.children if c.dep_ in ("dobj", "obj")} | {token.i: 1}
    hit = []
    for actor in actors:
        span = token.doc.char_span(actor.start, actor.end, alignment_mode="expand") if actor.role == "target" else None
        word = span.root if span is not None and len(span) else None
        if word is None or word.dep_ != "pobj" or word.head.head.i not in rank:
            continue
        mention = places.get(word.i)
        record = place_records.get(mention.value or "") if mention is not None else None
        hit.append((rank[word.head.head.i], word.i, record.id if record is not None and record.kind == "city" else None))
    first = min(hit) if hit else None  # the object's target first: "attacks on Israel" names no city
    return next((city for r, _, city in sorted(hit) if r == first[0] and city), None) if first else None


def on_other_event(prep, anchors, event_words, max_steps: int = 8) -> bool:
    """Whether a place phrase belongs to the noun of another event of the sentence: on the
    way up from it to the event's own words stands the noun of an event of another type
    (`event_words`; "talks at the summit in X" stay one meeting's place) ("expelled diplomats
    in response to the attack on X and his daughter in <city>"): that event's place."""
    return stands_between(prep, anchors, lambda node: node.i in event_words and node.pos_ in ("NOUN", "PROPN"), max_steps)


def fighting_apart(frame: str, other_frame: str) -> bool:
    """Whether two mentions of one type are told in different frames, one two-sided
    (symmetric: "had a gun battle with soldiers", "clashed with police") and one directed
    ("gunmen abducted the students"): the fighting is an event of its own, not the attack."""
    return frame != other_frame and "symmetric" in (frame, other_frame)


def opposed_sides(actors, others) -> bool:
    """Whether two mentions' actors swap sides: someone who acts in one undergoes the
    other ("X accused Y of lying", then "Y accused X of meddling"): two events, not one."""
    sides = lambda found, role: {a.id for a in found if a.role == role}  # noqa: E731
    return bool(sides(actors, "source") & sides(others, "target") or sides(actors, "target") & sides(others, "source"))


def against_modifier(word, prefixes: frozenset[str]) -> bool:
    """A modifier written with a prefix of opposition ("anti-government protests", "an
    anti-regime rally"): whom the event is against, not who does it."""
    doc = word.doc
    if any(word.lower_.startswith(p + "-") for p in prefixes):
        return True
    return word.i >= 2 and doc[word.i - 1].text in ("-", "–") and doc[word.i - 2].lower_ in prefixes


def told_in_past(verb) -> bool:
    """A finite verb in the simple past, the clause's own ("Ukraine rejected the ultimatum on
    Monday"): it reports a past act, whatever a weekday resolved after publication says."""
    return verb.tag_ == "VBD" and verb.dep_ in ("ROOT", "conj", "ccomp") and not any(
        c.dep_ in ("aux", "auxpass") for c in verb.children)


def told_in_perfect(verb, perfect_auxiliaries=frozenset({"has", "have", "had"})) -> bool:
    """A finite verb in the present or past perfect and nothing else, the clause's own ("X has
    repeatedly ruled out the demand"): acts the article reports as done, however often."""
    auxiliaries = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    return verb.tag_ == "VBN" and verb.dep_ in ("ROOT", "conj", "ccomp") and bool(auxiliaries) and all(
        a in perfect_auxiliaries for a in auxiliaries)


def repeated_period(time):
    """The time of acts told as repeated ("repeatedly fired tear gas"): a day known only from
    publication or another event widens to its month; a date of their own stays."""
    if not time.value or len(time.value) != 10 or not time.rule.startswith(("published", "main-event")):
        return time
    return replace(time, value=time.value[:7], end=None, precision="month", rule=f"repeated:{time.rule}")


def manner_noun(token, nouns: frozenset[str]) -> bool:
    """An event noun after a bare "in" says how something else was done ("withdrew its
    ambassador in protest", "in retaliation"), not an event of its own."""
    return (token.pos_ == "NOUN" and token.lemma_.lower() in nouns and token.dep_ == "pobj" and token.head.lower_ == "in"
            and not any(c.dep_ in ("det", "poss", "amod", "compound", "nummod") for c in token.children))


def document_issuer(verb, documents: frozenset[str]):
    """The verb that issued the document a verb modifies ("passed a resolution [demanding]
    X"), whose subject is the source; None when the verb does not modify a document."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in documents or noun.dep_ not in ("dobj", "obj", "nsubjpass"):
        return None
    return noun.head if noun.head.pos_ in ("VERB", "AUX") else None


def _object(verb):
    """A verb's direct object, else None."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


class FrameActors:
    """The generic and implied actors of event frames, mixed into extract/events.py's
    `_Actors` (which gives `doc`, `kb`, `lexicon`, `context`, `at`, `places`, `country`,
    `describe` and `_one`)."""

    def generic(self, token, lemma: str, written: str | None, text: str, role: str, start: int, end: int) -> EventActor:
        """A group noun as a generic actor: its country (written, else from the article) and name."""
        sector = self.lexicon.sectors.sector(lemma)
        group = self.named_group(sector) if not written and sector in self.lexicon.roles.named_group_sectors else None
        if group is not None:  # "gunmen stormed the school", in an article that names one armed group
            return self.describe(group, None, role, start, end)
        commander = self.commander_country(token) if sector in self.lexicon.sectors.state else None
        found = resolve_generic(lemma, written or commander, lambda: self.earlier_country(token, lemma), self.country,
                                self.lexicon.sectors, lambda: self.sentence_country(token))
        country = self.kb.countries.get(found.country or "")
        return EventActor(group_id(found.country, lemma), display_name(text, country.name if country else None),
                          "group", role, found.country, start, end)

    def named_group(self, sector: str) -> str | None:
        """The one group of `sector` the article names (a KB group: "Boko Haram"), which its
        generic nouns of that sector stand for ("gunmen", "the militants"); None when it names
        none or several."""
        groups = {m.value for m in self.context.actor_mentions if m.value in self.kb.actors
                  and self.kb.actors[m.value].kind == "group" and self.kb.actors[m.value].sector == sector}
        return groups.pop() if len(groups) == 1 else None

    def place_target(self, word, trigger: Trigger) -> list[EventActor]:
        """A place after a target preposition standing for its country ("strikes on <city>"),
        else a seat of government standing for its state ("talks with <capital>")."""
        if trigger.type not in self.lexicon.roles.place_target_types:
            return self.capital_target(word, trigger)
        country = place_country(word, self.places, self.context.places)
        return [self.describe(country, None, "target", word.idx, word.idx + len(word.text))] if country in self.kb.countries else []

    def capital_target(self, word, trigger: Trigger) -> list[EventActor]:
        """A seat of government as the target of an act of `capital_target_types` stands for
        its state ("urged <capital> to ...": that country); other cities name no one."""
        if trigger.type not in self.lexicon.roles.capital_target_types or trigger.roles != "directed":
            return []
        country = capital_country(word, self.places, self.context.places, self.context.seats)
        return [self.describe(country, None, "target", word.idx, word.idx + len(word.text))] if country in self.kb.countries else []

    def implied_agent(self, token, trigger: Trigger) -> list[EventActor]:
        """The agent of a passive without "by" (roles.yaml): the state organ named just
        before, else for arrests and sanctions the authorities of the article's country."""
        roles, sectors = self.lexicon.roles, self.lexicon.sectors
        if trigger.type not in roles.implied_agent_types:
            return []
        undergoing = {w.i for c in token.children if c.dep_ == "nsubjpass" for w in c.subtree}
        for word in words_before(token, roles.implied_agent_sentences):
            if word.i not in undergoing and word.pos_ in ("NOUN", "PROPN") and sectors.sector(word.lemma_) in roles.implied_agent_sectors \
                    and acting_word(word, roles.reporting_verbs):  # not "our government school", "a gun battle with soldiers"
                actor = self._one(word, "source")
                if actor is not None and actor.kind == "group":
                    return [actor]
        if trigger.type not in roles.authority_types:
            return []
        return [self.generic(token, "authority", None, "authorities", "source", token.idx, token.idx + len(token.text))]

    def settled_targets(self, verb, trigger: Trigger, sources: list[EventActor], targets: list[EventActor]) -> list[EventActor]:
        """The targets of a verbal trigger without the source's own forces (a mobilization,
        a withdrawal: extract/sides.py), with the country withdrawn from where none is left,
        and the state that owns an expelled emissary."""
        roles, sectors = self.lexicon.roles, self.lexicon.sectors
        if trigger.type in roles.own_forces_types:
            own = {t.id for t in own_forces(targets, sources, sectors.sector, roles.field_sectors)}
            targets = [t for t in targets if t.id not in own]
            if not targets:
                targets = next((found for w in withdrawn_from(verb, roles.withdrawal_preps) if (found := self.country_named(w))), [])
        if trigger.object and trigger.type in roles.emissary_types:
            home = {s.id for s in sources} | {s.country for s in sources if s.country}
            owners = [a for w in emissary_owners(_object(verb), roles.emissary_nouns) for a in self.of(w, "target")]
            targets += [a for a in owners if a.id not in home and a.country not in home and a.id not in {t.id for t in targets}]
        return targets

    def country_named(self, word) -> list[EventActor]:
        """The country a word names, as a country mention or a place in it."""
        mention = self.at.get(word.i)
        if mention is not None and mention.value in self.kb.countries:
            return [self.describe(mention.value, mention, "target", mention.start, mention.end)]
        if word.i in self.places and (country := place_country(word, self.places, self.context.places)) in self.kb.countries:
            return [self.describe(country, None, "target", word.idx, word.idx + len(word.text))]
        return []

    def speaker_for_state(self, verb, trigger: Trigger, sources: list[EventActor], targets: list[EventActor]) -> tuple[list[EventActor], list[EventActor]]:
        """A state's act told in the words of its own leader ("Smith told Jones that Togo
        opposes ...", Smith of Togo): the speaker is a source beside the state, and whom he
        tells the target where the clause names none (extract/agents.py)."""
        if trigger.type == "CONSULT" or not sources or any(s.kind != "country" for s in sources):
            return sources, targets
        speech = speech_governor(verb, self.lexicon.modality.speech_verbs)
        if speech is None:
            return sources, targets
        subjects, addressees = speaker_words(speech)
        speakers = [a for w in subjects for a in self.of(w, "source") if a.kind == "person"]
        states = {s.id for s in sources}
        speakers = [p for p in speakers if self.country_of(p) in states]
        if not speakers:
            return sources, targets
        if not targets:
            targets = [a for w in addressees for a in self.of(w, "target") if self.country_of(a) not in states]
        return sources + speakers, targets

    def origin(self, verb, trigger: Trigger) -> list[EventActor]:
        """Who fired what a passive of firing names as its subject ("missiles were fired from
        X towards Y"): the actor of the "from" phrase, or the country of the place it names."""
        found = []
        for word in origin_words(verb, self.lexicon.roles.origin_preps):
            actors = self.of(word, "source")
            if not actors and (country := place_country(word, self.places, self.context.places)) in self.kb.countries:
                actors = [self.describe(country, None, "source", word.idx, word.idx + len(word.text))]
            found += actors
        return found

    def default_agent(self, token, agent: tuple[str, str]) -> list[EventActor]:
        """The group that does an event no one is named for (roles.yaml `default_agents`): a
        sector noun compounded with it ("student protests"), else the data's group of the country the
        sentence places it in ("protests broke out in X"), else of the article's."""
        for child in token.children:
            if child.dep_ == "compound" and self.lexicon.sectors.sector(child.lemma_):
                return [self.generic(child, child.lemma_.lower(), None, child.text, "source", child.idx, child.idx + len(child.text))]
        places = [w for anchor in (token, token.head) for p in anchor.children if p.dep_ == "prep" and p.lower_ in ("in", "across", "throughout")
                  for w in p.children if w.dep_ == "pobj"]
        country = next((c for w in places if (c := place_country(w, self.places, self.context.places))), None)
        noun, name = agent
        return [self.generic(token, noun, country, name, "source", token.idx, token.idx + len(token.text))]

    def stand_in(self, word, trigger: Trigger) -> list[EventActor]:
        """The actor a target word that names none belongs to (roles.yaml `stand_in_types`):
        its possessor ("X's rallies"), the objects of "including" ("allies including X")."""
        if trigger.type not in self.lexicon.roles.stand_in_types:
            return []
        owners = [c for c in word.children if c.dep_ == "poss"]
        owners += [o for p in word.children if p.dep_ == "prep" and p.lower_ in self.lexicon.roles.stand_in_preps
                   for o in p.children if o.dep_ == "pobj"]
        return [a for owner in owners for a in self.of(owner, "target")]

    def dispersed(self, verb, trigger: Trigger) -> list[EventActor]:
        """Whom a crowd-control act scatters (roles.yaml `dispersal_verbs`): the object of the
        trigger itself or of its purpose clause, the people of a "crowd of X" first ("fired
        tear gas to disperse the protesters", "dispersed crowds of demonstrators")."""
        if trigger.type not in self.lexicon.roles.dispersal_types:
            return []
        verbs = [verb] + [c for c in verb.children if c.dep_ in ("advcl", "xcomp", "conj")]
        found = []
        for word in (o for v in verbs if v.lemma_.lower() in self.lexicon.roles.dispersal_verbs
                     for o in v.children if o.dep_ in ("dobj", "obj")):
            people = [p for prep in word.children if prep.dep_ == "prep" and prep.lower_ == "of"
                      for p in prep.children if p.dep_ == "pobj"]
            found += next((a for a in (self.of(w, "target") for w in people) if a), None) or self.of(word, "target")
        return found

    def clause_targets(self, verb, trigger: Trigger) -> list[EventActor]:
        """The subject of an accusation's clause ("X alleged that police broke into ..."): the target."""
        if trigger.type not in self.lexicon.roles.clause_target_types:
            return []
        subjects = [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
        return [a for s in subjects if s.pos_ != "PRON" for a in self.of(s, "target")]

    def reported_subject(self, pronoun, role: str) -> EventActor | None:
        """A pronoun subject of a reported clause standing for the speaker, when that is not
        a person: "China said it was urging X", "the rebels said they had freed Y"."""
        if pronoun.lower_ not in self.lexicon.roles.speaker_pronouns or pronoun.dep_ not in ("nsubj", "nsubjpass"):
            return None
        clause = pronoun.head
        while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        verb = clause.head
        if clause.dep_ != "ccomp" or verb.lemma_.lower() not in self.lexicon.modality.speech_verbs:
            return None
        subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i != pronoun.i), None)
        speaker = self._one(subject, role) if subject is not None else None
        return speaker if speaker is not None and speaker.kind != "person" else None

    def referred(self, token, role: str) -> list[EventActor]:
        """The actors a description refers back to ("the country", "these states", "the
        bloc"; extract/anaphors.py), [] for any other word."""
        roles = self.lexicon.roles
        kind = anaphor_kind(token, dict(roles.anaphor_nouns), roles.anaphor_determiners)
        if kind is None or token.i in self.at or any(c.i in self.at for c in token.children):
            return []  # "the Kenyan state": Kenya's, no description of someone named before
        if token.dep_ not in ANAPHOR_DEPS:
            return []  # "aid coming to the country", "talks between the two nations": a place, the meeting rules
        kinds = frozenset({"country"}) if kind == "country" else frozenset({"organization", "group"})
        words = preceding_words(token, roles.anaphor_sentences)
        excluded = frozenset(a.id for w in own_subject(token) if (a := self.named_at(w, role)) is not None)
        plural = is_plural(token)
        heads = [w for w in words if w.dep_ not in ("amod", "compound")]  # "a U.S. lawmaker to visit the country": not the U.S.
        return (nearest_named(heads, kinds, plural, lambda w: self.named_at(w, role, places=False), excluded)
                or nearest_named(words, kinds, plural, lambda w: self.named_at(w, role), excluded))

    def named_at(self, word, role: str, places: bool = True) -> EventActor | None:
        """The actor a name, a demonym or a possessor at `word` is, or the country of a place
        named there (unless not `places`: an actor named is nearer than a place); None for
        anything else (a generic noun, a dateline's agency)."""
        mention = self.at.get(word.i)
        if mention is None and places and word.i in self.places:  # "crossed to Cucuta in <country>": the place's country
            country = place_country(word, self.places, self.context.places)
            return self.describe(country, None, role, word.idx, word.idx + len(word.text)) if country in self.kb.countries else None
        if mention is None or not mention.value or self.dateline_agency(mention):
            return None
        return self.describe(mention.value, mention, role, mention.start, mention.end)

    def referred_by_pronoun(self, pronoun, role: str) -> list[EventActor]:
        """A plural pronoun ("they") naming no two persons: the state, organization or group
        an earlier subject names ("Gunmen stormed a village. They looted shops")."""
        if pronoun.lower_ not in self.lexicon.roles.anaphor_pronouns:
            return []
        kinds = frozenset({"country", "organization", "group"})
        return antecedents(pronoun, kinds, self.lexicon.roles.anaphor_sentences, lambda s: self.of(s, role))

    def dateline_agency(self, mention) -> bool:
        """A name in the parentheses of a dateline ("ACCRA (Reuters) -"): the agency that
        reports, never an actor of the event."""
        before, after = self.text[max(0, mention.start - 1): mention.start], self.text[mention.end: mention.end + 4].lstrip(")").strip()
        return before == "(" and self.text[mention.end: mention.end + 1] == ")" and after[:1] in ("-", "–", "—")

    def commander_country(self, token) -> str | None:
        """The country of whoever sends or orders a state organ ("the minister ordered troops to
        withdraw", "the president sent troops"): the subject of the verb it is the object of."""
        if token.dep_ not in ("dobj", "obj") or token.head.pos_ != "VERB":
            return None
        for subject in (c for c in token.head.children if c.dep_ == "nsubj"):
            actor = self._one(subject, "source")
            if actor is not None and actor.country:
                return actor.country
        return None

    def sentence_country(self, token) -> str | None:
        """The one country the token's sentence names (a country, a demonym, or a place in it),
        not counting whom the token acts on ("lawmakers approved X's bid": not X's lawmakers)."""
        sentence = token.sent
        start, end = sentence.start_char, sentence.end_char
        other_side = {self.doc[i].idx for i in undergoer_words(token)}
        found = {m.value for m in self.context.actor_mentions if start <= m.start < end and m.value in self.kb.countries
                 and m.start not in other_side}
        found |= {place.country for m in self.context.place_mentions if start <= m.start < end and m.start not in other_side
                  and (place := self.context.places.get(m.value or "")) is not None and place.country}
        return found.pop() if len(found) == 1 else None

    def earlier_country(self, token, lemma: str) -> str | None:
        """The country written with an earlier mention of the same group noun ("Kenyan police")."""
        for word in reversed(self.doc[: token.i]):
            if word.lemma_.lower() != lemma:
                continue
            for child in word.children:
                mention = self.at.get(child.i)
                if child.dep_ in ("amod", "compound", "poss", "nmod") and mention is not None and mention.value in self.kb.countries:
                    return mention.value
        return None

