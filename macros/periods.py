"""When a brief covers, as publications give it: an audit year (2017-18), a calendar year (2014),
a month (2016-04) or a day (2016-04-12). One parser for the check, the sort order and the pages."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

PERIOD = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?")


@dataclass(frozen=True, order=True)
class Period:
    start: date  # first day covered: what briefs are sorted by, newest first
    text: str  # as written in the brief
    kind: str  # "audit year", "year", "month" or "day"

    @property
    def group(self) -> str:
        """The year a page lists it under: the audit year itself, or the calendar year."""
        return self.text if self.kind in ("audit year", "year") else self.text[:4]

    @property
    def label(self) -> str:
        """As a reader would say it: '2017-18', '2014', 'April 2016', '12 April 2016'."""
        if self.kind == "month":
            return f"{calendar.month_name[self.start.month]} {self.start.year}"
        if self.kind == "day":
            return long_date(self.start)
        return self.text

    @property
    def phrase(self) -> str:
        """In a sentence: 'audit year 2017-18', '2014', 'April 2016'."""
        return f"audit year {self.text}" if self.kind == "audit year" else self.label


def long_date(day) -> str:
    """A date as a reader writes it: '12 April 2016' (English month names, whatever the locale)."""
    return f"{day.day} {calendar.month_name[day.month]} {day.year}"


def parse(text: str) -> Period:
    """The period `text` names; ValueError with the rule it breaks when it names none.

    `2011-12` is read as the audit year 2011-12, never as December 2011 (write a day for that)."""
    match = PERIOD.fullmatch(text)
    if not match:
        raise ValueError(
            "must be an audit year (2017-18), a calendar year (2014), a month (2016-04) or a day (2016-04-12)"
        )
    year, second, day = int(match[1]), match[2], match[3]
    if second is None:
        return Period(date(year, 1, 1), text, "year")
    if day is None and int(second) == (year + 1) % 100:
        return Period(date(year, 4, 1), text, "audit year")  # audit years run April to March
    month = int(second)
    if not 1 <= month <= 12:
        raise ValueError(
            f"is neither an audit year (the year after {year} is {(year + 1) % 100:02d}) nor a month (01 to 12)"
        )
    if day is None:
        return Period(date(year, month, 1), text, "month")
    try:
        return Period(date(year, month, int(day)), text, "day")
    except ValueError:
        raise ValueError("is not a day of the calendar") from None
