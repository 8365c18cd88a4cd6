"""A forked copy of the building process that goes on with the build of some languages, into a
folder of its own, while this process builds the others: a rebuild that changes every language
takes about half as long on a machine with two cores.

The copy starts with everything this process has loaded, checked, rendered and kept from earlier
builds; it builds, writes and leaves, without running any exit handler or `finally` of the code
that called the build (that code belongs to this process: the server, its temporary folders).
It ignores Ctrl+C: stopping the server is this process's job, and it stops the copy.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import sys
import time
from dataclasses import dataclass
from pathlib import Path

# How long to wait for the second process before giving its languages up as failed.
PATIENCE_SECONDS = 120.0
_POLL_SECONDS = 0.005

_first_process_pid = os.getpid()


def in_second_process() -> bool:
    return os.getpid() != _first_process_pid


@dataclass
class SecondProcess:
    """The second process as its parent sees it: which languages it builds, and where."""

    pid: int
    languages: list[str]
    folder: Path
    exit_code: int | None = None

    @classmethod
    def fork(cls, languages: list[str], folder: Path) -> SecondProcess | None:
        """The second process in the parent; None in the second process itself."""
        global _first_process_pid  # noqa: PLW0603
        parent = os.getpid()
        pid = os.fork()
        if pid == 0:
            _first_process_pid = parent
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            return None
        return cls(pid, languages, folder)

    def finished(self, patience: float = PATIENCE_SECONDS) -> bool:
        """Wait for the second process; whether it built its languages."""
        deadline = time.monotonic() + patience
        while self.exit_code is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit_code = os.waitstatus_to_exitcode(status)
            elif time.monotonic() > deadline:
                self.stop()
            else:
                time.sleep(_POLL_SECONDS)
        return self.exit_code == 0 and all((self.folder / language).is_dir() for language in self.languages)

    def stop(self) -> None:
        """Stop the second process if it still runs, and remove its folder."""
        if self.exit_code is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                _, status = os.waitpid(self.pid, 0)
                self.exit_code = os.waitstatus_to_exitcode(status)
            except (ProcessLookupError, ChildProcessError):
                self.exit_code = -signal.SIGKILL
        shutil.rmtree(self.folder, ignore_errors=True)


def leave(code: int) -> None:
    """End the second process: what it logged is written out, nothing else of the parent's runs."""
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(OSError, ValueError):
            stream.flush()
    os._exit(code)
