"""Search in the reader's own language, accent- and case-insensitive, Greek included.

static-i18n builds the languages one after another and finally writes a single index that mixes
them all. This hook writes one index per language into that language's folder (locations relative
to it) and points each page's search at its own folder, so results come from the reader's
language only. The index asks the search worker for the "handbook" pipeline
(docs/assets/javascripts/lunr/min/lunr.handbook.min.js), which folds case and accents.
"""

from __future__ import annotations

import json
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.pages import Page

from handbook_mkdocs import current_language, i18n_plugin
from handbook_timing import timed

PIPELINE_LANGUAGE = "handbook"


def _search_plugin(config: MkDocsConfig) -> BasePlugin:
    return config.plugins.get("material/search") or config.plugins["search"]


def _language_folder(config: MkDocsConfig) -> str:
    """'' for the default language (site root), else the language code."""
    language = current_language(config)
    return "" if language == i18n_plugin(config).default_language else language


def _search_root(base_url: str, folder: str) -> str:
    if not folder:
        return base_url
    return f"{base_url.rstrip('/')}/{folder}/"


@timed
def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    context["handbook_search_root"] = _search_root(context["base_url"], _language_folder(config))
    return context


@timed
def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    context["handbook_search_root"] = _search_root(context["base_url"], _language_folder(config))
    return context


# Indexes waiting to be written, innermost build last: static-i18n runs the other languages'
# builds inside the default language's post-build, so the default index is collected before that
# and written after static-i18n has written its mixed index to the same place.
_pending: list[tuple[str, dict[str, Any]]] = []


@timed
@event_priority(-90)
def _collect_index(*, config: MkDocsConfig) -> None:
    if not i18n_plugin(config).building:
        _pending.clear()
    folder = _language_folder(config)
    prefix = f"{folder}/" if folder else ""
    plugin = _search_plugin(config)
    docs = [{**entry, "location": entry["location"].removeprefix(prefix)} for entry in plugin.search_index.entries]
    index = {
        "config": {
            "lang": [PIPELINE_LANGUAGE],
            "separator": plugin.config.separator or r"[\s\-]+",
            "pipeline": ["trimmer", "stemmer"],
            "fields": plugin.config.fields,
        },
        "docs": docs,
    }
    _pending.append((folder, index))


@timed
@event_priority(-110)
def _write_index(*, config: MkDocsConfig) -> None:
    folder, index = _pending.pop()
    path = os.path.join(config.site_dir, folder, "search", "search_index.json")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(index, handle, ensure_ascii=False, separators=(",", ":"))


on_post_build = CombinedEvent(_collect_index, _write_index)
