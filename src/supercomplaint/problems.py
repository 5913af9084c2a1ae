"""The one problem type shared by loading, schema validation and rule checks.

A :class:`Problem` is data: a stable code, a severity, the JSON path of the offending value, a plain
message, and (where known) the schema path, the line and column in the source text, and the ids of the
objects involved. Text for people is made from it at the edge (the command line, a report), never here.

This module imports nothing heavy: the command line uses it before it knows whether it needs cattrs or
jsonschema.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from enum import StrEnum

import attrs

__all__ = [
    "LoadError",
    "Problem",
    "Severity",
    "SupercomplaintError",
    "VersionError",
    "join_path",
]


class Severity(StrEnum):
    """How much a problem matters.

    An error makes a document unusable; a warning asks for a look; a note says what the record does not
    hold (a text not captured, a deadline the source may state but the record lacks) without asking for a
    fix.
    """

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"


@attrs.frozen(kw_only=True)
class Problem:
    """One thing wrong with a document.

    Attributes:
        code: stable identifier of the kind of problem (``missing-field``, ``SC101`` ...); never reworded.
        message: a plain sentence for a person.
        path: JSON path of the offending value, such as ``$.report.recommendations[2].deadline``.
        severity: :class:`Severity`; problems from loading and validation are always errors.
        schema_path: for problems found by the JSON Schema, the path of the failing keyword.
        line: 1-based line in the source text, where the problem can be placed there.
        column: 1-based column in the source text.
        ids: ids of the objects involved (for rule findings).
    """

    code: str
    message: str
    path: str = "$"
    severity: Severity = Severity.ERROR
    schema_path: str | None = None
    line: int | None = None
    column: int | None = None
    ids: tuple[str, ...] = ()

    def __str__(self) -> str:
        where = self.path
        if self.line is not None:
            where += f" (line {self.line}, column {self.column})"
        return f"{where}: [{self.code}] {self.message}"


class SupercomplaintError(Exception):
    """The base of every exception this library raises on purpose."""


class LoadError(SupercomplaintError, ValueError):
    """A document could not be read: it is not JSON, not of a known kind, or does not fit the model.

    ``problems`` holds every problem found, not just the first.
    """

    def __init__(self, problems: Sequence[Problem], source: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.source = source
        head = f"{source}: " if source else ""
        count = len(self.problems)
        lines = [f"{head}{count} problem{'s' if count != 1 else ''} found"]
        lines.extend(f"  {p}" for p in self.problems[:20])
        if count > 20:
            lines.append(f"  ... and {count - 20} more")
        super().__init__("\n".join(lines))


class VersionError(SupercomplaintError, ValueError):
    """A document cannot be written (or upgraded) as the schema version asked for.

    ``problems`` holds each value that version cannot say (code ``needs-newer-version``, with its path), or
    one ``unsupported-version`` problem for a version this library does not know.
    """

    def __init__(self, problems: Sequence[Problem], version: str | None = None) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        self.version = version
        head = f"cannot write schema version {version}" if version else "unsupported schema version"
        lines = [f"{head}: {len(self.problems)} problem{'s' if len(self.problems) != 1 else ''}"]
        lines.extend(f"  {p}" for p in self.problems[:20])
        if len(self.problems) > 20:
            lines.append(f"  ... and {len(self.problems) - 20} more")
        super().__init__("\n".join(lines))


def join_path(base: str, part: str | int) -> str:
    """Extend a JSON path by an object key or an array index.

    >>> join_path("$.report", "recommendations")
    '$.report.recommendations'
    >>> join_path("$.items", 2)
    '$.items[2]'
    >>> join_path("$", "odd key")
    "$['odd key']"
    """
    if isinstance(part, int):
        return f"{base}[{part}]"
    if part.isidentifier():
        return f"{base}.{part}"
    escaped = part.replace("\\", "\\\\").replace("'", "\\'")
    return f"{base}['{escaped}']"


_PATH_STEP = re.compile(r"\.((?!\d)\w+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]")


def path_key(path: str) -> tuple[tuple[int, int | str], ...]:
    """A JSON path as a sort key: its steps in order, each array index compared as a number.

    A path sorts before every path inside it (the object before its fields), and ``[2]`` before ``[10]``.
    Anything that is not a step :func:`join_path` writes is kept as one text step.

    >>> path_key("$.items[10].parts[2]")
    ((0, 'items'), (1, 10), (0, 'parts'), (1, 2))
    >>> path_key("$.items[2]") < path_key("$.items[10]") < path_key("$.items[10].parts")
    True
    """
    steps: list[tuple[int, int | str]] = []
    at = 1 if path.startswith("$") else 0
    while at < len(path):
        found = _PATH_STEP.match(path, at)
        if found is None:
            steps.append((2, path[at:]))
            break
        name, index, quoted = found.groups()
        if index is not None:
            steps.append((1, int(index)))
        else:
            key = name if name is not None else re.sub(r"\\(.)", r"\1", quoted)
            steps.append((0, key))
        at = found.end()
    return tuple(steps)


def sort_problems(problems: Iterable[Problem]) -> list[Problem]:
    """Problems in a stable order: by path (indexes as numbers, an object before its fields), then code,
    then message."""
    keys: dict[str, tuple[tuple[int, int | str], ...]] = {}

    def key(problem: Problem) -> tuple[tuple[tuple[int, int | str], ...], str, str, str]:
        steps = keys.get(problem.path)
        if steps is None:
            steps = keys[problem.path] = path_key(problem.path)
        return steps, problem.path, problem.code, problem.message

    return sorted(problems, key=key)
