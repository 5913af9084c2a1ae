"""Deadline resolution and the calendar arithmetic behind it: months, counting, working days."""

from __future__ import annotations

import calendar
import datetime as dt

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

import supercomplaint as sc
from supercomplaint import Anchor, Counting, PartialDate, PeriodDeadline, Unit
from supercomplaint import model as m
from supercomplaint.deadlines import (
    Resolution,
    add_months,
    add_working_days,
    add_years,
    format_date,
    is_working_day,
    period_end,
    resolve,
)

from .conftest import HESTIA

DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2060, 12, 31))


def _case(**report: object) -> m.CaseRecord:
    return m.CaseRecord(
        id=m.Id("c"),
        complaint=m.Complaint(title="t", complainants=(m.Ref("x"),), received=PartialDate(2019, 3, 4)),
        report=m.Report(id=m.Id("r"), title="t", **report),  # type: ignore[arg-type]
    )


def _period(amount: int, unit: Unit, anchor: Anchor = Anchor.REPORT_PUBLISHED, **kw: object) -> PeriodDeadline:
    counting = kw.pop("counting", Counting.AFTER)
    return PeriodDeadline(amount=amount, unit=unit, anchor=anchor, counting=counting, **kw)  # type: ignore[arg-type]


# --------------------------------------------------------------------------------------------------
# Month arithmetic


@given(DAYS, st.integers(min_value=-240, max_value=240))
def test_add_months_lands_in_the_right_month_clamped(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert (result.year * 12 + result.month) - (day.year * 12 + day.month) == months
    assert result.day == min(day.day, calendar.monthrange(result.year, result.month)[1])


@given(DAYS, st.integers(min_value=1, max_value=120))
def test_add_months_never_goes_backwards_and_round_trips_when_not_clamped(day: dt.date, months: int) -> None:
    result = add_months(day, months)
    assert result > day
    if result.day == day.day:
        assert add_months(result, -months) == day


@pytest.mark.parametrize(
    ("start", "months", "end"),
    [
        (dt.date(2021, 8, 31), 6, dt.date(2022, 2, 28)),
        (dt.date(2023, 8, 31), 6, dt.date(2024, 2, 29)),
        (dt.date(2021, 5, 26), 6, dt.date(2021, 11, 26)),
        (dt.date(2021, 1, 31), 1, dt.date(2021, 2, 28)),
        (dt.date(2021, 3, 31), -1, dt.date(2021, 2, 28)),
        (dt.date(2021, 12, 15), 1, dt.date(2022, 1, 15)),
    ],
)
def test_add_months_examples(start: dt.date, months: int, end: dt.date) -> None:
    assert add_months(start, months) == end


def test_add_years_clamps_the_leap_day() -> None:
    assert add_years(dt.date(2024, 2, 29), 1) == dt.date(2025, 2, 28)
    assert add_years(dt.date(2024, 2, 29), 4) == dt.date(2028, 2, 29)


def test_add_months_outside_the_calendar_overflows() -> None:
    with pytest.raises(OverflowError):
        add_months(dt.date(9999, 12, 1), 1)


# --------------------------------------------------------------------------------------------------
# Counting


@given(DAYS, st.integers(min_value=1, max_value=400), st.sampled_from([Unit.DAYS, Unit.WEEKS, Unit.MONTHS, Unit.YEARS]))
def test_beginning_with_ends_one_day_before_after(day: dt.date, amount: int, unit: Unit) -> None:
    after = period_end(day, amount, unit, Counting.AFTER)
    beginning = period_end(day, amount, unit, Counting.BEGINNING_WITH)
    assert beginning == after - dt.timedelta(days=1)
    assert beginning >= day


@given(DAYS, st.integers(min_value=1, max_value=1000))
def test_days_and_weeks(day: dt.date, amount: int) -> None:
    assert period_end(day, amount, Unit.DAYS, Counting.AFTER) == day + dt.timedelta(days=amount)
    assert period_end(day, amount, Unit.WEEKS, Counting.AFTER) == day + dt.timedelta(weeks=amount)
    assert period_end(day, amount, Unit.DAYS, Counting.BEGINNING_WITH) == day + dt.timedelta(days=amount - 1)


def test_the_domain_examples() -> None:
    # domain.md section 1: 56 days beginning with 27 Sep 2024 end on 21 Nov 2024; practice used 22 Nov.
    assert period_end(dt.date(2024, 9, 27), 56, Unit.DAYS, Counting.BEGINNING_WITH) == dt.date(2024, 11, 21)
    assert period_end(dt.date(2024, 9, 27), 56, Unit.DAYS, Counting.AFTER) == dt.date(2024, 11, 22)
    # Six months from 26 May 2021 is 26 Nov 2021.
    assert period_end(dt.date(2021, 5, 26), 6, Unit.MONTHS, Counting.AFTER) == dt.date(2021, 11, 26)
    # Months beginning with a day: the "after" end less one day, even where "after" is clamped.
    assert period_end(dt.date(2021, 5, 26), 6, Unit.MONTHS, Counting.BEGINNING_WITH) == dt.date(2021, 11, 25)
    assert period_end(dt.date(2022, 1, 31), 1, Unit.MONTHS, Counting.BEGINNING_WITH) == dt.date(2022, 2, 27)
    assert period_end(dt.date(2022, 3, 1), 1, Unit.MONTHS, Counting.BEGINNING_WITH) == dt.date(2022, 3, 31)


def test_a_period_must_last() -> None:
    with pytest.raises(ValueError, match="at least 1"):
        period_end(dt.date(2022, 3, 1), 0, Unit.DAYS, Counting.AFTER)
    with pytest.raises(ValueError, match="at least 1"):
        add_working_days(dt.date(2022, 3, 1), 0)


# --------------------------------------------------------------------------------------------------
# Working days


def _working_days_between(first: dt.date, last: dt.date) -> int:
    """Brute force: working days in [first, last]."""
    count, day = 0, first
    while day <= last:
        count += is_working_day(day)
        day += dt.timedelta(days=1)
    return count


@given(DAYS, st.integers(min_value=1, max_value=60), st.sampled_from(list(Counting)))
def test_working_day_periods_end_on_a_working_day_after_exactly_n(
    day: dt.date, amount: int, counting: Counting
) -> None:
    end = period_end(day, amount, Unit.WORKING_DAYS, counting)
    assert is_working_day(end)
    assert end.weekday() < 5
    first = day if counting is Counting.BEGINNING_WITH else day + dt.timedelta(days=1)
    assert _working_days_between(first, end) == amount


@given(DAYS, st.integers(min_value=1, max_value=60))
def test_working_days_beginning_with_a_working_day_end_one_working_day_earlier(day: dt.date, amount: int) -> None:
    after = add_working_days(day, amount)
    beginning = add_working_days(day, amount, include_start=True)
    if is_working_day(day):
        assert _working_days_between(beginning, after) == 2
    else:
        assert beginning == after


@given(st.integers(min_value=2000, max_value=2050))
def test_christmas_good_friday_and_bank_holidays_are_not_working_days(year: int) -> None:
    import holidays

    assert not is_working_day(dt.date(year, 12, 25))
    for day, name in holidays.country_holidays("GB", subdiv="ENG", years=year).items():
        assert not is_working_day(day), name
    good_friday = [
        d for d, n in holidays.country_holidays("GB", subdiv="ENG", years=year).items() if n == "Good Friday"
    ]
    assert len(good_friday) == 1


def test_working_day_examples() -> None:
    # Reg 5: acknowledgement within 5 working days beginning with the day of receipt.
    assert add_working_days(dt.date(2024, 12, 20), 5, include_start=True) == dt.date(2024, 12, 30)
    # Easter 2021: Good Friday 2 Apr and Easter Monday 5 Apr are skipped.
    assert add_working_days(dt.date(2021, 4, 1), 1) == dt.date(2021, 4, 6)
    # The one-off bank holidays: Platinum Jubilee (2-3 Jun 2022), the State Funeral (19 Sep 2022).
    assert add_working_days(dt.date(2022, 6, 1), 1) == dt.date(2022, 6, 6)
    assert add_working_days(dt.date(2022, 9, 16), 1) == dt.date(2022, 9, 20)
    # A receipt on a Saturday: the first working day is the Monday.
    assert add_working_days(dt.date(2021, 11, 27), 1, include_start=True) == dt.date(2021, 11, 29)


def test_long_working_day_periods_are_counted_quickly_and_exactly() -> None:
    end = add_working_days(dt.date(2020, 1, 1), 2500)
    assert is_working_day(end)
    assert _working_days_between(dt.date(2020, 1, 2), end) == 2500


# --------------------------------------------------------------------------------------------------
# resolve()


def test_hestia_monitoring_deadline() -> None:
    case = sc.load(HESTIA / "case.json")
    assert isinstance(case, m.CaseRecord)
    assert case.report is not None
    result = resolve(case.report.monitoring[0].deadline, case)
    assert result.due == dt.date(2021, 11, 26)
    assert (result.earliest, result.latest) == (result.due, result.due)
    assert result.anchor is Anchor.REPORT_PUBLISHED
    assert result.anchor_date == PartialDate(2021, 5, 26)
    assert result.explanation == "six months from publication on 26 May 2021: 26 November 2021"
    assert result.exact
    assert result.dated


def test_beginning_with_is_worded() -> None:
    case = _case(published=PartialDate(2024, 9, 27))
    result = resolve(_period(56, Unit.DAYS, counting=Counting.BEGINNING_WITH), case)
    assert result.due == dt.date(2024, 11, 21)
    assert result.explanation == "56 days beginning with publication on 27 September 2024: 21 November 2024"


@pytest.mark.parametrize(
    ("anchor", "report", "due"),
    [
        (Anchor.REPORT_SENT, {"sent_to_addressees": PartialDate(2024, 9, 24)}, dt.date(2024, 10, 1)),
        (Anchor.COMPLAINT_RECEIVED, {}, dt.date(2019, 3, 11)),
    ],
)
def test_other_anchors(anchor: Anchor, report: dict[str, object], due: dt.date) -> None:
    result = resolve(_period(1, Unit.WEEKS, anchor), _case(**report))
    assert result.due == due
    assert result.anchor is anchor


def test_response_and_follow_up_anchors() -> None:
    case = attrs.evolve(
        _case(published=PartialDate(2021, 5, 26)),
        responses=(m.Response(id=m.Id("resp"), responder=m.Ref("x"), published=PartialDate(2022, 4, 4)),),
        follow_ups=(
            m.FollowUp(
                id=m.Id("fu"),
                sender=m.Ref("hmicfrs"),
                recipients=(m.Ref("x"),),
                items=(),
                date=PartialDate(2022, 1, 10),
            ),
        ),
    )
    by_response = resolve(_period(56, Unit.DAYS, Anchor.RESPONSE, anchor_ref=m.Ref("resp")), case)
    assert by_response.due == dt.date(2022, 5, 30)
    assert "56 days from the response on 4 April 2022" in by_response.explanation
    assert "resp" not in by_response.explanation.replace("response", "")
    by_follow_up = resolve(_period(28, Unit.DAYS, Anchor.FOLLOW_UP, anchor_ref=m.Ref("fu")), case)
    assert by_follow_up.due == dt.date(2022, 2, 7)
    missing = resolve(_period(28, Unit.DAYS, Anchor.FOLLOW_UP, anchor_ref=m.Ref("nope")), case)
    assert missing.due is None
    assert "the record has no follow-up 'nope'" in missing.explanation
    unnamed = resolve(_period(28, Unit.DAYS, Anchor.RESPONSE), case)
    assert unnamed.due is None
    assert "does not say which response" in unnamed.explanation


@pytest.mark.parametrize(
    ("case", "reason"),
    [
        (
            m.CaseRecord(id=m.Id("c"), complaint=m.Complaint(title="t", complainants=(m.Ref("x"),))),
            "the case has no report yet",
        ),
        (_case(), "the record does not say when the report was published"),
    ],
)
def test_an_unresolvable_anchor_says_why(case: m.CaseRecord, reason: str) -> None:
    result = resolve(_period(6, Unit.MONTHS), case)
    assert result.due is None
    assert result.earliest is None
    assert result.latest is None
    assert not result.dated
    assert result.explanation == f"six months from publication: no due date, because {reason}"


def test_a_partial_anchor_gives_bounds_not_a_day() -> None:
    result = resolve(_period(6, Unit.MONTHS), _case(published=PartialDate(2021, 5)))
    assert result.due is None
    assert (result.earliest, result.latest) == (dt.date(2021, 11, 1), dt.date(2021, 11, 30))
    assert result.dated
    assert not result.exact
    assert result.explanation == (
        "six months from publication in May 2021: between 1 November 2021 and 30 November 2021, "
        "because the date of publication is known only to the month"
    )


@given(st.sampled_from(list(Unit)), st.sampled_from(list(Counting)), st.integers(min_value=1, max_value=30))
def test_partial_anchor_bounds_contain_every_possible_day(unit: Unit, counting: Counting, amount: int) -> None:
    result = resolve(_period(amount, unit, counting=counting), _case(published=PartialDate(2021, 2)))
    assert result.earliest is not None
    assert result.latest is not None
    for day in range(1, 29):
        end = period_end(dt.date(2021, 2, day), amount, unit, counting)
        assert result.earliest <= end <= result.latest


def test_fixed_open_none_and_immediate() -> None:
    case = _case(published=PartialDate(2024, 9, 27), sent_to_addressees=PartialDate(2024, 9, 24))
    fixed = resolve(m.FixedDeadline(date=dt.date(2025, 3, 27), as_written="By 27 March 2025"), case)
    assert fixed.due == dt.date(2025, 3, 27)
    assert fixed.explanation == "by 27 March 2025"
    opened = resolve(m.OpenDeadline(as_written="as soon as possible"), case)
    assert opened.due is None
    assert opened.explanation == "open ('as soon as possible'): no due date"
    assert resolve(m.NoDeadline(), case).explanation == "no deadline stated"
    now = resolve(m.ImmediateDeadline(), case)
    assert now.due == dt.date(2024, 9, 24)
    assert now.anchor is Anchor.REPORT_SENT
    assert now.explanation == "immediately: due on the day the report was sent to its addressees: 24 September 2024"
    issued = resolve(m.ImmediateDeadline(), case, issued=PartialDate(2025, 1, 6))
    assert issued.due == dt.date(2025, 1, 6)
    assert issued.anchor is None
    unknown = resolve(m.ImmediateDeadline(), _case())
    assert unknown.due is None
    assert "does not say when the report was sent or published" in unknown.explanation


def test_a_period_past_the_calendar_gives_no_due_date() -> None:
    result = resolve(_period(10**7, Unit.YEARS), _case(published=PartialDate(2021, 5, 26)))
    assert result.due is None
    assert "after the year 9999" in result.explanation


def test_wrong_types_are_refused() -> None:
    with pytest.raises(TypeError, match="needs a deadline"):
        resolve("six months", _case())  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="needs a CaseRecord"):
        resolve(m.NoDeadline(), "case")  # type: ignore[arg-type]


def test_the_lazy_export() -> None:
    assert sc.resolve is resolve
    assert sc.Resolution is Resolution


def test_format_date() -> None:
    assert format_date(dt.date(2021, 11, 6)) == "6 November 2021"
    assert format_date(PartialDate(2022)) == "2022"
    assert format_date(PartialDate(2022, 4, 4)) == "4 April 2022"
