"""Ingest over HTTP: POST /api/ingest, only when the app was created with allow_ingest and a
token. It takes article content (never a path), bounded in size, reads each article as a
JSONL record is read, and hands them to the library call behind `chronicle ingest`
(`runners.local.ingest_documents`: clean, annotate, store, fuse)."""

from __future__ import annotations

import hmac
import json
from typing import Annotated

from fastapi import APIRouter, Depends, Header, HTTPException, Request
from pydantic import BaseModel, ConfigDict, Field
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..ingest.jsonl import read_record
from ..runners import local
from ..settings import Settings, default_model

INGEST_PATH = "/api/ingest"
REQUEST_SOURCE = "-"  # the articles of a request are sourced as lines of stdin are: "-:line 3"
MAX_ARTICLES = 1000


class ArticleIn(BaseModel):
    """One article's content and metadata, as a JSONL input line carries them."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1, description="The article's text (plain text).")
    id: str | None = Field(None, max_length=500, description="Your id for it: outputs name the article by it.")
    title: str | None = Field(None, max_length=2000)
    url: str | None = Field(None, max_length=2000)
    published: str | None = Field(None, max_length=100, description="Publication date, ISO 8601 preferred.")
    outlet: str | None = Field(None, max_length=500)


class IngestRequest(BaseModel):
    """Articles to ingest."""

    model_config = ConfigDict(extra="forbid")

    articles: list[ArticleIn] = Field(min_length=1, max_length=MAX_ARTICLES)


class ProblemOut(BaseModel):
    code: str
    reason: str
    source: str


class IngestResult(BaseModel):
    """What the run did, as `chronicle ingest` reports it."""

    read: int
    stored: int
    already_stored: int
    new_aliases: int
    near_duplicates: int
    skipped: int
    problems: list[ProblemOut]
    seconds: float


def require_token(request: Request, authorization: Annotated[str | None, Header()] = None) -> None:
    """403 when ingest is disabled, 401 without `Authorization: Bearer <the app's token>`."""
    chronicle = request.app.state.chronicle
    if not chronicle.allow_ingest or not chronicle.token:
        raise HTTPException(403, "ingest over HTTP is disabled: start the server with --allow-ingest and a token")
    scheme, _, given = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), chronicle.token.encode()):
        raise HTTPException(401, "a valid token is needed: send Authorization: Bearer <token>", {"WWW-Authenticate": "Bearer"})


router = APIRouter()


@router.post(
    "/ingest",
    summary="Ingest articles (only with --allow-ingest and a token)",
    responses={401: {"description": "No valid token"}, 403: {"description": "Ingest is disabled"},
               413: {"description": "Body over the size limit"}},
    dependencies=[Depends(require_token)],
)
def ingest(body: IngestRequest, request: Request) -> IngestResult:
    """Read, clean, annotate, store and fuse the articles, like `chronicle ingest`; one run at
    a time. Queries answer with the new articles once this returns."""
    chronicle = request.app.state.chronicle
    settings = Settings(db=chronicle.db, model=default_model())
    documents = [
        read_record(article.model_dump(exclude_none=True), f"{REQUEST_SOURCE}:line {number}", settings.html_seconds)
        for number, article in enumerate(body.articles, 1)
    ]
    with chronicle.ingest_lock:
        report = local.ingest_documents(documents, settings)
        store = chronicle.cursor()
        try:
            chronicle.catalog.refresh(store)  # the serving copy of the events, rebuilt
        finally:
            store.con.close()
    return IngestResult(
        read=report.read,
        stored=report.stored,
        already_stored=report.already_stored,
        new_aliases=report.new_aliases,
        near_duplicates=report.near_duplicates,
        skipped=report.skipped,
        problems=[ProblemOut(code=p.code, reason=p.reason, source=p.source) for p in report.problems],
        seconds=round(report.seconds, 3),
    )


class IngestBodyLimit:
    """ASGI middleware: a POST to /api/ingest whose body exceeds `max_bytes` gets 413 before
    anything parses it (declared by Content-Length, or counted as it streams in)."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] != INGEST_PATH or scope["method"] != "POST":
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers", [])).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await self._too_large(send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        delivered = False

        async def replay() -> Message:
            nonlocal delivered
            if not delivered:
                delivered = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send: Send) -> None:
        payload = json.dumps({"detail": f"request body over the limit of {self.max_bytes} bytes"}).encode()
        await send({
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(payload)).encode())],
        })
        await send({"type": "http.response.body", "body": payload})
