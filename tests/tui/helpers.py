"""Shared Pilot helpers: waiting for loads, reading the screen, typing."""

from __future__ import annotations

import contextlib
import html
import re
from collections import defaultdict

from textual.worker import WorkerCancelled, WorkerFailed

from followup_tui.tui.widgets.review_table import ReviewTable

SIZE = (120, 36)


async def settle(pilot) -> None:
    """Let screens change, loads finish and the store open. Flows waiting on a form are left
    waiting (waiting for every worker would wait for the user), and `wait_for_complete([])`
    means every worker."""
    await pilot.pause()
    for worker in [w for w in pilot.app.workers if w.group in ("load", "load-one", "store")]:
        with contextlib.suppress(WorkerCancelled, WorkerFailed):
            await worker.wait()
    await pilot.pause()


async def loaded(pilot) -> ReviewTable:
    """Settle, then the dashboard's table; a failure shown on screen is not a test error."""
    await settle(pilot)
    return pilot.app.screen.query_one(ReviewTable)


async def highlight(pilot, company: str) -> ReviewTable:
    """The dashboard loaded, its cursor on the (first) row of `company`."""
    table = await loaded(pilot)
    table.move_cursor(row=next(i for i in range(table.row_count) if row(table, i)[1] == company))
    return table


_TEXT = re.compile(r'<text [^>]*clip-path="url\(#terminal-\d+-line-(\d+)\)">(.*?)</text>')


def screen_text(app) -> str:
    """What the terminal shows, as plain text lines (from the SVG screenshot's text runs)."""
    lines: dict[int, str] = defaultdict(str)
    for number, run in _TEXT.findall(app.export_screenshot()):
        lines[int(number)] += html.unescape(run).replace("\xa0", " ")
    return "\n".join(lines[number] for number in sorted(lines))


def row(table: ReviewTable, index: int) -> list[str]:
    return [cell.plain for cell in table.get_row_at(index)]


async def type_text(pilot, text: str) -> None:
    """Type into the focused widget; pilot.press turns each character into its key."""
    await pilot.press(*text)
