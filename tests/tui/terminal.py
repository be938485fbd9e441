"""A real terminal for the tests that need one: the `followup` command under a pseudo-terminal.

The child is a session leader with the pty as its controlling terminal, as in a terminal
window, so closing the terminal (`close`) hangs it up and the kernel sends it SIGHUP. What it
draws is read in a thread; `wait_for` looks for text with the escape sequences taken out.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import signal
import struct
import subprocess
import sys
import termios
import threading
import time
from collections.abc import Sequence

_ESCAPES = re.compile(
    rb"\x1b\[[0-9;?<=>]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]"
)


class Terminal:
    def __init__(
        self,
        argv: Sequence[str],
        env: dict[str, str],
        *,
        size: tuple[int, int] = (120, 36),
    ) -> None:
        self.master, slave = os.openpty()
        columns, rows = size
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        self.attributes_before = termios.tcgetattr(slave)
        self.process = subprocess.Popen(
            [sys.executable, *argv],
            stdin=slave,
            stdout=slave,
            stderr=slave,  # Textual draws on stderr
            env={**_without(env, "COLUMNS", "LINES"), "TERM": "xterm-256color"},
            start_new_session=True,
            preexec_fn=_take_the_terminal,
        )
        os.close(slave)
        self.output = bytearray()
        self._lock = threading.Lock()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                chunk = os.read(self.master, 65536)
            except OSError:
                return  # the terminal was closed, or the child hung up
            if not chunk:
                return
            with self._lock:
                self.output.extend(chunk)

    def text(self) -> str:
        with self._lock:
            raw = bytes(self.output)
        return _ESCAPES.sub(b"", raw).decode("utf-8", "replace")

    def raw(self) -> bytes:
        with self._lock:
            return bytes(self.output)

    def wait_for(self, text: str, timeout: float = 30) -> None:
        deadline = time.monotonic() + timeout
        while text not in self.text():
            if self.process.poll() is not None:
                raise AssertionError(
                    f"followup exited ({self.process.returncode}) before showing {text!r}: "
                    f"{self.text()[-2000:]}"
                )
            if time.monotonic() > deadline:
                raise AssertionError(f"never shown: {text!r}\n{self.text()[-2000:]}")
            time.sleep(0.02)

    def type(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def close(self) -> None:
        """Close the terminal window: the child's terminal hangs up."""
        with contextlib.suppress(OSError):
            os.close(self.master)

    def wait(self, timeout: float = 20) -> int:
        return self.process.wait(timeout=timeout)

    def attributes(self) -> list:
        """The terminal's modes now (a pty master reports its slave's)."""
        return termios.tcgetattr(self.master)

    def said_after(self) -> str:
        """What was written once the app left the alternate screen (the terminal restored)."""
        raw = self.raw()
        end = raw.rfind(b"\x1b[?1049l")
        assert end > raw.rfind(b"\x1b[?1049h"), "the app never left the alternate screen"
        after = raw[end + len(b"\x1b[?1049l") :]
        return _ESCAPES.sub(b"", after).decode("utf-8", "replace").replace("\r\n", "\n")

    def kill(self) -> None:
        if self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)
        self.close()


def _without(env: dict[str, str], *names: str) -> dict[str, str]:
    return {key: value for key, value in env.items() if key not in names}


def _take_the_terminal() -> None:
    """In the child, after setsid: make stdin (the pty) the controlling terminal."""
    fcntl.ioctl(0, termios.TIOCSCTTY, 0)
