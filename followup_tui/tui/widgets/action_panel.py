"""Below the table: everything the rules say about the highlighted application, and why."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from followup_tui.domain.dates import short_day
from followup_tui.domain.rules import ActionKind, Assessment, describe
from followup_tui.domain.text import one_line
from followup_tui.tui.interview_day import brief_lines, debrief_hint


class ActionPanel(Static):
    """Built from Text parts, never from markup strings, so names and notes show literally."""

    def show(self, assessment: Assessment | None, *, empty_message: str = "") -> None:
        if assessment is None:
            self.update(Text(empty_message), layout=False)
            return
        application = assessment.application
        text = Text()
        text.append(one_line(application.company), style="bold")
        text.append(f" · {one_line(application.role)}")
        if application.expected_decision:
            text.append(f" · decision expected {short_day(application.expected_decision)}")
        else:
            text.append(" · decision date unknown")
        if assessment.earliest_follow_up and assessment.earliest_follow_up > assessment.today:
            text.append(f" · next follow-up allowed {short_day(assessment.earliest_follow_up)}")
        if application.notes.strip():
            text.append("\nNotes: ", style="bold")
            text.append(one_line(application.notes))
        for interview in application.upcoming(assessment.today):
            names = ", ".join(one_line(c.full_name) for c in application.interviewers(interview))
            at = f" {interview.at_time:%H:%M}" if interview.at_time else ""
            stage = f" {one_line(interview.stage)}" if interview.stage else ""
            text.append(f"\nUpcoming{stage} interview {short_day(interview.held_on)}{at}")
            if names:
                text.append(f" with {names}")
        # R12: after an interview, its debrief (today's interview's brief says it).
        hint = debrief_hint(application, assessment.today)
        if hint and not any(a.kind is ActionKind.INTERVIEW for a in assessment.actions):
            text.append(f"\n{hint}", style="bold")
        if not assessment.actions:
            text.append("\nNothing to do until something happens.")
        for action in assessment.actions:
            mark = "OVERDUE " if action.overdue else ""
            text.append("\n")
            text.append(f"{mark}{short_day(action.last_day)}  ", style="bold" if mark else "")
            text.append(one_line(describe(action)))
            brief = brief_lines(application, action)  # R12: the time, who, what to do there
            if not brief:
                text.append(f"\n    {one_line(action.why)}", style="italic")
            for line in brief:
                text.append(f"\n    {line}")
        for flag in assessment.flags:
            text.append(f"\n{flag.kind.label} ({flag.rule}): ", style="bold")
            text.append(one_line(flag.message))
        # The panel's height is fixed (app.tcss): no layout pass, which would repaint the table.
        self.update(text, layout=False)
