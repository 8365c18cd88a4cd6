"""Content text becomes Markdown that shows exactly what was typed, plus the few allowed constructs."""

from __future__ import annotations

import markdown
import pytest

from handbook.richtext import (
    Target,
    escape,
    html_tag_spans,
    html_tags,
    link_target_spans,
    link_targets,
    parse_target,
    plain_text,
    render_block,
    render_inline,
)


def resolve(target: Target) -> str:
    return target.value if target.kind == "external" else f"../{target.kind}/{target.value}.md"


def to_html(text: str) -> str:
    return markdown.markdown(text, extensions=["attr_list", "md_in_html", "tables", "toc"])


@pytest.mark.parametrize(
    "typed",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<iframe src='https://evil.example'></iframe>",
        "[click](javascript:alert(1))",
        "# not a heading",
        "1. not a list",
        "- not a list",
        "> not a quote",
        "{: onclick=alert(1) }",
        "`code` and ``more``",
        "a | b | c",
        "*[HTML]: abbreviation",
        "&amp; stays &amp;",
        "back\\slash",
        "    four spaces",
    ],
)
def test_plain_text_is_shown_literally(typed: str):
    html = to_html(escape(typed))
    assert "<script" not in html and "<img" not in html and "<iframe" not in html and "<a " not in html
    assert "<h1" not in html and "<ol" not in html and "<ul" not in html and "<blockquote" not in html and "<code" not in html
    text_only = html.removeprefix("<p>").removesuffix("</p>")
    assert text_only.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"') == " ".join(typed.split())


def test_bold_italic_and_links_are_rendered():
    html = to_html(
        render_inline("Say **sorry** and *mean it*; see [listening](listen-actively) or [docs](https://example.org/a_b).", resolve)
    )
    assert html == (
        '<p>Say <strong>sorry</strong> and <em>mean it</em>; see <a href="../guideline/listen-actively.md">listening</a>'
        ' or <a href="https://example.org/a_b">docs</a>.</p>'
    )


def test_disallowed_link_is_shown_as_text():
    html = to_html(render_inline("[x](javascript:alert(1))", resolve))
    assert "<a" not in html and "javascript:alert(1)" in html


def test_paragraphs_and_lists():
    html = to_html(render_block("First line\ncontinues.\n\n- one\n- two\n  wrapped\n\nLast.", resolve))
    assert html == "<p>First line continues.</p>\n<ul>\n<li>one</li>\n<li>two wrapped</li>\n</ul>\n<p>Last.</p>"


@pytest.mark.parametrize(
    ("raw", "kind"),
    [
        ("https://example.org/x?y=1#z", "external"),
        ("http://example.org", "external"),
        ("mailto:desk@example.org", "external"),
        ("tel:+385-1-234-567", "external"),
        ("listen-actively", "guideline"),
        ("phrases/apologising", "phrases"),
        ("sections/listen", "sections"),
        ("tags/anger", "tags"),
    ],
)
def test_allowed_targets(raw: str, kind: str):
    assert parse_target(raw).kind == kind


@pytest.mark.parametrize(
    "raw",
    ["javascript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example", "ftp://x.org", "Listen Actively", "file:///etc/passwd"],
)
def test_refused_targets(raw: str):
    assert parse_target(raw) is None


def test_link_targets_and_html_tags_are_found_for_validation():
    text = "See [a](javascript:alert(1)) and <b>bold</b> but not a < b > c"
    assert link_targets(text) == ["javascript:alert(1)"]
    assert html_tags(text) == ["<b>", "</b>"]


def test_unclosed_tags_are_found_with_their_offsets():
    """Material prints some texts raw: an unclosed "<img ..." would still become a tag there."""
    assert html_tag_spans("Hi <img src=x onerror=alert(1) ") == [(3, "<img")]
    assert html_tag_spans("x </title y <!-- z --> <?php") == [(2, "</title"), (12, "<!-- z -->"), (23, "<?php")]
    assert html_tag_spans("<3 and a < b") == []


def test_link_targets_keep_balanced_parentheses():
    text = "[w](https://en.wikipedia.org/wiki/A_(b)) then [x](tel:+3851)"
    assert link_target_spans(text) == [(4, "https://en.wikipedia.org/wiki/A_(b)"), (50, "tel:+3851")]
    html = to_html(render_inline(text, resolve))
    assert '<a href="https://en.wikipedia.org/wiki/A_(b)">w</a>' in html


def test_plain_text_strips_markup():
    assert plain_text("Say **sorry** and [listen](listen-actively).") == "Say sorry and listen."
