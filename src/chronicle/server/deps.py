"""What every route asks of a request, defined once for the JSON API and the pages: the
store on a fresh cursor, the app's KB and event catalog, its templates, and a checked
date parameter."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.templating import Jinja2Templates
from pydantic import AfterValidator

from .. import query
from ..errors import ChronicleError
from ..kb import KnowledgeBase
from ..store import Store
from .catalog import EventCatalog


def request_store(request: Request) -> Iterator[Store]:
    """FastAPI dependency: a Store on a fresh cursor for this request."""
    store = request.app.state.chronicle.cursor()
    try:
        yield store
    finally:
        store.con.close()


def request_kb(request: Request) -> KnowledgeBase:
    """FastAPI dependency: the KB loaded when the app was created."""
    return request.app.state.chronicle.kb


def request_catalog(request: Request) -> EventCatalog:
    """FastAPI dependency: the serving copy of the events (server/catalog.py)."""
    return request.app.state.chronicle.catalog.current


def templates(request: Request) -> Jinja2Templates:
    """FastAPI dependency (or plain call): the app's Jinja2 templates, built at create_app."""
    return request.app.state.templates


def valid_period(value: str | None) -> str | None:
    """A yyyy, yyyy-mm or yyyy-mm-dd that names a real period (ValueError -> 422)."""
    if value is not None:
        try:
            query.period(value)
        except ChronicleError as error:
            raise ValueError(str(error)) from error
    return value


StoreDep = Annotated[Store, Depends(request_store)]
KbDep = Annotated[KnowledgeBase, Depends(request_kb)]
CatalogDep = Annotated[EventCatalog, Depends(request_catalog)]
DateParam = Annotated[
    str | None,
    Query(pattern=r"^\d{4}(-\d{2}(-\d{2})?)?$", description="yyyy, yyyy-mm or yyyy-mm-dd"),
    AfterValidator(valid_period),
]
