"""A catalogue of broken, hostile and unusual content, each with the exact report an editor gets.

Every case is one edit of the minimal fixture handbook and the complete list of problem lines it
must produce (empty for unusual input that must build). `test_bad_content.py` runs every case
through the loader and the `build=True` ones through a real `mkdocs build --strict` as well.
Adding a case is one entry in CASES.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from projects import edit, write

LISTEN = "content/guidelines/listen-actively.yaml"
APOLOGISE = "content/guidelines/apologise-sincerely.yaml"
OFFER = "content/guidelines/offer-solutions.yaml"
ACKNOWLEDGING = "content/phrases/acknowledging.yaml"

Edit = Callable[[Path], None]


@dataclass(frozen=True)
class Case:
    name: str
    change: Edit
    expected: tuple[str, ...]
    build: bool = False  # also run through a real `mkdocs build --strict`

    def __str__(self) -> str:
        return self.name


def replace(relative: str, old: str, new: str) -> Edit:
    return lambda project: edit(project, relative, old, new)


def put(relative: str, text: str | bytes) -> Edit:
    return lambda project: write(project, relative, text)


def rewrite(relative: str, change: Callable[[str], str], encoding: str = "utf-8") -> Edit:
    def apply(project: Path) -> None:
        path = project / relative
        path.write_bytes(change(path.read_text(encoding="utf-8")).encode(encoding))

    return apply


def every_content_file(change: Callable[[bytes], bytes]) -> Edit:
    def apply(project: Path) -> None:
        for path in sorted((project / "content").rglob("*.yaml")):
            path.write_bytes(change(path.read_bytes()))

    return apply


def several(*edits: Edit) -> Edit:
    def apply(project: Path) -> None:
        for change in edits:
            change(project)

    return apply


def alias_bomb(levels: int = 9, width: int = 9) -> str:
    """The "billion laughs" shape: each level repeats the previous one `width` times."""
    lines = ['a0: &a0 ["lol"]']
    for level in range(1, levels + 1):
        lines.append(f"a{level}: &a{level} [" + ", ".join([f"*a{level - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


def nfd(data: bytes) -> bytes:
    return unicodedata.normalize("NFD", data.decode("utf-8")).encode("utf-8")


def bom_and_crlf(data: bytes) -> bytes:
    return b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n")


FORMAT_HINT = "write plain text; use **bold**, *italic* or [text](https://…) for formatting and links"
TARGET_HINT = "a link may point to https://…, http://…, mailto:…, tel:…, a guideline id, or sections/…, phrases/…, tags/… ids"
BODY_WITH_SCRIPT = """    body: |
      People who feel heard calm down.

      Then, quietly: <script>alert(1)</script>
"""
BODY_WITH_BAD_LINK = """    body: |
      People who feel heard calm down.
      Read [this](javascript:alert(document.cookie)) and [that](apologise-sincerly).
"""
DEEP = "a: " + "[" * 40 + "]" * 40 + "\n"

CASES: tuple[Case, ...] = (
    # -- YAML syntax ------------------------------------------------------------------------
    Case(
        "colon-inside-text",
        replace("content/tags.yaml", "    anger: Anger\n", "    anger: Anger: hot\n"),
        (
            "content/tags.yaml:7:17: invalid YAML: mapping values are not allowed here"
            " (put text containing ': ' in quotes, or fix the indentation)",
        ),
        build=True,
    ),
    Case(
        "unclosed-list",
        replace("content/tags.yaml", "    anger: Anger\n", "    anger: [Anger\n"),
        (
            "content/tags.yaml:8:12: invalid YAML: while parsing a flow sequence started on line 7, expected ',' or ']', but got ':'"
            " (close the '[' list, and put items containing ':' or ',' in quotes)",
        ),
    ),
    Case(
        "unclosed-quote",
        replace(LISTEN, "    title: Listen actively", '    title: "Listen actively'),
        (
            "content/guidelines/listen-actively.yaml:11:12: invalid YAML: this quote or bracket is never closed (add the closing quote or bracket)",
        ),
        build=True,
    ),
    Case(
        "bad-indentation",
        replace(LISTEN, "    summary: Let the customer finish", "   summary: Let the customer finish"),
        (
            "content/guidelines/listen-actively.yaml:12:4: invalid YAML: this line is indented differently from the lines above it (check the indentation of this line against the lines above)",
        ),
    ),
    Case(
        "missing-colon",
        replace(APOLOGISE, "    title: Apologise sincerely", "    title Apologise sincerely"),
        ("content/guidelines/apologise-sincerely.yaml:10:5: invalid YAML: the key on this line has no ':' after it (write 'key: value')",),
    ),
    Case(
        "unknown-escape-in-double-quotes",
        replace(APOLOGISE, "    title: Apologise sincerely", '    title: "Apologise \\sincerely"'),
        (
            "content/guidelines/apologise-sincerely.yaml:10:24: invalid YAML: while scanning a double-quoted scalar, found unknown escape character 's' (inside double quotes write a backslash as \\\\, or use single quotes)",
        ),
    ),
    Case(
        "list-item-out-of-line",
        replace(OFFER, "      - Let them choose.\n  hr:", "     - Let them choose.\n  hr:"),
        (
            "content/guidelines/offer-solutions.yaml:18:6: invalid YAML: this line is indented differently from the lines above it (check the indentation of this line against the lines above)",
        ),
    ),
    Case(
        "tab-indentation",
        replace(APOLOGISE, "  hr:\n    title:", "  hr:\n\ttitle:"),
        (
            "content/guidelines/apologise-sincerely.yaml:16:1: invalid YAML: a tab character is not allowed here (indent with spaces, not tabs)",
        ),
        build=True,
    ),
    Case(
        "two-documents",
        replace(APOLOGISE, "order: 20\n", "order: 20\n---\n"),
        (
            "content/guidelines/apologise-sincerely.yaml:5:1: invalid YAML: a second document starts here (remove the '---' line: one content file holds one document)",
        ),
        build=True,
    ),
    Case(
        "empty-file",
        put(OFFER, ""),
        ("content/guidelines/offer-solutions.yaml:1:1: file is empty (add content or delete the file)",),
        build=True,
    ),
    Case(
        "only-comments",
        put(OFFER, "# yaml-language-server: $schema=../../schema/guideline.schema.json\n# to do\n"),
        ("content/guidelines/offer-solutions.yaml:1:1: file is empty (add content or delete the file)",),
    ),
    Case(
        "list-instead-of-mapping",
        put(OFFER, "- id: offer-solutions\n"),
        (
            "content/guidelines/offer-solutions.yaml:1:1: expected a mapping of 'key: value' lines, found a list (write 'key: value' lines, like the other files of this kind)",
        ),
    ),
    # -- encoding and invisible characters ---------------------------------------------------
    Case(
        "latin-1-bytes",
        rewrite("content/sources.yaml", lambda text: text.replace("for tests.", "for tests, café."), "latin-1"),
        ("content/sources.yaml:6:33: file is not valid UTF-8 (byte 0xe9) (save the file with UTF-8 encoding)",),
        build=True,
    ),
    Case(
        "utf-16-file",
        rewrite(APOLOGISE, lambda text: text, "utf-16"),
        ("content/guidelines/apologise-sincerely.yaml:1:1: file is saved as UTF-16, not UTF-8 (save the file with UTF-8 encoding)",),
    ),
    Case(
        "raw-control-character",
        replace(APOLOGISE, "Saying sorry is", "Saying\x07 sorry is"),
        (
            "content/guidelines/apologise-sincerely.yaml:11:20: invisible control character U+0007 in the text (delete it: it is invisible in most editors and often comes from copying text out of another program)",
        ),
        build=True,
    ),
    Case(
        "escaped-control-character",
        replace(APOLOGISE, "    title: Apologise sincerely", '    title: "Apologise\\e[31m sincerely"'),
        (
            "content/guidelines/apologise-sincerely.yaml:10:12: invisible control character U+001B in the text (delete it: it is invisible in most editors and often comes from copying text out of another program)",
        ),
    ),
    Case(
        "bidi-override",
        replace(APOLOGISE, "Saying sorry is", "Saying \u202esorry is"),
        (
            "content/guidelines/apologise-sincerely.yaml:11:21: invisible control character U+202E in the text (delete it: it is invisible in most editors and often comes from copying text out of another program)",
        ),
    ),
    # -- unsafe YAML ----------------------------------------------------------------------
    Case(
        "python-tag",
        replace(OFFER, "order: 10", "order: !!python/object/apply:os.system ['echo pwned']"),
        (
            "content/guidelines/offer-solutions.yaml:4:8: unsafe tag '!!python/object/apply:os.system' is not allowed: content files cannot run code (remove the tag and write plain text)",
        ),
        build=True,
    ),
    Case(
        "custom-tag",
        replace(OFFER, "    title: Offer solutions", "    title: !include other.yaml"),
        (
            "content/guidelines/offer-solutions.yaml:13:12: tag '!include' is not allowed in content files (remove the tag and write plain text)",
        ),
    ),
    Case(
        "alias-bomb",
        put(OFFER, alias_bomb()),
        (
            "content/guidelines/offer-solutions.yaml:1:5: anchors (&name) and aliases (*name) are not allowed in content files (write the text out in full where it is needed)",
        ),
        build=True,
    ),
    Case(
        "merge-key",
        replace(OFFER, "card:\n  phrases: [i-can-help]", "card:\n  <<: {phrases: [i-can-help]}"),
        ("content/guidelines/offer-solutions.yaml:10:3: merge keys (<<) are not allowed in content files (write the keys out in full)",),
    ),
    Case(
        "deep-nesting",
        put(OFFER, DEEP),
        (
            "content/guidelines/offer-solutions.yaml:1:36: file is nested too deeply (content never needs more than 32 levels; check the brackets)",
        ),
    ),
    Case(
        "duplicate-key",
        replace(APOLOGISE, "    body: An apology shows you care.\n", "    body: An apology shows you care.\n    body: Twice.\n"),
        (
            "content/guidelines/apologise-sincerely.yaml:13:5: duplicate key 'body' (first written on line 12) (each key may appear once in a mapping; merge the two or delete one)",
        ),
    ),
    # -- structure ---------------------------------------------------------------------------
    Case(
        "unknown-key",
        replace(LISTEN, "    summary: Let the customer finish", "    sumary: Let the customer finish"),
        ("content/guidelines/listen-actively.yaml:12:5: unknown key 'sumary' (did you mean 'summary'?)",),
    ),
    Case(
        "text-instead-of-list",
        replace(
            APOLOGISE, "    steps:\n      - Say sorry for their experience.\n  hr:", "    steps: Say sorry for their experience.\n  hr:"
        ),
        ("content/guidelines/apologise-sincerely.yaml:13:12: expected a list, found text (start each item on its own line with '- ')",),
    ),
    Case(
        "text-instead-of-number",
        replace(OFFER, "order: 10", "order: first"),
        (
            "content/guidelines/offer-solutions.yaml:4:8: expected a whole number, found text (write the number with digits only, without quotes, e.g. 10)",
        ),
    ),
    Case(
        "number-out-of-range",
        replace(OFFER, "order: 10", "order: 1000"),
        ("content/guidelines/offer-solutions.yaml:4:8: 1000 is too large (use a number from 0 to 999)",),
    ),
    Case(
        "duplicate-id",
        lambda project: write(project, "content/guidelines/listen-again.yaml", (project / LISTEN).read_bytes()),
        (
            "content/guidelines/listen-again.yaml:2:5: duplicate guideline id 'listen-actively' (already defined in content/guidelines/listen-actively.yaml:2) (every id must be unique; rename one of them)",
        ),
    ),
    Case(
        "dangling-reference",
        replace(OFFER, "related: [listen-actively]", "related: [listen-activly]"),
        ("content/guidelines/offer-solutions.yaml:6:11: unknown guideline 'listen-activly' (did you mean 'listen-actively'?)",),
        build=True,
    ),
    Case(
        "missing-default-language-text",
        replace(APOLOGISE, "    body: An apology shows you care.\n", ""),
        (
            "content/guidelines/apologise-sincerely.yaml:9:3: guideline 'apologise-sincerely' is missing 'body' in the default language (en) (the default language must be complete: other languages fall back to it)",
        ),
    ),
    Case(
        "unconfigured-language",
        replace(APOLOGISE, "  hr:\n    title: Iskreno", "  de:\n    title: Iskreno"),
        (
            "content/guidelines/apologise-sincerely.yaml:15:3: language 'de' is not configured in mkdocs.yml (configured: en, hr, es, el, sv; add it under plugins > i18n > languages, or fix the code)",
        ),
    ),
    Case(
        "no-default-language-block",
        replace(
            APOLOGISE,
            "  en:\n    title: Apologise sincerely\n    summary: Saying sorry is not admitting fault.\n"
            "    body: An apology shows you care.\n    steps:\n      - Say sorry for their experience.\n",
            "",
        ),
        (
            "content/guidelines/apologise-sincerely.yaml:9:3: guideline 'apologise-sincerely' has no text in the default language (en) (the default language must be complete: other languages fall back to it)",
        ),
    ),
    Case(
        "missing-file",
        lambda project: (project / "content/ui.yaml").unlink(),
        ("content/ui.yaml: required file is missing (create it; its format is in schema/ui.schema.json)",),
        build=True,
    ),
    # -- size limits -------------------------------------------------------------------------
    Case(
        "title-too-long",
        replace(OFFER, "    title: Offer solutions", "    title: Offer solutions" + " now" * 30),
        (
            "content/guidelines/offer-solutions.yaml:13:12: text is too long (135 characters; the limit is 120) (shorten it, or move detail into the body)",
        ),
    ),
    Case(
        "body-too-long",
        replace(OFFER, "    body: Offer two or three options.", "    body: " + "Offer options. " * 300),
        (
            "content/guidelines/offer-solutions.yaml:15:11: text is too long (4499 characters; the limit is 4000) (shorten it, or move detail into the body)",
        ),
    ),
    Case(
        "file-too-large",
        rewrite(OFFER, lambda text: text + "# padding\n" * 60_000),
        ("content/guidelines/offer-solutions.yaml: file is too large (586 KB; the limit is 512 KB) (split it into several files)",),
        build=True,
    ),
    # -- file names --------------------------------------------------------------------------
    Case(
        "odd-file-names",
        several(
            put("content/guidelines/Stay Calm.yaml", "id: stay-calm\n"),
            put("content/guidelines/extra.yml", "id: extra\n"),
            put("content/guidelines/drafts/one.yaml", "id: one\n"),
            put("content/notes.json", "{}"),
        ),
        (
            "content/guidelines/Stay Calm.yaml: file name 'Stay Calm.yaml' is not a valid id (rename it to stay-calm.yaml and set 'id: stay-calm')",
            "content/guidelines/drafts: folders inside content/guidelines/ are not read (put the file directly in content/guidelines/)",
            "content/guidelines/extra.yml: 'extra.yml' is not a .yaml file (rename it to extra.yaml)",
            "content/notes.json: unexpected file in content/ (content/ holds only the YAML content files)",
        ),
    ),
    # -- markup in content -------------------------------------------------------------------
    Case(
        "script-in-block-body",
        replace(LISTEN, "    body: |\n      People who feel heard calm down. See [apologising](apologise-sincerely).\n", BODY_WITH_SCRIPT),
        (
            "content/guidelines/listen-actively.yaml:16:22: HTML is not allowed in content ('<script>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
            "content/guidelines/listen-actively.yaml:16:38: HTML is not allowed in content ('</script>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
        ),
        build=True,
    ),
    Case(
        "event-handler-in-step",
        replace(OFFER, "      - Offer options.", '      - Offer options. <img src=x onerror="alert(1)">'),
        (
            "content/guidelines/offer-solutions.yaml:17:24: HTML is not allowed in content ('<img src=x onerror=\"alert(1)\">') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
        ),
    ),
    Case(
        "unclosed-tag-in-name",
        replace("content/handbook.yaml", "    name: Test Handbook", "    name: Test <img src=x onerror=alert(1) "),
        (
            "content/handbook.yaml:4:16: HTML is not allowed in content ('<img') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
        ),
        build=True,
    ),
    Case(
        "iframe-in-section-intro",
        replace(
            "content/sections.yaml",
            "      intro: Listening comes first.",
            "      intro: Listening <iframe src=https://evil.example></iframe>",
        ),
        (
            "content/sections.yaml:10:24: HTML is not allowed in content ('<iframe src=https://evil.example>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
            "content/sections.yaml:10:57: HTML is not allowed in content ('</iframe>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
        ),
    ),
    Case(
        "bad-links-in-block-body",
        replace(
            LISTEN, "    body: |\n      People who feel heard calm down. See [apologising](apologise-sincerely).\n", BODY_WITH_BAD_LINK
        ),
        (
            "content/guidelines/listen-actively.yaml:15:19: link target 'javascript:alert(document.cookie)' is not allowed (a link may point to https://…, http://…, mailto:…, tel:…, a guideline id, or sections/…, phrases/…, tags/… ids)",
            "content/guidelines/listen-actively.yaml:15:65: link to unknown guideline 'apologise-sincerly' (did you mean 'apologise-sincerely'?)",
        ),
        build=True,
    ),
    Case(
        "javascript-link-in-do",
        replace(LISTEN, "      - Keep eye contact.", "      - Keep [eye contact](JavaScript:alert(1))."),
        (
            "content/guidelines/listen-actively.yaml:19:28: link target 'JavaScript:alert(1)' is not allowed (a link may point to https://…, http://…, mailto:…, tel:…, a guideline id, or sections/…, phrases/…, tags/… ids)",
        ),
    ),
    Case(
        "data-link-in-home-intro",
        replace("content/handbook.yaml", "      It has two sections.", "      It has [two](data:text/html,hi) sections."),
        (
            "content/handbook.yaml:9:20: link target 'data:text/html,hi' is not allowed (a link may point to https://…, http://…, mailto:…, tel:…, a guideline id, or sections/…, phrases/…, tags/… ids)",
        ),
    ),
    Case(
        "html-in-tag-label",
        replace("content/tags.yaml", "    wording: Wording", "    wording: <b>Wording</b>"),
        (
            "content/tags.yaml:8:14: HTML is not allowed in content ('<b>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
            "content/tags.yaml:8:24: HTML is not allowed in content ('</b>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
        ),
    ),
    Case(
        "html-in-interface-word",
        replace("content/ui.yaml", "    print: Print", "    print: <u>Print</u>"),
        (
            "content/ui.yaml:30:12: HTML is not allowed in content ('<u>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
            "content/ui.yaml:30:20: HTML is not allowed in content ('</u>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
        ),
    ),
    Case(
        "html-in-phrase",
        replace(ACKNOWLEDGING, "      calm-down: Calm down.", "      calm-down: Calm <marquee>down</marquee>."),
        (
            "content/phrases/acknowledging.yaml:17:23: HTML is not allowed in content ('<marquee>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
            "content/phrases/acknowledging.yaml:17:36: HTML is not allowed in content ('</marquee>') (write plain text; use **bold**, *italic* or [text](https://…) for formatting and links)",
        ),
    ),
    Case(
        "vbscript-link-in-step",
        replace(OFFER, "      - Let them choose.\n  hr:", "      - Let them [choose](vbscript:msgbox).\n  hr:"),
        (
            "content/guidelines/offer-solutions.yaml:18:27: link target 'vbscript:msgbox' is not allowed (a link may point to https://…, http://…, mailto:…, tel:…, a guideline id, or sections/…, phrases/…, tags/… ids)",
        ),
    ),
    Case(
        "protocol-relative-link-in-dont",
        replace(LISTEN, "      - Interrupt.", "      - Interrupt, see [this](//evil.example/x)."),
        (
            "content/guidelines/listen-actively.yaml:21:31: link target '//evil.example/x' is not allowed (a link may point to https://…, http://…, mailto:…, tel:…, a guideline id, or sections/…, phrases/…, tags/… ids)",
        ),
    ),
    Case(
        "file-link-in-section-intro",
        replace(
            "content/sections.yaml", "      intro: Slušanje je na prvom mjestu.", "      intro: Slušanje je [prvo](file:///etc/passwd)."
        ),
        (
            "content/sections.yaml:18:33: link target 'file:///etc/passwd' is not allowed (a link may point to https://…, http://…, mailto:…, tel:…, a guideline id, or sections/…, phrases/…, tags/… ids)",
        ),
    ),
    Case(
        "disguised-link-in-how-to-use",
        replace("content/handbook.yaml", "      - Browse by section.", "      - Browse [by section]( javascript:alert(1))."),
        (
            "content/handbook.yaml:11:29: link target ' javascript:alert(1)' is not allowed (a link may point to https://…, http://…, mailto:…, tel:…, a guideline id, or sections/…, phrases/…, tags/… ids)",
        ),
    ),
    # -- unusual but valid: must build ------------------------------------------------------
    Case("bom-and-crlf", every_content_file(bom_and_crlf), (), build=True),
    Case("nfd-text", every_content_file(nfd), (), build=True),
    Case("look-alike-markup-is-text", replace(OFFER, "      - Offer options.", "      - Offer options <3, even if a < b & c > d."), ()),
)
