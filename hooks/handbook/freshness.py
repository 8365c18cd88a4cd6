"""Which translations still say what the default-language text says now, text by text.

A translation is made from one version of the default-language text (English here). When a
trainer rewrites that text, every translation of it is *outdated* until its translator has looked
at it again. The content files cannot tell: so `content/translations.lock.yaml` records, for each
language, file and text, a fingerprint of the default-language text that translation was made
from, and keeps each recorded text once (by fingerprint) so the report can show what it said
then beside what it says now. One file, written only by `python -m handbook translated`, keeps
this out of the content files that trainers edit, and out of their merges.

A fingerprint ignores whitespace, so re-wrapping a paragraph or adding a trailing space outdates
nothing. A translation with no record (added after the lock was last written) counts as outdated:
nobody has said yet which text it translates. A text the language lacks is *missing* instead
(see translation.py), never outdated. Only texts that line up with a default-language text at the
same place are tracked: a language's own shorter card wording, where the default language has
none, follows that language's page text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .errors import Problems
from .yamlfile import YamlFile

LOCK_FILE = "translations.lock.yaml"
LOCK_MAX_BYTES = 32 * 1024 * 1024  # machine-written, and grows with the handbook times its languages
FINGERPRINT_LENGTH = 12

_HEADER = """\
# Which version of the default-language text each translation was made from, text by text.
# Written by `python -m handbook translated LANGUAGE [FILE ...]` (make translated): do not edit.
# `make status` lists every translation whose default-language text has changed since.
# translated: language > file > text > fingerprint; originals: fingerprint > the text it was.
"""

TextPath = tuple[str | int, ...]
_FINGERPRINT = re.compile(f"[0-9a-f]{{{FINGERPRINT_LENGTH}}}")
LOCK_REPAIR = (
    "this file is written by `python -m handbook translated`: after a merge keep the lines of both sides,"
    " or take it back from version control"
)


def fingerprint(text: str) -> str:
    """A short digest of a text that ignores how it is spaced or wrapped."""
    return hashlib.sha256(" ".join(text.split()).encode("utf-8")).hexdigest()[:FINGERPRINT_LENGTH]


def leaves(value: Any, at: TextPath = ()) -> Iterator[tuple[TextPath, str]]:
    """Every text of a language block with its path inside the block, in document order."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*at, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from leaves(item, (*at, index))
    elif isinstance(value, str):
        yield at, value


def path_key(at: TextPath) -> str:
    """A path inside a language block as the lock writes it: `steps[2]`, `card.summary`, `listen.intro`."""
    key = ""
    for part in at:
        key += f"[{part}]" if isinstance(part, int) else (f".{part}" if key else part)
    return key


@dataclass(frozen=True)
class OutdatedText:
    """One translated text whose default-language text has changed since it was translated."""

    language: str
    file: YamlFile
    at: TextPath  # inside the language block
    was: str | None  # the default-language text it was translated from; None: no record
    now: str | None  # the default-language text today; None: the default language no longer has it
    default: str

    @property
    def line(self) -> int:
        return self.file.position(("text", self.language, *self.at))[0]

    @property
    def default_line(self) -> int | None:
        return self.file.position(("text", self.default, *self.at))[0] if self.now is not None else None

    @property
    def item(self) -> tuple[str, str, str]:
        """What the text belongs to, as the status report names it: kind, id and field."""
        return describe(self.file, self.at)


def describe(file: YamlFile, at: TextPath) -> tuple[str, str, str]:
    """Kind, id and field of the text at `at` in a language block of `file`."""
    kind = file.kind
    item_id = str(file.data.get("id", file.path.stem)) if isinstance(file.data, dict) else file.path.stem
    if kind == "phrase-list" and at and at[0] in ("phrases", "why") and len(at) > 1:
        return "phrase", str(at[1]), "text" if at[0] == "phrases" else "why"
    if kind == "sections" and at:
        return "section", str(at[0]), field_label(at[1:])
    if kind == "tags" and at:
        return "tag", str(at[0]), "label"
    if kind == "ui" and at:
        return "interface", str(at[0]), "word"
    if kind == "handbook":
        return "handbook", "handbook", field_label(at)
    return {"phrase-list": "phrase list"}.get(kind, kind), item_id, field_label(at)


def field_label(at: TextPath) -> str:
    """A path as people read it: `steps, item 2`, `card summary`."""
    words = [str(part).replace("_", " ") for part in at if not isinstance(part, int)]
    numbers = [part for part in at if isinstance(part, int)]
    label = " ".join(words)
    return f"{label}, item {numbers[-1] + 1}" if numbers else label


@dataclass
class Lock:
    """The lock file's data: per language, file (relative to content/) and text path, a fingerprint;
    and the recorded default-language texts by fingerprint."""

    translated: dict[str, dict[str, dict[str, str]]] = field(default_factory=dict)
    originals: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, data: Any) -> Lock:
        data = data if isinstance(data, dict) else {}
        return cls(data.get("translated") or {}, data.get("originals") or {})

    def record(self, language: str, file: str) -> dict[str, str]:
        return self.translated.get(language, {}).get(file, {})


@dataclass
class Freshness:
    """The outdated texts of every language, found by comparing the content files that hold texts
    with the lock (kept here, so that marking texts as translated starts from the same lock)."""

    outdated: list[OutdatedText] = field(default_factory=list)
    lock: Lock = field(default_factory=Lock)
    files: list[YamlFile] = field(default_factory=list)
    _index: dict[tuple[str, str], set[TextPath]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        for text in self.outdated:
            self._index.setdefault((text.language, text.file.name), set()).add(text.at)

    def of_language(self, language: str) -> list[OutdatedText]:
        return [text for text in self.outdated if text.language == language]

    def fields(self, language: str, file: str, *prefix: str) -> frozenset[str]:
        """The fields under `prefix` (in a language block of `file`) holding an outdated text."""
        size = len(prefix)
        paths = self._index.get((language, file), ())
        return frozenset(str(at[size]) for at in paths if len(at) > size and at[:size] == prefix)

    def covers(self, language: str, file: str, at: TextPath) -> bool:
        """True when the text at `at`, or any text inside it, is outdated."""
        size = len(at)
        return bool(at) and any(path[:size] == at for path in self._index.get((language, file), ()))


def compare(lock: Lock, files: Iterable[YamlFile], languages: list[str], default: str) -> Freshness:
    """Every outdated text of every language but the default, sorted by file and line."""
    outdated: list[OutdatedText] = []
    files = list(files)
    for file in files:
        texts = file.data.get("text") if isinstance(file.data, dict) else None
        if not isinstance(texts, dict) or default not in texts:
            continue
        reference = dict(leaves(texts[default]))
        relative = lock_name(file)
        for language in languages:
            if language == default or language not in texts:
                continue
            record = lock.record(language, relative)
            own = dict(leaves(texts[language]))
            for at, now in reference.items():
                if at not in own:
                    continue  # missing, not outdated
                was = record.get(path_key(at))
                if was != fingerprint(now):
                    outdated.append(OutdatedText(language, file, at, lock.originals.get(was) if was else None, now, default))
            for at in own:
                was = record.get(path_key(at))
                if at not in reference and was:  # the default language dropped a text this one still has
                    outdated.append(OutdatedText(language, file, at, lock.originals.get(was), None, default))
    outdated.sort(key=lambda text: (text.file.name, text.line))
    return Freshness(outdated, lock, sorted(files, key=lambda file: file.name))


def lock_name(file: YamlFile) -> str:
    """A content file as the lock names it: its path inside the content folder."""
    return file.name.removeprefix("content/")


def mark_translated(lock: Lock, files: Iterable[YamlFile], languages: Iterable[str], default: str, *, everything: bool) -> Lock:
    """A new lock saying that `languages` are translated from today's default-language text in
    `files`. `everything`: the files are all there are, so records of other files are dropped."""
    translated = {language: dict(files_) for language, files_ in lock.translated.items()}
    texts_now: dict[str, str] = {}
    files = list(files)
    for language in languages:
        records = {} if everything else translated.get(language, {})
        for file in files:
            texts = file.data.get("text", {})
            own = dict(leaves(texts.get(language, {})))
            record = {}
            for at, now in leaves(texts.get(default, {})):
                if at in own:
                    record[path_key(at)] = mark = fingerprint(now)
                    texts_now.setdefault(mark, now)
            name = lock_name(file)
            records.pop(name, None)
            if record:
                records[name] = record
        translated[language] = dict(sorted(records.items()))
    used = {mark for files_ in translated.values() for record in files_.values() for mark in record.values()}
    originals = {mark: texts_now.get(mark) or lock.originals.get(mark) for mark in sorted(used)}
    return Lock(
        {language: files_ for language, files_ in translated.items() if files_},
        {mark: text for mark, text in originals.items() if text is not None},
    )


def check_lock(file: YamlFile, problems: Problems) -> bool:
    """Record every place where the lock file is not what `translated` writes; True when none.
    A plain check of its shape: the file is machine-written, and large, so this is cheaper than a
    schema, and its only likely damage is a merge."""
    found = len(problems)

    def mapping(value: Any, at: tuple, what: str) -> dict:
        if isinstance(value, dict):
            return value
        file.problem(problems, at, f"expected {what} (a mapping)", LOCK_REPAIR)
        return {}

    def fingerprint_at(value: Any, at: tuple, *, key: bool = False) -> None:
        if not (isinstance(value, str) and _FINGERPRINT.fullmatch(value)):
            file.problem(problems, at, f"'{value}' is not a fingerprint ({FINGERPRINT_LENGTH} hexadecimal digits)", LOCK_REPAIR, key=key)

    data = mapping(file.data, (), "'translated:' and 'originals:'")
    for key in data:
        if key not in ("translated", "originals"):
            file.problem(problems, (key,), f"unknown key '{key}'", LOCK_REPAIR, key=True)
    for language, files in mapping(data.get("translated", {}), ("translated",), "languages").items():
        for name, record in mapping(files, ("translated", language), "files").items():
            for text, mark in mapping(record, ("translated", language, name), "texts").items():
                fingerprint_at(mark, ("translated", language, name, text))
    for mark, text in mapping(data.get("originals", {}), ("originals",), "texts by fingerprint").items():
        fingerprint_at(mark, ("originals", mark), key=True)
        if not isinstance(text, str):
            file.problem(problems, ("originals", mark), "expected a text", LOCK_REPAIR)
    return len(problems) == found


class _Dumper(yaml.SafeDumper):
    def ignore_aliases(self, data: Any) -> bool:
        return True


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    """Texts of several lines as `|` blocks, as in the content files. Fingerprints in quotes: YAML
    1.2 readers (editors) would take one like 574042e83326 for a number."""
    style = "|" if "\n" in text else ("'" if _FINGERPRINT.fullmatch(text) else None)
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style=style)


_Dumper.add_representer(str, _represent_text)


def lock_text(lock: Lock, languages: list[str]) -> str:
    """The lock file's text: languages in the handbook's order, files and fingerprints sorted."""
    ordered = {language: lock.translated[language] for language in languages if language in lock.translated}
    ordered.update({language: files for language, files in lock.translated.items() if language not in ordered})
    body = yaml.dump(
        {"translated": ordered, "originals": lock.originals}, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100_000
    )
    return _HEADER + body


def write_lock(path: Path, lock: Lock, languages: list[str]) -> None:
    path.write_text(lock_text(lock, languages), encoding="utf-8")
