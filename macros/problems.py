"""A problem found in the content, and the error that carries all of them at once."""

from __future__ import annotations

from dataclasses import dataclass

# A place inside a YAML document: keys and list indexes from its top, e.g. ("cases", 0, "summary").
Path = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int
    column: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.file}:{self.line}:{self.column}: {kind}{self.message}"


class ContentError(Exception):
    """Raised with every problem found, so an editor can fix them all in one go."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__(report(self.problems))


def report(problems: list[Problem]) -> str:
    errors = [p for p in problems if not p.warning]
    lines = [str(p) for p in sorted(problems)]
    noun = "problem" if len(errors) == 1 else "problems"
    lines.append(f"{len(errors)} {noun} in the content under data/: fix them and run `make check` again.")
    return "\n".join(lines)


@dataclass(frozen=True)
class Origin:
    """The data file and the field inside it that something on a page was made from, so a
    problem found while rendering can still be reported at its file and line."""

    file: str
    path: Path = ()

    def at(self, *parts: str | int) -> Origin:
        return Origin(self.file, self.path + tuple(parts))
