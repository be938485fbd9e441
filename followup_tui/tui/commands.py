"""The command palette's applications: ctrl+p, type part of a company, enter opens it."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Matcher, Provider
from textual.content import Content

from followup_tui.domain.text import one_line

if TYPE_CHECKING:
    from followup_tui.tui.app import FollowupApp


# What a palette line shows of a company or a role: a hostile 100 KB name stays one short line.
_LONGEST = 60


class ApplicationCommands(Provider):
    """One entry per application the dashboard loaded last.

    A company or role is user text: `Foo [EU]` or `ACME [/]` must show as typed. Textual's
    system commands are markup strings (its palette parses each title) and its matcher's
    `highlight` parses too, so these hits are built as Content and matched here."""

    def _entries(self) -> list[tuple[str, int]]:
        app = cast("FollowupApp", self.app)
        return [
            (f"Open {_short(a.company)}: {_short(a.role)}", a.id) for a in app.known_applications
        ]

    async def discover(self) -> Hits:
        app = cast("FollowupApp", self.app)
        for text, application_id in sorted(self._entries()):
            yield DiscoveryHit(
                Content(text),
                partial(app.open_application, application_id),
                text=text,
                help=f"Application #{application_id}",
            )

    async def search(self, query: str) -> Hits:
        app = cast("FollowupApp", self.app)
        matcher = self.matcher(query)
        for text, application_id in self._entries():
            found = match(matcher, text)
            if found is not None:
                score, content = found
                yield Hit(
                    score,
                    content,
                    partial(app.open_application, application_id),
                    text=text,
                    help=f"Application #{application_id}",
                )


def _short(text: str) -> str:
    shown = one_line(text)
    return shown if len(shown) <= _LONGEST else f"{shown[: _LONGEST - 1]}…"


def match(matcher: Matcher, text: str) -> tuple[float, Content] | None:
    """The score and the highlighted text when every letter of the query appears in order.

    Textual's `FuzzySearch.match` tries every combination of positions, which grows with the
    length of the text to the power of the query's; this takes the query as a substring if it
    is one, else each letter's first place after the last, so a long name cannot hang the
    palette. Scores come from Textual's own `score`, to rank beside the system commands."""
    query = matcher.query if matcher.case_sensitive else _fold(matcher.query)
    folded = text if matcher.case_sensitive else _fold(text)
    if not query:
        return None
    start = folded.find(query)
    if start >= 0:
        offsets = list(range(start, start + len(query)))
        boost = 2.0 if folded == query else 1.5
    else:
        offsets, position = [], 0
        for letter in query:
            position = folded.find(letter, position)
            if position < 0:
                return None
            offsets.append(position)
            position += 1
        boost = 1.0
    content = Content(text)
    for offset in offsets:
        if not text[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return matcher.fuzzy_search.score(folded, offsets) * boost, content


def _fold(text: str) -> str:
    """Lower case, one character for one (`"İ".lower()` is two), so offsets still fit."""
    return "".join(character.lower()[:1] for character in text)
