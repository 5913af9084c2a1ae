"""Helpers the rule tests share: the Hestia case as a model, its report, and the errors among findings."""

from __future__ import annotations

from typing import Any

import attrs

import supercomplaint as sc
from supercomplaint import model as m

from .conftest import HESTIA


def errors(findings: list[sc.Problem]) -> list[tuple[str, str]]:
    """The (code, path) of every error among ``findings``."""
    return [(f.code, f.path) for f in findings if f.severity == sc.Severity.ERROR]


def hestia() -> m.CaseRecord:
    """The shipped Hestia case."""
    case = sc.load(HESTIA / "case.json")
    assert isinstance(case, m.CaseRecord)
    return case


def report(case: m.CaseRecord) -> m.Report:
    """A case's report, which the rule tests' cases always have."""
    assert case.report is not None
    return case.report


def with_report(case: m.CaseRecord, **changes: Any) -> m.CaseRecord:
    """``case`` with its report's fields changed."""
    return attrs.evolve(case, report=attrs.evolve(report(case), **changes))
