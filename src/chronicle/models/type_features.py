"""The features the event-type classifier reads off one parsed sentence.

Sparse binary features, as strings: the sentence's content lemmas and lemma bigrams, the
root's lemma and its dependents (by relation), every verb's lemma, the trigger lexicon's
hits (its type, and type with lemma, whether or not the lexicon finds actors for them) and
their context (relation, part of speech, at the root or not, negated, under a modal,
passive, the verb above), each verb's (or trigger noun's) arguments (object lemma and its
entity label, preposition and its object, clausal complement, particle, passive), each
entity's relation to its head and path towards the root, negation and modal cues, and
entity labels. They are read before the lexicon's events are built, so the classifier's
proposals join the same `find_events` pass.
"""

from __future__ import annotations

from chronicle.spacy_import import spacy  # noqa: F401 - first: spaCy without its own command line
from spacy.tokens import Span

from chronicle.extract.lexicon import EventLexicon
from chronicle.extract.triggers import best_trigger, span_trigger_candidates

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
ROOT_RELATIONS = frozenset({"dobj", "nsubj", "nsubjpass", "xcomp", "ccomp", "prep", "prt", "attr", "agent", "advcl", "conj"})
ARGUMENT_RELATIONS = frozenset({"dobj", "nsubjpass", "attr", "dative"})


def _lemma(token) -> str:
    return (token.lemma_ or token.text).lower()


def trigger_hits(sentence, lexicon: EventLexicon) -> list[tuple[str, str]]:
    """(type, lemma) of every token of the sentence that matches a lexicon trigger."""
    return [(type_, _lemma(token)) for token, type_ in _trigger_tokens(sentence, lexicon)]


def _trigger_tokens(sentence, lexicon: EventLexicon) -> list[tuple[object, str]]:
    """(token, type) of every token of the sentence that matches a lexicon trigger."""
    hits = []
    for i in span_trigger_candidates(sentence, lexicon):  # no entry to try at the other words
        token = sentence.doc[i]
        found = best_trigger(token, lexicon)
        if found is not None:
            hits.append((token, found[0].type))
    return hits


def _label(token) -> str:
    """A word's entity label, or its part of speech outside entities."""
    return token.ent_type_ or token.pos_


def argument_features(token, lemma: str) -> set[str]:
    """What a verb (or a trigger noun) governs: object, preposition and its object (lemmas and
    entity labels), clausal complement, particle, and whether it is passive."""
    features = set()
    for child in token.children:
        relation = child.dep_
        if relation in ARGUMENT_RELATIONS:
            features.add(f"va={lemma}:{relation}:{_lemma(child)}")
            features.add(f"ve={lemma}:{relation}:{_label(child)}")
        elif relation == "prep":
            for object_ in child.children:
                if object_.dep_ == "pobj":
                    features.add(f"vp={lemma}:{_lemma(child)}:{_lemma(object_)}")
                    features.add(f"vpe={lemma}:{_lemma(child)}:{_label(object_)}")
        elif relation in ("xcomp", "ccomp"):
            features.add(f"vx={lemma}:{_lemma(child)}")
        elif relation == "auxpass":
            features.add(f"pass={lemma}")
        elif relation == "prt":
            features.add(f"vprt={lemma}_{_lemma(child)}")
    return features


def trigger_context(token, type_: str, root) -> set[str]:
    """Where a lexicon trigger of `type_` stands: its relation and part of speech, at the root,
    negated, under a modal, passive, and the verb above it."""
    features = {f"td={type_}:{token.dep_}", f"tpos={type_}:{token.pos_}"}
    if token == root:
        features.add(f"troot={type_}")
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children):
        features.add(f"tneg={type_}")
    if any(c.tag_ == "MD" for c in children) or any(c.tag_ == "MD" for c in token.head.children):
        features.add(f"tmd={type_}")
    if token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in children):
        features.add(f"tpass={type_}")
    if token.head != token and token.head.pos_ == "VERB":
        features.add(f"th={type_}:{_lemma(token.head)}")
    return features


def sentence_entities(sentence) -> list:
    """The named entities wholly inside `sentence`, as spaCy's `sentence.ents` gives them,
    read off the sentence's own words: spaCy builds every entity of the doc for each sentence
    it is asked about (0.12 -> 0.01 s of CPU on the 2,235 sentences of 60 news articles).
    An entity begins at a B word with a label and runs over the I words after it; one that
    runs on past the sentence's end is left out."""
    doc, end = sentence.doc, sentence.end
    found, start, label = [], -1, 0
    for token in sentence:
        iob = token.ent_iob  # 1 I, 2 O, 3 B, 0 unset
        if iob == 1:
            continue
        if start != -1:
            found.append((start, token.i, label))
        start, label = (token.i, token.ent_type) if iob == 3 and token.ent_type else (-1, 0)
    if start != -1 and (end == len(doc) or doc[end].ent_iob != 1):
        found.append((start, end, label))
    return [Span(doc, a, b, label=tag) for a, b, tag in found]


def entity_paths(sentence) -> set[str]:
    """Each entity's label with its relation to its head (subject or object of which word) and
    its path of relations towards the root (two steps), with the root's lemma when reached."""
    features = set()
    root = sentence.root
    for entity in sentence_entities(sentence):
        token = entity.root
        if token.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj"):
            features.add(f"eh={entity.label_}:{token.dep_}:{_lemma(token.head)}")
        path, head = [], token
        for _ in range(4):
            path.append(head.dep_)
            if head.head == head or head == root:
                break
            head = head.head
        features.add(f"ep={entity.label_}:{'/'.join(path[:2])}:{_lemma(head) if head == root else ''}")
    return features


def sentence_features(sentence, lexicon: EventLexicon) -> set[str]:
    """The classifier's features of one spaCy sentence."""
    features: set[str] = {"bias"}
    hits = _trigger_tokens(sentence, lexicon)
    lemmas = [_lemma(t) for t in sentence if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha]
    features.update(f"l={lemma}" for lemma in lemmas)
    features.update(f"b={a}_{b}" for a, b in zip(lemmas, lemmas[1:]))
    hit_at = {token.i: type_ for token, type_ in hits}
    for token in sentence:
        if token.pos_ == "VERB" or token.i in hit_at:
            lemma = _lemma(token)
            if token.pos_ == "VERB":
                features.add(f"v={lemma}")
            features |= argument_features(token, lemma)
        if token.dep_ == "neg":
            features.add("neg")
            features.add(f"neg={_lemma(token.head)}")
        if token.tag_ == "MD":
            features.add(f"md={_lemma(token)}")
        if token.ent_type_ and token.ent_iob_ == "B":
            features.add(f"ent={token.ent_type_}")
    root = sentence.root
    features.add(f"root={_lemma(root)}")
    for child in root.children:
        if child.dep_ in ROOT_RELATIONS:
            features.add(f"rd={child.dep_}:{_lemma(child)}")
            if child.dep_ == "prep":
                features.update(f"rp={_lemma(child)}:{_lemma(g)}" for g in child.children if g.dep_ == "pobj")
    for token, type_ in hits:
        features.add(f"t={type_}")
        features.add(f"tl={type_}:{_lemma(token)}")
        features |= trigger_context(token, type_, root)
    if not hits:
        features.add("t=none")
    return features | entity_paths(sentence)
