"""`mkdocs serve`: preview the languages asked for, and keep showing the last good build while the
content is broken.

Preview languages: `make serve LANGUAGES="hr sv"` (HANDBOOK_LANGUAGES in the environment) builds
the default language and those named, through static-i18n's own per-language `build: false`; every
language of the handbook is still checked, on the cue cards and in the language switcher. Without
it every language is built. `mkdocs build` always builds every language.

Last good build: MkDocs 1.6's live-reload server holds every page request until a rebuild has
succeeded, so a failed rebuild leaves the preview hanging until the mistake is fixed, and a failure
after MkDocs has emptied the site folder would leave it half written. MkDocs offers no event for a
failed build, so the one workaround lives here: `on_serve` wraps the server's public `builder`.
On failure the wrapper prints why, puts the last good site back and lets the server carry on;
saving the fixed file rebuilds and reloads the browsers (tests/test_serve.py).
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority

from sitebuild import i18n
from sitebuild.state import session

log = logging.getLogger("mkdocs.hooks.handbook_serve")

PREVIEW_LANGUAGES = "HANDBOOK_LANGUAGES"


def on_startup(*, command: str, dirty: bool) -> None:
    session.command = command


@event_priority(110)  # before the content is loaded (100) and static-i18n (-100) reads `build`
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if not session.serving or i18n.in_nested_build(config):
        return config
    asked = preview_languages(os.environ.get(PREVIEW_LANGUAGES, ""), [language.locale for language in i18n.languages(config)])
    if asked:
        default = i18n.default_language(config)
        for language in i18n.languages(config):
            language.build = language.locale == default or language.locale in asked
        log.info("Previewing %s only; `make build` builds every language.", ", ".join(i18n.built_languages(config)))
    return config


def preview_languages(asked: str, configured: list[str]) -> set[str]:
    """The language codes in `asked` (separated by spaces or commas); none means every language."""
    codes = {code for code in re.split(r"[\s,]+", asked) if code}
    unknown = sorted(codes - set(configured))
    if unknown:
        raise PluginError(
            f"LANGUAGES: unknown language {', '.join(repr(code) for code in unknown)} "
            f'(the handbook\'s languages are {", ".join(configured)}; e.g. make serve LANGUAGES="{configured[-1]}")'
        )
    return codes


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    server.builder = keep_last_good(server.builder, Path(config.site_dir))
    return server


def keep_last_good(rebuild: Callable[[], None], site: Path) -> Callable[[], None]:
    """`rebuild`, leaving the site as it was when it fails."""

    def rebuild_or_keep() -> None:
        # The served site is moved aside, not copied: renaming is instant, and MkDocs starts from
        # an empty folder as it would after cleaning it.
        last_good = Path(tempfile.mkdtemp(prefix="handbook-last-good-", dir=site.parent))
        _move_contents(site, last_good)
        try:
            rebuild()
        except BaseException as error:
            _empty(site)
            _move_contents(last_good, site)
            last_good.rmdir()
            if not isinstance(error, Exception):  # Ctrl+C: stop, with the last good site in place
                raise
            if isinstance(error, (SystemExit, PluginError)):  # their reason is logged just above
                log.error(str(error))
            else:
                log.error("The rebuild failed unexpectedly", exc_info=error)
            log.error("The preview still shows the last good build. Fix the problem and save: it rebuilds by itself.")
            return
        # The old build is removed while the browsers reload.
        threading.Thread(target=shutil.rmtree, args=(last_good, True), name="handbook-last-good-removal").start()

    return rebuild_or_keep


def _move_contents(source: Path, target: Path) -> None:
    for entry in source.iterdir():
        shutil.move(entry, target / entry.name)


def _empty(folder: Path) -> None:
    if not folder.exists():
        return
    for entry in folder.iterdir():
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()
