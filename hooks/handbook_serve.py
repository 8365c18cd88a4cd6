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

When two or more languages other than the default have to be built again (an edit every language
shows), and the machine has a second core, the build forks (handbook/secondprocess.py): the copy
builds about half of them into a folder of its own while this process builds the rest, and the
rebuild takes the copy's language folders over once both are done. A copy that fails or takes too
long fails the rebuild like any other failure: the last good build stays in place.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import CombinedEvent, event_priority
from mkdocs.structure.files import Files

from handbook.background import second_core_available
from handbook.changes import language_digests, unchanged_languages
from handbook.secondprocess import SecondProcess, in_second_process, leave
from handbook_mkdocs import handbook_for, i18n_plugin, project_for
from handbook_timing import timed

log = logging.getLogger("mkdocs.hooks.handbook_serve")

SAVE_POLLING_SECONDS = 0.1
# What building the default language's stand-in home page costs, next to building one language.
STAND_IN_SHARE = 0.3


@dataclass
class _Serving:
    """What the server knows about the site it serves."""

    active: bool = False
    served: dict[str, Any] = field(default_factory=dict)  # digests of the site being served
    building: dict[str, Any] = field(default_factory=dict)  # digests of the build in progress
    skipped: list[str] = field(default_factory=list)  # languages taken over from the served site
    configured: set[str] = field(default_factory=set)  # languages mkdocs.yml has built
    built_here: set[str] = field(default_factory=set)  # languages other than the default built by this process
    second: SecondProcess | None = None  # the copy building some of the languages


_serving = _Serving()


@timed
def on_startup(*, command: str, dirty: bool) -> None:
    _serving.active = command == "serve"


@timed
@event_priority(200)  # before anything reads the languages in a language's build
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Every language is in every language's build again, built this time or not: static-i18n
    takes the language switcher's links, and the handbook its language names, from the languages
    marked to be built. Only its list of languages to build, made before the first of them, is
    meant to be shortened (see _choose_languages)."""
    i18n = i18n_plugin(config)
    if _serving.active and i18n.building:
        for language in i18n.config.languages:
            if language.locale in _serving.configured:
                language.build = True
    return config


@timed
@event_priority(-200)  # after handbook_pages (-150) has filled in the pages
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    i18n = i18n_plugin(config)
    if not _serving.active or i18n.building:
        return files
    default = i18n.default_language
    digests = language_digests(handbook_for(config), project_for(config).names, config.site_url or "")
    _serving.building = {"site": _site_fingerprint(config), "languages": digests, "default": default}
    same_site = bool(_serving.served) and _serving.served["site"] == _serving.building["site"]
    unchanged = set(unchanged_languages(_serving.served["languages"], digests)) if same_site else set()
    _serving.configured = {language.locale for language in i18n.config.languages if language.build}
    to_build = [language.locale for language in i18n.config.languages if language.build and language.locale != default]
    _serving.skipped = [language for language in [default, *to_build] if language in unchanged]
    others = [language for language in to_build if language not in unchanged]
    # Rebuilds only: the first build is not run by rebuild_or_keep, which takes the copy's work over.
    share = _second_process_share(others, default_built=default not in unchanged) if _serving.served else []
    _serving.second = None
    _serving.built_here = set(others) - set(share)
    if share:
        folder = Path(tempfile.mkdtemp(prefix="handbook-languages-", dir=Path(config.site_dir).parent))
        _serving.second = SecondProcess.fork(share, folder)
        if _serving.second is None:  # this is the copy: the parent builds the default language
            _serving.built_here = set(share)
            config.site_dir = str(folder)
            return _stand_in_home(files, config)
    if default in unchanged:
        return _stand_in_home(files, config)
    return files


def _second_process_share(others: list[str], default_built: bool) -> list[str]:
    """The languages a second process builds: the last ones of those to build, as many as make the
    two processes' work most even; none if that would not make the rebuild any shorter."""
    if not second_core_available():
        return []
    here = 1.0 if default_built else STAND_IN_SHARE
    alone = here + len(others)

    def longer_share(count: int) -> float:
        return max(here + len(others) - count, STAND_IN_SHARE + count)

    count = min(range(len(others) + 1), key=longer_share)
    return others[len(others) - count :] if longer_share(count) < alone else []


def _stand_in_home(files: Files, config: MkDocsConfig) -> Files:
    """The default language's build with a stand-in home page alone: static-i18n insists on a home
    page, and with its links to pages not built, the real one would fail the strict build."""
    config.nav = None
    home = [file for file in files.documentation_pages() if file.dest_uri == "index.html"]
    for file in home:
        file.content_string = "# Home\n"
        file.abs_dest_path = os.path.normpath(os.path.join(config.site_dir, file.dest_path))
    return Files(home)


@timed
@event_priority(-95)  # before static-i18n (-100) builds the other languages
def _choose_languages(*, config: MkDocsConfig) -> None:
    i18n = i18n_plugin(config)
    if not _serving.active or i18n.building:
        return
    for language in i18n.config.languages:
        if language.locale != i18n.default_language and language.locale not in _serving.built_here:
            language.build = False
    if in_second_process():
        return
    if _serving.skipped:
        log.info("Unchanged, not built again: %s", ", ".join(_serving.skipped))
    if _serving.second:
        log.info("Built in a second process: %s", ", ".join(_serving.second.languages))


@timed
@event_priority(-101)  # right after static-i18n (-100) has built the other languages
def _leave_if_second_process(*, config: MkDocsConfig) -> None:
    if in_second_process() and not i18n_plugin(config).building:
        leave(0)


on_post_build = CombinedEvent(_choose_languages, _leave_if_second_process)


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
        last_good = Path(tempfile.mkdtemp(prefix="handbook-last-good-", dir=site.parent))
        _move_contents(site, last_good)
        try:
            _rebuild_in_this_process_only(rebuild)
            _take_over_second_process(site)
        except Exception as error:
            _log_failure(error, "The rebuild failed unexpectedly")
            _empty(site)
            _move_contents(last_good, site)
            last_good.rmdir()
            log.error("The preview still shows the last good build. Fix the problem and save: it rebuilds by itself.")
            return
        finally:
            if _serving.second is not None:
                _serving.second.stop()
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
        # What is left of the last good build is removed while the browsers reload.
        threading.Thread(target=shutil.rmtree, args=(last_good, True), name="handbook-last-good-removal").start()

    return rebuild_or_keep


def _rebuild_in_this_process_only(rebuild: Callable[[], None]) -> None:
    """Run the rebuild; a second process forked during it leaves here, whatever happened, and
    never runs the rest of this process's code (which would put the last good build back)."""
    try:
        rebuild()
    except BaseException as error:
        if in_second_process():
            _log_failure(error, "The second process failed")
            leave(1)
        raise
    if in_second_process():
        leave(0)


def _log_failure(error: BaseException, unexpected: str) -> None:
    """MkDocs' Abort and the hooks' own errors carry their reason (what went wrong is logged just
    above them); anything else is unexpected and gets its traceback."""
    if isinstance(error, (SystemExit, PluginError)):
        log.error(str(error))
    else:
        log.error(unexpected, exc_info=error)


def _take_over_second_process(site: Path) -> None:
    """Wait for the second process and put the languages it built in place."""
    second = _serving.second
    if second is None:
        return
    if not second.finished():
        raise PluginError(f"Building {', '.join(second.languages)} in a second process failed (exit code {second.exit_code}); see above.")
    for language in second.languages:
        _take_over(second.folder / language, site / language)


def _take_over(entry: Path, target: Path) -> None:
    """Put an entry of the last good build, or of the second process's folder, in place of what the
    rebuild wrote there."""
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
