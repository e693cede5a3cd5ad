"""The arguments of a trigger from the parse: subjects, objects, prepositional objects,
possessors and modifiers of verbs and nouns, and the roles given to them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from chronicle.extract.agents import fired_instrument
from chronicle.extract.article_actors import ArticleActors, prep_objects
from chronicle.extract.grievances import not_about_harm
from chronicle.extract.invitations import inviting_governor
from chronicle.extract.lexicon import EventLexicon
from chronicle.extract.participants import for_subject, governing_verb, included_members, involved_words, position_subject
from chronicle.extract.records import Trigger
from chronicle.extract.sides_words import condition_subjects, enacting_quantity_verb, stray_by_agents, thing_makers, unattributed
from chronicle.extract.argument_frames import affiliations, against_modifier, document_issuer, headline_passive, object_prep_objects, passive_controller, requested_noun, parties_between, responding_verb, setting_doers, stray_agents
from chronicle.extract.targets import asked_actor, aspect_owners, carrying_verb_preps
from chronicle.extract.triggers import clause_tokens, direct_object, has_phrase, is_verb
from chronicle.function_words import FunctionWords
from chronicle.model import EventActor, Mention


def _subjects(verb, grammar: FunctionWords) -> tuple[list, list]:
    """(active subjects, passive subjects) of a verb, inherited through open complements,
    coordinated verbs and relative clauses."""
    node = verb
    for _ in range(4):
        active = [c for c in node.children if c.dep_ in ("nsubj", "csubj")] or for_subject(node, grammar)
        passive = [c for c in node.children if c.dep_ == "nsubjpass"]
        agents = [o for c in node.children if c.dep_ == "agent" for o in c.children if o.dep_ == "pobj"] or stray_agents(node, grammar.agent_preps)
        if active or passive or agents:
            return active + agents, passive
        if node.dep_ in ("acl", "relcl") and node.head.dep_ == "attr" and node.head.head.i != node.head.i:
            node = node.head.head  # "X became the first leader to meet Y": X
            continue
        if node.dep_ == "relcl":
            return [node.head], []
        if node.dep_ == "xcomp" and direct_object(node.head) is not None:  # "invited Macron to come"
            return [direct_object(node.head)], []
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


def _doers(token, trigger: Trigger, actors: ArticleActors) -> tuple[list, list]:
    """(active, passive) subject words of a verbal trigger, with the phrases the parse hides."""
    active, passive = _subjects(token, actors.lexicon.grammar)
    active = unattributed(active, actors.lexicon.sides)  # "According to the agency Tass, the ministry ...": not Tass
    if not active and not passive:
        active = position_subject(token, actors.lexicon.position_words)  # "Smith, left, shakes hands with Jones"
    if not active and not passive and (demonym := _stray_demonym(token, actors)) is not None:
        active = [demonym]  # "repelling the Togolese shelling of X", the gerund read as a verb
    if headline_passive(token):  # "Opposition leader arrested"
        active, passive = [], passive + active
    if not active and trigger.roles == "directed" and (controller := passive_controller(token)) is not None:
        active, passive = [controller], []  # "X was forced to resign": X resigned
    issuer = document_issuer(token, actors.lexicon.roles.document_nouns)
    if issuer is not None:  # "the Council passed a resolution demanding X"
        active = _subjects(issuer, actors.lexicon.grammar)[0]
    return active, passive


def verb_arguments(token, trigger: Trigger, noun, actors: ArticleActors) -> tuple[list[EventActor], list[EventActor], object | None]:
    """(sources, targets, place word) of a verbal trigger by its role scheme."""
    active, passive = _doers(token, trigger, actors)
    obj = direct_object(token)
    objects = [] if obj is None or trigger.object and not _named_person(obj, actors) else [obj]  # "hosted the Indian prime minister"
    objects += [c for c in token.children if c.dep_ in ("dative", "iobj")]
    preps = not_about_harm(prep_objects(token, trigger.target_preps), actors.lexicon.roles.state_target_preps, actors.lexicon.roles.grievance_nouns,
                           actors.lexicon.grammar.genitive_preps)  # not "over X's death"
    if obj is not None and trigger.roles == "directed":  # "fired missiles at X", "launched drones and missiles at X"
        preps += [("", w) for w in object_prep_objects(obj, trigger.target_preps if trigger.object else actors.lexicon.roles.object_target_preps)]
    asked = requested_noun(token, trigger.prep, trigger.type, actors.lexicon.roles.requested_noun_types) if noun is None else None
    if asked is not None:  # "called for talks with X"
        preps += prep_objects(asked, trigger.target_preps)
    if noun is None and (who := asked_actor(token, trigger.prep, trigger.type, actors.lexicon.roles.asked_actor_types,
                                                     actors.lexicon.grammar.infinitive_markers)) is not None:
        preps += [("", who)]  # "called for the government to release X"
    if noun is not None:  # "held talks with X"
        preps, objects = _with_noun_words(noun, trigger, preps, objects, actors)
    place_word = None
    subjects = [a for s in active for a in actors.of(s, "source")]
    if not subjects and trigger.roles == "directed" and not any(c.tag_ == "MD" for c in token.children):
        subjects = [a for s in active if _first_person_plural(s) and (a := actors.quote_speaker(s, "source")) is not None]  # '"We oppose X," Smith said'; not "we will ..."
    passive_actors = [a for s in passive for a in actors.of(s, "target")]
    object_actors = []
    for word in objects:
        found = actors.of(word, "target") or actors.capital_target(word, trigger) or actors.stand_in(word, trigger)
        if not found and trigger.roles == "visit" and word.i in actors.places:
            place_word = word
        object_actors += found
    if trigger.roles == "directed":  # "killed X, a leader of the Y rebels": Y too
        object_actors += _bodies_of(objects, object_actors, actors)
    prep_actors = []
    for prep, word in preps:
        found = actors.of(word, "target") or actors.place_target(word, trigger) or actors.stand_in(word, trigger)
        if not found and trigger.roles == "visit" and word.i in actors.places and place_word is None:
            place_word = word
        prep_actors += found
    prep_actors += actors.clause_targets(token, trigger)  # "X alleged that police ..."
    if not object_actors and not prep_actors:  # "warned ... if X visits Y", "X's resolution, vetoed by Y": X
        prep_actors += _unsaid_targets(token, trigger, active, actors)
    known = {a.id for a in object_actors + prep_actors}
    prep_actors += [a for a in actors.dispersed(token, trigger) if a.id not in known]  # "to disperse the protesters"
    if trigger.roles == "host":
        return object_actors + prep_actors + passive_actors, subjects, place_word
    if passive and not active and trigger.roles == "directed":  # "demonstrators were shot"
        if fired_instrument(token, actors.lexicon.roles.instrument_verbs):  # "missiles were fired from X": no target
            passive_actors, subjects = [], actors.origin(token, trigger)
        subjects = subjects or actors.implied_agent(token, trigger)
    return subjects, passive_actors + object_actors + prep_actors, place_word


def _bodies_of(objects: list, found: list[EventActor], actors: ArticleActors) -> list[EventActor]:
    """The organizations and groups an apposition of an object makes it a member of ("X, a
    leader of the Y rebels": Y), not already among `found`."""
    side, known = actors.lexicon.sides, {a.id for a in found}
    return [a for w in objects for o in affiliations(w, side.member_nouns, side.member_preps)
            for a in actors.of(o, "target") if a.kind in ("organization", "group") and a.id not in known]


def _first_person_plural(word) -> bool:
    return word.pos_ == "PRON" and "1" in word.morph.get("Person") and "Plur" in word.morph.get("Number")


def _with_noun_words(noun, trigger: Trigger, preps: list, objects: list, actors: ArticleActors) -> tuple[list, list]:
    """A verb's (prep, word) pairs and object words with those of the event noun it absorbs
    ("held talks with X"): the noun's target phrases, members included, possessors, whom a
    meeting involves, the host of an event visited."""
    preps = preps + prep_objects(noun, trigger.target_preps | actors.lexicon.grammar.between_preps)
    if preps:  # "held talks with X and a handful of his deputies, including Y": "handful" hung on "talks"
        preps += [("", m) for m in included_members(list(noun.conjuncts), actors.lexicon.inclusion_words)]
    objects = objects + [c for c in noun.children if c.dep_ in ("poss",)]
    if trigger.type == "CONSULT":  # "held talks involving X and Y", "attend a summit which will bring X together with Y"
        preps += [("", w) for w in involved_words(noun, actors.lexicon.roles.involving_verbs, actors.lexicon.grammar)]
    if trigger.roles == "visit":  # "attend an event hosted by X": X is the host
        objects += [o for acl in noun.children if acl.dep_ == "acl"
                    for agent in acl.children if agent.dep_ == "agent"
                    for o in agent.children if o.dep_ == "pobj"]
    return preps, objects


def _unsaid_targets(token, trigger: Trigger, active: list, actors: ArticleActors) -> list[EventActor]:
    """Whom a verbal trigger naming no target is aimed at, by a nearby phrase (extract/sides_words.py):
    the subject of a warning's condition ("warned that it would act if X visits Y"), else the
    doer of the act a participle's noun is the setting of ("X launched missiles, in actions
    condemned by Y"), the parties "between" whom is the thing acted on ("urged a cessation
    of hostilities between X and Y"), else the maker of the thing rejected ("X proposed a
    resolution, which was vetoed by Y"), not a source."""
    words = actors.lexicon.sides
    found = [a for w in condition_subjects(token, trigger.type, words) for a in actors.of(w, "target")]
    if found:
        return found
    own = {a.id for s in active for a in actors.of(s, "source")}
    if trigger.type in actors.lexicon.roles.setting_target_types and not actors.of(token.head, "target"):
        found = [a for w in setting_doers(token) for a in actors.of(w, "target") if a.id not in own]  # "X launched missiles, in actions condemned by Y": X; not "sanctions on officials accused of ..."
        if found:
            return found
    if trigger.type in actors.lexicon.roles.between_target_types:  # "urged a cessation of hostilities between X and Y"
        found = [a for w in parties_between(token, actors.lexicon.grammar.between_preps) for a in actors.of(w, "target") if a.id not in own]
        if found:
            return found
    return [a for w in thing_makers(token, trigger.type, words) for a in actors.of(w, "target") if a.id not in own]


def inviters(token, trigger: Trigger, found: list[EventActor], actors: ArticleActors, lexicon: EventLexicon) -> list[EventActor]:
    """"X invited Y to visit (him)": X, the one to be visited (extract/invitations.py)."""
    governor = inviting_governor(token, lexicon.modality.inviting_governors, lexicon.grammar.invitation_preps) if trigger.type == "CONSULT" else None
    if governor is None:
        return []
    known = {a.id for a in found}
    return [a for s in _subjects(governor, lexicon.grammar)[0] for a in actors.of(s, "target") if a.id not in known]


def noun_arguments(token, trigger: Trigger, actors: ArticleActors, lexicon: EventLexicon) -> tuple[list[EventActor], list[EventActor], object | None]:
    """(sources, targets, place word) of a nominal trigger: possessors and modifiers are
    sources ("Israeli airstrikes", "Macron's visit"), prepositional objects targets; the
    subject of a support verb ("held talks") or of a verb the noun is a setting for ("at
    talks with X, Macron said") is a source too."""
    sources, targets = _modifier_arguments(token, actors, lexicon)
    phrase_sources, phrase_targets, place_word = _phrase_arguments(token, trigger, actors, lexicon)
    sources += phrase_sources
    targets += phrase_targets
    if not targets:  # "offered her congratulations to X", "issued a threat to X"
        targets += [a for w in carrying_verb_preps(token, trigger.roles, trigger.target_preps) for a in actors.of(w, "target")]
    if not sources:  # "criticism of X's record by Y": Y
        sources += [a for w in stray_by_agents(token, lexicon.grammar) for a in actors.of(w, "source")]
    if not sources and (enacting := enacting_quantity_verb(token, lexicon.roles.enacting_verbs, lexicon.sides, lexicon.grammar.genitive_preps)) is not None:
        sources += [a for s in _subjects(enacting, lexicon.grammar)[0] for a in actors.of(s, "source")]  # "X announced a round of sanctions"
    if not sources:  # "X's intensification of airstrikes"
        sources += [a for w in aspect_owners(token, lexicon.roles.aspect_nouns, lexicon.grammar.genitive_preps) for a in actors.of(w, "source")]
    verb = _source_verb(token, trigger, sources, targets, lexicon)
    if verb is None:
        sources += [a for s in granted_subjects(token, lexicon.granting_verbs) for a in actors.of(s, "source")]
    if verb is not None:
        active, _ = _subjects(verb, lexicon.grammar)
        sources += [a for s in active for a in actors.of(s, "source")]
        if not targets and token.dep_ == "pobj" and verb.lemma_.lower() in lexicon.modality.speech_verbs:
            targets += addressed_persons(verb, actors)  # "after talks at X, the president told Mrs Smith ...": Smith
    return sources, targets, place_word


def _modifier_arguments(token, actors: ArticleActors, lexicon: EventLexicon) -> tuple[list[EventActor], list[EventActor]]:
    """(sources, targets) an event noun's own words name: a name it is inside, possessors
    and modifiers ("Macron's visit", "Israeli airstrikes"), "anti-" modifiers as targets."""
    sources, targets = [], []
    swallowed = actors.at.get(token.i)
    if swallowed is not None:  # the event word is inside a name: "the Smith-Larsen Summit"
        sources += actors.inside(swallowed, "source")
    inside = _tokens_of(actors, swallowed)
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and against_modifier(child, lexicon.roles.against_prefixes):
            targets += actors.of(child, "target")  # "anti-government protests"
            continue
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i not in inside:
            sources += actors.of(child, "source")
            for pair in child.children:  # "the Smith-Larsen summit": Smith hangs from Larsen
                if pair.dep_ == "compound" and pair.pos_ == "PROPN" and pair.i not in inside:
                    sources += actors.of(pair, "source")
    if token.dep_ == "conj" and any(c.dep_ == "poss" for c in token.children) and any(c.dep_ == "cc" for c in token.head.children):
        sources += actors.of(token.head, "source")  # "Smith and Jones's meeting", parsed "Smith and [Jones's meeting]"
    if not sources and (demonym := _stray_demonym(token, actors)) is not None:
        sources += actors.of(demonym, "source")  # "repelling the Togolese shelling", parsed as two objects
    return sources, targets


def _stray_demonym(noun, actors: ArticleActors):
    """A nationality written just before an event noun that the parser did not hang on it
    ("repelling the Togolese shelling of X", read as two objects of the verb): the word,
    when it names a country and is the noun's sibling or head; else None."""
    if noun.i == 0 or noun.pos_ != "NOUN" and noun.tag_ != "VBG" or noun.dep_ in ("compound", "amod", "nmod"):
        return None  # "the Togolese detention centre": the centre is Togolese
    word = noun.doc[noun.i - 1]
    mention = actors.at.get(word.i)
    if word.head.i == noun.i or mention is None or mention.label != "NORP" or mention.value not in actors.kb.countries:
        return None
    return word if word.head.i == noun.head.i or noun.head.i == word.i else None


def _phrase_arguments(token, trigger: Trigger, actors: ArticleActors, lexicon: EventLexicon) -> tuple[list[EventActor], list[EventActor], object | None]:
    """(sources, targets, place word) from an event noun's prepositional phrases: "by X" and
    the "of" of a meeting or a visit are sources; "between", "with", "of" an invasion targets."""
    sources, targets, place_word = [], [], None
    for prep in (w for w in clause_tokens(token) if w.lower_ in lexicon.grammar.between_preps and w.dep_ == "prep" and w.head.i != token.i):
        for obj in (c for c in prep.children if c.dep_ == "pobj"):  # "the meeting at the White House between A and B"
            targets += actors.of(obj, "target")
    if trigger.type == "CONSULT":  # "a meeting involving A and B", "a summit which will bring A together with B"
        targets += [a for w in involved_words(token, lexicon.roles.involving_verbs, lexicon.grammar) for a in actors.of(w, "target")]
    grammar = lexicon.grammar
    for prep, word in prep_objects(token, trigger.target_preps | grammar.between_preps | grammar.agent_preps | grammar.genitive_preps):
        if prep in grammar.agent_preps:
            sources += actors.of(word, "source")
        elif prep in grammar.genitive_preps:
            if trigger.roles in ("symmetric", "visit"):
                sources += actors.of(word, "source")
            elif trigger.roles == "directed" and prep in lexicon.roles.nominal_target_preps:  # "the invasion of X"
                targets += actors.of(word, "target")
        elif not_about_harm([(prep, word)], lexicon.roles.state_target_preps, lexicon.roles.grievance_nouns, lexicon.grammar.genitive_preps):  # not "over X's death"
            found = actors.of(word, "target") or actors.place_target(word, trigger) or actors.stand_in(word, trigger)
            if not found and trigger.roles == "visit" and word.i in actors.places and place_word is None:
                place_word = word
            targets += found
    return sources, targets, place_word


def _source_verb(token, trigger: Trigger, sources: list[EventActor], targets: list[EventActor], lexicon: EventLexicon):
    """The verb whose subject holds the event an event noun names: a support verb ("held
    talks"), a verb the noun is the setting, the aim or the occasion of, an enacting or a
    responding verb; None when there is none."""
    token = measured_by(token, lexicon.grammar.genitive_preps)  # "closed two days of [talks]": the object is the measure
    head = token.head
    verb = None
    if token.dep_ in ("dobj", "obj", "nsubjpass") and (
        head.lemma_.lower() in lexicon.support_verbs
        or any(c.dep_ == "aux" and c.lower_ in lexicon.aspect_auxiliaries for c in head.children)
    ):  # "began hastily arranged talks", parsed with "began" as an auxiliary of "arranged"
        verb = head
    elif token.dep_ == "pobj" and trigger.roles != "directed" and (
        has_phrase([head.head, head] if head.dep_ == "prep" and head.head.dep_ == "pobj" else [head], lexicon.attendance_prepositions)
        or _inside_attendance_phrase(head, lexicon.attendance_prepositions, lexicon.articles, lexicon.grammar.genitive_preps)
    ):
        verb = next((a for a in head.ancestors if is_verb(a)), None)  # "agreed ... following talks"; not "expelled X after the attack"
    elif token.dep_ == "pobj" and head.lower_ in lexicon.grammar.occasion_preps and trigger.roles == "visit" and is_verb(head.head):
        verb = head.head  # "on a visit to Japan, Smith said": the visitor
    elif token.dep_ == "pobj" and head.lower_ in lexicon.grammar.journey_preps and head.head.lemma_.lower() in lexicon.travel_verbs:
        verb = head.head  # "flew to Oslo for talks with X", "returned from a visit to Y": the traveller
    elif not sources and trigger.roles == "directed" and token.dep_ in ("dobj", "obj") and head.lemma_.lower() in lexicon.roles.enacting_verbs:
        verb = head  # "the president announced a mobilisation", "the bloc imposed sanctions on X"
    elif not sources and responding_verb(token, lexicon.roles.responding_verbs, lexicon.grammar.accompaniment_preps) is not None:
        verb = head.head  # "X responded with warnings that ..."
    if verb is None and not sources and sum(a.kind == "person" for a in targets) >= 2 and _with_only(token, trigger, lexicon.grammar):
        verb = governing_verb(token)  # "he pointed to his meetings with A and B": A and B did not meet each other
    return verb


def measured_by(noun, genitive_preps: frozenset[str]):
    """The counted measure an event noun follows ("two days of [talks]", "three rounds of
    [talks]": "days", "rounds"), which stands in its place as a verb's object; else the noun."""
    head = noun.head
    if noun.dep_ == "pobj" and head.lower_ in genitive_preps and head.head.i != head.i and any(c.dep_ == "nummod" for c in head.head.children):
        return head.head
    return noun


def granted_subjects(noun, granting_verbs: frozenset[str]) -> list:
    """The passive subject of a verb granting the event noun as its object: "He has been
    granted an audience with Y" (he takes part); not the giver of an active "granted him"."""
    verb = noun.head
    if noun.dep_ not in ("dobj", "obj") or verb.lemma_.lower() not in granting_verbs:
        return []
    return [c for c in verb.children if c.dep_ == "nsubjpass"]


def addressed_persons(verb, actors: ArticleActors) -> list[EventActor]:
    """The persons a speech verb addresses ("told Mrs Smith", "assured Smith"), not
    groups ("told reporters")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative", "iobj")]
    return [a for o in objects for a in actors.of(o, "target") if a.kind == "person"]


def _inside_attendance_phrase(prep, phrases: Sequence[tuple[str, ...]], articles: frozenset[str], genitive_preps: frozenset[str]) -> bool:
    """Whether the "of" an event noun hangs on closes a phrase of attendance: "met on the
    sidelines of the summit meetings with X" (not "in the wake of talks")."""
    if prep.lower_ not in genitive_preps or prep.head.dep_ != "pobj" or prep.head.head.dep_ != "prep":
        return False
    outer = prep.head.head
    words = tuple(t.lower_ for t in prep.doc[outer.i : prep.i + 1] if t.pos_ != "DET")
    return any(words == tuple(w for w in phrase if w not in articles) for phrase in phrases if len(phrase) > 1)


def _named_person(word, actors: ArticleActors) -> bool:
    """Whether an object an entry lists as an event word ("hosted a leader") names a person
    the article resolves ("hosted the Indian prime minister", "received his counterpart X")."""
    mention = actors.at.get(word.i)
    return mention is not None and mention.label in ("PERSON", "ROLE") and bool(mention.value) and actors.kb.actors.get(mention.value) is not None \
        and actors.kb.actors[mention.value].kind == "person"


def _with_only(token, trigger: Trigger, grammar: FunctionWords) -> bool:
    """Whether an event noun's persons all come from one "with" phrase ("meetings with A and B")."""
    preps = [c for c in token.children if c.dep_ == "prep" and c.lower_ in trigger.target_preps | grammar.between_preps]
    return len(preps) == 1 and preps[0].lower_ in grammar.accompaniment_preps


def _tokens_of(actors: ArticleActors, mention: Mention | None) -> set[int]:
    if mention is None:
        return set()
    span = actors.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return {t.i for t in span or ()}


def with_roles(trigger: Trigger, sources: list[EventActor], targets: list[EventActor]) -> list[EventActor]:
    """One actor once: symmetric triggers make everyone a participant; an actor that is both
    source and target keeps its first role."""
    chosen: dict[str, EventActor] = {}
    for role, actors in (("source", sources), ("target", targets)):
        for actor in actors:
            chosen.setdefault(actor.id, replace(actor, role="participant" if trigger.roles == "symmetric" else role))
    return list(chosen.values())
