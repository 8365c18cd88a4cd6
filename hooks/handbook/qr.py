"""QR codes for printed cue cards, drawn at build time as inline SVG.

segno is pure Python and deterministic (the same address always gives the same symbol), so
the site stays reproducible and nothing is fetched. The symbol is drawn without a quiet zone;
the card's layout keeps the blank margin around it.

Drawing a symbol is slow (segno tries all eight mask patterns, as the QR standard asks, to pick
the most readable one): a few milliseconds each, one per guideline and language, more than the
rest of the handbook's own work in a build. A symbol depends only on its address, so every symbol
drawn is remembered for the rest of the process (all languages, every `mkdocs serve` rebuild) and
can be kept between builds in a cache file (see `load_cache` and `save_cache`).
"""

from __future__ import annotations

import json
from pathlib import Path

import segno

from .cachefile import write_whole
from .richtext import Md

# Everything that decides how a symbol is drawn. A cache written with other settings, or by
# another segno, is ignored.
_ERROR_LEVEL = "m"
_SVG_OPTIONS = {"scale": 1, "border": 0, "omitsize": True, "svgclass": "hb-qr", "lineclass": None}
_SVG_START = '<svg aria-hidden="true" focusable="false" '
DRAWING = f"segno {segno.__version__}; error {_ERROR_LEVEL}; {sorted(_SVG_OPTIONS.items())}; {_SVG_START}"

_drawn: dict[str, str] = {}
_drawn_since: dict[str, str] = {}  # drawn by this process since `newly_drawn` was last asked
_unsaved = False


def qr_svg(url: str) -> Md:
    """An SVG QR code for `url`, sized by CSS (viewBox only), hidden from screen readers."""
    global _unsaved  # noqa: PLW0603
    svg = _drawn.get(url)
    if svg is None:
        svg = _drawn[url] = _drawn_since[url] = _draw(url)
        _unsaved = True
    return Md(svg)


def newly_drawn() -> dict[str, str]:
    """The symbols this process drew since the last call: a process rendering pages for another
    (background.py) hands them over, so that they are kept too."""
    drawn = dict(_drawn_since)
    _drawn_since.clear()
    return drawn


def keep_drawn(codes: dict[str, str]) -> None:
    """Remember symbols another process drew, to be kept with the rest."""
    global _unsaved  # noqa: PLW0603
    for url, svg in codes.items():
        if url not in _drawn:
            _drawn[url] = svg
            _unsaved = True


def _draw(url: str) -> str:
    code = segno.make(url, error=_ERROR_LEVEL, micro=False)
    return code.svg_inline(**_SVG_OPTIONS).replace("<svg ", _SVG_START, 1)


def load_cache(path: Path) -> int:
    """Remember the symbols kept in `path` by an earlier build; return how many. A missing,
    unreadable or outdated cache is simply not used: the symbols are drawn again."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return 0
    if not isinstance(kept, dict) or kept.get("drawing") != DRAWING or not isinstance(kept.get("codes"), dict):
        return 0
    codes = {url: svg for url, svg in kept["codes"].items() if isinstance(url, str) and isinstance(svg, str) and svg.startswith(_SVG_START)}
    for url, svg in codes.items():
        _drawn.setdefault(url, svg)
    return len(codes)


def save_cache(path: Path) -> bool:
    """Keep every symbol drawn so far in `path` for the next build, if any is new; True if written.
    Written whole and then renamed, so a build that stops half-way never leaves a broken cache."""
    global _unsaved  # noqa: PLW0603
    if not _unsaved:
        return False
    write_whole(path, json.dumps({"drawing": DRAWING, "codes": dict(sorted(_drawn.items()))}, ensure_ascii=False).encode())
    _unsaved = False
    return True
