"""The article's resolved actor mentions seen from a token: who a word, a pronoun, a
description or a conjunct names, and the officeholders among them."""

from __future__ import annotations

import datetime as dt

from chronicle.extract.context import ArticleContext, alike_mentions, span_index
from chronicle.extract.described_country import described_country, leader_country
from chronicle.extract.lexicon import EventLexicon
from chronicle.extract.pairs import paragraph_start, principal_pair
from chronicle.extract.participants import appositive_conjuncts, closing_speech_verb, included_members, quote_opening
from chronicle.extract.periods import is_dated, reference_day_of
from chronicle.extract.records import Trigger
from chronicle.extract.place_actors import capital_country
from chronicle.extract.roles import FrameActors
from chronicle.extract.sides_words import former_title_holder, member_body
from chronicle.extract.trips import purpose_names_counterpart
from chronicle.kb import KnowledgeBase, name_key
from chronicle.model import EventActor, Mention, TimeValue
from chronicle.nlp import doc_text
from chronicle.resolve.generic_actors import article_country, seated_in, untagged_demonym


MAIN_OFFICES = ("head_of_state", "head_of_government", "foreign_minister")




def _kind_of(actor_id: str) -> str:
    """The kind an id says: "corpus:person:..." is a person; anything else unknown a group."""
    parts = actor_id.split(":")
    return parts[1] if len(parts) > 2 and parts[0] == "corpus" and parts[1] in ("person", "organization") else "group"


def _with_conjuncts(token) -> list:
    return [token, *token.conjuncts]


def prep_objects(token, preps: frozenset[str]) -> list[tuple[str, object]]:
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


class ArticleActors(FrameActors):
    """Maps argument words to actors: resolved mentions, nationality modifiers, groups."""

    def __init__(self, doc, context: ArticleContext, kb: KnowledgeBase, lexicon: EventLexicon):
        self.doc = doc
        self.text = doc_text(doc)  # read once: spaCy joins it on every access
        self.kb = kb
        self.lexicon = lexicon
        self.context = context
        self.at = span_index(doc, context.actor_mentions)
        self.alike = alike_mentions(context.actor_mentions)
        self.names = {  # an actor the KB does not know goes by its longest name in the article
            m.value: (m.text.strip(" ,."), _kind_of(m.value))
            for m in sorted(context.actor_mentions, key=lambda m: len(m.text))
            if m.value and m.label in ("PERSON", "ORG", "NORP", "GPE") and len(m.text.strip()) > 3
        }
        self.places = span_index(doc, context.place_mentions)
        self.country = article_country(self.text, context.actor_mentions, context.place_mentions, context.places, kb.countries)

    def describe(self, actor_id: str, mention: Mention | None, role: str, start: int, end: int) -> EventActor:
        kb = self.kb
        if actor_id in kb.actors:
            actor = kb.actors[actor_id]
            return EventActor(actor_id, actor.name, actor.kind, role, actor.country or self.titled_country(actor_id, actor.kind), start, end)
        if actor_id in kb.countries:
            return EventActor(actor_id, kb.countries[actor_id].name, "country", role, actor_id, start, end)
        name, kind = self.names.get(actor_id) or self.context.corpus_names.get(actor_id) or (actor_id, _kind_of(actor_id))
        return EventActor(actor_id, name, kind, role, self.titled_country(actor_id, kind) or self.institution_country(name, kind), start, end)

    def institution_country(self, name: str, kind: str) -> str | None:
        """The country of a state institution the article names without one ("the National
        Assembly", "the Supreme Court": a name whose last word is a state organ's noun): the
        article's (its dateline's, else the one it names most); None for any other name."""
        words = name.split()
        sectors = self.lexicon.sectors
        if kind != "organization" or len(words) < 2 or sectors.sector(words[-1]) not in sectors.state:
            return None
        return self.country.dateline or self.country.dominant

    def titled_country(self, actor_id: str, kind: str) -> str | None:
        """The country of a person the KB gives none, from a title the article gives them
        ("Gambian leader X", "X, Ghana's president"): the office's seat when it is a country."""
        if kind != "person":
            return None
        seats = {e.seat for e in self.context.role_evidence if e.actor == actor_id and e.seat in self.kb.countries}
        return seats.pop() if len(seats) == 1 else described_country(self.doc, self.context.actor_mentions, actor_id, self.at, self.kb.countries)

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
            actor = self.one_actor(word, role)
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
            actor = self.one_actor(child, role)
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
                actor = self.one_actor(word, role)
                if actor is not None and actor.kind == "person" and actor.id not in {a.id for a in found}:
                    found.append(actor)
        return found

    def speaker_and_other(self, pronoun, role: str) -> list[EventActor]:
        """"we" in a quote: its speaker (the person subject of the speech verb governing it,
        or said after a quote of several sentences) and the last head of state or government
        named before, in the quote or the sentence before it, not the speaker."""
        speaker = self.quote_speaker(pronoun, role)
        if speaker is None:
            return []
        opening = self.doc[quote_opening(pronoun)].sent.start  # the other: named before the quote, or in it
        first = self.doc[opening - 1].sent.start if opening > 0 else 0
        home = self.country_of(speaker)
        for index in range(pronoun.i - 1, max(first - 1, -1), -1):
            mention = self.at.get(index)
            if mention is None or mention.value == speaker.id or home is not None and self.kb_country(mention.value) == home:
                continue  # "our talks", said by a minister: not his own president
            if self.officeholder(mention.value, ("head_of_state", "head_of_government")):
                return [speaker, self.describe(mention.value, mention, role, pronoun.idx, pronoun.idx + len(pronoun.text))]
        return []

    def quote_speaker(self, pronoun, role: str) -> EventActor | None:
        """The person who says the quote a pronoun is in: the person subject of the speech verb
        governing it, or said after a quote of several sentences; None when no person says it."""
        speech_verbs = self.lexicon.modality.speech_verbs
        verb = next((a for a in pronoun.ancestors if a.lemma_.lower() in speech_verbs), None)
        if verb is None:  # '"... We had a great meeting in Lima," Smith said': a quote of several sentences
            verb = closing_speech_verb(pronoun, speech_verbs)
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None) if verb is not None else None
        speaker = self.one_actor(subject, role) if subject is not None else None
        return speaker if speaker is not None and speaker.kind == "person" else None

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
        numbered = any(c.lower_ in self.lexicon.pair_words for c in token.children) or token.lower_ in self.lexicon.pair_words
        return numbered or ("Plur" in token.morph.get("Number") and any(c.lower_ in self.lexicon.grammar.definite_articles for c in token.children))

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
        heads = ("head_of_state", "head_of_government") if token.lemma_.lower() not in self.lexicon.minister_referents else MAIN_OFFICES
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
        """Persons named inside a mention that swallowed an event word ("the Smith-Larsen
        Lakeside Summit"): each proper name the KB knows, one id each."""
        span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
        return [actor for word in span or () if (actor := self.by_name(word, role)) is not None]

    def by_name(self, word, role: str) -> EventActor | None:
        """A proper noun NER left out ("the Smith-Larsen summit"): the one person the KB knows
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

    def one_actor(self, token, role: str) -> EventActor | None:
        if token.tag_ in ("WP", "WDT") and token.head.dep_ == "relcl":  # "Macron, who met ..."
            token = token.head.head
        if (body := self.members_body(token, role)) is not None:  # "leaders of the bloc": the bloc
            return body
        mention = self.at.get(token.i)
        following = self.at.get(token.i + 1)
        if mention is None and following is not None and following.label == "PERSON" and token.text[:1].isupper() and token.pos_ in ("NOUN", "PROPN"):
            mention = following  # "Ruto and PM Modi": the parser took the title for the name
        if token.i in self.places and token.dep_ == "pobj" and token.head.lower_ in self.lexicon.grammar.venue_preps:
            return None  # "talks at the State House": a place, not an actor
        if mention is not None and self.dateline_agency(mention):
            return None  # "ACCRA (Reuters) - ...": who reports, not who acts
        if mention is not None and (mention.value or "").startswith("corpus:person:") and token.i in self.places:
            return None  # "OSAKA – X and Y are holding ...", "the visit of X to Osaka": a place NER took for a person
        dropped = None
        if mention is not None and (mention.value or "").startswith("corpus:") and self.lexicon.sectors.sector(token.lemma_):
            mention, dropped = None, mention  # "MPs", "the Foreign Ministry" taken for a name: a generic actor
        if mention is not None:
            return self.describe(mention.value, mention, role, mention.start, mention.end)
        modifiers = [c for c in token.children if c.dep_ in ("amod", "compound", "poss", "nmod", "appos")]
        named = [self.at[c.i] for c in modifiers if c.i in self.at and not self.dateline_agency(self.at[c.i])
                 and self.at[c.i] is not dropped]  # "China's Foreign Ministry": China's, not the name dropped
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
            if country is None and demonym is None and self.lexicon.sectors.sector(lemma) in self.lexicon.sectors.state:
                country = seated_in(token, lambda w: capital_country(w, self.places, self.context.places, self.context.seats),
                                    self.lexicon.grammar.inside_preps)  # "the government in <capital>"
                country = country or leader_country(token, self.at, lambda i: self.kb_country(i) or self.titled_country(i, "person"),
                                                    self.lexicon.grammar.genitive_preps)  # "of Prime Minister X"
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
        return self.by_name(token, role) or self.former_holder(token, lemma, role) or self.owning_organization(token, lemma, role)

    def members_body(self, token, role: str) -> EventActor | None:
        """The organization a plural member noun belongs to ("leaders of the bloc", "envoys
        from the union"; extract/sides_words.py); None for a country ("the leaders of X")."""
        word = member_body(token, token.lemma_.lower(), self.lexicon.sides)
        mention = self.at.get(word.i) if word is not None else None
        if word is not None and mention is None and self.lexicon.sectors.sector(word.lemma_) in self.lexicon.sectors.state:
            return self.one_actor(word, role)  # "members of parliament": the legislature of the article's country
        if mention is None or not mention.value or mention.value in self.kb.countries or self.dateline_agency(mention):
            return None
        actor = self.describe(mention.value, mention, role, mention.start, mention.end)
        return actor if actor.kind == "organization" else None

    def former_holder(self, token, lemma: str, role: str) -> EventActor | None:
        """The person "the former president" is: the last one titled "former ... president"
        before it (extract/sides_words.py); None for any other word."""
        if lemma not in self.lexicon.person_nouns or token.i in self.at:
            return None
        persons = {m.start: m for m in self.context.actor_mentions if m.value and m.label == "PERSON"}
        start = former_title_holder(token, list(persons), self.lexicon.sides)
        if start is None:
            return None
        mention = persons[start]
        return self.describe(mention.value, mention, role, mention.start, mention.end)

    def owning_organization(self, token, lemma: str, role: str) -> EventActor | None:
        """The organization "its leader" belongs to: the last actor the text names before it,
        when that is an organization or group ("The Front stepped up attacks, and its leader
        ..."); None after a country or a person, or for any other word."""
        if lemma not in self.lexicon.person_nouns or not any(c.dep_ == "poss" and c.lower_ in self.lexicon.grammar.owning_possessives for c in token.children):
            return None
        last = max((m for m in self.context.actor_mentions if m.value and m.end <= token.idx and m.label != "ROLE"),
                   key=lambda m: m.start, default=None)
        if last is None or last.value in self.kb.countries:
            return None
        kind = self.kb.actors[last.value].kind if last.value in self.kb.actors else _kind_of(last.value)
        return self.describe(last.value, last, role, last.start, last.end) if kind in ("organization", "group") else None

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
        day = reference_day_of(time, self.context.published)
        if self.third_party_in(token.sent, home | {place.id}) or day is None and is_dated(time):
            return found, False
        if purpose_names_counterpart(token, self.lexicon.purpose_prepositions, self.lexicon.grammar):  # "visiting Washington for meetings with business leaders"
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
