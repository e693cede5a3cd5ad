"""spaCy: loading the trained pipeline once, sentence boundaries that respect lines, batching."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ChronicleError
from .model import Span

LINE_BREAKS = "chronicle_line_breaks"
MEMO_LEMMAS = "chronicle_lemmatizer"


@Language.component(LINE_BREAKS, assigns=["token.is_sent_start"], requires=["token.text"])
def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every line break, so headlines and captions stand alone."""
    after_break = False
    for token in doc:
        if token.is_space:
            after_break = after_break or "\n" in token.text
            continue
        if after_break and token.i > 0:
            token.is_sent_start = True
        after_break = "\n" in token.whitespace_
    return doc


class MemoLemmatizer:
    """spaCy's rule lemmatizer applied once per distinct (word, POS, morphology) of a process
    rather than once per token: its rules are a pure function of those three, so the lemmas
    are the same, without a Token object and an attribute write per word (issue 16)."""

    def __init__(self, lemmatizer):
        self.lemmatizer = lemmatizer
        self.memo: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> lemma hash

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([ORTH, POS, MORPH, LEMMA])
        lemmas = rows[:, 3].copy()
        overwrite = self.lemmatizer.overwrite
        for i, (orth, pos, morph, lemma) in enumerate(rows.tolist()):
            if overwrite or lemma == 0:
                key = (orth, pos, morph)
                found = self.memo.get(key)
                if found is None:
                    found = self.memo[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


@Language.factory(MEMO_LEMMAS, assigns=["token.lemma"], requires=["token.pos"])
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    """Stands in for the pipeline's rule lemmatizer (which stays loaded, disabled)."""
    return MemoLemmatizer(nlp.get_pipe("lemmatizer"))


def load_pipeline(model: str, memo_lemmas: bool = True) -> Language:
    """The trained pipeline `model`, with chronicle's line-break rule before the parser, and
    (unless `memo_lemmas` is False) its rule lemmatizer applied per distinct word."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ChronicleError(
            f"spaCy model {model!r} is not installed (set CHRONICLE_MODEL or --model): {error}"
        ) from error
    anchor = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    nlp.add_pipe(LINE_BREAKS, **anchor)
    if memo_lemmas and "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", "") == "rule":
        nlp.add_pipe(MEMO_LEMMAS, after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    return nlp


def model_meta(model: str) -> dict:
    """The meta.json of an installed model package or model directory, without loading it."""
    try:
        path = spacy.util.get_package_path(model) if spacy.util.is_package(model) else model
        return spacy.util.get_model_meta(path)
    except (OSError, ValueError) as error:
        raise ChronicleError(f"spaCy model {model!r} is not installed: {error}") from error


def model_version(meta: dict) -> str:
    """`lang_name-version` of a model, for the pipeline version stamp."""
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Docs for texts, in order, through `nlp.pipe` batches."""
    return nlp.pipe(texts, batch_size=batch_size)


def sentence_spans(doc: Doc) -> tuple[Span, ...]:
    """Sentences as character spans, trimmed of surrounding whitespace; blank ones dropped."""
    spans = []
    for sent in doc.sents:
        words = [token for token in sent if not token.is_space]
        if words:
            spans.append(Span(words[0].idx, words[-1].idx + len(words[-1].text), "SENT"))
    return tuple(spans)


def entity_spans(doc: Doc) -> tuple[Span, ...]:
    """Named entities as labelled character spans."""
    return tuple(Span(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents)


def doc_text(doc: Doc) -> str:
    """The doc's text, joined once: spaCy rebuilds `doc.text` from its tokens on every access,
    which costs milliseconds on a long article. Cached in the doc's own `user_data`."""
    text = doc.user_data.get("chronicle_text")
    if text is None:
        text = doc.user_data["chronicle_text"] = doc.text
    return text
