"""Real `mkdocs build --strict` runs for tests, and a local web server for browser tests."""

from __future__ import annotations

import functools
import hashlib
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from localsite import LanguageNotFoundHandler

LANGUAGES = ("en", "hr", "es", "el", "sv")


# A fixed build date (MkDocs reads SOURCE_DATE_EPOCH), so that two builds of the same content are
# byte-identical even across midnight; `make build` takes it from the last commit.
BUILD_DATE_EPOCH = "1700000000"


def build_site(project: Path, site_dir: Path | None = None, *extra: str, site_url: str = "") -> subprocess.CompletedProcess:
    """Build like `make build` does (strict), returning the finished process with its output.
    `site_url` is the address the site is built for (SITE_URL); by default mkdocs.yml's example."""
    env = {"SOURCE_DATE_EPOCH": BUILD_DATE_EPOCH, **os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    env.pop("SITE_URL", None)
    if site_url:
        env["SITE_URL"] = site_url
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", *extra]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir)]
    return subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=600, check=False)


def snapshot(tree: Path) -> dict[str, str]:
    """Every file under `tree` by relative path, with a digest of its bytes."""
    return {
        path.relative_to(tree).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(tree.rglob("*"))
        if path.is_file()
    }


def differing_files(first: dict[str, str], second: dict[str, str]) -> list[str]:
    """Relative paths that are missing on one side or differ in content."""
    return sorted(name for name in first.keys() | second.keys() if first.get(name) != second.get(name))


def language_root(site: Path, language: str) -> Path:
    return site if language == "en" else site / language


def pages_of(site: Path, language: str) -> set[str]:
    """The page set of one language, as paths relative to its own root."""
    root = language_root(site, language)
    others = {lang for lang in LANGUAGES if lang != "en"}
    found = set()
    for page in root.rglob("index.html"):
        relative = page.relative_to(root)
        if language == "en" and relative.parts and relative.parts[0] in others:
            continue
        found.add(relative.as_posix())
    return found


@contextmanager
def serve(site: Path, port: int = 0) -> Iterator[str]:
    """Serve a built site on a localhost port (a free one by default); yields its base URL."""
    handler = functools.partial(LanguageNotFoundHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
