"""Search in the real Material UI: the reader's language only, whatever accents and case are typed."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from browser import type_search

pytestmark = pytest.mark.browser

# (language, queries that must all find the same page, the page)
QUERIES = [
    ("en", ["sincerely", "SINCERELY", "Sincerely"], "guidelines/apologise-sincerely/"),
    ("hr", ["žao", "zao", "ŽAO"], "guidelines/apologise-sincerely/"),
    ("hr", ["slušajte", "slusajte"], "guidelines/listen-actively/"),
    ("es", ["discúlpese", "disculpese", "DISCÚLPESE"], "guidelines/apologise-sincerely/"),
    ("el", ["συγγνώμη", "συγγνωμη", "ΣΥΓΓΝΩΜΗ"], "guidelines/apologise-sincerely/"),
    ("el", ["ακούστε", "ακουστε"], "guidelines/listen-actively/"),
    ("sv", ["ursäkt", "ursakt", "URSÄKT"], "guidelines/apologise-sincerely/"),
]


def search(page, base_url: str, language: str, query: str) -> list[str]:
    """Type a query into Material's search box and return the result links (site-relative)."""
    prefix = "" if language == "en" else f"{language}/"
    page.goto(f"{base_url}{prefix}")
    type_search(page, query)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=10_000)
    return [href.removeprefix(base_url).split("?")[0] for href in results.evaluate_all("links => links.map(a => a.href)")]


def assert_found_in_language_only(page, base_url: str, language: str, queries: list[str], expected: str) -> None:
    """Every query finds `expected`, and every result is a page of `language`."""
    prefix = "" if language == "en" else f"{language}/"
    others = tuple(f"{lang}/" for lang in ("hr", "es", "el", "sv") if lang != language)
    for query in queries:
        links = search(page, base_url, language, query)
        assert f"{prefix}{expected}" in links, (query, links)
        assert all(link.startswith(prefix) and not link.startswith(others) for link in links), (query, links)


@pytest.mark.parametrize(("language", "queries", "expected"), QUERIES, ids=[f"{q[0]}-{q[1][0]}" for q in QUERIES])
def test_native_queries_find_pages_in_the_readers_language_only(page, fixture_url: str, language: str, queries: list[str], expected: str):
    assert_found_in_language_only(page, fixture_url, language, queries, expected)


def test_a_query_in_another_language_finds_nothing_foreign(page, fixture_url: str):
    page.goto(f"{fixture_url}hr/")
    type_search(page, "sincerely")
    expect(page.locator(".md-search-result__meta")).to_have_text("Ništa nije pronađeno", timeout=10_000)


def test_tag_page_lists_the_right_guidelines(page, fixture_url: str):
    page.goto(f"{fixture_url}hr/tags/anger/")
    links = page.locator("article .hb-tagged a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    assert links == ["../../guidelines/listen-actively/", "../../guidelines/offer-solutions/"]
    assert page.locator("article h1").inner_text().startswith("Ljutnja")


def test_missing_page_in_greek_shows_the_greek_404(page, fixture_url: str):
    response = page.goto(f"{fixture_url}el/no-such-page/")
    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "el"
    assert page.locator("article h1").inner_text().startswith("Η σελίδα δεν βρέθηκε")
    page.locator("article a", has_text="Μετάβαση στην αρχική σελίδα").click()
    page.wait_for_url(f"{fixture_url}el/")


def test_phrasebook_shows_two_chosen_languages(page, fixture_url: str):
    page.goto(f"{fixture_url}hr/phrases/")
    form = page.locator("form[data-hb-languages]")
    expect(form).to_be_visible()
    visible = "els => els.filter(e => !e.hidden).map(e => e.dataset.lang)"
    first_row = page.locator("#phrasebook-sorry-wait td")
    assert first_row.evaluate_all(visible) == ["hr", "en", "es", "el", "sv"]  # the reader's language first

    form.locator("select[name=customer]").select_option("es")
    assert first_row.evaluate_all(visible) == ["hr", "es"]
    assert page.locator("#phrasebook-sorry-wait td:not([hidden])").all_inner_texts() == [
        "Žao mi je što ste morali toliko dugo čekati.",
        "Siento mucho que haya tenido que esperar tanto.",
    ]
    assert "languages=hr%2Ces" in page.url or "languages=hr,es" in page.url

    page.reload()
    assert first_row.evaluate_all(visible) == ["hr", "es"]
    form.locator("select[name=customer]").select_option("")
    assert first_row.evaluate_all(visible) == ["hr", "en", "es", "el", "sv"]


def test_result_page_highlights_the_accented_words(page, fixture_url: str):
    links = search(page, fixture_url, "hr", "zao")
    target = next(link for link in links if link.startswith("hr/phrases/acknowledging/"))
    page.goto(f"{fixture_url}{target}?h=zao")
    marks = page.locator("article mark[data-md-highlight]").all_inner_texts()
    assert marks and all(mark.lower() == "žao" for mark in marks), marks


# The real handbook: the same promises with real content, in all five languages.
REAL_QUERIES = [
    ("en", ["interrupt", "INTERRUPT"], "guidelines/dont-interrupt/"),
    ("hr", ["ispričajte", "ispricajte", "ISPRIČAJTE"], "guidelines/apologise-sincerely/"),
    ("es", ["discúlpese", "disculpese", "DISCÚLPESE"], "guidelines/apologise-sincerely/"),
    ("el", ["συγγνώμη", "συγγνωμη", "ΣΥΓΓΝΩΜΗ"], "guidelines/apologise-sincerely/"),
    ("el", ["διακόπτετε", "διακοπτετε"], "guidelines/dont-interrupt/"),
    ("sv", ["ursäkt", "ursakt", "URSÄKT"], "guidelines/apologise-sincerely/"),
    # American spellings find the British ones the handbook is written in (content/search.yaml)
    ("en", ["apologize", "APOLOGIZE"], "guidelines/apologise-sincerely/"),
    ("en", ["behavior"], "guidelines/dont-take-it-personally/"),
    # another word for a key term finds its page in each language: none of these is on the page
    ("en", ["boss", "superior"], "guidelines/involve-a-manager/"),
    ("hr", ["reklamacija", "reklamaciju", "prigovor"], "guidelines/start-with-thanks/"),
    ("es", ["gerente", "encargado"], "guidelines/involve-a-manager/"),
    ("el", ["αφεντικό", "αφεντικο", "διευθυντή"], "guidelines/involve-a-manager/"),
    ("sv", ["förman", "butikschef"], "guidelines/involve-a-manager/"),
    ("en", ["reimbursement"], "guidelines/offer-compensation/"),
]


@pytest.mark.parametrize(("language", "queries", "expected"), REAL_QUERIES, ids=[f"{q[0]}-{q[1][0]}" for q in REAL_QUERIES])
def test_the_real_handbook_is_found_in_the_readers_language(page, handbook_url: str, language: str, queries: list[str], expected: str):
    assert_found_in_language_only(page, handbook_url, language, queries, expected)
