"""The app factory: one store opened once (read-only unless ingest is allowed), the KB
loaded once, a fresh cursor per request, security headers on every response, and errors
as 4xx JSON (or the pages' error page) with a clear message."""

from __future__ import annotations

import shutil
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from .. import __version__, query
from ..errors import ChronicleError, UsageError
from ..kb import KnowledgeBase
from ..store import Store
from . import api
from .catalog import CatalogHolder
from .ingest import IngestBodyLimit

PACKAGE = Path(__file__).parent
STATIC_DIR = PACKAGE / "static"
TEMPLATES_DIR = PACKAGE / "templates"
ERROR_TEMPLATE = "error.html"  # rendered (when PAGES provides it) for HTML requests that fail
DEFAULT_MAX_INGEST_BYTES = 2_000_000

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
    "object-src 'none'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = (
    (b"content-security-policy", CONTENT_SECURITY_POLICY.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
)


class RequestStore(Store):
    """A Store over one cursor of the app's shared connection: one per request, so
    concurrent requests never share a cursor. Closing it closes the cursor only. The
    schema is fixed while the app runs (read-only, or migrated when opened for ingest), so
    `has_table` answers from the tables listed at start instead of asking DuckDB."""

    def __init__(self, path: str, cursor, tables: frozenset[str]) -> None:  # no file is opened here
        self.path = path
        self.con = cursor
        self.tables = tables

    def has_table(self, name: str) -> bool:
        return name in self.tables


@dataclass(frozen=True)
class Chronicle:
    """What every request shares: the store's connection, the KB, and the ingest policy."""

    db: str
    store: Store
    kb: KnowledgeBase
    allow_ingest: bool
    token: str | None
    max_ingest_bytes: int
    tables: frozenset[str]
    catalog: CatalogHolder = field(compare=False, repr=False)
    ingest_lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)
    snapshot: tempfile.TemporaryDirectory | None = field(default=None, compare=False, repr=False)  # kept while serving

    def cursor(self) -> RequestStore:
        """A Store on a fresh cursor of the shared connection (close it after the request);
        its path is the file's name only, so messages do not show the server's directories."""
        return RequestStore(Path(self.db).name, self.store.con.cursor(), self.tables)


class SecurityHeaders:
    """ASGI middleware adding the contract's security headers to every HTTP response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                names = {name for name, _ in SECURITY_HEADERS}
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() not in names]
                message = {**message, "headers": [*headers, *SECURITY_HEADERS]}
            await send(message)

        await self.app(scope, receive, send_with_headers)


def open_snapshot(
    db: str | Path, wait: float = 0.0, on_wait: Callable[[str], None] | None = None
) -> tuple[Store, tempfile.TemporaryDirectory | None]:
    """The read-only server's store: a private copy of the file, taken while holding its read
    lock (no writer can be half-way), so the server never holds the lock itself and an ingest
    can run beside it. It serves the last committed state as of its start (docs/store.md)."""
    if Path(db).is_dir():  # Parquet tables: no lock to hold
        return Store(db, read_only=True), None
    with Store(db, read_only=True, wait=wait, on_wait=on_wait):
        folder = tempfile.TemporaryDirectory(prefix="chronicle-serve-")
        copy = Path(folder.name) / Path(db).name
        shutil.copyfile(db, copy)
        if Path(f"{db}.wal").exists():  # what a killed writer left: read as DuckDB would
            shutil.copyfile(f"{db}.wal", f"{copy}.wal")
    return Store(copy, read_only=True), folder


def create_app(
    db: str | Path = "chronicle.duckdb",
    allow_ingest: bool = False,
    token: str | None = None,
    max_ingest_bytes: int = DEFAULT_MAX_INGEST_BYTES,
    wait: float = 0.0,
    on_wait: Callable[[str], None] | None = None,
) -> FastAPI:
    """The chronicle web app over the store `db`.

    The store is opened read-only (it must exist) unless `allow_ingest`, which also needs a
    `token` (POST /api/ingest then wants `Authorization: Bearer <token>` and a body of at most
    `max_ingest_bytes`). The KB is loaded once here; each request reads through its own
    cursor. `app.state.chronicle` holds the shared context, `app.state.templates` the Jinja2
    templates (autoescaped) of `server/templates`.
    """
    if allow_ingest and not token:
        raise UsageError("ingest over HTTP needs a token: give --token or set CHRONICLE_TOKEN")
    if max_ingest_bytes <= 0:
        raise UsageError(f"max_ingest_bytes must be positive, not {max_ingest_bytes}")
    store, snapshot = (Store(db, wait=wait, on_wait=on_wait), None) if allow_ingest else open_snapshot(db, wait, on_wait)
    kb = query.kb_of(store)
    chronicle = Chronicle(
        db=str(db),
        store=store,
        kb=kb,
        allow_ingest=allow_ingest,
        token=token,
        max_ingest_bytes=max_ingest_bytes,
        tables=frozenset(store.table_names()),
        catalog=CatalogHolder(store, kb),
        snapshot=snapshot,
    )
    app = FastAPI(
        title="chronicle",
        version=__version__,
        description="Political events, quotes and claims from news reports: a read-only JSON API over a chronicle store.",
        docs_url=None,  # Swagger UI loads from a CDN: the server stays offline; /openapi.json is the schema
        redoc_url=None,
    )
    app.state.chronicle = chronicle
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(TEMPLATES_DIR), autoescape=True, undefined=jinja2.StrictUndefined)
    env.filters["web_url"] = web_url
    app.state.templates = Jinja2Templates(env=env)
    app.add_middleware(IngestBodyLimit, max_bytes=max_ingest_bytes)
    app.add_middleware(SecurityHeaders)  # added last: outermost, so on every response
    _add_error_handlers(app)

    app.include_router(api.router)
    pages_router = _pages_router()
    if pages_router is not None:
        app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return app


def _pages_router():
    """The HTML pages' router, when the pages module is installed."""
    try:
        from . import pages
    except ModuleNotFoundError as error:
        if error.name != f"{__package__}.pages":
            raise  # pages exist but something they import is missing: say so
        return None
    return pages.router


def web_url(url: str | None) -> str | None:
    """A stored URL that may be a link: http(s) only; `javascript:`, `data:` and the rest are
    shown as text, never linked (the CSP would block them too)."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url if scheme in ("http", "https") else None


# ---- errors ---------------------------------------------------------------------------


def wants_html(request: Request) -> bool:
    """Whether a request is a browser's asking for a page (not the API, not a JSON twin)."""
    if request.url.path.startswith(("/api/", "/openapi")) or request.url.path == "/api":
        return False
    if request.query_params.get("format") == "json":
        return False
    accept = request.headers.get("accept", "")
    return "text/html" in accept and not accept.lstrip().startswith("application/json")


def error_response(request: Request, status: int, detail: str) -> Response:
    """The error as `{"detail": ...}` JSON, or as the pages' error page (same message, same
    status) when a browser asked for a page and the template exists."""
    if wants_html(request):
        environment: jinja2.Environment = request.app.state.templates.env
        try:
            environment.get_template(ERROR_TEMPLATE)
        except jinja2.TemplateNotFound:
            pass  # no pages installed: JSON it is
        else:
            return request.app.state.templates.TemplateResponse(
                request, ERROR_TEMPLATE, {"status": status, "detail": detail, "title": f"Error {status}"},
                status_code=status,
            )
    return JSONResponse({"detail": detail}, status_code=status)


def validation_message(errors: list[dict]) -> str:
    """FastAPI's validation errors as one sentence: which parameter, what is wrong."""
    parts = []
    for error in errors:
        location = [str(part) for part in error.get("loc", ())]
        where = location[0] if location else "request"
        name = ".".join(location[1:])
        parts.append(f"{where} parameter {name!r}: {error.get('msg', 'invalid')}" if name else f"{where}: {error.get('msg', 'invalid')}")
    return "invalid request: " + "; ".join(parts) if parts else "invalid request"


def _add_error_handlers(app: FastAPI) -> None:
    async def not_found(request: Request, error: query.NotFound) -> Response:
        return error_response(request, 404, str(error))

    async def bad_request(request: Request, error: ChronicleError) -> Response:
        return error_response(request, 400, str(error))

    async def invalid(request: Request, error: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")).removeprefix("Value error, "), "type": e.get("type", "")}
            for e in error.errors()
        ]
        response = error_response(request, 422, validation_message(errors))
        if isinstance(response, JSONResponse):
            return JSONResponse({"detail": validation_message(errors), "errors": errors}, status_code=422)
        return response

    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        response = error_response(request, error.status_code, str(error.detail))
        for name, value in (error.headers or {}).items():
            response.headers[name] = value
        return response

    app.add_exception_handler(query.NotFound, not_found)
    app.add_exception_handler(ChronicleError, bad_request)
    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)
