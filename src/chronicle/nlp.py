"""spaCy: loading the trained pipeline once, sentence boundaries that respect lines, batching."""

from __future__ import annotations

import copy as pycopy
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from .spacy_import import entry_points_by_group, spacy  # first: spaCy without its own command line (issue 16)
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.lookups import Lookups, Table
from spacy.matcher import Matcher
from spacy.strings import hash_string
from spacy.pipeline.attributeruler import set_token_attrs  # spaCy's own writer of a rule's attributes
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from .errors import UsageError
from .model import Span

LINE_BREAKS = "chronicle_line_breaks"
MEMO_LEMMAS = "chronicle_lemmatizer"
MEMO_RULES = "chronicle_attribute_ruler"
RULED = [TAG, POS, MORPH, LEMMA]  # what attribute-ruler rules may write, besides DEP
EMPTY_TOKENIZER = "chronicle.EmptyTokenizer.v1"
# the [nlp] section of a pipeline whose tokenizer is spaCy's plain one
PLAIN_TOKENIZER = re.compile(r'^\[nlp\]$(?:\n(?!\[).*)*?\ntokenizer\s*=\s*\{\s*"@tokenizers"\s*:\s*"spacy\.Tokenizer\.v1"\s*\}\s*$', re.M)
MEMO_LIMIT = 500_000  # entries a memo keeps before starting afresh (memory stays bounded on long runs)


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
        self.lemmatizer = _with_word_sets(lemmatizer)
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
                    if len(self.memo) >= MEMO_LIMIT:
                        self.memo.clear()
                    found = self.memo[key] = doc.vocab.strings.add(self.lemmatizer.lemmatize(doc[i])[0])
                lemmas[i] = found
        doc.from_array([LEMMA], lemmas)
        return doc


def _with_word_sets(lemmatizer):
    """A copy of spaCy's rule lemmatizer whose known words per part of speech (its
    `lemma_index` table, lists of up to 57,000 words that each candidate lemma is looked up
    in, word by word) are sets: the same answers, without a scan per candidate (the 7,339
    distinct words of 60 news articles: 0.74 -> 0.05 s of CPU). The pipeline's own lemmatizer and its tables are left as they are; any other
    lemmatizer (not in rule mode, or without that table) is returned unchanged."""
    lookups = getattr(lemmatizer, "lookups", None)
    if getattr(lemmatizer, "mode", None) != "rule" or lookups is None or not lookups.has_table("lemma_index"):
        return lemmatizer
    sets = Lookups()
    for name in lookups.tables:
        table = lookups.get_table(name)
        if name == "lemma_index":
            table = Table.from_dict({pos: frozenset(words) for pos, words in table.items()}, name=name)
        sets.set_table(name, table)
    copy = pycopy.copy(lemmatizer)
    copy.lookups, copy.cache = sets, {}
    copy.lemmatize = copy.rule_lemmatize  # (the original's is bound to the original)
    return copy


@Language.factory(MEMO_LEMMAS, assigns=["token.lemma"], requires=["token.pos"])
def make_memo_lemmatizer(nlp: Language, name: str) -> MemoLemmatizer:
    """Stands in for the pipeline's rule lemmatizer (which stays loaded, disabled)."""
    return MemoLemmatizer(nlp.get_pipe("lemmatizer"))


class MemoAttributeRuler:
    """spaCy's attribute ruler with its one-token rules applied once per distinct token
    state of a process. A one-token rule reads only its token (word, tag, dependency,
    whether it is space), so every token in the same state (those, plus the POS,
    morphology and lemma it arrives with) ends in the same state; rules spanning several
    tokens are matched on the whole doc, as spaCy does, and their tokens are ruled one
    by one. Rules apply in the ruler's order (later ones win), as in spaCy."""

    def __init__(self, ruler):
        self.ruler = ruler
        self.single = Matcher(ruler.vocab)
        self.multi = Matcher(ruler.vocab)
        for number in range(len(ruler.attrs)):
            key = ruler.vocab.strings[str(number)]
            _, patterns = ruler.matcher.get(key)
            one_token = all(len(p) == 1 for p in patterns) and ruler.indices[number] in (0, -1)
            (self.single if one_token else self.multi).add(key, patterns)
        self.memo: dict[tuple, tuple] = {}  # token state -> (TAG, POS, MORPH, LEMMA, DEP) after the rules

    def _rule(self, doc: Doc, i: int, extra: list[int]) -> tuple:
        """Apply the rules matching token i (its one-token rules, plus the numbers in
        `extra` from rules over several tokens) in order; return its new state."""
        numbers = sorted(extra + [int(self.ruler.vocab.strings[m]) for m, _, _ in self.single(doc[i : i + 1])])
        token = doc[i]
        for number in numbers:
            set_token_attrs(token, self.ruler.attrs[number])
        return (token.tag, token.pos, token.morph.key, token.lemma, token.dep)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        spanning: dict[int, list[int]] = {}
        for match, start, end in self.multi(doc, allow_missing=True):
            number = int(self.ruler.vocab.strings[match])
            index = self.ruler.indices[number]
            spanning.setdefault(start + index if index >= 0 else end + index, []).append(number)
        rows = doc.to_array([LOWER, TAG, DEP, IS_SPACE, POS, MORPH, LEMMA]).tolist()
        ruled = doc.to_array(RULED)
        for i, state in enumerate(rows):
            key = tuple(state)
            if i in spanning:
                after = self._rule(doc, i, spanning[i])
            else:
                after = self.memo.get(key)
                if after is None:
                    if len(self.memo) >= MEMO_LIMIT:
                        self.memo.clear()
                    after = self.memo[key] = self._rule(doc, i, [])
            ruled[i] = after[:4]
            if after[4] != state[2]:
                doc[i].dep = after[4]
        doc.from_array(RULED, ruled)
        return doc


@spacy.util.registry.tokenizers(EMPTY_TOKENIZER)
def create_empty_tokenizer():
    """spaCy's `Tokenizer` with no rules, for a trained pipeline whose saved tokenizer
    (rules, special cases, prefix, suffix and infix patterns) replaces all of its state as
    the pipeline loads. spaCy's own factory first builds the language's default tokenizer
    (2,700 special cases, three large patterns compiled), which that load then discards:
    0.09 s of CPU at every start."""

    def tokenizer_factory(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return tokenizer_factory


def _saved_tokenizer_is_plain(model: str) -> bool:
    """Whether the installed pipeline `model` (a package or a directory) saves its tokenizer
    and builds it with spaCy's plain `Tokenizer` (the trained English pipelines do): then an
    empty one loads the same state. False when that cannot be told (spaCy's own factory is used)."""
    try:
        root = Path(model) if Path(model).is_dir() else spacy.util.get_package_path(model)
        configs = [root / "config.cfg"] if (root / "config.cfg").exists() else sorted(root.glob("*/config.cfg"))
        if len(configs) != 1 or not (configs[0].parent / "tokenizer").is_file():
            return False
        text = configs[0].read_text(encoding="utf-8")
    except (OSError, ValueError, ImportError):
        return False
    return PLAIN_TOKENIZER.search(text) is not None


@Language.factory(MEMO_RULES, assigns=["token.pos", "token.tag", "token.morph", "token.lemma"], requires=["token.tag"])
def make_memo_attribute_ruler(nlp: Language, name: str) -> MemoAttributeRuler:
    """Stands in for the pipeline's attribute ruler (which stays loaded, disabled)."""
    return MemoAttributeRuler(nlp.get_pipe("attribute_ruler"))


def load_pipeline(model: str, memos: bool = True, senter: bool = True) -> Language:
    """The trained pipeline `model`, with chronicle's line-break rule before the parser, and
    (unless `memos` is False) its rule lemmatizer and its attribute ruler's one-token rules
    applied once per distinct word or token state: the same annotations, less CPU. Without
    `senter`, the model's sentence recognizer (disabled in the trained pipelines: the parser
    sets sentence boundaries) is not loaded at all; only the parse gate runs it."""
    options = {} if senter else {"exclude": ["senter"]}
    if _saved_tokenizer_is_plain(model):  # built empty: loading the model fills it (issue 16)
        options["config"] = {"nlp": {"tokenizer": {"@tokenizers": EMPTY_TOKENIZER}}}
    try:
        with entry_points_by_group():  # catalogue's plugin look-ups, grouped once (spacy_import)
            nlp = spacy.load(model, **options)
    except OSError as error:
        raise UsageError(
            f"spaCy model {model!r} is not installed (set CHRONICLE_MODEL or --model): {error}"
        ) from error
    anchor = {"before": "parser"} if "parser" in nlp.pipe_names else {"first": True}
    nlp.add_pipe(LINE_BREAKS, **anchor)
    if memos and "lemmatizer" in nlp.pipe_names and getattr(nlp.get_pipe("lemmatizer"), "mode", "") == "rule":
        nlp.add_pipe(MEMO_LEMMAS, after="lemmatizer")
        nlp.disable_pipe("lemmatizer")
    if memos and "attribute_ruler" in nlp.pipe_names:
        nlp.add_pipe(MEMO_RULES, after="attribute_ruler")
        nlp.disable_pipe("attribute_ruler")
    return nlp


def model_meta(model: str) -> dict:
    """The meta.json of an installed model package or model directory, without loading it."""
    try:
        path = spacy.util.get_package_path(model) if spacy.util.is_package(model) else model
        return spacy.util.get_model_meta(path)
    except (OSError, ValueError) as error:
        raise UsageError(f"spaCy model {model!r} is not installed: {error}") from error


def model_version(meta: dict) -> str:
    """`lang_name-version` of a model, for the pipeline version stamp."""
    return f"{meta.get('lang', 'xx')}_{meta.get('name', 'model')}-{meta.get('version', '0')}"


def parse(nlp: Language, texts: Iterable[str], batch_size: int = 32) -> Iterator[Doc]:
    """Docs for texts, in order, through `nlp.pipe` batches."""
    return nlp.pipe(texts, batch_size=batch_size)


_TYPOGRAPHIC_APOSTROPHE = re.compile(r"(?<=\w)[\u2019\u02bc](?=\w)")  # right single quote, modifier letter apostrophe


def model_text(text: str) -> str:
    """The text as the statistical model reads it: a typographic apostrophe inside a word
    ("Xi\u2019s", "don\u2019t", and the modifier letter "Xi\u02bcs") becomes the straight one
    the model was trained on, one character for one, so every offset stays the article's. The
    small English model misses a name before "\u2019s" ("Kim\u2019s talks" loses Kim) where it
    finds it before "'s"."""
    return _TYPOGRAPHIC_APOSTROPHE.sub("'", text)


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


def lower_lemmas(doc: Doc) -> list[str]:
    """Every token's lemma, lower-cased, listed once per doc (cached in its `user_data`): a
    backward scan for a word by its lemma then makes a Token only where the lemma matches,
    not one per word it passes (issue 16)."""
    lemmas = doc.user_data.get("chronicle_lower_lemmas")
    if lemmas is None:
        lemmas = doc.user_data["chronicle_lower_lemmas"] = [token.lemma_.lower() for token in doc]
    return lemmas


def words_at(doc: Doc, words) -> list[int]:
    """The indices, in order, of the doc's words whose lower-cased form may be in `words`
    (compared by hash, from the doc's `LOWER` array): a scan for a few words then makes a
    Token only at these, not one per word (issue 16). Every word in `words` is found; the
    caller keeps its own test (a hash shared by two strings would only add an index)."""
    hashes = {hash_string(word) for word in words}
    return [i for i, form in enumerate(doc.to_array(LOWER).tolist()) if form in hashes] if len(doc) else []
