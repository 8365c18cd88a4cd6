"""Which pages the handbook has: the same set in every language, addressed by stable ids.

Paths carry no language: static-i18n adds the language suffix, so a link written once in a
template resolves to the reader's language in every build.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache

from .model import Handbook

HOME = "index"
PHRASEBOOK = "phrases/index"
TAGS = "tags/index"
STATUS = "status"
CARDS = "cards/index"
BOOKLET = "booklet"
# The course (training.py): present when the content has it.
CONVERSATIONS = "conversations/index"
PRACTICE = "practice/index"
ROLE_PLAYS = "practice/role-plays"
QUICK_REFERENCE = "quick-reference/index"
TRAINERS = "trainers"


def section_path(section_id: str) -> str:
    """An index page, so the theme attaches it to the section's navigation entry."""
    return f"sections/{section_id}/index"


def guideline_path(guideline_id: str) -> str:
    return f"guidelines/{guideline_id}"


def phrase_list_path(list_id: str) -> str:
    return f"phrases/{list_id}"


def tag_path(tag_id: str) -> str:
    return f"tags/{tag_id}"


def card_sheet_path(customer_language: str) -> str:
    """The cue cards for the customer's language, in the language of the site being read:
    /hr/cards/es/ is Croatian for the staff with Spanish phrases; /hr/cards/hr/ is Croatian only."""
    return f"cards/{customer_language}"


def conversation_path(conversation_id: str) -> str:
    return f"conversations/{conversation_id}"


def self_check_path(section_id: str) -> str:
    return f"practice/self-check/{section_id}"


def turn_anchor(number: int) -> str:
    return f"turn-{number}"


def role_play_anchor(role_play_id: str) -> str:
    return f"role-play-{role_play_id}"


def card_anchor(guideline_id: str) -> str:
    return f"card-{guideline_id}"


def page_url(site_url: str, language: str, default_language: str, path: str) -> str:
    """The absolute address of a page in one language (directory URLs, as mkdocs.yml sets)."""
    folder = "" if language == default_language else f"{language}/"
    directory = posixpath.dirname(path) if posixpath.basename(path) == "index" else path
    return f"{site_url.rstrip('/')}/{folder}{directory + '/' if directory else ''}"


@dataclass(frozen=True)
class PagePlan:
    """One page of the site, independent of language."""

    path: str
    kind: str
    item_id: str = ""

    def source_name(self, language: str) -> str:
        """The Markdown file name static-i18n expects for this page in one language."""
        return f"{self.path}.{language}.md"


def plan_pages(handbook: Handbook) -> list[PagePlan]:
    plans = [PagePlan(HOME, "home")]
    plans += [PagePlan(section_path(s.id), "section", s.id) for s in handbook.sections.values()]
    plans += [PagePlan(guideline_path(g.id), "guideline", g.id) for g in handbook.guidelines_in_order()]
    plans.append(PagePlan(PHRASEBOOK, "phrasebook"))
    plans += [PagePlan(phrase_list_path(p.id), "phrase-list", p.id) for p in handbook.phrase_lists_in_order()]
    plans.append(PagePlan(CARDS, "cards"))
    plans += [PagePlan(card_sheet_path(language), "card-sheet", language) for language in handbook.languages]
    plans += _training_plans(handbook)
    plans.append(PagePlan(TAGS, "tags"))
    plans += [PagePlan(tag_path(t.id), "tag", t.id) for t in handbook.tags.values()]
    plans.append(PagePlan(STATUS, "status"))
    plans.append(PagePlan(BOOKLET, "booklet"))
    return plans


def _training_plans(handbook: Handbook) -> list[PagePlan]:
    """The course's pages: each only when the content has what it shows."""
    training = handbook.training
    if training is None:
        return []
    plans = []
    if training.quick_reference:
        plans.append(PagePlan(QUICK_REFERENCE, "quick-reference"))
    if training.conversations:
        plans.append(PagePlan(CONVERSATIONS, "conversations"))
        plans += [PagePlan(conversation_path(c.id), "conversation", c.id) for c in training.conversations_in_order()]
    if training.has_practice:
        plans.append(PagePlan(PRACTICE, "practice"))
    if training.role_plays:
        plans.append(PagePlan(ROLE_PLAYS, "role-plays"))
    plans += [PagePlan(self_check_path(check.section), "self-check", check.section) for check in training.self_checks_in_order(handbook)]
    if training.course:
        plans.append(PagePlan(TRAINERS, "trainers"))
    return plans


@lru_cache(maxsize=65536)
def relative_link(from_path: str, to_path: str, anchor: str = "") -> str:
    """A Markdown link from one page to another, as MkDocs resolves it (relative .md path).
    Remembered: the same links recur on every page and in every language."""
    link = posixpath.relpath(to_path + ".md", posixpath.dirname(from_path) or ".")
    return link + (f"#{anchor}" if anchor else "")
