"""How much room a text takes on paper, measured with the font the site ships.

Lines are broken greedily, as browsers do, at the places a browser may break them (spaces, and
after a hyphen between words, for example), using the glyph advance widths of Noto Sans
(fontmetrics.json, written by tools/fonts.py together with the WOFF2 files the site serves).
Kerning and ligatures narrow a line almost always (for the rare pair set apart, and the
browser's rounding, a line counts as full LINE_SLACK_MM early), and characters the font lacks
are counted at the width of its widest glyph, so the count errs on the side of "does not fit".
A piece longer than a whole line is cut between characters, as `overflow-wrap: anywhere` does,
and where the browser might cut it sooner, the count assumes it does. The browser tests compare the count
with Chromium's own.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

MM_PER_PT = 25.4 / 72
METRICS = Path(__file__).parent / "fontmetrics.json"
FACES = ("regular", "italic", "bold")
# Browsers break lines at spaces...
_BREAKS = re.compile(r"[ \t\n\r\f]+")
# ...and after these, within a word: a hyphen, dash, question mark or ellipsis between a letter
# and a letter ("e-mail", not "-5" or "1-2"), and the narrow and zero-width spaces. Only places
# where Chromium surely breaks too: counting on a break the browser does not make would count
# too few lines.
_BREAK_AFTER = re.compile(r"(?<=[^\W_][-‐–—?…])(?=[^\W\d_])|(?<=[\u2000-\u2006\u2008-\u200b])")

# Never a place to break: the no-break spaces and the word joiner.
_NO_BREAK = "\u00a0\u202f\u2007\u2060"
# A line counts as full this much before its width: Chromium kerns a few pairs apart (Greek
# italic capitals, say) and rounds to its layout grid, so a line the glyph widths fill to within
# a few hundredths of a millimetre may not fit in the browser.
LINE_SLACK_MM = 0.2


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
    return _measured(style).get(text) or _measure(text, style)


@cache
def _measured(style: TextStyle) -> dict[str, float]:
    """Widths already measured in one style: the same words recur on many cards."""
    return {}


def _measure(text: str, style: TextStyle) -> float:
    widths, fallback = _face_widths(style.face)
    letters = text.upper() if style.uppercase else text
    ems = sum(widths.get(char, fallback) for char in letters) + style.letter_spacing_em * len(letters)
    width = _measured(style)[text] = ems * style.size_mm
    return width


def _pieces(text: str) -> list[tuple[str, bool]]:
    """The text cut at the places a line may break; each piece says whether a space comes before it."""
    pieces: list[tuple[str, bool]] = []
    for word in _BREAKS.split(text.strip()):
        for index, piece in enumerate(_BREAK_AFTER.split(word)):
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
        return (width - indent if not lines else width) - LINE_SLACK_MM

    for piece, spaced in _pieces(text):
        joint = space if current and spaced else 0.0
        piece_width = width_mm(piece, style)
        if used + joint + piece_width <= room():
            current += (" " if joint else "") + piece
            used += joint + piece_width
            continue
        if current or indent:
            lines.append(current)  # with nothing but the label on it, when the piece needs more room
        current, used = _cut(piece, style, room, lines)
    if current or not lines:
        lines.append(current)
    return lines


def _cut(piece: str, style: TextStyle, room: Callable[[], float], lines: list[str]) -> tuple[str, float]:
    """Set a piece that may be longer than a line, from the start of a line; return the part left
    on the last line and its width. Past the end of a line the browser cuts it anywhere, but it
    first breaks where it may break normally, around punctuation say: not knowing exactly where,
    assume the worst, the first such place on each line."""
    while True:
        fits, used = 0, 0.0
        while fits < len(piece) and (fits == 0 or used + width_mm(piece[fits], style) <= room()):
            used += width_mm(piece[fits], style)
            fits += 1
        if fits == len(piece):
            return piece, used
        cut = next((at for at in range(1, fits + 1) if _may_break(piece, at)), fits)
        lines.append(piece[:cut])
        piece = piece[cut:]


def _may_break(text: str, at: int) -> bool:
    """Whether a browser might break a word between text[at - 1] and text[at]: only next to a
    character that is neither a letter nor a digit nor a no-break space."""
    return any(not char.isalnum() and char not in _NO_BREAK for char in text[at - 1 : at + 1])


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
