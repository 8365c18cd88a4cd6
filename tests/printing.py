"""Printing cue-card pages with headless Chromium and reading back what reached the paper.

Chromium leaves clipped text out of a PDF, so "every word of every card is in the PDF text of
its page" is an honest overflow test; pdfplumber reads the text, the page sizes and the fonts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pdfplumber

from handbook.cards import CARDS_PER_SHEET, LAYOUT, MIN_PAPER_MARGIN_MM, PAPERS, Card
from handbook.textfit import width_mm

MM_PER_PT = 25.4 / 72
WHITE = (1.0, 1.0, 1.0)
CARDS_PER_PAGE = {"a4": CARDS_PER_SHEET, "letter": CARDS_PER_SHEET, "a6": 1}
_WORD = re.compile(r"\w+")


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def tokens(text: str) -> list[str]:
    """The words of a text in order, compared as `words` compares them."""
    return _WORD.findall(_plain(text))


def words(text: str) -> Counter:
    """The words of a text as they can be compared with a PDF's: CSS may set a label in capitals,
    which drops Greek accents, so case and accents are ignored; punctuation does not count."""
    return Counter(_WORD.findall(_plain(text)))


def card_words(card: Card) -> Counter:
    """Every word printed on a card: its texts, its labels, language tags and the footer."""
    texts = [text.text for text, _ in card.texts()]
    texts += [card.steps_label if card.steps else "", card.say_label if card.phrases else "", card.footer]
    texts += [text.language for text, wanted in card.texts() if text.kind == "phrase" and text.language != wanted]
    if card.more_steps:
        texts.append(card.words["card_more_steps"])
    return sum((words(text) for text in texts), Counter())


@dataclass
class PrintedPage:
    width_mm: float
    height_mm: float
    regions: list[tuple[Counter, str]]  # per card position, in reading order: its words and its letters
    fonts: set[str]
    characters: int
    cards: list[tuple[float, float, float, float]]  # each card's box (left, top, right, bottom) in mm
    fills: list[tuple[float, float, float, float]]  # every coloured area printed (not white), in mm


def print_cards(page, url: str, paper: str, path: Path) -> list[PrintedPage]:
    """Open a cue-card page, choose the paper on it, print it to PDF and read the PDF back."""
    response = page.goto(url)
    assert response.status == 200, url
    page.locator(f"#hb-paper-{paper}").check()
    page.evaluate("document.fonts.ready.then(() => document.fonts.size)")
    page.pdf(path=str(path), prefer_css_page_size=True, print_background=True)
    return read_pdf(path, paper)


def read_pdf(path: Path, paper: str) -> list[PrintedPage]:
    """The pages of a printed PDF, each cut where its cards meet: two by two on a sheet (the
    cards are centred on the page), the whole page on A6."""
    printed = []
    with pdfplumber.open(path) as pdf:
        for pdf_page in pdf.pages:
            width, height = pdf_page.width, pdf_page.height
            if CARDS_PER_PAGE[paper] == 1:
                boxes = [(0, 0, width, height)]
            else:
                boxes = [(x, y, x + width / 2, y + height / 2) for y in (0, height / 2) for x in (0, width / 2)]
            regions = []
            for box in boxes:
                text = " ".join(word["text"] for word in pdf_page.crop(box).extract_words())
                regions.append((words(text), _letters(text)))
            boxes_mm = [
                tuple(rect[key] * MM_PER_PT for key in ("x0", "top", "x1", "bottom")) for rect in pdf_page.rects if rect.get("fill")
            ]
            colours = [tuple(rect.get("non_stroking_color") or ()) for rect in pdf_page.rects if rect.get("fill")]
            printed.append(
                PrintedPage(
                    width_mm=width * MM_PER_PT,
                    height_mm=height * MM_PER_PT,
                    regions=regions,
                    fonts={char["fontname"].split("+")[-1] for char in pdf_page.chars},
                    characters=len(pdf_page.chars),
                    cards=[box for box in boxes_mm if _is_card(box)],
                    fills=[box for box, colour in zip(boxes_mm, colours, strict=True) if colour != WHITE],
                )
            )
    return printed


def _is_card(box: tuple[float, float, float, float]) -> bool:
    """A card's white background: exactly a card in size (within Chromium's rounding)."""
    left, top, right, bottom = box
    return abs(right - left - LAYOUT.width_mm) < 0.5 and abs(bottom - top - LAYOUT.height_mm) < 0.5


def _letters(text: str) -> str:
    """The text as one run of word characters: a word cut across lines is whole again in it."""
    return "".join(_WORD.findall(_plain(text)))


def may_be_cut(word: str) -> bool:
    """True for a word that may not fit on one line of a card, which the browser then cuts."""
    return width_mm(word, LAYOUT.title) > LAYOUT.footer_text_width


def missing_words(printed: list[PrintedPage], cards: list[Card], paper: str) -> dict[str, Counter]:
    """Per card, the words it should show that its place on the paper lacks (empty: all there).

    A word longer than a line is cut between lines on paper; it counts as there when its letters
    follow each other in the card's text.
    """
    per_page = CARDS_PER_PAGE[paper]
    missing = {}
    for index, card in enumerate(cards):
        page = printed[index // per_page] if index // per_page < len(printed) else None
        found, letters = page.regions[index % per_page] if page else (Counter(), "")
        lacking = Counter({word: count for word, count in (card_words(card) - found).items() if not (may_be_cut(word) and word in letters)})
        if lacking:
            missing[f"{card.guideline} ({card.staff}/{card.customer})"] = lacking
    return missing


def assert_printable(printed_page: PrintedPage, count: int, number: int) -> None:
    """Every card of the page lies in the part of the paper printers print (MIN_PAPER_MARGIN_MM
    from each edge), and nothing coloured touches the cut lines: each coloured area lies inside a
    card, inside its padding."""
    assert len(printed_page.cards) == count, (number, printed_page.cards)
    for left, top, right, bottom in printed_page.cards:
        margins = (left, top, printed_page.width_mm - right, printed_page.height_mm - bottom)
        assert min(margins) >= MIN_PAPER_MARGIN_MM, (number, margins)
    inset = LAYOUT.padding_mm - 0.5
    for fill in printed_page.fills:
        assert any(
            fill[0] >= card[0] + inset and fill[1] >= card[1] + inset and fill[2] <= card[2] - inset and fill[3] <= card[3] - inset
            for card in printed_page.cards
        ), (number, fill, printed_page.cards)


def assert_prints_whole_cards(printed: list[PrintedPage], cards: list[Card], paper: str) -> None:
    """The right paper, one page per sheet of cards, no blank page, every word on its page."""
    width, height = PAPERS[paper]
    per_page = CARDS_PER_PAGE[paper]
    assert len(printed) == -(-len(cards) // per_page), f"{len(printed)} pages for {len(cards)} cards on {paper}"
    for number, printed_page in enumerate(printed):
        # Chromium rounds the page to whole CSS pixels: within half a millimetre (under 2 points)
        assert abs(printed_page.width_mm - width) < 0.6, (number, printed_page.width_mm, width)
        assert abs(printed_page.height_mm - height) < 0.6, (number, printed_page.height_mm, height)
        assert printed_page.characters > 0, f"page {number + 1} is blank"
        assert all(font.startswith("NotoSans-") for font in printed_page.fonts), printed_page.fonts
        assert_printable(printed_page, min(per_page, len(cards) - number * per_page), number)
    missing = missing_words(printed, cards, paper)
    assert missing == {}, f"words missing from the printed pages: {missing}"
