"""The loader keeps the line and column of every key and value, and refuses unsafe YAML."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from handbook.errors import Problems
from handbook.yamlfile import load_yaml_file, parse_yaml_text

SAMPLE = """\
# comment
id: listen
tags: [anger, wording]
text:
  en:
    title: Listen
    steps:
      - First step
      - Second step
    body: |
      Paragraph one.

      Paragraph two.
"""


def parse(text: str):
    problems = Problems()
    loaded = parse_yaml_text(text, Path("x.yaml"), "content/x.yaml", problems)
    return loaded, [str(p) for p in problems.sorted()]


def test_values_keep_line_and_column():
    loaded, problems = parse(SAMPLE)
    assert problems == []
    assert loaded.position(("id",)) == (2, 5)
    assert loaded.position(("tags", 1)) == (3, 15)
    assert loaded.position(("text", "en", "title")) == (6, 12)
    assert loaded.position(("text", "en", "steps", 0)) == (8, 9)
    assert loaded.position(("text", "en", "steps", 1)) == (9, 9)
    assert loaded.position(("text", "en", "body")) == (10, 11)


def test_keys_keep_their_own_position():
    loaded, _ = parse(SAMPLE)
    assert loaded.key_position(("text", "en", "steps")) == (7, 5)
    assert loaded.key_position(("text",)) == (4, 1)


def test_unknown_path_falls_back_to_nearest_ancestor():
    loaded, _ = parse(SAMPLE)
    assert loaded.position(("text", "en", "missing", 3)) == loaded.position(("text", "en"))


def test_block_scalar_text_is_kept():
    loaded, _ = parse(SAMPLE)
    assert loaded.data["text"]["en"]["body"] == "Paragraph one.\n\nParagraph two.\n"


def test_text_is_normalised_to_nfc():
    decomposed = unicodedata.normalize("NFD", "title: žao mi je, συγγνώμη")
    loaded, problems = parse(decomposed)
    assert problems == []
    assert loaded.data["title"] == unicodedata.normalize("NFC", "žao mi je, συγγνώμη")


def test_bom_and_crlf_are_accepted(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"\xef\xbb\xbfid: a\r\ntitle: Hello\r\n")
    problems = Problems()
    loaded = load_yaml_file(path, "content/x.yaml", problems)
    assert not problems
    assert loaded.data == {"id": "a", "title": "Hello"}
    assert loaded.position(("title",)) == (2, 8)


def test_syntax_error_has_line_column_and_hint():
    _, problems = parse("id: a\ntitle: Say: hello\n")
    assert problems == [
        "content/x.yaml:2:11: invalid YAML: mapping values are not allowed here"
        " (put text containing ': ' in quotes, or fix the indentation)"
    ]


def test_tab_indentation_is_explained():
    _, problems = parse("text:\n\ten: x\n")
    assert problems == ["content/x.yaml:2:1: invalid YAML: a tab character is not allowed here (indent with spaces, not tabs)"]


def test_duplicate_key_is_reported_at_the_second_key():
    _, problems = parse("id: a\ntitle: One\ntitle: Two\n")
    assert problems == [
        "content/x.yaml:3:1: duplicate key 'title' (first written on line 2)"
        " (each key may appear once in a mapping; merge the two or delete one)"
    ]


def test_python_tags_are_refused():
    _, problems = parse("id: !!python/object/apply:os.system ['echo hi']\n")
    assert problems == [
        "content/x.yaml:1:5: unsafe tag '!!python/object/apply:os.system' is not allowed: content files cannot run code"
        " (remove the tag and write plain text)"
    ]


def test_custom_tags_are_refused():
    _, problems = parse("title: !shout hello\n")
    assert problems == ["content/x.yaml:1:8: tag '!shout' is not allowed in content files (remove the tag and write plain text)"]


def test_anchors_and_aliases_are_refused():
    _, problems = parse("a: &x hello\nb: *x\n")
    assert problems == [
        "content/x.yaml:1:4: anchors (&name) and aliases (*name) are not allowed in content files"
        " (write the text out in full where it is needed)"
    ]


def test_empty_file():
    _, problems = parse("# only a comment\n")
    assert problems == ["content/x.yaml:1:1: file is empty (add content or delete the file)"]


def test_invalid_utf8_names_the_byte(tmp_path: Path):
    path = tmp_path / "x.yaml"
    path.write_bytes(b"id: a\ntitle: caf\xe9\n")
    problems = Problems()
    assert load_yaml_file(path, "content/x.yaml", problems) is None
    assert [str(p) for p in problems.sorted()] == [
        "content/x.yaml:2:11: file is not valid UTF-8 (byte 0xe9) (save the file with UTF-8 encoding)"
    ]
