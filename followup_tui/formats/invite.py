"""Interview invitations (iCalendar, RFC 5545/5546) read into plain records: when, where, who.

What Google Calendar, Outlook and Apple Calendar send by e-mail: one VEVENT, METHOD:REQUEST for
an invitation or an update, METHOD:CANCEL (or STATUS:CANCELLED) when it is called off. The
UID names the meeting across all of them; SEQUENCE counts its revisions.

Pure: bytes in, records out. The time zone to convert into and the user's own addresses are
parameters (docs/ics-import.md says what is read and how matching works).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, time, tzinfo

from icalendar import Calendar, Component

from followup_tui.domain.records import Application, Contact, Interview

# Attendees that are rooms or equipment, not people (RFC 5545 CUTYPE).
_NOT_PEOPLE = {"ROOM", "RESOURCE"}

# Domains that say nothing about an employer: free mail and calendar services.
_GENERIC_DOMAINS = frozenset(
    {
        "gmail.com", "googlemail.com", "google.com", "calendar.google.com",
        "group.calendar.google.com", "resource.calendar.google.com",
        "outlook.com", "hotmail.com", "live.com", "msn.com", "yahoo.com", "ymail.com",
        "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "protonmail.com",
        "gmx.de", "gmx.net", "web.de", "fastmail.com", "zoho.com",
    }
)  # fmt: skip

# Words in a company's name that are not its name ("ACME Corp." is ACME).
_LEGAL_WORDS = frozenset(
    {
        "inc", "incorporated", "ltd", "limited", "llc", "llp", "plc", "corp", "corporation",
        "co", "company", "gmbh", "ag", "sa", "sas", "sarl", "bv", "nv", "ab", "as", "oy",
        "kg", "srl", "spa", "pty", "the", "group", "holdings",
    }
)  # fmt: skip

WHERE = "Where: "  # the line of an interview's notes that holds the invitation's location


class InviteProblem(ValueError):
    """The file is not an invitation we can read; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Person:
    """Someone on the invitation: the name they go by (CN) and their address, lower case."""

    name: str
    email: str


@dataclass(frozen=True, slots=True)
class Invitation:
    uid: str
    cancelled: bool  # METHOD:CANCEL or STATUS:CANCELLED: the meeting is off
    summary: str
    description: str
    location: str
    day: date  # local wall-clock date of the start
    at_time: time | None  # local wall-clock time; None for an all-day event
    organizer: Person | None
    attendees: tuple[Person, ...]  # without the organizer, rooms or the user's own addresses
    sequence: int = 0
    product: str = ""  # PRODID: which program wrote it

    @property
    def all_day(self) -> bool:
        return self.at_time is None

    @property
    def people(self) -> tuple[Person, ...]:
        """The organizer first, then the attendees: the contacts this invitation brings."""
        return ((self.organizer,) if self.organizer else ()) + self.attendees


def read_invitation(
    data: bytes | str, local_zone: tzinfo | None, my_addresses: Iterable[str] = ()
) -> Invitation:
    """The one meeting in an .ics file, with its start in `local_zone`'s wall-clock time.

    `local_zone` None means the system's local zone (`datetime.astimezone()`); pass a zone to
    convert deterministically. People whose address is in `my_addresses` are left out, as are
    rooms and resources. Raises InviteProblem for anything else than one readable meeting.
    """
    try:
        calendar = Calendar.from_ical(data)
    except ValueError as error:
        raise InviteProblem(f"not an iCalendar file: {_first_line(str(error))}") from error
    except (LookupError, TypeError, AttributeError, OSError) as error:
        # icalendar trips over some malformed files (a VTIMEZONE with two TZIDs, a TZID naming
        # a folder of the zone database): still a file we cannot read, not a crash.
        raise InviteProblem(f"unreadable iCalendar file: {_first_line(repr(error))}") from error
    if calendar.name != "VCALENDAR":
        raise InviteProblem(f"not an iCalendar file: it starts with {calendar.name}, not VCALENDAR")
    event = _the_event(calendar)
    mine = {_address(address) for address in my_addresses if address.strip()}
    method = _text(_one(calendar, "METHOD")).upper()
    status = _text(_one(event, "STATUS")).upper()
    day, at_time = _local_start(event, local_zone)
    organizer = _person(_one(event, "ORGANIZER"))
    if organizer is not None and organizer.email in mine:
        organizer = None  # the user sent it (an invitation they forwarded to themselves)
    seen = {organizer.email} if organizer else set()
    attendees = []
    for value in _as_list(event.get("ATTENDEE")):
        person = _person(value)
        if person is None or person.email in mine or person.email in seen:
            continue
        if str(value.params.get("CUTYPE", "")).upper() in _NOT_PEOPLE:
            continue
        seen.add(person.email)
        attendees.append(person)
    try:
        sequence = int(str(_one(event, "SEQUENCE") or "0"))
    except ValueError:
        sequence = 0
    location = str(_one(event, "LOCATION") or "")
    return Invitation(
        uid=_uid(event),
        cancelled=method == "CANCEL" or status == "CANCELLED",
        summary=_text(_one(event, "SUMMARY")),
        description=str(_one(event, "DESCRIPTION") or "").strip(),
        location=", ".join(filter(None, map(_text, location.splitlines()))),
        day=day,
        at_time=at_time,
        organizer=organizer,
        attendees=tuple(attendees),
        sequence=sequence,
        product=_text(_one(calendar, "PRODID")),
    )


def local_wall_clock(moment: datetime, local_zone: tzinfo | None) -> datetime:
    """An instant as a naive local wall-clock time. A naive (floating) time is already one;
    `local_zone` None means the system's zone, with its daylight-saving rules at `moment`."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        return moment.replace(tzinfo=None)
    local = moment.astimezone(local_zone) if local_zone is not None else moment.astimezone()
    return local.replace(tzinfo=None)


def _the_event(calendar: Component) -> Component:
    events = [c for c in calendar.walk("VEVENT")]
    if not events:
        raise InviteProblem("the file holds no event (VEVENT): nothing to import")
    uids = {_uid(event) for event in events}
    if len(uids) > 1:
        raise InviteProblem(
            f"the file holds {len(uids)} different events; import one invitation at a time"
        )
    if not next(iter(uids)):
        raise InviteProblem("the event has no UID, so a later update could not find it")
    # A meeting with changed occurrences comes as the series plus one VEVENT per change.
    series = [event for event in events if "RECURRENCE-ID" not in event]
    event = series[0] if series else events[0]
    if "RRULE" in event:
        raise InviteProblem("a repeating event is not an interview: import one occurrence")
    return event


def _local_start(event: Component, local_zone: tzinfo | None) -> tuple[date, time | None]:
    if "DTSTART" not in event:
        raise InviteProblem("the event has no start (DTSTART)")
    if isinstance(event["DTSTART"], list):
        raise InviteProblem("the event has more than one start (DTSTART)")
    start = event.decoded("DTSTART")
    tzid = event["DTSTART"].params.get("TZID")
    if isinstance(start, datetime):
        if tzid and start.tzinfo is None:
            raise InviteProblem(
                f"the start's time zone {tzid!r} is neither known nor described in the file"
            )
        local = local_wall_clock(start, local_zone)
        return local.date(), local.time()
    if isinstance(start, date):
        return start, None  # all day: the date as written, no time and no conversion
    raise InviteProblem(f"the start (DTSTART) is not a date: {_first_line(str(start))}")


def _person(value: object) -> Person | None:
    """A person from an ORGANIZER or ATTENDEE: `mailto:` or, as iCloud writes, an EMAIL param."""
    if value is None:
        return None
    params = getattr(value, "params", {})
    text = str(value).strip()
    if text.lower().startswith("mailto:"):
        email = _address(text[len("mailto:") :])
    else:
        email = _address(str(params.get("EMAIL", "")))
    if "@" not in email:
        return None
    name = " ".join(str(params.get("CN", "")).strip().strip('"').split())
    if not name or _address(name) == email:
        name = ""  # Google puts the address in CN when it knows no name
    last, comma, first = name.partition(",")
    if comma and "," not in first and first.strip() and last.strip():
        name = f"{first.strip()} {last.strip()}"  # Outlook's directory order: "Reyes, Dana"
    return Person(name=name, email=email)


def _address(text: str) -> str:
    text = text.strip().strip('"')
    if text.lower().startswith("mailto:"):
        text = text[len("mailto:") :]
    return text.strip().lower()


def _one(component: Component, name: str) -> object:
    """A property that should appear once: the first, if a file repeats it."""
    value = component.get(name)
    return value[0] if isinstance(value, list) and value else value


def _uid(event: Component) -> str:
    return _text(_one(event, "UID"))


def _as_list(value: object) -> list:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _text(value: object) -> str:
    return " ".join(str(value or "").split())


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0][:200] if text.strip() else "unreadable"


# Matching an invitation to an application ------------------------------------------------------


def company_words(company: str) -> tuple[str, ...]:
    """A company's name as plain lower-case words, legal forms dropped: 'ACME Corp.' -> acme."""
    folded = unicodedata.normalize("NFKD", company.casefold())
    plain = "".join(ch for ch in folded if not unicodedata.combining(ch))
    words = re.findall(r"\w+", plain)
    kept = [word for word in words if word not in _LEGAL_WORDS]
    return tuple(kept or words)


def employer_domains(invitation: Invitation) -> set[str]:
    """The e-mail domains of the people on it that could name an employer."""
    domains = set()
    for person in invitation.people:
        domain = person.email.rpartition("@")[2]
        if domain and domain not in _GENERIC_DOMAINS:
            domains.add(domain)
    return domains


def domain_names(domain: str, company: str) -> bool:
    """Whether an e-mail domain names the company: a label of it is the company's name, run
    together ('acme' in careers.acme.com for ACME Corp; 'bigbank' for Big Bank Ltd) or its
    first word when that is distinctive (4 letters or more: 'globex' for Globex Industries)."""
    words = company_words(company)
    if not words:
        return False
    labels = domain.split(".")[:-1]  # the top-level domain names nobody
    joined = "".join(words)
    return joined in labels or (len(words[0]) >= 4 and words[0] in labels)


def text_names(text: str, company: str) -> bool:
    """Whether the text mentions the company by name, as whole words."""
    words = company_words(company)
    if not words:
        return False
    haystack = " ".join(company_words(text)) if text else ""
    return re.search(rf"(?<!\w){re.escape(' '.join(words))}(?!\w)", haystack) is not None


def matching_applications(
    invitation: Invitation, applications: Sequence[Application]
) -> list[Application]:
    """The applications the invitation is most likely about, best first; one when it is clear.

    An application whose company an attendee's e-mail domain names scores 2, one named in the
    summary or description 1, both 3; the highest score wins, and ties are all returned (the
    user chooses). Open applications are preferred to closed ones at the same score.
    """
    domains = employer_domains(invitation)
    text = f"{invitation.summary}\n{invitation.description}"
    scored: list[tuple[int, Application]] = []
    for application in applications:
        score = 2 * any(domain_names(domain, application.company) for domain in domains)
        score += text_names(text, application.company)
        if score:
            scored.append((score, application))
    if not scored:
        return []
    best = max(score for score, _ in scored)
    found = [application for score, application in scored if score == best]
    still_open = [application for application in found if not application.status.is_closed]
    return still_open or found


# From an invitation to the records the store keeps ---------------------------------------------


def interview_from_invitation(invitation: Invitation, existing: Interview | None) -> Interview:
    """The interview as the invitation says it is. An existing one (the same UID imported
    before) keeps what the user wrote: its stage, topics, concerns and notes, but for the
    location line, which follows the invitation."""
    where = f"{WHERE}{invitation.location}" if invitation.location else ""
    if existing is None:
        return Interview(
            id=0,
            held_on=invitation.day,
            at_time=invitation.at_time,
            stage=invitation.summary,
            notes=where,
        )
    kept = [line for line in existing.notes.split("\n") if not line.startswith(WHERE)]
    notes = "\n".join([where, *kept] if where else kept).strip("\n")
    return replace(
        existing,
        held_on=invitation.day,
        at_time=invitation.at_time,
        stage=existing.stage or invitation.summary,
        notes=notes,
    )


def invited_contacts(invitation: Invitation) -> list[Contact]:
    """The people on the invitation as new contacts (id 0): the store matches them to the
    application's contacts by address and adds the others. Without a name, the address is
    the name."""
    return [
        Contact(id=0, full_name=person.name or person.email, email=person.email)
        for person in invitation.people
    ]
