"""Date helpers: weekday shifts and the date words people type. `today` is always a parameter."""

from __future__ import annotations

import re
from datetime import date, timedelta

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_RELATIVE = re.compile(r"^([+-])(\d{1,4})([dw])$")


class DateError(ValueError):
    """A date the user typed could not be read; the message says what to type instead."""


# Dates a job search can have. The bound keeps date arithmetic (due dates weeks ahead) far from
# the ends of the calendar, where it would overflow.
EARLIEST = date(1970, 1, 1)
LATEST = date(2999, 12, 31)


def in_range(day: date) -> date:
    """The day itself, or DateError if it is outside EARLIEST..LATEST."""
    if not EARLIEST <= day <= LATEST:
        raise DateError(f"{day.isoformat()} is out of range ({EARLIEST.year} to {LATEST.year})")
    return day


def next_weekday(day: date) -> date:
    """The day itself on Monday to Friday; the following Monday on a weekend (R3)."""
    weekday = day.weekday()
    if weekday >= 5:
        return day + timedelta(days=7 - weekday)
    return day


# strftime's %a and %b in the C locale, the only one followup runs in, without strftime: it took
# 18 microseconds a day here, 7 ms of `followup due` at 1,000 applications (issue 17).
_SHORT_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_SHORT_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def short_day(day: date) -> str:
    """'Tue 10 Mar': how a day is written in every message and cell."""
    return f"{_SHORT_WEEKDAYS[day.weekday()]} {day.day} {_SHORT_MONTHS[day.month - 1]}"


def day_label(day: date, today: date) -> str:
    """'Mon 9 Mar', with the year only when it is not this year's ('Mon 9 Mar 2025'): how a
    day is written on every screen and in every message that has `today` at hand."""
    label = short_day(day)
    return label if day.year == today.year else f"{label} {day.year}"


def date_words(day: date, today: date) -> str:
    """The day in words relative to today, as a person would say it back: 'today', 'tomorrow',
    'next Friday' (within a week ahead, as typing 'fri' means), '3 days ago', 'in 2 weeks'."""
    days = (day - today).days
    if days == 0:
        return "today"
    if days == 1:
        return "tomorrow"
    if days == -1:
        return "yesterday"
    if 2 <= days <= 7:
        return f"next {_FULL_NAMES[day.weekday()].capitalize()}"
    count, unit = (abs(days) // 7, "week") if days % 7 == 0 else (abs(days), "day")
    amount = f"{count} {unit}{'' if count == 1 else 's'}"
    return f"in {amount}" if days > 0 else f"{amount} ago"


def parse_date(text: str, today: date) -> date:
    """Read an ISO date (2026-03-10) or a word: today, tomorrow, yesterday, mon..sun, +3d, -2w.

    A weekday name means the next such day after today (never today itself). The result is
    always within EARLIEST..LATEST.
    """
    return in_range(_parse(text, today))


def _parse(text: str, today: date) -> date:
    word = text.strip().lower()
    if not word:
        raise DateError("a date is required")
    if word == "today":
        return today
    if word == "tomorrow":
        return today + timedelta(days=1)
    if word == "yesterday":
        return today - timedelta(days=1)
    for index, name in enumerate(WEEKDAYS):
        if len(word) >= 3 and name.startswith(word[:3]) and _is_weekday_word(word, index):
            ahead = (index - today.weekday()) % 7 or 7
            return today + timedelta(days=ahead)
    match = _RELATIVE.match(word)
    if match:
        sign, amount, unit = match.groups()
        days = int(amount) * (7 if unit == "w" else 1)
        try:
            return today + timedelta(days=days if sign == "+" else -days)
        except OverflowError as error:
            raise DateError(f"{text.strip()!r} is too far away") from error
    try:
        return date.fromisoformat(word)
    except ValueError:
        raise DateError(
            f"{text.strip()!r} is not a date "
            "(use YYYY-MM-DD, today, tomorrow, mon..sun, +3d or +2w)"
        ) from None


_FULL_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _is_weekday_word(word: str, index: int) -> bool:
    """Accept 'mon', 'mond', 'monday'; reject 'monkey'."""
    return _FULL_NAMES[index].startswith(word)
