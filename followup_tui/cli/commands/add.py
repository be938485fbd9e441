"""`followup add`: an application from flags: applied, no interview yet (R11), or with one
interview and its people."""

from __future__ import annotations

import argparse
from datetime import date, time
from pathlib import Path

from followup_tui.cli.common import Commands, UsageError, date_option
from followup_tui.domain.checks import not_applied_yet
from followup_tui.domain.dates import date_words, day_label
from followup_tui.domain.records import Application, Contact, Interview, Persistence
from followup_tui.domain.text import one_line


def add_parser(commands: Commands) -> None:
    parser = commands.add("add", add_application, help="add an application (and an interview)")
    parser.add_argument("--company", required=True)
    parser.add_argument("--role", required=True)
    parser.add_argument("--url", default="", help="the job posting")
    parser.add_argument("--location", default="")
    parser.add_argument(
        "--persistence",
        choices=[p.value for p in Persistence],
        default=Persistence.STANDARD.value,
        help="days between follow-ups: gentle 14, standard 7, persistent 4 (R4)",
    )
    parser.add_argument("--expected", metavar="DATE", help="when they expect to decide (R2)")
    parser.add_argument("--strengths", default="", help="key strengths to mention")
    parser.add_argument("--notes", default="")
    parser.add_argument(
        "--applied",
        metavar="DATE",
        help="the day you applied: with no interview yet, a follow-up is due a week later (R11)",
    )
    parser.add_argument(
        "--source", help="where the opening came from: job board, referral, recruiter (R11)"
    )
    parser.add_argument("--interview", metavar="DATE", help="the date of the interview")
    parser.add_argument("--time", metavar="HH:MM", help="the interview's start time")
    parser.add_argument("--stage", default="", help="e.g. Phone screen, Onsite, Final")
    parser.add_argument(
        "--interviewer",
        action="append",
        default=[],
        metavar="NAME",
        help="someone you met (repeat for each)",
    )
    parser.add_argument(
        "--decision-maker",
        metavar="NAME",
        help="who decides (R5); an interviewer of that name is marked, or a contact is added",
    )
    parser.add_argument("--topics", default="", help="what you discussed")
    parser.add_argument("--concerns", default="", help="concerns they raised")


def add_application(args: argparse.Namespace, today: date, path: Path) -> int:
    """Add an application: applied (--applied, --source) with no interview yet, or with one
    interview and its interviewers. Dates take YYYY-MM-DD or words: today, yesterday, mon..sun,
    -3d, +2w."""
    application = _application_from_flags(args, today)
    from followup_tui.store import Store

    with Store(path) as store:
        new_id = store.add_application(application)
    print(
        f"Added #{new_id}: {one_line(application.company)} ({one_line(application.role)})"
        + "".join(f"; {what} {day}" for what, day in understood_dates(application, today))
    )
    return 0


def understood_dates(application: Application, today: date) -> list[tuple[str, str]]:
    """Each date the flags gave, as the command understood it: ('interview', 'Fri 13 Mar
    (next Friday)'), so `--interview fri` says which Friday."""
    dates = (
        ("applied", application.applied_on),
        ("interview", application.interviews[0].held_on if application.interviews else None),
        ("decision expected", application.expected_decision),
    )
    return [
        (what, f"{day_label(day, today)} ({date_words(day, today)})")
        for what, day in dates
        if day is not None
    ]


def _application_from_flags(args: argparse.Namespace, today: date) -> Application:
    company, role = args.company.strip(), args.role.strip()
    if not company:
        raise UsageError("--company must not be empty")
    if not role:
        raise UsageError("--role must not be empty")
    expected = _date_flag("--expected", args.expected, today)
    applied = _date_flag("--applied", args.applied, today)
    if applied is not None and (problem := not_applied_yet(applied, today)):
        raise UsageError(f"--applied: {problem}")
    source = (args.source or "").strip()
    if args.source is not None and not source:
        raise UsageError("--source must not be empty")
    held_on = _date_flag("--interview", args.interview, today)
    names = [name.strip() for name in args.interviewer]
    if any(not name for name in names):
        raise UsageError("--interviewer must not be empty")
    if held_on is None:
        for flag, value in (
            ("--time", args.time),
            ("--stage", args.stage),
            ("--interviewer", names),
            ("--topics", args.topics),
            ("--concerns", args.concerns),
        ):
            if value:
                raise UsageError(f"{flag} needs --interview DATE")
    at_time = None
    if args.time:
        try:
            at_time = time.fromisoformat(args.time.strip())
        except ValueError:
            raise UsageError(f"--time: {args.time!r} is not a time (use HH:MM)") from None
    decider = (args.decision_maker or "").strip()
    if args.decision_maker is not None and not decider:
        raise UsageError("--decision-maker must not be empty")
    people = list(dict.fromkeys(names))
    if decider and decider not in people:
        people.append(decider)
    contacts = tuple(
        Contact(index, name, decision_maker=(name == decider))
        for index, name in enumerate(people, start=1)
    )
    interviews: tuple[Interview, ...] = ()
    if held_on is not None:
        interviewer_ids = tuple(c.id for c in contacts if c.full_name in names)
        interviews = (
            Interview(1, held_on, at_time, args.stage, interviewer_ids, args.topics, args.concerns),
        )
    return Application(
        id=0,
        company=company,
        role=role,
        job_url=args.url,
        location=args.location,
        persistence=Persistence(args.persistence),
        expected_decision=expected,
        decision_learned_on=held_on if expected else None,
        key_strengths=args.strengths,
        notes=args.notes,
        created_on=today,
        applied_on=applied,
        source=source,
        contacts=contacts,
        interviews=interviews,
    )


def _date_flag(flag: str, value: str | None, today: date) -> date | None:
    return None if value is None else date_option(flag, value, today)
