"""The course on paper and without JavaScript, in headless Chromium.

The quick reference prints on exactly one page of A4 and of US Letter in every language, with
every word on the paper (Chromium leaves clipped text out of a PDF); the fit estimate the build
checks it with is never below what the browser lays out. Role-play cards print one role-play per
sheet with every word on its card. Self-check answers open without JavaScript.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pdfplumber
import pytest

from axecheck import serious_violations
from handbook.loader import load_handbook
from handbook.project import read_project
from handbook.sheets import QUICK_LAYOUT, QuickSheet, RolePlayCard, quick_sheet, quick_sheet_height, role_play_cards
from printing import PAPERS, read_pdf, words
from projects import REPO
from sites import LANGUAGES

pytestmark = pytest.mark.browser

PX_PER_MM = 96 / 25.4


@pytest.fixture(scope="module")
def course():
    project = read_project(REPO)
    return load_handbook(project), project.names


def url(base: str, language: str, path: str) -> str:
    return f"{base}{'' if language == 'en' else language + '/'}{path}"


def sheet_words(sheet: QuickSheet) -> Counter:
    texts = [text.text for text, _ in sheet.texts()] + [sheet.kicker, sheet.footer]
    return sum((words(text) for text in texts), Counter())


def print_quick_reference(page, base: str, staff: str, customer: str, paper: str, path: Path) -> list:
    response = page.goto(url(base, staff, "quick-reference/"))
    assert response.status == 200
    page.locator(f"#hb-quick-customer-{customer}").check()
    page.locator(f"#hb-paper-{paper}").check()
    page.evaluate("document.fonts.ready.then(() => true)")
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    with pdfplumber.open(path) as pdf:
        return [(p.width * 25.4 / 72, p.height * 25.4 / 72, p.extract_text() or "") for p in pdf.pages]


def assert_one_whole_page(printed: list, sheet: QuickSheet, paper: str) -> None:
    assert len(printed) == 1, f"{len(printed)} pages"
    width, height, text = printed[0]
    assert abs(width - PAPERS[paper][0]) < 0.6 and abs(height - PAPERS[paper][1]) < 0.6, (width, height)
    missing = sheet_words(sheet) - words(text)
    assert missing == Counter(), f"words missing from the paper: {missing}"


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_quick_reference_prints_on_one_page(page, handbook_url: str, course, tmp_path: Path, language: str, paper: str):
    handbook, names = course
    printed = print_quick_reference(page, handbook_url, language, language, paper, tmp_path / "quick.pdf")
    assert_one_whole_page(printed, quick_sheet(handbook, language, language, names), paper)


@pytest.mark.parametrize("staff", LANGUAGES)
def test_the_fullest_bilingual_quick_reference_prints_on_one_letter_page(page, handbook_url: str, course, tmp_path: Path, staff: str):
    """Of each language's bilingual sheets, the fullest, on US Letter: the shorter page, so what
    fits on it fits on A4. (The fit estimate test below covers every pair.)"""
    handbook, names = course
    others = [language for language in LANGUAGES if language != staff]
    customer = max(others, key=lambda other: quick_sheet_height(quick_sheet(handbook, staff, other, names)))
    printed = print_quick_reference(page, handbook_url, staff, customer, "letter", tmp_path / "quick.pdf")
    sheet = quick_sheet(handbook, staff, customer, names)
    assert_one_whole_page(printed, sheet, "letter")
    assert handbook.phrases["desk-get-manager"].texts[customer] in printed[0][2].replace("\n", " ")


@pytest.mark.parametrize("staff", LANGUAGES)
def test_the_fit_estimate_is_never_below_the_browser(page, handbook_url: str, course, staff: str):
    """What the check measures must cover what Chromium lays out, for every customer language."""
    handbook, names = course
    page.goto(url(handbook_url, staff, "quick-reference/"))
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready.then(() => true)")
    for customer in LANGUAGES:
        # the controls are not printed, so choose the customer's language as a script would
        page.evaluate("(id) => { document.getElementById(id).checked = true; }", f"hb-quick-customer-{customer}")
        needed = page.evaluate(
            """(customer) => {
                const sheet = document.querySelector(`.hb-quick-sheet[data-customer="${customer}"]`);
                let total = 0;
                for (const part of sheet.children) {
                    const style = getComputedStyle(part);
                    const margin = part.classList.contains('hb-quick-sheet__footer') ? 0 : parseFloat(style.marginTop);
                    total += part.getBoundingClientRect().height + margin + parseFloat(style.marginBottom);
                }
                return {needed: total, room: sheet.getBoundingClientRect().height, overflow: sheet.scrollHeight - sheet.clientHeight};
            }""",
            customer,
        )
        estimate = quick_sheet_height(quick_sheet(handbook, staff, customer, names))
        measured = needed["needed"] / PX_PER_MM
        assert abs(needed["room"] / PX_PER_MM - QUICK_LAYOUT.sheet_height_mm) < 0.5
        assert needed["overflow"] <= 0, (staff, customer)
        assert estimate >= measured - 0.3, f"{staff}/{customer}: estimated {estimate:.1f} mm, the browser needs {measured:.1f} mm"


def card_words(card: RolePlayCard) -> Counter:
    texts = [card.label, card.heading, card.footer, card.title.text, card.situation.text]
    texts += [item.printed for item in card.items]
    return sum((words(text) for text in texts), Counter())


@pytest.mark.parametrize("language", LANGUAGES)
def test_role_play_cards_print_one_role_play_per_sheet(page, handbook_url: str, course, tmp_path: Path, language: str):
    handbook, _ = course
    response = page.goto(url(handbook_url, language, "practice/role-plays/"))
    assert response.status == 200
    page.locator("#hb-paper-a4").check()
    page.evaluate("document.fonts.ready.then(() => true)")
    path = tmp_path / "role-plays.pdf"
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    printed = read_pdf(path, "a4")
    role_plays = handbook.training.role_plays_in_order()
    assert len(printed) == len(role_plays)
    missing = {}
    for sheet, role_play in zip(printed, role_plays, strict=True):
        for (found, _), card in zip(sheet.regions, role_play_cards(handbook, role_play, language), strict=True):
            if lacking := card_words(card) - found:
                missing[f"{role_play.id} ({card.role})"] = lacking
    assert missing == {}


def test_self_check_answers_open_without_javascript(browser, handbook_url: str, course):
    handbook, _ = course
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(url(handbook_url, "hr", "practice/self-check/protect/"))
        question = handbook.training.self_checks["protect"].questions[0]
        answer = page.get_by_text(question.texts["hr"]["answer"], exact=False).first
        assert not answer.is_visible()
        page.locator("details.hb-answer summary").first.click()
        assert answer.is_visible()
        assert re.search(r"\S", answer.inner_text())
    finally:
        context.close()


COURSE_PAGES = [
    "conversations/",
    "el/conversations/when-the-line-is-crossed/",
    "practice/",
    "hr/practice/self-check/protect/",
    "sv/practice/role-plays/",
    "es/quick-reference/",
    "trainers/",
    "guidelines/set-a-boundary-at-the-desk/",  # with the local procedures box
]


@pytest.mark.parametrize("path", COURSE_PAGES)
def test_course_pages_have_no_serious_accessibility_violations(page, handbook_url: str, path: str):
    response = page.goto(handbook_url + path)
    assert response.status == 200
    blocking = serious_violations(page)
    assert blocking == [], "\n".join(blocking)
