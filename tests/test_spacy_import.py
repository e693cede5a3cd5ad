"""chronicle imports spaCy without spaCy's own command line (chronicle.spacy_import, issue 16).
Each check runs in a fresh interpreter: this test process may have imported spaCy already."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SRC = Path(__file__).resolve().parents[1] / "src"


def run(code: str) -> str:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return done.stdout.strip()


def test_chronicle_nlp_leaves_spacy_cli_unimported():
    out = run(
        "import sys, chronicle.nlp, spacy\n"
        "print(sorted(m for m in ('spacy.cli', 'spacy.cli.info', 'weasel', 'requests') if m in sys.modules),"
        " hasattr(spacy, 'cli'), spacy.info.__module__)"
    )
    assert out == "[] False chronicle.spacy_import"


def test_spacy_cli_is_the_real_one_when_imported_later():
    out = run(
        "import sys, chronicle.nlp, spacy, spacy.cli\n"
        "print(spacy.cli.__file__.endswith('__init__.py'), sys.modules['spacy.cli.info'].info.__module__, hasattr(spacy.cli, 'download'))"
    )
    assert out == "True spacy.cli.info True"


def test_spacy_info_calls_the_real_one():
    out = run("import chronicle.nlp, spacy\nprint(spacy.info()['spacy_version'] == spacy.__version__)")
    assert out == "True"


def test_spacy_imported_before_is_left_alone():
    out = run("import sys, spacy, chronicle.nlp\nprint('spacy.cli' in sys.modules, spacy.info.__module__)")
    assert out == "True spacy.cli.info"


def test_entry_points_by_group_gives_the_same_entry_points_and_puts_catalogue_back():
    import catalogue

    from chronicle.spacy_import import entry_points_by_group

    original = catalogue.AVAILABLE_ENTRY_POINTS
    groups = list(dict.keys(original)) if isinstance(original, dict) else []
    with entry_points_by_group():
        inside = catalogue.AVAILABLE_ENTRY_POINTS
        for group in groups + ["no_such_group"]:
            assert tuple(inside.select(group=group)) == tuple(original.select(group=group))
    assert catalogue.AVAILABLE_ENTRY_POINTS is original


def test_entry_points_by_group_leaves_a_flat_entry_point_list_alone(monkeypatch):
    import catalogue
    from importlib.metadata import EntryPoints

    from chronicle.spacy_import import entry_points_by_group

    flat = EntryPoints(())
    monkeypatch.setattr(catalogue, "AVAILABLE_ENTRY_POINTS", flat)
    with entry_points_by_group():
        assert catalogue.AVAILABLE_ENTRY_POINTS is flat
    assert catalogue.AVAILABLE_ENTRY_POINTS is flat


def test_a_registry_finds_the_same_functions_with_grouped_entry_points():
    out = run(
        "from chronicle.spacy_import import entry_points_by_group, spacy\n"
        "before = sorted(spacy.registry.architectures.get_all())\n"
        "with entry_points_by_group():\n"
        "    inside = sorted(spacy.registry.architectures.get_all())\n"
        "print(before == inside, len(inside) > 10)"
    )
    assert out == "True True"
