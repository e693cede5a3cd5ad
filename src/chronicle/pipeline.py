"""The per-article stages as pure functions of (article, resources).

    read -> clean -> identify -> date -> annotate (spaCy) -> resolve (actors, places, times)
         -> extract (events, quotes) -> signature

The same functions run in one process, a process pool, or a Spark executor: resources
are loaded once per worker (`load_resources`) and passed in; nothing here keeps state.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources as package_files
from typing import TYPE_CHECKING

from . import __version__
from .compiled import cached
from .errors import problem
from .extract.claims import ClaimLexicon, find_claims, load_claim_lexicon
from .extract.context import ArticleContext
from .extract.events import find_events
from .extract.lexicon import EventLexicon, lexicon_inputs, load_event_lexicon
from .extract.triggers import best_trigger
from .extract.quotes import QuoteLexicon, find_quotes, load_quote_lexicon
from .extract.recipients import inherited_recipients
from .extract.seats import body_seats
from .identity import article_id
from .ingest.clean import DebrisRules, clean, load_debris_rules
from .ingest.dedup import LshParams, lsh_params, signature
from .ingest.date_rules import DateRules, load_date_rules
from .ingest.pubdate import discover_publication_date
from .ingest.text_dates import story_day
from .kb import KbFile, KnowledgeBase, load_kb, packaged_files
from .kb import fingerprint as kb_fingerprint
from .model import Annotation, Article, Document, EventMention, Mention, Problem
from .models import type_classifier
from .nlp import entity_spans, load_pipeline, model_meta, model_text, model_version, parse, sentence_spans
from .resolve.actor_lexicon import ActorPatterns, ResolverLexicon, build_patterns, load_lexicon
from .resolve.actors import resolve_actors
from .resolve.gazetteer import Gazetteer
from .resolve.gazetteer_load import load_gazetteer
from .resolve.places import resolve_places
from .resolve.page_date_checks import page_date_flags, weekday_contradictions
from .resolve.time_rules import TimeRules, load_time_rules
from .resolve.page_month import page_month_times
from .resolve.page_year import with_page_year
from .resolve.timing import resolve_times
from .settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

    from .gate import ParseGate


@dataclass(frozen=True)
class Resources:
    """What the per-article stages need, loaded once per worker: the settings, the spaCy
    model and the data (`DataResources`: KB, gazetteer, lexicons and rules)."""

    settings: Settings
    nlp: Language
    data: DataResources
    version: str
    gate: ParseGate | None = None  # sentence gating, when `settings.parse_gate`
    types: type_classifier.TypeClassifier | None = None  # the trained type classifier (None: the lexicon alone)

    @property
    def events(self) -> EventLexicon:
        """The event lexicon (`data.events`; models/train_types.py reads it here)."""
        return self.data.events


@dataclass(frozen=True)
class TextResources:
    """The cheap resources of the stages before spaCy (reading, cleaning, dating)."""

    debris: DebrisRules
    dates: DateRules


@dataclass(frozen=True)
class ToAnnotate:
    """One article's input to the NLP stages: its id, clean text and reference date."""

    id: str
    text: str
    day: dt.date | None  # the reference date: published, else mid-month of a known month
    published: dt.date | None = None


def load_text_resources() -> TextResources:
    """The cleaning and dating rules, from the compiled cache when their files are unchanged."""
    return cached("text", lambda: TextResources(debris=load_debris_rules(), dates=load_date_rules()))


def data_fingerprint() -> str:
    """A hash of the packaged lexicons and rules (the KB is hashed apart)."""
    digest = hashlib.sha256()
    data = package_files.files("chronicle") / "data"
    for entry in sorted(data.iterdir(), key=lambda e: e.name):
        if entry.name.endswith((".yaml", ".csv")):
            digest.update(entry.name.encode())
            digest.update(entry.read_bytes())
    weights = type_classifier.packaged_path()
    if weights.exists():
        digest.update(weights.read_bytes())
    return digest.hexdigest()[:10]


def pipeline_version(model_meta: dict, kb_version: str, gated: bool = False, lexicon: Sequence[str | bytes] = ()) -> str:
    """code version + model + data files + KB (+ a user's lexicon files, + gate when sentences
    are gated): stored with every article it processes."""
    gate = "+gate" if gated else ""
    user = f"+lexicon-{hashlib.sha256(b''.join(p.encode() if isinstance(p, str) else p for p in lexicon)).hexdigest()[:10]}" if lexicon else ""
    return f"chronicle-{__version__}+{model_version(model_meta)}+data-{data_fingerprint()}{user}+kb-{kb_version}{gate}"


def pipeline_version_of(settings: Settings, kb_files: Sequence[KbFile] = ()) -> str:
    """The version `load_resources` would stamp, without loading the model or the KB."""
    kb_version = kb_fingerprint([*packaged_files(), *kb_files])
    return pipeline_version(model_meta(settings.model), kb_version, settings.parse_gate, lexicon_inputs(settings.lexicon))


@dataclass(frozen=True)
class DataResources:
    """Everything `load_resources` loads besides spaCy: what the data files and the KB
    compile into. Kept in the compiled cache (chronicle.compiled), keyed by those files."""

    debris: DebrisRules
    dates: DateRules
    kb: KnowledgeBase
    lexicon: ResolverLexicon
    patterns: ActorPatterns
    gazetteer: Gazetteer
    times: TimeRules
    events: EventLexicon
    quotes: QuoteLexicon
    claims: ClaimLexicon


def load_data_resources(settings: Settings, kb_files: Sequence[KbFile] = ()) -> DataResources:
    """The KB, gazetteer, lexicons and rules, read and compiled from their files."""
    kb = load_kb(kb_files)
    lexicon = load_lexicon()
    return DataResources(
        debris=load_debris_rules(),
        dates=load_date_rules(),
        kb=kb,
        lexicon=lexicon,
        patterns=build_patterns(kb, lexicon),
        gazetteer=load_gazetteer(),
        times=load_time_rules(),
        events=load_event_lexicon(directory=settings.lexicon),
        quotes=load_quote_lexicon(),
        claims=load_claim_lexicon(),
    )


def cached_lsh_params(settings: Settings) -> LshParams:
    """The LSH banding of `settings`, from the compiled cache (a few milliseconds to compute; kept for the runners that read it from there)."""
    inputs = [repr((settings.near_duplicate_threshold, settings.minhash_permutations))]
    return cached("lsh", lambda: lsh_params(settings.near_duplicate_threshold, settings.minhash_permutations), inputs)


def cached_data_resources(settings: Settings, kb_files: Sequence[KbFile] = ()) -> DataResources:
    """`load_data_resources`, from the compiled cache when the files (KB files, a user's
    lexicon) are unchanged."""
    inputs = [part for f in kb_files for part in (f.name, f.text)] + ["lexicon", *lexicon_inputs(settings.lexicon)]
    return cached("resources", lambda: load_data_resources(settings, kb_files), inputs)


def load_resources(settings: Settings, kb_files: Sequence[KbFile] = ()) -> Resources:
    """Load the spaCy model, KB, gazetteer, lexicons and rules (once per worker; the data
    from the compiled cache when it holds them)."""
    nlp = load_pipeline(settings.model, senter=settings.parse_gate)  # the gate alone runs the senter
    data = cached_data_resources(settings, kb_files)
    gate = None
    if settings.parse_gate:
        from .gate import load_parse_gate

        gate = load_parse_gate(nlp, data.events, data.quotes, data.claims)
    return Resources(
        settings=settings,
        nlp=nlp,
        data=data,
        gate=gate,
        types=type_classifier.for_typing(settings.event_typing),
        version=pipeline_version(nlp.meta, data.kb.version, gate is not None, lexicon_inputs(settings.lexicon)),  # the KB hashed its files as it read them
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


def reference_day(published: str | dt.date | None, month: str | None) -> dt.date | None:
    """The date descriptions are resolved at: the publication date, else mid-month of the
    publication month when only that is known, else None."""
    if isinstance(published, dt.date):
        return published
    if published:
        return dt.date.fromisoformat(published)
    if month:
        year, number = month.split("-")
        return dt.date(int(year), int(number), 15)
    return None


def to_annotate(article: Article) -> ToAnnotate:
    published = dt.date.fromisoformat(article.published.value) if article.published.value else None
    return ToAnnotate(article.id, article.clean.text, reference_day(published, article.published.month), published)


@dataclass(frozen=True)
class AnnotationFailure:
    """An article whose annotation failed: recorded as its own problem, nothing of it stored."""

    article_id: str
    code: str  # E201 (the stages raised) or E202 (the text is over the parser's length limit)
    detail: str


def annotate_each(articles: Sequence[ToAnnotate], res: Resources) -> list[Annotation | AnnotationFailure]:
    """`annotate`, with an article that fails failing alone: a text over spaCy's length limit
    is refused before parsing, and when a batch raises, each article is retried on its own."""
    limit = res.nlp.max_length
    too_long = {a.id: AnnotationFailure(a.id, "E202", f"{len(a.text)} characters, the limit is {limit}")
                for a in articles if len(a.text) > limit}
    rest = [a for a in articles if a.id not in too_long]
    try:
        done: dict[str, Annotation | AnnotationFailure] = {a.article_id: a for a in annotate(rest, res)}
    except Exception:  # noqa: BLE001 - which article raised is found by retrying each alone
        done = {item.id: _annotate_alone(item, res) for item in rest}
    return [too_long.get(a.id) or done[a.id] for a in articles]


def _annotate_alone(item: ToAnnotate, res: Resources) -> Annotation | AnnotationFailure:
    try:
        return annotate([item], res)[0]
    except Exception as error:  # noqa: BLE001 - the boundary of one article's annotation
        return AnnotationFailure(item.id, "E201", f"{type(error).__name__}: {error}")


def _docs(res: Resources, texts: list[str]):
    """spaCy's docs of the texts: the full pipeline, or the gated one (chronicle.gate)."""
    if res.gate is None:
        return parse(res.nlp, texts, batch_size=32)
    from .gate import parse_gated

    return parse_gated(res.nlp, texts, res.gate, batch_size=32)


def _typed_events(doc, context: ArticleContext, res: Resources) -> list[EventMention]:
    """The lexicon's events with the triggers the classifier proposes, re-typed and pruned
    by it (chronicle.models.type_classifier)."""
    scores, asserted = type_classifier.sentence_readings(doc, res.types, res.data.events)
    actor_starts = [m.start for m in context.actor_mentions if m.value]
    proposed = type_classifier.proposals(doc, scores, res.types, res.data.events, actor_starts)
    events = find_events(doc, context, res.data.kb, res.data.events, res.data.times, proposed)
    fresh = frozenset(doc[i].idx for i in proposed if best_trigger(doc[i], res.data.events) is None)  # not the lexicon's
    every = frozenset(doc[i].idx for i in proposed)
    return type_classifier.decide(events, scores, res.types, fresh, asserted, every)


def _cities_named(gazetteer, name: str) -> list:
    """The gazetteer's cities of a name, the largest first."""
    ids = [i for i in gazetteer.ids(gazetteer.key(name)) if gazetteer.places[i].kind == "city"]
    return [gazetteer.places[i] for i in sorted(ids, key=lambda i: -gazetteer.population.get(i, 0))]


def annotate(articles: Sequence[ToAnnotate], res: Resources) -> list[Annotation]:
    """spaCy, actor, place and time resolution, events, quotes, claims, and MinHash, in `nlp.pipe` batches."""
    settings, gazetteer = res.settings, res.data.gazetteer
    annotations = []
    seats = {code: gazetteer.places[i] for code, i in gazetteer.seats.items() if i in gazetteer.places}
    seats |= body_seats(res.data.events.roles.organisation_seats, lambda name: _cities_named(gazetteer, name))
    seats_by_id = {place.id: place for place in seats.values()}  # a seat an event is placed at without naming it
    for item, doc in zip(articles, _docs(res, [model_text(a.text) for a in articles])):
        actors = resolve_actors(doc, res.data.kb, res.data.lexicon, res.data.patterns, item.day)
        countries = [m.value for m in actors.mentions if m.value and m.value in res.data.kb.countries]
        place_mentions, places = resolve_places(doc, gazetteer, countries)
        anchor, page_month, times = _article_times(doc, item, res)
        time_mentions = _time_mentions(times)
        context = ArticleContext(
            actor_mentions=actors.mentions,
            place_mentions=place_mentions,
            places=places,
            times=times,
            published=anchor,
            corpus_names={i: (a.name, a.kind) for i, a in actors.corpus_actors.items()},
            role_evidence=tuple(actors.evidence),
            seats=seats,
            page_month=page_month,
        )
        if res.types is None:
            events = find_events(doc, context, res.data.kb, res.data.events, res.data.times)
        else:
            events = _typed_events(doc, context, res)
        events = inherited_recipients(events, res.data.events.roles.recipient_types)  # "the agency also deployed a team": its one recipient
        places = {**places, **{e.place: seats_by_id[e.place] for e in events if e.place not in places and e.place in seats_by_id}}
        quotes = find_quotes(doc, actors.mentions, events, res.data.quotes)
        claims = find_claims(doc, actors.mentions, times, quotes, res.data.claims, anchor) if res.data.claims else []
        minhash = signature(item.text, settings.shingle_words, settings.minhash_permutations)
        annotations.append(
            Annotation(
                article_id=item.id,
                sentences=sentence_spans(doc),
                entities=entity_spans(doc),
                signature=tuple(int(v) for v in minhash),
                pipeline_version=res.version,
                mentions=tuple(
                    sorted(
                        [*actors.mentions, *place_mentions, *time_mentions],
                        key=lambda m: (m.start, m.end),
                    )
                ),
                date_flags=page_date_flags(item.published, [value for _, value in times])
                + weekday_contradictions(times, [sent.start_char for sent in doc.sents]),
                role_evidence=tuple(actors.evidence),
                corpus_actors=tuple(actors.corpus_actors.values()),
                places=tuple(places.values()),
                event_mentions=tuple(events),
                quotes=tuple(quotes),
                claims=tuple(claims),
            )
        )
    return annotations
def _article_times(doc, item: ToAnnotate, res: Resources) -> tuple[dt.date | None, str | None, list]:
    """(anchor, page month, times) of an article: the day its descriptions are resolved at (a
    story's own date line, else its publication date), the month of a page known only by
    its month, and its time expressions with their values."""
    anchor = story_day(item.text, item.published, res.data.dates) or item.published  # a story's own date line
    page_month = item.day.strftime("%Y-%m") if anchor is None and item.day is not None else None
    if page_month is not None:  # only the month is known (a URL's /2018/04/): no day is guessed
        return anchor, page_month, page_month_times(doc, page_month, res.data.times)
    times = resolve_times(doc, anchor, res.data.times)  # never a guessed anchor
    if anchor is None:  # "on Sept. 23" on an undated page: the year of its latest full date
        times = with_page_year(times, res.data.times)
    return anchor, page_month, times


def _time_mentions(times) -> list[Mention]:
    """The time expressions of an article as mentions."""
    return [
        Mention(
            expression.start, expression.end, expression.text, "time", value.value,
            value.rule, 0.9 if value.resolved else 0.3, "TIME", value.precision,
            "open" if value.open_ended else value.end, value.anchor,
        )
        for expression, value in times
    ]


