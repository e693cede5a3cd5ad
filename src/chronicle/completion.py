"""A later input that completes a stored article's metadata (docs/store.md): the record,
and the rows the store writes for it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pyarrow as pa

from .model import Article

FIELDS = ("url", "outlet", "title")  # besides `published`, which is completed when known better


@dataclass(frozen=True)
class Completion:
    """A later input of a stored article that knows more: the fields it fills or betters
    (`published` also when its source ranks above the stored one's), and what they were."""

    article: Article
    previous: dict[str, str | None]  # field -> the stored value it replaces

    @property
    def redates(self) -> bool:
        """Whether the article's events must be extracted again (their dates hang on it)."""
        return "published" in self.previous


COMPLETION_SCHEMA = pa.schema(
    [("id", pa.string()), ("url", pa.string()), ("outlet", pa.string()), ("title", pa.string()),
     ("redates", pa.bool_()), ("published", pa.date32()), ("published_source", pa.string()),
     ("published_evidence", pa.string()), ("published_month", pa.string())]
)


def completion_row(completion: Completion) -> dict:
    """The new values of a completion (None where a field is left as stored)."""
    article, fields = completion.article, completion.previous
    value = article.published.value
    return {
        "id": article.id,
        **{name: getattr(article, name) if name in fields else None for name in FIELDS},
        "redates": completion.redates,
        "published": dt.date.fromisoformat(value) if value else None,
        "published_source": article.published.source,
        "published_evidence": article.published.evidence,
        "published_month": article.published.month,
    }


def new_value(article: Article, name: str) -> str | None:
    if name == "published":
        return article.published.value or article.published.month
    return getattr(article, name)
