"""Argument frames of directed events read from the parse, beyond a trigger's own words;
small pure functions over spaCy tokens, used by extract/arguments.py:

- a headline passive: a past participle with a subject and no auxiliary ("Rebel leader
  arrested", "Two hostages freed") undergoes the event: its subject is the target;
- targets on a verb's direct object: "fired missiles at X", "imposed sanctions on X";
- the agent of a passive whose "by" the parser hung as a plain preposition;
- the controller of a passive's complement ("X was forced to resign"), the verb of reply
  whose "with" brings in the event noun, the issuer of a document, the noun a trigger asks
  for ("called for talks with X"), a modifier of opposition ("anti-government protests");
- the doer of the act a participle's noun is the setting of ("X launched a missile, in
  actions condemned by Y": X, the target of Y's condemnation);
- the parties "between" whom is the thing a verb acts on ("urged a cessation of hostilities
  between X and Y", "opposes any interaction between X and Y");
- the body a person acted on belongs to, by an apposition ("killed X, a leader of the Y
  rebels": Y).

The words are data (`data/roles.yaml`)."""

from __future__ import annotations


def responding_verb(noun, verbs: frozenset[str], accompaniment_preps: frozenset[str]):
    """The verb of reply whose "with" brings in the event noun ("X responded with warnings
    that ...", "Y reacted with threats of ..."): its subject does the event; else None."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in accompaniment_preps or prep.dep_ != "prep":
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


def stray_agents(verb, agent_preps: frozenset[str]) -> list:
    """Agents of a passive the parser hung as a plain "by" preposition ("200 were abducted
    from their homes in the north by armed X fighters"): the objects of a "by" prep of a
    verb that has a passive subject or auxiliary. Means ("by gunfire") resolve to no actor."""
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in verb.children):
        return []
    return [o for c in verb.children if c.dep_ == "prep" and c.lower_ in agent_preps
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


def requested_noun(token, prep: str | None, type_: str, types: frozenset[str]):
    """The common noun a prepositional trigger of `types` asks for ("called for talks with X":
    talks), whose target prepositions name the target; None otherwise ("called for Smith")."""
    if not prep or type_ not in types:
        return None
    return next((w for p in token.children if p.dep_ == "prep" and p.lower_ == prep
                 for w in p.children if w.dep_ == "pobj" and w.pos_ == "NOUN"), None)


def against_modifier(word, prefixes: frozenset[str]) -> bool:
    """A modifier written with a prefix of opposition ("anti-government protests", "an
    anti-regime rally"): whom the event is against, not who does it."""
    doc = word.doc
    if any(word.lower_.startswith(p + "-") for p in prefixes):
        return True
    return word.i >= 2 and doc[word.i - 1].text in ("-", "–") and doc[word.i - 2].lower_ in prefixes


def document_issuer(verb, documents: frozenset[str]):
    """The verb that issued the document a verb modifies ("passed a resolution [demanding]
    X"), whose subject is the source; None when the verb does not modify a document."""
    noun = verb.head
    if verb.dep_ != "acl" or noun.lemma_.lower() not in documents or noun.dep_ not in ("dobj", "obj", "nsubjpass"):
        return None
    return noun.head if noun.head.pos_ in ("VERB", "AUX") else None


def setting_doers(verb) -> list:
    """The subjects of the clause whose setting a participle's noun is: "X launched a missile,
    in actions condemned by Y" (X: Y condemned X's actions); [] for any other verb."""
    noun = verb.head
    if verb.dep_ != "acl" or verb.tag_ != "VBN" or noun.dep_ != "pobj" or noun.head.dep_ != "prep":
        return []
    governor = noun.head.head
    for _ in range(3):  # "launched a missile, the second test in two days, in actions ...": up to "launched"
        if governor.pos_ in ("VERB", "AUX") or governor.dep_ not in ("appos", "dobj", "obj", "conj") or governor.head.i == governor.i:
            break
        governor = governor.head
    if governor.pos_ not in ("VERB", "AUX") or governor.i == noun.head.i:
        return []
    return [c for c in governor.children if c.dep_ == "nsubj"]


def parties_between(verb, between_preps: frozenset[str]) -> list:
    """The objects of a "between" (`between_preps`) inside the object or a prepositional phrase of
    a verb ("urged a cessation of hostilities between X and Y": X, with its conjuncts)."""
    found = []
    for phrase in (c for c in verb.children if c.dep_ in ("dobj", "obj", "prep")):
        for word in phrase.subtree:
            if word.dep_ == "prep" and word.lower_ in between_preps:
                found += [o for o in word.children if o.dep_ == "pobj"]
    return found


def affiliations(word, member_nouns: frozenset[str], preps: frozenset[str]) -> list:
    """The words naming the body an apposition of `word` makes it a member of ("X, a leader of
    the Y rebels": rebels; `member_nouns`, `preps` as in data/sides.yaml)."""
    return [o for a in word.children if a.dep_ == "appos" and a.lemma_.lower() in member_nouns
            for p in a.children if p.dep_ == "prep" and p.lower_ in preps
            for o in p.children if o.dep_ == "pobj"]
