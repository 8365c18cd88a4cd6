"""Search in the reader's own language, accent- and case-insensitive, Greek included.

static-i18n builds the languages one after another and, once all are built, has Material write a
single index mixing them all at the site root. Right after that, this hook splits that index into
one per language, in the language's own folder (locations relative to it), and points each page's
search at its own folder, so results come from the reader's language only. Each index asks the
search worker for the "handbook" pipeline (docs/assets/javascripts/lunr/min/lunr.handbook.min.js),
which folds case and accents. Each page's entry also gets the words the page means without
using them (synonyms and other spellings, from content/search.yaml; see handbook/search.py) in
an extra indexed field, `synonyms`, which Material's search reads from the index's `fields`.
"""

from __future__ import annotations

import json
import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

from handbook.search import add_to_pages, search_words
from sitebuild import i18n
from sitebuild.state import build_for

PIPELINE_LANGUAGE = "handbook"
SYNONYMS_FIELD = "synonyms"
INDEX = os.path.join("search", "search_index.json")


def _search_root(config: MkDocsConfig, base_url: str) -> str:
    folder = i18n.language_folder(config, i18n.current_language(config))
    return f"{base_url.rstrip('/')}/{folder}/" if folder else base_url


def on_page_context(context: dict[str, Any], *, page: Page, config: MkDocsConfig, nav: Any) -> dict[str, Any]:
    context["handbook_search_root"] = _search_root(config, context["base_url"])
    return context


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    context["handbook_search_root"] = _search_root(config, context["base_url"])
    return context


@event_priority(-110)  # after static-i18n (-100) has built every language and written the mixed index
def on_post_build(*, config: MkDocsConfig) -> None:
    if i18n.in_nested_build(config):
        return
    with open(os.path.join(config.site_dir, INDEX), encoding="utf-8") as handle:
        mixed = json.load(handle)
    fields = {**mixed["config"]["fields"], SYNONYMS_FIELD: {"boost": 1.0}}
    settings = {**mixed["config"], "lang": [PIPELINE_LANGUAGE], "pipeline": ["trimmer", "stemmer"], "fields": fields}
    handbook = build_for(config).handbook
    for language, docs in split_by_language(mixed["docs"], i18n.built_languages(config), i18n.default_language(config)).items():
        add_to_pages(docs, search_words(handbook, language), SYNONYMS_FIELD)
        path = os.path.join(config.site_dir, i18n.language_folder(config, language), INDEX)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8") as handle:
            json.dump({"config": settings, "docs": docs}, handle, ensure_ascii=False, separators=(",", ":"))


def split_by_language(docs: list[dict[str, Any]], languages: list[str], default: str) -> dict[str, list[dict[str, Any]]]:
    """Each language's entries, their locations relative to the language's folder; an entry
    outside every other language's folder is the default language's."""
    split: dict[str, list[dict[str, Any]]] = {language: [] for language in languages}
    for entry in docs:
        location = entry["location"]
        language = next((lang for lang in languages if lang != default and location.startswith(f"{lang}/")), default)
        prefix = "" if language == default else f"{language}/"
        split[language].append({**entry, "location": location.removeprefix(prefix)})
    return split
