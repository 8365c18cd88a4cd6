"""Safe YAML loading that remembers where every key and value came from.

Content comes from many hands, so loading is deliberately narrow: only plain YAML data (maps,
lists, text, numbers, booleans, null). Anchors, aliases, merge keys and custom tags are refused
before anything is built, which also keeps "billion laughs" alias bombs from using memory.
Every value keeps its line and column so later checks can point editors at the exact spot.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
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

_SYNTAX_HINTS = (
    ("found character '\\t'", "indent with spaces, not tabs"),
    ("mapping values are not allowed", "put text containing ': ' in quotes, or fix the indentation"),
    ("could not find expected ':'", "each line of a mapping needs 'key: value'; check this line and the one above"),
    ("expected <block end>", "check the indentation of this line against the lines above"),
    ("found unexpected end of stream", "a quote or bracket is not closed"),
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

    def problem(self, problems: Problems, at: tuple, message: str, hint: str = "", *, key: bool = False) -> None:
        line, column = self.key_position(at) if key else self.position(at)
        problems.add(self.name, line, column, message=message, hint=hint)


class _RefusedError(Exception):
    def __init__(self, message: str, node_or_mark: Any, hint: str) -> None:
        mark = getattr(node_or_mark, "start_mark", node_or_mark)
        self.message, self.hint = message, hint
        self.line, self.column = mark.line + 1, mark.column + 1


class _StrictLoader(yaml.SafeLoader):
    """Composes nodes but stops at the first anchor or alias, before any expansion happens."""

    def compose_node(self, parent: Node | None, index: Any) -> Node:
        event = self.peek_event()
        if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
            raise _RefusedError(
                "anchors (&name) and aliases (*name) are not allowed in content files",
                event.start_mark,
                "write the text out in full where it is needed",
            )
        return super().compose_node(parent, index)


def load_yaml_file(path: Path, name: str, problems: Problems) -> YamlFile | None:
    """Load one content file; on any problem, record it and return None."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.add(
            name,
            message=f"file is too large ({size // 1024} KB; the limit is {MAX_FILE_BYTES // 1024} KB)",
            hint="split it into several files",
        )
        return None
    raw = path.read_bytes()
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
    loader = _StrictLoader(text)
    try:
        root = loader.get_single_node()
    except _RefusedError as refused:
        problems.add(name, refused.line, refused.column, message=refused.message, hint=refused.hint)
        return None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problems.add(name, line, column, message=_syntax_message(error), hint=_syntax_hint(error))
        return None
    except yaml.YAMLError as error:
        problems.add(name, message=f"invalid YAML: {error}", hint="check the YAML syntax")
        return None
    except RecursionError:
        problems.add(name, message="file is nested too deeply", hint=f"content never needs more than {MAX_DEPTH} levels")
        return None
    finally:
        loader.dispose()
    if root is None:
        problems.add(name, 1, 1, message="file is empty", hint="add content or delete the file")
        return None
    loaded = YamlFile(path=path, name=name, data=None)
    try:
        loaded.data = _convert(root, (), loaded, yaml.SafeLoader(""))
    except _RefusedError as refused:
        problems.add(name, refused.line, refused.column, message=refused.message, hint=refused.hint)
        return None
    return loaded


def _syntax_message(error: yaml.MarkedYAMLError) -> str:
    context = error.context or ""
    started, noticed = error.context_mark, error.problem_mark
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
    if len(at) > MAX_DEPTH:
        raise _RefusedError("file is nested too deeply", node, f"content never needs more than {MAX_DEPTH} levels")
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
    if node.tag in _TEXT_TAGS:
        return unicodedata.normalize("NFC", node.value)
    value = constructor.construct_object(node, deep=True)
    if isinstance(value, str):
        return unicodedata.normalize("NFC", value)
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
