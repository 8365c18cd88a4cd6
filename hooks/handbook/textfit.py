"""How much room a text takes on paper, measured with the font the site ships.

Lines are broken greedily, as browsers do, at spaces and after hyphens between words, using the
glyph advance widths of Noto Sans (fontmetrics.json, written by tools/fonts.py together with the
WOFF2 files the site serves). The browser may find a few more places to break, which can only
save lines, and kerning and ligatures only ever narrow a line; characters the font lacks are
counted at the width of its widest glyph. So, given the same width, the count here is never
lower than the browser's: the estimate errs on the side of "does not fit".
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

MM_PER_PT = 25.4 / 72
METRICS = Path(__file__).parent / "fontmetrics.json"
FACES = ("regular", "italic", "bold")
# Browsers break lines at these; a no-break space (U+00A0, U+202F) is not one.
_BREAKS = re.compile(r"[ \t\n\r\f]+")
_AFTER_HYPHEN = re.compile(r"(?<=[^\W_][-‐–—])(?=[^\W\d_])")


@dataclass(frozen=True)
class TextStyle:
    """The typography of one kind of text on a card, as its CSS sets it."""

    face: str
    size_pt: float
    line_height: float
    uppercase: bool = False
    letter_spacing_em: float = 0.0

    @property
    def size_mm(self) -> float:
        return self.size_pt * MM_PER_PT

    @property
    def line_mm(self) -> float:
        return self.size_mm * self.line_height


@cache
def _face_widths(face: str) -> tuple[dict[str, float], float]:
    """Advance widths of one face in em, and the width used for characters it lacks."""
    metrics = json.loads(METRICS.read_text(encoding="utf-8"))
    units = metrics["units_per_em"]
    data = metrics["faces"][face]
    return {char: width / units for char, width in data["widths"].items()}, data["fallback"] / units


def covers(text: str) -> bool:
    """True when the shipped font has every character of the text (in every face)."""
    return all(char in _face_widths(face)[0] for face in FACES for char in set(text))


def width_mm(text: str, style: TextStyle) -> float:
    """The width of text set on one line."""
    widths, fallback = _face_widths(style.face)
    if style.uppercase:
        text = text.upper()
    ems = sum(widths.get(char, fallback) for char in text) + style.letter_spacing_em * len(text)
    return ems * style.size_mm


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut at the places a line may break: spaces, and after a hyphen or dash that
    joins two words ("e-mail" may break after its hyphen; "-5" and "1-2" do not). Each piece
    says whether a space comes before it."""
    pieces: list[tuple[str, bool]] = []
    for word in _BREAKS.split(text.strip()):
        for index, piece in enumerate(_AFTER_HYPHEN.split(word)):
            if piece:
                pieces.append((piece, index == 0))
    return pieces


def wrap(text: str, style: TextStyle, width: float, indent: float = 0.0) -> list[str]:
    """The lines a browser sets the text in, at most `width` mm wide, the first one `indent` mm
    shorter (for an inline label before it). A piece longer than a whole line is cut between
    characters, as `overflow-wrap: anywhere` does."""
    lines: list[str] = []
    current, used = "", 0.0
    space = width_mm(" ", style)

    def room() -> float:
        return width - indent if not lines else width

    for piece, spaced in _pieces(text):
        joint = space if current and spaced else 0.0
        piece_width = width_mm(piece, style)
        if used + joint + piece_width <= room():
            current += (" " if joint else "") + piece
            used += joint + piece_width
            continue
        if current or indent:
            lines.append(current)  # with nothing but the label on it, when the piece needs more room
        current, used = "", 0.0
        for char in piece:
            char_width = width_mm(char, style)
            if current and used + char_width > room():
                lines.append(current)
                current, used = "", 0.0
            current += char
            used += char_width
    if current or not lines:
        lines.append(current)
    return lines


@lru_cache(maxsize=1 << 16)
def line_count(text: str, style: TextStyle, width: float, indent: float = 0.0) -> int:
    """How many lines the text takes (remembered: a build measures the same texts many times)."""
    return len(wrap(text, style, width, indent))


def height_mm(text: str, style: TextStyle, width: float, indent: float = 0.0) -> float:
    return line_count(text, style, width, indent) * style.line_mm


def characters_per_line(style: TextStyle, width: float) -> int:
    """Roughly how many characters of ordinary text a line holds: for messages to editors."""
    sample = "the quick brown fox jumps over a lazy dog "
    return max(1, math.floor(width / (width_mm(sample, style) / len(sample))))
