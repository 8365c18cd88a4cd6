"""The small, safe text format editors write, and its conversion to Markdown.

Content may use only **bold**, *italic*, [links](target), paragraphs and "- " lists. Everything
else an editor types is shown literally: the converter re-emits the recognised constructs and
escapes every other character that Markdown or HTML would interpret. Content therefore cannot
inject markup, scripts or attributes into pages, whatever extensions the site enables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

# Characters Python-Markdown (with the tables extension) honours a backslash escape for; the
# HTML-significant ones become entities so raw HTML never reaches the page.
_ESCAPES = {
    "\\": "\\\\",
    "`": "\\`",
    "*": "\\*",
    "_": "\\_",
    "{": "\\{",
    "}": "\\}",
    "[": "\\[",
    "]": "\\]",
    "(": "\\(",
    ")": "\\)",
    "#": "\\#",
    "!": "\\!",
    "|": "\\|",
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "\t": " ",
}
_ESCAPED = re.compile("[" + re.escape("".join(_ESCAPES)) + "]")
_BULLET_START = re.compile(r"^(\s*)([-+])")
_NUMBER_START = re.compile(r"^(\s*)(\d+)\.")

# A target may hold one level of balanced parentheses, as in https://en.wikipedia.org/wiki/A_(b).
_LINK = re.compile(r"\[([^\[\]\n]+)\]\(((?:[^()\n]|\([^()\n]*\))*)\)")
_STRONG = re.compile(r"\*\*(?=\S)(.+?)(?<=\S)\*\*")
_EMPHASIS = re.compile(r"\*(?=\S)([^*]+?)(?<=\S)\*")
# A tag, or the start of one that is never closed ("<img src=x onerror=..." with no ">"): the
# theme prints some texts without escaping, where even an unclosed tag would become markup.
_HTML_TAG = re.compile(r"</?[A-Za-z][^\s<>]*(?:[^<>]*>)?|<[!?][^<>]*>?")

_EXTERNAL_TARGETS = (
    re.compile(r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?(/[^\s<>\"'`\\]*)?$"),
    re.compile(r"^mailto:[^\s<>\"'`\\@()]+@[^\s<>\"'`\\@()]+$"),
    re.compile(r"^tel:\+?[0-9][0-9-]*$"),
)
INTERNAL_KINDS = ("sections", "phrases", "tags")
_INTERNAL_TARGET = re.compile(r"^(?:(sections|phrases|tags)/)?([a-z0-9]+(?:-[a-z0-9]+)*)$")
TARGET_HINT = "a link may point to https://…, http://…, mailto:…, tel:…, a guideline id, or sections/…, phrases/…, tags/… ids"


def _escape_characters(text: str) -> str:
    """Every character of `text` that Markdown or HTML would interpret, escaped."""
    return _ESCAPED.sub(lambda match: _ESCAPES[match.group()], text)


class Md(str):
    """Markdown that is safe to put on a page as it is (already escaped or built from templates)."""


def escape(text: str) -> Md:
    """Plain text as Markdown that displays exactly the characters typed."""
    single_line = " ".join(str(text).split())
    return Md(_protect_line_start(_escape_characters(single_line)))


def _protect_line_start(markdown: str) -> str:
    """Keep a leading "-", "+" or "1." from turning a paragraph into a list."""
    first = markdown.lstrip()[:1]
    if first not in ("-", "+") and not first.isdigit():
        return markdown  # the common case, and every page has thousands of texts
    markdown = _BULLET_START.sub(r"\1\\\2", markdown, count=1)
    return _NUMBER_START.sub(r"\1\2\\.", markdown, count=1)


@dataclass(frozen=True)
class Target:
    """Where a link in content points: an external URL or an id of a page in the handbook."""

    kind: str  # "external", "guideline", "sections", "phrases" or "tags"
    value: str


def parse_target(raw: str) -> Target | None:
    """Classify a link target; None when it is not allowed at all."""
    if any(pattern.match(raw) for pattern in _EXTERNAL_TARGETS):
        return Target("external", raw)
    internal = _INTERNAL_TARGET.match(raw)
    if internal:
        return Target(internal.group(1) or "guideline", internal.group(2))
    return None


def link_targets(text: str) -> list[str]:
    """Every link target written in a rich text, allowed or not."""
    return [target for _, target in link_target_spans(text)]


def link_target_spans(text: str) -> list[tuple[int, str]]:
    """Every link target with the offset where it starts in the text, to point editors at it."""
    return [(match.start(2), match.group(2)) for match in _LINK.finditer(text)]


def html_tags(text: str) -> list[str]:
    """HTML-like tags in a text: never rendered, reported so editors are not surprised."""
    return [tag for _, tag in html_tag_spans(text)]


def html_tag_spans(text: str) -> list[tuple[int, str]]:
    """HTML-like tags (closed or not) with the offset where each starts in the text."""
    return [(match.start(), match.group()) for match in _HTML_TAG.finditer(text)]


LinkResolver = Callable[[Target], str]


def render_inline(text: str, resolve: LinkResolver) -> Md:
    """One line of rich text (a list item, a paragraph) as Markdown."""
    single_line = " ".join(str(text).split())
    return Md(_protect_line_start(_inline(single_line, resolve)))


def render_block(text: str, resolve: LinkResolver) -> Md:
    """Rich text with paragraphs and "- " lists as Markdown blocks."""
    blocks = []
    for chunk in re.split(r"\n\s*\n", str(text).strip()):
        lines = [line.strip() for line in chunk.splitlines() if line.strip()]
        if not lines:
            continue
        if lines[0].startswith("- "):
            items: list[str] = []
            for line in lines:
                if line.startswith("- "):
                    items.append(line[2:])
                else:
                    items[-1] += " " + line
            blocks.append("\n".join("- " + render_inline(item, resolve) for item in items))
        else:
            blocks.append(render_inline(" ".join(lines), resolve))
    return Md("\n\n".join(blocks))


def plain_text(text: str) -> str:
    """Rich text reduced to the words a reader sees (for cards, search and length checks)."""
    text = _LINK.sub(lambda m: m.group(1), str(text))
    text = _STRONG.sub(lambda m: m.group(1), text)
    text = _EMPHASIS.sub(lambda m: m.group(1), text)
    return " ".join(line.removeprefix("- ") for line in text.split("\n")).strip()


def _inline(text: str, resolve: LinkResolver) -> str:
    out: list[str] = []
    position = 0
    for match in _LINK.finditer(text):
        out.append(_emphasis(text[position : match.start()]))
        target = parse_target(match.group(2))
        label = _emphasis(match.group(1))
        if target is None:
            out.append(escape(match.group(0)))
        else:
            out.append(f"[{label}]({resolve(target)})")
        position = match.end()
    out.append(_emphasis(text[position:]))
    return "".join(out)


def _emphasis(text: str) -> str:
    out: list[str] = []
    position = 0
    for match in _STRONG.finditer(text):
        out.append(_italic(text[position : match.start()]))
        out.append("**" + _italic(match.group(1)) + "**")
        position = match.end()
    out.append(_italic(text[position:]))
    return "".join(out)


def _italic(text: str) -> str:
    out: list[str] = []
    position = 0
    for match in _EMPHASIS.finditer(text):
        out.append(_escape_characters(text[position : match.start()]))
        out.append("*" + _escape_characters(match.group(1)) + "*")
        position = match.end()
    out.append(_escape_characters(text[position:]))
    return "".join(out)
