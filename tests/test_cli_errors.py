"""The CLI's one error boundary (cli/base.py): a library error becomes `error: <message>` on
stderr and the exit code the error carries; other exceptions are not swallowed."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from chronicle.cli.base import ErrorBoundary
from chronicle.errors import ChronicleError, NotFound, UsageError


def app_raising(error: Exception) -> typer.Typer:
    app = typer.Typer(cls=ErrorBoundary)

    @app.command()
    def fail() -> None:
        raise error

    @app.command()
    def fine() -> None:
        print("done")

    return app


@pytest.mark.parametrize(
    ("error", "code"),
    [(ChronicleError("the vault refused the key"), 1), (NotFound("no parrot named Polly"), 1),
     (UsageError("cannot open store /nowhere/x.duckdb"), 2)],
)
def test_a_library_error_is_a_message_and_its_exit_code(error, code):
    result = CliRunner().invoke(app_raising(error), ["fail"])
    assert result.exit_code == code
    assert f"error: {error}" in " ".join(result.output.split())
    assert "Traceback" not in result.output


def test_a_command_that_succeeds_is_untouched():
    result = CliRunner().invoke(app_raising(UsageError("unused")), ["fine"])
    assert result.exit_code == 0 and result.output == "done\n"


def test_a_bug_is_not_turned_into_a_clean_error():
    result = CliRunner().invoke(app_raising(KeyError("slot")), ["fail"])
    assert result.exit_code == 1 and isinstance(result.exception, KeyError)


def test_the_chronicle_app_has_the_boundary():
    from chronicle.cli import app

    assert typer.main.get_command(app).__class__ is ErrorBoundary
