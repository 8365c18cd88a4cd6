"""Small readers for built HTML pages, so tests assert on what a browser would get."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[dict[str, str]] = []
        self.ids: list[str] = []
        self.headings: list[tuple[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "a" and "href" in attributes:
            self.links.append(attributes)
        if "id" in attributes:
            self.ids.append(attributes["id"])
            if re.fullmatch(r"h[1-6]", tag):
                self.headings.append((tag, attributes["id"]))


def parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def html_lang(page: Path) -> str:
    match = re.search(r"<html[^>]*\blang=\"([^\"]+)\"", page.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def article(page: Path) -> str:
    """The page's main content (Material's article), without header, navigation and footer."""
    text = page.read_text(encoding="utf-8")
    start = text.index("<article")
    return text[start : text.index("</article>", start)]


def language_links(page: Path, site: Path) -> dict[str, str]:
    """hreflang -> site-relative URL of the language switcher entries on a page."""
    url = "/" + page.relative_to(site).as_posix()
    found = {}
    for link in parse(page).links:
        if link.get("hreflang"):
            found[link["hreflang"]] = urljoin(url, link["href"])
    return found


def resolve_link(page: Path, site: Path, href: str) -> Path | None:
    """The file a relative link of a page points to, or None for external/anchor-only links."""
    if re.match(r"^[a-z][a-z0-9+.-]*:", href) or href.startswith("#"):
        return None
    target = urljoin("/" + page.relative_to(site).as_posix(), href.split("#", maxsplit=1)[0])
    path = site / target.lstrip("/")
    return path / "index.html" if target.endswith("/") else path
