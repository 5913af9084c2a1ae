"""The fast path of ``loads`` gives what the strict path gives, or steps aside (issue 14).

The strict path is ``structure_document(parse_json(text))``: the definition. The fast path
(``supercomplaint._fastload.fast_loads``) must never accept a text the strict path refuses, and must build
identical objects (same types all the way down, not merely equal: a ``StrEnum`` member equals its string) when it
accepts. Texts are written here by a writer that repeats keys, escapes characters, varies whitespace and
spells numbers oddly, from the strategies' documents and from the examples.
"""

from __future__ import annotations

import json
import random
import sys
import threading
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import strategies
from supercomplaint._fastdump import unstructured
from supercomplaint._fastload import fast_loads
from supercomplaint.converter import structure_document, unstructure_document
from supercomplaint.io import MAX_DEPTH, parse_json

from .conftest import EXAMPLES

EXAMPLE_FILES = sorted(
    path for path in EXAMPLES.rglob("*.json") if json.loads(path.read_text(encoding="utf-8")).get("kind")
)


def strict(data: str | bytes, kind: str | None = None) -> sc.Document | sc.LoadError:
    """What the strict path gives: the document, or the error it raises."""
    try:
        return structure_document(parse_json(data), kind=kind, json_checked=True)
    except sc.LoadError as exc:
        return exc


def identical(a: Any, b: Any, path: str = "$") -> None:
    """``a`` and ``b`` are equal and of the same types all the way down."""
    assert type(a) is type(b), (path, type(a), type(b))
    if attrs.has(type(a)):
        for field in attrs.fields(type(a)):
            identical(getattr(a, field.name), getattr(b, field.name), f"{path}.{field.name}")
    elif isinstance(a, tuple | list):
        assert len(a) == len(b), path
        for index, (x, y) in enumerate(zip(a, b, strict=True)):
            identical(x, y, f"{path}[{index}]")
    elif isinstance(a, dict):
        assert list(a) == list(b), path
        for key in a:
            identical(a[key], b[key], f"{path}.{key}")
    elif isinstance(a, float):
        assert repr(a) == repr(b), path  # -0.0 and 0.0 are equal, but not the same value
    else:
        assert a == b, path


def agrees(data: str | bytes, kind: str | None = None) -> bool:
    """The fast path agrees with the strict path on ``data``; True when it took the document itself."""
    fast = fast_loads(data, kind, MAX_DEPTH)
    if fast is None:
        return False
    slow = strict(data, kind)
    assert not isinstance(slow, sc.LoadError), f"the fast path accepted what the strict path refuses: {slow}"
    identical(fast, slow)
    return True


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_every_example_takes_the_fast_path_and_gives_the_same_document(path: Path) -> None:
    raw = path.read_bytes()
    assert agrees(raw)
    assert agrees(raw.decode("utf-8"))
    assert agrees(b"\xef\xbb\xbf" + raw)
    text = sc.dumps(sc.load(path), version="1.1")
    assert agrees(text)
    identical(sc.loads(raw), strict(raw))


@given(strategies.documents())
def test_generated_documents_take_the_fast_path_and_give_the_same_document(doc: sc.Document) -> None:
    for version in ("1.0", "1.1"):
        try:
            text = sc.dumps(doc, version=version)
        except sc.VersionError:
            continue
        assert agrees(text)
        assert sc.loads(text) == doc  # equal, not identical: extension keys come back sorted


# --------------------------------------------------------------------------------------------------
# A writer of odd JSON text
# --------------------------------------------------------------------------------------------------

_SPACES = ["", "", " ", "\n", "\t", "\r\n  "]


def _string(rnd: random.Random, text: str, rate: float) -> str:
    out = ['"']
    for ch in text:
        how = 0 if rnd.random() < rate else 9
        if ch in '"\\' or ch < " ":
            out.append(json.dumps(ch)[1:-1] if how or rnd.random() < 0.5 else f"\\u{ord(ch):04x}")
        elif how == 0 and rnd.random() < 0.8:  # any character may be escaped, ':' too
            out.append(f"\\u{ord(ch):04x}" if ord(ch) < 0x10000 else json.dumps(ch, ensure_ascii=True)[1:-1])
        elif how == 0 and ch == "/":
            out.append("\\/")
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def _number(rnd: random.Random, value: int | float) -> str:
    if isinstance(value, int):
        return str(value)
    text = repr(value)
    if rnd.random() < 0.5 and "e" not in text and "inf" not in text:
        text = f"{text}0e0"  # the same float spelled otherwise
    return text


@st.composite
def odd_texts(draw: st.DrawFn, value: Any, *, repeat_keys: bool = True) -> str:
    """JSON text for ``value``, written oddly: maybe with a key repeated somewhere."""
    rnd = random.Random(draw(st.integers(0, 2**32)))

    def space() -> str:
        return rnd.choice(_SPACES)

    rate = rnd.choice([0.0, 0.0, 0.01, 0.2])  # of characters escaped
    repeats = rnd.choice([0.0, 0.0, 0.03, 0.2]) if repeat_keys else 0.0  # of objects with a key repeated

    def write(node: Any) -> str:
        if isinstance(node, dict):
            pairs = [(k, write(v)) for k, v in node.items()]
            if pairs and rnd.random() < repeats:
                key, text = rnd.choice(pairs)
                again = (key, rnd.choice([text, '"other"', "1", "{}", '":"']))
                pairs.insert(rnd.randrange(len(pairs) + 1), again)
            inner = ",".join(f"{space()}{_string(rnd, k, rate)}{space()}:{space()}{t}" for k, t in pairs)
            return f"{space()}{{{inner}{space()}}}"
        if isinstance(node, list):
            return f"{space()}[{','.join(write(v) for v in node)}{space()}]"
        if isinstance(node, str):
            return space() + _string(rnd, node, rate)
        if node is None or isinstance(node, bool):
            return space() + json.dumps(node)
        return space() + _number(rnd, node)

    return write(value) + space()


@st.composite
def document_texts(draw: st.DrawFn) -> str:
    doc = draw(strategies.documents())
    value = unstructure_document(doc)
    if draw(st.booleans()) and isinstance(value.get("extensions"), dict):
        value["extensions"] = {**value["extensions"], "x.odd": draw(_ODD_VALUES)}
    return draw(odd_texts(value))


_ODD_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.integers(min_value=-(2**64), max_value=2**64)
    | st.sampled_from([10**18 - 1, 10**18, -(10**18), 2**63, -(2**63) - 1, 10**4299])
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(st.characters(exclude_categories=["Cs"]), max_size=8)
    | st.sampled_from([":", '":', "\\", '"', "\u003a", "]", "[{", "\ufeff"])
)
_ODD_VALUES = st.recursive(
    _ODD_SCALARS,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=4), children, max_size=3),
    max_leaves=12,
)


@given(document_texts())
def test_odd_texts_of_documents_are_read_as_the_strict_path_reads_them(text: str) -> None:
    agrees(text)
    agrees(text.encode("utf-8"))


@given(st.data())
def test_a_repeated_key_is_never_read_by_the_fast_path(data: st.DataObject) -> None:
    path = data.draw(st.sampled_from(EXAMPLE_FILES))
    value = json.loads(path.read_text(encoding="utf-8"))
    text = data.draw(odd_texts(value, repeat_keys=False))
    # Repeat one key of one object, anywhere in the text: the strict path refuses it, so must the fast path.
    objects = [i for i, ch in enumerate(text) if ch == "{"]
    position = data.draw(st.sampled_from(objects))
    if text[position + 1 :].lstrip().startswith("}"):
        return
    inside_string = text[:position].count('"') - text[:position].count('\\"')
    if inside_string % 2:
        return
    key = data.draw(st.sampled_from(["kind", "id", "extensions", "label", "x"]))
    twice = f'{{"{key}": 1, "{key}": 2, '
    bad = text[:position] + twice + text[position + 1 :]
    assert fast_loads(bad, None, MAX_DEPTH) is None
    assert isinstance(strict(bad), sc.LoadError)


# --------------------------------------------------------------------------------------------------
# Limits: depth, numbers, surrogates, encodings
# --------------------------------------------------------------------------------------------------


def _hestia() -> dict[str, Any]:
    value: dict[str, Any] = json.loads(sc.dumps(sc.load(EXAMPLES / "hestia" / "case.json")))
    return value


@pytest.mark.parametrize("nesting", [1, 5, MAX_DEPTH - 12, MAX_DEPTH - 10, MAX_DEPTH - 9, MAX_DEPTH, MAX_DEPTH + 5])
def test_deep_extensions_are_read_as_the_strict_path_reads_them(nesting: int) -> None:
    value = _hestia()
    deep: Any = 1
    for _ in range(nesting):
        deep = [deep]
    value["report"]["recommendations"][0]["extensions"] = {"x.deep": deep}
    text = json.dumps(value)
    agrees(text)
    if isinstance(strict(text), sc.LoadError):
        assert fast_loads(text, None, MAX_DEPTH) is None


@pytest.mark.parametrize("nesting", [1, 2, 40, 90, 94, 95, 96, 97, 100, 150])
def test_deep_parts_are_read_as_the_strict_path_reads_them(nesting: int) -> None:
    value = _hestia()
    part: dict[str, Any] = {"id": "p0", "text": "t"}
    for level in range(1, nesting):
        part = {"id": f"p{level}", "text": "t", "parts": [part]}
    value["report"]["recommendations"][0]["parts"] = [part]
    text = json.dumps(value)
    accepted = agrees(text)
    refused = isinstance(strict(text), sc.LoadError)
    assert not (accepted and refused)
    if nesting <= 90:
        assert accepted  # a conservative bound, but not a timid one


@pytest.mark.parametrize(
    "odd",
    [
        "NaN",
        "Infinity",
        "-Infinity",
        "1e400",
        "-1e400",
        "1" * 19,
        "1" * 4300,
        "1" * 4301,
        "18446744073709551616",
        "-9223372036854775809",
        "-0",
        "-0.0",
        "1E2",
        "5e-324",
        "1e-400",
        '"\\ud800"',
        '"\\udc00\\ud800"',
        '"\\ud83d\\ude00"',
        '"a\\u003ab"',
        '"\ud800"',
        "[[[[]]]]",
    ],
)
def test_odd_values_in_extensions_are_read_as_the_strict_path_reads_them(odd: str) -> None:
    text = json.dumps(_hestia())
    text = text.replace('"kind": "case"', f'"extensions": {{"x.odd": {odd}}}, "kind": "case"', 1)
    agrees(text)
    try:
        encoded = text.encode("utf-8")
    except UnicodeEncodeError:
        return
    agrees(encoded)


@example(b"\xef\xbb\xbf\xef\xbb\xbf{}")
@example(b'{"kind": "case", "kind": "case"}')
@example(b"\xff")
@given(st.binary(max_size=40) | st.text(max_size=40).map(str.encode))
def test_any_bytes_are_read_as_the_strict_path_reads_them(raw: bytes) -> None:
    agrees(raw)
    assert fast_loads(raw, None, MAX_DEPTH) is None or not isinstance(strict(raw), sc.LoadError)


@pytest.mark.parametrize("kind", ["case", "response", "register", "bogus", None])
def test_the_kind_asked_for_is_read_as_the_strict_path_reads_it(kind: str | None) -> None:
    raw = (EXAMPLES / "hestia" / "case.json").read_bytes()
    accepted = agrees(raw, kind)
    assert accepted == (kind in ("case", None))
    if not accepted:
        with pytest.raises(sc.LoadError):
            sc.loads(raw, kind=kind)


def test_what_is_not_text_is_left_to_the_strict_path() -> None:
    assert fast_loads(bytearray(b"{}"), None, MAX_DEPTH) is None
    assert fast_loads(42, None, MAX_DEPTH) is None


@pytest.mark.parametrize(
    "pair",
    [
        '"label": "a", "label": "b\\u003a"',  # the dropped pair's colon, made up by an escaped one
        '"label": "a\\u003ab", "label": "c"',
        '"label": "a", "label": "a"',
        '"label": "a", "text": "t", "label": "a"',
    ],
)
def test_a_repeated_key_hidden_by_an_escaped_colon_is_found(pair: str) -> None:
    value = _hestia()
    recommendation = value["report"]["recommendations"][0]
    recommendation.pop("label", None)
    recommendation.pop("text", None)
    text = json.dumps(value).replace(f'"id": "{recommendation["id"]}"', f'"id": "{recommendation["id"]}", {pair}', 1)
    assert isinstance(strict(text), sc.LoadError)
    assert fast_loads(text, None, MAX_DEPTH) is None


@pytest.mark.parametrize(
    "odd_id",
    ["a\\nb", "a\\n", "\\na", "a b", "", "a" * 201, "é", "a\\u0000", ".a", "-a", "_a", ":a", "a/b", "a\\u00e9"],
)
@pytest.mark.parametrize("position", [0, 1, -1])
def test_ids_the_pattern_refuses_are_left_to_the_strict_path(odd_id: str, position: int) -> None:
    value = _hestia()
    if position == 0:
        value["id"] = "PLACEHOLDER"  # the first id the fast path meets
    elif position == 1:
        value["report"]["recommendations"][0]["id"] = "PLACEHOLDER"
    else:
        value["responses"][3]["items"][-1]["item"] = "PLACEHOLDER"  # among the last
    text = json.dumps(value).replace('"PLACEHOLDER"', f'"{odd_id}"')
    assert isinstance(strict(text), sc.LoadError)
    assert fast_loads(text, None, MAX_DEPTH) is None


@pytest.mark.parametrize("limit", [0, 640, 4300, 10_000])
def test_long_integers_are_read_as_the_strict_path_reads_them_whatever_the_limit(limit: int) -> None:
    old = sys.get_int_max_str_digits()
    sys.set_int_max_str_digits(limit)
    try:
        for digits in (18, 19, 639, 641, 4300, 4301):
            for where in ("extensions", "amount"):
                value = _hestia()
                if where == "extensions":
                    value["extensions"] = {"x.n": "PLACEHOLDER"}
                    text = json.dumps(value).replace('"PLACEHOLDER"', "7" * digits)
                else:
                    value["report"]["recommendations"][0]["deadline"] = {
                        "type": "period", "amount": "PLACEHOLDER", "unit": "days", "anchor": "report-published",
                        "counting": "after",
                    }  # fmt: skip
                    text = json.dumps(value).replace('"PLACEHOLDER"', "7" * digits)
                agrees(text)
    finally:
        sys.set_int_max_str_digits(old)


# --------------------------------------------------------------------------------------------------
# dumps: the text needs no look for floats and nulls when the document holds no extension data
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "data",
    [{}, {"x.tiny": 1e-05}, {"x.tiny": [1e-07, None, 2.5e-05]}, {"x.none": None}, {"x.big": 2**70}],
    ids=["none", "float", "floats", "null", "big"],
)
@pytest.mark.parametrize("where", ["document", "deadline", "part"])
def test_extension_data_anywhere_is_written_as_the_reference_writes_it(data: dict[str, Any], where: str) -> None:
    value = _hestia()
    target = {"document": value}
    if where == "deadline":
        target["deadline"] = value["report"]["recommendations"][0].setdefault("deadline", {"type": "none"})
    if where == "part":
        value["report"]["recommendations"][0]["parts"] = [{"id": "p-x", "text": "t"}]
        target["part"] = value["report"]["recommendations"][0]["parts"][0]
    target[where]["extensions"] = data
    doc = sc.loads(json.dumps(value))
    expected = json.dumps(unstructure_document(doc), ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    assert sc.dumps(doc) == expected


@pytest.mark.parametrize("bad", [float("nan"), float("inf")])
def test_a_float_no_json_holds_in_extension_data_is_refused_as_the_reference_refuses_it(bad: float) -> None:
    doc = sc.load(EXAMPLES / "hestia" / "case.json")
    doc = attrs.evolve(doc, extensions={"x.bad": [bad]})
    with pytest.raises(ValueError, match="not JSON compliant"):
        sc.dumps(doc)


@given(strategies.documents())
def test_the_generated_unstructuring_gives_the_converters_value_key_for_key(doc: sc.Document) -> None:
    for version in ("1.0", "1.1"):
        try:
            expected = unstructure_document(doc, version=version)
        except sc.VersionError as exc:
            problems = exc.problems
            expected = None
        if expected is None:
            with pytest.raises(sc.VersionError) as raised:
                unstructured(doc, version)
            assert raised.value.problems == problems
            continue
        found = unstructured(doc, version)
        assert json.dumps(found) == json.dumps(expected)  # the same keys in the same order, the same values
        identical(found, expected)


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_the_generated_unstructuring_gives_the_converters_value_for_every_example(path: Path) -> None:
    test_the_generated_unstructuring_gives_the_converters_value_key_for_key.hypothesis.inner_test(sc.load(path))  # type: ignore[attr-defined]


def test_loads_in_many_threads_at_once_give_the_documents_read_one_at_a_time() -> None:
    texts = [path.read_bytes() for path in EXAMPLE_FILES]
    expected = [sc.loads(text) for text in texts]
    failures: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for round_ in range(30):
                index = (offset + round_) % len(texts)
                identical(sc.loads(texts[index]), expected[index])
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            failures.append(exc)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(6)]
    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)  # threads taking turns in the middle of a load
    try:
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    assert not failures, failures[0]
