"""The course's printed pieces: role-play cards and the one-page quick reference.

Both are derived from the content, never typed twice, and both must fit on paper: a role-play
card is a cue card's size (cards.LAYOUT, four to a sheet, one role-play per sheet), the quick
reference one page of A4 and of US Letter alike. As for cue cards, whether the text fits is
estimated before anything is printed, with the shipped font's glyph widths (textfit), and what
does not fit is a content error naming the file:line to shorten. `QUICK_LAYOUT` holds the quick
reference's geometry; docs/assets/training.css declares the same numbers (a test keeps them
equal), and the print tests check the estimate against Chromium.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from .cards import LAYOUT, CardLayout, CardText
from .errors import Problems
from .model import HANDBOOK_FIELDS, Handbook, Origin
from .textfit import TextStyle, characters_per_line, height_mm, width_mm
from .training import STEP_FIELDS, RolePlay
from .translation import interface_word, localize

ROLES = ("customer", "staff", "observer", "debrief")
_ROLE_LABEL = {"customer": "speaker_customer", "staff": "speaker_staff", "observer": "role_observer", "debrief": "role_debrief"}
_ROLE_HEADING = {"customer": "brief_customer", "staff": "brief_staff", "observer": "watch_for", "debrief": "talk_about"}
_ROLE_FIELD = {"customer": "customer", "staff": "staff", "observer": "observe", "debrief": "debrief"}


# -- role-play cards -------------------------------------------------------------------------------


@dataclass(frozen=True)
class RolePlayItem:
    """One line of a role-play card; on the observer's card, with the guideline it belongs to."""

    text: CardText
    guideline: CardText | None = None

    @property
    def printed(self) -> str:
        return f"{self.text.text} – {self.guideline.text}" if self.guideline else self.text.text


@dataclass
class RolePlayCard:
    """One of the four cards of a role-play, in one language."""

    role_play: str
    role: str
    language: str
    label: str
    heading: str
    title: CardText
    situation: CardText
    items: list[RolePlayItem]
    footer: str

    def texts(self) -> list[CardText]:
        texts = [self.title, self.situation]
        for item in self.items:
            texts.append(item.text)
            if item.guideline:
                texts.append(item.guideline)
        return texts

    def untranslated(self) -> list[str]:
        return sorted({text.kind for text in self.texts() if text.language != self.language})


def _text(texts: dict, language: str, default: str, path: tuple) -> tuple[object, str]:
    """A text at `path` inside a language block, and the language it is shown in (the default
    language fills a gap)."""
    for lang in (language, default):
        value: object = texts.get(lang, {})
        for key in path:
            value = value.get(key) if isinstance(value, dict) else None
        if value is not None:
            return value, lang
    return None, default


def role_play_cards(handbook: Handbook, role_play: RolePlay, language: str) -> list[RolePlayCard]:
    """The four cards of a role-play: customer, staff member, observer, debrief."""
    default = handbook.default_language
    origin = role_play.origin

    def card_text(kind: str, path: tuple) -> CardText:
        value, lang = _text(role_play.texts, language, default, path)
        return CardText(kind, str(value or ""), lang, origin, ("text", lang, *path))

    footer = localize(handbook.texts, language, default, HANDBOOK_FIELDS).get("name", "")
    cards = []
    for role in ROLES:
        field = _ROLE_FIELD[role]
        items = []
        if role == "observer":
            for gid in role_play.observe:
                guideline = handbook.guidelines.get(gid)
                reference = _guideline_title(guideline.texts, guideline.origin, language, default) if guideline else None
                items.append(RolePlayItem(card_text("observe", (field, gid)), reference))
        else:
            values, lang = _text(role_play.texts, language, default, (field,))
            items = [RolePlayItem(CardText(field, str(v), lang, origin, ("text", lang, field, i))) for i, v in enumerate(values or [])]
        cards.append(
            RolePlayCard(
                role_play=role_play.id,
                role=role,
                language=language,
                label=_word(handbook, _ROLE_LABEL[role], language),
                heading=_word(handbook, _ROLE_HEADING[role], language),
                title=card_text("title", ("title",)),
                situation=card_text("situation", ("situation",)),
                items=items,
                footer=footer,
            )
        )
    return cards


def _guideline_title(texts: dict, origin: Origin, language: str, default: str) -> CardText:
    """A guideline's card title (the shorter one, when it has one), else its title."""
    for lang in (language, default):
        block = texts.get(lang, {})
        if "title" in block.get("card", {}):
            return CardText("guideline", block["card"]["title"], lang, origin, ("text", lang, "card", "title"))
        if "title" in block:
            return CardText("guideline", block["title"], lang, origin, ("text", lang, "title"))
    return CardText("guideline", "", default, origin, ("text",))


def _word(handbook: Handbook, key: str, language: str) -> str:
    return interface_word(handbook, key, language).get(key, key)


def role_play_card_parts(card: RolePlayCard, layout: CardLayout = LAYOUT) -> list[tuple[float, CardText | None]]:
    """The card body from top to bottom with the height of each part, as training.css lays it
    out with the cue cards' classes: label, title, situation, then the heading and its items."""
    width = layout.inner_width
    parts: list[tuple[float, CardText | None]] = [
        (height_mm(card.label, layout.label, width) + layout.small_gap_mm, None),
        (height_mm(card.title.text, layout.title, width), card.title),
        (layout.small_gap_mm + height_mm(card.situation.text, layout.summary, width), card.situation),
        (layout.gap_mm + height_mm(card.heading, layout.label, width) + layout.small_gap_mm, None),
    ]
    for index, item in enumerate(card.items):
        gap = layout.small_gap_mm if index else 0.0
        parts.append((gap + height_mm(item.printed, layout.step, width - layout.step_indent_mm), item.text))
    return parts


def role_play_card_budget(card: RolePlayCard, layout: CardLayout = LAYOUT) -> float:
    """Height for the body above the footer (the handbook's name; no QR code on these cards)."""
    return layout.inner_height - height_mm(card.footer, layout.footer, layout.inner_width) - layout.footer_gap_mm


def role_play_card_fits(card: RolePlayCard, layout: CardLayout = LAYOUT) -> bool:
    return sum(height for height, _ in role_play_card_parts(card, layout)) <= role_play_card_budget(card, layout)


# -- the quick reference ---------------------------------------------------------------------------


class QuickLayout:
    """Sizes of the printed quick reference in millimetres and points; training.css declares the
    same values. The sheet fits inside A4 (210 mm wide) and US Letter (279.4 mm high) with at
    least 10 mm to spare on every side, so one layout prints on both."""

    sheet_width_mm = 190.0
    sheet_height_mm = 259.0
    gap_mm = 3.0
    small_gap_mm = 1.0
    left_mm = 54.0  # the step column
    column_gap_mm = 4.0
    badge_mm = 5.0
    badge_gap_mm = 1.5
    row_padding_mm = 1.0
    row_rule_mm = 0.3
    box_padding_mm = 2.5
    box_border_mm = 0.8
    slot_height_mm = 8.0
    slot_gap_mm = 6.0
    slot_line_mm = 30.0  # the least room left to write in, beside a slot's label
    qr_mm = 16.0
    kicker = TextStyle("bold", 7.5, 1.25, uppercase=True, letter_spacing_em=0.06)
    title = TextStyle("bold", 17, 1.2)
    summary = TextStyle("italic", 9.5, 1.3)
    step = TextStyle("bold", 10.5, 1.25)
    hint = TextStyle("regular", 8, 1.3)
    phrase = TextStyle("regular", 10.5, 1.3)
    meaning = TextStyle("italic", 8.5, 1.3)
    body = TextStyle("regular", 9, 1.35)
    footer = TextStyle("regular", 7.5, 1.25)

    @property
    def step_text_width(self) -> float:
        return self.left_mm - self.badge_mm - self.badge_gap_mm

    @property
    def phrase_width(self) -> float:
        return self.sheet_width_mm - self.left_mm - self.column_gap_mm

    @property
    def box_text_width(self) -> float:
        return self.sheet_width_mm - self.box_border_mm - 2 * self.box_padding_mm

    @property
    def slot_width(self) -> float:
        return (self.box_text_width - self.slot_gap_mm) / 2

    def css_variables(self) -> dict[str, str]:
        """The custom properties training.css must declare on `.hb-quick`, as CSS values."""
        lengths = {
            "quick-sheet-width": self.sheet_width_mm,
            "quick-sheet-height": self.sheet_height_mm,
            "quick-gap": self.gap_mm,
            "quick-small-gap": self.small_gap_mm,
            "quick-left": self.left_mm,
            "quick-column-gap": self.column_gap_mm,
            "quick-badge": self.badge_mm,
            "quick-badge-gap": self.badge_gap_mm,
            "quick-row-padding": self.row_padding_mm,
            "quick-row-rule": self.row_rule_mm,
            "quick-box-padding": self.box_padding_mm,
            "quick-box-border": self.box_border_mm,
            "quick-slot-height": self.slot_height_mm,
            "quick-slot-gap": self.slot_gap_mm,
            "quick-slot-line": self.slot_line_mm,
            "quick-code": self.qr_mm,
        }
        values = {f"--hb-{name}": f"{value:g}mm" for name, value in lengths.items()}
        for name in ("kicker", "title", "summary", "step", "hint", "phrase", "meaning", "body", "footer"):
            style: TextStyle = getattr(self, name)
            values[f"--hb-quick-{name}-size"] = f"{style.size_pt:g}pt"
            values[f"--hb-quick-{name}-line"] = f"{style.line_height:g}"
        values["--hb-quick-kicker-spacing"] = f"{self.kicker.letter_spacing_em:g}em"
        return values


QUICK_LAYOUT = QuickLayout()


@dataclass(frozen=True)
class QuickRow:
    """One step of the conversation: its label and hint, and the phrase to say."""

    id: str
    guideline: str
    label: CardText
    hint: CardText
    say: CardText
    meaning: CardText | None


@dataclass
class QuickSheet:
    """The quick reference for a staff language, with phrases in a customer language."""

    staff: str
    customer: str
    kicker: str
    title: CardText
    summary: CardText
    rows: list[QuickRow]
    never_title: CardText
    never: list[CardText]
    safety_title: CardText
    safety: CardText
    safety_say: CardText
    safety_meaning: CardText | None
    safety_guideline: str
    local_title: CardText | None
    slots: list[tuple[CardText, str]]
    footer: str

    @property
    def bilingual(self) -> bool:
        return self.customer != self.staff

    def texts(self) -> list[tuple[CardText, str]]:
        """Every content text on the sheet with the language it should be in."""
        texts = [(self.title, self.staff), (self.summary, self.staff)]
        for row in self.rows:
            texts += [(row.label, self.staff), (row.hint, self.staff), (row.say, self.customer)]
            if row.meaning:
                texts.append((row.meaning, self.staff))
        texts += [(self.never_title, self.staff), *((text, self.staff) for text in self.never)]
        texts += [(self.safety_title, self.staff), (self.safety, self.staff), (self.safety_say, self.customer)]
        if self.safety_meaning:
            texts.append((self.safety_meaning, self.staff))
        if self.local_title:
            texts.append((self.local_title, self.staff))
        texts += [(label, self.staff) for label, _ in self.slots]
        return texts

    def untranslated(self) -> list[str]:
        return sorted({text.kind for text, wanted in self.texts() if text.language != wanted})


def quick_sheet(handbook: Handbook, staff: str, customer: str, language_names: dict[str, str]) -> QuickSheet:
    """The quick reference for `staff` with the phrases in `customer`'s language."""
    training = handbook.training
    assert training is not None and training.quick_reference is not None
    quick = training.quick_reference
    default = handbook.default_language
    origin = quick.origin

    def own(kind: str, name: str) -> CardText:
        value, lang = _text(quick.texts, staff, default, (name,))
        return CardText(kind, str(value or ""), lang, origin, ("text", lang, name))

    def phrase(phrase_id: str, language: str) -> CardText:
        item = handbook.phrases[phrase_id]
        shown = language if language in item.texts else default
        list_origin = handbook.phrase_lists[item.list_id].origin
        return CardText("phrase", item.texts.get(shown, ""), shown, list_origin, ("text", shown, "phrases", phrase_id))

    rows = []
    for step in quick.steps:
        texts = {}
        for spec in STEP_FIELDS:
            value, lang = _text(step.texts, staff, default, (spec.name,))
            texts[spec.name] = CardText(f"step {spec.name}", str(value or ""), lang, origin, ("text", lang, "steps", step.id, spec.name))
        rows.append(
            QuickRow(
                step.id,
                step.guideline,
                texts["label"],
                texts["hint"],
                phrase(step.phrase, customer),
                phrase(step.phrase, staff) if customer != staff else None,
            )
        )
    names = [language_names.get(lang, lang) for lang in dict.fromkeys((staff, customer))]
    local_title, slots = None, []
    if quick.local and training.local:
        local_title = own("local title", "local_title") if "local_title" in quick.texts.get(default, {}) else None
        for slot_id in quick.local:
            slot = training.local.slot(slot_id)
            if slot is None:
                continue
            shown = staff if staff in slot.labels else default
            at = ("text", shown, "slots", slot_id)
            slots.append((CardText("slot", slot.labels.get(shown, slot_id), shown, training.local.origin, at), slot.value))
    return QuickSheet(
        staff=staff,
        customer=customer,
        kicker=f"{_word(handbook, 'quick_reference', staff)} · {' + '.join(names)}",
        title=own("title", "title"),
        summary=own("summary", "summary"),
        rows=rows,
        never_title=own("never title", "never_title"),
        never=[phrase(phrase_id, staff) for phrase_id in quick.never],
        safety_title=own("safety title", "safety_title"),
        safety=own("safety", "safety"),
        safety_say=phrase(quick.safety_phrase, customer),
        safety_meaning=phrase(quick.safety_phrase, staff) if customer != staff else None,
        safety_guideline=quick.safety_guideline,
        local_title=local_title,
        slots=slots,
        footer=localize(handbook.texts, staff, default, HANDBOOK_FIELDS).get("name", ""),
    )


# Every quotation mark a language may use: a fit estimate reserves room for the widest.
QUOTES = "“”„‟«»‘’‚‹›"


@cache
def _widest_quotes(style: TextStyle) -> str:
    widest = max(QUOTES, key=lambda mark: width_mm(mark, style))
    return widest


def _quoted(text: str, style: TextStyle) -> str:
    mark = _widest_quotes(style)
    return f"{mark}{text}{mark}"


def quick_sheet_parts(sheet: QuickSheet, layout: QuickLayout = QUICK_LAYOUT) -> list[tuple[float, CardText | None]]:
    """The sheet from top to bottom with the height of each part, as training.css lays it out.
    Each part is paired with the text that makes it tallest (None for fixed parts)."""
    width = layout.sheet_width_mm
    parts: list[tuple[float, CardText | None]] = [
        (height_mm(sheet.kicker, layout.kicker, width) + layout.small_gap_mm, None),
        (height_mm(sheet.title.text, layout.title, width), sheet.title),
        (layout.small_gap_mm + height_mm(sheet.summary.text, layout.summary, width), sheet.summary),
        (layout.gap_mm + layout.row_rule_mm, None),  # the rule above the first step
    ]
    for row in sheet.rows:
        left = height_mm(row.label.text, layout.step, layout.step_text_width)
        left += layout.small_gap_mm / 2 + height_mm(row.hint.text, layout.hint, layout.step_text_width)
        right = height_mm(_quoted(row.say.text, layout.phrase), layout.phrase, layout.phrase_width)
        if row.meaning:
            right += height_mm(row.meaning.text, layout.meaning, layout.phrase_width)
        tallest = row.hint if left >= right else row.say
        parts.append((2 * layout.row_padding_mm + layout.row_rule_mm + max(left, right, layout.badge_mm), tallest))
    box = layout.box_text_width
    heading = height_mm(sheet.never_title.text, layout.kicker, box) + layout.small_gap_mm
    never = " · ".join(_quoted(text.text, layout.body) for text in sheet.never)
    longest_never = max(sheet.never, key=lambda text: len(text.text)) if sheet.never else None
    parts.append((layout.gap_mm + 2 * layout.box_padding_mm + heading + height_mm(never, layout.body, box), longest_never))
    safety = height_mm(sheet.safety_title.text, layout.kicker, box) + layout.small_gap_mm
    safety += height_mm(sheet.safety.text, layout.body, box) + layout.small_gap_mm
    safety += height_mm(_quoted(sheet.safety_say.text, layout.phrase), layout.phrase, box)
    if sheet.safety_meaning:
        safety += height_mm(sheet.safety_meaning.text, layout.meaning, box)
    parts.append((layout.gap_mm + 2 * layout.box_padding_mm + safety, sheet.safety))
    if sheet.slots:
        local = height_mm(sheet.local_title.text, layout.kicker, box) + layout.small_gap_mm if sheet.local_title else 0.0
        label_width = layout.slot_width - layout.slot_line_mm
        for start in range(0, len(sheet.slots), 2):
            pair = sheet.slots[start : start + 2]
            local += max(
                layout.slot_height_mm, *(height_mm(label.text, layout.body, label_width) + 2 * layout.small_gap_mm for label, _ in pair)
            )
        parts.append(
            (layout.gap_mm + 2 * layout.box_padding_mm + local, max((label for label, _ in sheet.slots), key=lambda t: len(t.text)))
        )
    footer = max(layout.qr_mm, height_mm(sheet.footer, layout.footer, width - layout.qr_mm - layout.gap_mm))
    parts.append((layout.gap_mm + footer, None))
    return parts


def quick_sheet_height(sheet: QuickSheet, layout: QuickLayout = QUICK_LAYOUT) -> float:
    return sum(height for height, _ in quick_sheet_parts(sheet, layout))


def quick_sheet_fits(sheet: QuickSheet, layout: QuickLayout = QUICK_LAYOUT) -> bool:
    return quick_sheet_height(sheet, layout) <= layout.sheet_height_mm


# -- the check -------------------------------------------------------------------------------------


def check_sheets(handbook: Handbook, language_names: dict[str, str], problems: Problems) -> None:
    """Report every role-play card and quick reference that would not fit on paper, each at the
    text most worth shortening, once per text."""
    training = handbook.training
    if training is None:
        return
    blamed: set[tuple[str, tuple]] = set()

    def blame(text: CardText | None, origin: Origin, message: str, hint: str) -> None:
        name, at = (text.origin.name, text.at) if text else (origin.name, ())
        if (name, at) in blamed:
            return
        blamed.add((name, at))
        line, column = text.position() if text else (1, 1)
        problems.add(name, line, column, message=message, hint=hint)

    for role_play in training.role_plays_in_order():
        for language in handbook.languages:
            for card in role_play_cards(handbook, role_play, language):
                used = sum(height for height, _ in role_play_card_parts(card))
                over = used - role_play_card_budget(card)
                if over <= 0:
                    continue
                texts = [(height, text) for height, text in role_play_card_parts(card) if text is not None]
                culprit = max(texts, key=lambda part: part[0])[1]
                characters = _characters(over, LAYOUT.step, LAYOUT.inner_width)
                blame(
                    culprit,
                    role_play.origin,
                    f"role-play card '{role_play.id}' ({card.role}) in '{language}' does not fit: about {characters} characters too long",
                    "shorten it, or say it in fewer lines",
                )
    if training.quick_reference is None:
        return
    for staff in handbook.languages:
        for customer in [staff, *(lang for lang in handbook.languages if lang != staff)]:
            sheet = quick_sheet(handbook, staff, customer, language_names)
            over = quick_sheet_height(sheet) - QUICK_LAYOUT.sheet_height_mm
            if over <= 0:
                continue
            texts = [(height, text) for height, text in quick_sheet_parts(sheet) if text is not None]
            culprit = max(texts, key=lambda part: part[0])[1]
            which = f"in '{staff}'" + (f" with '{customer}' for the customer" if customer != staff else "")
            characters = _characters(over, QUICK_LAYOUT.hint, QUICK_LAYOUT.step_text_width)
            blame(
                culprit,
                training.quick_reference.origin,
                f"the quick reference {which} does not fit on one page: about {characters} characters too long",
                "shorten the longest texts: step hints, phrases, the safety line",
            )


def _characters(over_mm: float, style: TextStyle, width: float) -> int:
    characters = math.ceil(over_mm / style.line_mm) * characters_per_line(style, width)
    return 10 * math.ceil(characters / 10)
