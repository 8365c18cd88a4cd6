"""A bigger handbook made from a real one, to measure how the build grows with the content.

The handbook is copied `scale` times. Every copy renames what a handbook has more of as it
grows (guidelines, phrase lists, phrases and source points) by the same suffix, and with them
every reference to them (related, phrases, sources, card phrases, `instead`, links in texts,
phrase keys in text blocks), so each copy is a complete, valid handbook of its own that links
only within itself. What stays the same size as a handbook grows is shared: the sections, tags,
source documents, interface words and home page. The first copy keeps the original ids.

Every configured language gets a text wherever the default language has one, so the generated
handbook builds every language in full, as a finished translation would, and every translation is
recorded as up to date in the translation lock.

    python tools/synthetic.py --scale 16 --out /tmp/handbook-16x/content
"""

from __future__ import annotations

import argparse
import copy
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from sitecopy import REPO

sys.path.insert(0, str(REPO / "hooks"))

from handbook.freshness import LOCK_FILE, Lock, mark_translated, write_lock
from handbook.loader import FOLDERS, SINGLE_FILES
from handbook.project import read_project
from handbook.richtext import link_target_spans, parse_target
from handbook.yamlfile import YamlFile

Rename = Callable[[str], str]


class _Dumper(yaml.SafeDumper):
    """Writes every repeated value out in full: content files may not use anchors or aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Texts of several lines as `|` blocks, the way editors write them."""
    style = "|" if "\n" in text else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


@dataclass(frozen=True)
class _Copy:
    """One copy of the handbook: how it renames the ids that grow with the handbook."""

    suffix: str
    guidelines: frozenset[str]
    phrase_lists: frozenset[str]

    def id(self, item_id: str) -> str:
        return item_id + self.suffix

    def guideline(self, item_id: str) -> str:
        return self.id(item_id) if item_id in self.guidelines else item_id

    def source_point(self, ref: str) -> str:
        source, _, point = ref.partition("/")
        return f"{source}/{self.id(point)}"

    def links(self, text: str) -> str:
        """A rich text with its links to guidelines and phrase lists pointing into this copy."""
        for offset, raw in reversed(link_target_spans(text)):
            target = parse_target(raw)
            if target is None:
                continue
            if target.kind == "guideline" and target.value in self.guidelines:
                renamed = self.id(target.value)
            elif target.kind == "phrases" and target.value in self.phrase_lists:
                renamed = f"phrases/{self.id(target.value)}"
            else:
                continue
            text = text[:offset] + renamed + text[offset + len(raw) :]
        return text


def scale_content(source: Path, out: Path, scale: int, languages: Sequence[str], default: str) -> None:
    """Write a handbook `scale` times the size of the one in `source` to `out` (a content folder)."""
    if scale < 1:
        raise ValueError("the scale must be at least 1")
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty: choose a new folder")
    guidelines = {path.stem: read_content_file(path) for path in sorted((source / "guidelines").glob("*.yaml"))}
    phrase_lists = {path.stem: read_content_file(path) for path in sorted((source / "phrases").glob("*.yaml"))}
    copies = [
        _Copy(
            "" if number == 1 else f"-{number}",
            frozenset(data["id"] for data in guidelines.values()),
            frozenset(data["id"] for data in phrase_lists.values()),
        )
        for number in range(1, scale + 1)
    ]
    fill = _language_filler(languages, default)

    for filename in SINGLE_FILES:
        data = read_content_file(source / filename)
        if filename == "sources.yaml":
            data = _scaled_sources(data, copies)
        if "text" in data:
            data["text"] = fill(data["text"])
        write_content_file(out / filename, data, SINGLE_FILES[filename], depth=0)
    for each in copies:
        for data in guidelines.values():
            renamed = _guideline_copy(data, each)
            renamed["text"] = fill(renamed["text"])
            write_content_file(out / "guidelines" / f"{renamed['id']}.yaml", renamed, FOLDERS["guidelines"], depth=1)
        for data in phrase_lists.values():
            renamed = _phrase_list_copy(data, each)
            renamed["text"] = fill(renamed["text"])
            write_content_file(out / "phrases" / f"{renamed['id']}.yaml", renamed, FOLDERS["phrases"], depth=1)
    files = [YamlFile(path, f"content/{path.relative_to(out).as_posix()}", read_content_file(path)) for path in sorted(out.rglob("*.yaml"))]
    translated = [language for language in languages if language != default]
    write_lock(out / LOCK_FILE, mark_translated(Lock(), files, translated, default, everything=True), list(languages))


def _scaled_sources(data: dict[str, Any], copies: list[_Copy]) -> dict[str, Any]:
    scaled = copy.deepcopy(data)
    for source in scaled["sources"]:
        source["points"] = [{**point, "id": each.id(point["id"])} for each in copies for point in source["points"]]
    return scaled


def _guideline_copy(data: dict[str, Any], each: _Copy) -> dict[str, Any]:
    renamed = copy.deepcopy(data)
    renamed["id"] = each.id(data["id"])
    renamed["related"] = [each.guideline(item) for item in data.get("related", [])]
    renamed["phrases"] = [each.id(item) for item in data.get("phrases", [])]
    renamed["sources"] = [each.source_point(ref) for ref in data.get("sources", [])]
    if "card" in data and "phrases" in data["card"]:
        renamed["card"]["phrases"] = [each.id(item) for item in data["card"]["phrases"]]
    renamed["text"] = _map_strings(renamed["text"], each.links)
    return renamed


def _phrase_list_copy(data: dict[str, Any], each: _Copy) -> dict[str, Any]:
    renamed = copy.deepcopy(data)
    renamed["id"] = each.id(data["id"])
    for entry in renamed["phrases"]:
        entry["id"] = each.id(entry["id"])
        if entry.get("instead"):
            entry["instead"] = each.id(entry["instead"])
    for block in renamed["text"].values():
        for part in ("phrases", "why"):
            if part in block:
                block[part] = {each.id(key): value for key, value in block[part].items()}
    return renamed


def _language_filler(languages: Sequence[str], default: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """Text blocks in every language: what a language lacks comes from the default language."""

    def fill(texts: dict[str, Any]) -> dict[str, Any]:
        reference = texts.get(default, {})
        return {language: _merged(reference, texts.get(language, {})) for language in languages}

    return fill


def _merged(reference: Any, own: Any) -> Any:
    if not (isinstance(reference, dict) and isinstance(own, dict)):
        return copy.deepcopy(own)
    merged = {key: _merged(value, own[key]) if key in own else copy.deepcopy(value) for key, value in reference.items()}
    merged.update({key: copy.deepcopy(value) for key, value in own.items() if key not in reference})
    return merged


def _map_strings(value: Any, change: Rename) -> Any:
    if isinstance(value, str):
        return change(value)
    if isinstance(value, list):
        return [_map_strings(item, change) for item in value]
    if isinstance(value, dict):
        return {key: _map_strings(item, change) for key, item in value.items()}
    return value


def read_content_file(path: Path) -> dict[str, Any]:
    """A content file as plain data (the tools read only content that validates)."""
    return yaml.safe_load(path.read_text(encoding="utf-8-sig"))


def write_content_file(path: Path, data: dict[str, Any], schema_name: str, *, depth: int) -> None:
    """A content file with its editor modeline, as the real ones start."""
    path.parent.mkdir(parents=True, exist_ok=True)
    modeline = f"# yaml-language-server: $schema={'../' * (depth + 1)}schema/{schema_name}\n"
    body = yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1000)
    path.write_text(modeline + body, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, required=True, help="how many copies of the handbook to make (1 or more)")
    parser.add_argument("--out", type=Path, required=True, help="the content folder to write (replaced if it exists)")
    parser.add_argument("--source", type=Path, default=REPO / "content", help="the content folder to copy (default: content/)")
    args = parser.parse_args(argv)
    project = read_project(REPO)
    scale_content(args.source, args.out, args.scale, project.languages, project.default_language)
    print(f"wrote a handbook {args.scale}x the size of {args.source} to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
