"""`mkdocs serve`: keep showing the last good build while the content is broken, and after a save
build again only the languages the edit changed.

MkDocs 1.6.1's live-reload server marks the site as "being rebuilt" before each rebuild and holds
every page request until that rebuild is done; a rebuild that fails is never done, so the preview
hangs until the mistake is fixed. This hook wraps the rebuild: on failure it prints why, puts the
last good site back (a failure after MkDocs has emptied the folder would otherwise leave it half
written) and lets the server carry on. Saving the fixed file rebuilds and reloads the browsers.

static-i18n builds every language on each rebuild, most of a rebuild's time; a save usually
changes one language. A language whose part of the site is the same as in the build being served
(handbook/changes.py decides), while nothing else of the site (mkdocs.yml, docs/, the theme
overrides) changed, is not built again: its files are taken over from that build. The default
language's build always runs, since static-i18n builds the others from within it, but when the
default language is unchanged it builds a stand-in home page alone, and everything of the site
outside the other languages' folders is taken over. `mkdocs build` always builds everything.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from handbook.changes import language_digest, language_digests, unchanged_languages
from handbook_mkdocs import handbook_for, i18n_plugin, project_for
from handbook_timing import timed

log = logging.getLogger("mkdocs.hooks.handbook_serve")

SAVE_POLLING_SECONDS = 0.1


@dataclass
class _Serving:
    """What the server knows about the site it serves."""

    active: bool = False
    served: dict[str, Any] = field(default_factory=dict)  # digests of the site being served
    building: dict[str, Any] = field(default_factory=dict)  # digests of the build in progress
    skipped: list[str] = field(default_factory=list)  # languages taken over from the served site


_serving = _Serving()


@timed
def on_startup(*, command: str, dirty: bool) -> None:
    _serving.active = command == "serve"


@timed
@event_priority(-200)  # after handbook_pages (-150) has filled in the pages
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    i18n = i18n_plugin(config)
    if not _serving.active or i18n.building:
        return files
    _serving.building = {"site": _site_fingerprint(config), "languages": {}, "default": i18n.default_language}
    _serving.skipped = []
    if not _serving.served or _serving.served["site"] != _serving.building["site"]:
        return files
    default = i18n.default_language
    digest = language_digest(handbook_for(config), default, project_for(config).names, config.site_url or "")
    if digest != _serving.served["languages"].get(default):
        return files
    # Unchanged: build a stand-in home page alone (static-i18n insists on a home page; with its
    # links to pages not built, the real one would fail the strict build) and take the rest over.
    _serving.skipped.append(default)
    config.nav = None
    home = [file for file in files.documentation_pages() if file.dest_uri == "index.html"]
    for file in home:
        file.content_string = "# Home\n"
    return Files(home)


@timed
@event_priority(-95)  # before static-i18n (-100) builds the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    i18n = i18n_plugin(config)
    if not _serving.active or i18n.building:
        return
    _serving.building["languages"] = language_digests(handbook_for(config), project_for(config).names, config.site_url or "")
    if not _serving.served or _serving.served["site"] != _serving.building["site"]:
        return
    unchanged = unchanged_languages(_serving.served["languages"], _serving.building["languages"])
    for language in i18n.config.languages:
        if language.locale in unchanged and language.locale != i18n.default_language and language.build:
            language.build = False
            _serving.skipped.append(language.locale)
    if _serving.skipped:
        log.info("Unchanged, not built again: %s", ", ".join(_serving.skipped))


@timed
def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    _serving.served = _serving.building  # the first build, which succeeded, is being served
    server.builder = _keep_last_good(server.builder, Path(config.site_dir))
    _look_for_saves_often(server)
    return server


def _look_for_saves_often(server: LiveReloadServer) -> None:
    """Notice a save within a tenth of a second instead of half a second.

    MkDocs 1.6.1 watches with a polling observer that looks at the watched folders every 0.5 s,
    a quarter of a second of waiting on average before each preview rebuild starts. Looking at the
    few dozen content files more often costs next to nothing. The folders in mkdocs.yml's `watch:`
    list (content/, schema/, hooks/) are scheduled after this event, so they take the observer's
    interval from here; watchdog offers no public setter for it, and with another observer (or a
    later watchdog) the attribute is absent or unused and MkDocs' own interval stays.
    """
    observer = getattr(server, "observer", None)
    if observer is not None and hasattr(observer, "_timeout"):
        observer._timeout = SAVE_POLLING_SECONDS


def _keep_last_good(rebuild: Callable[[], None], site: Path) -> Callable[[], None]:
    def rebuild_or_keep() -> None:
        # The served site is moved aside, not copied: renaming is instant, and MkDocs starts from
        # an empty folder as it would after cleaning it.
        with tempfile.TemporaryDirectory(prefix="handbook-last-good-", dir=site.parent) as backup:
            last_good = Path(backup)
            _move_contents(site, last_good)
            try:
                rebuild()
            except Exception as error:
                if isinstance(error, SystemExit):  # MkDocs' Abort: the reason is logged just above
                    log.error(str(error))
                else:
                    log.exception("The rebuild failed unexpectedly")
                _empty(site)
                _move_contents(last_good, site)
                log.error("The preview still shows the last good build. Fix the problem and save: it rebuilds by itself.")
                return
            default = _serving.building.get("default")
            for language in _serving.skipped:
                if language == default:  # the site outside the other languages' folders
                    others = _serving.building["languages"].keys() - {default}
                    for entry in list(last_good.iterdir()):
                        if entry.name not in others:
                            _take_over(entry, site / entry.name)
                else:
                    _take_over(last_good / language, site / language)
            _serving.served = _serving.building

    return rebuild_or_keep


def _take_over(entry: Path, target: Path) -> None:
    """Put an entry of the last good build in place of what the rebuild wrote there."""
    if target.exists() or target.is_symlink():
        _remove(target)
    shutil.move(entry, target)


def _move_contents(source: Path, target: Path) -> None:
    for entry in source.iterdir():
        shutil.move(entry, target / entry.name)


def _empty(folder: Path) -> None:
    if not folder.exists():
        return
    for entry in folder.iterdir():
        _remove(entry)


def _remove(entry: Path) -> None:
    if entry.is_dir() and not entry.is_symlink():
        shutil.rmtree(entry)
    else:
        entry.unlink()


def _site_fingerprint(config: MkDocsConfig) -> tuple:
    """Names, sizes and times of the site's files that are not content: a change to any of them
    may change every language."""
    entries = []
    for path in filter(None, (config.config_file_path, config.docs_dir, config.theme.custom_dir)):
        for file in _files(path):
            stat = os.stat(file)
            entries.append((file, stat.st_size, stat.st_mtime_ns))
    return tuple(sorted(entries))


def _files(path: str) -> Iterator[str]:
    if not os.path.isdir(path):
        yield path
        return
    for folder, _, names in os.walk(path):
        for name in names:
            yield os.path.join(folder, name)
