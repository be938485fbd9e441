"""The draft window: its whole hint, the text editable before copying, the mail program through
a mailto: link, and $EDITOR (issue 15 item 6)."""

from __future__ import annotations

import stat
from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from followup_tui.domain.drafts import Draft
from followup_tui.tui import mail
from followup_tui.tui.app import FollowupApp
from followup_tui.tui.screens.draft import DraftScreen

from .helpers import screen_text, settle

DRAFT = Draft(
    "status_email",
    "dana@example.com",
    "Staff Engineer: following up",
    "Dear Dana Reyes,\n\nAs ever & always: 100% keen?\n",
)


def test_mailto_url_encodes_subject_and_body():
    url = mail.mailto_url(mail.read_letter(DRAFT.text))
    assert url == (
        "mailto:dana@example.com?subject=Staff%20Engineer%3A%20following%20up"
        "&body=Dear%20Dana%20Reyes%2C%0D%0A%0D%0AAs%20ever%20%26%20always%3A%20100%25%20keen%3F"
        "%0D%0A"
    )


def test_a_fill_in_marker_is_no_address():
    letter = mail.read_letter("To: (fill in: their email address)\nSubject: Hi\n\nBody\n")
    assert letter == mail.Letter("", "Hi", "Body\n")
    assert mail.mailto_url(letter).startswith("mailto:?subject=Hi&body=Body")


@given(st.text())
def test_any_body_survives_the_link(body):
    url = mail.mailto_url(mail.Letter("a@b.c", "s", body))
    assert "&" not in url.split("&body=", 1)[1] and " " not in url and "\n" not in url
    assert unquote(url.split("&body=", 1)[1]) == body.replace("\r\n", "\n").replace("\n", "\r\n")


def test_open_in_mail_calls_the_opener_with_the_link():
    opened: list[str] = []
    url = mail.open_in_mail(DRAFT.text, opener=opened.append)
    assert opened == [url] and url.startswith("mailto:dana@example.com?subject=")


def test_edit_in_editor_reads_back_what_the_editor_wrote(tmp_path):
    editor = tmp_path / "fake editor.sh"
    editor.write_text('#!/bin/sh\nsed -i "s/keen/very keen/" "$1"\necho "PS: thanks" >> "$1"\n')
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    edited = mail.edit_in_editor(DRAFT.text, f"'{editor}'")
    assert "100% very keen?" in edited and edited.endswith("PS: thanks\n")


async def test_the_window_shows_its_whole_hint_and_copies_the_edited_text(tmp_path):
    app = FollowupApp(tmp_path / "draft.sqlite", __import__("datetime").date(2026, 3, 10))
    copied: list[str] = []
    app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await app.push_screen(DraftScreen(DRAFT))
        await settle(pilot)
        assert isinstance(app.screen, DraftScreen), app.screen_stack
        shown = " ".join(screen_text(app).replace("█", " ").split())
        assert "escape closes" in shown
        area = app.screen.query_one("#draft-text")
        assert not area.read_only
        area.insert("PS: ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert copied[-1].startswith("PS: To: dana@example.com")


async def test_the_window_opens_the_mail_program_and_the_editor(tmp_path, monkeypatch):
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\necho "Added in the editor" >> "$1"\n')
    editor.chmod(editor.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("EDITOR", str(editor))
    monkeypatch.delenv("VISUAL", raising=False)
    opened: list[str] = []
    app = FollowupApp(tmp_path / "draft.sqlite", __import__("datetime").date(2026, 3, 10))
    app.copy_to_clipboard = lambda text: None  # type: ignore[method-assign]
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        await app.push_screen(DraftScreen(DRAFT, opener=opened.append))
        await settle(pilot)
        await pilot.press("ctrl+g")
        await settle(pilot)
        text = app.screen.query_one("#draft-text").text
        assert text.endswith("Added in the editor\n")
        await pilot.press("ctrl+o")
        await settle(pilot)
        assert opened and opened[0].startswith("mailto:dana@example.com?subject=Staff")
        assert "Added%20in%20the%20editor" in opened[0]
