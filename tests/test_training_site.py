"""The course in the built handbook (content/), in every language: its pages exist without any
fallback to English, conversations and guidelines link to each other both ways, self-check answers
are in the HTML (readable without JavaScript), and each language's search covers the course.
"""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path

import pytest

from handbook.loader import load_handbook
from handbook.project import read_project
from htmlpages import article, parse, resolve_link
from projects import REPO
from sites import LANGUAGES, language_root

pytestmark = pytest.mark.build


@pytest.fixture(scope="module")
def handbook():
    return load_handbook(read_project(REPO))


def course_pages(handbook) -> list[str]:
    training = handbook.training
    pages = ["conversations/index.html", "practice/index.html", "practice/role-plays/index.html"]
    pages += ["quick-reference/index.html", "trainers/index.html"]
    pages += [f"conversations/{cid}/index.html" for cid in training.conversations]
    pages += [f"practice/self-check/{sid}/index.html" for sid in training.self_checks]
    return pages


def test_every_language_has_the_whole_course_in_its_own_words(handbook_site: Path, handbook):
    for language in LANGUAGES:
        root = language_root(handbook_site, language)
        for name in course_pages(handbook):
            html = (root / name).read_text(encoding="utf-8")
            assert f'<html lang="{language}"' in html, (language, name)
            assert 'class="hb-untranslated"' not in html, (language, name)
        home = article(root / "index.html")
        start = home.index('id="start-here"')
        assert home[start:].count('<li><a href="guidelines/') >= len(handbook.training.course.start_here), language


def test_conversations_and_guidelines_link_to_each_other_in_every_language(handbook_site: Path, handbook):
    """Every guideline a staff turn applies is linked from the turn, and its page links back."""
    checked = 0
    for language in LANGUAGES:
        root = language_root(handbook_site, language)
        for conversation in handbook.training.conversations.values():
            page = root / "conversations" / conversation.id / "index.html"
            links = {resolve_link(page, handbook_site, link["href"]) for link in parse(page).links}
            for guideline_id in {gid for turn in conversation.turns for gid in turn.guidelines}:
                target = root / "guidelines" / guideline_id / "index.html"
                assert target in links, (page, guideline_id)
                back = {resolve_link(target, handbook_site, link["href"].split("#")[0]) for link in parse(target).links}
                assert page in back, f"{target} does not link back to {page}"
                checked += 1
    assert checked >= 5 * 6 * 4


def test_every_seen_in_conversation_link_lands_on_a_turn(handbook_site: Path):
    for language in LANGUAGES:
        root = language_root(handbook_site, language)
        for guideline in (root / "guidelines").iterdir():
            page = guideline / "index.html"
            for link in parse(page).links:
                if "/conversations/" in link["href"] and "#turn-" in link["href"]:
                    target = resolve_link(page, handbook_site, link["href"])
                    anchor = link["href"].split("#")[1]
                    assert f'id="{anchor}"' in target.read_text(encoding="utf-8"), (page, link["href"])


def test_self_check_answers_are_in_the_page_without_javascript(handbook_site: Path, handbook):
    for language in LANGUAGES:
        root = language_root(handbook_site, language)
        for check in handbook.training.self_checks.values():
            html = article(root / "practice" / "self-check" / check.section / "index.html")
            answers = re.findall(r'<details class="hb-answer">\s*<summary>[^<]+</summary>(.*?)</details>', html, re.S)
            assert len(answers) == len(check.questions) >= 3, (language, check.section)
            for question, answer in zip(check.questions, answers, strict=True):
                expected = question.texts[language]["answer"]
                assert expected in unescape(re.sub(r"<[^>]+>", "", answer)), (language, check.section, question.id)


def test_each_language_searches_its_own_course(handbook_site: Path, handbook):
    first = handbook.training.conversations_in_order()[0]
    for language in LANGUAGES:
        index = json.loads((language_root(handbook_site, language) / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = {entry["location"].split("#")[0] for entry in index["docs"]}
        assert {"conversations/", f"conversations/{first.id}/", "trainers/", "quick-reference/"} <= locations, language
        text = " ".join(entry["text"] + entry["title"] for entry in index["docs"] if entry["location"].startswith("conversations/"))
        assert first.texts[language]["title"] in unescape(text), language
        quick = " ".join(entry["text"] for entry in index["docs"] if entry["location"].startswith("quick-reference/"))
        others = [lang for lang in LANGUAGES if lang != language]
        title = handbook.training.quick_reference.texts[language]["title"]
        assert title in unescape(quick), language
        # the other customer languages' sheets on the page stay out of this language's index
        step = handbook.training.quick_reference.steps[0]
        said = handbook.phrases[step.phrase].texts
        assert [other for other in others if said[other] != said[language] and said[other] in unescape(quick)] == [], language
