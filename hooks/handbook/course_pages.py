"""The course's pages in one language: worked conversations, practice (role-play cards and
self-checks), the quick reference and the trainer guide, and what the course adds to the pages
of the handbook itself (start here, seen in conversation, local procedures, check yourself).

Rendered like every other page (render.Renderer: same templates environment, same escaping, same
notice for untranslated text); the printable parts are finished HTML blocks, as the cue cards are.
"""

from __future__ import annotations

import html
from typing import Any

from . import pages
from .render import HtmlBlock, RenderedPage, Renderer, _Page, block_placeholder
from .render import text as _md
from .richtext import Md, render_block, render_inline
from .sheets import QuickSheet, RolePlayCard, quick_sheet, role_play_cards
from .training import (
    CONVERSATION_FIELDS,
    COURSE_FIELDS,
    LOCAL_FIELDS,
    PLAN_FIELDS,
    QUESTION_FIELDS,
    ROLE_PLAY_FIELDS,
    Conversation,
    Plan,
    RolePlay,
)
from .translation import Localized, localize

KINDS = ("conversations", "conversation", "practice", "role-plays", "self-check", "quick-reference", "trainers")


def render_course_page(renderer: Renderer, page: _Page) -> RenderedPage:
    """One page of the course, by the kind of its plan."""
    return _CoursePages(renderer, page).render()


class _CoursePages:
    def __init__(self, renderer: Renderer, page: _Page) -> None:
        self.r = renderer
        self.page = page
        self.hb = renderer.hb
        self.training = renderer.hb.training
        self.language = renderer.language
        self.default = renderer.default

    def render(self) -> RenderedPage:
        return getattr(self, "_" + self.page.plan.kind.replace("-", "_"))()

    # -- helpers ------------------------------------------------------------------------------

    def _localize(self, label: str, texts: dict, fields: tuple) -> Localized:
        return self.page.note(label, localize(texts, self.language, self.default, fields))

    def _course_text(self) -> Localized | None:
        course = self.training.course
        return self._localize("course", course.texts, COURSE_FIELDS) if course else None

    def _channel(self, channel: str) -> Md:
        return self.page.ui[f"channel_{channel}"]

    def _conversation_summary(self, conversation: Conversation) -> dict[str, Any]:
        localized = self._localize(f"conversation '{conversation.id}'", conversation.texts, CONVERSATION_FIELDS)
        return {
            "id": conversation.id,
            "title": _md(localized["title"]),
            "summary": _md(localized["summary"]),
            "channel": conversation.channel,
            "channel_label": self._channel(conversation.channel),
            "link": self.page.link(pages.conversation_path(conversation.id)),
        }

    def _role_play_summary(self, role_play: RolePlay) -> dict[str, Any]:
        localized = self._localize(f"role-play '{role_play.id}'", role_play.texts, ROLE_PLAY_FIELDS)
        return {
            "id": role_play.id,
            "title": _md(localized["title"]),
            "situation": _md(localized["situation"]),
            "channel_label": self._channel(role_play.channel),
            "link": self.page.link(pages.ROLE_PLAYS, pages.role_play_anchor(role_play.id)),
        }

    def _guideline(self, guideline_id: str) -> dict[str, Any]:
        return self.r._guideline_summary(self.page, self.hb.guidelines[guideline_id])

    def _section_title(self, section_id: str) -> Md:
        return self.r._section_view(self.page, section_id)["title"]

    def _course_links(self) -> list[dict[str, Md]]:
        return course_links(self.r, self.page)

    # -- worked conversations ---------------------------------------------------------------------

    def _conversations(self) -> RenderedPage:
        course = self._course_text()
        intro = course.get("conversations_intro") if course else None
        return self.r._render(
            self.page,
            "conversations.md.j2",
            self.page.ui["conversations"],
            intro=render_block(intro, self.page.resolver()) if intro else None,
            conversations=[self._conversation_summary(c) for c in self.training.conversations_in_order()],
        )

    def _conversation(self) -> RenderedPage:
        conversation = self.training.conversations[self.page.plan.item_id]
        localized = self._localize("this conversation", conversation.texts, CONVERSATION_FIELDS)
        resolve = self.page.resolver()
        said = localized["turns"]
        turns = []
        for number, (turn, words) in enumerate(zip(conversation.turns, said, strict=False), start=1):
            turns.append(
                {
                    "anchor": pages.turn_anchor(number),
                    "speaker": turn.speaker,
                    "speaker_label": self.page.ui["speaker_staff" if turn.staff else "speaker_customer"],
                    "misstep": turn.misstep,
                    "says": [_md(paragraph) for paragraph in _paragraphs(words["says"])],
                    "note": render_inline(words["note"], resolve) if words.get("note") else None,
                    "guidelines": [self._guideline(g) for g in turn.guidelines],
                }
            )
        role_plays = [self._role_play_summary(self.training.role_plays[r]) for r in self.training.practised_by.get(conversation.id, [])]
        view = {
            **self._conversation_summary(conversation),
            "setting": render_block(localized["setting"], resolve),
            "turns": turns,
            "takeaways": [render_inline(item, resolve) for item in localized.get("takeaways") or []],
            "role_plays": role_plays,
            "index_link": self.page.link(pages.CONVERSATIONS),
        }
        return self.r._render(self.page, "conversation.md.j2", view["title"], conversation=view)

    # -- practice ---------------------------------------------------------------------------------

    def _practice(self) -> RenderedPage:
        course = self._course_text()
        intro = course.get("practice_intro") if course else None
        checks = [
            {
                "title": self._section_title(check.section),
                "count": len(check.questions),
                "link": self.page.link(pages.self_check_path(check.section)),
            }
            for check in self.training.self_checks_in_order(self.hb)
        ]
        return self.r._render(
            self.page,
            "practice.md.j2",
            self.page.ui["practice"],
            intro=render_block(intro, self.page.resolver()) if intro else None,
            role_plays=[self._role_play_summary(r) for r in self.training.role_plays_in_order()],
            sheet_link=self.page.link(pages.ROLE_PLAYS),
            checks=checks,
        )

    def _role_plays(self) -> RenderedPage:
        sheets = []
        anchors = set()
        for role_play in self.training.role_plays_in_order():
            cards = role_play_cards(self.hb, role_play, self.language)
            for card in cards:
                if missing := card.untranslated():
                    self.page.untranslated.append(f"role-play '{role_play.id}': {', '.join(missing)}")
            views = [self._role_play_card(card) for card in cards]
            anchors.update(view["id"] for view in views)
            sheets.append(views)
        placeholder = block_placeholder("role-plays")
        block = HtmlBlock(self.r.env.get_template("role-play-sheet.html.j2").render(pages=sheets).rstrip("\n"), frozenset(anchors))
        return self.r._render(
            self.page,
            "role-play-sheet.md.j2",
            self.page.ui["role_plays"],
            {placeholder: block},
            sheet_block=placeholder,
            practice_link=self.page.link(pages.PRACTICE),
        )

    def _role_play_card(self, card: RolePlayCard) -> dict[str, Any]:
        def shown(item: Any) -> dict[str, Any]:
            untranslated = item.language != card.language
            attribute = Md(f' lang="{html.escape(item.language, quote=True)}"') if untranslated else Md("")
            return {"text": item.text, "lang_attribute": attribute}

        anchor = pages.role_play_anchor(card.role_play)
        return {
            "id": anchor if card.role == "customer" else f"{anchor}-{card.role}",
            "role": card.role,
            "label": card.label,
            "heading": card.heading,
            "title": shown(card.title),
            "situation": shown(card.situation),
            "lines": [{**shown(item.text), "guideline": shown(item.guideline) if item.guideline else None} for item in card.items],
            "numbered": card.role != "observer",
            "footer": card.footer,
        }

    def _self_check(self) -> RenderedPage:
        check = self.training.self_checks[self.page.plan.item_id]
        section = self.r._section_view(self.page, check.section)
        resolve = self.page.resolver()
        questions = []
        for question in check.questions:
            localized = self._localize(f"question '{question.id}'", question.texts, QUESTION_FIELDS)
            questions.append(
                {
                    "id": question.id,
                    "question": _md(localized["question"]),
                    "choices": [_md(choice) for choice in localized.get("choices") or []],
                    "answer": _md(localized["answer"]),
                    "why": render_inline(localized["why"], resolve),
                    "guidelines": [self._guideline(g) for g in question.guidelines],
                }
            )
        title = _md(f"{_raw(self.page.ui['self_check'])}: {_raw(section['title'])}")
        return self.r._render(
            self.page,
            "self-check.md.j2",
            title,
            heading=title,
            section=section,
            questions=questions,
            practice_link=self.page.link(pages.PRACTICE),
        )

    # -- the quick reference ----------------------------------------------------------------------

    def _quick_reference(self) -> RenderedPage:
        order = [self.language] + [lang for lang in self.hb.languages if lang != self.language]
        names = self.r.language_names
        sheets = []
        for customer in order:
            sheet = quick_sheet(self.hb, self.language, customer, names)
            if customer == self.language and (missing := sheet.untranslated()):
                self.page.untranslated.append(f"quick reference: {', '.join(missing)}")
            sheets.append(self._quick_view(sheet))
        choices = [{"code": lang, "name": names.get(lang, lang), "own": lang == self.language} for lang in order]
        placeholder = block_placeholder("quick-reference")
        body = self.r.env.get_template("quick-reference.html.j2").render(sheets=sheets, choices=choices, ui=self.page.ui)
        block = HtmlBlock(body.rstrip("\n"), frozenset(sheet["id"] for sheet in sheets))
        return self.r._render(
            self.page, "quick-reference.md.j2", self.page.ui["quick_reference"], {placeholder: block}, sheet_block=placeholder
        )

    def _quick_view(self, sheet: QuickSheet) -> dict[str, Any]:
        staff, customer = sheet.staff, sheet.customer

        def shown(item: Any, wanted: str) -> dict[str, Any]:
            return {"text": item.text, "lang": item.language, "untranslated": item.language != wanted}

        url = pages.page_url(self.r.site_url, staff, self.default, pages.QUICK_REFERENCE) if self.r.site_url else ""
        return {
            "id": f"quick-reference-{customer}",
            "customer": customer,
            "own": customer == staff,
            "bilingual": sheet.bilingual,
            "kicker": sheet.kicker,
            "title": shown(sheet.title, staff),
            "summary": shown(sheet.summary, staff),
            "rows": [
                {
                    "label": shown(row.label, staff),
                    "hint": shown(row.hint, staff),
                    "say": shown(row.say, customer),
                    "meaning": shown(row.meaning, staff) if row.meaning else None,
                }
                for row in sheet.rows
            ],
            "never_title": shown(sheet.never_title, staff),
            "never": [shown(item, staff) for item in sheet.never],
            "safety_title": shown(sheet.safety_title, staff),
            "safety": shown(sheet.safety, staff),
            "safety_say": shown(sheet.safety_say, customer),
            "safety_meaning": shown(sheet.safety_meaning, staff) if sheet.safety_meaning else None,
            "local_title": shown(sheet.local_title, staff) if sheet.local_title else None,
            "slots": [{**shown(label, staff), "value": value} for label, value in sheet.slots],
            "footer": sheet.footer,
            "qr": self.r.qr_codes.svg(url) if url else None,
        }

    # -- the trainer guide -----------------------------------------------------------------------

    def _trainers(self) -> RenderedPage:
        course = self.training.course
        localized = self._course_text()
        resolve = self.page.resolver()
        view = {
            "title": _md(localized["title"]),
            "summary": _md(localized["summary"]),
            "intro": render_block(localized["intro"], resolve),
            "start_here": _md(localized["start_here"]),
            "guidelines": [self._guideline(g) for g in course.start_here],
            "sessions": [self._plan(plan, f"session '{plan.id}'") for plan in course.sessions],
            "huddle": self._plan(course.huddle, "huddle"),
            "links": self._course_links(),
        }
        return self.r._render(self.page, "trainers.md.j2", view["title"], course=view)

    def _plan(self, plan: Plan, label: str) -> dict[str, Any]:
        localized = self._localize(label, plan.texts, PLAN_FIELDS)
        resolve = self.page.resolver()
        said = localized["agenda"]
        rows = []
        for activity, words in zip(plan.agenda, said, strict=False):
            material = [self._guideline(g) for g in activity.guidelines]
            material += [self._conversation_summary(self.training.conversations[c]) for c in activity.conversations]
            material += [self._role_play_summary(self.training.role_plays[r]) for r in activity.role_plays]
            material += [
                {
                    "title": _md(f"{_raw(self.page.ui['self_check'])}: {_raw(self._section_title(s))}"),
                    "link": self.page.link(pages.self_check_path(s)),
                }
                for s in activity.self_checks
            ]
            rows.append({"minutes": activity.minutes, "activity": render_inline(words, resolve), "material": material})
        return {
            "id": "huddle" if plan.id == "huddle" else f"session-{plan.id}",
            "title": _md(localized["title"]),
            "summary": _md(localized["summary"]),
            "minutes": plan.minutes,
            "objectives": [render_inline(item, resolve) for item in localized["objectives"]],
            "rows": rows,
        }


def _raw(value: Any) -> str:
    return getattr(value, "raw", None) or str(value)


def _paragraphs(says: str) -> list[str]:
    """What is said, paragraph by paragraph (a blank line starts a new one)."""
    return [" ".join(chunk.split()) for chunk in str(says).strip().split("\n\n") if chunk.strip()]


# -- what the course adds to the handbook's own pages -------------------------------------------


def course_links(renderer: Renderer, page: _Page) -> list[dict[str, Md]]:
    """The course's pages that exist, with their titles: quick reference, conversations,
    practice, trainer guide."""
    training = renderer.hb.training
    if training is None:
        return []
    links = []
    if training.quick_reference:
        links.append({"label": page.ui["quick_reference"], "link": page.link(pages.QUICK_REFERENCE)})
    if training.conversations:
        links.append({"label": page.ui["conversations"], "link": page.link(pages.CONVERSATIONS)})
    if training.has_practice:
        links.append({"label": page.ui["practice"], "link": page.link(pages.PRACTICE)})
    if training.course:
        localized = page.note("course", localize(training.course.texts, renderer.language, renderer.default, COURSE_FIELDS))
        links.append({"label": _md(localized["title"]), "link": page.link(pages.TRAINERS)})
    return links


def start_here(renderer: Renderer, page: _Page) -> dict[str, Any] | None:
    """The home page's "start here": the guidelines a new starter learns first."""
    training = renderer.hb.training
    if training is None or training.course is None:
        return None
    localized = page.note("course", localize(training.course.texts, renderer.language, renderer.default, COURSE_FIELDS))
    return {
        "intro": _md(localized["start_here"]),
        "guidelines": [renderer._guideline_summary(page, renderer.hb.guidelines[g]) for g in training.course.start_here],
    }


def guideline_extras(renderer: Renderer, page: _Page, guideline_id: str) -> dict[str, Any]:
    """What a guideline page shows of the course: the conversations that show it, and the local
    procedures box when the guideline is one of those that carry it."""
    training = renderer.hb.training
    extras: dict[str, Any] = {"seen_in": [], "local": None}
    if training is None:
        return extras
    for conversation_id, number in training.seen_in.get(guideline_id, []):
        conversation = training.conversations[conversation_id]
        localized = page.note(
            f"conversation '{conversation_id}'", localize(conversation.texts, renderer.language, renderer.default, CONVERSATION_FIELDS)
        )
        extras["seen_in"].append(
            {
                "title": _md(localized["title"]),
                "channel": page.ui[f"channel_{conversation.channel}"],
                "link": page.link(pages.conversation_path(conversation_id), pages.turn_anchor(number)),
            }
        )
    local = training.local
    if local is not None and guideline_id in local.guidelines:
        localized = page.note("local procedures", localize(local.texts, renderer.language, renderer.default, LOCAL_FIELDS))
        slots = []
        for slot in local.slots:
            shown = slot.labels.get(renderer.language) or slot.labels.get(renderer.default, slot.id)
            if renderer.language not in slot.labels:
                page.untranslated.append(f"local procedure slot '{slot.id}'")
            slots.append({"label": _md(shown), "value": _md(slot.value) if slot.value else None})
        extras["local"] = {
            "title": _md(localized["title"]),
            "intro": render_block(localized["intro"], page.resolver()),
            "slots": slots,
        }
    return extras


def self_check_link(renderer: Renderer, page: _Page, section_id: str) -> Md | None:
    training = renderer.hb.training
    if training is None or section_id not in training.self_checks:
        return None
    return page.link(pages.self_check_path(section_id))
