"""The booklet (/<lang>/booklet/): the whole handbook printed from the browser as a booklet, in
every language, on A4 and on US Letter: a cover, the contents, every guideline and every phrase
of that language, page numbers at the foot of each page after the cover, no blank page, none of
the site's navigation, search or buttons, links as text with the address of a web page."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from playwright.sync_api import expect

from handbook.loader import load_handbook
from handbook.model import GUIDELINE_FIELDS, HANDBOOK_FIELDS, SECTION_FIELDS, Handbook
from handbook.project import read_project
from handbook.translation import interface_word, localize, localize_entry
from htmlpages import parse
from printing import MM_PER_PT, tokens
from sites import LANGUAGES, language_root

PAPERS = {"A4": (210.0, 297.0), "Letter": (215.9, 279.4)}
FOOTER_MM = 20  # the booklet's bottom margin (docs/assets/booklet.css), where the page number goes


def prefix(language: str) -> str:
    return "" if language == "en" else f"{language}/"


@dataclass
class PrintedBooklet:
    sizes: list[tuple[float, float]]  # each page in millimetres
    bodies: list[str]  # the text of each page above its bottom margin
    footers: list[str]  # the text in each page's bottom margin

    @property
    def text(self) -> str:
        """All the words of the pages, in order, one space apart (and around)."""
        return " " + " ".join(" ".join(tokens(body)) for body in self.bodies) + " "

    def has(self, text: str) -> bool:
        return f" {' '.join(tokens(text))} " in self.text


def print_booklet(page, url: str, paper: str, path: Path) -> PrintedBooklet:
    response = page.goto(url)
    assert response is None or response.status == 200, url
    page.evaluate("document.fonts.ready.then(() => document.fonts.size)")
    page.pdf(path=str(path), format=paper)
    # PDFium reads a booklet's text in a fraction of a second (pdfplumber takes seconds)
    printed = PrintedBooklet([], [], [])
    margin = FOOTER_MM / MM_PER_PT
    pdf = pdfium.PdfDocument(path)
    try:
        for pdf_page in pdf:
            width, height = pdf_page.get_size()
            text = pdf_page.get_textpage()
            printed.sizes.append((width * MM_PER_PT, height * MM_PER_PT))
            printed.bodies.append(text.get_text_bounded(0, margin, width, height))  # from the bottom left
            printed.footers.append(text.get_text_bounded(0, 0, width, margin).strip())
    finally:
        pdf.close()
    return printed


def starts(text: str, beginning: str) -> bool:
    """True when `text` begins with the words of `beginning`."""
    wanted = tokens(beginning)
    return tokens(text)[: len(wanted)] == wanted


def what_the_booklet_must_say(handbook: Handbook, language: str) -> list[str]:
    """Every guideline's title and every phrase in `language` (or its fallback)."""
    default = handbook.default_language
    texts = [localize(g.texts, language, default, GUIDELINE_FIELDS)["title"] for g in handbook.guidelines.values()]
    for phrase in handbook.phrases.values():
        texts.append(localize_entry(phrase.texts, language, default, "text")["text"])
        if phrase.why:
            texts.append(localize_entry(phrase.why, language, default, "why")["why"])
    return texts


def chrome_texts(page, language: str) -> list[str]:
    """What the site shows around the booklet on screen: none of it belongs on paper."""
    return page.evaluate(
        r"""language => [
            document.querySelector('.md-skip')?.textContent,
            document.querySelector('input.md-search__input')?.placeholder,
            document.querySelector('.md-copyright')?.textContent,
            document.querySelector('[data-hb-print-booklet]')?.textContent,
            document.querySelector('.hb-booklet__controls p')?.textContent,
            ...Array.from(document.querySelectorAll('.md-footer__link'), e => e.textContent.replace(/\s+/g, ' ')),
            ...Array.from(document.querySelectorAll('.md-select__link'))
                .filter(a => a.hreflang !== language).map(a => a.textContent),
        ].map(text => (text || '').trim()).filter(Boolean)""",
        language,
    )


@pytest.fixture(scope="module")
def real_handbook(handbook_site: Path) -> Handbook:
    return load_handbook(read_project(handbook_site.parent))


@pytest.mark.browser
@pytest.mark.parametrize("paper", list(PAPERS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_the_booklet_prints_the_whole_handbook(page, handbook_url: str, real_handbook: Handbook, tmp_path: Path, language: str, paper: str):
    printed = print_booklet(page, f"{handbook_url}{prefix(language)}booklet/", paper, tmp_path / "booklet.pdf")
    count = len(printed.bodies)
    assert count > 10

    width, height = PAPERS[paper]
    for number, (size, body) in enumerate(zip(printed.sizes, printed.bodies, strict=True), 1):
        assert abs(size[0] - width) < 0.6 and abs(size[1] - height) < 0.6, (number, size)
        assert body.strip(), f"page {number} of {count} is blank"
    assert printed.footers == ["", *(f"{number} / {count}" for number in range(2, count + 1))]

    # the cover, then the contents, then each section and the phrase lists from a page of their own
    default = real_handbook.default_language
    name = localize(real_handbook.texts, language, default, HANDBOOK_FIELDS)["name"]
    assert " ".join(tokens(name)) in " ".join(tokens(printed.bodies[0])), "the cover names the handbook"
    assert starts(printed.bodies[1], interface_word(real_handbook, "contents", language)["contents"])
    openings = [
        f"{number} {localize(section.texts, language, default, SECTION_FIELDS)['title']}"
        for number, section in enumerate(real_handbook.sections.values(), 1)
    ]
    openings.append(f"{len(openings) + 1} {interface_word(real_handbook, 'phrasebook', language)['phrasebook']}")
    for opening in openings:
        assert any(starts(body, opening) for body in printed.bodies[2:]), f"no page starts with {opening!r}"

    missing = [text for text in what_the_booklet_must_say(real_handbook, language) if not printed.has(text)]
    assert missing == [], f"{len(missing)} texts are not on paper: {missing[:5]}"

    chrome = chrome_texts(page, language)
    assert len(chrome) >= 8, chrome
    printed_chrome = [text for text in chrome if printed.has(text)]
    assert printed_chrome == []


@pytest.mark.browser
def test_booklet_links_print_as_text_with_the_address_of_a_web_page(page, offline_site: Path, tmp_path: Path):
    """From the offline copy too: a link to a web page prints its address after its text; a link
    within the handbook prints as plain text, like the words around it."""
    printed = print_booklet(page, (offline_site / "booklet.html").as_uri(), "A4", tmp_path / "booklet.pdf")
    assert printed.has("Offer two or three options from the service charter (https://example.org/charter).")
    assert printed.has("People who feel heard calm down. See apologising.")
    page.emulate_media(media="print")
    page.wait_for_timeout(500)  # Material fades link colours in: let the change of media finish
    internal = page.locator(".hb-booklet__guideline a[href$='apologise-sincerely.html']")
    paragraph = page.locator(".hb-booklet__guideline p", has=page.locator("a[href$='apologise-sincerely.html']"))
    style = "e => [getComputedStyle(e).color, getComputedStyle(e).textDecorationLine]"
    assert internal.evaluate(style) == [paragraph.evaluate("e => getComputedStyle(e).color"), "none"]


@pytest.mark.browser
def test_the_print_button_prints_and_stays_off_paper(page, fixture_url: str):
    page.goto(f"{fixture_url}hr/booklet/")
    page.evaluate("() => { window.print = () => { window.printed = (window.printed || 0) + 1; }; }")
    button = page.get_by_role("button", name="Ispišite knjižicu")
    button.click()
    assert page.evaluate("window.printed") == 1
    page.emulate_media(media="print")
    expect(button).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()


@pytest.mark.build
def test_every_home_page_leads_to_its_booklet(fixture_site: Path):
    handbook = load_handbook(read_project(fixture_site.parent))
    for language in LANGUAGES:
        word = interface_word(handbook, "booklet", language)["booklet"]
        links = parse(language_root(fixture_site, language) / "index.html").links
        assert any(link["href"] == "booklet/" for link in links), language
        home = (language_root(fixture_site, language) / "index.html").read_text(encoding="utf-8")
        assert f'<a href="booklet/">{word}</a>' in home, language


@pytest.mark.build
def test_the_booklet_is_left_out_of_search(fixture_site: Path):
    """It repeats every guideline: search results lead to the guidelines' own pages."""
    for language in LANGUAGES:
        index = json.loads((language_root(fixture_site, language) / "search" / "search_index.json").read_text(encoding="utf-8"))
        locations = [doc["location"] for doc in index["docs"]]
        assert "guidelines/listen-actively/" in locations
        assert not [location for location in locations if location.startswith("booklet/")], language
