"""`chronicle kb ...`: the actor knowledge base, inspected and extended."""

from __future__ import annotations

import json
from collections import Counter
from typing import Annotated

import typer

from .. import query
from ..store import Store
from .base import err, read
from .options import DEFAULT_DB, Db

kb_app = typer.Typer(help="The actor knowledge base: inspect and extend it.", no_args_is_help=True)


@kb_app.command("add")
def kb_add(
    file: Annotated[str, typer.Argument(help="A KB YAML file (docs/knowledge-base.md).")],
    db: Db = DEFAULT_DB,
) -> None:
    """Check a KB file against the whole KB and keep it with the store; refused files change nothing."""
    from .. import kb_tools

    source = kb_tools.read_kb_file(file)
    with Store(db) as store:
        kb_tools.add_file(store, source)
    err.print(f"added {file} to the knowledge base of {db}; run `chronicle reprocess` to apply it to stored articles")


@kb_app.command("import-wikidata")
def kb_import_wikidata(
    file: Annotated[str, typer.Argument(help="Wikidata entity JSON or SPARQL results JSON.")],
    db: Db = DEFAULT_DB,
) -> None:
    """Convert a Wikidata export to KB actors and add it like `kb add`."""
    from .. import kb_tools

    with Store(db) as store:
        source, result = kb_tools.import_wikidata(store, file)
        kb_tools.add_file(store, source)
    err.print(result.report())
    err.print(f"imported {result.summary} from {file} into {db}")


@kb_app.command("check")
def kb_check(db: Db = DEFAULT_DB) -> None:
    """Load and validate the whole KB (packaged files and those added to the store)."""
    kb = read(db, query.kb_of)
    kinds = Counter(actor.kind for actor in kb.actors.values())
    roles = sum(len(actor.roles) for actor in kb.actors.values())
    print(json.dumps({"actors": dict(kinds), "roles": roles, "version": kb.version}, indent=2))
