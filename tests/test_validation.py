"""validate(): the report, its codes and paths, formats, offline references, robustness and speed."""

from __future__ import annotations

import contextlib
import copy
import json
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest

import supercomplaint as sc
from supercomplaint import validation
from supercomplaint.converter import structure_document

from .conftest import EXAMPLES, HESTIA, ROOT

INVALID = ROOT / "tests" / "invalid"
EXPECTED: dict[str, dict[str, str]] = json.loads((INVALID / "expected.json").read_text(encoding="utf-8"))
EXAMPLE_FILES = sorted(EXAMPLES.rglob("*.json"))


def hestia() -> dict[str, Any]:
    """The Hestia case as a document of the latest schema version (the example file itself is 1.0)."""
    data: dict[str, Any] = json.loads(sc.upgrade((HESTIA / "case.json").read_bytes()))
    return data


def test_a_document_is_validated_against_its_own_version_s_schema() -> None:
    data: dict[str, Any] = json.loads((HESTIA / "case.json").read_text(encoding="utf-8"))
    assert data["schemaVersion"] == "1.0"
    data["report"]["recommendations"][1]["provenance"] = {"fidelity": "summary"}  # new in 1.1
    del data["report"]["recommendations"][2]["text"]  # required in 1.0, optional since 1.1
    data["report"]["recommendations"][3]["deadline"] = {"type": "fixed", "date": "2025-03"}  # a month: 1.1
    expected = {
        (
            "unknown-key",
            "$.report.recommendations[1].provenance",
            "1.0/case.schema.json#/$defs/Recommendation/additionalProperties",
        ),
        ("missing-field", "$.report.recommendations[2].text", "1.0/case.schema.json#/$defs/Recommendation/required"),
        ("invalid-date", "$.report.recommendations[3].deadline.date", "1.0/case.schema.json#/$defs/Date/pattern"),
    }
    for engine in ("fast", "jsonschema"):
        report = sc.validate(data, engine=engine)
        assert {(p.code, p.path, p.schema_path) for p in report.problems} == expected, engine
    message = next(p.message for p in sc.validate(data).problems if p.code == "unknown-key")
    assert "new in schema version 1.1" in message
    data["schemaVersion"] = "1.1"
    assert sc.validate(data).valid
    assert sc.validate(data, engine="jsonschema").valid


def loader_problems(data: object) -> set[tuple[str, str]]:
    try:
        structure_document(data)
    except sc.LoadError as exc:
        return {(p.code, p.path) for p in exc.problems}
    return set()


def codes_and_paths(report: validation.ValidationReport) -> set[tuple[str, str]]:
    return {(p.code, p.path) for p in report.problems}


# --------------------------------------------------------------------------------------------------
# The corpora
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_document_gives_the_loaders_code_and_path(name: str) -> None:
    want = EXPECTED[name]
    report = sc.validate((INVALID / name).read_bytes())
    assert not report.valid
    assert (want["code"], want["path"]) in codes_and_paths(report), report.problems
    for problem in report.problems:
        assert problem.code
        assert problem.message
        assert problem.path.startswith("$")
        assert problem.severity is sc.Severity.ERROR


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_document_gives_exactly_what_the_loader_gives(name: str) -> None:
    raw = (INVALID / name).read_bytes()
    with pytest.raises(sc.LoadError) as info:
        sc.loads(raw)
    assert codes_and_paths(sc.validate(raw)) == {(p.code, p.path) for p in info.value.problems}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_both_engines_give_the_same_errors(name: str) -> None:
    raw = (INVALID / name).read_bytes()
    fast, reference = sc.validate(raw), sc.validate(raw, engine="jsonschema")
    assert [(p.code, p.path, p.schema_path) for p in fast.problems] == [
        (p.code, p.path, p.schema_path) for p in reference.problems
    ]
    assert fast.kind == reference.kind


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_every_example_is_valid(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    report = sc.validate(text)
    assert report.valid, report.problems
    assert report.problems == ()
    assert report.kind == json.loads(text)["kind"]
    assert report.document == sc.loads(text)


@pytest.mark.parametrize("engine", ["fast", "jsonschema"])
def test_schema_problems_carry_the_failing_schema_location(engine: validation.Engine) -> None:
    doc = hestia()
    doc["report"]["recommendations"][1]["deadline"] = {"type": "fixed", "date": "2021-02-30"}
    doc["report"]["published"] = "2021-13"
    doc["complaint"]["title"] = ""
    report = sc.validate(doc, engine=engine)
    assert {(p.code, p.path, p.schema_path) for p in report.problems} == {
        # the pattern knows the calendar: no format check is needed to refuse 30 February
        ("invalid-date", "$.report.recommendations[1].deadline.date", "case.schema.json#/$defs/PartialDate/pattern"),
        ("invalid-date", "$.report.published", "case.schema.json#/$defs/PartialDate/pattern"),
        ("empty-string", "$.complaint.title", "case.schema.json#/$defs/Complaint/properties/title/minLength"),
    }


@pytest.mark.parametrize("engine", ["fast", "jsonschema"])
def test_every_error_is_reported_not_just_the_first(engine: validation.Engine) -> None:
    doc = hestia()
    doc["report"]["recommendations"][0]["addressees"] = "home-office"
    doc["report"]["recommendations"][1]["deadline"] = {"type": "fixed", "date": "2021-02-30"}
    doc["responses"][0]["items"][0]["position"] = "maybe"
    doc["complaint"]["surprise"] = True
    doc["extensions"] = {"Bad": 1, "also bad": 2, "org.good": 3}
    want = {
        ("wrong-type", "$.report.recommendations[0].addressees"),
        ("invalid-date", "$.report.recommendations[1].deadline.date"),
        ("invalid-value", "$.responses[0].items[0].position"),
        ("unknown-key", "$.complaint.surprise"),
        ("invalid-namespace", "$.extensions.Bad"),
        ("invalid-namespace", "$.extensions['also bad']"),
    }
    assert codes_and_paths(sc.validate(doc, engine=engine)) == want == loader_problems(doc)


def test_problems_come_in_a_stable_order() -> None:
    doc = hestia()
    doc["complaint"]["zzz"] = 1
    doc["complaint"]["aaa"] = 1
    doc["id"] = ""
    paths = [p.path for p in sc.validate(doc).problems]
    assert paths == sorted(paths)


# --------------------------------------------------------------------------------------------------
# Formats, patterns, null
# --------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2021-02-28", True),
        ("2024-02-29", True),
        ("2021-02-29", False),
        ("2021-02-30", False),
        ("2021-04-31", False),
        ("2021-13-01", False),
        ("0000-01-01", False),
        ("2021-1-01", False),
        ("2021-01", True),  # a month: since 1.1 (a 1.0 document takes only a full date here)
        ("2021", True),
        ("2021-00", False),
        ("٢٠٢١-01-01", False),
        ("2021-01-01\n", False),
    ],
)
def test_fixed_dates_are_calendar_dates(value: str, valid: bool) -> None:
    doc = hestia()
    doc["report"]["recommendations"][0]["deadline"] = {"type": "fixed", "date": value}
    report = sc.validate(doc)
    assert report.valid is valid
    if not valid:
        assert codes_and_paths(report) == {("invalid-date", "$.report.recommendations[0].deadline.date")}
        assert report.problems[0].schema_path is not None
    assert (loader_problems(doc) == set()) is valid
    assert sc.validate(doc, engine="jsonschema").valid is valid
    doc["schemaVersion"] = "1.0"
    assert sc.validate(doc).valid is (valid and len(value) == 10)


@pytest.mark.parametrize(
    ("value", "valid"),
    [
        ("2021", True),
        ("2021-11", True),
        ("2021-11-30", True),
        ("0001", True),
        ("0000", False),
        ("0000-05", False),
        ("2021-00", False),
        ("2021-13", False),
        ("2021-11-31", False),
        ("21", False),
        ("2021-1", False),
        ("2021\n", False),
        ("٢٠٢١", False),
    ],
)
def test_partial_dates(value: str, valid: bool) -> None:
    doc = hestia()
    doc["report"]["published"] = value
    report = sc.validate(doc)
    assert report.valid is valid, report.problems
    if not valid:
        assert codes_and_paths(report) == {("invalid-date", "$.report.published")}
        assert report.problems[0].schema_path is not None
    assert (loader_problems(doc) == set()) is valid


@pytest.mark.parametrize("value", ["abc\n", "a b", "-abc", "x" * 201, "é"])
def test_ids_match_on_the_whole_string(value: str) -> None:
    doc = hestia()
    doc["id"] = value
    report = sc.validate(doc)
    assert codes_and_paths(report) == {("invalid-id", "$.id")} == loader_problems(doc)
    assert report.problems[0].schema_path == "case.schema.json#/$defs/Id/pattern"


def test_null_is_refused_where_a_key_may_be_left_out() -> None:
    doc = hestia()
    doc["report"]["summary"] = None
    doc["complaint"]["eligibility"]["date"] = None
    doc["report"]["actions"][0]["deadline"] = None
    want = {
        ("wrong-type", "$.report.summary"),
        ("wrong-type", "$.complaint.eligibility.date"),
        ("wrong-type", "$.report.actions[0].deadline"),
    }
    assert codes_and_paths(sc.validate(doc)) == want == loader_problems(doc)


def test_ecma_dollar_is_the_end_of_the_text() -> None:
    assert validation._ecma_regex(r"^a[$]b\$c$").pattern == r"^a[$]b\$c\Z"
    assert validation._ecma_regex(r"^[a\]$]+$").pattern == r"^[a\]$]+\Z"


# --------------------------------------------------------------------------------------------------
# Kinds
# --------------------------------------------------------------------------------------------------


def test_a_kind_can_be_insisted_on() -> None:
    report = sc.validate(hestia(), kind="response")
    assert [(p.code, p.path) for p in report.problems] == [("unexpected-kind", "$.kind")]
    assert report.problems[0].schema_path == "response.schema.json#/properties/kind/const"
    assert sc.validate(hestia(), kind="case").valid


def test_a_document_without_a_kind_is_checked_against_the_kind_asked_for() -> None:
    doc = hestia()
    del doc["kind"]
    doc["complaint"]["surprise"] = 1
    report = sc.validate(doc, kind="case")
    assert codes_and_paths(report) == {("missing-field", "$.kind"), ("unknown-key", "$.complaint.surprise")}
    assert report.kind == "case"
    with pytest.raises(sc.LoadError) as info:
        structure_document(doc, kind="case")
    assert {(p.code, p.path) for p in info.value.problems} == codes_and_paths(report)


def test_a_document_of_unknown_kind_reports_its_kind_and_version() -> None:
    report = sc.validate({"kind": "letter", "schemaVersion": "9.9"})
    assert codes_and_paths(report) == {("unknown-kind", "$.kind"), ("unsupported-version", "$.schemaVersion")}
    assert report.kind is None


def test_an_unknown_kind_or_engine_argument_is_a_programming_error() -> None:
    with pytest.raises(ValueError, match="not a document kind"):
        sc.validate(hestia(), kind="letter")
    with pytest.raises(ValueError, match="not an engine"):
        sc.validate(hestia(), engine="fastest")  # type: ignore[call-overload]


# --------------------------------------------------------------------------------------------------
# Input forms and robustness
# --------------------------------------------------------------------------------------------------


def test_text_bytes_and_parsed_json_give_the_same_report() -> None:
    raw = (INVALID / "unknown-key.json").read_bytes()
    reports = [
        sc.validate(raw),
        sc.validate(raw.decode("utf-8")),
        sc.validate(bytearray(raw)),
        sc.validate(memoryview(raw)),
        sc.validate(json.loads(raw)),
    ]
    assert all(r == reports[0] for r in reports)


@pytest.mark.parametrize(
    "data",
    [
        None,
        42,
        1.5,
        True,
        [],
        "",
        "not json",
        b"\xff\xfe",
        "[1, 2",
        '{"a": 1, "a": 2}',
        "NaN",
        {},
        {"kind": None},
        {"kind": ["case"], "schemaVersion": 1.0},
        {"kind": "case", "schemaVersion": "1.0", "id": 7, "complaint": []},
        {"kind": "case", "schemaVersion": "1.0", "id": "c", "complaint": {"title": "t", "complainants": [None]}},
        {"kind": "register", "schemaVersion": "1.0", "bodies": [], "extensions": {1: "non-string key"}},
        {"kind": "register", "schemaVersion": "1.0", "bodies": (), "source": object()},
        {"kind": "register", "schemaVersion": "1.0", "bodies": [], "extensions": {"org.x": {1, 2}}},
        {"kind": "register", "schemaVersion": "1.0", "bodies": [{"id": "b", "name": "n", "kind": "other"}] * 3},
    ],
    ids=repr,
)
@pytest.mark.parametrize("engine", ["fast", "jsonschema"])
def test_bad_data_never_raises(data: object, engine: validation.Engine) -> None:
    report = sc.validate(data, engine=engine)
    assert isinstance(report, validation.ValidationReport)
    for problem in report.problems:
        assert problem.code
        assert problem.message


@pytest.mark.parametrize("engine", ["fast", "jsonschema"])
def test_python_values_no_json_text_holds_are_not_a_document(engine: validation.Engine) -> None:
    # whatever validate() calls valid must dump and load back: a set, even in the extension slot, is refused
    data = {"kind": "register", "schemaVersion": "1.0", "bodies": [], "extensions": {"org.x": {1, 2}}}
    report = sc.validate(data, engine=engine)
    assert [(p.code, p.path) for p in report.problems] == [("not-json", "$.extensions['org.x']")]
    assert not report.valid


@pytest.mark.parametrize("engine", ["fast", "jsonschema"])
def test_deep_nesting_is_a_problem_not_a_crash(engine: validation.Engine) -> None:
    depth = 3_000
    part = '{"id": "p", "text": "t", "parts": [' * depth + '{"id": "p", "text": "t"}' + "]}" * depth
    text = (
        '{"kind": "case", "schemaVersion": "1.0", "id": "c", "complaint": {"title": "t", "complainants": []}, '
        '"report": {"id": "r", "title": "t", "actions": [{"id": "a", "owner": "o", "text": "t", "parts": ['
        + part
        + "]}]}}"
    )
    report = sc.validate(text, engine=engine)
    assert [p.code for p in report.problems] == ["json-too-deep"]


def test_report_api() -> None:
    good = sc.validate(hestia())
    assert good.valid
    assert good.kind == "case"
    assert isinstance(good.document, sc.CaseRecord)
    good.raise_for_problems()
    doc = hestia()
    del doc["id"]
    bad = sc.validate(doc)
    assert not bad.valid
    assert bad.document is None
    with pytest.raises(sc.LoadError) as info:
        bad.raise_for_problems("case.json")
    assert info.value.problems == bad.problems
    assert "case.json" in str(info.value)
    assert bad == sc.validate(copy.deepcopy(doc))


# --------------------------------------------------------------------------------------------------
# Offline references
# --------------------------------------------------------------------------------------------------


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Any attempt to reach the network fails the test loudly (and is recorded)."""
    attempts: list[str] = []

    def refuse(*args: object, **kwargs: object) -> Any:
        attempts.append(repr(args))
        raise AssertionError(f"network access attempted: {args!r}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(urllib.request, "urlopen", refuse)
    return attempts


def test_a_remote_ref_is_refused_with_a_clear_problem(no_network: list[str]) -> None:
    hostile = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "properties": {"report": {"$ref": "https://schemas.elsewhere.example/report.json"}},
    }
    problems = validation._problems_against({"report": {}}, validation._make_validator(hostile))
    assert problems is not None
    [problem] = problems
    assert problem.code == "schema-unresolvable"
    assert "https://schemas.elsewhere.example/report.json" in problem.message
    assert "never fetched" in problem.message
    assert no_network == []


def test_the_registry_refuses_every_address_it_does_not_ship(no_network: list[str]) -> None:
    from referencing.exceptions import Unretrievable

    with pytest.raises(Unretrievable) as info:
        validation.registry().get_or_retrieve("https://json-schema.org/some/other/schema")
    assert isinstance(info.value.__cause__, validation.SchemaNotShipped)
    # the shipped schemas themselves resolve with no network
    for kind in ("case", "response", "register", "definitions"):
        uri = sc.schema(kind)["$id"]
        assert validation.registry().get_or_retrieve(uri).value.contents["$id"] == uri
    doc = hestia()
    doc["id"] = ""
    assert not sc.validate(doc).valid
    assert no_network == []


# --------------------------------------------------------------------------------------------------
# Import cost and speed
# --------------------------------------------------------------------------------------------------


def test_jsonschema_is_imported_only_by_the_reference_engine() -> None:
    code = (
        "import sys, supercomplaint, supercomplaint.validation\n"
        "assert 'jsonschema' not in sys.modules, 'import'\n"
        f"r = supercomplaint.validate(open({str(HESTIA / 'case.json')!r}, 'rb').read())\n"
        "assert r.valid and 'jsonschema' not in sys.modules, 'valid document'\n"
        "r = supercomplaint.validate({'kind': 'register', 'schemaVersion': '1.0'})\n"
        "assert not r.valid and 'jsonschema' not in sys.modules, 'invalid document'\n"
        "r = supercomplaint.validate({'kind': 'register', 'schemaVersion': '1.0'}, engine='jsonschema')\n"
        "assert not r.valid and 'jsonschema' in sys.modules, 'reference engine'\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr


def _best(func: Any, data: object, rounds: int = 7, number: int = 5) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(number):
            func(data)
        best = min(best, (time.perf_counter() - start) / number)
    return best


def _structure(data: object) -> None:
    with contextlib.suppress(sc.LoadError):
        structure_document(data)


@pytest.mark.parametrize("valid", [True, False], ids=["valid", "invalid"])
def test_validating_costs_at_most_twice_structuring(valid: bool) -> None:
    data = hestia()
    if not valid:
        data["report"]["recommendations"][1]["deadline"] = {"type": "fixed", "date": "2021-02-30"}
        data["responses"][0]["items"][0]["position"] = "maybe"
        data["complaint"]["surprise"] = True
        assert len(sc.validate(data).problems) == 3
    structure = _best(_structure, data)
    validate = _best(sc.validate, data)
    assert validate <= 2 * structure, f"validate {validate * 1e3:.3f} ms, structure {structure * 1e3:.3f} ms"


AMOUNTS = [
    ("6", None),
    ("6.0", None),
    ("1e30", None),
    ("6.5", "wrong-type"),
    ("true", "wrong-type"),
    ('"6"', "wrong-type"),
    ("0", "out-of-range"),
    ("-1", "out-of-range"),
    ("1e400", "json-constant"),
]


@pytest.mark.parametrize(("amount", "code"), AMOUNTS)
@pytest.mark.parametrize("engine", ["fast", "jsonschema"])
def test_period_amounts(amount: str, code: str | None, engine: validation.Engine) -> None:
    data = hestia()
    monitoring = data["report"]["monitoring"][0]
    assert monitoring["deadline"]["type"] == "period"
    text = json.dumps(data).replace('"amount": 6', f'"amount": {amount}', 1)
    report = sc.validate(text, engine=engine)
    assert [p.code for p in report.problems] == ([code] if code else [])
    if code is None:
        sc.dumps(sc.loads(text))  # what is read can be written back


def test_a_number_too_large_for_a_float_is_refused_like_infinity() -> None:
    text = '{"kind": "register", "schemaVersion": "1.0", "bodies": [], "extensions": {"org.x": [1e400, 2.5]}}'
    assert codes_and_paths(sc.validate(text)) == {("json-constant", "$.extensions['org.x'][0]")}
    with pytest.raises(sc.LoadError):
        sc.loads(text)
