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
"""

from __future__ import annotations

import sys
import types

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


def import_spacy() -> types.ModuleType:
    """The `spacy` package, imported without `spacy.cli` when it is not imported yet."""
    if "spacy" in sys.modules or any(name in sys.modules for name in STAND_INS):
        import spacy

        return spacy
    stand_ins = _stand_ins()
    sys.modules.update(stand_ins)
    try:
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
