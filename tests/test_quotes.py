"""Quotes from hand-built sentences: marks, speakers, addressees, events, indirect speech.

The mark finder is tested on plain text (and fuzzed); the rest runs the real per-article
stages (spaCy, actor resolution, events) on a small text written for the test.
"""

from __future__ import annotations


import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chronicle.extract.quote_lexicon import load_quote_lexicon
from chronicle.extract.quote_marks import find_marked
from chronicle.extract.quotes import find_quotes

PUBLISHED = "2019-03-05"


@pytest.fixture(scope="module")
def lexicon():
    return load_quote_lexicon()


@pytest.fixture(scope="module")
def blank():
    """A tokenizer and sentencizer only: no parse, no entities."""
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


@pytest.fixture(scope="module")
def extract(annotate_text):
    return lambda body, published=PUBLISHED: annotate_text(body, published)


def texts(lexicon, text: str) -> list[str]:
    return [text[m.start : m.end] for m in find_marked(text, lexicon)]


def quote(annotation, starts: str):
    found = [q for q in annotation.quotes if q.text.startswith(starts)]
    assert found, [(q.kind, q.text) for q in annotation.quotes]
    return found[0]


# ----------------------------------------------------------------------------- marks


@pytest.mark.parametrize(
    "text, expected",
    [
        ("He said “we will win” today.", ["we will win"]),
        ('He said "we will win" today.', ["we will win"]),
        ("He said ‘we will win’ today.", ["we will win"]),
        ("He said 'we will win' today, didn't he?", ["we will win"]),
        ("Il a dit «nous gagnerons» hier.", ["nous gagnerons"]),
        ("“One,” she said. “Two.”", ["One,", "Two."]),
        ("“We won,”she said.", ["We won,"]),
    ],
)
def test_every_quote_style_is_paired(lexicon, text, expected):
    assert texts(lexicon, text) == expected


def test_apostrophes_are_not_quote_marks(lexicon):
    assert texts(lexicon, "The minister's aide said the talks' outcome wasn't clear.") == []


def test_a_quote_left_open_at_a_paragraph_end_closes_there_and_reopens(lexicon):
    text = "“The first part of the statement runs to the end.\n“And the second part closes,” he said."
    assert texts(lexicon, text) == ["The first part of the statement runs to the end.", "And the second part closes,"]


def test_a_hard_line_wrap_does_not_end_a_quote(lexicon):
    text = "“We spoke about\nmany things,” he said."
    assert texts(lexicon, text) == ["We spoke about\nmany things,"]


def test_a_single_quote_left_open_runs_to_the_paragraph_end(lexicon):
    text = "Then he said, ‘I would like to stress that our position on this question has not changed at all.”\nNext."
    assert texts(lexicon, text) == ["I would like to stress that our position on this question has not changed at all."]


def test_quotes_within_a_quote_are_part_of_it(lexicon):
    assert texts(lexicon, "“He told me ‘never’ twice,” she said.") == ["He told me ‘never’ twice,"]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n'\"“”‘’«»:")), max_size=80))
def test_broken_marks_never_crash_and_spans_stay_in_the_text(text):
    lexicon = load_quote_lexicon()
    for marked in find_marked(text, lexicon):
        assert 0 <= marked.open <= marked.start <= marked.end <= len(text)
        assert marked.end <= marked.close or not marked.closed


# ----------------------------------------------------------------------------- speakers


def test_speaker_after_the_quote(extract):
    annotation = extract("“We will keep working together on energy,” Angela Merkel said on Tuesday.")
    found = quote(annotation, "We will keep")
    assert (found.kind, found.speaker, found.cue) == ("direct", "angela-merkel", "say")


def test_speaker_before_the_quote_and_inverted_cue(extract):
    annotation = extract(
        "Emmanuel Macron met Justin Trudeau in Paris. Macron added, “Our countries share the same values and goals.” "
        "“We agree on climate and on trade policy,” said Trudeau."
    )
    assert quote(annotation, "Our countries").speaker == "emmanuel-macron"
    assert quote(annotation, "We agree").speaker == "justin-trudeau"


def test_a_quote_split_by_its_cue_keeps_the_speaker(extract):
    annotation = extract(
        "Shinzo Abe spoke after the summit. “The alliance is strong,” he said. “It will grow stronger in the years ahead.”"
    )
    assert quote(annotation, "The alliance").speaker == "shinzo-abe"
    assert quote(annotation, "It will grow").speaker == "shinzo-abe"


def test_a_paragraph_that_is_only_a_quote_continues_the_last_speaker(extract):
    annotation = extract(
        "“We have made real progress on the border question today,” Narendra Modi told reporters.\n\n"
        "“There is still work to do, and we will do it together.”"
    )
    assert quote(annotation, "There is still").speaker == "narendra-modi"


def test_a_partial_quote_inside_a_sentence(extract):
    annotation = extract("Turkish President Recep Tayyip Erdogan said the talks had been “frank and very productive”.")
    found = quote(annotation, "frank and very")
    assert (found.kind, found.speaker) == ("partial", "recep-tayyip-erdogan")


def test_a_description_speaks_for_the_person_it_resolves_to(extract):
    annotation = extract(
        "Xi Jinping hosted Kim Jong Un in Beijing on Monday. "
        "“Our friendship is unbreakable and will last for generations,” the Chinese president said."
    )
    assert quote(annotation, "Our friendship").speaker == "xi-jinping"


def test_a_title_and_name_speak_as_the_person(extract):
    annotation = extract(
        "“The two presidents discussed the situation in detail,” White House press secretary Jen Psaki told reporters."
    )
    assert quote(annotation, "The two presidents").speaker == "jen-psaki"


def test_the_addressee_of_told(extract):
    annotation = extract("Boris Johnson met Donald Trump in London. Johnson told Trump, “We stand with our allies in every crisis.”")
    found = quote(annotation, "We stand")
    assert (found.speaker, found.addressee) == ("boris-johnson", "donald-trump")


SAID_TO = ("Emmanuel Macron met Angela Merkel in Berlin. Macron said to Merkel, "
           "“Our countries will open the new border bridge next spring.”")


def test_the_addressee_of_said_to(extract):
    found = quote(extract(SAID_TO), "Our countries")
    assert (found.speaker, found.addressee) == ("emmanuel-macron", "angela-merkel")


def test_the_words_that_mark_an_addressee_are_data():
    """With no `addressee_preps` in the lexicon, "said to X" names no addressee."""
    import dataclasses
    import datetime as dt

    from chronicle.model import Document
    from chronicle.pipeline import annotate, load_resources, load_text_resources, prepare, to_annotate
    from chronicle.settings import Settings

    resources = load_resources(Settings())
    data = dataclasses.replace(resources.data, quotes=dataclasses.replace(resources.data.quotes, addressee_preps=frozenset()))
    resources = dataclasses.replace(resources, data=data)
    article = prepare(Document(source="t", format="text", text=SAID_TO, published=PUBLISHED), load_text_resources(), dt.date(2026, 1, 1))
    found = quote(annotate([to_annotate(article)], resources)[0], "Our countries")
    assert (found.speaker, found.addressee) == ("emmanuel-macron", None)


def test_quoted_as_saying_gives_the_quoted_person(extract):
    annotation = extract(
        "“Our cooperation in energy is growing every year,” the state news agency quoted Hassan Rouhani as saying."
    )
    assert quote(annotation, "Our cooperation").speaker == "hassan-rouhani"


def test_a_name_in_scare_quotes_is_not_a_quote(extract):
    annotation = extract("Annalena Baerbock said the “Normandy Format” should meet again soon.")
    assert not [q for q in annotation.quotes if q.text.startswith("Normandy")]


# ----------------------------------------------------------------------------- indirect and events


def test_indirect_speech_with_its_content(extract):
    annotation = extract("Angela Merkel said that Germany would send more aid to the region next year.")
    found = [q for q in annotation.quotes if q.kind == "indirect"]
    assert found and found[0].speaker == "angela-merkel"
    assert found[0].text.startswith("Germany would send more aid")


def test_according_to_gives_the_source(extract):
    annotation = extract("The two leaders agreed to expand trade, according to Emmanuel Macron.")
    found = [q for q in annotation.quotes if q.kind == "indirect" and q.cue == "according to"]
    assert found and found[0].speaker == "emmanuel-macron"
    assert found[0].text.startswith("The two leaders agreed")


def test_a_quote_at_the_start_of_the_meeting_links_to_the_meeting(extract):
    annotation = extract(
        "Shinzo Abe met Narendra Modi in Tokyo on Monday. "
        "“Our partnership has never been stronger,” Abe told Modi at the start of the meeting."
    )
    found = quote(annotation, "Our partnership")
    assert found.event is not None
    event = annotation.event_mentions[found.event]
    assert event.type == "CONSULT"
    assert (found.speaker, found.addressee) == ("shinzo-abe", "narendra-modi")


# ----------------------------------------------------------------------------- store, query, CLI


def _stored_quotes(tmp_path):
    """One article with debris before the quote, so raw and clean offsets differ."""
    from chronicle.identity import article_id
    from chronicle.ingest.dedup import lsh_params, signature
    from chronicle.model import (
        Annotation,
        Article,
        CleanText,
        CorpusActor,
        EventActor,
        EventMention,
        Evidence,
        OffsetMap,
        PublicationDate,
        Quote,
        Span,
    )
    from chronicle.store import Batch, Store

    debris, body = "Share this article\n", "Angela Merkel met Jan Novak. “We agree on trade,” Merkel told Novak at the meeting."
    raw, clean = debris + body, CleanText(body, OffsetMap(((0, len(debris), len(body)),)))
    identifier = article_id(clean.text)
    start = body.index("We agree")
    end = start + len("We agree on trade,")
    meeting = EventMention(
        start=0, end=28, type="CONSULT", mode=None, modality="reported",
        actors=(EventActor("angela-merkel", "Angela Merkel", "person", "participant", "DEU", 0, 13),),
        date="2019-03-04", end_date=None, date_precision="day", date_expression="", date_rule="published",
        place=None, confidence=0.9, evidence=(Evidence(0, 28, 14, 17, "met"),),
    )
    said = Quote(start, end, body[start:end], "direct", "angela-merkel", body.index("Merkel told"),
                 body.index("Merkel told") + 6, "tell", "corpus:person:jan-novak", 0)
    annotation = Annotation(
        article_id=identifier, sentences=(Span(0, len(body), "SENT"),), entities=(),
        signature=tuple(int(v) for v in signature(body, 5, 128)), pipeline_version="v1",
        corpus_actors=(CorpusActor("corpus:person:jan-novak", "Jan Novak", "person"),),
        event_mentions=(meeting,), quotes=(said,),
    )
    record = Article(
        id=identifier, alias="wire-9", source="test", format="text", url=None, title=None, outlet=None,
        published=PublicationDate("2019-03-05", "metadata"), language="en", raw_text=raw, clean=clean,
    )
    db = tmp_path / "q.duckdb"
    with Store(db) as store:
        store.write_batch(Batch(articles=[record], annotations=[annotation], aliases=[("wire-9", identifier)]), lsh_params(0.8, 128))
    return db, raw


def test_quotes_are_stored_with_raw_offsets_and_queried_in_the_contract_shape(tmp_path):
    from chronicle import query
    from chronicle.store import Store

    db, raw = _stored_quotes(tmp_path)
    with Store(db, read_only=True) as store:
        rows = query.list_quotes(store)
        assert [r["id"] for r in rows] == ["wire-9:q0"]
        record = rows[0]
        assert set(query.QUOTE_FIELDS) <= set(record)
        assert raw[record["start"] : record["end"]] == "We agree on trade,"
        assert record["speaker"] == {"id": "angela-merkel", "name": "Angela Merkel"}
        assert record["addressee"] == {"id": "corpus:person:jan-novak", "name": "Jan Novak"}
        assert record["event_id"] == "wire-9:e0"
        assert query.list_quotes(store, speaker="merkel", about="TRADE", since="2019", until="2019-03")
        assert not query.list_quotes(store, speaker="Novak")
        assert not query.list_quotes(store, since="2020")
        assert query.list_quotes(store, article="wire-9", limit=1)


def test_chronicle_quotes_prints_jsonl(tmp_path):
    import json

    from typer.testing import CliRunner

    from chronicle.cli import app

    db, _ = _stored_quotes(tmp_path)
    result = CliRunner().invoke(app, ["quotes", "--db", str(db), "--speaker", "Angela Merkel", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert lines[0]["kind"] == "direct" and lines[0]["event_id"] == "wire-9:e0"
    table = CliRunner().invoke(app, ["quotes", "--db", str(db)])
    assert table.exit_code == 0 and "Angela Merkel" in table.output
    bad = CliRunner().invoke(app, ["quotes", "--db", str(db), "--since", "March"])
    assert bad.exit_code == 2


def test_quote_score_matches_first_words_and_checks_speakers():
    from chronicle.evaluate import quote_score
    from chronicle.kb import load_kb

    golds = [{"id": "a", "quotes": [{"speaker": "Angela Merkel", "starts_with": "We agree on"},
                                    {"speaker": "Angela Merkel", "starts_with": "Not said"}]}]
    extracted = {"a": [
        {"text": "We  agree on trade,", "kind": "direct", "speaker": {"id": "angela-merkel", "name": "Angela Merkel"}},
        {"text": "Quartet", "kind": "partial", "speaker": None},
        {"text": "trade will grow", "kind": "indirect", "speaker": None},
    ]}
    score = quote_score(golds, extracted, load_kb([]))
    assert (score["found"], score["recall"], score["speaker_accuracy"]) == (1, 0.5, 1.0)
    assert (score["extracted"], score["unmatched"], score["indirect"]) == (2, 1, 1)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(["Ann", "said", "told", "he", "“", "”", '"', "'", "‘", "’", "«", "»", "\n", ",", ".",
                                 ":", "according", "to", "that", "at", "the", "meeting"]), max_size=30))
def test_find_quotes_never_crashes_on_broken_text(blank, lexicon, words):
    text = " ".join(words)
    for found in find_quotes(blank(text), [], [], lexicon):
        assert 0 <= found.start <= found.end <= len(text)
