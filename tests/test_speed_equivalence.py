"""The fast canonical writer gives exactly the bytes the standard library's encoder gives (issue 14).

The reference is the encoder ``dumps`` used before: ``json.dumps(value, ensure_ascii=False, indent=2,
allow_nan=False) + "\\n"``, kept here as :func:`reference`. Compared over every example, the strategies'
documents, and JSON values with big integers, floats of every magnitude, any Unicode and any key order.
"""

from __future__ import annotations

import gc
import json
import math
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import strategies
from supercomplaint._json import canonical_bytes, canonical_text, document_bytes, document_text
from supercomplaint.converter import unstructure_document

from .conftest import EXAMPLES


def reference(value: Any) -> str:
    """The canonical text as ``dumps`` wrote it before orjson: the definition the fast path must meet."""
    return json.dumps(value, ensure_ascii=False, indent=2, allow_nan=False) + "\n"


EXAMPLE_FILES = sorted(
    path for path in EXAMPLES.rglob("*.json") if json.loads(path.read_text(encoding="utf-8")).get("kind")
)


def test_there_are_examples() -> None:
    assert len(EXAMPLE_FILES) >= 3


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_every_example_dumps_as_the_reference_writes_it(path: Path) -> None:
    doc = sc.load(path)
    for version in ("1.0", "1.1"):
        try:
            value = unstructure_document(doc, version=version)
        except sc.VersionError:
            continue
        assert canonical_text(value) == reference(value)
        assert document_text(doc, version) == reference(value)
        assert document_bytes(doc, version) == reference(value).encode("utf-8")
        assert sc.dumps(doc, version=version) == reference(value)


@given(strategies.documents())
def test_generated_documents_dump_as_the_reference_writes_them(doc: sc.Document) -> None:
    value = unstructure_document(doc)
    assert sc.dumps(doc) == reference(value)
    assert document_text(doc) == reference(value)
    assert canonical_bytes(value) == reference(value).encode("utf-8")


def test_the_collector_is_as_it_was_after_a_dump() -> None:
    doc = sc.load(EXAMPLE_FILES[0])
    assert gc.isenabled()
    document_text(doc)
    assert gc.isenabled()
    gc.disable()
    try:
        document_bytes(doc)
        assert not gc.isenabled()
    finally:
        gc.enable()



def test_the_collector_is_held_while_a_python_value_is_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    from supercomplaint import io as scio

    seen: list[bool] = []
    real = json.loads

    def loads(text: str) -> Any:
        seen.append(gc.isenabled())
        return real(text)

    monkeypatch.setattr(json, "loads", loads)  # the module io reads back with
    data = json.loads(EXAMPLE_FILES[0].read_text(encoding="utf-8"))
    assert sc.validate(data).valid
    seen.clear()
    assert scio._plainly_json(data)
    assert not scio._plainly_json({"a": (1,)})  # read back unequal: the walk gives the problem
    assert seen == [False, False]  # both read back with the collector held
    assert gc.isenabled()  # and enabled again after
    gc.disable()
    try:
        assert sc.validate(data).valid
        assert not gc.isenabled()  # a caller's disabled collector is left disabled
    finally:
        gc.enable()

_NO_SURROGATE = st.characters(exclude_categories=["Cs"])
_KEYS = st.text(_NO_SURROGATE, max_size=8)
_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers()  # beyond 64 bits too: orjson refuses those, and the reference writes them
    | st.integers(min_value=-(2**64), max_value=2**64)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.floats(min_value=-1e-3, max_value=1e-3, allow_nan=False)  # where orjson spells floats its own way
    | st.text(_NO_SURROGATE, max_size=12)
    | st.sampled_from(['": 1e-05', "\n", "\\", '"', "\x7f", "\u2028", "null", "é💩"])
)
_VALUES = st.recursive(
    _SCALARS,
    lambda children: st.lists(children, max_size=4) | st.dictionaries(_KEYS, children, max_size=4),
    max_leaves=20,
)


@given(_VALUES)
@example({"b": 1e-05, "a": [1e-07, -0.0, 1e16, 5e-324, 2**70, -(2**63), None]})
@example({'x": 1e-05': '": 1.0e-7', "y": [[], {}, [{}]], "z": "0.00001"})
@example([1.5e-05, {"k": 0.0001}])
@example(1e-05)
@example(None)
@example(2**64)
def test_json_values_dump_as_the_reference_writes_them(value: Any) -> None:
    assert canonical_text(value) == reference(value)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_not_finite_numbers_are_refused_as_the_reference_refuses_them(bad: float) -> None:
    with pytest.raises(ValueError, match="not JSON compliant"):
        reference({"a": [bad]})
    for value in ({"a": [bad]}, {"a": bad}, [1, bad], bad):
        with pytest.raises(ValueError, match="not JSON compliant"):
            canonical_text(value)


def test_lone_surrogates_are_written_as_the_reference_writes_them() -> None:
    value = {"a": "x\ud800y"}
    assert canonical_text(value) == reference(value)


# --------------------------------------------------------------------------------------------------
# Written straight from the model (orjson asking for each object as it reaches it)
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.relative_to(EXAMPLES).as_posix())
def test_examples_are_written_straight_from_the_model(path: Path) -> None:
    from supercomplaint._json import _streamed

    doc = sc.load(path)
    streamed = _streamed(doc, None)
    assert streamed is not None  # the way taken, not stepped aside from
    assert streamed == reference(unstructure_document(doc)).encode("utf-8")


@given(strategies.documents())
def test_generated_documents_are_written_straight_from_the_model_as_the_reference_writes_them(
    doc: sc.Document,
) -> None:
    from supercomplaint._json import _fast, _streamed

    value = unstructure_document(doc)
    expected = reference(value).encode("utf-8", "surrogatepass")
    streamed = _streamed(doc, None)
    if streamed is None:  # stepped aside only for what the whole value settles: a null, or what orjson refuses
        assert b" null" in expected or _fast(value) is None
    else:
        assert streamed == expected


def _with_extensions(extensions: dict[str, Any]) -> sc.CaseRecord:
    case = sc.load(EXAMPLE_FILES[0])
    assert isinstance(case, sc.CaseRecord)
    return attrs.evolve(case, extensions=extensions)


@pytest.mark.parametrize(
    "extensions",
    [
        {"n": None},  # a null: the whole value says whether it was NaN
        {"big": 2**70},  # beyond orjson's integers
        {"s": "x\ud800y"},  # a lone surrogate
        {"f": [1e-05, 1e-07, 0.1, -0.0, 1e16]},  # spelled as Python spells them
        {"b": {"z": 1, "a": [True, False]}},
    ],
)
def test_extension_data_is_written_as_the_reference_writes_it(extensions: dict[str, Any]) -> None:
    doc = _with_extensions(extensions)
    expected = reference(unstructure_document(doc))
    assert sc.dumps(doc) == expected
    if "\ud800" in expected:  # no UTF-8 holds it: writing the bytes raises, as it did before
        with pytest.raises(UnicodeEncodeError):
            document_bytes(doc)
    else:
        assert document_bytes(doc) == expected.encode("utf-8")


@pytest.mark.parametrize("bad", [math.nan, math.inf])
def test_not_finite_extension_data_is_refused_as_the_reference_refuses_it(bad: float) -> None:
    doc = _with_extensions({"x": {"y": bad}})
    with pytest.raises(ValueError, match="not JSON compliant"):
        sc.dumps(doc)


def test_parts_nested_past_orjson_s_limits_are_written_as_the_reference_writes_them() -> None:
    case = sc.load(EXAMPLE_FILES[0], kind="case")
    assert case.report is not None
    part = sc.Part(id="p0", text="deepest")
    for level in range(1, 130):  # 260 arrays and objects deep: past orjson's 255
        part = sc.Part(id=f"p{level}", text=f"level {level}", parts=(part,))
    first = attrs.evolve(case.report.recommendations[0], parts=(part,))
    deep = attrs.evolve(case, report=attrs.evolve(case.report, recommendations=(first,)))
    assert sc.dumps(deep) == reference(unstructure_document(deep))


def test_a_document_of_the_wrong_kind_or_version_raises_as_before() -> None:
    case = sc.load(EXAMPLE_FILES[0], kind="case")
    with pytest.raises(TypeError):
        sc.dumps(case.report)  # type: ignore[arg-type]
    newer = sc.load(EXAMPLES / "illustrative-vaw" / "case.json")
    assert sc.needed_version(newer) == "1.1"
    with pytest.raises(sc.VersionError):
        sc.dumps(newer, version="1.0")
