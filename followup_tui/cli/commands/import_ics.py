"""`followup import invite.ics`: an interview invitation added to, moved on, or (cancelled)
removed from the application it is about. docs/ics-import.md says what is read and how it is
matched. Imported by `import_file` only for an .ics file, so other commands never load it."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from followup_tui.cli.common import UsageError
from followup_tui.cli.options import preferences_of
from followup_tui.domain.records import Application, Interview
from followup_tui.domain.text import one_line, printable
from followup_tui.formats.invite import (
    Invitation,
    InviteProblem,
    interview_from_invitation,
    invited_contacts,
    matching_applications,
    read_invitation,
)

if TYPE_CHECKING:
    from followup_tui.store import Store


def import_invitation(args: argparse.Namespace, text: str, today: date, path: Path) -> int:
    """Add or update the invitation's interview, or remove it when the invitation is cancelled.
    Asks on a terminal where a choice is needed; elsewhere --application N and --yes say it."""
    from followup_tui.store import Store

    if args.dry_run or args.skip_bad:
        raise UsageError("--dry-run and --skip-bad go with --format csv")
    with Store(path) as store:
        # Your own address is not a contact: the settings' [you] email, else the stored one.
        mine = [preferences_of(args).profile(store.load_profile()).email]
        try:
            # None: the machine's local zone, with its daylight-saving rules on the day itself.
            invitation = read_invitation(text, None, mine)
        except InviteProblem as error:
            raise UsageError(f"{args.file}: {error}; nothing was imported") from None
        found = store.invited_interview(invitation.uid)
        if invitation.cancelled:
            return _cancel(args, store, invitation, found)
        if not mine[0].strip():
            print(
                "followup: note: your own e-mail address is not set (settings: [you] email), "
                "so everyone on the invitation is taken for a contact",
                file=sys.stderr,
            )
        if found is not None:
            application_id = found[0]
            if args.application is not None and args.application != application_id:
                raise UsageError(
                    f"{args.file}: this invitation is already on application #{application_id}, "
                    f"not #{args.application}; nothing was imported"
                )
        else:
            application_id = _choose(args, invitation, store.load_applications())
        application = store.load_application(application_id)
        if application is None:
            raise UsageError(f"no application #{application_id}; see `followup due --all`")
        existing = _interview(application, found[1]) if found else None
        interview = interview_from_invitation(invitation, existing)
        _, created = store.upsert_interview_by_uid(
            application_id, invitation.uid, interview, invited_contacts(invitation)
        )
    when = f"{interview.held_on:%a %d %b %Y}"
    when += f" {interview.at_time:%H:%M}" if interview.at_time else " (all day: no time set)"
    people = ", ".join(person.name or person.email for person in invitation.people)
    print(
        printable(
            f"{'Added' if created else 'Updated'} the interview on {when} for "
            f"#{application.id} {one_line(application.company)} ({one_line(application.role)})"
            + (f" with {one_line(people)}" if people else "")
        )
    )
    return 0


def _choose(args: argparse.Namespace, invitation: Invitation, apps: Sequence[Application]) -> int:
    """The application the invitation is about: --application, the one clear match, or the
    user's choice on a terminal."""
    if args.application is not None:
        if not any(application.id == args.application for application in apps):
            raise UsageError(f"no application #{args.application}; nothing was imported")
        return args.application
    matches = matching_applications(invitation, apps)
    if len(matches) == 1:
        return matches[0].id
    what = (
        f"matches {len(matches)} applications ({_list(matches)})"
        if matches
        else "matches no application by company"
    )
    if not sys.stdin.isatty():
        raise UsageError(
            f"{args.file}: {what}; say which with --application N; nothing was imported"
        )
    offered = matches or [a for a in apps if not a.status.is_closed] or list(apps)
    if not offered:
        raise UsageError("there are no applications yet: add one with `followup add` first")
    print(printable(f"{one_line(invitation.summary) or 'The invitation'} {what}:"), file=sys.stderr)
    for application in offered:
        label = f"{one_line(application.company)} ({one_line(application.role)})"
        print(printable(f"  #{application.id}  {label}"), file=sys.stderr)
    try:
        answer = input("Which application is it for? (its number; empty to stop) #")
    except EOFError:
        answer = ""
    chosen = answer.strip().lstrip("#")
    if not chosen.isdigit() or int(chosen) not in {a.id for a in apps}:
        raise UsageError(f"no application chosen ({printable(chosen)!r}); nothing was imported")
    return int(chosen)


def _cancel(
    args: argparse.Namespace, store: Store, invitation: Invitation, found: tuple[int, int] | None
) -> int:
    if found is None:
        print(
            printable(
                f"{one_line(invitation.summary) or 'The meeting'} is cancelled, and no interview "
                "was imported from it: nothing to remove"
            ),
            file=sys.stderr,
        )
        return 0
    application = store.load_application(found[0])
    interview = _interview(application, found[1]) if application else None
    what = (
        f"the interview on {interview.held_on:%a %d %b %Y} for #{application.id} "
        f"{one_line(application.company)}"
        if application and interview
        else "its interview"
    )
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError(
                f"{args.file} cancels {what}: add --yes to remove it; nothing was changed"
            )
        answer = input(printable(f"The meeting was cancelled. Remove {what}? [y/N] "))
        if answer.strip().lower() not in ("y", "yes"):
            print("Nothing was changed.", file=sys.stderr)
            return 1
    store.remove_invited_interview(invitation.uid)
    print(printable(f"Removed {what} (cancelled); its contacts stay"))
    return 0


def _interview(application: Application, interview_id: int) -> Interview | None:
    return next((i for i in application.interviews if i.id == interview_id), None)


def _list(applications: Sequence[Application]) -> str:
    return ", ".join(f"#{a.id} {one_line(a.company)}" for a in applications)
