"""A civilian crowd's violent act is a protest (issue 19): "protesters stormed the
parliament", "many stormed the assembly" after "demonstrators were shot" are PROTEST (RIOT),
not an ASSAULT by the crowd; "soldiers stormed the town" stays an attack. The words are
data (`data/crowds.yaml`); the crowd nouns are the sectors' (`data/sectors.yaml`)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from chronicle.data import code_set, load_yaml, word_set
from chronicle.extract.records import Trigger

_SUBJECT_DEPS = ("nsubj",)


@dataclass(frozen=True)
class CrowdWords:
    verbs: frozenset[str]
    sectors: frozenset[str]
    quantities: frozenset[str]


def load_crowd_words(path=None) -> CrowdWords:
    """Read `data/crowds.yaml` (or a user file of the same shape)."""
    data = load_yaml("crowds.yaml", path)
    words = lambda key: word_set(data.get(key))  # noqa: E731
    return CrowdWords(words("crowd_verbs"), code_set(data.get("crowd_sectors")), words("quantity_subjects"))


def _crowd_noun(token, sectors, codes: frozenset[str]) -> bool:
    return token.pos_ in ("NOUN", "PROPN") and (sectors.sector(token.lemma_) in codes or sectors.sector(token.lower_) in codes)


def _crowd_nearby(token, sectors, codes: frozenset[str]) -> bool:
    """Whether the sentence of `token`, or the one before, names a crowd."""
    sentence = token.sent
    start = sentence.start
    previous = token.doc[start - 1].sent if start > 0 else None
    words = list(sentence) + (list(previous) if previous is not None else [])
    return any(_crowd_noun(w, sectors, codes) for w in words if w.i != token.i)


def crowd_act(token, trigger: Trigger, sectors, words: CrowdWords, genitive_preps: frozenset[str]) -> Trigger | None:
    """The PROTEST (RIOT) trigger a crowd verb at `token` stands for when its subject is a
    civilian crowd (a crowd noun, or a bare quantity with a crowd named nearby); None when
    it is not one ("soldiers stormed the town", "many stormed" with no crowd in sight)."""
    if trigger.pos != "VERB" or trigger.type == "PROTEST" or token.lemma_.lower() not in words.verbs:
        return None
    subjects = [c for c in token.children if c.dep_ in _SUBJECT_DEPS]
    if not subjects and token.dep_ == "conj":  # "gathered ... and stormed the parliament"
        subjects = [c for c in token.head.children if c.dep_ in _SUBJECT_DEPS]
    subject = subjects[0] if subjects else None
    if subject is None:
        return None
    counted = _counted_noun(subject, genitive_preps) if subject.lower_ in words.quantities else None
    if counted is not None:  # "dozens of gunmen stormed": the gunmen, not a crowd named nearby
        subject = counted
    crowd = _crowd_noun(subject, sectors, words.sectors) or (
        counted is None and subject.lower_ in words.quantities and _crowd_nearby(subject, sectors, words.sectors))
    if not crowd:
        return None
    return replace(trigger, type="PROTEST", mode="RIOT", roles="directed")


def _counted_noun(quantity, genitive_preps: frozenset[str]):
    """The noun a quantity counts ("dozens of gunmen": gunmen); None for a bare quantity."""
    for prep in quantity.children:
        if prep.dep_ == "prep" and prep.lower_ in genitive_preps:
            return next((c for c in prep.children if c.dep_ == "pobj"), None)
    return None
