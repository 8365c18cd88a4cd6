"""How the benchmark (tools/bench.py) measures: timed builds, the plain-MkDocs floor, a
`mkdocs serve` rebuild after one edit, and the sizes of what readers download.

Every build runs as `make build` runs it: a fresh `python -m mkdocs build --strict` process, so
start-up and imports count, in a throwaway copy of the site.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import yaml

from liveserve import mkdocs_serve, wait_for
from sitecopy import REPO


def environment(project: Path, **extra: str) -> dict[str, str]:
    """The environment `make build` gives MkDocs, with the project's hooks importable (and, as
    there, compiled once into the project's .cache/pycache)."""
    inherited = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {
        **inherited,
        "NO_MKDOCS_2_WARNING": "1",
        "PYTHONPYCACHEPREFIX": str(project / ".cache" / "pycache"),
        "SOURCE_DATE_EPOCH": "1700000000",
        "PYTHONPATH": str(project / "hooks"),
        **extra,
    }


def run(command: list[str], cwd: Path, env: dict[str, str]) -> float:
    """Wall seconds of one command; a failure stops the benchmark with the command's own words."""
    started = time.perf_counter()
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{result.stdout}{result.stderr}")
    return seconds


def build_seconds(project: Path, config: Path | None = None) -> float:
    """One full `mkdocs build --strict` of the project (or of another mkdocs.yml in it)."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet"]
    if config is not None:
        command += ["--config-file", str(config)]
    return run(command, project, environment(project))


def export_floor(project: Path, out: Path) -> Path:
    """Export the project's pages for plain MkDocs (hooks off); returns the exported mkdocs.yml."""
    command = [sys.executable, "-m", "handbook", "--root", str(project), "export", str(out)]
    run(command, project, environment(REPO))
    return out / "mkdocs.yml"


def preview_floor(exported: Path, languages: list[str]) -> Path:
    """A copy of the exported mkdocs.yml that builds only `languages`, through static-i18n's own
    `build: false`, as `make serve LANGUAGES=...` does; returns its path."""
    settings = yaml.safe_load(exported.read_text(encoding="utf-8"))
    i18n = next(plugin["i18n"] for plugin in settings["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    for language in i18n["languages"]:
        language["build"] = language["locale"] in languages
    preview = exported.with_name("mkdocs.preview.yml")
    preview.write_text(yaml.safe_dump(settings, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return preview


def median(values: Iterable[float]) -> float:
    return statistics.median(list(values))


def html_pages(site: Path) -> list[Path]:
    """Every page of the built site in every language (the "page not found" pages excepted)."""
    return [path for path in site.rglob("*.html") if path.name != "404.html"]


def file_size(path: Path) -> int:
    return path.stat().st_size


def _page_text(url: str) -> str | None:
    """The page as served, or None while the server is not answering yet."""
    try:
        with urllib.request.urlopen(url, timeout=120) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@dataclass
class Edit:
    """One kind of content edit timed under `mkdocs serve`."""

    label: str
    page: str  # the page that shows the edit, relative to the site root
    make: Callable[[int], str]  # make the n-th edit; returns a marker the rebuilt page contains
    undo: Callable[[], None]  # put the content back as it was


def serve_rebuild_seconds(
    project: Path, edits: list[Edit], repeats: int, languages: str = "", config: Path | None = None
) -> dict[str, list[float]]:
    """Seconds from saving each edit until `mkdocs serve` (previewing `languages`, as
    `make serve LANGUAGES=...` does; all when empty; or serving another mkdocs.yml) serves the
    rebuilt page, `repeats` times per kind of edit; each edit is undone (and that rebuild awaited)
    before the next."""
    times: dict[str, list[float]] = {edit.label: [] for edit in edits}
    env = environment(project, HANDBOOK_LANGUAGES=languages)
    with tempfile.TemporaryFile() as log, mkdocs_serve(project, log, env, config) as base:
        try:
            wait_for(lambda: _page_text(base) is not None, "the first build to be served", timeout=600)
            for number in range(repeats):
                for edit in edits:
                    url = base + edit.page
                    started = time.perf_counter()
                    marker = edit.make(number)
                    wait_for(lambda url=url, marker=marker: marker in (_page_text(url) or ""), f"the page after: {edit.label}", 600)
                    times[edit.label].append(time.perf_counter() - started)
                    edit.undo()
                    wait_for(lambda url=url, marker=marker: marker not in (_page_text(url) or marker), "the page undone", 600)
            return times
        except TimeoutError as error:
            log.seek(0)
            raise RuntimeError(f"{error}\n{log.read().decode('utf-8', 'replace')}") from None
        finally:
            for edit in edits:
                edit.undo()
