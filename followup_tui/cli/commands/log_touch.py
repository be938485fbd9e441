"""`followup log ID`: one touch (a follow-up sent, a call, a reply received), as the log form
saves it: the same checks, and a follow-up that breaks R4 or R2 refused unless --anyway."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.cli.common import (
    Commands,
    UsageError,
    application_number,
    date_option,
    find_contact,
    no_such_application,
    store_to_change,
)
from followup_tui.cli.options import preferences_of
from followup_tui.domain.records import (
    Application,
    Channel,
    Direction,
    Outcome,
    Touch,
    TouchKind,
)

if TYPE_CHECKING:
    from followup_tui.domain.rules import Settings


def add_parser(commands: Commands) -> None:
    parser = commands.add("log", log_touch, help="log a touch: a follow-up, a call, a reply")
    parser.add_argument("id", metavar="ID", help="the application's number (#N in `list`)")
    parser.add_argument(
        "--date", metavar="DATE", default="today", help="when it happened (default: today)"
    )
    parser.add_argument(
        "--kind",
        choices=[kind.value for kind in TouchKind],
        default=TouchKind.STATUS_CHECK.value,
        help="what it was (default: status_check)",
    )
    parser.add_argument(
        "--channel",
        choices=[channel.value for channel in Channel],
        default=Channel.EMAIL.value,
        help="how (default: email)",
    )
    parser.add_argument(
        "--direction",
        choices=[direction.value for direction in Direction],
        help="out: you sent it (the default); in: they did (the default for --kind reply)",
    )
    parser.add_argument(
        "--outcome",
        choices=[outcome.value for outcome in Outcome],
        help="a call's outcome (default: none; replied for a touch coming in)",
    )
    parser.add_argument(
        "--contact",
        action="append",
        metavar="WHO",
        help="a contact's number or name (default: who decides, R5); thank_you: repeat for "
        "each person thanked (default: everyone still owed a note)",
    )
    parser.add_argument("--notes", default="", help="what was said")
    parser.add_argument(
        "--expected", metavar="DATE", help="a decision date they gave (R2 counts from today)"
    )
    parser.add_argument(
        "--anyway", action="store_true", help="log a follow-up that breaks R4 or R2 all the same"
    )


def log_touch(args: argparse.Namespace, today: date, path: Path) -> int:
    """Log a touch with an application: by default a status check sent by email today to the
    person who decides. Dates take YYYY-MM-DD or words: today, yesterday, -3d. A follow-up that
    comes too soon after the last one (R4) or before the decision date (R2) is refused, naming
    the rule, unless --anyway. Exit status 0; 2 on bad input, with nothing written."""
    number = application_number(args.id)
    on = date_option("--date", args.date, today)
    expected = date_option("--expected", args.expected, today) if args.expected else None
    from followup_tui.domain.checks import not_happened_yet

    if error := not_happened_yet(on, today):
        raise UsageError(f"--date: {error}")
    kind = TouchKind(args.kind)
    direction = Direction(args.direction or ("in" if kind is TouchKind.REPLY else "out"))
    if kind is TouchKind.REPLY and direction is Direction.OUT:
        raise UsageError("--kind reply comes from them: leave out --direction, or use in")
    if args.outcome is not None:
        outcome = Outcome(args.outcome)
    else:
        outcome = Outcome.REPLIED if direction is Direction.IN else Outcome.NONE
    with store_to_change(path) as store:
        application = store.load_application(number)
        if application is None:
            raise no_such_application(number)
        rules = preferences_of(args).rules
        contacts = _contacts(application, kind, args.contact or [], today, rules)
        touches = [
            Touch(0, on, Channel(args.channel), direction, kind, who, outcome, args.notes)
            for who in contacts
        ]
        warnings = _rule_warnings(application, touches, rules, anyway=args.anyway)
        store.log_touches(number, touches, expected_decision=expected)
    from followup_tui.domain.dates import short_day
    from followup_tui.domain.text import one_line

    for warning in warnings:
        print(f"followup: warning: logged anyway: {one_line(warning)}", file=sys.stderr)
    people = [application.contact(who) for who in contacts]
    names = ", ".join(one_line(person.full_name) for person in people if person is not None)
    to = ("to" if direction is Direction.OUT else "from") if names else ""
    print(
        f"Logged {kind.label} by {Channel(args.channel).label} on {short_day(on)}"
        f"{f' {to} {names}' if names else ''} for #{number} {one_line(application.company)}"
    )
    return 0


def _contacts(
    application: Application, kind: TouchKind, given: list[str], today: date, rules: Settings
) -> list[int | None]:
    """Whom the touch was with: the contacts named, else the one the form would suggest."""
    from followup_tui.domain.rules import ActionKind, assess, who_decides

    named: list[int | None] = [find_contact(application, text, "--contact").id for text in given]
    if kind is TouchKind.THANK_YOU:
        if named:
            return list(dict.fromkeys(named))
        # As the thank-you form ticks them: everyone still owed a note (R1).
        owed = [
            action.contact.id
            for action in assess(application, today, rules).actions
            if action.kind is ActionKind.THANK_YOU and action.contact is not None
        ]
        if not owed:
            raise UsageError(
                f"#{application.id} owes nobody a thank-you note: name them with --contact"
            )
        return list(dict.fromkeys(owed))
    if len(named) > 1:
        raise UsageError("--contact: one person per touch (only thank_you takes several)")
    if named:
        return named
    # As the log form fills it in: the follow-up's contact (R5: who decides), not a pending
    # thank-you's interviewer.
    follow_up = next(
        (
            action
            for action in assess(application, today, rules).actions
            if action.contact is not None and action.kind is not ActionKind.THANK_YOU
        ),
        None,
    )
    contact = follow_up.contact if follow_up else who_decides(application, today)[0]
    return [contact.id if contact else None]


def _rule_warnings(
    application: Application, touches: list[Touch], rules: Settings, *, anyway: bool
) -> list[str]:
    """What the follow-up breaks (R4, R2), as the screen's confirmation lists it. Refused
    without --anyway; with it, the warnings to print after saving."""
    from followup_tui.domain.rules import follow_up_warnings

    found: list[str] = []
    for touch in touches:
        if touch.is_outbound_follow_up:
            for flag in follow_up_warnings(application, touch.on, touch.kind, rules):
                found.append(f"{flag.rule}: {flag.message}")
    found = list(dict.fromkeys(found))
    if found and not anyway:
        raise UsageError(
            f"this follow-up breaks a rule: {'; '.join(found)}. Nothing was logged; "
            "add --anyway to log it all the same"
        )
    return found
