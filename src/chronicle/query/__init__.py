"""Read-side library: what the CLI, the HTTP server and the exports ask of the store.

One module per resource (articles, actors, places, mentions, events, quotes, claims,
search); `filters` defines the event filters once for SQL and the server's in-memory
catalog; `shapes` the records' keys, columns and row-to-record functions; `sql` the SQL
pieces they share. Everything a caller needs is importable from `chronicle.query`.
"""

from __future__ import annotations

from types import ModuleType

from ..errors import NotFound
from . import shapes
from .actors import (
    actor_ids,
    actor_namer,
    actors_named,
    corpus_row,
    corpus_rows,
    count_actors,
    counterparts,
    find_actor,
    get_actor,
    identity,
    kb_of,
    list_actors,
    timeline_actor,
)
from .articles import (
    ArticleFilters,
    count_articles,
    get_article,
    list_articles,
    list_problems,
    mark_entities,
    record_counts,
    resolve_article,
    stats,
)
from .claims import list_claims
from .events import (
    article_evidence,
    count_events,
    event_documents,
    event_index,
    event_places,
    get_event,
    get_events,
    iter_all_events,
    latest_events,
    list_events,
    select_events,
    timeline,
)
from .filters import (
    EVENT_TYPES,
    HAPPENED,
    MODALITIES,
    ActorRef,
    EventFilters,
    MentionFilters,
    Selector,
    event_selector,
    period,
    timeline_selector,
    valid_event_type,
    valid_modality,
)
from .mentions import count_event_mentions, fused_ids, list_event_mentions
from .places import count_places, list_places
from .quotes import QuoteFilters, actor_quotes, count_quotes, event_quotes, list_quotes, quotes_by_event
from .fulltext import SEARCH_MAX_WORDS, SNIPPET_CONTEXT, escape_like, search, snippet
from .shapes import (
    ARTICLE_COLUMNS,
    CLAIM_COLUMNS,
    CLAIM_FIELDS,
    EVENT_COLUMNS,
    EVENT_FIELDS,
    MENTION_COLUMNS,
    MENTION_FIELDS,
    QUOTE_COLUMNS,
    QUOTE_FIELDS,
    TIMELINE_COLUMNS,
    flat_claim,
    flat_event,
    flat_event_mention,
    flat_quote,
)

__all__ = [  # the names above (the submodules stay reachable as attributes)
    name for name, value in dict(globals()).items()
    if not name.startswith("_") and name not in ("annotations", "ModuleType") and not isinstance(value, ModuleType)
]
