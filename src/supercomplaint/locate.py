"""Where a JSON path is in the source text: line and column, for messages a person can act on.

:func:`locate` scans the text once (iteratively: deep nesting is no problem) and returns the 1-based line
and column of the value at each path asked for. A path that is not in the text (a missing key) is placed at
its nearest ancestor that is.

The cost is linear in the size of the text plus the total length of the paths asked for: the paths are
put in a tree first, only keys on the way to a wanted path are decoded, and the line of each place is found
by bisecting the line starts, which are computed once.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from .problems import Problem

__all__ = ["locate", "parse_path", "with_positions"]

# One token of JSON text after optional whitespace: a string, a punctuation mark, or a scalar (a number,
# true, false or null; anything else up to the next delimiter, in text that is not JSON).
_TOKEN = re.compile(r'[ \t\n\r]*(?:("[^"\\]*(?:\\.[^"\\]*)*")|([{}\[\],:])|([^ \t\n\r,:{}\[\]"]+))', re.DOTALL)
_SEGMENT = re.compile(r"\.([^.\[]+)|\[(\d+)\]|\['((?:[^'\\]|\\.)*)'\]", re.DOTALL)
_UNESCAPE = re.compile(r"\\(.)", re.DOTALL)


def parse_path(path: str) -> tuple[list[str | int], bool]:
    """The keys and indexes of a JSON path made by :func:`~supercomplaint.problems.join_path`.

    Returns the segments read and whether the whole path was read (a path of another form is read as far
    as it can be).

    >>> parse_path("$.a[1]['odd key'].b")
    (['a', 1, 'odd key', 'b'], True)
    """
    if not path.startswith("$"):
        return [], False
    segments: list[str | int] = []
    position, end = 1, len(path)
    while position < end:
        match = _SEGMENT.match(path, position)
        if match is None:
            return segments, False
        name, index, quoted = match.groups()
        if name is not None:
            segments.append(name)
        elif index is not None:
            segments.append(int(index))
        else:
            segments.append(_UNESCAPE.sub(r"\1", quoted))
        position = match.end()
    return segments, True


class _Node:
    """A node of the tree of wanted paths: its children by key or index, and its offset once found."""

    __slots__ = ("children", "offset")

    def __init__(self) -> None:
        self.children: dict[str | int, _Node] = {}
        self.offset: int | None = None


def _tree(paths: Iterable[str]) -> tuple[_Node, dict[str, list[_Node]]]:
    """The tree of the wanted paths, and for each path the nodes from the root along it."""
    root = _Node()
    chains: dict[str, list[_Node]] = {}
    for path in paths:
        if path in chains:
            continue
        segments, _ = parse_path(path)
        node, chain = root, [root]
        for segment in segments:
            node = node.children.setdefault(segment, _Node())
            chain.append(node)
        chains[path] = chain
    return root, chains


def _scan(text: str, root: _Node) -> None:
    """Record in the tree the offset of every wanted value (of its key, for an object member)."""
    import json

    # Each frame: [node in the tree or None, kind ("{" or "["), next index, node of the pending key]
    stack: list[list[object]] = []
    expect_key = False
    for match in _TOKEN.finditer(text):
        string, punctuation, _scalar = match.groups()
        if punctuation is not None:
            if punctuation in "{[":
                node = _value_node(stack, root)
                if node is not None and node.offset is None:
                    node.offset = match.start(2)
                stack.append([node, punctuation, 0, None])
                expect_key = punctuation == "{"
            elif punctuation in "]}":
                if not stack:
                    return
                stack.pop()
                expect_key = False
            elif punctuation == ",":
                expect_key = bool(stack) and stack[-1][1] == "{"
            continue
        if string is not None and expect_key:
            frame = stack[-1]
            parent = frame[0]
            child: _Node | None = None
            if isinstance(parent, _Node) and parent.children:
                if "\\" not in string:
                    key = string[1:-1]
                else:
                    try:
                        key = json.loads(string)
                    except ValueError:
                        return
                child = parent.children.get(key)
                if child is not None and child.offset is None:
                    child.offset = match.start(1)
            frame[3] = child
            expect_key = False
            continue
        node = _value_node(stack, root)
        if node is not None and node.offset is None:
            node.offset = match.start(1 if string is not None else 3)


def _value_node(stack: list[list[object]], root: _Node) -> _Node | None:
    """The tree node of the value that starts now (None when no wanted path goes through it)."""
    if not stack:
        return root
    frame = stack[-1]
    if frame[1] == "[":
        index = frame[2]
        assert isinstance(index, int)
        frame[2] = index + 1
        parent = frame[0]
        return parent.children.get(index) if isinstance(parent, _Node) and parent.children else None
    pending = frame[3]
    return pending if isinstance(pending, _Node) else None


def locate(text: str, paths: Iterable[str]) -> dict[str, tuple[int, int]]:
    """1-based (line, column) of each JSON path (of its key, for an object member), else of its nearest ancestor.

    >>> locate('{\\n  "a": [1,\\n    {"b": 2}]\\n}', ["$.a[1].b", "$.a[1].c"])
    {'$.a[1].b': (3, 6), '$.a[1].c': (3, 5)}
    """
    root, chains = _tree(paths)
    if not chains:
        return {}
    _scan(text, root)
    starts = [0]
    starts.extend(match.end() for match in re.finditer("\n", text))
    out: dict[str, tuple[int, int]] = {}
    for path, chain in chains.items():
        offset = next((node.offset for node in reversed(chain) if node.offset is not None), None)
        if offset is None:
            continue
        line = bisect_right(starts, offset)
        out[path] = (line, offset - starts[line - 1] + 1)
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
