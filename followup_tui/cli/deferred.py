"""Standard-library modules the shell agenda imports but never uses, loaded on first use.

`dataclasses` imports `inspect` (and ast, dis and tokenize behind it) for one call, made only
for a dataclass that has no docstring: measured at 8 ms, a quarter of `python -c pass`, on every
start of `followup due` (issue 17). It imports `copy` (and weakref behind it, 1 ms) for
`asdict` and `astuple`. Every dataclass the agenda defines has a docstring and it calls neither,
so the agenda's commands get an `inspect` and a `copy` that load themselves when something
first reads from them, and usually nothing does.

Not `importlib.util.LazyLoader`: on Python 3.11 its module loads at the next `import inspect`
(the import system reads the module's `__spec__`, and any read loads it). This module has its
spec, name and file from the start, as an imported module has, and loads on the first read of
anything else, into the same module object, so whoever imported it sees the whole module.

Only for the agenda's commands, which run on one thread and end: a module that loads itself
when first read is not safe when two threads first read it at once, and the app's workers use
`inspect`.
"""

from __future__ import annotations

import importlib.util
import sys
import types

# What `dataclasses` imports and the agenda does not use.
UNUSED_BY_THE_AGENDA = ("inspect", "copy")


class _LoadedOnFirstUse(types.ModuleType):
    """A module whose code has not run yet: reading anything it does not have runs it."""

    def __getattr__(self, name: str) -> object:
        # Only for what the module does not have: its spec, name and file it has already.
        self.__class__ = types.ModuleType  # type: ignore[assignment]
        spec = self.__spec__
        assert spec is not None and spec.loader is not None
        spec.loader.exec_module(self)
        return getattr(self, name)


def defer_unused_modules() -> None:
    """Make each of UNUSED_BY_THE_AGENDA load on first use. A module imported already (in a
    test run, or by the app) is left as it is."""
    for name in UNUSED_BY_THE_AGENDA:
        if name in sys.modules:
            continue
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            continue
        module = importlib.util.module_from_spec(spec)
        module.__class__ = _LoadedOnFirstUse
        sys.modules[name] = module
