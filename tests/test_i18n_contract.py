"""What the hooks read of mkdocs-static-i18n beyond its documented options (hooks/sitebuild/i18n.py):
which language is being built, and whether a build is one of the nested ones. If a later version
changes either, this fails before any page comes out in the wrong language."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from projects import make_project, write
from sites import LANGUAGES, build_site

pytestmark = pytest.mark.build

PROBE = """
import json, os
from sitebuild import i18n

def on_files(files, *, config):
    with open(os.environ["I18N_PROBE"], "a", encoding="utf-8") as handle:
        handle.write(json.dumps([i18n.current_language(config), i18n.in_nested_build(config), i18n.built_languages(config)]) + "\\n")
    return files
"""


def test_each_language_build_is_told_apart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    project = make_project(tmp_path / "project")
    write(project, "hooks/i18n_probe.py", PROBE)
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text(encoding="utf-8").replace("hooks:\n", "hooks:\n  - hooks/i18n_probe.py\n", 1), encoding="utf-8")
    probe = tmp_path / "probe.jsonl"
    monkeypatch.setenv("I18N_PROBE", str(probe))
    result = build_site(project)
    assert result.returncode == 0, result.stderr
    seen = [json.loads(line) for line in probe.read_text(encoding="utf-8").splitlines()]
    assert [language for language, _, _ in seen] == list(LANGUAGES)
    assert [nested for _, nested, _ in seen] == [False] + [True] * (len(LANGUAGES) - 1)
    assert all(built == list(LANGUAGES) for _, _, built in seen)
