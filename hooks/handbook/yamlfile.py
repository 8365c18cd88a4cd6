"""Safe YAML loading that remembers where every key and value came from.

Content comes from many hands, so loading is deliberately narrow: only plain YAML data (maps,
lists, text, numbers, booleans, null). Anchors, aliases, merge keys and custom tags are refused
before anything is built, which also keeps "billion laughs" alias bombs from using memory, and
nesting deeper than any content needs is refused while composing, before Python's own recursion
limit is reached. Every value keeps its line and column so later checks can point editors at the
exact spot, down to the character inside a `|` block when a check knows where in the text it is.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from .errors import Problems

MAX_FILE_BYTES = 512 * 1024
MAX_DEPTH = 32

_PLAIN_TAGS = {
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
}
_TEXT_TAGS = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}  # kept as the text typed

# Invisible characters that never belong in handbook text: C0/C1 controls (tab and line breaks
# excepted) and the bidirectional overrides that make text display differently from how it reads.
_INVISIBLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# PyYAML's wording of the commonest mistakes, said the way a trainer would understand it.
_PLAIN_PROBLEMS = (
    ("found character '\\t' that cannot start any token", "a tab character is not allowed here"),
    ("expected <block end>, but found", "this line is indented differently from the lines above it"),
    ("found unexpected end of stream", "this quote or bracket is never closed"),
    ("expected a single document in the stream", "a second document starts here"),
)

_SYNTAX_HINTS = (
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "put text containing ': ' in quotes, or fix the indentation"),
    ("could not find expected ':'", "each line of a mapping needs 'key: value'; check this line and the one above"),
    ("expected <block end>", "check the indentation of this line against the lines above"),
    ("found unexpected end of stream", "add the closing quote or bracket"),
    ("expected ',' or ']'", "close the '[' list, and put items containing ':' or ',' in quotes"),
    ("expected ',' or '}'", "close the '{' mapping, and put values containing ':' or ',' in quotes"),
    ("found unknown escape character", "inside double quotes write a backslash as \\\\, or use single quotes"),
    ("unacceptable character", "remove the invisible control character"),
    ("expected a single document", "remove the '---' line: one content file holds one document"),
    ("found duplicate anchor", "anchors (&name) and aliases (*name) are not allowed"),
    ("found undefined alias", "anchors (&name) and aliases (*name) are not allowed"),
    ("did not find expected key", "check the indentation of this line against the lines above"),
    ("did not find expected '-' indicator", "list items must line up under each other"),
    ("block sequence entries are not allowed", "start the list on a new line under its key"),
)


@dataclass
class YamlFile:
    """A loaded content file: its data plus the position of every key and value."""

    path: Path
    name: str
    data: Any
    kind: str = ""
    value_marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    key_marks: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    scalars: dict[tuple, _Scalar] = field(default_factory=dict, repr=False)
    text: str = field(default="", repr=False)

    @cached_property
    def lines(self) -> list[str]:
        return self.text.splitlines()

    def position(self, at: tuple = ()) -> tuple[int, int]:
        """Line and column of the value at `at`, or of its nearest ancestor that has one."""
        at = tuple(at)
        while at not in self.value_marks and at:
            at = at[:-1]
        return self.value_marks.get(at, (1, 1))

    def key_position(self, at: tuple) -> tuple[int, int]:
        """Where the key of `at` is written: the spot to show for an unknown or misplaced key."""
        at = tuple(at)
        return self.key_marks.get(at) or self.position(at)

    def text_position(self, at: tuple, offset: int) -> tuple[int, int]:
        """Where character `offset` of the text at `at` is written, when that can be known exactly.

        Exact for one-line plain and quoted values (without escapes) and for `|` blocks, whose
        lines are the file's lines; otherwise (folded or wrapped text) where the value starts.
        """
        scalar = self.scalars.get(tuple(at))
        exact = scalar.locate(offset, self.lines) if scalar else None
        return exact or self.position(at)

    def problem(self, problems: Problems, at: tuple, message: str, hint: str = "", *, key: bool = False, offset: int | None = None) -> None:
        if key:
            line, column = self.key_position(at)
        elif offset is not None:
            line, column = self.text_position(at, offset)
        else:
            line, column = self.position(at)
        problems.add(self.name, line, column, message=message, hint=hint)


@dataclass(frozen=True)
class _Scalar:
    """A text value as written in the file, to map a character of the value back to the file.
    `start` and `end` are where it is written: line and column, counted from 0."""

    value: str
    style: str | None
    start: tuple[int, int]
    end: tuple[int, int]

    @classmethod
    def of(cls, value: str, node: ScalarNode) -> _Scalar:
        return cls(value, node.style, (node.start_mark.line, node.start_mark.column), (node.end_mark.line, node.end_mark.column))

    def locate(self, offset: int, lines: list[str]) -> tuple[int, int] | None:
        (start_line, start_column), (end_line, end_column) = self.start, self.end
        if self.style == "|":
            return self._locate_in_block(offset, lines)
        if start_line != end_line or "\n" in self.value:
            return None  # wrapped or folded over several lines: no exact mapping
        written = lines[start_line][start_column:end_column]
        if self.style in ("'", '"'):
            written = written[1:-1]
            if ("''" if self.style == "'" else "\\") in written:
                return None  # escapes make the written text longer than the value
            return _exact(written, self.value, offset, start_line, start_column + 1)
        return _exact(written, self.value, offset, start_line, start_column)

    def _locate_in_block(self, offset: int, lines: list[str]) -> tuple[int, int] | None:
        (start_line, start_column), (end_line, _) = self.start, self.end
        header = lines[start_line][start_column:]
        if any(character.isdigit() for character in header.split("#")[0]):
            return None  # an explicit indentation indicator: rare, not worth guessing
        block = lines[start_line + 1 : end_line + 1]
        written = [line for line in block if line.strip()]
        if not written:
            return None
        indent = len(written[0]) - len(written[0].lstrip(" "))
        line_index = self.value.count("\n", 0, offset)
        line_start = self.value.rfind("\n", 0, offset) + 1
        value_line = self.value[line_start:].split("\n", 1)[0]
        if line_index >= len(block):
            return None
        return _exact(block[line_index][indent:], value_line, offset - line_start, start_line + 1 + line_index, indent)


def _exact(written: str, value: str, offset: int, line: int, column: int) -> tuple[int, int] | None:
    """Position of `value[offset]` given the text as written; None unless they really match.

    Values are NFC-normalised, so an NFD-written line maps by normalised prefix length.
    """
    if unicodedata.normalize("NFC", written) != value:
        return None
    if written != value:
        offset = next(k for k in range(len(written) + 1) if len(unicodedata.normalize("NFC", written[:k])) >= offset)
    return line + 1, column + offset + 1


class _RefusedError(Exception):
    def __init__(self, message: str, node_or_mark: Any, hint: str, position: tuple[int, int] | None = None) -> None:
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        self.message, self.hint = message, hint
        self.line, self.column = position or (mark.line + 1, mark.column + 1)


class _Refusing:
    """Composes nodes but stops at the first anchor, alias or excessive nesting, before any expansion."""

    depth = 0

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _RefusedError(
                "anchors (&name) and aliases (*name) are not allowed in content files",
                event.start_mark,
                "write the text out in full where it is needed",
            )
        if self.depth > MAX_DEPTH:
            raise _RefusedError(
                "file is nested too deeply", event.start_mark, f"content never needs more than {MAX_DEPTH} levels; check the brackets"
            )
        self.depth += 1
        try:
            return super().compose_node(parent, index)  # type: ignore[misc]
        finally:
            self.depth -= 1


class _StrictLoader(_Refusing, yaml.SafeLoader):
    """The pure-Python parser: the one whose error messages editors are shown."""


try:
    from yaml.cyaml import CParser
except ImportError:  # PyYAML built without libyaml
    CParser = None

if CParser is not None:

    class _FastLoader(_Refusing, yaml.composer.Composer, CParser, yaml.constructor.SafeConstructor, yaml.resolver.Resolver):
        """libyaml's C parser, many times faster than the pure-Python one, under the same checks."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.composer.Composer.__init__(self)
            yaml.constructor.SafeConstructor.__init__(self)
            yaml.resolver.Resolver.__init__(self)

else:
    _FastLoader = None  # type: ignore[assignment, misc]


def _compose_fast(text: str) -> Node | None:
    """Compose a file with libyaml when it is there; None when it is not, or when the file has any
    problem at all: the pure-Python parser then reads the file again and says what is wrong in its
    own words, the ones editors are shown."""
    if _FastLoader is None or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return None
    loader = _FastLoader(text)
    try:
        return loader.get_single_node()
    except (yaml.YAMLError, _RefusedError):
        return None
    finally:
        loader.dispose()


def load_yaml_file(path: Path, name: str, problems: Problems, max_bytes: int = MAX_FILE_BYTES) -> YamlFile | None:
    """Load one content file; on any problem, record it and return None."""
    size = path.stat().st_size
    if size > max_bytes:
        problems.add(
            name,
            message=f"file is too large ({size // 1024} KB; the limit is {max_bytes // 1024} KB)",
            hint="split it into several files",
        )
        return None
    raw = path.read_bytes()
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        problems.add(name, 1, 1, message="file is saved as UTF-16, not UTF-8", hint="save the file with UTF-8 encoding")
        return None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        problems.add(
            name,
            line,
            column,
            message=f"file is not valid UTF-8 (byte 0x{raw[error.start]:02x})",
            hint="save the file with UTF-8 encoding",
        )
        return None
    return parse_yaml_text(text, path, name, problems)


def parse_yaml_text(text: str, path: Path, name: str, problems: Problems) -> YamlFile | None:
    """Parse YAML text into plain data with positions; separate from file reading for tests."""
    loader = None
    try:
        root = _compose_fast(text)
        if root is None:
            loader = _StrictLoader(text)  # checks every character before parsing starts
            root = loader.get_single_node()
    except _RefusedError as refused:
        problems.add(name, refused.line, refused.column, message=refused.message, hint=refused.hint)
        return None
    except yaml.MarkedYAMLError as error:
        line, column, message, hint = _syntax_problem(error, text.splitlines())
        problems.add(name, line, column, message=message, hint=hint)
        return None
    except yaml.reader.ReaderError as error:
        before = text[: error.position]
        line, column = before.count("\n") + 1, error.position - before.rfind("\n")
        problems.add(name, line, column, message=_invisible_message(error.character), hint=_INVISIBLE_HINT)
        return None
    except yaml.YAMLError as error:
        problems.add(name, message=f"invalid YAML: {error}", hint="check the YAML syntax")
        return None
    finally:
        if loader is not None:
            loader.dispose()
    if root is None:
        problems.add(name, 1, 1, message="file is empty", hint="add content or delete the file")
        return None
    loaded = YamlFile(path=path, name=name, data=None, text=text)
    try:
        loaded.data = _convert(root, (), loaded, yaml.SafeLoader(""))
    except _RefusedError as refused:
        problems.add(name, refused.line, refused.column, message=refused.message, hint=refused.hint)
        return None
    return loaded


_INVISIBLE_HINT = "delete it: it is invisible in most editors and often comes from copying text out of another program"


def _invisible_message(character: int | str) -> str:
    code = character if isinstance(character, int) else ord(character)
    return f"invisible control character U+{code:04X} in the text"


def _syntax_problem(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[int, int, str, str]:
    """Line, column, message and hint for a syntax error, placed where the editor has to fix it."""
    started, noticed = error.context_mark, error.problem_mark
    mark = noticed or started
    line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
    if "end of stream" in (error.problem or "") and started:
        line, column = started.line + 1, started.column + 1  # the opening quote, not the end of the file
    if "mapping values are not allowed" in (error.problem or "") and noticed:
        key_line = _line_missing_its_colon(lines, noticed.line)
        if key_line is not None:
            indent = len(lines[key_line]) - len(lines[key_line].lstrip(" "))
            return key_line + 1, indent + 1, "invalid YAML: the key on this line has no ':' after it", "write 'key: value'"
    return line, column, _syntax_message(error), _syntax_hint(error)


def _line_missing_its_colon(lines: list[str], problem_line: int) -> int | None:
    """The line above a "mapping values" error when it is a bare key at the same indentation."""
    if problem_line >= len(lines):
        return None
    current = lines[problem_line]
    above = problem_line - 1
    while above >= 0 and (not lines[above].strip() or lines[above].lstrip().startswith("#")):
        above -= 1
    if above < 0:
        return None
    previous = lines[above]
    same_indent = len(previous) - len(previous.lstrip(" ")) == len(current) - len(current.lstrip(" "))
    bare = ":" not in previous and not previous.lstrip().startswith(("-", "'", '"', "[", "{"))
    return above if same_indent and bare else None


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    context = error.context or ""
    started, noticed = error.context_mark, error.problem_mark
    said = f"{context} {error.problem or ''}"
    for needle, plain in _PLAIN_PROBLEMS:
        if needle in said:
            return "invalid YAML: " + plain
    if context and started and noticed and started.line != noticed.line:
        context += f" started on line {started.line + 1}"
    return "invalid YAML: " + ", ".join(part for part in (context, error.problem) if part)


def _syntax_hint(error: yaml.MarkedYAMLError) -> str:
    text = f"{error.context or ''} {error.problem or ''}"
    for needle, hint in _SYNTAX_HINTS:
        if needle in text:
            return hint
    return "check the YAML syntax on this line and the line above"


def _mark(node: Node) -> tuple[int, int]:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _convert(node: Node, at: tuple, loaded: YamlFile, constructor: yaml.SafeLoader) -> Any:
    loaded.value_marks[at] = _mark(node)
    _check_tag(node)
    if isinstance(node, MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _RefusedError("merge keys (<<) are not allowed in content files", key_node, "write the keys out in full")
            if not isinstance(key_node, ScalarNode):
                raise _RefusedError("a key must be plain text", key_node, "write keys as 'name: value'")
            _check_tag(key_node)
            key = unicodedata.normalize("NFC", key_node.value)
            if key in result:
                first_line = loaded.key_marks[at + (key,)][0]
                raise _RefusedError(
                    f"duplicate key '{key}' (first written on line {first_line})",
                    key_node,
                    "each key may appear once in a mapping; merge the two or delete one",
                )
            loaded.key_marks[at + (key,)] = _mark(key_node)
            result[key] = _convert(value_node, at + (key,), loaded, constructor)
        return result
    if isinstance(node, SequenceNode):
        return [_convert(item, at + (index,), loaded, constructor) for index, item in enumerate(node.value)]
    value = node.value if node.tag in _TEXT_TAGS else constructor.construct_object(node, deep=True)
    if not isinstance(value, str):
        return value
    value = unicodedata.normalize("NFC", value)
    loaded.scalars[at] = _Scalar.of(value, node)
    invisible = _INVISIBLE.search(value)
    if invisible:
        position = loaded.text_position(at, invisible.start())
        raise _RefusedError(_invisible_message(invisible.group()), node, _INVISIBLE_HINT, position)
    return value


def _check_tag(node: Node) -> None:
    tag = node.tag
    if tag in _PLAIN_TAGS or tag in _TEXT_TAGS:
        return
    if "python/" in tag:
        raise _RefusedError(
            f"unsafe tag '{_short_tag(tag)}' is not allowed: content files cannot run code",
            node,
            "remove the tag and write plain text",
        )
    raise _RefusedError(f"tag '{_short_tag(tag)}' is not allowed in content files", node, "remove the tag and write plain text")


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")
