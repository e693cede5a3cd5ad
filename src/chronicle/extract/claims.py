"""Claims an article makes about the record: "This is the 13th meeting between the two
leaders since September 2015", "I have counted 11 meetings between us since September
2016", "they have met five times".

`find_claims(doc, actor_mentions, times, quotes, lexicon, published)` is a pure function of
one parsed article: the claim patterns (data/claims.yaml) are run over each sentence; each
match gives a count (an ordinal or a cardinal), the kind of event counted (from its noun),
the pair it is about (the persons the claim names; "us" in a quote: the speaker and the
addressee; "the two leaders": the last two persons named), the period ("since ..." from
the resolved time expressions, up to the publication date) and the speaker when quoted.
`chronicle claims` (query.list_claims) sets each claim beside the store's record.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from chronicle.data import alternation, code_set, load_yaml
from chronicle.model import STATED_PRECISIONS, Claim, Mention, Quote
from chronicle.nlp import doc_text

_COUNTRY = re.compile(r"[A-Z]{3}")
_PERSON_LABELS = ("PERSON", "ROLE", "PRON")
_TRIM = " \t\n\"'“”‘’«»„,;:"


# ----------------------------------------------------------------------------- lexicon


@dataclass(frozen=True)
class ClaimPattern:
    name: str
    form: str  # ordinal | cardinal
    regex: re.Pattern
    needs: re.Pattern | None  # a cue that must follow the match in its sentence


@dataclass(frozen=True)
class ClaimLexicon:
    """Number words, counted nouns, pair words and claim patterns (see data/claims.yaml)."""

    ordinals: Mapping[str, int]
    cardinals: Mapping[str, int]
    adverbs: Mapping[str, int]
    nouns: Mapping[str, str]  # noun -> PLOVER type
    uncounted_modes: Mapping[str, frozenset[str]]  # type -> modes a count leaves out (PHONE)
    plural_referents: re.Pattern
    we: re.Pattern
    since: re.Pattern
    periods: re.Pattern
    patterns: tuple[ClaimPattern, ...]
    digits: re.Pattern  # a number in digits, with an ordinal suffix or none: "13th", "11"
    times: re.Pattern  # the word after a count: "five times"
    needs_within: int = 30


def _words_regex(words) -> re.Pattern:
    return re.compile(rf"\b(?:{alternation(words)})\b", re.IGNORECASE)


def load_claim_lexicon(path: Path | str | None = None) -> ClaimLexicon:
    """The claim lexicon: `path` if given, else the packaged data/claims.yaml."""
    data = load_yaml("claims.yaml", path)
    numbers = lambda key: {str(k).lower(): int(v) for k, v in (data.get(key) or {}).items()}
    ordinals, cardinals, adverbs = numbers("ordinals"), numbers("cardinals"), numbers("adverbs")
    nouns = {str(k).lower(): str(v).upper() for k, v in (data.get("nouns") or {}).items()}
    suffixes = alternation(str(w).lower() for w in data.get("ordinal_suffixes") or ())
    fill = {
        "ordinal": rf"\d{{1,3}}(?:{suffixes})|{alternation(ordinals)}",
        "cardinal": rf"\d{{1,3}}|{alternation(cardinals)}",
        "adverb": alternation(adverbs),
        "noun": alternation(nouns),
        "modifier": alternation(data.get("modifiers") or ()),
    }
    patterns = []
    for entry in data.get("patterns") or ():
        needs = entry.get("needs") or ()
        patterns.append(
            ClaimPattern(
                name=str(entry["name"]),
                form=str(entry.get("form", "ordinal")),
                regex=re.compile(str(entry["pattern"]).format(**fill), re.IGNORECASE),
                needs=_words_regex(needs) if needs else None,
            )
        )
    return ClaimLexicon(
        ordinals=ordinals,
        cardinals=cardinals,
        adverbs=adverbs,
        nouns=nouns,
        uncounted_modes={
            str(k).upper(): code_set(v)
            for k, v in (data.get("uncounted_modes") or {}).items()
        },
        plural_referents=_words_regex(data.get("plural_referents") or ()),
        we=_words_regex(data.get("we") or ()),
        since=_words_regex(data.get("since") or ()),
        periods=_words_regex(data.get("periods") or ()),
        patterns=tuple(patterns),
        digits=re.compile(rf"(\d+)(?:{suffixes})?"),
        times=re.compile(rf"\s+(?:{alternation(str(w).lower() for w in data.get('times') or ())})$"),
        needs_within=int(data.get("needs_within", 30)),
    )


def number_of(text: str, lexicon: ClaimLexicon) -> int | None:
    """13th, thirteenth, 11, eleven, five times, twice -> the number; None if unknown."""
    word = re.sub(r"\s+", " ", text.strip().lower())
    word = lexicon.times.sub("", word)
    digits = lexicon.digits.fullmatch(word)
    if digits:
        return int(digits.group(1))
    for table in (lexicon.ordinals, lexicon.cardinals, lexicon.adverbs):
        if word in table:
            return table[word]
    return None


# ----------------------------------------------------------------------------- finding


def _is_person(mention: Mention) -> bool:
    value = mention.value
    return bool(
        value
        and mention.kind == "actor"
        and mention.label in _PERSON_LABELS
        and not _COUNTRY.fullmatch(value)
        and not value.startswith(("corpus:organization", "group:"))
    )


def _quote_at(quotes: Sequence[Quote], start: int, end: int) -> Quote | None:
    """The direct or partial quote whose words contain the span."""
    for quote in quotes:
        if quote.kind != "indirect" and quote.start <= start and end <= quote.end:
            return quote
    return None


def _since(text: str, lo: int, hi: int, times, lexicon: ClaimLexicon):
    """(found "since", its time value or None) for the first "since" in text[lo:hi]."""
    word = lexicon.since.search(text, lo, hi)
    if word is None:  # "their third summit this year": the period is the year so far
        for expression, value in times:
            if lo <= expression.start < hi and value.value and lexicon.periods.fullmatch(expression.text.strip()):
                return False, value
        return False, None
    for expression, value in times:
        if word.start() - 1 <= expression.start <= word.end() + 2 and value.value:
            return True, value
    return True, None


def _pair(text, lo, hi, match_start, quote, persons, sentence_starts, lexicon) -> tuple[str, ...]:
    """The two actors a claim is about, in order of the evidence (see the module doc)."""
    chosen: list[str] = []

    def add(*ids) -> None:
        for actor in ids:
            if actor and actor not in chosen and len(chosen) < 2:
                chosen.append(actor)

    region = text[match_start:hi]
    if quote is not None and lexicon.we.search(region):
        add(quote.speaker, quote.addressee)
    we_words = lambda m: lexicon.we.fullmatch(m.text.strip())
    add(*(m.value for m in persons if match_start <= m.start < hi and not we_words(m)))
    if lexicon.plural_referents.search(region):
        earliest = sentence_starts[max(0, _sentence_index(sentence_starts, lo) - 2)]
        before = [m.value for m in reversed(persons) if earliest <= m.start and m.end <= match_start and not we_words(m)]
        if len(dict.fromkeys(before)) >= 2:
            add(*before)
    add(*(m.value for m in reversed(persons) if lo <= m.start and m.end <= match_start and not we_words(m)))
    if quote is not None:
        add(quote.speaker, quote.addressee)
    return tuple(chosen)


def _sentence_index(starts: Sequence[int], offset: int) -> int:
    index = 0
    for i, start in enumerate(starts):
        if start <= offset:
            index = i
    return index


def find_claims(
    doc,
    actor_mentions: Sequence[Mention],
    times,
    quotes: Sequence[Quote],
    lexicon: ClaimLexicon,
    published: dt.date | None,
) -> list[Claim]:
    """The claims about the record one parsed article makes (clean-text offsets).

    `times` are `resolve_times`' (TimeExpression, TimeValue) pairs, `quotes` the article's
    quotes (for the speaker, and the pair "us"), `published` the claim's date.
    """
    text = doc_text(doc)
    sentences = [(sent.start_char, sent.end_char) for sent in doc.sents]
    starts = [start for start, _ in sentences]
    persons = sorted((m for m in actor_mentions if _is_person(m)), key=lambda m: m.start)
    claims: list[Claim] = []
    for lo, hi in sentences:
        taken: list[tuple[int, int]] = []
        for pattern in lexicon.patterns:
            for match in pattern.regex.finditer(text, lo, hi):
                if any(match.start() < end and start < match.end() for start, end in taken):
                    continue
                claim = _claim(text, lo, hi, match, pattern, times, quotes, persons, starts, lexicon, published)
                if claim is not None:
                    taken.append((match.start(), match.end()))
                    claims.append(claim)
    return sorted(claims, key=lambda c: (c.start, c.end))


def _claim(text, lo, hi, match, pattern, times, quotes, persons, starts, lexicon, published) -> Claim | None:
    count = number_of(match.group("number"), lexicon)
    noun = (match.group("noun") or "").lower() if "noun" in match.re.groupindex else ""
    kind = lexicon.nouns.get(noun)
    if count is None or kind is None:
        return None
    if pattern.needs is not None and not pattern.needs.search(text, match.end(), min(hi, match.end() + lexicon.needs_within)):
        return None
    quote = _quote_at(quotes, match.start(), match.end())
    start, end = (max(lo, quote.start), min(hi, quote.end)) if quote is not None else (lo, hi)
    while start < end and text[start] in _TRIM:
        start += 1
    while end > start and text[end - 1] in _TRIM:
        end -= 1
    has_since, since = _since(text, match.end(), end, times, lexicon)
    if has_since and since is None:
        return None  # "the first meeting since the downing of the plane": not a date to count from
    if since is not None and since.precision not in STATED_PRECISIONS:
        return None
    return Claim(
        start=start,
        end=end,
        text=text[start:end],
        count=count,
        kind=kind,
        actors=_pair(text, lo, end, match.start(), quote, persons, starts, lexicon),
        since=since.value if since is not None else None,
        since_precision=since.precision if since is not None else None,
        until=published.isoformat() if published else None,
        speaker=quote.speaker if quote is not None else None,
        form=pattern.form,
        noun=noun,
        pattern=pattern.name,
    )
