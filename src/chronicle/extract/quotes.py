"""Quotes from a parsed article: who said what, to whom, at which event.

Two layers. `find_marked(text, lexicon)` pairs quote marks in plain text (curly, straight,
single, guillemets; a quote left open at a paragraph end closes there; stray marks are
skipped, never fatal). `find_quotes(doc, actor_mentions, event_mentions, lexicon)` gives
each marked quote its speaker (the subject of the speech verb it depends on, else a cue
verb beside it, else the speaker of the sentence before), its addressee and its event, and
adds indirect speech ("X said that ...", "according to X"). Cue verbs, marks and event
words are data: `data/quotes.yaml`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from chronicle.data import load_yaml
from chronicle.model import EventMention, Mention, Quote
from chronicle.nlp import doc_text

from ..model import HAPPENED  # noqa: E402
_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_RELATIVE = ("who", "that", "which")


# ----------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class QuoteLexicon:
    """Quote marks, cue verbs and event words (see data/quotes.yaml)."""

    double_marks: tuple[tuple[str, str], ...]
    single_marks: tuple[tuple[str, str], ...]
    cue_verbs: frozenset[str]
    quoting_verbs: frozenset[str]
    indirect_verbs: frozenset[str]
    source_phrases: tuple[tuple[str, ...], ...]
    event_pattern: re.Pattern
    term_max_words: int
    small_words: frozenset[str]
    partial_max_words: int
    max_quote_chars: int


def load_quote_lexicon(path: Path | str | None = None) -> QuoteLexicon:
    """The quote lexicon: `path` if given, else the packaged data/quotes.yaml."""
    data = load_yaml("quotes.yaml", path)
    words = lambda key: frozenset(str(w).lower() for w in data.get(key) or ())
    preps = sorted((str(p) for p in data.get("event_preps") or ()), key=len, reverse=True)
    nouns = sorted((str(n) for n in data.get("event_nouns") or ()), key=len, reverse=True)
    alternatives = lambda items: "|".join(re.escape(i).replace(r"\ ", r"\s+") for i in items)
    pattern = re.compile(
        rf"\b(?:{alternatives(preps)})\s+(?:(?:the|a|an|their|his|her|its|this|that|[\w'’-]+'s|[\w-]+)\s+){{0,4}}?"
        rf"(?:{alternatives(nouns)})\b",
        re.IGNORECASE,
    )
    return QuoteLexicon(
        double_marks=tuple((str(a), str(b)) for a, b in data.get("double_marks") or ()),
        single_marks=tuple((str(a), str(b)) for a, b in data.get("single_marks") or ()),
        cue_verbs=words("cue_verbs"),
        quoting_verbs=words("quoting_verbs"),
        indirect_verbs=words("indirect_verbs"),
        source_phrases=tuple(tuple(str(w).lower() for w in p) for p in data.get("source_phrases") or ()),
        event_pattern=pattern,
        term_max_words=int(data.get("term_max_words", 3)),
        small_words=words("small_words"),
        partial_max_words=int(data.get("partial_max_words", 5)),
        max_quote_chars=int(data.get("max_quote_chars", 3000)),
    )


# ----------------------------------------------------------------------------- marks


@dataclass(frozen=True)
class Marked:
    """A span of text between quote marks: the marks' offsets and the trimmed inner text."""

    open: int  # offset of the opening mark
    close: int  # offset of the closing mark, or the paragraph end when left open
    start: int  # the inner text, whitespace trimmed
    end: int
    closed: bool


def _alnum(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isalnum()


def _space(text: str, i: int) -> bool:
    return i < 0 or i >= len(text) or text[i].isspace()


def _opens(text: str, i: int, width: int) -> bool:
    """A mark that reads as an opener: nothing glued before it, a word or mark after it."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-:;,/") and not after.isspace()


def _closes(text: str, i: int, width: int) -> bool:
    """A mark that reads as a closer: glued to the text before it, not to a word after it."""
    return not _space(text, i - 1) and not _alnum(text, i + width)


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Paragraph spans: a line break ends one after sentence punctuation or a blank line;
    elsewhere it is a hard wrap inside a paragraph."""
    spans, start = [], 0
    for match in re.finditer(r"\n", text):
        before = text[start : match.start()].rstrip(" \t")
        after = text[match.end() : match.end() + 1]
        if before and before[-1] not in ".!?:;”\"’'»)]" and after not in ("\n", "") and not after.isspace():
            continue  # a hard wrap
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip()]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pair_doubles(text: str, lo: int, hi: int, marks: Sequence[tuple[str, str]], limit: int) -> list[Marked]:
    """Double-quoted spans of one paragraph; an opener left open closes at the paragraph end."""
    openers = {a: b for a, b in marks}
    closers = {b for _, b in marks}
    found: list[Marked] = []
    current: tuple[int, str] | None = None  # (mark offset, the closer it waits for)
    for i in range(lo, hi):
        mark = text[i]
        if current is None:
            if mark in openers and (openers[mark] != mark or _opens(text, i, 1)):
                current = (i, openers[mark])
            elif mark in closers and _opens(text, i, 1) and _alnum(text, i + 1):
                current = (i, mark)  # a garbled opener: ”Hello”
            continue
        if mark == current[1] and (mark not in openers or openers[mark] == mark or _closes(text, i, 1)):
            found.append(_marked(text, current[0] + 1, i, current[0], i, True))
            current = None
        elif mark in openers and openers[mark] != mark and mark == text[current[0]]:
            if _closes(text, i, 1):  # a garbled closer: “Hello“
                found.append(_marked(text, current[0] + 1, i, current[0], i, True))
                current = None
            else:  # the last one never closed
                found.append(_marked(text, current[0] + 1, i, current[0], i, False))
                current = (i, openers[mark])
    if current is not None and hi - current[0] <= limit:
        found.append(_marked(text, current[0] + 1, hi, current[0], hi, False))
    return [m for m in found if m.end > m.start]


def _marked(text: str, start: int, end: int, open_at: int, close_at: int, closed: bool) -> Marked:
    start, end = _trimmed(text, start, end)
    while not closed and end > start and text[end - 1] in "”“\"'’»":  # a stray mark of another kind
        end -= 1
    return Marked(open_at, close_at, start, end, closed)


def _pair_singles(text: str, lo: int, hi: int, marks: Sequence[tuple[str, str]], limit: int) -> list[Marked]:
    """Single-quoted spans in a stretch of text: both marks must read as marks (an
    apostrophe inside a word never does), and an unclosed one is dropped."""
    openers = {a: b for a, b in marks}
    found, current = [], None
    for i in range(lo, hi):
        mark = text[i]
        if current is not None and mark == openers[text[current]] and _closes(text, i, 1):
            if i - current <= limit:
                found.append(_marked(text, current + 1, i, current, i, True))
            current = None
        elif current is None and mark in openers and _opens(text, i, 1) and _alnum(text, i + 1):
            current = i
    if current is not None and text[current + 1].isalpha() and hi - current <= limit:
        rest = text[current + 1 : hi].rstrip()
        if len(rest.split()) >= 8 and rest[-1:] in ".!?”\"":
            found.append(_marked(text, current + 1, hi, current, hi, False))  # never closed
    return [m for m in found if m.end > m.start]


def find_marked(text: str, lexicon: QuoteLexicon) -> list[Marked]:
    """Every quoted span of a text, in order: double marks first, then single marks outside them."""
    found: list[Marked] = []
    for lo, hi in _paragraphs(text):
        doubles = _pair_doubles(text, lo, hi, lexicon.double_marks, lexicon.max_quote_chars)
        found += doubles
        edges = [lo] + [x for m in doubles for x in (m.open, min(m.close + 1, hi))] + [hi]
        for a, b in zip(edges[::2], edges[1::2]):
            found += _pair_singles(text, a, b, lexicon.single_marks, 600)
    return sorted(found, key=lambda m: m.open)


# ----------------------------------------------------------------------------- speakers


@dataclass(frozen=True)
class _Speaker:
    actor: str | None
    start: int | None
    end: int | None
    cue: str | None
    addressee: str | None = None
    cue_token: int | None = None  # the cue verb's token index
    pronoun: bool = False  # named by a pronoun ("he said"): checked against the quotes before


def _is_country(actor: str | None) -> bool:
    return bool(actor) and re.fullmatch(r"[A-Z]{3}", actor) is not None


def _mention_at(mentions: Sequence[Mention], start: int, end: int) -> Mention | None:
    """The resolved actor mention covering a character span (the widest), else None."""
    covering = [m for m in mentions if m.value and m.start <= start and end <= m.end]
    return max(covering, key=lambda m: m.end - m.start, default=None)


def _mention_in(mentions: Sequence[Mention], token) -> Mention | None:
    """The resolved actor mention at a token, else the nearest one in its phrase, breadth
    first ("the full text of X's remarks to Y": X), never across "to"/"with"."""
    level = [token]
    parsed = token.doc.has_annotation("DEP")  # spaCy may crash walking children of an unparsed doc
    while level:
        for candidate in level:
            at = _mention_at(mentions, candidate.idx, candidate.idx + len(candidate))
            if at is not None:
                return at
        level = [c for t in level for c in t.children
                 if not (c.dep_ == "prep" and c.lower_ in ("to", "with", "than")) and c.dep_ not in ("relcl", "acl", "appos", "conj", "cc")
                 ] if parsed else []
    return None


def _same_name(mentions: Sequence[Mention], token) -> Mention | None:
    """A name NER or the resolver left bare here ("- Trump said", "Zelenskyy said"): the
    value the article's other mentions of that word (or a spelling of it) resolve to, when
    they agree."""
    if token.pos_ != "PROPN":
        return None
    values = {m.value for m in mentions if m.value and m.label == "PERSON"
              and any(fuzz.ratio(token.text, word) >= 88 for word in m.text.split())}
    if len(values) != 1:
        return None
    return Mention(token.idx, token.idx + len(token), token.text, "actor", values.pop(), "same-name", 0.6, "PERSON")


def _subject(verb, quoting: frozenset[str] = frozenset(), max_steps: int = 4):
    """The subject of a verb, inherited from the verbs it hangs on ("responded by saying",
    "was quoted as saying", "X, who replied that"); the object of a quoting verb ("quoted
    X as saying"); None when there is none."""
    for _ in range(max_steps):
        if verb.lemma_.lower() in quoting:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return verb.head
            return subject
        k = verb.i - 1
        while k > 0 and verb.i - k < 3 and (verb.doc[k].is_space or verb.doc[k].pos_ == "ADV"):
            k -= 1
        before = verb.doc[k] if k >= 0 and k != verb.i else None
        absolute = before is not None and before.dep_ == "pobj" and before.head.lower_ == "with"
        if before is not None and before.pos_ in ("PROPN", "PRON") and (absolute or before.dep_ not in ("pobj", "dobj", "poss")):
            return before  # a subject the parse lost: "with X asserting", "X called ... a"
        if verb.head is verb or verb.dep_ in ("acl", "relcl"):
            return None
        verb = verb.head
    return None


def _addressee(verb, mentions: Sequence[Mention]) -> str | None:
    """Whom a cue verb addresses: its object or indirect object ("told Merkel"), "to X",
    or the object of "addressing X" beside it."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and child.pos_ in ("PROPN", "PRON", "NOUN"):
            found = _mention_in(mentions, child)
            if found is not None:
                return found.value
        if child.dep_ in ("prep", "dative") and child.lower_ == "to":
            for obj in child.children:
                found = _mention_in(mentions, obj) if obj.dep_ == "pobj" else None
                if found is not None:
                    return found.value
        if child.dep_ == "advcl" and child.lemma_ == "address":
            for obj in child.children:
                found = _mention_in(mentions, obj) if obj.dep_ == "dobj" else None
                if found is not None:
                    return found.value
    return None


def _speaker_of(verb, mentions: Sequence[Mention], lexicon: QuoteLexicon, cue: str | None = None) -> _Speaker | None:
    """The speaker of a cue verb: the actor mention of its subject (its span alone when it
    resolves to no actor); None when the verb has no subject."""
    subject = _subject(verb, lexicon.quoting_verbs)
    if subject is None:
        return None
    cue = cue or verb.lemma_.lower()
    mention = _mention_in(mentions, subject) or _same_name(mentions, subject)
    if mention is None:
        return _Speaker(None, subject.idx, subject.idx + len(subject), cue, None, verb.i)
    addressee = _addressee(verb, mentions)
    return _Speaker(mention.value, mention.start, mention.end, cue, addressee if addressee != mention.value else None,
                    verb.i, mention.label == "PRON")


def _is_cue(token, lexicon: QuoteLexicon) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in lexicon.cue_verbs


def _same_paragraph(doc, a: int, b: int) -> bool:
    """No paragraph break between two offsets, or only after a colon ("X said:\n\n“...”")."""
    between = doc_text(doc)[min(a, b) : max(a, b)]
    return "\n" not in between or between.rstrip().endswith(":")


def _dependency_cues(doc, quote: Marked, lexicon: QuoteLexicon, max_steps: int = 6) -> list:
    """The cue verbs the quote's words hang on, in its paragraph: for the word whose chain
    meets a cue nearest the quote, every cue up that chain."""
    span = doc.char_span(quote.start, quote.end, alignment_mode="expand")
    if span is None:
        return []
    inside = lambda t: quote.open <= t.idx <= quote.close
    best: tuple[int, list] | None = None
    for token in span:
        if token.is_punct or token.is_space or (inside(token.head) and token.head is not token):
            continue
        head, steps, chain = token.head, 0, []
        while steps < max_steps:
            if not inside(head) and _is_cue(head, lexicon) and _same_paragraph(doc, head.idx, quote.open):
                chain.append(head)
            if head.head is head:
                break
            head, steps = head.head, steps + 1
        if chain:
            first = chain[0]
            distance = min(abs(first.idx - quote.open), abs(first.idx - quote.close))
            if best is None or distance < best[0]:
                best = (distance, chain)
    return best[1] if best else []


def _local_cue(doc, quote: Marked, marked: Sequence[Marked], lexicon: QuoteLexicon):
    """A cue verb beside the quote in its sentence and paragraph: after the closing mark
    (up to the next quote), else before the opening mark (back to the last quote)."""
    close_token = doc.char_span(quote.close, min(quote.close + 1, len(doc_text(doc))), alignment_mode="expand")
    open_token = doc.char_span(quote.open, min(quote.open + 1, len(doc_text(doc))), alignment_mode="expand")
    if close_token is not None and quote.closed:
        sentence = close_token[0].sent
        stop = min([m.open for m in marked if m.open > quote.close] + [sentence.end_char])
        for token in doc[close_token[-1].i + 1 : sentence.end]:
            if token.idx >= stop or "\n" in token.text:
                break
            if _is_cue(token, lexicon):
                return token
    if open_token is not None:
        sentence = open_token[0].sent
        stop = max([m.close for m in marked if m.close < quote.open] + [sentence.start_char - 1])
        for token in reversed(doc[sentence.start : open_token[0].i]):
            if token.idx <= stop or ("\n" in token.text and not _same_paragraph(doc, token.idx, quote.open)):
                break
            if _is_cue(token, lexicon):
                return token
        if doc_text(doc)[: quote.open].rstrip().endswith(":") and sentence.start > 0:
            for token in reversed(doc[sentence.start - 1].sent):
                if _is_cue(token, lexicon):
                    return token
    return None


def _source_phrase(doc, quote: Marked, lexicon: QuoteLexicon, mentions: Sequence[Mention]) -> _Speaker | None:
    """"according to X" in the quote's sentence, outside the quote: X."""
    span = doc.char_span(quote.open, min(quote.open + 1, len(doc_text(doc))), alignment_mode="expand")
    if span is None:
        return None
    sentence = span[0].sent
    words = [t.lower_ for t in sentence]
    for phrase in lexicon.source_phrases:
        for k in range(len(words) - len(phrase) + 1):
            token = sentence[k]
            if tuple(words[k : k + len(phrase)]) != phrase or quote.open <= token.idx <= quote.close:
                continue
            for t in sentence[k + len(phrase) : k + len(phrase) + 6]:
                found = _mention_at(mentions, t.idx, t.idx + len(t))
                if found is not None and not _is_country(found.value):
                    return _Speaker(found.value, found.start, found.end, " ".join(phrase))
    return None


def _attribute(doc, quote: Marked, marked: Sequence[Marked], mentions: Sequence[Mention], lexicon: QuoteLexicon) -> _Speaker | None:
    """The speaker of a marked quote: the subject of a cue its words depend on, else of a
    cue beside it, else "according to X". A country is kept only when no person is
    found; a subject that resolves to no actor stops the search (an unknown speaker)."""
    weaker = None
    local = _local_cue(doc, quote, marked, lexicon)
    for cue in [*_dependency_cues(doc, quote, lexicon), *([local] if local is not None else [])]:
        speaker = _speaker_of(cue, mentions, lexicon)
        if speaker is None:
            continue
        unknown_name = speaker.actor is None and doc.char_span(speaker.start, speaker.end, alignment_mode="expand")[0].pos_ == "PROPN"
        if unknown_name or (speaker.actor is not None and not _is_country(speaker.actor)):
            return speaker
        weaker = weaker if weaker is not None and weaker.actor else speaker
    return _source_phrase(doc, quote, lexicon, mentions) or _adjacent_name(doc, quote, mentions) or weaker


def _adjacent_name(doc, quote: Marked, mentions: Sequence[Mention]) -> _Speaker | None:
    """A person named right after the closing mark, with no verb: "“...,” X during a ..."."""
    if not quote.closed or not doc_text(doc)[quote.start : quote.end].endswith(","):
        return None
    match = re.match(r"[ \t]*", doc_text(doc)[quote.close + 1 :])
    at = quote.close + 1 + (match.end() if match else 0)
    mention = next((m for m in mentions if m.value and m.start == at and m.label in ("PERSON", "ROLE")), None)
    return _Speaker(mention.value, mention.start, mention.end, None) if mention is not None else None


def _sentence_of(doc, offset: int):
    span = doc.char_span(offset, min(offset + 1, len(doc_text(doc))), alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def _earlier_subject(doc, quote: Marked, mentions: Sequence[Mention], quoted: Sequence[tuple[int, int]], back: int = 3) -> _Speaker | None:
    """The person subject of a sentence before the quote's (up to `back` sentences, skipping
    quoted ones): "Merkel welcomed her guest. “...”"."""
    sentence = _sentence_of(doc, quote.open)
    for _ in range(back):
        if sentence is None or sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
        root = sentence.root
        if any(lo <= root.idx < hi for lo, hi in quoted):
            continue
        for verb in [root] + [c for c in root.children if c.dep_ == "conj"]:
            subject = _subject(verb, max_steps=1)
            mention = _mention_in(mentions, subject) if subject is not None else None
            if mention is not None and mention.label in ("PERSON", "ROLE") and not _is_country(mention.value):
                return _Speaker(mention.value, mention.start, mention.end, None)
    return None


# ----------------------------------------------------------------------------- quotes


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
    sentences = [s for s in (_sentence_of(doc, quote.open), _sentence_of(doc, cue_offset) if cue_offset is not None else None) if s is not None]
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
    last: tuple[_Speaker, int] | None = None  # the last speaker and where its quote's sentence ends
    for quote in marked:
        text = doc_text(doc)[quote.start : quote.end]
        speaker = _attribute(doc, quote, marked, mentions, lexicon)
        follows = last is not None and _follows(doc, last[1], quote)
        if speaker is None or (speaker.pronoun and speaker.actor != (last[0].actor if last else None)):
            earlier = last[0] if follows else _earlier_subject(doc, quote, mentions, quoted)
            if earlier is not None:
                keep = speaker if speaker is not None else earlier
                speaker = _Speaker(earlier.actor, keep.start, keep.end, keep.cue, keep.addressee, keep.cue_token)
        cue_offset = doc[speaker.cue_token].idx if speaker is not None and speaker.cue_token is not None else None
        if speaker is not None and speaker.actor is not None:
            sentence = _sentence_of(doc, max(quote.end - 1, quote.start))
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
    sentence = _sentence_of(doc, quote.open)
    if sentence is not None and sentence.start_char <= last_end and quote.open >= last_end - 1:
        return True
    return not re.search(r"\w", doc_text(doc)[last_end : quote.open])


# ----------------------------------------------------------------------------- indirect


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
        speaker = _speaker_of(token, mentions, lexicon)
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
            source = next((_mention_in(mentions, t) for t in sentence[k + len(phrase) : k + len(phrase) + 6]
                           if _mention_in(mentions, t) is not None), None)
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
