"""Cost bounds (issue 13): doubling an input's size at most about doubles the time, for every public function
and the command line, on ordinary documents and on hostile ones.

n log n grows by a factor of a little over 2 when n doubles; the bound is 2.5 to leave room for noise, and
a quadratic cost (a factor of 4) fails it. What a call costs whatever its input (the cost of a size-one input)
is taken off both times first. Each time is the least CPU time of several runs (CPU time, not wall
time, and the least: other work on the machine only adds), sizes are picked so that the time grows with
the input rather than measuring a constant, and the runs go on, up to a limit, while the bound is missed.
Every test runs under a hard time limit.
"""

from __future__ import annotations

import datetime as dt
import gc
import io
import os
import time
from collections.abc import Callable
from pathlib import Path

import attrs
import pytest

import supercomplaint as sc
from supercomplaint import model as m
from supercomplaint.cli import main

from .hostile import hard_limit
from .hostile.build import case, many_problems, period, rec, text_of

BOUND = 2.5
LIMIT = 60.0  # seconds for one test, calibration and every attempt included
AS_OF = dt.date(2021, 12, 1)
SMALLEST = 0.008  # seconds: a run shorter than this measures the clock more than the work

# --------------------------------------------------------------------------------------------------
# Inputs of a given size
# --------------------------------------------------------------------------------------------------


def _ordinary(n: int) -> str:
    """n recommendations to three bodies, with deadlines of each kind, and a response answering each."""
    units = ["months", "days", "working-days", "weeks"]
    recs = [
        rec(
            i,
            [["body-x", "body-y", "body-z"][i % 3]],
            deadline=period(1 + i % 40, units[i % 4]),
            text=f"Recommendation {i}: review the policy on item {i} and publish what was found.",
        )
        for i in range(n)
    ]
    responses = [
        {
            "id": body,
            "responder": body,
            "sent": "2021-07-01",
            "items": [{"item": f"r{i}", "position": "accepted"} for i in range(n) if i % 3 == k],
        }
        for k, body in enumerate(["body-x", "body-y", "body-z"])
    ]
    extra = [{"id": "body-z", "name": "Body Z", "kind": "other"}]
    return text_of(case(recs, bodies=extra, responses=responses))


def _chain(n: int) -> str:
    """A chain of n nested groups, the first addressed."""
    groups = [{"id": f"g{i}", "name": f"Group {i}", "members": [f"g{i + 1}"]} for i in range(n - 1)]
    groups.append({"id": f"g{n - 1}", "name": "Last", "members": ["body-x"]})
    return text_of(case([rec(1, ["g0"], deadline=period(6, "months"))], groups=groups), compact=True)


def _diamond(n: int) -> str:
    """Groups n levels deep in a diamond (2n groups; every path through them would be 2**n)."""
    groups = [
        {"id": f"g{i}-{s}", "name": f"G{i}{s}", "members": [f"g{i + 1}-a", f"g{i + 1}-b"]}
        for i in range(n)
        for s in "ab"
    ]
    groups += [{"id": f"g{n}-{s}", "name": "Bottom", "members": ["body-x", "body-y"]} for s in "ab"]
    return text_of(case([rec(1, ["g0-a"], deadline=period(6, "months"))], groups=groups), compact=True)


def _spaces(n: int) -> str:
    """A label, a text and a body's name each holding a run of n spaces (and of n carriage returns)."""
    run = " " * n
    bodies = [{"id": "spacey", "name": f"Spacey{run}Body", "kind": "other"}]
    recs = [rec(1, ["spacey"], deadline=period(6, "months"), label=f"1{run}x", text=f"A{run}\r{run}B")]
    return text_of(case(recs, bodies=bodies))


def _periods(n: int) -> str:
    """n periods of about two million working days."""
    return text_of(case([rec(i, ["body-x"], deadline=period(2_000_000 + i)) for i in range(n)]))


def _extension(n: int) -> str:
    """Extension data of n keys, each with a small nested value."""
    value = {f"key-{i}": {"list": [i, str(i), None], "nested": {"deeper": [1.5, True]}} for i in range(n)}
    return text_of(case([rec(1, ["body-x"])], extensions={"org.example": value}))


FAMILIES: dict[str, Callable[[int], str]] = {
    "ordinary": _ordinary,
    "chain": _chain,
    "diamond": _diamond,
    "spaces": _spaces,
    "periods": _periods,
    "extension": _extension,
    "problems": many_problems,
}

# --------------------------------------------------------------------------------------------------
# Operations, each timed on its own (the document is loaded beforehand)
# --------------------------------------------------------------------------------------------------


def _doc(text: str) -> sc.CaseRecord:
    doc = sc.loads(text)
    assert isinstance(doc, sc.CaseRecord)
    return doc


def _responder(doc: sc.CaseRecord) -> str:
    addressees = doc.report.recommendations[0].addressees if doc.report else ()
    first = str(addressees[0]) if addressees else "body-x"
    return first if not first.startswith("g") else "body-x"


def _cli(args: list[str], text: str, tmp: Path) -> Callable[[], object]:
    path = tmp / f"input-{len(list(tmp.iterdir()))}.json"  # one file per size
    path.write_text(text, encoding="utf-8")

    def call() -> int:
        return main([*args[:1], str(path), *args[1:]], stdout=io.StringIO(), stderr=io.StringIO())

    return call


def _prepare(operation: str, text: str, tmp: Path) -> Callable[[], object]:
    """A call that performs ``operation`` on ``text``; what is not part of the operation is done here."""
    if operation == "loads":
        return lambda: sc.loads(text)
    if operation == "validate":
        return lambda: sc.validate(text)
    if operation == "cli-validate":
        return _cli(["validate"], text, tmp)
    if operation == "cli-status":
        return _cli(["status", "--as-of", AS_OF.isoformat()], text, tmp)
    doc = _doc(text)
    if operation == "dumps":
        return lambda: sc.dumps(doc)
    if operation == "check":
        return lambda: sc.check(doc)
    if operation == "obligations":
        return lambda: sc.obligations(doc, AS_OF)
    if operation == "compile":
        responses = [sc.ResponseDocument(case=m.Ref(doc.id), response=r) for r in doc.responses]
        bare = attrs.evolve(doc, responses=())
        return lambda: sc.compile(bare, *responses)
    if operation == "history":
        return lambda: sc.history(doc, as_of=AS_OF)
    if operation.startswith("render-"):
        view, _, to = operation.removeprefix("render-").rpartition("-")
        responder = _responder(doc)
        return lambda: sc.render(doc, view=view, to=to, as_of=AS_OF, responder=responder)  # type: ignore[arg-type]
    raise ValueError(operation)


def _cpu(call: Callable[[], object], repeats: int) -> float:
    """The least CPU time of ``repeats`` calls."""
    best = float("inf")
    for _ in range(repeats):
        start = time.process_time()
        call()
        best = min(best, time.process_time() - start)
    return best


def ratio(make: Callable[[int], Callable[[], object]], n: int, *, runs: int = 15) -> tuple[float, int, float]:
    """(growth of the time from n to 2n, n, time at n) for the calls ``make`` gives.

    A size-one input measures what every call costs whatever the size (parsing arguments, compiling
    templates ...); that constant is taken off both times, so the ratio measures how the work grows with
    the input. ``n`` is doubled until the work at ``n`` takes :data:`SMALLEST`. Each time is the least of up
    to ``runs`` runs, the sizes in turn (other work on the machine only ever adds time); the runs stop
    once the bound holds.
    """
    fixed = make(1)
    fixed()  # warm: imports and caches (bank holidays, templates) are not the operation's cost
    constant = _cpu(fixed, 3)
    small = make(n)
    small()
    while _cpu(small, 1) - constant < SMALLEST and n < 2**22:
        n *= 2
        small = make(n)
        small()
    large = make(2 * n)
    large()
    t_fixed = constant
    t_small = t_large = float("inf")
    # The cyclic garbage collector is paused while timing (and run once before): its pauses grow with
    # everything alive in the process, the test machinery included, not with the operation.
    gc.collect()
    gc.disable()
    try:
        for run in range(runs):
            t_fixed = min(t_fixed, _cpu(fixed, 1))
            t_small, t_large = min(t_small, _cpu(small, 1)), min(t_large, _cpu(large, 1))
            growth = (t_large - t_fixed) / max(t_small - t_fixed, 1e-9)
            if run >= 2 and growth <= BOUND:
                break
    finally:
        gc.enable()
    return growth, n, t_small


# (family, operation): a size to start calibrating from (about half what this machine needed)
STARTS: dict[tuple[str, str], int] = {
    ("ordinary", "loads"): 240,
    ("ordinary", "validate"): 240,
    ("ordinary", "dumps"): 240,
    ("ordinary", "check"): 240,
    ("ordinary", "obligations"): 60,
    ("ordinary", "compile"): 2000,
    ("ordinary", "history"): 480,
    ("ordinary", "render-tracker-md"): 120,
    ("ordinary", "render-tracker-html"): 240,
    ("ordinary", "render-board-paper-md"): 240,
    ("ordinary", "render-board-paper-html"): 240,
    ("ordinary", "cli-validate"): 60,
    ("ordinary", "cli-status"): 60,
    ("chain", "validate"): 800,
    ("chain", "check"): 1600,
    ("chain", "obligations"): 25_600,  # ~25 ms: a start of a few ms let noise decide (x2.9-3.3 in 1 run of 3)
    ("chain", "render-tracker-md"): 3200,
    ("chain", "cli-status"): 400,
    ("diamond", "check"): 600,
    ("diamond", "obligations"): 1200,
    ("diamond", "render-tracker-html"): 2400,
    ("diamond", "cli-status"): 150,
    ("spaces", "render-tracker-md"): 100_000,
    ("spaces", "render-board-paper-md"): 20_000,
    ("spaces", "cli-status"): 100_000,
    ("periods", "check"): 200,
    ("periods", "obligations"): 200,
    ("extension", "loads"): 1000,
    ("extension", "dumps"): 500,
    ("extension", "validate"): 1000,
    ("problems", "validate"): 500,
    ("problems", "cli-validate"): 500,
}
# The fast profile (HYPOTHESIS_PROFILE=ci, or CI set) measures these, one or more per defect of the issue and
# per kind of work; the others run with the dev and thorough profiles.
QUICK = {
    ("ordinary", "loads"),
    ("ordinary", "check"),
    ("ordinary", "obligations"),
    ("ordinary", "cli-validate"),
    ("ordinary", "cli-status"),
    ("chain", "obligations"),
    ("diamond", "obligations"),
    ("spaces", "render-tracker-md"),
    ("periods", "check"),
    ("extension", "dumps"),
    ("problems", "cli-validate"),
}
PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev")
CASES = sorted(STARTS) if PROFILE != "ci" else sorted(QUICK)
PENDING = {
    ("spaces", "render-board-paper-md"): "the rendering helper: in_running_text's regular expression is quadratic",
}


@pytest.mark.parametrize(("family", "operation"), CASES, ids=[f"{f}-{o}" for f, o in CASES])
def test_doubling_the_input_at_most_doubles_the_time(family: str, operation: str, tmp_path: Path) -> None:
    pending = PENDING.get((family, operation))
    build = FAMILIES[family]
    start = STARTS[(family, operation)]
    try:
        with hard_limit(LIMIT if not pending else 10.0):
            found, n, took = ratio(lambda size: _prepare(operation, build(size), tmp_path), start)
            if found > BOUND and not pending:
                # Once more from twice the size, where the machine's noise weighs less on the times (a shared
                # machine missed the bound at random, for a different operation in 1 run in 2, at x2.5-3.1;
                # a quadratic cost misses it at every size).
                found, n, took = ratio(lambda size: _prepare(operation, build(size), tmp_path), 2 * n)
    except Exception as exc:
        if pending:
            pytest.xfail(f"pending on {pending}: {type(exc).__name__}: {exc}")
        raise
    if pending and found > BOUND:
        pytest.xfail(f"pending on {pending}: x{found:.2f}")
    assert found <= BOUND, f"{operation} on {family}: doubling from n={n} ({took * 1000:.0f} ms) costs x{found:.2f}"


def test_the_bound_tells_linear_from_quadratic() -> None:
    """The measurement itself: a quadratic cost fails the bound, a linear one passes it."""

    def quadratic(n: int) -> Callable[[], object]:
        return lambda: sum(i ^ j for i in range(n) for j in range(n))

    def linear(n: int) -> Callable[[], object]:
        return lambda: sum(i ^ 5 for i in range(n))

    with hard_limit(LIMIT):
        assert ratio(quadratic, 100, runs=3)[0] > BOUND
        assert ratio(linear, 10_000)[0] <= BOUND
