"""Schema versions: every 1.0 document reads as it always did, upgrades to 1.1 losslessly, and a document is
written as an older version only when it says nothing that version cannot."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given

import supercomplaint as sc
from supercomplaint import converter
from supercomplaint import model as m
from supercomplaint import strategies as sst
from supercomplaint.cli import main

ROOT = Path(__file__).resolve().parents[1]
HESTIA = ROOT / "examples" / "hestia"


def run(*argv: str) -> tuple[int, str, str]:
    import io

    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@given(sst.documents())
def test_a_document_written_as_the_version_it_needs_reads_back_the_same(doc: sc.Document) -> None:
    needed = sc.needed_version(doc)
    text = sc.dumps(doc, version=needed)
    assert json.loads(text)["schemaVersion"] == needed
    assert sc.loads(text) == doc
    assert sc.validate(text).valid
    assert sc.upgrade(text) == sc.dumps(doc)


@given(sst.documents())
def test_a_document_that_needs_1_1_cannot_be_written_as_1_0_and_says_where(doc: sc.Document) -> None:
    problems = converter.newer_features(doc, "1.0")
    if not problems:
        assert sc.needed_version(doc) == "1.0"
        assert sc.loads(sc.dumps(doc, version="1.0")) == doc
        return
    assert sc.needed_version(doc) == "1.1"
    with pytest.raises(sc.VersionError) as info:
        sc.dumps(doc, version="1.0")
    assert info.value.problems == tuple(problems)
    data = json.loads(sc.dumps(doc))
    for problem in problems:
        assert problem.code == "needs-newer-version"
        # each path names a value of the 1.1 document, or a required key the 1.1 document leaves out
        parent, _, _last = problem.path.rpartition(".")
        assert _exists(data, parent), problem


def _exists(data: object, path: str) -> bool:
    import re

    node = data
    for key, index in re.findall(r"\.([A-Za-z]+)|\[(\d+)\]", path.removeprefix("$")):
        if key:
            if not isinstance(node, dict) or key not in node:
                return False
            node = node[key]
        else:
            if not isinstance(node, list) or int(index) >= len(node):
                return False
            node = node[int(index)]
    return True


def test_hestia_1_0_loads_dumps_byte_identical_and_upgrades_round_trip() -> None:
    for path in sorted(HESTIA.rglob("*.json")):
        text = path.read_text(encoding="utf-8")
        assert json.loads(text)["schemaVersion"] == "1.0"
        doc = sc.loads(text)
        assert sc.dumps(doc, version="1.0") == text
        upgraded = sc.upgrade(text)
        assert json.loads(upgraded)["schemaVersion"] == "1.1"
        assert sc.loads(upgraded) == doc
        assert sc.upgrade(upgraded) == upgraded
        assert sc.upgrade(upgraded, to="1.0") == text


def test_an_unknown_version_is_a_version_error() -> None:
    doc = sc.load(HESTIA / "case.json")
    with pytest.raises(sc.VersionError) as info:
        sc.dumps(doc, version="0.9")
    assert [p.code for p in info.value.problems] == ["unsupported-version"]


def test_the_converter_of_a_version_refuses_what_only_later_versions_allow() -> None:
    data = {"type": "not-captured"}
    old, new = sc.get_converter(version="1.0"), sc.get_converter()
    deadline: Any = m.Deadline  # a union, which cattrs structures but does not type as a class
    assert new.structure(data, deadline) == m.NotCapturedDeadline()
    with pytest.raises(Exception, match="not-captured"):
        old.structure(data, deadline)
    with pytest.raises(ValueError, match="not a schema version"):
        sc.get_converter(version="3.0")


def hestia() -> m.CaseRecord:
    case = sc.load(HESTIA / "case.json")
    assert isinstance(case, m.CaseRecord)
    return case


def test_month_precision_fixed_deadline_resolves_to_bounds() -> None:
    case = hestia()
    found = sc.resolve(m.FixedDeadline(date=sc.PartialDate(2025, 3), as_written="in March 2025"), case)
    assert (found.due, found.earliest, found.latest) == (None, dt.date(2025, 3, 1), dt.date(2025, 3, 31))
    assert found.explanation == (
        "in March 2025: due between 1 March 2025 and 31 March 2025, because the source gives only the month"
    )


def test_stated_date_governs_and_the_discrepancy_is_kept() -> None:
    case = hestia()
    period = m.PeriodDeadline(
        amount=6,
        unit=m.Unit.MONTHS,
        anchor=m.Anchor.REPORT_PUBLISHED,
        counting=m.Counting.AFTER,
        stated_date=dt.date(2021, 11, 27),
    )
    found = sc.resolve(period, case)
    assert (found.due, found.computed) == (dt.date(2021, 11, 27), dt.date(2021, 11, 26))
    assert found.discrepancy == 1
    assert "the stated date is 1 day later" in found.explanation


# -- the command line ------------------------------------------------------------------------------


def test_cli_upgrade_writes_1_1_and_back(tmp_path: Path) -> None:
    source = HESTIA / "responses" / "npcc-2022-04-04.json"
    code, out, err = run("upgrade", str(source))
    assert code == 0, err
    assert json.loads(out)["schemaVersion"] == "1.1"
    target = tmp_path / "npcc.json"
    target.write_text(out, encoding="utf-8")
    code, out, err = run("upgrade", str(target), "--to", "1.0", "--in-place")
    assert code == 0, err
    assert target.read_text(encoding="utf-8") == source.read_text(encoding="utf-8")
    assert "wrote" in err


def test_cli_upgrade_to_1_0_refuses_what_1_0_cannot_say(tmp_path: Path) -> None:
    doc = json.loads(sc.upgrade((HESTIA / "case.json").read_bytes()))
    doc["report"]["recommendations"][1]["provenance"] = {"fidelity": "summary"}
    source = tmp_path / "case.json"
    source.write_text(json.dumps(doc), encoding="utf-8")
    target = tmp_path / "old.json"
    code, _out, err = run("upgrade", str(source), "--to", "1.0", "-o", str(target))
    assert code == 1
    assert "$.report.recommendations[1].provenance: [needs-newer-version]" in err
    assert "nothing written" in err
    assert not target.exists()
    code, _, err = run("upgrade", str(tmp_path / "missing.json"))
    assert code == 2
    assert "cannot read the file" in err


def test_cli_schema_of_an_older_version() -> None:
    code, out, _ = run("schema", "response", "--schema-version", "1.0")
    assert code == 0
    assert json.loads(out)["properties"]["schemaVersion"]["const"] == "1.0"
    code, _, err = run("schema", "response", "--schema-version", "0.1")
    assert code == 2
    assert "not a schema version" in err
