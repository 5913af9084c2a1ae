"""When things fall due: resolving a deadline against a case record, and the calendar arithmetic behind it.

:func:`resolve` turns a :data:`~supercomplaint.model.Deadline` into a :class:`Resolution`: the due date
(or none), the anchor event it was counted from, and a plain explanation a person can check by hand::

    six months from publication on 26 May 2021: 26 November 2021

Counting rules (domain.md section 1; the ``counting`` of a :class:`~supercomplaint.model.PeriodDeadline`):

``after``
    The period starts on the day after the anchor. *n* days after D end on D + *n*; *n* months after D
    end on the corresponding day *n* months later, or on the last day of that month when it has no such
    day (the "corresponding date" rule: 31 August + 6 months = 28 or 29 February). Years are 12 months
    (29 February + 1 year = 28 February); weeks are 7 days. *n* working days after D end on the *n*-th
    working day after D.

``beginning-with``
    The anchor day is day 1 of the period, so the period ends exactly one day earlier than the same period
    counted ``after`` the anchor. For days and weeks this is D + *n* - 1 ("56 days beginning with
    27 September 2024" end on 21 November 2024). **For months and years it is defined the same way:** the
    end of the period counted ``after``, less one day. So six months beginning with 26 May 2021 end on
    25 November 2021, and one month beginning with 31 January 2022 ends on 27 February 2022 (the day
    before the clamped 28 February); a month beginning with 1 March ends on 31 March. The two countings
    therefore always describe periods of the same length, one day apart. For working days, the anchor
    day counts as the first working day if it is one: *n* working days beginning with D end on the *n*-th
    working day on or after D (reg 5: acknowledgement "within 5 working days beginning with the day of
    receipt").

A **working day** (reg 5 of SI 2018/748) is any day other than a Saturday, a Sunday, Christmas Day, Good
Friday or a bank holiday in England and Wales. Bank holidays come from the ``holidays`` package
(``holidays.country_holidays("GB", subdiv="ENG")``; England's and Wales's lists are identical), which is
imported only when working days are first counted; each year's calendar is computed once and cached.

Nothing here guesses a date: an anchor known only to a month or a year gives the earliest and the latest
possible due date and no single ``due`` date, and an anchor the record does not have gives no due date
and an explanation saying why.
"""

from __future__ import annotations

import calendar
import datetime as dt
from bisect import bisect_left, bisect_right
from functools import cache
from typing import TYPE_CHECKING, assert_never

import attrs

from . import model as m
from .partialdate import PartialDate, Precision

if TYPE_CHECKING:
    from .registry import Registry

__all__ = [
    "Resolution",
    "add_days",
    "add_months",
    "add_working_days",
    "add_years",
    "format_date",
    "is_working_day",
    "period_end",
    "resolve",
]

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_NUMBERS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve")


# --------------------------------------------------------------------------------------------------
# Calendar arithmetic
# --------------------------------------------------------------------------------------------------


def add_months(day: dt.date, months: int) -> dt.date:
    """The corresponding day ``months`` months later (or earlier), clamped to the end of a shorter month.

    Raises :class:`OverflowError` when the result would fall outside years 1-9999.

    >>> add_months(dt.date(2021, 5, 26), 6)
    datetime.date(2021, 11, 26)
    >>> add_months(dt.date(2021, 8, 31), 6)
    datetime.date(2022, 2, 28)
    >>> add_months(dt.date(2023, 8, 31), 6)
    datetime.date(2024, 2, 29)
    """
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if not dt.MINYEAR <= year <= dt.MAXYEAR:
        raise OverflowError(f"{months} months from {day.isoformat()} is outside the calendar")
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_years(day: dt.date, years: int) -> dt.date:
    """The same day ``years`` years later, 29 February becoming 28 February in a common year.

    >>> add_years(dt.date(2024, 2, 29), 1)
    datetime.date(2025, 2, 28)
    """
    return add_months(day, 12 * years)


def add_days(day: dt.date, days: int) -> dt.date:
    """``day`` plus ``days`` days; raises :class:`OverflowError` outside years 1-9999."""
    return day + dt.timedelta(days=days)


@cache
def _package_years() -> tuple[int, int]:
    """The years the ``holidays`` package knows England's bank holidays for (it lists none outside them)."""
    import holidays

    calendar_ = holidays.country_holidays("GB", subdiv="ENG")
    return int(getattr(calendar_, "start_year", dt.MINYEAR)), int(getattr(calendar_, "end_year", dt.MAXYEAR))


@cache
def _non_working_holidays(year: int) -> frozenset[dt.date]:
    """England and Wales bank holidays of one year, with Christmas Day and Good Friday (reg 5).

    Cached for every year asked (at most 9,999 small sets). Outside the years the ``holidays`` package
    covers (1872-2100 in the version pinned) it lists nothing, so only Christmas Day is added, without
    asking it: a period thousands of years long costs microseconds per year, not a calendar each.
    """
    try:
        import holidays
    except ImportError as exc:  # pragma: no cover - holidays is a dependency
        raise ImportError("counting working days needs the 'holidays' package (pip install holidays)") from exc
    christmas = dt.date(year, 12, 25)
    first, last = _package_years()
    if not first <= year <= last:
        return frozenset({christmas})
    calendar_ = holidays.country_holidays("GB", subdiv="ENG", years=year)
    days = {d for d in calendar_ if isinstance(d, dt.date) and d.year == year}
    # Christmas Day and Good Friday are named by reg 5 itself; the package lists both, but a working day
    # must never depend on that. (Good Friday is checked against the package in the tests.)
    days.add(christmas)
    return frozenset(days)


@cache
def _weekday_holidays(year: int) -> tuple[dt.date, ...]:
    """The non-working days of one year that fall on a Monday to Friday, in order."""
    return tuple(sorted(d for d in _non_working_holidays(year) if d.weekday() < 5))


def _weekdays_to(ordinal: int) -> int:
    """How many Mondays to Fridays there are from 1 January of year 1 (a Monday) to ``ordinal``, inclusive."""
    weeks, rest = divmod(ordinal, 7)
    return 5 * weeks + min(rest, 5)


_LONG = 2000  # working days (about eight years): longer counts step over years by bisecting a table


@cache
def _working_days_in_year(year: int) -> int:
    start = dt.date(year, 1, 1).toordinal()
    return _weekdays_to(dt.date(year, 12, 31).toordinal()) - _weekdays_to(start - 1) - len(_weekday_holidays(year))


@cache
def _working_days_before() -> tuple[int, ...]:
    """How many working days there are before each year: ``[year]`` counts years 1 to ``year - 1``.

    Built once, when a count first spans more than a few years (some tens of milliseconds, mostly the bank
    holidays of the years the ``holidays`` package covers); then any count costs a bisection.
    """
    out = [0, 0]
    for year in range(dt.MINYEAR, dt.MAXYEAR + 1):
        out.append(out[-1] + _working_days_in_year(year))
    return tuple(out)


def _working_days_between(low: dt.date, high: dt.date) -> int:
    """How many working days there are after ``low`` up to and including ``high`` (both in one year)."""
    weekdays = _weekdays_to(high.toordinal()) - _weekdays_to(low.toordinal())
    holidays_ = _weekday_holidays(high.year)
    return weekdays - (bisect_right(holidays_, high) - bisect_right(holidays_, low))


def is_working_day(day: dt.date) -> bool:
    """Whether ``day`` is a working day: not a weekend, Christmas Day, Good Friday or E&W bank holiday.

    The definition of reg 5 of SI 2018/748; bank holidays come from the ``holidays`` package. Never raises
    for a date (any year from 1 to 9999).

    >>> is_working_day(dt.date(2021, 11, 26))  # a Friday
    True
    >>> is_working_day(dt.date(2022, 9, 19))  # the State Funeral of Queen Elizabeth II
    False
    >>> is_working_day(dt.date(2021, 12, 28))  # Boxing Day (substitute day)
    False
    """
    return day.weekday() < 5 and day not in _non_working_holidays(day.year)


def _weekdays_forward(start: dt.date, count: int) -> dt.date:
    """The ``count``-th Monday-to-Friday day after ``start`` (``count`` >= 1), in constant time."""
    weeks, rest = divmod(count, 5)
    # The weekdays after a Saturday or Sunday are those after the Friday before it; from a weekday, each
    # whole week holds exactly five weekdays and ends on the same weekday.
    base = start
    if base.weekday() > 4:
        base = base - dt.timedelta(days=base.weekday() - 4)
    day = base + dt.timedelta(days=7 * weeks)
    while rest:
        day += dt.timedelta(days=1)
        if day.weekday() < 5:
            rest -= 1
    return day


def _beyond_calendar(count: int, day: dt.date) -> OverflowError:
    return OverflowError(
        f"{count} working day{'s' if count != 1 else ''} after {day.isoformat()} is outside the calendar"
    )


def add_working_days(day: dt.date, count: int, *, include_start: bool = False) -> dt.date:
    """The ``count``-th working day after ``day`` (or on or after it, with ``include_start``).

    ``count`` must be at least 1. The cost grows with the number of years spanned, not of days: whole
    years are stepped over using each year's count of working days (weekdays counted arithmetically, less
    the year's weekday holidays, cached), and only the last year is counted within. Raises
    :class:`OverflowError` when the result would fall outside years 1-9999, and :class:`ValueError` when
    ``count`` is less than 1.

    >>> add_working_days(dt.date(2024, 12, 20), 3)  # Fri 20 Dec 2024: Mon 23, Tue 24, Fri 27 Dec
    datetime.date(2024, 12, 27)
    >>> add_working_days(dt.date(2024, 12, 20), 3, include_start=True)
    datetime.date(2024, 12, 24)
    """
    if count < 1:
        raise ValueError(f"a number of working days must be at least 1, not {count}")
    if include_start and is_working_day(day):  # the start day is the first of them
        if count == 1:
            return day
        count -= 1
    if count > dt.date.max.toordinal() - day.toordinal():  # more working days than days left
        raise _beyond_calendar(count, day)
    cursor, remaining = day, count
    year = cursor.year + 1 if (cursor.month, cursor.day) == (12, 31) else cursor.year  # the next day's year
    if year > dt.MAXYEAR:
        raise _beyond_calendar(count, day)
    available = _working_days_between(cursor, dt.date(year, 12, 31))
    if remaining > available:  # past this year: step over whole years
        remaining -= available
        year += 1
        if remaining > _LONG:
            before = _working_days_before()
            base = before[year]
            # The first year by whose end the count is reached: before[found] >= base + remaining.
            found = bisect_left(before, base + remaining, lo=year)
            if found >= len(before):
                raise _beyond_calendar(count, day)
            year = found - 1
            remaining -= before[year] - base
        else:
            while year <= dt.MAXYEAR and remaining > (in_year := _working_days_in_year(year)):
                remaining -= in_year
                year += 1
            if year > dt.MAXYEAR:
                raise _beyond_calendar(count, day)
        cursor = dt.date(year - 1, 12, 31)
    # The answer is in (cursor, 31 December of year]: first ignoring holidays, then extending by the weekday
    # holidays in the stretch just added, until there are none.
    low, end = cursor, _weekdays_forward(cursor, remaining)
    holidays_ = _weekday_holidays(year)
    while True:
        extra = bisect_right(holidays_, end) - bisect_right(holidays_, low)
        if not extra:
            return end
        low, end = end, _weekdays_forward(end, extra)


def period_end(anchor: dt.date, amount: int, unit: m.Unit, counting: m.Counting) -> dt.date:
    """The last day of a period of ``amount`` ``unit`` counted from ``anchor`` as ``counting`` says.

    See the module documentation for the exact rules. Raises :class:`OverflowError` when the end is
    outside years 1-9999 and :class:`ValueError` when ``amount`` is less than 1.

    >>> period_end(dt.date(2024, 9, 27), 56, m.Unit.DAYS, m.Counting.BEGINNING_WITH)
    datetime.date(2024, 11, 21)
    >>> period_end(dt.date(2024, 9, 27), 56, m.Unit.DAYS, m.Counting.AFTER)
    datetime.date(2024, 11, 22)
    >>> period_end(dt.date(2021, 5, 26), 6, m.Unit.MONTHS, m.Counting.AFTER)
    datetime.date(2021, 11, 26)
    >>> period_end(dt.date(2021, 5, 26), 6, m.Unit.MONTHS, m.Counting.BEGINNING_WITH)
    datetime.date(2021, 11, 25)
    """
    if amount < 1:
        raise ValueError(f"a period must last at least 1 unit, not {amount}")
    unit, counting = m.Unit(unit), m.Counting(counting)
    beginning_with = counting is m.Counting.BEGINNING_WITH
    if unit is m.Unit.WORKING_DAYS:
        return add_working_days(anchor, amount, include_start=beginning_with)
    after: dt.date
    if unit is m.Unit.DAYS:
        after = add_days(anchor, amount)
    elif unit is m.Unit.WEEKS:
        after = add_days(anchor, 7 * amount)
    elif unit is m.Unit.MONTHS:
        after = add_months(anchor, amount)
    elif unit is m.Unit.YEARS:
        after = add_years(anchor, amount)
    else:  # pragma: no cover - exhaustive over Unit
        assert_never(unit)
    return after - dt.timedelta(days=1) if beginning_with else after


# --------------------------------------------------------------------------------------------------
# Words
# --------------------------------------------------------------------------------------------------


def format_date(value: dt.date | PartialDate) -> str:
    """A date as a person writes it: "26 May 2021", "May 2021" or "2021" for partial dates.

    >>> format_date(dt.date(2021, 11, 26))
    '26 November 2021'
    >>> format_date(PartialDate(2022, 4))
    'April 2022'
    """
    if isinstance(value, PartialDate):
        if value.precision is Precision.YEAR:
            return str(value.year)
        if value.precision is Precision.MONTH:
            return f"{_MONTHS[value.earliest.month - 1]} {value.year}"
        value = value.earliest
    return f"{value.day} {_MONTHS[value.month - 1]} {value.year}"


def _on(value: PartialDate) -> str:
    return f"on {format_date(value)}" if value.precision is Precision.DAY else f"in {format_date(value)}"


_UNIT_WORDS = {
    m.Unit.DAYS: ("day", "days"),
    m.Unit.WEEKS: ("week", "weeks"),
    m.Unit.WORKING_DAYS: ("working day", "working days"),
    m.Unit.MONTHS: ("month", "months"),
    m.Unit.YEARS: ("year", "years"),
}


def _amount(amount: int, unit: m.Unit) -> str:
    one, many = _UNIT_WORDS[unit]
    number = _NUMBERS[amount] if amount < len(_NUMBERS) else str(amount)
    return f"{number} {one if amount == 1 else many}"


_ANCHOR_WORDS = {
    m.Anchor.REPORT_PUBLISHED: ("publication", "the date of publication"),
    m.Anchor.REPORT_SENT: ("the report being sent to its addressees", "the date the report was sent"),
    m.Anchor.COMPLAINT_RECEIVED: ("receipt of the complaint", "the date of receipt"),
    m.Anchor.RESPONSE: ("response", "the date of response"),
    m.Anchor.FOLLOW_UP: ("follow-up", "the date of follow-up"),
}


# --------------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------------


@attrs.frozen(kw_only=True)
class Resolution:
    """A deadline resolved against a case record.

    Attributes:
        deadline: the deadline resolved.
        due: the last day on which the thing is due, when it is known to the day; ``None`` for open and
            unstated deadlines, for an anchor the record does not have, and for an anchor known only to a
            month or a year (then see ``earliest`` and ``latest``).
        earliest: the earliest day the due date can be (equal to ``due`` when that is known).
        latest: the latest day the due date can be (equal to ``due`` when that is known).
        anchor: the event the deadline was counted from: ``None`` for a fixed, open or unstated deadline,
            and for an immediate deadline resolved from an ``issued`` date.
        anchor_ref: the id of the response or follow-up anchored to, for those anchors.
        anchor_date: the date of that event as the record has it (possibly a month or a year), or the
            ``issued`` date of an immediate deadline.
        explanation: a plain sentence: "six months from publication on 26 May 2021: 26 November 2021".
        computed: for a period deadline that states its due date too ("namely by 28 May 2024"), the date
            the period itself gives, when it can be computed; ``due`` is then the stated date, which governs.
    """

    deadline: m.Deadline
    due: dt.date | None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    anchor: m.Anchor | None = None
    anchor_ref: m.Ref | None = None
    anchor_date: PartialDate | None = None
    explanation: str
    computed: dt.date | None = None

    @property
    def discrepancy(self) -> int | None:
        """Days by which the stated due date is later (positive) or earlier than the computed one, if both exist."""
        if self.computed is None or self.due is None or self.computed == self.due:
            return None
        return (self.due - self.computed).days

    @property
    def dated(self) -> bool:
        """Whether there is a due date at all, exact or known only within bounds."""
        return self.latest is not None

    @property
    def exact(self) -> bool:
        """Whether the due date is known to the day."""
        return self.due is not None


def _anchor_date(anchor: m.Anchor, ref: m.Ref | None, case: m.CaseRecord) -> tuple[PartialDate | None, str]:
    """The recorded date of an anchor event, or None with the reason it is missing."""
    report = case.report
    if anchor is m.Anchor.REPORT_PUBLISHED:
        if report is None:
            return None, "the case has no report yet"
        if report.published is None:
            return None, "the record does not say when the report was published"
        return report.published, ""
    if anchor is m.Anchor.REPORT_SENT:
        if report is None:
            return None, "the case has no report yet"
        if report.sent_to_addressees is None:
            return None, "the record does not say when the report was sent to its addressees"
        return report.sent_to_addressees, ""
    if anchor is m.Anchor.COMPLAINT_RECEIVED:
        if case.complaint.received is None:
            return None, "the record does not say when the complaint was received"
        return case.complaint.received, ""
    if anchor is m.Anchor.RESPONSE:
        if ref is None:
            return None, "the deadline does not say which response it counts from"
        response = next((r for r in case.responses if str(r.id) == ref), None)
        if response is None:
            return None, f"the record has no response {ref!r}"
        when = response.sent or response.published
        if when is None:
            return None, "the record does not say when that response was sent or published"
        return when, ""
    if anchor is m.Anchor.FOLLOW_UP:
        if ref is None:
            return None, "the deadline does not say which follow-up it counts from"
        follow_up = next((f for f in case.follow_ups if str(f.id) == ref), None)
        if follow_up is None:
            return None, f"the record has no follow-up {ref!r}"
        return follow_up.date, ""
    assert_never(anchor)  # pragma: no cover


def _anchor_phrase(anchor: m.Anchor, ref: m.Ref | None, case: m.CaseRecord, *, date: bool = False) -> str:
    """The anchor as a person reads it. A response or follow-up the record has is "the response" (its date
    follows in the explanation), never its id; an id the record does not have is named, since that is the
    problem."""
    words = _ANCHOR_WORDS[anchor][1 if date else 0]
    if anchor not in (m.Anchor.RESPONSE, m.Anchor.FOLLOW_UP) or ref is None:
        return words
    records = case.responses if anchor is m.Anchor.RESPONSE else case.follow_ups
    noun = "response" if anchor is m.Anchor.RESPONSE else "follow-up"
    if not any(str(r.id) == ref for r in records):
        return f"{words} {ref!r}"
    return f"the date of the {noun}" if date else f"the {noun}"


def _resolve_period(deadline: m.PeriodDeadline, case: m.CaseRecord) -> Resolution:
    found = _compute_period(deadline, case)
    stated = deadline.stated_date
    if stated is None:
        return found
    computed = found.due
    if computed is None:
        tail = found.explanation.split(": ", 1)[-1] if ": " in found.explanation else found.explanation
        note = f"the period itself gives {tail}" if found.dated else "the period cannot be counted here"
    elif computed == stated:
        note = "as the period gives"
    else:
        days = abs((stated - computed).days)
        later = "later" if stated > computed else "earlier"
        plural = "s" if days != 1 else ""
        note = f"the period gives {format_date(computed)}; the stated date is {days} day{plural} {later}"
    head = found.explanation.split(":", 1)[0]
    return attrs.evolve(
        found,
        due=stated,
        earliest=stated,
        latest=stated,
        computed=computed,
        explanation=f"{head}, stated as {format_date(stated)}: {format_date(stated)} ({note})",
    )


def _compute_period(deadline: m.PeriodDeadline, case: m.CaseRecord) -> Resolution:
    amount = _amount(deadline.amount, m.Unit(deadline.unit))
    joiner = "from" if m.Counting(deadline.counting) is m.Counting.AFTER else "beginning with"
    what = f"{amount} {joiner} {_anchor_phrase(deadline.anchor, deadline.anchor_ref, case)}"
    date, missing = _anchor_date(m.Anchor(deadline.anchor), deadline.anchor_ref, case)
    base = Resolution(
        deadline=deadline, due=None, anchor=deadline.anchor, anchor_ref=deadline.anchor_ref, explanation=""
    )
    if date is None:
        return attrs.evolve(base, explanation=f"{what}: no due date, because {missing}")
    base = attrs.evolve(base, anchor_date=date)
    try:
        earliest = period_end(date.earliest, deadline.amount, deadline.unit, deadline.counting)
        latest = period_end(date.latest, deadline.amount, deadline.unit, deadline.counting)
    except (OverflowError, ValueError):
        return attrs.evolve(
            base, explanation=f"{what} {_on(date)}: no due date, because the period ends after the year 9999"
        )
    if date.precision is Precision.DAY:
        return attrs.evolve(
            base,
            due=earliest,
            earliest=earliest,
            latest=latest,
            explanation=f"{what} {_on(date)}: {format_date(earliest)}",
        )
    return attrs.evolve(
        base,
        earliest=earliest,
        latest=latest,
        explanation=(
            f"{what} {_on(date)}: between {format_date(earliest)} and {format_date(latest)}, "
            f"because {_anchor_phrase(deadline.anchor, deadline.anchor_ref, case, date=True)} is known only to the "
            f"{date.precision.value}"
        ),
    )


def _resolve_immediate(deadline: m.ImmediateDeadline, case: m.CaseRecord, issued: PartialDate | None) -> Resolution:
    anchor: m.Anchor | None
    if issued is not None:
        date: PartialDate | None
        anchor, date, source = None, issued, "the day it was asked for"
    else:
        report = case.report
        if report is not None and report.sent_to_addressees is not None:
            anchor, date = m.Anchor.REPORT_SENT, report.sent_to_addressees
            source = "the day the report was sent to its addressees"
        elif report is not None and report.published is not None:
            anchor, date = m.Anchor.REPORT_PUBLISHED, report.published
            source = "the day the report was published"
        else:
            return Resolution(
                deadline=deadline,
                due=None,
                explanation="immediately: no due date, because the record does not say when the report was "
                "sent or published",
            )
    exact = date.as_date()
    return Resolution(
        deadline=deadline,
        due=exact,
        earliest=date.earliest,
        latest=date.latest,
        anchor=anchor,
        anchor_date=date,
        explanation=f"immediately: due on {source}: {format_date(date)}",
    )


def resolve(
    deadline: m.Deadline,
    case: m.CaseRecord,
    *,
    registry: Registry | None = None,
    issued: PartialDate | None = None,
) -> Resolution:
    """Resolve ``deadline`` against ``case``: the due date, its anchor, and a plain explanation.

    * :class:`~supercomplaint.model.FixedDeadline`: due on its date.
    * :class:`~supercomplaint.model.PeriodDeadline`: counted from its anchor's date in the record, by the
      rules in the module documentation; when the anchor is only a month or a year, ``due`` is ``None``
      and ``earliest``/``latest`` bound it; when the record lacks the anchor, everything is ``None`` and
      the explanation says why.
    * :class:`~supercomplaint.model.ImmediateDeadline`: due on the day it was issued: ``issued`` when
      given (a follow-up's date), else the day the report was sent to its addressees, else its
      publication.
    * :class:`~supercomplaint.model.OpenDeadline` ("as soon as possible"),
      :class:`~supercomplaint.model.NoDeadline` and :class:`~supercomplaint.model.NotCapturedDeadline`: no
      due date.
    * A fixed deadline known only to a month or a year ("in March 2025") has no single ``due`` day:
      ``earliest`` and ``latest`` bound it.
    * A period deadline that also states its date ("namely by 28 May 2024") is due on the stated date;
      ``computed`` holds what the period gives and ``discrepancy`` the difference in days.

    ``registry`` is accepted so that the same keyword arguments can be passed to :func:`resolve` and
    :func:`~supercomplaint.tracker.obligations`; no current rule depends on the bodies involved (bank
    holidays are the same in England and in Wales).

    Never raises for data: a period that would end after the year 9999 gives no due date and says so.
    Raises :class:`TypeError` when ``deadline`` is not a deadline or ``case`` not a case record.

    >>> from supercomplaint import Anchor, CaseRecord, Complaint, Counting, PeriodDeadline, Report, Unit
    >>> case = CaseRecord(id="c", complaint=Complaint(title="t", complainants=("x",)),
    ...                   report=Report(id="r", title="t", published=PartialDate(2021, 5, 26)))
    >>> deadline = PeriodDeadline(amount=6, unit=Unit.MONTHS, anchor=Anchor.REPORT_PUBLISHED,
    ...                           counting=Counting.AFTER)
    >>> resolve(deadline, case).explanation
    'six months from publication on 26 May 2021: 26 November 2021'
    """
    del registry  # see the docstring: accepted for a uniform call, not used by any rule yet
    if not isinstance(case, m.CaseRecord):
        raise TypeError(f"resolve() needs a CaseRecord, not {type(case).__name__}")
    if isinstance(deadline, m.FixedDeadline):
        when = deadline.date
        exact = when.as_date()
        return Resolution(
            deadline=deadline,
            due=exact,
            earliest=when.earliest if exact is None else exact,
            latest=when.latest,
            explanation=f"by {format_date(when)}"
            if exact is not None
            else f"in {format_date(when)}: due between {format_date(when.earliest)} and {format_date(when.latest)}, "
            f"because the source gives only the {when.precision.value}",
        )
    if isinstance(deadline, m.PeriodDeadline):
        return _resolve_period(deadline, case)
    if isinstance(deadline, m.ImmediateDeadline):
        return _resolve_immediate(deadline, case, issued)
    if isinstance(deadline, m.OpenDeadline):
        said = f" ({deadline.as_written!r})" if deadline.as_written else ""
        return Resolution(deadline=deadline, due=None, explanation=f"open{said}: no due date")
    if isinstance(deadline, m.NoDeadline):
        return Resolution(deadline=deadline, due=None, explanation="no deadline stated")
    if isinstance(deadline, m.NotCapturedDeadline):
        said = f" (the source says {deadline.as_written!r})" if deadline.as_written else ""
        return Resolution(deadline=deadline, due=None, explanation=f"deadline not captured in this record{said}")
    raise TypeError(f"resolve() needs a deadline, not {type(deadline).__name__}")
