"""CSV: export applications or touches; import the columns spreadsheet trackers keep.

Import reads the whole file first: it maps the header to our fields by the names people use
(company, position/role/title, status, date applied, interview date, contact name and email,
notes, URL), and lists the rows it cannot read, before anything is written.

A cell a spreadsheet would run as a formula is written behind a `'` (OWASP's advice against CSV
injection), and import takes that `'` off again, so every text comes back as it went out.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from followup_tui.domain.dates import DateError, in_range
from followup_tui.domain.records import Application, Contact, Interview, Status
from followup_tui.domain.rules import assess, describe

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
}
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

    def preview(self) -> str:
        lines = ["Columns:"]
        for ours, theirs in self.mapping.items():
            lines.append(f"  {theirs!r} -> {ours}")
        for column in self.ignored:
            lines.append(f"  {column!r} -> (not used)")
        lines.append(f"Rows read: {len(self.applications)}")
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


def read_csv(text: str, today: date) -> CsvImport:
    """Everything the file holds, and what it cannot read; writes nothing."""
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
    result = CsvImport(mapping, ignored)
    for line, row in enumerate(reader, start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {
            f: (from_spreadsheet(row[i].strip()) if i < len(row) else "")
            for f, i in positions.items()
        }
        try:
            result.applications.append(_application(values, len(result.applications) + 1, today))
        except ValueError as error:
            result.problems.append((line, str(error)))
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


def _application(values: dict[str, str], number: int, today: date) -> Application:
    for required in REQUIRED:
        if not values.get(required):
            raise ValueError(f"no {required}")
    status_word = _key(values.get("status", ""))
    if status_word not in STATUS_WORDS:
        raise ValueError(f"unknown status {values['status']!r}")
    status = STATUS_WORDS[status_word]
    applied = _date(values.get("applied", ""), "date applied")
    interviewed = _date(values.get("interview", ""), "interview date")
    contacts: tuple[Contact, ...] = ()
    if values.get("contact") or values.get("email"):
        contacts = (
            Contact(1, values.get("contact") or values["email"], email=values.get("email", "")),
        )
    interviews: tuple[Interview, ...] = ()
    if interviewed is not None:
        interviews = (Interview(1, interviewed, interviewer_ids=(1,) if contacts else ()),)
    return Application(
        id=number,
        company=values["company"],
        role=values["role"],
        status=status,
        job_url=values.get("url", ""),
        location=values.get("location", ""),
        notes=values.get("notes", ""),
        created_on=applied,
        closed_on=(interviewed or applied or today) if status.is_closed else None,
        contacts=contacts,
        interviews=interviews,
    )


_FORMATS = ("%Y-%m-%d", "%d %b %Y", "%d %B %Y", "%b %d, %Y", "%B %d, %Y", "%b %d %Y", "%Y/%m/%d")


def _date(text: str, what: str) -> date | None:
    text = text.strip()
    if not text:
        return None
    for pattern in _FORMATS:
        try:
            return in_range(datetime.strptime(text, pattern).date())
        except ValueError:
            continue
        except DateError as error:
            raise ValueError(f"{what}: {error}") from None
    slashed = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", text)
    if slashed:
        first, second, year = (int(part) for part in slashed.groups())
        if first > 12 and second <= 12:
            return in_range(date(year, second, first))  # day first
        if second > 12 and first <= 12:
            return in_range(date(year, first, second))  # month first
        raise ValueError(f"{what} {text!r} could be either day or month first: use YYYY-MM-DD")
    raise ValueError(f"{what} {text!r} is not a date (use YYYY-MM-DD)")


# Export -----------------------------------------------------------------------------------

APPLICATION_COLUMNS = ["id", "company", "role", "status", "persistence", "location", "url",
                       "date applied", "interview date", "expected decision", "contact",
                       "email", "next action", "next due", "notes"]  # fmt: skip
TOUCH_COLUMNS = ["id", "application id", "company", "date", "direction", "kind", "channel",
                 "contact", "outcome", "duration seconds", "notes"]  # fmt: skip


def applications_csv(applications: list[Application], today: date) -> str:
    out = io.StringIO()
    writer = _SpreadsheetWriter(out)
    writer.writerow(APPLICATION_COLUMNS)
    for application in applications:
        action = assess(application, today).next_action
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
                application.created_on or "",
                last or "",
                application.expected_decision or "",
                contact.full_name if contact else "",
                contact.email if contact else "",
                describe(action) if action else "",
                action.due if action else "",
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
