"""Invitations as Google Calendar, Outlook and Apple Calendar send them, read into records."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from followup_tui.domain.records import Application, Contact, Interview, Status
from followup_tui.formats.invite import (
    Invitation,
    InviteProblem,
    Person,
    interview_from_invitation,
    invited_contacts,
    local_wall_clock,
    matching_applications,
    read_invitation,
)

INVITES = Path(__file__).resolve().parent.parent / "fixtures" / "invites"
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")
MINE = ["SAM.CARTER@gmail.com", "sam@carter.example"]


def invite(name: str, zone=BERLIN, mine=MINE) -> Invitation:
    return read_invitation((INVITES / name).read_bytes(), zone, mine)


def _calendar(
    line: str,
    *,
    method: str = "REQUEST",
    uid: str = "x-1@example.org",
    start: str = "DTSTART:20261112T100000Z",
    organizer: str = "hr@initech.example",
    extra_event: bool = False,
) -> bytes:
    event = [
        "BEGIN:VEVENT",
        f"UID:{uid}" if uid else "",
        start,
        f"ORGANIZER;CN=HR:mailto:{organizer}",
        line,
        "END:VEVENT",
    ]
    other = ["BEGIN:VEVENT", "UID:other", start, "END:VEVENT"] if extra_event else []
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"METHOD:{method}", *event, *other, "END:VCALENDAR"]
    return "\r\n".join(line for line in lines if line).encode() + b"\r\n"


def test_google_utc_times_become_local_wall_clock_time():
    google = invite("google-request.ics", NEW_YORK)
    assert google.uid == "5k2v9q8n1o3p7r6s4t0u2w1x3y@google.com"
    assert not google.cancelled
    # 19:00Z on 12 Nov is 14:00 in New York (EST, -5) and 20:00 in Berlin (CET, +1).
    assert (google.day, google.at_time) == (date(2026, 11, 12), time(14, 0))
    assert invite("google-request.ics", BERLIN).at_time == time(20, 0)
    assert google.summary == "Onsite interview: Staff Engineer"
    assert google.location == "ACME HQ, 1 Main St, Springfield"
    assert google.product.startswith("-//Google Inc//Google Calendar")


def test_google_organizer_and_attendees_are_people_once_and_not_me():
    google = invite("google-request.ics")
    # Dana organises and is listed as an attendee too; the user's own address is left out.
    assert google.people == (
        Person("Dana Reyes", "dana.reyes@acme.example"),
        Person("Lee Park", "lee.park@acme.example"),
    )
    everyone = invite("google-request.ics", mine=[])
    assert Person("", "sam.carter@gmail.com") in everyone.people  # CN was only the address


def test_outlook_windows_zone_with_its_vtimezone_and_directory_names():
    outlook = invite("outlook-request.ics", NEW_YORK)
    # 10:00 Pacific Standard Time (-8 in November) is 13:00 in New York.
    assert (outlook.day, outlook.at_time) == (date(2026, 11, 18), time(13, 0))
    assert invite("outlook-request.ics", BERLIN).at_time == time(19, 0)
    # "Natarajan, Priya" in MAILTO: capitals; the conference room is not a person.
    assert outlook.people == (
        Person("Priya Natarajan", "priya.natarajan@globex.example"),
        Person("Jordan Lee", "jordan.lee@globex.example"),
    )
    assert outlook.location == "GLX-SEA-Conf Room 4B"
    assert outlook.summary == "Interview - Backend Engineer"


def test_apple_zone_the_email_parameter_and_a_multi_line_location():
    apple = invite("apple-request.ics", NEW_YORK)
    # 10:30 in Berlin (CET) is 04:30 in New York.
    assert (apple.day, apple.at_time) == (date(2026, 11, 24), time(4, 30))
    assert invite("apple-request.ics", BERLIN).at_time == time(10, 30)
    # iCloud names the organizer by urn:uuid with the address in EMAIL; mine differs in case.
    assert apple.people == (
        Person("Anna Schmidt", "anna.schmidt@initech.example"),
        Person("Jürgen Weiß", "juergen.weiss@initech.example"),
    )
    assert apple.location == "Initech Berlin, Friedrichstraße 68, 10117 Berlin, Germany"


def test_an_evening_call_can_fall_on_the_next_local_day():
    tokyo = ZoneInfo("Asia/Tokyo")
    late = read_invitation(_calendar("", start="DTSTART:20261112T230000Z"), tokyo, [])
    assert (late.day, late.at_time) == (date(2026, 11, 13), time(8, 0))


def test_the_conversion_follows_daylight_saving_at_the_meeting_not_today():
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=UTC)
    winter = datetime(2026, 12, 1, 12, 0, tzinfo=UTC)
    assert local_wall_clock(summer, BERLIN) == datetime(2026, 7, 1, 14, 0)
    assert local_wall_clock(winter, BERLIN) == datetime(2026, 12, 1, 13, 0)
    floating = datetime(2026, 7, 1, 9, 0)
    assert local_wall_clock(floating, BERLIN) == floating  # no zone: already wall-clock time


def test_cancellations_from_google_and_outlook():
    assert invite("google-cancel.ics").cancelled
    outlook = invite("outlook-cancel.ics")
    assert outlook.cancelled
    assert outlook.uid == invite("outlook-request.ics").uid
    assert read_invitation(_calendar("STATUS:CANCELLED", method="REQUEST"), BERLIN).cancelled


def test_an_all_day_event_keeps_its_date_and_has_no_time():
    day = invite("apple-all-day.ics", NEW_YORK)
    assert day.all_day
    assert (day.day, day.at_time) == (date(2026, 12, 1), None)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"hello", "not an iCalendar file"),
        (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nEND:VCALENDAR\r\n", "no event"),
        (_calendar("", extra_event=True), "2 different events"),
        (_calendar("RRULE:FREQ=WEEKLY"), "repeating event"),
        (
            _calendar("DTSTART;TZID=Nowhere/Special:20261112T100000", start=""),
            "time zone 'Nowhere/Special'",
        ),
        (_calendar("", uid=""), "no UID"),
        (_calendar("", start=""), "no start"),
        (_calendar("", start="DTSTART:2026111"), "not a date"),
        # Two that icalendar itself trips over (found by fuzzing the fixtures).
        (_calendar("", start="DTSTART;TZID=Europe/:20261112T100000"), "unreadable"),
        (
            b"BEGIN:VCALENDAR\r\nBEGIN:VTIMEZONE\r\nTZID:A\r\nTZID:B\r\nEND:VTIMEZONE\r\n"
            b"END:VCALENDAR\r\n",
            "unreadable",
        ),
    ],
)
def test_what_is_not_one_readable_meeting_is_refused_in_one_line(data, message):
    with pytest.raises(InviteProblem, match=message) as raised:
        read_invitation(data, BERLIN)
    assert "\n" not in str(raised.value)


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300) | st.text(max_size=300).map(lambda t: _calendar(t)))
def test_any_input_is_read_or_refused_with_an_invite_problem(data):
    try:
        read_invitation(data, BERLIN, MINE)
    except InviteProblem as problem:
        assert "\n" not in str(problem)


# Matching --------------------------------------------------------------------------------------


APPS = [
    Application(id=1, company="ACME Corp.", role="Staff Engineer"),
    Application(id=2, company="Globex Industries", role="Backend Engineer"),
    Application(id=3, company="Initech GmbH", role="Platform"),
    Application(id=4, company="Google", role="SRE"),
    Application(id=5, company="ACME", role="Old one", status=Status.REJECTED),
]


def ids(applications):
    return [application.id for application in applications]


def test_matching_by_the_people_s_e_mail_domain():
    # Google's Meet boilerplate names "Google" in the text, but ACME's domain outweighs it.
    assert ids(matching_applications(invite("google-request.ics"), APPS)) == [1]
    assert ids(matching_applications(invite("outlook-request.ics"), APPS)) == [2]
    assert ids(matching_applications(invite("apple-request.ics"), APPS)) == [3]


def test_matching_by_name_in_the_summary_when_the_domains_say_nothing():
    text_only = read_invitation(
        _calendar("SUMMARY:Initech – technical interview", organizer="r@gmail.com"), BERLIN
    )
    assert ids(matching_applications(text_only, APPS)) == [3]


def test_no_match_or_several_leave_the_choice_to_the_user():
    nothing = read_invitation(_calendar("SUMMARY:Coffee", organizer="r@gmail.com"), BERLIN)
    assert matching_applications(nothing, APPS) == []
    two = [*APPS, Application(id=6, company="ACME Corp", role="Second role")]
    assert ids(matching_applications(invite("google-request.ics"), two)) == [1, 6]


def test_a_closed_application_matches_only_when_no_open_one_does():
    assert ids(matching_applications(invite("google-request.ics"), APPS[4:])) == [5]


# To records ------------------------------------------------------------------------------------


def test_a_new_interview_and_its_contacts_from_an_invitation():
    google = invite("google-request.ics", NEW_YORK)
    interview = interview_from_invitation(google, None)
    assert interview == Interview(
        0,
        date(2026, 11, 12),
        time(14, 0),
        stage="Onsite interview: Staff Engineer",
        notes="Where: ACME HQ, 1 Main St, Springfield",
    )
    assert invited_contacts(invite("google-request.ics", mine=[]))[-1] == Contact(
        0, "sam.carter@gmail.com", email="sam.carter@gmail.com"
    )


def test_an_update_moves_the_interview_and_keeps_what_the_user_wrote():
    existing = Interview(
        7,
        date(2026, 11, 12),
        time(14, 0),
        stage="Onsite",
        interviewer_ids=(3,),
        topics="billing",
        notes="Where: ACME HQ, 1 Main St, Springfield\nbring the portfolio",
        version=4,
    )
    updated = interview_from_invitation(invite("google-update.ics", NEW_YORK), existing)
    assert (updated.held_on, updated.at_time) == (date(2026, 11, 13), time(10, 30))
    assert (updated.id, updated.version, updated.interviewer_ids) == (7, 4, (3,))
    assert (updated.stage, updated.topics) == ("Onsite", "billing")
    assert updated.notes == (
        "Where: ACME HQ, 2 Main St (new building), Springfield\nbring the portfolio"
    )
