"""The features the event-type classifier reads off one parsed sentence.

Sparse binary features, as strings: the sentence's content lemmas and lemma bigrams, the
root's lemma and its dependents (by relation), every verb's lemma, the trigger lexicon's
hits (its type, and type with lemma, whether or not the lexicon finds actors for them),
negation and modal cues, and entity labels. They are read before the lexicon's events are
built, so the classifier's proposals join the same `find_events` pass.
"""

from __future__ import annotations

from chronicle.extract.events import EventLexicon, best_trigger

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
ROOT_RELATIONS = frozenset({"dobj", "nsubj", "nsubjpass", "xcomp", "ccomp", "prep", "prt", "attr", "agent", "advcl", "conj"})


def _lemma(token) -> str:
    return (token.lemma_ or token.text).lower()


def trigger_hits(sentence, lexicon: EventLexicon) -> list[tuple[str, str]]:
    """(type, lemma) of every token of the sentence that matches a lexicon trigger."""
    hits = []
    for token in sentence:
        found = best_trigger(token, lexicon)
        if found is not None:
            hits.append((found[0].type, _lemma(token)))
    return hits


def sentence_features(sentence, lexicon: EventLexicon) -> set[str]:
    """The classifier's features of one spaCy sentence."""
    features: set[str] = {"bias"}
    lemmas = [_lemma(t) for t in sentence if t.pos_ in CONTENT_POS and not t.is_stop and t.is_alpha]
    features.update(f"l={lemma}" for lemma in lemmas)
    features.update(f"b={a}_{b}" for a, b in zip(lemmas, lemmas[1:]))
    for token in sentence:
        if token.pos_ == "VERB":
            features.add(f"v={_lemma(token)}")
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
    hits = trigger_hits(sentence, lexicon)
    for type_, lemma in hits:
        features.add(f"t={type_}")
        features.add(f"tl={type_}:{lemma}")
    if not hits:
        features.add("t=none")
    return features
