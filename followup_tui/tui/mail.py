"""Handing a draft to the user's own programs: a `mailto:` link for their mail program (through
the platform's opener) and $EDITOR on a temporary file.

The link is built by pure functions, so it is tested as text; the opener and the editor are
parameters, so tests pass fakes.
"""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

Opener = Callable[[str], object]


@dataclass(frozen=True, slots=True)
class Letter:
    to: str
    subject: str
    body: str


def read_letter(text: str) -> Letter:
    """The draft as shown and perhaps edited: 'To: …' and 'Subject: …' lines, a blank line, the
    body. A missing header line is empty; a fill-in marker is no address."""
    lines = text.split("\n")
    fields = {"to": "", "subject": ""}
    index = 0
    while index < len(lines) and ":" in lines[index]:
        name, _, value = lines[index].partition(":")
        if name.strip().lower() not in fields:
            break
        fields[name.strip().lower()] = value.strip()
        index += 1
    if index < len(lines) and not lines[index].strip() and index > 0:
        index += 1
    to = "" if fields["to"].startswith("(fill in") else fields["to"]
    return Letter(to, fields["subject"], "\n".join(lines[index:]))


def mailto_url(letter: Letter) -> str:
    """mailto:to?subject=…&body=… with every part percent-encoded (RFC 6068: spaces as %20,
    line breaks as %0D%0A), so any text survives the trip."""
    body = letter.body.replace("\r\n", "\n").replace("\n", "\r\n")
    query = f"subject={quote(letter.subject, safe='')}&body={quote(body, safe='')}"
    return f"mailto:{quote(letter.to, safe='@,')}?{query}"


def system_opener() -> Opener:
    """The platform's way to open a link: os.startfile on Windows, `open` on macOS, else
    `xdg-open`, detached so the app does not wait for the mail program."""
    if sys.platform == "win32":
        return os.startfile  # type: ignore[attr-defined,no-any-return]
    command = "open" if sys.platform == "darwin" else "xdg-open"

    def run(url: str) -> subprocess.Popen[bytes]:
        return subprocess.Popen(
            [command, url],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )

    return run


def open_in_mail(text: str, opener: Opener | None = None) -> str:
    """Open the draft in the user's mail program; returns the link. OSError (no opener
    installed) reaches the caller, which says so."""
    url = mailto_url(read_letter(text))
    (opener or system_opener())(url)
    return url


def chosen_editor(environ: dict[str, str] | os._Environ[str] = os.environ) -> str:
    """$VISUAL, else $EDITOR, else empty."""
    return (environ.get("VISUAL") or environ.get("EDITOR") or "").strip()


def edit_in_editor(text: str, editor: str) -> str:
    """Run `editor` (a command line, as $EDITOR holds it) on a private temporary file holding
    `text`; return the file as the editor left it. The file is removed afterwards."""
    handle, name = tempfile.mkstemp(prefix="followup-draft-", suffix=".txt")
    path = Path(name)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        subprocess.run([*shlex.split(editor), str(path)], check=True)
        return path.read_text(encoding="utf-8")
    finally:
        path.unlink(missing_ok=True)
