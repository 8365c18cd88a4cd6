"""Make the site's fonts: Noto Sans subset to the scripts the handbook is written in, as WOFF2,
plus the glyph widths the cue-card fit estimate measures text with.

A one-off developer step, run again only to change the fonts or the character set (it needs
fonttools and brotli, which the build does not):

    pip install fonttools==4.68.0 brotli==1.2.1
    python tools/fonts.py            # reads Debian's fonts-noto-core from /usr/share/fonts

It writes docs/assets/fonts/*.woff2 and hooks/handbook/fontmetrics.json from the same subset,
so the widths the build measures are the widths the browser draws.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

ROOT = Path(__file__).resolve().parent.parent
SOURCE = Path("/usr/share/fonts/truetype/noto")
FACES = {"regular": "NotoSans-Regular", "italic": "NotoSans-Italic", "bold": "NotoSans-Bold"}
# Latin with Croatian, Spanish and Swedish letters, modern Greek, combining accents (for text
# typed in decomposed form), punctuation and quotation marks of every language, a few symbols.
RANGES = (
    (0x0020, 0x007E),
    (0x00A0, 0x017F),
    (0x01C4, 0x01CC),
    (0x0300, 0x036F),
    (0x0370, 0x03FF),
    (0x2000, 0x206F),
    (0x20AC, 0x20AC),
    (0x2116, 0x2122),
    (0x2190, 0x2193),
    (0x2212, 0x2212),
    (0xFFFD, 0xFFFD),
)


def codepoints() -> list[int]:
    return [point for start, end in RANGES for point in range(start, end + 1)]


def subset_face(source: Path, target: Path) -> TTFont:
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.name_legacy = True
    options.name_languages = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(source), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints())
    subsetter.subset(font)
    subset.save_font(font, str(target), options)
    return TTFont(str(target))


def advance_widths(font: TTFont) -> dict[str, int]:
    """Advance width of every character the subset covers, in font units."""
    metrics = font["hmtx"].metrics
    return {chr(point): metrics[glyph][0] for point, glyph in sorted(font.getBestCmap().items())}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=SOURCE, help="folder with NotoSans-*.ttf")
    args = parser.parse_args()
    fonts_dir = ROOT / "docs" / "assets" / "fonts"
    fonts_dir.mkdir(parents=True, exist_ok=True)
    faces = {}
    units = 0
    for face, name in FACES.items():
        font = subset_face(args.source / f"{name}.ttf", fonts_dir / f"{name}.woff2")
        units = font["head"].unitsPerEm
        widths = advance_widths(font)
        faces[face] = {"fallback": max(widths.values()), "widths": widths}
        print(f"{name}.woff2: {(fonts_dir / f'{name}.woff2').stat().st_size} bytes, {len(widths)} characters")
    metrics = {"font": "Noto Sans", "units_per_em": units, "faces": faces}
    target = ROOT / "hooks" / "handbook" / "fontmetrics.json"
    target.write_text(json.dumps(metrics, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{target.relative_to(ROOT)}: {target.stat().st_size} bytes")


if __name__ == "__main__":
    main()
