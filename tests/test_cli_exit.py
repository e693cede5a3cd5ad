"""`cli.exit.leave`: the process ends with the command's status, its output flushed and its
atexit handlers run; it steps aside when the ordinary exit must run. Each case runs in a
fresh interpreter (leave ends the process)."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def _run(body: str) -> subprocess.CompletedProcess:
    code = "import atexit, sys, threading\nfrom chronicle.cli.exit import leave\n" + textwrap.dedent(body)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)


def test_leave_keeps_the_status_the_output_and_the_atexit_handlers():
    done = _run("""
        atexit.register(lambda: print("handler ran"))
        sys.stdout.write("partial line, not flushed")
        sys.stderr.write("a warning")
        leave(3)
        print("not reached")
    """)
    assert done.returncode == 3
    assert done.stdout == "partial line, not flushedhandler ran\n"
    assert done.stderr == "a warning"


def test_leave_treats_none_as_success():
    assert _run("leave(None)\nsys.exit(5)").returncode == 0


def test_leave_steps_aside_for_a_text_status_and_for_another_thread():
    text = _run("leave('stopped')\nprint('ordinary exit')")
    assert text.stdout == "ordinary exit\n"
    threaded = _run("""
        stop = threading.Event()
        worker = threading.Thread(target=stop.wait)
        worker.start()
        leave(4)
        print("ordinary exit")
        stop.set()
    """)
    assert threaded.returncode == 0 and threaded.stdout == "ordinary exit\n"


def test_the_cli_exits_with_its_usual_status():
    done = subprocess.run(
        [sys.executable, "-c", "import sys; from chronicle.cli import main; sys.argv[0] = 'chronicle'; main()",
         "events", "--db", "/nonexistent/dir/store.duckdb"],
        capture_output=True, text=True, timeout=120,
    )
    assert done.returncode == 2
    assert "no store" in done.stderr
