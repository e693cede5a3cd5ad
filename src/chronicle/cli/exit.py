"""Ending the command's process without the interpreter's teardown (issue 16).

At exit CPython clears every module and runs full cyclic collections over everything still
alive: after an ingest that is spaCy's model, the compiled data and every library module
(110,000 tracked objects), 0.15-0.3 s of CPU spent freeing memory the OS takes back anyway.
`leave` does what a normal exit does that anyone can see: it joins nothing (it only acts
when the main thread is the only one), flushes stdout and stderr, runs the `atexit`
handlers (multiprocessing, logging, tempfile and coverage clean-ups among them), then ends
the process with the command's exit status. When it cannot be sure (another thread runs,
an exit status that is not a number, a flush that fails, e.g. a closed pipe), it returns
and the ordinary exit runs."""

from __future__ import annotations

import atexit
import os
import sys
import threading


def leave(code: object) -> None:
    """End the process now with exit status `code` (None or an int, as `SystemExit.code`);
    return instead when the ordinary exit must run."""
    if code is None:
        code = 0
    if not isinstance(code, int) or isinstance(code, bool) or threading.active_count() > 1:
        return
    if not _flushed():
        return
    atexit._run_exitfuncs()
    if not _flushed():
        return
    os._exit(code & 0xFF)


def _flushed() -> bool:
    """Flush stdout and stderr; False if either cannot be flushed."""
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except Exception:  # noqa: BLE001 - a closed pipe: the ordinary exit reports it
        return False
    return True
