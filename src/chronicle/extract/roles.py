"""The actors of event frames that the trigger's own words leave unsaid (`FrameActors`,
mixed into extract/article_actors.py's `ArticleActors`):

- a generic group noun as an actor ("gunmen", "the authorities"): its country, or the one
  group of its sector the article names;
- a place that stands for its country as a target ("drone attacks on <city>"), a seat of
  government for its state ("urged <capital> to ...");
- the implied agent of a passive without "by": the state organ named just before
  ("police opened fire ... several were shot"), else for arrests and sanctions the
  authorities of the article's country; a type's default agent ("protests broke out");
- the targets of a mobilization, a withdrawal, an expulsion; a state's act told by its
  leader; who fired from where; whom a crowd-control act scatters; an accusation's clause;
- descriptions and pronouns that refer back to an actor named before ("the country",
  "they").

The words are data (`data/roles.yaml`, read by extract/role_words.py).
"""

from __future__ import annotations

from chronicle.extract.agents import acting_word, origin_words, speaker_words, speech_governor
from chronicle.extract.anaphors import anaphor_kind, antecedents, is_plural, nearest_named, own_subject, preceding_words, undergoer_words, words_before
from chronicle.extract.place_actors import capital_country, place_country
from chronicle.extract.records import Trigger
from chronicle.extract.sides import emissary_owners, own_forces, withdrawn_from
from chronicle.model import EventActor
from chronicle.nlp import lower_lemmas
from chronicle.resolve.generic_actors import display_name, group_id, resolve_generic

ANAPHOR_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "obj", "poss", "conj", "appos"})  # where a description names an actor


def _object(verb):
    """A verb's direct object, else None."""
    return next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)


class FrameActors:
    """The generic and implied actors of event frames, mixed into extract/article_actors.py's
    `ArticleActors` (which gives `doc`, `kb`, `lexicon`, `context`, `at`, `places`, `country`,
    `describe` and `one_actor`)."""

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
                    and acting_word(word, roles.reporting_verbs, self.lexicon.grammar.agent_preps):  # not "our government school", "a gun battle with soldiers"
                actor = self.one_actor(word, "source")
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
        places = [w for anchor in (token, token.head) for p in anchor.children if p.dep_ == "prep" and p.lower_ in self.lexicon.grammar.spread_preps
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
            people = [p for prep in word.children if prep.dep_ == "prep" and prep.lower_ in self.lexicon.grammar.genitive_preps
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
        speaker = self.one_actor(subject, role) if subject is not None else None
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
            actor = self.one_actor(subject, "source")
            if actor is not None and actor.country:
                return actor.country
        return None

    def sentence_country(self, token) -> str | None:
        """The one country the token's sentence names (a country, a demonym, or a place in it),
        not counting whom the token acts on ("lawmakers approved X's bid": not X's lawmakers)."""
        sentence = token.sent
        start, end = sentence.start_char, sentence.end_char
        other_side = {self.doc[i].idx for i in undergoer_words(token, self.lexicon.roles.undergoer_place_preps)}
        found = {m.value for m in self.context.actor_mentions if start <= m.start < end and m.value in self.kb.countries
                 and m.start not in other_side}
        found |= {place.country for m in self.context.place_mentions if start <= m.start < end and m.start not in other_side
                  and (place := self.context.places.get(m.value or "")) is not None and place.country}
        return found.pop() if len(found) == 1 else None

    def earlier_country(self, token, lemma: str) -> str | None:
        """The country written with an earlier mention of the same group noun ("Kenyan police")."""
        lemmas = lower_lemmas(self.doc)
        for i in range(token.i - 1, -1, -1):
            if lemmas[i] != lemma:
                continue
            word = self.doc[i]
            for child in word.children:
                mention = self.at.get(child.i)
                if child.dep_ in ("amod", "compound", "poss", "nmod") and mention is not None and mention.value in self.kb.countries:
                    return mention.value
        return None
