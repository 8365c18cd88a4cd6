"""Navigation and site name in the language being built.

Runs after static-i18n's `on_config` (priority -100) has switched the language, so the section
labels and the handbook's name come from that language's content.
"""

from __future__ import annotations

import html

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from handbook import pages
from handbook.model import HANDBOOK_FIELDS, SECTION_FIELDS
from handbook.translation import interface_word, localize
from handbook_mkdocs import current_language, handbook_for, project_for, theme_text


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    handbook = handbook_for(config)
    language = current_language(config)
    default = handbook.default_language

    def word(key: str) -> str:
        return theme_text(interface_word(handbook, key, language).get(key, key))

    def md(path: str) -> str:
        return path + ".md"

    nav: list = [{word("home"): md(pages.HOME)}]
    for section in handbook.sections.values():
        title = theme_text(localize(section.texts, language, default, SECTION_FIELDS)["title"])
        nav.append({title: [md(pages.section_path(section.id))] + [md(pages.guideline_path(g)) for g in section.guidelines]})
    nav.append({word("phrasebook"): [md(pages.PHRASEBOOK)] + [md(pages.phrase_list_path(p.id)) for p in handbook.phrase_lists_in_order()]})
    names = project_for(config).names
    own = names.get(language, language)
    sheets = [{own: md(pages.card_sheet_path(language))}]
    sheets += [{f"{own} + {names.get(lang, lang)}": md(pages.card_sheet_path(lang))} for lang in handbook.languages if lang != language]
    nav.append({word("cue_cards"): [md(pages.CARDS), *sheets]})
    nav.append({word("tags"): [md(pages.TAGS)] + [md(pages.tag_path(t)) for t in handbook.tags]})
    nav.append(md(pages.STATUS))
    config.nav = nav
    config.site_name = theme_text(localize(handbook.texts, language, default, HANDBOOK_FIELDS)["name"])
    return config


def on_page_content(html_text: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Page titles as Markup too: MkDocs keeps them as escaped HTML text, which Material's `| e`
    escaped again, so the footer announced "Next: Q&amp;A" to screen readers."""
    if page.title:
        page.title = theme_text(html.unescape(page.title))
    return html_text
