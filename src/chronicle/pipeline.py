"""The per-article stages as pure functions of (article, resources).

    read -> clean -> identify -> date -> annotate (spaCy) -> signature

The same functions run in one process, a process pool, or a Spark executor: resources
are loaded once per worker (`load_resources`) and passed in; nothing here keeps state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from importlib import resources as package_files

from spacy.language import Language

from . import __version__
from .errors import problem
from .identity import article_id
from .ingest.clean import DebrisRules, clean, load_debris_rules
from .ingest.dedup import LshParams, lsh_params, signature
from .ingest.pubdate import DateRules, discover_publication_date, load_date_rules
from .model import Annotation, Article, Document, Problem
from .nlp import entity_spans, load_pipeline, model_meta, model_version, parse, sentence_spans
from .settings import Settings


@dataclass(frozen=True)
class Resources:
    """What the per-article stages need, loaded once per worker."""

    settings: Settings
    nlp: Language
    debris: DebrisRules
    dates: DateRules
    lsh: LshParams
    version: str


@dataclass(frozen=True)
class TextResources:
    """The cheap resources of the stages before spaCy (reading, cleaning, dating)."""

    debris: DebrisRules
    dates: DateRules


def load_text_resources() -> TextResources:
    return TextResources(debris=load_debris_rules(), dates=load_date_rules())


def data_fingerprint() -> str:
    """A hash of every packaged data file: changing a lexicon changes the pipeline version."""
    digest = hashlib.sha256()
    data = package_files.files("chronicle") / "data"
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".csv")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    return digest.hexdigest()[:10]


def pipeline_version(model_meta: dict) -> str:
    """code version + model + data files: stored with every article it processes."""
    return f"chronicle-{__version__}+{model_version(model_meta)}+data-{data_fingerprint()}"


def pipeline_version_of(settings: Settings) -> str:
    """The version `load_resources(settings)` would stamp, without loading the model."""
    return pipeline_version(model_meta(settings.model))


def load_resources(settings: Settings) -> Resources:
    """Load the spaCy model, lexicons and rules (seconds: do it once per worker)."""
    nlp = load_pipeline(settings.model)
    text = load_text_resources()
    return Resources(
        settings=settings,
        nlp=nlp,
        debris=text.debris,
        dates=text.dates,
        lsh=lsh_params(settings.near_duplicate_threshold, settings.minhash_permutations),
        version=pipeline_version(nlp.meta),
    )


def prepare(document: Document, text: TextResources, today: dt.date) -> Article | Problem:
    """Clean a document, give it its identity and publication date."""
    cleaned = clean(document.text, text.debris)
    if not cleaned.text.strip():
        return problem(document.source, "E151")
    published = discover_publication_date(document, cleaned.text, text.dates, today)
    return Article(
        id=article_id(cleaned.text),
        alias=document.id,
        source=document.source,
        format=document.format,
        url=document.url,
        title=document.title,
        outlet=document.outlet,
        published=published,
        language=document.language,
        raw_text=document.text,
        clean=cleaned,
    )


def annotate(articles: list[tuple[str, str]], res: Resources) -> list[Annotation]:
    """spaCy and MinHash over (article id, clean text) pairs, in `nlp.pipe` batches."""
    settings = res.settings
    texts = [text for _, text in articles]
    annotations = []
    for (identifier, text), doc in zip(articles, parse(res.nlp, texts, batch_size=32)):
        annotations.append(
            Annotation(
                article_id=identifier,
                sentences=sentence_spans(doc),
                entities=entity_spans(doc),
                signature=tuple(
                    int(v)
                    for v in signature(text, settings.shingle_words, settings.minhash_permutations)
                ),
                pipeline_version=res.version,
            )
        )
    return annotations
