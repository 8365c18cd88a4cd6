"""Content problems as values, so that one run can report every problem at once.

Editors are not programmers: each problem names the file, the line and column, what is wrong and
a hint on how to fix it, in the `file:line:col: message (hint)` form that editors and CI logs
already know how to link.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with the content, located as precisely as the source allows."""

    file: str
    line: int = 0
    column: int = 0
    message: str = ""
    hint: str = ""

    def __str__(self) -> str:
        where = self.file
        if self.line:
            where += f":{self.line}:{self.column or 1}"
        text = f"{where}: {self.message}"
        if self.hint:
            text += f" ({self.hint})"
        return text


@dataclass
class Problems:
    """Collects problems across files; sorted output keeps reports stable between runs."""

    items: list[Problem] = field(default_factory=list)

    def add(self, file: str, line: int = 0, column: int = 0, *, message: str, hint: str = "") -> None:
        self.items.append(Problem(file, line, column, message, hint))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)

    def sorted(self) -> list[Problem]:
        return sorted(set(self.items))

    def report(self) -> str:
        lines = [str(problem) for problem in self.sorted()]
        count = len(lines)
        lines.append(f"{count} problem{'s' if count != 1 else ''} found in the content.")
        return "\n".join(lines)


class ContentError(Exception):
    """Raised when the content cannot be built; carries every problem found, not just the first."""

    def __init__(self, problems: Problems) -> None:
        self.problems = problems
        super().__init__(problems.report())
