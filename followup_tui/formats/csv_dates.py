"""The date order of a spreadsheet tracker: `10/28/2026` is month first, `28/10/2026` day first,
`11/12/2026` either, and `13/45/2026` no date at all.

A spreadsheet writes every date of a file one way (its locale's), so the order is read from the
file, not from each cell alone: one date that fits a single order decides its column, and a
column whose dates all fit several orders takes the order the file's other date columns show
(only when they agree). When nothing decides, the caller gives the order (`--date-order`); an
order the file contradicts is refused, as is a column that mixes orders. Docs: docs/csv-import.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum

from followup_tui.domain.dates import in_range


class DateOrder(StrEnum):
    MDY = "mdy"
    DMY = "dmy"
    YMD = "ymd"

    @property
    def label(self) -> str:
        """'month first (mdy)'."""
        return f"{_WORDS[self]} first ({self.value})"


_WORDS = {DateOrder.MDY: "month", DateOrder.DMY: "day", DateOrder.YMD: "year"}
ALL_ORDERS = frozenset(DateOrder)


class DateOrderProblem(ValueError):
    """The file's dates contradict themselves or the order given: the whole file is refused."""


@dataclass(frozen=True, slots=True)
class ColumnOrder:
    """The order one date column is read in, and why, in words for the dry run."""

    column: str
    order: DateOrder | None  # None: nothing decides, and no order was given
    reason: str
    fits: frozenset[DateOrder] = ALL_ORDERS  # the orders every date of the column fits


# Day, month and year as digits with one separator used twice: 10/28/2026, 28.10.2026, 26-10-28.
_NUMERIC = re.compile(r"(\d{1,4})([/.-])(\d{1,2})\2(\d{1,4})")
# Spreadsheets export date-times as "10/28/2026 0:00" or "2026-10-28 00:00:00": the day counts.
_TIME = re.compile(r"[ T]\d{1,2}:\d{2}(:\d{2})?(\s*[ap]\.?m\.?)?$", re.IGNORECASE)
_FIXED = ("%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y",
          "%b %d %Y", "%B %d %Y")  # fmt: skip


def _day_part(text: str) -> str:
    return _TIME.sub("", text.strip()).strip()


def _numeric(text: str) -> tuple[str, str, str] | None:
    """The three numbers of a date an order is needed for; None for a year-first 2026/10/28."""
    match = _NUMERIC.fullmatch(_day_part(text))
    if match is None or len(match.group(1)) == 4:
        return None
    first, _, second, third = match.groups()
    return first, second, third


def _build(order: DateOrder, parts: tuple[str, str, str]) -> date | None:
    first, second, third = parts
    if order is DateOrder.MDY:
        month, day, year = first, second, third
    elif order is DateOrder.DMY:
        day, month, year = first, second, third
    else:
        year, month, day = first, second, third
    if len(year) not in (2, 4) or len(month) > 2 or len(day) > 2:
        return None
    try:
        # Two-digit years are this century's: a job search is not in 1926.
        return date(int(year) + (2000 if len(year) == 2 else 0), int(month), int(day))
    except ValueError:
        return None


def fitting_orders(text: str) -> frozenset[DateOrder] | None:
    """The orders under which `text` is a real date (empty: it is none in any order); None when
    no order is needed to read it (2026-10-28, 28 Oct 2026, or not digits at all)."""
    parts = _numeric(text)
    if parts is None:
        return None
    return frozenset(order for order in DateOrder if _build(order, parts) is not None)


def _fits(orders: frozenset[DateOrder]) -> str:
    """'can only be month first (mdy)', 'could be month first (mdy) or day first (dmy)'."""
    labels = [order.label for order in DateOrder if order in orders]
    if len(labels) == 1:
        return f"can only be {labels[0]}"
    return "could be " + " or ".join(labels)


def _choices(orders: frozenset[DateOrder]) -> str:
    return " or ".join(f"--date-order {order.value}" for order in DateOrder if order in orders)


@dataclass
class _Evidence:
    column: str
    fits: frozenset[DateOrder] = ALL_ORDERS
    needed: bool = False  # some date of the column needs an order to be read
    decider: tuple[int, str] | None = None  # the date that narrowed `fits` last
    alone: bool = True  # the decider fits `fits` by itself, without the dates above it
    # The first date that rules out each order: what a contradicted --date-order is shown.
    excluded_by: dict[DateOrder, tuple[int, str]] = field(default_factory=dict)


def _evidence(column: str, cells: Iterable[tuple[int, str]]) -> _Evidence:
    found = _Evidence(column)
    for line, text in cells:
        fits = fitting_orders(text)
        if not fits:  # no order needed, or no date in any order (reported on its row)
            continue
        found.needed = True
        for order in ALL_ORDERS - fits:
            found.excluded_by.setdefault(order, (line, text))
        narrowed = found.fits & fits
        if not narrowed:
            assert found.decider is not None  # `fits` was narrowed before, or it would fit
            before_line, before = found.decider
            raise DateOrderProblem(
                f"{column!r} mixes date orders: {before!r} on line {before_line} "
                f"{_fits(found.fits)}, {text!r} on line {line} {_fits(fits)}; fix one of them"
            )
        if narrowed != found.fits:
            found.fits, found.decider, found.alone = narrowed, (line, text), fits == narrowed
    return found


def infer_orders(
    columns: Mapping[str, Sequence[tuple[int, str]]], given: DateOrder | None = None
) -> list[ColumnOrder]:
    """The order of each date column that needs one (`columns`: name -> (line, cell) pairs):
    decided by its own dates, else by the file's other date columns when they agree, else
    `given`, else undecided (order None).

    Raises DateOrderProblem when a column mixes orders or a date rules out `given`.
    """
    evidence = [
        found for name, cells in columns.items() if (found := _evidence(name, cells)).needed
    ]
    if given is not None:
        for found in evidence:
            if given not in found.fits:
                line, text = found.excluded_by[given]
                raise DateOrderProblem(
                    f"--date-order {given.value} contradicts {found.column!r}: "
                    f"{text!r} on line {line} {_fits(fitting_orders(text) or ALL_ORDERS)}"
                )
    decided: dict[str, tuple[DateOrder, str]] = {}
    for found in evidence:
        if len(found.fits) == 1 and found.decider is not None:
            (only,) = found.fits
            line, text = found.decider
            above = "" if found.alone else ", with the dates above it,"
            decided[found.column] = (only, f"{text!r} on line {line}{above} fits no other order")
    file_orders = {only for only, _ in decided.values()}
    result = []
    for found in evidence:
        order: DateOrder | None
        if found.column in decided:
            order, reason = decided[found.column]
        elif len(file_orders) == 1 and file_orders <= found.fits:
            (order,) = file_orders
            others = " and ".join(repr(name) for name in decided)
            reason = f"as {others}: a spreadsheet writes all its dates one way"
        elif given is not None:
            order, reason = given, f"--date-order {given.value}: every date {_fits(found.fits)}"
        else:
            order = None
            reason = f"every date {_fits(found.fits)}; add {_choices(found.fits)}"
        result.append(ColumnOrder(found.column, order, reason, found.fits))
    return result


def read_date(text: str, order: DateOrder | None) -> date | None:
    """The day a cell holds (None when empty), its digits read in `order` when they need one.

    ValueError says why it is no date: impossible in every order, undecided, out of range.
    """
    text = _day_part(text)
    if not text:
        return None
    for pattern in _FIXED:
        try:
            day = datetime.strptime(text, pattern).date()
        except ValueError:
            continue
        return in_range(day)
    parts = _numeric(text)
    fits = fitting_orders(text)
    if parts is None or fits is None:
        raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD)")
    if not fits:
        raise ValueError(f"{text!r} is not a date")
    if order is None and len(fits) > 1:
        raise ValueError(
            f"{text!r} {_fits(fits)}, and nothing in the file decides: add {_choices(fits)}"
        )
    (chosen,) = [order] if order is not None else fits
    built = _build(chosen, parts)
    if built is None:
        raise ValueError(f"{text!r} is not a date when read {chosen.label}")
    return in_range(built)
