"""Navigation, site name and the words MkDocs itself puts on pages, in the language being built.

Runs after static-i18n's `on_config` (priority -100) has switched the language, so the section
labels, the handbook's name and the tooltip of the heading links (Python-Markdown's toc
`permalink_title`, "Permanent link" in every language unless set) come from that language's content.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook.model import HANDBOOK_FIELDS
from handbook.navigation import navigation, site_name
from handbook.translation import interface_word, localize
from sitebuild import i18n
from sitebuild.state import build_for, theme_text


@event_priority(-110)  # after static-i18n (-100) has switched to the language being built
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    build = build_for(config)
    language = i18n.current_language(config)
    config.nav = navigation(build.handbook, language, build.project.names, title=theme_text)
    config.site_name = theme_text(site_name(build.handbook, language))
    # The meta description of a page that has none of its own (the 404 page): the tagline.
    config.site_description = theme_text(
        localize(build.handbook.texts, language, build.handbook.default_language, HANDBOOK_FIELDS)["tagline"] or ""
    )
    config.mdx_configs.setdefault("toc", {})["permalink_title"] = interface_word(build.handbook, "permalink", language).get("permalink", "")
    return config


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Page titles as Markup too: MkDocs keeps them as escaped HTML text, which Material's `| e`
    escaped again, so the footer announced "Next: Q&amp;A" to screen readers."""
    if page.title:
        page.title = theme_text(html.unescape(page.title))
    return html_text
