"""spaCy, imported without its command line (issue 16: start-up).

`import spacy` runs `from .cli.info import info`, and `spacy/cli/__init__.py` imports every
command of spaCy's own CLI (download, train, project: weasel, requests, httpx, jinja2):
about 0.2 s of CPU at every start of a chronicle command that annotates, for a CLI
chronicle never calls. Here spaCy is imported with two stand-ins in `sys.modules`,
`spacy.cli` and `spacy.cli.info`, present only while spaCy's `__init__` runs and removed
at once: a later `import spacy.cli` (spaCy's own tests, `python -m spacy`) loads the real
CLI, and `spacy.info` is a function that imports the real one when called.

If spaCy is already imported, or its `__init__` asks the stand-in for another name (a
newer spaCy), spaCy is imported the ordinary way. Every chronicle module that imports
spaCy at module level imports `spacy` from here first (tests/test_layout.py checks it).

spaCy's registries (catalogue) look for plugins among the installed entry points at every
look-up: about 220 look-ups while spaCy is imported and a pipeline loaded, each scanning all
143 entry points of this environment, because on Python 3.8-3.11 `entry_points().select(
group=...)` flattens every group again on each call (0.05 s of CPU). `entry_points_by_group`
answers those look-ups from the same entry points, already grouped, while spaCy is imported
(`import_spacy`) and while `nlp.load_pipeline` loads a model; the same entry points, in the
same order, then catalogue's own object is put back.
"""

from __future__ import annotations

import contextlib
import sys
import types
from collections.abc import Iterator

STAND_INS = ("spacy.cli", "spacy.cli.info")


def info(*args, **kwargs):
    """spaCy's `spacy.info` (`spacy.cli.info.info`), imported when called."""
    from spacy.cli.info import info as real_info

    return real_info(*args, **kwargs)


def _stand_ins() -> dict[str, types.ModuleType]:
    package = types.ModuleType("spacy.cli", "A stand-in while spaCy is imported (chronicle.spacy_import).")
    package.__path__ = []  # a package, with no submodule to find
    module = types.ModuleType("spacy.cli.info", "A stand-in while spaCy is imported (chronicle.spacy_import).")
    module.info = info
    return {"spacy.cli": package, "spacy.cli.info": module}


class _ByGroup:
    """catalogue's entry points (a `SelectableGroups`: a dict of group -> EntryPoints), with
    `select(group=...)` read from the dict instead of a scan of every group."""

    def __init__(self, groups: dict):
        self.groups = groups

    def select(self, **params):
        if set(params) == {"group"}:
            from importlib.metadata import EntryPoints

            return dict.get(self.groups, params["group"]) or EntryPoints(())
        return self.groups.select(**params)


@contextlib.contextmanager
def entry_points_by_group() -> Iterator[None]:
    """While the block runs, catalogue's entry-point look-ups read the entry points grouped
    (`_ByGroup`); outside it, or when catalogue holds anything but a `SelectableGroups` (a
    newer Python returns a flat `EntryPoints`), nothing changes."""
    try:
        import catalogue
    except ImportError:
        catalogue = None
    available = getattr(catalogue, "AVAILABLE_ENTRY_POINTS", None)
    if not isinstance(available, dict) or not hasattr(available, "select"):
        yield
        return
    grouped = _ByGroup(available)
    catalogue.AVAILABLE_ENTRY_POINTS = grouped
    try:
        yield
    finally:
        if catalogue.AVAILABLE_ENTRY_POINTS is grouped:
            catalogue.AVAILABLE_ENTRY_POINTS = available


def import_spacy() -> types.ModuleType:
    """The `spacy` package, imported without `spacy.cli` when it is not imported yet."""
    if "spacy" in sys.modules or any(name in sys.modules for name in STAND_INS):
        import spacy

        return spacy
    stand_ins = _stand_ins()
    sys.modules.update(stand_ins)
    try:
        with entry_points_by_group():
            import spacy
    except ImportError:  # spaCy wanted more of its CLI than `info`: the ordinary import
        spacy = None
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    if spacy is None:
        import spacy
    elif getattr(spacy, "cli", None) is stand_ins["spacy.cli"]:
        del spacy.cli
    return spacy


spacy = import_spacy()
