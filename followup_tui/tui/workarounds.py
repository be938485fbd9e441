"""Workarounds for Textual bugs that keep closed screens in memory, in one place.

Each reaches into a private name of Textual, cites the upstream issue, and does nothing when the
name is gone. `TEXTUAL_CHECKED` is the version they were written against: tests/tui/
test_workarounds.py fails when the installed Textual differs, so whoever bumps the pin re-checks
both issues and deletes what upstream has fixed.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

TEXTUAL_CHECKED = "8.2.8"


def release_closed_widgets(app: App[Any]) -> None:
    """Let go of what closed screens still hold. Call before a screen closes."""
    _drop_detached_watchers(app)
    _clear_inner_outer_cache()


def _drop_detached_watchers(app: App[Any]) -> None:
    """Textualize/textual#6666: Header and TextArea watch the app's reactives (title, theme),
    and Textual drops such a watcher only when that value next changes, which ours rarely do.
    So every closed screen stayed in memory with what it had drawn (a call panel: 6,000
    objects), and the collector's full passes grew past 100 ms within a few dozen screens."""
    watchers = getattr(app, "__watchers", None)  # where textual.reactive._watch keeps them
    if not isinstance(watchers, dict):
        return
    for name, entries in watchers.items():
        watchers[name] = [(node, call) for node, call in entries if node.is_attached]


def _clear_inner_outer_cache() -> None:
    """Textualize/textual#6665: `StylesCache.get_inner_outer` is an instance method under
    `functools.lru_cache`, so the cache keeps up to 1,024 widgets' style caches, lines drawn and
    all, after their screens close. Its entries are two Styles each: cheap to compute again."""
    try:
        from textual._styles_cache import StylesCache
    except ImportError:
        return
    cache_clear = getattr(getattr(StylesCache, "get_inner_outer", None), "cache_clear", None)
    if callable(cache_clear):
        cache_clear()
