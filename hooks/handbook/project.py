"""Where a handbook lives and which languages it has, read from the one place that lists them.

The language list lives only in mkdocs.yml (plugins > i18n > languages). The build hands it over
from the MkDocs config; the command line reads mkdocs.yml itself, without importing MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from yaml_env_tag import construct_env_tag


@dataclass(frozen=True)
class Project:
    """A handbook checkout: its root folder and its languages, default first."""

    root: Path
    languages: tuple[str, ...]
    default_language: str
    language_names: tuple[tuple[str, str], ...] = ()

    @property
    def content_dir(self) -> Path:
        return self.root / "content"

    @property
    def schema_dir(self) -> Path:
        return self.root / "schema"

    @property
    def names(self) -> dict[str, str]:
        return dict(self.language_names)

    def display_name(self, path: Path) -> str:
        return path.relative_to(self.root).as_posix()


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml: environment variables (!ENV) as MkDocs reads them, and without MkDocs' other
    tags (!!python/name...), which only MkDocs resolves."""


def _ignore_tag(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> Any:
    return None


_ConfigLoader.add_multi_constructor("!", _ignore_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)
_ConfigLoader.add_constructor("!ENV", construct_env_tag)


class ProjectConfigError(Exception):
    """mkdocs.yml does not say which languages to build."""


def read_config(root: Path) -> dict[str, Any]:
    """mkdocs.yml of the project at `root`, as plain data."""
    config_path = root / "mkdocs.yml"
    try:
        config = yaml.load(config_path.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    except (OSError, yaml.YAMLError) as error:
        raise ProjectConfigError(f"{config_path}: cannot read it ({error})") from error
    if not isinstance(config, dict):
        raise ProjectConfigError(f"{config_path}: expected the MkDocs settings, found {type(config).__name__}")
    return config


def read_project(root: Path) -> Project:
    """The project at `root`, with languages as configured for mkdocs-static-i18n."""
    return project_from_languages(root, i18n_options(read_config(root)).get("languages") or [])


def i18n_options(config: dict[str, Any]) -> dict[str, Any]:
    """The options of the i18n plugin in mkdocs.yml settings."""
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            return plugin["i18n"] or {}
    raise ProjectConfigError("mkdocs.yml: no 'i18n' plugin with languages is configured")


def project_from_languages(root: Path, languages: list[dict[str, Any]]) -> Project:
    """Build a Project from i18n language entries (dicts with locale, name, default, build).

    Every configured language is a language of the handbook, whether or not this build makes its
    pages (`build: false`, a preview of some languages): the content checks, the cue cards and the
    language names always know all of them.
    """
    configured = [entry for entry in languages if entry.get("locale") != "null"]
    defaults = [entry["locale"] for entry in configured if entry.get("default")]
    if not configured or not defaults:
        raise ProjectConfigError("mkdocs.yml: plugins > i18n > languages needs one language with 'default: true'")
    codes = [defaults[0]] + [entry["locale"] for entry in configured if entry["locale"] != defaults[0]]
    names = tuple((entry["locale"], entry.get("name") or entry["locale"]) for entry in configured)
    return Project(root=root, languages=tuple(codes), default_language=defaults[0], language_names=names)
