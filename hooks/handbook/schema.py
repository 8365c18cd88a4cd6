"""Validation against the JSON Schemas in `schema/`, the same files editors get autocomplete from.

The schemas are the single description of the content format. This module only turns the
validator's findings into messages a trainer can act on: the exact key, a "did you mean", the
expected shape in words rather than JSON types.
"""

from __future__ import annotations

import difflib
import json
import re
import unicodedata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from .errors import Problems
from .idschema import IDS_SCHEMA, open_ids_schema
from .yamlfile import YamlFile

if TYPE_CHECKING:
    from jsonschema.exceptions import ValidationError

_TYPE_WORDS = {
    "string": "text",
    "array": "a list",
    "object": "a mapping of 'key: value' lines",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "nothing",
}


def describe_value(value: Any) -> str:
    """Name the kind of value an editor wrote, in words."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return "a number"
    if isinstance(value, float):
        return "a number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


def suggest_id(text: str) -> str:
    """A valid id close to what the editor wrote (accents dropped, spaces to hyphens)."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "my-id"


def did_you_mean(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    if close:
        return f"did you mean '{close[0]}'?"
    return "allowed: " + ", ".join(choices) if choices else ""


def inline_refs(schema: Any, name: str, schemas: dict[str, Any], expanding: tuple[str, ...] = ()) -> Any:
    """`schema` (the file `name` of `schemas`) with each `$ref` replaced by what it points to.

    The rules stay the same; jsonschema only checks a file about twice as fast, since it would
    otherwise look each reference up again for every value it checks. A reference beside other
    keywords becomes an `allOf` beside them; one that refers back into itself stays a `$ref`
    (the validator's registry resolves it).
    """
    if isinstance(schema, list):
        return [inline_refs(item, name, schemas, expanding) for item in schema]
    if not isinstance(schema, dict):
        return schema
    ref = schema.get("$ref")
    rest = {key: inline_refs(value, name, schemas, expanding) for key, value in schema.items() if key != "$ref"}
    if not isinstance(ref, str):
        return rest
    file, _, pointer = ref.partition("#")
    target_name = file or name
    where = f"{target_name}#{pointer}"
    if where in expanding or target_name not in schemas:
        return {**rest, "$ref": where}  # named in full: once inlined, a bare "#/..." would mean another file
    target = schemas[target_name]
    for part in filter(None, pointer.split("/")):
        target = target[part.replace("~1", "/").replace("~0", "~")]
    inlined = inline_refs(target, target_name, schemas, (*expanding, where))
    return {"allOf": [inlined], **rest} if rest else inlined


class SchemaSet:
    """All schemas of one project, loaded once, resolving their relative `$ref`s to each other."""

    def __init__(self, schema_dir: Path) -> None:
        self.schema_dir = schema_dir
        self.schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in sorted(schema_dir.glob("*.schema.json"))}
        # The ids editors are offered come from the content being checked: the build checks the
        # shapes here and the ids themselves in references.py (see idschema.py).
        self.schemas[IDS_SCHEMA] = open_ids_schema()
        registry = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in self.schemas.items())
        self.validators = {
            name: Draft202012Validator(inline_refs(schema, name, self.schemas), registry=registry) for name, schema in self.schemas.items()
        }
        common = self.schemas.get("common.schema.json", {}).get("$defs", {})
        self._pattern_kinds = {
            common.get("id", {}).get("pattern"): "id",
            common.get("languageCode", {}).get("pattern"): "language",
            common.get("line", {}).get("pattern"): "line",
        }

    def check(self, loaded: YamlFile, schema_name: str, problems: Problems) -> bool:
        """Record every schema problem of one file; True when there was none."""
        validator = self.validators[schema_name]
        errors = sorted(validator.iter_errors(loaded.data), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            self._report(loaded, error, problems)
        return not errors

    def _report(self, loaded: YamlFile, error: ValidationError, problems: Problems) -> None:
        at = tuple(error.absolute_path)
        keyword = error.validator
        if "propertyNames" in error.relative_schema_path:
            self._report_key_name(loaded, at, error, problems)
        elif keyword == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            for key in error.instance:
                if key not in allowed:
                    loaded.problem(problems, at + (key,), f"unknown key '{key}'", did_you_mean(key, allowed), key=True)
        elif keyword == "required":
            for key in error.validator_value:
                if key not in error.instance:
                    described = error.schema.get("properties", {}).get(key, {}).get("description", "")
                    hint = f"add '{key}:'" + (f"; {described[0].lower()}{described[1:].rstrip('.')}" if described else "")
                    loaded.problem(problems, at, f"missing required key '{key}'", hint, key=bool(at))
        elif keyword == "type":
            expected = error.validator_value
            words = " or ".join(_TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
            loaded.problem(problems, at, f"expected {words}, found {describe_value(error.instance)}", _type_hint(expected, error.instance))
        elif keyword == "pattern":
            self._report_pattern(loaded, at, error, problems)
        elif keyword == "maxLength":
            loaded.problem(
                problems,
                at,
                f"text is too long ({len(error.instance)} characters; the limit is {error.validator_value})",
                "shorten it, or move detail into the body",
            )
        elif keyword == "minLength":
            loaded.problem(problems, at, "text is empty", "write the text, or remove the key")
        elif keyword == "enum":
            choices = [str(choice) for choice in error.validator_value]
            loaded.problem(problems, at, f"'{error.instance}' is not allowed here", did_you_mean(str(error.instance), choices))
        elif keyword == "minItems":
            count = error.validator_value
            needed = f"{count} item{'s' if count != 1 else ''}"
            loaded.problem(problems, at, f"the list needs at least {needed}", "add items, one per line starting with '- '")
        elif keyword == "maxItems":
            loaded.problem(
                problems, at, f"the list has {len(error.instance)} items; at most {error.validator_value} are allowed", "remove some items"
            )
        elif keyword == "uniqueItems":
            seen: set[str] = set()
            for index, item in enumerate(error.instance):
                marker = json.dumps(item, sort_keys=True)
                if marker in seen:
                    loaded.problem(problems, at + (index,), f"'{item}' is listed twice", "remove the repeated item")
                seen.add(marker)
        elif keyword == "minProperties":
            loaded.problem(problems, at, "this mapping is empty", "add at least one entry")
        elif keyword in ("minimum", "maximum"):
            low, high = error.schema.get("minimum"), error.schema.get("maximum")
            size = "small" if keyword == "minimum" else "large"
            hint = f"use a number from {low} to {high}" if None not in (low, high) else f"the {keyword} is {error.validator_value}"
            loaded.problem(problems, at, f"{error.instance} is too {size}", hint)
        else:
            loaded.problem(problems, at, error.message)

    def _report_key_name(self, loaded: YamlFile, at: tuple, error: ValidationError, problems: Problems) -> None:
        key = str(error.instance)
        kind = self._pattern_kinds.get(error.schema.get("pattern"))
        if kind == "language":
            message, hint = f"'{key}' is not a language code", "use a code from mkdocs.yml (plugins > i18n > languages), e.g. en"
        elif kind == "id":
            message, hint = f"'{key}' is not a valid id", f"use lowercase ASCII letters, digits and hyphens, e.g. '{suggest_id(key)}'"
        else:
            message, hint = f"'{key}' does not have the expected form", error.schema.get("description", "")
        loaded.problem(problems, at + (key,), message, hint, key=True)

    def _report_pattern(self, loaded: YamlFile, at: tuple, error: ValidationError, problems: Problems) -> None:
        value = str(error.instance)
        kind = self._pattern_kinds.get(error.validator_value)
        if kind == "id":
            message, hint = f"'{value}' is not a valid id", f"use lowercase ASCII letters, digits and hyphens, e.g. '{suggest_id(value)}'"
        elif kind == "language":
            message, hint = f"'{value}' is not a language code", "use a code from mkdocs.yml, e.g. en"
        elif kind == "line":
            message, hint = "text must fit on one line", "remove the line break"
        elif "/" in error.validator_value:
            message, hint = f"'{value}' is not a source reference", "write source-id/point-id as listed in sources.yaml"
        else:
            message, hint = f"'{value}' does not have the expected form", error.schema.get("description", "")
        loaded.problem(problems, at, message, hint)


def _type_hint(expected: Any, found: Any) -> str:
    if found is None:
        return "write the value after the colon, or remove the key"
    if expected == "array" and isinstance(found, str):
        return "start each item on its own line with '- '"
    if expected == "string" and isinstance(found, (int, float, bool)):
        return "put the text in quotes"
    if expected in ("integer", "number") and isinstance(found, str):
        return "write the number with digits only, without quotes, e.g. 10"
    if expected == "string" and isinstance(found, dict):
        return "text containing ': ' must be put in quotes"
    if expected == "object" and isinstance(found, list):
        return "write 'key: value' lines instead of '- ' items"
    return ""
