"""QR codes for printed cue cards, drawn at build time as inline SVG.

segno is pure Python and deterministic (the same address always gives the same symbol), so
the site stays reproducible and nothing is fetched. The symbol is drawn without a quiet zone;
the card's layout keeps the blank margin around it.
"""

from __future__ import annotations

from functools import lru_cache

import segno

from .richtext import Md


@lru_cache(maxsize=4096)
def qr_svg(url: str) -> Md:
    """An SVG QR code for `url`, sized by CSS (viewBox only), hidden from screen readers.
    Remembered: every card page of a language shows the same codes."""
    code = segno.make(url, error="m", micro=False)
    svg = code.svg_inline(scale=1, border=0, omitsize=True, svgclass="hb-qr", lineclass=None)
    return Md(svg.replace("<svg ", '<svg aria-hidden="true" focusable="false" ', 1))
