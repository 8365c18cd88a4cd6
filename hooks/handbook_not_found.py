"""A "page not found" page in every language, at <language>/404.html.

MkDocs renders the theme's 404.html once per build into the site root, so with one build per
language the root ends up in the last-built language. Here the default language keeps the root
404.html and every other language writes its own into its folder; the text comes from the
interface words in content/ui.yaml. Web servers pick the file per folder (see README).
"""

from __future__ import annotations

import os
from copy import deepcopy
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from handbook.translation import interface_word
from handbook_mkdocs import current_language, handbook_for, i18n_plugin
from handbook_timing import timed

TEMPLATE = "404.html"
WORDS = ("page_not_found", "page_not_found_text", "back_home")


@timed
def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == TEMPLATE:
        handbook = handbook_for(config)
        language = current_language(config)
        words = {}
        for key in WORDS:
            words[key] = interface_word(handbook, key, language).get(key, key)
        context["handbook_not_found"] = words
        # The language switcher of a missing page offers each language's home page. static-i18n
        # sets per-page alternates as an attribute of config.extra, which outlives the page and
        # would otherwise point this page's switcher at the last page of the previous build.
        config.extra.alternate = deepcopy(i18n_plugin(config).extra_alternate)
    return context


@timed
def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Keep the default language's page at the root; put every other language's in its folder."""
    if template_name != TEMPLATE:
        return output
    language = current_language(config)
    if language == i18n_plugin(config).default_language:
        return output
    path = os.path.join(config.site_dir, language, TEMPLATE)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(output)
    return ""
