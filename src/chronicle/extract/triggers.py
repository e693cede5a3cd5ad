"""Finding a trigger at a token: lemma, part of speech, particle, object and preposition
conditions of the lexicon, and the best trigger when several match."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence

from chronicle.spacy_import import spacy  # noqa: F401  (first: spaCy without its own command line, issue 16)
from spacy.attrs import LOWER
from spacy.strings import hash_string

from chronicle.extract.lexicon import EventLexicon, PARTICLE_DEPS
from chronicle.extract.participants import stranded_object
from chronicle.extract.predicates import predicate_adjectives, reported_clause_says
from chronicle.extract.records import Trigger
from chronicle.extract.targets import marked_clause
from chronicle.function_words import FunctionWords
from chronicle.nlp import lower_lemmas


_CLAUSE_DEPS = {"relcl", "advcl", "ccomp", "csubj", "parataxis", "acl", "xcomp", "conj"}
_TABLES_KEY = "chronicle_best_triggers"  # the doc's `user_data` key of its best-trigger tables
_CANDIDATES_KEY = "chronicle_trigger_candidates"  # the doc's `user_data` key of its candidate words
_UNSEEN = object()  # a token not asked about yet (None is an answer: no trigger)


def is_verb(token) -> bool:
    return token.pos_ in ("VERB", "AUX")


def coarse_pos(token) -> str | None:
    if token.pos_ in ("VERB", "AUX"):
        return "VERB"
    if token.pos_ in ("NOUN", "PROPN"):
        return "NOUN"
    return None


def clause_tokens(token) -> list:
    """The words of `token`'s own phrase: its subtree without nested clauses."""
    words, stack = [], [token]
    while stack:
        node = stack.pop()
        words.append(node)
        stack.extend(child for child in node.children if child.dep_ not in _CLAUSE_DEPS or child.dep_ == "prt")
    return sorted(words, key=lambda t: t.i)


def has_phrase(tokens, phrases: Sequence[tuple[str, ...]]) -> bool:
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


def direct_object(token):
    return next((c for c in token.children if c.dep_ in ("dobj", "obj")), None)


def other_type_triggers(triggers: Mapping[int, tuple[Trigger, object]], kind: str) -> frozenset[int]:
    """The token indices of an article's triggers (index -> (trigger, noun)) of another type than `kind`."""
    return frozenset(i for i, (t, _) in triggers.items() if t.type != kind)


def _noun_keys(noun) -> set[str]:
    """The names a noun goes by: its lemma, its form, and with its compounds as written
    ("sit-down", "press conference")."""
    keys = {noun.lemma_.lower(), noun.lower_}
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i < noun.i]
    if compounds:  # (a span's text, not the doc's: spaCy joins the whole text on each doc.text)
        keys.add(noun.doc[min(c.i for c in compounds) : noun.i + 1].text.lower())
    return keys


def _matches(trigger: Trigger, token, containers: frozenset[str], grammar: FunctionWords) -> tuple[bool, object]:
    """Whether the entry fires at `token`, and the event noun of a light verb, if any (seen
    through a container: "held the first round of talks", "two days of talks")."""
    obj = direct_object(token) if trigger.pos == "VERB" else None
    if trigger.object and obj is None and trigger.pos == "VERB":
        obj = stranded_object(token)  # "and hold talks with X, a spokesman said"
    if trigger.object:
        nouns = [obj] if obj is not None else []
        nouns += [c for c in token.children if c.dep_ == "nsubjpass"]  # "talks were held"
        nouns += predicate_adjectives(token) if trigger.pos == "VERB" else []  # "was critical of"
        nouns += [p for n in nouns if n.lemma_.lower() in containers for of in n.children if of.lower_ in grammar.genitive_preps
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
                                for c in token.children) and marked_clause(token, trigger.prep, grammar.infinitive_markers) is None:  # "called for X to ..."
        return False, None
    if trigger.complement and not any(c.dep_ == "xcomp" and (not trigger.complement_lemmas or c.lemma_.lower() in trigger.complement_lemmas)
                                      for c in token.children):
        return False, None
    if trigger.words and not has_phrase(clause_tokens(token), trigger.words):
        return False, None
    if trigger.clause_words and not reported_clause_says(token, trigger.clause_words):
        return False, None
    if trigger.aimed and not aimed_at_someone(token, obj, trigger.target_preps):
        return False, None
    if (trigger.modifiers_not or trigger.preps_not) and other_sense(token, trigger.modifiers_not, trigger.preps_not):
        return False, None
    if trigger.not_as_modifier and token.dep_ == "acl" and token.tag_ in ("VBN", "VBG"):
        return False, None
    return True, (obj if trigger.object else None)


def aimed_at_someone(token, obj, target_preps: frozenset[str]) -> bool:
    """Whether the verb or its object carries a target preposition with an object that is
    no date ("launched missiles at X", "fired rockets into X"): a launch with none is a test
    or a show of force, not an attack."""
    holders = [token] + ([obj] if obj is not None else [])
    return any(c.dep_ == "prep" and c.lower_ in target_preps and not _dated_prep(c) and any(p.dep_ == "pobj" for p in c.children)
               for holder in holders for c in holder.children)


def other_sense(token, modifiers: frozenset[str], preps: frozenset[str]) -> bool:
    """Whether a noun's modifiers or prepositions give it another sense than the entry's: a
    listed modifier or a nationality ("air strike", "an Israeli strike", "consulate strike")
    or a listed preposition with an object that is no date ("a strike on the consulate",
    not "a strike on Monday") make a "strike" an attack, not a walkout."""
    for child in token.children:
        if child.dep_ in ("amod", "compound", "nmod") and child.i < token.i and (
                child.lemma_.lower() in modifiers or child.lower_ in modifiers or child.ent_type_ == "NORP"):
            return True
        if child.dep_ == "prep" and child.lower_ in preps and not _dated_prep(child) and any(p.dep_ == "pobj" for p in child.children):
            return True
    return False


def _dated_prep(prep) -> bool:
    """A preposition whose object is a date ("a strike on Monday"): when, not whom."""
    return any(c.dep_ == "pobj" and c.ent_type_ in ("DATE", "TIME") for c in prep.children)


def best_trigger(token, lexicon: EventLexicon) -> tuple[Trigger, object] | None:
    """The lexicon entry `token` fires (the most specific, then the surest) and its container
    noun, or None. Worked out once per token and lexicon and kept in the doc's `user_data`:
    the classifier's features, its off-root guard and `find_events` all ask for the same
    words (the doc's parse must not change after the first question)."""
    doc, i = token.doc, token.i
    table = _trigger_table(doc, lexicon)
    found = table.get(i, _UNSEEN)
    if found is _UNSEEN:
        found = table[i] = _fired(token, lexicon)
    if found is None:
        return None
    entry, noun = found
    return entry, (None if noun is None else doc[noun])


def trigger_candidates(doc, lexicon: EventLexicon) -> list[int]:
    """The indices, in order, of the doc's words whose lower-cased lemma or form is a word of
    a lexicon entry's key: `best_trigger` is None at every other word (no entry to try), so a
    scan for triggers visits these only and makes no Token for the rest (issue 16). Listed
    once per doc and lexicon, in the doc's `user_data`."""
    return _per_lexicon(doc, _CANDIDATES_KEY, lexicon, lambda: _candidate_indices(doc, lexicon))


def _candidate_indices(doc, lexicon: EventLexicon) -> list[int]:
    words = {word for word, _ in lexicon.triggers}
    hashes = {hash_string(word) for word in words}
    forms = doc.to_array(LOWER).tolist() if len(doc) else []
    return [i for i, (lemma, form) in enumerate(zip(lower_lemmas(doc), forms)) if lemma in words or form in hashes]


def _per_lexicon(doc, key: str, lexicon: EventLexicon, build):
    """What `build()` gives for this doc and `lexicon`, built once and kept in the doc's
    `user_data[key]` by lexicon object; the lexicon itself is held beside it, so that its id
    is not reused while the doc lives."""
    kept = doc.user_data.setdefault(key, {})
    held = kept.get(id(lexicon))
    if held is None:
        held = kept[id(lexicon)] = (lexicon, build())
    return held[1]


def span_trigger_candidates(span, lexicon: EventLexicon) -> list[int]:
    """`trigger_candidates` of the doc inside `span` (a sentence)."""
    indices = trigger_candidates(span.doc, lexicon)
    return indices[bisect_left(indices, span.start) : bisect_left(indices, span.end)]


def _trigger_table(doc, lexicon: EventLexicon) -> dict:
    """The doc's table of best triggers for `lexicon` (token index -> (entry, noun index) or
    None), one per lexicon object (`_per_lexicon`), filled as tokens are asked for. Nouns are
    kept as indices, not tokens (a token refers to its doc: the doc would hold itself)."""
    return _per_lexicon(doc, _TABLES_KEY, lexicon, dict)


def _fired(token, lexicon: EventLexicon) -> tuple[Trigger, int | None] | None:
    """`best_trigger` worked out: the entry and the index of its container noun, or None."""
    pos = coarse_pos(token)
    if pos is None or token.pos_ == "PROPN" and token.ent_type_ == "PERSON":
        return None  # a word of a person's name ("Ban Ki-moon") is no trigger
    entries = lexicon.triggers.get((token.lemma_.lower(), pos), ()) or lexicon.triggers.get((token.lower_, pos), ())
    fired = []
    for entry in entries:
        ok, noun = _matches(entry, token, lexicon.container_nouns, lexicon.grammar)
        if ok:
            fired.append((entry.specificity, _object_words(entry, noun), entry.confidence, entry, noun))
    if not fired:
        return None
    *_, entry, noun = max(fired, key=lambda item: item[:3])
    return entry, (None if noun is None else noun.i)


def _object_words(entry: Trigger, noun) -> int:
    """How many words of the entry's object the noun matched: "held telephone talks" is a
    call (the two-word "telephone talks") before it is talks."""
    if noun is None or not entry.object:
        return 0
    return max((len(key.split()) for key in _noun_keys(noun) & entry.object), default=0)
