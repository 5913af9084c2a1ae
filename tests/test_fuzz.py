"""Nothing but the library's own errors for bad data: fuzzing loads, validate, check and the CLI's path."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import strategies as sst


def _paths(value: Any, path: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [path]
    if isinstance(value, dict):
        for key, child in value.items():
            out += _paths(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            out += _paths(child, (*path, index))
    return out


def _set(value: Any, path: tuple[Any, ...], new: Any) -> Any:
    if not path:
        return new
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    copy[head] = _set(copy[head], tuple(rest), new)
    return copy


def _delete(value: Any, path: tuple[Any, ...]) -> Any:
    head, *rest = path
    copy = dict(value) if isinstance(value, dict) else list(value)
    if rest:
        copy[head] = _delete(copy[head], tuple(rest))
    else:
        del copy[head]
    return copy


@st.composite
def mutated(draw: st.DrawFn) -> Any:
    data = json.loads(sc.dumps(draw(sst.documents())))
    for _ in range(draw(st.integers(1, 3))):
        paths = _paths(data)
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "delete" and path:
            data = _delete(data, path)
        elif action == "add":
            target = path
            node = data
            for key in target:
                node = node[key]
            if isinstance(node, dict):
                data = _set(data, target, {**node, draw(st.text(max_size=8)): draw(sst.json_values())})
            else:
                data = _set(data, path, draw(sst.json_values()))
        else:
            data = _set(data, path, draw(sst.json_values()))
    return data


def _only_our_errors(text: str | bytes) -> None:
    problems: tuple[sc.Problem, ...] = ()
    try:
        doc = sc.loads(text)
    except sc.LoadError as exc:
        problems = exc.problems
        assert problems, "a LoadError carries at least one problem"
    else:
        sc.check(doc)
        sc.dumps(doc)
    for problem in problems:
        assert problem.code
        assert problem.path.startswith("$")
        assert problem.message


@given(mutated())
def test_mutated_documents_give_load_errors_only(data: Any) -> None:
    text = json.dumps(data)
    _only_our_errors(text)
    report = sc.validate(data)
    try:
        sc.loads(text)
    except sc.LoadError:
        assert not report.valid
    else:
        assert report.valid, report.problems


@given(st.text(max_size=200))
def test_any_text_gives_load_errors_only(text: str) -> None:
    _only_our_errors(text)
    assert not sc.validate(text).valid or text.strip().startswith("{")


@given(st.binary(max_size=200))
def test_any_bytes_give_load_errors_only(data: bytes) -> None:
    _only_our_errors(data)


@given(sst.json_values(max_leaves=20))
def test_any_json_gives_load_errors_only(value: Any) -> None:
    _only_our_errors(json.dumps(value))
    sc.validate(value)


@given(
    st.one_of(mutated().map(json.dumps), st.text(max_size=200)).map(lambda t: t.encode("utf-8"))
    | st.binary(max_size=200)
)
def test_the_command_line_validates_anything_without_a_traceback(data: bytes) -> None:
    import tempfile
    from pathlib import Path

    from supercomplaint.cli import validate_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.json"
        path.write_bytes(data)
        readable, problems, ok = validate_file(path)
    assert readable
    assert ok == all(p.severity != "error" for p in problems)
    for problem in problems:
        assert problem.line is None or problem.line >= 1
