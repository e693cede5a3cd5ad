"""Quotes from a parsed article: who said what, to whom, at which event.

Two layers. `find_marked(text, lexicon)` pairs quote marks in plain text (curly, straight,
single, guillemets; a quote left open at a paragraph end closes there; stray marks are
skipped, never fatal). `find_quotes(doc, actor_mentions, event_mentions, lexicon)` gives
each marked quote its speaker (the subject of the speech verb it depends on, else a cue
verb beside it, else the speaker of the sentence before), its addressee and its event, and
adds indirect speech ("X said that ...", "according to X"). Cue verbs, marks and event
words are data: `data/quotes.yaml`.

The steps live beside this module: `quote_lexicon` (the data), `quote_marks` (pairing the
marks), `quote_speakers` (who said it, to whom); this module gives each quote its kind and
event, and finds reported speech.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from chronicle.model import HAPPENED, EventMention, Mention, Quote
from chronicle.nlp import doc_text

from .quote_lexicon import QuoteLexicon, load_quote_lexicon
from .quote_marks import Marked, find_marked
from .quote_speakers import Speaker, attribute, earlier_subject, mention_in, sentence_of, speaker_of


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’'-]+", text)


def _is_term(text: str, lexicon: QuoteLexicon) -> bool:
    """A short name or term in quotes ("Quartet", "Person of the Year"), not a quote."""
    words = _words(text)
    if not words or len(words) > lexicon.term_max_words:
        return False
    content = [w for w in words if w.lower() not in lexicon.small_words]
    return bool(content) and all(w[0].isupper() or w[0].isdigit() for w in content) and not re.search(r"[.!?,]$", text.strip())


def _kind(text: str, quote: Marked, doc_text: str, lexicon: QuoteLexicon) -> str:
    """direct, or partial: a fragment woven into the reporter's sentence."""
    before = doc_text[max(0, quote.open - 3) : quote.open].rstrip()
    first = next((c for c in text if c.isalpha()), "")
    opens_sentence = not before or before[-1] in ".!?:,;\n\"“”'’-—–("
    short = len(_words(text)) < lexicon.partial_max_words
    if first.islower() or not opens_sentence or (short and before[-1:] not in ("", ".", "!", "?", ":", "\n")):
        return "partial"
    return "direct"


def _event_for(
    quote: Marked,
    cue_offset: int | None,
    speaker: str | None,
    doc,
    events: Sequence[EventMention],
    lexicon: QuoteLexicon,
) -> int | None:
    """The event a quote was said at: an event whose evidence is the quote's (or its cue's)
    sentence, with a trigger outside the quote and the speaker among its actors; else, when
    the sentence says "at the meeting", "during the talks", the article's held event with
    the speaker (a CONSULT, the surest first); else any event the sentence is evidence of,
    when it is a meeting that happened."""
    sentences = [s for s in (sentence_of(doc, quote.open), sentence_of(doc, cue_offset) if cue_offset is not None else None) if s is not None]
    rank = lambda ie: (speaker not in {a.id for a in ie[1].actors}, ie[1].type != "CONSULT", -ie[1].confidence, ie[0])
    evidenced = sorted(
        {index: event for sentence in sentences for index, event in enumerate(events) for evidence in event.evidence
         if not (quote.open <= evidence.trigger_start <= quote.close)
         and evidence.start < sentence.end_char and sentence.start_char < evidence.end}.items(),
        key=rank,
    )
    if evidenced and speaker in {a.id for a in evidenced[0][1].actors}:
        return evidenced[0][0]
    for sentence in sentences:
        text = doc_text(doc)[sentence.start_char : sentence.end_char]
        if any(not (quote.start <= sentence.start_char + m.start() < quote.end) for m in lexicon.event_pattern.finditer(text)):
            held = sorted(((i, e) for i, e in enumerate(events) if e.modality in HAPPENED), key=rank)
            if held:
                return held[0][0]
    meetings = [index for index, event in evidenced if event.type == "CONSULT" and event.modality in HAPPENED]
    return meetings[0] if meetings else None


def find_quotes(
    doc,
    actor_mentions: Sequence[Mention],
    event_mentions: Sequence[EventMention] = (),
    lexicon: QuoteLexicon | None = None,
) -> list[Quote]:
    """The direct, partial and indirect quotes of a parsed article, in text order."""
    lexicon = lexicon or load_quote_lexicon()
    mentions = [m for m in actor_mentions if m.kind == "actor"]
    marked = [m for m in find_marked(doc_text(doc), lexicon) if not _is_term(doc_text(doc)[m.start : m.end], lexicon)]
    quoted = [(m.open, m.close + 1) for m in marked]
    quotes: list[Quote] = []
    last: tuple[Speaker, int] | None = None  # the last speaker and where its quote's sentence ends
    for quote in marked:
        text = doc_text(doc)[quote.start : quote.end]
        speaker = attribute(doc, quote, marked, mentions, lexicon)
        follows = last is not None and _follows(doc, last[1], quote)
        if speaker is None or (speaker.pronoun and speaker.actor != (last[0].actor if last else None)):
            earlier = last[0] if follows else earlier_subject(doc, quote, mentions, quoted, lexicon)
            if earlier is not None:
                keep = speaker if speaker is not None else earlier
                speaker = Speaker(earlier.actor, keep.start, keep.end, keep.cue, keep.addressee, keep.cue_token)
        cue_offset = doc[speaker.cue_token].idx if speaker is not None and speaker.cue_token is not None else None
        if speaker is not None and speaker.actor is not None:
            sentence = sentence_of(doc, max(quote.end - 1, quote.start))
            last = (speaker, max(sentence.end_char if sentence is not None else 0, quote.close))
        quotes.append(
            Quote(
                start=quote.start,
                end=quote.end,
                text=text,
                kind=_kind(text, quote, doc_text(doc), lexicon),
                speaker=speaker.actor if speaker else None,
                speaker_start=speaker.start if speaker else None,
                speaker_end=speaker.end if speaker else None,
                cue=speaker.cue if speaker else None,
                addressee=speaker.addressee if speaker else None,
                event=_event_for(quote, cue_offset, speaker.actor if speaker else None, doc, event_mentions, lexicon),
            )
        )
    quotes += _indirect(doc, marked, mentions, event_mentions, lexicon)
    return sorted(quotes, key=lambda q: (q.start, q.end))


def _follows(doc, last_end: int, quote: Marked) -> bool:
    """The quote opens in the sentence the last attributed quote ended in, or right after
    it (nothing but marks, punctuation and paragraph breaks between)."""
    sentence = sentence_of(doc, quote.open)
    if sentence is not None and sentence.start_char <= last_end and quote.open >= last_end - 1:
        return True
    return not re.search(r"\w", doc_text(doc)[last_end : quote.open])


def _indirect(
    doc,
    marked: Sequence[Marked],
    mentions: Sequence[Mention],
    events: Sequence[EventMention],
    lexicon: QuoteLexicon,
) -> list[Quote]:
    """Reported speech: a speech verb's clause ("X said that ...", "X told reporters ...",
    "X warned ...") and "according to X" with the rest of its clause."""
    quoted = [(m.open, m.close + 1) for m in marked]
    overlaps = lambda a, b: any(a < hi and lo < b for lo, hi in quoted)
    found = []
    for token in doc:
        if token.pos_ != "VERB" or token.lemma_.lower() not in lexicon.indirect_verbs or overlaps(token.idx, token.idx + 1):
            continue
        clause = next((c for c in token.children if c.dep_ == "ccomp" and c.i > token.i), None)
        if clause is None:
            continue
        speaker = speaker_of(token, mentions, lexicon)
        if speaker is None or speaker.actor is None:
            continue
        words = [t for t in clause.subtree if not (t.dep_ == "mark" and t.i == clause.left_edge.i)]
        start, end = words[0].idx, words[-1].idx + len(words[-1])
        if len(words) < 3 or overlaps(start, end):
            continue
        content = Marked(start, end, start, end, True)
        found.append(
            Quote(start, end, doc_text(doc)[start:end], "indirect", speaker.actor, speaker.start, speaker.end,
                  speaker.cue, speaker.addressee, _event_for(content, token.idx, speaker.actor, doc, events, lexicon))
        )
    for sentence in doc.sents:
        found += _according_to(doc, sentence, overlaps, mentions, events, lexicon)
    return found


def _according_to(doc, sentence, overlaps, mentions, events, lexicon: QuoteLexicon) -> list[Quote]:
    """"X did Y, according to Z": the clause without the phrase, said by Z."""
    words = [t.lower_ for t in sentence]
    found = []
    for phrase in lexicon.source_phrases:
        for k in range(len(words) - len(phrase) + 1):
            if tuple(words[k : k + len(phrase)]) != phrase:
                continue
            head = sentence[k]
            source = next((mention_in(mentions, t, lexicon) for t in sentence[k + len(phrase) : k + len(phrase) + 6]
                           if mention_in(mentions, t, lexicon) is not None), None)
            if source is None:
                continue
            lo, hi = head.left_edge.idx, max(t.idx + len(t) for t in head.subtree)
            before = (sentence.start_char, lo)
            after = (hi, sentence.end_char)
            start, end = before if len(_words(doc_text(doc)[before[0] : before[1]])) >= 3 else after
            while start < end and doc_text(doc)[start] in ".,;:—–- \n":
                start += 1
            while end > start and doc_text(doc)[end - 1] in ".,;:—–- \n":
                end -= 1
            if len(_words(doc_text(doc)[start:end])) < 3 or overlaps(start, end):
                continue
            content = Marked(start, end, start, end, True)
            found.append(Quote(start, end, doc_text(doc)[start:end], "indirect", source.value, source.start, source.end,
                               " ".join(phrase), None, _event_for(content, head.idx, source.value, doc, events, lexicon)))
    return found
