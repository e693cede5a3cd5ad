"""Who said a quote: the subject of the speech verb its words depend on, else of a cue verb
beside it, else "according to X", else a person named right after it; and whom the cue
verb addresses. Read from the parse and the article's resolved actor mentions; the small
words that steer the search (relative pronouns, prepositions) are data: `data/quotes.yaml`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from chronicle.model import Mention
from chronicle.nlp import doc_text

from .quote_lexicon import QuoteLexicon
from .quote_marks import Marked

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")


@dataclass(frozen=True)
class Speaker:
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


def mention_in(mentions: Sequence[Mention], token, lexicon: QuoteLexicon) -> Mention | None:
    """The resolved actor mention at a token, else the nearest one in its phrase, breadth
    first ("the full text of X's remarks to Y": X), never across a preposition of
    `lexicon.phrase_stops` ("to", "with")."""
    level = [token]
    parsed = token.doc.has_annotation("DEP")  # spaCy may crash walking children of an unparsed doc
    while level:
        for candidate in level:
            at = _mention_at(mentions, candidate.idx, candidate.idx + len(candidate))
            if at is not None:
                return at
        level = [c for t in level for c in t.children
                 if not (c.dep_ == "prep" and c.lower_ in lexicon.phrase_stops) and c.dep_ not in ("relcl", "acl", "appos", "conj", "cc")
                 ] if parsed else []
    return None


def _same_name(mentions: Sequence[Mention], token) -> Mention | None:
    """A name NER or the resolver left bare here ("- Smith said", "Okafor said"): the
    value the article's other mentions of that word (or a spelling of it) resolve to, when
    they agree."""
    if token.pos_ != "PROPN":
        return None
    values = {m.value for m in mentions if m.value and m.label == "PERSON"
              and any(fuzz.ratio(token.text, word) >= 88 for word in m.text.split())}
    if len(values) != 1:
        return None
    return Mention(token.idx, token.idx + len(token), token.text, "actor", values.pop(), "same-name", 0.6, "PERSON")


def _subject(verb, lexicon: QuoteLexicon, max_steps: int = 4, quoting: bool = True):
    """The subject of a verb, inherited from the verbs it hangs on ("responded by saying",
    "was quoted as saying", "X, who replied that"); with `quoting`, the object of a quoting
    verb ("quoted X as saying"); None when there is none."""
    for _ in range(max_steps):
        if quoting and verb.lemma_.lower() in lexicon.quoting_verbs:
            objects = [c for c in verb.children if c.dep_ == "dobj"]
            if objects:
                return objects[0]
        subjects = [c for c in verb.children if c.dep_ in _SUBJECTS]
        if subjects:
            subject = subjects[0]
            if subject.lower_ in lexicon.relative_pronouns and verb.dep_ == "relcl":
                return verb.head
            return subject
        k = verb.i - 1
        while k > 0 and verb.i - k < 3 and (verb.doc[k].is_space or verb.doc[k].pos_ == "ADV"):
            k -= 1
        before = verb.doc[k] if k >= 0 and k != verb.i else None
        absolute = before is not None and before.dep_ == "pobj" and before.head.lower_ in lexicon.absolute_preps
        if before is not None and before.pos_ in ("PROPN", "PRON") and (absolute or before.dep_ not in ("pobj", "dobj", "poss")):
            return before  # a subject the parse lost: "with X asserting", "X called ... a"
        if verb.head is verb or verb.dep_ in ("acl", "relcl"):
            return None
        verb = verb.head
    return None


def _addressee(verb, mentions: Sequence[Mention], lexicon: QuoteLexicon) -> str | None:
    """Whom a cue verb addresses: its object or indirect object ("told Merkel"), "to X",
    or the object of "addressing X" beside it."""
    for child in verb.children:
        if child.dep_ in ("dobj", "dative", "iobj") and child.pos_ in ("PROPN", "PRON", "NOUN"):
            found = mention_in(mentions, child, lexicon)
            if found is not None:
                return found.value
        if child.dep_ in ("prep", "dative") and child.lower_ in lexicon.addressee_preps:
            for obj in child.children:
                found = mention_in(mentions, obj, lexicon) if obj.dep_ == "pobj" else None
                if found is not None:
                    return found.value
        if child.dep_ == "advcl" and child.lemma_ in lexicon.addressing_verbs:
            for obj in child.children:
                found = mention_in(mentions, obj, lexicon) if obj.dep_ == "dobj" else None
                if found is not None:
                    return found.value
    return None


def speaker_of(verb, mentions: Sequence[Mention], lexicon: QuoteLexicon, cue: str | None = None) -> Speaker | None:
    """The speaker of a cue verb: the actor mention of its subject (its span alone when it
    resolves to no actor); None when the verb has no subject."""
    subject = _subject(verb, lexicon)
    if subject is None:
        return None
    cue = cue or verb.lemma_.lower()
    mention = mention_in(mentions, subject, lexicon) or _same_name(mentions, subject)
    if mention is None:
        return Speaker(None, subject.idx, subject.idx + len(subject), cue, None, verb.i)
    addressee = _addressee(verb, mentions, lexicon)
    return Speaker(mention.value, mention.start, mention.end, cue, addressee if addressee != mention.value else None,
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


def _source_phrase(doc, quote: Marked, lexicon: QuoteLexicon, mentions: Sequence[Mention]) -> Speaker | None:
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
                    return Speaker(found.value, found.start, found.end, " ".join(phrase))
    return None


def attribute(doc, quote: Marked, marked: Sequence[Marked], mentions: Sequence[Mention], lexicon: QuoteLexicon) -> Speaker | None:
    """The speaker of a marked quote: the subject of a cue its words depend on, else of a
    cue beside it, else "according to X". A country is kept only when no person is
    found; a subject that resolves to no actor stops the search (an unknown speaker)."""
    weaker = None
    local = _local_cue(doc, quote, marked, lexicon)
    for cue in [*_dependency_cues(doc, quote, lexicon), *([local] if local is not None else [])]:
        speaker = speaker_of(cue, mentions, lexicon)
        if speaker is None:
            continue
        unknown_name = speaker.actor is None and doc.char_span(speaker.start, speaker.end, alignment_mode="expand")[0].pos_ == "PROPN"
        if unknown_name or (speaker.actor is not None and not _is_country(speaker.actor)):
            return speaker
        weaker = weaker if weaker is not None and weaker.actor else speaker
    return _source_phrase(doc, quote, lexicon, mentions) or _adjacent_name(doc, quote, mentions) or weaker


def _adjacent_name(doc, quote: Marked, mentions: Sequence[Mention]) -> Speaker | None:
    """A person named right after the closing mark, with no verb: "“...,” X during a ..."."""
    if not quote.closed or not doc_text(doc)[quote.start : quote.end].endswith(","):
        return None
    match = re.match(r"[ \t]*", doc_text(doc)[quote.close + 1 :])
    at = quote.close + 1 + (match.end() if match else 0)
    mention = next((m for m in mentions if m.value and m.start == at and m.label in ("PERSON", "ROLE")), None)
    return Speaker(mention.value, mention.start, mention.end, None) if mention is not None else None


def sentence_of(doc, offset: int):
    span = doc.char_span(offset, min(offset + 1, len(doc_text(doc))), alignment_mode="expand")
    return span[0].sent if span is not None and len(span) else None


def earlier_subject(doc, quote: Marked, mentions: Sequence[Mention], quoted: Sequence[tuple[int, int]],
                    lexicon: QuoteLexicon, back: int = 3) -> Speaker | None:
    """The person subject of a sentence before the quote's (up to `back` sentences, skipping
    quoted ones): "Merkel welcomed her guest. “...”"."""
    sentence = sentence_of(doc, quote.open)
    for _ in range(back):
        if sentence is None or sentence.start == 0:
            return None
        sentence = doc[sentence.start - 1].sent
        root = sentence.root
        if any(lo <= root.idx < hi for lo, hi in quoted):
            continue
        for verb in [root] + [c for c in root.children if c.dep_ == "conj"]:
            subject = _subject(verb, lexicon, max_steps=1, quoting=False)
            mention = mention_in(mentions, subject, lexicon) if subject is not None else None
            if mention is not None and mention.label in ("PERSON", "ROLE") and not _is_country(mention.value):
                return Speaker(mention.value, mention.start, mention.end, None)
    return None
