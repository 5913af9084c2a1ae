"""Hostile group structures (issue 13 items 1 and 5): shared nesting (diamonds), deep chains, cycles, and
long names cost time linear in their size, never recursion, never a hang."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supercomplaint import Body, BodyKind, Group
from supercomplaint import model as m
from supercomplaint.problems import Problem
from supercomplaint.registry import Registry, UnknownRefError, default_registry

LIMIT = 1.0  # seconds: each expansion below takes milliseconds


def _body(ref: str) -> Body:
    return Body(id=m.Id(ref), name=ref.upper(), kind=BodyKind.OTHER)


def _group(ref: str, *members: str) -> Group:
    return Group(id=m.Id(ref), name=ref, members=tuple(m.Ref(x) for x in members))


def _diamond(depth: int) -> Registry:
    """``depth`` levels of two groups each; both groups of a level contain both groups of the next; the last
    level holds two bodies. Walking every path would visit 2**depth groups."""
    groups = [
        _group(f"g{level}-{side}", f"g{level + 1}-a", f"g{level + 1}-b") for level in range(depth) for side in "ab"
    ]
    groups += [_group(f"g{depth}-a", "x", "y"), _group(f"g{depth}-b", "y", "x")]
    return Registry([_body("x"), _body("y")], groups)


def _chain(length: int, *, cycle: bool = False) -> Registry:
    """g0 contains g1 contains ... g{length-1}, which contains a body (or g0, closing a cycle)."""
    groups = [_group(f"g{i}", f"g{i + 1}") for i in range(length - 1)]
    groups.append(_group(f"g{length - 1}", "g0" if cycle else "x"))
    return Registry([_body("x")], groups)


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def test_groups_nested_30_deep_in_a_diamond_expand_in_well_under_a_second() -> None:
    reg = _diamond(30)
    elapsed = _timed(lambda: reg.members("g0-a"))
    assert [b.id for b in reg.members("g0-a")] == ["x", "y"]
    assert elapsed < LIMIT / 10


def test_a_chain_of_5000_nested_groups_expands_without_recursion() -> None:
    reg = _chain(5000)
    elapsed = _timed(lambda: reg.members("g0"))
    assert [b.id for b in reg.members("g0")] == ["x"]
    assert elapsed < LIMIT


def test_a_long_cycle_is_a_group_cycle_problem_with_a_short_message() -> None:
    reg = _chain(5000, cycle=True)
    with pytest.raises(UnknownRefError) as raised:
        reg.members("g0")
    (problem,) = raised.value.problems
    assert problem.code == "group-cycle"
    assert problem.message == "groups contain each other: g0 -> g1 -> g2 -> ... -> g4997 -> g4998 -> g4999 -> g0"
    assert problem.ids == ("g0",)


def test_a_group_containing_itself_is_a_cycle() -> None:
    reg = Registry([_body("x")], [_group("g", "x", "g")])
    with pytest.raises(UnknownRefError) as raised:
        reg.members("g")
    assert [(p.code, p.message) for p in raised.value.problems] == [
        ("group-cycle", "groups contain each other: g -> g")
    ]


def test_expansion_is_computed_once_per_registry() -> None:
    reg = _diamond(30)
    assert reg.members("g0-a") is reg.members("g0-a")
    # A failed expansion is remembered too, and raises the same problems each time.
    cyclic = _chain(50, cycle=True)
    problems = []
    for _ in range(2):
        with pytest.raises(UnknownRefError) as raised:
            cyclic.members("g10")
        problems.append(raised.value.problems)
    assert problems[0] == problems[1]


def _reachable(reg: Registry, ref: str) -> int:
    """How many groups can be reached from group ``ref``, itself included."""
    seen, todo = {ref}, [ref]
    while todo:
        for member in reg.group(todo.pop()).members:
            if reg.is_group(member) and member not in seen:
                seen.add(member)
                todo.append(member)
    return len(seen)


class _Counted(tuple[m.Ref, ...]):
    """Members that count how often they are walked through."""

    walks = 0

    def __iter__(self) -> Iterator[m.Ref]:
        _Counted.walks += 1
        return super().__iter__()


def _counted(reg: Registry) -> Registry:
    return Registry(reg.bodies, [Group(id=g.id, name=g.name, members=_Counted(g.members)) for g in reg.groups])


@pytest.mark.parametrize(
    ("make", "ref"),
    [(_diamond, "g0-a"), (_chain, "g0"), (lambda n: _chain(n, cycle=True), "g0")],
    ids=["diamond", "chain", "cycle"],
)
def test_expansion_walks_each_group_once(make: Callable[[int], Registry], ref: str) -> None:
    """The work is linear in the size of the group graph: each group reached has its members walked through
    exactly once (counted, not timed: on a shared machine a timing ratio cannot tell n from n squared)."""
    for n in (2000, 4000):
        reg = _counted(make(n))
        _Counted.walks = 0
        start = time.perf_counter()
        with contextlib.suppress(UnknownRefError):
            reg.members(ref)
        elapsed, walks = time.perf_counter() - start, _Counted.walks
        assert walks == _reachable(reg, ref)
        assert elapsed < LIMIT


# --------------------------------------------------------------------------------------------------
# The walk agrees with the definition: depth first, each body once in order of first appearance
# --------------------------------------------------------------------------------------------------


def _reference(reg: Registry, ref: str) -> tuple[list[str], list[str]]:
    """The recursive definition (small graphs only): body ids in order, and the codes of the problems."""
    out: dict[str, None] = {}
    codes: list[str] = []

    def walk(r: str, path: tuple[str, ...]) -> None:
        if r in {b.id for b in reg.bodies}:
            out.setdefault(r, None)
            return
        if not reg.is_group(r):
            codes.append("unknown-ref")
            return
        if r in path:
            codes.append("group-cycle")
            return
        for member in reg.group(r).members:
            walk(member, (*path, r))

    walk(ref, ())
    return list(out), codes


@st.composite
def _graphs(draw: st.DrawFn) -> Registry:
    """Up to 6 groups over 4 bodies, members drawn from bodies, groups (cycles included) and unknown ids."""
    bodies = [_body(f"b{i}") for i in range(4)]
    count = draw(st.integers(min_value=1, max_value=6))
    refs = st.sampled_from([f"b{i}" for i in range(4)] + [f"g{i}" for i in range(count)] + ["nobody"])
    groups = [_group(f"g{i}", *draw(st.lists(refs, max_size=4))) for i in range(count)]
    return Registry(bodies, groups)


@given(_graphs())
def test_expansion_agrees_with_the_recursive_definition(reg: Registry) -> None:
    for group in reg.groups:
        bodies, codes = _reference(reg, group.id)
        try:
            found = [b.id for b in reg.members(group.id)]
        except UnknownRefError as exc:
            problems: tuple[Problem, ...] = exc.problems
            assert codes, "the definition finds no problem"
            assert {p.code for p in problems} == set(codes)
        else:
            assert not codes
            assert found == bodies


# --------------------------------------------------------------------------------------------------
# Long and odd names
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "a " * 50_000,
        "the " * 50_000,
        " " * 100_000,
        "Chief Constable of " * 10_000,
        "&" * 100_000,
        "H." * 50_000,
    ],
    ids=["initials", "the", "spaces", "titles", "ampersands", "dotted-initials"],
)
def test_long_names_are_looked_up_in_linear_time(name: str) -> None:
    reg = default_registry()
    elapsed = _timed(lambda: reg.find_by_name(name))
    assert reg.find_by_name(name) == ()
    assert elapsed < LIMIT
