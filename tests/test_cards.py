"""Cue cards in the core: what a card says, and the build-time check that it fits."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import problems_of
from handbook.cards import LAYOUT, MIN_PAPER_MARGIN_MM, PAPERS, CardMaker
from handbook.loader import load_handbook
from handbook.project import read_project
from handbook.qr import QrCodes
from handbook.textfit import covers, wrap
from projects import REPO, edit

LISTEN = "content/guidelines/listen-actively.yaml"
OFFER = "content/guidelines/offer-solutions.yaml"
ACKNOWLEDGING = "content/phrases/acknowledging.yaml"

LONG_SUMMARY_HR = (
    "Pustite korisnika da završi prije nego što odgovorite, čak i kada mislite da već znate što će reći, jer ljudi "
    "koji se osjećaju saslušanima brže se smiruju, lakše prihvaćaju rješenje i rjeđe traže razgovor s nadređenim, "
    "a vi tako štedite vrijeme i živce i sebi i kolegama na šalteru."
)
LONG_STEP_HR = (
    "Pustite ih da govore do kraja i bez prekidanja. Pokažite da slušate tako da ih gledate, kimate glavom i ne "
    "gledate u telefon ni u ekran dok govore. Kad zastanu, pričekajte trenutak prije nego što odgovorite, jer često "
    "imaju još nešto reći. Zapišite ključne riječi kako biste ih kasnije mogli ponoviti i pokazati da ste ih čuli. "
    "Ne branite se i ne objašnjavajte pravila dok ne završe, čak ni kada su u krivu. Tek kad sve kažu, sažmite "
    "njihovu pritužbu svojim riječima i pitajte jeste li je dobro razumjeli, pa tek onda prijeđite na rješenje. "
    "Zahvalite im na strpljenju i recite što slijedi."
)
LONG_TITLE_HR = "Aktivno i strpljivo slušajte kupca do samoga kraja, bez prekidanja, gledajući ga u oči i kimajući glavom"


def maker_for(root: Path) -> CardMaker:
    project = read_project(root)
    return CardMaker(load_handbook(project), project.names)


def shown(card) -> dict:
    return {
        "section": card.section.text,
        "title": card.title.text,
        "summary": card.summary.text,
        "steps": [step.text for step in card.steps],
        "say": [(phrase.say.text, phrase.say.language) for phrase in card.phrases],
        "meaning": [(phrase.meaning.text, phrase.meaning.language) if phrase.meaning else None for phrase in card.phrases],
    }


# -- what a card says -------------------------------------------------------------------------


def test_card_is_derived_from_the_guideline(project: Path):
    card = maker_for(project).card("listen-actively", "en", "en")
    assert shown(card) == {
        "section": "Listen first",
        "title": "Listen actively",
        "summary": "Let the customer finish before you answer.",
        "steps": ["Let them talk."],  # the key step; the card says the handbook has more
        "say": [("I can see why you feel that way.", "en")],  # 'calm-down' is an avoid phrase: never on a card
        "meaning": [None],
    }
    assert card.fits and not card.bilingual and card.more_steps and card.untranslated() == []
    assert card.phrases[0].quoted == "“I can see why you feel that way.”"


def test_card_wording_and_phrases_can_be_chosen_in_the_content(project: Path):
    edit(
        project,
        LISTEN,
        "      - Kimnite i recite *mhm*.\n",
        "      - Kimnite i recite *mhm*.\n    card:\n      title: Slušajte\n      steps:\n        - Šutite.\n",
    )
    edit(
        project,
        LISTEN,
        "phrases: [i-see-why, calm-down]\n",
        "phrases: [i-see-why, sorry-wait, calm-down]\ncard:\n  phrases: [sorry-wait]\n",
    )
    card = maker_for(project).card("listen-actively", "hr", "hr")
    assert shown(card)["title"] == "Slušajte"
    assert shown(card)["summary"] == "Pustite korisnika da završi prije nego što odgovorite."  # not overridden: the page's
    assert shown(card)["steps"] == ["Šutite."]
    assert shown(card)["say"] == [("Žao mi je što ste morali toliko dugo čekati.", "hr")]
    assert card.more_steps  # the page has two steps, the card one
    # a language without its own card wording uses its own page text, not another language's card
    assert shown(maker_for(project).card("listen-actively", "el", "el"))["title"] == "Ακούστε ενεργά"


def test_bilingual_card_says_the_phrase_in_the_customers_language(project: Path):
    card = maker_for(project).card("listen-actively", "hr", "el")
    assert card.bilingual and card.say_label == "Recite · Ελληνικά"
    assert shown(card)["title"] == "Aktivno slušajte"
    assert shown(card)["say"] == [("Καταλαβαίνω γιατί νιώθετε έτσι.", "el")]
    assert shown(card)["meaning"] == [("Razumijem zašto se tako osjećate.", "hr")]
    assert card.untranslated() == []


def test_untranslated_card_text_falls_back_to_the_default_language_visibly(project: Path):
    card = maker_for(project).card("offer-solutions", "el", "hr")
    assert shown(card)["title"] == "Offer solutions" and card.title.language == "en"
    assert shown(card)["say"] == [("Mogu Vam pomoći na nekoliko načina.", "hr")]
    assert shown(card)["meaning"] == [("I can help you in a few different ways.", "en")]
    assert card.untranslated() == ["phrase 'i-can-help'", "section", "step", "summary", "title"]


def test_the_card_holds_the_key_step_whatever_room_is_left(project: Path):
    """The home page's card introduction promises the title, the key step and the phrases: a card
    shows the guideline's first step, however many more would fit, and notes that there are more."""
    for language in ("en", "hr", "el"):
        card = maker_for(project).card("listen-actively", language, language)
        page_steps = maker_for(project).hb.guidelines["listen-actively"].texts[language]["steps"]
        assert len(page_steps) == 2 and [step.at for step in card.steps] == [("text", language, "steps", 0)]
        assert card.more_steps and maker_for(project).used_height(card) < maker_for(project).body_budget(card) / 2


def test_phrases_wear_the_quotation_marks_of_their_own_language(project: Path):
    maker = maker_for(project)
    assert maker.card("listen-actively", "hr", "el").phrases[0].quoted == "«Καταλαβαίνω γιατί νιώθετε έτσι.»"
    assert maker.card("listen-actively", "el", "hr").phrases[0].quoted == "„Razumijem zašto se tako osjećate.“"
    # the Spanish phrase is missing: the English one stands in, in English quotation marks
    assert maker.card("listen-actively", "hr", "es").phrases[0].quoted == "“I can see why you feel that way.”"


def test_cards_leave_printable_margins_on_every_paper():
    """Printers cannot print the outer few millimetres of a sheet: every paper keeps more blank
    paper than that around the cards (the printed PDFs are checked in test_cards_print.py)."""
    for paper, (width, height) in PAPERS.items():
        across, down = (1, 1) if paper == "a6" else (2, 2)
        assert (width - across * LAYOUT.width_mm) / 2 >= MIN_PAPER_MARGIN_MM, paper
        assert (height - down * LAYOUT.height_mm) / 2 >= MIN_PAPER_MARGIN_MM, paper


# -- the build-time check -----------------------------------------------------------------


def test_overlong_card_is_reported_at_the_text_to_shorten(project: Path):
    edit(project, LISTEN, "    title: Aktivno slušajte\n", f"    title: {LONG_TITLE_HR}\n")
    edit(project, LISTEN, "    summary: Pustite korisnika da završi prije nego što odgovorite.\n", f"    summary: {LONG_SUMMARY_HR}\n")
    edit(project, LISTEN, "      - Pustite ih da govore.\n", f"      - {LONG_STEP_HR}\n")
    assert problems_of(project) == [
        f"{LISTEN}:28:9: cue card 'listen-actively' in 'hr' does not fit: about 60 characters too long"
        " (shorten it, or give the card shorter wording under text.hr.card)"
    ]


def test_overlong_card_wording_is_reported_there(project: Path):
    edit(
        project,
        OFFER,
        "      - Pustite ih da odaberu.\n",
        f"      - Pustite ih da odaberu.\n    card:\n      title: {LONG_TITLE_HR}\n      summary: {LONG_SUMMARY_HR}\n"
        f"      steps:\n        - {LONG_STEP_HR[:300]}\n"
        f"        - {LONG_STEP_HR[300:]}\n",
    )
    assert problems_of(project) == [
        f"{OFFER}:31:12: cue card 'offer-solutions' in 'hr' does not fit: about 60 characters too long (shorten the card's wording)"
    ]


def test_overlong_phrase_for_one_customer_language_is_reported_once(project: Path):
    long_phrase = "Καταλαβαίνω απόλυτα γιατί νιώθετε έτσι και θέλω να σας βοηθήσω όσο καλύτερα μπορώ σήμερα, χωρίς καθυστέρηση."
    edit(project, ACKNOWLEDGING, "      i-see-why: Καταλαβαίνω γιατί νιώθετε έτσι.\n", f"      i-see-why: {long_phrase} {long_phrase}\n")
    edit(project, LISTEN, "    summary: Pustite korisnika da završi prije nego što odgovorite.\n", f"    summary: {LONG_SUMMARY_HR}\n")
    edit(project, LISTEN, "      - Pustite ih da govore.\n", f"      - {LONG_STEP_HR[:360]}\n")
    # the Croatian card alone fits (it would be reported first); with the Greek phrase and its
    # Croatian meaning it does not, and every other card that shows the phrase is fixed with it
    assert problems_of(project) == [
        f"{ACKNOWLEDGING}:31:18: cue card 'listen-actively' in 'hr' with 'el' for the customer does not fit:"
        " about 170 characters too long"
        f" (shorten the phrase, or choose shorter ones under 'card: phrases:' in {LISTEN})"
    ]


# -- the measure behind the check ----------------------------------------------------------


def test_layout_is_the_one_cards_css_declares():
    css = (REPO / "docs" / "assets" / "cards.css").read_text(encoding="utf-8")
    block = re.search(r"\.hb-sheet \{(.*?)\n\}", css, re.S).group(1)
    declared = dict(re.findall(r"(--hb-[a-z-]+):\s*([^;]+);", block))
    expected = LAYOUT.css_variables()
    assert {name: declared.get(name) for name in expected} == expected


def test_wrap_breaks_where_a_browser_may():
    style = LAYOUT.step
    assert wrap("aaaa bbbb", style, 10) == ["aaaa", "bbbb"]
    assert wrap("aaaa\u00a0bbbb", style, 10) != ["aaaa", "bbbb"]  # a no-break space holds its words together
    assert wrap("well-meant", style, 12) == ["well-", "meant"]  # a hyphen between words may break
    # a word longer than the line is cut between characters; a label before the first line
    # pushes a word that does not fit beside it onto the next line
    assert "".join(wrap("x" * 200, style, 20)) == "x" * 200 and len(wrap("x" * 200, style, 20)) > 5
    assert wrap("Word", style, 20, indent=19) == ["", "Word"]
    assert wrap("Word", style, 20, indent=5) == ["Word"]


def test_the_shipped_font_covers_every_language_of_the_fixture(project: Path):
    maker = maker_for(project)
    for guideline in maker.hb.guidelines:
        for staff in maker.hb.languages:
            for customer in maker.hb.languages:
                card = maker.card(guideline, staff, customer)
                assert all(covers(text.text) for text, _ in card.texts()), (guideline, staff, customer)
    assert covers("čćđšž ČĆĐŠŽ åäö ñ ¿¡ άέήίόύώ ΐΰ ϊϋ ς «» „“ ” –—…")


def test_qr_code_is_the_same_for_the_same_address():
    url = "https://handbook.example.org/hr/guidelines/listen-actively/"
    svg = QrCodes().svg(url)
    assert svg == QrCodes().svg(url) != QrCodes().svg(url.replace("/hr/", "/el/"))
    assert svg.startswith('<svg aria-hidden="true" focusable="false" viewBox="0 0 33 33"')
    assert "<script" not in svg and url not in svg
