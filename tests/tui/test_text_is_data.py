"""User text is data: every screen, the command palette and every notice show it as typed.

A database whose every text field is hostile (markup, ESC sequences, NUL, bidirectional
overrides, a 100 KB string) is walked through every screen with real keys. At each step the
text must be on screen literally, with control characters as their visible symbols, nothing
raw may reach the terminal, and the app must still run (a notice parsed as markup raises
MarkupError while the toast is drawn and ends the app).
"""

from __future__ import annotations

import html
import re
from datetime import UTC, date, datetime, time
from pathlib import Path
from time import monotonic

import pytest
from textual.command import Matcher
from textual.screen import ModalScreen

from followup_tui.domain.records import (
    Application,
    CallDraft,
    Channel,
    Contact,
    Direction,
    Interview,
    Profile,
    Status,
    Touch,
    TouchKind,
)
from followup_tui.domain.text import one_line, printable
from followup_tui.store import Store
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.commands import match
from followup_tui.tui.screens.call import CallScreen
from followup_tui.tui.screens.detail import DetailScreen
from followup_tui.tui.screens.draft import DraftScreen
from followup_tui.tui.screens.help import HelpScreen
from followup_tui.tui.screens.looking_back import ClosedTable, LookingBackScreen
from followup_tui.tui.screens.review import ReviewScreen
from followup_tui.tui.widgets.form import ConfirmScreen, FormScreen
from followup_tui.tui.widgets.picker import PickerScreen
from followup_tui.tui.widgets.review_table import ReviewTable

from .helpers import row, settle, type_text

TODAY = date(2026, 3, 10)
SIZE = (160, 50)  # wide enough that the titles under test are not cut

# The pieces the issue names: markup that raises, an action, a link, text in brackets,
# terminal control, NUL and bidirectional overrides.
CLOSE_TAG = "[/]"
CLICK = "[@click=app.quit]x"
LINK = "[link=https://x]y"
ESC = "\x1b[31m"
RAW = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def hostile(tag: str) -> str:
    """A field's value: its own tag (so each field can be found) wrapped in every trap."""
    return f"{tag} {CLOSE_TAG} {CLICK}{CLOSE_TAG} {LINK} {ESC}\x00\u202e{tag}"


COMPANY = f"Foo [EU] {CLOSE_TAG} {CLICK}"
ROLE = f"{LINK} {ESC}dev\u202eRLO\x00"
CONTACT = "Wile [red]E\x00 \u2067Coyote\u2069"
TITLE = "[b]Boss\u202e"
STAGE = f"[i]Onsite{ESC}"
CLOSED = "Closed [bold]Corp\x1b]0;pwned\x07"
BIG = (f"{CLOSE_TAG} {CLICK} \x1b[2J\u202e {LINK} " * 2500)[:100_000]


def hostile_database(path: Path) -> None:
    """Three applications: one due today with everything filled in and a call left open, one
    whose name is 100 KB, one closed; and the user's own name and number, hostile too."""
    contact = Contact(
        1,
        CONTACT,
        title=TITLE,
        email=f"a@b{CLOSE_TAG}",
        phone="\x1b]0;pwned\x07555",
        postal_address=hostile("address"),
        decision_maker=True,
        rapport=True,
        notes=hostile("contact-notes"),
    )
    due = Application(
        id=1,
        company=COMPANY,
        role=ROLE,
        key_strengths=hostile("strengths"),
        job_url=hostile("url"),
        location=hostile("location"),
        notes=BIG,
        feedback=hostile("feedback"),
        lessons=hostile("lessons"),
        created_on=date(2026, 3, 1),
        contacts=(contact,),
        interviews=(
            Interview(
                1,
                date(2026, 3, 2),
                time(10, 0),
                stage=STAGE,
                interviewer_ids=(1,),
                topics=hostile("topics"),
                concerns=hostile("concerns"),
                notes=hostile("interview-notes"),
            ),
        ),
        touches=(
            Touch(
                1,
                date(2026, 3, 3),
                Channel.EMAIL,
                Direction.OUT,
                TouchKind.THANK_YOU,
                1,
                notes=hostile("touch-notes"),
            ),
        ),
        call_script=(hostile("bullet-one"), hostile("bullet-two")),
        voicemail_script=(hostile("voicemail"),),
        call_drafts=(
            CallDraft(1, 1, 1, datetime(2026, 3, 10, 9, 0, tzinfo=UTC), hostile("call-notes")),
        ),
    )
    big_name = Application(id=2, company=BIG, role=BIG, created_on=date(2026, 3, 1))
    closed = Application(
        id=3,
        company=CLOSED,
        role=hostile("closed-role"),
        status=Status.REJECTED,
        closed_on=date(2026, 3, 5),
        closed_reason=hostile("reason"),
        created_on=date(2026, 2, 1),
        interviews=(Interview(2, date(2026, 2, 10), stage=STAGE),),
    )
    profile = Profile(name=f"Me [me]{ESC}", phone="555 [p]\u202e", email="me@x [e]")
    with Store(path) as store:
        store.insert_applications([due, big_name, closed], keep_ids=True, profile=profile)


_RUN = re.compile(
    r'<text [^>]*x="([\d.]+)"[^>]*clip-path="url\(#terminal-\d+-line-(\d+)\)">(.*?)</text>'
)
_CELL = 12.2  # the width of one cell in Rich's SVG export
_FRAME = str.maketrans("", "", "█▀▄▊▎▔▁▏")


def grid(app) -> list[str]:
    """The terminal as drawn, one string a row, each character in its own column."""
    rows: dict[int, list[str]] = {}
    for x, number, run in _RUN.findall(app.export_screenshot()):
        line = rows.setdefault(int(number), [" "] * app.size.width)
        column = round(float(x) / _CELL)
        for offset, character in enumerate(html.unescape(run).replace("\xa0", " ")):
            if column + offset < len(line):
                line[column + offset] = character
    return ["".join(rows.get(number, [])) for number in range(app.size.height)]


def shows(app, *texts: str) -> None:
    """Each text is on screen as typed (its control characters as symbols, wrapped or not),
    and nothing raw reaches the terminal. On a dialog only the dialog counts: what shows
    beside it belongs to the screen underneath."""
    lines = grid(app)
    assert not any(RAW.search(line) for line in lines), f"raw control characters on {app.screen}"
    if isinstance(app.screen, ModalScreen) and app.screen.query("#form"):
        region = app.screen.query_one("#form").region
        lines = [line[region.x : region.right] for line in lines[region.y : region.bottom]]
    shown = " ".join(" ".join(line.translate(_FRAME).split()) for line in lines)
    for text in texts:
        assert one_line(text) in shown, f"{one_line(text)!r} is not on {app.screen}:\n" + (
            "\n".join(lines)
        )


def notices(app) -> list[str]:
    """The notifications on screen, as drawn."""
    return [toast.render().plain for toast in app.screen.query("Toast")]


async def step(pilot, *keys: str) -> None:
    # The last step's notices were checked already; left up, a slow run's toast can cover
    # the dialog this step opens.
    pilot.app.clear_notifications()
    await pilot.press(*keys)
    await settle(pilot)
    assert pilot.app.is_running


async def saved(pilot, notice: str) -> None:
    """Save the form on screen; its notice shows literally and the app goes on."""
    await step(pilot, "ctrl+s")
    if isinstance(pilot.app.screen, ConfirmScreen):  # a rule check (R2, R4): go ahead
        await step(pilot, "y")
    assert not isinstance(pilot.app.screen, FormScreen), "the form did not save"
    assert any(printable(notice) in shown for shown in notices(pilot.app)), notices(pilot.app)
    shows(pilot.app)


@pytest.mark.slow
async def test_hostile_text_shows_literally_on_every_screen_palette_and_notice(tmp_path):
    path = tmp_path / "hostile.sqlite"
    hostile_database(path)
    app = FollowupApp(path, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        # The call left open is offered back as soon as the store opens.
        await settle(pilot)
        for _ in range(20):
            if isinstance(app.screen, PickerScreen):
                break
            await pilot.pause(0.1)
        assert isinstance(app.screen, PickerScreen)
        shows(app, f"An unfinished call with {CONTACT} at {COMPANY}")
        await step(pilot, "l")  # later

        # The dashboard: the table, the panel under it, the header.
        table = app.screen.query_one(ReviewTable)
        assert sorted(row(table, i)[1] for i in range(table.row_count)) == sorted(
            [one_line(COMPANY), one_line(BIG)]
        )
        table.move_cursor(row=[row(table, i)[1] for i in range(table.row_count)].index(COMPANY))
        await settle(pilot)
        shows(app, COMPANY, f"{COMPANY} · {ROLE}")

        # The review.
        await step(pilot, "r")
        assert isinstance(app.screen, ReviewScreen)
        # The 100 KB name has been waiting since it was added (R11's follow-up, overdue), so it
        # may come first: its step shows the name as typed, then on to the other.
        current = app.screen.current
        if current is not None and current.assessment.application.id == 2:
            shows(app, one_line(BIG)[:40])
            await step(pilot, "n")
        shows(app, f"{COMPANY} · {ROLE}", CONTACT, TITLE)  # the step's card
        await step(pilot, "escape")

        # The palette: part of the company finds it, shown as typed; enter opens it.
        await step(pilot, "ctrl+p")
        await type_text(pilot, "foo [eu")
        await settle(pilot)
        shows(app, f"Open {COMPANY}: {ROLE}")
        await step(pilot, "enter")
        assert isinstance(app.screen, DetailScreen) and app.screen.application_id == 1

        # The detail screen: the header and the whole dossier.
        shows(app, f"{COMPANY} · {ROLE}", f"#1 {COMPANY} · {ROLE}")
        dossier = "\n".join(str(widget.render()) for widget in app.screen.query("#dossier Static"))
        for tag in ("location", "url", "strengths", "topics", "concerns", "touch-notes"):
            assert one_line(hostile(tag)) in dossier
        assert printable(BIG) in dossier
        assert (
            f"{one_line(CONTACT)}  ★ decides  ♥ rapport\n  {one_line(TITLE)}" in dossier
        )  # a card
        assert f"{one_line(STAGE)}  with {one_line(CONTACT)}" in dossier

        # Help, titled with the screen's sub-title.
        await step(pilot, "question_mark")
        assert isinstance(app.screen, HelpScreen)
        shows(app, f"Keys: {COMPANY} · {ROLE}")
        await step(pilot, "escape")

        # Every form and dialog that shows user text, and the notice each save raises.
        await step(pilot, "e")
        shows(app, f"Edit {COMPANY}", COMPANY, ROLE, hostile("location"))
        await saved(pilot, f"Saved {COMPANY}")

        await step(pilot, "N")
        shows(app, "Edit which contact?", CONTACT)
        await step(pilot, "1")
        shows(app, f"Edit {CONTACT}", CONTACT, TITLE)
        await saved(pilot, f"Saved {one_line(CONTACT)}")

        await step(pilot, "I")
        shows(app, "Edit which interview?", STAGE)
        await step(pilot, "1")
        shows(app, f"Edit the interview: {COMPANY}", STAGE, f"{CONTACT} ({TITLE}, decides)")
        await saved(pilot, "Saved the Mon 2 Mar interview")

        await step(pilot, "l")
        await step(pilot, "e")  # an email sent
        shows(app, f"Log a follow-up: {COMPANY}", f"{CONTACT} ({TITLE}, decides)")
        await saved(pilot, f"Logged status check for {COMPANY}")

        await step(pilot, "t")
        shows(app, f"Log thank-you notes: {COMPANY}", f"{CONTACT} ({TITLE}, decides)")
        await step(pilot, "space")  # tick the one interviewer
        await saved(pilot, f"Logged thank you for {COMPANY}")

        await step(pilot, "s")
        shows(app, f"Snooze {COMPANY}")
        await saved(pilot, f"{COMPANY}: Snoozed until Fri 13 Mar")

        await step(pilot, "P")
        assert any(f"{COMPANY}: Parked" in shown for shown in notices(app))
        await step(pilot, "u")
        assert any(f"Undone: {COMPANY}: Parked" in shown for shown in notices(app))

        await step(pilot, "D")
        shows(app, "Delete which touch?", f"to {CONTACT}")
        await step(pilot, "1")
        assert isinstance(app.screen, ConfirmScreen)
        shows(app, f"to {CONTACT}?")
        await step(pilot, "y")
        assert any("Deleted the touch" in shown for shown in notices(app))

        await step(pilot, "C")
        shows(app, f"Close {COMPANY}", f"{CONTACT} ({TITLE}, decides)")
        await saved(pilot, f"Closed {COMPANY}: rejected")

        await step(pilot, "F")
        shows(app, f"Feedback and lessons: {COMPANY}", hostile("feedback"))
        await saved(pilot, f"Saved feedback and lessons for {COMPANY}")

        await step(pilot, "O")
        assert isinstance(app.screen, ConfirmScreen)
        shows(app, f"Reopen {COMPANY}?")
        await step(pilot, "y")
        assert any(f"Reopened {COMPANY}" in shown for shown in notices(app))

        # The call panel: the open call comes back with its notes; the script, your own
        # name, the forms for both, and a draft.
        await step(pilot, "c")
        assert isinstance(app.screen, CallScreen)
        shows(
            app,
            f"Call · {COMPANY}",
            f"Calling {CONTACT}, {TITLE}",
            hostile("bullet-one"),
            hostile("call-notes"),
        )
        await step(pilot, "escape")  # out of the notes
        await step(pilot, "v")
        shows(app, hostile("voicemail"))
        await step(pilot, "b")
        assert isinstance(app.screen, FormScreen)
        shows(app, hostile("voicemail"))
        await step(pilot, "ctrl+s")
        await step(pilot, "m")
        assert isinstance(app.screen, FormScreen)
        shows(app, "Me [me]", "555 [p]", "me@x [e]")
        await step(pilot, "ctrl+s")
        await step(pilot, "1")
        assert isinstance(app.screen, DraftScreen)
        shows(app, one_line(CONTACT).split()[0], "Me [me]")
        await step(pilot, "escape")
        await step(pilot, "escape")
        assert any("The call is kept" in shown for shown in notices(app))

        # Looking back: the closed application.
        await step(pilot, "escape")
        await step(pilot, "L")
        assert isinstance(app.screen, LookingBackScreen)
        closed = row(app.screen.query_one(ClosedTable), 0)
        assert (closed[1], closed[2], closed[5]) == (
            one_line(CLOSED), one_line(hostile("closed-role")), one_line(hostile("reason"))
        )  # fmt: skip
        shows(app, one_line(CLOSED)[:12])  # the columns are narrow: cut, with an ellipsis
        await step(pilot, "escape")

        assert app.is_running
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0


async def test_the_palette_finds_a_100_kb_name_at_once_and_shows_it_cut(tmp_path):
    path = tmp_path / "hostile.sqlite"
    hostile_database(path)
    app = FollowupApp(path, TODAY)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        if isinstance(app.screen, PickerScreen):
            await step(pilot, "l")
        await step(pilot, "ctrl+p")
        # Letters in order, not side by side, only in the long name: Textual's own matcher
        # tries every combination of their places, some 10^9 of them on 100 KB.
        await type_text(pilot, "2jh")
        await settle(pilot)
        shows(app, f"Open {one_line(BIG)[:40]}")
        await step(pilot, "enter")
        assert isinstance(app.screen, DetailScreen) and app.screen.application_id == 2


def test_the_palette_matcher_takes_each_letter_once_on_a_long_name():
    text = "a" * 50_000 + "b" + "a" * 50_000 + "c"
    started = monotonic()
    found = match(Matcher("abac"), text)
    assert monotonic() - started < 1
    assert found is not None
    score, content = found
    assert content.plain == text and score > 0
    assert [span.start for span in content.spans] == [0, 50_000, 50_001, 100_001]
    assert match(Matcher("abca"), text) is None  # no "a" after the "c"
    assert match(Matcher("[eu"), "Open Foo [EU]: Dev") is not None  # brackets are letters too
