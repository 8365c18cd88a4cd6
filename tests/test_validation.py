"""Each kind of content mistake is reported with the exact file, line, column, message and hint."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from conftest import problems_of
from handbook.loader import FOLDERS, OPTIONAL_FILES, SINGLE_FILES, TRAINING_FILES, TRAINING_FOLDERS, load_handbook
from handbook.project import read_project
from handbook.schema import SchemaSet, inline_refs
from projects import REPO, edit, write

LISTEN = "content/guidelines/listen-actively.yaml"
APOLOGISE = "content/guidelines/apologise-sincerely.yaml"
OFFER = "content/guidelines/offer-solutions.yaml"


def test_the_fixture_is_valid(project: Path):
    assert problems_of(project) == []


def test_syntax_error(project: Path):
    edit(project, "content/tags.yaml", "    anger: Anger\n", "    anger: Anger: hot\n")
    assert problems_of(project) == [
        "content/tags.yaml:7:17: invalid YAML: mapping values are not allowed here (put text containing ': ' in quotes, or fix the indentation)"
    ]


def test_unknown_key_with_did_you_mean(project: Path):
    edit(project, LISTEN, "    summary: Let the customer finish", "    sumary: Let the customer finish")
    assert problems_of(project) == [f"{LISTEN}:12:5: unknown key 'sumary' (did you mean 'summary'?)"]


def test_unknown_key_without_close_match_lists_allowed_keys(project: Path):
    edit(project, "content/tags.yaml", "tags:\n", "colour: red\ntags:\n")
    assert problems_of(project) == ["content/tags.yaml:2:1: unknown key 'colour' (allowed: tags, text)"]


def test_wrong_type(project: Path):
    edit(
        project,
        APOLOGISE,
        "    steps:\n      - Say sorry for their experience.\n  hr:",
        "    steps: Say sorry for their experience.\n  hr:",
    )
    assert problems_of(project) == [f"{APOLOGISE}:13:12: expected a list, found text (start each item on its own line with '- ')"]


def test_missing_required_field(project: Path):
    edit(project, OFFER, "section: solve\n", "")
    assert problems_of(project) == [
        f"{OFFER}:2:1: missing required key 'section' (add 'section:'; id of the section this guideline belongs to (see sections.yaml))"
    ]


def test_missing_default_language_field(project: Path):
    edit(project, APOLOGISE, "    body: An apology shows you care.\n", "")
    assert problems_of(project) == [
        f"{APOLOGISE}:9:3: guideline 'apologise-sincerely' is missing 'body' in the default language (en)"
        " (the default language must be complete: other languages fall back to it)"
    ]


def test_duplicate_guideline_id_across_files(project: Path):
    write(project, "content/guidelines/listen-again.yaml", (project / LISTEN).read_text(encoding="utf-8"))
    assert problems_of(project) == [
        "content/guidelines/listen-again.yaml:2:5: duplicate guideline id 'listen-actively'"
        f" (already defined in {LISTEN}:2) (every id must be unique; rename one of them)"
    ]


def test_duplicate_phrase_id_across_lists(project: Path):
    edit(project, "content/phrases/solving.yaml", "  - id: i-can-help\n", "  - id: i-can-help\n  - id: i-see-why\n")
    assert problems_of(project) == [
        "content/phrases/solving.yaml:6:9: duplicate phrase id 'i-see-why'"
        " (already defined in content/phrases/acknowledging.yaml:5) (every id must be unique; rename one of them)"
    ]


def test_id_must_match_file_name(project: Path):
    edit(project, OFFER, "id: offer-solutions", "id: offer-options")
    assert problems_of(project) == [
        f"{OFFER}:2:5: id 'offer-options' does not match the file name 'offer-solutions.yaml'"
        " (rename the file to offer-options.yaml, or set 'id: offer-solutions')"
    ]


def test_references_to_unknown_ids(project: Path):
    edit(project, OFFER, "related: [listen-actively]", "related: [listen-activly, stay-calm]")
    edit(project, OFFER, "phrases: [i-can-help]\nsources", "phrases: [i-can-help, i-see-wy]\nsources")
    edit(project, LISTEN, "section: listen", "section: listn")
    assert problems_of(project) == [
        f"{LISTEN}:3:10: unknown section 'listn' (did you mean 'listen'?)",
        f"{OFFER}:6:11: unknown guideline 'listen-activly' (did you mean 'listen-actively'?)",
        f"{OFFER}:6:27: unknown guideline 'stay-calm' (allowed: apologise-sincerely, listen-actively, offer-solutions)",
        f"{OFFER}:7:23: unknown phrase 'i-see-wy' (did you mean 'i-see-why'?)",
    ]


def test_language_not_configured(project: Path):
    edit(project, APOLOGISE, "  hr:\n    title: Iskreno", "  de:\n    title: Iskreno")
    assert problems_of(project) == [
        f"{APOLOGISE}:15:3: language 'de' is not configured in mkdocs.yml"
        " (configured: en, hr, es, el, sv; add it under plugins > i18n > languages, or fix the code)"
    ]


def test_invalid_id(project: Path):
    edit(project, APOLOGISE, "tags: [wording]", "tags: [Wording Stuff]")
    assert problems_of(project) == [
        f"{APOLOGISE}:5:8: 'Wording Stuff' is not a valid id (use lowercase ASCII letters, digits and hyphens, e.g. 'wording-stuff')"
    ]


def test_translated_list_must_keep_its_items(project: Path):
    edit(project, LISTEN, "      - Kimnite i recite *mhm*.\n", "")
    assert problems_of(project) == [
        f"{LISTEN}:28:7: 'steps' has 1 item in 'hr' but 2 items in 'en' (each language lists the same items in the same order)"
    ]


def test_uncovered_source_point(project: Path):
    edit(project, OFFER, "sources: [test-doc/solve]", "sources: [test-doc/listen]")
    assert problems_of(project) == [
        "content/sources.yaml:12:13: source point 'test-doc/solve' is not covered by any guideline"
        " (cite it in a guideline's 'sources' as test-doc/solve)"
    ]


def test_avoid_phrase_needs_an_alternative(project: Path):
    edit(project, "content/phrases/acknowledging.yaml", "    instead: i-see-why\n", "")
    assert problems_of(project) == [
        "content/phrases/acknowledging.yaml:8:11: 'avoid' phrase 'calm-down' has no 'instead'"
        " (add 'instead: <id of the phrase to say instead>')"
    ]


def test_odd_file_names(project: Path):
    write(project, "content/guidelines/extra.yml", "id: extra\n")
    write(project, "content/guidelines/Stay Calm.yaml", "id: stay-calm\n")
    write(project, "content/notes.json", "{}")
    assert problems_of(project) == [
        "content/guidelines/Stay Calm.yaml: file name 'Stay Calm.yaml' is not a valid id (rename it to stay-calm.yaml and set 'id: stay-calm')",
        "content/guidelines/extra.yml: 'extra.yml' is not a .yaml file (rename it to extra.yaml)",
        "content/notes.json: unexpected file in content/ (content/ holds only the YAML content files)",
    ]


def test_an_unknown_folder_is_reported_but_review_notes_are_not(project: Path):
    write(project, "content/reviews/hr.md", "# Replies to the Croatian review\n")
    write(project, "content/drafts/listen.yaml", "id: listen\n")
    assert problems_of(project) == [
        "content/drafts: unexpected folder in content/ (guidelines go in content/guidelines/, phrase lists in content/phrases/)"
    ]


def test_editor_leftovers_are_ignored(project: Path):
    write(project, "content/guidelines/.listen-actively.yaml.swp", b"\x00\x01")
    write(project, "content/guidelines/listen-actively.yaml~", "old")
    assert problems_of(project) == []


def test_all_problems_are_reported_in_one_run(project: Path):
    edit(project, "content/tags.yaml", "    anger: Anger\n", "    anger: Anger: hot\n")
    edit(project, LISTEN, "    summary: Let the customer finish", "    sumary: Let the customer finish")
    edit(project, OFFER, "related: [listen-actively]", "related: [stay-calm]")
    problems = problems_of(project)
    assert [p.split(":")[0] for p in problems] == ["content/guidelines/listen-actively.yaml", OFFER, "content/tags.yaml"]


def test_a_broken_file_does_not_cascade(project: Path):
    """A phrase list with a schema error still defines its ids: no 'unknown phrase' noise elsewhere."""
    edit(project, "content/phrases/acknowledging.yaml", "order: 10", "order: first")
    assert problems_of(project) == [
        "content/phrases/acknowledging.yaml:3:8: expected a whole number, found text (write the number with digits only, without quotes, e.g. 10)"
    ]


def test_a_reload_sees_an_edit_that_keeps_the_file_size(project: Path):
    """Every load reads the files as they are now: an edit of the same length, saved within the
    same clock tick, is seen."""
    loaded = read_project(project)
    assert load_handbook(loaded).guidelines["listen-actively"].texts["en"]["title"] == "Listen actively"
    edit(project, LISTEN, "    title: Listen actively", "    title: Listen activelx")
    assert load_handbook(loaded).guidelines["listen-actively"].texts["en"]["title"] == "Listen activelx"


def test_inlined_references_keep_every_rule_of_the_schemas():
    """The validators check the project's schemas with their references written out in place:
    every file of every kind must get exactly the errors the referencing schemas give."""
    schemas = SchemaSet(REPO / "schema").schemas
    registry = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in schemas.items())
    values: list[object] = [None, 1, "", "x" * 5000, "Not An Id", "ok", ["a", "a"], {"en": ""}, {"xx": "x"}, {"en": {"title": 3}}]
    for name, schema in schemas.items():
        inlined = inline_refs(schema, name, schemas)
        assert "$ref" not in json.dumps(inlined), name  # the handbook's schemas refer to nothing recursively
        referencing, written_out = Draft202012Validator(schema, registry=registry), Draft202012Validator(inlined, registry=registry)
        keys = list(schema.get("properties", {}))
        samples = [*values, *({key: value for key in keys} for value in values)]
        samples += load_handbook_files(name)
        for sample in samples:
            expected = sorted((list(e.absolute_path), e.validator, e.message) for e in referencing.iter_errors(sample))
            assert sorted((list(e.absolute_path), e.validator, e.message) for e in written_out.iter_errors(sample)) == expected, name


def load_handbook_files(schema_name: str) -> list[object]:
    """The data of every file of the handbook's content that `schema_name` describes."""
    kinds = FOLDERS | TRAINING_FOLDERS
    folders = [folder for folder, name in kinds.items() if name == schema_name]
    files = [REPO / "content" / file for file, name in (SINGLE_FILES | OPTIONAL_FILES | TRAINING_FILES).items() if name == schema_name]
    files += [path for folder in folders for path in sorted((REPO / "content" / folder).glob("*.yaml"))]
    return [yaml.safe_load(path.read_text(encoding="utf-8")) for path in files if path.is_file()]


def test_a_reference_back_into_itself_stays_a_reference():
    schemas = {
        "tree.schema.json": {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$defs": {"node": {"type": "object", "properties": {"children": {"items": {"$ref": "#/$defs/node"}}}}},
        }
    }
    schemas["a.schema.json"] = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$ref": "tree.schema.json#/$defs/node",
        "description": "a tree",
    }
    inlined = inline_refs(schemas["a.schema.json"], "a.schema.json", schemas)
    assert inlined["description"] == "a tree"
    assert inlined["allOf"][0]["properties"]["children"]["items"] == {"$ref": "tree.schema.json#/$defs/node"}
    registry = Registry().with_resources((name, Resource.from_contents(schema)) for name, schema in schemas.items())
    errors = list(Draft202012Validator(inlined, registry=registry).iter_errors({"children": [{"children": [{"children": [1]}]}]}))
    assert [list(error.absolute_path) for error in errors] == [["children", 0, "children", 0, "children", 0]]
