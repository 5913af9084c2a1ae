"""Partial dates: parsing, bounds, ordering, and never a silent full date."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from supercomplaint import PartialDate, Precision
from supercomplaint.strategies import partial_dates


@given(partial_dates())
def test_iso_round_trip(d: PartialDate) -> None:
    assert PartialDate.parse(d.isoformat()) == d


@given(partial_dates())
def test_bounds(d: PartialDate) -> None:
    assert d.earliest <= d.latest
    assert d.contains(d.earliest)
    assert d.contains(d.latest)
    assert (d.as_date() is not None) == (d.precision is Precision.DAY)
    if d.precision is Precision.DAY:
        assert d.earliest == d.latest == d.as_date()


@given(partial_dates(), partial_dates())
def test_ordering_is_by_earliest_then_latest(a: PartialDate, b: PartialDate) -> None:
    assert (a < b) == ((a.earliest, a.latest) < (b.earliest, b.latest))
    assert (a <= b) == (a < b or a == b)
    if a.certainly_before(b):
        assert a < b
        assert not b.certainly_before(a)


@given(st.dates())
def test_a_day_sorts_inside_its_month_and_year(day: dt.date) -> None:
    month, year, full = PartialDate(day.year, day.month), PartialDate(day.year), PartialDate.from_date(day)
    assert month.contains(day)
    assert year.contains(day)
    assert year <= month or year.earliest == month.earliest
    assert not month.certainly_before(full)
    assert not full.certainly_before(month)


@pytest.mark.parametrize(
    "text", ["2021-02-30", "2021-13", "21", "2021-1", "2021-01-01T00:00", "", "2021/01/01", "0000"]
)
def test_invalid(text: str) -> None:
    with pytest.raises(ValueError, match=r"."):
        PartialDate.parse(text)


def test_known_values() -> None:
    assert PartialDate.parse("2022").latest == dt.date(2022, 12, 31)
    assert PartialDate.parse("2024-02").latest == dt.date(2024, 2, 29)
    assert str(PartialDate(2022, 4, 4)) == "2022-04-04"
    with pytest.raises(ValueError, match="needs a month"):
        PartialDate(2022, None, 3)
