"""Render every language's pages in a second process while MkDocs builds the first language.

MkDocs and static-i18n build the languages one after another on one core, and the hooks used to
render each language's pages at the start of its build, on that same core. The pages of all the
languages come from the one loaded handbook, so a process forked right after loading can render
them all on the machine's other core and hand each language over as soon as it is done: the build
then only waits for the first. Forking shares the loaded handbook as it is in memory; nothing is
loaded or checked twice.

Anything unusual (no fork on this system, one core, the child failing or taking too long) makes
`take` answer None, and the caller renders in its own process instead, as it always could: the
pages are the same either way, and an error in them is raised where it always was.
"""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import time
import weakref
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

# How long to wait for the child's pages of one language before rendering them here after all.
PATIENCE_SECONDS = 30.0
_POLL_SECONDS = 0.002


def second_core_available() -> bool:
    """Whether this process may run on more than one core (and can fork)."""
    if not hasattr(os, "fork"):
        return False
    try:
        return len(os.sched_getaffinity(0)) > 1
    except AttributeError:  # no affinity on this system
        return (os.cpu_count() or 1) > 1


class BackgroundRendering:
    """A forked child rendering `render(language)` for each language in order, one file each."""

    def __init__(self, languages: Iterable[str], render: Callable[[str], Any]) -> None:
        self.languages = list(languages)
        self.folder = Path(tempfile.mkdtemp(prefix="handbook-pages-"))
        self.seconds: dict[str, float] = {}
        self._finished = False
        self.pid = os.fork()
        if self.pid == 0:  # the child: render, write, and leave without running any exit handler
            code = 1
            try:
                self._render_all(render)
                code = 0
            finally:
                os._exit(code)
        weakref.finalize(self, shutil.rmtree, self.folder, True)

    def _render_all(self, render: Callable[[str], Any]) -> None:
        for language in self.languages:
            started = time.process_time()
            rendered = render(language)
            seconds = time.process_time() - started
            part = self.folder / f"{language}.part"
            part.write_bytes(pickle.dumps((seconds, rendered), protocol=pickle.HIGHEST_PROTOCOL))
            part.rename(self._result(language))  # appears whole or not at all

    def _result(self, language: str) -> Path:
        return self.folder / f"{language}.pickle"

    def take(self, language: str) -> Any | None:
        """What the child rendered for `language`, waiting for it if need be; None if it never comes."""
        if language not in self.languages:
            return None
        result = self._result(language)
        deadline = time.monotonic() + PATIENCE_SECONDS
        while not result.exists():
            if self._child_ended() and not result.exists():
                return None
            if time.monotonic() > deadline:
                self.stop()
                return None
            time.sleep(_POLL_SECONDS)
        seconds, rendered = pickle.loads(result.read_bytes())
        self.seconds[language] = seconds
        result.unlink()
        return rendered

    def _child_ended(self) -> bool:
        if not self._finished:
            try:
                self._finished = os.waitpid(self.pid, os.WNOHANG)[0] != 0
            except ChildProcessError:
                self._finished = True
        return self._finished

    def stop(self) -> None:
        """End the child (if it is still running) and remove its files."""
        if not self._child_ended():
            try:
                os.kill(self.pid, 9)
                os.waitpid(self.pid, 0)
            except (ProcessLookupError, ChildProcessError):
                pass
            self._finished = True
        shutil.rmtree(self.folder, ignore_errors=True)
