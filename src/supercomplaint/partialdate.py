"""Dates known to the day, the month or only the year.

A record often knows only "Nov 2022" or "later this year (2022)". :class:`PartialDate` keeps exactly what
is known; it is never silently turned into a full date. It is compared by the earliest and the latest day
it may stand for.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from enum import StrEnum

import attrs

__all__ = ["PartialDate", "Precision", "as_of_day"]

_PATTERN = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only


class Precision(StrEnum):
    """How much of a :class:`PartialDate` is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def _check(instance: PartialDate) -> None:
    if not 1 <= instance.year <= 9999:
        raise ValueError(f"year {instance.year} is out of range 1-9999")
    if instance.month is None:
        if instance.day is not None:
            raise ValueError("a day needs a month")
        return
    if not 1 <= instance.month <= 12:
        raise ValueError(f"month {instance.month} is out of range 1-12")
    if instance.day is not None:
        last = calendar.monthrange(instance.year, instance.month)[1]
        if not 1 <= instance.day <= last:
            raise ValueError(f"{instance.year:04d}-{instance.month:02d} has no day {instance.day}")


@attrs.frozen(order=False)
class PartialDate:
    """A calendar date known to the day, the month or the year (ISO 8601 reduced precision).

    >>> d = PartialDate.parse("2022")
    >>> d.precision, d.earliest, d.latest
    (<Precision.YEAR: 'year'>, datetime.date(2022, 1, 1), datetime.date(2022, 12, 31))
    >>> str(PartialDate(2021, 11))
    '2021-11'
    >>> PartialDate(2021, 11) < PartialDate(2021, 11, 30)
    True

    Ordering (``<`` and friends, and sorting) is by the earliest possible day, then by the latest: a
    month sorts after its first day and before its other days (``2021-09-01`` < ``2021-09`` <
    ``2021-09-02``). To ask whether one date is certainly before another, use :meth:`certainly_before`.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        _check(self)

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Read ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise :class:`ValueError` for anything else."""
        match = _PATTERN.fullmatch(text) if isinstance(text, str) else None
        if match is None:
            raise ValueError(f"{text!r} is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = match.groups()
        return cls(int(year), int(month) if month else None, int(day) if day else None)

    @classmethod
    def from_date(cls, value: dt.date) -> PartialDate:
        """The day-precision partial date of a :class:`datetime.date`."""
        return cls(value.year, value.month, value.day)

    @property
    def precision(self) -> Precision:
        """Whether the day, only the month, or only the year is known."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def earliest(self) -> dt.date:
        """The first day this date may stand for."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def latest(self) -> dt.date:
        """The last day this date may stand for."""
        if self.day is not None:
            return dt.date(self.year, self.month or 1, self.day)
        month = self.month or 12
        return dt.date(self.year, month, calendar.monthrange(self.year, month)[1])

    def as_date(self) -> dt.date | None:
        """The full date if known to the day, else ``None`` (never a guess)."""
        return self.earliest if self.day is not None else None

    def contains(self, value: dt.date) -> bool:
        """Whether ``value`` is one of the days this date may stand for."""
        return self.earliest <= value <= self.latest

    def certainly_before(self, other: PartialDate | dt.date) -> bool:
        """True when every day this may be is before every day ``other`` may be."""
        first = other if isinstance(other, dt.date) else other.earliest
        return self.latest < first

    def certainly_after(self, other: PartialDate | dt.date) -> bool:
        """True when every day this may be is after every day ``other`` may be."""
        last = other if isinstance(other, dt.date) else other.latest
        return self.earliest > last

    def isoformat(self) -> str:
        """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    def __str__(self) -> str:
        return self.isoformat()

    def _key(self) -> tuple[dt.date, dt.date]:
        return (self.earliest, self.latest)

    def __lt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: PartialDate) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()


def as_of_day(value: dt.date | PartialDate) -> dt.date:
    """The day an ``as_of`` stands for: a date as it is (a datetime's date), a partial date's last day.

    Every function that takes ``as_of`` reads it through this, so that all accept the same values. Raises
    :class:`TypeError` for anything else.

    >>> as_of_day(PartialDate(2022))
    datetime.date(2022, 12, 31)
    """
    if isinstance(value, PartialDate):
        return value.latest
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    raise TypeError(f"as_of must be a date or a partial date, not {type(value).__name__}")
