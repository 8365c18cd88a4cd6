"""Cue cards on paper: every language's card pages printed to PDF by headless Chromium.

Each PDF must have the paper size chosen on the page, one page per sheet of cards (or per card
on A6), no blank page, only the shipped fonts, and every word of every card on its page:
Chromium leaves clipped text out of a PDF, so a card that overflowed would lose words.
"""

from __future__ import annotations

import random
import shutil
import subprocess
from pathlib import Path

import pdfplumber
import pytest

from edgecards import make_edge_project
from handbook.cards import LAYOUT, PAPERS, CardMaker
from handbook.loader import load_handbook
from handbook.project import read_project
from handbook.textfit import TextStyle, wrap
from printing import assert_prints_whole_cards, print_cards
from sites import LANGUAGES, build_site, serve

pytestmark = pytest.mark.browser

PX_PER_MM = 96 / 25.4
PAIRS = [(staff, customer) for staff in LANGUAGES for customer in LANGUAGES if staff != customer]


def cards_url(base: str, staff: str, customer: str) -> str:
    return f"{base}{'' if staff == 'en' else staff + '/'}cards/{customer}/"


def maker_of(site: Path) -> CardMaker:
    project = read_project(site.parent)
    return CardMaker(load_handbook(project), project.names)


@pytest.fixture(scope="module")
def fixture_cards(fixture_site: Path) -> CardMaker:
    return maker_of(fixture_site)


@pytest.fixture(scope="module")
def edge_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A handbook whose cards are filled to the edge of what the estimate accepts."""
    root = make_edge_project(tmp_path_factory.mktemp("edge") / "project")
    result = build_site(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def edge_url(edge_site: Path):
    with serve(edge_site) as url:
        yield url


@pytest.mark.parametrize("paper", list(PAPERS))
@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_prints_its_cards(page, fixture_url: str, fixture_cards: CardMaker, tmp_path: Path, language: str, paper: str):
    printed = print_cards(page, cards_url(fixture_url, language, language), paper, tmp_path / "cards.pdf")
    assert_prints_whole_cards(printed, fixture_cards.cards_for(language, language), paper)


@pytest.mark.parametrize(("staff", "customer"), PAIRS)
def test_bilingual_cards_print_both_languages(page, fixture_url: str, fixture_cards: CardMaker, tmp_path: Path, staff: str, customer: str):
    cards = fixture_cards.cards_for(staff, customer)
    printed = print_cards(page, cards_url(fixture_url, staff, customer), "a4", tmp_path / "cards.pdf")
    assert_prints_whole_cards(printed, cards, "a4")


def test_greek_and_croatian_meet_on_one_card(page, fixture_url: str, tmp_path: Path):
    pdf = tmp_path / "cards.pdf"
    print_cards(page, cards_url(fixture_url, "hr", "el"), "letter", pdf)
    with pdfplumber.open(pdf) as document:
        text = document.pages[0].extract_text()
    assert "RECITE · ΕΛΛΗΝΙΚΑ" in text  # the language name in capitals by Greek rules: no accents
    assert "Καταλαβαίνω γιατί νιώθετε έτσι." in text  # said to the customer, in Greek
    assert "Razumijem zašto se tako osjećate." in text  # what it means, for the staff member
    assert "Aktivno slušajte" in text


def test_printed_qr_codes_lead_to_each_guideline(page, addressed_url: str, tmp_path: Path):
    zbarimg = shutil.which("zbarimg")
    if zbarimg is None:
        raise RuntimeError("zbarimg is missing: install Debian's zbar-tools package (apt-get install zbar-tools)")
    pdf = tmp_path / "cards.pdf"
    print_cards(page, cards_url(addressed_url, "hr", "el"), "a4", pdf)
    with pdfplumber.open(pdf) as document:
        document.pages[0].to_image(resolution=300).save(tmp_path / "sheet.png")
    scan = subprocess.run([zbarimg, "--quiet", "--raw", str(tmp_path / "sheet.png")], capture_output=True, text=True, check=False)
    found = sorted(scan.stdout.split())
    base = f"{addressed_url}hr/guidelines/"
    assert found == [f"{base}apologise-sincerely/", f"{base}listen-actively/", f"{base}offer-solutions/"]


# -- the fit estimate against the browser -------------------------------------------------------


def measure_cards(page) -> dict[str, dict[str, float]]:
    """Per card, in millimetres: the height its text needs, margins included, the height the card
    gives it, and how much overflows."""
    page.emulate_media(media="print")
    page.evaluate("document.fonts.ready.then(() => true)")
    measured = page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('.hb-card')).map(card => {
            const body = card.querySelector('.hb-card__body');
            let needed = 0;
            for (const part of body.children) {
                const style = getComputedStyle(part);
                needed += part.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom);
            }
            return [card.id.replace('card-', ''), {needed, room: body.getBoundingClientRect().height, overflow: body.scrollHeight - body.clientHeight}];
        }))"""
    )
    return {gid: {key: value / PX_PER_MM for key, value in sizes.items()} for gid, sizes in measured.items()}


@pytest.mark.parametrize(("staff", "customer"), [("hr", "hr"), ("el", "el"), ("en", "en"), ("hr", "el"), ("el", "hr"), ("en", "el")])
def test_cards_the_estimate_accepts_fit_when_printed(page, edge_site: Path, edge_url: str, tmp_path: Path, staff: str, customer: str):
    maker = maker_of(edge_site)
    cards = maker.cards_for(staff, customer)
    tightest = max(maker.used_height(card) / maker.body_budget(card) for card in cards)
    assert tightest > 0.96, "the edge fixture should fill some card to the brim"

    for paper in ("a4", "a6"):
        printed = print_cards(page, cards_url(edge_url, staff, customer), paper, tmp_path / f"{paper}.pdf")
        assert_prints_whole_cards(printed, cards, paper)

    measured = measure_cards(page)
    for card in cards:
        real = measured[card.guideline]
        assert real["overflow"] < 0.05, card.guideline
        assert real["needed"] <= maker.used_height(card) + 0.05, (card.guideline, real["needed"], maker.used_height(card))
        assert real["room"] >= maker.body_budget(card) - 0.05, (card.guideline, real["room"], maker.body_budget(card))


def test_estimated_lines_are_never_fewer_than_the_browsers(page, fixture_url: str):
    """Random texts in every script and style of a card, at every width on a card: the estimate
    may count a line more than Chromium sets, never one less, and is usually exact."""
    rng = random.Random(20260101)
    words = {
        "hr": "Pustite korisnika da završi prije nego što odgovorite žao mi je đak čačkalica šćućuren e-pošta",
        "el": "Αφήστε τον πελάτη να τελειώσει Λυπάμαι πολύ Καταλαβαίνω γιατί νιώθετε ΆΈΉΊΌΎΏ ϊΐϋΰ συγγνώμη",
        "en": "Let the customer finish before you answer I can see why WWW mmm illicit follow-up well-meant",
        "sv": "En ursäkt är inget erkännande av skuld Förlåt att du fick vänta så länge kundtjänst-ärende",
        "es": "Siento mucho que haya tenido que esperar tanto ¿Cómo puedo ayudarle? Año señalización",
    }
    styles: list[TextStyle] = [LAYOUT.label, LAYOUT.title, LAYOUT.summary, LAYOUT.step, LAYOUT.phrase, LAYOUT.meaning, LAYOUT.footer]
    widths = [LAYOUT.inner_width, LAYOUT.inner_width - LAYOUT.step_indent_mm, LAYOUT.box_text_width, LAYOUT.footer_text_width]
    cases = []
    for _ in range(800):
        language = rng.choice(list(words))
        style = rng.choice(styles)
        text = " ".join(rng.choice(words[language].split()) for _ in range(rng.randint(2, 70)))
        if rng.random() < 0.3:
            text = text.replace(" ", rng.choice(["-", "—", "\u00a0", "?", "…", "/", "\u2009"]), rng.randint(1, 12))
        width = rng.choice(widths)
        cases.append(
            {
                "text": text,
                "lang": language,
                "face": style.face,
                "size": style.size_pt,
                "line": style.line_height,
                "upper": style.uppercase,
                "spacing": style.letter_spacing_em,
                "width": width,
                "estimate": len(wrap(text, style, width)),
            }
        )
    page.goto(fixture_url)
    page.emulate_media(media="print")
    lines = page.evaluate(
        """async (cases) => {
            document.body.replaceChildren();
            await Promise.all(Array.from(document.fonts, face => face.load()));  // faces load lazily: all of them first
            return cases.map(c => {
                const box = document.createElement('div');
                box.lang = c.lang;
                Object.assign(box.style, {
                    position: 'absolute', top: '0', left: '0', width: c.width + 'mm', fontFamily: '"Noto Sans"',
                    fontSize: c.size + 'pt', lineHeight: String(c.line), letterSpacing: c.spacing + 'em',
                    fontWeight: c.face === 'bold' ? '700' : '400', fontStyle: c.face === 'italic' ? 'italic' : 'normal',
                    textTransform: c.upper ? 'uppercase' : 'none', overflowWrap: 'anywhere',
                });
                box.textContent = c.text;
                document.body.append(box);
                const count = box.getBoundingClientRect().height / parseFloat(getComputedStyle(box).lineHeight);
                box.remove();
                return Math.round(count);  // line boxes snap to layout units: 5.99 lines are 6
            });
        }""",
        cases,
    )
    fewer = [(case["text"], case["estimate"], real) for case, real in zip(cases, lines, strict=True) if real > case["estimate"]]
    assert fewer == []
    exact = sum(real == case["estimate"] for case, real in zip(cases, lines, strict=True))
    assert exact / len(cases) > 0.95


# -- the page around the cards ----------------------------------------------------------------


def test_print_button_prints_and_the_paper_choice_is_kept(page, fixture_url: str):
    page.add_init_script("window.print = () => { window.__printed = (window.__printed || 0) + 1; };")
    page.goto(cards_url(fixture_url, "hr", "el"))
    button = page.get_by_role("button", name="Ispis")
    assert button.is_visible()
    button.click()
    assert page.evaluate("window.__printed") == 1

    page.get_by_label("US Letter").check()
    assert page.url.endswith("cards/el/?paper=letter")
    page.goto(cards_url(fixture_url, "hr", "es"))  # remembered for the next card page too
    assert page.locator("#hb-paper-letter").is_checked()
    page.goto(cards_url(fixture_url, "hr", "es") + "?paper=a6")
    assert page.locator("#hb-paper-a6").is_checked()


def test_print_shows_only_the_cards(page, fixture_url: str):
    page.goto(cards_url(fixture_url, "el", "el"))
    page.emulate_media(media="print")
    hidden = page.evaluate(
        """() => ['.md-header', '.md-sidebar--primary', '.md-footer', '.md-search', 'h1', '.hb-card-controls']
            .filter(selector => document.querySelector(selector))
            .map(selector => getComputedStyle(document.querySelector(selector)).display)"""
    )
    assert set(hidden) == {"none"} and len(hidden) == 6
    sheet = page.locator(".hb-sheet").bounding_box()
    assert sheet["x"] == 0 and sheet["y"] == 0  # nothing above the cards: no blank first page


def test_the_site_uses_its_own_font(page, fixture_url: str):
    fonts: list[str] = []
    page.on("request", lambda request: fonts.append(request.url) if request.resource_type == "font" else None)
    page.goto(f"{fixture_url}el/guidelines/listen-actively/")
    page.evaluate("document.fonts.ready.then(() => true)")
    assert page.evaluate("getComputedStyle(document.body).fontFamily").startswith('"Noto Sans"')
    assert page.evaluate("document.fonts.check('16px \"Noto Sans\"', 'Ακούστε ενεργά')")
    assert f"{fixture_url}assets/fonts/NotoSans-Regular.woff2" in fonts
    assert all(url.startswith(fixture_url) for url in fonts), fonts  # no web font from anywhere else
