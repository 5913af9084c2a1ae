"""The strategies' parameters do what they say, and what they draw stays valid and consistent (issue 12)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import strategies as sst

YEAR_2022 = {"min_date": dt.date(2022, 1, 1), "max_date": dt.date(2022, 12, 31)}


def assert_sound(doc: sc.Document) -> None:
    """Valid against the schema, and no rule finds an error."""
    report = sc.validate(json.loads(sc.dumps(doc)))
    assert report.valid, report.problems
    assert [f for f in sc.check(doc) if f.severity is sc.Severity.ERROR] == []


@given(
    sst.case_records(
        register=True, max_actions=0, min_recommendations=5, max_recommendations=6, max_responses=6, **YEAR_2022
    )
)
def test_case_records_from_the_shipped_register(case: sc.CaseRecord) -> None:
    assert_sound(case)
    assert case.report is not None
    assert case.report.actions == ()
    assert 5 <= len(case.report.recommendations) <= 6
    assert len(case.responses) <= 6
    assert case.complaint.received is not None
    assert YEAR_2022["min_date"] <= case.complaint.received.earliest <= YEAR_2022["max_date"]
    # the authorities, addressees and responders are the register's: the record defines only its complainants
    assert case.groups == ()
    assert {b.kind for b in case.bodies} == {sc.BodyKind.DESIGNATED_BODY}
    assert case.complaint.decision_makers == ("hmicfrs", "iopc", "college-of-policing")
    register = sc.default_registry()
    named = {a for r in case.report.recommendations for a in r.addressees} | {r.responder for r in case.responses}
    assert all(register.get(ref) is not None for ref in named), named
    sc.obligations(case, dt.date(2025, 1, 1))  # every reference resolves


@given(sst.case_records(max_actions=3, min_recommendations=1, max_recommendations=1, max_responses=0))
def test_case_records_with_bodies_of_their_own(case: sc.CaseRecord) -> None:
    assert_sound(case)
    assert case.report is not None
    assert len(case.report.recommendations) == 1
    assert case.responses == ()
    assert len(case.groups) == 1
    defined = {b.id for b in case.bodies}
    assert set(case.complaint.decision_makers) <= defined


@given(sst.response_documents(max_items=0, **YEAR_2022))
def test_response_documents_take_a_count_and_dates(doc: sc.ResponseDocument) -> None:
    assert_sound(doc)
    assert doc.response.items == ()
    if doc.response.sent is not None:
        assert YEAR_2022["min_date"] <= doc.response.sent.earliest <= YEAR_2022["max_date"]


@given(sst.registers(max_bodies=1, max_groups=0))
def test_registers_take_counts(register: sc.Register) -> None:
    assert_sound(register)
    assert len(register.bodies) == 1
    assert register.groups == ()


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: sst.case_records(max_actions=-1), "max_actions must be at least 0"),
        (lambda: sst.case_records(min_recommendations=0), "min_recommendations must be at least 1"),
        (lambda: sst.case_records(min_recommendations=3, max_recommendations=2), "max_recommendations must be"),
        (lambda: sst.case_records(min_date=dt.date(2022, 1, 2), max_date=dt.date(2022, 1, 1)), "before min_date"),
        (lambda: sst.response_documents(max_items=-1), "max_items must be at least 0"),
        (lambda: sst.registers(max_bodies=0), "max_bodies must be at least 1"),
    ],
)
def test_parameters_out_of_range_are_refused(make: Callable[[], st.SearchStrategy[object]], message: str) -> None:
    @given(st.data())
    def draw(data: st.DataObject) -> None:
        data.draw(make())

    with pytest.raises(ValueError, match=message):
        draw()
