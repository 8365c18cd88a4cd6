"""Find the content files, load and schema-check each, and build the handbook model.

A file with problems never stops the others from being checked: the goal is one run that
reports everything. A file that fails its schema still lends its ids to the reference checks,
so one typo does not cascade into dozens of "unknown id" reports elsewhere.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from .cards import check_cards
from .errors import ContentError, Problems
from .freshness import LOCK_FILE, LOCK_MAX_BYTES, LOCK_REPAIR, Lock, check_lock, compare
from .model import (
    Guideline,
    Handbook,
    Origin,
    Phrase,
    PhraseList,
    Section,
    Source,
    SourcePoint,
    Tag,
    register_unique,
)
from .project import Project
from .references import check_references
from .schema import SchemaSet, describe_value, suggest_id
from .sheets import check_sheets
from .training import FILES as TRAINING_FILES
from .training import FOLDERS as TRAINING_FOLDERS
from .training import build_training, check_training
from .yamlfile import YamlFile, load_yaml_file

SINGLE_FILES = {
    "handbook.yaml": "handbook.schema.json",
    "ui.yaml": "ui.schema.json",
    "sections.yaml": "sections.schema.json",
    "tags.yaml": "tags.schema.json",
    "sources.yaml": "sources.schema.json",
}
# Read when present: search works without synonyms.
OPTIONAL_FILES = {"search.yaml": "search.schema.json"}
FOLDERS = {"guidelines": "guideline.schema.json", "phrases": "phrase-list.schema.json"}
IGNORED_SUFFIXES = (".md", ".txt")
# Editors' notes kept beside the content (replies to language reviews): not read by the build.
NOTES_FOLDERS = {"reviews"}


@dataclass
class _Loaded:
    """Files sorted into what is usable and which kinds have a broken member."""

    files: dict[str, list[YamlFile]] = field(default_factory=dict)
    broken: dict[str, list[YamlFile]] = field(default_factory=dict)
    unreadable: set[str] = field(default_factory=set)


def load_handbook(project: Project) -> Handbook:
    """Load, validate and cross-reference all content; raise ContentError listing every problem."""
    problems = Problems()
    loaded = _load_files(project, problems)
    handbook = _build(project, loaded, problems)
    known = _KnownIds(loaded)
    check_references(handbook, known, problems)
    check_training(handbook, known, problems)
    check_cards(handbook, project.names, problems)
    check_sheets(handbook, project.names, problems)
    if problems:
        raise ContentError(problems)
    lock = _one(loaded, LOCK_FILE)
    text_files = [file for kind, files in loaded.files.items() if kind not in ("sources.yaml", LOCK_FILE) for file in files]
    handbook.freshness = compare(Lock.of(lock.data if lock else None), text_files, handbook.languages, handbook.default_language)
    return handbook


def _load_files(project: Project, problems: Problems) -> _Loaded:
    loaded = _Loaded()
    content = project.content_dir
    if not content.is_dir():
        problems.add(
            project.display_name(content) if content.exists() else "content/",
            message="the content folder is missing",
            hint="create content/ next to mkdocs.yml",
        )
        return loaded

    schemas = SchemaSet(project.schema_dir)

    def take(path: Path, schema_name: str, kind: str) -> None:
        file = load_yaml_file(path, project.display_name(path), problems)
        if file is None:
            loaded.unreadable.add(kind)
            return
        if not isinstance(file.data, dict):
            file.problem(
                problems,
                (),
                f"expected a mapping of 'key: value' lines, found {describe_value(file.data)}",
                "write 'key: value' lines, like the other files of this kind",
            )
            loaded.unreadable.add(kind)
            return
        file.kind = schema_name.removesuffix(".schema.json")
        if schemas.check(file, schema_name, problems):
            loaded.files.setdefault(kind, []).append(file)
        else:
            loaded.broken.setdefault(kind, []).append(file)

    for filename, schema_name in SINGLE_FILES.items():
        path = content / filename
        if path.is_file():
            take(path, schema_name, filename)
        else:
            problems.add(
                f"content/{filename}", message="required file is missing", hint=f"create it; its format is in schema/{schema_name}"
            )
            loaded.unreadable.add(filename)
    # Which text each translation was made from (freshness.py): machine-written, and optional.
    if (content / LOCK_FILE).is_file():
        name = project.display_name(content / LOCK_FILE)
        lock = load_yaml_file(content / LOCK_FILE, name, problems, LOCK_MAX_BYTES)
        if lock is None:
            problems.add(name, message="the translation lock cannot be read", hint=LOCK_REPAIR)
        elif check_lock(lock, problems):
            loaded.files[LOCK_FILE] = [lock]
    optional = OPTIONAL_FILES | TRAINING_FILES  # the search words and the course's files
    for filename, schema_name in optional.items():
        if (content / filename).is_file():
            take(content / filename, schema_name, filename)
    for entry in sorted(content.iterdir()):
        if entry.is_file() and entry.name not in SINGLE_FILES | optional and entry.name != LOCK_FILE and not _ignored(entry):
            problems.add(project.display_name(entry), message="unexpected file in content/", hint=_where_hint(entry.name))
        elif (
            entry.is_dir() and entry.name not in FOLDERS.keys() | TRAINING_FOLDERS.keys() | NOTES_FOLDERS and not entry.name.startswith(".")
        ):
            problems.add(
                project.display_name(entry),
                message="unexpected folder in content/",
                hint="guidelines go in content/guidelines/, phrase lists in content/phrases/",
            )
    for folder, schema_name in (FOLDERS | TRAINING_FOLDERS).items():
        directory = content / folder
        if folder in TRAINING_FOLDERS and not directory.is_dir():
            continue  # the course's folders are optional
        if not directory.is_dir():
            problems.add(f"content/{folder}/", message="folder is missing", hint=f"create it; its files follow schema/{schema_name}")
            continue
        for path in sorted(directory.iterdir()):
            if _ignored(path):
                continue
            name = project.display_name(path)
            if path.is_dir():
                problems.add(
                    name, message=f"folders inside content/{folder}/ are not read", hint=f"put the file directly in content/{folder}/"
                )
            elif path.suffix != ".yaml":
                hint = f"rename it to {path.stem}.yaml" if path.suffix == ".yml" else f"content/{folder}/ holds only .yaml files"
                problems.add(name, message=f"'{path.name}' is not a .yaml file", hint=hint)
            elif suggest_id(path.stem) != path.stem:
                problems.add(
                    name,
                    message=f"file name '{path.name}' is not a valid id",
                    hint=f"rename it to {suggest_id(path.stem)}.yaml and set 'id: {suggest_id(path.stem)}'",
                )
                loaded.unreadable.add(folder)
            else:
                take(path, schema_name, folder)
    return loaded


def _ignored(path: Path) -> bool:
    """Editor and system leftovers are not content."""
    name = path.name
    return name.startswith(".") or name.endswith("~") or name.endswith(IGNORED_SUFFIXES)


def _where_hint(name: str) -> str:
    if name.endswith((".yaml", ".yml")):
        return "guidelines go in content/guidelines/, phrase lists in content/phrases/, conversations in content/conversations/"
    return "content/ holds only the YAML content files"


class _KnownIds:
    """Ids defined anywhere, including in files that failed their schema, and whether a kind is incomplete."""

    def __init__(self, loaded: _Loaded) -> None:
        self.loaded = loaded

    def incomplete(self, folder: str) -> bool:
        """True when some file of this kind could not be used, so absence proves nothing."""
        return folder in self.loaded.unreadable or bool(self.loaded.broken.get(folder))

    @cached_property
    def broken_ids(self) -> dict[str, set[str]]:
        ids: dict[str, set[str]] = {
            "guidelines": set(),
            "phrases": set(),
            "phrase-lists": set(),
            "sections": set(),
            "tags": set(),
            "sources": set(),
            "conversations": set(),
            "role-plays": set(),
            "self-checks": set(),
            "slots": set(),
        }
        for folder, key in (("conversations", "id"), ("role-plays", "id"), ("self-checks", "section")):
            ids[folder].update(str(file.data.get(key, file.path.stem)) for file in self.loaded.broken.get(folder, []))
        for file in self.loaded.broken.get("local-procedures.yaml", []):
            ids["slots"].update(str(s.get("id")) for s in _list(file.data.get("slots")) if isinstance(s, dict))
        for file in self.loaded.broken.get("guidelines", []):
            ids["guidelines"].add(str(file.data.get("id", file.path.stem)))
        for file in self.loaded.broken.get("phrases", []):
            ids["phrase-lists"].add(str(file.data.get("id", file.path.stem)))
            for phrase in _list(file.data.get("phrases")):
                if isinstance(phrase, dict):
                    ids["phrases"].add(str(phrase.get("id")))
        for file in self.loaded.broken.get("sections.yaml", []):
            ids["sections"].update(str(s.get("id")) for s in _list(file.data.get("sections")) if isinstance(s, dict))
        for file in self.loaded.broken.get("tags.yaml", []):
            ids["tags"].update(str(t) for t in _list(file.data.get("tags")))
        for file in self.loaded.broken.get("sources.yaml", []):
            for source in _list(file.data.get("sources")):
                if isinstance(source, dict):
                    for point in _list(source.get("points")):
                        if isinstance(point, dict):
                            ids["sources"].add(f"{source.get('id')}/{point.get('id')}")
        return ids

    def maybe_defined(self, kind: str, item_id: str) -> bool:
        """True when an unknown id might be defined in a file we could not fully read."""
        folder = {
            "guidelines": "guidelines",
            "phrases": "phrases",
            "phrase-lists": "phrases",
            "sections": "sections.yaml",
            "tags": "tags.yaml",
            "sources": "sources.yaml",
            "conversations": "conversations",
            "role-plays": "role-plays",
            "self-checks": "self-checks",
            "slots": "local-procedures.yaml",
        }[kind]
        return folder in self.loaded.unreadable or item_id in self.broken_ids[kind]


def _list(value: Any) -> list:
    return value if isinstance(value, list) else []


def _one(loaded: _Loaded, filename: str) -> YamlFile | None:
    files = loaded.files.get(filename)
    return files[0] if files else None


def _build(project: Project, loaded: _Loaded, problems: Problems) -> Handbook:
    origins: dict[str, Origin] = {}
    handbook_file = _one(loaded, "handbook.yaml")
    ui_file = _one(loaded, "ui.yaml")
    for key, file in (("handbook", handbook_file), ("ui", ui_file)):
        if file:
            origins[key] = Origin(file)

    sections: dict[str, Section] = {}
    if file := _one(loaded, "sections.yaml"):
        origins["sections"] = Origin(file)
        texts = file.data["text"]
        for index, entry in enumerate(file.data["sections"]):
            sid = entry["id"]
            section_texts = {lang: block[sid] for lang, block in texts.items() if sid in block}
            register_unique(sections, sid, Section(sid, section_texts, Origin(file, ("sections", index))), "section", problems)

    tags: dict[str, Tag] = {}
    if file := _one(loaded, "tags.yaml"):
        origins["tags"] = Origin(file)
        for index, tid in enumerate(file.data["tags"]):
            labels = {lang: block[tid] for lang, block in file.data["text"].items() if tid in block}
            register_unique(tags, tid, Tag(tid, labels, Origin(file, ("tags", index))), "tag", problems)

    sources: dict[str, Source] = {}
    if file := _one(loaded, "sources.yaml"):
        origins["sources"] = Origin(file)
        for index, entry in enumerate(file.data["sources"]):
            points: dict[str, SourcePoint] = {}
            for p_index, point in enumerate(entry["points"]):
                origin = Origin(file, ("sources", index, "points", p_index))
                register_unique(
                    points, point["id"], SourcePoint(entry["id"], point["id"], point["point"], origin), "source point", problems
                )
            source = Source(
                entry["id"],
                entry["language"],
                entry["title"],
                entry.get("note", ""),
                list(points.values()),
                Origin(file, ("sources", index)),
            )
            register_unique(sources, entry["id"], source, "source", problems)

    guidelines: dict[str, Guideline] = {}
    for file in loaded.files.get("guidelines", []):
        data = file.data
        guideline = Guideline(
            id=data["id"],
            section=data["section"],
            order=data.get("order", 0),
            tags=data.get("tags", []),
            related=data.get("related", []),
            phrases=data.get("phrases", []),
            sources=data["sources"],
            card_phrases=data.get("card", {}).get("phrases", []),
            texts=data["text"],
            origin=Origin(file),
        )
        if guideline.id in guidelines:
            register_unique(guidelines, guideline.id, guideline, "guideline", problems)
        else:
            _check_file_name(file, problems)
            guidelines[guideline.id] = guideline

    phrase_lists: dict[str, PhraseList] = {}
    phrases: dict[str, Phrase] = {}
    for file in loaded.files.get("phrases", []):
        data = file.data
        texts = data["text"]
        phrase_ids = []
        for index, entry in enumerate(data["phrases"]):
            pid = entry["id"]
            phrase_ids.append(pid)
            phrase = Phrase(
                id=pid,
                list_id=data["id"],
                kind=entry.get("kind", "say"),
                instead=entry.get("instead"),
                texts={lang: block["phrases"][pid] for lang, block in texts.items() if pid in block.get("phrases", {})},
                why={lang: block["why"][pid] for lang, block in texts.items() if pid in block.get("why", {})},
                origin=Origin(file, ("phrases", index)),
            )
            register_unique(phrases, pid, phrase, "phrase", problems)
        list_texts = {lang: {k: v for k, v in block.items() if k in ("title", "summary")} for lang, block in texts.items()}
        phrase_list = PhraseList(data["id"], data.get("order", 0), phrase_ids, list_texts, Origin(file))
        if phrase_list.id in phrase_lists:
            register_unique(phrase_lists, phrase_list.id, phrase_list, "phrase list", problems)
        else:
            _check_file_name(file, problems)
            phrase_lists[phrase_list.id] = phrase_list

    training = build_training(loaded.files, problems)
    synonyms: dict[str, dict[str, str]] = {}
    spellings: dict[str, list[str]] = {}
    if file := _one(loaded, "search.yaml"):
        origins["search"] = Origin(file)
        for group in file.data["synonyms"]:
            synonyms[group] = {lang: block[group] for lang, block in file.data["text"].items() if group in block}
        spellings = file.data.get("spellings", {})

    return Handbook(
        languages=list(project.languages),
        default_language=project.default_language,
        texts=handbook_file.data["text"] if handbook_file else {},
        ui=ui_file.data["text"] if ui_file else {},
        ui_keys=list(_ui_keys(project)),
        sections=sections,
        guidelines=guidelines,
        phrase_lists=phrase_lists,
        phrases=phrases,
        tags=tags,
        sources=sources,
        origins=origins,
        training=training,
        synonyms=synonyms,
        spellings=spellings,
    )


def _check_file_name(file: YamlFile, problems: Problems) -> None:
    if file.data["id"] != file.path.stem:
        file.problem(
            problems,
            ("id",),
            f"id '{file.data['id']}' does not match the file name '{file.path.name}'",
            f"rename the file to {file.data['id']}.yaml, or set 'id: {file.path.stem}'",
        )


def _ui_keys(project: Project) -> list[str]:
    """The interface words are exactly those the schema declares: one list, used by editors too."""
    schema = json.loads((project.schema_dir / "ui.schema.json").read_text(encoding="utf-8"))
    return list(schema["$defs"]["words"]["properties"])
