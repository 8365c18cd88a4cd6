"""Turn the handbook model into Markdown pages, one language at a time, through Jinja templates.

Every value a template prints is either Markdown this module built (class `Md`) or gets escaped
on the way out by the environment's `finalize`: content can never reach a page unescaped, even
from a template that forgets a filter.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import jinja2

from . import pages
from .cards import CARDS_PER_SHEET, Card, CardMaker, CardText
from .model import (
    GUIDELINE_FIELDS,
    HANDBOOK_FIELDS,
    PHRASE_LIST_FIELDS,
    SECTION_FIELDS,
    Guideline,
    Handbook,
    Phrase,
)
from .pages import PagePlan, page_url, relative_link
from .qr import QrCodes
from .richtext import Md, Target, escape, plain_text, render_block, render_inline
from .translation import Localized, interface_word, localize, localize_entry, translation_status

TEMPLATES = Path(__file__).parent / "templates"


def _finalize(value: Any) -> str:
    if isinstance(value, Md):
        return value
    if value is None:
        return ""
    return escape(str(value))


def _html(value: Any) -> Md:
    """Content inside raw HTML (table cells, attributes), where Markdown escapes do not apply."""
    return Md(html.escape(getattr(value, "raw", None) or str(value), quote=True))


def _front_matter(value: Any) -> Md:
    """A plain text as a front-matter value the theme prints into HTML as it is (the page's meta
    description): escaped for HTML, then written as a quoted YAML string (JSON is valid YAML)."""
    return Md(json.dumps(html.escape(getattr(value, "raw", None) or str(value), quote=True), ensure_ascii=False))


_SENTENCE = re.compile(r"(.+?[.!?;…])(?=\s|$)")


def first_sentence(rich: str) -> str:
    """The first sentence of a formatted text, as plain words: a page's description."""
    paragraph = plain_text(str(rich).strip().split("\n\n", 1)[0])
    match = _SENTENCE.match(paragraph)
    return match.group(1) if match else paragraph


@cache
def template_environment(folder: Path = TEMPLATES, compiled: Path | None = None) -> jinja2.Environment:
    """The page templates in `folder`; compiled ones kept in the folder `compiled` (Jinja's bytecode
    cache, keyed on each template's path and source checksum), if given."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(folder),
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        autoescape=False,
        # `mkdocs serve` keeps this process running: an edited template is read again.
        auto_reload=True,
        bytecode_cache=jinja2.FileSystemBytecodeCache(str(compiled)) if compiled else None,
    )
    env.filters["html"] = _html
    env.filters["front_matter"] = _front_matter
    return env


def text(value: str) -> Md:
    """Plain content text, escaped, remembering the original for attributes."""
    escaped = escape(value)
    escaped.raw = value  # type: ignore[attr-defined]
    return escaped


@dataclass(frozen=True)
class HtmlBlock:
    """Finished HTML for a page, and the ids it holds (links to them are checked like any other)."""

    html: str
    anchors: frozenset[str] = frozenset()


@dataclass
class RenderedPage:
    """One generated page. `source` is the Markdown MkDocs converts. Each of `blocks` is a piece of
    finished HTML that `source` holds only a placeholder for, put in after the conversion: Python-
    Markdown reads raw HTML tag by tag just to pass it through unchanged, and the cue-card sheets,
    most of the generated text, are nothing but raw HTML (converting them took a fifth of a build).
    """

    plan: PagePlan
    source: str
    title: str
    untranslated: list[str] = field(default_factory=list)
    blocks: dict[str, HtmlBlock] = field(default_factory=dict)
    outdated: list[str] = field(default_factory=list)

    @property
    def markdown(self) -> str:
        """The whole page as Markdown, blocks in place: what a plain MkDocs site builds from."""
        markdown = self.source
        for placeholder, block in self.blocks.items():
            markdown = markdown.replace(placeholder, block.html, 1)
        return markdown

    def with_blocks(self, converted: str) -> str:
        """The converted page with its blocks in place of their placeholders."""
        for placeholder, block in self.blocks.items():
            if placeholder not in converted:
                raise ValueError(f"page {self.plan.path}: the Markdown converter changed the placeholder {placeholder}")
            converted = converted.replace(placeholder, block.html, 1)
        return converted

    @property
    def block_anchors(self) -> frozenset[str]:
        return frozenset().union(*(block.anchors for block in self.blocks.values()))


def _one_line(value: str | None) -> Md:
    """A text of any length on one line (escaping joins its lines), for a list item; a dash for none."""
    return text(value) if value is not None else Md("–")


def block_placeholder(name: str) -> Md:
    """A raw HTML element on a line of its own, which Markdown passes through unchanged."""
    return Md(f'<div data-hb-block="{html.escape(name, quote=True)}"></div>')


@dataclass
class _Page:
    """Per-page rendering state: where links start from, what fell back to the default language
    and what was translated from an earlier version of the default-language text."""

    plan: PagePlan
    untranslated: list[str] = field(default_factory=list)
    ui: dict[str, Md] = field(default_factory=dict)
    outdated: list[str] = field(default_factory=list)

    def note(self, label: str, localized: Localized) -> Localized:
        if localized.missing:
            self.untranslated.append(f"{label}: {', '.join(localized.missing)}")
        if localized.outdated:
            self.outdated.append(f"{label}: {', '.join(localized.outdated)}")
        return localized

    def link(self, path: str, anchor: str = "") -> Md:
        return Md(relative_link(self.plan.path, path, anchor))

    def resolver(self) -> Callable[[Target], str]:
        targets = {
            "guideline": pages.guideline_path,
            "sections": pages.section_path,
            "phrases": pages.phrase_list_path,
            "tags": pages.tag_path,
        }

        def resolve(target: Target) -> str:
            if target.kind == "external":
                return target.value
            return relative_link(self.plan.path, targets[target.kind](target.value))

        return resolve


def render_pages(
    handbook: Handbook,
    language: str,
    language_names: dict[str, str],
    site_url: str = "",
    qr_codes: QrCodes | None = None,
    compiled_templates: Path | None = None,
) -> dict[str, RenderedPage]:
    """Every page of one language, by path. `qr_codes` keeps the cue cards' symbols between builds,
    `compiled_templates` (a folder) the compiled page templates."""
    return Renderer(handbook, language, language_names, site_url, qr_codes, compiled_templates).render_all()


class Renderer:
    """Renders every page of one language."""

    def __init__(
        self,
        handbook: Handbook,
        language: str,
        language_names: dict[str, str],
        site_url: str = "",
        qr_codes: QrCodes | None = None,
        compiled_templates: Path | None = None,
    ) -> None:
        self.hb = handbook
        self.language = language
        self.default = handbook.default_language
        self.language_names = language_names
        self.site_url = site_url
        self.qr_codes = qr_codes or QrCodes()
        self.env = template_environment(TEMPLATES, compiled_templates)
        self.cards = CardMaker.of(handbook, language_names)
        self._words = _Page(PagePlan("", "words"))  # the interface words, looked up once for every page
        self._words.ui = {
            key: text(self._words.note(f"interface word '{key}'", interface_word(handbook, key, language)).get(key, key))
            for key in handbook.ui_keys
        }

    # -- localisation helpers -----------------------------------------------------------------

    def _ui(self, page: _Page) -> dict[str, Md]:
        """The interface words of this language; any shown in the default language, or outdated,
        is noted on the page."""
        page.untranslated.extend(self._words.untranslated)
        page.outdated.extend(self._words.outdated)
        return self._words.ui

    def _outdated(self, file: str, *prefix: str, shown: tuple[str, ...] | None = None) -> frozenset[str]:
        """The fields under `prefix` in `file` whose text in this language is outdated; only those
        of them a page `shown`, when given: a page that links to a guideline by its title and
        summary does not show its steps, whatever state they are in."""
        fields = self.hb.freshness.fields(self.language, file, *prefix)
        return fields if shown is None else fields.intersection(shown)

    def _guideline_summary(self, page: _Page, guideline: Guideline) -> dict[str, Any]:
        outdated = self._outdated(guideline.origin.name, shown=("title", "summary"))
        localized = localize(guideline.texts, self.language, self.default, GUIDELINE_FIELDS, outdated)
        page.note(f"guideline '{guideline.id}'", localized)
        return {
            "id": guideline.id,
            "title": text(localized["title"]),
            "summary": text(localized["summary"]),
            "link": page.link(pages.guideline_path(guideline.id)),
        }

    def _localize_guideline(self, guideline: Guideline) -> Localized:
        return localize(guideline.texts, self.language, self.default, GUIDELINE_FIELDS, self._outdated(guideline.origin.name))

    def _section_view(self, page: _Page, section_id: str, shown: tuple[str, ...] | None = None) -> dict[str, Any]:
        section = self.hb.sections[section_id]
        outdated = self._outdated(section.origin.name, section_id, shown=shown)
        localized = page.note(f"section '{section_id}'", localize(section.texts, self.language, self.default, SECTION_FIELDS, outdated))
        return {
            "id": section_id,
            "title": text(localized["title"]),
            "summary": text(localized["summary"]),
            "intro": render_block(localized["intro"], page.resolver()) if localized.get("intro") else None,
            "link": page.link(pages.section_path(section_id)),
        }

    def _tag_view(self, page: _Page, tag_id: str) -> dict[str, Any]:
        tag = self.hb.tags[tag_id]
        outdated = self.hb.freshness.covers(self.language, tag.origin.name, (tag_id,))
        localized = page.note(f"tag '{tag_id}'", localize_entry(tag.labels, self.language, self.default, "label", outdated=outdated))
        return {"id": tag_id, "label": text(localized["label"]), "link": page.link(pages.tag_path(tag_id))}

    def _phrase_view(self, page: _Page, phrase_id: str, language: str | None = None) -> dict[str, Any]:
        phrase = self.hb.phrases[phrase_id]
        language = language or self.language
        words = localize_entry(phrase.texts, language, self.default, "text", outdated=self._phrase_outdated(phrase, "phrases", language))
        why = localize_entry(phrase.why, language, self.default, "why", outdated=self._phrase_outdated(phrase, "why", language))
        if language == self.language:
            page.note(f"phrase '{phrase_id}'", words)
            page.note(f"phrase '{phrase_id}'", why)
        view: dict[str, Any] = {
            "id": phrase_id,
            "kind": phrase.kind,
            "text": text(words["text"]),
            "untranslated": bool(words.missing),
            "why": text(why["why"]) if why.get("why") else None,
            "list_link": page.link(pages.phrase_list_path(phrase.list_id), f"phrase-{phrase_id}"),
            "list_title": text(self._phrase_list_text(page, phrase.list_id, ("title",))["title"]),
            "instead": None,
        }
        if phrase.instead:
            view["instead"] = self._phrase_view(page, phrase.instead, language)
        return view

    def _phrase_outdated(self, phrase: Phrase, part: str, language: str) -> bool:
        """Whether the phrase's words (`part` "phrases") or its "why" are outdated in `language`."""
        return self.hb.freshness.covers(language, phrase.origin.name, (part, phrase.id))

    def _phrase_list_text(self, page: _Page, list_id: str, shown: tuple[str, ...] | None = None) -> Localized:
        phrase_list = self.hb.phrase_lists[list_id]
        outdated = self._outdated(phrase_list.origin.name, shown=shown)
        return page.note(f"phrase list '{list_id}'", localize(phrase_list.texts, self.language, self.default, PHRASE_LIST_FIELDS, outdated))

    def _handbook_text(self, page: _Page, shown: tuple[str, ...]) -> Localized:
        origin = self.hb.origins.get("handbook")
        outdated = self._outdated(origin.name, shown=shown) if origin else frozenset()
        return page.note("home page", localize(self.hb.texts, self.language, self.default, HANDBOOK_FIELDS, outdated))

    def _render(
        self,
        page: _Page,
        template: str,
        title: Md,
        blocks: dict[str, HtmlBlock] | None = None,
        *,
        description: str | None = None,
        **context: Any,
    ) -> RenderedPage:
        """`description` is the page's summary for search engines and link previews (its meta
        description): one plain sentence or two; the handbook's tagline for a page without one."""
        if description is None:
            description = self._handbook_text(page, ())["tagline"]
        markdown = self.env.get_template(template).render(
            description=description,
            ui=page.ui,
            page=page,
            language=self.language,
            default_language=self.default,
            untranslated=page.untranslated,
            outdated=page.outdated,
            **context,
        )
        title_text = str(getattr(title, "raw", title))
        return RenderedPage(page.plan, markdown, title_text, list(page.untranslated), blocks or {}, list(page.outdated))

    # -- pages ------------------------------------------------------------------------------

    def render(self, plan: PagePlan) -> RenderedPage:
        page = _Page(plan)
        page.ui = self._ui(page)
        if plan.kind in self._course().KINDS:
            return self._course().render_course_page(self, page)
        return getattr(self, "_" + plan.kind.replace("-", "_"))(page)

    @staticmethod
    def _course() -> Any:
        """The course's pages (course_pages.py). They build on this module's helpers, so they are
        imported when first used, not while this module loads."""
        from . import course_pages  # noqa: PLC0415

        return course_pages

    def render_all(self) -> dict[str, RenderedPage]:
        return {plan.path: self.render(plan) for plan in pages.plan_pages(self.hb)}

    def _home(self, page: _Page) -> RenderedPage:
        localized = self._handbook_text(page, ("name", "tagline", "intro", "how_to_use"))
        resolve = page.resolver()
        sections = [
            {
                **self._section_view(page, sid, ("title", "summary")),
                "guidelines": [self._guideline_summary(page, self.hb.guidelines[g]) for g in s.guidelines],
            }
            for sid, s in self.hb.sections.items()
        ]
        return self._render(
            page,
            "home.md.j2",
            text(localized["name"]),
            description=localized["tagline"],
            name=text(localized["name"]),
            tagline=text(localized["tagline"]),
            intro=render_block(localized["intro"], resolve),
            how_to_use=[render_inline(item, resolve) for item in localized["how_to_use"]],
            sections=sections,
            links={
                "phrasebook": page.link(pages.PHRASEBOOK),
                "tags": page.link(pages.TAGS),
                "status": page.link(pages.STATUS),
                "booklet": page.link(pages.BOOKLET),
            },
            start_here=self._course().start_here(self, page),
            course_links=self._course().course_links(self, page),
        )

    def _section(self, page: _Page) -> RenderedPage:
        section = self._section_view(page, page.plan.item_id)
        guidelines = [self._guideline_summary(page, self.hb.guidelines[g]) for g in self.hb.sections[page.plan.item_id].guidelines]
        self_check = self._course().self_check_link(self, page, page.plan.item_id)
        return self._render(
            page,
            "section.md.j2",
            section["title"],
            description=section["summary"].raw,
            section=section,
            guidelines=guidelines,
            self_check=self_check,
        )

    def _guideline(self, page: _Page) -> RenderedPage:
        view = self._guideline_view(page, self.hb.guidelines[page.plan.item_id], "this guideline")
        return self._render(page, "guideline.md.j2", view["title"], description=view["summary"].raw, guideline=view)

    def _guideline_view(self, page: _Page, guideline: Guideline, label: str) -> dict[str, Any]:
        """Everything a guideline shows, for its own page and for the booklet."""
        localized = page.note(label, self._localize_guideline(guideline))
        resolve = page.resolver()
        return {
            "id": guideline.id,
            "title": text(localized["title"]),
            "summary": text(localized["summary"]),
            "body": render_block(localized["body"], resolve),
            "steps": [render_inline(step, resolve) for step in localized["steps"]],
            "do": [render_inline(item, resolve) for item in localized.get("do") or []],
            "dont": [render_inline(item, resolve) for item in localized.get("dont") or []],
            "section": self._section_view(page, guideline.section, ("title",)),
            "tags": [self._tag_view(page, t) for t in guideline.tags],
            "related": [self._guideline_summary(page, self.hb.guidelines[g]) for g in guideline.related],
            "backlinks": [self._guideline_summary(page, self.hb.guidelines[g]) for g in self.hb.backlinks.get(guideline.id, [])],
            "phrases": [self._phrase_view(page, p) for p in guideline.phrases],
            "card_link": page.link(pages.card_sheet_path(self.language), pages.card_anchor(guideline.id)),
            **self._course().guideline_extras(self, page, guideline.id),
        }

    def _booklet(self, page: _Page) -> RenderedPage:
        """The whole handbook on one page to print: every section with its guidelines in full,
        then every phrase list, numbered (1, 1.1, ...) so that the contents and the cross
        references still lead somewhere on paper, where links are plain text."""
        localized = self._handbook_text(page, ("name", "tagline", "intro"))
        numbers = {
            guideline_id: f"{number}.{position}"
            for number, section in enumerate(self.hb.sections.values(), 1)
            for position, guideline_id in enumerate(section.guidelines, 1)
        }
        sections = []
        for number, (section_id, section) in enumerate(self.hb.sections.items(), 1):
            view = self._section_view(page, section_id)
            view["number"] = str(number)
            view["guidelines"] = [
                {**self._guideline_view(page, self.hb.guidelines[g], f"guideline '{g}'"), "number": numbers[g]} for g in section.guidelines
            ]
            sections.append(view)
        phrasebook_number = str(len(sections) + 1)
        lists = []
        for position, phrase_list in enumerate(self.hb.phrase_lists_in_order(), 1):
            list_text = self._phrase_list_text(page, phrase_list.id)
            lists.append(
                {
                    "id": phrase_list.id,
                    "number": f"{phrasebook_number}.{position}",
                    "title": text(list_text["title"]),
                    "summary": text(list_text["summary"]),
                    "phrases": [self._phrase_view(page, p) for p in phrase_list.phrases],
                }
            )
        online = page_url(self.site_url, self.language, self.default, pages.HOME) if self.site_url else ""
        return self._render(
            page,
            "booklet.md.j2",
            page.ui["booklet"],
            description=page.ui["booklet_summary"].raw,
            name=text(localized["name"]),
            tagline=text(localized["tagline"]),
            intro=render_block(localized["intro"], page.resolver()),
            language_name=text(self.language_names.get(self.language, self.language)),
            online=online,
            sections=sections,
            numbers=numbers,
            phrasebook_number=phrasebook_number,
            lists=lists,
        )

    def _phrasebook(self, page: _Page) -> RenderedPage:
        localized = self._handbook_text(page, ("phrasebook_intro",))
        # The reader's language first, the others in the handbook's order after it.
        order = [self.language] + [lang for lang in self.hb.languages if lang != self.language]
        lists = []
        for phrase_list in self.hb.phrase_lists_in_order():
            list_text = self._phrase_list_text(page, phrase_list.id)
            rows = []
            for phrase_id in phrase_list.phrases:
                phrase = self.hb.phrases[phrase_id]
                cells = []
                for language in order:
                    outdated = self._phrase_outdated(phrase, "phrases", language)
                    entry = localize_entry(phrase.texts, language, self.default, "text", outdated=outdated)
                    if outdated and language == self.language:
                        page.outdated.append(f"phrase '{phrase_id}': text")
                    cell = {
                        "language": language,
                        "name": text(self.language_names.get(language, language)),
                        "text": text(entry["text"]),
                        "untranslated": bool(entry.missing),
                    }
                    if phrase.instead:
                        instead = localize_entry(self.hb.phrases[phrase.instead].texts, language, self.default, "text")
                        why = localize_entry(phrase.why, language, self.default, "why")
                        cell["instead"] = text(instead["text"])
                        cell["why"] = text(why["why"]) if why.get("why") else None
                        cell["untranslated"] = bool(entry.missing or instead.missing or why.missing)
                    cells.append(cell)
                rows.append({"id": phrase_id, "kind": phrase.kind, "cells": cells})
            lists.append(
                {
                    "id": phrase_list.id,
                    "title": text(list_text["title"]),
                    "summary": text(list_text["summary"]),
                    "link": page.link(pages.phrase_list_path(phrase_list.id)),
                    "rows": rows,
                }
            )
        languages = [{"code": lang, "name": text(self.language_names.get(lang, lang))} for lang in order]
        return self._render(
            page,
            "phrasebook.md.j2",
            page.ui["phrasebook"],
            description=first_sentence(localized["phrasebook_intro"]),
            intro=render_block(localized["phrasebook_intro"], page.resolver()),
            lists=lists,
            languages=languages,
        )

    def _phrase_list(self, page: _Page) -> RenderedPage:
        phrase_list = self.hb.phrase_lists[page.plan.item_id]
        localized = self._phrase_list_text(page, phrase_list.id)
        phrases = []
        for phrase_id in phrase_list.phrases:
            view = self._phrase_view(page, phrase_id)
            view["users"] = [self._guideline_summary(page, self.hb.guidelines[g]) for g in self.hb.phrase_users.get(phrase_id, [])]
            phrases.append(view)
        view = {"id": phrase_list.id, "title": text(localized["title"]), "summary": text(localized["summary"]), "phrases": phrases}
        return self._render(
            page,
            "phrase-list.md.j2",
            view["title"],
            description=localized["summary"],
            phrase_list=view,
            phrasebook_link=page.link(pages.PHRASEBOOK),
        )

    def _tags(self, page: _Page) -> RenderedPage:
        tags = [{**self._tag_view(page, t), "count": len(self.hb.tag_members.get(t, []))} for t in self.hb.tags]
        labels = ", ".join(tag["label"].raw for tag in tags)
        return self._render(page, "tags.md.j2", page.ui["all_tags"], description=f"{page.ui['all_tags'].raw}: {labels}", tags=tags)

    def _tag(self, page: _Page) -> RenderedPage:
        tag = self._tag_view(page, page.plan.item_id)
        guidelines = [self._guideline_summary(page, self.hb.guidelines[g]) for g in self.hb.tag_members.get(tag["id"], [])]
        titles = ", ".join(guideline["title"].raw for guideline in guidelines)
        return self._render(
            page,
            "tag.md.j2",
            tag["label"],
            description=f"{page.ui['tagged'].raw}: {titles}",
            tag=tag,
            guidelines=guidelines,
            tags_link=page.link(pages.TAGS),
        )

    def _status(self, page: _Page) -> RenderedPage:
        statuses = []
        for status in translation_status(self.hb):
            statuses.append(
                {
                    "language": status.language,
                    "name": text(self.language_names.get(status.language, status.language)),
                    "translated": status.translated,
                    "total": status.total,
                    "percent": f"{status.percent:.0f}",
                    "missing": [
                        {
                            "kind": item.kind,
                            "id": item.id,
                            "fields": ", ".join(item.fields),
                            "file": item.origin.name if item.origin else "",
                        }
                        for item in status.missing
                    ],
                    "outdated": [
                        {
                            "kind": outdated.item[0],
                            "id": outdated.item[1],
                            "field": outdated.item[2],
                            "where": f"{outdated.file.name}:{outdated.line}",
                            "was": _one_line(outdated.was),
                            "now": _one_line(outdated.now),
                        }
                        for outdated in status.outdated
                    ],
                }
            )
        summary = ", ".join(f"{status['name'].raw} {status['percent']} %" for status in statuses)
        return self._render(
            page,
            "status.md.j2",
            page.ui["translation_status"],
            description=f"{page.ui['translation_status'].raw}: {summary}",
            statuses=statuses,
        )

    def _card_sheets(self, page: _Page) -> list[dict[str, Any]]:
        """Links to this language's cue-card pages, one per customer language, its own first."""
        order = [self.language] + [lang for lang in self.hb.languages if lang != self.language]
        return [
            {
                "code": lang,
                "name": text(self.language_names.get(lang, lang)),
                "link": page.link(pages.card_sheet_path(lang)),
                "current": page.plan.item_id == lang,
            }
            for lang in order
        ]

    def _cards(self, page: _Page) -> RenderedPage:
        localized = self._handbook_text(page, ("cards_intro",))
        intro = render_block(localized["cards_intro"], page.resolver())
        return self._render(
            page,
            "cards.md.j2",
            page.ui["cue_cards"],
            description=first_sentence(localized["cards_intro"]),
            intro=intro,
            sheets=self._card_sheets(page),
        )

    def _card_sheet(self, page: _Page) -> RenderedPage:
        customer = page.plan.item_id
        views = []
        for card in self.cards.cards_for(self.language, customer):
            if missing := card.untranslated():
                page.untranslated.append(f"cue card '{card.guideline}': {', '.join(missing)}")
            if outdated := self._card_outdated(card):
                page.outdated.append(f"cue card '{card.guideline}': {', '.join(outdated)}")
            views.append(self._card_view(card))
        names = [self.language_names.get(lang, lang) for lang in dict.fromkeys((self.language, customer))]
        cue_cards = getattr(page.ui["cue_cards"], "raw", page.ui["cue_cards"])
        title = text(f"{cue_cards}: {' + '.join(names)}")
        sheets = [views[start : start + CARDS_PER_SHEET] for start in range(0, len(views), CARDS_PER_SHEET)]
        placeholder = block_placeholder("cards")
        block = HtmlBlock(
            self.env.get_template("card-sheet.html.j2").render(pages=sheets).rstrip("\n"), frozenset(view["id"] for view in views)
        )
        return self._render(
            page,
            "card-sheet.md.j2",
            title,
            {placeholder: block},
            description=first_sentence(self._handbook_text(page, ())["cards_intro"]),
            heading=title,
            sheets=self._card_sheets(page),
            sheet_block=placeholder,
        )

    def _card_outdated(self, card: Card) -> list[str]:
        """The texts of a card that are in their own language but outdated in it."""
        freshness = self.hb.freshness
        return sorted(
            {
                f"phrase '{item.at[-1]}'" if item.kind == "phrase" else item.kind
                for item, language in card.texts()
                if item.language == language and freshness.covers(language, item.origin.name, item.at[2:])
            }
        )

    def _card_view(self, card: Card) -> dict[str, Any]:
        def shown(item: CardText, language: str) -> dict[str, Any]:
            untranslated = item.language != language
            attribute = Md(f' lang="{html.escape(item.language, quote=True)}"') if untranslated else Md("")
            return {"text": item.text, "lang": item.language, "untranslated": untranslated, "lang_attribute": attribute}

        url = page_url(self.site_url, self.language, self.default, pages.guideline_path(card.guideline)) if self.site_url else ""
        return {
            "id": pages.card_anchor(card.guideline),
            "bilingual": card.bilingual,
            "section": shown(card.section, card.staff),
            "title": shown(card.title, card.staff),
            "summary": shown(card.summary, card.staff),
            "steps_label": card.steps_label,
            "key_step": card.key_step,
            "steps": [shown(step, card.staff) for step in card.steps],
            "say": card.words["say"],
            "customer": {"code": card.customer, "name": card.customer_name} if card.bilingual else None,
            "phrases": [
                {
                    "say": shown(p.say, card.customer),
                    "quotes": p.quotes,
                    "meaning": shown(p.meaning, card.staff) if p.meaning else None,
                }
                for p in card.phrases
            ],
            "more_steps": card.words["card_more_steps"] if card.more_steps else None,
            "footer": card.footer,
            "qr": self.qr_codes.svg(url) if url else None,
        }
