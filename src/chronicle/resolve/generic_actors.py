"""Generic actors ("police", "the government", "rebels", "protesters") as country + sector.

PLOVER codes an actor that names no one by its country and sector (UGAPOL, NGAREB,
KENCVL). The sector is the noun's, from `data/sectors.yaml`; the country, in this order:

1. written in the phrase: a demonym or country ("Kenyan police", "Uganda's army");
2. an earlier mention of the same noun with its country ("Ugandan police ... police");
3. the one country its sentence names ("In Uganda, police arrested ...");
4. the article's dateline country ("KAMPALA (Reuters) -");
5. the country the article names most often (actors and places, the opening weighing more).

Each answer says which step gave it (`evidence`). Pure functions of one article.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..data import load_yaml
from ..model import Mention, Place
from .datelines import is_dateline

OPENING_CHARS = 600  # the title and first sentences: what the article is about


@dataclass(frozen=True)
class Sectors:
    """Group noun lemma -> sector, the sectors that act for their state, and the plural
    endings a noun may be listed under in the singular."""

    of_noun: Mapping[str, str]
    state: frozenset[str]
    plurals: tuple[tuple[str, str], ...] = ()  # (plural ending, singular ending), tried in order

    def sector(self, lemma: str) -> str | None:
        noun = self.noun(lemma)
        return self.of_noun[noun] if noun else None

    def noun(self, word: str) -> str | None:
        """The listed noun a word is, or is a plural of: the parser leaves a capitalized
        plural unlemmatized ("Gunmen kidnapped ...", "Rebels said ...")."""
        word = word.lower()
        return next((form for form in (word, *self.singulars(word)) if form in self.of_noun), None)

    def singulars(self, word: str) -> tuple[str, ...]:
        """Singular candidates of a plural, by the data's endings: gunmen -> gunman,
        militias -> militia, ..."""
        return tuple(word[: -len(plural)] + singular for plural, singular in self.plurals if word.endswith(plural))


def load_sectors(path: Path | str | None = None) -> Sectors:
    """Read `data/sectors.yaml` (or a user file of the same shape)."""
    data = load_yaml("sectors.yaml", path)
    of_noun, state = {}, set()
    for code, entry in (data.get("sectors") or {}).items():
        for noun in entry.get("nouns") or ():
            of_noun[str(noun).lower()] = code
        if entry.get("state"):
            state.add(code)
    plurals = tuple((str(p).lower(), str(s or "").lower()) for p, s in data.get("plural_endings") or () if p)
    return Sectors(of_noun, frozenset(state), plurals)


@functools.cache
def packaged_sectors() -> Sectors:
    """The packaged `data/sectors.yaml`, read once (immutable): for fusion and the exports,
    which run without the per-article resources; the steps of an article read the
    `EventLexicon`'s (`lexicon.sectors`, a user's lexicon included)."""
    return load_sectors()


@dataclass(frozen=True)
class ArticleCountry:
    """The countries an article is about: its dateline's and the one it names most."""

    dateline: str | None = None
    dominant: str | None = None


@dataclass(frozen=True)
class GenericActor:
    """A generic actor resolved: ISO3 country (or None), sector, and how the country was found."""

    country: str | None
    sector: str | None
    evidence: str  # written | earlier | dateline | article | none


def article_country(text: str, actor_mentions: Sequence[Mention], place_mentions: Sequence[Mention],
                    places: Mapping[str, Place], countries: Mapping[str, object]) -> ArticleCountry:
    """The dateline's country and the country named most often (a country actor, a
    demonym, or a place in it; a mention in the opening counts twice; ties go to the first)."""
    dateline = None
    counts: Counter[str] = Counter()
    first: dict[str, int] = {}
    for mention in place_mentions:
        place = places.get(mention.value or "")
        if place is None or not place.country:
            continue
        if dateline is None and mention.start < 400 and is_dateline(text, mention.start, mention.end):
            dateline = place.country
        _count(counts, first, place.country, mention.start)
    for mention in actor_mentions:
        if mention.value in countries:
            _count(counts, first, mention.value, mention.start)
    dominant = max(counts, key=lambda c: (counts[c], -first[c])) if counts else None
    return ArticleCountry(dateline, dominant)


def _count(counts: Counter, first: dict[str, int], country: str, start: int) -> None:
    counts[country] += 2 if start < OPENING_CHARS else 1
    first.setdefault(country, start)


def resolve_generic(lemma: str, written: str | None, earlier: Callable[[], str | None],
                    article: ArticleCountry, sectors: Sectors,
                    sentence: Callable[[], str | None] = lambda: None) -> GenericActor:
    """The country and sector of a generic actor noun (the module's cascade). `earlier`
    and `sentence` (the one country its sentence names) are called only when needed."""
    sector = sectors.sector(lemma)
    if written:
        return GenericActor(written, sector, "written")
    if sector is None:
        return GenericActor(None, None, "none")
    for evidence, find in (("earlier", earlier), ("sentence", sentence)):
        country = find()
        if country:
            return GenericActor(country, sector, evidence)
    if article.dateline:
        return GenericActor(article.dateline, sector, "dateline")
    if article.dominant:
        return GenericActor(article.dominant, sector, "article")
    return GenericActor(None, sector, "none")


def display_name(text: str, country_name: str | None) -> str:
    """The words as written, with the resolved country: "police (Uganda)"."""
    if not country_name or set(re.findall(r"\w+", country_name.lower())) <= set(re.findall(r"\w+", text.lower())):
        return text
    return f"{text} ({country_name})"


def group_id(country: str | None, lemma: str) -> str:
    """The id of a generic actor: `group:<iso3>:<noun>` (`x` for an unknown country)."""
    return f"group:{(country or 'x').lower()}:{lemma}"


def sector_of_id(actor_id: str, sectors: Sectors | None = None) -> str | None:
    """The sector a generic actor id stands for ("group:uga:police" -> POL), for exports."""
    sectors = sectors or packaged_sectors()
    parts = actor_id.split(":")
    return sectors.sector(parts[2]) if len(parts) == 3 and parts[0] == "group" else None


def state_of(actor_id: str, sectors: Sectors | None = None) -> str | None:
    """The country a generic state organ acts for ("group:uga:police" -> UGA: police,
    troops, the government are the state in PLOVER); None for anyone else. Fusion joins
    reports that name the state by different organs."""
    sectors = sectors or packaged_sectors()
    parts = actor_id.split(":")
    if len(parts) != 3 or parts[0] != "group" or parts[1] == "x":
        return None
    return parts[1].upper() if sectors.sector(parts[2]) in sectors.state else None


def untagged_demonym(noun, demonyms: Mapping[str, str], key: Callable[[str], str], tagged: Callable[[int], bool]):
    """The capitalized adjective or compound before a group noun that the KB lists as a
    demonym and the tagger left untagged ("Togolese troops"), or None: the phrase then
    writes its country."""
    return next((child for child in noun.children if child.dep_ in ("amod", "compound") and child.i < noun.i
                 and child.text[:1].isupper() and not tagged(child.i) and key(child.text) in demonyms), None)


def seated_in(noun, capital_of: Callable[[object], str | None], inside_preps: frozenset[str]) -> str | None:
    """The country whose seat of government an "in" phrase under a state organ's noun names
    ("the government in <capital>", "officials in <capital>"), else None: the phrase then
    writes its country; any other city writes none (`capital_of` gives None)."""
    after = noun.doc[noun.i + 1] if noun.i + 1 < len(noun.doc) else None  # the parser often hangs it on the verb
    preps = [c for c in noun.children if c.dep_ == "prep"] + ([after] if after is not None and after.dep_ == "prep" else [])
    return next((country for prep in preps if prep.lower_ in inside_preps
                 for word in prep.children if word.dep_ == "pobj" and (country := capital_of(word))), None)
