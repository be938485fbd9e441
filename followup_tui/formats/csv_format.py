"""CSV: export applications or touches; import the columns spreadsheet trackers keep.

Import reads the whole file first: it maps the header to our fields by the names people use
(company, position/role/title, status, date applied, interview date, contact name and email,
notes, URL, thank-you sent), and lists the rows it cannot read, before anything is written.
The date order (10/28/2026 or 28/10/2026) is read from the file's dates (csv_dates.py). An
interview whose thank-you note R1 would already call overdue is taken as thanked, unless the file
says otherwise: a thank-you touch "assumed sent before import" on the interview day, which the
dashboard, `due` and the timeline all read (docs/csv-import.md).

A cell a spreadsheet would run as a formula is written behind a `'` (OWASP's advice against CSV
injection), and import takes that `'` off again, so every text comes back as it went out.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date

from followup_tui.domain.records import (
    Application,
    Channel,
    Contact,
    Direction,
    Interview,
    Status,
    Touch,
    TouchKind,
)
from followup_tui.domain.review import RowState, review_list, row_state
from followup_tui.domain.rules import DEFAULT_SETTINGS, ActionKind, Settings, assess, describe
from followup_tui.formats.csv_dates import (
    ColumnOrder,
    DateOrder,
    DateOrderProblem,
    fitting_orders,
    infer_orders,
    read_date,
)

# Our field -> the header names that mean it (compared lower-case, without punctuation).
SYNONYMS: dict[str, tuple[str, ...]] = {
    "company": ("company", "company name", "employer", "organization", "organisation"),
    "role": ("role", "position", "title", "job title", "job", "job position"),
    "status": ("status", "stage", "state"),
    "applied": ("date applied", "applied", "applied on", "application date", "date"),
    "interview": ("interview date", "interview", "interviewed", "interview on"),
    "contact": ("contact", "contact name", "recruiter", "interviewer", "hiring manager"),
    "email": ("email", "contact email", "e mail", "recruiter email"),
    "notes": ("notes", "note", "comments", "comment"),
    "url": ("url", "link", "job url", "posting", "job link", "job posting"),
    "location": ("location", "city", "place"),
    "source": ("source", "found via", "found on", "found through", "referral", "job board",
               "where found", "lead source"),
    "thanked": ("thank you sent", "thank you", "thank you note", "thank you note sent",
                "thank you email", "thanked", "ty sent", "ty", "sent thank you"),
}  # fmt: skip
DATE_FIELDS = {
    "applied": "date applied",
    "interview": "interview date",
    "thanked": "thank-you sent",
}
# What a "thank-you sent" cell says, besides a date.
SENT_WORDS = {"yes": True, "y": True, "true": True, "x": True, "sent": True, "done": True,
              "1": True, "no": False, "n": False, "false": False, "0": False}  # fmt: skip
ASSUMED_THANKED = "assumed sent before import"
THANKED_IN_FILE = "marked sent in the imported file"
REQUIRED = ("company", "role")

# What trackers write in their status column -> ours. "Offer" alone is still undecided.
STATUS_WORDS: dict[str, Status] = {
    **dict.fromkeys(
        (
            "",
            "applied",
            "wishlist",
            "saved",
            "interviewing",
            "interview",
            "screening",
            "phone screen",
            "in progress",
            "active",
            "offer",
            "offered",
            "pending",
        ),
        Status.ACTIVE,
    ),
    **dict.fromkeys(("accepted", "offer accepted", "hired"), Status.OFFER_ACCEPTED),
    **dict.fromkeys(("declined", "offer declined"), Status.OFFER_DECLINED),
    **dict.fromkeys(("rejected", "rejection", "not selected", "denied"), Status.REJECTED),
    **dict.fromkeys(("withdrawn", "withdrew"), Status.WITHDRAWN),
    **dict.fromkeys(("ghosted", "no response", "no reply", "closed"), Status.NO_RESPONSE),
    **dict.fromkeys(("parked", "on hold"), Status.PARKED),
}


@dataclass
class CsvImport:
    mapping: dict[str, str]  # our field -> the file's column
    ignored: list[str]  # columns we do not use
    applications: list[Application] = field(default_factory=list)
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, what is wrong)
    date_orders: list[ColumnOrder] = field(default_factory=list)  # the columns that need one
    assumed_thanked: int = 0  # interviews taken as thanked before the import (R1)
    today: date | None = None
    settings: Settings = DEFAULT_SETTINGS  # the rules' numbers the overdue count uses

    @property
    def undecided(self) -> list[ColumnOrder]:
        """The date columns nothing decides the order of: the caller must give it."""
        return [column for column in self.date_orders if column.order is None]

    def overdue_rows(self) -> tuple[int, int]:
        """The rows the dashboard would mark overdue after the import: (with a thank-you note
        first, with another follow-up first)."""
        if self.today is None:
            return (0, 0)
        assessed = review_list(self.applications, self.today, self.settings)
        states = [row_state(a) for a in assessed]
        return states.count(RowState.OVERDUE_THANK_YOU), states.count(RowState.OVERDUE)

    def preview(self) -> str:
        lines = ["Columns:"]
        for ours, theirs in self.mapping.items():
            lines.append(f"  {theirs!r} -> {ours}")
        for column in self.ignored:
            lines.append(f"  {column!r} -> (not used)")
        if any(f in self.mapping for f in DATE_FIELDS):
            lines.append("Date order:")
            for order in self.date_orders:
                label = order.order.label if order.order else "undecided"
                lines.append(f"  {order.column!r}: {label}: {order.reason}")
            if not self.date_orders:
                lines.append("  not needed: every date is year first or has a month name")
        lines.append(f"Rows read: {len(self.applications)}")
        if self.assumed_thanked:
            lines.append(
                f"Taken as thanked before import: {_plural(self.assumed_thanked, 'interview')} "
                "past the thank-you window with nothing in the file saying otherwise (a thank-you "
                f"touch {ASSUMED_THANKED!r} on the interview day)"
            )
        thanks, others = self.overdue_rows()
        lines.append(
            f"Overdue on the dashboard after import: {_plural(thanks + others, 'row')}"
            f" ({thanks} with a thank-you note, {others} with another follow-up)"
        )
        if self.problems:
            lines.append(f"Rows it cannot read: {len(self.problems)}")
            for line, problem in self.problems:
                lines.append(f"  line {line}: {problem}")
        return "\n".join(lines) + "\n"


# A spreadsheet runs a cell starting with one of these as a formula (OWASP: CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _needs_quote(text: str) -> bool:
    # Quotes already in front count too: `'=x` is written `''=x`, so import gives back `'=x`.
    return text.lstrip("'").startswith(FORMULA_STARTS)


def to_spreadsheet(text: str) -> str:
    """The cell as written: behind a `'` if it would start a formula (`-3d` too: it is text)."""
    return "'" + text if _needs_quote(text) else text


def from_spreadsheet(cell: str) -> str:
    """The text a written cell holds: `to_spreadsheet` undone, for every string."""
    return cell[1:] if cell.startswith("'") and _needs_quote(cell[1:]) else cell


class _SpreadsheetWriter:
    """csv.writer with every text cell through `to_spreadsheet`."""

    def __init__(self, out: io.StringIO) -> None:
        self._writer = csv.writer(out)

    def writerow(self, row: Sequence[object]) -> None:
        self._writer.writerow([to_spreadsheet(v) if isinstance(v, str) else v for v in row])


class CsvProblem(ValueError):
    """The file cannot be read at all (no header, no company column...)."""


def _key(text: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text.lower()).split())


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def read_csv(
    text: str,
    today: date,
    date_order: DateOrder | None = None,
    settings: Settings = DEFAULT_SETTINGS,
) -> CsvImport:
    """Everything the file holds, and what it cannot read; writes nothing. `settings` are the
    rules' numbers the preview counts overdue rows with, as the dashboard will.

    `date_order` is used for the date columns the file's own dates do not decide; a file that
    contradicts it, or mixes orders in a column, raises CsvProblem.
    """
    reader = csv.reader(io.StringIO(text), _Dialect, delimiter=_delimiter(text))
    try:
        header = next(reader)
    except StopIteration:
        raise CsvProblem("the file is empty") from None
    mapping: dict[str, str] = {}
    positions: dict[str, int] = {}
    ignored = []
    for index, column in enumerate(header):
        ours = next((f for f, names in SYNONYMS.items() if _key(column) in names), None)
        if ours is None or ours in mapping:
            ignored.append(column)
            continue
        mapping[ours] = column
        positions[ours] = index
    missing = [f for f in REQUIRED if f not in mapping]
    if missing:
        wanted = " and ".join(f"a {f} column" for f in missing)
        raise CsvProblem(f"no {wanted} (found: {', '.join(header) or 'nothing'})")
    rows = [
        (
            line,
            {
                f: (from_spreadsheet(row[i].strip()) if i < len(row) else "")
                for f, i in positions.items()
            },
        )
        for line, row in enumerate(reader, start=2)
        if any(cell.strip() for cell in row)
    ]
    # All the date columns at once: one that cannot tell alone takes the order the others show.
    dated = [f for f in DATE_FIELDS if f in mapping]
    try:
        date_orders = infer_orders(
            {mapping[f]: [(line, values[f]) for line, values in rows] for f in dated}, date_order
        )
    except DateOrderProblem as error:
        raise CsvProblem(str(error)) from None
    order_of = {column.column: column.order for column in date_orders}
    orders = {f: order_of.get(mapping[f]) for f in dated}
    result = CsvImport(mapping, ignored, date_orders=date_orders, today=today, settings=settings)
    for line, values in rows:
        try:
            application = _application(values, len(result.applications) + 1, today, orders)
        except ValueError as error:
            result.problems.append((line, str(error)))
            continue
        result.applications.append(application)
        result.assumed_thanked += sum(t.notes == ASSUMED_THANKED for t in application.touches)
    return result


class _Dialect(csv.excel):
    skipinitialspace = True  # `a, "b, c"` as typed by hand


def _delimiter(text: str) -> str:
    """The delimiter that splits the header into the most columns (a tie goes to the comma).

    Read from the header only, and quotes are always `"`: guessed from the rows (csv.Sniffer),
    the `'` before a neutralised formula was taken for the quote character.
    """

    def columns(delimiter: str) -> int:
        return len(next(csv.reader(io.StringIO(text), _Dialect, delimiter=delimiter), []))

    return max((",", ";", "\t"), key=columns)


def _application(
    values: dict[str, str], number: int, today: date, orders: dict[str, DateOrder | None]
) -> Application:
    for required in REQUIRED:
        if not values.get(required):
            raise ValueError(f"no {required}")
    status_word = _key(values.get("status", ""))
    if status_word not in STATUS_WORDS:
        raise ValueError(f"unknown status {values['status']!r}")
    status = STATUS_WORDS[status_word]
    applied = _date(values, "applied", orders)
    interviewed = _date(values, "interview", orders)
    thanked = _thanked(values, orders)
    contacts: tuple[Contact, ...] = ()
    if values.get("contact") or values.get("email"):
        contacts = (
            Contact(1, values.get("contact") or values["email"], email=values.get("email", "")),
        )
    interviews: tuple[Interview, ...] = ()
    if interviewed is not None:
        interviews = (Interview(1, interviewed, interviewer_ids=(1,) if contacts else ()),)
    application = Application(
        id=number,
        company=values["company"],
        role=values["role"],
        status=status,
        job_url=values.get("url", ""),
        location=values.get("location", ""),
        notes=values.get("notes", ""),
        applied_on=applied,
        source=values.get("source", ""),
        created_on=applied,
        closed_on=(interviewed or applied or today) if status.is_closed else None,
        contacts=contacts,
        interviews=interviews,
    )
    if interviewed is None or thanked is False:
        return application
    if thanked is None:
        return replace(application, touches=_assumed_thanks(application, today))
    if interviewed > today:
        raise ValueError(f"thank-you sent, but the interview date {interviewed} is after today")
    on = interviewed if thanked is True else thanked
    if on < interviewed:
        raise ValueError(f"thank-you sent {on} is before the interview date {interviewed}")
    people = interviews[0].interviewer_ids or (None,)
    return replace(application, touches=tuple(
        _thank_you(n, on, person, THANKED_IN_FILE) for n, person in enumerate(people, start=1)
    ))  # fmt: skip


def _assumed_thanks(application: Application, today: date) -> tuple[Touch, ...]:
    """A thank-you touch for each note R1 would call overdue today: sent before the import, as
    far as we can tell, or the first dashboard after an import is all false alarms.

    R1 itself decides (an application closed or parked in the file is asked as if active, so
    reopening it later raises no alarm either), so the window is written in one place.
    """
    held_on = {interview.id: interview.held_on for interview in application.interviews}
    owed = [
        (held_on[action.interview_id], action.contact.id if action.contact else None)
        for action in assess(replace(application, status=Status.ACTIVE), today).actions
        if action.kind is ActionKind.THANK_YOU and action.overdue and action.interview_id
    ]
    return tuple(
        _thank_you(n, on, person, ASSUMED_THANKED) for n, (on, person) in enumerate(owed, start=1)
    )


def _thank_you(number: int, on: date, contact_id: int | None, notes: str) -> Touch:
    # The channel is not known: "other", not a guess.
    return Touch(
        id=number,
        on=on,
        channel=Channel.OTHER,
        direction=Direction.OUT,
        kind=TouchKind.THANK_YOU,
        contact_id=contact_id,
        notes=notes,
    )


def _date(values: dict[str, str], ours: str, orders: dict[str, DateOrder | None]) -> date | None:
    try:
        return read_date(values.get(ours, ""), orders.get(ours))
    except ValueError as error:
        raise ValueError(f"{DATE_FIELDS[ours]} {error}") from None


def _thanked(values: dict[str, str], orders: dict[str, DateOrder | None]) -> bool | date | None:
    """What the thank-you column says: sent (True or the day), not sent, or nothing (None)."""
    text = values.get("thanked", "").strip()
    if not text:
        return None
    word = text.lower().rstrip(".")
    if word in SENT_WORDS:
        return SENT_WORDS[word]
    if fitting_orders(text) is None:  # not digits like 11/10/2026: a word, or a written date
        try:
            return _date(values, "thanked", orders)
        except ValueError:
            raise ValueError(f"thank-you sent {text!r}: use yes, no or a date") from None
    return _date(values, "thanked", orders)  # its own message: impossible, or which order


# Export -----------------------------------------------------------------------------------

APPLICATION_COLUMNS = ["id", "company", "role", "status", "persistence", "location", "url",
                       "date applied", "source", "interview date", "expected decision",
                       "contact",
                       "email", "next action", "next due", "notes"]  # fmt: skip
TOUCH_COLUMNS = ["id", "application id", "company", "date", "direction", "kind", "channel",
                 "contact", "outcome", "duration seconds", "notes"]  # fmt: skip


def applications_csv(
    applications: list[Application], today: date, settings: Settings = DEFAULT_SETTINGS
) -> str:
    out = io.StringIO()
    writer = _SpreadsheetWriter(out)
    writer.writerow(APPLICATION_COLUMNS)
    for application in applications:
        action = assess(application, today, settings).next_action
        decider = next((c for c in application.contacts if c.decision_maker), None)
        contact = decider or (application.contacts[0] if application.contacts else None)
        last = max((i.held_on for i in application.interviews), default=None)
        writer.writerow(
            [
                application.id,
                application.company,
                application.role,
                application.status.value,
                application.persistence.value,
                application.location,
                application.job_url,
                application.applied_on or application.created_on or "",
                application.source,
                last or "",
                application.expected_decision or "",
                contact.full_name if contact else "",
                contact.email if contact else "",
                describe(action) if action else "",
                action.last_day if action else "",
                application.notes,
            ]
        )
    return out.getvalue()


def touches_csv(applications: list[Application]) -> str:
    out = io.StringIO()
    writer = _SpreadsheetWriter(out)
    writer.writerow(TOUCH_COLUMNS)
    for application in applications:
        for touch in application.touches:
            contact = application.contact(touch.contact_id)
            writer.writerow(
                [
                    touch.id,
                    application.id,
                    application.company,
                    touch.on,
                    touch.direction.value,
                    touch.kind.value,
                    touch.channel.value,
                    contact.full_name if contact else "",
                    touch.outcome.value,
                    touch.duration_seconds if touch.duration_seconds is not None else "",
                    touch.notes,
                ]
            )
    return out.getvalue()
