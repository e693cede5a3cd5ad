"""Who did it, when a passive names no agent with "by" (issue 19, family 2).

Small pure functions over spaCy tokens, used by extract/roles.py and extract/events.py:

- `acting_word`: an organ word that can stand as the implied agent of a passive: not a
  modifier of another noun ("our government school": no government acted) nor a word
  that undergoes another act ("a gun battle with soldiers", "engaged the soldiers");
- `fired_instrument`: a passive of a firing verb whose subject is what was fired
  ("missiles were fired from X towards Y"): the subject is no target;
- `origin_words`: the objects of "from" on such a verb ("... from X"): where it was fired
  from, whose actor or country is the source;
- `speech_governor`: the verb of speech whose clause an event is told in ("X told Y that
  <X's country> opposes ..."): its speaker acts for the state he names, and whom he tells
  is the target where the clause names none.

The words are data (`data/roles.yaml`: `instrument_verbs`, `origin_preps`, `reporting_verbs`).
"""

from __future__ import annotations

MODIFYING_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})  # "government school", "army base"
UNDERGOING_DEPS = frozenset({"dobj", "obj", "dative", "iobj", "attr", "oprd"})  # "engaged the soldiers"


def _head_of_conjuncts(word):
    """The first of a list of conjuncts ("police and soldiers": police), whose place in the
    clause the others share."""
    while word.dep_ == "conj" and word.head is not word:
        word = word.head
    return word


def acting_word(word, reporting_verbs: frozenset[str], agent_preps: frozenset[str]) -> bool:
    """Whether a noun, by its place in the parse, can be whoever acted: a subject, the
    object of a "by", a possessor, an apposition, an object that does its verb's complement
    ("forced police to open fire"); not a modifier of another noun, a direct
    object, the object of another preposition, or the subject of a reporting verb
    ("officials said": who tells, not who acted). The "by" of an agent is among `agent_preps`."""
    word = _head_of_conjuncts(word)
    if word.dep_ in ("dobj", "obj") and any(c.dep_ == "xcomp" for c in word.head.children):
        return True  # "forcing police to open fire": the object acts in the complement
    if word.dep_ in MODIFYING_DEPS or word.dep_ in UNDERGOING_DEPS:
        return False
    if word.dep_ == "pobj":
        return word.head.lower_ in agent_preps
    return not (word.dep_ == "nsubj" and word.head.lemma_.lower() in reporting_verbs)


def fired_instrument(verb, instrument_verbs: frozenset[str]) -> bool:
    """Whether a verb is a passive of firing ("were fired", "was launched") with a subject:
    what was fired, not whom it hit."""
    if verb.lemma_.lower() not in instrument_verbs:
        return False
    return any(c.dep_ == "nsubjpass" for c in verb.children)


def origin_words(verb, origin_preps: frozenset[str]) -> list:
    """The objects of an origin preposition on a verb ("fired from X": X), with conjuncts."""
    found = []
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.lower_ in origin_preps:
            for word in prep.children:
                if word.dep_ == "pobj":
                    found += [word, *word.conjuncts]
    return found


def speech_governor(verb, speech_verbs: frozenset[str], max_steps: int = 4):
    """The verb of `speech_verbs` whose clause (through coordinated and complement clauses)
    a verb is told in ("Smith told Jones that ... and that Togo opposes ..."), else None."""
    node = verb
    for _ in range(max_steps):
        if node.dep_ not in ("ccomp", "conj") or node.head.i == node.i:
            return None
        node = node.head
        if node.lemma_.lower() in speech_verbs and node.pos_ in ("VERB", "AUX"):
            return node
    return None


def speaker_words(speech) -> tuple[list, list]:
    """(subjects, addressees) of a verb of speech: "Smith told Jones": ([Smith], [Jones]); a
    coordinated verb's subject is its first verb's ("Smith reiterated ... and said ...")."""
    subjects = [c for c in speech.children if c.dep_ == "nsubj"]
    if not subjects and speech.dep_ == "conj" and speech.head.i != speech.i:
        subjects = [c for c in speech.head.children if c.dep_ == "nsubj"]
    addressees = [c for c in speech.children if c.dep_ in ("dobj", "obj", "dative", "iobj")]
    return subjects, addressees
