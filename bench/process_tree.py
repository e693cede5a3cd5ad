"""The memory of a benchmarked command's process tree, sampled while it runs (shared by
the bench scripts that time a command: one polling loop, one way to read a tree)."""

from __future__ import annotations

import subprocess
from collections.abc import Callable

import psutil


def tree_memory(root: psutil.Process) -> list[tuple[psutil.Process, int]]:
    """(process, RSS in bytes) of `root` and its descendants, those still alive."""
    try:
        processes = [root, *root.children(recursive=True)]
    except psutil.NoSuchProcess:
        return []
    found = []
    for process in processes:
        try:
            found.append((process, process.memory_info().rss))
        except (psutil.NoSuchProcess, psutil.AccessDenied):
            continue
    return found


def watch(child: subprocess.Popen, sample: Callable[[list[tuple[psutil.Process, int]]], None], every: float) -> None:
    """Call `sample` with `child`'s process tree memory every `every` seconds until it exits."""
    root = psutil.Process(child.pid)
    while True:
        sample(tree_memory(root))
        try:
            child.wait(timeout=every)
            return
        except subprocess.TimeoutExpired:
            continue
