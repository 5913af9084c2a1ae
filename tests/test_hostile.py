"""Hostile input as properties (issue 13): big integers, lone surrogates, long strings, deep nesting of groups,
parts and extensions, huge periods, through every public function and CLI command; nothing but the library's
own errors, within a hard time limit. Then the invariants of the pieces that defend against it: the parser's
limits, line location, Markdown and CSV escaping, terminal text, working-day arithmetic.

The fixed inputs are in ``tests/hostile/``; ``tests/fuzz/`` runs the same operations under atheris.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import sys
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import deadlines
from supercomplaint.cli import csv_cell, csv_text, terminal_safe
from supercomplaint.io import MAX_DEPTH, MAX_INTEGER_DIGITS, parse_json
from supercomplaint.locate import locate, parse_path
from supercomplaint.problems import join_path
from supercomplaint.rendering import md_escape

from .hostile import CLI_OPERATIONS, LIBRARY_OPERATIONS, hard_limit, run
from .hostile.build import case, period, rec, text_of

LIMIT = 20.0  # seconds for one operation on one generated input (each takes well under one)
_SLOW = settings(suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --------------------------------------------------------------------------------------------------
# Hostile documents
# --------------------------------------------------------------------------------------------------

_SURROGATE = st.integers(0xD800, 0xDFFF).map(chr)
_RUN_CHARS = st.sampled_from([" ", "\t", "\r", "\n", "\r\n", "\u00a0", "\u2028", "\x0b", "\x1b", "\u202e", "&", "\\"])
_PREFIXES = st.sampled_from(["", "=", "+", "-", "@", " =", "\u200b=", "\r=", "# ", "1. ", "    ", "```", "---"])


@st.composite
def hostile_strings(draw: st.DrawFn) -> str:
    """Text meant to break something: runs of whitespace or controls, formulas, surrogates, escapes."""
    head = draw(_PREFIXES)
    run = draw(_RUN_CHARS) * draw(st.integers(0, 20_000))
    tail = draw(st.text(max_size=20))
    if draw(st.booleans()):
        tail += draw(_SURROGATE)
    return head + run + tail


_BIG, _DEEP = "__hostile_big__", "__hostile_deep__"  # stand in for raw JSON that Python cannot hold


def _nested(depth: int) -> str:
    value = "1"
    for level in range(depth - 1):
        value = f'{{"a":{value}}}' if level % 2 else f"[{value}]"
    return value


def _parts(depth: int) -> list[dict[str, Any]]:
    part: dict[str, Any] = {"id": f"p{depth}", "text": "deepest"}
    for level in range(depth - 1, 0, -1):
        part = {"id": f"p{level}", "text": f"part {level}", "parts": [part]}
    return [part]


@st.composite
def hostile_case_texts(draw: st.DrawFn) -> str:
    """A case record's JSON text with some hostility of each kind drawn (raw JSON where Python cannot go)."""
    bodies: list[dict[str, Any]] = [{"id": "evil", "name": draw(hostile_strings()), "kind": "other"}]
    groups: list[dict[str, Any]] = []
    shape = draw(st.sampled_from(["none", "diamond", "chain"]))
    depth = draw(st.integers(1, 60))
    if shape == "diamond":
        groups = [
            {"id": f"g{i}-{s}", "name": f"G{i}{s}", "members": [f"g{i + 1}-a", f"g{i + 1}-b"]}
            for i in range(depth)
            for s in "ab"
        ]
        groups += [{"id": f"g{depth}-{s}", "name": "Bottom", "members": ["evil", "body-x"]} for s in "ab"]
    elif shape == "chain":
        groups = [{"id": f"g{i}", "name": f"G{i}", "members": [f"g{i + 1}"]} for i in range(depth)]
        groups.append({"id": f"g{depth}", "name": "Last", "members": ["evil"]})
    top = {"none": "evil", "diamond": "g0-a", "chain": "g0"}[shape]
    unit = draw(st.sampled_from(["working-days", "days", "weeks", "months", "years"]))
    amount: Any = draw(st.one_of(st.integers(1, 10**7), st.integers(10**7, 10**40), st.just(_BIG)))
    recs = [
        rec(1, [top], deadline=period(amount, unit), label=draw(hostile_strings()), text=draw(hostile_strings())),
        rec(2, ["evil"], deadline=period(draw(st.integers(1, 3_000_000)), "working-days")),
    ]
    if draw(st.booleans()):
        recs[0]["parts"] = _parts(draw(st.integers(1, 120)))
    doc = case(recs, bodies=bodies, groups=groups, extensions={"org.example": _DEEP})
    text = text_of(doc, compact=True)
    text = text.replace(f'"{_BIG}"', "9" * draw(st.integers(MAX_INTEGER_DIGITS - 5, MAX_INTEGER_DIGITS + 5)))
    return text.replace(f'"{_DEEP}"', _nested(draw(st.integers(1, MAX_DEPTH + 20))))


def _raw_surrogates(text: str) -> str:
    return re.sub(r"\\u(d[89a-f][0-9a-f]{2})", lambda m: chr(int(m.group(1), 16)), text)


@_SLOW
@given(text=hostile_case_texts(), operation=st.sampled_from(LIBRARY_OPERATIONS), raw=st.booleans())
def test_every_library_function_gives_a_result_or_its_own_error(
    text: str, operation: str, raw: bool, tmp_path_factory: Any
) -> None:
    folder = tmp_path_factory.mktemp("lib")
    with hard_limit(LIMIT):
        seen = run(operation, _raw_surrogates(text) if raw else text, folder, responder="evil")
    assert seen.ok or seen.error is not None


@_SLOW
@given(text=hostile_case_texts(), operation=st.sampled_from(CLI_OPERATIONS))
def test_every_command_gives_an_exit_code_and_no_traceback(text: str, operation: str, tmp_path_factory: Any) -> None:
    folder = tmp_path_factory.mktemp("cli")
    with hard_limit(LIMIT):
        seen = run(operation, text, folder, responder="evil")
    assert seen.exit in (0, 1, 2), seen.stderr
    assert "Traceback" not in seen.stderr
    if operation in ("cli-status", "cli-validate"):  # text for a terminal: no escape sequence gets through
        assert not re.search("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]", seen.stdout)


# --------------------------------------------------------------------------------------------------
# The parser's limits
# --------------------------------------------------------------------------------------------------


@given(st.integers(1, MAX_INTEGER_DIGITS + 200), st.booleans())
def test_integers_read_up_to_the_limit_and_are_refused_past_it(digits: int, negative: bool) -> None:
    number = ("-" if negative else "") + "7" * digits
    text = f'{{"n": [1, {number}]}}'
    if digits <= MAX_INTEGER_DIGITS:
        assert parse_json(text)["n"][1] == int(number)
        return
    with pytest.raises(sc.LoadError) as caught:
        parse_json(text)
    (problem,) = caught.value.problems
    assert (problem.code, problem.path, problem.line, problem.column) == ("json-number-too-large", "$.n[1]", 1, 11)


def test_the_integer_limit_holds_whatever_the_program_set() -> None:
    before = sys.get_int_max_str_digits()
    try:
        sys.set_int_max_str_digits(0)  # unlimited: the format's limit still holds
        with pytest.raises(sc.LoadError) as unlimited:
            parse_json("9" * (MAX_INTEGER_DIGITS + 1))
        assert unlimited.value.problems[0].code == "json-number-too-large"
        sys.set_int_max_str_digits(1000)  # lower: refused as the library's error, not a ValueError
        with pytest.raises(sc.LoadError) as lower:
            parse_json("9" * 1001)
        assert "at most 1000" in lower.value.problems[0].message
    finally:
        sys.set_int_max_str_digits(before)


@given(st.integers(1, MAX_DEPTH + 50), st.sampled_from(["[", '{"k":']))
def test_nesting_reads_up_to_the_limit_and_is_refused_past_it(depth: int, opener: str) -> None:
    closer = "]" if opener == "[" else "}"
    text = opener * depth + "0" + closer * depth
    if depth <= MAX_DEPTH:
        parse_json(text)
        return
    with pytest.raises(sc.LoadError) as caught:
        parse_json(text)
    (problem,) = caught.value.problems
    assert problem.code == "json-too-deep"
    assert problem.line == 1
    # placed at the value in an array, at its key in an object
    assert problem.column == (MAX_DEPTH + 1 if opener == "[" else (MAX_DEPTH - 1) * len(opener) + 2)


def test_nesting_too_deep_for_the_parser_itself_is_placed_too() -> None:
    text = "\n" + "[" * 100_000 + "]" * 100_000
    with pytest.raises(sc.LoadError) as caught:
        parse_json(text)
    (problem,) = caught.value.problems
    assert (problem.code, problem.line, problem.column) == ("json-too-deep", 2, MAX_DEPTH + 1)


@given(st.text(max_size=20), _SURROGATE, st.text(max_size=20), st.booleans())
def test_a_lone_surrogate_is_refused_raw_or_escaped(before: str, lone: str, after: str, escaped: bool) -> None:
    value = before + lone + after
    text = json.dumps({"key": value}) if escaped else json.dumps({"key": value}, ensure_ascii=False)
    for call in (parse_json, sc.loads):
        with pytest.raises(sc.LoadError) as caught:
            call(text)
        assert [(p.code, p.path) for p in caught.value.problems] == [("json-encoding", "$.key")]
    report = sc.validate(text)
    assert [(p.code, p.path) for p in report.problems] == [("json-encoding", "$.key")]


def test_a_document_that_loads_dumps() -> None:
    for depth in (1, 50, MAX_DEPTH - 10):
        text = text_of(case([rec(1, ["body-x"])], extensions={"org.example": "DEEP"}))
        text = text.replace('"DEEP"', _nested(depth))
        doc = sc.loads(text)
        assert sc.loads(sc.dumps(doc)) == doc


# --------------------------------------------------------------------------------------------------
# Line and column
# --------------------------------------------------------------------------------------------------

_KEYS = st.text(max_size=6) | st.sampled_from(["a", "0", "x.y", "'", "\\", "[0]", "é"])
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=6),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=4),
    max_leaves=20,
)


def _paths(value: Any, path: str = "$", keys: tuple[Any, ...] = ()) -> list[tuple[str, tuple[Any, ...], Any]]:
    """(path, its keys and indexes, the value) of every value below ``value``."""
    out: list[tuple[str, tuple[Any, ...], Any]] = []
    items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
    for key, child in items:
        child_path = join_path(path, key)
        out.append((child_path, (*keys, key), child))
        out.extend(_paths(child, child_path, (*keys, key)))
    return out


@given(_VALUES, st.sampled_from([None, 0, 2]))
def test_each_path_is_placed_at_its_key_or_element(value: Any, indent: int | None) -> None:
    text = json.dumps(value, indent=indent, ensure_ascii=False)
    found = _paths(value)
    places = locate(text, [p for p, _, _ in found] + ["$"])
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    decoder = json.JSONDecoder()
    for path, keys, child in found:
        line, column = places[path]
        at = decoder.raw_decode(text, starts[line - 1] + column - 1)[0]
        assert at == (keys[-1] if isinstance(keys[-1], str) else child), path
        assert parse_path(path) == (list(keys), True)
    assert places["$"] == (1, 1)


@given(_VALUES)
def test_a_missing_path_is_placed_at_its_nearest_ancestor(value: Any) -> None:
    text = json.dumps(value, indent=1)
    for path, _, _ in [("$", (), value), *_paths(value)]:
        places = locate(text, [path, path + ".missing", path + "[99999]"])
        assert places[path + ".missing"] == places[path] == places[path + "[99999]"]


# --------------------------------------------------------------------------------------------------
# Markdown, CSV and terminal text
# --------------------------------------------------------------------------------------------------

_ANY_TEXT = st.text() | hostile_strings()


@given(_ANY_TEXT)
def test_markdown_escaping_gives_one_harmless_line(text: str) -> None:
    out = md_escape(text)
    assert len(out.splitlines()) <= 1
    assert out == out.strip()
    assert not re.search("[\x00-\x08\x0e-\x1f\x7f-\x9f]", out)
    assert not re.match(r"[#>+=~*_`|<\[-]|\d+[.)](\s|$)", out)  # nothing at the start makes a block


def test_markdown_escaping_is_linear() -> None:
    with hard_limit(2.0):
        for ch in (" ", "\t", "\r", "\n", "\r\n", "&", "\u00a0"):
            md_escape("a" + ch * 500_000 + "b")


_CELL_VALUES = st.none() | _ANY_TEXT | st.lists(st.text(max_size=5), max_size=3)


@given(st.lists(st.tuples(_CELL_VALUES, _CELL_VALUES), max_size=5))
def test_csv_has_one_row_per_record_and_no_formula(rows: list[tuple[Any, Any]]) -> None:
    records = [{"a": a, "b": b} for a, b in rows]
    text = csv_text(records, ["a", "b"])
    parsed = list(csv.reader(io.StringIO(text, newline="")))
    assert parsed[0] == ["a", "b"]
    assert parsed[1:] == [[csv_cell(r["a"]), csv_cell(r["b"])] for r in records]
    for row in parsed[1:]:
        for cell in row:
            if cell and not cell.startswith("'"):
                assert cell[0] not in "\t\r\n"
                visible = cell.lstrip("".join(chr(c) for c in range(0x21)) + "\u00a0\u200b\u200e\u200f\u202e\ufeff")
                assert visible[:1] not in ("=", "+", "-", "@")


_UNSAFE_ON_A_TERMINAL = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


@given(_ANY_TEXT)
def test_terminal_text_holds_no_control_and_reads_the_same_twice(text: str) -> None:
    out = terminal_safe(text)
    assert not _UNSAFE_ON_A_TERMINAL.search(out)
    assert terminal_safe(out) == out
    out.encode("utf-8")  # printable on any UTF-8 terminal


# --------------------------------------------------------------------------------------------------
# Working days
# --------------------------------------------------------------------------------------------------

_DAYS = st.dates(dt.date(1850, 1, 1), dt.date(2150, 12, 31))


def _brute(day: dt.date, count: int, include_start: bool) -> dt.date:
    current = day - dt.timedelta(days=1) if include_start else day
    while count:
        current += dt.timedelta(days=1)
        count -= deadlines.is_working_day(current)
    return current


@given(_DAYS, st.integers(1, 400), st.booleans())
def test_working_days_agree_with_counting_one_by_one(day: dt.date, count: int, include_start: bool) -> None:
    assert deadlines.add_working_days(day, count, include_start=include_start) == _brute(day, count, include_start)


@given(st.dates(dt.date(1, 1, 2), dt.date(9999, 12, 31)), st.integers(1, 2_000_000), st.integers(1, 2_000_000))
def test_working_days_add_up(day: dt.date, first: int, second: int) -> None:
    try:
        whole = deadlines.add_working_days(day, first + second)
    except OverflowError:
        return
    middle = deadlines.add_working_days(day, first)
    assert deadlines.add_working_days(middle, second) == whole
    assert deadlines.is_working_day(whole)


@given(
    st.dates(),
    st.integers(1, 10**40),
    st.sampled_from(list(sc.Unit)),
    st.sampled_from(list(sc.Counting)),
)
def test_a_period_ends_or_overflows_quickly(anchor: dt.date, amount: int, unit: sc.Unit, counting: sc.Counting) -> None:
    with hard_limit(2.0):
        try:
            end = deadlines.period_end(anchor, amount, unit, counting)
        except OverflowError:
            return
    assert end >= anchor
