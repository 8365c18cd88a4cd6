"""The pages staff use mid-conversation, as a person sees them: on a 390 px phone and at a desk.

The real handbook, in headless Chromium: no page pans sideways on a phone, the phrasebook and the
cue-card pages do not jump while they load, the cue cards say the customer's phrases in the
customer's own quotation marks, every "avoid saying" phrase shows what to say instead and why,
and a site built for its address makes no failing request when it is served there.
"""

from __future__ import annotations

import re
import time

import pytest
from playwright.sync_api import expect

from handbook.loader import load_handbook
from handbook.project import read_project
from projects import REPO
from sites import LANGUAGES

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
DESK = {"width": 1280, "height": 900}
PAGE_KINDS = {
    "home": "",
    "section": "sections/listen/",
    "guideline": "guidelines/apologise-sincerely/",
    "phrasebook": "phrases/",
    "phrase list": "phrases/thanking-and-apologising/",
    "cue cards": "cards/",
    "card sheet": "cards/es/",
    "tags": "tags/",
    "tag": "tags/apology/",
    "status": "status/",
    "page not found": "no-such-page/",
}
# What the page looks like once loaded, for the layout shift measured while it loads.
LAYOUT_SHIFT = """() => new Promise(resolve => {
    let total = 0;
    new PerformanceObserver(list => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
    }).observe({type: "layout-shift", buffered: true});
    setTimeout(() => resolve(total), 1500);
})"""


def prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE)
    yield context.new_page()
    context.close()


@pytest.fixture(scope="module")
def handbook():
    return load_handbook(read_project(REPO))


SIDEWAYS = [("el", kind) for kind in PAGE_KINDS] + [
    (language, kind) for language in LANGUAGES if language != "el" for kind in ("phrasebook", "card sheet")
]


@pytest.mark.parametrize(("language", "kind"), SIDEWAYS, ids=[f"{language}-{kind}" for language, kind in SIDEWAYS])
def test_no_page_scrolls_sideways_on_a_phone(phone, handbook_url: str, language: str, kind: str):
    phone.goto(f"{handbook_url}{prefix(language)}{PAGE_KINDS[kind]}")
    phone.evaluate("document.fonts.ready.then(() => true)")
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"the page is {width} px wide on a {PHONE['width']} px phone"


@pytest.mark.parametrize("path", ["hr/phrases/", "phrases/", "hr/cards/es/", "el/cards/el/"])
@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
def test_the_phrasebook_and_card_pages_do_not_jump_while_loading(browser, handbook_url: str, path: str, viewport: dict):
    """Scripts arrive late on a slow connection, after the page is first drawn: the controls they
    make work must already be in their place, or the page jumps when they appear. (The fonts are
    in the browser's cache already, as on any page after the first: they are preloaded, and not
    what this measures.)"""
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{handbook_url}404.html")
    page.evaluate("Promise.all(Array.from(document.fonts, face => face.load()))")

    def late(route):
        time.sleep(0.5)
        route.continue_()

    page.route(re.compile(r".*\.js$"), late)
    page.goto(f"{handbook_url}{path}", wait_until="load")
    shift = page.evaluate(LAYOUT_SHIFT)
    context.close()
    assert shift < 0.05, f"cumulative layout shift {shift:.3f}"


def test_spanish_phrases_on_croatian_cards_wear_spanish_quotes(page, handbook_url: str, handbook):
    page.goto(f"{handbook_url}hr/cards/es/")
    phrases = page.locator(".hb-card__phrase")
    assert phrases.count() > len(handbook.guidelines)
    # textContent: the browser lays out a card out of sight only when it is scrolled to
    for text, lang in zip(phrases.all_text_contents(), phrases.evaluate_all("els => els.map(e => e.lang)"), strict=True):
        assert lang == "es" and text.startswith("«") and text.endswith("»"), (lang, text)
        assert "„" not in text and "“" not in text, text
    meanings = page.locator(".hb-card__meaning")
    assert set(meanings.evaluate_all("els => els.map(e => e.lang)")) == {"hr"}
    assert not [text for text in meanings.all_text_contents() if text.startswith(("«", "„"))]


@pytest.mark.parametrize("path", ["hr/cards/es/", "cards/en/", "el/cards/sv/"])
def test_what_to_say_is_the_most_prominent_text_on_a_card(page, handbook_url: str, path: str):
    page.goto(f"{handbook_url}{path}")
    sizes = page.evaluate(
        """() => Array.from(document.querySelectorAll('.hb-card:has(.hb-card__say)')).map(card => {
            const size = el => parseFloat(getComputedStyle(el).fontSize);
            const phrase = Math.min(...Array.from(card.querySelectorAll('.hb-card__phrase'), size));
            const others = Array.from(card.querySelectorAll('*')).filter(el => !el.closest('.hb-card__phrase') && el.childNodes.length
                && Array.from(el.childNodes).some(node => node.nodeType === 3 && node.textContent.trim()));
            const say = card.querySelector('.hb-card__say'), steps = card.querySelector('.hb-card__steps');
            return {id: card.id, phrase, other: Math.max(...others.map(size)), sayFirst: !steps || !!(say.compareDocumentPosition(steps) & 4)};
        })"""
    )
    assert sizes and all(card["phrase"] > card["other"] and card["sayFirst"] for card in sizes), sizes


@pytest.mark.parametrize("viewport", [PHONE, DESK], ids=["phone", "desk"])
@pytest.mark.parametrize("language", ["hr", "el"])
def test_every_avoid_phrase_shows_what_to_say_instead_and_why(browser, handbook_url: str, handbook, language: str, viewport: dict):
    context = browser.new_context(viewport=viewport)
    page = context.new_page()
    page.goto(f"{handbook_url}{language}/phrases/")
    avoided = [phrase for phrase in handbook.phrases.values() if phrase.kind == "avoid"]
    assert len(avoided) >= 10
    for phrase in avoided:
        for cell in page.locator(f"#phrasebook-{phrase.id} td").all():
            lang = cell.get_attribute("data-lang")
            said, instead, why = cell.locator(".hb-said"), cell.locator(".hb-instead"), cell.locator(".hb-why")
            for part in (said, instead, why):
                expect(part).to_be_visible()
            assert instead.inner_text().endswith(handbook.phrases[phrase.instead].texts[lang]), (phrase.id, lang)
            assert why.inner_text().endswith(phrase.why[lang]), (phrase.id, lang)
            assert said.inner_text().endswith(phrase.texts[lang]), (phrase.id, lang)
            struck = cell.evaluate(
                "td => [td, ...td.querySelectorAll('*')].some(e => getComputedStyle(e).textDecorationLine.includes('line-through'))"
            )
            assert not struck, (phrase.id, lang)
    context.close()


def test_the_readers_language_comes_first_and_the_customers_next_to_it(page, handbook_url: str):
    page.goto(f"{handbook_url}sv/phrases/")
    visible = "els => els.filter(e => !e.hidden).map(e => e.dataset.lang)"
    row = page.locator("#phrasebook-sorry-wait td")
    assert row.evaluate_all(visible) == ["sv", "en", "hr", "es", "el"]
    assert page.locator("thead").first.locator("th").evaluate_all(visible) == ["sv", "en", "hr", "es", "el"]
    form = page.locator("form[data-hb-languages]")
    form.locator("select[name=staff]").select_option("el")
    form.locator("select[name=customer]").select_option("hr")
    assert row.evaluate_all(visible) == ["el", "hr"]
    assert page.locator("thead").first.locator("th").evaluate_all(visible) == ["el", "hr"]
    form.locator("select[name=customer]").select_option("")
    assert row.evaluate_all(visible) == ["el", "sv", "en", "hr", "es"]  # the chosen language, then as the page has them


@pytest.mark.parametrize("language", ["en", "el"])
@pytest.mark.parametrize("kind", ["home", "guideline", "phrasebook", "card sheet", "tag"])
def test_a_site_served_at_its_address_makes_no_failing_request(page, addressed_url: str, language: str, kind: str):
    fixture_paths = {"guideline": "guidelines/listen-actively/", "tag": "tags/anger/"}
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(f"{request.url}: {request.failure}"))
    page.on("response", lambda response: response.status >= 400 and failed.append(f"{response.url}: {response.status}"))
    page.on("console", lambda message: message.type == "error" and failed.append(message.text))
    response = page.goto(f"{addressed_url}{prefix(language)}{fixture_paths.get(kind, PAGE_KINDS[kind])}", wait_until="networkidle")
    assert response.status == 200
    page.wait_for_timeout(300)
    assert failed == []
