"""QR codes for printed cue cards, drawn at build time as inline SVG.

segno is pure Python and deterministic (the same address always gives the same symbol), so the
site stays reproducible and nothing is fetched. The symbol is drawn without a quiet zone; the
card's layout keeps the blank margin around it.

Drawing a symbol is slow (segno tries all eight mask patterns, as the QR standard asks, to pick the
most readable one), and a symbol depends only on its address and the drawing settings. `QrCodes`
therefore keeps the symbols it drew in one cache file, keyed on exactly that: the handbook's only
cache between builds. Deleting the file only makes the next build slower.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from urllib.parse import urlsplit

import segno

from .richtext import Md

# Everything that decides how a symbol is drawn. A cache written with other settings, or by
# another segno, is not used.
_ERROR_LEVEL = "m"
_SVG_OPTIONS = {"scale": 1, "border": 0, "omitsize": True, "svgclass": "hb-qr", "lineclass": None}
_SVG_START = '<svg aria-hidden="true" focusable="false" '
DRAWING = f"segno {segno.__version__}; error {_ERROR_LEVEL}; {sorted(_SVG_OPTIONS.items())}; {_SVG_START}"


# Names that can never be a real site (RFC 2606 and 6761): mkdocs.yml's default address is one.
_EXAMPLE_HOSTS = ("example.com", "example.net", "example.org")
_EXAMPLE_SUFFIXES = (".example", ".invalid", ".test")


def is_example_address(site_url: str) -> bool:
    """True when `site_url` is missing or a documentation example: a QR code leading there would
    lead nowhere, so cue cards are printed without one."""
    host = (urlsplit(site_url).hostname or "").rstrip(".").lower()
    return not host or host in _EXAMPLE_HOSTS or host.endswith(tuple(f".{name}" for name in _EXAMPLE_HOSTS) + _EXAMPLE_SUFFIXES)


class QrCodes:
    """The symbols of one build: those kept in `path` by earlier builds, and those drawn now."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path
        self._codes: dict[str, str] = _read(path) if path else {}
        self._changed = False

    def svg(self, url: str) -> Md:
        """An SVG QR code for `url`, sized by CSS (viewBox only), hidden from screen readers."""
        svg = self._codes.get(url)
        if svg is None:
            svg = self._codes[url] = _draw(url)
            self._changed = True
        return Md(svg)

    def save(self) -> bool:
        """Keep the symbols for the next build if any is new; True if written. Written to a
        temporary file and renamed, so a build that stops half-way never leaves a broken cache."""
        if self.path is None or not self._changed:
            return False
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temporary = self.path.with_name(f".{self.path.name}.{os.getpid()}")
        content = {"drawing": DRAWING, "codes": dict(sorted(self._codes.items()))}
        temporary.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
        os.replace(temporary, self.path)
        self._changed = False
        return True


def _draw(url: str) -> str:
    code = segno.make(url, error=_ERROR_LEVEL, micro=False)
    return code.svg_inline(**_SVG_OPTIONS).replace("<svg ", _SVG_START, 1)


def _read(path: Path) -> dict[str, str]:
    """The symbols kept in `path`; none when it is missing, unreadable or drawn otherwise."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(kept, dict) or kept.get("drawing") != DRAWING or not isinstance(kept.get("codes"), dict):
        return {}
    return {url: svg for url, svg in kept["codes"].items() if isinstance(url, str) and isinstance(svg, str) and svg.startswith(_SVG_START)}
