"""`mkdocs serve`: a page whose search entries cannot have changed since a recent rebuild is not
indexed again.

Material's search plugin splits every page's HTML into sections with an HTML parser, on every
rebuild and for every language. Its entries depend on nothing but the page's HTML, address, title,
table of contents and front matter, and on the search settings; with all of them in the key, the
entries kept from an earlier rebuild are the entries indexing would make. `mkdocs build` indexes
every page, as it always did.
"""

from __future__ import annotations

import copy
import json
import logging
from collections.abc import Callable
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import AnchorLink

from handbook.recent import RecentResults, digest_of
from handbook_mkdocs import i18n_plugin
from handbook_timing import timed

log = logging.getLogger("mkdocs.hooks.handbook_reuse_search")

_entries: RecentResults[list[dict[str, Any]]] = RecentResults()
_active = False


@timed
def on_startup(*, command: str, dirty: bool) -> None:
    global _active  # noqa: PLW0603
    _active = command == "serve"


@timed
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if _active and not i18n_plugin(config).building:  # once per rebuild, not for every language
        _entries.start_build()
    return config


@timed
@event_priority(-100)  # after the search plugin has made this language's index (on_config)
def on_pre_build(*, config: MkDocsConfig) -> None:
    plugin = config.plugins.get("material/search")
    index = getattr(plugin, "search_index", None)
    if _active and index is not None:
        index.add_entry_from_context = _indexing_once(index, plugin)


@timed
@event_priority(-130)  # after static-i18n (-100) has built the other languages
def on_post_build(*, config: MkDocsConfig) -> None:
    if _active and not i18n_plugin(config).building and _entries.taken:
        log.info("Pages whose search entries are unchanged, not indexed again: %d of %d", _entries.taken, _entries.taken + _entries.made)


def _indexing_once(index: Any, plugin: BasePlugin) -> Callable[[Page], None]:
    add_entries = index.add_entry_from_context
    settings = json.dumps(dict(plugin.config), sort_keys=True, default=repr)

    def add_entries_or_take_them(page: Page) -> None:
        meta = json.dumps(page.meta, sort_keys=True, default=repr)
        key = digest_of((settings, page.url, str(page.title), meta, _toc_text(page.toc), page.content or ""))
        kept = _entries.take(key)
        if kept is not None:
            index.entries.extend(copy.deepcopy(kept))
            return
        first = len(index.entries)
        add_entries(page)
        _entries.keep(key, copy.deepcopy(index.entries[first:]))

    return add_entries_or_take_them


def _toc_text(toc: list[AnchorLink]) -> str:
    """The table of contents as the index reads it: each heading's anchor, address and title."""
    return json.dumps([[item.id, item.url, item.title, _toc_text(item.children)] for item in toc])
