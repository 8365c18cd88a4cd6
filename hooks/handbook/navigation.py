"""The site navigation and name in one language, as MkDocs' `nav` setting spells them.

Decided here, once, for both ways the site is built: the navigation hook hands it to MkDocs during
the build, and `python -m handbook export` writes it into the exported mkdocs.yml.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import pages
from .model import HANDBOOK_FIELDS, SECTION_FIELDS, Handbook
from .translation import interface_word, localize

Title = Callable[[str], Any]


def navigation(handbook: Handbook, language: str, language_names: dict[str, str], title: Title = str) -> list[Any]:
    """The `nav` of one language; `title` turns each label into what the theme should print."""
    default = handbook.default_language

    def word(key: str) -> Any:
        return title(interface_word(handbook, key, language).get(key, key))

    def md(path: str) -> str:
        return path + ".md"

    nav: list[Any] = [{word("home"): md(pages.HOME)}]
    for section in handbook.sections.values():
        label = title(localize(section.texts, language, default, SECTION_FIELDS)["title"])
        nav.append({label: [md(pages.section_path(section.id))] + [md(pages.guideline_path(g)) for g in section.guidelines]})
    nav.append({word("phrasebook"): [md(pages.PHRASEBOOK)] + [md(pages.phrase_list_path(p.id)) for p in handbook.phrase_lists_in_order()]})
    own = language_names.get(language, language)
    sheets = [{title(own): md(pages.card_sheet_path(language))}]
    sheets += [
        {title(f"{own} + {language_names.get(other, other)}"): md(pages.card_sheet_path(other))}
        for other in handbook.languages
        if other != language
    ]
    nav.append({word("cue_cards"): [md(pages.CARDS), *sheets]})
    nav += _course(handbook, language, word, md)
    nav.append({word("booklet"): md(pages.BOOKLET)})
    nav.append({word("tags"): [md(pages.TAGS)] + [md(pages.tag_path(t)) for t in handbook.tags]})
    nav.append(md(pages.STATUS))
    return nav


def _course(handbook: Handbook, language: str, word: Title, md: Callable[[str], str]) -> list[Any]:
    """The course's pages, where the content has them: the quick reference, then the training
    pages (conversations, practice, the trainer guide) in a group of their own."""
    training = handbook.training
    if training is None:
        return []
    nav: list[Any] = []
    if training.quick_reference:
        nav.append({word("quick_reference"): md(pages.QUICK_REFERENCE)})
    group: list[Any] = []
    if training.conversations:
        group.append(
            {
                word("conversations"): [md(pages.CONVERSATIONS)]
                + [md(pages.conversation_path(c.id)) for c in training.conversations_in_order()]
            }
        )
    if training.has_practice:
        practice = [md(pages.PRACTICE)] + ([md(pages.ROLE_PLAYS)] if training.role_plays else [])
        practice += [md(pages.self_check_path(check.section)) for check in training.self_checks_in_order(handbook)]
        group.append({word("practice"): practice})
    if training.course:
        group.append(md(pages.TRAINERS))
    if group:
        nav.append({word("training"): group})
    return nav


def site_name(handbook: Handbook, language: str) -> str:
    """The handbook's name in one language."""
    return localize(handbook.texts, language, handbook.default_language, HANDBOOK_FIELDS)["name"]
