"""The ids and languages in use, as a JSON Schema that editors' YAML tools read: schema/ids.schema.json.

A JSON Schema cannot know ids that are defined in other files, so on its own it lets an editor
type `related: [no-such-guideline]` or a language key `xx:` and offers no ids to choose from.
This module writes one schema, from the content and mkdocs.yml, that lists them (`enum`s and
the language keys); the content schemas refer to its definitions. `make check` and every build
write it again when the ids or languages change, so an editor's completions follow the content.

The build itself does not validate against the generated list: the reference checks
(references.py) say more ("did you mean", ids in files that failed to load), and the file on
disk may be one edit behind the content being checked. So the build validates against the open
form of the same definitions: the shape of an id or a language code, nothing more.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import Handbook
from .project import Project

IDS_SCHEMA = "ids.schema.json"
COMMON = "common.schema.json#/$defs/"

_DESCRIPTIONS = {
    "section": "A section id, as listed in content/sections.yaml.",
    "guideline": "A guideline id: the name of a file in content/guidelines/, without .yaml.",
    "phrase": "A phrase id, as listed under 'phrases' in a file of content/phrases/.",
    "tag": "A tag id, as listed in content/tags.yaml.",
    "sourcePoint": "A source point, as source-id/point-id from content/sources.yaml.",
}


def open_ids_schema() -> dict[str, Any]:
    """The definitions the build validates with: any well-formed id, any language code."""
    shapes = {kind: {"$ref": COMMON + "id", "description": description} for kind, description in _DESCRIPTIONS.items()}
    shapes["sourcePoint"] = {"$ref": COMMON + "sourcePoint", "description": _DESCRIPTIONS["sourcePoint"]}
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Ids and languages (any well-formed one)",
        "$defs": {
            "languages": {"type": "object", "propertyNames": {"$ref": COMMON + "languageCode"}},
            **shapes,
        },
    }


def ids_schema(handbook: Handbook, names: dict[str, str]) -> dict[str, Any]:
    """The ids and languages of this handbook, for editors."""
    default = handbook.default_language
    default_name = names.get(default, default)

    def language(code: str) -> dict[str, str]:
        name = names.get(code, code)
        if code == default:
            return {"description": f"{name} ({code}), the default language: every text is written here first; the others fall back to it."}
        return {
            "description": f"{name} ({code}). Leave out what is not translated yet: the {default_name} text is shown in its place,"
            f" marked as not yet translated. After updating a translation, run: python -m handbook translated {code} <file>"
        }

    ids = {
        "section": list(handbook.sections),
        "guideline": [guideline.id for guideline in handbook.guidelines_in_order()],
        "phrase": [phrase for phrase_list in handbook.phrase_lists_in_order() for phrase in phrase_list.phrases],
        "tag": list(handbook.tags),
        "sourcePoint": [point.ref for source in handbook.sources.values() for point in source.points],
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$comment": "Written from content/ and mkdocs.yml by `make check` and by every build: do not edit.",
        "title": "Ids and languages in use",
        "description": "The ids defined in the content and the languages in mkdocs.yml, so that editors offer them and flag unknown ones.",
        "$defs": {
            "languages": {
                "type": "object",
                "properties": {code: language(code) for code in handbook.languages},
                "additionalProperties": False,
                "description": "One block per language configured in mkdocs.yml.",
            },
            **{kind: {"type": "string", "enum": values, "description": _DESCRIPTIONS[kind]} for kind, values in ids.items()},
        },
    }


def schema_text(schema: dict[str, Any]) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def write_ids_schema(project: Project, handbook: Handbook) -> bool:
    """Write schema/ids.schema.json if it differs from the content's ids; True when written."""
    path: Path = project.schema_dir / IDS_SCHEMA
    text = schema_text(ids_schema(handbook, project.names))
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except OSError:
        pass
    path.write_text(text, encoding="utf-8")
    return True
