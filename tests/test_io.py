"""Loading and dumping: the invalid corpus, strict JSON, canonical output, atomic writes."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

import supercomplaint as sc
from supercomplaint.io import atomic_write

from .conftest import EXAMPLES, HESTIA, ROOT

INVALID = ROOT / "tests" / "invalid"
EXPECTED: dict[str, dict[str, str]] = json.loads((INVALID / "expected.json").read_text(encoding="utf-8"))


def test_corpus_is_complete() -> None:
    files = {p.name for p in INVALID.glob("*.json")} - {"expected.json"}
    assert files == set(EXPECTED), "every invalid document needs an expected code and path, and vice versa"


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_invalid_document_gives_its_problem(name: str) -> None:
    want = EXPECTED[name]
    with pytest.raises(sc.LoadError) as info:
        sc.load(INVALID / name)
    problems = info.value.problems
    assert problems, "a LoadError must carry at least one problem"
    assert (want["code"], want["path"]) in {(p.code, p.path) for p in problems}, problems
    for problem in problems:
        assert problem.code
        assert problem.path.startswith("$")
        assert problem.message
    assert str(INVALID / name) in str(info.value)


def test_not_json_reports_line_and_column() -> None:
    with pytest.raises(sc.LoadError) as info:
        sc.load(INVALID / "not-json.json")
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (3, 3)


def test_not_utf8_reports_where() -> None:
    with pytest.raises(sc.LoadError) as info:
        sc.load(INVALID / "not-utf8.json")
    (problem,) = info.value.problems
    assert problem.code == "json-encoding"
    assert (problem.line, problem.column) == (1, 28)


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_nesting_is_a_problem_not_a_crash(depth: int) -> None:
    text = '{"kind": "register", "schemaVersion": "1.0", "bodies": ' + "[" * depth + "]" * depth + "}"
    with pytest.raises(sc.LoadError) as info:
        sc.loads(text)
    assert info.value.problems[0].code in {"json-too-deep", "wrong-type"}


def test_deeply_nested_parts_are_a_problem_not_a_crash() -> None:
    depth = 3_000
    part = '{"id": "p", "text": "t", "parts": [' * depth + '{"id": "p", "text": "t"}' + "]}" * depth
    text = (
        '{"kind": "case", "schemaVersion": "1.0", "id": "c", "complaint": {"title": "t", "complainants": []}, '
        '"report": {"id": "r", "title": "t", "actions": [{"id": "a", "owner": "o", "text": "t", "parts": ['
        + part
        + "]}]}}"
    )
    with pytest.raises(sc.LoadError) as info:
        sc.loads(text)
    assert info.value.problems[0].code == "json-too-deep"


def test_every_problem_is_reported_not_just_the_first() -> None:
    doc = json.loads((HESTIA / "case.json").read_text(encoding="utf-8"))
    doc["report"]["recommendations"][0]["addressees"] = "home-office"
    doc["report"]["recommendations"][1]["deadline"] = {"type": "fixed", "date": "2021-02-30"}
    doc["responses"][0]["items"][0]["position"] = "maybe"
    doc["complaint"]["surprise"] = True
    with pytest.raises(sc.LoadError) as info:
        sc.loads(json.dumps(doc))
    assert {(p.code, p.path) for p in info.value.problems} == {
        ("wrong-type", "$.report.recommendations[0].addressees"),
        ("invalid-date", "$.report.recommendations[1].deadline.date"),
        ("invalid-value", "$.responses[0].items[0].position"),
        ("unknown-key", "$.complaint.surprise"),
    }


def test_bytes_and_text_load_alike() -> None:
    raw = (HESTIA / "case.json").read_bytes()
    assert sc.loads(raw) == sc.loads(raw.decode("utf-8")) == sc.loads(b"\xef\xbb\xbf" + raw)


def test_lone_surrogate_is_refused_but_pairs_are_fine() -> None:
    good = (
        '{"kind": "register", "schemaVersion": "1.0", '
        '"bodies": [{"id": "b", "name": "\\ud83d\\ude00", "kind": "other"}]}'
    )
    register = sc.loads(good)
    assert isinstance(register, sc.Register)
    assert register.bodies[0].name == "\U0001f600"
    with pytest.raises(sc.LoadError) as info:
        sc.loads(good.replace("\\ude00", ""))
    assert [(p.code, p.path) for p in info.value.problems] == [("json-encoding", "$.bodies[0].name")]


def test_kind_can_be_insisted_on() -> None:
    with pytest.raises(sc.LoadError) as info:
        sc.load(HESTIA / "case.json", kind="response")
    assert [p.code for p in info.value.problems] == ["unexpected-kind"]


def test_missing_file_is_a_load_error() -> None:
    with pytest.raises(sc.LoadError) as info:
        sc.load(ROOT / "no-such-file.json")
    assert info.value.problems[0].code == "file-unreadable"


def test_wrong_input_type_is_a_load_error() -> None:
    with pytest.raises(sc.LoadError):
        sc.loads(42)  # type: ignore[call-overload]


@pytest.mark.parametrize("path", sorted(EXAMPLES.rglob("*.json")), ids=lambda p: str(p.relative_to(EXAMPLES)))
def test_examples_load_and_dump_to_the_same_text(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    version = json.loads(text)["schemaVersion"]
    assert sc.dumps(sc.loads(text), version=version) == text
    # and every example, whatever its version, upgrades to the latest losslessly
    upgraded = sc.upgrade(text)
    assert json.loads(upgraded)["schemaVersion"] == sc.SCHEMA_VERSION
    assert sc.loads(upgraded) == sc.loads(text)
    assert sc.dumps(sc.loads(upgraded)) == upgraded
    assert sc.upgrade(upgraded, to=version) == text


def test_dump_writes_whole_file(tmp_path: Path) -> None:
    doc = sc.load(HESTIA / "case.json")
    target = tmp_path / "out.json"
    sc.dump(doc, target)
    assert target.read_text(encoding="utf-8") == sc.dumps(doc)
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_failed_write_leaves_the_old_file_and_no_litter(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")

    class Boom(bytes):
        pass

    with pytest.raises(TypeError):
        atomic_write(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_written_file_keeps_permissions(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old", encoding="utf-8")
    os.chmod(target, 0o640)
    atomic_write(target, b"new")
    assert target.read_bytes() == b"new"
    assert target.stat().st_mode & 0o777 == 0o640


def test_hestia_parts_are_verbatim_excerpts_of_their_item() -> None:
    case = sc.load(HESTIA / "case.json")
    assert isinstance(case, sc.CaseRecord)
    assert case.report is not None
    items: list[sc.Action | sc.Recommendation] = [*case.report.actions, *case.report.recommendations]
    for item in items:
        position = 0
        assert item.text is not None, item.id  # every Hestia item's text is held
        for part in item.parts:
            assert part.text is not None, part.id
            found = item.text.find(part.text, position)
            assert found >= 0, f"{part.id} is not a verbatim excerpt of {item.id}, in order"
            position = found + len(part.text)
            if part.label is not None:
                assert f"{part.label} {part.text}" in item.text, part.id
            # a part ends where the next label begins, never running into it
            assert not re.search(r"; [a-z]\) ", part.text), part.id


def test_public_names_all_resolve_and_stay_functions() -> None:
    import importlib

    for module in ("rendering", "validation", "compiling", "tracker", "rules", "registry", "deadlines"):
        importlib.import_module(f"supercomplaint.{module}")  # a submodule must not shadow a public name
    for name in sc.__all__:
        assert hasattr(sc, name), name
    assert callable(sc.render)
    assert callable(sc.compile)
    assert callable(sc.validate)
    assert sorted(dir(sc)) == sorted(sc.__all__)


@pytest.mark.parametrize("value", ["x", 42, None, {"kind": "case"}])
def test_dumping_a_non_document_is_a_type_error(value: object) -> None:
    with pytest.raises(TypeError, match="expected a document"):
        sc.dumps(value)  # type: ignore[arg-type]
