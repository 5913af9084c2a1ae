"""Hostile nesting with the recursion limit raised: a clear error, never a crashed process.

The C parsers and encoders recurse as deep as a value nests, stopped only by Python's recursion limit; a
program that raises it far enough lets 100,000 levels overflow the C stack (msgspec's parser crashed with the
limit at 30,000, the standard library's at 100,000). Each case runs in its own process, so a crash shows as an
exit code, not as a dead test run.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

SCRIPT = textwrap.dedent(
    """
    import sys
    import supercomplaint as sc

    sys.setrecursionlimit({limit})
    text = "[" * 100_000 + "]" * 100_000
    try:
        sc.loads(text)
    except sc.LoadError as exc:
        print("loads", *[(p.code, p.line, p.column) for p in exc.problems])
    report = sc.validate(text)
    print("validate text", *[p.code for p in report.problems])
    value: list[object] = []
    for _ in range(100_000):
        value = [value]
    report = sc.validate(value)
    print("validate value", *[p.code for p in report.problems])
    case = sc.load(sc.examples.path("hestia/case.json"), kind="case")
    print("hestia", case.id)
    """
)


@pytest.mark.parametrize("limit", [1_000, 30_000, 100_000, 1_000_000])
def test_deep_nesting_is_refused_whatever_the_recursion_limit(limit: int) -> None:
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT.format(limit=limit)], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, f"exit {done.returncode}: {done.stderr[-2000:]}"
    lines = done.stdout.splitlines()
    assert lines[0] == "loads ('json-too-deep', 1, 201)"
    assert lines[1] == "validate text json-too-deep"
    assert lines[2] == "validate value json-too-deep"
    assert lines[3] == "hestia hestia-modern-slavery"
