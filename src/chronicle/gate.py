"""Sentence gating: run the tagger, parser and lemmatizer only on the sentences that can
carry what the later stages read (issue 16).

Every sentence gets the cheap components: tokens, sentence boundaries (spaCy's `senter`,
then chronicle's line-break rule) and entities (NER, which in the small English models has
its own token-to-vector layer and needs no parse). A sentence opens the gate when a token
may be one of the words data/parse_gate.yaml names (trigger lemmas, speech verbs, claim
nouns...) or when it holds a quote mark; it and `context_sentences` neighbours on each
side are parsed as one separate Doc per run of opened sentences, and the tags,
dependencies and lemmas are copied back. Sentences left out keep a flat tree under their
first token, with no tag, lemma or dependency label.

Off unless `Settings.parse_gate` is set (CHRONICLE_PARSE_GATE=1): docs/benchmarks.md says
what it saves and what it moves.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .spacy_import import spacy  # noqa: F401 - first: spaCy without its own command line (issue 16)
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

from .data import load_yaml
from .extract.claims import ClaimLexicon
from .extract.lexicon import EventLexicon
from .extract.quote_lexicon import QuoteLexicon
from .nlp import LINE_BREAKS, line_breaks

CHEAP = ("senter", LINE_BREAKS, "ner")  # run on every sentence, in this order
ARRAY_ATTRS = [TAG, POS, MORPH, LEMMA, DEP, HEAD]
POS_TRIED = ("noun", "verb", "adj")


@dataclass(frozen=True)
class ParseGate:
    """What opens the gate, from data/parse_gate.yaml and the lexicons it names."""

    lemmas: frozenset[str]
    trigger_lemmas: frozenset[str]  # opened only with an entity of `entity_labels`
    marks: frozenset[str]
    entity_labels: frozenset[str]
    context: int
    rules: Mapping[str, Sequence[Sequence[str]]]  # the model's lemma rules, by coarse POS
    exceptions: Mapping[str, Mapping[str, Sequence[str]]]  # its irregular forms, by coarse POS


def load_parse_gate(
    nlp: Language,
    events: EventLexicon,
    quotes: QuoteLexicon,
    claims: ClaimLexicon | None,
    path: Path | str | None = None,
) -> ParseGate:
    """The gate of `path` (else the packaged data/parse_gate.yaml) over the given lexicons."""
    data = load_yaml("parse_gate.yaml", path)
    opens = data.get("open_on") or {}
    lemmas: set[str] = {str(w).lower() for w in data.get("words") or ()}
    for key in opens.get("quotes") or ():
        lemmas.update(getattr(quotes, key))
    if opens.get("source_phrases"):
        lemmas.update(phrase[0] for phrase in quotes.source_phrases if phrase)
    if opens.get("claim_nouns") and claims is not None:
        lemmas.update(claims.nouns)
    for key in opens.get("events") or ():
        lemmas.update(getattr(events, key))
    triggers: set[str] = set()
    if opens.get("triggers"):
        for (lemma, _pos), entries in events.triggers.items():
            for trigger in entries:
                if trigger.object:
                    triggers.update(o.split()[-1] for o in trigger.object)
                else:
                    triggers.add(lemma)
    marks = set()
    if opens.get("quote_marks"):
        marks = {m for pair in (*quotes.double_marks, *quotes.single_marks) for m in pair}
    tables = nlp.get_pipe("lemmatizer").lookups if "lemmatizer" in nlp.component_names else None
    rules, exceptions = _lemma_tables(tables)
    labels = frozenset(data.get("trigger_needs_entity") or ())
    if not labels:  # every trigger sentence is parsed
        lemmas |= triggers
    return ParseGate(
        lemmas=frozenset(lemmas),
        trigger_lemmas=frozenset(triggers - lemmas),
        marks=frozenset(marks),
        entity_labels=labels,
        context=int(data.get("context_sentences", 1)),
        rules=rules,
        exceptions=exceptions,
    )


def _lemma_tables(tables) -> tuple[dict, dict]:
    """The model's lemma rules and exceptions as plain dicts by coarse POS (spaCy's tables
    are keyed by string hashes, and their values are read here once)."""
    rules: dict = {}
    exceptions: dict = {}
    for pos in POS_TRIED:
        if tables is not None and tables.has_table("lemma_rules"):
            rules[pos] = [tuple(rule) for rule in tables.get_table("lemma_rules").get(pos, [])]
        if tables is not None and tables.has_table("lemma_exc"):
            exceptions[pos] = {w: tuple(ls) for w, ls in tables.get_table("lemma_exc").get(pos, {}).items()}
    return rules, exceptions


def candidate_lemmas(word: str, gate: ParseGate) -> set[str]:
    """The lemmas a lower-case word may have as a noun, a verb or an adjective, by the
    model's own rules and exceptions (the tag is not known before the parse)."""
    found = {word}
    for pos in POS_TRIED:
        found.update(gate.exceptions.get(pos, {}).get(word, ()))
        for old, new in gate.rules.get(pos, ()):
            if word.endswith(old) and len(word) > len(old):
                found.add(word[: len(word) - len(old)] + new)
    return found


def _word_opens(word: str, gate: ParseGate, memo: dict[str, tuple[bool, bool]]) -> tuple[bool, bool]:
    """(opens alone, opens with an entity) for a lower-case word, remembered in `memo`."""
    known = memo.get(word)
    if known is None:
        lemmas = candidate_lemmas(word, gate)
        known = memo[word] = (bool(lemmas & gate.lemmas), bool(lemmas & gate.trigger_lemmas))
    return known


def sentence_opens(sent, gate: ParseGate, memo: dict[str, tuple[bool, bool]]) -> bool:
    """Whether a sentence (a spaCy Span with entities set) can carry what later stages read."""
    with_entity = False
    for token in sent:
        if token.is_space:
            continue
        if token.is_punct and token.text in gate.marks:
            return True
        alone, needs_entity = _word_opens(token.lower_, gate, memo)
        if alone:
            return True
        with_entity = with_entity or needs_entity
    if not with_entity:
        return False
    return any(ent.label_ in gate.entity_labels for ent in sent.ents)


def regions(doc: Doc, gate: ParseGate, memo: dict[str, tuple[bool, bool]]) -> list[tuple[int, int]]:
    """Token ranges to parse: runs of opened sentences and their context, merged."""
    sents = [(s.start, s.end) for s in doc.sents]
    opened = [sentence_opens(doc[a:b], gate, memo) for a, b in sents]
    keep = [False] * len(sents)
    for i, flag in enumerate(opened):
        if flag:
            for j in range(max(0, i - gate.context), min(len(sents), i + gate.context + 1)):
                keep[j] = True
    merged: list[tuple[int, int]] = []
    for (a, b), flag in zip(sents, keep):
        if not flag:
            continue
        if merged and merged[-1][1] == a:
            merged[-1] = (merged[-1][0], b)
        else:
            merged.append((a, b))
    return merged


def parse_gated(nlp: Language, texts: Iterable[str], gate: ParseGate, batch_size: int = 32) -> Iterator[Doc]:
    """Docs for texts, in order: cheap components on everything, the parse where gated.
    Each doc's `user_data["chronicle_parsed"]` is (sentences parsed, sentences)."""
    heavy = [(name, pipe) for name, pipe in nlp.pipeline if name not in CHEAP]
    cheap = [nlp.get_pipe(name) for name in CHEAP]
    batch: list[str] = []
    for text in texts:
        batch.append(text)
        if len(batch) >= batch_size:
            yield from _gated_batch(nlp, batch, gate, cheap, heavy)
            batch = []
    if batch:
        yield from _gated_batch(nlp, batch, gate, cheap, heavy)


def _run(pipe, docs: list[Doc]) -> list[Doc]:
    return list(pipe.pipe(docs)) if hasattr(pipe, "pipe") else [pipe(doc) for doc in docs]


def _gated_batch(nlp: Language, texts: list[str], gate: ParseGate, cheap, heavy) -> list[Doc]:
    docs = [nlp.make_doc(text) for text in texts]
    for pipe in cheap:
        docs = _run(pipe, docs)
    memo: dict[str, tuple[bool, bool]] = {}
    pieces = [(i, a, b) for i, doc in enumerate(docs) for a, b in regions(doc, gate, memo)]
    parts = [Doc(nlp.vocab, words=[t.text for t in docs[i][a:b]], spaces=[bool(t.whitespace_) for t in docs[i][a:b]])
             for i, a, b in pieces]
    parts = [line_breaks(part) for part in parts]  # the parser keeps every line break a boundary, as in the full pipeline
    for _name, pipe in heavy:
        parts = _run(pipe, parts)
    by_doc: dict[int, list[tuple[int, Doc]]] = {}
    for (i, a, _b), part in zip(pieces, parts):
        by_doc.setdefault(i, []).append((a, part))
    return [_assemble(doc, by_doc.get(i, [])) for i, doc in enumerate(docs)]


def _assemble(doc: Doc, parts: list[tuple[int, Doc]]) -> Doc:
    """Copy the parsed parts' annotations into `doc`; give other sentences a flat tree."""
    array = doc.to_array(ARRAY_ATTRS).astype(np.uint64)
    covered = np.zeros(len(doc), dtype=bool)
    for start, part in parts:
        array[start : start + len(part)] = part.to_array(ARRAY_ATTRS).astype(np.uint64)
        covered[start : start + len(part)] = True
    root, dep = doc.vocab.strings.add("ROOT"), doc.vocab.strings.add("dep")
    for sent in list(doc.sents):
        if covered[sent.start]:
            continue
        array[sent.start, 4] = root
        for k in range(sent.start + 1, sent.end):
            array[k, 4] = dep
            array[k, 5] = (sent.start - k) & 0xFFFFFFFFFFFFFFFF  # relative head, as to_array stores it
    ents = list(doc.ents)
    doc.from_array(ARRAY_ATTRS, array)
    doc.ents = ents
    final = [sent.start for sent in doc.sents]
    doc.user_data["chronicle_parsed"] = (int(sum(covered[start] for start in final)), len(final))
    return doc
