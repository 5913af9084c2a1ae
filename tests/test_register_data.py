"""The shipped register is what tools/build_register.py makes from the reference data, and is valid."""

from __future__ import annotations

import csv
import importlib.util
from types import ModuleType

import pytest

import supercomplaint as sc

from .conftest import ROOT

SHIPPED = ROOT / "src" / "supercomplaint" / "data" / "register.json"
REFERENCE = ROOT.parent / "shared" / "reference" / "police-force-areas.csv"


def _builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_register", ROOT / "tools" / "build_register.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/reference is not beside this clone")
def test_shipped_register_is_current() -> None:
    built = sc.dumps(_builder().build())
    assert SHIPPED.read_text(encoding="utf-8") == built, (
        "src/supercomplaint/data/register.json is stale: run `python tools/build_register.py`"
    )


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/reference is not beside this clone")
def test_every_force_area_of_the_reference_is_in_the_register() -> None:
    registry = sc.default_registry()
    with REFERENCE.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 43
    for row in rows:
        force = registry.by_ons(row["ons_code"])
        assert force.name == row["force_name"]
        lpb = registry.by_ons(row["ons_code"], kind=sc.BodyKind.LOCAL_POLICING_BODY)
        assert lpb.office == row["local_policing_body"]


def test_shipped_register_is_a_valid_document_without_errors() -> None:
    text = SHIPPED.read_text(encoding="utf-8")
    assert sc.validate(text).valid
    register = sc.loads(text)
    assert isinstance(register, sc.Register)
    assert [f for f in sc.check(register) if f.severity == "error"] == []


@pytest.mark.skipif(not REFERENCE.exists(), reason="../shared/reference is not beside this clone")
def test_the_builder_checks_without_writing(capsys: pytest.CaptureFixture[str]) -> None:
    before = SHIPPED.stat().st_mtime_ns
    assert _builder().main(["--check"]) == 0
    assert "is current" in capsys.readouterr().out
    assert SHIPPED.stat().st_mtime_ns == before


def test_dates_of_names_are_never_more_precise_than_known() -> None:
    """The register dates name changes to the month or the year its sources give: never an invented day."""
    registry = sc.default_registry()
    dated = [n for b in registry.bodies for n in b.names]
    assert dated
    for name in dated:
        for when in (name.since, name.until):
            assert when is None or when.precision is not sc.Precision.DAY, name
    replaced = {str(ref) for b in registry.bodies for ref in b.predecessors}
    for body in registry.bodies:
        if body.names:
            assert body.name in {n.name for n in body.names}, f"{body.id}: the current name is not dated"
            # A body still in being has its last name in force; one replaced by another (ACPO) ended.
            assert (body.names[-1].until is None) == (str(body.id) not in replaced), body.id
