import contextlib
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from followup_tui.domain.dates import DateError, next_weekday, parse_date

SAT = date(2026, 11, 21)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-03-10", date(2026, 3, 10)),
        (" today ", SAT),
        ("tomorrow", date(2026, 11, 22)),
        ("yesterday", date(2026, 11, 20)),
        ("mon", date(2026, 11, 23)),
        ("Monday", date(2026, 11, 23)),
        ("sat", date(2026, 11, 28)),  # a weekday name is never today
        ("+3d", date(2026, 11, 24)),
        ("+2w", date(2026, 12, 5)),
        ("-1w", date(2026, 11, 14)),
    ],
)
def test_parse_date_words(text, expected):
    assert parse_date(text, SAT) == expected


@pytest.mark.parametrize("text", ["2026-02-30", "", "monkey", "next week", "+3x", "10/03/2026"])
def test_parse_date_rejects_with_a_message(text):
    with pytest.raises(DateError) as error:
        parse_date(text, SAT)
    assert str(error.value)


def test_r3_next_weekday_moves_weekends_to_monday():
    assert next_weekday(date(2026, 11, 21)) == date(2026, 11, 23)
    assert next_weekday(date(2026, 11, 22)) == date(2026, 11, 23)
    assert next_weekday(date(2026, 11, 20)) == date(2026, 11, 20)


@given(st.text(max_size=30))
def test_parse_date_never_raises_anything_but_date_error(text):
    with contextlib.suppress(DateError):
        parse_date(text, SAT)


@pytest.mark.parametrize("text", ["9999-12-31", "0001-01-01", "1969-12-31", "3000-01-01"])
def test_dates_outside_the_supported_range_are_refused(text):
    with pytest.raises(DateError, match="out of range"):
        parse_date(text, SAT)


def test_relative_dates_cannot_leave_the_range():
    with pytest.raises(DateError):
        parse_date("+9999w", date(2999, 12, 1))


def test_short_day_writes_what_strftime_writes_in_the_c_locale():
    # Written from tables since issue 17 (strftime took 18 microseconds a day): the same text.
    from datetime import timedelta

    from followup_tui.domain.dates import short_day

    first = date(2025, 12, 25)
    for day in (first + timedelta(days=n) for n in range(800)):
        assert short_day(day) == f"{day:%a} {day.day} {day:%b}"
    assert short_day(date(2026, 3, 10)) == "Tue 10 Mar"
