"""The loader keeps the line and column of every key and value, and refuses unsafe YAML."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from handbook import yamlfile
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


POSITIONS = """\
plain: one <b> two
single: 'it''s <b>'
double: "say <b>"
escaped: "tab\\t<b>"
block: |
  first line
    indented <b>

  after a blank <b>
folded: >
  folded <b>
  text
wrapped: plain text
  wrapped <b>
nfd: NFD_TEXT
"""


def positions_of_tag(text: str) -> dict[str, tuple[int, int]]:
    loaded, problems = parse(text)
    assert problems == []
    found = {}
    for key, value in loaded.data.items():
        found[key] = loaded.text_position((key,), value.rindex("<b>"))
    return found


def test_text_positions_are_exact_where_the_style_allows():
    decomposed = unicodedata.normalize("NFD", "čćž <b>")
    found = positions_of_tag(POSITIONS.replace("NFD_TEXT", decomposed))
    assert found == {
        "plain": (1, 12),
        "single": (2, 9),  # '' is one quote in the value: the start of the value
        "double": (3, 14),
        "escaped": (4, 10),  # an escape changes lengths: the start of the value
        "block": (9, 17),
        "folded": (10, 9),  # folded and wrapped text: the start of the value
        "wrapped": (13, 10),
        "nfd": (15, 13),  # columns count the characters as written: 3 letters + 3 accents
    }


def test_a_billion_laughs_is_refused_fast_with_little_memory(tmp_path: Path):
    """The alias bomb is refused at its first anchor: nothing is expanded, whatever its size."""
    import time
    import tracemalloc

    from catalogue import alias_bomb

    path = tmp_path / "bomb.yaml"
    path.write_text(alias_bomb(levels=30, width=30), encoding="utf-8")  # 30**30 strings if expanded
    problems = Problems()
    tracemalloc.start()
    started = time.perf_counter()
    assert load_yaml_file(path, "content/bomb.yaml", problems) is None
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert [str(p) for p in problems.sorted()] == [
        "content/bomb.yaml:1:5: anchors (&name) and aliases (*name) are not allowed in content files"
        " (write the text out in full where it is needed)"
    ]
    assert elapsed < 0.5
    assert peak < 2 * 1024 * 1024


def test_nesting_is_refused_before_recursion_runs_out():
    _, problems = parse("a: " + "[" * 5000 + "]" * 5000 + "\n")
    assert problems == ["content/x.yaml:1:36: file is nested too deeply (content never needs more than 32 levels; check the brackets)"]


def test_control_characters_anywhere_are_reported_not_raised():
    _, problems = parse("id: a\ntitle: x\x00y\n")
    assert problems == [
        "content/x.yaml:2:9: invisible control character U+0000 in the text"
        " (delete it: it is invisible in most editors and often comes from copying text out of another program)"
    ]


def _same_nodes(fast, slow, where: tuple = ()) -> None:
    assert (type(fast), fast.tag) == (type(slow), slow.tag), where
    for mark in ("start_mark", "end_mark"):
        a, b = getattr(fast, mark), getattr(slow, mark)
        assert (a.line, a.column) == (b.line, b.column), (where, mark)
    if isinstance(fast.value, str):
        assert (fast.value, fast.style or None) == (slow.value, slow.style or None), where
        return
    assert len(fast.value) == len(slow.value), where
    for index, (one, other) in enumerate(zip(fast.value, slow.value, strict=True)):
        if isinstance(one, tuple):
            _same_nodes(one[0], other[0], (*where, index, "key"))
            _same_nodes(one[1], other[1], (*where, index))
        else:
            _same_nodes(one, other, (*where, index))


def test_libyaml_reads_content_exactly_as_the_python_parser_does():
    """Valid files are read with libyaml for speed; every value must keep the same position as
    with the pure-Python parser, whose positions (and messages) editors are shown."""
    files = sorted((Path(__file__).parent / "fixtures").rglob("*.yaml"))
    assert files
    for path in [*files, None]:
        text = SAMPLE + "    title_el: Ακούστε ενεργά\n" if path is None else path.read_text(encoding="utf-8-sig")
        fast = yamlfile._compose_fast(text)
        assert fast is not None, f"{path}: libyaml was not used"
        _same_nodes(fast, yamlfile._StrictLoader(text).get_single_node(), (str(path),))


def test_a_file_with_a_problem_is_read_again_by_the_python_parser():
    assert yamlfile._compose_fast("a: [1, 2\n") is None  # the syntax error is reported in its words
    assert yamlfile._compose_fast("a: &x 1\nb: *x\n") is None  # anchors are refused either way
