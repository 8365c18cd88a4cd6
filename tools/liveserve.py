"""`mkdocs serve` in a copy of the site, as `make serve` runs it, for the serve tests and the
benchmark: start it on a free port, wait for what it serves, stop it like Ctrl+C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO

from localsite import free_port


def wait_for(condition: Callable[[], bool], what: str, timeout: float = 60, interval: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(interval)
    raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")


@contextmanager
def mkdocs_serve(project: Path, output: IO, env: dict[str, str] | None = None, config: Path | None = None) -> Iterator[str]:
    """Serve the project (or another mkdocs.yml in it), its log going to `output`; yields the
    site's address."""
    port = free_port()
    env = env or {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    command = [sys.executable, "-m", "mkdocs", "serve", "--strict", "--dev-addr", f"127.0.0.1:{port}"]
    if config is not None:
        command += ["--config-file", str(config)]
    server = subprocess.Popen(command, cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.send_signal(signal.SIGINT)  # like Ctrl+C: MkDocs removes its temporary site folder
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
