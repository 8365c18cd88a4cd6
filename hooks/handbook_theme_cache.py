"""Compile the theme's templates, and list the installed theme's files, once per process instead
of once per language.

MkDocs makes a new Jinja environment for every build, and static-i18n runs one build per language:
Material's templates were parsed and compiled again for every language of a `mkdocs build` and of
every `mkdocs serve` rebuild. Jinja's bytecode cache keeps each compiled template by its name and
the checksum of its source, so it is compiled once, and again only when its source changes.

Every build also lists the theme's folders to copy its assets, some fifteen thousand files, most of
them Material's icons in hidden folders, which MkDocs then leaves out one by one (it copies no file
whose path has a part starting with a dot). An installed package does not change while MkDocs runs,
so its folders are listed once, without hidden files and folders; the project's own theme folder
(overrides/) is listed afresh every build, the same way.
"""

from __future__ import annotations

import os
import sysconfig
from collections.abc import Callable
from functools import cache

import jinja2
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files

from handbook_timing import timed

_INSTALLED = tuple(
    os.path.join(os.path.realpath(folder), "") for folder in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
)


class _CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory for the rest of the process."""

    def __init__(self) -> None:
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        code = self._code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # ignored by Jinja if the source has changed since

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


_compiled = _CompiledTemplates()


class _ListingInstalledOnce(jinja2.FileSystemLoader):
    """The theme's loader, listing the folders of installed packages once per process and leaving
    out hidden files and folders (nothing of the loader's but the listing of assets lists)."""

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if os.path.join(os.path.realpath(folder), "").startswith(_INSTALLED):
                found.update(_listed_once(folder, self.followlinks))
            else:
                found.update(_listed(folder, self.followlinks))
        return sorted(found)


def _listed(folder: str, followlinks: bool) -> tuple[str, ...]:
    names = jinja2.FileSystemLoader(folder, followlinks=followlinks).list_templates()
    return tuple(name for name in names if not any(part.startswith(".") for part in name.split("/")))


_listed_once = cache(_listed)


def _listing_installed_once(get_env: Callable[[], jinja2.Environment]) -> Callable[[], jinja2.Environment]:
    def theme_environment() -> jinja2.Environment:
        env = get_env()
        loader = env.loader
        if type(loader) is jinja2.FileSystemLoader:
            env.loader = _ListingInstalledOnce(loader.searchpath, loader.encoding, loader.followlinks)
        return env

    theme_environment.lists_installed_once = True  # type: ignore[attr-defined]
    return theme_environment


@timed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Before MkDocs asks the theme for the environment whose listing finds the theme's assets."""
    if not getattr(config.theme.get_env, "lists_installed_once", False):
        config.theme.get_env = _listing_installed_once(config.theme.get_env)  # type: ignore[method-assign]
    return config


@timed
def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = _compiled
    return env
