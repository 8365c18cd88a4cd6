"""Hostile text in every kind of content field never becomes markup, and stays visible as text.

Every text of the fixture (handbook texts, interface words, sections, tags, guidelines, phrase
lists, phrases, sources) is replaced with strings built to break out of Markdown or HTML. Markup
itself (`<script>`, `<iframe>`, `<img onerror=...>`) and `javascript:` links in formatted text are
refused by the build with an exact message (see catalogue.py); what the build accepts must come
out as text. The hostile site is compared page by page with the clean one: no script, frame,
event handler or script URL that the theme does not ship itself.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from projects import make_project
from sites import build_site, serve

pytestmark = pytest.mark.build

# What the build accepts in formatted text (no tags, no links) and, for plain fields, a link too.
RICH_PAYLOAD = '"x" onmouseover="alert(1)" javascript:alert(2) {: onclick=alert(3) } &lt;iframe&gt; `c` ![i] <3'
PLAIN_PAYLOAD = RICH_PAYLOAD + " [a](javascript:alert(4))"
# Cue cards must fit on A6, so what a card shows gets the same attacks in fewer characters.
CARD_PAYLOAD = '"x" onclick="alert(1)" {: onclick=alert(3) } &lt;i&gt; <3 `c`'
PLAIN_CARD_PAYLOAD = CARD_PAYLOAD + " [a](javascript:alert(4))"
CARD_FIELDS = {"title", "summary", "steps", "phrases"}
# A language's quotation marks (content/ui.yaml `quotes`) have a form of their own: one or two
# marks either side of "…". Cue cards print them around every phrase.
QUOTES_PAYLOAD = '"<…>"'
RICH_FIELDS = {"body", "steps", "do", "dont", "intro", "how_to_use", "phrasebook_intro", "cards_intro"}
DANGEROUS_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "srcset", "poster", "data", "xlink:href"}
SAFE_SCHEMES = re.compile(r"^(https?:|mailto:|tel:|[^:]*$|[^:]*[/?#])", re.IGNORECASE)


def hostile(value: object, path: tuple) -> object:
    """The same structure with every text replaced by a payload fit for its field."""
    if isinstance(value, dict):
        return {key: hostile(item, (*path, key)) for key, item in value.items()}
    if isinstance(value, list):
        return [hostile(item, path) for item in value]
    if isinstance(value, str):
        if path[-1:] == ("quotes",):
            return QUOTES_PAYLOAD
        if CARD_FIELDS.intersection(path[-2:]):
            return CARD_PAYLOAD if RICH_FIELDS.intersection(path) else PLAIN_CARD_PAYLOAD
        if RICH_FIELDS.intersection(path):
            return f"{RICH_PAYLOAD}\n\n- {RICH_PAYLOAD}\n- **{RICH_PAYLOAD}**" if path[-1] in ("body", "intro") else RICH_PAYLOAD
        return PLAIN_PAYLOAD
    return value


def make_hostile(project: Path) -> None:
    for path in sorted((project / "content").rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        if "text" in data:
            data["text"] = hostile(data["text"], ())
        for source in data.get("sources", []) if path.name == "sources.yaml" else []:
            source["title"], source["note"] = PLAIN_PAYLOAD, PLAIN_PAYLOAD
            for point in source["points"]:
                point["point"] = PLAIN_PAYLOAD
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000), encoding="utf-8")


class _Markup(HTMLParser):
    """What a browser would treat as active: scripts, frames, event handlers, script URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.active: Counter[str] = Counter()
        self.text: list[str] = []
        self._script: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("title", "textarea"):
            self.set_cdata_mode(tag)  # their content is text for a browser, whatever it looks like
        if tag in DANGEROUS_ELEMENTS:
            source = dict(attrs).get("src") or dict(attrs).get("href") or dict(attrs).get("action") or ""
            self.active[f"<{tag} {source}>"] += 1
            if tag == "script":
                self._script = []
        for name, written in attrs:
            value = re.sub(r"[\s\x00-\x1f]", "", written or "")  # browsers ignore these inside a URL scheme
            if name.startswith("on"):
                self.active[f"{tag} {name}={value}"] += 1
            if name in URL_ATTRIBUTES and not SAFE_SCHEMES.match(value):
                self.active[f"{tag} {name}={value}"] += 1

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)
        else:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.active["script body " + hashlib.sha256("".join(self._script).encode()).hexdigest()[:12]] += 1
            self._script = None


def read(page: Path) -> tuple[Counter[str], str, str]:
    html = page.read_text(encoding="utf-8")
    parser = _Markup()
    parser.feed(html)
    return parser.active, " ".join(" ".join(parser.text).split()), html


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = make_project(tmp_path_factory.mktemp("hostile") / "project")
    make_hostile(project)
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return project / "site"


def test_hostile_text_adds_no_active_markup(hostile_site: Path, fixture_site: Path):
    pages = sorted(hostile_site.rglob("*.html"))
    assert len(pages) > 60
    for page in pages:
        relative = page.relative_to(hostile_site)
        clean_active, _, clean_html = read(fixture_site / relative)
        active, _, html = read(page)
        assert active - clean_active == Counter(), relative
        for raw in ("<script", "<iframe"):
            assert html.lower().count(raw) == clean_html.lower().count(raw), (relative, raw)


@pytest.mark.parametrize(
    "page",
    [
        "index.html",
        "guidelines/listen-actively/index.html",
        "hr/phrases/index.html",
        "phrases/acknowledging/index.html",
        "tags/anger/index.html",
    ],
)
def test_hostile_text_is_shown_as_typed(hostile_site: Path, page: str):
    _, text, _ = read(hostile_site / page)
    assert text.count(PLAIN_PAYLOAD) >= 3, text[:3000]  # at least the site name, the tab title and the page's own text


def test_hostile_pages_run_no_script_in_a_browser(hostile_site: Path, page):
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    with serve(hostile_site) as url:
        for path in ("", "guidelines/listen-actively/", "phrases/", "el/tags/anger/"):
            page.goto(url + path)
            page.evaluate(
                "() => document.querySelectorAll('*').forEach(element => {"
                " for (const type of ['mouseover', 'mouseenter', 'focus', 'click'])"
                "   if (!(type === 'click' && element.closest('a, button, label, input'))) element.dispatchEvent(new Event(type)); })"
            )
            page.wait_for_timeout(200)
    assert dialogs == []


def test_titles_in_attributes_are_escaped_once(hostile_site: Path):
    """Screen readers read the footer's aria-label: "Next: Q&A", never "Next: Q&amp;A"."""
    import html

    page = (hostile_site / "guidelines/listen-actively/index.html").read_text(encoding="utf-8")
    labels = [html.unescape(label) for label in re.findall(r'class="md-footer__link[^"]*" aria-label="([^"]*)"', page)]
    assert labels == [f"Previous: {PLAIN_CARD_PAYLOAD}", f"Next: {PLAIN_CARD_PAYLOAD}"]
