"""Who takes part, where the parser hides it (issue 14, family 3): the subject of a
"for X to meet Y" clause, and the object of a light verb the parser made the subject of
the next clause ("will ... hold talks with Y, a spokesman said").

Pure functions over spaCy tokens."""

from __future__ import annotations

from collections.abc import Set

from chronicle.function_words import FunctionWords

# words between a light verb and its object noun ("hold the first formal talks")
_MODIFIER_DEPS = frozenset({"det", "amod", "nummod", "compound", "advmod", "quantmod", "punct"})


def for_subject(verb, grammar: FunctionWords) -> list:
    """The subject of a for-to infinitive: "arrangements for Smith to meet Jones": Smith,
    under "for" as the verb's marker, or as the object of a "for" just before "to"."""
    marked = [
        word for mark in verb.children if mark.dep_ == "mark" and mark.lower_ in grammar.purpose_preps
        for word in mark.children if word.dep_ in ("pobj", "nsubj")
    ]
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ in grammar.infinitive_markers), None)
    if marked or to is None or to.i == 0:
        return marked
    before = verb.doc[to.i - 1]
    return [before] if before.dep_ == "pobj" and before.head.lower_ in grammar.purpose_preps else []


def for_to_modality(verb, plan_nouns: Set[str], grammar: FunctionWords) -> str | None:
    """What a for-to infinitive says ("for Smith to meet Jones"): what should happen, not
    what did; planned when the clause hangs on a verb or on a noun of planning ("made
    arrangements for Smith to meet Jones"), only wished for when it completes another noun
    ("requests for the two leaders to shake hands"). None for any other clause."""
    subject = for_subject(verb, grammar)
    if not subject or not any(c.dep_ == "aux" and c.lower_ in grammar.infinitive_markers for c in verb.children):
        return None
    preposition = subject[0].head
    owner = preposition.head if preposition.dep_ == "prep" else verb
    if owner.pos_ in ("NOUN", "PROPN") and owner.lemma_.lower() not in plan_nouns:
        return "hypothetical"
    return "planned"


def stranded_object(verb):
    """The noun right after an object-less verb that the parser made the subject of a later
    verb ("... and hold talks with Jones, a spokesman said": "talks" hung on "said"); None
    when the verb has an object or the next noun is a real subject."""
    if any(c.dep_ in ("dobj", "obj") for c in verb.children):
        return None
    doc = verb.doc
    index = verb.i + 1
    while index < len(doc) and doc[index].dep_ in _MODIFIER_DEPS and doc[index].head.i > index:
        index += 1
    if index >= len(doc):
        return None
    noun = doc[index]
    if noun.pos_ != "NOUN" or noun.dep_ not in ("nsubj", "nsubjpass") or noun.head.i <= noun.i:
        return None
    if any(t.lower_ == "," for t in doc[noun.i : noun.head.i]):
        return noun  # "talks with Jones, a spokesman said": the later verb has a subject of its own
    return None


def appositive_conjuncts(token, position_words: Set[str]) -> list:
    """Names the parser joined to a word's apposition instead of the word: "Smith, left,
    and Jones, right, shake hands", "Smith, chairman of the party, and Jones met": Jones
    (also when it made the position word the subject's verb). Only proper nouns ("Smith, a
    lawyer and activist": no one more)."""
    holders = [c for c in token.children if c.dep_ in ("appos", "acl", "amod") and c.i > token.i]
    if token.dep_ == "nsubj" and token.head.lower_ in position_words and token.head.i == token.i + 2:
        holders.append(token.head)  # "Smith, left, and Jones" read as "Smith left"
    return [c for holder in holders for c in holder.conjuncts if c.pos_ == "PROPN" and c.i > holder.i]


def position_subject(verb, position_words: Set[str]) -> list:
    """The subject of a caption the parser hung on its position word: "Smith, left, shakes
    hands with Jones" parsed as "Smith left": Smith."""
    return [
        subject for child in verb.children if child.lower_ in position_words and child.i < verb.i
        for subject in child.children if subject.dep_ == "nsubj"
    ]


def governing_verb(noun):
    """The nearest verb above an event noun whose subject the noun is not in ("pointing to
    the benefits of recent meetings with A and B": "pointing"); None if there is none."""
    node = noun
    for _ in range(6):
        if node.dep_ in ("nsubj", "nsubjpass", "csubj") or node.head.i == node.i:
            return None  # "the meetings with A and B were useful": the noun is the subject
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return node
    return None


def plural_holder(noun, pronouns: Set[str], steps: int = 3) -> bool:
    """An event noun held by a plural pronoun ("we had a good call", "they held talks",
    and as the small parser reads a spoken "we had I think good call"): a verb above the
    noun, within a few steps, whose subject is such a pronoun before the noun."""
    for verb in list(noun.ancestors)[:steps]:
        if any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ in pronouns and c.i < noun.i for c in verb.children):
            return True
    return False


def plural_gathered(noun, pronouns: Set[str]) -> bool:
    """An event noun whose own relative clause takes a plural pronoun as its object: "the
    meeting that brought [them] together", "the summit that united [them]" (not "the summit
    that he hosted"): the same referents as a possessive "their"."""
    return any(
        clause.dep_ == "relcl" and any(c.dep_ == "dobj" and c.lower_ in pronouns for c in clause.children)
        for clause in noun.children
    )


def included_members(words: list, inclusion_words: Set[str]) -> list:
    """Persons named as members of a group noun among `words`: "X and a handful of his
    deputies, including Y and Z": Y and Z (with their conjuncts), also where the parser hung
    "including" on X. Only beside a common noun ("Smith, including his speech" is no group)."""
    members = []
    if not any(word.pos_ == "NOUN" for word in words):
        return members
    for word in words:
        for prep in word.children:
            if prep.dep_ == "prep" and prep.lower_ in inclusion_words:
                members += [m for obj in prep.children if obj.dep_ == "pobj" for m in (obj, *obj.conjuncts)]
    return members


_QUOTE_MARKS = ('"', "“", "”")


def closing_speech_verb(token, speech_verbs: Set[str], reach: int = 4):
    """The speech verb of the quote a word stands in, said after it ('... we had a great
    meeting in Lima," Smith said'): the first quote mark after the word, in its paragraph,
    closes the quote when a speech verb follows within a few words. None otherwise ("We met
    him. "It was good," he said": the mark after "We" opens a quote)."""
    doc = token.doc
    for index in range(token.i + 1, len(doc)):
        word = doc[index]
        if "\n" in word.text:
            return None
        if word.text in _QUOTE_MARKS:
            return next((v for v in doc[index + 1 : index + 1 + reach] if v.lemma_.lower() in speech_verbs), None)
    return None


def quote_opening(token) -> int:
    """The index of the quote mark that opens the quote holding `token`, in its paragraph;
    the start of its sentence if there is none."""
    doc = token.doc
    for index in range(token.i - 1, -1, -1):
        word = doc[index]
        if "\n" in word.text:
            break
        if word.text in _QUOTE_MARKS:
            return index
    return token.sent.start


def gathered_referents(verb, particle: str | None, pronouns: Set[str]) -> bool:
    """"the meeting that brought them together": a verb of gathering (its trigger's particle,
    "together", present) whose object is a plural pronoun refers back to the last event's
    actors, as "the two leaders met" does; "brought the unions together" names its own."""
    if not particle or not any(c.dep_ in ("prt", "advmod") and c.lower_ == particle for c in verb.children):
        return False
    return any(c.dep_ == "dobj" and c.lower_ in pronouns for c in verb.children)


def involved_words(noun, verbs: Set[str], grammar: FunctionWords) -> list:
    """The words a participle or a relative clause on an event noun names as taking part:
    "a meeting involving X and Y", "talks including X", "a summit which will bring X
    together with Y" (X, Y). "bring" counts with "together" only ("a summit bringing hope"
    names no one)."""
    found = []
    for verb in noun.children:
        if verb.dep_ not in ("acl", "relcl", "prep") or verb.lemma_.lower() not in verbs:
            continue
        if verb.lemma_.lower() in grammar.gathering_verbs and not any(w.lower_ in grammar.gathering_particles for w in verb.subtree):
            continue
        objects = [c for c in verb.children if c.dep_ in ("dobj", "obj", "pobj")]
        objects += [w for c in verb.children if c.dep_ == "prep" and c.lower_ in grammar.accompaniment_preps for w in c.children if w.dep_ == "pobj"]
        for obj in objects:  # "involving leader A and president B", parsed with A inside B's title
            found += [obj, *(w for w in obj.subtree if w.dep_ == "nmod" and any(c.dep_ == "cc" for c in w.children))]
    return found
