"""spaCy: loading the trained pipeline once, sentence boundaries that respect lines, batching."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .errors import ChronicleError
from .model import Span

LINE_BREAKS = "chronicle_line_breaks"


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


def load_pipeline(model: str) -> Language:
    """The trained pipeline `model`, with chronicle's line-break rule before the parser."""
    try:
        nlp = spacy.load(model)
    except OSError as error:
        raise ChronicleError(
            f"spaCy model {model!r} is not installed (set CHRONICLE_MODEL or --model): {error}"
        ) from error
    anchor = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    nlp.add_pipe(LINE_BREAKS, **anchor)
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
