"""What trainers see in their editor, from the JSON Schemas alone: ids and languages are offered as
they type, unknown ones are flagged, and the schemas pass a strict validator.

schema/ids.schema.json lists the ids and languages in use; `make check` and every build write it
from the content. These tests run the editor's own YAML language server (yaml-language-server,
as VS Code's YAML extension runs it) and Ajv in strict mode, both pinned in package.json.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator
from referencing import Registry, Resource

from handbook.cli import main as handbook_cli
from handbook.idschema import IDS_SCHEMA, ids_schema, open_ids_schema, schema_text
from handbook.loader import load_handbook
from handbook.project import read_project
from langserver import LanguageServer
from projects import REPO, make_project

LISTEN = "content/guidelines/listen-actively.yaml"
STRICT = REPO / "tests" / "js" / "schema-strict.mjs"


def test_the_committed_ids_schema_is_current():
    project = read_project(REPO)
    committed = (REPO / "schema" / IDS_SCHEMA).read_text(encoding="utf-8")
    assert committed == schema_text(ids_schema(load_handbook(project), project.names)), (
        "schema/ids.schema.json is out of date: run `make check`"
    )


def test_check_writes_the_ids_schema_when_the_ids_change(project: Path, capsys, monkeypatch):
    monkeypatch.chdir(project)
    assert handbook_cli(["check"]) == 0  # the copied schema lists the real handbook's ids
    assert "updated schema/ids.schema.json" in capsys.readouterr().out
    written = json.loads((project / "schema" / IDS_SCHEMA).read_text(encoding="utf-8"))["$defs"]
    assert written["guideline"]["enum"] == ["listen-actively", "apologise-sincerely", "offer-solutions"]
    assert list(written["languages"]["properties"]) == ["en", "hr", "es", "el", "sv"]
    assert handbook_cli(["check"]) == 0
    assert "updated" not in capsys.readouterr().out  # written only when something changed


# -- the schemas alone, as any JSON Schema tool reads them -------------------------------------


def editor_validator(schema_dir: Path, name: str) -> Draft202012Validator:
    """A validator over the schema files as they are on disk, ids.schema.json included."""
    schemas = {path.name: json.loads(path.read_text(encoding="utf-8")) for path in schema_dir.glob("*.schema.json")}
    registry = Registry().with_resources((key, Resource.from_contents(value)) for key, value in schemas.items())
    return Draft202012Validator(schemas[name], registry=registry)


def test_the_schemas_alone_refuse_unknown_ids_and_languages():
    validator = editor_validator(REPO / "schema", "guideline.schema.json")
    guideline = yaml.safe_load((REPO / LISTEN).read_text(encoding="utf-8"))
    assert list(validator.iter_errors(guideline)) == []

    def errors(**changes: object) -> list[str]:
        return [error.message for error in validator.iter_errors({**guideline, **changes})]

    assert errors(related=["no-such-guideline"]) == ["'no-such-guideline' is not one of " + repr(validator_enum("guideline"))]
    assert errors(text={**guideline["text"], "xx": {"title": "X"}}) == ["Additional properties are not allowed ('xx' was unexpected)"]
    for key, value in (("section", "no-such-section"), ("tags", ["no-such-tag"]), ("phrases", ["no-such-phrase"])):
        assert len(errors(**{key: value})) == 1, key
    assert len(errors(sources=["hr-empathy-statements/no-such-point"])) == 1
    assert len(errors(card={"phrases": ["no-such-phrase"]})) == 1


def validator_enum(kind: str) -> list[str]:
    return json.loads((REPO / "schema" / IDS_SCHEMA).read_text(encoding="utf-8"))["$defs"][kind]["enum"]


def test_every_content_file_passes_the_schemas_editors_use():
    """No false alarm in the editor: the real content is valid against the ids it defines."""
    names = {"guidelines": "guideline.schema.json", "phrases": "phrase-list.schema.json"}
    checked = 0
    for path in sorted((REPO / "content").rglob("*.yaml")):
        schema = names.get(path.parent.name) or f"{path.stem}.schema.json"
        if not (REPO / "schema" / schema).exists():
            continue  # the translation lock: machine-written, checked by the loader
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert [error.message for error in editor_validator(REPO / "schema", schema).iter_errors(data)] == [], path
        checked += 1
    assert checked >= 50


def test_the_build_reports_what_the_editor_flags_with_line_column_and_hint(project: Path):
    from conftest import problems_of

    text = (project / LISTEN).read_text(encoding="utf-8")
    text = text.replace("related: [apologise-sincerely]", "related: [no-such-guideline]").replace("  hr:\n", "  xx:\n", 1)
    (project / LISTEN).write_text(text, encoding="utf-8")
    assert problems_of(project) == [
        f"{LISTEN}:6:11: unknown guideline 'no-such-guideline' (allowed: apologise-sincerely, listen-actively, offer-solutions)",
        f"{LISTEN}:22:3: language 'xx' is not configured in mkdocs.yml"
        " (configured: en, hr, es, el, sv; add it under plugins > i18n > languages, or fix the code)",
    ]


# -- Ajv in strict mode -------------------------------------------------------------------------


def run_strict(schema_dir: Path) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    assert node, "Node.js is missing: install Debian's nodejs package"
    assert (REPO / "node_modules" / "ajv").exists(), "ajv is missing: run `npm ci` (make test does)"
    return subprocess.run([node, str(STRICT), str(schema_dir)], capture_output=True, text=True, timeout=120, check=False)


def test_ajv_strict_compiles_every_schema(tmp_path: Path):
    committed = run_strict(REPO / "schema")
    assert committed.returncode == 0, committed.stdout + committed.stderr
    names = sorted(path.name for path in (REPO / "schema").glob("*.schema.json"))
    assert committed.stdout.split() == [word for name in names for word in ("ok", name)]

    # ...and with the open form of the ids the build validates with
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    (tmp_path / "schema" / IDS_SCHEMA).write_text(schema_text(open_ids_schema()), encoding="utf-8")
    built = run_strict(tmp_path / "schema")
    assert built.returncode == 0, built.stdout + built.stderr


def test_ajv_strict_names_a_schema_it_refuses(tmp_path: Path):
    shutil.copytree(REPO / "schema", tmp_path / "schema")
    tags = tmp_path / "schema" / "tags.schema.json"
    tags.write_text(tags.read_text(encoding="utf-8").replace('"type": "array", "allOf"', '"allOf"'), encoding="utf-8")
    refused = run_strict(tmp_path / "schema")
    assert refused.returncode == 1
    assert 'FAIL tags.schema.json: strict mode: missing type "array" for keyword "minItems"' in refused.stdout


# -- the editor's own language server -----------------------------------------------------------


@pytest.fixture(scope="module")
def editor(tmp_path_factory: pytest.TempPathFactory):
    """yaml-language-server on a copy of the real handbook (content and schemas as committed)."""
    root = make_project(tmp_path_factory.mktemp("editor") / "project", content=REPO / "content")
    with LanguageServer(root) as server:
        yield server, root


# The last line is where a new language block would start: two spaces of indentation.
NEW_GUIDELINE = (
    """\
# yaml-language-server: $schema=../../schema/guideline.schema.json
id: new-guideline
section: listen
related: [listen-actively, ]
phrases:
  - mm-hmm
sources: [hr-empathy-statements/apologise]
text:
  en:
    title: New
  hr:
    title: Novo
"""
    + "  \n"
)


def test_the_editor_finds_nothing_wrong_in_the_content(editor):
    server, root = editor
    files = sorted((root / "content").rglob("*.yaml"))
    opened = [server.open(path) for path in files]
    assert {uri: server.diagnostics(uri) for uri in opened if server.diagnostics(uri)} == {}
    assert len(files) >= 50


def test_the_editor_flags_an_unknown_guideline_and_an_unknown_language(editor):
    server, root = editor
    text = NEW_GUIDELINE.replace("related: [listen-actively, ]", "related: [listen-actively, no-such-guideline]")
    text = text.replace("  hr:\n", "  xx:\n")
    uri = server.open(root / "content/guidelines/flagged.yaml", text)
    found = [(d["range"]["start"]["line"], d["range"]["start"]["character"], d["message"]) for d in server.diagnostics(uri)]
    assert [(line, column) for line, column, _ in found] == [(3, 27), (10, 2)]
    assert found[0][2].startswith('Value is not accepted. Valid values: "smile-genuinely", "listen-actively"')
    assert found[1][2] == "Property xx is not allowed."


def test_the_editor_offers_the_ids_in_use(editor):
    server, root = editor
    uri = server.open(root / "content/guidelines/offered.yaml", NEW_GUIDELINE)
    handbook = load_handbook(read_project(REPO))

    def offered(line: int, character: int) -> list[str]:
        return [item["label"] for item in server.completions(uri, line, character)]

    assert offered(3, len("related: [listen-actively, ")) == [guideline.id for guideline in handbook.guidelines_in_order()]
    assert offered(2, len("section: ")) == list(handbook.sections)
    assert "mm-hmm" in offered(5, len("  - "))
    assert "hr-empathy-statements/apologise" in offered(6, len("sources: ["))


def test_the_editor_offers_and_explains_the_missing_languages(editor):
    server, root = editor
    uri = server.open(root / "content/guidelines/languages.yaml", NEW_GUIDELINE)
    offered = {item["label"]: item.get("documentation", "") for item in server.completions(uri, 12, 2)}
    assert sorted(offered) == ["el", "es", "sv"]  # en and hr are there already
    assert offered["sv"].startswith("Svenska (sv). Leave out what is not translated yet")
    assert "python -m handbook translated sv <file>" in offered["sv"]
    assert "Hrvatski \\(hr\\)" in server.hover(uri, 10, 3)
