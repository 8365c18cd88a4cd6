"""A "page not found" page in every language, at <language>/404.html.

MkDocs renders the theme's 404.html once per build into the site root, so with one build per
language the root would end up in the last-built language. Here the default language keeps the
root 404.html and every other language's page goes into its own folder; the text comes from the
interface words in content/ui.yaml. Web servers pick the file per folder (see README).
"""

from __future__ import annotations

import os
from typing import Any

from mkdocs.config.defaults import MkDocsConfig

from handbook.translation import interface_word
from sitebuild import i18n
from sitebuild.state import build_for

TEMPLATE = "404.html"
WORDS = ("page_not_found", "page_not_found_text", "back_home")


def on_template_context(context: dict[str, Any], *, template_name: str, config: MkDocsConfig) -> dict[str, Any]:
    if template_name == TEMPLATE:
        handbook = build_for(config).handbook
        language = i18n.current_language(config)
        context["handbook_not_found"] = {key: interface_word(handbook, key, language).get(key, key) for key in WORDS}
        # The language switcher of a missing page offers each language's home page. static-i18n
        # keeps each page's alternates as an attribute of config.extra, which Jinja reads before
        # the item, and which still holds the last page's.
        config.extra.alternate = i18n.home_alternates(config)
    return context


def on_post_template(output: str, *, template_name: str, config: MkDocsConfig) -> str:
    """Keep the default language's page at the root; write every other language's into its
    folder and hand MkDocs nothing to write (it then skips the root file, logging that it did)."""
    folder = i18n.language_folder(config, i18n.current_language(config))
    if template_name != TEMPLATE or not folder:
        return output
    path = os.path.join(config.site_dir, folder, TEMPLATE)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        handle.write(output)
    return ""
