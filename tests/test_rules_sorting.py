"""Findings are sorted by path step by step: indexes as numbers, an object before what is inside it."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint.problems import join_path, path_key, sort_problems

Step = int | str

_STEPS = st.lists(st.integers(min_value=0, max_value=120) | st.text(min_size=1, max_size=6), max_size=5)


def _path(steps: list[Step]) -> str:
    path = "$"
    for step in steps:
        path = join_path(path, step)
    return path


def _as_key(steps: list[Step]) -> tuple[tuple[int, Step], ...]:
    return tuple((1, s) if isinstance(s, int) else (0, s) for s in steps)


@given(_STEPS)
def test_path_key_reads_back_the_steps_join_path_wrote(steps: list[Step]) -> None:
    assert path_key(_path(steps)) == _as_key(steps)


@given(st.lists(st.tuples(_STEPS, st.sampled_from(["SC101", "SC202", "missing-field"])), max_size=12))
def test_problems_are_ordered_by_their_steps_then_code(entries: list[tuple[list[Step], str]]) -> None:
    problems = [sc.Problem(code=code, message="m", path=_path(steps)) for steps, code in entries]
    ordered = sort_problems(problems)
    keys = [(path_key(p.path), p.code) for p in ordered]
    assert keys == sorted(keys)
    assert sorted(map(repr, ordered)) == sorted(map(repr, problems))


@given(_STEPS, st.integers(min_value=0, max_value=50), st.integers(min_value=1, max_value=500))
def test_indexes_compare_as_numbers_and_parents_come_first(base: list[Step], low: int, more: int) -> None:
    parent = _path(base)
    small, large = join_path(parent, low), join_path(parent, low + more)
    inside = join_path(join_path(large, "deadline"), 0)
    problems = [sc.Problem(code="SC1", message="m", path=p) for p in (inside, large, small, parent)]
    assert [p.path for p in sort_problems(problems)] == [parent, small, large, inside]


def test_ten_after_two() -> None:
    paths = ["$.responses[10].items[0]", "$.responses[2]", "$.responses[2].items[10]", "$.responses[2].items[9]"]
    ordered = sort_problems(sc.Problem(code="SC403", message="m", path=p) for p in paths)
    assert [p.path for p in ordered] == [
        "$.responses[2]",
        "$.responses[2].items[9]",
        "$.responses[2].items[10]",
        "$.responses[10].items[0]",
    ]


def test_a_path_join_path_never_writes_still_sorts() -> None:
    odd = sc.Problem(code="x", message="m", path="$.a[x]")
    plain = sc.Problem(code="x", message="m", path="$.a")
    assert sort_problems([odd, plain]) == [plain, odd]
