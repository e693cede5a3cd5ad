"""Modality of an event mention: reported, planned, hypothetical, negated or historical,
from the governing verbs, auxiliaries, negation, habitual and aggregate readings and the
event's date against publication."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from chronicle.extract.framing import alleged, conditioned, framed_as_present, gerund_in_infinitive, imperative, object_modality, occasion_offered, requested, shares_future
from chronicle.extract.invitations import return_invitation
from chronicle.extract.lexicon import EventLexicon
from chronicle.extract.meals import several_meals
from chronicle.extract.participants import for_to_modality
from chronicle.extract.periods import before_publication, is_dated, time_period
from chronicle.extract.records import Modality
from chronicle.extract.triggers import is_verb, coarse_pos
from chronicle.extract.trips import nominal_purpose
from chronicle.model import TimeValue
from chronicle.resolve.time_rules import TimeRules
from chronicle.resolve.clauses import clause_tense, finite_past, infinitive


def phrase_before(token, phrases: Sequence[tuple[str, ...]]) -> bool:
    """Whether `token` is the object of one of `phrases` ("ahead of [the summit]", "looking
    forward to [meeting]")."""
    if token.dep_ not in ("pobj", "pcomp"):
        return False
    prep = token.head
    words = [t.lower_ for t in token.doc[max(prep.i - 4, 0) : prep.i + 1]]
    return any(tuple(words[-len(p) :]) == p for p in phrases)


def event_modality(token, noun, lexicon: EventLexicon, rules: TimeRules, time: TimeValue, published: dt.date | None,
              type_: str = "") -> str:
    """reported, historical, planned, hypothetical or negated (see docs/events.md); or
    "habitual" for a repeated or aggregated happening ("they meet regularly", "have met
    several times"), which is not one event; or "purpose" for the aim of a trip ("flew to
    Kigali to meet X"), planned unless the article reports the meeting; or "aim" for a
    trip's nominal aim ("flew to Kigali for talks with X"), settled by `_settle_aims`."""
    words = lexicon.modality
    carrier = token
    if prevented(token, words.preventing_governors, words.grammar.separation_preps):  # "to dissuade X from supporting Y": kept from happening, not refused
        return "hypothetical"
    if phrase_before(token, words.prospective_prepositions):
        return "planned"
    if alleged(token, words.alleging_verbs, words.alleging_preps):  # "accused X of supporting terrorism"
        return "hypothetical"
    if (content := content_of(token, words)) is not None:  # "the decision of pulling back", "the threat of sanctions"
        return content
    if framed_as_present(token, words.present_modifiers):  # "during his current visit"
        return dated_modality(time, published, words) or "reported"
    if nominal_purpose(token, words.travel_verbs, lexicon.visit_words, lexicon.purpose_prepositions):  # "flew to Oslo for talks with X"
        return "aim"
    if phrase_before(token, words.anterior_prepositions) or phrase_before(token, words.posterior_prepositions):
        # "in the wake of the summit last month", "after visiting Kigali, he will fly on",
        # "will meet X before holding a press conference": dated, it is what its date says;
        # undated, it shares its clause's future or past
        if is_dated(time):
            return dated_modality(time, published, words) or "reported"
        return "planned" if clause_tense(token.head, rules) == "future" else "reported"
    if coarse_pos(token) == "NOUN" and token.head.i != token.i:
        by_noun = _noun_modality(token, words, rules, type_)
        if by_noun == "planned" and before_publication(time, published):
            by_noun = None  # "granted him an audience on May 3", told after it: what the date says
        if by_noun is not None:
            return by_noun
        if token.dep_ in ("dobj", "obj", "nsubjpass", "nsubj") and is_verb(token.head):
            carrier = token.head
        if token.dep_ in ("nsubj", "nsubjpass") and _ahead(token.head, words):
            return "planned"
    if _cancelled(token, words):
        return "negated"
    negators = [*carrier.children, *(noun.children if noun is not None else ())]
    if any((c.dep_ == "neg" or c.lower_ in words.negations and c.dep_ in ("advmod", "det")) and not _negation_idiom(c, words) for c in negators):
        return "negated"
    while not is_verb(carrier) and carrier.head.i != carrier.i:  # a noun: the clause it sits in
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


def content_of(token, words: Modality) -> str | None:
    """What a noun of intent or possibility makes of the act after its "of": "the decision of
    pulling back", "an offer of talks" are planned, "the threat of sanctions", "the risk of
    war" hypothetical; None when the act hangs on no such noun ("a new set of sanctions",
    "the release of prisoners")."""
    prep = token.head
    if token.dep_ not in ("pobj", "pcomp") or prep.lower_ not in words.grammar.genitive_preps or prep.head.i == prep.i:
        return None
    holder = prep.head
    if coarse_pos(holder) != "NOUN":
        return None
    lemma = holder.lemma_.lower()
    if lemma in words.intent_nouns:
        return "planned"
    return "hypothetical" if lemma in words.possibility_nouns else None


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
                             words.refusing_verbs if refusable else frozenset(), words.refusing_phrasal if refusable else frozenset(),
                             words.grammar.copulas)
    if framed is not None:  # "scheduled talks", "considering a trip", "declined a meeting"
        return framed
    if requested(token, words.requesting_verbs, words.requesting_preps):  # "called for a ceasefire": asked for
        return "hypothetical"
    if occasion_offered(token, words.setting_nouns, words.grammar.purpose_preps):  # "the forum offers a chance for talks"
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
        if is_verb(parent) and parent.lemma_.lower() not in words.cancel_copulas:
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
    if coarse_pos(token) != "NOUN" or token.tag_ != "NNS":
        return False
    if any(c.dep_ in ("amod", "nummod", "det") and c.lower_ in words.aggregate_quantifiers for c in token.children):
        return True
    if several_meals(token, words.meal_words):
        return True
    head = token.head
    return token.dep_ == "pobj" and head.lower_ in words.grammar.genitive_preps and head.head.lemma_.lower() in words.aggregate_nouns


def prevented(node, governors, separation_preps) -> bool:
    """Whether `node` is the act after a "from" (`separation_preps`) that a verb of preventing governs
    ("dissuade Washington from supporting X", "was barred from travelling"): kept from
    happening; "returned from visiting X" is not."""
    prep = node.head
    return (node.dep_ == "pcomp" and prep.lower_ in separation_preps and prep.head.i != prep.i
            and prep.head.lemma_.lower() in governors)


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
        if node.dep_ == "advcl" and infinitive(node, words.grammar.infinitive_markers) and lemma in words.travel_verbs:
            return chain, "purpose"
        if purpose_clause(node, words):  # "was used to airdrop food": a use it serves, no one act
            return chain, "hypothetical"
        if for_to_modality(node, words.plan_nouns, words.grammar) is not None:  # "arrangements for Smith to meet Jones"
            return chain, for_to_modality(node, words.plan_nouns, words.grammar)
        if node.dep_ not in ("xcomp", "acl"):
            break
        node = governor
        chain.append(node)
    holder = noun_holder(chain[-1])
    if holder is not None:  # "would have an obligation to arrest X": the clause that holds the noun
        chain.append(holder)
    root = chain[-1]
    if root.dep_ == "ROOT" and infinitive(root, words.grammar.infinitive_markers) and not any(c.dep_ in ("aux", "auxpass") and c.tag_ != "TO" for c in root.children):
        return chain, "planned"
    return chain, None


def purpose_clause(verb, words: Modality) -> bool:
    """Whether `verb` is the "to" infinitive of what something is used for ("the plane was
    used to airdrop food"): a use, not a happening. An adverbial infinitive of purpose is
    not one of these: "burned flags to protest" tells the protest itself."""
    governor = verb.head
    return (verb.i != governor.i and verb.dep_ == "xcomp" and infinitive(verb, words.grammar.infinitive_markers)
            and governor.lemma_.lower() in words.purpose_governors)


def noun_holder(node):
    """The verb whose object or subject is `node`, a noun with an infinitive of its own
    ("would have an obligation to arrest X"), so that the verb's auxiliaries count; None
    for a verb or a noun held otherwise."""
    if is_verb(node) or node.dep_ not in ("dobj", "obj", "attr", "nsubj", "nsubjpass"):
        return None
    return node.head if is_verb(node.head) else None


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
    return dated_modality(time, published, words) or "reported"


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


def dated_modality(time: TimeValue, published: dt.date | None, words: Modality) -> str | None:
    """What the date alone says: after the publication day, planned; more than
    `historical_days` before it, historical; else nothing."""
    if time.resolved and published is not None and time.precision not in ("reported", "vague"):
        start, end = time_period(time)
        if start > published:
            return "planned"
        if (published - end).days > words.historical_days:
            return "historical"
    return None


def _negation_idiom(word, words: Modality) -> bool:
    """A negation that asserts the event: "not since they met in Helsinki has ..."."""
    following = word.doc[word.i + 1 : word.i + 1 + max((len(p) for p in words.affirming_negations), default=0)]
    return any(tuple(t.lower_ for t in following[: len(p)]) == p for p in words.affirming_negations)




def governs_within(token, target_indices: set[int], max_steps: int = 5) -> bool:
    """Whether `token`'s head chain reaches one of `target_indices` without crossing
    another clause's verb."""
    node = token
    for _ in range(max_steps):
        if node.head.i == node.i:
            return False
        node = node.head
        if node.i in target_indices:
            return True
        if is_verb(node) and node.dep_ not in ("aux", "auxpass"):
            return False
    return False
