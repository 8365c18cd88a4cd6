"""Writing a cache file so that it is never seen half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_whole(path: Path, data: bytes) -> None:
    """Write `data` to a temporary file beside `path`, then rename it over `path`: a build that
    stops half-way leaves the old file or the new one, never a broken one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.NamedTemporaryFile("wb", dir=path.parent, prefix=path.name, delete=False) as handle:
        handle.write(data)
    os.replace(handle.name, path)
