"""What a person sees in a real browser: each language's pages open and speak that language."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

TITLES = {
    "en": "Listen actively",
    "hr": "Aktivno slušajte",
    "el": "Ακούστε ενεργά",
}


@pytest.mark.parametrize("language", ["en", "hr", "es", "el", "sv"])
def test_a_guideline_opens_in_each_language(page, fixture_url: str, language: str):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    prefix = "" if language == "en" else f"{language}/"
    response = page.goto(f"{fixture_url}{prefix}guidelines/listen-actively/")
    assert response.status == 200
    assert page.locator("html").get_attribute("lang") == language
    heading = page.locator("article h1").inner_text()
    assert heading.startswith(TITLES.get(language, "Listen actively"))
    assert page.locator("article ol li").count() == 2
    assert errors == []


def test_language_switcher_lands_on_the_same_guideline(page, fixture_url: str):
    page.goto(f"{fixture_url}hr/guidelines/offer-solutions/")
    page.locator(".md-select__link[hreflang='el']").first.dispatch_event("click")
    page.wait_for_url("**/el/guidelines/offer-solutions/")
    assert page.locator("html").get_attribute("lang") == "el"
