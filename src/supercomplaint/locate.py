"""Where a JSON path is in the source text: line and column, for messages a person can act on.

:func:`locate` scans the text once (iteratively: deep nesting is no problem) and returns the 1-based line
and column of the value at each path asked for. A path that is not in the text (a missing key) is placed at
its nearest ancestor that is.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from .problems import Problem, join_path

__all__ = ["locate", "with_positions"]

_STRING = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
_SCALAR = re.compile(r"[^\s,\]\}:]+")
_SPACE = re.compile(r"\s*")


def _positions(text: str) -> dict[str, int]:
    """Offset of every value (and of every object key, for its member's path) by JSON path."""
    import json

    found: dict[str, int] = {}
    # Each frame: [path, kind ("{" or "["), next index, pending key]
    stack: list[list[object]] = []
    i, n = 0, len(text)
    expect_key = False
    while i < n:
        i = _SPACE.match(text, i).end()  # type: ignore[union-attr]
        if i >= n:
            break
        ch = text[i]
        if ch in ",:":
            i += 1
            if ch == "," and stack and stack[-1][1] == "{":
                expect_key = True
            continue
        if ch in "]}":
            stack.pop()
            i += 1
            expect_key = False
            continue
        if expect_key and ch == '"':
            match = _STRING.match(text, i)
            if match is None:
                break
            try:
                key = json.loads(match.group())
            except ValueError:
                break
            frame = stack[-1]
            frame[3] = key
            found.setdefault(join_path(str(frame[0]), key), i)
            i = match.end()
            expect_key = False
            continue
        # A value starts here: work out its path.
        if not stack:
            path = "$"
        else:
            frame = stack[-1]
            if frame[1] == "[":
                index = int(frame[2])  # type: ignore[call-overload]
                frame[2] = index + 1
                path = join_path(str(frame[0]), index)
            else:
                path = join_path(str(frame[0]), str(frame[3]))
        found.setdefault(path, i)
        if ch in "{[":
            stack.append([path, ch, 0, None])
            expect_key = ch == "{"
            i += 1
            continue
        match = _STRING.match(text, i) if ch == '"' else _SCALAR.match(text, i)
        if match is None:
            break
        i = match.end()
    return found


def _parent(path: str) -> str | None:
    if path == "$":
        return None
    if path.endswith("]"):
        return path[: path.rindex("[")]
    cut = path.rindex(".")
    return path[:cut]


def locate(text: str, paths: Iterable[str]) -> dict[str, tuple[int, int]]:
    """1-based (line, column) of each JSON path (of its key, for an object member), else of its nearest ancestor.

    >>> locate('{\\n  "a": [1,\\n    {"b": 2}]\\n}', ["$.a[1].b", "$.a[1].c"])
    {'$.a[1].b': (3, 6), '$.a[1].c': (3, 5)}
    """
    offsets = _positions(text)
    out: dict[str, tuple[int, int]] = {}
    for path in paths:
        probe: str | None = path
        while probe is not None and probe not in offsets:
            probe = _parent(probe)
        offset = offsets.get(probe or "$")
        if offset is None:
            continue
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        out[path] = (line, column)
    return out


def with_positions(text: str, problems: Iterable[Problem]) -> list[Problem]:
    """The problems with line and column filled in from the text where they were not known."""
    import attrs

    problems = list(problems)
    wanted = [p.path for p in problems if p.line is None]
    if not wanted:
        return problems
    places = locate(text, wanted)
    out = []
    for problem in problems:
        if problem.line is None and problem.path in places:
            line, column = places[problem.path]
            problem = attrs.evolve(problem, line=line, column=column)
        out.append(problem)
    return out
