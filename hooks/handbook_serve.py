"""Keep `mkdocs serve` showing the last good build while the content is broken.

MkDocs 1.6.1's live-reload server marks the site as "being rebuilt" before each rebuild and holds
every page request until that rebuild is done; a rebuild that fails is never done, so the preview
hangs until the mistake is fixed. This hook wraps the rebuild: on failure it prints why, puts the
last good site back (a failure after MkDocs has emptied the folder would otherwise leave it half
written) and lets the server carry on. Saving the fixed file rebuilds and reloads the browsers.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer

from handbook_timing import timed

log = logging.getLogger("mkdocs.hooks.handbook_serve")


@timed
def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    server.builder = _keep_last_good(server.builder, Path(config.site_dir))
    return server


def _keep_last_good(rebuild: Callable[[], None], site: Path) -> Callable[[], None]:
    def rebuild_or_keep() -> None:
        with tempfile.TemporaryDirectory(prefix="handbook-last-good-") as backup:
            last_good = Path(backup) / "site"
            shutil.copytree(site, last_good)
            try:
                rebuild()
            except Exception as error:
                if isinstance(error, SystemExit):  # MkDocs' Abort: the reason is logged just above
                    log.error(str(error))
                else:
                    log.exception("The rebuild failed unexpectedly")
                _restore(last_good, site)
                log.error("The preview still shows the last good build. Fix the problem and save: it rebuilds by itself.")

    return rebuild_or_keep


def _restore(last_good: Path, site: Path) -> None:
    for entry in site.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
    shutil.copytree(last_good, site, dirs_exist_ok=True)
