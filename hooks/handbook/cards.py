"""Cue cards: what each card says for a staff language and a customer language, and whether it fits.

A card is made to be read at a glance in the middle of a conversation. It is derived from its
guideline, never typed twice: the title and summary, two or three phrases to say (the guideline's
`card.phrases`, else its first `say` phrases) and the key step, the guideline's first (the rest
are a QR code away). An editor may give a card shorter wording per language (`text.<lang>.card`),
steps included. The phrases are the most prominent text on the card: said in the customer's
language, in that language's own quotation marks, each with its meaning in the staff language.

Whether a card's text fits is estimated before anything is printed: `LAYOUT` holds the card's
geometry and typography (docs/assets/cards.css declares the very same numbers; a test keeps
them equal) and `textfit` sets each text with the shipped font's glyph widths. What a card must
show and cannot fit is a content error naming the card, the language and the file:line to
shorten. Extras (further steps, a third phrase) are added only while they fit.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from .errors import Problems
from .model import GUIDELINE_FIELDS, HANDBOOK_FIELDS, SECTION_FIELDS, Guideline, Handbook, Origin
from .richtext import plain_text
from .textfit import TextStyle, characters_per_line, height_mm, width_mm
from .translation import interface_word, localize

CARDS_PER_SHEET = 4  # two by two on A4 and on US Letter
# Paper sizes the cards print on (width, height in mm), and the blank paper every card keeps from
# the edges of each: printers cannot print the outer 3 to 6.35 mm of a sheet.
PAPERS = {"a4": (210.0, 297.0), "letter": (215.9, 279.4), "a6": (105.0, 148.0)}
MIN_PAPER_MARGIN_MM = 7.0
DEFAULT_PHRASES = 3
REQUIRED_PHRASES = 2
CARD_WORDS = ("steps", "card_key_step", "say", "card_more_steps")
# How a language quotes what is said (content/ui.yaml, e.g. "«…»"): the marks either side of "…".
QUOTES_WORD = "quotes"
QUOTES_GAP = "…"


class CardLayout:
    """Sizes of a printed card in millimetres and points; cards.css declares the same values.

    90 × 132 mm leaves at least `MIN_PAPER_MARGIN_MM` of blank paper around the cards on A4, US
    Letter and A6 alike, more than printers need for their own margins. The phrases to say are
    set larger than anything else on the card.
    """

    width_mm = 90.0
    height_mm = 132.0
    padding_mm = 5.0
    qr_mm = 16.0
    footer_gap_mm = 2.0
    gap_mm = 2.5
    small_gap_mm = 1.0
    step_indent_mm = 5.5
    box_border_mm = 0.8
    box_padding_mm = 2.0
    tag_padding_mm = 0.6
    tag_gap_mm = 1.0
    label = TextStyle("bold", 7, 1.25, uppercase=True, letter_spacing_em=0.06)
    title = TextStyle("bold", 10.5, 1.2)
    summary = TextStyle("italic", 8, 1.25)
    step = TextStyle("regular", 8.5, 1.3)
    phrase = TextStyle("regular", 11, 1.25)
    meaning = TextStyle("italic", 7.5, 1.3)
    footer = TextStyle("regular", 7, 1.25)
    tag = TextStyle("bold", 6, 1, uppercase=True)

    @property
    def inner_width(self) -> float:
        return self.width_mm - 2 * self.padding_mm

    @property
    def inner_height(self) -> float:
        return self.height_mm - 2 * self.padding_mm

    @property
    def box_text_width(self) -> float:
        return self.inner_width - self.box_border_mm - 2 * self.box_padding_mm

    @property
    def footer_text_width(self) -> float:
        return self.inner_width - self.qr_mm - self.footer_gap_mm

    def css_variables(self) -> dict[str, str]:
        """The custom properties cards.css must declare on `.hb-card`, as CSS values."""
        lengths = {
            "card-width": self.width_mm,
            "card-height": self.height_mm,
            "card-padding": self.padding_mm,
            "qr-size": self.qr_mm,
            "footer-gap": self.footer_gap_mm,
            "gap": self.gap_mm,
            "small-gap": self.small_gap_mm,
            "step-indent": self.step_indent_mm,
            "box-border": self.box_border_mm,
            "box-padding": self.box_padding_mm,
            "tag-padding": self.tag_padding_mm,
            "tag-gap": self.tag_gap_mm,
        }
        values = {f"--hb-{name}": f"{value:g}mm" for name, value in lengths.items()}
        for name in ("label", "title", "summary", "step", "phrase", "meaning", "footer", "tag"):
            style: TextStyle = getattr(self, name)
            values[f"--hb-{name}-size"] = f"{style.size_pt:g}pt"
            values[f"--hb-{name}-line"] = f"{style.line_height:g}"
        values["--hb-label-spacing"] = f"{self.label.letter_spacing_em:g}em"
        return values


LAYOUT = CardLayout()


@dataclass(frozen=True)
class CardText:
    """One text on a card: what it says, the language it is shown in, and where it is written."""

    kind: str  # section, title, summary, step or phrase
    text: str
    language: str
    origin: Origin
    at: tuple

    def position(self) -> tuple[int, int]:
        return self.origin.file.position(self.at)


@dataclass(frozen=True)
class CardPhrase:
    """A phrase to say, in the customer's language between its quotation marks, and on a
    bilingual card what it means."""

    id: str
    say: CardText
    meaning: CardText | None = None
    quotes: tuple[str, str] = ("“", "”")

    @property
    def quoted(self) -> str:
        """The phrase as the card prints it."""
        return f"{self.quotes[0]}{self.say.text}{self.quotes[1]}"


@dataclass
class Card:
    """One cue card: a guideline for a staff member, with phrases in the customer's language."""

    guideline: str
    staff: str
    customer: str
    customer_name: str
    section: CardText
    title: CardText
    summary: CardText
    steps: list[CardText]
    phrases: list[CardPhrase]
    words: dict[str, str]
    footer: str
    more_steps: bool = False
    key_step: bool = True  # the guideline's first step, not steps the editor wrote for the card
    fits: bool = True

    @property
    def bilingual(self) -> bool:
        return self.customer != self.staff

    @property
    def steps_label(self) -> str:
        return self.words["card_key_step"] if self.key_step else self.words["steps"]

    @property
    def say_label(self) -> str:
        return f"{self.words['say']} · {self.customer_name}" if self.bilingual else self.words["say"]

    def texts(self) -> list[tuple[CardText, str]]:
        """Every content text on the card with the language it should be in."""
        texts = [(text, self.staff) for text in (self.section, self.title, self.summary, *self.steps)]
        for phrase in self.phrases:
            texts.append((phrase.say, self.customer))
            if phrase.meaning:
                texts.append((phrase.meaning, self.staff))
        return texts

    def untranslated(self) -> list[str]:
        """What the card shows in the default language because a translation is missing."""
        missing = {
            f"phrase '{text.at[-1]}'" if text.kind == "phrase" else text.kind for text, want in self.texts() if text.language != want
        }
        return sorted(missing)


@dataclass
class _Part:
    """A stretch of the card body and its height, with the text it shows (None for spacing and labels)."""

    height: float
    text: CardText | None = None


class CardMaker:
    """Derives and fits the cards of one handbook."""

    def __init__(self, handbook: Handbook, language_names: dict[str, str], layout: CardLayout = LAYOUT) -> None:
        self.hb = handbook
        self.names = language_names
        self.layout = layout
        self.default = handbook.default_language

    @staticmethod
    def of(handbook: Handbook, language_names: dict[str, str]) -> CardMaker:
        """The card maker shared by everything that needs this handbook's cards, which makes each
        card once: the build-time check makes every card of every language pair, and each
        language's card pages reuse them."""
        key = tuple(sorted(language_names.items()))
        maker = handbook.card_makers.get(key)
        if maker is None:
            maker = handbook.card_makers[key] = _RememberingCardMaker(handbook, language_names)
        return maker

    # -- what a card says ---------------------------------------------------------------------

    def _guideline_text(self, guideline: Guideline, language: str, name: str) -> tuple[Any, str, tuple]:
        """A guideline text for its card: the card's own wording first, then the page's; the
        default language fills a gap."""
        for lang in (language, self.default):
            block = guideline.texts.get(lang, {})
            own = block.get("card", {})
            if name in own:
                return own[name], lang, ("text", lang, "card", name)
            if name in block:
                return block[name], lang, ("text", lang, name)
        return None, self.default, ("text",)

    def _phrase(self, phrase_id: str, language: str) -> CardText:
        phrase = self.hb.phrases[phrase_id]
        shown = language if language in phrase.texts else self.default
        origin = self.hb.phrase_lists[phrase.list_id].origin
        return CardText("phrase", phrase.texts.get(shown, ""), shown, origin, ("text", shown, "phrases", phrase_id))

    def _section(self, guideline: Guideline, language: str) -> CardText:
        origin = self.hb.origins.get("sections", guideline.origin)
        section = self.hb.sections.get(guideline.section)
        if section is None:
            return CardText("section", guideline.section, language, guideline.origin, ("section",))
        localized = localize(section.texts, language, self.default, SECTION_FIELDS)
        shown = self.default if "title" in localized.missing else language
        return CardText("section", localized.get("title", section.id), shown, origin, ("text", shown, section.id, "title"))

    def phrase_choice(self, guideline: Guideline) -> tuple[list[str], int]:
        """The phrases a card may show, in order, and how many of them it must show."""
        if guideline.card_phrases:
            chosen = [p for p in guideline.card_phrases if p in self.hb.phrases]
            return chosen, len(chosen)
        says = [p for p in guideline.phrases if p in self.hb.phrases and self.hb.phrases[p].kind == "say"]
        return says[:DEFAULT_PHRASES], min(REQUIRED_PHRASES, len(says))

    def quotes(self, language: str) -> tuple[str, str]:
        """The quotation marks of a language (`quotes` in content/ui.yaml, e.g. "«…»")."""
        marks = interface_word(self.hb, QUOTES_WORD, language).get(QUOTES_WORD) or "“…”"
        opening, _, closing = marks.partition(QUOTES_GAP)
        return opening, closing

    def card(self, guideline_id: str, staff: str, customer: str) -> Card:
        """The card with everything it must show and a third phrase if it fits; `fits` says
        whether even what it must show fits."""
        guideline = self.hb.guidelines[guideline_id]

        def text(kind: str) -> CardText:
            value, lang, at = self._guideline_text(guideline, staff, kind)
            return CardText(kind, plain_text(value or ""), lang, guideline.origin, at)

        raw_steps, steps_lang, steps_at = self._guideline_text(guideline, staff, "steps")
        steps = [CardText("step", plain_text(s), steps_lang, guideline.origin, (*steps_at, i)) for i, s in enumerate(raw_steps or [])]
        own_steps = "card" in steps_at  # the card's own steps are shown as the editor wrote them
        phrase_ids, required = self.phrase_choice(guideline)
        phrases = []
        for phrase_id in phrase_ids:
            say = self._phrase(phrase_id, customer)
            meaning = self._phrase(phrase_id, staff) if customer != staff else None
            phrases.append(CardPhrase(phrase_id, say, meaning, self.quotes(say.language)))
        card = Card(
            guideline=guideline_id,
            staff=staff,
            customer=customer,
            customer_name=self.names.get(customer, customer),
            section=self._section(guideline, staff),
            title=text("title"),
            summary=text("summary"),
            steps=steps if own_steps else steps[:1],
            phrases=phrases[:required],
            words={key: interface_word(self.hb, key, staff).get(key, key) for key in CARD_WORDS},
            footer=localize(self.hb.texts, staff, self.default, HANDBOOK_FIELDS).get("name", ""),
            key_step=not own_steps,
        )
        budget = self.body_budget(card)
        used = self.used_height(card)
        card.fits = used <= budget
        if card.fits:
            self._add_while_fits(card, card.phrases, phrases[required:], used, budget)
        page_steps = localize(guideline.texts, staff, self.default, GUIDELINE_FIELDS).get("steps") or []
        card.more_steps = len(card.steps) < len(page_steps)
        return card

    def _add_while_fits(self, card: Card, shown: list, extras: list, used: float, budget: float) -> float:
        """Show extras while they fit; return the height then used. An extra after one of its kind
        adds its own height and a small gap (see `parts`), so only the first of a kind, which
        also brings its heading, needs the whole card measured again."""
        for extra in extras:
            taller = used + self.layout.small_gap_mm + self._extra_height(card, extra) if shown else None
            shown.append(extra)
            if taller is None:
                taller = self.used_height(card)
            if taller > budget:
                shown.pop()
                break
            used = taller
        return used

    def _extra_height(self, card: Card, extra: CardText | CardPhrase) -> float:
        if isinstance(extra, CardText):  # a step
            return self._step_height(extra)
        return self._say_height(card, extra) + (self._meaning_height(card, extra) if extra.meaning else 0.0)

    # -- how much room it takes ---------------------------------------------------------------

    def body_budget(self, card: Card) -> float:
        """Height left for the card body above its footer (QR code beside the handbook's name and
        the "more steps" note, room for which is always kept)."""
        layout = self.layout
        footer = sum(height_mm(t, layout.footer, layout.footer_text_width) for t in (card.footer, card.words["card_more_steps"]))
        return layout.inner_height - max(layout.qr_mm, footer) - layout.footer_gap_mm

    def parts(self, card: Card) -> list[_Part]:
        """The card body from top to bottom, as cards.css lays it out: the heading, the phrases
        to say in their box, the key step."""
        layout = self.layout
        width = layout.inner_width
        parts = [
            _Part(height_mm(card.section.text, layout.label, width) + layout.small_gap_mm, card.section),
            _Part(height_mm(card.title.text, layout.title, width), card.title),
            _Part(layout.small_gap_mm + height_mm(card.summary.text, layout.summary, width), card.summary),
        ]
        if card.phrases:
            label = height_mm(card.say_label, layout.label, layout.box_text_width)
            parts.append(_Part(layout.gap_mm + 2 * layout.box_padding_mm + label + layout.small_gap_mm))
            for index, phrase in enumerate(card.phrases):
                gap = layout.small_gap_mm if index else 0.0
                parts.append(_Part(gap + self._say_height(card, phrase), phrase.say))
                if phrase.meaning:
                    parts.append(_Part(self._meaning_height(card, phrase), phrase.meaning))
        if card.steps:
            parts.append(_Part(layout.gap_mm + height_mm(card.steps_label, layout.label, width) + layout.small_gap_mm))
            for index, step in enumerate(card.steps):
                gap = layout.small_gap_mm if index else 0.0
                parts.append(_Part(gap + self._step_height(step), step))
        return parts

    def _step_height(self, step: CardText) -> float:
        layout = self.layout
        return height_mm(step.text, layout.step, layout.inner_width - layout.step_indent_mm)

    def _say_height(self, card: Card, phrase: CardPhrase) -> float:
        return self._phrase_height(phrase.say, card.customer, self.layout.phrase, phrase.quoted)

    def _meaning_height(self, card: Card, phrase: CardPhrase) -> float:
        assert phrase.meaning is not None
        return self._phrase_height(phrase.meaning, card.staff, self.layout.meaning, phrase.meaning.text)

    def _phrase_height(self, text: CardText, language: str, style: TextStyle, words: str) -> float:
        layout = self.layout
        indent = 0.0
        if text.language != language:  # an untranslated phrase is tagged with its language code
            indent = width_mm(text.language, layout.tag) + 2 * layout.tag_padding_mm + layout.tag_gap_mm
        return height_mm(words, style, layout.box_text_width, indent)

    def used_height(self, card: Card) -> float:
        return sum(part.height for part in self.parts(card))

    def fits(self, card: Card) -> bool:
        return self.used_height(card) <= self.body_budget(card)

    def cards_for(self, staff: str, customer: str) -> list[Card]:
        """The cards of one sheet, in reading order."""
        return [self.card(g.id, staff, customer) for g in self.hb.guidelines_in_order()]


class _RememberingCardMaker(CardMaker):
    """A card maker for a loaded handbook, which never changes: each card is made once."""

    def __init__(self, handbook: Handbook, language_names: dict[str, str]) -> None:
        super().__init__(handbook, language_names)
        self._made: dict[tuple[str, str, str], Card] = {}

    def card(self, guideline_id: str, staff: str, customer: str) -> Card:
        key = (guideline_id, staff, customer)
        if key not in self._made:
            self._made[key] = super().card(guideline_id, staff, customer)
        return self._made[key]


def check_cards(handbook: Handbook, language_names: dict[str, str], problems: Problems) -> None:
    """Report every card whose required text does not fit, at the text most worth shortening.

    Each text is blamed once: the cards of other languages that overflow because of it (the
    same phrase on every bilingual card for one customer language, say) are fixed with it.
    """
    maker = CardMaker.of(handbook, language_names)
    languages = handbook.languages
    blamed: set[tuple[str, tuple]] = set()
    for guideline in handbook.guidelines_in_order():
        for staff in languages:
            for customer in [staff, *(lang for lang in languages if lang != staff)]:
                card = maker.card(guideline.id, staff, customer)
                if card.fits:
                    continue
                culprit = _culprit(maker, card)
                if (culprit.origin.name, culprit.at) not in blamed:
                    blamed.add((culprit.origin.name, culprit.at))
                    line, column = culprit.position()
                    problems.add(
                        culprit.origin.name, line, column, message=_overflow_message(maker, card), hint=_hint(maker, card, culprit)
                    )


def _culprit(maker: CardMaker, card: Card) -> CardText:
    """The longest text of the card; on a bilingual card that only overflows because of the
    customer's language (the staff language's own card fits), the longest phrase in it."""
    parts = [part for part in maker.parts(card) if part.text is not None]
    if card.bilingual:
        said = [part for part in parts if part.text.kind == "phrase" and part.text.language == card.customer]
        if said and maker.card(card.guideline, card.staff, card.staff).fits:
            parts = said
    culprit = max(parts, key=lambda part: part.height).text
    assert culprit is not None
    return culprit


def _overflow_message(maker: CardMaker, card: Card) -> str:
    layout = maker.layout
    over = maker.used_height(card) - maker.body_budget(card)
    characters = math.ceil(over / layout.step.line_mm) * characters_per_line(layout.step, layout.inner_width)
    which = f"in '{card.staff}'" + (f" with '{card.customer}' for the customer" if card.bilingual else "")
    return f"cue card '{card.guideline}' {which} does not fit: about {10 * math.ceil(characters / 10)} characters too long"


def _hint(maker: CardMaker, card: Card, culprit: CardText) -> str:
    if culprit.kind == "phrase":
        return f"shorten the phrase, or choose shorter ones under 'card: phrases:' in {maker.hb.guidelines[card.guideline].origin.name}"
    if "card" in culprit.at:
        return "shorten the card's wording"
    if culprit.kind == "section":
        return "shorten the section title"
    return f"shorten it, or give the card shorter wording under text.{culprit.language}.card"
